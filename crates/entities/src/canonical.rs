//! Document-level consistency: every mention gets a canonical name. Persons: titles left out,
//! the first-introduced person name of the document that contains the mention's words in order
//! (initials match words) ("Jean-Pierre" →
//! "Karine Jean-Pierre", "Biden" → "Joe Biden"); a bare surname the tagger missed is added as a
//! person when a full name of the document ends with it. Places and organisations: gazetteer
//! aliases ("DPRK" → "North Korea"), acronyms the document defines ("... Service (NIS)"), and
//! one-word short forms of a longer organisation name named before ("HCA" → "HCA Healthcare").
//! A surname before "Jr." or "III" and the middle word of an East Asian name ("Joon" of "Yeun
//! Joon Kim") stand for the full name too.

use crate::gazetteer::GAZ;
use claimtrail_lexicon::Gender;
use claimtrail_text::{Doc, Entity, EntityKind};
// Fx: these maps are asked once per token and mention, and nothing iterates over them.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// A generational suffix ("Jr.", "III"): it ends a name, but the surname before it is what a
/// later mention repeats ("Joseph Comeaux Jr." … "Comeaux said").
fn is_generational_suffix(w: &str) -> bool {
    matches!(w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV")
}

/// A name's surname: its last word before any generational suffix.
fn surname<'a>(nw: &[&'a str]) -> Option<&'a str> {
    let mut end = nw.len();
    while end > 1 && is_generational_suffix(nw[end - 1]) {
        end -= 1;
    }
    nw.get(..end)?.last().copied()
}

/// Capitals and stops only ("DPRK", "U.S.", "UN").
fn is_abbreviation(w: &str) -> bool {
    w.chars().any(char::is_uppercase) && w.chars().all(|c| c.is_uppercase() || c == '.' || c == ' ')
}

/// An initial ("J." or "J") stands for a longer word with that first letter.
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && matches!(cs.as_str(), "" | ".")
}

fn same_word(whole: &str, part: &str) -> bool {
    whole == part
        || is_particle_capitalised(whole, part)
        || is_initial(part)
            && whole.chars().count() > 2
            && whole.chars().next() == part.chars().next()
}

/// A lower-case name particle written with a capital where a sentence opens with it: "De
/// Miranda" is "Luis de Miranda"'s "de Miranda".
fn is_particle_capitalised(whole: &str, part: &str) -> bool {
    whole.starts_with(|c: char| c.is_lowercase())
        && part.starts_with(|c: char| c.is_uppercase())
        && whole.eq_ignore_ascii_case(part)
}

/// Whether `part` occurs as a contiguous run of words in `whole` (initials match whole words:
/// "J. Smith" in "John Smith").
fn contains_words(whole: &[&str], part: &[&str]) -> bool {
    !part.is_empty()
        && part.len() <= whole.len()
        && whole
            .windows(part.len())
            .any(|w| w.iter().zip(part).all(|(a, b)| same_word(a, b)))
}

/// Lower-cased key, words joined by single spaces, as in the gazetteer.
fn key(doc: &Doc, e: &Entity) -> String {
    let mut k = String::new();
    let first = doc.tokens.partition_point(|t| t.start < e.start);
    for t in doc.tokens[first..].iter().take_while(|t| t.end <= e.end) {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(&doc.text[t.start..t.end].to_lowercase());
    }
    k
}

/// A person mention without the honorifics and titles before it ("Mr. Reeves" → "Reeves",
/// "Dr. Jane Roe" → "Jane Roe"): the role finder reads those, the name is what is left. A
/// mention that is all title words stays as it is.
pub(crate) fn bare_name(text: &str) -> &str {
    use crate::gazetteer::{HONORIFIC, TITLE};
    let titled = |w: &str| {
        let c = GAZ.word_classes(w) | GAZ.word_classes(w.trim_end_matches('.'));
        c & (1 << HONORIFIC | 1 << TITLE) != 0
    };
    // "Defense Ministers" names no one: all title words (plurals too) stay as they are.
    if text
        .split_whitespace()
        .all(|w| titled(w) || w.len() > 3 && w.ends_with('s') && titled(&w[..w.len() - 1]))
    {
        return text;
    }
    let mut rest = text.trim();
    while let Some((w, tail)) = rest.split_once(' ') {
        let c = GAZ.word_classes(w) | GAZ.word_classes(w.trim_end_matches('.'));
        if c & (1 << HONORIFIC | 1 << TITLE) == 0 || tail.trim().is_empty() {
            break;
        }
        rest = tail.trim_start();
    }
    rest
}

