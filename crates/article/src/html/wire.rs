//! Wire-agency credits ("(AFP)", "— Reuters", "With inputs from PTI") and syndication notices in
//! article text.

use regex::Regex;
use std::sync::LazyLock;

const AGENCIES: &str = "AFP|AP|Associated Press|Reuters|ANI|Yonhap|PTI|IANS|dpa|DPA|EFE|Xinhua|UPI|Kyodo|ANSA|Bernama|Anadolu|TASS|Bloomberg|UNI";

/// Agency names in the credit positions a wire story uses: a dateline parenthesis, an
/// "inputs from"/"contributed" line, or a trailing "— Agency".
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\(({AGENCIES})\)|(?i:inputs? from|reporting by|additional reporting:?|via|source:)\s+(?-i:({AGENCIES}))(?-u:\b)|^[—–-]\s*({AGENCIES})\s*$|(?-u:\b)({AGENCIES})\s+(?:contributed to this report|reported)"
    ))
    .expect("static regex")
});

static SYNDICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)syndicated feed|originally (?:published|appeared) (?:in|on|by)|republished (?:from|with permission)|this (?:story|article) (?:first )?appeared (?:in|on)|auto-generated from a syndicated")
        .expect("static regex")
});

fn canonical(a: &str) -> &str {
    match a {
        "Associated Press" => "AP",
        "DPA" => "dpa",
        other => other,
    }
}

/// Whether `name` is a wire agency's ("Reuters", "AP", "The Associated Press",
/// "Agence France-Presse"), as a byline names it.
pub fn is_agency(name: &str) -> bool {
    let n = name.trim();
    let n = n
        .strip_prefix("The ")
        .or_else(|| n.strip_prefix("the "))
        .unwrap_or(n);
    n.eq_ignore_ascii_case("Agence France-Presse")
        || n.eq_ignore_ascii_case("Agence France Presse")
        || AGENCIES
            .split('|')
            .any(|a| a == n || (a.len() > 3 && a.eq_ignore_ascii_case(n)))
}

/// Agencies credited in `text`, in order of first credit, each once.
pub fn agencies(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        // The match test runs on the fast automaton; captures (slow) only on the rare hit.
        if !CREDIT.is_match(line) {
            continue;
        }
        for c in CREDIT.captures_iter(line) {
            let name = (1..=4)
                .find_map(|i| c.get(i))
                .map(|m| canonical(m.as_str()));
            if let Some(n) = name {
                if !out.iter().any(|o| o == n) {
                    out.push(n.to_string());
                }
            }
        }
    }
    out
}

pub fn syndicated(text: &str) -> bool {
    SYNDICATION.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_names_as_bylines_print_them() {
        for a in [
            "Reuters",
            "AP",
            "The Associated Press",
            "AFP",
            "REUTERS",
            "Agence France-Presse",
        ] {
            assert!(is_agency(a), "{a}");
        }
        for a in ["Ap", "Jo Roe", "Reuters Staff", "Uni"] {
            assert!(!is_agency(a), "{a}");
        }
    }

    #[test]
    fn credits_are_found() {
        let t = "PARIS (AFP) - Talks resumed.\n\nMore text.\n\n(With inputs from PTI)\n\n— Reuters";
        assert_eq!(agencies(t), vec!["AFP", "PTI", "Reuters"]);
    }

    #[test]
    fn a_mere_mention_is_not_a_credit() {
        assert!(agencies("She used to work at Reuters and AFP before.").is_empty());
    }

    #[test]
    fn syndication_notice() {
        assert!(syndicated(
            "This story has not been edited and is published from a syndicated feed."
        ));
        assert!(!syndicated("The market rose."));
    }
}
