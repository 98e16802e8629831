//! Figures: numbers with value, hedge, unit, what they count, who claims them and as of when.
//!
//! One pass per sentence over its tokens: at each token [`measure::at`] tries a number phrase
//! (currency, number, unit, range), [`exclude`] drops years, dates, ids and furniture, [`hedge`]
//! reads the bound ("at least"), [`counted`] the noun phrase, [`attribution`] the source, and the
//! date comes from a time expression of the sentence or the publication date.
//!
//! Policies: "hundreds of X" is `more_than` 100; a range's `value` is its low end; `low`/`high`
//! are the bounds the hedge implies (exact: both the value; approximately: none).

mod attribution;
mod counted;
mod exclude;
mod hedge;
mod measure;
mod number;
mod units;
mod view;
mod words;

use chrono::NaiveDate;
use claimtrail_text::{Doc, Entity, Figure, Hedge, Quote, TimeExpr, TimexType, TokenKind};
use number::Unit;
use view::View;

/// What the earlier stages found, for attributing figures.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    pub times: &'a [TimeExpr],
    pub published: Option<NaiveDate>,
}

/// Figures of a document, in text order.
pub fn find_figures(doc: &Doc, ctx: &Context) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut attr = attribution::Attributor::new(ctx);
    let multi = doc.sentences.len() > 1;
    let published = ctx.published.map(|d| d.to_string());
    // The counted phrase of the last figure, for elided nouns ("with 3,000 already relocated").
    let mut last_counted: Option<(String, usize)> = None;
    let mut times = ctx.times.to_vec();
    times.sort_by_key(|t| t.start);
    let lower = view::lowered(doc);
    for (si, s) in doc.sentences.iter().enumerate() {
        let v = View::new(doc, s, &lower);
        let first_fig = out.len();
        let mut i = 0;
        let mut m_millions = false;
        while i < v.len() {
            let Some(mut m) = measure::at(&v, i) else {
                i += 1;
                continue;
            };
            if m.core.end == m.core.first + 1 && v.text(m.core.first).ends_with('m') {
                if m.m_as_metres && m_millions {
                    m.value *= 1e6;
                    m.unit = None;
                } else if !m.m_as_metres && m.unit.is_none_or(|u| matches!(u, Unit::Currency(_))) {
                    m_millions = true;
                }
            }
            let next = m.end.max(i + 1);
            if exclude::excluded(&v, &m, multi) {
                i = next;
                continue;
            }
            if let Some(f) = build(&v, &m, doc, &mut attr, &mut last_counted, si) {
                out.push(f);
            }
            i = next;
        }
        attr.note_sentence(&v);
        merge_bounds(&v, &mut out, first_fig);
        share_conversion_hedge(&v, &mut out, first_fig);
        let date = sentence_date(&times, s.start, s.end).or_else(|| published.clone());
        for f in &mut out[first_fig..] {
            f.date = date.clone();
        }
    }
    out
}

