//! What a listing yields: the pages it names (`Entry`) and the further sources it points to
//! (`Listing`). Its own module so that the readers of each kind (`sitemap`, `loose_feed`) and
//! `listing`, which chooses among them, all build the same types without importing each other.

use sha2::{Digest, Sha256};

/// Longest title or date kept from a listing entry.
const MAX_FIELD: usize = 1024;

/// A page a listing names, with what the listing says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// As written in the listing (resolved and cleaned by the caller).
    pub url: String,
    /// The entry's date (ISO 8601), a hint for a page without one.
    pub published: Option<String>,
    pub title: Option<String>,
}

impl Entry {
    pub fn new(url: String, published: Option<String>, title: Option<String>) -> Self {
        let field = |s: Option<String>| {
            s.map(|s| {
                let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
                s.chars().take(MAX_FIELD).collect::<String>()
            })
            .filter(|s| !s.is_empty())
        };
        Entry {
            url,
            published: field(published),
            title: field(title),
        }
    }

    /// A hash of what the listing says about the page (its URL as fetched, date and title): a
    /// page is fetched again only when this changes.
    pub fn fingerprint(&self, url: &str) -> String {
        let mut h = Sha256::new();
        for part in [Some(url), self.published.as_deref(), self.title.as_deref()] {
            h.update(part.unwrap_or("").as_bytes());
            h.update([0]);
        }
        h.finalize()[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// What one source lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    pub entries: Vec<Entry>,
    /// Further sources to read (as written).
    pub children: Vec<String>,
    /// Something the caller should report (entries left out).
    pub note: Option<String>,
}
