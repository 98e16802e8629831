//! A buffered reader that can be handed bytes back, and counts where it is: the WARC reader
//! returns the records a wrong Content-Length swallowed, and the gzip member reader returns a
//! member header it found by scanning.

use std::io::{self, BufRead, Read};

pub struct Rewind<R> {
    inner: R,
    /// Bytes handed back, served before `inner`, from `at`.
    back: Vec<u8>,
    at: usize,
    /// Bytes consumed from `inner`.
    consumed: u64,
}

impl<R: BufRead> Rewind<R> {
    pub fn new(inner: R) -> Self {
        Rewind {
            inner,
            back: Vec::new(),
            at: 0,
            consumed: 0,
        }
    }

    /// Makes `bytes` the next bytes read, ahead of anything not yet read.
    pub fn push_back(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut back = Vec::with_capacity(bytes.len() + self.back.len() - self.at);
        back.extend_from_slice(bytes);
        back.extend_from_slice(&self.back[self.at..]);
        self.back = back;
        self.at = 0;
    }

    /// Offset of the next byte read, counted in the inner reader's bytes.
    pub fn position(&self) -> u64 {
        self.consumed - (self.back.len() - self.at) as u64
    }

    /// Reads up to `n` bytes (fewer only at the end of input).
    pub fn read_up_to(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        self.by_ref().take(n as u64).read_to_end(&mut out)?;
        Ok(out)
    }
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.back.len() {
            return Ok(&self.back[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if self.at < self.back.len() {
            self.at = (self.at + n).min(self.back.len());
            if self.at == self.back.len() {
                self.back = Vec::new();
                self.at = 0;
            }
        } else {
            self.inner.consume(n);
            self.consumed += n as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pushed_back_bytes_come_first_and_positions_stay_true() {
        let mut r = Rewind::new(&b"abcdef"[..]);
        assert_eq!(r.read_up_to(4).unwrap(), b"abcd");
        assert_eq!(r.position(), 4);
        r.push_back(b"cd");
        assert_eq!(r.position(), 2);
        assert_eq!(r.read_up_to(10).unwrap(), b"cdef");
        assert_eq!(r.position(), 6);
    }
}
