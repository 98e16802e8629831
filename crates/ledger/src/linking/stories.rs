//! Stories, assigned incrementally as each document is stored: the document's TF-IDF term vector
//! goes to the nearest story centroid (found through an inverted index of story terms) or opens a
//! new story. Two revisions keep one-pass assignment from locking in its early guesses:
//!
//! - a story of one or two documents asks more of a newcomer (a centroid of one report is a noisy
//!   picture of its event: two reports sharing only their main actor, two fights of one boxer,
//!   look as alike as two reports of one event, and once joined they pull both events together);
//! - a lone document that found no story when it arrived is adopted later by a story of several
//!   documents that has grown close to it, once that story is its nearest;
//! - two stories of several documents whose centroids converge as they grow (one event that
//!   arrived as two fragments, neither describing it well) merge, the smaller into the larger.
//!
//! A story none of whose members is dated has no period yet; the first dated report that joins
//! gives it one, and from then on the time window lets every report of that report's season in
//! and none of another. So a dated document (or story) asks more of an undated story than of a
//! dated one ([`StoryParams::undated_extra`]): two events of the same people, one reported
//! without a date, look as alike as two reports of one event, and only time tells them apart.
//!
//! Besides words and names, a document's vector holds its dated days and months (see
//! `links::terms`): the same dates pull reports of one event together, and reports of the same
//! people at other times apart. The numbers are `StoryParams`; none depends on the ledger's size
//! except through how far document frequencies are trusted.
//!
//! Every lookup goes through an index, so the cost per document does not grow with the corpus.

use super::rows::{LinkRows, StoryInfo, TermVector};
use crate::links::story_params::StoryParams;
use crate::Result;
use claimtrail_analysis::DocAnalysis;
use std::collections::{BTreeMap, HashMap};

/// Size from which a story adopts lone documents that come close to it: a centroid of several
/// documents describes the event better than the one document the loner was compared with.
const ADOPTER_MIN_SIZE: i64 = 3;
/// Lone documents re-examined when a story grows (those nearest the newcomer).
const ORPHAN_CANDIDATES: usize = 4;
/// Ledger size at which document frequencies count as much as raw term frequencies: below it a
/// handful of documents would make every shared word look rare (and a story's own vocabulary
/// look common), so weights lean on term frequency alone.
const IDF_TRUST: f64 = 20.0;
/// Terms kept per document vector.
const STORY_TERMS: usize = 200;
/// Stories whose dates lie further apart than this are usually different events (the same kind
/// of event again), unless the text says otherwise: a document close enough to a story's
/// centroid (`StoryParams::far`) continues it however far apart the dates (a trial two years
/// after the shooting, a sequel's casting after its premiere). Two quakes in one country share
/// the vocabulary but not the names and details that lift similarity this high.
pub(super) const STORY_WINDOW_DAYS: i64 = 45;
/// Stories near a grown story that the revision step compares it with.
const MERGE_CANDIDATES: usize = 4;
/// Largest story the revision step reads whole to compare (the smaller of the two): the cost of
/// a comparison stays bounded, and fragments of an event that a one-pass assignment split off
/// are small.
const MERGE_MAX_SIZE: i64 = 24;
/// Most stories read per term when scoring a document against stories.
const MAX_STORY_POSTINGS: i64 = 64;

