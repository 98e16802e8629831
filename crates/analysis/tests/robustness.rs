//! The whole analysis over hostile text: no input panics, every span is a char-boundary range of
//! the text whose slice is the item's text, and the cost stays roughly linear. Inputs are built
//! from fragments that trip the stages (quote marks, cues, names, numbers, dates, odd code points)
//! so random runs reach the interactions between stages that plain random text never does.
//!
//! Campaign: `PROPTEST_CASES=200000 cargo test -p claimtrail-analysis --test robustness`.

use std::time::{Duration, Instant};

use claimtrail_analysis::{analyze, DocAnalysis, DocMeta, Options, RunContext};
use claimtrail_article::{extract, Article};
use claimtrail_page::{into_page, Format, RawDoc};
use proptest::prelude::*;

/// Fragments the text is assembled from; joined by the separators below.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    // quote marks
    "\"", "“", "”", "‘", "’", "«", "»", "``", "''", "„", "‹", "›", "'", "`", "«\u{a0}", "\u{a0}»",
    // dashes and punctuation
    "—", "–", "-", "--", ":", ";", ",", ".", "...", "…", "?", "!", "(", ")", "[", "]", "/", "&",
    "\n\n", "\n", "\t", "*", "•",
    // cues
    "said", "says", "told", "told reporters", "according to", "According to", "added", "adding",
    "said in a statement", "he said", "she said", "they said", "he added", "said on Monday",
    "warned", "claimed", "denied", "insisted", "wrote", "asked", "stated that", "that",
    // pronouns and function words
    "He", "he", "She", "she", "They", "they", "It", "it", "We", "I", "his", "her", "the", "The",
    "a", "an", "of", "in", "on", "at", "and", "or", "but", "who", "which",
    // names
    "Kim", "Kim Lee", "Ana María Ruiz", "Jean-Pierre", "Karine Jean-Pierre", "Mr.", "Mr. Smith",
    "Dr.", "Dr. Ada Obi", "Mrs.", "Ms. Wu", "Prof.", "John F. Kennedy", "O'Brien", "McDonald",
    "de la Cruz", "Van Buren", "Joe Biden", "Putin", "Zelenskiy", "UN", "NATO", "U.S.",
    "the United States", "Ukraine", "Russia", "New York", "Reuters", "AFP", "AP", "Apple Inc.",
    "the Ministry of Defence", "White House", "Kremlin", "European Union",
    // roles
    "spokesman", "spokeswoman", "the minister", "the prime minister", "a spokesperson", "officials",
    "the official", "the president", "President", "Secretary of State", "CEO", "police",
    "the company", "analysts", "a source",
    // numbers
    "0", "1", "3", "12", "3,000", "13k", "3.5 million", "two dozen", "a third", "half", "one",
    "two", "twenty-one", "hundreds", "thousands of", "1,000,000,000,000,000,000,000",
    "99999999999999999999", "1e308", "0.000", "3.", ".5", "1,2,3", "1.2.3", "10,00", "-5", "2/3",
    "½", "¾", "3rd", "21st", "1st", "first", "second", "tenth", "hundredth", "#1", "No. 5", "5x",
    "x5", "24/7", "100k", "1m", "2bn", "3tn", "a billion", "a million", "million", "billion",
    "trillion", "dozens", "score", "nil", "zero", "nought",
    // money, percentages, units
    "$", "$1.2bn", "$5", "$ 5", "USD 800 million", "USD", "€", "€3m", "3 €", "£", "£2.5bn", "₹900",
    "₹", "Rs 900 crore", "¥", "CHF", "bn", "m", "k", "%", "50%", "5 percent", "per cent",
    "percentage points", "km", "miles", "kg", "tonnes", "degrees", "°C", "mph",
    // ranges and hedges
    "1,000 to 1,200", "between 3 and", "between", "and", "to", "from", "-", "1,000-1,200", "3–5",
    "about", "around", "roughly", "nearly", "almost", "more than", "less than", "fewer than",
    "at least", "at most", "up to", "over", "under", "some", "as many as", "as much as",
    "estimated", "approximately", "or so", "plus",
    // dates and times
    "28 October", "Oct. 28", "October 28, 2024", "10/28/2024", "28/10/2024", "2024-10-28",
    "2024-02-30", "Feb 29", "29 February 1900", "Wednesday", "on Wednesday", "last year",
    "next year", "this year", "since February 2022", "early- to mid-October", "mid-", "early",
    "late", "the past week", "past", "week", "weeks", "(Nov 21)", "Thursday (Nov 21)", "Nov",
    "November", "Sept.", "2024", "1999", "0000", "9999", "12024", "262143", "in 5000 years",
    "5000 years ago", "yesterday", "today", "tomorrow", "tonight", "this morning", "last night",
    "two days ago", "in three weeks", "every day", "weekly", "each year", "annually", "Q3",
    "the third quarter", "2020s", "the 1990s", "the '90s", "fiscal 2024", "FY24", "H1", "10:30",
    "10:30 a.m.", "3 pm", "noon", "midnight", "GMT", "ET", "24:00", "99:99", "for three years",
    "over the past decade", "a decade", "century", "the 21st century", "Monday-Friday", "1 Jan",
    "Jan 1st", "32 January", "0 March", "March 0", "the 31st", "Christmas", "New Year's Eve",
    "spring", "winter 2023", "two years", "ago", "later", "earlier", "before", "after", "until",
    "by", "within", "during", "12/31/9999", "31.12.99", "1/1/1", "00/00/0000", "next Friday",
    "last Monday", "this week", "weekend",
    // web, non-Latin, odd code points
    "https://example.com/a?b=1#c", "www.example.org", "user@example.com", "@handle", "#tag",
    "Москва", "Путин сказал", "北京", "東京都", "مرحبا", "שלום", "हिन्दी", "ภาษาไทย", "한국어", "e\u{301}",
    "\u{301}", "\u{300}\u{301}\u{302}", "\u{200b}", "\u{200d}", "\u{feff}", "\u{2028}", "\u{2029}",
    "\u{a0}", "\u{202f}", "\u{2009}", "\u{00ad}", "\u{202e}", "\u{0}", "\u{1}", "\u{7f}", "\u{85}",
    "\r", "\r\n", "\u{fffd}", "\u{10ffff}", "\u{e000}", "😀", "👍🏽", "👨‍👩‍👧", "🇺🇸", "１２３", "Ⅻ", "٣",
    "߀", "ǅ", "ß", "İ", "ﬁ", "ＡＢＣ", "ǲ",
];

