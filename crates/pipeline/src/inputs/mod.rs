//! Inputs to documents: PATH arguments (files, directories, `-` for stdin) are walked
//! ([`walk`]) and read as they are found; `.gz` is read transparently; a JSON Lines record file
//! ([`records`]) or a WARC archive ([`warc`]) holds many documents and is streamed record by
//! record, with limits per record and none on the container. Every document that cannot be read
//! comes out as a [`DocError`] naming it (`PATH#N` for the N-th record) and its byte offset;
//! inputs passed over without loss come out as [`Notice`]s.

mod gzip_members;
pub mod records;
mod rewind;
mod walk;
pub mod warc;

pub use walk::{ledger_files, Found, Walk};

use claimtrail_page::{DocError, RawDoc};
use gzip_members::GzMembers;
use records::{is_record_file, RecordIter};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use warc::{is_warc, WarcIter};

/// Hard limits that keep one hostile document from taking the process down.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest single document or record (after gzip decompression), in bytes.
    pub max_document_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_bytes: 64 << 20,
        }
    }
}

/// One input named on the command line (or found under a directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".into(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// An input passed over without loss of data: a directory reached a second time (a link loop,
/// two links to one directory), the ledger's own files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// What the input side hands the pipeline.
#[derive(Debug)]
pub enum Input {
    /// A document, or why one could not be read.
    Doc(Result<RawDoc, DocError>),
    Notice(Notice),
}

/// The documents of a source, one after another.
pub type Docs = Box<dyn Iterator<Item = Result<RawDoc, DocError>> + Send>;

/// Every document under `paths`, read while the paths are walked; `skip_files` are passed over.
pub fn inputs(paths: &[String], limits: Limits, skip_files: &[PathBuf]) -> Inputs {
    Inputs {
        walk: Walk::new(paths, skip_files),
        limits,
        current: None,
        read: BytesRead::default(),
    }
}

/// The size on disk of every file the same walk would read, for a progress bar's total: `None`
/// when an input has no size known in advance (stdin). Only metadata is read, so it is cheap
/// enough to run beside the run itself.
pub fn total_bytes(paths: &[String], skip_files: &[PathBuf]) -> Option<u64> {
    let mut total = 0u64;
    for found in Walk::new(paths, skip_files) {
        match found {
            Found::Source(Source::Stdin) => return None,
            Found::Source(Source::File(p)) => {
                total += std::fs::metadata(&p).map_or(0, |m| m.len());
            }
            Found::Notice(_) | Found::Error(_) => {}
        }
    }
    Some(total)
}

/// Bytes read so far from the inputs as they are stored (before decompression), shared with
/// whoever shows the run's progress: comparable with [`total_bytes`].
#[derive(Debug, Clone, Default)]
pub struct BytesRead(Arc<AtomicU64>);

impl BytesRead {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A reader that adds what it reads to a [`BytesRead`].
struct Counted<R> {
    inner: R,
    read: BytesRead,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.0.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

pub struct Inputs {
    walk: Walk,
    limits: Limits,
    current: Option<Docs>,
    read: BytesRead,
}

impl Inputs {
    /// The run's progress through its inputs, readable from another thread.
    pub fn bytes_read(&self) -> BytesRead {
        self.read.clone()
    }
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(docs) = &mut self.current {
                if let Some(d) = docs.next() {
                    return Some(Input::Doc(d));
                }
                self.current = None;
            }
            match self.walk.next()? {
                Found::Source(s) => {
                    self.current = Some(read_counted(&s, self.limits, Some(&self.read)))
                }
                Found::Notice(n) => return Some(Input::Notice(n)),
                Found::Error(e) => return Some(Input::Doc(Err(e))),
            }
        }
    }
}

/// The documents of one file (its path).
pub fn read_file(path: &Path, limits: Limits) -> Docs {
    read_source(&Source::File(path.to_path_buf()), limits)
}

/// The documents of one source: one for a page, many for a record file or an archive.
pub fn read_source(source: &Source, limits: Limits) -> Docs {
    read_counted(source, limits, None)
}

