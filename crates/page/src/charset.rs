//! Charset decoding: BOM, then a charset named by the container or by `<meta charset>`, then
//! plain UTF-8, then detection (chardetng) for undeclared legacy encodings.

use encoding_rs::{Encoding, UTF_8};

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub charset: &'static str,
    pub warnings: Vec<String>,
}

/// Share of control characters above which bytes are taken for binary data, not text.
const MAX_CONTROL_SHARE: f64 = 0.02;
/// Share of characters no text is made of (controls, replacement characters, private-use
/// characters, noncharacters) above which decoded text is taken for binary data: random bytes
/// behind a UTF-16 byte-order mark decode to about 13% of them, real text to almost none, and a
/// page with up to 5% replaced bytes is still read (see [`MAX_REPLACED_SHARE`]).
const MAX_NON_TEXT_SHARE: f64 = 0.08;
/// Characters sampled for the check after decoding.
const SAMPLE_CHARS: usize = 64 << 10;
/// Share of replacement characters above which a declared charset is taken to be wrong.
const MAX_REPLACED_SHARE: f64 = 0.05;

/// Decodes `bytes` to text. Errors (as a reason) when the bytes are not text in any charset.
pub fn decode(bytes: &[u8], hint: Option<&str>) -> Result<Decoded, String> {
    let decoded = match utf16_without_bom(bytes) {
        Some(enc) => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                charset: enc.name(),
                warnings: vec![format!(
                    "no byte-order mark; read as {} by its NUL bytes",
                    enc.name()
                )],
            }
        }
        None => {
            if looks_binary(bytes) {
                return Err("binary content, not a text or HTML page".into());
            }
            decode_text(bytes, hint)?
        }
    };
    // Whatever a byte-order mark or a declaration claimed, binary data decodes to no text.
    if decoded_looks_binary(&decoded.text) {
        return Err(format!(
            "binary content, not a text or HTML page (decoded as {})",
            decoded.charset
        ));
    }
    // The head is checked for NUL bytes above; one further on would reach the stored text,
    // which PostgreSQL refuses, failing the whole batch instead of this document.
    // `contains` on bytes is a `memchr` (a word at a time); the position is looked for only in
    // the rare text that holds a NUL (a byte loop over every page was ~1 % of HTML analysis).
    let nul = decoded.text.as_bytes().contains(&0);
    if let Some(at) = nul.then(|| nul_at(&decoded.text)).flatten() {
        return Err(format!(
            "binary content, not a text or HTML page (a NUL character at byte {at} of the text decoded as {})",
            decoded.charset
        ));
    }
    Ok(decoded)
}

/// Byte offset of the first NUL of `text`.
fn nul_at(text: &str) -> Option<usize> {
    text.bytes().position(|b| b == 0)
}

/// UTF-16 saved without a byte-order mark, told by its NUL bytes: in text of Latin script every
/// other byte is NUL (the high byte of each code unit), and the bytes between are not. Needs a
/// head long enough for the pattern to mean something; anything else is left to the binary check.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    const MIN_UNITS: usize = 16;
    if Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(64 << 10) & !1];
    let units = head.len() / 2;
    // Without a NUL in the head both tallies are zero: not UTF-16, told by a `memchr` instead
    // of a loop over every pair (nearly every page).
    if units < MIN_UNITS || !head.contains(&0) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Nearly all high bytes NUL, almost no low byte NUL (a NUL character is not text).
    let mostly = |n: usize| n * 10 >= units * 9;
    let rarely = |n: usize| n * 100 <= units;
    if mostly(odd) && rarely(even) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn decode_text(bytes: &[u8], hint: Option<&str>) -> Result<Decoded, String> {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            charset: enc.name(),
            warnings,
        });
    }
    let declared = hint
        .and_then(|h| Encoding::for_label(h.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    if let Some(enc) = declared.map(Encoding::output_encoding) {
        // A page saved as UTF-8 that still declares its old legacy charset (gb2312,
        // windows-1252): legacy text whose non-ASCII bytes all happen to form valid UTF-8
        // sequences is vanishingly rare, so valid UTF-8 with any multi-byte character outranks
        // the declaration.
        if enc != UTF_8 && !bytes.is_ascii() {
            if let Ok(s) = std::str::from_utf8(bytes) {
                warnings.push(format!(
                    "declared charset {} contradicted by bytes that are valid UTF-8; read as UTF-8",
                    enc.name()
                ));
                return Ok(Decoded {
                    text: s.to_owned(),
                    charset: UTF_8.name(),
                    warnings,
                });
            }
        }
        // A page that declares a charset and then breaks it is common; decode anyway and say so,
        // unless so much is broken that the declaration is plainly wrong.
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok(Decoded {
                text: text.into_owned(),
                charset: enc.name(),
                warnings,
            });
        }
        let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
        if (replaced as f64) < MAX_REPLACED_SHARE * text.chars().count() as f64 {
            warnings.push(format!(
                "{replaced} byte sequence(s) invalid in declared charset {}; replaced",
                enc.name()
            ));
            return Ok(Decoded {
                text: text.into_owned(),
                charset: enc.name(),
                warnings,
            });
        }
        warnings.push(format!(
            "declared charset {} does not fit the bytes; detected instead",
            enc.name()
        ));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_owned(),
            charset: UTF_8.name(),
            warnings,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "undeclared charset guessed as {}; invalid sequences replaced",
            enc.name()
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        charset: enc.name(),
        warnings,
    })
}

