//! What a cue reports: the quoted span before or after it, the reported clause after it
//! ("said that …"), an aside's content, and conjoined attributions.

use claimtrail_text::TokenKind;

use crate::marks::starts_paragraph;
use crate::speakers::is_group_noun;
use crate::word_classes::{
    is_addressee_cue, is_boundary, is_cue, is_participle, is_role_noun, is_speech_noun,
    is_time_word, pronoun_gender,
};

use super::noun_phrase::starts_with_time;
use super::noun_phrase::{is_determiner, is_preposition, opens_clause};
use super::reported_subject::that_is_subject;
use super::subject::about_speaker;
use super::{is_possessive, trim, Ctx, MAX_BRIDGE, MAX_CONTENT, MAX_SUBJECT};

/// A quoted span that closes right before the attribution starting at `a`.
pub(crate) fn quote_before(cx: &Ctx, a: usize, tail: usize) -> Option<usize> {
    let mut p = a;
    while p > 0 && matches!(cx.w(p - 1), "," | "—" | "–" | "-") && !cx.quoted(p - 1) {
        p -= 1;
    }
    if p == 0 || starts_paragraph(cx.doc, a) && p == a {
        return None;
    }
    // "…," retired Air Force general Lloyd Newton said, "…," Pakistan-based developer Jo Roe
    // wrote: a few modifiers outside the subject.
    let mut q = p;
    // A conjunction starts a new clause ("…“legitimate” but insisted …"): no modifier. Nor
    // do words before a comma ("… podcast “The Axe Files” out Thursday, Jo Roe said"): they
    // close an opening phrase, not the subject.
    while q > 0
        && p == a
        && p - q < 3
        && cx.is_word(q - 1)
        && !cx.quoted(q - 1)
        && !is_cue(cx.l(q - 1))
        && !is_boundary(cx.l(q - 1))
    {
        q -= 1;
    }
    if q < p && q > 0 && cx.closes(q - 1).is_some() {
        p = q;
    }
    // A quotation closing the paragraph before is no part of this attribution ("…jobs.”¶The
    // difference, Mr. Roe said, was …").
    if (p..=a).any(|i| i < cx.doc.tokens.len() && starts_paragraph(cx.doc, i)) {
        return None;
    }
    let m = cx.closes(p - 1)?;
    if title_in_opener(cx, m) {
        return None;
    }
    // "“…!” he said" attaches across the stop; "“….” Kirby said" starts a new statement.
    let mk = cx.marks[m];
    let last = cx.doc.text[mk.start..mk.end].chars().next_back();
    (last != Some('.') || p < a || !cx.is_cap(a) || tail < 4).then_some(m)
}

/// "In an interview on CBS's “Face the Nation,” Ryan said …": a short title-cased quotation
/// inside the prepositional phrase that opens its sentence (no comma before it) names a
/// programme or a work; it is no quotation of the speaker after it.
fn title_in_opener(cx: &Ctx, m: usize) -> bool {
    let mk = cx.marks[m];
    let Some(close) = mk.close_tok else {
        return false;
    };
    // The words before the opening mark, back to the sentence's start: a preposition first.
    let mut k = mk.open_tok;
    while k > 0 && mk.open_tok - k < 12 && !starts_paragraph(cx.doc, k) {
        let w = cx.w(k - 1);
        if cx.quoted(k - 1) || matches!(w, "," | ":" | ";" | "—" | "–") {
            return false;
        }
        if cx.is_stop(k - 1) {
            break;
        }
        k -= 1;
    }
    let opened = k == 0 || starts_paragraph(cx.doc, k) || cx.is_stop(k - 1);
    if !opened || k == mk.open_tok || !is_preposition(cx.l(k)) || !cx.is_cap(k) {
        return false;
    }
    // The title, closed by the phrase's comma.
    let comma = cx.w(close - 1) == "," || close + 1 < cx.doc.tokens.len() && cx.w(close + 1) == ",";
    comma && reads_as_title(cx, m)
}

