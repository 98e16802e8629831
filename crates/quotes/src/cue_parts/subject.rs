//! The subject of a cue: the noun phrase before it ("Jo Roe, the mayor, said"), after it ("said
//! Jo Roe"), or after a quote ("“…,” Roe said"), and whether it can speak at all.

use crate::speakers::{is_accusing_noun, is_document_noun, is_group_noun, is_naming_verb};
use crate::word_classes::{
    is_aux_or_adverb, is_boundary, is_cue, is_participle, is_role_noun, is_time_word, is_title,
    is_weak_cue, pronoun_gender,
};

use super::appositions::{affiliation_follows, appositive, group_aside, unclosed_apposition};
use super::noun_phrase::{
    agent_noun, complement_head, is_aspect_verb, is_determiner, is_determiner_or_adjective,
    is_ly_adverb, is_role_or_modifier, name_phrase, np_back, opens_relative_clause, role_word,
    starts_with_time,
};
use super::{is_possessive, Ctx, MAX_SUBJECT};

fn is_number(cx: &Ctx, i: usize) -> bool {
    cx.doc.tokens[i].kind == claimtrail_text::TokenKind::Number
}

/// The subject phrase ending just before cue `c` (auxiliaries and adverbs skipped).
pub(crate) fn subject_before(cx: &Ctx, lo: usize, c: usize) -> Option<(usize, usize)> {
    let mut j = c;
    // "The senator has continued to argue that …": the aspect verb and its "to" stand
    // between the subject and the cue, as an auxiliary would.
    let aspect = |j: usize| j >= lo + 2 && cx.l(j - 1) == "to" && is_aspect_verb(cx.l(j - 2));
    if aspect(j) {
        j -= 2;
    }
    let verb = j;
    while j > lo
        && !cx.quoted(j - 1)
        && (is_aux_or_adverb(cx.l(j - 1))
            || is_time_word(cx.l(j - 1))
            || is_ly_adverb(cx, lo, j - 1)
            // "Cruz has long said": "long" after an auxiliary is an adverb of time.
            || cx.l(j - 1) == "long"
                && j >= lo + 2
                && claimtrail_lexicon::is_auxiliary(cx.l(j - 2)))
        && verb - j < 4
    {
        j -= 1;
    }
    if j > lo && j < c && cx.l(j - 1) == "on" {
        j -= 1;
    }
    // "nearly half of all respondents (49.3%) said": a parenthesis closing right before the
    // verb is an aside inside the subject.
    if j > lo + 2 && cx.w(j - 1) == ")" {
        if let Some(k) = (j.saturating_sub(10).max(lo + 1)..j - 1)
            .rev()
            .find(|&k| cx.w(k) == "(")
            .filter(|&k| (k + 1..j - 1).all(|i| !cx.is_stop(i) && !cx.quoted(i)))
        {
            j = k;
        }
    }
    if j == lo {
        return None;
    }
    // "Nearly 59% said", "43% and 36% said": a share of a survey's respondents.
    let share = |i: usize| {
        is_number(cx, i)
            && (cx.w(i).ends_with('%') || i + 1 < c && matches!(cx.w(i + 1), "%" | "percent"))
    };
    let last_share = if j >= lo + 2 && matches!(cx.w(j - 1), "%" | "percent") {
        Some(j - 2)
    } else {
        Some(j - 1)
    }
    .filter(|&i| share(i));
    if let Some(mut a) = last_share {
        while a > lo && (is_number(cx, a - 1) || matches!(cx.w(a - 1), "%" | "and" | "percent")) {
            a -= 1;
        }
        while a > lo && is_aux_or_adverb(cx.l(a - 1)) && !cx.is_stop(a - 1) {
            a -= 1;
        }
        return Some((a, j));
    }
    if pronoun_gender(cx.l(j - 1)).is_some() {
        return Some((j - 1, j));
    }
    // "Mike Lee, who declared": the relative pronoun stands for the name before it.
    if cx.l(j - 1) == "who" && j >= lo + 2 && cx.w(j - 2) == "," {
        return np_back(cx, lo, j - 2);
    }
    if cx.w(j - 1) == "," && j - 1 > lo {
        return appositive(cx, lo, j - 1);
    }
    // "John Dickey, the chief executive of Cumulus, -- told me", "Jo Roe -- co-editor of the
    // journal -- said": a long dash closing an apposition before the verb.
    if j >= lo + 3 && matches!(cx.w(j - 1), "--" | "—" | "–") && !cx.quoted(j - 1) {
        if cx.w(j - 2) == "," {
            return appositive(cx, lo, j - 2);
        }
        let open = (j.saturating_sub(25).max(lo + 1)..j - 1)
            .rev()
            .take_while(|&k| !cx.is_stop(k) && !cx.quoted(k))
            .find(|&k| cx.w(k) == cx.w(j - 1))?;
        return np_back(cx, lo, open).and_then(|b| name_phrase(cx, b));
    }
    // "Lee, citing “the magic of it,” said": the apposition's comma inside its closing quote.
    if j >= lo + 3 && cx.quoted(j - 1) && cx.w(j - 2) == "," && cx.quoted(j - 2) {
        return appositive(cx, lo, j - 2);
    }
    if let Some(np) = relative_antecedent(cx, lo, j, c) {
        return Some(np);
    }
    // "A colleague of Rothman's remembered": a double genitive ends the phrase; its head is
    // the subject, the possessive no dangling determiner.
    if j > lo + 1 && is_possessive(cx, j - 1) {
        let (a, b) = np_back(cx, lo, j - 1)?;
        if a < lo + 2 || cx.l(a - 1) != "of" {
            return None;
        }
        return np_back(cx, lo, a - 1).map(|(h, _)| (h, b));
    }
    // "…, MyFoxHouston.com reports": an outlet written as its web address.
    if let Some(a) = web_address_before(cx, lo, j) {
        return Some((a, j));
    }
    let np = np_back(cx, lo, j).map(|(a, b)| (document_of(cx, lo, a), b));
    // "Representatives at several Acme stores in Canada said": the phrase next to the cue is
    // the object of a preposition nested in a role or group noun's complement; that noun
    // heads the subject, the place is only where its people are.
    let np = np.map(|(a, b)| (complement_head(cx, lo, a).unwrap_or(a), b));
    // "Jo Roe, president and CEO of Acme said": an apposition whose closing comma is missing;
    // the phrase next to the cue is only its tail.
    if let Some(name) = np.and_then(|(a, _)| unclosed_apposition(cx, lo, a, j)) {
        return Some(name);
    }
    // "Parata and his family believe": the named person speaks for the pair.
    if let Some((a, _)) = np {
        if a >= lo + 2
            && matches!(cx.l(a), "his" | "her" | "their")
            && cx.l(a - 1) == "and"
            && cx.is_cap(a - 2)
        {
            if let Some(name) =
                np_back(cx, lo, a - 1).filter(|&(x, y)| (x..y).all(|i| cx.is_cap(i)))
            {
                return Some(name);
            }
        }
    }
    // "…, police and the woman's friend said": two speakers joined by "and" after the clause's
    // comma, or opening the sentence, speak together.
    np.map(|(a, b)| (conjoined_speakers(cx, lo, a).unwrap_or(a), b))
}

