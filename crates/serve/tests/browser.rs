//! The web UI in a real browser: Debian's chromium, headless, driven over WebDriver
//! (chromedriver) by fantoccini, against a server on a loopback port over a ledger of
//! `examples/pages` (the seed pages) and a hostile page. Screenshots of each page are written to
//! `target/browser-screenshots/` to be looked at.
//!
//! Skipped, with a loud message, when /usr/bin/chromedriver (or CHROMEDRIVER) is missing:
//! `apt-get install -y chromium chromium-driver` (CI does it).

mod common;

use common::{example_pages, hostile_page, start};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn chromedriver() -> Option<PathBuf> {
    let p = std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromedriver"));
    p.exists().then_some(p)
}

/// Kills the driver (and so its browser) when the test ends, however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn connect(port: u16, profile: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400",
                format!("--user-data-dir={}", profile.display()),
            ]
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    // The driver takes a moment to listen.
    for _ in 0..100 {
        if let Ok(c) = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            return c;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not answer on port {port}");
}

async fn shot(c: &Client, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots");
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(png) = c.screenshot().await {
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.expect("find") {
        out.push(e.text().await.unwrap_or_default());
    }
    out
}

async fn walk(c: &Client, base: String) {
    // Home: the seed story is listed.
    c.goto(&format!("{base}/")).await.expect("home");
    shot(c, "home").await;
    let stories = c
        .find_all(Locator::Css("ul.stories li a"))
        .await
        .expect("stories");
    assert!(!stories.is_empty(), "the home page lists stories");
    let mut seed = None;
    for a in &stories {
        let t = a.text().await.unwrap_or_default();
        if t.contains("Ukraine") || t.contains("North Korean") || t.contains("Russia") {
            seed = a.attr("href").await.ok().flatten();
            break;
        }
    }
    let seed = seed.expect("the seed story on the home page");

    // The story page: five documents; the quotes of Karine Jean-Pierre and John Kirby.
    c.goto(&format!("{base}{seed}")).await.expect("story");
    shot(c, "story").await;
    let docs = texts(c, "ul.documents li").await;
    assert_eq!(docs.len(), 5, "documents of the seed story: {docs:?}");
    let speakers = texts(c, "li.quote-row .speaker").await;
    for who in ["Karine Jean-Pierre", "John Kirby"] {
        assert!(
            speakers.iter().any(|s| s == who),
            "{who} among {speakers:?}"
        );
    }

    // The timeline: marks for 3,000, 10,000, 11,000 and 13,000, in date order.
    c.goto(&format!("{base}/timeline?q=North%20Korean%20troops"))
        .await
        .expect("timeline");
    shot(c, "timeline").await;
    let marks = c.find_all(Locator::Css("svg a.mark")).await.expect("marks");
    let mut drawn = Vec::new();
    for m in &marks {
        let attr = |v: Option<String>| v.unwrap_or_default();
        let value: f64 = attr(m.attr("data-value").await.ok().flatten())
            .parse()
            .unwrap_or(-1.0);
        let date = attr(m.attr("data-date").await.ok().flatten());
        let circle = m.find(Locator::Css("circle")).await.expect("a dot");
        let x: f64 = attr(circle.attr("cx").await.ok().flatten())
            .parse()
            .unwrap_or(-1.0);
        drawn.push((x, date, value as i64));
    }
    let values: Vec<i64> = drawn.iter().map(|d| d.2).collect();
    for v in [3000, 10000, 11000, 13000] {
        assert!(values.contains(&v), "a mark for {v}: {drawn:?}");
    }
    // Left to right is earliest to latest, and 3,000 (October) comes before 13,000 (late October).
    drawn.sort_by(|a, b| a.0.total_cmp(&b.0));
    let dates: Vec<&String> = drawn.iter().map(|d| &d.1).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "marks in date order: {drawn:?}");
    let at = |v: i64| drawn.iter().position(|d| d.2 == v).unwrap_or(usize::MAX);
    assert!(at(3000) < at(13000), "{drawn:?}");

    // Clicking a mark opens the document at the highlighted figure.
    let href = marks[0]
        .attr("href")
        .await
        .ok()
        .flatten()
        .expect("a mark links");
    assert!(href.contains("#figure-"), "{href}");
    if marks[0].clone().click().await.is_err() {
        c.goto(&format!("{base}{href}")).await.expect("document");
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let url = c.current_url().await.expect("url");
    assert!(
        url.as_str().contains("/documents/") && url.fragment().is_some(),
        "{url}"
    );
    shot(c, "document").await;
    let target = c
        .execute(
            "const t = document.querySelector(':target'); \
             if (!t) return null; const r = t.getBoundingClientRect(); \
             return [t.className, r.top >= 0 && r.bottom <= window.innerHeight];",
            vec![],
        )
        .await
        .expect("script");
    let target = target.as_array().cloned().unwrap_or_default();
    assert!(
        target
            .first()
            .and_then(|c| c.as_str())
            .is_some_and(|c| c.contains("figure")),
        "the link's target is a highlighted figure: {target:?}"
    );
    assert_eq!(
        target.get(1),
        Some(&serde_json::Value::Bool(true)),
        "scrolled into view"
    );

    // A page whose title is a script tag shows it as text and runs nothing.
    c.goto(&format!("{base}/search?q=spokesman"))
        .await
        .expect("search");
    let links = c.find_all(Locator::Css("table a")).await.expect("links");
    let mut hostile = None;
    for a in links {
        if a.text().await.unwrap_or_default().contains("alert(1)") {
            hostile = a.attr("href").await.ok().flatten();
        }
    }
    let hostile = hostile.expect("the hostile page in the search results");
    c.goto(&format!("{base}{hostile}")).await.expect("hostile");
    shot(c, "hostile").await;
    let h1 = c
        .find(Locator::Css("h1"))
        .await
        .expect("h1")
        .text()
        .await
        .unwrap();
    assert_eq!(h1, "<script>alert(1)</script>");
    assert!(c.get_alert_text().await.is_err(), "no alert ran");
    let scripts = c.find_all(Locator::Css("script")).await.expect("scripts");
    assert!(scripts.is_empty(), "no script element in the page");
}

#[test]
fn the_ui_in_a_real_browser() {
    let Some(driver) = chromedriver() else {
        eprintln!(
            "\n*** SKIPPED the_ui_in_a_real_browser: no chromedriver at /usr/bin/chromedriver \
             (apt-get install -y chromium chromium-driver, or set CHROMEDRIVER) ***\n"
        );
        return;
    };
    let mut pages = example_pages();
    pages.push(hostile_page());
    let server = start(&pages, false, 0);
    let port = free_port();
    let profile = tempfile::tempdir().expect("profile dir");
    let _driver = Driver(
        Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let c = connect(port, profile.path()).await;
        // The session is closed even when a check fails.
        let base = format!("http://{}", server.addr);
        let outcome = tokio::spawn({
            let c = c.clone();
            async move { walk(&c, base).await }
        })
        .await;
        let _ = c.close().await;
        if let Err(e) = outcome {
            std::panic::resume_unwind(e.into_panic());
        }
    });
}
