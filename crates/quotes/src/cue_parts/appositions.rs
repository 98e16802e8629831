//! Appositions around a subject ("Jo Roe, a lawyer for the firm,"), asides naming a group or an
//! affiliation, and appositions the sentence leaves open.

use crate::speakers::{is_document_noun, is_group_noun};
use crate::word_classes::{is_boundary, is_org_head, is_role_noun};

use super::noun_phrase::{is_determiner, np_back};
use super::noun_phrase::{name_phrase, opening_name};
use super::Ctx;

/// "Mitch McConnell, R-Ky., said", "the spokesman, Josh Earnest, said", "Neel, who managed
/// the campaign, said": the name on either side of the apposition ending at the comma `comma`.
/// Returns the name phrase; the attribution extent starts at the phrase before the apposition.
pub(super) fn appositive(cx: &Ctx, lo: usize, comma: usize) -> Option<(usize, usize)> {
    let mut q = comma;
    // How far back the apposition may start; a relative clause inside it ("…, a commissioner
    // on the commission, which has managed …, described") widens the reach once.
    let mut reach = 25;
    let mut comma = comma;
    // "Mr. Lee, citing “the magic of it,” said": a participial apposition may quote.
    let mut quoting = false;
    while q > lo && comma - q < reach {
        q -= 1;
        if cx.quoted(q) {
            quoting = true;
            continue;
        }
        let abbrev_dot = cx.w(q) == "." && q + 1 < comma + 1 && cx.w(q + 1) == ",";
        if cx.is_stop(q) && !abbrev_dot {
            return None;
        }
        // A comma opening a participial phrase ("…, citing …,").
        let opens_participle = |q: usize| {
            q + 1 < comma
                && cx.l(q + 1).len() > 4
                && cx.l(q + 1).ends_with("ing")
                && !cx.quoted(q + 1)
        };
        if quoting && cx.w(q) == "," && !opens_participle(q) {
            return None;
        }
        // "Jo Roe, 59, of Ashton, Md., who watched on a screen, said": the name before a
        // relative "who", or past the appositions before it.
        if cx.w(q) == "," && q + 1 < comma && cx.l(q + 1) == "who" {
            if let Some(b) = np_back(cx, lo, q).and_then(|n| name_phrase(cx, n)) {
                return Some(opening_name(cx, lo, b).unwrap_or(b));
            }
        }
        if cx.w(q) == ","
            && reach == 25
            && q + 1 < comma
            && matches!(cx.l(q + 1), "which" | "whose" | "who")
        {
            reach = 50;
            comma = q;
            continue;
        }
        if cx.w(q) == "," {
            let before = np_back(cx, lo, q);
            let inner = np_back(cx, q + 1, comma);
            // The apposition is a name only when the name is all of it: in "…, the largest
            // bank in Canada," the capitals are a place inside a description.
            // A pair of names keeps its last ("Two analysts, Jo Roe and Al Poe, found"), and
            // "including" may open the name.
            let names = |a: usize, b: usize| (a..b).all(|i| cx.is_cap(i) || cx.w(i) == ".");
            let whole = |x: usize| {
                names(q + 1, x)
                    || x == q + 2 && cx.l(q + 1) == "including"
                    || cx.l(x - 1) == "and" && names(q + 1, x - 1)
            };
            let inner_name = inner.filter(|&(x, e)| whole(x) && cx.is_cap(e - 1));
            // "the spokesperson of the State Department, Matthew Miller, said": the role
            // comes first and the name is in the apposition.
            let before_is_role = before.is_some_and(|(x, e)| {
                is_org_head(cx.l(e - 1)) || (x..e).any(|i| is_role_noun(cx.l(i)))
            });
            // "The senator, calling the bill a disgrace, said": a participial apposition
            // describes the phrase before it, named or not.
            let participial = opens_participle(q);
            let speaking_phrase = |(x, e): (usize, usize)| {
                (x..e).any(|i| cx.is_cap(i) || is_role_noun(cx.l(i)))
                    || is_group_noun(cx.l(e - 1))
                    || is_document_noun(cx.l(e - 1))
                    || is_org_head(cx.l(e - 1))
            };
            if participial {
                if let Some(b) = before.filter(|&b| speaking_phrase(b)) {
                    return Some(opening_name(cx, lo, b).unwrap_or(b));
                }
            }
            if let Some(b) = before.and_then(|b| name_phrase(cx, b)) {
                // "Jo Roe, the attorney general of Ohio, one of the states suing the EPA,
                // said": the phrase is itself an apposition, of the name opening the clause.
                if let Some(name) = opening_name(cx, lo, b) {
                    return Some(name);
                }
                if !(before_is_role && inner_name.is_some()) {
                    return Some(b);
                }
            }
            // A description, not a name: the phrase before it speaks ("The survey, conducted
            // for Acme, found"; "Jo Roe's office, when reached by the Post, said").
            // Its head must be a speaking noun, and the phrase a determiner's or a name's
            // that opens the clause.
            let speaking_head = |(x, e): (usize, usize)| {
                let head = cx.l(e - 1);
                (is_group_noun(head)
                    || is_role_noun(head)
                    || is_document_noun(head)
                    || is_org_head(head))
                    && (is_determiner(cx.l(x)) || cx.is_cap(x))
                    && (x == lo || !cx.is_word(x - 1) || is_boundary(cx.l(x - 1)))
            };
            // "Jo Roe, 41, a nurse in Lisbon, said": past the appositions, the name opening
            // the clause.
            return inner_name
                .or_else(|| opening_name(cx, lo, (q + 1, comma)))
                .or_else(|| before.filter(|&b| speaking_head(b)));
        }
    }
    if quoting {
        return None;
    }
    // No apposition: only a name opening its clause can stand before the comma ("…, Jo Roe,
    // said" after a quotation); a name inside a clause ("… a plan for Syria, said Jo Roe")
    // ends the reported clause of an inverted attribution.
    np_back(cx, lo, comma)
        .and_then(|b| name_phrase(cx, b))
        .filter(|&(x, _)| x == lo || cx.quoted(x - 1) || !cx.is_word(x - 1))
}

