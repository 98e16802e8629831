//! Golden tests: a speech word used as a noun opens no reported speech (sentences written for
//! these tests).

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, QuoteKind};

fn quotes(text: &str) -> Vec<(String, Option<String>, QuoteKind)> {
    find_quotes(&Doc::new(text), &[])
        .into_iter()
        .map(|q| (q.text, q.speaker, q.kind))
        .collect()
}

#[test]
fn a_cue_word_before_an_auxiliary_is_a_noun() {
    for t in [
        "Since March the yield on the ten-year Treasury note has climbed to 4.4 percent.",
        "The Ministry's latest report will be published in June with the new budget.",
        "Their joint claim was rejected by the court late on Friday.",
    ] {
        assert_eq!(quotes(t), vec![], "{t}");
    }
}

#[test]
fn a_weak_cue_word_before_of_is_a_noun() {
    let t = "A storm struck the Mexican state of Sonora, leaving 3,000 homes without power.";
    assert_eq!(quotes(t), vec![]);
}

#[test]
fn the_same_words_as_verbs_still_report() {
    let q = quotes("Ana Ruiz noted that exports to Canada had fallen by a fifth.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Ana Ruiz"));
    assert_eq!(q[0].2, QuoteKind::Indirect);
    let q = quotes("The regulator stated in its filing that the merger would raise prices.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_plain_cue_before_an_auxiliary_is_a_relative_clause_verb() {
    let q = quotes("The chain cut its prices, cuts the company said were paid for by the merger.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.contains("paid for by the merger"), "{q:?}");
}
