//! Where a document came from: with its content id, the key of a stored document. The same
//! bytes from two URLs (two outlets) or two files are two appearances of one text; the same bytes
//! from the same place again are one.

use sha2::{Digest, Sha256};
use std::path::Path;

/// The longest origin stored as written, in bytes. PostgreSQL cannot index a key much over
/// 2,700 bytes (a B-tree row is at most a third of a page), so a longer URL made its document
/// unstorable there while SQLite took it. Real URLs that long are tracking and redirect
/// parameters (sitemaps cap URLs at 2,048): such an origin is kept as its first bytes and a
/// hash of the whole, so the same long URL is still one origin, on every backend.
pub const MAX_ORIGIN_BYTES: usize = 2048;

/// The origin of a document read from `source` (the path as given, `PATH#N` for the N-th record
/// of a container file, `-` for stdin) whose container named `url`: the URL when there is one,
/// else the source path made canonical (absolute, links resolved) so that `a.html`, `./a.html`
/// and `/abs/a.html` are one place. A path that cannot be resolved (gone, stdin) stays as given.
pub fn origin(url: Option<&str>, source: &str) -> String {
    bounded(unbounded_origin(url, source))
}

fn unbounded_origin(url: Option<&str>, source: &str) -> String {
    // A URL holding control characters is no address (analysis drops it too), and a NUL in the
    // stored key made PostgreSQL refuse the whole batch: the path stands in for it.
    if let Some(u) = url
        .map(str::trim)
        .filter(|u| !u.is_empty() && !u.chars().any(char::is_control))
    {
        return u.to_string();
    }
    if let Some(canonical) = canonical(source) {
        return canonical;
    }
    // A record of a container file: resolve the file, keep the record number.
    if let Some((path, record)) = source.rsplit_once('#') {
        if !record.is_empty() && record.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(canonical) = canonical(path) {
                return format!("{canonical}#{record}");
            }
        }
    }
    source.to_string()
}

/// `key` when it fits [`MAX_ORIGIN_BYTES`], else its longest prefix that leaves room for "…"
/// and 128 bits of the SHA-256 of the whole key (a collision would make a new document look
/// stored: the hash must resist a crafted pair, which a 64-bit FNV would not).
fn bounded(key: String) -> String {
    // A key written in the bounded form itself ("…" and 32 hex digits at its end) is hashed as
    // well, or a crafted URL could equal the bounded origin of a longer one.
    if key.len() <= MAX_ORIGIN_BYTES && !in_bounded_form(&key) {
        return key;
    }
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    let mut cut = (MAX_ORIGIN_BYTES - '…'.len_utf8() - hex.len()).min(key.len());
    while !key.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…{hex}", &key[..cut])
}

/// Whether `key` ends as [`bounded`] ends an origin: "…" and 32 lower-case hex digits.
fn in_bounded_form(key: &str) -> bool {
    key.len() >= 32 + '…'.len_utf8()
        && key.is_char_boundary(key.len() - 32)
        && key[key.len() - 32..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && key[..key.len() - 32].ends_with('…')
}

fn canonical(path: &str) -> Option<String> {
    if path.is_empty() || path == "-" {
        return None;
    }
    let p = Path::new(path);
    if !p.exists() {
        return None;
    }
    std::fs::canonicalize(p)
        .ok()
        .map(|c| c.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// No control character from a container's URL reaches the stored key.
        #[test]
        fn a_url_with_control_characters_is_not_the_origin(
            head in "[a-z:/.]{1,20}", ctl in proptest::char::range('\u{0}', '\u{1f}'), tail in "[a-z/]{1,10}",
        ) {
            let url = format!("{head}{ctl}{tail}");
            let o = origin(Some(&url), "feed.jsonl#7");
            proptest::prop_assert!(!o.chars().any(char::is_control), "{o:?}");
            proptest::prop_assert_eq!(o, "feed.jsonl#7");
        }
    }

    proptest::proptest! {
        /// A URL past the bound gives an origin within it, the same one each time, and
        /// another one for a URL that differs only past the cut.
        #[test]
        fn a_long_url_is_one_bounded_origin(
            head in "[a-zé日/?=&]{2100,2400}", tail in "[a-z]{1,20}", other in "[A-Z]{1,20}",
        ) {
            let url = format!("https://a.example/{head}{tail}");
            let o = origin(Some(&url), "feed.jsonl#7");
            proptest::prop_assert!(o.len() <= MAX_ORIGIN_BYTES, "{}", o.len());
            proptest::prop_assert!(o.starts_with("https://a.example/"));
            proptest::prop_assert_eq!(&o, &origin(Some(&url), "other.jsonl#1"));
            let url2 = format!("https://a.example/{head}{other}");
            proptest::prop_assert_ne!(o, origin(Some(&url2), "feed.jsonl#7"));
        }
    }

    #[test]
    fn a_url_written_as_a_bounded_origin_is_not_that_origin() {
        let long = format!("https://a.example/{}", "x".repeat(3 * MAX_ORIGIN_BYTES));
        let bounded = origin(Some(&long), "-");
        assert!(in_bounded_form(&bounded));
        let crafted = origin(Some(&bounded), "-");
        assert_ne!(crafted, bounded);
        assert!(crafted.len() <= MAX_ORIGIN_BYTES);
        // A short key in that form is hashed too, and stays short.
        let short = format!("https://b.example/…{}", "0".repeat(32));
        let o = origin(Some(&short), "-");
        assert_ne!(o, short);
        assert!(
            o.starts_with("https://b.example/") && o.len() <= short.len() + 35,
            "{o}"
        );
    }

    #[test]
    fn an_origin_at_the_bound_is_kept_as_written() {
        let url = format!("https://a.example/{}", "x".repeat(MAX_ORIGIN_BYTES - 18));
        assert_eq!(url.len(), MAX_ORIGIN_BYTES);
        assert_eq!(origin(Some(&url), "-"), url);
        let longer = format!("{url}y");
        let o = origin(Some(&longer), "-");
        assert!(o.len() <= MAX_ORIGIN_BYTES && o.contains('…'), "{o}");
    }

    #[test]
    fn a_url_is_the_origin_whatever_the_path() {
        assert_eq!(
            origin(Some("https://a.example/x"), "f.jsonl#3"),
            "https://a.example/x"
        );
        assert_eq!(origin(Some("  "), "-"), "-");
    }

    #[test]
    fn paths_are_made_canonical_and_records_keep_their_number() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.html");
        std::fs::write(&file, "x").unwrap();
        let canonical = std::fs::canonicalize(&file).unwrap();
        let canonical = canonical.to_str().unwrap();
        let dotted = dir.path().join(".").join("a.html");
        assert_eq!(origin(None, file.to_str().unwrap()), canonical);
        assert_eq!(origin(None, dotted.to_str().unwrap()), canonical);
        assert_eq!(
            origin(None, &format!("{}#12", dotted.to_str().unwrap())),
            format!("{canonical}#12")
        );
        // Gone or not a path: kept as given.
        assert_eq!(origin(None, "no/such/file.html"), "no/such/file.html");
        assert_eq!(origin(None, "-"), "-");
    }
}
