//! Numbers that are not figures: years and dates, times of day, identifiers ("No. 5",
//! "Resolution 2231", phone numbers), numbers in names ("Windows 11"), page furniture ("1 visits
//! today") and "one" used as a pronoun ("one of them").

use crate::measure::Measured;
use crate::view::View;
use crate::words::{furniture_noun, is_modal_month, is_month, is_weekday};
use claimtrail_text::TokenKind;

/// Words after which a bare number is an identifier ("page 3", "No. 5", "Article 51").
fn id_word(w: &str) -> bool {
    matches!(
        w,
        "no."
            | "no"
            | "nos."
            | "#"
            | "number"
            | "page"
            | "pages"
            | "p."
            | "pp."
            | "article"
            | "section"
            | "chapter"
            | "flight"
            | "route"
            | "room"
            | "version"
            | "level"
            | "phase"
            | "grade"
            | "category"
            | "type"
            | "model"
            | "episode"
            | "season"
            | "round"
            | "stage"
            | "tier"
            | "resolution"
            | "gate"
            | "platform"
            | "line"
            | "exit"
            | "highway"
            | "interstate"
            | "unit"
            | "ward"
            | "district"
            | "precinct"
            | "squad"
            | "box"
            | "id"
            | "code"
            | "apartment"
            | "suite"
            | "floor"
            | "block"
            | "plot"
            | "sector"
            | "zone"
            | "channel"
            | "track"
            | "verse"
            | "psalm"
            | "act"
            | "scene"
            | "figure"
            | "fig."
            | "table"
            | "item"
            | "paragraph"
            | "clause"
            | "amendment"
            | "bill"
            | "file"
            | "case"
            | "appendix"
            | "annex"
            | "protocol"
            | "vol."
            | "volume"
            | "issue"
            | "ext"
            | "ext."
            | "tel"
            | "tel."
            | "phone"
            | "fax"
            | "call"
            | "dial"
            | "junction"
            | "j"
    )
}

/// The last word of a street's name ("Baker Street", "Pennsylvania Avenue").
fn street_word(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st."
            | "avenue"
            | "ave."
            | "boulevard"
            | "blvd"
            | "blvd."
            | "road"
            | "rd."
            | "drive"
            | "lane"
            | "parkway"
            | "terrace"
            | "crescent"
            | "highway"
    )
}

/// Prepositions, determiners and seasons after which a four-digit number is a year.
fn year_context(w: &str) -> bool {
    claimtrail_lexicon::season(w).is_some()
        || matches!(
            w,
            "in" | "since"
                | "of"
                | "by"
                | "from"
                | "until"
                | "till"
                | "to"
                | "the"
                | "before"
                | "after"
                | "during"
                | "between"
                | "and"
                | "circa"
                | "year"
                | "fiscal"
                | "early"
                | "mid"
                | "late"
                | "for"
                | "'s"
                | "’s"
                | "through"
                | "around"
                | "as"
                | "at"
                | "on"
                | "back"
                | "ad"
                | "bc"
                | "fy"
                | "season"
                | "class"
                | "election"
                | "vintage"
                | "model"
                | "or"
                | "than"
                | "this"
                | "that"
                | "last"
                | "next"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "-"
                | "–"
                | "("
                | ","
                | "c."
                | "ca."
        )
}

/// Prepositions a headline's count can follow ("Fire Spreads Across Three Counties").
const HEADLINE_PREPOSITIONS: &[&str] = &[
    "across", "after", "among", "at", "by", "for", "from", "in", "into", "on", "over", "to", "with",
];

/// Most tokens either side of a number read to tell a title-case headline.
const HEADLINE_REACH: usize = 10;

