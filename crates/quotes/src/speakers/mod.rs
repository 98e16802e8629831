//! Who is speaking: the people and organisations of a document, and the resolution of a subject
//! phrase ("he", "the spokesperson", "Kirby", "The White House") to a canonical name.
//!
//! People come from the entity layer when it is given; otherwise (and for anything the layer
//! misses) from a fallback finder over capitalised runs: a run is a person when it has two or
//! more words and a known given name, or a title ("President", "spokeswoman") before it.

mod antecedents;
mod name_runs;
mod noun_classes;
mod org_names;
mod register;
mod resolve;
mod roles;
#[cfg(test)]
mod tests;

pub(crate) use noun_classes::{
    is_accusing_noun, is_document_noun, is_group_noun, is_naming_verb, is_org_noun,
};

// Fx: asked per capitalised token; nothing iterates over these maps.
use rustc_hash::FxHashMap as HashMap;

use crate::word_classes::is_time_word;
use claimtrail_lexicon::{with_lowercase as lc, Gender};
use claimtrail_text::{Doc, EntityKind, TokenKind};

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub gender: Gender,
    pub role: Option<String>,
}

/// A resolved speaker.
#[derive(Debug, Clone, Default)]
pub struct Speaker {
    pub name: Option<String>,
    pub mention: String,
    pub kind: Option<EntityKind>,
    pub role: Option<String>,
    /// Index into [`People::persons`] when a person.
    pub person: Option<usize>,
    pub gender: Option<Gender>,
    /// The token where the mention starts.
    pub at: usize,
}

/// The people of a document and where they are mentioned (token index, outside quotes only).
#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    by_full: HashMap<String, usize>,
    by_last: HashMap<String, usize>,
    /// (token index, person) in text order.
    mentions: Vec<(usize, usize)>,
    /// Entity spans (token range, person or org) from the entity layer.
    entity_spans: Vec<(usize, usize, EntityRef)>,
    /// Token ranges the entity layer named as something other than a person (places,
    /// organisations, works), sorted by start: no person is re-named there.
    not_people: Vec<(usize, usize)>,
    /// The one person the article presents as leading a team of researchers ("Dr. Shadlen and
    /// colleagues", "lead author Jo Roe", "a study led by Jo Roe"), if exactly one.
    /// Found on first need: most documents never ask.
    team_lead: std::cell::OnceCell<Option<usize>>,
}

#[derive(Debug, Clone)]
enum EntityRef {
    Person(usize),
    Org(String),
}

impl People {
    /// True when one person or organisation the entity layer tagged spans tokens `a..b`
    /// whole (it may run on past them).
    pub(crate) fn tagged(&self, a: usize, b: usize) -> bool {
        self.entity_spans
            .iter()
            .any(|&(ea, eb, _)| ea <= a && eb >= b)
    }
}

pub fn word<'a>(doc: &Doc<'a>, i: usize) -> &'a str {
    doc.token_text(i)
}

fn is_cap(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Word
        && crate::word_classes::is_capitalised(doc.token_text(i))
        && !lc(doc.token_text(i), is_time_word)
}
