//! Numbers: one token read by [`lex`] ("3,000", "13k", "1,000-1,200", "twenty-one", "3-inch"),
//! then a number phrase composed over tokens by [`parse`] ("3.5 million", "two dozen",
//! "one hundred and six", "hundreds of").

use crate::units::{currency_name, glued_scale, iso_code, measure_unit};
use crate::view::View;
use crate::words::{change_verb, full_scale_word, is_dozen, scale_word, small_number, time_unit};

/// What a number measures, when its own tokens say so.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Currency(&'static str),
    Percent,
    Measure(&'static str),
    Time(&'static str),
}

impl Unit {
    pub fn name(&self) -> &'static str {
        match self {
            Unit::Currency(c) => c,
            Unit::Percent => "percent",
            Unit::Measure(m) => m,
            Unit::Time(t) => t,
        }
    }
}

/// One token read as (part of) a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Lexeme {
    /// Digits with optional separators: value, written without separators or decimals, length
    /// of the integer part, leading zero.
    Digits {
        value: f64,
        plain: bool,
        int_len: usize,
        leading_zero: bool,
    },
    /// Digits with a glued scale ("13k", "1.2bn"); `lower_m` marks a glued lower-case "m".
    Scaled { value: f64, lower_m: bool },
    /// A number with a glued unit ("200lbs", "3-inch", "USD115", "28-year-old").
    WithUnit { value: f64, unit: Unit },
    /// A number with a glued noun ("20-member", "3,000-strong").
    WithNoun { value: f64 },
    /// "1,000-1,200", "5k-20k".
    Range { low: f64, high: f64 },
    /// "seven", "twenty-one".
    Word(f64),
    /// "hundred", "million", "bn".
    Scale(f64),
    /// "hundreds", "dozens".
    Vague(f64),
    /// "dozen".
    Dozen,
    /// Ordinals, decades, names with digits, codes, dates: never a figure.
    NotANumber,
    /// Not numeric at all.
    None,
}

/// Reads plain digits with thousands separators and decimals ("1,234,567.89", "12,34,567").
pub fn digits(s: &str) -> Option<(f64, bool, usize, bool)> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    if !s
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
    {
        return None;
    }
    if s.bytes().filter(|&c| c == b'.').count() > 1 {
        return None; // IP addresses, version numbers
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.is_empty() || f.contains(',')) {
        return None;
    }
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let last_ok = groups.last().is_some_and(|g| g.len() == 3);
        // Western (3-digit) or South Asian (2-digit groups then 3) grouping.
        let mid_ok = groups[1..groups.len() - 1]
            .iter()
            .all(|g| g.len() == 3 || g.len() == 2);
        if !(first_ok && last_ok && mid_ok) {
            return None;
        }
    }
    let clean: String = s.chars().filter(|&c| c != ',').collect();
    let value: f64 = clean.parse().ok().filter(|v: &f64| v.is_finite())?;
    let int_digits = int.chars().filter(char::is_ascii_digit).count();
    let leading_zero = int.len() > 1 && int.starts_with('0');
    Some((value, !s.contains([',', '.']), int_digits, leading_zero))
}

