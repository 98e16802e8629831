//! The collector's state tables (schema step 4): see [`crate::collect_state`].

use super::SqliteStore;
use crate::collect_state::{PageRecord, PageState, Validators};
use crate::{Result, StoreError};
use rusqlite::{params, OptionalExtension, Row};

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn page_row(r: &Row<'_>) -> rusqlite::Result<(PageRecord, String)> {
    let state: String = r.get(2)?;
    Ok((
        PageRecord {
            url: r.get(0)?,
            fingerprint: r.get(1)?,
            state: PageState::Stored,
            failures: r.get::<_, i64>(3)?.clamp(0, u32::MAX as i64) as u32,
            archive: r.get(4)?,
            offset: r.get::<_, Option<i64>>(5)?.map(|o| o.max(0) as u64),
            record: r.get::<_, Option<i64>>(6)?.map(|o| o.max(0) as u64),
            canonical: r.get(7)?,
            listed_date: r.get(8)?,
            listed_title: r.get(9)?,
        },
        state,
    ))
}

fn with_state((mut p, state): (PageRecord, String)) -> Result<PageRecord> {
    p.state = PageState::parse(&state).ok_or_else(|| StoreError::Corrupt {
        what: format!("collect_pages.state of {}", p.url),
        message: format!("unknown state {state:?}"),
    })?;
    Ok(p)
}

const PAGE_COLUMNS: &str =
    "url, fingerprint, state, failures, archive, record_offset, record_number, canonical, \
     listed_date, listed_title";

