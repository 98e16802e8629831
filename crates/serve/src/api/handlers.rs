//! The JSON endpoints. Lists share one path (parameters → ledger filter → a page cut from the
//! ledger's stream → JSON, JSON Lines or CSV); single items answer 404 as a problem when absent.

use super::page::{cut, respond, Cursor, Format, Page};
use super::params::{
    AttentionParams, CountedParams, ListQuery, OutletParams, PageParams, ScopeParams,
    SpeakerParams, TimelineParams, PAGE, SCOPE,
};
use super::rows::{
    CopyRow, Document, DocumentRow, FigureRow, Keyed, MeasureRow, QuoteRow, RegistryQuoteRow,
    SpeakerRow, StoryRow, Summary, TimelineRow,
};
use crate::problem::Problem;
use crate::State as Shared;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use axum::Json;
use claimtrail_ledger::{collect, Filter, RowSink, SqliteStore, Store};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The query string as [`ListQuery`], an unknown or malformed parameter being a 400 problem.
pub struct Params(pub ListQuery);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Problem> {
        axum::extract::Query::<ListQuery>::try_from_uri(&parts.uri)
            .map(|q| Params(q.0))
            .map_err(|e| Problem::bad_request(e.body_text()))
    }
}

/// A path segment as text, percent-decoded; one that is not UTF-8 once decoded (`/registry/%FF`)
/// is a 400 problem like every other client error (axum's own rejection is plain text).
pub struct Segment(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Segment {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(s)| Segment(s))
            .map_err(|e| Problem::bad_request(e.body_text()))
    }
}

/// Most rows a detail (a story's documents or quotes, a speaker's quotes) lists; the lists
/// (`/documents?story=ID`, `/quotes?speaker=…`) page through the rest. A bound on every part of
/// a page keeps its cost (and its size) the same in a ledger of any size.
pub const DETAIL_ROWS: usize = 100;

/// Rows of each part of a story page: a story can hold a tenth of the ledger, and its page
/// answers while an ingest writes only if each part stops after its first screenful (the lists
/// page through the rest; measured in docs/benchmarks.md, serve under load).
pub const STORY_ROWS: usize = 20;

/// A list endpoint: checks `q` against the parameter `groups`, runs `query` on a pooled
/// connection and writes the page.
#[allow(clippy::too_many_arguments)]
async fn list<R, A>(
    state: &Shared,
    q: ListQuery,
    headers: &HeaderMap,
    uri: &Uri,
    rows: &'static str,
    groups: &[&[&str]],
    keep: impl Fn(&A) -> bool + Send + 'static,
    query: impl FnOnce(&SqliteStore, &Filter, RowSink<R>) -> claimtrail_ledger::Result<()>
        + Send
        + 'static,
) -> Result<Response, Problem>
where
    R: 'static,
    A: From<R> + Keyed + Serialize + ToSchema + Send + 'static,
{
    q.only(rows, groups)?;
    let format = Format::of(&q, headers)?;
    let filter = q.filter()?;
    let limit = q.limit()?;
    let cursor = q.cursor.as_deref().map(Cursor::parse).transpose()?;
    let page = state
        .pool
        .run(move |store| cut(|sink| query(store, &filter, sink), keep, cursor, limit))
        .await?;
    Ok(respond(page, format, uri))
}

fn all<A>(_: &A) -> bool {
    true
}

