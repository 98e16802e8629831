//! Golden tests for session 38's speaker kinds (news quotes batch 12), on sentences written
//! for these tests.

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, EntityKind};

mod common;
use common::{find, named_as as named};

#[test]
fn according_to_after_a_short_opening_reports_the_clause_after_it() {
    let t = "The county changed its rules last week.\n\nIn the meantime, according to the \
             report, inspectors should keep visiting every farm twice a year.";
    let qs = find_quotes(&Doc::new(t), &[]);
    let q = find(&qs, "inspectors should keep visiting");
    assert_eq!(q.speaker.as_deref(), Some("report"));
    assert!(qs.iter().all(|q| !q.text.contains("meantime")), "{qs:#?}");
}

#[test]
fn a_memorandum_speaks_as_a_document() {
    let t = "The memorandum said agencies must consult the state biologists before building.";
    let qs = find_quotes(&Doc::new(t), &[]);
    let q = find(&qs, "agencies must consult");
    assert_eq!(q.speaker.as_deref(), Some("memorandum"));
}

#[test]
fn an_outlet_quoting_a_person_as_saying_gives_the_person() {
    let t = "Police said the officers had acted properly.\n\n“They ran out of the van so \
             fast,” the Valley Courier quoted neighbour Dana Whitlock as saying.";
    let ents = vec![
        named(t, "Valley Courier", EntityKind::Org, None),
        named(t, "Dana Whitlock", EntityKind::Person, None),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "They ran out of the van");
    assert_eq!(q.speaker.as_deref(), Some("Dana Whitlock"));
}

#[test]
fn an_outlet_quoting_an_unnamed_official_in_a_place_gives_no_place() {
    // The capitalised word between "quoted" and "as saying" is a place inside a prepositional
    // phrase; the one quoted is "an official", unnamed.
    let t = "Floods cut the coast road on Sunday.\n\n“The bridges are gone,” Radio Nord quoted \
             an official in the province of Dorvale as saying.";
    let ents = vec![
        named(t, "Radio Nord", EntityKind::Org, None),
        named(t, "Dorvale", EntityKind::Gpe, None),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "The bridges are gone");
    let speaker = q.speaker.as_deref().unwrap_or("");
    assert!(!speaker.contains("Dorvale"), "{q:#?}");
}

#[test]
fn a_pronoun_with_will_contracted_is_the_pronoun() {
    let t = "Director Sam Ortega wants a raise for the sequel.\n\nHe'll argue that his film \
             was better received than any other this year.";
    let ents = vec![named(t, "Sam Ortega", EntityKind::Person, Some("Director"))];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "better received");
    assert_eq!(q.speaker.as_deref(), Some("Sam Ortega"));
}

#[test]
fn a_person_of_an_organisation_whose_name_holds_a_cue_word_speaks() {
    let t = "Jane Miller of the League of Concerned Farmers, a lobby group, said the switch \
             would help small growers.";
    let ents = vec![
        named(t, "Jane Miller", EntityKind::Person, None),
        named(t, "League of Concerned Farmers", EntityKind::Org, None),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "the switch would help");
    assert_eq!(q.speaker.as_deref(), Some("Jane Miller"));
}

#[test]
fn a_lower_case_modifier_tells_two_holders_of_a_role_apart() {
    let t = "In a statement, the transport secretary, Nora Finch, and the energy secretary, \
             Omar Patel, agreed.\n\nThe energy secretary said he would ask the courts to \
             overturn the permit.";
    let ents = vec![
        named(
            t,
            "Nora Finch",
            EntityKind::Person,
            Some("transport secretary"),
        ),
        named(
            t,
            "Omar Patel",
            EntityKind::Person,
            Some("energy secretary"),
        ),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "ask the courts");
    assert_eq!(q.speaker.as_deref(), Some("Omar Patel"));
}
