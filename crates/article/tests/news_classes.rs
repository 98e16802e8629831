//! Golden tests for the news boilerplate classes (issue #12) on small pages of our own in
//! `fixtures/news/`: each page shows one class in the markup forms outlets use, around a real
//! article body. The page's own comments say what must stay (`<!-- keep: … -->`, body sentences,
//! one of them built to survive every rule: a body paragraph that mentions a newsletter, links a
//! headline inside a sentence, starts with the author's name) and what must go
//! (`<!-- drop: … -->`).

use claimtrail_article::{extract, Article};
use claimtrail_page::{into_page, RawDoc};

fn extract_html(name: &str, html: &str) -> Article {
    let raw = RawDoc::new(name, html.as_bytes().to_vec());
    extract(&into_page(raw, false).expect("decodes"))
}

/// The phrases a fixture's `<!-- WHAT: phrase -->` comments list.
fn listed<'a>(html: &'a str, what: &str) -> Vec<&'a str> {
    let open = format!("<!-- {what}: ");
    html.match_indices(&open)
        .filter_map(|(i, _)| {
            let rest = &html[i + open.len()..];
            rest.find(" -->").map(|end| &rest[..end])
        })
        .collect()
}

fn check(name: &str) {
    let path = format!("{}/tests/fixtures/news/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).expect("fixture");
    let text = extract_html(name, &html).text;
    let (keep, drop) = (listed(&html, "keep"), listed(&html, "drop"));
    assert!(!keep.is_empty() && !drop.is_empty(), "{name} lists nothing");
    let missing: Vec<_> = keep.iter().filter(|k| !text.contains(*k)).collect();
    let kept: Vec<_> = drop.iter().filter(|d| text.contains(*d)).collect();
    assert!(
        missing.is_empty() && kept.is_empty(),
        "{name}: body missing {missing:?}, boilerplate kept {kept:?}, in:\n{text}"
    );
}

#[test]
fn a_closing_bio_of_a_writer_the_metadata_does_not_name_goes() {
    check("bio_unlisted.html");
}

/// A "by" inside the body's prose names someone the story is about, and a comment form's name
/// field names the next commenter: neither is the page's byline (issue #12).
#[test]
fn a_by_in_the_prose_or_a_comment_forms_name_field_is_no_byline() {
    let path = format!(
        "{}/tests/fixtures/news/byline_prose.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).expect("fixture");
    let a = extract_html("byline_prose.html", &html);
    assert!(a.authors.is_empty(), "authors {:?}", a.authors);
    assert!(a.text.contains("reports by Priya Natarajan of the tenants"));
}

/// A byline printed without "By", the writer's name beside the date under the headline, is the
/// page's author ahead of the share card's "Written by" row; a headline in capitals that the
/// declared title also writes in capitals keeps them (issue #12).
#[test]
fn a_name_beside_the_date_is_the_byline_and_declared_capitals_stay() {
    let path = format!(
        "{}/tests/fixtures/news/byline_dated.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).expect("fixture");
    let a = extract_html("byline_dated.html", &html);
    assert_eq!(a.authors, vec!["Thomas Abernethy"]);
    assert_eq!(
        a.title.as_deref(),
        Some("HARBOUR COUNCILS WEIGH A SHARED FERRY TIMETABLE")
    );
    // Without the line under the headline, the share card names the writer.
    let html = html.replace(
        "<p class=\"meta\">Thomas Abernethy | Transport Reporter | March 4, 2025</p>",
        "",
    );
    let a = extract_html("byline_dated.html", &html);
    assert_eq!(a.authors, vec!["Maren Osei"]);
}

#[test]
fn related_headline_blocks_in_and_after_the_article_go() {
    check("related.html");
}

#[test]
fn captions_and_photo_credits_go() {
    check("captions.html");
}

#[test]
fn time_stamps_price_lines_and_view_all_stubs_go_wherever_they_stand() {
    check("stamps.html");
}

#[test]
fn newsletter_subscription_and_book_promos_go() {
    check("newsletter.html");
}

#[test]
fn newsletter_box_lines_between_the_paragraphs_go() {
    check("newsletter_lines.html");
}

#[test]
fn author_bios_share_rows_and_comment_widgets_go() {
    check("bio_share.html");
}

#[test]
fn contents_lists_and_read_more_stubs_go() {
    check("toc_more.html");
}

#[test]
fn captions_pitches_and_headline_lists_between_the_paragraphs_go() {
    check("inline.html");
}

#[test]
fn a_bio_in_an_aside_a_share_list_and_bare_comment_links_go() {
    check("bio_aside.html");
}

#[test]
fn labelled_headlines_media_labels_and_network_rows_go() {
    check("labels.html");
}