/// Whether the quotation `m` reads as a title ("Face the Nation", "Tales From the Crypt"): a
/// few words, the first capitalised and every word of four letters or more too, one of them
/// past the first, and no sentence's end inside.
pub(crate) fn reads_as_title(cx: &Ctx, m: usize) -> bool {
    let mk = cx.marks[m];
    let end = mk.close_tok.unwrap_or(mk.last_tok);
    let words: Vec<usize> = (mk.open_tok + 1..end).filter(|&i| cx.is_word(i)).collect();
    // A day or month is capitalised too ("Sunday Roundup").
    let cap = |i: usize| crate::word_classes::is_capitalised(cx.w(i));
    // A sentence's end inside the marks is a statement's ("I Will Not Go."), and a title has a
    // long capitalised word past its first ("We won," is no title).
    let last = end.saturating_sub(1).max(mk.open_tok);
    let stated = (last.saturating_sub(1)..=last).any(|i| matches!(cx.w(i), "." | "!" | "?"));
    !words.is_empty()
        && words.len() <= 6
        && !stated
        && cap(words[0])
        && words[1..].iter().any(|&i| cap(i) && cx.w(i).len() >= 4)
        && words
            .iter()
            .all(|&i| cap(i) || cx.w(i).len() <= 3 || cx.doc.tokens[i].kind != TokenKind::Word)
}

