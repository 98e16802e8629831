//! The parts around one cue: its subject (before it, inverted after it, or at the start of the
//! clause), the quoted span next to it, and the reported clause it introduces or closes. Each
//! function looks a bounded number of tokens around its cue, so the walk over a document stays
//! linear. All read the document through [`Ctx`].

use claimtrail_text::{Doc, TokenKind};

use crate::marks::{starts_paragraph, Marked};
use crate::speakers::{is_document_noun, is_group_noun, is_naming_verb, word};
use crate::word_classes::{
    follows_subject_that, is_addressee_cue, is_aux_or_adverb, is_boundary, is_cue,
    is_name_particle, is_org_head, is_participle, is_role_noun, is_time_word, is_title,
    is_weak_cue, pronoun_gender,
};

/// No quoted span (in [`Ctx::owner`]).
pub(crate) const NONE: u32 = u32::MAX;
/// How far a subject phrase may reach back from its cue, in tokens.
pub(crate) const MAX_SUBJECT: usize = 9;
/// Tokens allowed between a cue and the colon or comma before a quote ("told reporters on Monday:").
const MAX_BRIDGE: usize = 8;
/// The longest reported clause, in tokens.
pub(crate) const MAX_CONTENT: usize = 160;

pub(crate) struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub marks: Vec<Marked>,
    /// Per token: the quoted span it belongs to (marks included), or NONE.
    pub owner: Vec<u32>,
    /// The text with ASCII letters lower-cased: same byte offsets, one allocation. The word
    /// lists are ASCII, so non-ASCII capitals need no folding.
    pub lower: String,
}

impl Ctx<'_, '_> {
    pub fn quoted(&self, i: usize) -> bool {
        self.owner[i] != NONE
    }
    pub fn w(&self, i: usize) -> &str {
        word(self.doc, i)
    }
    pub fn l(&self, i: usize) -> &str {
        let t = &self.doc.tokens[i];
        self.lower.get(t.start..t.end).unwrap_or("")
    }
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Word | TokenKind::Number)
    }
    pub fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
            && self.w(i).chars().next().is_some_and(char::is_uppercase)
            && !is_time_word(self.l(i))
    }
    pub fn is_stop(&self, i: usize) -> bool {
        matches!(self.w(i), "." | "!" | "?" | ";" | "…")
    }
    /// The span whose closing mark is token `i`.
    pub fn closes(&self, i: usize) -> Option<usize> {
        let m = self.owner[i];
        (m != NONE && self.marks[m as usize].close_tok == Some(i)).then_some(m as usize)
    }
    /// The span whose opening mark is token `i`.
    pub fn opens(&self, i: usize) -> Option<usize> {
        let m = self.owner[i];
        (m != NONE && self.marks[m as usize].open_tok == i).then_some(m as usize)
    }
}

