//! The work queue beside a PostgreSQL ledger: units of input (files: pages, a WARC archive, a
//! record file; small files go several to a unit) that stateless workers claim with `FOR UPDATE SKIP LOCKED`, hold under a lease
//! they renew (heartbeats), and finish; a unit whose lease ran out (its worker died) is claimed
//! again and resumed (documents already stored are skipped), and a unit that failed
//! [`MAX_ATTEMPTS`] times is parked with its error. The queue's table lives beside the ledger's
//! and is created on first use (it is no part of the ledger's schema versions).

use super::pool::Conn;
use super::PgStore;
use crate::Result;
use postgres::GenericClient;
use serde::Serialize;

/// Claims of one unit before it is parked.
pub const MAX_ATTEMPTS: i32 = 3;

/// Run as one implicit transaction: the first statement makes concurrent first claims take
/// their turn (two workers adding the column at once would deadlock on the table's lock).
const JOBS_TABLE: &str = "SELECT pg_advisory_xact_lock(1128359540);
CREATE TABLE IF NOT EXISTS claimtrail_jobs (
    id bigserial PRIMARY KEY,
    path text NOT NULL,
    plain boolean NOT NULL DEFAULT false,
    published text,
    state text NOT NULL DEFAULT 'queued',      -- queued, running, done, parked
    attempts integer NOT NULL DEFAULT 0,
    worker text,
    lease_until timestamptz,
    documents bigint NOT NULL DEFAULT 0,       -- documents committed from this unit
    error text,
    added_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    paths text[]                                -- the unit's files (path is the first)
);
CREATE INDEX IF NOT EXISTS claimtrail_jobs_claim ON claimtrail_jobs (state, id);
-- A queue made before units of several files; altered only then (ALTER takes the table's
-- strongest lock even when the column is there).
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'claimtrail_jobs'::regclass
                   AND attname = 'paths' AND NOT attisdropped) THEN
        ALTER TABLE claimtrail_jobs ADD COLUMN paths text[];
    END IF;
END $$";

/// A claimed unit.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    /// The unit's first file (its name in messages).
    pub path: String,
    /// The unit's files, in the order they were queued.
    pub paths: Vec<String>,
    pub plain: bool,
    pub published: Option<String>,
    pub attempts: i32,
}

impl Job {
    /// The unit's name in messages: its first file, and how many more.
    pub fn name(&self) -> String {
        match self.paths.len() {
            0 | 1 => self.path.clone(),
            n => format!("{} and {} more file(s)", self.path, n - 1),
        }
    }
}

/// Units by state.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QueueStatus {
    pub queued: i64,
    pub running: i64,
    pub done: i64,
    pub parked: i64,
    /// Documents committed from all units.
    pub documents: i64,
    /// Parked units: first path (and how many more), attempts, error.
    pub parked_units: Vec<(String, i32, Option<String>)>,
}

fn ensure(c: &mut impl GenericClient) -> Result<()> {
    c.batch_execute(JOBS_TABLE)?;
    Ok(())
}

