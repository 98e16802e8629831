//! A rule-based tokenizer for news text that keeps byte offsets. Kept whole: numbers with
//! separators ("3,000", "3.5"), acronyms with dots ("U.S."), known abbreviations ("Gen.", "Nov."),
//! hyphenated and apostrophe words ("Jean-Pierre", "Russia's" is split as "Russia" + "'s"), URLs
//! and e-mail addresses. A full stop glued to the next word ("respond.I") is split off.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
}

/// A token: a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    // Tokens before this offset are known not to start an e-mail address (see `url_end`).
    let mut no_mail_before = 0;
    while i < bytes.len() {
        // ASCII (nearly every character of news text) is read as a byte; the rest decoded.
        let c = if bytes[i] < 0x80 {
            bytes[i] as char
        } else {
            match text[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if let Some(end) = url_end(text, i, &mut no_mail_before) {
            out.push(Token {
                start: i,
                end,
                kind: TokenKind::Url,
            });
            i = end;
            continue;
        }
        if is_word_char(c) {
            let (end, kind) = word_end(text, i);
            // "Russia's" → "Russia" + "'s": the possessive is its own token, as in news treebanks.
            let w = &text[i..end];
            // Every possessive ends in "s" or "S": other words skip the four comparisons.
            let poss = if matches!(w.as_bytes().last(), Some(b's' | b'S')) {
                ["'s", "’s", "'S", "’S"]
                    .iter()
                    .find(|p| w.len() > p.len() + 1 && w.ends_with(*p))
            } else {
                None
            };
            if let (Some(p), TokenKind::Word) = (poss, kind) {
                let cut = end - p.len();
                out.push(Token {
                    start: i,
                    end: cut,
                    kind,
                });
                out.push(Token {
                    start: cut,
                    end,
                    kind: TokenKind::Word,
                });
            } else {
                out.push(Token {
                    start: i,
                    end,
                    kind,
                });
            }
            i = end;
            continue;
        }
        // A detached possessive ("Boatmen 's", as news treebanks write it) is one word token.
        if matches!(c, '\'' | '’') {
            let rest = &text[i + c.len_utf8()..];
            let mut rc = rest.chars();
            if matches!(rc.next(), Some('s' | 'S')) && !rc.next().is_some_and(is_word_char) {
                let end = i + c.len_utf8() + 1;
                out.push(Token {
                    start: i,
                    end,
                    kind: TokenKind::Word,
                });
                i = end;
                continue;
            }
        }
        // ".0001" in "P<.0001", " .308 average": a decimal without its leading zero is one
        // number, not a full stop that ends the sentence before a digit.
        if c == '.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let before = text[..i].chars().next_back();
            let opens = before.is_none_or(|b| b.is_whitespace() || "<>=(~$≤≥".contains(b));
            if opens {
                let (end, kind) = word_end(text, i + 1);
                if kind == TokenKind::Number {
                    out.push(Token {
                        start: i,
                        end,
                        kind,
                    });
                    i = end;
                    continue;
                }
            }
        }
        let kind = if c.is_ascii_punctuation()
            && !matches!(
                c,
                '$' | '%' | '&' | '+' | '=' | '<' | '>' | '#' | '@' | '^' | '|' | '~' | '`'
            )
            || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '—' | '–' | '…' | '„')
        {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        // Runs of the same punctuation ("...", "--", "''") are one token.
        let mut end = i + c.len_utf8();
        while text[end..].starts_with(c) && matches!(c, '.' | '-' | '\'' | '`' | '!' | '?') {
            end += c.len_utf8();
        }
        out.push(Token {
            start: i,
            end,
            kind,
        });
        i = end;
    }
    out
}

/// The end of a word or number starting at `i`.
fn word_end(text: &str, i: usize) -> (usize, TokenKind) {
    // A run of ASCII letters, digits and underscores ended by the text's end or by an ASCII
    // character that can neither join the run to more ("3,000", "U.S.", "Jean-Pierre", "AT&T",
    // "and/or") nor keep a full stop ("Gen."): the word is the run, as the full reading below
    // would find. Anything else is read in full.
    let bytes = text.as_bytes();
    let mut j = i;
    let mut all_digits = true;
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii_alphanumeric() || b == b'_' {
            all_digits &= b.is_ascii_digit();
            j += 1;
        } else {
            break;
        }
    }
    if j > i
        && bytes
            .get(j)
            .is_none_or(|&b| b < 0x80 && !matches!(b, b',' | b'.' | b'-' | b'\'' | b'&' | b'/'))
    {
        let kind = if all_digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        return (j, kind);
    }
    word_end_full(text, i)
}

