use super::*;
use claimtrail_text::{EntityKind, QuoteKind};

fn figs_with(text: &str, quotes: &[Quote]) -> Vec<Figure> {
    let doc = Doc::new(text);
    let ctx = Context {
        entities: &[],
        quotes,
        times: &[],
        published: NaiveDate::from_ymd_opt(2024, 11, 21),
    };
    find_figures(&doc, &ctx)
}

/// A person the entities stage found at bytes `start..end`, with its canonical name.
fn person(text: &str, start: usize, canonical: &str) -> Entity {
    Entity {
        text: text.into(),
        kind: EntityKind::Person,
        start,
        end: start + text.len(),
        canonical: canonical.into(),
        role: None,
    }
}

fn figs_with_entities(text: &str, entities: &[Entity]) -> Vec<Figure> {
    let doc = Doc::new(text);
    let ctx = Context {
        entities,
        quotes: &[],
        times: &[],
        published: None,
    };
    find_figures(&doc, &ctx)
}

fn figs(text: &str) -> Vec<Figure> {
    figs_with(text, &[])
}

/// Each figure's value and hedge, in text order.
fn value_hedges(text: &str) -> Vec<(Option<f64>, &'static str)> {
    figs(text)
        .iter()
        .map(|x| (x.value, x.hedge.as_str()))
        .collect()
}

fn values(text: &str) -> Vec<f64> {
    figs(text).iter().filter_map(|f| f.value).collect()
}

#[test]
fn hedge_value_counted_and_believers() {
    let f = figs("Western intelligence services and Ukraine believe at least 10,000 North Korean troops are being deployed by Russia.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "at least 10,000 North Korean troops");
    assert_eq!(f[0].value, Some(10000.0));
    assert_eq!(f[0].hedge.as_str(), "at_least");
    assert_eq!(f[0].low, Some(10000.0));
    assert_eq!(f[0].counted.as_deref(), Some("North Korean troops"));
    assert_eq!(
        f[0].source.as_deref(),
        Some("Western intelligence services and Ukraine")
    );
    assert_eq!(f[0].date.as_deref(), Some("2024-11-21"));
}

#[test]
fn elided_noun_inherits_counted_and_source() {
    let f = figs("Ukrainian intelligence reports indicate around 11,000 North Korean troops have undergone training there, with 3,000 already relocated to Kursk Oblast.");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].hedge.as_str(), "approximately");
    assert_eq!(f[1].text, "3,000");
    assert_eq!(f[1].counted.as_deref(), Some("North Korean troops"));
    assert_eq!(
        f[1].source.as_deref(),
        Some("Ukrainian intelligence reports")
    );
}

#[test]
fn places_the_number_at_and_according_to() {
    let f = figs("South Korean intelligence places the number at approximately 13,000 North Korean troops in Russia.");
    assert_eq!(f[0].source.as_deref(), Some("South Korean intelligence"));
    assert_eq!(f[0].text, "approximately 13,000 North Korean troops");
    let f = figs("According to Kirby, estimates indicate that Russian forces are sustaining over 1,000 casualties daily, with actual numbers potentially exceeding 1,200.");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].text, "over 1,000 casualties daily");
    assert_eq!(f[0].hedge.as_str(), "more_than");
    assert_eq!(f[1].text, "potentially exceeding 1,200");
    assert_eq!(f[1].hedge.as_str(), "more_than");
    assert!(f.iter().all(|x| x.source.as_deref() == Some("Kirby")));
}

#[test]
fn money_with_codes_symbols_and_scales() {
    let f =
        figs("The United States has announced more than USD 800 million in security assistance.");
    assert_eq!(f[0].value, Some(8e8));
    assert_eq!(f[0].unit.as_deref(), Some("USD"));
    assert_eq!(f[0].text, "more than USD 800 million");
    assert_eq!(f[0].counted.as_deref(), Some("security assistance"));
    assert_eq!(figs("It cost $1.2bn.")[0].value, Some(1.2e9));
    // "in March", "in the third quarter" say when, not what.
    assert_eq!(figs("Unemployment rose to 5.6% in March.")[0].counted, None);
    assert_eq!(
        figs("Sales reached $3bn in the third quarter.")[0].counted,
        None
    );
    let f = figs("Brussels pledged €30 billion and ₹900 crore.");
    assert_eq!(f[0].unit.as_deref(), Some("EUR"));
    assert_eq!(f[0].value, Some(3e10));
    assert_eq!(f[1].unit.as_deref(), Some("INR"));
    assert_eq!(f[1].value, Some(9e9));
    assert_eq!(
        figs("a US$ 150 million loan")[0].unit.as_deref(),
        Some("USD")
    );
    assert_eq!(
        figs("They paid 323 million euros.")[0].unit.as_deref(),
        Some("EUR")
    );
}

#[test]
fn ranges() {
    let f = figs("Between 3,000 and 5,000 soldiers were sent.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].hedge.as_str(), "range");
    assert_eq!((f[0].low, f[0].high), (Some(3000.0), Some(5000.0)));
    let f = figs("It will cost 1,000 to 1,200 dollars.");
    assert_eq!((f[0].low, f[0].high), (Some(1000.0), Some(1200.0)));
    let f = figs("They need $5-$10 million.");
    assert_eq!((f[0].low, f[0].high), (Some(5e6), Some(1e7)));
    let f = figs("Prices rose from 5% to 7% this year.");
    assert_eq!(f.len(), 2);
}

#[test]
fn percentages_and_units() {
    let f = figs("Turnout was 56.2 percent, up 3 per cent, and the 45-acre farm is 17 km away.");
    let u: Vec<_> = f
        .iter()
        .map(|x| x.unit.clone().unwrap_or_default())
        .collect();
    assert_eq!(u, vec!["percent", "percent", "acre", "km"]);
}

#[test]
fn words_and_vague_amounts() {
    assert_eq!(
        values("Two dozen people and ten thousand soldiers came."),
        vec![24.0, 10000.0]
    );
    let f = figs("Hundreds of people fled.");
    assert_eq!(f[0].hedge.as_str(), "more_than");
    assert_eq!(f[0].counted.as_deref(), Some("people"));
    let f = figs("Two people hurt in the blast were taken to hospital, and one suspect fled.");
    assert_eq!(f[0].counted.as_deref(), Some("people"));
    assert_eq!(f[1].counted.as_deref(), Some("suspect"));
    assert_eq!(
        values("Some 13k troops and 3.5 million refugees."),
        vec![13000.0, 3.5e6]
    );
}

#[test]
fn not_figures() {
    assert!(values("On 28 October 2024, the 56th brigade met at 10:30 a.m. in Kyiv.").is_empty());
    assert!(values("The G7 and COVID-19 and the F-16 in the 1990s.").is_empty());
    assert!(values("Call 555-123-4567 or see No. 5 and Windows 11.").is_empty());
    assert!(values("In 2022, one of them left; no one stayed.").is_empty());
    assert!(values("Oct. 28, 2024 was a Monday.").is_empty());
    assert!(values("Comments0\n\n300\n\n(Visited 1 times, 1 visits today)").is_empty());
}

#[test]
fn years_that_count_things_are_figures() {
    assert_eq!(
        values("North Korea moved 2000 soldiers east."),
        vec![2000.0]
    );
}

#[test]
fn quotes_give_their_speaker() {
    let text = "Kirby said, “We assess that North Korea moved at least 3,000 soldiers into eastern Russia.”";
    let q = Quote {
        text: String::new(),
        kind: QuoteKind::Direct,
        start: 12,
        end: text.len(),
        speaker: Some("John Kirby".into()),
        ..Default::default()
    };
    let f = figs_with(text, &[q]);
    assert_eq!(f[0].source.as_deref(), Some("John Kirby"));
    assert_eq!(f[0].text, "at least 3,000 soldiers");
}

#[test]
fn trailing_attribution_and_pronouns() {
    let f = figs("At least 40 people died, officials said.");
    assert_eq!(f[0].source.as_deref(), Some("officials"));
    let f = figs("The White House has said that at least 3000 North Korean soldiers arrived in eastern Russia.");
    assert_eq!(f[0].source.as_deref(), Some("White House"));
    assert_eq!(f[0].text, "at least 3000 North Korean soldiers");
}

#[test]
fn combined_bounds_make_a_range() {
    let f = figs("The number is more than 10 and less than 20.");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].low, f[0].high), (Some(10.0), Some(20.0)));
}

/// Found by fuzzing: an en dash glued after a number inside one token (an e-mail address,
/// "0–user@example.com") was cut one byte in, inside the three-byte dash, and panicked.
#[test]
fn en_dash_inside_a_numeric_token_is_not_cut() {
    for text in ["0–user@example.com", "mail 12–é@x.org now", "5–k@b.c"] {
        for f in figs(text) {
            assert_eq!(text.get(f.start..f.end), Some(f.text.as_str()));
        }
    }
}

