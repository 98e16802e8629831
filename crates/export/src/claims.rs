//! schema.org `Claim` JSON-LD: one claim per registered quote with a speaker and per figure
//! with a claimant, shaped as a ClaimReview's `itemReviewed` takes it (text, author as a
//! Person or Organization, datePublished, firstAppearance and appearance as NewsArticles).
//! One JSON-LD document, `{"@context": "https://schema.org", "@graph": [...]}`, written claim by
//! claim and a quote's appearances one by one: memory does not grow with how often a quote was
//! repeated.

use claimtrail_analysis::EntityKind;
use claimtrail_ledger::tables::{ArticleRef, FigureClaim, QuoteClaim};
use serde_json::{json, Map, Value};
use std::io::Write;

pub const CONTEXT: &str = "https://schema.org";

pub struct ClaimsDocument<W: Write> {
    out: W,
    written: u64,
    /// The quote claim whose `appearance` array is open: its id and last document key.
    open: Option<(i64, i64)>,
}

impl<W: Write> ClaimsDocument<W> {
    pub fn new(mut out: W) -> std::io::Result<Self> {
        write!(out, "{{\"@context\":\"{CONTEXT}\",\"@graph\":[")?;
        Ok(ClaimsDocument {
            out,
            written: 0,
            open: None,
        })
    }

    /// Starts the next object of the graph.
    fn next(&mut self) -> std::io::Result<()> {
        self.close()?;
        self.out
            .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        self.written += 1;
        Ok(())
    }

    /// Closes the open quote claim's appearances and the claim.
    fn close(&mut self) -> std::io::Result<()> {
        if self.open.take().is_some() {
            self.out.write_all(b"]}")?;
        }
        Ok(())
    }

    /// One appearance of a registered quote: the first of its id opens the claim, the others
    /// add to its `appearance` (a document quoting it twice is one appearance).
    pub fn quote(&mut self, c: &QuoteClaim) -> std::io::Result<()> {
        match self.open {
            Some((id, last)) if id == c.id => {
                if last == c.appearance.key {
                    return Ok(());
                }
                self.out.write_all(b",")?;
            }
            _ => {
                self.next()?;
                // The claim without its last brace, then the appearance array left open.
                let head = serde_json::to_string(&quote_claim(c))?;
                let head = head.strip_suffix('}').unwrap_or(&head);
                self.out.write_all(head.as_bytes())?;
                self.out.write_all(b",\"appearance\":[")?;
            }
        }
        serde_json::to_writer(&mut self.out, &news_article(&c.appearance))?;
        self.open = Some((c.id, c.appearance.key));
        Ok(())
    }

    pub fn figure(&mut self, c: &FigureClaim) -> std::io::Result<()> {
        self.next()?;
        serde_json::to_writer(&mut self.out, &figure_claim(c))?;
        Ok(())
    }

    /// Closes the graph; returns how many claims it holds.
    pub fn finish(mut self) -> std::io::Result<u64> {
        self.close()?;
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(self.written)
    }
}

/// A Person for a person, an Organization for anything else that speaks (organisations,
/// countries, unnamed officials' agencies).
fn author(name: &str, kind: Option<EntityKind>) -> Value {
    let t = match kind {
        Some(EntityKind::Person) => "Person",
        _ => "Organization",
    };
    json!({"@type": t, "name": name})
}

/// A NewsArticle; unknown fields are left out rather than written as null.
fn news_article(a: &ArticleRef) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), "NewsArticle".into());
    if let Some(url) = &a.url {
        m.insert("url".into(), url.as_str().into());
    }
    if let Some(title) = &a.title {
        m.insert("headline".into(), title.as_str().into());
    }
    if let Some(outlet) = &a.outlet {
        m.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": outlet}),
        );
    }
    if let Some(d) = a.date {
        m.insert("datePublished".into(), d.to_string().into());
    }
    m.insert("identifier".into(), a.id.as_str().into());
    Value::Object(m)
}

/// A quote claim without its `appearance`, which is written as the rows come.
fn quote_claim(c: &QuoteClaim) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), "Claim".into());
    m.insert("text".into(), c.text.as_str().into());
    m.insert("author".into(), author(&c.speaker, c.speaker_type));
    if let Some(d) = c.first_date.or(c.first.date) {
        m.insert("datePublished".into(), d.to_string().into());
    }
    m.insert("firstAppearance".into(), news_article(&c.first));
    Value::Object(m)
}

fn figure_claim(c: &FigureClaim) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), "Claim".into());
    m.insert("text".into(), c.text.as_str().into());
    m.insert("author".into(), author(&c.claimed_by, c.claimed_by_type));
    if let Some(d) = c.article.date {
        m.insert("datePublished".into(), d.to_string().into());
    }
    // As of when the figure holds (a TimeML value: a day, a month, a week).
    if let Some(d) = &c.date {
        m.insert("temporalCoverage".into(), d.as_str().into());
    }
    let article = news_article(&c.article);
    m.insert("firstAppearance".into(), article.clone());
    m.insert("appearance".into(), Value::Array(vec![article]));
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(key: i64) -> ArticleRef {
        ArticleRef {
            key,
            id: format!("c{key}"),
            url: Some(format!("https://n{key}.example/a")),
            outlet: Some(format!("News {key}")),
            title: None,
            date: "2024-10-23".parse().ok(),
        }
    }

    #[test]
    fn the_graph_holds_claims_with_author_text_and_appearances() {
        let mut bytes = Vec::new();
        let mut doc = ClaimsDocument::new(&mut bytes).unwrap();
        for key in [1, 2, 2] {
            doc.quote(&QuoteClaim {
                id: 1,
                text: "We are watching".into(),
                speaker: "John Kirby".into(),
                speaker_type: Some(EntityKind::Person),
                first_date: None,
                first: article(1),
                appearance: article(key),
            })
            .unwrap();
        }
        doc.figure(&FigureClaim {
            document_key: 2,
            position: 0,
            text: "3,000 troops".into(),
            value: Some(3000.0),
            hedge: Default::default(),
            unit: None,
            counted: Some("troops".into()),
            claimed_by: "South Korean intelligence".into(),
            claimed_by_type: None,
            date: Some("2024-10".into()),
            article: article(2),
        })
        .unwrap();
        assert_eq!(doc.finish().unwrap(), 2);
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["@context"], CONTEXT);
        let graph = v["@graph"].as_array().unwrap();
        assert_eq!(graph[0]["author"]["@type"], "Person");
        assert_eq!(graph[0]["appearance"].as_array().unwrap().len(), 2);
        assert_eq!(graph[0]["datePublished"], "2024-10-23");
        assert_eq!(graph[1]["author"]["@type"], "Organization");
        assert_eq!(graph[1]["temporalCoverage"], "2024-10");
        assert_eq!(graph[1]["firstAppearance"]["publisher"]["name"], "News 2");
        assert!(graph[1]["firstAppearance"].get("headline").is_none());
    }
}