/// The subject phrase ending just before cue `c` (auxiliaries and adverbs skipped).
pub(crate) fn subject_before(cx: &Ctx, lo: usize, c: usize) -> Option<(usize, usize)> {
    let mut j = c;
    while j > lo
        && !cx.quoted(j - 1)
        && (is_aux_or_adverb(cx.l(j - 1))
            || is_time_word(cx.l(j - 1))
            || is_ly_adverb(cx, lo, j - 1))
        && c - j < 4
    {
        j -= 1;
    }
    if j > lo && j < c && cx.l(j - 1) == "on" {
        j -= 1;
    }
    if j == lo {
        return None;
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
    np
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
    // the name before it is the speaker, found elsewhere.
    if k == lo || cx.w(k - 1) == "," {
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

/// "An analysis of official U.S. labor statistics shows": the phrase starting at `a` is the
/// complement of a document noun, which is the subject; returns where the document's phrase
/// starts (its article left in), else `a`.
fn document_of(cx: &Ctx, lo: usize, a: usize) -> usize {
    if a < lo + 2 || cx.l(a - 1) != "of" || !is_document_noun(cx.l(a - 2)) {
        return a;
    }
    let mut s = a - 2;
    while s > lo && s + 3 > a && !cx.quoted(s - 1) && is_determiner_or_adjective(cx, s - 1) {
        s -= 1;
    }
    s
}

/// An article or a lower-case adjective before a document noun ("a new analysis").
fn is_determiner_or_adjective(cx: &Ctx, i: usize) -> bool {
    let w = cx.l(i);
    is_determiner(w) || matches!(w, "new" | "recent" | "latest" | "separate")
}

/// An adverb in "-ly" between a subject and its cue ("Roe repeatedly said"), not a noun after
/// its determiner ("his family believe", "the assembly voted").
fn is_ly_adverb(cx: &Ctx, lo: usize, i: usize) -> bool {
    let w = cx.l(i);
    w.ends_with("ly")
        && w.len() > 4
        && !cx.is_cap(i)
        && !(i > lo && is_determiner(cx.l(i - 1)))
        && !matches!(
            w,
            "family" | "assembly" | "supply" | "rally" | "ally" | "monopoly"
        )
}

pub(crate) fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your" | "this"
    )
}

/// "Mitch McConnell, R-Ky., said", "the spokesman, Josh Earnest, said", "Neel, who managed
/// the campaign, said": the name on either side of the apposition ending at the comma `comma`.
/// Returns the name phrase; the attribution extent starts at the phrase before the apposition.
fn appositive(cx: &Ctx, lo: usize, comma: usize) -> Option<(usize, usize)> {
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

/// The phrase `a..e` when it ends in a name, without a short parenthetical after the name
/// ("Rep. Jo Roe (R-Ohio)" is "Rep. Jo Roe"): the party and state are no part of it.
fn name_phrase(cx: &Ctx, (a, e): (usize, usize)) -> Option<(usize, usize)> {
    let mut e = e;
    if e > a + 1 && cx.w(e - 1) == ")" {
        let mut p = e - 1;
        while p > a && e - p < 8 && cx.w(p) != "(" {
            p -= 1;
        }
        if cx.w(p) == "(" {
            e = p;
        }
    }
    (e > a && cx.is_cap(e - 1)).then_some((a, e))
}

/// The name opening the clause before the appositions holding `b` ("the treasurer of Dane
/// County" after "“…,” Jo Roe,"; "Ohio" in "Jo Roe, 59, of Lorain, Ohio, who …"): an
/// apposition opens after a comma with an article, a role noun, an age, "of" or "who"; a
/// short run of capitals (a place's state) may follow one.
fn opening_name(cx: &Ctx, lo: usize, b: (usize, usize)) -> Option<(usize, usize)> {
    const SEGMENTS: usize = 4;
    let mut a = b.0;
    let mut seg_end = b.1;
    let mut seen = false;
    for _ in 0..SEGMENTS {
        let start = a;
        while a > lo && start - a < 8 && cx.w(a - 1) != "," {
            a -= 1;
            if cx.quoted(a) || !(cx.is_word(a) || cx.w(a) == ".") {
                return None;
            }
        }
        if a < lo + 2 || cx.w(a - 1) != "," {
            return None;
        }
        let opener = cx.l(a);
        let apposition = matches!(opener, "the" | "a" | "an" | "of" | "who")
            || is_role_noun(opener)
            || cx.doc.tokens[a].kind == TokenKind::Number;
        let place = seg_end - a <= 3 && (a..seg_end).all(|i| cx.is_cap(i) || cx.w(i) == ".");
        if !apposition && !place {
            return None;
        }
        seen |= apposition;
        if let Some((x, y)) = np_back(cx, lo, a - 1).and_then(|n| name_phrase(cx, n)) {
            // The name must open its clause (the sentence, or the words after a closing
            // quotation), so that a name elsewhere ("… met Jo Roe, the …") is no subject.
            let opens = x == lo
                || cx.quoted(x - 1)
                || x >= lo + 2 && cx.w(x - 1) == "," && cx.quoted(x - 2);
            if seen && opens && (x..y).all(|i| cx.is_cap(i) || cx.w(i) == ".") {
                return Some((x, y));
            }
        }
        // On to the apposition before this one.
        a -= 1;
        seg_end = a;
    }
    None
}

/// The start of the attribution that ends with the subject starting at `a`: the phrase before
/// an apposition ("the White House spokesman, Josh Earnest, said").
pub(crate) fn extent_start(cx: &Ctx, lo: usize, a: usize, b: usize) -> usize {
    let mut s = a;
    if s > lo + 1 && cx.w(s - 1) == "," && cx.w(b) == "," {
        if let Some((x, _)) = np_back(cx, lo, s - 1) {
            s = x;
        }
    }
    s
}

/// A noun phrase ending at token `end` (exclusive), reaching back at most `MAX_SUBJECT` tokens.
pub(crate) fn np_back(cx: &Ctx, lo: usize, end: usize) -> Option<(usize, usize)> {
    let mut k = end;
    // "Rep. John Mica (R-Fla.) said", "Jo Roe (who wrote the first report) noted": a
    // parenthetical after the name belongs to it; one sentence at most.
    if k > lo && cx.w(k - 1) == ")" {
        let mut p = k - 1;
        // A full stop after a lower-case word ends a sentence; after a capitalised one
        // ("R-Fla.", "Inc.") it marks an abbreviation.
        let sentence_end = |p: usize| {
            cx.is_stop(p)
                && (cx.w(p) != "."
                    || p == 0
                    || cx.w(p - 1).len() > 3 && cx.w(p - 1).bytes().all(|b| b.is_ascii_lowercase()))
        };
        while p > lo && k - p < 24 && cx.w(p) != "(" && !sentence_end(p) && !cx.quoted(p) {
            p -= 1;
        }
        if cx.w(p) == "(" && p > lo {
            return np_back(cx, lo, p).map(|(a, _)| (a, end));
        }
    }
    while k > lo && end - k < MAX_SUBJECT {
        let i = k - 1;
        if cx.quoted(i)
            || !cx.is_word(i) && !plural_possessive(cx, i)
            || is_boundary(cx.l(i))
                && !conjoined_complement(cx, lo, i, end)
                && !name_joiner(cx, lo, i, end)
            || is_cue(cx.l(i))
                && !cx.l(i).ends_with('s')
                // "The report concluded": after a determiner the cue word is a noun.
                && !(i > lo && is_determiner(cx.l(i - 1)))
                // "Oregon State Police Lt. …": a capitalised cue word between two capitalised
                // words is part of a name ("Secretary of State John Kerry" keeps its title out,
                // "the Clinton-run State Department" its modifier).
                && !(i > lo
                    && (cx.is_cap(i - 1) && !cx.w(i - 1).contains('-')
                        || after_quote(cx, i))
                    && cx.is_cap(i)
                    && i + 1 < end
                    && cx.is_cap(i + 1))
                && !name_tail_cue(cx, lo, i, end)
            || is_time_word(cx.l(i))
        {
            break;
        }
        // Once a name is in, only determiners and role words may precede it ("the senior
        // adviser", not "endorse Mr. Trump").
        // A lower-case particle right before a surname is part of it ("de Miranda said").
        let particle = is_name_particle(cx.l(i)) && i + 1 < end && cx.is_cap(i + 1);
        // "a spokesman for committee Democrats": an institution's noun before a group's name.
        let institution = is_org_head(cx.l(i));
        if !cx.is_cap(i)
            && (k..end).any(|x| cx.is_cap(x))
            && !np_modifier(cx.l(i))
            && !plural_possessive(cx, i)
            && !role_complement_at(cx, lo, i)
            && !conjoined_complement(cx, lo, i, end)
            && !particle
            && !institution
            && !name_joiner(cx, lo, i, end)
            // "advisers to Mr. Obama": the role the joiner after it hangs on.
            && !(i + 1 < end && name_joiner(cx, lo, i + 1, end))
        {
            break;
        }
        k -= 1;
    }
    // Leading prepositions and adverbs are not part of the subject.
    while k < end
        && matches!(
            cx.l(k),
            "on" | "in" | "at" | "for" | "of" | "later" | "then"
        )
    {
        k += 1;
    }
    (k < end).then_some((k, end))
}

/// "the Committee to Protect Journalists", "the Council on Foreign Relations": a lower-case
/// "to" or "on" between two capitalised words inside the phrase (the first not the
/// sentence's opener, capitalised as such: "Visitors to Paris said") joins one name.
///
/// Also "an adviser to the mayor", "the ambassador to France": "to" after a role noun joins
/// the role to its complement, which the speaker resolution reads as one phrase.
fn name_joiner(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    if cx.l(i) != "to" && cx.l(i) != "on" || i + 1 >= end || i == lo {
        return false;
    }
    let role = cx.l(i) == "to"
        && (is_role_noun(cx.l(i - 1)) || is_role_noun(&claimtrail_lexicon::singular(cx.l(i - 1))));
    role || i > lo + 1 && cx.is_cap(i - 1) && cx.is_cap(i + 1)
}

/// A capitalised cue word that ends the subject right before the verb, after a capitalised
/// word or after "of" and one ("the Department of State said", "the Secretary of State
/// said"): the last word of a name, not a verb. Mid-sentence a capitalised cue word is never
/// taken for the verb, so the phrase must not stop there either. With a name after it
/// ("Secretary of State John Kerry said") the title stays out, as before.
fn name_tail_cue(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    if i + 1 != end || i <= lo + 1 || !cx.is_cap(i) {
        return false;
    }
    let p = i - 1;
    cx.is_cap(p) && !cx.w(p).contains('-')
        || matches!(cx.l(p), "of" | "for") && p > lo && cx.is_cap(p - 1)
}

/// Whether token `i` opens an attribution right after a quotation ("“…,” State Department
/// spokesperson Vedant Patel said"): there a capitalised cue word before another capitalised
/// word opens a name, as between two capitalised words.
fn after_quote(cx: &Ctx, i: usize) -> bool {
    let mut j = i;
    if j > 0 && cx.w(j - 1) == "," {
        j -= 1;
    }
    j > 0 && cx.quoted(j - 1)
}

fn np_modifier(lower: &str) -> bool {
    is_role_noun(lower)
        || matches!(
            lower,
            "the"
                | "a"
                | "an"
                | "of"
                | "for"
                | "former"
                | "senior"
                | "top"
                | "chief"
                | "deputy"
                | "state"
                | "federal"
                | "press"
                | "then"
                | "'s"
                | "’s"
                | "u.s."
                | "acting"
                | "longtime"
                | "veteran"
                | "interim"
                | "incoming"
                | "outgoing"
        )
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
    let a = c + 1;
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
            } else if r == a || after_role == Some(r) || role_seen {
                break;
            }
        } else if is_role_noun(cx.l(r)) || after_role.is_some() && is_title(cx.l(r)) {
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
        if b > a && (is_boundary(cx.l(b)) || is_cue(cx.l(b))) || is_time_word(cx.l(b)) {
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
    (b > a && (ends || affiliation_follows(cx, b, hi))).then_some((a, b))
}

/// A lower-case word that may sit inside a role phrase before a name ("transport" in "former
/// transport minister", "ceremonies" in "master of ceremonies"): not a function word, verb of
/// speech or clause boundary.
fn role_word(cx: &Ctx, r: usize) -> bool {
    let w = cx.l(r);
    w.chars().all(char::is_alphabetic)
        && w.chars().next().is_some_and(char::is_lowercase)
        && !is_boundary(w)
        && !is_cue(w)
        && !is_time_word(w)
        && pronoun_gender(w).is_none()
        && !matches!(
            w,
            "in" | "on"
                | "at"
                | "by"
                | "with"
                | "about"
                | "from"
                | "into"
                | "during"
                | "not"
                | "also"
                | "later"
                | "then"
                | "now"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "you"
                | "this"
                | "these"
                | "those"
                | "his"
                | "her"
                | "their"
                | "its"
        )
}

/// Whether token `b` ("who", "whose") opens a relative clause about the phrase before it.
pub(crate) fn opens_relative_clause(cx: &Ctx, b: usize) -> bool {
    matches!(cx.l(b), "who" | "whose")
}

/// "…, said Jo Roe from the county police.", "…, said an adviser to the mayor.": a short phrase
/// of where the speaker works closes the clause after the name or role ending before `b`.
fn affiliation_follows(cx: &Ctx, b: usize, hi: usize) -> bool {
    let after_name = cx.is_cap(b - 1) && matches!(cx.l(b), "from" | "of" | "at" | "with");
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
fn group_aside(cx: &Ctx, a: usize, hi: usize) -> Option<(usize, usize)> {
    let mut b = a;
    if matches!(cx.l(b), "many" | "most" | "some" | "several" | "other") {
        b += 1;
    }
    let head = b;
    (head < hi && is_group_noun(cx.l(head)) && head + 1 < hi && matches!(cx.w(head + 1), "," | "."))
        .then_some((a, head + 1))
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
    let named = (a..b).any(|i| cx.is_cap(i) || is_role_noun(cx.l(i)))
        || (b == a + 1 && pronoun_gender(last).is_some())
        || is_document_noun(last)
        // "…, scientists think": a group that speaks as one.
        || is_group_noun(last);
    if is_weak_cue(cx.l(c)) {
        return named;
    }
    named || b - a <= 4
}

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
    // "“…!” he said" attaches across the stop; "“….” Kirby said" starts a new statement.
    let mk = cx.marks[m];
    let last = cx.doc.text[mk.start..mk.end].chars().next_back();
    (last != Some('.') || p < a || !cx.is_cap(a) || tail < 4).then_some(m)
}

/// A quoted span opening shortly after the attribution ending at `b`: after a colon or comma
/// ("told reporters on Monday: “…”"), or right away when it reads as a whole sentence.
pub(crate) fn quote_after(cx: &Ctx, b: usize, hi: usize, after_quote: bool) -> Option<usize> {
    let n = cx.doc.tokens.len();
    let mut j = b;
    while j < n && j - b <= MAX_BRIDGE {
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
            return (j + 1 < n && !starts_paragraph(cx.doc, j + 1))
                .then(|| cx.opens(j + 1))
                .flatten();
        }
        if matches!(cx.l(j), "that" | "whether" | "if") {
            return None;
        }
        j += 1;
    }
    None
}

/// A cue word common in other senses used as a noun: right before an auxiliary ("the Treasury
/// note has risen") or "of" ("the US state of Louisiana"). Only those: a plain cue before an
/// auxiliary is a relative clause's verb ("prices it said were a result of the deal"), and
/// "spoke of", "warned of" are speech.
pub(crate) fn noun_use(cx: &Ctx, c: usize, hi: usize) -> bool {
    c + 1 < hi
        && is_weak_cue(cx.l(c))
        && (claimtrail_lexicon::is_auxiliary(cx.l(c + 1)) || cx.l(c + 1) == "of")
        || polity_noun(cx, c, hi)
        || quantity_use(cx, c, hi)
        || indefinite_noun(cx, c)
}

/// A cue in its base form after "a"/"an" and at most one modifier is a noun: "received a
/// distress call", "an urgent appeal". A verb there would need a singular subject's "-s"
/// ("a spokesman says"); quantities ("a few believe", "a majority say") stay verbs.
fn indefinite_noun(cx: &Ctx, c: usize) -> bool {
    let w = cx.l(c);
    if w.ends_with(['s', 'n']) || w.ends_with("ed") || w.ends_with("ing") || is_irregular_past(w) {
        return false;
    }
    let article = |i: usize| matches!(cx.l(i), "a" | "an");
    c >= 1 && article(c - 1)
        || c >= 2
            && article(c - 2)
            && cx.is_word(c - 1)
            && !cx.is_cap(c - 1)
            && !matches!(
                cx.l(c - 1),
                "few"
                    | "lot"
                    | "majority"
                    | "minority"
                    | "number"
                    | "handful"
                    | "couple"
                    | "dozen"
                    | "hundred"
                    | "thousand"
                    | "million"
                    | "third"
                    | "quarter"
                    | "half"
                    | "group"
                    | "host"
                    | "bunch"
                    | "variety"
            )
}

/// Past forms of cues without "-ed" ("said", "told").
fn is_irregular_past(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "told"
            | "wrote"
            | "spoke"
            | "thought"
            | "felt"
            | "knew"
            | "saw"
            | "heard"
            | "swore"
            | "taught"
            | "meant"
            | "read"
            | "forecast"
            | "put"
    )
}

