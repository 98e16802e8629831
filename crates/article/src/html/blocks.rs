//! Block quotations: the paragraphs a page sets off in `<blockquote>` are quoted words without
//! quote marks (a statement, a letter, a post the article reproduces), which only the markup
//! tells apart. Their words are read from the tree before readability rewrites it and found
//! again among the final text's paragraphs, whatever the extraction path in between did to the
//! markup and the spacing.

use std::collections::HashMap;
use std::ops::Range;

use dom_query::{Document, NodeRef};

/// Fewer words than this make no quotation ("jobs by" in a sponsor box set as a block quote).
const MIN_WORDS: usize = 4;

/// A paragraph's identity for matching: its words, case-folded, punctuation and spacing aside.
fn key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The keys of the paragraphs inside the page's block quotations, each with the number of its
/// block: each `<p>` of an outermost `<blockquote>`, or its whole text when it has none.
pub fn block_keys(doc: &Document) -> HashMap<String, usize> {
    let mut keys = HashMap::new();
    for (block, n) in doc.select("blockquote").nodes().iter().enumerate() {
        if n.ancestors_it(None).any(|a| is_blockquote(&a)) {
            continue;
        }
        let paras: Vec<NodeRef> = n
            .descendants_it()
            .filter(|d| d.is_element() && d.node_name().as_deref() == Some("p"))
            .collect();
        let texts: Vec<String> = if paras.is_empty() {
            vec![n.text().to_string()]
        } else {
            paras.iter().map(|p| p.text().to_string()).collect()
        };
        for t in texts {
            // A `<br>` inside a paragraph may become a paragraph break in the final text.
            for line in t.lines() {
                let k = key(line);
                if k.split(' ').count() >= MIN_WORDS {
                    keys.entry(k).or_insert(block);
                }
            }
            let k = key(&t);
            if k.split(' ').count() >= MIN_WORDS {
                keys.entry(k).or_insert(block);
            }
        }
    }
    keys
}

fn is_blockquote(n: &NodeRef) -> bool {
    n.is_element() && n.node_name().as_deref() == Some("blockquote")
}

/// The byte range of each block quotation in `text`: from the first to the last paragraph
/// (separated by a blank line) whose words are one of its paragraphs, so what the block holds
/// besides paragraphs (a code listing) lies inside. In text order, never overlapping.
pub fn ranges(text: &str, keys: &HashMap<String, usize>) -> Vec<Range<usize>> {
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    if keys.is_empty() {
        return Vec::new();
    }
    // Whether the last range may still grow: only short lines (a listing) lie after it.
    let mut open = false;
    for r in paragraph_ranges(text) {
        let Some(&block) = keys.get(&key(&text[r.clone()])) else {
            // Prose between two matches is the article's: a pull quote repeating a paragraph
            // far from its block must not take in the text between them.
            open &= text[r].split_whitespace().count() < MIN_WORDS;
            continue;
        };
        match out.last_mut() {
            Some((b, last)) if *b == block && open => last.end = r.end,
            _ => out.push((block, r)),
        }
        open = true;
    }
    out.into_iter().map(|(_, r)| r).collect()
}

/// The paragraphs of `text` as byte ranges, blank-line separated.
pub fn paragraph_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    text.split("\n\n").map(move |p| {
        let r = at..at + p.len();
        at += p.len() + 2;
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_quoted_paragraphs_again_in_the_text() {
        let doc = Document::from(
            "<div><p>He wrote this:</p><blockquote><p>The fix is  <em>not</em> hard at all.</p>\
             <p>I told them so.</p></blockquote><blockquote class=sponsor>jobs by</blockquote></div>",
        );
        let keys = block_keys(&doc);
        let text = "He wrote this:\n\nThe fix is not hard at all.\n\nx: {\n\nI told them so.\n\n\
                    After that the article goes on with its own words.\n\nI told them so.";
        let got: Vec<&str> = ranges(text, &keys).into_iter().map(|r| &text[r]).collect();
        // One block with the listing line inside ("I told them so." has four words); the
        // same words again after prose are a range of their own; "jobs by" is none.
        assert_eq!(
            got,
            vec![
                "The fix is not hard at all.\n\nx: {\n\nI told them so.",
                "I told them so."
            ]
        );
        assert!(!keys.contains_key("jobs by"));
    }

    #[test]
    fn a_nested_block_is_read_with_its_outer_one() {
        let doc = Document::from(
            "<blockquote>Outer words of the letter here<blockquote>inner words quoted again \
             here</blockquote></blockquote>",
        );
        let keys = block_keys(&doc);
        assert_eq!(keys.len(), 1);
    }
}
