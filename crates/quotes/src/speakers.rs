//! Who is speaking: the people and organisations of a document, and the resolution of a subject
//! phrase ("he", "the spokesperson", "Kirby", "The White House") to a canonical name.
//!
//! People come from the entity layer when it is given; otherwise (and for anything the layer
//! misses) from a fallback finder over capitalised runs: a run is a person when it has two or
//! more words and a known given name, or a title ("President", "spokeswoman") before it.

// Fx: asked per capitalised token; nothing iterates over these maps.
use rustc_hash::FxHashMap as HashMap;

use claimtrail_text::{Doc, Entity, EntityKind, TokenKind};

use crate::word_classes::{
    first_name_gender, given_name_gender, is_article, is_cue, is_name_particle, is_org_head,
    is_role_noun, is_stance, is_time_word, is_title, pronoun_gender, role_gender, role_key,
};
use claimtrail_lexicon::{with_lowercase as lc, Gender};

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub gender: Gender,
    pub role: Option<String>,
}

/// A resolved speaker.
#[derive(Debug, Clone, Default)]
pub struct Speaker {
    pub name: Option<String>,
    pub mention: String,
    pub kind: Option<EntityKind>,
    pub role: Option<String>,
    /// Index into [`People::persons`] when a person.
    pub person: Option<usize>,
    pub gender: Option<Gender>,
    /// The token where the mention starts.
    pub at: usize,
}

/// The people of a document and where they are mentioned (token index, outside quotes only).
#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    by_full: HashMap<String, usize>,
    by_last: HashMap<String, usize>,
    /// (token index, person) in text order.
    mentions: Vec<(usize, usize)>,
    /// Entity spans (token range, person or org) from the entity layer.
    entity_spans: Vec<(usize, usize, EntityRef)>,
    /// Token ranges the entity layer named as something other than a person (places,
    /// organisations, works), sorted by start: no person is re-named there.
    not_people: Vec<(usize, usize)>,
    /// The one person the article presents as leading a team of researchers ("Dr. Shadlen and
    /// colleagues", "lead author Jo Roe", "a study led by Jo Roe"), if exactly one.
    /// Found on first need: most documents never ask.
    team_lead: std::cell::OnceCell<Option<usize>>,
}

#[derive(Debug, Clone)]
enum EntityRef {
    Person(usize),
    Org(String),
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

pub fn word<'a>(doc: &Doc<'a>, i: usize) -> &'a str {
    doc.token_text(i)
}

fn is_cap(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Word
        && doc
            .token_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && !lc(doc.token_text(i), is_time_word)
}

