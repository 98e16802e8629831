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

/// Labels that introduce the author's name in an element of their own ("Written by" ¶ "Jack
/// Roe", "Author" ¶ "Lisa D. Ellis"): the next line of the page is the name.
const LABELS_ALONE: &[&str] = &[
    "by",
    "written by",
    "article written by",
    "article by",
    "posted by",
    "story by",
    "words by",
    "author",
    "authors",
    "author(s)",
    "contributor",
    "contributors",
];

/// Labels written before the name in the same line ("Written by Ann Lee", "Posted by Ann at …").
/// A bare "By" is not one here: teasers of other articles print their bylines that way.
const LABELS_BEFORE: &[&str] = &[
    "written by ",
    "article written by ",
    "article by ",
    "posted by ",
    "story by ",
    "words by ",
    "author: ",
    "authors: ",
    "contributor: ",
    "contributors: ",
];

/// Most lines and bytes of page text read while looking for a labelled byline.
const LABEL_LINES: usize = 4_000;
const LABEL_BYTES: usize = 400_000;

/// The page's text as lines (a line ends where a block element starts), each with the element
/// holding its first words; scripts and styles skipped. Bounded by `LABEL_LINES`/`LABEL_BYTES`.
fn page_lines(doc: &Document) -> Vec<(String, dom_query::NodeRef<'_>)> {
    use crate::html::dom::{with_name, with_text};
    let mut lines: Vec<(String, dom_query::NodeRef<'_>)> = Vec::new();
    let mut cur = String::new();
    let mut holder = None;
    let mut bytes = 0;
    fn flush<'a>(
        cur: &mut String,
        holder: &mut Option<dom_query::NodeRef<'a>>,
        lines: &mut Vec<(String, dom_query::NodeRef<'a>)>,
    ) {
        let line = cur.split_whitespace().collect::<Vec<_>>().join(" ");
        if let (false, Some(h)) = (line.is_empty(), holder.take()) {
            lines.push((line, h));
        }
        cur.clear();
        *holder = None;
    }
    for d in doc.root().descendants_it() {
        if lines.len() >= LABEL_LINES || bytes > LABEL_BYTES {
            break;
        }
        let text = with_text(&d, |t| {
            let hidden = d.parent().is_some_and(|p| {
                with_name(&p, |n| {
                    matches!(n, "script" | "style" | "noscript" | "template" | "title")
                })
            });
            (!hidden && !t.trim().is_empty()).then(|| t.to_string())
        });
        match text {
            Some(Some(t)) => {
                bytes += t.len();
                if holder.is_none() {
                    holder = d.parent();
                }
                cur.push(' ');
                cur.push_str(&t);
            }
            Some(None) => {}
            None => {
                if with_name(&d, |n| {
                    crate::html::elements::is(n, crate::html::elements::VISIBLE_BREAK)
                }) {
                    flush(&mut cur, &mut holder, &mut lines);
                }
            }
        }
    }
    flush(&mut cur, &mut holder, &mut lines);
    lines
}

/// Whether a line sits in a menu or is a link's text: "Contributors" in a site's navigation is
/// a page of the site, and the next link ("Online Services") nobody's name.
fn in_navigation(n: &dom_query::NodeRef) -> bool {
    use crate::html::dom::is_named;
    is_named(n, "a")
        || n.ancestors(Some(12))
            .iter()
            .enumerate()
            .any(|(i, a)| is_named(a, "nav") || (i < 2 && is_named(a, "a")))
}

/// A name as bylines print it: one to five words, the first capitalised, no digits ("Ann Lee",
/// "Michiel de Jong", "Lisa D. Ellis"); not a sentence, a handle or a phrase of the interface.
fn person_like(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && n.len() <= 60
        && !n.contains(|c: char| c.is_ascii_digit() || matches!(c, '@' | '/' | ':' | '?' | '!'))
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || [
                    "de", "da", "del", "der", "van", "von", "la", "le", "di", "du", "bin", "al",
                ]
                .contains(w)
        })
}

/// Letters after a name that are its holder's degrees or credentials ("MD", "Ph.D.", "FACLM"),
/// not a second author.
fn credential(n: &str) -> bool {
    let letters: String = n.chars().filter(|c| c.is_alphabetic()).collect();
    !n.contains(char::is_whitespace)
        && (2..=6).contains(&letters.chars().count())
        && (letters.chars().all(char::is_uppercase)
            || ["phd", "dphil", "mphil", "msc", "bsc", "mba", "md"]
                .contains(&letters.to_lowercase().as_str()))
}