/// Adds document `id` (analysis `d`, publication date `date`, story term counts `terms`) to
/// the nearest story, or opens a new one; returns the story id. A copy (`original` set) goes to
/// its original's story whatever its terms say.
pub(super) fn assign_story(
    rows: &mut impl LinkRows,
    id: i64,
    d: &DocAnalysis,
    date: Option<&str>,
    terms: &HashMap<String, f32>,
    original: Option<i64>,
) -> Result<i64> {
    let (vec, trust) = doc_vector(rows, terms)?;
    let forced = match original {
        Some(o) => rows.story_of(o)?,
        None => None,
    };
    let dots = story_dots(rows, &vec)?;
    let best = match forced {
        Some(s) => Some((s, 1.0)),
        None => nearest_story(rows, &dots, (date, date), None)?
            .filter(|n| n.cos >= join_bar(n.size, trust) + dating_extra(date.is_some(), n.undated))
            .map(|n| (n.id, n.cos)),
    };
    let joined = best.is_some();
    let (sid, sim) = match best {
        Some(b) => b,
        None => (rows.new_story(d.title.as_deref(), date)?, 1.0),
    };
    add_vector(rows, sid, &vec)?;
    rows.grow_story(sid, 1, (date, date), d.title.as_deref())?;
    rows.place_document(id, sid, sim)?;
    if !joined {
        return Ok(sid);
    }
    adopt_orphans(rows, sid, &dots)?;
    merge_converged(rows, sid, &dots)
}

/// What a dated document or story asks beyond the bar of an undated story (`undated`: no member
/// of it is dated), where joining would give that story its period: nothing otherwise.
fn dating_extra(dated: bool, undated: bool) -> f64 {
    if dated && undated {
        StoryParams::get().undated_extra
    } else {
        0.0
    }
}

/// Whether no member of a story is dated.
fn undated(s: &StoryInfo) -> bool {
    s.first.is_none() && s.last.is_none()
}

/// Cosine a document needs to join a story of `size` documents (within the time window).
fn join_bar(size: i64, trust: f64) -> f64 {
    let p = StoryParams::get();
    p.similarity + trust * p.few_extra / size.max(1) as f64
}

/// The document's story vector: its weighted term counts (title, address and text), TF-IDF
/// weighted with the ledger's document frequencies (which this document updates), the heaviest
/// terms, unit length; and the trust in those frequencies.
fn doc_vector(
    rows: &mut impl LinkRows,
    counts: &HashMap<String, f32>,
) -> Result<(TermVector, f64)> {
    let n_docs = rows.document_count()? as f64;
    // In term order, so that the rows are written in the same order on every run.
    let mut ordered: Vec<(&String, &f32)> = counts.iter().collect();
    ordered.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let terms: Vec<&str> = ordered.iter().map(|(t, _)| t.as_str()).collect();
    let dfs = rows.count_terms(&terms)?;
    let mut vec: TermVector = ordered
        .iter()
        .zip(dfs)
        .map(|((term, c), df)| ((*term).clone(), tf_idf(f64::from(**c), df as f64, n_docs)))
        .collect();
    let trust = idf_trust(n_docs);
    vec.retain(|(_, w)| *w > 0.0);
    vec.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    vec.truncate(STORY_TERMS);
    normalize(&mut vec);
    Ok((vec, trust))
}

/// How far document frequencies are trusted in a ledger of `n_docs` documents (0 to 1).
fn idf_trust(n_docs: f64) -> f64 {
    n_docs / (n_docs + IDF_TRUST)
}

/// Weight of a term counted `c` times, in `df` of `n_docs` documents: idf blended with 1 while
/// the ledger is too small for document frequencies to mean much.
fn tf_idf(c: f64, df: f64, n_docs: f64) -> f64 {
    let idf = ((n_docs + 1.0) / df.max(1.0)).ln() / (n_docs + 1.0).ln().max(f64::MIN_POSITIVE);
    let trust = idf_trust(n_docs);
    (1.0 + c.ln()) * ((1.0 - trust) + trust * idf)
}

fn normalize(vec: &mut TermVector) {
    let norm = vec
        .iter()
        .map(|(_, w)| w * w)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
    for (_, w) in vec.iter_mut() {
        *w /= norm;
    }
}