fn status(c: &mut Conn) -> Result<QueueStatus> {
    let mut s = QueueStatus::default();
    for r in c.client.query(
        "SELECT state, count(*), coalesce(sum(documents), 0)::bigint FROM claimtrail_jobs
         GROUP BY state",
        &[],
    )? {
        let n: i64 = r.get(1);
        s.documents += r.get::<_, i64>(2);
        match r.get::<_, &str>(0) {
            "queued" => s.queued = n,
            "running" => s.running = n,
            "done" => s.done = n,
            _ => s.parked += n,
        }
    }
    s.parked_units = c
        .client
        .query(
            "SELECT path || CASE WHEN cardinality(paths) > 1
                     THEN ' and ' || (cardinality(paths) - 1) || ' more file(s)' ELSE '' END,
                 attempts, error
             FROM claimtrail_jobs WHERE state = 'parked' ORDER BY id",
            &[],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    Ok(s)
}

impl PgStore {
    /// Queues units, each a list of files (in order: workers claim the oldest first); returns
    /// how many.
    pub fn queue_add(
        &self,
        units: &[Vec<String>],
        plain: bool,
        published: Option<&str>,
    ) -> Result<usize> {
        // Flat, with each file's unit: one statement however many units.
        let paths: Vec<&str> = units.iter().flatten().map(String::as_str).collect();
        let unit_of: Vec<i64> = (0..units.len() as i64)
            .zip(units)
            .flat_map(|(i, u)| std::iter::repeat_n(i, u.len()))
            .collect();
        self.pool.run(|c| {
            let mut tx = c.client.transaction()?;
            ensure(&mut tx)?;
            tx.execute(
                "INSERT INTO claimtrail_jobs (path, paths, plain, published)
                 SELECT (array_agg(p ORDER BY n))[1], array_agg(p ORDER BY n), $3, $4
                 FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS u(p, unit, n)
                 GROUP BY unit ORDER BY unit",
                &[&paths, &unit_of, &plain, &published],
            )?;
            tx.commit()?;
            Ok(units.iter().filter(|u| !u.is_empty()).count())
        })
    }

    /// Claims the oldest unit that is queued or whose lease ran out, for `lease_secs`.
    pub fn queue_claim(&self, worker: &str, lease_secs: f64) -> Result<Option<Job>> {
        let row = self.pool.run(|c| {
            self.ensure_queue(c)?;
            Ok(c.client.query_opt(
            "UPDATE claimtrail_jobs SET state = 'running', worker = $1, attempts = attempts + 1,
                 lease_until = now() + make_interval(secs => $2)
             WHERE id = (
                 SELECT id FROM claimtrail_jobs
                 WHERE state = 'queued' OR (state = 'running' AND lease_until < now())
                 ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
             RETURNING id, path, coalesce(paths, ARRAY[path]), plain, published, attempts",
                &[&worker, &lease_secs],
            )?)
        })?;
        Ok(row.map(|r| Job {
            id: r.get(0),
            path: r.get(1),
            paths: r.get(2),
            plain: r.get(3),
            published: r.get(4),
            attempts: r.get(5),
        }))
    }

    /// Renews a lease; false when the unit is no longer this worker's (its lease ran out and
    /// another worker took it).
    pub fn queue_heartbeat(&self, job: i64, worker: &str, lease_secs: f64) -> Result<bool> {
        self.pool.run(|c| {
            Ok(c.client.execute(
                "UPDATE claimtrail_jobs SET lease_until = now() + make_interval(secs => $3)
                 WHERE id = $1 AND worker = $2 AND state = 'running'",
                &[&job, &worker, &lease_secs],
            )? == 1)
        })
    }

    /// Marks a unit done.
    pub fn queue_done(&self, job: i64, worker: &str) -> Result<()> {
        self.pool.run(|c| {
            c.client.execute(
                "UPDATE claimtrail_jobs SET state = 'done', finished_at = now(), lease_until = NULL,
                     error = NULL
                 WHERE id = $1 AND worker = $2",
                &[&job, &worker],
            )?;
            Ok(())
        })
    }

    /// Gives a failed unit back to the queue, or parks it after [`MAX_ATTEMPTS`] claims.
    pub fn queue_failed(&self, job: i64, worker: &str, error: &str) -> Result<()> {
        self.pool.run(|c| {
            c.client.execute(
                "UPDATE claimtrail_jobs
                 SET state = CASE WHEN attempts >= $3 THEN 'parked' ELSE 'queued' END,
                     error = $4, worker = NULL, lease_until = NULL
                 WHERE id = $1 AND worker = $2",
                &[&job, &worker, &MAX_ATTEMPTS, &error],
            )?;
            Ok(())
        })
    }

    /// Whether any unit is queued or running (a running one may yet come back).
    pub fn queue_pending(&self) -> Result<bool> {
        self.pool.run(|c| {
            self.ensure_queue(c)?;
            Ok(c.client
                .query_opt(
                    "SELECT 1 FROM claimtrail_jobs WHERE state IN ('queued', 'running') LIMIT 1",
                    &[],
                )?
                .is_some())
        })
    }

    pub fn queue_status(&self) -> Result<QueueStatus> {
        self.pool.run(|c| {
            self.ensure_queue(c)?;
            status(c)
        })
    }

    /// Creates the queue's table if this store has not yet made sure it is there.
    fn ensure_queue(&self, c: &mut Conn) -> Result<()> {
        if self.queue_ready.get().is_none() {
            ensure(&mut c.client)?;
            let _ = self.queue_ready.set(());
        }
        Ok(())
    }

    /// Stores a batch of a claimed unit and counts it in the unit's progress, in the same
    /// transaction: a batch is committed with its progress or not at all. Fails (and stores
    /// nothing) when the unit is no longer this worker's.
    pub fn put_batch_for_job(
        &self,
        docs: &[crate::Appearance],
        job: i64,
        worker: &str,
    ) -> Result<usize> {
        super::write::put_with(&self.pool, docs, &mut |tx| {
            let n = tx.exec(
                "UPDATE claimtrail_jobs SET documents = documents + $3
                 WHERE id = $1 AND worker = $2 AND state = 'running'",
                &[&job, &worker, &(docs.len() as i64)],
            )?;
            if n == 1 {
                Ok(())
            } else {
                Err(crate::StoreError::LeaseLost { job })
            }
        })
    }
}
