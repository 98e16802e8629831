//! Politeness: the queue workers take requests from. A request to a host is handed out only
//! when the host has a free slot (at most `per_host` at once), its delay since the last start
//! has passed (the larger of ours and robots.txt's `Crawl-delay`, capped), and no back-off
//! holds it (after a 429 or a 5xx); a host's robots.txt is fetched before anything else there,
//! once, and a URL it disallows is handed back as [`Task::Blocked`] without a request (each job
//! meets the rules once: when pushed, or when its host's rules arrive).

use crate::robots::Rules;
use claimtrail_ledger::collect_state::Validators;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use url::Url;

/// The longest `Crawl-delay` obeyed as such; a site asking more gets this.
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(60);

/// What a request is for.
#[derive(Debug, Clone)]
pub enum Purpose {
    /// A feed, sitemap or home page, with the source it was reached from and its validators
    /// from the last poll (for a conditional GET).
    Listing {
        source: Arc<str>,
        validators: Validators,
    },
    /// A page from a listing entry.
    Page(Arc<PageJob>),
}

/// A page to fetch and what its listing said.
#[derive(Debug)]
pub struct PageJob {
    /// The page's key: its clean URL as listed.
    pub key: String,
    pub fingerprint: String,
    pub listed_date: Option<String>,
    pub listed_title: Option<String>,
    /// The listing that named it (its validators wait on its pages).
    pub listing: Option<Arc<str>>,
}

#[derive(Debug, Clone)]
pub struct Job {
    /// What is requested now (a redirect's target after the first hop).
    pub url: Url,
    pub host: String,
    pub purpose: Purpose,
    /// Attempts made so far (retries after 429/5xx).
    pub attempt: u32,
    /// Redirects followed so far.
    pub hops: u32,
}

/// What a worker is to do next.
#[derive(Debug)]
pub enum Task {
    Fetch(Job),
    /// Fetch this host's robots.txt first.
    Robots {
        host: String,
        url: Url,
    },
    /// robots.txt forbids this URL: no request.
    Blocked(Job),
}

#[derive(Default)]
enum RobotsState {
    #[default]
    Unknown,
    Fetching,
    Known(Arc<Rules>),
}

#[derive(Default)]
struct Host {
    in_flight: usize,
    next_start: Option<Instant>,
    backoff_until: Option<Instant>,
    robots: RobotsState,
}

impl Host {
    fn ready_at(&self) -> Option<Instant> {
        self.next_start.max(self.backoff_until)
    }
}

struct State {
    queue: VecDeque<Job>,
    /// Jobs robots.txt forbids, each checked once: when pushed, or when its host's rules came.
    blocked: VecDeque<Job>,
    hosts: HashMap<String, Host>,
    in_flight: usize,
    closed: bool,
}

pub struct Scheduler {
    state: Mutex<State>,
    wake: Condvar,
    per_host: usize,
    delay: Duration,
    stop: Arc<AtomicBool>,
}

impl Scheduler {
    pub fn new(per_host: usize, delay: Duration, stop: Arc<AtomicBool>) -> Self {
        Scheduler {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                blocked: VecDeque::new(),
                hosts: HashMap::new(),
                in_flight: 0,
                closed: false,
            }),
            wake: Condvar::new(),
            per_host: per_host.max(1),
            delay,
            stop,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A worker that panicked mid-update leaves counts we can still read.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn push(&self, job: Job) {
        let mut s = self.lock();
        let disallowed = match s.hosts.get(&job.host).map(|h| &h.robots) {
            Some(RobotsState::Known(r)) => !r.allowed(&job.url),
            _ => false,
        };
        if disallowed {
            s.blocked.push_back(job);
        } else {
            s.queue.push_back(job);
        }
        drop(s);
        self.wake.notify_all();
    }

    /// Robots rules already known (from an earlier cycle).
    pub fn know_robots(&self, host: &str, rules: Arc<Rules>) {
        self.lock()
            .hosts
            .entry(host.to_string())
            .or_default()
            .robots = RobotsState::Known(rules);
    }

    /// A back-off carried over from an earlier run.
    pub fn hold_host(&self, host: &str, until: Instant) {
        let mut s = self.lock();
        let h = s.hosts.entry(host.to_string()).or_default();
        h.backoff_until = h.backoff_until.max(Some(until));
    }

    /// Requests running now.
    pub fn in_flight(&self) -> usize {
        self.lock().in_flight
    }

    pub fn close(&self) {
        self.lock().closed = true;
        self.wake.notify_all();
    }

