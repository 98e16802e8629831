//! The second stage of the flow: a decoded [`Page`] becomes an [`Article`] — clean body text with
//! paragraphs separated by a blank line, and the metadata the page carries (title, publication
//! date, authors, wire agencies, syndication, dateline, outlet).
//!
//! Pure functions of the page: no I/O, no global mutable state. Each page format has its own
//! extractor module; they all return the same [`Article`].

mod dates;
pub mod dump;
mod html;
mod mojibake;
mod people;
mod plain;
mod repeats;

use claimtrail_page::{Format, Page};

/// An article's clean text and metadata. `text` is the string every later byte span points into.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub agencies: Vec<String>,
    pub syndicated: bool,
    pub dateline: Option<String>,
    pub language: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// Paragraphs joined by `"\n\n"`.
    pub text: String,
    /// Byte ranges of the paragraphs of `text` the page set off as block quotations (quoted
    /// words without quote marks), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub block_quotes: Vec<std::ops::Range<usize>>,
    pub warnings: Vec<String>,
}

/// Extracts the article from a page, with the container's URL and date filling gaps.
pub fn extract(page: &Page) -> Article {
    let mut article = match page.format {
        // Misread UTF-8 is repaired in the page, before whitespace is folded ("Â" + no-break
        // space) and before boilerplate and credits are matched, and again in the fields, for
        // the misreads a page writes as entities (`&acirc;&euro;&trade;`).
        Format::Html => html::extract_html(&mojibake::repair(&page.text)),
        Format::Dump => dump::extract_dump(&mojibake::repair(&page.text)),
        // Text given as clean is analysed as given.
        Format::Plain => plain::extract_plain(&page.text),
    };
    if page.format != Format::Plain {
        repair_mojibake(&mut article);
    }
    // Whatever source named them, authors are people (or the agency that is the whole byline).
    article.authors = people::people_only(std::mem::take(&mut article.authors));
    if article.url.is_none() {
        article.url = page.url.clone();
    }
    // A date given by the container (a record's field) is what the crawler knew; the page's own
    // visible date is only a fallback for it.
    if let Some(p) = page.published.as_deref().and_then(normalize_date) {
        article.published = Some(p);
    }
    // A listing's date and title (a feed entry) fill only what the page does not say itself.
    if article.published.is_none() {
        article.published = page.hints.published.as_deref().and_then(normalize_date);
    }
    if article.title.is_none() {
        article.title = page
            .hints
            .title
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
    }
    if article.outlet.is_none() {
        article.outlet = article.url.as_deref().and_then(outlet_from_url);
    }
    article.warnings.extend(page.warnings.iter().cloned());
    article
}

/// Decodes UTF-8 misread as Windows-1252 in the fields a reader sees.
fn repair_mojibake(a: &mut Article) {
    fn fix(s: &mut String) {
        if let std::borrow::Cow::Owned(t) = mojibake::repair(s) {
            *s = t;
        }
    }
    // Repair keeps the paragraphs (it never makes or removes a blank line): the block
    // quotations are the same paragraphs at their new offsets.
    let was: Vec<_> = if a.block_quotes.is_empty() {
        Vec::new()
    } else {
        html::paragraph_ranges(&a.text).collect()
    };
    fix(&mut a.text);
    if !was.is_empty() {
        let now: Vec<_> = html::paragraph_ranges(&a.text).collect();
        // A block runs from the start of one paragraph to the end of another.
        a.block_quotes = if was.len() == now.len() {
            a.block_quotes
                .iter()
                .filter_map(|r| {
                    let first = was.iter().position(|w| w.start == r.start)?;
                    let last = was.iter().position(|w| w.end == r.end)?;
                    Some(now[first].start..now[last].end)
                })
                .collect()
        } else {
            Vec::new()
        };
    }
    for field in [&mut a.title, &mut a.dateline, &mut a.outlet] {
        if let Some(t) = field.as_mut() {
            fix(t);
        }
    }
    a.authors.iter_mut().for_each(fix);
}

