//! `claimtrail queue` and `claimtrail work`: many stateless workers, one PostgreSQL ledger.
//!
//! A worker claims the oldest unit (files in walk order) nobody holds, renews its lease from a heartbeat
//! thread, runs the unit through today's ingest path (analysis in parallel, in batches), and
//! commits each batch together with the unit's progress. Linking is serialised by the store's
//! write lock, so N workers build the ledger one process would (up to the order units finish
//! in). A unit whose lease ran out is resumed by the next claim: its stored documents are
//! skipped before analysis. A unit that failed three times is parked with its error.

use crate::args::{QueueAddArgs, QueueStatusArgs, RowFormat, WorkArgs};
use anyhow::{bail, Context};
use claimtrail_ledger::postgres::queue::Job;
use claimtrail_ledger::{Appearance, PgStore, StoreError};
use claimtrail_pipeline::{Processed, RunOptions, Sink};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

fn open(ledger: &crate::args::LedgerArg, what: &str) -> anyhow::Result<PgStore> {
    if !ledger.is_postgres() {
        bail!("{what} needs a PostgreSQL ledger (--db postgres://USER@HOST/DB)");
    }
    PgStore::open(&ledger.name()).with_context(|| format!("cannot open ledger {}", ledger.shown()))
}

pub fn queue_add(a: QueueAddArgs) -> anyhow::Result<i32> {
    let store = open(&a.ledger, "the work queue")?;
    let mut files = Vec::new();
    use claimtrail_pipeline::inputs::{Found, Source, Walk};
    for found in Walk::new(&a.paths, &[]) {
        match found {
            Found::Source(Source::File(path)) => {
                let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
                // Absolute: a worker may start in another directory.
                let path = std::path::absolute(&path).unwrap_or(path);
                // The queue holds text: a name that is not UTF-8 would reach the workers
                // mangled, and each would fail to open it, three times, before it was parked.
                let Some(text) = path.to_str() else {
                    bail!(
                        "cannot queue {}: its name is not UTF-8, and the queue keeps paths as text \
                         (rename it, or ingest it with `claimtrail ingest`)",
                        path.display()
                    )
                };
                files.push((text.to_string(), bytes));
            }
            Found::Source(Source::Stdin) => {
                bail!("stdin cannot be queued: workers read files")
            }
            Found::Notice(n) => eprintln!("claimtrail: note: {n}"),
            Found::Error(e) => bail!("cannot queue {e}"),
        }
    }
    let units = units_of(files, a.unit_files as usize, a.unit_mib << 20);
    let published = a.published.map(|d| d.to_string());
    let n = store.queue_add(&units, a.plain, published.as_deref())?;
    eprintln!("queued {n} unit(s) in {}", a.ledger.shown());
    Ok(0)
}

/// Files (path, bytes) in walk order cut into units of at most `max_files` files and
/// `max_bytes` bytes; a file larger than that is a unit alone.
fn units_of(files: Vec<(String, u64)>, max_files: usize, max_bytes: u64) -> Vec<Vec<String>> {
    let mut units: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut bytes = 0u64;
    for (path, size) in files {
        if !current.is_empty()
            && (current.len() >= max_files || bytes.saturating_add(size) > max_bytes)
        {
            units.push(std::mem::take(&mut current));
            bytes = 0;
        }
        current.push(path);
        bytes = bytes.saturating_add(size);
    }
    if !current.is_empty() {
        units.push(current);
    }
    units
}

pub fn queue_status(s: QueueStatusArgs) -> anyhow::Result<i32> {
    let store = open(&s.ledger, "the work queue")?;
    let st = store.queue_status()?;
    match s.format {
        RowFormat::Jsonl => println!("{}", serde_json::to_string(&st)?),
        _ => {
            println!(
                "queued {}, running {}, done {}, parked {}; {} documents committed",
                st.queued, st.running, st.done, st.parked, st.documents
            );
            for (path, attempts, error) in &st.parked_units {
                println!(
                    "parked after {attempts} attempts: {path}: {}",
                    error.as_deref().unwrap_or("?")
                );
            }
        }
    }
    Ok(0)
}

/// This worker's name in the jobs table: host and process.
fn worker_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "host".into());
    format!("{host}:{}", std::process::id())
}

