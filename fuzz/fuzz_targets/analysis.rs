//! The whole analysis of one page: decode, extract, every stage. Spans must name their text in
//! the article, and the result must serialise.
#![no_main]

use claimtrail_analysis::{analyze, Caps, DocMeta, Options};
use claimtrail_page::{into_page, RawDoc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let raw = RawDoc {
        source: if first & 1 == 0 {
            "fuzz.html"
        } else {
            "fuzz.txt"
        }
        .into(),
        url: None,
        published: None,
        fetched: None,
        declared: None,
        charset_hint: None,
        hints: Default::default(),
        bytes: bytes.to_vec(),
    };
    let Ok(page) = into_page(raw, first & 2 != 0) else {
        return;
    };
    let article = claimtrail_article::extract(&page);
    // Small sections and caps, so that the fuzzer reaches the section seams and the caps.
    let caps = if first & 4 != 0 {
        Caps {
            section_bytes: 64 + usize::from(first >> 3) * 8,
            quotes: 3,
            figures: 3,
            times: 3,
            entities: 5,
            ..Caps::default()
        }
    } else {
        Caps::default()
    };
    let opts = Options {
        published: chrono::NaiveDate::from_ymd_opt(2024, 10, 28).filter(|_| first & 8 != 0),
        caps,
    };
    let a = analyze(DocMeta::default(), article, &opts);
    let t = a.text.as_str();
    for (start, end) in a
        .entities
        .iter()
        .map(|e| (e.start, e.end))
        .chain(a.quotes.iter().map(|q| (q.start, q.end)))
        .chain(a.figures.iter().map(|f| (f.start, f.end)))
        .chain(a.times.iter().map(|x| (x.start, x.end)))
    {
        assert!(
            t.get(start..end).is_some(),
            "span {start}..{end} outside the text"
        );
    }
    assert!(a.quotes.len() <= opts.caps.quotes && a.entities.len() <= opts.caps.entities);
});
