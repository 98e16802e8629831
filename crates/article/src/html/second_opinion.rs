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
}
