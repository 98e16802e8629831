//! Reads MEANTIME (NewsReader, Wikinews English news; CC BY 4.0) as NER training data: the
//! token-level XML of `intra-doc_annotation/corpus_*/*.xml`, whose `ENTITY_MENTION`s
//! (`token_anchor` children) are linked by `REFERS_TO` to `ENTITY` instances carrying
//! `ent_type` (PER, LOC, ORG, FIN, PRO, MIX).
//!
//! Only proper-name mentions (`syntactic_type` NAM, and PRE.NAM: a name premodifying a noun,
//! "US" in "US automaker") become spans, cut to CoNLL-2003 extents: MEANTIME marks the whole
//! noun phrase ("the US automobile manufacturer General Motors", "Japan 's Nikkei 225 stock
//! index", "Chief executive Thomas Enders") where CoNLL tags the name alone. The core of a
//! mention is its last run of capitalised words (with joiners such as "of" inside: "Bank of
//! America") after dropping trailing lower-case words, a possessor ("Japan 's"), leading
//! determiners and, for persons, leading titles ("Mr.", "President"). Types: PER, LOC and ORG as
//! they are (a one-word LOC that is a demonym, "American", is MISC as in CoNLL); PRO (products)
//! and FIN (stock indexes, exchanges' indexes, currencies) and MIX are MISC, as CoNLL tags
//! "Nikkei", "FTSE", "Nasdaq" (a currency is lower case, "the yen", and keeps no core).
//!
//! Only the sentences MEANTIME annotates are read (the headline, the dateline and the first
//! four sentences: up to the last sentence any markable touches). A sentence is dropped, not
//! taught, when its annotation cannot be mapped cleanly: a name mention without a type, a
//! person core with a joiner or a name of another type inside ("President of the United States
//! Barack Obama"), cores that cross, or a capitalised word inside an entity mention that no
//! span covers and that is not a determiner or a title (it would be taught as O).

use claimtrail_entities::gazetteer::{DEMONYM, GAZ, TITLE};
use std::collections::HashMap;

/// One MEANTIME document as training text: the kept sentences a line each, tokens joined by
/// spaces, and typed byte spans (type index into `tagger::TYPES`).
pub struct NerDoc {
    pub id: String,
    pub text: String,
    pub spans: Vec<(usize, usize, usize)>,
    /// Annotated sentences left out because their annotation did not map cleanly.
    pub dropped: usize,
    /// Annotated sentences kept.
    pub kept: usize,
}

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// A start or empty tag: its name, attributes, and whether it closes itself. `None` for end
/// tags, declarations and comments.
struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
}

impl Tag<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

fn parse_tag(inner: &str) -> Option<Tag<'_>> {
    if inner.starts_with(['/', '?', '!']) {
        return None;
    }
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    let mut attrs = Vec::new();
    let mut rest = &inner[name_end..];
    // key="value" pairs; anything malformed ends the attribute list.
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(q) else {
            break;
        };
        attrs.push((key, &after[1..1 + close]));
        rest = &after[1 + close + 1..];
    }
    Some(Tag { name, attrs })
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What one document's XML holds that the conversion needs.
#[derive(Default)]
struct Parsed {
    id: String,
    /// (sentence, word) in document order.
    tokens: Vec<(usize, String)>,
    /// Entity mentions: syntactic type and token positions.
    mentions: Vec<(String, Option<String>, Vec<usize>)>,
    /// Entity instances: m_id -> ent_type.
    entities: HashMap<String, String>,
    /// Mention m_id -> instance m_ids it refers to.
    refers: Vec<(Vec<String>, Vec<String>)>,
    /// The last sentence any markable touches.
    last_annotated: Option<usize>,
}