/// Found by fuzzing: each endpoint of "3 to 3 to ..." looked for a range after itself, one
/// recursion per link: 4,000 links took 3.5 s and 20,000 overflowed the stack.
#[test]
fn long_chains_of_ranges_are_linear_and_shallow() {
    let text = "3 to ".repeat(100_000);
    let t = std::time::Instant::now();
    assert!(!figs(&text).is_empty());
    assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    // Short chains read as before: the last two endpoints make the range, 3 stays alone.
    let f = figs("The count went 3 to 5 to 7 overnight.");
    assert_eq!(
        f.iter().map(|f| (f.low, f.high)).collect::<Vec<_>>(),
        vec![(Some(3.0), Some(3.0)), (Some(5.0), Some(7.0))]
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_match(s in "\\PC{0,120}") {
        let doc = Doc::new(&s);
        let ctx = Context { entities: &[], quotes: &[], times: &[], published: None };
        for f in find_figures(&doc, &ctx) {
            proptest::prop_assert_eq!(&s[f.start..f.end], f.text.as_str());
        }
    }

    #[test]
    fn number_soup_never_panics(s in "[0-9,.$€£₹%kmbn \\-–/:a-z]{0,80}") {
        let doc = Doc::new(&s);
        let ctx = Context { entities: &[], quotes: &[], times: &[], published: None };
        for f in find_figures(&doc, &ctx) {
            proptest::prop_assert_eq!(&s[f.start..f.end], f.text.as_str());
            proptest::prop_assert!(f.value.is_some_and(f64::is_finite));
        }
    }

    #[test]
    fn digits_round_trip(n in 0u64..1_000_000_000) {
        let s = format!("They counted {} sheep.", n);
        let doc = Doc::new(&s);
        let ctx = Context { entities: &[], quotes: &[], times: &[], published: None };
        let f = find_figures(&doc, &ctx);
        if (1800..=2100).contains(&n) || n >= 1_000_000 { return Ok(()); }
        proptest::prop_assert_eq!(f.len(), 1);
        proptest::prop_assert_eq!(f[0].value, Some(n as f64));
    }
}

#[test]
fn more_attribution_patterns() {
    let src = |t: &str| figs(t).first().and_then(|f| f.source.clone());
    assert_eq!(
        src("Officials put the death toll at 300."),
        Some("Officials".into())
    );
    assert_eq!(
        src("The toll rose to 40, according to state media."),
        Some("state media".into())
    );
    assert_eq!(
        src("At least 12 people died, said the health ministry."),
        Some("health ministry".into())
    );
    assert_eq!(
        src("A report by Amnesty International found that 5,000 people were detained."),
        Some("Amnesty International".into())
    );
    assert_eq!(src("Some 300 people attended the rally."), None);
    // A document as the sentence's frame reports the figures after its comma.
    assert_eq!(
        src("In a Harbour Gazette poll released Monday, 52 percent of residents backed the plan."),
        Some("Harbour Gazette poll".into())
    );
    assert_eq!(
        src("In a survey of fishermen, 60 percent said the tolls were too high."),
        Some("survey of fishermen".into())
    );
    assert_eq!(
        src("In its annual report, the port listed 1,200 ship calls."),
        Some("annual report".into())
    );
    // The day a document came out is not its source; an aside before the verb is skipped.
    assert_eq!(
        src("A poll released Friday shows 46 percent of voters back the plan."),
        Some("poll".into())
    );
    assert_eq!(
        src("The survey, conducted by the harbour board, finds 46 percent of boats idle."),
        Some("survey".into())
    );
    assert_eq!(
        src("The port lent the club thousands of dollars last month, harbour records show."),
        Some("harbour records".into())
    );
    assert_eq!(
        src("Ann Lee, an organizer of the rallies, said she expected up to 2,000 people."),
        Some("Ann Lee".into())
    );
    // A count in digits is a figure, not a source.
    let f = figs("Already, 520 members have said they back the plan, 39 have said they oppose it.");
    assert!(f.iter().all(|x| x.source.is_none()), "{f:?}");
    // A subject with its determiner and modifier after the figure.
    assert_eq!(
        src("Hackers broke into 10 servers, the congressional report said."),
        Some("congressional report".into())
    );
    // Only speech verbs put their subject after them.
    assert_eq!(
        src("Based on 1,500 interviews, found considerable support for the plan."),
        None
    );
    assert_eq!(
        src("By the Harbour Board's tally, the club now has 739 members."),
        Some("Harbour Board".into())
    );
    assert_eq!(
        src("By some estimates, 3,000 boats use the harbour."),
        Some("some estimates".into())
    );
    assert_eq!(src("By 2030, 3,000 boats will use the harbour."), None);
    // The next sentence reports the document's figures when it opens with one.
    let f = figs(
        "Support for the plan rose, according to a new Harbour Gazette poll. Seventy percent \
         now back it, while 20 percent oppose it. Ann Lee runs 12 boats.",
    );
    let sources: Vec<_> = f.iter().map(|x| x.source.as_deref()).collect();
    assert_eq!(
        sources,
        vec![
            Some("new Harbour Gazette poll"),
            Some("new Harbour Gazette poll"),
            None
        ],
        "{f:?}"
    );
    // A frame that is no document, or a document modifying another noun, names nobody.
    assert_eq!(src("In 2019, 300 boats used the harbour."), None);
    assert_eq!(
        src("In the survey period, 300 boats used the harbour."),
        None
    );
    // A pronoun with nobody named before it stays unknown.
    assert_eq!(src("We assess that 3,000 soldiers moved east."), None);
}

#[test]
fn documents_as_subjects_with_dates_asides_and_years() {
    let src = |t: &str| figs(t).first().and_then(|f| f.source.clone());
    // When the document came out sits between it and its verb.
    assert_eq!(
        src("A Harbour Gazette poll last month showed Ann Lee at 45 percent."),
        Some("Harbour Gazette poll".into())
    );
    assert_eq!(
        src("A Coastal University poll out this week shows Lee with an 8-point lead."),
        Some("Coastal University poll".into())
    );
    assert_eq!(
        src("The board's survey on Monday found 300 boats idle."),
        Some("board's survey".into())
    );
    // Calendar words alone are still nobody ("Last week showed 300 boats idle").
    assert_eq!(src("Last week showed 300 boats idle."), None);
    // A relative clause or a long participle's aside between the subject and its verb.
    assert_eq!(
        src("A Harbour Gazette survey of skippers, who run most of the fleet, found that 449 of them back the plan."),
        Some("Harbour Gazette survey of skippers".into())
    );
    assert_eq!(
        src("Exit polls from the Dover primary, which Ann Lee won easily, showed that 65 percent backed her."),
        Some("Exit polls from the Dover primary".into())
    );
    // A named author after "by" is the source; a description after it only says which.
    assert_eq!(
        src("A poll by the Harbour Board found 300 boats idle."),
        Some("Harbour Board".into())
    );
    assert_eq!(
        src("A survey by the organization in March found 48 percent of skippers in favour."),
        Some("survey by the organization".into())
    );
    assert_eq!(
        src("A Harbour Gazette poll of Dover released on Tuesday showed Lee with a 16-point lead."),
        Some("Harbour Gazette poll of Dover".into())
    );
    // A relative clause after a place names no source.
    assert_eq!(
        src("Ann Lee, 30, of Dover, Del., who was among those polled, said the 12 boats are idle."),
        None
    );
    // A document named with "in" beside the figure found it.
    assert_eq!(
        src("Lee fell to 10 percent in the latest Harbour Gazette poll released Wednesday."),
        Some("latest Harbour Gazette poll".into())
    );
    assert_eq!(
        src("Lee leads Roe among skippers by 8 points, 49 percent to 41 percent, in the survey."),
        Some("survey".into())
    );
    assert_eq!(
        src("Some 20 percent of skippers in a recent poll said the levy was too high."),
        Some("recent poll".into())
    );
    assert_eq!(
        src("Lee finished ahead of Roe by 8 points in recent polls from Quinnipiac and Fox News."),
        Some("recent polls from Quinnipiac and Fox News".into())
    );
    // A document noun that modifies another, or a place after "in", is no source.
    assert_eq!(src("Lee fell to 10 percent in the survey period."), None);
    assert_eq!(src("Lee won 10 percent of the vote in Dover."), None);
    assert_eq!(
        src("Lee leads in the delegate count with 300 delegates."),
        None
    );
    // The outlet's own review or survey states its figures itself.
    assert_eq!(
        src("Comfort weighs heavily in our review, making up 30 percent of the score."),
        None
    );
    assert_eq!(
        src("At 27 pounds it is only 3 pounds heavier than the lightest in the review."),
        None
    );
    // Documents that are counted are no named source ("in two long-term studies").
    assert_eq!(
        src("Data came from 100,000 nurses taking part in two long-term studies."),
        None
    );
    assert_eq!(
        src("Voters in the six states going to the polls backed Lee."),
        None
    );
    // A relative clause before a verb that only counts ("records") makes no claim of it.
    assert_eq!(
        src("The Harbour Board, which maintains the piers, records about 500 leaks a month."),
        None
    );
    assert_eq!(
        src("A Harbour Gazette poll, conducted jointly with Coast Research (D) and Bay & Company Research (R), shows Lee with 47 percent."),
        Some("Harbour Gazette poll".into())
    );
    // A year inside the document's name after "according to".
    assert_eq!(
        src("The levy would raise $110 million a year, according to the 2019 study."),
        Some("2019 study".into())
    );
    assert_eq!(
        src("The levy would raise $110 million a year, according to a 2019 study by the Harbour Board."),
        Some("2019 study".into())
    );
    assert_eq!(
        src("According to a 2018 report by Localytics, 21 percent of users quit after one use."),
        Some("2018 report".into())
    );
    assert_eq!(
        src("The median pay is $100,000, according to the Harbour Board's 2023 annual pier and mooring salary survey."),
        Some("Harbour Board".into())
    );
    // A number that is the figure's own stays out of the source.
    assert_eq!(
        src("According to 300 skippers, the levy is too high."),
        None
    );
    // "he" takes the last named source.
    let f = figs("Kirby said 1,000 troops had died. He said 200 more were hurt.");
    assert_eq!(f[1].source.as_deref(), Some("Kirby"));
}

#[test]
fn counted_phrase_boundaries() {
    let c = |t: &str| figs(t).first().and_then(|f| f.counted.clone());
    assert_eq!(
        c("It sent thousands of additional armoured vehicles to the front."),
        Some("additional armoured vehicles".into())
    );
    assert_eq!(
        c("At least 3000 North Korean soldiers arrived in October."),
        Some("North Korean soldiers".into())
    );
    assert_eq!(c("It won 40% of the vote."), Some("vote".into()));
}

#[test]
fn reported_speech_keeps_the_fuller_subject() {
    let text =
        "Western intelligence services and Ukraine believe at least 10,000 troops are there.";
    let q = Quote {
        kind: QuoteKind::Indirect,
        start: 51,
        end: text.len() - 1,
        speaker: Some("Ukraine".into()),
        ..Default::default()
    };
    let f = figs_with(text, std::slice::from_ref(&q));
    assert_eq!(
        f[0].source.as_deref(),
        Some("Western intelligence services and Ukraine")
    );
    // A pronoun subject defers to the speaker the quotes stage resolved.
    let text = "He believes at least 10,000 troops are there.";
    let q = Quote {
        start: 12,
        end: text.len() - 1,
        speaker: Some("John Kirby".into()),
        ..q
    };
    assert_eq!(
        figs_with(text, &[q])[0].source.as_deref(),
        Some("John Kirby")
    );
}

#[test]
fn a_poll_not_its_respondents_states_the_shares() {
    // The quotes stage gives the clause to the people counted ("Farmers"); the survey that
    // framed the sentence states the shares.
    let text = "In a Harbour Institute survey released Monday, 41 percent of farmers said \
                they would sell, compared with 23 percent of fishermen.";
    let start = text.find("they would").unwrap();
    let q = Quote {
        kind: QuoteKind::Indirect,
        start,
        end: text.len() - 1,
        speaker: Some("farmers".into()),
        speaker_mention: Some("farmers".into()),
        ..Default::default()
    };
    let f = figs_with(text, std::slice::from_ref(&q));
    let shares: Vec<_> = f.iter().filter(|f| f.text.contains("percent")).collect();
    assert_eq!(shares.len(), 2, "{f:?}");
    for f in shares {
        assert_eq!(
            f.source.as_deref(),
            Some("Harbour Institute survey"),
            "{f:?}"
        );
    }
    // "The survey also finds that, while 37 percent of growers say …": the verb's subject.
    let text = "The survey also finds that, while 37 percent of growers say prices rose, \
                22 percent say they fell.";
    let start = text.find("prices rose").unwrap();
    let q = Quote {
        start,
        speaker: Some("growers".into()),
        speaker_mention: Some("growers".into()),
        ..q
    };
    let f = figs_with(text, &[q]);
    assert!(
        f.iter().all(|f| f.source.as_deref() == Some("survey")),
        "{f:?}"
    );
    // A speaker who is no share of anyone keeps the clause.
    let text = "In a survey, Jo Roe said 23 percent of the mills had closed.";
    let q = Quote {
        kind: QuoteKind::Indirect,
        start: text.find("23").unwrap(),
        end: text.len() - 1,
        speaker: Some("Jo Roe".into()),
        speaker_mention: Some("Jo Roe".into()),
        ..Default::default()
    };
    assert_eq!(figs_with(text, &[q])[0].source.as_deref(), Some("Jo Roe"));
}

#[test]
fn progressive_claims_and_adverb_asides_name_the_subject() {
    let src = |t: &str| figs(t).first().and_then(|f| f.source.clone());
    // "are expecting", "is showing that", a participle before "that".
    assert_eq!(
        src("Harbour officials are expecting a record turnout of more than 40,000 boats.")
            .as_deref(),
        Some("Harbour officials")
    );
    assert_eq!(
        src("Early estimates are showing that 8,000 voters took part.").as_deref(),
        Some("Early estimates")
    );
    assert_eq!(
        src("The race is close, with the new Harbour survey finding that 45 percent back Roe.")
            .as_deref(),
        Some("new Harbour survey")
    );
    // The form as a noun or a modifier claims nothing.
    assert_eq!(src("Roe's showing in the 12 counties was weak."), None);
    // An adverb set off by commas between the subject and its verb.
    assert_eq!(
        src("Cement makers, for instance, argue that imports grew to 40 percent.").as_deref(),
        Some("Cement makers")
    );
    assert_eq!(
        src("Northwind, meanwhile, hopes that sales will exceed 700 boats.").as_deref(),
        Some("Northwind")
    );
}

#[test]
fn plus_signs_several_and_shortened_ranges() {
    let f = figs("Subscribers stayed for 30+ days.");
    assert_eq!(
        (f[0].hedge.as_str(), f[0].unit.as_deref()),
        ("at_least", Some("day"))
    );
    let f = figs("Prices sit around the 5-600 dollar mark.");
    assert_eq!((f[0].low, f[0].high), (Some(500.0), Some(600.0)));
    assert_eq!(figs("Ages 1-20 qualify.")[0].low, Some(1.0));
    assert_eq!(
        figs("It costs several hundred dollars.")[0].hedge.as_str(),
        "more_than"
    );
}

#[test]
fn date_comes_from_a_time_of_the_sentence_else_publication() {
    let text = "On Wednesday 300 troops left. Later 200 more came.";
    let t = TimeExpr {
        text: "Wednesday".into(),
        start: 3,
        end: 12,
        value: Some("2024-11-20".into()),
        kind: TimexType::Date,
    };
    let doc = Doc::new(text);
    let ctx = Context {
        entities: &[],
        quotes: &[],
        times: std::slice::from_ref(&t),
        published: NaiveDate::from_ymd_opt(2024, 11, 21),
    };
    let f = find_figures(&doc, &ctx);
    assert_eq!(f[0].date.as_deref(), Some("2024-11-20"));
    assert_eq!(f[1].date.as_deref(), Some("2024-11-21"));
}

#[test]
fn entity_canonical_names_replace_short_mentions() {
    let text = "According to Kirby, 1,000 soldiers died.";
    let e = person("Kirby", 13, "John Kirby");
    assert_eq!(
        figs_with_entities(text, &[e])[0].source.as_deref(),
        Some("John Kirby")
    );
}

#[test]
fn possessive_claims_plus_compounds_and_named_zero() {
    let f = figs("Politifact checked Donald Trump's claim that there were 3,000 shootings.");
    assert_eq!(f[0].source.as_deref(), Some("Donald Trump"));
    let f = figs("He paid no tax for 15-plus years.");
    assert_eq!(
        (f[0].hedge.as_str(), f[0].unit.as_deref()),
        ("at_least", Some("year"))
    );
    assert!(values("She was taken away from Ground Zero by agents.").is_empty());
}

#[test]
fn implausible_subjects_and_year_levels() {
    let f = figs("It aims to cut emissions to 32 percent below 2005 levels.");
    assert_eq!(
        values("It aims to cut emissions to 32 percent below 2005 levels."),
        vec![32.0]
    );
    assert_eq!(f[0].source, None);
    let f = figs("Twenty-seven states led by Texas report 300 cases.");
    assert_ne!(
        f.last().and_then(|x| x.source.as_deref()),
        Some("Twenty-seven")
    );
}

// Issue 13: hedges and claimants.

#[test]
fn within_near_maybe_and_two_bare_numbers_joined_by_or() {
    let f = figs("Repairs will finish within 30 days.");
    assert_eq!(f[0].hedge.as_str(), "up_to");
    assert_eq!(
        figs("Mortgage rates stayed near 2 percent.")[0]
            .hedge
            .as_str(),
        "approximately"
    );
    assert_eq!(
        figs("She brought maybe three pages of notes.")[0]
            .hedge
            .as_str(),
        "approximately"
    );
    let f = figs("The boat carried four or five divers.");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].hedge.as_str(), "range");
    assert_eq!((f[0].low, f[0].high), (Some(4.0), Some(5.0)));
    assert_eq!(figs("They stayed a week or longer at a time.").len(), 0);
    let f = figs("The crew stayed 10 days or longer at a time.");
    assert_eq!(f[0].hedge.as_str(), "at_least");
}