fn read_counted(source: &Source, limits: Limits, read: Option<&BytesRead>) -> Docs {
    let name = source.name();
    let mut file_len = 0;
    let reader: Box<dyn Read + Send> = match source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File(p) => match File::open(p) {
            Ok(f) => {
                file_len = f.metadata().map_or(0, |m| m.len());
                Box::new(f)
            }
            Err(e) => return one(Err(DocError::new(name, format!("cannot open: {e}")))),
        },
    };
    let reader = match read {
        Some(read) => Box::new(Counted {
            inner: reader,
            read: read.clone(),
        }),
        None => reader,
    };
    read_named(name, reader, file_len, limits)
}

/// The documents of any byte stream, read as a file called `name` would be (its suffix says
/// whether it is gzip, a WARC archive or a record file): a server's upload, a fuzzer's input.
pub fn read_stream(name: String, reader: Box<dyn Read + Send>, limits: Limits) -> Docs {
    read_named(name, reader, 0, limits)
}

/// `file_len`: the size of an uncompressed file on disk, when known (else 0).
fn read_named(name: String, reader: Box<dyn Read + Send>, file_len: u64, limits: Limits) -> Docs {
    let lower = name.to_ascii_lowercase();
    let gz = lower.ends_with(".gz");
    if lower.ends_with(".warc.gz") {
        // Member by member, so that a corrupt member costs only its record.
        let members = GzMembers::new(BufReader::with_capacity(64 << 10, reader));
        let counter = members.member_counter();
        let reader = BufReader::with_capacity(64 << 10, members);
        return Box::new(
            WarcIter::new(name, reader, limits.max_document_bytes).with_members(counter),
        );
    }
    // Member by member here too: a record file picks up again after a corrupt member.
    let reader: Box<dyn Read + Send> = if gz {
        Box::new(GzMembers::new(BufReader::with_capacity(64 << 10, reader)))
    } else {
        reader
    };
    let mut reader = BufReader::with_capacity(buffer_size(gz, file_len), reader);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return one(Err(read_error(&name, gz, &e))),
    };
    if is_warc(&name, &head) {
        // Records are bounded one by one; the archive itself may be any size.
        return Box::new(WarcIter::new(name, reader, limits.max_document_bytes));
    }
    if is_record_file(&name, &head) {
        return Box::new(RecordIter::new(name, reader, limits.max_document_bytes, gz));
    }
    // An uncompressed page larger than the limit is refused before it is read.
    if !gz && file_len > limits.max_document_bytes {
        return one(Err(too_large(name, limits.max_document_bytes)));
    }
    one(read_page(name, reader, limits.max_document_bytes, gz))
}

/// The read buffer for a file: 64 KiB, or the size of a smaller uncompressed file and one byte
/// (its first read still holds the whole file): the buffer is zeroed before that read, and a
/// news text is a few KiB.
fn buffer_size(gz: bool, file_len: u64) -> usize {
    const MOST: usize = 64 << 10;
    if gz || file_len == 0 {
        return MOST;
    }
    usize::try_from(file_len).map_or(MOST, |n| n.saturating_add(1).min(MOST))
}

fn one(r: Result<RawDoc, DocError>) -> Docs {
    Box::new(std::iter::once(r))
}

fn read_page(name: String, reader: impl Read, limit: u64, gz: bool) -> Result<RawDoc, DocError> {
    let mut bytes = Vec::new();
    // Read one byte past the limit to tell "exactly at the limit" from "too large".
    if let Err(e) = reader.take(limit + 1).read_to_end(&mut bytes) {
        return Err(read_error(&name, gz, &e));
    }
    if bytes.len() as u64 > limit {
        return Err(too_large(name, limit));
    }
    Ok(RawDoc {
        source: name,
        url: None,
        published: None,
        fetched: None,
        declared: None,
        charset_hint: None,
        hints: Default::default(),
        bytes,
    })
}

fn too_large(name: String, limit: u64) -> DocError {
    DocError::new(
        name,
        format!("document larger than the {} MiB limit", limit >> 20),
    )
}