/// Dot products of a vector with story centroids, through the inverted index of story terms:
/// the heaviest postings of each term only (a common word shared by thousands of stories would
/// otherwise make every lookup grow with the corpus), added up in the vector's term order.
fn story_dots(rows: &mut impl LinkRows, vec: &[(String, f64)]) -> Result<BTreeMap<i64, f64>> {
    let terms: Vec<&str> = vec.iter().map(|(t, _)| t.as_str()).collect();
    let postings = rows.postings(&terms, MAX_STORY_POSTINGS)?;
    let mut dots: BTreeMap<i64, f64> = BTreeMap::new();
    for (term, w) in vec {
        for (sid, cw) in postings.get(term).into_iter().flatten() {
            *dots.entry(*sid).or_default() += w * cw;
        }
    }
    Ok(dots)
}

/// A story near a vector: its id, cosine and size.
#[derive(Debug, Clone, Copy)]
struct Nearest {
    id: i64,
    cos: f64,
    size: i64,
    /// No member of the story is dated.
    undated: bool,
}

/// The bar a cosine must reach between two date spans: `within` inside the time window, at
/// least [`StoryParams::far`] outside it.
fn bar_between(a: (Option<&str>, Option<&str>), b: &StoryInfo, within: f64) -> f64 {
    if windows_meet(a, (b.first.as_deref(), b.last.as_deref())) {
        within
    } else {
        within.max(StoryParams::get().far)
    }
}

/// The story with the highest cosine among those the vector may join (see [`bar_between`]).
/// `dates` is the first and last date of what is being placed (one document, or a lone story).
fn nearest_story(
    rows: &mut impl LinkRows,
    dots: &BTreeMap<i64, f64>,
    dates: (Option<&str>, Option<&str>),
    exclude: Option<i64>,
) -> Result<Option<Nearest>> {
    let mut best: Option<Nearest> = None;
    // Ascending ids: ties go to the older story.
    for (&id, &dot) in dots {
        if Some(id) == exclude {
            continue;
        }
        let Some(s) = rows.story(id)? else {
            continue;
        };
        let cos = dot / s.norm2.sqrt().max(f64::MIN_POSITIVE);
        if cos >= bar_between(dates, &s, StoryParams::get().similarity)
            && best.is_none_or(|b| cos > b.cos)
        {
            best = Some(Nearest {
                id,
                cos,
                size: s.size,
                undated: undated(&s),
            });
        }
    }
    Ok(best)
}

/// Adds a vector to a story's centroid and squared norm (size and dates are the caller's).
fn add_vector(rows: &mut impl LinkRows, sid: i64, vec: &[(String, f64)]) -> Result<()> {
    let terms: Vec<&str> = vec.iter().map(|(t, _)| t.as_str()).collect();
    let current = rows.story_weights(sid, &terms)?;
    // |c + v|² = |c|² + Σ (2·c_t·v_t + v_t²), summed in the vector's order.
    let mut delta = 0.0;
    for (term, w) in vec {
        let c = current.get(term).copied().unwrap_or(0.0);
        delta += 2.0 * c * w + w * w;
    }
    rows.add_weights(sid, vec, delta)
}

/// The stories of `dots` other than `grown`, nearest first (ties to the lower id).
fn nearest_first(dots: &BTreeMap<i64, f64>, grown: i64) -> Vec<(i64, f64)> {
    let mut near: Vec<(i64, f64)> = dots
        .iter()
        .filter(|(id, _)| **id != grown)
        .map(|(id, dot)| (*id, *dot))
        .collect();
    near.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    near
}

