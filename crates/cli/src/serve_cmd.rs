//! `claimtrail serve`: arguments to the serve crate's configuration.

use crate::args::ServeArgs;
use anyhow::{bail, Context};
use claimtrail_serve::{Config, IngestConfig};
use std::time::Duration;

pub fn run(a: ServeArgs) -> anyhow::Result<i32> {
    let db = &a.ledger.db;
    if !db.exists() {
        bail!(
            "no ledger at {}: make one with `claimtrail ingest --db {} PATH...`",
            db.display(),
            db.display()
        );
    }
    let ingest = match (&a.token_file, a.allow_ingest) {
        (Some(path), true) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read token file {}", path.display()))?;
            let token = text.lines().next().unwrap_or("").trim().to_string();
            if token.len() < 16 {
                bail!(
                    "the token in {} is shorter than 16 characters: use a long random one",
                    path.display()
                );
            }
            Some(IngestConfig {
                token,
                max_body: (a.max_body_mib << 20) as usize,
                body_timeout: claimtrail_serve::BODY_READ_TIMEOUT,
            })
        }
        (Some(_), false) => bail!("--token-file is for --allow-ingest"),
        _ => None,
    };
    if !a.bind.ip().is_loopback() {
        eprintln!(
            "claimtrail: warning: listening on {}, reachable from other machines",
            a.bind
        );
    }
    claimtrail_serve::run(Config {
        db: db.clone(),
        bind: a.bind,
        readers: a.readers.into(),
        query_timeout: Duration::from_secs(a.query_timeout),
        ingest,
    })?;
    Ok(0)
}
