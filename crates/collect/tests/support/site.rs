//! A scripted web site on loopback for the collector's tests: routes answer with fixed bodies,
//! sequences (429 then 200), conditional feeds (304 on a matching ETag), redirects and bodies
//! that never end; every request is logged with its headers, and the most requests open at once
//! is kept: a request counts from its arrival until its answer starts (after the route's delay),
//! as a server cannot see when a client has read an answer, nor when it dropped an endless one.
//! One thread per connection, `Connection: close`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub enum Route {
    Fixed {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        /// Time spent before answering (to make requests overlap).
        delay: Duration,
    },
    /// The n-th request gets the n-th route; the last one repeats.
    Sequence(Vec<Route>),
    /// 304 when the request's If-None-Match is this ETag, else the body with the ETag.
    Conditional {
        etag: String,
        content_type: String,
        body: Vec<u8>,
    },
    /// Headers, then body bytes forever (fast) or a byte now and then (slow), until the client
    /// goes away or `limit` passes.
    Endless { slow: bool },
}

impl Route {
    pub fn html(body: &str) -> Route {
        Route::Fixed {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
            delay: Duration::ZERO,
        }
    }

    pub fn typed(content_type: &str, body: &str) -> Route {
        Route::Fixed {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
            delay: Duration::ZERO,
        }
    }

    pub fn status(status: u16, headers: &[(&str, &str)]) -> Route {
        Route::Fixed {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
            delay: Duration::ZERO,
        }
    }

    pub fn slow(self, delay: Duration) -> Route {
        match self {
            Route::Fixed {
                status,
                headers,
                body,
                ..
            } => Route::Fixed {
                status,
                headers,
                body,
                delay,
            },
            other => other,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub at: Instant,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct State {
    routes: Mutex<HashMap<String, Route>>,
    served: Mutex<HashMap<String, usize>>,
    log: Mutex<Vec<Request>>,
    active: AtomicUsize,
    max_active: AtomicUsize,
    stop: AtomicBool,
}

pub struct Site {
    pub addr: SocketAddr,
    state: Arc<State>,
}

impl Site {
    pub fn start() -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State::default());
        let st = state.clone();
        std::thread::spawn(move || {
            while !st.stop.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let st = st.clone();
                        std::thread::spawn(move || serve(stream, &st));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(2)),
                }
            }
        });
        Site { addr, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.state
            .routes
            .lock()
            .unwrap()
            .insert(path.to_string(), route);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.log.lock().unwrap().clone()
    }

    pub fn count(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }

    pub fn max_active(&self) -> usize {
        self.state.max_active.load(Ordering::Relaxed)
    }

    pub fn clear_log(&self) {
        self.state.log.lock().unwrap().clear();
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::Relaxed);
    }
}

fn serve(stream: TcpStream, st: &State) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let req = Request {
        path: path.clone(),
        headers,
        at: Instant::now(),
    };
    let n = {
        let mut served = st.served.lock().unwrap();
        let c = served.entry(path.clone()).or_default();
        *c += 1;
        *c - 1
    };
    st.log.lock().unwrap().push(req.clone());
    let now = st.active.fetch_add(1, Ordering::SeqCst) + 1;
    st.max_active.fetch_max(now, Ordering::SeqCst);
    let route = st.routes.lock().unwrap().get(&path).cloned();
    let mut out = stream;
    let route = match route {
        Some(Route::Sequence(seq)) => seq.get(n).or(seq.last()).cloned(),
        other => other,
    };
    if let Some(Route::Fixed { delay, .. }) = &route {
        std::thread::sleep(*delay);
    }
    st.active.fetch_sub(1, Ordering::SeqCst);
    match route {
        None => respond(
            &mut out,
            404,
            &[("Content-Type".into(), "text/plain".into())],
            b"not found",
        ),
        Some(Route::Fixed {
            status,
            headers,
            body,
            ..
        }) => respond(&mut out, status, &headers, &body),
        Some(Route::Conditional {
            etag,
            content_type,
            body,
        }) => {
            if req.header("if-none-match") == Some(etag.as_str()) {
                respond(&mut out, 304, &[("ETag".into(), etag)], b"")
            } else {
                respond(
                    &mut out,
                    200,
                    &[("Content-Type".into(), content_type), ("ETag".into(), etag)],
                    &body,
                )
            }
        }
        Some(Route::Sequence(_)) => unreachable!("resolved above"),
        Some(Route::Endless { slow }) => {
            let _ = out.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>",
            );
            let started = Instant::now();
            let chunk = vec![b'a'; 64 << 10];
            // Bounded in time so that a test that forgot to stop it does not spin forever.
            while started.elapsed() < Duration::from_secs(30) && !st.stop.load(Ordering::Relaxed) {
                let r = if slow {
                    std::thread::sleep(Duration::from_millis(100));
                    out.write_all(b"a")
                } else {
                    out.write_all(&chunk)
                };
                if r.is_err() {
                    break;
                }
            }
        }
    }
}

fn respond(out: &mut TcpStream, status: u16, headers: &[(String, String)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = out.write_all(head.as_bytes());
    let _ = out.write_all(body);
    let _ = out.flush();
}

/// An article page with a quote and a figure, distinct per `n`; `date` goes in its metadata
/// when given.
pub fn article(n: usize, title: &str, date: Option<&str>, canonical: Option<&str>) -> String {
    let date_meta = date
        .map(|d| format!("<meta property=\"article:published_time\" content=\"{d}\">"))
        .unwrap_or_default();
    let canon = canonical
        .map(|c| format!("<link rel=\"canonical\" href=\"{c}\">"))
        .unwrap_or_default();
    format!(
        "<!doctype html><html><head><title>{title}</title>{date_meta}{canon}</head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{title}</h1>\
         <p>WASHINGTON — At least {troops},000 troops were moved to the border region number {n}, \
         officials said on Monday, in the largest deployment there since the spring.</p>\
         <p>\"The escalation at every turn is coming from the other side,\" spokeswoman Karine \
         Jean-Pierre told reporters at the White House, adding that talks would resume.</p>\
         <p>The ministry said about {cost} million dollars had been set aside for district {n}, \
         and that a further review of the plan would follow within weeks.</p>\
         <p>Analysts in the capital said the figures could rise again before the end of the \
         month, as more units arrive from the north and the east of the country.</p>\
         </article><footer>Copyright</footer></body></html>",
        troops = 3 + n,
        cost = 10 * (n + 1),
    )
}