/// Value of a written-out number word, including hyphenated tens ("twenty-one").
pub fn number_word(w: &str) -> Option<f64> {
    if let Some(v) = small_number(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let (ta, ub) = (small_number(a)?, small_number(b)?);
    (ta >= 20.0 && ta % 10.0 == 0.0 && (1.0..10.0).contains(&ub)).then_some(ta + ub)
}

fn unit_of(word: &str) -> Option<Unit> {
    if let Some(c) = crate::units::currency_symbol(word) {
        return Some(Unit::Currency(c));
    }
    // "a three-percentage-point margin": the compound's unit is the percent.
    if word == "percent" || word == "pc" || word == "percentage" {
        return Some(Unit::Percent);
    }
    if let Some(u) = measure_unit(word) {
        return Some(Unit::Measure(u));
    }
    if let Some(u) = time_unit(word) {
        return Some(Unit::Time(u));
    }
    if let Some(c) = iso_code(word) {
        return Some(Unit::Currency(c));
    }
    currency_name(word, None).map(Unit::Currency)
}

/// The numeric head of a token ("13" of "13k", "1,000" of "1,000-1,200") and the rest.
fn split_numeric(s: &str) -> (&str, &str) {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() || (matches!(c, ',' | '.') && i > 0) {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    // A trailing separator belongs to the rest ("3." is not a decimal).
    let mut head = &s[..end];
    while head.ends_with([',', '.']) {
        head = &head[..head.len() - 1];
    }
    (head, &s[head.len()..])
}

/// A numeric head with an optional glued scale ("5k", "20"), for range parts.
fn scaled_part(s: &str) -> Option<f64> {
    let (head, rest) = split_numeric(s);
    let (v, ..) = digits(head)?;
    if rest.is_empty() {
        return Some(v);
    }
    glued_scale(rest).map(|m| v * m)
}

/// The digits written before a token's glued scale, and that scale ("150M" gives 150 and a
/// million), for a token the lexer reads as [`Lexeme::Scaled`].
pub fn glued_parts(text: &str) -> Option<(f64, f64)> {
    let (head, rest) = split_numeric(text);
    let (v, ..) = digits(head)?;
    Some((v, glued_scale(rest)?))
}

/// The multiplier a number's written scale gives it: "$6 million", "6 million", "$6M" give a
/// million; a number with no scale gives 1; `None` when the token at `k` starts no number this
/// reads.
pub fn written_scale(v: &View, k: usize, value: f64) -> Option<f64> {
    let raw = match lex(v.text(k), v.lower(k)) {
        Lexeme::Digits { value, .. } | Lexeme::Word(value) => value,
        Lexeme::Scaled { .. } => glued_parts(v.text(k))?.0,
        _ => return None,
    };
    (raw > 0.0).then(|| value / raw)
}

/// Reads one token.
pub fn lex(text: &str, lower: &str) -> Lexeme {
    let first = match text.chars().next() {
        Some(c) => c,
        None => return Lexeme::None,
    };
    if first.is_ascii_digit() {
        return lex_numeric(text, lower);
    }
    // ".05", as the tokeniser keeps a decimal written without its zero.
    if first == '.' && text.as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
        let t = format!("0{text}");
        return lex_numeric(&t, &t.to_ascii_lowercase());
    }
    if !first.is_alphabetic() {
        return Lexeme::None;
    }
    // One lexicon lookup answers `number_word`, `scale_word`, the vague plurals ("hundreds")
    // and `is_dozen`, in that order; only a word with a hyphen needs more (hyphenated tens,
    // compounds).
    let entry = claimtrail_lexicon::number_word(lower);
    if let Some(n) = entry.filter(|n| n.cardinal) {
        return Lexeme::Word(n.value as f64);
    }
    let hyphen = lower.as_bytes().contains(&b'-');
    if hyphen {
        if let Some(v) = number_word(lower) {
            return Lexeme::Word(v);
        }
        // "a half-dozen blockbusters": six.
        if lower == "half-dozen" {
            return Lexeme::Word(6.0);
        }
    }
    if let Some(n) = entry {
        if n.scale {
            return Lexeme::Scale(n.value as f64);
        }
        if n.vague {
            return Lexeme::Vague(n.value as f64);
        }
        if n.dozen {
            return Lexeme::Dozen;
        }
    }
    if !hyphen {
        return letters_then_digits(text);
    }
    // "six-mile", "five-year-old", "one-yen", "twenty-five-year".
    if let Some((a, rest)) = lower.split_once('-') {
        let (value, rest) = match number_word(lower) {
            Some(v) => (v, ""),
            None => match rest.split_once('-') {
                Some((b, r)) if number_word(&format!("{a}-{b}")).is_some() => {
                    (number_word(&format!("{a}-{b}")).unwrap_or(0.0), r)
                }
                _ => match small_number(a) {
                    Some(v) => (v, rest),
                    None => return letters_then_digits(text),
                },
            },
        };
        // "one-and-a-half-year-old": a half more, then what it measures.
        let (value, rest) = match rest.strip_prefix("and-a-half") {
            Some(r) => (value + 0.5, r.strip_prefix('-').unwrap_or(r)),
            None => (value, rest),
        };
        // "one-click", "one-pot pasta", "a one-man show": "one-" before a noun means single,
        // an adjective, not a count ("one-year", "one-mile" stay measures).
        let head = rest.split('-').next().unwrap_or("");
        if value == 1.0 && !rest.is_empty() && unit_of(head).is_none() {
            return Lexeme::NotANumber;
        }
        return compound(value, rest);
    }
    letters_then_digits(text)
}

/// "USD115" is money; "G7", "COVID-19", "F-16" are names.
fn letters_then_digits(text: &str) -> Lexeme {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Lexeme::None;
    }
    let letters: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let rest = &text[letters.len()..];
    if let (Some(code), Some((v, ..))) = (iso_code(&letters), digits(rest)) {
        if letters.chars().all(|c| c.is_ascii_uppercase()) {
            return Lexeme::WithUnit {
                value: v,
                unit: Unit::Currency(code),
            };
        }
    }
    Lexeme::NotANumber
}

/// Ordinal and fraction words ("fourth", "thirds", "half").
fn is_fraction_word(w: &str) -> bool {
    matches!(
        w,
        "half" | "halves" | "quarter" | "quarters" | "first" | "second" | "seconds"
    ) || [
        "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "th",
    ]
    .iter()
    .any(|s| w.ends_with(s) || w.trim_end_matches('s').ends_with(s))
}

/// A number joined by a hyphen to what it measures: "3-inch", "28-year-old", "20-member".
fn compound(value: f64, rest: &str) -> Lexeme {
    let word = rest.split('-').next().unwrap_or("");
    if rest.is_empty() {
        return Lexeme::Word(value);
    }
    if let Some(u) = unit_of(word) {
        return Lexeme::WithUnit { value, unit: u };
    }
    if is_fraction_word(word) {
        return Lexeme::NotANumber; // "one-fourth", "two-thirds"
    }
    // "two-time champion", "a three-time winner": a count of times ("one-time" is "former").
    if word == "time" && value >= 2.0 && rest == "time" {
        return Lexeme::WithNoun { value };
    }
    if word.chars().all(char::is_alphabetic)
        && !matches!(
            word,
            "time" | "off" | "on" | "way" | "state" | "sided" | "stop" | "party" | "all" | "up"
        )
    {
        return Lexeme::WithNoun { value };
    }
    Lexeme::NotANumber
}

