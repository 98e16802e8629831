//! The web UI: server-rendered pages from templates compiled into the binary (minijinja, which
//! escapes every value in `.html` templates), one stylesheet, no script. Pages read the same
//! loaders as the JSON API.

mod chart;
mod highlight;

use crate::api::rows::{Document, TimelineRow};
use crate::api::{self, ListQuery, DETAIL_ROWS};
use crate::problem::Problem;
use crate::State as Shared;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use claimtrail_ledger::{Filter, Store};
use minijinja::{context, Environment};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("home.html", include_str!("templates/home.html")),
    ("search.html", include_str!("templates/search.html")),
    ("story.html", include_str!("templates/story.html")),
    ("timeline.html", include_str!("templates/timeline.html")),
    ("speaker.html", include_str!("templates/speaker.html")),
    ("quote.html", include_str!("templates/quote.html")),
    ("document.html", include_str!("templates/document.html")),
    ("error.html", include_str!("templates/error.html")),
    ("chart.html", include_str!("templates/chart.html")),
];

const STYLESHEET: &str = include_str!("static/app.css");

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            // The templates are ours and compiled in; a broken one fails the tests.
            if let Err(e) = env.add_template(name, source) {
                eprintln!("claimtrail: template {name}: {e}");
            }
        }
        env.add_filter("number", |v: f64| chart::number(v));
        env
    })
}

/// An error as an HTML page (the API's problem, shown to a person).
pub struct PageError(Problem);

impl From<Problem> for PageError {
    fn from(p: Problem) -> Self {
        PageError(p)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        match render("error.html", context! { problem => self.0 }) {
            Ok(html) => (status, html).into_response(),
            Err(e) => e.0.into_response(),
        }
    }
}

type PageResult = Result<Html<String>, PageError>;

/// A path segment as text; one that is not UTF-8 once decoded is the error page, not axum's
/// plain-text rejection.
struct PageSegment(String);

impl<S: Send + Sync> FromRequestParts<S> for PageSegment {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, PageError> {
        let api::Segment(s) = api::Segment::from_request_parts(parts, state).await?;
        Ok(PageSegment(s))
    }
}

fn render(name: &str, ctx: minijinja::Value) -> PageResult {
    env()
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .map(Html)
        .map_err(|e| {
            PageError(Problem::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the page could not be drawn: {e}"),
            ))
        })
}

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search))
        .route("/stories/{id}", get(story))
        .route("/timeline", get(timeline))
        .route("/speakers/{name}", get(speaker))
        .route("/quotes/{id}", get(quote))
        .route("/documents/{id}", get(document))
        .route("/static/app.css", get(stylesheet))
        .fallback(|| async { PageError(Problem::not_found("there is no such page")) })
        .with_state(state)
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// A measure as people name it: what its most recent figure counts ("North Korean troops"),
/// else its key.
#[derive(Serialize)]
struct NamedMeasure {
    name: String,
    documents: i64,
    figures: i64,
}

async fn home(State(s): State<Shared>) -> PageResult {
    let summary = api::load_summary(&s, 10).await?;
    let keys: Vec<String> = summary
        .top_measures
        .iter()
        .map(|m| m.measure.clone())
        .collect();
    let names = s
        .pool
        .run(move |st| {
            let mut names = Vec::new();
            for key in keys {
                let mut counted = None;
                st.timeline(
                    &key,
                    &Filter {
                        limit: Some(1),
                        ..Filter::default()
                    },
                    &mut |row: claimtrail_ledger::TimelineRow| {
                        counted = figure_of(st, &row).and_then(|(_, f)| f.counted.clone());
                        Ok(())
                    },
                )?;
                names.push(counted.unwrap_or(key));
            }
            Ok(names)
        })
        .await?;
    let measures: Vec<NamedMeasure> = summary
        .top_measures
        .iter()
        .zip(names)
        .map(|(m, name)| NamedMeasure {
            name,
            documents: m.documents,
            figures: m.figures,
        })
        .collect();
    render("home.html", context! { summary, measures })
}

/// The figure of a timeline row in its document, and its place there.
fn figure_of(
    st: &claimtrail_ledger::SqliteStore,
    row: &claimtrail_ledger::TimelineRow,
) -> Option<(usize, claimtrail_analysis::Figure)> {
    let doc = st.document(&row.document).ok()??;
    doc.figures
        .into_iter()
        .enumerate()
        .find(|(_, f)| f.text == row.text)
}

async fn search(State(s): State<Shared>, api::Params(q): api::Params) -> PageResult {
    let Some(text) = q.q.clone().filter(|t| !t.trim().is_empty()) else {
        return render("search.html", context! { q => "" });
    };
    let attention = api::load_attention(
        &s,
        ListQuery {
            q: Some(text.clone()),
            since: q.since.clone(),
            until: q.until.clone(),
            interval: q.interval.clone(),
            ..ListQuery::default()
        },
    )
    .await?;
    let filter = ListQuery {
        text: Some(text.clone()),
        since: q.since.clone(),
        until: q.until.clone(),
        ..ListQuery::default()
    }
    .filter()?;
    let documents = s
        .pool
        .run(move |st| {
            let f = Filter {
                limit: Some(DETAIL_ROWS),
                ..filter
            };
            Ok(claimtrail_ledger::collect(|o| st.documents(&f, o))?)
        })
        .await?;
    let points: Vec<(String, i64)> = attention
        .points
        .iter()
        .map(|p| (p.period.clone(), p.count))
        .collect();
    let chart = chart::bars(&points);
    render(
        "search.html",
        context! { q => text.clone(), search_q => text, attention, chart, documents },
    )
}

