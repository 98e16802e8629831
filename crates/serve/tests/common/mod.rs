//! What the server tests share: a ledger built from `examples/pages`, a server on a free
//! loopback port, and a small HTTP/1.1 client (one request per connection).

#![allow(dead_code)]

use claimtrail_ledger::{Appearance, SqliteStore, Store};
use claimtrail_serve::{Config, IngestConfig};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const TOKEN: &str = "test-token-0123456789abcdef";

/// Analyses `pages` (file name, bytes) as `claimtrail ingest` would and stores them in a new
/// ledger at `db`.
pub fn build_ledger(db: &Path, pages: &[(String, Vec<u8>)]) {
    let mut store = SqliteStore::open(db).expect("ledger");
    let docs: Vec<Appearance> = pages
        .iter()
        .map(|(name, bytes)| {
            let raw = claimtrail_page::RawDoc {
                source: name.clone(),
                url: None,
                published: None,
                fetched: None,
                declared: None,
                charset_hint: None,
                hints: Default::default(),
                bytes: bytes.clone(),
            };
            let page = claimtrail_page::into_page(raw, false).expect("page");
            let meta = claimtrail_analysis::DocMeta {
                source: page.source.clone(),
                id: page.id.clone(),
            };
            let article = claimtrail_article::extract(&page);
            let analysis = claimtrail_analysis::analyze(
                meta,
                article,
                &claimtrail_analysis::Options::default(),
            );
            Appearance {
                origin: format!("/examples/{name}"),
                analysis,
            }
        })
        .collect();
    store.put_batch(&docs).expect("store");
}

pub fn example_pages() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/pages")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("page"))
        })
        .collect()
}

/// A page whose title and text try to run script.
pub fn hostile_page() -> (String, Vec<u8>) {
    let html = r#"<!doctype html><html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title>
<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt;">
<meta name="author" content="&quot;&gt;&lt;img src=x onerror=alert(2)&gt;">
</head><body><article><h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>
<p>WASHINGTON (AP) — The spokesman said on Tuesday that &lt;img src=x onerror=alert(3)&gt; at least 4,000 troops had arrived, and "we are watching it very closely," he told reporters at the briefing.</p>
<p>Officials said the deployment of about 5,000 soldiers was expected to continue through the week, according to a statement released by the ministry on Wednesday.</p>
<p>Analysts said the move was significant because it marked the first time such forces had been sent abroad, and they warned of further escalation in the region.</p>
</article></body></html>"#;
    ("hostile.html".into(), html.as_bytes().to_vec())
}

/// How long test servers wait for a request's head.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(2);

/// A running server and the ledger it serves (both go when this is dropped).
pub struct Server {
    pub addr: SocketAddr,
    pub db: PathBuf,
    _dir: tempfile::TempDir,
    _runtime: tokio::runtime::Runtime,
}

/// Starts a server on 127.0.0.1:0 over a new ledger of `pages`.
pub fn start(pages: &[(String, Vec<u8>)], ingest: bool, max_body: usize) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("ledger.db");
    build_ledger(&db, pages);
    let mut config = Config::new(db.clone());
    config.readers = 2;
    config.query_timeout = Duration::from_secs(10);
    if ingest {
        config.ingest = Some(IngestConfig {
            token: TOKEN.into(),
            max_body,
            body_timeout: HEADER_TIMEOUT,
        });
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let router = claimtrail_serve::app(config).expect("app");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    // The server's own accept loop, with a short head timeout so that tests can wait it out.
    runtime.spawn(claimtrail_serve::serve_connections(
        listener,
        router,
        HEADER_TIMEOUT,
        std::future::pending(),
    ));
    Server {
        addr,
        db,
        _dir: dir,
        _runtime: runtime,
    }
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

impl Server {
    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        let mut s = TcpStream::connect(self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(60))).ok();
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (n, v) in headers {
            req.push_str(&format!("{n}: {v}\r\n"));
        }
        req.push_str("\r\n");
        s.write_all(req.as_bytes()).expect("write");
        // The server may answer (413) before it reads the whole body.
        let _ = s.write_all(body);
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        parse(&raw)
    }
}

impl Server {
    /// Sends `bytes` as they are (a request head and body written by the test) and reads the
    /// answer.
    pub fn raw(&self, bytes: &[u8]) -> Response {
        let mut s = TcpStream::connect(self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(60))).ok();
        s.write_all(bytes).expect("write");
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        parse(&raw)
    }
}

fn parse(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
    out
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