fn lex_numeric(text: &str, lower: &str) -> Lexeme {
    let (head, rest) = split_numeric(text);
    let Some((value, plain, int_len, leading_zero)) = digits(head) else {
        return Lexeme::NotANumber;
    };
    if rest.is_empty() {
        return Lexeme::Digits {
            value,
            plain,
            int_len,
            leading_zero,
        };
    }
    let rest_lower = &lower[head.len()..];
    // "5k-20k": a scaled low end joined to a scaled high end.
    if let Some((a, b)) = text.split_once(['-', '–']) {
        if let (Some(lo), Some(hi)) = (scaled_part(a), scaled_part(b)) {
            if !split_numeric(a).1.is_empty() && hi > lo {
                return Lexeme::Range { low: lo, high: hi };
            }
        }
    }
    if let Some(after) = rest.strip_prefix(['-', '–']) {
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            if after.contains(['-', '–']) {
                return Lexeme::NotANumber; // phone numbers, ISO dates
            }
            return match scaled_part(after) {
                // "2023-24" seasons and "9-11" are not ranges of quantities.
                Some(high) if high > value && !(int_len == 4 && plain && value >= 1800.0) => {
                    let (ah, arest) = split_numeric(after);
                    let low = if arest.is_empty() || !split_numeric(head).1.is_empty() {
                        // "5-600" is 500 to 600: the low end drops the high end's zeros.
                        let d = ah.len().saturating_sub(head.len()) as i32;
                        let p = 10f64.powi(d);
                        if d >= 2 && plain && high % p == 0.0 && value * p < high {
                            value * p
                        } else {
                            value
                        }
                    } else {
                        // "5-20k": the scale of the high end applies to the low end.
                        let hv = digits(ah).map_or(high, |d| d.0);
                        if hv > 0.0 {
                            value * high / hv
                        } else {
                            value
                        }
                    };
                    Lexeme::Range { low, high }
                }
                _ => Lexeme::NotANumber,
            };
        }
        // The dash is one byte ('-') or three ('–'): strip it, never slice a fixed width.
        let rest_l = rest_lower.strip_prefix(['-', '–']).unwrap_or(rest_lower);
        return compound(value, rest_l);
    }
    if rest.chars().all(char::is_alphanumeric) {
        if matches!(rest_lower, "st" | "nd" | "rd" | "th") {
            return Lexeme::NotANumber; // ordinals
        }
        if matches!(rest_lower, "s" | "'s") {
            return Lexeme::NotANumber; // decades: "1990s"
        }
        if matches!(
            rest_lower,
            "am" | "pm" | "h" | "hrs" | "gmt" | "utc" | "bst" | "et"
        ) {
            return Lexeme::NotANumber; // times of day
        }
        // "1080p", "720p", "1080i": video formats, not amounts.
        if matches!(rest_lower, "p" | "i")
            && plain
            && matches!(
                value as u32,
                240 | 360 | 480 | 576 | 720 | 1080 | 1440 | 2160 | 4320
            )
        {
            return Lexeme::NotANumber;
        }
        // "3G talk time", "a 5G network": a mobile network's generation, a name ("100G" is a rate).
        if rest == "G" && plain && (2.0..=6.0).contains(&value) && value == value.trunc() {
            return Lexeme::NotANumber;
        }
        if rest == "m" {
            return Lexeme::Scaled {
                value,
                lower_m: true,
            };
        }
        if let Some(m) = glued_scale(rest) {
            return Lexeme::Scaled {
                value: value * m,
                lower_m: false,
            };
        }
        // "1.5C" is a temperature; a lower-case glued "c" or "f" is not.
        if matches!(rest, "c" | "f") {
            return Lexeme::NotANumber;
        }
        // "50MP": megapixels, glued only ("one MP said" is a member of parliament).
        if rest_lower == "mp" {
            return Lexeme::WithUnit {
                value,
                unit: Unit::Measure("megapixel"),
            };
        }
        if let Some(u) = unit_of(rest_lower) {
            return Lexeme::WithUnit { value, unit: u };
        }
    }
    if let Some(u) = measure_unit(rest_lower) {
        return Lexeme::WithUnit {
            value,
            unit: Unit::Measure(u),
        };
    }
    Lexeme::NotANumber
}

/// A number phrase over tokens `first..end`.
#[derive(Debug, Clone)]
pub struct Core {
    pub first: usize,
    pub end: usize,
    pub value: f64,
    /// A bare integer as written ("2024", not "2,024" or "2024.5" or "2 thousand").
    pub plain: bool,
    pub int_len: usize,
    pub leading_zero: bool,
    /// Written in words.
    pub words: bool,
    /// "hundreds of": a floor, not a count.
    pub vague: bool,
    pub unit: Option<Unit>,
    pub high: Option<f64>,
    /// A glued lower-case "m" that is metres unless money precedes ("1.8m" against "$3m").
    pub lower_m: bool,
    /// A glued noun ("20-member").
    pub noun_compound: bool,
    /// A bound the words themselves set ("single-digit": less than 10).
    pub bound: Option<claimtrail_text::Hedge>,
}

impl Core {
    fn new(first: usize, end: usize, value: f64) -> Self {
        Core {
            first,
            end,
            value,
            plain: false,
            int_len: 0,
            leading_zero: false,
            words: false,
            vague: false,
            unit: None,
            high: None,
            lower_m: false,
            noun_compound: false,
            bound: None,
        }
    }
}

/// The token after `i` when it is a separate scale word ("million", "bn", "k").
fn scale_at(v: &View, i: usize) -> Option<f64> {
    let t = v.toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let w = &*t.lower;
    if matches!(w, "k" | "m" | "mm" | "mil") && !t.glued() && t.text != "K" && w != "mm" {
        // "2.33 k" is rare, a lone "m" after a space is usually metres.
        return (w == "k").then_some(1e3);
    }
    if w == "mm" {
        return t.text.eq("MM").then_some(1e6);
    }
    scale_word(w)
}

/// Whether a number phrase may start at a token of lower-cased text `lower`: it holds a digit
/// or a hyphen (the numeric and compound readings of [`lex`]), is a number word of the lexicon
/// (cardinal, scale, vague plural, dozen), or is one of the words [`parse`] reads beyond
/// [`lex`] ("once", "single-digit"'s lead, "tens", "a", "last", "half", …). Asked of nearly
/// every token by `measure`, and false for nearly all of them: most words are turned away
/// without reading [`lex`] and the word tests after it. A token that is none of these is
/// [`Lexeme::None`] to [`lex`] and read by no branch of [`parse`]
/// (`the_guard_turns_away_only_what_parse_turns_away` holds the two equal).
#[inline]
fn may_start(lower: &str) -> bool {
    lower.bytes().any(|b| b.is_ascii_digit() || b == b'-')
        || matches!(
            lower,
            "once"
                | "twice"
                | "thrice"
                | "single"
                | "double"
                | "triple"
                | "tens"
                | "a"
                | "an"
                | "last"
                | "past"
                | "half"
                | "quarter"
        )
        || claimtrail_lexicon::number_word(lower).is_some()
}

