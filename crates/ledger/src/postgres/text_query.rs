//! Full-text queries: the FTS5 syntax the SQLite backend accepts (and the CLI documents) read
//! and turned into a PostgreSQL tsquery, so that `--text` means the same on both backends:
//! words (all must occur), "a phrase", `prefix*`, OR, AND, NOT, parentheses, and NEAR(a b[, N])
//! (taken as all of its phrases, anywhere). What FTS5 would refuse is refused here.

use crate::{Result, StoreError};

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    Comma,
    /// The words of a bare word or a quoted phrase, and whether it ends in `*`.
    Phrase(Vec<String>, bool),
    And,
    Or,
    Not,
    Near,
}

fn fail(query: &str, message: impl Into<String>) -> StoreError {
    StoreError::TextQuery {
        query: query.to_string(),
        message: message.into(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || !c.is_ascii()
}

/// Lower-cased words of a phrase (runs of letters and digits).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn tokens(query: &str) -> Result<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = query.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '(' => out.push(Token::Open),
            ')' => out.push(Token::Close),
            ',' => out.push(Token::Comma),
            '"' => {
                let mut phrase = String::new();
                loop {
                    match chars.next() {
                        // "" inside a phrase is a quote character.
                        Some((_, '"')) if chars.peek().is_some_and(|(_, c)| *c == '"') => {
                            chars.next();
                            phrase.push('"');
                        }
                        Some((_, '"')) => break,
                        Some((_, c)) => phrase.push(c),
                        None => return Err(fail(query, "unterminated string")),
                    }
                }
                let prefix = chars.next_if(|(_, c)| *c == '*').is_some();
                out.push(Token::Phrase(words(&phrase), prefix));
            }
            c if is_word_char(c) => {
                let mut end = i + c.len_utf8();
                while let Some((j, c)) = chars.next_if(|(_, c)| is_word_char(*c)) {
                    end = j + c.len_utf8();
                }
                let word = &query[i..end];
                if chars.peek().is_some_and(|(_, c)| *c == ':') {
                    return Err(fail(query, format!("no such column: {word}")));
                }
                let prefix = chars.next_if(|(_, c)| *c == '*').is_some();
                out.push(match word {
                    "AND" if !prefix => Token::And,
                    "OR" if !prefix => Token::Or,
                    "NOT" if !prefix => Token::Not,
                    "NEAR" if !prefix && chars.peek().is_some_and(|(_, c)| *c == '(') => {
                        Token::Near
                    }
                    _ => Token::Phrase(words(word), prefix),
                });
            }
            other => return Err(fail(query, format!("syntax error near \"{other}\""))),
        }
    }
    Ok(out)
}

struct Parser<'q> {
    query: &'q str,
    tokens: Vec<Token>,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn fail(&self, message: &str) -> StoreError {
        fail(self.query, message)
    }

    fn or(&mut self) -> Result<String> {
        let mut out = self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.next();
            out = format!("({out} | {})", self.and()?);
        }
        Ok(out)
    }

    fn and(&mut self) -> Result<String> {
        let mut out = self.not()?;
        loop {
            match self.peek() {
                Some(Token::And) => {
                    self.next();
                }
                Some(Token::Phrase(..) | Token::Open | Token::Near) => {}
                _ => return Ok(out),
            }
            out = format!("({out} & {})", self.not()?);
        }
    }

    fn not(&mut self) -> Result<String> {
        let mut out = self.primary()?;
        while self.peek() == Some(&Token::Not) {
            self.next();
            out = format!("({out} & !{})", self.primary()?);
        }
        Ok(out)
    }

    fn primary(&mut self) -> Result<String> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.or()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err(self.fail("syntax error: unbalanced parenthesis")),
                }
            }
            Some(Token::Phrase(words, prefix)) => self.phrase(&words, prefix),
            Some(Token::Near) => {
                if self.next() != Some(Token::Open) {
                    return Err(self.fail("syntax error near \"NEAR\""));
                }
                let mut parts = Vec::new();
                loop {
                    match self.next() {
                        Some(Token::Phrase(words, prefix)) => {
                            parts.push(self.phrase(&words, prefix)?)
                        }
                        Some(Token::Comma) => {
                            // The distance: a number, then the closing parenthesis.
                            match (self.next(), self.next()) {
                                (Some(Token::Phrase(n, false)), Some(Token::Close))
                                    if n.len() == 1 && n[0].bytes().all(|b| b.is_ascii_digit()) => {
                                }
                                _ => return Err(self.fail("syntax error in NEAR distance")),
                            }
                            break;
                        }
                        Some(Token::Close) => break,
                        _ => return Err(self.fail("syntax error in NEAR group")),
                    }
                }
                if parts.is_empty() {
                    return Err(self.fail("syntax error: empty NEAR group"));
                }
                Ok(format!("({})", parts.join(" & ")))
            }
            Some(t) => Err(self.fail(&format!("syntax error near {t:?}"))),
            None => Err(self.fail("syntax error: the query ends where a phrase was expected")),
        }
    }

    fn phrase(&self, words: &[String], prefix: bool) -> Result<String> {
        if words.is_empty() {
            return Err(self.fail("a phrase without words"));
        }
        let last = words.len() - 1;
        let parts: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if prefix && i == last {
                    format!("'{w}':*")
                } else {
                    format!("'{w}'")
                }
            })
            .collect();
        Ok(format!("({})", parts.join(" <-> ")))
    }
}

/// The tsquery text (for `to_tsquery('simple', …)`) of an FTS5 query.
pub fn to_tsquery(query: &str) -> Result<String> {
    let mut p = Parser {
        query,
        tokens: tokens(query)?,
        at: 0,
    };
    let out = p.or()?;
    if p.at < p.tokens.len() {
        return Err(p.fail("syntax error: unexpected text after the query"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts5_queries_become_tsqueries() {
        assert_eq!(to_tsquery("troops").unwrap(), "('troops')");
        assert_eq!(
            to_tsquery("North korea*").unwrap(),
            "(('north') & ('korea':*))"
        );
        assert_eq!(
            to_tsquery("\"Kim Jong Un\" OR Putin").unwrap(),
            "(('kim' <-> 'jong' <-> 'un') | ('putin'))"
        );
        assert_eq!(
            to_tsquery("a NOT (b AND c)").unwrap(),
            "(('a') & !(('b') & ('c')))"
        );
        assert_eq!(
            to_tsquery("NEAR(kim putin, 5)").unwrap(),
            "(('kim') & ('putin'))"
        );
    }

    #[test]
    fn what_fts5_refuses_is_refused() {
        for q in [
            "\"unclosed",
            "a AND",
            "NEAR(a b",
            "x:y",
            "(a",
            "a)",
            "",
            "OR b",
            "U.S.",
        ] {
            assert!(to_tsquery(q).is_err(), "{q}");
        }
    }
}
