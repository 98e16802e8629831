//! One page from response to ledger: archive it, record it, read it back from the archive,
//! store it in batches, and record failures for a later retry.

use claimtrail_ledger::collect_state::{PageRecord, PageState};
use claimtrail_page::RawDoc;
use claimtrail_pipeline::{Input, Progress, StoreSink};
use std::io::{self, BufReader, Seek, SeekFrom};
use std::sync::Arc;
use url::Url;

use crate::http::{FetchError, Response};
use crate::listing::Entry;
use crate::schedule::{Job, PageJob};
use crate::url_clean;
use crate::warc_write::Exchange;

use super::{archive_err, CollectError, Cycle};

impl Cycle<'_> {
    /// Queues the page an entry names unless it is stored with the same entry.
    pub(super) fn page_entry(
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

    /// A page reached a recorded state for this cycle.
    pub(super) fn page_done(&mut self, p: &PageJob) -> Result<(), CollectError> {
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

    pub(super) fn archive(
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

    pub(super) fn page_outcome(
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
    pub(super) fn read_back(&self, page: &PageRecord) -> Result<Option<RawDoc>, String> {
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
    pub(super) fn flush(&mut self) -> Result<(), CollectError> {
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
