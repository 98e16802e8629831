//! Time expressions with TimeML values resolved against a reference date.
//! Placeholder until the times stage lands: finds nothing.

use chrono::NaiveDate;
use claimtrail_text::{Doc, TimeExpr};

/// Time expressions of a document, in text order. Relative values stay `None` without a
/// reference date.
pub fn find_times(_doc: &Doc, _reference: Option<NaiveDate>) -> Vec<TimeExpr> {
    Vec::new()
}
