//! The API's row types: the ledger's rows with their field names (as `analyze` and the CLI's
//! JSON Lines write them), described for the OpenAPI document. Each list row has a key that
//! identifies it in its list, which the pagination cursor carries.

use claimtrail_analysis::DocAnalysis;
use serde::Serialize;
use utoipa::ToSchema;

/// A row's identity in its list (what a cursor points after).
pub trait Keyed {
    /// The fields that identify the row, joined; never shown to clients as such.
    fn key(&self) -> String;
}

macro_rules! mirror {
    ($(#[$m:meta])* $name:ident from $src:path { $($(#[$fm:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
        pub struct $name { $($(#[$fm])* pub $field: $ty),* }
        impl From<$src> for $name {
            fn from(r: $src) -> Self { $name { $($field: r.$field),* } }
        }
    };
}

mirror!(
    /// A stored document (one appearance: content and origin).
    DocumentRow from claimtrail_ledger::DocumentRow {
        /// Content id (hash of the raw bytes), as `analyze` writes it.
        id: String,
        published: Option<String>,
        outlet: Option<String>,
        title: Option<String>,
        /// The path as given at ingest.
        source: String,
        quotes: i64,
        figures: i64,
    }
);

mirror!(
    /// A quote with its document and byte span.
    QuoteRow from claimtrail_ledger::QuoteRow {
        published: Option<String>,
        speaker: Option<String>,
        /// `direct`, `indirect` or `mixed`.
        kind: String,
        cue: Option<String>,
        text: String,
        /// The document's content id.
        document: String,
        source: String,
        start: i64,
        end: i64,
    }
);

mirror!(
    /// A figure with its document.
    FigureRow from claimtrail_ledger::FigureRow {
        date: Option<String>,
        text: String,
        value: Option<f64>,
        hedge: String,
        unit: Option<String>,
        counted: Option<String>,
        claimed_by: Option<String>,
        document: String,
        source: String,
    }
);

mirror!(
    /// A story: an event-level cluster of documents.
    StoryRow from claimtrail_ledger::StoryRow {
        id: i64,
        title: Option<String>,
        /// Sources of its earliest documents (at most 100), earliest first.
        documents: Vec<String>,
        first_seen: Option<String>,
        last_seen: Option<String>,
        /// How many documents it holds.
        size: i64,
    }
);

mirror!(
    /// A wire copy or near-duplicate and the earliest appearance it links to.
    CopyRow from claimtrail_ledger::CopyRow {
        document: String,
        source: String,
        original: String,
        original_source: String,
        similarity: f64,
    }
);

mirror!(
    /// A speaker across documents.
    SpeakerRow from claimtrail_ledger::SpeakerRow {
        speaker: String,
        quotes: i64,
        documents: i64,
        roles: Vec<String>,
        first_seen: Option<String>,
        last_seen: Option<String>,
    }
);

mirror!(
    /// One point of a figure timeline.
    TimelineRow from claimtrail_ledger::TimelineRow {
        /// The measure's normalised key.
        measure: String,
        date: Option<String>,
        value: Option<f64>,
        hedge: String,
        text: String,
        claimed_by: Option<String>,
        document: String,
        source: String,
    }
);

mirror!(
    /// A quote of the registry: each quote once across outlets.
    RegistryQuoteRow from claimtrail_ledger::RegistryQuoteRow {
        id: i64,
        speaker: Option<String>,
        /// Documents it appears in.
        appearances: i64,
        first_date: Option<String>,
        first_source: String,
        text: String,
    }
);

mirror!(
    /// A measure (what figures count, normalised) across documents.
    MeasureRow from claimtrail_ledger::MeasureRow {
        measure: String,
        figures: i64,
        documents: i64,
        first_date: Option<String>,
        last_date: Option<String>,
    }
);

mirror!(
    /// How many rows of each kind the ledger holds.
    Counts from claimtrail_ledger::Counts {
        documents: i64,
        entities: i64,
        quotes: i64,
        figures: i64,
        times: i64,
        stories: i64,
        copies: i64,
    }
);

fn join(parts: &[&str]) -> String {
    parts.join("\u{1f}")
}

impl Keyed for DocumentRow {
    fn key(&self) -> String {
        join(&[&self.id, &self.source])
    }
}
impl Keyed for QuoteRow {
    fn key(&self) -> String {
        join(&[
            &self.document,
            &self.source,
            &self.start.to_string(),
            &self.end.to_string(),
        ])
    }
}
impl Keyed for FigureRow {
    fn key(&self) -> String {
        join(&[&self.document, &self.source, &self.text])
    }
}
impl Keyed for StoryRow {
    fn key(&self) -> String {
        self.id.to_string()
    }
}
impl Keyed for CopyRow {
    fn key(&self) -> String {
        join(&[&self.document, &self.source])
    }
}
impl Keyed for SpeakerRow {
    fn key(&self) -> String {
        self.speaker.clone()
    }
}
impl Keyed for TimelineRow {
    fn key(&self) -> String {
        join(&[&self.measure, &self.document, &self.source, &self.text])
    }
}
impl Keyed for RegistryQuoteRow {
    fn key(&self) -> String {
        self.id.to_string()
    }
}
impl Keyed for MeasureRow {
    fn key(&self) -> String {
        self.measure.clone()
    }
}

/// The ledger at a glance.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Summary {
    pub counts: Counts,
    pub latest_stories: Vec<StoryRow>,
    pub top_speakers: Vec<SpeakerRow>,
    pub top_measures: Vec<MeasureRow>,
}

impl From<claimtrail_ledger::Summary> for Summary {
    fn from(s: claimtrail_ledger::Summary) -> Self {
        Summary {
            counts: s.counts.into(),
            latest_stories: s.latest_stories.into_iter().map(Into::into).collect(),
            top_speakers: s.top_speakers.into_iter().map(Into::into).collect(),
            top_measures: s.top_measures.into_iter().map(Into::into).collect(),
        }
    }
}

/// A named entity mention, as a byte span of the text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EntitySpan {
    pub text: String,
    /// PERSON, ORG, GPE, LOC, NORP or MISC.
    #[serde(rename = "type")]
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub canonical: String,
    pub role: Option<String>,
}

/// A quote, as a byte span of the text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteSpan {
    pub text: String,
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_mention: Option<String>,
    pub speaker_type: Option<String>,
    pub role: Option<String>,
    pub cue: Option<String>,
}

/// A figure, as a byte span of the text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FigureSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: String,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
}

