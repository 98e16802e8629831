//! A measured number: currency before it ("$", "USD", "₹"), the number phrase, the unit after it
//! ("percent", "euros", "km", "years") and a second number that makes it a range ("1,000 to
//! 1,200", "between 3,000 and 5,000", "$5-$10 million").

use crate::number::{self, Core, Lexeme, Unit};
use crate::units::{
    currency_name, currency_symbol, dollar_prefix, iso_code, measure_unit, million_code,
};
use crate::view::View;
use crate::words::{change_verb, time_unit};

#[derive(Debug, Clone)]
pub struct Measured {
    /// First token (currency prefix or number).
    pub first: usize,
    /// End of number and unit (exclusive).
    pub end: usize,
    pub core: Core,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: Option<Unit>,
    /// "between X and Y": the range word before the first number.
    pub range_opener: Option<usize>,
    /// A currency written before the number.
    pub money_prefix: bool,
    /// A glued lower-case "m" read as metres; a sentence that used it for millions elsewhere
    /// means millions here too ("4.5m passengers ..., up from 3.1m").
    pub m_as_metres: bool,
    /// A glued "+" after the number ("30+ days"), "-plus" or "-something": at least.
    pub plus: bool,
    /// A glued "-odd" ("40-odd flats"): about.
    pub odd: bool,
    /// "4 in 10", "one in three": a share of a population, its denominator part of the text.
    pub proportion: bool,
}

/// Denominators of a share written "N in M" ("4 in 10 voters", "one in five", "1 in 100").
fn share_denominator(d: f64) -> bool {
    d == d.trunc() && ((2.0..=10.0).contains(&d) || matches!(d as i64, 20 | 50 | 100 | 1000))
}

/// End of "in M" after a count `value` ending at token `k`, when the two make a share.
fn denominator_end(v: &View, k: usize, value: f64) -> Option<usize> {
    if v.lower(k) != "in" {
        return None;
    }
    let d = number::parse(v, k + 1)?;
    let single = d.end == d.first + 1 && d.unit.is_none() && d.high.is_none() && !d.vague;
    (single && share_denominator(d.value) && value < d.value && value >= 0.0).then_some(d.end)
}

/// Currency written before a number at `i`: its code and the token where the number starts.
fn currency_prefix(v: &View, i: usize) -> Option<(&'static str, usize)> {
    let t = v.toks.get(i)?;
    if let Some(code) = currency_symbol(t.text) {
        return Some((code, i + 1));
    }
    let w = &*t.lower;
    // "US$", "C$", "HK $", "usd$".
    if v.text(i + 1) == "$" {
        if let Some(code) = dollar_prefix(w) {
            // "A$", "S$" glued; "a $5 fee" and "music's $5" are English words before a dollar.
            let glued = v.toks.get(i + 1).is_some_and(|d| d.glued());
            let word_like = matches!(w, "a" | "s" | "r" | "can" | "mex" | "nt" | "ca" | "au");
            if !word_like || glued && t.capitalized() {
                return Some((code, i + 2));
            }
        }
    }
    if matches!(t.text, "Rs" | "Rs." | "rs." | "INR") {
        return Some(("INR", i + 1));
    }
    iso_prefix(t.text).map(|code| (code, i + 1))
}

/// An ISO code written before a number. "USD 800 million" but not "ALL 5 solutions": codes are
/// written in capitals, so a token is tested for three capitals before the codes are searched
/// (asked of every token, the search ran for every three-letter word: "the", "and").
#[inline]
fn iso_prefix(text: &str) -> Option<&'static str> {
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase()) && text != "ALL" {
        iso_code(text)
    } else {
        None
    }
}

