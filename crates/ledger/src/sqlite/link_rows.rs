//! The link tables in SQLite's SQL: [`LinkRows`] over a writing transaction (the decisions are
//! `linking`'s). Statements are cached per connection; one row per statement, as SQLite runs
//! in-process and a statement costs no round trip.

use super::values::int;
use crate::linking::{LinkRows, StoryInfo, TermVector};
use crate::Result;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashMap;

/// The link tables of the ledger being written.
pub struct SqliteLinks<'a, 'c>(pub &'a Transaction<'c>);

impl SqliteLinks<'_, '_> {
    /// Runs a cached statement: most run once or more per document, and a statement that fires
    /// triggers compiles them each time it is prepared anew.
    fn run(&self, sql: &str, p: impl rusqlite::Params) -> Result<usize> {
        Ok(self.0.prepare_cached(sql)?.execute(p)?)
    }
}

impl LinkRows for SqliteLinks<'_, '_> {
    fn same_content(&mut self, content_id: &str, except: i64) -> Result<Option<i64>> {
        Ok(self
            .0
            .prepare_cached(
                "SELECT id FROM documents WHERE content_id = ?1 AND id <> ?2 ORDER BY id LIMIT 1",
            )?
            .query_row(params![content_id, except], |r| r.get(0))
            .optional()?)
    }