/// The start of an outlet's web address ending before token `j` ("Politico.com", tokenised
/// as a capitalised name, a full stop and the domain's suffix), when there is one.
fn web_address_before(cx: &Ctx, lo: usize, j: usize) -> Option<usize> {
    (j >= lo + 3
        && crate::word_classes::is_web_suffix(cx.l(j - 1))
        && cx.w(j - 2) == "."
        && cx.is_word(j - 3)
        && cx.is_cap(j - 3)
        && !cx.quoted(j - 3))
    .then(|| j - 3)
}

/// The start of a first speaker joined by "and" to the subject starting at `a`, when that
/// speaker opens the sentence or follows a comma ("…, police and a hospital spokesman said"):
/// a short noun phrase that is a group, a role, a name or a determiner's phrase.
fn conjoined_speakers(cx: &Ctx, lo: usize, a: usize) -> Option<usize> {
    if a < lo + 2 || cx.l(a - 1) != "and" || cx.quoted(a - 1) {
        return None;
    }
    let (x, y) = np_back(cx, lo, a - 1)?;
    let head = cx.l(y - 1);
    let speaker_like = is_group_noun(head)
        || is_role_noun(head)
        || matches!(
            head,
            "police" | "authorities" | "officials" | "witnesses" | "residents"
        )
        || (x..y).all(|i| cx.is_cap(i));
    (y == a - 1
        && a - 1 - x <= 4
        && (x == lo || cx.w(x - 1) == ",")
        && pronoun_gender(cx.l(x)).is_none()
        && speaker_like)
        .then_some(x)
}