/// The names a labelled byline anywhere on the page gives ("Written by" ¶ "Jack Roe" in an
/// author box after the article, "Posted by Ann at 11:15 AM" under a blog post), for pages whose
/// metadata, byline elements and header name nobody. The first such line outside the comments
/// is the author's; its credentials are dropped.
pub(super) fn labelled_byline(doc: &Document) -> Vec<String> {
    let lines = page_lines(doc);
    for (i, (line, node)) in lines.iter().enumerate() {
        if line.len() > 120 {
            continue;
        }
        let lower = line.to_lowercase();
        let label = lower.trim_end_matches([':', ' ']);
        let candidate = if LABELS_ALONE.contains(&label) {
            match lines.get(i + 1) {
                Some((next, _)) if next.len() <= 80 => next.as_str(),
                _ => continue,
            }
        } else if let Some(l) = LABELS_BEFORE.iter().find(|l| lower.starts_with(**l)) {
            // The label is ASCII: its length is a char boundary of the line as written.
            line.get(l.len()..).unwrap_or_default()
        } else {
            continue;
        };
        if in_comments(node) || in_navigation(node) {
            continue;
        }
        // "David at December 16, 2025", "Ann Lee in Science", "Ann Lee · 5 min read".
        let mut name = candidate.trim();
        for cut in [" at ", " on ", " in ", " · ", " | ", " — ", " – ", " - "] {
            if let Some(i) = name.find(cut) {
                name = &name[..i];
            }
        }
        let people: Vec<String> = names_only(split_byline(name))
            .into_iter()
            .filter(|n| !credential(n))
            .collect();
        if !people.is_empty() && people.iter().all(|n| person_like(n)) {
            return dedup(people);
        }
    }
    Vec::new()
}

