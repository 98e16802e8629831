//! Named entities over a [`Doc`]: PERSON, ORG, GPE, LOC, NORP, MISC, each mention with its
//! canonical name (document-level: "Jean-Pierre" → "Karine Jean-Pierre") and, for persons, the
//! role the document gives them.
//!
//! The tagger ([`tagger`]) is an averaged perceptron trained on CoNLL-2003 by `train-ner`;
//! its weights are embedded (`model/ner.bin`). Gazetteers ([`gazetteer`]) feed it features and
//! split its coarse types into ours.

mod canonical;
pub mod features;
pub mod gazetteer;
mod roles;
pub mod tagger;

use claimtrail_text::{Doc, Entity};
use std::sync::LazyLock;

pub use gazetteer::Gender;

static MODEL: LazyLock<tagger::Model> = LazyLock::new(|| {
    tagger::Model::from_bytes(include_bytes!("../model/ner.bin")).unwrap_or_else(tagger::Model::empty)
});

/// Entity mentions of a document, in text order.
pub fn recognize(doc: &Doc) -> Vec<Entity> {
    let mut m: &tagger::Model = &MODEL;
    let tags = tagger::tag_doc(doc, &gazetteer::GAZ, &mut m, None);
    let mut ents: Vec<Entity> = tagger::spans(&tags)
        .into_iter()
        .map(|(a, b, ty)| {
            let (start, end) = (doc.tokens[a].start, doc.tokens[b - 1].end);
            let text = doc.text[start..end].to_string();
            Entity {
                kind: our_type(ty, &text).to_string(),
                canonical: text.clone(),
                text,
                start,
                end,
                role: None,
            }
        })
        .collect();
    canonical::resolve(doc, &mut ents);
    roles::attach(doc, &mut ents);
    ents
}

/// Our type for a CoNLL type: places split into GPE and LOC (regions, seas, rivers), MISC
/// into NORP (nationalities and groups) and MISC.
fn our_type(conll: usize, text: &str) -> &'static str {
    use gazetteer::{DEMONYM, GAZ, REGION};
    match conll {
        0 => "PERSON",
        1 => "ORG",
        2 if GAZ.classes(text) & (1 << REGION) != 0 => "LOC",
        2 => "GPE",
        _ if GAZ.classes(text) & (1 << DEMONYM) != 0 => "NORP",
        _ => "MISC",
    }
}

/// The usual gender of a first name ("Karine" → female), for resolving "she"/"he".
pub fn first_name_gender(name: &str) -> Option<Gender> {
    gazetteer::GAZ.gender(name.split_whitespace().next().unwrap_or(""))
}