/// NUL bytes or many control characters in the first 64 KiB mean binary data. UTF-16 holds NULs
/// as text does: with a BOM, or without one but with its pattern of NULs
/// ([`utf16_without_bom`]), it is checked after decoding instead.
fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some_and(|(enc, _)| enc != UTF_8) {
        return false;
    }
    let head = &bytes[..bytes.len().min(64 << 10)];
    let controls = count_controls(head);
    head.contains(&0) || controls as f64 > MAX_CONTROL_SHARE * head.len() as f64
}

/// Whether a byte is a C0 control other than whitespace (tab, line feed, carriage return, form
/// feed).
fn is_control(b: u8) -> bool {
    b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)
}

/// C0 controls among `bytes`, counted without a branch per byte (every page's head is counted).
fn count_controls(bytes: &[u8]) -> usize {
    // Per chunk into a narrow counter, which the compiler keeps in vector lanes.
    bytes
        .chunks(255)
        .map(|c| usize::from(c.iter().map(|&b| u8::from(is_control(b))).sum::<u8>()))
        .sum()
}

/// Bytes an ASCII run is counted by at a time in [`chars_look_binary`].
const ASCII_RUN: usize = 32;

/// Decoded text that is mostly not text: many control characters, or many characters no text is
/// made of.
fn decoded_looks_binary(text: &str) -> bool {
    // ASCII text (most plain text) has no character of the wider share: its bytes are its
    // characters and only C0 controls count, tallied without decoding.
    let head = &text.as_bytes()[..text.len().min(SAMPLE_CHARS)];
    if head.is_ascii() {
        let n = head.len();
        let controls = count_controls(head);
        return n > 0
            && (controls as f64 > MAX_CONTROL_SHARE * n as f64
                || controls as f64 > MAX_NON_TEXT_SHARE * n as f64);
    }
    chars_look_binary(text)
}

/// [`decoded_looks_binary`] character by character.
fn chars_look_binary(text: &str) -> bool {
    let (n, controls, non_text) = sample_tallies(text);
    n > 0
        && (controls as f64 > MAX_CONTROL_SHARE * n as f64
            || non_text as f64 > MAX_NON_TEXT_SHARE * n as f64)
}

/// Characters of the sample (the first [`SAMPLE_CHARS`]), its C0 controls, and its characters
/// of no text (controls included).
fn sample_tallies(text: &str) -> (usize, usize, usize) {
    let (mut n, mut controls, mut non_text) = (0usize, 0usize, 0usize);
    let bytes = text.as_bytes();
    let mut k = 0;
    // Where the character-by-character steps run to before an ASCII run is tried again.
    let mut slow_until = 0;
    while n < SAMPLE_CHARS && k < bytes.len() {
        // A run of ASCII bytes is as many characters, its C0 controls counted together: the
        // tallies of the steps below without a branch per byte. A run holding another byte is
        // read by the steps.
        if k >= slow_until {
            if let Some(run) = bytes.get(k..k + ASCII_RUN) {
                if n + ASCII_RUN <= SAMPLE_CHARS && run.is_ascii() {
                    let c = count_controls(run);
                    (n, k) = (n + ASCII_RUN, k + ASCII_RUN);
                    controls += c;
                    non_text += c;
                    continue;
                }
                slow_until = k + ASCII_RUN;
            }
        }
        // An ASCII byte is its character: only a C0 control counts, towards both shares.
        let b = bytes[k];
        if b < 0x80 {
            n += 1;
            k += 1;
            let control = is_control(b);
            controls += usize::from(control);
            non_text += usize::from(control);
            continue;
        }
        let Some(c) = text[k..].chars().next() else {
            break;
        };
        k += c.len_utf8();
        n += 1;
        // C0 controls other than whitespace; C1 ones also come from double-encoded text
        // (mojibake), so they count only towards the wider share.
        let control = c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}');
        controls += usize::from(control);
        let other = ('\u{80}'..='\u{9F}').contains(&c)
            || c == '\u{FFFD}'
            || ('\u{E000}'..='\u{F8FF}').contains(&c)
            || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
            || (c as u32) & 0xFFFE == 0xFFFE;
        non_text += usize::from(control || other);
    }
    (n, controls, non_text)
}

