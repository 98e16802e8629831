//! Speakers the entity tagger did not give: the quote stage's own fallback over capitalised runs
//! (sentences written for these tests, no entities passed).

use claimtrail_quotes::find_quotes;
use claimtrail_text::Doc;

fn speakers(text: &str) -> Vec<(Option<String>, Option<String>)> {
    find_quotes(&Doc::new(text), &[])
        .into_iter()
        .map(|q| (q.speaker, q.speaker_mention))
        .collect()
}

#[test]
fn a_time_or_place_phrase_after_an_inverted_name_is_no_part_of_it() {
    for (t, name) in [
        (
            "“The plan works,” said John Zolotova on Monday.",
            "John Zolotova",
        ),
        (
            "“The plan works,” said Mary Kettleby in a statement.",
            "Mary Kettleby",
        ),
        (
            "“The plan works,” said Peter Vance at a hearing.",
            "Peter Vance",
        ),
        (
            "“The plan works,” said Peter Vance during a visit.",
            "Peter Vance",
        ),
    ] {
        let got = speakers(t);
        assert_eq!(got.len(), 1, "{t}");
        assert_eq!(got[0].1.as_deref(), Some(name), "{t}");
        assert_eq!(got[0].0.as_deref(), Some(name), "{t}");
    }
}