/// Unit words after a number at `k`: the unit, the token after it and a multiplier ("30 MUSD").
fn unit_after(v: &View, k: usize, value: f64, scaled: bool) -> Option<(Unit, usize, f64)> {
    let t = v.toks.get(k)?;
    let w = &*t.lower;
    if t.text == "%" {
        return Some((Unit::Percent, k + 1, 1.0));
    }
    match w {
        "percent" | "percents" | "pct" | "percentage" => {
            let e = if matches!(v.lower(k + 1), "point" | "points") {
                k + 2
            } else {
                k + 1
            };
            return Some((Unit::Percent, e, 1.0));
        }
        "per" if v.lower(k + 1) == "cent" => return Some((Unit::Percent, k + 2, 1.0)),
        _ => {}
    }
    // Trailing symbols other than "$" ("100 ₡", "50 €").
    if let Some(c) = currency_symbol(t.text).filter(|_| t.text != "$") {
        return Some((Unit::Currency(c), k + 1, 1.0));
    }
    let common_lower = matches!(
        w,
        "usd" | "eur" | "gbp" | "rmb" | "jpy" | "cny" | "inr" | "chf"
    );
    if t.text.len() == 3 && (t.text.chars().all(|c| c.is_ascii_uppercase()) || common_lower) {
        if let Some(c) = iso_code(t.text) {
            return Some((Unit::Currency(c), k + 1, 1.0));
        }
    }
    if let Some(c) = million_code(t.text) {
        return Some((Unit::Currency(c), k + 1, 1e6));
    }
    // "US dollars", "swiss francs", "australian dollars".
    if let Some(c) = currency_name(v.lower(k + 1), Some(w)) {
        if !matches!(w, "the" | "a" | "in" | "of") {
            return Some((Unit::Currency(c), k + 2, 1.0));
        }
    }
    if w == "pounds" || w == "pound" {
        // Pounds sterling when large or said so; pounds of weight otherwise.
        if v.lower(k + 1) == "sterling" {
            return Some((Unit::Currency("GBP"), k + 2, 1.0));
        }
        if scaled || value >= 1e5 {
            return Some((Unit::Currency("GBP"), k + 1, 1.0));
        }
        return Some((Unit::Measure("lb"), k + 1, 1.0));
    }
    if let Some(c) = currency_name(w, None) {
        return Some((Unit::Currency(c), k + 1, 1.0));
    }
    // Single letters after a space are rarely units ("5 m" is, "5 t" or "5 g" seldom).
    let single = w.chars().count() == 1 && w != "m" || matches!(w, "f" | "c");
    if matches!(w, "square" | "sq" | "sq.") {
        if let Some(u) = measure_unit(v.lower(k + 1)) {
            let area = match u {
                "km" => "km²",
                "m" => "m²",
                "mile" => "square mile",
                "foot" => "square foot",
                _ => u,
            };
            return Some((Unit::Measure(area), k + 2, 1.0));
        }
    }
    if w == "metric" {
        if let Some(u) = measure_unit(v.lower(k + 1)) {
            return Some((Unit::Measure(u), k + 2, 1.0));
        }
    }
    if w == "cubic" {
        if let Some(u) = measure_unit(v.lower(k + 1)) {
            return Some((
                Unit::Measure(if u == "foot" { "cubic foot" } else { u }),
                k + 2,
                1.0,
            ));
        }
    }
    if !single && !matches!(w, "in." | "point" | "points") {
        if let Some(u) = measure_unit(w) {
            // "miles an hour", "km per hour".
            if matches!(u, "mile" | "km")
                && matches!(v.lower(k + 1), "an" | "per" | "a")
                && v.lower(k + 2) == "hour"
            {
                return Some((
                    Unit::Measure(if u == "km" { "km/h" } else { "mph" }),
                    k + 3,
                    1.0,
                ));
            }
            return Some((Unit::Measure(u), k + 1, 1.0));
        }
    }
    if matches!(w, "point" | "points") && v.lower(k.wrapping_sub(1)) != "percentage" {
        return Some((Unit::Measure("point"), k + 1, 1.0));
    }
    if let Some(u) = time_unit(w) {
        return Some((Unit::Time(u), k + 1, 1.0));
    }
    // "15 extra minutes", "three more years", "10 straight days": a word between the count and
    // its span of time.
    if matches!(
        w,
        "extra" | "additional" | "more" | "straight" | "consecutive" | "further"
    ) {
        if let Some(u) = time_unit(v.lower(k + 1)) {
            return Some((Unit::Time(u), k + 2, 1.0));
        }
    }
    // "20 (kg)", "20 [kg]".
    if matches!(t.text, "(" | "[" | "{" | "<") {
        if let Some(u) = measure_unit(v.lower(k + 1)) {
            if matches!(v.text(k + 2), ")" | "]" | "}" | ">") {
                return Some((Unit::Measure(u), k + 3, 1.0));
            }
        }
    }
    None
}

