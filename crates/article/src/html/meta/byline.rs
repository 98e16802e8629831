//! A byline as written ("By Jane Doe and John Roe", "Par Martin Roe (avec …)") split into the
//! names it credits. Read by the author choice and by JSON-LD's author strings alike.

use super::entities::clean;
use crate::dates::first_text_date;

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; dates and role words are cut off.
pub fn split_byline(byline: &str) -> Vec<String> {
    let mut b = clean(byline);
    // ASCII lower-casing keeps every byte where it was, so offsets found in `lower` cut `b`.
    let lower = b.to_ascii_lowercase();
    let by = [lower.find("by "), lower.find("by:")]
        .into_iter()
        .flatten()
        .min();
    if let Some(i) = by {
        // Only a "By" that starts the byline or a word ("Written by ...", "Article by: ...").
        let at_word = i == 0 || b[..i].ends_with(' ');
        if at_word {
            b = b[i + 3..].trim_start_matches([':', ' ']).to_string();
        }
    } else if let Some(rest) = ["authors:", "author:"]
        .iter()
        .find(|l| lower.starts_with(**l))
        .and_then(|l| b.get(l.len()..))
    {
        // "Authors: Julie Roe", "Author:Ann Lee".
        b = rest.trim_start().to_string();
    }
    // The same label in the other languages of the news pages we read ("Par Sébastien Roe").
    for label in ["Par ", "Por ", "Von ", "Door "] {
        if let Some(rest) = b.strip_prefix(label) {
            b = rest.to_string();
            break;
        }
    }
    if let Some((pos, _)) = first_text_date(&b) {
        b.truncate(pos);
        // The word that led into the date ("FlowGuard EMEA on Dec 3, 2025").
        let kept = b.trim_end();
        for lead in [" on", " at", " On", " At"] {
            if let Some(rest) = kept.strip_suffix(lead) {
                b = rest.to_string();
                break;
            }
        }
    }
    // A parenthesis in a byline is an aside (a role, an agency, "avec ..." credits), not a name.
    let b = without_parentheses(&b);
    let b = b
        .trim()
        .trim_start_matches(['¶', ' '])
        .trim_end_matches(['|', '-', '–', '·', ',', '¶', ' '])
        .trim();
    b.split([',', '|', '\n', ';', '¶'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|p| p.trim().trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| {
            let n = p.split_whitespace().count();
            !p.is_empty() && p.len() < 80 && n <= 6 && !p.eq_ignore_ascii_case("by")
        })
        .map(str::to_string)
        .collect()
}

/// `text` without its parenthesised parts, spaces collapsed; an unclosed "(" is kept as text.
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_splitting() {
        assert_eq!(
            split_byline("By Jane Doe and John Roe"),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(
            split_byline("Written by Ann Lee March 3, 2024"),
            vec!["Ann Lee"]
        );
        assert_eq!(
            split_byline("Par Martin Roe (avec Damien Poe et Morgane Lee)"),
            vec!["Martin Roe"]
        );
        assert_eq!(
            split_byline("Bruno (Henrique) Rodrigues"),
            vec!["Bruno Rodrigues"]
        );
        assert_eq!(split_byline("Ann Lee (unclosed"), vec!["Ann Lee (unclosed"]);
    }

    #[test]
    fn a_label_with_a_colon_is_not_part_of_the_name() {
        assert_eq!(split_byline("Written by: Shiv Kumar"), vec!["Shiv Kumar"]);
        assert_eq!(split_byline("Article by: Cara Roe"), vec!["Cara Roe"]);
        assert_eq!(split_byline("Authors:Anil Roy"), vec!["Anil Roy"]);
        assert_eq!(split_byline("Authors: Julie Roe"), vec!["Julie Roe"]);
        assert_eq!(
            split_byline("By: Flow Guard on June 3, 2024"),
            vec!["Flow Guard"]
        );
        // A name that only begins like the label keeps its letters.
        assert_eq!(split_byline("Byron Poe"), vec!["Byron Poe"]);
        // Letters whose lower case is longer than they are do not shift the cut.
        assert_eq!(split_byline("İlker Poe by Ann Lee"), vec!["Ann Lee"]);
    }
}
