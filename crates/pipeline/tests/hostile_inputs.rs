//! Hostile inputs, generated small: WARC archives with corrupt gzip members and wrong
//! Content-Lengths, oversized records, and a run over a directory that links to itself. Every
//! broken record is reported once, with its number; every intact record is kept, numbered as in
//! a clean archive.

use claimtrail_page::{DocError, RawDoc};
use claimtrail_pipeline::inputs::{read_file, Limits};
use claimtrail_pipeline::{Notice, Processed, RunOptions, Sink};
use std::io::Write;
use std::path::Path;

fn record(uri: &str, body: &str, length_error: i64) -> Vec<u8> {
    let block =
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>{body}</p></html>");
    let len = block.len() as i64 + length_error;
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n"
    )
    .into_bytes();
    r.extend_from_slice(block.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn records(n: usize) -> Vec<Vec<u8>> {
    (1..=n)
        .map(|i| {
            record(
                &format!("https://news.example/{i}"),
                &format!("Story number {i}. ").repeat(20),
                0,
            )
        })
        .collect()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn read(dir: &Path, name: &str, bytes: &[u8], limits: Limits) -> Vec<Result<RawDoc, DocError>> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    read_file(&path, limits).take(1000).collect()
}

/// `#N` of each document kept, and `!N reason` of each error.
fn summary(docs: &[Result<RawDoc, DocError>]) -> Vec<String> {
    let num = |s: &str| s.rsplit('#').next().unwrap_or("").to_string();
    docs.iter()
        .map(|d| match d {
            Ok(d) => num(&d.source),
            Err(e) => format!("!{} {}", num(&e.source_name), e.reason),
        })
        .collect()
}

#[test]
fn a_corrupt_gzip_member_costs_its_record_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut members: Vec<Vec<u8>> = records(5).iter().map(|r| gz(r)).collect();
    let mid = members[2].len() / 2;
    for b in &mut members[2][mid..mid + 8] {
        *b ^= 0xa5;
    }
    let got = summary(&read(
        dir.path(),
        "c.warc.gz",
        &members.concat(),
        Limits::default(),
    ));
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(&got[..2], ["1", "2"]);
    // Garbled bytes may be read before the checksum fails: the record is reported for what was
    // seen first, once.
    assert!(got[2].starts_with("!3 "), "{got:?}");
    assert_eq!(&got[3..], ["4", "5"]);
}

#[test]
fn a_member_corrupt_in_its_header_costs_its_record_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut members: Vec<Vec<u8>> = records(4).iter().map(|r| gz(r)).collect();
    members[1][0] = b'X';
    let got = summary(&read(
        dir.path(),
        "h.warc.gz",
        &members.concat(),
        Limits::default(),
    ));
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0], "1");
    assert!(got[1].starts_with("!2 corrupt gzip member"), "{got:?}");
    assert_eq!(&got[2..], ["3", "4"]);
}

#[test]
fn a_truncated_last_member_is_reported_once_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let members: Vec<Vec<u8>> = records(3).iter().map(|r| gz(r)).collect();
    let mut bytes = members[..2].concat();
    bytes.extend_from_slice(&members[2][..members[2].len() / 2]);
    let got = summary(&read(dir.path(), "t.warc.gz", &bytes, Limits::default()));
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(&got[..2], ["1", "2"]);
    assert!(got[2].starts_with("!3 "), "{got:?}");
}

#[test]
fn a_content_length_too_large_costs_its_record_and_not_the_next() {
    let dir = tempfile::tempdir().unwrap();
    for gzipped in [false, true] {
        let mut recs = records(4);
        recs[1] = record("https://news.example/2", "Too long a length.", 300);
        let bytes: Vec<u8> = if gzipped {
            recs.iter().flat_map(|r| gz(r)).collect()
        } else {
            recs.concat()
        };
        let name = if gzipped { "l.warc.gz" } else { "l.warc" };
        let got = summary(&read(dir.path(), name, &bytes, Limits::default()));
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], "1");
        assert!(got[1].starts_with("!2 Content-Length"), "{got:?}");
        assert!(got[1].contains("runs into the next record"), "{got:?}");
        assert_eq!(&got[2..], ["3", "4"], "numbering as in a clean archive");
    }
}

