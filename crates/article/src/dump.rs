//! Whole-page text dumps: find the article among the page chrome and recover its metadata.
//!
//! A dump is a page saved as plain text: menus, ads, paywall offers, "Read also" lists, comment
//! counters and footers all sit around the article. The extractor works on general signals only
//! (line length, function-word and punctuation density, repetition, position): each line is
//! scored, the densest contiguous run is the article, and chrome-shaped lines inside it are
//! dropped. Metadata comes from the lines around that run. Everything is linear in the input.

mod byline;
mod credits;
mod gallery;
mod inserts;
mod lines;
mod title;
mod wrap;

use crate::Article;

/// Lines above the block searched for credits and notices.
const HEAD_REACH: usize = 12;
/// Lines below the block searched for credits and notices.
const TAIL_REACH: usize = 6;
/// Lines of a page too short to have chrome around an article block.
const SHORT_PAGE: usize = 12;

/// Lines that open the article's block (headline and first paragraph): the lead, whose dates
/// are the report's own.
const LEAD_LINES: usize = 2;
/// Longest line that may be a date line whatever the date's place in it.
const DATE_LINE_CHARS: usize = 80;
/// Words before a date that still opens its line: a dateline's place or label ("WASHINGTON,
/// March 3, 2014 (AP) —", "Posted by the desk on March 3, 2014"); more make it a sentence's.
const DATE_OPENS_AFTER_WORDS: usize = 4;

/// The date a line of the article's block stamps the page with: a short line's date, or one
/// that opens a line; a date inside a sentence tells the narrative.
fn stamped_date(line: &str) -> Option<String> {
    // A short line is a date line unless it reads as a sentence ("Reid checked herself in on
    // Tuesday, December 9, 2008."), whose date must then open it like a long line's.
    let sentence = line.trim_end().ends_with(['.', '!', '?']);
    if line.chars().count() <= DATE_LINE_CHARS && !sentence {
        return crate::dates::find_date(line);
    }
    match crate::dates::find_date_after_words(line) {
        Some((words, d)) if words <= DATE_OPENS_AFTER_WORDS => Some(d),
        _ => None,
    }
}

