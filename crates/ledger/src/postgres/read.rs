//! Reading: one stored analysis rebuilt from its rows, and the list queries, in the SQLite
//! backend's order (text in byte order by the columns' "C" collation, NULLs first as SQLite
//! sorts them, every ORDER BY ending on a unique key).

use super::filter::{like, limit, Where};
use super::pool::{Conn, Pool};
use super::values::{field, offset};
use crate::links::measure::measure_key;
use crate::rows::{
    CopyRow, DocumentRow, EntityRow, FigureRow, MeasureRow, QuoteRow, RegistryQuoteRow,
    SpeakerProfile, SpeakerRow, StoryRow, Summary, TimelineRow,
};
use crate::{collect, Appearance, Counts, Filter, Result, RowSink, STORY_MEMBERS_LISTED};
use claimtrail_analysis::{DocAnalysis, Entity, Figure, Quote, TimeExpr};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use postgres::Row;

/// Runs `sql` with `params`, handing each row, as `map` makes it, to `out`.
fn stream<T>(
    c: &mut Conn,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
    map: impl Fn(&Row) -> Result<T>,
    out: RowSink<T>,
) -> Result<()> {
    let mut rows = c.client.query_raw(sql, params.iter().copied())?;
    while let Some(r) = rows.next()? {
        out(map(&r)?)?;
    }
    Ok(())
}

/// An aggregated array column; empty when null (no row passed the aggregate's filter).
fn list(v: Option<Vec<String>>) -> Vec<String> {
    v.unwrap_or_default()
}

pub fn document(c: &mut Conn, key: &str) -> Result<Option<DocAnalysis>> {
    let origin = crate::origin(None, key);
    let id: Option<i64> = c
        .client
        .query_opt(
            "SELECT id FROM documents
             WHERE content_id = $1::text OR source = $1::text
                OR origin = $1::text OR origin = $2::text
                OR (length($1::text) >= 6 AND content_id >= $1::text
                    AND content_id < $1::text || 'g')
             ORDER BY content_id = $1::text DESC, source = $1::text DESC,
                      (origin = $1::text OR origin = $2::text) DESC, id
             LIMIT 1",
            &[&key, &origin],
        )?
        .map(|r| r.get(0));
    id.map(|id| rebuild(c, id)).transpose()
}

/// Every appearance in the order stored: ids from one connection, analyses from another.
pub fn appearances(pool: &Pool, out: RowSink<Appearance>) -> Result<()> {
    let mut ids = pool.get()?;
    let mut docs = pool.get()?;
    let mut rows = ids.client.query_raw(
        "SELECT id, origin FROM documents ORDER BY id",
        std::iter::empty::<&(dyn ToSql + Sync)>(),
    )?;
    while let Some(r) = rows.next()? {
        out(Appearance {
            analysis: rebuild(&mut docs, r.get(0))?,
            origin: r.get(1),
        })?;
    }
    Ok(())
}

