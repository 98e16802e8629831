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
const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

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

/// A heading's text without the date a blog theme prints inside it ("Dec 18 2025 Preparing a
/// transition"): a `<time>` at either end of the heading is its date line, not its words.
fn heading_text(n: &NodeRef) -> String {
    let mut text = clean(&n.text());
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
    let agreeing = h1s.iter().filter(|h| !site_name(h)).find(|h| {
        refs.iter()
            .any(|r| agreement(h, r) >= 0.6 && words(h).len() * 3 >= words(r).len().min(30))
    });
    if let Some(h) = agreeing {
        return Some(h.clone());
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