/// Extracts the article from a whole-page text dump. Never panics.
pub fn extract_dump(raw: &str) -> Article {
    let owned = wrap::join_wrapped(raw);
    let mut scored = lines::score_lines(owned.iter().map(String::as_str).collect());
    let mut art = Article::default();
    let Some((bs, be)) = lines::best_block(&scored.scores) else {
        return art;
    };
    let (mut bs, be) = lines::trim_edges(&scored.scores, bs, be);
    let be = inserts::cut_at_end_marker(&mut scored, bs, be);
    gallery::drop_slides(&mut scored, bs, be);
    let lines = &scored.lines;

    art.url = scored.lines.iter().take(3).find_map(|l| title::address(l));
    // The page's `<title>` and its heading agree: that is the headline.
    let printed = title::printed_title_head(lines);
    let title = match printed {
        Some((_, k)) => Some(k),
        None => title::pick(&scored, bs, be),
    };
    if let Some(t) = title {
        let from_first_line = printed.is_some();
        art.title = Some(match printed {
            Some((head, _)) => head,
            None => title::without_trail(lines[t]).to_string(),
        });
        if t == bs || (!from_first_line && t >= bs) {
            bs = t + 1; // the block opened with its own headline
        }
    }

    let mut body: Vec<&str> = Vec::new();
    let block = lines.iter().zip(&scored.drop).take(be + 1).skip(bs);
    for (&line, &dropped) in block {
        if dropped {
            continue;
        }
        let mut l = line;
        if let Some((date, end)) = credits::date_prefix(l) {
            art.published.get_or_insert(date);
            l = l.get(end..).unwrap_or("").trim();
            if l.is_empty() {
                continue;
            }
        }
        if credits::is_syndication_notice(l) {
            art.syndicated = true;
            continue;
        }
        let ag = credits::credit_line(l);
        if !ag.is_empty() {
            add_agencies(&mut art, &ag);
            continue;
        }
        if title::address(l).is_some() {
            continue; // the page's address is `url`, not text
        }
        body.push(l);
    }

    // credits and notices printed just outside the article
    let around =
        (bs.saturating_sub(HEAD_REACH)..bs).chain(be + 1..lines.len().min(be + 1 + TAIL_REACH));
    for k in around {
        let l = lines[k];
        if credits::is_syndication_notice(l) {
            art.syndicated = true;
        }
        if art.published.is_none() {
            art.published = credits::date_prefix(l).map(|(d, _)| d);
        }
        add_agencies(&mut art, &credits::credit_line(l));
    }
    if let Some(first) = body.first() {
        add_agencies(&mut art, &credits::credit_inline(first));
    }
    art.dateline = body.iter().take(3).find_map(|b| credits::dateline(b));

    // The first visible date up to the article's end: later dates belong to comments and teasers.
    // Past the lead, a date in the middle of a sentence is the narrative's ("the crimes he
    // committed on March 11, 2005", "Moussaoui, the Sept. 11, 2001 conspirator"), not the
    // page's: there only a date line or a date opening its line (a dateline) stamps the page.
    // The lead's own date is the report's event, days from its publication at most.
    if art.published.is_none() {
        art.published = lines.iter().take(be + 1).enumerate().find_map(|(k, l)| {
            if k < bs + LEAD_LINES {
                crate::dates::find_date(l)
            } else {
                stamped_date(l)
            }
        });
    }
    // Some pages print the date line under the article: a short line right after it.
    if art.published.is_none() {
        art.published = lines
            .iter()
            .skip(be + 1)
            .take(TAIL_REACH)
            .filter(|l| l.len() <= 40)
            .find_map(|l| crate::dates::find_date(l));
    }

    let head = title.filter(|&t| t < bs).unwrap_or(bs).saturating_sub(4);
    art.authors = byline::pick(&scored, head, lines.len().min(bs + 2), title);
    // A page of a few lines (address, date, one sentence) has no block to speak of: its text is
    // what is left once address and date lines are set aside.
    let no_prose = scored.scores.iter().all(|&s| s <= 0.0);
    if (body.is_empty() || no_prose) && lines.len() <= SHORT_PAGE {
        body = lines
            .iter()
            .copied()
            .filter(|l| {
                title::address(l).is_none()
                    && crate::dates::find_date(l).is_none_or(|_| l.len() > 40)
            })
            .collect();
    }
    // Stubs, captions, notices and a closing bio read the same in a dump as in a page.
    art.text = crate::html::remove_boilerplate(&body.join("\n\n"), &art.authors);
    art
}

