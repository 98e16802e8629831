//! Clean article text (`--plain`): kept byte for byte so that offsets given by the caller (an
//! annotated corpus, say) stay valid. Only metadata the text cannot hold stays empty.

use crate::Article;

pub fn extract_plain(text: &str) -> Article {
    Article {
        text: text.to_string(),
        language: Some("en".into()),
        ..Article::default()
    }
}
