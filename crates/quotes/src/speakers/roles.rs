//! Roles held for someone ("a White House spokesman", "her lawyer") and people described by
//! their ties ("a party member", "a friend of Jo Roe"): who holds the role, or the role kept.

use claimtrail_lexicon::{with_lowercase as lc, Gender};
use claimtrail_text::{Doc, EntityKind, TokenKind};

use crate::word_classes::{is_article, is_org_head, is_role_noun, is_title, role_gender, role_key};

use super::name_runs::{join, role_words};
use super::noun_classes::is_group_noun;
use super::{is_cap, word, EntityRef, People, Speaker};

impl People {
    /// A role held for someone: "a White House spokesman", "a spokeswoman for the Pentagon"
    /// (an organisation's), "his lawyer", "Roe's spokesman" (a person's). A spokesperson the
    /// article does not name speaks for the organisation, which is the speaker (the role
    /// kept); a person's role is its holder when the article names one for that person (or
    /// one person only holds it), else it is described with the person's full name
    /// ("spokesman for Jo Roe"), as the dev ledger names such speakers. An indefinite phrase
    /// ("a spokesman for …") brings in someone new: never a holder named before.
    pub(super) fn held_for(
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

    /// "the author", "the lead researcher" (`a..b`), held by no one the document names with
    /// that role: the person mentioned last before it, not long before, whose gender agrees.
    /// Not a title ("the president" is a holder's, or no one's), and not a role the passage
    /// already used for someone unnamed ("met the lawyer. The lawyer said").
    pub(super) fn role_in_play(&self, doc: &Doc, a: usize, b: usize) -> Option<Speaker> {
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
        // "Ann Reed, an engineer, … The doctor said": a person the article gave another trade
        // is not the one the role names.
        let key = role_key(&head);
        let other_trade = self.persons[id].role.as_deref().is_some_and(|r| {
            let trades: Vec<String> = r
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .map(str::to_lowercase)
                .filter(|w| is_role_noun(w) && !is_title(w))
                .collect();
            !trades.is_empty() && trades.iter().all(|w| role_key(w) != key)
        });
        if other_trade {
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
    pub(super) fn holder_of(&self, doc: &Doc, head: usize, b: usize) -> Option<usize> {
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

    pub(super) fn role_holder(&self, doc: &Doc, a: usize, b: usize) -> Option<usize> {
        let words: Vec<String> = (a..b).map(|i| word(doc, i).to_lowercase()).collect();
        let key = words.iter().rev().find(|w| is_role_noun(w))?;
        let key = role_key(key);
        // Capitalised words, and lower-case words before the role noun ("the interior
        // secretary" after "the commerce secretary, Jo Roe, and the interior secretary, Al
        // Poe"), tell holders of one role apart.
        let key_at = (a..b).rev().find(|&i| is_role_noun(&words[i - a]))?;
        let modifiers: Vec<&String> = words
            .iter()
            .zip(a..b)
            .filter(|(w, i)| {
                is_cap(doc, *i)
                    || *i < key_at
                        && doc.tokens[*i].kind == TokenKind::Word
                        && !is_article(w)
                        && !matches!(w.as_str(), "of" | "for" | "and" | "to" | "in")
            })
            .map(|(w, _)| w)
            .collect();
        // The people named before the phrase, by id: "the District Attorney said" is the one
        // the story has introduced, not a deputy it names further on.
        let upto = self.mentions.partition_point(|&(t, _)| t < a);
        let mut best: Option<(usize, usize)> = None;
        // Two people the phrase fits equally well ("Sheriff Jo Roe" and "Sheriff Al Poe"):
        // the role names neither.
        let mut tied = false;
        for (id, p) in self.persons.iter().enumerate() {
            let Some(role) = &p.role else { continue };
            let rl = role.to_lowercase();
            let rw: Vec<&str> = rl.split_whitespace().collect();
            if !rw.iter().any(|w| role_key(w) == key) {
                continue;
            }
            // "Deputy District Attorney" is not "the District Attorney": a rank the phrase
            // does not give counts against the holder.
            let ranked = rw
                .iter()
                .any(|w| is_rank_word(w) && !words.iter().any(|m| m == w));
            let earlier = self.mentions[..upto].iter().any(|&(_, m)| m == id);
            let score = 1
                + modifiers
                    .iter()
                    .filter(|m| rw.contains(&m.as_str()))
                    .count()
                + if ranked { 0 } else { 10 }
                + if earlier { 20 } else { 0 };
            match best {
                // "Jo Roe" and "Jo A. Roe" are one person named two ways.
                Some((s, other)) if score == s => {
                    let last = |n: &str| n.split_whitespace().last().map(str::to_string);
                    tied |= last(&self.persons[other].name) != last(&p.name);
                }
                Some((s, _)) if score < s => {}
                _ => {
                    best = Some((score, id));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied).map(|(_, id)| id)
    }
}

/// A person described by an organisation or a person they are tied to ("a party member", "a
/// friend of Jo Roe"): unnamed, the phrase kept as their role.
pub(super) fn affiliate(doc: &Doc, a: usize, b: usize, mut sp: Speaker) -> Speaker {
    sp.kind = Some(EntityKind::Person);
    sp.role = role_words(doc, a, b);
    sp
}

/// The phrase `a..b` is a person tied to the organisation at `ea..eb`: an affiliate noun after
/// the name ("a party member") or before a preposition leading to it ("a friend at Lehigh").
pub(super) fn affiliate_of(doc: &Doc, a: usize, ea: usize, eb: usize, b: usize) -> bool {
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

/// Prepositions whose complement a role noun takes ("lawyer for", "adviser to", "head of").
/// A word that ranks a role below or beside its holder ("Deputy District Attorney",
/// "assistant coach", "vice president"): a different office than the bare role.
fn is_rank_word(lower: &str) -> bool {
    matches!(
        lower,
        "deputy" | "assistant" | "associate" | "vice" | "acting" | "interim" | "former" | "ex"
    )
}

fn is_role_preposition(lower: &str) -> bool {
    matches!(lower, "for" | "of" | "to" | "in" | "at")
}

/// The head of a subject phrase `a..b` that is a role noun with a complement ("lawyers for
/// Maria Lopez", "a senior adviser to the mayor", "prosecutors in two states"): a person's
/// role or a group of people (singular or plural), lower-case unless it opens the phrase,
/// with only lower-case modifiers before it. An affiliate ("a member of the party") and an
/// organisation ("the Department of Conservation") are read elsewhere.
pub(super) fn role_with_complement(doc: &Doc, a: usize, b: usize) -> Option<usize> {
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
