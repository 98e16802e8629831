//! The article's block chosen over the tree we already hold, without a second readability tree
//! (it replaced dom_smoothie once it matched its pick on every dev set; docs/benchmarks.md, issue
//! #12, speed31, pick32).
//!
//! Readability's scoring, read from its description: each paragraph-like block (`p`, `pre`,
//! `td`, `h2`–`h6`, a `div` holding only inline content, a run of inline content inside a
//! `div`) of 25 characters or more scores 1, one per comma and one per 100 characters (at most
//! 3); the score goes to its parent whole, its grandparent halved, and further ancestors (up to
//! five) divided by three times their level. An ancestor starts from its tag's base and its class
//! and id weight; the final score is scaled by the share of its text outside links. The best
//! element, moved up to a common ancestor when the near-best agree on one, takes the siblings
//! that score near it or are prose paragraphs.

use super::{dom, elements};
use dom_query::{Document, NodeId, NodeRef};
use fnv::FnvHashMap;
use regex::Regex;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Blocks shorter than this (characters) are not scored.
const MIN_UNIT_CHARS: usize = 25;
/// Ancestors a block's score reaches.
const ANCESTOR_LEVELS: usize = 5;
/// Candidates compared for a shared ancestor.
const TOP_CANDIDATES: usize = 5;
/// Text shorter than this after the first pick is read again without dropping unlikely blocks.
const RETRY_BELOW_CHARS: usize = 500;

static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|\
         footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|\
         social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
    )
    .expect("valid regex")
});
static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("and|article|body|column|content|layout|main|mathjax|shadow").expect("valid regex")
});
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story")
        .expect("valid regex")
});
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|\
         masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|\
         sponsor|shopping|tags|widget",
    )
    .expect("valid regex")
});

/// Elements that make a `div` a container rather than a paragraph.
fn is_div_block(name: &str) -> bool {
    matches!(
        name,
        "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul"
    )
}

fn is_hidden(n: &NodeRef) -> bool {
    if dom::with_attr(n, "hidden", |_| ()).is_some() {
        return true;
    }
    let styled = dom::with_attr(n, "style", |s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    });
    if styled == Some(true) {
        return true;
    }
    dom::with_attr(n, "aria-hidden", |v| v == "true").unwrap_or(false)
        && !dom::with_attr(n, "class", |c| c.contains("fallback-image")).unwrap_or(false)
}

/// What readability's class and id patterns say of an element, each pattern asked once per
/// distinct attribute value of the page: a page repeats its class names (every paragraph of a
/// story "article-body__text"), and a map lookup of a borrowed value costs less than the
/// patterns' automata. The answers are those of `class_weight_of` (the plain path, kept for
/// the tests) and [`unlikely_named`].
#[derive(Default)]
struct Classes {
    /// A class or id value's weight.
    weight: RefCell<FnvHashMap<String, f64>>,
    /// "{class} {id}": whether it reads as unlikely content.
    unlikely: RefCell<FnvHashMap<String, bool>>,
    /// The joined key being looked up (kept, so a hit allocates nothing).
    key: RefCell<String>,
}

impl Classes {
    fn weight(&self, n: &NodeRef) -> f64 {
        let mut w = 0.0;
        for a in ["class", "id"] {
            w += dom::with_attr(n, a, |s| self.value_weight(s)).unwrap_or(0.0);
        }
        w
    }

    fn value_weight(&self, s: &str) -> f64 {
        if s.is_empty() {
            return 0.0;
        }
        if let Some(&w) = self.weight.borrow().get(s) {
            return w;
        }
        let w = value_weight(s);
        self.weight.borrow_mut().insert(s.to_string(), w);
        w
    }

    fn unlikely(&self, n: &NodeRef) -> bool {
        let mut key = self.key.borrow_mut();
        key.clear();
        dom::with_attr(n, "class", |c| key.push_str(c));
        key.push(' ');
        dom::with_attr(n, "id", |i| key.push_str(i));
        if let Some(&u) = self.unlikely.borrow().get(key.as_str()) {
            return u;
        }
        let u = unlikely_named(&key);
        self.unlikely.borrow_mut().insert(key.clone(), u);
        u
    }
}

/// One class or id value's weight: −25 for a chrome name, +25 for a content name (both may
/// hold). Multiples of 25 add exactly, so an element's class and id weights sum in any order.
fn value_weight(s: &str) -> f64 {
    let mut w = 0.0;
    if NEGATIVE.is_match(s) {
        w -= 25.0;
    }
    if POSITIVE.is_match(s) {
        w += 25.0;
    }
    w
}

fn class_and_id(n: &NodeRef) -> (String, String) {
    (
        dom::with_attr(n, "class", str::to_string).unwrap_or_default(),
        dom::with_attr(n, "id", str::to_string).unwrap_or_default(),
    )
}

/// An element's class and id weight, asked of the patterns directly ([`Classes::weight`]
/// remembers the answers).
#[cfg(test)]
fn class_weight_of(n: &NodeRef) -> f64 {
    let (class, id) = class_and_id(n);
    let mut w = 0.0;
    for s in [class, id] {
        if s.is_empty() {
            continue;
        }
        if NEGATIVE.is_match(&s) {
            w -= 25.0;
        }
        if POSITIVE.is_match(&s) {
            w += 25.0;
        }
    }
    w
}

/// Whether "{class} {id}" names unlikely content and nothing that may be the article.
fn unlikely_named(s: &str) -> bool {
    UNLIKELY.is_match(s) && !MAYBE.is_match(s)
}

fn tag_base(name: &str) -> f64 {
    match name {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn is_unlikely(n: &NodeRef, name: &str, classes: &Classes) -> bool {
    if matches!(name, "body" | "a" | "html" | "article" | "main") {
        return false;
    }
    let role = dom::with_attr(n, "role", |r| {
        matches!(
            r,
            "menu"
                | "menubar"
                | "complementary"
                | "navigation"
                | "alert"
                | "alertdialog"
                | "dialog"
        )
    });
    if role == Some(true) {
        return true;
    }
    // Code and tables keep their parts ("hljs-comment" spans, "extra" cells), as readability
    // sees them: within three levels (a page laid out in one big table is not exempt).
    classes.unlikely(n) && !has_ancestor_within(n, 3, |t| t == "table" || t == "code")
}

/// Characters of a text with whitespace runs as one and the ends trimmed, and its commas.
fn measure(text: &str) -> (usize, usize) {
    let (mut chars, mut commas, mut space) = (0usize, 0usize, false);
    for c in text.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            chars += 1;
            space = false;
        }
        chars += 1;
        commas += usize::from(matches!(
            c,
            ',' | '\u{060C}'
                | '\u{FE50}'
                | '\u{FE10}'
                | '\u{FE11}'
                | '\u{2E41}'
                | '\u{2E34}'
                | '\u{2E32}'
                | '\u{FF0C}'
        ));
    }
    (chars, commas)
}

