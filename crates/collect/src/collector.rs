//! One collect cycle: read every source (conditional GET), queue the pages its entries name that
//! are new or whose entry changed, fetch them politely in worker threads, archive each HTML
//! response as WARC, and ingest it *from the archive* so that `claimtrail ingest ARCHIVE` gives
//! the same ledger.
//!
//! Order of work for one page, so that `kill -9` at any point loses nothing and stores nothing
//! twice: (1) the request/response pair is written and synced, and the file's committed length
//! recorded; (2) the page is recorded as `archived` with its record's place; (3) it is read back
//! from the archive and stored in the ledger (one transaction per document, keyed by content
//! and origin); (4) it is recorded as `stored`. A restart cuts each WARC file back to its
//! committed length (a pair half written goes), ingests pages left `archived` from the archive
//! (a document already stored is recognised and skipped), and fetches again what never reached
//! (2). A feed's validators are saved only once every page it listed has been stored, so a
//! stopped cycle never hides entries behind a `304 Not Modified`.
//!
//! Workers only fetch; this thread alone writes the archive and the ledger.

use crate::http::{FetchError, Fetcher, HttpOptions, Response};
use crate::listing::{self, Entry};
use crate::robots::Rules;
use crate::schedule::{Job, PageJob, Purpose, Scheduler, Task};
use crate::url_clean::{self, host_key};
use crate::warc_write::{Exchange, WarcWriter};
use chrono::Utc;
use claimtrail_ledger::collect_state::{PageRecord, PageState, Validators};
use claimtrail_ledger::{SqliteStore, StoreError};
use claimtrail_page::RawDoc;
use claimtrail_pipeline::{Input, Progress, RunOptions, StoreSink};
use std::collections::{HashMap, HashSet};
use std::io::{self, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use url::Url;

/// The product token robots.txt rules are matched against.
pub const AGENT_TOKEN: &str = "claimtrail";
/// Prefix of the WARC files this collector writes.
pub const WARC_PREFIX: &str = "claimtrail";
/// How long a host's robots.txt is trusted before it is read again.
const ROBOTS_TTL: Duration = Duration::from_secs(24 * 3600);

/// What a collector needs to know. [`Options::new`] gives the polite defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// How a site can reach whoever runs the collector (an e-mail address or a URL), sent in
    /// the User-Agent.
    pub contact: String,
    /// Where the WARC files go.
    pub archive: PathBuf,
    /// Least time between two requests' starts on one host.
    pub delay: Duration,
    /// Most requests at once on one host.
    pub per_host: usize,
    /// Requests at once over all hosts.
    pub workers: usize,
    /// Time limit of one request, body included.
    pub timeout: Duration,
    /// Largest body accepted, as it comes.
    pub max_body: u64,
    /// Tries after the first on 429, 5xx or a broken connection.
    pub retries: u32,
    /// The first retry's wait, doubled on each further one (unless `Retry-After` says).
    pub backoff: Duration,
    /// The longest wait a retry within a cycle may ask for; a longer `Retry-After` holds the
    /// host until a later cycle.
    pub max_retry_wait: Duration,
    pub max_redirects: u32,
    /// A page failing this many cycles in a row is given up until its entry changes.
    pub max_failures: u32,
    /// A WARC file is closed once it passes this size.
    pub warc_max_bytes: u64,
    /// The ingest side: document limits, batch size, analysis options.
    pub run: RunOptions,
}

impl Options {
    pub fn new(contact: impl Into<String>, archive: impl Into<PathBuf>) -> Self {
        Options {
            contact: contact.into(),
            archive: archive.into(),
            delay: Duration::from_secs(1),
            per_host: 2,
            workers: 8,
            timeout: Duration::from_secs(30),
            max_body: 16 << 20,
            retries: 3,
            backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(120),
            max_redirects: 5,
            max_failures: 3,
            warc_max_bytes: 1 << 30,
            run: RunOptions {
                batch_size: 32,
                ..RunOptions::default()
            },
        }
    }

    pub fn user_agent(&self) -> String {
        format!(
            "{AGENT_TOKEN}/{} (+{})",
            env!("CARGO_PKG_VERSION"),
            self.contact.trim()
        )
    }
}

/// Where pages come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A feed, sitemap (index) or home page, told apart by content.
    Url(String),
    /// A local file of page URLs, one a line.
    UrlList(PathBuf),
}

