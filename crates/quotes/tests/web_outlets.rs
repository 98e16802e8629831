//! An outlet named by its web address ("Politico.com reports") speaks as that organisation
//! (session 39, figsrc39).

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, EntityKind};

#[test]
fn an_outlet_named_by_its_web_address_reports_the_clause() {
    let t = "The singer was fined for two noise violations, Tunewire.com reports.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Tunewire.com"));
    assert_eq!(qs[0].speaker_type, Some(EntityKind::Org));
    assert!(qs[0].text.starts_with("The singer was fined"), "{qs:#?}");
}

#[test]
fn a_web_address_before_the_cue_and_the_clause_after_it() {
    let t = "Harbornews.org reported on Monday that the ferry carried 40 passengers.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker.as_deref(), Some("Harbornews.org"));
}

#[test]
fn an_address_the_text_gives_is_no_speaker() {
    let t = "Details are on Ferrytimes.com, and the operator said the route reopens in May.";
    let qs = find_quotes(&Doc::new(t), &[]);
    assert!(
        qs.iter()
            .all(|q| q.speaker.as_deref() != Some("Ferrytimes.com")),
        "{qs:#?}"
    );
}
