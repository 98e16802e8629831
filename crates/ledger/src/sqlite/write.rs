//! Storing appearances: each document whole in one transaction, with its links; transactions
//! gather whole documents up to a row budget, so that a large batch never holds the write lock
//! for long and a crash loses only the transaction in flight.

use super::link_rows::SqliteLinks;
use super::open::WRITER_PATIENCE;
use super::values::{column, int, text};
use super::SqliteStore;
use crate::links::{self, Features};
use crate::{Appearance, Result, StoreError};
use rusqlite::{params, ErrorCode, Transaction, TransactionBehavior};

/// Rows (spans and links) a transaction gathers before it commits. A document with more goes
/// alone in its own.
const ROWS_PER_TRANSACTION: usize = 20_000;

/// The rows a document adds, about.
fn rows_of(a: &Appearance) -> usize {
    let d = &a.analysis;
    1 + d.entities.len() + 2 * d.quotes.len() + 2 * d.figures.len() + d.times.len()
}

impl SqliteStore {
    pub(super) fn put(&mut self, docs: &[Appearance]) -> Result<usize> {
        let mut new = 0;
        let mut rest = docs;
        for take in transaction_sizes(docs, ROWS_PER_TRANSACTION) {
            let (chunk, after) = rest.split_at(take);
            rest = after;
            // The CPU work of linking (signatures, term counts, shingles) before the lock.
            let features: Vec<Features> =
                chunk.iter().map(|a| links::features(&a.analysis)).collect();
            new += self.write(|tx| {
                let mut n = 0;
                for (a, f) in chunk.iter().zip(&features) {
                    n += usize::from(insert(tx, a, f)?);
                }
                Ok(n)
            })?;
        }
        Ok(new)
    }

    /// Runs `f` in a transaction that holds the write lock from its start (waiting, with
    /// backoff, while another writer holds it) and commits it.
    fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = match self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
        {
            Ok(tx) => tx,
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) => {
                return Err(StoreError::Busy {
                    seconds: WRITER_PATIENCE.as_secs(),
                })
            }
            Err(e) => return Err(e.into()),
        };
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// How many documents each transaction takes, in order: whole documents up to `budget` rows,
/// at least one.
fn transaction_sizes(docs: &[Appearance], budget: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let (mut take, mut rows) = (0, 0);
    for d in docs {
        let r = rows_of(d);
        if take > 0 && rows + r > budget {
            sizes.push(take);
            (take, rows) = (0, 0);
        }
        take += 1;
        rows += r;
    }
    if take > 0 {
        sizes.push(take);
    }
    sizes
}

/// Stores one appearance and links it; false when it was stored already.
fn insert(tx: &Transaction, a: &Appearance, features: &Features) -> Result<bool> {
    let d = &a.analysis;
    let inserted = tx
        .prepare_cached(
            "INSERT INTO documents (content_id, origin, source, url, outlet, title, published,
                 syndicated, dateline, language, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (content_id, origin) DO NOTHING",
        )?
        .execute(params![
            d.id,
            a.origin,
            d.source,
            d.url,
            d.outlet,
            d.title,
            column(&d.published),
            d.syndicated,
            d.dateline,
            d.language,
            d.text,
        ])?;
    if inserted == 0 {
        return Ok(false);
    }
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![id, d.title, d.text])?;
    for (table, column_name, values) in [
        ("authors", "name", &d.authors),
        ("agencies", "name", &d.agencies),
        ("warnings", "message", &d.warnings),
    ] {
        let mut st = tx.prepare_cached(&format!(
            "INSERT INTO {table} (document_id, position, {column_name}) VALUES (?1, ?2, ?3)"
        ))?;
        for (i, v) in values.iter().enumerate() {
            st.execute(params![id, int(i), v])?;
        }
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO entities (document_id, position, text, kind, start_byte, end_byte,
             canonical, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, e) in d.entities.iter().enumerate() {
        st.execute(params![
            id,
            int(i),
            e.text,
            column(&e.kind),
            int(e.start),
            int(e.end),
            e.canonical,
            e.role
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quotes (document_id, position, text, kind, start_byte, end_byte, speaker,
             speaker_mention, speaker_kind, role, cue)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (i, q) in d.quotes.iter().enumerate() {
        st.execute(params![
            id,
            int(i),
            q.text,
            column(&q.kind),
            int(q.start),
            int(q.end),
            q.speaker,
            q.speaker_mention,
            column(&q.speaker_type),
            q.role,
            q.cue
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO figures (document_id, position, text, start_byte, end_byte, value, low,
             high, hedge, unit, counted, claimed_by, date, day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, coalesce(?13, ?14))",
    )?;
    let published = column(&d.published);
    for (i, f) in d.figures.iter().enumerate() {
        st.execute(params![
            id,
            int(i),
            f.text,
            int(f.start),
            int(f.end),
            f.value,
            f.low,
            f.high,
            column(&f.hedge),
            f.unit,
            f.counted,
            f.source,
            column(&f.date),
            published,
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO times (document_id, position, text, start_byte, end_byte, value, kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, t) in d.times.iter().enumerate() {
        st.execute(params![
            id,
            int(i),
            t.text,
            int(t.start),
            int(t.end),
            column(&t.value),
            column(&t.kind)
        ])?;
    }
    let published = text(&d.published);
    crate::linking::link_document(&mut SqliteLinks(tx), id, d, published.as_deref(), features)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::{DocAnalysis, Entity};

    fn with_entities(n: usize) -> Appearance {
        Appearance {
            origin: String::new(),
            analysis: DocAnalysis {
                entities: vec![Entity::default(); n],
                ..DocAnalysis::default()
            },
        }
    }

    #[test]
    fn transactions_take_whole_documents_up_to_the_budget() {
        let docs: Vec<Appearance> = [9, 9, 9, 40, 0, 0].into_iter().map(with_entities).collect();
        // 10 rows each for the first three, 41 for the large one (alone), 1 for the last two.
        assert_eq!(transaction_sizes(&docs, 20), vec![2, 1, 1, 2]);
        assert_eq!(transaction_sizes(&docs, 1000), vec![6]);
        assert_eq!(transaction_sizes(&docs[..0], 20), Vec::<usize>::new());
        let sizes = transaction_sizes(&docs, 1);
        assert_eq!(sizes, vec![1; 6]);
    }
}
