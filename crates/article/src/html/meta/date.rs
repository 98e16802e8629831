//! The publication date: the date shown beside the headline reconciled with the declared ones,
//! else meta tags, JSON-LD, `<time>` elements, date-named elements and the address, in that order.

use super::json_ld::LdFacts;
use crate::dates::{first_text_date, parse_any_date, url_date};
use crate::html::header::{block_text, ShownDate};
use dom_query::Document;
use std::collections::HashMap;

/// The publication date given the date shown beside the headline. The shown date is what the
/// page means by its date, with two exceptions measured on news and blog pages:
/// - a shown update (labelled "updated", or equal to the declared modification date) gives way
///   to the Open Graph `article:published_time`, which CMSs set once at first publication; the
///   JSON-LD `datePublished` does not outrank it (SEO plugins often fill it from a draft or an
///   import, and the shown update is then the page's date of record);
/// - a shown date one day off the declared time, when a time zone can explain the gap, is the
///   same moment rendered locally; the declared date is the page's own;
/// - a shown numeric date that is a declared (or URL) date with day and month swapped was read
///   in the wrong order ("09.10.2024" on a US page).
pub(super) fn reconcile_shown(
    s: ShownDate,
    metas: &HashMap<String, String>,
    ld: &LdFacts,
    url: Option<&str>,
) -> String {
    let swapped = swap_day_month(&s.date);
    let vouched = metas
        .get("article:published_time")
        .and_then(|v| parse_any_date(v))
        .into_iter()
        .chain(ld.published.clone())
        .chain(url.and_then(url_date))
        .find(|d| Some(d) == swapped.as_ref());
    if let Some(d) = vouched {
        return d;
    }
    let declared_day = metas
        .get("article:published_time")
        .and_then(|v| parse_any_date(v))
        .or_else(|| ld.published.clone());
    // Several dates around the headline (a date line, a "most read" list): the one the metadata
    // declares is the article's.
    if let Some(d) = declared_day.filter(|d| !s.updated && *d != s.date && s.all.contains(d)) {
        return d;
    }
    if s.updated || modified_dates(metas, ld).contains(&s.date) {
        return metas
            .get("article:published_time")
            .and_then(|v| parse_any_date(v))
            .unwrap_or(s.date);
    }
    let declared = metas
        .get("article:published_time")
        .map(String::as_str)
        .or(ld.published_raw.as_deref());
    match declared {
        Some(d) if same_moment_elsewhere(d, &s.date) => parse_any_date(d).unwrap_or(s.date),
        _ => s.date,
    }
}

/// Least whole years between a shown update and an older declared publication for the page to
/// count as an old article restamped (a CMS migration, a bulk refresh) rather than revised.
const RESTAMP_YEARS: i32 = 2;

/// The JSON-LD `datePublished` behind a shown update, when the update is at least
/// [`RESTAMP_YEARS`] calendar years later and no Open Graph publication time settles the date
/// first. Whether the article was rewritten since is for its text to tell (it names no year
/// after the first publication's): the caller checks once the text is known.
pub(super) fn restamped_origin(
    s: &ShownDate,
    metas: &HashMap<String, String>,
    ld: &LdFacts,
) -> Option<String> {
    let is_update = s.updated || modified_dates(metas, ld).contains(&s.date);
    let og = metas
        .get("article:published_time")
        .and_then(|v| parse_any_date(v));
    let origin = ld.published.clone()?;
    let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
    let gap = year(&s.date)? - year(&origin)?;
    (is_update && og.is_none() && gap >= RESTAMP_YEARS).then_some(origin)
}

/// Whether a declared timestamp one calendar day from `shown` can be the same moment in some
/// time zone (UTC-12 to UTC+14). A declared bare date cannot be checked and is trusted.
fn same_moment_elsewhere(declared: &str, shown: &str) -> bool {
    let Some(day) = parse_any_date(declared) else {
        return false;
    };
    if days_apart(&day, shown) != Some(1) {
        return false;
    }
    let Ok(shown) = chrono::NaiveDate::parse_from_str(shown, "%Y-%m-%d") else {
        return false;
    };
    match chrono::DateTime::parse_from_rfc3339(declared.trim()) {
        Ok(t) => {
            let utc = t.naive_utc();
            let earliest = (utc - chrono::Duration::hours(12)).date();
            let latest = (utc + chrono::Duration::hours(14)).date();
            (earliest..=latest).contains(&shown)
        }
        Err(_) => true,
    }
}

/// `YYYY-DD-MM` read back as a date, when it is one and differs.
fn swap_day_month(d: &str) -> Option<String> {
    let (y, m, day) = (d.get(..4)?, d.get(5..7)?, d.get(8..10)?);
    let swapped = format!("{y}-{day}-{m}");
    (swapped != d && chrono::NaiveDate::parse_from_str(&swapped, "%Y-%m-%d").is_ok())
        .then_some(swapped)
}

