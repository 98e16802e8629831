//! The article's container, chosen before readability scores the page: the element whose own
//! text blocks are most article-like. Readability scores candidates by the paragraphs under them
//! and may settle on a whole-page wrapper that holds the menus, headline lists and footers with
//! the article; here each text block (the text of one block element, inline markup included)
//! is weighed as prose or chrome by its length, its share of link text and its sentence shape,
//! and the container is the element where prose most outweighs chrome. When that container
//! holds nearly all of the page's prose, everything outside it is pruned, so readability chooses
//! within it.

use super::elements;
use dom_query::{Document, NodeData, NodeId, NodeRef, TreeNode};
use fnv::FnvHashMap;

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

/// What a node of the walk is, for the text blocks.
enum Kind {
    /// A text node: its characters (whitespace aside) and, when it has any, whether it ends
    /// like a sentence.
    Text(usize, bool),
    Link,
    Block,
    Hidden,
    /// Any other element, or a comment.
    Other,
}

fn kind(n: &TreeNode) -> Kind {
    match &n.data {
        NodeData::Text { contents } => {
            let chars = contents.chars().filter(|c| !c.is_whitespace()).count();
            let end = contents.trim_end();
            let sentence_end =
                end.ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»', ':', ')']);
            Kind::Text(chars, sentence_end)
        }
        NodeData::Element(e) => {
            let name: &str = &e.name.local;
            if elements::is(name, elements::HIDDEN_TEXT) {
                Kind::Hidden
            } else if name == "a" {
                Kind::Link
            } else if elements::is(name, elements::TEXT_BLOCK) {
                Kind::Block
            } else {
                Kind::Other
            }
        }
        _ => Kind::Other,
    }
}

/// Where a node lies, as its text would be counted: the nearest block element above it (an
/// index into the walk's nodes) and whether a link or a hidden element comes first.
#[derive(Clone, Copy, Default)]
struct Place {
    block: Option<usize>,
    in_link: bool,
    hidden: bool,
}

/// The prose and chrome under each element of `body`, summed from its text blocks up. A text
/// block is the text of the text nodes whose nearest block ancestor is the element, with how
/// much of it lies inside links.
///
/// One walk down the tree: each node's place (nearest block, link, hidden element) follows
/// from its parent's, and the tallies are summed from the leaves up in reverse walk order, so
/// the cost is linear in the page (it was once a climb to `body` from every text node and
/// every block: a fifth of the extraction's own time).
fn tallies(body: &NodeRef) -> FnvHashMap<NodeId, Tally> {
    // The walk's elements in document order: id, parent's index, the block of text whose
    // nearest block element they are, and whether a text block lies at or under them.
    let mut ids: Vec<NodeId> = vec![body.id];
    let mut parents: Vec<usize> = vec![usize::MAX];
    let mut blocks: Vec<Block> = vec![Block::default()];
    // The index of each open element in the walk, by its arena id (the walk goes in
    // document order, so a node's parent is always open when the node is reached).
    let mut index: FnvHashMap<NodeId, (usize, Place)> = FnvHashMap::default();
    index.insert(
        body.id,
        (
            0,
            Place {
                block: Some(0),
                ..Place::default()
            },
        ),
    );
    for d in body.descendants_it() {
        let Some((parent, k)) = d.query(|t| (t.parent, kind(t))) else {
            continue;
        };
        let Some(&(pi, place)) = parent.as_ref().and_then(|p| index.get(p)) else {
            continue;
        };
        match k {
            Kind::Text(chars, sentence_end) => {
                let (Some(b), false) = (place.block, place.hidden) else {
                    continue;
                };
                if chars == 0 {
                    continue;
                }
                let b = &mut blocks[b];
                b.chars += chars;
                if place.in_link {
                    b.link_chars += chars;
                }
                b.sentence_end = sentence_end;
            }
            k => {
                let i = ids.len();
                ids.push(d.id);
                parents.push(pi);
                blocks.push(Block::default());
                let place = match k {
                    Kind::Block => Place {
                        block: Some(i),
                        in_link: false,
                        hidden: false,
                    },
                    Kind::Hidden => Place {
                        block: None,
                        in_link: false,
                        hidden: true,
                    },
                    Kind::Link => Place {
                        in_link: true,
                        ..place
                    },
                    _ => place,
                };
                index.insert(d.id, (i, place));
            }
        }
    }
    let mut sums: Vec<Option<Tally>> = blocks
        .iter()
        .map(|b| (b.chars > 0).then(|| weigh(b)))
        .collect();
    for i in (1..ids.len()).rev() {
        if let Some(t) = sums[i] {
            let p = &mut sums[parents[i]];
            let s = p.get_or_insert_with(Tally::default);
            s.prose += t.prose;
            s.chrome += t.chrome;
        }
    }
    ids.iter()
        .zip(sums)
        .filter_map(|(id, t)| Some((*id, t?)))
        .collect()
}