/// Whether token `i` is a number written in digits or a currency sign.
fn is_amount(cx: &Ctx, i: usize) -> bool {
    cx.doc.tokens[i].kind == TokenKind::Number || matches!(cx.w(i), "$" | "€" | "£" | "¥")
}

/// A cue word that counts or costs rather than speaks: "4,051 pledged delegates" (a participle
/// between a number and its noun), "the economy added 292,000 jobs", "the club charged a
/// $100,000 fee" (a quantity as the verb's object). "Police said 40 people died" keeps its
/// clause: only the verbs whose object is the quantity itself.
fn quantity_use(cx: &Ctx, c: usize, hi: usize) -> bool {
    if c > 0
        && c + 1 < hi
        && cx.l(c).ends_with("ed")
        && cx.l(c) != "said"
        && is_amount(cx, c - 1)
        && cx.doc.tokens[c + 1].kind == TokenKind::Word
        && !cx.is_cap(c + 1)
        && !is_determiner(cx.l(c + 1))
        && cx.l(c + 1) != "that"
        && claimtrail_lexicon::pronoun(cx.l(c + 1)).is_none()
    {
        return true;
    }
    if !matches!(
        cx.l(c),
        "add"
            | "adds"
            | "added"
            | "charge"
            | "charges"
            | "charged"
            | "pledge"
            | "pledges"
            | "pledged"
    ) {
        return false;
    }
    let mut k = c + 1;
    while k < hi
        && k <= c + 2
        && matches!(
            cx.l(k),
            "a" | "an"
                | "another"
                | "around"
                | "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "some"
                | "over"
                | "more"
                | "than"
                | "up"
                | "to"
        )
    {
        k += 1;
    }
    k < hi && is_amount(cx, k)
}