#[test]
fn over_a_period_is_no_bound_but_over_an_age_is() {
    let f = figs("The plan would cost $2 billion over 10 years, the council said.");
    let p = f
        .iter()
        .find(|x| x.value == Some(10.0))
        .expect("the period");
    assert_eq!(p.hedge.as_str(), "exact");
    let f = figs("Residents over 65 years old ride free.");
    assert_eq!(f[0].hedge.as_str(), "more_than");
    let f = figs("Talks went on for over 20 years of fighting.");
    assert_eq!(f[0].hedge.as_str(), "more_than");
    // A passive verb before "over" was done in the period: the span is no bound.
    let f = figs("Dozens of arrests were made over three nights of unrest in the city.");
    let p = f.iter().find(|x| x.value == Some(3.0)).expect("the nights");
    assert_eq!(p.hedge.as_str(), "exact");
    let f = figs("She has over 12 years of experience in the field.");
    assert_eq!(f[0].hedge.as_str(), "more_than");
}

#[test]
fn a_degree_adverb_before_over_makes_a_bound_of_a_span() {
    // "just over 10 seconds" measures how long the shaking lasted: a bound, no period.
    let f = figs("The shaking lasted just over 10 seconds in the harbour town.");
    assert_eq!(f[0].value, Some(10.0));
    assert_eq!(f[0].hedge.as_str(), "more_than");
    let f = figs("The repairs took well over two years to finish.");
    assert_eq!(f[0].hedge.as_str(), "more_than");
    // Without the adverb the period stays a period.
    let f = figs("The town will rebuild its harbour over two years.");
    assert_eq!(f[0].hedge.as_str(), "exact");
}

