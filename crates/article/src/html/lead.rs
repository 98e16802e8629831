//! The article's lead when it stands apart from the body: a standfirst, a summary or the first
//! paragraphs placed between the headline and the body's block (an intro box, a "definition"
//! panel, a separate column). Readability and the container choose the body's block and drop
//! them. They are read from the tree before either runs: the prose blocks that follow the
//! headline in document order. Once the body is known, the prose blocks standing between the
//! headline and the body's first paragraph are its lead.

use super::paragraphs;
use dom_query::{Document, NodeId, NodeRef};

/// Text blocks read after the headline; a body that starts further down has no lead to recover.
const MAX_BLOCKS: usize = 40;
/// Fewest words of a lead paragraph: shorter lines are datelines, bylines and labels.
const MIN_PROSE_WORDS: usize = 8;
/// Largest share of a lead paragraph's words inside links (a teaser of another page is a link).
const MAX_LINK_SHARE: f64 = 0.3;
/// Words compared to find the body's first paragraph among the blocks.
const KEY_WORDS: usize = 8;
/// Fewest words of a lead put back. A single line under the headline is a standfirst, which
/// reference extractions mostly leave out (Readability's always, WCXB's as often as not), or a
/// disclosure ("We may earn commission …"); the leads lost to the body's block are intros of
/// a paragraph or more.
const MIN_LEAD_WORDS: usize = 50;
/// Fewest paragraphs of a lead put back, side by side in one element: one paragraph alone in
/// its box, however long, is a summary set under the headline (a standfirst, an abstract, a
/// sponsor's pitch, a note) more often than the start of the article's text.
const MIN_LEAD_BLOCKS: usize = 2;
/// Fewest words of the body paragraph used as the anchor (a list number or a label is not one).
const MIN_ANCHOR_WORDS: usize = 5;

/// One text block after the headline: its text and whether it reads as a paragraph of prose.
#[derive(Debug, Clone)]
pub struct Block {
    text: String,
    prose: bool,
    /// The element the block sits in: a lead is a run of paragraphs in one box.
    parent: Option<NodeId>,
}

/// The text blocks that follow the page's headline, in document order. The headline is the
/// `<h1>` holding the title's words (the only `<h1>` when no title is known).
pub fn blocks_after_headline(doc: &Document, title: Option<&str>) -> Vec<Block> {
    let heads = doc.select("h1").nodes().to_vec();
    let head = match title {
        Some(t) => heads.iter().find(|h| super::same_words(&h.text(), t)),
        None if heads.len() == 1 => heads.first(),
        None => None,
    };
    let Some(head) = head else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut next = after(head);
    while let Some(n) = next {
        if out.len() >= MAX_BLOCKS {
            break;
        }
        if !n.is_element() {
            next = after(&n);
            continue;
        }
        let name = n.node_name().unwrap_or_default();
        if skipped(&name) || paragraphs::is_boilerplate(&n) {
            next = after(&n);
            continue;
        }
        if is_text_block(&n, &name) {
            let text = collapse(&n.text());
            if !text.is_empty() {
                let prose = &*name != "li" && reads_as_prose(&n, &text);
                out.push(Block {
                    text,
                    prose,
                    parent: n.parent().map(|p| p.id),
                });
            }
            next = after(&n);
            continue;
        }
        next = n.first_child().or_else(|| after(&n));
    }
    out
}

/// Elements whose text is never the article's lead.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "nav"
            | "aside"
            | "form"
            | "footer"
            | "figure"
            | "figcaption"
            | "button"
            | "select"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "table"
            | "h1"
    )
}

