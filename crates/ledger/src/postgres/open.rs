//! Opening a database: telling a ledger from someone else's tables before anything is written,
//! and bringing a ledger's schema up to date (writers only), under the ledger's write lock so
//! that two workers starting at once run each step once.

use super::pool::Pool;
use super::{PgStore, WRITE_LOCK};
use crate::migrations::{self, CURRENT_VERSION};
use crate::shown as redact;
use crate::{Result, StoreError};
use postgres::GenericClient;

/// The table that records which schema steps have run: one row per step.
const MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS claimtrail_migrations (
    version bigint PRIMARY KEY,
    summary text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)";

/// Readers' sessions cannot write, whatever a query would try.
const READ_ONLY_SESSION: &str = "SET default_transaction_read_only = on";

/// What the database holds.
enum Contents {
    Empty,
    Ledger(u32),
    Foreign,
}

fn contents(c: &mut impl GenericClient) -> Result<Contents> {
    let row = c.query_one(
        "SELECT to_regclass('claimtrail_migrations') IS NOT NULL,
                to_regclass('documents') IS NOT NULL",
        &[],
    )?;
    let (ours, documents): (bool, bool) = (row.get(0), row.get(1));
    if ours {
        let v: i64 = c
            .query_one(
                "SELECT coalesce(max(version), 0) FROM claimtrail_migrations",
                &[],
            )?
            .get(0);
        return Ok(Contents::Ledger(u32::try_from(v).unwrap_or(u32::MAX)));
    }
    Ok(if documents {
        Contents::Foreign
    } else {
        Contents::Empty
    })
}

fn foreign(url: &str) -> StoreError {
    StoreError::NotALedger {
        path: redact(url),
        why: "it has a `documents` table but no claimtrail_migrations table".into(),
    }
}

pub(super) fn writable(url: &str) -> Result<PgStore> {
    let pool = Pool::new(url, "");
    let migrated_from = {
        let mut conn = pool.get()?;
        let mut tx = conn.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        let version = match contents(&mut tx)? {
            Contents::Foreign => return Err(foreign(url)),
            Contents::Ledger(v) if v > CURRENT_VERSION => {
                return Err(StoreError::TooNew {
                    path: redact(url),
                    found: v,
                    current: CURRENT_VERSION,
                })
            }
            Contents::Ledger(v) => v,
            Contents::Empty => 0,
        };
        tx.batch_execute(MIGRATIONS_TABLE)?;
        let mut ran = false;
        for step in migrations::pending(version) {
            let Some(sql) = step.postgres else {
                continue;
            };
            tx.batch_execute(sql)?;
            tx.execute(
                "INSERT INTO claimtrail_migrations (version, summary) VALUES ($1, $2)",
                &[&i64::from(step.version), &step.summary],
            )?;
            ran = true;
        }
        tx.commit()?;
        // A new ledger is created, not migrated.
        (ran && version > 0).then_some(version)
    };
    Ok(PgStore {
        pool,
        migrated_from,
        queue_ready: Default::default(),
    })
}

pub(super) fn read_only(url: &str) -> Result<PgStore> {
    let pool = Pool::new(url, READ_ONLY_SESSION);
    let found = contents(&mut pool.get()?.client)?;
    match found {
        Contents::Ledger(v) if v == CURRENT_VERSION => Ok(PgStore {
            pool,
            migrated_from: None,
            queue_ready: Default::default(),
        }),
        Contents::Ledger(v) if v > CURRENT_VERSION => Err(StoreError::TooNew {
            path: redact(url),
            found: v,
            current: CURRENT_VERSION,
        }),
        Contents::Ledger(v) => Err(StoreError::NeedsMigration {
            path: redact(url),
            found: v,
            current: CURRENT_VERSION,
        }),
        Contents::Empty => Err(StoreError::NotALedger {
            path: redact(url),
            why: "it holds no ledger tables".into(),
        }),
        Contents::Foreign => Err(foreign(url)),
    }
}
