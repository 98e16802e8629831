//! The ledger over generated analyses: storing any batch the analysis can produce and running
//! every query over it never panics (a bad query may be an error, never a crash). Texts are
//! built from news-like sentences and hostile fragments, analysed for real, so figures, quotes
//! and entities reach the linking code (wire copies, stories, quote registry, measure keys).
//!
//! Campaign: `PROPTEST_CASES=20000 cargo test -p claimtrail-ledger --test robustness`.

use claimtrail_analysis::{analyze, DocAnalysis, DocMeta, Options};
use claimtrail_article::Article;
use claimtrail_ledger::{Appearance, Filter, SqliteStore, Store};
use proptest::prelude::*;

#[rustfmt::skip]
const PIECES: &[&str] = &[
    "“We will not back down,” Kim Lee said on Monday.", "Kim Lee, the minister, said",
    "About 3,000 North Korean troops were sent to Kursk Oblast.", "at least 10,000 soldiers",
    "According to the ministry, 1,200 people died.", "service members", "service", "members",
    "Prices rose 5% in October.", "$1.2bn", "₹900 crore", "between 3 and 5 million",
    "The council met on Oct. 28, 2024.", "last year", "Reuters", "(AP) —", "WASHINGTON —",
    "He said the plan was “on track” and added that costs fell.", "Joe Biden", "Biden",
    "“", "”", "\"", "—", "-", ".", ",", "(", ")", "\n\n", " ", " to ", " in ", " into the ",
    "Oblast", "Province", "State", "County", "e\u{301}", "\u{200b}", "😀", "北京", "İ", "ß",
    "1ies", "ies", "s", "ss",
];

/// Query strings: ordinary words, FTS5 syntax and its misuse.
#[rustfmt::skip]
const QUERIES: &[&str] = &[
    "", "troops", "Kim", "kim lee", "\"", "\"unclosed", "a AND", "OR", "NOT x", "NEAR(a b",
    "*", "tro*", "-x", "x:y", "(", ")", "^", "%", "_", "'", "\u{0}", "😀", "e\u{301}",
    "3,000", "North Korean troops", "troops in Kursk Oblast", "2024-10-28", "9999-99-99",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            6 => proptest::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{1,6}",
        ],
        0..40,
    )
    .prop_map(|v| v.join(" "))
}

fn analysed(i: usize, text: String, published: Option<&str>) -> DocAnalysis {
    let article = Article {
        text,
        published: published.map(str::to_string),
        title: Some(format!("Title {i}")),
        url: Some(format!("https://example.com/{i}")),
        ..Article::default()
    };
    let meta = DocMeta {
        source: format!("doc{i}"),
        id: format!("{i:032x}"),
    };
    analyze(meta, article, &Options::default())
}

fn filters(q: &str) -> Vec<Filter> {
    let some = || Some(q.to_string());
    vec![
        Filter::default(),
        Filter {
            speaker: some(),
            ..Filter::default()
        },
        Filter {
            entity: some(),
            ..Filter::default()
        },
        Filter {
            counted: some(),
            ..Filter::default()
        },
        Filter {
            text: some(),
            ..Filter::default()
        },
        Filter {
            // Dates are typed: a bad date is refused by the CLI before a filter exists.
            since: "2024-10-01".parse().ok(),
            until: "2024-10-31".parse().ok(),
            limit: Some(1),
            story: Some(1),
            ..Filter::default()
        },
    ]
}

proptest! {
    #[test]
    fn any_analysed_batch_stores_and_queries(
        texts in proptest::collection::vec(text(), 1..4),
        dated in proptest::collection::vec(any::<bool>(), 4),
        query in proptest::sample::select(QUERIES),
    ) {
        let mut store = SqliteStore::in_memory().expect("in-memory store");
        let docs: Vec<Appearance> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Appearance {
                origin: format!("https://example.com/{i}"),
                analysis: analysed(i, t, dated[i].then_some("2024-10-28")),
            })
            .collect();
        // Twice: a re-run stores nothing new.
        let n = store.put_batch(&docs).expect("stores");
        prop_assert_eq!(n, docs.len());
        prop_assert_eq!(store.put_batch(&docs).expect("stores again"), 0);
        // Every analysis comes back as it went in.
        for d in &docs {
            let back = store.document(&d.analysis.id).expect("reads");
            prop_assert_eq!(back.as_ref(), Some(&d.analysis));
        }
        // Query errors (bad FTS5 syntax) are answers; only panics fail.
        for f in filters(query) {
            let _ = store.documents(&f, &mut |_| Ok(()));
            let _ = store.quotes(&f, &mut |_| Ok(()));
            let _ = store.figures(&f, &mut |_| Ok(()));
            let _ = store.entities(&f, &mut |_| Ok(()));
            let _ = store.stories(&f, &mut |_| Ok(()));
            let _ = store.copies(&f, &mut |_| Ok(()));
            let _ = store.speakers(&f, &mut |_| Ok(()));
            let _ = store.registry_quotes(&f, &mut |_| Ok(()));
            let _ = store.timeline(query, &f, &mut |_| Ok(()));
            let _ = store.measures(&f, &mut |_| Ok(()));
        }
        let _ = store.document(query);
        store.summary(5).expect("summary");
        store.counts().expect("counts");
    }
}