/// "Officials who spoke on condition of anonymity said", "The mother of a woman who took the
/// pills has described": a restrictive relative clause (no comma, stop, quotation or other cue
/// in it) ends just before the verb at `j`; the subject is the noun phrase it modifies. A cue
/// right after the relative pronoun is the relative clause's own verb ("an article by New York
/// magazine that claimed …"), whose subject is the phrase before the pronoun too. That phrase
/// must read as one (a determiner, a name, a group or role noun), not a predicate ("it is
/// unclear who fired").
fn relative_antecedent(cx: &Ctx, lo: usize, j: usize, c: usize) -> Option<(usize, usize)> {
    const REACH: usize = 12;
    let adjacent = j > lo + 1 && matches!(cx.l(j - 1), "who" | "that" | "which");
    let k = if adjacent {
        // The relative verb must report a clause: "…, an Oklahoma Republican who warned of the
        // deficit" reports nothing.
        let n = cx.doc.tokens.len();
        if c + 1 >= n
            || matches!(
                cx.l(c + 1),
                "of" | "about"
                    | "against"
                    | "for"
                    | "to"
                    | "on"
                    | "in"
                    | "with"
                    | "by"
                    | "from"
                    | "at"
                    | "as"
            )
        {
            return None;
        }
        j - 1
    } else {
        let mut k = j;
        loop {
            if k == lo || j - k >= REACH {
                return None;
            }
            k -= 1;
            let w = cx.l(k);
            if cx.quoted(k) || !cx.is_word(k) || is_cue(w) {
                return None;
            }
            if w == "who" {
                break k;
            }
        }
    };
    // A phrase set off by a comma is an apposition ("Jo Roe, an Oklahoma Republican who …"):
    // the name before it is the speaker, found elsewhere. But "…, which found that …" after a
    // document ("a study covered by Ars Technica, which found that …") is the document's.
    if k == lo || cx.w(k - 1) == "," {
        if adjacent && cx.l(k) == "which" && k > lo + 1 {
            return document_before(cx, lo, k - 1);
        }
        return None;
    }
    let (a, b) = np_back(cx, lo, k)?;
    let head = cx.l(b - 1);
    let noun_phrase = is_determiner(cx.l(a))
        || (a..b).any(|i| cx.is_cap(i))
        || is_group_noun(head)
        || is_role_noun(head)
        || matches!(head, "those" | "people" | "others" | "residents");
    noun_phrase.then_some((a, b))
}

/// The document a non-restrictive "which" after the comma at `comma` stands for: the nearest
/// lower-case document noun within a few words before it ("a study covered by Ars Technica
/// earlier this year, which …"), with its determiner and modifiers (a name among them).
fn document_before(cx: &Ctx, lo: usize, comma: usize) -> Option<(usize, usize)> {
    const REACH: usize = 10;
    let mut i = comma;
    while i > lo && comma - i < REACH {
        i -= 1;
        if cx.quoted(i) || !cx.is_word(i) {
            return None;
        }
        if is_document_noun(cx.l(i)) && !cx.is_cap(i) {
            let mut a = i;
            while a > lo
                && i - a < 4
                && !cx.quoted(a - 1)
                && cx.is_word(a - 1)
                && (is_determiner_or_adjective(cx, a - 1) || cx.is_cap(a - 1))
            {
                a -= 1;
            }
            return Some((a, i + 1));
        }
        if is_cue(cx.l(i)) {
            return None;
        }
    }
    None
}

/// "the statement from the Texas Department of Criminal Justice said": a statement issued by
/// the organisation after "from" or "by" is the subject as a document's phrase is (its issuer
/// then speaks; a bare "statement" is no document noun, as "said in a statement" is a channel).
fn statement_from(cx: &Ctx, a: usize) -> bool {
    matches!(cx.l(a - 2), "statement" | "statements") && matches!(cx.l(a - 1), "from" | "by")
}

