//! Storing appearances: chunks of whole documents, each chunk one transaction that first takes
//! the ledger's write lock, so that any number of writers link documents one chunk at a time
//! (linking reads what earlier documents left). Spans go in as arrays (one statement per table
//! per document, not per row). A chunk whose connection broke is retried on a new connection.

use super::pool::{Conn, Pool};
use super::tx::Tx;
use super::values::{int, text};
use super::WRITE_LOCK;
use crate::linking::link_document;
use crate::links::{self, Features};
use crate::{Appearance, Result};

/// Rows (spans and links) a transaction gathers before it commits, as the SQLite backend.
const ROWS_PER_TRANSACTION: usize = 20_000;

fn rows_of(a: &Appearance) -> usize {
    let d = &a.analysis;
    1 + d.entities.len() + 2 * d.quotes.len() + 2 * d.figures.len() + d.times.len()
}

pub(super) fn put(pool: &Pool, docs: &[Appearance]) -> Result<usize> {
    put_with(pool, docs, &mut |_| Ok(()))
}

/// [`put`], running `last` in the transaction of the last chunk (a work unit's progress).
pub(super) fn put_with(
    pool: &Pool,
    docs: &[Appearance],
    last: &mut dyn FnMut(&mut Tx) -> Result<()>,
) -> Result<usize> {
    let mut new = 0;
    let mut rest = docs;
    if docs.is_empty() {
        return pool.run(|c| write_chunk(c, &[], &[], Some(&mut *last)));
    }
    while !rest.is_empty() {
        let mut take = 0;
        let mut rows = 0;
        for d in rest {
            let r = rows_of(d);
            if take > 0 && rows + r > ROWS_PER_TRANSACTION {
                break;
            }
            take += 1;
            rows += r;
        }
        let (chunk, after) = rest.split_at(take);
        rest = after;
        // The CPU work of linking before the lock.
        let features: Vec<Features> = chunk.iter().map(|a| links::features(&a.analysis)).collect();
        let is_last = rest.is_empty();
        new += pool.run(|c| write_chunk(c, chunk, &features, is_last.then_some(&mut *last)))?;
    }
    Ok(new)
}

/// A last step run inside a chunk's transaction (a job's progress, committed with its batch).
type InTx<'a> = &'a mut dyn FnMut(&mut Tx) -> Result<()>;