/// The analysis of document `id`, as it was stored.
fn rebuild(c: &mut Conn, id: i64) -> Result<DocAnalysis> {
    let st = c.statement(
        "SELECT source, content_id, url, outlet, title, published, syndicated, dateline,
                language, text
         FROM documents WHERE id = $1",
    )?;
    let r = c.client.query_one(&st, &[&id])?;
    let mut d = DocAnalysis {
        source: r.get(0),
        id: r.get(1),
        url: r.get(2),
        outlet: r.get(3),
        title: r.get(4),
        published: field(r.get(5), "documents.published")?,
        syndicated: r.get(6),
        dateline: r.get(7),
        language: r.get(8),
        text: r.get(9),
        ..DocAnalysis::default()
    };
    let mut names = |table: &str, column: &str| -> Result<Vec<String>> {
        let st = c.statement(&format!(
            "SELECT {column} FROM {table} WHERE document_id = $1 ORDER BY position"
        ))?;
        Ok(c.client
            .query(&st, &[&id])?
            .iter()
            .map(|r| r.get(0))
            .collect())
    };
    d.authors = names("authors", "name")?;
    d.agencies = names("agencies", "name")?;
    d.warnings = names("warnings", "message")?;
    let mut spans = |sql: &str| -> Result<Vec<Row>> {
        let st = c.statement(sql)?;
        Ok(c.client.query(&st, &[&id])?)
    };
    d.entities = spans(
        "SELECT text, kind, start_byte, end_byte, canonical, role FROM entities
         WHERE document_id = $1 ORDER BY position",
    )?
    .iter()
    .map(|r| {
        Ok(Entity {
            text: r.get(0),
            kind: field(r.get(1), "entities.kind")?,
            start: offset(r.get(2), "entities.start_byte")?,
            end: offset(r.get(3), "entities.end_byte")?,
            canonical: r.get(4),
            role: r.get(5),
        })
    })
    .collect::<Result<_>>()?;
    d.quotes = spans(
        "SELECT text, kind, start_byte, end_byte, speaker, speaker_mention, speaker_kind, role,
                cue
         FROM quotes WHERE document_id = $1 ORDER BY position",
    )?
    .iter()
    .map(|r| {
        Ok(Quote {
            text: r.get(0),
            kind: field(r.get(1), "quotes.kind")?,
            start: offset(r.get(2), "quotes.start_byte")?,
            end: offset(r.get(3), "quotes.end_byte")?,
            speaker: r.get(4),
            speaker_mention: r.get(5),
            speaker_type: field(r.get(6), "quotes.speaker_kind")?,
            role: r.get(7),
            cue: r.get(8),
        })
    })
    .collect::<Result<_>>()?;
    d.figures = spans(
        "SELECT text, start_byte, end_byte, value, low, high, hedge, unit, counted, claimed_by,
                date
         FROM figures WHERE document_id = $1 ORDER BY position",
    )?
    .iter()
    .map(|r| {
        Ok(Figure {
            text: r.get(0),
            start: offset(r.get(1), "figures.start_byte")?,
            end: offset(r.get(2), "figures.end_byte")?,
            value: r.get(3),
            low: r.get(4),
            high: r.get(5),
            hedge: field(r.get(6), "figures.hedge")?,
            unit: r.get(7),
            counted: r.get(8),
            source: r.get(9),
            date: field(r.get(10), "figures.date")?,
        })
    })
    .collect::<Result<_>>()?;
    d.times = spans(
        "SELECT text, start_byte, end_byte, value, kind FROM times
         WHERE document_id = $1 ORDER BY position",
    )?
    .iter()
    .map(|r| {
        Ok(TimeExpr {
            text: r.get(0),
            start: offset(r.get(1), "times.start_byte")?,
            end: offset(r.get(2), "times.end_byte")?,
            value: field(r.get(3), "times.value")?,
            kind: field(r.get(4), "times.kind")?,
        })
    })
    .collect::<Result<_>>()?;
    Ok(d)
}

pub fn counts(c: &mut Conn) -> Result<Counts> {
    let r = c.client.query_one(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities),
                (SELECT count(*) FROM quotes), (SELECT count(*) FROM figures),
                (SELECT count(*) FROM times), (SELECT count(*) FROM stories),
                (SELECT count(*) FROM copies)",
        &[],
    )?;
    Ok(Counts {
        documents: r.get(0),
        entities: r.get(1),
        quotes: r.get(2),
        figures: r.get(3),
        times: r.get(4),
        stories: r.get(5),
        copies: r.get(6),
    })
}

pub fn summary(c: &mut Conn, n: usize) -> Result<Summary> {
    let first = Filter {
        limit: Some(n),
        ..Filter::default()
    };
    Ok(Summary {
        counts: counts(c)?,
        latest_stories: collect(|out| stories_ordered(c, &first, true, out))?,
        top_speakers: collect(|out| speakers(c, &first, out))?,
        top_measures: collect(|out| measures(c, &first, out))?,
    })
}

pub fn documents(c: &mut Conn, f: &Filter, out: RowSink<DocumentRow>) -> Result<()> {
    f.only("documents", &[])?;
    let w = Where::new(f)?;
    let sql = format!(
        "SELECT d.content_id, d.published, d.outlet, d.title, d.source,
            (SELECT count(*) FROM quotes q WHERE q.document_id = d.id),
            (SELECT count(*) FROM figures g WHERE g.document_id = d.id)
         FROM documents d WHERE true{} ORDER BY d.published NULLS FIRST, d.source, d.id{}",
        w.sql(),
        limit(f)
    );
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(DocumentRow {
                id: r.get(0),
                published: r.get(1),
                outlet: r.get(2),
                title: r.get(3),
                source: r.get(4),
                quotes: r.get(5),
                figures: r.get(6),
            })
        },
        out,
    )
}