/// Parses the number phrase starting at token `i`.
pub fn parse(v: &View, i: usize) -> Option<Core> {
    let t = v.toks.get(i)?;
    if !may_start(&t.lower) {
        return None;
    }
    parse_unguarded(v, i)
}

/// [`parse`] without [`may_start`]: every token read by [`lex`].
fn parse_unguarded(v: &View, i: usize) -> Option<Core> {
    let t = v.toks.get(i)?;
    let lx = lex(t.text, &t.lower);
    match lx {
        Lexeme::Digits {
            value,
            plain,
            int_len,
            leading_zero,
        } => {
            let mut c = Core::new(i, i + 1, value);
            c.plain = plain;
            c.int_len = int_len;
            c.leading_zero = leading_zero;
            if let Some(p) = power(v, i, value) {
                return Some(p);
            }
            // "1 234 567": groups of three after a single space.
            if plain && int_len <= 3 {
                let mut j = i + 1;
                let mut val = value;
                while let Some(n) = v.toks.get(j) {
                    if n.gap != " " && n.gap != "\u{202f}" && n.gap != "\u{a0}" {
                        break;
                    }
                    match digits(n.text) {
                        Some((nv, _, 3, _)) if n.text.len() >= 3 => {
                            val = val * 1000.0 + nv.trunc();
                            if n.text.len() > 3 {
                                val += nv.fract();
                            }
                            j += 1;
                        }
                        _ => break,
                    }
                }
                // "200, 000", "22, 000": thousands written with a space after the comma (text
                // tokenised word by word, or typed so). Only a group of zeros: "rooms 101, 102"
                // is a list.
                if j == i + 1 {
                    while v.text(j) == ","
                        && v.toks.get(j).is_some_and(|t| t.gap.is_empty())
                        && v.toks
                            .get(j + 1)
                            .is_some_and(|t| t.gap == " " && t.text == "000")
                    {
                        val *= 1000.0;
                        j += 2;
                    }
                }
                if j > i + 1 {
                    c.value = val;
                    c.end = j;
                    c.plain = false;
                }
            }
            extend_scales(v, &mut c);
            Some(c)
        }
        Lexeme::Scaled { value, lower_m } => {
            let mut c = Core::new(i, i + 1, value);
            c.lower_m = lower_m;
            extend_scales(v, &mut c);
            Some(c)
        }
        Lexeme::WithUnit { value, unit } => {
            let mut c = Core::new(i, i + 1, value);
            c.unit = Some(unit);
            Some(c)
        }
        Lexeme::WithNoun { value } => {
            let mut c = Core::new(i, i + 1, value);
            c.noun_compound = true;
            Some(c)
        }
        Lexeme::Range { low, high } => {
            let mut c = Core::new(i, i + 1, low);
            c.high = Some(high);
            if let Some(m) = scale_at(v, i + 1) {
                c.value *= m;
                c.high = Some(high * m);
                c.end += 1;
            }
            Some(c)
        }
        Lexeme::Word(_) => words(v, i),
        Lexeme::Scale(_) => words(v, i),
        Lexeme::Dozen => words(v, i).or_else(|| {
            // "the dozen people interviewed", "another dozen people": twelve.
            (i > 0 && matches!(v.lower(i - 1), "the" | "another")).then(|| {
                let mut c = Core::new(i, i + 1, 12.0);
                c.words = true;
                c
            })
        }),
        Lexeme::Vague(floor) => {
            let mut c = Core::new(i, i + 1, floor);
            c.vague = true;
            c.words = true;
            // "tens of thousands", "hundreds of thousands of".
            if v.lower(i + 1) == "of" {
                if let Some(Lexeme::Vague(m)) = v.toks.get(i + 2).map(|t| lex(t.text, &t.lower)) {
                    if m >= 1e3 {
                        c.value = floor * m;
                        c.end = i + 3;
                    }
                }
            }
            Some(c)
        }
        Lexeme::NotANumber => decade_of_values(v, i),
        _ => {
            let w = &*t.lower;
            if let Some(c) = times_counted(v, i).or_else(|| digit_count(v, i)) {
                return Some(c);
            }
            if w == "tens" && v.lower(i + 1) == "of" {
                if let Some(Lexeme::Vague(m)) = v.toks.get(i + 2).map(|t| lex(t.text, &t.lower)) {
                    let mut c = Core::new(i, i + 3, 10.0 * m);
                    c.vague = true;
                    c.words = true;
                    return Some(c);
                }
            }
            if w == "a" {
                if let Some(c) = one_period(v, i) {
                    return Some(c);
                }
                // "a couple of interviews": about two ("the couple" is two people, no amount).
                if v.lower(i + 1) == "couple" && v.lower(i + 2) == "of" {
                    let mut c = Core::new(i, i + 2, 2.0);
                    c.words = true;
                    return Some(c);
                }
            }
            if matches!(w, "last" | "past") {
                if let Some(c) = last_period(v, i) {
                    return Some(c);
                }
            }
            if matches!(w, "a" | "an" | "half" | "quarter") {
                return words(v, i);
            }
            None
        }
    }
}