const SEPARATORS: &[&str] = &["", " ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "\u{a0}"];

/// Reference dates: none, ordinary, leap, and the edges of what chrono can hold.
const PUBLISHED: &[Option<&str>] = &[
    None,
    Some("2024-10-28"),
    Some("2024-02-29"),
    Some("2000-01-01"),
    Some("0001-01-01"),
    Some("0000-01-01"),
    Some("9999-12-31"),
    Some("262142-12-31"),
    Some("-262143-01-01"),
    Some("2024-13-40"),
    Some("garbage"),
];

fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => (
            proptest::sample::select(FRAGMENTS),
            proptest::sample::select(SEPARATORS)
        )
            .prop_map(|(f, s)| format!("{f}{s}")),
        1 => "\\PC{1,4}",
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// Text from a handful of fragments drawn once per case: a small vocabulary repeats, so the
/// rare interactions between a few fragments (a cue after a dash after a name) come up often.
fn focused_text() -> impl Strategy<Value = String> {
    (
        proptest::sample::subsequence(FRAGMENTS, 1..8),
        proptest::sample::subsequence(SEPARATORS, 1..4),
    )
        .prop_flat_map(|(words, seps)| {
            let piece = (
                proptest::sample::select(words),
                proptest::sample::select(seps),
            )
                .prop_map(|(f, s)| format!("{f}{s}"));
            proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
        })
}

fn run(text: &str, published: Option<&str>) -> DocAnalysis {
    let article = Article {
        text: text.to_string(),
        published: published.map(str::to_string),
        ..Article::default()
    };
    analyze(DocMeta::default(), article, &Options::default())
}

fn span_ok(text: &str, what: &str, start: usize, end: usize, item: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what} span {start}..{end} out of range in {text:?}"
    );
    assert_eq!(
        text.get(start..end),
        Some(item),
        "{what} span {start}..{end} is not its text in {text:?}"
    );
}

