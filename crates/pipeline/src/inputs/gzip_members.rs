//! A gzip stream read member by member, resynchronising after a corrupt member: Common Crawl's
//! `.warc.gz` holds one member per record, so one corrupt or truncated member should cost that
//! record only. After a member fails, the reader scans for the next member header and goes on;
//! the failure comes out once, as an [`io::Error`] carrying a [`CorruptMember`], and the next read
//! continues with the next member.

use super::rewind::Rewind;
use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The first bytes of a gzip member: magic and the deflate method.
const MEMBER_HEADER: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A member that could not be decompressed.
#[derive(Debug)]
pub struct CorruptMember {
    /// Ordinal of the member (1-based), as [`GzMembers::member_counter`] counts them.
    pub member: u64,
    /// Offset of the member in the compressed file.
    pub offset: u64,
    pub detail: String,
}

impl std::fmt::Display for CorruptMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "corrupt gzip member at byte {} of the file ({})",
            self.offset, self.detail
        )
    }
}

impl std::error::Error for CorruptMember {}

impl CorruptMember {
    /// The corrupt member behind an I/O error from [`GzMembers`], if that is what it is.
    pub fn of(e: &io::Error) -> Option<&CorruptMember> {
        e.get_ref()?.downcast_ref::<CorruptMember>()
    }
}

/// Bytes of a member kept as they are decompressed, so that what the decoder read past a
/// failure (a header it took whole, say) can be searched for the next member.
const KEEP: usize = 32 << 10;

pub struct GzMembers<R> {
    state: State<R>,
    /// A failure was reported and no byte has been decompressed since: further failures are the
    /// same damage, not reported again.
    recovering: bool,
    /// Members begun so far: the ordinal of the member being read.
    started: Arc<AtomicU64>,
}

enum State<R> {
    Between(Rewind<R>),
    In {
        decoder: Box<GzDecoder<Recorder<Rewind<R>>>>,
        start: u64,
    },
    /// Only while switching states.
    Gone,
}

impl<R: BufRead> GzMembers<R> {
    pub fn new(inner: R) -> Self {
        GzMembers {
            state: State::Between(Rewind::new(inner)),
            recovering: false,
            started: Arc::new(AtomicU64::new(0)),
        }
    }

    /// The ordinal of the member being read, for a reader above that needs to know which member
    /// its bytes came from. A read never returns bytes of two members, so a `BufReader` above
    /// holds one member's bytes at a time.
    pub fn member_counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.started)
    }
}

/// Remembers the last [`KEEP`] bytes consumed through it.
struct Recorder<R> {
    inner: R,
    kept: Vec<u8>,
    total: u64,
}

impl<R: BufRead> Recorder<R> {
    fn new(inner: R) -> Self {
        Recorder {
            inner,
            kept: Vec::new(),
            total: 0,
        }
    }
}

impl<R: BufRead> Read for Recorder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Recorder<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        // The bytes are still buffered: asking again does no I/O.
        if let Ok(buf) = self.inner.fill_buf() {
            self.kept.extend_from_slice(&buf[..n.min(buf.len())]);
            if self.kept.len() > 2 * KEEP {
                self.kept.drain(..self.kept.len() - KEEP);
            }
        }
        self.total += n as u64;
        self.inner.consume(n);
    }
}