/// Leading words of a capitalised run that are not part of a name.
/// "It's worth noting that …", "it is said that …": an "it" followed by a form of "be" (token
/// `b`) before the cue stands for no one; the clause is the writer's or no one's.
fn expletive_it(doc: &Doc, b: usize) -> bool {
    b < doc.tokens.len()
        && matches!(
            word(doc, b).to_ascii_lowercase().as_str(),
            "is" | "was" | "'s" | "’s"
        )
        && b + 1 < doc.tokens.len()
        && !lc(word(doc, b + 1), |w| is_cue(w) || is_stance(w))
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

/// Verbs that give a thing its name ("a technique called …", "a firm dubbed …"); some are weak
/// speech cues too, but never before the name they give.
pub(crate) fn is_naming_verb(lower: &str) -> bool {
    matches!(
        lower,
        "called" | "named" | "dubbed" | "termed" | "titled" | "entitled" | "nicknamed"
    )
}

fn is_leading_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "but"
            | "and"
            | "in"
            | "on"
            | "at"
            | "as"
            | "when"
            | "while"
            | "if"
            | "after"
            | "before"
            | "according"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "of"
            | "under"
            | "former"
            | "then"
            | "new"
            | "us"
            | "u.s."
            | "u.s"
            | "uk"
            | "ex"
    )
}

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
    fn find_team_lead(&self, doc: &Doc) -> Option<usize> {
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

    fn lookup_run(&self, doc: &Doc, a: usize, b: usize) -> Option<usize> {
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

    /// Resolves a subject phrase (tokens `a..b`) before position `at`.
    pub fn resolve(&self, doc: &Doc, a: usize, b: usize, history: &[Speaker]) -> Speaker {
        if a >= b || b > doc.tokens.len() {
            return Speaker::default();
        }
        let mention = doc.text[doc.tokens[a].start..doc.tokens[b - 1].end].to_string();
        let mut sp = Speaker {
            mention: mention.clone(),
            at: a,
            ..Speaker::default()
        };
        // "Jo Roe (who wrote the report)": the name is read without the bracket that follows
        // it; the mention keeps it.
        let b = (a + 1..b.saturating_sub(1))
            .rev()
            .find(|&i| word(doc, i) == "(")
            .filter(|_| word(doc, b - 1) == ")")
            .unwrap_or(b);
        // "whale rescue group Project Jonah", "data analysis firm 1010data": the name after an
        // organisation noun is the organisation's, whatever the tagger made of its words.
        if let Some(name) = named_after_org_noun(doc, a, b) {
            sp.name = Some(name);
            sp.kind = Some(EntityKind::Org);
            return sp;
        }
        // "an analysis of official U.S. labor statistics": the document speaks, not the
        // names in its complement.
        if let Some(name) = document_phrase(doc, a, b) {
            sp.name = Some(name);
            return sp;
        }
        // "the researchers say", "as the authors explain": the team speaks through the one
        // person the article presents as leading it.
        let lead = || *self.team_lead.get_or_init(|| self.find_team_lead(doc));
        if let Some(id) = research_team_phrase(doc, a, b).then(lead).flatten() {
            let mut sp = self.person_speaker(id, a);
            sp.kind = Some(EntityKind::Person);
            sp.mention = mention;
            return sp;
        }
        // "a White House spokesman", "his lawyer": a role held for an organisation or a
        // person the article names.
        if let Some(sp) = self.held_for(doc, a, b, history, &sp) {
            return sp;
        }
        // "lawyers for Maria Lopez", "an adviser to the mayor": the role's holder speaks, not
        // the complement. Named when the article gave someone that role; otherwise described
        // as the article describes them (the gold ledgers' convention).
        if let Some(head) = role_with_complement(doc, a, b) {
            if let Some(id) = self.holder_of(doc, head, b) {
                let mut sp = self.person_speaker(id, a);
                sp.kind = Some(EntityKind::Person);
                sp.mention = mention;
                return sp;
            }
            let mut s = a;
            while s < head && (is_article(word(doc, s)) || lc(word(doc, s), is_quantifier)) {
                s += 1;
            }
            sp.name = Some(join(doc, s, b));
            // A group ("lawyers for …") is named as one, like "officials": no person that a
            // later "he" or "she" could stand for.
            if is_role_noun(&word(doc, head).to_lowercase()) {
                sp.kind = Some(EntityKind::Person);
                sp.gender = Some(lc(word(doc, head), role_gender));
            }
            return sp;
        }
        // The entity layer first.
        // Entity spans are sorted by start: look back from the last one starting before `b`.
        let upto = self.entity_spans.partition_point(|&(ea, _, _)| ea < b);
        let mut hits = self.entity_spans[..upto]
            .iter()
            .rev()
            .take(8)
            .filter(|(_, eb, _)| *eb > a);
        // The last name of the phrase is its head ("Pentagon spokesman John Kirby"), unless a
        // preposition follows an earlier one ("inspector Jo Roe from the West Mercia police").
        let last = hits.next();
        let first = hits.next_back();
        let hit = match first {
            Some(f)
                if f.1 < b
                    && matches!(
                        word(doc, f.1).to_ascii_lowercase().as_str(),
                        "from" | "of" | "at" | "for" | "with" | "in"
                    ) =>
            {
                Some(f)
            }
            _ => last,
        };
        if let Some((ea, eb, r)) = hit {
            // "the Obama administration", "the Clinton campaign": a name modifying an
            // organisation noun names the organisation, not the person.
            if *eb < b
                && *ea >= a
                && lc(word(doc, b - 1), is_org_noun)
                && (*eb..b).all(|i| !is_cap(doc, i) && doc.tokens[i].kind == TokenKind::Word)
            {
                sp.name = Some(join(doc, *ea, b));
                sp.kind = Some(EntityKind::Org);
                return sp;
            }
            match r {
                // "a Republican National Committee member", "a friend of Jo Roe": a person
                // described by the name, who does not speak for it.
                _ if affiliate_of(doc, a, *ea, *eb, b) => return affiliate(doc, a, b, sp),
                EntityRef::Person(id) => {
                    let p = &self.persons[*id];
                    sp.name = Some(p.name.clone());
                    sp.kind = Some(EntityKind::Person);
                    sp.role = p.role.clone().or_else(|| role_words(doc, a, *ea));
                    sp.person = Some(*id);
                }
                EntityRef::Org(name) => {
                    // "the Department of Conservation" tagged as pieces: the whole name.
                    let (s, e) = org_extent(doc, a, *ea, *eb);
                    let e = org_complement(doc, e, b);
                    let mut full = if s < *ea || e > *eb {
                        join(doc, s, e)
                    } else {
                        name.clone()
                    };
                    // "Con Edison officials": the people of the organisation speak.
                    if *eb + 1 == b && lc(word(doc, b - 1), is_group_noun) {
                        full.push(' ');
                        full.push_str(word(doc, b - 1));
                    }
                    sp.name = Some(full);
                    sp.kind = Some(EntityKind::Org);
                }
            }
            return sp;
        }
        if b == a + 1 {
            let lower = word(doc, a).to_lowercase();
            // "his vow that …": a possessive stands for its owner as the subject form would.
            let possessive = claimtrail_lexicon::pronoun(&lower)
                .filter(|p| p.possessive && !p.subject && p.person == 3 && p.singular)
                .map(|p| p.gender);
            let lower = if possessive == Some(Gender::Unknown) {
                "it".to_string()
            } else {
                lower
            };
            if let Some(g) = pronoun_gender(&lower).or(possessive) {
                // "Netanyahu's stance … and his vow that …": a possessive's owner is first sought
                // in its own sentence, before the speakers of earlier ones.
                let in_sentence = possessive
                    .filter(|&p| p != Gender::Unknown)
                    .and_then(|p| self.same_sentence_person(doc, p, a));
                if let Some(sp) = in_sentence {
                    return sp;
                }
                if g != Gender::Unknown {
                    if let Some(ante) = self.antecedent(doc, g, a, history) {
                        sp.name = ante.name;
                        sp.kind = Some(EntityKind::Person);
                        sp.role = ante.role;
                        sp.person = ante.person;
                        sp.gender = ante.gender;
                    }
                } else if lower == "it" && !expletive_it(doc, b) {
                    // "The study was presented at a meeting of the Academy of Allergy. It
                    // found …": a document opening the sentence before is what "it" picks up,
                    // not the organisation named in passing.
                    if let Some(name) = document_subject_before(doc, a) {
                        sp.name = Some(name);
                        return sp;
                    }
                    if let Some((name, kind)) = self.recent_org(history, a) {
                        sp.name = Some(name);
                        sp.kind = kind;
                    }
                }
                return sp;
            }
        }
        // "elmo666 wrote in a forum post": an online handle (a lower-case word with digits in
        // it) names the person behind it, though no capital marks it as a name.
        if b == a + 1 && is_handle(word(doc, a)) {
            sp.name = Some(word(doc, a).to_string());
            sp.kind = Some(EntityKind::Person);
            return sp;
        }
        // The last capitalised run, when it is the head of the phrase.
        let mut run_end = b;
        while run_end > a && !is_cap(doc, run_end - 1) {
            run_end -= 1;
        }
        let head_is_run = run_end == b
            || (run_end < b && (run_end..b).all(|i| word(doc, i) == "'s" || word(doc, i) == "’s"));
        // "the tweet from Vulture magazine", "the Clinton campaign": a capitalised run naming the
        // organisation noun that heads the phrase, when the tagger did not take the run for a
        // name, is the organisation.
        if run_end > a
            && run_end + 1 == b
            && doc.tokens[run_end].kind == TokenKind::Word
            && lc(word(doc, run_end), |w| is_org_noun(w) || is_outlet_noun(w))
        {
            let mut run_start = run_end;
            while run_start > a && is_cap(doc, run_start - 1) {
                run_start -= 1;
            }
            // A capitalised determiner or possessive opens the sentence, not the name ("His
            // campaign said", "A company called …").
            while run_start < run_end && lc(word(doc, run_start), is_determiner) {
                run_start += 1;
            }
            if run_start < run_end && !affiliate_of(doc, a, run_start, run_end, b) {
                sp.name = Some(join(doc, run_start, b));
                sp.kind = Some(EntityKind::Org);
                return sp;
            }
        }
        if run_end > a && head_is_run {
            let mut run_start = run_end;
            while run_start > a && is_cap(doc, run_start - 1) {
                run_start -= 1;
            }
            if affiliate_of(doc, a, run_start, run_end, b) {
                return affiliate(doc, a, b, sp);
            }
            let last = lc(word(doc, run_end - 1), str::to_string);
            let first_lower = lc(word(doc, run_start), str::to_string);
            let acronym = {
                let w = word(doc, run_end - 1);
                w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
            };
            let det_before = run_start > a && word(doc, run_start - 1).eq_ignore_ascii_case("the")
                || first_lower == "the";
            // "Department of Conservation": the name runs back across "of" to its head.
            let (joined_start, _) = org_extent(doc, a, run_start, run_end);
            let joined_head = joined_start < run_start
                && (joined_start..run_start).any(|i| lc(word(doc, i), is_org_head));
            let run_start = if joined_head { joined_start } else { run_start };
            if is_org_head(&last) || joined_head || acronym || (det_before && !is_title(&last)) {
                if let Some(name) = org_name(doc, run_start, run_end, run_end) {
                    sp.name = Some(name);
                    sp.kind = Some(EntityKind::Org);
                    return sp;
                }
            }
            // "Analysts believe …": a sentence-initial plural is a common noun, not a name.
            let sentence_start = run_start == 0
                || matches!(word(doc, run_start - 1), "." | "!" | "?" | "\"" | "“")
                || crate::marks::starts_paragraph(doc, run_start);
            if run_end == run_start + 1
                && sentence_start
                && last.ends_with('s')
                && !self.by_last.contains_key(word(doc, run_start))
            {
                // "Critics claim …": a group that speaks as one is named as written.
                if lc(word(doc, run_start), is_group_noun) {
                    sp.name = Some(word(doc, run_start).to_string());
                }
                return sp;
            }
            if let Some((ns, ne)) = name_in_run(doc, run_start, run_end) {
                let full = join(doc, ns, ne);
                let id = self
                    .by_full
                    .get(&full)
                    .or_else(|| self.by_last.get(word(doc, ne - 1)))
                    .copied();
                sp.kind = Some(EntityKind::Person);
                sp.role = role_words(doc, a, ns);
                match id {
                    Some(id) => {
                        let p = &self.persons[id];
                        sp.name = Some(p.name.clone());
                        sp.role = sp.role.or_else(|| p.role.clone());
                        sp.person = Some(id);
                    }
                    None => {
                        sp.gender = sp.role.as_deref().and_then(|r| {
                            r.split_whitespace()
                                .map(|w| lc(w, role_gender))
                                .find(|g| *g != Gender::Unknown)
                        });
                        sp.name = Some(full);
                    }
                }
                return sp;
            }
        }
        // "Transportation Department officials": a group of an organisation.
        if run_end + 1 == b && run_end > a && lc(word(doc, b - 1), is_group_noun) {
            let mut s = run_end;
            while s > a && is_cap(doc, s - 1) {
                s -= 1;
            }
            if let Some(name) = org_name(doc, s, run_end, b) {
                sp.name = Some(name);
                sp.kind = Some(EntityKind::Org);
                return sp;
            }
        }
        // "the company", "the agency", "the same agency": the organisation that spoke last, not
        // long ago. ("The newspaper" is not: the last organisation is as often a newspaper's
        // subject, "the White House", as the newspaper.)
        if (b == a + 2 || b == a + 3 && word(doc, a + 1).eq_ignore_ascii_case("same"))
            && word(doc, a).eq_ignore_ascii_case("the")
            && lc(word(doc, b - 1), is_org_noun)
        {
            if let Some((name, kind)) = self.recent_org(history, a) {
                sp.name = Some(name);
                sp.kind = kind;
                return sp;
            }
        }
        // A role phrase: the person holding that role in the document.
        if let Some(id) = self.role_holder(doc, a, b) {
            let p = &self.persons[id];
            sp.name = Some(p.name.clone());
            sp.kind = Some(EntityKind::Person);
            sp.role = p.role.clone();
            sp.person = Some(id);
            return sp;
        }
        // "The author draws …": a role no one in the document holds is the person just
        // named (the one the passage is about).
        if let Some(sp) = self.role_in_play(doc, a, b) {
            return sp;
        }
        // "The report concluded …": a document speaks, named as the article names it; so do
        // a group ("say the researchers") and an organisation described rather than named
        // ("the Russian space agency"), when the article named no one for them.
        let head = word(doc, b - 1);
        // "the conservation department": lower-case words describing it count too, but not
        // a bare "the company" (resolved above to the organisation in play).
        let modifier = |i: usize| {
            doc.tokens[i].kind == TokenKind::Word
                && !lc(word(doc, i), is_leading_function_word)
                && !lc(word(doc, i), is_quantifier)
        };
        let described_org = lc(head, is_org_noun)
            && (a..b - 1).any(|i| {
                is_cap(doc, i) && !lc(word(doc, i), is_leading_function_word)
                    || word(doc, a).eq_ignore_ascii_case("the") && i > a && modifier(i)
            });
        if lc(head, is_document_noun) || lc(head, is_group_noun) || described_org {
            let mut s = a;
            while s + 1 < b && (is_article(word(doc, s)) || lc(word(doc, s), is_quantifier)) {
                s += 1;
            }
            sp.name = Some(join(doc, s, b));
            if described_org {
                sp.kind = Some(EntityKind::Org);
            }
        }
        sp
    }

    /// A role held for someone: "a White House spokesman", "a spokeswoman for the Pentagon"
    /// (an organisation's), "his lawyer", "Roe's spokesman" (a person's). A spokesperson the
    /// article does not name speaks for the organisation, which is the speaker (the role
    /// kept); a person's role is its holder when the article names one for that person (or
    /// one person only holds it), else it is described with the person's full name
    /// ("spokesman for Jo Roe"), as the dev ledger names such speakers. An indefinite phrase
    /// ("a spokesman for …") brings in someone new: never a holder named before.
    fn held_for(
        &self,
        doc: &Doc,
        a: usize,
        b: usize,
        history: &[Speaker],
        base: &Speaker,
    ) -> Option<Speaker> {
        if b < a + 2 || b - a > 8 {
            return None;
        }
        let role_at = |i: usize| {
            let w = word(doc, i);
            w.chars().next().is_some_and(char::is_lowercase) && lc(w, is_role_noun)
        };
        let spokes = |i: usize| lc(word(doc, i), |w| role_key(w) == "spokes");
        let indefinite = matches!(word(doc, a).to_ascii_lowercase().as_str(), "a" | "an");
        let mut sp = base.clone();
        // The principal: before the role ("a White House spokesman", "his lawyer", "Roe's
        // lawyer") or after "for"/"of" ("a spokeswoman for the Pentagon").
        let (role, principal) = if role_at(b - 1) {
            let mut s = a;
            while s < b - 1 && is_article(word(doc, s)) {
                s += 1;
            }
            (b - 1, (s, b - 1))
        } else if b >= a + 3
            && role_at(a + 1)
            && is_article(word(doc, a))
            && matches!(word(doc, a + 2), "for" | "of" | "at")
        {
            let mut s = a + 3;
            while s < b && is_article(word(doc, s)) {
                s += 1;
            }
            (a + 1, (s, b))
        } else {
            return None;
        };
        let (ps, pe) = principal;
        if ps >= pe {
            return None;
        }
        let role_word = word(doc, role).to_string();
        // A person's role: a possessive pronoun, or a name with "'s".
        let possessed = pe == ps + 1
            && claimtrail_lexicon::pronoun(&word(doc, ps).to_lowercase())
                .is_some_and(|p| p.possessive && !p.subject && p.person == 3 && p.singular);
        let person = if possessed {
            let g = claimtrail_lexicon::pronoun(&word(doc, ps).to_lowercase())
                .map(|p| p.gender)
                .unwrap_or(Gender::Unknown);
            if g == Gender::Unknown {
                return None;
            }
            Some(self.antecedent(doc, g, a, history)?.person?)
        } else if pe > ps + 1 && matches!(word(doc, pe - 1), "'s" | "’s") {
            self.lookup_run(doc, ps, pe - 1)
                .filter(|&id| self.persons[id].name.split_whitespace().count() > 1)
        } else {
            None
        };
        // Only roles whose holder speaks for the person ("his lawyer"); "his wife", "her
        // campaign" are no one's stand-ins.
        let agent = lc(&role_word, |w| {
            matches!(
                role_key(w),
                "spokes" | "lawyer" | "attorney" | "representative" | "publicist" | "agent"
            )
        });
        if let Some(id) = person.filter(|_| agent) {
            let key = role_key(&role_word.to_lowercase()).to_string();
            let principal = &self.persons[id];
            let surname = principal.name.split_whitespace().last().unwrap_or("");
            let holders: Vec<usize> = self
                .persons
                .iter()
                .enumerate()
                .filter(|&(h, p)| {
                    (h != id || possessed)
                        && p.role.as_deref().is_some_and(|r| {
                            r.split(|c: char| !c.is_alphanumeric())
                                .any(|w| role_key(&w.to_lowercase()) == key)
                        })
                })
                .map(|(h, _)| h)
                .collect();
            let named_for = holders.iter().copied().find(|&h| {
                self.persons[h].role.as_deref().is_some_and(|r| {
                    r.split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == surname)
                })
            });
            // "Ruiz, a lawyer for Berg, … Her lawyer said": the pronoun's nearest antecedent
            // holds the role itself, and is the one speaking.
            let holder = if possessed && holders.contains(&id) {
                Some(id)
            } else {
                named_for.or((holders.len() == 1).then(|| holders[0]))
            };
            if let Some(h) = holder.filter(|_| !indefinite) {
                let mut s = self.person_speaker(h, a);
                s.kind = Some(EntityKind::Person);
                s.mention = sp.mention;
                return Some(s);
            }
            sp.name = Some(format!(
                "{} for {}",
                role_word.to_lowercase(),
                principal.name
            ));
            sp.kind = Some(EntityKind::Person);
            sp.role = Some(role_word.to_lowercase());
            sp.gender = Some(lc(&role_word, role_gender));
            return Some(sp);
        }
        // An organisation's spokesperson: the principal is a capitalised name that is no
        // person's.
        if !spokes(role) || possessed {
            return None;
        }
        let pe = if pe > ps + 1 && matches!(word(doc, pe - 1), "'s" | "’s") {
            pe - 1
        } else {
            pe
        };
        let named = (ps..pe)
            .all(|i| is_cap(doc, i) || matches!(word(doc, i), "of" | "for" | "and" | "&" | "."))
            && is_cap(doc, ps);
        if !named || self.lookup_run(doc, ps, pe).is_some() && !lc(word(doc, pe - 1), is_org_head) {
            return None;
        }
        let person_span = self
            .entity_spans
            .iter()
            .any(|&(ea, eb, ref r)| matches!(r, EntityRef::Person(_)) && ea < pe && eb > ps);
        if person_span {
            return None;
        }
        // "the Pentagon spokesman" after the article named him: the holder.
        if !indefinite {
            if let Some(id) = self.role_holder(doc, a, b) {
                let mut s = self.person_speaker(id, a);
                s.kind = Some(EntityKind::Person);
                s.mention = sp.mention;
                return Some(s);
            }
        }
        let org = self
            .entity_spans
            .iter()
            .find_map(|(ea, eb, r)| match r {
                EntityRef::Org(name) if *ea <= ps && *eb >= pe => Some(name.clone()),
                _ => None,
            })
            .unwrap_or_else(|| join(doc, ps, pe));
        sp.name = Some(org);
        sp.kind = Some(EntityKind::Org);
        sp.role = Some(role_word.to_lowercase());
        Some(sp)
    }

    /// "he"/"she": the most recent compatible speaker, else the most recent compatible
    /// person mentioned outside quotes. A known gender beats an unknown one.
    fn antecedent(&self, doc: &Doc, g: Gender, at: usize, history: &[Speaker]) -> Option<Speaker> {
        // "Paris Baguette's dough is made centrally, he said." / "Compaq, she predicted, would
        // …": a pronoun and its cue set off after a comma report the clause around them, and a
        // name opening that clause is spoken about, not a newer subject the pronoun follows.
        let trailing = at > 0
            && word(doc, at - 1) == ","
            && at + 1 < doc.tokens.len()
            && lc(word(doc, at + 1), is_cue)
            && (at + 2 >= doc.tokens.len()
                || matches!(word(doc, at + 2), "." | "," | ";" | "!" | "?"));
        // "Lopez has found lead in the samples, she says": that clause's own subject, a person
        // the article gives the pronoun's gender, is whom the pronoun stands for (a name of no
        // known gender there is only spoken about, as above).
        // Only when the latest speaker cannot be that pronoun (no gender given, or the other):
        // a compatible speaker in play still wins ("Trump isn't a conservative, he said").
        let latest_fits = history
            .iter()
            .rev()
            .take(64)
            .find(|s| s.kind == Some(EntityKind::Person) && s.name.is_some())
            .is_some_and(|s| self.gender_of(s) == g);
        if trailing && g != Gender::Unknown && !latest_fits {
            if let Some(sp) = self.sentence_opener(doc, g, at, history) {
                return Some(sp);
            }
        }
        let subjects_upto = if trailing {
            doc.tokens
                .get(at)
                .and_then(|t| doc.sentence_at(t.start))
                .and_then(|s| doc.sentences.get(s))
                .map_or(at, |s| s.first_token.min(at))
        } else {
            at
        };
        // The latest speaker, when the article gives no gender for them, is the likeliest
        // "he" or "she" ("“…,” Lourimi said. He said …"), unless someone newer came in.
        if let Some(s) = history
            .iter()
            .rev()
            .take(64)
            .find(|s| s.kind == Some(EntityKind::Person) && s.name.is_some())
        {
            // An organisation the tagger took for a person has no gender either: not it.
            let org_like = s
                .name
                .as_deref()
                .and_then(|n| n.split_whitespace().last())
                .is_some_and(|w| lc(w, is_org_head));
            if self.gender_of(s) == Gender::Unknown && !org_like {
                if let Some((id, t)) = self.newer_subject(doc, g, s.at, subjects_upto) {
                    return Some(self.person_speaker(id, t));
                }
                if let Some(back) = self.renamed_speaker(doc, g, s, history, subjects_upto) {
                    return Some(back);
                }
                return Some(s.clone());
            }
        }
        for want in [g, Gender::Unknown] {
            // Bounded look-backs keep a pronoun's cost constant however long the document.
            if let Some(s) = history.iter().rev().take(64).find(|s| {
                s.kind == Some(EntityKind::Person) && s.name.is_some() && self.gender_of(s) == want
            }) {
                // Another person of that gender brought in as a subject since the speaker
                // last spoke is whom the pronoun follows ("Lee said … . Ortiz, her lawyer,
                // disagreed. She said …").
                if let Some((id, t)) = self
                    .newer_subject(doc, want, s.at, subjects_upto)
                    .filter(|&(id, _)| Some(id) != s.person)
                {
                    if s.name.as_deref() != Some(self.persons[id].name.as_str()) {
                        return Some(self.person_speaker(id, t));
                    }
                }
                return Some(s.clone());
            }
            let upto = self.mentions.partition_point(|&(t, _)| t < at);
            if let Some(&(_, id)) = self.mentions[..upto]
                .iter()
                .rev()
                .take(256)
                .find(|&&(_, id)| self.persons[id].gender == want)
            {
                let p = &self.persons[id];
                return Some(Speaker {
                    name: Some(p.name.clone()),
                    role: p.role.clone(),
                    person: Some(id),
                    gender: Some(p.gender),
                    ..Speaker::default()
                });
            }
        }
        None
    }

    /// The first mention of person `id` (outside quotes), when it comes after token `after`
    /// (none when the article named them before); with `alone`, only when no one else is named
    /// in between. Linear in the mentions, once per question.
    pub(crate) fn first_mention_after(
        &self,
        id: usize,
        after: usize,
        alone: bool,
    ) -> Option<usize> {
        let &(t, _) = self.mentions.iter().find(|&&(_, p)| p == id)?;
        if t <= after {
            return None;
        }
        if !alone {
            return Some(t);
        }
        let from = self.mentions.partition_point(|&(m, _)| m <= after);
        let upto = self.mentions.partition_point(|&(m, _)| m < t);
        self.mentions[from..upto]
            .iter()
            .all(|&(_, p)| p == id)
            .then_some(t)
    }

    /// Whether a word with role key `key` is attached to person `id` at a mention in
    /// `after..=at` (the person's role as the article gave it, a role noun just before the name
    /// in its sentence, "her mother, Fiona", or an apposition after it, "Fiona, her mother,").
    pub(crate) fn role_attached(
        &self,
        doc: &Doc,
        id: usize,
        after: usize,
        at: usize,
        key: &str,
    ) -> bool {
        const WINDOW: usize = 6;
        let keyed = |w: &str| {
            w.chars().next().is_some_and(char::is_lowercase) && lc(w, |l| role_key(l) == key)
        };
        if let Some(role) = &self.persons[id].role {
            if role.split_whitespace().any(keyed) {
                return true;
            }
        }
        let from = self.mentions.partition_point(|&(t, _)| t <= after);
        let upto = self.mentions.partition_point(|&(t, _)| t <= at);
        let mut at_list: Vec<usize> = self.mentions[from..upto]
            .iter()
            .rev()
            .take(16)
            .filter(|&&(_, p)| p == id)
            .map(|&(t, _)| t)
            .collect();
        at_list.push(at);
        let n = doc.tokens.len();
        at_list.into_iter().filter(|&t| t < n).any(|t| {
            // Before the name: its sentence's words back to a stop or a quote mark.
            for k in (t.saturating_sub(WINDOW)..t).rev() {
                if crate::marks::starts_paragraph(doc, k + 1) {
                    break;
                }
                let w = word(doc, k);
                if doc.tokens[k].kind != TokenKind::Word && w != "," {
                    break;
                }
                if keyed(w) {
                    return true;
                }
            }
            // After the name and a comma: the apposition up to its closing comma.
            let mut e = t;
            while e < n && e - t < 4 && is_cap(doc, e) {
                e += 1;
            }
            if e < n && word(doc, e) == "," {
                for k in e + 1..n.min(e + 1 + WINDOW) {
                    let w = word(doc, k);
                    if doc.tokens[k].kind != TokenKind::Word
                        || crate::marks::starts_paragraph(doc, k)
                    {
                        break;
                    }
                    if keyed(w) {
                        return true;
                    }
                }
            }
            false
        })
    }

    /// The person last mentioned (outside quotes) in tokens `from..to`, as a speaker.
    pub fn last_person_between(&self, doc: &Doc, from: usize, to: usize) -> Option<Speaker> {
        let upto = self.mentions.partition_point(|&(t, _)| t < to);
        let &(t, id) = self.mentions[..upto].last().filter(|&&(t, _)| t >= from)?;
        let mut sp = self.person_speaker(id, t);
        sp.kind = Some(EntityKind::Person);
        sp.mention = word(doc, t).to_string();
        Some(sp)
    }

    /// The one person of gender `g` (or of none known) named earlier in the sentence of token
    /// `at`, outside quotes; none when two such people are named there (ambiguous).
    fn same_sentence_person(&self, doc: &Doc, g: Gender, at: usize) -> Option<Speaker> {
        let first = doc
            .sentence_at(doc.tokens.get(at)?.start)
            .and_then(|s| doc.sentences.get(s))?
            .first_token;
        let upto = self.mentions.partition_point(|&(t, _)| t < at);
        let from = self.mentions.partition_point(|&(t, _)| t < first);
        let mut found: Option<(usize, usize)> = None;
        for &(t, id) in &self.mentions[from..upto] {
            let gender = self.persons[id].gender;
            if gender != g && gender != Gender::Unknown {
                continue;
            }
            match found {
                Some((_, other)) if other != id => return None,
                _ => found = Some((t, id)),
            }
        }
        found.map(|(t, id)| self.person_speaker(id, t))
    }

    /// The person of gender `g` (known, not merely possible) who opens the sentence of token
    /// `at` as its subject: named within its first words, before `at`, no pronoun before the
    /// name and no possessive after it ("Roe's plan …" is about Roe, not by her).
    fn sentence_opener(
        &self,
        doc: &Doc,
        g: Gender,
        at: usize,
        history: &[Speaker],
    ) -> Option<Speaker> {
        let first = doc
            .sentence_at(doc.tokens.get(at)?.start)
            .and_then(|s| doc.sentences.get(s))?
            .first_token;
        let from = self.mentions.partition_point(|&(t, _)| t < first);
        let upto = self.mentions.partition_point(|&(t, _)| t < at);
        let &(t, id) = self.mentions.get(from).filter(|&&(t, _)| t < at)?;
        let possessive = t + 1 < doc.tokens.len() && matches!(word(doc, t + 1), "'s" | "’s");
        // "The Murdoch outlets …": a name after an article modifies what follows it; after a
        // preposition ("People like Scott, he said") it is no subject either.
        let modifier = t > first
            && lc(word(doc, t - 1), |w| {
                is_article(w) || matches!(w, "like" | "of" | "for" | "to" | "with" | "by" | "about")
            });
        let opens = t - first <= 4
            && (first..t).all(|i| pronoun_gender(&word(doc, i).to_lowercase()).is_none());
        // Only a speaker already in play: a name first spoken about here is the topic.
        let spoke = |id: usize| {
            let name = self.persons[id].name.as_str();
            history
                .iter()
                .rev()
                .take(64)
                .any(|h| h.name.as_deref() == Some(name))
        };
        // Another person of that gender, or another speaker, named before the pronoun makes it
        // ambiguous ("When Ms. Friedan … , Mrs. Schlafly replied … because, she said, …").
        let alone = self.mentions[from..upto]
            .iter()
            .all(|&(_, other)| other == id || (self.persons[other].gender != g && !spoke(other)));
        (opens && !possessive && !modifier && alone && self.persons[id].gender == g && spoke(id))
            .then(|| self.person_speaker(id, t))
    }

    /// "he"/"she" after the latest speaker `latest`, whose gender the article never gives: an
    /// earlier speaker of no known gender either (a handle, a nickname) named again since, as the
    /// subject of a clause ("… the reasons that ScreamName has been pushing for tests. “…,” he
    /// said"), is whom the pronoun follows. Only names that already spoke count: a name spoken
    /// about for the first time is no antecedent the walk can vouch for. Bounded look-backs.
    fn renamed_speaker(
        &self,
        doc: &Doc,
        g: Gender,
        latest: &Speaker,
        history: &[Speaker],
        upto: usize,
    ) -> Option<Speaker> {
        let from = latest.at + 1;
        if from >= upto {
            return None;
        }
        let earlier: Vec<&Speaker> = history
            .iter()
            .rev()
            .take(64)
            .filter(|h| {
                // One-word names only (handles, nicknames): a full name's surname may be
                // shared ("Grayson" for both Alan and Dena Grayson).
                h.kind == Some(EntityKind::Person)
                    && h.name.as_deref().is_some_and(|n| !n.contains(' '))
                    && h.name != latest.name
                    && h.gender.is_none_or(|g| g == Gender::Unknown)
            })
            .collect();
        if earlier.is_empty() {
            return None;
        }
        let lo = from.max(upto.saturating_sub(300));
        for t in (lo..upto.min(doc.tokens.len())).rev() {
            if !is_cap(doc, t) || t + 1 >= doc.tokens.len() {
                continue;
            }
            // A clause's subject: a lower-case word (its verb) follows, not a possessive, and no
            // preposition or article comes before ("a tip from Roe").
            let next = &doc.tokens[t + 1];
            let verb_next = next.kind == TokenKind::Word
                && !is_cap(doc, t + 1)
                && !matches!(word(doc, t + 1), "'s" | "’s");
            let governed = t > 0
                && lc(word(doc, t - 1), |w| {
                    is_article(w)
                        || matches!(
                            w,
                            "to" | "by"
                                | "for"
                                | "from"
                                | "with"
                                | "of"
                                | "about"
                                | "at"
                                | "on"
                                | "in"
                        )
                });
            if !verb_next || governed {
                continue;
            }
            // A name the entity layer reads as a place or an organisation ("China and Russia
            // have …") is no person named again, whatever once spoke under that name.
            let k = self.not_people.partition_point(|&(a, _)| a <= t);
            if self.not_people[..k]
                .iter()
                .rev()
                .take(4)
                .any(|&(_, b)| t < b)
            {
                continue;
            }
            // Another first name before the surname is someone else of that family ("German
            // Ortega" is not "Freddy Ortega"); an honorific of the other gender rules it out too.
            // ("Ms. Roe" may come as "Ms" and ".".)
            let p = if t > 1 && word(doc, t - 1) == "." {
                t - 2
            } else {
                t.saturating_sub(1)
            };
            if t > 0 && is_cap(doc, p) {
                let prev = word(doc, p).to_lowercase();
                match claimtrail_lexicon::title(prev.trim_end_matches('.')) {
                    Some(title) if title.gender != Gender::Unknown && title.gender != g => continue,
                    Some(_) => {}
                    None if is_leading_function_word(&prev) => {}
                    None => continue,
                }
            }
            let w = word(doc, t);
            if let Some(h) = earlier
                .iter()
                .find(|h| h.name.as_deref().and_then(|n| n.split_whitespace().last()) == Some(w))
            {
                let mut back = (*h).clone();
                back.at = t;
                return Some(back);
            }
        }
        None
    }

    fn person_speaker(&self, id: usize, at: usize) -> Speaker {
        let p = &self.persons[id];
        Speaker {
            name: Some(p.name.clone()),
            role: p.role.clone(),
            person: Some(id),
            gender: Some(p.gender),
            at,
            ..Speaker::default()
        }
    }

    /// The organisation "it" or "the company" stands for at token `at`: the one that spoke
    /// last, not long ago, else the latest named just before (a name the tagger read as a
    /// person's counts when nothing says it is one: "Roscosmos said … It said …").
    fn recent_org(&self, history: &[Speaker], at: usize) -> Option<(String, Option<EntityKind>)> {
        let recent = || {
            history
                .iter()
                .rev()
                .take(4)
                .filter(|s| at.saturating_sub(s.at) < 400)
        };
        if let Some(s) = recent().find(|s| s.kind == Some(EntityKind::Org)) {
            return Some((s.name.clone()?, s.kind));
        }
        // A name the article has just called "he" or "she" is a person's, whatever its words.
        let gendered = |n: &str| {
            history.iter().rev().take(64).any(|s| {
                s.name.as_deref() == Some(n)
                    && lc(&s.mention, pronoun_gender).is_some_and(|g| g != Gender::Unknown)
            })
        };
        let spoke = recent()
            .find(|s| {
                s.kind == Some(EntityKind::Person)
                    && at.saturating_sub(s.at) < 60
                    && s.name
                        .as_deref()
                        .is_some_and(|n| self.unpersonal(n) && !gendered(n))
            })
            .and_then(|s| Some((s.at, s.name.clone()?)));
        let upto = self.entity_spans.partition_point(|&(ea, _, _)| ea < at);
        let named = self.entity_spans[..upto]
            .iter()
            .rev()
            .take(8)
            .take_while(|(ea, _, _)| at - ea < 60)
            .find_map(|(ea, _, r)| match r {
                EntityRef::Org(name) => Some((*ea, name.clone())),
                EntityRef::Person(id) => {
                    let name = &self.persons[*id].name;
                    (self.unpersonal(name) && !gendered(name)).then(|| (*ea, name.clone()))
                }
            });
        let latest = match (spoke, named) {
            (Some(s), Some(n)) => Some(if s.0 >= n.0 { s } else { n }),
            (s, n) => s.or(n),
        };
        latest
            .map(|(_, name)| name)
            .or_else(|| self.org_in_focus(upto))
            .map(|name| (name, Some(EntityKind::Org)))
    }

    /// The organisation the article is about so far: named more often than any other before
    /// entity `upto` (at least twice; ties go to the latest named). "The company" a few
    /// paragraphs on is that one when no organisation was named near it.
    fn org_in_focus(&self, upto: usize) -> Option<String> {
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        for (k, (_, _, r)) in self.entity_spans[..upto].iter().enumerate() {
            if let EntityRef::Org(name) = r {
                match counts.iter_mut().find(|(n, _, _)| n == name) {
                    Some(c) => {
                        c.1 += 1;
                        c.2 = k;
                    }
                    None => counts.push((name, 1, k)),
                }
            }
        }
        let best = counts.iter().max_by_key(|&&(_, n, last)| (n, last))?;
        let rival = counts
            .iter()
            .filter(|c| c.0 != best.0)
            .map(|c| c.1)
            .max()
            .unwrap_or(0);
        (best.1 >= 2 && best.1 > rival).then(|| best.0.to_string())
    }

    /// A "person" the article gives no sign of being one: no gender, and no given name or
    /// title in it ("Roscosmos", "Whole Foods" as the tagger may read them). "It" and "the
    /// company" may stand for such a name.
    fn unpersonal(&self, name: &str) -> bool {
        let person = self.by_full.get(name).map(|&i| &self.persons[i]);
        person.is_none_or(|p| p.gender == Gender::Unknown && p.role.is_none())
            && !name.split_whitespace().any(|w| {
                given_name_gender(w).is_some() || first_name_gender(w).is_some() || lc(w, is_title)
            })
    }

    /// The latest person of gender `want` mentioned between tokens `after` and `at` as the
    /// first person named at the start of their sentence (its subject), outside quotes.
    fn newer_subject(
        &self,
        doc: &Doc,
        want: Gender,
        after: usize,
        at: usize,
    ) -> Option<(usize, usize)> {
        let upto = self.mentions.partition_point(|&(t, _)| t < at);
        let from = upto.saturating_sub(64);
        for k in (from..upto).rev() {
            let (t, id) = self.mentions[k];
            if t <= after {
                return None;
            }
            // A person the article gives no gender may be either.
            let gender = self.persons[id].gender;
            if gender != want && gender != Gender::Unknown {
                continue;
            }
            let first = doc
                .sentence_at(doc.tokens[t].start)
                .and_then(|s| doc.sentences.get(s))
                .map_or(t, |s| s.first_token);
            let earlier_in_sentence = k > 0 && self.mentions[k - 1].0 >= first;
            // The sentence's subject: named within its first words (a title or role may come
            // first), no pronoun before it. A name inside a reported clause ("He stated that
            // President Joe Biden is determined") is no new subject.
            let opens = t - first <= 4
                && (first..t).all(|i| pronoun_gender(&word(doc, i).to_lowercase()).is_none());
            if !earlier_in_sentence && opens {
                return Some((id, t));
            }
        }
        None
    }

    pub fn gender_of(&self, s: &Speaker) -> Gender {
        if let Some(g) = s.gender {
            return g;
        }
        if let Some(id) = s.person {
            return self.persons[id].gender;
        }
        s.name
            .as_deref()
            .and_then(|n| n.split_whitespace().next())
            .and_then(given_name_gender)
            .unwrap_or(Gender::Unknown)
    }

    /// "the author", "the lead researcher" (`a..b`), held by no one the document names with
    /// that role: the person mentioned last before it, not long before, whose gender agrees.
    /// Not a title ("the president" is a holder's, or no one's), and not a role the passage
    /// already used for someone unnamed ("met the lawyer. The lawyer said").
    fn role_in_play(&self, doc: &Doc, a: usize, b: usize) -> Option<Speaker> {
        const REACH: usize = 120;
        if b > a + 3 || !word(doc, a).eq_ignore_ascii_case("the") {
            return None;
        }
        let head = word(doc, b - 1).to_lowercase();
        if !is_role_noun(&head) || is_title(&head) {
            return None;
        }
        let from = a.saturating_sub(REACH);
        if (from..a).any(|i| word(doc, i).eq_ignore_ascii_case(&head)) {
            return None;
        }
        let want = role_gender(&head);
        let upto = self.mentions.partition_point(|&(t, _)| t < a);
        let &(_, id) = self.mentions[..upto].last().filter(|&&(t, _)| t >= from)?;
        let g = self.persons[id].gender;
        if want != Gender::Unknown && g != Gender::Unknown && g != want {
            return None;
        }
        let mut sp = self.person_speaker(id, a);
        sp.kind = Some(EntityKind::Person);
        sp.mention = join(doc, a, b);
        Some(sp)
    }

    /// The person the article gave the role at `head` with its complement `head + 2..b`
    /// ("Jo Roe, a lawyer for the family" for "a lawyer for the family"): the role's key and
    /// every word of the complement in their role.
    fn holder_of(&self, doc: &Doc, head: usize, b: usize) -> Option<usize> {
        let lower = word(doc, head).to_lowercase();
        let single = claimtrail_lexicon::singular(&lower);
        let key = if is_role_noun(&lower) {
            role_key(&lower)
        } else {
            role_key(&single)
        };
        let complement: Vec<String> = (head + 2..b)
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word && !is_article(word(doc, i)))
            .map(|i| word(doc, i).to_lowercase())
            .collect();
        if complement.is_empty() {
            return None;
        }
        self.persons.iter().position(|p| {
            p.role.as_deref().is_some_and(|r| {
                let rl = r.to_lowercase();
                let rw: Vec<&str> = rl
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .filter(|w| !w.is_empty())
                    .collect();
                rw.iter().any(|w| role_key(w) == key)
                    && complement.iter().all(|c| rw.contains(&c.as_str()))
            })
        })
    }

    fn role_holder(&self, doc: &Doc, a: usize, b: usize) -> Option<usize> {
        let words: Vec<String> = (a..b).map(|i| word(doc, i).to_lowercase()).collect();
        let key = words.iter().rev().find(|w| is_role_noun(w))?;
        let key = role_key(key);
        let modifiers: Vec<&String> = words
            .iter()
            .zip(a..b)
            .filter(|(_, i)| is_cap(doc, *i))
            .map(|(w, _)| w)
            .collect();
        let mut best: Option<(usize, usize)> = None;
        for (id, p) in self.persons.iter().enumerate() {
            let Some(role) = &p.role else { continue };
            let rl = role.to_lowercase();
            let rw: Vec<&str> = rl.split_whitespace().collect();
            if !rw.iter().any(|w| role_key(w) == key) {
                continue;
            }
            let score = 1 + modifiers
                .iter()
                .filter(|m| rw.contains(&m.as_str()))
                .count();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, id));
            }
        }
        best.map(|(_, id)| id)
    }
}