#[test]
fn a_content_length_too_small_is_reported_not_stored_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let mut recs = records(3);
    recs[1] = record(
        "https://news.example/2",
        &"A record cut short. ".repeat(10),
        -40,
    );
    let got = summary(&read(
        dir.path(),
        "s.warc",
        &recs.concat(),
        Limits::default(),
    ));
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0], "1");
    assert!(got[1].starts_with("!2 Content-Length"), "{got:?}");
    assert!(got[1].contains("ends inside the record"), "{got:?}");
    assert_eq!(got[2], "3");
}

#[test]
fn an_oversized_warc_record_is_passed_over_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let mut recs = records(3);
    recs[1] = record("https://news.example/2", &"Far too long. ".repeat(400), 0);
    let limits = Limits {
        max_document_bytes: 2048,
    };
    let at = recs[0].len();
    let got = summary(&read(dir.path(), "o.warc", &recs.concat(), limits));
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[1].starts_with("!2 record of"), "{got:?}");
    assert!(got[1].contains(&format!("at byte {at}")), "{got:?}");
    assert_eq!(got[2], "3");
}

#[test]
fn an_oversized_line_in_a_gzipped_record_file_is_skipped_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..50 {
        text.push_str(&format!("{{\"url\":\"u{i}\",\"text\":\"record {i}\"}}\n"));
        if i == 10 {
            text.push_str(&format!("{{\"text\":\"{}\"}}\n", "y".repeat(100_000)));
        }
    }
    let limits = Limits {
        max_document_bytes: 4096,
    };
    let docs = read(dir.path(), "r.jsonl.gz", &gz(text.as_bytes()), limits);
    assert_eq!(docs.len(), 51);
    assert_eq!(docs.iter().filter(|d| d.is_ok()).count(), 50);
    let e = docs[11].as_ref().unwrap_err();
    assert!(e.source_name.ends_with("#12"), "{}", e.source_name);
    assert!(e.reason.contains("at byte"), "{}", e.reason);
}

#[test]
fn a_gzipped_record_file_picks_up_at_the_next_member_after_a_corrupt_one() {
    let dir = tempfile::tempdir().unwrap();
    // Three members of ten records each, as `cat a.gz b.gz c.gz` or a chunked writer makes.
    let mut members: Vec<Vec<u8>> = (0..3)
        .map(|m| {
            let lines: String = (0..10)
                .map(|i| format!("{{\"url\":\"u{m}-{i}\",\"text\":\"Record {i} of part {m}.\"}}\n"))
                .collect();
            gz(lines.as_bytes())
        })
        .collect();
    let mid = members[1].len() / 2;
    for b in &mut members[1][mid..mid + 8] {
        *b ^= 0xa5;
    }
    let at = members[0].len();
    let docs = read(
        dir.path(),
        "r.jsonl.gz",
        &members.concat(),
        Limits::default(),
    );
    let urls: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.as_ref().ok()?.url.as_deref())
        .collect();
    for m in [0, 2] {
        for i in 0..10 {
            assert!(
                urls.contains(&format!("u{m}-{i}").as_str()),
                "u{m}-{i} in {urls:?}"
            );
        }
    }
    let corrupt: Vec<&DocError> = docs
        .iter()
        .filter_map(|d| d.as_ref().err())
        .filter(|e| e.reason.contains("corrupt gzip member"))
        .collect();
    assert_eq!(corrupt.len(), 1, "{docs:?}");
    assert!(
        corrupt[0].reason.contains(&format!("at byte {at}")),
        "{}",
        corrupt[0].reason
    );
}

/// Collects what a run hands a sink.
#[derive(Default)]
struct Collect {
    docs: Vec<Processed>,
    notices: Vec<Notice>,
}

impl Sink for Collect {
    type Error = std::convert::Infallible;
    fn accept(&mut self, batch: Vec<Processed>) -> Result<(), Self::Error> {
        self.docs.extend(batch);
        Ok(())
    }
    fn notice(&mut self, notice: &Notice) -> Result<(), Self::Error> {
        self.notices.push(notice.clone());
        Ok(())
    }
}

