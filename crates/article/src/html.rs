//! HTML pages: metadata from `<meta>`, JSON-LD, headings and bylines (`meta`), main content by
//! readability scoring (our own, `own_pick`) on the same parsed tree; when it finds no block,
//! the paragraph walk's text, and a plain tag-stripping fallback when the page defeats both (too
//! many elements, too deep, no paragraph at all).

mod blocks;
mod boilerplate;
mod container;
mod dom;
mod elements;
mod header;
mod lead;
mod meta;
mod own_pick;
mod paragraphs;
mod second_opinion;
mod strip;
mod wire;

pub(crate) use header::CREDITED as CREDIT_WORDS;
pub(crate) use wire::is_agency as is_wire_agency;

use crate::Article;
pub(crate) use blocks::paragraph_ranges;
pub(crate) use boilerplate::is_caption_line;
pub(crate) use boilerplate::remove as remove_boilerplate;
use dom_query::{Document, NodeRef};

/// Element budget for a page's tree; bigger pages fall back to tag stripping, which is linear in
/// the page size.
const MAX_ELEMENTS: usize = 60_000;
/// Pages with more start tags than this get no tree (it would cost hundreds of bytes per element
/// for nothing); their metadata is read from the markup before the body. Between the two, markup
/// that is mostly removed chrome still gets its tree.
const NO_TREE_ABOVE: usize = 2 * MAX_ELEMENTS;
/// Where the metadata of a page too large for a tree is read when it has no `<body>` tag.
const HEAD_REACH: usize = 256 << 10;
/// Deeper nesting than this is not a real article layout, and tree walks over it risk the stack.
const MAX_DEPTH: usize = 400;

/// Largest text-run escape cost (see `strip::Shape`) given a tree: a page that is one long run of
/// `&` is not an article, and any serializer of its tree would rescan the run once per `&` (the
/// bound was set for dom_smoothie's, which no longer runs). Real pages stay several orders of
/// magnitude below (a 50 KB paragraph with 500 `&` is 2.5e7).
const MAX_ESCAPE_COST: u64 = 20_000_000_000;

/// Largest attribute cost (see `strip::Shape`) given a tree: html5ever checks each attribute's
/// name against those before it on its tag, so a tag of a million distinct attributes took
/// minutes. Real pages stay far below (ten thousand tags of 50 attributes is 2.5e7).
const MAX_ATTRIBUTE_COST: u64 = 1_000_000_000;

/// Readability output below this share of the page's paragraph words is taken as a miss.
const MISSED_SHARE: f64 = 0.4;

/// Readability results shorter than this (in words) get the paragraph second opinion.
const SECOND_OPINION_BELOW: usize = 700;

/// The paragraphs are taken instead of readability's result when they hold this many times its
/// words and contain at least this share of them.
const FRAGMENT_RATIO: f64 = 1.75;
const FRAGMENT_CONTAINED: f64 = 0.9;

/// Whether two strings hold the same words, case and punctuation aside.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// Share of `part`'s words (as a bag, case-folded) that `whole` also holds.
fn containment(part: &str, whole: &str) -> f64 {
    fn bag(s: &str) -> std::collections::HashMap<String, usize> {
        let mut m = std::collections::HashMap::new();
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *m.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        m
    }
    let (p, w) = (bag(part), bag(whole));
    let total: usize = p.values().sum();
    if total == 0 {
        return 0.0;
    }
    let shared: usize = p
        .iter()
        .map(|(k, n)| (*n).min(w.get(k).copied().unwrap_or(0)))
        .sum();
    shared as f64 / total as f64
}

