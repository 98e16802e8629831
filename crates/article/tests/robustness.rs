//! The article stage over generated tag soup and text dumps: no input panics, hangs or blows the
//! stack, and what comes out keeps the contract (a `YYYY-MM-DD` date, paragraphs joined by one
//! blank line). Pages are assembled from fragments that reach every extractor path: meta tags,
//! JSON-LD, headers and bylines, dates, wire credits, boilerplate, unclosed and deep markup,
//! scripts, entities and charset declarations, as raw bytes through the page decoder.
//!
//! Campaign: `PROPTEST_CASES=100000 cargo test -p claimtrail-article --test robustness`.

use claimtrail_article::{dump::extract_dump, extract, Article};
use claimtrail_page::{into_page, Format, RawDoc};
use proptest::prelude::*;

/// Markup fragments; text fragments are mixed in between them.
#[rustfmt::skip]
const TAGS: &[&str] = &[
    "<!DOCTYPE html>", "<html>", "</html>", "<html lang=\"fr\">", "<html lang=>", "<head>",
    "</head>", "<body>", "</body>", "<article>", "</article>", "<main>", "</main>",
    "<div class=\"article-body\">", "<div class=\"related\">", "<div id=\"comments\">", "<div>",
    "</div>", "<section>", "</section>", "<p>", "</p>", "<p class=\"byline\">", "<h1>", "</h1>",
    "<h2>", "</h2>", "<h3 class=\"title\">", "<span>", "</span>", "<b>", "</b>", "<i>", "</i>",
    "<em>", "<strong>", "<a href=\"https://example.com/news/2024/10/28/story\">", "<a>", "</a>",
    "<a href=\"/author/kim-lee\" rel=\"author\">", "<br>", "<br/>", "<hr>", "<img src=x alt=\"A\">",
    "<figure>", "</figure>", "<figcaption>", "</figcaption>", "<nav>", "</nav>", "<footer>",
    "</footer>", "<header>", "</header>", "<aside>", "</aside>", "<ul>", "<li>", "</li>", "</ul>",
    "<ol>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<blockquote>", "</blockquote>",
    "<time datetime=\"2024-10-28T09:00:00Z\">", "<time datetime=\"garbage\">", "<time>", "</time>",
    "<time datetime=\"2024-02-30\">", "<time datetime=\"99999-01-01\">", "</time>",
    "<script>var a = '<p>not text</p>'; if (a < b && c > d) {}</script>", "<script>", "</script>",
    "<script src=x></script>", "<style>p { color: red } </p></style>", "<style>", "<noscript>",
    "</noscript>", "<template><p>t</p></template>", "<svg><p>in svg</svg>", "<math><mi>x</mi>",
    "<iframe>", "<textarea>", "</textarea>", "<title>", "</title>", "<title>A title | Outlet</title>",
    "<!-- comment -->", "<!--", "-->", "<![CDATA[ x ]]>", "<?xml version=\"1.0\"?>", "<", ">", "</",
    "<p", "<div class=\"", "\"", "'", "=", "/>", "<x-custom foo>", "<plaintext>", "<xmp>", "<select>",
    "<option>", "<frameset>", "<body onload=x>", "<base href=\"http://x/\">",
    "<div class=\"author\">By Kim Lee</div>", "<span class=\"date\">Oct. 28, 2024</span>",
    "<p class=\"dateline\">WASHINGTON (Reuters) —</p>", "<div class=\"share\">Share</div>",
    // metadata
    "<meta charset=\"utf-8\">", "<meta charset=\"windows-1252\">", "<meta charset=\"utf-16\">",
    "<meta charset=\"shift_jis\">", "<meta charset=\"iso-2022-jp\">", "<meta charset=\"x-user-defined\">",
    "<meta charset=\"replacement\">", "<meta charset=\"gibberish\">", "<meta charset=>", "<meta charset",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
    "<meta property=\"og:title\" content=\"Council approves budget\">",
    "<meta property=\"og:title\" content=\"\">", "<meta name=\"title\">",
    "<meta property=\"og:site_name\" content=\"The Daily\">",
    "<meta name=\"author\" content=\"Kim Lee, Ana Ruiz and Reuters\">",
    "<meta name=\"author\" content=\"\">", "<meta name=\"byl\" content=\"By KIM LEE\">",
    "<meta property=\"article:published_time\" content=\"2024-10-28T10:00:00Z\">",
    "<meta property=\"article:published_time\" content=\"2024-13-45\">",
    "<meta property=\"article:published_time\" content=\"0000-00-00\">",
    "<meta property=\"article:published_time\" content=\"99999-01-01T00:00:00Z\">",
    "<meta property=\"article:published_time\" content=\"2024-10-28T25:99:00+99:00\">",
    "<meta property=\"article:modified_time\" content=\"2024-10-29\">",
    "<meta name=\"date\" content=\"Oct 28\">", "<meta name=\"date\" content=\"10/28/2024\">",
    "<meta property=\"og:url\" content=\"https://www.example.com/a\">", "<meta property=og:url>",
    "<link rel=\"canonical\" href=\"https://example.com:99999/x\">", "<link rel=canonical href=>",
    "<meta name=\"description\" content=\"&quot;Quoted&quot; summary\">",
    // JSON-LD

    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2024-05-06T10:00:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},{\"@type\":\"Organization\",\"name\":\"AP\"}]}</script>",
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":[\"NewsArticle\",\"WebPage\"],\"datePublished\":\"\",\"author\":\"Bo Kim\"}]}</script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":null},\"headline\":42,\"datePublished\":20241028}</script>",
    "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[{\"@type\":\"NewsArticle\"}]]]]]]]]]]]]]]]]]]]</script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-02-30\",\"dateModified\":\"yesterday\",\"publisher\":{\"name\":\"Outlet\"}}</script>",
    "<script type=\"application/ld+json\">{\"@type\":</script>",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"\\u00e9\\ud800\"}</script>",
    "<script type=\"application/ld+json\">",
    // entities
    "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#8220;", "&#x201D;", "&#x1F600;", "&#0;",
    "&#xD800;", "&#99999999;", "&", "&#", "&#x;", "&bogus;", "&amp", "&ldquo;", "&mdash;",
];

