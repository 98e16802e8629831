//! Boxes set into the article: a related list, a sign-up offer, a share bar, after which the
//! article goes on. Their heading looks like the one that opens the trailing chrome
//! ("Related", "Subscribe"), so the block must not end there when the article resumes below.

use std::sync::LazyLock;

use claimtrail_lexicon as lexicon;
use regex::Regex;

use super::lines::{Scored, ENDMARK};

/// Headings of the trailing chrome that pages also set into the article: links to stories on
/// the same subject, sign-up and share boxes. Not the site-wide lists ("Most read", "Trending",
/// "Latest"), whose entries are often a headline and its blurb on one line, nor comment and
/// author headings: what follows those is never the article again.
static INSERT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(related|you (may|might) also like|more (from|stories|news|articles)|read (also|next|more)|recommended|share this|see also|what to read next|up next|newsletter|sign up|subscribe|also worth reading|further reading)",
    )
    .unwrap()
});

/// Lines after an insert's heading searched for the article resuming.
const RESUME_REACH: usize = 12;
/// Two adjacent prose lines each weighing this much (about twenty words of punctuated prose) are
/// the article's paragraphs, not a teaser card's question and blurb: a teaser list alternates
/// headline and blurb, and its blurbs stand one by one between chrome lines.
const RESUME_WEIGHT: f64 = 20.0;

/// Whether the heading at `k` opens a box the article resumes after, within the block's end
/// `be`: the line where the article's prose resumes.
pub fn resumes_after(s: &Scored, k: usize, be: usize) -> Option<usize> {
    if !INSERT.is_match(s.lines[k]) {
        return None;
    }
    paragraphs_after(s, k, be)
}

/// The first of two adjacent paragraphs within reach below the line `k`, up to `be`.
pub fn paragraphs_after(s: &Scored, k: usize, be: usize) -> Option<usize> {
    let end = be.min(k + RESUME_REACH);
    (k + 1..end).find(|&j| s.scores[j] >= RESUME_WEIGHT && s.scores[j + 1] >= RESUME_WEIGHT)
}

/// The box's own lines: its heading, and the headline-shaped lines under it when there are two
/// or more (a list of links, names and dates) up to the first line of prose. A single such line
/// may be the article's next section heading, so it stays.
/// The last of them stays when it heads the prose below: numbered ("4. Veracity") or sharing a
/// word with the paragraph's first sentence ("Pick the right location" / "Picking a good
/// location is key"), the article's next section heading rather than a link's headline.
pub fn box_lines(s: &Scored, k: usize, resume: usize) -> std::ops::Range<usize> {
    let first_prose = (k + 1..resume)
        .find(|&j| s.scores[j] > 0.0)
        .unwrap_or(resume);
    if first_prose - (k + 1) >= 2 {
        let last = first_prose - 1;
        if heads(s.lines[last], s.lines[first_prose]) {
            k..last
        } else {
            k..first_prose
        }
    } else {
        k..k + 1
    }
}

/// Stem length compared between a heading's words and its paragraph's.
const STEM: usize = 5;
/// Words of the paragraph's opening read for the heading's words.
const OPENING_WORDS: usize = 30;

/// Whether `line` reads as the heading of the paragraph `next`: it opens with a number and a
/// dot, or one of its words other than a stopword (four letters or more) opens like one of the
/// paragraph's first words.
fn heads(line: &str, next: &str) -> bool {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && t[digits..].starts_with(". ") {
        return true;
    }
    let stem = |w: &str| -> Option<String> {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        (w.chars().count() >= 4 && !lexicon::is_stopword(&w))
            .then(|| w.chars().take(STEM).collect())
    };
    let opening: Vec<String> = next
        .split_whitespace()
        .take(OPENING_WORDS)
        .filter_map(stem)
        .collect();
    line.split_whitespace()
        .filter_map(stem)
        .any(|h| opening.contains(&h))
}

/// Share of the block's prose a heading needs above it to end the article early.
const EARLY_END: f64 = 0.2;

/// Cuts the block at a trailing-chrome heading ("Comments", "Related posts") once most of the
/// block's text lies before it. A heading set into the article, which resumes below it, does
/// not end the block: its box is dropped instead.
pub fn cut_at_end_marker(s: &mut Scored, bs: usize, be: usize) -> usize {
    let total: f64 = (bs..=be).map(|k| s.scores[k].max(0.0)).sum();
    let mut acc = 0.0;
    for k in bs..=be {
        if s.words[k] > 6 || !ENDMARK.is_match(s.lines[k]) || k == bs {
            acc += s.scores[k].max(0.0);
            continue;
        }
        // Before most of the block's prose, the heading ends the article only when no two
        // paragraphs follow it: the prose below is then a teaser stream's blurbs.
        if acc < 0.5 * total && acc >= EARLY_END * total && paragraphs_after(s, k, be).is_none() {
            return k - 1;
        }
        // A box set in early (after the first paragraphs) goes too when the article resumes
        // below it: its headlines are no more the article's than the ones further down.
        if acc < 0.5 * total {
            if let Some(resume) = resumes_after(s, k, be) {
                for j in box_lines(s, k, resume) {
                    s.drop[j] = true;
                }
            }
        }
        if acc >= 0.5 * total {
            match resumes_after(s, k, be) {
                Some(resume) => {
                    for j in box_lines(s, k, resume) {
                        s.drop[j] = true;
                    }
                }
                None => return k - 1,
            }
        }
        acc += s.scores[k].max(0.0);
    }
    be
}