/// The number, currency and unit starting at token `i`.
pub fn at(v: &View, i: usize) -> Option<Measured> {
    at_within(v, i, RANGE_LOOKAHEAD)
}

/// How many endpoints ahead a range looks: "3 to 5 to 7" is no range at 3 because 5 to 7 is
/// one, which takes two. Unbounded, "3 to 3 to ..." recursed once per link: quadratic, and a
/// long chain overflowed the stack (an abort no caller can catch).
const RANGE_LOOKAHEAD: usize = 2;

/// [`at`], extending ranges through at most `lookahead` further endpoints.
fn at_within(v: &View, i: usize, lookahead: usize) -> Option<Measured> {
    let (mut prefix, j) = match currency_prefix(v, i) {
        Some((c, j)) => (Some(c), j),
        None => (None, i),
    };
    let mut core = match number::parse(v, j) {
        Some(c) => c,
        // "$US1 million", "$A50": the country written after the dollar sign, glued to the number.
        None if v.text(i) == "$" && j == i + 1 => {
            let (code, c) = number::coded_dollar(v, j)?;
            prefix = Some(code);
            c
        }
        None => return None,
    };
    let mut value = core.value;
    let mut high = core.high;
    let mut unit = core.unit;
    let mut m_as_metres = false;
    if core.lower_m {
        // "$3m", "4.5m passengers" are millions; "1.8m tall", "100m sprint" metres.
        let next = v.toks.get(core.end);
        let plural_noun = next.is_some_and(|t| {
            t.is_word()
                && !t.capitalized()
                && t.lower.len() > 3
                && t.lower.ends_with('s')
                && !crate::words::ends_phrase(&t.lower)
        });
        if prefix.is_some() || plural_noun {
            value *= 1e6;
        } else {
            unit = Some(Unit::Measure("m"));
            m_as_metres = true;
        }
        core.lower_m = false;
    }
    if let Some(c) = prefix {
        unit = Some(Unit::Currency(c));
    }
    let mut end = core.end;
    // "30+ days": the plus belongs to the hedge, the unit still follows.
    // "500-plus", "$16-something" (16 and more, below the next ten): at least; "40-odd": about.
    let glued_word = v.lower(core.first);
    let mut plus = glued_word.ends_with("-plus") || glued_word.ends_with("-something");
    let odd = glued_word.ends_with("-odd") || v.lower(core.first + 1) == "couple";
    if v.text(end) == "+" && v.toks.get(end).is_some_and(|t| t.glued()) {
        plus = true;
        end += 1;
    }
    let scaled = !core.plain && core.value != core.value.trunc() || core.end > core.first + 1;
    if unit.is_none() || matches!(unit, Some(Unit::Currency(_))) && prefix.is_some() {
        if let Some((u, e, mult)) = unit_after(v, end, value, scaled) {
            let fits = match (prefix, u) {
                (None, _) => true,
                // "$ 10 dollars", "US$ 5 million USD".
                (Some(_), Unit::Currency(_)) => true,
                _ => false,
            };
            if fits && (!core.vague || matches!(u, Unit::Currency(_))) {
                unit = Some(u);
                value *= mult;
                end = e;
            }
        }
        // "millions of dollars", "thousands of years": what a vague amount counts, after "of",
        // is its unit when it is money, time or a measure (the floor stays the value).
        if core.vague && unit.is_none() && prefix.is_none() && v.lower(end) == "of" {
            if let Some((u, e, mult)) = unit_after(v, end + 1, value, true) {
                if mult == 1.0 && matches!(u, Unit::Currency(_) | Unit::Time(_) | Unit::Measure(_))
                {
                    unit = Some(u);
                    end = e;
                }
            }
        }
    }
    // "4 in 10 voters": one figure, a share; the 10 is no count of its own.
    let mut proportion = false;
    if unit.is_none() && high.is_none() && !core.vague && value == value.trunc() {
        if let Some(e) = denominator_end(v, end, value) {
            end = e;
            proportion = true;
        }
    }
    // "two-thirds" aside, a glued "-strong", "-plus": already in the token.
    // "minus 20 degrees", "-5%": a sign written before the number.
    let mut first = i;
    if i > 0 && prefix.is_none() {
        let p = &v.toks[i - 1];
        let glued_minus = matches!(p.text, "-" | "−" | "–")
            && v.toks[i].glued()
            && (i == 1 || !v.toks[i - 1].glued());
        // "plus or minus 4.1 points", "±3%": a margin, no sign.
        let margin = i >= 3 && v.lower(i - 2) == "or" && v.lower(i - 3) == "plus";
        if (matches!(&*p.lower, "minus" | "negative") && !margin) || glued_minus {
            value = -value;
            first = i - 1;
        }
    }
    let mut m = Measured {
        first,
        end,
        core,
        value,
        high: high.take(),
        unit,
        range_opener: None,
        money_prefix: prefix.is_some(),
        m_as_metres,
        plus,
        odd,
        proportion,
    };
    if lookahead > 0 && !proportion {
        extend_range(v, &mut m, lookahead - 1);
    }
    Some(m)
}