/// A person described by an organisation or a person they are tied to ("a party member", "a
/// friend of Jo Roe"): unnamed, the phrase kept as their role.
fn affiliate(doc: &Doc, a: usize, b: usize, mut sp: Speaker) -> Speaker {
    sp.kind = Some(EntityKind::Person);
    sp.role = role_words(doc, a, b);
    sp
}

/// The organisation named by the capitalised run `s..run_end` ("The Pentagon"), with the
/// subject's words up to `b` ("Transportation Department officials"): leading function words
/// left out; none when nothing of the run is left.
fn org_name(doc: &Doc, mut s: usize, run_end: usize, b: usize) -> Option<String> {
    while s < run_end && lc(word(doc, s), is_leading_function_word) {
        s += 1;
    }
    (s < run_end).then(|| join(doc, s, b))
}

/// The capitalised name `s..e` (inside a subject starting at `a`) extended back across joining
/// words to the capitalised words before them ("Department of Conservation", "Committee to Protect Journalists", "Centers for
/// Disease Control"), leading function words left out.
fn org_extent(doc: &Doc, a: usize, mut s: usize, e: usize) -> (usize, usize) {
    loop {
        if s > a && is_cap(doc, s - 1) && !lc(word(doc, s - 1), is_leading_function_word) {
            s -= 1;
        } else if s >= a + 2
            && matches!(word(doc, s - 1), "of" | "for" | "on" | "&" | "and" | "to")
            && is_cap(doc, s - 2)
            && !lc(word(doc, s - 2), is_leading_function_word)
        {
            s -= 2;
        } else {
            return (s, e);
        }
    }
}

