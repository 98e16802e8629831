use super::link_blocks::MAX_CARD_WORDS;
use super::region_names::names_boilerplate;

use super::*;

#[test]
fn a_list_of_links_goes_with_its_heading_and_a_list_that_says_something_stays() {
    let d = Document::from(
            "<div class=body><p>First para of the story, long enough to be one.</p>\
             <div><h4>Read more</h4><ul><li><a href=/a>One headline</a></li>\
             <li><a href=/b>Another headline here</a></li><li><a href=/c>A third</a></li></ul></div>\
             <ul><li>Prices rose <a href=/p>4 percent</a> in May.</li><li>Rents rose too.</li>\
             <li>Wages did not.</li></ul><p>Last para.</p></div>",
        );
    let v = paragraph_text(&d);
    assert!(
        !v.text.contains("headline") && !v.text.contains("third"),
        "{}",
        v.text
    );
    assert!(
        v.text.contains("Prices rose 4 percent in May."),
        "{}",
        v.text
    );
    assert_eq!(v.regions.len(), 1);
    // The box with its heading, not the list alone.
    assert_eq!(v.regions[0].node_name().as_deref(), Some("div"));
    // Two links are not yet a list of them.
    let d = Document::from("<ul><li><a href=/a>One</a></li><li><a href=/b>Two</a></li></ul>");
    assert!(paragraph_text(&d).regions.is_empty());
}

#[test]
fn a_list_of_story_cards_goes_and_a_list_of_headed_steps_stays() {
    let card = |i: usize| {
        format!(
            "<li><a href=/s{i}><img alt=''></a><h3><a href=/s{i}>Story number {i} makes \
                 news</a></h3><p>A teaser of the story, which says what happened and why \
                 readers should care about it.</p><span>Outlet</span></li>"
        )
    };
    let cards: String = (0..4).map(card).collect();
    let story =
        "<p>A paragraph of the story, long enough to be one of its paragraphs.</p>".repeat(12);
    let d = Document::from(format!(
        "<div class=body>{story}</div><ul id=stream>{cards}</ul>"
    ));
    let v = paragraph_text(&d);
    assert!(!v.text.contains("teaser"), "{}", v.text);
    assert_eq!(v.regions.len(), 1);
    // A page that opens with the cards (a listing) is made of them.
    let d = Document::from(format!(
        "<h1>Events</h1><p>Upcoming ones.</p><ul>{cards}</ul>{story}"
    ));
    let v = paragraph_text(&d);
    assert!(v.regions.is_empty());
    assert!(v.text.contains("teaser"), "{}", v.text);
    // Headings that are not links: the article's own list of steps.
    let steps: String = (0..4)
        .map(|i| {
            format!("<li><h3>Step {i}</h3><p>Mix the flour and <a href=/w>water</a>.</p></li>")
        })
        .collect();
    let d = Document::from(format!("<ol>{steps}</ol>"));
    let v = paragraph_text(&d);
    assert!(v.regions.is_empty());
    // The same cards as `<article>` elements side by side in a block.
    let boxed = cards
        .replace("<li>", "<article>")
        .replace("</li>", "</article>");
    let d = Document::from(format!(
        "<div class=body>{story}</div><section>{boxed}</section>"
    ));
    let v = paragraph_text(&d);
    assert!(!v.text.contains("teaser"), "{}", v.text);
    assert_eq!(v.regions.len(), 1);
    let d = Document::from(format!("<ol>{steps}</ol>"));
    let v = paragraph_text(&d);
    assert!(v.regions.is_empty());
    assert!(v.text.contains("Mix the flour"), "{}", v.text);
    // Long items under linked headings are sections of the text, not cards.
    let long = "word ".repeat(MAX_CARD_WORDS);
    let sections: String = (0..3)
        .map(|i| format!("<li><h3><a href=/t{i}>Tool {i}</a></h3><p>{long}</p></li>"))
        .collect();
    let d = Document::from(format!("<ul>{sections}</ul>"));
    assert!(paragraph_text(&d).regions.is_empty());
}

