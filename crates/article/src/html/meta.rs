//! Page metadata from the parsed DOM: `<meta>` tags, JSON-LD, headings, `<time>` elements and
//! byline-like elements. Each field is chosen from several signals, most specific first.

use super::dates::{first_text_date, parse_any_date, url_date};
use super::header::{header_zone, zone_byline, zone_date, ShownDate};
use dom_query::{Document, NodeRef};
use serde_json::Value;
use std::collections::HashMap;

/// What the page says about itself, before the body text is known.
#[derive(Debug, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// A weaker date for pages that declare no publication date: the declared modification date
    /// or the first date shown anywhere on the page.
    pub fallback_date: Option<String>,
}

/// Facts gathered from JSON-LD blocks, article-like objects first.
#[derive(Debug, Default)]
struct LdFacts {
    headline: Option<String>,
    published: Option<String>,
    /// `published` as written, with its time and offset when given.
    published_raw: Option<String>,
    authors: Vec<String>,
    modified: Option<String>,
    /// Every author given is an `Organization`, not a person.
    authors_are_orgs: bool,
    publisher: Option<String>,
}

/// Longest meta or title value kept; longer ones are junk or attacks.
const MAX_FIELD: usize = 600;

fn clean(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.contains('&') {
        decode_leftover_references(&s)
    } else {
        s
    }
}

