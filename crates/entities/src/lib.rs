//! Named entities over a [`Doc`]: PERSON, ORG, GPE, LOC, NORP, MISC, each mention with its
//! canonical name (document-level: "Jean-Pierre" → "Karine Jean-Pierre") and, for persons, the
//! role the document gives them. Placeholder until the tagger lands: finds nothing.

use claimtrail_text::{Doc, Entity};

/// Entity mentions of a document, in text order.
pub fn recognize(_doc: &Doc) -> Vec<Entity> {
    Vec::new()
}