async fn story(State(s): State<Shared>, PageSegment(id): PageSegment) -> PageResult {
    let id: i64 = id
        .parse()
        .map_err(|_| Problem::not_found(format!("there is no story `{id}`")))?;
    let story = api::load_story(&s, id).await?;
    // Documents by outlet, each outlet's in publication order.
    let mut outlets: Vec<(String, Vec<api::rows::DocumentRow>)> = Vec::new();
    for d in &story.documents {
        let name = d.outlet.clone().unwrap_or_else(|| "(no outlet)".into());
        match outlets.iter_mut().find(|(o, _)| *o == name) {
            Some((_, docs)) => docs.push(d.clone()),
            None => outlets.push((name, vec![d.clone()])),
        }
    }
    render(
        "story.html",
        context! { story, outlets, limit => api::STORY_ROWS, quote_limit => api::DETAIL_ROWS },
    )
}

#[derive(Serialize)]
struct TimelineEntry {
    row: TimelineRow,
    href: String,
    counted: Option<String>,
}

async fn timeline(State(s): State<Shared>, api::Params(q): api::Params) -> PageResult {
    let Some(what) = q.q.clone().filter(|t| !t.trim().is_empty()) else {
        return render("timeline.html", context! { q => "" });
    };
    let filter = ListQuery {
        speaker: q.speaker.clone(),
        since: q.since.clone(),
        until: q.until.clone(),
        ..ListQuery::default()
    }
    .filter()?;
    let query = what.clone();
    let (entries, points) = s
        .pool
        .run(move |st| {
            let f = Filter {
                limit: Some(DETAIL_ROWS),
                ..filter
            };
            let rows = claimtrail_ledger::collect(|o| st.timeline(&query, &f, o))?;
            let mut docs: HashMap<String, Option<claimtrail_analysis::DocAnalysis>> =
                HashMap::new();
            let mut entries = Vec::new();
            let mut points = Vec::new();
            for row in rows {
                let doc = docs
                    .entry(row.document.clone())
                    .or_insert_with(|| st.document(&row.document).ok().flatten());
                let found = doc.as_ref().and_then(|d| {
                    d.figures
                        .iter()
                        .enumerate()
                        .find(|(_, f)| f.text == row.text)
                        .map(|(i, f)| (i, f.clone()))
                });
                let href = match &found {
                    Some((_, f)) => format!("/documents/{}#figure-{}", row.document, f.start),
                    None => format!("/documents/{}", row.document),
                };
                let date = row.date.as_deref().and_then(chart::day_of);
                if let (Some(date), Some(value)) = (date, row.value) {
                    points.push(chart::Point {
                        date,
                        shown: row.date.clone().unwrap_or_default(),
                        value,
                        low: found.as_ref().and_then(|(_, f)| f.low),
                        high: found.as_ref().and_then(|(_, f)| f.high),
                        hedge: row.hedge.clone(),
                        href: href.clone(),
                        label: format!(
                            "{} — {} ({})",
                            row.text,
                            row.claimed_by.as_deref().unwrap_or("the outlet"),
                            row.source
                        ),
                    });
                }
                entries.push(TimelineEntry {
                    counted: found.and_then(|(_, f)| f.counted),
                    row: row.into(),
                    href,
                });
            }
            Ok((entries, points))
        })
        .await?;
    let chart = chart::timeline(&points);
    let undrawn = entries.len() - points.len();
    render(
        "timeline.html",
        context! { q => what.clone(), timeline_q => what, entries, chart, undrawn },
    )
}

async fn speaker(State(s): State<Shared>, PageSegment(name): PageSegment) -> PageResult {
    let speaker = api::load_speaker(&s, name).await?;
    let points: Vec<(String, i64)> = speaker
        .over_time
        .iter()
        .map(|p| (p.period.clone(), p.count))
        .collect();
    let chart = chart::bars(&points);
    render("speaker.html", context! { speaker, chart })
}

async fn quote(State(s): State<Shared>, PageSegment(id): PageSegment) -> PageResult {
    let id: i64 = id
        .parse()
        .map_err(|_| Problem::not_found(format!("there is no quote `{id}`")))?;
    let quote = api::load_registry_quote(&s, id).await?;
    render("quote.html", context! { quote })
}

async fn document(State(s): State<Shared>, PageSegment(id): PageSegment) -> PageResult {
    let doc: Document = api::load_document(&s, id).await?;
    let mut spans = Vec::new();
    for q in &doc.quotes {
        spans.push(highlight::Span {
            start: q.start,
            end: q.end,
            class: "quote",
            anchor: format!("quote-{}", q.start),
            note: format!(
                "{} quote — {}",
                q.kind,
                q.speaker.as_deref().unwrap_or("speaker unknown")
            ),
        });
    }
    for f in &doc.figures {
        spans.push(highlight::Span {
            start: f.start,
            end: f.end,
            class: "figure",
            anchor: format!("figure-{}", f.start),
            note: format!(
                "figure: {} {}",
                f.value.map(chart::number).unwrap_or_default(),
                f.counted.as_deref().unwrap_or("")
            ),
        });
    }
    for t in &doc.times {
        spans.push(highlight::Span {
            start: t.start,
            end: t.end,
            class: "time",
            anchor: format!("time-{}", t.start),
            note: format!("time: {}", t.value.as_deref().unwrap_or("?")),
        });
    }
    let runs = highlight::runs(&doc.text, &spans);
    // Only web addresses become links (never `javascript:` or a local path).
    let link = doc
        .url
        .as_ref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .cloned();
    render("document.html", context! { doc, runs, link })
}
