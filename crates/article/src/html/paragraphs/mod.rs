//! A second opinion on the main content: the page's paragraphs (`<p>`, subheadings, quotes,
//! list items) outside boilerplate regions, in document order. Used when readability settles on
//! a block far smaller than the article the page visibly holds.

mod link_blocks;
mod region_names;
mod sign_up;
mod small_boxes;
#[cfg(test)]
mod tests;

use super::dom;
use dom_query::{Document, NodeRef};
use link_blocks::{
    is_card_list, is_link_block, is_link_list, is_link_stub, link_list_box, MIN_WORDS_BEFORE_CARDS,
};
pub(super) use region_names::is_boilerplate;
use region_names::RegionNames;
use sign_up::{pitch_before, sign_up_box};
use small_boxes::is_small_box;

/// Most paragraphs read; pages with more are handled by readability alone.
const MAX_PARAGRAPHS: usize = 3_000;

/// Appends the words of a subtree's visible text to `out`, single-spaced (words do not run
/// together across block elements), and returns how many were appended.
fn append_text(node: &NodeRef, out: &mut String) -> usize {
    let start = out.len();
    let mut words = 0;
    // Whether a break (whitespace or a block start) precedes the next text.
    let mut gap = true;
    for d in node.descendants_it() {
        if d.is_element() {
            gap |= dom::with_name(&d, |n| {
                super::elements::is(n, super::elements::VISIBLE_BREAK)
            });
            continue;
        }
        dom::with_text(&d, |text| {
            if text.trim().is_empty() {
                gap |= !text.is_empty();
                return;
            }
            if d.parent().is_some_and(|p| {
                dom::with_name(&p, |n| super::elements::is(n, super::elements::SCRIPTING))
            }) {
                return;
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
        });
    }
    words
}

/// Elements read as paragraphs.
fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "li"
    )
}

/// The page's paragraphs, and the regions the walk skipped as boilerplate.
pub struct ParagraphView<'a> {
    /// Paragraph texts joined by newlines.
    pub text: String,
    pub words: usize,
    /// Forms and class- or id-named boilerplate blocks (`div`, `section`, lists) that hold no
    /// article text: removed before readability scores the page. One that holds the article
    /// (a page wrapped in an ASP.NET form) stays, and the regions inside it are collected.
    pub regions: Vec<NodeRef<'a>>,
}

/// Paragraphs that make an element a text region rather than page chrome.
const TEXT_REGION_PARAGRAPHS: usize = 5;

pub fn holds_text(n: &dom_query::NodeRef) -> bool {
    let mut paragraphs = 0;
    for d in n.descendants_it() {
        match dom::with_name(&d, |t| match t {
            "h1" => 2,
            "p" => 1,
            _ => 0,
        }) {
            2 => return true,
            1 => paragraphs += 1,
            _ => {}
        }
        if paragraphs >= TEXT_REGION_PARAGRAPHS {
            return true;
        }
    }
    false
}

/// Fewest words of a brief that a form may hold as the page's article.
const MIN_BRIEF_WORDS: usize = 20;

/// Words of a subtree's text, counted node by node without building the text.
fn word_count(n: &NodeRef) -> usize {
    n.descendants_it().map(|d| dom::text_words(&d)).sum()
}

/// Words of a subtree's text while they stay within `cap`; `None` past it. The walk stops
/// there: asked of every block of the page, a full count would cost the page's size times its
/// depth.
pub(super) fn words_up_to(n: &NodeRef, cap: usize) -> Option<usize> {
    let mut words = 0;
    for d in n.descendants_it() {
        words += dom::text_words(&d);
        if words > cap {
            return None;
        }
    }
    Some(words)
}

/// Block elements whose boilerplate class or id marks a whole region.
fn is_region_block(name: &str) -> bool {
    matches!(name, "form" | "div" | "section" | "ul" | "ol")
}

