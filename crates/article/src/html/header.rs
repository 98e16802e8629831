//! The article header: the text just around the headline, where pages show the reader the
//! byline and the date ("By Ann Lee · March 3, 2025", "Last updated: Sep 4, 2025").

use crate::dates::first_text_date;
use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// Characters of header text read after the headline.
const AFTER: usize = 800;
/// Characters read before it (dates and kickers placed above the title).
const BEFORE: usize = 160;

/// Text around the first `<h1>`: the smallest ancestor holding enough text past the headline.
pub struct HeaderZone {
    pub before: String,
    pub after: String,
}

fn collapse(s: &str) -> String {
    // One pass into one buffer: the texts collapsed here run to `TEXT_CAP` bytes.
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Most characters of an ancestor's text read while looking for the header.
const TEXT_CAP: usize = 20_000;

/// Text of a subtree with a space at each block (and span/time/small) start, so that "2024</p><p>Body"
/// does not read "2024Body"; scripts and styles are skipped; stops after `TEXT_CAP` bytes.
pub fn block_text(node: &NodeRef) -> String {
    let mut out = String::new();
    for d in node.descendants_it() {
        if out.len() > TEXT_CAP {
            break;
        }
        let read = super::dom::with_text(&d, |text| {
            if text.trim().is_empty() {
                out.push(' ');
                return;
            }
            let hidden = d.parent().is_some_and(|p| {
                super::dom::with_name(&p, |n| super::elements::is(n, super::elements::SCRIPTING))
            });
            if !hidden {
                out.push_str(text);
            }
        });
        if read.is_none()
            && super::dom::with_name(&d, |n| {
                super::elements::is(n, super::elements::VISIBLE_BREAK)
            })
        {
            // A visible mark that names and dates do not run across.
            out.push_str(" ¶ ");
        }
    }
    collapse(&out)
}

/// The headline element: the first `<h1>` whose text is the page's title (pages put the site
/// name in an earlier `<h1>`), else the first `<h1>`; on pages without one, the `<h2>` holding
/// the title (blog layouts).
fn headline<'a>(
    doc: &'a Document,
    h1s: &[NodeRef<'a>],
    title: Option<&str>,
) -> Option<NodeRef<'a>> {
    let title = title.map(collapse).filter(|t| !t.is_empty());
    let is_title = |n: &&NodeRef| title.as_deref().is_some_and(|t| collapse(&n.text()) == t);
    if !h1s.is_empty() {
        let first = h1s.iter().take(MAX_HEADINGS).find(is_title).or(h1s.first());
        return first.cloned();
    }
    // Without an `<h1>`, the `<h2>` sharing most of the title's words is the headline.
    let title = title?;
    let h2s = doc.try_select("h2")?;
    h2s.nodes()
        .iter()
        .take(MAX_HEADINGS)
        .find(|n| shares_words(&n.text(), &title))
        .copied()
}

/// Whether most words of the shorter of two headings occur in the other.
fn shares_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    !short.is_empty() && short.iter().filter(|w| long.contains(w)).count() * 10 >= short.len() * 8
}

/// Headings compared with the title; the headline sits near the top of the page.
const MAX_HEADINGS: usize = 40;

/// The header around the headline; `h1s` are the page's `<h1>` elements in document order.
pub fn header_zone<'a>(
    doc: &'a Document,
    h1s: &[NodeRef<'a>],
    title: Option<&str>,
) -> Option<HeaderZone> {
    let h1 = headline(doc, h1s, title)?;
    let head = block_text(&h1);
    let head = head
        .trim_start_matches(['¶', ' '])
        .trim_end_matches(['¶', ' '])
        .to_string();
    if head.is_empty() {
        return None;
    }
    let mut node = h1.parent()?;
    for _ in 0..5 {
        let text = block_text(&node);
        if let Some(pos) = text.find(&head) {
            let after_start = pos + head.len();
            if text.len() - after_start >= AFTER || node.parent().is_none() {
                return Some(zone(&text, pos, after_start));
            }
        }
        match node.parent() {
            Some(p) if !matches!(&*p.node_name().unwrap_or_default(), "html") => node = p,
            _ => {
                // The text read above, of this same node.
                let pos = text.find(&head)?;
                return Some(zone(&text, pos, pos + head.len()));
            }
        }
    }
    let text = block_text(&node);
    let pos = text.find(&head)?;
    Some(zone(&text, pos, pos + head.len()))
}

