//! What a page's `<link>` and `<meta>` tags say about addresses: its feeds (`<link
//! rel="alternate" type="application/rss+xml">`, Atom, JSON Feed) and its canonical URL (`<link
//! rel="canonical">`, else `og:url`). A small attribute scanner over the start of the page, not
//! a DOM: these tags live in the head, and a hostile page costs at most [`SCAN_BYTES`].

/// How much of a page is scanned for these tags.
pub const SCAN_BYTES: usize = 512 << 10;
/// Most tags looked at.
const MAX_TAGS: usize = 4096;

/// One `<link>` or `<meta>` tag's attributes (names lower-cased).
type Attrs = Vec<(String, String)>;

fn attr<'a>(a: &'a Attrs, name: &str) -> Option<&'a str> {
    a.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The `<link>` and `<meta>` tags of the page's start, in order.
fn tags(html: &str) -> Vec<(bool, Attrs)> {
    let mut end = html.len().min(SCAN_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let s = &html[..end];
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while out.len() < MAX_TAGS {
        let Some(i) = lower[at..].find('<').map(|i| i + at) else {
            break;
        };
        let rest = &lower[i + 1..];
        let is_link =
            rest.starts_with("link") && rest[4..].starts_with(|c: char| c.is_ascii_whitespace());
        let is_meta =
            rest.starts_with("meta") && rest[4..].starts_with(|c: char| c.is_ascii_whitespace());
        if !(is_link || is_meta) {
            at = i + 1;
            continue;
        }
        let (attrs, next) = attributes(s, i + 5);
        out.push((is_link, attrs));
        at = next;
    }
    out
}

/// Attributes from byte `at` to the tag's `>`; returns them and the index after the tag.
fn attributes(s: &str, mut at: usize) -> (Attrs, usize) {
    let b = s.as_bytes();
    let mut out = Vec::new();
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() || b[at] == b'>' {
            return (out, (at + 1).min(b.len()));
        }
        let start = at;
        while at < b.len() && !b[at].is_ascii_whitespace() && !matches!(b[at], b'=' | b'>' | b'/') {
            at += 1;
        }
        let name = s[start..at].to_ascii_lowercase();
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = String::new();
        if at < b.len() && b[at] == b'=' {
            at += 1;
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            if at < b.len() && (b[at] == b'"' || b[at] == b'\'') {
                let q = b[at];
                let vs = at + 1;
                let ve = b[vs..]
                    .iter()
                    .position(|c| *c == q)
                    .map_or(b.len(), |p| vs + p);
                value = s[vs..ve].to_string();
                at = (ve + 1).min(b.len());
            } else {
                let vs = at;
                while at < b.len() && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                    at += 1;
                }
                value = s[vs..at].to_string();
            }
        }
        if !name.is_empty() && out.len() < 32 {
            out.push((name, unescape(&value)));
        }
    }
}

/// The character references an attribute value may hold in a URL.
fn unescape(v: &str) -> String {
    v.replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .trim()
        .to_string()
}

fn rel_has(a: &Attrs, word: &str) -> bool {
    attr(a, "rel").is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case(word))
    })
}

/// Feed URLs a page announces, in page order (as written: relative ones are resolved by the
/// caller).
pub fn feed_links(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|(link, a)| *link && rel_has(a, "alternate"))
        .filter(|(_, a)| {
            attr(a, "type").is_some_and(|t| {
                let t = t.to_ascii_lowercase();
                t.contains("rss") || t.contains("atom") || t.contains("feed+json")
            })
        })
        .filter_map(|(_, a)| attr(&a, "href").map(str::to_string))
        .filter(|h| !h.is_empty())
        .collect()
}

/// The page's canonical URL as written: `<link rel="canonical">`, else `og:url`.
pub fn canonical(html: &str) -> Option<String> {
    let tags = tags(html);
    let link = tags
        .iter()
        .filter(|(link, a)| *link && rel_has(a, "canonical"))
        .find_map(|(_, a)| attr(a, "href"));
    let og = || {
        tags.iter()
            .filter(|(link, a)| !*link && attr(a, "property").or(attr(a, "name")) == Some("og:url"))
            .find_map(|(_, a)| attr(a, "content"))
    };
    link.or_else(og)
        .filter(|h| !h.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_found_among_other_links() {
        let html = r#"<html><head><LINK REL="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml?a=1&amp;b=2">
<link rel='alternate' type='application/atom+xml' href=atom.xml />
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/feed+json" href="/feed.json"></head>"#;
        assert_eq!(
            feed_links(html),
            vec!["/rss.xml?a=1&b=2", "atom.xml", "/feed.json"]
        );
    }

    #[test]
    fn canonical_prefers_the_link_then_og_url() {
        let both = r#"<meta property="og:url" content="https://e.com/og"><link rel="canonical" href="https://e.com/c">"#;
        assert_eq!(canonical(both).as_deref(), Some("https://e.com/c"));
        let og = r#"<meta property="og:url" content="https://e.com/og">"#;
        assert_eq!(canonical(og).as_deref(), Some("https://e.com/og"));
        assert_eq!(canonical("<p>none</p>"), None);
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<link",
            "<link rel=",
            "<link rel=\"alt",
            "<meta é=",
            "<<<link\t>",
            "<linké",
        ] {
            let _ = feed_links(s);
            let _ = canonical(s);
        }
    }
}
