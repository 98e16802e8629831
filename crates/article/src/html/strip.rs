//! Linear scans over raw markup that need no tree: tag stripping (the fallback extractor) and a
//! nesting-depth estimate (to refuse tree walks over pathological pages).

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

/// Highest open-tag depth, with closes matched by name as a tree builder matches them: a close
/// pops up to the open element of its name, and a close with none open is ignored. Counting
/// closes without names let stray ones ("<div>x</span>" repeated, or every "</p>" when
/// paragraphs are not counted) cancel real nesting, and the tree walks went quadratic.
pub fn max_nesting(html: &str) -> usize {
    let bytes = html.as_bytes();
    // Open elements by name key, innermost last, and how many of each key are open.
    let mut open: Vec<u64> = Vec::new();
    let mut open_count: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    let mut max = 0usize;
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off + 1;
        let Some(&c) = bytes.get(start) else { break };
        let close = c == b'/';
        let from = start + usize::from(close);
        if close || c.is_ascii_alphabetic() {
            let end = bytes[from..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| from + p);
            let name = &bytes[from..end];
            // Compared in place: this runs for every tag of every page.
            let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
            let counted = !VOID.iter().any(|v| is(v)) && !is("p") && !is("li");
            let key = name_key(name);
            if close {
                if counted && open_count.get(&key).is_some_and(|&n| n > 0) {
                    while let Some(top) = open.pop() {
                        if let Some(n) = open_count.get_mut(&top) {
                            *n -= 1;
                        }
                        if top == key {
                            break;
                        }
                    }
                }
            } else {
                let self_closing = memchr::memchr(b'>', &bytes[end..])
                    .is_some_and(|p| p > 0 && bytes[end + p - 1] == b'/');
                if counted && !self_closing {
                    open.push(key);
                    *open_count.entry(key).or_default() += 1;
                    max = max.max(open.len());
                }
            }
        }
        i = start;
    }
    max
}

/// A case-insensitive hash of a tag name (FNV-1a), so names are matched without allocating.
fn name_key(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3)
    })
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
        if !tag.starts_with('/') && matches!(name.as_str(), "script" | "style" | "noscript") {
            let close = format!("</{name}");
            rest = match find_ascii_ci(rest, &close) {
                Some(i) => &rest[i..],
                None => "",
            };
            continue;
        }
        if matches!(
            name.as_str(),
            "p" | "div"
                | "br"
                | "li"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "td"
                | "th"
                | "section"
                | "article"
                | "blockquote"
                | "table"
        ) {
            out.push('\n');
        } else {
            out.push(' ');
        }
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// The page with the bodies of `<script>` (JSON-LD excepted) and `<style>` elements emptied.
/// They are about 40% of a news page's bytes and nothing after the parse reads them, so the
/// tree builder is spared tokenizing them. Comments are skipped whole so that a commented-out
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

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn tag_stripping_drops_scripts() {
        let t = strip_tags("<p>a</p><SCRIPT>var x = '<p>';</Script><p>b &amp; c</p>");
        assert!(!t.contains("var"));
        assert!(t.contains("b & c"));
    }

    #[test]
    fn nesting_depth_counts_open_elements() {
        assert_eq!(max_nesting("<div><p>a<br><img src=x/></div>"), 1);
        assert_eq!(max_nesting(&"<div>".repeat(50)), 50);
        assert_eq!(max_nesting("<a><b></b></a><c>"), 2);
        assert_eq!(max_nesting(&"<div><p>x</p><br></br>".repeat(50)), 50);
        assert_eq!(max_nesting(&"<div>x</span>".repeat(50)), 50);
        assert_eq!(max_nesting(&"<DIV><b>x</div>".repeat(50)), 2);
    }
}
