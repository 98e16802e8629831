//! The article's container, chosen before readability scores the page: the element whose own
//! text blocks are most article-like. Readability scores candidates by the paragraphs under them
//! and may settle on a whole-page wrapper that holds the menus, headline lists and footers with
//! the article; here each text block (the text of one block element, inline markup included)
//! is weighed as prose or chrome by its length, its share of link text and its sentence shape,
//! and the container is the element where prose most outweighs chrome. When that container
//! holds nearly all of the page's prose, everything outside it is pruned, so readability chooses
//! within it.

use dom_query::{Document, NodeId, NodeRef};
use std::collections::HashMap;

/// Elements that start a text block of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "form"
            | "td"
            | "th"
            | "tr"
            | "table"
            | "tbody"
            | "figure"
            | "figcaption"
            | "blockquote"
            | "pre"
            | "address"
            | "center"
            | "body"
    )
}

/// Characters (whitespace aside) of a block that make it prose on length alone.
const PROSE_CHARS: usize = 120;
/// Shorter blocks are prose when they end like a sentence and reach this length.
const SENTENCE_CHARS: usize = 40;
/// A block whose link text is at least this share of its text is a link list or a teaser.
const LINK_DENSE: f64 = 0.35;
/// Share of the page's prose the container must hold for the rest of the page to be pruned.
const MIN_PROSE_SHARE: f64 = 0.85;
/// A container holding less (but at least `MIN_PROSE_SHARE_IN_CHROME`) is still taken when
/// what lies outside it is mostly chrome: `CHROME_OUTSIDE` times its prose or more.
const MIN_PROSE_SHARE_IN_CHROME: f64 = 0.6;
const CHROME_OUTSIDE: f64 = 3.0;
/// Pages with less prose than this (characters) are left to readability alone.
const MIN_PAGE_PROSE: usize = 500;
/// Weight of chrome characters against prose characters in a container's score.
const CHROME_WEIGHT: f64 = 1.0;

#[derive(Default, Clone, Copy)]
struct Block {
    chars: usize,
    link_chars: usize,
    /// Whether the block's text ends like a sentence.
    sentence_end: bool,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    prose: usize,
    chrome: usize,
}

/// Whether the nodes under `n` are ever shown as text.
fn is_hidden_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "svg" | "head" | "title" | "select"
    )
}

/// The text blocks of the page: for each block element, the characters of the text nodes whose
/// nearest block ancestor it is, and how many of them lie inside links.
fn blocks(body: &NodeRef) -> HashMap<NodeId, Block> {
    let mut out: HashMap<NodeId, Block> = HashMap::new();
    for d in body.descendants_it() {
        if !d.is_text() {
            continue;
        }
        let text = d.text();
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if chars == 0 {
            continue;
        }
        let mut in_link = false;
        let mut hidden = false;
        let mut block = None;
        let mut up = d.parent();
        while let Some(p) = up {
            let name = p.node_name().unwrap_or_default();
            if is_hidden_text(&name) {
                hidden = true;
                break;
            }
            if &*name == "a" {
                in_link = true;
            }
            if is_block(&name) {
                block = Some(p.id);
                break;
            }
            up = p.parent();
        }
        let (Some(id), false) = (block, hidden) else {
            continue;
        };
        let b = out.entry(id).or_default();
        b.chars += chars;
        if in_link {
            b.link_chars += chars;
        }
        let end = text.trim_end();
        if !end.is_empty() {
            b.sentence_end =
                end.ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»', ':', ')']);
        }
    }
    out
}

/// Prose or chrome characters of one block.
fn weigh(b: &Block) -> Tally {
    let link_share = b.link_chars as f64 / b.chars as f64;
    if link_share >= LINK_DENSE {
        return Tally {
            prose: 0,
            chrome: b.chars,
        };
    }
    if b.chars >= PROSE_CHARS || (b.chars >= SENTENCE_CHARS && b.sentence_end) {
        // The links inside a paragraph are its words, not chrome.
        return Tally {
            prose: b.chars,
            chrome: 0,
        };
    }
    // Short lines without a sentence's end: labels, bylines, menus without links, subheads.
    // Their link text is chrome; the rest weighs half, as an article has some.
    Tally {
        prose: 0,
        chrome: b.link_chars + (b.chars - b.link_chars) / 2,
    }
}

