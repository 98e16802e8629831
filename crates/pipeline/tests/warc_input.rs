//! WARC archives as inputs: a `.warc.gz` with one gzip member per record (Common Crawl's layout)
//! holding HTML responses, a request, a non-HTML response and a broken record.

use claimtrail_page::into_page;
use claimtrail_pipeline::inputs::{read_source, Limits, Source};
use std::io::Write;

fn record(kind: &str, uri: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-04T05:06:07Z\r\n\
         Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gz_member(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn fixture() -> Vec<Vec<u8>> {
    let http = "application/http; msgtype=response";
    let cyrillic = encoding_rs::WINDOWS_1251
        .encode("<html><body><p>Привет, мир</p></body></html>")
        .0;
    let mut ru =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n".to_vec();
    ru.extend_from_slice(&cyrillic);
    vec![
        record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        record("request", "https://news.example/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
        record(
            "response",
            "https://news.example/a",
            http,
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><p>First story</p></html>",
        ),
        record(
            "response",
            "https://news.example/logo.png",
            http,
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....",
        ),
        // Broken: the length is not a number.
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n".to_vec(),
        record("response", "https://news.example/ru", http, &ru),
    ]
}

#[test]
fn warc_gz_with_one_member_per_record_is_read_and_the_broken_record_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    let bytes: Vec<u8> = fixture().iter().flat_map(|r| gz_member(r)).collect();
    std::fs::write(&path, bytes).unwrap();

    let docs: Vec<_> = read_source(&Source::File(path.clone()), Limits::default()).collect();
    assert_eq!(docs.len(), 3, "two pages and one error: {docs:?}");

    let first = docs[0].as_ref().unwrap();
    assert_eq!(first.url.as_deref(), Some("https://news.example/a"));
    assert!(first.source.ends_with("crawl.warc.gz#3"));
    assert_eq!(
        first.published, None,
        "a fetch date is not a publication date"
    );
    assert_eq!(first.fetched.as_deref(), Some("2025-03-04T05:06:07Z"));

    let broken = docs[1].as_ref().unwrap_err();
    assert!(broken.source_name.ends_with("#5"), "{}", broken.source_name);
    assert!(
        broken.reason.contains("Content-Length"),
        "{}",
        broken.reason
    );

    let ru = docs[2].clone().unwrap();
    assert_eq!(ru.url.as_deref(), Some("https://news.example/ru"));
    let page = into_page(ru, false).unwrap();
    assert!(page.text.contains("Привет, мир"), "{}", page.text);
}

#[test]
fn plain_warc_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, fixture().concat()).unwrap();
    let docs: Vec<_> = read_source(&Source::File(path), Limits::default()).collect();
    let ok: Vec<_> = docs.iter().filter_map(|d| d.as_ref().ok()).collect();
    assert_eq!(ok.len(), 2);
    assert_eq!(docs.iter().filter(|d| d.is_err()).count(), 1);
}

#[test]
fn truncated_archive_reports_the_cut_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc");
    let mut bytes = fixture()[..3].concat();
    bytes.truncate(bytes.len() - 20);
    std::fs::write(&path, bytes).unwrap();
    let docs: Vec<_> = read_source(&Source::File(path), Limits::default()).collect();
    assert!(docs
        .last()
        .unwrap()
        .as_ref()
        .unwrap_err()
        .reason
        .contains("cut off"));
}
