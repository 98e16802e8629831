//! A JSON Lines export back into a ledger. The analyses are read from `documents`, `entities`,
//! `quotes`, `figures` and `times` (merged by document key, all in key order, one document in
//! memory at a time) and stored in key order, so the ledger links them again (copies,
//! stories, registry, measures, estimated dates) as it did the first time. The exported links
//! themselves are not read: they are the ledger's to compute.

use crate::columns::Record;
use anyhow::{bail, Context, Result};
use claimtrail_analysis::{DocAnalysis, Entity, Figure, Quote, TimeExpr};
use claimtrail_ledger::tables::{
    DocumentRecord, EntityRecord, FigureRecord, QuoteRecord, TimeRecord,
};
use claimtrail_ledger::{Appearance, Store};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// A span record of one document.
trait Span: Record {
    fn document_key(&self) -> i64;
    fn bounds(&self) -> (usize, usize);
}

macro_rules! span {
    ($t:ty) => {
        impl Span for $t {
            fn document_key(&self) -> i64 {
                self.document_key
            }
            fn bounds(&self) -> (usize, usize) {
                (self.start, self.end)
            }
        }
    };
}
span!(EntityRecord);
span!(QuoteRecord);
span!(FigureRecord);
span!(TimeRecord);

/// One table's file, read a record at a time, with one record of look-ahead.
struct TableReader<T> {
    path: PathBuf,
    lines: std::io::Lines<BufReader<File>>,
    line: usize,
    ahead: Option<T>,
}

impl<T: Record> TableReader<T> {
    fn open(dir: &Path) -> Result<Self> {
        let path = dir.join(format!("{}.jsonl", T::TABLE));
        let file = File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
        Ok(TableReader {
            path,
            lines: BufReader::new(file).lines(),
            line: 0,
            ahead: None,
        })
    }

    fn read(&mut self) -> Result<Option<T>> {
        if let Some(r) = self.ahead.take() {
            return Ok(Some(r));
        }
        loop {
            let Some(line) = self.lines.next() else {
                return Ok(None);
            };
            self.line += 1;
            let line = line.with_context(|| format!("cannot read {}", self.where_()))?;
            if line.trim().is_empty() {
                continue;
            }
            return serde_json::from_str(&line)
                .map(Some)
                .with_context(|| format!("{}: not a {} record", self.where_(), T::TABLE));
        }
    }

    fn where_(&self) -> String {
        format!("{} line {}", self.path.display(), self.line)
    }
}

impl<T: Span> TableReader<T> {
    /// The records of document `key`; refuses one of an earlier key (out of order, or of a
    /// document that `documents` does not hold).
    fn take(&mut self, key: i64, doc: &DocumentRecord) -> Result<Vec<T>> {
        let mut rows = Vec::new();
        while let Some(r) = self.read()? {
            if r.document_key() > key {
                self.ahead = Some(r);
                break;
            }
            if r.document_key() < key {
                bail!(
                    "{}: a {} record of document key {}, which the documents file does not \
                     hold before key {key} (files out of order?)",
                    self.where_(),
                    T::TABLE,
                    r.document_key()
                );
            }
            let (start, end) = r.bounds();
            let fits = start <= end
                && end <= doc.text.len()
                && doc.text.is_char_boundary(start)
                && doc.text.is_char_boundary(end);
            if !fits {
                bail!(
                    "{}: the {} span {start}..{end} is not a range of the text of document \
                     {} ({}, {} bytes)",
                    self.where_(),
                    T::TABLE,
                    doc.source,
                    doc.id,
                    doc.text.len()
                );
            }
            rows.push(r);
        }
        Ok(rows)
    }

    /// Refuses records left over once the documents are read.
    fn finish(mut self) -> Result<()> {
        match self.read()? {
            Some(r) => bail!(
                "{}: a {} record of document key {}, which the documents file does not hold",
                self.where_(),
                T::TABLE,
                r.document_key()
            ),
            None => Ok(()),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Documents read from the export.
    pub read: usize,
    /// Documents the ledger did not hold yet.
    pub stored: usize,
}

/// Reads the JSON Lines export in `dir` into `store`, `batch` documents per write.
pub fn import(dir: &Path, store: &mut dyn Store, batch: usize) -> Result<ImportReport> {
    let mut documents = TableReader::<DocumentRecord>::open(dir)?;
    let mut entities = TableReader::<EntityRecord>::open(dir)?;
    let mut quotes = TableReader::<QuoteRecord>::open(dir)?;
    let mut figures = TableReader::<FigureRecord>::open(dir)?;
    let mut times = TableReader::<TimeRecord>::open(dir)?;
    let mut report = ImportReport::default();
    let mut pending = Vec::with_capacity(batch.max(1));
    let mut last_key = None;
    while let Some(doc) = documents.read()? {
        if last_key.is_some_and(|k| doc.key <= k) {
            bail!(
                "{}: document key {} after key {}: keys must increase",
                documents.where_(),
                doc.key,
                last_key.unwrap_or_default()
            );
        }
        last_key = Some(doc.key);
        let key = doc.key;
        let analysis = DocAnalysis {
            entities: entities.take(key, &doc)?.into_iter().map(entity).collect(),
            quotes: quotes.take(key, &doc)?.into_iter().map(quote).collect(),
            figures: figures.take(key, &doc)?.into_iter().map(figure).collect(),
            times: times.take(key, &doc)?.into_iter().map(time).collect(),
            source: doc.source,
            id: doc.id,
            url: doc.url,
            outlet: doc.outlet,
            title: doc.title,
            published: doc.published,
            authors: doc.authors,
            agencies: doc.agencies,
            syndicated: doc.syndicated,
            dateline: doc.dateline,
            language: doc.language,
            text: doc.text,
            warnings: doc.warnings,
        };
        pending.push(Appearance {
            origin: doc.origin,
            analysis,
        });
        report.read += 1;
        if pending.len() >= batch.max(1) {
            report.stored += store.put_batch(&pending)?;
            pending.clear();
        }
    }
    report.stored += store.put_batch(&pending)?;
    entities.finish()?;
    quotes.finish()?;
    figures.finish()?;
    times.finish()?;
    Ok(report)
}

fn entity(r: EntityRecord) -> Entity {
    Entity {
        text: r.text,
        kind: r.kind,
        start: r.start,
        end: r.end,
        canonical: r.canonical,
        role: r.role,
    }
}

fn quote(r: QuoteRecord) -> Quote {
    Quote {
        text: r.text,
        kind: r.kind,
        start: r.start,
        end: r.end,
        speaker: r.speaker,
        speaker_mention: r.speaker_mention,
        speaker_type: r.speaker_type,
        role: r.role,
        cue: r.cue,
    }
}

fn figure(r: FigureRecord) -> Figure {
    Figure {
        text: r.text,
        start: r.start,
        end: r.end,
        value: r.value,
        low: r.low,
        high: r.high,
        hedge: r.hedge,
        unit: r.unit,
        counted: r.counted,
        source: r.source,
        date: r.date,
    }
}

fn time(r: TimeRecord) -> TimeExpr {
    TimeExpr {
        text: r.text,
        start: r.start,
        end: r.end,
        value: r.value,
        kind: r.kind,
    }
}
