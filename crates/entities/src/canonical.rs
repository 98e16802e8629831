//! Document-level consistency: every mention gets a canonical name. Persons: the longest
//! person name of the document that contains the mention's words in order ("Jean-Pierre" →
//! "Karine Jean-Pierre", "Biden" → "Joe Biden"); a bare surname the tagger missed is added as a
//! person when a full name of the document ends with it. Places and organisations: gazetteer
//! aliases ("DPRK" → "North Korea") and acronyms the document defines ("... Service (NIS)").

use crate::gazetteer::GAZ;
use claimtrail_text::{Doc, Entity, EntityKind};
use std::collections::{HashMap, HashSet};

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Whether `part` occurs as a contiguous run of words in `whole`.
fn contains_words(whole: &[&str], part: &[&str]) -> bool {
    !part.is_empty() && part.len() <= whole.len() && whole.windows(part.len()).any(|w| w == part)
}

/// Lower-cased key, words joined by single spaces, as in the gazetteer.
fn key(doc: &Doc, e: &Entity) -> String {
    let mut k = String::new();
    let first = doc.tokens.partition_point(|t| t.start < e.start);
    for t in doc.tokens[first..].iter().take_while(|t| t.end <= e.end) {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(&doc.text[t.start..t.end].to_lowercase());
    }
    k
}

pub fn resolve(doc: &Doc, ents: &mut Vec<Entity>) {
    add_missed_surnames(doc, ents);
    // Persons: longest containing name.
    let mut names: Vec<String> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.text.clone())
        .collect();
    // Distinct names only, first seen first: keeps the lookups below linear in mentions.
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        for w in words(n) {
            // Once per name: a name repeating a word ("Kim Lee Kim Lee ...") would otherwise be
            // listed, and its words compared, once per repeat (quadratic).
            let list = by_word.entry(w).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    // The answer per distinct mention: a mention repeated in a long list of names sharing a word
    // would otherwise compare against every one of them each time (quadratic).
    let mut longest: HashMap<String, Option<&str>> = HashMap::new();
    for e in ents.iter_mut() {
        let ws = words(&e.text);
        if ws.is_empty() {
            continue;
        }
        if e.kind == EntityKind::Person {
            let best = *longest.entry(e.text.clone()).or_insert_with(|| {
                // A containing name has every word of the mention: its rarest word lists fewest.
                let candidates = ws
                    .iter()
                    .map(|w| by_word.get(w).map(Vec::as_slice).unwrap_or(&[]))
                    .min_by_key(|l| l.len())
                    .unwrap_or(&[]);
                let mut best: Option<&str> = None;
                for &i in candidates {
                    let nw = words(&names[i]);
                    if nw.len() > ws.len()
                        && contains_words(&nw, &ws)
                        && best.is_none_or(|b| words(b).len() < nw.len())
                    {
                        best = Some(&names[i]);
                    }
                }
                best
            });
            if let Some(b) = best {
                // A single word inside a person's name is that person, whatever the tagger said.
                e.kind = EntityKind::Person;
                e.canonical = b.to_string();
                continue;
            }
        }
        if e.kind != EntityKind::Person {
            if let Some(c) = GAZ.aliases.get(&key(doc, e)) {
                e.canonical = c.clone();
            }
        }
    }
    define_acronyms(doc, ents);
}

/// "National Intelligence Service (NIS)": later "NIS" takes the full name as canonical.
fn define_acronyms(doc: &Doc, ents: &mut [Entity]) {
    let mut defs: HashMap<String, String> = HashMap::new();
    for w in ents.windows(2) {
        let (full, short) = (&w[0], &w[1]);
        let between = doc.text.get(full.end..short.start).unwrap_or("").trim();
        let after = doc.text.get(short.end..).unwrap_or("").trim_start();
        if between == "(" && after.starts_with(')') && words(&full.text).len() > 1 {
            let initials: String = words(&full.text)
                .iter()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if initials == short.text {
                defs.insert(short.text.clone(), full.canonical.clone());
            }
        }
    }
    if defs.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        if let Some(c) = defs.get(&e.text) {
            e.canonical = c.clone();
        }
    }
}

/// Capitalised tokens outside any entity that equal the last word of a multi-word person name.
fn add_missed_surnames(doc: &Doc, ents: &mut Vec<Entity>) {
    let surnames: HashSet<String> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            let ws = words(&e.text);
            let last = ws.last()?;
            (ws.len() > 1 && last.chars().count() > 2).then(|| last.to_string())
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    crate::add_for_uncovered_tokens(doc, ents, |w, t| {
        surnames.contains(w).then(|| Entity {
            text: w.to_string(),
            kind: EntityKind::Person,
            start: t.start,
            end: t.end,
            canonical: w.to_string(),
            role: None,
        })
    });
}
