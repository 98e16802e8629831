//! The headline: a heading-shaped line shortly before the article block.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::{features, is_stop, Scored, BOIL, ENDMARK, LONGBOIL, TERM, WORD};
use crate::dates::find_date;

/// Lines of a credit block: "By …", "Written by …", "Updated …", "5 min read", "3 hours ago",
/// and the byline's "by" in French, Spanish and Portuguese, German and Dutch before a
/// capitalised name ("Par Martin Roe", "Por Steven Lee", "Von Max Roe"; not "Por qué …",
/// "Von der Leyen …").
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by\b|written by|posted by|reviewed\b|fact[- ]checked by|updated|published|posted on|last updated|credit:)|\bmin(?:ute)?s? read\b|\b\d+\s+(?:hours?|days?|minutes?)\s+ago\b|^(?-i:(?:Par|Por|Von|Door)\s+\p{Lu}\p{Ll}*\.?\s+\p{Lu})").unwrap()
});

/// A line that opens a table of contents: the lines after it are section names.
static CONTENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:table of contents?|contents|in this (?:article|post|guide)|on this page|jump to(?: section)?|skip to section|sections?|toc)\s*:?[\s▼▾▽⌄∨+\-]*$").unwrap()
});

/// A page address printed as a line ("https://…", "http: / / www. site. com / …").
fn is_address(line: &str) -> bool {
    let l = line.trim_start().to_ascii_lowercase();
    let rest = l.strip_prefix("https").or_else(|| l.strip_prefix("http"));
    rest.is_some_and(|r| r.trim_start().starts_with(':')) || l.starts_with("www.")
}

/// The address a dump prints as a line, with the spaces some text dumps put into it removed.
pub fn address(line: &str) -> Option<String> {
    if !is_address(line) || line.len() > 2048 {
        return None;
    }
    let url: String = line.split_whitespace().collect();
    let host = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    let host = host.split('/').next().unwrap_or("");
    (host.contains('.') && !host.contains(['<', '>', '"'])).then_some(url)
}

/// How closely a credit line or a date line follows line `k` (3 for the next line, 2, 1, else 0):
/// headlines sit on top of their credits.
fn credit_after(lines: &[&str], k: usize) -> usize {
    lines
        .iter()
        .skip(k + 1)
        .take(3)
        .position(|l| l.len() < 160 && (CREDIT.is_match(l) || find_date(l).is_some()))
        .map_or(0, |p| 3 - p)
}

/// A short run of capitalised words without function words ("Dylan Bailey, MS, RD"): a person's
/// name as printed in a credit. Title-case headlines keep their "for", "to", "the".
fn looks_like_name(l: &str, nw: usize) -> bool {
    nw <= 6
        && !l.chars().any(|c| c.is_ascii_digit())
        && WORD.find_iter(l).all(|m| {
            let w = m.as_str();
            w.chars().next().is_some_and(char::is_uppercase) && !is_stop(&w.to_lowercase())
        })
}

/// A line in a run of short heading-like lines (menus, tables of contents, teaser lists): at
/// least three of its four neighbours look like it. A headline stands apart from its neighbours.
fn in_list(lines: &[&str], k: usize) -> bool {
    let heading_like = |l: &str| {
        let (nw, _) = features(l);
        (1..=12).contains(&nw) && !TERM.is_match(l) && find_date(l).is_none()
    };
    let lo = k.saturating_sub(2);
    (lo..(k + 3).min(lines.len()))
        .filter(|&j| j != k && heading_like(lines[j]))
        .count()
        >= 3
}

/// Whether line `k` appears again in another case ("TIPS FOR ONLINE SUCCESS").
fn printed_again(lines: &[&str], k: usize) -> bool {
    let l = lines[k];
    lines
        .iter()
        .enumerate()
        .any(|(j, o)| j != k && o.len() == l.len() && *o != l && o.eq_ignore_ascii_case(l))
}

/// A picture's caption ending in its credit ("Whale expert Jo Roe. Photograph: Ann Lee"): a
/// sentence, then the credit. A headline naming images ("Hardened Images: security validated")
/// has no sentence before it.
fn is_caption(line: &str) -> bool {
    line.contains(". ") && crate::html::is_caption_line(line)
}

/// What breadcrumb trails put between their steps ("Home › Blog › Headline").
const CRUMB_MARKS: [char; 4] = ['>', '›', '»', '/'];

