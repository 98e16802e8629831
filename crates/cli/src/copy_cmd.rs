//! `claimtrail copy`: moves a ledger between backends (SQLite file ⇄ PostgreSQL) by replaying
//! its documents in the order they were stored: the copy's links (wire copies, stories, the
//! registry) are rebuilt by the same deterministic linking, so both answer every query alike.

use crate::args::CopyArgs;
use anyhow::Context;
use claimtrail_ledger::{shown, Appearance};

pub fn run(args: CopyArgs) -> anyhow::Result<i32> {
    let started = std::time::Instant::now();
    let (from_name, to_name) = (shown(&args.from), shown(&args.to));
    if !claimtrail_ledger::is_postgres_url(&args.from) && !std::path::Path::new(&args.from).exists()
    {
        anyhow::bail!("no ledger at {from_name}");
    }
    let from = claimtrail_ledger::open_read_only(&args.from)
        .with_context(|| format!("cannot read ledger {from_name}"))?;
    let mut to = claimtrail_ledger::open(&args.to)
        .with_context(|| format!("cannot open ledger {to_name}"))?;
    let batch_size = args.batch as usize;
    let mut batch: Vec<Appearance> = Vec::with_capacity(batch_size);
    let (mut seen, mut new) = (0usize, 0usize);
    let mut flush =
        |batch: &mut Vec<Appearance>, new: &mut usize| -> claimtrail_ledger::Result<()> {
            *new += to.put_batch(batch)?;
            batch.clear();
            Ok(())
        };
    from.appearances(&mut |a| {
        seen += 1;
        batch.push(a);
        if batch.len() >= batch_size {
            flush(&mut batch, &mut new)?;
        }
        Ok(())
    })
    .with_context(|| format!("cannot copy {from_name} to {to_name}"))?;
    flush(&mut batch, &mut new).with_context(|| format!("cannot write to {to_name}"))?;
    eprintln!(
        "copied {seen} document(s) from {from_name} to {to_name} ({new} new) in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    Ok(0)
}