#[test]
fn a_verb_that_assesses_an_amount_claims_only_after_its_at() {
    // "put" with no "at" is no assessment: the age after it is the outlet's.
    let f = figs(
        "Ortega put his rival on the canvas in the fifth, and the 40-year-old never recovered.",
    );
    assert_eq!(f[0].value, Some(40.0));
    assert_eq!(f[0].source, None);
    let f = figs("The Harbour Board put the cost of the repairs at $2 million.");
    assert_eq!(f[0].source.as_deref(), Some("Harbour Board"));
    // An auxiliary before "valued at" makes the verb active; a bare participle describes.
    let f = figs("The barn, which the county of Sligo had valued at about $90,000, burned down.");
    assert_eq!(f[0].source.as_deref(), Some("county of Sligo"));
    let f = figs("A barn valued at $90,000 burned down on Tuesday.");
    assert_eq!(f[0].source, None);
    // "pegged … to be" as "pegged … at".
    let f = figs("The Harbour Board pegged the bill to be as high as $9 million.");
    assert_eq!(f[0].hedge.as_str(), "up_to");
    assert_eq!(f[0].source.as_deref(), Some("Harbour Board"));
}

#[test]
fn records_that_list_an_owner_state_the_count() {
    let f = figs("Property records list Ada Quinn as the owner of all six buildings.");
    assert_eq!(f[0].value, Some(6.0));
    assert_eq!(f[0].source.as_deref(), Some("Property records"));
}

#[test]
fn a_name_before_in_or_from_is_the_subject_not_the_place() {
    let f = figs("Radio Zed's Nora Pike in Oslo says the storm felled 300 trees.");
    assert_eq!(f[0].source.as_deref(), Some("Radio Zed's Nora Pike"));
    let f = figs(
        "Ivo Brandt from the coastal relief agency said the four worst-hit towns were cut off.",
    );
    assert_eq!(f[0].source.as_deref(), Some("Ivo Brandt"));
}

#[test]
fn a_share_of_respondents_and_its_words_are_the_surveys() {
    // The quotes stage credited the survey named before with what 59% of shoppers said: the
    // share and the figures in their words are the survey's, not the shoppers'.
    let text = "Nearly 59% of shoppers said they spend $200 a month on snacks.";
    let start = text.find("they spend").unwrap();
    let q = Quote {
        kind: QuoteKind::Indirect,
        start,
        end: text.len() - 1,
        speaker: Some("Lindqvist survey".into()),
        speaker_mention: Some("shoppers".into()),
        ..Default::default()
    };
    let f = figs_with(text, std::slice::from_ref(&q));
    let share = f.iter().find(|x| x.value == Some(59.0)).expect("59%");
    assert_eq!(share.source.as_deref(), Some("Lindqvist survey"));
    let spent = f.iter().find(|x| x.value == Some(200.0)).expect("$200");
    assert_eq!(spent.source.as_deref(), Some("Lindqvist survey"));
    // The people themselves, named as the speaker, state neither.
    let q = Quote {
        speaker: Some("shoppers".into()),
        ..q
    };
    let f = figs_with(text, &[q]);
    assert!(f.iter().all(|x| x.source.is_none()), "{f:#?}");
}

#[test]
fn a_figure_in_a_reported_clause_is_its_speakers_not_a_distant_verbs() {
    // The quotes stage settled the clause on Ana Ruiz; "estimated" further back is another claim.
    let text = "Economists estimated a slowdown last year. Along the coast, there are \
                typically 400 breaks a year, Ana Ruiz said.";
    let start = text.find("there are").unwrap();
    let end = text.find(", Ana").unwrap();
    let q = Quote {
        kind: QuoteKind::Indirect,
        start,
        end,
        speaker: Some("Ana Ruiz".into()),
        speaker_mention: Some("Ana Ruiz".into()),
        ..Default::default()
    };
    let f = figs_with(text, &[q]);
    let f = f.iter().find(|x| x.value == Some(400.0)).expect("400");
    assert_eq!(f.source.as_deref(), Some("Ana Ruiz"));
    // An unresolved pronoun is nobody's name.
    let q = Quote {
        kind: QuoteKind::Indirect,
        start,
        end,
        speaker: None,
        speaker_mention: Some("it".into()),
        ..Default::default()
    };
    let text2 = text.replace("Ana Ruiz said", "it said ab");
    let f = figs_with(&text2, &[q]);
    let f = f.iter().find(|x| x.value == Some(400.0)).expect("400");
    assert_ne!(f.source.as_deref(), Some("it"));
}