/// "US1" after "$" in "$US1 million": the dollar's country (capitals) glued to digits, read as
/// the number with its scale words, and the currency the letters name.
pub fn coded_dollar(v: &View, i: usize) -> Option<(&'static str, Core)> {
    let t = v.toks.get(i).filter(|t| t.glued())?;
    let n = t.text.bytes().take_while(u8::is_ascii_uppercase).count();
    if !(1..=3).contains(&n) {
        return None;
    }
    let code = crate::units::dollar_prefix(&t.lower[..n])?;
    let rest = &t.text[n..];
    let mut c = match lex_numeric(rest, &t.lower[n..]) {
        Lexeme::Digits { value, .. } => Core::new(i, i + 1, value),
        Lexeme::Scaled { value, .. } => Core::new(i, i + 1, value),
        _ => return None,
    };
    extend_scales(v, &mut c);
    Some((code, c))
}

/// Largest exponent read in "2^N": beyond it the value is no count anyone writes.
const MAX_EXPONENT: i32 = 64;

/// "2^15", "2^15 - 1": a power written with a caret, and a small integer added or taken away.
fn power(v: &View, i: usize, base: f64) -> Option<Core> {
    let glued = |k: usize| v.toks.get(k).is_some_and(|t| t.glued());
    if v.text(i + 1) != "^" || !glued(i + 1) || !glued(i + 2) {
        return None;
    }
    let exp: i32 = v.text(i + 2).parse().ok()?;
    if !(0..=MAX_EXPONENT).contains(&exp) {
        return None;
    }
    let mut c = Core::new(i, i + 3, base.powi(exp));
    let sign = match v.text(i + 3) {
        "-" | "−" | "–" => -1.0,
        "+" => 1.0,
        _ => 0.0,
    };
    if sign != 0.0 {
        if let Some((k, true, 1..=3, false)) = digits(v.text(i + 4)) {
            if k < c.value {
                c.value += sign * k;
                c.end = i + 5;
            }
        }
    }
    Some(c)
}

/// "only once", "at least twice": a count of times, when a bound or "only" says it is one
/// ("once the war ended" is a conjunction, "at once" an adverb).
fn times_counted(v: &View, i: usize) -> Option<Core> {
    let value = match v.lower(i) {
        "once" => 1.0,
        "twice" => 2.0,
        "thrice" => 3.0,
        _ => return None,
    };
    let prev = if i > 0 { v.lower(i - 1) } else { "" };
    let counted = matches!(prev, "only" | "just" | "exactly" | "than")
        || prev == "least" && i >= 2 && v.lower(i - 2) == "at";
    if !counted {
        return None;
    }
    let mut c = Core::new(i, i + 1, value);
    c.words = true;
    Some(c)
}

/// "single-digit rates" (below ten), "double-digit growth" (ten or more), "triple-digit".
fn digit_count(v: &View, i: usize) -> Option<Core> {
    use claimtrail_text::Hedge;
    let w = v.lower(i);
    let (lead, end) = match w
        .strip_suffix("-digit")
        .or_else(|| w.strip_suffix("-digits"))
    {
        Some(lead) => (lead, i + 1),
        None if matches!(v.lower(i + 1), "digit" | "digits") => (w, i + 2),
        None => return None,
    };
    let (value, bound) = match lead {
        "single" => (10.0, Hedge::LessThan),
        "double" => (10.0, Hedge::AtLeast),
        "triple" => (100.0, Hedge::AtLeast),
        _ => return None,
    };
    let mut c = Core::new(i, end, value);
    c.words = true;
    c.bound = Some(bound);
    Some(c)
}

/// "climbed into the 40s", "in the upper 60s", "in their 50s": a level somewhere in a span of
/// ten. "The 50s" alone is as often a decade of years, so a change of level, a low/mid/upper
/// qualifier or a possessive (an age) must say it is an amount.
fn decade_of_values(v: &View, i: usize) -> Option<Core> {
    let tens: f64 = v.text(i).strip_suffix('s')?.parse().ok()?;
    if !(10.0..100.0).contains(&tens) || tens % 10.0 != 0.0 || v.text(i).len() != 3 {
        return None;
    }
    let mut k = i.checked_sub(1)?;
    let qualified = matches!(v.lower(k), "low" | "lower" | "mid" | "upper" | "high");
    if qualified {
        k = k.checked_sub(1)?;
    }
    let owner = matches!(v.lower(k), "their" | "his" | "her" | "our" | "my" | "your");
    let level = v.lower(k) == "the"
        && k >= 1
        && (qualified
            || matches!(v.lower(k - 1), "into" | "to") && k >= 2 && change_verb(v.lower(k - 2)));
    if !owner && !level {
        return None;
    }
    let mut c = Core::new(i, i + 1, tens);
    c.high = Some(tens + 9.0);
    c.words = true;
    Some(c)
}

/// "more than a century", "for a week": one period of time as a duration, when a bound or a
/// preposition of duration comes before it; not a rate ("600 breaks a year", "twice a week")
/// nor a point in time ("a year ago"). A century and a decade count in years, as news means them.
fn one_period(v: &View, i: usize) -> Option<Core> {
    let (value, unit) = match v.lower(i + 1) {
        "century" => (100.0, "year"),
        "quarter-century" => (25.0, "year"),
        "decade" => (10.0, "year"),
        "year" => (1.0, "year"),
        "month" => (1.0, "month"),
        "week" => (1.0, "week"),
        _ => return None,
    };
    let before = if i > 0 { v.lower(i - 1) } else { "" };
    let bounded = matches!(
        before,
        "than"
            | "nearly"
            | "almost"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "over"
            | "under"
            | "within"
            | "least"
            | "most"
            | "to"
            | "for"
            | "in"
    );
    // "in a year when voters...", "in a week that": a point in time the clause names.
    if !bounded
        || matches!(
            v.lower(i + 2),
            "ago" | "-" | "–" | "when" | "where" | "that" | "which"
        )
    {
        return None;
    }
    let mut c = Core::new(i, i + 2, value);
    c.words = true;
    c.unit = Some(Unit::Time(unit));
    Some(c)
}

