//! Who asserts a figure: the speaker of the quote it sits in, X of "according to X", or the
//! subject of a reporting or assessment verb that governs the clause ("South Korean intelligence
//! places the number at", "The White House has said that", ", officials said.").

use crate::view::View;
use crate::words::{ends_phrase, is_pronoun, reporting_verb, verb_helper};
use crate::Context;
use claimtrail_lexicon::is_accusing_noun;
use claimtrail_text::{Entity, Quote, QuoteKind, TokenKind};

/// How many tokens either side of a figure attribution looks at.
const WINDOW: usize = 60;

pub struct Attributor<'a> {
    /// Quotes and entities in text order, for binary search by offset.
    quotes: Vec<&'a Quote>,
    entities: Vec<&'a Entity>,
    /// The last named source, for "he said" later on.
    last_named: Option<String>,
    /// A document named as a source in a sentence, and that sentence's end: "…, according to a
    /// new poll. Seventy-two percent now …" reports the poll's figures in the next sentence.
    last_document: Option<(String, usize)>,
    /// The sentence (its start) whose opening figure took the document above: its later
    /// figures take it too.
    carried_in: Option<usize>,
}

/// Most bytes between a document's sentence and the next one (space and a paragraph break).
const NEXT_SENTENCE_GAP: usize = 4;

/// Words that may sit inside a source's name ("Ministry of Defence", "Kirby and Austin").
fn joins_name(w: &str) -> bool {
    matches!(w, "of" | "and" | "for" | "&")
}

fn is_det(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "this" | "that" | "these" | "those")
}

impl<'a> Attributor<'a> {
    pub fn new(ctx: &Context<'a>) -> Self {
        let mut quotes: Vec<&Quote> = ctx.quotes.iter().collect();
        quotes.sort_by_key(|q| q.start);
        let mut entities: Vec<&Entity> = ctx.entities.iter().collect();
        entities.sort_by_key(|e| e.start);
        Attributor {
            quotes,
            entities,
            last_named: None,
            last_document: None,
            carried_in: None,
        }
    }