/// "state"/"states" as the polity ("the 50 states", "Super Tuesday states", "state Sen. Jo
/// Roe", "his home state"), far more common in news than the verb: a verb of speech only
/// where a clause, a colon or a quotation follows ("the report states that …", "As the
/// report states: …").
fn polity_noun(cx: &Ctx, c: usize, hi: usize) -> bool {
    if !matches!(cx.l(c), "state" | "states") {
        return false;
    }
    let next = c + 1;
    // "states that have voted", "the state, drawing crowds": a relative clause or a
    // participle after the noun.
    let after = next + 1 < hi && {
        let w = cx.l(next + 1);
        claimtrail_lexicon::is_auxiliary(w) || w.ends_with("ing") && cx.is_word(next + 1)
    };
    // "the state", "all 50 states", "four states": a determiner or a number before it.
    let counted = c > 0 && {
        let p = cx.l(c - 1);
        is_determiner(p)
            || p.bytes().all(|b| b.is_ascii_digit())
            || matches!(
                p,
                "every" | "each" | "all" | "two" | "three" | "four" | "five" | "both" | "other"
            )
    };
    if counted {
        return true;
    }
    let clause = next >= hi
        || matches!(cx.w(next), "," | ":" | "—" | "–") && !after
        || cx.l(next) == "that" && !after
        || cx.quoted(next);
    !clause
}

