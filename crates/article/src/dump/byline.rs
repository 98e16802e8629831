//! Author names: an explicit "By …" credit, else a bare name line in the article header.

use std::sync::LazyLock;

use claimtrail_lexicon as lexicon;

use regex::Regex;

use super::credits::credit_line;
use super::lines::{is_stop, Scored};
use crate::dates::find_date;

static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\b)(?i:written by|posted by|by|author)\s*:?\s*([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|der|al|bin)|,\s+[A-Z][\w.'’-]*){0,8})").unwrap()
});
/// What sits beside a bare name line in a credit: a date, an address, or a credit word.
static CREDIT_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:min(?:ute)?s? read|updated|published|posted|reviewed|edited|written|author|editor|contributor|correspondent|reporter|writer|staff)\b|\S@\S|\b\d+\s+(?:hours?|days?|weeks?|months?)\s+ago\b").unwrap()
});
/// A credit cue alone on its line, the name on the next one ("Written by" / "Jo Bloggs").
static CUE_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:written by|posted by|words by|by|authors?)\s*:?$").unwrap()
});
static NAME_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[A-Z][a-z'’.-]+|[A-Z]\.)$").unwrap());

/// Words that end a name in a credit line ("By Jo Bloggs Updated May 6"), besides month names.
const NOT_NAME: &[&str] = &[
    "updated",
    "published",
    "posted",
    "modified",
    "on",
    "reviewed",
    "fact",
];

fn not_name(w: &str) -> bool {
    let w = w.trim_matches(',').to_lowercase();
    lexicon::month(&w).is_some() || NOT_NAME.contains(&w.as_str())
}

fn clean_name(s: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for t in s.split_whitespace() {
        if not_name(t) || t.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        out.push(t);
    }
    while out.last().is_some_and(|t| *t == "and" || *t == "&") {
        out.pop();
    }
    out.join(" ")
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string()
}

/// The name of a line that is only a name, with its credentials after a comma left out
/// ("Dylan Bailey, MS, RD" → "Dylan Bailey"): two or three capitalised (or upper-case) words.
fn bare_name(l: &str) -> Option<&str> {
    let name = l.split(',').next()?.trim();
    let toks: Vec<&str> = name.split_whitespace().collect();
    let word = |t: &&str| {
        (NAME_TOKEN.is_match(t)
            || (t.len() >= 2 && t.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'')))
            && !is_stop(&t.to_lowercase())
            && !not_name(t)
    };
    ((2..=3).contains(&toks.len()) && toks.iter().all(word) && credit_line(name).is_empty())
        .then_some(name)
}

/// Whether a line before or the two after line `k` reads like the rest of a credit.
fn in_credit_context(lines: &[&str], k: usize) -> bool {
    let near = lines[k.saturating_sub(1)..k]
        .iter()
        .chain(lines.iter().skip(k + 1).take(2));
    near.into_iter()
        .any(|l| l.len() < 200 && (CREDIT_CONTEXT.is_match(l) || find_date(l).is_some()))
}

/// Most lower-case words before "by" in its sentence on a credit line ("Posted by", "Published
/// on May 6 by"); a sentence of the article runs longer ("The figures were compiled by").
const MAX_CREDIT_LEAD_WORDS: usize = 2;

/// Whether the text before a "by" on its line is a sentence of prose rather than a credit's
/// label (more than `MAX_CREDIT_LEAD_WORDS` lower-case words since the sentence began), or a
/// picture's credit word.
fn in_prose(before: &str) -> bool {
    // "Photo by", "Portrait by": a picture's credit, not the article's.
    let last = before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase();
    if crate::html::CREDIT_WORDS.contains(&last.as_str()) {
        return true;
    }
    let sentence = before
        .rmatch_indices(['.', '?', '!', ';'])
        .find(|(i, _)| before[i + 1..].starts_with(char::is_whitespace))
        .map_or(before, |(i, _)| &before[i + 1..]);
    sentence
        .split_whitespace()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .count()
        > MAX_CREDIT_LEAD_WORDS
}