    fn quote_at(&self, a: usize, b: usize) -> Option<&'a Quote> {
        let qs = &self.quotes;
        let n = qs.partition_point(|q| q.start <= a);
        // Quotes are in text order and seldom nest: look back a few.
        qs[..n].iter().rev().take(8).find(|q| q.end >= b).copied()
    }

    /// The entities starting before byte `b`, nearest first: a few, since they seldom nest.
    fn entities_before(&self, b: usize) -> impl Iterator<Item = &&'a Entity> {
        let n = self.entities.partition_point(|e| e.start < b);
        self.entities[..n].iter().rev().take(8)
    }

    /// Whether a person's name the entities stage found ends at byte `b`.
    pub fn person_ends_at(&self, b: usize) -> bool {
        self.entities_before(b)
            .any(|e| e.end == b && e.kind == claimtrail_text::EntityKind::Person)
    }

    /// The speaker of a direct quotation holding bytes `a..b`, if the quotes stage named one.
    pub fn direct_speaker(&self, a: usize, b: usize) -> Option<String> {
        self.quote_at(a, b)
            .filter(|q| q.kind == QuoteKind::Direct)
            .and_then(|q| q.speaker.clone())
    }

    /// Canonical name of an entity covering bytes `a..b`, if the entities stage found one.
    fn canonical(&self, a: usize, b: usize) -> Option<String> {
        self.entities_before(b)
            .find(|e| e.end > a && e.start >= a && e.end <= b && !e.canonical.is_empty())
            .filter(|e| e.end - e.start + 3 >= b - a)
            .map(|e| e.canonical.clone())
    }

    /// The source of a figure spanning tokens `first..end` (bytes `a..b`) of sentence `v`.
    pub fn source(
        &mut self,
        v: &View,
        first: usize,
        end: usize,
        a: usize,
        b: usize,
    ) -> Option<String> {
        let quote = self.quote_at(a, b);
        // A pronoun the quotes stage could not resolve names nobody.
        let quoted = quote.and_then(|q| {
            let mention = q
                .speaker_mention
                .clone()
                .filter(|m| !is_pronoun(&m.to_lowercase()));
            Some((q.kind, q.speaker.clone().or(mention)?))
        });
        let quoted = quoted.filter(|(_, s)| !starts_with_digit(s) && !share_of_people(s));
        // "In a new poll, 31 percent of Republicans said they …": the people a poll counted
        // speak for it, and the poll, not they, states its figures.
        // Unless the quotes stage already credited the survey with their words.
        let quoted =
            quoted.filter(|_| !quote.is_some_and(|q| respondents_speak(v, q) && !survey_speaks(q)));
        // "Nearly 59% said they trust …", the quotes stage crediting the survey named before:
        // the share is what the survey reports, so the survey states it.
        if quote.is_none() {
            if let Some(s) = self.survey_of_share(v, first, end, b) {
                self.last_named = Some(s.clone());
                return Some(s);
            }
        }
        // "A fired clerk accused of taking $5,000 …": the accused claims none of it.
        let quoted = quoted.filter(|_| !quote.is_some_and(|q| no_clause(v, q)));
        // Inside quote marks the speaker asserts the figure.
        if let Some((kind, s)) = &quoted {
            if *kind != QuoteKind::Indirect {
                self.last_named = Some(s.clone());
                return Some(s.clone());
            }
        }
        let found = according_to(v, first, end)
            .or_else(|| self.verb_before(v, first, a))
            .or_else(|| document_frame(v, first))
            .or_else(|| verb_after(v, end));
        // Reported speech: the clause's own named subject ("Western intelligence services and
        // Ukraine believe") is fuller than the speaker the quotes stage settled on; a pronoun or
        // a bare noun is not.
        // Only the subject of the quote's own attribution, next to the quote, is that: a
        // reporting verb further off belongs to another claim than the reported clause's.
        let next_to_quote = |(x, y): (usize, usize)| {
            quote.is_some_and(|q| {
                let (sa, sb) = v.span(x, y);
                sb <= q.start && q.start - sb < 30 || sa >= q.end && sa - q.end < 30
            })
        };
        let named = found.is_some_and(|(x, y)| {
            v.toks[x..y].iter().any(|t| t.capitalized())
                && !(y == x + 1 && is_pronoun(v.lower(x)))
                && next_to_quote((x, y))
        });
        if let (Some((_, s)), false) = (&quoted, named) {
            self.last_named = Some(s.clone());
            return Some(s.clone());
        }
        // A document carried from the sentence before, else one named with "in" beside the
        // figure.
        let found = match found {
            Some(f) => Some(f),
            None => match self.carried_document(v, first) {
                Some(doc) => return Some(doc),
                None => in_document(v, first, end),
            },
        };
        let (x, y) = found?;
        let (sa, sb) = v.span(x, y);
        let name = phrase_text(v, x, y);
        if y == x + 1 && is_pronoun(v.lower(x)) {
            return match v.lower(x) {
                "he" | "she" => self.last_named.clone(),
                _ => None,
            };
        }
        let name = self.canonical(sa, sb).unwrap_or(name);
        if v.toks[x..y].iter().any(|t| t.capitalized()) {
            self.last_named = Some(name.clone());
        }
        if document_noun(v.lower(y - 1)) {
            let end = v.toks.last().map_or(0, |t| t.end);
            self.last_document = Some((name.clone(), end));
        }
        Some(name)
    }

    /// The survey the quotes stage credited with the words of a share of respondents that the
    /// figure at tokens `first..end` (ending at byte `b`) is: the quote next after it in its
    /// sentence, whose speaker mention is the figure and whose speaker a survey or other
    /// document.
    fn survey_of_share(&self, v: &View, first: usize, end: usize, b: usize) -> Option<String> {
        let n = self.quotes.partition_point(|q| q.start < b);
        let q = self.quotes.get(n)?;
        let sentence_end = v.toks.last().map_or(0, |t| t.end);
        if q.start - b > SHARE_TO_QUOTE || q.start >= sentence_end || !survey_speaks(q) {
            return None;
        }
        let mention = q.speaker_mention.as_deref()?;
        let is_figure = (first..end)
            .any(|k| v.text(k).bytes().any(|c| c.is_ascii_digit()) && mention.contains(v.text(k)));
        // "59% of shoppers said": the mention is the people after the share's "of".
        let share = matches!(v.lower(end.saturating_sub(1)), "%" | "percent")
            || v.text(end.saturating_sub(1)).ends_with('%');
        let of_people = share
            && v.lower(end) == "of"
            && mention.rsplit(' ').next().is_some_and(|last| {
                (end + 1..(end + 6).min(v.len()))
                    .take_while(|&k| v.toks[k].end <= q.start)
                    .any(|k| v.text(k) == last)
            });
        (is_figure && (share_of_people(mention) || mention.ends_with('%')) || of_people)
            .then(|| q.speaker.clone())
            .flatten()
    }

    /// Notes a sentence that names a document as the source of what it says, whether or not it
    /// holds a figure: "Support rose sharply, according to a new poll."
    pub fn note_sentence(&mut self, v: &View) {
        let Some(end) = v.toks.last().map(|t| t.end) else {
            return;
        };
        let found = (0..v.len().saturating_sub(1))
            .find(|&k| v.lower(k) == "according" && v.lower(k + 1) == "to")
            .and_then(|k| subject_right(v, k + 2))
            .or_else(|| document_frame(v, v.len()));
        if let Some((x, y)) = found.filter(|&(_, y)| document_noun(v.lower(y - 1))) {
            self.last_document = Some((phrase_text(v, x, y), end));
        }
    }

    /// The document the previous sentence named, for a sentence that opens with a figure and
    /// names no source of its own ("…, according to a new poll. Seventy-two percent now
    /// believe …"): its opening figure and the figures after it.
    fn carried_document(&mut self, v: &View, first: usize) -> Option<String> {
        let start = v.toks.first()?.start;
        if self.carried_in == Some(start) {
            return self.last_document.as_ref().map(|(d, _)| d.clone());
        }
        let (doc, end) = self.last_document.as_ref()?;
        if first > 1 || start < *end || start - end > NEXT_SENTENCE_GAP {
            return None;
        }
        self.carried_in = Some(start);
        Some(doc.clone())
    }

    /// Subject of the nearest reporting verb before the figure.
    fn verb_before(&self, v: &View, first: usize, a: usize) -> Option<(usize, usize)> {
        let mut weak = None;
        let from = first.saturating_sub(WINDOW);
        let mut k = first;
        while k > from {
            k -= 1;
            if v.text(k) == ";" {
                break;
            }
            // "On Wednesday — the day the autopsy showed he was shot seven times — part of the
            // 200-person crowd …": a verb inside an aside closed before the figure reports the
            // aside only; read on before the aside.
            if is_aside_dash(v.text(k)) {
                if let Some(open) = aside_opening(v, k) {
                    k = open;
                }
                continue;
            }
            // "The survey put the epicentre at 58km", "the city had valued it at $380,600": a
            // verb that assesses an amount claims only the amount after its "at" ("Klitschko
            // put Thompson on the canvas, and the 40-year-old" claims nothing).
            match assess_at(v, k, first) {
                Some(false) => continue,
                Some(true) => {
                    // "a crowd put by organisers at 5,000": the agent assesses it.
                    if let Some(agent) = passive_agent(v, k, first) {
                        return Some(agent);
                    }
                    if let Some((x, y)) = subject_left(v, k) {
                        let named =
                            v.toks[x..y].iter().any(|t| t.capitalized()) || is_pronoun(v.lower(x));
                        if named {
                            return Some((x, y));
                        }
                        weak.get_or_insert((x, y));
                    }
                    continue;
                }
                None => {}
            }
            if !verb_at(v, k) {
                // "he was described by police as a 38-year-old", "a crowd estimated by
                // organisers at 5,000": the agent of a reporting verb in the passive.
                if let Some(agent) = passive_agent(v, k, first) {
                    return Some(agent);
                }
                continue;
            }
            // "…,” Jo Roe said as she and hundreds of others marched": the clause after "as",
            // "while", "when" tells when she spoke, not what she said.
            // ("show as many as 30 percent": that "as" is the figure's own hedge.)
            if k + 1 < first
                && matches!(v.lower(k + 1), "as" | "while" | "when" | "before" | "after")
            {
                continue;
            }
            // A verb inside a quotation the figure is not in is the quoted speaker's, not an
            // attribution of the figure ("“People think it’s safe,” said Jo Roe of the utility,
            // which maintains 90,000 miles of cable").
            let (ka, kb) = v.span(k, k + 1);
            if self
                .quote_at(ka, kb)
                .is_some_and(|q| q.kind == QuoteKind::Direct && q.end <= a)
            {
                continue;
            }
            if let Some(agent) = passive_agent(v, k, first) {
                return Some(agent);
            }
            // "Tex is believed to be seeking $21 million", "the toll was estimated at 300": a
            // reporting verb in the passive with no agent names no one; its subject is what
            // the claim is about.
            if passive_without_agent(v, k) {
                continue;
            }
            if let Some((x, y)) = subject_left(v, k) {
                // "estimates indicate": a bare common noun is a weak source.
                let named = v.toks[x..y].iter().any(|t| t.capitalized()) || is_pronoun(v.lower(x));
                if named {
                    return Some((x, y));
                }
                weak.get_or_insert((x, y));
            }
        }
        weak
    }
}

