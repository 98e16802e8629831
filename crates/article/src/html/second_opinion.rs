//! Whether the paragraph second opinion adds article text to readability's result, or only the
//! page's chrome. The paragraphs outside boilerplate-named regions still hold teaser streams,
//! headline lists, player settings and menus; when readability kept the article and left those
//! out, the paragraphs hold many more words than its result without holding more article.
//! What the paragraphs add is article text when most of it is shaped like prose: paragraphs of
//! a sentence's length that hold one.

use std::collections::HashMap;

/// Fewest words of a paragraph read as prose.
const PROSE_WORDS: usize = 8;
/// A paragraph whose words are mostly (this share) in readability's result is already there.
const ALREADY_KEPT: f64 = 0.8;
/// Least share of the added words in prose paragraphs for the paragraphs to be taken.
const MIN_PROSE_SHARE: f64 = 0.5;

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether a paragraph holds a sentence: it ends like one, or one ends inside it (a quote
/// followed by its credit line, a review followed by a "Read more" link).
fn holds_a_sentence(p: &str) -> bool {
    let p = p.trim_end();
    p.ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '’', ')', ':'])
        || p.match_indices(['.', '!', '?']).any(|(i, _)| {
            let rest = &p[i + 1..];
            rest.starts_with(' ')
                && rest[1..].starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
        })
}

/// Whether the paragraphs (`paragraphs`, one a line) add prose to `kept`, readability's text:
/// at least [`MIN_PROSE_SHARE`] of the words in paragraphs `kept` lacks lie in paragraphs of
/// [`PROSE_WORDS`] or more that hold a sentence.
pub fn adds_prose(paragraphs: &str, kept: &str) -> bool {
    let mut bag: HashMap<String, usize> = HashMap::new();
    for w in words(kept) {
        *bag.entry(w).or_insert(0) += 1;
    }
    let (mut added, mut prose) = (0usize, 0usize);
    for p in paragraphs.lines() {
        let ws: Vec<String> = words(p).collect();
        if ws.is_empty() {
            continue;
        }
        let known = ws.iter().filter(|w| bag.contains_key(*w)).count();
        if known as f64 >= ALREADY_KEPT * ws.len() as f64 {
            continue;
        }
        // Counted by whitespace: a CJK clause is one word, as short as a menu item.
        let n = p.split_whitespace().count();
        added += ws.len();
        if n >= PROSE_WORDS && holds_a_sentence(p) {
            prose += ws.len();
        }
    }
    added > 0 && prose as f64 >= MIN_PROSE_SHARE * added as f64
}

/// Words of a paragraph's opening compared to find it in readability's text.
const KEY_WORDS: usize = 12;
/// A run of this many short lines (a headline list, a menu, a table of contents) ends the
/// article text sought before readability's pick.
const CHROME_RUN: usize = 3;
/// Fewest prose paragraphs and words put back before the pick: one paragraph is a standfirst
/// or a note, which the references mostly leave out (see `lead.rs`).
const MIN_BEFORE_PARAGRAPHS: usize = 2;
const MIN_BEFORE_WORDS: usize = 50;

/// A text's words, lowercased, each followed by a space and the whole led by one, so that a
/// word sequence is found only whole.
fn flat(s: &str, limit: usize) -> String {
    let mut out = String::from(" ");
    for w in words(s).take(limit) {
        out.push_str(&w);
        out.push(' ');
    }
    out
}

fn is_prose(p: &str) -> bool {
    p.split_whitespace().count() >= PROSE_WORDS && holds_a_sentence(p)
}

