//! A feed read item by item, for when the strict parser (feed-rs) refuses it whole: an `<rss>`
//! root without a `version`, one JSON Feed item whose `url` is a number, XML cut short after some
//! items. Feed readers keep what they can from such feeds (feedparser's "bozo" feeds); a collector
//! that drops forty good items for one bad one loses pages it could have had. Every item that names
//! a page is kept, the rest are counted so the caller can say how many were left out.

use crate::entry::Entry;
use crate::xml_text::{self, Step, Stop};
use chrono::DateTime;
use quick_xml::events::BytesStart;
use serde_json::Value;
use std::ops::ControlFlow;

/// Deepest element nesting read (elements open at once); past it the rest of the feed is left.
const MAX_DEPTH: usize = 64;

/// What was read from a feed the strict parser refused.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Salvaged {
    pub entries: Vec<Entry>,
    /// Items seen in all (each `<item>`, `<entry>` or JSON Feed item).
    pub items: usize,
    /// Why reading stopped before the end, if it did.
    pub stopped: Option<String>,
}

/// Reads up to `limit` items; `None` when the body holds no item at all (not a feed).
pub fn read(body: &[u8], limit: usize) -> Option<Salvaged> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
    let salvaged = if *first == b'{' {
        json(body, limit)?
    } else {
        xml(body, limit)
    };
    (salvaged.items > 0).then_some(salvaged)
}

fn json(body: &[u8], limit: usize) -> Option<Salvaged> {
    // serde_json refuses nesting past 128 levels with an error, not a stack overflow.
    let feed: Value = serde_json::from_slice(body).ok()?;
    let items = feed.get("items")?.as_array()?;
    let text = |item: &Value, key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
    let mut out = Salvaged {
        items: items.len(),
        ..Salvaged::default()
    };
    for item in items.iter().take(limit) {
        let link = text(item, "url")
            .or_else(|| text(item, "external_url"))
            .or_else(|| text(item, "id").filter(|id| id.starts_with("http")));
        let Some(link) = link.filter(|l| !l.trim().is_empty()) else {
            continue;
        };
        let date = text(item, "date_published")
            .or_else(|| text(item, "date_modified"))
            .and_then(|d| iso_date(&d));
        out.entries.push(Entry::new(
            link.trim().to_string(),
            date,
            text(item, "title"),
        ));
    }
    Some(out)
}

/// The fields of the item being read.
#[derive(Default)]
struct Item {
    link: String,
    /// An Atom `<link href>` (alternate or unlabelled).
    href: Option<String>,
    id: String,
    date: String,
    title: String,
}

fn xml(body: &[u8], limit: usize) -> Salvaged {
    let mut out = Salvaged::default();
    // The stack depth of the open item's element.
    let mut open: Option<(usize, Item)> = None;
    let end = xml_text::read(body, MAX_DEPTH, |step, stack| {
        match step {
            Step::Open(name, s) => {
                if open.is_none() && (name == "item" || name == "entry") {
                    open = Some((stack.len(), Item::default()));
                } else if name == "link" {
                    atom_link(s, stack, &mut open);
                }
            }
            Step::Empty("link", s) => atom_link(s, stack, &mut open),
            Step::Empty(..) => {}
            Step::Close(_) => {
                if let Some((depth, _)) = &open {
                    if *depth == stack.len() {
                        let (_, item) = open.take().expect("matched above");
                        out.items += 1;
                        if out.items <= limit {
                            out.entries.extend(item.into_entry());
                        }
                    }
                }
            }
            Step::Text(text) => push_text(stack, &mut open, text),
        }
        ControlFlow::Continue(())
    });
    out.stopped = match end {
        Ok(()) => None,
        Err(Stop::Broken { at, error }) => Some(format!("the XML breaks at byte {at}: {error}")),
        Err(Stop::TooDeep) => Some(format!("elements nested past {MAX_DEPTH} levels")),
    };
    if open.is_some() && out.stopped.is_none() {
        out.stopped = Some("the feed ends inside an item".into());
    }
    out
}

