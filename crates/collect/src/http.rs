//! One HTTP GET, bounded: a time limit over the whole exchange (a slow or never-ending body
//! included), a size limit on the body as it comes and another on it decoded (a gzip bomb stops
//! at the limit), no redirects followed here (the collector follows them itself, one polite,
//! robots-checked request at a time), and the request and response kept as bytes for the archive.

use chrono::{DateTime, Utc};
use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::time::Duration;
use url::Url;

#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub user_agent: String,
    /// The whole exchange, from connecting to the body's last byte.
    pub timeout: Duration,
    /// Largest body kept, as it comes and once decoded.
    pub max_body: u64,
}

/// A response read whole (or, when the caller did not want it, its head only).
#[derive(Debug, Clone)]
pub struct Response {
    pub url: Url,
    pub date: DateTime<Utc>,
    /// The request as sent, for the archive.
    pub request: Vec<u8>,
    pub status: u16,
    /// Header names lower-cased, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body as it came (its content coding kept), empty when not read.
    pub body: Vec<u8>,
    /// The caller declined the body (not a type it keeps).
    pub body_skipped: bool,
}

/// Why a request gave no response.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Worth trying again later (connection refused or reset, DNS failure).
    #[error("{0}")]
    Transport(String),
    /// The time limit passed: a slow server is not retried at once.
    #[error("no complete response within {0} s")]
    Timeout(u64),
    #[error("body larger than the {0} byte limit")]
    TooLarge(u64),
    #[error("{0}")]
    Other(String),
}

pub struct Fetcher {
    agent: ureq::Agent,
    opts: HttpOptions,
}

impl Fetcher {
    pub fn new(opts: HttpOptions) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(opts.timeout))
            .timeout_connect(Some(opts.timeout.min(Duration::from_secs(10))))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .max_response_header_size(64 << 10)
            .build();
        Fetcher {
            agent: ureq::Agent::new_with_config(config),
            opts,
        }
    }

    pub fn options(&self) -> &HttpOptions {
        &self.opts
    }

    /// GETs `url` with `extra` headers (validators). `want_body(status, content type)` decides
    /// whether the body is read at all.
    pub fn get(
        &self,
        url: &Url,
        accept: &str,
        extra: &[(&str, String)],
        want_body: &dyn Fn(u16, &str) -> bool,
    ) -> Result<Response, FetchError> {
        let date = Utc::now();
        let mut headers: Vec<(&str, String)> = vec![
            ("User-Agent", self.opts.user_agent.clone()),
            ("Accept", accept.to_string()),
            ("Accept-Encoding", "gzip".to_string()),
        ];
        headers.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
        let mut req = self.agent.get(url.as_str());
        for (k, v) in &headers {
            req = req.header(*k, v);
        }
        let request = request_bytes(url, &headers);
        let resp = req.call().map_err(|e| self.error(e))?;
        let status = resp.status().as_u16();
        let mut head = Vec::new();
        for (k, v) in resp.headers() {
            head.push((
                k.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            ));
        }
        let ctype = header(&head, "content-type").unwrap_or("").to_string();
        let mut out = Response {
            url: url.clone(),
            date,
            request,
            status,
            headers: head,
            body: Vec::new(),
            body_skipped: false,
        };
        if !want_body(status, &ctype) {
            out.body_skipped = true;
            return Ok(out);
        }
        if let Some(n) = header(&out.headers, "content-length").and_then(|n| n.parse::<u64>().ok())
        {
            if n > self.opts.max_body {
                return Err(FetchError::TooLarge(self.opts.max_body));
            }
        }
        let mut body = resp.into_body();
        let mut reader = body.as_reader().take(self.opts.max_body + 1);
        let mut buf = Vec::new();
        reader
            .read_to_end(&mut buf)
            .map_err(|e| self.read_error(e))?;
        if buf.len() as u64 > self.opts.max_body {
            return Err(FetchError::TooLarge(self.opts.max_body));
        }
        out.body = buf;
        Ok(out)
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.opts.timeout.as_secs()),
            ureq::Error::Io(io) => self.read_error(io),
            ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => {
                FetchError::Transport(e.to_string())
            }
            other => FetchError::Other(other.to_string()),
        }
    }

    fn read_error(&self, e: std::io::Error) -> FetchError {
        use std::io::ErrorKind::*;
        // ureq reports its own timeouts inside the body reader as I/O errors.
        let text = e.to_string();
        if matches!(e.kind(), TimedOut | WouldBlock)
            || text.to_ascii_lowercase().contains("timeout")
        {
            return FetchError::Timeout(self.opts.timeout.as_secs());
        }
        match e.kind() {
            ConnectionRefused | ConnectionReset | ConnectionAborted | BrokenPipe
            | UnexpectedEof => FetchError::Transport(text),
            _ => FetchError::Other(text),
        }
    }
}