pub fn resolve(doc: &Doc, ents: &mut Vec<Entity>) {
    add_missed_surnames(doc, ents);
    // Persons: longest containing name, titles left out ("Mr. Reeves" is Eric Reeves).
    for e in ents.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        let bare = bare_name(&e.text);
        if bare.len() < e.text.len() {
            e.canonical = bare.to_string();
        }
    }
    // Distinct names only, first seen first: keeps the lookups below linear in mentions.
    let names: Vec<String> = {
        let mut seen: HashSet<&str> = HashSet::default();
        ents.iter()
            .filter(|e| e.kind == EntityKind::Person && seen.insert(e.canonical.as_str()))
            .map(|e| e.canonical.clone())
            .collect()
    };
    // Each name's words, split once (they are compared for every mention that shares one).
    let name_words: Vec<Vec<&str>> = names.iter().map(|n| words(n)).collect();
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, nw) in name_words.iter().enumerate() {
        for &w in nw {
            // Once per name: a name repeating a word ("Kim Lee Kim Lee ...") would otherwise be
            // listed, and its words compared, once per repeat (quadratic).
            let list = by_word.entry(w).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    // The answer per distinct mention: a mention repeated in a long list of names sharing a word
    // would otherwise compare against every one of them each time (quadratic).
    let mut longest: HashMap<String, Option<&str>> = HashMap::default();
    // Where each name is written out in full as a clause's subject, in text order: a bare
    // surname two people of the article share is the one last brought in as a subject before
    // it ("Ellen Fetter had married John Gille. … Ellen Gille recalls …; Gille said" is Ellen;
    // "Joe Biden met Hunter Biden. Biden said" is Joe).
    let mut written: HashMap<&str, Vec<usize>> = HashMap::default();
    for e in ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person && is_subject(doc, e))
    {
        if let Some(n) = names.iter().find(|n| **n == e.canonical) {
            written.entry(n.as_str()).or_default().push(e.start);
        }
    }
    // The names the article introduces as someone's relative ("Eric Roe, son of …", "his
    // daughter, Ann Roe"): the family name is not theirs far from where they stand.
    let relatives: HashSet<&str> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person && introduced_as_relative(doc, e))
        .filter_map(|e| {
            names
                .iter()
                .find(|n| **n == e.canonical)
                .map(String::as_str)
        })
        .collect();
    let mut rivals: HashMap<String, Vec<&str>> = HashMap::default();
    // Where a bare surname a shared name was given to stood as a clause's subject, latest
    // first: the writer went on with that person ("Jo Roe said … . Roe added …").
    let mut renewed: HashMap<&str, usize> = HashMap::default();
    // Blank-line paragraph breaks, for how far back a subject still holds the surname.
    let breaks = paragraph_breaks(doc.text);
    let paragraph = |at: usize| breaks.partition_point(|&b| b < at);
    for e in ents.iter_mut() {
        if e.kind != EntityKind::Person {
            // The gazetteer spells out abbreviations ("DPRK", "U.S."); it never renames a name
            // the article writes in full ("Facebook" stays, though the company is Meta now).
            if e.text.split_whitespace().next().is_some() && is_abbreviation(&e.text) {
                if let Some(c) = GAZ.aliases.get(&key(doc, e)) {
                    e.canonical = c.clone();
                }
            }
            continue;
        }
        let own = e.canonical.as_str();
        let ws = words(own);
        if ws.is_empty() {
            continue;
        }
        let best = match longest.get(own) {
            Some(&b) => b,
            None => {
                let b = longest_name(&ws, &names, &name_words, &by_word, |i| {
                    rivals.entry(own.to_string()).or_default().push(&names[i]);
                });
                longest.insert(own.to_string(), b);
                b
            }
        };
        // Two forms of one name ("Edward Lorenz", "Edward Norton Lorenz") are no rivals.
        let distinct = |r: &&Vec<&str>| {
            let firsts: HashSet<&str> = r
                .iter()
                .filter_map(|n| n.split_whitespace().next())
                .collect();
            r.len() > 1 && firsts.len() == r.len()
        };
        let best = match rivals.get(own).filter(distinct) {
            Some(r) => {
                // "Mrs. Roe" is not Tom Roe, nor "Mr. Roe" Ann Roe.
                let gender = honorific_gender(doc, e);
                let fits = |n: &&&str| gender_fits(n, gender);
                // The person last brought in as a clause's subject holds the surname (a bare
                // surname standing as a subject goes on with its person); a relative, only
                // within two paragraphs: further on, a son the article keeps naming in full
                // ("Eric Roe said" three times, then "Roe tweeted") gives it back to the
                // first-introduced person who is no one's relative.
                let latest = r
                    .iter()
                    .filter(fits)
                    .filter_map(|n| {
                        let at = written.get(n)?;
                        let k = at.partition_point(|&x| x < e.start);
                        let full = (k > 0).then(|| at[k - 1]);
                        let bare = renewed.get(n).copied();
                        Some((full.max(bare)?, *n))
                    })
                    .max();
                let chosen = match latest {
                    Some((at, n))
                        if !relatives.contains(n)
                            || paragraph(e.start) <= paragraph(at) + RELATIVE_PARAGRAPHS =>
                    {
                        Some(n)
                    }
                    Some(_) => r
                        .iter()
                        .copied()
                        .find(|n| gender_fits(n, gender) && !relatives.contains(n))
                        .or(best),
                    None => best
                        .filter(|b| gender_fits(b, gender))
                        .or_else(|| r.iter().copied().find(|n| gender_fits(n, gender)))
                        .or(best),
                };
                if let Some(n) = chosen.filter(|_| is_subject(doc, e)) {
                    renewed.insert(n, e.start);
                }
                chosen
            }
            None => best,
        };
        if let Some(b) = best {
            // A single word inside a person's name is that person, whatever the tagger said.
            e.kind = EntityKind::Person;
            e.canonical = b.to_string();
        }
    }
    define_acronyms(doc, ents);
    fold_short_organisation_names(ents);
}