/// The name `..e` carried on to the subject's end `b` across a joining word and capitalised
/// words the tagger left out ("Joint Committee" + "on Intelligence and Security"); `e` when
/// the subject goes on with anything else (a weekday, lower-case words).
fn org_complement(doc: &Doc, e: usize, b: usize) -> usize {
    let name_word = |i: usize| is_cap(doc, i) && !lc(word(doc, i), is_time_word);
    let mut k = e;
    // "to" only here, where capitals run on to the subject's end ("Committee" + "to Protect
    // Journalists"): elsewhere it starts a complement ("a letter to Amnesty").
    while k + 1 < b
        && matches!(word(doc, k), "of" | "for" | "on" | "and" | "&" | "to")
        && name_word(k + 1)
    {
        k += 1;
        while k < b && name_word(k) {
            k += 1;
        }
    }
    if k == b {
        k
    } else {
        e
    }
}

/// The end of an organisation's name whose last tagged word `e - 1` is a head noun
/// ("Center", "Department") carried on across its complement ("on Poverty and Inequality",
/// "of Conservation"): "of", "for" or "on", then capitalised words, "and" only inside.
fn org_complement_after(doc: &Doc, e: usize) -> usize {
    let n = doc.tokens.len();
    let head = lc(word(doc, e - 1), |w| {
        is_org_head(w) || matches!(w, "center" | "centre" | "institute" | "school" | "fund")
    });
    if !head || e + 1 >= n || !matches!(word(doc, e), "of" | "for" | "on") {
        return e;
    }
    let mut k = e;
    let mut end = e;
    while k + 1 < n
        && matches!(word(doc, k), "of" | "for" | "on" | "and" | "&")
        && (k > e || word(doc, k) != "and")
        && is_cap(doc, k + 1)
        && !crate::marks::starts_paragraph(doc, k + 1)
    {
        k += 1;
        while k < n && is_cap(doc, k) && !crate::marks::starts_paragraph(doc, k) {
            k += 1;
        }
        end = k;
    }
    end
}