    fn bucket(&mut self, band: usize, key: i64, limit: i64) -> Result<Vec<i64>> {
        let mut st = self.0.prepare_cached(
            "SELECT document_id FROM lsh_postings WHERE band = ?1 AND key = ?2
             ORDER BY rowid DESC LIMIT ?3",
        )?;
        let ids = st.query_map(params![int(band), key, limit], |r| r.get::<_, i64>(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    fn signature(&mut self, doc: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .0
            .prepare_cached("SELECT signature FROM signatures WHERE document_id = ?1")?
            .query_row([doc], |r| r.get(0))
            .optional()?)
    }

    fn index_signature(&mut self, doc: i64, signature: &[u8], keys: &[i64]) -> Result<()> {
        self.0
            .prepare_cached("INSERT INTO signatures (document_id, signature) VALUES (?1, ?2)")?
            .execute(params![doc, signature])?;
        let mut st = self.0.prepare_cached(
            "INSERT INTO lsh_postings (band, key, document_id) VALUES (?1, ?2, ?3)",
        )?;
        for (band, key) in keys.iter().enumerate() {
            st.execute(params![int(band), key, doc])?;
        }
        Ok(())
    }

    fn syndicated(&mut self, doc: i64) -> Result<bool> {
        Ok(self
            .0
            .prepare_cached("SELECT syndicated FROM documents WHERE id = ?1")?
            .query_row([doc], |r| r.get(0))?)
    }

    fn agencies(&mut self, doc: i64) -> Result<Vec<String>> {
        let mut st = self
            .0
            .prepare_cached("SELECT name FROM agencies WHERE document_id = ?1")?;
        let names = st.query_map([doc], |r| r.get::<_, String>(0))?;
        Ok(names.collect::<rusqlite::Result<_>>()?)
    }

    fn appearance(&mut self, doc: i64) -> Result<(Option<String>, String)> {
        Ok(self
            .0
            .prepare_cached("SELECT published, origin FROM documents WHERE id = ?1")?
            .query_row([doc], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    fn original_of(&mut self, doc: i64) -> Result<Option<i64>> {
        Ok(self
            .0
            .prepare_cached("SELECT original_id FROM copies WHERE document_id = ?1")?
            .query_row([doc], |r| r.get(0))
            .optional()?)
    }

    fn set_copy(&mut self, doc: i64, original: i64, similarity: f64) -> Result<()> {
        self.0
            .prepare_cached(
                "INSERT OR REPLACE INTO copies (document_id, original_id, similarity)
                 VALUES (?1, ?2, ?3)",
            )?
            .execute(params![doc, original, similarity])?;
        Ok(())
    }

    fn reroot_copies(&mut self, from: i64, to: i64) -> Result<()> {
        self.run(
            "UPDATE copies SET original_id = ?1 WHERE original_id = ?2",
            params![to, from],
        )?;
        Ok(())
    }

    fn document_count(&mut self) -> Result<i64> {
        // Read from the index end (count(*) would scan the table for every document).
        Ok(self
            .0
            .query_row("SELECT coalesce(max(id), 0) FROM documents", [], |r| {
                r.get(0)
            })?)
    }

    fn count_terms(&mut self, terms: &[&str]) -> Result<Vec<i64>> {
        let mut st = self.0.prepare_cached(
            "INSERT INTO term_df (term, df) VALUES (?1, 1)
             ON CONFLICT(term) DO UPDATE SET df = df + 1 RETURNING df",
        )?;
        let mut out = Vec::with_capacity(terms.len());
        for term in terms {
            out.push(st.query_row([term], |r| r.get::<_, i64>(0))?);
        }
        Ok(out)
    }

    fn postings(&mut self, terms: &[&str], limit: i64) -> Result<HashMap<String, Vec<(i64, f64)>>> {
        let mut st = self.0.prepare_cached(
            "SELECT story_id, weight FROM story_terms WHERE term = ?1
             ORDER BY weight DESC, story_id LIMIT ?2",
        )?;
        let mut out = HashMap::new();
        for term in terms {
            let rows = st.query_map(params![term, limit], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
            })?;
            let postings: Vec<(i64, f64)> = rows.collect::<rusqlite::Result<_>>()?;
            if !postings.is_empty() {
                out.insert((*term).to_string(), postings);
            }
        }
        Ok(out)
    }

    fn story(&mut self, story: i64) -> Result<Option<StoryInfo>> {
        Ok(self
            .0
            .prepare_cached("SELECT size, norm2, first_seen, last_seen FROM stories WHERE id = ?1")?
            .query_row([story], |r| {
                Ok(StoryInfo {
                    size: r.get(0)?,
                    norm2: r.get(1)?,
                    first: r.get(2)?,
                    last: r.get(3)?,
                })
            })
            .optional()?)
    }

    fn story_of(&mut self, doc: i64) -> Result<Option<i64>> {
        Ok(self
            .0
            .prepare_cached("SELECT story_id FROM story_documents WHERE document_id = ?1")?
            .query_row([doc], |r| r.get(0))
            .optional()?)
    }

    fn new_story(&mut self, title: Option<&str>, date: Option<&str>) -> Result<i64> {
        self.run(
            "INSERT INTO stories (title, first_seen, last_seen, size, norm2)
             VALUES (?1, ?2, ?2, 0, 0)",
            params![title, date],
        )?;
        Ok(self.0.last_insert_rowid())
    }

    fn story_weights(&mut self, story: i64, terms: &[&str]) -> Result<HashMap<String, f64>> {
        let mut st = self
            .0
            .prepare_cached("SELECT weight FROM story_terms WHERE term = ?1 AND story_id = ?2")?;
        let mut out = HashMap::new();
        for term in terms {
            if let Some(w) = st
                .query_row(params![term, story], |r| r.get::<_, f64>(0))
                .optional()?
            {
                out.insert((*term).to_string(), w);
            }
        }
        Ok(out)
    }

    fn add_weights(
        &mut self,
        story: i64,
        vector: &[(String, f64)],
        norm2_delta: f64,
    ) -> Result<()> {
        let mut up = self.0.prepare_cached(
            "INSERT INTO story_terms (term, story_id, weight) VALUES (?1, ?2, ?3)
             ON CONFLICT(term, story_id) DO UPDATE SET weight = weight + excluded.weight",
        )?;
        for (term, w) in vector {
            up.execute(params![term, story, w])?;
        }
        self.run(
            "UPDATE stories SET norm2 = norm2 + ?2 WHERE id = ?1",
            params![story, norm2_delta],
        )?;
        Ok(())
    }

    fn grow_story(
        &mut self,
        story: i64,
        members: i64,
        (first, last): (Option<&str>, Option<&str>),
        title: Option<&str>,
    ) -> Result<()> {
        self.run(
            "UPDATE stories SET size = size + ?2,
                first_seen = CASE WHEN ?3 IS NOT NULL AND (first_seen IS NULL OR ?3 < first_seen)
                    THEN ?3 ELSE first_seen END,
                last_seen = CASE WHEN ?4 IS NOT NULL AND (last_seen IS NULL OR ?4 > last_seen)
                    THEN ?4 ELSE last_seen END,
                title = coalesce(title, ?5)
             WHERE id = ?1",
            params![story, members, first, last, title],
        )?;
        Ok(())
    }

    fn place_document(&mut self, doc: i64, story: i64, similarity: f64) -> Result<()> {
        self.run(
            "INSERT OR REPLACE INTO story_documents
                 (document_id, story_id, similarity, day, published, source)
             SELECT ?1, ?2, ?3, coalesce(published, estimated), published, source
             FROM documents WHERE id = ?1",
            params![doc, story, similarity],
        )?;
        Ok(())
    }

    fn story_vector(&mut self, story: i64) -> Result<TermVector> {
        let mut st = self.0.prepare_cached(
            "SELECT term, weight FROM story_terms WHERE story_id = ?1 ORDER BY term",
        )?;
        let rows = st.query_map([story], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn move_story(&mut self, from: i64, into: i64, similarity: f64, terms: &[&str]) -> Result<()> {
        self.run(
            "UPDATE story_documents SET story_id = ?2, similarity = ?3 WHERE story_id = ?1",
            params![from, into, similarity],
        )?;
        let mut del = self
            .0
            .prepare_cached("DELETE FROM story_terms WHERE term = ?1 AND story_id = ?2")?;
        for term in terms {
            del.execute(params![term, from])?;
        }
        self.run("DELETE FROM stories WHERE id = ?1", [from])?;
        self.run(
            "INSERT INTO story_speakers (story_id, speaker, quotes, documents, first_seen, last_seen)
             SELECT ?2, speaker, quotes, documents, first_seen, last_seen
             FROM story_speakers WHERE story_id = ?1
             ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes,
                 documents = documents + excluded.documents,
                 first_seen = min(coalesce(first_seen, excluded.first_seen),
                                  coalesce(excluded.first_seen, first_seen)),
                 last_seen = max(coalesce(last_seen, excluded.last_seen),
                                 coalesce(excluded.last_seen, last_seen))",
            params![from, into],
        )?;
        self.run(
            "INSERT OR IGNORE INTO story_speaker_roles (story_id, speaker, role)
             SELECT ?2, speaker, role FROM story_speaker_roles WHERE story_id = ?1",
            params![from, into],
        )?;
        self.run("DELETE FROM story_speakers WHERE story_id = ?1", [from])?;
        self.run(
            "DELETE FROM story_speaker_roles WHERE story_id = ?1",
            [from],
        )?;
        Ok(())
    }

    fn quotes_with_shingle(&mut self, shingle: u64, limit: i64) -> Result<Vec<i64>> {
        let mut st = self.0.prepare_cached(
            "SELECT quote_id FROM quote_shingles WHERE shingle = ?1
             ORDER BY quote_id DESC LIMIT ?2",
        )?;
        // Stored as the signed integer of the same bits.
        let ids = st.query_map(params![shingle as i64, limit], |r| r.get::<_, i64>(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    fn quote_shingles(&mut self, quote: i64) -> Result<i64> {
        Ok(self
            .0
            .prepare_cached("SELECT shingles FROM quote_registry WHERE id = ?1")?
            .query_row([quote], |r| r.get(0))?)
    }

    fn quote_seen_earlier(&mut self, quote: i64, doc: i64, published: Option<&str>) -> Result<()> {
        self.0
            .prepare_cached(
                // Same order as copies (date, a dated one first, then origin), so the first
                // appearance never depends on arrival order.
                "UPDATE quote_registry SET first_document_id = ?2, first_date = ?3
                 WHERE id = ?1 AND (
                   (?3 IS NOT NULL AND (first_date IS NULL OR ?3 < first_date))
                   OR (?3 IS first_date
                       AND (SELECT origin FROM documents WHERE id = ?2)
                           < (SELECT origin FROM documents WHERE id = first_document_id)))",
            )?
            .execute(params![quote, doc, published])?;
        Ok(())
    }

    fn new_quote(
        &mut self,
        text: &str,
        speaker: Option<&str>,
        shingles: &[u64],
        doc: i64,
        published: Option<&str>,
    ) -> Result<i64> {
        self.0
            .prepare_cached(
                "INSERT INTO quote_registry (text, speaker, shingles, first_document_id,
                     first_date)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![text, speaker, int(shingles.len()), doc, published])?;
        let qid = self.0.last_insert_rowid();
        let mut st = self.0.prepare_cached(
            "INSERT OR IGNORE INTO quote_shingles (shingle, quote_id) VALUES (?1, ?2)",
        )?;
        for s in shingles {
            st.execute(params![*s as i64, qid])?;
        }
        Ok(qid)
    }

    fn quote_appearance(&mut self, doc: i64, position: usize, quote: i64) -> Result<()> {
        self.0
            .prepare_cached(
                "INSERT INTO quote_appearances (document_id, position, quote_id)
                 VALUES (?1, ?2, ?3)",
            )?
            .execute(params![doc, int(position), quote])?;
        Ok(())
    }

    fn count_quote_document(&mut self, quote: i64) -> Result<()> {
        self.0
            .prepare_cached("UPDATE quote_registry SET documents = documents + 1 WHERE id = ?1")?
            .execute([quote])?;
        Ok(())
    }

    fn add_measures(
        &mut self,
        doc: i64,
        measures: &[(usize, String)],
        heads: &[&str],
    ) -> Result<()> {
        let mut st = self.0.prepare_cached(
            "INSERT INTO figure_measures (document_id, position, measure, date)
             SELECT ?1, ?2, ?3, coalesce(g.date, d.published, d.estimated)
             FROM figures g JOIN documents d ON d.id = g.document_id
             WHERE g.document_id = ?1 AND g.position = ?2",
        )?;
        let mut key = self.0.prepare_cached(
            "INSERT INTO measure_keys (measure, head) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )?;
        for ((position, measure), head) in measures.iter().zip(heads) {
            st.execute(params![doc, int(*position), measure])?;
            key.execute(params![measure, head])?;
        }
        Ok(())
    }

    fn add_speaker_counts(&mut self, doc: i64, quotes: &[(&str, i64)]) -> Result<()> {
        let mut st = self.0.prepare_cached(
            "INSERT INTO speaker_counts (speaker, day, outlet, quotes, documents)
             SELECT ?2, coalesce(published, estimated, ''), coalesce(outlet, ''), ?3, 1
             FROM documents WHERE id = ?1
             ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes,
                                       documents = documents + 1",
        )?;
        let mut story = self.0.prepare_cached(
            "INSERT INTO story_speakers (story_id, speaker, quotes, documents, first_seen, last_seen)
             SELECT sd.story_id, ?2, ?3, 1, coalesce(d.published, d.estimated),
                    coalesce(d.published, d.estimated)
             FROM story_documents sd JOIN documents d ON d.id = sd.document_id
             WHERE sd.document_id = ?1
             ON CONFLICT DO UPDATE SET quotes = quotes + excluded.quotes,
                 documents = documents + 1,
                 first_seen = min(coalesce(first_seen, excluded.first_seen),
                                  coalesce(excluded.first_seen, first_seen)),
                 last_seen = max(coalesce(last_seen, excluded.last_seen),
                                 coalesce(excluded.last_seen, last_seen))",
        )?;
        for (speaker, n) in quotes {
            st.execute(params![doc, speaker, n])?;
            story.execute(params![doc, speaker, n])?;
        }
        Ok(())
    }

    fn add_speaker_roles(&mut self, doc: i64, roles: &[(&str, &str)]) -> Result<()> {
        let mut st = self.0.prepare_cached(
            "INSERT INTO speaker_roles (speaker, role) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        )?;
        let mut story = self.0.prepare_cached(
            "INSERT OR IGNORE INTO story_speaker_roles (story_id, speaker, role)
             SELECT story_id, ?2, ?3 FROM story_documents WHERE document_id = ?1",
        )?;
        for (speaker, role) in roles {
            st.execute(params![speaker, role])?;
            story.execute(params![doc, speaker, role])?;
        }
        Ok(())
    }

    fn set_estimated(&mut self, doc: i64, date: &str) -> Result<()> {
        self.run(
            "UPDATE documents SET estimated = ?2 WHERE id = ?1",
            params![doc, date],
        )?;
        // Its figures without a date of their own, and its place among its story's members,
        // follow the estimate.
        self.run(
            "UPDATE figures SET day = ?2 WHERE document_id = ?1 AND date IS NULL",
            params![doc, date],
        )?;
        self.run(
            "UPDATE story_documents SET day = ?2 WHERE document_id = ?1",
            params![doc, date],
        )?;
        Ok(())
    }
}
