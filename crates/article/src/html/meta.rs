//! Page metadata from the parsed DOM: `<meta>` tags, JSON-LD, headings, `<time>` elements and
//! byline-like elements. Each field is chosen from several signals, most specific first.

mod authors;
mod byline;
mod date;
mod entities;
mod json_ld;
mod title;

use super::header::{header_zone, zone_byline, zone_date};
use authors::choose_authors;
pub use byline::split_byline;

/// The names a written byline gives, cut down to what can be a name as every other source of
/// authors is (`authors::names_only`: no labels, addresses, handles or form fields).
pub fn byline_names(byline: &str) -> Vec<String> {
    authors::names_only(split_byline(byline))
}
use date::{
    choose_date, modified_dates, page_published_label, page_text_date, reconcile_shown,
    restamped_origin,
};
use dom_query::{Document, Element, Matcher, NodeRef};
use entities::{clean, MAX_FIELD};
use json_ld::json_ld;
use std::collections::HashMap;
use title::choose_title;

/// What the page says about itself, before the body text is known.
#[derive(Debug, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// A weaker date for pages that declare no publication date: the declared modification date
    /// or the first date shown anywhere on the page.
    pub fallback_date: Option<String>,
    /// The declared first publication behind a shown update years later (see
    /// `date::restamped_origin`): the date when the article's text names no later year.
    pub restamped_from: Option<String>,
}

#[derive(Default)]
struct MetaNodes<'a> {
    html: Option<NodeRef<'a>>,
    metas: Vec<NodeRef<'a>>,
    ld_scripts: Vec<NodeRef<'a>>,
    title: Option<NodeRef<'a>>,
    canonical: Option<NodeRef<'a>>,
    h1s: Vec<NodeRef<'a>>,
}

/// The elements of `doc` that `selector` matches, in document order, as `doc.select` finds
/// them; the selector is tried only on elements that `maybe` lets through, a cheap test that
/// must hold for every element the selector can match. Full selector matching on every element
/// of the page was a tenth of the metadata's time.
pub(super) fn select_where<'a>(
    doc: &'a Document,
    selector: &str,
    maybe: impl Fn(&Element) -> bool,
) -> Vec<NodeRef<'a>> {
    let Ok(matcher) = Matcher::new(selector) else {
        return Vec::new();
    };
    doc.root()
        .descendants_it()
        .filter(|d| {
            d.query_or(false, |t| t.as_element().is_some_and(&maybe)) && d.is_match(&matcher)
        })
        .collect()
}

/// Whether any attribute named in `names` holds `needle` (ASCII, lower case), case aside.
pub(super) fn attr_holds(e: &Element, names: &[&str], needle: &str) -> bool {
    let n = needle.as_bytes();
    let Some(&first) = n.first() else {
        return false;
    };
    e.attrs.iter().any(|a| {
        let v = a.value.as_bytes();
        // `| 0x20` lower-cases an ASCII letter: only windows that start like the needle are
        // compared whole.
        names.contains(&&*a.name.local)
            && v.len() >= n.len()
            && (0..=v.len() - n.len())
                .any(|i| v[i] | 0x20 == first && v[i..i + n.len()].eq_ignore_ascii_case(n))
    })
}

/// The elements the metadata is read from, in document order.
fn gather_selected(doc: &Document) -> Vec<NodeRef<'_>> {
    select_where(
        doc,
        "html, meta, script[type='application/ld+json'], title, link[rel=canonical], h1",
        |e| {
            matches!(
                &*e.name.local,
                "html" | "meta" | "script" | "title" | "link" | "h1"
            )
        },
    )
}

fn gather(doc: &Document) -> MetaNodes<'_> {
    let mut g = MetaNodes::default();
    for n in &gather_selected(doc) {
        match &*n.node_name().unwrap_or_default() {
            "html" => g.html = g.html.take().or(Some(*n)),
            "meta" => g.metas.push(*n),
            "script" => g.ld_scripts.push(*n),
            "title" => g.title = g.title.take().or(Some(*n)),
            "link" => g.canonical = g.canonical.take().or(Some(*n)),
            "h1" => g.h1s.push(*n),
            _ => {}
        }
    }
    g
}

