//! Speakers first described, then named: a news lede often gives a speaker as "a computer
//! programmer" or "the mother of a woman who …" and names them a paragraph or two later
//! ("her mother, Fiona Parry, said"). A document-level pass over the quotes found: a quote whose
//! speaker is only such a description takes the person named later, when the evidence is strong.
//!
//! Two kinds of evidence count, and nothing else:
//! - the description's head noun (or a word with its role key) is attached to the later person
//!   as a role or apposition ("her mother, Fiona", "Fiona Parry, the mother");
//! - the description is indefinite and in the article's first paragraphs, and the very next
//!   named person speaker is introduced (first mention, no one else named in between) in one of
//!   the next two paragraphs with a role noun that is no title ("developer Ammar Askar"). A
//!   title ("Police chief John Smith") names an official, not the witness described before.
//!
//! Every look-up is bounded: a few later quotes, a few tokens around a mention.

use claimtrail_text::{Doc, EntityKind, TokenKind};

use crate::marks::starts_paragraph;
use crate::speakers::{word, People, Speaker};
use crate::word_classes::{is_role_noun, is_title, role_gender, role_key};
use claimtrail_lexicon::with_lowercase as lc;
use claimtrail_lexicon::Gender;

/// Later quotes looked at for the person a description stands for.
const REACH_QUOTES: usize = 16;
/// Tokens between a description and the naming looked at (a lede's next paragraphs).
const REACH_TOKENS: usize = 600;
/// Paragraphs from the start a description counts as the lede's.
const LEDE_PARAGRAPHS: usize = 3;
/// Tokens either side of a mention searched for its role or apposition.
const WINDOW: usize = 6;

/// Names the described speakers of `speakers` (in text order) after the people named later.
pub(crate) fn name_described(doc: &Doc, people: &People, speakers: &mut [&mut Speaker]) {
    for i in 0..speakers.len() {
        let sp = &*speakers[i];
        if sp.person.is_some() || sp.kind == Some(EntityKind::Org) || sp.mention.is_empty() {
            continue;
        }
        let Some((a, b)) = mention_span(doc, sp) else {
            continue;
        };
        let Some((head, indefinite)) = description(doc, a, b) else {
            continue;
        };
        let key = lc(word(doc, head), |w| role_key(w).to_string());
        let want = lc(word(doc, head), role_gender);
        let desc_at = sp.at;
        let mut named: Option<Speaker> = None;
        let mut first_named = true;
        for later in speakers.iter().skip(i + 1).take(REACH_QUOTES) {
            if later.at < b || later.at - desc_at > REACH_TOKENS {
                continue;
            }
            let Some(id) = later.person else {
                // Another speaker named in between: the lede rule no longer applies.
                if later.name.is_some() {
                    first_named = false;
                }
                continue;
            };
            // Described, then named: someone the article named before the description is
            // not introduced by it, and a role's gender must agree ("the mother" is no man).
            let g = people.persons[id].gender;
            let agrees = want == Gender::Unknown || g == Gender::Unknown || g == want;
            if !agrees || people.first_mention_after(id, b - 1, false).is_none() {
                first_named = false;
                continue;
            }
            if people.role_attached(doc, id, b - 1, later.at, &key) {
                named = Some((*later).clone());
                break;
            }
            if first_named
                && indefinite
                && !lc(word(doc, head), is_title)
                && lede_naming(doc, people, id, b - 1)
            {
                named = Some((*later).clone());
                break;
            }
            first_named = false;
        }
        if let Some(n) = named {
            let sp = &mut *speakers[i];
            sp.name = n.name;
            sp.kind = Some(EntityKind::Person);
            sp.person = n.person;
            sp.gender = n.gender;
            sp.role = n.role;
        }
    }
}

/// The tokens of a speaker's mention.
fn mention_span(doc: &Doc, sp: &Speaker) -> Option<(usize, usize)> {
    let t = doc.tokens.get(sp.at)?;
    let end = t.start + sp.mention.len();
    if doc.text.get(t.start..end) != Some(sp.mention.as_str()) {
        return None;
    }
    let b = doc.tokens.partition_point(|t| t.start < end);
    (b > sp.at).then_some((sp.at, b))
}

/// A description of one person (`a..b`): an article, lower-case modifiers and a role noun, with
/// at most a complement after it ("a computer programmer who …", "the mother of a woman").
/// The role noun's token and whether the article is indefinite.
fn description(doc: &Doc, a: usize, b: usize) -> Option<(usize, bool)> {
    let indefinite = match word(doc, a).to_ascii_lowercase().as_str() {
        "a" | "an" => true,
        "the" => false,
        _ => return None,
    };
    // A name anywhere in it ("a Google engineer", "a spokeswoman for Fiorina", "an adviser in
    // the Obama White House") ties the person to someone the article names: the existing
    // resolution's business, and a role others may hold too.
    if (a + 1..b).any(|i| word(doc, i).chars().next().is_some_and(char::is_uppercase)) {
        return None;
    }
    for i in a + 1..b.min(a + 6) {
        let w = word(doc, i);
        // A name among the modifiers ("a Google engineer", "a White House aide") ties the
        // person to it: someone else's business.
        if doc.tokens[i].kind != TokenKind::Word || w.chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        if lc(w, is_role_noun) {
            let ends = i + 1 == b
                || matches!(
                    word(doc, i + 1).to_ascii_lowercase().as_str(),
                    "of" | "for" | "who" | "that" | "with" | "from" | "at" | "in" | ","
                );
            // "The candidate", "the president" alone point back to someone named before; a
            // definite description introduces someone only with a complement ("the mother of
            // a woman who …"), and a title is an office's, not a description's.
            let introduces = indefinite || (i + 1 < b && !lc(w, is_title));
            return (ends && introduces).then_some((i, indefinite));
        }
    }
    None
}

/// The lede rule: person `id` is first mentioned after the description at `desc_at`, no one
/// else named in between, one or two paragraphs on, with a role noun before the name that is no
/// title; the description in the article's first paragraphs.
fn lede_naming(doc: &Doc, people: &People, id: usize, desc_at: usize) -> bool {
    let Some(first) = people.first_mention_after(id, desc_at, true) else {
        return false;
    };
    let Some(desc_para) = paragraph_index(doc, desc_at, LEDE_PARAGRAPHS) else {
        return false;
    };
    let gap = (desc_at + 1..=first)
        .filter(|&t| starts_paragraph(doc, t))
        .take(3)
        .count();
    if desc_para >= LEDE_PARAGRAPHS || !(1..=2).contains(&gap) {
        return false;
    }
    // The role noun right before the name, among lower-case words of its sentence.
    let mut role = false;
    for k in (first.saturating_sub(WINDOW)..first).rev() {
        let w = word(doc, k);
        if doc.tokens[k].kind != TokenKind::Word || starts_paragraph(doc, k + 1) {
            break;
        }
        if lc(w, is_title) {
            return false;
        }
        if w.chars().next().is_some_and(char::is_lowercase) && lc(w, is_role_noun) {
            role = true;
        }
    }
    role
}

/// The paragraph number of token `at`, when below `limit`.
fn paragraph_index(doc: &Doc, at: usize, limit: usize) -> Option<usize> {
    // A lede is short: far into the text is no lede, whatever the paragraphs.
    if at > 400 {
        return None;
    }
    let mut n = 0;
    for t in 1..=at.min(doc.tokens.len().saturating_sub(1)) {
        if starts_paragraph(doc, t) {
            n += 1;
            if n >= limit {
                return None;
            }
        }
    }
    Some(n)
}
