//! Sitemaps (`<urlset>`) and sitemap indexes (`<sitemapindex>`), with the Google News extension
//! (`<news:news>` with `news:publication_date` and `news:title`). Elements are matched by local
//! name, so any namespace prefix works; unknown elements are passed over.

use crate::entry::{Entry, Listing};
use crate::xml_text::{self, Step, Stop};
use std::ops::ControlFlow;

/// Most `<url>` or `<sitemap>` entries read from one file (the protocol's own limit).
pub const MAX_ENTRIES: usize = 50_000;

/// True when the XML's root element is a sitemap or sitemap index.
pub fn is_sitemap(body: &[u8]) -> bool {
    let head = &body[..body.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    head.contains("<urlset") || head.contains("<sitemapindex") || head.contains(":urlset")
}

#[derive(Default)]
struct Current {
    loc: String,
    lastmod: String,
    news_date: String,
    news_title: String,
}

/// Most elements open at once: the root and 16 levels inside it.
const MAX_OPEN: usize = 17;

/// Reads a sitemap or an index; an index's `loc`s become child sources.
pub fn parse(body: &[u8]) -> Result<Listing, String> {
    let mut index = false;
    let mut entries = Vec::new();
    let mut children = Vec::new();
    let mut cur: Option<Current> = None;
    let mut truncated = false;
    xml_text::read(body, MAX_OPEN, |step, stack| {
        match step {
            Step::Open(name, _) => {
                if stack.is_empty() && name == "sitemapindex" {
                    index = true;
                }
                if (name == "url" || name == "sitemap") && stack.len() == 1 {
                    cur = Some(Current::default());
                }
            }
            Step::Close(name) => {
                if (name == "url" || name == "sitemap") && stack.len() == 1 {
                    if let Some(c) = cur.take() {
                        if entries.len() + children.len() >= MAX_ENTRIES {
                            truncated = true;
                            return ControlFlow::Break(());
                        }
                        let loc = c.loc.trim().to_string();
                        if loc.is_empty() {
                            return ControlFlow::Continue(());
                        }
                        if index {
                            children.push(loc);
                        } else {
                            let published = [c.news_date, c.lastmod]
                                .into_iter()
                                .map(|d| d.trim().to_string())
                                .find(|d| !d.is_empty());
                            let title =
                                Some(c.news_title.trim().to_string()).filter(|t| !t.is_empty());
                            entries.push(Entry::new(loc, published, title));
                        }
                    }
                }
            }
            Step::Text(text) => push_text(stack, &mut cur, text),
            Step::Empty(..) => {}
        }
        ControlFlow::Continue(())
    })
    .map_err(|stop| match stop {
        Stop::Broken { at, error } => format!("invalid sitemap XML at byte {at}: {error}"),
        Stop::TooDeep => "sitemap nested more than 16 levels".into(),
    })?;
    if !index && entries.is_empty() && children.is_empty() && !truncated {
        // An empty urlset is a valid, empty listing.
        return Ok(Listing::default());
    }
    Ok(Listing {
        entries,
        children,
        note: truncated.then(|| format!("more than {MAX_ENTRIES} entries; the rest ignored")),
    })
}

fn push_text(stack: &[String], cur: &mut Option<Current>, text: &str) {
    let (Some(c), Some(field)) = (cur.as_mut(), stack.last()) else {
        return;
    };
    let parent = stack.len().checked_sub(2).map(|i| stack[i].as_str());
    let slot = match (parent, field.as_str()) {
        (_, "loc") if stack.len() == 3 => &mut c.loc,
        (_, "lastmod") if stack.len() == 3 => &mut c.lastmod,
        (Some("news"), "publication_date") => &mut c.news_date,
        (Some("news"), "title") => &mut c.news_title,
        _ => return,
    };
    xml_text::append(slot, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_sitemap_gives_urls_with_dates_and_titles() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://e.com/a?x=1&amp;y=2</loc><lastmod>2024-01-01</lastmod>
    <news:news><news:publication><news:name>E</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-06T07:08:09Z</news:publication_date>
      <news:title>Troops &amp; talks</news:title></news:news></url>
  <url><loc><![CDATA[https://e.com/b]]></loc><lastmod>2024-02-02</lastmod></url>
  <url><lastmod>2024-02-02</lastmod></url>
</urlset>"#;
        assert!(is_sitemap(xml));
        let l = parse(xml).unwrap();
        assert!(l.children.is_empty());
        assert_eq!(l.entries.len(), 2);
        assert_eq!(l.entries[0].url, "https://e.com/a?x=1&y=2");
        assert_eq!(
            l.entries[0].published.as_deref(),
            Some("2024-05-06T07:08:09Z")
        );
        assert_eq!(l.entries[0].title.as_deref(), Some("Troops & talks"));
        assert_eq!(l.entries[1].url, "https://e.com/b");
        assert_eq!(l.entries[1].published.as_deref(), Some("2024-02-02"));
        assert_eq!(l.entries[1].title, None);
    }

    #[test]
    fn an_index_gives_child_sitemaps() {
        let xml = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://e.com/s1.xml</loc></sitemap><sitemap><loc>https://e.com/s2.xml</loc></sitemap>
</sitemapindex>"#;
        let l = parse(xml).unwrap();
        assert_eq!(
            l.children,
            vec!["https://e.com/s1.xml", "https://e.com/s2.xml"]
        );
        assert!(l.entries.is_empty());
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(parse(b"<urlset><url><loc>x</url></urlset>").is_err());
        let deep = format!("<urlset>{}", "<a>".repeat(100));
        assert!(parse(deep.as_bytes()).is_err());
        // The root and 16 levels inside it are read; one more is refused.
        let nested = |n| format!("<urlset>{}{}</urlset>", "<a>".repeat(n), "</a>".repeat(n));
        assert!(parse(nested(16).as_bytes()).is_ok());
        assert_eq!(
            parse(nested(17).as_bytes()).unwrap_err(),
            "sitemap nested more than 16 levels"
        );
        assert!(parse(b"<urlset><url><loc>x</url></urlset>")
            .unwrap_err()
            .starts_with("invalid sitemap XML at byte "));
    }
}