/// "An analysis of official U.S. labor statistics shows": the phrase starting at `a` is the
/// complement of a document noun, which is the subject; returns where the document's phrase
/// starts (its article left in), else `a`.
///
/// "A study from Massachusetts General found", "as a VentureBeat article on the tool explains":
/// after "from", "by", "on" or "about" too, the document is the subject; a name before the noun
/// (its owner) is part of its phrase.
fn document_of(cx: &Ctx, lo: usize, a: usize) -> usize {
    // "The charges against Olson allege": an accusing document and the one it accuses.
    let accusing = a >= lo + 2 && cx.l(a - 1) == "against" && is_accusing_noun(cx.l(a - 2));
    if a < lo + 2
        || !accusing
            && (!matches!(cx.l(a - 1), "of" | "from" | "by" | "on" | "about")
                || !(is_document_noun(cx.l(a - 2)) || statement_from(cx, a)))
        || cx.is_cap(a - 2)
    {
        return a;
    }
    let of = matches!(cx.l(a - 1), "of" | "against");
    let mut s = a - 2;
    while s > lo
        && !cx.quoted(s - 1)
        && (s + 3 > a && is_determiner_or_adjective(cx, s - 1)
            || !of && a - s < 6 && cx.is_cap(s - 1) && cx.is_word(s - 1))
    {
        s -= 1;
    }
    s
}

/// The inverted subject of "…, said Kirby" / "“…” said the spokesman".
pub(crate) fn subject_after(cx: &Ctx, lo: usize, c: usize, hi: usize) -> Option<(usize, usize)> {
    let inverted_slot =
        c == lo || matches!(cx.w(c - 1), "," | "—" | "–") || cx.closes(c - 1).is_some();
    // "…, termed the Dirty Dozen": a verb of naming is followed by the name it gives, never by
    // an inverted speaker.
    if !inverted_slot || c + 1 >= hi || is_naming_verb(cx.l(c)) {
        return None;
    }
    // "…, said 17-year-old Jo Roe": the age before the name is no part of it.
    let a = c + 1 + age_before(cx, c + 1, hi);
    let a = a + number_before_role(cx, a, hi);
    if a >= hi {
        return None;
    }
    let first = cx.l(a);
    // "…, says president Jo Roe", "…, said chief inspector Jo Roe": lower-case role words
    // before the name; a capitalised affiliation may sit among them when a role noun follows
    // it ("…, said former Obama adviser Jo Roe", "…, said longtime GOP strategist Jo Roe").
    let mut r = a;
    let mut after_role = None;
    // Lower-case words of the role after its noun ("secretary of state", "master of
    // ceremonies") or before it ("former transport minister"): the name closes the run.
    let mut role_seen = false;
    while r < hi && r - a < 6 && cx.is_word(r) && !cx.quoted(r) {
        if cx.is_cap(r) {
            // A written title counts as a role ("…, said former Sen. Jo Roe"); the name
            // itself (right after a role) ends the run.
            if r > a && is_title(cx.l(r)) {
                after_role = Some(r + 1);
                role_seen = true;
            } else if r == a
                && r + 1 < hi
                && !cx.is_cap(r + 1)
                && (is_role_noun(&claimtrail_lexicon::singular(cx.l(r + 1)))
                    || r + 2 < hi && cx.is_cap(r + 2) && agent_noun(cx, r + 1))
            {
                // "…, said Anchorage businessman Jo Roe": a place or affiliation opening
                // the role.
            } else if r == a || after_role == Some(r) || role_seen {
                break;
            }
        } else if cx.l(r) == "and"
            && role_seen
            && r + 1 < hi
            && !cx.is_cap(r + 1)
            && (is_role_or_modifier(cx.l(r + 1)) || agent_noun(cx, r + 1))
        {
            // "…, said businessman and blogger Jo Roe": two roles of one person.
        } else if is_role_noun(cx.l(r))
            || after_role.is_some() && is_title(cx.l(r))
            || r + 1 < hi && cx.is_cap(r + 1) && agent_noun(cx, r)
        {
            after_role = Some(r + 1);
            role_seen = true;
        } else if is_title(cx.l(r)) {
            role_seen = true;
        } else if !(is_role_or_modifier(cx.l(r)) || is_title(cx.l(r)) || role_word(cx, r)) {
            break;
        }
        r += 1;
    }
    let role_then_name = after_role.is_some_and(|n| n < hi && cx.is_cap(n))
        || role_seen && r > a && r < hi && cx.is_cap(r) && !is_title(cx.l(r));
    if !(cx.is_cap(a)
        || matches!(
            first,
            "the" | "a" | "an" | "another" | "one" | "his" | "her" | "their" | "its"
        )
        || pronoun_gender(first).is_some()
        || role_then_name)
    {
        return group_aside(cx, a, hi);
    }
    if pronoun_gender(first).is_some() {
        return Some((a, a + 1));
    }
    // The role words read above are the subject's ("secretary of state": no verb in them).
    let mut b = if role_then_name { r.max(a) } else { a };
    while b < hi && b - a < MAX_SUBJECT && cx.is_word(b) && !cx.quoted(b) {
        // A cue word among capitals is a name's ("Morning Consult"), not the next verb.
        let cue = is_cue(cx.l(b)) && !(cx.is_cap(b) && cx.is_cap(b - 1));
        if b > a && (is_boundary(cx.l(b)) || cue) || is_time_word(cx.l(b)) {
            break;
        }
        // "…, said Jo Roe on Monday": the time's preposition is no part of the name.
        if b > a && matches!(cx.l(b), "on" | "in") && b + 1 < hi && is_time_word(cx.l(b + 1)) {
            break;
        }
        // "…, wrote Jo Roe for Morning Consult": a person's name (two capitals or more) ends
        // before the outlet it writes for.
        if b >= a + 2
            && cx.l(b) == "for"
            && cx.is_cap(b - 1)
            && cx.is_cap(b - 2)
            && !matches!(cx.l(a), "the" | "a" | "an")
            && affiliation_follows(cx, b, hi)
            && !role_after_capitals(cx, b + 1, hi)
        {
            break;
        }
        // "…,” said Jo Roe on Monday / in a statement / at a hearing": a lower-case time or
        // place phrase after a capitalised name is no part of it.
        // Not inside a name that holds a lower-case word ("Women in Film president Jo Roe",
        // "Friends of the Earth at a rally"): every word before is capitalised, and the word
        // after the preposition is lower-case or a time ("on Monday").
        if b > a
            && cx.is_cap(b - 1)
            && !cx.is_cap(b)
            && (a..b).all(|i| cx.is_cap(i))
            && (b + 1 >= hi || !cx.is_cap(b + 1) || is_time_word(cx.l(b + 1)))
            && starts_with_time(cx, b, hi)
        {
            break;
        }
        b += 1;
    }
    // "…, said a party member who supports her.": a relative clause closes the subject.
    let ends = b >= hi
        || !cx.is_word(b)
        || cx.quoted(b)
        || starts_with_time(cx, b, hi)
        || b > a && opens_relative_clause(cx, b);
    // "…,” said her nephew, Ravi Singh, 32.": a described speaker named in apposition right
    // after; the name speaks.
    if let Some(name) = name_after_description(cx, a, b, hi).filter(|_| ends) {
        return Some(name);
    }
    (b > a && (ends || affiliation_follows(cx, b, hi) || second_name_ends(cx, a, b, hi)))
        .then_some((a, b))
}