/// How many paragraphs after its last subject mention a relative keeps a shared surname.
const RELATIVE_PARAGRAPHS: usize = 2;

/// Nouns of kinship that introduce a person as someone's relative.
const KIN: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "brother",
    "sister",
    "widow",
    "widower",
    "stepson",
    "stepdaughter",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "son-in-law",
    "daughter-in-law",
    "sons",
    "daughters",
];

/// Whether the person mention `e` is introduced as a relative: a noun of kinship right before
/// it ("his son Eric Roe", "Roe's wife, Ann Roe") or in the apposition set off after it ("Eric
/// Roe, son of …", "Ann Roe, the senator's eldest daughter, said").
fn introduced_as_relative(doc: &Doc, e: &Entity) -> bool {
    const APPOSITION: usize = 12;
    if !e.text.contains(' ') {
        return false;
    }
    let n = doc.tokens.len();
    let a = doc.tokens.partition_point(|t| t.start < e.start);
    let b = doc.tokens.partition_point(|t| t.start < e.end);
    let kin = |i: usize| KIN.contains(&doc.token_text(i).to_lowercase().as_str());
    let before = a > 0 && kin(a - 1) || a > 1 && doc.token_text(a - 1) == "," && kin(a - 2);
    // The apposition's head: not a relative the person has ("Ann Roe, who runs her father's
    // company"), nor a possessor ("her father's company").
    let heads = |i: usize| {
        kin(i)
            && !(i + 1 < n
                && matches!(doc.token_text(i + 1), "'s" | "\u{2019}s" | "'" | "\u{2019}"))
            && !matches!(
                doc.token_text(i - 1).to_lowercase().as_str(),
                "her" | "his" | "their" | "its" | "my" | "our" | "your"
            )
    };
    let after = b < n
        && doc.token_text(b) == ","
        && (b + 1..(b + 1 + APPOSITION).min(n))
            .take_while(|&i| !matches!(doc.token_text(i), "," | "." | "!" | "?" | ";" | "who"))
            .any(heads);
    before || after
}

/// Where each run of blank lines between paragraphs ends (its first blank line's newline), in
/// order. A line of spaces or a carriage return is blank too: text saved on Windows ends its
/// lines "\r\n".
fn paragraph_breaks(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut seen_newline, mut blank, mut in_break) = (false, true, false);
    for (i, c) in text.bytes().enumerate() {
        match c {
            b'\n' => {
                if seen_newline && blank {
                    if !in_break {
                        out.push(i);
                    }
                    in_break = true;
                } else {
                    in_break = false;
                }
                seen_newline = true;
                blank = true;
            }
            b'\r' | b' ' | b'\t' => {}
            _ => blank = false,
        }
    }
    out
}

/// The gender an honorific in or right before the mention gives ("Mrs. Roe", "Mr. Roe").
fn honorific_gender(doc: &Doc, e: &Entity) -> Gender {
    let a = doc.tokens.partition_point(|t| t.start < e.start);
    let mut words = e
        .text
        .split_whitespace()
        .take(1)
        .map(str::to_string)
        .collect::<Vec<_>>();
    if a > 0 {
        words.push(doc.token_text(a - 1).to_string());
        if a > 1 && doc.token_text(a - 1) == "." {
            words.push(doc.token_text(a - 2).to_string());
        }
    }
    words
        .iter()
        .filter_map(|w| {
            let w = w.trim_end_matches('.').to_lowercase();
            claimtrail_lexicon::title(&w).filter(|t| t.ner_honorific)
        })
        .map(|t| t.gender)
        .find(|g| *g != Gender::Unknown)
        .unwrap_or(Gender::Unknown)
}

/// Whether the full name `n` may be a person of `gender`: its given name is not of the other.
fn gender_fits(n: &str, gender: Gender) -> bool {
    if gender == Gender::Unknown {
        return true;
    }
    let given = n
        .split_whitespace()
        .next()
        .and_then(|w| claimtrail_lexicon::given_name(&w.to_lowercase()))
        .map_or(Gender::Unknown, |g| g.gender);
    given == Gender::Unknown || given == gender
}

