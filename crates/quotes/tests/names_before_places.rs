//! A name before "in", "at" or "from" is the speaker; the phrase after the preposition is where
//! the speaker is or works (session 38, figsrc38).

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, EntityKind};

mod common;
use common::named;

#[test]
fn a_correspondent_in_a_city_speaks_not_the_city() {
    let t = "Radio Zed's Nora Pike in Oslo says the storm felled hundreds of trees.";
    let es = [
        named(t, "Radio Zed", EntityKind::Org),
        named(t, "Nora Pike", EntityKind::Person),
        named(t, "Oslo", EntityKind::Gpe),
    ];
    let qs = find_quotes(&Doc::new(t), &es);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Nora Pike"));
}

#[test]
fn a_person_from_an_agency_speaks_not_the_agency() {
    let t = "Ivo Brandt from the Coastal Relief Agency said the worst-hit towns were cut off.";
    let es = [
        named(t, "Ivo Brandt", EntityKind::Person),
        named(t, "Coastal Relief Agency", EntityKind::Org),
    ];
    let qs = find_quotes(&Doc::new(t), &es);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Ivo Brandt"));
}