#[test]
fn one_period_after_a_bound_is_a_duration() {
    let f = figs("The canal locks have worked for more than a century without a rebuild.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, Some(100.0));
    assert_eq!(f[0].hedge.as_str(), "more_than");
    let f = figs("The ferry stopped for a week while divers checked the hull.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, Some(1.0));
    assert_eq!(
        values("Prices fell to their lowest in nearly a decade."),
        vec![10.0]
    );
    // A rate, a point in time and a frequency are no durations.
    assert!(values("Repairs on the pump began about a year ago.").is_empty());
    assert!(values("Members pay a fee each week and a lot a month.").is_empty());
}

#[test]
fn vicinity_possibly_and_closer_to_are_approximate() {
    assert_eq!(
        value_hedges("Repairs are put in the vicinity of $2 million."),
        vec![(Some(2e6), "approximately")]
    );
    assert_eq!(
        value_hedges("Three adults and possibly four children were aboard."),
        vec![(Some(3.0), "exact"), (Some(4.0), "approximately")]
    );
    assert_eq!(
        value_hedges("Spend closer to $800 for a brighter screen."),
        vec![(Some(800.0), "approximately")]
    );
}

#[test]
fn as_many_as_before_a_range_is_the_range() {
    let f = figs("As many as 20 to 25 volunteers joined the search.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].value, f[0].high), (Some(20.0), Some(25.0)));
    assert_eq!(f[0].hedge.as_str(), "range");
    // Other ceilings before "X to Y" stay a bound and a level.
    assert_eq!(values("Fees rose up to 5% to a record."), vec![5.0]);
}

#[test]
fn a_span_of_time_ranges_across_units() {
    let f = figs("A full charge takes 45 minutes to 3 hours.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].value, f[0].high), (Some(45.0), Some(180.0)));
    assert_eq!(f[0].unit.as_deref(), Some("minute"));
    // Lengths of unlike kinds are no range.
    assert_eq!(values("The walk is 5 km to 10 miles long.").len(), 2);
}

#[test]
fn clock_times_with_a_spaced_colon_or_hedged_hours_are_no_figures() {
    assert!(values("Guests left at 9: 45 p.m. on Friday.").is_empty());
    assert!(values("The boat was boarded about 1130 hrs GMT off the cape.").is_empty());
    // Hours of work stay an amount.
    assert_eq!(values("She logged 1200 hours of flying."), vec![1200.0]);
}

#[test]
fn win_loss_records_are_no_ranges() {
    assert_eq!(
        values("The club is 3-9 in its last twelve games."),
        vec![12.0]
    );
    assert!(values("She has a record of 98-120 as manager.").is_empty());
    assert!(values("They sit at 7-11 on the season.").is_empty());
    assert_eq!(values("Between 5-10 people attended."), vec![5.0]);
}

#[test]
fn a_fielding_position_before_a_name_is_no_billion() {
    assert!(values("The club traded 2B Jose Alvarez on Monday.").is_empty());
    assert_eq!(values("The firm raised $1B from investors."), vec![1e9]);
}

#[test]
fn counts_after_a_colon_top_and_a_shouted_conjunction_are_no_names() {
    assert_eq!(
        values("Itinerary: A 9-day tour with 12 stops."),
        vec![9.0, 12.0]
    );
    assert_eq!(values("Top 7 garden tools"), vec![7.0]);
    assert_eq!(
        values("Use 3 cups flour OR 15 drops vanilla"),
        vec![3.0, 15.0]
    );
    // A station's call sign stays a name.
    assert!(values("The show aired on AM 740 that night.").is_empty());
}

#[test]
fn repeat_n_times_in_a_list_line_is_no_furniture() {
    assert_eq!(
        values("- Hold for 10 seconds and repeat 4 times"),
        vec![10.0, 4.0]
    );
    assert!(values("Viewed 12 times").is_empty());
}

#[test]
fn one_as_an_indefinite_speaker_is_no_count() {
    assert!(values("One neighbour said the road flooded twice.").is_empty());
    assert!(values("According to one estimate, prices doubled.").is_empty());
    assert_eq!(values("One driver was hurt in the crash."), vec![1.0]);
}

#[test]
fn a_decimal_without_its_zero_is_a_value() {
    assert_eq!(
        value_hedges("The effect held (r=0.41; p<.001) across the trial."),
        vec![(Some(0.41), "exact"), (Some(0.001), "less_than")]
    );
    assert_eq!(values("He batted .312 over the season."), vec![0.312]);
}

#[test]
fn a_range_after_a_change_verb_shares_its_unit_when_written_once() {
    // "rose 10 to 20 percent": one range, its unit written on the second end only.
    let f = figs("Shares rose 10 to 20 percent last year.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].low, f[0].high), (Some(10.0), Some(20.0)));
    assert_eq!(f[0].unit.as_deref(), Some("percent"));
    let f = figs("The field lost 1.2 to 1.5 million barrels a day.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].low, f[0].high), (Some(1.2e6), Some(1.5e6)));
    // A change and a level stay two figures: the first end has its own unit, or the second
    // none, or they are of different magnitudes.
    assert_eq!(figs("Sales increased 5% to 7% of revenue.").len(), 2);
    assert_eq!(
        values("Jobs fell 12,000 to 219,000."),
        vec![12000.0, 219000.0]
    );
    assert_eq!(values("Output rose 2 to 50 percent.").len(), 2);
}

#[test]
fn hedges_across_an_article_a_capacity_and_a_range_of_ages() {
    let f = figs("The deal requires a payment of up to a $1 billion fee if the vote fails.");
    assert_eq!(f[0].hedge.as_str(), "up_to", "{f:?}");
    assert_eq!(f[0].value, Some(1e9));
    let f = figs("Halibut can grow to 500 pounds.");
    assert_eq!(f[0].hedge.as_str(), "up_to", "{f:?}");
    let f = figs("Prices rose over a 10-year period.");
    assert!(f.iter().all(|f| f.hedge.as_str() != "more_than"), "{f:?}");
    let f = figs("The study counted workers between the ages of 25 and 54 in the survey.");
    let r = f.iter().find(|f| f.value == Some(25.0)).expect("a range");
    assert_eq!(r.hedge.as_str(), "range", "{f:?}");
    assert_eq!(r.high, Some(54.0));
    assert!(r.text.starts_with("between the ages of"), "{}", r.text);
}

#[test]
fn reporting_words_as_nouns_and_attributions_that_open_a_clause_claim_nothing() {
    let f =
        figs("A gunman opened fire at a cinema in the US state of Louisiana, killing two people.");
    assert_eq!(f[0].source, None, "{f:?}");
    let f = figs("The yield on the 10-year Treasury note has risen to 3.1 percent.");
    assert!(f.iter().all(|f| f.source.is_none()), "{f:?}");
    let f = figs("With just 18 months left in power, he said gun control was his regret.");
    assert_eq!(f[0].source, None, "{f:?}");
    // The clause-final attribution still claims the figure.
    let f = figs("At least 40 people died on the road, officials said on Monday.");
    assert_eq!(f[0].source.as_deref(), Some("officials"));
}

#[test]
fn a_verb_inside_another_quotation_claims_nothing() {
    let text = "“People think it is safe,” said Jo Roe of the utility, which maintains about 90,000 miles of cable.";
    let q = Quote {
        text: String::new(),
        kind: QuoteKind::Direct,
        start: 3,
        end: 27,
        speaker: Some("Jo Roe".into()),
        ..Default::default()
    };
    let f = figs_with(text, &[q]);
    assert_ne!(f[0].source.as_deref(), Some("People"), "{f:?}");
}

#[test]
fn a_counted_phrase_stops_at_the_next_number() {
    let f = figs("The blast lifted a 90-pound steel hatch three stories into the air.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].counted.as_deref(), Some("steel hatch"));
    assert_eq!(f[0].text, "90-pound steel hatch");
    assert_eq!(f[1].value, Some(3.0));
}

#[test]
fn dimensions_are_sizes_not_years() {
    assert_eq!(
        values("Each lens shows 1832 x 1920 pixels, up from 1440 × 1600."),
        vec![1832.0, 1920.0, 1440.0, 1600.0]
    );
    assert!(values("The bridge opened in 1932 and closed in 1988.").is_empty());
}

#[test]
fn one_or_two_is_a_range() {
    let f = figs("The chart tracks one or two prices at a time.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].low, f[0].high), (Some(1.0), Some(2.0)));
    assert_eq!(f[0].hedge.as_str(), "range");
    assert!(figs("She picked a minor one or a major one.").is_empty());
}

#[test]
fn a_counted_phrase_ends_before_a_participle_with_its_agent_or_an_adjective() {
    let f = figs("The council passed a $40 million housing plan drafted by the mayor.");
    assert_eq!(f[0].text, "$40 million housing plan");
    assert_eq!(f[0].counted.as_deref(), Some("housing plan"));
    let f = figs("A fee of $2 million is payable, and $3 million payable to the bank.");
    assert_eq!(f[1].text, "$3 million");
    assert_eq!(f[1].counted, None);
}

#[test]
fn the_last_decade_is_a_span_of_years() {
    let f = figs("Bond yields sank over the last decade and grew in the past quarter-century.");
    let got: Vec<_> = f.iter().map(|x| (x.value, x.unit.clone())).collect();
    assert_eq!(
        got,
        vec![
            (Some(10.0), Some("year".into())),
            (Some(25.0), Some("year".into()))
        ]
    );
    assert!(figs("Prices rose last decade, and in the last century.").is_empty());
}

#[test]
fn glued_suffixes_hedge_the_number() {
    let f = figs("Rents hit $900-something a month for 40-odd flats and 500-plus homes.");
    let got: Vec<_> = f.iter().map(|x| (x.value, x.hedge.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (Some(900.0), "at_least"),
            (Some(40.0), "approximately"),
            (Some(500.0), "at_least")
        ],
        "{f:?}"
    );
}

#[test]
fn a_couple_of_is_about_two() {
    let f = figs("She was turned down after a couple of interviews.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].value, f[0].hedge.as_str()),
        (Some(2.0), "approximately")
    );
    assert!(figs("The couple said they would appeal.").is_empty());
}

#[test]
fn a_participle_opening_a_relative_clause_ends_the_counted_phrase() {
    let f = figs("The keeper holds three whale teeth recovered from a stranded whale.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].text, "three whale teeth");
    assert_eq!(f[0].counted.as_deref(), Some("whale teeth"));
}

#[test]
fn a_modal_of_possibility_before_a_number_makes_it_approximate() {
    assert_eq!(
        value_hedges("The oak may be 900 years old and the wall might be 40 metres high."),
        vec![
            (Some(900.0), "approximately"),
            (Some(40.0), "approximately")
        ]
    );
    // A count after the modal names a thing, not an estimate.
    assert_eq!(
        value_hedges("This may be one reason, and roads might be two more layers."),
        vec![(Some(1.0), "exact"), (Some(2.0), "exact")]
    );
    // A vague amount stays a floor.
    assert_eq!(
        value_hedges("It may be tens of thousands of voters."),
        vec![(Some(10000.0), "more_than")]
    );
    // The bound after the modal still wins.
    let f = figs("The bill could be as much as $40 million.");
    assert_eq!(f[0].hedge.as_str(), "up_to", "{f:?}");
}

#[test]
fn powers_are_computed_and_digit_counts_bound_a_number() {
    assert_eq!(
        value_hedges("The field holds values up to 2^16, and the old limit was 2^10 - 1 bytes."),
        vec![(Some(65536.0), "up_to"), (Some(1023.0), "exact")]
    );
    assert_eq!(
        value_hedges("Inflation fell to single-digit rates while sales saw double-digit growth."),
        vec![(Some(10.0), "less_than"), (Some(10.0), "at_least")]
    );
}

#[test]
fn a_bare_plural_of_millions_is_an_amount() {
    let f = figs("A small rise in rates could cost taxpayers billions.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].value, f[0].hedge.as_str()), (Some(1e9), "more_than"));
    // Without "of" it counts nothing.
    let f = figs("He made billions turning around firms.");
    assert_eq!(
        (f[0].text.as_str(), f[0].counted.as_deref()),
        ("billions", None)
    );
}

#[test]
fn counts_of_times_after_a_bound() {
    assert_eq!(
        value_hedges("Only once did the court agree, and she has appealed at least twice."),
        vec![(Some(1.0), "exact"), (Some(2.0), "at_least")]
    );
    // A conjunction or a time adverb is no count.
    assert!(figs("Once the war ended, he moved. She left at once.").is_empty());
}

#[test]
fn a_level_in_the_fifties_is_a_range() {
    let f = figs("Overnight lows ballooned into the 40s, and highs stayed in the upper 60s.");
    let got: Vec<_> = f
        .iter()
        .map(|x| (x.value, x.high, x.hedge.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(40.0), Some(49.0), "range"),
            (Some(60.0), Some(69.0), "range")
        ],
        "{f:?}"
    );
    // A decade is a time, not an amount.
    assert!(figs("Jazz clubs flourished in the 50s.").is_empty());
}

#[test]
fn a_divulged_figure_is_its_subjects() {
    let f =
        figs("Officials divulged on Monday that the agency had allowed two visits by inspectors.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].source.as_deref(), Some("Officials"));
}

#[test]
fn an_amount_restated_in_other_units_keeps_the_hedge() {
    assert_eq!(
        value_hedges(
            "The village lies more than 1,200 kilometers (750 miles) north of the capital."
        ),
        vec![(Some(1200.0), "more_than"), (Some(750.0), "more_than")]
    );
    assert_eq!(
        value_hedges(
            "The dam holds about 40 million cubic meters (1.4 billion cubic feet) of water."
        ),
        vec![(Some(4e7), "approximately"), (Some(1.4e9), "approximately")]
    );
    // Two amounts that are not one restated stay apart.
    assert_eq!(
        value_hedges("It rose more than 12 kilometers, then fell 750 miles (as planned)."),
        vec![(Some(12.0), "more_than"), (Some(750.0), "exact")]
    );
}

#[test]
fn a_share_written_n_in_m_is_one_figure() {
    let f = figs("About 4 in 10 voters want change, and one in three Americans agree.");
    let got: Vec<(&str, Option<f64>, Option<&str>)> = f
        .iter()
        .map(|x| (x.text.as_str(), x.value, x.counted.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("About 4 in 10 voters", Some(4.0), Some("voters")),
            ("one in three Americans", Some(1.0), Some("Americans")),
        ]
    );
    // A verb after the share is no counted noun.
    let f = figs("Half say yes, while about 4 in 10 want a change.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "about 4 in 10");
    assert_eq!(f[0].counted, None);
}

#[test]
fn the_people_a_poll_counted_claim_nothing() {
    for text in [
        "In each state, about half of voters say they prefer an outsider, while about 4 in 10 want one with experience.",
        "More than six in 10 said they were tired; 46 percent said they were unenthusiastic.",
        "Among Democrats, about two-thirds of caucus attendees described themselves as liberals, with 30 percent very liberal.",
    ] {
        for f in figs(text) {
            assert_eq!(f.source, None, "{text}: {}", f.text);
        }
    }
    // An ordinal is no share: "a third source" reports.
    let f = figs("A third source said about 30 people were hired.");
    assert_eq!(f[0].source.as_deref(), Some("third source"));
}

#[test]
fn an_age_after_a_name_is_a_description_not_a_claim() {
    let text = "Jim Bennett, 57, told a reporter that the plan would cost $5 million.";
    let f = figs_with_entities(text, &[person("Jim Bennett", 0, "Jim Bennett")]);
    assert_eq!(f[0].text, "57");
    assert_eq!(f[0].unit.as_deref(), Some("year"));
    assert_eq!(
        (f[0].counted.as_deref(), f[0].source.as_deref()),
        (None, None)
    );
    assert_eq!(f[1].source.as_deref(), Some("Jim Bennett"));
}

#[test]
fn an_elided_noun_is_carried_once_not_from_sentence_to_sentence() {
    let f = figs("Nine people were hurt. Later 12 were detained. By noon 3 were released.");
    let counted: Vec<Option<&str>> = f.iter().map(|x| x.counted.as_deref()).collect();
    assert_eq!(counted, vec![Some("people"), Some("people"), None]);
}

#[test]
fn counted_nouns_that_look_like_speech_verbs_and_dashes() {
    let f = figs("He won five states and three reports backed him.");
    let counted: Vec<Option<&str>> = f.iter().map(|x| x.counted.as_deref()).collect();
    assert_eq!(counted, vec![Some("states"), Some("reports")]);
    let f = figs("She won four states - Iowa, Ohio and Utah.");
    assert_eq!(f[0].counted.as_deref(), Some("states"));
}

#[test]
fn a_span_of_clock_hours_is_no_figure() {
    assert!(figs("She was out at a party at three or four a.m. with friends.").is_empty());
    assert!(figs("The polls are open from 7 to 9 p.m. on Tuesday.").is_empty());
}

#[test]
fn a_clause_telling_when_someone_spoke_is_not_what_they_said() {
    let f = figs(
        "“We will not stop,” Jo Roe said as she and hundreds of other marchers crossed the bridge.",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].source, None);
    // What follows the verb directly is still reported.
    let f = figs("Jo Roe said hundreds of marchers crossed the bridge.");
    assert_eq!(f[0].source.as_deref(), Some("Jo Roe"));
    let f = figs("Polls show as many as 30 percent of his backers will stay home.");
    assert_eq!(f[0].source.as_deref(), Some("Polls"));
}

// Issue 13, held-out news figures (bench/news-figures.tsv): stances and findings that claim.
#[test]
fn expectations_hopes_and_points_made_claim_their_figures() {
    let src = |t: &str| figs(t).first().and_then(|f| f.source.clone());
    // A study's authors are a source, and "point out that" reports like "note that".
    assert_eq!(
        src("The authors point out that farm emissions are now 18 times higher.").as_deref(),
        Some("authors")
    );
    assert_eq!(
        src("The regulator pointed out that 40 mills had closed.").as_deref(),
        Some("regulator")
    );
    // An expectation and a hope with a clause are the subject's claims.
    assert_eq!(
        src("Mill owners expect that the repairs will take a couple of months.").as_deref(),
        Some("Mill owners")
    );
    assert_eq!(
        src("Harbour officials expect the dredging to cost $2 billion.").as_deref(),
        Some("Harbour officials")
    );
    assert_eq!(
        src("Northwind hopes that sales will exceed 700 boats.").as_deref(),
        Some("Northwind")
    );
    // A hope with an infinitive is an aim: the tour's length is nobody's claim.
    assert_eq!(
        src("Roe hopes to finish her 99-county tour by Monday."),
        None
    );
    assert_eq!(src("Farmers hope one day to plant 300 acres."), None);
    // A negated verb claims nothing, and the contraction is no part of a subject.
    assert_eq!(
        src("People close to the mayor’s office don’t expect 40 of them to attend."),
        None
    );
}

#[test]
fn the_dozen_counts_twelve() {
    assert_eq!(
        values("Few of the dozen workers questioned by the inspectors had contracts."),
        vec![12.0]
    );
}

#[test]
fn estimated_at_and_a_good_are_hedges() {
    assert_eq!(
        value_hedges("Losses were estimated at $2 million by the insurer."),
        vec![(Some(2e6), "approximately")]
    );
    assert_eq!(
        value_hedges("The truck dragged the barrier a good 30 feet down the road."),
        vec![(Some(30.0), "at_least")]
    );
}

#[test]
fn an_approximate_pair_is_one_range() {
    let f = figs("Analysts expect prices to climb about 4% to 5% over the year.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, Some(4.0));
    assert_eq!(f[0].high, Some(5.0));
    assert_eq!(f[0].hedge.as_str(), "range");
    // "up to 5 to 7" stays a bound and a level.
    assert_eq!(values("Output may rise up to 5% to a record.").len(), 1);
}

#[test]
fn old_and_hedged_years_are_no_figures() {
    assert!(values("In 1642, the town built its first mill.").is_empty());
    assert!(values("Tea ruled until about 1773 when the revolt began.").is_empty());
    assert_eq!(
        values("The fort held about 1500 soldiers in 1650."),
        vec![1500.0]
    );
    assert_eq!(values("Sales rose to about 2000 units."), vec![2000.0]);
}

#[test]
fn military_time_is_no_figure() {
    assert_eq!(
        values("The crew radioed at 1430 hours that three skiffs were approaching."),
        vec![3.0]
    );
    assert_eq!(
        values("Volunteers logged 1400 hours of work."),
        vec![1400.0]
    );
}

#[test]
fn citations_formats_and_successions_are_no_figures() {
    assert_eq!(
        values("Side effects are a concern for many patients [ 3 ] and cost 40 dollars."),
        vec![40.0]
    );
    assert!(values("The phone records 4K video and 1080p clips.").is_empty());
    assert_eq!(values("Each eye sees a roughly 4K display."), vec![4000.0]);
    assert!(values("The plague spread to one port city after another.").is_empty());
}

#[test]
fn n_time_counts_times() {
    assert_eq!(
        values("The three-time champion lost to a one-time sparring partner."),
        vec![3.0]
    );
}

#[test]
fn an_imperative_opener_is_no_name() {
    assert_eq!(
        values("Explore 12 hiking trails near the city this autumn."),
        vec![12.0]
    );
    // A name before a number stays a name.
    assert!(values("Apollo 13 returned safely.").is_empty());
}

#[test]
fn glued_megapixels_are_a_measure() {
    let f = figs("The phone's main camera has a 48MP sensor.");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].value, Some(48.0));
    assert_eq!(f[0].unit.as_deref(), Some("megapixel"));
}

#[test]
fn dollar_with_its_country_after_the_sign() {
    let f = figs("Repairs were estimated at $US2 million ($2.9 million), officials said.");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[0].value, Some(2e6));
    assert_eq!(f[0].unit.as_deref(), Some("USD"));
    assert_eq!(f[0].hedge.as_str(), "approximately");
    assert_eq!(f[1].hedge.as_str(), "approximately");
}

fn units(text: &str) -> Vec<(f64, Option<String>)> {
    figs(text)
        .into_iter()
        .filter_map(|f| f.value.map(|v| (v, f.unit)))
        .collect()
}

#[test]
fn one_as_pronoun_idiom_or_adjective_is_no_count() {
    assert!(values("It sharpens one's judgement over time.").is_empty());
    assert!(values("The printer is an all in one device for the office.").is_empty());
    assert!(values("Try these one-pan dinners and a one-click checkout.").is_empty());
    // "only one" before a noun counts; "the only one" is a pronoun.
    assert_eq!(
        values("By noon only one ferry was still running."),
        vec![1.0]
    );
    assert!(values("She was the only one waiting at the gate.").is_empty());
    // A measure stays, with a half: "one-and-a-half-year-old".
    assert_eq!(values("They signed a one-year lease."), vec![1.0]);
    assert_eq!(
        units("He fed his two-and-a-half-year-old son."),
        vec![(2.5, Some("year".into()))]
    );
}

#[test]
fn phone_groups_and_street_addresses_are_ids() {
    assert!(values("For tickets ring the box office on 0161 234 567 before noon.").is_empty());
    assert!(values("The bakery, at 418 North Maple Avenue, opened in spring.").is_empty());
    assert!(values("Deliveries go to 77 Harbour Road.").is_empty());
    // Firms named by a street count.
    assert_eq!(values("He met 30 Wall Street bankers."), vec![30.0]);
}

#[test]
fn a_record_with_its_part_of_the_season_is_no_range() {
    assert!(values("The Hawks stumbled to a 4-11 start before the break.").is_empty());
}

#[test]
fn another_dozen_is_twelve() {
    assert_eq!(
        values("Another dozen volunteers arrived at dawn."),
        vec![12.0]
    );
    assert_eq!(values("They hired another dozen guards."), vec![12.0]);
}

#[test]
fn a_margin_of_plus_or_minus_is_no_negative_number() {
    assert_eq!(
        value_hedges("The survey's margin of error is plus or minus 3.5 percentage points."),
        vec![(Some(3.5), "exact")]
    );
    assert_eq!(
        value_hedges("Its error is plus or minus three percent."),
        vec![(Some(3.0), "exact")]
    );
    assert_eq!(values("The lake froze at minus 12 degrees."), vec![-12.0]);
}

#[test]
fn a_scale_word_glued_to_digits_scales_them() {
    assert_eq!(values("The cuts removed $25million in grants."), vec![25e6]);
    assert_eq!(values("It lost 3billion euros."), vec![3e9]);
}

#[test]
fn a_half_dozen_is_six() {
    assert_eq!(
        values("The town opened a half-dozen new schools."),
        vec![6.0]
    );
    assert_eq!(
        value_hedges("Police questioned more than a half dozen witnesses."),
        vec![(Some(6.0), "more_than")]
    );
}

#[test]
fn a_year_a_clause_names_is_a_point_in_time() {
    assert!(values("She ran in a year when turnout fell.").is_empty());
    assert_eq!(values("He was jailed for a year."), vec![1.0]);
}

#[test]
fn a_network_generation_is_a_name() {
    assert_eq!(
        values("The 4G phone offers 10 hours of talk time."),
        vec![10.0]
    );
    assert_eq!(values("a direct 100G link to Amsterdam"), vec![100.0]);
}

#[test]
fn a_tally_written_with_one_unit_gives_both_the_unit() {
    assert_eq!(
        units("She leads him 52 to 45 percent among women."),
        vec![
            (52.0, Some("percent".into())),
            (45.0, Some("percent".into()))
        ]
    );
    assert_eq!(
        units("Prices rose 5 to 8 percent."),
        vec![(5.0, Some("percent".into()))]
    );
}

#[test]
fn one_with_a_speaker_noun_phrase_is_no_count() {
    assert!(values("One senior party official said the vote would wait.").is_empty());
    assert_eq!(values("One person was hurt in the blast."), vec![1.0]);
}

#[test]
fn a_word_between_a_count_and_its_time_unit() {
    assert_eq!(
        units("The crews worked 20 extra hours and then 3 more days."),
        vec![(20.0, Some("hour".into())), (3.0, Some("day".into()))]
    );
}

#[test]
fn ages_after_an_age_word_a_possessive_a_role_noun_or_at_the_end() {
    let year = Some("year".to_string());
    assert_eq!(
        units("The coach, aged 58, resigned."),
        vec![(58.0, year.clone())]
    );
    assert_eq!(
        units("She began painting at the age of 9."),
        vec![(9.0, year.clone())]
    );
    assert_eq!(
        units("Jo Marsh, age 72, was honoured."),
        vec![(72.0, year.clone())]
    );
    assert_eq!(
        units("The plumber, 44, fixed the leak."),
        vec![(44.0, year.clone())]
    );
    assert_eq!(
        units("She travels with her daughter Maya, 6, and a dog."),
        vec![(6.0, year.clone())]
    );
    let text = "The prize went to Ann Lowe, 29.";
    let f = figs_with_entities(text, &[person("Ann Lowe", 18, "Ann Lowe")]);
    assert_eq!(f[0].unit.as_deref(), Some("year"), "{f:?}");
    let text = "Lowe's, 29, first novel sold well.";
    let f = figs_with_entities(text, &[person("Lowe", 0, "Ann Lowe")]);
    assert_eq!(f[0].unit.as_deref(), Some("year"), "{f:?}");
    // A list's numbering after a noun is no age; a vague amount ends no range.
    assert!(units("Two kinds of chips: 1) server CPUs, 2) phone SoCs.")
        .iter()
        .all(|(_, u)| u.is_none()));
    assert_eq!(
        units("Sales grew from $1 million in 2024 to tens of millions of dollars."),
        vec![(1e6, Some("USD".into())), (1e7, Some("USD".into()))]
    );
    // A count after a place keeps no unit.
    assert_eq!(
        units("In Leeds, 40, and in York, 30, homes flooded."),
        vec![(40.0, None), (30.0, None)]
    );
}

#[test]
fn a_vague_amount_of_money_or_time_has_its_unit() {
    assert_eq!(
        units("The scheme cost taxpayers millions of dollars over hundreds of years."),
        vec![(1e6, Some("USD".into())), (100.0, Some("year".into()))]
    );
}

#[test]
fn an_estimate_verb_with_its_object_before_at_hedges() {
    assert_eq!(
        value_hedges("Insurers estimate the losses from the storm at $40 million."),
        vec![(Some(4e7), "approximately")]
    );
    assert_eq!(
        value_hedges("The firm valued the plant at $40 million."),
        vec![(Some(4e7), "exact")]
    );
}

#[test]
fn digits_and_a_scale_join_and_only_after_hundred() {
    assert_eq!(
        values("The charity raised $3 million and 250 volunteers signed up."),
        vec![3e6, 250.0]
    );
    assert_eq!(values("It holds 3 hundred and 21 seats."), vec![321.0]);
}

#[test]
fn a_quarter_of_a_million_is_a_quarter_of_it() {
    assert_eq!(
        values("A quarter of a million fans lined the route."),
        vec![250000.0]
    );
    assert_eq!(
        values("They sold a quarter million tickets."),
        vec![250000.0]
    );
    assert_eq!(
        values("Three quarters of a million homes lost power."),
        vec![750000.0]
    );
    assert_eq!(
        value_hedges("The repairs are estimated to be $2 million."),
        vec![(Some(2e6), "approximately")]
    );
}

/// Each figure's value and unit, in text order.
fn value_units(text: &str) -> Vec<(f64, Option<String>)> {
    figs(text)
        .iter()
        .filter_map(|f| f.value.map(|v| (v, f.unit.clone())))
        .collect()
}

#[test]
fn in_the_range_of_hedges_as_about() {
    assert_eq!(
        value_hedges("Office space rents in the range of $45 a square foot."),
        vec![(Some(45.0), "approximately")]
    );
    // A range after the phrase stays a range.
    assert_eq!(
        value_hedges("Tickets cost in the range of $20 to $30."),
        vec![(Some(20.0), "range")]
    );
}

#[test]
fn decibels_and_percentage_point_compounds_have_units() {
    assert_eq!(
        value_units("The siren reached 95 decibels and the drill 110 dB."),
        vec![(95.0, Some("dB".into())), (110.0, Some("dB".into()))]
    );
    assert_eq!(
        value_units("She leads by a five-percentage-point margin."),
        vec![(5.0, Some("percent".into()))]
    );
}

#[test]
fn an_age_after_a_pronoun_and_was() {
    assert_eq!(
        value_units("She was 17 when the family moved."),
        vec![(17.0, Some("year".into()))]
    );
    assert_eq!(
        value_units("The rule did not apply, since he still was 16 at the time."),
        vec![(16.0, Some("year".into()))]
    );
    assert_eq!(
        value_units("They moved west when she was about 9, her brother said."),
        vec![(9.0, Some("year".into()))]
    );
    // A noun after the number is what it counts; "it" is no person.
    assert_eq!(
        value_units("He was 12 points behind in March."),
        vec![(12.0, Some("point".into()))]
    );
    assert_eq!(value_units("It was 40 at noon."), vec![(40.0, None)]);
    assert_eq!(
        value_units("He was 3 of 9 from the field."),
        vec![(3.0, None), (9.0, None)]
    );
}

#[test]
fn numbers_inside_names_with_of_or_for() {
    // "Gang of Eight", "Fight for 15": names; two numbers in "Two of Four" count.
    assert!(values("The Group of Seven met in Rome on Monday.").is_empty());
    assert!(values("Leaders of the Walk for 12 Coalition spoke first.").is_empty());
    assert_eq!(values("The rebels took Two of Four Towns."), vec![2.0, 4.0]);
    assert_eq!(values("Mayor Calls for 15 New Parks"), vec![15.0]);
}

#[test]
fn a_yard_line_is_no_distance() {
    assert!(values("He was tackled at the 30-yard line.").is_empty());
    assert_eq!(
        value_units("He ran 30 yards for the score."),
        vec![(30.0, Some("yard".into()))]
    );
}

#[test]
fn a_name_before_a_plural_noun_keeps_the_count() {
    assert_eq!(
        values("Democrats must defend 21 of the 33 Senate seats on the ballot."),
        vec![21.0, 33.0]
    );
    assert_eq!(values("All of the 27 EU member states signed."), vec![27.0]);
    // A model name stays a name.
    assert!(values("Regulators grounded the 737 Max jets in March.").is_empty());
    assert!(values("He bought the 3 Series in May.").is_empty());
}

#[test]
fn a_day_cut_from_its_month_opens_no_figure() {
    assert!(values("14 in Berlin, which the police confirmed.").is_empty());
    assert!(values("9 because the vote was moved.").is_empty());
    assert_eq!(values("3 in 10 voters disagree."), vec![3.0]);
    assert_eq!(values("12 people were hurt."), vec![12.0]);
    assert_eq!(values("5 of the 12 jurors agreed."), vec![5.0, 12.0]);
}

#[test]
fn a_hedged_year_closing_its_clause_is_a_year() {
    assert!(values("The feud began around 2011, when the plant closed.").is_empty());
    assert_eq!(
        value_hedges("Attendance rose to about 2000, when the hall filled."),
        vec![(Some(2000.0), "approximately")]
    );
    assert_eq!(
        value_hedges("They hired about 2500 workers."),
        vec![(Some(2500.0), "approximately")]
    );
}

#[test]
fn one_before_a_base_form_and_one_former_aide() {
    // "count" here is a charge, not the verb of "one misdemeanor".
    assert_eq!(
        values("Smith, 51, faces one felony count of fraud."),
        vec![51.0, 1.0]
    );
    assert!(
        values("One senior aide, who asked not to be named, said the talks failed.").is_empty()
    );
    assert!(values("One potential weak spot is the budget.").is_empty());
    assert_eq!(values("One person was hurt."), vec![1.0]);
    assert!(values("One analyst said the deal was close.").is_empty());
}

#[test]
fn passive_reporting_agent_claims_the_figure() {
    // The agent after "by" asserts what the passive verb reports.
    let f = figs("The driver was described by police as a 6-foot man weighing 210 pounds.");
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|x| x.source.as_deref() == Some("police")));
    let f = figs("The march, estimated by organisers at 12,000 people, ended at noon.");
    assert_eq!(f[0].source.as_deref(), Some("organisers"));
    // A naming verb in the passive reports nothing.
    let f = figs("The bay, as it is called by locals, saw 400 strandings since 1900.");
    assert_eq!(f[0].source, None);
}

#[test]
fn a_place_after_the_subject_is_no_claimant() {
    let f = figs("A spokesman for Mercy Clinic in Port Ellis said the four patients were stable.");
    let s = f[0].source.as_deref().unwrap_or("");
    assert!(s.contains("Mercy Clinic"), "{s}");
    let f = figs("Officials in Dorset said 30 homes were flooded.");
    assert_eq!(f[0].source.as_deref(), Some("Officials in Dorset"));
}

#[test]
fn a_verb_inside_a_dash_aside_claims_no_figure_after_it() {
    // The aside's own figure is the audit's; the one after its closing dash is the outlet's.
    let text = "On Tuesday \u{2014} the morning the Halden audit showed the fund had lost 12 accounts \u{2014} \
                about 400 members met in the hall.";
    let f = figs(text);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].source.as_deref(), Some("Halden audit"));
    assert_eq!(f[1].source, None);
}

#[test]
fn a_reporting_verb_in_the_passive_with_no_agent_names_no_one() {
    // The subject of "is believed to" is what is reported on, not who reports it; with an
    // agent the agent claims the figure, as before.
    let f = figs("Marlow is believed to be seeking more than $21 million per year.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].source, None);
    let f = figs("The toll at Halden was widely estimated at 300 homes.");
    assert_eq!(f[0].source, None);
    let f = figs("Marlow was described by police as a 38-year-old welder.");
    assert_eq!(f[0].source.as_deref(), Some("police"));
    let f = figs("Marlow believes the club will pay $21 million.");
    assert_eq!(f[0].source.as_deref(), Some("Marlow"));
}

#[test]
fn a_scale_written_once_after_the_high_end_scales_the_low_end() {
    // "$5 or $6 million", "$140-$150M", "$3 to 5 million": the low end is in millions too.
    let f = figs("The club offered $5 or $6 million for the striker.");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].value, f[0].high), (Some(5e6), Some(6e6)));
    let f = figs("The deal is worth five or six million dollars.");
    assert_eq!((f[0].value, f[0].high), (Some(5e6), Some(6e6)));
    let f = figs("Bids ran from $140-$150M over seven years.");
    assert_eq!((f[0].value, f[0].high), (Some(140e6), Some(150e6)));
    let f = figs("The repairs will cost $3 to 5 million.");
    assert_eq!((f[0].value, f[0].high), (Some(3e6), Some(5e6)));
    // Both ends written with their scales stay as written.
    let f = figs("The club offered $500,000 or $6 million for the striker.");
    assert_eq!((f[0].value, f[0].high), (Some(5e5), Some(6e6)));
}

#[test]
fn longer_and_shorter_than_bound_a_span() {
    assert_eq!(
        value_hedges("No team offered a contract longer than eight years."),
        [(Some(8.0), "more_than")]
    );
    assert_eq!(
        value_hedges("The outage lasted shorter than 10 minutes."),
        [(Some(10.0), "less_than")]
    );
    assert_eq!(
        value_hedges("The talk ran no longer than 20 minutes."),
        [(Some(20.0), "at_most")]
    );
}

#[test]
fn a_run_of_dashes_sets_off_no_aside() {
    // Past a handful of long dashes a sentence holds no asides: the dash after the verb closes
    // none, so the verb claims the figure after it, as it would with no dashes at all.
    let run = "$5\u{2013}".repeat(9);
    let text = format!("Fees rose {run} the Halden audit showed \u{2014} 12 accounts were lost.");
    let f = figs(&text);
    let last = f.last().expect("the last figure");
    assert_eq!(last.value, Some(12.0));
    assert_eq!(last.source.as_deref(), Some("Halden audit"));
}

#[test]
fn n_or_m_is_a_range_with_a_unit_or_an_elided_noun() {
    // The unit written once after the second number, and a first number whose noun is elided
    // (taken from the figure before), make no two figures.
    let f = figs("They moved to the valley five or six years ago.");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].value, f[0].high), (Some(5.0), Some(6.0)));
    assert_eq!(f[0].hedge.as_str(), "range");
    assert_eq!(f[0].unit.as_deref(), Some("year"));
    let f = figs("About 130 people marched, and a band of 100 or 200 joined them later.");
    assert_eq!(f.len(), 2);
    assert_eq!((f[1].value, f[1].high), (Some(100.0), Some(200.0)));
    assert_eq!(f[1].hedge.as_str(), "range");
}