/// A one-word organisation mention that stands for a longer organisation name introduced
/// before it ("HCA Healthcare …; HCA said"): it opens that name, which is the only longer
/// organisation name of the document opening with it and comes before any bare mention, and it
/// is an acronym followed by one word or the rest of the name is designators ("Goldman Sachs
/// Group" → "Goldman"), and no place or designator itself;
/// or, an acronym, it spells the capitals of exactly one longer organisation name before it
/// ("Federal Emergency Management Agency … FEMA said") where no brackets defined it.
/// "Microsoft Research" after "Microsoft" is another organisation: the bare name came first.
fn fold_short_organisation_names(ents: &mut [Entity]) {
    use crate::gazetteer::{CITY, COUNTRY, ORG_CUE, PLACE, REGION};
    let capitals = |t: &str| -> String {
        words(t)
            .iter()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect()
    };
    // Longer names by first word and by capitals: (canonical, first start), `None` once two
    // distinct names share the key. Bare one-word mentions: their first start.
    let mut by_first: HashMap<String, Option<(String, usize)>> = HashMap::default();
    let mut by_capitals: HashMap<String, Option<(String, usize)>> = HashMap::default();
    let mut bare: HashMap<String, usize> = HashMap::default();
    let note = |m: &mut HashMap<String, Option<(String, usize)>>, k: String, e: &Entity| {
        let slot = m
            .entry(k)
            .or_insert_with(|| Some((e.canonical.clone(), e.start)));
        if slot.as_ref().is_some_and(|(c, _)| *c != e.canonical) {
            *slot = None;
        }
    };
    for e in ents.iter().filter(|e| e.kind == EntityKind::Org) {
        let ws = words(&e.text);
        match ws.len() {
            0 => {}
            1 => {
                bare.entry(e.text.clone()).or_insert(e.start);
            }
            _ => {
                // A name the document already folded (an acronym it defined) keeps its key.
                if e.canonical == e.text {
                    note(&mut by_first, ws[0].to_string(), e);
                    let caps = capitals(&e.text);
                    if caps.chars().count() > 1 {
                        note(&mut by_capitals, caps, e);
                    }
                }
            }
        }
    }
    if by_first.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        if e.kind != EntityKind::Org || e.canonical != e.text || words(&e.text).len() != 1 {
            continue;
        }
        let acronym = e.text.chars().count() > 1 && is_abbreviation(&e.text);
        let first_bare = bare.get(&e.text).copied().unwrap_or(usize::MAX);
        // A place ("Boston" of "Boston Herald" is the city or its team) or a designator itself
        // ("City" of "City Council") names more than the organisation.
        let generic = GAZ.classes(&e.text)
            & (1 << ORG_CUE | 1 << CITY | 1 << COUNTRY | 1 << PLACE | 1 << REGION)
            != 0;
        let opens = by_first
            .get(&e.text)
            .and_then(Option::as_ref)
            .filter(|(full, at)| {
                let rest = &words(full)[1..];
                let designators = rest
                    .iter()
                    .all(|w| GAZ.word_classes(w) & (1 << ORG_CUE) != 0);
                // An acronym and one word is a company and its trade ("HCA Healthcare", "NBC
                // News"); more words name a part of it ("ABC Entertainment Group").
                *at < first_bare && !generic && (acronym && rest.len() == 1 || designators)
            });
        let spelt = by_capitals
            .get(&e.text)
            .and_then(Option::as_ref)
            .filter(|(_, at)| acronym && *at < e.start);
        if let Some((full, _)) = opens.or(spelt) {
            e.canonical = full.clone();
        }
    }
}

/// The name of the document (`names`, split into `name_words`, listed by word in `by_word`)
/// that a person mention of the words `ws` stands for: the first-introduced fuller name that
/// contains the mention's words in order and ends as it does. `rival` hears every name that
/// ends in a one-word mention's word without initials (a shared surname).
fn longest_name<'n>(
    ws: &[&str],
    names: &'n [String],
    name_words: &[Vec<&str>],
    by_word: &HashMap<&str, Vec<usize>>,
    mut rival: impl FnMut(usize),
) -> Option<&'n str> {
    // A containing name has every word of the mention: its rarest word lists fewest.
    let candidates = ws
        .iter()
        .filter(|w| !is_initial(w))
        .map(|w| {
            // A capitalised particle ("De") is looked up as the full name writes it.
            claimtrail_lexicon::with_lowercase(w, |lower| {
                by_word
                    .get(lower)
                    .filter(|_| lower != *w)
                    .or_else(|| by_word.get(w))
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
            })
        })
        .min_by_key(|l| l.len())
        .unwrap_or(&[]);
    let mut best: Option<usize> = None;
    for &i in candidates {
        let nw = &name_words[i];
        // Same length: only a spelt-out form of a mention with initials.
        let fuller = nw.len() > ws.len()
            || nw.len() == ws.len()
                && ws.iter().any(|w| is_initial(w))
                && !nw.iter().any(|w| is_initial(w));
        // The name first introduced, unless a later one only spells it out more
        // ("Edward Lorenz", then "Edward Norton Lorenz"): a longer run with other
        // edges is a name with a word glued on ("Margaret Hamilton Lego").
        let spells_out = |b: usize| {
            let bw = &name_words[b];
            bw.len() < nw.len() && bw.first() == nw.first() && bw.last() == nw.last()
        };
        // A name ends in its surname: "Hamilton" is not "Margaret Hamilton Lego"
        // (a first name alone may stand for the person too).
        let edge = nw.last() == ws.last()
            || ws.len() == 1 && surname(nw) == ws.last().copied()
            || ws.len() == 1 && nw.first() == ws.first()
            || ws.last().is_some_and(|w| is_initial(w))
            || ws.len() == 1 && is_given_name_word_of_family_last(nw, ws[0]);
        if fuller && edge && contains_words(nw, ws) {
            if best.is_none_or(spells_out) {
                best = Some(i);
            }
            // Different people: neither name spells out the other's.
            if ws.len() == 1
                && surname(nw) == ws.last().copied()
                && !nw.iter().any(|w| is_initial(w))
            {
                rival(i);
            }
        }
    }
    best.map(|i| names[i].as_str())
}