/// Words and lines of article-like text.
#[rustfmt::skip]
const TEXT: &[&str] = &[
    "The council approved the budget on Monday, officials said.",
    "“We are on schedule,” Mayor Linda Alvarez said.",
    "About 3,000 people attended, up from 1,200 last year.",
    "By Kim Lee", "By KIM LEE and ANA RUIZ", "Kim Lee", "Reuters", "(AP) —",
    "WASHINGTON (Reuters) -", "Published 28 October 2024", "Updated: Oct. 29, 2024 10:00 a.m. ET",
    "10/28/2024", "2024-10-28", "Oct 28", "Monday", "Read more", "Related", "Related stories",
    "Comments", "Share this article", "Advertisement", "© 2024 The Daily", "Subscribe",
    "Sign up for our newsletter", "This article originally appeared on Example News.",
    "Photo: AFP", "Getty Images", "Home | News | Sport | Weather", "https://example.com/a/b",
    "user@example.com", "Москва", "北京", "مرحبا", "e\u{301}", "\u{200b}", "\u{feff}", "😀",
    "\u{0}", "\u{1}", "\u{fffd}", "\u{2028}", "\t", " ", "  ", "\n", "\n\n", "\r\n", "\r", ".",
    "—", "\"", "“", "”", "'", "«", "»", ":", "|", "•",
];

fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => proptest::sample::select(TAGS).prop_map(str::to_string),
        4 => proptest::sample::select(TEXT).prop_map(str::to_string),
        1 => "\\PC{1,6}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A well-formed article page (metadata, header with headline, byline and date, paragraphs,