/// "…, said Jo Roe from the county police.", "…, said an adviser to the mayor.": a short phrase
/// of where the speaker works closes the clause after the name or role ending before `b`.
pub(super) fn affiliation_follows(cx: &Ctx, b: usize, hi: usize) -> bool {
    // "…, wrote Jo Roe for Morning Consult": the outlet a writer writes for.
    let after_name = cx.is_cap(b - 1) && matches!(cx.l(b), "from" | "of" | "at" | "with" | "for");
    let after_role = is_role_noun(cx.l(b - 1)) && cx.l(b) == "to";
    if !(after_name || after_role) {
        return false;
    }
    let mut e = b + 1;
    while e < hi && e - b <= 6 && cx.is_word(e) && !cx.quoted(e) {
        e += 1;
    }
    e - b <= 6 && (e >= hi || cx.is_stop(e) || cx.w(e) == ",")
}

/// "…, say economists, …", "…, many analysts said, …": a bare plural of people who speak for
/// a field, set off by commas (a quantifier may lead).
pub(super) fn group_aside(cx: &Ctx, a: usize, hi: usize) -> Option<(usize, usize)> {
    let mut b = a;
    if matches!(cx.l(b), "many" | "most" | "some" | "several" | "other") {
        b += 1;
    }
    let head = b;
    (head < hi && is_group_noun(cx.l(head)) && head + 1 < hi && matches!(cx.w(head + 1), "," | "."))
        .then_some((a, head + 1))
}

/// The name `lo..p` opening a sentence when the comma at `p` opens an apposition (an article
/// or a role noun first) whose closing comma, before `end`, is followed by a lower-case word.
pub(super) fn named_before_apposition(
    cx: &Ctx,
    lo: usize,
    p: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let mut a = lo;
    if matches!(cx.l(a), "but" | "and" | "so" | "yet" | "still") {
        a += 1;
    }
    if a >= p || !(a..p).all(|i| cx.is_cap(i) || cx.w(i) == ".") || p + 1 >= end {
        return None;
    }
    if !(matches!(cx.l(p + 1), "a" | "an" | "the") || is_role_noun(cx.l(p + 1))) {
        return None;
    }
    let q = (p + 2..end.min(p + 25)).find(|&i| cx.w(i) == "," || cx.is_stop(i) || cx.quoted(i))?;
    let verb = q + 1 < end && cx.w(q) == "," && cx.is_word(q + 1) && !cx.is_cap(q + 1);
    (verb && !is_boundary(cx.l(q + 1))).then_some((a, p))
}

/// The name `lo..p` opening the clause when the comma at `p` opens an apposition (an article or a
/// role noun first) that runs on, without its closing comma, to the subject phrase starting at
/// `a` and the cue at `j` ("Jo Roe, president and CEO of Acme Freight said", "Jo Roe, chair of
/// Local 12, Harbour Workers union said"): the news wire's dropped comma. The name has two or
/// more capitalised words and no preposition first ("In New York, the mayor said" is a place);
/// a comma inside the apposition must be followed by a capital, an article or a role noun (a
/// lower-case word after it would be a verb, the apposition closed), and a relative pronoun in
/// it makes the cue its verb.
pub(super) fn unclosed_apposition(
    cx: &Ctx,
    lo: usize,
    a: usize,
    j: usize,
) -> Option<(usize, usize)> {
    const REACH: usize = 16;
    if a <= lo + 2 || j - lo > REACH + 4 {
        return None;
    }
    let p = (lo..a).find(|&i| cx.w(i) == ",")?;
    let name = lo..p;
    if name.len() < 2
        || !name.clone().all(|i| cx.is_cap(i) || cx.w(i) == ".")
        || is_boundary(cx.l(lo))
        || matches!(
            cx.l(lo),
            "in" | "on"
                | "at"
                | "for"
                | "from"
                | "by"
                | "with"
                | "after"
                | "before"
                | "since"
                | "during"
                | "under"
                | "as"
                | "like"
                | "unlike"
                | "when"
                | "while"
                | "if"
        )
    {
        return None;
    }
    let opens = |i: usize| matches!(cx.l(i), "a" | "an" | "the") || is_role_noun(cx.l(i));
    if !opens(p + 1) || j - p > REACH {
        return None;
    }
    for i in p + 1..j {
        if cx.quoted(i) || cx.is_stop(i) || matches!(cx.l(i), "who" | "which" | "that") {
            return None;
        }
        if cx.w(i) == "," && !(i + 1 < j && (cx.is_cap(i + 1) || opens(i + 1))) {
            return None;
        }
        if !cx.is_word(i) && !matches!(cx.w(i), "," | "." | "&" | "-") {
            return None;
        }
    }
    Some((lo, p))
}
