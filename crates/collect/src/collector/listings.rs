//! Sources and their listings (feeds, sitemaps, pages of links): reading one, queueing the pages
//! its entries name, following redirects, and saving a listing's validators once it settles.

use claimtrail_ledger::collect_state::Validators;
use std::sync::Arc;
use url::Url;

use crate::http::{FetchError, Response};
use crate::listing::{self, Entry};
use crate::schedule::{Job, Purpose};
use crate::url_clean::{self, host_key};

use super::{CollectError, Cycle, PendingListing, Source};

impl Cycle<'_> {
    pub(super) fn start_source(&mut self, s: &Source) -> Result<(), CollectError> {
        match s {
            Source::Url(u) => match url_clean::clean(u, None) {
                Some(url) => self.push_listing(url, u.as_str().into())?,
                None => {
                    self.stats.failed += 1;
                    self.problem(s.name(), "not an http(s) URL");
                }
            },
            Source::UrlList(path) => match std::fs::read_to_string(path) {
                Ok(text) => {
                    for line in text.lines().map(str::trim) {
                        if line.is_empty() || line.starts_with('#') {
                            continue;
                        }
                        let entry = Entry::new(line.to_string(), None, None);
                        self.page_entry(&entry, None, None)?;
                    }
                }
                Err(e) => {
                    self.stats.failed += 1;
                    self.problem(s.name(), format!("cannot read the URL list: {e}"));
                }
            },
        }
        Ok(())
    }

    fn push_listing(&mut self, url: Url, source: Arc<str>) -> Result<(), CollectError> {
        if !self.queued_listings.insert(url.to_string()) {
            return Ok(());
        }
        let validators = self
            .store
            .collect_validators(url.as_str())?
            .unwrap_or_default();
        self.push(Job {
            host: host_key(&url),
            url,
            purpose: Purpose::Listing { source, validators },
            attempt: 0,
            hops: 0,
        });
        Ok(())
    }

    pub(super) fn follow(&mut self, job: &Job, r: &Response) -> Result<Option<Job>, String> {
        let Some(next) = r
            .header("location")
            .and_then(|l| url_clean::clean(l, Some(&job.url)))
        else {
            return Err(format!("{} without a usable Location", r.status));
        };
        if job.hops >= self.opts.max_redirects {
            return Err(format!("more than {} redirects", self.opts.max_redirects));
        }
        Ok(Some(Job {
            host: host_key(&next),
            url: next,
            purpose: job.purpose.clone(),
            attempt: 0,
            hops: job.hops + 1,
        }))
    }

    pub(super) fn listing_outcome(
        &mut self,
        job: Job,
        source: Arc<str>,
        result: Result<Response, FetchError>,
    ) -> Result<(), CollectError> {
        let what = if job.url.as_str() == &*source {
            source.to_string()
        } else {
            format!("{} (from {source})", job.url)
        };
        let r = match result {
            Ok(r) => r,
            Err(e) => {
                self.stats.failed += 1;
                self.problem(what, e.to_string());
                return Ok(());
            }
        };
        match r.status {
            304 => {
                self.stats.not_modified += 1;
                return Ok(());
            }
            300..=399 => {
                match self.follow(&job, &r) {
                    Ok(Some(next)) => self.push(next),
                    Ok(None) => {}
                    Err(e) => {
                        self.stats.failed += 1;
                        self.problem(what, e);
                    }
                }
                return Ok(());
            }
            200..=299 => {}
            s => {
                self.stats.failed += 1;
                self.problem(what, format!("answered {s}"));
                return Ok(());
            }
        }
        let body = match r.decoded_body(self.opts.run.limits.max_document_bytes) {
            Ok(b) => b,
            Err(e) => {
                self.stats.failed += 1;
                self.problem(what, e);
                return Ok(());
            }
        };
        let kind = listing::kind(&body, r.header("content-type").unwrap_or(""));
        // The parsers are not ours: a panic in one (a bug there) costs this listing only.
        let parsed = std::panic::catch_unwind(|| listing::parse(&body, kind, r.url.as_str()))
            .unwrap_or_else(|_| Err("the listing's parser failed (a bug); skipped".into()));
        let parsed = match parsed {
            Ok(l) => l,
            Err(e) => {
                self.stats.failed += 1;
                self.problem(what, e);
                return Ok(());
            }
        };
        if let Some(n) = &parsed.note {
            self.problem(&what, n.clone());
        }
        for child in &parsed.children {
            match url_clean::clean(child, Some(&r.url)) {
                Some(u) => self.push_listing(u, source.clone())?,
                None => self.problem(&what, format!("{child:?} is not an http(s) URL; skipped")),
            }
        }
        let key: Arc<str> = job.url.as_str().into();
        // An index or a home page is read whole every time: it is small, and the sitemaps or
        // feeds it names change while it does not. Feeds and sitemaps are asked conditionally.
        let validators = if parsed.children.is_empty() {
            Validators {
                etag: r.header("etag").map(str::to_string),
                last_modified: r.header("last-modified").map(str::to_string),
            }
        } else {
            Validators::default()
        };
        self.listings.insert(
            key.clone(),
            PendingListing {
                validators,
                pages: 0,
            },
        );
        for e in &parsed.entries {
            self.page_entry(e, Some(&r.url), Some(&key))?;
        }
        self.listing_settled(&key)
    }

    /// Saves a listing's validators once all its pages are stored.
    pub(super) fn listing_settled(&mut self, key: &Arc<str>) -> Result<(), CollectError> {
        let Some(l) = self.listings.get(key) else {
            return Ok(());
        };
        if l.pages > 0 {
            return Ok(());
        }
        let l = self.listings.remove(key).expect("looked up above");
        if l.validators.etag.is_some() || l.validators.last_modified.is_some() {
            self.store.collect_put_validators(key, &l.validators)?;
        }
        Ok(())
    }
}
