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

/// The agency names alone, as written. Every one of [`CREDIT`]'s four forms holds a name
/// matched case-sensitively, so a line without one is no credit: a literal search (a vector
/// scan) tells most lines apart before the credit automaton reads them.
static NAMED: LazyLock<Regex> = LazyLock::new(|| Regex::new(AGENCIES).expect("static regex"));

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
    credits::<true>(text)
}

/// [`agencies`], with `NAMED` asked first when `PREFILTER` (without it, for the tests' sake,
/// every line goes to the credit automaton).
fn credits<const PREFILTER: bool>(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if PREFILTER && !NAMED.is_match(line) {
            continue;
        }
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

    /// Lines of agency names (as written and in other cases), credit phrases, dashes,
    /// parentheses and words: the prefiltered credits are those of every line read whole.
    #[test]
    fn named_lines_prefilter_nothing_a_credit_needs() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let mut parts: Vec<String> = AGENCIES.split('|').map(str::to_string).collect();
        parts.extend(AGENCIES.split('|').map(str::to_lowercase));
        parts.extend(AGENCIES.split('|').map(str::to_uppercase));
        // Whole credits too, so that a good share of the texts credits someone.
        for a in AGENCIES.split('|') {
            parts.push(format!("({a})"));
            parts.push(format!("\n— {a}\n"));
            parts.push(format!(" via {a} "));
            parts.push(format!(" {a} contributed to this report"));
        }
        for p in [
            "(",
            ")",
            "—",
            "–",
            "-",
            " ",
            " ",
            "\n",
            "\n\n",
            "inputs from",
            "Input from",
            "reporting by",
            "Additional reporting:",
            "via",
            "source:",
            "contributed to this report",
            "reported",
            "said",
            "Paris",
            "The",
            "APPLE",
            "Apple",
            "é",
            "x",
            ".",
            ",",
        ] {
            parts.push(p.to_string());
        }
        let mut runner = TestRunner::new(Config {
            cases: 3000,
            ..Config::default()
        });
        let credited = std::cell::Cell::new(0);
        runner
            .run(&prop::collection::vec(0..parts.len(), 0..24), |picks| {
                let text: String = picks.iter().map(|&i| parts[i].as_str()).collect();
                let fast = credits::<true>(&text);
                credited.set(credited.get() + usize::from(!fast.is_empty()));
                prop_assert_eq!(fast, credits::<false>(&text), "{:?}", text);
                Ok(())
            })
            .unwrap();
        assert!(credited.get() > 1000, "{}", credited.get());
    }

    #[test]
    fn syndication_notice() {
        assert!(syndicated(
            "This story has not been edited and is published from a syndicated feed."
        ));
        assert!(!syndicated("The market rose."));
    }
}
