//! Roles and titles of persons, from three general patterns around a person mention:
//! a pre-modifier ending in a title noun ("White House spokeswoman Karine Jean-Pierre",
//! "NATO Secretary General Mark Rutte"), an apposition after ("John Kirby, the National
//! Security Council spokesman,") and an apposition before ("the spokesperson of the US State
//! Department, Matthew Miller"). A person's role then goes to all mentions of the same canonical.

use crate::gazetteer::{GAZ, TITLE};
use claimtrail_text::{Doc, Entity, EntityKind};
use rustc_hash::FxHashMap as HashMap;

fn is_title(w: &str) -> bool {
    let first = w.chars().next();
    if !first.is_some_and(char::is_alphabetic) {
        return false;
    }
    GAZ.word_classes(w) & (1 << TITLE) != 0
}

fn is_det(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    )
}

const LINKS: [&str; 5] = ["of", "for", "at", "to", "on"];

/// Whether a phrase (token indices) reads as a role: ends in a title noun, or has a title noun
/// followed by of/for/at ("spokesperson of the State Department").
fn role_phrase(doc: &Doc, toks: &[usize]) -> bool {
    let Some(&last) = toks.last() else {
        return false;
    };
    if is_title(doc.token_text(last)) {
        return true;
    }
    toks.windows(2).any(|w| {
        is_title(doc.token_text(w[0]))
            && LINKS.contains(&doc.token_text(w[1]).to_lowercase().as_str())
    })
}

/// Index of the token starting at byte `pos`, if any.
fn token_at(doc: &Doc, pos: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.start < pos);
    (i < doc.tokens.len() && doc.tokens[i].start == pos).then_some(i)
}

fn span_text(doc: &Doc, a: usize, b: usize) -> String {
    doc.text[doc.tokens[a].start..doc.tokens[b].end].to_string()
}

/// Role of one mention, given whether each token lies inside a non-person entity.
fn role_of(doc: &Doc, e: &Entity, in_entity: &[bool]) -> Option<String> {
    let first = token_at(doc, e.start)?;
    let last = doc
        .tokens
        .partition_point(|t| t.end <= e.end)
        .checked_sub(1)?;
    let sent = doc.sentences.get(doc.sentence_at(e.start)?)?;
    let (lo, hi) = (sent.first_token, sent.end_token);
    // 1. Pre-modifier: title noun right before the name, extended left over title words,
    //    entity tokens and capitalised words.
    if first > lo && is_title(doc.token_text(first - 1)) {
        let mut a = first - 1;
        while a > lo && first - a < 8 {
            let w = doc.token_text(a - 1);
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            // "Secretary of State": "of" between two title words.
            let inner_of = w == "of" && a >= lo + 2 && is_title(doc.token_text(a - 2));
            // A capitalised sentence opener that is neither entity nor title ("Yesterday").
            let opener = a - 1 == lo && !in_entity[a - 1] && !is_title(w);
            let ok = (is_title(w) || in_entity[a - 1] || cap || w == "'s" || w == "’s" || inner_of)
                && !opener
                && !is_det(w)
                && !is_function_word(w)
                && w.chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’');
            if !ok {
                break;
            }
            a -= 1;
        }
        return Some(span_text(doc, a, first - 1));
    }
    // 2. Apposition after: "Name, the X spokesman,".
    if last + 2 < hi && doc.token_text(last + 1) == "," {
        let mut a = last + 2;
        let det = is_det(doc.token_text(a));
        if det {
            a += 1;
        }
        // Without a determiner the apposition opens with a name or its title comes within
        // three words ("Kirby, National Security Council spokesman,", "Roe, former
        // spokesman for …,"); otherwise a lower-case word opens a predicate ("Roe, voiced
        // support for the candidate on Monday,").
        let title_soon = (a..hi.min(a + 3)).any(|i| is_title(doc.token_text(i)));
        let predicate = !det
            && !title_soon
            && a < hi
            && !doc
                .token_text(a)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        let mut b = a;
        while b < hi && b - a < 10 {
            let w = doc.token_text(b);
            if matches!(
                w,
                "," | "." | ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "—" | "–"
            ) || matches!(w, "said" | "says" | "told" | "who" | "and")
            {
                break;
            }
            b += 1;
        }
        let toks: Vec<usize> = (a..b).collect();
        if b > a && !predicate && role_phrase(doc, &toks) {
            return Some(span_text(doc, a, b - 1));
        }
    }
    // 3. Apposition before: "the spokesperson of the State Department, Name".
    if first >= lo + 2 && doc.token_text(first - 1) == "," {
        let end = first - 2;
        let mut a = end;
        while a > lo && end - a < 10 {
            let w = doc.token_text(a - 1);
            if matches!(w, "," | "." | ";" | ":" | "\"" | "“" | "”") {
                break;
            }
            if is_det(w) && !is_det_inside(doc, a - 1, lo) {
                break;
            }
            a -= 1;
        }
        let toks: Vec<usize> = (a..=end).collect();
        if a > lo && is_det(doc.token_text(a - 1)) && role_phrase(doc, &toks) {
            return Some(span_text(doc, a, end));
        }
        // "Berg's lawyer, Jane Ruiz,": a possessor opens the phrase; it stays in the role,
        // which says whose the role is.
        let possessor = toks
            .iter()
            .take(4)
            .position(|&i| matches!(doc.token_text(i), "'s" | "’s"));
        if let Some(k) = possessor.filter(|&k| k > 0 && k + 1 < toks.len()) {
            if role_phrase(doc, &toks[k + 1..]) {
                return Some(span_text(doc, a, end));
            }
        }
    }
    None
}

