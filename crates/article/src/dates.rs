//! Dates written for people ("March 5, 2024", "5 Mar 2024", "2024-03-05", "05/03/2024") and dates
//! in URLs ("/2024/03/05/"), normalised to `YYYY-MM-DD`. The one date reader of the crate: HTML
//! pages and text dumps both read their dates here.

use claimtrail_lexicon as lexicon;
use regex::{Captures, Regex};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The three-letter stems of the lexicon's month forms as a regex alternation ("apr|aug|…"):
/// a month is written as its stem and any tail ("Sept.", "September", "Janvier" read as January).
/// With `foreign`, other languages' dateline abbreviations too ("ago", "dic").
fn month_stems(foreign: bool) -> String {
    let mut stems: Vec<&str> = lexicon::dateline_month_forms(foreign)
        .into_iter()
        .filter_map(|f| f.get(..3))
        .collect();
    stems.dedup();
    stems.join("|")
}

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)({})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)",
        month_stems(false)
    ))
    .expect("static regex")
});
/// Also hyphenated ("4-Aug-2021") and with the Spanish abbreviations that differ from English
/// ("04-ago-2021", "3 dic 2020").
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\.?(?:\s+|-)(?:of\s+)?({})[a-z]*\.?,?(?:\s+|-)(\d{{4}})(?-u:\b)",
        month_stems(true)
    ))
    .expect("static regex")
});
/// Also when a time follows without a space ("2022-11-23T08:10").
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?-u:\b)|T\d)")
        .expect("static regex")
});
/// Year first with a month name, as citations write it ("2023 Jan 7").
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(\d{{4}})\s+({})[a-z]*\.?\s+(\d{{1,2}})(?-u:\b)",
        month_stems(false)
    ))
    .expect("static regex")
});
/// Slashes: US order (month/day/year), the common form on English pages, unless the first
/// number cannot be a month. Dots: day.month.year, the European form.
static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(\d{1,2})([/.])(\d{1,2})[/.](\d{4})(?-u:\b)").expect("static regex")
});
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:/|%2F)((?:19|20)\d{2})(?:[/-]|%2F)(\d{1,2})(?:[/-]|%2F)(\d{1,2})(?:/|-|%2F|%2B|$)",
    )
    .expect("static regex")
});

fn ymd(y: &str, m: u32, d: &str) -> Option<String> {
    let y: i32 = y.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

fn month_num(name: &str) -> Option<u32> {
    lexicon::dateline_month(&name.get(..3)?.to_ascii_lowercase())
}

/// Matches of `re` with their offsets and captures. The search runs on the fast automaton;
/// captures (a slower engine) run only on the matched span.
fn spans<'t>(re: &'t Regex, text: &'t str) -> impl Iterator<Item = (usize, Captures<'t>)> + 't {
    re.find_iter(text)
        .filter_map(|m| re.captures(m.as_str()).map(|c| (m.start(), c)))
}