fn days_apart(a: &str, b: &str) -> Option<i64> {
    let a = chrono::NaiveDate::parse_from_str(a, "%Y-%m-%d").ok()?;
    let b = chrono::NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()?;
    Some((a - b).num_days().abs())
}

/// Most bytes of body text searched for a "Published" label.
const LABEL_SCAN: usize = 400_000;

pub(super) fn page_published_label(doc: &Document) -> Option<String> {
    let body = doc.try_select("body")?;
    let node = *body.nodes().first()?;
    // Plain text concatenation is enough here (the label and its date sit in one line of
    // markup) and much cheaper than a block-aware walk.
    let text = node.text();
    let end = (0..=LABEL_SCAN.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    crate::dates::published_label_date(&text[..end])
}

/// A date shown anywhere in the page body: one labelled "Published"/"Updated", else the first.
pub(super) fn page_text_date(doc: &Document) -> Option<String> {
    let body = doc.try_select("body")?;
    let node = *body.nodes().first()?;
    let text = block_text(&node).replace(" ¶ ", " ");
    crate::dates::labelled_date(&text).or_else(|| first_text_date(&text).map(|(_, d)| d))
}

const PUBLISHED_KEYS: [&str; 16] = [
    "article:published_time",
    "datepublished",
    "og:article:published_time",
    "article.published",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "parsely-pub-date",
    "sailthru.date",
    "dcterms.created",
    "published",
    "published-date",
    "publish-date",
    "publication_date",
];

/// Modification dates the page declares.
pub(super) fn modified_dates(metas: &HashMap<String, String>, ld: &LdFacts) -> Vec<String> {
    [
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "last-modified",
    ]
    .iter()
    .filter_map(|k| metas.get(*k).and_then(|v| parse_any_date(v)))
    .chain(ld.modified.clone())
    .collect()
}

pub(super) fn choose_date(
    doc: &Document,
    metas: &HashMap<String, String>,
    ld: &LdFacts,
    url: Option<&str>,
) -> Option<String> {
    if let Some(d) = metas
        .get("article:published_time")
        .and_then(|v| parse_any_date(v))
    {
        return Some(d);
    }
    if let Some(d) = &ld.published {
        return Some(d.clone());
    }
    for k in PUBLISHED_KEYS {
        if let Some(d) = metas.get(k).and_then(|v| parse_any_date(v)) {
            return Some(d);
        }
    }
    if let Some(d) = time_element_date(doc) {
        return Some(d);
    }
    if let Some(d) = hinted_element_date(doc) {
        return Some(d);
    }
    url.and_then(url_date)
}

fn is_update_hint(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    s.contains("updat") || s.contains("modif")
}

/// The first `<time>` element that is not marked as an update.
fn time_element_date(doc: &Document) -> Option<String> {
    let sel = doc.try_select("time")?;
    for n in sel.nodes().iter().take(20) {
        let hint = format!(
            "{} {} {}",
            n.attr("class").unwrap_or_default(),
            n.attr("itemprop").unwrap_or_default(),
            n.parent().and_then(|p| p.attr("class")).unwrap_or_default()
        );
        if is_update_hint(&hint) {
            continue;
        }
        let d = n
            .attr("datetime")
            .and_then(|v| parse_any_date(&v))
            .or_else(|| first_text_date(&n.text()).map(|(_, d)| d));
        if d.is_some() {
            return d;
        }
    }
    None
}

/// A date written in an element whose class or id says it holds one (date, posted, byline, meta).
fn hinted_element_date(doc: &Document) -> Option<String> {
    let sel = doc.try_select(
        "[class*=date],[id*=date],[class*=publish],[class*=posted],[class*=byline],[class*=meta],[class*=time],[class*=Time],[class*=publication]",
    )?;
    for n in sel.nodes().iter().take(60) {
        let name = n.node_name().unwrap_or_default();
        if matches!(&*name, "body" | "html" | "script" | "style" | "meta") {
            continue;
        }
        let text = n.text();
        if text.len() > 300 {
            continue;
        }
        let class = format!(
            "{} {}",
            n.attr("class").unwrap_or_default(),
            n.attr("id").unwrap_or_default()
        );
        if is_update_hint(&class) {
            continue;
        }
        if let Some((pos, d)) = first_text_date(&text) {
            // "Updated March 3" in the same element is not the original date.
            let before = text.get(..pos).unwrap_or("");
            if is_update_hint(before) && !before.to_ascii_lowercase().contains("publish") {
                continue;
            }
            return Some(d);
        }
    }
    None
}