impl Source {
    /// An http(s) URL is a listing; anything else names a file of page URLs.
    pub fn from_arg(arg: &str) -> Self {
        let a = arg.trim();
        if a.starts_with("http://") || a.starts_with("https://") {
            Source::Url(a.to_string())
        } else {
            Source::UrlList(PathBuf::from(a))
        }
    }

    fn name(&self) -> String {
        match self {
            Source::Url(u) => u.clone(),
            Source::UrlList(p) => p.display().to_string(),
        }
    }
}

/// The lines of a sources file: one source a line; blank lines and `#` comments skipped.
pub fn read_sources_file(path: &Path) -> io::Result<Vec<Source>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .map(|l| l.split_once(" #").map_or(l, |(a, _)| a).trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(Source::from_arg)
        .collect())
}

/// What a cycle did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CycleStats {
    /// HTTP responses received (robots.txt, listings, pages, retries).
    pub fetched: usize,
    /// Pages archived.
    pub pages: usize,
    /// Listed pages not fetched: already stored with the same entry, disallowed, not HTML.
    pub skipped: usize,
    /// Listings and pages that failed (each reported).
    pub failed: usize,
    /// Documents the ledger did not hold before.
    pub new_documents: usize,
    /// Listings unchanged since the last poll (`304`).
    pub not_modified: usize,
    /// Pages robots.txt kept us from.
    pub disallowed: usize,
    /// Pages archived by an earlier, interrupted run and stored now.
    pub recovered: usize,
}

/// Something that went wrong with one source or URL; the cycle goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub what: String,
    pub why: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.what, self.why)
    }
}

/// What stops a cycle: the ledger or the archive cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("archive {path}: {source}")]
    Archive {
        path: String,
        #[source]
        source: io::Error,
    },
}

fn archive_err(path: &Path) -> impl FnOnce(io::Error) -> CollectError + '_ {
    move |source| CollectError::Archive {
        path: path.display().to_string(),
        source,
    }
}

/// robots.txt rules by host, with when they were read: kept across cycles.
type RobotsCache = Mutex<HashMap<String, (Instant, Arc<Rules>)>>;

/// A collector across cycles: its HTTP client, robots.txt cache and open WARC file.
pub struct Collector {
    opts: Options,
    fetcher: Arc<Fetcher>,
    robots: Arc<RobotsCache>,
    writer: WarcWriter,
}

/// What a worker hands back.
enum Outcome {
    /// The final response (or failure) of a job; `hold` is a back-off to keep for the host.
    Fetched {
        job: Job,
        result: Result<Response, FetchError>,
        hold: Option<Duration>,
    },
    /// A response that will be tried again (counted, not archived).
    Retrying,
    RobotsRead {
        host: String,
        note: Option<String>,
    },
    Blocked(Job),
}

/// A listing whose validators wait for its pages to reach a recorded state (stored, or
/// failed and so tried again next cycle whatever the listing says).
struct PendingListing {
    validators: Validators,
    pages: usize,
}

