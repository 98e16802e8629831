//! `claimtrail collect` (one cycle) and `claimtrail watch` (cycles on a schedule): the options
//! and the terminal side of `claimtrail_collect`. SIGINT and SIGTERM set a flag: the cycle starts
//! no new request, stores what its requests in flight bring, and the command ends.

use crate::args::{CollectArgs, WatchArgs};
use anyhow::{bail, Context};
use claimtrail_collect::{Collector, CycleStats, Options, Problem, Source};
use claimtrail_ledger::SqliteStore;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Session {
    store: SqliteStore,
    collector: Collector,
    sources: Vec<Source>,
    db: String,
}

impl Session {
    fn open(args: &CollectArgs) -> anyhow::Result<Self> {
        let contact = args
            .contact
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .context(
                "say how a site can reach you: --contact EMAIL-OR-URL (or CLAIMTRAIL_CONTACT); \
                 it is sent in the User-Agent of every request",
            )?;
        if args.ledger.is_postgres() {
            bail!(
                "collect keeps its state in an embedded ledger: give --db a SQLite file (`claimtrail \
                 copy` moves the result to PostgreSQL)"
            );
        }
        let mut sources: Vec<Source> = args.sources.iter().map(|s| Source::from_arg(s)).collect();
        for f in &args.sources_files {
            sources.extend(
                claimtrail_collect::read_sources_file(f)
                    .with_context(|| format!("cannot read sources file {}", f.display()))?,
            );
        }
        if sources.is_empty() {
            bail!("name at least one source (a feed, sitemap or home page URL, a file of URLs, or --sources FILE)");
        }
        let db = args.ledger.shown();
        let store = SqliteStore::open(&args.ledger.db)
            .with_context(|| format!("cannot open ledger {db}"))?;
        if let Some(from) = store.migrated_from() {
            eprintln!(
                "migrated {db} from schema version {from} to {}",
                claimtrail_ledger::migrations::CURRENT_VERSION
            );
        }
        let mut opts = Options::new(contact, &args.archive);
        opts.delay = args.delay;
        opts.per_host = args.per_host as usize;
        opts.workers = args.workers as usize;
        opts.timeout = args.timeout;
        opts.max_body = args.max_body_mib << 20;
        opts.retries = args.retries;
        opts.backoff = args.backoff;
        opts.max_retry_wait = args.max_retry_wait;
        opts.max_redirects = args.max_redirects;
        opts.warc_max_bytes = args.warc_max_mib << 20;
        opts.run.limits.max_document_bytes = args.max_mib << 20;
        let collector = Collector::new(opts, &store)
            .with_context(|| format!("cannot prepare archive {}", args.archive.display()))?;
        Ok(Session {
            store,
            collector,
            sources,
            db,
        })
    }

    fn cycle(&mut self, stop: &Arc<AtomicBool>) -> anyhow::Result<(CycleStats, Duration)> {
        let started = Instant::now();
        let mut report = |p: &Problem| eprintln!("claimtrail: {p}");
        let stats = self
            .collector
            .cycle(&mut self.store, &self.sources, stop, &mut report)
            .with_context(|| format!("collect into {} stopped", self.db))?;
        Ok((stats, started.elapsed()))
    }
}

fn progress_line(label: &str, s: &CycleStats, took: Duration) -> String {
    let mut extra = Vec::new();
    if s.disallowed > 0 {
        extra.push(format!("{} disallowed by robots.txt", s.disallowed));
    }
    if s.not_modified > 0 {
        extra.push(format!("{} listing(s) unchanged", s.not_modified));
    }
    if s.recovered > 0 {
        extra.push(format!("{} recovered from the archive", s.recovered));
    }
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!(" ({})", extra.join(", "))
    };
    format!(
        "{label}: {} fetched, {} page(s) archived, {} skipped, {} failed, {} new document(s) in {:.1}s{extra}",
        s.fetched,
        s.pages,
        s.skipped,
        s.failed,
        s.new_documents,
        took.as_secs_f64()
    )
}

fn stop_flag() -> anyhow::Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(sig, stop.clone()).context("cannot handle signals")?;
    }
    Ok(stop)
}

pub fn collect(args: CollectArgs) -> anyhow::Result<i32> {
    let stop = stop_flag()?;
    let mut session = Session::open(&args)?;
    let (stats, took) = session.cycle(&stop)?;
    eprintln!("{}", progress_line("collect", &stats, took));
    if stop.load(Ordering::Relaxed) {
        eprintln!("collect: stopped by a signal; run it again to go on");
    }
    Ok(if stats.failed > 0 { 1 } else { 0 })
}

pub fn watch(args: WatchArgs) -> anyhow::Result<i32> {
    let stop = stop_flag()?;
    let mut session = Session::open(&args.collect)?;
    let mut n = 0u64;
    loop {
        let started = Instant::now();
        n += 1;
        let (stats, took) = session.cycle(&stop)?;
        eprintln!("{}", progress_line(&format!("cycle {n}"), &stats, took));
        if stop.load(Ordering::Relaxed) || args.cycles.is_some_and(|c| n >= c) {
            break;
        }
        // Sleep until the next cycle is due, looking at the stop flag meanwhile.
        while started.elapsed() < args.every && !stop.load(Ordering::Relaxed) {
            let left = args.every.saturating_sub(started.elapsed());
            std::thread::sleep(left.min(Duration::from_millis(200)));
        }
        if stop.load(Ordering::Relaxed) {
            break;
        }
    }
    eprintln!("watch: stopped after {n} cycle(s)");
    Ok(0)
}
