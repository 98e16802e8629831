//! Linear scans over raw markup that need no tree: tag stripping (the fallback extractor) and a
//! nesting-depth estimate (to refuse tree walks over pathological pages).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Elements that never have content or a closing tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// How far a tag's `>` is looked for, so that a page of unclosed `<a<a<a` stays linear.
const TAG_REACH: usize = 4096;

/// The keys are hashes already: the map uses them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Case-folded hash of a tag name (FNV-1a), so names are matched without allocating.
fn name_key(name: &[u8]) -> u64 {
    let mut h = fnv::FnvHasher::default();
    name.iter().for_each(|b| h.write_u8(b.to_ascii_lowercase()));
    h.finish()
}

/// What one linear scan of the raw markup tells about the tree a parser will build.
#[derive(Debug, Default, PartialEq)]
pub struct Shape {
    /// Highest open-element depth.
    pub depth: usize,
    /// Over the text runs between a tag's `>` and the next `<`: the largest product of the
    /// run's length and its count of bytes a serializer escapes one search at a time (`&`, and
    /// 0xC2, the lead of a no-break space). html5ever's serializer is quadratic in that product.
    pub escape_cost: u64,
    /// Start tags, each an element the parser will build (about: it may drop a few).
    pub elements: usize,
    /// Over the start tags: the sum of the square of each one's attribute count. html5ever
    /// checks each attribute's name against every one before it on its tag.
    pub attribute_cost: u64,
}

/// The depth a tree builder would reach, closely enough to spot hostile nesting: a close pops
/// to the open element of its name and a close with none open is ignored (counting closes
/// without names let stray ones cancel real nesting); `<div/>` opens a div as in HTML, only
/// inside `<svg>` and `<math>` does `/>` close; `p`, `li` and void elements are not counted
/// (they close themselves).
pub fn shape(html: &str) -> Shape {
    let bytes = html.as_bytes();
    // Open elements by name key, innermost last, and how many of each key are open.
    let mut open: Vec<u64> = Vec::new();
    let mut open_count: HashMap<u64, usize, BuildHasherDefault<KeyHasher>> = HashMap::default();
    let mut shape = Shape::default();
    // Open <svg>/<math> elements: foreign content, where "/>" closes.
    let mut foreign = 0usize;
    let mut i = 0;
    // Where the text after the last complete tag starts; a "<" that opens no tag ("a < b",
    // "<!--") leaves the run going. A run's cost only grows as it goes on, so it is measured
    // once, where the run ends (at the next tag, or the end of the page): measured at every "<"
    // it went, a page of ten million "<" was read ten million times over.
    let mut text_from: Option<usize> = Some(0);
    // Where the last start tag whose attributes were counted ends: a "<" before it is inside
    // that tag, and is not counted again (so each byte is read once).
    let mut counted_to = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off + 1;
        let Some(&c) = bytes.get(start) else { break };
        let close = c == b'/';
        let from = start + usize::from(close);
        if close || c.is_ascii_alphabetic() {
            // A "<" inside a tag's attribute comes before that tag's text starts.
            if let Some(t) = text_from.filter(|&t| t <= i + off) {
                shape.escape_cost = shape.escape_cost.max(escape_cost(&bytes[t..i + off]));
            }
            let end = bytes[from..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| from + p);
            let name = &bytes[from..end];
            let (counted, foreign_root) = kind_of(name);
            let key = name_key(name);
            if close && counted && open_count.get(&key).is_some_and(|&n| n > 0) {
                while let Some(top) = open.pop() {
                    if let Some(n) = open_count.get_mut(&top) {
                        *n -= 1;
                    }
                    if top == key {
                        break;
                    }
                }
                if foreign_root {
                    foreign = foreign.saturating_sub(1);
                }
            }
            let window = &bytes[end..bytes.len().min(end + TAG_REACH)];
            let gt = memchr::memchr(b'>', window);
            text_from = gt.map(|p| end + p + 1);
            shape.elements += usize::from(!close);
            if !close && i + off >= counted_to {
                let (n, tag_end) = attributes(bytes, end);
                shape.attribute_cost = shape.attribute_cost.saturating_add((n as u64).pow(2));
                counted_to = tag_end;
            }
            if !close && counted {
                let self_closing = gt.is_some_and(|p| p > 0 && window[p - 1] == b'/');
                if !(self_closing && (foreign > 0 || foreign_root)) {
                    open.push(key);
                    *open_count.entry(key).or_default() += 1;
                    shape.depth = shape.depth.max(open.len());
                    if foreign_root {
                        foreign += 1;
                    }
                }
            }
        }
        i = start;
    }
    if let Some(t) = text_from {
        shape.escape_cost = shape
            .escape_cost
            .max(escape_cost(bytes.get(t..).unwrap_or_default()));
    }
    shape
}