/// How much prose outweighs chrome in an element.
fn score(t: &Tally) -> f64 {
    t.prose as f64 - CHROME_WEIGHT * t.chrome as f64
}

/// The prose and chrome under each element of `body`, summed from its text blocks up.
fn tallies(body: &NodeRef) -> HashMap<NodeId, Tally> {
    let mut tallies: HashMap<NodeId, Tally> = HashMap::new();
    for (id, b) in &blocks(body) {
        let w = weigh(b);
        let mut n = Some(NodeRef::new(*id, body.tree));
        while let Some(e) = n {
            let t = tallies.entry(e.id).or_default();
            t.prose += w.prose;
            t.chrome += w.chrome;
            if e.id == body.id {
                break;
            }
            n = e.parent();
        }
    }
    tallies
}

/// The element under `body` where prose most outweighs chrome, with the tallies of the
/// container and of the whole body; `None` when the page has too little prose to judge.
fn choose<'a>(body: &NodeRef<'a>) -> Option<(NodeRef<'a>, Tally, Tally)> {
    let tallies = tallies(body);
    let whole = tallies.get(&body.id).copied().unwrap_or_default();
    if whole.prose < MIN_PAGE_PROSE {
        return None;
    }
    // Ties go to the deeper element: the smallest one holding the same text.
    let best = tallies
        .iter()
        .map(|(id, t)| (score(t), NodeRef::new(*id, body.tree), *t))
        .max_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| depth(&a.1).cmp(&depth(&b.1)))
                .then_with(|| b.1.id.cmp(&a.1.id))
        })?;
    Some((best.1, best.2, whole))
}

fn depth(n: &NodeRef) -> usize {
    n.ancestors_it(None).count()
}

/// Removes everything in `<body>` outside the article's container, when one element holds
/// nearly all of the page's prose. Returns whether the page was pruned.
pub fn prune_to_container(doc: &Document, title: Option<&str>) -> bool {
    let Some(body) = doc.select("body").nodes().first().cloned() else {
        return false;
    };
    let Some((container, inside, whole)) = choose(&body) else {
        return false;
    };
    let share = inside.prose as f64 / whole.prose.max(1) as f64;
    let (prose_out, chrome_out) = (
        whole.prose.saturating_sub(inside.prose),
        whole.chrome.saturating_sub(inside.chrome),
    );
    let mostly_chrome_outside = share >= MIN_PROSE_SHARE_IN_CHROME
        && chrome_out as f64 >= CHROME_OUTSIDE * prose_out as f64;
    let container = if container.id == body.id {
        // Nothing narrower than the page outweighs its chrome (a stream of story summaries
        // around the article): the headline says where the article is.
        match title.and_then(|t| headline_container(&body, t)) {
            Some(c) => c,
            None => return false,
        }
    } else if share < MIN_PROSE_SHARE && !mostly_chrome_outside {
        return false;
    } else {
        container
    };
    keep_only(&body, container);
    true
}

/// Prose (characters) the element around the headline must hold to be taken as the article.
const HEADLINE_PROSE: usize = 1000;
/// Share of the page's prose the element around the headline must hold: an article, not a
/// summary box beside it.
const MIN_HEADLINE_SHARE: f64 = 0.25;
/// Words a headline has at least.
const HEADLINE_WORDS: usize = 4;

/// Words of a heading, lower-cased, for comparing it with the title.
fn heading_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

/// The element around the article's headline (the one `<h1>` whose words are the page's title)
/// where prose most outweighs chrome, when it holds an article's worth of prose and at least
/// twice as much prose as chrome; `None` when the page shows no such headline or element.
fn headline_container<'a>(body: &NodeRef<'a>, title: &str) -> Option<NodeRef<'a>> {
    let title = heading_words(title);
    if title.len() < HEADLINE_WORDS {
        return None;
    }
    let mut h1s = body.descendants_it().filter(|d| {
        d.is_element()
            && d.node_name().as_deref() == Some("h1")
            && heading_words(&d.text()) == title
    });
    let h1 = h1s.next()?;
    if h1s.next().is_some() {
        return None;
    }
    let tallies = tallies(body);
    // The ancestor where prose most outweighs chrome: the article around its headline.
    let (best, t) = h1
        .ancestors_it(None)
        .take_while(|a| a.id != body.id)
        .map(|a| (a.id, tallies.get(&a.id).copied().unwrap_or_default()))
        .max_by(|a, b| score(&a.1).total_cmp(&score(&b.1)))?;
    let page = tallies.get(&body.id).copied().unwrap_or_default();
    let share = t.prose as f64 / page.prose.max(1) as f64;
    (t.prose >= HEADLINE_PROSE && t.prose >= 2 * t.chrome && share >= MIN_HEADLINE_SHARE)
        .then(|| NodeRef::new(best, body.tree))
}

