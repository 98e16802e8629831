//! Which earlier speaker or person a pronoun, bare surname or renamed subject points back to,
//! with gender agreement and sentence-level focus.

use claimtrail_lexicon::{with_lowercase as lc, Gender};
use claimtrail_text::{Doc, EntityKind, TokenKind};

use crate::word_classes::{
    first_name_gender, given_name_gender, is_article, is_cue, is_org_head, is_title, pronoun_gender,
};

use super::noun_classes::is_leading_function_word;
use super::{is_cap, word, EntityRef, People, Speaker};

impl People {
    /// "he"/"she": the most recent compatible speaker, else the most recent compatible
    /// person mentioned outside quotes. A known gender beats an unknown one.
    pub(super) fn antecedent(
        &self,
        doc: &Doc,
        g: Gender,
        at: usize,
        history: &[Speaker],
    ) -> Option<Speaker> {
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
            // "The Great Debate Debate opened …": a name after "the", of no known gender, is a
            // thing's (an event, a show), not a person's a pronoun could stand for.
            // (The capitalised run a mention starts at may hold the article.)
            let thing = |t: usize| {
                want == Gender::Unknown
                    && (word(doc, t).eq_ignore_ascii_case("the")
                        || t > 0 && word(doc, t - 1).eq_ignore_ascii_case("the"))
            };
            if let Some(&(_, id)) = self.mentions[..upto]
                .iter()
                .rev()
                .take(256)
                .find(|&&(t, id)| self.persons[id].gender == want && !thing(t))
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

    /// The person last mentioned (outside quotes) in tokens `from..to`, as a speaker.
    pub fn last_person_between(&self, doc: &Doc, from: usize, to: usize) -> Option<Speaker> {
        let upto = self.mentions.partition_point(|&(t, _)| t < to);
        let &(t, id) = self.mentions[..upto].last().filter(|&&(t, _)| t >= from)?;
        let mut sp = self.person_speaker(id, t);
        sp.kind = Some(EntityKind::Person);
        sp.mention = word(doc, t).to_string();
        Some(sp)
    }

    /// The person a paragraph opens with as its subject, introduced with an apposition: named
    /// at its first token `at` (or after one title or role word) and followed by a comma.
    pub fn person_opening(&self, doc: &Doc, at: usize, to: usize) -> Option<Speaker> {
        let from = self.mentions.partition_point(|&(t, _)| t < at);
        let &(t, id) = self
            .mentions
            .get(from)
            .filter(|&&(t, _)| t < to && t <= at + 1)?;
        let mut e = t;
        while e < to && e - t < 5 && doc.tokens[e].kind == claimtrail_text::TokenKind::Word {
            let w = word(doc, e);
            if !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            e += 1;
        }
        // Introduced with an apposition ("Jo Roe, director of the center, …"): a person
        // brought in, not one spoken about ("Roe was arrested …", "Roe's plan …").
        if e >= to || word(doc, e) != "," {
            return None;
        }
        let mut sp = self.person_speaker(id, t);
        sp.kind = Some(EntityKind::Person);
        sp.mention = word(doc, t).to_string();
        Some(sp)
    }

    /// The one person of gender `g` (or of none known) named earlier in the sentence of token
    /// `at`, outside quotes; none when two such people are named there (ambiguous).
    pub(super) fn same_sentence_person(&self, doc: &Doc, g: Gender, at: usize) -> Option<Speaker> {
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

    pub(super) fn person_speaker(&self, id: usize, at: usize) -> Speaker {
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
    pub(super) fn recent_org(
        &self,
        history: &[Speaker],
        at: usize,
    ) -> Option<(String, Option<EntityKind>)> {
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
}