fn build(
    v: &View,
    m: &measure::Measured,
    doc: &Doc,
    attr: &mut attribution::Attributor,
    last_counted: &mut Option<(String, usize)>,
    si: usize,
) -> Option<Figure> {
    let mut hedge = Hedge::Exact;
    let mut first = m.first;
    if let Some(opener) = m.range_opener {
        first = opener;
    } else if let Some((h, f)) = hedge::before(v, m.first, m.unit.is_some()) {
        // "over four nights": nights and fortnights are what the figure counts, not its unit,
        // and still spans of time.
        let (time, next) = if matches!(m.unit, Some(Unit::Time(_))) {
            (true, v.lower(m.end))
        } else if words::counted_span_of_time(v.lower(m.end)) {
            (true, v.lower(m.end + 1))
        } else {
            (false, v.lower(m.end))
        };
        if !hedge::over_is_period(v, m.first, time, next) {
            hedge = h;
            first = f;
        }
    }
    if hedge == Hedge::Exact && m.range_opener.is_none() && hedge::estimate_at(v, m.first) {
        hedge = Hedge::Approximately;
    }
    let mut end = m.end;
    if m.high.is_none() {
        if let Some((h, e)) = hedge::after(v, end) {
            // "about 500 or more": the explicit bound wins over the approximation.
            if matches!(hedge, Hedge::Exact | Hedge::Approximately) {
                hedge = h;
            }
            end = e;
        }
    }
    if m.plus && matches!(hedge, Hedge::Exact | Hedge::Approximately) {
        hedge = Hedge::AtLeast;
    }
    if m.odd && hedge == Hedge::Exact {
        hedge = Hedge::Approximately;
    }
    if let Some(b) = m.core.bound.filter(|_| hedge == Hedge::Exact) {
        hedge = b;
    }
    // "perhaps tens of thousands": a vague amount stays a floor whatever softens it.
    if m.core.vague && matches!(hedge, Hedge::Exact | Hedge::Approximately) {
        hedge = Hedge::MoreThan;
    }
    if m.high.is_some() {
        hedge = Hedge::Range;
    }
    // "Ramos, 58, told": a person's age set after the name describes the person.
    let age = age_apposition(v, m, attr) || age_after_age_word(v, m) || age_after_be(v, m, first);
    let unit = if age {
        Some(Unit::Time("year"))
    } else {
        m.unit
    };
    let money_or_share = matches!(m.unit, Some(Unit::Currency(_) | Unit::Percent));
    let (mut counted, mut np_end) =
        if age || matches!(m.unit, Some(Unit::Time(_) | Unit::Measure(_))) {
            (None, None)
        } else {
            counted::after(v, end, money_or_share, m.core.vague)
        };
    // A share counts a population: "4 in 10 voters", "one in three likely voters"; "4 in 10
    // want" has a verb there, no noun.
    if m.proportion {
        let word = |k: usize| v.toks.get(k).is_some_and(|t| t.is_word());
        let noun = |k: usize| word(k) && population_noun(v.text(k));
        let upto = if noun(end) {
            Some(end + 1)
        } else if word(end) && !v.toks[end].capitalized() && noun(end + 1) {
            Some(end + 2)
        } else {
            None
        };
        counted = upto.map(|u| {
            v_text_between(v, v.toks[end].start, v.toks[u - 1].end)
                .trim()
                .to_string()
        });
        np_end = upto;
    }
    if let Some(e) = np_end {
        end = e;
    }
    if m.unit.is_none() {
        if let Some(c) = &counted {
            *last_counted = Some((c.clone(), si));
        }
    }
    // An elided noun counts what the figure before it counted, close by. Read, not carried:
    // a carried noun would travel on from sentence to sentence.
    // A share's population is not elided ("4 in 10" of the states before it), nor an age's.
    if counted.is_none() && unit.is_none() && !m.core.vague && !m.proportion {
        counted = last_counted
            .as_ref()
            .filter(|(_, s)| si - s <= 1)
            .map(|(c, _)| c.clone());
    }
    if !m.value.is_finite() || m.high.is_some_and(|h| !h.is_finite()) {
        return None;
    }
    let (a, b) = v.span(first, end);
    let text = doc.text.get(a..b)?.to_string();
    let (low, high) = bounds(hedge, m.value, m.high);
    // The age of the person who speaks next ("Jo Roe, 57, told reporters") is the outlet's
    // description, not the speaker's claim nor that of whom they spoke to.
    let source = if age && crate::words::reporting_verb(v.lower(end + 1)) {
        attr.direct_speaker(a, b)
    } else {
        attr.source(v, first, end, a, b)
    };
    Some(Figure {
        text,
        start: a,
        end: b,
        value: Some(tidy(m.value)),
        low: low.map(tidy),
        high: high.map(tidy),
        hedge,
        unit: unit.map(|u| u.name().to_string()),
        counted,
        source,
        date: None,
    })
}

