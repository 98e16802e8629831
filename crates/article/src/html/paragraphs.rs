//! A second opinion on the main content: the page's paragraphs (`<p>`, subheadings, quotes,
//! list items) outside boilerplate regions, in document order. Used when readability settles on
//! a block far smaller than the article the page visibly holds.

use super::dom;
use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// Most paragraphs read; pages with more are handled by readability alone.
const MAX_PARAGRAPHS: usize = 3_000;

const BOILERPLATE_TAGS: [&str; 6] = ["nav", "footer", "aside", "form", "header", "noscript"];
/// Class/id name segments of boilerplate regions (a plural "s" may follow). Not "widget":
/// page builders (Elementor, HubSpot) wrap every block, the article included, in "*-widget-*"
/// classes. Not "header": article headers hold the headline and standfirst.
const BOILERPLATE_HINTS: [&str; 32] = [
    "comment",
    "footer",
    "sidebar",
    "related",
    "share",
    "sharing",
    "social",
    "menu",
    "cookie",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "paywall",
    "promo",
    "advert",
    "advertisement",
    "advertising",
    "ad",
    "banner",
    "popup",
    "modal",
    "breadcrumb",
    "toolbar",
    "pagination",
    "recommended",
    "trending",
    "popular",
    "author",
    "disclaimer",
    "caption",
    "footnote",
];

pub(super) fn is_boilerplate(n: &NodeRef) -> bool {
    let (tagged, page_wide) = dom::with_name(n, |name| {
        (
            BOILERPLATE_TAGS.contains(&name),
            matches!(name, "html" | "body" | "main" | "article"),
        )
    });
    if tagged {
        return true;
    }
    // Page-wide classes ("has-mega-menu", "modal-open") describe the page, not a region.
    if page_wide {
        return false;
    }
    ["class", "id"].iter().any(|a| {
        dom::with_attr(n, a, |v| v.split_ascii_whitespace().any(names_boilerplate)).unwrap_or(false)
    })
}

/// The hints as one case-insensitive pattern: one pass over a class name, no lower-casing.
static HINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){}", BOILERPLATE_HINTS.join("|"))).expect("static regex")
});