#[test]
fn paragraphs_outside_boilerplate() {
    let d = Document::from(
        "<nav><p>Home News</p></nav><div class='post'><p>First para here.</p><h2>Sub</h2>\
             <p>Second <b>bold</b> para.</p></div><div class='comments'><p>Nice post!</p></div>",
    );
    let v = paragraph_text(&d);
    assert_eq!(v.text, "First para here.\nSub\nSecond bold para.\n");
    assert_eq!(v.words, 7);
    let regions: Vec<_> = v.regions.iter().map(|r| r.attr("class")).collect();
    assert_eq!(regions.len(), 1);
    assert_eq!(regions[0].as_deref(), Some("comments"));
}

#[test]
fn regions_without_text_are_collected_for_removal() {
    let para = "<p>Article words here.</p>";
    let d = Document::from(format!(
        "<form id='aspnet'><div class='post'>{}</div>\
             <div class='share-bar'><a>Share</a></div></form>\
             <form class='signup'><p>Get our newsletter.</p></form>\
             <span class='share'>Tweet</span>",
        para.repeat(6)
    ));
    let v = paragraph_text(&d);
    let named: Vec<_> = v
        .regions
        .iter()
        .map(|r| r.attr("class").map(|c| c.to_string()))
        .collect();
    // The outer form holds the article: it stays, and the regions inside it are found.
    // Inline elements are never regions.
    assert_eq!(
        named,
        vec![Some("share-bar".to_string()), Some("signup".to_string())]
    );
    assert_eq!(v.words, 18);
}

#[test]
fn a_sign_up_form_takes_its_small_box_along() {
    let article = "<p>Article words here, enough of them to read.</p>".repeat(6);
    let d = Document::from(format!(
        "<div id=story>{article}<div id=box><h3>Get the briefing</h3><p>Sign up today</p>\
             <div><form><input type=email></form></div></div></div>"
    ));
    let v = paragraph_text(&d);
    let ids: Vec<_> = v.regions.iter().map(|r| r.attr("id")).collect();
    // The box, not the story that holds it: the story has more words than a box.
    assert_eq!(ids.len(), 1);
    assert_eq!(ids[0].as_deref(), Some("box"));
}

/// Article paragraphs enough for the page to outweigh any box set into it.
fn story() -> String {
    (0..6)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the story: the council met on Tuesday and voted to \
                     repair the bridge before winter.</p>"
            )
        })
        .collect()
}

#[test]
fn a_headline_list_with_time_stamps_goes_and_annotated_links_stay() {
    let items: String = ["3h ago", "May 4, 2025", "12 comments"]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!("<li><a href=/s{i}>Other story {i} makes news</a> <time>{t}</time></li>")
        })
        .collect();
    let d = Document::from(format!("<div id=story>{}<ul>{items}</ul></div>", story()));
    let v = paragraph_text(&d);
    assert_eq!(v.regions.len(), 1);
    assert!(!v.text.contains("Other story"), "{}", v.text);
    let items: String = (0..3)
        .map(|i| format!("<li><a href=/c{i}>Course {i}</a> from Acme (4{i})</li>"))
        .collect();
    let d = Document::from(format!("<div id=story>{}<ul>{items}</ul></div>", story()));
    assert!(paragraph_text(&d).regions.is_empty());
}

#[test]
fn a_labelled_link_paragraph_goes_and_a_sentence_with_a_link_stays() {
    let d = Document::from(format!(
        "<div id=story>{}<p>Read more: <a href=/a>Bridge tolls to rise in May</a></p>\
             <p><strong>RELATED</strong> <a href=/b>Why the ferry stopped</a></p>\
             <p>Jump to: <a href=#a>Costs</a> | <a href=#b>Dates</a></p>\
             <p>As <a href=/c>we reported in March</a>, the bridge was closed.</p>\
             <p><a href=/p>Acme Cordless Drill</a></p></div>",
        story()
    ));
    let v = paragraph_text(&d);
    assert_eq!(v.regions.len(), 3, "{}", v.text);
    assert!(
        !v.text.contains("tolls") && !v.text.contains("ferry"),
        "{}",
        v.text
    );
    assert!(!v.text.contains("Jump to"), "{}", v.text);
    // Prose with a link, and a product's name as a linked subheading, stay.
    assert!(v.text.contains("As we reported in March"), "{}", v.text);
    assert!(v.text.contains("Acme Cordless Drill"), "{}", v.text);
}