/// Character references left in text once the parser has decoded the markup: a page that
/// escaped twice ("SQL &amp;#x26; AI") and JSON-LD strings, which HTML never decodes.
fn decode_leftover_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let reference = tail
            .get(1..tail.len().min(12))
            .and_then(|t| t.find(';').map(|end| &t[..end]));
        let decoded = reference.and_then(|r| match r {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some(' '),
            _ => {
                let n = r.strip_prefix('#')?;
                let code = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => n.parse().ok()?,
                };
                char::from_u32(code).filter(|c| !c.is_control())
            }
        });
        match (reference, decoded) {
            (Some(r), Some(c)) => {
                out.push(c);
                rest = &tail[r.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The elements the metadata pass reads, gathered in one walk of the tree.
#[derive(Default)]
struct MetaNodes<'a> {
    html: Option<NodeRef<'a>>,
    metas: Vec<NodeRef<'a>>,
    ld_scripts: Vec<NodeRef<'a>>,
    title: Option<NodeRef<'a>>,
    canonical: Option<NodeRef<'a>>,
    h1s: Vec<NodeRef<'a>>,
}

fn gather(doc: &Document) -> MetaNodes<'_> {
    let mut g = MetaNodes::default();
    let Some(sel) = doc.try_select(
        "html, meta, script[type='application/ld+json'], title, link[rel=canonical], h1",
    ) else {
        return g;
    };
    for n in sel.nodes() {
        match &*n.node_name().unwrap_or_default() {
            "html" => g.html = g.html.take().or(Some(*n)),
            "meta" => g.metas.push(*n),
            "script" => g.ld_scripts.push(*n),
            "title" => g.title = g.title.take().or(Some(*n)),
            "link" => g.canonical = g.canonical.take().or(Some(*n)),
            "h1" => g.h1s.push(*n),
            _ => {}
        }
    }
    g
}

pub fn page_meta(doc: &Document) -> PageMeta {
    let nodes = gather(doc);
    let metas = meta_map(&nodes.metas);
    let ld = json_ld(&nodes.ld_scripts);
    let get = |k: &str| metas.get(k).map(String::as_str).filter(|v| !v.is_empty());

    let url = nodes
        .canonical
        .as_ref()
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http"))
        .or_else(|| get("og:url").map(str::to_string));
    let language = nodes
        .html
        .as_ref()
        .and_then(|n| n.attr("lang"))
        .or_else(|| get("og:locale").map(Into::into))
        .map(|l| l.chars().take(2).collect::<String>().to_ascii_lowercase())
        .filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_alphabetic()));
    let outlet = get("og:site_name")
        .map(str::to_string)
        .or_else(|| ld.publisher.clone());

    let title = choose_title(
        &nodes,
        get("og:title"),
        ld.headline.as_deref(),
        get("twitter:title"),
    );
    let zone = header_zone(doc, &nodes.h1s, title.as_deref());
    let shown = zone.as_ref().and_then(zone_date);
    let published = match shown {
        Some(s) => Some(reconcile_shown(s, &metas, &ld, url.as_deref())),
        // A date the page labels "Published" outside the header (a closing date line) is still
        // the page's statement of its date, ahead of the metadata.
        None => page_published_label(doc).or_else(|| choose_date(doc, &metas, &ld, url.as_deref())),
    };
    let fallback_date = if published.is_none() {
        modified_dates(&metas, &ld)
            .into_iter()
            .next()
            .or_else(|| page_text_date(doc))
    } else {
        None
    };
    let mut authors = choose_authors(doc, &metas, &ld);
    let org_only = authors.is_empty()
        || (ld.authors_are_orgs && authors == ld.authors)
        || outlet
            .as_deref()
            .is_some_and(|o| authors.iter().any(|a| a.eq_ignore_ascii_case(o)));
    if org_only {
        if let Some(z) = &zone {
            let names = zone_byline(z);
            if !names.is_empty() {
                authors = names;
            }
        }
    }

    PageMeta {
        title,
        published,
        authors,
        outlet,
        url,
        language,
        fallback_date,
    }
}

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
fn reconcile_shown(
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

fn page_published_label(doc: &Document) -> Option<String> {
    let body = doc.try_select("body")?;
    let node = *body.nodes().first()?;
    // Plain text concatenation is enough here (the label and its date sit in one line of
    // markup) and much cheaper than a block-aware walk.
    let text = node.text();
    let end = (0..=LABEL_SCAN.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    super::dates::published_label_date(&text[..end])
}

/// A date shown anywhere in the page body: one labelled "Published"/"Updated", else the first.
fn page_text_date(doc: &Document) -> Option<String> {
    let body = doc.try_select("body")?;
    let node = *body.nodes().first()?;
    let text = super::header::block_text(&node).replace(" ¶ ", " ");
    super::dates::labelled_date(&text).or_else(|| first_text_date(&text).map(|(_, d)| d))
}

/// `<meta>` values by lower-cased `property`, `name` or `itemprop`; the first of each wins.
fn meta_map(nodes: &[NodeRef]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for node in nodes {
        let Some(content) = node.attr("content") else {
            continue;
        };
        if content.len() > MAX_FIELD * 4 {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = node.attr(key) {
                map.entry(k.trim().to_ascii_lowercase())
                    .or_insert_with(|| clean(&content));
            }
        }
    }
    map
}

fn json_ld(scripts: &[NodeRef]) -> LdFacts {
    let mut facts = LdFacts::default();
    let values: Vec<Value> = scripts
        .iter()
        .filter_map(|n| serde_json::from_str::<Value>(n.text().trim()).ok())
        .collect();
    let mut objects = Vec::new();
    for v in &values {
        flatten(v, &mut objects, 0);
    }
    // Article-like objects carry the facts about this page; others (WebPage) only fill gaps.
    objects.sort_by_key(|o| !is_article(o));
    for o in &objects {
        let article = is_article(o);
        if facts.headline.is_none() && article {
            facts.headline = o
                .get("headline")
                .or_else(|| o.get("name"))
                .and_then(Value::as_str)
                .map(clean);
        }
        if facts.published.is_none() {
            let raw = o
                .get("datePublished")
                .or_else(|| o.get("dateCreated"))
                .and_then(Value::as_str);
            facts.published = raw.and_then(parse_any_date);
            if facts.published.is_some() {
                facts.published_raw = raw.map(str::to_string);
            }
        }
        if facts.modified.is_none() {
            facts.modified = o
                .get("dateModified")
                .and_then(Value::as_str)
                .and_then(parse_any_date);
        }
        if facts.authors.is_empty() && (article || o.get("author").is_some()) {
            if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                collect_names(a, &mut facts.authors, 0);
                facts.authors_are_orgs = all_orgs(a);
            }
        }
        if facts.publisher.is_none() {
            facts.publisher = o
                .get("publisher")
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
                .map(clean);
        }
    }
    facts
}

fn type_names(o: &Value) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article(o: &Value) -> bool {
    type_names(o)
        .iter()
        .any(|t| t.contains("article") || t.contains("posting") || t == "report")
}

/// Objects of a JSON-LD value, descending into arrays and `@graph` (depth-bounded).
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(m) => {
            if let Some(g) = m.get("@graph") {
                flatten(g, out, depth + 1);
            }
            out.push(v);
        }
        _ => {}
    }
}