/// Widest "X to Y" after a change verb read as one range rather than a change and a level: the
/// ends of a range are of one magnitude ("10 to 20 percent"), a change and its level need not be.
const MAX_SHARED_RANGE_RATIO: f64 = 10.0;

/// Seconds in a span of time of fixed length (a month and a year vary, and are left out).
fn seconds_in(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86400.0,
        "week" => 604800.0,
        _ => return None,
    })
}

/// "X to Y", "X-Y", "between X and Y", "from X to Y", "X through Y".
fn extend_range(v: &View, m: &mut Measured, lookahead: usize) {
    if m.high.is_some() || m.core.vague {
        return;
    }
    let opener = m.first.checked_sub(1).map(|p| v.lower(p));
    // "between the ages of 25 and 54": the range word before the measure's noun.
    let between_of = m.first >= 4
        && v.lower(m.first - 1) == "of"
        && v.lower(m.first - 3) == "the"
        && v.lower(m.first - 4) == "between";
    let between = opener == Some("between") || between_of;
    let from = opener == Some("from");
    let k = m.end;
    let joiner = v.lower(k);
    let ok = match joiner {
        "and" => between,
        "to" | "through" | "thru" => true,
        "-" | "–" | "—" | "~" => true,
        _ => false,
    };
    if !ok {
        return;
    }
    if from {
        // "rose from 5% to 7%": a change, two figures.
        let before = m.first.checked_sub(2).map(|p| v.lower(p)).unwrap_or("");
        if change_verb(before) {
            return;
        }
    }
    // After a change verb, "X to Y" is a change and a level ("increased 5% to 7%", "fell by
    // 12,000 to 219,000"), unless X is a bare number that shares Y's unit or scale: "rose 10
    // to 20 percent", "lost 1.2 to 1.5 million barrels" (checked once Y is read).
    let mut shares_unit_only = false;
    if !from && !between && joiner == "to" {
        let before = m.first.checked_sub(1).map(|p| v.lower(p)).unwrap_or("");
        // "rise about 2% to 3%": an approximate pair is a range; "up to 5 to 10", "more than 5
        // to 7" are a bound and a level.
        // "as many as 30 to 40 firefighters" is the range the ceiling words speak of.
        let as_many = m.first >= 3
            && v.lower(m.first - 3) == "as"
            && matches!(v.lower(m.first - 2), "many" | "much")
            && v.lower(m.first - 1) == "as";
        if let Some((h, _)) = crate::hedge::before(v, m.first, m.unit.is_some()) {
            if h != claimtrail_text::Hedge::Approximately && !as_many {
                return;
            }
        }
        if change_verb(before) || before == "by" {
            if m.unit.is_some() || m.core.end != m.core.first + 1 {
                return;
            }
            shares_unit_only = true;
        }
    }
    let Some(second) = at_within(v, k + 1, lookahead) else {
        return;
    };
    // "in 2024 to tens of billions of dollars": a vague amount ends no range.
    if second.high.is_some() || second.core.vague {
        return;
    }
    let second_scaled = second.core.end > second.core.first + 1;
    if shares_unit_only && second.unit.is_none() && !second_scaled {
        return;
    }
    // Units must agree when both are written ("5 km to 10 miles" is not a range), save spans of
    // time: "30 minutes to 2 hours" runs from 30 to 120 minutes.
    let mut high = second.value;
    let unit = match (m.unit, second.unit) {
        (Some(Unit::Time(a)), Some(Unit::Time(b))) if a != b => {
            let (Some(sa), Some(sb)) = (seconds_in(a), seconds_in(b)) else {
                return;
            };
            high *= sb / sa;
            m.unit
        }
        (Some(a), Some(b)) if a != b => return,
        (a, b) => b.or(a),
    };
    let mut low = m.value;
    // "3 to 5 million", "$5-$10 billion", "$140-$150M": the scale written once applies to
    // both.
    if m.core.end == m.core.first + 1 && low < high {
        let first_lex = number::lex(v.text(second.core.first), v.lower(second.core.first));
        let raw = match first_lex {
            Lexeme::Digits { value, .. } | Lexeme::Word(value)
                if second.core.end > second.core.first + 1 =>
            {
                Some(value)
            }
            Lexeme::Scaled { .. } if second.core.end == second.core.first + 1 => {
                number::glued_parts(v.text(second.core.first)).map(|(raw, _)| raw)
            }
            _ => None,
        };
        if let Some(raw) = raw {
            // "$3 to 5 million": the currency written before the first only.
            let agree = m.unit.is_none_or(|u| second.unit.is_none_or(|s| s == u));
            if raw > 0.0 && low <= raw * 1.0001 && agree {
                low *= second.value / raw;
            }
        }
    }
    // "50 to 48 percent", "46 to 32 percent": a tally, two figures; the unit written once after
    // the second is the first's too.
    if high <= low
        && joiner == "to"
        && !shares_unit_only
        && m.unit.is_none()
        && second.unit.is_some()
        && m.core.end == m.core.first + 1
    {
        m.unit = second.unit;
        return;
    }
    if high <= low || (shares_unit_only && high > low * MAX_SHARED_RANGE_RATIO) {
        return;
    }
    // Years are not ranges of quantities ("2014 to 2022").
    if m.core.plain && m.core.int_len == 4 && (1800.0..=2100.0).contains(&m.value) && unit.is_none()
    {
        return;
    }
    m.value = low;
    m.high = Some(high);
    m.unit = unit;
    m.end = second.end;
    m.range_opener = if between_of {
        Some(m.first - 4)
    } else {
        (between || from).then(|| m.first - 1)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `iso_prefix` as `currency_prefix` read it: the code search first, then the capitals.
    fn iso_prefix_after_search(text: &str) -> Option<&'static str> {
        let code = iso_code(text)?;
        (text.chars().all(|c| c.is_ascii_uppercase()) && text != "ALL").then_some(code)
    }

    /// Every code in three cases, and words of one to four letters, capitals or not, ASCII or
    /// not: testing for capitals first answers as searching first.
    #[test]
    fn capitals_first_answers_as_the_code_search() {
        let mut probes: Vec<String> = Vec::new();
        for w in [
            "USD", "EUR", "RMB", "KPW", "ALL", "the", "and", "THE", "Usd", "usd", "US", "USDX",
            "ÉUR", "E€", "", "A", "CHF", "chF", "IRR", "BTC", "ZAR", "ZZZ",
        ] {
            probes.push(w.to_string());
        }
        for a in b'A'..=b'Z' {
            for b in [b'A', b'S', b'U', b'N', b'R', b'H'] {
                for c in [b'D', b'R', b'P', b'Y', b'B', b'F', b'W', b'L'] {
                    let w = String::from_utf8(vec![a, b, c]).unwrap();
                    probes.push(w.to_lowercase());
                    probes.push(w);
                }
            }
        }
        let mut codes = 0;
        for w in &probes {
            assert_eq!(iso_prefix(w), iso_prefix_after_search(w), "{w:?}");
            codes += usize::from(iso_prefix(w).is_some());
        }
        assert!(codes >= 20, "{codes}");
    }
}