/// The name closing a subject phrase after a lower-case organisation noun ("advocacy group
/// Human Rights Watch"): capitalised words, or a word starting with a digit ("1010data").
fn named_after_org_noun(doc: &Doc, a: usize, b: usize) -> Option<String> {
    let k = (a..b).rev().find(|&i| {
        let w = word(doc, i);
        w.chars().next().is_some_and(char::is_lowercase) && lc(w, is_org_noun)
    })?;
    let name_word = |i: usize| {
        let w = word(doc, i);
        doc.tokens[i].kind != TokenKind::Punct
            && (is_cap(doc, i)
                || w.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && w.chars().any(char::is_alphabetic))
            && !lc(w, is_title)
    };
    (k + 1 < b && (k + 1..b).all(name_word)).then(|| join(doc, k + 1, b))
}

/// "the explanatory notes of the British Bill", "an analysis of labor statistics": a document
/// noun with its "of" complement, named as the article names it (articles left out).
fn document_phrase(doc: &Doc, a: usize, b: usize) -> Option<String> {
    let of = (a + 1..b.saturating_sub(1)).find(|&i| word(doc, i) == "of")?;
    let noun = of - 1;
    if !lc(word(doc, noun), is_document_noun) || is_cap(doc, noun) {
        return None;
    }
    let mut s = a;
    while s < noun && is_article(word(doc, s)) {
        s += 1;
    }
    // Only lower-case words before the noun ("the explanatory notes"), not a name ("the
    // Pentagon report of …" is the Pentagon's).
    (s..noun)
        .all(|i| !is_cap(doc, i) && doc.tokens[i].kind == TokenKind::Word)
        .then(|| join(doc, s, b))
}

