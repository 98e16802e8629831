//! Figures: numbers with value, hedge, unit, what they count, who claims them and as of when.
//! Placeholder until the figures stage lands: finds nothing.

use chrono::NaiveDate;
use claimtrail_text::{Doc, Entity, Figure, Quote, TimeExpr};

/// What the earlier stages found, for attributing figures.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    pub times: &'a [TimeExpr],
    pub published: Option<NaiveDate>,
}

/// Figures of a document, in text order.
pub fn find_figures(_doc: &Doc, _ctx: &Context) -> Vec<Figure> {
    Vec::new()
}