/// Authors from the header lines `lo..hi`, skipping the headline `title`.
pub fn pick(s: &Scored, lo: usize, hi: usize, title: Option<usize>) -> Vec<String> {
    let lines = &s.lines;
    for &l in &lines[lo..hi] {
        if l.len() > 200 {
            continue;
        }
        if let Some(c) = BY.captures(l) {
            let at = c.get(0).map_or(0, |m| m.start());
            if (at == 0 || l.len() < 120) && !in_prose(&l[..at]) {
                let n = clean_name(&c[1]);
                let first = n.split_whitespace().next().unwrap_or("").to_lowercase();
                if !n.is_empty() && n.split_whitespace().count() <= 10 && !is_stop(&first) {
                    return vec![n];
                }
            }
        }
    }
    for (k, &l) in lines.iter().enumerate().take(hi).skip(lo) {
        if CUE_ALONE.is_match(l) {
            if let Some(n) = lines.get(k + 1).and_then(|next| bare_name(next)) {
                return vec![n.to_string()];
            }
        }
    }
    // A bare name line; "Daniel Kim Views" counts when the page also prints "Daniel Kim" alone.
    for (k, &l) in lines.iter().enumerate().take(hi).skip(lo) {
        if Some(k) == title {
            continue;
        }
        // Menus are full of short capitalised lines ("Order Now", "Travel Tips"): a bare line is
        // a name only in a credit's company.
        if let Some(n) = bare_name(l).filter(|_| in_credit_context(lines, k)) {
            return vec![n.to_string()];
        }
        let toks: Vec<&str> = l.split_whitespace().collect();
        if !(2..=5).contains(&toks.len()) || !credit_line(l).is_empty() {
            continue;
        }
        let lead: Vec<&str> = toks
            .iter()
            .take_while(|t| NAME_TOKEN.is_match(t) && !is_stop(&t.to_lowercase()) && !not_name(t))
            .copied()
            .collect();
        if lead.len() < 2 {
            continue;
        }
        for j in [lead.len().min(3), 2] {
            let cand = lead[..j].join(" ");
            if cand != l && s.count.contains_key(cand.as_str()) {
                return vec![cand];
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::super::lines::score_lines;
    use super::*;

    fn authors(lines: &[&str]) -> Vec<String> {
        let s = score_lines(lines.to_vec());
        pick(&s, 0, lines.len(), Some(0))
    }

    #[test]
    fn explicit_credit_wins() {
        assert_eq!(
            authors(&["Bridge reopens", "By Maria Lopez Updated May 6, 2024"]),
            ["Maria Lopez"]
        );
    }

    #[test]
    fn a_by_in_a_sentence_of_the_article_is_no_credit() {
        assert!(
            authors(&["Bridge reopens", "The figures were compiled by Dara Quinn."]).is_empty()
        );
        assert_eq!(
            authors(&["Bridge reopens", "Posted on May 6, 2024 by Maria Lopez"]),
            ["Maria Lopez"]
        );
        assert!(authors(&["Bridge reopens", "Portrait by Dara Quinn"]).is_empty());
    }

    #[test]
    fn bare_name_needs_the_company_of_a_credit() {
        assert_eq!(
            authors(&["Bridge reopens", "Maria Lopez", "May 6, 2024 · 4 min read"]),
            ["Maria Lopez"]
        );
        assert_eq!(
            authors(&["Bridge reopens", "Published 3 hours ago", "Maria Lopez"]),
            ["Maria Lopez"]
        );
        // Menu lines look like names but stand among menu lines.
        assert!(authors(&["Bridge reopens", "Order Now", "Travel Tips", "Contact"]).is_empty());
        // Credentials after a comma, and names in capitals.
        assert_eq!(
            authors(&[
                "Bridge reopens",
                "Dylan Bailey, MS, RD",
                "Published Jun 4, 2025"
            ]),
            ["Dylan Bailey"]
        );
        assert_eq!(
            authors(&["Bridge reopens", "LEONARDO GARCIA", "Sep 26, 2022"]),
            ["LEONARDO GARCIA"]
        );
    }

    #[test]
    fn a_cue_alone_credits_the_next_line() {
        assert_eq!(
            authors(&[
                "Bridge reopens",
                "Written by",
                "Philip Stefanov",
                "A brief look"
            ]),
            ["Philip Stefanov"]
        );
        assert!(authors(&["Bridge reopens", "By", "Table of Contents"]).is_empty());
    }
}