pub fn extract_html(html: &str) -> Article {
    // Script, style and SVG bodies are dropped before the parse; `script_date` reads the raw page.
    let markup = strip::without_script_bodies(html);
    let shape = strip::shape(&markup);
    let refused = if shape.depth > MAX_DEPTH {
        Some(format!("markup nested deeper than {MAX_DEPTH} levels"))
    } else if shape.escape_cost > MAX_ESCAPE_COST {
        Some("a text run too long and too full of '&' to serialize in time".to_string())
    } else if shape.attribute_cost > MAX_ATTRIBUTE_COST {
        Some("start tags with too many attributes to parse in time".to_string())
    } else {
        None
    };
    if let Some(why) = refused {
        return Article {
            text: paragraphs(&strip::strip_tags(html)),
            warnings: vec![format!("{why}; text taken from all tags")],
            ..Article::default()
        };
    }
    if shape.elements > NO_TREE_ABOVE {
        return without_tree(html, &markup, shape.elements);
    }
    let doc = Document::from(markup.as_str());
    let m = meta::page_meta(&doc);
    // Image captions and credits, navigation and footers are not the article's text. A nav or
    // footer that holds a headline or several paragraphs is a template misusing the element
    // and stays.
    for n in doc.select("figcaption, nav, footer").nodes() {
        if &*n.node_name().unwrap_or_default() == "figcaption" || !paragraphs::holds_text(n) {
            n.remove_from_parent();
        }
    }
    // Readability drops every button; one set inside running text ("said professor
    // <button>Jo Roe,</button> the director") is a name or term with a pop-up note, and the
    // sentence would lose its words.
    for n in doc.select("button").nodes() {
        if inline_in_text(n) {
            // A button is laid out apart from the words beside it: "member<button>Jo" reads
            // "member Jo".
            if n.prev_sibling()
                .is_some_and(|p| !p.text().ends_with(char::is_whitespace))
            {
                n.before_html(" ");
            }
            if n.next_sibling()
                .is_some_and(|x| x.text().starts_with(char::is_alphanumeric))
            {
                n.after_html(" ");
            }
            n.rename("span");
        }
    }
    // Read before the container and readability drop the blocks around the body.
    let lead_blocks = lead::blocks_after_headline(&doc, m.title.as_deref());
    // A whole-page wrapper would take the menus and headline lists along with the article.
    container::prune_to_container(&doc, m.title.as_deref());
    // Read before readability rewrites the tree; found again in the final text at the end.
    let quoted_blocks = blocks::block_keys(&doc);
    // Readability rewrites its tree: the paragraph second opinion is read first.
    let view = paragraphs::paragraph_text(&doc);
    // Forms (newsletter sign-ups, comment boxes) and blocks named as boilerplate ("related",
    // "share", "newsletter") would otherwise join readability's pick as its siblings.
    for n in &view.regions {
        n.remove_from_parent();
    }
    let (para_text, para_words) = (view.text, view.words);
    let picked = own_pick::text(&doc, m.title.as_deref());
    let mut article = Article {
        title: m.title,
        published: m.published,
        authors: m.authors,
        language: m.language,
        outlet: m.outlet,
        url: m.url,
        ..Article::default()
    };
    match picked {
        Some((text, byline)) => {
            if article.authors.is_empty() {
                article.authors = byline
                    .as_deref()
                    .map(meta::byline_names)
                    .unwrap_or_default();
            }
            article.text = paragraphs(&text);
            let words = article.text.split_whitespace().count();
            // Readability may have settled on a fragment of what the page's paragraphs hold:
            // a short result far below the paragraphs' size, or any result that the paragraphs
            // contain almost entirely while holding much more.
            let short_miss =
                words < SECOND_OPINION_BELOW && (words as f64) < MISSED_SHARE * para_words as f64;
            let fragment = para_words as f64 >= FRAGMENT_RATIO * words as f64
                && containment(&article.text, &para_text) >= FRAGMENT_CONTAINED;
            if (short_miss || fragment) && second_opinion::adds_prose(&para_text, &article.text) {
                article.text = paragraphs(&para_text);
            } else if let Some(before) =
                second_opinion::prose_before(&para_text, &article.text, &article.authors)
            {
                // Readability took a later part of the article (an intro set apart by a table of
                // contents or a box): the paragraphs before its pick are put back.
                article.text = paragraphs(&format!("{before}\n{}", article.text));
            }
        }
        // The paragraph walk has already left out menus, forms and named boilerplate; every
        // tag's text is the last resort, for a page with no paragraph at all.
        None if para_words > 0 => {
            article.text = paragraphs(&para_text);
            article.warnings.push(
                "readability failed (no block of text); text taken from the page's paragraphs"
                    .to_string(),
            );
        }
        None => {
            article.text = paragraphs(&strip::strip_tags(html));
            article.warnings.push(
                "readability failed (no block of text); text taken from all tags".to_string(),
            );
        }
    }
    finish(
        article,
        html,
        &lead_blocks,
        &quoted_blocks,
        m.fallback_date,
        m.restamped_from,
    )
}