pub fn quotes(c: &mut Conn, f: &Filter, out: RowSink<QuoteRow>) -> Result<()> {
    f.only("quotes", &["speaker"])?;
    let mut w = Where::new(f)?;
    if let Some(s) = &f.speaker {
        w.push(
            "(q.speaker ILIKE ? ESCAPE '\\' OR q.speaker_mention ILIKE ? ESCAPE '\\')",
            vec![like(s), like(s)],
        );
    }
    let sql = format!(
        "SELECT d.published, q.speaker, q.kind, q.cue, q.text, d.content_id, d.source,
                q.start_byte, q.end_byte
         FROM quotes q JOIN documents d ON d.id = q.document_id WHERE true{}
         ORDER BY d.published NULLS FIRST, d.source, d.id, q.position{}",
        w.sql(),
        limit(f)
    );
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(QuoteRow {
                published: r.get(0),
                speaker: r.get(1),
                kind: r.get(2),
                cue: r.get(3),
                text: r.get(4),
                document: r.get(5),
                source: r.get(6),
                start: r.get(7),
                end: r.get(8),
            })
        },
        out,
    )
}

pub fn figures(c: &mut Conn, f: &Filter, out: RowSink<FigureRow>) -> Result<()> {
    f.only("figures", &["speaker", "counted"])?;
    let mut w = Where::new(f)?;
    if let Some(cn) = &f.counted {
        w.push("g.counted ILIKE ? ESCAPE '\\'", vec![like(cn)]);
    }
    if let Some(s) = &f.speaker {
        w.push("g.claimed_by ILIKE ? ESCAPE '\\'", vec![like(s)]);
    }
    let sql = format!(
        "SELECT g.date, g.text, g.value, g.hedge, g.unit, g.counted, g.claimed_by, d.content_id,
                d.source
         FROM figures g JOIN documents d ON d.id = g.document_id WHERE true{}
         ORDER BY coalesce(g.date, d.published, d.estimated) NULLS FIRST, d.source, d.id,
                  g.position{}",
        w.sql(),
        limit(f)
    );
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(FigureRow {
                date: r.get(0),
                text: r.get(1),
                value: r.get(2),
                hedge: r.get(3),
                unit: r.get(4),
                counted: r.get(5),
                claimed_by: r.get(6),
                document: r.get(7),
                source: r.get(8),
            })
        },
        out,
    )
}

pub fn entities(c: &mut Conn, f: &Filter, out: RowSink<EntityRow>) -> Result<()> {
    f.only("entities", &[])?;
    let w = Where::new(f)?;
    // Aliases in byte order (SQLite gives them in the order its plan meets them).
    let sql = format!(
        "SELECT e.canonical, e.kind, count(*), count(DISTINCT e.document_id),
                array_agg(DISTINCT e.text) FILTER (WHERE e.text <> e.canonical),
                (SELECT array_agg(role ORDER BY first, role) FROM (
                    SELECT e2.role AS role,
                           min(coalesce(d2.published, d2.estimated, '9999')) AS first
                    FROM entities e2 JOIN documents d2 ON d2.id = e2.document_id
                    WHERE e2.canonical = e.canonical AND e2.kind = e.kind
                          AND e2.role IS NOT NULL
                    GROUP BY e2.role) r)
         FROM entities e JOIN documents d ON d.id = e.document_id WHERE true{}
         GROUP BY e.canonical, e.kind ORDER BY count(*) DESC, e.canonical, e.kind{}",
        w.sql(),
        limit(f)
    );
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(EntityRow {
                canonical: r.get(0),
                kind: r.get(1),
                mentions: r.get(2),
                documents: r.get(3),
                aliases: list(r.get(4)),
                roles: list(r.get(5)),
            })
        },
        out,
    )
}

pub fn stories(c: &mut Conn, f: &Filter, out: RowSink<StoryRow>) -> Result<()> {
    stories_ordered(c, f, false, out)
}