/// The element under `body` where prose most outweighs chrome, with the tallies of the
/// container and of the whole body; `None` when the page has too little prose to judge.
fn choose<'a>(
    body: &NodeRef<'a>,
    tallies: &FnvHashMap<NodeId, Tally>,
) -> Option<(NodeRef<'a>, Tally, Tally)> {
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
    let tallies = tallies(&body);
    let Some((container, inside, whole)) = choose(&body, &tallies) else {
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
        match title.and_then(|t| headline_container(&body, t, &tallies)) {
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
fn headline_container<'a>(
    body: &NodeRef<'a>,
    title: &str,
    tallies: &FnvHashMap<NodeId, Tally>,
) -> Option<NodeRef<'a>> {
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

    /// The tallies as first written: from each text node a climb to its nearest block, from
    /// each block a climb to `body`. The one-walk version must agree with it on every page.
    fn tallies_by_climbing(body: &NodeRef) -> FnvHashMap<NodeId, Tally> {
        let mut blocks: FnvHashMap<NodeId, Block> = FnvHashMap::default();
        for d in body.descendants_it().filter(|d| d.is_text()) {
            let text = d.text();
            let chars = text.chars().filter(|c| !c.is_whitespace()).count();
            if chars == 0 {
                continue;
            }
            let (mut in_link, mut hidden, mut block) = (false, false, None);
            let mut up = d.parent();
            while let Some(p) = up {
                let name = p.node_name().unwrap_or_default();
                if elements::is(&name, elements::HIDDEN_TEXT) {
                    hidden = true;
                    break;
                }
                in_link |= &*name == "a";
                if elements::is(&name, elements::TEXT_BLOCK) {
                    block = Some(p.id);
                    break;
                }
                up = p.parent();
            }
            let (Some(id), false) = (block, hidden) else {
                continue;
            };
            let b = blocks.entry(id).or_default();
            b.chars += chars;
            if in_link {
                b.link_chars += chars;
            }
            b.sentence_end = text
                .trim_end()
                .ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»', ':', ')']);
        }
        let mut out: FnvHashMap<NodeId, Tally> = FnvHashMap::default();
        for (id, b) in &blocks {
            let w = weigh(b);
            let mut n = Some(NodeRef::new(*id, body.tree));
            while let Some(e) = n {
                let t = out.entry(e.id).or_default();
                t.prose += w.prose;
                t.chrome += w.chrome;
                if e.id == body.id {
                    break;
                }
                n = e.parent();
            }
        }
        out
    }

    fn pairs(m: &FnvHashMap<NodeId, Tally>) -> Vec<(NodeId, usize, usize)> {
        let mut v: Vec<_> = m.iter().map(|(k, t)| (*k, t.prose, t.chrome)).collect();
        v.sort_by_key(|p| p.0);
        v
    }

    #[test]
    fn one_walk_tallies_match_the_climb_from_every_block() {
        let pages = [
            format!(
                "<html><body><div id=page><div id=menu><a href=/>Home</a> <a href=/w>World</a>\
                 </div><div id=story><h1>Budget passes</h1>{}</div>{}</div></body></html>",
                article(6),
                headlines(12)
            ),
            stream_page(8, 12),
            // Text a hidden element holds, a block inside a hidden element, a link around a
            // block and around a hidden element, inline text straight under `body`, a tiny
            // block that weighs nothing, and a table.
            "<html><body>Loose words, then <b>bold</b>.<noscript><p>Enable scripts to read \
             this page properly, please.</p>Bare noscript text</noscript><a href=/x><div>A \
             linked block of some length here.</div><span>linked inline</span></a><p>x</p>\
             <a href=/y><noscript>hidden <i>link</i></noscript></a><table><tr><td>Cell one \
             with a sentence.</td><td><a href=/c>cell link</a> and more words than links \
             here, to be prose.</td></tr></table><select><option>Pick</option></select>\
             <p>Ends like a sentence! <em>yes</em></p><p>Ends <a href=/z>in a link</a></p>\
             </body></html>"
                .to_string(),
        ];
        for page in &pages {
            let doc = Document::from(page.as_str());
            let body = doc.select("body").nodes().first().cloned().unwrap();
            let (walk, climb) = (tallies(&body), tallies_by_climbing(&body));
            assert!(!walk.is_empty());
            assert_eq!(pairs(&walk), pairs(&climb), "{page}");
        }
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
