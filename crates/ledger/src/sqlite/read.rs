//! Reading: one stored analysis rebuilt from its rows, and the list queries, each streaming its
//! rows in a total order (every ORDER BY ends on a unique key).

use super::filter::{like, limit, Where};
use super::values::{field, offset};
use crate::links::measure::measure_key;
use crate::rows::{
    CopyRow, DocumentRow, EntityRow, FigureRow, MeasureRow, QuoteRow, RegistryQuoteRow,
    SpeakerProfile, SpeakerRow, StoryRow, Summary, TimelineRow,
};
use crate::{collect, Counts, Filter, Result, RowSink, STORY_MEMBERS_LISTED};
use claimtrail_analysis::{DocAnalysis, Entity, Figure, Quote, TimeExpr};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

/// Runs `sql` with `params`, handing each row, as `map` makes it, to `out`.
fn stream<T>(
    conn: &Connection,
    sql: &str,
    params: &[rusqlite::types::Value],
    map: impl Fn(&Row) -> rusqlite::Result<T>,
    out: RowSink<T>,
) -> Result<()> {
    let mut st = conn.prepare(sql)?;
    let mut rows = st.query(params_from_iter(params.iter()))?;
    while let Some(r) = rows.next()? {
        out(map(r)?)?;
    }
    Ok(())
}

/// A JSON array column (from `json_group_array`) as strings; empty when null.
fn list(j: Option<String>) -> Vec<String> {
    j.and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

pub fn document(conn: &Connection, key: &str) -> Result<Option<DocAnalysis>> {
    let origin = crate::origin(None, key);
    // Exact id, then source as given, then the same file or URL (or an origin as stored: a long
    // URL's bounded origin is not the origin of itself), then an id prefix.
    let id: Option<i64> = conn
        .query_row(
            "SELECT id FROM documents
             WHERE content_id = ?1 OR source = ?1 OR origin IN (?1, ?2)
                OR (length(?1) >= 6 AND content_id >= ?1 AND content_id < ?1 || 'g')
             ORDER BY content_id = ?1 DESC, source = ?1 DESC, origin IN (?1, ?2) DESC, id
             LIMIT 1",
            params![key, origin],
            |r| r.get(0),
        )
        .optional()?;
    id.map(|id| rebuild(conn, id)).transpose()
}

/// Every appearance in the order stored.
pub fn appearances(conn: &Connection, out: RowSink<crate::Appearance>) -> Result<()> {
    let mut st = conn.prepare("SELECT id, origin FROM documents ORDER BY id")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let origin: String = r.get(1)?;
        out(crate::Appearance {
            analysis: rebuild(conn, r.get(0)?)?,
            origin,
        })?;
    }
    Ok(())
}