fn parse(xml: &str) -> Parsed {
    let mut p = Parsed::default();
    let mut pos_of: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    // The element whose children are being read: a token (its text), a mention (its anchors),
    // any other markable (its anchors count for the annotated range), or a relation.
    enum Open {
        None,
        Token,
        Mention(usize),
        Markable,
        Refers(Vec<String>, Vec<String>),
    }
    let mut open = Open::None;
    while let Some(lt) = xml[i..].find('<').map(|k| i + k) {
        let Some(gt) = xml[lt..].find('>').map(|k| lt + k) else {
            break;
        };
        let inner = &xml[lt + 1..gt];
        i = gt + 1;
        if let Some(name) = inner.strip_prefix('/') {
            match (name.trim(), &mut open) {
                ("token", Open::Token) => open = Open::None,
                ("REFERS_TO", Open::Refers(..)) => {
                    if let Open::Refers(s, t) = std::mem::replace(&mut open, Open::None) {
                        p.refers.push((s, t));
                    }
                }
                ("token", _) | ("REFERS_TO", _) => {}
                _ => {
                    if !matches!(open, Open::Refers(..)) {
                        open = Open::None;
                    }
                }
            }
            continue;
        }
        let Some(tag) = parse_tag(inner) else {
            continue;
        };
        let empty = inner.ends_with('/');
        match tag.name {
            "Document" => p.id = tag.get("doc_id").unwrap_or_default().to_string(),
            "token" => {
                let sent = tag
                    .get("sentence")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                let end = xml[i..].find('<').map_or(xml.len(), |k| i + k);
                let word = unescape(xml[i..end].trim());
                pos_of.insert(
                    tag.get("t_id").unwrap_or_default().to_string(),
                    p.tokens.len(),
                );
                p.tokens.push((sent, word));
                open = if empty { Open::None } else { Open::Token };
            }
            "ENTITY_MENTION" => {
                p.mentions.push((
                    tag.get("m_id").unwrap_or_default().to_string(),
                    tag.get("syntactic_type").map(str::to_string),
                    Vec::new(),
                ));
                open = if empty {
                    Open::None
                } else {
                    Open::Mention(p.mentions.len() - 1)
                };
            }
            "token_anchor" => {
                let Some(&k) = tag.get("t_id").and_then(|t| pos_of.get(t)) else {
                    continue;
                };
                let sent = p.tokens[k].0;
                match open {
                    Open::Mention(m) => {
                        p.mentions[m].2.push(k);
                        p.last_annotated = p.last_annotated.max(Some(sent));
                    }
                    Open::Markable => p.last_annotated = p.last_annotated.max(Some(sent)),
                    _ => {}
                }
            }
            "ENTITY" => {
                if let (Some(m), Some(t)) = (tag.get("m_id"), tag.get("ent_type")) {
                    p.entities.insert(m.to_string(), t.to_string());
                }
            }
            "REFERS_TO" => open = Open::Refers(Vec::new(), Vec::new()),
            "source" | "target" => {
                if let (Open::Refers(s, t), Some(m)) = (&mut open, tag.get("m_id")) {
                    if tag.name == "source" {
                        s.push(m.to_string());
                    } else {
                        t.push(m.to_string());
                    }
                }
            }
            _ => {
                if !empty && !matches!(open, Open::Refers(..)) {
                    open = Open::Markable;
                }
            }
        }
    }
    p
}

/// A word that can be part of a name: capitalised, a number ("FTSE 100", "777s"), or a
/// lower-case start with a capital inside ("iPhone", "eBay").
fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some(c) if c.is_lowercase() => cs.any(char::is_uppercase),
        _ => false,
    }
}

/// A capitalised word that would be taught as O if no span covers it.
fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// A word that may join the words of a name: "Bank of America", "AT & T", "Banco de".
/// Prepositions of place ("in", "at") end a name: "Moscone Center in San Francisco" is two.
fn is_joiner(w: &str) -> bool {
    matches!(
        lower(w).as_str(),
        "&" | "-"
            | "of"
            | "for"
            | "the"
            | "de"
            | "du"
            | "des"
            | "da"
            | "del"
            | "della"
            | "di"
            | "la"
            | "le"
            | "les"
            | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "y"
    )
}

/// A lower-case joiner inside a person's name ("de", "van", "bin"), not "of" or "and".
fn is_particle(w: &str) -> bool {
    !matches!(lower(w).as_str(), "of" | "the" | "for" | "&" | "-")
}

fn is_determiner(w: &str) -> bool {
    matches!(
        lower(w).as_str(),
        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "its" | "their" | "his" | "her"
    )
}

/// An honorific ("Mr.", "Dr."): CoNLL leaves it out of the name.
fn is_honorific(w: &str) -> bool {
    let l = lower(w);
    let l = l.trim_end_matches('.');
    [l.to_string(), format!("{l}.")]
        .iter()
        .any(|k| claimtrail_lexicon::title(k).is_some_and(|t| t.ner_honorific && !t.ner_role))
}

/// A title or honorific word before a person's name ("Mr.", "President", "Chief").
fn is_title(w: &str) -> bool {
    let l = lower(w);
    let l = l.trim_end_matches('.');
    claimtrail_lexicon::title(l).is_some()
        || claimtrail_lexicon::title(&format!("{l}.")).is_some()
        || GAZ.word_classes(w) & (1 << TITLE) != 0
}