/// Whether the capitalised words from `k` are followed by a role word ("National Center for
/// Health Statistics director Jo Roe"): then they name the role's organisation, not the
/// outlet a writer writes for.
fn role_after_capitals(cx: &Ctx, mut k: usize, hi: usize) -> bool {
    while k < hi && cx.is_word(k) && cx.is_cap(k) {
        k += 1;
    }
    k < hi && cx.is_word(k) && !cx.is_cap(k) && role_word(cx, k)
}

/// The name set off by a comma after an inverted subject `a..b` that only describes its speaker
/// ("…,” said her nephew, Ravi Singh, 32, of Coney Island.", "said a spokeswoman, Jo Roe."): a
/// determiner or possessive and lower-case words, then two to five capitalised words (a title
/// or initials among them) closed by a comma, the sentence's end or a mark that is no word. A
/// name with a verb after it ("said the report, Reuters reported") is no apposition.
fn name_after_description(cx: &Ctx, a: usize, b: usize, hi: usize) -> Option<(usize, usize)> {
    if !(b > a + 1
        && b + 2 < hi
        && cx.w(b) == ","
        && matches!(
            cx.l(a),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
        )
        && (a + 1..b).all(|i| !cx.is_cap(i) && role_word(cx, i)))
    {
        return None;
    }
    let n = b + 1;
    let mut k = n;
    while k < hi
        && k - n < 6
        && !cx.quoted(k)
        && (cx.is_word(k) && cx.is_cap(k) && !is_time_word(cx.l(k))
            // An initial's full stop ("Jo R. Roe"), not the sentence's.
            || k > n && cx.w(k) == "." && cx.w(k - 1).len() == 1 && k + 1 < hi && cx.is_cap(k + 1))
    {
        k += 1;
    }
    let words = (n..k).filter(|&i| cx.is_word(i)).count();
    let closed = k >= hi || matches!(cx.w(k), "," | ".") || !cx.is_word(k) && !cx.quoted(k);
    ((2..=5).contains(&words) && closed && !is_title(cx.l(k - 1))).then_some((n, k))
}

