//! Linking cues to subjects and contents. See the crate docs for the walk; each helper here
//! looks a bounded number of tokens around one cue, so the whole pass stays linear.

use claimtrail_text::{Doc, Entity, Quote, TokenKind};

use crate::lexicon::{
    is_aux_or_adverb, is_boundary, is_cue, is_participle, is_role_noun, is_time_word, is_weak_cue,
    pronoun_gender, ADDRESSEE_CUES,
};
use crate::marks::{find_marked, starts_paragraph, Marked};
use crate::speakers::{word, People, Speaker};

const NONE: u32 = u32::MAX;
/// How far a subject phrase may reach back from its cue, in tokens.
const MAX_SUBJECT: usize = 9;
/// Tokens allowed between a cue and the colon or comma before a quote ("told reporters on Monday:").
const MAX_BRIDGE: usize = 8;
/// Speakers kept for resolving pronouns (the resolver looks back at most this far).
const HISTORY: usize = 64;
/// The longest reported clause, in tokens.
const MAX_CONTENT: usize = 160;

struct Found {
    start: usize,
    end: usize,
    kind: &'static str,
    speaker: Speaker,
    cue: Option<String>,
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    marks: Vec<Marked>,
    /// Per token: the quoted span it belongs to (marks included), or NONE.
    owner: Vec<u32>,
    /// The text with ASCII letters lower-cased: same byte offsets, one allocation. The word
    /// lists are ASCII, so non-ASCII capitals need no folding.
    lower: String,
}

impl Ctx<'_, '_> {
    fn quoted(&self, i: usize) -> bool {
        self.owner[i] != NONE
    }
    fn w(&self, i: usize) -> &str {
        word(self.doc, i)
    }
    fn l(&self, i: usize) -> &str {
        let t = &self.doc.tokens[i];
        self.lower.get(t.start..t.end).unwrap_or("")
    }
    fn is_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Word | TokenKind::Number)
    }
    fn is_cap(&self, i: usize) -> bool {
        self.doc.tokens[i].kind == TokenKind::Word
            && self.w(i).chars().next().is_some_and(char::is_uppercase)
            && !is_time_word(self.l(i))
    }
    fn is_stop(&self, i: usize) -> bool {
        matches!(self.w(i), "." | "!" | "?" | ";" | "…")
    }
    /// The span whose closing mark is token `i`.
    fn closes(&self, i: usize) -> Option<usize> {
        let m = self.owner[i];
        (m != NONE && self.marks[m as usize].close_tok == Some(i)).then_some(m as usize)
    }
    /// The span whose opening mark is token `i`.
    fn opens(&self, i: usize) -> Option<usize> {
        let m = self.owner[i];
        (m != NONE && self.marks[m as usize].open_tok == i).then_some(m as usize)
    }
}