/// Finds `<meta charset=…>` or `<meta http-equiv content="…charset=…">` in the first 4 KiB.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    // Every declaration has its `=`: a head without one (plain text) declares nothing.
    if !head.contains(&b'=') {
        return None;
    }
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t') {
            i += 1;
        }
        if i >= lower.len() || lower[i] != b'=' {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = Encoding::for_label(&lower[i..end]) {
            // UTF-16 labels in a byte-oriented meta tag are a known lie: the tag was readable as ASCII.
            if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                return Some(UTF_8);
            }
            return Some(enc);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    // Asked of every page's head: the needle's first byte is searched first (memchr), a window
    // compared only where it starts.
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(p) = hay.get(from..)?.iter().position(|&b| b == first) {
        let at = from + p;
        if hay.get(at + 1..at + needle.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII tally says what the character walk says.
    #[test]
    fn ascii_text_is_judged_as_character_by_character() {
        for text in [
            String::new(),
            "plain words\n\tand tabs".to_string(),
            "a\u{1}b".repeat(10),
            format!("{}\u{1}", "x".repeat(49)),
            format!("{}\u{1}\u{2}", "x".repeat(48)),
            "\u{7}".repeat(70_000),
            format!("{}{}", "y".repeat(SAMPLE_CHARS), "\u{1}".repeat(5000)),
        ] {
            assert_eq!(
                decoded_looks_binary(&text),
                chars_look_binary(&text),
                "{:?}",
                &text[..text.len().min(40)]
            );
        }
    }

    /// Text of `len` bytes with one NUL somewhere in it.
    fn text_with_nul(len: usize, at: usize) -> Vec<u8> {
        let mut b: Vec<u8> = b"The mayor said the road would open. "
            .iter()
            .copied()
            .cycle()
            .take(len)
            .collect();
        b[at % len] = 0;
        b
    }

    proptest::proptest! {
        /// The NUL test by `memchr` finds the NUL the byte loop found, and its offset is told.
        #[test]
        fn the_nul_is_found_and_placed_as_the_byte_loop_finds_it(len in 1usize..200_000, at in 0usize..200_000) {
            let bytes = text_with_nul(len, at);
            let text = std::str::from_utf8(&bytes).unwrap();
            proptest::prop_assert!(text.as_bytes().contains(&0));
            proptest::prop_assert_eq!(nul_at(text), Some(at % len));
            let msg = decode(&bytes, None).unwrap_err();
            proptest::prop_assert!(
                at % len < 64 << 10 || msg.contains(&format!("at byte {}", at % len)),
                "{}", msg
            );
        }

        /// A NUL byte anywhere, not only in the head that is checked before decoding, refuses
        /// the document: none reaches the stored text.
        #[test]
        fn a_nul_byte_anywhere_refuses_the_document(len in 1usize..200_000, at in 0usize..200_000) {
            let bytes = text_with_nul(len, at);
            let d = decode(&bytes, None);
            proptest::prop_assert!(d.is_err(), "accepted a NUL at {} of {}", at % len, len);
        }

        /// UTF-16 without a byte-order mark is read as the text it holds, in either byte order.
        #[test]
        fn utf16_without_a_bom_is_read(words in "[A-Za-z ,.]{16,400}", le in proptest::bool::ANY) {
            let bytes: Vec<u8> = words
                .encode_utf16()
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let d = decode(&bytes, None).unwrap();
            proptest::prop_assert_eq!(d.text, words);
        }
    }

    /// The shortcut for a head without a NUL answers as the pair tallies do.
    #[test]
    fn a_head_without_nul_is_not_utf16_as_the_tallies_say() {
        let tallied = |bytes: &[u8]| {
            let head = &bytes[..bytes.len().min(64 << 10) & !1];
            let units = head.len() / 2;
            let (even, odd) = head.chunks_exact(2).fold((0, 0), |(e, o), p| {
                (e + usize::from(p[0] == 0), o + usize::from(p[1] == 0))
            });
            units >= 16 && (even * 10 >= units * 9 || odd * 10 >= units * 9)
        };
        for len in [0, 1, 31, 32, 33, 100, 70_000] {
            let plain: Vec<u8> = b"abc def. ".iter().copied().cycle().take(len).collect();
            assert!(!tallied(&plain));
            assert!(utf16_without_bom(&plain).is_none());
        }
        let le: Vec<u8> = "words of text, all Latin"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(tallied(&le) && utf16_without_bom(&le).is_some());
    }

    #[test]
    fn short_or_mixed_nul_patterns_are_not_taken_for_utf16() {
        assert!(utf16_without_bom(b"a\0b\0").is_none());
        assert!(utf16_without_bom(&[0u8; 4096]).is_none());
        assert!(decode(&[0u8; 4096], None).is_err());
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFhello", None).unwrap();
        assert_eq!(d.text, "hello");
        assert_eq!(d.charset, "UTF-8");
    }

    #[test]
    fn meta_charset_wins_over_detection() {
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
        let d = decode(&page, None).unwrap();
        assert_eq!(d.charset, "windows-1251");
        assert!(d.text.contains("Привет"));
    }

    #[test]
    fn valid_utf8_outranks_a_legacy_declaration() {
        let text = "<html><head><meta charset=\"gb2312\"></head><body><p>谷歌在2014年收购的人工智能公司。</p>";
        let d = decode(text.as_bytes(), None).unwrap();
        assert_eq!(d.charset, "UTF-8");
        assert!(d.text.contains("谷歌在2014年收购"));
        assert!(d.warnings[0].contains("gb2312") || d.warnings[0].contains("GBK"));
        // The same from an HTTP header naming windows-1252.
        let d = decode("café crème".as_bytes(), Some("windows-1252")).unwrap();
        assert_eq!((d.text.as_str(), d.charset), ("café crème", "UTF-8"));
        // A real legacy page is not valid UTF-8 and keeps its declaration; ASCII needs no guess.
        let d = decode(&[0x63, 0x61, 0x66, 0xe9], Some("windows-1252")).unwrap();
        assert_eq!((d.text.as_str(), d.charset), ("café", "windows-1252"));
        let d = decode(b"plain", Some("windows-1252")).unwrap();
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn http_hint_is_used() {
        let d = decode(&[0x63, 0x61, 0x66, 0xe9], Some("ISO-8859-1")).unwrap();
        assert_eq!(d.text, "café");
    }

    #[test]
    fn undeclared_shift_jis_is_detected() {
        let (bytes, _, _) =
            encoding_rs::SHIFT_JIS.encode("日本語のニュース記事です。東京で会議が開かれました。");
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.charset, "Shift_JIS");
        assert!(d.text.contains("東京"));
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode("中华人民共和国国务院今天发布了新的经济政策。");
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.contains("国务院"), "{} {}", d.charset, d.text);
    }

    #[test]
    fn invalid_utf8_in_declared_utf8_page_is_replaced_with_a_warning() {
        let mut page = b"<meta charset=utf-8><p>A long enough paragraph of text ".to_vec();
        page.push(0xff);
        page.extend_from_slice(b" with one broken byte in it.</p>");
        let d = decode(&page, None).unwrap();
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1);
    }

    /// Deterministic noise.
    fn noise(n: u32) -> Vec<u8> {
        (0u32..n)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect()
    }

    #[test]
    fn random_bytes_behind_a_byte_order_mark_are_binary_whatever_the_mark_says() {
        for bom in [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"] {
            let mut bytes = bom.to_vec();
            bytes.extend(noise(4096));
            let got = decode(&bytes, None);
            assert!(
                got.is_err(),
                "{bom:?} decoded as text: {:?}",
                got.map(|d| d.charset)
            );
        }
    }

    #[test]
    fn text_behind_a_byte_order_mark_is_still_text() {
        let text = "Der Minister sagte am Montag, die Preise würden steigen. 東京 ".repeat(20);
        for (enc, bom) in [
            (encoding_rs::UTF_16LE, &b"\xFF\xFE"[..]),
            (encoding_rs::UTF_16BE, b"\xFE\xFF"),
        ] {
            let mut bytes = bom.to_vec();
            for unit in text.encode_utf16() {
                let b = if enc == encoding_rs::UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend(b);
            }
            assert_eq!(decode(&bytes, None).unwrap().text, text);
        }
        let mut utf8 = b"\xEF\xBB\xBF".to_vec();
        utf8.extend(text.as_bytes());
        assert_eq!(decode(&utf8, None).unwrap().text, text);
    }

    /// `chars_look_binary` as it read every character decoded, for the byte shortcut to match.
    fn look_binary_char_by_char(text: &str) -> bool {
        let (n, controls, non_text) = tallies_char_by_char(text);
        n > 0
            && (controls as f64 > MAX_CONTROL_SHARE * n as f64
                || non_text as f64 > MAX_NON_TEXT_SHARE * n as f64)
    }

    fn tallies_char_by_char(text: &str) -> (usize, usize, usize) {
        let (mut n, mut controls, mut non_text) = (0usize, 0usize, 0usize);
        for c in text.chars().take(SAMPLE_CHARS) {
            n += 1;
            let control = c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}');
            controls += usize::from(control);
            let other = ('\u{80}'..='\u{9F}').contains(&c)
                || c == '\u{FFFD}'
                || ('\u{E000}'..='\u{F8FF}').contains(&c)
                || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
                || (c as u32) & 0xFFFE == 0xFFFE;
            non_text += usize::from(control || other);
        }
        (n, controls, non_text)
    }

    #[test]
    fn ascii_bytes_are_judged_as_their_characters() {
        let mut texts: Vec<String> = Vec::new();
        for unit in [
            "a\u{1}é",
            "ab\u{85}",
            "x\u{e000}\u{7}\n",
            "“q”\u{fffd}",
            "\u{3}\u{3}é",
        ] {
            for n in [1, 3, 10, 40] {
                texts.push(unit.repeat(n));
                texts.push(format!("{}{}", "plain text. ".repeat(n), unit));
            }
        }
        // Past the sample, where the two must stop at the same character.
        texts.push(format!(
            "{}{}",
            "é".repeat(SAMPLE_CHARS - 1),
            "\u{1}".repeat(9_000)
        ));
        texts.push(format!(
            "{}{}",
            "a".repeat(SAMPLE_CHARS),
            "\u{1}".repeat(9_000)
        ));
        // ASCII runs (read 32 bytes at a time) broken by other characters at every offset around
        // a run's length, with controls inside the runs, and runs that reach past the sample.
        for gap in [1, 2, 30, 31, 32, 33, 63, 64, 65, 100] {
            for unit in ["é", "\u{85}", "\u{fffd}", "€", "𝄞", "\u{10fffe}"] {
                let run = format!("{}\u{2}\t", "w".repeat(gap));
                texts.push(format!("{unit}{run}").repeat(SAMPLE_CHARS / (gap + 2) + 50));
                texts.push(format!("{}{unit}", "\u{1}a ".repeat(gap)).repeat(40));
            }
        }
        for lead in 0..40 {
            texts.push(format!(
                "{}{}{}",
                "é".repeat(lead),
                "a\u{1}".repeat(SAMPLE_CHARS / 2),
                "\u{1}".repeat(9_000)
            ));
        }
        for t in &texts {
            assert_eq!(chars_look_binary(t), look_binary_char_by_char(t), "{t:?}");
            assert_eq!(sample_tallies(t), tallies_char_by_char(t));
        }
        assert!(texts.iter().any(|t| chars_look_binary(t)));
        assert!(texts.iter().any(|t| !chars_look_binary(t)));
    }

    #[test]
    fn a_head_without_an_equals_sign_declares_no_charset() {
        assert_eq!(meta_charset(b"<meta charset utf-8> charset is"), None);
        assert_eq!(meta_charset(b"<meta charset = 'utf-8'>"), Some(UTF_8));
    }

    #[test]
    fn decoded_text_full_of_controls_is_binary() {
        // Valid UTF-8 without a byte below 0x20: only the check after decoding can see it.
        let text = "abcd\u{85}\u{9f}".repeat(100);
        assert!(decode(text.as_bytes(), Some("utf-8")).is_err());
    }

    #[test]
    fn random_bytes_are_binary() {
        let bytes: Vec<u8> = (0u32..4096)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        assert!(decode(&bytes, None).is_err());
    }
}