/// The analysis of document `id`, as it was stored.
fn rebuild(conn: &Connection, id: i64) -> Result<DocAnalysis> {
    let mut d = conn.query_row(
        "SELECT source, content_id, url, outlet, title, published, syndicated, dateline,
                language, text
         FROM documents WHERE id = ?1",
        [id],
        |r| {
            Ok(DocAnalysis {
                source: r.get(0)?,
                id: r.get(1)?,
                url: r.get(2)?,
                outlet: r.get(3)?,
                title: r.get(4)?,
                published: field(r, 5)?,
                syndicated: r.get(6)?,
                dateline: r.get(7)?,
                language: r.get(8)?,
                text: r.get(9)?,
                ..DocAnalysis::default()
            })
        },
    )?;
    let names = |table: &str, column: &str| -> Result<Vec<String>> {
        let mut st = conn.prepare_cached(&format!(
            "SELECT {column} FROM {table} WHERE document_id = ?1 ORDER BY position"
        ))?;
        let rows = st.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    d.authors = names("authors", "name")?;
    d.agencies = names("agencies", "name")?;
    d.warnings = names("warnings", "message")?;
    d.entities = spans(
        conn,
        "SELECT text, kind, start_byte, end_byte, canonical, role FROM entities
         WHERE document_id = ?1 ORDER BY position",
        id,
        |r| {
            Ok(Entity {
                text: r.get(0)?,
                kind: field(r, 1)?,
                start: offset(r, 2)?,
                end: offset(r, 3)?,
                canonical: r.get(4)?,
                role: r.get(5)?,
            })
        },
    )?;
    d.quotes = spans(
        conn,
        "SELECT text, kind, start_byte, end_byte, speaker, speaker_mention, speaker_kind, role,
                cue
         FROM quotes WHERE document_id = ?1 ORDER BY position",
        id,
        |r| {
            Ok(Quote {
                text: r.get(0)?,
                kind: field(r, 1)?,
                start: offset(r, 2)?,
                end: offset(r, 3)?,
                speaker: r.get(4)?,
                speaker_mention: r.get(5)?,
                speaker_type: field(r, 6)?,
                role: r.get(7)?,
                cue: r.get(8)?,
            })
        },
    )?;
    d.figures = spans(
        conn,
        "SELECT text, start_byte, end_byte, value, low, high, hedge, unit, counted, claimed_by,
                date
         FROM figures WHERE document_id = ?1 ORDER BY position",
        id,
        |r| {
            Ok(Figure {
                text: r.get(0)?,
                start: offset(r, 1)?,
                end: offset(r, 2)?,
                value: r.get(3)?,
                low: r.get(4)?,
                high: r.get(5)?,
                hedge: field(r, 6)?,
                unit: r.get(7)?,
                counted: r.get(8)?,
                source: r.get(9)?,
                date: field(r, 10)?,
            })
        },
    )?;
    d.times = spans(
        conn,
        "SELECT text, start_byte, end_byte, value, kind FROM times
         WHERE document_id = ?1 ORDER BY position",
        id,
        |r| {
            Ok(TimeExpr {
                text: r.get(0)?,
                start: offset(r, 1)?,
                end: offset(r, 2)?,
                value: field(r, 3)?,
                kind: field(r, 4)?,
            })
        },
    )?;
    Ok(d)
}

fn spans<T>(
    conn: &Connection,
    sql: &str,
    id: i64,
    map: impl Fn(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut st = conn.prepare_cached(sql)?;
    let rows = st.query_map([id], map)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn counts(conn: &Connection) -> Result<Counts> {
    let n = |table: &str| -> Result<i64> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    Ok(Counts {
        documents: n("documents")?,
        entities: n("entities")?,
        quotes: n("quotes")?,
        figures: n("figures")?,
        times: n("times")?,
        stories: n("stories")?,
        copies: n("copies")?,
    })
}

pub fn summary(conn: &Connection, n: usize) -> Result<Summary> {
    let first = Filter {
        limit: Some(n),
        ..Filter::default()
    };
    Ok(Summary {
        counts: counts(conn)?,
        latest_stories: collect(|out| stories_ordered(conn, &first, true, out))?,
        top_speakers: collect(|out| speakers(conn, &first, out))?,
        top_measures: collect(|out| measures(conn, &first, out))?,
    })
}

pub fn documents(conn: &Connection, f: &Filter, out: RowSink<DocumentRow>) -> Result<()> {
    f.only("documents", &[])?;
    let listing = Listing::new(conn, f)?;
    // The documents are picked and ordered first (the listing index gives that order), and
    // their spans counted only as each row is handed on.
    let sql = format!(
        "SELECT d.content_id, d.published, d.outlet, d.title, d.source,
            (SELECT count(*) FROM quotes q WHERE q.document_id = d.id),
            (SELECT count(*) FROM figures g WHERE g.document_id = d.id)
         FROM ({}) AS p CROSS JOIN documents d ON d.id = p.id
         ORDER BY p.published, p.source, p.id",
        listing.sql(f.limit)
    );
    stream(
        conn,
        &sql,
        &listing.params(),
        |r| {
            Ok(DocumentRow {
                id: r.get(0)?,
                published: r.get(1)?,
                outlet: r.get(2)?,
                title: r.get(3)?,
                source: r.get(4)?,
                quotes: r.get(5)?,
                figures: r.get(6)?,
            })
        },
        out,
    )
}

pub fn quotes(conn: &Connection, f: &Filter, out: RowSink<QuoteRow>) -> Result<()> {
    f.only("quotes", &["speaker"])?;
    let docs = Listing::new(conn, f)?;
    let mut speaker = String::new();
    let mut speaker_params = Vec::new();
    if let Some(s) = &f.speaker {
        speaker =
            " AND (q.speaker LIKE ?2 ESCAPE '\\' OR q.speaker_mention LIKE ?3 ESCAPE '\\')".into();
        speaker_params.extend([like(s), like(s)]);
    }
    // Documents in order first, then each one's quotes by key, until the page is full. As one
    // join the planner sorts every quote of the documents (a story of a thousand documents holds
    // ten thousand); this way only the documents are ordered, and a few of them read.
    let mut documents = conn.prepare(&format!(
        "SELECT p.id, p.published, d.content_id, d.source FROM ({}) AS p
         CROSS JOIN documents d ON d.id = p.id",
        docs.sql(None)
    ))?;
    let mut quotes = conn.prepare(&format!(
        "SELECT q.speaker, q.kind, q.cue, q.text, q.start_byte, q.end_byte
         FROM quotes q WHERE q.document_id = ?1{speaker} ORDER BY q.position"
    ))?;
    let mut left = f.limit.unwrap_or(usize::MAX);
    let mut rows = documents.query(params_from_iter(docs.params().iter()))?;
    while left > 0 {
        let Some(r) = rows.next()? else { break };
        let (id, published, document, source): (i64, Option<String>, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        let mut params: Vec<rusqlite::types::Value> = vec![id.into()];
        params.extend(speaker_params.iter().cloned());
        let mut found = quotes.query(params_from_iter(params.iter()))?;
        while left > 0 {
            let Some(q) = found.next()? else { break };
            left -= 1;
            out(QuoteRow {
                published: published.clone(),
                speaker: q.get(0)?,
                kind: q.get(1)?,
                cue: q.get(2)?,
                text: q.get(3)?,
                document: document.clone(),
                source: source.clone(),
                start: q.get(4)?,
                end: q.get(5)?,
            })?;
        }
    }
    Ok(())
}

/// The restrictions of a documents listing and the story it is read from: a story's documents
/// are walked along its own index (`story_documents_listing`), the other restrictions checked on
/// the way, so its first page costs that page.
struct Listing {
    w: Where,
    story: Option<i64>,
}

impl Listing {
    fn new(conn: &Connection, f: &Filter) -> Result<Self> {
        Ok(match f.story {
            Some(story) => Listing {
                w: Where::new(conn, &without_story(f))?,
                story: Some(story),
            },
            None => Listing {
                w: Where::new(conn, f)?,
                story: None,
            },
        })
    }

    /// The parameters of [`Listing::sql`], in order.
    fn params(&self) -> Vec<rusqlite::types::Value> {
        let mut params: Vec<rusqlite::types::Value> =
            self.story.into_iter().map(Into::into).collect();
        params.extend(self.w.params.iter().cloned());
        params
    }

    /// The ids (with their order keys) of the documents selected, by publication date, then
    /// source, then id: the order of the `documents_listing` index and of each story's
    /// `story_documents_listing`.
    fn sql(&self, limit: Option<usize>) -> String {
        let limit = limit.map_or(String::new(), |n| format!(" LIMIT {n}"));
        if self.story.is_some() {
            return format!(
                "SELECT d.id, d.published, d.source
                 FROM story_documents sd INDEXED BY story_documents_listing
                 CROSS JOIN documents d ON d.id = sd.document_id
                 WHERE sd.story_id = ?{}
                 ORDER BY sd.published, sd.source, sd.document_id{limit}",
                self.w.sql()
            );
        }
        // Without a restriction, or with one that keeps many documents, the planner is told to
        // walk the index (it cannot know how many a search keeps); a few are looked up and
        // sorted.
        let walk = if self.w.many || self.w.sql().is_empty() {
            " INDEXED BY documents_listing"
        } else {
            ""
        };
        format!(
            "SELECT d.id, d.published, d.source FROM documents d{walk} WHERE 1=1{}
             ORDER BY d.published, d.source, d.id{limit}",
            self.w.sql()
        )
    }
}

/// The restrictions of a list whose rows carry their story (`{table}.story_id`), and the index
/// it is read along: a story's rows along `story_index`, in list order, the other restrictions
/// checked on the way; otherwise `listing_index` when most rows qualify, else none (the few are
/// sorted).
fn walk_by_story(
    conn: &Connection,
    f: &Filter,
    table: &str,
    story_index: &str,
    listing_index: &str,
) -> Result<(Where, String)> {
    if let Some(story) = f.story {
        let mut w = Where::new(conn, &without_story(f))?;
        w.push(&format!("{table}.story_id = ?"), [story.into()]);
        return Ok((w, format!(" INDEXED BY {story_index}")));
    }
    let w = Where::new(conn, f)?;
    let walk = if w.many || w.sql().is_empty() {
        format!(" INDEXED BY {listing_index}")
    } else {
        String::new()
    };
    Ok((w, walk))
}

pub fn figures(conn: &Connection, f: &Filter, out: RowSink<FigureRow>) -> Result<()> {
    f.only("figures", &["speaker", "counted"])?;
    // A story's figures are read from its own index (each figure carries its story) in day
    // order, each day's sorted by source; elsewhere a walk sorts each day's figures by source
    // too (ties break on stable keys, not on ids, which depend on arrival).
    let (mut w, walk) = walk_by_story(conn, f, "g", "figures_story", "figures_listing")?;
    if let Some(c) = &f.counted {
        w.push("g.counted LIKE ? ESCAPE '\\'", [like(c)]);
    }
    if let Some(s) = &f.speaker {
        w.push("g.claimed_by LIKE ? ESCAPE '\\'", [like(s)]);
    }
    let sql = format!(
        "SELECT g.date, g.text, g.value, g.hedge, g.unit, g.counted, g.claimed_by, d.content_id,
                d.source
         FROM figures g{walk} JOIN documents d ON d.id = g.document_id WHERE 1=1{}
         ORDER BY g.day, d.source, d.id, g.position{}",
        w.sql(),
        limit(f)
    );
    stream(
        conn,
        &sql,
        &w.params,
        |r| {
            Ok(FigureRow {
                date: r.get(0)?,
                text: r.get(1)?,
                value: r.get(2)?,
                hedge: r.get(3)?,
                unit: r.get(4)?,
                counted: r.get(5)?,
                claimed_by: r.get(6)?,
                document: r.get(7)?,
                source: r.get(8)?,
            })
        },
        out,
    )
}

pub fn entities(conn: &Connection, f: &Filter, out: RowSink<EntityRow>) -> Result<()> {
    f.only("entities", &[])?;
    let w = Where::new(conn, f)?;
    let sql = format!(
        "SELECT e.canonical, e.kind, count(*), count(DISTINCT e.document_id),
                json_group_array(DISTINCT e.text) FILTER (WHERE e.text <> e.canonical),
                (SELECT json_group_array(role) FROM (
                    SELECT e2.role AS role,
                           min(coalesce(d2.published, d2.estimated, '9999')) AS first
                    FROM entities e2 JOIN documents d2 ON d2.id = e2.document_id
                    WHERE e2.canonical = e.canonical AND e2.kind = e.kind
                          AND e2.role IS NOT NULL
                    GROUP BY e2.role ORDER BY first, e2.role))
         FROM entities e JOIN documents d ON d.id = e.document_id WHERE 1=1{}
         GROUP BY e.canonical, e.kind ORDER BY count(*) DESC, e.canonical, e.kind{}",
        w.sql(),
        limit(f)
    );
    stream(
        conn,
        &sql,
        &w.params,
        |r| {
            Ok(EntityRow {
                canonical: r.get(0)?,
                kind: r.get(1)?,
                mentions: r.get(2)?,
                documents: r.get(3)?,
                aliases: list(r.get(4)?),
                roles: list(r.get(5)?),
            })
        },
        out,
    )
}

pub fn stories(conn: &Connection, f: &Filter, out: RowSink<StoryRow>) -> Result<()> {
    stories_ordered(conn, f, false, out)
}

/// Stories, largest first or (`latest_first`) with the latest news first.
fn stories_ordered(
    conn: &Connection,
    f: &Filter,
    latest_first: bool,
    out: RowSink<StoryRow>,
) -> Result<()> {
    f.only("stories", &[])?;
    // One story is read by its key, not found among all stories grouped.
    let mut w = Where::new(conn, &without_story(f))?;
    let by_documents = !w.sql().is_empty();
    if let Some(story) = f.story {
        w.push("s.id = ?", [story.into()]);
    }
    let size = if by_documents { "count(*)" } else { "s.size" };
    let order = if latest_first {
        format!("s.last_seen IS NULL, s.last_seen DESC, {size} DESC, s.id")
    } else {
        format!("{size} DESC, s.first_seen, s.id")
    };
    let sql = if by_documents {
        // Stories with documents that match, counted and listed by those documents.
        format!(
            "SELECT s.id, s.title, s.first_seen, s.last_seen,
                    json_group_array(d.source ORDER BY coalesce(d.published, d.estimated) IS NULL,
                                     coalesce(d.published, d.estimated), d.id),
                    count(*)
             FROM stories s JOIN story_documents sd ON sd.story_id = s.id
             JOIN documents d ON d.id = sd.document_id WHERE 1=1{}
             GROUP BY s.id ORDER BY {order}{}",
            w.sql(),
            limit(f)
        )
    } else {
        // Every story, by the size kept at ingest, with its earliest members only: a story
        // can hold a third of the ledger.
        format!(
            "SELECT s.id, s.title, s.first_seen, s.last_seen,
                    (SELECT json_group_array(source) FROM
                       (SELECT d.source FROM story_documents sd
                        JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = s.id
                        ORDER BY sd.day IS NULL, sd.day, sd.document_id
                        LIMIT {STORY_MEMBERS_LISTED})),
                    s.size
             FROM stories s WHERE 1=1{} ORDER BY {order}{}",
            w.sql(),
            limit(f)
        )
    };
    stream(
        conn,
        &sql,
        &w.params,
        |r| {
            Ok(StoryRow {
                id: r.get(0)?,
                title: r.get(1)?,
                first_seen: r.get(2)?,
                last_seen: r.get(3)?,
                documents: {
                    let mut sources = list(r.get(4)?);
                    sources.truncate(STORY_MEMBERS_LISTED);
                    sources
                },
                size: r.get(5)?,
            })
        },
        out,
    )
}

pub fn copies(conn: &Connection, f: &Filter, out: RowSink<CopyRow>) -> Result<()> {
    f.only("copies", &[])?;
    let w = Where::new(conn, f)?;
    let sql = format!(
        "SELECT d.content_id, d.source, o.content_id, o.source, c.similarity
         FROM copies c JOIN documents d ON d.id = c.document_id
         JOIN documents o ON o.id = c.original_id
         WHERE 1=1{} ORDER BY o.published, o.source, o.id, d.source, d.id{}",
        w.sql(),
        limit(f)
    );
    stream(
        conn,
        &sql,
        &w.params,
        |r| {
            Ok(CopyRow {
                document: r.get(0)?,
                source: r.get(1)?,
                original: r.get(2)?,
                original_source: r.get(3)?,
                similarity: r.get(4)?,
            })
        },
        out,
    )
}

pub fn speakers(conn: &Connection, f: &Filter, out: RowSink<SpeakerRow>) -> Result<()> {
    f.only("speakers", &["speaker"])?;
    if let Some(story) = f.story.filter(|_| only_story(f)) {
        return story_speakers(conn, story, f, out);
    }
    let mut w = Where::new(conn, f)?;
    // Over the whole ledger, the counts kept at ingest answer (a few rows per speaker, day and
    // outlet); restricted to some documents, their quotes are counted.
    let sql = if w.sql().is_empty() {
        if let Some(s) = &f.speaker {
            w.push("c.speaker LIKE ? ESCAPE '\\'", [like(s)]);
        }
        format!(
            "SELECT c.speaker, sum(c.quotes), sum(c.documents),
                    (SELECT json_group_array(r.role ORDER BY r.role) FROM speaker_roles r
                     WHERE r.speaker = c.speaker),
                    min(nullif(c.day, '')), max(nullif(c.day, ''))
             FROM speaker_counts c WHERE 1=1{} GROUP BY c.speaker
             ORDER BY sum(c.documents) DESC, sum(c.quotes) DESC, c.speaker{}",
            w.sql(),
            limit(f)
        )
    } else {
        if let Some(s) = &f.speaker {
            w.push("q.speaker LIKE ? ESCAPE '\\'", [like(s)]);
        }
        format!(
            "SELECT q.speaker, count(*), count(DISTINCT q.document_id),
                    json_group_array(DISTINCT q.role ORDER BY q.role)
                        FILTER (WHERE q.role IS NOT NULL),
                    min(coalesce(d.published, d.estimated)),
                    max(coalesce(d.published, d.estimated))
             FROM quotes q JOIN documents d ON d.id = q.document_id
             WHERE q.speaker IS NOT NULL{} GROUP BY q.speaker
             ORDER BY count(DISTINCT q.document_id) DESC, count(*) DESC, q.speaker{}",
            w.sql(),
            limit(f)
        )
    };
    stream(conn, &sql, &w.params, speaker_row, out)
}

fn speaker_row(r: &Row) -> rusqlite::Result<SpeakerRow> {
    Ok(SpeakerRow {
        speaker: r.get(0)?,
        quotes: r.get(1)?,
        documents: r.get(2)?,
        roles: list(r.get(3)?),
        first_seen: r.get(4)?,
        last_seen: r.get(5)?,
    })
}

/// The filter without its story, for the lists that find a story's rows through their own
/// `story_id` column.
fn without_story(f: &Filter) -> Filter {
    Filter {
        story: None,
        ..f.clone()
    }
}

/// Whether the filter restricts to a story and nothing else that narrows its documents.
fn only_story(f: &Filter) -> bool {
    f.since.is_none() && f.until.is_none() && f.text.is_none() && f.entity.is_none()
}

/// A story's speakers from the counts kept at ingest (one row per speaker), in the order of the
/// speakers list.
fn story_speakers(
    conn: &Connection,
    story: i64,
    f: &Filter,
    out: RowSink<SpeakerRow>,
) -> Result<()> {
    let mut params: Vec<rusqlite::types::Value> = vec![story.into()];
    let mut by_name = "";
    if let Some(s) = &f.speaker {
        params.push(like(s));
        by_name = " AND c.speaker LIKE ?2 ESCAPE '\\'";
    }
    let sql = format!(
        "SELECT c.speaker, c.quotes, c.documents,
                (SELECT json_group_array(r.role ORDER BY r.role) FROM story_speaker_roles r
                 WHERE r.story_id = c.story_id AND r.speaker = c.speaker),
                c.first_seen, c.last_seen
         FROM story_speakers c WHERE c.story_id = ?1{by_name}
         ORDER BY c.documents DESC, c.quotes DESC, c.speaker{}",
        limit(f)
    );
    stream(conn, &sql, &params, speaker_row, out)
}

/// A speaker's latest stored quotes (through the `quotes(speaker)` index, newest first), then
/// in publication order.
const LATEST_QUOTES: &str = "
    SELECT published, speaker, kind, cue, text, content_id, source, start_byte, end_byte
    FROM (SELECT d.published, q.speaker, q.kind, q.cue, q.text, d.content_id, d.source,
                 q.start_byte, q.end_byte, d.id, q.position
          FROM quotes q JOIN documents d ON d.id = q.document_id
          WHERE q.speaker = ?1 ORDER BY q.document_id DESC, q.position DESC LIMIT ?2)
    ORDER BY published, source, id, position";

/// One speaker from the counts kept at ingest, and their latest stored quotes (through the
/// `quotes(speaker)` index, newest first, then put in publication order).
pub fn speaker(conn: &Connection, name: &str, quotes: usize) -> Result<Option<SpeakerProfile>> {
    type Totals = (Option<i64>, Option<i64>, Option<String>, Option<String>);
    let (total, documents, first_seen, last_seen): Totals = conn
        .prepare_cached(
            "SELECT sum(quotes), sum(documents), min(nullif(day, '')), max(nullif(day, ''))
             FROM speaker_counts WHERE speaker = ?1",
        )?
        .query_row([name], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    let (Some(total), Some(documents)) = (total, documents) else {
        return Ok(None);
    };
    let roles = conn
        .prepare_cached("SELECT role FROM speaker_roles WHERE speaker = ?1 ORDER BY role")?
        .query_map([name], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let months = conn
        .prepare_cached(
            "SELECT substr(day, 1, 7), sum(quotes) FROM speaker_counts
             WHERE speaker = ?1 AND day <> '' GROUP BY 1 ORDER BY 1",
        )?
        .query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let outlets = conn
        .prepare_cached(
            "SELECT nullif(outlet, ''), sum(quotes) FROM speaker_counts
             WHERE speaker = ?1 GROUP BY outlet ORDER BY 2 DESC, outlet",
        )?
        .query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let n = i64::try_from(quotes).unwrap_or(i64::MAX);
    let latest = collect(|out| {
        stream(
            conn,
            LATEST_QUOTES,
            &[name.to_string().into(), n.into()],
            quote_row,
            out,
        )
    })?;
    Ok(Some(SpeakerProfile {
        speaker: SpeakerRow {
            speaker: name.to_string(),
            quotes: total,
            documents,
            roles,
            first_seen,
            last_seen,
        },
        months,
        outlets,
        quotes: latest,
    }))
}

fn quote_row(r: &Row) -> rusqlite::Result<QuoteRow> {
    Ok(QuoteRow {
        published: r.get(0)?,
        speaker: r.get(1)?,
        kind: r.get(2)?,
        cue: r.get(3)?,
        text: r.get(4)?,
        document: r.get(5)?,
        source: r.get(6)?,
        start: r.get(7)?,
        end: r.get(8)?,
    })
}

pub fn registry_quotes(
    conn: &Connection,
    f: &Filter,
    out: RowSink<RegistryQuoteRow>,
) -> Result<()> {
    f.only("registry quotes", &["speaker"])?;
    // A story's quotes (those it first appeared in) from its own index, in registry order.
    let (mut w, walk) = walk_by_story(conn, f, "r", "quote_registry_story", "quote_registry_rank")?;
    if let Some(s) = &f.speaker {
        w.push("r.speaker LIKE ? ESCAPE '\\'", [like(s)]);
    }
    let sql = format!(
        "SELECT r.id, r.speaker, r.documents, r.first_date, d.source, r.text
         FROM quote_registry r{walk} JOIN documents d ON d.id = r.first_document_id WHERE 1=1{}
         ORDER BY r.documents DESC, r.first_date, r.id{}",
        w.sql(),
        limit(f)
    );
    stream(
        conn,
        &sql,
        &w.params,
        |r| {
            Ok(RegistryQuoteRow {
                id: r.get(0)?,
                speaker: r.get(1)?,
                appearances: r.get(2)?,
                first_date: r.get(3)?,
                first_source: r.get(4)?,
                text: r.get(5)?,
            })
        },
        out,
    )
}

pub fn timeline(
    conn: &Connection,
    query: &str,
    f: &Filter,
    out: RowSink<TimelineRow>,
) -> Result<()> {
    f.only("timelines", &["speaker"])?;
    let Some(want) = measure_key(query, "") else {
        return Ok(());
    };
    let mut w = Where::new(conn, f)?;
    if let Some(s) = &f.speaker {
        w.push("g.claimed_by LIKE ? ESCAPE '\\'", [like(s)]);
    }
    // The measures with the query's head (an index lookup in `measure_keys`), each read in
    // date order from the timeline index: no row of another measure is touched, nothing sorted
    // (the IN list is walked in order; a join from `measure_keys` would be sorted whole).
    let sql = format!(
        "SELECT m.measure, m.date, g.value, g.hedge, g.text, g.claimed_by, d.content_id, d.source
         FROM figure_measures m
         JOIN figures g ON g.document_id = m.document_id AND g.position = m.position
         JOIN documents d ON d.id = m.document_id
         WHERE m.measure IN (SELECT measure FROM measure_keys WHERE head = ?){}
         ORDER BY m.measure, m.date, m.document_id, m.position",
        w.sql()
    );
    let mut params = vec![rusqlite::types::Value::Text(want.head.clone())];
    params.extend(w.params.iter().cloned());
    let mut left = f.limit.unwrap_or(usize::MAX);
    if left == 0 {
        return Ok(());
    }
    stream(
        conn,
        &sql,
        &params,
        |r| {
            Ok(TimelineRow {
                measure: r.get(0)?,
                date: r.get(1)?,
                value: r.get(2)?,
                hedge: r.get(3)?,
                text: r.get(4)?,
                claimed_by: r.get(5)?,
                document: r.get(6)?,
                source: r.get(7)?,
            })
        },
        &mut |row: TimelineRow| {
            if want.is_covered_by(&row.measure) && left > 0 {
                left -= 1;
                out(row)?;
            }
            Ok(())
        },
    )
}

pub fn measures(conn: &Connection, f: &Filter, out: RowSink<MeasureRow>) -> Result<()> {
    f.only("measures", &["counted"])?;
    let mut w = Where::new(conn, f)?;
    if let Some(c) = &f.counted {
        w.push("g.counted LIKE ? ESCAPE '\\'", [like(c)]);
    }
    let sql = format!(
        "SELECT m.measure, count(*), count(DISTINCT m.document_id),
                min(coalesce(g.date, d.published, d.estimated)),
                max(coalesce(g.date, d.published, d.estimated))
         FROM figure_measures m
         JOIN figures g ON g.document_id = m.document_id AND g.position = m.position
         JOIN documents d ON d.id = m.document_id WHERE 1=1{}
         GROUP BY m.measure
         ORDER BY count(DISTINCT m.document_id) DESC, count(*) DESC, m.measure{}",
        w.sql(),
        limit(f)
    );
    stream(
        conn,
        &sql,
        &w.params,
        |r| {
            Ok(MeasureRow {
                measure: r.get(0)?,
                figures: r.get(1)?,
                documents: r.get(2)?,
                first_date: r.get(3)?,
                last_date: r.get(4)?,
            })
        },
        out,
    )
}

pub fn registry_quote(conn: &Connection, id: i64) -> Result<Option<RegistryQuoteRow>> {
    Ok(conn
        .query_row(
            "SELECT r.id, r.speaker, r.documents, r.first_date, d.source, r.text
             FROM quote_registry r JOIN documents d ON d.id = r.first_document_id
             WHERE r.id = ?1",
            [id],
            |r| {
                Ok(RegistryQuoteRow {
                    id: r.get(0)?,
                    speaker: r.get(1)?,
                    appearances: r.get(2)?,
                    first_date: r.get(3)?,
                    first_source: r.get(4)?,
                    text: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// The quotes that are appearances of registry quote `id`, earliest document first (undated
/// ones last).
pub fn quote_appearances(conn: &Connection, id: i64, out: RowSink<QuoteRow>) -> Result<()> {
    stream(
        conn,
        "SELECT coalesce(d.published, d.estimated), q.speaker, q.kind, q.cue, q.text,
                d.content_id, d.source, q.start_byte, q.end_byte
         FROM quote_appearances a
         JOIN quotes q ON q.document_id = a.document_id AND q.position = a.position
         JOIN documents d ON d.id = a.document_id WHERE a.quote_id = ?
         ORDER BY coalesce(d.published, d.estimated) IS NULL, coalesce(d.published, d.estimated),
                  d.id, q.position",
        &[id.into()],
        |r| {
            Ok(QuoteRow {
                published: r.get(0)?,
                speaker: r.get(1)?,
                kind: r.get(2)?,
                cue: r.get(3)?,
                text: r.get(4)?,
                document: r.get(5)?,
                source: r.get(6)?,
                start: r.get(7)?,
                end: r.get(8)?,
            })
        },
        out,
    )
}
