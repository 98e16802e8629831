//! Golden tests for the boilerplate classes of news pages (issue #12), each on a small page of
//! our own: the article's paragraphs must all be in the text, the boilerplate none of it. No
//! class or id on these pages names its block as boilerplate, so what decides is the block's
//! shape (link density, sentence shape, position), not its name.

use claimtrail_article::{extract, Article};
use claimtrail_page::{into_page, RawDoc};

fn extract_html(html: &str) -> Article {
    let raw = RawDoc::new("news.html", html.as_bytes().to_vec());
    extract(&into_page(raw, false).expect("decodes"))
}

/// Eight distinct article paragraphs, each with a marker word ("para0" … "para7").
fn story() -> String {
    (0..8)
        .map(|i| {
            format!(
                "<p>para{i}: The harbour authority said on Monday that repairs to the northern \
                 pier would take until the spring, after storms in <a href=/t/winter>January</a> \
                 damaged the pilings and closed two berths to cargo ships.</p>"
            )
        })
        .collect()
}

/// A list of other stories' headlines, each a link.
fn headline_list(n: usize) -> String {
    let items: String = (0..n)
        .map(|i| {
            format!(
                "<li><a href=/news/{i}>headline{i} Council delays vote on bus lanes again</a></li>"
            )
        })
        .collect();
    format!("<ul>{items}</ul>")
}

/// A site's chrome: a menu bar, a rail of popular headlines and a footer of links, in plain
/// `div`s as many templates have them.
fn chrome(article: &str) -> String {
    let menu: String = ["Home", "World", "Business", "Sport", "Culture", "Opinion"]
        .iter()
        .map(|s| format!("<a href=/{s}>menuitem{s}</a> "))
        .collect();
    format!(
        "<html><head><title>Pier repairs to take until spring | Example News</title></head><body>\
         <div id=wrap><div class=top>{menu}</div><div class=grid>\
         <div class=col-main>{article}</div>\
         <div class=col-side><h3>Popular</h3>{}</div></div>\
         <div class=bottom>{menu}<p>Example News Ltd, 1 Quay Street</p></div></div></body></html>",
        headline_list(10)
    )
}

fn assert_story_whole(a: &Article) {
    for i in 0..8 {
        assert!(
            a.text.contains(&format!("para{i}:")),
            "para{i} missing:\n{}",
            a.text
        );
    }
}

#[test]
fn whole_page_wrapper_keeps_the_article_and_drops_menus_and_rails() {
    let a = extract_html(&chrome(&format!(
        "<h1>Pier repairs to take until spring</h1>{}",
        story()
    )));
    assert_story_whole(&a);
    assert!(!a.text.contains("menuitem"), "{}", a.text);
    assert!(!a.text.contains("headline"), "{}", a.text);
}

#[test]
fn a_headline_list_after_the_article_goes() {
    let article = format!(
        "<h1>Pier repairs to take until spring</h1>{}\
         <div><h3>More from the harbour</h3>{}</div>",
        story(),
        headline_list(6)
    );
    let a = extract_html(&chrome(&article));
    assert_story_whole(&a);
    assert!(!a.text.contains("headline"), "{}", a.text);
}

/// A headline list between two paragraphs of the article goes, with its heading.
#[test]
fn a_headline_list_inside_the_article_goes() {
    let s = story();
    let (first, rest) = s.split_at(s.find("<p>para4").expect("para4"));
    let article = format!(
        "<h1>Pier repairs to take until spring</h1>{first}<div><h4>Read more</h4>{}</div>{rest}",
        headline_list(4)
    );
    let a = extract_html(&chrome(&article));
    assert_story_whole(&a);
    assert!(!a.text.contains("headline"), "{}", a.text);
    assert!(!a.text.contains("Read more"), "{}", a.text);
}

#[test]
fn captions_and_photo_credits_go() {
    let s = story();
    let (first, rest) = s.split_at(s.find("<p>para2").expect("para2"));
    let article = format!(
        "<h1>Pier repairs to take until spring</h1>{first}\
         <figure><img src=pier.jpg><figcaption>captionA The damaged pier in January. \
         Photo: Jo Bloggs/Agency</figcaption></figure>{rest}\
         <div><img src=berth.jpg><span>captionB Cargo ships wait offshore (Photo: Agency)</span></div>"
    );
    let a = extract_html(&chrome(&article));
    assert_story_whole(&a);
    assert!(!a.text.contains("captionA"), "{}", a.text);
    assert!(!a.text.contains("captionB"), "{}", a.text);
}