/// Most words in a step of a breadcrumb trail before its last ("Home", "Financial Literacy").
const MAX_CRUMB_WORDS: usize = 4;

/// A headline printed as the last step of a breadcrumb trail ("Home > Blog > Top dental
/// resolutions for 2025", "Newsroom/Online learning tips/Graphic design vs. …"): the steps before
/// it are the site's sections. A trail opens with "Home" or has three steps or more, its steps
/// before the last are short, and its last has two words or more; one mark ("24/7 support",
/// "Movers / Moving companies") is a headline's own.
pub fn without_trail(line: &str) -> &str {
    for mark in CRUMB_MARKS {
        let steps: Vec<&str> = line.split(mark).map(str::trim).collect();
        let Some((last, before)) = steps.split_last() else {
            continue;
        };
        // Steps are words: "3/09/15 8:00am" is a date, not a trail.
        let wordy = |s: &str| s.chars().any(char::is_alphabetic);
        if before.is_empty() || WORD.find_iter(last).count() < 2 || !wordy(last) {
            continue;
        }
        let home = before[0].eq_ignore_ascii_case("home");
        let short = before.iter().all(|s| {
            let n = WORD.find_iter(s).count();
            (1..=MAX_CRUMB_WORDS).contains(&n) && wordy(s)
        });
        if short && (home || before.len() >= 2) {
            return last;
        }
    }
    line
}

/// What sites put between a headline and their name in a page's `<title>`.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];

/// The headline a dump states twice: its first line the page's `<title>` ("Obama admits
/// gun laws are his biggest frustration – BBC News"), and later, alone on a line, the part before a separator (the page's heading).
/// The part is the longer one (a site's name is shorter than its headlines; a banner such as
/// "Application Nation - Class of 2027 is now open!" repeats its shorter part) and has two
/// words or more. Returns the headline and the line where it is printed again.
pub fn printed_title_head(lines: &[&str]) -> Option<(String, usize)> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let line = lines[first].trim();
    if line.len() > 300 {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for sep in TITLE_SEPARATORS {
        for (at, _) in line.match_indices(sep) {
            let head = line[..at].trim();
            let tail = line[at + sep.len()..].trim();
            let (nh, nt) = (WORD.find_iter(head).count(), WORD.find_iter(tail).count());
            if nh < 2 || nh <= nt || best.is_some_and(|(b, _)| b.len() >= head.len()) {
                continue;
            }
            if let Some(k) = lines
                .iter()
                .enumerate()
                .skip(first + 1)
                .position(|(_, l)| l.trim() == head)
            {
                best = Some((head, k + first + 1));
            }
        }
    }
    best.map(|(h, k)| (h.to_string(), k))
}

/// How far above the block a headline may sit (lines).
const WINDOW: usize = 25;
const LIST_PENALTY: f64 = 5.0;

