//! Who is in the document: people and organisations from the entity layer, then the fallback
//! finder over capitalised runs, each person with a gender and a role when the text gives one.

use claimtrail_lexicon::{with_lowercase as lc, Gender};
use claimtrail_text::{Doc, Entity, EntityKind, TokenKind};

use crate::word_classes::{
    first_name_gender, given_name_gender, is_cue, is_name_particle, is_role_noun, is_title,
    role_gender,
};

use super::name_runs::{cap_runs, name_in_run, role_after, role_before, token_at};
use super::noun_classes::{is_naming_verb, is_team_noun};
use super::org_names::org_complement_after;
use super::{is_cap, word, EntityRef, People, Person};

impl People {
    pub fn build(doc: &Doc, entities: &[Entity], quoted: &[bool]) -> People {
        let mut p = People::default();
        p.add_entities(doc, entities, quoted);
        p.not_people.sort_unstable();
        p.add_from_text(doc, quoted);
        p.entity_spans.sort_by_key(|&(a, b, _)| (a, b));
        p
    }

    /// The one person presented as leading a research team: named right before "and
    /// (his|her|their) colleagues / co-authors / team", right after "led by", or after "lead /
    /// senior / first / study author". Two different people so presented: none.
    pub(super) fn find_team_lead(&self, doc: &Doc) -> Option<usize> {
        let is = |i: usize, w: &str| word(doc, i).eq_ignore_ascii_case(w);
        let any = |i: usize, ws: &[&str]| ws.iter().any(|w| is(i, w));
        let mut lead: Option<usize> = None;
        for &(a, id) in &self.mentions {
            let mut e = a;
            while e < doc.tokens.len() && is_cap(doc, e) {
                e += 1;
            }
            let mut k = e;
            let and = k < doc.tokens.len() && is(k, "and");
            k += 1;
            if k < doc.tokens.len() && any(k, &["his", "her", "their"]) {
                k += 1;
            }
            let team_after = and && k < doc.tokens.len() && lc(word(doc, k), is_team_noun);
            // Titles before the name ("lead author Dr. Jo Roe") belong to neither side.
            let mut s = a;
            while s > 0 && lc(word(doc, s - 1).trim_end_matches('.'), is_title) {
                s -= 1;
            }
            let led_by = s >= 2 && is(s - 1, "by") && is(s - 2, "led");
            let author_before = s >= 2
                && any(s - 1, &["author", "researcher", "investigator"])
                && any(
                    s - 2,
                    &[
                        "lead",
                        "senior",
                        "first",
                        "study",
                        "principal",
                        "corresponding",
                    ],
                );
            if team_after || led_by || author_before {
                match lead {
                    Some(other) if other != id => return None,
                    _ => lead = Some(id),
                }
            }
        }
        lead
    }

    fn add(&mut self, name: &str, gender: Gender, role: Option<String>) -> usize {
        if let Some(&i) = self.by_full.get(name) {
            let person = &mut self.persons[i];
            if person.gender == Gender::Unknown {
                person.gender = gender;
            }
            if person.role.is_none() {
                person.role = role;
            }
            return i;
        }
        let i = self.persons.len();
        self.persons.push(Person {
            name: name.to_string(),
            gender,
            role,
        });
        self.by_full.insert(name.to_string(), i);
        if let Some(last) = name.split_whitespace().last() {
            self.by_last.entry(last.to_string()).or_insert(i);
        }
        i
    }

    fn add_entities(&mut self, doc: &Doc, entities: &[Entity], quoted: &[bool]) {
        for e in entities {
            let Some(a) = token_at(doc, e.start) else {
                continue;
            };
            let mut b = doc.tokens.partition_point(|t| t.start < e.end);
            if b <= a {
                continue;
            }
            let mut canonical = if e.canonical.is_empty() {
                e.text.clone()
            } else {
                e.canonical.clone()
            };
            // "Obama Says Museum Will Tell …": a title-case headline glues its capitalised
            // cue to the name; the verb is no part of the speaker's name.
            if let Some(cut) = headline_cue(&canonical) {
                canonical.truncate(cut);
                if b > a + 1 && lc(word(doc, b - 1), is_headline_verb) {
                    b -= 1;
                }
            }
            // "… says Pamela Lyon. … Lyon says": a lone surname of a person the article has
            // introduced is that person, though the tagger read it as an organisation or a
            // place; not after a preposition of place ("a lab in Lyon").
            if e.kind != EntityKind::Person
                && b == a + 1
                && !quoted.get(a).copied().unwrap_or(false)
            {
                let placed = a > 0
                    && matches!(
                        word(doc, a - 1).to_ascii_lowercase().as_str(),
                        "in" | "at" | "from" | "to" | "near" | "into" | "of" | "across" | "outside"
                    );
                if let Some(&id) = self.by_last.get(word(doc, a)).filter(|_| !placed) {
                    self.entity_spans.push((a, b, EntityRef::Person(id)));
                    self.mentions.push((a, id));
                    continue;
                }
            }
            match e.kind {
                EntityKind::Person => {
                    let first = canonical.split_whitespace().next().unwrap_or("");
                    let gender = given_name_gender(first).unwrap_or_else(|| {
                        e.role
                            .as_deref()
                            .and_then(|r| {
                                r.split_whitespace()
                                    .map(|w| lc(w, role_gender))
                                    .find(|g| *g != Gender::Unknown)
                            })
                            .unwrap_or(Gender::Unknown)
                    });
                    let id = self.add(&canonical, gender, e.role.clone());
                    self.entity_spans.push((a, b, EntityRef::Person(id)));
                    // A name inside a quotation is spoken about, not a speaker in play.
                    if !quoted.get(a).copied().unwrap_or(false) {
                        self.mentions.push((a, id));
                    }
                }
                // "a gas chromatograph (GC)": an acronym in brackets after a lower-case word
                // abbreviates a thing, no organisation that "it" or "the group" could be.
                EntityKind::Org if abbreviates_common_noun(doc, a, b) => {
                    self.not_people.push((a, b))
                }
                EntityKind::Org => {
                    // "Stanford University's Center" tagged without "on Poverty and
                    // Inequality": the whole name, so "it" and "its findings" name it whole.
                    let e = org_complement_after(doc, b);
                    let name = if e > b {
                        doc.text[doc.tokens[a].start..doc.tokens[e - 1].end].to_string()
                    } else {
                        canonical
                    };
                    self.entity_spans.push((a, e, EntityRef::Org(name)));
                    self.not_people.push((a, b));
                }
                _ => self.not_people.push((a, b)),
            }
        }
    }