fn check(text: &str, published: Option<&str>) {
    let a = run(text, published);
    assert_eq!(a.text, text);
    check_spans(&a);
}

fn check_spans(a: &DocAnalysis) {
    let text = a.text.as_str();
    for e in &a.entities {
        assert!(e.start < e.end, "empty entity in {text:?}");
        span_ok(text, "entity", e.start, e.end, &e.text);
    }
    for q in &a.quotes {
        assert!(q.start < q.end, "empty quote in {text:?}");
        span_ok(text, "quote", q.start, q.end, &q.text);
        assert!(matches!(q.kind.as_str(), "direct" | "indirect" | "mixed"));
    }
    for f in &a.figures {
        assert!(f.start < f.end, "empty figure in {text:?}");
        span_ok(text, "figure", f.start, f.end, &f.text);
    }
    for t in &a.times {
        assert!(t.start < t.end, "empty time in {text:?}");
        span_ok(text, "time", t.start, t.end, &t.text);
    }
    // The contract is JSON: serialising must not fail whatever the values are.
    serde_json::to_string(&a).expect("serialises");
}

/// Markup and page furniture the tricky text is wrapped in for the whole pipeline.
#[rustfmt::skip]
const WRAPPERS: &[&str] = &[
    "<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<br>", "<b>", "</b>", "<a href=x>", "</a>",
    "<blockquote>", "</blockquote>", "<li>", "<script>x</script>", "&amp;", "&#8220;", "&nbsp;",
    "<title>", "</title>", "<time datetime=\"2024-10-28\">", "</time>",
    "<meta property=\"article:published_time\" content=\"2024-10-28T10:00:00Z\">",
    "<meta name=\"author\" content=\"Kim Lee\">", "By Kim Lee\n", "Published 28 October 2024\n",
    "WASHINGTON (Reuters) - ", "Read more\n", "\n\n",
];

fn page_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => tricky_text(),
        1 => proptest::sample::select(WRAPPERS).prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Bytes to analysis, as a run does it: decode and sniff, extract the article, analyse.
fn through_pipeline(
    bytes: Vec<u8>,
    declared: Option<Format>,
    plain: bool,
    published: Option<&str>,
) {
    let raw = RawDoc {
        published: published.map(str::to_string),
        declared,
        ..RawDoc::new("fuzz", bytes)
    };
    let Ok(page) = into_page(raw, plain) else {
        return;
    };
    let article = extract(&page);
    let opts = Options {
        published: published.and_then(|p| p.parse().ok()),
        ..Options::default()
    };
    let a = analyze(DocMeta::default(), article, &opts);
    check_spans(&a);
}