fn all_orgs(v: &Value) -> bool {
    match v {
        Value::Array(a) => !a.is_empty() && a.iter().all(all_orgs),
        Value::Object(_) => type_names(v).iter().any(|t| t == "organization"),
        _ => false,
    }
}

fn collect_names(v: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::String(s) if !s.starts_with("http") => out.extend(split_byline(s)),
        Value::Array(a) => a.iter().for_each(|x| collect_names(x, out, depth + 1)),
        Value::Object(m) => {
            if let Some(Value::String(n)) = m.get("name") {
                out.extend(split_byline(n));
            }
        }
        _ => {}
    }
}

/// Words of a title for comparison: lower-cased alphanumeric runs, curly quotes folded.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of the shorter string's words found in the other.
fn agreement(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let hits = short.iter().filter(|w| long.contains(w)).count();
    hits as f64 / short.len() as f64
}

/// A `<title>` minus its site suffix ("Headline | Site", "Headline - Site").
fn strip_site_suffix(t: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some(i) = t.rfind(sep) {
            let head = t[..i].trim();
            if words(head).len() >= 2 {
                return head.to_string();
            }
        }
    }
    t.trim().to_string()
}

/// The headline: the page's `<h1>` when the metadata agrees with it, else the metadata title
/// without the site suffix.
fn choose_title(
    nodes: &MetaNodes,
    og: Option<&str>,
    ld: Option<&str>,
    twitter: Option<&str>,
) -> Option<String> {
    let head_title = nodes
        .title
        .as_ref()
        .map(|n| clean(&n.text()))
        .filter(|t| !t.is_empty() && t.len() < MAX_FIELD);
    let refs: Vec<String> = [og, ld, twitter, head_title.as_deref()]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty() && t.len() < MAX_FIELD)
        .map(str::to_string)
        .collect();
    let h1s: Vec<String> = nodes
        .h1s
        .iter()
        .take(8)
        .map(|n| clean(&n.text()))
        .filter(|t| !t.is_empty() && t.len() < MAX_FIELD)
        .collect();
    let agreeing = h1s.iter().find(|h| {
        refs.iter()
            .any(|r| agreement(h, r) >= 0.6 && words(h).len() * 3 >= words(r).len().min(30))
    });
    if let Some(h) = agreeing {
        return Some(h.clone());
    }
    if let Some(r) = refs.first() {
        let stripped = strip_site_suffix(r);
        // Several sources giving the same stripped title agree on it.
        return Some(stripped);
    }
    h1s.into_iter().next()
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
fn modified_dates(metas: &HashMap<String, String>, ld: &LdFacts) -> Vec<String> {
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

fn choose_date(
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

fn choose_authors(doc: &Document, metas: &HashMap<String, String>, ld: &LdFacts) -> Vec<String> {
    let ld_names = names_only(ld.authors.clone());
    if !ld_names.is_empty() {
        return dedup(ld_names);
    }
    for k in [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
    ] {
        if let Some(v) = metas.get(k) {
            if !v.starts_with("http") && !v.is_empty() {
                let names = names_only(split_byline(v));
                if !names.is_empty() {
                    return dedup(names);
                }
            }
        }
    }
    byline_element(doc)
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.to_lowercase()));
    v
}

