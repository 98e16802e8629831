//! The headline: the page's `<h1>` when the metadata agrees with it, else the metadata title
//! without the site suffix.

use super::entities::{clean, MAX_FIELD};
use dom_query::NodeRef;

/// Words of a title for comparison: lower-cased alphanumeric runs, curly quotes folded.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of the shorter string's words found in the other.
fn agreement(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let hits = short.iter().filter(|w| long.contains(w)).count();
    hits as f64 / short.len() as f64
}

/// What sites put between a headline and their name in a `<title>`.
const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "];

/// `title` is `head` followed by one of the separators and more ("Coffee - University of …",
/// "Debunked — Healthy Meals | Delivery"): the rest is the site's name or a tagline.
fn extends_with_separator(title: &str, head: &str) -> bool {
    !head.is_empty()
        && title.len() > head.len()
        && title.is_char_boundary(head.len())
        && title[..head.len()].eq_ignore_ascii_case(head)
        && SEPARATORS
            .iter()
            .any(|s| title[head.len()..].starts_with(s))
}

/// A headline without the site's or section's name after a separator: the site's declared name
/// ("Best exhibitions 2025 – Artlyst", the site "Artlyst"), or a tail that another declared title
/// with a different head also ends with ("… | Opinion" after both the `<title>` and `og:title`).
/// What a CMS appends to every title is not the headline's.
fn without_site_name(h: &str, site: Option<&str>, refs: &[String]) -> String {
    let site = site.map(str::trim).filter(|s| !s.is_empty());
    for sep in SEPARATORS {
        if let Some((head, tail)) = h.rsplit_once(sep) {
            let shared = refs.iter().any(|r| {
                r.rsplit_once(sep).is_some_and(|(other, t)| {
                    words(t) == words(tail)
                        && words(tail).len() < words(head).len()
                        && !words(other).is_empty()
                        && words(other) != words(head)
                })
            });
            if (shared || site.is_some_and(|s| words(tail) == words(s))) && words(head).len() >= 2 {
                return head.trim_end().to_string();
            }
        }
    }
    h.to_string()
}

/// A `<title>` minus its site suffix ("Headline | Site", "Headline - Site").
fn strip_site_suffix(t: &str) -> String {
    for sep in SEPARATORS {
        if let Some(i) = t.rfind(sep) {
            let head = t[..i].trim();
            if words(head).len() >= 2 {
                return head.to_string();
            }
        }
    }
    t.trim().to_string()
}

/// A headline without a section's label before a colon ("Blog: Best agencies in 2025"), when a
/// declared title gives the rest on its own: the label is the page's section, not its headline.
fn without_section_label(h: &str, refs: &[String]) -> String {
    if let Some((label, rest)) = h.split_once(": ") {
        let n = words(label).len();
        let rest_words = words(rest);
        if (1..=2).contains(&n)
            && rest_words.len() >= 3
            && refs
                .iter()
                .any(|r| words(r) == rest_words || words(&strip_site_suffix(r)) == rest_words)
        {
            return rest.trim().to_string();
        }
    }
    h.to_string()
}

/// A heading's text without the date a blog theme prints inside it ("Dec 18 2025 Preparing a
/// transition"): a `<time>` at either end of the heading is its date line, not its words.
fn heading_text(n: &NodeRef) -> String {
    let mut text = clean(&spaced_text(n));
    for t in n
        .descendants_it()
        .filter(|d| d.is_element() && &*d.node_name().unwrap_or_default() == "time")
    {
        let date = clean(&t.text());
        if date.is_empty() || date.len() >= text.len() {
            continue;
        }
        if let Some(rest) = text.strip_prefix(date.as_str()) {
            text = rest.trim_start().to_string();
        } else if let Some(rest) = text.strip_suffix(date.as_str()) {
            text = rest.trim_end().to_string();
        }
    }
    text
}

/// An element's text with a space where a line break or a block inside it starts: a heading set
/// on two lines ("Top programs (US)<br>Your guide") does not run its words together.
fn spaced_text(n: &NodeRef) -> String {
    let mut out = String::new();
    for d in n.descendants_it() {
        if let Some(t) = d
            .query(|t| match &t.data {
                dom_query::NodeData::Text { contents } => Some(contents.to_string()),
                _ => None,
            })
            .flatten()
        {
            out.push_str(&t);
        } else if matches!(
            &*d.node_name().unwrap_or_default(),
            "br" | "p" | "div" | "li" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) {
            out.push(' ');
        }
    }
    out
}

