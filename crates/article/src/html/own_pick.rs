//! The article's block chosen over the tree we already hold, without a second readability tree
//! (behind the `CLAIMTRAIL_OWN_PICK=1` switch, off by default: it does not yet match
//! readability's pick on the dev sets; see docs/benchmarks.md, issue #12, speed31).
//!
//! Readability's scoring, read from its description: each paragraph-like block (`p`, `pre`,
//! `td`, `h2`–`h6`, a `div` holding only inline content, a run of inline content inside a
//! `div`) of 25 characters or more scores 1, one per comma and one per 100 characters (at most
//! 3); the score goes to its parent whole, its grandparent halved, and further ancestors (up to
//! five) divided by three times their level. An ancestor starts from its tag's base and its class
//! and id weight; the final score is scaled by the share of its text outside links. The best
//! element, moved up to a common ancestor when the near-best agree on one, takes the siblings
//! that score near it or are prose paragraphs.

use super::dom;
use dom_query::{Document, NodeId, NodeRef};
use fnv::FnvHashMap;
use regex::Regex;
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
        "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|\
         footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|\
         social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
    )
    .expect("valid regex")
});
static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i)and|article|body|column|content|main|mathjax|shadow").expect("valid regex")
});
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
    )
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

/// Elements whose content is never the article's text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "object"
            | "embed"
            | "select"
            | "textarea"
            | "input"
            | "button"
            | "link"
            | "meta"
            | "head"
            | "title"
    )
}

/// Elements that make a `div` a container rather than a paragraph.
fn is_div_block(name: &str) -> bool {
    matches!(
        name,
        "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul"
    )
}

/// Elements laid out as blocks: a line break in the formatted text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "aside"
            | "figure"
            | "figcaption"
            | "address"
            | "hr"
            | "form"
            | "fieldset"
            | "center"
            | "details"
            | "summary"
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

fn class_and_id(n: &NodeRef) -> (String, String) {
    (
        dom::with_attr(n, "class", str::to_string).unwrap_or_default(),
        dom::with_attr(n, "id", str::to_string).unwrap_or_default(),
    )
}

fn class_weight(n: &NodeRef) -> f64 {
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

fn tag_base(name: &str) -> f64 {
    match name {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn is_unlikely(n: &NodeRef, name: &str) -> bool {
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
    let (class, id) = class_and_id(n);
    let s = format!("{class} {id}");
    // Code and tables keep their parts ("hljs-comment" spans, "extra" cells).
    UNLIKELY.is_match(&s)
        && !MAYBE.is_match(&s)
        && !has_ancestor(n, "table")
        && !has_ancestor(n, "code")
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

/// What a subtree holds, summed from its text nodes up in one walk: characters (each text
/// node measured on its own), commas, characters inside links (a link to a place on the same
/// page counts 0.3), headings and list items, and counts of the elements the cleaning weighs.
#[derive(Default, Clone, Copy)]
struct Agg {
    chars: usize,
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
}

impl Agg {
    fn add(&mut self, o: &Agg) {
        self.chars += o.chars;
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
    }

    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars / self.chars as f64
        }
    }
}

type Aggs = FnvHashMap<NodeId, Agg>;

/// A text node's part of its subtree's [`Agg`].
fn text_agg(n: &NodeRef) -> Agg {
    let (chars, commas) = dom::with_text(n, measure).unwrap_or((0, 0));
    Agg {
        chars,
        commas,
        ..Agg::default()
    }
}

/// The [`Agg`] of every element under `root` (and of `root`), in one walk.
fn aggregates(root: &NodeRef) -> Aggs {
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
                    stack.push((c, false));
                }
            }
            continue;
        }
        let name = n.node_name().unwrap_or_default();
        let mut a = Agg::default();
        if !matches!(&*name, "script" | "style") {
            let mut child = n.first_child();
            while let Some(c) = child {
                child = c.next_sibling();
                if c.is_text() {
                    a.add(&text_agg(&c));
                } else if let Some(ca) = aggs.get(&c.id) {
                    a.add(ca);
                    a.div_block |= dom::with_name(&c, is_div_block);
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
            "embed" | "object" | "iframe" => a.embeds += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => a.heading_chars = a.chars,
            "a" => {
                let hash = dom::with_attr(&n, "href", |h| h.starts_with('#')).unwrap_or(false);
                a.link_chars = a.chars as f64 * if hash { 0.3 } else { 1.0 };
            }
            "tr" => {
                a.rows += 1;
                let cols = n
                    .children()
                    .iter()
                    .filter(|x| dom::with_name(x, |t| t == "td" || t == "th"))
                    .count();
                a.max_cols = a.max_cols.max(cols);
            }
            "th" | "thead" | "tfoot" | "caption" | "col" | "colgroup" => a.table_marks = true,
            _ => {}
        }
        aggs.insert(n.id, a);
    }
    aggs
}

struct Scores<'a> {
    score: FnvHashMap<NodeId, f64>,
    aggs: &'a Aggs,
    order: Vec<NodeRef<'a>>,
    weigh_classes: bool,
}