fn add_agencies(art: &mut Article, names: &[&str]) {
    for n in names {
        if !art.agencies.iter().any(|a| a == n) {
            art.agencies.push((*n).to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Skip to content\nHome\nWorld\nSports\nBusiness\nContact\n\n\
        Ministers agree on a new fisheries deal\n\nBy Jane Doe\n\n\
        BRUSSELS: European ministers agreed on Tuesday to a new fisheries deal after talks that lasted through the night, officials said.\n\n\
        The agreement sets catch limits for the coming year and, according to diplomats, it was reached only after a late compromise on quotas.\n\n\
        Environmental groups said the limits were still too high and that the stocks of several species would continue to fall.\n\
        Source: AFP/xy\n\nAdvertisement\n\nRelated\n\nShare on Facebook\n";

    #[test]
    fn stubs_credits_and_pitches_in_the_block_go_as_on_a_page() {
        let page = PAGE.replace(
            "Environmental groups said",
            "Ministers at the table in Brussels. (Jo Bloggs/AFP)\n\n\
             Continue reading the main story\n\n\
             Sign up for our free newsletter, every weekday.\n\n\
             Environmental groups said",
        );
        let a = extract_dump(&page);
        assert!(a.text.contains("late compromise on quotas"), "{}", a.text);
        assert!(a.text.ends_with("continue to fall."), "{}", a.text);
        for gone in ["Jo Bloggs", "Continue reading", "Sign up"] {
            assert!(!a.text.contains(gone), "{gone}: {}", a.text);
        }
    }

    #[test]
    fn the_title_line_and_the_heading_agree_on_the_headline() {
        // The page's `<title>` on the first line, its heading printed again further down, then a
        // standfirst in title case on top of the byline.
        let page = PAGE
            .replace(
                "Skip to content",
                "Ministers agree on a new fisheries deal - World News\n\nSkip to content",
            )
            .replace(
                "\n\nBy Jane Doe",
                "\n\nEuropean Ministers Agree Catch Limits After Night Of Talks\n\nBy Jane Doe",
            );
        let a = extract_dump(&page);
        assert_eq!(
            a.title.as_deref(),
            Some("Ministers agree on a new fisheries deal")
        );
        assert!(a.text.starts_with("BRUSSELS: European"), "{}", a.text);
    }

    #[test]
    fn small_page() {
        let a = extract_dump(PAGE);
        assert_eq!(
            a.title.as_deref(),
            Some("Ministers agree on a new fisheries deal")
        );
        assert_eq!(a.dateline.as_deref(), Some("BRUSSELS"));
        assert_eq!(a.agencies, vec!["AFP"]);
        assert_eq!(a.authors, vec!["Jane Doe"]);
        assert!(a.text.starts_with("BRUSSELS: European"));
        assert!(a.text.ends_with("continue to fall."));
        assert!(!a.text.contains("Advertisement") && !a.text.contains("Source:"));
    }

    #[test]
    fn date_line_and_syndication() {
        let a = extract_dump(
            " date 2024-10-24 The White House has said that thousands of soldiers arrived in the east in October and are training.\n\
             Officials said on Wednesday that they were watching the situation closely and would brief their allies.\n\
             (Only the headline may have been reworked; the rest of the content is auto-generated from a syndicated feed.)\n",
        );
        assert_eq!(a.published.as_deref(), Some("2024-10-24"));
        assert!(a.syndicated);
        assert!(a.text.starts_with("The White House"));
        assert!(!a.text.contains("syndicated"));
    }

    #[test]
    fn a_date_inside_a_sentence_past_the_lead_does_not_date_the_page() {
        let body = "Now that the courthouse killer has been sentenced to life without parole, one of the questions left is where he will serve his time in prison.\n\n\
            The judge on Saturday suggested that he should serve it in the federal maximum security prison in Colorado, the toughest in the nation.\n\n\
            The judge said he was surprised to learn during the trial that a man convicted of state crimes could still serve his time in a federal prison.\n\n\
            Its inmates include the shoe bomber and the Sept. 11, 2001 conspirator, who were all sent there after their trials ended in federal courts.\n\n\
            The remote prison, which opened in the desert decades ago, almost disappears into the same-color land around it, officials said.\n";
        let a = extract_dump(body);
        assert!(a.text.contains("Sept. 11, 2001"), "{}", a.text);
        assert_eq!(a.published, None);
        // The lead's date is the report's own; so is a date line, or a dateline opening a line.
        let lead = body.replacen("on Saturday", "on Saturday, December 13, 2008,", 1);
        assert_eq!(extract_dump(&lead).published.as_deref(), Some("2008-12-13"));
        // A short sentence past the lead tells the narrative too; a short date line does not.
        let short = body.replacen(
            "The remote prison",
            "He checked in on Tuesday, December 9, 2008.\n\nThe remote prison",
            1,
        );
        assert_eq!(extract_dump(&short).published, None);
        let stamp = body.replacen(
            "The remote prison",
            "Posted: May 24, 2005\n\nThe remote prison",
            1,
        );
        assert_eq!(
            extract_dump(&stamp).published.as_deref(),
            Some("2005-05-24")
        );
        let dateline = body.replacen(
            "The remote prison",
            "ATLANTA, March 3, 2009 — The remote prison",
            1,
        );
        assert_eq!(
            extract_dump(&dateline).published.as_deref(),
            Some("2009-03-03")
        );
    }

    #[test]
    fn a_page_of_a_few_lines_keeps_its_sentence_and_its_address_as_url() {
        let a = extract_dump(
            "http: / / www. example. com / news / 123\n\nJune 06, 2013\n\nEsther Williams, swimming star, dies at 91\n",
        );
        assert_eq!(a.url.as_deref(), Some("http://www.example.com/news/123"));
        assert_eq!(a.published.as_deref(), Some("2013-06-06"));
        assert_eq!(a.text, "Esther Williams, swimming star, dies at 91");
    }

    #[test]
    fn a_chinese_page_keeps_its_prose_and_drops_menus_and_headline_lists() {
        // Written without spaces: each clause is one `\w+` run, so prose must be told by
        // characters, particles and clause punctuation.
        let page = "首页|新闻|图片|评论|娱乐|财经|体育|视频\n\n首页 >> 国内新闻 >> 正文\n\n\
            港口北侧码头修复工程将持续到明年春天\n\n发稿时间：2024-03-10 08:42\n\n\
            港务局星期一表示，北侧码头的修复工程将持续到明年春天，因为一月份的风暴损坏了桩基，并导致两个货轮泊位关闭。\n\n\
            港务局负责人在记者会上说，工程队已经开始清理受损的结构，预计第一阶段的工作会在夏天之前完成。\n\n\
            当地的渔民和货运公司对此表示担忧，他们认为泊位关闭的时间太长，会影响今年的收入和就业。\n\n\
            相关新闻\n\n市议会再次推迟公交专用道投票\n\n新建的跨海大桥下月通车\n\n机场第二航站楼启用\n\n\
            关于我们|联系我们|广告服务|版权声明\n";
        let a = extract_dump(page);
        for marker in [
            "港务局星期一表示",
            "工程队已经开始清理",
            "当地的渔民和货运公司",
        ] {
            assert!(a.text.contains(marker), "{marker} missing:\n{a:?}");
        }
        for chrome in ["首页", "相关新闻", "市议会再次推迟", "关于我们"] {
            assert!(!a.text.contains(chrome), "{chrome} kept:\n{}", a.text);
        }
    }

    #[test]
    fn cjk_prose_counts_as_prose() {
        let (n, share) = lines::features(
            "港务局星期一表示，北侧码头的修复工程将持续到明年春天，因为一月份的风暴损坏了桩基。",
        );
        assert!(n >= 15 && share >= 0.12, "{n} {share}");
        // A menu of section names has no particles or clause punctuation.
        let (_, share) = lines::features("首页|新闻|图片|评论|娱乐|财经|体育|视频");
        assert!(share < 0.12, "{share}");
        // A Latin word inside a run counts as a word of its own, the two characters as one.
        assert_eq!(lines::features("DeepMind表示").0, 2);
    }

    #[test]
    fn czech_and_polish_prose_counts_as_prose() {
        for line in [
            "Tým manažera prohání giganty i v aktuálním ročníku a fotbalový svět si začíná uvědomovat, že se elita rozrůstá o nového člena.",
            "Rada miasta przełożyła głosowanie, ponieważ radni nie otrzymali na czas opinii, która jest potrzebna do decyzji.",
        ] {
            let (n, share) = lines::features(line);
            assert!(n >= 15 && share >= 0.12, "{n} {share}: {line}");
        }
        // A unit or an initial is not a Czech preposition in English prose.
        assert_eq!(lines::features("32 V dual blade mower").1, 0.0);
    }

    #[test]
    fn a_lone_sentence_among_symbols_is_the_text_not_the_headline() {
        // Formulas rendered one symbol per line leave a single line of prose on the page.
        let symbols = "x\n\n=\n\n(\n\n2\n\n+\n\ny\n\n)\n\n".repeat(12);
        let raw = format!(
            "{symbols}Finally, the same rule holds for every prime we tried, and the table below \
             lists the first few cases for the reader\n\n{symbols}"
        );
        let a = extract_dump(&raw);
        assert!(a.text.contains("the same rule holds"), "{a:?}");
        assert_ne!(
            a.title.as_deref().map(|t| t.starts_with("Finally")),
            Some(true)
        );
    }

    #[test]
    fn degenerate_inputs() {
        for raw in [
            "",
            "\n\n\r\n",
            "x",
            "é\u{2028}ü\r\r",
            &"Home\n".repeat(1000),
            &"ä".repeat(10_000),
        ] {
            let _ = extract_dump(raw);
        }
        assert_eq!(extract_dump("").text, "");
    }

    #[test]
    fn large_input_is_linear() {
        let para = "The council said on Monday that it would review the budget before the end of the year.\n";
        let raw = format!(
            "{}{}{}",
            "Menu\nNews\n".repeat(50_000),
            para.repeat(20_000),
            "Footer\n".repeat(50_000)
        );
        let t = std::time::Instant::now();
        let a = extract_dump(&raw);
        assert!(!a.text.is_empty());
        assert!(t.elapsed().as_secs() < 20);
    }
}
