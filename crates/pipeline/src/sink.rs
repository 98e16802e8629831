//! Where a run's results go: the [`Sink`] trait, and [`StoreSink`], which stores them in a ledger.

use crate::{Notice, Processed};
use claimtrail_ledger::{Appearance, Store, StoreError};
use claimtrail_page::DocError;

/// Receives a run's results batch by batch, in input order. Its error stops the run and is the
/// run's error.
pub trait Sink {
    type Error;

    /// Whether this content from this origin is already held: its analysis is skipped. An error
    /// (a store that cannot be read) stops the run; it is never taken for "not held".
    fn contains(&mut self, _content_id: &str, _origin: &str) -> Result<bool, Self::Error> {
        Ok(false)
    }

    /// One batch's results, in input order, documents already held left out.
    fn accept(&mut self, batch: Vec<Processed>) -> Result<(), Self::Error>;

    /// An input passed over without loss (a directory reached a second time, the ledger's own
    /// files). Ignored unless the sink wants to tell someone.
    fn notice(&mut self, _notice: &Notice) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// What one batch did to the store, for progress and reporting.
#[derive(Debug)]
pub struct BatchOutcome<'a> {
    /// Documents analysed and handed to the store.
    pub analysed: usize,
    /// Of those, how many the store did not hold yet.
    pub new: usize,
    /// Documents that could not be read or analysed.
    pub failed: &'a [DocError],
    /// Analysed documents with warnings (a bound met, a charset guessed): their source and
    /// warnings, for the caller to show as the run goes.
    pub warned: Vec<(&'a str, &'a [String])>,
}

/// What a [`StoreSink`] tells its caller as the run goes.
#[derive(Debug)]
pub enum Progress<'a> {
    Batch(BatchOutcome<'a>),
    Notice(&'a Notice),
}

/// Stores each batch's analysed documents as appearances in a [`Store`]; the failed ones and
/// the notices go to `report` with the counts, for the caller to show.
pub struct StoreSink<'s, S: ?Sized, F> {
    store: &'s mut S,
    report: F,
    /// Documents stored that the store did not hold before.
    pub new: usize,
    /// Documents analysed whose rows the store refused (reported with the batch's failures).
    pub refused: usize,
}

impl<'s, S: Store + ?Sized, F: FnMut(Progress<'_>)> StoreSink<'s, S, F> {
    pub fn new(store: &'s mut S, report: F) -> Self {
        StoreSink {
            store,
            report,
            new: 0,
            refused: 0,
        }
    }
}

impl<S: Store + ?Sized, F: FnMut(Progress<'_>)> Sink for StoreSink<'_, S, F> {
    type Error = StoreError;

    fn contains(&mut self, content_id: &str, origin: &str) -> Result<bool, StoreError> {
        self.store.contains(content_id, origin)
    }

    fn accept(&mut self, batch: Vec<Processed>) -> Result<(), StoreError> {
        let mut docs = Vec::with_capacity(batch.len());
        let mut failed = Vec::new();
        for Processed { origin, result } in batch {
            match result {
                Ok(analysis) => docs.push(Appearance { origin, analysis }),
                Err(e) => failed.push(e),
            }
        }
        let stored = claimtrail_ledger::put_naming_refused(
            &docs,
            &mut *self.store,
            |s, d| s.put_batch(d),
            |s, d| s.contains(&d.analysis.id, &d.origin),
        )?;
        let new = stored.new;
        self.new += new;
        self.refused += stored.refused.len();
        // A document the store refused is a failed document, named, not the run's end.
        for (i, e) in stored.refused.iter().rev() {
            let doc = docs.remove(*i);
            failed.push(DocError::new(
                doc.analysis.source,
                format!("not stored: the ledger refused its rows: {e}"),
            ));
        }
        let warned = docs
            .iter()
            .filter(|d| !d.analysis.warnings.is_empty())
            .map(|d| (d.analysis.source.as_str(), d.analysis.warnings.as_slice()))
            .collect();
        (self.report)(Progress::Batch(BatchOutcome {
            analysed: docs.len(),
            new,
            failed: &failed,
            warned,
        }));
        Ok(())
    }

    fn notice(&mut self, notice: &Notice) -> Result<(), StoreError> {
        (self.report)(Progress::Notice(notice));
        Ok(())
    }
}