/// A capitalised word that is no name: a stopword or pronoun ("It", "Some"), a month or
/// weekday, a number word.
fn is_common(w: &str) -> bool {
    let l = lower(w);
    use claimtrail_lexicon as lx;
    lx::is_stopword(&l)
        || lx::pronoun(&l).is_some()
        || lx::month(&l).is_some()
        || lx::weekday(&l).is_some()
        || lx::number_word(&l).is_some()
}

fn type_of(ent_type: &str) -> Option<usize> {
    match ent_type {
        "PER" => Some(PER),
        "ORG" => Some(ORG),
        "LOC" => Some(LOC),
        "PRO" | "FIN" | "MIX" => Some(MISC),
        _ => None,
    }
}

/// The CoNLL-style core `[a, b)` of a name mention over `words[a..b]`, or `None` when nothing
/// in it is a name ("the yen", "board of directors").
fn core(words: &[&str], a: usize, b: usize, person: bool) -> Option<(usize, usize)> {
    let mut b = b;
    // Trailing lower-case words, punctuation, joiners and a possessive 's. The run below stops
    // at a possessive, so "Japan 's Nikkei" keeps "Nikkei" ("Japan" is a mention of its own).
    while b > a && (!is_name_word(words[b - 1]) || is_joiner(words[b - 1])) {
        b -= 1;
    }
    // The last run of name words, with joiners between name words; a person's name ends the
    // run at a title with a name after it ("Chief Executive Robert Nardelli") and at any joiner
    // but a particle ("de", "van"; not "of", "and").
    let joins = |w: &str| is_joiner(w) && (!person || is_particle(w));
    let mut s = b;
    while s > a {
        let w = words[s - 1];
        let title_break = person && s < b && is_title(w);
        if title_break {
            break;
        }
        if is_name_word(w) && !is_joiner(w) || joins(w) && s < b && s - 1 > a {
            s -= 1;
        } else {
            break;
        }
    }
    while s < b && (is_joiner(words[s]) || is_determiner(words[s])) {
        s += 1;
    }
    // A person mention whose last names are a complement ("Prime Minister of Canada", "the
    // chairman of Chrysler LLC") or only titles ("White House Press Secretary") names no one:
    // the complement is a mention of its own.
    if person && (s > a && is_joiner(words[s - 1]) || (s..b).all(|k| is_title(words[k]))) {
        return None;
    }
    (s < b).then_some((s, b))
}