pub fn attribute(doc: &Doc, entities: &[Entity]) -> Vec<Quote> {
    let n = doc.tokens.len();
    let marks = find_marked(doc);
    let mut owner = vec![NONE; n];
    for (m, mk) in marks.iter().enumerate() {
        let end = mk.close_tok.map_or(mk.last_tok, |c| c + 1).min(n);
        for o in &mut owner[mk.open_tok..end] {
            *o = m as u32;
        }
    }
    let quoted: Vec<bool> = owner.iter().map(|&o| o != NONE).collect();
    let people = People::build(doc, entities, &quoted);
    let lower = doc.text.to_ascii_lowercase();
    let cx = Ctx {
        doc,
        marks,
        owner,
        lower,
    };
    let mut assigned: Vec<Option<(Speaker, Option<String>)>> = vec![None; cx.marks.len()];
    let mut consumed = vec![false; cx.marks.len()];
    let mut found: Vec<Found> = Vec::with_capacity(cx.marks.len() + doc.sentences.len() / 2);
    let mut history: Vec<Speaker> = Vec::with_capacity(2 * HISTORY);

    for s in &doc.sentences {
        let (lo, hi) = (s.first_token, s.end_token.min(n));
        let mut last: Option<Speaker> = None;
        let mut covered = lo;
        let mut c = lo;
        while c < hi {
            // Cheap rejections first: this runs for every token of the document.
            if cx.quoted(c)
                || c < covered
                || cx.doc.tokens[c].kind != TokenKind::Word
                || cx.is_cap(c) && c > lo
                || !is_cue(cx.l(c))
            {
                c += 1;
                continue;
            }
            if cx.l(c) == "according" {
                if c + 1 < hi && cx.l(c + 1) == "to" {
                    if let Some(next) = according_to(
                        &cx,
                        &people,
                        lo,
                        hi,
                        c,
                        &mut covered,
                        &mut history,
                        &mut found,
                        &mut consumed,
                        &assigned,
                    ) {
                        last = Some(next);
                    }
                }
                c += 1;
                continue;
            }
            let cue = cx.w(c).to_string();
            // The subject: before the cue, after it when inverted, or the last speaker.
            let mut ext = (c, c + 1);
            let participle = is_participle(cx.l(c));
            let before = if participle {
                None
            } else {
                subject_before(&cx, lo, c)
            };
            let speaker = match before {
                Some((a, b)) if valid_subject(&cx, a, b, c) => {
                    ext.0 = extent_start(&cx, lo, a, b);
                    let mut sp = people.resolve(doc, a, b, &history);
                    // "Lee, who declared": the surface subject is the relative pronoun.
                    if b < c && cx.l(b) == "," && (b + 1..c).any(|i| cx.l(i) == "who") {
                        sp.mention = "who".to_string();
                    }
                    Some(sp)
                }
                Some(_) => None,
                None => match subject_after(&cx, lo, c, hi) {
                    Some((a, b)) => {
                        ext.1 = b;
                        Some(people.resolve(doc, a, b, &history))
                    }
                    None if participle => last.clone().or_else(|| {
                        clause_subject(&cx, lo, c).map(|(a, b)| people.resolve(doc, a, b, &history))
                    }),
                    None => None,
                },
            };
            let Some(speaker) = speaker else {
                c += 1;
                continue;
            };
            if speaker.name.is_some() {
                history.push(remember(&people, &speaker));
            }
            last = Some(speaker.clone());
            let mut claimed = false;
            // "…," Kirby said — a quote closing just before the attribution.
            let tail = (ext.1..hi.min(ext.1 + 16))
                .filter(|&i| cx.is_word(i))
                .count();
            if let Some(m) = quote_before(&cx, ext.0, tail) {
                if assigned[m].is_none() {
                    assigned[m] = Some((speaker.clone(), Some(cue.clone())));
                }
                claimed = true;
            }
            // Kirby said, "…" — and the second half of "…," he said, "…".
            if let Some(m) = quote_after(&cx, ext.1, hi, claimed) {
                if assigned[m].is_none() {
                    assigned[m] = Some((speaker.clone(), Some(cue.clone())));
                }
                covered = covered.max(cx.marks[m].last_tok);
                claimed = true;
            }
            if claimed {
                covered = covered.max(ext.1);
                c = ext.1.max(c + 1);
                continue;
            }
            // Reported speech: the clause after the cue, or the clause the attribution closes.
            if let Some((a, b)) = content_after(&cx, c, ext.1, hi)
                .or_else(|| content_before(&cx, covered, ext.0, ext.1, hi))
            {
                push_content(
                    &cx,
                    a,
                    b,
                    &speaker,
                    &cue,
                    &mut found,
                    &mut consumed,
                    &assigned,
                );
                if a >= ext.1 {
                    covered = covered.max(b);
                }
            }
            covered = covered.max(ext.1);
            c = ext.1.max(c + 1);
        }
        loose(&cx, &people, lo, hi, &mut history, &mut assigned);
        // Pronouns look back a bounded number of speakers; drop the rest (amortised O(1)).
        if history.len() > 2 * HISTORY {
            history.drain(..history.len() - HISTORY);
        }
    }

    continue_speakers(&cx, &mut assigned, &consumed);
    for (m, a) in assigned.into_iter().enumerate() {
        if consumed[m] {
            continue;
        }
        let mk = cx.marks[m];
        match a {
            Some((speaker, cue)) => found.push(Found {
                start: mk.start,
                end: mk.end,
                kind: "direct",
                speaker,
                cue,
            }),
            None => {
                // Unattributed: keep full statements, drop scare quotes and titles.
                let words = doc.text[mk.start..mk.end].split_whitespace().count();
                if words >= 6 {
                    found.push(Found {
                        start: mk.start,
                        end: mk.end,
                        kind: "direct",
                        speaker: Speaker::default(),
                        cue: None,
                    });
                }
            }
        }
    }
    found.sort_by_key(|f| (f.start, f.end));
    found
        .into_iter()
        .map(|f| Quote {
            text: doc.text[f.start..f.end].to_string(),
            kind: f.kind.to_string(),
            start: f.start,
            end: f.end,
            speaker: f.speaker.name,
            speaker_mention: (!f.speaker.mention.is_empty()).then_some(f.speaker.mention),
            speaker_type: f.speaker.kind.map(str::to_string),
            role: f.speaker.role,
            cue: f.cue,
        })
        .collect()
}

