//! Authors: JSON-LD people, author meta tags, then a visible byline element; every list is cut
//! down to what can be a name.

use super::byline::split_byline;
use super::entities::clean;
use super::json_ld::LdFacts;
use super::{attr_holds, select_where};
use crate::dates::first_text_date;
use crate::html::header::{block_text, update_word};
use claimtrail_lexicon as lexicon;
use dom_query::Document;
use std::collections::HashMap;

pub(super) fn choose_authors(
    doc: &Document,
    metas: &HashMap<String, String>,
    creators: &[String],
    ld: &LdFacts,
    header: Option<(&str, &str)>,
) -> Vec<String> {
    let ld_names = names_only(ld.authors.clone());
    if !ld_names.is_empty() {
        return dedup(ld_names);
    }
    // Dublin Core creators are declared one per tag, as a catalogue writes them.
    let dc: Vec<String> = creators
        .iter()
        .flat_map(|c| split_byline(&catalogue_name(c)))
        .collect();
    let dc = names_only(dc);
    if !dc.is_empty() {
        return dedup(dc);
    }
    for k in [
        "author",
        "article:author",
        "og:article:author",
        "article:author_name",
        "parsely-author",
        "sailthru.author",
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
    byline_element(doc, header)
}

/// "Jong, Michiel de" → "Michiel de Jong", "Kooman, F." → "F. Kooman": the inverted form
/// catalogues use, one surname word before a single comma. Anything else is left as written.
fn catalogue_name(c: &str) -> String {
    let c = clean(c);
    let Some((last, first)) = c.split_once(',') else {
        return c;
    };
    let (last, first) = (last.trim(), first.trim());
    let one_word = !last.is_empty() && !last.contains(char::is_whitespace);
    if one_word && !first.is_empty() && !first.contains([',', ';']) && !first.contains(" and ") {
        format!("{first} {last}")
    } else {
        c
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.to_lowercase()));
    v
}

/// Elements that may hold the byline: `rel=author` links, author pages, author-named classes.
const BYLINE_SELECTOR: &str = "[rel=author],[itemprop~=author],a[href*='/author/'],a[href*='/authors/'],[class*=author-name],[class*=byline],[class*=author]";

/// A visible byline: `rel=author` links or a small element whose class names the author; the
/// first whose names the header shows below the headline, else above it, else the first on the page (menus
/// of columnists come before the article, teasers with their bylines after it). Comment
/// sections are skipped so a commenter is never taken for the author.
fn byline_element(doc: &Document, header: Option<(&str, &str)>) -> Vec<String> {
    // Every element the selector matches names "author" or "byline" in one of these.
    let nodes = select_where(doc, BYLINE_SELECTOR, |e| {
        attr_holds(e, &["rel", "itemprop", "href", "class"], "author")
            || attr_holds(e, &["class"], "byline")
    });
    let mut found = Vec::new();
    for n in nodes.iter().take(400) {
        if !author_token(n) || in_comments(n) {
            continue;
        }
        let text = block_text(n);
        if text.is_empty() || text.len() > 160 {
            continue;
        }
        let names = names_only(split_byline(&text));
        if names.is_empty() {
            continue;
        }
        let Some((before, after)) = header else {
            return names;
        };
        // The element's text as the header shows it (names lose asides like "(R.J.)").
        let shown = text.trim_matches(['¶', ' ']);
        let within = |zone: &str| zone.contains(names[0].as_str()) || zone.contains(shown);
        // Below the headline is where bylines usually sit: one shown there ends the search.
        if within(after) {
            return names;
        }
        let above = within(before);
        found.push((above, names));
    }
    let above = found.iter().position(|f| f.0).unwrap_or(0);
    found
        .into_iter()
        .nth(above)
        .map(|f| f.1)
        .unwrap_or_default()
}

fn in_comments(n: &dom_query::NodeRef) -> bool {
    n.ancestors(Some(12)).iter().any(|a| {
        let c = format!(
            "{} {}",
            a.attr("class").unwrap_or_default(),
            a.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        c.contains("comment") || c.contains("reply")
    })
}

/// Whether an element matched for its class names an author rather than a word that merely
/// begins with "author" ("authority-control", "authorization").
fn author_token(n: &dom_query::NodeRef) -> bool {
    let class = n.attr("class").unwrap_or_default().to_ascii_lowercase();
    if !class.contains("author") || n.attr("rel").is_some_and(|r| r.contains("author")) {
        return true;
    }
    class.match_indices("author").any(|(i, _)| {
        let rest = &class[i + "author".len()..];
        !["it", "iz", "is"].iter().any(|w| rest.starts_with(w))
    }) || class.contains("byline")
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
pub(super) fn names_only(mut names: Vec<String>) -> Vec<String> {
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
    // A job title listed beside a name ("Harry Roe, Tech Reporter") is not a second author.
    if names.iter().any(|n| !is_role(&n.to_lowercase())) {
        names.retain(|n| !is_role(&n.to_lowercase()));
    }
    if names.is_empty() {
        names.extend(email);
    }
    names
}

/// Role words that end a job title given in place of a name ("Games Editor", "Contributing
/// Writer").
const ROLE_TAILS: &[&str] = &[
    "editor",
    "writer",
    "reporter",
    "correspondent",
    "columnist",
    "contributor",
    "producer",
    "journalist",
];

fn is_role(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let last = words.next_back().unwrap_or("");
    words.next().is_some() && ROLE_TAILS.contains(&last.trim_end_matches(['.', ',']))
}

fn is_email(n: &str) -> bool {
    let n = n.trim();
    !n.contains(char::is_whitespace)
        && n.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// "Sat", "Saturday", "Jun 2", "June 2": a weekday or a day of a month without its year.
fn is_day_label(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches(['.', ',']);
    let stem = |w: &str| w.get(..3).unwrap_or(w).to_string();
    let rest: Vec<&str> = words.collect();
    (lexicon::weekday(&stem(first)).is_some() && rest.is_empty() && first.len() <= 9)
        || (lexicon::month(&stem(first)).is_some()
            && first.len() <= 9
            && rest.len() == 1
            && rest[0].trim_end_matches(['.', ',']).parse::<u8>().is_ok())
}

/// The people named in a header byline: two words or more, no "Updated" label.
pub(super) fn header_byline_names(byline: &str) -> Vec<String> {
    split_byline(byline)
        .into_iter()
        .filter(|n| n.split_whitespace().count() >= 2 && !update_word(n))
        .collect()
}