fn zone(text: &str, start: usize, end: usize) -> HeaderZone {
    let before: String = {
        let b = &text[..start];
        let skip = b.chars().count().saturating_sub(BEFORE);
        b.chars().skip(skip).collect()
    };
    HeaderZone {
        before,
        after: text[end..].chars().take(AFTER).collect(),
    }
}

pub fn update_word(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    s.contains("updat") || s.contains("modif") || s.contains("review") || s.contains("edited")
}

fn publish_word(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    s.contains("publish") || s.contains("posted") || s.contains("written") || s.contains("created")
}

/// A date shown in the header, and whether the page labels it as an update.
pub struct ShownDate {
    pub date: String,
    pub updated: bool,
    /// Every date shown around the headline not labelled as an update.
    pub all: Vec<String>,
}

/// The date the header shows the reader: one marked "published"/"posted" if several are shown,
/// else the first after the headline, else one just above it.
/// Longest line (between block marks) read as a date line rather than prose.
const MAX_DATE_LINE_WORDS: usize = 24;
/// Most lower-case words before the date on a date line ("Last updated on", "Posted by Ann Lee
/// on"); prose runs longer ("gives you six more months to October 15").
const MAX_DATE_LEAD_WORDS: usize = 4;

/// Lower-case words before byte offset `at` in its block-delimited line of `text`, and the
/// line's word count.
fn line_words(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let (Some(head), Some(tail)) = (text.get(..at), text.get(at..)) else {
        return (0, 0);
    };
    let start = head
        .rfind('¶')
        .map_or(head, |i| &head[i + '¶'.len_utf8()..]);
    let end = tail.find('¶').map_or(tail, |i| &tail[..i]);
    let lower = start
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    let line = start.split_whitespace().count() + end.split_whitespace().count();
    (lower, line)
}

pub fn zone_date(z: &HeaderZone) -> Option<ShownDate> {
    let mut found = Vec::new();
    let mut rest = z.after.as_str();
    let mut offset = 0;
    while let Some((pos, d)) = first_text_date(rest) {
        let lead_start = offset + pos;
        let lead: String = z.after[..lead_start]
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // A date inside a sentence of the body ("WASHINGTON (Jan 24) — ...") is not a date line.
        let (lead_words, line) = line_words(&z.after, lead_start);
        if lead_words <= MAX_DATE_LEAD_WORDS && line <= MAX_DATE_LINE_WORDS {
            found.push((lead, d));
        }
        // Move past this date (at least one char) to find the next one.
        let step = rest[pos..]
            .char_indices()
            .nth(6)
            .map_or(rest.len() - pos, |(i, _)| i);
        offset += pos + step;
        rest = &z.after[offset.min(z.after.len())..];
        if found.len() >= 4 || !z.after.is_char_boundary(offset.min(z.after.len())) {
            break;
        }
    }
    // The date line just above the headline, nearest last.
    let (above, above_updated) = match last_text_date(&z.before) {
        Some((pos, d)) => {
            let lead = &z.before[..pos];
            let lead = lead.get(lead.len().saturating_sub(30)..).unwrap_or(lead);
            (Some(d), update_word(lead) && !publish_word(lead))
        }
        None => (None, false),
    };
    let all: Vec<String> = found
        .iter()
        .filter(|(lead, _)| !update_word(lead) || publish_word(lead))
        .map(|(_, d)| d.clone())
        .chain(above.clone().filter(|_| !above_updated))
        .collect();
    let shown = |(lead, d): &(String, String)| ShownDate {
        date: d.clone(),
        updated: update_word(lead) && !publish_word(lead),
        all: all.clone(),
    };
    if found.len() > 1 {
        if let Some(f) = found.iter().find(|(lead, _)| publish_word(lead)) {
            return Some(shown(f));
        }
    }
    if let Some(f) = found.first() {
        return Some(shown(f));
    }
    first_text_date(&z.before).map(|(_, date)| ShownDate {
        date,
        updated: false,
        all,
    })
}

