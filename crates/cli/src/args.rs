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
    /// The ledger at a glance: counts, latest stories, top speakers and measures (`--all`:
    /// every document, quote and figure).
    Report(ReportArgs),
    /// List stored documents.
    Documents(ListArgs),
    /// Show the stored analysis of one document (by id, id prefix or source path).
    Show(ShowArgs),
    /// List stored quotes.
    Quotes(SpeakerListArgs),
    /// List stored figures.
    Figures(FigureListArgs),
    /// List stored entities with mention counts and roles.
    Entities(ListArgs),
    /// List stories (event-level clusters of documents).
    Stories(ListArgs),
    /// Show one story: documents, speakers, quotes, figures.
    Story(StoryArgs),
    /// Figure timelines: figures measuring what QUERY names, across documents, in date order.
    Timeline(TimelineArgs),
    /// Speakers across documents.
    Speakers(SpeakerListArgs),
    /// Wire copies and near-duplicates, each with the earliest appearance.
    Copies(ListArgs),
    /// The quote registry: each quote once, with its appearances across outlets.
    Registry(SpeakerListArgs),
    /// Bring a ledger written by an earlier claimtrail to the current schema (ingest does it too).
    Migrate(MigrateArgs),
    /// Write whole tables (JSON Lines, CSV, Parquet) or schema.org Claim JSON-LD to a directory.
    Export(ExportArgs),
    /// Read a JSON Lines export (from `export --format jsonl`) into a ledger.
    Import(ImportArgs),
    /// Serve the ledger over HTTP: a JSON API under /api/v1 and a web UI (read-only unless
    /// --allow-ingest).
    Serve(ServeArgs),
    /// Copy a ledger into another (SQLite file ⇄ PostgreSQL): every document replayed in the
    /// order it was stored, so the copy links exactly as the original did.
    Copy(CopyArgs),
    /// The work queue of a PostgreSQL ledger: units of input that workers claim.
    #[command(subcommand)]
    Queue(QueueCommand),
    /// Claim queued units and ingest them into a PostgreSQL ledger; start any number of workers
    /// on any machine that reaches the database.
    Work(WorkArgs),
    /// Follow outlets once: read feeds, sitemaps, home pages and URL lists, fetch new pages
    /// politely, archive them as WARC and ingest them from the archive.
    #[cfg(feature = "collect")]
    Collect(CollectArgs),
    /// `collect` on a schedule until stopped (SIGINT or SIGTERM end it after the cycle's
    /// requests in flight).
    #[cfg(feature = "collect")]
    Watch(WatchArgs),
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
    pub published: Option<chrono::NaiveDate>,
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
    /// Print no progress line (there is one on stderr only when stderr is a terminal).
    #[arg(long, short)]
    pub quiet: bool,
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
    #[command(flatten)]
    pub ledger: LedgerArg,
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

/// The ledger, for every command that reads or writes one.
#[derive(Args, Debug, Clone)]
pub struct LedgerArg {
    /// The ledger: a SQLite file, or a PostgreSQL database as `postgres://USER@HOST/DB`.
    /// Default: the CLAIMTRAIL_DB environment variable, else ./claimtrail.db.
    #[arg(long, env = "CLAIMTRAIL_DB", default_value = "claimtrail.db")]
    pub db: PathBuf,
}

impl LedgerArg {
    /// The file path or URL as given.
    pub fn name(&self) -> String {
        self.db.to_string_lossy().into_owned()
    }

    /// The ledger as messages name it (a URL without its password).
    pub fn shown(&self) -> String {
        claimtrail_ledger::shown(&self.name())
    }

    pub fn is_postgres(&self) -> bool {
        claimtrail_ledger::is_postgres_url(&self.name())
    }
}

/// Output and the restrictions every list applies to its documents.
#[derive(Args, Debug, Clone)]
pub struct ListArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
    #[arg(long, value_enum, default_value_t = RowFormat::Table)]
    pub format: RowFormat,
    /// Only documents mentioning an entity (substring of its name).
    #[arg(long)]
    pub entity: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Published on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<chrono::NaiveDate>,
    /// Only documents matching a full-text query over titles and article text, in SQLite FTS5
    /// syntax: words (all must occur), "a phrase", OR, NOT, prefix*, NEAR(a b).
    #[arg(long)]
    pub text: Option<String>,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// A list that can also be restricted to a speaker.
