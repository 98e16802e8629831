//! Regions a page names as boilerplate: their tag (`nav`, `footer`, …) or a class or id
//! segment ("related-posts", "newsletter", "shareBar").

use crate::html::dom;
use dom_query::NodeRef;
use regex::Regex;
use std::sync::LazyLock;

const BOILERPLATE_TAGS: [&str; 6] = ["nav", "footer", "aside", "form", "header", "noscript"];
/// Class/id name segments of boilerplate regions (a plural "s" may follow). Not "widget":
/// page builders (Elementor, HubSpot) wrap every block, the article included, in "*-widget-*"
/// classes. Not "header": article headers hold the headline and standfirst.
const BOILERPLATE_HINTS: [&str; 32] = [
    "comment",
    "footer",
    "sidebar",
    "related",
    "share",
    "sharing",
    "social",
    "menu",
    "cookie",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "paywall",
    "promo",
    "advert",
    "advertisement",
    "advertising",
    "ad",
    "banner",
    "popup",
    "modal",
    "breadcrumb",
    "toolbar",
    "pagination",
    "recommended",
    "trending",
    "popular",
    "author",
    "disclaimer",
    "caption",
    "footnote",
];

pub(in crate::html) fn is_boilerplate(n: &NodeRef) -> bool {
    named_boilerplate(n, |v| v.split_ascii_whitespace().any(names_boilerplate))
}

/// Whether an element is a boilerplate region by its tag, or else by a class or id value for
/// which `value_names` holds (not asked of a page-wide element's).
fn named_boilerplate(n: &NodeRef, mut value_names: impl FnMut(&str) -> bool) -> bool {
    let (tagged, page_wide) = dom::with_name(n, |name| {
        (
            BOILERPLATE_TAGS.contains(&name),
            matches!(name, "html" | "body" | "main" | "article"),
        )
    });
    if tagged {
        return true;
    }
    // Page-wide classes ("has-mega-menu", "modal-open") describe the page, not a region.
    if page_wide {
        return false;
    }
    ["class", "id"]
        .iter()
        .any(|a| dom::with_attr(n, a, &mut value_names).unwrap_or(false))
}

/// [`is_boilerplate`] for a walk over a whole page, which asks the hints once per distinct
/// class or id value: a page repeats its class names, and a map lookup of the borrowed value
/// costs less than the hints' automaton over each of its segments.
#[derive(Default)]
pub(in crate::html) struct RegionNames {
    named: fnv::FnvHashMap<String, bool>,
}

impl RegionNames {
    pub(in crate::html) fn is_boilerplate(&mut self, n: &NodeRef) -> bool {
        named_boilerplate(n, |v| {
            if let Some(&b) = self.named.get(v) {
                return b;
            }
            let b = v.split_ascii_whitespace().any(names_boilerplate);
            self.named.insert(v.to_string(), b);
            b
        })
    }
}

/// The hints as one case-insensitive pattern: one pass over a class name, no lower-casing.
static HINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){}", BOILERPLATE_HINTS.join("|"))).expect("static regex")
});

/// Whether one class or id names a boilerplate region. The hint must be a whole segment of the
/// name ("post-comments", "relatedPosts", "share_bar"; not "commentary", "shareable",
/// "promotion"). Layout modifiers that merely mention one ("main-with-sidebar", "has-comments",
/// "no-sidebar") describe the region they sit on instead, and taxonomy classes ("tag-social-media",
/// "category-commentary") describe the article.
pub(super) fn names_boilerplate(token: &str) -> bool {
    let b = token.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("tag-") || starts("category-") {
        return false;
    }
    HINTS.find_iter(token).any(|m| {
        let (start, mut end) = (m.start(), m.end());
        let starts_segment = start == 0
            || matches!(b[start - 1], b'-' | b'_')
            || (b[start].is_ascii_uppercase() && b[start - 1].is_ascii_lowercase());
        // A plural ends the segment too ("comments", "menus").
        if b.get(end).is_some_and(|c| matches!(c, b's' | b'S')) {
            end += 1;
        }
        let ends_segment = b.get(end).is_none_or(|c| {
            matches!(c, b'-' | b'_') || c.is_ascii_uppercase() || c.is_ascii_digit()
        });
        let before = token[..start].trim_end_matches(['-', '_']).as_bytes();
        starts_segment
            && ends_segment
            && !["with", "has", "no", "without"].iter().any(|w| {
                before.len() >= w.len()
                    && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
            })
    })
}
