//! SVG chart geometry: the template draws what is computed here (coordinates, ticks), so the
//! markup stays in the templates, where everything is escaped.

use chrono::NaiveDate;
use serde::Serialize;

pub const WIDTH: f64 = 760.0;
pub const HEIGHT: f64 = 320.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 40.0;

/// A figure to place on a timeline.
#[derive(Debug, Clone)]
pub struct Point {
    /// Where it is drawn: its date, or the first day of its month or year.
    pub date: NaiveDate,
    /// The date as the ledger gives it (`2024-10` for a month).
    pub shown: String,
    pub value: f64,
    /// A range's ends, when the figure is one.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: String,
    pub href: String,
    pub label: String,
}

/// A mark as drawn.
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    /// Where a range or an arrow ends (same x).
    pub y2: Option<f64>,
    /// `exact`, `approx`, `up`, `down` or `range`: how the hedge is drawn.
    pub shape: &'static str,
    pub href: String,
    pub label: String,
    pub value: f64,
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub at: f64,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub marks: Vec<Mark>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
}

fn frame() -> Chart {
    Chart {
        width: WIDTH,
        height: HEIGHT,
        left: LEFT,
        right: WIDTH - RIGHT,
        top: TOP,
        bottom: HEIGHT - BOTTOM,
        marks: Vec::new(),
        x_ticks: Vec::new(),
        y_ticks: Vec::new(),
    }
}

/// Round steps for an axis from 0 to `max`.
fn y_ticks(max: f64) -> (f64, Vec<f64>) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, vec![0.0, 1.0]);
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let top = (max / step).ceil() * step;
    let n = (top / step).round() as usize;
    (top, (0..=n).map(|i| i as f64 * step).collect())
}

pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            format!("-{out}")
        } else {
            out
        }
    } else {
        format!("{v:.2}")
    }
}

/// A timeline: one mark per figure, x by date, y by value from 0.
pub fn timeline(points: &[Point]) -> Chart {
    let mut c = frame();
    if points.is_empty() {
        return c;
    }
    let first = points.iter().map(|p| p.date).min().unwrap_or_default();
    let last = points.iter().map(|p| p.date).max().unwrap_or_default();
    // A single day still gets some width.
    let days = ((last - first).num_days().max(1)) as f64;
    let max = points
        .iter()
        .map(|p| p.high.unwrap_or(p.value).max(p.value))
        .fold(0.0, f64::max);
    let (top, ticks) = y_ticks(max * 1.1);
    let x = |d: NaiveDate| {
        let t = (d - first).num_days() as f64 / days;
        // Margins inside the plot so marks at the ends are whole.
        LEFT + 20.0 + t * (WIDTH - RIGHT - LEFT - 40.0)
    };
    let y = |v: f64| (HEIGHT - BOTTOM) - (v / top) * (HEIGHT - BOTTOM - TOP);
    c.y_ticks = ticks
        .into_iter()
        .map(|v| Tick {
            at: y(v),
            label: number(v),
        })
        .collect();
    let mut dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
    dates.sort();
    dates.dedup();
    // At most six date labels, spread over the dates that have marks.
    let step = dates.len().div_ceil(6).max(1);
    c.x_ticks = dates
        .iter()
        .step_by(step)
        .map(|d| Tick {
            at: x(*d),
            label: d.format("%Y-%m-%d").to_string(),
        })
        .collect();
    let arrow = 26.0;
    c.marks = points
        .iter()
        .map(|p| {
            let (shape, y2) = match p.hedge.as_str() {
                "range" => ("range", p.high.map(y)),
                "at_least" | "more_than" => ("up", Some(y(p.value) - arrow)),
                "at_most" | "less_than" | "up_to" => ("down", Some(y(p.value) + arrow)),
                "approximately" => ("approx", None),
                _ => ("exact", None),
            };
            let base = if shape == "range" {
                p.low.unwrap_or(p.value)
            } else {
                p.value
            };
            Mark {
                x: x(p.date),
                y: y(base),
                y2,
                shape,
                href: p.href.clone(),
                label: p.label.clone(),
                value: p.value,
                date: p.shown.clone(),
            }
        })
        .collect();
    c
}