/// Which of readability's attempts a pass is: unlikely blocks dropped, class and id weighed,
/// blocks cleaned conditionally. Each failed attempt (under [`RETRY_BELOW_CHARS`]) relaxes one,
/// and the longest text of all wins when none reaches it.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weigh_classes: bool,
    clean: bool,
}

const ATTEMPTS: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weigh_classes: true,
        clean: true,
    },
    Flags {
        strip_unlikely: false,
        weigh_classes: true,
        clean: true,
    },
    Flags {
        strip_unlikely: false,
        weigh_classes: false,
        clean: true,
    },
    Flags {
        strip_unlikely: false,
        weigh_classes: false,
        clean: false,
    },
];

/// A score is scaled by link density only above this.
const MIN_SCORE_TO_ADJUST: f64 = 5.0;

/// What a subtree holds, summed from its text nodes up in one walk: characters (the subtree's
/// text with whitespace runs as one and the ends trimmed), commas, characters inside links (a
/// link to a place on the same page counts 0.3), headings and list items, and counts of the
/// elements the cleaning weighs.
#[derive(Default, Clone, Copy)]
struct Agg {
    chars: usize,
    /// The text starts / ends with whitespace; it holds more than whitespace.
    lead: bool,
    trail: bool,
    has_text: bool,
    commas: usize,
    link_chars: f64,
    heading_chars: usize,
    list_chars: usize,
    p: usize,
    img: usize,
    li: usize,
    embeds: usize,
    rows: usize,
    max_cols: usize,
    table_marks: bool,
    div_block: bool,
    holds_data_table: bool,
    inputs: usize,
    tables: usize,
    holds_pre: bool,
    /// An embedded video player (readability keeps the block around it).
    video: bool,
    /// Text inside paragraph-like elements (readability's "textish" ones).
    textish: bool,
    /// A table of data, not of layout (not summed).
    is_data: bool,
    /// Text or inline elements straight in the element (not summed).
    loose_text: bool,
    /// A `div` readability replaces by its only child, a `p` (not summed).
    stands_for_p: bool,
}

impl Agg {
    /// Appends the text of `o` to this one's, as the concatenated text would measure.
    fn add_text(&mut self, o: &Agg) {
        if !o.has_text {
            if o.lead || o.trail {
                if !self.has_text {
                    self.lead = true;
                }
                self.trail = true;
            }
            return;
        }
        if self.has_text {
            self.chars += o.chars + usize::from(self.trail || o.lead);
        } else {
            self.chars = o.chars;
            self.lead = self.lead || self.trail || o.lead;
            self.has_text = true;
        }
        self.trail = o.trail;
    }

    fn add(&mut self, o: &Agg) {
        self.add_text(o);
        self.commas += o.commas;
        self.link_chars += o.link_chars;
        self.heading_chars += o.heading_chars;
        self.list_chars += o.list_chars;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.embeds += o.embeds;
        self.rows += o.rows;
        self.max_cols = self.max_cols.max(o.max_cols);
        self.table_marks |= o.table_marks;
        self.div_block |= o.div_block;
        self.holds_data_table |= o.holds_data_table;
        self.inputs += o.inputs;
        self.tables += o.tables;
        self.holds_pre |= o.holds_pre;
        self.video |= o.video;
        self.textish |= o.textish;
    }

    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars / self.chars as f64
        }
    }
}

/// Every kept element's [`Agg`]; an element missing from it is dropped (never text, hidden,
/// the byline, or unlikely in an attempt that strips those).
type Aggs = FnvHashMap<NodeId, Agg>;

/// A text node's part of its subtree's [`Agg`].
fn text_agg(n: &NodeRef) -> Agg {
    dom::with_text(n, |t| {
        let (chars, commas) = measure(t);
        Agg {
            chars,
            commas,
            lead: t.starts_with(char::is_whitespace),
            trail: t.ends_with(char::is_whitespace),
            has_text: chars > 0,
            ..Agg::default()
        }
    })
    .unwrap_or_default()
}

/// Readability's phrasing content: text, inline elements, and a link (or `del`, `ins`) holding
/// only those.
fn is_phrasing(n: &NodeRef, depth: usize) -> bool {
    if n.is_text() {
        return true;
    }
    if !n.is_element() {
        return false;
    }
    let name = n.node_name().unwrap_or_default();
    if matches!(
        &*name,
        "abbr"
            | "audio"
            | "b"
            | "bdo"
            | "br"
            | "button"
            | "cite"
            | "code"
            | "data"
            | "datalist"
            | "dfn"
            | "em"
            | "embed"
            | "i"
            | "img"
            | "input"
            | "kbd"
            | "label"
            | "mark"
            | "math"
            | "meter"
            | "noscript"
            | "object"
            | "output"
            | "progress"
            | "q"
            | "ruby"
            | "samp"
            | "script"
            | "select"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "textarea"
            | "time"
            | "var"
            | "wbr"
    ) {
        return true;
    }
    if matches!(&*name, "a" | "del" | "ins") && depth < 16 {
        let kids = n.children();
        return !kids.is_empty() && kids.iter().all(|c| is_phrasing(c, depth + 1));
    }
    false
}

fn is_blank(n: &NodeRef) -> bool {
    if n.is_text() {
        return dom::with_text(n, |t| t.trim().is_empty()).unwrap_or(true);
    }
    dom::is_named(n, "br")
}

/// Whether the element is left out of every pass: never text, hidden, the byline or the
/// heading that repeats the title (`skip`).
fn dropped(
    n: &NodeRef,
    name: &str,
    strip_unlikely: bool,
    skip: &[NodeId],
    classes: &Classes,
) -> bool {
    elements::is(name, elements::SCRIPTING)
        || skip.contains(&n.id)
        || is_hidden(n)
        || (strip_unlikely && is_unlikely(n, name, classes))
}