/// A visible byline: `rel=author` links or a small element whose class names the author. Comment
/// sections are skipped so a commenter is never taken for the author.
fn byline_element(doc: &Document) -> Vec<String> {
    let Some(sel) = doc.try_select(
        "[rel=author],[itemprop=author],a[href*='/author/'],a[href*='/authors/'],[class*=author-name],[class*=byline],[class*=author]",
    ) else {
        return Vec::new();
    };
    for n in sel.nodes().iter().take(30) {
        let in_comments = n.ancestors(Some(12)).iter().any(|a| {
            let c = format!(
                "{} {}",
                a.attr("class").unwrap_or_default(),
                a.attr("id").unwrap_or_default()
            )
            .to_ascii_lowercase();
            c.contains("comment") || c.contains("reply")
        });
        if in_comments {
            continue;
        }
        let text = super::header::block_text(n);
        if text.is_empty() || text.len() > 160 {
            continue;
        }
        let names = names_only(split_byline(&text));
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// Words that fill an author field without naming anyone: labels, roles, interface text.
const NOT_NAMES: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "author",
    "authors",
    "the author",
    "corresponding author",
    "guest author",
    "staff",
    "staff writer",
    "staff reporter",
    "editor",
    "editors",
    "contributor",
    "admin",
    "administrator",
    "sign in",
    "log in",
    "login",
    "subscribe",
    "share",
    "unknown",
    "anonymous",
    "updated",
    "published",
    "posted",
];

/// The entries of an author list that can be a person's or an organisation's name: not an
/// address, not a number or an id, not a template placeholder left unfilled
/// ("page.head.extra.author", "{{author}}"), not a label or a date ("Written By", "Jun 2"). An
/// e-mail address stands in for the author only when nothing else names one.
fn names_only(mut names: Vec<String>) -> Vec<String> {
    let email = names.iter().find(|n| is_email(n)).cloned();
    names.retain(|n| {
        let n = n.trim();
        let letters = n.chars().filter(|c| c.is_alphabetic()).count();
        let digits = n.chars().filter(|c| c.is_ascii_digit()).count();
        let lower = n.to_lowercase();
        let placeholder = !n.contains(char::is_whitespace)
            && (n.contains(['_', '{', '}', '$', '%', '[', ']'])
                || n.chars().filter(|c| *c == '.').count() >= 2);
        letters >= 2
            && digits * 2 < letters
            && !n.contains('@')
            && !lower.contains("://")
            && !lower.starts_with("www.")
            && !placeholder
            && !NOT_NAMES.contains(&lower.as_str())
            && first_text_date(n).is_none()
            && !is_day_label(&lower)
    });
    if names.is_empty() {
        names.extend(email);
    }
    names
}

fn is_email(n: &str) -> bool {
    let n = n.trim();
    !n.contains(char::is_whitespace)
        && n.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// "Sat", "Saturday", "Jun 2", "June 2": a weekday or a day of a month without its year.
fn is_day_label(lower: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut words = lower.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches(['.', ',']);
    let stem = |w: &str| w.get(..3).unwrap_or(w).to_string();
    let rest: Vec<&str> = words.collect();
    (DAYS.contains(&stem(first).as_str()) && rest.is_empty() && first.len() <= 9)
        || (MONTHS.contains(&stem(first).as_str())
            && first.len() <= 9
            && rest.len() == 1
            && rest[0].trim_end_matches(['.', ',']).parse::<u8>().is_ok())
}

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; dates and role words are cut off.
pub fn split_byline(byline: &str) -> Vec<String> {
    let mut b = clean(byline);
    if let Some(i) = b.to_lowercase().find("by ") {
        // Only a "By" that starts the byline or a word ("Written by ...").
        let at_word = i == 0 || b[..i].ends_with(' ');
        if at_word {
            b = b[i + 3..].to_string();
        }
    }
    if let Some((pos, _)) = first_text_date(&b) {
        b.truncate(pos);
    }
    let b = b
        .trim()
        .trim_start_matches(['¶', ' '])
        .trim_end_matches(['|', '-', '–', '·', ',', '¶', ' '])
        .trim();
    b.split([',', '|', '\n', ';', '¶'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|p| p.trim().trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| {
            let n = p.split_whitespace().count();
            !p.is_empty() && p.len() < 80 && n <= 6 && !p.eq_ignore_ascii_case("by")
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> PageMeta {
        page_meta(&Document::from(html))
    }

    #[test]
    fn references_left_by_double_escaping_are_decoded() {
        assert_eq!(clean("SQL &#x26; AI"), "SQL & AI");
        assert_eq!(clean("Rock &amp; Roll &#8211; live"), "Rock & Roll – live");
        assert_eq!(
            clean("AT&T and R&D; &unknown; &#xZZ; &"),
            "AT&T and R&D; &unknown; &#xZZ; &"
        );
        let m = meta(
            "<html><head><meta property='og:title' content='Tools for SQL &#x26; AI | Splunk'>\
             </head><body><h1>Tools for SQL &amp;#x26; AI</h1></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Tools for SQL & AI"));
    }

    #[test]
    fn author_lists_keep_names_only() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            names_only(v(&[
                "Aditya Mahindru",
                "aditya.mahindru@example.com",
                "Corresponding author",
                "page.head.extra.author",
                "262588213843476",
                "Jun 2",
                "Sat",
                "Written By",
                "Updated",
                "M.A.",
                "Everfit Team",
                "h.szeyee",
            ])),
            v(&["Aditya Mahindru", "Everfit Team", "h.szeyee"])
        );
        // An address alone still stands for the author.
        assert_eq!(
            names_only(v(&["beatriz@example.studio", "Sign In"])),
            v(&["beatriz@example.studio"])
        );
        // A junk JSON-LD author gives way to the meta tag.
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"{{author}}"}}</script>
            <meta name="author" content="Tim Enwall">"#,
        );
        assert_eq!(m.authors, v(&["Tim Enwall"]));
    }

    #[test]
    fn h1_agreeing_with_og_title_wins() {
        let m = meta(
            "<html><head><title>Rates rise again | Daily Post</title>\
             <meta property='og:title' content='Rates rise again - Daily Post'></head>\
             <body><h1>Rates rise again</h1></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Rates rise again"));
    }

    #[test]
    fn title_suffix_is_stripped_without_h1() {
        let m = meta("<title>Rates rise again | Daily Post</title>");
        assert_eq!(m.title.as_deref(), Some("Rates rise again"));
    }

    #[test]
    fn json_ld_gives_date_and_person_authors() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},
            {"@type":"NewsArticle","headline":"H","datePublished":"2024-05-06T10:00:00Z","dateModified":"2024-06-01",
             "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Kim"}]}]}</script>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2024-05-06"));
        assert_eq!(m.authors, vec!["Ann Lee", "Bo Kim"]);
    }

    #[test]
    fn visible_date_skips_updated_line() {
        let m = meta(
            "<body><div class='updated-date'>June 9, 2024</div>\
             <span class='post-date'>Posted May 2, 2024</span></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn shown_modification_date_yields_to_publication_date() {
        let m = meta(
            r#"<meta property="article:published_time" content="2024-02-21T10:00:00+00:00">
            <script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-02-21",
            "dateModified":"2025-10-26"}</script><div><h1>Trends for 2025</h1><p>Oct 26, 2025</p></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2024-02-21"));
    }

    #[test]
    fn shown_update_outranks_json_ld_alone() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2019-02-21",
            "dateModified":"2025-10-26"}</script><div><h1>Trends for 2025</h1>
            <p>Last updated: Oct 26, 2025</p></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2025-10-26"));
    }

    #[test]
    fn shown_date_read_in_the_wrong_order_yields_to_declared() {
        let m = meta(
            "<meta property='article:published_time' content='2024-09-10T16:07:00Z'>\
             <div><h1>Renovation phases</h1><p>09.10.2024</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2024-09-10"));
    }

    #[test]
    fn one_day_gap_only_yields_when_a_time_zone_explains_it() {
        // 22:00 UTC on the 19th is the 19th or 20th everywhere: the shown 18th stands.
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-19T22:02:58Z"}</script>
            <div><h1>New method</h1><p>Dec 18, 2025</p></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2025-12-18"));
    }

    #[test]
    fn stated_dates_around_the_headline() {
        // The date the metadata declares, shown just above the headline, beats a later list date.
        let m = meta(
            "<meta property='article:published_time' content='2025-01-16T08:00:00Z'>\
             <div><p>January 16, 2025</p><h1>Types of apps</h1><p>Written by: Ann Lee</p>\
             <ul><li>Most popular</li><li>Other story | July 15, 2025</li></ul></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-01-16"));
        // A date inside a sentence is not a date line.
        let m = meta(
            "<div><h1>Tax filing</h1><p>Page last modified Jan. 17, 2025</p><p>If you need \
             more time, an extension gives you six more months to October 15, 2025.</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-01-17"));
    }

    #[test]
    fn closing_published_line_outranks_metadata_when_the_header_shows_none() {
        let m = meta(
            "<meta property='article:published_time' content='2025-08-08T00:00:00-04:00'>\
             <body><h1>Free accounting tools</h1><p>By: Jane Roe, Contributor</p>\
             <p>Body text of the article.</p><div>Published <time>August 13, 2025</time></div></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-08-13"));
    }

    #[test]
    fn headline_in_h2_and_date_in_small_element() {
        let m = meta(
            "<title>Introducing the Cayenne Accelerator | Spice</title><body>\
             <h2>Introducing Cayenne: The Next Accelerator Built for Scale</h2>\
             <div>Luke Kim<small>December 17, 2025</small></div><p>Body.</p></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-12-17"));
    }

    #[test]
    fn prose_date_after_headline_is_not_the_date_line() {
        let m = meta(
            "<meta property='article:published_time' content='2017-01-23T21:08:14+00:00'>\
             <div><h1>Meditation study</h1><p>WASHINGTON (January 24, 2017) — Mindfulness meditation \
             is an increasingly popular treatment for anxiety, but testing its effectiveness in a \
             convincing way has been hard, researchers said in a statement on Monday.</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2017-01-23"));
    }

    #[test]
    fn shown_date_one_day_off_yields_to_declared_date() {
        let m = meta(
            "<meta property='article:published_time' content='2025-07-05T00:04:00+00:00'>\
             <div><h1>Best cameras</h1><p>July 4, 2025</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-07-05"));
        let m = meta(
            "<meta property='article:published_time' content='2025-07-09T00:04:00+00:00'>\
             <div><h1>Best cameras</h1><p>July 4, 2025</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-07-04"));
    }

    #[test]
    fn undated_page_falls_back_to_modification_then_shown_dates() {
        let m =
            meta("<meta property='article:modified_time' content='2023-06-12T10:39:42'><p>x</p>");
        assert_eq!(m.published, None);
        assert_eq!(m.fallback_date.as_deref(), Some("2023-06-12"));
        let m = meta("<body><div><p>Jane Roe</p><p>December 17, 2025</p></div></body>");
        assert_eq!(
            (m.published.as_deref(), m.fallback_date.as_deref()),
            (None, Some("2025-12-17"))
        );
    }

    #[test]
    fn commenter_is_not_an_author() {
        let m = meta(
            "<body><div class='comments'><span class='author'>Troll99</span></div>\
             <p class='byline'>By Maria Diaz</p></body>",
        );
        assert_eq!(m.authors, vec!["Maria Diaz"]);
    }

    #[test]
    fn byline_splitting() {
        assert_eq!(
            split_byline("By Jane Doe and John Roe"),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(
            split_byline("Written by Ann Lee March 3, 2024"),
            vec!["Ann Lee"]
        );
    }
}
