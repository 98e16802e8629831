//! What a figure counts: the noun phrase right after it ("10,000 North Korean troops"), or after
//! "of"/"in" for money and shares ("USD 800 million in security assistance", "40% of voters").

use crate::view::View;
use crate::words::{
    ends_phrase, irregular_past, is_month, is_weekday, reporting_verb, small_number, time_unit,
    unmarked_plural,
};
use claimtrail_text::TokenKind;

/// Adverbs of frequency that belong to what is counted ("casualties daily").
fn rate_word(w: &str) -> bool {
    matches!(
        w,
        "daily" | "weekly" | "monthly" | "annually" | "yearly" | "hourly"
    )
}

/// "first quarter", "second half", "past year": an ordinal or a deictic word before a period.
fn ordinal_period(v: &View, a: usize) -> bool {
    let period = |k: usize| matches!(v.lower(k), "quarter" | "half" | "year" | "month" | "week");
    matches!(
        v.lower(a),
        "first" | "second" | "third" | "fourth" | "last" | "past" | "previous" | "next" | "same"
    ) && a + 1 < v.toks.len()
        && period(a + 1)
}

/// Prepositions that follow a participle opening a reduced relative clause ("backed by",
/// "recovered from", "killed in").
fn relative_preposition(w: &str) -> bool {
    matches!(
        w,
        "by" | "from" | "in" | "at" | "on" | "during" | "after" | "into" | "with" | "for"
    )
}

/// Words of a noun phrase starting at `k`: the token range, or `None` when there is none.
pub fn phrase(v: &View, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    while let Some(t) = v.toks.get(j) {
        let w: &str = &t.lower;
        // "long-range missiles" joins; "four states - Iowa, …" is a dash between phrases.
        let hyphen_join = t.kind == TokenKind::Punct
            && matches!(t.text, "-")
            && j > k
            && t.glued()
            && v.toks.get(j + 1).is_some_and(|n| n.glued());
        if t.kind != TokenKind::Word && !hyphen_join {
            break;
        }
        if j > k
            && t.capitalized()
            && !v.toks[j - 1].capitalized()
            && !v.toks[j - 1].lower.ends_with('-')
        {
            // "troops Russia" — a new phrase begins.
            break;
        }
        // "the five states", "three reports": right after a number, a speech word in -s is a
        // plural noun ("says" aside: "one says").
        let plural_noun = j == k && w.len() > 3 && w.ends_with('s') && w != "says";
        if ends_phrase(w) || reporting_verb(w) && !plural_noun || w == "'s" || w == "’s" {
            break;
        }
        if j > k && irregular_past(w) {
            break;
        }
        // "a 300-pound manhole cover five stories into the air": a number starts another
        // quantity, never the counted noun's.
        if j > k && small_number(w).is_some() {
            break;
        }
        if j > k && (w.ends_with("ed") || w.ends_with("ing")) && w.len() >= 4 {
            // "soldiers arrived", "people living" end the phrase; "additional armoured
            // vehicles" does not: a participle after a head noun is a verb.
            let prev = v.lower(j - 1);
            let head = prev.ends_with('s') || unmarked_plural(prev) || v.toks[j - 1].capitalized();
            // "a stimulus bill backed by the administration": a passive participle with its
            // agent follows the head whatever its number.
            // "whale teeth recovered from a stranded whale": a participle that opens a
            // relative clause with its preposition ends the phrase, whatever the head's form.
            if head || w.ends_with("ed") && relative_preposition(v.lower(j + 1)) {
                break;
            }
        }
        if w.ends_with("ly")
            && !rate_word(w)
            && w.len() > 3
            && !matches!(
                w,
                "family" | "italy" | "assembly" | "ally" | "supply" | "rally"
            )
            && !is_month(w)
        {
            break;
        }
        j += 1;
        if rate_word(w) || j - k >= 6 {
            break;
        }
    }
    (j > k).then_some((k, j))
}

/// The counted phrase after a figure ending at token `end`: its text, and the token end when the
/// phrase follows directly (and so belongs to the figure's text).
pub fn after(
    v: &View,
    end: usize,
    money_or_share: bool,
    vague: bool,
) -> (Option<String>, Option<usize>) {
    let strip_det = |k: usize| {
        if matches!(
            v.lower(k),
            "the" | "a" | "an" | "their" | "its" | "his" | "her"
        ) {
            k + 1
        } else {
            k
        }
    };
    let text = |a: usize, b: usize| -> String {
        let (s, e) = v.span(a, b);
        let first = &v.toks[a];
        let whole = &v.toks[b - 1];
        let _ = (s, e);
        // Rebuild from token texts so spacing inside the phrase stays as written.
        let mut out = String::new();
        for (n, t) in v.toks[a..b].iter().enumerate() {
            if n > 0 && !t.gap.is_empty() {
                out.push(' ');
            }
            out.push_str(t.text);
        }
        let _ = (first, whole);
        out
    };
    if vague && v.lower(end) == "of" {
        let k = strip_det(end + 1);
        if let Some((a, b)) = phrase(v, k) {
            return (Some(text(a, b)), Some(b));
        }
    }
    // "made billions turning around companies": a vague amount names what it counts only
    // through "of".
    if vague {
        return (None, None);
    }
    // "$15 million payable to the bank": an adjective after an amount qualifies it and counts
    // nothing.
    let adjective = |k: usize| {
        let w = v.lower(k);
        w.len() > 5 && (w.ends_with("able") || w.ends_with("ible"))
    };
    if let Some((a, b)) = phrase(v, end).filter(|&(a, _)| !(money_or_share && adjective(a))) {
        return (Some(text(a, b)), Some(b));
    }
    if money_or_share && matches!(v.lower(end), "in" | "of" | "for" | "worth") {
        let k = strip_det(end + 1);
        // "5.6% in March", "$3bn in the third quarter": when, not what.
        let when = |a: usize| {
            let w = v.lower(a);
            is_month(w) || is_weekday(w) || time_unit(w).is_some() || ordinal_period(v, a)
        };
        if let Some((a, b)) = phrase(v, k).filter(|&(a, _)| !when(a)) {
            return (Some(text(a, b)), None);
        }
    }
    (None, None)
}