/// Converts one parsed document; `None` when it has no annotated sentence.
fn convert(p: &Parsed) -> Option<NerDoc> {
    let last = p.last_annotated?;
    let words: Vec<&str> = p.tokens.iter().map(|(_, w)| w.as_str()).collect();
    let n = words.len();
    let sent_of = |k: usize| p.tokens[k].0;
    // Mention m_id -> entity type.
    let mut ty: HashMap<&str, &str> = HashMap::new();
    for (sources, targets) in &p.refers {
        if let Some(t) = targets.iter().find_map(|t| p.entities.get(t)) {
            for s in sources {
                ty.insert(s, t);
            }
        }
    }
    let mut bad: Vec<Option<String>> = vec![None; last + 1];
    // Candidate spans: (start, end, type, mention length).
    let mut cands: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut in_mention = vec![false; n];
    // Tokens that open a nominal or pronominal mention ("Stock markets around the world").
    let mut opens_nominal = vec![false; n];
    for (m_id, syn, toks) in &p.mentions {
        let mut toks = toks.clone();
        toks.sort_unstable();
        toks.dedup();
        let (Some(&first), Some(&end)) = (toks.first(), toks.last()) else {
            continue;
        };
        for &k in &toks {
            in_mention[k] = true;
        }
        if matches!(syn.as_deref(), Some("NOM" | "PRE.NOM" | "PRO")) {
            opens_nominal[first] = true;
        }
        let name = matches!(syn.as_deref(), Some("NAM" | "PRE.NAM"));
        if !name {
            continue;
        }
        let s = sent_of(first);
        if s > last {
            continue;
        }
        let contiguous = end + 1 - first == toks.len() && sent_of(end) == s;
        let t = ty.get(m_id.as_str()).and_then(|t| type_of(t));
        let Some(t) = t.filter(|_| contiguous) else {
            bad[s] = Some(format!("untyped {}", words[first..=end].join(" ")));
            continue;
        };
        if let Some((a, b)) = core(&words, first, end + 1, t == PER) {
            let t = if t == LOC && b == a + 1 && GAZ.classes(words[a]) & (1 << DEMONYM) != 0 {
                MISC
            } else {
                t
            };
            cands.push((a, b, t, toks.len()));
        }
    }
    // The most specific mention gives an exact core its type; of crossing cores the longer
    // wins when it holds the other, and cores that only overlap spoil the sentence.
    cands.sort_by_key(|c| (c.3, c.0));
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for (a, b, t, _) in cands {
        if spans.iter().any(|s| s.0 == a && s.1 == b) {
            continue;
        }
        let mut keep = true;
        for s in spans.iter_mut() {
            if s.1 <= a || b <= s.0 {
                continue;
            }
            if a <= s.0 && s.1 <= b {
                // The new core holds an older one: a person's core may not hold another
                // type's name ("United States Barack Obama").
                if t == PER && s.2 != PER {
                    bad[sent_of(a)] = Some(format!("person holds {}", words[a..b].join(" ")));
                }
                s.2 = usize::MAX;
            } else if s.0 <= a && b <= s.1 {
                keep = false;
            } else {
                bad[sent_of(a)] = Some(format!("cross {}", words[a..b].join(" ")));
                keep = false;
            }
        }
        spans.retain(|s| s.2 != usize::MAX);
        if keep {
            spans.push((a, b, t));
        }
    }
    let mut covered = vec![false; n];
    for &(a, b, t) in &spans {
        for c in covered.iter_mut().take(b).skip(a) {
            *c = true;
        }
        // A person's name holds no joiner ("Prime Minister of Canada") and no title.
        if t == PER && (a..b).any(|k| !is_particle(words[k]) || is_honorific(words[k])) {
            bad[sent_of(a)] = Some(format!("person title {}", words[a..b].join(" ")));
        }
    }
    for k in 0..n {
        let s = sent_of(k);
        if s <= last
            && in_mention[k]
            && !covered[k]
            && is_capitalised(words[k])
            && !is_determiner(words[k])
            && !is_title(words[k])
            && !is_common(words[k])
            && !(opens_nominal[k] && (k == 0 || sent_of(k - 1) != s))
            && bad[s].is_none()
        {
            bad[s] = Some(format!("uncovered {}", words[k]));
        }
    }
    spans.sort_unstable();
    let mut text = String::new();
    let mut starts = vec![0usize; n];
    let mut ends = vec![0usize; n];
    let (mut kept, mut dropped) = (0, 0);
    let mut prev_sent = None;
    for k in 0..n {
        let s = sent_of(k);
        if s > last || bad[s].is_some() {
            continue;
        }
        if prev_sent != Some(s) {
            if prev_sent.is_some() {
                text.push('\n');
            }
            prev_sent = Some(s);
            kept += 1;
        } else {
            text.push(' ');
        }
        starts[k] = text.len();
        text.push_str(match words[k] {
            "``" | "''" => "\"",
            w => w,
        });
        ends[k] = text.len();
    }
    if !text.is_empty() {
        text.push('\n');
    }
    for (s, b) in bad.iter().enumerate() {
        if let Some(why) = b {
            dropped += 1;
            if std::env::var_os("MEANTIME_SHOW").is_some() {
                eprintln!("{}\tDROP {s}\t{why}", p.id);
            }
        }
    }
    let spans = spans
        .into_iter()
        .filter(|&(a, _, _)| bad[sent_of(a)].is_none())
        .map(|(a, b, t)| (starts[a], ends[b - 1], t))
        .collect();
    Some(NerDoc {
        id: p.id.clone(),
        text,
        spans,
        dropped,
        kept,
    })
}

/// Converts one MEANTIME XML document.
pub fn read_xml(xml: &str) -> Option<NerDoc> {
    convert(&parse(xml))
}

fn xml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            xml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