/// page chrome) with tag fragments dropped in at random places: reaches the readability,
/// header and metadata paths that shapeless soup rarely does.
fn mangled_article() -> impl Strategy<Value = String> {
    let sentence = proptest::sample::select(TEXT);
    let paragraph =
        proptest::collection::vec(sentence, 1..6).prop_map(|v| format!("<p>{}</p>", v.join(" ")));
    (
        proptest::collection::vec(proptest::sample::select(TAGS), 0..6),
        proptest::sample::select(TEXT),
        proptest::collection::vec(proptest::sample::select(TEXT), 0..3),
        proptest::collection::vec(paragraph, 0..12),
        proptest::collection::vec(
            (any::<prop::sample::Index>(), proptest::sample::select(TAGS)),
            0..6,
        ),
    )
        .prop_map(|(head, title, header, paragraphs, inserts)| {
            let mut page = format!(
                "<html><head>{}<title>{title}</title></head><body><header><h1>{title}</h1>\
                 <div class=\"byline\">{}</div></header><article>{}</article>\
                 <footer>Related stories</footer></body></html>",
                head.concat(),
                header.join(" "),
                paragraphs.concat(),
            );
            for (at, tag) in inserts {
                let bounds: Vec<usize> = (0..=page.len())
                    .filter(|&i| page.is_char_boundary(i))
                    .collect();
                let i = bounds[at.index(bounds.len())];
                page.insert_str(i, tag);
            }
            page
        })
}

/// Dump lines: chrome, headlines, bylines, dates, credits and paragraphs, one per line.
fn dump() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        4 => proptest::collection::vec(proptest::sample::select(TEXT), 1..8)
            .prop_map(|v| v.join(" ")),
        1 => "\\PC{0,40}",
    ];
    let sep = proptest::sample::select(&["\n", "\n\n", "\r\n", "\r", "\n \n", "\n\t"][..]);
    proptest::collection::vec((line, sep), 0..40)
        .prop_map(|v| v.into_iter().map(|(l, s)| format!("{l}{s}")).collect())
}

fn raw(bytes: Vec<u8>, declared: Option<Format>, hint: Option<&str>) -> RawDoc {
    RawDoc {
        url: Some("https://www.example.com/news/story".into()),
        declared,
        charset_hint: hint.map(str::to_string),
        ..RawDoc::new("fuzz", bytes)
    }
}

fn check(a: &Article) {
    if let Some(p) = &a.published {
        assert!(
            chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").is_ok() && p.len() == 10,
            "published {p:?} is not YYYY-MM-DD"
        );
    }
    assert!(
        !a.text.starts_with("\n\n") && !a.text.ends_with("\n\n"),
        "{:?}",
        a.text
    );
}

/// Through the page decoder, as a run would: sniffing, charset, then extraction.
fn through_page(bytes: Vec<u8>, declared: Option<Format>, hint: Option<&str>) {
    if let Ok(page) = into_page(raw(bytes, declared, hint), false) {
        check(&extract(&page));
    }
}

const HINTS: &[Option<&str>] = &[
    None,
    Some("utf-8"),
    Some("windows-1252"),
    Some("utf-16le"),
    Some("nonsense"),
];

proptest! {
    #[test]
    fn tag_soup_is_safe(html in soup(), hint in proptest::sample::select(HINTS)) {
        through_page(html.clone().into_bytes(), Some(Format::Html), hint);
        through_page(html.into_bytes(), None, None);
    }

    #[test]
    fn mangled_articles_are_safe(html in mangled_article()) {
        through_page(html.into_bytes(), Some(Format::Html), None);
    }

    #[test]
    fn tag_soup_as_bytes_is_safe(
        html in soup(),
        junk in proptest::collection::vec(any::<u8>(), 0..16),
        at in any::<prop::sample::Index>(),
    ) {
        // Stray bytes anywhere: invalid UTF-8 the decoder must replace or reinterpret.
        let mut bytes = html.into_bytes();
        let i = at.index(bytes.len() + 1);
        bytes.splice(i..i, junk);
        through_page(bytes, Some(Format::Html), None);
    }

    #[test]
    fn dumps_are_safe(text in dump()) {
        check(&extract_dump(&text));
        through_page(text.into_bytes(), Some(Format::Dump), None);
    }
}

/// Deep and unclosed nesting built from random tags: the depth guard and the fallback must hold.
#[test]
fn deep_random_nesting_is_safe() {
    for open in [
        "<div>",
        "<p>",
        "<b><i>",
        "<table><tr><td>",
        "<ul><li>",
        "<a href=x>",
        "<svg>",
    ] {
        let html = format!("<html><body>{}Words at the bottom.", open.repeat(5_000));
        through_page(html.into_bytes(), Some(Format::Html), None);
    }
}
