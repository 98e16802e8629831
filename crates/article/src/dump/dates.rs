//! Visible dates in page text: ISO (`2024-10-24`), `Nov 21, 2024` and `21 November 2024`.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

const MON: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b").unwrap());
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MON})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
    ))
    .unwrap()
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MON})\.?,?\s+((?:19|20)\d\d)\b"
    ))
    .unwrap()
});

/// Numeric dates: `10/28/2024` (month first, as English pages write it, unless the first number
/// cannot be a month) and `28.10.2024` (day first).
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b").unwrap());
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b").unwrap());

fn month(name: &str) -> Option<u32> {
    let m = name.get(..3)?.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|x| *x == m)?;
    Some(i as u32 + 1)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<String> {
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// `line` with a space where a dump glued two elements together: a lowercase letter or a digit
/// followed by a capital ("By Jo SmithMar 5, 2025", "June 29, 2020November 12, 2021").
fn unglue(line: &str) -> Cow<'_, str> {
    let glued = |a: char, b: char| (a.is_lowercase() || a.is_ascii_digit()) && b.is_uppercase();
    let mut prev = ' ';
    if !line.chars().any(|c| {
        let g = glued(prev, c);
        prev = c;
        g
    }) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut prev = ' ';
    for c in line.chars() {
        if glued(prev, c) {
            out.push(' ');
        }
        out.push(c);
        prev = c;
    }
    Cow::Owned(out)
}

/// The earliest valid calendar date written in `line`, as `YYYY-MM-DD`.
pub fn find_date(line: &str) -> Option<String> {
    let line = unglue(line);
    let line = line.as_ref();
    let mut best: Option<(usize, String)> = None;
    let mut consider = |start: usize, v: Option<String>| {
        if let Some(v) = v {
            if best.as_ref().is_none_or(|(s, _)| start < *s) {
                best = Some((start, v));
            }
        }
    };
    if let Some(c) = ISO.captures(line) {
        let m: Option<u32> = c[2].parse().ok();
        consider(
            c.get(0).map_or(0, |g| g.start()),
            m.and_then(|m| ymd(&c[1], m, &c[3])),
        );
    }
    if let Some(c) = MDY.captures(line) {
        consider(
            c.get(0).map_or(0, |g| g.start()),
            month(&c[1]).and_then(|m| ymd(&c[3], m, &c[2])),
        );
    }
    if let Some(c) = SLASHED.captures(line) {
        let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        consider(
            c.get(0).map_or(0, |g| g.start()),
            ymd(&c[3], m, &d.to_string()),
        );
    }
    if let Some(c) = DOTTED.captures(line) {
        consider(
            c.get(0).map_or(0, |g| g.start()),
            c[2].parse().ok().and_then(|m| ymd(&c[3], m, &c[1])),
        );
    }
    if let Some(c) = DMY.captures(line) {
        consider(
            c.get(0).map_or(0, |g| g.start()),
            month(&c[2]).and_then(|m| ymd(&c[3], m, &c[1])),
        );
    }
    best.map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(
            find_date("date 2024-10-24 The").as_deref(),
            Some("2024-10-24")
        );
        assert_eq!(
            find_date("in Dnipro on Nov 21, 2024.").as_deref(),
            Some("2024-11-21")
        );
        assert_eq!(
            find_date("Posted 3rd of March 2023").as_deref(),
            Some("2023-03-03")
        );
        assert_eq!(
            find_date("September 4, 2025").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(find_date("2024-02-31"), None);
        assert_eq!(find_date("09/25/2025").as_deref(), Some("2025-09-25"));
        assert_eq!(find_date("25/09/2025").as_deref(), Some("2025-09-25"));
        assert_eq!(find_date("12.11.2025").as_deref(), Some("2025-11-12"));
        assert_eq!(find_date("13/13/2025"), None);
        // Elements a dump glued together.
        assert_eq!(
            find_date("ByKathryn GiuffridaMar 5, 2025 | 6 comments").as_deref(),
            Some("2025-03-05")
        );
        assert_eq!(
            find_date("Posted on June 29, 2020November 12, 2021").as_deref(),
            Some("2020-06-29")
        );
        assert_eq!(find_date("no date here"), None);
    }
}