/// The last date written in `text`, with its byte offset.
fn last_text_date(text: &str) -> Option<(usize, String)> {
    let mut offset = 0;
    let mut last = None;
    for _ in 0..4 {
        let Some((pos, d)) = text.get(offset..).and_then(first_text_date) else {
            break;
        };
        last = Some((offset + pos, d));
        let rest = &text[offset + pos..];
        offset += pos + rest.char_indices().nth(6).map_or(rest.len(), |(i, _)| i);
    }
    last
}

static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Bb]y|BY)\s*:?\s+(?:¶\s+)?((?:[A-Z][\p{L}'’.-]*\s?){1,4}(?:(?:,\s*|\s*\band\s+)(?:[A-Z][\p{L}'’.-]*\s?){1,4}){0,3})")
        .expect("static regex")
});

/// Words before "by" that make it a credit for a picture, an edit or a review ("Photo by Ann
/// Lee for Resy", "Image by Kotn", "Medically reviewed by …"), not the article's byline.
pub(crate) const CREDITED: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "photography",
    "image",
    "images",
    "picture",
    "pictures",
    "portrait",
    "illustration",
    "illustrations",
    "video",
    "graphic",
    "graphics",
    "artwork",
    "courtesy",
    "shot",
    "edited",
    "reviewed",
    "checked",
];

/// Longest line (between block marks) that reads as a byline rather than a paragraph of prose.
const MAX_BYLINE_LINE_WORDS: usize = 24;
/// Most lower-case words before "by" in its sentence on a byline ("Posted by", "Published on
/// March 3 by"); prose runs longer ("and reports by Ann Lee of the union show").
const MAX_BYLINE_LEAD_WORDS: usize = 2;

/// Whether the "by" at byte `at` of `text` stands where a byline does: in a short line, with at
/// most a label before it in its sentence. A "by" inside a paragraph ("figures compiled by Ann
/// Lee", "reports by Ann Lee show") credits someone the story is about, not its writer.
fn byline_shaped(text: &str, at: usize) -> bool {
    let (_, line) = line_words(text, at);
    let Some(head) = text.get(..at) else {
        return false;
    };
    let line_start = head.rfind('¶').map_or(0, |i| i + '¶'.len_utf8());
    let sentence = head[line_start..]
        .rmatch_indices(['.', '?', '!', ';'])
        .find(|(i, _)| head[line_start + i + 1..].starts_with(char::is_whitespace))
        .map_or(line_start, |(i, _)| line_start + i + 1);
    let lead = head[sentence..]
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count();
    (line <= MAX_BYLINE_LINE_WORDS && lead <= MAX_BYLINE_LEAD_WORDS)
        || names_its_writer(&head[sentence..])
}

/// A sentence that credits the page itself to its writer: "This post was written by", "This
/// article was reported by".
fn names_its_writer(lead: &str) -> bool {
    let words: Vec<String> = lead
        .split_whitespace()
        .take(6)
        .map(|w| w.to_lowercase())
        .collect();
    let page = [
        "post", "article", "story", "piece", "column", "report", "blog",
    ];
    let verb = ["written", "reported", "authored", "contributed"];
    words.len() >= 3
        && words[0] == "this"
        && page.contains(&words[1].as_str())
        && words.last().is_some_and(|w| verb.contains(&w.as_str()))
}

