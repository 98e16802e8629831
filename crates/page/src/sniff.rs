//! HTML or whole-page text dump, decided by content; the file name only breaks near ties.

use crate::Format;

/// Decides whether decoded text is markup or a text dump.
pub fn sniff_format(text: &str, source: &str) -> Format {
    let head: String = text.chars().take(8192).collect();
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
    {
        return Format::Html;
    }
    // Tags per kilobyte: prose mentioning "<b>" once is not markup, a page of tags is.
    let tags = count_tags(&lower);
    let structural = [
        "<html", "<body", "<head", "<div", "<p>", "<p ", "<article", "<meta ",
    ]
    .iter()
    .filter(|t| lower.contains(*t))
    .count();
    let per_kb = tags as f64 * 1024.0 / lower.len().max(1) as f64;
    let ext_html = {
        let s = source.to_ascii_lowercase();
        let s = s.strip_suffix(".gz").unwrap_or(&s);
        s.ends_with(".html") || s.ends_with(".htm") || s.ends_with(".xhtml")
    };
    if structural >= 2 && per_kb >= 2.0 || per_kb >= 8.0 || ext_html && tags >= 3 {
        Format::Html
    } else {
        Format::Dump
    }
}

/// Counts `<name` and `</name` openings.
fn count_tags(s: &str) -> usize {
    let b = s.as_bytes();
    b.windows(2)
        .filter(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_is_html() {
        assert_eq!(
            sniff_format("\n <!DOCTYPE html><p>x", "a.txt"),
            Format::Html
        );
    }

    #[test]
    fn tag_soup_without_doctype_is_html() {
        let page = "<div class=a><p>One</p><p>Two</p><a href=x>link</a></div>".repeat(20);
        assert_eq!(sniff_format(&page, "page.txt"), Format::Html);
    }

    #[test]
    fn prose_mentioning_a_tag_is_a_dump() {
        let text = format!(
            "Menu\n\nHome\n\nThe <b> tag makes text bold, the article explains. {}",
            "It goes on at length about markup and its history. ".repeat(40)
        );
        assert_eq!(sniff_format(&text, "page.html"), Format::Dump);
    }

    #[test]
    fn seed_like_dump_is_a_dump() {
        assert_eq!(
            sniff_format(
                "Skip to main content\n\nWorld\n\nWASHINGTON: The White House said",
                "x"
            ),
            Format::Dump
        );
    }
}
