//! Turning the PATH arguments into documents: files, directories (walked recursively, in name
//! order), `-` for stdin, `.gz` transparently, and record files holding many documents.
//!
//! Documents come out of an iterator so that a large record file is streamed, not loaded whole.

use crate::records::{is_record_file, parse_record};
use crate::warc::{is_warc, WarcIter};
use crate::{DocError, Limits, RawDoc};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

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

/// Expands PATH arguments. Directories are walked recursively with entries sorted by name so that
/// output order does not depend on the file system; hidden entries are skipped. A path that does
/// not exist is an error for that path only.
pub fn expand_paths(paths: &[String]) -> Vec<Result<Source, DocError>> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        let path = PathBuf::from(p);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, &mut out, 0),
            Ok(_) => out.push(Ok(Source::File(path))),
            Err(e) => out.push(Err(DocError::new(p.clone(), format!("cannot open: {e}")))),
        }
    }
    out
}

/// Deepest directory nesting followed; guards against symlink loops.
const MAX_DIR_DEPTH: usize = 64;

fn walk(dir: &Path, out: &mut Vec<Result<Source, DocError>>, depth: usize) {
    if depth > MAX_DIR_DEPTH {
        out.push(Err(DocError::new(
            dir.display().to_string(),
            "directory nesting too deep (symlink loop?)",
        )));
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.push(Err(DocError::new(
                dir.display().to_string(),
                format!("cannot read directory: {e}"),
            )));
            return;
        }
    };
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, out, depth + 1);
        } else if path.is_file() {
            out.push(Ok(Source::File(path)));
        }
    }
}

/// The documents of one source: one for a page, many for a record file.
pub fn read_source(
    source: &Source,
    limits: Limits,
) -> Box<dyn Iterator<Item = Result<RawDoc, DocError>> + Send> {
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
    let gz = name.to_ascii_lowercase().ends_with(".gz");
    let reader: Box<dyn Read + Send> = if gz {
        Box::new(MultiGzDecoder::new(reader))
    } else {
        reader
    };
    let mut reader = BufReader::with_capacity(64 << 10, reader);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return one(Err(read_error(&name, gz, &e))),
    };
    if is_warc(&name, &head) {
        // Records are bounded one by one; the archive itself may be any size.
        return Box::new(WarcIter::new(name, reader, limits.max_document_bytes));
    }
    if is_record_file(&name, &head) {
        return Box::new(RecordIter {
            name,
            reader: reader.take(limits.max_container_bytes),
            lineno: 0,
            limit: limits.max_document_bytes,
            gz,
            done: false,
        });
    }
    // An uncompressed page larger than the limit is refused before it is read.
    if !gz && file_len > limits.max_document_bytes {
        return one(Err(too_large(name, limits.max_document_bytes)));
    }
    one(read_page(name, reader, limits.max_document_bytes, gz))
}

fn one(r: Result<RawDoc, DocError>) -> Box<dyn Iterator<Item = Result<RawDoc, DocError>> + Send> {
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
        bytes,
    })
}

fn too_large(name: String, limit: u64) -> DocError {
    DocError::new(
        name,
        format!("document larger than the {} MiB limit", limit >> 20),
    )
}

fn read_error(name: &str, gz: bool, e: &io::Error) -> DocError {
    let what = if gz && e.kind() == io::ErrorKind::UnexpectedEof {
        "truncated gzip stream".to_string()
    } else if gz {
        format!("invalid gzip data: {e}")
    } else {
        format!("read failed: {e}")
    };
    DocError::new(name, what)
}

struct RecordIter<R> {
    name: String,
    reader: R,
    lineno: usize,
    limit: u64,
    gz: bool,
    done: bool,
}

impl<R: BufRead> Iterator for RecordIter<R> {
    type Item = Result<RawDoc, DocError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.lineno += 1;
            let mut line = Vec::new();
            // Bound the line so one runaway record cannot exhaust memory; skip the rest of it.
            let read = (&mut self.reader)
                .take(self.limit + 1)
                .read_until(b'\n', &mut line);
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(read_error(&self.name, self.gz, &e)));
                }
                Ok(0) => self.done = true,
                Ok(_) if line.len() as u64 > self.limit && !line.ends_with(b"\n") => {
                    let mut sink = Vec::new();
                    let _ = self.reader.read_until(b'\n', &mut sink);
                    return Some(Err(DocError::new(
                        format!("{}#{}", self.name, self.lineno),
                        format!("record larger than the {} MiB limit", self.limit >> 20),
                    )));
                }
                Ok(_) => {
                    if let Some(r) = parse_record(&self.name, self.lineno, &line) {
                        return Some(r);
                    }
                }
            }
        }
        None
    }
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
            ..Limits::default()
        };
        let e = docs(&p, limits).remove(0).unwrap_err();
        assert!(e.reason.contains("limit"));
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

    #[test]
    fn directories_are_walked_in_name_order_and_missing_paths_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::fs::write(dir.path().join(".hidden"), "h").unwrap();
        let root = dir.path().display().to_string();
        let got = expand_paths(&[root, "/no/such/file".into()]);
        let names: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(s) => s.name(),
                Err(e) => format!("ERR {}", e.source_name),
            })
            .collect();
        assert!(names[0].ends_with("a.txt"));
        assert!(names[1].ends_with("sub/b.txt"));
        assert_eq!(names[2], "ERR /no/such/file");
        assert_eq!(names.len(), 3);
    }
}