/// Consumes bytes up to the next member header (left unread), or to the end of input.
fn skip_to_member(r: &mut Rewind<impl BufRead>) -> io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(i) = buf.windows(3).position(|w| w == MEMBER_HEADER) {
            r.consume(i);
            return Ok(());
        }
        // Keep a tail that may be the start of a header split across reads.
        let keep = buf.len().min(2);
        let tail = buf[buf.len() - keep..].to_vec();
        let n = buf.len();
        r.consume(n);
        let more = r.fill_buf()?;
        if more.is_empty() {
            return Ok(());
        }
        let mut joined = tail.clone();
        joined.extend_from_slice(&more[..more.len().min(3)]);
        if let Some(i) = joined.windows(3).position(|w| w == MEMBER_HEADER) {
            if i < tail.len() {
                r.push_back(&tail[i..]);
                return Ok(());
            }
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Gone) {
                State::Gone => return Ok(0),
                State::Between(mut inner) => {
                    if inner.fill_buf()?.is_empty() {
                        self.state = State::Between(inner);
                        return Ok(0);
                    }
                    let start = inner.position();
                    self.started.fetch_add(1, Ordering::Relaxed);
                    self.state = State::In {
                        decoder: Box::new(GzDecoder::new(Recorder::new(inner))),
                        start,
                    };
                }
                State::In { mut decoder, start } => match decoder.read(buf) {
                    Ok(0) => self.state = State::Between(decoder.into_inner().inner),
                    Ok(n) => {
                        self.state = State::In { decoder, start };
                        self.recovering = false;
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                        self.state = State::In { decoder, start };
                    }
                    Err(e) => {
                        let Recorder {
                            mut inner,
                            kept,
                            total,
                        } = decoder.into_inner();
                        // Search again what the decoder read, all but this member's first byte
                        // (never find its own header again), then on.
                        let whole = kept.len() as u64 == total;
                        inner.push_back(&kept[usize::from(whole && total > 0)..]);
                        if total == 0 {
                            let n = inner.fill_buf()?.len().min(1);
                            inner.consume(n);
                        }
                        skip_to_member(&mut inner)?;
                        self.state = State::Between(inner);
                        // A false start found while recovering (no member header there) is the
                        // same damage; a real member that fails is another loss.
                        let false_start = e.to_string().contains("header");
                        if std::mem::replace(&mut self.recovering, true) && false_start {
                            continue;
                        }
                        let detail = if e.kind() == io::ErrorKind::UnexpectedEof {
                            "truncated".to_string()
                        } else {
                            e.to_string()
                        };
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            CorruptMember {
                                member: self.started.load(Ordering::Relaxed),
                                offset: start,
                                detail,
                            },
                        ));
                    }
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn member(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    /// Reads everything, collecting the text and the corrupt members met.
    fn drain(bytes: &[u8]) -> (Vec<u8>, Vec<u64>) {
        let mut r = GzMembers::new(io::BufReader::with_capacity(7, bytes));
        let (mut out, mut bad) = (Vec::new(), Vec::new());
        let mut buf = [0u8; 5];
        for _ in 0..10_000 {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => bad.push(CorruptMember::of(&e).expect("a corrupt member").offset),
            }
        }
        (out, bad)
    }

    #[test]
    fn a_corrupt_member_costs_only_itself() {
        let a = member(b"first member ");
        let mut b = member(&b"second member, long enough to be compressed ".repeat(8));
        let c = member(b"third member");
        let mid = b.len() / 2;
        b[mid] ^= 0xff;
        b[mid + 1] ^= 0x55;
        let file = [a.clone(), b, c].concat();
        let (out, bad) = drain(&file);
        let out = String::from_utf8_lossy(&out);
        assert!(out.starts_with("first member "), "{out}");
        assert!(out.ends_with("third member"), "{out}");
        assert_eq!(bad, vec![a.len() as u64]);
    }

    #[test]
    fn a_truncated_last_member_is_reported_once() {
        let a = member(b"kept");
        let b = member(&b"cut off ".repeat(50));
        let file = [a.clone(), b[..b.len() / 2].to_vec()].concat();
        let (out, bad) = drain(&file);
        assert!(out.starts_with(b"kept"));
        assert_eq!(bad, vec![a.len() as u64]);
    }

    #[test]
    fn garbage_between_members_is_skipped_with_one_report() {
        let a = member(b"one ");
        let b = member(b"two");
        let file = [a.clone(), b"\x00junk\x1f".to_vec(), b].concat();
        let (out, bad) = drain(&file);
        assert_eq!(out, b"one two");
        assert_eq!(bad.len(), 1);
    }
}
