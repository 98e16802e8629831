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
    with_text(n, |t| t.split_whitespace().count()).unwrap_or(0)
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
}