pub(crate) fn read_error(name: &str, gz: bool, e: &io::Error) -> DocError {
    let what = if gz && e.kind() == io::ErrorKind::UnexpectedEof {
        "truncated gzip stream".to_string()
    } else if gz {
        format!("invalid gzip data: {e}")
    } else {
        format!("read failed: {e}")
    };
    DocError::new(name, what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn docs(path: &Path, limits: Limits) -> Vec<Result<RawDoc, DocError>> {
        read_source(&Source::File(path.to_path_buf()), limits).collect()
    }

    #[test]
    fn a_small_file_is_read_whole_through_a_buffer_its_size() {
        assert_eq!(buffer_size(false, 5), 6);
        assert_eq!(buffer_size(false, 1 << 30), 64 << 10);
        assert_eq!(buffer_size(true, 5), 64 << 10);
        assert_eq!(buffer_size(false, 0), 64 << 10);
        let dir = tempfile::tempdir().unwrap();
        // Sizes around the buffer's: the last byte, and a file past the 64 KiB buffer.
        for n in [1usize, 4_999, 65_535, 65_536, 200_000] {
            let p = dir.path().join(format!("{n}.txt"));
            let body: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&p, &body).unwrap();
            let d = docs(&p, Limits::default());
            assert_eq!(d.len(), 1);
            assert_eq!(d[0].as_ref().unwrap().bytes, body, "{n}");
        }
    }

    #[test]
    fn gzip_is_transparent() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt.gz");
        std::fs::write(&p, gz(b"hello page")).unwrap();
        let d = docs(&p, Limits::default());
        assert_eq!(d[0].as_ref().unwrap().bytes, b"hello page");
    }

    #[test]
    fn truncated_gzip_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.html.gz");
        let full = gz(&b"<p>some text that compresses</p>".repeat(200));
        std::fs::write(&p, &full[..full.len() / 2]).unwrap();
        let d = docs(&p, Limits::default());
        let e = d[0].as_ref().unwrap_err();
        assert!(e.source_name.ends_with("b.html.gz"));
        assert!(e.reason.contains("gzip"), "{}", e.reason);
    }

    #[test]
    fn oversized_document_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 5000]).unwrap();
        let limits = Limits {
            max_document_bytes: 4096,
        };
        let e = docs(&p, limits).remove(0).unwrap_err();
        assert!(e.reason.contains("limit"));
    }

    #[test]
    fn bytes_read_reach_the_walk_total_once_every_input_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.html"), "<p>one page</p>").unwrap();
        std::fs::write(
            dir.path().join("b.txt.gz"),
            gz(&b"a second page ".repeat(100)),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("c.jsonl"),
            "{\"url\":\"u1\",\"text\":\"one\"}\n{\"url\":\"u2\",\"text\":\"two\"}\n",
        )
        .unwrap();
        let paths = [dir.path().display().to_string()];
        let total = total_bytes(&paths, &[]).unwrap();
        let on_disk: u64 = ["a.html", "b.txt.gz", "c.jsonl"]
            .iter()
            .map(|n| std::fs::metadata(dir.path().join(n)).unwrap().len())
            .sum();
        assert_eq!(total, on_disk);
        let mut inputs = inputs(&paths, Limits::default(), &[]);
        let read = inputs.bytes_read();
        assert_eq!(read.get(), 0);
        let first = inputs.next();
        assert!(first.is_some());
        assert!(read.get() > 0 && read.get() < total, "{}", read.get());
        assert_eq!(inputs.count(), 3);
        assert_eq!(read.get(), total);
    }

    #[test]
    fn stdin_has_no_total() {
        assert_eq!(total_bytes(&["-".to_string()], &[]), None);
    }

    #[test]
    fn record_file_yields_one_document_per_line_and_keeps_going_after_a_bad_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.jsonl");
        std::fs::write(
            &p,
            "{\"url\":\"u1\",\"text\":\"one\"}\n\nnot json\n{\"url\":\"u2\",\"html\":\"<p>two</p>\"}\n",
        )
        .unwrap();
        let d = docs(&p, Limits::default());
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].as_ref().unwrap().url.as_deref(), Some("u1"));
        assert!(d[1].is_err());
        assert_eq!(d[2].as_ref().unwrap().url.as_deref(), Some("u2"));
    }
}