/// The attributes of a start tag whose name ends at `at`, as a tokenizer reads them (names end
/// at space, `/`, `=` or `>`; values quoted or not), and the offset after the tag's `>` (or the
/// end).
fn attributes(b: &[u8], mut at: usize) -> (usize, usize) {
    let mut n = 0;
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() || b[at] == b'>' {
            return (n, (at + 1).min(b.len()));
        }
        n += 1;
        // A name: "=" opens it as a character when it comes first.
        at += 1;
        while at < b.len() && !b[at].is_ascii_whitespace() && !matches!(b[at], b'/' | b'=' | b'>') {
            at += 1;
        }
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        if b.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        match b.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                at = memchr::memchr(q, &b[at + 1..]).map_or(b.len(), |p| at + 1 + p + 1);
            }
            _ => {
                while at < b.len() && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                    at += 1;
                }
            }
        }
    }
}

/// Whether a tag name counts towards the depth (not void, not `p` or `li`), and whether it
/// opens foreign content (`svg`, `math`), case aside. Asked of every tag of every page: the name
/// is lower-cased once on the stack, and a name longer than any compared is none of them.
fn kind_of(name: &[u8]) -> (bool, bool) {
    const LONGEST: usize = 8;
    if name.len() > LONGEST {
        return (true, false);
    }
    let mut low = [0u8; LONGEST];
    for (d, s) in low.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    let low = &low[..name.len()];
    let counted = !VOID.iter().any(|v| low == v.as_bytes()) && low != b"p" && low != b"li";
    (counted, low == b"svg" || low == b"math")
}

fn escape_cost(run: &[u8]) -> u64 {
    let escaped = memchr::memchr2_iter(b'&', 0xc2, run).count();
    (run.len() as u64).saturating_mul(escaped as u64)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

/// Text of a page with tags, scripts and styles removed; block tags end lines. Linear: the
/// search for a closing `</script>` is case-insensitive without lower-casing the rest of the page.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[1..gt];
        let name = tag_name(tag);
        rest = &after[gt + 1..];
        if !tag.starts_with('/') && super::elements::is(&name, super::elements::STRIP_SKIPPED) {
            let close = format!("</{name}");
            rest = match find_ascii_ci(rest, &close) {
                Some(i) => &rest[i..],
                None => "",
            };
            continue;
        }
        if super::elements::is(&name, super::elements::STRIP_NEWLINE) {
            out.push('\n');
        } else {
            out.push(' ');
        }
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// The page with the bodies of `<script>` (JSON-LD excepted), `<style>` and `<svg>` elements
/// emptied. Scripts and styles are about 40% of a news page's bytes, inline SVG icons another
/// 5% in hundreds of path nodes, and nothing after the parse reads them, so the tree builder is
/// spared them. Comments are skipped whole so that a commented-out
/// `<script>` cannot swallow the markup after it. Linear in the page size.
pub fn without_script_bodies(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let lt = i + off;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find_sub(&bytes[lt + 4..], b"-->").map_or(bytes.len(), |p| lt + 4 + p + 3);
            continue;
        }
        let name: &[u8] = if starts_with_ci(rest, b"<script") {
            b"script"
        } else if starts_with_ci(rest, b"<style") {
            b"style"
        } else if starts_with_ci(rest, b"<svg") {
            // Icons and charts: paths by the hundred, no article text.
            b"svg"
        } else {
            i = lt + 1;
            continue;
        };
        let after_name = lt + 1 + name.len();
        let delimited = bytes
            .get(after_name)
            .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/');
        if !delimited {
            i = lt + 1;
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &bytes[after_name..]).map(|p| after_name + p) else {
            break;
        };
        let body = gt + 1;
        let Some(close) = find_close(&bytes[body..], name).map(|p| body + p) else {
            break;
        };
        let json_ld = name == b"script"
            && bytes[after_name..gt]
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"ld+json"));
        if !json_ld {
            // All offsets are at ASCII bytes, hence at char boundaries.
            out.push_str(&html[copied..body]);
            copied = close;
        }
        i = close + 2;
    }
    out.push_str(&html[copied..]);
    out
}