/// Every document under `dir` (recursively), in path order, but those whose id is in `skip`.
pub fn read_dir(dir: &str, skip: &std::collections::HashSet<String>) -> Vec<NerDoc> {
    let mut files = Vec::new();
    xml_files(std::path::Path::new(dir), &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let xml = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f:?}: {e}"));
            read_xml(&xml)
        })
        .filter(|d| !skip.contains(&d.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up document in MEANTIME's layout: five sentences, the last one past the
    /// annotated range; mentions cut across the extent conventions the reader adjusts.
    const DOC: &str = r#"<?xml version="1.0" ?><Document doc_id="7" doc_name="7_Test" lang="en" url="x">
<token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">chief</token>
<token number="2" sentence="0" t_id="3">executive</token>
<token number="3" sentence="0" t_id="4">Thomas</token>
<token number="4" sentence="0" t_id="5">Enders</token>
<token number="5" sentence="0" t_id="6">praised</token>
<token number="6" sentence="0" t_id="7">the</token>
<token number="7" sentence="0" t_id="8">US</token>
<token number="8" sentence="0" t_id="9">automaker</token>
<token number="9" sentence="0" t_id="10">General</token>
<token number="10" sentence="0" t_id="11">Motors</token>
<token number="11" sentence="0" t_id="12">.</token>
<token number="12" sentence="1" t_id="13">Japan</token>
<token number="13" sentence="1" t_id="14">'s</token>
<token number="14" sentence="1" t_id="15">Nikkei</token>
<token number="15" sentence="1" t_id="16">225</token>
<token number="16" sentence="1" t_id="17">stock</token>
<token number="17" sentence="1" t_id="18">index</token>
<token number="18" sentence="1" t_id="19">fell</token>
<token number="19" sentence="1" t_id="20">as</token>
<token number="20" sentence="1" t_id="21">the</token>
<token number="21" sentence="1" t_id="22">yen</token>
<token number="22" sentence="1" t_id="23">rose</token>
<token number="23" sentence="1" t_id="24">,</token>
<token number="24" sentence="1" t_id="25">``</token>
<token number="25" sentence="1" t_id="26">Mr.</token>
<token number="26" sentence="1" t_id="27">Lee</token>
<token number="27" sentence="1" t_id="28">said</token>
<token number="28" sentence="1" t_id="29">.</token>
<token number="29" sentence="2" t_id="30">The</token>
<token number="30" sentence="2" t_id="31">Prime</token>
<token number="31" sentence="2" t_id="32">Minister</token>
<token number="32" sentence="2" t_id="33">of</token>
<token number="33" sentence="2" t_id="34">Canada</token>
<token number="34" sentence="2" t_id="35">met</token>
<token number="35" sentence="2" t_id="36">American</token>
<token number="36" sentence="2" t_id="37">buyers</token>
<token number="37" sentence="2" t_id="38">at</token>
<token number="38" sentence="2" t_id="39">AT&amp;T</token>
<token number="39" sentence="2" t_id="40">.</token>
<token number="40" sentence="3" t_id="41">They</token>
<token number="41" sentence="3" t_id="42">toured</token>
<token number="42" sentence="3" t_id="43">its</token>
<token number="43" sentence="3" t_id="44">Cupertino</token>
<token number="44" sentence="3" t_id="45">offices</token>
<token number="45" sentence="3" t_id="46">.</token>
<token number="46" sentence="4" t_id="47">Apple</token>
<token number="47" sentence="4" t_id="48">grew</token>
<token number="48" sentence="4" t_id="49">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="PRE.NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NAM">
<token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/><token_anchor t_id="10"/><token_anchor t_id="11"/>
</ENTITY_MENTION>
<ENTITY_MENTION m_id="4" syntactic_type="PRE.NAM"><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="13"/><token_anchor t_id="14"/><token_anchor t_id="15"/><token_anchor t_id="16"/><token_anchor t_id="17"/><token_anchor t_id="18"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NAM"><token_anchor t_id="13"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="7" syntactic_type="NAM"><token_anchor t_id="21"/><token_anchor t_id="22"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="8" syntactic_type="NAM"><token_anchor t_id="26"/><token_anchor t_id="27"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="9" syntactic_type="NAM"><token_anchor t_id="30"/><token_anchor t_id="31"/><token_anchor t_id="32"/><token_anchor t_id="33"/><token_anchor t_id="34"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="34"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11" syntactic_type="PRE.NAM"><token_anchor t_id="36"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="12" syntactic_type="NAM"><token_anchor t_id="39"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="13" syntactic_type="NOM"><token_anchor t_id="43"/><token_anchor t_id="44"/><token_anchor t_id="45"/></ENTITY_MENTION>
<EVENT_MENTION m_id="14"><token_anchor t_id="42"/></EVENT_MENTION>
<ENTITY ent_type="PER" m_id="101"/><ENTITY ent_type="ORG" m_id="102"/><ENTITY ent_type="ORG" m_id="103"/>
<ENTITY ent_type="LOC" m_id="104"/><ENTITY ent_type="FIN" m_id="105"/><ENTITY ent_type="LOC" m_id="106"/>
<ENTITY ent_type="FIN" m_id="107"/><ENTITY ent_type="PER" m_id="108"/><ENTITY ent_type="PER" m_id="109"/>
<ENTITY ent_type="LOC" m_id="110"/><ENTITY ent_type="LOC" m_id="111"/><ENTITY ent_type="ORG" m_id="112"/>
<ENTITY ent_type="LOC" m_id="113"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="101"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="102"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="103"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="4"/><target m_id="104"/></REFERS_TO>
<REFERS_TO r_id="5"><source m_id="5"/><target m_id="105"/></REFERS_TO>
<REFERS_TO r_id="6"><source m_id="6"/><target m_id="106"/></REFERS_TO>
<REFERS_TO r_id="7"><source m_id="7"/><target m_id="107"/></REFERS_TO>
<REFERS_TO r_id="8"><source m_id="8"/><target m_id="108"/></REFERS_TO>
<REFERS_TO r_id="9"><source m_id="9"/><target m_id="109"/></REFERS_TO>
<REFERS_TO r_id="10"><source m_id="10"/><source m_id="99"/><target m_id="110"/></REFERS_TO>
<REFERS_TO r_id="11"><source m_id="11"/><target m_id="111"/></REFERS_TO>
<REFERS_TO r_id="12"><source m_id="12"/><target m_id="112"/></REFERS_TO>
<REFERS_TO r_id="13"><source m_id="13"/><target m_id="113"/></REFERS_TO>
</Relations>
</Document>"#;

    fn spans(d: &NerDoc) -> Vec<(&str, &str)> {
        let types = ["PER", "ORG", "LOC", "MISC"];
        d.spans
            .iter()
            .map(|&(a, b, t)| (&d.text[a..b], types[t]))
            .collect()
    }

    #[test]
    fn names_are_cut_to_conll_extents_and_types() {
        let d = read_xml(DOC).expect("annotated");
        assert_eq!(d.id, "7");
        assert_eq!(
            spans(&d),
            [
                // "Airbus chief executive Thomas Enders": the title and its company go.
                ("Airbus", "ORG"),
                ("Thomas Enders", "PER"),
                // "the US automaker General Motors": determiner and noun go.
                ("US", "LOC"),
                ("General Motors", "ORG"),
                // "Japan 's Nikkei 225 stock index" (FIN): possessor and noun go; an index is
                // MISC, "the yen" keeps nothing.
                ("Japan", "LOC"),
                ("Nikkei 225", "MISC"),
                // "Mr. Lee": CoNLL leaves the honorific out.
                ("Lee", "PER"),
                // "The Prime Minister of Canada" names no one; the country is its own mention.
                ("Canada", "LOC"),
                // A demonym tagged LOC is MISC in CoNLL.
                ("American", "MISC"),
                ("AT&T", "ORG"),
            ]
        );
    }

    #[test]
    fn sentences_with_unmapped_names_and_past_the_annotation_are_left_out() {
        let d = read_xml(DOC).expect("annotated");
        // Sentence 3 holds "Cupertino" inside a nominal mention and no name span over it:
        // taught, it would teach a place as O. Sentence 4 is past the annotated range.
        assert_eq!(
            d.text,
            "Airbus chief executive Thomas Enders praised the US automaker General Motors .\n\
             Japan 's Nikkei 225 stock index fell as the yen rose , \" Mr. Lee said .\n\
             The Prime Minister of Canada met American buyers at AT&T .\n"
        );
        assert_eq!((d.kept, d.dropped), (3, 1));
    }

    #[test]
    fn a_name_without_a_type_drops_its_sentence() {
        let xml = DOC.replace(r#"<source m_id="12"/>"#, "");
        let d = read_xml(&xml).expect("annotated");
        assert_eq!((d.kept, d.dropped), (2, 2));
        assert!(!d.text.contains("Canada"));
        assert!(spans(&d).iter().all(|s| s.0 != "Canada"));
    }

    #[test]
    fn broken_or_foreign_input_gives_nothing_and_no_panic() {
        for xml in [
            "",
            "<",
            "<Document>",
            "<token sentence=\"x\">a",
            "no markup at all",
        ] {
            assert!(read_xml(xml).is_none_or(|d| d.spans.is_empty()));
        }
        // Every cut of the fixture parses without panicking.
        for k in (0..DOC.len()).filter(|k| DOC.is_char_boundary(*k)) {
            let _ = read_xml(&DOC[..k]);
        }
    }
}
