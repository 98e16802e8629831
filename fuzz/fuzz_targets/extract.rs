//! HTML and text-dump extraction: any decoded page gives an article (possibly empty) without a
//! panic, its text one of paragraphs.
#![no_main]

use claimtrail_page::{into_page, Format, RawDoc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let declared = match first % 3 {
        0 => Some(Format::Html),
        1 => Some(Format::Dump),
        _ => None,
    };
    let raw = RawDoc {
        source: "fuzz".into(),
        url: (first & 0x40 != 0).then(|| "https://news.example/2024/10/28/story".into()),
        published: None,
        fetched: None,
        declared,
        charset_hint: Some("utf-8".into()),
        hints: Default::default(),
        bytes: bytes.to_vec(),
    };
    if let Ok(page) = into_page(raw, false) {
        let _ = claimtrail_article::extract(&page);
    }
});