impl SqliteStore {
    /// The page met under this (normalised) URL.
    pub fn collect_page(&self, url: &str) -> Result<Option<PageRecord>> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {PAGE_COLUMNS} FROM collect_pages WHERE url = ?1"),
                [url],
                page_row,
            )
            .optional()?;
        row.map(with_state).transpose()
    }

    /// Whether a page stored under another URL declared this one canonical.
    pub fn collect_canonical_stored(&self, url: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM collect_pages WHERE canonical = ?1 AND state = 'stored' LIMIT 1",
                [url],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Records a page's state (insert or replace).
    pub fn collect_put_page(&self, p: &PageRecord) -> Result<()> {
        self.conn.execute(
            "INSERT INTO collect_pages (url, fingerprint, state, failures, archive, \
             record_offset, record_number, canonical, listed_date, listed_title, updated) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
             ON CONFLICT(url) DO UPDATE SET fingerprint = ?2, state = ?3, failures = ?4, \
             archive = ?5, record_offset = ?6, record_number = ?7, canonical = ?8, \
             listed_date = ?9, listed_title = ?10, updated = ?11",
            params![
                p.url,
                p.fingerprint,
                p.state.as_str(),
                p.failures as i64,
                p.archive,
                p.offset.map(|o| o as i64),
                p.record.map(|o| o as i64),
                p.canonical,
                p.listed_date,
                p.listed_title,
                now()
            ],
        )?;
        Ok(())
    }

    /// Pages archived but not yet stored (a collector stopped between the two), in URL order.
    pub fn collect_archived_pages(&self) -> Result<Vec<PageRecord>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {PAGE_COLUMNS} FROM collect_pages WHERE state = 'archived' ORDER BY url"
        ))?;
        let rows = st.query_map([], page_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(with_state(r?)?);
        }
        Ok(out)
    }

    /// Pages that failed fewer than `max_failures` times in a row, in URL order: tried again
    /// whether or not their listing changed.
    pub fn collect_failed_pages(&self, max_failures: u32) -> Result<Vec<PageRecord>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT {PAGE_COLUMNS} FROM collect_pages WHERE state = 'failed' AND failures < ?1 \
             ORDER BY url"
        ))?;
        let rows = st.query_map([max_failures as i64], page_row)?;
        let mut out = Vec::new();
        for r in rows {
            out.push(with_state(r?)?);
        }
        Ok(out)
    }

    /// How many pages are in each state: (archived, stored, failed).
    pub fn collect_page_counts(&self) -> Result<(u64, u64, u64)> {
        let mut counts = (0, 0, 0);
        let mut st = self
            .conn
            .prepare("SELECT state, count(*) FROM collect_pages GROUP BY state")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let n = r.get::<_, i64>(1)?.max(0) as u64;
            match PageState::parse(&r.get::<_, String>(0)?) {
                Some(PageState::Archived) => counts.0 = n,
                Some(PageState::Stored) => counts.1 = n,
                Some(PageState::Failed) => counts.2 = n,
                None => {}
            }
        }
        Ok(counts)
    }

    pub fn collect_validators(&self, url: &str) -> Result<Option<Validators>> {
        Ok(self
            .conn
            .query_row(
                "SELECT etag, last_modified FROM collect_validators WHERE url = ?1",
                [url],
                |r| {
                    Ok(Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn collect_put_validators(&self, url: &str, v: &Validators) -> Result<()> {
        self.conn.execute(
            "INSERT INTO collect_validators (url, etag, last_modified, updated) \
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT(url) DO UPDATE SET etag = ?2, \
             last_modified = ?3, updated = ?4",
            params![url, v.etag, v.last_modified, now()],
        )?;
        Ok(())
    }

    /// Every host's back-off instant (RFC 3339, UTC).
    pub fn collect_host_backoffs(&self) -> Result<Vec<(String, String)>> {
        let mut st = self
            .conn
            .prepare("SELECT host, backoff_until FROM collect_hosts ORDER BY host")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn collect_put_host_backoff(&self, host: &str, until: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO collect_hosts (host, backoff_until) VALUES (?1, ?2) \
             ON CONFLICT(host) DO UPDATE SET backoff_until = ?2",
            params![host, until],
        )?;
        Ok(())
    }

    /// How many bytes of a WARC file hold whole, recorded records.
    pub fn collect_archive_committed(&self, file: &str) -> Result<Option<u64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT committed FROM collect_archives WHERE file = ?1",
                [file],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .map(|n| n.max(0) as u64))
    }

    pub fn collect_put_archive_committed(&self, file: &str, committed: u64) -> Result<()> {
        self.conn.execute(
            "INSERT INTO collect_archives (file, committed) VALUES (?1, ?2) \
             ON CONFLICT(file) DO UPDATE SET committed = ?2",
            params![file, committed as i64],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_validators_hosts_and_archives_round_trip() {
        let s = SqliteStore::in_memory().unwrap();
        assert_eq!(s.collect_page("http://a/x").unwrap(), None);
        let mut p = PageRecord {
            url: "http://a/x".into(),
            fingerprint: "f1".into(),
            state: PageState::Archived,
            failures: 0,
            archive: Some("c-1.warc.gz".into()),
            offset: Some(42),
            record: Some(3),
            canonical: Some("http://a/canon".into()),
            listed_date: Some("2024-01-01".into()),
            listed_title: None,
        };
        s.collect_put_page(&p).unwrap();
        assert_eq!(s.collect_archived_pages().unwrap(), vec![p.clone()]);
        assert!(!s.collect_canonical_stored("http://a/canon").unwrap());
        p.state = PageState::Stored;
        s.collect_put_page(&p).unwrap();
        assert_eq!(s.collect_page("http://a/x").unwrap(), Some(p.clone()));
        assert!(s.collect_archived_pages().unwrap().is_empty());
        assert!(s.collect_canonical_stored("http://a/canon").unwrap());
        assert_eq!(s.collect_page_counts().unwrap(), (0, 1, 0));
        p.state = PageState::Failed;
        p.failures = 2;
        s.collect_put_page(&p).unwrap();
        assert_eq!(s.collect_failed_pages(3).unwrap(), vec![p.clone()]);
        assert!(s.collect_failed_pages(2).unwrap().is_empty());

        let v = Validators {
            etag: Some("\"e\"".into()),
            last_modified: None,
        };
        s.collect_put_validators("http://a/feed", &v).unwrap();
        assert_eq!(s.collect_validators("http://a/feed").unwrap(), Some(v));
        s.collect_put_host_backoff("a", "2030-01-01T00:00:00Z")
            .unwrap();
        assert_eq!(
            s.collect_host_backoffs().unwrap(),
            vec![("a".to_string(), "2030-01-01T00:00:00Z".to_string())]
        );
        s.collect_put_archive_committed("c-1.warc.gz", 10).unwrap();
        s.collect_put_archive_committed("c-1.warc.gz", 20).unwrap();
        assert_eq!(
            s.collect_archive_committed("c-1.warc.gz").unwrap(),
            Some(20)
        );
    }
}