/// East Asian family names as romanised in English text (Korean, Chinese, Vietnamese): common
/// enough that a three-word name ending in one ("Yeun Joon Kim") is read as a two-word given
/// name and a family name written last.
const EAST_ASIAN_FAMILY_NAMES: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
    "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon", "Moon", "Baek", "Wang", "Li",
    "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Zhu", "Guo",
    "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Tang", "Deng", "Cao", "Peng", "Zeng", "Xiao",
    "Jiang", "Chan", "Wong", "Cheung", "Leung", "Tan", "Nguyen", "Tran", "Pham", "Hoang",
];

/// Whether `w` is the middle word of the three-word name `nw` that ends in an East Asian family
/// name: the second word of a two-word given name ("Joon" of "Yeun Joon Kim"), which English
/// text often takes for the surname. A middle word of another name is a word glued on
/// ("Hamilton" of "Margaret Hamilton Lego") and stands for no one.
fn is_given_name_word_of_family_last(nw: &[&str], w: &str) -> bool {
    nw.len() == 3 && nw[1] == w && EAST_ASIAN_FAMILY_NAMES.contains(&nw[2])
}

/// Whether the mention `e` is a clause's subject: it opens its sentence or follows a comma or
/// a closing quotation mark ("…,” Jo Roe said"), after any capitalised title before it and a
/// conjunction opening the clause ("But City Councilman Jo Roe"), and a lower-case word other
/// than a function word (its verb) comes next, or after an apposition set off by commas ("Jo
/// Roe, 18, said"; "Jo Roe, a frequent critic, said").
fn is_subject(doc: &Doc, e: &Entity) -> bool {
    /// Most capitalised words of a title before a name, and most tokens of an apposition.
    const TITLE_WORDS: usize = 4;
    const APPOSITION: usize = 12;
    let n = doc.tokens.len();
    let a = doc.tokens.partition_point(|t| t.start < e.start);
    let b = doc.tokens.partition_point(|t| t.start < e.end);
    let capitalised = |i: usize| doc.token_text(i).starts_with(|c: char| c.is_uppercase());
    // The capitalised words of a title before the name ("City Councilman"), and a conjunction
    // opening the clause ("But").
    let mut s = a;
    while s > 0
        && a - s < TITLE_WORDS
        && capitalised(s - 1)
        && !doc.text[..doc.tokens[s].start].ends_with('\n')
    {
        s -= 1;
    }
    let opens = s == 0
        || matches!(
            doc.token_text(s - 1),
            "," | "." | "!" | "?" | "\u{201d}" | "\""
        )
        || doc.text[..doc.tokens[s].start].ends_with('\n');
    let verb_at = |i: usize| {
        i < n && {
            let w = doc.token_text(i);
            w.starts_with(|c: char| c.is_lowercase())
                && !matches!(
                    w,
                    "and" | "or" | "of" | "in" | "at" | "on" | "for" | "with" | "to" | "the" | "a"
                )
        }
    };
    let after_apposition = || {
        b < n
            && doc.token_text(b) == ","
            && (b + 1..(b + 1 + APPOSITION).min(n))
                .take_while(|&i| !matches!(doc.token_text(i), "." | "!" | "?" | ";"))
                .find(|&i| doc.token_text(i) == ",")
                .is_some_and(|c| c > b + 1 && verb_at(c + 1))
    };
    opens && (verb_at(b) || after_apposition())
}

/// "National Intelligence Service (NIS)": later "NIS" takes the full name as canonical.
fn define_acronyms(doc: &Doc, ents: &mut [Entity]) {
    let mut defs: HashMap<String, String> = HashMap::default();
    for w in ents.windows(2) {
        let (full, short) = (&w[0], &w[1]);
        let between = doc.text.get(full.end..short.start).unwrap_or("").trim();
        let after = doc.text.get(short.end..).unwrap_or("").trim_start();
        if between == "(" && after.starts_with(')') && words(&full.text).len() > 1 {
            let initials: String = words(&full.text)
                .iter()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if initials == short.text {
                defs.insert(short.text.clone(), full.canonical.clone());
            }
        }
    }
    if defs.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        if let Some(c) = defs.get(&e.text) {
            e.canonical = c.clone();
        }
    }
}