pub fn page_meta(doc: &Document) -> PageMeta {
    let nodes = gather(doc);
    let metas = meta_map(&nodes.metas);
    let ld = json_ld(&nodes.ld_scripts);
    let get = |k: &str| metas.get(k).map(String::as_str).filter(|v| !v.is_empty());

    let url = nodes
        .canonical
        .as_ref()
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http"))
        .or_else(|| get("og:url").map(str::to_string));
    let language = nodes
        .html
        .as_ref()
        .and_then(|n| n.attr("lang"))
        .or_else(|| get("og:locale").map(Into::into))
        .map(|l| l.chars().take(2).collect::<String>().to_ascii_lowercase())
        .filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_alphabetic()));
    let outlet = get("og:site_name")
        .map(str::to_string)
        .or_else(|| ld.publisher.clone());

    // Declared titles, most trusted first: the Dublin Core title is a deliberate statement of
    // the document's title (catalogues, papers); social and analytics titles follow.
    let title = choose_title(
        nodes.title.as_ref(),
        &nodes.h1s,
        &[
            get("dc:title")
                .or_else(|| get("dc.title"))
                .or_else(|| get("dcterms.title")),
            get("og:title"),
            ld.headline.as_deref(),
            get("twitter:title"),
            get("parsely-title"),
        ],
        outlet.as_deref(),
    );
    let zone = header_zone(doc, &nodes.h1s, title.as_deref());
    let shown = zone.as_ref().and_then(zone_date);
    let restamped_from = shown
        .as_ref()
        .and_then(|s| restamped_origin(s, &metas, &ld));
    let published = match shown {
        Some(s) => Some(reconcile_shown(s, &metas, &ld, url.as_deref())),
        // A date the page labels "Published" outside the header (a closing date line) is still
        // the page's statement of its date, ahead of the metadata.
        None => page_published_label(doc).or_else(|| choose_date(doc, &metas, &ld, url.as_deref())),
    };
    let fallback_date = if published.is_none() {
        modified_dates(&metas, &ld)
            .into_iter()
            .next()
            .or_else(|| page_text_date(doc))
    } else {
        None
    };
    let creators = meta_values(
        &nodes.metas,
        &["dc:creator", "dc.creator", "dcterms.creator"],
    );
    let header = zone.as_ref().map(|z| (z.before.as_str(), z.after.as_str()));
    let mut authors = choose_authors(doc, &metas, &creators, &ld, header);
    let org_only = authors.is_empty()
        || (ld.authors_are_orgs && authors == ld.authors)
        || outlet
            .as_deref()
            .is_some_and(|o| authors.iter().any(|a| a.eq_ignore_ascii_case(o)));
    if org_only {
        if let Some(z) = &zone {
            let names = zone_byline(z)
                .map(|b| authors::header_byline_names(&b))
                .unwrap_or_default();
            if !names.is_empty() {
                authors = names;
            }
        }
    }
    // A name beside the date under the headline, printed without a "By".
    if authors.is_empty() {
        if let Some(z) = &zone {
            authors = authors::dated_name_line(&z.after);
        }
    }
    // A labelled byline elsewhere on the page (an author box after the article, a blog's
    // "Posted by" line) when nothing above names anyone.
    if authors.is_empty() {
        authors = authors::labelled_byline(doc);
    }
    // The writer a page's share card names ("Written by" in `twitter:label1`, the name in
    // `twitter:data1`), when nothing on the page itself does.
    if authors.is_empty() {
        authors = authors::card_byline(&metas);
    }

    PageMeta {
        title,
        published,
        authors,
        outlet,
        url,
        language,
        fallback_date,
        restamped_from,
    }
}

