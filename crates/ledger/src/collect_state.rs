//! The collector's state (`claimtrail collect` / `watch`), kept beside the documents so that a
//! restarted collector resumes: which pages it met and in what state, feed validators, host
//! back-offs, and how much of each WARC file holds whole records. Schema step 4; the embedded
//! backend implements it ([`SqliteStore`](crate::SqliteStore)'s `collect_*` methods).

/// Where a page stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageState {
    /// Its response is in a WARC file (at [`PageRecord::archive`], [`PageRecord::offset`]) but
    /// not yet in the ledger: a restart ingests it from there instead of fetching it again.
    Archived,
    /// In the ledger (or deliberately not: not HTML, an error status); not fetched again unless
    /// its listing entry changes.
    Stored,
    /// Could not be fetched; tried again on a later cycle, up to a limit.
    Failed,
}

impl PageState {
    pub fn as_str(self) -> &'static str {
        match self {
            PageState::Archived => "archived",
            PageState::Stored => "stored",
            PageState::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "archived" => Some(PageState::Archived),
            "stored" => Some(PageState::Stored),
            "failed" => Some(PageState::Failed),
            _ => None,
        }
    }
}

/// One page the collector has met, by its normalised URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRecord {
    pub url: String,
    /// A hash of the listing entry that named the page (its URL, date and title).
    pub fingerprint: String,
    pub state: PageState,
    pub failures: u32,
    /// The WARC file (its name in the archive directory) holding the response record.
    pub archive: Option<String>,
    /// The byte offset of the record pair (request, response) in that file.
    pub offset: Option<u64>,
    /// The response record's ordinal in that file (readers name documents `FILE#N`).
    pub record: Option<u64>,
    /// The URL the page declared canonical.
    pub canonical: Option<String>,
    /// What the listing entry said (kept so that a failed page is tried again with them).
    pub listed_date: Option<String>,
    pub listed_title: Option<String>,
}

/// A feed's or sitemap's validators for conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}