pub fn work(args: WorkArgs) -> anyhow::Result<i32> {
    let store = open(&args.ledger, "`work`")?;
    let worker = worker_name();
    let lease = f64::from(args.lease_secs);
    let started = Instant::now();
    let (mut units, mut documents, mut failed, mut refused) = (0usize, 0usize, 0usize, 0usize);
    loop {
        let Some(job) = store.queue_claim(&worker, lease)? else {
            if args.until_done && !store.queue_pending()? {
                break;
            }
            // Others hold the rest; one of them may die and its unit come back.
            std::thread::sleep(Duration::from_secs_f64((lease / 4.0).min(1.0)));
            continue;
        };
        match run_unit(&store, &job, &worker, &args) {
            Ok((n, r)) => {
                store.queue_done(job.id, &worker)?;
                units += 1;
                documents += n;
                refused += r;
                if !args.quiet {
                    eprintln!("{worker}: {} done, {n} new document(s)", job.name());
                }
            }
            Err(e)
                if matches!(
                    e.downcast_ref::<StoreError>(),
                    Some(StoreError::LeaseLost { .. })
                ) =>
            {
                eprintln!(
                    "{worker}: {} was taken over by another worker: {e:#}",
                    job.name()
                );
            }
            Err(e) => {
                failed += 1;
                let message = format!("{e:#}");
                eprintln!(
                    "{worker}: {} failed (attempt {}): {message}",
                    job.name(),
                    job.attempts
                );
                store.queue_failed(job.id, &worker, &message)?;
            }
        }
    }
    if !args.quiet {
        eprintln!(
            "{worker}: {units} unit(s), {documents} new document(s), {refused} document(s) \
             refused, {failed} failure(s) in {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    // As `ingest` does: a document refused or a unit failed is a failed run, so that a script
    // over many workers sees it even when their stderr is not kept.
    Ok(i32::from(failed > 0 || refused > 0))
}

/// Ingests one unit under a lease kept alive by a heartbeat thread; returns the new documents
/// and the documents refused (each reported on stderr with its reason).
fn run_unit(
    store: &PgStore,
    job: &Job,
    worker: &str,
    args: &WorkArgs,
) -> anyhow::Result<(usize, usize)> {
    let published = match job.published.as_deref() {
        Some(p) => Some(
            chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d")
                .with_context(|| format!("bad reference date {p} in the queue"))?,
        ),
        None => None,
    };
    let opts = RunOptions {
        plain: job.plain,
        analysis: claimtrail_analysis::Options {
            published,
            ..Default::default()
        },
        limits: claimtrail_pipeline::Limits {
            max_document_bytes: args.max_mib << 20,
        },
        batch_size: args.batch as usize,
        skip_files: Vec::new(),
    };
    let lease = f64::from(args.lease_secs);
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            // Renew at a third of the lease (a lost lease shows at the next commit); the unit's
            // end (the sender dropped) wakes the thread at once.
            let beat = Duration::from_secs_f64(lease / 3.0);
            while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(beat) {
                let _ = store.queue_heartbeat(job.id, worker, lease);
            }
        });
        let result = ingest_unit(store, job, worker, &opts);
        drop(stop);
        result
    })
}

fn ingest_unit(
    store: &PgStore,
    job: &Job,
    worker: &str,
    opts: &RunOptions,
) -> anyhow::Result<(usize, usize)> {
    let mut sink = JobSink {
        store,
        job,
        worker,
        new: 0,
        refused: 0,
        first_error: None,
    };
    let stats = claimtrail_pipeline::run(&job.paths, opts, &mut sink)?;
    let JobSink {
        new,
        refused,
        first_error,
        ..
    } = sink;
    // A unit none of whose documents could be read (a missing or unreadable file) failed.
    if stats.ok == 0 && stats.skipped == 0 && stats.failed > 0 {
        bail!(first_error.unwrap_or_else(|| "no document could be read".into()));
    }
    // Documents the ledger refused were read and analysed, and failed.
    Ok((new, stats.failed + refused))
}

/// Stores a unit's batches, each committed with the unit's progress.
struct JobSink<'a> {
    store: &'a PgStore,
    job: &'a Job,
    worker: &'a str,
    new: usize,
    /// Documents whose rows the ledger refused (skipped by name).
    refused: usize,
    first_error: Option<String>,
}

impl Sink for JobSink<'_> {
    type Error = anyhow::Error;

    fn contains(&mut self, content_id: &str, origin: &str) -> anyhow::Result<bool> {
        use claimtrail_ledger::Store;
        // A store that cannot answer stops the unit; it is never taken for "not stored".
        Ok(self.store.contains(content_id, origin)?)
    }

    fn accept(&mut self, batch: Vec<Processed>) -> anyhow::Result<()> {
        let mut docs = Vec::with_capacity(batch.len());
        for Processed { origin, result } in batch {
            match result {
                Ok(analysis) => docs.push(Appearance { origin, analysis }),
                Err(e) => {
                    eprintln!("claimtrail: skipped {e}");
                    self.first_error.get_or_insert_with(|| e.to_string());
                }
            }
        }
        let (job, worker) = (self.job.id, self.worker);
        let stored = claimtrail_ledger::put_naming_refused(
            &docs,
            &mut self.store,
            |s, d| s.put_batch_for_job(d, job, worker),
            |s, d| claimtrail_ledger::Store::contains(*s, &d.analysis.id, &d.origin),
        )?;
        self.new += stored.new;
        self.refused += stored.refused.len();
        // A document the ledger refused is skipped by name, as an unreadable one is; the unit goes on.
        for (i, e) in &stored.refused {
            let msg = format!(
                "{}: not stored: the ledger refused its rows: {e}",
                docs[*i].analysis.source
            );
            eprintln!("claimtrail: skipped {msg}");
            self.first_error.get_or_insert(msg);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::units_of;

    #[test]
    fn small_files_share_units_and_a_large_one_is_alone() {
        let files = |sizes: &[u64]| -> Vec<(String, u64)> {
            sizes
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("f{i}"), *s))
                .collect()
        };
        let names =
            |units: Vec<Vec<String>>| -> Vec<usize> { units.iter().map(Vec::len).collect() };
        assert_eq!(names(units_of(files(&[1; 5]), 2, 100)), vec![2, 2, 1]);
        assert_eq!(
            names(units_of(files(&[10, 500, 10, 10]), 64, 100)),
            vec![1, 1, 2]
        );
        assert!(units_of(Vec::new(), 64, 100).is_empty());
    }
}
