//! Hostile pages: each must give output (or a warning) quickly, never a panic, hang or stack
//! overflow. Time bounds are generous for debug builds on a shared machine.

use claimtrail_article::extract;
use claimtrail_page::{into_page, RawDoc};
use std::time::{Duration, Instant};

fn raw(bytes: Vec<u8>) -> RawDoc {
    RawDoc::new("hostile.html", bytes)
}

fn run(bytes: Vec<u8>, bound: Duration) -> claimtrail_article::Article {
    let t = Instant::now();
    let page = into_page(raw(bytes), false).expect("decodes");
    let a = extract(&page);
    assert!(t.elapsed() < bound, "took {:?}", t.elapsed());
    a
}

#[test]
fn ten_thousand_deep_nesting() {
    let html = format!(
        "<html><body>{}<p>The bottom of the well has words.</p>{}</body></html>",
        "<div><span>".repeat(10_000),
        "</span></div>".repeat(10_000)
    );
    let a = run(html.into_bytes(), Duration::from_secs(20));
    assert!(a.text.contains("bottom of the well"), "{}", a.text);
}

/// html5ever checks each attribute's name against every one before it on the tag: a tag of
/// 400,000 distinct attributes cost 8e10 comparisons (a million did not finish in 30 s). Such a
/// page gets no tree; its text is still read.
#[test]
fn a_tag_with_400_thousand_distinct_attributes() {
    let attrs: String = (0..400_000).map(|i| format!(" a{i}=b")).collect();
    let html = format!(
        "<html><body><div{attrs}><p>The mayor said prices rose 4 percent.</p></div></body></html>"
    );
    let a = run(html.into_bytes(), Duration::from_secs(10));
    assert!(a.text.contains("prices rose 4 percent"), "{}", a.text);
    assert!(
        a.warnings.iter().any(|w| w.contains("too many attributes")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn unclosed_deep_nesting() {
    let html = format!("<body>{}<p>Still here.</p>", "<b><i>".repeat(10_000));
    let a = run(html.into_bytes(), Duration::from_secs(20));
    assert!(a.text.contains("Still here"));
}

#[test]
fn fifty_megabyte_page() {
    let para = "<p>The committee met again on Thursday and agreed to publish the full minutes of \
                every session held since the start of the year, officials said.</p>\n";
    let mut html = String::from("<html><head><title>Big page</title></head><body><article>");
    while html.len() < 50 << 20 {
        html.push_str(para);
    }
    html.push_str("</article></body></html>");
    let a = run(html.into_bytes(), Duration::from_secs(240));
    assert!(a.text.contains("The committee met again"));
}

#[test]
fn one_giant_table() {
    let mut html = String::from("<html><body><table>");
    for r in 0..20_000 {
        html.push_str(&format!(
            "<tr><td>row {r}</td><td>value {}</td><td><a href='/x{r}'>link</a></td></tr>",
            r * 7
        ));
    }
    html.push_str("</table></body></html>");
    let a = run(html.into_bytes(), Duration::from_secs(60));
    assert!(!a.text.is_empty());
}

fn undeclared(enc: &'static encoding_rs::Encoding, text: &str) -> String {
    // No meta charset, no HTTP header: the decoder must guess from the bytes.
    let body = format!(
        "<html><body><article><p>{text}</p><p>{text}</p><p>{text}</p></article></body></html>"
    );
    let (bytes, _, _) = enc.encode(&body);
    run(bytes.into_owned(), Duration::from_secs(10)).text
}

#[test]
fn undeclared_windows_1251() {
    let t =
        "Правительство объявило сегодня о новых мерах поддержки малого бизнеса в регионах страны.";
    assert!(undeclared(encoding_rs::WINDOWS_1251, t).contains("Правительство объявило"));
}

#[test]
fn undeclared_gb2312() {
    let t = "政府今天宣布了支持全国各地区小企业的新措施，经济学家对此表示欢迎。";
    assert!(undeclared(encoding_rs::GBK, t).contains("政府今天宣布"));
}

#[test]
fn undeclared_shift_jis() {
    let t = "政府は本日、全国の中小企業を支援する新たな措置を発表しました。経済学者はこれを歓迎しています。";
    assert!(undeclared(encoding_rs::SHIFT_JIS, t).contains("中小企業を支援"));
}

#[test]
fn malformed_markup_keeps_words_apart() {
    let html = "<html><body><article><p>Alpha<b>beta</b> gamma<p>delta<br>epsilon</i></div>\
                <p>zeta <a href=x>eta</a><span>theta</span></article>"
        .repeat(3);
    let a = run(html.into_bytes(), Duration::from_secs(10));
    assert!(a.text.contains("delta"), "{}", a.text);
    assert!(!a.text.contains("deltaepsilon"), "{}", a.text);
}

/// Found by fuzzing: unclosed divs each followed by a stray close took 12-18 s at 10,000 deep
/// (the depth guard counted every close, "</p>" or "</span>" alike, as closing a div, so the
/// tree walks ran over the real nesting).
#[test]
fn unclosed_divs_around_stray_closes() {
    for unit in ["<div><p>By Kim Lee</p>", "<div>By Kim Lee</span>"] {
        let html = format!("<html><body>{}</body></html>", unit.repeat(12_000));
        let a = run(html.into_bytes(), Duration::from_secs(10));
        assert!(a.text.contains("Kim Lee"));
    }
}