#[test]
fn a_block_of_linked_headlines_goes_with_its_heading() {
    let links: String = (0..3)
        .map(|i| format!("<a href=/s{i}><h5>Other story number {i} here</h5></a>"))
        .collect();
    let d = Document::from(format!(
        "<div id=story>{}<div><h4>More on this</h4>{links}</div></div>",
        story()
    ));
    let v = paragraph_text(&d);
    assert_eq!(v.regions.len(), 1);
    assert!(!v.text.contains("Other story"), "{}", v.text);
    // Text of its own between the links: a paragraph of the article.
    let d = Document::from(format!(
        "<div id=story>{}<div><a href=/a>Ann</a> and <a href=/b>Bo</a> met \
             <a href=/c>Cy</a></div></div>",
        story()
    ));
    assert!(paragraph_text(&d).regions.is_empty());
}

#[test]
fn a_picture_with_its_caption_goes_but_a_step_or_a_card_of_a_grid_stays() {
    let d = Document::from(format!(
        "<div id=story>{}<div><img src=a.jpg><p>Workers on the bridge on Monday.</p>\
             <span>Photo: Jo Roe/Agency</span></div></div>",
        story()
    ));
    let v = paragraph_text(&d);
    assert_eq!(v.regions.len(), 1);
    assert!(!v.text.contains("Workers on the bridge"), "{}", v.text);
    // A step puts its heading and text before the picture.
    let d = Document::from(format!(
        "<div id=story>{}<div><h3>Step 2</h3><p>Fill the hole.</p><img src=b.jpg></div></div>",
        story()
    ));
    assert!(paragraph_text(&d).regions.is_empty());
    // Cards of a grid, each a picture and its text, are the page's items.
    let cards: String = (0..3)
            .map(|i| format!("<div class='col{i} x'><div><img src={i}.jpg></div><p>Plant {i} grows in shade.</p></div>"))
            .collect();
    let d = Document::from(format!("<div id=story>{}<div>{cards}</div></div>", story()));
    let v = paragraph_text(&d);
    assert!(v.regions.is_empty());
    assert!(v.text.contains("Plant 2 grows"), "{}", v.text);
}

#[test]
fn a_promo_box_with_a_call_to_action_goes() {
    let d = Document::from(format!(
        "<div id=story>{}<div><p><b>Get the morning briefing</b></p><p>Our free email, \
             every weekday. <a href=/n>Sign up here</a></p></div>\
             <div><h4>The Long Bridge</h4><p>Our reporter's book is out now. \
             <a href=/shop>Order your copy</a></p></div></div>",
        story()
    ));
    let v = paragraph_text(&d);
    assert_eq!(v.regions.len(), 2);
    assert!(
        !v.text.contains("briefing") && !v.text.contains("book"),
        "{}",
        v.text
    );
    // A link of the text that happens to read "register" stays: it is no box.
    let d = Document::from(format!(
        "<div id=story>{}<p>Residents must <a href=/r>register</a> by Friday.</p></div>",
        story()
    ));
    assert!(paragraph_text(&d).regions.is_empty());
}

#[test]
fn the_pitch_before_a_bare_form_goes_with_it() {
    let d = Document::from(format!(
        "<div id=story>{}<p>Sign up for our newsletter to get the week's news.</p>\
             <form><input type=email><button>Sign up</button></form></div>",
        story()
    ));
    let v = paragraph_text(&d);
    assert_eq!(v.regions.len(), 2);
    assert!(!v.text.contains("newsletter"), "{}", v.text);
    // The article's last paragraph before a comment form says nothing of its button.
    let d = Document::from(format!(
        "<div id=story>{}<p>The bridge reopens in May.</p>\
             <form><textarea></textarea><button>Post comment</button></form></div>",
        story()
    ));
    let v = paragraph_text(&d);
    assert_eq!(v.regions.len(), 1);
    assert!(v.text.contains("reopens in May"), "{}", v.text);
}