impl Item {
    fn into_entry(self) -> Option<Entry> {
        let link = Some(self.link.trim().to_string())
            .filter(|l| !l.is_empty())
            .or(self.href)
            .or_else(|| Some(self.id.trim().to_string()).filter(|id| id.starts_with("http")))?;
        let date = iso_date(self.date.trim());
        let title = Some(self.title).filter(|t| !t.trim().is_empty());
        Some(Entry::new(link, date, title))
    }
}

/// An Atom `<link rel="alternate" href="…">` directly inside the open item.
fn atom_link(s: &BytesStart, stack: &[String], open: &mut Option<(usize, Item)>) {
    let Some((depth, item)) = open.as_mut() else {
        return;
    };
    if stack.len() != *depth + 1 || item.href.is_some() {
        return;
    }
    let mut href = None;
    let mut alternate = true;
    for a in s.attributes().flatten() {
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_default();
        match a.key.local_name().as_ref() {
            "href" => href = Some(value.trim().to_string()),
            "rel" => alternate = value.trim() == "alternate",
            _ => {}
        }
    }
    if alternate {
        item.href = href.filter(|h| !h.is_empty());
    }
}

fn push_text(stack: &[String], open: &mut Option<(usize, Item)>, text: &str) {
    let Some((depth, item)) = open.as_mut() else {
        return;
    };
    // Only the item's own children: a `<source><title>` inside it is another feed's.
    if stack.len() != *depth + 2 {
        return;
    }
    let slot = match stack.last().map(String::as_str) {
        Some("link") => &mut item.link,
        Some("guid" | "id") => &mut item.id,
        Some("pubdate" | "published" | "date" | "issued") => &mut item.date,
        Some("updated" | "modified") if item.date.is_empty() => &mut item.date,
        Some("title") => &mut item.title,
        _ => return,
    };
    xml_text::append(slot, text);
}