/// The subject phrase ending just before cue `c` (auxiliaries and adverbs skipped).
fn subject_before(cx: &Ctx, lo: usize, c: usize) -> Option<(usize, usize)> {
    let mut j = c;
    while j > lo
        && !cx.quoted(j - 1)
        && (is_aux_or_adverb(cx.l(j - 1))
            || is_time_word(cx.l(j - 1))
            || cx.l(j - 1).ends_with("ly") && cx.l(j - 1).len() > 4 && !cx.is_cap(j - 1))
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
        return np_back(cx, lo, j - 2).filter(|&(_, b)| cx.is_cap(b - 1));
    }
    if cx.w(j - 1) == "," && j - 1 > lo {
        return appositive(cx, lo, j - 1);
    }
    np_back(cx, lo, j)
}

/// "Mitch McConnell, R-Ky., said", "the spokesman, Josh Earnest, said", "Neel, who managed
/// the campaign, said": the name on either side of the apposition ending at the comma `comma`.
/// Returns the name phrase; the attribution extent starts at the phrase before the apposition.
fn appositive(cx: &Ctx, lo: usize, comma: usize) -> Option<(usize, usize)> {
    let mut q = comma;
    while q > lo && comma - q < 25 {
        q -= 1;
        let abbrev_dot = cx.w(q) == "." && q + 1 < comma + 1 && cx.w(q + 1) == ",";
        if cx.quoted(q) || cx.is_stop(q) && !abbrev_dot {
            return None;
        }
        if cx.w(q) == "," {
            let before = np_back(cx, lo, q);
            let inner = np_back(cx, q + 1, comma);
            let inner_name = inner.filter(|&(_, e)| cx.is_cap(e - 1));
            // "the spokesperson of the State Department, Matthew Miller, said": the role
            // comes first and the name is in the apposition.
            let before_is_role = before.is_some_and(|(x, e)| {
                crate::lexicon::is_org_head(cx.l(e - 1)) || (x..e).any(|i| is_role_noun(cx.l(i)))
            });
            if let Some(b) = before.filter(|&(_, e)| cx.is_cap(e - 1)) {
                if !(before_is_role && inner_name.is_some()) {
                    return Some(b);
                }
            }
            return inner.filter(|&(_, e)| cx.is_cap(e - 1));
        }
    }
    np_back(cx, lo, comma).filter(|&(_, e)| cx.is_cap(e - 1))
}

/// The start of the attribution that ends with the subject starting at `a`: the phrase before
/// an apposition ("the White House spokesman, Josh Earnest, said").
fn extent_start(cx: &Ctx, lo: usize, a: usize, b: usize) -> usize {
    let mut s = a;
    if s > lo + 1 && cx.w(s - 1) == "," && cx.w(b) == "," {
        if let Some((x, _)) = np_back(cx, lo, s - 1) {
            s = x;
        }
    }
    s
}

