//! Containers as the reader meets them: WARC archives, JSON Lines record files and single pages,
//! plain or gzipped, built whole and then broken by random byte edits. Reading them and
//! decoding every document never panics; a broken record is an error for that record only.
//!
//! Campaign: `PROPTEST_CASES=20000 cargo test -p claimtrail-pipeline --test robustness`.

use claimtrail_page::into_page;
use claimtrail_pipeline::inputs::{read_source, Limits, Source};
use proptest::prelude::*;
use std::io::Write;

fn warc_record(kind: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://news.example/a\r\n\
         WARC-Date: 2025-03-04T05:06:07Z\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[rustfmt::skip]
const BODIES: &[&[u8]] = &[
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><p>First story</p></html>",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>\xcf\xf0\xe8</p>",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08",
    b"HTTP/1.1 404 Not Found\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>x<\r\n0\r\n\r\n",
    b"not http at all",
    b"",
];

#[rustfmt::skip]
const LINES: &[&str] = &[
    r#"{"url":"https://a.example/1","html":"<p>One story.</p>","published":"2024-10-28"}"#,
    r#"{"text":"Plain text record.","published":"yesterday"}"#,
    r#"{"html":null,"text":null}"#, r#"{"html":42}"#, r#"{"url":"x"}"#, "[1,2,3]", "{", "",
    r#"{"html":"\u0000\ud800"}"#, r#"{"html":"<p>é</p>","published":"2024-13-45T99:99:99Z"}"#,
];

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("in memory");
    e.finish().expect("in memory")
}

/// A container: its file name and bytes.
fn container() -> impl Strategy<Value = (String, Vec<u8>)> {
    let warc = proptest::collection::vec(
        (
            proptest::sample::select(&["response", "request", "warcinfo", "resource"][..]),
            proptest::sample::select(BODIES),
            any::<bool>(),
        ),
        0..5,
    )
    .prop_map(|recs| {
        let mut out = Vec::new();
        for (kind, body, member) in recs {
            let r = warc_record(kind, "application/http; msgtype=response", body);
            out.extend(if member { gz(&r) } else { r });
        }
        ("a.warc.gz".to_string(), out)
    });
    let jsonl = proptest::collection::vec(proptest::sample::select(LINES), 0..6)
        .prop_map(|l| ("a.jsonl".to_string(), l.join("\n").into_bytes()));
    let page =
        proptest::collection::vec(any::<u8>(), 0..200).prop_map(|b| ("a.html".to_string(), b));
    prop_oneof![warc, jsonl, page]
}

/// Byte edits: (position, replacement byte, delete instead) applied in order.
fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, u8, bool)>> {
    proptest::collection::vec(
        (any::<prop::sample::Index>(), any::<u8>(), any::<bool>()),
        0..6,
    )
}

proptest! {
    #[test]
    fn broken_containers_are_read_safely(
        (name, mut bytes) in container(),
        edits in edits(),
        gzip_whole in any::<bool>(),
        cut in any::<prop::sample::Index>(),
    ) {
        for (at, b, delete) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            if delete {
                bytes.remove(i);
            } else {
                bytes[i] = b;
            }
        }
        let (name, bytes) = if gzip_whole && !name.ends_with(".gz") {
            // A truncated gzip stream too: the cut may fall anywhere.
            let z = gz(&bytes);
            let keep = cut.index(z.len() + 1);
            (format!("{name}.gz"), z[..keep.max(z.len() / 2)].to_vec())
        } else {
            (name, bytes)
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        let limits = Limits { max_document_bytes: 1 << 16 };
        // Errors are answers (a broken record is reported); only panics fail.
        for raw in read_source(&Source::File(path), limits).take(50).flatten() {
            let _ = into_page(raw.clone(), false);
            let _ = into_page(raw, true);
        }
    }
}
