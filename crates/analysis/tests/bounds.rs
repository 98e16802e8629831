//! Per-document bounds from generated texts: the text kept, analysis in sections, and items
//! that stop being produced at their caps, each with its warning.

use claimtrail_analysis::{analyze, Caps, DocAnalysis, DocMeta, Options};
use claimtrail_article::Article;

fn run(text: String, caps: Caps) -> DocAnalysis {
    let article = Article {
        text,
        ..Article::default()
    };
    let opts = Options {
        published: "2024-10-28".parse().ok(),
        caps,
    };
    analyze(DocMeta::default(), article, &opts)
}

/// Every span names its own text in the document.
fn spans_hold(a: &DocAnalysis) {
    let t = &a.text;
    for e in &a.entities {
        assert_eq!(t.get(e.start..e.end), Some(e.text.as_str()), "{e:?}");
    }
    for f in &a.figures {
        assert_eq!(t.get(f.start..f.end), Some(f.text.as_str()), "{f:?}");
    }
    for x in &a.times {
        assert_eq!(t.get(x.start..x.end), Some(x.text.as_str()), "{x:?}");
    }
    for q in &a.quotes {
        assert!(t.get(q.start..q.end).is_some(), "{q:?}");
    }
}

fn quoted_paragraphs(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "\"Prices in district {i} will rise again next year,\" the minister said on Monday."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn quotes_stop_at_their_cap_and_the_rest_of_the_text_is_not_analysed() {
    let text = quoted_paragraphs(400);
    let caps = Caps {
        quotes: 50,
        section_bytes: 2_000,
        ..Caps::default()
    };
    let a = run(text.clone(), caps);
    assert_eq!(a.quotes.len(), 50);
    assert_eq!(a.text, text, "the text is kept whole");
    spans_hold(&a);
    let stopped: Vec<_> = a
        .warnings
        .iter()
        .filter(|w| w.contains("analysis stopped at byte") && w.contains("cap on quotes"))
        .collect();
    assert_eq!(stopped.len(), 1, "{:?}", a.warnings);
    assert!(a.warnings.iter().any(|w| w.contains("more than 50 quotes")));
    // No time expression is read past the point where analysis stopped.
    let last_quote = a.quotes.last().unwrap().end;
    let limit = last_quote + 2_000;
    assert!(
        a.times.iter().all(|t| t.end <= limit),
        "{:?}",
        a.times.last()
    );
}

#[test]
fn a_text_in_sections_gives_the_items_it_gives_whole() {
    let text = (0..60)
        .map(|i| {
            format!(
                "The plant produced {} tonnes of steel on March 3, 2021.",
                100 + i
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let whole = run(text.clone(), Caps::default());
    let parts = run(
        text.clone(),
        Caps {
            section_bytes: 300,
            ..Caps::default()
        },
    );
    spans_hold(&parts);
    assert!(whole.figures.len() >= 60, "{}", whole.figures.len());
    assert_eq!(parts.figures, whole.figures);
    assert_eq!(parts.times, whole.times);
    assert!(whole.warnings.is_empty(), "{:?}", whole.warnings);
    assert!(
        parts
            .warnings
            .iter()
            .any(|w| w.contains("analysed in") && w.contains("sections")),
        "{:?}",
        parts.warnings
    );
}

#[test]
fn one_paragraph_longer_than_a_section_is_cut_between_words() {
    let text = "The agency counted 4,000 workers and 12 ships in the port. ".repeat(200);
    let text = text.trim_end().to_string();
    let a = run(
        text.clone(),
        Caps {
            section_bytes: 1_000,
            ..Caps::default()
        },
    );
    spans_hold(&a);
    assert_eq!(a.text, text);
    let whole = run(text, Caps::default());
    let thousands = |d: &DocAnalysis| {
        d.figures
            .iter()
            .filter(|f| f.text.contains("4,000"))
            .count()
    };
    assert_eq!(thousands(&whole), 200);
    assert_eq!(thousands(&a), 200, "no sentence is cut");
}

#[test]
fn text_past_the_limit_is_neither_kept_nor_analysed() {
    let text = quoted_paragraphs(100);
    let a = run(
        text.clone(),
        Caps {
            text_bytes: 1_000,
            ..Caps::default()
        },
    );
    assert!(a.text.len() <= 1_000);
    assert!(text.starts_with(&a.text));
    assert!(a.text.ends_with("on Monday."), "cut at a paragraph break");
    spans_hold(&a);
    assert!(
        a.warnings.iter().any(|w| w.contains("cut to its first")),
        "{:?}",
        a.warnings
    );
    assert!(!a.quotes.is_empty());
}

#[test]
fn a_real_article_meets_no_bound() {
    let a = run(quoted_paragraphs(20), Caps::default());
    assert!(a.quotes.len() >= 20, "{}", a.quotes.len());
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}
