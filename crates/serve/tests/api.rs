//! The JSON API against a server on a loopback port over a ledger of `examples/pages`: every
//! route of the OpenAPI document answers with its documented schema, pages give every row once,
//! mistakes are 400 problems, writes need the token and respect the body limit.

mod common;

use common::{enc, example_pages, hostile_page, start, Server, TOKEN};
use serde_json::Value;
use std::collections::BTreeSet;

/// Checks `v` against an OpenAPI 3.1 schema (the subset utoipa writes: `$ref`, `type` as a
/// name or a list, `properties`, `required`, `items`, `oneOf`/`anyOf`/`allOf`). Objects may not
/// carry fields the schema does not name: the document must say everything the API sends.
fn check(doc: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or_default();
        let target = &doc["components"]["schemas"][name];
        if target.is_null() {
            return Err(format!("{at}: unresolved {r}"));
        }
        return check(doc, target, v, at);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = schema.get(key).and_then(Value::as_array) {
            if !alts.iter().any(|s| check(doc, s, v, at).is_ok()) {
                return Err(format!("{at}: matches none of {key}: {v}"));
            }
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check(doc, s, v, at)?;
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "null" => v.is_null(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            _ => false,
        });
        if !ok {
            return Err(format!("{at}: {v} is not {types:?}"));
        }
    }
    if let (Some(props), Some(obj)) = (schema.get("properties"), v.as_object()) {
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !obj.contains_key(name) {
                return Err(format!("{at}: `{name}` is missing"));
            }
        }
        for (k, x) in obj {
            let s = props
                .get(k)
                .ok_or_else(|| format!("{at}: `{k}` is not in the schema"))?;
            check(doc, s, x, &format!("{at}.{k}"))?;
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            check(doc, items, x, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

fn server() -> Server {
    let mut pages = example_pages();
    pages.push(hostile_page());
    start(&pages, true, 64 * 1024)
}

/// A real value for each path parameter, taken from the lists.
fn fill(s: &Server, path: &str) -> String {
    let first = |list: &str, field: &str| -> String {
        let v = s.get(&format!("/api/v1/{list}?limit=1")).json();
        match &v["items"][0][field] {
            Value::String(x) => enc(x),
            other => other.to_string(),
        }
    };
    match path {
        "/documents/{id}" => format!("/documents/{}", first("documents", "id")),
        "/stories/{id}" => format!("/stories/{}", first("stories", "id")),
        "/speakers/{name}" => format!("/speakers/{}", first("speakers", "speaker")),
        "/registry/{id}" => format!("/registry/{}", first("registry", "id")),
        "/timeline" => "/timeline?q=North%20Korean%20troops".into(),
        "/attention" => "/attention?q=troops".into(),
        other => other.to_string(),
    }
}

#[test]
fn every_route_answers_with_its_documented_schema() {
    let s = server();
    let doc = s.get("/api/v1/openapi.json").json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    let mut checked = BTreeSet::new();
    for (path, item) in paths {
        let Some(op) = item.get("get") else { continue };
        let url = format!("/api/v1{}", fill(&s, path));
        let r = s.get(&url);
        assert_eq!(r.status, 200, "{url}: {}", r.text());
        let schema = &op["responses"]["200"]["content"]["application/json"]["schema"];
        assert!(!schema.is_null(), "{path}: no documented 200 JSON body");
        let body = r.json();
        check(&doc, schema, &body, path).unwrap_or_else(|e| panic!("{url}: {e}"));
        checked.insert(path.clone());
    }
    for want in [
        "/documents",
        "/documents/{id}",
        "/stories",
        "/stories/{id}",
        "/speakers",
        "/speakers/{name}",
        "/quotes",
        "/registry",
        "/registry/{id}",
        "/copies",
        "/figures",
        "/timeline",
        "/attention",
        "/measures",
        "/summary",
    ] {
        assert!(checked.contains(want), "{want} not in the OpenAPI document");
    }
    assert!(paths["/documents"].get("post").is_some());
}

#[test]
fn the_lists_are_not_empty_and_the_timeline_has_the_seed_figures() {
    let s = server();
    for list in [
        "documents",
        "stories",
        "speakers",
        "quotes",
        "figures",
        "registry",
        "measures",
    ] {
        let v = s.get(&format!("/api/v1/{list}")).json();
        assert!(!v["items"].as_array().unwrap().is_empty(), "{list}");
    }
    let t = s
        .get("/api/v1/timeline?q=North%20Korean%20troops&limit=500")
        .json();
    let values: BTreeSet<i64> = t["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["value"].as_f64())
        .map(|v| v as i64)
        .collect();
    for v in [3000, 10000, 11000, 13000] {
        assert!(values.contains(&v), "{v} missing from {values:?}");
    }
}

#[test]
fn pages_return_every_row_exactly_once() {
    let s = server();
    for list in [
        "documents",
        "quotes",
        "figures",
        "stories",
        "speakers",
        "registry",
        "copies",
        "measures",
        "timeline?q=troops",
    ] {
        let sep = if list.contains('?') { '&' } else { '?' };
        let all = s.get(&format!("/api/v1/{list}{sep}limit=500")).json();
        assert!(all["next"].is_null(), "{list}");
        let all = all["items"].as_array().unwrap().clone();
        for limit in [1, 2, 7] {
            let mut got = Vec::new();
            let mut cursor: Option<String> = None;
            let mut pages = 0;
            loop {
                let mut url = format!("/api/v1/{list}{sep}limit={limit}");
                if let Some(c) = &cursor {
                    url.push_str(&format!("&cursor={c}"));
                }
                let page = s.get(&url).json();
                let items = page["items"].as_array().unwrap();
                assert!(items.len() <= limit);
                got.extend(items.iter().cloned());
                pages += 1;
                assert!(pages <= all.len() + 1, "{list}: pages never end");
                match page["next"].as_str() {
                    Some(n) => cursor = Some(n.to_string()),
                    None => break,
                }
            }
            assert_eq!(got, all, "{list} by {limit}");
        }
    }
}

#[test]
fn lists_come_as_json_lines_and_csv() {
    let s = server();
    let all = s.get("/api/v1/quotes?limit=3").json();
    let jsonl = s.get("/api/v1/quotes?limit=3&format=jsonl");
    assert_eq!(jsonl.header("content-type"), Some("application/x-ndjson"));
    let lines: Vec<Value> = jsonl
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines, all["items"].as_array().unwrap());
    let next = jsonl.header("link").expect("a Link header");
    assert!(
        next.contains("cursor=") && next.contains("rel=\"next\""),
        "{next}"
    );
    let csv = s.request(
        "GET",
        "/api/v1/quotes?limit=3",
        &[("Accept", "text/csv")],
        b"",
    );
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let text = csv.text();
    let header = text.lines().next().unwrap();
    assert_eq!(
        header,
        "published,speaker,kind,cue,text,document,source,start,end"
    );
    assert_eq!(text.lines().count(), 4);
    let empty = s.get("/api/v1/copies?format=csv&since=2100-01-01");
    assert_eq!(empty.text().lines().count(), 1, "the header alone");
}

#[test]
fn bad_parameters_are_400_problems_that_say_what_is_wrong() {
    let s = server();
    for (url, says) in [
        ("/api/v1/documents?since=yesterday", "since"),
        ("/api/v1/documents?limit=0", "limit"),
        ("/api/v1/documents?limit=501", "limit"),
        ("/api/v1/documents?colour=red", "colour"),
        ("/api/v1/documents?text=%22unclosed", "FTS5"),
        ("/api/v1/stories?speaker=Kirby", "speaker"),
        ("/api/v1/documents?story=abc", "story"),
        ("/api/v1/documents?cursor=nonsense", "cursor"),
        ("/api/v1/documents?format=xml", "format"),
        ("/api/v1/timeline", "q"),
        ("/api/v1/attention?q=x&interval=year", "interval"),
        ("/api/v1/stories/abc", "story id"),
    ] {
        let r = s.get(url);
        assert_eq!(r.status, 400, "{url}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("application/problem+json"));
        let p = r.json();
        assert_eq!(p["status"], 400);
        assert!(p["detail"].as_str().unwrap().contains(says), "{url}: {p}");
    }
    for url in [
        "/api/v1/documents/ffffffffffffffff",
        "/api/v1/stories/999999",
        "/api/v1/speakers/Nobody%20At%20All",
        "/api/v1/registry/999999",
        "/api/v1/nothing-here",
    ] {
        let r = s.get(url);
        assert_eq!(r.status, 404, "{url}");
        assert_eq!(r.header("content-type"), Some("application/problem+json"));
    }
    let long = format!("/api/v1/documents?text={}", "a".repeat(5000));
    assert_eq!(s.get(&long).status, 414);
}

#[test]
fn writes_need_the_token_and_respect_the_body_limit() {
    let s = server();
    let page = b"<html><head><title>A posted page</title></head><body><article><p>The minister said on Monday that 2,500 workers would return, and \"we are confident\" of it, she told reporters in the capital.</p><p>More paragraphs follow here with enough words to count as an article body for the extractor to keep.</p></article></body></html>";
    let html = [("Content-Type", "text/html")];
    let no_token = s.request("POST", "/api/v1/documents", &html, page);
    assert_eq!(no_token.status, 401);
    assert_eq!(no_token.header("www-authenticate"), Some("Bearer"));
    let bad = format!("Bearer {TOKEN}x");
    let wrong = s.request(
        "POST",
        "/api/v1/documents",
        &[html[0], ("Authorization", &bad)],
        page,
    );
    assert_eq!(wrong.status, 401);
    let auth = format!("Bearer {TOKEN}");
    let headers = [html[0], ("Authorization", auth.as_str())];
    let big = vec![b'x'; 64 * 1024 + 1];
    let over = s.request("POST", "/api/v1/documents", &headers, &big);
    assert_eq!(over.status, 413, "{}", over.text());
    let url = "/api/v1/documents?url=https%3A%2F%2Fnews.example%2Fposted";
    let made = s.request("POST", url, &headers, page);
    assert_eq!(made.status, 201, "{}", made.text());
    let id = made.json()["id"].as_str().unwrap().to_string();
    assert_eq!(
        s.request("POST", url, &headers, page).status,
        200,
        "stored once"
    );
    let back = s.get(&format!("/api/v1/documents/{id}"));
    assert_eq!(back.status, 200);
    assert_eq!(back.json()["url"], "https://news.example/posted");
}

#[test]
fn a_broken_body_or_path_is_a_400_problem_not_a_limit_or_plain_text() {
    let s = server();
    // A chunk size that is not hexadecimal: the body is malformed, not over the limit.
    let head = format!(
        "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: text/plain\r\nAuthorization: Bearer {TOKEN}\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let broken = s.raw(format!("{head}5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n").as_bytes());
    assert_eq!(broken.status, 400, "{}", broken.text());
    assert_eq!(
        broken.header("content-type"),
        Some("application/problem+json")
    );
    // A well-formed chunked body over the limit is still 413.
    let chunk = "x".repeat(40 * 1024);
    let over = s.raw(format!("{head}a000\r\n{chunk}\r\na000\r\n{chunk}\r\n0\r\n\r\n").as_bytes());
    assert_eq!(over.status, 413, "{}", over.text());
    // A path segment that is not UTF-8 once decoded: a problem in the API, the error page in the UI.
    for path in [
        "/api/v1/registry/%FF",
        "/api/v1/speakers/%C3",
        "/api/v1/documents/%FF%FE",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 400, "{path}: {}", r.text());
        assert_eq!(
            r.header("content-type"),
            Some("application/problem+json"),
            "{path}"
        );
    }
    let page = s.get("/speakers/%FF");
    assert_eq!(page.status, 400);
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
}

#[test]
fn a_read_only_server_refuses_writes() {
    let s = start(&example_pages(), false, 1024);
    let auth = format!("Bearer {TOKEN}");
    let r = s.request(
        "POST",
        "/api/v1/documents",
        &[("Content-Type", "text/plain"), ("Authorization", &auth)],
        b"text",
    );
    assert_eq!(r.status, 403);
    assert!(r.json()["detail"]
        .as_str()
        .unwrap()
        .contains("--allow-ingest"));
}

#[test]
fn pages_from_the_ledger_are_escaped_and_carry_a_policy_without_inline_script() {
    let s = server();
    let docs = s.get("/api/v1/documents?limit=500").json();
    let hostile = docs["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["source"] == "hostile.html")
        .expect("the hostile page is stored");
    let title = hostile["title"].as_str().unwrap();
    assert!(
        title.contains("<script>"),
        "the title keeps its text: {title}"
    );
    let id = hostile["id"].as_str().unwrap();
    let mut urls = vec![
        format!("/documents/{id}"),
        "/".to_string(),
        "/search?q=spokesman".to_string(),
        "/timeline?q=troops".to_string(),
    ];
    let stories = s.get("/api/v1/stories?limit=500").json();
    for st in stories["items"].as_array().unwrap() {
        urls.push(format!("/stories/{}", st["id"]));
    }
    for url in urls {
        let r = s.get(&url);
        assert_eq!(r.status, 200, "{url}");
        let html = r.text();
        // Markup would start with `<`; the same words escaped are text.
        for raw in ["<script", "<img"] {
            let lower = html.to_lowercase();
            assert!(!lower.contains(raw), "{url} carries `{raw}` as markup");
        }
        let csp = r.header("content-security-policy").expect("a CSP");
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
    }
    let page = s.get(&format!("/documents/{id}")).text();
    // minijinja escapes `/` too.
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "shown as text"
    );
}

#[test]
fn the_ui_pages_answer_and_unknown_ones_are_404_pages() {
    let s = server();
    let story = s.get("/api/v1/stories?limit=1").json()["items"][0]["id"].clone();
    let speaker = s.get("/api/v1/speakers?limit=1").json()["items"][0]["speaker"]
        .as_str()
        .unwrap()
        .to_string();
    let quote = s.get("/api/v1/registry?limit=1").json()["items"][0]["id"].clone();
    for url in [
        "/".to_string(),
        "/search".to_string(),
        "/search?q=troops".to_string(),
        "/timeline".to_string(),
        "/timeline?q=North%20Korean%20troops".to_string(),
        format!("/stories/{story}"),
        format!("/speakers/{}", enc(&speaker)),
        format!("/quotes/{quote}"),
        "/static/app.css".to_string(),
    ] {
        let r = s.get(&url);
        assert_eq!(r.status, 200, "{url}: {}", r.text());
    }
    let missing = s.get("/stories/99999");
    assert_eq!(missing.status, 404);
    assert!(missing
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    assert_eq!(s.get("/no/such/page").status, 404);
}

/// Connections that send half a request's head, or nothing, are closed once the head timeout
/// has passed, however many; the server answers a whole request meanwhile.
#[test]
fn half_sent_requests_are_dropped_after_the_head_timeout() {
    use std::io::{Read, Write};
    let server = start(&example_pages(), false, 1 << 20);
    let started = std::time::Instant::now();
    let partial: Vec<&[u8]> = vec![b"", b"GET /api/v1/summary HTTP/1.1\r\nHost: x\r\n", b"GE"];
    let mut held: Vec<std::net::TcpStream> = (0..30)
        .map(|i| {
            let mut c = std::net::TcpStream::connect(server.addr).unwrap();
            c.write_all(partial[i % partial.len()]).unwrap();
            c
        })
        .collect();
    assert_eq!(server.get("/api/v1/summary").status, 200);
    for c in &mut held {
        c.set_read_timeout(Some(common::HEADER_TIMEOUT * 5))
            .unwrap();
        let mut buf = Vec::new();
        // The server closes (after a 408 at most): the read ends instead of timing out.
        let read = c.read_to_end(&mut buf);
        assert!(
            read.is_ok(),
            "connection still held after {:?}",
            started.elapsed()
        );
    }
    assert!(started.elapsed() < common::HEADER_TIMEOUT * 5);
}

/// A POST that declares more body than it sends gets a 408 once the body timeout has passed,
/// instead of holding its connection for good.
#[test]
fn a_body_shorter_than_its_length_times_out_with_408() {
    use std::io::{Read, Write};
    let server = start(&[], true, 1 << 20);
    let started = std::time::Instant::now();
    let mut c = std::net::TcpStream::connect(server.addr).unwrap();
    let head = format!(
        "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly a few bytes",
        common::TOKEN
    );
    c.write_all(head.as_bytes()).unwrap();
    c.set_read_timeout(Some(common::HEADER_TIMEOUT * 5))
        .unwrap();
    let mut buf = [0u8; 512];
    let n = c.read(&mut buf).expect("an answer before the read timeout");
    let answer = String::from_utf8_lossy(&buf[..n]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(started.elapsed() < common::HEADER_TIMEOUT * 5);
}