/// After story `grown` took a document, gives the lone documents nearest that document a second
/// look: each whose nearest story is now one of several documents (and close enough to join)
/// moves there. `dots` are the newcomer's dot products with stories before it joined.
fn adopt_orphans(rows: &mut impl LinkRows, grown: i64, dots: &BTreeMap<i64, f64>) -> Result<()> {
    let near = nearest_first(dots, grown);
    let mut examined = 0;
    for (orphan, _) in near {
        if examined == ORPHAN_CANDIDATES {
            break;
        }
        let Some(o) = rows.story(orphan)? else {
            continue;
        };
        if o.size != 1 {
            continue;
        }
        examined += 1;
        let vec = rows.story_vector(orphan)?;
        let odots = story_dots(rows, &vec)?;
        let dates = (o.first.as_deref(), o.last.as_deref());
        // The story that just grew must itself have come close, and the orphan's nearest story
        // (a lone one included) must be a story of several documents.
        let Some(g) = rows.story(grown)? else {
            continue;
        };
        let to_grown = odots.get(&grown).copied().unwrap_or(0.0)
            / (o.norm2 * g.norm2).sqrt().max(f64::MIN_POSITIVE);
        if to_grown < bar_between(dates, &g, StoryParams::get().similarity) {
            continue;
        }
        let Some(home) = nearest_story(rows, &odots, dates, Some(orphan))? else {
            continue;
        };
        // A dated lone document gives an undated story its period: it asks more there.
        if home.size < ADOPTER_MIN_SIZE
            || home.cos < StoryParams::get().similarity + dating_extra(!undated(&o), home.undated)
        {
            continue;
        }
        merge_story(rows, orphan, home.id, &vec, &o, home.cos)?;
    }
    Ok(())
}

/// The revision step after story `grown` took a document: one-pass assignment may have split an
/// event in two while neither half described it well; once the halves' centroids converge
/// (their cosine reaches [`StoryParams::merge`], within the time window or past the far bar),
/// the smaller joins the larger. Only stories of several documents near the newcomer are
/// compared (lone documents are [`adopt_orphans`]' business: a centroid of one is noisier than a
/// centroid of several, so one bar cannot serve both).
fn merge_converged(
    rows: &mut impl LinkRows,
    mut grown: i64,
    dots: &BTreeMap<i64, f64>,
) -> Result<i64> {
    let near = nearest_first(dots, grown);
    let mut examined = 0;
    for (other, _) in near {
        if examined == MERGE_CANDIDATES {
            break;
        }
        let (Some(o), Some(g)) = (rows.story(other)?, rows.story(grown)?) else {
            continue;
        };
        if o.size < 2 {
            continue;
        }
        examined += 1;
        // The smaller goes into the larger; between equals, the newer into the older.
        let ((small, s), (large, l)) = if (o.size, -other) < (g.size, -grown) {
            ((other, o), (grown, g))
        } else {
            ((grown, g), (other, o))
        };
        if s.size > MERGE_MAX_SIZE {
            continue;
        }
        let vec = rows.story_vector(small)?;
        let terms: Vec<&str> = vec.iter().map(|(t, _)| t.as_str()).collect();
        let weights = rows.story_weights(large, &terms)?;
        let dot: f64 = vec
            .iter()
            .map(|(t, w)| w * weights.get(t).copied().unwrap_or(0.0))
            .sum();
        let cos = dot / (s.norm2 * l.norm2).sqrt().max(f64::MIN_POSITIVE);
        let dates = (s.first.as_deref(), s.last.as_deref());
        // One dated story and one undated: the merge gives the undated one its period.
        let extra = dating_extra(!undated(&s) || !undated(&l), undated(&s) || undated(&l));
        if cos < bar_between(dates, &l, StoryParams::get().merge) + extra {
            continue;
        }
        merge_story(rows, small, large, &vec, &s, cos)?;
        grown = large;
    }
    Ok(grown)
}

/// Moves every document of story `from` (centroid `vec`, description `info`) into story `into`
/// and deletes `from`.
fn merge_story(
    rows: &mut impl LinkRows,
    from: i64,
    into: i64,
    vec: &[(String, f64)],
    info: &StoryInfo,
    similarity: f64,
) -> Result<()> {
    add_vector(rows, into, vec)?;
    rows.grow_story(
        into,
        info.size,
        (info.first.as_deref(), info.last.as_deref()),
        None,
    )?;
    let terms: Vec<&str> = vec.iter().map(|(t, _)| t.as_str()).collect();
    rows.move_story(from, into, similarity, &terms)
}

