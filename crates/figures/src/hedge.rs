//! Hedges: the words before a number that bound it ("at least", "around", "up to") and after it
//! ("or more", "or so"). Phrases are matched backwards over lower-cased tokens, longest first.

use crate::view::View;

use claimtrail_text::Hedge::{self, *};

/// Phrases before a number, as lower-cased tokens.
const BEFORE: &[(&[&str], Hedge)] = &[
    (&["in", "the", "region", "of"], Approximately),
    (&["in", "the", "order", "of"], Approximately),
    (&["in", "the", "vicinity", "of"], Approximately),
    // "rents in the range of $70 a square foot": near the amount ("in the range of 5 to 7" is a
    // range, which wins).
    (&["in", "the", "range", "of"], Approximately),
    (&["on", "the", "order", "of"], Approximately),
    (&["more", "or", "less"], Approximately),
    (&["an", "estimated"], Approximately),
    // "was estimated at $1 million", "put at about 200".
    (&["estimated", "at"], Approximately),
    // "is estimated to be $2 million", "are estimated to number 5,000".
    (&["estimated", "to", "be"], Approximately),
    (&["estimated", "to", "number"], Approximately),
    (&["estimated", "to", "total"], Approximately),
    (&["estimated", "to", "cost"], Approximately),
    (&["a", "estimated"], Approximately),
    (&["close", "to"], Approximately),
    // "push closer to $1,000": near the amount, not at it.
    (&["closer", "to"], Approximately),
    (&["just", "about"], Approximately),
    (&["about"], Approximately),
    (&["around"], Approximately),
    (&["approximately"], Approximately),
    (&["approx."], Approximately),
    (&["approx"], Approximately),
    (&["roughly"], Approximately),
    (&["some"], Approximately),
    (&["maybe"], Approximately),
    (&["perhaps"], Approximately),
    // "possibly two children": unsure of the count, as "perhaps" is.
    (&["possibly"], Approximately),
    // "may be 2,000 years old": the writer is unsure of the number itself.
    (&["may", "be"], Approximately),
    (&["might", "be"], Approximately),
    (&["could", "be"], Approximately),
    (&["near"], Approximately),
    (&["estimated"], Approximately),
    (&["nearly"], Approximately),
    (&["almost"], Approximately),
    (&["circa"], Approximately),
    (&["~"], Approximately),
    (&["at", "the", "very", "least"], AtLeast),
    (&["no", "less", "than"], AtLeast),
    (&["not", "less", "than"], AtLeast),
    (&["no", "fewer", "than"], AtLeast),
    (&["not", "fewer", "than"], AtLeast),
    (&["a", "minimum", "of"], AtLeast),
    (&["at", "least", "or", "equal", "to"], AtLeast),
    (&["equal", "to", "or", "more", "than"], AtLeast),
    (&["equal", "to", "or", "greater", "than"], AtLeast),
    (&["greater", "than", "or", "equal", "to"], AtLeast),
    (&["more", "than", "or", "equal", "to"], AtLeast),
    (&["bigger", "or", "equal", "than"], AtLeast),
    (&["higher", "or", "equal", "than"], AtLeast),
    (&["larger", "or", "equal", "than"], AtLeast),
    (&["greater", "or", "equal", "than"], AtLeast),
    (&["at", "least"], AtLeast),
    // "a good 10 feet", "a full 20 minutes": no less than the number.
    (&["a", "good"], AtLeast),
    (&["a", "full"], AtLeast),
    (&[">", "="], AtLeast),
    (&[">="], AtLeast),
    (&["≥"], AtLeast),
    // "no contract longer than eight years", "lasted longer than 10 minutes".
    (&["no", "longer", "than"], AtMost),
    (&["longer", "than"], MoreThan),
    // "better than half of voters", "an offer better than eight years and $184 million": more
    // than the number; "no better than 50-50" at most.
    (&["no", "better", "than"], AtMost),
    (&["better", "than"], MoreThan),
    (&["shorter", "than"], LessThan),
    (&["in", "excess", "of"], MoreThan),
    (&["more", "than"], MoreThan),
    (&["greater", "than"], MoreThan),
    (&["higher", "than"], MoreThan),
    (&["larger", "than"], MoreThan),
    (&["bigger", "than"], MoreThan),
    (&["upwards", "of"], MoreThan),
    (&["several"], MoreThan),
    (&["upward", "of"], MoreThan),
    (&["north", "of"], MoreThan),
    (&["over"], MoreThan),
    (&["above"], MoreThan),
    (&["exceeding"], MoreThan),
    (&["exceed"], MoreThan),
    (&["exceeds"], MoreThan),
    (&["exceeded"], MoreThan),
    (&["surpass"], MoreThan),
    (&["surpassing"], MoreThan),
    (&["surpassed"], MoreThan),
    (&["topping"], MoreThan),
    (&["beyond"], MoreThan),
    (&[">"], MoreThan),
    (&["less", "than", "or", "equal", "to"], AtMost),
    (&["equal", "to", "or", "less", "than"], AtMost),
    (&["smaller", "or", "equal", "than"], AtMost),
    (&["lower", "or", "equal", "than"], AtMost),
    (&["less", "or", "equal", "than"], AtMost),
    (&["no", "more", "than"], AtMost),
    (&["not", "more", "than"], AtMost),
    (&["a", "maximum", "of"], AtMost),
    (&["at", "the", "most"], AtMost),
    (&["at", "most"], AtMost),
    (&["<", "="], AtMost),
    (&["<="], AtMost),
    (&["≤"], AtMost),
    (&["less", "than"], LessThan),
    (&["fewer", "than"], LessThan),
    (&["lower", "than"], LessThan),
    (&["smaller", "than"], LessThan),
    (&["under"], LessThan),
    (&["below"], LessThan),
    (&["<"], LessThan),
    (&["up", "to"], UpTo),
    (&["as", "many", "as"], UpTo),
    (&["as", "much", "as"], UpTo),
    (&["as", "high", "as"], UpTo),
    (&["as", "long", "as"], UpTo),
    (&["within"], UpTo),
    // A capacity, not a level: "halibut can grow to 500 pounds", "could reach 40 degrees".
    (&["can", "grow", "to"], UpTo),
    (&["could", "grow", "to"], UpTo),
    (&["can", "reach"], UpTo),
    (&["could", "reach"], UpTo),
    (&["may", "reach"], UpTo),
];