/// The steps after the body's text is chosen: the lead put back, the cleanup, the headline
/// dropped from the text, block quotations found again, dates, wire credits.
fn finish(
    mut article: Article,
    html: &str,
    lead_blocks: &[lead::Block],
    quoted_blocks: &std::collections::HashMap<String, usize>,
    fallback_date: Option<String>,
    restamped_from: Option<String>,
) -> Article {
    if let Some(t) = lead::with_lead(&article.text, lead_blocks, &article.authors) {
        article.text = t;
    }
    // Read before the cleanup, which drops the note that states it ("This article was
    // originally published on …") as the republisher's page.
    let originally = crate::dates::originally_published(&article.text);
    // A stamp line ("Updated March 11, 2026") is cleaned away wherever it stands; a page whose
    // metadata has no date still takes it, after any labelled date the cleaned text keeps.
    let stamped = if article.published.is_none() {
        let lines: Vec<&str> = article
            .text
            .split("\n\n")
            .filter(|p| boilerplate::is_stamp_paragraph(p))
            .collect();
        crate::dates::labelled_date(&lines.join("\n\n"))
    } else {
        None
    };
    article.text = boilerplate::remove(&article.text, &article.authors);
    // The headline is the title field, not the body's first paragraph.
    if let Some(t) = &article.title {
        let first = article.text.split("\n\n").next().unwrap_or("");
        if !first.is_empty() && first.len() < article.text.len() && same_words(first, t) {
            article.text = article.text[first.len()..].trim_start().to_string();
        }
    }
    article.block_quotes = blocks::ranges(&article.text, quoted_blocks);
    // A page that shows only an update years after its declared first publication, while its
    // headline and text name no year after that publication's, is the old article restamped
    // (a migration, a bulk refresh): it was published when it says it was. A text that names
    // later years was revised, and the shown update stays its date.
    if let (Some(origin), Some(shown)) = (&restamped_from, article.published.as_deref()) {
        let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
        if let (Some(origin_year), Some(shown_year)) = (year(origin), year(shown)) {
            let words = format!(
                "{}\n{}",
                article.title.as_deref().unwrap_or(""),
                article.text
            );
            if origin_year < shown_year
                && crate::dates::latest_year_named(&words, shown_year) == Some(origin_year)
            {
                article.published = Some(origin.clone());
            }
        }
    }
    // A metadata time stamp (often in UTC) can fall a day off the publisher's own date; a date
    // in the page's address is the publisher's, so within a day it wins. A printed "Originally
    // published" line, read next, outranks both.
    if let (Some(p), Some(u)) = (
        article.published.as_deref(),
        article.url.as_deref().and_then(crate::dates::url_date),
    ) {
        if crate::dates::one_day_apart(p, &u) {
            article.published = Some(u);
        }
    }
    if let Some(d) = originally {
        article.published = Some(d);
    }
    if article.published.is_none() {
        article.published = crate::dates::labelled_date(&article.text)
            .or(stamped)
            .or_else(|| crate::dates::script_date(html))
            .or(fallback_date)
            .or_else(|| article.url.as_deref().and_then(crate::dates::url_date));
    }
    article.agencies = wire::agencies(&article.text);
    article.syndicated = wire::syndicated(&article.text);
    article
}

