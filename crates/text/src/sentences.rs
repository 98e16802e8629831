//! Sentence boundaries over tokens. A sentence ends at `.`, `!`, `?` or `…` (closing quotes and
//! brackets stay with it) when the next token opens a sentence (capital, digit, opening quote),
//! with or without a space between ("respond.I expect"); and at every line break.

use crate::tokens::{Token, TokenKind};
use crate::Sentence;

pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let tok = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        let mut boundary = false;
        let t = tok(i);
        if tokens[i].kind == TokenKind::Punct
            && matches!(t.chars().next(), Some('.' | '!' | '?' | '…'))
        {
            while end < tokens.len() && is_closer(tok(end)) && !gap_has_newline(text, tokens, end) {
                // A closing quote after the stop, unless it opens the next sentence.
                if end + 1 < tokens.len()
                    && !gap(text, tokens, end).is_empty()
                    && gap(text, tokens, end + 1).is_empty()
                    && is_ambiguous_quote(tok(end))
                {
                    break;
                }
                end += 1;
            }
            boundary = end >= tokens.len() || opens_sentence(tok(end));
        }
        if !boundary && end < tokens.len() && gap_has_newline(text, tokens, end) {
            boundary = true;
        }
        if boundary || end >= tokens.len() {
            out.push(Sentence {
                start: tokens[first].start,
                end: tokens[end - 1].end,
                first_token: first,
                end_token: end,
            });
            first = end;
        }
        i = end;
    }
    out
}

fn gap<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    let from = if i == 0 { 0 } else { tokens[i - 1].end };
    &text[from..tokens[i].start]
}

fn gap_has_newline(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && gap(text, tokens, i).contains('\n')
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | "”" | "’" | ")" | "]" | "''" | "»")
}

/// A mark that may open as well as close: straight quotes, and the doubled apostrophe that
/// stands for both in `''…''` text ("now. ''We must …").
fn is_ambiguous_quote(t: &str) -> bool {
    matches!(t, "\"" | "'" | "''")
}

fn opens_sentence(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(«[".contains(c))
}

#[cfg(test)]
mod tests {
    use crate::Doc;

    fn sents(t: &str) -> Vec<&str> {
        let d = Doc::new(t);
        d.sentences.iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_on_stops_and_paragraphs() {
        assert_eq!(
            sents("He left. She stayed.\n\nNew para"),
            vec!["He left.", "She stayed.", "New para"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("“We will go.” Then he left."),
            vec!["“We will go.”", "Then he left."]
        );
        assert_eq!(
            sents("\"We will go.\" Then he left."),
            vec!["\"We will go.\"", "Then he left."]
        );
    }

    #[test]
    fn a_doubled_apostrophe_after_a_stop_opens_the_next_sentence() {
        assert_eq!(
            sents("It is over now. ''We must go,'' he said."),
            vec!["It is over now.", "''We must go,'' he said."]
        );
        assert_eq!(
            sents("''We will go.'' Then he left."),
            vec!["''We will go.''", "Then he left."]
        );
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        assert_eq!(
            sents("Gen. Smith met U.S. officials. It rose 3.5 percent."),
            vec!["Gen. Smith met U.S. officials.", "It rose 3.5 percent."]
        );
    }

    #[test]
    fn missing_space_after_the_stop_still_splits() {
        assert_eq!(
            sents("how we might respond.I expect more"),
            vec!["how we might respond.", "I expect more"]
        );
    }

    #[test]
    fn lower_case_after_a_stop_continues() {
        assert_eq!(
            sents("It cost $3. per unit."),
            vec!["It cost $3. per unit."]
        );
    }
}