/// A declared title cut short with an ellipsis ("Wedding Checklist Wedding Planning Checklists
/// Wedding Timeline…"): a field's length limit, not the headline.
fn truncated(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with('…') || t.ends_with("...")
}

/// Characters a page's encoding lost in its heading: a `?` or a replacement character stands
/// where the declared title has an apostrophe, a colon or a letter ("Event Planning? Beginner?
/// Guide" for "Event Planning: Beginner's Guide"). The declared title is the same headline with
/// its characters: the heading's pieces between the placeholders, in order, with at most a
/// few characters between them.
fn spelled_out(heading: &str, declared: &str) -> bool {
    const GAP: usize = 4;
    let lost = |c: char| c == '?' || c == '\u{FFFD}';
    // A question mark ending the heading is its own.
    if !heading.trim_end().trim_end_matches(lost).contains(lost) || declared.contains(lost) {
        return false;
    }
    let mut at = 0;
    for (i, piece) in heading.split(lost).enumerate() {
        if piece.is_empty() {
            continue;
        }
        let Some(found) = declared.get(at..).and_then(|rest| rest.find(piece)) else {
            return false;
        };
        let gap = declared[at..at + found].chars().count();
        if (i == 0 && found != 0) || (i > 0 && gap == 0) || gap > GAP {
            return false;
        }
        at += found + piece.len();
    }
    declared[at..].chars().count() <= GAP
}

/// A heading in capitals with each word written as `declared` writes it, when `declared` holds
/// every word of the heading (two words or more) and no other: the heading's order, the declared
/// title's case. `None` when a word is missing.
fn recased(heading: &str, declared: &str) -> Option<String> {
    let (hw, dw) = (words(heading), words(declared));
    if hw.len() < 2 || hw.len() != dw.len() {
        return None;
    }
    let spelled: Vec<&str> = declared
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::with_capacity(heading.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| -> Option<()> {
        if !word.is_empty() {
            let lower = word.to_lowercase();
            let same = spelled.iter().find(|d| d.to_lowercase() == lower)?;
            out.push_str(same);
            word.clear();
        }
        Some(())
    };
    for c in heading.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out)?;
            out.push(c);
        }
    }
    flush(&mut word, &mut out)?;
    Some(out)
}