/// A noun phrase ending at token `end` (exclusive), reaching back at most `MAX_SUBJECT` tokens.
fn np_back(cx: &Ctx, lo: usize, end: usize) -> Option<(usize, usize)> {
    let mut k = end;
    // "Rep. John Mica (R-Fla.) said": a short parenthetical after the name belongs to it.
    if k > lo && cx.w(k - 1) == ")" {
        let mut p = k - 1;
        while p > lo && k - p < 8 && cx.w(p) != "(" {
            p -= 1;
        }
        if cx.w(p) == "(" && p > lo {
            return np_back(cx, lo, p).map(|(a, _)| (a, end));
        }
    }
    while k > lo && end - k < MAX_SUBJECT {
        let i = k - 1;
        if cx.quoted(i)
            || !cx.is_word(i)
            || is_boundary(cx.l(i))
            || is_cue(cx.l(i)) && !cx.l(i).ends_with('s')
            || is_time_word(cx.l(i))
        {
            break;
        }
        // Once a name is in, only determiners and role words may precede it ("the senior
        // adviser", not "endorse Mr. Trump").
        if !cx.is_cap(i) && (k..end).any(|x| cx.is_cap(x)) && !np_modifier(cx.l(i)) {
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
        )
}

/// The inverted subject of "…, said Kirby" / "“…” said the spokesman".
fn subject_after(cx: &Ctx, lo: usize, c: usize, hi: usize) -> Option<(usize, usize)> {
    let inverted_slot =
        c == lo || matches!(cx.w(c - 1), "," | "—" | "–") || cx.closes(c - 1).is_some();
    if !inverted_slot || c + 1 >= hi {
        return None;
    }
    let a = c + 1;
    let first = cx.l(a);
    if !(cx.is_cap(a) || matches!(first, "the" | "a" | "an") || pronoun_gender(first).is_some()) {
        return None;
    }
    if pronoun_gender(first).is_some() {
        return Some((a, a + 1));
    }
    let mut b = a;
    while b < hi && b - a < MAX_SUBJECT && cx.is_word(b) && !cx.quoted(b) {
        if b > a && (is_boundary(cx.l(b)) || is_cue(cx.l(b))) || is_time_word(cx.l(b)) {
            break;
        }
        b += 1;
    }
    let ends = b >= hi || !cx.is_word(b) || cx.quoted(b) || starts_with_time(cx, b, hi);
    (b > a && ends).then_some((a, b))
}

/// A subject worth attributing to: a name, a pronoun, a role, or (for strong cues) any noun
/// phrase that does not end in a function word.
fn valid_subject(cx: &Ctx, a: usize, b: usize, c: usize) -> bool {
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
    let named = (a..b).any(|i| cx.is_cap(i) || is_role_noun(cx.l(i)))
        || (b == a + 1 && pronoun_gender(last).is_some());
    if is_weak_cue(cx.l(c)) {
        return named;
    }
    named || b - a <= 4
}

/// A quoted span that closes right before the attribution starting at `a`.
fn quote_before(cx: &Ctx, a: usize, tail: usize) -> Option<usize> {
    let mut p = a;
    while p > 0 && matches!(cx.w(p - 1), "," | "—" | "–" | "-") && !cx.quoted(p - 1) {
        p -= 1;
    }
    if p == 0 || starts_paragraph(cx.doc, a) && p == a {
        return None;
    }
    // "…," retired Air Force general Lloyd Newton said: a modifier or two outside the subject.
    let mut q = p;
    while q > 0 && p - q < 2 && cx.is_word(q - 1) && !cx.is_cap(q - 1) && !cx.quoted(q - 1) {
        q -= 1;
    }
    if q < p && q > 0 && cx.closes(q - 1).is_some() {
        p = q;
    }
    let m = cx.closes(p - 1)?;
    // "“…!” he said" attaches across the stop; "“….” Kirby said" starts a new statement.
    let mk = cx.marks[m];
    let last = cx.doc.text[mk.start..mk.end].chars().next_back();
    (last != Some('.') || p < a || !cx.is_cap(a) || tail < 4).then_some(m)
}

/// A quoted span opening shortly after the attribution ending at `b`: after a colon or comma
/// ("told reporters on Monday: “…”"), or right away when it reads as a whole sentence.
fn quote_after(cx: &Ctx, b: usize, hi: usize, after_quote: bool) -> Option<usize> {
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
            // "…," he said. "…" — the next sentence's quote continues the speaker.
            return (j + 1 < n).then(|| cx.opens(j + 1)).flatten();
        }
        if matches!(cx.l(j), "that" | "whether" | "if") {
            return None;
        }
        j += 1;
    }
    None
}