/// The [`Agg`] of every kept element under `root` (and of `root`), in one walk.
fn aggregates(root: &NodeRef, strip_unlikely: bool, skip: &[NodeId], classes: &Classes) -> Aggs {
    let mut aggs = Aggs::default();
    // Each element twice: entered (false), then left (true) when its children are summed.
    let mut stack = vec![(*root, false)];
    while let Some((n, left)) = stack.pop() {
        if !left {
            stack.push((n, true));
            let mut child = n.last_child();
            while let Some(c) = child {
                child = c.prev_sibling();
                if c.is_element() {
                    let name = c.node_name().unwrap_or_default();
                    if !dropped(&c, &name, strip_unlikely, skip, classes) {
                        stack.push((c, false));
                    }
                }
            }
            continue;
        }
        let name = n.node_name().unwrap_or_default();
        let mut a = Agg::default();
        let (mut elements, mut only_p, mut loose_text) = (0usize, false, false);
        // Phrasing content readability wraps in a `p` (a div's only).
        let mut wrapped = false;
        let is_div = &*name == "div";
        let mut child = n.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            if c.is_text() {
                let t = text_agg(&c);
                loose_text |= t.has_text;
                a.add(&t);
            } else if c.is_element() {
                let (counted, is_p) =
                    dom::with_name(&c, |x| (!elements::is(x, elements::SCRIPTING), x == "p"));
                if is_div && !wrapped && is_phrasing(&c, 0) && !is_blank(&c) {
                    wrapped = true;
                }
                if counted {
                    elements += 1;
                    if elements == 1 {
                        only_p = is_p;
                    }
                }
                if let Some(ca) = aggs.get(&c.id) {
                    a.add(ca);
                    let (block, textish) = dom::with_name(&c, |x| (is_div_block(x), is_textish(x)));
                    a.div_block |= block;
                    a.textish |= textish && ca.has_text;
                }
            }
        }
        match &*name {
            "p" => a.p += 1,
            "img" => a.img += 1,
            "li" => {
                a.li += 1;
                a.list_chars = a.chars;
            }
            "embed" | "object" | "iframe" => {
                if is_video(&n) {
                    a.video = true;
                } else {
                    a.embeds += 1;
                }
            }
            "input" => a.inputs += 1,
            "pre" => a.holds_pre = true,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => a.heading_chars = a.chars,
            "a" => {
                let hash = dom::with_attr(&n, "href", |h| h.len() > 1 && h.starts_with('#'))
                    .unwrap_or(false);
                a.link_chars = a.chars as f64 * if hash { 0.3 } else { 1.0 };
            }
            "tr" => {
                a.rows += 1;
                let cols: usize = n
                    .children()
                    .iter()
                    .filter(|x| dom::with_name(x, |t| t == "td" || t == "th"))
                    .map(|x| {
                        dom::with_attr(x, "colspan", |v| v.trim().parse::<usize>().ok())
                            .flatten()
                            .unwrap_or(1)
                            .clamp(1, 1000)
                    })
                    .sum();
                a.max_cols = a.max_cols.max(cols);
            }
            "th" | "thead" | "tfoot" | "caption" | "col" | "colgroup" => a.table_marks = true,
            "table" => {
                a.is_data = is_data_table(&n, &a);
                a.holds_data_table |= a.is_data;
                a.tables += 1;
            }
            "div" => {
                a.stands_for_p = elements == 1 && only_p && !loose_text && a.link_density() < 0.25;
                // Readability wraps loose text in a `p`, and an inline div becomes one.
                a.loose_text = loose_text || wrapped;
                if a.loose_text || !a.div_block {
                    a.textish |= a.has_text;
                    a.p += 1;
                }
            }
            _ => {}
        }
        aggs.insert(n.id, a);
    }
    aggs
}

struct Scores<'a> {
    /// Candidates whose score before the link-density scaling was above zero.
    score: FnvHashMap<NodeId, f64>,
    aggs: &'a Aggs,
    classes: &'a Classes,
    order: Vec<NodeRef<'a>>,
    weigh_classes: bool,
}

impl<'a> Scores<'a> {
    fn agg(&self, n: &NodeRef) -> Agg {
        self.aggs.get(&n.id).copied().unwrap_or_default()
    }