/// `BY` captures: the fast automaton finds the match, captures (a slower engine) run from its
/// start only. A "by" after a credit word (`CREDITED`) or inside prose (`byline_shaped`) is
/// passed over.
fn by_captures(t: &str) -> Option<regex::Captures<'_>> {
    let mut from = 0;
    for _ in 0..8 {
        let m = BY.find_at(t, from)?;
        let before = t[..m.start()].trim_end_matches(|c: char| !c.is_alphanumeric());
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if !CREDITED.contains(&word.as_str()) && byline_shaped(t, m.start()) {
            return BY.captures(&t[m.start()..]);
        }
        // Past this "by" only: a byline may follow inside the credit's match.
        from = m.start() + 2;
        while !t.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// The byline after a "By" in the header, as written (names are split by `meta`).
pub fn zone_byline(z: &HeaderZone) -> Option<String> {
    let c = by_captures(&z.after).or_else(|| by_captures(&z.before))?;
    Some(c[1].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z(html: &str) -> HeaderZone {
        let d = Document::from(html);
        let h1s = d.select("h1").nodes().to_vec();
        header_zone(&d, &h1s, None).expect("zone")
    }

    #[test]
    fn header_date_prefers_published_over_updated() {
        let hz = z(
            "<article><h1>Rates rise</h1><p>Updated June 9, 2024 · Published May 2, 2024</p>\
                    <p>Body text follows here.</p></article>",
        );
        assert_eq!(
            zone_date(&hz).map(|d| d.date).as_deref(),
            Some("2024-05-02")
        );
    }

    #[test]
    fn single_visible_date_is_taken() {
        let hz = z("<div><h1>Rates rise</h1><span>Last updated: Sep 4, 2025</span></div>");
        let d = zone_date(&hz).expect("date");
        assert_eq!((d.date.as_str(), d.updated), ("2025-09-04", true));
    }

    #[test]
    fn labelled_byline_in_its_own_element() {
        let hz = z("<div><h1>Rates rise</h1><p>Written by</p><p>Edzel Tabing</p></div>");
        assert_eq!(zone_byline(&hz).as_deref(), Some("Edzel Tabing"));
    }

    #[test]
    fn headline_is_the_h1_holding_the_title_not_the_site_name() {
        let d = Document::from(
            "<h1>Site Name</h1><p>Jan 1, 2020</p><article><h1>Star picks</h1>\
             <p>Posted on December 18, 2025</p></article>",
        );
        let h1s = d.select("h1").nodes().to_vec();
        let hz = header_zone(&d, &h1s, Some("Star picks")).expect("zone");
        assert_eq!(
            zone_date(&hz).map(|d| d.date).as_deref(),
            Some("2025-12-18")
        );
    }

    #[test]
    fn a_picture_credit_is_not_the_byline() {
        let hz = z(
            "<div><h1>Rates rise</h1><figure><figcaption>The counter. <small>Photo by \
             <a href=/x>Ben Roe</a> for Resy</small></figcaption></figure><p>Text.</p></div>",
        );
        assert_eq!(zone_byline(&hz), None);
        let hz = z("<div><h1>Rates rise</h1><p>Image by Kotn. By Ann Lee</p><p>Text.</p></div>");
        assert_eq!(zone_byline(&hz).as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_by_inside_a_paragraph_is_not_the_byline() {
        let hz = z(
            "<div><h1>Rents climb</h1><p>Rents rose for a sixth month, and reports by Priya \
             Natarajan of the tenants' union show that one household in five pays half its \
             income in rent.</p><p>Text.</p></div>",
        );
        assert_eq!(zone_byline(&hz), None);
        let hz = z(
            "<div><h1>Rents climb</h1><p>The figures were compiled by Priya Natarajan.</p></div>",
        );
        assert_eq!(zone_byline(&hz), None);
        // A label, or a date, before the "by" of a short line is a byline's.
        let hz = z(
            "<div><h1>Rents climb</h1><p>Posted on March 3, 2025 by Jo Roe</p><p>Text.</p></div>",
        );
        assert_eq!(zone_byline(&hz).as_deref(), Some("Jo Roe"));
        let hz = z("<div><h1>Rents climb</h1><p>A look at the data. By Ann Lee</p></div>");
        assert_eq!(zone_byline(&hz).as_deref(), Some("Ann Lee"));
        // A sentence that credits the page itself is one.
        let hz = z(
            "<div><h1>Rents climb</h1><p><em>This post was written by Ann Lee, MD, a \
             gastroenterologist at the county hospital, for the hospital's blog on diet and \
             health.</em></p></div>",
        );
        assert_eq!(zone_byline(&hz).as_deref(), Some("Ann Lee, MD"));
    }

    #[test]
    fn byline_after_headline() {
        let hz = z("<div><h1>Rates rise</h1><p>By Maria Diaz and Tom Wu</p><p>Text.</p></div>");
        assert_eq!(zone_byline(&hz).as_deref(), Some("Maria Diaz and Tom Wu"));
    }
}
