//! Query parameters of the list endpoints. All are read as text and checked here, so that every
//! mistake is a 400 problem naming the parameter (not a deserializer's message), and a parameter
//! an endpoint cannot apply is refused rather than ignored, as the CLI refuses a filter.

use crate::problem::Problem;
use chrono::NaiveDate;
use claimtrail_ledger::Filter;
use serde::Deserialize;
use utoipa::IntoParams;

/// Largest page.
pub const MAX_LIMIT: usize = 500;
/// Page size when none is asked for.
pub const DEFAULT_LIMIT: usize = 50;

/// Every parameter any list accepts; each endpoint says which apply.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    pub since: Option<String>,
    pub until: Option<String>,
    pub text: Option<String>,
    pub entity: Option<String>,
    pub story: Option<String>,
    pub outlet: Option<String>,
    pub speaker: Option<String>,
    pub counted: Option<String>,
    pub q: Option<String>,
    pub interval: Option<String>,
    pub limit: Option<String>,
    pub cursor: Option<String>,
    pub format: Option<String>,
}

/// Pagination and output format (every list).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct PageParams {
    /// Rows per page, 1 to 500 (default 50).
    limit: Option<usize>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
    /// `json` (default), `jsonl` or `csv`; also chosen by `Accept` (`application/x-ndjson`,
    /// `text/csv`).
    format: Option<String>,
}

/// Restrictions on the documents rows come from.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ScopeParams {
    /// Publication dates from (inclusive), `YYYY-MM-DD`.
    since: Option<String>,
    /// Publication dates up to (inclusive), `YYYY-MM-DD`.
    until: Option<String>,
    /// Full-text query over title and text (SQLite FTS5 syntax).
    text: Option<String>,
    /// Only documents mentioning an entity (substring of its name).
    entity: Option<String>,
    /// Only documents of this story (its id).
    story: Option<i64>,
}

/// Documents only: the outlet.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct OutletParams {
    /// Substring of the outlet's name, any case.
    outlet: Option<String>,
}

/// Who speaks or claims.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SpeakerParams {
    /// Substring of the speaker's name (quotes, speakers, registry) or of who claims a figure.
    speaker: Option<String>,
}

/// What a figure counts.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct CountedParams {
    /// Substring of what a figure counts.
    counted: Option<String>,
}

/// The measure of a timeline.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct TimelineParams {
    /// What the figures measure, in words ("North Korean troops").
    q: String,
}

/// The search of an attention chart.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct AttentionParams {
    /// Full-text query (SQLite FTS5 syntax) whose documents are counted.
    q: String,
    /// `day` (default), `week` or `month`.
    interval: Option<String>,
    /// Publication dates from (inclusive), `YYYY-MM-DD`.
    since: Option<String>,
    /// Publication dates up to (inclusive), `YYYY-MM-DD`.
    until: Option<String>,
}

/// The names a group of parameters brings.
pub const SCOPE: &[&str] = &["since", "until", "text", "entity", "story"];
pub const PAGE: &[&str] = &["limit", "cursor", "format"];

impl ListQuery {
    fn given(&self) -> Vec<(&'static str, &Option<String>)> {
        vec![
            ("since", &self.since),
            ("until", &self.until),
            ("text", &self.text),
            ("entity", &self.entity),
            ("story", &self.story),
            ("outlet", &self.outlet),
            ("speaker", &self.speaker),
            ("counted", &self.counted),
            ("q", &self.q),
            ("interval", &self.interval),
            ("limit", &self.limit),
            ("cursor", &self.cursor),
            ("format", &self.format),
        ]
    }

    /// Refuses a parameter not among `groups` for a list of `rows`.
    pub fn only(&self, rows: &str, groups: &[&[&str]]) -> Result<(), Problem> {
        for (name, value) in self.given() {
            if value.is_some() && !groups.iter().any(|g| g.contains(&name)) {
                return Err(Problem::bad_request(format!(
                    "the `{name}` parameter does not apply to {rows}"
                )));
            }
        }
        Ok(())
    }

    /// The ledger filter these parameters ask for (no limit: pages are cut by the server).
    pub fn filter(&self) -> Result<Filter, Problem> {
        Ok(Filter {
            speaker: nonempty(&self.speaker),
            entity: nonempty(&self.entity),
            counted: nonempty(&self.counted),
            since: date("since", &self.since)?,
            until: date("until", &self.until)?,
            text: nonempty(&self.text),
            limit: None,
            story: match nonempty(&self.story) {
                None => None,
                Some(s) => Some(s.parse::<i64>().map_err(|_| {
                    Problem::bad_request(format!(
                        "`story` must be a story id (a number), not `{s}`"
                    ))
                })?),
            },
        })
    }

    /// The page size asked for, within bounds.
    pub fn limit(&self) -> Result<usize, Problem> {
        match nonempty(&self.limit) {
            None => Ok(DEFAULT_LIMIT),
            Some(l) => match l.parse::<usize>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
                _ => Err(Problem::bad_request(format!(
                    "`limit` must be a number from 1 to {MAX_LIMIT}, not `{l}`"
                ))),
            },
        }
    }

    /// A parameter that must be there.
    pub fn required(&self, name: &str, value: &Option<String>) -> Result<String, Problem> {
        nonempty(value)
            .ok_or_else(|| Problem::bad_request(format!("the `{name}` parameter is required")))
    }
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn date(name: &str, v: &Option<String>) -> Result<Option<NaiveDate>, Problem> {
    match nonempty(v) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                Problem::bad_request(format!("`{name}` must be a date as YYYY-MM-DD, not `{s}`"))
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_name_their_parameter() {
        let q = ListQuery {
            since: Some("yesterday".into()),
            ..ListQuery::default()
        };
        assert!(q.filter().unwrap_err().detail.contains("`since`"));
        for bad in ["0", "501", "-1", "ten"] {
            let q = ListQuery {
                limit: Some(bad.into()),
                ..ListQuery::default()
            };
            assert!(q.limit().unwrap_err().detail.contains("`limit`"), "{bad}");
        }
        let q = ListQuery {
            limit: Some("500".into()),
            ..ListQuery::default()
        };
        assert_eq!(q.limit().unwrap(), 500);
    }

    #[test]
    fn a_parameter_outside_the_groups_is_refused() {
        let q = ListQuery {
            outlet: Some("AP".into()),
            ..ListQuery::default()
        };
        assert!(q.only("stories", &[SCOPE, PAGE]).is_err());
        assert!(q.only("documents", &[SCOPE, PAGE, &["outlet"]]).is_ok());
    }
}