/// [`word_end`] read character by character.
fn word_end_full(text: &str, i: usize) -> (usize, TokenKind) {
    let mut chars = text[i..].char_indices().peekable();
    let mut end = i;
    let mut all_digits = true;
    let mut single_letters = true; // "U.S." shape so far
    let mut run = 0usize; // length of the current alphanumeric run
    while let Some((off, c)) = chars.next() {
        let pos = i + off;
        if is_word_char(c) {
            all_digits &= c.is_ascii_digit();
            run += 1;
            if run > 1 {
                single_letters = false;
            }
            end = pos + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let prev_digit = text[..pos]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_ascii_digit());
        let next_word = next.is_some_and(is_word_char);
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        let joins = match c {
            // Thousands separators and decimals: only between digits.
            ',' | '.' if prev_digit && next_digit => true,
            // An initial glued to a capitalised word: "S.Korea", "N.Korea".
            '.' if run == 1
                && pos == i + 1
                && text[i..pos].chars().all(char::is_uppercase)
                && glued_capitalised_word(&text[pos + 1..]) =>
            {
                true
            }
            // Acronyms with dots: single letters each followed by a dot.
            '.' if single_letters && run == 1 && next_word && !next_digit => {
                // "U.S" continues only when the next run is a single letter followed by a dot.
                let rest = &text[pos + 1..];
                let mut rc = rest.chars();
                matches!((rc.next(), rc.next()), (Some(a), Some('.')) if a.is_alphabetic())
            }
            '-' | '\'' | '’' | '&' | '/' if next_word && (!all_digits || c == '-') => true,
            _ => false,
        };
        if joins {
            all_digits &= c == ',' || c == '.';
            run = 0;
            continue;
        }
        if c == '.' {
            let word = &text[i..pos];
            let acronym = single_letters && run == 1 && word.contains('.');
            let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if (acronym || single || claimtrail_lexicon::is_abbreviation(word)) && !next_word {
                end = pos + 1;
            }
        }
        break;
    }
    let kind = if all_digits {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

/// Whether text starts with an upper-case letter followed by a lower-case one ("Korea").
fn glued_capitalised_word(rest: &str) -> bool {
    let mut rc = rest.chars();
    matches!((rc.next(), rc.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

/// The end of a URL or e-mail address starting at `i`, trailing punctuation left out.
///
/// Called at every token, so it must not rescan a long run without spaces each time (quadratic):
/// a URL is told by its prefix alone, and a failed e-mail check records in `no_mail_before` the
/// offset up to which every later token shares the same first `@` (or has none) and fails too.
fn url_end(text: &str, i: usize, no_mail_before: &mut usize) -> Option<usize> {
    let rest = &text[i..];
    match rest.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => {}
        Some(b) if *b < 0x80 => return None,
        _ => {
            if !rest.starts_with(char::is_alphanumeric) {
                return None;
            }
        }
    }
    let is_url = ["http://", "https://", "www."].iter().any(|p| {
        rest.as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    });
    if !is_url {
        if i < *no_mail_before {
            return None;
        }
        // An address: an `@` in the run, and a dot between it and the next `@` or the run's end.
        let stop = |c: char| c == '@' || c.is_whitespace();
        let at = find_mail_stop(rest);
        if !rest[at..].starts_with('@') {
            *no_mail_before = i + at;
            return None;
        }
        let domain = &rest[at + 1..];
        if !domain[..domain.find(stop).unwrap_or(domain.len())].contains('.') {
            *no_mail_before = i + at + 1;
            return None;
        }
    }
    let chunk = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
    let trimmed = chunk.trim_end_matches(|c: char| ".,;:!?\"')]”’".contains(c));
    Some(i + trimmed.len())
}

/// `rest.find(|c| c == '@' || c.is_whitespace())`, or the length: ASCII read as bytes.
fn find_mail_stop(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut k = 0;
    while let Some(&b) = bytes.get(k) {
        if b < 0x80 {
            if b == b'@' || (b as char).is_whitespace() {
                return k;
            }
            k += 1;
        } else {
            match rest[k..].chars().next() {
                Some(c) if c.is_whitespace() => return k,
                Some(c) => k += c.len_utf8(),
                None => break,
            }
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| &t[k.start..k.end]).collect()
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(
            toks("at least 3,000 troops, 3.5 million"),
            vec!["at", "least", "3,000", "troops", ",", "3.5", "million"]
        );
    }

    #[test]
    fn acronyms_and_abbreviations_keep_their_dots() {
        assert_eq!(toks("The U.S. said"), vec!["The", "U.S.", "said"]);
        assert_eq!(
            toks("Gen. Smith on Nov. 3"),
            vec!["Gen.", "Smith", "on", "Nov.", "3"]
        );
        assert_eq!(toks("John F. Kennedy"), vec!["John", "F.", "Kennedy"]);
        // Every month and weekday abbreviation of the lexicon keeps its stop; a full name does not.
        assert_eq!(
            toks("Thur. SEPT. May. 4"),
            vec!["Thur.", "SEPT.", "May", ".", "4"]
        );
    }

    #[test]
    fn a_full_stop_glued_to_the_next_word_is_split() {
        assert_eq!(
            toks("respond.I expect"),
            vec!["respond", ".", "I", "expect"]
        );
    }

    #[test]
    fn hyphens_possessives_and_quotes() {
        assert_eq!(
            toks("“Jean-Pierre’s view,” she said."),
            vec![
                "“",
                "Jean-Pierre",
                "’s",
                "view",
                ",",
                "”",
                "she",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn urls_and_emails_are_one_token() {
        assert_eq!(
            toks("see https://example.org/a?b=1."),
            vec!["see", "https://example.org/a?b=1", "."]
        );
        assert_eq!(
            toks("mail content@viewusglobal.com"),
            vec!["mail", "content@viewusglobal.com"]
        );
    }

    #[test]
    fn a_decimal_without_its_zero_is_one_number() {
        assert_eq!(
            toks("odds P<.001 here"),
            vec!["odds", "P", "<", ".001", "here"]
        );
        assert_eq!(toks("a .275 hitter"), vec!["a", ".275", "hitter"]);
        // A stop glued to a word or a number stays a stop.
        assert_eq!(
            toks("it ended.5 more"),
            vec!["it", "ended", ".", "5", "more"]
        );
    }

    #[test]
    fn sentence_final_dot_is_its_own_token() {
        assert_eq!(toks("It ended."), vec!["It", "ended", "."]);
    }

    #[test]
    fn mail_checks_do_not_depend_on_earlier_tokens_of_the_run() {
        assert_eq!(toks("x,a@b.c"), vec!["x,a@b.c"]);
        assert_eq!(toks("(a@b.c)"), vec!["(", "a@b.c", ")"]);
        assert_eq!(toks("a@b@c.d"), vec!["a", "@", "b@c.d"]);
        assert_eq!(toks("WWW.Example.org/x."), vec!["WWW.Example.org/x", "."]);
    }

    /// Found by fuzzing: 80 kB of `"` took seconds, because every token rescanned the rest of
    /// its space-free run looking for a URL or an `@`. Quadratic would take minutes here.
    #[test]
    fn long_runs_without_spaces_are_linear() {
        for unit in ["\"", "ab,", "a@b@", "ab@c,", "é\u{301}."] {
            let text = unit.repeat(400_000 / unit.len());
            let t = std::time::Instant::now();
            let n = tokenize(&text).len();
            assert!(n > 10_000, "{unit:?}");
            assert!(t.elapsed().as_secs() < 3, "{unit:?}: {:?}", t.elapsed());
        }
    }

    /// The byte shortcuts of `word_end` and `find_mail_stop` answer as the character-by-character
    /// reading, at every word start of texts made of the characters that decide them.
    fn shortcuts_agree(s: &str) {
        for (i, c) in s.char_indices() {
            if is_word_char(c) {
                assert_eq!(word_end(s, i), word_end_full(s, i), "{s:?} at {i}");
            }
            let rest = &s[i..];
            let want = rest
                .find(|c: char| c == '@' || c.is_whitespace())
                .unwrap_or(rest.len());
            assert_eq!(find_mail_stop(rest), want, "{rest:?}");
        }
    }

    #[test]
    fn the_byte_shortcuts_read_as_the_full_reading() {
        for s in [
            "U.S. troops, 3,000 of them; Jean-Pierre's AT&T and/or Gen. Smith",
            "respond.I 3.5 1-0 S.Korea_x a@b.c x\u{a0}y é1 1é ab’s 2’s",
            "end.",
            "x",
            "9",
            "a\u{2009}@b",
        ] {
            shortcuts_agree(s);
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_shortcuts_agree_on_any_mix(s in "[aZ09_ ,.'&/@\\-’é²\u{a0}\t\n!]{0,30}") {
            shortcuts_agree(&s);
        }

        #[test]
        fn tokens_are_ordered_non_overlapping_char_boundaries(s in "\\PC{0,200}") {
            let t = tokenize(&s);
            let mut last = 0;
            for k in &t {
                proptest::prop_assert!(k.start >= last && k.end > k.start);
                proptest::prop_assert!(s.is_char_boundary(k.start) && s.is_char_boundary(k.end));
                last = k.end;
            }
        }
    }
}

#[cfg(test)]
mod conll_tokens {
    use super::tokenize;

    /// The CoNLL scorer joins gold tokens with spaces and counts an entity only on gold token
    /// edges: names, codes and scores written as one gold token must stay one token.
    #[test]
    fn space_separated_news_tokens_stay_whole() {
        let t = "U.S. U.N. S.Korea 1-0 1996-08-30 Jean-Pierre Boatmen 's AT&T";
        let got: Vec<&str> = tokenize(t).iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(
            got,
            vec![
                "U.S.",
                "U.N.",
                "S.Korea",
                "1-0",
                "1996-08-30",
                "Jean-Pierre",
                "Boatmen",
                "'s",
                "AT&T"
            ]
        );
    }
}