fn stories_ordered(
    c: &mut Conn,
    f: &Filter,
    latest_first: bool,
    out: RowSink<StoryRow>,
) -> Result<()> {
    f.only("stories", &[])?;
    // One story is read by its key, not found among all stories grouped.
    let mut w = Where::new(&Filter {
        story: None,
        ..f.clone()
    })?;
    let by_documents = !w.sql().is_empty();
    if let Some(story) = f.story {
        w.push("s.id = ?", vec![Box::new(story)]);
    }
    let size = if by_documents { "count(*)" } else { "s.size" };
    let order = if latest_first {
        format!("s.last_seen IS NULL, s.last_seen DESC, {size} DESC, s.id")
    } else {
        format!("{size} DESC, s.first_seen NULLS FIRST, s.id")
    };
    // As the SQLite backend: by the matching documents, else by the size kept at ingest with
    // the earliest members only.
    let sql = if by_documents {
        format!(
            "SELECT s.id, s.title, s.first_seen, s.last_seen,
                    array_agg(d.source ORDER BY coalesce(d.published, d.estimated) IS NULL,
                              coalesce(d.published, d.estimated), d.id),
                    count(*)
             FROM stories s JOIN story_documents sd ON sd.story_id = s.id
             JOIN documents d ON d.id = sd.document_id WHERE true{}
             GROUP BY s.id ORDER BY {order}{}",
            w.sql(),
            limit(f)
        )
    } else {
        format!(
            "SELECT s.id, s.title, s.first_seen, s.last_seen,
                    ARRAY(SELECT d.source FROM story_documents sd
                          JOIN documents d ON d.id = sd.document_id WHERE sd.story_id = s.id
                          ORDER BY coalesce(d.published, d.estimated) IS NULL,
                                   coalesce(d.published, d.estimated), d.id
                          LIMIT {STORY_MEMBERS_LISTED}),
                    s.size
             FROM stories s WHERE true{} ORDER BY {order}{}",
            w.sql(),
            limit(f)
        )
    };
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(StoryRow {
                id: r.get(0),
                title: r.get(1),
                first_seen: r.get(2),
                last_seen: r.get(3),
                documents: {
                    let mut sources = list(r.get(4));
                    sources.truncate(STORY_MEMBERS_LISTED);
                    sources
                },
                size: r.get(5),
            })
        },
        out,
    )
}

pub fn copies(c: &mut Conn, f: &Filter, out: RowSink<CopyRow>) -> Result<()> {
    f.only("copies", &[])?;
    let w = Where::new(f)?;
    let sql = format!(
        "SELECT d.content_id, d.source, o.content_id, o.source, c.similarity
         FROM copies c JOIN documents d ON d.id = c.document_id
         JOIN documents o ON o.id = c.original_id
         WHERE true{} ORDER BY o.published NULLS FIRST, o.source, o.id, d.source, d.id{}",
        w.sql(),
        limit(f)
    );
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(CopyRow {
                document: r.get(0),
                source: r.get(1),
                original: r.get(2),
                original_source: r.get(3),
                similarity: r.get(4),
            })
        },
        out,
    )
}

pub fn speakers(c: &mut Conn, f: &Filter, out: RowSink<SpeakerRow>) -> Result<()> {
    f.only("speakers", &["speaker"])?;
    let story = f.story.filter(|_| {
        f.since.is_none() && f.until.is_none() && f.text.is_none() && f.entity.is_none()
    });
    let mut w = Where::new(&Filter {
        story: story.map_or(f.story, |_| None),
        ..f.clone()
    })?;
    // Over the whole ledger or one story, the counts kept at ingest answer (see the SQLite
    // backend).
    let sql = if let Some(story) = story {
        w.push("c.story_id = ?", vec![Box::new(story)]);
        if let Some(s) = &f.speaker {
            w.push("c.speaker ILIKE ? ESCAPE '\\'", vec![like(s)]);
        }
        format!(
            "SELECT c.speaker, c.quotes, c.documents,
                    (SELECT array_agg(r.role ORDER BY r.role) FROM story_speaker_roles r
                     WHERE r.story_id = c.story_id AND r.speaker = c.speaker),
                    c.first_seen, c.last_seen
             FROM story_speakers c WHERE true{}
             ORDER BY c.documents DESC, c.quotes DESC, c.speaker{}",
            w.sql(),
            limit(f)
        )
    } else if w.sql().is_empty() {
        if let Some(s) = &f.speaker {
            w.push("c.speaker ILIKE ? ESCAPE '\\'", vec![like(s)]);
        }
        format!(
            "SELECT c.speaker, sum(c.quotes)::bigint, sum(c.documents)::bigint,
                    (SELECT array_agg(r.role ORDER BY r.role) FROM speaker_roles r
                     WHERE r.speaker = c.speaker),
                    min(nullif(c.day, '')), max(nullif(c.day, ''))
             FROM speaker_counts c WHERE true{} GROUP BY c.speaker
             ORDER BY sum(c.documents) DESC, sum(c.quotes) DESC, c.speaker{}",
            w.sql(),
            limit(f)
        )
    } else {
        if let Some(s) = &f.speaker {
            w.push("q.speaker ILIKE ? ESCAPE '\\'", vec![like(s)]);
        }
        format!(
            "SELECT q.speaker, count(*), count(DISTINCT q.document_id),
                    array_agg(DISTINCT q.role ORDER BY q.role) FILTER (WHERE q.role IS NOT NULL),
                    min(coalesce(d.published, d.estimated)),
                    max(coalesce(d.published, d.estimated))
             FROM quotes q JOIN documents d ON d.id = q.document_id
             WHERE q.speaker IS NOT NULL{} GROUP BY q.speaker
             ORDER BY count(DISTINCT q.document_id) DESC, count(*) DESC, q.speaker{}",
            w.sql(),
            limit(f)
        )
    };
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(SpeakerRow {
                speaker: r.get(0),
                quotes: r.get(1),
                documents: r.get(2),
                roles: list(r.get(3)),
                first_seen: r.get(4),
                last_seen: r.get(5),
            })
        },
        out,
    )
}

