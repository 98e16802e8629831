//! A second opinion on the main content: the page's paragraphs (`<p>`, subheadings, quotes)
//! outside boilerplate regions, in document order. Used when readability settles on a block far
//! smaller than the article the page visibly holds.

use dom_query::{Document, NodeRef};

/// Most paragraphs read; pages with more are handled by readability alone.
const MAX_PARAGRAPHS: usize = 3_000;
/// Ancestors checked for boilerplate markers.
const MAX_ANCESTORS: usize = 40;

const BOILERPLATE_TAGS: [&str; 6] = ["nav", "footer", "aside", "form", "header", "noscript"];
/// Class/id fragments of boilerplate regions. Not "widget": page builders (Elementor, HubSpot)
/// wrap every block, the article included, in "*-widget-*" classes.
const BOILERPLATE_HINTS: [&str; 15] = [
    "comment",
    "footer",
    "sidebar",
    "related",
    "share",
    "social",
    "menu",
    "cookie",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "popup",
    "modal",
    "breadcrumb",
];

fn is_boilerplate(n: &NodeRef) -> bool {
    let name = n.node_name().unwrap_or_default();
    if BOILERPLATE_TAGS.contains(&&*name) {
        return true;
    }
    // Page-wide classes ("has-mega-menu", "modal-open") describe the page, not a region.
    if matches!(&*name, "html" | "body" | "main" | "article") {
        return false;
    }
    let hint = format!(
        "{} {}",
        n.attr("class").unwrap_or_default(),
        n.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase();
    hint.split_ascii_whitespace().any(names_boilerplate)
}

/// Whether one class or id names a boilerplate region. Layout modifiers that merely mention one
/// ("main-with-sidebar", "has-comments", "no-sidebar") describe the region they sit on instead.
fn names_boilerplate(token: &str) -> bool {
    BOILERPLATE_HINTS.iter().any(|h| {
        token.match_indices(h).any(|(i, _)| {
            let before = token[..i].trim_end_matches(['-', '_']);
            !["with", "has", "no", "without"]
                .iter()
                .any(|m| before.ends_with(m))
        })
    })
}

/// Paragraph texts joined by newlines, and their word count.
pub fn paragraph_text(doc: &Document) -> (String, usize) {
    let Some(sel) = doc.try_select("p, h2, h3, blockquote, li") else {
        return (String::new(), 0);
    };
    let mut out = String::new();
    let mut words = 0;
    for n in sel.nodes().iter().take(MAX_PARAGRAPHS) {
        let name = n.node_name().unwrap_or_default();
        let ancestors = n.ancestors(Some(MAX_ANCESTORS));
        // A paragraph inside a quote or list item is read with its container.
        if ancestors.iter().any(|a| {
            matches!(
                &*a.node_name().unwrap_or_default(),
                "blockquote" | "li" | "p"
            )
        }) {
            continue;
        }
        if is_boilerplate(n) || ancestors.iter().any(is_boilerplate) {
            continue;
        }
        let text = super::header::block_text(n).replace('¶', " ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let n_words = text.split_whitespace().count();
        // List items and headings only count when they read like text, not link lists.
        if name.as_ref() == "li" && n_words < 8 {
            continue;
        }
        if n_words == 0 {
            continue;
        }
        words += n_words;
        out.push_str(&text);
        out.push('\n');
    }
    (out, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_outside_boilerplate() {
        let d = Document::from(
            "<nav><p>Home News</p></nav><div class='post'><p>First para here.</p><h2>Sub</h2>\
             <p>Second <b>bold</b> para.</p></div><div class='comments'><p>Nice post!</p></div>",
        );
        let (t, n) = paragraph_text(&d);
        assert_eq!(t, "First para here.\nSub\nSecond bold para.\n");
        assert_eq!(n, 7);
    }

    #[test]
    fn layout_modifiers_naming_a_sidebar_are_not_boilerplate() {
        assert!(!names_boilerplate("main-with-sidebar"));
        assert!(!names_boilerplate("has-comments"));
        assert!(names_boilerplate("sidebar-left"));
        assert!(names_boilerplate("post-comments"));
        let d = Document::from(
            "<div class='site-content with-sidebar'><p>Article words here.</p></div>\
             <div class='sidebar'><p>Side.</p></div>",
        );
        assert_eq!(paragraph_text(&d), ("Article words here.\n".to_string(), 3));
    }

    #[test]
    fn page_builder_and_page_wide_classes_are_not_boilerplate() {
        let d = Document::from(
            "<html><body class='btMenuLeft modal-open'><div class='elementor-widget-text-editor'>\
             <p>Article words here.</p></div><div class='sidebar'><p>Side.</p></div></body></html>",
        );
        assert_eq!(paragraph_text(&d), ("Article words here.\n".to_string(), 3));
    }
}
