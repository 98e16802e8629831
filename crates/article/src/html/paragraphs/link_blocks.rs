//! Blocks that point to other pages instead of saying something: labelled link paragraphs
//! ("Read more: …"), blocks and lists of linked headlines (with their time stamps), lists of
//! story cards, and the box each sits in.

use super::{word_count, words_up_to};
use crate::html::dom;
use dom_query::NodeRef;
use regex::Regex;
use std::sync::LazyLock;

/// Most words of one item of a block of links (a headline and its kicker).
const MAX_LINK_ITEM_WORDS: usize = 40;

/// Most words of text outside the links that a paragraph of links may hold: its label
/// ("Read more:", "RELATED:", "Jump to:").
const MAX_STUB_LABEL_WORDS: usize = 3;

/// A paragraph that points to other pages rather than saying something: links introduced by a
/// short label ("Read more: <a>headline</a>", "RELATED: <a>…</a>", "Jump to: <a>…</a> |
/// <a>…</a>"). The label ends in a colon or is written in capitals. A paragraph that is one
/// link without a label (a product's name as a subheading) stays, and so does a sentence with
/// a link in it.
pub(super) fn is_link_stub(p: &NodeRef) -> bool {
    let mut outside = String::new();
    let mut linked = 0usize;
    for d in p.descendants_it() {
        dom::with_text(&d, |text| {
            let in_link = d
                .ancestors_it(None)
                .take_while(|a| a.id != p.id)
                .any(|a| dom::is_named(&a, "a"));
            if in_link {
                linked += alnum_words(text);
            } else {
                outside.push_str(text);
                outside.push(' ');
            }
        });
    }
    let label = outside.trim();
    // Characters too: a clause of unspaced script is one "word".
    let short =
        alnum_words(label) <= MAX_STUB_LABEL_WORDS && label.chars().count() <= MAX_STUB_LABEL_CHARS;
    let capitals = label.chars().any(char::is_uppercase) && !label.chars().any(char::is_lowercase);
    linked > 0
        && short
        && label.chars().any(char::is_alphabetic)
        && (label.contains([':', '：']) || capitals)
}

/// Most characters of a link paragraph's label.
const MAX_STUB_LABEL_CHARS: usize = 30;

/// Words holding a letter or digit (separators such as "|" or "·" are not words).
pub(super) fn alnum_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Most words of a heading that a block of links may open with ("More on this story").
const MAX_BLOCK_HEADING_WORDS: usize = 6;

/// A block (`div`, `section`, `aside`) of links to other pages: after an optional unlinked
/// heading, at least three children, each a link and nothing more (linked headlines, menu
/// entries), and no text of its own between them. `is_link_list` for blocks that are not
/// lists.
pub(super) fn is_link_block(n: &NodeRef) -> bool {
    // Most blocks are wrappers of one or two children: no count needed.
    if n.children_it(false)
        .filter(|c| c.is_element())
        .nth(MIN_LINK_ITEMS - 1)
        .is_none()
    {
        return false;
    }
    let mut items = 0;
    let mut first = true;
    let mut child = n.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        if !c.is_element() {
            if dom::with_text(&c, alnum_words).unwrap_or(0) > 0 {
                return false;
            }
            continue;
        }
        let Some(words) = words_up_to(&c, MAX_LINK_ITEM_WORDS) else {
            return false;
        };
        let is_first = std::mem::replace(&mut first, false);
        if words == 0 {
            continue;
        }
        let linked = if dom::is_named(&c, "a") {
            words
        } else {
            link_words(&c)
        };
        if (linked as f64) >= LINK_ITEM_SHARE * words as f64 {
            items += 1;
        } else if !(is_first
            && words <= MAX_BLOCK_HEADING_WORDS
            && dom::with_name(&c, |t| {
                matches!(
                    t,
                    "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "span" | "strong" | "div"
                )
            }))
        {
            return false;
        }
    }
    items >= MIN_LINK_ITEMS
}

/// Fewest items of a list read as a list of links to other pages.
pub(super) const MIN_LINK_ITEMS: usize = 3;
/// Least share of an item's words inside links for the item to be a link and nothing more.
const LINK_ITEM_SHARE: f64 = 0.9;
/// Most words a block around a link list may hold besides the list (its heading: "Read more",
/// "More from the harbour") and still be read as the list's box.
const MAX_LIST_BOX_WORDS: usize = 12;

