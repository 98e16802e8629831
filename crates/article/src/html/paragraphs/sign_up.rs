//! Sign-up forms and the pitch around them ("Get the morning briefing" above a bare form).

use super::word_count;
use dom_query::NodeRef;

/// Most words a block around a form may hold and still be read as the form's box.
pub(super) const MAX_BOX_WORDS: usize = 40;

/// The box a form sits in: a newsletter sign-up or a promo puts its pitch ("Get the morning
/// briefing", "Sign up for our newsletter") in the blocks around the form. The form's
/// ancestors are climbed while they are plain blocks holding few words.
pub(super) fn sign_up_box(form: NodeRef) -> NodeRef {
    let mut top = form;
    while let Some(p) = top.parent() {
        let name = p.node_name().unwrap_or_default();
        if !matches!(&*name, "div" | "section" | "aside") || word_count(&p) > MAX_BOX_WORDS {
            break;
        }
        top = p;
    }
    top
}

/// The text a form's submit control shows ("Sign up", "Subscribe"), lower-cased.
fn submit_text(form: &NodeRef) -> Option<String> {
    form.descendants_it().find_map(|d| {
        if !d.is_element() {
            return None;
        }
        let text = match &*d.node_name().unwrap_or_default() {
            "button" => d.text().to_string(),
            "input"
                if d.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("submit")) =>
            {
                d.attr("value").map(|v| v.to_string()).unwrap_or_default()
            }
            _ => return None,
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then(|| text.to_lowercase())
    })
}

/// The pitch standing just before a form's box as a block of its own ("Sign up for our
/// newsletter to get …" above a bare form): a short block that names what the form's button
/// does. Body text before a comment or search form does not repeat its button's words.
pub(super) fn pitch_before<'a>(form: &NodeRef<'a>, box_: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let button = submit_text(form)?;
    let mut prev = box_.prev_sibling();
    while let Some(p) = prev {
        if p.is_element() {
            break;
        }
        if !p.text().trim().is_empty() {
            return None;
        }
        prev = p.prev_sibling();
    }
    let p = prev?;
    let name = p.node_name().unwrap_or_default();
    let words = word_count(&p);
    (matches!(&*name, "p" | "div" | "h2" | "h3" | "h4" | "h5" | "h6")
        && words > 0
        && words <= MAX_BOX_WORDS
        && p.text().to_lowercase().contains(&button))
    .then_some(p)
}
