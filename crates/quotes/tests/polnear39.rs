//! Golden tests for session 39's general PolNeAR kinds (quote boundaries and speaker phrases), on
//! sentences written for these tests.

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, Entity, EntityKind, QuoteKind};

mod common;
use common::{find, named};

fn person(t: &str, name: &str) -> Vec<Entity> {
    vec![named(t, name, EntityKind::Person)]
}

#[test]
fn a_doubled_apostrophe_quotation_after_an_indirect_clause_stands_alone() {
    let t = "Marta Quill argues there is little point in more sanctions now. ''We must not \
             overreact to this,'' she told me.";
    let qs = find_quotes(&Doc::new(t), &person(t, "Marta Quill"));
    let indirect = find(&qs, "little point");
    assert!(!indirect.text.contains("''"), "{qs:#?}");
    assert!(!indirect.text.contains("overreact"), "{qs:#?}");
    let direct = find(&qs, "We must not overreact");
    assert_eq!(direct.kind, QuoteKind::Direct);
    assert_eq!(direct.speaker.as_deref(), Some("Marta Quill"));
}

#[test]
fn a_title_quoted_in_an_opening_adverbial_is_no_quotation() {
    let t = "In an interview on NBC's \"Sunday Roundup,\" Alden Pryce said the party would \
             hold its majority in the fall.";
    let qs = find_quotes(&Doc::new(t), &person(t, "Alden Pryce"));
    let q = find(&qs, "the party would hold");
    assert_eq!(q.speaker.as_deref(), Some("Alden Pryce"));
    assert!(qs.iter().all(|q| !q.text.contains("Roundup")), "{qs:#?}");
}

#[test]
fn a_title_opening_the_sentence_after_a_person_is_not_theirs() {
    let t = "Jack Tallis, the clever agent, is returning to the network in the fall. \
             ''Harbor Lights,'' a drama that first aired in 1991, will come back as well.";
    let qs = find_quotes(&Doc::new(t), &person(t, "Jack Tallis"));
    assert!(
        qs.iter()
            .all(|q| !q.text.contains("Harbor Lights") || q.speaker.is_none()),
        "{qs:#?}"
    );
}

#[test]
fn long_after_an_auxiliary_is_no_speaker() {
    let t = "Senator Hale has long said the tax code should be scrapped entirely.";
    let qs = find_quotes(&Doc::new(t), &person(t, "Hale"));
    let q = find(&qs, "tax code should be scrapped");
    assert_eq!(q.speaker.as_deref(), Some("Hale"));
    assert_ne!(q.speaker_mention.as_deref(), Some("long"));
}

#[test]
fn a_writer_named_before_the_outlet_he_writes_for_speaks() {
    let t = "\"The race is far from over,\" wrote Jane Easlow for Morning Consult.";
    let qs = find_quotes(&Doc::new(t), &person(t, "Jane Easlow"));
    let q = find(&qs, "far from over");
    assert_eq!(q.speaker.as_deref(), Some("Jane Easlow"));
    assert_eq!(q.speaker_mention.as_deref(), Some("Jane Easlow"));
}

#[test]
fn a_number_and_a_role_before_an_inverted_name_are_no_obstacle() {
    let t = "The law has failed the families, said 9/11 widow Terry Strand on Monday.";
    let qs = find_quotes(&Doc::new(t), &person(t, "Terry Strand"));
    let q = find(&qs, "failed the families");
    assert_eq!(q.speaker.as_deref(), Some("Terry Strand"));
    let mention = q.speaker_mention.as_deref().unwrap_or("");
    assert!(!mention.ends_with(" on"), "{mention}");
}

#[test]
fn a_dash_after_an_apposition_closes_the_subject() {
    let t = "John Dickens, the chief executive of Harbor Media, -- told me the company would \
             not change course.";
    let qs = find_quotes(&Doc::new(t), &person(t, "John Dickens"));
    let q = find(&qs, "would not change course");
    assert_eq!(q.speaker.as_deref(), Some("John Dickens"));
}

#[test]
fn a_quantified_subject_of_a_trailing_cue_speaks() {
    let t = "After some early trouble, the new plant has created hundreds of jobs in the \
             county, one West Virginia official said.";
    let qs = find_quotes(&Doc::new(t), &[]);
    let q = find(&qs, "hundreds of jobs");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("one West Virginia official")
    );
}

#[test]
fn a_trailing_cue_reports_the_whole_clause_past_an_inner_cue() {
    let t = "Security protocol called for the candidate to be moved away from the stage, \
             sources said.";
    let qs = find_quotes(&Doc::new(t), &[]);
    let q = qs
        .iter()
        .find(|q| q.speaker_mention.as_deref() == Some("sources"))
        .unwrap_or_else(|| panic!("{qs:#?}"));
    assert!(
        q.text.starts_with("Security protocol called for"),
        "{qs:#?}"
    );
}

#[test]
fn a_trailing_cue_stops_at_another_trailing_attribution() {
    let t = "In Seattle, marchers carried white roses, the Harbor Post reported, while in \
             Chicago the parade began with a moment of silence, the Lake Times reported.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert!(
        qs.iter().all(|q| !(q.text.contains("Seattle")
            && q.speaker_mention.as_deref() == Some("the Lake Times"))),
        "{qs:#?}"
    );
}