/// The document ("the study", "a new report") that opens, as its subject, the sentence before
/// token `at` when `at` opens its own, else `at`'s own sentence: what a following "it" stands
/// for. Named as a document speaker is, articles left out.
fn document_subject_before(doc: &Doc, at: usize) -> Option<String> {
    let here = doc.sentence_at(doc.tokens.get(at)?.start)?;
    let own = doc.sentences.get(here)?;
    let sentence = if own.first_token == at {
        doc.sentences.get(here.checked_sub(1)?)?
    } else {
        own
    };
    let first = sentence.first_token;
    let mut s = first;
    while s < at && is_article(word(doc, s)) {
        s += 1;
    }
    // The noun within the subject's first words, lower-case words only before it ("The new
    // study"), and a verb after it: a document that is the subject, not one in a complement.
    let noun = (s..(s + 3).min(at)).find(|&i| lc(word(doc, i), is_document_noun))?;
    let plain = (s..noun).all(|i| !is_cap(doc, i) && doc.tokens[i].kind == TokenKind::Word);
    let verb_next = noun + 1 < at
        && doc.tokens[noun + 1].kind == TokenKind::Word
        && !is_cap(doc, noun + 1)
        && word(doc, noun + 1) != "of";
    (s > first && plain && !is_cap(doc, noun) && verb_next).then(|| join(doc, s, noun + 1))
}

