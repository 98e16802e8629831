//! Attributions of speech: direct, indirect and mixed quotes with resolved speakers.
//!
//! One pass over the sentences. Every cue ("said", "told", "according to") outside quote marks
//! gets a subject (before it, after it when inverted, or the previous speaker for a participle
//! such as "adding"); the cue then claims a quoted span next to it (direct), or the clause it
//! introduces or closes (indirect; mixed when that clause holds a quoted fragment). Quoted
//! paragraphs without a cue continue the previous speaker. Everything is linear in the tokens.

mod attribution;
mod cue_parts;
mod described;
mod marks;
mod passive;
mod speakers;
mod word_classes;

use claimtrail_text::{Doc, Entity, Quote};

/// Quotes of a document, in text order. `entities` are the document's entity mentions (may be
/// empty: a fallback finder supplies speaker candidates then).
pub fn find_quotes(doc: &Doc, entities: &[Entity]) -> Vec<Quote> {
    attribution::attribute(doc, entities, &[])
}

/// [`find_quotes`] for a text whose page set some paragraphs off as block quotations
/// (`block_quotes`: their byte ranges, as the article stage gives them). Such a paragraph is a
/// direct quote without quote marks: the speaker is the one in play just before it (the last
/// named speaker of the paragraph before it, else the last person that paragraph names), or a
/// credit line under it ("— Jo Roe").
pub fn find_quotes_with_blocks(
    doc: &Doc,
    entities: &[Entity],
    block_quotes: &[std::ops::Range<usize>],
) -> Vec<Quote> {
    attribution::attribute(doc, entities, block_quotes)
}
