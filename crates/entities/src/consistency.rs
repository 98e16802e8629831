//! One type per name through a document: the tagger decides each sentence alone, so a name
//! written the same way can come out a person in one sentence and an organisation in the next
//! ("Whole Foods"). Every mention of it takes the type with the most evidence summed over all
//! of its mentions: a few confident mentions outweigh many hesitant ones.

use crate::tagger::{Emissions, TYPES};
use claimtrail_text::Doc;
use rustc_hash::FxHashMap;

/// Retypes the token spans `(first, end, type)` of `doc` so that spans with the same text share
/// one type, chosen among the types the tagger gave them by the summed emission scores of
/// tagging each span as that type (`emit`, one row per token).
pub fn one_type_per_name(doc: &Doc, spans: &mut [(usize, usize, usize)], emit: &Emissions) {
    let mut groups: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, &(a, b, _)) in spans.iter().enumerate() {
        let (Some(first), Some(last)) = (doc.tokens.get(a), doc.tokens.get(b.wrapping_sub(1)))
        else {
            continue;
        };
        if let Some(text) = doc.text.get(first.start..last.end) {
            groups.entry(text).or_default().push(k);
        }
    }
    for members in groups.values() {
        let first_type = spans[members[0]].2;
        if members.iter().all(|&k| spans[k].2 == first_type) {
            continue;
        }
        let mut seen = [false; TYPES.len()];
        let mut total = [0f64; TYPES.len()];
        for &k in members {
            let (a, b, ty) = spans[k];
            if let Some(s) = seen.get_mut(ty) {
                *s = true;
            }
            for (t, sum) in total.iter_mut().enumerate() {
                *sum += span_score(emit, a, b, t);
            }
        }
        // Only a type the tagger chose somewhere; ties go to the first mention's type.
        let mut best = first_type;
        for t in 0..TYPES.len() {
            if seen[t] && total[t] > total[best] {
                best = t;
            }
        }
        for &k in members {
            spans[k].2 = best;
        }
    }
}

/// The emission score of tagging tokens `a..b` as one entity of type `t` (B then I tags).
fn span_score(emit: &Emissions, a: usize, b: usize, t: usize) -> f64 {
    (a..b)
        .filter_map(|i| emit.get(i))
        .enumerate()
        .map(|(k, row)| row[if k == 0 { 1 + 2 * t } else { 2 + 2 * t }])
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::NL;

    fn row(b_per: f64, b_org: f64) -> [f64; NL] {
        let mut r = [0.0; NL];
        r[1] = b_per;
        r[3] = b_org;
        r
    }

    #[test]
    fn the_type_with_most_evidence_wins_for_every_mention() {
        let doc = Doc::new("Acme rose. Acme fell. Acme won.");
        let at: Vec<usize> = (0..doc.tokens.len())
            .filter(|&i| doc.token_text(i) == "Acme")
            .collect();
        let mut emit = vec![[0.0; NL]; doc.tokens.len()];
        // One confident organisation, two hesitant persons.
        emit[at[0]] = row(-5.0, 9.0);
        emit[at[1]] = row(2.0, 1.0);
        emit[at[2]] = row(2.0, 1.5);
        let mut spans = vec![
            (at[0], at[0] + 1, 1),
            (at[1], at[1] + 1, 0),
            (at[2], at[2] + 1, 0),
        ];
        one_type_per_name(&doc, &mut spans, &emit);
        assert!(spans.iter().all(|s| s.2 == 1), "{spans:?}");
    }

    #[test]
    fn different_names_and_agreeing_mentions_are_left_alone() {
        let doc = Doc::new("Acme rose. Apex fell.");
        let emit = vec![[0.0; NL]; doc.tokens.len()];
        let mut spans = vec![(0, 1, 1), (3, 4, 0)];
        one_type_per_name(&doc, &mut spans, &emit);
        assert_eq!(spans, vec![(0, 1, 1), (3, 4, 0)]);
        let mut empty = Vec::new();
        one_type_per_name(&doc, &mut empty, &emit);
    }
}
