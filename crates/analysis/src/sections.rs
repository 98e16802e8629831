//! The stages run over a text in sections of bounded size, stopping once a cap is reached.
//! A text within one section (every real article) is analysed whole, exactly as it always was;
//! a longer one is cut at paragraph breaks, each section analysed on its own and its spans moved
//! to their place in the whole text. The stages' memory is then bounded by the section size and
//! their time is linear in the text, and nothing past a cap is computed only to be dropped.

use crate::caps::{piece_end, Caps};
use chrono::NaiveDate;
use claimtrail_text::{Doc, Entity, Figure, Quote, TimeExpr};
use std::ops::Range;

/// What the stages found in a text.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub times: Vec<TimeExpr>,
    pub warnings: Vec<String>,
}

/// Runs every stage over `text`, section by section, within `caps`. `block_quotes` are the
/// byte ranges of the paragraphs the page set off as quoted.
pub(crate) fn analyse(
    text: &str,
    block_quotes: &[Range<usize>],
    published: Option<NaiveDate>,
    caps: &Caps,
) -> Found {
    let mut found = Found::default();
    let mut start = 0;
    let mut sections = 0usize;
    while start < text.len() {
        let end = piece_end(text, start, caps.section_bytes.max(1));
        // The section's block quotations, relative to it.
        let blocks: Vec<Range<usize>> = block_quotes
            .iter()
            .filter(|r| r.start >= start && r.end <= end)
            .map(|r| r.start - start..r.end - start)
            .collect();
        let part = stages(&text[start..end], &blocks, published);
        sections += 1;
        let full = found.take(part, start, caps);
        start = end;
        if let Some(kind) = full {
            if start < text.len() {
                found.warnings.push(format!(
                    "analysis stopped at byte {start} of {}: the per-document cap on {kind} was \
                     reached; the text after it was not analysed",
                    text.len()
                ));
            }
            break;
        }
    }
    if sections > 1 {
        found.warnings.push(format!(
            "text of {} bytes analysed in {sections} sections of at most {} bytes; speakers \
             and names are not followed from one section to the next",
            text.len(),
            caps.section_bytes
        ));
    }
    found
}

/// What the stages found in one section, its spans relative to the section.
struct Part {
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
    figures: Vec<Figure>,
    times: Vec<TimeExpr>,
}

/// The stages over one text, in dependency order.
fn stages(text: &str, block_quotes: &[Range<usize>], published: Option<NaiveDate>) -> Part {
    let doc = Doc::new(text);
    let entities = claimtrail_entities::recognize(&doc);
    let quotes = match quote_entities_probe() {
        None => claimtrail_quotes::find_quotes_with_blocks(&doc, &entities, block_quotes),
        Some(keep_half) => {
            let thinned = thin_for_probe(&entities, keep_half);
            claimtrail_quotes::find_quotes_with_blocks(&doc, &thinned, block_quotes)
        }
    };
    let times = claimtrail_times::find_times(&doc, published);
    let figures = claimtrail_figures::find_figures(
        &doc,
        &claimtrail_figures::Context {
            entities: &entities,
            quotes: &quotes,
            times: &times,
            published,
        },
    );
    Part {
        entities,
        quotes,
        figures,
        times,
    }
}

/// A span type whose byte range can be moved by a section's offset.
trait Span {
    fn shift(&mut self, by: usize);
}

macro_rules! span {
    ($($t:ty),+) => {$(
        impl Span for $t {
            fn shift(&mut self, by: usize) {
                self.start += by;
                self.end += by;
            }
        }
    )+};
}

span!(Entity, Quote, Figure, TimeExpr);

impl Found {
    /// Adds one section's items (found at `offset`) up to the caps, with a warning per kind
    /// that had items left over; names the first such kind.
    fn take(&mut self, part: Part, offset: usize, caps: &Caps) -> Option<&'static str> {
        let over = [
            (
                extend(&mut self.entities, part.entities, offset, caps.entities),
                "entity mentions",
                caps.entities,
            ),
            (
                extend(&mut self.quotes, part.quotes, offset, caps.quotes),
                "quotes",
                caps.quotes,
            ),
            (
                extend(&mut self.figures, part.figures, offset, caps.figures),
                "figures",
                caps.figures,
            ),
            (
                extend(&mut self.times, part.times, offset, caps.times),
                "time expressions",
                caps.times,
            ),
        ];
        let mut first = None;
        for (_, kind, cap) in over.into_iter().filter(|(over, _, _)| *over) {
            self.warnings.push(format!(
                "more than {cap} {kind} found; only the first {cap} kept (the per-document cap)"
            ));
            first.get_or_insert(kind);
        }
        first
    }
}

/// Appends `items` (moved by `offset`) to `all` up to `cap`; true when some were left over.
fn extend<T: Span>(all: &mut Vec<T>, items: Vec<T>, offset: usize, cap: usize) -> bool {
    let room = cap.saturating_sub(all.len());
    let over = items.len() > room;
    all.extend(items.into_iter().take(room).map(|mut i| {
        i.shift(offset);
        i
    }));
    over
}

/// A measuring probe, never set in use: `CLAIMTRAIL_PROBE_QUOTE_ENTITIES=none` gives the quote
/// stage no entities, `=half` drops every second PERSON, so the speaker fallback's loss can be
/// measured (docs/benchmarks.md, fallback39). Every other stage sees the full entity layer.
fn quote_entities_probe() -> Option<bool> {
    static PROBE: std::sync::LazyLock<Option<bool>> = std::sync::LazyLock::new(|| {
        match std::env::var("CLAIMTRAIL_PROBE_QUOTE_ENTITIES").as_deref() {
            Ok("none") => Some(false),
            Ok("half") => Some(true),
            _ => None,
        }
    });
    *PROBE
}

fn thin_for_probe(entities: &[Entity], keep_half: bool) -> Vec<Entity> {
    if !keep_half {
        return Vec::new();
    }
    let mut nth = 0usize;
    entities
        .iter()
        .filter(|e| {
            if e.kind != claimtrail_text::EntityKind::Person {
                return true;
            }
            nth += 1;
            nth % 2 == 1
        })
        .cloned()
        .collect()
}