/// "over two years", "over 10 years, …": a period something happens in, not a bound on it; "over
/// 20 years old" and "over 20 years of talks" stay bounds. `unit_is_time` says the figure is a
/// span of time; `next` is the word after it. Before "of", the period is what a passive verb
/// right before "over" was done in ("arrests have been made over four nights of protest"): the
/// passive has taken its object, so the span is no amount ("has over 20 years of experience",
/// "with over 20 years of talks" are).
///
/// An adverb of degree before "over" makes it a bound whatever follows: "lasted just over 10
/// seconds", "well over two years", "slightly over an hour" measure the span.
pub fn over_is_period(v: &View, first: usize, unit_is_time: bool, next: &str) -> bool {
    unit_is_time
        && first > 0
        && v.lower(first - 1) == "over"
        && !(first > 1
            && matches!(
                v.lower(first - 2),
                "just" | "well" | "slightly" | "barely" | "little" | "somewhat"
            ))
        && match next {
            "old" | "older" | "ago" | "earlier" | "before" => false,
            "of" => first >= 3 && passive_participle(v.lower(first - 3), v.lower(first - 2)),
            _ => true,
        }
}

/// A form of "be" and a past participle after it ("been made", "were killed", "was held").
fn passive_participle(be: &str, verb: &str) -> bool {
    matches!(be, "been" | "be" | "being" | "was" | "were" | "is" | "are")
        && verb.len() > 3
        && verb.bytes().all(|b| b.is_ascii_lowercase())
        && (verb.ends_with("ed")
            || verb.ends_with("en")
            || verb.ends_with("wn")
            || matches!(
                verb,
                "made"
                    | "held"
                    | "built"
                    | "kept"
                    | "lost"
                    | "fought"
                    | "sold"
                    | "paid"
                    | "spent"
                    | "brought"
                    | "caught"
                    | "sent"
                    | "spread"
                    | "found"
                    | "shot"
                    | "won"
                    | "done"
                    | "dealt"
                    | "heard"
                    | "told"
                    | "taught"
                    | "struck"
            ))
}

/// Adverbs kept in the figure's text before a hedge ("potentially exceeding").
fn hedge_adverb(w: &str) -> bool {
    matches!(
        w,
        "potentially"
            | "possibly"
            | "likely"
            | "perhaps"
            | "probably"
            | "well"
            | "just"
            | "already"
    )
}

/// The hedge whose last word is token `start - 1`, and the token where its text begins.
/// `measured`: the figure has a unit (a modal of possibility hedges only a measure).
pub fn before(v: &View, start: usize, measured: bool) -> Option<(Hedge, usize)> {
    // Longest phrase first: "no more than" is at most, not more than.
    let mut best: Option<(usize, Hedge)> = None;
    // A phrase's last word is compared first, with the word read once: asked before every
    // figure, the phrases read from their first word cost thousands of instructions a call.
    let last = if start > 0 { v.lower(start - 1) } else { "" };
    for (words, hedge) in BEFORE {
        let n = words.len();
        if start < n || words[n - 1] != last || best.is_some_and(|(b, _)| b >= n) {
            continue;
        }
        if (0..n - 1).all(|k| v.lower(start - n + k) == words[k]) {
            best = Some((n, *hedge));
        }
    }
    // "up to a $1 billion fee": an article between a phrase hedge and its number (one word
    // such as "over" before "a 10-year period" is a preposition).
    if best.is_none() && start >= 2 && matches!(v.lower(start - 1), "a" | "an") {
        return before(v, start - 1, measured).filter(|&(_, f)| start - 1 - f >= 2);
    }
    let (n, hedge) = best?;
    // "may be 2,000 years old" is unsure of a measure; "this may be one reason" names a thing.
    if n == 2 && v.lower(start - 1) == "be" && !measured {
        return None;
    }
    let mut first = start - n;
    while first > 0 && hedge_adverb(v.lower(first - 1)) {
        first -= 1;
    }
    Some((hedge, first))
}