/// A bare whole number between commas right after a person's name: "Weiner, 51, who", "Jim
/// Bennett, 57, told", "killing Benjamin Banky, 40." at the sentence's end, "Reid's, 33, acting",
/// "The actress, 33, headed", "son Oscar, 8," (a given name the tagger took for something else).
fn age_apposition(v: &View, m: &measure::Measured, attr: &attribution::Attributor) -> bool {
    let plain = m.unit.is_none()
        && m.high.is_none()
        && m.core.plain
        && m.core.end == m.core.first + 1
        && m.first == m.core.first
        && (1.0..120.0).contains(&m.value);
    let closes = match v.text(m.end) {
        "," | ")" | ";" => true,
        // The sentence ends: nothing but punctuation after the full stop.
        "." => (m.end + 1..v.len())
            .all(|k| !v.toks[k].is_word() && v.toks[k].kind != TokenKind::Number),
        _ => false,
    };
    if !(plain && m.first >= 2 && v.text(m.first - 1) == "," && closes) {
        return false;
    }
    let before = m.first - 2;
    // "Reid's, 33,": the name's possessive ending sits before the comma.
    let name_end = if matches!(v.text(before), "'s" | "’s") && before >= 1 {
        before - 1
    } else {
        before
    };
    if attr.person_ends_at(v.toks[name_end].end) {
        return true;
    }
    let w = v.lower(before);
    let t = &v.toks[before];
    // "daughter Ava, 3,": a name after a family or role noun of the list (the tagger may miss
    // it); an agent-like noun is not enough there ("data center GPUs, 2)").
    let given = t.capitalized() && before >= 1 && listed_person_noun(v.lower(before - 1));
    // "The actress, 33,": a person noun after an article.
    let described = !t.capitalized()
        && person_noun(w)
        && before >= 1
        && matches!(v.lower(before - 1), "the" | "a" | "an");
    given || described
}

/// Nouns for a person whose age an apposition gives: family and role nouns of the title list
/// ("son", "wife", "spokesman"), agent nouns ("plumber", "pianist") and a few common ones.
fn person_noun(w: &str) -> bool {
    let agent = w.len() > 4
        && ["er", "or", "ist", "ess", "ian"]
            .iter()
            .any(|s| w.ends_with(s))
        && !words::ends_phrase(w);
    agent || listed_person_noun(w)
}

/// Family and role nouns of the title list and a few common person nouns.
fn listed_person_noun(w: &str) -> bool {
    claimtrail_lexicon::title(w).is_some_and(|t| t.role)
        || matches!(
            w,
            "actress"
                | "actor"
                | "man"
                | "woman"
                | "boy"
                | "girl"
                | "driver"
                | "suspect"
                | "victim"
                | "gunman"
                | "teenager"
                | "singer"
                | "star"
                | "brother"
                | "sister"
                | "mother"
                | "father"
                | "son"
                | "daughter"
                | "husband"
                | "wife"
                | "grandson"
                | "granddaughter"
        )
}

/// "age 61", "aged 85", "at the age of 10", "ages 5": the number is an age in years.
fn age_after_age_word(v: &View, m: &measure::Measured) -> bool {
    if m.unit.is_some() || m.first != m.core.first || !(0.0..130.0).contains(&m.value) {
        return false;
    }
    let f = m.first;
    let prev = f.checked_sub(1).map(|p| v.lower(p)).unwrap_or("");
    let prev2 = f.checked_sub(2).map(|p| v.lower(p)).unwrap_or("");
    matches!(prev, "age" | "aged" | "ages") || prev == "of" && prev2 == "age"
}