#[derive(Args, Debug, Clone)]
pub struct SpeakerListArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Only quotes by, or figures claimed by, a speaker (substring of the name).
    #[arg(long)]
    pub speaker: Option<String>,
}

/// Figures: also restricted to what they count.
#[derive(Args, Debug, Clone)]
pub struct FigureListArgs {
    #[command(flatten)]
    pub list: SpeakerListArgs,
    /// Only figures counting something (substring of the counted phrase).
    #[arg(long)]
    pub counted: Option<String>,
}

impl ListArgs {
    pub fn filter(&self) -> claimtrail_ledger::Filter {
        claimtrail_ledger::Filter {
            entity: self.entity.clone(),
            since: self.since,
            until: self.until,
            text: self.text.clone(),
            limit: self.limit,
            ..Default::default()
        }
    }
}

impl SpeakerListArgs {
    pub fn filter(&self) -> claimtrail_ledger::Filter {
        claimtrail_ledger::Filter {
            speaker: self.speaker.clone(),
            ..self.list.filter()
        }
    }
}

impl FigureListArgs {
    pub fn filter(&self) -> claimtrail_ledger::Filter {
        claimtrail_ledger::Filter {
            counted: self.counted.clone(),
            ..self.list.filter()
        }
    }
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Document id (or a prefix of at least 6 characters), or its source path (as given at
    /// ingest, or any path to the same file).
    pub key: String,
    #[command(flatten)]
    pub ledger: LedgerArg,
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Table)]
    pub format: AnalyzeFormat,
}

/// What `collect` and `watch` read and how politely.
#[cfg(feature = "collect")]
#[derive(Args, Debug, Clone)]
pub struct CollectArgs {
    /// Sources: feed (RSS, Atom, JSON Feed), sitemap or home page URLs, and files of page URLs
    /// (one a line).
    pub sources: Vec<String>,
    /// A file of sources, one a line; `#` starts a comment. May be given more than once.
    #[arg(long = "sources", value_name = "FILE")]
    pub sources_files: Vec<PathBuf>,
    #[command(flatten)]
    pub ledger: LedgerArg,
    /// Where the WARC files go.
    #[arg(long, default_value = "archive")]
    pub archive: PathBuf,
    /// How a site can reach you (an e-mail address or a URL), sent in the User-Agent.
    #[arg(long, env = "CLAIMTRAIL_CONTACT")]
    pub contact: Option<String>,
    /// Least time between two requests to one host (`1s`, `500ms`, `2m`).
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    pub delay: std::time::Duration,
    /// Most requests at once to one host.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub per_host: u32,
    /// Most requests at once in all.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub workers: u32,
    /// Time limit of one request, its body included.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
    /// Largest response body accepted, in MiB (as it comes; once decoded, `--max-mib`).
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_body_mib: u64,
    /// Largest document accepted once decoded, in MiB.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_mib: u64,
    /// Tries after the first on 429, 5xx or a broken connection.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,
    /// The first retry's wait, doubled on each further one (unless Retry-After says).
    #[arg(long, default_value = "1s", value_parser = parse_duration)]
    pub backoff: std::time::Duration,
    /// The longest Retry-After waited for within a cycle; a longer one holds the host until a
    /// later cycle.
    #[arg(long, default_value = "2m", value_parser = parse_duration)]
    pub max_retry_wait: std::time::Duration,
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(0..=20))]
    pub max_redirects: u32,
    /// A WARC file is closed once it passes this size, in MiB.
    #[arg(long, default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub warc_max_mib: u64,
}

#[cfg(feature = "collect")]
#[derive(Args, Debug, Clone)]
pub struct WatchArgs {
    #[command(flatten)]
    pub collect: CollectArgs,
    /// Time from one cycle's start to the next (`15m`, `1h`, `30s`).
    #[arg(long, default_value = "15m", value_parser = parse_duration)]
    pub every: std::time::Duration,
    /// Stop after this many cycles (default: until stopped).
    #[arg(long)]
    pub cycles: Option<u64>,
}