/// Whether the number word at tokens `f..end` counts a plural noun in a title-case headline:
/// every word of four letters or more near it is capitalised ("Indian Navy Ship Interdicts
/// Three Pirate Vessels In A Single Operation"), and a capitalised plural noun follows it
/// within three words, all capitalised ("Three Pirate Vessels"). "Ground Zero", "Catch
/// Twenty" and "the Big Three" count nothing.
fn headline_count(v: &View, f: usize, end: usize) -> bool {
    let from = f.saturating_sub(HEADLINE_REACH);
    let to = (end + HEADLINE_REACH).min(v.len());
    let long_words = || (from..to).filter(|&k| v.toks[k].is_word() && v.text(k).len() >= 4);
    if long_words().count() < 4 || !long_words().all(|k| v.toks[k].capitalized()) {
        return false;
    }
    // The word before the count is the headline's verb ("Seizes", "Rescues") or a preposition:
    // after any other capitalised word the number word is part of a name ("Jackson Five
    // Reunites", "Formula Two Returns", "Ocean Eleven Remake Gets").
    let before = v.lower(f.saturating_sub(1));
    let verb_shaped = before.len() >= 4 && before.ends_with('s') && !before.ends_with("ss");
    if f == 0 || !(verb_shaped || HEADLINE_PREPOSITIONS.contains(&before)) {
        return false;
    }
    (end..(end + 3).min(v.len()))
        .take_while(|&k| v.toks[k].is_word() && v.toks[k].capitalized())
        .any(|k| {
            let w = v.lower(k);
            w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss")
        })
}

