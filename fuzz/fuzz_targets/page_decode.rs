//! Page decoding and sniffing: any bytes, with or without a charset named outside them, become a
//! page or a `DocError`, never a panic; a page's text is valid UTF-8 by construction.
#![no_main]

use claimtrail_page::{decode, into_page, sniff_format, RawDoc};
use libfuzzer_sys::fuzz_target;

const HINTS: [Option<&str>; 5] = [
    None,
    Some("utf-8"),
    Some("iso-8859-1"),
    Some("shift_jis"),
    Some("utf-16"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let hint = HINTS[usize::from(first) % HINTS.len()];
    if let Ok(d) = decode(bytes, hint) {
        let _ = sniff_format(&d.text, "fuzz.html");
        let _ = sniff_format(&d.text, "fuzz.txt");
    }
    let raw = RawDoc {
        source: "fuzz".into(),
        url: None,
        published: None,
        fetched: None,
        declared: None,
        charset_hint: hint.map(str::to_string),
        hints: Default::default(),
        bytes: bytes.to_vec(),
    };
    let _ = into_page(raw, first & 0x80 != 0);
});