    /// The element as readability's tree holds it: a `div` it replaced by its only `p` is
    /// passed over.
    fn up(&self, n: Option<NodeRef<'a>>) -> Option<NodeRef<'a>> {
        let mut a = n;
        while let Some(x) = a {
            if !self.agg(&x).stands_for_p {
                return Some(x);
            }
            a = x.parent();
        }
        None
    }

    fn add_unit(&mut self, u: &Agg, parent: NodeRef<'a>) {
        if u.chars < MIN_UNIT_CHARS {
            return;
        }
        let s = 2.0 + u.commas as f64 + (u.chars / 100).min(3) as f64;
        let mut a = self.up(Some(parent));
        for level in 0..ANCESTOR_LEVELS {
            let Some(n) = a else { break };
            // The document's root element is never scored (it has no element parent).
            if !n.is_element() || !n.parent().is_some_and(|p| p.is_element()) {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let weigh = self.weigh_classes;
            let entry = self.score.entry(n.id).or_insert_with(|| {
                self.order.push(n);
                init_score(&n, weigh, self.classes)
            });
            *entry += s / div;
            if dom::is_named(&n, "body") {
                break;
            }
            a = self.up(n.parent());
        }
    }

    fn get(&self, n: &NodeRef) -> Option<f64> {
        self.score.get(&n.id).copied()
    }
}

/// An element's score before any block is counted: its tag's and its class and id's.
fn init_score(n: &NodeRef, weigh_classes: bool, classes: &Classes) -> f64 {
    dom::with_name(n, tag_base)
        + if weigh_classes {
            classes.weight(n)
        } else {
            0.0
        }
}

/// Scores the subtree of `body`; returns the candidates' scores (already scaled by link
/// density).
fn score_tree<'a>(
    body: &NodeRef<'a>,
    aggs: &'a Aggs,
    flags: Flags,
    classes: &'a Classes,
) -> Scores<'a> {
    let mut sc = Scores {
        score: FnvHashMap::default(),
        aggs,
        classes,
        order: Vec::new(),
        weigh_classes: flags.weigh_classes,
    };
    let mut stack = vec![*body];
    while let Some(n) = stack.pop() {
        let Some(a) = aggs.get(&n.id).copied() else {
            continue;
        };
        let name = n.node_name().unwrap_or_default();
        if matches!(
            &*name,
            "svg" | "iframe" | "object" | "embed" | "select" | "textarea"
        ) {
            continue;
        }
        let mut descend = true;
        match &*name {
            "p" | "pre" | "td" | "h2" | "h3" | "h4" | "h5" | "h6" | "section" => {
                if let Some(p) = n.parent() {
                    sc.add_unit(&a, p);
                }
                descend = &*name != "p";
            }
            "div" if a.stands_for_p => {}
            "div" if !a.div_block => {
                // Readability wraps the inline content in a `p`, which then replaces the div
                // unless the div is mostly links.
                if a.link_density() < 0.25 {
                    if let Some(p) = n.parent() {
                        sc.add_unit(&a, p);
                    }
                } else {
                    sc.add_unit(&a, n);
                }
                descend = false;
            }
            "div" => {
                // Runs of inline content between the blocks: each a paragraph of the div.
                let mut run = Agg::default();
                let mut brs = 0;
                let mut child = n.first_child();
                while let Some(c) = child {
                    child = c.next_sibling();
                    if c.is_element() && dom::is_named(&c, "br") {
                        brs += 1;
                        if brs >= 2 {
                            sc.add_unit(&run, n);
                            run = Agg::default();
                        }
                        continue;
                    }
                    if is_phrasing(&c, 0) {
                        if !is_blank(&c) {
                            brs = 0;
                        }
                        run.add(&if c.is_text() {
                            text_agg(&c)
                        } else {
                            sc.agg(&c)
                        });
                    } else {
                        sc.add_unit(&run, n);
                        run = Agg::default();
                        brs = 0;
                    }
                }
                sc.add_unit(&run, n);
            }
            _ => {}
        }
        if descend {
            let mut child = n.last_child();
            while let Some(c) = child {
                child = c.prev_sibling();
                if c.is_element() {
                    stack.push(c);
                }
            }
        }
    }
    // Readability keeps candidates scoring above zero; scores above a floor are scaled by the
    // share of their text outside links.
    let mut order = std::mem::take(&mut sc.order);
    order.retain(|n| sc.score.get(&n.id).is_some_and(|s| *s > 0.0));
    sc.score.retain(|_, s| *s > 0.0);
    for n in &order {
        let ld = sc.agg(n).link_density();
        if let Some(s) = sc.score.get_mut(&n.id) {
            if *s > MIN_SCORE_TO_ADJUST {
                *s *= 1.0 - ld;
            }
        }
    }
    sc.order = order;
    sc
}

fn ancestors<'a>(n: &NodeRef<'a>) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut a = n.parent();
    while let Some(p) = a {
        out.push(p.id);
        a = p.parent();
    }
    out
}

/// A child of the pick's parent as readability's tree holds it: an element, or a run of inline
/// content it wraps in a `p` (inside a `div` only).
enum Kid<'a> {
    El(NodeRef<'a>),
    Run(Vec<NodeRef<'a>>, Agg),
}

/// Elements readability removes as empty before it scores.
fn is_empty_block(name: &str, a: &Agg) -> bool {
    matches!(
        name,
        "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
    ) && !a.has_text
        && a.img == 0
        && a.embeds == 0
        && a.rows == 0
}

fn kids<'a>(parent: &NodeRef<'a>, aggs: &Aggs) -> Vec<Kid<'a>> {
    let wraps = dom::is_named(parent, "div");
    let mut out = Vec::new();
    let mut run: Option<(Vec<NodeRef<'a>>, Agg)> = None;
    let mut child = parent.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        if c.is_element() && !aggs.contains_key(&c.id) {
            continue;
        }
        if wraps && is_phrasing(&c, 0) {
            let a = if c.is_text() {
                text_agg(&c)
            } else {
                aggs.get(&c.id).copied().unwrap_or_default()
            };
            match &mut run {
                Some((nodes, ra)) => {
                    nodes.push(c);
                    ra.add(&a);
                }
                None if !is_blank(&c) => run = Some((vec![c], a)),
                None => {}
            }
            continue;
        }
        if !c.is_element() {
            continue;
        }
        if let Some((nodes, a)) = run.take() {
            out.push(Kid::Run(nodes, a));
        }
        let a = aggs.get(&c.id).copied().unwrap_or_default();
        if dom::with_name(&c, |x| is_empty_block(x, &a)) {
            continue;
        }
        out.push(Kid::El(c));
    }
    if let Some((nodes, a)) = run.take() {
        out.push(Kid::Run(nodes, a));
    }
    out
}

/// Readability's test for a paragraph sibling of the pick: long with few links, or a short
/// sentence without any.
fn joins_as_paragraph(a: &Agg, text: impl FnOnce() -> String) -> bool {
    let (len, ld) = (a.chars, a.link_density());
    if len > 80 {
        return ld < 0.25;
    }
    len > 0 && ld == 0.0 && {
        let t = text();
        let t = t.trim_end();
        t.contains(". ") || t.ends_with('.')
    }
}