/// `YYYY-MM-DD` from an ISO-8601 date or date-time; `None` when it is not one.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let d = s.get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// The host of a URL without `www.`, as the outlet name of last resort.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_normalise_from_datetimes() {
        assert_eq!(
            normalize_date("2024-10-24T09:00:00Z").as_deref(),
            Some("2024-10-24")
        );
        assert_eq!(normalize_date("24 Oct 2024"), None);
    }

    fn page(format: Format, text: &str) -> Page {
        Page {
            source: "t".into(),
            id: String::new(),
            url: None,
            published: None,
            fetched: None,
            format,
            charset: "utf-8",
            text: text.into(),
            warnings: Vec::new(),
            hints: Default::default(),
        }
    }

    #[test]
    fn misread_utf8_is_repaired_in_pages_not_in_clean_text() {
        let para = "The council said the budget was balanced and that reserves were intact for \
                    the coming year, officials confirmed on Monday.";
        let body: String = (0..6).map(|i| format!("<p>{para} Part {i}.</p>")).collect();
        // In the bytes (a misread no-break space among them), and as entities.
        let html = format!(
            "<html><body><article><h1>Budget</h1><p>It isnâ€™t over.</p>\
             <p>Cats.Â\u{a0}and dogs &acirc;&euro;&ldquo; both.</p>{body}</article></body></html>"
        );
        let a = extract(&page(Format::Html, &html));
        assert!(a.text.contains("It isn’t over."), "{}", a.text);
        assert!(a.text.contains("Cats. and dogs – both."), "{}", a.text);
        let d = extract(&page(
            Format::Dump,
            &format!("Home\n\n{para} It isnâ€™t over.\n"),
        ));
        assert!(d.text.contains("isn’t"), "{}", d.text);
        let p = extract(&page(Format::Plain, "It isnâ€™t over."));
        assert_eq!(p.text, "It isnâ€™t over.");
    }

    #[test]
    fn block_quotations_keep_their_place_when_misread_text_is_repaired() {
        let para = "The council said the budget was balanced and that reserves were intact for \
                    the coming year, officials confirmed on Monday.";
        let body: String = (0..6).map(|i| format!("<p>{para} Part {i}.</p>")).collect();
        // The entities decode to a misreading that is repaired after extraction, shifting
        // every offset after it.
        let html = format!(
            "<html><body><article><h1>Budget</h1><p>Cats &acirc;&euro;&ldquo; dogs. The mayor \
             wrote:</p><blockquote><p>We will keep every library open next year.</p><pre>a\nb\n\
             </pre><p>The reserves allow it, and I have said so before.</p></blockquote>{body}\
             </article></body></html>"
        );
        let a = extract(&page(Format::Html, &html));
        assert!(a.text.contains("Cats – dogs."), "{}", a.text);
        let blocks: Vec<&str> = a.block_quotes.iter().map(|r| &a.text[r.clone()]).collect();
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        assert!(blocks[0].starts_with("We will keep every library open next year."));
        assert!(blocks[0].ends_with("The reserves allow it, and I have said so before."));
    }

    #[test]
    fn outlet_is_the_bare_host() {
        assert_eq!(
            outlet_from_url("https://www.example.com:443/a/b?c").as_deref(),
            Some("example.com")
        );
        assert_eq!(outlet_from_url("not a url"), None);
    }

    #[test]
    fn listing_hints_fill_only_what_the_page_lacks() {
        let para = "The council said the budget was balanced and that reserves were intact.";
        let hints = claimtrail_page::Hints {
            published: Some("2024-03-04T05:06:07Z".into()),
            title: Some(" Budget balanced ".into()),
        };
        let mut bare = page(
            Format::Html,
            &format!("<html><body><p>{para}</p></body></html>"),
        );
        bare.hints = hints.clone();
        let a = extract(&bare);
        assert_eq!(a.published.as_deref(), Some("2024-03-04"));
        assert_eq!(a.title.as_deref(), Some("Budget balanced"));
        let mut own = page(
            Format::Html,
            &format!(
                "<html><head><title>Own title</title>\
                 <meta property=\"article:published_time\" content=\"2023-01-02\"></head>\
                 <body><p>{para}</p></body></html>"
            ),
        );
        own.hints = hints;
        let a = extract(&own);
        assert_eq!(a.published.as_deref(), Some("2023-01-02"));
        assert_eq!(a.title.as_deref(), Some("Own title"));
    }
}