/// The day a ledger date is drawn at: `YYYY-MM-DD` itself, `YYYY-MM` and `YYYY` at their first
/// day. Other TimeML values (weeks, seasons) are not drawn.
pub fn day_of(date: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = date.split('-').collect();
    let n = |i: usize, len: usize| {
        parts
            .get(i)
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let year = n(0, 4)? as i32;
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(year, 1, 1),
        2 => NaiveDate::from_ymd_opt(year, n(1, 2)?, 1),
        3 => NaiveDate::from_ymd_opt(year, n(1, 2)?, n(2, 2)?),
        _ => None,
    }
}

/// Bars of counts per period, in the order given.
pub fn bars(points: &[(String, i64)]) -> Chart {
    let mut c = frame();
    if points.is_empty() {
        return c;
    }
    let max = points.iter().map(|p| p.1).max().unwrap_or(1) as f64;
    let (top, ticks) = y_ticks(max);
    let y = |v: f64| (HEIGHT - BOTTOM) - (v / top) * (HEIGHT - BOTTOM - TOP);
    c.y_ticks = ticks
        .into_iter()
        .map(|v| Tick {
            at: y(v),
            label: number(v),
        })
        .collect();
    let slot = (WIDTH - RIGHT - LEFT) / points.len() as f64;
    let step = points.len().div_ceil(8).max(1);
    for (i, (period, n)) in points.iter().enumerate() {
        let x = LEFT + slot * (i as f64 + 0.5);
        if i % step == 0 {
            c.x_ticks.push(Tick {
                at: x,
                label: period.clone(),
            });
        }
        c.marks.push(Mark {
            x,
            y: y(*n as f64),
            y2: Some(HEIGHT - BOTTOM),
            shape: "bar",
            href: String::new(),
            label: format!("{period}: {n}"),
            value: *n as f64,
            date: period.clone(),
        });
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(date: &str, value: f64, hedge: &str) -> Point {
        Point {
            date: date.parse().unwrap(),
            shown: date.into(),
            value,
            low: None,
            high: None,
            hedge: hedge.into(),
            href: String::new(),
            label: String::new(),
        }
    }

    #[test]
    fn later_is_right_and_more_is_higher() {
        let c = timeline(&[
            p("2024-10-01", 3000.0, "exact"),
            p("2024-11-01", 13000.0, "at_least"),
        ]);
        assert!(c.marks[0].x < c.marks[1].x);
        assert!(c.marks[0].y > c.marks[1].y);
        assert_eq!(c.marks[1].shape, "up");
        assert!(c.marks[1].y2.unwrap() < c.marks[1].y);
        assert!(c.marks.iter().all(|m| m.y >= c.top && m.y <= c.bottom));
    }

    #[test]
    fn months_and_years_are_drawn_at_their_first_day() {
        assert_eq!(day_of("2024-10"), "2024-10-01".parse().ok());
        assert_eq!(day_of("2024"), "2024-01-01".parse().ok());
        assert_eq!(day_of("2024-10-28"), "2024-10-28".parse().ok());
        for other in [
            "2024-W43",
            "2024-13",
            "PAST_REF",
            "",
            "2024-10-28-1",
            "20x4",
        ] {
            assert_eq!(day_of(other), None, "{other}");
        }
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(13000.0), "13,000");
        assert_eq!(number(-1500.0), "-1,500");
        assert_eq!(number(2.5), "2.50");
        let (top, ticks) = y_ticks(11000.0);
        assert!((11000.0..=22000.0).contains(&top), "{top}");
        assert_eq!(ticks.first().copied(), Some(0.0));
        assert_eq!(ticks.last().copied(), Some(top));
    }
}
