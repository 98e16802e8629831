//! HTML pages: main content and metadata by readability scoring (dom_smoothie), with a plain
//! tag-stripping fallback when the page defeats it (too many elements, no readable block).

use crate::{normalize_date, Article};
use dom_smoothie::{Config, Readability, TextMode};

/// Element budget for the readability pass; bigger pages fall back to tag stripping, which is
/// linear in the page size.
const MAX_ELEMENTS: usize = 60_000;

pub fn extract_html(html: &str) -> Article {
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let parsed = Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
    match parsed {
        Ok(a) => Article {
            title: Some(a.title.trim().to_string()).filter(|t| !t.is_empty()),
            published: a.published_time.as_deref().and_then(normalize_date),
            authors: a.byline.as_deref().map(split_byline).unwrap_or_default(),
            language: a
                .lang
                .map(|l| l.chars().take(2).collect::<String>().to_lowercase()),
            outlet: a.site_name,
            text: paragraphs(&a.text_content),
            ..Article::default()
        },
        Err(e) => Article {
            text: paragraphs(&strip_tags(html)),
            warnings: vec![format!(
                "readability failed ({e}); text taken from all tags"
            )],
            ..Article::default()
        },
    }
}

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
fn split_byline(byline: &str) -> Vec<String> {
    let b = byline.trim();
    let b = b
        .strip_prefix("By ")
        .or_else(|| b.strip_prefix("by "))
        .unwrap_or(b);
    b.split([',', '|', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && p.len() < 80)
        .map(str::to_string)
        .collect()
}

/// Lines trimmed and whitespace-collapsed, non-empty ones joined by a blank line.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut first = true;
        for w in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// Text of a page with tags, scripts and styles removed; block tags end lines.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[1..gt].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[gt + 1..];
        if !tag.starts_with('/') && matches!(name.as_str(), "script" | "style" | "noscript") {
            let close = format!("</{name}");
            match rest.to_ascii_lowercase().find(&close) {
                Some(i) => rest = &rest[i..],
                None => rest = "",
            }
            continue;
        }
        if matches!(
            name.as_str(),
            "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "tr" | "section" | "article"
        ) {
            out.push('\n');
        } else {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_paragraphs_are_kept_and_nav_dropped() {
        let body = "<p>The council voted on Tuesday to approve the new budget for the city, which \
                    includes funding for schools, roads and parks across all districts.</p>"
            .repeat(6);
        let html = format!(
            "<html><head><title>Budget passes - City News</title></head><body>\
             <nav><a href=/>Home</a><a href=/w>World</a></nav><article><h1>Budget passes</h1>{body}</article>\
             <footer>Copyright</footer></body></html>"
        );
        let a = extract_html(&html);
        assert!(a.text.contains("The council voted"));
        assert!(!a.text.contains("Copyright"));
        assert!(a.text.contains("\n\n"));
    }

    #[test]
    fn byline_splits_on_and() {
        assert_eq!(
            split_byline("By Jane Doe and John Roe"),
            vec!["Jane Doe", "John Roe"]
        );
    }

    #[test]
    fn tag_stripping_drops_scripts() {
        let t = strip_tags("<p>a</p><script>var x = '<p>';</script><p>b &amp; c</p>");
        assert!(!t.contains("var"));
        assert!(t.contains("b & c"));
    }
}