proptest! {
    #[test]
    fn pages_through_the_whole_pipeline_are_safe(
        page in page_text(),
        published in proptest::sample::select(PUBLISHED),
        how in 0..4u8,
    ) {
        let (declared, plain) = match how {
            0 => (Some(Format::Html), false),
            1 => (Some(Format::Dump), false),
            2 => (None, true),
            _ => (None, false),
        };
        through_pipeline(page.into_bytes(), declared, plain, published);
    }

    #[test]
    fn tricky_text_is_safe(
        text in tricky_text(),
        published in proptest::sample::select(PUBLISHED),
    ) {
        check(&text, published);
    }

    #[test]
    fn focused_text_is_safe(
        text in focused_text(),
        published in proptest::sample::select(PUBLISHED),
    ) {
        check(&text, published);
    }

    /// The one step across documents: undated pages borrowing years from dated ones.
    #[test]
    fn run_context_over_any_batch_is_safe(
        batches in proptest::collection::vec(
            proptest::collection::vec(
                (focused_text(), proptest::sample::select(PUBLISHED)),
                1..4,
            ),
            1..3,
        ),
        memory in 0usize..3,
    ) {
        let mut context = RunContext::new(memory);
        for batch in batches {
            let mut docs: Vec<DocAnalysis> =
                batch.iter().map(|(t, p)| run(t, *p)).collect();
            let mut refs: Vec<&mut DocAnalysis> = docs.iter_mut().collect();
            context.resolve(&mut refs);
            for d in &docs {
                check_spans(d);
            }
        }
    }

    #[test]
    fn any_text_is_safe(s in "\\PC{0,200}", published in proptest::sample::select(PUBLISHED)) {
        check(&s, published);
    }
}

/// Inputs the campaign shrank a panic to, kept so they run on every build with every
/// reference date.
#[test]
fn known_hostile_inputs_are_safe() {
    for text in [
        // figures: an en dash after a number in an e-mail token was cut inside the dash
        "0–user@example.com",
    ] {
        for published in PUBLISHED {
            check(text, *published);
        }
    }
}

/// Repeats `unit` until the text has at least `bytes` bytes.
fn grow(unit: &str, bytes: usize) -> String {
    let n = bytes.div_ceil(unit.len().max(1));
    unit.repeat(n)
}

/// The best of two runs: a run preempted on a loaded machine must not read as a blow-up.
fn time(text: &str) -> Duration {
    let once = || {
        let t = Instant::now();
        run(text, Some("2024-10-28"));
        t.elapsed()
    };
    once().min(once())
}

/// A fragment sequence repeated into a long text (one giant sentence or paragraph when it has no
/// breaks) must cost about eight times as much at eight times the size. Each case analyses
/// grown texts four times, so the count is its own (`CLAIMTRAIL_LINEAR_CASES`, default 4):
/// proptest's `PROPTEST_CASES` would override any count given in the config.
#[test]
fn repeated_tricky_text_is_linear() {
    let cases = std::env::var("CLAIMTRAIL_LINEAR_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(4);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases,
        ..ProptestConfig::default()
    });
    let result = runner.run(&tricky_text(), |unit| {
        prop_assume!(!unit.is_empty());
        let small = grow(&unit, 10_000);
        let big = grow(&unit, 80_000);
        let ts = time(&small);
        let tb = time(&big);
        // Linear is 8x, quadratic 64x: the bound sits between, with slack for tiny times.
        prop_assert!(
            tb < ts * 24 + Duration::from_millis(500),
            "{ts:?} at 10 kB, {tb:?} at 80 kB for unit {unit:?}"
        );
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Single long runs of one troublesome fragment: each must stay fast at 200 kB.
#[test]
fn long_runs_of_one_fragment_are_fast() {
    for unit in [
        "“",
        "\"",
        "« ",
        "Kim Lee ",
        "said ",
        "according to ",
        "3,000 ",
        "between 3 and ",
        "(",
        "Mr. ",
        "— ",
        "e\u{301}",
        "the ",
        "1 ",
        "$",
        "Oct. 28 ",
        "last ",
        "he said, “",
        "Dr. Ada Obi, the minister, ",
        "3 to ",
        "3 - ",
        "$5–",
        "between 3 and 5 and ",
        "<div>",
    ] {
        let text = grow(unit, 200_000);
        let t = time(&text);
        eprintln!("{unit:?} x{}: {t:?}", text.len() / unit.len());
        assert!(t < Duration::from_secs(20), "{unit:?}: {t:?}");
    }
}