impl Collector {
    /// Opens the archive directory and cuts back any WARC file a killed run left half written.
    pub fn new(opts: Options, store: &SqliteStore) -> Result<Self, CollectError> {
        let writer = WarcWriter::new(
            &opts.archive,
            WARC_PREFIX,
            opts.warc_max_bytes,
            &opts.contact,
        )
        .map_err(archive_err(&opts.archive))?;
        let entries = std::fs::read_dir(&opts.archive).map_err(archive_err(&opts.archive))?;
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with(WARC_PREFIX) || !name.ends_with(".warc.gz") {
                continue;
            }
            if let Some(committed) = store.collect_archive_committed(&name)? {
                WarcWriter::recover(&opts.archive, &name, committed)
                    .map_err(archive_err(&opts.archive.join(&name)))?;
            }
        }
        let fetcher = Fetcher::new(HttpOptions {
            user_agent: opts.user_agent(),
            timeout: opts.timeout,
            max_body: opts.max_body,
        });
        Ok(Collector {
            opts,
            fetcher: Arc::new(fetcher),
            robots: Arc::default(),
            writer,
        })
    }

    /// One pass over `sources`. `stop` ends it early: no new request starts, the ones running
    /// finish and are stored. Problems with single sources or pages go to `report`.
    pub fn cycle(
        &mut self,
        store: &mut SqliteStore,
        sources: &[Source],
        stop: &Arc<AtomicBool>,
        report: &mut dyn FnMut(&Problem),
    ) -> Result<CycleStats, CollectError> {
        let mut cycle = Cycle {
            opts: &self.opts,
            writer: &mut self.writer,
            store,
            report,
            stats: CycleStats::default(),
            sched: Arc::new(Scheduler::new(
                self.opts.per_host,
                self.opts.delay,
                stop.clone(),
            )),
            outstanding: 0,
            queued_pages: HashSet::new(),
            queued_listings: HashSet::new(),
            listings: HashMap::new(),
            batch: Vec::new(),
        };
        cycle.recover()?;
        if stop.load(Ordering::Relaxed) {
            return Ok(cycle.stats);
        }
        cycle.hold_hosts()?;
        cycle.retry_failed()?;
        {
            let cache = self.robots.lock().unwrap_or_else(|p| p.into_inner());
            for (host, (at, rules)) in cache.iter() {
                if at.elapsed() < ROBOTS_TTL {
                    cycle.sched.know_robots(host, rules.clone());
                }
            }
        }
        for s in sources {
            cycle.start_source(s)?;
        }
        let (tx, rx) = mpsc::channel::<Outcome>();
        let workers = self.opts.workers.max(1);
        std::thread::scope(|scope| -> Result<(), CollectError> {
            for _ in 0..workers {
                let tx = tx.clone();
                let sched = cycle.sched.clone();
                let fetcher = self.fetcher.clone();
                let robots = self.robots.clone();
                let opts = &self.opts;
                scope.spawn(move || work(&sched, &fetcher, &robots, opts, &tx));
            }
            drop(tx);
            let result = cycle.run(&rx, stop);
            cycle.sched.close();
            result
        })?;
        cycle.flush()?;
        Ok(cycle.stats)
    }
}

/// A worker: takes tasks until the scheduler closes. It sends each outcome before it frees the
/// host's slot, so that no request counts as finished before its response is on its way.
fn work(
    sched: &Scheduler,
    fetcher: &Fetcher,
    robots: &RobotsCache,
    opts: &Options,
    tx: &mpsc::Sender<Outcome>,
) {
    while let Some(task) = sched.next() {
        match task {
            Task::Robots { host, url } => {
                let rules = Arc::new(read_robots(fetcher, &url));
                let note = rules.is_failure().then(|| rules.note.clone());
                if !rules.is_failure() {
                    robots
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .insert(host.clone(), (Instant::now(), rules.clone()));
                }
                let _ = tx.send(Outcome::RobotsRead {
                    host: host.clone(),
                    note,
                });
                sched.robots_done(&host, rules);
            }
            Task::Blocked(job) => {
                let _ = tx.send(Outcome::Blocked(job));
            }
            Task::Fetch(mut job) => {
                let page = matches!(job.purpose, Purpose::Page(_));
                let accept = if page {
                    "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
                } else {
                    "application/rss+xml,application/atom+xml,application/feed+json,\
                     application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5,*/*;q=0.1"
                };
                let want = |status: u16, ctype: &str| match status {
                    200..=299 => !page || is_html_type(ctype),
                    300..=399 => true,
                    _ => false,
                };
                let result = fetcher.get(&job.url, accept, &job_headers(&job), &want);
                let wait = match &result {
                    Ok(r) if r.status == 429 || r.status >= 500 => Some(
                        r.header("retry-after")
                            .and_then(|v| crate::http::retry_after(v, Utc::now())),
                    ),
                    Err(FetchError::Transport(_)) => Some(None),
                    _ => None,
                };
                let host = job.host.clone();
                let Some(asked) = wait else {
                    let _ = tx.send(Outcome::Fetched {
                        job,
                        result,
                        hold: None,
                    });
                    sched.done(&host, None);
                    continue;
                };
                let backoff = opts.backoff.saturating_mul(1 << job.attempt.min(16));
                let wait = asked.unwrap_or(backoff);
                if job.attempt < opts.retries && wait <= opts.max_retry_wait {
                    job.attempt += 1;
                    let _ = tx.send(Outcome::Retrying);
                    sched.push(job);
                    sched.done(&host, Some(wait));
                } else {
                    let hold = (wait > opts.max_retry_wait).then_some(wait);
                    let _ = tx.send(Outcome::Fetched { job, result, hold });
                    sched.done(&host, Some(wait.min(opts.max_retry_wait)));
                }
            }
        }
    }
}