/// The reported clause after a cue: after "that" when it comes soon, else after an addressee.
pub(crate) fn content_after(cx: &Ctx, c: usize, b: usize, hi: usize) -> Option<(usize, usize)> {
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
        while st < hi && matches!(cx.w(st), "," | ":") {
            st += 1;
        }
        // A clause-final attribution ("…, Kirby said on Monday.") has nothing after it.
        let rest = (st..hi.min(st + 16)).filter(|&i| cx.is_word(i)).count();
        if rest < 4 || starts_with_time(cx, st, hi) && rest < 9 {
            return None;
        }
    }
    // Reported clauses are bounded so that a run-on "sentence" stays linear.
    let hi = hi.min(st + MAX_CONTENT);
    let mut en = hi;
    let mut k = st;
    while k < hi {
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

/// "’s" / "'s", which the tokenizer may split off ("the BBC’s editor").
fn is_possessive(cx: &Ctx, i: usize) -> bool {
    matches!(cx.w(i), "'s" | "’s" | "'" | "’")
}

/// "prosecutors in Denver", "an adviser to the mayor": a preposition at `i` opening a role
/// noun's complement, which belongs to the subject phrase.
fn role_complement_at(cx: &Ctx, lo: usize, i: usize) -> bool {
    i > lo
        && matches!(cx.l(i), "in" | "at" | "to" | "from")
        && (is_role_noun(cx.l(i - 1)) || is_group_noun(cx.l(i - 1)))
}

/// The start of the phrase whose head, a role or group noun, takes the complement holding the
/// phrase that starts at `a` after a preposition ("in", "at", "from"): "representatives at
/// several Acme stores in Canada" from "Canada". Only plain words (no comma, quotation, clause
/// word or cue) may lie between, so a clause opening with a place ("In Canada officials said")
/// or a place after a verb keeps its own subject.
fn complement_head(cx: &Ctx, lo: usize, a: usize) -> Option<usize> {
    const REACH: usize = 8;
    if a < lo + 3 || !matches!(cx.l(a - 1), "in" | "at" | "from") {
        return None;
    }
    let mut i = a - 1;
    while i > lo + 1 && a - i < REACH {
        i -= 1;
        let w = cx.l(i);
        if cx.quoted(i) || !cx.is_word(i) || is_boundary(w) || is_cue(w) || is_time_word(w) {
            return None;
        }
        if role_complement_at(cx, lo, i) {
            return np_back(cx, lo, i).map(|(h, _)| h);
        }
    }
    None
}

/// "prosecutors in San Francisco and Los Angeles": the "and" at `i` joins two names inside a
/// role noun's complement (capitalised words on both sides, up to the phrase's end `end`).
fn conjoined_complement(cx: &Ctx, lo: usize, i: usize, end: usize) -> bool {
    if cx.l(i) != "and" || i + 1 >= end || !(i + 1..end).all(|x| cx.is_cap(x)) {
        return false;
    }
    let mut j = i;
    while j > lo && cx.is_cap(j - 1) {
        j -= 1;
    }
    j < i && j > lo + 1 && role_complement_at(cx, lo, j - 1)
}

/// The apostrophe of a plural possessive ("the farmers' representative"), which the tokenizer
/// leaves as punctuation: right after a word ending in "s", before a space and a word.
fn plural_possessive(cx: &Ctx, i: usize) -> bool {
    let doc = cx.doc;
    i > 0
        && i + 1 < doc.tokens.len()
        && matches!(cx.w(i), "'" | "’")
        && doc.tokens[i - 1].end == doc.tokens[i].start
        && doc.tokens[i].end < doc.tokens[i + 1].start
        && doc.tokens[i - 1].kind == TokenKind::Word
        && cx.l(i - 1).ends_with('s')
        && cx.is_word(i + 1)
}

fn starts_with_time(cx: &Ctx, st: usize, hi: usize) -> bool {
    if st >= hi {
        return false;
    }
    let w = cx.l(st);
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "late"
            | "early"
            | "last"
            | "this"
            | "today"
            | "yesterday"
            | "when"
            | "after"
            | "before"
            | "while"
            | "through"
            | "via"
    ) || claimtrail_lexicon::is_weekday_name(w)
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
    if tail > 8 && !about_speaker(cx, b, hi) {
        return None;
    }
    trim(cx, from.max(a.saturating_sub(MAX_CONTENT)), a - 1)
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

/// Whether the "that" at `j` is a demonstrative subject (a finite verb follows it).
fn that_is_subject(cx: &Ctx, j: usize, hi: usize) -> bool {
    j + 1 < hi && !cx.quoted(j + 1) && follows_subject_that(cx.l(j + 1))
}

pub(crate) fn trim(cx: &Ctx, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    if let Some(e) = dateline_end(cx, a, b) {
        a = e;
    }
    while a < b
        && (matches!(cx.w(a), "," | ":" | "—" | "–")
            || cx.l(a) == "that" && !that_is_subject(cx, a, b))
    {
        a += 1;
    }
    while b > a && matches!(cx.w(b - 1), "." | "," | ";" | ":" | "—" | "–" | "!" | "?") {
        b -= 1;
    }
    let words = (a..b).filter(|&i| cx.is_word(i)).take(3).count();
    (words >= 3).then_some((a, b))
}

/// The subject at the start of a clause: a pronoun or a name followed by a lower-case word,
/// after an introductory phrase ("On Tuesday, Mr. McConnell deflected …").
pub(crate) fn clause_subject(cx: &Ctx, lo: usize, end: usize) -> Option<(usize, usize)> {
    // "PARIS, Aug 31 (Reuters) - Marine Le Pen …, saying": the sentence starts after the
    // dateline; its month is no subject.
    let lo = dateline_end(cx, lo, end).unwrap_or(lo);
    let mut k = lo;
    // The comma closing the clause ("Roe left the room, saying …") opens no subject after it;
    // "while" or "before" may stand between it and a participle.
    let mut close = end;
    while close > lo && matches!(cx.l(close - 1), "while" | "before" | "after" | "and") {
        close -= 1;
    }
    if close > lo && cx.w(close - 1) == "," {
        close -= 1;
    }
    if let Some(p) = (lo..close.min(lo + 9)).find(|&i| cx.w(i) == ",") {
        // "Jo Roe, a former party chairman, mocked the rule, tweeting …": a name opening
        // the sentence, then an apposition closed by a comma before a lower-case verb.
        if let Some(name) = named_before_apposition(cx, lo, p, close) {
            return Some(name);
        }
        k = p + 1;
    }
    if let Some(found) = subject_from(cx, lo, k, end) {
        return Some(found);
    }
    // "On Thursday, after a long wait, Warren endorsed Clinton, saying …": the main clause
    // after a longer opening, the last comma's first (a name or pronoun, then a verb).
    (k..close)
        .rev()
        .filter(|&p| cx.w(p) == "," && !cx.quoted(p))
        .find_map(|p| {
            subject_from(cx, lo, p + 1, end)
                .filter(|&(_, e)| e < end && !is_boundary(cx.l(e)) && !is_cue(cx.l(e)))
        })
}

/// The subject of a clause starting at `k` (see [`clause_subject`]).
fn subject_from(cx: &Ctx, lo: usize, mut k: usize, end: usize) -> Option<(usize, usize)> {
    // "In the midst of the fear …" without its comma: a preposition is no subject.
    if is_clause_preposition(cx.l(k)) {
        return None;
    }
    // "Then he cut into Bush, calling …": a conjunction or sentence adverb before the subject.
    let start = k;
    while k < end && k - start < 2 && is_subject_preamble(cx.l(k)) {
        k += 1;
    }
    // "Even before Sanders took the stage", "Where the Republicans sought …", "This prompted
    // …": a subordinate clause or a demonstrative opens the sentence, not a name.
    if k + 1 >= end || cx.quoted(k) || is_clause_preposition(cx.l(k)) || is_no_subject(cx.l(k)) {
        return None;
    }
    let followed = |e: usize| e < end && cx.is_word(e) && !cx.is_cap(e) && !cx.quoted(e);
    if pronoun_gender(cx.l(k)).is_some() {
        return followed(k + 1).then_some((k, k + 1));
    }
    let mut e = k;
    if matches!(cx.l(e), "the" | "a" | "an") {
        e += 1;
    }
    let run = e;
    // "The author draws a parallel …, suggesting …": a role noun after its article.
    if run > k && is_role_noun(cx.l(run)) && followed(run + 1) {
        return Some((k, run + 1));
    }
    while e < end && cx.is_cap(e) && e - k < 6 {
        e += 1;
    }
    // "White House press secretary Jo Roe condemned …": role words, then the name.
    // Longer role phrases ("fact checker and staff writer Jo Roe") end in their role noun.
    let mut r = e;
    let mut plain = true;
    while r < end && r - e < 6 && !cx.is_cap(r) && cx.is_word(r) && !cx.quoted(r) {
        if !is_role_or_modifier(cx.l(r)) {
            if !(role_word(cx, r) || cx.l(r) == "and") {
                break;
            }
            plain = false;
        }
        r += 1;
    }
    let role_ends = r > e && (plain && r - e <= 3 || is_role_noun(cx.l(r - 1)));
    if role_ends && (e..r).any(|i| is_role_noun(cx.l(i))) && r < end && cx.is_cap(r) {
        e = r;
        while e < end && cx.is_cap(e) && e - r < 4 {
            e += 1;
        }
    }
    // "The leader of the party, Jo Roe, condemned …": the name closes an apposition.
    // Not a place's comma ("in Ames, Iowa, on Sunday"): a verb follows the apposition.
    let closes_apposition = e < end
        && cx.w(e) == ","
        && followed(e + 1)
        && !is_boundary(cx.l(e + 1))
        && !is_clause_preposition(cx.l(e + 1))
        && k > lo;
    (e > run && (followed(e) || closes_apposition)).then_some((k, e))
}

/// Prepositions and subordinators that open an adverbial phrase, never a subject.
fn is_clause_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "for"
            | "after"
            | "before"
            | "during"
            | "with"
            | "by"
            | "from"
            | "to"
            | "as"
            | "when"
            | "while"
            | "if"
            | "since"
            | "despite"
            | "under"
            | "amid"
            | "among"
            | "although"
            | "though"
            | "because"
            | "once"
            | "until"
            | "unless"
            | "whether"
    )
}