/// "Authorities estimate the damages at $1 million", "put the estimated cost at 200": an
/// estimate verb whose object comes between it and the "at" before the number (token `first`).
/// "estimated at" right before the number is a phrase of [`BEFORE`].
pub fn estimate_at(v: &View, first: usize) -> bool {
    if first < 3 || v.lower(first - 1) != "at" {
        return false;
    }
    (first.saturating_sub(12)..first - 2)
        .rev()
        .take_while(|&k| !matches!(v.text(k), "," | ";" | ":" | "." | "(" | ")"))
        .any(|k| {
            matches!(
                v.lower(k),
                "estimate" | "estimates" | "estimated" | "estimating"
            )
        })
}

/// A hedge after the figure ending at `end`: ("or more" → at least) and its end token.
pub fn after(v: &View, end: usize) -> Option<(Hedge, usize)> {
    let a = v.lower(end);
    let b = v.lower(end + 1);
    let third = v.toks.get(end + 2);
    if matches!(v.lower(end + 2), "than" | "of" | "or" | "equal" | "to")
        || third.is_some_and(|t| t.kind == claimtrail_text::TokenKind::Number)
    {
        return None; // "more than 10 and less than 20": a second bound, not a suffix
    }
    let h = match (a, b) {
        ("or" | "and", "more" | "greater" | "above" | "over" | "higher") => AtLeast,
        ("or" | "and", "less" | "fewer" | "below" | "under" | "lower") => AtMost,
        ("or", "so") => Approximately,
        ("or", "longer" | "later") => AtLeast,
        ("odd", _) => return Some((Approximately, end + 1)),
        ("plus", _)
            if !v
                .toks
                .get(end + 1)
                .is_some_and(|t| t.kind == claimtrail_text::TokenKind::Number) =>
        {
            return Some((AtLeast, end + 1))
        }
        ("+", _) if v.toks.get(end).is_some_and(|t| t.glued()) => return Some((AtLeast, end + 1)),
        _ => return None,
    };
    Some((h, end + 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_text::Doc;

    /// [`before`] as it read every phrase from its first word.
    fn before_each(v: &View, start: usize, measured: bool) -> Option<(Hedge, usize)> {
        let mut best: Option<(usize, Hedge)> = None;
        for (words, hedge) in BEFORE {
            let n = words.len();
            if start < n || best.is_some_and(|(b, _)| b >= n) {
                continue;
            }
            if (0..n).all(|k| v.lower(start - n + k) == words[k]) {
                best = Some((n, *hedge));
            }
        }
        if best.is_none() && start >= 2 && matches!(v.lower(start - 1), "a" | "an") {
            return before_each(v, start - 1, measured).filter(|&(_, f)| start - 1 - f >= 2);
        }
        let (n, hedge) = best?;
        if n == 2 && v.lower(start - 1) == "be" && !measured {
            return None;
        }
        let mut first = start - n;
        while first > 0 && hedge_adverb(v.lower(first - 1)) {
            first -= 1;
        }
        Some((hedge, first))
    }

    /// Every phrase, in capitals and with an article, its tail alone and its head alone, before
    /// a number: the last-word-first reading answers as the full one at every token.
    #[test]
    fn last_word_first_reads_as_every_phrase() {
        let mut found = 0;
        for (words, _) in BEFORE {
            let phrase = words.join(" ");
            let tail = words[1..].join(" ");
            let head = words[..words.len() - 1].join(" ");
            for text in [
                format!("It cost {phrase} 40 dollars."),
                format!("Possibly {} a $5 fee.", phrase.to_uppercase()),
                format!("They say {tail} 7 and {head} 9 may be 2."),
                format!("{phrase} 3"),
            ] {
                let d = Doc::new(&text);
                let l = crate::view::lowered(&d);
                for s in &d.sentences {
                    let v = View::new(&d, s, &l);
                    for i in 0..=v.len() {
                        for m in [false, true] {
                            let got = before(&v, i, m);
                            assert_eq!(got, before_each(&v, i, m), "{text:?} at {i}");
                            found += usize::from(got.is_some());
                        }
                    }
                }
            }
        }
        assert!(found > 2 * BEFORE.len(), "{found}");
    }
}