/// A quoted span opening shortly after the attribution ending at `b`: after a colon or comma
/// ("told reporters on Monday: “…”"), or right away when it reads as a whole sentence.
pub(crate) fn quote_after(cx: &Ctx, b: usize, hi: usize, after_quote: bool) -> Option<usize> {
    let n = cx.doc.tokens.len();
    let mut j = b;
    let long_object = b < hi
        && !cx.quoted(b)
        && matches!(
            cx.l(b),
            "another" | "a" | "an" | "the" | "one" | "two" | "three" | "several" | "this" | "these"
        )
        && (b..(b + MAX_BRIDGE).min(hi)).all(|i| !claimtrail_lexicon::is_auxiliary(cx.l(i)));
    // "Roe adds another mechanism at play for the drop: “…”": an object of the cue may run
    // longer before a colon that introduces the quotation.
    while j < n && j - b <= 2 * MAX_BRIDGE {
        // Only a noun phrase (a determiner first, no auxiliary in it) is such an object;
        // "said she has the quality for the job: “…”" reports its clause.
        if j - b > MAX_BRIDGE && !long_object {
            return None;
        }
        if j - b > MAX_BRIDGE && !(cx.opens(j).is_some() && cx.w(j - 1) == ":") {
            if cx.quoted(j)
                || cx.is_stop(j)
                || j >= hi
                || cx.l(j) == "that"
                || claimtrail_lexicon::is_auxiliary(cx.l(j))
            {
                return None;
            }
            j += 1;
            continue;
        }
        if let Some(m) = cx.opens(j) {
            let mk = cx.marks[m];
            let sep = j > b && matches!(cx.w(j - 1), "," | ":" | "—" | "–");
            let capital = cx.doc.text[mk.start..mk.end]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase());
            let whole = (j == b || sep && j - b == 1) && capital;
            let ok = sep && (j - b == 1 || !after_quote) || whole;
            return ok.then_some(m);
        }
        if j >= hi && !after_quote || cx.quoted(j) || cx.is_stop(j) && !after_quote {
            return None;
        }
        if after_quote && cx.is_stop(j) {
            // "…," he said. "…" — the next sentence's quote continues the speaker, within the
            // paragraph: a new paragraph's quotation may have an attribution of its own.
            // Not when that quotation carries its own cue ("…," Roe said. "…," said Poe.):
            // two speakers take turns within a paragraph.
            return (j + 1 < n && !starts_paragraph(cx.doc, j + 1))
                .then(|| cx.opens(j + 1))
                .flatten()
                .filter(|&m| !own_cue_after(cx, m));
        }
        if matches!(cx.l(j), "that" | "whether" | "if") {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether the quotation `m` is followed by an attribution of its own: after its closing mark
/// (and a comma or dash), a cue within a short subject before the sentence ends ("…," said Jo
/// Roe. / "…," Roe said. / "…," she added.).
fn own_cue_after(cx: &Ctx, m: usize) -> bool {
    let Some(close) = cx.marks[m].close_tok else {
        return false;
    };
    let n = cx.doc.tokens.len();
    let mut k = close + 1;
    if k < n && matches!(cx.w(k), "," | "—" | "–") && !cx.quoted(k) {
        k += 1;
    }
    (k..n.min(k + 5))
        .take_while(|&i| !cx.quoted(i) && !cx.is_stop(i) && !starts_paragraph(cx.doc, i))
        .any(|i| cx.doc.tokens[i].kind == TokenKind::Word && is_cue(cx.l(i)))
}

/// The reported clause after a cue: after "that" when it comes soon, else after an addressee.
pub(crate) fn content_after(cx: &Ctx, c: usize, b: usize, hi: usize) -> Option<(usize, usize)> {
    // "said Thursday the actress checked into a facility that …": a day right after the cue
    // is when it was said; a "that" after the object that follows it is the clause's own
    // relative pronoun (not so "said Thursday that …", "said Monday's vote …").
    let bd = if b + 2 < hi
        && (claimtrail_lexicon::is_weekday_name(cx.l(b))
            || matches!(cx.l(b), "today" | "yesterday" | "tonight"))
        && cx.is_word(b + 1)
        && !cx.quoted(b + 1)
        && (is_determiner(cx.l(b + 1)) || pronoun_gender(cx.l(b + 1)).is_some())
    {
        b + 1
    } else {
        b
    };
    // "Roe said nothing after officers surrounded him": the verb reports no words.
    // Not "said nothing new about …", which reports a finding.
    if b + 1 < hi
        && cx.l(b) == "nothing"
        && !cx.quoted(b)
        && (matches!(cx.w(b + 1), "," | "." | ";")
            || matches!(
                cx.l(b + 1),
                "after" | "when" | "as" | "until" | "before" | "while" | "because" | "and"
            ))
    {
        return None;
    }
    let mut st = b;
    let mut saw_that = false;
    let mut j = b;
    while j < hi && j - b < 12 && !cx.quoted(j) && !cx.is_stop(j) {
        // "claimed Trump relied on lies and that we now live …": a second that-clause
        // coordinated with one that opened right after the cue; the report starts there.
        if cx.l(j) == "that" && j > b + 1 && cx.l(j - 1) == "and" {
            break;
        }
        // "said the vessel was a trawler that …": a finite auxiliary before any "that" shows
        // the reported clause began right after the cue, and the "that" is inside it. Not
        // after a relative pronoun ("told reporters who had gathered that …").
        if j > b
            && claimtrail_lexicon::is_auxiliary(cx.l(j))
            && !(b..j).any(|i| matches!(cx.l(i), "who" | "which" | "whom" | ","))
        {
            break;
        }
        if cx.l(j) == "that" {
            // "says a violent hit that used to be legal now draws a penalty": after an object
            // opening with a determiner, "that" is a relative pronoun inside the reported
            // clause, unless the verb takes its addressee there ("told the court that …") or
            // the words are a time ("said the day before that …"). A noun of content takes
            // the clause as its own ("acknowledged the fact that …").
            if j > bd
                && is_determiner(cx.l(bd))
                && !is_addressee_cue(cx.l(c))
                && !starts_with_time(cx, bd, hi)
                && !(bd..j).any(|i| cx.is_cap(i) || is_time_word(cx.l(i)))
                && !is_speech_noun(cx.l(j - 1))
                && !matches!(
                    cx.l(j - 1),
                    "fact" | "idea" | "possibility" | "news" | "point"
                )
            {
                j += 1;
                continue;
            }
            // "experts say that isn't likely": "that" is the clause's subject and stays in it.
            st = if that_is_subject(cx, j, hi) { j } else { j + 1 };
            saw_that = true;
            break;
        }
        if is_cue(cx.l(j)) {
            break;
        }
        // "warned people to stay away from pills that …": the infinitive is the content, and
        // a "that" after it opens a relative clause.
        if cx.l(j) == "to" && j > b && is_addressee_cue(cx.l(c)) {
            break;
        }
        j += 1;
    }
    if !saw_that {
        if is_addressee_cue(cx.l(c)) {
            let mut k = st;
            // "told reporters the suspect was …", "told Lee he would …": the addressee ends
            // where a subject pronoun or a determiner opens the reported clause.
            while k < hi
                && k - st < 4
                && cx.is_word(k)
                && !is_boundary(cx.l(k))
                && !cx.quoted(k)
                && !(k > st && opens_clause(cx.l(k)) && !is_preposition(cx.l(k - 1)))
            {
                k += 1;
            }
            st = k;
        }
        // "the brain areas you think with; it reaches …": a preposition the clause ends on
        // leaves the verb with nothing to report.
        if st + 1 < hi && is_preposition(cx.l(st)) && matches!(cx.w(st + 1), ";" | "," | ":") {
            return None;
        }
        while st < hi && matches!(cx.w(st), "," | ":") {
            st += 1;
        }
        // "…, Roe said in an interview with the newspaper Le Monde on Wednesday.": a phrase of
        // where or how it was said, with no finite verb after it up to the sentence's end, is
        // no reported clause ("said in a statement the firm would …" still reports).
        // Only so after a clause and a comma: "ClassPass noted in its report a 159% rise"
        // reports its object.
        let closing = (c.saturating_sub(MAX_SUBJECT + 1)..c)
            .rev()
            .find(|&i| !cx.is_word(i) && !matches!(cx.w(i), "." | "-" | "'s" | "’s"))
            .is_some_and(|i| {
                cx.w(i) == ","
                    || cx.closes(i).is_some_and(|m| {
                        let mk = cx.marks[m];
                        let last = cx.doc.text[mk.start..mk.end].chars().next_back();
                        !matches!(last, Some('.' | '!' | '?'))
                    })
            });
        if closing && setting_phrase(cx, st, hi) {
            return None;
        }
        // A clause-final attribution ("…, Kirby said on Monday.") has nothing after it.
        let rest = (st..hi.min(st + 16)).filter(|&i| cx.is_word(i)).count();
        if rest < 4 || starts_with_time(cx, st, hi) && rest < 9 {
            return None;
        }
        // "have added variety into the mix": a bare noun and where it goes after the verb
        // are its object, no clause.
        if !is_addressee_cue(cx.l(c)) && object_then_preposition(cx, st, hi) {
            return None;
        }
    }
    // Reported clauses are bounded so that a run-on "sentence" stays linear.
    let hi = hi.min(st + MAX_CONTENT);
    let mut en = hi;
    let mut k = st;
    let aside = in_dash_aside(cx, c);
    while k < hi {
        // "On Monday — a day after police said two men had fled — about 300 people marched":
        // a cue inside an aside set off by dashes reports no further than the closing dash.
        if aside && k > st && is_aside_dash(cx.w(k)) && !cx.quoted(k) {
            en = k;
            break;
        }
        // A second attribution ends this content: "…, adding that …", "…, according to …".
        if cx.w(k) == "," && k + 1 < hi && !cx.quoted(k) && next_attribution(cx, k + 1, hi) {
            en = k;
            break;
        }
        // "declared his intention to resist Obama, guaranteeing two more years of …": after
        // a content that is no clause (no "that", no finite auxiliary), a participle after a
        // comma is the writer's comment on the report.
        if cx.w(k) == ","
            && !saw_that
            && k + 1 < hi
            && !cx.quoted(k + 1)
            && cx.l(k + 1).ends_with("ing")
            && cx.l(k + 1).len() > 5
            && !matches!(cx.l(k + 1), "including" | "according")
            && !cx.is_cap(k + 1)
            && !(st..k).any(|i| claimtrail_lexicon::is_auxiliary(cx.l(i)))
            // "recalls being out at a party, realizing …": a series of gerunds goes on.
            && !cx.l(st).ends_with("ing")
        {
            en = k;
            break;
        }
        // "… was fine and the military said it …", "… even as the budget office estimated
        // that …": another speaker's attribution starts a clause of its own.
        if k > st && conjoined_attribution(cx, k, hi) {
            en = if cx.l(k - 1) == "even" { k - 1 } else { k };
            break;
        }
        // "… were fair but insisted that …": the speaker's second verb starts a clause of its own.
        if k > st
            && k + 1 < hi
            && matches!(cx.l(k), "but" | "and")
            && !cx.quoted(k + 1)
            && is_cue(cx.l(k + 1))
            && !is_participle(cx.l(k + 1))
            && !cx.is_cap(k + 1)
        {
            en = k;
            break;
        }
        // "… “visual evidence,” but he said …": the comma sits inside the closing mark.
        if k > st
            && k + 1 < hi
            && cx.closes(k).is_some()
            && cx.w(k - 1) == ","
            && next_attribution(cx, k + 1, hi)
        {
            // "…, “so they cannot …,” Mr. Roe said": the quotation is the next speaker's.
            let own = matches!(cx.l(k + 1), "but" | "and" | "while");
            en = match cx.closes(k) {
                Some(m) if !own && cx.marks[m].open_tok > st => cx.marks[m].open_tok,
                _ => k + 1,
            };
            break;
        }
        k += 1;
    }
    trim(cx, st, en)
}

/// Whether the words from `st` are a bare lower-case noun (no determiner, pronoun, number,
/// quantifier or cue word such as "according" that would open a clause or an attribution) followed at once by a preposition of
/// direction or purpose: a verb's object, not the subject of a reported clause.
fn object_then_preposition(cx: &Ctx, st: usize, hi: usize) -> bool {
    st + 2 < hi
        && cx.doc.tokens[st].kind == TokenKind::Word
        && !cx.quoted(st)
        && !cx.is_cap(st)
        && !opens_clause(cx.l(st))
        && !is_boundary(cx.l(st))
        && !is_cue(cx.l(st))
        && !matches!(
            cx.l(st),
            "many"
                | "most"
                | "some"
                | "all"
                | "few"
                | "more"
                | "several"
                | "both"
                | "each"
                | "no"
                | "none"
                | "any"
                | "such"
                | "people"
                | "others"
                | "everyone"
        )
        && !claimtrail_lexicon::is_auxiliary(cx.l(st))
        && !is_time_word(cx.l(st))
        // "pledged allegiance to …", "lent momentum to …": "to" may lead a reported
        // attribution's object as well; only a movement into something is read as an object.
        && matches!(cx.l(st + 1), "into" | "onto")
        && is_determiner(cx.l(st + 2))
}

/// An attribution set off by commas inside a sentence ("The plan, say economists, will fail";
/// "Prices rose, Jo Roe said, and wages fell"; `c` the cue, `ext` the attribution's tokens): the
/// reported clause is the part before it, carried on through the part after it when that goes
/// on with the same clause (a lower-case verb, no conjunction or clause about the speaker).
pub(crate) fn aside_content(
    cx: &Ctx,
    from: usize,
    c: usize,
    ext: (usize, usize),
    hi: usize,
) -> Option<(usize, usize)> {
    let (a, b) = ext;
    if a <= from + 1 || cx.w(a - 1) != "," || b + 1 >= hi || cx.w(b) != "," {
        return None;
    }
    if about_speaker(cx, b, hi) {
        return None;
    }
    let before = trim(cx, from.max(a.saturating_sub(MAX_CONTENT)), a - 1)?;
    // "Earlier this week, he said, …": an opening phrase is no clause.
    if starts_with_time(cx, before.0, hi)
        || matches!(
            cx.l(before.0),
            "earlier"
                | "later"
                | "for"
                | "with"
                | "within"
                | "from"
                | "by"
                | "to"
                | "under"
                | "over"
                | "despite"
                | "since"
                | "as"
                | "among"
                | "amid"
                | "across"
                | "through"
                | "following"
                | "without"
                | "asked"
                | "speaking"
                | "separately"
                | "meanwhile"
                | "however"
        )
    {
        return None;
    }
    let k = b + 1;
    let w = cx.l(k);
    // "…, Jo Roe said, and wages fell", "…, said Jo Roe, adding …": the clause ended before.
    let ends = matches!(
        w,
        "and"
            | "but"
            | "or"
            | "nor"
            | "yet"
            | "so"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "according"
    ) || is_participle(w)
        || starts_with_time(cx, k, hi);
    if ends {
        return Some(before);
    }
    // "The plan, say economists, will fail": a lower-case verb carries the clause on. A new
    // subject after the attribution ("Within months, Roe said, the firm was …"), a number
    // ("…, said Jo Roe, 45, …") or a quotation is left to the usual reading.
    let goes_on = cx.doc.tokens[k].kind == TokenKind::Word
        && !cx.is_cap(k)
        && !cx.quoted(k)
        && pronoun_gender(w).is_none()
        && !is_determiner(w);
    if !goes_on {
        return None;
    }
    let end = content_after(cx, c, b, hi)
        .or_else(|| trim(cx, k, hi.min(k + MAX_CONTENT)))
        .map_or(before.1, |(_, e)| e);
    Some((before.0, end.max(before.1)))
}

/// A conjunction at `k` followed by a subject of its own and a cue that introduces a clause
/// ("and the military said it …", "as the Budget Office estimated that …", "but he said …").
fn conjoined_attribution(cx: &Ctx, k: usize, hi: usize) -> bool {
    if cx.quoted(k) || !matches!(cx.l(k), "and" | "but" | "while" | "whereas" | "as") {
        return false;
    }
    let mut j = k + 1;
    let det = j < hi && matches!(cx.l(j), "the" | "a" | "an");
    if det {
        j += 1;
    }
    let start = j;
    if j < hi && pronoun_gender(cx.l(j)).is_some() {
        j += 1;
    } else {
        // A name, or after a determiner a short noun phrase ("the military").
        while j < hi
            && j - start < 5
            && cx.is_word(j)
            && !cx.quoted(j)
            && !is_boundary(cx.l(j))
            && !is_cue(cx.l(j))
            && (cx.is_cap(j) || det && j - start < 2)
        {
            j += 1;
        }
    }
    j > start
        && j + 1 < hi
        && is_cue(cx.l(j))
        && !cx.is_cap(j)
        && !is_participle(cx.l(j))
        && !cx.quoted(j)
        && cx.is_word(j + 1)
        // "and the former continues to monitor …": a verb with an infinitive reports nothing.
        && cx.l(j + 1) != "to"
}

/// Does an attribution start at `i` ("adding", "according to", "but he said", "Kirby said")?
fn next_attribution(cx: &Ctx, i: usize, hi: usize) -> bool {
    if is_participle(cx.l(i)) || cx.l(i) == "according" {
        return true;
    }
    let mut k = i;
    if matches!(cx.l(k), "but" | "and" | "while") {
        k += 1;
    }
    let mut j = k;
    while j < hi && j - k < MAX_SUBJECT && (cx.is_word(j) || is_possessive(cx, j)) && !cx.quoted(j)
    {
        if is_cue(cx.l(j)) && !cx.is_cap(j) {
            let clause_final = j + 1 >= hi || cx.is_stop(j + 1) || cx.w(j + 1) == ",";
            // "…,” one of the lawyers for the mayor said …": a role or a group speaks too.
            return j > k
                && (cx.is_cap(j - 1)
                    || pronoun_gender(cx.l(j - 1)).is_some()
                    || is_role_noun(cx.l(j - 1))
                    || is_group_noun(cx.l(j - 1))
                    || clause_final);
        }
        j += 1;
    }
    false
}

/// The clause an attribution closes: "Russia is to blame, Kirby said."
pub(crate) fn content_before(
    cx: &Ctx,
    from: usize,
    a: usize,
    b: usize,
    hi: usize,
) -> Option<(usize, usize)> {
    if a == 0 || a <= from || cx.w(a - 1) != "," {
        return None;
    }
    // Only a short tail may follow the attribution ("on Monday", "in a statement"), or a
    // clause about the speaker ("…, said Jo Roe, who runs the lab", "…, a spokesman for …").
    let tail = (b..hi.min(b + 16)).filter(|&i| cx.is_word(i)).count();
    if tail > 8 && !about_speaker(cx, b, hi) && !setting_phrase(cx, b, hi) {
        return None;
    }
    trim(cx, from.max(a.saturating_sub(MAX_CONTENT)), a - 1)
}

/// "in an interview with the newspaper Le Monde on Wednesday", "at a news conference": a phrase
/// of where or how something was said, opening at `st` with a preposition and a determiner, and
/// no finite verb or "that" after it up to the sentence's end (so "in a statement the firm
/// would …" is a reported clause).
fn setting_phrase(cx: &Ctx, st: usize, hi: usize) -> bool {
    if st + 2 >= hi
        || !matches!(cx.l(st), "in" | "at" | "during")
        || !is_determiner(cx.l(st + 1))
        || cx.quoted(st)
    {
        return false;
    }
    // The phrase runs to the sentence's end: no comma or quotation after it ("said in an
    // interview, “…”" reports the quotation), no finite verb, no "that".
    let end = hi.min(st + 40);
    let Some(stop) = (st..end).find(|&i| cx.is_stop(i)) else {
        return false;
    };
    !(st..stop).any(|i| {
        cx.quoted(i)
            || matches!(cx.w(i), "," | ":" | ";")
            || claimtrail_lexicon::is_auxiliary(cx.l(i))
            || cx.l(i) == "that"
    })
}

/// Whether the cue at `c` has an object of its own right after it ("…, it remembered the
/// experience."): a verb that takes no addressee and is followed by a determiner and a noun
/// that is no time phrase ("…, she said the next day") does not report the clause before it.
pub(crate) fn has_own_object(cx: &Ctx, c: usize, hi: usize) -> bool {
    let b = c + 1;
    b + 1 < hi
        && !is_addressee_cue(cx.l(c))
        && matches!(
            cx.l(b),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
        )
        && cx.is_word(b + 1)
        && !(b + 1..hi.min(b + 4)).any(|i| {
            is_time_word(cx.l(i))
                || matches!(
                    cx.l(i),
                    "day" | "days" | "next" | "following" | "previous" | "other" | "same" | "time"
                )
        })
}

/// A dash that sets off an aside: a long dash, not a hyphen.
fn is_aside_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "--")
}

/// Whether the cue at `c` sits inside an aside set off by dashes: an odd number of such dashes
/// stands between it and its sentence's start (at most 80 tokens back; further, no).
pub(crate) fn in_dash_aside(cx: &Ctx, c: usize) -> bool {
    let mut dashes = 0;
    let mut i = c;
    while i > 0 && !cx.is_stop(i - 1) && !starts_paragraph(cx.doc, i) {
        if c - i >= 80 {
            return false;
        }
        i -= 1;
        if is_aside_dash(cx.w(i)) && !cx.quoted(i) {
            dashes += 1;
        }
    }
    dashes % 2 == 1
}
