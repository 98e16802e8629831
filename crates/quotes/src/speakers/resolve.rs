//! A subject phrase to a speaker: names, pronouns, role nouns, organisations and documents, in
//! the order the checks are tried.

use claimtrail_lexicon::{with_lowercase as lc, Gender};
use claimtrail_text::{Doc, EntityKind, TokenKind};

use crate::word_classes::{
    is_article, is_cue, is_org_head, is_role_noun, is_stance, is_title, pronoun_gender, role_gender,
};

use super::name_runs::{join, name_in_run, role_words};
use super::noun_classes::{
    is_determiner, is_document_noun, is_group_noun, is_handle, is_leading_function_word,
    is_org_noun, is_outlet_noun, is_quantifier,
};
use super::org_names::{
    document_phrase, document_subject_before, named_after_org_noun, org_complement, org_extent,
    org_name, research_team_phrase,
};
use super::roles::{affiliate, affiliate_of, role_with_complement};
use super::{is_cap, word, EntityRef, People, Speaker};

impl People {
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
        // "Politico.com reports": an outlet named by its web address is that organisation.
        if b == a + 3
            && word(doc, a + 1) == "."
            && crate::word_classes::is_web_suffix(word(doc, a + 2))
            && is_cap(doc, a)
        {
            sp.name = Some(format!("{}.{}", word(doc, a), word(doc, a + 2)));
            sp.kind = Some(EntityKind::Org);
            return sp;
        }
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
        // "His office said": an office speaks as its holder ("Ryan's office" is Ryan, below),
        // so a possessive pronoun's owner is the speaker, found as the pronoun's would be.
        if b == a + 2 && lc(word(doc, b - 1), |w| w == "office") {
            let owner = claimtrail_lexicon::pronoun(&word(doc, a).to_lowercase())
                .filter(|p| p.possessive && !p.subject && p.person == 3 && p.singular)
                .map(|p| p.gender)
                .filter(|&g| g != Gender::Unknown);
            if let Some(g) = owner {
                let found = self
                    .same_sentence_person(doc, g, a)
                    .or_else(|| self.antecedent(doc, g, a, history));
                if let Some(ante) = found.filter(|s| s.name.is_some()) {
                    sp.name = ante.name;
                    sp.kind = Some(EntityKind::Person);
                    sp.role = ante.role;
                    sp.person = ante.person;
                    sp.gender = ante.gender;
                }
                return sp;
            }
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
        // The earliest such name: "the BBC's Frances Harrison in Tehran" is Harrison, though
        // the phrase opens with the BBC.
        let last = hits.next();
        let earlier: Vec<_> = hits.collect();
        let hit = earlier
            .iter()
            .rev()
            .find(|f| {
                f.1 < b
                    && matches!(
                        word(doc, f.1).to_ascii_lowercase().as_str(),
                        "from" | "of" | "at" | "for" | "with" | "in"
                    )
            })
            .copied()
            .or(last);
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
            // "an AI pioneer", "a Google engineer": one new person described by the
            // organisation before their noun, who does not speak for it (its spokesman was
            // taken above); the organisation is only the modifier.
            // A role noun ("a Treasury official") is read as the organisation's voice, as
            // before; an agent noun ("-er", "-ist", "-ian") is a person of their own.
            let described_person = matches!(r, EntityRef::Org(_))
                && *eb + 1 == b
                && *ea > a
                && matches!(word(doc, a).to_ascii_lowercase().as_str(), "a" | "an")
                && doc.tokens[b - 1].kind == TokenKind::Word
                && lc(word(doc, b - 1), |w| {
                    w.chars().all(|c| c.is_ascii_lowercase())
                        && ["er", "or", "ist", "ian"].iter().any(|s| w.ends_with(s))
                        && !is_role_noun(w)
                        && !is_org_noun(w)
                        && !is_outlet_noun(w)
                        && !is_group_noun(w)
                        && !is_document_noun(w)
                });
            match r {
                // "a Republican National Committee member", "a friend of Jo Roe": a person
                // described by the name, who does not speak for it.
                _ if described_person || affiliate_of(doc, a, *ea, *eb, b) => {
                    return affiliate(doc, a, b, sp)
                }
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
            // "He'll contend that …", "she'd said": a subject pronoun with "will" or "would"
            // contracted onto it is the pronoun.
            let lower = match contracted_pronoun(&lower) {
                Some(stem) => stem.to_string(),
                None => lower,
            };
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
                || matches!(
                    word(doc, run_start - 1),
                    "." | "!" | "?" | "\"" | "“" | "''" | "``"
                )
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
        // "the navy" after "the Indian Navy", "the news agency" after "the official IRNA news
        // agency": the organisation the article named with these words as its head.
        if let Some(name) = self.org_named_by_head(doc, a, b) {
            sp.name = Some(name);
            sp.kind = Some(EntityKind::Org);
            return sp;
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
        // "the budget office", "the district attorney's office": an office or bureau the
        // article describes, with no holder it names (a named holder was taken above, "Ryan's
        // office" by the entity layer, "the mayor's office" by the role's holder). "His
        // office" is its holder's, not an organisation's.
        let office = |w: &str| matches!(w, "office" | "bureau");
        let possessed = claimtrail_lexicon::pronoun(&word(doc, a).to_lowercase())
            .is_some_and(|p| p.possessive && !p.subject);
        let described_org = lc(head, |w| is_org_noun(w) || office(w) && !possessed)
            && (a..b - 1).any(|i| {
                is_cap(doc, i) && !lc(word(doc, i), is_leading_function_word)
                    || word(doc, a).eq_ignore_ascii_case("the") && i > a && modifier(i)
            });
        // "According to Tastewise data", "Census Bureau figures show", "2025 survey data":
        // data a name or a document owns speak as a document does; bare "the data" does not.
        let owned_data = lc(head, |w| matches!(w, "data" | "statistics" | "figures"))
            && (a..b - 1).any(|i| {
                is_cap(doc, i) && !lc(word(doc, i), is_leading_function_word)
                    || lc(word(doc, i), is_document_noun)
            });
        if lc(head, is_document_noun) || lc(head, is_group_noun) || described_org || owned_data {
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
}

impl People {
    /// "the navy", "the news agency" (tokens `a..b`): "the" and one or two lower-case words
    /// ending in an organisation's noun, which the latest organisation named before it ends
    /// with ("Indian Navy") or has right after its name ("IRNA news agency"). Its name, or
    /// `None` when no organisation was named so. A bare common noun ("the company", "the
    /// department") is rather the organisation in play (below: the one that spoke last, or
    /// the latest named, as firms are named "… Company" in passing); people ("the officials")
    /// are never an organisation's name.
    fn org_named_by_head(&self, doc: &Doc, a: usize, b: usize) -> Option<String> {
        if !(b == a + 2 || b == a + 3) || !word(doc, a).eq_ignore_ascii_case("the") {
            return None;
        }
        let nouns: Vec<String> = (a + 1..b).map(|i| word(doc, i).to_lowercase()).collect();
        let head = nouns.last()?;
        let all_lower = (a + 1..b).all(|i| {
            doc.tokens[i].kind == TokenKind::Word
                && word(doc, i).chars().all(|c| c.is_lowercase() || c == '-')
        });
        let organisational = (is_org_noun(head) || is_org_head(head))
            && !is_document_noun(head)
            && !matches!(
                head.as_str(),
                "statement" | "spokesperson" | "team" | "news" | "press" | "staff" | "who"
            );
        if !all_lower || !organisational || is_group_noun(head) {
            return None;
        }
        if nouns.len() == 1 && is_org_noun(head) {
            return None;
        }
        let upto = self.entity_spans.partition_point(|&(ea, _, _)| ea < a);
        self.entity_spans[..upto]
            .iter()
            .rev()
            .filter(|&&(_, eb, _)| eb <= a)
            .find_map(|(ea, eb, r)| {
                let EntityRef::Org(name) = r else { return None };
                let n = nouns.len();
                let ends_with = eb - ea >= n
                    && (0..n).all(|k| word(doc, eb - n + k).eq_ignore_ascii_case(&nouns[k]));
                let followed = eb + n <= a
                    && (0..n).all(|k| word(doc, eb + k).eq_ignore_ascii_case(&nouns[k]));
                (ends_with || followed).then(|| name.clone())
            })
    }
}

/// A subject pronoun with "will" or "would" contracted onto it ("he'll", "she’d"): the
/// pronoun.
fn contracted_pronoun(lower: &str) -> Option<&str> {
    let stem = ["'ll", "’ll", "'d", "’d"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))?;
    claimtrail_lexicon::pronoun(stem)
        .is_some_and(|p| p.subject)
        .then_some(stem)
}

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