/// Every `<meta>` value given for one of `keys` (a field a page may repeat, one value a tag).
fn meta_values(nodes: &[NodeRef], keys: &[&str]) -> Vec<String> {
    nodes
        .iter()
        .filter(|n| {
            ["property", "name"].iter().any(|a| {
                n.attr(a).is_some_and(|k| {
                    k.split_whitespace()
                        .any(|k| keys.iter().any(|w| k.eq_ignore_ascii_case(w)))
                })
            })
        })
        .filter_map(|n| n.attr("content"))
        .filter(|c| c.len() <= MAX_FIELD)
        .map(|c| clean(&c))
        .filter(|c| !c.is_empty())
        .take(20)
        .collect()
}

/// `<meta>` values by lower-cased `property`, `name` or `itemprop`; the first of each wins.
fn meta_map(nodes: &[NodeRef]) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for node in nodes {
        let Some(content) = node.attr("content") else {
            continue;
        };
        if content.len() > MAX_FIELD * 4 {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = node.attr(key) {
                // RDFa allows several properties in one attribute ("dc:title og:title").
                for k in k.split_whitespace() {
                    map.entry(k.to_ascii_lowercase())
                        .or_insert_with(|| clean(&content));
                }
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::authors::names_only;
    use super::*;

    fn meta(html: &str) -> PageMeta {
        page_meta(&Document::from(html))
    }

    #[test]
    fn prefiltered_selection_finds_what_the_selector_finds() {
        // Case and attribute forms the cheap tests must not miss: `rel` and `type` match
        // without case in HTML, `itemprop` by word, classes and links by substring.
        let html = "<html lang=en><head><TITLE>T</TITLE><meta name=a content=b>\
             <script type='APPLICATION/LD+JSON'>{}</script><script type=text/javascript></script>\
             <link REL=Canonical href=https://x.test/a><link rel=stylesheet href=s.css></head>\
             <body><h1>Head</h1><a REL=AUTHOR href=/p>Ann Lee</a><span itemprop='name author'>\
             Bo Li</span><a href='/Authors/kim/'>Kim</a><a href='/authors/kim/'>Kim</a>\
             <div class='post-Byline'>By Jo</div><div class='byline'>By Jo</div>\
             <p class=authorship>x</p><p data-author=x>y</p><svg><title>s</title></svg>\
             <template><h1>In a template</h1></template></body></html>";
        let doc = Document::from(html);
        let ids = |v: &[NodeRef]| v.iter().map(|n| n.id).collect::<Vec<_>>();
        let byline = "[rel=author],[itemprop~=author],a[href*='/author/'],a[href*='/authors/'],\
                      [class*=author-name],[class*=byline],[class*=author]";
        let found = select_where(&doc, byline, |e| {
            attr_holds(e, &["rel", "itemprop", "href", "class"], "author")
                || attr_holds(e, &["class"], "byline")
        });
        assert_eq!(ids(&found), ids(doc.select(byline).nodes()));
        assert!(found.len() >= 5, "{}", found.len());
        let gather = "html, meta, script[type='application/ld+json'], title, \
                      link[rel=canonical], h1";
        let g = gather_selected(&doc);
        assert_eq!(ids(&g), ids(doc.select(gather).nodes()));
        // A cheap test that lets too little through misses elements.
        let strict = select_where(&doc, byline, |e| attr_holds(e, &["class"], "author"));
        assert!(strict.len() < found.len());
    }

    #[test]
    fn references_left_by_double_escaping_are_decoded() {
        assert_eq!(clean("SQL &#x26; AI"), "SQL & AI");
        assert_eq!(clean("Rock &amp; Roll &#8211; live"), "Rock & Roll – live");
        assert_eq!(
            clean("AT&T and R&D; &unknown; &#xZZ; &"),
            "AT&T and R&D; &unknown; &#xZZ; &"
        );
        let m = meta(
            "<html><head><meta property='og:title' content='Tools for SQL &#x26; AI | Splunk'>\
             </head><body><h1>Tools for SQL &amp;#x26; AI</h1></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Tools for SQL & AI"));
    }

    #[test]
    fn author_lists_keep_names_only() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            names_only(v(&[
                "Aditya Mahindru",
                "aditya.mahindru@example.com",
                "Corresponding author",
                "page.head.extra.author",
                "262588213843476",
                "Jun 2",
                "Sat",
                "Written By",
                "Updated",
                "M.A.",
                "Everfit Team",
                "h.szeyee",
            ])),
            v(&["Aditya Mahindru", "Everfit Team"])
        );
        // An address, a handle or a desk's label alone names nobody either.
        assert!(names_only(v(&["beatriz@example.studio", "Sign In"])).is_empty());
        assert!(names_only(v(&["q_admin"])).is_empty());
        assert!(names_only(v(&["Podium Staff"])).is_empty());
        // A junk JSON-LD author gives way to the meta tag.
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"{{author}}"}}</script>
            <meta name="author" content="Tim Enwall">"#,
        );
        assert_eq!(m.authors, v(&["Tim Enwall"]));
    }

    #[test]
    fn h1_agreeing_with_og_title_wins() {
        let m = meta(
            "<html><head><title>Rates rise again | Daily Post</title>\
             <meta property='og:title' content='Rates rise again - Daily Post'></head>\
             <body><h1>Rates rise again</h1></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Rates rise again"));
    }

    #[test]
    fn title_suffix_is_stripped_without_h1() {
        let m = meta("<title>Rates rise again | Daily Post</title>");
        assert_eq!(m.title.as_deref(), Some("Rates rise again"));
    }

    #[test]
    fn json_ld_gives_date_and_person_authors() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},
            {"@type":"NewsArticle","headline":"H","datePublished":"2024-05-06T10:00:00Z","dateModified":"2024-06-01",
             "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Kim"}]}]}</script>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2024-05-06"));
        assert_eq!(m.authors, vec!["Ann Lee", "Bo Kim"]);
    }

    #[test]
    fn visible_date_skips_updated_line() {
        let m = meta(
            "<body><div class='updated-date'>June 9, 2024</div>\
             <span class='post-date'>Posted May 2, 2024</span></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn shown_modification_date_yields_to_publication_date() {
        let m = meta(
            r#"<meta property="article:published_time" content="2024-02-21T10:00:00+00:00">
            <script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2024-02-21",
            "dateModified":"2025-10-26"}</script><div><h1>Trends for 2025</h1><p>Oct 26, 2025</p></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2024-02-21"));
    }

    #[test]
    fn shown_update_outranks_json_ld_alone() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2019-02-21",
            "dateModified":"2025-10-26"}</script><div><h1>Trends for 2025</h1>
            <p>Last updated: Oct 26, 2025</p></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2025-10-26"));
    }

    #[test]
    fn shown_date_read_in_the_wrong_order_yields_to_declared() {
        let m = meta(
            "<meta property='article:published_time' content='2024-09-10T16:07:00Z'>\
             <div><h1>Renovation phases</h1><p>09.10.2024</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2024-09-10"));
    }

    #[test]
    fn one_day_gap_only_yields_when_a_time_zone_explains_it() {
        // 22:00 UTC on the 19th is the 19th or 20th everywhere: the shown 18th stands.
        let m = meta(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-19T22:02:58Z"}</script>
            <div><h1>New method</h1><p>Dec 18, 2025</p></div>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2025-12-18"));
    }

    #[test]
    fn stated_dates_around_the_headline() {
        // The date the metadata declares, shown just above the headline, beats a later list date.
        let m = meta(
            "<meta property='article:published_time' content='2025-01-16T08:00:00Z'>\
             <div><p>January 16, 2025</p><h1>Types of apps</h1><p>Written by: Ann Lee</p>\
             <ul><li>Most popular</li><li>Other story | July 15, 2025</li></ul></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-01-16"));
        // A date inside a sentence is not a date line.
        let m = meta(
            "<div><h1>Tax filing</h1><p>Page last modified Jan. 17, 2025</p><p>If you need \
             more time, an extension gives you six more months to October 15, 2025.</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-01-17"));
    }

    #[test]
    fn closing_published_line_outranks_metadata_when_the_header_shows_none() {
        let m = meta(
            "<meta property='article:published_time' content='2025-08-08T00:00:00-04:00'>\
             <body><h1>Free accounting tools</h1><p>By: Jane Roe, Contributor</p>\
             <p>Body text of the article.</p><div>Published <time>August 13, 2025</time></div></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-08-13"));
    }

    #[test]
    fn headline_in_h2_and_date_in_small_element() {
        let m = meta(
            "<title>Introducing the Cayenne Accelerator | Spice</title><body>\
             <h2>Introducing Cayenne: The Next Accelerator Built for Scale</h2>\
             <div>Luke Kim<small>December 17, 2025</small></div><p>Body.</p></body>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-12-17"));
    }

    #[test]
    fn prose_date_after_headline_is_not_the_date_line() {
        let m = meta(
            "<meta property='article:published_time' content='2017-01-23T21:08:14+00:00'>\
             <div><h1>Meditation study</h1><p>WASHINGTON (January 24, 2017) — Mindfulness meditation \
             is an increasingly popular treatment for anxiety, but testing its effectiveness in a \
             convincing way has been hard, researchers said in a statement on Monday.</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2017-01-23"));
    }

    #[test]
    fn shown_date_one_day_off_yields_to_declared_date() {
        let m = meta(
            "<meta property='article:published_time' content='2025-07-05T00:04:00+00:00'>\
             <div><h1>Best cameras</h1><p>July 4, 2025</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-07-05"));
        let m = meta(
            "<meta property='article:published_time' content='2025-07-09T00:04:00+00:00'>\
             <div><h1>Best cameras</h1><p>July 4, 2025</p></div>",
        );
        assert_eq!(m.published.as_deref(), Some("2025-07-04"));
    }

    #[test]
    fn undated_page_falls_back_to_modification_then_shown_dates() {
        let m =
            meta("<meta property='article:modified_time' content='2023-06-12T10:39:42'><p>x</p>");
        assert_eq!(m.published, None);
        assert_eq!(m.fallback_date.as_deref(), Some("2023-06-12"));
        let m = meta("<body><div><p>Jane Roe</p><p>December 17, 2025</p></div></body>");
        assert_eq!(
            (m.published.as_deref(), m.fallback_date.as_deref()),
            (None, Some("2025-12-17"))
        );
    }

    #[test]
    fn commenter_is_not_an_author() {
        let m = meta(
            "<body><div class='comments'><span class='author'>Troll99</span></div>\
             <p class='byline'>By Maria Diaz</p></body>",
        );
        assert_eq!(m.authors, vec!["Maria Diaz"]);
        // The comment form's name field is no byline either.
        let m = meta(
            "<body><h1>Trays</h1><p>Text of the post.</p><form><p class='comment-form-author'>\
             <label for=author>Name</label> <input id=author></p></form></body>",
        );
        assert!(m.authors.is_empty(), "{:?}", m.authors);
    }

    #[test]
    fn an_address_or_a_desk_in_the_metadata_gives_way_to_the_byline() {
        let m = meta(
            "<head><meta name='author' content='news@example.com'></head><body><h1>Rates rise</h1>\
             <p class='byline'>By Maria Diaz</p><p>Text.</p></body>",
        );
        assert_eq!(m.authors, vec!["Maria Diaz"]);
        let m = meta(
            "<head><meta name='author' content='Daily Post Staff'></head><body><h1>Rates rise</h1>\
             <span class='author'>Tom Wu</span><p>Text.</p></body>",
        );
        assert_eq!(m.authors, vec!["Tom Wu"]);
        // Nothing but the label: nobody.
        let m = meta("<head><meta name='author' content='Staff Writer'></head><p>Text.</p>");
        assert!(m.authors.is_empty(), "{:?}", m.authors);
    }

    #[test]
    fn json_ld_wrapped_in_cdata_is_read() {
        let m = meta(
            r#"<script type="application/ld+json"><![CDATA[ {"@type":"NewsArticle",
            "headline":"Tarot cards went global","datePublished":"2015-07-10T09:53:00-04:00"} ]]></script>
            <meta property="og:title" content="If you can picture a tarot card">
            <body><h1>Tarot cards went global</h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Tarot cards went global"));
        assert_eq!(m.published.as_deref(), Some("2015-07-10"));
        let m = meta(
            "<script type='application/ld+json'>//<![CDATA[\n{\"@type\":\"Article\",\
             \"datePublished\":\"2001-10-29\"}\n//]]></script>",
        );
        assert_eq!(m.published.as_deref(), Some("2001-10-29"));
    }

    #[test]
    fn a_meta_attribute_may_name_several_properties() {
        let m = meta(
            "<title>Title Element</title><meta property='x:title dc:title' content='Preferred'>\
             <meta property='og:title twitter:title' content='A title'>\
             <meta property='dc:creator twitter:site_name' content='Creator Name'>\
             <meta name='author' content='Someone Else'><body><h1>Unrelated heading</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Preferred"));
        assert_eq!(m.authors, vec!["Creator Name"]);
    }

    #[test]
    fn dublin_core_creators_are_read_in_catalogue_order() {
        let m = meta(
            "<meta name='DC.Creator' content='Kooman, F.'>\
             <meta name='DC.Creator' content='Jong, Michiel de'>",
        );
        assert_eq!(m.authors, vec!["F. Kooman", "Michiel de Jong"]);
        // Two names in one tag stay two names.
        let m = meta("<meta name='dc.creator' content='Ann Lee, Bo Kim'>");
        assert_eq!(m.authors, vec!["Ann Lee", "Bo Kim"]);
    }

    #[test]
    fn parsely_title_when_nothing_else_declares_one() {
        let m = meta(
            "<meta name='parsely-title' content='Some Other Title'>\
             <body><h1>Test document</h1></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Some Other Title"));
    }

    #[test]
    fn byline_the_header_shows_beats_a_menu_of_columnists() {
        let m = meta(
            "<body><ul class='menu'><li><a href='/author/grace-roe'>Grace Roe</a></li>\
             <li><a href='/author/mark-poe'>Mark Poe</a></li></ul>\
             <article><h1>Hotel secrets</h1><ul><li class='author'>Hazel Sheffield</li>\
             <li>Thursday 17 September 2015</li></ul><p>Hotels keep secrets.</p></article></body>",
        );
        assert_eq!(m.authors, vec!["Hazel Sheffield"]);
        // Without a header byline, the first on the page still stands.
        let m = meta("<body><span class='byline'>Joanna Poe</span><p>Text.</p></body>");
        assert_eq!(m.authors, vec!["Joanna Poe"]);
    }

    #[test]
    fn an_author_box_after_the_article_names_the_author_when_nothing_else_does() {
        // The box is past the header's reach: the article runs on before it.
        let body = "<p>Cheap search work costs more later on.</p>".repeat(40);
        let m = meta(&format!(
            "<body><article><h1>Why cheap SEO fails</h1>{body}</article>\
             <div class='box'><p>Written by Jo Crenshaw</p></div></body>"
        ));
        assert_eq!(m.authors, vec!["Jo Crenshaw"]);
        // A byline element ahead of it still wins.
        let m = meta(
            "<body><article><h1>Why cheap SEO fails</h1><span class='byline'>Ann Poe</span>\
             <p>Text.</p></article><div class='box'><p>Written by Jo Crenshaw</p></div></body>",
        );
        assert_eq!(m.authors, vec!["Ann Poe"]);
    }

    #[test]
    fn a_name_beside_the_date_under_the_headline_is_the_byline() {
        let m = meta(
            "<body><header><h1>How clinics use scheduling tools</h1>\
             <p>Aaron Whitfield | Senior Writer | July 2, 2025</p></header>\
             <p>Clinics are changing how they book patients.</p></body>",
        );
        assert_eq!(m.authors, vec!["Aaron Whitfield"]);
        // A section's label beside the date names nobody.
        let m = meta(
            "<body><header><h1>How clinics use scheduling tools</h1>\
             <p>World News | July 2, 2025</p></header><p>Clinics are changing.</p></body>",
        );
        assert!(m.authors.is_empty(), "{:?}", m.authors);
    }

    #[test]
    fn a_share_cards_written_by_row_names_the_author_when_nothing_else_does() {
        let head = "<head><meta name='twitter:label1' content='Written by'>\
                    <meta name='twitter:data1' content='Nadia Okafor'>\
                    <meta name='twitter:label2' content='Est. reading time'>\
                    <meta name='twitter:data2' content='7 minutes'></head>";
        let m = meta(&format!(
            "{head}<body><h1>Tuning slow queries</h1><p>Start with the plan.</p></body>"
        ));
        assert_eq!(m.authors, vec!["Nadia Okafor"]);
        // The page's own byline comes first.
        let m = meta(&format!(
            "{head}<body><h1>Tuning slow queries</h1><span class='byline'>Ann Poe</span>\
             <p>Start with the plan.</p></body>"
        ));
        assert_eq!(m.authors, vec!["Ann Poe"]);
        // A handle or a desk in the card names nobody; another row is no byline.
        let m = meta(
            "<head><meta name='twitter:label1' content='Written by'>\
             <meta name='twitter:data1' content='site_admin'>\
             <meta name='twitter:label2' content='Price'><meta name='twitter:data2' \
             content='Ann Poe'></head><body><h1>Tuning</h1><p>Text.</p></body>",
        );
        assert!(m.authors.is_empty(), "{:?}", m.authors);
    }

    #[test]
    fn authority_is_not_author() {
        let m = meta(
            "<body><h1>New Zealand</h1><p>Text.</p>\
             <div class='authority-control'>Authority control</div></body>",
        );
        assert!(m.authors.is_empty(), "{:?}", m.authors);
    }

    #[test]
    fn a_job_title_beside_a_name_is_not_an_author() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            names_only(v(&["Ben Silverman", "Games Editor"])),
            v(&["Ben Silverman"])
        );
        // Alone, the label is all the page gives.
        assert_eq!(
            names_only(v(&["Metro Contributor"])),
            v(&["Metro Contributor"])
        );
        // Interface labels and degrees beside a name are not authors; alone, they stand.
        assert_eq!(
            names_only(v(&[
                "Craig Roe",
                "Last updated on",
                "7 min read",
                "MS",
                "Ph.D"
            ])),
            v(&["Craig Roe"])
        );
        assert_eq!(names_only(v(&["CDC"])), v(&["CDC"]));
    }

    #[test]
    fn the_site_name_in_an_h1_is_not_the_headline() {
        let m = meta(
            "<title>Defer, Panic, and Recover - The Go Blog</title>\
             <body><h1>The Go Blog</h1><article><h1>Defer, Panic, and Recover¶</h1></article></body>",
        );
        assert_eq!(m.title.as_deref(), Some("Defer, Panic, and Recover"));
        // A site name put first: the longer part is the headline, the h1 stands.
        let m = meta(
            "<title>Leadfeeder | State of SEO in 2026: Trends and Predictions</title>\
             <body><h1>State of SEO in 2026: Trends and Predictions</h1></body>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("State of SEO in 2026: Trends and Predictions")
        );
    }

    #[test]
    fn a_declared_title_keeps_its_own_dash() {
        let m = meta(
            "<title>Minecraft 1.8 - The Bountiful Update - Minecraft News</title>\
             <meta property='og:title' content='Minecraft 1.8 - The Bountiful Update'>\
             <meta property='og:site_name' content='Minecraft News'>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Minecraft 1.8 - The Bountiful Update")
        );
        // The site's own name after the dash still goes.
        let m = meta(
            "<title>Ten projects | RenoFi | Learn which renovations pay</title>\
             <meta property='og:title' content='Ten projects | RenoFi'>\
             <meta property='og:site_name' content='RenoFi'>",
        );
        assert_eq!(m.title.as_deref(), Some("Ten projects"));
    }
}