/// One speaker from the counts kept at ingest, and their latest stored quotes (the SQLite
/// backend's query, step for step).
pub fn speaker(c: &mut Conn, name: &str, quotes: usize) -> Result<Option<SpeakerProfile>> {
    let row = c.client.query_one(
        "SELECT sum(quotes)::bigint, sum(documents)::bigint, min(nullif(day, '')),
                max(nullif(day, ''))
         FROM speaker_counts WHERE speaker = $1",
        &[&name],
    )?;
    let (Some(total), Some(documents)) = (row.get::<_, Option<i64>>(0), row.get(1)) else {
        return Ok(None);
    };
    let roles = c
        .client
        .query(
            "SELECT role FROM speaker_roles WHERE speaker = $1 ORDER BY role",
            &[&name],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let months = c
        .client
        .query(
            "SELECT substr(day, 1, 7), sum(quotes)::bigint FROM speaker_counts
             WHERE speaker = $1 AND day <> '' GROUP BY 1 ORDER BY 1",
            &[&name],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let outlets = c
        .client
        .query(
            "SELECT nullif(outlet, ''), sum(quotes)::bigint FROM speaker_counts
             WHERE speaker = $1 GROUP BY outlet ORDER BY 2 DESC, outlet",
            &[&name],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let n = i64::try_from(quotes).unwrap_or(i64::MAX);
    let latest = c
        .client
        .query(
            "SELECT published, speaker, kind, cue, text, content_id, source, start_byte, end_byte
             FROM (SELECT d.published, q.speaker, q.kind, q.cue, q.text, d.content_id, d.source,
                          q.start_byte, q.end_byte, d.id, q.position
                   FROM quotes q JOIN documents d ON d.id = q.document_id
                   WHERE q.speaker = $1 ORDER BY q.document_id DESC, q.position DESC LIMIT $2) l
             ORDER BY published NULLS FIRST, source, id, position",
            &[&name, &n],
        )?
        .iter()
        .map(|r| QuoteRow {
            published: r.get(0),
            speaker: r.get(1),
            kind: r.get(2),
            cue: r.get(3),
            text: r.get(4),
            document: r.get(5),
            source: r.get(6),
            start: r.get(7),
            end: r.get(8),
        })
        .collect();
    Ok(Some(SpeakerProfile {
        speaker: SpeakerRow {
            speaker: name.to_string(),
            quotes: total,
            documents,
            roles,
            first_seen: row.get(2),
            last_seen: row.get(3),
        },
        months,
        outlets,
        quotes: latest,
    }))
}

pub fn registry_quotes(c: &mut Conn, f: &Filter, out: RowSink<RegistryQuoteRow>) -> Result<()> {
    f.only("registry quotes", &["speaker"])?;
    let mut w = Where::new(f)?;
    if let Some(s) = &f.speaker {
        w.push("r.speaker ILIKE ? ESCAPE '\\'", vec![like(s)]);
    }
    let sql = format!(
        "SELECT r.id, r.speaker, r.documents, r.first_date, d.source, r.text
         FROM quote_registry r JOIN documents d ON d.id = r.first_document_id WHERE true{}
         ORDER BY r.documents DESC, r.first_date NULLS FIRST, r.id{}",
        w.sql(),
        limit(f)
    );
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(RegistryQuoteRow {
                id: r.get(0),
                speaker: r.get(1),
                appearances: r.get(2),
                first_date: r.get(3),
                first_source: r.get(4),
                text: r.get(5),
            })
        },
        out,
    )
}

pub fn timeline(c: &mut Conn, query: &str, f: &Filter, out: RowSink<TimelineRow>) -> Result<()> {
    f.only("timelines", &["speaker"])?;
    let Some(want) = measure_key(query, "") else {
        return Ok(());
    };
    let mut w = Where::new(f)?;
    if let Some(s) = &f.speaker {
        w.push("g.claimed_by ILIKE ? ESCAPE '\\'", vec![like(s)]);
    }
    // The measures with the query's head, each read in date order from the timeline index.
    let head = w.param(Box::new(want.head.clone()));
    let sql = format!(
        "SELECT m.measure, m.date, g.value, g.hedge, g.text, g.claimed_by, d.content_id, d.source
         FROM figure_measures m
         JOIN figures g ON g.document_id = m.document_id AND g.position = m.position
         JOIN documents d ON d.id = m.document_id
         WHERE m.measure IN (SELECT measure FROM measure_keys WHERE head = {head}){}
         ORDER BY m.measure, m.date NULLS FIRST, m.document_id, m.position",
        w.sql()
    );
    let mut left = f.limit.unwrap_or(usize::MAX);
    if left == 0 {
        return Ok(());
    }
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(TimelineRow {
                measure: r.get(0),
                date: r.get(1),
                value: r.get(2),
                hedge: r.get(3),
                text: r.get(4),
                claimed_by: r.get(5),
                document: r.get(6),
                source: r.get(7),
            })
        },
        &mut |row: TimelineRow| {
            let covers = want.is_covered_by(&row.measure);
            if covers && left > 0 {
                left -= 1;
                out(row)?;
            }
            Ok(())
        },
    )
}