/// "over the last decade", "in the past quarter-century": the span up to now, in years. Not
/// "the last century" or "the last year", which as often name a period as measure one.
fn last_period(v: &View, i: usize) -> Option<Core> {
    let value = match v.lower(i + 1) {
        "decade" => 10.0,
        "quarter-century" => 25.0,
        _ => return None,
    };
    let span = i >= 2
        && v.lower(i - 1) == "the"
        && matches!(v.lower(i - 2), "over" | "in" | "during" | "for" | "across");
    if !span {
        return None;
    }
    let mut c = Core::new(i, i + 2, value);
    c.words = true;
    c.unit = Some(Unit::Time("year"));
    Some(c)
}

/// "3.5 million", "2 dozen", "4 thousand 3 hundred and 21" after a digit token.
fn extend_scales(v: &View, c: &mut Core) {
    let mut j = c.end;
    let mut scaled = false;
    let mut last_scale = f64::INFINITY;
    while let Some(m) = scale_at(v, j) {
        c.value *= m;
        j += 1;
        scaled = true;
        last_scale = m;
    }
    if is_dozen(v.lower(j)) {
        c.value *= 12.0;
        j += 1;
        scaled = true;
    }
    if scaled {
        c.plain = false;
        // "4 thousand 3 hundred and 21".
        if let Some(w) = words_from(v, j, Some((c.value, last_scale))) {
            if w.end > j {
                c.value = w.value;
                j = w.end;
            }
        }
    }
    c.end = j;
}

fn words(v: &View, i: usize) -> Option<Core> {
    words_from(v, i, None)
}

#[derive(PartialEq, Clone, Copy)]
enum Last {
    Start,
    Unit,
    Tens,
    Hundred,
    Big,
    And,
}