/// Capitalised function words at a sentence start ("At President Biden's request").
fn is_function_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "at" | "in"
            | "on"
            | "for"
            | "by"
            | "with"
            | "from"
            | "to"
            | "and"
            | "but"
            | "as"
            | "after"
            | "before"
            | "when"
            | "while"
            | "said"
            | "says"
            | "then"
            | "now"
            | "if"
            | "that"
            | "this"
            | "because"
            | "under"
            | "former"
            | "late"
    ) && w != "of"
}

/// A determiner right after of/for/at belongs inside the phrase ("of the State Department").
fn is_det_inside(doc: &Doc, i: usize, lo: usize) -> bool {
    i > lo && LINKS.contains(&doc.token_text(i - 1).to_lowercase().as_str())
}

pub fn attach(doc: &Doc, ents: &mut [Entity]) {
    let mut in_entity = vec![false; doc.tokens.len()];
    let mut k = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        while k < ents.len() && ents[k].end <= t.start {
            k += 1;
        }
        in_entity[i] =
            k < ents.len() && ents[k].start <= t.start && ents[k].kind != EntityKind::Person;
    }
    let mut by_canonical: HashMap<String, String> = HashMap::default();
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        e.role = role_of(doc, e, &in_entity);
        if let Some(r) = &e.role {
            // The fullest role the document gives this person goes to their bare mentions.
            let slot = by_canonical.entry(e.canonical.clone()).or_default();
            if r.len() > slot.len() {
                *slot = r.clone();
            }
        }
    }
    for e in ents
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Person && e.role.is_none())
    {
        e.role = by_canonical.get(&e.canonical).cloned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role `attach` gives the person `name` (the first in `t`).
    fn role_of(t: &str, name: &str) -> Option<String> {
        let d = Doc::new(t);
        let start = t.find(name).unwrap();
        let mut ents = vec![Entity {
            text: name.into(),
            kind: EntityKind::Person,
            start,
            end: start + name.len(),
            canonical: name.into(),
            role: None,
        }];
        attach(&d, &mut ents);
        ents.remove(0).role
    }

    #[test]
    fn a_possessed_role_before_the_name_keeps_its_possessor() {
        let t = "Berg's lawyer, Jane Ruiz, called the charges baseless.";
        assert_eq!(role_of(t, "Jane Ruiz").as_deref(), Some("Berg's lawyer"));
    }

    #[test]
    fn a_predicate_after_the_name_is_no_role() {
        let t = "Later, Marine Lebrun, voiced support for the candidate on Wednesday, saying so.";
        assert_eq!(role_of(t, "Marine Lebrun"), None);
    }
}