/// A page with too many elements for readability: its text from all tags, linear in the page,
/// and its metadata from the markup before `<body>` (else its first [`HEAD_REACH`] bytes).
/// Whether an element sits inside running text: words right before and right after it in the
/// same parent, and a short text of its own.
fn inline_in_text(n: &NodeRef) -> bool {
    // A text node, or an inline element ("<a>"), holding words: not a paragraph beside it.
    let words_beside = |side: Option<NodeRef>| {
        side.is_some_and(|s| {
            (s.is_text()
                || (s.is_element()
                    && !dom::with_name(&s, |n| elements::is(n, elements::VISIBLE_BREAK))))
                && s.text().split_whitespace().next().is_some()
        })
    };
    (1..=12).contains(&n.text().split_whitespace().count())
        && words_beside(n.prev_sibling())
        && words_beside(n.next_sibling())
}

fn without_tree(html: &str, markup: &str, elements: usize) -> Article {
    let mut head_end = find_ignore_case(markup, "<body").unwrap_or(HEAD_REACH.min(markup.len()));
    while !markup.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let m = meta::page_meta(&Document::from(&markup[..head_end]));
    let mut article = Article {
        title: m.title,
        published: m.published.or(m.fallback_date),
        authors: m.authors,
        language: m.language,
        outlet: m.outlet,
        url: m.url,
        text: paragraphs(&strip::strip_tags(html)),
        warnings: vec![format!(
            "{elements} elements, more than readability's budget of {MAX_ELEMENTS}; text taken \
             from all tags, metadata from the page's head"
        )],
        ..Article::default()
    };
    article.text = boilerplate::remove(&article.text, &article.authors);
    article.agencies = wire::agencies(&article.text);
    article.syndicated = wire::syndicated(&article.text);
    article
}