/// A block read whole: a paragraph, a quote, a heading, a list item, or a block element that
/// holds text and no other block.
fn is_text_block(n: &NodeRef, name: &str) -> bool {
    match name {
        "p" | "blockquote" | "li" | "h2" | "h3" | "h4" | "h5" | "h6" | "dd" | "dt" => true,
        "div" | "section" | "header" | "article" | "main" | "span" => {
            let mut has_text = false;
            let mut c = n.first_child();
            while let Some(k) = c {
                if k.is_element()
                    && super::dom::with_name(&k, |n| {
                        super::elements::is(n, super::elements::VISIBLE_BREAK)
                    })
                {
                    if !super::dom::is_named(&k, "span") {
                        return false;
                    }
                } else if super::dom::with_text(&k, |t| !t.trim().is_empty()).unwrap_or(false) {
                    has_text = true;
                }
                c = k.next_sibling();
            }
            has_text
        }
        _ => false,
    }
}

/// The next node in document order after `n`'s subtree.
fn after<'a>(n: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut cur = *n;
    loop {
        if let Some(s) = cur.next_sibling() {
            return Some(s);
        }
        cur = cur.parent()?;
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A paragraph of prose: sentence-long, ending like a sentence, not a link.
fn reads_as_prose(n: &NodeRef, text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words < MIN_PROSE_WORDS {
        return false;
    }
    let ends = text
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?', '\u{2026}']);
    if !ends {
        return false;
    }
    let linked: usize = n
        .descendants_it()
        .filter(|d| super::dom::is_named(d, "a"))
        .map(|a| a.text().split_whitespace().count())
        .sum();
    (linked as f64) <= MAX_LINK_SHARE * words as f64
}

/// Lower-cased alphanumeric words, for matching a block with a paragraph of the final text.
fn key(s: &str, n: usize) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// `text` with its lead put back in front: the prose blocks that stand between the headline
/// and the block where `text`'s first paragraph starts, when the text holds none of them. A text
/// whose start is not among the blocks after the headline is returned as it is.
pub fn with_lead(text: &str, blocks: &[Block], authors: &[String]) -> Option<String> {
    let anchor = text
        .split("\n\n")
        .find(|p| p.split_whitespace().count() >= MIN_ANCHOR_WORDS)?;
    let anchor_key = key(anchor, KEY_WORDS);
    let at = blocks.iter().position(|b| {
        let k = key(&b.text, KEY_WORDS);
        k.len() >= MIN_ANCHOR_WORDS.min(anchor_key.len()) && k == anchor_key
    })?;
    // The whole text's words, read only when a block gets this far (most pages have none).
    let flat = std::cell::OnceCell::new();
    let before = &blocks[..at];
    let candidates: Vec<&Block> = before
        .iter()
        .filter(|b| b.prose && !about_the_author(&b.text, authors))
        // Text shown twice (a tooltip, a pitch repeated per box) is the page's, not the article's.
        .filter(|b| blocks.iter().filter(|o| o.text == b.text).count() == 1)
        .filter(|b| {
            !flat
                .get_or_init(|| key(text, usize::MAX).join(" "))
                .contains(&key(&b.text, usize::MAX).join(" "))
        })
        .collect();
    // A paragraph alone in its box is a pitch, a note or a standfirst; an intro is a run.
    let lead: Vec<&str> = candidates
        .iter()
        .filter(|b| candidates.iter().filter(|o| o.parent == b.parent).count() >= MIN_LEAD_BLOCKS)
        .map(|b| b.text.as_str())
        .collect();
    let words: usize = lead.iter().map(|t| t.split_whitespace().count()).sum();
    if words < MIN_LEAD_WORDS || lead.len() < MIN_LEAD_BLOCKS {
        return None;
    }
    Some(format!("{}\n\n{}", lead.join("\n\n"), text))
}

/// A byline or an author's bio set under the headline: "By Ann Lee, who covers …", "Ann is a
/// reporter …" (opening with one of `authors`' first names).
pub(super) fn about_the_author(text: &str, authors: &[String]) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.eq_ignore_ascii_case("by")
        || authors.iter().any(|a| {
            a.split_whitespace()
                .next()
                .is_some_and(|name| name.eq_ignore_ascii_case(first))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recover(html: &str, title: &str, text: &str) -> Option<String> {
        let doc = Document::from(html);
        with_lead(
            text,
            &blocks_after_headline(&doc, Some(title)),
            &["Ann Lee".to_string()],
        )
    }

    const PAGE: &str = r#"<html><body>
        <div class="top"><h1>Harbour tolls rise again</h1></div>
        <div class="intro"><p>The port authority raised its tolls for the third time this year, citing dredging costs.</p>
          <p class="by">By Ann Lee</p><p>March 3, 2025</p>
          <p>Boat owners have until the end of the month to pay the new rates, which the authority says are still lower than those of the ports along the coast to the north and the south.</p></div>
        <div class="body"><p>Fishing crews said the rise would push some of them out of the harbour for good.</p>
          <p>The authority said the money would pay for the new channel.</p></div>
        </body></html>"#;

    #[test]
    fn a_standfirst_before_the_body_is_put_back() {
        let text =
            "Fishing crews said the rise would push some of them out of the harbour for good.\n\n\
                    The authority said the money would pay for the new channel.";
        let got = recover(PAGE, "Harbour tolls rise again", text).expect("a lead");
        assert!(got.starts_with("The port authority raised its tolls"));
        assert!(got.contains("Boat owners have until the end of the month"));
        // Bylines and dates are not prose: they stay out.
        assert!(!got.contains("Ann Lee") && !got.contains("March 3"));
        assert!(got.ends_with("the new channel."));
    }

    #[test]
    fn a_text_that_holds_its_lead_is_left_alone() {
        let text = "The port authority raised its tolls for the third time this year, citing dredging costs.\n\n\
                    Fishing crews said the rise would push some of them out of the harbour for good.";
        assert_eq!(recover(PAGE, "Harbour tolls rise again", text), None);
    }

    #[test]
    fn a_one_line_standfirst_stays_out() {
        let page = r#"<body><h1>Harbour tolls rise again</h1>
            <p class="dek">The port authority raised its tolls for the third time this year.</p>
            <p>Fishing crews said the rise would push some of them out of the harbour for good.</p>
            </body>"#;
        let text =
            "Fishing crews said the rise would push some of them out of the harbour for good.";
        assert_eq!(recover(page, "Harbour tolls rise again", text), None);
    }

    #[test]
    fn an_authors_bio_is_not_a_lead() {
        let page = r#"<body><h1>Harbour tolls rise again</h1>
            <p>By Ann Lee, a reporter who has covered the harbour and its fleets for a decade.</p>
            <p>Ann has written for several papers along the coast and lives in the old town.</p>
            <p>Fishing crews said the rise would push some of them out of the harbour for good.</p>
            </body>"#;
        let text =
            "Fishing crews said the rise would push some of them out of the harbour for good.";
        assert_eq!(recover(page, "Harbour tolls rise again", text), None);
    }

    #[test]
    fn a_body_that_starts_elsewhere_gets_nothing() {
        // The text's start is not among the blocks after the headline.
        let text = "An unrelated paragraph about another matter entirely, far down the page.";
        assert_eq!(recover(PAGE, "Harbour tolls rise again", text), None);
    }

    #[test]
    fn no_headline_no_lead() {
        let text =
            "Fishing crews said the rise would push some of them out of the harbour for good.";
        assert_eq!(recover(PAGE, "A different title altogether", text), None);
    }

    #[test]
    fn links_captions_and_asides_are_not_a_lead() {
        let page = r#"<body><h1>Harbour tolls rise again</h1>
            <p><a href="/a">Read our full coverage of the harbour and its many tolls here today.</a></p>
            <figure><figcaption>Boats wait in the harbour at dawn on a cold and grey Monday.</figcaption></figure>
            <aside><p>Sign up for the morning briefing to get the news you need every day.</p></aside>
            <div class="newsletter"><p>Get our weekly newsletter with all the port news in one place.</p></div>
            <p>Fishing crews said the rise would push some of them out of the harbour for good.</p>
            </body>"#;
        let text =
            "Fishing crews said the rise would push some of them out of the harbour for good.";
        assert_eq!(recover(page, "Harbour tolls rise again", text), None);
    }
}