fn subtree_text(nodes: &[NodeRef]) -> String {
    let mut t = String::new();
    for n in nodes {
        if n.is_text() {
            dom::with_text(n, |x| t.push_str(x));
        }
        for d in n.descendants_it() {
            dom::with_text(&d, |x| t.push_str(x));
        }
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The chosen block and the siblings that join it, in document order, each a list of nodes.
fn choose<'a>(body: &NodeRef<'a>, sc: &Scores<'a>) -> Vec<Vec<NodeRef<'a>>> {
    let mut ranked: Vec<(f64, usize)> = sc
        .order
        .iter()
        .enumerate()
        .map(|(i, n)| (sc.get(n).unwrap_or(0.0), i))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(TOP_CANDIDATES);
    let Some(&(top_score, top_i)) = ranked.first() else {
        return vec![vec![*body]];
    };
    let mut top = sc.order[top_i];
    if top.id == body.id {
        return vec![vec![*body]];
    }
    let score_of = |n: &NodeRef| {
        sc.get(n)
            .unwrap_or_else(|| init_score(n, sc.weigh_classes, sc.classes))
    };
    // Near-best candidates that agree on an ancestor: that ancestor holds the article.
    let alts: Vec<Vec<NodeId>> = ranked[1..]
        .iter()
        .filter(|(s, _)| top_score > 0.0 && s / top_score >= 0.75)
        .map(|(_, i)| ancestors(&sc.order[*i]))
        .collect();
    if alts.len() > 3 {
        let mut p = top.parent();
        while let Some(a) = p {
            if a.id == body.id {
                break;
            }
            if alts.iter().filter(|l| l.contains(&a.id)).count() >= 3 {
                top = a;
                break;
            }
            p = a.parent();
        }
    }
    // Parents whose score rises above the pick's hold more of it.
    let mut last = score_of(&top);
    let threshold = last / 3.0;
    let mut p = top.parent();
    while let Some(a) = p {
        if a.id == body.id {
            break;
        }
        match sc.get(&a) {
            None => {}
            Some(s) if s < threshold => break,
            Some(s) if s > last => {
                top = a;
                break;
            }
            Some(s) => last = s,
        }
        p = a.parent();
    }
    // An only child stands for its parent.
    while let Some(a) = top.parent() {
        if a.id == body.id || kids(&a, sc.aggs).len() != 1 {
            break;
        }
        top = a;
    }
    let top_score = score_of(&top);
    let sib_threshold = f64::max(10.0, top_score * 0.2);
    let top_class = dom::with_attr(&top, "class", str::to_string).unwrap_or_default();
    let Some(parent) = top.parent() else {
        return vec![vec![top]];
    };
    let mut out = Vec::new();
    for kid in kids(&parent, sc.aggs) {
        let s = match kid {
            Kid::Run(nodes, a) => {
                if joins_as_paragraph(&a, || subtree_text(&nodes)) {
                    out.push(nodes);
                }
                continue;
            }
            Kid::El(s) => s,
        };
        if s.id == top.id {
            out.push(vec![s]);
            continue;
        }
        let a = sc.agg(&s);
        // A div readability replaced by its paragraph is that paragraph.
        let own = if a.stands_for_p {
            s.first_element_child().unwrap_or(s)
        } else {
            s
        };
        let mut bonus = 0.0;
        if !top_class.is_empty()
            && dom::with_attr(&own, "class", |c| c == top_class).unwrap_or(false)
        {
            bonus += top_score * 0.2;
        }
        let score = sc.get(&own).unwrap_or(0.0);
        let p_like = dom::with_name(&own, |x| {
            x == "p" || (x == "div" && !a.div_block && a.link_density() < 0.25)
        });
        if score > 0.0 {
            if score + bonus >= sib_threshold {
                out.push(vec![s]);
            }
        } else if p_like && joins_as_paragraph(&a, || subtree_text(&[s])) {
            out.push(vec![s]);
        }
    }
    out
}

static SHARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("(?i)(\\b|_)(share|sharedaddy)(\\b|_)").expect("valid regex"));

/// Readability's test for a table of data rather than of layout: its marks (header cells, a
/// caption, a summary) or its size; a table holding another is layout.
fn is_data_table(n: &NodeRef, c: &Agg) -> bool {
    if dom::with_attr(n, "role", |r| r == "presentation").unwrap_or(false)
        || dom::with_attr(n, "datatable", |r| r == "0").unwrap_or(false)
    {
        return false;
    }
    if dom::with_attr(n, "summary", |_| ()).is_some() || c.table_marks {
        return true;
    }
    if c.tables > 0 || c.rows == 1 || c.max_cols == 1 {
        return false;
    }
    c.rows >= 10 || c.max_cols > 4 || c.rows * c.max_cols > 10
}

/// Elements readability counts as holding text in its cleaning.
fn is_textish(name: &str) -> bool {
    matches!(
        name,
        "blockquote"
            | "dl"
            | "div"
            | "img"
            | "ol"
            | "p"
            | "pre"
            | "table"
            | "ul"
            | "span"
            | "li"
            | "td"
    )
}

/// An embedded player of a video site (readability keeps the block around it).
fn is_video(n: &NodeRef) -> bool {
    const SITES: [&str; 10] = [
        "dailymotion.com",
        "youtube.com",
        "youtube-nocookie.com",
        "player.vimeo.com",
        "v.qq.com",
        "archive.org",
        "upload.wikimedia.org",
        "player.twitch.tv",
        "bilibili.com",
        "live.bilibili.com",
    ];
    let Some(el) = n.element_ref() else {
        return false;
    };
    el.attrs.iter().any(|a| {
        let v: &str = &a.value;
        SITES.iter().any(|site| {
            v.find(site)
                .is_some_and(|pos| v[..pos].ends_with("//") || v[..pos].ends_with("//www."))
        })
    })
}

fn has_ancestor_within(n: &NodeRef, levels: usize, tag: impl Fn(&str) -> bool) -> bool {
    let mut a = n.parent();
    for _ in 0..levels {
        let Some(p) = a else { break };
        if p.is_element() && dom::with_name(&p, &tag) {
            return true;
        }
        a = p.parent();
    }
    false
}

fn has_ancestor(n: &NodeRef, tag: &str) -> bool {
    let mut a = n.parent();
    while let Some(p) = a {
        if dom::is_named(&p, tag) {
            return true;
        }
        a = p.parent();
    }
    false
}

/// Readability's conditional cleaning of a `form`, `fieldset`, `table`, `ul` or `div` in the
/// pick: a block weighted as chrome by its class, or whose pictures, list items, inputs,
/// headings, links or embeds outweigh its paragraphs, or with no paragraph-like text at all. A
/// block holding a data table or a video player stays.
fn cleaned_away(n: &NodeRef, name: &str, c: &Agg, weigh_classes: bool, classes: &Classes) -> bool {
    if c.holds_data_table || has_ancestor(n, "code") {
        return false;
    }
    let weight = if weigh_classes {
        classes.weight(n)
    } else {
        0.0
    };
    if weight < 0.0 {
        return !c.holds_pre;
    }
    let len = c.chars;
    if c.commas >= 10 || c.video {
        return false;
    }
    if len < 20 {
        let t = subtree_text(&[*n]).to_lowercase();
        if matches!(
            t.trim_end_matches(['…', '.']),
            "ad" | "advertising"
                | "advertisement"
                | "pub"
                | "publicité"
                | "werb"
                | "werbung"
                | "广告"
                | "реклама"
                | "anuncio"
                | "loading"
                | "正在加载"
                | "загрузка"
                | "chargement"
                | "cargando"
        ) {
            return true;
        }
    }
    let is_list =
        name == "ul" || name == "ol" || (len > 0 && c.list_chars as f64 / len as f64 > 0.9);
    let in_figure = has_ancestor(n, "figure");
    let link_density = c.link_density();
    let heading_density = if len == 0 {
        0.0
    } else {
        c.heading_chars as f64 / len as f64
    };
    let li = c.li as f64 - 100.0;
    let p = c.p as f64;
    // Readability removes inputs and players of other sites before it cleans tables, lists
    // and divs: only forms and fieldsets still count them.
    let (inputs, embeds) = if matches!(name, "form" | "fieldset") {
        (c.inputs, c.embeds)
    } else {
        (0, 0)
    };
    let remove = (c.img > 1 && p / (c.img as f64) < 0.5 && !in_figure)
        || (!is_list && li > p)
        || inputs as f64 > (p / 3.0).floor()
        || (!is_list
            && !in_figure
            && len < 25
            && (c.img == 0 || c.img > 2)
            && link_density > 0.0
            && heading_density < 0.9)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || (embeds == 1 && len < 75)
        || embeds > 1
        || (c.img == 0 && !c.textish);
    // A list of pictures, one to an item, stays.
    if is_list && remove {
        return c.img != c.li;
    }
    remove
}

/// Whether an element of the pick is left out of its text: dropped before scoring, never
/// text, a footer, an aside, a short share box, a heading weighted as chrome or a block the
/// conditional cleaning removes.
fn left_out(
    d: &NodeRef,
    name: &str,
    aggs: &Aggs,
    flags: Flags,
    in_data_table: bool,
    classes: &Classes,
) -> bool {
    let Some(agg) = aggs.get(&d.id).copied() else {
        return true;
    };
    if elements::is(name, elements::NEVER_TEXT) || matches!(name, "footer" | "aside") {
        return true;
    }
    let (class, id) = class_and_id(d);
    if (SHARE.is_match(&class) || SHARE.is_match(&id)) && agg.chars < 500 {
        return true;
    }
    match name {
        "h1" | "h2" => flags.weigh_classes && classes.weight(d) < 0.0,
        // A div readability turned into a paragraph is not cleaned as a div.
        "div"
            if agg.stands_for_p
                || (!agg.div_block && (!agg.loose_text || agg.link_density() < 0.25)) =>
        {
            false
        }
        "form" | "fieldset" | "table" | "ul" | "div" if flags.clean && !in_data_table => {
            cleaned_away(d, name, &agg, flags.weigh_classes, classes)
        }
        _ => false,
    }
}

/// Text of the chosen nodes, a line per block; whitespace within text runs is one space, as laid
/// out (kept as written in `pre`).
fn formatted(groups: &[Vec<NodeRef>], aggs: &Aggs, flags: Flags, classes: &Classes) -> String {
    let mut out = String::new();
    for nodes in groups {
        // A `None` marks a block's end.
        let mut stack: Vec<Option<(NodeRef, bool, bool)>> = nodes
            .iter()
            .rev()
            .map(|n| Some((*n, false, false)))
            .collect();
        while let Some(d) = stack.pop() {
            let Some((d, pre, data)) = d else {
                out.push('\n');
                continue;
            };
            if d.is_text() {
                dom::with_text(&d, |t| {
                    if pre {
                        out.push_str(t);
                        return;
                    }
                    let mut space = false;
                    for c in t.chars() {
                        if c.is_whitespace() {
                            space = true;
                        } else {
                            if space && !out.ends_with(['\n', ' ']) {
                                out.push(' ');
                            }
                            space = false;
                            out.push(c);
                        }
                    }
                    if space && !out.ends_with(['\n', ' ']) {
                        out.push(' ');
                    }
                });
                continue;
            }
            if !d.is_element() {
                continue;
            }
            let name = d.node_name().unwrap_or_default();
            if left_out(&d, &name, aggs, flags, data, classes) {
                continue;
            }
            if &*name == "br" || elements::is(&name, elements::LINE_BREAK) {
                out.push('\n');
                stack.push(None);
            }
            let pre = pre || &*name == "pre";
            let data = data || (&*name == "table" && aggs.get(&d.id).is_some_and(|a| a.is_data));
            let mut child = d.last_child();
            while let Some(c) = child {
                child = c.prev_sibling();
                stack.push(Some((c, pre, data)));
            }
        }
        out.push('\n');
    }
    out
}

/// The author readability reads from the meta tags (`dc:creator`, `dcterms:creator`, `author`,
/// `parsely-author`, then a non-URL `article:author`), as written.
fn meta_author(doc: &Document) -> Option<String> {
    const PREFIXES: [&str; 5] = ["article", "dc", "dcterms", "og", "twitter"];
    let mut values: FnvHashMap<String, String> = FnvHashMap::default();
    for m in doc.select("meta[content]").nodes() {
        let content = dom::with_attr(m, "content", |c| c.trim().to_string()).unwrap_or_default();
        if content.is_empty() {
            continue;
        }
        if let Some(property) = dom::with_attr(m, "property", str::to_ascii_lowercase) {
            for part in property.split_whitespace() {
                let Some(r) = part.rfind(':') else { continue };
                let key = &part[r + 1..];
                let start = part[..r].find(':').map_or(0, |l| l + 1);
                if matches!(key, "author" | "creator") && PREFIXES.contains(&&part[start..r]) {
                    values.insert(part[start..].to_string(), content.clone());
                    break;
                }
            }
            continue;
        }
        if let Some(name) = dom::with_attr(m, "name", str::to_ascii_lowercase) {
            let key: String = name
                .split_whitespace()
                .collect::<String>()
                .replace('.', ":");
            values.insert(key, content);
        }
    }
    ["dc:creator", "dcterms:creator", "author", "parsely-author"]
        .iter()
        .find_map(|k| values.get(*k).cloned())
        .or_else(|| {
            values
                .get("article:author")
                .filter(|v| !v.starts_with("http://") && !v.starts_with("https://"))
                .cloned()
        })
}

/// Readability's byline element: the first under `body` marked as the author's (`rel=author`,
/// an `itemprop` naming the author, a class or id naming a byline) whose text is under 100
/// characters; its `itemprop=name` part when it has one. The element is not the article's text.
fn byline(body: &NodeRef) -> Option<(NodeId, String)> {
    const MARKS: [&str; 5] = ["byline", "author", "dateline", "writtenby", "p-author"];
    let mut stack = vec![*body];
    while let Some(n) = stack.pop() {
        let marked = n.id != body.id
            && (dom::with_attr(&n, "rel", |r| r == "author").unwrap_or(false)
                || dom::with_attr(&n, "itemprop", |r| r.contains("author")).unwrap_or(false)
                || {
                    let (class, id) = class_and_id(&n);
                    MARKS.iter().any(|m| class.contains(m) || id.contains(m))
                });
        if marked {
            let len = n.text().trim().chars().count();
            if len > 0 && len < 100 {
                let named = n
                    .descendants_it()
                    .find(|d| dom::with_attr(d, "itemprop", |p| p == "name").unwrap_or(false));
                let t = named.unwrap_or(n).text();
                return Some((n.id, t.split_whitespace().collect::<Vec<_>>().join(" ")));
            }
        }
        let mut child = n.last_child();
        while let Some(c) = child {
            child = c.prev_sibling();
            if c.is_element() {
                stack.push(c);
            }
        }
    }
    None
}

/// The share of the heading's words, by characters, that the title holds (readability's
/// measure: a heading that repeats the title with a word or two changed still matches).
fn title_likeness(title: &str, heading: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (t, h) = (words(title), words(heading));
    if t.is_empty() || h.is_empty() {
        return 0.0;
    }
    let spelled = |ws: &[&String]| {
        ws.iter().map(|w| w.chars().count()).sum::<usize>() + ws.len().saturating_sub(1)
    };
    let all: Vec<&String> = h.iter().collect();
    let new: Vec<&String> = h.iter().filter(|w| !t.contains(w)).collect();
    1.0 - spelled(&new) as f64 / spelled(&all).max(1) as f64
}

/// The first `h1`/`h2` that repeats the title: the page's headline, which the article's
/// metadata already holds and which would otherwise open the text.
fn title_heading(body: &NodeRef, title: &str) -> Option<NodeId> {
    body.descendants_it()
        .filter(|n| n.is_element())
        .find(|n| {
            matches!(&*n.node_name().unwrap_or_default(), "h1" | "h2")
                && title_likeness(title, &n.text()) > 0.75
        })
        .map(|n| n.id)
}

/// The article's text chosen by our own scoring over `doc` (already pruned to the container,
/// with boilerplate regions removed), and the byline element's text when the meta tags name no
/// author. `title` is the page's headline as the metadata found it. `None` when the page holds
/// no text.
pub fn text(doc: &Document, title: Option<&str>) -> Option<(String, Option<String>)> {
    let body = doc
        .select("body")
        .nodes()
        .first()
        .copied()
        .unwrap_or_else(|| doc.root());
    let (by_id, by_text) = match meta_author(doc) {
        Some(a) => (None, Some(a)),
        None => byline(&body).map_or((None, None), |(id, t)| (Some(id), Some(t))),
    };
    let skip: Vec<NodeId> = by_id
        .into_iter()
        .chain(title.and_then(|t| title_heading(&body, t)))
        .collect();
    let classes = Classes::default();
    let mut stripped = true;
    let mut aggs = aggregates(&body, stripped, &skip, &classes);
    let mut best = String::new();
    for flags in ATTEMPTS {
        if flags.strip_unlikely != stripped {
            stripped = flags.strip_unlikely;
            aggs = aggregates(&body, stripped, &skip, &classes);
        }
        let sc = score_tree(&body, &aggs, flags, &classes);
        let nodes = choose(&body, &sc);
        let t = formatted(&nodes, &aggs, flags, &classes);
        let chars = measure(&t).0;
        if chars >= RETRY_BELOW_CHARS {
            return Some((t, by_text));
        }
        if chars > measure(&best).0 {
            best = t;
        }
    }
    (!best.trim().is_empty()).then_some((best, by_text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Elements of random class and id values (pieces of readability's pattern words in both
    /// cases, separators, spaces, "hid", other words), some missing, values repeated across
    /// elements and asked twice: the remembered weight and unlikely verdict are the patterns'.
    #[test]
    fn remembered_class_verdicts_are_the_patterns_verdicts() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let words = [
            "article", "Article", "body", "content", "entry", "h-entry", "main", "page", "post",
            "text", "blog", "story", "-ad-", "hidden", "hid", "banner", "combx", "comment", "com-",
            "contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
            "related", "scroll", "share", "sidebar", "sponsor", "shopping", "tags", "widget",
            "and", "column", "layout", "shadow", "menu", "social", "extra", "header", "pager",
            "ad-break", "MENU", "Sidebar", "x", "wrap", "-", "_", " ", " ", "é", "2",
        ];
        let value = prop::option::of(prop::collection::vec(0..words.len(), 0..5));
        let mut runner = TestRunner::new(Config {
            cases: 300,
            ..Config::default()
        });
        let (weighed, unlikely) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
        runner
            .run(
                &prop::collection::vec((value.clone(), value), 1..12),
                |elements| {
                    let join = |v: &Option<Vec<usize>>| {
                        v.as_ref()
                            .map(|v| v.iter().map(|&i| words[i]).collect::<String>())
                    };
                    let mut html = String::from("<body>");
                    for (class, id) in elements.iter().chain(elements.iter()) {
                        html.push_str("<div");
                        for (a, v) in [("class", join(class)), ("id", join(id))] {
                            if let Some(v) = v {
                                html.push_str(&format!(" {a}=\"{v}\""));
                            }
                        }
                        html.push_str(">x</div>");
                    }
                    let doc = Document::from(html.as_str());
                    let classes = Classes::default();
                    for n in doc.select("div").nodes() {
                        for _ in 0..2 {
                            let w = classes.weight(n);
                            prop_assert_eq!(w.to_bits(), class_weight_of(n).to_bits());
                            let class = dom::with_attr(n, "class", str::to_string);
                            let id = dom::with_attr(n, "id", str::to_string);
                            let joined =
                                format!("{} {}", class.unwrap_or_default(), id.unwrap_or_default());
                            let u = classes.unlikely(n);
                            prop_assert_eq!(
                                u,
                                UNLIKELY.is_match(&joined) && !MAYBE.is_match(&joined)
                            );
                            weighed.set(weighed.get() + usize::from(w != 0.0));
                            unlikely.set(unlikely.get() + usize::from(u));
                        }
                    }
                    Ok(())
                },
            )
            .unwrap();
        let (weighed, unlikely) = (weighed.get(), unlikely.get());
        assert!(weighed > 500 && unlikely > 500, "{weighed} {unlikely}");
    }

    fn story(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "<p>Paragraph {i} of the story, in which the council, the mayor and the \
                     residents argued about the budget for the coming year at some length.</p>"
                )
            })
            .collect()
    }

    #[test]
    fn the_article_block_is_chosen_over_a_link_sidebar() {
        let html = format!(
            "<html><body><div class=sidebar><ul>{}</ul></div>\
             <div class=article-body>{}</div></body></html>",
            (0..12)
                .map(|i| format!("<li><a href=/s{i}>Another story headline number {i}</a></li>"))
                .collect::<String>(),
            story(6)
        );
        let doc = Document::from(html.as_str());
        let t = text(&doc, None).unwrap().0;
        assert!(t.contains("Paragraph 0 of the story"), "{t}");
        assert!(t.contains("Paragraph 5 of the story"), "{t}");
        assert!(!t.contains("headline number"), "{t}");
    }

    #[test]
    fn text_is_laid_out_by_blocks_not_by_source_lines() {
        // A paragraph wrapped in the source is one line; a hidden block, a script and a share
        // box are no text; a `br` breaks the line.
        let html = format!(
            "<html><body><div id=content>{}<p>One sentence\n   wrapped in the source, \
             as editors leave it.<br>After a break.</p><div style='display: none'>Hidden \
             words</div><script>var x = 1;</script><div class=share-tools>Share this</div>\
             </div></body></html>",
            story(4)
        );
        let doc = Document::from(html.as_str());
        let t = text(&doc, None).unwrap().0;
        let lines: Vec<&str> = t.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert!(
            lines.contains(&"One sentence wrapped in the source, as editors leave it."),
            "{t}"
        );
        assert!(lines.contains(&"After a break."), "{t}");
        for gone in ["Hidden", "var x", "Share this"] {
            assert!(!t.contains(gone), "{gone}: {t}");
        }
    }

    #[test]
    fn a_data_table_stays_and_a_link_list_in_the_story_goes() {
        let rows: String = (0..4)
            .map(|i| {
                format!("<tr><td>Week {i}</td><td>Rest</td><td>Easy run</td><td>Rest</td></tr>")
            })
            .collect();
        let links: String = (0..5)
            .map(|i| format!("<a href=/r{i}>Related headline {i}</a> "))
            .collect();
        let html = format!(
            "<html><body><div class=post>{}<table><thead><tr><th>Week</th></tr></thead>{rows}\
             </table><div>{links}</div>{}</div></body></html>",
            story(3),
            story(3)
        );
        let doc = Document::from(html.as_str());
        let t = text(&doc, None).unwrap().0;
        assert!(t.contains("Easy run"), "{t}");
        assert!(!t.contains("Related headline"), "{t}");
    }

    #[test]
    fn a_paragraph_in_its_own_div_and_loose_text_join_the_pick() {
        // Readability replaces a div holding one paragraph by that paragraph and wraps loose
        // text in a div into one: both then join the pick as paragraphs.
        let html = format!(
            "<html><body><div class=wrap><div class=entry>{}</div>\n\
             <div><p>The closing paragraph sits in a wrapper of its own after the body, as some \
             templates leave it.</p></div>\n\
             Loose words after it close the story without any element around them at all.\n\
             </div></body></html>",
            story(5)
        );
        let doc = Document::from(html.as_str());
        let t = text(&doc, None).unwrap().0;
        assert!(t.contains("Paragraph 4 of the story"), "{t}");
        assert!(t.contains("The closing paragraph sits"), "{t}");
        assert!(t.contains("Loose words after it"), "{t}");
    }

    #[test]
    fn the_byline_element_is_the_author_and_not_the_text() {
        let html = format!(
            "<html><body><div class=post><div class=byline>By Jo Roe</div>{}</div></body></html>",
            story(5)
        );
        let doc = Document::from(html.as_str());
        let (t, by) = text(&doc, None).unwrap();
        assert_eq!(by.as_deref(), Some("By Jo Roe"));
        assert!(!t.contains("Jo Roe"), "{t}");
        // A page whose meta tags name the author: that is the byline, the element stays text.
        let html = html.replace(
            "<html>",
            "<html><head><meta name=author content='Al Poe'></head>",
        );
        let doc = Document::from(html.as_str());
        assert_eq!(text(&doc, None).unwrap().1.as_deref(), Some("Al Poe"));
        assert!(text(&doc, None).unwrap().0.contains("Jo Roe"));
    }

    #[test]
    fn the_heading_that_repeats_the_title_is_not_text() {
        let html = format!(
            "<html><body><div class=post><h2>Section news</h2><h1>Bridge reopens after three years of repairs</h1>{}</div></body></html>",
            story(5)
        );
        let doc = Document::from(html.as_str());
        let title = Some("Bridge reopens after 3 years of repairs | The Daily");
        let (t, _) = text(&doc, title).unwrap();
        assert!(!t.contains("Bridge reopens"), "{t}");
        assert!(t.contains("Section news"), "{t}");
        // With no title known, or one about something else, the heading stays.
        assert!(text(&doc, None).unwrap().0.contains("Bridge reopens"));
        let other = Some("Council votes on the budget");
        assert!(text(&doc, other).unwrap().0.contains("Bridge reopens"));
        assert!(title_likeness("A b c", "a B") > 0.99);
        assert!(title_likeness("", "a") == 0.0);
    }

    #[test]
    fn short_blocks_without_links_and_heading_wrappers_stay() {
        // A short line in a wrapper of its own and a heading in a div are text; a short block
        // of links is not; a checklist keeps its boxes' items; a video's caption stays.
        let html = format!(
            "<html><body><div class=entry>{}<div><div><span>They both nodded.</span></div></div>\
             <div class=heading-wrapper><h2>Second part of the tale</h2></div>{}\
             <div><a href=/x>More</a></div>\
             <ul><li><input type=checkbox> Book the hall</li><li><input type=checkbox> \
             Send the cards</li></ul>\
             <div><iframe src='https://www.youtube.com/embed/abc'></iframe>Clip of the march</div>\
             </div></body></html>",
            story(3),
            story(3)
        );
        let doc = Document::from(html.as_str());
        let t = text(&doc, None).unwrap().0;
        for kept in [
            "They both nodded.",
            "Second part of the tale",
            "Book the hall",
            "Clip of the march",
        ] {
            assert!(t.contains(kept), "{kept}: {t}");
        }
        assert!(!t.contains("More"), "{t}");
    }
}