/// Byte offset of the first ASCII-case-insensitive match of `needle` in `hay`; `needle` is ASCII
/// and starts with a byte that has no case (`<`).
fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    memchr::memchr_iter(n[0], h).find(|&i| {
        h.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// Lines trimmed and whitespace-collapsed, non-empty ones joined by a blank line. Misread
/// UTF-8 that the page wrote as entities is repaired first, while a misread no-break space
/// ("Â" + U+00A0) is still whole.
fn paragraphs(text: &str) -> String {
    let text = crate::mojibake::repair(text);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut first = true;
        for w in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Six distinct article paragraphs (verbatim repeats would go as boilerplate).
    fn council_paragraphs() -> String {
        (1..=6)
            .map(|i| {
                format!(
                    "<p>The council voted on Tuesday to approve part {i} of the new budget for \
                     the city, which includes funding for schools, roads and parks.</p>"
                )
            })
            .collect()
    }

    #[test]
    fn article_paragraphs_are_kept_and_nav_dropped() {
        let body = council_paragraphs();
        let html = format!(
            "<html><head><title>Budget passes - City News</title></head><body>\
             <nav><a href=/>Home</a><a href=/w>World</a></nav><article><h1>Budget passes</h1>{body}</article>\
             <footer>Copyright</footer></body></html>"
        );
        let a = extract_html(&html);
        assert!(a.text.contains("The council voted"));
        assert!(!a.text.contains("Copyright"));
        assert!(a.text.contains("\n\n"));
        assert_eq!(a.title.as_deref(), Some("Budget passes"));
        assert!(!a.text.starts_with("Budget passes"));
    }

    #[test]
    fn when_readability_finds_nothing_the_paragraphs_stand_in_for_the_page() {
        // Readability skips hidden elements; a page that renders its article client-side
        // hides it until then, and every tag's text would bring the menu and footer along.
        let html = "<html><head><title>Harbour tolls rise</title></head><body>\
             <nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>\
             <div style=\"display:none\"><h1>Harbour tolls rise</h1>\
             <p>The port authority raised its tolls for the third time this year, citing the cost of dredging.</p>\
             <p>Fishing crews said the rise would push some of them out of the harbour for good.</p></div>\
             <footer><p><a href=/privacy>Privacy policy</a> <a href=/terms>Terms of use</a></p></footer>\
             </body></html>";
        let a = extract_html(html);
        assert!(a.text.starts_with("The port authority raised its tolls"));
        assert!(a.text.ends_with("out of the harbour for good."));
        assert!(!a.text.contains("Home") && !a.text.contains("Privacy"));
    }

    #[test]
    fn a_button_inside_running_text_keeps_its_words() {
        let body = council_paragraphs();
        let html = format!(
            "<html><body><article><h1>Budget passes</h1>{body}\
             <p>“It is a fair budget,” said council member<button class=note>Jo Roe,</button> \
             the head of the finance committee.</p>\
             <div><button>Load more stories</button></div></article></body></html>"
        );
        let a = extract_html(&html);
        assert!(
            a.text.contains("said council member Jo Roe, the head"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("Load more"), "{}", a.text);
    }

    #[test]
    fn a_page_of_too_many_elements_is_stripped_with_its_head_read() {
        let body: String = (0..NO_TREE_ABOVE / 2 + 10)
            .map(|i| format!("<p>Line {i} of <b>the</b> report.</p>"))
            .collect();
        let html = format!(
            "<html><head><title>Huge report - City News</title>\
             <meta name=\"author\" content=\"Kim Lee\"></head><body>{body}</body></html>"
        );
        let a = extract_html(&html);
        assert!(a
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Huge report")));
        assert_eq!(a.authors, ["Kim Lee"]);
        assert!(
            a.text.contains("Line 7 of the report."),
            "{}",
            &a.text[..200]
        );
        assert!(a.warnings[0].contains("elements, more than readability's budget"));
    }

    #[test]
    fn image_captions_are_dropped() {
        let body = council_paragraphs();
        let html = format!(
            "<html><body><article><h1>Budget passes</h1><figure><img src=a.jpg>\
             <figcaption>Council members vote. Photo: Jane Roe / Agency</figcaption></figure>\
             {body}</article></body></html>"
        );
        let a = extract_html(&html);
        assert!(a.text.contains("The council voted"));
        assert!(!a.text.contains("Photo: Jane Roe"));
    }

    #[test]
    fn a_closing_note_on_the_first_run_goes_and_dates_the_page() {
        let body = council_paragraphs();
        let html = format!(
            "<html><head><meta property=\"article:published_time\" content=\"2022-09-30\">\
             </head><body><article><h1>Budget passes</h1>{body}<p>This article was originally \
             published on 26 Sep 2019 but has been updated since.</p></article></body></html>"
        );
        let a = extract_html(&html);
        assert!(a.text.contains("The council voted"));
        assert!(!a.text.contains("originally published"), "{}", a.text);
        assert_eq!(a.published.as_deref(), Some("2019-09-26"));
    }

    #[test]
    fn an_old_article_restamped_years_later_keeps_its_first_date() {
        let page = |published: &str, year_in_text: &str| {
            let body = council_paragraphs();
            format!(
                "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
                 \"datePublished\":\"{published}T10:00:00+00:00\",\
                 \"dateModified\":\"2025-01-07T09:00:00+00:00\"}}</script></head><body>\
                 <article><h1>Budget passes</h1><p>Last Updated: January 7, 2025</p>{body}\
                 <p>The plan replaces the one adopted in {year_in_text}, the mayor said.</p>\
                 </article></body></html>"
            )
        };
        // The text speaks of nothing after 2020: the 2025 stamp is a restamp.
        let a = extract_html(&page("2020-07-10", "2020"));
        assert_eq!(a.published.as_deref(), Some("2020-07-10"));
        // A text that names a later year was revised: the shown update stays.
        let a = extract_html(&page("2020-07-10", "2024"));
        assert_eq!(a.published.as_deref(), Some("2025-01-07"));
        // An update within a year or so of the first publication stays too.
        let a = extract_html(&page("2024-03-01", "2024"));
        assert_eq!(a.published.as_deref(), Some("2025-01-07"));
    }

    #[test]
    fn nav_and_footer_go_unless_they_hold_the_text() {
        let body = council_paragraphs();
        let html = format!(
            "<html><body><article><h1>Budget passes</h1>{body}<footer><p>Filed under Council \
             Budget Schools and Roads, with more coverage of the city's spending plans</p>\
             </footer></article></body></html>"
        );
        let a = extract_html(&html);
        assert!(a.text.contains("The council voted"));
        assert!(!a.text.contains("Filed under"));
        // A template that puts the whole article in a footer keeps it.
        let html =
            format!("<html><body><footer><h1>Budget passes</h1>{body}</footer></body></html>");
        assert!(extract_html(&html)
            .text
            .contains("part 3 of the new budget"));
    }

    #[test]
    fn a_page_wrapped_in_a_form_keeps_its_article() {
        // ASP.NET pages put the whole body in one form; forms are otherwise removed.
        let body = council_paragraphs();
        let html = format!("<html><body><form><h1>Budget passes</h1>{body}</form></body></html>");
        assert!(extract_html(&html)
            .text
            .contains("part 3 of the new budget"));
        // A short brief without an h1: most of the page's words are in the form.
        let html = "<html><body><nav><a href=/>Home</a></nav><form id=aspnetForm>\
             <h2>Budget passes</h2><p>The council voted on Tuesday to approve the new budget \
             for the city, which includes funding for schools, roads and parks.</p><p>The \
             mayor said the vote showed the city could plan for the long term.</p></form>\
             </body></html>";
        let a = extract_html(html);
        assert!(a.text.contains("could plan for the long term"));
        // Read by readability, not by the all-tags fallback (which takes the menu too).
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        assert!(!a.text.contains("Home"));
    }

    #[test]
    fn a_stamp_line_cleaned_from_the_text_still_dates_a_page_without_metadata() {
        let body = council_paragraphs();
        let html = format!(
            "<html><body><article><h1>Budget passes</h1>{body}<p>Updated March 11, 2026</p>\
             {body}</article></body></html>"
        );
        let a = extract_html(&html);
        assert!(!a.text.contains("Updated March"), "{}", a.text);
        assert_eq!(a.published.as_deref(), Some("2026-03-11"));
    }

    #[test]
    fn the_address_date_wins_over_a_utc_stamp_a_day_off() {
        let body = council_paragraphs();
        let page = |url: &str| {
            format!(
                "<html><head><meta property='og:url' content='{url}'>\
                 <meta property='article:published_time' content='2025-12-19T03:05:00+00:00'>\
                 </head><body><article><h1>Budget passes</h1>{body}</article></body></html>"
            )
        };
        let a = extract_html(&page("https://example.com/2025/12/18/budget-passes/"));
        assert_eq!(a.published.as_deref(), Some("2025-12-18"));
        // Further apart, the address is not a publication date (an event, an archive path).
        let a = extract_html(&page("https://example.com/2025/12/10/budget-passes/"));
        assert_eq!(a.published.as_deref(), Some("2025-12-19"));
    }

    #[test]
    fn a_text_run_full_of_ampersands_is_not_serialized() {
        let html = format!(
            "<html><body><p>{}</p></body></html>",
            "a&b ".repeat(200_000)
        );
        let t = std::time::Instant::now();
        let a = extract_html(&html);
        assert!(a.text.starts_with("a&b a&b"));
        assert!(!a.warnings.is_empty());
        // Generous for a debug build; the serializer took minutes on such a page.
        assert!(t.elapsed().as_secs() < 30);
    }

    #[test]
    fn containment_is_a_bag_share() {
        assert_eq!(containment("a b b", "B a c"), 2.0 / 3.0);
        assert_eq!(containment("", "a"), 0.0);
        assert_eq!(containment("Rates rise", "rates RISE again"), 1.0);
    }

    #[test]
    fn deep_nesting_falls_back_to_tag_stripping() {
        let html = format!("{}<p>deep words</p>", "<div>".repeat(5000));
        let a = extract_html(&html);
        assert!(a.text.contains("deep words"));
        assert!(!a.warnings.is_empty());
        // "<div/>" opens a div in HTML, and stray closes close nothing: both nest as deep.
        for unit in ["<div class='share'/>", "<div></span>"] {
            let html = format!("{}<h1>Deep</h1><p>deep words</p>", unit.repeat(5000));
            let a = extract_html(&html);
            assert!(a.text.contains("deep words"));
            assert!(!a.warnings.is_empty(), "{unit}");
        }
    }
}