/// One walk of the tree: a region marked as boilerplate excludes everything under it, and a
/// paragraph, quote or list item is read whole (paragraphs nested in it are not read again).
pub fn paragraph_text(doc: &Document) -> ParagraphView<'_> {
    let mut out = String::new();
    let mut regions = Vec::new();
    let mut words = 0;
    let mut read = 0;
    // The last paragraph read: its node, where its text starts in `out`, and its words.
    let mut last_read: Option<(dom_query::NodeId, usize, usize)> = None;
    // Words of the whole page, counted when a form asks.
    let mut page_words: Option<usize> = None;
    // Each node with whether no paragraph is read below it (it lies in a boilerplate region or
    // in a paragraph already read); regions are still collected there.
    let mut stack: Vec<(NodeRef, bool)> = vec![(doc.root(), false)];
    let mut names = RegionNames::default();
    while let Some((n, inside)) = stack.pop() {
        if read >= MAX_PARAGRAPHS {
            break;
        }
        if !n.is_element() && !n.is_document() {
            continue;
        }
        let name = n.node_name().unwrap_or_default();
        let mut excluded = n.is_element() && names.is_boilerplate(&n);
        let mut inside_now = inside;
        if excluded && is_region_block(&name) {
            // A form that holds the article is the page's layout (ASP.NET wraps the whole
            // body in one), not a region: it has the paragraphs of a text, or most of the
            // page's words (a short brief). A named block that holds text is still
            // boilerplate (a comment thread).
            let layout = &*name == "form"
                && (holds_text(&n) || {
                    let own = word_count(&n);
                    own >= MIN_BRIEF_WORDS
                        && 2 * own >= *page_words.get_or_insert_with(|| word_count(&doc.root()))
                });
            if layout {
                excluded = false;
            } else if !holds_text(&n) {
                if &*name == "form" {
                    let box_ = sign_up_box(n);
                    if let Some(pitch) = pitch_before(&n, &box_) {
                        // The pitch was read as the last paragraph before the form: unread.
                        if let Some((id, start, n_words)) = last_read.take() {
                            if id == pitch.id {
                                out.truncate(start);
                                words -= n_words;
                            }
                        }
                        regions.push(pitch);
                    }
                    regions.push(box_);
                } else {
                    regions.push(n);
                }
                continue;
            } else {
                inside_now = true;
            }
        }
        let list = matches!(&*name, "ul" | "ol");
        let block = matches!(&*name, "div" | "section" | "aside");
        let card_tag = if list { "li" } else { "article" };
        if !excluded
            && (list || block)
            && (list && is_link_list(&n)
                || block && is_link_block(&n)
                || words >= MIN_WORDS_BEFORE_CARDS && is_card_list(&n, card_tag))
        {
            regions.push(link_list_box(n));
            continue;
        }
        if !excluded && !inside && (block || &*name == "figure") && is_small_box(&n) && {
            // Never the page itself: a brief with its picture is an article.
            let page = *page_words.get_or_insert_with(|| word_count(&doc.root()));
            2 * word_count(&n) < page
        } {
            regions.push(n);
            continue;
        }
        if !excluded && !inside && &*name == "p" && is_link_stub(&n) {
            regions.push(n);
            continue;
        }
        let paragraph = is_paragraph(&name);
        if paragraph && !excluded && !inside {
            read += 1;
            let start = out.len();
            let n_words = append_text(&n, &mut out);
            if n_words == 0 {
                out.truncate(start);
            } else {
                words += n_words;
                out.push('\n');
                last_read = Some((n.id, start, n_words));
            }
        }
        // Below a boilerplate region nothing is read, below a paragraph, quote or list item
        // everything was read with it; nested regions are still collected.
        inside_now |= excluded || matches!(&*name, "p" | "li" | "blockquote");
        let mut child = n.last_child();
        while let Some(c) = child {
            child = c.prev_sibling();
            if c.is_element() {
                stack.push((c, inside_now));
            }
        }
    }
    ParagraphView {
        text: out,
        words,
        regions,
    }
}
