//! Attributions of speech: direct, indirect and mixed quotes with resolved speakers.
//! Placeholder until the quotes stage lands: finds nothing.

use claimtrail_text::{Doc, Entity, Quote};

/// Quotes of a document, in text order. `entities` are the document's entity mentions.
pub fn find_quotes(_doc: &Doc, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