impl<'a> Scores<'a> {
    fn add_unit(&mut self, (chars, commas): (usize, usize), parent: NodeRef<'a>) {
        if chars < MIN_UNIT_CHARS {
            return;
        }
        let s = 1.0 + commas as f64 + (chars / 100).min(3) as f64;
        let mut a = Some(parent);
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
            let entry = self.score.entry(n.id).or_insert_with(|| {
                self.order.push(n);
                let base = dom::with_name(&n, tag_base);
                base + if self.weigh_classes {
                    class_weight(&n)
                } else {
                    0.0
                }
            });
            *entry += s / div;
            a = n.parent();
        }
    }
}

/// Scores the subtree of `body`; returns the candidates' scores (already scaled by link
/// density).
fn score_tree<'a>(body: &NodeRef<'a>, aggs: &'a Aggs, strip_unlikely: bool) -> Scores<'a> {
    let agg = |n: &NodeRef| aggs.get(&n.id).copied().unwrap_or_default();
    let mut sc = Scores {
        score: FnvHashMap::default(),
        aggs,
        order: Vec::new(),
        weigh_classes: true,
    };
    let mut stack = vec![*body];
    while let Some(n) = stack.pop() {
        let name = n.node_name().unwrap_or_default();
        if is_skipped(&name) || is_hidden(&n) || (strip_unlikely && is_unlikely(&n, &name)) {
            continue;
        }
        let mut descend = true;
        match &*name {
            "p" | "pre" | "td" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if let Some(p) = n.parent() {
                    let a = agg(&n);
                    sc.add_unit((a.chars, a.commas), p);
                }
                descend = &*name != "pre" && &*name != "p";
            }
            "div" if !agg(&n).div_block => {
                if let Some(p) = n.parent() {
                    let a = agg(&n);
                    sc.add_unit((a.chars, a.commas), p);
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
                    let inline = c.is_text()
                        || (c.is_element()
                            && !dom::with_name(&c, |x| is_block(x) || is_skipped(x)));
                    if c.is_element() && dom::is_named(&c, "br") {
                        brs += 1;
                        if brs >= 2 {
                            sc.add_unit((run.chars, run.commas), n);
                            run = Agg::default();
                        }
                        continue;
                    }
                    if inline {
                        if !c.is_text()
                            || dom::with_text(&c, |t| !t.trim().is_empty()) == Some(true)
                        {
                            brs = 0;
                        }
                        run.add(&if c.is_text() { text_agg(&c) } else { agg(&c) });
                    } else {
                        sc.add_unit((run.chars, run.commas), n);
                        run = Agg::default();
                        brs = 0;
                    }
                }
                sc.add_unit((run.chars, run.commas), n);
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
    for n in &sc.order {
        let ld = agg(n).link_density();
        if let Some(s) = sc.score.get_mut(&n.id) {
            *s *= 1.0 - ld;
        }
    }
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

/// The chosen block and the siblings that join it, in document order.
fn choose<'a>(body: &NodeRef<'a>, sc: &Scores<'a>) -> Vec<NodeRef<'a>> {
    let get = |n: &NodeRef| sc.score.get(&n.id).copied();
    let mut ranked: Vec<(f64, usize)> = sc
        .order
        .iter()
        .enumerate()
        .map(|(i, n)| (get(n).unwrap_or(0.0), i))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(TOP_CANDIDATES);
    let Some(&(top_score, top_i)) = ranked.first() else {
        return vec![*body];
    };
    let mut top = sc.order[top_i];
    if top.id == body.id {
        return vec![*body];
    }
    // Near-best candidates that agree on an ancestor: that ancestor holds the article.
    let alts: Vec<Vec<NodeId>> = ranked[1..]
        .iter()
        .filter(|(s, _)| top_score > 0.0 && s / top_score >= 0.75)
        .map(|(_, i)| ancestors(&sc.order[*i]))
        .collect();
    if alts.len() >= 3 {
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
    let mut last = get(&top).unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut p = top.parent();
    while let Some(a) = p {
        if a.id == body.id {
            break;
        }
        match get(&a) {
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
        if a.id == body.id || a.children().len() != 1 {
            break;
        }
        top = a;
    }
    let top_score = get(&top).unwrap_or(0.0);
    let sib_threshold = f64::max(10.0, top_score * 0.2);
    let top_class = dom::with_attr(&top, "class", str::to_string).unwrap_or_default();
    let Some(parent) = top.parent() else {
        return vec![top];
    };
    let mut out = Vec::new();
    for s in parent.children() {
        if s.id == top.id {
            out.push(s);
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && dom::with_attr(&s, "class", |c| c == top_class).unwrap_or(false)
        {
            bonus += top_score * 0.2;
        }
        if get(&s).is_some_and(|x| x + bonus >= sib_threshold) {
            out.push(s);
        } else if dom::is_named(&s, "p") {
            let a = sc.aggs.get(&s.id).copied().unwrap_or_default();
            let (len, ld) = (a.chars, a.link_density());
            let ends = || {
                let mut t = String::new();
                for d in s.descendants_it() {
                    dom::with_text(&d, |x| t.push_str(x));
                }
                let t = t.trim_end();
                t.contains(". ") || t.ends_with('.')
            };
            if (len > 80 && ld < 0.25) || (len < 80 && len > 0 && ld == 0.0 && ends()) {
                out.push(s);
            }
        }
    }
    out
}

static SHARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("(?i)(\\b|_)(share|sharedaddy)(\\b|_)").expect("valid regex"));

/// Readability's test for a table of data rather than of layout: its marks (header cells, a
/// caption, a summary) or its size.
fn is_data_table(n: &NodeRef, c: &Agg) -> bool {
    if dom::with_attr(n, "role", |r| r == "presentation").unwrap_or(false) {
        return false;
    }
    c.table_marks
        || dom::with_attr(n, "summary", |_| ()).is_some()
        || c.rows >= 10
        || c.max_cols > 4
        || c.rows * c.max_cols > 10
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
/// headings, links or embeds outweigh its paragraphs.
fn cleaned_away(n: &NodeRef, name: &str, c: &Agg) -> bool {
    if has_ancestor(n, "code") {
        return false;
    }
    let weight = class_weight(n);
    if weight < 0.0 {
        return true;
    }
    if name == "table" && is_data_table(n, c) {
        return false;
    }
    let (len, commas) = (c.chars, c.commas);
    if commas >= 10 {
        return false;
    }
    let is_list =
        name == "ul" || name == "ol" || (len > 0 && c.list_chars as f64 / len as f64 > 0.9);
    let in_figure = has_ancestor(n, "figure");
    let link_density = if len == 0 {
        0.0
    } else {
        c.link_chars / len as f64
    };
    let heading_density = if len == 0 {
        0.0
    } else {
        c.heading_chars as f64 / len as f64
    };
    let li = c.li as f64 - 100.0;
    let p = c.p as f64;
    (c.img > 1 && p / (c.img as f64) < 0.5 && !in_figure)
        || (!is_list && li > p)
        || (!is_list
            && heading_density < 0.9
            && len < 25
            && (c.img == 0 || c.img > 2)
            && !in_figure)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || (c.embeds == 1 && len < 75)
        || c.embeds > 1
}

/// Whether an element of the pick is left out of its text: never text, hidden, unlikely (when
/// those are stripped), a footer, an aside, a short share box, a headline weighted as chrome or
/// a block the conditional cleaning removes.
fn left_out(
    d: &NodeRef,
    name: &str,
    aggs: &Aggs,
    strip_unlikely: bool,
    in_data_table: bool,
) -> bool {
    let agg = aggs.get(&d.id).copied().unwrap_or_default();
    if is_skipped(name)
        || matches!(name, "footer" | "aside")
        || is_hidden(d)
        || (strip_unlikely && is_unlikely(d, name))
    {
        return true;
    }
    let (class, id) = class_and_id(d);
    if (SHARE.is_match(&class) || SHARE.is_match(&id)) && agg.chars < 500 {
        return true;
    }
    match name {
        "h1" | "h2" => class_weight(d) < 0.0,
        "form" | "fieldset" | "table" | "ul" | "div" if strip_unlikely && !in_data_table => {
            cleaned_away(d, name, &agg)
        }
        _ => false,
    }
}

/// Text of the chosen nodes, a line per block; whitespace within text runs is one space, as laid
/// out (kept as written in `pre`).
fn formatted(nodes: &[NodeRef], aggs: &Aggs, strip_unlikely: bool) -> String {
    let mut out = String::new();
    for n in nodes {
        // A `None` marks a block's end.
        let mut stack = vec![Some((*n, false, false))];
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
            if left_out(&d, &name, aggs, strip_unlikely, data) {
                continue;
            }
            if &*name == "br" || is_block(&name) {
                out.push('\n');
                stack.push(None);
            }
            let pre = pre || &*name == "pre";
            let data = data
                || (&*name == "table"
                    && is_data_table(&d, &aggs.get(&d.id).copied().unwrap_or_default()));
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

/// The article's text chosen by our own scoring over `doc` (already pruned to the container,
/// with boilerplate regions removed). `None` when the page holds no text.
pub fn text(doc: &Document) -> Option<String> {
    let body = doc
        .select("body")
        .nodes()
        .first()
        .copied()
        .unwrap_or_else(|| doc.root());
    let aggs = aggregates(&body);
    let mut best = String::new();
    for strip in [true, false] {
        let sc = score_tree(&body, &aggs, strip);
        let nodes = choose(&body, &sc);
        let t = formatted(&nodes, &aggs, strip);
        let chars = measure(&t).0;
        if chars >= RETRY_BELOW_CHARS {
            return Some(t);
        }
        if chars > measure(&best).0 {
            best = t;
        }
    }
    (!best.trim().is_empty()).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let t = text(&doc).unwrap();
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
        let t = text(&doc).unwrap();
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
        let t = text(&doc).unwrap();
        assert!(t.contains("Easy run"), "{t}");
        assert!(!t.contains("Related headline"), "{t}");
    }
}
