//! Issue 16's acceptance against a scripted site on loopback: a feed, a sitemap index with a
//! Google News sitemap, robots.txt disallowing a path, a redirect, 429 with Retry-After, 500
//! then 200, never-ending bodies (fast and slow), and a feed that changes between polls. The
//! requests the site saw are checked, and the archive is ingested again into a fresh ledger.

mod support;

use claimtrail_collect::{Collector, CycleStats, Options, Problem, Source};
use claimtrail_ledger::{Filter, SqliteStore, Store};
use claimtrail_pipeline::StoreSink;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;
use support::site::{article, Route, Site};

fn options(archive: &std::path::Path) -> Options {
    let mut o = Options::new("mailto:test@example.org", archive);
    o.delay = Duration::from_millis(20);
    o.per_host = 2;
    o.workers = 6;
    o.timeout = Duration::from_millis(1500);
    o.max_body = 1 << 20;
    o.backoff = Duration::from_millis(50);
    o.max_retry_wait = Duration::from_secs(5);
    o
}

fn rss(site: &Site, items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(path, title, date)| {
            format!(
                "<item><title>{title}</title><link>{}</link><pubDate>{date}</pubDate></item>",
                site.url(path).replace('&', "&amp;")
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fixture</title>{items}</channel></rss>")
}

const DATE: &str = "Mon, 21 Oct 2024 08:00:00 GMT";

fn feed_items() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("/news/a?utm_source=rss&utm_medium=feed", "Alpha", DATE),
        ("/news/b", "Bravo", DATE),
        ("/private/secret", "Secret", DATE),
        ("/news/c", "Charlie", DATE),
        ("/news/d", "Delta", DATE),
        ("/news/endless", "Endless", DATE),
        ("/news/slow", "Slow", DATE),
        ("/news/a?fbclid=xyz#comments", "Alpha", DATE),
        ("/news/f1", "Foxtrot one", DATE),
        ("/news/f2", "Foxtrot two", DATE),
        ("/news/f3", "Foxtrot three", DATE),
        ("/news/f4", "Foxtrot four", DATE),
    ]
}

fn build_site() -> Site {
    let site = Site::start();
    site.route(
        "/robots.txt",
        Route::typed("text/plain", "User-agent: *\nDisallow: /private/\n"),
    );
    site.route(
        "/feed.xml",
        Route::Conditional {
            etag: "\"v1\"".into(),
            content_type: "application/rss+xml".into(),
            body: rss(&site, &feed_items()).into_bytes(),
        },
    );
    let index = format!(
        "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
         <sitemap><loc>{}</loc></sitemap></sitemapindex>",
        site.url("/sitemap-news.xml")
    );
    site.route(
        "/sitemap-index.xml",
        Route::Conditional {
            etag: "\"i1\"".into(),
            content_type: "application/xml".into(),
            body: index.into_bytes(),
        },
    );
    let news = format!(
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\
         <url><loc>{}</loc><news:news><news:publication_date>2024-03-04T10:00:00Z</news:publication_date>\
         <news:title>Echo from the sitemap</news:title></news:news></url>\
         <url><loc>{}</loc></url></urlset>",
        site.url("/news/e"),
        site.url("/news/a"),
    );
    site.route(
        "/sitemap-news.xml",
        Route::Conditional {
            etag: "\"n1\"".into(),
            content_type: "application/xml".into(),
            body: news.into_bytes(),
        },
    );
    let slow = Duration::from_millis(120);
    site.route(
        "/news/a",
        Route::html(&article(1, "Alpha", Some("2024-10-21"), None)).slow(slow),
    );
    site.route(
        "/news/b",
        Route::status(301, &[("Location", "/news/b-final?utm_campaign=x")]),
    );
    site.route(
        "/news/b-final",
        Route::html(&article(2, "Bravo", Some("2024-10-21"), None)),
    );
    site.route(
        "/private/secret",
        Route::html(&article(3, "Secret", None, None)),
    );
    site.route(
        "/news/c",
        Route::Sequence(vec![
            Route::status(429, &[("Retry-After", "1")]),
            Route::html(&article(4, "Charlie", Some("2024-10-22"), None)),
        ]),
    );
    site.route(
        "/news/d",
        Route::Sequence(vec![
            Route::status(500, &[]),
            Route::html(&article(5, "Delta", Some("2024-10-22"), None)),
        ]),
    );
    site.route("/news/endless", Route::Endless { slow: false });
    site.route("/news/slow", Route::Endless { slow: true });
    // No date of its own: the sitemap's publication date is its date.
    site.route("/news/e", Route::html(&article(6, "Echo", None, None)));
    for (i, p) in ["/news/f1", "/news/f2", "/news/f3", "/news/f4"]
        .iter()
        .enumerate()
    {
        let canonical = site.url(p);
        site.route(
            p,
            Route::html(&article(
                10 + i,
                "Foxtrot",
                Some("2024-10-23"),
                Some(&canonical),
            ))
            .slow(slow),
        );
    }
    site
}

