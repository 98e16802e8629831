//! What a source lists: page entries (from a feed or a sitemap) and further sources (a sitemap
//! index's sitemaps, a home page's feeds). The kind is told by content, not by name: a JSON
//! object is a JSON Feed, XML is a sitemap when its root says so and a feed otherwise, and HTML
//! is a home page whose `<link rel="alternate">` feeds are followed.

pub use crate::entry::{Entry, Listing};
use crate::{html_links, loose_feed, sitemap};

/// Most entries read from one feed.
const MAX_FEED_ENTRIES: usize = 10_000;

/// What kind of source a body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Feed,
    Sitemap,
    HomePage,
}

pub fn kind(body: &[u8], content_type: &str) -> Kind {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF)
        .unwrap_or(body.len());
    let head =
        String::from_utf8_lossy(&body[start..body.len().min(start + 2048)]).to_ascii_lowercase();
    let ct = content_type.to_ascii_lowercase();
    if head.starts_with('{') || ct.contains("json") {
        return Kind::Feed;
    }
    if sitemap::is_sitemap(&body[start..]) {
        return Kind::Sitemap;
    }
    let xml = head.starts_with("<?xml")
        || head.starts_with("<rss")
        || head.starts_with("<feed")
        || head.starts_with("<rdf");
    if !xml && (ct.contains("html") || head.starts_with("<!doctype html") || head.contains("<html"))
    {
        return Kind::HomePage;
    }
    Kind::Feed
}

/// Reads a listing of the given kind.
pub fn parse(body: &[u8], kind: Kind, base: &str) -> Result<Listing, String> {
    match kind {
        Kind::Sitemap => sitemap::parse(body),
        Kind::Feed => feed(body, base),
        Kind::HomePage => {
            let html = String::from_utf8_lossy(body);
            let feeds = html_links::feed_links(&html);
            if feeds.is_empty() {
                return Err("a web page announcing no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)".into());
            }
            Ok(Listing {
                children: feeds,
                ..Listing::default()
            })
        }
    }
}

fn feed(body: &[u8], base: &str) -> Result<Listing, String> {
    let parsed = match feed_rs::parser::Builder::new()
        .base_uri(Some(base))
        .build()
        .parse(body)
    {
        Ok(parsed) => parsed,
        Err(e) => return salvage(body, format!("{e}")),
    };
    let total = parsed.entries.len();
    let entries = parsed
        .entries
        .into_iter()
        .take(MAX_FEED_ENTRIES)
        .filter_map(|e| {
            // The entry's page: its alternate (or unlabelled) link; an id that is a URL else.
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .map(|l| l.href.clone())
                .or_else(|| e.id.starts_with("http").then(|| e.id.clone()))?;
            let date = e.published.or(e.updated).map(|d| d.to_rfc3339());
            Some(Entry::new(link, date, e.title.map(|t| t.content)))
        })
        .collect();
    Ok(Listing {
        entries,
        children: Vec::new(),
        note: (total > MAX_FEED_ENTRIES)
            .then(|| format!("{total} entries; only the first {MAX_FEED_ENTRIES} read")),
    })
}