/// Most tokens between a verb that assesses an amount and the "at" before it ("put the
/// epicentre of Sunday's quake at").
const ASSESS_AT_REACH: usize = 10;

/// Whether the verb at `k` assesses the amount at token `first` ("put/place/peg/value X at N";
/// "records list X as …" with a record noun right before the verb):
/// `None` when the word is no such verb; `Some(true)` when its "at" comes before the figure
/// within the clause and the verb is active (an object before "at", or "had valued at" after
/// an auxiliary: "a house valued at $300,000" is described, not assessed); `Some(false)`
/// otherwise (the verb claims nothing of this figure).
fn assess_at(v: &View, k: usize, first: usize) -> Option<bool> {
    let w = v.lower(k);
    // "Records list Jo Roe as the owner of all four": records that list state what they list.
    if matches!(w, "list" | "lists" | "listed") {
        return (k > 0 && record_noun(v.lower(k - 1))).then_some(true);
    }
    let verb = matches!(
        w,
        "put"
            | "puts"
            | "place"
            | "places"
            | "placed"
            | "peg"
            | "pegs"
            | "pegged"
            | "value"
            | "values"
            | "valued"
    );
    if !verb || k > 0 && v.toks[k].capitalized() {
        return None;
    }
    // "pegged the offer to be as high as $184 million": "to be" stands for "at".
    let at = (k + 1..first.min(k + 1 + ASSESS_AT_REACH))
        .take_while(|&i| !matches!(v.text(i), "," | ";" | ":" | "(" | ")"))
        .find(|&i| v.lower(i) == "at" || v.lower(i) == "to" && v.lower(i + 1) == "be");
    let Some(at) = at else {
        return Some(false);
    };
    if at > k + 1 {
        return Some(true);
    }
    let mut h = k;
    while h > 0 && v.lower(h - 1).ends_with("ly") {
        h -= 1;
    }
    Some(h > 0 && matches!(v.lower(h - 1), "had" | "has" | "have" | "having"))
}

/// Records that list what they hold: "property records list", "court documents listed".
fn record_noun(w: &str) -> bool {
    matches!(
        w,
        "records" | "documents" | "filings" | "files" | "registry" | "register" | "papers"
    )
}

/// A dash that sets off an aside: a long dash, not a hyphen.
fn is_aside_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "--")
}

/// Most long dashes a sentence holds before one that closes an aside: past that the dashes
/// are no asides ("$5–$6–$7…", a table run into one line), and counting them for every figure
/// would cost the square of the sentence's length.
const MAX_ASIDE_DASHES: usize = 8;

/// The opening dash of the aside whose closing dash is token `k` of the sentence: `k` is the
/// second, fourth, … such dash from the sentence's start.
fn aside_opening(v: &View, k: usize) -> Option<usize> {
    let mut nearest = None;
    let mut count = 0;
    for i in (0..k).rev().filter(|&i| is_aside_dash(v.text(i))) {
        count += 1;
        if count > MAX_ASIDE_DASHES {
            return None;
        }
        nearest.get_or_insert(i);
    }
    nearest.filter(|_| count % 2 == 1)
}

/// A reporting verb at token `k`: lower-case unless it opens the sentence ("United States" is no
/// verb).
fn verb_at(v: &View, k: usize) -> bool {
    (reporting_verb(v.lower(k)) || point_out(v, k) || progressive_claim(v, k))
        && (k == 0 || !v.toks[k].capitalized())
        && !noun_use(v, k)
        && !aim(v, k)
}

/// The "-ing" form of a claim verb after a form of "be" ("officials are expecting a record
/// turnout", "early estimates are showing that") or before a that-clause ("with the new survey
/// finding that 45 percent …"): its subject asserts the clause, as with the simple tenses.
/// Elsewhere the form is a noun or a modifier ("Rubio's showing", "a poll showing cracks").
fn progressive_claim(v: &View, k: usize) -> bool {
    let w = v.lower(k);
    let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 3) else {
        return false;
    };
    let claim = reporting_verb(stem)
        || reporting_verb(&format!("{stem}e"))
        || reporting_verb(&format!("{stem}s"));
    if !claim {
        return false;
    }
    let after_be = k > 0
        && matches!(
            v.lower(k - 1),
            "is" | "are" | "was" | "were" | "been" | "be" | "’re" | "'re"
        );
    // After a noun only: a participle after a comma ("…, insisting that") has the main
    // clause's subject, which is not read here.
    let before_that = k + 1 < v.len()
        && v.lower(k + 1) == "that"
        && k > 0
        && v.toks[k - 1].is_word()
        && !v.toks[k - 1].capitalized();
    after_be || before_that
}

/// "The authors point out that …": "point" reports only in that phrase ("at one point that",
/// "critics point to charities that" do not), so it is read here and not as a cue word.
fn point_out(v: &View, k: usize) -> bool {
    matches!(v.lower(k), "point" | "points" | "pointed")
        && k + 2 < v.len()
        && v.lower(k + 1) == "out"
        && v.lower(k + 2) == "that"
        && (k == 0 || v.lower(k - 1) != "to")
}