/// Whether two date spans (first, last) lie within the story window of each other. Unknown dates
/// never keep things apart.
fn windows_meet(a: (Option<&str>, Option<&str>), b: (Option<&str>, Option<&str>)) -> bool {
    let parse =
        |s: Option<&str>| s.and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    let (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) =
        (parse(a.0), parse(a.1), parse(b.0), parse(b.1))
    else {
        return true;
    };
    (b_first - a_last).num_days() <= STORY_WINDOW_DAYS
        && (a_first - b_last).num_days() <= STORY_WINDOW_DAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{collect, Appearance, Filter, SqliteStore, Store};

    fn doc(id: &str, published: &str, text: &str) -> Appearance {
        Appearance {
            origin: format!("{id}.txt"),
            analysis: DocAnalysis {
                source: format!("{id}.txt"),
                id: id.into(),
                published: published.parse().ok(),
                text: text.into(),
                ..DocAnalysis::default()
            },
        }
    }

    fn quote(speaker: &str, role: Option<&str>) -> claimtrail_analysis::Quote {
        claimtrail_analysis::Quote {
            text: format!("words of {speaker}"),
            speaker: Some(speaker.into()),
            role: role.map(String::from),
            ..claimtrail_analysis::Quote::default()
        }
    }

    fn figure() -> claimtrail_analysis::Figure {
        claimtrail_analysis::Figure {
            text: "3,000 people".into(),
            value: Some(3000.0),
            counted: Some("people".into()),
            ..claimtrail_analysis::Figure::default()
        }
    }

    fn stories(s: &SqliteStore) -> Vec<crate::StoryRow> {
        collect(|out| s.stories(&Filter::default(), out)).unwrap()
    }

    /// Story sizes, largest first.
    fn story_sizes(s: &SqliteStore) -> Vec<usize> {
        let mut sizes: Vec<usize> = stories(s).iter().map(|r| r.size as usize).collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        sizes
    }

    #[test]
    fn a_close_follow_up_years_later_continues_the_story_a_loose_one_does_not() {
        let mut s = SqliteStore::in_memory().unwrap();
        s.put_batch(&[doc(
            "shooting",
            "2010-09-10",
            "Yvonne Hiller, a suspended Kraft Foods worker, shot and killed two co-workers at \
             the Kraft Foods plant in northeast Philadelphia after she was escorted out.",
        )])
        .unwrap();
        // Two years on, the trial of the same shooter: the same names and details.
        s.put_batch(&[doc(
            "trial",
            "2012-09-10",
            "A Philadelphia judge found Yvonne Hiller, the suspended Kraft Foods worker who shot \
             and killed two co-workers at the Kraft Foods plant, guilty of murder.",
        )])
        .unwrap();
        assert_eq!(story_sizes(&s), vec![2]);
        // A year later, another shooting at another plant: the kind of event again, not the story.
        s.put_batch(&[doc(
            "other",
            "2011-09-10",
            "A worker who was fired from a bakery in Ohio shot a supervisor at the plant, police \
             said; the gunman fled and was arrested hours later.",
        )])
        .unwrap();
        assert_eq!(story_sizes(&s), vec![2, 1]);
    }

    /// The story of each document, by id.
    fn story_of(s: &SqliteStore) -> HashMap<String, i64> {
        let mut out = HashMap::new();
        for r in stories(s) {
            for d in &r.documents {
                out.insert(d.trim_end_matches(".txt").to_string(), r.id);
            }
        }
        out
    }

    #[test]
    fn small_stories_ask_more_and_the_extra_fades_in_with_trust() {
        assert!(join_bar(1, 1.0) > join_bar(2, 1.0));
        assert!(join_bar(2, 1.0) > join_bar(50, 1.0));
        assert!(join_bar(50, 1.0) > StoryParams::default().similarity);
        assert_eq!(join_bar(1, 0.0), StoryParams::default().similarity);
        assert!(idf_trust(0.0) == 0.0 && idf_trust(1e9) > 0.99);
    }

    /// `n` unrelated dated documents, so that document frequencies are trusted.
    fn store_filler(s: &mut SqliteStore, n: usize) {
        let filler: Vec<Appearance> = (0..n)
            .map(|i| {
                doc(
                    &format!("f{i}"),
                    "2024-01-01",
                    &format!("Filler{i} note{i} about item{i} and thing{i} plus word{i}."),
                )
            })
            .collect();
        s.put_batch(&filler).unwrap();
    }

    #[test]
    fn two_fights_of_one_boxer_do_not_pair_but_a_second_report_of_one_does() {
        let mut s = SqliteStore::in_memory().unwrap();
        store_filler(&mut s, 60);
        s.put_batch(&[doc(
            "rahman",
            "2024-01-01",
            "Wladimir Klitschko retained his heavyweight titles, stopping Hasim Rahman in the \
             seventh round in Mannheim.",
        )])
        .unwrap();
        // The same champion and titles, another opponent and city: near, but not near enough
        // for a story of one document.
        s.put_batch(&[doc(
            "thompson",
            "2024-01-01",
            "Wladimir Klitschko stopped Tony Thompson in Bern to keep his heavyweight titles; the \
             American challenger was floored twice.",
        )])
        .unwrap();
        s.put_batch(&[doc(
            "thompson2",
            "2024-01-02",
            "Klitschko floored the American challenger Tony Thompson twice in Bern and stopped \
             him to keep his heavyweight titles.",
        )])
        .unwrap();
        let of = story_of(&s);
        assert_ne!(of["rahman"], of["thompson"]);
        assert_eq!(of["thompson"], of["thompson2"]);
    }

    #[test]
    fn a_dated_report_asks_more_of_a_story_no_member_of_which_is_dated() {
        let mut s = SqliteStore::in_memory().unwrap();
        store_filler(&mut s, 40);
        // Three undated reports of a coach's firing.
        let fired = [
            (
                "u1",
                "The Riverton Hawks fired coach Dana Mills on Saturday after a nine-game slide; \
                 assistant Lee Park takes over for the rest of the season.",
            ),
            (
                "u2",
                "The Riverton Hawks fired coach Dana Mills on Saturday after a nine-game slide, \
                 and assistant Lee Park takes over for the rest of the season.",
            ),
            (
                "u3",
                "Coach Dana Mills was fired by the Riverton Hawks on Saturday after a nine-game \
                 slide; assistant Lee Park takes over for the season.",
            ),
        ];
        for (id, text) in fired {
            s.put_batch(&[doc(id, "", text)]).unwrap();
        }
        // Years before, the same club hiring the same coach: dated, and close in words.
        s.put_batch(&[doc(
            "hired",
            "2019-05-24",
            "The Riverton Hawks named Dana Mills head coach on Monday, two weeks after general \
             manager Kim Boyd dismissed Sam Ortiz over recruiting violations.",
        )])
        .unwrap();
        // A dated report of the firing itself still joins.
        s.put_batch(&[doc(
            "fired_dated",
            "2023-12-16",
            "The Riverton Hawks fired coach Dana Mills on Saturday after a nine-game slide, and assistant Lee Park takes over for the season.",
        )])
        .unwrap();
        let of = story_of(&s);
        assert_eq!(of["u1"], of["u2"]);
        assert_eq!(of["u1"], of["u3"]);
        assert_eq!(of["u1"], of["fired_dated"]);
        assert_ne!(of["u1"], of["hired"]);
    }

    #[test]
    fn a_lone_document_is_adopted_once_a_story_grows_close_to_it() {
        let mut s = SqliteStore::in_memory().unwrap();
        let texts = [
            (
                "a1",
                "A strong earthquake struck Qeshm island off southern Iran, damaging houses in \
                 the town of Dargahan.",
            ),
            // Another side of the same quake, too far from the first report alone.
            (
                "a2",
                "Governor Mehdi Irannejad sent tents and rescue teams to the villages of \
                 Zainabieh and Koohi near Dargahan.",
            ),
            (
                "a3",
                "The earthquake on Qeshm island damaged houses in Dargahan; governor Mehdi \
                 Irannejad sent rescue teams.",
            ),
            (
                "a4",
                "Rescue teams reached Zainabieh and Koohi after the Qeshm earthquake damaged \
                 houses around Dargahan.",
            ),
        ];
        for (id, text) in texts {
            s.put_batch(&[doc(id, "2024-01-01", text)]).unwrap();
        }
        assert_eq!(story_sizes(&s), vec![4]);
        // Its story took the lone document's place: nothing points at the deleted story.
        let stories: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM stories", [], |r| r.get(0))
            .unwrap();
        let terms: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM story_terms WHERE story_id NOT IN (SELECT id FROM stories)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!((stories, terms), (1, 0));
    }

    #[test]
    fn two_fragments_of_one_event_merge_once_their_centroids_converge() {
        let mut s = SqliteStore::in_memory().unwrap();
        store_filler(&mut s, 40);
        // Two sides of one flood, told in words that barely meet: two stories at first.
        let texts = [
            ("r1", "Floodwaters of the Arno breached levees near Pisa; farmers lost crops and livestock in the Arno valley."),
            ("r2", "Arno levees breached near Pisa, drowning crops and livestock of valley farmers."),
            ("e1", "Mayor Conti ordered evacuations in Pisa as rescue boats reached stranded residents on rooftops."),
            ("e2", "Rescue boats reached stranded Pisa residents on rooftops after Mayor Conti ordered evacuations."),
        ];
        for (id, text) in texts {
            let mut d = doc(id, "2024-03-01", text);
            // Each fragment quotes the mayor, so both stories count him before they merge.
            if id.ends_with('1') {
                d.analysis.quotes = vec![quote("Conti", Some("mayor"))];
            }
            // Every document states a figure, and one fragment a quote long enough for the
            // registry: both are listed by story and must follow the merge.
            d.analysis.figures = vec![figure()];
            if id == "e1" {
                d.analysis.quotes.push(claimtrail_analysis::Quote {
                    text: "Nobody in Pisa has seen the river this high".into(),
                    speaker: Some("Ann Lee".into()),
                    ..claimtrail_analysis::Quote::default()
                });
            }
            s.put_batch(&[d]).unwrap();
        }
        let before = story_of(&s);
        assert_eq!(before["r1"], before["r2"]);
        assert_eq!(before["e1"], before["e2"]);
        assert_ne!(before["r1"], before["e1"]);
        // Reports of the whole event bring the two centroids together.
        let whole = [
            ("w1", "Arno floodwaters breached levees near Pisa: farmers lost crops and livestock, Mayor Conti ordered evacuations and rescue boats reached stranded residents on rooftops."),
            ("w2", "Near Pisa the Arno breached levees; valley farmers lost livestock and crops while rescue boats reached residents stranded on rooftops after Mayor Conti ordered evacuations."),
            ("w3", "Mayor Conti ordered evacuations of Pisa after Arno levees breached; rescue boats reached rooftops, and farmers lost crops and livestock in the valley."),
        ];
        for (id, text) in whole {
            let mut d = doc(id, "2024-03-02", text);
            d.analysis.figures = vec![figure()];
            if id == "w3" {
                d.analysis.quotes = vec![quote("Conti", None), quote("Ann Lee", None)];
            }
            s.put_batch(&[d]).unwrap();
        }
        let after = story_of(&s);
        let flood: Vec<i64> = ["r1", "r2", "e1", "e2", "w1", "w2", "w3"]
            .iter()
            .map(|d| after[*d])
            .collect();
        assert!(flood.iter().all(|s| *s == flood[0]), "{flood:?}");
        // The merged story's speakers, as kept at ingest, are those its quotes give.
        let kept = collect(|o| {
            s.speakers(
                &Filter {
                    story: Some(flood[0]),
                    ..Filter::default()
                },
                o,
            )
        })
        .unwrap();
        let counted = collect(|o| {
            s.speakers(
                &Filter {
                    story: Some(flood[0]),
                    text: Some("Pisa".into()),
                    ..Filter::default()
                },
                o,
            )
        })
        .unwrap();
        assert_eq!(kept, counted);
        assert_eq!(kept[0].speaker, "Conti");
        assert_eq!((kept[0].quotes, kept[0].documents), (3, 3));
        assert_eq!(kept[0].roles, vec!["mayor"]);
        assert_eq!(kept[0].first_seen.as_deref(), Some("2024-03-01"));
        assert_eq!(kept[0].last_seen.as_deref(), Some("2024-03-02"));
        assert_eq!(kept.len(), 2);
        // Figures and registry quotes carry the story of their document, merged or not, and
        // the story's lists read them by it.
        let by_story = Filter {
            story: Some(flood[0]),
            ..Filter::default()
        };
        assert_eq!(collect(|o| s.figures(&by_story, o)).unwrap().len(), 7);
        let registry = collect(|o| s.registry_quotes(&by_story, o)).unwrap();
        assert_eq!(registry.len(), 1, "{registry:?}");
        let astray: i64 = s
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM figures g JOIN story_documents sd
                         ON sd.document_id = g.document_id WHERE g.story_id IS NOT sd.story_id)
                      + (SELECT count(*) FROM quote_registry r JOIN story_documents sd
                         ON sd.document_id = r.first_document_id WHERE r.story_id IS NOT sd.story_id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(astray, 0);
        // Merged stories leave nothing behind: every story still in the ledger has members.
        let empty: i64 = s
            .conn()
            .query_row(
                "SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM story_documents)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(empty, 0);
    }

    #[test]
    fn a_story_row_counts_every_member_and_lists_the_earliest() {
        let mut s = SqliteStore::in_memory().unwrap();
        let n = crate::STORY_MEMBERS_LISTED + 5;
        // The same report from many outlets, the latest stored first.
        let docs: Vec<Appearance> = (0..n)
            .rev()
            .map(|i| {
                let mut d = doc(
                    &format!("o{i:03}"),
                    &format!("2024-03-{:02}", 1 + i / 5),
                    "Floodwaters of the Arno breached levees near Pisa; farmers lost crops.",
                );
                d.origin = format!("https://outlet{i}.example/flood");
                d
            })
            .collect();
        s.put_batch(&docs).unwrap();
        let rows = stories(&s);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].size as usize, n);
        assert_eq!(rows[0].documents.len(), crate::STORY_MEMBERS_LISTED);
        // Earliest date first (o000..o004 share it), then the first stored of that day.
        assert_eq!(rows[0].documents[0], "o004.txt");
        assert!(!rows[0].documents.contains(&format!("o{:03}.txt", n - 1)));
        let one = collect(|o| {
            s.stories(
                &Filter {
                    story: Some(rows[0].id),
                    ..Filter::default()
                },
                o,
            )
        })
        .unwrap();
        assert_eq!(one, rows);
    }

    #[test]
    fn the_window_depends_on_both_spans() {
        let day = |s: &'static str| (Some(s), Some(s));
        assert!(windows_meet(
            day("2024-01-10"),
            (Some("2024-01-01"), Some("2024-01-05"))
        ));
        assert!(!windows_meet(
            day("2025-01-10"),
            (Some("2024-01-01"), Some("2024-01-05"))
        ));
        // A span that starts long before the story but runs into it meets it.
        assert!(windows_meet(
            (Some("2023-01-01"), Some("2024-01-02")),
            (Some("2024-01-01"), Some("2024-01-05"))
        ));
        assert!(windows_meet((None, None), day("2024-01-01")));
    }
}