/// The conditional headers of a listing request.
fn job_headers(job: &Job) -> Vec<(&'static str, String)> {
    match &job.purpose {
        Purpose::Listing { validators, .. } => {
            let mut h = Vec::new();
            if let Some(e) = &validators.etag {
                h.push(("If-None-Match", e.clone()));
            }
            if let Some(m) = &validators.last_modified {
                h.push(("If-Modified-Since", m.clone()));
            }
            h
        }
        Purpose::Page(_) => Vec::new(),
    }
}

fn is_html_type(ctype: &str) -> bool {
    let t = ctype.to_ascii_lowercase();
    t.trim().is_empty() || t.contains("text/html") || t.contains("xhtml")
}

/// A host's rules, as RFC 9309 reads each outcome (redirects followed a few times).
fn read_robots(fetcher: &Fetcher, url: &Url) -> Rules {
    let mut url = url.clone();
    for _ in 0..5 {
        let r = match fetcher.get(&url, "text/plain,*/*;q=0.5", &[], &|s, _| s < 300) {
            Ok(r) => r,
            Err(e) => {
                return Rules::deny_all(format!(
                    "robots.txt unreachable ({e}); nothing fetched from this host this cycle"
                ))
            }
        };
        match r.status {
            200..=299 => {
                return match r.decoded_body(crate::robots::MAX_ROBOTS_BYTES * 4) {
                    Ok(body) => Rules::parse(AGENT_TOKEN, &body),
                    Err(e) => Rules::allow_all(format!("robots.txt unreadable ({e})")),
                }
            }
            300..=399 => {
                match r
                    .header("location")
                    .and_then(|l| url_clean::clean(l, Some(&url)))
                {
                    Some(next) => url = next,
                    None => return Rules::allow_all("robots.txt redirects nowhere"),
                }
            }
            400..=499 => return Rules::allow_all(format!("no robots.txt ({})", r.status)),
            s => {
                return Rules::deny_all(format!(
                    "robots.txt answered {s}; nothing fetched from this host this cycle"
                ))
            }
        }
    }
    Rules::allow_all("robots.txt redirects too often")
}

/// The state of one cycle, on the coordinating thread.
struct Cycle<'a> {
    opts: &'a Options,
    writer: &'a mut WarcWriter,
    store: &'a mut SqliteStore,
    report: &'a mut dyn FnMut(&Problem),
    stats: CycleStats,
    sched: Arc<Scheduler>,
    /// Jobs pushed and not yet concluded.
    outstanding: usize,
    queued_pages: HashSet<String>,
    queued_listings: HashSet<String>,
    listings: HashMap<Arc<str>, PendingListing>,
    /// Pages archived, waiting to be stored: their state record, document and job (none for a
    /// page recovered from an earlier run).
    batch: Vec<(PageRecord, RawDoc, Option<Arc<PageJob>>)>,
}