/// "…,” said Zadan and Meron.": a second name joined by "and" closes the clause after a
/// capitalised first one; the first speaks for both.
fn second_name_ends(cx: &Ctx, a: usize, b: usize, hi: usize) -> bool {
    if !(cx.is_cap(a) && b + 1 < hi && cx.l(b) == "and" && cx.is_cap(b + 1)) {
        return false;
    }
    let mut k = b + 1;
    while k < hi && k - b <= MAX_SUBJECT && cx.is_word(k) && cx.is_cap(k) && !cx.quoted(k) {
        k += 1;
    }
    // "…,” said Zadan and Meron jointly.": an adverb may close the clause.
    let k =
        if k < hi && cx.is_word(k) && is_ly_adverb(cx, b, k) && (k + 1 >= hi || !cx.is_word(k + 1))
        {
            k + 1
        } else {
            k
        };
    k >= hi || !cx.is_word(k) && !cx.quoted(k) || starts_with_time(cx, k, hi)
}

/// Tokens of a number opening a role at `a` ("…, said 9/11 widow Jo Roe", "said 2016 nominee
/// Jo Roe"): a number, or two joined by a slash, before a lower-case role noun; or 0.
fn number_before_role(cx: &Ctx, a: usize, hi: usize) -> usize {
    if a >= hi || !is_number(cx, a) {
        return 0;
    }
    let mut k = a + 1;
    if k + 1 < hi && cx.w(k) == "/" && is_number(cx, k + 1) {
        k += 2;
    }
    let role = k < hi
        && !cx.is_cap(k)
        && cx.doc.tokens[k].kind == claimtrail_text::TokenKind::Word
        && is_role_noun(&claimtrail_lexicon::singular(cx.l(k)));
    if role {
        k - a
    } else {
        0
    }
}

/// Tokens of an age at `a` ("17-year-old", "17 - year - old" as tokenised text writes it), or 0.
fn age_before(cx: &Ctx, a: usize, hi: usize) -> usize {
    let aged = |w: &str| {
        w.strip_suffix("-old").is_some_and(|r| {
            r.strip_suffix("-year")
                .or_else(|| r.strip_suffix("-years"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    if a < hi && aged(cx.l(a)) {
        return 1;
    }
    let spaced = a + 5 <= hi
        && is_number(cx, a)
        && cx.w(a + 1) == "-"
        && matches!(cx.l(a + 2), "year" | "years")
        && cx.w(a + 3) == "-"
        && cx.l(a + 4) == "old";
    if spaced {
        5
    } else {
        0
    }
}

/// A subject worth attributing to: a name, a pronoun, a role, or (for strong cues) any noun
/// phrase that does not end in a function word.
pub(crate) fn valid_subject(cx: &Ctx, a: usize, b: usize, c: usize) -> bool {
    let last = cx.l(b - 1);
    if matches!(
        last,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "these"
            | "those"
            | "this"
            | "some"
            | "many"
            | "said"
            | "'s"
            | "’s"
    ) {
        return false;
    }
    // A document states findings in its own right ("As the report states: …").
    // "Not only is …": a capitalised adverb opening the sentence names no one.
    let named = (a..b).any(|i| cx.is_cap(i) && !is_aux_or_adverb(cx.l(i)) || is_role_noun(cx.l(i)))
        || (b == a + 1 && pronoun_gender(last).is_some())
        || is_document_noun(last)
        // "…, scientists think": a group that speaks as one.
        || is_group_noun(last);
    if is_weak_cue(cx.l(c)) {
        return named;
    }
    // "43% and 36% said": shares of a survey's respondents.
    let shares = matches!(last, "%" | "percent") || last.ends_with('%') && is_number(cx, b - 1);
    // "police and the woman's friend": two short phrases joined by "and".
    let pair = (a + 1..b.saturating_sub(1)).any(|i| cx.l(i) == "and" && i - a <= 4 && b - i <= 5);
    named || b - a <= 4 || shares || pair
}

/// Whether tokens from `b` open a clause about the speaker before them: an apposition or a
/// relative clause after a comma ("…, who works for …", "…, a spokesman for …"), or a
/// participle continuing the attribution ("…, adding that …").
pub(crate) fn about_speaker(cx: &Ctx, b: usize, hi: usize) -> bool {
    b + 1 < hi
        && cx.w(b) == ","
        && (matches!(
            cx.l(b + 1),
            "who" | "which" | "where" | "a" | "an" | "the" | "whose"
        ) || is_participle(cx.l(b + 1)))
}