/// The article's first part when readability took a later part of it: readability scores
/// blocks, and when an intro is set apart from the rest by a table of contents, a box or a
/// widget boundary, it may keep only the larger part after it. The paragraphs (`paragraphs`,
/// one a line, read inside the same container) still hold the part before: the prose lines
/// right before the first line of `kept` that the pick lacks, back to a run of short lines
/// (a menu, a headline list), a byline or the container's start. `None` unless they make at least
/// [`MIN_BEFORE_PARAGRAPHS`] prose paragraphs of [`MIN_BEFORE_WORDS`] words in all, most of
/// the run's words.
pub fn prose_before(paragraphs: &str, kept: &str, authors: &[String]) -> Option<String> {
    let kept_flat = flat(kept, usize::MAX);
    let in_kept = |p: &str| {
        let key = flat(p, KEY_WORDS);
        key.len() > 1 && kept_flat.contains(&key)
    };
    let lines: Vec<&str> = paragraphs
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // The pick's first prose paragraph among the paragraphs.
    let anchor = lines.iter().position(|l| is_prose(l) && in_kept(l))?;
    // Lines just before it that the pick holds too (its subheading) are its own.
    let mut i = anchor;
    while i > 0 && in_kept(lines[i - 1]) {
        i -= 1;
    }
    let mut start = i;
    let mut short_run = 0;
    while start > 0 {
        let l = lines[start - 1];
        // The article starts under its byline: prose above it is a standfirst.
        if super::lead::about_the_author(l, authors) {
            break;
        }
        let prose = is_prose(l);
        // A short line's few words may match anywhere; a prose line the pick holds is its own.
        if prose && in_kept(l) {
            break;
        }
        if prose {
            short_run = 0;
        } else {
            short_run += 1;
            if short_run >= CHROME_RUN {
                break;
            }
        }
        start -= 1;
    }
    // The run starts at its first prose paragraph: headings or labels above it are not the
    // article's.
    let run = &lines[start..i];
    let first = run.iter().position(|l| is_prose(l))?;
    let run = &run[first..];
    let prose: Vec<&&str> = run.iter().filter(|l| is_prose(l)).collect();
    let prose_words: usize = prose.iter().map(|l| l.split_whitespace().count()).sum();
    let all_words: usize = run.iter().map(|l| l.split_whitespace().count()).sum();
    (prose.len() >= MIN_BEFORE_PARAGRAPHS
        && prose_words >= MIN_BEFORE_WORDS
        && prose_words as f64 >= MIN_PROSE_SHARE * all_words as f64)
        .then(|| run.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEPT: &str = "The council voted on Tuesday to approve the budget.";

    #[test]
    fn missing_article_paragraphs_are_prose() {
        let paras = format!(
            "{KEPT}\nThe mayor said the vote showed the city could plan for the long term.\n\
             Opponents said they would challenge the plan in court next month.\n"
        );
        assert!(adds_prose(&paras, KEPT));
    }

    #[test]
    fn menus_headlines_and_settings_are_not() {
        let paras = format!(
            "{KEPT}\nHome\nWorld\nArial\nTimes New Roman\nStorm closes roads across the county \
             for a second day\nMayor names a new police chief after a long search\n"
        );
        assert!(!adds_prose(&paras, KEPT));
        assert!(!adds_prose(KEPT, KEPT));
    }

    #[test]
    fn the_intro_before_a_later_pick_is_found() {
        let intro = "Restaurants differ in how they serve their guests at the table, and the \
                     difference shapes what a meal is worth to them.\n\
                     This guide explores each format and what it means for the business that \
                     runs it, from the staff it needs to the prices it can ask.\n";
        let body = "Fine dining is the most formal service, with courses brought in turn.\n\
                    Casual dining trades that ceremony for speed and a lower bill.\n";
        let paras = format!(
            "Home\nMenu\nAbout us\n{intro}Why it matters\n\
                             Service style shapes the whole cost of running a room of tables.\n\
                             Types of service\n{body}"
        );
        let kept = format!("Types of service\n\n{}", body.replace('\n', "\n\n"));
        let before = prose_before(&paras, &kept, &[]).unwrap();
        assert!(before.starts_with("Restaurants differ"), "{before}");
        assert!(before.ends_with("a room of tables."), "{before}");
        // Nothing before the pick, or a single standfirst-like line: nothing put back.
        assert_eq!(prose_before(&format!("Home\n{body}"), &kept, &[]), None);
        // A standfirst above the byline is not the article's start.
        let byline = format!(
            "{}\nBy Jo Roe, who covers restaurants and the people who run them for us. She \
             has written about food and the business of food for twenty years.\n{body}",
            intro.lines().next().unwrap()
        );
        assert_eq!(prose_before(&byline, &kept, &[]), None);
        assert_eq!(
            prose_before(
                &format!("{}\n{body}", intro.lines().next().unwrap()),
                &kept,
                &[]
            ),
            None
        );
    }
}