/// An online handle: starts with a lower-case letter, letters, digits and underscores only,
/// with at least one digit ("elmo666", "kay_1984"); no word of the language looks like that.
fn is_handle(w: &str) -> bool {
    w.len() >= 3
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && w.chars().any(|c| c.is_ascii_digit())
}

/// Words counting the members of a group ("many analysts"): not part of its name.
fn is_quantifier(lower: &str) -> bool {
    matches!(
        lower,
        "many" | "most" | "some" | "several" | "other" | "few"
    )
}

/// Common nouns an article uses for an organisation it has named ("the company said").
pub(crate) fn is_org_noun(lower: &str) -> bool {
    matches!(
        lower,
        "company"
            | "administration"
            | "campaign"
            | "agency"
            | "firm"
            | "group"
            | "organization"
            | "organisation"
            | "ministry"
            | "department"
            | "retailer"
            | "startup"
            | "union"
            | "council"
            | "commission"
            | "government"
            | "network"
            | "university"
            | "bank"
            | "party"
    )
}

/// Nouns for the members of a research team as a whole.
fn is_team_noun(lower: &str) -> bool {
    matches!(
        lower,
        "colleagues" | "co-authors" | "coauthors" | "collaborators" | "team" | "co-workers"
    )
}

/// "the researchers", "the study's authors", "the scientists", "the team": a definite phrase of
/// lower-case words ending in a plural research noun (or "team"), no name in it.
fn research_team_phrase(doc: &Doc, a: usize, b: usize) -> bool {
    if b - a < 2 || b - a > 4 || !word(doc, a).eq_ignore_ascii_case("the") {
        return false;
    }
    let head = word(doc, b - 1).to_lowercase();
    matches!(
        head.as_str(),
        "researchers" | "authors" | "scientists" | "investigators" | "team"
    ) && (a + 1..b).all(|i| !is_cap(doc, i))
}

/// Nouns for a news outlet that follow its name ("Vulture magazine", "a Baton Rouge newspaper").
fn is_outlet_noun(lower: &str) -> bool {
    matches!(lower, "magazine" | "newspaper" | "tabloid" | "broadcaster")
}

/// Words that open a noun phrase before any name in it.
fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// Documents that state findings in their own right ("the report", "the study").
pub(crate) fn is_document_noun(lower: &str) -> bool {
    matches!(
        lower,
        "report"
            | "reports"
            | "study"
            | "studies"
            | "survey"
            | "poll"
            | "analysis"
            | "paper"
            | "findings"
            | "review"
            | "audit"
            | "memo"
            | "filing"
            | "indictment"
            | "ruling"
            | "lawsuit"
            | "complaint"
            | "assessment"
            | "notes"
            | "census"
    )
}

