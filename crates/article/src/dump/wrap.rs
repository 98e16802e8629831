//! Lines a dump hard-wrapped at a fixed width ("… playing it on my" / "gaming PC (which …")
//! joined back into their paragraph, so that a sentence scores as prose and reaches the text whole.

use super::lines::is_stop;

/// Shortest line (in characters) taken for a wrapped one: wrapping happens near a width, and
/// menu items and headings are shorter.
const MIN_WRAPPED: usize = 30;

/// The dump's non-empty lines, whitespace folded, with wrapped lines joined. A line continues
/// on the next when no blank line separates them, it is long enough to have been wrapped, it
/// does not end a sentence or a label, and the break falls inside a phrase: the next line opens
/// in lower case, or the line ends on a comma or a function word ("the", "of", "and").
pub fn join_wrapped(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Whether the last pushed line may take the next one.
    let mut open = false;
    for line in raw
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
    {
        let folded = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if folded.is_empty() {
            open = false;
            continue;
        }
        let continues = open
            && out.last().is_some_and(|prev| {
                folded.starts_with(|c: char| c.is_lowercase()) || ends_inside_phrase(prev)
            });
        let added = folded.len();
        if continues {
            if let Some(prev) = out.last_mut() {
                prev.push(' ');
                prev.push_str(&folded);
            }
        } else {
            out.push(folded);
        }
        let last = out.last().map_or("", String::as_str);
        let tail = last.get(last.len().saturating_sub(added)..).unwrap_or("");
        open = tail.chars().count() >= MIN_WRAPPED && !ends_sentence(tail);
    }
    out
}

/// A closing parenthesis is not here: wrapped prose breaks after one as often as anywhere.
fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '…', '|'])
}

/// A line cut after a comma or a function word: the phrase goes on.
fn ends_inside_phrase(line: &str) -> bool {
    if line.ends_with(',') {
        return true;
    }
    let last = line.rsplit(' ').next().unwrap_or("");
    last.chars().all(char::is_alphabetic) && is_stop(&last.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_paragraphs_are_joined() {
        let raw = "Home\nNews\n\nI've been playing the game on my\ngaming PC (which is connected to my home theater)\n\
                   over the past year, and I was impressed that the\nXbox One X is able to keep up.\n\nNext story\n";
        assert_eq!(
            join_wrapped(raw),
            vec![
                "Home",
                "News",
                "I've been playing the game on my gaming PC (which is connected to my home theater) \
                 over the past year, and I was impressed that the Xbox One X is able to keep up.",
                "Next story",
            ]
        );
    }

    #[test]
    fn separate_elements_stay_separate() {
        // Headlines in a list, a sentence per line, short menu items: none is a wrap.
        let raw = "Ministers agree on a new fisheries deal today\nTalks resume in Brussels after the summer\n\
                   The council met on Monday and agreed the budget.\nIt takes effect in May.\nHome\nabout";
        assert_eq!(join_wrapped(raw).len(), 6);
        assert!(join_wrapped("").is_empty());
        assert_eq!(join_wrapped("a\r\nb\r\n"), vec!["a", "b"]);
    }
}