fn starts_with_ci(hay: &[u8], prefix: &[u8]) -> bool {
    hay.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Offset of the `</name` that closes a raw-text element, ignoring ASCII case.
fn find_close(hay: &[u8], name: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(off) = memchr_lt(&hay[i..]) {
        let at = i + off;
        if hay.get(at + 1) == Some(&b'/') && starts_with_ci(&hay[at + 2..], name) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Every HTML5 character reference decoded once, numeric ("&#x27;") and named ("&percnt;")
/// alike: this text is the article on the pages too large for the tree, and a reference left
/// over splits a word ("PostgreSQL&#x27;s"). A no-break space becomes a plain one.
fn decode_entities(s: &str) -> String {
    html_escape::decode_html_entities(&s.replace("&nbsp;", " ")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn max_nesting(html: &str) -> usize {
        shape(html).depth
    }

    #[test]
    fn tag_kinds_are_read_case_aside() {
        let is = |name: &[u8], n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        let mut names: Vec<String> = [
            "p",
            "li",
            "svg",
            "math",
            "div",
            "",
            "a",
            "section",
            "blockquote",
        ]
        .iter()
        .chain(VOID.iter())
        .map(|n| n.to_string())
        .collect();
        for n in names.clone() {
            names.push(n.to_uppercase());
            names.push(format!("{n}x"));
            names.push(format!("{}{}", n.to_uppercase(), "s".repeat(9)));
            if n.len() > 1 {
                names.push(n[..n.len() - 1].to_string());
                names.push(format!("{}{}", &n[..1].to_uppercase(), &n[1..]));
            }
        }
        for n in &names {
            let name = n.as_bytes();
            let counted = !VOID.iter().any(|v| is(name, v)) && !is(name, "p") && !is(name, "li");
            let foreign = is(name, "svg") || is(name, "math");
            assert_eq!(kind_of(name), (counted, foreign), "{n}");
        }
    }

    #[test]
    fn script_bodies_are_emptied_but_json_ld_and_markup_kept() {
        let h = "<p>a</p><SCRIPT src=x>var s = '<p>no</p>';</Script><!-- <script> -->\
                 <p>b</p><script type='application/ld+json'>{\"a\":1}</script>\
                 <style>p{color:red}</style><scripts>c</scripts><p>d</p>";
        assert_eq!(
            without_script_bodies(h),
            "<p>a</p><SCRIPT src=x></Script><!-- <script> --><p>b</p>\
             <script type='application/ld+json'>{\"a\":1}</script><style></style>\
             <scripts>c</scripts><p>d</p>"
        );
        // Unclosed or truncated elements leave the rest as it was.
        assert_eq!(
            without_script_bodies("<p>x</p><script>var"),
            "<p>x</p><script>var"
        );
        assert_eq!(without_script_bodies("é<script"), "é<script");
        assert_eq!(
            without_script_bodies(
                "<p>a</p><svg viewBox='0 0 9 9'><path d='M0'/></svg><svgx>b</svgx>"
            ),
            "<p>a</p><svg viewBox='0 0 9 9'></svg><svgx>b</svgx>"
        );
    }

    #[test]
    fn tag_stripping_drops_scripts() {
        let t = strip_tags("<p>a</p><SCRIPT>var x = '<p>';</Script><p>b &amp; c</p>");
        assert!(!t.contains("var"));
        assert!(t.contains("b & c"));
    }

    #[test]
    fn tag_stripping_decodes_every_character_reference_once() {
        let t = strip_tags(
            "<p>Postgres&#x27;s planner &#8212; 40&percnt; faster&nbsp;now; write &amp;lt;p&amp;gt;</p>",
        );
        assert_eq!(
            t.trim(),
            "Postgres's planner \u{2014} 40% faster now; write &lt;p&gt;"
        );
    }

    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(max_nesting("<div><p>a<br><img src=x/></div>"), 1);
        assert_eq!(max_nesting(&"<div>".repeat(50)), 50);
        assert_eq!(max_nesting("<a><b></b></a><c>"), 2);
        assert_eq!(max_nesting(&"<div><p>x</p><br></br>".repeat(50)), 50);
        // "/>" does not close a div in HTML; it does inside SVG.
        assert_eq!(max_nesting(&"<div class=x/>".repeat(50)), 50);
        assert_eq!(
            max_nesting(&format!("<svg>{}</svg>", "<path d=x/>".repeat(50))),
            1
        );
        // Stray closes close nothing.
        assert_eq!(max_nesting(&"<div></span>".repeat(50)), 50);
        assert_eq!(max_nesting(&"<div>x</span>".repeat(50)), 50);
        assert_eq!(max_nesting(&"<DIV><b>x</div>".repeat(50)), 2);
        assert_eq!(max_nesting("<div><span><b>x</div><i>"), 1 + 2);
        // A tag without its ">" costs no more than its reach.
        assert!(max_nesting(&"<a".repeat(100_000)) <= 100_000);
    }

    #[test]
    fn elements_are_start_tags() {
        assert_eq!(
            shape("<html><body><p>a<br>b</p><p>c</body></html>").elements,
            5
        );
        assert_eq!(shape("a < b, <!-- x --> </p>").elements, 0);
    }

    #[test]
    fn escape_cost_is_length_times_ampersands_per_text_run() {
        assert_eq!(shape("<p>a&b</p>").escape_cost, 3);
        assert_eq!(shape("a&&<p x='&&&&'>&</p>").escape_cost, 6);
        assert_eq!(
            shape(&format!("<p>{}", "&".repeat(1000))).escape_cost,
            1_000_000
        );
        assert_eq!(shape("<p>plain text</p>").escape_cost, 0);
        // A "<" in an attribute or in text does not break the scan.
        let in_attribute = shape("<a title='<b>'>&x</a>").escape_cost;
        assert!((2..=4).contains(&in_attribute), "{in_attribute}");
        assert_eq!(shape("<p>a & b < c & d</p>").escape_cost, 2 * 13);
    }

    /// The cost as first measured: the run up to every "<" (quadratic in a run of them).
    fn escape_cost_at_every_lt(html: &str) -> u64 {
        let bytes = html.as_bytes();
        let (mut cost, mut i, mut text_from) = (0, 0, Some(0));
        while let Some(off) = memchr_lt(&bytes[i..]) {
            if let Some(t) = text_from.filter(|&t| t <= i + off) {
                cost = escape_cost(&bytes[t..i + off]).max(cost);
            }
            let start = i + off + 1;
            let Some(&c) = bytes.get(start) else { break };
            let from = start + usize::from(c == b'/');
            if c == b'/' || c.is_ascii_alphabetic() {
                let end = bytes[from..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |p| from + p);
                let window = &bytes[end..bytes.len().min(end + TAG_REACH)];
                text_from = memchr::memchr(b'>', window).map(|p| end + p + 1);
            }
            i = start;
        }
        if let Some(t) = text_from {
            cost = cost.max(escape_cost(bytes.get(t..).unwrap_or_default()));
        }
        cost
    }

    proptest::proptest! {
        /// Measured where each run ends, the cost is the one measured at every "<".
        #[test]
        fn escape_cost_is_measured_once_per_run(html in "[<>/a&p =\"']{0,40}") {
            proptest::prop_assert_eq!(shape(&html).escape_cost, escape_cost_at_every_lt(&html));
        }
    }

    #[test]
    fn attributes_are_counted_per_start_tag() {
        assert_eq!(shape("<p>x</p>").attribute_cost, 0);
        assert_eq!(
            shape("<a href=x title='a > b' data-x=\"1\" hidden>y</a>").attribute_cost,
            16
        );
        assert_eq!(shape("<a x=1><b y=2 z=3/>").attribute_cost, 1 + 4);
        // A "<" inside a value opens no tag of its own.
        assert_eq!(shape("<a title='<b c d e>'>").attribute_cost, 1);
        // Cut off mid-tag: what is there counts.
        assert_eq!(shape("<a b c").attribute_cost, 4);
        let many: String = (0..1000).map(|i| format!(" a{i}=b")).collect();
        assert_eq!(
            shape(&format!("<div{many}>x</div>")).attribute_cost,
            1_000_000
        );
    }

    #[test]
    fn a_page_of_lone_lt_signs_is_scanned_once() {
        let html = format!(
            "<html><body><p>a&b {}</p></body></html>",
            "<".repeat(2_000_000)
        );
        let t = std::time::Instant::now();
        let s = shape(&html);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            t.elapsed()
        );
        assert_eq!(s.escape_cost, 2_000_004);
    }
}