/// The reported clause after a cue: after "that" when it comes soon, else after an addressee.
fn content_after(cx: &Ctx, c: usize, b: usize, hi: usize) -> Option<(usize, usize)> {
    let mut st = b;
    let mut saw_that = false;
    let mut j = b;
    while j < hi && j - b < 12 && !cx.quoted(j) && !cx.is_stop(j) {
        if cx.l(j) == "that" {
            st = j + 1;
            saw_that = true;
            break;
        }
        if is_cue(cx.l(j)) {
            break;
        }
        j += 1;
    }
    if !saw_that {
        if ADDRESSEE_CUES.contains(&cx.l(c)) {
            let mut k = st;
            while k < hi && k - st < 4 && cx.is_word(k) && !is_boundary(cx.l(k)) && !cx.quoted(k) {
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
        // "… “visual evidence,” but he said …": the comma sits inside the closing mark.
        if k > st
            && k + 1 < hi
            && cx.closes(k).is_some()
            && cx.w(k - 1) == ","
            && next_attribution(cx, k + 1, hi)
        {
            en = k + 1;
            break;
        }
        k += 1;
    }
    trim(cx, st, en)
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
    while j < hi && j - k < 5 && cx.is_word(j) && !cx.quoted(j) {
        if is_cue(cx.l(j)) && !cx.is_cap(j) {
            let clause_final = j + 1 >= hi || cx.is_stop(j + 1) || cx.w(j + 1) == ",";
            return j > k
                && (cx.is_cap(j - 1) || pronoun_gender(cx.l(j - 1)).is_some() || clause_final);
        }
        j += 1;
    }
    false
}

fn starts_with_time(cx: &Ctx, st: usize, hi: usize) -> bool {
    st < hi
        && matches!(
            cx.l(st),
            "on" | "in"
                | "at"
                | "during"
                | "late"
                | "early"
                | "last"
                | "this"
                | "today"
                | "yesterday"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "when"
                | "after"
                | "before"
                | "while"
                | "through"
                | "via"
        )
}

/// The clause an attribution closes: "Russia is to blame, Kirby said."
fn content_before(cx: &Ctx, from: usize, a: usize, b: usize, hi: usize) -> Option<(usize, usize)> {
    if a == 0 || a <= from || cx.w(a - 1) != "," {
        return None;
    }
    // Only a short tail may follow the attribution ("on Monday", "in a statement").
    let tail = (b..hi.min(b + 16)).filter(|&i| cx.is_word(i)).count();
    if tail > 8 {
        return None;
    }
    trim(cx, from.max(a.saturating_sub(MAX_CONTENT)), a - 1)
}

fn trim(cx: &Ctx, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    while a < b && (matches!(cx.w(a), "," | ":" | "—" | "–") || cx.l(a) == "that") {
        a += 1;
    }
    while b > a && matches!(cx.w(b - 1), "." | "," | ";" | ":" | "—" | "–" | "!" | "?") {
        b -= 1;
    }
    let words = (a..b).filter(|&i| cx.is_word(i)).take(3).count();
    (words >= 3).then_some((a, b))
}

#[allow(clippy::too_many_arguments)]
fn push_content(
    cx: &Ctx,
    a: usize,
    b: usize,
    speaker: &Speaker,
    cue: &str,
    found: &mut Vec<Found>,
    consumed: &mut [bool],
    assigned: &[Option<(Speaker, Option<String>)>],
) {
    // Quoted spans inside the clause make it mixed; a clause that is one quote is direct.
    let mut mixed = false;
    let mut i = a;
    while i < b {
        if let Some(m) = cx.opens(i) {
            let mk = cx.marks[m];
            if assigned[m].is_some() {
                return;
            }
            mixed = true;
            consumed[m] = true;
            i = mk.last_tok.max(i + 1);
            continue;
        }
        i += 1;
    }
    let (mut start, mut end) = (cx.doc.tokens[a].start, cx.doc.tokens[b - 1].end);
    // A clause that is exactly one quoted span is a direct quote.
    if let (Some(m), true) = (cx.opens(a), mixed) {
        let mk = cx.marks[m];
        if mk.close_tok.is_some_and(|cl| cl + 1 >= b) {
            (start, end) = (mk.start, mk.end);
            found.push(Found {
                start,
                end,
                kind: "direct",
                speaker: speaker.clone(),
                cue: Some(cue.to_string()),
            });
            return;
        }
    }
    found.push(Found {
        start,
        end,
        kind: if mixed { "mixed" } else { "indirect" },
        speaker: speaker.clone(),
        cue: Some(cue.to_string()),
    });
}

/// "According to Kirby, …" and "…, according to Kirby." — unless the clause is already
/// attributed, when the source is only the channel ("Biden said, according to Reuters").
#[allow(clippy::too_many_arguments)]
fn according_to(
    cx: &Ctx,
    people: &People,
    lo: usize,
    hi: usize,
    c: usize,
    covered: &mut usize,
    history: &mut Vec<Speaker>,
    found: &mut Vec<Found>,
    consumed: &mut [bool],
    assigned: &[Option<(Speaker, Option<String>)>],
) -> Option<Speaker> {
    let a = c + 2;
    let mut b = a;
    while b < hi && b - a < MAX_SUBJECT && cx.is_word(b) && !cx.quoted(b) {
        if b > a && (is_boundary(cx.l(b)) && cx.l(b) != "of" || is_cue(cx.l(b))) {
            break;
        }
        b += 1;
    }
    if b == a {
        return None;
    }
    let speaker = people.resolve(cx.doc, a, b, history);
    let at_start = c == lo || !matches!(cx.w(c - 1), ",") && *covered <= lo;
    let content = if at_start {
        let mut st = b;
        while st < hi && matches!(cx.w(st), ",") {
            st += 1;
        }
        trim(cx, st, hi.min(st + MAX_CONTENT))
    } else if *covered < c - 1 {
        trim(cx, (*covered).max(c.saturating_sub(MAX_CONTENT)), c - 1)
    } else {
        None
    };
    let (x, y) = content?;
    if speaker.name.is_some() {
        history.push(remember(people, &speaker));
    }
    push_content(
        cx,
        x,
        y,
        &speaker,
        "according to",
        found,
        consumed,
        assigned,
    );
    *covered = (*covered).max(y).max(b);
    Some(speaker)
}

/// The subject at the start of a clause: a pronoun or a name followed by a lower-case word,
/// after an introductory phrase ("On Tuesday, Mr. McConnell deflected …").
fn clause_subject(cx: &Ctx, lo: usize, end: usize) -> Option<(usize, usize)> {
    let mut k = lo;
    if let Some(p) = (lo..end.min(lo + 6)).find(|&i| cx.w(i) == ",") {
        k = p + 1;
    }
    if k < end && matches!(cx.l(k), "but" | "and" | "so" | "yet" | "still") {
        k += 1;
    }
    if k + 1 >= end || cx.quoted(k) {
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
    while e < end && cx.is_cap(e) && e - k < 6 {
        e += 1;
    }
    (e > run && followed(e)).then_some((k, e))
}

/// Quotes whose attribution uses a verb outside the cue list: "“…,” he wondered aloud",
/// "“…!” posted Jane Roe", "She laid out her plan: “…”".
fn loose(
    cx: &Ctx,
    people: &People,
    lo: usize,
    hi: usize,
    history: &mut Vec<Speaker>,
    assigned: &mut [Option<(Speaker, Option<String>)>],
) {
    let n = cx.doc.tokens.len();
    for i in lo..hi {
        let m = cx.owner[i];
        if m == NONE || assigned[m as usize].is_some() {
            continue;
        }
        let m = m as usize;
        let mk = cx.marks[m];
        if cx.closes(i) == Some(m) {
            let last = cx.doc.text[mk.start..mk.end].chars().next_back();
            let mut j = i + 1;
            if j < n && cx.w(j) == "," {
                j += 1;
            }
            // "“…” — Commissioner Jane Roe": a dash, then the name.
            if is_dash(cx, i + 1) && i + 2 < n && cx.is_cap(i + 2) {
                let a = i + 2;
                let mut e = a;
                while e < n && cx.is_cap(e) && e - a < 6 && !starts_paragraph(cx.doc, e) {
                    e += 1;
                }
                // A name that opens the next paragraph is not this quote's credit.
                if e > a {
                    let sp = people.resolve(cx.doc, a, e, history);
                    assigned[m] = Some((sp, None));
                    continue;
                }
            }
            let open_end = matches!(last, Some(',' | '!' | '?' | '—' | '-')) || j > i + 1;
            if !open_end || j + 1 >= n || starts_paragraph(cx.doc, j) {
                continue;
            }
            let found = if pronoun_gender(cx.l(j)).is_some() && cx.is_word(j + 1) {
                (!cx.is_cap(j + 1)).then_some(((j, j + 1), j + 1))
            } else if cx.is_cap(j) {
                let mut e = j;
                while e < n && cx.is_cap(e) && e - j < 5 {
                    e += 1;
                }
                (e < n && cx.is_word(e) && !cx.is_cap(e) && !is_boundary(cx.l(e)))
                    .then_some(((j, e), e))
            } else if cx.is_word(j) && !is_boundary(cx.l(j)) && !cx.quoted(j) {
                // Inverted: "posted Sharon Powers Geyer."
                let a = j + 1;
                let mut e = a;
                if e < n && matches!(cx.l(e), "the" | "a" | "an") {
                    e += 1;
                }
                while e < n && cx.is_cap(e) && e - a < 5 {
                    e += 1;
                }
                let ends = e >= n || !cx.is_word(e);
                (e > a && cx.is_cap(e - 1) && ends).then_some(((a, e), j))
            } else {
                None
            };
            if let Some(((a, b), cue)) = found {
                let sp = people.resolve(cx.doc, a, b, history);
                if sp.name.is_some() {
                    history.push(remember(people, &sp));
                }
                assigned[m] = Some((sp, Some(cx.w(cue).to_string())));
            }
        } else if i == mk.open_tok && i > lo && cx.w(i - 1) == ":" {
            if let Some((a, b)) = clause_subject(cx, lo, i - 1) {
                let sp = people.resolve(cx.doc, a, b, history);
                if sp.name.is_some() {
                    history.push(remember(people, &sp));
                }
                assigned[m] = Some((sp, Some(cx.w(b).to_string())));
            }
        }
    }
}

/// A speaker for the pronoun history, with its gender settled once.
fn remember(people: &People, sp: &Speaker) -> Speaker {
    let mut s = sp.clone();
    s.gender = Some(people.gender_of(sp));
    s
}

fn is_dash(cx: &Ctx, i: usize) -> bool {
    i < cx.doc.tokens.len() && matches!(cx.w(i), "—" | "–" | "―" | "-" | "--" | "―-")
}

/// A quoted span without a cue continues the speaker of the quote before it when it follows
/// in the same paragraph or opens the next one.
fn continue_speakers(
    cx: &Ctx,
    assigned: &mut [Option<(Speaker, Option<String>)>],
    consumed: &[bool],
) {
    let mut prev: Option<(usize, Speaker)> = None; // (paragraph number, speaker)
    let mut para = 0usize;
    let mut tok = 0usize;
    for m in 0..cx.marks.len() {
        let mk = cx.marks[m];
        // Paragraph number of the opening mark, counted incrementally.
        while tok < mk.open_tok {
            tok += 1;
            if starts_paragraph(cx.doc, tok) {
                para += 1;
            }
        }
        let start_para = para;
        if let Some((sp, _)) = &assigned[m] {
            prev = Some((start_para, sp.clone()));
        } else if !consumed[m] {
            if let Some((pp, sp)) = &prev {
                let opens_para = starts_paragraph(cx.doc, mk.open_tok);
                if (*pp == start_para || *pp + 1 == start_para && opens_para) && sp.name.is_some() {
                    let sp = sp.clone();
                    assigned[m] = Some((sp.clone(), None));
                    prev = Some((start_para, sp));
                }
            }
        }
        // Move the paragraph count to the end of the span (multi-paragraph quotes).
        let end = mk.close_tok.unwrap_or(mk.last_tok.saturating_sub(1));
        while tok < end {
            tok += 1;
            if starts_paragraph(cx.doc, tok) {
                para += 1;
            }
        }
        if let Some((pp, _)) = &mut prev {
            if assigned[m].is_some() {
                *pp = para;
            }
        }
    }
}
