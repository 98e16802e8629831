//! Wire-agency credits, syndication notices, datelines and explicit date lines.

use std::sync::LazyLock;

use regex::Regex;

/// Wire agencies: canonical name and how pages write it.
const AGENCIES: &[(&str, &str, bool)] = &[
    // (name, pattern, case-insensitive)
    ("AFP", "AFP|Agence France-Presse", true),
    ("Reuters", "Reuters", true),
    ("AP", "AP|Associated Press", false),
    ("Yonhap", "Yonhap(?: News(?: Agency)?)?", true),
    ("ANI", "ANI", false),
    ("PTI", "PTI", false),
    ("IANS", "IANS", true),
    ("Xinhua", "Xinhua", true),
    ("dpa", "dpa|DPA", true),
    ("Kyodo", "Kyodo(?: News)?", true),
    ("EFE", "EFE", false),
    ("Bloomberg", "Bloomberg", true),
    ("UNI", "UNI", false),
    ("TASS", "TASS", true),
    ("Anadolu", "Anadolu(?: Agency)?", true),
    ("Bernama", "Bernama", true),
    ("AAP", "AAP", false),
];

/// A whole line that is only a credit: "Source: AFP/fs", "Yonhap News", "(Reuters)".
static CREDIT_LINE: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    AGENCIES
        .iter()
        .map(|(n, p, ci)| {
            let flag = if *ci { "(?i)" } else { "" };
            let re = format!(
                r"{flag}^(?:\(?(?:source|sources|credit|with|via|inputs? from|agencies|agency)\s*:?\s*)?(?:{p})(?:\s*/\s*[\w ]{{1,12}})?\s*\)?\.?$"
            );
            (*n, Regex::new(&re).unwrap())
        })
        .collect()
});

/// "SEOUL (Yonhap) --" at the start of the body.
static CREDIT_INLINE: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    AGENCIES
        .iter()
        .map(|(n, p, _)| {
            let re = format!(r"^[A-Z][A-Za-z0-9 .,'-]{{1,40}}\((?:{p})\)\s*[-–—:]");
            (*n, Regex::new(&re).unwrap())
        })
        .collect()
});

static SYNDICATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)syndicated (feed|content)|auto-generated from|(published|reproduced|distributed) (via|under|through) (a )?(syndication|wire)").unwrap()
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3})(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?\s*(?:\([^)]{1,30}\))?\s*[:—–-]\s").unwrap()
});

static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:date|dated|published(?: on)?|posted(?: on)?|updated(?: on)?)\s*:?\s*((?:19|20)\d\d-\d\d-\d\d)\b\s*").unwrap()
});

/// Agencies credited by a line that holds nothing but the credit (short lines only).
pub fn credit_line(line: &str) -> Vec<&'static str> {
    if line.len() >= 60 {
        return Vec::new();
    }
    CREDIT_LINE
        .iter()
        .filter(|(_, re)| re.is_match(line))
        .map(|(n, _)| *n)
        .collect()
}

pub fn credit_inline(line: &str) -> Vec<&'static str> {
    CREDIT_INLINE
        .iter()
        .filter(|(_, re)| re.is_match(line))
        .map(|(n, _)| *n)
        .collect()
}

pub fn is_syndication_notice(line: &str) -> bool {
    line.len() < 400 && SYNDICATED.is_match(line)
}

/// The place name opening a wire story ("WASHINGTON: ..." → "WASHINGTON").
pub fn dateline(line: &str) -> Option<String> {
    let c = DATELINE.captures(line)?;
    let d = c[1].trim_end_matches('.');
    (d.len() >= 3).then(|| d.to_string())
}

/// An explicit "date 2024-10-24" prefix: the date and the byte length of the prefix.
pub fn date_prefix(line: &str) -> Option<(String, usize)> {
    let c = DATE_PREFIX.captures(line)?;
    let date = crate::normalize_date(&c[1])?;
    Some((date, c.get(0)?.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        assert_eq!(credit_line("Source: AFP/fs"), vec!["AFP"]);
        assert_eq!(credit_line("Yonhap News"), vec!["Yonhap"]);
        assert!(credit_line("Apple announced a new phone").is_empty());
        assert_eq!(
            credit_inline("SEOUL, Oct. 3 (Yonhap) -- North Korea"),
            vec!["Yonhap"]
        );
    }

    #[test]
    fn datelines_and_prefixes() {
        assert_eq!(
            dateline("WASHINGTON: The White House said").as_deref(),
            Some("WASHINGTON")
        );
        assert_eq!(
            dateline("NEW DELHI, India - Officials"),
            Some("NEW DELHI".into())
        );
        assert_eq!(dateline("The White House said"), None);
        assert_eq!(
            date_prefix(" date 2024-10-24 The White"),
            Some(("2024-10-24".into(), 17))
        );
        assert!(is_syndication_notice(
            "(the rest is auto-generated from a syndicated feed.)"
        ));
    }
}