/// `250ms`, `30s`, `15m`, `2h`, or a number of seconds.
pub fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: f64 = n
        .parse()
        .map_err(|_| format!("`{s}` is not a duration such as 500ms, 30s, 15m or 2h"))?;
    let secs = match unit.trim() {
        "ms" => n / 1000.0,
        "" | "s" => n,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        "d" => n * 86400.0,
        _ => return Err(format!("`{s}`: unknown unit (ms, s, m, h or d)")),
    };
    if !secs.is_finite() || !(0.0..=365.0 * 86400.0).contains(&secs) {
        return Err(format!("`{s}` is out of range"));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

impl InputArgs {
    pub fn run_options(&self) -> claimtrail_pipeline::RunOptions {
        claimtrail_pipeline::RunOptions {
            plain: self.plain,
            analysis: claimtrail_analysis::Options {
                published: self.published,
                ..Default::default()
            },
            limits: claimtrail_pipeline::Limits {
                max_document_bytes: self.max_mib << 20,
            },
            batch_size: self.batch as usize,
            ..Default::default()
        }
    }
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
    /// Every document, quote and figure, and the 25 most mentioned entities, instead of the
    /// summary.
    #[arg(long)]
    pub all: bool,
}

#[derive(Args, Debug)]
pub struct StoryArgs {
    /// Story id (from `claimtrail stories`).
    pub id: i64,
    #[command(flatten)]
    pub ledger: LedgerArg,
    #[arg(long, value_enum, default_value_t = RowFormat::Table)]
    pub format: RowFormat,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// What is counted, e.g. "North Korean troops".
    pub query: String,
    #[command(flatten)]
    pub q: SpeakerListArgs,
}

#[derive(Args, Debug)]
pub struct CopyArgs {
    /// The ledger to copy: a SQLite file or a `postgres://` URL.
    #[arg(long)]
    pub from: String,
    /// The ledger to copy into (created when missing; documents it holds already are kept).
    #[arg(long)]
    pub to: String,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
}

#[derive(Subcommand, Debug)]
pub enum QueueCommand {
    /// Queue inputs as work units: files in walk order (directories walked), several small ones
    /// to a unit, a large one alone.
    Add(QueueAddArgs),
    /// Units by state, documents committed, and parked units with their errors.
    Status(QueueStatusArgs),
}

#[derive(Args, Debug)]
pub struct QueueAddArgs {
    /// Files or directories (walked recursively).
    #[arg(required = true)]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub ledger: LedgerArg,
    /// The inputs are already clean article text.
    #[arg(long)]
    pub plain: bool,
    /// Reference date for resolving relative dates (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// Most files in one unit (a unit is claimed, analysed in parallel batches and finished by
    /// one worker; one-file units leave a worker's other cores idle and pay the claim per file).
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub unit_files: u32,
    /// Most MiB of files in one unit (a larger file is a unit of its own).
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
    pub unit_mib: u64,
}

#[derive(Args, Debug)]
pub struct QueueStatusArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
    #[arg(long, value_enum, default_value_t = RowFormat::Table)]
    pub format: RowFormat,
}

#[derive(Args, Debug)]
pub struct WorkArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
    /// Exit once no unit is queued or running (else wait for more).
    #[arg(long)]
    pub until_done: bool,
    /// Seconds a claim holds without a heartbeat before another worker may take the unit.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u32).range(3..=86_400))]
    pub lease_secs: u32,
    /// Documents analysed together in one parallel batch (and committed together).
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
    /// Largest document accepted, in MiB.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_mib: u64,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    /// Typed columns, zstd (in builds with the `parquet` feature).
    Parquet,
    /// schema.org Claim objects for quotes and figures, one JSON-LD document.
    ClaimJsonld,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Directory for the files (created if missing; files of the same name are replaced).
    #[arg(long)]
    pub out: PathBuf,
    /// Only documents published on or after this date (YYYY-MM-DD), and their rows.
    #[arg(long, value_parser = parse_date)]
    pub since: Option<chrono::NaiveDate>,
    /// Only documents published on or before this date (YYYY-MM-DD), and their rows.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<chrono::NaiveDate>,
    /// Only the documents of this story, and their rows.
    #[arg(long)]
    pub story: Option<i64>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
    /// A directory written by `claimtrail export --format jsonl`.
    #[arg(long)]
    pub from: PathBuf,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub ledger: LedgerArg,
    /// Address to listen on. Loopback by default: other machines reach it only when told so.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: std::net::SocketAddr,
    /// Read connections (and so queries running at once).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub readers: u16,
    /// A query running longer than this many seconds is stopped (503).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub query_timeout: u64,
    /// Accept documents at POST /api/v1/documents (needs --token-file).
    #[arg(long, requires = "token_file")]
    pub allow_ingest: bool,
    /// A file holding the bearer token writers must present (its first line).
    #[arg(long)]
    pub token_file: Option<PathBuf>,
    /// Largest document accepted by POST, in MiB.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub max_body_mib: u64,
}
