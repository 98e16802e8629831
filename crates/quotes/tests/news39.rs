//! Golden tests for session 39's kinds (news quotes batch 13), on sentences written for these
//! tests.

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, EntityKind};

mod common;
use common::{find, named};

#[test]
fn a_described_speaker_named_after_the_cue_is_the_name() {
    let t = "The fire started after midnight. “We are just devastated,” said her cousin, Dana \
             Whitlock, 41, of Riverside.";
    let ents = vec![named(t, "Dana Whitlock", EntityKind::Person)];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "We are just devastated");
    assert_eq!(q.speaker.as_deref(), Some("Dana Whitlock"));
}

#[test]
fn two_names_after_the_cue_closed_by_an_adverb_speak() {
    let t = "Jo Roe will star in the film. “We are delighted to have her,” said Abrams and \
             Kessler jointly.";
    let ents = vec![
        named(t, "Jo Roe", EntityKind::Person),
        named(t, "Abrams", EntityKind::Person),
        named(t, "Kessler", EntityKind::Person),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "We are delighted");
    assert_eq!(q.speaker.as_deref(), Some("Abrams"));
}

#[test]
fn the_head_noun_of_a_named_organisation_is_that_organisation() {
    let t = "The Royal Navy stopped a smuggling boat on Monday. A patrol from the coast guard \
             joined later. Officers found 40 kilograms of cocaine on board, the navy said.";
    let ents = vec![named(t, "Royal Navy", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "Officers found 40 kilograms");
    assert_eq!(q.speaker.as_deref(), Some("Royal Navy"));
}

#[test]
fn the_noun_written_after_an_organisations_name_is_that_organisation() {
    let t = "The state-run Tass news agency said the ship sank. The news agency also reported \
             that two sailors were missing.";
    let ents = vec![named(t, "Tass", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "two sailors were missing");
    assert_eq!(q.speaker.as_deref(), Some("Tass"));
}

#[test]
fn according_to_after_an_opening_of_several_short_pieces_reports_the_clause_after_it() {
    let t = "The plant closed in May.\n\nThen, on March 3, 2019, according to a former worker, \
             the manager locked the gates.";
    let qs = find_quotes(&Doc::new(t), &[]);
    let q = find(&qs, "the manager locked the gates");
    assert!(!q.text.contains("March"), "{q:#?}");
    assert!(qs.iter().all(|q| !q.text.starts_with("Then")), "{qs:#?}");
}

#[test]
fn a_statement_from_an_organisation_speaks_as_the_organisation() {
    let t = "Roe escaped from the van on foot, the statement from the Ohio Department of \
             Corrections said.";
    let ents = vec![named(t, "Ohio Department of Corrections", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "Roe escaped from the van");
    assert_eq!(q.speaker.as_deref(), Some("Ohio Department of Corrections"));
}

#[test]
fn the_comedian_is_the_person_just_named() {
    let t = "Jo Roe will host the awards next year.\n\n“I would like to thank my wife,” the \
             comedian added on Twitter.";
    let ents = vec![named(t, "Jo Roe", EntityKind::Person)];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "I would like to thank my wife");
    assert_eq!(q.speaker.as_deref(), Some("Jo Roe"));
}
