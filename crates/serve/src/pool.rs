//! A few read-only connections to the ledger, handed to one query at a time on a blocking
//! thread. A query that runs past the timeout is interrupted (SQLite stops it at its next step)
//! and answered with 503: one slow search cannot hold a connection for good.

use crate::problem::Problem;
use axum::http::StatusCode;
use claimtrail_ledger::{SqliteStore, StoreError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

pub struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
    permits: Arc<Semaphore>,
    timeout: Duration,
}

impl ReadPool {
    /// Opens `size` read-only connections now, so that a file that is not a current ledger is
    /// refused at start, not at the first request.
    pub fn open(path: &Path, size: usize, timeout: Duration) -> Result<Self, StoreError> {
        let size = size.max(1);
        let idle = (0..size)
            .map(|_| open(path))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ReadPool {
            path: path.to_path_buf(),
            idle: Mutex::new(idle),
            permits: Arc::new(Semaphore::new(size)),
            timeout,
        })
    }

    /// Runs `query` on a free connection, waiting for one if all are busy.
    pub async fn run<T, F>(&self, query: F) -> Result<T, Problem>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, Problem> + Send + 'static,
    {
        let _permit =
            self.permits.clone().acquire_owned().await.map_err(|_| {
                Problem::new(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping")
            })?;
        let taken = self.idle.lock().map(|mut v| v.pop()).unwrap_or(None);
        // A connection lost to a panicking query is replaced here.
        let store = match taken {
            Some(s) => s,
            None => open(&self.path).map_err(Problem::from)?,
        };
        let interrupt = store.interrupt_handle();
        let timed_out = Arc::new(AtomicBool::new(false));
        let timer = {
            let timed_out = timed_out.clone();
            let timeout = self.timeout;
            tokio::spawn(async move {
                tokio::time::sleep(timeout).await;
                timed_out.store(true, Ordering::SeqCst);
                interrupt.interrupt();
            })
        };
        let joined = tokio::task::spawn_blocking(move || {
            let result = query(&store);
            (store, result)
        })
        .await;
        timer.abort();
        let (store, result) = joined.map_err(|_| {
            Problem::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the query failed unexpectedly (a bug); it has been logged",
            )
        })?;
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(store);
        }
        match result {
            Err(_) if timed_out.load(Ordering::SeqCst) => Err(Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query took longer than {} s and was stopped; narrow it (dates, a more specific search)",
                    self.timeout.as_secs_f64()
                ),
            )),
            other => other,
        }
    }
}

/// A read-only connection that maps the ledger: the pages' lookups jump all over the file.
fn open(path: &Path) -> Result<SqliteStore, StoreError> {
    let store = SqliteStore::open_read_only(path)?;
    store.map_for_lookups()?;
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::DocAnalysis;
    use claimtrail_ledger::{Appearance, Filter, Store};

    #[tokio::test]
    async fn a_query_past_the_timeout_is_stopped_with_503_and_the_connection_lives_on() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ledger.db");
        let docs: Vec<Appearance> = (0..5)
            .map(|i| Appearance {
                origin: format!("/in/{i}.txt"),
                analysis: DocAnalysis {
                    source: format!("{i}.txt"),
                    id: format!("content{i}"),
                    text: "Some text.".into(),
                    ..DocAnalysis::default()
                },
            })
            .collect();
        SqliteStore::open(&db).unwrap().put_batch(&docs).unwrap();
        let pool = ReadPool::open(&db, 1, Duration::from_millis(100)).unwrap();
        // The statement is still stepping while the sink dawdles over each row.
        let err = pool
            .run(|st| {
                st.documents(&Filter::default(), &mut |_| {
                    std::thread::sleep(Duration::from_millis(60));
                    Ok(())
                })?;
                Ok(())
            })
            .await
            .unwrap_err();
        assert_eq!(err.status, 503, "{}", err.detail);
        assert!(err.detail.contains("longer than"), "{}", err.detail);
        let n = pool.run(|st| Ok(st.counts()?.documents)).await.unwrap();
        assert_eq!(n, 5);
    }
}
