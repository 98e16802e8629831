//! Text of metadata fields: whitespace folded and the character references the parser left in
//! place decoded (a page that escaped twice, "SQL &amp;#x26; AI", and JSON-LD strings, which HTML
//! never decodes). The decoding is `html-escape`'s, which knows every HTML5 named reference.

/// Longest meta or title value kept; longer ones are junk or attacks.
pub(super) const MAX_FIELD: usize = 600;

pub(super) fn clean(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.contains('&') {
        html_escape::decode_html_entities(&s).into_owned()
    } else {
        s
    }
}
