//! Sentences the session-39 review found read worse after that session's rules: a name before
//! "for" that is an organisation's, a lower-case word inside a name, quotations that are
//! statements rather than titles, and an apposition's name with the sentence's full stop.

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, EntityKind};

mod common;
use common::named;

#[test]
fn an_organisation_before_a_role_and_a_name_is_no_writer_and_outlet() {
    let t = "“Deaths rose,” said National Center for Health Statistics director Jo Roe.";
    let qs = find_quotes(&Doc::new(t), &[named(t, "Jo Roe", EntityKind::Person)]);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Jo Roe"), "{qs:#?}");
    // An organisation after "the" is whole, "for" and all.
    let t = "“Deaths rose,” said the National Center for Health Statistics.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(
        qs[0].speaker_mention.as_deref(),
        Some("the National Center for Health Statistics"),
        "{qs:#?}"
    );
}

#[test]
fn a_lower_case_word_inside_a_name_is_no_time_or_place_phrase() {
    let t = "“We won,” said Women in Film president Jo Roe.";
    let qs = find_quotes(&Doc::new(t), &[named(t, "Jo Roe", EntityKind::Person)]);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Jo Roe"), "{qs:#?}");
    let t = "“We won,” said Friends of the Earth at a rally.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert!(
        qs.iter().all(|q| q.speaker.as_deref() != Some("Earth")),
        "{qs:#?}"
    );
}

#[test]
fn a_short_statement_or_one_ending_in_a_full_stop_is_no_title() {
    let t = "On Monday “We won,” Smith said.";
    let qs = find_quotes(&Doc::new(t), &[named(t, "Smith", EntityKind::Person)]);
    assert!(
        qs.iter()
            .any(|q| q.text.contains("We won") && q.speaker.as_deref() == Some("Smith")),
        "{qs:#?}"
    );
    let t = "Jo Roe, the mayor, addressed the crowd on Friday. “I Will Not Go.”";
    let qs = find_quotes(&Doc::new(t), &[named(t, "Jo Roe", EntityKind::Person)]);
    assert!(
        qs.iter()
            .any(|q| q.text.contains("I Will Not Go") && q.speaker.as_deref() == Some("Jo Roe")),
        "{qs:#?}"
    );
}

#[test]
fn an_apposition_name_ends_before_the_sentences_full_stop() {
    let t = "“The plan is fine,” said a spokeswoman, Jo Roe.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker_mention.as_deref(), Some("Jo Roe"), "{qs:#?}");
    let t = "“The plan is fine,” said a spokeswoman, Jo R. Roe.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert_eq!(
        qs[0].speaker_mention.as_deref(),
        Some("Jo R. Roe"),
        "{qs:#?}"
    );
}