/// Keeps, on the path from `container` up to `body`, only that path.
fn keep_only(body: &NodeRef, container: NodeRef) {
    let mut keep = container;
    while let Some(parent) = keep.parent() {
        for c in parent.children() {
            if c.id != keep.id {
                c.remove_from_parent();
            }
        }
        if parent.id == body.id {
            break;
        }
        keep = parent;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "<p>The council voted on Tuesday to approve part {i} of the new budget for \
                     the city, which includes <a href=/f>funding</a> for schools and parks.</p>"
                )
            })
            .collect()
    }

    fn headlines(n: usize) -> String {
        let items: String = (0..n)
            .map(|i| format!("<li><a href=/s{i}>Storm closes roads across the county {i}</a></li>"))
            .collect();
        format!("<div class=rail><h3>Most read</h3><ul>{items}</ul></div>")
    }

    #[test]
    fn a_whole_page_wrapper_is_narrowed_to_the_article() {
        let html = format!(
            "<html><body><div id=page><div id=menu><a href=/>Home</a> <a href=/w>World</a></div>\
             <div id=story><h1>Budget passes</h1>{}</div>{}</div></body></html>",
            article(6),
            headlines(12)
        );
        let doc = Document::from(html.as_str());
        assert!(prune_to_container(&doc, None));
        let text = doc.select("body").text();
        assert!(text.contains("part 5 of the new budget"));
        assert!(!text.contains("Storm closes roads"));
        assert!(!text.contains("World"));
    }

    #[test]
    fn an_article_split_across_siblings_is_kept_whole() {
        // Half the prose in each of two columns: no single column holds enough to prune.
        let html = format!(
            "<html><body><div id=a>{}</div><div id=b>{}</div>{}</body></html>",
            article(4),
            article(4),
            headlines(3)
        );
        let doc = Document::from(html.as_str());
        assert!(!prune_to_container(&doc, None));
    }

    /// A stream of story summaries, each prose, around an article under its own headline.
    fn stream_page(summaries: usize, paragraphs: usize) -> String {
        let stream: String = (0..summaries)
            .map(|i| {
                format!(
                    "<div><h3><a href=/s{i}>Storm story {i}</a></h3><p>Heavy rain closed \
                     roads across the county on Monday, officials said, and schools in three \
                     towns stayed shut while crews cleared fallen trees {i}.</p></div>"
                )
            })
            .collect();
        format!(
            "<html><body><div id=stream>{stream}</div><div id=modal><header><h1>Cargo ship \
             breaks up over Siberia</h1></header><div>{}</div></div></body></html>",
            article(paragraphs)
        )
    }

    #[test]
    fn an_article_among_story_summaries_is_found_by_its_headline() {
        let doc = Document::from(stream_page(8, 12).as_str());
        assert!(prune_to_container(
            &doc,
            Some("Cargo ship breaks up over Siberia")
        ));
        let text = doc.select("body").text();
        assert!(text.contains("part 5 of the new budget"));
        assert!(!text.contains("Heavy rain closed roads"));
        // Without the title the page is left to readability.
        let doc = Document::from(stream_page(8, 12).as_str());
        assert!(!prune_to_container(&doc, None));
        // A headline over a short summary box is no article.
        let doc = Document::from(stream_page(40, 12).as_str());
        assert!(!prune_to_container(
            &doc,
            Some("Cargo ship breaks up over Siberia")
        ));
    }

    #[test]
    fn a_short_page_is_left_alone() {
        let html = format!(
            "<html><body><div>{}</div>{}</body></html>",
            article(1),
            headlines(9)
        );
        let doc = Document::from(html.as_str());
        assert!(!prune_to_container(&doc, None));
    }
}