/// Words of a subtree's text that lie inside links.
fn link_words(n: &NodeRef) -> usize {
    n.descendants_it()
        .filter(|d| dom::is_named(d, "a"))
        .map(|a| word_count(&a))
        .sum()
}

/// A list of links to other pages: at least three items, each of them a link and nothing more
/// (headlines of other stories, menu entries). Wherever it stands, in the article or beside it,
/// it points away from the text; a list whose items say something with a link among their
/// words is part of the text.
pub(super) fn is_link_list(n: &NodeRef) -> bool {
    every_item(n, "li", |item, words| {
        let linked = link_words(item);
        (linked as f64) >= LINK_ITEM_SHARE * words as f64
            || linked > 0 && words.saturating_sub(linked) <= MAX_STAMP_WORDS && stamp_only(item)
    })
}

/// Most words of a time stamp or count beside a listed link ("3h ago", "12 comments").
const MAX_STAMP_WORDS: usize = 4;

/// A headline's time stamp or count: "3h ago", "12 comments", "May 4, 2025", "09:30".
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\W_]*(?:\d+\s*(?:s|m|h|d|w|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago|\d+\s*(?:comments?|replies|shares)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?(?:\s+\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})[\W_]*$")
        .expect("static regex")
});

/// Whether the text of `item` outside its links is a time stamp or count ("Harbour tug sold
/// 3h ago"), not an annotation ("<a>Ann Lee</a>, the mayor", "<a>Gmail</a> from Google").
fn stamp_only(item: &NodeRef) -> bool {
    let mut outside = String::new();
    for d in item.descendants_it() {
        dom::with_text(&d, |text| {
            if !d
                .ancestors_it(None)
                .take_while(|a| a.id != item.id)
                .any(|a| dom::is_named(&a, "a"))
            {
                outside.push_str(text);
                outside.push(' ');
            }
        });
    }
    STAMP.is_match(outside.trim())
}

/// Whether `list` has at least `MIN_LINK_ITEMS` children, all of them non-empty `item_tag`
/// elements that pass `test` (given the item and its word count).
fn every_item(list: &NodeRef, item_tag: &str, test: impl Fn(&NodeRef, usize) -> bool) -> bool {
    let mut items = 0;
    let mut child = list.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        if !c.is_element() {
            continue;
        }
        if !dom::is_named(&c, item_tag) {
            return false;
        }
        let words = word_count(&c);
        if words == 0 || !test(&c, words) {
            return false;
        }
        items += 1;
    }
    items >= MIN_LINK_ITEMS
}

/// Most words of a story card: a linked headline and a teaser of a sentence or three.
pub(super) const MAX_CARD_WORDS: usize = 90;

/// Paragraph words that must come before a list of story cards for it to be read as pointing away
/// from an article: a page that opens with the cards (an events listing, a section front) is
/// made of them.
pub(super) const MIN_WORDS_BEFORE_CARDS: usize = 120;

/// A list of story cards (a "more stories" stream, a related-articles block): at least three
/// items, each a short teaser under a heading that is a link to another page. The teaser's
/// sentences look like prose, so the link-share test of `is_link_list` lets them through; the
/// linked heading is what marks each item as pointing away. A list whose items are headed by
/// plain text (steps, entries of the article's own list) is the text's. The items are `<li>`
/// of a list, or `<article>` elements side by side in a block (each card its own article).
pub(super) fn is_card_list(n: &NodeRef, item_tag: &str) -> bool {
    every_item(n, item_tag, |item, words| {
        words <= MAX_CARD_WORDS && has_linked_heading(item)
    })
}

/// Whether a heading inside `item` is, nearly word for word, a link.
fn has_linked_heading(item: &NodeRef) -> bool {
    item.descendants_it().any(|d| {
        dom::with_name(&d, |t| matches!(t, "h2" | "h3" | "h4" | "h5" | "h6")) && {
            let words = word_count(&d);
            words > 0 && (link_words(&d) as f64) >= LINK_ITEM_SHARE * words as f64
        }
    })
}

/// The box a link list sits in: the block that holds nothing but the list and its heading.
pub(super) fn link_list_box(list: NodeRef) -> NodeRef {
    let list_words = word_count(&list);
    let mut top = list;
    while let Some(p) = top.parent() {
        let name = p.node_name().unwrap_or_default();
        if !matches!(&*name, "div" | "section" | "aside")
            || word_count(&p) > list_words + MAX_LIST_BOX_WORDS
        {
            break;
        }
        top = p;
    }
    top
}