    /// The fallback finder: two passes over capitalised runs (full names first, then every
    /// mention of a known surname), both linear in the number of tokens.
    fn add_from_text(&mut self, doc: &Doc, quoted: &[bool]) {
        let runs = cap_runs(doc);
        for &(a, b) in &runs {
            // A full name has two words at least: most runs (one capitalised word) stop here.
            if b - a < 2 {
                continue;
            }
            let Some(name) = name_in_run(doc, a, b) else {
                continue;
            };
            if name.1 - name.0 < 2 {
                continue;
            }
            let words: Vec<&str> = (name.0..name.1).map(|i| word(doc, i)).collect();
            let titled = name.0 > a || (a > 0 && lc(word(doc, a - 1), is_role_noun));
            // A name right before or after a speech verb ("Tomas Berg said", "said Tomas Berg").
            let speaks = |i: usize| {
                i < doc.tokens.len() && {
                    let w = word(doc, i);
                    w.chars().next().is_some_and(char::is_lowercase) && lc(w, is_cue)
                }
            };
            // "an approach called Mindfulness-Based Stress Reduction": a verb of naming before
            // the run names a thing; only a verb of speech before it ("said Tomas Berg") marks
            // a speaker.
            let names_it = a > 0 && lc(word(doc, a - 1), is_naming_verb);
            let titled = titled || speaks(b) || (a > 0 && speaks(a - 1) && !names_it);
            let first_gender = first_name_gender(words[0]);
            if !(first_gender.is_some() || titled) {
                continue;
            }
            let full = words.join(" ");
            // "De Miranda" opening a sentence is the "Luis de Miranda" already known: a
            // capitalised particle is no new person's given name.
            let known = self
                .by_last
                .get(*words.last().unwrap_or(&""))
                .is_some_and(|&i| {
                    let known = self.persons[i].name.to_lowercase();
                    let run = full.to_lowercase();
                    known.len() > run.len()
                        && known.ends_with(&run)
                        && known.as_bytes()[known.len() - run.len() - 1] == b' '
                });
            if known && is_name_particle(&words[0].to_lowercase()) {
                continue;
            }
            let role = role_before(doc, a, name.0).or_else(|| role_after(doc, name.1));
            let gender = first_gender
                .filter(|g| *g != Gender::Unknown)
                .or_else(|| given_name_gender(words[0]))
                .or_else(|| {
                    role.as_deref().and_then(|r| {
                        r.split_whitespace()
                            .map(|w| lc(w, role_gender))
                            .find(|g| *g != Gender::Unknown)
                    })
                })
                .unwrap_or(Gender::Unknown);
            self.add(&full, gender, role);
        }
        for &(a, b) in &runs {
            if quoted.get(a).copied().unwrap_or(false) {
                continue;
            }
            if let Some(id) = self.lookup_run(doc, a, b) {
                self.mentions.push((a, id));
            }
        }
        self.mentions.sort_unstable();
    }

    pub(super) fn lookup_run(&self, doc: &Doc, a: usize, b: usize) -> Option<usize> {
        if self.persons.is_empty() {
            return None;
        }
        if b - a == 1 {
            return self.by_last.get(word(doc, a)).copied();
        }
        let (s, e) = name_in_run(doc, a, b)?;
        if e - s > 1 {
            let full = (s..e).map(|i| word(doc, i)).collect::<Vec<_>>().join(" ");
            if let Some(&i) = self.by_full.get(&full) {
                return Some(i);
            }
        }
        self.by_last.get(word(doc, e - 1)).copied()
    }
}

/// Where a name ends when its last word is a capitalised verb of speech in the present
/// ("Lindsey Graham Says"): a headline's cue read as part of the name.
fn headline_cue(name: &str) -> Option<usize> {
    let (head, last) = name.trim_end().rsplit_once(' ')?;
    let capitalised = last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().skip(1).all(char::is_lowercase);
    (capitalised && !head.trim().is_empty() && lc(last, is_headline_verb))
        .then_some(head.trim_end().len())
}

/// A present-tense verb of speech ("says", "warns"), as a headline writes its cue.
fn is_headline_verb(lower: &str) -> bool {
    lower.ends_with('s') && is_cue(lower)
}

/// Whether tokens `a..b` are one word in brackets right after a lower-case word ("a gas
/// chromatograph (GC)"; not "the World Health Organization (WHO)").
fn abbreviates_common_noun(doc: &Doc, a: usize, b: usize) -> bool {
    b == a + 1
        && a >= 2
        && b < doc.tokens.len()
        && word(doc, a - 1) == "("
        && word(doc, b) == ")"
        && doc.tokens[a - 2].kind == TokenKind::Word
        && word(doc, a - 2)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}