/// "May", not "may" or "MAY".
fn title_case(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

fn is_time_zone(w: &str) -> bool {
    matches!(
        w,
        "a.m."
            | "p.m."
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "ist"
            | "msk"
            | "hrs"
            | "hours"
            | "o'clock"
            | "o’clock"
    )
}

/// Whether the measured number `m` is no figure. `multi` says the document has several
/// sentences (a lone number on its own line is then page furniture).
pub fn excluded(v: &View, m: &Measured, multi: bool) -> bool {
    let c = &m.core;
    let f = c.first;
    let e = m.end;
    let prev = f.checked_sub(1).map(|p| v.lower(p)).unwrap_or("");
    let prev2 = f.checked_sub(2).map(|p| v.lower(p)).unwrap_or("");
    let next = v.lower(c.end);
    let has_unit = m.unit.is_some();
    let hedged = crate::hedge::before(v, m.first, m.unit.is_some()).is_some();

    if c.leading_zero {
        return true;
    }
    // Times of day: "2:30", "10 a.m.", "14.30 GMT".
    if !has_unit || matches!(m.unit, Some(crate::number::Unit::Time(_))) {
        if is_time_zone(next) && !matches!(m.unit, Some(crate::number::Unit::Time(_))) {
            return true;
        }
        // "three or four a.m.", "10 to 11 p.m.": the first hour of a span of clock times.
        let joins = matches!(next, "or" | "to" | "-" | "–" | "and");
        let hour_after = v.toks.get(c.end + 1).is_some_and(|t| {
            t.kind == TokenKind::Number || crate::number::number_word(&t.lower).is_some()
        }) && is_time_zone(v.lower(c.end + 2));
        if !has_unit && joins && hour_after {
            return true;
        }
        if v.text(c.end) == ":" && v.toks.get(c.end + 1).is_some_and(|t| t.glued()) {
            return true;
        }
        if prev == ":" && v.toks.get(f).is_some_and(|t| t.glued()) {
            return true;
        }
        // "at 5: 30 p.m.": a clock time with a space after its colon.
        if v.text(c.end) == ":"
            && v.toks.get(c.end + 1).is_some_and(|t| {
                t.kind == TokenKind::Number
                    && t.text.len() == 2
                    && t.text.bytes().all(|b| b.is_ascii_digit())
            })
            && is_time_zone(v.lower(c.end + 2))
        {
            return true;
        }
    }
    // Slashed dates and scores "10/28/2024", "24/7".
    if !has_unit && (v.text(c.end) == "/" || prev == "/") {
        return true;
    }
    // Dates: a day or year next to a month name ("28 October", "Oct. 28, 2024").
    let month_near = |i: usize| {
        let w = v.lower(i);
        is_month(w) && (!is_modal_month(w) || title_case(v.text(i)))
    };
    if !has_unit && !m.money_prefix {
        if f > 0 && month_near(f - 1) {
            return true;
        }
        if month_near(c.end) || (v.lower(c.end) == "of" && month_near(c.end + 1)) {
            return true;
        }
        if prev == ","
            && f >= 2
            && v.toks
                .get(f - 2)
                .is_some_and(|t| t.kind == TokenKind::Number)
            && f >= 3
            && month_near(f - 3)
        {
            return true;
        }
        if f >= 2 && prev == "," && is_weekday(prev2) {
            return false;
        }
    }
    // Dimensions ("1800 x 1920 pixels"): numbers either side of a times sign are sizes, not
    // years.
    let number_at = |i: Option<usize>| {
        i.and_then(|i| v.toks.get(i))
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    let times = |w: &str| matches!(w, "x" | "×");
    let dimension =
        times(next) && number_at(Some(c.end + 1)) || times(prev) && number_at(f.checked_sub(2));
    // Years: bare four-digit numbers 1800–2100 unless they clearly count something.
    if c.plain
        && !dimension
        && c.int_len == 4
        && (1800.0..=2100.0).contains(&c.value)
        && !has_unit
        && !m.money_prefix
        && (!hedged || matches!(next, "levels" | "level"))
        && m.high.is_none()
    {
        let counts = v.toks.get(c.end).is_some_and(|t| {
            t.is_word()
                && !t.capitalized()
                && t.lower.starts_with(|ch: char| ch.is_alphabetic())
                && t.lower.len() > 2
                && t.lower.ends_with('s')
                && !crate::words::ends_phrase(&t.lower)
        });
        // Round hundreds count things ("2000 soldiers"); others are years ("1988 protests").
        let round = c.value % 100.0 == 0.0;
        if !counts || !round || year_context(prev) || f == 0 || matches!(next, "levels" | "level") {
            return true;
        }
    }
    // Years before 1800 and hedged years, when a year's preposition says so: "In 1670",
    // "until about 1773", "since around 1990" (not "in 1500 cases").
    if c.plain && c.int_len == 4 && !has_unit && !m.money_prefix && m.high.is_none() {
        let approx = matches!(
            prev,
            "about" | "around" | "circa" | "c." | "ca." | "approximately"
        );
        let year_prep = |w: &str| {
            matches!(
                w,
                "in" | "since" | "until" | "till" | "before" | "after" | "during" | "circa"
            )
        };
        let context = if approx {
            year_prep(prev2)
        } else {
            year_prep(prev)
        };
        let counts = v.toks.get(c.end).is_some_and(|t| {
            t.is_word() && !t.capitalized() && t.lower.len() > 2 && t.lower.ends_with('s')
        });
        let old_year = (1000.0..1800.0).contains(&c.value) && !hedged && !dimension;
        let hedged_year = approx && (1000.0..=2100.0).contains(&c.value);
        if (old_year || hedged_year) && context && !counts {
            return true;
        }
        // "turned extreme around 2002, when …": a hedged recent year that closes its clause
        // ("rose to about 2000, when" is a round amount and stays).
        let closes = matches!(next, "," | ";" | "." | ")" | "when");
        if approx && closes && (1900.0..=2030.0).contains(&c.value) && c.value % 100.0 != 0.0 {
            return true;
        }
    }
    // Military time: "at 1100 hours", "by 0600 hrs", "about 1100 hrs IST" (a time zone after
    // the hours says a clock time, whatever comes before).
    let clock_prep = |w: &str| {
        matches!(
            w,
            "at" | "by" | "until" | "till" | "before" | "after" | "from" | "since"
        )
    };
    let approx = matches!(prev, "about" | "around" | "approximately" | "roughly");
    let zone_after =
        !matches!(v.lower(c.end + 1), "hrs" | "hours" | "") && is_time_zone(v.lower(c.end + 1));
    if c.plain
        && c.int_len == 4
        && matches!(next, "hours" | "hrs")
        && (clock_prep(prev) || approx && clock_prep(prev2) || zone_after)
        && c.value % 100.0 < 60.0
        && c.value < 2400.0
    {
        return true;
    }
    // Win-loss records: "a record of 284-286", "9-14 on the season", "2-8 in their last ten".
    let hyphened = (f..e).any(|k| v.text(k).contains(['-', '–']));
    if m.high.is_some() && !has_unit && !m.money_prefix && hyphened {
        let whole = m.value.fract() == 0.0 && m.high.is_some_and(|h| h.fract() == 0.0);
        let record_before = (1..=3).any(|k| f >= k && v.lower(f - k) == "record");
        let (a, b, d) = (v.lower(e), v.lower(e + 1), v.lower(e + 2));
        let record_after = a == "record"
            || a == "on" && b == "the" && matches!(d, "season" | "year")
            || a == "in"
                && matches!(b, "their" | "its" | "his" | "her" | "the" | "our")
                && d == "last";
        // "a disappointing 9-14 start", "a 12-4 finish": a record with the season's part.
        let part = matches!(
            a,
            "start" | "starts" | "finish" | "mark" | "skid" | "streak"
        );
        if whole && (record_before || record_after || part) {
            return true;
        }
    }
    // "1B Mark Teixeira": a fielding position before a name, not a billion.
    if m.core.end == f + 1
        && !m.money_prefix
        && matches!(v.text(f), "1B" | "2B" | "3B")
        && v.toks
            .get(c.end)
            .is_some_and(|t| t.is_word() && t.capitalized())
        && !(f > 0 && v.toks[f - 1].is_word() && v.toks[f - 1].capitalized())
    {
        return true;
    }
    // A street address: "located at 200 West American Boulevard", "221 Baker Street." (a
    // place named by capitalised words and a street word); "30 Wall Street firms" counts.
    if c.plain && c.end == f + 1 && !has_unit && !m.money_prefix && !hedged {
        let names = (c.end..c.end + 4)
            .take_while(|&k| {
                v.toks
                    .get(k)
                    .is_some_and(|t| t.is_word() && t.capitalized())
            })
            .count();
        let street = (1..names)
            .rev()
            .find(|&n| street_word(v.lower(c.end + n)))
            .map(|n| c.end + n);
        if let Some(s) = street {
            let after = v.toks.get(s + 1);
            let ends = after.is_none_or(|t| !t.is_word() || t.capitalized());
            if ends || matches!(prev, "at" | "on" | "to" | "from" | "near") {
                return true;
            }
        }
    }
    // A citation: "[ 2 ]", "[12]".
    if c.plain && prev == "[" && next == "]" {
        return true;
    }
    // "4K video", "8K TV": a picture format, not four thousand ("a roughly 4K display" is an
    // amount of pixels, hedged).
    if m.core.end == f + 1
        && !m.money_prefix
        && !hedged
        && matches!(v.text(f), "4K" | "8K" | "2K" | "5K" | "6K")
        && matches!(
            next,
            "video"
                | "videos"
                | "footage"
                | "resolution"
                | "tv"
                | "tvs"
                | "display"
                | "displays"
                | "monitor"
                | "monitors"
                | "screen"
                | "screens"
                | "streaming"
                | "hdr"
                | "content"
                | "camera"
                | "cameras"
                | "recording"
                | "gaming"
                | "blu-ray"
                | "ultra"
                | "uhd"
                | "oled"
        )
    {
        return true;
    }
    // Identifiers.
    if id_word(prev) && c.plain {
        return true;
    }
    if c.plain && c.int_len >= 7 {
        return true; // phone numbers, article ids
    }
    // Two bare numbers side by side are digit groups of a phone number or an id.
    if c.plain && !c.words {
        let n = v.toks.get(c.end);
        let p = f.checked_sub(1).and_then(|p| v.toks.get(p));
        let bare = |t: Option<&crate::view::Tok>| {
            t.is_some_and(|t| t.kind == TokenKind::Number && !t.text.contains([',', '.']))
        };
        if (bare(n) && c.end == e) || bare(p) {
            return true;
        }
    }
    // "0845 125 222": digit groups read as one number ("125 222") after another bare group are
    // the rest of a phone number, not thousands.
    if !c.words && c.end > f + 1 && (f..c.end).all(|k| v.toks[k].kind == TokenKind::Number) {
        let p = f.checked_sub(1).and_then(|p| v.toks.get(p));
        if p.is_some_and(|t| t.kind == TokenKind::Number && !t.text.contains([',', '.'])) {
            return true;
        }
    }
    // Numbers in names: "Windows 11", "Apollo 13", "Boeing 737" (a capitalised word that is not
    // the sentence opener, a month, a weekday or a unit).
    let versionish = !c.words && c.high.is_none() && !v.text(f).contains(',') && c.end == f + 1;
    // A unit glued to the number ("ROCK 5C") does not save a name either.
    let glued_unit = c.unit.is_some() && c.end == f + 1;
    if versionish && (!has_unit || glued_unit) && !hedged && f >= 1 {
        if let Some(t) = v.toks.get(f - 1) {
            let w: &str = &t.lower;
            // At the start of a sentence only a word that cannot open a sentence by itself.
            // After a colon a new clause opens: "Trip details: A 12-day journey".
            let clause_start = f == 1 || f >= 2 && v.text(f - 2) == ":";
            let opener = clause_start
                && (crate::words::ends_phrase(w)
                    || matches!(
                        w,
                        "another" | "exactly" | "precisely" | "fully" | "over" | "some" | "top"
                    )
                    || imperative_opener(w));
            let has_capital = t.text.chars().any(char::is_uppercase);
            // "OR 20 drops": a function word set in capitals is no name.
            let shouted = t.text.len() > 1
                && t.text.chars().all(|ch| ch.is_ascii_uppercase())
                && matches!(w, "or" | "and" | "nor" | "but" | "with");
            if t.is_word()
                && !opener
                && !shouted
                && has_capital
                && !is_month(w)
                && !is_weekday(w)
                && crate::words::time_unit(w).is_none()
                && !crate::words::reporting_verb(w)
            {
                return true;
            }
        }
    }
    // Page furniture: "1 visits today", "Visited 1 times", "Comments 0", a number alone on a line.
    // Furniture lines are short and lack a sentence's full stop.
    let last = v.text(v.len().saturating_sub(1));
    let short = v.len() <= 10 && !matches!(last, "." | "!" | "?" | "”" | "\"");
    // "repeat 3 times" in a list line is how often, not a counter: "times" is furniture only
    // after a counter's verb or alone.
    let furniture_times = next != "times"
        || !(f > 0 && v.toks[f - 1].is_word())
        || matches!(
            prev,
            "visited" | "viewed" | "read" | "shared" | "liked" | "downloaded" | "played"
        );
    if short
        && (furniture_noun(next) && furniture_times
            || matches!(prev, "visited" | "comments" | "views" | "shares"))
    {
        return true;
    }
    if multi && !hedged && (c.first == 0 || m.first == 0) {
        let rest_is_punct = (e..v.len()).all(|k| {
            v.toks[k].kind != TokenKind::Word && v.toks[k].kind != TokenKind::Number
                || v.text(k) == "/"
        });
        if rest_is_punct {
            return true;
        }
        // "₹300/Month"
        if v.text(e) == "/" && v.len() <= e + 3 {
            return true;
        }
    }
    // A number before a capitalised function word is part of a name ("7 On Your Side").
    if c.plain && f > 0 {
        if let Some(t) = v.toks.get(c.end) {
            if t.capitalized() && crate::words::ends_phrase(&t.lower) && t.lower != "i" {
                return true;
            }
        }
    }
    // "the 737 Max", "the 3 Series": a determiner, a bare number, a capitalised word. "the 34
    // Senate seats", "the 27 EU member states" count: a name used as a modifier, then the
    // plural noun counted.
    if c.plain
        && c.end == e
        && matches!(prev, "the" | "a" | "its" | "their" | "his" | "her")
        && v.toks
            .get(c.end)
            .is_some_and(|t| t.is_word() && t.capitalized())
        && !modifier_then_plural(v, c.end, c.value)
    {
        return true;
    }
    // "Ground Zero", "Catch Twenty": a capitalised number word after a capitalised word. A
    // title-case headline's count ("Navy Seizes Three Pirate Boats") is a figure.
    if c.words
        && f >= 1
        && v.toks[f].capitalized()
        && v.toks[f - 1].capitalized()
        && f > 1
        && !headline_count(v, f, c.end)
    {
        return true;
    }
    // "the Gang of Eight", "the Group of Seven": a capitalised number word after "of" or "for"
    // and a capitalised word ("Three of Four States" in a headline: two numbers, counts).
    let number_word_at = |k: usize| crate::number::number_word(v.lower(k)).is_some();
    let named_with = |k: usize| matches!(v.text(k), "of" | "for");
    if c.words
        && f >= 2
        && v.toks[f].capitalized()
        && named_with(f - 1)
        && v.toks[f - 2].is_word()
        && v.toks[f - 2].capitalized()
        && !number_word_at(f - 2)
    {
        return true;
    }
    // "the Fight for 15 Movement": digits between a capitalised word with "for" or "of" and a
    // capitalised word that ends the name ("Calls for 15 New Walls", a title-case headline, goes
    // on capitalised and counts).
    if c.plain
        && !has_unit
        && !m.money_prefix
        && c.end == f + 1
        && f >= 2
        && named_with(f - 1)
        && v.toks[f - 2].is_word()
        && v.toks[f - 2].capitalized()
        && !number_word_at(f - 2)
        && v.toks.get(c.end).is_some_and(|t| {
            t.is_word()
                && t.capitalized()
                && !is_month(&t.lower)
                && !crate::words::ends_phrase(&t.lower)
        })
        && !v
            .toks
            .get(c.end + 1)
            .is_some_and(|t| t.is_word() && t.capitalized())
    {
        return true;
    }
    // "the 20-yard line", "the 50-yard line": a line of the field named by its distance.
    if matches!(m.unit, Some(crate::number::Unit::Measure("yard")))
        && c.end == f + 1
        && v.text(f).contains('-')
        && matches!(v.lower(e), "line" | "lines")
    {
        return true;
    }
    // "13 in Paris, which …", "23 because so much …": a day number opening the sentence before
    // a function word is a date's day the sentence split cut from its month ("Nov. 13 in
    // Paris"); "3 in 10 voters" and "5 of the 12" count.
    if c.plain
        && !has_unit
        && !m.money_prefix
        && f == 0
        && m.first == 0
        && c.end == 1
        && m.high.is_none()
        && c.value.fract() == 0.0
        && (1.0..=31.0).contains(&c.value)
        && matches!(
            next,
            "because"
                | "and"
                | "in"
                | "on"
                | "at"
                | ","
                | "that"
                | "when"
                | "after"
                | "before"
                | "with"
                | "but"
                | "while"
        )
        && !v.toks.get(c.end + 1).is_some_and(|t| {
            t.kind == TokenKind::Number || crate::number::number_word(&t.lower).is_some()
        })
    {
        return true;
    }
    // "those billion people": a bare scale after a determiner is no count.
    if c.words && matches!(prev, "those" | "these" | "the") {
        if let Some(crate::number::Lexeme::Scale(_)) =
            v.toks.get(f).map(|t| crate::number::lex(t.text, &t.lower))
        {
            return true;
        }
    }
    // "hundreds" alone after a noun is no amount ("risk scores"); "cost taxpayers billions"
    // is: millions and more are always amounts.
    if c.vague && c.end == f + 1 && next != "of" && c.value < 1e6 {
        let p = f.checked_sub(1).and_then(|p| v.toks.get(p));
        if p.is_some_and(|t| t.is_word() && !crate::words::ends_phrase(&t.lower)) {
            return true;
        }
    }
    // Fractions are not counted yet: "two thirds of voters".
    if c.words && is_fraction_plural(next) {
        return true;
    }
    // "one" as a pronoun or article: "one of", "no one", "the one", "one another".
    if c.words && c.value == 1.0 && c.end == c.first + 1 && !has_unit && v.lower(f) != "once" {
        // "one European country after another": a succession, no count.
        let after_another = (c.end..(c.end + 5).min(v.len().saturating_sub(1)))
            .any(|k| v.lower(k) == "after" && v.lower(k + 1) == "another");
        if after_another {
            return true;
        }
        // "One tester said", "one intelligence source said", "according to one report": an
        // indefinite speaker or document, not a count of one.
        let mut k = c.end;
        while k < c.end + 3
            && v.toks
                .get(k)
                .is_some_and(|t| t.is_word() && !t.capitalized())
            && !crate::words::reporting_verb(v.lower(k))
        {
            k += 1;
        }
        // The verb of "one X" is finite: "one misdemeanor count of battery" names a charge
        // ("count" is a base form), "one official would say" has its auxiliary.
        let finite = k > c.end
            && (!base_form(v.lower(k))
                || crate::words::verb_helper(v.lower(k - 1))
                || matches!(
                    v.lower(k - 1),
                    "would" | "will" | "can" | "could" | "may" | "might" | "did" | "does"
                ));
        let speaker = finite && crate::words::reporting_verb(v.lower(k));
        if speaker || prev == "to" && prev2 == "according" {
            return true;
        }
        // "One former aide, speaking on condition …", "One potential bastion of support is …":
        // a sentence opening with "One" and an adjective of standing or likelihood is
        // indefinite ("One person was hurt" counts).
        if f == 0 && indefinite_adjective(next) {
            return true;
        }
        // "one's career": the generic pronoun; "all in one", "All in ONE Home Gym": a kit's
        // idiom, not a count.
        if matches!(next, "'s" | "’s") || prev == "in" && prev2 == "all" {
            return true;
        }
        // "the only one trying" is a pronoun; "only one political party is registered" counts.
        if prev == "only"
            && !matches!(
                prev2,
                "the" | "an" | "his" | "her" | "their" | "its" | "my" | "your" | "our"
            )
            && v.toks
                .get(c.end)
                .is_some_and(|t| t.is_word() && !crate::words::ends_phrase(&t.lower))
        {
            return false;
        }
        if matches!(
            next,
            "of" | "another" | "side" | "day" | "way" | "thing" | "more" | "too"
        ) || matches!(
            prev,
            "no" | "the"
                | "this"
                | "that"
                | "which"
                | "every"
                | "any"
                | "each"
                | "some"
                | "someone"
                | "anyone"
                | "only"
                | "last"
                | "another"
                | "such"
                | "a"
        ) || !v.toks.get(c.end).is_some_and(|t| t.is_word())
            && !matches!(v.text(c.end), "-" | "–")
        {
            return true;
        }
        // "one in five" is a ratio; "a minor one or", "one that" are pronouns.
        let ratio = matches!(next, "in" | "out")
            && v.toks[c.end..].iter().take(3).any(|t| {
                t.kind == TokenKind::Number || crate::number::number_word(&t.lower).is_some()
            });
        // "one or two variables": the low end of a range, which `merge_bounds` joins.
        let either = next == "or"
            && v.toks.get(c.end + 1).is_some_and(|t| {
                t.kind == TokenKind::Number || crate::words::small_number(&t.lower).is_some()
            });
        if crate::words::ends_phrase(next) && !ratio && !either {
            return true;
        }
        if matches!(
            next,
            "is" | "was"
                | "you"
                | "do"
                | "does"
                | "can"
                | "could"
                | "would"
                | "will"
                | "must"
                | "should"
                | "might"
                | "has"
                | "had"
                | "who"
                | "that"
                | "which"
        ) {
            return true;
        }
    }
    false
}

/// Adjectives after a sentence-opening "One" that make it indefinite: "One former aide said".
fn indefinite_adjective(w: &str) -> bool {
    matches!(
        w,
        "former"
            | "potential"
            | "possible"
            | "early"
            | "senior"
            | "top"
            | "longtime"
            | "prominent"
            | "key"
            | "leading"
            | "veteran"
            | "notable"
            | "particular"
            | "likely"
    )
}

/// A verb's base form ("count", "claim"): a lexicon verb with an "-s" form that is no "-s" or
/// "-ed" form itself; "put", "said" and "told" are past.
fn base_form(w: &str) -> bool {
    !w.ends_with('s')
        && !w.ends_with("ed")
        && !matches!(w, "put" | "set" | "cut" | "read" | "forecast" | "broadcast")
        && (crate::words::reporting_verb(&format!("{w}s"))
            || crate::words::reporting_verb(&format!("{w}es")))
}

/// After a capitalised word at `k` (a name used as a modifier), a plural noun within two words
/// that the small number before the name counts: "the 34 Senate seats", "the 27 EU member
/// states" ("the 737 Max jets": a model number, 100 or more).
fn modifier_then_plural(v: &View, k: usize, value: f64) -> bool {
    let plural = |j: usize| {
        v.toks.get(j).is_some_and(|t| {
            t.is_word()
                && !t.capitalized()
                && t.lower.len() > 3
                && t.lower.ends_with('s')
                && !t.lower.ends_with("ss")
                && !crate::words::ends_phrase(&t.lower)
        })
    };
    let lower_word = |j: usize| {
        v.toks.get(j).is_some_and(|t| {
            t.is_word() && !t.capitalized() && !crate::words::ends_phrase(&t.lower)
        })
    };
    value < 100.0
        && value.fract() == 0.0
        && !v.lower(k).ends_with('s')
        && (plural(k + 1) || lower_word(k + 1) && plural(k + 2))
}

/// Verbs that open an imperative before a count: "Discover 16 coffee facts", "Meet 5 founders".
fn imperative_opener(w: &str) -> bool {
    matches!(
        w,
        "discover"
            | "meet"
            | "try"
            | "learn"
            | "see"
            | "read"
            | "explore"
            | "check"
            | "watch"
            | "consider"
            | "follow"
            | "join"
            | "add"
            | "use"
            | "buy"
            | "save"
            | "choose"
            | "pick"
            | "enjoy"
            | "avoid"
            | "spend"
            | "give"
            | "take"
            | "get"
            | "find"
            | "grab"
            | "visit"
            | "win"
            | "earn"
    )
}

fn is_fraction_plural(w: &str) -> bool {
    matches!(
        w,
        "halves"
            | "thirds"
            | "quarters"
            | "fourths"
            | "fifths"
            | "sixths"
            | "sevenths"
            | "eighths"
            | "ninths"
            | "tenths"
            | "third"
            | "quarter"
            | "fourth"
            | "fifth"
            | "half"
    )
}