#[test]
fn the_charges_against_a_person_claim_the_figure() {
    // The figures stage alone, no quote given: the subject is the document.
    let f = figs("The indictment against Brannigan alleges he sold 14 snowplows to a friend.");
    assert_eq!(f[0].source.as_deref(), Some("indictment against Brannigan"));
}

#[test]
fn thousands_with_a_space_after_the_comma_are_one_number() {
    // Word-by-word tokenised text writes "200, 000"; a list of numbers stays a list.
    let f = figs("The quake hit a city home to 200, 000 people and $430, 000 in aid arrived.");
    assert_eq!(f[0].value, Some(200_000.0));
    assert_eq!(f[1].value, Some(430_000.0));
    let f = figs("The team scored 12, 14 and 16 points in the three games.");
    assert!(f.iter().all(|f| f.value.unwrap_or(0.0) < 100.0), "{f:?}");
}

#[test]
fn the_accused_claims_nothing() {
    let text = "A former cashier accused of taking $9,000 from the till was charged on Friday.";
    let q = Quote {
        kind: QuoteKind::Indirect,
        start: text.find("of taking").unwrap(),
        end: text.find(" from").unwrap(),
        speaker_mention: Some("A former cashier".into()),
        cue: Some("accused".into()),
        ..Default::default()
    };
    assert_eq!(figs_with(text, &[q])[0].source, None);
}

