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
            clean(&n.text())
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