/// "hopes to finish its 99-county tour", "hope one day to …": a hope with an infinitive is an
/// aim of the subject's, no claim of the figures after it ("hopes that sales will exceed 700"
/// is one).
fn aim(v: &View, k: usize) -> bool {
    matches!(v.lower(k), "hope" | "hopes" | "hoped")
        && (k + 1..v.len().min(k + 4)).any(|i| v.lower(i) == "to")
}

/// Whether a quote is the complement of "accused" as a participle ("a clerk accused of taking
/// $5,000 …"): the subject is the accused, not who claims anything (the verb with its object,
/// "accused him of", reports).
fn no_clause(v: &View, q: &Quote) -> bool {
    let Some(k) = v.toks.iter().position(|t| t.start >= q.start) else {
        return false;
    };
    q.kind == QuoteKind::Indirect
        && k > 0
        && v.toks[k].start < q.end
        && v.lower(k) == "of"
        && matches!(v.lower(k - 1), "accused" | "suspected")
}

/// The agent of a reporting verb at `k` in the passive, before the figure at token `first`:
/// "was described by police as", "a crowd estimated by organisers at 5,000": a participle of a
/// speech or reporting verb ("-ed", "put", "told") right before "by"; the agent a name or a noun
/// that reports figures, before the figure.
fn passive_agent(v: &View, k: usize, first: usize) -> Option<(usize, usize)> {
    let w = v.lower(k);
    let participle = w.ends_with("ed") || matches!(w, "put" | "told" | "said" | "shown");
    if !participle
        || k + 2 >= first
        || v.lower(k + 1) != "by"
        // "as it is called by Māori": a weak cue in the passive names, it reports nothing.
        || !claimtrail_lexicon::speech_verb(w).is_some_and(|s| s.claim || s.cue && !s.weak)
    {
        return None;
    }
    let (x, y) = subject_right(v, k + 2)?;
    if y > first || (x..y).any(|j| calendar_word(v.lower(j))) || !plausible_source(v, x, y) {
        return None;
    }
    Some((x, y))
}

/// A participle of a reporting verb at `k` after a form of "be" (an adverb in between: "is
/// widely believed"), no "by" after it: the passive with no agent.
fn passive_without_agent(v: &View, k: usize) -> bool {
    let w = v.lower(k);
    let participle = w.ends_with("ed") || matches!(w, "said" | "told" | "thought" | "shown");
    let mut b = k;
    if b > 1 && v.lower(b - 1).ends_with("ly") {
        b -= 1;
    }
    participle
        && b > 0
        && matches!(
            v.lower(b - 1),
            "is" | "are" | "was" | "were" | "been" | "being" | "be"
        )
        && (k + 1 >= v.len() || v.lower(k + 1) != "by")
}

/// A reporting word used as a noun: before "of" or an auxiliary ("the US state of Louisiana",
/// "the Treasury note has risen", "the report was").
fn noun_use(v: &View, k: usize) -> bool {
    k + 1 < v.len() && (v.lower(k + 1) == "of" || claimtrail_lexicon::is_auxiliary(v.lower(k + 1)))
}

