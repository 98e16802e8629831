//! The headline: a heading-shaped line shortly before the article block.

use std::collections::HashSet;

use super::dates::find_date;
use super::lines::{features, is_stop, Scored, BOIL, ENDMARK, TERM, WORD};

/// How far above the block a headline may sit (lines).
const WINDOW: usize = 25;

/// Index of the most headline-like line in the window ending at the block start `bs`.
pub fn pick(s: &Scored, bs: usize) -> Option<usize> {
    let lines = &s.lines;
    // words of the block's opening: a headline shares vocabulary with its lede
    let body: HashSet<String> = (bs..lines.len().min(bs + 8))
        .flat_map(|k| WORD.find_iter(lines[k]).map(|m| m.as_str().to_lowercase()))
        .collect();
    let mut best: Option<(f64, usize)> = None;
    let lo = bs.saturating_sub(WINDOW);
    for (k, &l) in lines.iter().enumerate().take(bs + 1).skip(lo) {
        let (nw, _) = features(l);
        if !(2..=30).contains(&nw) || l.len() > 250 {
            continue;
        }
        if l.ends_with('.') && !l.ends_with("...") {
            continue;
        }
        if BOIL.is_match(l) || ENDMARK.is_match(l) || find_date(l).is_some() {
            continue;
        }
        if k == bs && TERM.is_match(l) && !l.ends_with(['?', '!']) {
            continue;
        }
        let own: HashSet<String> = WORD
            .find_iter(l)
            .map(|m| m.as_str().to_lowercase())
            .filter(|w| !is_stop(w))
            .collect();
        let shared = if own.is_empty() {
            0.0
        } else {
            own.iter().filter(|w| body.contains(*w)).count() as f64 / own.len() as f64
        };
        let caps = WORD
            .find_iter(l)
            .filter(|m| m.as_str().chars().next().is_some_and(char::is_uppercase))
            .count() as f64
            / nw as f64;
        let mut score = nw.min(14) as f64 - 0.4 * (bs - k) as f64 + 6.0 * shared;
        if s.count.get(l).copied().unwrap_or(0) > 1 {
            score += 4.0; // headlines are often printed twice (breadcrumb, heading)
        }
        if caps > 0.6 {
            score += 3.0;
        }
        if l.contains('»') || l.contains(" | ") {
            score -= 3.0; // breadcrumbs and "Title | Site" strips
        }
        if nw <= 3 {
            score -= 4.0;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
}
