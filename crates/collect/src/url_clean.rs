//! URL hygiene: one spelling per page, so that a page is fetched once and keyed once.
//!
//! Only `http` and `https` URLs are kept; the fragment goes (it never reaches the server), and
//! so do the query parameters that track the reader rather than name the page (`utm_*`,
//! `fbclid`, …). The rest of the query is kept in its order: it may name the page.

use url::Url;

/// Query parameters that identify a campaign or a click, never the page. Matched whole, except
/// the `utm_` family, matched by prefix.
const TRACKING: &[&str] = &[
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "msclkid",
    "yclid",
    "twclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "ocid",
    "cmpid",
    "icid",
    "mkt_tok",
    "wt.mc_id",
    "ncid",
    "smid",
    "cmp",
    "spm",
    "sr_share",
    "at_medium",
    "at_campaign",
];

/// Longest URL accepted (longer ones are refused, not cut).
pub const MAX_URL_BYTES: usize = 4096;

/// The clean form of `raw`, resolved against `base` when relative; `None` when it is not an
/// http(s) URL.
pub fn clean(raw: &str, base: Option<&Url>) -> Option<Url> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > MAX_URL_BYTES {
        return None;
    }
    let mut url = match base {
        Some(b) => b.join(raw).ok()?,
        None => Url::parse(raw).ok()?,
    };
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return None;
    }
    url.set_fragment(None);
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !is_tracking(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Some(url)
}

fn is_tracking(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.starts_with("utm_") || TRACKING.contains(&k.as_str())
}

/// `host:port` (the port always written): the unit of politeness (delay, concurrency,
/// robots.txt).
pub fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or(0)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Option<String> {
        clean(s, None).map(|u| u.to_string())
    }

    #[test]
    fn tracking_parameters_and_fragments_go_the_rest_stays_in_order() {
        assert_eq!(
            c("https://Example.com/a/b?utm_source=x&id=3&fbclid=y&p=2#top").as_deref(),
            Some("https://example.com/a/b?id=3&p=2")
        );
        assert_eq!(
            c("http://example.com/x?UTM_Medium=rss").as_deref(),
            Some("http://example.com/x")
        );
        assert_eq!(
            c("http://example.com:80/x").as_deref(),
            Some("http://example.com/x")
        );
    }

    #[test]
    fn only_http_urls_are_kept_and_relative_ones_resolve() {
        assert_eq!(c("ftp://example.com/x"), None);
        assert_eq!(c("javascript:alert(1)"), None);
        assert_eq!(c("not a url"), None);
        assert_eq!(
            c(&format!("http://e.com/{}", "a".repeat(MAX_URL_BYTES))),
            None
        );
        let base = Url::parse("https://e.com/news/index.html").unwrap();
        assert_eq!(
            clean("../feed.xml", Some(&base)).map(|u| u.to_string()),
            Some("https://e.com/feed.xml".into())
        );
    }

    #[test]
    fn host_keys_carry_the_port() {
        let u = Url::parse("https://e.com/x").unwrap();
        assert_eq!(host_key(&u), "e.com:443");
        let u = Url::parse("http://127.0.0.1:8080/x").unwrap();
        assert_eq!(host_key(&u), "127.0.0.1:8080");
    }
}
