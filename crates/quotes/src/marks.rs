//! Direct-quote spans from quote marks. One left-to-right pass over the tokens, with the state
//! reset at every paragraph so that a stray or unbalanced mark can never swallow the rest of the
//! document. A quote left open at a paragraph end continues when the next paragraph opens with a
//! quote mark (the multi-paragraph convention); otherwise it ends with its paragraph.

use claimtrail_text::Doc;

/// A quoted span: the tokens of its marks and the byte range of its content.
#[derive(Debug, Clone, Copy)]
pub struct Marked {
    /// Token index of the opening mark.
    pub open_tok: usize,
    /// Token index of the closing mark; `None` when the quote ends with its paragraph unclosed.
    pub close_tok: Option<usize>,
    /// Token index just past the last content token.
    pub last_tok: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Tex,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

fn mark(t: &str) -> Option<(Family, Role)> {
    // Every mark starts with an ASCII quote or backtick, or a UTF-8 lead byte of “ ” ‘ ’ „ « ».
    if !matches!(
        t.as_bytes().first(),
        Some(b'"' | b'\'' | b'`' | 0xC2 | 0xE2)
    ) {
        return None;
    }
    Some(match t {
        "“" | "„" => (Family::Double, Role::Open),
        "”" => (Family::Double, Role::Close),
        "\"" => (Family::Double, Role::Either),
        "«" => (Family::Guillemet, Role::Open),
        "»" => (Family::Guillemet, Role::Close),
        "``" => (Family::Tex, Role::Open),
        "''" => (Family::Tex, Role::Either),
        "‘" => (Family::Single, Role::Open),
        "’" => (Family::Single, Role::Close),
        _ => return None,
    })
}

/// True when token `i` starts a new paragraph (a line break in the gap before it).
pub fn starts_paragraph(doc: &Doc, i: usize) -> bool {
    i == 0 || doc.text[doc.tokens[i - 1].end..doc.tokens[i].start].contains('\n')
}

fn gap_before(doc: &Doc, i: usize) -> bool {
    i == 0 || doc.tokens[i - 1].end < doc.tokens[i].start
}

fn gap_after(doc: &Doc, i: usize) -> bool {
    i + 1 >= doc.tokens.len() || doc.tokens[i].end < doc.tokens[i + 1].start
}

/// Can the mark at `i` open a quote here? Openers sit before a word, after space or a bracket.
fn can_open(doc: &Doc, i: usize, role: Role) -> bool {
    if i + 1 >= doc.tokens.len() || starts_paragraph(doc, i + 1) {
        return false;
    }
    match role {
        Role::Open => true,
        Role::Close => false,
        Role::Either => {
            !gap_after(doc, i)
                && (gap_before(doc, i)
                    || starts_paragraph(doc, i)
                    || matches!(doc.token_text(i - 1), "(" | "[" | "—" | "–" | "-" | ":")
                    || glued_opener(doc, i))
        }
    }
}

/// A straight mark run into the word or comma before it, as tokenised text writes one ("called
/// him a\"predator. \"", "saying\"I'm the one …\"", "said,\"He has …"): an opener when the word
/// before is a word of letters or a comma and the next double mark of the paragraph is shaped to
/// close (a space or punctuation after it, or the paragraph's end), or, with none left in the
/// paragraph, when the quotation runs on over sentence lines to a closing mark
/// ([`carried_close`]).
fn glued_opener(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let before = doc.token_text(i - 1);
    if before != "," && !before.chars().all(char::is_alphabetic) {
        return false;
    }
    let n = doc.tokens.len();
    let mut k = i + 1;
    while k < n && k - i < 200 && !starts_paragraph(doc, k) {
        if matches!(
            mark(doc.token_text(k)),
            Some((Family::Double | Family::Tex, _))
        ) {
            return k + 1 >= n
                || gap_after(doc, k)
                || starts_paragraph(doc, k + 1)
                || !doc.token_text(k + 1).chars().any(char::is_alphanumeric)
                || paired_by_count(doc, i, k);
        }
        k += 1;
    }
    k < n && starts_paragraph(doc, k) && carried_close(doc, k).is_some()
}

/// Tokenised text runs straight marks into the words on both sides ("the EU\"because of
/// its\"precarious debt dynamics\"and because it\"has cheated …, \"Jo Roe said"), so no shape
/// tells an opener from a closer. The glued mark at `i` opens when the double marks from it to
/// its paragraph's end are even in number (each pairs with the next) and at least two words
/// stand before the next one, `k` ("a 12-inch\"x\"y plate" quotes nothing).
fn paired_by_count(doc: &Doc, i: usize, k: usize) -> bool {
    let words = (i + 1..k)
        .filter(|&t| doc.tokens[t].kind == claimtrail_text::TokenKind::Word)
        .take(2)
        .count();
    if words < 2 {
        return false;
    }
    let n = doc.tokens.len();
    let mut count = 0usize;
    let mut t = i;
    while t < n && t - i < 400 && (t == i || !starts_paragraph(doc, t)) {
        if matches!(
            mark(doc.token_text(t)),
            Some((Family::Double | Family::Tex, _))
        ) {
            count += 1;
        }
        t += 1;
    }
    count.is_multiple_of(2)
}

/// Can the mark at `i` close a quote of `family`?
fn can_close(doc: &Doc, i: usize, family: Family, f: Family, role: Role) -> bool {
    if role == Role::Open {
        return false;
    }
    if f == Family::Single {
        // ’ is also the apostrophe: it closes only at a word end.
        return family == Family::Single && !gap_before(doc, i) && {
            let next = doc.tokens.get(i + 1);
            next.is_none_or(|n| {
                n.start > doc.tokens[i].end
                    || !doc.token_text(i + 1).chars().all(char::is_alphanumeric)
            })
        };
    }
    match family {
        // Curly and straight doubles are often mixed in one text.
        Family::Double => f == Family::Double || f == Family::Tex,
        Family::Tex => f == Family::Tex || f == Family::Double,
        Family::Guillemet => f == Family::Guillemet,
        Family::Single => false,
    }
}

struct Open {
    tok: usize,
    family: Family,
}

/// Paragraphs a quotation may run over with no mark, in text that sets each sentence on a line,
/// counting the one that closes it.
const CARRY_PARAGRAPHS: usize = 4;

/// Most words between the comma and the full stop of a paragraph's trailing attribution
/// (", said Troy police Lt. Gerry Scherlinck.").
const TAIL_WORDS: usize = 10;

/// Ends with a sentence: the token before `i` closes one (a run of dots too, "…." and "...."),
/// also inside a closing bracket ("not just one [person.]").
fn ends_sentence(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let t = doc.token_text(i - 1);
    if matches!(t, "]" | ")") {
        return ends_sentence(doc, i - 1);
    }
    matches!(t, "!" | "?" | "…") || (!t.is_empty() && t.chars().all(|c| c == '.' || c == '…'))
}

/// Whether the paragraph ending before token `end` (its words from `from` on) ends with an
/// attribution of its own after a comma, ", police said." or ", said Lt. Jo Roe.": the writer
/// reporting speech, so a quotation mark opened in it and left open is an excerpt's stray mark
/// (an article quoted whole, credited at its end), not a speaker's words running on.
fn trailing_attribution(doc: &Doc, from: usize, end: usize) -> bool {
    if end <= from + 2 || doc.token_text(end - 1) != "." {
        return false;
    }
    let Some(comma) = (from..end - 1).rev().find(|&k| doc.token_text(k) == ",") else {
        return false;
    };
    let tail = comma + 1..end - 1;
    tail.len() <= TAIL_WORDS
        && !tail.clone().any(|k| mark(doc.token_text(k)).is_some())
        && tail.clone().any(|k| {
            let w = doc.token_text(k).to_lowercase();
            crate::word_classes::is_cue(&w) && !crate::word_classes::is_weak_cue(&w)
        })
}

/// A double quotation left open at the paragraph starting at `i`, in text that sets each
/// sentence on its own line: when the paragraph ends a sentence, and the next paragraphs (at most
/// [`CARRY_PARAGRAPHS`]) hold no mark until one whose first double mark is unpaired in its
/// paragraph and no opener ("... spiritual. \"" or "... the charm, \"DeGeneres said"), that
/// mark closes the quotation. Returns its token.
fn carried_close(doc: &Doc, i: usize) -> Option<usize> {
    if !ends_sentence(doc, i) {
        return None;
    }
    let n = doc.tokens.len();
    let mut j = i;
    for _ in 0..CARRY_PARAGRAPHS {
        let mut k = j + 1;
        while k < n && !starts_paragraph(doc, k) {
            k += 1;
        }
        let doubles: Vec<(usize, Role)> = (j..k)
            .filter_map(|t| match mark(doc.token_text(t)) {
                Some((Family::Double | Family::Tex, r)) => Some((t, r)),
                _ => None,
            })
            .collect();
        match doubles.first() {
            None if ends_sentence(doc, k) && !trailing_attribution(doc, j, k) => j = k,
            Some(&(t, r)) if r != Role::Open && doubles.len() % 2 == 1 && t > j => {
                // "Dean Baker, Center for Economic Policy.\"" under a quotation is its credit
                // line, set inside the marks: a name (two capitalised words) opens it.
                return (!credit_line(doc, j, t)).then_some(t);
            }
            _ => return None,
        }
        if j >= n {
            return None;
        }
    }
    None
}

/// Whether the words from `j` to the mark at `t` open with two capitalised words, as a
/// credit line's name does ("Bill Clinton.", "Amy Pope, deputy adviser.").
fn credit_line(doc: &Doc, j: usize, t: usize) -> bool {
    let cap = |k: usize| {
        k < t
            && doc.tokens[k].kind == claimtrail_text::TokenKind::Word
            && doc
                .token_text(k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    cap(j) && cap(j + 1)
}

/// Finds the quoted spans of a document, in text order.
pub fn find_marked(doc: &Doc) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let n = doc.tokens.len();
    // A quotation carried over unmarked paragraphs closes at this token.
    let mut carried_to: Option<usize> = None;
    for i in 0..n {
        // Paragraph ends matter only while a quote is open.
        if open.is_some() && i > 0 && starts_paragraph(doc, i) && carried_to.is_none_or(|c| i > c) {
            if let Some(o) = open.take() {
                // Multi-paragraph quote: the next paragraph reopens with a mark of the family.
                let reopens = mark(doc.token_text(i))
                    .is_some_and(|(f, r)| r != Role::Close && same_family(f, o.family));
                if reopens {
                    open = Some(o);
                    continue;
                }
                // An excerpt's stray mark, in a paragraph that reports speech itself, makes no
                // quotation: the paragraph's own cue reports its words.
                let excerpt = trailing_attribution(doc, o.tok + 1, i);
                let carried = match o.family {
                    Family::Double | Family::Tex if !excerpt => carried_close(doc, i),
                    _ => None,
                };
                if carried.is_some() {
                    carried_to = carried;
                    open = Some(o);
                } else if !excerpt {
                    push(doc, &mut out, o.tok, None, i);
                }
            }
        }
        if carried_to.is_some_and(|c| i < c) {
            continue;
        }
        let Some((f, role)) = mark(doc.token_text(i)) else {
            continue;
        };
        match &open {
            Some(o) if can_close(doc, i, o.family, f, role) => {
                push(doc, &mut out, o.tok, Some(i), i);
                open = None;
                carried_to = None;
            }
            Some(o) => {
                // A second opener of the same family: the first was stray; restart here.
                if role == Role::Open && same_family(f, o.family) {
                    open = Some(Open { tok: i, family: f });
                }
            }
            None => {
                if can_open(doc, i, role) {
                    open = Some(Open { tok: i, family: f });
                }
            }
        }
    }
    if let Some(o) = open {
        push(doc, &mut out, o.tok, None, n);
    }
    out
}

fn same_family(a: Family, b: Family) -> bool {
    a == b
        || matches!(
            (a, b),
            (Family::Double, Family::Tex) | (Family::Tex, Family::Double)
        )
}

fn push(doc: &Doc, out: &mut Vec<Marked>, open: usize, close: Option<usize>, end_tok: usize) {
    if end_tok <= open + 1 {
        return;
    }
    let start = doc.tokens[open].end;
    let end = doc.tokens[end_tok - 1].end.min(match close {
        Some(c) => doc.tokens[c].start,
        None => usize::MAX,
    });
    let text = &doc.text[start..end];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    if start + lead >= end - trail {
        return;
    }
    out.push(Marked {
        open_tok: open,
        close_tok: close,
        last_tok: end_tok,
        start: start + lead,
        end: end - trail,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(t: &str) -> Vec<&str> {
        let d = Doc::new(t);
        find_marked(&d).iter().map(|m| &t[m.start..m.end]).collect()
    }

    #[test]
    fn pairs_each_family() {
        assert_eq!(spans("A “b c,” d."), vec!["b c,"]);
        assert_eq!(spans("A \"b c\" d."), vec!["b c"]);
        assert_eq!(spans("A ``b c'' d."), vec!["b c"]);
        assert_eq!(spans("A «b c» d."), vec!["b c"]);
        assert_eq!(spans("A ‘b c’ don’t."), vec!["b c"]);
    }

    #[test]
    fn stray_mark_stops_at_paragraph() {
        assert_eq!(spans("A “b c d.\n\nE said “f g.”"), vec!["b c d.", "f g."]);
    }

    #[test]
    fn quotation_over_sentence_lines_closes_on_a_later_line() {
        // Text that sets each sentence on a line: the quotation closes lines later.
        let t = "\"One two.\n\nThree four.\n\nFive six, \"Kim said.";
        assert_eq!(spans(t), vec!["One two.\n\nThree four.\n\nFive six,"]);
        let t = "“One two.\n\nThree four, ” Kim said.";
        assert_eq!(spans(t), vec!["One two.\n\nThree four,"]);
        // A later paragraph with its own pair of marks, or no sentence end, is not carried over.
        assert_eq!(
            spans("\"One two.\n\nHe said \"three\" then."),
            vec!["One two.", "three"]
        );
        assert_eq!(
            spans("\"One two\n\nThree four, \" Kim said."),
            vec!["One two"]
        );
        // A credit line set inside the marks closes nothing over.
        assert_eq!(
            spans("\"One two three.\nDean Baker, Policy Center.\""),
            vec!["One two three."]
        );
    }

    #[test]
    fn a_quotation_runs_over_three_sentence_lines_and_odd_sentence_ends() {
        let t = "\"One two.\n\nThree.\n\nFour.\n\nFive.\n\nSix, \" Kim said.";
        assert_eq!(
            spans(t),
            vec!["One two.\n\nThree.\n\nFour.\n\nFive.\n\nSix,"]
        );
        // Four unmarked lines are too many.
        let t = "\"One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix, \" Kim said.";
        assert_eq!(spans(t), vec!["One."]);
        // A run of dots and a full stop inside brackets end a line's sentence.
        let t = "\"Not a clerk....\n\nNot one [person.]\n\nShe was ours, \" said Al Roe.";
        assert_eq!(
            spans(t),
            vec!["Not a clerk....\n\nNot one [person.]\n\nShe was ours,"]
        );
    }

    #[test]
    fn a_straight_mark_after_a_comma_opens_a_quotation_over_lines() {
        let t = "His aunt said,\"He was calm...\n\nThey had no reason. \"";
        assert_eq!(spans(t), vec!["He was calm...\n\nThey had no reason."]);
        // With no closing mark to come, the mark opens nothing.
        assert!(spans("Prices rose,\"a lot.\n\nThen fell.").is_empty());
    }

    #[test]
    fn an_excerpt_mark_in_a_paragraph_with_its_own_attribution_opens_nothing() {
        // A quoted article, its first paragraph reporting speech itself, credited at its end.
        let t = "\"A man was held on Monday, police said.\n\nHe fled north, Sgt. Jo Roe said.\n\n\
                 He was caught. \" (Daily article)";
        assert!(spans(t).is_empty(), "{:?}", spans(t));
        // A speaker's words that run on keep their marks.
        let t = "\"We held him.\n\nHe fled north, then south.\n\nWe caught him, \" Roe said.";
        assert_eq!(spans(t).len(), 1);
    }

    #[test]
    fn a_straight_mark_run_into_the_word_before_opens() {
        assert_eq!(spans("He called him a\"predator. \""), vec!["predator."]);
        assert_eq!(spans("saying\"I'm here\" and more"), vec!["I'm here"]);
        // No mark shaped to close after it: no quotation.
        assert!(spans("A 12-inch\"x\"y plate.").is_empty());
    }

    #[test]
    fn straight_marks_glued_on_both_sides_pair_by_their_count() {
        let t = "\"Rates are a worry in the area\"because of its\"heavy debt load\"and \
                 because it\"has hidden its deficit for years, \"Jo Roe said.";
        assert_eq!(
            spans(t),
            vec![
                "Rates are a worry in the area",
                "heavy debt load",
                "has hidden its deficit for years,"
            ]
        );
        assert_eq!(
            spans("He was found\"hiding in a shed, \"Sheriff Al Poe said."),
            vec!["hiding in a shed,"]
        );
        // An odd count leaves the glued mark alone.
        assert!(spans("He was found\"hiding in a shed\"then \"left").len() < 2);
    }

    #[test]
    fn multi_paragraph_quote() {
        let t = "“One two.\n\n“Three four,” he said.";
        assert_eq!(spans(t), vec!["One two.\n\n“Three four,"]);
    }
}
