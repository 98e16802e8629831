//! A second opinion on the main content: the page's paragraphs (`<p>`, subheadings, quotes)
//! outside boilerplate regions, in document order. Used when readability settles on a block far
//! smaller than the article the page visibly holds.

use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// Most paragraphs read; pages with more are handled by readability alone.
const MAX_PARAGRAPHS: usize = 3_000;

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
    ["class", "id"].iter().any(|a| {
        n.attr(a)
            .is_some_and(|v| v.split_ascii_whitespace().any(names_boilerplate))
    })
}

/// The hints as one case-insensitive pattern: one pass over a class name, no lower-casing.
static HINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){}", BOILERPLATE_HINTS.join("|"))).expect("static regex")
});

/// Whether one class or id names a boilerplate region. Layout modifiers that merely mention one
/// ("main-with-sidebar", "has-comments", "no-sidebar") describe the region they sit on instead.
fn names_boilerplate(token: &str) -> bool {
    HINTS.find_iter(token).any(|m| {
        let before = token[..m.start()]
            .trim_end_matches(['-', '_'])
            .to_ascii_lowercase();
        !["with", "has", "no", "without"]
            .iter()
            .any(|w| before.ends_with(w))
    })
}

/// Appends the words of a subtree's visible text to `out`, single-spaced (words do not run
/// together across block elements), and returns how many were appended.
fn append_text(node: &NodeRef, out: &mut String) -> usize {
    let start = out.len();
    let mut words = 0;
    // Whether a break (whitespace or a block start) precedes the next text.
    let mut gap = true;
    for d in node.descendants_it() {
        if d.is_element() {
            gap |= super::header::is_block(&d.node_name().unwrap_or_default());
            continue;
        }
        if !d.is_text() {
            continue;
        }
        let text = d.text();
        if text.trim().is_empty() {
            gap |= !text.is_empty();
            continue;
        }
        let parent = d.parent().and_then(|p| p.node_name()).unwrap_or_default();
        if matches!(&*parent, "script" | "style" | "noscript" | "template") {
            continue;
        }
        for (i, w) in text.split_whitespace().enumerate() {
            // A text node split mid-word by an inline tag ("bo<b>ld</b>") continues the word.
            let joined = i == 0 && !gap && !text.starts_with(char::is_whitespace);
            if !joined {
                if out.len() > start {
                    out.push(' ');
                }
                words += 1;
            }
            out.push_str(w);
        }
        gap = text.ends_with(char::is_whitespace);
    }
    words
}

/// Elements read as paragraphs.
fn is_paragraph(name: &str) -> bool {
    matches!(name, "p" | "h2" | "h3" | "blockquote" | "li")
}

/// Paragraph texts joined by newlines, and their word count. One walk of the tree: a region
/// marked as boilerplate excludes everything under it, and a paragraph, quote or list item is
/// read whole (paragraphs nested in it are not read again).
pub fn paragraph_text(doc: &Document) -> (String, usize) {
    let mut out = String::new();
    let mut words = 0;
    let mut read = 0;
    let mut stack: Vec<NodeRef> = vec![doc.root()];
    while let Some(n) = stack.pop() {
        if read >= MAX_PARAGRAPHS {
            break;
        }
        if !n.is_element() && !n.is_document() {
            continue;
        }
        let name = n.node_name().unwrap_or_default();
        let excluded = n.is_element() && is_boilerplate(&n);
        let paragraph = is_paragraph(&name);
        if paragraph && !excluded {
            read += 1;
            let start = out.len();
            let n_words = append_text(&n, &mut out);
            // List items only count when they read like text, not link lists.
            if n_words == 0 || (&*name == "li" && n_words < 8) {
                out.truncate(start);
            } else {
                words += n_words;
                out.push('\n');
            }
        }
        // Below a boilerplate region nothing is read; below a paragraph, quote or list item
        // everything was read with it.
        if excluded || matches!(&*name, "p" | "li" | "blockquote") {
            continue;
        }
        let mut child = n.last_child();
        while let Some(c) = child {
            child = c.prev_sibling();
            if c.is_element() {
                stack.push(c);
            }
        }
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
    fn words_join_across_inline_tags_and_split_across_blocks() {
        let d = Document::from(
            "<p>bo<b>ld</b> move<br>next <i>line</i></p><li>one two three four five six seven \
             eight</li><li>Home</li><blockquote><p>Quoted words.</p></blockquote>",
        );
        assert_eq!(
            paragraph_text(&d),
            (
                "bold move next line\none two three four five six seven eight\nQuoted words.\n"
                    .to_string(),
                14
            )
        );
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