impl Cycle<'_> {
    fn problem(&mut self, what: impl Into<String>, why: impl Into<String>) {
        (self.report)(&Problem {
            what: what.into(),
            why: why.into(),
        });
    }

    /// A page's first attempt.
    fn push_page(&mut self, url: Url, job: PageJob) {
        self.push(Job {
            host: host_key(&url),
            url,
            purpose: Purpose::Page(Arc::new(job)),
            attempt: 0,
            hops: 0,
        });
    }

    fn push(&mut self, job: Job) {
        self.outstanding += 1;
        self.sched.push(job);
    }

    /// Stores pages an interrupted run archived but did not store.
    fn recover(&mut self) -> Result<(), CollectError> {
        for mut page in self.store.collect_archived_pages()? {
            match self.read_back(&page) {
                Ok(Some(doc)) => {
                    self.stats.recovered += 1;
                    self.batch.push((page, doc, None));
                }
                result => {
                    let why = match result {
                        Err(e) => e,
                        _ => "its archived response is not an HTML document".into(),
                    };
                    self.problem(&page.url, format!("{why}; fetched again next time"));
                    page.state = PageState::Failed;
                    page.fingerprint.clear();
                    self.store.collect_put_page(&page)?;
                }
            }
        }
        self.flush()
    }

    /// Pages that failed on an earlier cycle are tried again (up to `max_failures` times in a
    /// row), whether or not their listing changed.
    fn retry_failed(&mut self) -> Result<(), CollectError> {
        for page in self.store.collect_failed_pages(self.opts.max_failures)? {
            let Some(url) = url_clean::clean(&page.url, None) else {
                continue;
            };
            if !self.queued_pages.insert(page.url.clone()) {
                continue;
            }
            let job = PageJob {
                key: page.url,
                fingerprint: page.fingerprint,
                listed_date: page.listed_date,
                listed_title: page.listed_title,
                listing: None,
            };
            self.push_page(url, job);
        }
        Ok(())
    }

    /// Back-offs of earlier runs still running.
    fn hold_hosts(&mut self) -> Result<(), CollectError> {
        let now = Utc::now();
        for (host, until) in self.store.collect_host_backoffs()? {
            let Ok(until) = chrono::DateTime::parse_from_rfc3339(&until) else {
                continue;
            };
            if let Ok(left) = (until.with_timezone(&Utc) - now).to_std() {
                self.sched.hold_host(&host, Instant::now() + left);
            }
        }
        Ok(())
    }

    fn start_source(&mut self, s: &Source) -> Result<(), CollectError> {
        match s {
            Source::Url(u) => match url_clean::clean(u, None) {
                Some(url) => self.push_listing(url, u.as_str().into())?,
                None => {
                    self.stats.failed += 1;
                    self.problem(s.name(), "not an http(s) URL");
                }
            },
            Source::UrlList(path) => match std::fs::read_to_string(path) {
                Ok(text) => {
                    for line in text.lines().map(str::trim) {
                        if line.is_empty() || line.starts_with('#') {
                            continue;
                        }
                        let entry = Entry::new(line.to_string(), None, None);
                        self.page_entry(&entry, None, None)?;
                    }
                }
                Err(e) => {
                    self.stats.failed += 1;
                    self.problem(s.name(), format!("cannot read the URL list: {e}"));
                }
            },
        }
        Ok(())
    }

    fn push_listing(&mut self, url: Url, source: Arc<str>) -> Result<(), CollectError> {
        if !self.queued_listings.insert(url.to_string()) {
            return Ok(());
        }
        let validators = self
            .store
            .collect_validators(url.as_str())?
            .unwrap_or_default();
        self.push(Job {
            host: host_key(&url),
            url,
            purpose: Purpose::Listing { source, validators },
            attempt: 0,
            hops: 0,
        });
        Ok(())
    }

    /// Queues the page an entry names unless it is stored with the same entry.
    fn page_entry(
        &mut self,
        entry: &Entry,
        base: Option<&Url>,
        listing: Option<&Arc<str>>,
    ) -> Result<(), CollectError> {
        let Some(url) = url_clean::clean(&entry.url, base) else {
            self.problem(&entry.url, "not an http(s) URL; skipped");
            self.stats.skipped += 1;
            return Ok(());
        };
        let key = url.to_string();
        if self.queued_pages.contains(&key) {
            return Ok(());
        }
        let fingerprint = entry.fingerprint(&key);
        if let Some(p) = self.store.collect_page(&key)? {
            // An entry that says nothing about the page (a URL list's line) never asks for it
            // again; one with a date or title does when they change. (A URL list and a feed
            // naming one page would otherwise have it fetched on every cycle.)
            let says_nothing = entry.published.is_none() && entry.title.is_none();
            let same = p.fingerprint == fingerprint || says_nothing;
            let done = match p.state {
                PageState::Stored | PageState::Archived => same,
                PageState::Failed => same && p.failures >= self.opts.max_failures,
            };
            if done {
                self.stats.skipped += 1;
                return Ok(());
            }
        } else if self.store.collect_canonical_stored(&key)? {
            // Stored already under another address that named this one canonical.
            self.stats.skipped += 1;
            return Ok(());
        }
        // Only pages queued block another listing's entry for them: an unchanged entry seen
        // first must not hide a changed one seen later.
        self.queued_pages.insert(key.clone());
        if let Some(l) = listing.and_then(|l| self.listings.get_mut(l)) {
            l.pages += 1;
        }
        let job = PageJob {
            key,
            fingerprint,
            listed_date: entry.published.clone(),
            listed_title: entry.title.clone(),
            listing: listing.cloned(),
        };
        self.push_page(url, job);
        Ok(())
    }

    /// Handles outcomes until every job is concluded, or, once stopped, until the requests
    /// running have ended.
    fn run(&mut self, rx: &mpsc::Receiver<Outcome>, stop: &AtomicBool) -> Result<(), CollectError> {
        while self.outstanding > 0 {
            if stop.load(Ordering::Relaxed) && self.sched.in_flight() == 0 {
                while let Ok(o) = rx.try_recv() {
                    self.outcome(o)?;
                }
                break;
            }
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(o) => self.outcome(o)?,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            if self.batch.len() >= self.opts.run.batch_size.max(1) {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn outcome(&mut self, o: Outcome) -> Result<(), CollectError> {
        match o {
            Outcome::Retrying => self.stats.fetched += 1,
            Outcome::RobotsRead { host, note } => {
                self.stats.fetched += 1;
                if let Some(n) = note {
                    self.problem(host, n);
                }
            }
            Outcome::Blocked(job) => {
                self.outstanding -= 1;
                self.stats.disallowed += 1;
                self.stats.skipped += 1;
                self.problem(job.url.as_str(), "disallowed by robots.txt; not fetched");
                if let Purpose::Page(p) = &job.purpose {
                    self.page_done(p)?;
                }
            }
            Outcome::Fetched { job, result, hold } => {
                self.outstanding -= 1;
                if let Some(h) = hold {
                    let until = Utc::now() + chrono::Duration::from_std(h).unwrap_or_default();
                    self.store.collect_put_host_backoff(
                        &job.host,
                        &until.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    )?;
                }
                if result.is_ok() {
                    self.stats.fetched += 1;
                }
                match job.purpose.clone() {
                    Purpose::Listing { source, .. } => self.listing_outcome(job, source, result)?,
                    Purpose::Page(p) => self.page_outcome(job, &p, result)?,
                }
            }
        }
        Ok(())
    }

    fn follow(&mut self, job: &Job, r: &Response) -> Result<Option<Job>, String> {
        let Some(next) = r
            .header("location")
            .and_then(|l| url_clean::clean(l, Some(&job.url)))
        else {
            return Err(format!("{} without a usable Location", r.status));
        };
        if job.hops >= self.opts.max_redirects {
            return Err(format!("more than {} redirects", self.opts.max_redirects));
        }
        Ok(Some(Job {
            host: host_key(&next),
            url: next,
            purpose: job.purpose.clone(),
            attempt: 0,
            hops: job.hops + 1,
        }))
    }

    fn listing_outcome(
        &mut self,
        job: Job,
        source: Arc<str>,
        result: Result<Response, FetchError>,
    ) -> Result<(), CollectError> {
        let what = if job.url.as_str() == &*source {
            source.to_string()
        } else {
            format!("{} (from {source})", job.url)
        };
        let r = match result {
            Ok(r) => r,
            Err(e) => {
                self.stats.failed += 1;
                self.problem(what, e.to_string());
                return Ok(());
            }
        };
        match r.status {
            304 => {
                self.stats.not_modified += 1;
                return Ok(());
            }
            300..=399 => {
                match self.follow(&job, &r) {
                    Ok(Some(next)) => self.push(next),
                    Ok(None) => {}
                    Err(e) => {
                        self.stats.failed += 1;
                        self.problem(what, e);
                    }
                }
                return Ok(());
            }
            200..=299 => {}
            s => {
                self.stats.failed += 1;
                self.problem(what, format!("answered {s}"));
                return Ok(());
            }
        }
        let body = match r.decoded_body(self.opts.run.limits.max_document_bytes) {
            Ok(b) => b,
            Err(e) => {
                self.stats.failed += 1;
                self.problem(what, e);
                return Ok(());
            }
        };
        let kind = listing::kind(&body, r.header("content-type").unwrap_or(""));
        // The parsers are not ours: a panic in one (a bug there) costs this listing only.
        let parsed = std::panic::catch_unwind(|| listing::parse(&body, kind, r.url.as_str()))
            .unwrap_or_else(|_| Err("the listing's parser failed (a bug); skipped".into()));
        let parsed = match parsed {
            Ok(l) => l,
            Err(e) => {
                self.stats.failed += 1;
                self.problem(what, e);
                return Ok(());
            }
        };
        if let Some(n) = &parsed.note {
            self.problem(&what, n.clone());
        }
        for child in &parsed.children {
            match url_clean::clean(child, Some(&r.url)) {
                Some(u) => self.push_listing(u, source.clone())?,
                None => self.problem(&what, format!("{child:?} is not an http(s) URL; skipped")),
            }
        }
        let key: Arc<str> = job.url.as_str().into();
        // An index or a home page is read whole every time: it is small, and the sitemaps or
        // feeds it names change while it does not. Feeds and sitemaps are asked conditionally.
        let validators = if parsed.children.is_empty() {
            Validators {
                etag: r.header("etag").map(str::to_string),
                last_modified: r.header("last-modified").map(str::to_string),
            }
        } else {
            Validators::default()
        };
        self.listings.insert(
            key.clone(),
            PendingListing {
                validators,
                pages: 0,
            },
        );
        for e in &parsed.entries {
            self.page_entry(e, Some(&r.url), Some(&key))?;
        }
        self.listing_settled(&key)
    }

    /// Saves a listing's validators once all its pages are stored.
    fn listing_settled(&mut self, key: &Arc<str>) -> Result<(), CollectError> {
        let Some(l) = self.listings.get(key) else {
            return Ok(());
        };
        if l.pages > 0 {
            return Ok(());
        }
        let l = self.listings.remove(key).expect("looked up above");
        if l.validators.etag.is_some() || l.validators.last_modified.is_some() {
            self.store.collect_put_validators(key, &l.validators)?;
        }
        Ok(())
    }

    /// A page reached a recorded state for this cycle.
    fn page_done(&mut self, p: &PageJob) -> Result<(), CollectError> {
        if let Some(key) = &p.listing {
            if let Some(l) = self.listings.get_mut(key) {
                l.pages = l.pages.saturating_sub(1);
            }
            let key = key.clone();
            self.listing_settled(&key)?;
        }
        Ok(())
    }

    fn page_failed(&mut self, job: &Job, p: &PageJob, why: String) -> Result<(), CollectError> {
        self.stats.failed += 1;
        let failures = match self.store.collect_page(&p.key)? {
            Some(old) if old.state == PageState::Failed && old.fingerprint == p.fingerprint => {
                old.failures + 1
            }
            _ => 1,
        };
        self.store
            .collect_put_page(&unarchived(p, PageState::Failed, failures))?;
        let what = if job.url.as_str() == p.key {
            p.key.clone()
        } else {
            format!("{} (listed as {})", job.url, p.key)
        };
        self.problem(what, why);
        self.page_done(p)
    }

    fn archive(
        &mut self,
        r: &Response,
        p: Option<&PageJob>,
    ) -> Result<crate::warc_write::Written, CollectError> {
        let head = r.head_bytes();
        let ex = Exchange {
            target: r.url.as_str(),
            date: r.date,
            request: &r.request,
            response_head: &head,
            body: &r.body,
            listed_date: p.and_then(|p| p.listed_date.as_deref()),
            listed_title: p.and_then(|p| p.listed_title.as_deref()),
        };
        let store = &*self.store;
        let mut commit = |file: &str, len: u64| {
            store
                .collect_put_archive_committed(file, len)
                .map_err(|e| io::Error::other(e.to_string()))
        };
        let dir = self.writer.dir().to_path_buf();
        self.writer
            .append(&ex, &mut commit)
            .map_err(archive_err(&dir))
    }

    fn page_outcome(
        &mut self,
        job: Job,
        p: &Arc<PageJob>,
        result: Result<Response, FetchError>,
    ) -> Result<(), CollectError> {
        let r = match result {
            Ok(r) => r,
            Err(e) => return self.page_failed(&job, p, e.to_string()),
        };
        match r.status {
            300..=399 => {
                // The redirect is archived as it came; the target is a request of its own.
                self.archive(&r, None)?;
                return match self.follow(&job, &r) {
                    Ok(Some(next)) => {
                        self.push(next);
                        Ok(())
                    }
                    Ok(None) => Ok(()),
                    Err(e) => self.page_failed(&job, p, e),
                };
            }
            200..=299 => {}
            s => return self.page_failed(&job, p, format!("answered {s}")),
        }
        if r.body_skipped {
            // Not HTML: nothing to read, and not worth asking again for this entry.
            self.stats.skipped += 1;
            self.store
                .collect_put_page(&unarchived(p, PageState::Stored, 0))?;
            return self.page_done(p);
        }
        let decoded = match r.decoded_body(self.opts.run.limits.max_document_bytes) {
            Ok(b) => b,
            Err(e) => return self.page_failed(&job, p, e),
        };
        let canonical = crate::html_links::canonical(&String::from_utf8_lossy(&decoded))
            .and_then(|c| url_clean::clean(&c, Some(&r.url)))
            .map(|u| u.to_string());
        let w = self.archive(&r, Some(p))?;
        self.stats.pages += 1;
        let record = PageRecord {
            archive: Some(w.file.clone()),
            offset: Some(w.offset),
            record: Some(w.record),
            canonical,
            ..unarchived(p, PageState::Archived, 0)
        };
        self.store.collect_put_page(&record)?;
        match self.read_back(&record) {
            Ok(Some(doc)) => self.batch.push((record, doc, Some(p.clone()))),
            Ok(None) => {
                let mut done = record;
                done.state = PageState::Stored;
                self.store.collect_put_page(&done)?;
                self.stats.skipped += 1;
                self.page_done(p)?;
            }
            Err(e) => return self.page_failed(&job, p, e),
        }
        Ok(())
    }

    /// The document of an archived page, read from its WARC record by the same reader
    /// `claimtrail ingest` uses.
    fn read_back(&self, page: &PageRecord) -> Result<Option<RawDoc>, String> {
        let (Some(file), Some(offset)) = (&page.archive, page.offset) else {
            return Err("no archive record recorded".into());
        };
        let path = self.writer.dir().join(file);
        let mut f = std::fs::File::open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        f.seek(SeekFrom::Start(offset))
            .map_err(|e| format!("cannot seek in {}: {e}", path.display()))?;
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(BufReader::new(f)));
        let name = path.display().to_string();
        let mut records = claimtrail_pipeline::inputs::warc::WarcIter::new(
            name.clone(),
            reader,
            self.opts.run.limits.max_document_bytes,
        );
        match records.next() {
            Some(Ok(mut doc)) => {
                if let Some(n) = page.record {
                    doc.source = format!("{name}#{n}");
                }
                Ok(Some(doc))
            }
            Some(Err(e)) => Err(e.to_string()),
            None => Ok(None),
        }
    }

    /// Stores the archived pages waiting, then records them as stored.
    fn flush(&mut self) -> Result<(), CollectError> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        let mut records = Vec::with_capacity(batch.len());
        let mut docs = Vec::with_capacity(batch.len());
        for (r, d, j) in batch {
            records.push((r, j));
            docs.push(d);
        }
        let mut failed = Vec::new();
        let new = {
            let mut sink = StoreSink::new(&mut *self.store, |p: Progress<'_>| {
                if let Progress::Batch(b) = p {
                    failed.extend(b.failed.iter().cloned());
                }
            });
            let inputs = docs.into_iter().map(|d| Input::Doc(Ok(d)));
            claimtrail_pipeline::run_inputs(inputs, &self.opts.run, &mut sink)?;
            sink.new
        };
        self.stats.new_documents += new;
        for e in failed {
            // The page was fetched and archived; it is its content the analysis refused, and
            // fetching it again would give the same.
            self.stats.failed += 1;
            self.problem(e.source_name.clone(), e.reason.clone());
        }
        for (mut r, job) in records {
            r.state = PageState::Stored;
            self.store.collect_put_page(&r)?;
            if let Some(p) = job {
                self.page_done(&p)?;
            }
        }
        Ok(())
    }
}

/// A page's state record with nothing in the archive (yet).
fn unarchived(p: &PageJob, state: PageState, failures: u32) -> PageRecord {
    PageRecord {
        url: p.key.clone(),
        fingerprint: p.fingerprint.clone(),
        state,
        failures,
        archive: None,
        offset: None,
        record: None,
        canonical: None,
        listed_date: p.listed_date.clone(),
        listed_title: p.listed_title.clone(),
    }
}
