//! JSON-LD blocks: headline, dates, authors and publisher of the article-like objects.

use super::byline::split_byline;
use super::entities::clean;
use crate::dates::parse_any_date;
use dom_query::NodeRef;
use serde_json::Value;

/// Facts gathered from JSON-LD blocks, article-like objects first.
#[derive(Debug, Default)]
pub(super) struct LdFacts {
    pub headline: Option<String>,
    pub published: Option<String>,
    /// `published` as written, with its time and offset when given.
    pub published_raw: Option<String>,
    pub authors: Vec<String>,
    pub modified: Option<String>,
    /// Every author given is an `Organization`, not a person.
    pub authors_are_orgs: bool,
    pub publisher: Option<String>,
}

pub(super) fn json_ld(scripts: &[NodeRef]) -> LdFacts {
    let mut facts = LdFacts::default();
    let values: Vec<Value> = scripts
        .iter()
        .filter_map(|n| parse(unwrap_cdata(&n.text())))
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

/// A block's JSON. A lone UTF-16 surrogate escape (`"\ud83d"`: an emoji cut in half by a CMS
/// that counts UTF-16 units) makes strict JSON refuse the whole block, and the page would lose
/// its headline, date and authors for one character in the article body: such escapes are read
/// as U+FFFD instead, and the block parsed again.
fn parse(body: &str) -> Option<Value> {
    match serde_json::from_str::<Value>(body) {
        Ok(v) => Some(v),
        Err(_) => match claimtrail_page::lone_surrogates_replaced(body) {
            Some(fixed) => serde_json::from_str::<Value>(&fixed).ok(),
            None => None,
        },
    }
}

/// A script body without the CDATA wrapper XHTML-era templates put around it
/// (`<![CDATA[ {...} ]]>`, or `//<![CDATA[` ... `//]]>`), which JSON does not allow.
fn unwrap_cdata(body: &str) -> &str {
    let mut s = body.trim();
    for open in ["//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim_start();
            break;
        }
    }
    for close in ["//]]>", "/*]]>*/", "]]>"] {
        if let Some(rest) = s.strip_suffix(close) {
            s = rest.trim_end();
            break;
        }
    }
    s
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_with_a_lone_surrogate_keeps_its_other_fields() {
        let v = parse(r#"{"headline":"Rain \ud83d","articleBody":"x\udc00y"}"#).unwrap();
        assert_eq!(v["headline"], "Rain \u{fffd}");
        assert_eq!(v["articleBody"], "x\u{fffd}y");
        assert!(parse(r#"{"headline": "#).is_none());
    }
}
