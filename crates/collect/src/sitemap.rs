//! Sitemaps (`<urlset>`) and sitemap indexes (`<sitemapindex>`), with the Google News extension
//! (`<news:news>` with `news:publication_date` and `news:title`). Elements are matched by local
//! name, so any namespace prefix works; unknown elements are passed over.

use crate::listing::{Entry, Listing};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Most `<url>` or `<sitemap>` entries read from one file (the protocol's own limit).
pub const MAX_ENTRIES: usize = 50_000;
/// Longest text kept from one element.
const MAX_TEXT: usize = 4096;

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

/// Reads a sitemap or an index; an index's `loc`s become child sources.
pub fn parse(body: &[u8]) -> Result<Listing, String> {
    let mut reader = Reader::from_reader(body);
    // Text is trimmed per field, not per event: an entity splits a title into several events.
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut index = false;
    let mut entries = Vec::new();
    let mut children = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut cur: Option<Current> = None;
    let mut truncated = false;
    loop {
        let ev = reader.read_event_into(&mut buf).map_err(|e| {
            format!(
                "invalid sitemap XML at byte {}: {e}",
                reader.error_position()
            )
        })?;
        match ev {
            Event::Start(s) => {
                let name = local(s.local_name().as_ref());
                if stack.is_empty() && name == "sitemapindex" {
                    index = true;
                }
                if (name == "url" || name == "sitemap") && stack.len() == 1 {
                    cur = Some(Current::default());
                }
                if stack.len() > 16 {
                    return Err("sitemap nested more than 16 levels".into());
                }
                stack.push(name);
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if (name == "url" || name == "sitemap") && stack.len() == 1 {
                    if let Some(c) = cur.take() {
                        if entries.len() + children.len() >= MAX_ENTRIES {
                            truncated = true;
                            break;
                        }
                        let loc = c.loc.trim().to_string();
                        if loc.is_empty() {
                            continue;
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
            Event::Text(t) => push_text(&stack, &mut cur, &t.xml10_content()),
            Event::CData(t) => push_text(&stack, &mut cur, &t.into_inner()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let resolved = if let Ok(Some(ch)) = r.resolve_char_ref() {
                    ch.to_string()
                } else {
                    quick_xml::escape::resolve_predefined_entity(&name)
                        .unwrap_or_default()
                        .to_string()
                };
                push_text(&stack, &mut cur, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
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

fn local(name: &str) -> String {
    name.to_ascii_lowercase()
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
    if slot.len() + text.len() <= MAX_TEXT {
        slot.push_str(text);
    }
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
    }
}
