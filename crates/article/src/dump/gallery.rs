//! Slideshows embedded in an article: a page's photo gallery renders, in a dump, as a counter
//! line ("1/50", "2 of 50") before each slide's headline and caption. The captions are sentences
//! and would count as the article's prose, so the slides are found by their counters: a run of
//! counters over one total whose numbers go up one by one.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::Scored;

/// "3/50", "3 / 50", "3 of 50" alone on a line.
static COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\s*$").unwrap());

/// Fewest counters in a run: two could be a score or a date ("1/2").
const MIN_COUNTERS: usize = 3;
/// Short lines just above the first counter ("50", "show all", "Gallery") that belong to it.
const LEAD_LINES: usize = 3;
/// Words a gallery's heading line has at most.
const LEAD_WORDS: usize = 3;

/// Marks the slides of every gallery between lines `bs` and `be` (inclusive) as dropped.
pub fn drop_slides(s: &mut Scored, bs: usize, be: usize) {
    let counters: Vec<(usize, u32, u32)> = (bs..=be.min(s.lines.len().saturating_sub(1)))
        .filter_map(|k| {
            let c = COUNTER.captures(s.lines[k])?;
            let (n, total) = (c[1].parse().ok()?, c[2].parse().ok()?);
            (n >= 1 && n <= total && total as usize >= MIN_COUNTERS).then_some((k, n, total))
        })
        .collect();
    let mut i = 0;
    while i < counters.len() {
        // The longest run from `i` whose numbers rise by one over the same total.
        let mut j = i;
        while j + 1 < counters.len()
            && counters[j + 1].2 == counters[i].2
            && counters[j + 1].1 == counters[j].1 + 1
        {
            j += 1;
        }
        if j + 1 - i >= MIN_COUNTERS {
            drop_run(s, &counters[i..=j], bs, be);
        }
        i = j + 1;
    }
}

/// Drops one run of counters: each slide from its counter to the next, the last slide as long as
/// a typical one (the median), and the gallery's short heading lines above the first counter.
fn drop_run(s: &mut Scored, run: &[(usize, u32, u32)], bs: usize, be: usize) {
    let mut lengths: Vec<usize> = run.windows(2).map(|w| w[1].0 - w[0].0).collect();
    lengths.sort_unstable();
    let typical = lengths[lengths.len() / 2];
    let first = run[0].0;
    let last = run[run.len() - 1].0;
    for k in first..(last + typical).min(be + 1) {
        s.drop[k] = true;
    }
    for k in (first.saturating_sub(LEAD_LINES).max(bs)..first).rev() {
        if s.words[k] > LEAD_WORDS || s.lines[k].ends_with(['.', '!', '?']) {
            break;
        }
        s.drop[k] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::score_lines;
    use super::*;
    use proptest::prelude::*;

    fn kept(text: &str) -> Vec<String> {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut s = score_lines(lines);
        let be = s.lines.len() - 1;
        drop_slides(&mut s, 0, be);
        s.lines
            .iter()
            .zip(&s.drop)
            .filter(|(_, d)| !**d)
            .map(|(l, _)| l.to_string())
            .collect()
    }

    const BEFORE: &str = "The hotel industry has changed a great deal over the past decade, \
        owners told us this week.";
    const AFTER: &str = "Minibars almost always lose money, even when they charge ten dollars \
        for a soda, one owner said.";

    #[test]
    fn a_slideshow_inside_the_article_goes() {
        let mut page = format!("{BEFORE}\nshow all\n");
        for n in 1..=4 {
            page.push_str(&format!(
                "{n}/4\nSlide headline number {n}\nThe caption of slide {n} is a full sentence \
                 that reads like prose about the company results.\n"
            ));
        }
        page.push_str(AFTER);
        let kept = kept(&page);
        assert_eq!(kept, vec![BEFORE.to_string(), AFTER.to_string()]);
    }

    /// Whether `drop_slides` drops anything that scoring kept.
    fn drops_any(text: &str) -> bool {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut s = score_lines(lines);
        let before = s.drop.clone();
        let be = s.lines.len() - 1;
        drop_slides(&mut s, 0, be);
        s.drop != before
    }

    #[test]
    fn counters_that_do_not_count_up_stay() {
        // A repeated widget ("1 / 5") and ratios are no slideshow.
        let page = format!("{BEFORE}\n1 / 5\nShare\n1 / 5\nLike\n1 / 5\n23/16\n74/60\n{AFTER}");
        assert!(!drops_any(&page));
        // Two counters are not enough to tell a slideshow from a score line.
        let page = format!("{BEFORE}\n1/3\nA caption.\n2/3\n{AFTER}");
        assert!(!drops_any(&page));
        // Three that count up are.
        let page = format!("{BEFORE}\n1/3\nA caption.\n2/3\nAnother.\n3/3\nLast.\n{AFTER}");
        assert!(drops_any(&page));
    }

    proptest! {
        /// Any mix of counters, captions and prose, any block bounds: no panic, and a line
        /// outside the block is never dropped.
        #[test]
        fn stays_in_bounds(
            lines in proptest::collection::vec("([0-9]{1,3} ?(/|of) ?[0-9]{1,3}|[a-z .]{0,30})", 1..40),
            a in 0usize..40,
            b in 0usize..40,
        ) {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let n = lines.len();
            let (bs, be) = (a.min(b) % n, a.max(b) % n);
            let (bs, be) = (bs.min(be), bs.max(be));
            let mut s = score_lines(lines);
            let before = s.drop.clone();
            drop_slides(&mut s, bs, be);
            for k in (0..bs).chain(be + 1..n) {
                prop_assert_eq!(s.drop[k], before[k]);
            }
        }
    }
}