/// Capitalised tokens outside any entity that equal the last word of a multi-word person name.
fn add_missed_surnames(doc: &Doc, ents: &mut Vec<Entity>) {
    let surnames: HashSet<String> = ents
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            let ws = words(&e.text);
            let last = surname(&ws)?;
            (ws.len() > 1 && last.chars().count() > 2 && !is_generational_suffix(last))
                .then(|| last.to_string())
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    // The surnames' lengths and first bytes: most tokens fail one of these before the lookup.
    let length_bit = |w: &str| 1u64 << w.len().min(63);
    let lengths = surnames.iter().fold(0u64, |m, s| m | length_bit(s));
    let mut firsts = [false; 256];
    for s in &surnames {
        if let Some(&b) = s.as_bytes().first() {
            firsts[usize::from(b)] = true;
        }
    }
    let may_be_surname = |w: &str| {
        lengths & length_bit(w) != 0
            && w.as_bytes()
                .first()
                .is_some_and(|&b| firsts[usize::from(b)])
    };
    crate::add_for_uncovered_tokens(doc, ents, |w, t| {
        (may_be_surname(w) && surnames.contains(w)).then(|| Entity {
            text: w.to_string(),
            kind: EntityKind::Person,
            start: t.start,
            end: t.end,
            canonical: w.to_string(),
            role: None,
        })
    });
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use claimtrail_text::{Doc, Entity, EntityKind};

    /// Entities of `kind` for each whole-word occurrence of each of `names` in `t`, the first
    /// name listed winning where two overlap.
    fn named(t: &str, names: &[&str], kind: EntityKind) -> Vec<Entity> {
        let mut es: Vec<Entity> = Vec::new();
        for n in names {
            for (at, _) in t.match_indices(n) {
                let inside = es.iter().any(|e| e.start <= at && at < e.end);
                let word_start = at == 0 || !t[..at].ends_with(char::is_alphabetic);
                let word_end = t[at + n.len()..].starts_with(|c: char| !c.is_alphanumeric())
                    || at + n.len() == t.len();
                if !inside && word_start && word_end {
                    es.push(Entity {
                        text: n.to_string(),
                        kind,
                        start: at,
                        end: at + n.len(),
                        canonical: n.to_string(),
                        role: None,
                    });
                }
            }
        }
        es.sort_by_key(|e| e.start);
        es
    }

    fn persons(t: &str, names: &[&str]) -> Vec<Entity> {
        named(t, names, EntityKind::Person)
    }

    fn orgs(t: &str, names: &[&str]) -> Vec<Entity> {
        named(t, names, EntityKind::Org)
    }

    #[test]
    fn a_surname_the_tagger_missed_is_added_and_resolved() {
        let t = "Anna Kowalczyk met Jo Lee. Later Kowalczyk and Lee spoke; Kowalczyks and Kowal did not.";
        let mut es = persons(t, &["Anna Kowalczyk"]);
        resolve(&Doc::new(t), &mut es);
        let found: Vec<(&str, &str)> = es
            .iter()
            .map(|e| (e.text.as_str(), e.canonical.as_str()))
            .collect();
        // "Lee" is no multi-word person's surname here, and "Kowalczyks" and "Kowal" are
        // other words.
        assert_eq!(
            found,
            [
                ("Anna Kowalczyk", "Anna Kowalczyk"),
                ("Kowalczyk", "Anna Kowalczyk")
            ]
        );
    }

    #[test]
    fn a_shared_surname_is_the_person_named_last() {
        let t = "Tomas Reyes married Ana Reyes in 1960. Years later, Ana Reyes recalls the lab. \
                 Reyes said the work was hard.";
        let mut es = persons(t, &["Ana Reyes", "Tomas Reyes", "Reyes"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es.last().unwrap().text, "Reyes");
        assert_eq!(es.last().unwrap().canonical, "Ana Reyes");
        // With one full name only, the surname is that person's wherever it stands.
        let t = "Tomas Reyes spoke first. Reyes said the work was hard.";
        let mut es = persons(t, &["Tomas Reyes", "Reyes"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es[1].canonical, "Tomas Reyes");
    }

    #[test]
    fn a_subject_after_a_quotation_a_title_or_before_an_apposition_is_written_as_one() {
        // Neither full name opens its clause right before a verb: one follows a closing
        // quotation mark with an age set off after it, the other a conjunction and a title
        // with an apposition after it. The shared surname is the one brought in last.
        let t = "\u{201c}We are angry,\u{201d} Lena Ortiz, 18, said on Monday.\n\n\
                 But City Councilman Marco Ortiz, a frequent critic, blasted the police.\n\n\
                 \u{201c}Stay out,\u{201d} Ortiz wrote.";
        let mut es = persons(t, &["Lena Ortiz", "Marco Ortiz", "Ortiz"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es.last().unwrap().text, "Ortiz");
        assert_eq!(es.last().unwrap().canonical, "Marco Ortiz");
        // Before the second full name comes in, the surname is the first person's.
        let t = "\u{201c}We are angry,\u{201d} Lena Ortiz, 18, said on Monday. Ortiz left.\n\n\
                 But City Councilman Marco Ortiz, a frequent critic, blasted the police.";
        let mut es = persons(t, &["Lena Ortiz", "Marco Ortiz", "Ortiz"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es[1].canonical, "Lena Ortiz");
    }

    #[test]
    fn a_relative_far_back_gives_the_family_name_back() {
        // The son is the latest subject, but he was introduced as someone's son and is three
        // paragraphs back: the bare surname is the father the article introduced first.
        let t = "As Walter Brandt opened his campaign, his son spoke up.\n\n\
                 Kurt Brandt, son of the candidate, talked on the radio.\n\n\
                 \u{201c}He will win,\u{201d} Kurt Brandt said.\n\n\
                 \u{201c}We are ready,\u{201d} he added.\n\n\
                 The comments came after a new slogan.\n\n\
                 \u{201c}Vote for me!\u{201d} Brandt wrote.";
        let mut es = persons(t, &["Walter Brandt", "Kurt Brandt", "Brandt"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es.last().unwrap().text, "Brandt");
        assert_eq!(es.last().unwrap().canonical, "Walter Brandt");
        // Right after the son speaks, the surname is his.
        let t = "As Walter Brandt opened his campaign, his son spoke up.\n\n\
                 Kurt Brandt, son of the candidate, talked on the radio.\n\n\
                 \u{201c}Vote for me!\u{201d} Brandt said.";
        let mut es = persons(t, &["Walter Brandt", "Kurt Brandt", "Brandt"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es.last().unwrap().canonical, "Kurt Brandt");
        // A person who runs her father's company is not introduced as a relative.
        let t = "As Walter Brandt opened his campaign, he spoke.\n\n\
                 Greta Brandt, who runs her father's company, talked on the radio.\n\n\
                 One.\n\nTwo.\n\nThree.\n\n\u{201c}Vote for me!\u{201d} Brandt said.";
        let mut es = persons(t, &["Walter Brandt", "Greta Brandt", "Brandt"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es.last().unwrap().canonical, "Greta Brandt");
    }

    #[test]
    fn paragraphs_break_at_blank_lines_whatever_the_line_ends() {
        use super::paragraph_breaks;
        let lf = "One.\n\nTwo.\n\n\nThree.\nStill three.\n \nFour.";
        let crlf = lf.replace('\n', "\r\n");
        assert_eq!(paragraph_breaks(lf).len(), 3);
        assert_eq!(paragraph_breaks(&crlf).len(), 3);
        assert!(paragraph_breaks("No break.\nAt all.").is_empty());
        // The family-name rule reads paragraphs the same way in a text saved on Windows.
        let t = "As Walter Brandt opened his campaign, his son spoke up.\n\n\
                 Kurt Brandt, son of the candidate, talked on the radio.\n\n\
                 \u{201c}He will win,\u{201d} Kurt Brandt said.\n\n\
                 \u{201c}We are ready,\u{201d} he added.\n\n\
                 The comments came after a new slogan.\n\n\
                 \u{201c}Vote for me!\u{201d} Brandt wrote."
            .replace('\n', "\r\n");
        let mut es = persons(&t, &["Walter Brandt", "Kurt Brandt", "Brandt"]);
        resolve(&Doc::new(&t), &mut es);
        assert_eq!(es.last().unwrap().canonical, "Walter Brandt");
    }

    #[test]
    fn an_honorific_picks_the_person_of_its_gender() {
        // The husband is the latest subject, but "Mrs." is his wife.
        let t = "Anne Keller ran for mayor. John Keller campaigned for her. Mrs. Keller said she \
                 would win. Mr. Keller said nothing.";
        let mut es = persons(t, &["Anne Keller", "John Keller", "Keller"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es[2].text, "Keller");
        assert_eq!(es[2].canonical, "Anne Keller");
        assert_eq!(es[3].canonical, "John Keller");
    }

    /// The longest name a mention stands for, and the rivals it hears, from names split once.
    #[test]
    fn the_longest_name_is_the_first_fuller_one_ending_as_the_mention() {
        use super::{longest_name, words, HashMap};
        let names: Vec<String> = [
            "Edward Lorenz",
            "Edward Norton Lorenz",
            "Margaret Hamilton Lego",
            "Luis de Miranda",
            "Ana Reyes",
            "Tomas Reyes",
        ]
        .map(String::from)
        .to_vec();
        let name_words: Vec<Vec<&str>> = names.iter().map(|n| words(n)).collect();
        let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, nw) in name_words.iter().enumerate() {
            for &w in nw {
                by_word.entry(w).or_default().push(i);
            }
        }
        let ask = |m: &str| {
            let mut rivals = Vec::new();
            let b = longest_name(&words(m), &names, &name_words, &by_word, |i| {
                rivals.push(names[i].clone())
            });
            (b.map(str::to_string), rivals)
        };
        // A later name that only spells the first one out more wins; both are heard as rivals.
        assert_eq!(
            ask("Lorenz"),
            (
                Some("Edward Norton Lorenz".into()),
                vec!["Edward Lorenz".into(), "Edward Norton Lorenz".into()]
            )
        );
        assert_eq!(ask("E. Lorenz").0.as_deref(), Some("Edward Lorenz"));
        assert_eq!(ask("Hamilton").0, None);
        assert_eq!(ask("De Miranda").0.as_deref(), Some("Luis de Miranda"));
        assert_eq!(ask("Reyes").0.as_deref(), Some("Ana Reyes"));
        assert_eq!(ask("Reyes").1.len(), 2);
        assert_eq!(ask("Edward").0.as_deref(), Some("Edward Norton Lorenz"));
    }

    #[test]
    fn the_middle_word_of_an_east_asian_name_is_the_person() {
        let t = "Hae Soo Park wrote it, with Ann Pell Varga. Soo said so; Pell did not.";
        let mut es = persons(t, &["Hae Soo Park", "Ann Pell Varga", "Soo", "Pell"]);
        resolve(&Doc::new(t), &mut es);
        let canon: Vec<&str> = es.iter().map(|e| e.canonical.as_str()).collect();
        // "Pell" is a middle word of a name that ends in no East Asian family name.
        assert_eq!(
            canon,
            ["Hae Soo Park", "Ann Pell Varga", "Hae Soo Park", "Pell"]
        );
    }

    /// Organisation entities for each listed (text, start) of `t`.
    #[test]
    fn a_short_organisation_mention_folds_to_the_name_it_opens_or_spells() {
        let t = "QRX Careworks and Brandle Holdings grew, the Office of Fair Trading said. \
                 QRX said so, Brandle agreed and OFT did not. Zeno cut jobs; Zeno Labs hired.";
        let names = [
            "QRX Careworks",
            "Brandle Holdings",
            "Office of Fair Trading",
            "Zeno Labs",
            "QRX",
            "Brandle",
            "OFT",
            "Zeno",
        ];
        let mut es = orgs(t, &names);
        resolve(&Doc::new(t), &mut es);
        let folded: Vec<(&str, &str)> = es
            .iter()
            .filter(|e| e.text != e.canonical)
            .map(|e| (e.text.as_str(), e.canonical.as_str()))
            .collect();
        // "Zeno" came before "Zeno Labs": another organisation (and "Labs" no designator).
        assert_eq!(
            folded,
            [
                ("QRX", "QRX Careworks"),
                ("Brandle", "Brandle Holdings"),
                ("OFT", "Office of Fair Trading")
            ]
        );
        // A place opening a name, and an acronym opening a name of more than one word more.
        let t = "The Boston Herald and ZTV Media Group reported. Boston won; ZTV aired it.";
        let mut es = orgs(t, &["Boston Herald", "ZTV Media Group", "Boston", "ZTV"]);
        resolve(&Doc::new(t), &mut es);
        assert!(es.iter().all(|e| e.canonical == e.text), "{es:?}");
        // Two longer names opening with the word: neither.
        let t = "QRX Careworks and QRX Ventures merged. QRX said so.";
        let mut es = orgs(t, &["QRX Careworks", "QRX Ventures", "QRX"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es[2].canonical, "QRX");
    }

    #[test]
    fn a_surname_before_a_generational_suffix_is_the_person() {
        let t = "Tomas Quell Jr. was freed. Later Quell spoke to Ana Reyes III; Reyes agreed.";
        let mut es = persons(t, &["Tomas Quell Jr.", "Ana Reyes III", "Reyes"]);
        resolve(&Doc::new(t), &mut es);
        let found: Vec<(&str, &str)> = es
            .iter()
            .map(|e| (e.text.as_str(), e.canonical.as_str()))
            .collect();
        // "Quell", which the tagger missed, is added as the surname it is.
        assert_eq!(
            found,
            [
                ("Tomas Quell Jr.", "Tomas Quell Jr."),
                ("Quell", "Tomas Quell Jr."),
                ("Ana Reyes III", "Ana Reyes III"),
                ("Reyes", "Ana Reyes III")
            ]
        );
    }

    #[test]
    fn a_longer_form_of_one_name_is_no_rival() {
        let t = "Edward Lorenz wrote it. Edward Norton Lorenz spoke later. Lorenz said so.";
        let mut es = persons(t, &["Edward Norton Lorenz", "Edward Lorenz", "Lorenz"]);
        resolve(&Doc::new(t), &mut es);
        assert_eq!(es.last().unwrap().canonical, "Edward Norton Lorenz");
    }
}