/// The request line and headers as sent (ureq adds `Host` itself; it is written here too).
fn request_bytes(url: &Url, headers: &[(&str, String)]) -> Vec<u8> {
    let mut path = url.path().to_string();
    if let Some(q) = url.query() {
        path.push('?');
        path.push_str(q);
    }
    let host = match url.port() {
        Some(p) => format!("{}:{p}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    };
    let mut s = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n");
    for (k, v) in headers {
        s.push_str(&format!("{k}: {v}\r\n"));
    }
    s.push_str("\r\n");
    s.into_bytes()
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

impl Response {
    /// The status line and headers for the archive. The body is kept with its content coding
    /// but without its transfer coding, so `Transfer-Encoding` is left out.
    pub fn head_bytes(&self) -> Vec<u8> {
        let reason = http_reason(self.status);
        let mut s = format!("HTTP/1.1 {} {reason}\r\n", self.status);
        for (k, v) in &self.headers {
            if k == "transfer-encoding" {
                continue;
            }
            s.push_str(&format!("{k}: {v}\r\n"));
        }
        s.push_str("\r\n");
        s.into_bytes()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// The body with its content coding undone, at most `limit` bytes (a gzip bomb is refused
    /// once it has inflated past the limit, not after).
    pub fn decoded_body(&self, limit: u64) -> Result<Vec<u8>, String> {
        let coding = self
            .header("content-encoding")
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match coding.as_str() {
            "" | "identity" => Ok(self.body.clone()),
            "gzip" | "x-gzip" => {
                let mut out = Vec::new();
                MultiGzDecoder::new(&self.body[..])
                    .take(limit + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("invalid gzip body: {e}"))?;
                if out.len() as u64 > limit {
                    return Err(format!(
                        "gzip body inflates past the {limit} byte limit; dropped"
                    ));
                }
                Ok(out)
            }
            other => Err(format!("unsupported content coding {other:?}")),
        }
    }
}

fn http_reason(status: u16) -> &'static str {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown")
}

/// `Retry-After` as a wait: seconds, or an HTTP date from now.
pub fn retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let v = value.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    let when = DateTime::parse_from_rfc2822(v).ok()?.with_timezone(&Utc);
    Some((when - now).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after("Mon, 01 Jan 2024 00:01:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            retry_after("Sun, 31 Dec 2023 00:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn gzip_bodies_decode_within_the_limit_and_bombs_are_refused() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b'a'; 1 << 20]).unwrap();
        let body = gz.finish().unwrap();
        let r = Response {
            url: Url::parse("http://e.com/").unwrap(),
            date: Utc::now(),
            request: Vec::new(),
            status: 200,
            headers: vec![
                ("content-encoding".into(), "gzip".into()),
                ("transfer-encoding".into(), "chunked".into()),
            ],
            body,
            body_skipped: false,
        };
        assert!(r.body.len() < 10_000);
        assert_eq!(r.decoded_body(2 << 20).unwrap().len(), 1 << 20);
        assert!(r.decoded_body(1000).unwrap_err().contains("limit"));
        let head = String::from_utf8(r.head_bytes()).unwrap();
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(!head.contains("transfer-encoding"));
    }
}
