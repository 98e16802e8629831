//! Reads of the parsed tree that borrow rather than copy. `NodeRef::text`, `node_name` and
//! `attr` build a new string on every call, and the walks over the page ask them of nearly every
//! node: reading the tree in place gives the same strings without the copies.

use dom_query::{NodeData, NodeRef};

/// `f` of a text node's contents, borrowed from the tree; `None` for any other node. The same
/// string as `n.text()` for a text node. `f` must not change the tree (it is borrowed).
pub fn with_text<R>(n: &NodeRef, f: impl FnOnce(&str) -> R) -> Option<R> {
    n.query(|t| match &t.data {
        NodeData::Text { contents } => Some(f(contents)),
        _ => None,
    })
    .flatten()
}

/// `f` of an element's tag name, "" for any other node: `n.node_name().unwrap_or_default()`
/// without the copy.
pub fn with_name<R>(n: &NodeRef, f: impl FnOnce(&str) -> R) -> R {
    match n.qual_name_ref() {
        Some(q) => f(&q.local),
        None => f(""),
    }
}

/// Whether `n` is an element named `name`.
pub fn is_named(n: &NodeRef, name: &str) -> bool {
    with_name(n, |t| t == name)
}

/// `f` of an attribute's value, borrowed; `None` when `n` is no element or lacks it. The same
/// string as `n.attr(name)`.
pub fn with_attr<R>(n: &NodeRef, name: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let el = n.element_ref()?;
    let attr = el.attrs.iter().find(|a| &a.name.local == name)?;
    Some(f(&attr.value))
}

/// Words of a text node (whitespace-separated), 0 for any other node.
pub fn text_words(n: &NodeRef) -> usize {
    with_text(n, count_words).unwrap_or(0)
}

/// `s.split_whitespace().count()`, counted as the starts of words (a character that is not
/// whitespace after one that is, or at the start) without the splitting iterator; ASCII text
/// (most text nodes) byte by byte.
pub fn count_words(s: &str) -> usize {
    if s.is_ascii() {
        let mut words = 0;
        let mut space = true;
        for &b in s.as_bytes() {
            // ASCII whitespace as `char::is_whitespace` has it: tab to carriage return, space.
            let ws = b == b' ' || (b'\t'..=b'\r').contains(&b);
            words += usize::from(space && !ws);
            space = ws;
        }
        return words;
    }
    let mut words = 0;
    let mut space = true;
    for c in s.chars() {
        let ws = c.is_whitespace();
        words += usize::from(space && !ws);
        space = ws;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    #[test]
    fn borrowed_reads_equal_the_copies() {
        let d = Document::from(
            "<div class='a  b' id=x><p>One <b>two</b>\n three</p><!-- c --><br>tail  end</div>",
        );
        let all = d.root().descendants();
        assert!(all.len() > 8);
        for n in all {
            let text = with_text(&n, str::to_string);
            if n.is_text() {
                assert_eq!(text.as_deref(), Some(&*n.text()));
                assert_eq!(text_words(&n), n.text().split_whitespace().count());
            } else {
                assert_eq!(text, None);
                assert_eq!(text_words(&n), 0);
            }
            assert_eq!(
                with_name(&n, str::to_string),
                n.node_name().unwrap_or_default().to_string()
            );
            for a in ["class", "id", "href"] {
                assert_eq!(
                    with_attr(&n, a, str::to_string),
                    n.attr(a).map(|v| v.to_string())
                );
            }
        }
        let div = d.select("div").nodes()[0];
        assert!(is_named(&div, "div") && !is_named(&div, "p"));
    }

    #[test]
    fn words_count_as_split_whitespace_counts_them() {
        let mut cases: Vec<String> = [
            "",
            " ",
            "one",
            " one  two\tthree\n",
            "a\x0bb\x0cc\rd\x1ce",
            "caf\u{e9} na\u{ef}ve",
            "a\u{a0}b\u{2009}c\u{3000}\u{3000}d\u{85}e\u{2028}f\u{202f}g\u{205f}h\u{1680}i",
            "\u{200b}zero-width\u{feff}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every char up to U+3100 between two letters and alone.
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            cases.push(format!("x{c}y"));
            cases.push(c.to_string());
        }
        for s in &cases {
            assert_eq!(count_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn is_named_reads_the_tag() {
        let d = Document::from("<div><p>x</p></div>");
        let div = d.select("div").nodes()[0];
        assert!(is_named(&div, "div") && !is_named(&div, "p"));
    }
}
