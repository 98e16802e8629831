//! What linking asks of a backend: indexed lookups and writes on the link tables, inside the
//! transaction that stores the document. No decisions: each method does what its SQL says, and
//! the callers in `linking` decide.

use crate::Result;
use std::collections::HashMap;

/// A term vector: (term, weight); a document's is unit length, a story's the sum of its members'.
pub type TermVector = Vec<(String, f64)>;

/// What the story assignment needs to know of a story.
#[derive(Debug, Clone)]
pub struct StoryInfo {
    pub size: i64,
    /// Squared norm of the centroid.
    pub norm2: f64,
    pub first: Option<String>,
    pub last: Option<String>,
}

/// The link tables of one backend, within a writing transaction. Ids are the ledger's integer
/// keys (documents, stories, registry quotes).
pub trait LinkRows {
    // Wire copies.

    /// The earliest other document with this content id.
    fn same_content(&mut self, content_id: &str, except: i64) -> Result<Option<i64>>;
    /// Documents in one LSH bucket, newest first, at most `limit`.
    fn bucket(&mut self, band: usize, key: i64, limit: i64) -> Result<Vec<i64>>;
    /// A document's stored MinHash signature bytes.
    fn signature(&mut self, doc: i64) -> Result<Option<Vec<u8>>>;
    /// Stores a document's signature and its LSH postings (in band order).
    fn index_signature(&mut self, doc: i64, signature: &[u8], keys: &[i64]) -> Result<()>;
    fn syndicated(&mut self, doc: i64) -> Result<bool>;
    fn agencies(&mut self, doc: i64) -> Result<Vec<String>>;
    /// A document's publication date and origin (URL, else path): the order of appearances.
    fn appearance(&mut self, doc: i64) -> Result<(Option<String>, String)>;
    /// The original a document is recorded as a copy of.
    fn original_of(&mut self, doc: i64) -> Result<Option<i64>>;
    /// Records `doc` as a copy of `original` (replacing an earlier record of `doc`).
    fn set_copy(&mut self, doc: i64, original: i64, similarity: f64) -> Result<()>;
    /// Makes every copy of `from` a copy of `to`.
    fn reroot_copies(&mut self, from: i64, to: i64) -> Result<()>;

    // Stories.

    /// Documents in the ledger (ids are never reused, so the largest id).
    fn document_count(&mut self) -> Result<i64>;
    /// Counts one more document for each of `terms` (distinct) and returns their document
    /// frequencies, in the same order.
    fn count_terms(&mut self, terms: &[&str]) -> Result<Vec<i64>>;
    /// The heaviest `limit` stories of each term: (story, weight), heaviest first, ties to the
    /// lowest story id.
    fn postings(&mut self, terms: &[&str], limit: i64) -> Result<HashMap<String, Vec<(i64, f64)>>>;
    fn story(&mut self, story: i64) -> Result<Option<StoryInfo>>;
    fn story_of(&mut self, doc: i64) -> Result<Option<i64>>;
    /// A new empty story (size 0, centroid 0) dated `date`; its id.
    fn new_story(&mut self, title: Option<&str>, date: Option<&str>) -> Result<i64>;
    /// The centroid weights a story has for `terms` (absent terms left out).
    fn story_weights(&mut self, story: i64, terms: &[&str]) -> Result<HashMap<String, f64>>;
    /// Adds `vector` to a story's centroid and `norm2_delta` to its squared norm.
    fn add_weights(&mut self, story: i64, vector: &[(String, f64)], norm2_delta: f64)
        -> Result<()>;
    /// Adds `members` to a story's size, widens its dates to `first`..`last` and gives it
    /// `title` if it has none.
    fn grow_story(
        &mut self,
        story: i64,
        members: i64,
        dates: (Option<&str>, Option<&str>),
        title: Option<&str>,
    ) -> Result<()>;
    /// Puts a document in a story (replacing its earlier story).
    fn place_document(&mut self, doc: i64, story: i64, similarity: f64) -> Result<()>;
    /// A story's centroid, in term order.
    fn story_vector(&mut self, story: i64) -> Result<TermVector>;
    /// Moves the documents of story `from` to `into`, with their speakers' counts, and deletes
    /// `from` (whose centroid terms are `terms`).
    fn move_story(&mut self, from: i64, into: i64, similarity: f64, terms: &[&str]) -> Result<()>;

    // The quote registry, figures and dates.

    /// Registry quotes holding a shingle, newest first, at most `limit`.
    fn quotes_with_shingle(&mut self, shingle: u64, limit: i64) -> Result<Vec<i64>>;
    /// How many shingles a registry quote has.
    fn quote_shingles(&mut self, quote: i64) -> Result<i64>;
    /// Makes `doc` (dated `published`) a registry quote's first appearance if it comes
    /// before the current one (by date, a dated one first, then by origin).
    fn quote_seen_earlier(&mut self, quote: i64, doc: i64, published: Option<&str>) -> Result<()>;
    /// A new registry quote first seen in `doc`, indexed by its shingles; its id.
    fn new_quote(
        &mut self,
        text: &str,
        speaker: Option<&str>,
        shingles: &[u64],
        doc: i64,
        published: Option<&str>,
    ) -> Result<i64>;
    /// Records that the quote at `position` of `doc` is the registry quote `quote`.
    fn quote_appearance(&mut self, doc: i64, position: usize, quote: i64) -> Result<()>;
    /// Counts `doc` once more among the documents of registry quote `quote`.
    fn count_quote_document(&mut self, quote: i64) -> Result<()>;
    /// The measure keys of a document's figures, by position, each with its head noun
    /// (`heads[i]` for `measures[i]`); a figure's timeline date is its own, else its document's.
    fn add_measures(
        &mut self,
        doc: i64,
        measures: &[(usize, String)],
        heads: &[&str],
    ) -> Result<()>;
    /// Adds `doc`'s quotes to its speakers' counts (per day and outlet: the document's) and to
    /// its story's speakers, a speaker with its number of quotes in `doc`.
    fn add_speaker_counts(&mut self, doc: i64, quotes: &[(&str, i64)]) -> Result<()>;
    /// Roles the speakers were given in `doc`, (speaker, role), for the ledger and `doc`'s story.
    fn add_speaker_roles(&mut self, doc: i64, roles: &[(&str, &str)]) -> Result<()>;
    /// The date estimated for an undated document.
    fn set_estimated(&mut self, doc: i64, date: &str) -> Result<()>;
}