#[test]
fn newsletter_promos_and_author_boxes_go() {
    let article = format!(
        "<h1>Pier repairs to take until spring</h1><p class=byline>By Ann Lee</p>{}\
         <div><h3>promo Get the morning briefing</h3><p>Sign up for our newsletter</p>\
         <form><input type=email><button>Subscribe</button></form></div>\
         <div><img src=ann.jpg><p>Ann Lee is a reporter covering the port and shipping.</p></div>",
        story()
    );
    let a = extract_html(&chrome(&article));
    assert_story_whole(&a);
    assert!(!a.text.contains("promo"), "{}", a.text);
    assert!(!a.text.contains("newsletter"), "{}", a.text);
    assert!(!a.text.contains("covering the port"), "{}", a.text);
}

#[test]
fn a_utf8_page_declaring_a_legacy_charset_is_read_as_utf8_with_a_warning() {
    // Saved as UTF-8 with the old `gb2312` declaration left in: decoded as declared, every
    // character would be mojibake.
    let paras: String = (0..6)
        .map(|i| {
            format!(
                "<p>第{i}段：港务局星期一表示，北侧码头的修复工程将持续到明年春天，\
                 因为一月份的风暴损坏了桩基，并导致两个货轮泊位关闭。</p>"
            )
        })
        .collect();
    let a = extract_html(&format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
         <title>码头修复</title></head><body><article><h1>码头修复工程将持续到明年春天</h1>\
         {paras}</article></body></html>"
    ));
    assert!(a.text.contains("第5段：港务局星期一表示"), "{}", a.text);
    assert!(
        a.warnings.iter().any(|w| w.contains("valid UTF-8")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn a_paragraph_the_article_repeats_stays_and_a_second_rendering_goes_once() {
    // A training plan prints the same warm-up before each session: the article's own refrain.
    let step = "<p>Warm up: ten minutes of easy jogging, then five short strides at race pace \
                before the main set begins.</p>";
    let sessions: String = (1..=3)
        .map(|i| format!("{step}<p>Session {i} is a run of {i} miles at a steady pace.</p>"))
        .collect();
    let a = extract_html(&format!(
        "<html><body><article><h1>A plan for the spring race</h1>{sessions}{}</article>\
         </body></html>",
        story()
    ));
    assert_eq!(
        a.text.matches("Warm up: ten minutes").count(),
        3,
        "{}",
        a.text
    );
    // The whole story rendered twice (a print copy after the screen one) is read once.
    let a = extract_html(&format!(
        "<html><body><article><h1>Harbour repairs</h1>{0}<div>{0}</div></article></body></html>",
        story()
    ));
    assert_story_whole(&a);
    assert_eq!(a.text.matches("para3:").count(), 1, "{}", a.text);
}

#[test]
fn a_teaser_rail_does_not_replace_the_article_readability_found() {
    // Readability keeps the short story; the page's other paragraphs (a rail of headlines, a
    // video player's settings) outweigh it, but none of them is prose.
    let story: String = (0..4)
        .map(|i| {
            format!(
                "<p>para{i}: The harbour authority said on Monday that repairs to the northern \
                 pier would take until the spring, after storms damaged the pilings.</p>"
            )
        })
        .collect();
    let headlines: String = (0..40)
        .map(|i| format!("<li>Storm closes roads across the county for day {i}</li>"))
        .collect();
    let fonts: String = (0..20)
        .map(|i| format!("<li>Arial Black {i}</li>"))
        .collect();
    let rail = format!("<ul>{headlines}</ul><ul>{fonts}</ul>");
    let a = extract_html(&format!(
        "<html><body><div id=main><article><h1>Pier repairs</h1>{story}</article></div>\
         <div id=more>{rail}</div></body></html>"
    ));
    for i in 0..4 {
        assert!(a.text.contains(&format!("para{i}:")), "{}", a.text);
    }
    assert!(!a.text.contains("Storm closes roads"), "{}", a.text);
    assert!(!a.text.contains("Arial Black"), "{}", a.text);
}
