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

/// Highest open-tag depth, counting opens and closes without matching names (an upper bound
/// of what a tree builder would make, close enough to spot hostile nesting).
pub fn max_nesting(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off + 1;
        let Some(&c) = bytes.get(start) else { break };
        if c == b'/' {
            depth = depth.saturating_sub(1);
        } else if c.is_ascii_alphabetic() {
            let end = bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| start + p);
            let name = &bytes[start..end];
            // Compared in place: this runs for every tag of every page.
            let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
            let self_closing = bytes[end..]
                .iter()
                .position(|&b| b == b'>')
                .is_some_and(|p| p > 0 && bytes[end + p - 1] == b'/');
            if !VOID.iter().any(|v| is(v)) && !self_closing && !is("p") && !is("li") {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = start;
    }
    max
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
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
    }
}
