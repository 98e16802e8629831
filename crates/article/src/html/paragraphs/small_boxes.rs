//! Small boxes set into a page: a picture with its caption and credit, or a promo with a
//! call to action ("Order your copy", "Subscribe").

use super::link_blocks::{alnum_words, MIN_LINK_ITEMS};
use super::sign_up::MAX_BOX_WORDS;
use super::{holds_text, words_up_to};
use crate::html::dom;
use dom_query::NodeRef;
use regex::Regex;
use std::sync::LazyLock;

/// Whether a box is a picture with its caption: it shows one picture (an image, a video) before
/// any of its words, and has no heading. A step of a how-to or an item of a list puts its
/// heading or its text first and the picture after it.
fn is_captioned_picture(n: &NodeRef) -> bool {
    // A caption belongs to one picture; a block of several is a gallery or a grid.
    let pictures = n
        .descendants_it()
        .filter(|d| dom::with_name(d, |t| matches!(t, "img" | "video")))
        .count();
    if pictures != 1 {
        return false;
    }
    for d in n.descendants_it() {
        if let Some(words) = dom::with_text(&d, alnum_words) {
            if words > 0 {
                return false;
            }
            continue;
        }
        if dom::with_name(&d, |t| matches!(t, "img" | "picture" | "video")) {
            return !n.descendants_it().any(|h| {
                dom::with_name(&h, |t| matches!(t, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
            });
        }
    }
    false
}

/// Calls to action: the whole text of a link or button that asks the reader to sign up, pay,
/// buy or listen rather than pointing to a page of text.
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sign ?up|subscribe|register|log ?in|sign ?in|donate|support us|(?:pre-?)?order|buy|listen|download)(?: (?:now|here|today|for free|free|(?:your|a) copy|it|the (?:book|app|podcast|newsletter)))*[\s.!»›→]*$")
        .expect("static regex")
});

/// Whether a subtree holds a link or button that is a call to action.
fn has_call_to_action(n: &NodeRef) -> bool {
    n.descendants_it().any(|d| {
        dom::with_name(&d, |t| matches!(t, "a" | "button"))
            && CALL_TO_ACTION.is_match(d.text().trim())
    })
}

/// A small box set into the page that is a picture with its caption and credit, or a promo
/// (a newsletter pitch, a book with "Order your copy", a subscription offer, a podcast card):
/// at most `MAX_BOX_WORDS` words, with a picture or a call to action. Captions and pitches are
/// sentences, so their shape does not tell them from the text; the box they sit in does.
/// A box with a headline or several paragraphs is text.
pub(super) fn is_small_box(n: &NodeRef) -> bool {
    words_up_to(n, MAX_BOX_WORDS).is_some_and(|w| w > 0)
        && !holds_text(n)
        && (is_captioned_picture(n) && !is_repeated_item(n) || has_call_to_action(n))
}

/// Whether an element is one of a row of siblings of its own tag and class (a grid of cards,
/// the paragraphs of a template that wraps each one with its picture): an item of the page's
/// layout, which is content as often as not, rather than a box set into it.
/// A wrapper that is its parent's only element child (`<div class=col><div class=inner>…`)
/// stands for the parent: the parent is the item asked about then.
fn is_repeated_item(n: &NodeRef) -> bool {
    let mut item = *n;
    loop {
        // The first class names the kind of item; page builders number each one and mark
        // the last ("col col-3", "col col-4 last-child"): those and digits aside.
        let class_of = |n: &NodeRef| {
            n.attr("class").map(|c| {
                c.split_ascii_whitespace()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(|ch| !ch.is_ascii_digit())
                    .collect::<String>()
            })
        };
        let (name, class) = (item.node_name(), class_of(&item));
        let Some(parent) = item.parent() else {
            return false;
        };
        let siblings: Vec<_> = parent
            .children_it(false)
            .filter(|c| c.is_element())
            .collect();
        let same = siblings
            .iter()
            .filter(|c| c.node_name() == name && class_of(c) == class)
            .count();
        if same >= MIN_LINK_ITEMS {
            return true;
        }
        let only_child = siblings.len() == 1;
        if !only_child || !parent.is_element() {
            return false;
        }
        item = parent;
    }
}