fn cycle(
    collector: &mut Collector,
    store: &mut SqliteStore,
    sources: &[Source],
) -> (CycleStats, Vec<Problem>) {
    let mut problems = Vec::new();
    let stop = Arc::new(AtomicBool::new(false));
    let stats = collector
        .cycle(store, sources, &stop, &mut |p| problems.push(p.clone()))
        .unwrap();
    (stats, problems)
}

/// Documents, quotes and figures of a ledger without their source paths (an archive read by
/// `ingest` names its records by the path it was given).
fn ledger_view(store: &SqliteStore) -> (Vec<String>, Vec<String>, Vec<String>) {
    let f = Filter::default();
    let mut docs = Vec::new();
    store
        .documents(&f, &mut |mut d| {
            d.source = String::new();
            docs.push(format!("{d:?}"));
            Ok(())
        })
        .unwrap();
    let mut quotes = Vec::new();
    store
        .quotes(&f, &mut |mut q| {
            q.source = String::new();
            quotes.push(format!("{q:?}"));
            Ok(())
        })
        .unwrap();
    let mut figures = Vec::new();
    store
        .figures(&f, &mut |mut g| {
            g.source = String::new();
            figures.push(format!("{g:?}"));
            Ok(())
        })
        .unwrap();
    docs.sort();
    quotes.sort();
    figures.sort();
    (docs, quotes, figures)
}