fn phrase_text(v: &View, x: usize, y: usize) -> String {
    let mut out = String::new();
    for (n, t) in v.toks[x..y].iter().enumerate() {
        if n > 0 && !t.gap.is_empty() {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// "according to X": the tokens of X.
fn according_to(v: &View, first: usize, end: usize) -> Option<(usize, usize)> {
    // Within a window of the figure, so that run-on text stays linear.
    let from = first.saturating_sub(WINDOW);
    let to = (end + WINDOW).min(v.len().saturating_sub(1));
    let k = (from..to).find(|&k| v.lower(k) == "according" && v.lower(k + 1) == "to")?;
    subject_right(v, k + 2)
}

/// Most tokens between a figure and the "in" of the document that found it.
const IN_DOCUMENT_REACH: usize = 12;

/// "fell to 10 percent in the latest CNN poll", "by 8 points, 49% to 41%, in the survey",
/// "Some 20 percent of people in a recent poll said": a document named with "in" near the
/// figure, in its clause, found it. The document as written (its adjectives and an "of" or
/// "from" complement kept, determiners left out).
fn in_document(v: &View, first: usize, end: usize) -> Option<(usize, usize)> {
    let from = first.saturating_sub(IN_DOCUMENT_REACH);
    let to = (end + IN_DOCUMENT_REACH).min(v.len());
    // The nearest "in" after the figure first, then before it; never across a semicolon.
    let after = (end..to).take_while(|&k| v.text(k) != ";");
    let before = (from..first).rev().take_while(|&k| v.text(k) != ";");
    after
        .chain(before)
        .filter(|&k| v.lower(k) == "in")
        .find_map(|k| document_after_in(v, k + 1))
}

/// The document phrase opening at token `k` (after "in"): up to five words ending in a
/// document noun that heads it ("the survey period" is no document).
fn document_after_in(v: &View, mut k: usize) -> Option<(usize, usize)> {
    // "in our review", "in this survey": the outlet's own work states its figures itself.
    if matches!(v.lower(k), "our" | "my" | "this") {
        return None;
    }
    while k < v.len() && (is_det(v.lower(k)) || matches!(v.lower(k), "its" | "their")) {
        k += 1;
    }
    // Adjectives and names before the noun ("latest CNN/ORC poll"), no function word ("the six
    // states going to the polls") and no number (the figure's own "his 104-page report").
    let head = (k..(k + 6).min(v.len()))
        .take_while(|&j| {
            v.toks[j].is_word()
                && !ends_phrase(v.lower(j))
                && crate::number::number_word(v.lower(j)).is_none()
                || matches!(v.text(j), "/" | "-")
        })
        .find(|&j| found_in(v.lower(j)))?;
    let next = head + 1;
    if next < v.len()
        && v.toks[next].is_word()
        && !matches!(
            v.lower(next),
            "of" | "from"
                | "by"
                | "released"
                | "conducted"
                | "taken"
                | "published"
                | "this"
                | "last"
                | "in"
                | "on"
                | "that"
                | "which"
                | "said"
                | "says"
                | "showed"
                | "shows"
                | "found"
                | "finds"
                | "and"
                | "for"
                | "among"
        )
    {
        return None;
    }
    let mut y = next;
    if next < v.len() && matches!(v.lower(next), "of" | "from") {
        let mut z = next + 1;
        while z < v.len() && z - next <= 6 && (v.toks[z].capitalized() || joins_name(v.lower(z))) {
            z += 1;
        }
        while z > next + 1 && joins_name(v.lower(z - 1)) {
            z -= 1;
        }
        if z > next + 1 {
            y = z;
        }
    }
    Some((k, y))
}

/// Documents that find figures a sentence places "in" them ("in the latest poll"); a count or a
/// ranking is the race itself ("leads in the delegate count"), and a review or an analysis is
/// as often the outlet's own ("the lightest in the review").
fn found_in(w: &str) -> bool {
    matches!(
        w,
        "poll" | "polls" | "survey" | "surveys" | "study" | "studies" | "census"
    )
}

/// Most tokens of a document frame before its comma ("In a Pew Research Center survey of 5,000
/// adults released on Monday,").
const FRAME_REACH: usize = 25;

/// Documents whose findings a sentence may report in a frame of its own.
/// Most bytes between a share of respondents and the words they are reported to say ("59%
/// of those polled said they").
const SHARE_TO_QUOTE: usize = 80;

/// A quote whose speaker is a survey, poll or other document, not the people it counted.
fn survey_speaks(q: &Quote) -> bool {
    q.speaker.as_deref().is_some_and(|s| {
        s.rsplit(' ')
            .next()
            .is_some_and(|w| document_noun(&w.to_lowercase()) || w.eq_ignore_ascii_case("data"))
    })
}

fn document_noun(w: &str) -> bool {
    matches!(
        w,
        "poll"
            | "polls"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "report"
            | "census"
            | "analysis"
            | "audit"
            | "review"
            | "assessment"
            | "tally"
            | "count"
            | "forecast"
            | "projection"
            | "projections"
            | "ranking"
            | "index"
    )
}

/// Counts and estimates that open a sentence with "By": "By the agency's count, …".
fn reckoning_noun(w: &str) -> bool {
    matches!(
        w,
        "count" | "tally" | "estimate" | "estimates" | "calculation" | "calculations" | "reckoning"
    )
}

/// A sentence opening with a document as its frame: "In a Gallup poll released Monday, 40
/// percent …", "In its annual report, …". The figures after the frame's comma are the
/// document's findings; the source is the document as the sentence names it, with its "of"
/// complement ("survey of superdelegates"), without determiners.
fn document_frame(v: &View, first: usize) -> Option<(usize, usize)> {
    let mut k = 0;
    if matches!(v.lower(k), "and" | "but") {
        k += 1;
    }
    // "By the agency's count, …", "By one estimate, …": a reckoning as the frame.
    let reckoning = v.lower(k) == "by";
    if v.lower(k) != "in" && !reckoning {
        return None;
    }
    k += 1;
    while is_det(v.lower(k)) || matches!(v.lower(k), "its" | "their" | "his" | "her") {
        k += 1;
    }
    let comma = (k..first.min(k + FRAME_REACH)).find(|&j| v.text(j) == ",")?;
    let head = (k..comma).find(|&j| {
        if reckoning {
            reckoning_noun(v.lower(j))
        } else {
            document_noun(v.lower(j))
        }
    })?;
    // "By the Associated Press's tally": the possessor keeps the count.
    if let Some(p) = (k..head).find(|&j| matches!(v.lower(j), "'s" | "’s")) {
        return (p > k).then_some((k, p));
    }
    // "the study's authors", "the survey period": the document modifies another noun.
    let after = v.lower(head + 1);
    if matches!(after, "'s" | "’s")
        || (head + 1 < comma
            && v.toks[head + 1].is_word()
            && !matches!(
                after,
                "of" | "by" | "for" | "from" | "on" | "in" | "this" | "last"
            )
            && !after.ends_with("ed")
            && after != "taken")
    {
        return None;
    }
    let mut y = head + 1;
    if after == "of" {
        y += 1;
        while y < comma
            && v.toks[y].is_word()
            && !v.lower(y).ends_with("ed")
            && !matches!(
                v.lower(y),
                "by" | "for" | "from" | "on" | "in" | "this" | "last"
            )
            && y - head <= 6
        {
            y += 1;
        }
        if y == head + 2 {
            y = head + 1;
        }
    }
    Some((k, y))
}

/// A name or noun phrase starting at `k` and running right.
fn subject_right(v: &View, mut k: usize) -> Option<(usize, usize)> {
    while is_det(v.lower(k)) {
        k += 1;
    }
    let mut j = k;
    let mut year = None;
    while let Some(t) = v.toks.get(j) {
        let w = &*t.lower;
        // "the 2009 paper", "a 2019 study by …": a year names which document, it is no figure
        // of the claim; another number ends the name ("according to 300 skippers").
        if t.kind == TokenKind::Number
            && is_year(t.text)
            && v.toks.get(j + 1).is_some_and(|n| n.kind == TokenKind::Word)
        {
            year.get_or_insert(j);
            j += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            break;
        }
        // The phrase's first word (after determiners and a year) is a noun: "according to a
        // 2018 report by …", "according to reports".
        let opens = (k..j).all(|i| v.toks[i].kind == TokenKind::Number);
        if (ends_phrase(w) && !joins_name(w)) || verb_at(v, j) && !opens {
            break;
        }
        if joins_name(w)
            && !v
                .toks
                .get(j + 1)
                .is_some_and(|n| n.capitalized() || n.lower == "the")
        {
            break;
        }
        j += 1;
        if j - k >= 8 {
            break;
        }
    }
    while j > k && joins_name(v.lower(j - 1)) {
        j -= 1;
    }
    // A year inside a document's title read only in part ("ASCM's 2023 supply chain salary …",
    // "J.D. Power 2025 North America Rental Car …"): the owner before the year is the cleaner
    // name, unless the phrase ends on the document ("Hootsuite's Digital 2021 report").
    if let Some(y) = year.filter(|&y| y > k && j > y) {
        if !document_noun(v.lower(j - 1)) {
            j = y;
            if j > k + 1 && matches!(v.lower(j - 1), "'s" | "’s") {
                j -= 1;
            }
        }
    }
    (j > k).then_some((k, j))
}

/// The subject of the verb at `k`, reading left over helpers ("has said").
fn subject_left(v: &View, k: usize) -> Option<(usize, usize)> {
    let mut y = k;
    // "Donald Trump's claim that": the possessor makes the claim.
    if y > 0 && matches!(v.lower(y - 1), "'s" | "’s") {
        y -= 1;
    }
    while y > 0
        && (verb_helper(v.lower(y - 1))
            || v.lower(y - 1).ends_with("ly") && v.lower(y - 1).len() > 4)
    {
        y -= 1;
    }
    // "People close to the White House don’t expect …": a negated verb claims nothing, as with
    // "do not"; the contraction is no part of the subject.
    if y > 0 && (v.lower(y - 1).ends_with("n't") || v.lower(y - 1).ends_with("n’t")) {
        return None;
    }
    // "Jim Bennett, 57, told": the age set after a name is an aside.
    if y > 3
        && v.text(y - 1) == ","
        && v.toks[y - 2].kind == TokenKind::Number
        && v.text(y - 3) == ","
        && v.toks[y - 4].capitalized()
    {
        y -= 3;
    }
    // "Cement makers, for instance, argue that": an adverb set off by commas between the
    // subject and its verb is read past.
    if let Some(j) = adverb_aside(v, y) {
        y = j;
    }
    // "The survey, conducted by the institute, finds": the subject stands before the aside.
    if y > 1 && v.text(y - 1) == "," {
        if let Some(j) = (y.saturating_sub(CLAUSE_ASIDE_REACH)..y - 1)
            .rev()
            .find(|&j| v.text(j) == ",")
        {
            // A participle's or a relative clause's aside ("Exit polls, which Lee won, showed"),
            // or a name's apposition ("Bill Taylor, an organizer of the rallies, said"), which
            // is shorter.
            let opens = v.lower(j + 1);
            let apposition = j > 0
                && y - j <= APPOSITIVE_REACH
                && v.toks[j - 1].capitalized()
                && (is_det(opens) || matches!(opens, "his" | "her" | "its" | "their"));
            // A relative clause only before a verb of speech or findings: "Con Edison, which
            // maintains the mains, records 500 leaks" is the company's count, not its claim.
            // And after a common noun: "Harry Bond, 30, of Raleigh, N.C., who was polled,
            // said" leaves a place before the comma.
            let relative = matches!(opens, "who" | "which")
                && j > 0
                && v.toks[j - 1].is_word()
                && !v.toks[j - 1].capitalized()
                && claimtrail_lexicon::speech_verb(v.lower(k)).is_some_and(|s| s.cue && !s.weak);
            if participle(opens) || relative || apposition {
                y = j;
            }
        }
    }
    let scan = |mut x: usize| {
        while x > 0 {
            let t = &v.toks[x - 1];
            let w = &*t.lower;
            if t.kind != TokenKind::Word {
                break;
            }
            if is_pronoun(w) {
                if x == y {
                    x -= 1;
                }
                break;
            }
            // "A CNN poll last month showed": a date run at the subject's end is read through,
            // and cut off below.
            let dated_tail = (x - 1..y).all(|k| calendar_word(v.lower(k)));
            if (ends_phrase(w) && !joins_name(w) && !dated_tail) || verb_at(v, x - 1) && x != y {
                break;
            }
            // A past-tense verb before the subject ends it ("Politifact checked Trump's claim").
            if x != y && !t.capitalized() && w.len() > 4 && w.ends_with("ed") {
                break;
            }
            x -= 1;
            if y - x >= 8 {
                break;
            }
        }
        x
    };
    let mut x = scan(y);
    // "A spokeswoman for Mercy Hospital in Royal Oak said", "officials in Ohio said": a place
    // after "in" or "at" says where the subject is; the subject is the noun phrase before it.
    if x >= 2
        && x < y
        && y - x <= 3
        && matches!(v.lower(x - 1), "in" | "at")
        && (x..y).all(|k| v.toks[k].capitalized())
        && v.toks[x - 2].is_word()
        && !is_det(v.lower(x - 2))
        && !is_pronoun(v.lower(x - 2))
        && !ends_phrase(v.lower(x - 2))
        && !verb_at(v, x - 2)
    {
        let wider = scan(x - 2);
        if wider < x - 2
            || v.toks[x - 2].capitalized()
            || source_noun(v.lower(x - 2).trim_end_matches('s'))
        {
            x = wider;
        }
    }
    // "The BBC's Frances Harrison in Tehran says", "Mohsen Kazemi from the Red Crescent
    // said": a name of two or more capitalised words before "in", "at" or "from" is the
    // subject; the phrase after the preposition is where the speaker is or works.
    let named_before = |p: usize| {
        p >= 2
            && matches!(v.lower(p), "in" | "at" | "from")
            && v.toks[p - 1].capitalized()
            && v.toks[p - 2].capitalized()
            && v.toks[p - 1].is_word()
            && v.toks[p - 2].is_word()
    };
    if let Some(p) = (x + 2..y).find(|&p| named_before(p)) {
        y = p;
    } else {
        let p = if x >= 1 && is_det(v.lower(x - 1)) {
            x.saturating_sub(2)
        } else {
            x.saturating_sub(1)
        };
        if x < y && p < x && named_before(p) {
            let s = scan(p);
            if s < p {
                x = s;
                y = p;
            }
        }
    }
    // "The charges against Olson allege she took $430,000": the accusing document claims the
    // figure, named with the one it accuses, who claims nothing.
    if x >= 2 && x < y && v.lower(x - 1) == "against" && is_accusing_noun(v.lower(x - 2)) {
        x -= 2;
    }
    while x < y && (joins_name(v.lower(x)) || is_det(v.lower(x))) {
        x += 1;
    }
    // When the document came out is no part of it: "A poll released Friday shows", "a poll out
    // this week shows", "the survey released on Monday found" (the day alone after a
    // participle or a preposition), "A CNN poll last month showed" (the day after the noun).
    if y > x && (x..y).all(|k| calendar_word(v.lower(k))) {
        // The run's determiner was dropped above ("this week").
        let mut p = x;
        while p > 0 && calendar_word(v.lower(p - 1)) {
            p -= 1;
        }
        if p > 1 && matches!(v.lower(p - 1), "on" | "in") {
            p -= 1;
        }
        if p > 1 && participle(v.lower(p - 1)) {
            p -= 1;
        }
        if p == x {
            // A day alone asserts nothing ("Last week showed …").
            return None;
        }
        let start = phrase_left_of(v, p);
        let sx = with_document(v, start, p);
        return (p > sx && (sx < start || plausible_source(v, sx, p))).then_some((sx, p));
    }
    // A document widened over its complement is a source whatever the complement's head.
    let start = x;
    x = with_document(v, x, y);
    let plausible = |z: usize| x < start || plausible_source(v, x, z);
    if y > x {
        let mut z = y;
        while z > x && calendar_word(v.lower(z - 1)) {
            z -= 1;
        }
        if z < y && z > x && plausible(z) {
            return Some((x, z));
        }
        if plausible(y) {
            return Some((x, y));
        }
    }
    None
}

/// The start of a subject `x..y` widened to the document it completes: "Exit polls from the
/// Dover primary showed", "a survey by the organization in March found" (the document heads
/// the subject; the phrase after its preposition says which). After "by" or "from" a name is
/// the document's author and a fuller source than the document ("a poll by the Harbour Board"),
/// so it stays.
fn with_document(v: &View, x: usize, y: usize) -> usize {
    let mut p = x;
    if p > 0 && is_det(v.lower(p - 1)) {
        p -= 1;
    }
    if y <= x || p < 2 || !document_noun(v.lower(p - 2)) {
        return x;
    }
    let named = v.toks[y - 1].capitalized();
    match v.lower(p - 1) {
        "of" | "on" | "among" | "in" => {}
        "by" | "from" if !named => {}
        _ => return x,
    }
    let dx = phrase_left_of(v, p - 1);
    if dx < p - 1 {
        dx
    } else {
        x
    }
}

/// A year written in digits ("2009"), which may name a document ("the 2009 paper").
fn is_year(t: &str) -> bool {
    t.len() == 4 && t.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Most tokens of a name's apposition between a subject and its verb ("Bill Taylor, an
/// organizer of the rallies, said").
const APPOSITIVE_REACH: usize = 15;
/// Most tokens of a participle's or a relative clause's aside, which may hold names with their
/// own brackets ("conducted jointly with Coast Research (D) and Bay Research (R)").
const CLAUSE_ASIDE_REACH: usize = 26;

/// The comma opening an adverb set off by commas that ends at token `y` (", for instance,",
/// ", meanwhile,", ", in turn,"), when a word stands before it.
fn adverb_aside(v: &View, y: usize) -> Option<usize> {
    if y < 3 || v.text(y - 1) != "," {
        return None;
    }
    let j = (y.saturating_sub(4)..y - 1)
        .rev()
        .find(|&j| v.text(j) == ",")?;
    let words: Vec<&str> = (j + 1..y - 1).map(|i| v.lower(i)).collect();
    let adverb = matches!(
        words.as_slice(),
        ["meanwhile"]
            | ["however"]
            | ["though"]
            | ["too"]
            | ["also"]
            | ["instead"]
            | ["likewise"]
            | ["similarly"]
            | ["meantime"]
            | ["moreover"]
            | ["nonetheless"]
            | ["nevertheless"]
            | ["still"]
            | [
                "for",
                "instance" | "example" | "one" | "its" | "their" | "his" | "her" | "part"
            ]
            | [
                "in",
                "turn" | "fact" | "addition" | "contrast" | "response" | "particular"
            ]
            | ["on", "the", "other" | "whole"]
            | ["by", "contrast"]
            | ["at", "the", "time"]
            | ["in", "the", "meantime"]
    );
    (adverb && j > 0 && v.toks[j - 1].is_word()).then_some(j)
}

/// Whether the quote's speaker is the people a poll counted: the mention follows a share of
/// them ("31 percent of Republicans said", "a majority of voters say", "six in 10 Americans
/// believe"), as the quotes stage keeps only the people as the speaker.
fn respondents_speak(v: &View, q: &Quote) -> bool {
    let Some(mention) = q.speaker_mention.as_deref() else {
        return false;
    };
    let Some(first_word) = mention.split_whitespace().next() else {
        return false;
    };
    // Its first word as a token ("Republican-leaning" is read as "Republican").
    let first_word = first_word
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or(first_word)
        .to_lowercase();
    // The mention's last appearance before the quote, in this sentence.
    let Some(j) = (0..v.len())
        .rev()
        .find(|&j| v.toks[j].end <= q.start && v.lower(j) == first_word)
    else {
        return false;
    };
    let share_word = |w: &str| {
        w.ends_with('%')
            || matches!(
                w,
                "percent"
                    | "cent"
                    | "%"
                    | "majority"
                    | "minority"
                    | "plurality"
                    | "half"
                    | "third"
                    | "thirds"
                    | "quarter"
                    | "quarters"
                    | "fifth"
                    | "fifths"
                    | "most"
            )
    };
    let number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit()) || crate::number::number_word(w).is_some()
    };
    // "percent of Republicans", "majority of likely voters", "31% of Republicans and
    // Republican-leaning voters": words and hyphens only between the share and the mention.
    let of_share = (j.saturating_sub(5)..j).rev().any(|o| {
        v.lower(o) == "of"
            && o > 0
            && share_word(v.lower(o - 1))
            && (o + 1..j).all(|i| v.toks[i].is_word() || v.text(i) == "-")
    });
    // "six in 10 Americans".
    let in_share =
        j >= 3 && number(v.lower(j - 1)) && v.lower(j - 2) == "in" && number(v.lower(j - 3));
    of_share || in_share
}

/// A past participle that opens a modifier ("released", "conducted", "taken").
fn participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || matches!(w, "taken" | "done" | "made" | "put" | "out")
}

/// A day, month or relative day: when something happened, never who asserts it.
fn calendar_word(w: &str) -> bool {
    claimtrail_lexicon::weekday(w).is_some()
        || claimtrail_lexicon::month(w).is_some()
        || matches!(
            w,
            "today" | "yesterday" | "tonight" | "last" | "this" | "week" | "month" | "year"
        )
}

/// Where the noun phrase ending just before token `k` starts (`k` when there is none).
fn phrase_left_of(v: &View, k: usize) -> usize {
    let mut x = k;
    while x > 0 && k - x < 6 {
        let t = &v.toks[x - 1];
        if t.kind != TokenKind::Word
            || is_det(&t.lower)
            || verb_at(v, x - 1)
            || ends_phrase(&t.lower)
        {
            break;
        }
        x -= 1;
    }
    x
}

/// Whether tokens `x..y` can name who asserts something: a name, a pronoun, or a common noun
/// of the kind that reports figures ("officials", "estimates", "the ministry").
fn plausible_source(v: &View, x: usize, y: usize) -> bool {
    let head = &v.toks[y - 1];
    let h = &*head.lower;
    // "4,051 pledged delegates", "520 superdelegates have said": a count written in digits is
    // a figure of its own, not who asserts one.
    if crate::number::number_word(h).is_some()
        || head.kind == TokenKind::Number
        || v.toks[x].kind == TokenKind::Number
        || share_of_people(&phrase_text(v, x, y))
    {
        return false;
    }
    head.capitalized() || is_pronoun(h) || source_noun(h.trim_end_matches('s')) || {
        // "Ukrainian intelligence reports", "Pentagon assessments": a capitalised modifier.
        v.toks[x..y].iter().any(|t| t.capitalized()) && h.len() > 3
    }
}

/// A share of a population ("half of voters", "two-thirds of caucus attendees", "six in 10",
/// "46 percent", "a majority of Republicans"): the people a poll counted, not who asserts its
/// figures. Written in lower case (or opening the sentence): "Third Way" is an organisation.
fn share_of_people(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    let raw: Vec<&str> = s.split_whitespace().collect();
    let number = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit()) || crate::number::number_word(w).is_some()
    };
    let fraction = |w: &str| {
        matches!(
            w,
            "half" | "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths"
        )
    };
    let share = |k: usize| {
        let w = words[k].as_str();
        let of_next = words.get(k + 1).is_some_and(|n| n == "of" || n == "in");
        // "Third Way", "Majority Leader" are names; "Half of voters" opens a sentence.
        let cased_ok = !raw[k].starts_with(|c: char| c.is_uppercase()) || k == 0 && of_next;
        // "a third of voters", "two-thirds", but not the ordinal of "a third source".
        let parts: Vec<&str> = w.split('-').collect();
        let hyphened = parts.len() == 2 && number(parts[0]) && fraction(parts[1]);
        cased_ok
            && (hyphened
                || fraction(w) && of_next
                || matches!(
                    w,
                    "percent" | "cent" | "%" | "majority" | "minority" | "plurality"
                ))
    };
    (0..words.len()).any(share)
        || words
            .windows(3)
            .any(|t| number(&t[0]) && t[1] == "in" && number(&t[2]))
}