    /// The next task, waiting until one is allowed; `None` once closed or stopped.
    pub fn next(&self) -> Option<Task> {
        let mut s = self.lock();
        loop {
            if s.closed || self.stop.load(Ordering::Relaxed) {
                return None;
            }
            if let Some(job) = s.blocked.pop_front() {
                return Some(Task::Blocked(job));
            }
            let now = Instant::now();
            let mut earliest: Option<Instant> = None;
            let mut pick = None;
            let State { queue, hosts, .. } = &mut *s;
            // Hosts found waiting in this scan: their other jobs are passed over at the cost of
            // a set lookup (a sitemap can queue tens of thousands of pages on one host).
            let mut waiting: HashSet<&str> = HashSet::new();
            for (i, job) in queue.iter().enumerate() {
                if waiting.contains(job.host.as_str()) {
                    continue;
                }
                if !hosts.contains_key(&job.host) {
                    hosts.insert(job.host.clone(), Host::default());
                }
                let h = &hosts[&job.host];
                let free = h.in_flight < self.per_host;
                let ready = h.ready_at().is_none_or(|t| t <= now);
                match &h.robots {
                    RobotsState::Fetching => {
                        waiting.insert(&job.host);
                    }
                    _ if free && ready => {
                        pick = Some(i);
                        break;
                    }
                    _ => {
                        if free {
                            earliest = earliest.min(h.ready_at()).or(h.ready_at());
                        }
                        waiting.insert(&job.host);
                    }
                }
            }
            if let Some(i) = pick {
                let job = s.queue.remove(i).expect("index from the scan");
                let delay = self.delay;
                let h = s.hosts.get_mut(&job.host).expect("entry made in the scan");
                h.in_flight += 1;
                let task = match &h.robots {
                    RobotsState::Known(r) => {
                        h.next_start = Some(now + delay.max(r.crawl_delay.min(MAX_CRAWL_DELAY)));
                        Task::Fetch(job)
                    }
                    _ => {
                        h.robots = RobotsState::Fetching;
                        h.next_start = Some(now + delay);
                        let url = crate::robots::robots_url(&job.url);
                        let host = job.host.clone();
                        // The job waits for the rules.
                        s.queue.push_front(job);
                        Task::Robots { host, url }
                    }
                };
                s.in_flight += 1;
                return Some(task);
            }
            // Nothing allowed now: wait for a slot, a delay to pass or new work. A short cap
            // keeps the stop flag looked at.
            let wait = earliest
                .map(|t| t.saturating_duration_since(now))
                .unwrap_or(Duration::from_millis(200))
                .clamp(Duration::from_millis(1), Duration::from_millis(200));
            s = self
                .wake
                .wait_timeout(s, wait)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }

    /// A request to `host` ended; `backoff` holds the host for that long (429, 5xx).
    pub fn done(&self, host: &str, backoff: Option<Duration>) {
        let mut s = self.lock();
        s.in_flight = s.in_flight.saturating_sub(1);
        if let Some(h) = s.hosts.get_mut(host) {
            h.in_flight = h.in_flight.saturating_sub(1);
            if let Some(b) = backoff {
                h.backoff_until = h.backoff_until.max(Some(Instant::now() + b));
            }
        }
        drop(s);
        self.wake.notify_all();
    }

    /// A host's robots.txt was read (or could not be: the rules say what follows).
    pub fn robots_done(&self, host: &str, rules: Arc<Rules>) {
        let mut s = self.lock();
        s.in_flight = s.in_flight.saturating_sub(1);
        if let Some(h) = s.hosts.get_mut(host) {
            h.in_flight = h.in_flight.saturating_sub(1);
            h.robots = RobotsState::Known(rules.clone());
        }
        // The host's queued jobs meet its rules once, here.
        let queue = std::mem::take(&mut s.queue);
        for job in queue {
            if job.host == host && !rules.allowed(&job.url) {
                s.blocked.push_back(job);
            } else {
                s.queue.push_back(job);
            }
        }
        drop(s);
        self.wake.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(url: &str) -> Job {
        let url = Url::parse(url).unwrap();
        Job {
            host: crate::url_clean::host_key(&url),
            url,
            purpose: Purpose::Listing {
                source: "s".into(),
                validators: Validators::default(),
            },
            attempt: 0,
            hops: 0,
        }
    }

    #[test]
    fn robots_first_then_slots_delays_and_blocks() {
        let stop = Arc::new(AtomicBool::new(false));
        let s = Scheduler::new(1, Duration::from_millis(50), stop.clone());
        s.push(job("http://a.test/1"));
        s.push(job("http://a.test/private/2"));
        s.push(job("http://a.test/3"));
        let Some(Task::Robots { host, url }) = s.next() else {
            panic!("robots.txt comes first")
        };
        assert_eq!(url.as_str(), "http://a.test/robots.txt");
        let rules = Rules::parse("claimtrail", b"User-agent: *\nDisallow: /private/\n");
        s.robots_done(&host, Arc::new(rules));
        let t0 = Instant::now();
        // A disallowed URL is handed back at once, without a request (and without waiting).
        let Some(Task::Blocked(j)) = s.next() else {
            panic!()
        };
        assert_eq!(j.url.path(), "/private/2");
        let Some(Task::Fetch(j)) = s.next() else {
            panic!()
        };
        assert_eq!(j.url.path(), "/1");
        assert!(
            t0.elapsed() >= Duration::from_millis(40),
            "the host's delay is kept"
        );
        assert_eq!(s.in_flight(), 1);
        // One slot per host: /3 waits until /1 is done.
        let s = Arc::new(s);
        let s2 = s.clone();
        let waiter = std::thread::spawn(move || s2.next());
        std::thread::sleep(Duration::from_millis(100));
        assert!(!waiter.is_finished());
        s.done(&host, None);
        let Some(Task::Fetch(j)) = waiter.join().unwrap() else {
            panic!()
        };
        assert_eq!(j.url.path(), "/3");
        stop.store(true, Ordering::Relaxed);
        assert!(s.next().is_none());
    }
}
