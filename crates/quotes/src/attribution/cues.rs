//! One cue and the parts around it: the subject, the reported clause or quoted span, nested
//! speech, possessed statements, passives, findings and "according to".

use claimtrail_text::{EntityKind, QuoteKind, TokenKind};

use crate::cue_parts::{
    about_speaker, aside_content, clause_subject, content_after, content_before, extent_start,
    has_own_object, is_determiner, label_use, noun_use, opens_relative_clause, quote_after,
    quote_before, subject_after, subject_before, trim, valid_subject, MAX_CONTENT, MAX_SUBJECT,
};
use crate::marks::starts_paragraph;
use crate::passive::{agent_after, first_person, passive_aux};
use crate::speakers::{is_group_noun, Speaker};
use crate::word_classes::{
    is_addressee_cue, is_aux_or_adverb, is_boundary, is_cue, is_finding_noun, is_name_particle,
    is_participle, is_role_noun, is_speech_noun, is_stance, is_that_cue, is_weak_cue,
    pronoun_gender,
};

use super::frames::{
    as_frame, continued_clause, document_opening, plural_subject_before, puts_it, relative_gap,
    second_verb, split_by_relative, stance_frame, subject_aside, that_after_aside,
    time_adjunct_then_that,
};
use super::paragraphs::channel_only;
use super::{Sentence, Walk};

