//! Term counts that describe what a document is about, for story clustering: content words
//! (the lexicon's stopwords left out), names (capitalised words after the first) weighted up,
//! years as their own terms. Weighting by document frequency happens where the frequencies live.

use std::collections::HashMap;

/// Weight of a name (a capitalised word after the first) relative to a common word.
const NAME_WEIGHT: f32 = 2.0;
/// Weight of a year: the same kind of event in another year is another story.
const YEAR_WEIGHT: f32 = 3.0;

/// Raw weighted term counts of a text.
pub fn term_counts(text: &str) -> HashMap<String, f32> {
    let mut counts: HashMap<String, f32> = HashMap::new();
    let mut sentence_start = true;
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        let w = raw.trim_matches(|c: char| c == '\'' || c == '-');
        if w.is_empty() {
            continue;
        }
        let at_start = std::mem::replace(&mut sentence_start, false);
        if w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
        {
            *counts.entry(format!("y{w}")).or_default() += YEAR_WEIGHT;
            continue;
        }
        let lower = w.to_lowercase();
        if lower.chars().count() < 3
            || lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            || claimtrail_lexicon::is_stopword(&lower)
        {
            continue;
        }
        let name = !at_start && w.chars().next().is_some_and(char::is_uppercase);
        *counts.entry(lower).or_default() += if name { NAME_WEIGHT } else { 1.0 };
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_years_weigh_more_than_words_and_stopwords_drop() {
        let c = term_counts("The quake hit Chile in 2010 and the quake killed many.");
        assert_eq!(c["quake"], 2.0);
        assert_eq!(c["chile"], NAME_WEIGHT);
        assert_eq!(c["y2010"], YEAR_WEIGHT);
        assert!(!c.contains_key("the"));
        assert!(!c.contains_key("many"));
    }
}
