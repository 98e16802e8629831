//! Calendar arithmetic for resolving relative expressions against the reference date, and the
//! TimeML value strings.

use chrono::{Datelike, Duration, Months, NaiveDate};

/// Which way an underspecified date leans from the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lean {
    Past,
    Future,
    Nearest,
}

pub(crate) fn day(d: NaiveDate) -> String {
    let y = d.year();
    if (0..=9999).contains(&y) {
        // What chrono's "%Y-%m-%d" prints for these years, without its format-string parser
        // (a hot path: parsers compute values for every candidate).
        format!("{y:04}-{:02}-{:02}", d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

pub(crate) fn month_value(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

pub(crate) fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(crate) fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

pub(crate) fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// Days either side of the reference within which a yearless day is the nearest instance.
const NEAR_DAYS: i64 = 60;
/// Months either side within which a yearless month is the nearest instance.
const NEAR_MONTHS: i32 = 1;

/// The year of a yearless month/day, chosen by lean: nearest to the reference by default.
pub(crate) fn year_for(r: NaiveDate, m: u32, d: Option<u32>, lean: Lean) -> i32 {
    let y = r.year();
    let key = |yy: i32| -> Option<NaiveDate> { NaiveDate::from_ymd_opt(yy, m, d.unwrap_or(15)) };
    let same = key(y);
    let Some(same) = same else { return y };
    // Month-only comparisons work at month granularity.
    let cmp_same = if d.is_some() {
        same.cmp(&r)
    } else {
        m.cmp(&r.month())
    };
    // A date close to the reference is that instance whatever the tense around it says: the
    // cue is often another clause's ("extended to Nov. 6" after "due to expire last
    // Thursday"), and news dates a year off are never a few weeks off (TimeBank, AQUAINT and
    // MEANTIME: within two months of the reference the gold is always the nearest instance).
    let near = [y - 1, y, y + 1].into_iter().find(|&yy| {
        if d.is_some() {
            key(yy).is_some_and(|k| (k - r).num_days().abs() <= NEAR_DAYS)
        } else {
            ((yy - y) * 12 + m as i32 - r.month() as i32).abs() <= NEAR_MONTHS
        }
    });
    if let Some(yy) = near {
        return yy;
    }
    match lean {
        Lean::Past => {
            if cmp_same == std::cmp::Ordering::Greater {
                y - 1
            } else {
                y
            }
        }
        Lean::Future => {
            if cmp_same == std::cmp::Ordering::Less {
                y + 1
            } else {
                y
            }
        }
        Lean::Nearest => {
            [y - 1, y, y + 1]
                .into_iter()
                .min_by_key(|&yy| {
                    // Future distances count a little more: news reports what happened.
                    let dist = if d.is_some() {
                        key(yy).map(|k| (k - r).num_days()).unwrap_or(1 << 40)
                    } else {
                        ((yy - y) * 12 + m as i32 - r.month() as i32) as i64 * 31
                    };
                    if dist > 0 {
                        if d.is_some() {
                            dist * 11 / 10
                        } else {
                            dist * 2
                        }
                    } else {
                        -dist
                    }
                })
                .unwrap_or(y)
        }
    }
}

/// The weekday `wd` (ISO, Monday 1) nearest the reference in the lean's direction; the
/// reference itself counts as this week's day.
pub(crate) fn weekday_near(r: NaiveDate, wd: u32, lean: Lean, strict: bool) -> Option<NaiveDate> {
    let cur = r.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7);
    let fwd = (wd - cur).rem_euclid(7);
    let off = match lean {
        Lean::Future => {
            if strict && fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Lean::Past | Lean::Nearest => {
            if strict && back == 0 {
                -7
            } else {
                -back
            }
        }
    };
    add_days(r, off)
}

/// The weekday of the reference's own ISO week ("this Friday").
pub(crate) fn weekday_this_week(r: NaiveDate, wd: u32) -> Option<NaiveDate> {
    let cur = r.weekday().number_from_monday() as i64;
    add_days(r, wd as i64 - cur)
}

/// A date shifted by `n` units of a letter (Y, M, W, D), returned at the unit's granularity.
pub(crate) fn shifted(r: NaiveDate, letter: char, n: i32) -> Option<String> {
    Some(match letter {
        'Y' => format!("{:04}", r.year() + n),
        'M' => {
            let d = add_months(r, n)?;
            month_value(d.year(), d.month())
        }
        'W' => week(add_days(r, 7 * n as i64)?),
        'D' => day(add_days(r, n as i64)?),
        'Q' => {
            let d = add_months(r, 3 * n)?;
            format!("{:04}-Q{}", d.year(), quarter_of(d))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn day_prints_as_chrono_does() {
        for (y, m, dd) in [
            (2024, 2, 29),
            (7, 1, 5),
            (0, 12, 31),
            (9999, 6, 1),
            (10000, 1, 1),
            (-1, 3, 4),
        ] {
            let x = d(y, m, dd);
            assert_eq!(day(x), x.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn yearless_dates_lean_as_asked() {
        let r = d(2024, 3, 10);
        assert_eq!(year_for(r, 12, Some(1), Lean::Past), 2023);
        assert_eq!(year_for(r, 12, Some(1), Lean::Future), 2024);
        assert_eq!(year_for(r, 12, Some(1), Lean::Nearest), 2023);
        assert_eq!(year_for(r, 4, None, Lean::Nearest), 2024);
    }

    #[test]
    fn a_day_weeks_from_the_reference_keeps_its_year_against_the_lean() {
        // Monday 30 October 1989: "extended to Nov. 6" in a sentence with a past cue.
        let r = d(1989, 10, 30);
        assert_eq!(year_for(r, 11, Some(6), Lean::Past), 1989);
        // 15 January 2000: "Jan. 14" with a future cue is yesterday, not next year.
        assert_eq!(year_for(d(2000, 1, 15), 1, Some(14), Lean::Future), 2000);
        // 28 December: "Jan. 3" is next week.
        assert_eq!(year_for(d(1998, 12, 28), 1, Some(3), Lean::Past), 1999);
        // Further off, the lean still decides.
        assert_eq!(year_for(r, 2, Some(1), Lean::Future), 1990);
        assert_eq!(year_for(r, 1, Some(15), Lean::Past), 1989);
    }

    #[test]
    fn weekdays_resolve_around_the_reference() {
        let thu = d(2024, 11, 21);
        assert_eq!(
            weekday_near(thu, 3, Lean::Past, false),
            Some(d(2024, 11, 20))
        );
        assert_eq!(weekday_near(thu, 4, Lean::Past, false), Some(thu));
        assert_eq!(
            weekday_near(thu, 4, Lean::Past, true),
            Some(d(2024, 11, 14))
        );
        assert_eq!(
            weekday_near(thu, 1, Lean::Future, false),
            Some(d(2024, 11, 25))
        );
        assert_eq!(weekday_this_week(thu, 7), Some(d(2024, 11, 24)));
    }

    #[test]
    fn shifts_keep_their_granularity() {
        let r = d(2024, 1, 15);
        assert_eq!(shifted(r, 'Y', -1).as_deref(), Some("2023"));
        assert_eq!(shifted(r, 'M', -1).as_deref(), Some("2023-12"));
        assert_eq!(shifted(r, 'W', 0).as_deref(), Some("2024-W03"));
        assert_eq!(shifted(r, 'Q', -1).as_deref(), Some("2023-Q4"));
        assert_eq!(shifted(r, 'D', 1).as_deref(), Some("2024-01-16"));
    }
}