/// Conjunctions and sentence adverbs that may stand before a clause's subject.
fn is_subject_preamble(lower: &str) -> bool {
    matches!(
        lower,
        "but" | "and" | "so" | "yet" | "still" | "then" | "even" | "now" | "also" | "instead"
    )
}

/// Question words and demonstratives: a sentence they open has no named subject there.
fn is_no_subject(lower: &str) -> bool {
    matches!(
        lower,
        "what" | "where" | "why" | "how" | "this" | "that" | "these" | "those" | "there" | "here"
    )
}

/// The name `lo..p` opening a sentence when the comma at `p` opens an apposition (an article
/// or a role noun first) whose closing comma, before `end`, is followed by a lower-case word.
fn named_before_apposition(cx: &Ctx, lo: usize, p: usize, end: usize) -> Option<(usize, usize)> {
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
fn unclosed_apposition(cx: &Ctx, lo: usize, a: usize, j: usize) -> Option<(usize, usize)> {
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

/// Lower-case words of a role phrase before a name ("press secretary", "chief executive").
pub(crate) fn is_role_or_modifier(lower: &str) -> bool {
    is_role_noun(lower) || np_modifier(lower)
}

pub(crate) fn is_dash(cx: &Ctx, i: usize) -> bool {
    i < cx.doc.tokens.len() && matches!(cx.w(i), "—" | "–" | "―" | "-" | "--" | "―-")
}

/// The end (after its dash) of a wire dateline opening the paragraph at `a` ("WASHINGTON
/// (Reuters) -", "CAMBRIDGE, Mass., Dec. 11 (UPI) —", "New York (AFP) –", "Aug. 3 -"): where
/// the story starts, not part of what anyone said. A place in capitals, an agency in
/// parentheses or a month and day must be there; a name before a dash is not enough.
pub(crate) fn dateline_end(cx: &Ctx, a: usize, b: usize) -> Option<usize> {
    if a >= b || b > cx.doc.tokens.len() || !starts_paragraph(cx.doc, a) {
        return None;
    }
    let (mut capitals, mut agency, mut date) = (false, false, false);
    let mut k = a;
    while k < b && k - a < 14 {
        let w = cx.w(k);
        if is_dash(cx, k) || w == "--" {
            // A place alone must be followed by a sentence ("NATO — the alliance …" is not).
            let sentence = k + 1 < b && cx.is_cap(k + 1);
            return (k > a && (agency || date || capitals && sentence) && k + 1 < b)
                .then_some(k + 1);
        }
        if w == "(" {
            let close = (k + 1..b.min(k + 5)).find(|&i| cx.w(i) == ")")?;
            agency = close > k + 1 && (k + 1..close).all(|i| cx.is_cap(i) || cx.w(i) == "-");
            if !agency {
                return None;
            }
            k = close + 1;
            continue;
        }
        if cx.is_word(k) && claimtrail_lexicon::month(cx.l(k).trim_end_matches('.')).is_some() {
            let day = k + 1 < b && cx.w(k + 1).bytes().all(|c| c.is_ascii_digit());
            if !day {
                return None;
            }
            date = true;
            k += 2;
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && w.chars().all(|c| !c.is_lowercase()) && cx.is_word(k) {
            capitals = true;
        } else if !(cx.is_cap(k) || matches!(w, "," | ".") || w.bytes().all(|c| c.is_ascii_digit()))
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Words that open a clause's subject right after an addressee: a subject pronoun or a
/// determiner ("told reporters *the* suspect was", "told Lee *he* would").
fn opens_clause(lower: &str) -> bool {
    is_determiner(lower)
        || matches!(
            lower,
            "he" | "she" | "they" | "it" | "we" | "i" | "there" | "these" | "those"
        )
}

/// Prepositions after which a determiner goes on the addressee ("told reporters at a …").
fn is_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "at" | "in" | "on" | "during" | "after" | "with" | "from" | "of" | "for"
    )
}
