//! Helpers shared by the quote test files (each file is its own test crate and uses some).
#![allow(dead_code)]

use claimtrail_text::{Entity, EntityKind, Quote};

/// The entity the tagger would give for the first `name` in `t`, canonical as written.
pub fn named(t: &str, name: &str, kind: EntityKind) -> Entity {
    named_as(t, name, kind, None)
}

/// [`named`] with the role the tagger's layer gives the person.
pub fn named_as(t: &str, name: &str, kind: EntityKind, role: Option<&str>) -> Entity {
    let start = t.find(name).expect("the name is in the text");
    Entity {
        text: name.into(),
        kind,
        start,
        end: start + name.len(),
        canonical: name.into(),
        role: role.map(str::to_string),
    }
}

/// The quote whose text contains `needle`.
pub fn find<'q>(qs: &'q [Quote], needle: &str) -> &'q Quote {
    qs.iter()
        .find(|q| q.text.contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?} in {qs:#?}"))
}
