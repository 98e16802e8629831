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

mod fetch;
mod listings;
mod pages;

use chrono::Utc;
use claimtrail_ledger::collect_state::{PageRecord, PageState, Validators};
use claimtrail_ledger::{SqliteStore, StoreError};
use claimtrail_page::RawDoc;
use claimtrail_pipeline::RunOptions;
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};
use url::Url;

use crate::http::{FetchError, Fetcher, HttpOptions, Response};
use crate::robots::Rules;
use crate::schedule::{Job, PageJob, Purpose, Scheduler};
use crate::url_clean::{self, host_key};
use crate::warc_write::WarcWriter;

use fetch::work;

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
}