/// The first date written in `text`, with its byte offset.
pub fn first_text_date(text: &str) -> Option<(usize, String)> {
    let mut best: Option<(usize, String)> = None;
    let mut consider = |pos: usize, d: Option<String>| {
        if let Some(d) = d {
            if best.as_ref().is_none_or(|(p, _)| pos < *p) {
                best = Some((pos, d));
            }
        }
    };
    for (pos, c) in spans(&MONTH_FIRST, text) {
        let d = month_num(&c[1]).and_then(|m| ymd(&c[3], m, &c[2]));
        let found = d.is_some();
        consider(pos, d);
        if found {
            break;
        }
    }
    for (pos, c) in spans(&DAY_FIRST, text) {
        let d = month_num(&c[2]).and_then(|m| ymd(&c[3], m, &c[1]));
        let found = d.is_some();
        consider(pos, d);
        if found {
            break;
        }
    }
    for (pos, c) in spans(&ISO, text) {
        let d = c[2].parse().ok().and_then(|m| ymd(&c[1], m, &c[3]));
        let found = d.is_some();
        consider(pos, d);
        if found {
            break;
        }
    }
    for (pos, c) in spans(&YEAR_FIRST, text) {
        let d = month_num(&c[2]).and_then(|m| ymd(&c[1], m, &c[3]));
        let found = d.is_some();
        consider(pos, d);
        if found {
            break;
        }
    }
    for (pos, c) in spans(&SLASHED, text) {
        let (a, b): (u32, u32) = match (c[1].parse(), c[3].parse()) {
            (Ok(a), Ok(b)) => (a, b),
            _ => continue,
        };
        let day_first = &c[2] == "." || a > 12;
        let (m, d) = if day_first { (b, a) } else { (a, b) };
        let d = ymd(&c[4], m, &d.to_string());
        let found = d.is_some();
        consider(pos, d);
        if found {
            break;
        }
    }
    best
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

/// The earliest date written in a dump line, elements the dump glued together split first.
pub fn find_date(line: &str) -> Option<String> {
    first_text_date(&unglue(line)).map(|(_, d)| d)
}

/// [`find_date`] with the words written before the date (in the line with glued words parted).
pub fn find_date_after_words(line: &str) -> Option<(usize, String)> {
    let parted = unglue(line);
    let (pos, d) = first_text_date(&parted)?;
    let words = parted.get(..pos)?.split_whitespace().count();
    Some((words, d))
}

/// `YYYY-MM-DD` from any date form a page or feed uses, machine or human.
pub fn parse_any_date(s: &str) -> Option<String> {
    crate::normalize_date(s).or_else(|| first_text_date(s).map(|(_, d)| d))
}

static SCRIPT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(?:["']|&quot;)(?:datePublished|publishDate|publish_date|date_published|publishedAt|published_at|pubDate|publicationDate|firstPublished|date)(?:["']|&quot;)\s*:\s*(?:["']|&quot;)(\d{4}-\d\d-\d\d)"#)
        .expect("static regex")
});
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:published|posted|updated|date)(?:\s+on)?\s*:?\s+")
        .expect("static regex")
});

static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:originally|first)\s+(?:published|posted)\s+(?:on\s+)?(?:the\s+)?")
        .expect("static regex")
});

/// A date the text states as the original publication ("This article was originally published
/// on 26 Sep 2019 but has been updated"): it names the original date outright, so it outranks
/// dates shown in the header.
pub fn originally_published(text: &str) -> Option<String> {
    ORIGINALLY.find_iter(text).take(5).find_map(|m| {
        let window: String = text.get(m.end()..)?.chars().take(40).collect();
        match first_text_date(&window) {
            Some((0, d)) => Some(d),
            _ => None,
        }
    })
}

/// A publication date in page data outside JSON-LD (framework state such as
/// `"publishDate":"2025-05-27"`).
pub fn script_date(html: &str) -> Option<String> {
    SCRIPT_DATE
        .captures(html)
        .and_then(|c| crate::normalize_date(&c[1]))
}

/// A date labelled "Published"/"Posted on" anywhere in visible text; an "Updated" label is
/// accepted too when the page shows nothing better (it bounds the publication date).
pub fn labelled_date(text: &str) -> Option<String> {
    for m in LABELLED.find_iter(text).take(20) {
        let tail = text.get(m.end()..).unwrap_or("");
        let window: String = tail.chars().take(40).collect();
        if let Some((0..=4, d)) = first_text_date(&window) {
            return Some(d);
        }
    }
    None
}

static URL_NAMED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)/((?:19|20)\d{{2}})/({})[a-z]*/(\d{{1,2}})(?:/|-|$)",
        month_stems(false)
    ))
    .expect("static regex")
});

static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:published|posted)(?:\s+on)?\s*:?\s+").expect("static regex")
});

/// A date labelled "Published"/"Posted (on)" in visible text.
pub fn published_label_date(text: &str) -> Option<String> {
    PUBLISHED_LABEL.find_iter(text).take(20).find_map(|m| {
        let window: String = text.get(m.end()..)?.chars().take(40).collect();
        match first_text_date(&window) {
            Some((0..=4, d)) => Some(d),
            _ => None,
        }
    })
}

/// A date in a URL path such as `/2024/03/05/slug` or `/2023/october/03/slug`.
pub fn url_date(url: &str) -> Option<String> {
    if let Some(c) = URL_DATE.captures(url) {
        return ymd(&c[1], c[2].parse().ok()?, &c[3]);
    }
    let c = URL_NAMED_DATE.captures(url)?;
    ymd(&c[1], month_num(&c[2])?, &c[3])
}