#[cfg(unix)]
#[test]
fn a_directory_linking_to_itself_twice_is_read_once_and_the_page_beside_it_analysed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.html"),
        "<html><body><p>The minister said on Monday that prices would rise.</p></body></html>",
    )
    .unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("x")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("y")).unwrap();
    let mut sink = Collect::default();
    let opts = RunOptions {
        batch_size: 4,
        ..RunOptions::default()
    };
    let stats =
        claimtrail_pipeline::run(&[dir.path().display().to_string()], &opts, &mut sink).unwrap();
    assert_eq!(stats.ok, 1);
    assert_eq!(stats.notices, 2);
    assert_eq!(sink.docs.len(), 1);
    assert!(sink.notices.iter().all(|n| n.reason.contains("loop")));
}

/// A store that cannot be read.
struct Broken;

impl Sink for Broken {
    type Error = String;
    fn contains(&mut self, _: &str, _: &str) -> Result<bool, String> {
        Err("disk on fire".into())
    }
    fn accept(&mut self, _: Vec<Processed>) -> Result<(), String> {
        Ok(())
    }
}

#[test]
fn a_sink_that_cannot_answer_stops_the_run_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Some text.").unwrap();
    let got = claimtrail_pipeline::run(
        &[dir.path().display().to_string()],
        &RunOptions::default(),
        &mut Broken,
    );
    assert_eq!(got, Err("disk on fire".to_string()));
}

/// A paragraph of news prose, different for each `i`: a named speaker, a quote, figures, a date.
fn varied_paragraph(i: usize) -> String {
    const NAMES: [&str; 5] = [
        "Maria Lopez",
        "John Carter",
        "Aiko Tanaka",
        "Omar Haddad",
        "Eva Novak",
    ];
    const MONTHS: [&str; 4] = ["March", "June", "September", "December"];
    format!(
        "<p>\"The district will need {} new classrooms by {} {},\" {} said on {} {}, adding that \
         costs had risen {}.{} percent to ${} million in {} months.</p>\n",
        10 + i % 90,
        MONTHS[i % 4],
        2000 + i % 30,
        NAMES[i % 5],
        MONTHS[(i / 4) % 4],
        1 + i % 28,
        i % 50,
        i % 10,
        3 + i % 400,
        2 + i % 11,
    )
}

#[test]
fn a_large_page_of_varied_paragraphs_stops_at_its_caps_with_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..3_000).map(varied_paragraph).collect();
    std::fs::write(
        dir.path().join("big.html"),
        format!("<html><head><title>Schools</title></head><body><article>{body}</article></body></html>"),
    )
    .unwrap();
    let caps = claimtrail_pipeline::Caps {
        quotes: 200,
        section_bytes: 5_000,
        ..claimtrail_pipeline::Caps::default()
    };
    let opts = RunOptions {
        analysis: claimtrail_analysis::Options {
            caps,
            ..Default::default()
        },
        ..RunOptions::default()
    };
    let mut sink = Collect::default();
    claimtrail_pipeline::run(&[dir.path().display().to_string()], &opts, &mut sink).unwrap();
    let doc = sink.docs[0].result.as_ref().unwrap();
    assert!(
        doc.text.len() > 300_000,
        "the text is kept: {}",
        doc.text.len()
    );
    assert_eq!(doc.quotes.len(), 200);
    assert!(
        doc.entities.len() < 3_000,
        "the entities of the analysed sections only"
    );
    let stopped = doc
        .warnings
        .iter()
        .find(|w| w.contains("analysis stopped at byte"))
        .unwrap_or_else(|| panic!("{:?}", doc.warnings));
    assert!(stopped.contains("cap on quotes"), "{stopped}");
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.contains("sections of at most 5000 bytes")));
    // Nothing is found past the point where analysis stopped.
    let end = doc.quotes.iter().map(|q| q.end).max().unwrap();
    assert!(doc.times.iter().all(|t| t.start < end + 5_000));
}