/// The headline: the page's `<h1>` when the metadata agrees with it, else the metadata title
/// without the site suffix. `declared` are the metadata titles, most trusted first; `site` the
/// site's declared name.
pub(super) fn choose_title(
    title_element: Option<&NodeRef>,
    h1_elements: &[NodeRef],
    declared: &[Option<&str>],
    site: Option<&str>,
) -> Option<String> {
    let head_title = title_element
        .map(|n| clean(&n.text()))
        .filter(|t| !t.is_empty() && t.len() < MAX_FIELD);
    let usable = |t: &&str| !t.is_empty() && t.len() < MAX_FIELD;
    let refs: Vec<String> = declared
        .iter()
        .flatten()
        .copied()
        .chain(head_title.as_deref())
        .filter(usable)
        .map(str::to_string)
        .collect();
    let h1s: Vec<String> = h1_elements
        .iter()
        .take(8)
        // Documentation generators end headings with a permalink mark ("Install¶").
        .map(|n| {
            heading_text(n)
                .trim_end_matches(['¶', '§'])
                .trim_end()
                .to_string()
        })
        .filter(|t| !t.is_empty() && t.len() < MAX_FIELD)
        .collect();
    // With a heading on the page, a declared title cut short is no candidate: the heading is
    // the whole headline.
    let refs: Vec<String> = if h1s.is_empty() {
        refs
    } else {
        refs.into_iter().filter(|r| !truncated(r)).collect()
    };
    // An `<h1>` that is the site's name (its logo, a blog's masthead) is not the headline,
    // even though every title carrying the name as a suffix agrees with it.
    let site_name = |h: &str| {
        site.is_some_and(|s| words(s) == words(h))
            || refs.iter().any(|r| {
                SEPARATORS.iter().any(|sep| {
                    r.rsplit_once(sep).is_some_and(|(head, tail)| {
                        // Site names are the shorter part ("Site | Headline" is the other way).
                        words(tail) == words(h) && words(head).len() >= words(h).len()
                    })
                })
            })
            // "Site: Headline" in the `<title>`, its headline declared on its own elsewhere.
            || refs.iter().any(|r| {
                SEPARATORS.iter().chain(&[": "]).any(|sep| {
                    r.split_once(sep).is_some_and(|(head, tail)| {
                        // The site is the shorter part, as above.
                        words(head) == words(h)
                            && words(head).len() < words(tail).len()
                            && refs.iter().any(|o| words(o) == words(tail))
                    })
                })
            })
    };
    // Of the `<h1>`s that agree with a declared title, the one that agrees best: a page's
    // headline beside a section's or blog's `<h1>` that shares a word or two with it.
    let mut agreeing: Option<(f64, &String)> = None;
    for h in h1s.iter().filter(|h| !site_name(h)) {
        let score = refs
            .iter()
            .map(|r| {
                if extends_with_separator(r, h) {
                    // The declared title is the `<h1>` and the site's name.
                    1.0
                } else if agreement(h, r) >= 0.6 && words(h).len() * 3 >= words(r).len().min(30) {
                    agreement(h, r)
                } else {
                    0.0
                }
            })
            .fold(0.0, f64::max);
        if score > 0.0 && agreeing.is_none_or(|(best, _)| score > best) {
            agreeing = Some((score, h));
        }
    }
    if let Some((_, h)) = agreeing {
        let chosen = without_section_label(&without_site_name(h, site, &refs), &refs);
        if let Some(r) = refs
            .iter()
            .map(|r| strip_site_suffix(r))
            .find(|r| spelled_out(&chosen, r))
        {
            return Some(r);
        }
        // A heading set in capitals ("WEEKEND CODING AGENT") is the declared title's words
        // shouted by the page's style: the declared title's own case is the headline's. When a
        // declared title is in capitals too, the capitals are the writer's, not the style's.
        let shouted_too = refs
            .iter()
            .map(|r| strip_site_suffix(r))
            .any(|r| words(&r) == words(&chosen) && !r.chars().any(char::is_lowercase));
        if !chosen.chars().any(char::is_lowercase) && !shouted_too {
            let same = refs
                .iter()
                .map(|r| strip_site_suffix(r))
                .find(|r| words(r) == words(&chosen) && r.chars().any(char::is_lowercase));
            if let Some(r) = same {
                return Some(r);
            }
            // The same words in another order ("BEGINNER MARATHON PLAN" for "Marathon Beginner
            // Plan"): the heading's order, each word as the declared title writes it.
            if let Some(r) = refs
                .iter()
                .map(|r| strip_site_suffix(r))
                .filter(|r| r.chars().any(char::is_lowercase))
                .find_map(|r| recased(&chosen, &r))
            {
                return Some(r);
            }
        }
        return Some(chosen);
    }
    if let Some(r) = refs.first() {
        // A declared title that the `<title>` repeats before its own separator is already the
        // headline without the site's name ("Minecraft 1.8 - The Bountiful Update" in "Minecraft
        // 1.8 - The Bountiful Update - Minecraft News"): its own dash is part of the headline.
        let names_site = site.is_some_and(|site| {
            SEPARATORS.iter().any(|s| {
                r.rsplit_once(s)
                    .is_some_and(|(_, tail)| tail.trim().eq_ignore_ascii_case(site.trim()))
            })
        });
        let suffixed = !names_site
            && head_title.as_deref().is_some_and(|t| {
                t.len() > r.len()
                    && t.starts_with(r.as_str())
                    && SEPARATORS.iter().any(|s| t[r.len()..].starts_with(s))
            });
        if suffixed {
            return Some(r.clone());
        }
        return Some(strip_site_suffix(r));
    }
    h1s.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn title_of(page: &str, og: Option<&str>) -> Option<String> {
        let d = Document::from(page);
        let title = d.select("title").nodes().first().cloned();
        let h1s: Vec<NodeRef> = d.select("h1").nodes().to_vec();
        choose_title(title.as_ref(), &h1s, &[og], None)
    }

    #[test]
    fn a_heading_set_on_two_lines_keeps_a_space_between_them() {
        let page = "<title>Top programs of 2025 | Coaching</title>\
                    <h1>Top programs of 2025 (US)<br>Your guide to the schools</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Top programs of 2025 (US) Your guide to the schools")
        );
    }

    #[test]
    fn a_heading_in_capitals_takes_the_declared_titles_case() {
        let page = "<title>Weekend Coding Agent | Labs</title>\
                    <h1>WEEKEND<br>CODING<br><span>AGENT</span></h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Weekend Coding Agent")
        );
        // A heading in capitals that no declared title spells otherwise stays as it is.
        let page = "<title>NASA AT 60 | Space</title><h1>NASA AT 60</h1>";
        assert_eq!(title_of(page, None).as_deref(), Some("NASA AT 60"));
        // The same words in another order: the heading's order, the declared title's case.
        let page = "<title>Marathon Beginner Plan | Runners</title><h1>BEGINNER MARATHON PLAN</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Beginner Marathon Plan")
        );
        // A word the declared title lacks: the heading stays as it is.
        let page = "<title>Marathon Plan | Runners</title><h1>BEGINNER MARATHON PLAN</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("BEGINNER MARATHON PLAN")
        );
        // A declared title in capitals as well: the capitals are the headline's own.
        let page = "<title>Weekend Coding Agent | Labs</title><h1>WEEKEND CODING AGENT</h1>";
        assert_eq!(
            title_of(page, Some("WEEKEND CODING AGENT")).as_deref(),
            Some("WEEKEND CODING AGENT")
        );
    }

    #[test]
    fn characters_the_heading_lost_are_the_declared_titles() {
        let page = "<title>What Are The Basics Of Event Planning: Beginner's Guide</title>\
                    <h1>What Are The Basics Of Event Planning? Beginner? Guide</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("What Are The Basics Of Event Planning: Beginner's Guide")
        );
        // A question the declared title words otherwise stays the heading's.
        let page = "<title>Is the harbour plan dead? | Post</title>\
                    <h1>Is the harbour plan dead? Not yet</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Is the harbour plan dead? Not yet")
        );
        let page = "<title>Will rates rise | Post</title><h1>Will rates rise?</h1>";
        assert_eq!(title_of(page, None).as_deref(), Some("Will rates rise?"));
    }

    #[test]
    fn a_declared_title_cut_short_gives_way_to_the_heading() {
        let page = "<title>Wedding Checklist Wedding Planning Checklists Wedding Timeline…</title>\
                    <h1>Wedding Checklist :: Printable To-do Timeline</h1>";
        let og = "Wedding Checklist Wedding Planning Checklists Wedding Timeline…";
        assert_eq!(
            title_of(page, Some(og)).as_deref(),
            Some("Wedding Checklist :: Printable To-do Timeline")
        );
        // Without a heading it is all there is.
        assert_eq!(
            title_of("<p>Text</p>", Some("Wait for it...")).as_deref(),
            Some("Wait for it...")
        );
    }

    #[test]
    fn a_date_printed_inside_the_headline_is_not_part_of_it() {
        let page = "<title>Moving the archive | Jo's notes</title><h1><a href=/p>\
                    <time datetime='2025-12-18'>Dec <span>18</span> 2025</time> Moving the \
                    archive</a></h1>";
        assert_eq!(
            title_of(page, Some("Moving the archive")).as_deref(),
            Some("Moving the archive")
        );
        // A heading that is only a date keeps it.
        let page = "<h1><time>March 3, 2024</time></h1>";
        assert_eq!(title_of(page, None).as_deref(), Some("March 3, 2024"));
    }

    fn title_with_site(page: &str, declared: &[&str], site: Option<&str>) -> Option<String> {
        let d = Document::from(page);
        let title = d.select("title").nodes().first().cloned();
        let h1s: Vec<NodeRef> = d.select("h1").nodes().to_vec();
        let declared: Vec<Option<&str>> = declared.iter().map(|t| Some(*t)).collect();
        choose_title(title.as_ref(), &h1s, &declared, site)
    }

    #[test]
    fn the_h1_that_agrees_best_is_the_headline() {
        // The blog's `<h1>` shares two of its three words with the title; the post's shares all.
        let page = "<title>Defer, Panic, and Recover - The Go Programming Language</title>\
                    <h1>The Go Blog</h1><h1>Defer, Panic, and Recover</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Defer, Panic, and Recover")
        );
        // Equally good `<h1>`s: the first stands.
        let page = "<title>Rates rise again | Post</title><h1>Rates rise again</h1>\
                    <h1>Rates rise again</h1>";
        assert_eq!(title_of(page, None).as_deref(), Some("Rates rise again"));
    }

    #[test]
    fn a_declared_title_that_extends_the_h1_past_a_separator_agrees_with_it() {
        // A one-word headline and the site's long name: too few words to agree by share.
        let page = "<title>Coffee - University of Harbour Point</title><h1>Coffee</h1>";
        assert_eq!(title_of(page, None).as_deref(), Some("Coffee"));
        // The site's name and its tagline after the headline, two separators.
        let page = "<title>Old nutrition facts debunked — Good Meals | Fresh and healthy meal \
                    plans delivered to your door</title><h1>Old nutrition facts debunked</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Old nutrition facts debunked")
        );
        // Words in common without the separator are not enough.
        let page = "<title>Coffee grows in the highlands of Ethiopia and Yemen</title>\
                    <h1>Coffee</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Coffee grows in the highlands of Ethiopia and Yemen")
        );
    }

    #[test]
    fn a_bullet_separates_the_site_name() {
        let page = "<title>A brief intro to git • Jo Roe</title><h1>Jo Roe</h1>";
        assert_eq!(
            title_with_site(page, &["A brief intro to git • Jo Roe"], Some("Jo Roe")).as_deref(),
            Some("A brief intro to git")
        );
    }

    #[test]
    fn the_site_name_after_the_h1_headline_goes() {
        let page = "<h1>Critics’ Choice: Best Exhibitions 2025 – Artline</h1>";
        assert_eq!(
            title_with_site(
                page,
                &["Critics’ Choice: Best Exhibitions 2025 – Artline"],
                Some("Artline")
            )
            .as_deref(),
            Some("Critics’ Choice: Best Exhibitions 2025")
        );
        // Another last part stays: it is the headline's.
        let page = "<h1>Minecraft 1.8 - The Bountiful Update</h1>";
        assert_eq!(
            title_with_site(
                page,
                &["Minecraft 1.8 - The Bountiful Update"],
                Some("Minecraft")
            )
            .as_deref(),
            Some("Minecraft 1.8 - The Bountiful Update")
        );
    }

    #[test]
    fn a_tail_two_different_titles_share_is_the_section() {
        let page = "<title>The full impact of meditation on mind and body | Opinion</title>\
                    <h1>How meditation rewires brains | Opinion</h1>";
        assert_eq!(
            title_of(page, Some("How meditation rewires brains | Opinion")).as_deref(),
            Some("How meditation rewires brains")
        );
        // A longer shared part is the headline itself, whatever precedes it.
        let page = "<title>[2512.01] Merge - Alignment preserving model merging</title>\
                    <h1>Title: Merge - Alignment preserving model merging</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Title: Merge - Alignment preserving model merging")
        );
    }

    #[test]
    fn a_section_label_before_the_headline_goes() {
        let page = "<title>Best agencies in the U.S. in 2025 | Silverline</title>\
                    <h1>Blog: Best agencies in the U.S. in 2025</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Best agencies in the U.S. in 2025")
        );
        // Without a declared title that is the rest alone, the label stays.
        let page = "<title>Ukraine: talks resume in Geneva</title>\
                    <h1>Ukraine: talks resume in Geneva</h1>";
        assert_eq!(
            title_of(page, None).as_deref(),
            Some("Ukraine: talks resume in Geneva")
        );
    }

    #[test]
    fn a_masthead_named_before_a_colon_is_the_site() {
        let page = "<title>Harbour Data Blog: Small steps with small models</title>\
                    <h1><a href=/>Harbour Data Blog</a></h1>";
        assert_eq!(
            title_of(page, Some("Small steps with small models")).as_deref(),
            Some("Small steps with small models")
        );
        // A headline with a colon of its own, its first part the `<h1>`, is the headline's.
        let page = "<title>Budget day: what changes</title><h1>Budget day</h1>";
        assert_eq!(title_of(page, None).as_deref(), Some("Budget day"));
        // The site's name declared as a title of its own after the headline: the `<h1>` is the
        // longer part, the headline.
        let page = "<title>Which mower suits which lawn? | Mowco</title>\
                    <h1>Which mower suits which lawn?</h1>";
        assert_eq!(
            title_of(page, Some("Mowco")).as_deref(),
            Some("Which mower suits which lawn?")
        );
    }
}
