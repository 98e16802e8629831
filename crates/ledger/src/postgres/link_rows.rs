//! The link tables in PostgreSQL's SQL: [`LinkRows`] over a writing transaction (the decisions
//! are `linking`'s). Per-term steps go as one array statement (a round trip each, not one per
//! term); ids are given as max + 1, as SQLite gives rowids, so both backends number alike.

use super::tx::Tx;
use super::values::int;
use crate::linking::{LinkRows, StoryInfo, TermVector};
use crate::Result;
use std::collections::HashMap;

impl LinkRows for Tx<'_> {
    fn same_content(&mut self, content_id: &str, except: i64) -> Result<Option<i64>> {
        Ok(self
            .opt(
                "SELECT id FROM documents WHERE content_id = $1 AND id <> $2 ORDER BY id LIMIT 1",
                &[&content_id, &except],
            )?
            .map(|r| r.get(0)))
    }

    fn bucket(&mut self, band: usize, key: i64, limit: i64) -> Result<Vec<i64>> {
        // Postings are inserted in band order under the write lock: id order is SQLite's rowid
        // order.
        Ok(self
            .rows(
                "SELECT document_id FROM lsh_postings WHERE band = $1 AND key = $2
                 ORDER BY id DESC LIMIT $3",
                &[&int(band), &key, &limit],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    fn signature(&mut self, doc: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .opt(
                "SELECT signature FROM signatures WHERE document_id = $1",
                &[&doc],
            )?
            .map(|r| r.get(0)))
    }

    fn index_signature(&mut self, doc: i64, signature: &[u8], keys: &[i64]) -> Result<()> {
        self.exec(
            "INSERT INTO signatures (document_id, signature) VALUES ($1, $2)",
            &[&doc, &signature],
        )?;
        let bands: Vec<i64> = (0..keys.len()).map(int).collect();
        self.exec(
            "INSERT INTO lsh_postings (band, key, document_id)
             SELECT b, k, $1 FROM unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS u(b, k, n)
             ORDER BY n",
            &[&doc, &bands, &keys],
        )?;
        Ok(())
    }

    fn syndicated(&mut self, doc: i64) -> Result<bool> {
        Ok(self
            .one("SELECT syndicated FROM documents WHERE id = $1", &[&doc])?
            .get(0))
    }

    fn agencies(&mut self, doc: i64) -> Result<Vec<String>> {
        Ok(self
            .rows("SELECT name FROM agencies WHERE document_id = $1", &[&doc])?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    fn appearance(&mut self, doc: i64) -> Result<(Option<String>, String)> {
        let row = self.one(
            "SELECT published, origin FROM documents WHERE id = $1",
            &[&doc],
        )?;
        Ok((row.get(0), row.get(1)))
    }

    fn original_of(&mut self, doc: i64) -> Result<Option<i64>> {
        Ok(self
            .opt(
                "SELECT original_id FROM copies WHERE document_id = $1",
                &[&doc],
            )?
            .map(|r| r.get(0)))
    }

    fn set_copy(&mut self, doc: i64, original: i64, similarity: f64) -> Result<()> {
        self.exec(
            "INSERT INTO copies (document_id, original_id, similarity) VALUES ($1, $2, $3)
             ON CONFLICT (document_id) DO UPDATE
             SET original_id = excluded.original_id, similarity = excluded.similarity",
            &[&doc, &original, &similarity],
        )?;
        Ok(())
    }

    fn reroot_copies(&mut self, from: i64, to: i64) -> Result<()> {
        self.exec(
            "UPDATE copies SET original_id = $1 WHERE original_id = $2",
            &[&to, &from],
        )?;
        Ok(())
    }

    fn document_count(&mut self) -> Result<i64> {
        Ok(self
            .one("SELECT coalesce(max(id), 0) FROM documents", &[])?
            .get(0))
    }

    fn count_terms(&mut self, terms: &[&str]) -> Result<Vec<i64>> {
        // Terms are distinct: each row is counted once.
        let df: HashMap<String, i64> = self
            .rows(
                "INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest($1::text[]) AS t
                 ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1 RETURNING term, df",
                &[&terms],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        Ok(terms
            .iter()
            .map(|t| df.get(*t).copied().unwrap_or(1))
            .collect())
    }

    fn postings(&mut self, terms: &[&str], limit: i64) -> Result<HashMap<String, Vec<(i64, f64)>>> {
        let mut out: HashMap<String, Vec<(i64, f64)>> = HashMap::new();
        for r in self.rows(
            "SELECT t.term, p.story_id, p.weight FROM unnest($1::text[]) AS t(term)
             CROSS JOIN LATERAL (
                 SELECT story_id, weight FROM story_terms WHERE term = t.term
                 ORDER BY weight DESC, story_id LIMIT $2) p",
            &[&terms, &limit],
        )? {
            out.entry(r.get(0)).or_default().push((r.get(1), r.get(2)));
        }
        Ok(out)
    }

    fn story(&mut self, story: i64) -> Result<Option<StoryInfo>> {
        Ok(self
            .opt(
                "SELECT size, norm2, first_seen, last_seen FROM stories WHERE id = $1",
                &[&story],
            )?
            .map(|r| StoryInfo {
                size: r.get(0),
                norm2: r.get(1),
                first: r.get(2),
                last: r.get(3),
            }))
    }

    fn story_of(&mut self, doc: i64) -> Result<Option<i64>> {
        Ok(self
            .opt(
                "SELECT story_id FROM story_documents WHERE document_id = $1",
                &[&doc],
            )?
            .map(|r| r.get(0)))
    }

    fn new_story(&mut self, title: Option<&str>, date: Option<&str>) -> Result<i64> {
        Ok(self
            .one(
                "INSERT INTO stories (id, title, first_seen, last_seen, size, norm2)
                 SELECT coalesce(max(id), 0) + 1, $1, $2, $2, 0, 0 FROM stories
                 RETURNING id",
                &[&title, &date],
            )?
            .get(0))
    }

    fn story_weights(&mut self, story: i64, terms: &[&str]) -> Result<HashMap<String, f64>> {
        Ok(self
            .rows(
                "SELECT term, weight FROM story_terms WHERE story_id = $1 AND term = ANY($2)",
                &[&story, &terms],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
    }

    fn add_weights(
        &mut self,
        story: i64,
        vector: &[(String, f64)],
        norm2_delta: f64,
    ) -> Result<()> {
        let terms: Vec<&str> = vector.iter().map(|(t, _)| t.as_str()).collect();
        let weights: Vec<f64> = vector.iter().map(|(_, w)| *w).collect();
        self.exec(
            "INSERT INTO story_terms (term, story_id, weight)
             SELECT t, $1, w FROM unnest($2::text[], $3::float8[]) AS u(t, w)
             ON CONFLICT (term, story_id) DO UPDATE SET weight = story_terms.weight + excluded.weight",
            &[&story, &terms, &weights],
        )?;
        self.exec(
            "UPDATE stories SET norm2 = norm2 + $2 WHERE id = $1",
            &[&story, &norm2_delta],
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
        self.exec(
            "UPDATE stories SET size = size + $2,
                first_seen = CASE WHEN $3::text IS NOT NULL
                    AND (first_seen IS NULL OR $3::text < first_seen) THEN $3::text ELSE first_seen END,
                last_seen = CASE WHEN $4::text IS NOT NULL
                    AND (last_seen IS NULL OR $4::text > last_seen) THEN $4::text ELSE last_seen END,
                title = coalesce(title, $5)
             WHERE id = $1",
            &[&story, &members, &first, &last, &title],
        )?;
        Ok(())
    }

    fn place_document(&mut self, doc: i64, story: i64, similarity: f64) -> Result<()> {
        self.exec(
            "INSERT INTO story_documents (document_id, story_id, similarity) VALUES ($1, $2, $3)
             ON CONFLICT (document_id) DO UPDATE
             SET story_id = excluded.story_id, similarity = excluded.similarity",
            &[&doc, &story, &similarity],
        )?;
        Ok(())
    }

    fn story_vector(&mut self, story: i64) -> Result<TermVector> {
        Ok(self
            .rows(
                "SELECT term, weight FROM story_terms WHERE story_id = $1 ORDER BY term",
                &[&story],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
    }

    fn move_story(&mut self, from: i64, into: i64, similarity: f64, terms: &[&str]) -> Result<()> {
        self.exec(
            "UPDATE story_documents SET story_id = $2, similarity = $3 WHERE story_id = $1",
            &[&from, &into, &similarity],
        )?;
        self.exec(
            "DELETE FROM story_terms WHERE story_id = $1 AND term = ANY($2)",
            &[&from, &terms],
        )?;
        self.exec("DELETE FROM stories WHERE id = $1", &[&from])?;
        self.exec(
            "INSERT INTO story_speakers (story_id, speaker, quotes, documents, first_seen, last_seen)
             SELECT $2, speaker, quotes, documents, first_seen, last_seen
             FROM story_speakers WHERE story_id = $1
             ON CONFLICT (story_id, speaker) DO UPDATE
             SET quotes = story_speakers.quotes + excluded.quotes,
                 documents = story_speakers.documents + excluded.documents,
                 first_seen = least(story_speakers.first_seen, excluded.first_seen),
                 last_seen = greatest(story_speakers.last_seen, excluded.last_seen)",
            &[&from, &into],
        )?;
        self.exec(
            "INSERT INTO story_speaker_roles (story_id, speaker, role)
             SELECT $2, speaker, role FROM story_speaker_roles WHERE story_id = $1
             ON CONFLICT DO NOTHING",
            &[&from, &into],
        )?;
        self.exec("DELETE FROM story_speakers WHERE story_id = $1", &[&from])?;
        self.exec(
            "DELETE FROM story_speaker_roles WHERE story_id = $1",
            &[&from],
        )?;
        Ok(())
    }

    fn quotes_with_shingle(&mut self, shingle: u64, limit: i64) -> Result<Vec<i64>> {
        // Stored as the signed integer of the same bits.
        Ok(self
            .rows(
                "SELECT quote_id FROM quote_shingles WHERE shingle = $1
                 ORDER BY quote_id DESC LIMIT $2",
                &[&(shingle as i64), &limit],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect())
    }

    fn quote_shingles(&mut self, quote: i64) -> Result<i64> {
        Ok(self
            .one(
                "SELECT shingles FROM quote_registry WHERE id = $1",
                &[&quote],
            )?
            .get(0))
    }

    fn quote_seen_earlier(&mut self, quote: i64, doc: i64, published: Option<&str>) -> Result<()> {
        self.exec(
            // Same order as copies (date, a dated one first, then origin in byte order), so
            // the first appearance never depends on which worker stored its document first.
            "UPDATE quote_registry SET first_document_id = $2, first_date = $3::text
             WHERE id = $1 AND (
               ($3::text IS NOT NULL AND (first_date IS NULL OR $3::text < first_date))
               OR ($3::text IS NOT DISTINCT FROM first_date
                   AND (SELECT origin FROM documents WHERE id = $2) COLLATE \"C\"
                       < (SELECT origin FROM documents WHERE id = first_document_id) COLLATE \"C\"))",
            &[&quote, &doc, &published],
        )?;
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
        let qid: i64 = self
            .one(
                "INSERT INTO quote_registry (id, text, speaker, shingles, first_document_id,
                     first_date)
                 SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4, $5 FROM quote_registry
                 RETURNING id",
                &[&text, &speaker, &int(shingles.len()), &doc, &published],
            )?
            .get(0);
        let hashed: Vec<i64> = shingles.iter().map(|s| *s as i64).collect();
        self.exec(
            "INSERT INTO quote_shingles (shingle, quote_id)
             SELECT s, $2 FROM unnest($1::bigint[]) AS s ON CONFLICT DO NOTHING",
            &[&hashed, &qid],
        )?;
        Ok(qid)
    }

    fn quote_appearance(&mut self, doc: i64, position: usize, quote: i64) -> Result<()> {
        self.exec(
            "INSERT INTO quote_appearances (document_id, position, quote_id) VALUES ($1, $2, $3)",
            &[&doc, &int(position), &quote],
        )?;
        Ok(())
    }

    fn count_quote_document(&mut self, quote: i64) -> Result<()> {
        self.exec(
            "UPDATE quote_registry SET documents = documents + 1 WHERE id = $1",
            &[&quote],
        )?;
        Ok(())
    }

    fn add_measures(
        &mut self,
        doc: i64,
        measures: &[(usize, String)],
        heads: &[&str],
    ) -> Result<()> {
        let positions: Vec<i64> = measures.iter().map(|(p, _)| int(*p)).collect();
        let keys: Vec<&str> = measures.iter().map(|(_, m)| m.as_str()).collect();
        self.exec(
            "INSERT INTO figure_measures (document_id, position, measure, date)
             SELECT $1, m.position, m.measure, coalesce(g.date, d.published, d.estimated)
             FROM unnest($2::bigint[], $3::text[]) AS m(position, measure)
             JOIN figures g ON g.document_id = $1 AND g.position = m.position
             JOIN documents d ON d.id = $1",
            &[&doc, &positions, &keys],
        )?;
        self.exec(
            "INSERT INTO measure_keys (measure, head)
             SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            &[&keys, &heads],
        )?;
        Ok(())
    }

    fn add_speaker_counts(&mut self, doc: i64, quotes: &[(&str, i64)]) -> Result<()> {
        let (speakers, counts): (Vec<&str>, Vec<i64>) = quotes.iter().copied().unzip();
        self.exec(
            "INSERT INTO speaker_counts (speaker, day, outlet, quotes, documents)
             SELECT s.speaker, coalesce(d.published, d.estimated, ''), coalesce(d.outlet, ''),
                    s.quotes, 1
             FROM unnest($2::text[], $3::bigint[]) AS s(speaker, quotes)
             JOIN documents d ON d.id = $1
             ON CONFLICT (speaker, day, outlet) DO UPDATE
             SET quotes = speaker_counts.quotes + excluded.quotes,
                 documents = speaker_counts.documents + 1",
            &[&doc, &speakers, &counts],
        )?;
        // Least and greatest skip nulls: an undated document leaves the story's dates alone.
        self.exec(
            "INSERT INTO story_speakers (story_id, speaker, quotes, documents, first_seen, last_seen)
             SELECT sd.story_id, s.speaker, s.quotes, 1, coalesce(d.published, d.estimated),
                    coalesce(d.published, d.estimated)
             FROM unnest($2::text[], $3::bigint[]) AS s(speaker, quotes)
             JOIN story_documents sd ON sd.document_id = $1
             JOIN documents d ON d.id = $1
             ON CONFLICT (story_id, speaker) DO UPDATE
             SET quotes = story_speakers.quotes + excluded.quotes,
                 documents = story_speakers.documents + 1,
                 first_seen = least(story_speakers.first_seen, excluded.first_seen),
                 last_seen = greatest(story_speakers.last_seen, excluded.last_seen)",
            &[&doc, &speakers, &counts],
        )?;
        Ok(())
    }

    fn add_speaker_roles(&mut self, doc: i64, roles: &[(&str, &str)]) -> Result<()> {
        let (speakers, roles): (Vec<&str>, Vec<&str>) = roles.iter().copied().unzip();
        self.exec(
            "INSERT INTO speaker_roles (speaker, role)
             SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            &[&speakers, &roles],
        )?;
        self.exec(
            "INSERT INTO story_speaker_roles (story_id, speaker, role)
             SELECT sd.story_id, r.speaker, r.role
             FROM unnest($2::text[], $3::text[]) AS r(speaker, role)
             JOIN story_documents sd ON sd.document_id = $1
             ON CONFLICT DO NOTHING",
            &[&doc, &speakers, &roles],
        )?;
        Ok(())
    }

    fn set_estimated(&mut self, doc: i64, date: &str) -> Result<()> {
        self.exec(
            "UPDATE documents SET estimated = $2 WHERE id = $1",
            &[&doc, &date],
        )?;
        Ok(())
    }
}