/// The latest year from 1900 to `until` that `text` names as a number of its own ("in 2020",
/// "2019's"), not inside a longer run of digits or letters ("20201", "A2020").
pub fn latest_year_named(text: &str, until: i32) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut latest = None;
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let after_ok = bytes
            .get(i + run)
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if run == 4 && before_ok && after_ok {
            let year = text[i..i + 4].parse::<i32>().unwrap_or(0);
            if (1900..=until).contains(&year) && latest.is_none_or(|l| year > l) {
                latest = Some(year);
            }
        }
        i += run;
    }
    latest
}

/// Whether two `YYYY-MM-DD` dates are exactly one day apart.
pub fn one_day_apart(a: &str, b: &str) -> bool {
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    matches!((day(a), day(b)), (Some(a), Some(b)) if (a - b).num_days().abs() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_dates_parse() {
        assert_eq!(
            first_text_date("Posted on March 5th, 2024 by Ann").map(|d| d.1),
            Some("2024-03-05".into())
        );
        assert_eq!(
            first_text_date("Updated 12 Sept 2023").map(|d| d.1),
            Some("2023-09-12".into())
        );
        assert_eq!(
            first_text_date("on 11/20/2025.").map(|d| d.1),
            Some("2025-11-20".into())
        );
        assert_eq!(first_text_date("May I help? 2024 was good"), None);
        assert_eq!(
            first_text_date("By: Team on 04-ago-2021 5:11:10").map(|d| d.1),
            Some("2021-08-04".into())
        );
        assert_eq!(
            first_text_date("Filed 4-Aug-2021").map(|d| d.1),
            Some("2021-08-04".into())
        );
        assert_eq!(
            first_text_date("Posted 17.05.2021").map(|d| d.1),
            Some("2021-05-17".into())
        );
        assert_eq!(
            first_text_date("on 25/12/2020").map(|d| d.1),
            Some("2020-12-25".into())
        );
        assert_eq!(
            first_text_date("Cureus. 2023 Jan 7;15(1)").map(|d| d.1),
            Some("2023-01-07".into())
        );
        assert_eq!(
            first_text_date("Nick Roe 2022-11-23T08:10+02:00").map(|d| d.1),
            Some("2022-11-23".into())
        );
    }

    #[test]
    fn earliest_form_wins() {
        let t = "Published 2024-01-02. Updated March 9, 2024";
        assert_eq!(first_text_date(t).map(|d| d.1), Some("2024-01-02".into()));
    }

    #[test]
    fn labelled_and_script_dates() {
        assert_eq!(
            labelled_date("Intro text. Posted on Nov 21, 2018 Updated a").as_deref(),
            Some("2018-11-21")
        );
        assert_eq!(labelled_date("Published by Acme in 2018"), None);
        assert_eq!(
            labelled_date("View Webcam Last updated: November 13, 2025 Park").as_deref(),
            Some("2025-11-13")
        );
        assert_eq!(
            script_date(r#"{"createDate":"2019-09-12","publishDate":"2025-05-27"}"#).as_deref(),
            Some("2025-05-27")
        );
        assert_eq!(
            script_date("{&quot;datePublished&quot;:&quot;2025-11-17T09:00&quot;}").as_deref(),
            Some("2025-11-17")
        );
    }

    #[test]
    fn stated_original_date() {
        assert_eq!(
            originally_published("This article was originally published on 26 Sep 2019 at 4pm")
                .as_deref(),
            Some("2019-09-26")
        );
        assert_eq!(
            originally_published("First published in Nature, March 3, 2020"),
            None
        );
    }

    #[test]
    fn url_slugs_carry_dates() {
        assert_eq!(
            url_date("https://x.org/2025/09/04/top-trends/").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(url_date("https://x.org/p/12345"), None);
        assert_eq!(
            url_date("https://x.org/blog/2023/october/03/wine-types").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(
            url_date("https://x.fr%2Farticles%2F2025-12-15%2BRust").as_deref(),
            Some("2025-12-15")
        );
    }

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

    #[test]
    fn the_latest_year_a_text_names() {
        let text =
            "Sales rose in 2019 and again in 2020, to 20201 units; a 2023-ready plan (A2024).";
        assert_eq!(latest_year_named(text, 2030), Some(2023));
        assert_eq!(latest_year_named(text, 2022), Some(2020));
        assert_eq!(latest_year_named("It cost $1,500 in 1899.", 2030), None);
        assert_eq!(latest_year_named("", 2030), None);
    }
}