/// A name beside the date on a line just under the headline, the parts set apart by bars or
/// dots ("Aaron Ricadela | Senior Writer | July 2, 2025", "Ann Lee · March 3, 2024"): a byline
/// that prints no "By". The name is the first part that is not the date, two to four
/// capitalised words opening with a known given name, so a section's label beside the date
/// ("World News | March 3, 2024") names nobody.
pub(super) fn dated_name_line(after: &str) -> Vec<String> {
    let lines = after
        .split('¶')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3);
    for line in lines {
        if line.len() > 120 {
            continue;
        }
        let parts: Vec<&str> = line
            .split(['|', '·', '•'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if !(2..=4).contains(&parts.len()) {
            continue;
        }
        let Some(at) = parts
            .iter()
            .position(|p| p.len() <= 40 && first_text_date(p).is_some())
        else {
            continue;
        };
        let Some(name) = parts.iter().enumerate().find(|(i, _)| *i != at) else {
            continue;
        };
        let name = *name.1;
        let words: Vec<&str> = name.split_whitespace().collect();
        let given = words
            .first()
            .is_some_and(|w| lexicon::given_name(&w.to_lowercase()).is_some());
        if (2..=4).contains(&words.len()) && given && person_like(name) {
            let people = names_only(vec![name.to_string()]);
            if !people.is_empty() {
                return people;
            }
        }
    }
    Vec::new()
}

/// The writer a share card labels: `twitter:labelN` "Written by" (or "Author", "By") with the
/// name in `twitter:dataN`, as publishing tools fill the card's extra rows. The card's other rows
/// ("Est. reading time", "Price") say nothing of the writer.
pub(super) fn card_byline(metas: &HashMap<String, String>) -> Vec<String> {
    for i in 1..=4 {
        let Some(label) = metas.get(&format!("twitter:label{i}")) else {
            continue;
        };
        let label = label.trim().trim_end_matches(':').trim().to_lowercase();
        if !["written by", "author", "authors", "by", "authored by"].contains(&label.as_str()) {
            continue;
        }
        let Some(data) = metas.get(&format!("twitter:data{i}")) else {
            continue;
        };
        let names = names_only(split_byline(data));
        if !names.is_empty() {
            return dedup(names);
        }
    }
    Vec::new()
}

/// Whether an element is, or sits in, the comments or the comment form ("comment-form-author").
fn in_comments(n: &dom_query::NodeRef) -> bool {
    std::iter::once(*n).chain(n.ancestors(Some(12))).any(|a| {
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
    "name",
    "updated",
    "published",
    "posted",
];

/// The entries of an author list that can be a person's or an organisation's name: not an
/// address, not a number or an id, not a template placeholder left unfilled
/// ("page.head.extra.author", "{{author}}"), not a label or a date ("Written By", "Jun 2"), not
/// an e-mail address, a handle or a desk's label (`people::not_a_person`): a list left empty
/// lets the next source name the author.
pub(super) fn names_only(mut names: Vec<String>) -> Vec<String> {
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
            && !crate::people::not_a_person(n)
    });
    // A job title listed beside a name ("Harry Roe, Tech Reporter") is not a second author,
    // nor are a label ("Last Updated", "7 min read") or a degree ("MS", "RD") beside one.
    let beside = |n: &String| {
        let lower = n.to_lowercase();
        is_role(&lower) || label_words(&lower) || credential(n)
    };
    if names.iter().any(|n| !beside(n)) {
        names.retain(|n| !beside(n));
    }
    names
}

/// Whether every word of an entry is interface text around a byline: "Last Updated", "Published
/// on", "Updated by", "7 min read", "1 day ago", "Tweet", "Email", "Writer".
fn label_words(lower: &str) -> bool {
    const WORDS: &[&str] = &[
        "last",
        "updated",
        "update",
        "published",
        "posted",
        "written",
        "reviewed",
        "on",
        "by",
        "min",
        "mins",
        "minute",
        "minutes",
        "read",
        "ago",
        "day",
        "days",
        "hour",
        "hours",
        "tweet",
        "email",
        "share",
        "writer",
        "print",
    ];
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| WORDS.contains(&w) || w.chars().all(|c| c.is_ascii_digit()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(page: &str) -> Vec<String> {
        labelled_byline(&Document::from(page))
    }

    #[test]
    fn a_label_in_its_own_element_names_the_author_on_the_next_line() {
        // An author box after the article.
        let page = "<article><h1>Top agencies</h1><p>Body text.</p></article>\
                    <div class=box><div>Written by</div><div>Jack Roe</div>\
                    <div>Hi! I'm Jack, co-founder of the agency.</div></div>";
        assert_eq!(labelled(page), vec!["Jack Roe"]);
        let page = "<p>Text.</p><dl><dt>Author</dt><dd>Lisa D. Ellis</dd></dl>";
        assert_eq!(labelled(page), vec!["Lisa D. Ellis"]);
        // A sentence after the label is not a name.
        let page = "<p>Text.</p><div>Author</div><p>Our writers are experts in their field.</p>";
        assert!(labelled(page).is_empty());
    }

    #[test]
    fn a_label_before_the_name_in_one_line_names_the_author() {
        let page = "<p>Text.</p><p>Posted by Dana at December 16, 2025 11:15 AM</p>";
        assert_eq!(labelled(page), vec!["Dana"]);
        let page = "<p>Text.</p><p>Written by Cass Horton</p><h5>More from Cass Horton</h5>";
        assert_eq!(labelled(page), vec!["Cass Horton"]);
        let page = "<div><strong>Contributors:</strong> Janet Roe</div>";
        assert_eq!(labelled(page), vec!["Janet Roe"]);
        // A bare "By" before a name is a teaser's byline as often as the article's.
        let page = "<ul><li><a href=/x>Other story</a> By Ann Lee</li></ul>";
        assert!(labelled(page).is_empty());
    }

    #[test]
    fn credentials_after_a_labelled_name_are_not_authors() {
        let page = "<p>Text.</p><p>Article written by:</p><p>Doris Roe-Mantilla, MD, FOMA</p>";
        assert_eq!(labelled(page), vec!["Doris Roe-Mantilla"]);
    }

    #[test]
    fn a_label_in_a_menu_or_the_comments_names_nobody() {
        let page = "<nav><ul><li><a href=/c>Contributors</a></li>\
                    <li><a href=/s>Online Services</a></li></ul></nav><p>Text.</p>";
        assert!(labelled(page).is_empty());
        let page = "<p>Text.</p><div class=comments><p>Posted by Sam Poe</p></div>";
        assert!(labelled(page).is_empty());
    }
}