#[cfg(test)]
mod tests {
    use super::super::extract_dump;

    const HEAD: &str = "Home\nNews\nSport\n\nCouncil approves the new harbour plan after a long debate\n\n\
        The city council approved the harbour plan on Tuesday evening, after a debate that lasted more than six hours and drew a large crowd of residents.\n\
        The plan moves the ferry terminal to the northern pier and turns the old warehouses into housing, offices and a public market by the end of the decade.\n\
        Supporters said the project would bring jobs to a part of the city that has been neglected for years, while critics warned about traffic and rents.\n";

    #[test]
    fn the_article_resumes_after_a_related_box() {
        let page = format!(
            "{HEAD}Related\nMayor unveils budget for the coming year\nJane Smith\nMarch 3, 2024\nFerry fares to rise in the spring\nTom Brown\nMarch 1, 2024\n\
             The council will now ask the regional government for funding, which officials said could take until the autumn to be decided.\n\
             Residents who spoke at the meeting asked for a second public hearing before any building starts, and the mayor promised to hold one in May.\n\
             Share on Facebook\nComments\n"
        );
        let a = extract_dump(&page);
        assert!(
            a.text.contains("regional government for funding"),
            "{}",
            a.text
        );
        assert!(a.text.ends_with("hold one in May."), "{}", a.text);
        for chrome in ["Related", "Mayor unveils", "Jane Smith", "March 3, 2024"] {
            assert!(!a.text.contains(chrome), "{chrome} kept:\n{}", a.text);
        }
    }

    #[test]
    fn a_related_box_set_in_before_half_the_article_goes_and_the_article_stays() {
        // The box stands after the first paragraph, well before half the prose: its headlines,
        // names and dates go, the paragraphs on both sides of it stay.
        let page = "Home\nNews\n\nCouncil approves the new harbour plan after a long debate\n\n\
            The city council approved the harbour plan on Tuesday evening, after a debate that lasted more than six hours and drew a large crowd of residents.\n\
            Related\nMayor unveils budget for the coming year\nJane Smith\nMarch 3, 2024\nFerry fares to rise in the spring\nTom Brown\nMarch 1, 2024\n\
            The plan moves the ferry terminal to the northern pier and turns the old warehouses into housing, offices and a public market by the end of the decade.\n\
            Supporters said the project would bring jobs to a part of the city that has been neglected for years, while critics warned about traffic and rents.\n\
            The council will now ask the regional government for funding, which officials said could take until the autumn to be decided.\n\
            Residents who spoke at the meeting asked for a second public hearing before any building starts, and the mayor promised to hold one in May.\n\
            Engineers will survey the northern pier over the summer, and the first contracts could be signed before the end of next year.\n";
        let a = extract_dump(page);
        assert!(
            a.text.starts_with("The city council approved"),
            "{}",
            a.text
        );
        assert!(
            a.text.contains("The plan moves the ferry terminal"),
            "{}",
            a.text
        );
        assert!(
            a.text.ends_with("before the end of next year."),
            "{}",
            a.text
        );
        for chrome in [
            "Related",
            "Mayor unveils",
            "Jane Smith",
            "March 3, 2024",
            "Ferry fares",
        ] {
            assert!(!a.text.contains(chrome), "{chrome} kept:\n{}", a.text);
        }
    }

    #[test]
    fn the_section_heading_under_a_box_stays_with_its_paragraph() {
        // A sign-up box, then the article's next numbered or titled section: the heading opens
        // the prose below it (a number, or a word the paragraph opens with), so it stays.
        for heading in ["4. Ferry routes", "Where the ferries go"] {
            let page = format!(
                "{HEAD}Newsletter\nGet the harbour news every week\nEnter your email\n{heading}\n\
                 Ferries will leave from the northern pier from next spring, and the old terminal will close once the last summer sailing has gone.\n\
                 The council will now ask the regional government for funding, which officials said could take until the autumn to be decided.\n"
            );
            let a = extract_dump(&page);
            assert!(a.text.contains(heading), "{heading} lost:\n{}", a.text);
            assert!(!a.text.contains("Enter your email"), "{}", a.text);
        }
    }

    #[test]
    fn a_teaser_stream_longer_than_the_article_ends_at_its_heading() {
        // Punctuated teaser headlines score as prose, and a long stream of them outweighs the
        // article; no two paragraphs follow the heading, so the article ends there.
        let mut page = format!("{HEAD}See also\n");
        for i in 1..=12 {
            page.push_str(&format!(
                "Singer number {i} says she will never go back to the old studio again!\nCelebrity Wire\n"
            ));
        }
        let a = extract_dump(&page);
        assert!(a.text.ends_with("traffic and rents."), "{}", a.text);
    }

    #[test]
    fn teaser_cards_after_a_related_heading_still_end_the_article() {
        // Question and blurb, card after card: no two paragraphs in a row, so not the article.
        let page = format!(
            "{HEAD}Related\nWhat will happen to the old ferry terminal?\n\
             The building is listed, and the council has asked architects for ideas on how it could be used again.\nRead the story\n\
             Who pays for the new northern pier?\n\
             Most of the money comes from the port authority, with the rest from a loan that the city will repay over thirty years.\nRead the story\n"
        );
        let a = extract_dump(&page);
        assert!(a.text.ends_with("traffic and rents."), "{}", a.text);
    }
}