#[test]
fn layout_modifiers_naming_a_sidebar_are_not_boilerplate() {
    assert!(!names_boilerplate("main-with-sidebar"));
    assert!(!names_boilerplate("has-comments"));
    assert!(names_boilerplate("sidebar-left"));
    assert!(names_boilerplate("post-comments"));
    assert!(names_boilerplate("relatedPosts"));
    assert!(names_boilerplate("share_bar2"));
    assert!(!names_boilerplate("commentary"));
    assert!(!names_boilerplate("shareable-quote"));
    assert!(!names_boilerplate("promotion"));
    assert!(!names_boilerplate("tag-social-media"));
    assert!(!names_boilerplate("category-commentary"));
    let d = Document::from(
        "<div class='site-content with-sidebar'><p>Article words here.</p></div>\
             <div class='sidebar'><p>Side.</p></div>",
    );
    let v = paragraph_text(&d);
    assert_eq!((v.text.as_str(), v.words), ("Article words here.\n", 3));
}

#[test]
fn words_join_across_inline_tags_and_split_across_blocks() {
    let d = Document::from(
        "<p>bo<b>ld</b> move<br>next <i>line</i></p><li>one two three four five six seven \
             eight</li><li>Home</li><blockquote><p>Quoted words.</p></blockquote>",
    );
    let v = paragraph_text(&d);
    assert_eq!(
        (v.text.as_str(), v.words),
        (
            "bold move next line\none two three four five six seven eight\nHome\nQuoted words.\n",
            15
        )
    );
}

#[test]
fn page_builder_and_page_wide_classes_are_not_boilerplate() {
    let d = Document::from(
        "<html><body class='btMenuLeft modal-open'><div class='elementor-widget-text-editor'>\
             <p>Article words here.</p></div><div class='sidebar'><p>Side.</p></div></body></html>",
    );
    let v = paragraph_text(&d);
    assert_eq!((v.text.as_str(), v.words), ("Article words here.\n", 3));
}

/// Elements of random tags (page-wide, boilerplate and plain) and class and id values built
/// from the hints, their plurals, prefixes that undo them, separators and other words, some
/// missing, every value repeated and each element asked twice: the walk's remembered verdicts
/// are `is_boilerplate`'s.
#[test]
fn remembered_region_names_are_the_hints_verdicts() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let words = [
        "comment",
        "Comments",
        "sidebar",
        "related",
        "Related",
        "share",
        "sharing",
        "social",
        "menu",
        "cookie",
        "newsletter",
        "promo",
        "ad",
        "ads",
        "advert",
        "banner",
        "modal",
        "author",
        "caption",
        "footnote",
        "trending",
        "popular",
        "tag-",
        "category-",
        "has-",
        "no-",
        "with-",
        "main",
        "post",
        "story",
        "commentary",
        "shareable",
        "promotion",
        "-",
        "_",
        " ",
        "  ",
        "2",
        "X",
        "é",
        "Bar",
    ];
    let tags = [
        "div", "section", "span", "p", "ul", "nav", "footer", "aside", "main", "article", "body",
        "header", "li",
    ];
    let value = prop::option::of(prop::collection::vec(0..words.len(), 0..5));
    let element = (0..tags.len(), value.clone(), value);
    let mut runner = TestRunner::new(Config {
        cases: 300,
        ..Config::default()
    });
    let named = std::cell::Cell::new(0);
    runner
        .run(&prop::collection::vec(element, 1..12), |elements| {
            let join = |v: &Option<Vec<usize>>| {
                v.as_ref()
                    .map(|v| v.iter().map(|&i| words[i]).collect::<String>())
            };
            let mut html = String::from("<html><body>");
            for (t, class, id) in elements.iter().chain(elements.iter()) {
                // "body", "main" and "article" as elements of their own inside the page.
                html.push_str(&format!("<{}", tags[*t]));
                for (a, v) in [("class", join(class)), ("id", join(id))] {
                    if let Some(v) = v {
                        html.push_str(&format!(" {a}=\"{v}\""));
                    }
                }
                html.push_str(&format!(">x</{}>", tags[*t]));
            }
            let doc = Document::from(html.as_str());
            let mut names = RegionNames::default();
            for n in doc.root().descendants() {
                if !n.is_element() {
                    continue;
                }
                for _ in 0..2 {
                    let b = names.is_boilerplate(&n);
                    prop_assert_eq!(b, is_boilerplate(&n));
                    named.set(named.get() + usize::from(b));
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(named.get() > 1000, "{}", named.get());
}
