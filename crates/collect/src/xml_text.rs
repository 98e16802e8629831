//! An XML document read for its elements' text, for the readers that pick fields out of it
//! ([`crate::sitemap`], and `loose_feed` for a feed the strict parser refused). quick-xml gives
//! an element's text in pieces: character data, CDATA sections, and each entity or character
//! reference apart ("Troops &amp; talks" is three), so a field is built by appending the pieces
//! ([`append`]); each reader says, from the open elements, which field a piece belongs to.
//! Bounded: at most a given number of elements open at once, [`MAX_TEXT`] bytes per field.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::ops::ControlFlow;

/// Longest text kept from one element.
pub(crate) const MAX_TEXT: usize = 4096;

/// What the document holds next. Names are local names (any namespace prefix dropped),
/// lowercased.
pub(crate) enum Step<'a> {
    /// An element opens (`<x …>`); it is not on the stack yet.
    Open(&'a str, &'a BytesStart<'a>),
    /// An element with no content (`<x …/>`); it never is on the stack.
    Empty(&'a str, &'a BytesStart<'a>),
    /// An element closes; it is off the stack already.
    Close(&'a str),
    /// A piece of the innermost open element's text: character data, a CDATA section, or one
    /// entity or character reference resolved (an entity XML does not predefine is empty).
    Text(&'a str),
}

/// Why reading stopped before the end of the document.
#[derive(Debug)]
pub(crate) enum Stop {
    /// The XML is broken at byte `at`.
    Broken { at: u64, error: quick_xml::Error },
    /// An element would open inside `max_open` open ones.
    TooDeep,
}

/// Reads `body` to its end, handing `on` each step with the names of the elements open around
/// it, outermost first; `on` may end the reading early with `Break` (which is no [`Stop`]).
pub(crate) fn read(
    body: &[u8],
    max_open: usize,
    mut on: impl FnMut(Step, &[String]) -> ControlFlow<()>,
) -> Result<(), Stop> {
    let mut reader = Reader::from_reader(body);
    // Pieces are kept as they come; a reader trims a whole field, as an entity splits one.
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|error| Stop::Broken {
                at: reader.error_position(),
                error,
            })?;
        let flow = match event {
            Event::Start(s) => {
                if stack.len() >= max_open {
                    return Err(Stop::TooDeep);
                }
                let name = local(&s);
                let flow = on(Step::Open(&name, &s), &stack);
                stack.push(name);
                flow
            }
            Event::Empty(s) => on(Step::Empty(&local(&s), &s), &stack),
            Event::End(_) => {
                // quick-xml refuses an end tag that matches no open element, so one is open.
                let name = stack.pop().unwrap_or_default();
                on(Step::Close(&name), &stack)
            }
            Event::Text(t) => on(Step::Text(&t.xml10_content()), &stack),
            Event::CData(t) => on(Step::Text(&t.into_inner()), &stack),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(ch)) => ch.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .unwrap_or_default()
                        .to_string(),
                };
                on(Step::Text(&resolved), &stack)
            }
            Event::Eof => return Ok(()),
            _ => ControlFlow::Continue(()),
        };
        if flow.is_break() {
            return Ok(());
        }
        buf.clear();
    }
}

/// Appends a piece of an element's text to the field it fills; a piece that would take the
/// field past [`MAX_TEXT`] is left out whole (a later, shorter piece may still fit).
pub(crate) fn append(field: &mut String, piece: &str) {
    if field.len() + piece.len() <= MAX_TEXT {
        field.push_str(piece);
    }
}

fn local(s: &BytesStart) -> String {
    s.local_name().as_ref().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The steps as text, one a line: `+name`, `/name`, `-name` (empty), `path: "text"`.
    fn steps(body: &[u8], max_open: usize) -> (Vec<String>, Result<(), Stop>) {
        let mut out = Vec::new();
        let end = read(body, max_open, |step, stack| {
            out.push(match step {
                Step::Open(n, _) => format!("+{n}"),
                Step::Empty(n, _) => format!("-{n}"),
                Step::Close(n) => format!("/{n}"),
                Step::Text(t) => format!("{}: {t:?}", stack.join("/")),
            });
            ControlFlow::Continue(())
        });
        (out, end)
    }

    #[test]
    fn text_comes_in_pieces_with_entities_and_cdata_resolved() {
        let (out, end) = steps(
            b"<T:A xmlns:t='x'>Troops &amp; talks<![CDATA[ <b>]]>&#x41;&#66;&nbsp;\r\n<br/></T:A>",
            8,
        );
        assert!(end.is_ok());
        assert_eq!(
            out,
            [
                "+a",
                "a: \"Troops \"",
                "a: \"&\"",
                "a: \" talks\"",
                "a: \" <b>\"",
                "a: \"A\"",
                "a: \"B\"",
                // An entity XML does not define is no text, and no error.
                "a: \"\"",
                // Line ends normalised, white space kept.
                "a: \"\\n\"",
                "-br",
                "/a",
            ]
        );
    }

    #[test]
    fn nesting_stops_at_the_limit_exactly() {
        let (out, end) = steps(b"<a><b><c>x</c></b></a>", 3);
        assert!(end.is_ok());
        assert!(out.contains(&"a/b/c: \"x\"".to_string()));
        let (out, end) = steps(b"<a><b><c><d>x</d></c></b></a>", 3);
        assert!(matches!(end, Err(Stop::TooDeep)));
        assert_eq!(out, ["+a", "+b", "+c"]);
    }

    #[test]
    fn broken_xml_stops_with_where_it_breaks() {
        let (out, end) = steps(b"<a><b>x</a>", 8);
        assert_eq!(out, ["+a", "+b", "a/b: \"x\""]);
        let Err(Stop::Broken { at, .. }) = end else {
            panic!("not broken: {end:?}");
        };
        assert_eq!(at, 7);
    }

    #[test]
    fn the_reader_may_stop_early() {
        let mut seen = 0;
        let end = read(b"<a><b/><b/><b/></a>", 8, |step, _| {
            seen += 1;
            match step {
                Step::Empty(..) => ControlFlow::Break(()),
                _ => ControlFlow::Continue(()),
            }
        });
        assert!(end.is_ok());
        assert_eq!(seen, 2);
    }

    #[test]
    fn a_field_keeps_what_fits_in_max_text() {
        let mut field = "a".repeat(MAX_TEXT - 2);
        append(&mut field, "bcd");
        assert_eq!(field.len(), MAX_TEXT - 2);
        append(&mut field, "bc");
        assert_eq!(field.len(), MAX_TEXT);
        assert!(field.ends_with("abc"));
        append(&mut field, "d");
        assert_eq!(field.len(), MAX_TEXT);
    }

    proptest::proptest! {
        // Whatever the bytes, reading ends without a panic and never holds more elements open
        // than allowed.
        #[test]
        fn any_bytes_are_read_within_the_limit(body in "(<a>|</a>|<b/>|<c x='1'>|</c>|x|&amp;|&#x41;|&zz;|<!\\[CDATA\\[y\\]\\]>|<|>|&){0,40}") {
            let mut deepest = 0;
            let _ = read(body.as_bytes(), 4, |step, stack| {
                let open = stack.len() + usize::from(matches!(step, Step::Open(..)));
                deepest = deepest.max(open);
                ControlFlow::Continue(())
            });
            proptest::prop_assert!(deepest <= 4);
        }
    }
}