/// Index of the most headline-like line in the window ending at the block start `bs`; the
/// block runs to `be`. A block of one line is all the article there is, never its headline.
pub fn pick(s: &Scored, bs: usize, be: usize) -> Option<usize> {
    let lines = &s.lines;
    // words of the block's opening: a headline shares vocabulary with its lede
    let body: HashSet<String> = (bs..lines.len().min(bs + 8))
        .flat_map(|k| WORD.find_iter(lines[k]).map(|m| m.as_str().to_lowercase()))
        .collect();
    let mut best: Option<(f64, usize)> = None;
    let mut lo = bs.saturating_sub(WINDOW);
    // Section names listed under "Table of contents" are not the headline (which is above).
    let contents_at = (lo..bs.min(lines.len())).find(|&k| CONTENTS.is_match(lines[k]));
    let hi = contents_at.unwrap_or(bs);
    if hi < lo {
        lo = hi;
    }
    for (k, &l) in lines.iter().enumerate().take(hi + 1).skip(lo) {
        if Some(k) == contents_at || (k == bs && be <= bs) {
            continue;
        }
        let (nw, _) = features(l);
        if !(2..=30).contains(&nw) || l.len() > 250 {
            continue;
        }
        // A sentence's full stop, Latin or CJK, ends prose, not a headline.
        if (l.ends_with('.') && !l.ends_with("...")) || l.ends_with('。') {
            continue;
        }
        // A line of stamps ("3/09/15 8:00am 3/09/15 8:00am") has numbers for words; a headline
        // has two words that open with a letter at least (CJK runs are one such word each).
        if WORD
            .find_iter(l)
            .filter(|m| m.as_str().chars().next().is_some_and(char::is_alphabetic))
            .count()
            < 2
            && !l.chars().any(|c| c as u32 >= 0x2E80)
        {
            continue;
        }
        // Chrome words ("most popular", "related") are chrome in short lines; a long line holding
        // one may well be the headline.
        if (nw <= 6 && BOIL.is_match(l))
            || ENDMARK.is_match(l)
            || LONGBOIL.is_match(l)
            || CREDIT.is_match(l)
            || is_caption(l)
            || is_address(l)
            || find_date(l).is_some()
        {
            continue;
        }
        if k == bs && l.ends_with(['.', ':', ';', '…', '。', '：', '；']) {
            continue;
        }
        let own: HashSet<String> = WORD
            .find_iter(l)
            .map(|m| m.as_str().to_lowercase())
            .filter(|w| !is_stop(w))
            .collect();
        let shared = if own.is_empty() {
            0.0
        } else {
            own.iter().filter(|w| body.contains(*w)).count() as f64 / own.len() as f64
        };
        let caps = WORD
            .find_iter(l)
            .filter(|m| m.as_str().chars().next().is_some_and(char::is_uppercase))
            .count() as f64
            / nw as f64;
        let mut score = nw.min(14) as f64 - 0.4 * (bs - k) as f64 + 6.0 * shared;
        if s.count.get(l).copied().unwrap_or(0) > 1 || printed_again(lines, k) {
            score += 4.0; // headlines are often printed twice (breadcrumb, heading)
        }
        if caps > 0.6 {
            score += 3.0;
        }
        if l.contains('»') || l.contains(" | ") || l.contains(" • ") {
            score -= 3.0; // breadcrumbs and "Title | Site" strips
        }
        if nw <= 3 {
            score -= 4.0;
        }
        let (_, stop_share) = features(l);
        if nw >= 12 && stop_share >= 0.4 {
            score -= 8.0; // a sentence: a standfirst or a notice, not a headline
        }
        if in_list(lines, k) {
            score -= LIST_PENALTY;
        }
        if looks_like_name(l, nw) {
            score -= 6.0; // a byline's name
        } else if credit_after(lines, k) > 0 {
            score += 6.0; // headlines sit on top of their credits
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::super::lines::score_lines;
    use super::*;

    /// The headline picked above a block that starts at line `bs`.
    fn headline<'a>(lines: &[&'a str], bs: usize) -> Option<&'a str> {
        let s = score_lines(lines.to_vec());
        pick(&s, bs, lines.len()).map(|k| lines[k])
    }

    const BODY: &str = "The harbour bridge reopened to traffic on Thursday after eight months of \
        repairs that cost the city 14 million euros, officials said on the quay.";

    #[test]
    fn addresses_are_read_with_their_spaces_removed() {
        assert_eq!(
            address("http: / / www. ocregister. com / angels / million - 416271. html").as_deref(),
            Some("http://www.ocregister.com/angels/million-416271.html")
        );
        assert_eq!(
            address("https://example.org/a").as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(address("Httpd servers compared"), None);
        assert_eq!(address("http: / / localhost"), None);
    }

    #[test]
    fn the_headline_sits_on_its_credit_not_the_address_or_the_name() {
        let lines = [
            "http: / / www. coastal. com / news / bridge - reopens. html",
            "News",
            "Harbour bridge reopens after eight months of repairs",
            "Maria Lopez",
            "May 6, 2024",
            BODY,
        ];
        assert_eq!(
            headline(&lines, 5),
            Some("Harbour bridge reopens after eight months of repairs")
        );
    }

    #[test]
    fn section_names_under_a_table_of_contents_are_not_the_headline() {
        let lines = [
            "Top catering trends to watch this year",
            "Updated Aug 4, 2025",
            "Table of contents",
            "Ten Catering Trends Currently Defining the Industry",
            "Menu Innovation Strategies",
            "Frequently Asked Questions",
            BODY,
        ];
        assert_eq!(
            headline(&lines, 6),
            Some("Top catering trends to watch this year")
        );
        // The heading of a collapsible table of contents carries its toggle.
        let lines = [
            "Top catering trends to watch this year",
            "Table of Contents ▼",
            "Ten Catering Trends Currently Defining the Industry",
            BODY,
        ];
        assert_eq!(
            headline(&lines, 3),
            Some("Top catering trends to watch this year")
        );
    }

    #[test]
    fn a_sentence_without_its_full_stop_is_not_the_headline() {
        let lines = [
            "Harbour bridge reopens after repairs",
            "Commuters who had used the ferry during the closure welcomed the news that it is over",
            BODY,
        ];
        assert_eq!(
            headline(&lines, 2),
            Some("Harbour bridge reopens after repairs")
        );
    }

    #[test]
    fn a_headline_at_the_end_of_a_breadcrumb_trail_loses_the_trail() {
        assert_eq!(
            without_trail("Home > Blog > Harbour bridge reopens after repairs"),
            "Harbour bridge reopens after repairs"
        );
        assert_eq!(
            without_trail("Home » Archive » City Life » Harbour bridge reopens"),
            "Harbour bridge reopens"
        );
        assert_eq!(
            without_trail("Newsroom/Transport/Harbour bridge reopens: what changes?"),
            "Harbour bridge reopens: what changes?"
        );
        assert_eq!(
            without_trail("Home /Harbour bridge reopens"),
            "Harbour bridge reopens"
        );
        // A headline's own slash or mark, a date with its time, and long steps stay.
        for line in [
            "24/7 help lines open as the harbour bridge closes",
            "Best Movers / Moving Companies in Harbour City (2024)",
            "3/09/15 8:00am 3/09/15 8:00am",
            "Why the old bridge > the new bridge / for cyclists and walkers alike",
        ] {
            assert_eq!(without_trail(line), line);
        }
    }

    #[test]
    fn a_caption_with_its_credit_is_not_the_headline() {
        let lines = [
            "Harbour bridge reopens after eight months of repairs",
            "Divers inspect a pier of the harbour bridge. Photograph: Ann Lee for the Post",
            BODY,
        ];
        assert_eq!(
            headline(&lines, 2),
            Some("Harbour bridge reopens after eight months of repairs")
        );
        // A headline naming images is no caption.
        assert!(!is_caption(
            "Hardened Images: Security Validated by an Outside Lab"
        ));
        assert!(is_caption("A diver at work. Photo: Ann Lee"));
    }

    #[test]
    fn a_byline_in_another_language_is_not_the_headline() {
        let lines = [
            "Le pont du port rouvre après huit mois de travaux",
            "Par Martin Roux (avec Anne Leduc et Paul Morel)",
            BODY,
        ];
        assert_eq!(
            headline(&lines, 2),
            Some("Le pont du port rouvre après huit mois de travaux")
        );
        assert!(CREDIT.is_match("Por Steven Lee Myers, Keith Bradsher y Tariq Panja"));
        assert!(CREDIT.is_match("Von Max Mustermann"));
        // Headlines that open with the same words.
        assert!(!CREDIT.is_match("Por qué el puente del puerto sigue cerrado"));
        assert!(!CREDIT.is_match("Von der Leyen visits the harbour bridge"));
        assert!(!CREDIT.is_match("Door Dash drivers protest pay cuts"));
    }

    #[test]
    fn the_first_lines_headline_printed_again_is_the_title() {
        let lines = [
            "Council passes the budget for schools - City News",
            "Skip to content",
            "Menu",
            "Council passes the budget for schools",
            "The council voted on Tuesday.",
        ];
        assert_eq!(
            printed_title_head(&lines),
            Some(("Council passes the budget for schools".to_string(), 3))
        );
        // A banner whose shorter part is repeated is not the headline.
        let lines = [
            "Application Nation - Class of 2027 is now open!",
            "About",
            "Application Nation",
        ];
        assert_eq!(printed_title_head(&lines), None);
        // Nothing printed again: no headline from the first line.
        let lines = [
            "Council passes the budget - City News",
            "The council voted.",
        ];
        assert_eq!(printed_title_head(&lines), None);
    }

    #[test]
    fn a_line_of_time_stamps_is_not_the_headline() {
        let lines = [
            "Harbour bridge reopens after repairs",
            "Ann Lee",
            "3/09/15 8:00am 3/09/15 8:00am",
            BODY,
        ];
        assert_eq!(
            headline(&lines, 3),
            Some("Harbour bridge reopens after repairs")
        );
    }
}