/// An RFC 2822 (RSS) or RFC 3339 (Atom, JSON Feed) date as RFC 3339, as feed-rs gives it; a
/// bare ISO date is kept as written; anything else is no date.
fn iso_date(d: &str) -> Option<String> {
    if let Ok(t) = DateTime::parse_from_rfc2822(d) {
        return Some(t.to_utc().to_rfc3339());
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(d) {
        return Some(t.to_utc().to_rfc3339());
    }
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .map(|_| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_rss_root_without_a_version_is_read_item_by_item() {
        let rss = br#"<?xml version="1.0"?><rss><channel><title>T</title>
<item><title>One &amp; two</title><link>http://e.com/1</link><pubDate>Mon, 06 May 2024 07:08:09 GMT</pubDate>
<source url="http://other.com/feed"><title>Other</title></source></item>
<item><title>No link</title></item>
<item><guid>http://e.com/3</guid><dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2024-05-07T00:00:00Z</dc:date></item>
</channel></rss>"#;
        let s = read(rss, 100).unwrap();
        assert_eq!(s.items, 3);
        assert_eq!(s.stopped, None);
        assert_eq!(s.entries.len(), 2);
        assert_eq!(s.entries[0].url, "http://e.com/1");
        assert_eq!(s.entries[0].title.as_deref(), Some("One & two"));
        assert_eq!(
            s.entries[0].published.as_deref(),
            Some("2024-05-06T07:08:09+00:00")
        );
        assert_eq!(s.entries[1].url, "http://e.com/3");
        assert_eq!(
            s.entries[1].published.as_deref(),
            Some("2024-05-07T00:00:00+00:00")
        );
    }

    #[test]
    fn atom_links_take_the_alternate_and_nested_items_count_once() {
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
<link rel="enclosure" href="http://e.com/a.mp3"/><link rel="alternate" href="/a"/>
<updated>2024-01-02T00:00:00+01:00</updated></entry></feed>"#;
        let s = read(atom, 100).unwrap();
        assert_eq!(s.items, 1);
        assert_eq!(s.entries[0].url, "/a");
        assert_eq!(
            s.entries[0].published.as_deref(),
            Some("2024-01-01T23:00:00+00:00")
        );
    }

    #[test]
    fn xml_cut_short_keeps_the_items_before_the_break() {
        let cut =
            b"<rss><channel><item><link>http://e.com/1</link></item><item><link>http://e.com/2</li";
        let s = read(cut, 100).unwrap();
        assert_eq!(s.entries.len(), 1);
        assert_eq!(s.entries[0].url, "http://e.com/1");
        assert!(s.stopped.is_some());
        let mismatched = b"<rss><item><link>http://e.com/1</link></item><item></channel>";
        let s = read(mismatched, 100).unwrap();
        assert_eq!(s.entries.len(), 1);
        assert!(s.stopped.is_some());
    }

    #[test]
    fn a_json_feed_item_of_the_wrong_shape_is_left_and_the_rest_read() {
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","items":[
{"id":"1","url":42,"title":"Bad"},
{"id":"2","url":"http://e.com/2","title":"Two","date_published":"2024-01-03T00:00:00Z"},
"not an object",
{"id":"http://e.com/4","date_published":"yesterday"}]}"#;
        let s = read(json, 100).unwrap();
        assert_eq!(s.items, 4);
        let urls: Vec<&str> = s.entries.iter().map(|e| e.url.as_str()).collect();
        assert_eq!(urls, ["http://e.com/2", "http://e.com/4"]);
        assert_eq!(
            s.entries[0].published.as_deref(),
            Some("2024-01-03T00:00:00+00:00")
        );
        assert_eq!(s.entries[1].published, None);
    }

    #[test]
    fn what_holds_no_item_is_not_a_feed() {
        for body in [
            &b""[..],
            b"\x00\x01garbage",
            b"<html><body>hi</body></html>",
            b"<rss><channel><item>",
            b"{\"items\": 3}",
            b"{\"items\": []}",
            b"[1, 2]",
        ] {
            assert_eq!(read(body, 100), None, "{:?}", String::from_utf8_lossy(body));
        }
    }

    proptest::proptest! {
        // Whatever the bytes, reading ends without a panic, keeps at most the limit, and every
        // entry kept names a page.
        #[test]
        fn any_bytes_are_read_without_a_panic(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            if let Some(s) = read(&body, 5) {
                proptest::prop_assert!(s.entries.len() <= 5);
                proptest::prop_assert!(s.entries.iter().all(|e| !e.url.trim().is_empty()));
            }
        }

        #[test]
        fn feed_shaped_text_is_read_without_a_panic(body in "(<rss>|<item>|</item>|<link>|</link>|<entry>|</entry>|<link href=\"h\"/>|http://e\\.com/[a-z]|&amp;|&#x41;|<!\\[CDATA\\[x\\]\\]>|\\{\"items\":\\[|\\{\"url\":\"u\"\\}|,|\\]|\\}){0,40}") {
            let _ = read(body.as_bytes(), 5);
        }
    }

    #[test]
    fn deep_nesting_and_the_item_limit_are_bounded() {
        let deep = format!(
            "<rss><item><link>http://e.com/1</link></item>{}",
            "<a>".repeat(10_000)
        );
        let s = read(deep.as_bytes(), 100).unwrap();
        assert_eq!(s.entries.len(), 1);
        assert!(s.stopped.unwrap().contains("nested"));
        // 64 elements open at once are read; a 65th stops the reading.
        let nested = |n| {
            format!(
                "<rss><item><link>http://e.com/1</link></item>{}{}</rss>",
                "<a>".repeat(n),
                "</a>".repeat(n)
            )
        };
        assert_eq!(read(nested(63).as_bytes(), 100).unwrap().stopped, None);
        assert_eq!(
            read(nested(64).as_bytes(), 100).unwrap().stopped.as_deref(),
            Some("elements nested past 64 levels")
        );
        let many = format!(
            "<rss>{}</rss>",
            "<item><link>http://e.com/x</link></item>".repeat(50)
        );
        let s = read(many.as_bytes(), 10).unwrap();
        assert_eq!((s.items, s.entries.len()), (50, 10));
    }
}
