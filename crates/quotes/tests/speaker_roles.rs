//! Golden tests: speakers named through a role the article gave them earlier, and documents
//! that speak (sentences written for these tests).

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, Entity, EntityKind, Quote};

/// The entity the tagger would give for the first `name` in `t`, with no role.
fn named(t: &str, name: &str) -> Entity {
    let start = t.find(name).expect("the name is in the text");
    Entity {
        text: name.into(),
        kind: EntityKind::Person,
        start,
        end: start + name.len(),
        canonical: name.into(),
        role: None,
    }
}

fn speaker_of(qs: &[Quote], needle: &str) -> Option<String> {
    qs.iter()
        .find(|q| q.text.contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?} in {qs:#?}"))
        .speaker
        .clone()
}

#[test]
fn the_sheriff_is_the_person_the_article_introduced_as_sheriff() {
    let t = "The driver stopped after a chase of ten miles, Marsh County Sheriff Dale R. \
             Hennig said.\n\n\
             “He gave up quietly,” the sheriff said.";
    // With the tagger's entity (no role on it) and without any entity.
    for ents in [vec![named(t, "Dale R. Hennig")], vec![]] {
        let qs = find_quotes(&Doc::new(t), &ents);
        assert_eq!(
            speaker_of(&qs, "gave up quietly").as_deref(),
            Some("Dale R. Hennig")
        );
    }
}

#[test]
fn a_headline_crediting_the_sheriff_names_the_article_s_one_sheriff() {
    let t = "Sheriff: Two hikers found safe after a night on the ridge\n\n\
             The hikers walked out on Sunday morning, according to Pike County Sheriff Nora \
             Vance.";
    let qs = find_quotes(&Doc::new(t), &[named(t, "Nora Vance")]);
    assert_eq!(
        speaker_of(&qs, "hikers found safe").as_deref(),
        Some("Nora Vance")
    );
}

#[test]
fn a_role_two_people_hold_names_neither() {
    let t = "Polk County Sheriff Dale Hennig said the road was closed. Lane County Sheriff \
             Mara Quist said the bridge was open.\n\n\
             “We are still searching,” the sheriff said.";
    let qs = find_quotes(
        &Doc::new(t),
        &[named(t, "Dale Hennig"), named(t, "Mara Quist")],
    );
    assert_eq!(speaker_of(&qs, "still searching"), None);
}

#[test]
fn an_autopsy_speaks_as_a_document() {
    let t = "The two officers fired eleven shots, and the autopsy showed that four bullets \
             struck the man from behind.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert_eq!(speaker_of(&qs, "four bullets").as_deref(), Some("autopsy"));
}