#[test]
fn a_site_is_followed_politely_archived_and_polled_again() {
    let site = build_site();
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let mut store = SqliteStore::open(&dir.path().join("ledger.db")).unwrap();
    let mut collector = Collector::new(options(&archive), &store).unwrap();
    // A home page announcing the same feed (found, and read once), and a file of URLs.
    site.route(
        "/",
        Route::html(
            "<!doctype html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" \
             href=\"/feed.xml?utm_source=home\"></head><body>Home</body></html>",
        ),
    );
    site.route(
        "/news/listed-only",
        Route::html(&article(30, "Listed only", Some("2024-10-25"), None)),
    );
    let list = dir.path().join("urls.txt");
    std::fs::write(
        &list,
        format!(
            "# pages to read\n{}\n{}\nnot a url\n",
            site.url("/news/listed-only"),
            site.url("/news/a?utm_content=list")
        ),
    )
    .unwrap();
    let sources = vec![
        Source::Url(site.url("/feed.xml")),
        Source::Url(site.url("/sitemap-index.xml")),
        Source::Url(site.url("/")),
        Source::UrlList(list),
    ];

    let (stats, problems) = cycle(&mut collector, &mut store, &sources);
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let reqs = site.requests();
    let paths: Vec<&str> = reqs.iter().map(|r| r.path.as_str()).collect();

    // robots.txt first, once; the disallowed path never.
    assert_eq!(paths[0], "/robots.txt", "{paths:?}");
    assert_eq!(site.count("/robots.txt"), 1);
    assert_eq!(site.count("/private/secret"), 0, "{paths:?}");
    assert_eq!(stats.disallowed, 1);
    assert!(shown
        .iter()
        .any(|p| p.contains("/private/secret") && p.contains("robots.txt")));
    // Never more than two requests at once on the host.
    assert!(site.max_active() <= 2, "{} at once", site.max_active());
    assert_eq!(site.max_active(), 2, "the limit is used, not just kept");
    // One spelling per page: the feed and the sitemap list /news/a three ways.
    assert_eq!(site.count("/news/a"), 1, "{paths:?}");
    // Redirects: the hop's target, cleaned of its tracking parameter, fetched once.
    assert_eq!(site.count("/news/b"), 1);
    assert_eq!(site.count("/news/b-final"), 1, "{paths:?}");
    // 429 then 200, after the Retry-After second; 500 then 200.
    let c: Vec<_> = reqs.iter().filter(|r| r.path == "/news/c").collect();
    assert_eq!(c.len(), 2);
    assert!(
        c[1].at - c[0].at >= Duration::from_millis(950),
        "Retry-After kept"
    );
    assert_eq!(site.count("/news/d"), 2);
    // Bodies that never end cost their limits and are reported.
    assert!(
        shown
            .iter()
            .any(|p| p.contains("/news/endless") && p.contains("limit")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.contains("/news/slow") && p.contains("within")),
        "{shown:?}"
    );
    // Every request identified us.
    assert!(reqs.iter().all(|r| {
        r.header("user-agent").is_some_and(|ua| {
            ua.starts_with("claimtrail/") && ua.contains("mailto:test@example.org")
        })
    }));

    assert_eq!(
        site.count("/feed.xml"),
        1,
        "the home page's feed is the one listed"
    );
    assert!(shown.iter().any(|p| p.contains("not a url")), "{shown:?}");
    // a, b-final, c, d, e, the four f pages and the listed one.
    assert_eq!(stats.pages, 10, "{stats:?} {shown:?}");
    assert_eq!(stats.new_documents, 10, "{stats:?} {shown:?}");
    assert_eq!(stats.failed, 2, "{shown:?}");
    let counts = store.counts().unwrap();
    assert_eq!(counts.documents, 10);
    assert!(counts.quotes >= 9 && counts.figures >= 9, "{counts:?}");

    // The sitemap's date and title travelled with /news/e, which has no date of its own.
    let mut e = None;
    store
        .documents(&Filter::default(), &mut |d| {
            if d.title.as_deref() == Some("Echo") {
                e = Some(d);
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(e.unwrap().published.as_deref(), Some("2024-03-04"));

    // Second poll: the feed changed (a new entry, a retitled one); validators are sent.
    let mut items = feed_items();
    items[0].1 = "Alpha, updated";
    items.push(("/news/h", "Hotel", DATE));
    site.route(
        "/news/h",
        Route::html(&article(20, "Hotel", Some("2024-10-24"), None)),
    );
    site.route(
        "/feed.xml",
        Route::Conditional {
            etag: "\"v2\"".into(),
            content_type: "application/rss+xml".into(),
            body: rss(&site, &items).into_bytes(),
        },
    );
    site.clear_log();
    let (stats2, _) = cycle(&mut collector, &mut store, &sources);
    let reqs = site.requests();
    let feed = reqs.iter().find(|r| r.path == "/feed.xml").unwrap();
    assert_eq!(feed.header("if-none-match"), Some("\"v1\""));
    // An index is read whole (its sitemaps change while it does not), its sitemaps
    // conditionally.
    let index = reqs
        .iter()
        .find(|r| r.path == "/sitemap-index.xml")
        .unwrap();
    assert_eq!(index.header("if-none-match"), None);
    let news = reqs.iter().find(|r| r.path == "/sitemap-news.xml").unwrap();
    assert_eq!(news.header("if-none-match"), Some("\"n1\""));
    assert_eq!(site.count("/robots.txt"), 0, "robots.txt is cached");
    let pages: Vec<&str> = reqs
        .iter()
        .map(|r| r.path.as_str())
        .filter(|p| p.starts_with("/news/"))
        .collect();
    // Only the new page and the changed entry's page; the failed ones are tried again; nothing
    // stored is fetched twice.
    let mut expected = vec!["/news/a", "/news/endless", "/news/h", "/news/slow"];
    let mut got = pages.clone();
    got.sort();
    expected.sort();
    assert_eq!(got, expected, "{stats2:?}");
    assert_eq!(stats2.not_modified, 1, "the news sitemap did not change");
    assert_eq!(
        stats2.new_documents, 1,
        "/news/a's bytes did not change: {stats2:?}"
    );

    // Third poll: nothing changed; failed pages are tried a third time, then given up.
    site.clear_log();
    let (stats3, _) = cycle(&mut collector, &mut store, &sources);
    assert_eq!(stats3.not_modified, 2, "{stats3:?}");
    site.clear_log();
    let (stats4, _) = cycle(&mut collector, &mut store, &sources);
    assert_eq!(stats4.not_modified, 2);
    let pages4: Vec<String> = site
        .requests()
        .iter()
        .map(|r| r.path.clone())
        .filter(|p| p.starts_with("/news/"))
        .collect();
    assert!(pages4.is_empty(), "{pages4:?}");

    // The archive, ingested into a fresh ledger, gives the same documents, quotes and figures.
    drop(collector);
    let mut fresh = SqliteStore::open(&dir.path().join("fresh.db")).unwrap();
    let opts = claimtrail_pipeline::RunOptions {
        batch_size: 4,
        ..Default::default()
    };
    let mut sink = StoreSink::new(&mut fresh, |_| {});
    let run = claimtrail_pipeline::run(&[archive.display().to_string()], &opts, &mut sink).unwrap();
    assert_eq!(run.failed, 0, "every record reads back: {run:?}");
    assert_eq!(ledger_view(&fresh), ledger_view(&store));
    assert_eq!(fresh.counts().unwrap().documents, 11);
}

#[test]
fn a_feed_the_strict_parser_refuses_still_gives_its_pages_and_the_loss_is_reported() {
    // An <rss> root without `version` (refused whole by the feed parser) and a JSON Feed with one
    // item whose `url` is a number: the other items' pages are fetched and stored, and each feed
    // is reported with what was left out.
    let site = Site::start();
    site.route(
        "/robots.txt",
        Route::typed("text/plain", "User-agent: *\nAllow: /\n"),
    );
    site.route(
        "/rss",
        Route::typed(
            "application/rss+xml",
            &format!(
                "<rss><channel><item><link>{}</link><pubDate>{DATE}</pubDate></item>\
                 <item><title>no link</title></item></channel></rss>",
                site.url("/p/1")
            ),
        ),
    );
    site.route(
        "/feed.json",
        Route::typed(
            "application/feed+json",
            &format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{{"id":"a","url":7}},{{"id":"b","url":"{}"}}]}}"#,
                site.url("/p/2")
            ),
        ),
    );
    for i in 1..=2 {
        site.route(
            &format!("/p/{i}"),
            Route::html(&article(i, &format!("Page {i}"), Some("2024-10-22"), None)),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("ledger.db")).unwrap();
    let mut collector = Collector::new(options(&dir.path().join("archive")), &store).unwrap();
    let sources = vec![
        Source::Url(site.url("/rss")),
        Source::Url(site.url("/feed.json")),
    ];
    let (stats, problems) = cycle(&mut collector, &mut store, &sources);
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(stats.new_documents, 2, "{stats:?} {shown:?}");
    assert_eq!(site.count("/p/1"), 1);
    assert_eq!(site.count("/p/2"), 1);
    for source in ["/rss", "/feed.json"] {
        assert!(
            shown
                .iter()
                .any(|p| p.contains(source) && p.contains("1 of 2 item(s)")),
            "{source}: {shown:?}"
        );
    }
}
