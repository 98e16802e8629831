//! Golden sentences of our own: extents and TimeML values against a publication date.

use chrono::NaiveDate;
use claimtrail_text::Doc;
use claimtrail_times::find_times;

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// (text, value, type) of every expression found.
fn times(text: &str, reference: Option<&str>) -> Vec<(String, Option<String>, String)> {
    let doc = Doc::new(text);
    find_times(&doc, reference.and_then(date))
        .into_iter()
        .map(|t| {
            assert_eq!(&text[t.start..t.end], t.text, "offsets point at the text");
            (t.text, t.value, t.kind.to_string())
        })
        .collect()
}

fn value_of(text: &str, reference: Option<&str>, needle: &str) -> Option<String> {
    times(text, reference)
        .into_iter()
        .find(|(t, _, _)| t.contains(needle))
        .unwrap_or_else(|| panic!("no expression with {needle:?} in {text:?}"))
        .1
}

#[test]
fn absolute_dates_in_every_order() {
    let r = Some("2024-11-21");
    for (text, needle, want) in [
        (
            "The Pentagon announced on 28 October that aid would continue.",
            "28 October",
            "2024-10-28",
        ),
        ("Talks resumed Oct. 28 in Geneva.", "Oct. 28", "2024-10-28"),
        (
            "It was signed on October 28, 2023, in Kyiv.",
            "October 28, 2023",
            "2023-10-28",
        ),
        (
            "The filing is dated 10/28/2024.",
            "10/28/2024",
            "2024-10-28",
        ),
        (
            "The log starts 2024-10-28 at dawn.",
            "2024-10-28",
            "2024-10-28",
        ),
        (
            "Fighting has raged since February 2022.",
            "February 2022",
            "2022-02",
        ),
        ("He was elected in 1998.", "1998", "1998"),
    ] {
        assert_eq!(value_of(text, r, needle).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn weekdays_follow_the_news_convention() {
    // Published on Thursday 21 November 2024.
    let r = Some("2024-11-21");
    assert_eq!(
        value_of("Russia fired the missile on Wednesday.", r, "Wednesday").as_deref(),
        Some("2024-11-20")
    );
    assert_eq!(
        value_of(
            "Kyiv said on Thursday (Nov 21) that it was hit.",
            r,
            "Thursday"
        )
        .as_deref(),
        Some("2024-11-21")
    );
    assert_eq!(
        value_of("The council will meet on Monday.", r, "Monday").as_deref(),
        Some("2024-11-25")
    );
}

#[test]
fn months_seasons_and_ranges_take_the_year_from_the_reference() {
    let r = Some("2024-10-24");
    assert_eq!(
        value_of("Troops moved between early- to mid-October.", r, "October").as_deref(),
        Some("2024-10")
    );
    let found = times("Troops moved between early- to mid-October.", r);
    assert_eq!(found[0].0, "early- to mid-October");
    assert_eq!(
        value_of("The plan was drafted back in June.", r, "June").as_deref(),
        Some("2024-06")
    );
    assert_eq!(
        value_of("Prices rose this summer.", r, "summer").as_deref(),
        Some("2024-SU")
    );
}

#[test]
fn relative_references() {
    let r = Some("2024-10-24");
    for (text, needle, want) in [
        ("Sales fell last year.", "last year", "2023"),
        ("Output rose this month.", "this month", "2024-10"),
        ("The deal closed yesterday.", "yesterday", "2024-10-23"),
        ("A vote is due tomorrow.", "tomorrow", "2024-10-25"),
        (
            "The strike came two weeks ago.",
            "two weeks ago",
            "2024-W41",
        ),
        (
            "Profit rose in the third quarter.",
            "third quarter",
            "2024-Q3",
        ),
        (
            "Officials are currently reviewing it.",
            "currently",
            "PRESENT_REF",
        ),
        ("The firm recently cut jobs.", "recently", "PAST_REF"),
        (
            "More troops arrive in the coming days.",
            "coming days",
            "FUTURE_REF",
        ),
    ] {
        assert_eq!(value_of(text, r, needle).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn durations_sets_and_times() {
    let r = Some("2024-10-24");
    assert_eq!(
        times("The siege lasted a month.", r),
        vec![("a month".into(), Some("P1M".into()), "DURATION".into())]
    );
    assert_eq!(
        value_of("It took three years.", r, "three years").as_deref(),
        Some("P3Y")
    );
    assert_eq!(
        value_of("They had 48 hours to leave.", r, "48 hours").as_deref(),
        Some("PT48H")
    );
    assert_eq!(
        value_of("Shelling continues every day.", r, "every day").as_deref(),
        Some("P1D")
    );
    let t = times("Convoys run daily.", r);
    assert_eq!(t[0].1.as_deref(), Some("P1D"));
    assert_eq!(t[0].2, "SET");
    assert_eq!(
        value_of("The sirens sounded at 5:30 p.m. local time.", r, "5:30").as_deref(),
        Some("2024-10-24T17:30")
    );
}

#[test]
fn without_a_reference_relative_values_stay_null() {
    assert_eq!(
        value_of("The deal closed yesterday.", None, "yesterday"),
        None
    );
    assert_eq!(value_of("Strikes hit on Monday.", None, "Monday"), None);
    // Absolute dates keep what they state.
    assert_eq!(
        value_of("Signed on October 28, 2023.", None, "October").as_deref(),
        Some("2023-10-28")
    );
    assert_eq!(
        value_of("Announced on 28 October.", None, "28 October").as_deref(),
        Some("XXXX-10-28")
    );
}

#[test]
fn words_that_look_like_times_are_left_alone() {
    let r = Some("2024-10-24");
    assert!(times("Sun Microsystems may march on.", r).is_empty());
    assert!(times("He paid $2,024 for 3,000 shares.", r).is_empty());
    assert!(times("Officials said 1500 troops and 1200 people were moved.", r).is_empty());
    assert_eq!(
        value_of("In 1998 troops left.", r, "1998").as_deref(),
        Some("1998")
    );
    assert!(times("A 6-year-old boy was rescued.", r).is_empty());
    assert!(times("Foreign ministers Jan Kavan and Janos Martonyi met.", r).is_empty());
}
