//! Caps on the items one document may carry into the ledger: a hostile or runaway page (60 MB of
//! varied paragraphs gave 773k quotes and 1.5M figures) must not become a ledger of gigabytes
//! that holds the write lock for minutes. Items past a cap are dropped, in text order, with a
//! warning on the document saying how many.

use claimtrail_analysis::DocAnalysis;

/// Most items of each kind kept per document. The defaults sit far above any real article
/// (hundreds of quotes, a few thousand entity mentions at most).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    pub entities: usize,
    pub quotes: usize,
    pub figures: usize,
    pub times: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            entities: 20_000,
            quotes: 10_000,
            figures: 10_000,
            times: 10_000,
        }
    }
}

impl Caps {
    /// Drops the items past each cap, with one warning per capped kind.
    pub fn apply(&self, doc: &mut DocAnalysis) {
        let warnings: Vec<String> = [
            warning("entity mentions", doc.entities.len(), self.entities),
            warning("quotes", doc.quotes.len(), self.quotes),
            warning("figures", doc.figures.len(), self.figures),
            warning("time expressions", doc.times.len(), self.times),
        ]
        .into_iter()
        .flatten()
        .collect();
        doc.entities.truncate(self.entities);
        doc.quotes.truncate(self.quotes);
        doc.figures.truncate(self.figures);
        doc.times.truncate(self.times);
        doc.warnings.extend(warnings);
    }
}

fn warning(kind: &str, found: usize, cap: usize) -> Option<String> {
    (found > cap)
        .then(|| format!("{found} {kind} found; only the first {cap} kept (the per-document cap)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::{Quote, QuoteKind};

    fn quote(i: usize) -> Quote {
        Quote {
            text: format!("q{i}"),
            kind: QuoteKind::Direct,
            start: i,
            end: i + 1,
            ..Quote::default()
        }
    }

    #[test]
    fn items_past_a_cap_are_dropped_with_one_warning() {
        let mut doc = DocAnalysis {
            quotes: (0..7).map(quote).collect(),
            ..DocAnalysis::default()
        };
        let caps = Caps {
            quotes: 5,
            ..Caps::default()
        };
        caps.apply(&mut doc);
        assert_eq!(doc.quotes.len(), 5);
        assert_eq!(
            doc.quotes[4].text, "q4",
            "the first ones in text order are kept"
        );
        assert_eq!(doc.warnings.len(), 1);
        assert!(doc.warnings[0].contains("7 quotes"), "{:?}", doc.warnings);
    }

    #[test]
    fn a_document_under_every_cap_is_untouched() {
        let mut doc = DocAnalysis {
            quotes: (0..3).map(quote).collect(),
            ..DocAnalysis::default()
        };
        let before = doc.clone();
        Caps::default().apply(&mut doc);
        assert_eq!(doc, before);
    }
}