/// A feed the strict parser refused whole, read item by item; the note says what was refused and
/// how many items were left, so the loss is reported, not silent.
fn salvage(body: &[u8], refusal: String) -> Result<Listing, String> {
    let Some(s) = loose_feed::read(body, MAX_FEED_ENTRIES) else {
        return Err(format!("not a feed or sitemap: {refusal}"));
    };
    let read = s.items.min(MAX_FEED_ENTRIES);
    let mut note = format!(
        "the feed parser refused the feed ({refusal}); read item by item: {} of {} item(s) name a page",
        s.entries.len(),
        s.items
    );
    if read < s.items {
        note.push_str(&format!(", only the first {MAX_FEED_ENTRIES} read"));
    }
    if let Some(why) = s.stopped {
        note.push_str(&format!("; the rest is lost: {why}"));
    }
    Ok(Listing {
        entries: s.entries,
        children: Vec::new(),
        note: Some(note),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>http://e.com/1?utm_source=rss</link><pubDate>Mon, 06 May 2024 07:08:09 GMT</pubDate></item>
<item><title>No link</title></item></channel></rss>"#;

    #[test]
    fn rss_atom_and_json_feeds_give_entries_with_dates_and_titles() {
        assert_eq!(kind(RSS.as_bytes(), "application/rss+xml"), Kind::Feed);
        let l = parse(RSS.as_bytes(), Kind::Feed, "http://e.com/").unwrap();
        assert_eq!(l.entries.len(), 1);
        assert_eq!(l.entries[0].url, "http://e.com/1?utm_source=rss");
        assert_eq!(l.entries[0].title.as_deref(), Some("One"));
        assert_eq!(
            l.entries[0].published.as_deref(),
            Some("2024-05-06T07:08:09+00:00")
        );

        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>A</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>Two</title><id>urn:2</id><link href="/2"/><updated>2024-01-02T00:00:00Z</updated></entry></feed>"#;
        let l = parse(atom.as_bytes(), kind(atom.as_bytes(), ""), "http://e.com/").unwrap();
        assert_eq!(l.entries[0].url, "http://e.com/2");
        assert_eq!(
            l.entries[0].published.as_deref(),
            Some("2024-01-02T00:00:00+00:00")
        );

        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J",
"items":[{"id":"3","url":"http://e.com/3","title":"Three","date_published":"2024-01-03T00:00:00Z"}]}"#;
        assert_eq!(kind(json.as_bytes(), "application/feed+json"), Kind::Feed);
        let l = parse(json.as_bytes(), Kind::Feed, "http://e.com/").unwrap();
        assert_eq!(l.entries[0].url, "http://e.com/3");
        assert_eq!(l.entries[0].title.as_deref(), Some("Three"));
    }

    #[test]
    fn a_home_page_lists_its_feeds_and_garbage_is_an_error() {
        let html = r#"<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>"#;
        assert_eq!(kind(html.as_bytes(), "text/html"), Kind::HomePage);
        let l = parse(html.as_bytes(), Kind::HomePage, "http://e.com/").unwrap();
        assert_eq!(l.children, vec!["/rss"]);
        assert!(parse(b"<html></html>", Kind::HomePage, "http://e.com/").is_err());
        assert!(parse(b"\x00\x01garbage", Kind::Feed, "http://e.com/").is_err());
        assert!(parse(b"<rss><channel><item>", Kind::Feed, "http://e.com/").is_err());
    }

    #[test]
    fn a_feed_the_strict_parser_refuses_keeps_its_good_items_and_says_so() {
        // feed-rs refuses an <rss> root without a version, and a JSON Feed with one bad item,
        // whole; the pages the other items name are still read, and the note reports the loss.
        let rss = b"<rss><channel><item><link>http://e.com/1</link></item><item><title>x</title></item></channel></rss>";
        let l = parse(rss, Kind::Feed, "http://e.com/").unwrap();
        assert_eq!(l.entries.len(), 1);
        let note = l.note.unwrap();
        assert!(note.contains("1 of 2 item(s)"), "{note}");
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"J",
"items":[{"id":"1","url":1},{"id":"2","url":"http://e.com/2"}]}"#;
        let l = parse(json, Kind::Feed, "http://e.com/").unwrap();
        assert_eq!(l.entries[0].url, "http://e.com/2");
        assert!(l.note.unwrap().contains("1 of 2 item(s)"));
        // A well-formed feed is read by the strict parser, with no note.
        let l = parse(RSS.as_bytes(), Kind::Feed, "http://e.com/").unwrap();
        assert_eq!(l.note, None);
    }

    #[test]
    fn fingerprints_change_with_the_entry() {
        let a = Entry::new("u".into(), Some("2024-01-01".into()), Some("T".into()));
        let b = Entry::new("u".into(), Some("2024-01-02".into()), Some("T".into()));
        assert_ne!(a.fingerprint("u"), b.fingerprint("u"));
        assert_eq!(a.fingerprint("u"), a.clone().fingerprint("u"));
    }
}