/// A speaker that opens with a number in digits ("4,051", "520 superdelegates"): a count the
/// quotes stage took for a subject.
fn starts_with_digit(s: &str) -> bool {
    s.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// Common nouns that report figures (singular, lower-case).
fn source_noun(w: &str) -> bool {
    matches!(
        w,
        "official"
            | "police"
            | "authoritie"
            | "authority"
            | "estimate"
            | "analyst"
            | "expert"
            | "source"
            | "data"
            | "figure"
            | "report"
            | "researcher"
            // "the authors point out that …": a study's authors
            | "author"
            | "scientist"
            | "survey"
            | "poll"
            | "study"
            | "ministry"
            | "government"
            | "military"
            | "army"
            | "agency"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "intelligence"
            | "medic"
            | "doctor"
            | "organizer"
            | "organiser"
            | "rescuer"
            | "witnesse"
            | "witness"
            | "resident"
            | "activist"
            | "monitor"
            | "observer"
            | "prosecutor"
            | "investigator"
            | "statistic"
            | "record"
            | "document"
            | "assessment"
            | "count"
            | "tally"
            | "president"
            | "minister"
            | "governor"
            | "mayor"
            | "commander"
            | "general"
            | "spokespeople"
            | "journalist"
            | "media"
            | "outlet"
            | "newspaper"
            | "company"
            | "firm"
            | "bank"
            | "group"
            | "union"
            | "council"
            | "committee"
            | "court"
            | "department"
            | "office"
            | "service"
            | "force"
            | "people"
            | "campaign"
            | "team"
            | "club"
            | "operator"
            | "regulator"
            | "watchdog"
            | "economist"
            | "forecaster"
            | "modeller"
            | "official'"
    )
}

/// Whether the verb at `k` ends its clause, give or take a short tail ("…, officials said on
/// Monday."), rather than introducing one of its own ("…, he said gun control was …").
fn closes_clause(v: &View, k: usize) -> bool {
    for j in k + 1..(k + 6).min(v.len()) {
        let t = v.text(j);
        if matches!(t, "." | "," | ";" | "!" | "?" | "”" | "\"" | ")") {
            return true;
        }
        if matches!(
            v.lower(j),
            "that" | "it" | "he" | "she" | "they" | "we" | "i" | "the"
        ) {
            return false;
        }
    }
    k + 1 >= v.len()
}

/// ", officials said." / ", said Kirby." after the figure.
fn verb_after(v: &View, end: usize) -> Option<(usize, usize)> {
    for k in end..(end + WINDOW).min(v.len()) {
        let w = v.lower(k);
        if !matches!(
            w,
            "said"
                | "says"
                | "show"
                | "shows"
                | "showed"
                | "found"
                | "told"
                | "added"
                | "estimated"
                | "estimates"
                | "reported"
                | "reports"
                | "believes"
                | "believe"
                | "claimed"
                | "claims"
                | "stated"
                | "noted"
                | "warned"
        ) {
            continue;
        }
        if let Some((x, y)) = subject_left(v, k) {
            // The subject's determiner was left out of its span: ", the new report said".
            let mut z = x;
            while z > end + 1 && is_det(v.lower(z - 1)) {
                z -= 1;
            }
            if z > end && matches!(v.text(z - 1), "," | "”" | "\"" | "’") && closes_clause(v, k)
            {
                return Some((x, y));
            }
        }
        // ", said Kirby": only speech verbs invert; ", found considerable support" is no source.
        let inverts = !matches!(w, "show" | "shows" | "showed" | "found");
        if inverts && k > end && matches!(v.text(k - 1), "," | "”" | "\"") {
            return subject_right(v, k + 1);
        }
    }
    None
}