/// Stored documents by publication date.
#[utoipa::path(get, path = "/documents", tag = "documents",
    params(ScopeParams, OutletParams, PageParams),
    responses(
        (status = 200, description = "A page of documents", content((Page<DocumentRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn documents(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    let outlet = q.outlet.as_ref().map(|o| o.trim().to_lowercase());
    let keep = move |d: &DocumentRow| match &outlet {
        Some(o) => d
            .outlet
            .as_ref()
            .is_some_and(|x| x.to_lowercase().contains(o.as_str())),
        None => true,
    };
    list(
        &s,
        q,
        &headers,
        &uri,
        "documents",
        &[SCOPE, PAGE, &["outlet"]],
        keep,
        |st, f, o| st.documents(f, o),
    )
    .await
}

/// One document as `analyze` writes it: text, metadata, quotes, figures, entities and times as
/// byte spans of the text.
#[utoipa::path(get, path = "/documents/{id}", tag = "documents",
    params(("id" = String, Path, description = "Content id, id prefix (6 or more characters) or source")),
    responses(
        (status = 200, description = "The document", body = Document),
        (status = 404, description = "No such document", body = Problem, content_type = "application/problem+json")))]
pub async fn document(
    State(s): State<Shared>,
    Segment(id): Segment,
) -> Result<Json<Document>, Problem> {
    Ok(Json(load_document(&s, id).await?))
}

pub async fn load_document(s: &Shared, id: String) -> Result<Document, Problem> {
    s.pool
        .run(move |st| {
            st.document(&id)?
                .map(Document::from)
                .ok_or_else(|| Problem::not_found(format!("no document `{id}`")))
        })
        .await
}

/// Quotes by publication date of their document.
#[utoipa::path(get, path = "/quotes", tag = "quotes",
    params(ScopeParams, SpeakerParams, PageParams),
    responses(
        (status = 200, description = "A page of quotes", content((Page<QuoteRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn quotes(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    list(
        &s,
        q,
        &headers,
        &uri,
        "quotes",
        &[SCOPE, PAGE, &["speaker"]],
        all::<QuoteRow>,
        |st, f, o| st.quotes(f, o),
    )
    .await
}

/// Figures by date.
#[utoipa::path(get, path = "/figures", tag = "figures",
    params(ScopeParams, SpeakerParams, CountedParams, PageParams),
    responses(
        (status = 200, description = "A page of figures", content((Page<FigureRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn figures(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    list(
        &s,
        q,
        &headers,
        &uri,
        "figures",
        &[SCOPE, PAGE, &["speaker", "counted"]],
        all::<FigureRow>,
        |st, f, o| st.figures(f, o),
    )
    .await
}

/// Stories, largest first.
#[utoipa::path(get, path = "/stories", tag = "stories",
    params(ScopeParams, PageParams),
    responses(
        (status = 200, description = "A page of stories", content((Page<StoryRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn stories(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    list(
        &s,
        q,
        &headers,
        &uri,
        "stories",
        &[SCOPE, PAGE],
        all::<StoryRow>,
        |st, f, o| st.stories(f, o),
    )
    .await
}

/// One story with its documents, speakers, quotes and figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryDetail {
    pub story: StoryRow,
    /// Its first documents by publication date (at most 20; `/documents?story=ID` has all).
    pub documents: Vec<DocumentRow>,
    /// Its speakers, quoted in most of its documents first (at most 20; `/speakers?story=ID`).
    pub speakers: Vec<SpeakerRow>,
    /// Its first quotes by publication date (at most 100; `/quotes?story=ID`).
    pub quotes: Vec<QuoteRow>,
    /// Its first figures by date (at most 20; `/figures?story=ID`).
    pub figures: Vec<FigureRow>,
    /// Its quotes of the registry, most appearances first, each with its first appearance (at
    /// most 20; `/registry?story=ID`).
    pub registry: Vec<RegistryQuoteRow>,
}

/// One story.
#[utoipa::path(get, path = "/stories/{id}", tag = "stories",
    params(("id" = i64, Path, description = "Story id")),
    responses(
        (status = 200, description = "The story", body = StoryDetail),
        (status = 404, description = "No such story", body = Problem, content_type = "application/problem+json")))]
pub async fn story(
    State(s): State<Shared>,
    Segment(id): Segment,
) -> Result<Json<StoryDetail>, Problem> {
    let id: i64 = id
        .parse()
        .map_err(|_| Problem::bad_request(format!("a story id is a number, not `{id}`")))?;
    Ok(Json(load_story(&s, id).await?))
}

fn first<R, A: From<R>>(
    n: usize,
    query: impl FnOnce(RowSink<R>) -> claimtrail_ledger::Result<()>,
) -> Result<Vec<A>, Problem> {
    Ok(collect(query)?.into_iter().take(n).map(A::from).collect())
}

pub async fn load_story(s: &Shared, id: i64) -> Result<StoryDetail, Problem> {
    s.pool
        .run(move |st| {
            let f = Filter {
                story: Some(id),
                ..Filter::default()
            };
            let limited = Filter {
                limit: Some(STORY_ROWS),
                ..f.clone()
            };
            // Quotes are cheap to list (a few documents give many) and are what the page is
            // read for: every speaker of the first documents shows.
            let quotes = Filter {
                limit: Some(DETAIL_ROWS),
                ..f.clone()
            };
            let story = collect(|o| st.stories(&f, o))?
                .into_iter()
                .next()
                .ok_or_else(|| Problem::not_found(format!("no story {id}")))?;
            Ok(StoryDetail {
                story: story.into(),
                documents: first(STORY_ROWS, |o| st.documents(&limited, o))?,
                speakers: first(STORY_ROWS, |o| st.speakers(&limited, o))?,
                quotes: first(DETAIL_ROWS, |o| st.quotes(&quotes, o))?,
                figures: first(STORY_ROWS, |o| st.figures(&limited, o))?,
                registry: first(STORY_ROWS, |o| st.registry_quotes(&limited, o))?,
            })
        })
        .await
}

/// Speakers across documents, quoted in most documents first.
#[utoipa::path(get, path = "/speakers", tag = "speakers",
    params(ScopeParams, SpeakerParams, PageParams),
    responses(
        (status = 200, description = "A page of speakers", content((Page<SpeakerRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn speakers(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    list(
        &s,
        q,
        &headers,
        &uri,
        "speakers",
        &[SCOPE, PAGE, &["speaker"]],
        all::<SpeakerRow>,
        |st, f, o| st.speakers(f, o),
    )
    .await
}

/// How many quotes of a speaker one outlet ran.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutletCount {
    /// Null when the documents name no outlet.
    pub outlet: Option<String>,
    pub quotes: i64,
}

/// How many quotes (or documents) fall in one period.
#[derive(Debug, Serialize, ToSchema)]
pub struct PeriodCount {
    /// `YYYY-MM-DD`, `YYYY-Www` or `YYYY-MM`.
    pub period: String,
    pub count: i64,
}

/// One speaker: quotes over time, outlets, roles.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerDetail {
    pub speaker: SpeakerRow,
    /// Quotes per month of publication (else of the date the ledger estimated).
    pub over_time: Vec<PeriodCount>,
    /// Quotes per outlet, most first.
    pub outlets: Vec<OutletCount>,
    /// The speaker's latest stored quotes (at most 100), by publication date; `/quotes?speaker=…`
    /// pages through all of them.
    pub quotes: Vec<QuoteRow>,
}

/// One speaker, by canonical name.
#[utoipa::path(get, path = "/speakers/{name}", tag = "speakers",
    params(("name" = String, Path, description = "The speaker's canonical name")),
    responses(
        (status = 200, description = "The speaker", body = SpeakerDetail),
        (status = 404, description = "No such speaker", body = Problem, content_type = "application/problem+json")))]
pub async fn speaker(
    State(s): State<Shared>,
    Segment(name): Segment,
) -> Result<Json<SpeakerDetail>, Problem> {
    Ok(Json(load_speaker(&s, name).await?))
}

pub async fn load_speaker(s: &Shared, name: String) -> Result<SpeakerDetail, Problem> {
    s.pool
        .run(move |st| {
            let p = st
                .speaker(&name, DETAIL_ROWS)?
                .ok_or_else(|| Problem::not_found(format!("no speaker `{name}`")))?;
            Ok(SpeakerDetail {
                speaker: p.speaker.into(),
                over_time: p
                    .months
                    .into_iter()
                    .map(|(period, count)| PeriodCount { period, count })
                    .collect(),
                outlets: p
                    .outlets
                    .into_iter()
                    .map(|(outlet, quotes)| OutletCount { outlet, quotes })
                    .collect(),
                quotes: p.quotes.into_iter().map(QuoteRow::from).collect(),
            })
        })
        .await
}

/// The quote registry: each quote once, most appearances first.
#[utoipa::path(get, path = "/registry", tag = "quotes",
    params(ScopeParams, SpeakerParams, PageParams),
    responses(
        (status = 200, description = "A page of registry quotes", content((Page<RegistryQuoteRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn registry(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    list(
        &s,
        q,
        &headers,
        &uri,
        "registry quotes",
        &[SCOPE, PAGE, &["speaker"]],
        all::<RegistryQuoteRow>,
        |st, f, o| st.registry_quotes(f, o),
    )
    .await
}

/// A quote of the registry with every appearance.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistryQuoteDetail {
    pub quote: RegistryQuoteRow,
    /// Every appearance, earliest first (undated last).
    pub appearances: Vec<QuoteRow>,
}

/// One quote of the registry.
#[utoipa::path(get, path = "/registry/{id}", tag = "quotes",
    params(("id" = i64, Path, description = "Registry quote id")),
    responses(
        (status = 200, description = "The quote and its appearances", body = RegistryQuoteDetail),
        (status = 404, description = "No such quote", body = Problem, content_type = "application/problem+json")))]
pub async fn registry_quote(
    State(s): State<Shared>,
    Segment(id): Segment,
) -> Result<Json<RegistryQuoteDetail>, Problem> {
    let id: i64 = id
        .parse()
        .map_err(|_| Problem::bad_request(format!("a quote id is a number, not `{id}`")))?;
    Ok(Json(load_registry_quote(&s, id).await?))
}

pub async fn load_registry_quote(s: &Shared, id: i64) -> Result<RegistryQuoteDetail, Problem> {
    s.pool
        .run(move |st| {
            let quote = st
                .registry_quote(id)?
                .ok_or_else(|| Problem::not_found(format!("no quote {id} in the registry")))?;
            Ok(RegistryQuoteDetail {
                quote: quote.into(),
                appearances: first(usize::MAX, |o| st.quote_appearances(id, o))?,
            })
        })
        .await
}

/// Wire copies and near-duplicates with the earliest appearance.
#[utoipa::path(get, path = "/copies", tag = "documents",
    params(ScopeParams, PageParams),
    responses(
        (status = 200, description = "A page of copies", content((Page<CopyRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn copies(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    list(
        &s,
        q,
        &headers,
        &uri,
        "copies",
        &[SCOPE, PAGE],
        all::<CopyRow>,
        |st, f, o| st.copies(f, o),
    )
    .await
}

/// Measures: what figures count, normalised, given by most documents first.
#[utoipa::path(get, path = "/measures", tag = "figures",
    params(ScopeParams, CountedParams, PageParams),
    responses(
        (status = 200, description = "A page of measures", content((Page<MeasureRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn measures(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    list(
        &s,
        q,
        &headers,
        &uri,
        "measures",
        &[SCOPE, PAGE, &["counted"]],
        all::<MeasureRow>,
        |st, f, o| st.measures(f, o),
    )
    .await
}

/// A figure timeline: figures measuring what `q` names, in date order.
#[utoipa::path(get, path = "/timeline", tag = "figures",
    params(TimelineParams, ScopeParams, SpeakerParams, PageParams),
    responses(
        (status = 200, description = "A page of timeline points", content((Page<TimelineRow> = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn timeline(
    State(s): State<Shared>,
    uri: Uri,
    headers: HeaderMap,
    Params(q): Params,
) -> Result<Response, Problem> {
    let what = q.required("q", &q.q)?;
    list(
        &s,
        q,
        &headers,
        &uri,
        "timelines",
        &[SCOPE, PAGE, &["speaker", "q"]],
        all::<TimelineRow>,
        move |st, f, o| st.timeline(&what, f, o),
    )
    .await
}

/// Attention: how many documents matching a search were published in each period.
#[derive(Debug, Serialize, ToSchema)]
pub struct Attention {
    pub query: String,
    /// `day`, `week` or `month`.
    pub interval: String,
    /// Matching documents with no publication date (not in `points`).
    pub undated: i64,
    /// Periods with at least one document, in order.
    pub points: Vec<PeriodCount>,
}

/// Documents matching a full-text search, counted per day, week or month.
#[utoipa::path(get, path = "/attention", tag = "documents",
    params(AttentionParams),
    responses(
        (status = 200, description = "Counts per period", body = Attention),
        (status = 400, description = "A parameter is malformed or does not apply", body = Problem, content_type = "application/problem+json")))]
pub async fn attention(
    State(s): State<Shared>,
    Params(q): Params,
) -> Result<Json<Attention>, Problem> {
    Ok(Json(load_attention(&s, q).await?))
}

pub async fn load_attention(s: &Shared, q: ListQuery) -> Result<Attention, Problem> {
    q.only("attention counts", &[&["q", "interval", "since", "until"]])?;
    let query = q.required("q", &q.q)?;
    let interval = q.interval.clone().unwrap_or_else(|| "day".into());
    if !["day", "week", "month"].contains(&interval.as_str()) {
        return Err(Problem::bad_request(format!(
            "`interval` must be day, week or month, not `{interval}`"
        )));
    }
    let mut f = q.filter()?;
    f.text = Some(query.clone());
    let by = interval.clone();
    s.pool
        .run(move |st| {
            let mut counts: BTreeMap<String, i64> = BTreeMap::new();
            let mut undated = 0;
            st.documents(&f, &mut |d: claimtrail_ledger::DocumentRow| {
                match d.published.as_deref().and_then(|p| period(p, &by)) {
                    Some(p) => *counts.entry(p).or_default() += 1,
                    None => undated += 1,
                }
                Ok(())
            })?;
            Ok(Attention {
                query,
                interval: by,
                undated,
                points: counts
                    .into_iter()
                    .map(|(period, count)| PeriodCount { period, count })
                    .collect(),
            })
        })
        .await
}

/// The period a `YYYY-MM-DD` date falls in.
fn period(date: &str, interval: &str) -> Option<String> {
    use chrono::Datelike;
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(match interval {
        "month" => format!("{:04}-{:02}", d.year(), d.month()),
        "week" => {
            let w = d.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        _ => d.to_string(),
    })
}

/// The ledger at a glance: counts, latest stories, top speakers and measures.
#[utoipa::path(get, path = "/summary", tag = "documents",
    responses((status = 200, description = "The summary", body = Summary)))]
pub async fn summary(State(s): State<Shared>) -> Result<Json<Summary>, Problem> {
    Ok(Json(load_summary(&s, 10).await?))
}

pub async fn load_summary(s: &Shared, n: usize) -> Result<Summary, Problem> {
    s.pool.run(move |st| Ok(st.summary(n)?.into())).await
}

#[cfg(test)]
mod tests {
    use super::period;

    #[test]
    fn periods() {
        assert_eq!(period("2024-10-24", "day").unwrap(), "2024-10-24");
        assert_eq!(period("2024-10-24", "month").unwrap(), "2024-10");
        assert_eq!(period("2024-12-30", "week").unwrap(), "2025-W01");
        assert_eq!(period("2024-10", "day"), None);
    }
}
