//! JSON Lines record files, plain and gzip member by member, and the content sniff that tells
//! them from pages.
#![no_main]

use claimtrail_pipeline::inputs::{read_stream, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let name = match first % 3 {
        0 => "fuzz.jsonl",
        1 => "fuzz.jsonl.gz",
        _ => "fuzz.txt",
    };
    let limits = Limits {
        max_document_bytes: 1 << 12,
    };
    let docs = read_stream(
        name.into(),
        Box::new(std::io::Cursor::new(bytes.to_vec())),
        limits,
    );
    // Uncompressed, each document or error consumes input: more than one per byte would be a
    // loop. (Compressed input may expand to any number of records: libFuzzer's timeout
    // watches those.)
    let n = docs.take(bytes.len() + 2).count();
    assert!(
        first % 3 == 1 || n <= bytes.len() + 1,
        "{n} documents from {} bytes",
        bytes.len()
    );
});
