//! Term counts that describe what a document is about, for story clustering: content words
//! (the lexicon's stopwords left out), names (capitalised words after the first) weighted up,
//! years as their own terms; and the event's particulars as terms of their own: each named
//! entity by its canonical name (the same people and places), each day and month the text names
//! with its year (the same dates). Weighting by document frequency happens where the frequencies
//! live.

use claimtrail_analysis::{DocAnalysis, EntityKind};
use std::collections::HashMap;

/// Weight of a name (a capitalised word after the first) relative to a common word.
const NAME_WEIGHT: f32 = 2.0;
/// Weight of a year: the same kind of event in another year is another story.
pub(crate) const YEAR_WEIGHT: f32 = 3.0;

/// Most characters of a word term. English words run to about 30 letters and compounds of other
/// languages past 60; a longer run is a hash, an encoded blob or a slug with no separators, which
/// says nothing about the story, and as an index key it would be refused by PostgreSQL (a key of
/// 9,000 letters from a URL's slug made its document unstorable there).
const MAX_WORD_CHARS: usize = 64;

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
        let chars = lower.chars().count();
        if !(3..=MAX_WORD_CHARS).contains(&chars)
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

/// Bytes of the text that make its lead, with the title: about two sentences of a news report,
/// where it states its event.
pub const LEAD_BYTES: usize = 300;

/// Counts the lead's terms (the title and the text's first [`LEAD_BYTES`] bytes, cut back to a
/// character boundary) once more, `weight` each. A report says what happened first and
/// gives the background after; two events of the same people (a rule issued, then overturned;
/// a coach fired, years later another) share their background, so the lead tells them apart
/// better than the whole text, and two reports of one event meet in their leads. A text that
/// fits in a lead adds nothing (counting all of it again would only flatten its term
/// frequencies).
pub fn add_lead_terms(counts: &mut HashMap<String, f32>, title: &str, text: &str, weight: f32) {
    // A text no longer than a lead is all lead: nothing in it is background.
    if weight <= 0.0 || text.len() <= LEAD_BYTES {
        return;
    }
    let mut end = LEAD_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    for (term, c) in term_counts(&format!("{title}\n{}", &text[..end])) {
        *counts.entry(term).or_default() += c * weight;
    }
}

/// Most characters of an entity term (a longer "name" is a tagging accident, not a key).
const MAX_ENTITY_CHARS: usize = 80;

/// Adds the document's named entities and dated days and months to `counts`: an entity as
/// `@canonical name` (nationalities left out: they name no one event), `entity_weight` per
/// mention; a day or month as `#2008-12-23` / `#2008-12`, `date_weight` per mention (a day
/// counts for its month too, so that "December 2008" meets "23 December 2008").
pub fn add_event_terms(
    counts: &mut HashMap<String, f32>,
    d: &DocAnalysis,
    entity_weight: f32,
    date_weight: f32,
) {
    if entity_weight > 0.0 {
        for e in &d.entities {
            if e.kind == EntityKind::Norp || e.canonical.chars().count() > MAX_ENTITY_CHARS {
                continue;
            }
            let name = e.canonical.trim().to_lowercase();
            if name.chars().count() < 2 {
                continue;
            }
            *counts.entry(format!("@{name}")).or_default() += entity_weight;
        }
    }
    if date_weight > 0.0 {
        for t in &d.times {
            let Some(v) = t.value.as_deref() else {
                continue;
            };
            if let Some(month) = dated_month(v) {
                if v.len() == 10
                    && v.as_bytes()[7] == b'-'
                    && v[8..].bytes().all(|b| b.is_ascii_digit())
                {
                    *counts.entry(format!("#{v}")).or_default() += date_weight;
                }
                *counts.entry(format!("#{month}")).or_default() += date_weight;
            }
        }
    }
}

/// "2008-12" of a TimeML value that names a month with its year ("2008-12", "2008-12-23").
fn dated_month(v: &str) -> Option<&str> {
    let m = v.get(..7)?;
    let b = m.as_bytes();
    (b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[5..].iter().all(u8::is_ascii_digit))
        .then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::{Entity, TimeExpr};

    #[test]
    fn entities_and_dated_days_become_terms_of_their_own() {
        let d = DocAnalysis {
            entities: vec![
                Entity {
                    text: "Teixeira".into(),
                    canonical: "Mark Teixeira".into(),
                    kind: EntityKind::Person,
                    ..Entity::default()
                },
                Entity {
                    text: "American".into(),
                    canonical: "American".into(),
                    kind: EntityKind::Norp,
                    ..Entity::default()
                },
            ],
            times: vec![
                TimeExpr {
                    value: Some("2008-12-23".into()),
                    ..TimeExpr::default()
                },
                TimeExpr {
                    value: Some("XXXX-12-23".into()),
                    ..TimeExpr::default()
                },
                TimeExpr {
                    value: Some("P3Y".into()),
                    ..TimeExpr::default()
                },
            ],
            ..DocAnalysis::default()
        };
        let mut c = HashMap::new();
        add_event_terms(&mut c, &d, 2.0, 1.5);
        assert_eq!(c["@mark teixeira"], 2.0);
        assert!(!c.contains_key("@american"));
        assert_eq!(c["#2008-12-23"], 1.5);
        assert_eq!(c["#2008-12"], 1.5);
        assert_eq!(c.len(), 3);
    }

    #[test]
    fn the_lead_counts_again_and_is_cut_at_a_character_boundary() {
        // "overturned" in the lead and "loosened" in the background, once each.
        let text = format!(
            "The administration overturned the rule. {}Two years ago the rule loosened it.",
            "é".repeat(LEAD_BYTES)
        );
        let mut c = term_counts(&text);
        assert_eq!(c["overturned"], c["loosened"]);
        add_lead_terms(&mut c, "Species rule overturned", &text, 1.0);
        assert_eq!(c["overturned"], 3.0);
        assert_eq!(c["loosened"], 1.0);
        assert_eq!(c["species"], 1.0);
        // A lead that ends inside a character: no panic.
        let cut = format!("x{}", "é".repeat(LEAD_BYTES));
        add_lead_terms(&mut c, "", &cut, 1.0);
        // No weight, or a text that is all lead: nothing added.
        let before = c.clone();
        add_lead_terms(&mut c, "Anything", &text, 0.0);
        add_lead_terms(
            &mut c,
            "Anything",
            "The administration overturned the rule.",
            1.0,
        );
        assert_eq!(c, before);
    }

    #[test]
    fn a_run_of_letters_longer_than_any_word_is_no_term() {
        let blob = "q".repeat(MAX_WORD_CHARS + 1);
        let longest = "w".repeat(MAX_WORD_CHARS);
        let counts = term_counts(&format!("The bridge {blob} opened {longest}."));
        assert!(!counts.contains_key(&blob), "{counts:?}");
        assert!(counts.contains_key(&longest) && counts.contains_key("bridge"));
    }

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