pub fn measures(c: &mut Conn, f: &Filter, out: RowSink<MeasureRow>) -> Result<()> {
    f.only("measures", &["counted"])?;
    let mut w = Where::new(f)?;
    if let Some(cn) = &f.counted {
        w.push("g.counted ILIKE ? ESCAPE '\\'", vec![like(cn)]);
    }
    let sql = format!(
        "SELECT m.measure, count(*), count(DISTINCT m.document_id),
                min(coalesce(g.date, d.published, d.estimated)),
                max(coalesce(g.date, d.published, d.estimated))
         FROM figure_measures m
         JOIN figures g ON g.document_id = m.document_id AND g.position = m.position
         JOIN documents d ON d.id = m.document_id WHERE true{}
         GROUP BY m.measure
         ORDER BY count(DISTINCT m.document_id) DESC, count(*) DESC, m.measure{}",
        w.sql(),
        limit(f)
    );
    stream(
        c,
        &sql,
        &w.refs(),
        |r| {
            Ok(MeasureRow {
                measure: r.get(0),
                figures: r.get(1),
                documents: r.get(2),
                first_date: r.get(3),
                last_date: r.get(4),
            })
        },
        out,
    )
}

/// One registry quote by id, as `registry_quotes` gives it.
pub fn registry_quote(c: &mut Conn, id: i64) -> Result<Option<RegistryQuoteRow>> {
    let row = c.client.query_opt(
        "SELECT r.id, r.speaker, r.documents, r.first_date, d.source, r.text
         FROM quote_registry r JOIN documents d ON d.id = r.first_document_id
         WHERE r.id = $1",
        &[&id],
    )?;
    Ok(row.map(|r| RegistryQuoteRow {
        id: r.get(0),
        speaker: r.get(1),
        appearances: r.get(2),
        first_date: r.get(3),
        first_source: r.get(4),
        text: r.get(5),
    }))
}

/// The quotes that are appearances of registry quote `id`, earliest document first (undated
/// ones last), in SQLite's order.
pub fn quote_appearances(c: &mut Conn, id: i64, out: RowSink<QuoteRow>) -> Result<()> {
    stream(
        c,
        "SELECT coalesce(d.published, d.estimated), q.speaker, q.kind, q.cue, q.text,
                d.content_id, d.source, q.start_byte, q.end_byte
         FROM quote_appearances a
         JOIN quotes q ON q.document_id = a.document_id AND q.position = a.position
         JOIN documents d ON d.id = a.document_id WHERE a.quote_id = $1
         ORDER BY coalesce(d.published, d.estimated) IS NULL, coalesce(d.published, d.estimated),
                  d.id, q.position",
        &[&id],
        |r| {
            Ok(QuoteRow {
                published: r.get(0),
                speaker: r.get(1),
                kind: r.get(2),
                cue: r.get(3),
                text: r.get(4),
                document: r.get(5),
                source: r.get(6),
                start: r.get(7),
                end: r.get(8),
            })
        },
        out,
    )
}