/// "he was 18 at the time", "when she was around 10,": a bare whole number after a personal
/// pronoun and "was"/"is" (token `first` opens the figure with its hedge), with no noun after
/// it, is the person's age ("he was 18 points behind" counts points; "it was 18" is no person).
fn age_after_be(v: &View, m: &measure::Measured, first: usize) -> bool {
    let plain = m.unit.is_none()
        && m.high.is_none()
        && m.core.plain
        && m.core.end == m.core.first + 1
        && m.end == m.core.end
        && m.value.fract() == 0.0
        && (1.0..120.0).contains(&m.value);
    if !plain || first < 2 {
        return false;
    }
    let be = matches!(v.lower(first - 1), "was" | "is" | "turned" | "turns");
    // "he already was 18": an adverb may stand between the pronoun and the verb.
    let pronoun = |k: usize| matches!(v.lower(k), "he" | "she" | "i");
    let adverb = |k: usize| matches!(v.lower(k), "already" | "still" | "only" | "just");
    let person = pronoun(first - 2) || first >= 3 && adverb(first - 2) && pronoun(first - 3);
    let next = v.toks.get(m.end);
    let no_noun = next.is_none_or(|t| {
        !t.is_word() && t.kind != TokenKind::Number || words::ends_phrase(&t.lower)
    }) && !matches!(v.lower(m.end), "of" | "to" | "-" | "–" | "/" | "%");
    be && person && no_noun
}

/// A noun naming people or things in the plural, as a share's counted phrase must: capitalised
/// ("Republicans"), a plural in -s, or a plural without one.
fn population_noun(head: &str) -> bool {
    head.chars().next().is_some_and(char::is_uppercase)
        || head.len() > 3 && head.ends_with('s') && !head.ends_with("ss")
        || words::unmarked_plural(head)
}

/// Rounds away float noise from scaling ("1.2bn" → 1200000000, not 1199999999.9999998).
fn tidy(x: f64) -> f64 {
    if x.abs() >= 1.0 {
        let r = (x * 1e6).round() / 1e6;
        if (r - r.round()).abs() < 1e-6 {
            return r.round();
        }
        r
    } else {
        (x * 1e12).round() / 1e12
    }
}

fn bounds(h: Hedge, value: f64, high: Option<f64>) -> (Option<f64>, Option<f64>) {
    match h {
        Hedge::Exact => (Some(value), Some(value)),
        Hedge::Approximately => (None, None),
        Hedge::AtLeast | Hedge::MoreThan => (Some(value), None),
        Hedge::AtMost | Hedge::LessThan | Hedge::UpTo => (None, Some(value)),
        Hedge::Range => (Some(value), high),
    }
}

/// "more than 10 and less than 20": a floor and a ceiling joined by "and" make one range.
fn merge_bounds(v: &View, out: &mut Vec<Figure>, from: usize) {
    let mut k = from;
    while k + 1 < out.len() {
        let (f, g) = (&out[k], &out[k + 1]);
        let a = v.toks.partition_point(|t| t.start < f.end);
        let b = v.toks.partition_point(|t| t.end <= g.start).max(a);
        let between = v.toks[a..b.min(a + 3)]
            .iter()
            .map(|t| &*t.lower)
            .collect::<Vec<_>>();
        let between = if b - a > 3 { Vec::new() } else { between };
        let joined = matches!(between.as_slice(), ["and"] | ["but"] | [","] | [",", "and"]);
        // "four or five buyers": two bare numbers, the first counting nothing of its own (what
        // it took from a figure before, an elided noun, is not its own: "a band of 100 or 200
        // men" after "130 people"), nor measuring in a unit: "five or six years ago".
        let either = between.as_slice() == ["or"]
            && f.hedge == Hedge::Exact
            && g.hedge == Hedge::Exact
            && f.counted.as_deref().is_none_or(|c| !f.text.ends_with(c))
            && (f.unit.is_none() || f.unit == g.unit)
            && f.value < g.value;
        let pair = match (f.hedge, g.hedge) {
            (a, b) if a.is_floor() && b.is_ceiling() => Some((f.low, g.high)),
            (a, b) if a.is_ceiling() && b.is_floor() => Some((g.low, f.high)),
            // "$5 or $6 million": the scale written once applies to both.
            _ if either => Some((either_low(v, f, g), g.value)),
            _ => None,
        };
        if let (true, Some((Some(lo), Some(hi)))) = (joined || either, pair) {
            if lo < hi && (f.unit == g.unit || either) {
                let mut m = out[k].clone();
                m.unit = g.unit.clone();
                m.end = g.end;
                m.text = format!("{}{}", m.text, &v_text_between(v, f.end, g.end));
                m.value = Some(lo);
                m.low = Some(lo);
                m.high = Some(hi);
                m.hedge = Hedge::Range;
                m.counted = g.counted.clone().or(m.counted);
                out[k] = m;
                out.remove(k + 1);
                continue;
            }
        }
        k += 1;
    }
}

