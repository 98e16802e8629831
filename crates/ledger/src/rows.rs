//! Query result rows. Field order is column order in every output format.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub source: String,
    pub quotes: i64,
    pub figures: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub published: Option<String>,
    pub speaker: Option<String>,
    pub kind: String,
    pub cue: Option<String>,
    pub text: String,
    pub document: String,
    pub source: String,
    pub start: i64,
    pub end: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    pub date: Option<String>,
    pub text: String,
    pub value: Option<f64>,
    pub hedge: String,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub claimed_by: Option<String>,
    pub document: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRow {
    pub canonical: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mentions: i64,
    pub documents: i64,
    /// Other names the entity goes by in the documents ("Kirby" for "John Kirby").
    pub aliases: Vec<String>,
    /// Roles and titles seen with the entity, in the order they first appeared.
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRow {
    pub id: i64,
    pub title: Option<String>,
    /// Source paths of the story's documents, earliest first: at most
    /// [`STORY_MEMBERS_LISTED`](crate::STORY_MEMBERS_LISTED) of them.
    pub documents: Vec<String>,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// How many documents the story holds (those matching the filter, when it narrows them).
    pub size: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyRow {
    pub document: String,
    pub source: String,
    pub original: String,
    pub original_source: String,
    pub similarity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRow {
    pub speaker: String,
    pub quotes: i64,
    pub documents: i64,
    pub roles: Vec<String>,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// One point of a figure timeline: a figure of a measure, as claimed in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineRow {
    pub measure: String,
    pub date: Option<String>,
    pub value: Option<f64>,
    pub hedge: String,
    pub text: String,
    pub claimed_by: Option<String>,
    pub document: String,
    pub source: String,
}

/// A quote of the registry with how often and where first it appeared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegistryQuoteRow {
    pub id: i64,
    pub speaker: Option<String>,
    pub appearances: i64,
    pub first_date: Option<String>,
    pub first_source: String,
    pub text: String,
}

/// A measure: what figures count, normalised ("korean north troop"), across documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasureRow {
    pub measure: String,
    pub figures: i64,
    pub documents: i64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// The ledger at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub counts: crate::Counts,
    /// Stories with the latest news first.
    pub latest_stories: Vec<StoryRow>,
    /// Speakers quoted in the most documents.
    pub top_speakers: Vec<SpeakerRow>,
    /// Measures given by the most documents.
    pub top_measures: Vec<MeasureRow>,
}

/// One speaker's page: their row, quotes counted per month and per outlet, and their latest
/// quotes. Counts come from figures the ledger keeps at ingest (schema step 3), so the page
/// costs the same however often the speaker is quoted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerProfile {
    /// Their row, roles in alphabetical order.
    pub speaker: SpeakerRow,
    /// (`YYYY-MM`, quotes) in order, by publication date (else the estimated date).
    pub months: Vec<(String, i64)>,
    /// (outlet, quotes), most quotes first, then by outlet (none first).
    pub outlets: Vec<(Option<String>, i64)>,
    /// The latest stored quotes (as many as asked), by publication date.
    pub quotes: Vec<QuoteRow>,
}