#[test]
fn better_than_bounds_a_number_from_below() {
    assert_eq!(
        value_hedges("The club made an offer better than six years and $90 million."),
        [(Some(6.0), "more_than"), (Some(90_000_000.0), "exact")]
    );
    assert_eq!(
        value_hedges("Her odds are no better than 20 percent."),
        [(Some(20.0), "at_most")]
    );
}

#[test]
fn a_title_case_headline_counts_with_its_number_words() {
    assert_eq!(
        values("Coast Guard Rescues Four Stranded Hikers Near Ridge\n\nThe hikers were cold."),
        [4.0]
    );
    assert_eq!(
        values("Harbour Patrol Seizes Two Smuggling Boats\n\nThe boats were empty."),
        [2.0]
    );
    // Names that hold a number word stay names, headline or not.
    assert!(values("Crowds Gather At Ground Zero Memorial\n\nIt rained.").is_empty());
    assert!(values("The Big Three Meet In Detroit Today\n\nIt rained.").is_empty());
    // A band or a series named with a number word, before a headline verb.
    assert!(values("Reunited Jackson Five Tours Europe Again\n\nIt rained.").is_empty());
    assert!(values("Revived Formula Two Returns To Monaco This Weekend\n\nIt rained.").is_empty());
    assert_eq!(
        values("Wildfire Spreads Across Three Counties Overnight\n\nIt rained."),
        [3.0]
    );
}