impl<'d, 'a> Walk<'d, 'a> {
    /// The attribution a cue at token `c` makes, if it is one; returns the token to go on from.
    pub(super) fn at(&mut self, s: &mut Sentence, c: usize) -> usize {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        // The token lower-cased, read once for the tests below that every token goes through.
        let lc = cx.l(c);
        if let Some(end) = s.nested.as_ref().map(|n| n.1).filter(|&end| c >= end) {
            s.covered = s.covered.max(end);
            s.nested = None;
        }
        // "Netanyahu’s declaration that …": a speech noun with its speaker as possessor.
        if c + 1 < hi
            && c >= s.covered
            && !cx.quoted(c)
            // The noun first: few tokens are one, and the time phrase is a walk (all pure tests).
            && is_speech_noun(lc)
            && (cx.l(c + 1) == "that" || time_adjunct_then_that(cx, c + 1, hi))
            // "Officials claim that …": after a plural subject the word is the verb.
            && !(c > lo && plural_subject_before(cx, lo, c))
        {
            self.possessed_statement(s, c);
            return c + 1;
        }
        // "in the wake of accusations (apparently justified) that …": a charge made by people
        // the article does not name.
        if c + 1 < hi
            && c >= s.covered
            && s.nested.is_none()
            && !cx.quoted(c)
            && matches!(lc, "accusations" | "allegations")
        {
            if let Some(that) = that_after_aside(cx, c + 1, hi) {
                if let Some((x, y)) = trim(cx, that + 1, hi.min(that + 1 + MAX_CONTENT)) {
                    let cue = cx.w(c).to_string();
                    self.push_content(x, y, &Speaker::default(), &cue);
                    s.covered = s.covered.max(y);
                    return y.max(c + 1);
                }
            }
        }
        // "…, as reported by MarketScreener.", "As detailed in a Reuters report, …": the frame
        // names its source as "according to" does.
        if let Some(source) = as_reported(cx, s, c) {
            let cue = cx.w(c).to_string();
            if let Some(next) = self.according_to(s, c - 1, source, &cue) {
                s.last = Some(next);
            }
            return c + 1;
        }
        // "Per the 2025 Retail Index, …" / "…, per the Labor Department.": "per" before a
        // name is "according to".
        if lc == "per" && per_source(cx, s, c) {
            if let Some(next) = self.according_to(s, c, c + 1, "per") {
                s.last = Some(next);
            }
            return c + 1;
        }
        // Cheap rejections first: this runs for every token of the document (whether a
        // capital is a time word is asked only of the few cue words).
        if cx.quoted(c)
            || c < s.covered
            || cx.doc.tokens[c].kind != TokenKind::Word
            || !is_cue(lc) && !puts_it(cx, c, hi)
            || c > lo && cx.is_cap(c)
            // "CHARGED WITH MURDER: …": a cue word in capitals is a label's.
            || cx.w(c).len() > 1 && cx.w(c).chars().all(|ch| ch.is_ascii_uppercase())
            || noun_use(cx, c, hi)
            || label_use(cx, lo, c, hi)
        {
            return c + 1;
        }
        // "devices are added to the smart home": "add" as a passive puts things somewhere; it
        // reports nothing.
        if cx.l(c) == "added"
            && c > lo
            && matches!(
                cx.l(c - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        {
            return c + 1;
        }
        // "the defense was denied a key witness", "he was denied bail": a passive "denied"
        // with an object withholds something; it reports nothing ("was denied by the firm"
        // still reports, through its agent).
        if cx.l(c) == "denied"
            && c > lo
            && matches!(cx.l(c - 1), "was" | "were" | "been" | "being" | "be")
            && c + 1 < hi
            && cx.is_word(c + 1)
            && !matches!(cx.l(c + 1), "by" | "that")
        {
            return c + 1;
        }
        // "the man accused of shooting …", "a driver who had been accused of stealing": the
        // charge against someone, with no accuser; it reports nothing ("Roe accused him of …"
        // has an object between, and an agent after "by" is read as the passive's below).
        if matches!(cx.l(c), "accused" | "accuses") && c + 1 < hi && cx.l(c + 1) == "of" {
            return c + 1;
        }
        // "The woman accused had just been escorted out": "accused" before an auxiliary is the
        // person charged, a noun's modifier; it reports nothing.
        if lc == "accused" && c + 1 < hi && claimtrail_lexicon::is_auxiliary(cx.l(c + 1)) {
            return c + 1;
        }
        // "would not say what led to the shooting", "declined to say how many", "did not
        // explain why": a question left unanswered reports nothing.
        if c + 1 < hi
            && matches!(
                cx.l(c + 1),
                "what" | "why" | "how" | "whether" | "which" | "who" | "where" | "when"
            )
            && unanswered(cx, lo, c)
        {
            return c + 1;
        }
        // "The school must respond to the allegations by July 26", "she should explain why":
        // an obligation to speak reports nothing yet.
        if c > lo && matches!(cx.l(c - 1), "must" | "should") {
            return c + 1;
        }
        // "When the hearing had concluded, …", "After Roe testified, …": a cue closing a
        // fronted clause of time or condition, right before its comma, reports nothing; the
        // main clause after the comma is the article's ("As Roe said, …" is a frame, below).
        if c + 1 < hi
            && cx.w(c + 1) == ","
            && c > lo + 1
            && matches!(
                cx.l(lo),
                "when" | "after" | "before" | "once" | "until" | "while" | "if" | "because"
            )
            && (lo + 1..c).all(|i| !matches!(cx.w(i), "," | ";" | ":") && cx.opens(i).is_none())
        {
            return c + 1;
        }
        // "Police responded to the crash …", "crews responded to a fire": "respond to" with an
        // object and no quotation in the sentence reacts; it reports nothing. Not so what one
        // answers ("did not respond to requests for comment", "responded to the criticism").
        if matches!(cx.l(c), "respond" | "responds" | "responded" | "responding")
            && c + 1 < hi
            && cx.l(c + 1) == "to"
            && (c + 1..hi).all(|i| cx.opens(i).is_none() && cx.w(i) != ":")
            && !(c + 2..hi.min(c + 6)).any(|i| is_message_noun(cx.l(i)))
        {
            return c + 1;
        }
        // "My testing showed that …", "I've found that …", "we noted how …": the writer's own
        // findings in a review are the article's prose, not a quotation.
        if writers_finding(cx, lo, c) {
            return c + 1;
        }
        // "put it" reports only in the "as X puts it," frame below.
        if puts_it(cx, c, hi) && (s.nested.is_some() || as_frame(cx, lo, c, hi).is_none()) {
            return c + 1;
        }
        if cx.l(c) == "according" {
            if c + 1 < hi && s.nested.is_none() && cx.l(c + 1) == "to" {
                if let Some(next) = self.according_to(s, c, c + 2, "according to") {
                    s.last = Some(next);
                }
            }
            return c + 1;
        }
        // "was criticized by the administration for …", "we’re told …": the passive subject
        // is spoken about; the agent, or the reporter's sources, speak.
        if s.nested.is_none() && c >= s.covered {
            if let Some(next) = self.passive(s, c) {
                return next;
            }
        }
        let cx = &self.cx;
        // "But, as the committee has pointed out, it would …": the frame reports the clause
        // after its comma, whatever the verb.
        if let Some((a, b, comma)) = as_frame(cx, lo, c, hi).filter(|_| s.nested.is_none()) {
            let speaker = self.people.resolve(cx.doc, a, b, &self.history);
            let cx = &self.cx;
            if let (Some(_), Some((x, y))) = (
                speaker.name.as_ref(),
                trim(cx, comma + 1, hi.min(comma + 1 + MAX_CONTENT)),
            ) {
                let cue = cx.w(c).to_string();
                self.remember(&speaker);
                s.last = Some(speaker.clone());
                self.push_content(x, y, &speaker, &cue);
                s.covered = s.covered.max(y);
                return y.max(c + 1);
            }
            return c + 1;
        }
        // "The study found that …": such verbs report only with a that-clause close by. An
        // object opening with a determiner makes its "that" a relative pronoun ("shared a
        // column that claimed …"), unless the verb takes its addressee there ("told the
        // court that …").
        let object = c + 1 < hi && is_determiner(cx.l(c + 1)) && !is_addressee_cue(cx.l(c));
        let that_soon = || {
            !object
                && (c + 1..hi.min(c + 5))
                    .take_while(|&i| !cx.is_stop(i) && !cx.quoted(i))
                    .any(|i| cx.l(i) == "that")
        };
        // "The council is concerned the laws would …": an adjective of stance reports the
        // clause after it only as the predicate of its subject ("the people concerned", "is
        // concerned about costs" report nothing).
        let stance = is_stance(cx.l(c)) && stance_frame(cx, lo, c, hi);
        // "The research found:" closing its paragraph: the findings follow as a list of
        // paragraphs (`listed_after`), in place of the that-clause.
        let listing =
            c + 2 < cx.doc.tokens.len() && cx.w(c + 1) == ":" && starts_paragraph(cx.doc, c + 2);
        // "Studies show frozen fruit can be as nutritious …": research's "show" reports a
        // clause without "that" when a finite verb follows in it ("research shows promise",
        // "studies show us how" report nothing).
        let bare_finding = || {
            matches!(cx.l(c), "show" | "shows" | "showed")
                && !object
                && study_subject(cx, lo, c)
                && c + 1 < hi
                && !matches!(
                    cx.l(c + 1),
                    "us" | "them" | "you" | "him" | "her" | "me" | "how"
                )
                && (c + 2..hi.min(c + 30))
                    .take_while(|&i| {
                        !cx.is_stop(i)
                            && !cx.quoted(i)
                            && !matches!(cx.l(i), "which" | "who" | "that" | ":")
                    })
                    .any(|i| is_finite_aux(cx.l(i)))
        };
        // "Dr. Roe recommends eating them in moderation": advice given as a gerund clause.
        let advice = matches!(cx.l(c), "recommend" | "recommends" | "advise" | "advises")
            && c + 1 < hi
            && cx.l(c + 1).len() > 4
            && cx.l(c + 1).ends_with("ing")
            && !cx.is_cap(c + 1)
            && !cx.l(c + 1).ends_with("thing")
            // "recommend energy-saving measures": a compound adjective before its noun is no
            // gerund clause.
            && !cx.l(c + 1).contains('-');
        if is_stance(cx.l(c)) && !stance && !(is_that_cue(cx.l(c)) && that_soon())
            || is_that_cue(cx.l(c))
                && !stance
                && !that_soon()
                && !listing
                && !bare_finding()
                && !advice
        {
            return c + 1;
        }
        let cue = cx.w(c).to_string();
        // The subject: before the cue, after it when inverted, or the last speaker.
        let mut ext = (c, c + 1);
        let participle = is_participle(cx.l(c));
        let before = if participle {
            None
        } else {
            subject_before(cx, lo, c)
        };
        self.take_back(s, c);
        let cx = &self.cx;
        if let Some((from, end, outer)) = s.nested.take() {
            self.nested(c, before.filter(|&(a, _)| a >= from), hi, &outer);
            s.nested = Some((from, end, outer));
            return c + 1;
        }
        let (people, history) = (&self.people, &self.history);
        let named_first = before.and_then(|(a, b)| name_before_role(cx, lo, a, b));
        let before = named_first.or(before);
        let speaker = match before {
            Some((a, b)) if named_first.is_some() || valid_subject(cx, a, b, c) => {
                ext.0 = extent_start(cx, lo, a, b);
                let mut sp = people.resolve(cx.doc, a, b, history);
                // "In the 2025 Retail Survey, 42% of shoppers said …": a share of respondents
                // speaks for the survey named just before it.
                if sp.name.is_none() && respondents(cx, a, b) {
                    if let Some(survey) = survey_before(cx, a) {
                        sp.name = Some(survey);
                        sp.kind = None;
                    }
                }
                // "Lee, who declared", "the department which reported": the surface subject
                // is the relative pronoun.
                if b < c && cx.l(b) == "," && (b + 1..c).any(|i| cx.l(i) == "who") {
                    sp.mention = "who".to_string();
                } else if b < c
                    && matches!(cx.l(b), "who" | "which" | "that")
                    && (b + 1..c).all(|i| is_aux_or_adverb(cx.l(i)))
                {
                    sp.mention = cx.l(b).to_string();
                }
                Some(sp)
            }
            Some(_) => None,
            // "…, suggesting they are …": a participle takes no inverted subject; a pronoun
            // after it opens the reported clause.
            None => match subject_after(cx, lo, c, hi).filter(|_| !participle) {
                Some((a, b)) => {
                    // "…, said a member who supports her, asking …": the relative clause
                    // belongs to the attribution, not to what is reported next.
                    ext.1 = if b < hi && opens_relative_clause(cx, b) {
                        (b..hi)
                            .find(|&i| !cx.is_word(i) || cx.quoted(i))
                            .unwrap_or(hi)
                    } else {
                        b
                    };
                    Some(people.resolve(cx.doc, a, b, history))
                }
                // "“…,” the Daily News quoted witness Jo Roe as saying.": the person quoted
                // speaks; the outlet only passes the words on.
                None if participle && quoted_as(cx, lo, c).is_some() => {
                    quoted_as(cx, lo, c).map(|(outlet, a, b)| {
                        // The attribution opens at the outlet's phrase, right after the
                        // quotation it closes.
                        ext.0 = outlet;
                        people.resolve(cx.doc, a, b, history)
                    })
                }
                None if participle => s.last.clone().or_else(|| {
                    clause_subject(cx, lo, c).map(|(a, b)| people.resolve(cx.doc, a, b, history))
                }),
                // "… were legitimate, but insisted that …": a second verb of the same speaker,
                // or of the sentence's subject ("Jo Roe condemned the attack and said …").
                // "… and later said", "… but went on to say": an adverb or "went on to" between.
                // The subject may be a pronoun ("Eight years ago, he backed Obama and said").
                None if second_verb(cx, lo, c).is_some() => {
                    let k = second_verb(cx, lo, c).unwrap_or(c);
                    s.last.clone().or_else(|| {
                        clause_subject(cx, lo, k)
                            .filter(|&(a, b)| {
                                // "Not only is …": an adverb opening the sentence is no name.
                                (a..b).any(|i| cx.is_cap(i) && !is_aux_or_adverb(cx.l(i)))
                                    || b == a + 1 && matches!(cx.l(a), "he" | "she")
                            })
                            .or_else(|| document_opening(cx, lo, k))
                            .map(|(a, b)| people.resolve(cx.doc, a, b, history))
                    })
                }
                None => None,
            },
        };
        let Some(speaker) = speaker else {
            return c + 1;
        };
        // "As Mashable reports, the company announced that …": the clause names its own
        // speaker; the opening attribution is only the channel.
        if channel_only(cx, lo, ext.0, c, hi) {
            return c + 1;
        }
        self.remember(&speaker);
        s.last = Some(speaker.clone());
        let cx = &self.cx;
        let mut claimed = false;
        // "…," Kirby said — a quote closing just before the attribution.
        let tail = (ext.1..hi.min(ext.1 + 16))
            .filter(|&i| cx.is_word(i))
            .count();
        // A quotation already inside another cue's reported clause ("Trump claimed that “…,”
        // one of the prosecutors said …") is no quote of this one.
        let inside_earlier = |m: usize| {
            self.consumed[m].is_some()
                && cx.marks[m].open_tok >= lo
                && cx.marks[m].last_tok <= s.covered
        };
        if let Some(m) = quote_before(cx, ext.0, tail).filter(|&m| !inside_earlier(m)) {
            // "But it’s also an assurance “that people are watching,” he said.": a quotation
            // opening inside its sentence's clause makes the clause a mixed quote.
            let from = s.covered.max(lo);
            let mk = cx.marks[m];
            let lead = (from..mk.open_tok).filter(|&i| cx.is_word(i)).count();
            let introduced = mk.open_tok > lo
                && (matches!(cx.w(mk.open_tok - 1), ":" | "," | "—" | "–" | "-")
                    || cx.quoted(mk.open_tok - 1))
                && !continued_clause(cx, from, mk.open_tok, mk.start);
            match mk.close_tok {
                Some(close) if lead >= 3 && !introduced && self.assigned[m].is_none() => {
                    self.push_content(from, close + 1, &speaker, &cue);
                }
                _ => {
                    self.claim(m, &speaker, &cue);
                    // The first half of a quotation a relative clause split is the same
                    // speaker's.
                    if let Some(f) = split_by_relative(&self.cx, m) {
                        if self.consumed[f].is_none() {
                            self.claim(f, &speaker, &cue);
                        }
                    }
                }
            }
            claimed = true;
        }
        let cx = &self.cx;
        // Kirby said, "…" — and the second half of "…," he said, "…".
        if let Some(m) = quote_after(cx, ext.1, hi, claimed) {
            s.covered = s.covered.max(cx.marks[m].last_tok);
            self.claim(m, &speaker, &cue);
            claimed = true;
        }
        if claimed {
            s.covered = s.covered.max(ext.1);
            return ext.1.max(c + 1);
        }
        // "Obama also said:" at the end of its paragraph introduces a list, not a clause.
        if self.listed_after(ext.1, &speaker, &cue) {
            s.covered = s.covered.max(ext.1);
            return ext.1.max(c + 1);
        }
        // Reported speech: the clause after the cue, or the clause the attribution closes.
        let cx = &self.cx;
        // "…, said Jo Roe, who runs the lab": after an inverted subject, a clause about the
        // speaker is no content of theirs.
        let inverted = ext.1 > c + 1;
        // "The plan, economists say, will fail": an attribution set off by commas.
        let attribution = (ext.0, if inverted { ext.1 } else { c + 1 });
        if !participle {
            if let Some((a, b)) = aside_content(cx, s.covered, c, attribution, hi) {
                self.push_content(a, b, &speaker, &cue);
                s.covered = s.covered.max(b).max(ext.1);
                return ext.1.max(c + 1);
            }
        }
        // "Prime, which Jeff Bezos said last year had surpassed 100 million members": the
        // cue's clause has its subject moved out as the relative pronoun; it reports the verb
        // phrase after the cue.
        if let Some((a, b)) = relative_gap(cx, lo, ext.0, c, hi).filter(|_| !inverted) {
            self.push_content(a, b, &speaker, &cue);
            s.covered = s.covered.max(b);
            return b.max(c + 1);
        }
        // "The approach works, said Jo Roe, Facebook's director.": an inverted attribution
        // after a comma closes the clause before it; what follows the name describes them.
        // ("The plan, say economists, marks …" goes on with a lower-case verb instead.)
        let closes_clause = c > lo
            && cx.w(c - 1) == ","
            && ext.1 + 1 < hi
            && cx.w(ext.1) == ","
            && (cx.is_cap(ext.1 + 1) || cx.doc.tokens[ext.1 + 1].kind == TokenKind::Number);
        let after = if inverted && (about_speaker(cx, ext.1, hi) || closes_clause) {
            None
        } else {
            content_after(cx, c, ext.1, hi)
        };
        // "…, asking if there were …" reports a question; "by asking Congress to charge …" is
        // a request, no statement.
        let after = after.filter(|&(a, _)| {
            cx.l(c) != "asking"
                || matches!(
                    cx.l(a),
                    "if" | "whether" | "why" | "how" | "what" | "who" | "when" | "where"
                )
        });
        let reported = after.is_some();
        // "Secret Service protocol called for …, sources said.": an attribution closing its
        // sentence after the clause's comma reports the whole clause, even when a cue inside
        // the clause ("called for", "has added") reported a part of it first.
        let closes_sentence = ext.1 < hi && cx.is_stop(ext.1) && ext.1 + 1 >= hi;
        let from = if closes_sentence
            && s.covered > lo
            && ext.0 > lo
            && s.covered < ext.0
            && (lo..ext.0).all(|i| !cx.quoted(i))
            // Not past another trailing attribution ("…, KING-TV reported, while …").
            && !(lo..ext.0).any(|i| is_cue(cx.l(i)) && cx.w(i + 1) == ",")
        {
            lo
        } else {
            s.covered
        };
        let before = || {
            content_before(cx, from, ext.0, ext.1, hi)
                .filter(|_| inverted || !has_own_object(cx, c, hi))
        };
        if let Some((a, b)) = after.or_else(before) {
            self.push_content(a, b, &speaker, &cue);
            if a >= ext.1 && reported {
                s.nested = Some((a, b, speaker.clone()));
            } else if a >= ext.1 {
                s.covered = s.covered.max(b);
            }
        }
        s.covered = s.covered.max(ext.1);
        ext.1.max(c + 1)
    }

    /// "Many people report X, but “…” in Y, says Roe": a quotation opening a clause of its own
    /// after ", but", closed by the attribution at cue `c`, is that speaker's, not part of the
    /// earlier cue's reported clause, which ends before the conjunction.
    fn take_back(&mut self, s: &mut Sentence, c: usize) {
        let cx = &self.cx;
        // Back from the cue over a few words of the clause ("… in healthy people, says Roe")
        // to the quotation's closing mark.
        let mut j = c;
        while j > s.lo && c - j < 10 && !cx.quoted(j - 1) && !cx.is_stop(j - 1) {
            j -= 1;
        }
        if j == s.lo {
            return;
        }
        let Some(m) = cx.closes(j - 1).filter(|&m| self.consumed[m].is_some()) else {
            return;
        };
        let mk = cx.marks[m];
        let open = mk.open_tok;
        let said = cx.doc.text[mk.start..mk.end].trim_end();
        // The attribution is set off by a comma, inside the marks or after the words.
        let set_off = said.ends_with(',') || (j..c).any(|i| cx.w(i) == ",");
        if !set_off
            || open < s.lo + 2
            || !matches!(cx.l(open - 1), "but" | "yet")
            || cx.w(open - 2) != ","
        {
            return;
        }
        if self.release(m, open - 2) {
            s.nested = None;
            s.covered = s.covered.max(open);
        }
    }

    /// A cue at `c` inside the reported clause of another (`outer`'s): with a subject of its
    /// own inside the clause (a name, or a pronoun; one agreeing with the outer speaker is the
    /// outer speaker) and a clause after it, that clause is nested speech of its own speaker.
    /// The outer speaker stays the one in play.
    pub(super) fn nested(
        &mut self,
        c: usize,
        subject: Option<(usize, usize)>,
        hi: usize,
        outer: &Speaker,
    ) {
        let cx = &self.cx;
        let Some((a, b)) = subject.filter(|&(a, b)| {
            let pronoun = b == a + 1 && pronoun_gender(cx.l(a)).is_some();
            // "reports seen by Reuters suggest": an agent after a preposition is no subject.
            let after_preposition = a > 0 && matches!(cx.l(a - 1), "by" | "to" | "from" | "with");
            valid_subject(cx, a, b, c)
                && !after_preposition
                && ((a..b).any(|i| cx.is_cap(i)) || pronoun)
        }) else {
            return;
        };
        // A verb in the past ("had told", "said"): the present forms inside a clause are as
        // often nouns ("Republican claims", "state Senate races"); "what it called" is no
        // speech of its own.
        let w = cx.l(c);
        let past = w.ends_with("ed") || matches!(w, "said" | "told" | "wrote" | "thought");
        let passive = matches!(
            cx.l(c - 1),
            "was" | "were" | "been" | "being" | "be" | "is" | "are"
        );
        if !past || passive || a > 0 && cx.l(a - 1) == "what" {
            return;
        }
        let Some((x, y)) = content_after(cx, c, c + 1, hi) else {
            return;
        };
        let speaker = match pronoun_gender(cx.l(a)).filter(|_| b == a + 1) {
            Some(g) if outer.name.is_some() && self.people.gender_of(outer) == g => outer.clone(),
            _ => self.people.resolve(cx.doc, a, b, &self.history),
        };
        if speaker.name.is_none() {
            return;
        }
        let cue = cx.w(c).to_string();
        self.push_content(x, y, &speaker, &cue);
    }

    /// "Netanyahu’s declaration that …", "de Miranda’s notion that …": the that-clause after
    /// the speech noun at `c` is the possessor's, when a name or a pronoun owns the noun.
    fn possessed_statement(&mut self, s: &mut Sentence, c: usize) {
        let cx = &self.cx;
        let lo = s.lo;
        if c < lo + 2 || !matches!(cx.w(c - 1), "'s" | "’s" | "his" | "her" | "their" | "its") {
            return;
        }
        let (a, b) = if matches!(cx.w(c - 1), "'s" | "’s") {
            let b = c - 1;
            let mut a = b;
            while a > lo && b - a < 5 && cx.is_cap(a - 1) && !cx.quoted(a - 1) {
                a -= 1;
            }
            // A lower-case name particle ("de Miranda’s").
            if a > lo && a < b && is_name_particle(cx.l(a - 1)) {
                a -= 1;
            }
            // A capitalised sentence opener is no part of the name ("But Netanyahu’s").
            while a < b && matches!(cx.l(a), "but" | "and" | "so" | "yet" | "or" | "the") {
                a += 1;
            }
            (a, b)
        } else {
            (c - 1, c)
        };
        if a == b {
            return;
        }
        let speaker = self.people.resolve(cx.doc, a, b, &self.history);
        if speaker.name.is_none() {
            return;
        }
        let Some((x, y)) = content_after(cx, c, c + 1, s.hi) else {
            return;
        };
        let cue = cx.w(c).to_string();
        self.push_content(x, y, &speaker, &cue);
        s.covered = s.covered.max(y);
    }

    /// "Obama also said:" closing its paragraph, then a list of short paragraphs without quote
    /// marks or cues of their own: each item is the speaker's reported speech.
    fn listed_after(&mut self, from: usize, speaker: &Speaker, cue: &str) -> bool {
        const ITEMS: usize = 8;
        const ITEM_TOKENS: usize = 60;
        let cx = &self.cx;
        let n = cx.doc.tokens.len();
        let mut j = from;
        while j < n && j - from <= 3 && cx.w(j) != ":" {
            j += 1;
        }
        if j + 1 >= n || cx.w(j) != ":" || !starts_paragraph(cx.doc, j + 1) {
            return false;
        }
        // "They might ask you to think about:", "told us to bring:": a request's infinitive
        // before the colon makes the list what is to be done or thought, not what was said.
        let request = matches!(
            cue.to_ascii_lowercase().as_str(),
            "ask" | "asks" | "asked" | "asking" | "tell" | "tells" | "told" | "telling"
        ) && (from..j).any(|i| cx.l(i) == "to");
        if request {
            return false;
        }
        let mut start = j + 1;
        let mut items = Vec::new();
        while start < n && items.len() < ITEMS {
            let mut end = start + 1;
            while end < n && !starts_paragraph(cx.doc, end) {
                end += 1;
            }
            // An item may hold a quoted word or phrase ("He would speak “bluntly” …"), which
            // makes it mixed; an item opening with a quotation is a quote of its own.
            let plain = end - start <= ITEM_TOKENS
                && !cx.quoted(start)
                && (start..end).all(|i| {
                    cx.quoted(i) || !is_cue(cx.l(i)) || cx.is_cap(i) || is_stance(cx.l(i))
                });
            if !plain {
                break;
            }
            if let Some(item) = trim(cx, start, end) {
                items.push(item);
            }
            start = end;
        }
        let listed = !items.is_empty();
        if let Some(&(_, b)) = items.last() {
            self.listed_end = self.listed_end.max(b);
        }
        for (a, b) in items {
            self.push_content(a, b, speaker, cue);
        }
        listed
    }

    /// "Among its key findings: the class you are born into matters more …", "Analysts
    /// offered a few theories:" then short paragraphs: a noun of findings right before a
    /// colon reports what follows it (the rest of the sentence, else the list of paragraphs
    /// after it), spoken by the noun's possessor or the sentence's subject. Quotations after
    /// such a colon are left to `loose`.
    pub(super) fn findings(&mut self, s: &Sentence) {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        let Some(k) = (lo + 1..hi).find(|&i| cx.w(i) == ":" && !cx.quoted(i)) else {
            return;
        };
        if s.covered > k || !is_finding_noun(cx.l(k - 1)) || k + 1 < hi && cx.quoted(k + 1) {
            return;
        }
        // The possessor close before the noun ("its key findings"), else the subject.
        let possessor = (k.saturating_sub(4).max(lo)..k - 1)
            .rev()
            .find(|&i| matches!(cx.l(i), "its" | "their" | "his" | "her"));
        let subject = match possessor {
            Some(p) => Some((p, p + 1)),
            None => clause_subject(cx, lo, k),
        };
        let Some((a, b)) = subject else { return };
        let speaker = self.people.resolve(cx.doc, a, b, &self.history);
        if speaker.name.is_none() {
            return;
        }
        let cue = cx.w(k - 1).to_string();
        if let Some((x, y)) = trim(cx, k + 1, hi) {
            self.remember(&speaker);
            self.push_content(x, y, &speaker, &cue);
        } else if k + 1 >= hi && self.listed_after(k, &speaker, &cue) {
            self.remember(&speaker);
        }
    }

    /// A passive cue at `c` (see `passive`): the agent's clause ("criticized by the
    /// administration for making …", "described as “heartbreaking” by the department", "told by
    /// police that …"), or after a first-person "we’re told" the clause after it, spoken by
    /// the speaker in play (the article's sources). Returns the token to go on from, or `None`
    /// when the cue is no passive attribution.
    fn passive(&mut self, s: &mut Sentence, c: usize) -> Option<usize> {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        let aux = passive_aux(cx, lo, c)?;
        let cue = cx.w(c).to_string();
        let from = s.covered.max(lo);
        if let Some((a, b)) = agent_after(cx, c, hi) {
            let speaker = self.people.resolve(cx.doc, a, b, &self.history);
            if speaker.name.is_none() {
                // An agent with no name to give ("by the crowd"): still a passive, whose
                // subject is spoken about, not speaking.
                return Some(c + 1);
            }
            let content = match cx.l(b.min(hi - 1)) {
                _ if b >= hi => None,
                "for" | "of" => trim(cx, b, hi.min(b + MAX_CONTENT)),
                "that" => trim(cx, b + 1, hi.min(b + 1 + MAX_CONTENT)),
                // The quoted description is the agent's, in the clause it describes.
                _ => None,
            }
            .or_else(|| {
                let described = (c + 1..a).any(|i| cx.quoted(i));
                (described && from < aux)
                    .then(|| trim(cx, from, b))
                    .flatten()
            });
            // A passive cue with its agent but no clause of theirs ("as it is called by the
            // Māori – …") names or describes: no report, and its subject is no speaker either.
            let Some((x, y)) = content else {
                return Some(c + 1);
            };
            self.remember(&speaker);
            s.last = Some(speaker.clone());
            self.push_content(x, y, &speaker, &cue);
            s.covered = s.covered.max(y).max(b);
            return Some(y.max(b).max(c + 1));
        }
        if cx.l(c) != "told" || !first_person(cx, lo, aux) {
            // A cue word common in other senses is one of them in the passive ("it is called
            // Aotearoa", "he was charged with"): its subject is spoken about, not speaking.
            // "It was reported that …" still reports.
            let clause = c + 1 < hi && cx.l(c + 1) == "that";
            // "Tex is believed to be seeking …", "she is said to have left": the subject is
            // spoken about, and the passive names no one who says it.
            let infinitive = c + 1 < hi && cx.l(c + 1) == "to";
            return ((is_weak_cue(cx.l(c)) || infinitive) && !clause).then_some(c + 1);
        }
        let st = if c + 1 < hi && cx.l(c + 1) == "that" {
            c + 2
        } else {
            c + 1
        };
        let (x, y) = trim(cx, st, hi.min(st + MAX_CONTENT))?;
        // The sources the article has in play, when they spoke shortly before.
        let speaker = s
            .last
            .clone()
            .or_else(|| {
                self.history
                    .last()
                    .filter(|h| c.saturating_sub(h.at) < 200)
                    .cloned()
            })
            .unwrap_or_default();
        self.push_content(x, y, &speaker, &cue);
        s.covered = s.covered.max(y);
        Some(y.max(c + 1))
    }

    /// "Union leaders called for a vote, according to the port authority": a reported clause
    /// opening the sentence and closing at the comma before "according to" (token `c`) is
    /// itself the source's report, besides its own speaker's. Only a clause with no quotation
    /// in it: a quotation keeps the one speaker who says it.
    fn reported_clause_before(&self, s: &Sentence, c: usize) -> Option<(usize, usize)> {
        let cx = &self.cx;
        let lo = s.lo;
        if c < lo + 4 || cx.w(c - 1) != "," || c - lo > MAX_CONTENT {
            return None;
        }
        let inner = self.found.last()?;
        let (first, last) = (&cx.doc.tokens[lo], &cx.doc.tokens[c - 2]);
        if inner.start <= first.start || inner.end != last.end || inner.kind != QuoteKind::Indirect
        {
            return None;
        }
        if (lo..c).any(|i| cx.quoted(i)) {
            return None;
        }
        trim(cx, lo, c - 1)
    }

    /// "According to Kirby, …" and "…, according to Kirby." — unless the clause is already
    /// attributed, when the source is only the channel ("Biden said, according to Reuters").
    ///
    /// `c` is the frame's first word ("according", or the "as" of "as reported by"), `a` the
    /// first word of the source's phrase, `cue` the cue's words.
    fn according_to(&mut self, s: &mut Sentence, c: usize, a: usize, cue: &str) -> Option<Speaker> {
        let cx = &self.cx;
        let (lo, hi) = (s.lo, s.hi);
        let mut b = a;
        while b < hi && b - a < MAX_SUBJECT && cx.is_word(b) && !cx.quoted(b) {
            // "the World Travel and Tourism Council": "and" between capitals is inside a name.
            let inner_and = cx.l(b) == "and" && cx.is_cap(b - 1) && b + 1 < hi && cx.is_cap(b + 1);
            // "according to the explanatory notes of …": a cue word after a lower-case word
            // of the phrase is its noun.
            // So is one right after a determiner or a year ("according to a report by …", "a
            // 2018 report").
            // So is one after a name its determiner opens ("in an Ars Technica report on …").
            let noun = is_cue(cx.l(b))
                && cx.is_word(b - 1)
                && (!cx.is_cap(b - 1) && (b > a + 1 || is_determiner(cx.l(b - 1)))
                    || cx.is_cap(b - 1) && b > a + 1 && is_determiner(cx.l(a)));
            // "according to a report by Amnesty International, …": the document's author or
            // place, a name after "by"/"from"/"at", belongs to the source.
            // After people ("the Democratic chairs from Jefferson"), the name is where they
            // are from, and the people speak.
            let people = {
                let head = claimtrail_lexicon::singular(cx.l(b - 1));
                is_role_noun(&head) || is_group_noun(cx.l(b - 1))
            };
            // A year between the determiner and the name is the name's ("data from the 2025
            // Index").
            let dated = |k: usize| {
                k + 1 < hi
                    && cx.w(k).len() == 4
                    && cx.w(k).bytes().all(|ch| ch.is_ascii_digit())
                    && cx.is_cap(k + 1)
            };
            let author = matches!(cx.l(b), "by" | "from" | "at")
                && !people
                && b + 1 < hi
                && (cx.is_cap(b + 1)
                    || is_determiner(cx.l(b + 1))
                        && b + 2 < hi
                        && (cx.is_cap(b + 2) || dated(b + 2)));
            if b > a
                && (is_boundary(cx.l(b)) && cx.l(b) != "of" && !inner_and && !author
                    || is_cue(cx.l(b)) && !noun)
            {
                break;
            }
            b += 1;
        }
        if b == a {
            return None;
        }
        // "According to data from over 66,000 responses in Acme's 2025 Survey, …": data drawn
        // from a named survey or report speak for it; the frame runs to its comma.
        let (mut a, mut b) = (a, b);
        let named_data = data_source(cx, c, a, b, hi).filter(|_| c == lo);
        if let Some((x, y, comma)) = named_data {
            (a, b) = (x, y);
            s.covered = s.covered.max(comma);
        }
        let mut speaker = self.people.resolve(cx.doc, a, b, &self.history);
        if named_data.is_some() {
            // The survey's whole name, as the article writes it: a document, no person.
            speaker.name =
                Some(cx.doc.text[cx.doc.tokens[a].start..cx.doc.tokens[b - 1].end].to_string());
            speaker.kind = None;
            speaker.role = None;
            speaker.person = None;
            speaker.gender = None;
        }
        // "according to the Dietary Guidelines for Americans": a title joined by "of", "for"
        // or "on" is the source's whole name, not the name after its last preposition (which
        // the fallback finder may even take for a person with the title as role).
        if let Some((title, tail)) = joined_title(cx, a, b) {
            if speaker.name.as_deref() == Some(tail.as_str()) {
                speaker.name = Some(title);
                speaker.kind = speaker.kind.filter(|&k| k == EntityKind::Org);
                speaker.role = None;
                speaker.person = None;
                speaker.gender = None;
            }
        }
        // "In the meantime, according to the memo, officials should …": after a short opening
        // phrase of time or manner set off by a comma, the frame reports the clause after it.
        let at_start = c == lo
            || !matches!(cx.w(c - 1), ",") && s.covered <= lo
            || s.covered <= lo && short_opener(cx, lo, c - 1) && clause_follows(cx, b, hi);
        // "“…,” according to Mr. Rhodes.": the quotation closing right before is the report.
        if c > lo {
            if let Some(m) = quote_before(cx, c, 0).filter(|&m| cx.marks[m].open_tok >= s.covered) {
                self.remember(&speaker);
                self.claim(m, &speaker, cue);
                s.covered = s.covered.max(b);
                return Some(speaker);
            }
        }
        let content = if at_start {
            let mut st = b;
            while st < hi && matches!(cx.w(st), ",") {
                st += 1;
            }
            // "According to the firm's chief economist, Jo Roe, prices …": the name set off
            // after a role is the source.
            if let Some(e) = named_after_role(cx, a, b, st, hi) {
                let named = self.people.resolve(cx.doc, st, e, &self.history);
                if named.name.is_some() {
                    speaker = named;
                    st = e + 1;
                }
            }
            let cx = &self.cx;
            trim(cx, st, hi.min(st + MAX_CONTENT))
        } else if let Some(whole) = subject_aside(cx, s, c, b) {
            Some(whole)
        } else if s.covered < c - 1 {
            trim(cx, s.covered.max(c.saturating_sub(MAX_CONTENT)), c - 1)
        } else {
            self.reported_clause_before(s, c)
        };
        let (x, y) = content?;
        self.remember(&speaker);
        self.push_content(x, y, &speaker, cue);
        s.covered = s.covered.max(y).max(b);
        Some(speaker)
    }
}

/// "… quoted witness Jo Roe as saying": the words between "quoted" and the "as" right before
/// the participle cue at `c`, when they hold a capitalised name; with the first word of the
/// phrase before "quoted" (the outlet's).
fn quoted_as(cx: &crate::cue_parts::Ctx, lo: usize, c: usize) -> Option<(usize, usize, usize)> {
    if c < lo + 3 || cx.l(c - 1) != "as" {
        return None;
    }
    let end = c - 1;
    let word = |i: usize| cx.is_word(i) && !cx.quoted(i);
    let k = (end.saturating_sub(MAX_SUBJECT).max(lo)..end)
        .rev()
        .take_while(|&i| word(i))
        .find(|&i| cx.l(i) == "quoted")?;
    // The person quoted is named before any prepositional phrase: in "quoted an official in
    // Kabul as saying" or "quoted the disaster center in the province of X" the name is a
    // place, and the one quoted is unnamed.
    let head_end = (k + 1..end)
        .find(|&i| {
            matches!(
                cx.l(i),
                "in" | "of" | "from" | "at" | "near" | "on" | "for" | "with"
            )
        })
        .unwrap_or(end);
    if k + 1 >= head_end || !(k + 1..head_end).any(|i| cx.is_cap(i)) {
        return None;
    }
    let outlet = (k.saturating_sub(MAX_SUBJECT).max(lo)..k)
        .rev()
        .take_while(|&i| word(i) && !is_cue(cx.l(i)))
        .last()
        .unwrap_or(k);
    Some((outlet, k + 1, end))
}

/// Most words of an opening phrase before an "according to" frame.
const OPENER_WORDS: usize = 4;

/// "In the meantime", "On Friday", "Meanwhile", "But": the words `lo..end` open the sentence
/// as a short phrase of time, place or manner (a preposition or a connective first, no
/// quotation, no cue), so the comma after them does not close a clause. Up to three such
/// pieces may follow one another, set off by commas ("Then, on September 10, 2010"): each opens
/// with such a word, or is a year or day number continuing a date.
fn short_opener(cx: &crate::cue_parts::Ctx, lo: usize, end: usize) -> bool {
    if end <= lo || end - lo > 3 * OPENER_WORDS {
        return false;
    }
    let mut pieces = 0;
    let mut start = lo;
    for i in lo..=end {
        if i < end && cx.w(i) != "," {
            continue;
        }
        let piece = start..i;
        let number = |k: usize| cx.w(k).bytes().all(|ch| ch.is_ascii_digit());
        let ok = !piece.is_empty()
            && piece.len() <= OPENER_WORDS
            && piece
                .clone()
                .all(|k| (cx.is_word(k) || number(k)) && !cx.quoted(k) && !is_cue(cx.l(k)))
            && (opener_word(cx.l(start)) || pieces > 0 && piece.len() == 1 && number(start));
        if !ok {
            return false;
        }
        pieces += 1;
        start = i + 1;
    }
    pieces <= 3
}

/// Words that open a short phrase of time, place or manner at a sentence's start.
fn opener_word(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "at"
            | "by"
            | "for"
            | "during"
            | "since"
            | "until"
            | "after"
            | "before"
            | "meanwhile"
            | "however"
            | "but"
            | "and"
            | "yet"
            | "still"
            | "now"
            | "so"
            | "also"
            | "instead"
            | "separately"
            | "previously"
            | "earlier"
            | "later"
            | "then"
    )
}

/// After the frame's source phrase ending at `b`, a comma and a clause of a few words.
fn clause_follows(cx: &crate::cue_parts::Ctx, b: usize, hi: usize) -> bool {
    b < hi && cx.w(b) == "," && (b + 1..hi.min(b + 5)).filter(|&i| cx.is_word(i)).count() >= 3
}

/// "“…,” Jo Roe, an assistant attorney general said.": a subject `a..b` that is an indefinite
/// role set off after a name that opens the clause (after the quotation or at the sentence's
/// start), with no comma before the verb; the name is the subject, the role its apposition.
fn name_before_role(
    cx: &crate::cue_parts::Ctx,
    lo: usize,
    a: usize,
    b: usize,
) -> Option<(usize, usize)> {
    // The subject's span may leave its article and modifiers out ("an assistant state |
    // attorney general").
    let a = (a.saturating_sub(4).max(lo)..=a)
        .rev()
        .take_while(|&k| k == a || cx.is_word(k) && !cx.is_cap(k))
        .find(|&k| matches!(cx.l(k), "a" | "an"))
        .unwrap_or(a);
    if !matches!(cx.l(a), "a" | "an") || a < lo + 3 || cx.w(a - 1) != "," || b <= a + 1 {
        return None;
    }
    if !is_role_noun(&claimtrail_lexicon::singular(cx.l(b - 1))) {
        return None;
    }
    let end = a - 1;
    let mut st = end;
    while st > lo && end - st < 4 && cx.is_cap(st - 1) && cx.is_word(st - 1) && !cx.quoted(st - 1) {
        st -= 1;
    }
    // Two words at least, opening the clause: the sentence's start or a closing mark before.
    let opens = st == lo || cx.closes(st - 1).is_some();
    (end - st >= 2 && opens && !is_determiner(cx.l(st))).then_some((st, end))
}

/// Most words between a data noun and the comma that closes an "according to data from …"
/// frame.
const DATA_FRAME_WORDS: usize = 20;

/// "According to data from over 66,000 responses in Acme's Nutrition in 2025 Survey, …": a
/// source phrase `a..b` whose head is a data noun, followed by "from"/"in"/"of" and, before the
/// frame's comma, a capitalised name ending in a document noun ("… Survey", "… Report", "…
/// Index"). Returns the name's tokens and the comma's.
fn data_source(
    cx: &crate::cue_parts::Ctx,
    c: usize,
    a: usize,
    b: usize,
    hi: usize,
) -> Option<(usize, usize, usize)> {
    if b <= a
        || c + 2 != a
        || !matches!(cx.l(b - 1), "data" | "figures" | "statistics" | "responses")
    {
        return None;
    }
    if !matches!(cx.l(b), "from" | "in" | "of") {
        return None;
    }
    let comma =
        (b + 1..hi.min(b + DATA_FRAME_WORDS)).find(|&k| matches!(cx.w(k), "," | "." | ";"))?;
    if cx.w(comma) != "," || cx.quoted(comma) {
        return None;
    }
    let head = comma - 1;
    if !cx.is_cap(head) || !(crate::speakers::is_document_noun(cx.l(head)) || cx.l(head) == "index")
    {
        return None;
    }
    // The name: capitalised words back from its head, a year or "of", "in", "&", "and" between
    // them; a possessive ends it ("Acme's … Survey": the owner is not the name).
    let year = |k: usize| cx.w(k).len() == 4 && cx.w(k).bytes().all(|ch| ch.is_ascii_digit());
    let mut st = head;
    while st > b + 1 {
        let k = st - 1;
        let joiner = matches!(cx.w(k), "of" | "in" | "&" | "and" | "for")
            && k > b + 1
            && (cx.is_cap(k - 1) || year(k - 1));
        if cx.is_cap(k) && !is_determiner(cx.l(k)) || year(k) || joiner {
            st = k;
        } else {
            break;
        }
    }
    while st < head && !cx.is_cap(st) {
        st += 1;
    }
    (st < head).then_some((st, head + 1, comma))
}

/// The end of a capitalised name at `st`, set off by commas after a source phrase `a..b` that
/// ends in a role noun ("according to Acme's chief economist, Jo Roe, …"); the name's end
/// (its closing comma) when so.
fn named_after_role(
    cx: &crate::cue_parts::Ctx,
    a: usize,
    b: usize,
    st: usize,
    hi: usize,
) -> Option<usize> {
    if b <= a || st <= b || cx.w(st - 1) != "," {
        return None;
    }
    let head = claimtrail_lexicon::singular(cx.l(b - 1));
    if !is_role_noun(&head) {
        return None;
    }
    let mut e = st;
    while e < hi && e - st < 6 && (cx.is_cap(e) || matches!(cx.w(e), "-" | ".")) {
        e += 1;
    }
    (e > st && e < hi && cx.w(e) == "," && cx.is_cap(st)).then_some(e)
}

/// A subject `a..b` that is a share of people ("42% of shoppers", "43% and 36%", "three out
/// of four consumers", "nearly half of all respondents"): a survey's respondents.
fn respondents(cx: &crate::cue_parts::Ctx, a: usize, b: usize) -> bool {
    let number = |i: usize| cx.doc.tokens[i].kind == TokenKind::Number;
    let last = cx.l(b - 1);
    let share_word = |w: &str| {
        matches!(
            w,
            "half"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "majority"
                | "three-quarters"
                | "two-thirds"
                | "one-third"
                | "one-quarter"
        )
    };
    // The share may stand before the phrase the subject finder kept ("42% of | consumers").
    let mut a = a;
    while a >= 2 && cx.l(a - 1) == "of" && b - a < 8 {
        let k = a - 2;
        if number(k) || share_word(cx.l(k)) || matches!(cx.w(k), "%" | "percent") {
            a = if matches!(cx.w(k), "%" | "percent") && k > 0 {
                k - 1
            } else {
                k
            };
        } else {
            break;
        }
    }
    let quantified = (a..b).any(|i| number(i) || share_word(cx.l(i)) || cx.w(i).ends_with('%'))
        || (a..b).any(|i| cx.l(i) == "out")
            && (a..b).any(|i| claimtrail_lexicon::number_word(cx.l(i)).is_some());
    let people = matches!(last, "%" | "percent")
        || last.ends_with('%')
        || is_group_noun(last)
        || matches!(
            last,
            "respondents" | "participants" | "consumers" | "users" | "adults" | "shoppers"
                | "customers" | "buyers" | "readers" | "viewers" | "employees" | "workers"
        )
        // "64% of commuters": any plural after a share.
        || last.ends_with('s') && !cx.is_cap(b - 1) && a < b && cx.l(a) != cx.l(b - 1);
    quantified && people
}

/// Tokens [`survey_before`] reads back for the survey in play.
const SURVEY_REACH: usize = 1500;

/// The survey, poll or index named last before token `at` ("In the 2025 Retail Survey, …", "The
/// Hydration Survey confirms this. 63% …"): its capitalised name, or its owner's name with the
/// word ("Acme survey data shows …" → "Acme survey", "a Forbes Advisor poll"). Nearest first,
/// within [`SURVEY_REACH`] tokens: the survey in play, as shares of respondents go on being
/// reported paragraphs after it is named.
fn survey_before(cx: &crate::cue_parts::Ctx, at: usize) -> Option<String> {
    let mut i = at;
    while i > 0 && at - i < SURVEY_REACH {
        i -= 1;
        if cx.quoted(i) || !cx.is_word(i) {
            continue;
        }
        if !matches!(
            cx.l(i),
            "survey" | "poll" | "index" | "census" | "barometer"
        ) {
            continue;
        }
        // "Acme survey data", "a Forbes Advisor survey": a lower-case survey word after its
        // owner's name.
        if !cx.is_cap(i) {
            // A sentence's first word is capitalised whatever it is ("Recent survey data").
            let plain_opener = matches!(
                cx.l(i - 1),
                "new"
                    | "recent"
                    | "latest"
                    | "another"
                    | "national"
                    | "annual"
                    | "online"
                    | "global"
                    | "separate"
                    | "earlier"
                    | "previous"
                    | "similar"
                    | "each"
                    | "one"
            );
            let owner = cx.is_cap(i - 1)
                && !is_determiner(cx.l(i - 1))
                && !cx.is_stop(i - 1)
                && !plain_opener;
            if !owner {
                continue;
            }
        }
        // The name: capitalised words, "&", "and" or "of" between them, a year.
        let mut a = i;
        while a > 0 {
            let k = a - 1;
            let year = cx.w(k).len() == 4 && cx.w(k).bytes().all(|ch| ch.is_ascii_digit());
            let joiner = matches!(cx.w(k), "&" | "and" | "of") && k > 0 && cx.is_cap(k - 1);
            if (cx.is_cap(k) && !is_determiner(cx.l(k)) && !cx.is_stop(k)) || year || joiner {
                a = k;
            } else {
                break;
            }
        }
        // A sentence's first word is capitalised whatever it is ("In the …"): no part of the name.
        while a < i && (is_determiner(cx.l(a)) || matches!(cx.l(a), "in" | "per" | "from" | "our"))
        {
            a += 1;
        }
        if a == i {
            // One word ("Survey") names nothing.
            continue;
        }
        return Some(cx.doc.text[cx.doc.tokens[a].start..cx.doc.tokens[i].end].to_string());
    }
    None
}

/// "per" at `c` opening its sentence or following a comma, before a name (after a determiner
/// and a year, maybe): an attribution, not a rate ("$5 per person", "per the contract's terms").
fn per_source(cx: &crate::cue_parts::Ctx, s: &Sentence, c: usize) -> bool {
    let (lo, hi) = (s.lo, s.hi);
    if cx.quoted(c) || c < s.covered || s.nested.is_some() || c + 2 >= hi {
        return false;
    }
    if !(c == lo || cx.w(c - 1) == ",") {
        return false;
    }
    let mut k = c + 1;
    if is_determiner(cx.l(k)) {
        k += 1;
    }
    if cx.w(k).len() == 4 && cx.w(k).bytes().all(|ch| ch.is_ascii_digit()) {
        k += 1;
    }
    // The name, then the comma that ends the frame (at the sentence's start) or the sentence.
    let name_end = (k..hi).take_while(|&i| cx.is_cap(i)).last();
    match name_end {
        Some(e) if c == lo => e + 1 < hi && cx.w(e + 1) == ",",
        Some(e) => e + 1 >= hi || cx.is_stop(e + 1),
        None => false,
    }
}

/// The title-case name ending the phrase `a..b` when it joins capitalised words with "of",
/// "for" or "on" ("Dietary Guidelines for Americans", "Report on Children"), with the words
/// after its last such preposition; none without one.
fn joined_title(cx: &crate::cue_parts::Ctx, a: usize, b: usize) -> Option<(String, String)> {
    if b <= a || !cx.is_cap(b - 1) {
        return None;
    }
    let text = |x: usize, y: usize| {
        cx.doc.text[cx.doc.tokens[x].start..cx.doc.tokens[y - 1].end].to_string()
    };
    let mut r = b - 1;
    let mut tail = None;
    loop {
        if r > a && cx.is_cap(r - 1) {
            r -= 1;
        } else if r >= a + 2 && matches!(cx.l(r - 1), "of" | "for" | "on") && cx.is_cap(r - 2) {
            tail.get_or_insert(r);
            r -= 2;
        } else {
            break;
        }
    }
    tail.map(|t| (text(r, b), text(t, b)))
}

/// "…, as reported by MarketScreener.", "As detailed in an Ars Technica report, …": a participle
/// of reporting at `c` after an "as" that opens the sentence or follows a comma, then "by" or
/// "in" and a source with a name or a document noun in it. Returns where the source starts.
fn as_reported(cx: &crate::cue_parts::Ctx, s: &Sentence, c: usize) -> Option<usize> {
    let (lo, hi) = (s.lo, s.hi);
    let frame = c > lo
        && c + 2 < hi
        && s.nested.is_none()
        && c >= s.covered
        && !cx.quoted(c)
        && cx.l(c - 1) == "as"
        && (c - 1 == lo || cx.w(c - 2) == ",")
        && matches!(cx.l(c + 1), "by" | "in")
        && matches!(
            cx.l(c),
            "reported"
                | "detailed"
                | "noted"
                | "described"
                | "highlighted"
                | "outlined"
                | "documented"
                | "stated"
                | "explained"
        );
    if !frame {
        return None;
    }
    let a = c + 2;
    let source = (a..hi.min(a + MAX_SUBJECT))
        .take_while(|&i| cx.is_word(i) && !cx.quoted(i))
        .any(|i| cx.is_cap(i) || crate::speakers::is_document_noun(cx.l(i)));
    source.then_some(a)
}

/// The subject right before cue `c` (past adverbs: "studies also show") is research itself.
/// Whether the finding verb at `c` ("found", "noted", "showed", "observed") has the writer as
/// its subject: "I" or "we" just before it (an auxiliary or adverb between: "I've also found"),
/// "my testing" / "our tests", or a sentence opening on "We" whose verb it joins ("We looked at
/// the survey and found that …").
fn writers_finding(cx: &crate::cue_parts::Ctx, lo: usize, c: usize) -> bool {
    if !matches!(cx.l(c), "found" | "noted" | "showed" | "observed") {
        return false;
    }
    let first = |w: &str| {
        matches!(
            w,
            "i" | "we" | "i've" | "we've" | "i’ve" | "we’ve" | "i'd" | "we'd" | "i’d" | "we’d"
        )
    };
    let mut k = c;
    while k > lo
        && (is_aux_or_adverb(cx.l(k - 1)) || matches!(cx.l(k - 1), "'ve" | "’ve" | "also"))
        && c - k < 4
    {
        k -= 1;
    }
    if k == lo {
        return false;
    }
    let w = cx.l(k - 1);
    if first(w) {
        return true;
    }
    if k - 1 > lo
        && matches!(cx.l(k - 2), "my" | "our")
        && matches!(
            w,
            "testing" | "tests" | "test" | "research" | "experience" | "data" | "analysis"
        )
    {
        return true;
    }
    w == "and" && first(cx.l(lo)) && !(lo..c).any(|i| cx.quoted(i) || cx.w(i) == ",")
}

fn study_subject(cx: &crate::cue_parts::Ctx, lo: usize, c: usize) -> bool {
    let mut k = c;
    while k > lo && is_aux_or_adverb(cx.l(k - 1)) {
        k -= 1;
    }
    k > lo
        && matches!(
            cx.l(k - 1),
            "studies"
                | "study"
                | "research"
                | "data"
                | "evidence"
                | "trials"
                | "surveys"
                | "experiments"
                | "analyses"
        )
}

/// Modals and forms of "be", "have", "do": a finite verb, so a clause.
/// The cue at `c` negated ("would not say", "didn't say", "never said") or refused
/// ("declined to say", "refused to disclose").
fn unanswered(cx: &crate::cue_parts::Ctx, lo: usize, c: usize) -> bool {
    if c <= lo {
        return false;
    }
    let p = cx.l(c - 1);
    let negated = matches!(p, "not" | "never" | "n't" | "n’t")
        || p.ends_with("n't")
        || p.ends_with("n’t")
        // "wouldn ’ t say", as tokenised text writes it.
        || p == "t" && c >= lo + 3 && matches!(cx.w(c - 2), "'" | "’") && cx.l(c - 3).ends_with('n');
    negated
        || p == "to"
            && c >= lo + 2
            && matches!(
                cx.l(c - 2),
                "declined" | "declines" | "declining" | "refused" | "refuses" | "refusing"
            )
}

fn is_finite_aux(lower: &str) -> bool {
    matches!(
        lower,
        "can"
            | "may"
            | "might"
            | "could"
            | "will"
            | "would"
            | "should"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "does"
            | "do"
            | "did"
    )
}

/// A noun of something one answers: a request, a question, a charge.
fn is_message_noun(lower: &str) -> bool {
    let one = lower.strip_suffix("ies").map_or_else(
        || lower.strip_suffix('s').unwrap_or(lower).to_string(),
        |r| format!("{r}y"),
    );
    matches!(
        one.as_str(),
        "request"
            | "question"
            | "inquiry"
            | "call"
            | "email"
            | "e-mail"
            | "message"
            | "letter"
            | "comment"
            | "criticism"
            | "critic"
            | "allegation"
            | "accusation"
            | "charge"
            | "claim"
            | "report"
            | "remark"
            | "statement"
            | "query"
            | "interview"
    )
}