/// Whether one class or id names a boilerplate region. The hint must be a whole segment of the
/// name ("post-comments", "relatedPosts", "share_bar"; not "commentary", "shareable",
/// "promotion"). Layout modifiers that merely mention one ("main-with-sidebar", "has-comments",
/// "no-sidebar") describe the region they sit on instead, and taxonomy classes ("tag-social-media",
/// "category-commentary") describe the article.
fn names_boilerplate(token: &str) -> bool {
    let b = token.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("tag-") || starts("category-") {
        return false;
    }
    HINTS.find_iter(token).any(|m| {
        let (start, mut end) = (m.start(), m.end());
        let starts_segment = start == 0
            || matches!(b[start - 1], b'-' | b'_')
            || (b[start].is_ascii_uppercase() && b[start - 1].is_ascii_lowercase());
        // A plural ends the segment too ("comments", "menus").
        if b.get(end).is_some_and(|c| matches!(c, b's' | b'S')) {
            end += 1;
        }
        let ends_segment = b.get(end).is_none_or(|c| {
            matches!(c, b'-' | b'_') || c.is_ascii_uppercase() || c.is_ascii_digit()
        });
        let before = token[..start].trim_end_matches(['-', '_']).as_bytes();
        starts_segment
            && ends_segment
            && !["with", "has", "no", "without"].iter().any(|w| {
                before.len() >= w.len()
                    && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
            })
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
            gap |= dom::with_name(&d, super::header::is_block);
            continue;
        }
        dom::with_text(&d, |text| {
            if text.trim().is_empty() {
                gap |= !text.is_empty();
                return;
            }
            if d.parent().is_some_and(|p| {
                dom::with_name(&p, |n| {
                    matches!(n, "script" | "style" | "noscript" | "template")
                })
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

/// Most words a block around a form may hold and still be read as the form's box.
const MAX_BOX_WORDS: usize = 40;

/// The box a form sits in: a newsletter sign-up or a promo puts its pitch ("Get the morning
/// briefing", "Sign up for our newsletter") in the blocks around the form. The form's
/// ancestors are climbed while they are plain blocks holding few words.
fn sign_up_box(form: NodeRef) -> NodeRef {
    let mut top = form;
    while let Some(p) = top.parent() {
        let name = p.node_name().unwrap_or_default();
        if !matches!(&*name, "div" | "section" | "aside") || word_count(&p) > MAX_BOX_WORDS {
            break;
        }
        top = p;
    }
    top
}

/// The text a form's submit control shows ("Sign up", "Subscribe"), lower-cased.
fn submit_text(form: &NodeRef) -> Option<String> {
    form.descendants_it().find_map(|d| {
        if !d.is_element() {
            return None;
        }
        let text = match &*d.node_name().unwrap_or_default() {
            "button" => d.text().to_string(),
            "input"
                if d.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("submit")) =>
            {
                d.attr("value").map(|v| v.to_string()).unwrap_or_default()
            }
            _ => return None,
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then(|| text.to_lowercase())
    })
}

/// The pitch standing just before a form's box as a block of its own ("Sign up for our
/// newsletter to get …" above a bare form): a short block that names what the form's button
/// does. Body text before a comment or search form does not repeat its button's words.
fn pitch_before<'a>(form: &NodeRef<'a>, box_: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let button = submit_text(form)?;
    let mut prev = box_.prev_sibling();
    while let Some(p) = prev {
        if p.is_element() {
            break;
        }
        if !p.text().trim().is_empty() {
            return None;
        }
        prev = p.prev_sibling();
    }
    let p = prev?;
    let name = p.node_name().unwrap_or_default();
    let words = word_count(&p);
    (matches!(&*name, "p" | "div" | "h2" | "h3" | "h4" | "h5" | "h6")
        && words > 0
        && words <= MAX_BOX_WORDS
        && p.text().to_lowercase().contains(&button))
    .then_some(p)
}

/// Words of a subtree's text while they stay within `cap`; `None` past it. The walk stops
/// there: asked of every block of the page, a full count would cost the page's size times its
/// depth.
fn words_up_to(n: &NodeRef, cap: usize) -> Option<usize> {
    let mut words = 0;
    for d in n.descendants_it() {
        words += dom::text_words(&d);
        if words > cap {
            return None;
        }
    }
    Some(words)
}

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
fn is_link_stub(p: &NodeRef) -> bool {
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
fn alnum_words(s: &str) -> usize {
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
fn is_link_block(n: &NodeRef) -> bool {
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
fn is_small_box(n: &NodeRef) -> bool {
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

/// Fewest items of a list read as a list of links to other pages.
const MIN_LINK_ITEMS: usize = 3;
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
fn is_link_list(n: &NodeRef) -> bool {
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
const MAX_CARD_WORDS: usize = 90;

/// Paragraph words that must come before a list of story cards for it to be read as pointing away
/// from an article: a page that opens with the cards (an events listing, a section front) is
/// made of them.
const MIN_WORDS_BEFORE_CARDS: usize = 120;

/// A list of story cards (a "more stories" stream, a related-articles block): at least three
/// items, each a short teaser under a heading that is a link to another page. The teaser's
/// sentences look like prose, so the link-share test of `is_link_list` lets them through; the
/// linked heading is what marks each item as pointing away. A list whose items are headed by
/// plain text (steps, entries of the article's own list) is the text's. The items are `<li>`
/// of a list, or `<article>` elements side by side in a block (each card its own article).
fn is_card_list(n: &NodeRef, item_tag: &str) -> bool {
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
fn link_list_box(list: NodeRef) -> NodeRef {
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
    while let Some((n, inside)) = stack.pop() {
        if read >= MAX_PARAGRAPHS {
            break;
        }
        if !n.is_element() && !n.is_document() {
            continue;
        }
        let name = n.node_name().unwrap_or_default();
        let mut excluded = n.is_element() && is_boilerplate(&n);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_links_goes_with_its_heading_and_a_list_that_says_something_stays() {
        let d = Document::from(
            "<div class=body><p>First para of the story, long enough to be one.</p>\
             <div><h4>Read more</h4><ul><li><a href=/a>One headline</a></li>\
             <li><a href=/b>Another headline here</a></li><li><a href=/c>A third</a></li></ul></div>\
             <ul><li>Prices rose <a href=/p>4 percent</a> in May.</li><li>Rents rose too.</li>\
             <li>Wages did not.</li></ul><p>Last para.</p></div>",
        );
        let v = paragraph_text(&d);
        assert!(
            !v.text.contains("headline") && !v.text.contains("third"),
            "{}",
            v.text
        );
        assert!(
            v.text.contains("Prices rose 4 percent in May."),
            "{}",
            v.text
        );
        assert_eq!(v.regions.len(), 1);
        // The box with its heading, not the list alone.
        assert_eq!(v.regions[0].node_name().as_deref(), Some("div"));
        // Two links are not yet a list of them.
        let d = Document::from("<ul><li><a href=/a>One</a></li><li><a href=/b>Two</a></li></ul>");
        assert!(paragraph_text(&d).regions.is_empty());
    }

    #[test]
    fn a_list_of_story_cards_goes_and_a_list_of_headed_steps_stays() {
        let card = |i: usize| {
            format!(
                "<li><a href=/s{i}><img alt=''></a><h3><a href=/s{i}>Story number {i} makes \
                 news</a></h3><p>A teaser of the story, which says what happened and why \
                 readers should care about it.</p><span>Outlet</span></li>"
            )
        };
        let cards: String = (0..4).map(card).collect();
        let story =
            "<p>A paragraph of the story, long enough to be one of its paragraphs.</p>".repeat(12);
        let d = Document::from(format!(
            "<div class=body>{story}</div><ul id=stream>{cards}</ul>"
        ));
        let v = paragraph_text(&d);
        assert!(!v.text.contains("teaser"), "{}", v.text);
        assert_eq!(v.regions.len(), 1);
        // A page that opens with the cards (a listing) is made of them.
        let d = Document::from(format!(
            "<h1>Events</h1><p>Upcoming ones.</p><ul>{cards}</ul>{story}"
        ));
        let v = paragraph_text(&d);
        assert!(v.regions.is_empty());
        assert!(v.text.contains("teaser"), "{}", v.text);
        // Headings that are not links: the article's own list of steps.
        let steps: String = (0..4)
            .map(|i| {
                format!("<li><h3>Step {i}</h3><p>Mix the flour and <a href=/w>water</a>.</p></li>")
            })
            .collect();
        let d = Document::from(format!("<ol>{steps}</ol>"));
        let v = paragraph_text(&d);
        assert!(v.regions.is_empty());
        // The same cards as `<article>` elements side by side in a block.
        let boxed = cards
            .replace("<li>", "<article>")
            .replace("</li>", "</article>");
        let d = Document::from(format!(
            "<div class=body>{story}</div><section>{boxed}</section>"
        ));
        let v = paragraph_text(&d);
        assert!(!v.text.contains("teaser"), "{}", v.text);
        assert_eq!(v.regions.len(), 1);
        let d = Document::from(format!("<ol>{steps}</ol>"));
        let v = paragraph_text(&d);
        assert!(v.regions.is_empty());
        assert!(v.text.contains("Mix the flour"), "{}", v.text);
        // Long items under linked headings are sections of the text, not cards.
        let long = "word ".repeat(MAX_CARD_WORDS);
        let sections: String = (0..3)
            .map(|i| format!("<li><h3><a href=/t{i}>Tool {i}</a></h3><p>{long}</p></li>"))
            .collect();
        let d = Document::from(format!("<ul>{sections}</ul>"));
        assert!(paragraph_text(&d).regions.is_empty());
    }

    #[test]
    fn paragraphs_outside_boilerplate() {
        let d = Document::from(
            "<nav><p>Home News</p></nav><div class='post'><p>First para here.</p><h2>Sub</h2>\
             <p>Second <b>bold</b> para.</p></div><div class='comments'><p>Nice post!</p></div>",
        );
        let v = paragraph_text(&d);
        assert_eq!(v.text, "First para here.\nSub\nSecond bold para.\n");
        assert_eq!(v.words, 7);
        let regions: Vec<_> = v.regions.iter().map(|r| r.attr("class")).collect();
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].as_deref(), Some("comments"));
    }

    #[test]
    fn regions_without_text_are_collected_for_removal() {
        let para = "<p>Article words here.</p>";
        let d = Document::from(format!(
            "<form id='aspnet'><div class='post'>{}</div>\
             <div class='share-bar'><a>Share</a></div></form>\
             <form class='signup'><p>Get our newsletter.</p></form>\
             <span class='share'>Tweet</span>",
            para.repeat(6)
        ));
        let v = paragraph_text(&d);
        let named: Vec<_> = v
            .regions
            .iter()
            .map(|r| r.attr("class").map(|c| c.to_string()))
            .collect();
        // The outer form holds the article: it stays, and the regions inside it are found.
        // Inline elements are never regions.
        assert_eq!(
            named,
            vec![Some("share-bar".to_string()), Some("signup".to_string())]
        );
        assert_eq!(v.words, 18);
    }

    #[test]
    fn a_sign_up_form_takes_its_small_box_along() {
        let article = "<p>Article words here, enough of them to read.</p>".repeat(6);
        let d = Document::from(format!(
            "<div id=story>{article}<div id=box><h3>Get the briefing</h3><p>Sign up today</p>\
             <div><form><input type=email></form></div></div></div>"
        ));
        let v = paragraph_text(&d);
        let ids: Vec<_> = v.regions.iter().map(|r| r.attr("id")).collect();
        // The box, not the story that holds it: the story has more words than a box.
        assert_eq!(ids.len(), 1);
        assert_eq!(ids[0].as_deref(), Some("box"));
    }

    /// Article paragraphs enough for the page to outweigh any box set into it.
    fn story() -> String {
        (0..6)
            .map(|i| {
                format!(
                    "<p>Paragraph {i} of the story: the council met on Tuesday and voted to \
                     repair the bridge before winter.</p>"
                )
            })
            .collect()
    }

    #[test]
    fn a_headline_list_with_time_stamps_goes_and_annotated_links_stay() {
        let items: String = ["3h ago", "May 4, 2025", "12 comments"]
            .iter()
            .enumerate()
            .map(|(i, t)| {
                format!("<li><a href=/s{i}>Other story {i} makes news</a> <time>{t}</time></li>")
            })
            .collect();
        let d = Document::from(format!("<div id=story>{}<ul>{items}</ul></div>", story()));
        let v = paragraph_text(&d);
        assert_eq!(v.regions.len(), 1);
        assert!(!v.text.contains("Other story"), "{}", v.text);
        let items: String = (0..3)
            .map(|i| format!("<li><a href=/c{i}>Course {i}</a> from Acme (4{i})</li>"))
            .collect();
        let d = Document::from(format!("<div id=story>{}<ul>{items}</ul></div>", story()));
        assert!(paragraph_text(&d).regions.is_empty());
    }

    #[test]
    fn a_labelled_link_paragraph_goes_and_a_sentence_with_a_link_stays() {
        let d = Document::from(format!(
            "<div id=story>{}<p>Read more: <a href=/a>Bridge tolls to rise in May</a></p>\
             <p><strong>RELATED</strong> <a href=/b>Why the ferry stopped</a></p>\
             <p>Jump to: <a href=#a>Costs</a> | <a href=#b>Dates</a></p>\
             <p>As <a href=/c>we reported in March</a>, the bridge was closed.</p>\
             <p><a href=/p>Acme Cordless Drill</a></p></div>",
            story()
        ));
        let v = paragraph_text(&d);
        assert_eq!(v.regions.len(), 3, "{}", v.text);
        assert!(
            !v.text.contains("tolls") && !v.text.contains("ferry"),
            "{}",
            v.text
        );
        assert!(!v.text.contains("Jump to"), "{}", v.text);
        // Prose with a link, and a product's name as a linked subheading, stay.
        assert!(v.text.contains("As we reported in March"), "{}", v.text);
        assert!(v.text.contains("Acme Cordless Drill"), "{}", v.text);
    }

    #[test]
    fn a_block_of_linked_headlines_goes_with_its_heading() {
        let links: String = (0..3)
            .map(|i| format!("<a href=/s{i}><h5>Other story number {i} here</h5></a>"))
            .collect();
        let d = Document::from(format!(
            "<div id=story>{}<div><h4>More on this</h4>{links}</div></div>",
            story()
        ));
        let v = paragraph_text(&d);
        assert_eq!(v.regions.len(), 1);
        assert!(!v.text.contains("Other story"), "{}", v.text);
        // Text of its own between the links: a paragraph of the article.
        let d = Document::from(format!(
            "<div id=story>{}<div><a href=/a>Ann</a> and <a href=/b>Bo</a> met \
             <a href=/c>Cy</a></div></div>",
            story()
        ));
        assert!(paragraph_text(&d).regions.is_empty());
    }

    #[test]
    fn a_picture_with_its_caption_goes_but_a_step_or_a_card_of_a_grid_stays() {
        let d = Document::from(format!(
            "<div id=story>{}<div><img src=a.jpg><p>Workers on the bridge on Monday.</p>\
             <span>Photo: Jo Roe/Agency</span></div></div>",
            story()
        ));
        let v = paragraph_text(&d);
        assert_eq!(v.regions.len(), 1);
        assert!(!v.text.contains("Workers on the bridge"), "{}", v.text);
        // A step puts its heading and text before the picture.
        let d = Document::from(format!(
            "<div id=story>{}<div><h3>Step 2</h3><p>Fill the hole.</p><img src=b.jpg></div></div>",
            story()
        ));
        assert!(paragraph_text(&d).regions.is_empty());
        // Cards of a grid, each a picture and its text, are the page's items.
        let cards: String = (0..3)
            .map(|i| format!("<div class='col{i} x'><div><img src={i}.jpg></div><p>Plant {i} grows in shade.</p></div>"))
            .collect();
        let d = Document::from(format!("<div id=story>{}<div>{cards}</div></div>", story()));
        let v = paragraph_text(&d);
        assert!(v.regions.is_empty());
        assert!(v.text.contains("Plant 2 grows"), "{}", v.text);
    }

    #[test]
    fn a_promo_box_with_a_call_to_action_goes() {
        let d = Document::from(format!(
            "<div id=story>{}<div><p><b>Get the morning briefing</b></p><p>Our free email, \
             every weekday. <a href=/n>Sign up here</a></p></div>\
             <div><h4>The Long Bridge</h4><p>Our reporter's book is out now. \
             <a href=/shop>Order your copy</a></p></div></div>",
            story()
        ));
        let v = paragraph_text(&d);
        assert_eq!(v.regions.len(), 2);
        assert!(
            !v.text.contains("briefing") && !v.text.contains("book"),
            "{}",
            v.text
        );
        // A link of the text that happens to read "register" stays: it is no box.
        let d = Document::from(format!(
            "<div id=story>{}<p>Residents must <a href=/r>register</a> by Friday.</p></div>",
            story()
        ));
        assert!(paragraph_text(&d).regions.is_empty());
    }

    #[test]
    fn the_pitch_before_a_bare_form_goes_with_it() {
        let d = Document::from(format!(
            "<div id=story>{}<p>Sign up for our newsletter to get the week's news.</p>\
             <form><input type=email><button>Sign up</button></form></div>",
            story()
        ));
        let v = paragraph_text(&d);
        assert_eq!(v.regions.len(), 2);
        assert!(!v.text.contains("newsletter"), "{}", v.text);
        // The article's last paragraph before a comment form says nothing of its button.
        let d = Document::from(format!(
            "<div id=story>{}<p>The bridge reopens in May.</p>\
             <form><textarea></textarea><button>Post comment</button></form></div>",
            story()
        ));
        let v = paragraph_text(&d);
        assert_eq!(v.regions.len(), 1);
        assert!(v.text.contains("reopens in May"), "{}", v.text);
    }

    #[test]
    fn layout_modifiers_naming_a_sidebar_are_not_boilerplate() {
        assert!(!names_boilerplate("main-with-sidebar"));
        assert!(!names_boilerplate("has-comments"));
        assert!(names_boilerplate("sidebar-left"));
        assert!(names_boilerplate("post-comments"));
        assert!(names_boilerplate("relatedPosts"));
        assert!(names_boilerplate("share_bar2"));
        assert!(!names_boilerplate("commentary"));
        assert!(!names_boilerplate("shareable-quote"));
        assert!(!names_boilerplate("promotion"));
        assert!(!names_boilerplate("tag-social-media"));
        assert!(!names_boilerplate("category-commentary"));
        let d = Document::from(
            "<div class='site-content with-sidebar'><p>Article words here.</p></div>\
             <div class='sidebar'><p>Side.</p></div>",
        );
        let v = paragraph_text(&d);
        assert_eq!((v.text.as_str(), v.words), ("Article words here.\n", 3));
    }

    #[test]
    fn words_join_across_inline_tags_and_split_across_blocks() {
        let d = Document::from(
            "<p>bo<b>ld</b> move<br>next <i>line</i></p><li>one two three four five six seven \
             eight</li><li>Home</li><blockquote><p>Quoted words.</p></blockquote>",
        );
        let v = paragraph_text(&d);
        assert_eq!(
            (v.text.as_str(), v.words),
            (
                "bold move next line\none two three four five six seven eight\nHome\nQuoted words.\n",
                15
            )
        );
    }

    #[test]
    fn page_builder_and_page_wide_classes_are_not_boilerplate() {
        let d = Document::from(
            "<html><body class='btMenuLeft modal-open'><div class='elementor-widget-text-editor'>\
             <p>Article words here.</p></div><div class='sidebar'><p>Side.</p></div></body></html>",
        );
        let v = paragraph_text(&d);
        assert_eq!((v.text.as_str(), v.words), ("Article words here.\n", 3));
    }
}