/// The low end of "N or M" when M's scale is written and N's is not ("$5 or $6 million",
/// "five or six million"): N times that scale, when that keeps N below M; else N as read.
fn either_low(v: &View, f: &Figure, g: &Figure) -> Option<f64> {
    let (lo, hi) = (f.value?, g.value?);
    let numeral = |x: &Figure| {
        let k = v.toks.partition_point(|t| t.start < x.start);
        (k..v.len())
            .take_while(|&i| v.toks[i].end <= x.end)
            .find(|&i| v.text(i).starts_with(|c: char| c.is_alphanumeric()))
    };
    let scale_of = |x: &Figure, val: f64| numeral(x).and_then(|k| number::written_scale(v, k, val));
    match (scale_of(f, lo), scale_of(g, hi)) {
        (Some(a), Some(b)) if (a - 1.0).abs() < 1e-9 && b >= 1e3 && lo * b < hi => Some(lo * b),
        _ => Some(lo),
    }
}

/// "more than 3,600 kilometers (2,200 miles)": an amount restated in other units between
/// brackets is the same claim, so it carries the first amount's hedge.
fn share_conversion_hedge(v: &View, out: &mut [Figure], from: usize) {
    for k in from..out.len().saturating_sub(1) {
        let (f, g) = (&out[k], &out[k + 1]);
        // "$US1 million ($1.52 million)": two dollars of different countries read as one code.
        let money = |u: &Option<String>| {
            u.as_deref()
                .is_some_and(|u| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()))
        };
        let converted = f.unit.is_some()
            && g.unit.is_some()
            && (f.unit != g.unit || money(&f.unit) && money(&g.unit) && f.value != g.value);
        if !converted || g.hedge != Hedge::Exact || matches!(f.hedge, Hedge::Exact | Hedge::Range) {
            continue;
        }
        let a = v.toks.partition_point(|t| t.start < f.end);
        let b = v.toks.partition_point(|t| t.end <= g.start).max(a);
        let after = v.toks.partition_point(|t| t.start < g.end);
        let bracketed =
            b == a + 1 && v.toks[a].text == "(" && v.toks.get(after).is_some_and(|t| t.text == ")");
        if bracketed {
            let (hedge, value) = (f.hedge, g.value.unwrap_or(f64::NAN));
            let (low, high) = bounds(hedge, value, None);
            let g = &mut out[k + 1];
            g.hedge = hedge;
            g.low = low.map(tidy);
            g.high = high.map(tidy);
        }
    }
}

fn v_text_between(v: &View, a: usize, b: usize) -> String {
    let mut s = String::new();
    let from = v.toks.partition_point(|t| t.start < a);
    for t in v.toks[from..].iter().take_while(|t| t.end <= b) {
        s.push_str(t.gap);
        s.push_str(t.text);
    }
    s
}

/// The value of a dated time expression inside bytes `a..b`.
fn sentence_date(times: &[TimeExpr], a: usize, b: usize) -> Option<String> {
    let n = times.partition_point(|t| t.start < a);
    times[n..]
        .iter()
        .take_while(|t| t.start < b)
        .filter(|t| t.end <= b && t.kind == TimexType::Date)
        .find_map(|t| {
            t.value
                .clone()
                .filter(|v| v.starts_with(|c: char| c.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests;