fn write_chunk(
    conn: &mut Conn,
    chunk: &[Appearance],
    features: &[Features],
    last: Option<InTx<'_>>,
) -> Result<usize> {
    let tx = conn.client.transaction()?;
    let mut tx = Tx::new(tx, &mut conn.statements);
    tx.exec("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
    let mut n = 0;
    for (a, f) in chunk.iter().zip(features) {
        n += usize::from(insert(&mut tx, a, f)?);
    }
    if let Some(last) = last {
        last(&mut tx)?;
    }
    tx.commit()?;
    Ok(n)
}

/// Stores one appearance and links it; false when it was stored already.
fn insert(tx: &mut Tx, a: &Appearance, features: &Features) -> Result<bool> {
    let d = &a.analysis;
    let published = text(&d.published);
    // Ids as SQLite's rowids: one more than the largest (the write lock is held).
    let inserted = tx.opt(
        "INSERT INTO documents (id, content_id, origin, source, url, outlet, title, published,
             syndicated, dateline, language, text)
         SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
         FROM documents
         ON CONFLICT (content_id, origin) DO NOTHING RETURNING id",
        &[
            &d.id,
            &a.origin,
            &d.source,
            &d.url,
            &d.outlet,
            &d.title,
            &published,
            &d.syndicated,
            &d.dateline,
            &d.language,
            &d.text,
        ],
    )?;
    let Some(row) = inserted else {
        return Ok(false);
    };
    let id: i64 = row.get(0);
    for (table, column, values) in [
        ("authors", "name", &d.authors),
        ("agencies", "name", &d.agencies),
        ("warnings", "message", &d.warnings),
    ] {
        if values.is_empty() {
            continue;
        }
        let positions: Vec<i64> = (0..values.len()).map(int).collect();
        tx.exec(
            &format!(
                "INSERT INTO {table} (document_id, position, {column})
                 SELECT $1, * FROM unnest($2::bigint[], $3::text[])"
            ),
            &[&id, &positions, values],
        )?;
    }
    if !d.entities.is_empty() {
        let e = &d.entities;
        let col =
            |f: &dyn Fn(&claimtrail_analysis::Entity) -> Option<String>| -> Vec<Option<String>> {
                e.iter().map(f).collect()
            };
        tx.exec(
            "INSERT INTO entities (document_id, position, text, kind, start_byte, end_byte,
                 canonical, role)
             SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[],
                 $6::bigint[], $7::text[], $8::text[])",
            &[
                &id,
                &(0..e.len()).map(int).collect::<Vec<_>>(),
                &col(&|x| Some(x.text.clone())),
                &col(&|x| text(&x.kind)),
                &e.iter().map(|x| int(x.start)).collect::<Vec<_>>(),
                &e.iter().map(|x| int(x.end)).collect::<Vec<_>>(),
                &col(&|x| Some(x.canonical.clone())),
                &col(&|x| x.role.clone()),
            ],
        )?;
    }
    if !d.quotes.is_empty() {
        let q = &d.quotes;
        let col =
            |f: &dyn Fn(&claimtrail_analysis::Quote) -> Option<String>| -> Vec<Option<String>> {
                q.iter().map(f).collect()
            };
        tx.exec(
            "INSERT INTO quotes (document_id, position, text, kind, start_byte, end_byte, speaker,
                 speaker_mention, speaker_kind, role, cue)
             SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[],
                 $6::bigint[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])",
            &[
                &id,
                &(0..q.len()).map(int).collect::<Vec<_>>(),
                &col(&|x| Some(x.text.clone())),
                &col(&|x| text(&x.kind)),
                &q.iter().map(|x| int(x.start)).collect::<Vec<_>>(),
                &q.iter().map(|x| int(x.end)).collect::<Vec<_>>(),
                &col(&|x| x.speaker.clone()),
                &col(&|x| x.speaker_mention.clone()),
                &col(&|x| text(&x.speaker_type)),
                &col(&|x| x.role.clone()),
                &col(&|x| x.cue.clone()),
            ],
        )?;
    }
    if !d.figures.is_empty() {
        let g = &d.figures;
        let col =
            |f: &dyn Fn(&claimtrail_analysis::Figure) -> Option<String>| -> Vec<Option<String>> {
                g.iter().map(f).collect()
            };
        let num = |f: &dyn Fn(&claimtrail_analysis::Figure) -> Option<f64>| -> Vec<Option<f64>> {
            g.iter().map(f).collect()
        };
        tx.exec(
            "INSERT INTO figures (document_id, position, text, start_byte, end_byte, value, low,
                 high, hedge, unit, counted, claimed_by, date)
             SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::bigint[],
                 $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::text[], $11::text[],
                 $12::text[], $13::text[])",
            &[
                &id,
                &(0..g.len()).map(int).collect::<Vec<_>>(),
                &col(&|x| Some(x.text.clone())),
                &g.iter().map(|x| int(x.start)).collect::<Vec<_>>(),
                &g.iter().map(|x| int(x.end)).collect::<Vec<_>>(),
                &num(&|x| x.value),
                &num(&|x| x.low),
                &num(&|x| x.high),
                &col(&|x| text(&x.hedge)),
                &col(&|x| x.unit.clone()),
                &col(&|x| x.counted.clone()),
                &col(&|x| x.source.clone()),
                &col(&|x| text(&x.date)),
            ],
        )?;
    }
    if !d.times.is_empty() {
        let t = &d.times;
        let col =
            |f: &dyn Fn(&claimtrail_analysis::TimeExpr) -> Option<String>| -> Vec<Option<String>> {
                t.iter().map(f).collect()
            };
        tx.exec(
            "INSERT INTO times (document_id, position, text, start_byte, end_byte, value, kind)
             SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::bigint[],
                 $6::text[], $7::text[])",
            &[
                &id,
                &(0..t.len()).map(int).collect::<Vec<_>>(),
                &col(&|x| Some(x.text.clone())),
                &t.iter().map(|x| int(x.start)).collect::<Vec<_>>(),
                &t.iter().map(|x| int(x.end)).collect::<Vec<_>>(),
                &col(&|x| text(&x.value)),
                &col(&|x| text(&x.kind)),
            ],
        )?;
    }
    link_document(tx, id, d, published.as_deref(), features)?;
    Ok(true)
}
