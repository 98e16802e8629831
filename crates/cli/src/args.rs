//! Command-line arguments. Invalid options are rejected here, before any document is read.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "claimtrail",
    version,
    about = "A ledger of who said what, which numbers are claimed by whom, and when, across news outlets."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse pages and print one JSON object per document.
    Analyze(AnalyzeArgs),
    /// Analyse pages and store them in the ledger.
    Ingest(IngestArgs),
    /// Print the ledger: counts, documents, quotes and figures.
    Report(ReportArgs),
    /// List stored documents.
    Documents(QueryArgs),
    /// Show the stored analysis of one document (by id, id prefix or source path).
    Show(ShowArgs),
    /// List stored quotes.
    Quotes(QueryArgs),
    /// List stored figures.
    Figures(QueryArgs),
    /// List stored entities with mention counts and roles.
    Entities(QueryArgs),
    /// List stories (event-level clusters of documents).
    Stories(QueryArgs),
    /// Show one story: documents, speakers, quotes, figures.
    Story(StoryArgs),
    /// Figure timelines: figures measuring what QUERY names, across documents, in date order.
    Timeline(TimelineArgs),
    /// Speakers across documents.
    Speakers(QueryArgs),
    /// Wire copies and near-duplicates, each with the earliest appearance.
    Copies(QueryArgs),
    /// The quote registry: each quote once, with its appearances across outlets.
    Registry(QueryArgs),
    /// Measure accuracy and speed on an annotated data set.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Main-content extraction against WCXB ground truth: word precision/recall/F1, date,
    /// title and author, and pages/s on one core for the extraction stage alone.
    Extraction(EvalExtractionArgs),
}

#[derive(Args, Debug)]
pub struct EvalExtractionArgs {
    /// A WCXB directory: `ground-truth/ID.json` and `html/ID.html.gz` (or `html/ID.html`).
    #[arg(long)]
    pub wcxb: PathBuf,
    /// Also list every page with its scores, worst word F1 first. With `--format csv|jsonl`
    /// stdout then holds only the page rows, and the summary goes to stderr as a table.
    #[arg(long)]
    pub pages: bool,
    #[arg(long, value_enum, default_value_t = RowFormat::Table)]
    pub format: RowFormat,
}

#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Inputs: files, directories (walked recursively), `-` for stdin; `.gz` is read transparently.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// The inputs are already clean article text.
    #[arg(long)]
    pub plain: bool,
    /// Reference date for resolving relative dates (YYYY-MM-DD); overrides the page's own.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<String>,
    /// Documents analysed together in one parallel batch.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
    /// Largest document accepted, in MiB.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_mib: u64,
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Jsonl)]
    pub format: AnalyzeFormat,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalyzeFormat {
    Jsonl,
    Json,
    Table,
}

#[derive(Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The ledger file.
    #[arg(long, default_value = "claimtrail.db")]
    pub db: PathBuf,
    /// Print no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Args, Debug)]
pub struct QueryArgs {
    #[arg(long, default_value = "claimtrail.db")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value_t = RowFormat::Table)]
    pub format: RowFormat,
    /// Quotes by, or figures claimed by, a speaker (substring of the name).
    #[arg(long)]
    pub speaker: Option<String>,
    /// Documents mentioning an entity (substring of its name).
    #[arg(long)]
    pub entity: Option<String>,
    /// Figures counting something (substring of the counted phrase).
    #[arg(long)]
    pub counted: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<String>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<String>,
    /// Full-text search over titles and article text (SQLite FTS5 syntax).
    #[arg(long)]
    pub text: Option<String>,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Document id (or a prefix of at least 6 characters) or source path.
    pub key: String,
    #[arg(long, default_value = "claimtrail.db")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Table)]
    pub format: AnalyzeFormat,
}

fn parse_date(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

impl InputArgs {
    pub fn run_options(&self) -> crate::pipeline::RunOptions {
        crate::pipeline::RunOptions {
            plain: self.plain,
            analysis: claimtrail_analysis::Options {
                published: self.published.clone(),
            },
            limits: claimtrail_page::Limits {
                max_document_bytes: self.max_mib << 20,
                ..Default::default()
            },
            batch_size: self.batch as usize,
        }
    }
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[arg(long, default_value = "claimtrail.db")]
    pub db: PathBuf,
}

#[derive(Args, Debug)]
pub struct StoryArgs {
    /// Story id (from `claimtrail stories`).
    pub id: i64,
    #[arg(long, default_value = "claimtrail.db")]
    pub db: PathBuf,
    #[arg(long, value_enum, default_value_t = RowFormat::Table)]
    pub format: RowFormat,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// What is counted, e.g. "North Korean troops".
    pub query: String,
    #[command(flatten)]
    pub q: QueryArgs,
}
