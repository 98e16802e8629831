//! JSON text from producers that count UTF-16 units: a lone surrogate escape (`"\ud83d"`, an
//! emoji cut in half by a CMS or an exporter) makes strict JSON refuse the whole value, and a page
//! or a record would be lost for one character. Readers of JSON (JSON-LD blocks, JSON Lines
//! records) parse again with such escapes made U+FFFD.

/// `body` with every `\uD800`–`\uDFFF` escape that is not half of a pair made `\uFFFD`, or
/// `None` when it has none. One pass; escapes are read in order, so an escaped backslash before
/// a `u` is not taken for an escape.
pub fn lone_surrogates_replaced(body: &str) -> Option<String> {
    let b = body.as_bytes();
    let surrogate = |i: usize| -> Option<u16> {
        let hex = b.get(i..i + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        let n = u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()?;
        (0xD800..=0xDFFF).contains(&n).then_some(n)
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let Some(n) = surrogate(i) else {
            // Any other escape: skip its two bytes (its hex digits, if any, hold no backslash).
            i += 2;
            continue;
        };
        let paired = (0xD800..0xDC00).contains(&n)
            && surrogate(i + 6).is_some_and(|m| (0xDC00..=0xDFFF).contains(&m));
        if paired {
            i += 12;
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(body.len()));
        o.push_str(&body[copied..i]);
        o.push_str("\\ufffd");
        i += 6;
        copied = i;
    }
    let mut o = out?;
    o.push_str(&body[copied..]);
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogate_escapes_become_replacement_characters() {
        let fixed = |s: &str| lone_surrogates_replaced(s);
        assert_eq!(
            fixed(r#"{"a":"x\ud800y"}"#).as_deref(),
            Some(r#"{"a":"x\ufffdy"}"#)
        );
        assert_eq!(
            fixed(r#"{"a":"\udc00"}"#).as_deref(),
            Some(r#"{"a":"\ufffd"}"#)
        );
        // Two leading halves: both lone.
        assert_eq!(
            fixed(r#""\ud83d\ud83d""#).as_deref(),
            Some(r#""\ufffd\ufffd""#)
        );
        // A leading half and its pair: untouched, as is an escaped backslash before "ud800".
        assert_eq!(fixed(r#""\ud83d\ude00""#), None);
        assert_eq!(fixed(r#""\\ud800""#), None);
        assert_eq!(fixed(r#""\u00e9 ok""#), None);
        // A leading half before a pair: the half alone is replaced.
        assert_eq!(
            fixed(r#""\ud83d\ud83d\ude00""#).as_deref(),
            Some(r#""\ufffd\ud83d\ude00""#)
        );
        // Cut short at the end: nothing to read, nothing changed.
        assert_eq!(fixed(r#""\ud8"#), None);
        assert_eq!(fixed("\\"), None);
    }
}