/// A time expression, as a byte span of the text.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimeSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// A TimeML value.
    pub value: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
}

/// One document as `analyze` writes it: text, metadata, and every item as a byte span.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Document {
    pub source: String,
    pub id: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub agencies: Vec<String>,
    pub syndicated: bool,
    pub dateline: Option<String>,
    pub language: Option<String>,
    pub text: String,
    pub entities: Vec<EntitySpan>,
    pub quotes: Vec<QuoteSpan>,
    pub figures: Vec<FigureSpan>,
    pub times: Vec<TimeSpan>,
    pub warnings: Vec<String>,
}

/// A contract enum as the string the contract writes for it.
fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

impl From<DocAnalysis> for Document {
    fn from(d: DocAnalysis) -> Self {
        Document {
            entities: d
                .entities
                .into_iter()
                .map(|e| EntitySpan {
                    kind: name(&e.kind),
                    text: e.text,
                    start: e.start,
                    end: e.end,
                    canonical: e.canonical,
                    role: e.role,
                })
                .collect(),
            quotes: d
                .quotes
                .into_iter()
                .map(|q| QuoteSpan {
                    kind: name(&q.kind),
                    speaker_type: q.speaker_type.as_ref().map(name),
                    text: q.text,
                    start: q.start,
                    end: q.end,
                    speaker: q.speaker,
                    speaker_mention: q.speaker_mention,
                    role: q.role,
                    cue: q.cue,
                })
                .collect(),
            figures: d
                .figures
                .into_iter()
                .map(|f| FigureSpan {
                    hedge: name(&f.hedge),
                    text: f.text,
                    start: f.start,
                    end: f.end,
                    value: f.value,
                    low: f.low,
                    high: f.high,
                    unit: f.unit,
                    counted: f.counted,
                    source: f.source,
                    date: f.date,
                })
                .collect(),
            times: d
                .times
                .into_iter()
                .map(|t| TimeSpan {
                    kind: name(&t.kind),
                    text: t.text,
                    start: t.start,
                    end: t.end,
                    value: t.value,
                })
                .collect(),
            source: d.source,
            id: d.id,
            url: d.url,
            outlet: d.outlet,
            title: d.title,
            published: d.published.map(|p| p.to_string()),
            authors: d.authors,
            agencies: d.agencies,
            syndicated: d.syndicated,
            dateline: d.dateline,
            language: d.language,
            text: d.text,
            warnings: d.warnings,
        }
    }
}
