//! Repair of mojibake: UTF-8 text that was once decoded as Windows-1252 (or ISO-8859-1) and
//! re-encoded, so that "isn’t" reads "isnâ€™t" and a no-break space reads "Â ". Pages carry it
//! in their bytes or as entities (`&acirc;&euro;&trade;`), whatever their declared charset, and
//! it splits words and hides quote marks from the later stages.
//!
//! A misread sequence is a lead character (Â–ô) followed by exactly the continuation characters
//! its UTF-8 lead byte calls for. Legitimate text forms such runs too ("„Gruß“", "“CAFÉ”",
//! "İTÜ’de": a capital or ß before a quote mark), but they decode to scripts far from the
//! text's own (NKo, Syriac, IPA). So a run is replaced only when it decodes to a character
//! mojibake of Western text produces: Latin letters and signs, general punctuation, currency
//! signs, ™ and the byte-order mark.

use std::borrow::Cow;

/// The Windows-1252 byte a character stands for, when that byte is a UTF-8 continuation byte
/// (0x80–0xBF).
fn continuation_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{a0}'..='\u{bf}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        // C1 controls: bytes Windows-1252 leaves undefined, and every 0x80–0x9F byte when
        // the text was misread as ISO-8859-1 rather than Windows-1252.
        '\u{80}'..='\u{9f}' => c as u32 as u8,
        _ => return None,
    };
    Some(b)
}

/// How many continuation bytes a lead character's byte calls for.
fn sequence_tail(lead: char) -> Option<usize> {
    match lead as u32 {
        0xc2..=0xdf => Some(1),
        0xe0..=0xef => Some(2),
        0xf0..=0xf4 => Some(3),
        _ => None,
    }
}

/// Whether `c` is what a misread of Western text decodes to.
fn plausible(c: char) -> bool {
    matches!(c,
        '\u{a0}'..='\u{17f}'       // Latin-1 supplement and Latin Extended-A
        | '\u{218}'..='\u{21b}'    // Romanian ș, ț
        | '\u{1e00}'..='\u{1eff}'  // Latin Extended Additional (Vietnamese)
        | '\u{2000}'..='\u{206f}'  // general punctuation: quotes, dashes, ellipsis
        | '\u{20a0}'..='\u{20bf}'  // currency signs
        | '\u{2122}'                // ™
        | '\u{feff}') // byte-order mark
}

/// `s` with every misread UTF-8 sequence decoded; borrowed when there is none. Text misread
/// twice ("Ã¢â‚¬â„¢") needs a second pass, which is taken when the first changed anything.
pub fn repair(s: &str) -> Cow<'_, str> {
    match repair_once(s) {
        Cow::Borrowed(_) => Cow::Borrowed(s),
        Cow::Owned(once) => match repair_once(&once) {
            Cow::Borrowed(_) => Cow::Owned(once),
            Cow::Owned(twice) => Cow::Owned(twice),
        },
    }
}

fn repair_once(s: &str) -> Cow<'_, str> {
    // Lead characters U+00C2..=U+00F4 are encoded 0xC3 0x82..=0xB4: only those bytes are looked
    // at, and the text between them is copied whole.
    let mut out: Option<String> = None;
    let mut copied = 0;
    for at in memchr::memchr_iter(0xc3, s.as_bytes()) {
        if at < copied {
            continue;
        }
        let Some(rest) = s.get(at..) else { continue };
        let mut chars = rest.chars();
        let Some(tail) = chars.next().and_then(sequence_tail) else {
            continue;
        };
        let lead = rest.as_bytes()[1].wrapping_add(0x40);
        let mut bytes = [lead, 0, 0, 0];
        let mut ok = true;
        for slot in bytes.iter_mut().skip(1).take(tail) {
            match chars.next().and_then(continuation_byte) {
                Some(b) => *slot = b,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        let decoded = ok
            .then(|| std::str::from_utf8(&bytes[..=tail]).ok())
            .flatten()
            .and_then(|t| t.chars().next())
            .filter(|&d| plausible(d));
        if let Some(d) = decoded {
            let end = s.len() - chars.as_str().len();
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(&s[copied..at]);
            o.push(d);
            copied = end;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&s[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn misread_sequences_are_decoded() {
        assert_eq!(repair("isnâ€™t"), "isn’t");
        assert_eq!(
            repair("â€œWe wonâ€™t,â€\u{9d} she said"),
            "“We won’t,” she said"
        );
        assert_eq!(repair("cats.Â\u{a0}and"), "cats.\u{a0}and");
        assert_eq!(repair("cafÃ© and naÃ¯ve"), "café and naïve");
        assert_eq!(repair("â‚¬30"), "€30");
        // Misread as ISO-8859-1: the continuation bytes became C1 controls.
        assert_eq!(
            repair("Investor\u{e2}\u{80}\u{99}s Guide"),
            "Investor’s Guide"
        );
    }

    #[test]
    fn text_misread_twice_comes_back() {
        assert_eq!(repair("isnÃ¢â‚¬â„¢t"), "isn’t");
    }

    #[test]
    fn clean_text_is_untouched() {
        for s in [
            "Ça va, Âge, Ã, Ü, café, naïve, São Paulo",
            "Â",
            "ô",
            "plain ascii",
            "“quoted” — dash",
            // Capitals and ß before quote marks, guillemets and signs.
            "„Gruß“ und »Spaß« am Fuß” von Strauß’ Walzer",
            "İTÜ’de, ODTÜ’lü, GÜÇ’ün",
            "“CAFÉ” JOSÉ’S ‘OLÉ’ NESCAFÉ®",
            "café”—and the café’” «Qué»— —Sí”…",
            "passé\u{a0}» voilà\u{a0}» CAFÉ\u{a0}: 20\u{a0}×\u{a0}30",
        ] {
            assert!(matches!(repair(s), Cow::Borrowed(_)), "{s}");
        }
    }

    proptest! {
        /// Any text, encoded as UTF-8 and misread as Windows-1252, comes back whole.
        #[test]
        fn a_misread_comes_back(s in "[a-zA-Z ’“”—€éïñü°½]{0,40}") {
            let (misread, _, _) = encoding_rs::WINDOWS_1252.decode(s.as_bytes());
            let repaired = repair(&misread);
            prop_assert_eq!(repaired.as_ref(), s.as_str());
        }

        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = repair(&s);
        }

        /// Words of Western languages around quote marks, guillemets and signs stay as written.
        #[test]
        fn western_text_stays(parts in proptest::collection::vec(prop_oneof![
            Just("Gruß"), Just("Spaß"), Just("CAFÉ"), Just("JOSÉ"), Just("İTÜ"), Just("GÜÇ"),
            Just("café"), Just("passé"), Just("Sí"), Just("Qué"), Just("ÀÉÎÕÜ"), Just("ñ"),
            Just("“"), Just("”"), Just("’"), Just("‘"), Just("«"), Just("»"), Just("„"),
            Just("—"), Just("…"), Just("®"), Just("°"), Just("±"), Just("½"), Just("\u{a0}"),
            Just(" "), Just(":"),
        ], 0..24)) {
            let s = parts.concat();
            let repaired = repair(&s);
            prop_assert_eq!(repaired.as_ref(), s.as_str());
        }
    }
}