/// The phrase `a..b` is a person tied to the organisation at `ea..eb`: an affiliate noun after
/// the name ("a party member") or before a preposition leading to it ("a friend at Lehigh").
fn affiliate_of(doc: &Doc, a: usize, ea: usize, eb: usize, b: usize) -> bool {
    if eb < b {
        return lc(word(doc, b - 1), is_affiliate_noun);
    }
    let mut k = ea;
    while k > a && is_article(word(doc, k - 1)) {
        k -= 1;
    }
    k >= a + 2
        && lc(word(doc, k - 1), |w| {
            matches!(w, "at" | "of" | "from" | "in" | "with" | "for")
        })
        && lc(word(doc, k - 2), is_affiliate_noun)
}

/// Singular nouns of a person tied to an organisation without speaking for it ("a party
/// member", "a GOP strategist", "a friend at Lehigh"), unlike "a White House spokesman".
fn is_affiliate_noun(lower: &str) -> bool {
    matches!(
        lower,
        "member"
            | "expert"
            | "advocate"
            | "friend"
            | "supporter"
            | "donor"
            | "strategist"
            | "voter"
            | "critic"
            | "fan"
            | "operative"
            | "consultant"
            | "activist"
            | "lobbyist"
            | "insider"
            | "veteran"
            | "observer"
            | "alumnus"
            | "graduate"
            | "student"
    )
}

/// Plural nouns for the people of an organisation who speak for it ("Pentagon officials").
pub(crate) fn is_group_noun(lower: &str) -> bool {
    matches!(
        lower,
        "officials"
            | "executives"
            | "researchers"
            | "scientists"
            | "experts"
            | "analysts"
            | "lawyers"
            | "prosecutors"
            | "investigators"
            | "authorities"
            | "leaders"
            | "spokespeople"
            | "representatives"
            | "economists"
            | "staff"
            | "sources"
            | "police"
            | "military"
            | "critics"
            | "advocates"
            | "activists"
            | "advertisers"
            | "regulators"
            | "doctors"
            | "residents"
            | "witnesses"
    )
}

fn join(doc: &Doc, a: usize, b: usize) -> String {
    (a..b).map(|i| word(doc, i)).collect::<Vec<_>>().join(" ")
}

/// Prepositions whose complement a role noun takes ("lawyer for", "adviser to", "head of").
fn is_role_preposition(lower: &str) -> bool {
    matches!(lower, "for" | "of" | "to" | "in" | "at")
}

/// The head of a subject phrase `a..b` that is a role noun with a complement ("lawyers for
/// Maria Lopez", "a senior adviser to the mayor", "prosecutors in two states"): a person's
/// role or a group of people (singular or plural), lower-case unless it opens the phrase,
/// with only lower-case modifiers before it. An affiliate ("a member of the party") and an
/// organisation ("the Department of Conservation") are read elsewhere.
fn role_with_complement(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    let p = (a + 1..b.saturating_sub(1)).find(|&i| lc(word(doc, i), is_role_preposition))?;
    let head = p - 1;
    let lower = word(doc, head).to_lowercase();
    let role = is_role_noun(&lower)
        || is_role_noun(&claimtrail_lexicon::singular(&lower))
        || is_group_noun(&lower);
    // "secretary of state Jo Roe": a name closing the phrase after a lower-case word of the
    // role is the holder, not the complement ("lawyers for Jo Roe").
    let mut run = b;
    while run > p + 1 && is_cap(doc, run - 1) {
        run -= 1;
    }
    let named_holder = b - run >= 2 && run > p + 1 && !lc(word(doc, b - 1), is_org_head) && {
        let w = word(doc, run - 1);
        doc.tokens[run - 1].kind == TokenKind::Word
            && w.chars().next().is_some_and(char::is_lowercase)
            && !is_article(w)
            && !lc(w, is_role_preposition)
            && !matches!(w, "and" | "or")
    };
    if named_holder {
        return None;
    }
    let opens = (a..head).all(|i| is_article(word(doc, i)));
    let modifiers =
        (a..head).all(|i| doc.tokens[i].kind == TokenKind::Word && (i == a || !is_cap(doc, i)));
    (role
        && !is_affiliate_noun(&lower)
        && (opens || !is_cap(doc, head))
        && modifiers
        && doc.tokens[p + 1].kind == TokenKind::Word)
        .then_some(head)
}

/// The token whose span holds byte `pos`.
fn token_at(doc: &Doc, pos: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.end <= pos);
    (i < doc.tokens.len()).then_some(i)
}

/// Maximal runs of capitalised words (a possessive ends a run).
fn cap_runs(doc: &Doc) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    let n = doc.tokens.len();
    // Each token asked once: a run's first and next tokens were asked twice.
    let cap: Vec<bool> = (0..n).map(|i| is_cap(doc, i)).collect();
    while i < n {
        if !cap[i] {
            i += 1;
            continue;
        }
        let a = i;
        loop {
            while i < n && cap[i] && (i == a || !crate::marks::starts_paragraph(doc, i)) {
                i += 1;
            }
            // A lower-case particle between two capitalised words is inside the name ("Lotte
            // van Houten").
            if i + 1 < n
                && lc(word(doc, i), is_name_particle)
                && cap[i + 1]
                && !crate::marks::starts_paragraph(doc, i + 1)
            {
                i += 1;
                continue;
            }
            break;
        }
        runs.push((a, i));
    }
    runs
}

/// The name inside a capitalised run: after the last title word and leading function words.
fn name_in_run(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut s = a;
    while s < b && lc(word(doc, s), is_leading_function_word) {
        s += 1;
    }
    if let Some(t) = (s..b).rev().find(|&i| lc(word(doc, i), is_title)) {
        s = t + 1;
    }
    if s >= b || lc(word(doc, b - 1), is_org_head) {
        return None;
    }
    Some((s, b))
}

/// Role words before a name inside the subject phrase ("White House spokeswoman").
fn role_words(doc: &Doc, a: usize, name_start: usize) -> Option<String> {
    let mut s = a;
    while s < name_start && is_article(word(doc, s)) {
        s += 1;
    }
    (s < name_start)
        .then(|| doc.text[doc.tokens[s].start..doc.tokens[name_start - 1].end].to_string())
}

/// Role before a name in running text: title words in the run, or a role noun with its
/// capitalised modifiers just before it ("Pentagon spokesperson Sabrina Singh").
fn role_before(doc: &Doc, run_start: usize, name_start: usize) -> Option<String> {
    let mut s = name_start;
    while s > run_start && !lc(word(doc, s - 1), is_leading_function_word) {
        s -= 1;
    }
    if s > 0 && s == run_start && lc(word(doc, s - 1), is_role_noun) {
        s -= 1;
        while s > 0
            && (is_cap(doc, s - 1) || matches!(word(doc, s - 1), "-"))
            && !lc(word(doc, s - 1), is_leading_function_word)
            && name_start - s < 8
        {
            s -= 1;
        }
    }
    (s < name_start)
        .then(|| doc.text[doc.tokens[s].start..doc.tokens[name_start - 1].end].to_string())
}

/// Role in an apposition after a name: "Kirby, the National Security Council spokesman, said".
fn role_after(doc: &Doc, name_end: usize) -> Option<String> {
    let n = doc.tokens.len();
    if name_end + 2 >= n || word(doc, name_end) != "," {
        return None;
    }
    let s = name_end + 1;
    if !is_article(word(doc, s)) {
        return None;
    }
    let mut e = s + 1;
    while e < n && e - s < 10 && doc.tokens[e].kind == TokenKind::Word {
        e += 1;
    }
    if e >= n || word(doc, e) != "," {
        return None;
    }
    (s + 1..e)
        .any(|i| lc(word(doc, i), is_role_noun))
        .then(|| doc.text[doc.tokens[s + 1].start..doc.tokens[e - 1].end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_with_roles_and_genders() {
        let t = "White House spokeswoman Karine Jean-Pierre spoke. President Joe Biden left.";
        let d = Doc::new(t);
        let p = People::build(&d, &[], &vec![false; d.tokens.len()]);
        let k = p
            .persons
            .iter()
            .find(|p| p.name == "Karine Jean-Pierre")
            .unwrap();
        assert_eq!(k.gender, Gender::Female);
        assert_eq!(k.role.as_deref(), Some("White House spokeswoman"));
        let b = p.persons.iter().find(|p| p.name == "Joe Biden").unwrap();
        assert_eq!(b.role.as_deref(), Some("President"));
    }
}