/// Composes number words from token `i`; `seed` continues a phrase begun with digits.
fn words_from(v: &View, i: usize, seed: Option<(f64, f64)>) -> Option<Core> {
    let (mut total, mut last_big) = seed.unwrap_or((0.0, f64::INFINITY));
    let mut current = 0.0;
    let mut last = if seed.is_some() {
        Last::Big
    } else {
        Last::Start
    };
    let mut j = i;
    let mut end = i;
    let mut any = false;
    while let Some(t) = v.toks.get(j) {
        let w = &*t.lower;
        let lx = lex(t.text, w);
        match lx {
            Lexeme::Word(n) => {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Big | Last::And => true,
                    Last::Tens => n < 10.0 && n > 0.0,
                    Last::Unit => false,
                };
                if !ok {
                    break;
                }
                // "three quarters of a million": that share of the scale.
                let share = match v.lower(j + 1) {
                    "quarters" => Some(0.25),
                    "thirds" => Some(1.0 / 3.0),
                    _ => None,
                };
                if let (Some(f), Last::Start) = (share, last) {
                    if v.lower(j + 2) == "of"
                        && v.lower(j + 3) == "a"
                        && matches!(
                            v.toks.get(j + 4).map(|t| lex(t.text, &t.lower)),
                            Some(Lexeme::Scale(s)) if s >= 1e3
                        )
                    {
                        current = n * f;
                        last = Last::Unit;
                        any = true;
                        j += 4;
                        continue;
                    }
                }
                current += n;
                last = if n >= 20.0 && n % 10.0 == 0.0 {
                    Last::Tens
                } else {
                    Last::Unit
                };
                any = true;
                end = j + 1;
            }
            Lexeme::Digits {
                value, plain: true, ..
            } if matches!(last, Last::Big | Last::Hundred | Last::And) && seed.is_some() => {
                current += value;
                last = Last::Unit;
                end = j + 1;
            }
            // Abbreviated scales ("k", "bn") need a number before them.
            Lexeme::Scale(_) if last == Last::Start && !full_scale_word(w) => break,
            Lexeme::Scale(100.0) => {
                if matches!(last, Last::Hundred) {
                    break;
                }
                current = if current == 0.0 { 1.0 } else { current } * 100.0;
                last = Last::Hundred;
                any = true;
                end = j + 1;
            }
            Lexeme::Scale(m) => {
                let base = if current == 0.0 && total == 0.0 {
                    1.0
                } else {
                    current
                };
                if last == Last::Big && current == 0.0 && m > 1.0 {
                    // "three lakh crore"
                    total *= m;
                } else if m > last_big {
                    total = (total + base) * m;
                } else {
                    total += base * m;
                }
                last_big = m;
                current = 0.0;
                last = Last::Big;
                any = true;
                end = j + 1;
            }
            _ if is_dozen(w) && last != Last::Start => {
                let base = if current == 0.0 { 1.0 } else { current };
                current = base * 12.0;
                last = Last::Big;
                any = true;
                end = j + 1;
            }
            _ => {
                if (w == "a" || w == "an") && last == Last::Start {
                    // "a dozen", "a million": "a" counts one only before a scale.
                    match v.toks.get(j + 1).map(|n| lex(n.text, &n.lower)) {
                        Some(Lexeme::Scale(_) | Lexeme::Dozen) => {
                            current = 1.0;
                            last = Last::Unit;
                            j += 1;
                            continue;
                        }
                        // "a half dozen", "a half million": half the scale.
                        Some(_)
                            if v.lower(j + 1) == "half"
                                && matches!(
                                    v.toks.get(j + 2).map(|n| lex(n.text, &n.lower)),
                                    Some(Lexeme::Scale(_) | Lexeme::Dozen)
                                ) =>
                        {
                            current = 0.5;
                            last = Last::Unit;
                            j += 2;
                            continue;
                        }
                        Some(_) if v.lower(j + 1) == "quarter" => {
                            // "a quarter million", "a quarter of a million": a quarter of the scale.
                            let k = if v.lower(j + 2) == "of" && v.lower(j + 3) == "a" {
                                j + 4
                            } else {
                                j + 2
                            };
                            if let Some(Lexeme::Scale(_)) =
                                v.toks.get(k).map(|n| lex(n.text, &n.lower))
                            {
                                current = 0.25;
                                last = Last::Unit;
                                j = k;
                                continue;
                            }
                            break;
                        }
                        _ => break,
                    }
                }
                if (w == "half" || w == "quarter") && last == Last::Start {
                    let f = if w == "half" { 0.5 } else { 0.25 };
                    // "half a dozen", "half a million", "half million".
                    let k = if v.lower(j + 1) == "a" { j + 2 } else { j + 1 };
                    match v.toks.get(k).map(|n| lex(n.text, &n.lower)) {
                        Some(Lexeme::Scale(_) | Lexeme::Dozen) => {
                            current = f;
                            last = Last::Unit;
                            j = k;
                            continue;
                        }
                        _ => break,
                    }
                }
                if w == "and" && matches!(last, Last::Hundred | Last::Big | Last::Unit | Last::Tens)
                {
                    // "one hundred and six", "two and a half million", "five and a half years".
                    if v.lower(j + 1) == "a" && v.lower(j + 2) == "half" {
                        // "two and a half" adds a half; "one million and a half" half a million.
                        let scale_next = matches!(
                            v.toks.get(j + 3).map(|n| lex(n.text, &n.lower)),
                            Some(Lexeme::Scale(_))
                        );
                        if scale_next && last == Last::Big {
                            // "one billion and a half million": half of the next scale.
                            total += current;
                            current = 0.5;
                            j += 3;
                            end = j;
                            last = Last::Unit;
                            continue;
                        }
                        if last == Last::Big && last_big.is_finite() {
                            total += 0.5 * last_big;
                        } else {
                            current += 0.5;
                        }
                        end = j + 3;
                        j += 3;
                        last = Last::Unit;
                        continue;
                    }
                    let next = v.toks.get(j + 1).map(|n| lex(n.text, &n.lower));
                    let ok = matches!(next, Some(Lexeme::Word(_)))
                        || (seed.is_some() && matches!(next, Some(Lexeme::Digits { .. })));
                    // A phrase begun with digits joins "and" only after "hundred" ("3 hundred and
                    // 21"): "$1 million and 40 inches", "$2 million and two houses" are two figures.
                    let hundred = last == Last::Hundred || last == Last::Big && last_big == 100.0;
                    let ok = ok && (seed.is_none() || hundred);
                    if ok && matches!(last, Last::Hundred | Last::Big) {
                        last = Last::And;
                        j += 1;
                        continue;
                    }
                }
                if w == "-" && last == Last::Tens && t.kind == claimtrail_text::TokenKind::Punct {
                    // "fifty - two"
                    if let Some(Lexeme::Word(n)) = v.toks.get(j + 1).map(|n| lex(n.text, &n.lower))
                    {
                        if n < 10.0 {
                            j += 1;
                            continue;
                        }
                    }
                }
                break;
            }
        }
        j += 1;
    }
    if !any && seed.is_none() || end == i {
        return None;
    }
    let mut c = Core::new(i, end, total + current);
    c.words = true;
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_text::Doc;

    /// `parse` and `parse_unguarded` read the same at every token of `text`.
    fn guard_agrees(text: &str) -> usize {
        let doc = Doc::new(text);
        let lower = crate::view::lowered(&doc);
        let mut guarded = 0;
        for s in &doc.sentences {
            let v = View::new(&doc, s, &lower);
            for i in 0..v.len() {
                let a = parse(&v, i);
                let b = parse_unguarded(&v, i);
                assert_eq!(
                    format!("{a:?}"),
                    format!("{b:?}"),
                    "{:?} in {:?}",
                    v.toks[i].text,
                    v.toks[i.saturating_sub(3)..(i + 4).min(v.len())]
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                );
                guarded += usize::from(!may_start(&v.toks[i].lower));
            }
        }
        guarded
    }

    /// Every token of the fixtures, every number word of the lexicon in its forms (with each
    /// word the guard lets through, capitalised and not, before the words `parse` reads after
    /// it), and the tokens of made-up sentences: the guard turns away only what `parse`
    /// turns away.
    #[test]
    fn the_guard_turns_away_only_what_parse_turns_away() {
        let mut guarded = 0;
        for src in [
            include_str!("../tests/fixtures/news_dev.json"),
            include_str!("../tests/fixtures/news_dev2.json"),
            include_str!("../tests/fixtures/news_dev3.json"),
            include_str!("../tests/fixtures/news_dev4.json"),
            include_str!("../tests/fixtures/news_dev5.json"),
            include_str!("../tests/fixtures/recognizers_en.json"),
            include_str!("tests.rs"),
        ] {
            guarded += guard_agrees(src);
        }
        assert!(guarded > 10_000, "{guarded}");
        let mut words: Vec<String> = Vec::new();
        for w in lexicon_number_words() {
            words.extend([
                w.clone(),
                format!("{w}s"),
                format!("{w}-year"),
                format!("{w}-digit"),
                format!("x{w}"),
            ]);
        }
        words.extend(
            [
                "once",
                "twice",
                "thrice",
                "single",
                "double",
                "triple",
                "tens",
                "a",
                "an",
                "last",
                "past",
                "half",
                "quarter",
                "dozen",
                "hundreds",
                "single-digit",
                "double-digits",
                "40s",
                ".05",
                "USD115",
                "US1",
                "said",
                "the",
                "digit",
            ]
            .map(String::from),
        );
        let tails = [
            "",
            "digit",
            "digits",
            "of thousands",
            "of",
            "year",
            "years ago",
            "century",
            "couple of",
            "million",
            "dozen people",
            "times",
            "a week",
            "percent",
        ];
        for w in &words {
            for lead in [
                "",
                "only",
                "at least",
                "more than",
                "in the upper",
                "for",
                "into the",
            ] {
                for tail in tails {
                    for word in [w.clone(), w.to_uppercase()] {
                        guard_agrees(&format!("{lead} {word} {tail}"));
                    }
                }
            }
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// Sentences of random words and number-like pieces.
        #[test]
        fn the_guard_agrees_on_made_up_words(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-zA-Z]{1,8}",
                    "[0-9]{1,4}",
                    "[0-9a-z.,\\-]{1,8}",
                    proptest::sample::select(vec![
                        "a", "an", "half", "quarter", "tens", "once", "twice", "single", "double",
                        "digit", "of", "hundreds", "thousands", "dozen", "million", "last", "past",
                        "year", "week", "at", "least", "only", "the", "$", "US1", "-", "^", "2",
                    ]).prop_map(String::from),
                ],
                1..12,
            )
        ) {
            guard_agrees(&parts.join(" "));
        }
    }

    /// `lex` as it read a word before its one lookup: four lookups in turn, then the hyphen.
    fn lex_by_four_lookups(text: &str, lower: &str) -> Lexeme {
        if let Some(v) = number_word(lower) {
            return Lexeme::Word(v);
        }
        if let Some(m) = scale_word(lower) {
            return Lexeme::Scale(m);
        }
        let vague = claimtrail_lexicon::number_word(lower).filter(|n| n.vague);
        if let Some(n) = vague {
            return Lexeme::Vague(n.value as f64);
        }
        if is_dozen(lower) {
            return Lexeme::Dozen;
        }
        if lower.contains('-') {
            return lex(text, lower); // the hyphen's reading follows unchanged
        }
        letters_then_digits(text)
    }

    /// Every number word of the lexicon's list, lower-cased: the words the tests vary.
    fn lexicon_number_words() -> Vec<String> {
        include_str!("../../lexicon/data/numbers.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split('|').next().unwrap_or("").trim().to_lowercase())
            .collect()
    }

    #[test]
    fn one_lookup_reads_words_as_the_four_did() {
        let mut words: Vec<String> = Vec::new();
        for w in lexicon_number_words() {
            for form in [
                w.clone(),
                format!("{w}s"),
                format!("{w}-year"),
                format!("{w}-one"),
                format!("twenty-{w}"),
                format!("{w}-fourth"),
                format!("{w}-plus"),
                format!("{w}-{w}-old"),
                format!("usd{w}"),
            ] {
                words.push(form);
            }
        }
        words.extend(
            [
                "said",
                "the",
                "usd115",
                "covid-19",
                "f-16",
                "g7",
                "well-known",
                "a",
                "an",
                "-",
            ]
            .map(String::from),
        );
        for lower in &words {
            if !lower.starts_with(char::is_alphabetic) {
                continue;
            }
            let upper = lower.to_uppercase();
            for text in [lower.as_str(), upper.as_str()] {
                assert_eq!(
                    lex(text, lower),
                    lex_by_four_lookups(text, lower),
                    "{text:?}"
                );
            }
        }
    }

    fn value(s: &str) -> Option<(f64, String)> {
        let d = Doc::new(s);
        let l = crate::view::lowered(&d);
        let v = View::new(&d, &d.sentences[0], &l);
        let c = parse(&v, 0)?;
        let (a, b) = v.span(c.first, c.end);
        Some((c.value, s[a..b].to_string()))
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(digits("1,234,567"), Some((1234567.0, false, 7, false)));
        assert_eq!(digits("12,34,567.5").map(|d| d.0), Some(1234567.5));
        assert_eq!(digits("3000"), Some((3000.0, true, 4, false)));
        assert_eq!(digits("22,24,26"), None);
        assert_eq!(digits("192.168.1"), None);
    }

    #[test]
    fn composed_numbers() {
        assert_eq!(value("3.5 million people").unwrap().0, 3.5e6);
        assert_eq!(value("two dozen").unwrap().0, 24.0);
        assert_eq!(value("ten thousand").unwrap().0, 1e4);
        assert_eq!(value("one hundred and sixty-one").unwrap().0, 161.0);
        assert_eq!(value("two hundred and two thousand").unwrap().0, 202000.0);
        assert_eq!(
            value("twenty-one trillion three hundred").unwrap().0,
            21e12 + 300.0
        );
        assert_eq!(value("13k").unwrap().0, 13000.0);
        assert_eq!(value("half a dozen").unwrap().0, 6.0);
        assert_eq!(value("a dozen eggs").unwrap(), (12.0, "a dozen".into()));
        assert_eq!(value("three lakh crore").unwrap().0, 3e12);
        assert_eq!(value("two and a half million").unwrap().0, 2.5e6);
        assert_eq!(value("40 000 people").unwrap().0, 40000.0);
    }

    #[test]
    fn words_that_do_not_compose_stop() {
        assert_eq!(value("three four").unwrap(), (3.0, "three".into()));
        assert!(value("a man").is_none());
    }

    #[test]
    fn tokens_that_are_not_numbers() {
        assert_eq!(lex("56th", "56th"), Lexeme::NotANumber);
        assert_eq!(lex("COVID-19", "covid-19"), Lexeme::NotANumber);
        assert_eq!(lex("G7", "g7"), Lexeme::NotANumber);
        assert_eq!(lex("1990s", "1990s"), Lexeme::NotANumber);
        assert_eq!(lex("2024-10-24", "2024-10-24"), Lexeme::NotANumber);
        assert_eq!(lex("2023-24", "2023-24"), Lexeme::NotANumber);
        assert_eq!(
            lex("1,000-1,200", "1,000-1,200"),
            Lexeme::Range {
                low: 1000.0,
                high: 1200.0
            }
        );
        assert_eq!(
            lex("3-inch", "3-inch"),
            Lexeme::WithUnit {
                value: 3.0,
                unit: Unit::Measure("inch")
            }
        );
    }
}
