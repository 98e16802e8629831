//! A date for an undated document, from its story's period.

use super::stories::STORY_WINDOW_DAYS;
use super::LinkRows;
use crate::Result;
use chrono::NaiveDate;
use claimtrail_analysis::DocAnalysis;

/// An undated document's own dates often lack the year ("on 28 October" → XXXX-10-28), or got
/// it from the run's other pages; its story knows the period. The earliest of its day dates that
/// falls within the story's period (give or take the story window), a missing year filled
/// nearest the story's first date by the analysis's one rule for that ([`with_year`]), stands
/// in for the publication date when ordering timelines. Dates outside the period (history,
/// anniversaries) are not publication dates.
///
/// [`with_year`]: claimtrail_analysis::with_year
pub(super) fn estimate_date(
    rows: &mut impl LinkRows,
    id: i64,
    d: &DocAnalysis,
    story: i64,
) -> Result<()> {
    let Some(s) = rows.story(story)? else {
        return Ok(());
    };
    if let Some(e) = estimate(d, s.first.as_deref(), s.last.as_deref()) {
        rows.set_estimated(id, &e.format("%Y-%m-%d").to_string())?;
    }
    Ok(())
}

/// The estimate for a document in a story that runs from `first` to `last`.
fn estimate(d: &DocAnalysis, first: Option<&str>, last: Option<&str>) -> Option<NaiveDate> {
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let first_day = first.or(last).and_then(parse)?;
    let last_day = last.or(first).and_then(parse)?;
    d.times
        .iter()
        .filter_map(|t| t.value.as_deref())
        .filter(|v| v.len() == 10)
        .filter_map(|v| match claimtrail_analysis::with_year(v, first_day) {
            Some(filled) => parse(&filled),
            None => parse(v),
        })
        .filter(|e| {
            (first_day - *e).num_days() <= STORY_WINDOW_DAYS
                && (*e - last_day).num_days() <= STORY_WINDOW_DAYS
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::TimeExpr;

    fn with_times(values: &[&str]) -> DocAnalysis {
        DocAnalysis {
            times: values
                .iter()
                .map(|v| TimeExpr {
                    value: Some((*v).into()),
                    ..TimeExpr::default()
                })
                .collect(),
            ..DocAnalysis::default()
        }
    }

    #[test]
    fn the_earliest_date_within_the_period_with_the_year_nearest_its_start() {
        let d = with_times(&["XXXX-12-30", "2024-12-31", "1990-01-01", "2024"]);
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            estimate(&d, Some("2025-01-03"), Some("2025-01-05")),
            day("2024-12-30")
        );
        // History far outside the period is no publication date.
        assert_eq!(
            estimate(&with_times(&["1990-01-01"]), Some("2025-01-03"), None),
            None
        );
        assert_eq!(estimate(&d, None, None), None);
    }
}
