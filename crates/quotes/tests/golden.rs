//! Golden tests: one per construction, on sentences written for these tests.

use claimtrail_quotes::find_quotes;
use claimtrail_text::{Doc, Entity, EntityKind, Quote, QuoteKind};

mod common;
use common::{find, named};

fn quotes(text: &str) -> Vec<Quote> {
    find_quotes(&Doc::new(text), &[])
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_deref()
}

/// Each quote containing the needle has the speaker given beside it.
fn assert_speakers(text: &str, expected: &[(&str, &str)]) {
    let qs = quotes(text);
    for (needle, who) in expected {
        assert_eq!(speaker(find(&qs, needle)), Some(*who), "{needle}");
    }
}

#[test]
fn direct_with_attribution_after() {
    let t = "\"We will rebuild the bridge by spring,\" Mayor Linda Alvarez said on Monday.";
    let qs = quotes(t);
    let q = find(&qs, "rebuild");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert_eq!(q.text, "We will rebuild the bridge by spring,");
    assert_eq!(&t[q.start..q.end], q.text);
    assert_eq!(speaker(q), Some("Linda Alvarez"));
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(q.speaker_type, Some(EntityKind::Person));
}

#[test]
fn direct_with_attribution_before_colon_and_comma() {
    let t = "Finance Minister Tomas Berg told lawmakers on Tuesday: “Inflation has peaked.”\n\n\
             Asked about wages, Berg responded, “Not this year.”";
    let qs = quotes(t);
    let a = find(&qs, "Inflation has peaked");
    assert_eq!(speaker(a), Some("Tomas Berg"));
    assert_eq!(a.role.as_deref(), Some("Finance Minister"));
    assert_eq!(speaker(find(&qs, "Not this year")), Some("Tomas Berg"));
}

#[test]
fn attribution_in_the_middle_covers_both_halves() {
    let t = "“The first phase is done,” said Helen Ward, “and the second starts in May.”";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "first phase")), Some("Helen Ward"));
    assert_eq!(speaker(find(&qs, "second starts")), Some("Helen Ward"));
}

#[test]
fn dash_attribution() {
    let qs = quotes("“Prices will fall before the winter ends.” — Commissioner Helen Ward");
    assert_eq!(speaker(find(&qs, "Prices will fall")), Some("Helen Ward"));
}

#[test]
fn possessive_organisation_is_named_as_written() {
    // The name is the text as written, not its tokens re-spaced ("Trump ’s campaign").
    assert_speakers(
        "Trump’s campaign said the speech would be short. The Hart-Dole campaign said that \
         it would wait.",
        &[
            ("speech would be short", "Trump’s campaign"),
            ("would wait", "Hart-Dole campaign"),
        ],
    );
}

#[test]
fn continue_to_is_the_aspect_of_the_verb_after_it() {
    let text = "While mat yoga continues to be a popular format, wall yoga is new. \
                The senator Jo Roe has continued to argue that the bill was unfair. \
                People need to build and maintain muscle mass as they age, experts say. \
                Not only is strength training important for people to build and maintain \
                muscle mass, but it can also prevent injury.";
    let qs = quotes(text);
    assert!(
        !qs.iter().any(|q| q.text.contains("popular format")),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "the bill was unfair")), Some("Jo Roe"));
    assert!(!find(&qs, "the bill was unfair").text.contains("argue"));
    assert_eq!(speaker(find(&qs, "People need to build")), Some("experts"));
    assert!(
        !qs.iter().any(|q| q.text.starts_with("muscle mass")),
        "{qs:#?}"
    );
}

#[test]
fn a_label_before_a_colon_reports_nothing() {
    let qs = quotes(
        "Read report: Artificial Intelligence and the Future of Work\n\n\
         Watch video: How the Council Votes\n\n\
         CBO report: The deficit will grow next year.",
    );
    assert!(
        !qs.iter().any(|q| q.text.contains("Future of Work")),
        "{qs:#?}"
    );
    assert!(
        !qs.iter().any(|q| q.text.contains("Council Votes")),
        "{qs:#?}"
    );
    assert!(
        qs.iter().any(|q| q.text.contains("deficit will grow")),
        "{qs:#?}"
    );
}

#[test]
fn every_family_of_marks() {
    for t in [
        "``We stay in the coalition,'' Ward said.",
        "«We stay in the coalition», Ward said.",
        "‘We stay in the coalition,’ Ward said.",
        "\"We stay in the coalition,\" Ward said.",
    ] {
        let qs = quotes(t);
        let q = find(&qs, "We stay in the coalition");
        assert_eq!(q.kind, QuoteKind::Direct, "{t}");
        assert!(
            !q.text.contains(['"', '“', '«', '`', '‘']),
            "{t}: {}",
            q.text
        );
        assert_eq!(speaker(q), Some("Ward"), "{t}");
    }
}

#[test]
fn multi_paragraph_quote_is_a_quote_per_paragraph() {
    let t = "Helen Ward spoke at length.\n\n“The first paragraph ends without a mark.\n\n\
             “The second one closes it,” Ward said.";
    let qs = quotes(t);
    let q = find(&qs, "first paragraph");
    assert_eq!(q.text, "The first paragraph ends without a mark.");
    assert_eq!(speaker(q), Some("Helen Ward"));
    let q = find(&qs, "second one");
    assert_eq!(q.text, "The second one closes it,");
    assert_eq!(&t[q.start..q.end], q.text);
    assert_eq!(speaker(q), Some("Helen Ward"));
}

#[test]
fn a_quotation_after_a_mixed_clause_continues_its_speaker() {
    let t = "“Nothing could persuade them” to wait, Indyk said. “That has nothing to do with \
             the talks at all.”";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "nothing to do")), Some("Indyk"));
}

#[test]
fn a_conjunction_keeps_the_second_verb_off_the_quotation_before_it() {
    let t = "On race, Mr Obama said recent concerns were \"legitimate and deserve attention\" \
             but insisted progress had been made.";
    let qs = quotes(t);
    let q = find(&qs, "progress had been made");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("Obama"));
}

#[test]
fn stray_mark_does_not_swallow_the_document() {
    let t = "The sign read “closed for the season.\n\n\
             “We reopen in April,” Helen Ward said.\n\n\
             Ward said the park will hire twenty new staff members.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "We reopen in April")), Some("Helen Ward"));
    let q = find(&qs, "hire twenty");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("Helen Ward"));
}

#[test]
fn indirect_speech_forms() {
    let t = "Tomas Berg said the ministry has revised its forecast for next year.\n\n\
             Berg stated that the deficit would narrow to two percent.\n\n\
             According to Berg, the new budget protects pensions and schools.";
    let qs = quotes(t);
    for (needle, cue) in [
        ("the ministry has revised", "said"),
        ("the deficit would narrow", "stated"),
        ("the new budget protects", "according to"),
    ] {
        let q = find(&qs, needle);
        assert_eq!(q.kind, QuoteKind::Indirect, "{needle}");
        assert_eq!(speaker(q), Some("Tomas Berg"), "{needle}");
        assert_eq!(q.cue.as_deref(), Some(cue), "{needle}");
        assert!(q.text.starts_with(needle), "{}", q.text);
    }
}

#[test]
fn stated_assessments() {
    let t = "Analysts believe the central bank will raise rates again.\n\n\
             Estimates indicate that 400 homes were damaged by the flood.";
    let qs = quotes(t);
    assert_eq!(
        find(&qs, "central bank will raise").kind,
        QuoteKind::Indirect
    );
    assert_eq!(
        find(&qs, "400 homes were damaged").kind,
        QuoteKind::Indirect
    );
}

#[test]
fn mixed_quote_keeps_the_fragment_inside() {
    let t = "Helen Ward said the plan was “a good start” but left the budget unanswered.";
    let qs = quotes(t);
    let q = find(&qs, "a good start");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert!(q.text.starts_with("the plan was"), "{}", q.text);
    assert_eq!(speaker(q), Some("Helen Ward"));
    assert_eq!(
        qs.len(),
        1,
        "the fragment is not a quote of its own: {qs:#?}"
    );
}

#[test]
fn following_paragraph_continues_the_speaker() {
    let t = "“We have enough water for the summer,” Helen Ward said.\n\n\
             “The reservoirs are full and the pipes are new this year.”";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "reservoirs are full")),
        Some("Helen Ward")
    );
}

#[test]
fn she_resolves_to_the_woman_not_the_more_recent_man() {
    let t = "Linda Alvarez met Mark Jensen on Friday.\n\n\
             She vowed that the bridge would reopen before the holidays.\n\n\
             He said the contract was signed last week.";
    let qs = quotes(t);
    let q = find(&qs, "bridge would reopen");
    assert_eq!(speaker(q), Some("Linda Alvarez"));
    assert_eq!(q.speaker_mention.as_deref(), Some("She"));
    assert_eq!(
        speaker(find(&qs, "contract was signed")),
        Some("Mark Jensen")
    );
}

#[test]
fn role_noun_resolves_to_the_holder() {
    let t = "City spokeswoman Maria Lopez briefed reporters on the storm.\n\n\
             Later, the spokeswoman said the coastal roads would stay closed overnight.";
    let qs = quotes(t);
    let q = find(&qs, "coastal roads");
    assert_eq!(speaker(q), Some("Maria Lopez"));
    assert_eq!(q.speaker_mention.as_deref(), Some("the spokeswoman"));
}

#[test]
fn organisations_speak() {
    let qs = quotes("The Foreign Ministry said the talks would resume in Geneva next month.");
    let q = find(&qs, "talks would resume");
    assert_eq!(speaker(q), Some("Foreign Ministry"));
    assert_eq!(q.speaker_type, Some(EntityKind::Org));
}

#[test]
fn agency_is_the_channel_when_a_person_is_quoted() {
    let qs = quotes("“I am hopeful about the harvest,” Helen Ward said, according to Reuters.");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(&qs[0]), Some("Helen Ward"));
}

#[test]
fn entity_layer_supplies_canonical_names_and_roles() {
    let t = "“The dam is safe,” Ward said.";
    let ward = t.find("Ward").unwrap();
    let entities = vec![Entity {
        text: "Ward".into(),
        kind: EntityKind::Person,
        start: ward,
        end: ward + 4,
        canonical: "Helen Ward".into(),
        role: Some("water commissioner".into()),
    }];
    let with = find_quotes(&Doc::new(t), &entities);
    assert_eq!(speaker(&with[0]), Some("Helen Ward"));
    assert_eq!(with[0].role.as_deref(), Some("water commissioner"));
    // Without the layer the fallback still names the speaker by the surface name.
    let without = quotes(t);
    assert_eq!(speaker(&without[0]), Some("Ward"));
}

#[test]
fn pronoun_resolves_through_entity_people() {
    let t = "Ward toured the dam.\n\n“It will hold,” she said.";
    let ward = t.find("Ward").unwrap();
    let entities = vec![Entity {
        text: "Ward".into(),
        kind: EntityKind::Person,
        start: ward,
        end: ward + 4,
        canonical: "Helen Ward".into(),
        role: None,
    }];
    let qs = find_quotes(&Doc::new(t), &entities);
    assert_eq!(speaker(find(&qs, "It will hold")), Some("Helen Ward"));
}

// Issue 13: attribution across a document, organisations and documents as speakers.

#[test]
fn an_organisation_named_with_of_keeps_its_whole_name() {
    let qs = quotes("The Department of Fisheries said that the cod stock had recovered.");
    let q = find(&qs, "cod stock");
    assert_eq!(speaker(q), Some("Department of Fisheries"));
    assert_eq!(q.speaker_type, Some(EntityKind::Org));
}

#[test]
fn officials_of_an_organisation_speak_as_a_group() {
    let qs = quotes("Harbour Commission officials said the pier would reopen in March.");
    assert_eq!(
        speaker(find(&qs, "pier would reopen")),
        Some("Harbour Commission officials")
    );
}

#[test]
fn a_document_that_finds_is_a_speaker_and_finding_a_thing_is_not() {
    let qs = quotes("The audit found that the lighthouse fund had been spent twice.");
    assert_eq!(find(&qs, "lighthouse fund").kind, QuoteKind::Indirect);
    let qs = quotes("Divers found the missing anchor near the breakwater on Sunday.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn a_clause_about_an_inverted_speaker_is_not_their_speech() {
    let t =
        "The pier will reopen in March, said Dana Whitfield, who manages the harbour for the city.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "pier will reopen")),
        Some("Dana Whitfield")
    );
    assert!(!qs.iter().any(|q| q.text.contains("manages")), "{qs:#?}");
    let t = "Ferries will run hourly, said Dana Whitfield, a spokeswoman for the harbour.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "Ferries will run")),
        Some("Dana Whitfield")
    );
    assert!(
        !qs.iter().any(|q| q.text.contains("spokeswoman")),
        "{qs:#?}"
    );
}

#[test]
fn a_pronoun_follows_the_person_brought_in_since_the_last_speaker() {
    let t = "“We will appeal,” said Maria Lopez.\n\n\
             Rachel Stone, the prosecutor, rejected the request on Monday. \
             She said the sentence was fair.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "We will appeal")), Some("Maria Lopez"));
    assert_eq!(
        speaker(find(&qs, "sentence was fair")),
        Some("Rachel Stone")
    );
    // With nobody new in between, the pronoun stays with the speaker.
    let t = "“We will appeal,” said Maria Lopez. She said the sentence was unfair.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "sentence was unfair")),
        Some("Maria Lopez")
    );
}

#[test]
fn it_and_the_company_are_the_organisation_that_spoke_last() {
    let t = "The Harbour Commission said on Monday that repairs would start soon. \
             It said in a statement that the cost was not yet known. \
             The company added that ferries would keep running.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "cost was not")),
        Some("Harbour Commission")
    );
    assert_eq!(
        speaker(find(&qs, "ferries would keep")),
        Some("Harbour Commission")
    );
}

#[test]
fn a_list_after_said_colon_is_reported_speech() {
    let t = "In a long interview on Friday, Mayor Linda Alvarez also said:\n\n\
             The bridge will reopen in May\n\n\
             Local taxes will not rise next year\n\n\
             “It has been a hard winter,” she added.";
    let qs = quotes(t);
    for item in ["bridge will reopen", "taxes will not rise"] {
        let q = find(&qs, item);
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(speaker(q), Some("Linda Alvarez"));
    }
}

#[test]
fn modifiers_between_a_quote_and_its_speaker() {
    let t = "“The patch is public now,” Oslo-based engineer Kari Nordmann wrote in a post.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "patch is public")), Some("Kari Nordmann"));
}

#[test]
fn an_opening_phrase_is_not_the_speaker_of_a_colon_quote() {
    let t =
        "In the middle of the long storm, the Harbour Commission stepped in and posted a notice: \
             “Ferries are cancelled until noon.”";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "Ferries are cancelled")),
        Some("Harbour Commission")
    );
}

#[test]
fn a_second_verb_keeps_the_speaker_and_a_long_subject_ends_the_clause_before_it() {
    let t =
        "Mayor Linda Alvarez said the complaints were fair but insisted progress had been made.";
    let qs = quotes(t);
    let q = find(&qs, "progress had been made");
    assert!(!q.text.contains("complaints"), "{q:#?}");
    assert_eq!(speaker(q), Some("Linda Alvarez"));
    let t = "He promised to keep trying, but the city's chief transport planner Dana Whitfield \
             said the plan had stalled.";
    let qs = quotes(t);
    let q = find(&qs, "plan had stalled");
    assert!(!q.text.contains("keep trying"), "{q:#?}");
    assert_eq!(speaker(q), Some("Dana Whitfield"));
}

#[test]
fn pointed_out_that_and_a_source_who_said() {
    let t =
        "My colleague Dana Whitfield, who rode the new tram this week, has already pointed out \
             that it will be late.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "it will be late")),
        Some("Dana Whitfield")
    );
    let qs = quotes("The source, who said he had spoken to the crew, asked not to be named.");
    find(&qs, "he had spoken to the crew");
}

#[test]
fn a_list_item_may_hold_a_quoted_word() {
    let t = "At the town meeting, Mayor Linda Alvarez also said:\n\n\
             The ferry will run all winter\n\n\
             She would fight “hard” for the new school\n\n\
             Parking fees will stay as they are";
    let qs = quotes(t);
    let q = find(&qs, "fight");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(speaker(q), Some("Linda Alvarez"));
    assert_eq!(speaker(find(&qs, "Parking fees")), Some("Linda Alvarez"));
}

#[test]
fn a_quotation_closing_the_paragraph_before_is_not_claimed_by_a_mid_sentence_attribution() {
    let t = "Tomas Berg once called the plan “a fine way to waste money.”\n\n\
             The change, Mr. Berg said, was that the harbour had flooded twice since.";
    let qs = quotes(t);
    let q = find(&qs, "harbour had flooded");
    assert_eq!(q.kind, QuoteKind::Indirect);
    // Without the entity stage the surname stays as written; `analyze` folds it into the full
    // name through the document's canonical names.
    assert_eq!(speaker(q), Some("Berg"));
    let earlier = find(&qs, "waste money");
    assert!(
        earlier.end <= t.find("\n\n").unwrap_or(t.len()),
        "the closed quotation stays in its paragraph: {earlier:?}"
    );
    assert_eq!(speaker(earlier), Some("Tomas Berg"));
}

#[test]
fn that_before_a_verb_is_the_reported_clause_subject() {
    let qs = quotes("Most engineers say that is why the old bridge still stands.");
    let q = find(&qs, "why the old bridge");
    assert!(q.text.starts_with("that is why"), "{}", q.text);
}

#[test]
fn an_aside_of_plural_speakers_attributes_the_clause_around_it() {
    let t = "The new tariff, say economists, will raise food prices by spring.\n\n\
             Rents in the capital keep climbing, many analysts said, and wages lag behind.";
    let qs = quotes(t);
    let q = find(&qs, "will raise food prices");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert!(q.text.starts_with("The new tariff"), "{}", q.text);
    assert_eq!(q.speaker_mention.as_deref(), Some("economists"));
    let r = find(&qs, "Rents in the capital");
    assert!(!r.text.contains("wages lag"), "{}", r.text);
    assert_eq!(r.speaker_mention.as_deref(), Some("many analysts"));
    // An opening phrase before the attribution and a new subject after it: the clause after.
    let qs = quotes(
        "Within months of the merger, Tomas Berg said, the bakery was selling cheaper bread.",
    );
    let q = find(&qs, "bakery was selling");
    assert!(!q.text.contains("merger"), "{}", q.text);
    assert_eq!(speaker(q), Some("Tomas Berg"));
}

#[test]
fn it_stands_for_a_genderless_name_that_spoke_but_not_for_a_person() {
    let t = "Norvia said on Tuesday that the cargo launch had failed over the sea. \
             It said most of the debris burnt up in the atmosphere.";
    let qs = quotes(t);
    let q = find(&qs, "debris burnt up");
    assert_eq!(speaker(q), Some("Norvia"));
    assert_eq!(q.speaker_type, Some(EntityKind::Org));
    let t = "Maria Lopez said on Tuesday that the cargo launch had failed over the sea. \
             It said most of the debris burnt up in the atmosphere.";
    let qs = quotes(t);
    assert_ne!(speaker(find(&qs, "debris burnt up")), Some("Maria Lopez"));
}

#[test]
fn a_report_speaks_and_is_named_as_the_article_names_it() {
    let qs = quotes(
        "The report concluded that the harbour levy had paid for half of the repairs.\n\n\
         The study also suggested the old pier could stand for another decade.",
    );
    let q = find(&qs, "harbour levy");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("report"));
    assert_eq!(speaker(find(&qs, "old pier could stand")), Some("study"));
}

#[test]
fn a_noun_in_ly_after_its_determiner_is_the_subject() {
    let qs = quotes("Her family believe the old mill could be saved with a small grant.");
    let q = find(&qs, "old mill could be saved");
    assert_eq!(q.speaker_mention.as_deref(), Some("Her family"));
}

#[test]
fn a_second_verb_takes_the_sentence_subject_through_a_role() {
    let t = "In Oslo, City Hall press secretary Kari Nordmann condemned the vandalism and said \
             the council would repair the statue within a month.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "council would repair")),
        Some("Kari Nordmann")
    );
}

#[test]
fn an_apposed_name_speaks_through_a_participle() {
    let t = "The head of the rowing club, Dana Whitfield, praised the crews, saying in a \
             statement that the club would enter three boats next season.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "enter three boats")),
        Some("Dana Whitfield")
    );
}

#[test]
fn a_warning_to_do_something_is_the_reported_content() {
    let qs =
        quotes("The Harbour Authority warned swimmers to stay away from beaches that flooded.");
    let q = find(&qs, "stay away from beaches");
    assert!(q.text.starts_with("to stay away"), "{}", q.text);
    assert_eq!(speaker(q), Some("Harbour Authority"));
}

#[test]
fn an_inverted_speaker_may_follow_a_lower_case_role() {
    let t = "“The ferry will run all winter,” says chairwoman Dana Whitfield.";
    let qs = quotes(t);
    let q = find(&qs, "ferry will run");
    assert_eq!(speaker(q), Some("Dana Whitfield"));
}

#[test]
fn a_document_is_a_speaker_with_a_weak_cue() {
    let t = "The survey covered ten countries.\n\nAs the report states: “The birth lottery \
             matters more here than anywhere else.”";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "birth lottery")), Some("report"));
}

#[test]
fn an_organisation_named_after_its_noun_speaks_by_that_name() {
    let t = "The whale rescue group Project Jonah said the strandings had doubled. \
             Data analysis firm 1010data said sales rose sharply in January.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "strandings")), Some("Project Jonah"));
    assert_eq!(speaker(find(&qs, "sales rose")), Some("1010data"));
}

#[test]
fn a_channel_before_an_attributed_clause_is_not_the_speaker() {
    let t = "Uber Technologies faced anger. As Mashable reports, the company announced \
             that it would charge a minimum of $100 to take passengers.";
    let qs = quotes(t);
    let q = find(&qs, "charge a minimum");
    assert_ne!(speaker(q), Some("Mashable"));
    assert_eq!(q.cue.as_deref(), Some("announced"));
}

#[test]
fn in_someones_words_introduces_their_quotation() {
    let t = "The team was led by Michael Shadlen of Columbia University. In Dr. Shadlen's words, \
             “Could the moment of insight be tied to the same threshold?”";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "moment of insight")),
        Some("Michael Shadlen")
    );
}

#[test]
fn lower_case_role_words_before_an_inverted_name() {
    let t = "“We are concerned over the sale of these pills,” said chief inspector Jennifer \
             Mattinson from the county police.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "sale of these pills")),
        Some("Jennifer Mattinson"),
        "{qs:#?}"
    );
}

#[test]
fn a_capitalised_affiliation_among_inverted_role_words() {
    let t = "“October provided a resurgence for her,” said former Obama adviser David Axelrod.\n\n\
             “The plan is dead,” said longtime GOP strategist Jo Roe.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "resurgence")),
        Some("David Axelrod"),
        "{qs:#?}"
    );
    assert_eq!(
        speaker(find(&qs, "plan is dead")),
        Some("Jo Roe"),
        "{qs:#?}"
    );
}

#[test]
fn inverted_subjects_with_titles_complements_and_relative_clauses() {
    let t = "“Almost everybody was opposed to the thing,” said former Sen. Evan Bayh, a \
             moderate.\n\n“It is going to be hard to do quickly,” said an adviser to the mayor.\n\n\
             “I would want answers if I were a donor,” said a party member who supports him, asking \
             for anonymity.\n\n“The odds are more likely than not,” said another leading \
             advocate.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "Almost everybody")),
        Some("Evan Bayh"),
        "{qs:#?}"
    );
    let q = find(&qs, "hard to do quickly");
    assert_eq!(q.speaker_mention.as_deref(), Some("an adviser"), "{qs:#?}");
    let q = find(&qs, "want answers");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("a party member"),
        "{qs:#?}"
    );
    // The relative clause is part of the attribution, not a report of "asking".
    assert!(
        !qs.iter().any(|q| q.text.contains("supports him")),
        "{qs:#?}"
    );
    let q = find(&qs, "more likely than not");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("another leading advocate"),
        "{qs:#?}"
    );
}

#[test]
fn a_person_described_by_a_name_is_not_the_name() {
    let t = "“It may have been his first attempt,” said his best friend at Lehigh, Bruce \
             Turry.\n\nA Republican Party member said the plan was dead.\n\nA White House \
             spokesman said the plan was alive.";
    let ents = vec![
        named(t, "Republican Party", EntityKind::Org),
        named(t, "White House", EntityKind::Org),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(speaker(find(&qs, "first attempt")), None, "{qs:#?}");
    let q = find(&qs, "plan was dead");
    assert_eq!(speaker(q), None, "{qs:#?}");
    assert_eq!(q.speaker_type, Some(EntityKind::Person), "{qs:#?}");
    // A spokesman speaks for the organisation.
    assert_eq!(
        speaker(find(&qs, "plan was alive")),
        Some("White House"),
        "{qs:#?}"
    );
}

#[test]
fn a_quotation_closing_before_according_to_is_the_report() {
    let t = "“Prices will rise sharply next year,” according to Mr. Rhodes.\n\nThe visit became \
             “the high-water mark in their relationship,” according to Rhodes.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "Prices will rise")),
        Some("Rhodes"),
        "{qs:#?}"
    );
    assert_eq!(
        speaker(find(&qs, "high-water mark")),
        Some("Rhodes"),
        "{qs:#?}"
    );
}

#[test]
fn calling_someone_something_reports_the_subject() {
    let t = "Trump attacked Obama on Monday, calling him “the most ignorant president in our \
             history.”";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "most ignorant")),
        Some("Trump"),
        "{qs:#?}"
    );
}

#[test]
fn a_participle_after_a_long_opening_reports_the_main_clause_subject() {
    let t = "On Thursday, after remaining neutral throughout the primary, Warren appeared on \
             television and endorsed Clinton, saying, “Having a fighter in the lead is what this \
             country needs.”\n\nAnd although he thanked the community for supporting him, Jo Roe \
             sounded a rare note of doubt, saying, “I am not sure I really deserve it.”";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "fighter in the lead")),
        Some("Warren"),
        "{qs:#?}"
    );
    assert_eq!(
        speaker(find(&qs, "really deserve it")),
        Some("Jo Roe"),
        "{qs:#?}"
    );
}

#[test]
fn a_persons_name_as_the_label_of_a_quotation() {
    let t = "The pollster Jeffrey M. Jones looked at the states.\n\nParties gain ground in the \
             polls - Jeffrey M. Jones: “Our analysis finds that 20 states are solidly \
             Republican.”\n\nRep. Trey Gowdy (R-S.C.): “I have not heard anyone other than you \
             cite that figure.”\n\nUpdate: “We learned that from the department and its \
             analysis.”";
    let ents = vec![named(t, "Jeffrey M. Jones", EntityKind::Person)];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(
        speaker(find(&qs, "solidly")),
        Some("Jeffrey M. Jones"),
        "{qs:#?}"
    );
    assert_eq!(
        speaker(find(&qs, "cite that figure")),
        Some("Trey Gowdy"),
        "{qs:#?}"
    );
    // A label that names no person the page knows is no speaker.
    assert_eq!(speaker(find(&qs, "learned that")), None, "{qs:#?}");
}

#[test]
fn an_inverted_attribution_after_a_comma_closes_the_clause_before_it() {
    let t = "The approach is made possible by its resources, said Katie Harbath, Facebook’s \
             global outreach director.\n\nThere may be no upside in coming out early with a \
             plan for Syria, said Michael O’Hanlon, a senior fellow at the institute.\n\nThe \
             combination, say economists, marks a journey into uncharted territory.";
    let qs = quotes(t);
    let q = find(&qs, "made possible");
    assert_eq!(speaker(q), Some("Katie Harbath"), "{qs:#?}");
    assert!(
        !qs.iter().any(|q| q.text.contains("outreach director")),
        "{qs:#?}"
    );
    // The name ending the reported clause ("Syria") is no subject of "said".
    assert_eq!(
        speaker(find(&qs, "no upside")),
        Some("Michael O’Hanlon"),
        "{qs:#?}"
    );
    // An aside before a lower-case verb still reports the clause it interrupts.
    assert_eq!(
        speaker(find(&qs, "uncharted territory")),
        Some("economists"),
        "{qs:#?}"
    );
}

#[test]
fn a_title_in_quotation_marks_before_an_opening_comma_is_no_quote_of_the_speaker() {
    let t = "In an interview on his podcast “The Axe Files” out Thursday, Mary Kay Henry said her \
             organization is going into overdrive against the plan.";
    let qs = quotes(t);
    let q = find(&qs, "her organization");
    assert_eq!(speaker(q), Some("Mary Kay Henry"), "{qs:#?}");
    assert!(
        !qs.iter()
            .any(|q| q.text.contains("Axe Files") && q.speaker.is_some()),
        "{qs:#?}"
    );
}

#[test]
fn a_group_or_described_organisation_speaks_as_named() {
    let t = "The findings offer new insight into consciousness, say the researchers, and more \
             work is planned.\n\nA cargo ship broke up over Siberia, the Russian space agency \
             said on Thursday.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "new insight")), Some("researchers"));
    assert_eq!(
        speaker(find(&qs, "cargo ship")),
        Some("Russian space agency")
    );
    // A sentence-initial article is no name: "The company" stays unnamed without a company.
    let qs = quotes("The company said it was lowering prices across the store.");
    assert_eq!(speaker(find(&qs, "lowering prices")), None);
}

#[test]
fn a_conjoined_attribution_ends_the_reported_clause() {
    let t = "South Africa said the president was confined to his home but was fine and the \
             military said it was keeping him and his family safe.\n\n\
             He claimed the tax cuts would pay for themselves even as the Congressional Budget \
             Office estimated that they would add $250 billion to the deficit.";
    let qs = quotes(t);
    let q = find(&qs, "confined to his home");
    assert!(!q.text.contains("military"), "{}", q.text);
    let q = find(&qs, "keeping him");
    assert_eq!(q.speaker_mention.as_deref(), Some("the military"));
    let q = find(&qs, "pay for themselves");
    assert!(!q.text.contains("Budget"), "{}", q.text);
    assert_eq!(
        speaker(find(&qs, "add $250 billion")),
        Some("Congressional Budget Office")
    );
    let qs = quotes(
        "Kirby said the US has briefed the government on the situation and the former \
         continues to monitor it closely.",
    );
    assert!(find(&qs, "has briefed").text.contains("monitor"));
}

#[test]
fn a_new_paragraphs_quotation_keeps_its_own_attribution() {
    let t = "“Who would have believed it?” Trump said, looking out on the crowd.\n\n\
             “I would,” Melanie said to the TV.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "I would")), Some("Melanie"));
}

#[test]
fn a_fragment_inside_another_clause_does_not_continue_a_speaker() {
    let t = "Jo Roe said officials should release the videos “without any delay.” Bo Lee, \
             her opponent, bemoaned the unrest and said drugs were a “very, very big factor” \
             in the violence.";
    let qs = quotes(t);
    assert!(
        qs.iter()
            .all(|q| !q.text.contains("big factor") || q.speaker.as_deref() != Some("Jo Roe")),
        "{qs:#?}"
    );
}

#[test]
fn a_transcript_label_names_the_speaker() {
    let t = "\"WALLACE: But, Governor, I have to ask you about the polls this week.\n\n\
             \"PENCE: The polls will change before the election, Chris.\"";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "ask you about")), Some("Wallace"));
    assert_eq!(speaker(find(&qs, "polls will change")), Some("Pence"));
}

#[test]
fn a_quotation_closing_a_clause_it_opened_inside_is_mixed() {
    let t = "The certification adds costs. But it is also an assurance “that people are \
             watching out for the resource,” he said.";
    let qs = quotes(t);
    let q = find(&qs, "assurance");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert!(q.text.contains("watching out"), "{}", q.text);
}

/// The byte range of `part` in `text` (its first occurrence).
fn range_of(text: &str, part: &str) -> std::ops::Range<usize> {
    let a = text.find(part).expect("part of the text");
    a..a + part.len()
}

#[test]
fn a_block_quotation_is_the_quote_of_the_speaker_before_it() {
    let t = "The engineer Priya Nandakumar found the flaw last spring, and she said the fix was \
             simple. Here is her account.\n\n\
             The server trusts whatever the client sends about its slots.\n\n\
             x = [\n\n\
             ]\n\n\
             I reported it to the vendor 14 months ago and heard nothing back.\n\n\
             The vendor did not reply to questions on Friday.";
    let block = range_of(
        t,
        "The server trusts whatever the client sends about its slots.\n\nx = [\n\n]\n\n\
         I reported it to the vendor 14 months ago and heard nothing back.",
    );
    let qs = claimtrail_quotes::find_quotes_with_blocks(&Doc::new(t), &[], &[block]);
    let a = find(&qs, "The server trusts");
    assert_eq!(a.kind, QuoteKind::Direct);
    assert_eq!(
        a.text,
        "The server trusts whatever the client sends about its slots."
    );
    assert_eq!(speaker(a), Some("Priya Nandakumar"));
    let b = find(&qs, "I reported it");
    assert_eq!(speaker(b), Some("Priya Nandakumar"));
    // The listing's lines are no quotes; without the block the paragraphs are no quotes at all.
    assert!(qs.iter().all(|q| !q.text.starts_with("x =")));
    assert!(quotes(t).iter().all(|q| !q.text.contains("I reported it")));
}

#[test]
fn a_block_quotation_takes_the_credit_line_under_it() {
    let t =
        "Reactions came quickly from the coach, Dale Ortiz, who said the team would appeal.\n\n\
             We are proud of every player on this roster tonight.\n\n\
             — Marta Kowalski (@mkowalski) May 3, 2024";
    let block = range_of(t, "We are proud of every player on this roster tonight.");
    let qs = claimtrail_quotes::find_quotes_with_blocks(&Doc::new(t), &[], &[block]);
    let q = find(&qs, "We are proud");
    assert_eq!(speaker(q), Some("Marta Kowalski"));
}

#[test]
fn a_block_no_one_speaks_is_a_box_of_the_articles_own() {
    // A summary box the page set off as a block quotation, with no credit line and no one in
    // play, is no quotation; a cue inside it reads as it would in the article's prose.
    let t = "Myth 3: frozen peas lose their goodness in the freezer.\n\n\
             Peas are frozen within hours of picking, which keeps most of their vitamin C.\n\n\
             The short answer:\n\n\
             Frozen peas are as good a choice as fresh ones for nearly every household cook. \
             Nutrition councils advise that families keep a bag in the freezer all year round.";
    let block = range_of(
        t,
        "Frozen peas are as good a choice as fresh ones for nearly every household cook. \
         Nutrition councils advise that families keep a bag in the freezer all year round.",
    );
    let qs = claimtrail_quotes::find_quotes_with_blocks(&Doc::new(t), &[], &[block]);
    assert!(
        qs.iter().all(|q| !q.text.contains("as good a choice")),
        "{qs:#?}"
    );
    let q = find(&qs, "families keep a bag in the freezer");
    assert_eq!(q.kind, QuoteKind::Indirect);
    // A sentence ending in a colon introduces a quotation, whoever wrote it.
    let t = "The vendor's terms put the purpose of its data collection plainly enough:\n\n\
             We keep the details of every order so that we can suggest products you may want.\n\n\
             Few shoppers read that far.";
    let block = range_of(
        t,
        "We keep the details of every order so that we can suggest products you may want.",
    );
    let qs = claimtrail_quotes::find_quotes_with_blocks(&Doc::new(t), &[], &[block]);
    assert_eq!(find(&qs, "We keep the details").kind, QuoteKind::Direct);
}

#[test]
fn headings_set_off_as_a_block_are_no_quotation() {
    // A box of titled picks set as a block quotation, and a section heading later repeating
    // one of its lines (matched as the same block), speak for no one, even with a person in
    // play just before them.
    let t = "Our reviewer Dana Whitfield said the field was the strongest in years.\n\n\
             Top Cameras of the Year\n\n\
             Best Overall Camera - Nikon Z8 With the 24-120 Kit Lens\n\n\
             Best Budget Camera - Canon R50 and the Sony ZV-E10\n\n\
             “It focuses faster than anything I have used,” Whitfield said of the Z8.\n\n\
             Best Overall Camera: Nikon Z8 With the 24-120 Kit Lens\n\n\
             The Z8 weighs less than its predecessor.";
    let listing = range_of(
        t,
        "Top Cameras of the Year\n\n\
         Best Overall Camera - Nikon Z8 With the 24-120 Kit Lens\n\n\
         Best Budget Camera - Canon R50 and the Sony ZV-E10",
    );
    let heading = range_of(t, "Best Overall Camera: Nikon Z8 With the 24-120 Kit Lens");
    let qs = claimtrail_quotes::find_quotes_with_blocks(&Doc::new(t), &[], &[listing, heading]);
    assert!(qs.iter().all(|q| !q.text.contains("Best ")), "{qs:#?}");
    assert_eq!(
        speaker(find(&qs, "It focuses faster")),
        Some("Dana Whitfield")
    );
}

#[test]
fn the_writers_own_findings_are_no_quotation() {
    // A reviewer's "my testing showed", "I've found", "we ... and found" are the article's
    // own prose; a source's finding still reports.
    let t = "I brewed twelve pots with each kettle. My testing showed that the copper kettle \
             cooled fastest. I've also found that thin spouts pour more evenly. We looked at \
             the maker's figures and found that the steel model held heat longest. The \
             institute's lab found that enamel chips after a year.";
    let qs = quotes(t);
    for mine in ["copper kettle", "thin spouts", "steel model"] {
        assert!(qs.iter().all(|q| !q.text.contains(mine)), "{mine}: {qs:#?}");
    }
    find(&qs, "enamel chips after a year");
}

#[test]
fn a_hyphenated_role_before_an_inverted_name_keeps_the_name() {
    let t = "The boots arrived in March.\n\n\
             “The soles gripped on wet rock,” said wear-tester Ana Ruiz. “I never slipped.”";
    assert_speakers(
        t,
        &[("soles gripped", "Ana Ruiz"), ("never slipped", "Ana Ruiz")],
    );
}

#[test]
fn a_name_closing_the_clause_on_a_colon_speaks_the_quotation() {
    let t = "Some riders were finally won over by the frame, including tester Paul Grady: \
             “This bike changed my mind about gravel riding for good.”";
    let entities = vec![named(t, "Paul Grady", EntityKind::Person)];
    let qs = find_quotes(&Doc::new(t), &entities);
    assert_eq!(speaker(find(&qs, "changed my mind")), Some("Paul Grady"));
}

#[test]
fn a_name_line_under_a_pull_quote_credits_it() {
    let t = "The library opened a new wing this spring.\n\n\
             “Every child who walks through these doors should leave with a book of their own.”\n\n\
             Helena Marsh\n\n\
             Library Board Chair\n\n\
             The wing holds 40,000 volumes.\n\n\
             “Reading is a habit that lasts a lifetime.”\n\n\
             New Titles This Month";
    let entities = vec![named(t, "Helena Marsh", EntityKind::Person)];
    let qs = find_quotes(&Doc::new(t), &entities);
    assert_eq!(speaker(find(&qs, "Every child")), Some("Helena Marsh"));
    // A heading under a quotation is no one's name.
    assert_eq!(speaker(find(&qs, "Reading is a habit")), None);
}

#[test]
fn shares_of_respondents_speak_for_the_survey_named_before_them() {
    // A share as the subject ("Nearly 61% said", "38% and 29% said", a parenthesis between
    // the subject and its verb) reports; the survey named just before speaks for it.
    let t = "In the Ferry Riders Survey, 64% of commuters said the boats run late on most \
             mornings. Nearly 61% said they would pay more for a later sailing.\n\n\
             Among students and retirees, 38% and 29% said they ride every week.\n\n\
             The Harbour Transit Poll came out in May. Roughly half of all riders (47.5%) said \
             the new timetable is worse than the old one.\n\n\
             Two boats sank in 1998, and 12% said nothing about it.";
    let qs = quotes(t);
    let q = find(&qs, "the boats run late");
    assert_eq!(speaker(q), Some("Ferry Riders Survey"));
    let q = find(&qs, "pay more for a later sailing");
    assert_eq!(speaker(q), Some("Ferry Riders Survey"));
    assert_eq!(find(&qs, "they ride every week").kind, QuoteKind::Indirect);
    let q = find(&qs, "the new timetable is worse");
    assert_eq!(speaker(q), Some("Harbour Transit Poll"));
}

#[test]
fn a_name_before_its_role_and_two_roles_before_a_name_speak() {
    // "“…,” Jo Roe, an assistant attorney general said": the name set off before an indefinite
    // role with no comma before the verb speaks; "said Anchorage businessman and blogger Jo
    // Roe": a place and two roles joined by "and" before the name.
    let t = "The county sold the old mill in March, mayor Lena Dorr said.\n\n\
             “Selling the mill has taken four years,” Marta Quill, an assistant state attorney \
             general said Tuesday.\n\n\
             “In July alone, the mill lost $300,000,” said Tacoma businessman and blogger Oren \
             Vasko, a critic of the sale.";
    let qs = quotes(t);
    let q = find(&qs, "has taken four years");
    assert_eq!(speaker(q), Some("Marta Quill"));
    let q = find(&qs, "the mill lost");
    assert_eq!(speaker(q), Some("Oren Vasko"));
}

#[test]
fn a_cue_inside_a_dash_aside_reports_up_to_its_closing_dash() {
    // "On Friday — a day after the sheriff said X — Y": the aside's reported clause ends at the
    // closing dash; the main clause after it is no one's report. A cue before the aside keeps
    // its clause whole, the aside in it.
    let t = "On Friday \u{2014} a day after the sheriff said the two hikers had turned back \u{2014} \
             volunteers searched the ridge again.\n\n\
             The ranger said the trail \u{2014} closed since the spring floods \u{2014} would reopen in June.";
    let qs = quotes(t);
    let q = find(&qs, "the two hikers had turned back");
    assert_eq!(q.text, "the two hikers had turned back");
    let q = find(&qs, "would reopen in June");
    assert!(q.text.starts_with("the trail"), "{}", q.text);
}

#[test]
fn a_reported_clause_closing_on_a_colon_introduces_the_next_paragraph_quotation() {
    // "X says she … before coming back:" then a quotation opening the next paragraph, running
    // on over paragraphs: X speaks it. A clause with a cue of its own ("… said the driver
    // shouted:") introduces another's words, and is left alone.
    let t = "Fire chief Dana Whitlock says the driver was outside for nine minutes before coming back:\n\n\
             \u{201c}He drove his truck through the gate and into the yard.\n\n\
             He had a crowbar with him.\n\n\
             Two of the guards ran for the office.\u{201d}\n\n\
             The yard reopened on Monday.";
    let qs = quotes(t);
    let q = find(&qs, "through the gate");
    assert_eq!(speaker(q), Some("Dana Whitlock"));
    let t = "The clerk said the driver shouted at the guards before leaving:\n\n\
             \u{201c}Nobody here will stop me from driving through that gate today.\u{201d}";
    let qs = quotes(t);
    let q = find(&qs, "Nobody here");
    assert_ne!(speaker(q), Some("clerk"));
}

#[test]
fn the_subject_of_a_passive_cue_before_an_infinitive_is_no_speaker() {
    // "X is believed to be seeking …": X is spoken about; no one is named saying it.
    let t = "Marlow is believed to be seeking more than $21 million per year from the club.\n\n\
             The striker was said to have turned down two offers.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| speaker(q) != Some("Marlow")), "{qs:?}");
    assert!(qs.iter().all(|q| speaker(q) != Some("striker")), "{qs:?}");
}

#[test]
fn an_accusing_document_speaks_not_the_accused() {
    // "The charges against X allege …": the charges speak, named with the one they accuse.
    let t = "The charges against Brannigan allege he sold the county's snowplows to a friend.\n\n\
             A lawsuit against the water board claims the meters overcharged every household.";
    let qs = quotes(t);
    let q = find(&qs, "sold the county");
    assert_eq!(speaker(q), Some("charges against Brannigan"));
    let q = find(&qs, "the meters overcharged");
    assert_eq!(speaker(q), Some("lawsuit against the water board"));
}

#[test]
fn two_speakers_joined_by_and_after_the_clause_speak() {
    // "…, police and the woman's friend said": a subject of two short phrases joined by "and"
    // reports the clause before its comma.
    let t =
        "The hiker had been missing for two days, police and the hiker\u{2019}s brother said.\n\n\
             The bridge will stay shut until May, officials and a state engineer said.";
    let qs = quotes(t);
    let q = find(&qs, "missing for two days");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("police and the hiker\u{2019}s brother")
    );
    let q = find(&qs, "stay shut until May");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("officials and a state engineer")
    );
}

#[test]
fn survey_findings_speak_for_the_survey_and_its_owner() {
    // Data a name owns speak as a document does; "according to data from … in X's Y Survey"
    // is the survey's; a share of respondents paragraphs after "Acme survey data" is the
    // survey in play's, its owner's name with the word.
    let t =
        "According to Lindqvist data, a third of shoppers now buy snacks online every week.\n\n\
             Lindqvist data shows that people link snacks with their afternoon energy dips.\n\n\
             According to data from over 40,000 responses in Lindqvist's Snack Habits in 2025 \
             Survey, salty snacks were the top choice for evenings at home.\n\n\
             Lindqvist survey data shows the trend spreading across categories.\n\n\
             Fruit bars remain a staple of lunch boxes in most regions.\n\n\
             Nearly 59% said they trust snack labels backed by clinical research.\n\n\
             The data shows that demand rose in every month of the year.";
    let qs = quotes(t);
    let q = find(&qs, "buy snacks online");
    assert_eq!(speaker(q), Some("Lindqvist data"));
    let q = find(&qs, "people link snacks");
    assert_eq!(speaker(q), Some("Lindqvist data"));
    let q = find(&qs, "salty snacks were the top choice");
    assert!(q.text.starts_with("salty"), "{q:#?}");
    assert_eq!(speaker(q), Some("Snack Habits in 2025 Survey"));
    let q = find(&qs, "they trust snack labels");
    assert_eq!(speaker(q), Some("Lindqvist survey"));
    // Bare "the data" names no one.
    let q = find(&qs, "demand rose in every month");
    assert_eq!(speaker(q), None);
}

#[test]
fn per_and_according_to_name_their_source() {
    // "Per the 2024 X Report, …" is "according to"; "according to data from the 2023 X
    // Index" is the index's; "according to Acme's chief economist, Jo Roe, …" is Jo Roe's.
    let t = "Per the 2024 Coastal Freight Report, container traffic fell by a fifth in the \
             spring.\n\n\
             Two in three renters expect repairs within a week, according to data from the \
             2023 Tenant Index.\n\n\
             According to Meridian Bank's chief economist, Ilse Varga, rates will stay high \
             into next year.\n\n\
             The tickets cost $12 per adult, per the usual rules.";
    let qs = quotes(t);
    let q = find(&qs, "container traffic fell");
    assert!(
        speaker(q).is_some_and(|s| s.ends_with("Coastal Freight Report")),
        "{q:#?}"
    );
    let q = find(&qs, "expect repairs within a week");
    assert!(speaker(q).is_some_and(|s| s.ends_with("Index")), "{q:#?}");
    let q = find(&qs, "rates will stay high");
    assert_eq!(speaker(q), Some("Ilse Varga"));
    assert!(qs.iter().all(|q| !q.text.contains("$12")), "{qs:#?}");
}

#[test]
fn a_participle_after_the_clause_takes_the_clause_subject() {
    let t = "Okafor shared the post, saying, “Nobody here asked for this.”\n\n\
             Halvorsen raised the fees again, while insisting the market would bear them.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "Nobody here asked")), Some("Okafor"));
    let q = find(&qs, "the market would bear them");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("Halvorsen"));
}

#[test]
fn a_cue_word_heading_a_noun_phrase_attributes_nothing() {
    let t = "The yield on the five-year Treasury note has climbed to 4 percent. A storm hit the \
             Mexican state of Oaxaca, killing three people.\n\n\
             Ruiz said the roads were closed. Analysts note that the index has fallen.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("climbed")), "{qs:#?}");
    assert!(qs.iter().all(|q| !q.text.contains("killing")), "{qs:#?}");
    assert_eq!(speaker(find(&qs, "the roads were closed")), Some("Ruiz"));
    // Before a clause the word is the verb.
    assert_eq!(
        find(&qs, "the index has fallen").cue.as_deref(),
        Some("note")
    );
}

#[test]
fn reported_speech_inside_reported_speech_has_its_own_speaker() {
    let t = "Norway said Premier Hanna Lind had told the king on Monday that she would resign by \
             June. Police sources say Dario Conti told officers that the car was taken from his garage.\n\n\
             The board said what it called a review was under way.";
    let qs = quotes(t);
    // The outer clause stays the outer speaker's; the inner one is the inner speaker's.
    assert_eq!(speaker(find(&qs, "Hanna Lind had told")), Some("Norway"));
    let inner = qs
        .iter()
        .find(|q| q.text == "she would resign by June")
        .expect("the nested clause");
    assert_eq!(speaker(inner), Some("Hanna Lind"));
    let inner = qs
        .iter()
        .find(|q| q.text.starts_with("the car was taken"))
        .expect("the nested clause");
    assert_eq!(speaker(inner), Some("Dario Conti"));
    // "what it called" reports nothing of its own.
    assert!(
        qs.iter().all(|q| !q.text.starts_with("a review")),
        "{qs:#?}"
    );
}

#[test]
fn a_finding_in_the_perfect_tense_reports_its_that_clause() {
    // "has shown that": the participle reports like "showed that"; "has been shown to" does not.
    let qs = quotes(
        "Research has shown that short naps do not harm night sleep. Ines Kell \
         has shown that the drug lowers fever. Naps have been shown to help mood.",
    );
    assert!(find(&qs, "short naps do not harm").cue.as_deref() == Some("shown"));
    assert_eq!(speaker(find(&qs, "lowers fever")), Some("Ines Kell"));
    assert!(qs.iter().all(|q| !q.text.contains("help mood")));
}

#[test]
fn a_possessed_speech_noun_reports_its_that_clause() {
    let t = "But Governor Ines Aalto’s warning that the dam could fail went unheeded. The idea \
             fits van Rijn’s notion that cities are machines. The claim that went viral was false.";
    let qs = quotes(t);
    let q = find(&qs, "the dam could fail");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(speaker(q), Some("Ines Aalto"));
    assert_eq!(q.speaker_mention.as_deref(), Some("Governor Ines Aalto"));
    assert_eq!(
        find(&qs, "cities are machines").cue.as_deref(),
        Some("notion")
    );
    // No owner, no speaker: "the claim that" opens a relative clause as often as a statement.
    assert!(qs.iter().all(|q| !q.text.contains("went viral")), "{qs:#?}");
}

#[test]
fn a_lower_case_particle_stays_with_the_surname() {
    let t = "The architect Maria van Houten drew the first plans in 1998.\n\n\
             Glass towers age badly in this climate, van Houten notes.";
    let qs = quotes(t);
    let q = find(&qs, "Glass towers age badly");
    assert_eq!(q.text, "Glass towers age badly in this climate");
    assert_eq!(speaker(q), Some("Maria van Houten"));
    assert_eq!(q.speaker_mention.as_deref(), Some("van Houten"));
}

#[test]
fn a_group_is_subject_enough_for_a_weak_cue() {
    let t = "Warmer winters are to blame, researchers think, for the early blooms.\n\n\
             The children think of ghosts.";
    let qs = quotes(t);
    let q = find(&qs, "Warmer winters are to blame");
    assert_eq!(speaker(q), Some("researchers"));
    assert_eq!(q.cue.as_deref(), Some("think"));
    assert!(qs.iter().all(|q| !q.text.contains("ghosts")), "{qs:#?}");
}

#[test]
fn a_name_and_their_family_speak_as_the_name() {
    let t = "Maria Brandt lost her herd in March. Brandt and her neighbours believe the \
             water was poisoned.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "the water was poisoned")),
        Some("Maria Brandt")
    );
}

#[test]
fn a_passive_cue_is_the_agents_speech() {
    // The description in quote marks is the agent's, and the passive subject is spoken about.
    let t = "The wave of closures has been described as “devastating” by the regional health \
             department. The Lund project, backed by the mayor and criticized by the Harbor \
             Authority for ignoring flood risk along the river, goes ahead.";
    let qs = quotes(t);
    let q = find(&qs, "wave of closures");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(speaker(q), Some("regional health department"));
    let q = find(&qs, "for ignoring flood risk");
    assert_eq!(speaker(q), Some("Harbor Authority"));
}

#[test]
fn we_are_told_reports_the_sources_in_play() {
    let t = "Our sources say the painting was taken from the hotel on Friday night. We're told \
             there is camera footage that detectives are reviewing this week.";
    let qs = quotes(t);
    let q = find(&qs, "there is camera footage");
    assert!(q.text.starts_with("there is camera footage"), "{q:?}");
    assert_eq!(speaker(q), Some("Our sources"));
}

#[test]
fn a_document_with_its_complement_speaks() {
    let t = "A review of county court records shows that evictions doubled in two years.\n\n\
             The fund would follow — according to the explanatory notes of the Harbor Bill — \
             “rules that protect the savings of small depositors”.";
    assert_speakers(
        t,
        &[
            ("evictions doubled", "review of county court records"),
            (
                "savings of small depositors",
                "explanatory notes of the Harbor Bill",
            ),
        ],
    );
}

#[test]
fn an_apposition_with_a_relative_clause_leaves_the_subject() {
    let t = "Okafor, a director of the Lagos Fisheries Board, which has set quotas for trawlers \
             since 1982, described the stock as healthy but shrinking.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "healthy but shrinking")), Some("Okafor"));
}

#[test]
fn a_plural_subject_makes_claim_a_verb() {
    let t = "Some landlords claim that tenants can “opt out” of the new fee. Critics claim \
             that the fee breaks the lease law.";
    let qs = quotes(t);
    let q = find(&qs, "tenants can");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(q.cue.as_deref(), Some("claim"));
    assert_eq!(speaker(find(&qs, "breaks the lease")), Some("Critics"));
}

#[test]
fn an_introducing_sentence_gives_the_next_quotation_its_speaker() {
    let t = "The budget vote is set for March.\n\nMargaret Olsen, the former treasurer of the \
             county, once put the problem plainly. “We keep borrowing against a house that is \
             already on fire.” Since then, the debt has grown. “Nothing changes until the \
             rules do, and they will not change this year.”";
    let entities = vec![named(t, "Margaret Olsen", EntityKind::Person)];
    let qs = find_quotes(&Doc::new(t), &entities);
    assert_eq!(speaker(find(&qs, "keep borrowing")), Some("Margaret Olsen"));
    // "Since then" opens no subject: the next quotation is not given to a word like it.
    assert_ne!(speaker(find(&qs, "Nothing changes")), Some("Since"));
}

#[test]
fn the_name_modifying_an_organisation_noun_names_the_organisation() {
    let t = "The treaty was signed by both sides and criticized by the Obama administration \
             for leaving out the northern fisheries entirely.";
    assert_speakers(t, &[("leaving out the northern", "Obama administration")]);
}

#[test]
fn an_as_frame_reports_the_clause_after_its_comma() {
    let t = "But, as the Harbor Safety Board has pointed out, the new piers would also block \
             “the only channel deep enough for tankers”.";
    let qs = quotes(t);
    let q = find(&qs, "the new piers would also block");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert_eq!(speaker(q), Some("Harbor Safety Board"));
    assert_eq!(q.cue.as_deref(), Some("pointed"));
}

#[test]
fn a_ruling_that_holds_a_clause_is_reported_speech_and_a_held_meeting_is_not() {
    let qs =
        quotes("The appeals courts have held that a merger of two utilities needs state approval.");
    let q = find(&qs, "a merger of two utilities");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert_eq!(q.speaker_mention.as_deref(), Some("The appeals courts"));
    assert!(quotes("The council held a meeting on the budget in March.").is_empty());
}

#[test]
fn a_subject_adamant_about_a_clause_reports_it() {
    let qs = quotes("The nurses' union is adamant hospital rosters must change before winter.");
    let q = find(&qs, "hospital rosters must change");
    assert!(
        q.speaker_mention
            .as_deref()
            .is_some_and(|m| m.ends_with("union")),
        "{q:?}"
    );
    // Adamant about a thing, or adamant alone, reports nothing.
    assert!(quotes("He was adamant about the plan. She remained adamant.").is_empty());
}

#[test]
fn a_restrictive_relative_clause_leaves_its_noun_the_subject() {
    let qs = quotes(
        "Harbour officials who spoke on condition of anonymity said the ferry contract had been \
         cancelled. Residents who live beside the quarry say the dust settles on everything.",
    );
    let q = find(&qs, "ferry contract had been cancelled");
    assert_eq!(q.speaker_mention.as_deref(), Some("Harbour officials"));
    let q = find(&qs, "dust settles on everything");
    assert_eq!(q.speaker_mention.as_deref(), Some("Residents"));
    // A "who" after a predicate opens no subject: the attribution after the comma speaks.
    let qs = quotes("It is unclear who opened the gate at night, the warden said.");
    let q = find(&qs, "who opened the gate");
    assert_eq!(q.speaker_mention.as_deref(), Some("the warden"));
}

#[test]
fn a_relative_pronoun_right_before_a_cue_stands_for_the_phrase_it_follows() {
    let qs = quotes(
        "Okafor shared a column by the Lagos Courier that claimed the port had lost money for \
         a decade.",
    );
    let q = find(&qs, "the port had lost money");
    assert_eq!(speaker(q), Some("Lagos Courier"));
    assert_eq!(q.speaker_mention.as_deref(), Some("that"));
    // Two coordinated that-clauses, the first without its "that": the report holds both.
    let qs = quotes(
        "Okafor shared a column that claimed the port lost money and that we now live in a \
         different city.",
    );
    assert!(find(&qs, "we now live")
        .text
        .starts_with("the port lost money"));
    // A relative verb without a clause after it reports nothing, and an apposition's noun
    // does not take over from the name before it.
    let qs = quotes(
        "Senator Jo Reyes, a Lagos Republican who warned of the debt in the past, nevertheless \
         voted for the bill on the floor.",
    );
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn a_cue_inside_a_relative_clause_reports_the_verb_phrase_after_it() {
    let qs = quotes(
        "Then came the rewards card, which Amazon founder Jo Reyes said last year had passed \
         50 million members.",
    );
    let q = find(&qs, "had passed 50 million members");
    assert_eq!(q.text, "had passed 50 million members");
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert!(
        q.speaker_mention
            .as_deref()
            .is_some_and(|m| m.ends_with("Jo Reyes")),
        "{q:?}"
    );
}

#[test]
fn a_double_genitive_subject_speaks() {
    let qs = quotes("A cousin of Okafor's later remembered that the boat had left before dawn.");
    let q = find(&qs, "the boat had left before dawn");
    assert_eq!(q.speaker_mention.as_deref(), Some("A cousin of Okafor"));
}

#[test]
fn an_adjective_of_stance_after_be_reports_the_clause_without_that() {
    let qs = quotes(
        "The teachers' federation is concerned the new curriculum would squeeze out music. \
         Farmers in the valley are confident it will rain before the harvest.",
    );
    let q = find(&qs, "the new curriculum would squeeze out music");
    assert_eq!(q.cue.as_deref(), Some("concerned"));
    assert!(
        q.speaker_mention
            .as_deref()
            .is_some_and(|m| m.ends_with("federation")),
        "{q:?}"
    );
    assert_eq!(find(&qs, "it will rain").cue.as_deref(), Some("confident"));
    // "am" stands between a subject and its cue as "is" does.
    let qs = quotes("I am truly afraid that the old bridge will close for good.");
    assert_eq!(
        find(&qs, "the old bridge will close")
            .speaker_mention
            .as_deref(),
        Some("I")
    );
    // Not a predicate, or no clause after it: no report.
    assert!(quotes(
        "The officials concerned were moved to other posts. She is concerned about the cost \
         of the bridge. As far as the mayor is concerned, the plan will go ahead."
    )
    .is_empty());
    // An item of a list after "said:" holding one is the list's speaker's, once.
    let qs = quotes(
        "In the interview, Mayor Ada Okafor also said:\n\nThe bridge will reopen in May\n\n\
         She is confident the tolls will be scrapped by autumn\n\nThe ferry stays",
    );
    let hits: Vec<_> = qs
        .iter()
        .filter(|q| q.text.contains("tolls will be"))
        .collect();
    assert_eq!(hits.len(), 1, "{qs:#?}");
    assert!(hits[0].text.starts_with("She is confident"));
    assert_eq!(speaker(hits[0]), Some("Ada Okafor"));
}

#[test]
fn a_mixed_quotation_running_on_over_lines_stays_its_speakers() {
    // The reported clause opens a quotation that runs on over the next sentence lines.
    let t = "Dana Pruitt said the meeting was \"a waste of an evening.\n\n\
             Nobody listened to the families.\n\n\
             We will bring it back next month. \"\n\n\
             The council meets again in May.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "a waste of an evening")),
        Some("Dana Pruitt")
    );
    assert_eq!(speaker(find(&qs, "Nobody listened")), Some("Dana Pruitt"));
    assert_eq!(speaker(find(&qs, "bring it back")), Some("Dana Pruitt"));
    assert!(qs.iter().all(|q| !q.text.contains("meets again")));
}

#[test]
fn a_quotation_over_four_lines_glued_to_the_cue_comma() {
    // Tokenised text: the mark run into the comma, the quotation set over four sentence lines.
    let t = "Ron Taves said,\"We played hard...\n\nThe second half was ours.\n\n\
             Nobody gave up.\n\nWe will be back. \"";
    assert_speakers(
        t,
        &[
            ("played hard", "Ron Taves"),
            ("second half", "Ron Taves"),
            ("Nobody gave up", "Ron Taves"),
            ("be back", "Ron Taves"),
        ],
    );
}

#[test]
fn a_quoted_excerpt_keeps_its_own_attributions() {
    // A wire story quoted whole, credited at its end: its paragraphs keep their own cues.
    let t = "\"A driver was hurt in a crash on Route 9, police said.\n\n\
             The road was closed for an hour, said Sgt. Omar Fenwick.\n\n\
             Two cars were towed. \" (Valley Wire article)";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "closed for an hour")),
        Some("Omar Fenwick")
    );
    assert_eq!(find(&qs, "closed for an hour").kind, QuoteKind::Indirect);
}

#[test]
fn a_charge_with_no_accuser_reports_nothing() {
    let t = "The woman accused of setting the warehouse fire is Lena Ortt, 41.\n\n\
             A guard who had been accused of taking bribes left the prison.\n\n\
             Ian Bell accused Ortt of lying to the police.";
    let qs = quotes(t);
    assert!(
        qs.iter()
            .all(|q| !q.text.contains("setting") && !q.text.contains("bribes")),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "lying to the police")), Some("Ian Bell"));
}

#[test]
fn a_cue_closing_a_fronted_clause_of_time_reports_nothing() {
    let t = "When the hearing had concluded, the families left the courthouse in silence.\n\n\
             Judge Ana Ruiz said the families had waited for two years.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("in silence")), "{qs:#?}");
    assert!(qs.iter().any(|q| q.text.contains("waited for two years")));
}

#[test]
fn a_quotation_split_by_a_relative_clause_is_one_speakers() {
    let t = "“The harbour will reopen in the spring,” which the council doubts, “and the ferries \
             will run again,” Maria Costa explains.";
    assert_speakers(
        t,
        &[
            ("harbour will reopen", "Maria Costa"),
            ("ferries will run", "Maria Costa"),
        ],
    );
    // A whole sentence before the clause is no first half.
    let t = "“We are done.” Which the council doubts, “and the ferries will run again,” Maria \
             Costa explains.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "ferries will run")), Some("Maria Costa"));
    assert!(qs
        .iter()
        .all(|q| !q.text.contains("We are done") || speaker(q) != Some("Maria Costa")));
}

#[test]
fn a_quotation_after_but_goes_to_the_attribution_closing_it() {
    let t = "Many gardeners also report earlier blossoms in warm years, but “the trees have not \
             changed their timing” in cold valleys, says Ana Ruiz.\n\n\
             Some tenants report higher bills this winter, but “the new boilers use less gas,” \
             says Omar Haddad.";
    assert_speakers(
        t,
        &[
            ("trees have not changed", "Ana Ruiz"),
            ("boilers use less gas", "Omar Haddad"),
        ],
    );
    let qs = quotes(t);
    let q = find(&qs, "earlier blossoms");
    assert_eq!(q.text, "earlier blossoms in warm years");
}

#[test]
fn an_organisation_before_a_person_noun_is_only_its_modifier() {
    let t = "Chip makers met in Oslo. A Northwind designer said the new chips could be built \
             in half the time.";
    let ents = vec![named(t, "Northwind", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "new chips could be built");
    assert_eq!(speaker(q), None, "{qs:#?}");
    assert_eq!(q.speaker_type, Some(EntityKind::Person), "{qs:#?}");
}

#[test]
fn a_role_in_charge_of_an_organisation_is_no_organisation() {
    let t = "The officer in charge of the Coast Guard's station said the boats would return \
             by dawn.";
    let ents = vec![named(t, "Coast Guard", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "boats would return");
    assert!(
        speaker(q).is_some_and(|s| s.starts_with("officer in charge")),
        "{qs:#?}"
    );
}

#[test]
fn a_pronoun_does_not_stand_for_a_named_thing_after_the() {
    let qs = quotes(
        "The Harvest Lantern Parade opened on Saturday in the square. He said the route would \
         change next year.",
    );
    assert_eq!(speaker(find(&qs, "route would change")), None, "{qs:#?}");
}

#[test]
fn a_possessive_pronouns_office_speaks_as_its_holder() {
    assert_speakers(
        "Governor Nora Vance toured the dam on Friday. Her office said the repairs would cost \
         two million dollars.",
        &[("repairs would cost", "Nora Vance")],
    );
}

#[test]
fn a_producer_before_a_name_after_the_clause_speaks() {
    // "producer" heads the name after the reported clause, as "spokesman" does.
    assert_speakers(
        "Dana Pike will host the gala for a second time, producer Carl Weber announced today.",
        &[("will host the gala", "Carl Weber")],
    );
}

#[test]
fn two_names_after_the_cue_speak_through_the_first() {
    assert_speakers(
        "“We are thrilled to have her back,” said Weber and Halloran.",
        &[("thrilled", "Weber")],
    );
    assert_speakers(
        "“The show sold out in an hour,” said Carl Weber and Ina Halloran on Monday.",
        &[("sold out", "Carl Weber")],
    );
}

#[test]
fn a_second_verb_after_a_relative_clause_on_the_object_keeps_the_subject() {
    assert_speakers(
        "Prime Minister Ana Silva defended her budget, which foresees deep cuts in wages, \
         and said the government would not give up its plan.",
        &[("would not give up its plan", "Ana Silva")],
    );
}

#[test]
fn just_between_a_speaker_and_the_cue_keeps_the_speaker() {
    assert_speakers(
        "Maria Lopez just tweeted she will run for the council next year.\n\n\
         Tom Eckert has just said the vote was fair.",
        &[
            ("she will run for the council", "Maria Lopez"),
            ("the vote was fair", "Tom Eckert"),
        ],
    );
}

#[test]
fn the_accused_as_a_noun_before_an_auxiliary_reports_nothing() {
    let qs = quotes("The woman accused had been led out of the building an hour earlier.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn a_trade_the_role_list_lacks_still_heads_an_inverted_speaker() {
    // "botanist", "curator" are on no list: the agent noun before the name is the role.
    assert_speakers(
        "“The seeds survived the winter,” says botanist Marit Solberg.\n\n\
         The drought will pass, says museum curator Tomasz Wrona.",
        &[
            ("seeds survived", "Marit Solberg"),
            ("drought will pass", "Tomasz Wrona"),
        ],
    );
    let qs = quotes("“The seeds survived the winter,” says botanist Marit Solberg.");
    assert_eq!(find(&qs, "seeds survived").cue.as_deref(), Some("says"));
}

#[test]
fn a_list_after_a_request_to_do_something_is_no_reported_speech() {
    // "ask you to think about:" asks for a deed; the items are what to think of, not words
    // the coach said. "Said:" before the same kind of list still reports it.
    let t = "Before a race, the coach Nora Vik will ask her runners to picture:\n\n\
             A finish line you crossed first\n\n\
             A morning run along the river\n\n\
             Later that week, Nora Vik also said:\n\n\
             The new track opens in June";
    let qs = quotes(t);
    assert!(
        !qs.iter()
            .any(|q| q.text.contains("finish line") || q.text.contains("morning run")),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "track opens")), Some("Nora Vik"));
}

#[test]
fn a_phrase_offered_to_the_reader_after_a_colon_is_no_quote() {
    // A mantra the reader is to repeat, after a colon whose clause has "you" as its subject,
    // is no one's statement.
    let t = "At the end, you turn the wish toward strangers: \
             “Let every traveller be safe and every house be warm.”\n\n\
             Lena Park described her routine: “I repeat it every morning before work.”";
    let qs = quotes(t);
    assert!(
        !qs.iter().any(|q| q.text.contains("house be warm")),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "every morning")), Some("Lena Park"));
}

#[test]
fn a_quotation_set_over_sentence_lines_closes_on_a_later_line() {
    // Text that puts each sentence on its own line: the quotation opens on one line and
    // closes lines later, where its speaker is named (curly marks, and straight ones whose
    // closing mark sits against the next word).
    let t = "The harbour was shut for a week.\n\n\
             “ The harbour will reopen on Monday.\n\n\
             Crews are still clearing the debris, ” harbour master Ines Caldwell said.\n\n\
             \"We lost two boats.\n\n\
             Nobody was hurt, \"fisherman Paul Okafor told reporters.";
    assert_speakers(
        t,
        &[
            ("will reopen on Monday", "Ines Caldwell"),
            ("still clearing the debris", "Ines Caldwell"),
            ("We lost two boats", "Paul Okafor"),
            ("Nobody was hurt", "Paul Okafor"),
        ],
    );
}

#[test]
fn an_age_before_an_inverted_name_keeps_the_name() {
    let t = "Coach Ann Perry said the team was ready for the final.\n\n\
             “We waited all night for news,” said 19-year-old Marcus Dell, a student at the \
             college.\n\n\
             “It was a long night,” said 20 - year - old Nora Blix.";
    assert_speakers(
        t,
        &[
            ("waited all night", "Marcus Dell"),
            ("a long night", "Nora Blix"),
        ],
    );
}

#[test]
fn responding_to_an_event_reports_nothing() {
    // "responded to the blaze" reacts; the clause is the department's report.
    let t = "Firefighters responded to the blaze on Elm Street shortly after midnight, \
             the Dayton Fire Department said.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| q.cue.as_deref() != Some("responded")),
        "{qs:#?}"
    );
    assert_eq!(
        speaker(find(&qs, "responded to the blaze")),
        Some("Dayton Fire Department")
    );
}

#[test]
fn a_capitalised_cue_word_inside_a_school_name_is_no_verb() {
    // "State" is the verb "state" only in lower case: "Ohio State" is the subject's name,
    // before the verb or before a role noun.
    let t = "\"The findings match what we expected,\" Iowa State president Dana Holm said.";
    let qs = quotes(t);
    let q = find(&qs, "findings match");
    assert_eq!(speaker(q), Some("Dana Holm"));
    assert_eq!(q.cue.as_deref(), Some("said"));
    let qs = quotes("Iowa State said it was reviewing the complaints.");
    let q = find(&qs, "reviewing the complaints");
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(q.speaker_mention.as_deref(), Some("Iowa State"));
}

#[test]
fn a_double_barrelled_name_written_with_a_spaced_hyphen_speaks() {
    // Tokenised text sets the hyphen apart: "Lloyd - Webber said".
    let t = "Composer Andrew Lloyd - Webber opened the show.\n\n\
             \"The cast rehearsed for a year, \"Lloyd - Webber said.";
    let qs = quotes(t);
    let q = find(&qs, "rehearsed");
    assert!(
        speaker(q).is_some_and(|s| s.ends_with("Webber")),
        "{:?}",
        speaker(q)
    );
}

#[test]
fn said_nothing_reports_no_words_and_the_closing_attribution_speaks() {
    let t = "Mara Quint spoke first.\n\n\
             Tom Bale, 41, said nothing when the guards reached him, Ellis Crane said.";
    let qs = quotes(t);
    let q = find(&qs, "the guards reached him");
    assert_eq!(speaker(q), Some("Ellis Crane"));
}

#[test]
fn where_it_was_said_after_a_closing_attribution_is_no_reported_clause() {
    let t = "Mara Quint said the deal was dead.\n\n\
             \"Nobody should panic\" over the vote, Tom Bale said in an interview with the \
             weekly Der Bote on Friday.\n\n\
             The port will reopen, Ann Lowe said in a long interview with the local paper on Sunday.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "Nobody should panic")), Some("Tom Bale"));
    assert_eq!(speaker(find(&qs, "The port will reopen")), Some("Ann Lowe"));
    assert!(qs.iter().all(|q| !q.text.starts_with("in a")), "{qs:#?}");
    // A report's object after where it appeared is still reported.
    let t = "Acme noted in its report a steep rise in late orders over the year.";
    assert!(quotes(t).iter().any(|q| q.text.contains("steep rise")));
}

#[test]
fn an_obligation_to_respond_reports_nothing() {
    let t = "The club must respond to the charges by March 3, and a panel will rule in May, \
             FIFA spokesman Omar Lindqvist said.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(find(&qs, "must respond")), Some("Omar Lindqvist"));
}

#[test]
fn a_question_left_unanswered_reports_nothing() {
    let t = "Although they would not say what led to the dispute, \
             “it was not a random act,” the Salem police chief, Rosa Marquez, said.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(speaker(find(&qs, "not a random act")), Some("Rosa Marquez"));
    let qs = quotes("The agency declined to say how many workers were laid off.");
    assert!(qs.is_empty(), "{qs:#?}");
    let qs = quotes("The mayor did not say why the bridge was closed.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn a_role_phrase_is_its_holder_named_before_not_a_deputy_named_later() {
    let t = "District Attorney Ruth Okafor announced today that charges were filed.\n\n\
             “No one is above the law,” the District Attorney said.\n\n\
             The case will be tried by Deputy District Attorney Ivan Petrov.";
    let people = |t: &str| {
        let mut a = named(t, "Ruth Okafor", EntityKind::Person);
        a.role = Some("District Attorney".into());
        let mut b = named(t, "Ivan Petrov", EntityKind::Person);
        b.role = Some("Deputy District Attorney".into());
        vec![a, b]
    };
    let qs = find_quotes(&Doc::new(t), &people(t));
    assert_eq!(speaker(find(&qs, "above the law")), Some("Ruth Okafor"));
}

#[test]
fn a_headline_crediting_its_claim_with_a_colon_is_the_sources() {
    let t = "FIFA: Bribes paid to officials over a decade\n\n\
             FIFA said on Monday that it had found the payments.";
    let qs = quotes(t);
    let q = find(&qs, "Bribes paid");
    assert_eq!(speaker(q), Some("FIFA"));
    assert_eq!(q.kind, QuoteKind::Indirect);
    let t = "Driver charged after crash kills cyclist: NYPD\n\n\
             A cyclist was killed on Friday, the NYPD said.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "Driver charged")), Some("NYPD"));
    let qs =
        quotes("Sources: Team close to a deal with pitcher\n\nThe team met the agent on Monday.");
    assert_eq!(
        find(&qs, "close to a deal").speaker_mention.as_deref(),
        Some("Sources")
    );
    // Labels and body text name no source: a date line, a capitalised label, a colon in prose.
    for t in [
        "Published: April 10, 2007\n\nThe plant closed in May.",
        "Update: Roads reopened after the storm\n\nThe plant closed in May.",
        "CHARGED WITH MURDER: What the neighbours never saw\n\nThe plant closed in May.",
        "The plant closed in May.\n\nPolice: Driver fled the scene on foot",
    ] {
        let qs = quotes(t);
        assert!(qs.is_empty(), "{t}: {qs:#?}");
    }
}

#[test]
fn an_outlet_is_reporting_that() {
    let t = "The Ledger is reporting that the Hawks have offered Tom Reyes a five-year deal.";
    let qs = quotes(t);
    let q = find(&qs, "Hawks have offered");
    assert_eq!(q.cue.as_deref(), Some("reporting"));
    assert_eq!(q.speaker_mention.as_deref(), Some("The Ledger"));
    // Without a that-clause, "reporting" reports nothing.
    let qs = quotes("Two stations aren't reporting further details about the crash.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn a_quotation_after_a_paragraph_introducing_a_person_is_theirs() {
    let t = "“The council made the right call,” Mayor Tom Briggs said on Monday.\n\n\
             Rita Vance, head of the tenants' union, welcomed the decision.\n\n\
             “This is a good day for every family in the city.”";
    let people = |t: &str| {
        vec![
            named(t, "Tom Briggs", EntityKind::Person),
            named(t, "Rita Vance", EntityKind::Person),
        ]
    };
    let qs = find_quotes(&Doc::new(t), &people(t));
    assert_eq!(speaker(find(&qs, "right call")), Some("Tom Briggs"));
    assert_eq!(
        speaker(find(&qs, "good day for every family")),
        Some("Rita Vance")
    );
    // A person spoken about (no apposition bringing them in) does not take the quotation.
    let t = "“The plan is sound,” Mayor Tom Briggs said on Monday.\n\n\
             Rita Vance was arrested last year.\n\n\
             “We will build it by spring.”";
    let qs = find_quotes(&Doc::new(t), &people(t));
    assert_eq!(speaker(find(&qs, "build it by spring")), Some("Tom Briggs"));
}

#[test]
fn a_quotation_leading_the_story_is_the_next_paragraphs_speaker() {
    let t = "“He never missed a shift.”\n\n\
             Dana Whitfield says the driver who died on Tuesday was a careful man.\n\n\
             “We were friends for twenty years,” Whitfield said.";
    assert_speakers(
        t,
        &[
            ("never missed a shift", "Dana Whitfield"),
            ("careful man", "Dana Whitfield"),
        ],
    );
    // A quotation with a speaker in play keeps it.
    let t = "“The plan is sound,” Mayor Tom Briggs said on Monday.\n\n\
             “It will pass.”\n\n\
             Rita Vance says the vote will be close.";
    assert_speakers(t, &[("It will pass", "Tom Briggs")]);
}

#[test]
fn a_passive_denied_with_an_object_reports_nothing() {
    let t = "Attorney Stanley Fenn said his client had little chance on appeal.\n\n\
             The court may find that the defense was denied a key witness at the trial, he said.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| q.cue.as_deref() != Some("denied")),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "key witness")), Some("Stanley Fenn"));
}

#[test]
fn a_day_after_the_cue_leaves_the_clause_whole() {
    // "Thursday" is when; the "that" later is the clause's own relative pronoun.
    let t = "Her lawyer, Mark Ruiz, said Thursday the singer checked into a clinic that a \
             state inspector said is not licensed.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "the singer checked into a clinic")),
        Some("Mark Ruiz")
    );
}

#[test]
fn a_capitalised_preposition_after_a_question_opens_a_new_sentence() {
    // The question ends its sentence; "In Harbour Weekly" is where, not who.
    let t = "A common question from readers is, “Can the old bridge on Mill Road still be saved?” \
             In Harbour Weekly last spring, we looked at the engineers' options.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| q.speaker.is_none()), "{qs:#?}");
}

#[test]
fn findings_listed_after_found_colon_are_the_studys() {
    // "found" reports only a that-clause, or the list its colon opens at a paragraph's end.
    let t = "The survey of 40 harbours, published in Marine Policy, was the largest yet.\n\n\
             The survey found:\n\n\
             Silt in the harbours has doubled since 1990, raising dredging costs.\n\n\
             Smaller ports are losing ferry routes faster than large ones.\n\n\
             The harbour found new tenants.";
    let qs = quotes(t);
    for item in ["Silt in the harbours", "Smaller ports are losing"] {
        let q = find(&qs, item);
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(speaker(q), Some("survey"), "{item}");
    }
}

#[test]
fn studies_show_a_clause_without_that() {
    // Research's "show" with a finite clause after it reports the clause; a noun object
    // ("shows promise") is no report.
    let t = "Studies show dried beans and lentils can be as filling as meat.\n\n\
             Studies also show eating oats, barley and rye every day may lower cholesterol.\n\n\
             Research on the new vaccine shows promise in older patients.";
    let qs = quotes(t);
    for item in ["dried beans and lentils", "eating oats"] {
        assert_eq!(find(&qs, item).kind, QuoteKind::Indirect, "{item}");
    }
    assert!(!qs.iter().any(|q| q.text.contains("promise")), "{qs:#?}");
}

#[test]
fn a_recommendation_as_a_gerund_clause_is_reported() {
    // "recommends" reports a that-clause or a gerund clause of advice; "the recommended
    // serving" and "recommends nothing" report nothing.
    let t = "For most adults, nutritionist Ines Moreau recommends drinking water before each \
             meal to curb hunger.\n\n\
             A recommended serving is half a cup.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "drinking water before")),
        Some("Ines Moreau")
    );
    assert!(!qs.iter().any(|q| q.text.contains("half a cup")), "{qs:#?}");
}

// Issue 13, news quotes batch 4: verbs of saying in other senses, a relative "that" in the
// reported clause, documents named with a preposition, "as reported by", ", which found that".
#[test]
fn a_compound_adjective_is_no_gerund_of_advice() {
    // "energy-saving" is no gerund of advice; "recommends stretching" still is.
    let t = "Sensors can map heating patterns and recommend energy-saving settings for every \
             floor.\n\n\
             The coach Ida Brandt recommends stretching before every match.";
    let qs = quotes(t);
    assert!(
        !qs.iter().any(|q| q.text.contains("settings for every")),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "stretching before")), Some("Ida Brandt"));
}

#[test]
fn a_relative_that_after_the_reported_subject_stays_in_the_clause() {
    // After a subject opening with a determiner, "that" is a relative pronoun: the reported
    // clause starts at the subject, not after the "that".
    let qs =
        quotes("The coach Ida Brandt says a tackle that was legal last year now costs a penalty.");
    let q = find(&qs, "now costs a penalty");
    assert!(q.text.starts_with("a tackle"), "{q:#?}");
}

#[test]
fn add_with_to_and_a_stranded_preposition_report_nothing() {
    let t = "As more and more connected sensors are added to the smart bridge, those worries are \
             absolutely fair.\n\n\
             Music does not only touch the parts of you we think with; it moves the body too.\n\n\
             The mayor acknowledged the fact that the bridge had been closed twice this year.";
    let qs = quotes(t);
    for spurious in ["worries are", "moves the body"] {
        assert!(
            !qs.iter().any(|q| q.text.contains(spurious)),
            "{spurious}: {qs:#?}"
        );
    }
    // A noun of content takes its that-clause: still reported.
    find(&qs, "closed twice");
}

#[test]
fn a_document_named_with_a_preposition_or_its_owner_speaks() {
    assert_speakers(
        "A survey from Harbourview Clinic found that most patients slept better after a month.\n\n\
         Tools differ; as a Pinecrest Weekly article on the new scanners explains, two readers \
         can check each other.\n\n\
         The Ridgeway evaluation stresses the need for a second inspection every spring.\n\n\
         According to the evaluation, the scanners missed very few faults in the trial.",
        &[
            ("slept better", "Harbourview Clinic"),
            ("two readers", "Pinecrest Weekly article"),
            ("second inspection", "Ridgeway evaluation"),
            ("missed very few faults", "evaluation"),
        ],
    );
}

#[test]
fn as_reported_by_names_the_source_of_its_clause() {
    assert_speakers(
        "Small ferry lines are merging quickly, with two firms raising $40 million this spring, \
         as reported by Tidewater Ledger.\n\n\
         As detailed in a Harbour Bureau report on coastal towns, rents rose fastest near the \
         ferry piers.",
        &[
            ("two firms raising", "Tidewater Ledger"),
            ("rents rose fastest", "Harbour Bureau report"),
        ],
    );
}

#[test]
fn which_after_a_document_speaks_for_the_document() {
    assert_speakers(
        "The results echo a study published by Northgate College last spring, which found that \
         night shifts doubled the risk of falls.",
        &[("night shifts doubled", "study")],
    );
}

#[test]
fn as_a_named_person_puts_it_frames_the_quotation_after_it() {
    assert_speakers(
        "Sleep matters.\n\nAs Marcus Oyelaran puts it, \"Nobody is built for five hours.\"\n\n\
         As Ines Varga, director of the Coastal Sleep Clinic and author of The Quiet Hours, puts \
         it, \"Rest is a skill.\"",
        &[
            ("Nobody is built", "Marcus Oyelaran"),
            ("Rest is a skill", "Ines Varga"),
        ],
    );
    // An apposition between the name and any cue of the frame.
    assert_speakers(
        "As Ines Varga, the clinic's director, has noted, patients sleep better at home.",
        &[("patients sleep better", "Ines Varga")],
    );
    // "put" says nothing outside the frame, and what someone might have said is not a quote:
    // the pronoun after it is still the speaker in play.
    let qs = quotes(
        "Omar Vance puts the cost at two million.\n\n\"It will pay off,\" said Omar Vance. \
         Vance sees evolution, as Charles Darwin might have put it, making endless forms. \"We lack the \
         words,\" he says.",
    );
    assert!(qs.iter().all(|q| !q.text.contains("two million")));
    assert!(qs.iter().all(|q| !q.text.contains("endless forms")));
    assert_eq!(speaker(find(&qs, "lack the")), Some("Omar Vance"));
}

#[test]
fn a_quotation_with_its_own_cue_is_not_the_last_speakers_continuation() {
    // Two people take turns in one paragraph: the second quotation names its own speaker.
    assert_speakers(
        "Greta Holm runs the clinic. Omar Vance advises it.\n\n\
         The waiting list is \"longer than ever,\" Greta Holm said. \"Funding is the real problem,\" \
         stated Omar Vance. \"We have asked twice,\" he said.",
        &[
            ("longer than ever", "Greta Holm"),
            ("Funding is the real", "Omar Vance"),
            ("asked twice", "Omar Vance"),
        ],
    );
    // A quotation with no cue of its own still continues the speaker.
    assert_speakers(
        "Greta Holm runs the clinic.\n\n\"The list is long,\" Greta Holm said. \"Funding is short.\"",
        &[("Funding is short", "Greta Holm")],
    );
}

#[test]
fn a_role_noun_is_not_the_last_person_when_the_article_gave_them_another_trade() {
    let qs = quotes(
        "The levee will hold until spring, said engineer Tobias Lindqvist, who inspected it.\n\n\
         The doctor said the evacuated residents were recovering well.",
    );
    assert_eq!(
        speaker(find(&qs, "levee will hold")),
        Some("Tobias Lindqvist")
    );
    assert_ne!(
        speaker(find(&qs, "residents were recovering")),
        Some("Tobias Lindqvist")
    );
    // With no trade given, the role still takes the person just named.
    assert_speakers(
        "The clinic reopened on Monday, said Hanna Berglund, who treated the evacuees.\n\n\
         The doctor said the evacuated residents were recovering well.",
        &[
            ("clinic reopened", "Hanna Berglund"),
            ("residents were recovering", "Hanna Berglund"),
        ],
    );
}

#[test]
fn a_camel_case_outlet_before_the_name_keeps_the_inverted_speaker() {
    assert_speakers(
        "“The launch went smoothly and the crowd was huge,” said techWIRE’s Dana Holt.",
        &[("launch went smoothly", "Dana Holt")],
    );
}

#[test]
fn a_document_opening_the_sentence_is_the_subject_of_its_second_verb() {
    let qs = quotes(
        "Dr. Ann Reed spoke first. A broad review of 14 trials found large gains and concluded \
         that “daily walks show promise for easing back pain.”",
    );
    let q = find(&qs, "daily walks show promise");
    assert!(speaker(q).is_some_and(|s| s.ends_with("review")), "{qs:#?}");
}

#[test]
fn a_long_object_before_a_colon_leaves_the_quotation_to_the_cue() {
    let qs = quotes(
        "Professor Ann Reed adds another possible mechanism at work for the lower pressure: \
         “Sleep repairs the damage of the day.”",
    );
    assert!(
        !qs.iter().any(|q| q.text.contains("possible mechanism")),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "Sleep repairs")), Some("Ann Reed"));
}

#[test]
fn a_bare_noun_and_a_preposition_after_the_cue_are_its_object() {
    let qs = quotes(
        "Street vendors and food trucks have added energy into the festival this year. \
         Mayor Lena Ortiz added taxes would not rise again.",
    );
    assert!(!qs.iter().any(|q| q.text.contains("energy")), "{qs:#?}");
    assert_eq!(
        speaker(find(&qs, "taxes would not rise")),
        Some("Lena Ortiz")
    );
}

#[test]
fn a_pronoun_after_a_participle_opens_its_clause() {
    let qs = quotes(
        "The author compares the lamps to sealed capsules, suggesting they are messages from a \
         time before the war.",
    );
    let q = find(&qs, "messages from a time");
    assert!(q.text.starts_with("they are messages"), "{q:?}");
    assert_eq!(q.speaker_mention.as_deref(), Some("The author"));
}

#[test]
fn an_office_with_no_named_holder_speaks_as_written() {
    let t = "The council met on Tuesday. The budget office said that the levy would raise \
             $4 million.\n\nThe district attorney's office said no charges would be filed.\n\n\
             House Speaker Lena Ortiz spoke on Monday. Ortiz's office said the vote would \
             be held in May.";
    let start = t.find("Ortiz's").expect("the possessor is in the text");
    let possessor = Entity {
        text: "Ortiz".into(),
        start,
        end: start + "Ortiz".len(),
        canonical: "Lena Ortiz".into(),
        ..named(t, "Lena Ortiz", EntityKind::Person)
    };
    let ents = vec![named(t, "Lena Ortiz", EntityKind::Person), possessor];
    let qs = find_quotes(&Doc::new(t), &ents);
    let q = find(&qs, "levy would raise");
    assert_eq!(speaker(q), Some("budget office"), "{qs:#?}");
    assert_eq!(q.speaker_type, Some(EntityKind::Org));
    assert_eq!(
        speaker(find(&qs, "no charges")),
        Some("district attorney's office"),
        "{qs:#?}"
    );
    // The office of a person the article names is that person's.
    assert_eq!(speaker(find(&qs, "vote would")), Some("Lena Ortiz"));
    // A bare "the office", or "his office", names no organisation.
    for t in [
        "The office said that the levy would raise $4 million.",
        "His office said that the levy would raise $4 million.",
    ] {
        let qs = quotes(t);
        assert_eq!(speaker(find(&qs, "levy")), None, "{qs:#?}");
    }
}

#[test]
fn according_to_after_a_reported_clause_reports_the_whole_clause() {
    let t = "The strike entered its third week. Union leaders called for a new vote on the \
             contract, according to Marco Diaz.";
    let qs = quotes(t);
    let outer = find(&qs, "Union leaders called for");
    assert_eq!(outer.cue.as_deref(), Some("according to"), "{qs:#?}");
    assert_eq!(speaker(outer), Some("Marco Diaz"));
    assert!(outer.text.ends_with("the contract"), "{outer:?}");
    // The inner clause keeps its own speaker.
    let inner = qs
        .iter()
        .find(|q| q.text.starts_with("for a new vote"))
        .unwrap_or_else(|| panic!("{qs:#?}"));
    assert_eq!(speaker(inner), Some("Union leaders"));
    // A quotation keeps the one speaker who says it.
    let qs = quotes(
        "The strike went on. “We will not go back to work,” Dana Reyes said, according to \
         Marco Diaz.",
    );
    assert!(qs.iter().all(|q| !q.text.contains("Reyes said")), "{qs:#?}");
}

#[test]
fn a_clause_continued_by_a_lower_case_quotation_is_one_mixed_quote() {
    let qs = quotes(
        "Replacing the old mains is a slow, careful process, “because the whole network is \
         fixed in place,” said Ada Okafor, an engineer at the utility.",
    );
    let q = find(&qs, "fixed in place");
    assert_eq!(q.kind, QuoteKind::Mixed);
    assert!(q.text.starts_with("Replacing the old mains"), "{q:?}");
    assert_eq!(speaker(q), Some("Ada Okafor"));
    // A quotation opening in capitals is a statement of its own.
    let qs =
        quotes("The hall was silent for a long while, “We will win this vote,” said Ada Okafor.");
    let q = find(&qs, "We will win this vote");
    assert_eq!(q.kind, QuoteKind::Direct);
    assert!(!q.text.contains("hall"));
}

#[test]
fn according_to_a_title_joined_by_a_preposition_names_the_whole_title() {
    // Not the name after "for"/"on", which reads like a group or a person.
    assert_speakers(
        "Oats can lower cholesterol, according to the 2024 Dietary Advice for Seniors. \
         Rents rose fastest in small towns, according to the Annual Survey on Housing.",
        &[
            ("Oats can lower", "Dietary Advice for Seniors"),
            ("Rents rose", "Annual Survey on Housing"),
        ],
    );
}

#[test]
fn a_participle_after_a_reported_phrase_is_the_writers() {
    let qs = quotes(
        "The new premier has declared his intention to close the northern mines, guaranteeing \
         two more years of strikes.",
    );
    let q = find(&qs, "his intention to close");
    assert!(!q.text.contains("guaranteeing"), "{q:?}");
    // A series of gerunds is the report itself.
    let qs = quotes(
        "She recalls being out at a party at three a.m., realizing the machine was idle, and \
         rushing over to start it.",
    );
    assert!(find(&qs, "being out at a party").text.contains("realizing"));
}

#[test]
fn asking_reports_a_question_not_a_request() {
    let qs = quotes("Jo Reyes posted on Twitter, asking if there were any calm voters left.");
    let q = find(&qs, "any calm voters left");
    assert!(q.text.starts_with("if there were"), "{q:?}");
    assert_eq!(speaker(q), Some("Jo Reyes"));
    let qs = quotes("Jo Reyes spoke to the council, asking the state to pay for the repairs.");
    assert!(
        qs.iter().all(|q| !q.text.contains("pay for the repairs")),
        "{qs:#?}"
    );
}

#[test]
fn accusations_that_report_a_charge_of_people_not_named() {
    let qs = quotes(
        "The firm has defended its prices in the wake of accusations (mostly from drivers) that \
         it doubled fares during the storm. Reyes resigned amid allegations that he had hidden \
         the accounts.",
    );
    let q = find(&qs, "it doubled fares during the storm");
    assert_eq!(q.cue.as_deref(), Some("accusations"));
    assert_eq!(speaker(q), None);
    assert_eq!(
        find(&qs, "he had hidden the accounts").cue.as_deref(),
        Some("allegations")
    );
}

#[test]
fn a_speech_noun_reports_across_a_time_adjunct() {
    let qs = quotes(
        "Mayor Dana Whitfield won a second term. Voters backed her pledge on Monday that the \
         city would freeze fares until 2030.",
    );
    let q = find(&qs, "the city would freeze fares");
    assert_eq!(q.cue.as_deref(), Some("pledge"));
    assert_eq!(speaker(q), Some("Dana Whitfield"));
    // A preposition opening a longer phrase is no time: the "that" may be a relative pronoun.
    let qs = quotes(
        "Mayor Dana Whitfield won a second term. In the end her pledge in the debate that cost \
         her rival the race was soon forgotten.",
    );
    assert!(
        qs.iter().all(|q| !q.text.contains("cost her rival")),
        "{qs:#?}"
    );
}

#[test]
fn an_organisation_keeps_its_complement() {
    // The tagger may read only the head of a long name as the organisation.
    let t = "But, as Parliament’s Standing Committee on Rivers and Coasts has pointed out, the \
             levy would “fall hardest on farmers”.";
    let entities = vec![named(t, "Standing Committee", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &entities);
    let q = find(&qs, "the levy would");
    assert_eq!(
        speaker(q),
        Some("Standing Committee on Rivers and Coasts"),
        "{q:?}"
    );
}

#[test]
fn an_as_frame_opening_the_sentence_reports_the_clause() {
    let qs = quotes("As Dana Whitfield has pointed out, the levy would fall hardest on farmers.");
    let q = find(&qs, "the levy would fall hardest on farmers");
    assert_eq!(speaker(q), Some("Dana Whitfield"));
    // The frame only names the channel of a clause with its own attribution.
    let qs =
        quotes("As Dana Whitfield has pointed out, the council announced that fares will rise.");
    let q = find(&qs, "fares will rise");
    assert_eq!(q.cue.as_deref(), Some("announced"), "{qs:#?}");
}

#[test]
fn a_name_keeps_its_subject_across_appositions() {
    assert_speakers(
        "“The rule oversteps the county’s authority,” Marta Lindqvist, the Democratic treasurer \
         of Dane County, one of the counties suing the IRS, said in a statement.\n\n\
         “If the board wanted the ledgers, they would subpoena them,” Rep. Owen Tavares \
         (D-Maine), a member of the audit panel, said in an interview.\n\n\
         Corinne Abara, a former deputy mayor, mocked the budget on Friday, tweeting, “Who \
         signed off on this, exactly?”\n\n\
         Teodor Vasic, 64, of Lorain, Ohio, who watched the vote from the gallery, said the \
         levy had split his street in two.\n\n\
         In Lorain, Ines Halloran, who runs the food bank, said demand had doubled since May.",
        &[
            ("oversteps the county", "Marta Lindqvist"),
            ("subpoena them", "Owen Tavares"),
            ("Who signed off", "Corinne Abara"),
            ("split his street", "Teodor Vasic"),
            ("demand had doubled", "Ines Halloran"),
        ],
    );
}

#[test]
fn a_headline_cue_is_no_part_of_the_name() {
    // A title-case headline: the tagger reads the capitalised verb into the name, and the
    // body's surname takes that name as its canonical form.
    let t = "Dana Whitfield Warns Levy Will Hurt Farmers\n\n\
             The levy would fall hardest on small farms, Whitfield said on Monday.";
    let mut surname = named(t, "Whitfield said", EntityKind::Person);
    surname.end = surname.start + "Whitfield".len();
    surname.text = "Whitfield".into();
    surname.canonical = "Dana Whitfield Warns".into();
    let entities = vec![
        named(t, "Dana Whitfield Warns", EntityKind::Person),
        surname,
    ];
    let qs = find_quotes(&Doc::new(t), &entities);
    let q = find(&qs, "fall hardest on small farms");
    assert_eq!(speaker(q), Some("Dana Whitfield"), "{qs:#?}");
}

#[test]
fn a_surname_the_tagger_reads_as_an_organisation_is_the_person_the_article_introduced() {
    // The tagger takes the later "Paris" for an organisation (a club, a brand).
    let t = "\"The data are clear,\" says Hilda Paris of the Oslo institute.\n\n\
             \"We checked twice,\" Paris says.";
    let mut ents = vec![named(t, "Hilda Paris", EntityKind::Person)];
    let later = t.find("Paris says").unwrap();
    ents.push(Entity {
        text: "Paris".into(),
        kind: EntityKind::Org,
        start: later,
        end: later + 5,
        canonical: "Paris".into(),
        role: None,
    });
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(speaker(find(&qs, "checked twice")), Some("Hilda Paris"));
}

#[test]
fn a_noun_of_findings_before_a_colon_reports_what_follows() {
    let t = "The Harlow Institute for Rural Policy published a survey of county budgets on \
             Monday. Among its main findings: most counties spend more on roads than on schools.\n\n\
             Economists offered two theories:\n\n\
             Counties may be catching up on repairs they put off during the downturn.\n\n\
             “Nobody wants to be the one who lets a bridge fail,” said Ana Ruiz, a county clerk.";
    let entities = vec![named(
        t,
        "Harlow Institute for Rural Policy",
        EntityKind::Org,
    )];
    let qs = find_quotes(&Doc::new(t), &entities);
    let q = find(&qs, "most counties spend more");
    assert_eq!(
        speaker(q),
        Some("Harlow Institute for Rural Policy"),
        "{qs:#?}"
    );
    let q = find(&qs, "catching up on repairs");
    assert_eq!(speaker(q), Some("Economists"), "{qs:#?}");
    // The quotation after the list is its own speaker's, no item of the list.
    assert_eq!(speaker(find(&qs, "lets a bridge fail")), Some("Ana Ruiz"));
    // A colon after another noun reports nothing.
    let qs = quotes("The county bought three items: a plough, a truck and a salt spreader.");
    assert!(qs.is_empty(), "{qs:#?}");
}

#[test]
fn a_role_no_one_holds_is_the_person_just_named() {
    let qs = quotes(
        "Helen Marsh spent a decade on her history of the mill towns. The author draws a line \
         from the looms to the malls, suggesting the valley never stopped selling its past.",
    );
    let q = find(&qs, "the valley never stopped");
    assert_eq!(speaker(q), Some("Helen Marsh"), "{qs:#?}");
    // A role the passage already gave someone unnamed stays that someone's.
    let qs = quotes(
        "Helen Marsh hired a lawyer in May. The lawyer said the contract could not be enforced.",
    );
    let q = find(&qs, "could not be enforced");
    assert_eq!(speaker(q), None, "{qs:#?}");
}

#[test]
fn a_capitalised_particle_opening_a_sentence_is_the_person_known() {
    let t = "The essay is by Luis de Sousa, a historian of glass.\n\n\
             De Sousa describes the lamps as relics. The author draws a line from the lamps to \
             the screens, suggesting they carry the same promise of the modern city.";
    let entities = vec![named(t, "Luis de Sousa", EntityKind::Person)];
    let qs = find_quotes(&Doc::new(t), &entities);
    let q = find(&qs, "the same promise");
    assert_eq!(speaker(q), Some("Luis de Sousa"), "{qs:#?}");
}

#[test]
fn the_company_far_from_any_name_is_the_organisation_in_focus() {
    let t = "Harlow Mills posted a loss. Harlow Mills has cut jobs before, and Harlow Mills \
             shares fell again on Friday.\n\n\
             Along the river the old brick sheds stand empty now, their windows boarded and \
             their yards full of rusting carts, and the town's cafes open late if at all. \
             Families who worked the looms for three generations talk of leaving, and the \
             school has lost a fifth of its pupils in as many years, teachers say, while the \
             council weighs plans for flats that nobody seems to want.\n\n\
             The company said it would close two more plants by the summer.";
    let es: Vec<Entity> = t
        .match_indices("Harlow Mills")
        .map(|(start, name)| Entity {
            start,
            end: start + name.len(),
            ..named(t, name, EntityKind::Org)
        })
        .collect();
    let qs = find_quotes(&Doc::new(t), &es);
    assert_eq!(
        speaker(find(&qs, "close two more plants")),
        Some("Harlow Mills")
    );
}

#[test]
fn a_weak_cue_in_the_passive_names_or_instructs_and_reports_nothing() {
    // "called" names, "asked to" instructs: the subject speaks no clause, and the agent after
    // "by" does not either.
    let t = "Participants were asked to press a key when the dots moved. The bay, or Te Awa as \
             it is called by the iwi – the busiest harbour of the coast, saw ten strandings.";
    let qs = quotes(t);
    assert!(
        qs.iter().all(|q| !q.text.contains("press a key")),
        "{qs:#?}"
    );
    assert!(
        qs.iter().all(|q| !q.text.contains("busiest harbour")),
        "{qs:#?}"
    );
}

#[test]
fn a_participial_apposition_between_subject_and_cue() {
    // The apposition may quote, and its comma may sit inside the closing quote mark.
    let t = "Mr. Halvorsen, citing “the sheer luck of it,” said the harbour could reopen by \
             June.\n\nThe senator, calling the bill a disgrace, said she would vote against it.";
    let qs = quotes(t);
    let q = find(&qs, "harbour could reopen");
    assert_eq!(speaker(q), Some("Halvorsen"), "{qs:#?}");
    assert_eq!(q.text, "the harbour could reopen by June");
    let q = find(&qs, "vote against");
    assert_eq!(q.speaker_mention.as_deref(), Some("The senator"), "{qs:#?}");
    assert_eq!(q.text, "she would vote against it");
}

#[test]
fn a_quotation_reported_earlier_in_the_sentence_is_not_the_next_cues() {
    let t = "But even as Lee claimed on Tuesday that “the mayor got in trouble for far less,” \
             one of the former lawyers for the mayor said the two cases were quite different.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "trouble for far less")), Some("Lee"));
    let q = find(&qs, "two cases");
    assert_eq!(q.text, "the two cases were quite different");
    let mention = q.speaker_mention.as_deref().unwrap_or_default();
    assert!(
        mention.ends_with("the former lawyers for the mayor"),
        "{qs:#?}"
    );
    let t = "But even as Lee claimed on Tuesday that “the mayor got in trouble for far less,” \
             one of the former lawyers for Jo Roe said the two cases were quite different.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "trouble for far less")), Some("Lee"));
    assert_eq!(
        find(&qs, "two cases").text,
        "the two cases were quite different",
        "{qs:#?}"
    );
}

#[test]
fn an_institution_noun_before_a_group_name_in_a_subject() {
    let t = "“The facts have not changed,” a spokesman for committee Democrats said.";
    let qs = quotes(t);
    let q = find(&qs, "facts have not changed");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("a spokesman for committee Democrats"),
        "{qs:#?}"
    );
}

#[test]
fn manner_of_speaking_verbs_are_cues() {
    let t = "At the hearing on Monday, the union representative retorted: “Nobody asked us.”\n\n\
             “Close the gates,” Anna Berg shouted from the bridge.\n\n\
             “We were here first,” the protesters chanted.";
    let qs = quotes(t);
    let q = find(&qs, "Nobody asked us");
    assert_eq!(q.cue.as_deref(), Some("retorted"), "{qs:#?}");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("the union representative"),
        "{qs:#?}"
    );
    assert_eq!(speaker(find(&qs, "Close the gates")), Some("Anna Berg"));
    let q = find(&qs, "here first");
    assert_eq!(q.cue.as_deref(), Some("chanted"), "{qs:#?}");
}

#[test]
fn a_role_noun_with_a_complement_names_its_holder_not_the_complement() {
    let t = "Lawyers for Maria Lopez said the search was illegal.\n\n\
             “We will appeal,” prosecutors for the state said on Monday.\n\n\
             “It is over,” a lawyer for Tomas Berg said.\n\n\
             Prosecutors in Denver said the scheme had spread.";
    let ents = vec![
        named(t, "Maria Lopez", EntityKind::Person),
        named(t, "Tomas Berg", EntityKind::Person),
        named(t, "Denver", EntityKind::Gpe),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(
        speaker(find(&qs, "search was illegal")),
        Some("Lawyers for Maria Lopez"),
        "{qs:#?}"
    );
    assert_eq!(
        speaker(find(&qs, "We will appeal")),
        Some("prosecutors for the state"),
        "{qs:#?}"
    );
    let q = find(&qs, "It is over");
    assert_eq!(speaker(q), Some("lawyer for Tomas Berg"), "{qs:#?}");
    assert_eq!(q.speaker_type, Some(EntityKind::Person));
    assert_eq!(
        speaker(find(&qs, "scheme had spread")),
        Some("Prosecutors in Denver"),
        "{qs:#?}"
    );
}

#[test]
fn a_role_with_a_complement_is_its_named_holder() {
    let t = "Helen Ward, a lawyer for the family, met the judge on Monday.\n\n\
             Later, a lawyer for the family said the ruling would be appealed.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "ruling would be appealed")),
        Some("Helen Ward"),
        "{qs:#?}"
    );
}

#[test]
fn a_plural_possessive_stays_in_the_subject() {
    let t = "The farmers' representative said the price was too low.\n\n\
             The nurses’ union said the wards were understaffed.";
    let qs = quotes(t);
    let q = find(&qs, "price was too low");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("The farmers' representative"),
        "{qs:#?}"
    );
    assert_ne!(speaker(q), Some("representative"), "{qs:#?}");
    let q = find(&qs, "understaffed");
    assert_eq!(
        q.speaker_mention.as_deref(),
        Some("The nurses’ union"),
        "{qs:#?}"
    );
}

#[test]
fn an_opening_adverbial_lends_no_subject_to_a_participle() {
    let t = "At a town meeting in Dover, Delaware, on Friday, Senator Ruth Okafor backed the \
             plan, saying it would “save the harbour.”\n\n\
             Then she turned on the mayor, saying he had “failed the town.”";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "save the harbour")),
        Some("Ruth Okafor"),
        "{qs:#?}"
    );
    let q = find(&qs, "failed the town");
    assert_eq!(q.speaker_mention.as_deref(), Some("she"), "{qs:#?}");
}

#[test]
fn a_role_complement_may_join_two_names() {
    let t = "Prosecutors in Denver and Salt Lake City said the scheme had spread.";
    let ents = vec![
        named(t, "Denver", EntityKind::Gpe),
        named(t, "Salt Lake City", EntityKind::Gpe),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(
        speaker(find(&qs, "scheme had spread")),
        Some("Prosecutors in Denver and Salt Lake City"),
        "{qs:#?}"
    );
}

#[test]
fn inverted_cue_with_lower_case_role_words_before_the_name() {
    let qs = quotes(
        "“The harbour must be dredged first,” said former transport minister Helen Ward.\n\n\
         “Nobody asked the fishermen,” said deputy secretary of state Paul Green.\n\n\
         “We were never told,” said a spokesman for committee Democrats.",
    );
    let q = find(&qs, "harbour");
    assert_eq!(speaker(q), Some("Helen Ward"));
    let q = find(&qs, "fishermen");
    assert_eq!(speaker(q), Some("Paul Green"));
    assert_eq!(q.role.as_deref(), Some("deputy secretary of state"));
    assert_ne!(speaker(find(&qs, "never told")), Some("Democrats"));
}

#[test]
fn an_unnamed_spokesperson_speaks_for_the_organisation() {
    // One convention for both word orders: the organisation speaks, the role is kept.
    let t = "A Harbour Board spokesman said the port would reopen on Monday.\n\n\
             A spokeswoman for the Harbour Board said the dredging had finished early.";
    let ents = vec![named(t, "Harbour Board", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    for needle in ["port would reopen", "dredging had finished"] {
        let q = find(&qs, needle);
        assert_eq!(speaker(q), Some("Harbour Board"), "{needle}");
        assert_eq!(q.speaker_type, Some(EntityKind::Org), "{needle}");
        assert!(
            q.role.as_deref().is_some_and(|r| r.starts_with("spokes")),
            "{needle}"
        );
    }
}

#[test]
fn a_persons_unnamed_spokesman_is_described_by_the_person() {
    let qs = quotes(
        "Senator Paul Stone spoke in Denver on Monday.\n\n\
         His spokesman later said the vote could be delayed by a week.",
    );
    assert_eq!(
        speaker(find(&qs, "vote could be delayed")),
        Some("spokesman for Paul Stone")
    );
}

#[test]
fn her_lawyer_is_the_lawyer_the_article_named_for_her() {
    let t = "Anna Berg and Paul Stone were charged in March.\n\n\
             Stone's lawyer, Mark Hale, declined to comment. Berg's lawyer, Jane Ruiz, \
             called the charges baseless.\n\n\
             Berg was released on bail on Tuesday. Her lawyer said on Friday that she \
             would plead not guilty to every count.";
    let ents: Vec<Entity> = ["Anna Berg", "Paul Stone", "Mark Hale", "Jane Ruiz"]
        .iter()
        .map(|n| named(t, n, EntityKind::Person))
        .map(|mut e| {
            e.role = match e.text.as_str() {
                "Mark Hale" => Some("Stone's lawyer".into()),
                "Jane Ruiz" => Some("Berg's lawyer".into()),
                _ => None,
            };
            e
        })
        .collect();
    let qs = find_quotes(&Doc::new(t), &ents);
    // Two lawyers are named: the one named for Berg, whom "her" stands for.
    let q = find(&qs, "plead not guilty");
    assert_eq!(speaker(q), Some("Jane Ruiz"), "{qs:#?}");
    assert_eq!(q.speaker_mention.as_deref(), Some("Her lawyer"));
}

#[test]
fn a_wire_dateline_is_neither_content_nor_speaker() {
    let qs = quotes(
        "OSLO (Wire) - The harbour grew busier than expected in the third quarter, port \
         officials said on Friday.\n\n\
         BERGEN, Aug 31 (Wire) - The mayor, Kari Lund, spoke at the quay on Wednesday, \
         saying the new terminal would bring work to the whole coast.\n\n\
         TROMSO — After nearly twenty years of talks, the ferry line will reopen, officials \
         said.",
    );
    let q = find(&qs, "harbour grew busier");
    assert!(q.text.starts_with("The harbour"), "{q:#?}");
    let q = find(&qs, "new terminal");
    assert_eq!(speaker(q), Some("Kari Lund"), "{q:#?}");
    assert!(find(&qs, "ferry line").text.starts_with("After nearly"));
}

#[test]
fn a_capitalised_word_before_a_dash_is_no_dateline_without_a_sentence_after_it() {
    let qs =
        quotes("NATO — the alliance, not its members — will decide the matter, Helen Ward said.");
    assert!(find(&qs, "will decide").text.starts_with("NATO"), "{qs:#?}");
}

#[test]
fn an_organisation_tagged_without_its_complement_is_named_whole() {
    let t = "Westford University's Center on Housing and Transport calls that into question.\n\n\
             The report looked at ten cities.\n\n\
             Among its key findings: rents rose faster than wages in every one of them.";
    let ents = vec![named(t, "Westford University's Center", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(
        speaker(find(&qs, "rents rose")),
        Some("Westford University's Center on Housing and Transport"),
        "{qs:#?}"
    );
}

#[test]
fn state_as_the_polity_is_no_verb_of_speech() {
    let qs = quotes(
        "The senator toured the Western states last week, drawing large crowds everywhere.\n\n\
         Turnout was high in all 50 states, officials in the capital said on Monday.\n\n\
         Rural states that have lost factories are now the key to the whole race.\n\n\
         The charter states that every member must vote on the budget each year.\n\n\
         As the report states: “Rents rose faster than wages in every city.”",
    );
    assert!(
        qs.iter().all(|q| q.cue.as_deref() != Some("states")
            || q.text.contains("every member")
            || q.text.contains("Rents rose")),
        "{qs:#?}"
    );
    assert_eq!(find(&qs, "every member").cue.as_deref(), Some("states"));
    assert_eq!(find(&qs, "Rents rose").cue.as_deref(), Some("states"));
    assert!(
        !qs.iter()
            .any(|q| q.text.contains("lost factories") || q.text.contains("drawing large")),
        "{qs:#?}"
    );
}

#[test]
fn a_compound_role_before_the_name_of_a_participle_subject() {
    let qs = quotes(
        "Acme board member and chief analyst Paul Green posted a note on Monday, saying the \
         shares were far too cheap.",
    );
    let q = find(&qs, "shares were far too cheap");
    assert_eq!(speaker(q), Some("Paul Green"), "{qs:#?}");
}

#[test]
fn cue_words_that_count_or_cost_make_no_quote() {
    for text in [
        "While the port added around 2,000 jobs in May, the fleet shrank.",
        "The club charged a $5,000 joining fee, half of it refundable.",
        "There are 412 pledged delegates allocated by the results in each county.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:#?}", quotes(text));
    }
    // The same verbs with a clause, and a number before a speech verb, still report.
    for (text, needle) in [
        (
            "The port authority added that 2,000 jobs were at risk.",
            "2,000 jobs were at risk",
        ),
        (
            "Police said 40 people were hurt in the crush.",
            "40 people were hurt",
        ),
    ] {
        find(&quotes(text), needle);
    }
}

#[test]
fn a_quotation_inside_the_subjects_sentence_without_a_cue_is_the_subjects() {
    // No verb of speech: the sentence's subject, a person, owns the quoted statement.
    let t = "Mayor Linda Alvarez condemned the plan on Monday.\n\n\
             On Thursday, Alvarez decried the “greedy developers who never ask the neighbours anything,” \
             and left the hall.\n\n\
             Senator Tomas Berg delivered a blunt message to the board: “It is time to stop fighting over the budget.”\n\n\
             He even called the vote “the worst decision this council has made in years.”";
    assert_speakers(
        t,
        &[
            ("greedy developers", "Linda Alvarez"),
            ("stop fighting", "Tomas Berg"),
            ("worst decision", "Tomas Berg"),
        ],
    );
    // Acted on, not acting; a short label; no person as the subject.
    let t = "Mayor Linda Alvarez was labelled “the mayor who never answers a single letter” by her rivals.\n\n\
             Alvarez wants a “bridge tax.”\n\n\
             The report covers “a city that has lost control of its own planning office.”";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "never answers")), None);
    assert!(qs.iter().all(|q| !q.text.contains("bridge tax")));
    assert_eq!(speaker(find(&qs, "lost control")), None);
}

#[test]
fn a_quotation_after_another_persons_name_or_at_the_sentence_end_is_not_the_subjects() {
    let t = "Governor Tomas Berg signed the order on Monday while Mayor Linda Alvarez wants us to “wake up and look at the numbers again.”\n\n\
             Governor Tomas Berg did not hesitate. ''I would say that everybody should be heard first,'' Linda Alvarez told him.";
    let qs = quotes(t);
    assert_ne!(speaker(find(&qs, "wake up")), Some("Tomas Berg"));
    assert_eq!(
        speaker(find(&qs, "everybody should")),
        Some("Linda Alvarez")
    );
}

#[test]
fn an_inverted_subject_with_a_profession_before_the_name() {
    assert_speakers(
        "The count ended late.\n\n\
         “Nobody saw the result coming. The margin was tiny,” said political scientist Brigid Harlow.\n\n\
         “It was the turnout in the north,” said veteran pollster Tomas Berg.\n\n\
         “They will appeal,” said staff writer Helen Ward.",
        &[
            ("margin was tiny", "Brigid Harlow"),
            ("turnout in the north", "Tomas Berg"),
            ("will appeal", "Helen Ward"),
        ],
    );
}

#[test]
fn a_text_that_reads_its_words() {
    let t = "Jo Roe resigned on Friday. “I am proud of the work we did together,” she said.\n\n\
             “The board thanks her for eleven years of service to the city,” the statement read.\n\n\
             “Welcome to the island, whatever happens in November,” a message on the website reads.\n\n\
             “We will not rest until the law is repealed,” read the email, which went out on Monday.";
    let qs = quotes(t);
    for (needle, mention) in [
        ("board thanks", "the statement"),
        ("Welcome to", "a message on the website"),
        ("will not rest", "the email"),
    ] {
        let q = find(&qs, needle);
        assert_eq!(q.speaker_mention.as_deref(), Some(mention), "{needle}");
        assert_ne!(speaker(q), Some("Jo Roe"), "{needle}");
    }
}

#[test]
fn a_second_verb_of_speech_of_the_sentences_subject() {
    assert_speakers(
        "Mayor Maria Lopez spoke first at the rally in March.\n\n\
         Eight years ago, she backed Tomas Berg over Linda Alvarez and said, “Berg has never done anything for us.”\n\n\
         Jo Roe thanked the volunteers and later said, “We could not have won without them.”\n\n\
         Helen Ward laughed at the question but went on to say, “The count will be over by Friday.”",
        &[
            ("never done anything", "Maria Lopez"),
            ("could not have won", "Jo Roe"),
            ("count will be over", "Helen Ward"),
        ],
    );
}

#[test]
fn a_possessive_speaker_is_the_person_its_own_sentence_names() {
    // Another man was named last before it, and the possessive sits inside another reported
    // clause; its owner is named in its own sentence.
    let t = "Governor Tom Reilly won the vote on Tuesday. Mayor Daniel Hart called him later.\n\n\
             The results also suggest that voters back Reilly’s plan for the port and his promise on Monday that tolls would \
             not rise while he is in office.";
    let qs = quotes(t);
    assert_eq!(
        speaker(qs.iter().find(|q| q.text.starts_with("tolls")).unwrap()),
        Some("Tom Reilly")
    );
    // Two men named in the sentence: no guess from it (the earlier speakers decide).
    let t = "Daniel Hart said the budget was tight.\n\n\
             Reilly's aides met Hart's staff, and his promise that tolls would not rise held.";
    let qs = quotes(t);
    assert_eq!(
        speaker(qs.iter().find(|q| q.text.starts_with("tolls")).unwrap()),
        Some("Daniel Hart")
    );
}

#[test]
fn a_name_before_an_outlet_noun_is_the_outlet() {
    let t = "The critic shared an article by New York magazine that claimed the mayor relied on \
             misleading figures to win.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "relied on misleading")),
        Some("New York magazine")
    );
}

#[test]
fn a_lede_speaker_described_then_named_with_the_same_role() {
    let t = "The mother of a teenager who collapsed at a music festival has said her son was \
             “fighting for every breath” before he died.\n\n\
             Police are investigating the death.\n\n\
             “He was full of life and loved music,” his mother, Claire Dunn, said in a statement.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "fighting for every breath")),
        Some("Claire Dunn")
    );
    assert_eq!(speaker(find(&qs, "full of life")), Some("Claire Dunn"));
}

#[test]
fn a_lede_speaker_described_then_introduced_in_the_next_paragraph() {
    let t = "A popular chat app leaks the home address of anyone who uses it, according to a \
             software engineer who has published the details.\n\n\
             “I waited a long time before going public,” Oslo-based analyst Maria Lund wrote \
             in a blog post on Friday.";
    let qs = quotes(t);
    assert_eq!(
        speaker(find(&qs, "leaks the home address")),
        Some("Maria Lund")
    );
}

#[test]
fn a_described_witness_is_not_the_official_named_next() {
    for sep in [" ", "\n\n"] {
        let t = format!(
            "A witness said the car was “going far too fast” when it left the road.{sep}\
             Police chief John Smith said the driver “had been drinking for hours”."
        );
        let qs = quotes(&t);
        assert_ne!(
            speaker(find(&qs, "going far too fast")),
            Some("John Smith"),
            "{sep:?}"
        );
        assert_eq!(speaker(find(&qs, "had been drinking")), Some("John Smith"));
    }
}

#[test]
fn a_description_tied_to_a_name_takes_no_later_person() {
    // "an adviser in the White House", "a spokeswoman for Roe": the name in the complement
    // ties the person to someone else, and others may hold that role.
    let t = "Wages rose in March, a former adviser in the White House said, calling it “a very \
             big story for workers”.\n\n\
             “It will not last,” Jo Roe, an economic adviser to the opposition, said.";
    let qs = quotes(t);
    assert_ne!(speaker(find(&qs, "very big story")), Some("Jo Roe"));
    assert_eq!(speaker(find(&qs, "will not last")), Some("Jo Roe"));
    let t = "Victor Roe sold the firm in May.\n\n\
             A representative for Mr. Roe said the sale “had nothing to do with politics”.\n\n\
             “I am proud of what we built,” Mr. Roe said.";
    let mut roe = named(t, "Victor Roe", EntityKind::Person);
    let mut ents = vec![roe.clone()];
    for (k, _) in t.match_indices("Mr. Roe") {
        roe.start = k + 4;
        roe.end = k + 7;
        roe.text = "Roe".into();
        ents.push(roe.clone());
    }
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_ne!(speaker(find(&qs, "nothing to do with")), Some("Victor Roe"));
}

#[test]
fn developer_is_a_role_before_a_name() {
    let qs = quotes("“The market will turn,” said property developer Tom Reyes.");
    let q = find(&qs, "market will turn");
    assert_eq!(speaker(q), Some("Tom Reyes"));
    assert_eq!(q.role.as_deref(), Some("property developer"));
}

#[test]
fn the_researchers_speak_through_the_one_who_leads_them() {
    let t = "Dr. Lena Ortiz and her colleagues followed 400 patients for two years.\n\n\
             The researchers said that the drug cut relapses by a third.";
    let qs = quotes(t);
    assert_eq!(speaker(find(&qs, "cut relapses")), Some("Lena Ortiz"));
    // Two teams, each with its lead: the article does not say which one speaks.
    let t = "Dr. Lena Ortiz and her colleagues followed 400 patients. A study led by Omar Haddad \
             found the opposite.\n\n\
             The researchers said that the drug cut relapses by a third.";
    let qs = quotes(t);
    assert_ne!(speaker(find(&qs, "cut relapses")), Some("Lena Ortiz"));
    assert_ne!(speaker(find(&qs, "cut relapses")), Some("Omar Haddad"));
}

#[test]
fn a_thing_called_by_name_is_no_newer_subject_for_she() {
    let t = "Dr. Ana Ruiz said the clinic now teaches meditation to its patients.\n\n\
             The course uses an approach called Mindful Breathing Practice, taught over eight \
             weeks.\n\n\
             Mindful Breathing Practice, or MBP, was developed decades ago.\n\n\
             “People learn to let a thought pass,” she says.";
    assert_speakers(t, &[("let a thought pass", "Ana Ruiz")]);
}

#[test]
fn a_name_opening_the_clause_a_trailing_pronoun_reports_is_not_its_antecedent() {
    let t = "Jordan Crumb reported sales of $40 million last year.\n\n\
             Chief executive Lee Tarrow said the chain will open 40 stores next year.\n\n\
             Jordan Crumb’s dough is made in one kitchen and shipped to every store, he said.";
    assert_speakers(t, &[("shipped to every store", "Lee Tarrow")]);
}

#[test]
fn it_is_not_a_person_the_article_calls_she() {
    // A given name the lexicon may not know: the article's own "she" says this is a person,
    // so a later "it" is not her.
    let t = "Oyelaran Makinde-Bello, who hosts a podcast, says the results are encouraging.\n\n\
             “It is a real option,” she says.\n\n\
             But it warns that fewer patients kept up the daily practice.";
    let qs = quotes(t);
    assert_ne!(
        speaker(find(&qs, "fewer patients")),
        Some("Oyelaran Makinde-Bello")
    );
}

#[test]
fn an_it_before_a_form_of_be_is_no_speaker() {
    let t = "The Harbor Clinic Network said the program would grow.\n\n\
             It’s worth noting that fewer patients kept up the daily practice.";
    let qs = quotes(t);
    if let Some(q) = qs.iter().find(|q| q.text.contains("fewer patients")) {
        assert_eq!(speaker(q), None);
    }
}

#[test]
fn a_name_before_a_pronoun_that_opens_its_own_clause_is_still_its_antecedent() {
    // The pronoun's own clause comes after it: the name before the comma is who "he" is.
    let t = "Senator Mark Ellery spoke after Governor Tom Baird.\n\n\
             As for Baird, he said he is not worried about the vote.";
    assert_speakers(t, &[("not worried", "Tom Baird")]);
}

#[test]
fn a_that_after_the_reported_clauses_verb_is_inside_the_clause() {
    let t = "The harbour master said the sunken boat was a trawler that had been seized by \
             smugglers.\n\nMaria Lopez said on Monday that the plant would reopen next week.\n\n\
             Maria Lopez told reporters who had gathered outside that the factory would reopen.";
    let qs = quotes(t);
    assert_eq!(
        find(&qs, "sunken").text,
        "the sunken boat was a trawler that had been seized by smugglers"
    );
    assert_eq!(
        find(&qs, "next week").text,
        "the plant would reopen next week"
    );
    assert_eq!(find(&qs, "factory").text, "the factory would reopen");
}

#[test]
fn an_addressee_ends_where_the_reported_clause_opens() {
    let t = "Police Chief Maria Lopez told reporters the suspect was a man who had worked at \
             the plant for years.\n\nThe trainer, Emanuel Steward, told Klitschko he was wearing \
             his rival down with pressure.";
    let qs = quotes(t);
    assert_eq!(
        find(&qs, "suspect").text,
        "the suspect was a man who had worked at the plant for years"
    );
    assert_eq!(
        find(&qs, "wearing").text,
        "he was wearing his rival down with pressure"
    );
}

#[test]
fn a_cue_word_after_an_indefinite_article_is_a_noun() {
    let t = "The trawler received a distress call on Saturday morning from a cargo ship sailing \
             under a foreign flag.\n\nResidents made an urgent appeal to the council for help \
             with the flooding in their streets.\n\nA few analysts believe the deal will fail \
             within a year.\n\nA spokesman says the plant will reopen next week.";
    let qs = quotes(t);
    assert!(
        !qs.iter()
            .any(|q| q.text.contains("Saturday morning") || q.text.contains("council")),
        "{qs:#?}"
    );
    assert_eq!(find(&qs, "deal").text, "the deal will fail within a year");
    assert_eq!(find(&qs, "reopen").text, "the plant will reopen next week");
}

#[test]
fn a_cue_word_inside_a_name_is_part_of_the_subject() {
    let t = "\"The suspect took two lives,\" Oregon State Police Lt. Gregg Hastings said.\n\n\
             Ohio State Police Capt. Dana Wells said the road would stay closed overnight.\n\n\
             Secretary of State John Kerry said the talks would resume in the spring.\n\n\
             The Obama-era State Department said the embassy would stay open all week.";
    assert_speakers(
        t,
        &[
            ("two lives", "Gregg Hastings"),
            ("stay closed", "Dana Wells"),
            ("talks would resume", "John Kerry"),
        ],
    );
    let qs = quotes(t);
    assert_eq!(
        find(&qs, "stay closed").speaker_mention.as_deref(),
        Some("Ohio State Police Capt. Dana Wells")
    );
    // A hyphenated modifier before the name is no part of it.
    let embassy = speaker(find(&qs, "embassy")).unwrap_or_default();
    assert!(!embassy.contains("Obama"), "{embassy}");
}

#[test]
fn a_cue_word_opening_a_name_right_after_a_quotation_is_part_of_it() {
    // "State" is also a verb: right after the quotation, before another capitalised word, it
    // opens the name of the speaker's organisation.
    let t = "\"We are watching closely,\" State Department spokesperson Vedant Patel said on Monday.\n\n\
             \"We remain concerned,\" State Department deputy spokesman Ravi Sen said.";
    let ents = [
        named(t, "Vedant Patel", EntityKind::Person),
        named(t, "Ravi Sen", EntityKind::Person),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(speaker(find(&qs, "watching")), Some("Vedant Patel"));
    assert_eq!(speaker(find(&qs, "concerned")), Some("Ravi Sen"));
}

#[test]
fn according_to_a_document_by_its_author() {
    // The document after "according to" is a noun phrase whatever its cue-like noun, with its
    // author after "by"; the reported clause starts after the comma.
    let t = "According to a report by Harbour Watch, 5,000 boats were idle last year.\n\n\
             According to a 2018 study from the Coast Institute, most skippers sold their boats.";
    let ents = [
        named(t, "Harbour Watch", EntityKind::Org),
        named(t, "Coast Institute", EntityKind::Org),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    let idle = find(&qs, "idle");
    assert_eq!(idle.text, "5,000 boats were idle last year");
    assert_eq!(speaker(idle), Some("Harbour Watch"));
    // A census is a document that speaks.
    let t3 = "According to the 2019 census, the harbour town has grown.";
    let qs3 = find_quotes(&Doc::new(t3), &[]);
    assert_eq!(speaker(find(&qs3, "grown")), Some("2019 census"));
    // After people, "from" says where they are from: they speak, not the place.
    let t2 = "According to the Democratic chairs from Kent and Dover, most voters backed the plan.";
    let ents2 = [named(t2, "Dover", EntityKind::Loc)];
    let qs2 = find_quotes(&Doc::new(t2), &ents2);
    assert_ne!(speaker(find(&qs2, "backed")), Some("Dover"));
    let sold = find(&qs, "sold");
    assert_eq!(sold.text, "most skippers sold their boats");
    assert!(
        speaker(sold).is_some_and(|s| s.contains("Coast Institute")),
        "{:?}",
        speaker(sold)
    );
}

#[test]
fn the_same_agency_is_the_organisation_that_spoke_last() {
    let t = "The state news agency IRNA said the only hospital on the island was full. \
             According to the same agency, the village of Deyrestan saw serious destruction.";
    let ents = [named(t, "IRNA", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(speaker(find(&qs, "Deyrestan")), Some("IRNA"));
}

#[test]
fn a_trailing_pronoun_is_the_woman_opening_its_own_clause() {
    // The tagger took a drug's name for a person's; the pronoun set off after a comma stands
    // for the woman who opens its clause, not for that name opening the sentence before.
    let t = "“We test every sample,” Maria Lopez says.\n\n\
             “Some sellers ship poison,” Kowalczyk told me.\n\n\
             In the case of Quinbarol, vets prescribe it. But Lopez has found Quinbarol in the \
             samples; dealers use it to add weight, and also, she says, because Quinbarol is a stimulant.";
    let ents = vec![
        named(t, "Maria Lopez", EntityKind::Person),
        named(t, "Kowalczyk", EntityKind::Person),
        named(t, "Quinbarol", EntityKind::Person),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(
        speaker(find(&qs, "has found Quinbarol")),
        Some("Maria Lopez")
    );
}

#[test]
fn a_pronoun_follows_an_earlier_speaker_named_again_since_the_last() {
    // Two speakers the article gives no gender (handles); the one named again as a clause's
    // subject after the other spoke is whom "he" follows.
    let t = "“Some sellers ship poison,” RedKestrel told me in a message.\n\n\
             “The batch was clean,” BlueFinch added. “It is the cuts that make people sick.”\n\n\
             The tainted batch is one of the reasons that RedKestrel has been asking for more \
             tests. “I know drug use is not healthy,” he told me.";
    assert_speakers(
        t,
        &[
            ("I know drug use", "RedKestrel"),
            ("The batch was clean", "BlueFinch"),
        ],
    );
}

#[test]
fn it_after_a_sentence_opened_by_a_study_is_the_study() {
    let t = "The study was presented at the annual meeting of the American Society of \
             Hematology in Denver. It found that patients who walked daily recovered faster.";
    let ents = vec![named(t, "American Society of Hematology", EntityKind::Org)];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(speaker(find(&qs, "walked daily")), Some("study"));
}

#[test]
fn an_online_handle_before_the_cue_speaks() {
    let t = "“It is our job to police the market,” finch1984 wrote in a forum post.";
    assert_speakers(t, &[("police the market", "finch1984")]);
}

#[test]
fn apposition_without_closing_comma_before_cue() {
    // The wire drops the apposition's closing comma: the name opening the clause still speaks,
    // not the role or organisation next to the cue.
    let t = "Jane Holloway, president and CEO of Northwind Shipping said, “This has been a \
             wonderful day for the port.”\n\n\
             Tom Brisk, chairperson of Local 77, Canadian Dock Workers union said “There is a \
             lot of anger here today.”\n\n\
             In Port Talbot, the harbour master said “The tide is late.”";
    assert_speakers(
        t,
        &[
            ("wonderful day", "Jane Holloway"),
            ("lot of anger", "Tom Brisk"),
        ],
    );
    let qs = quotes(t);
    assert_ne!(speaker(find(&qs, "tide is late")), Some("Port Talbot"));
}

// Issue 13, held-out news figures (bench/news-figures.tsv): attributions that were none.
#[test]
fn a_verb_of_naming_takes_no_inverted_speaker() {
    let t = "For more, see the yearly list of the 12 fruits with the most pesticide, termed the \
             Sorry Twelve.\n\nThe fund, called Harbour Trust, will own the pier until 2030.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("yearly list")), "{qs:?}");
    assert!(
        qs.iter().all(|q| speaker(q) != Some("Harbour Trust")),
        "{qs:?}"
    );
}

#[test]
fn a_cue_with_its_own_object_reports_no_clause_before_it() {
    let t = "When the growers left the seedlings in the dark for a month, the plant remembered \
             the experience.\n\nShortly after the vote, Jo Roe announced her resignation.\n\n\
             The plan will cost $4 million, the mayor said the next day.\n\n\
             The plan will cost $5 million, Jo Roe told the council.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("seedlings")), "{qs:?}");
    assert!(
        qs.iter().all(|q| !q.text.contains("Shortly after")),
        "{qs:?}"
    );
    // A time phrase after the cue, or an addressee, leaves the clause reported.
    assert!(qs.iter().any(|q| q.text.contains("$4 million")), "{qs:?}");
    assert_eq!(speaker(find(&qs, "$5 million")), Some("Jo Roe"));
}

#[test]
fn an_acronym_for_a_thing_is_no_organisation_it_stands_for() {
    let t = "Energy Control runs a small lab. Energy Control reads each sample with a gas \
             chromatograph (GC) in an hour. It said that the results are sent by email.";
    let mut second = named(t, "Energy Control", EntityKind::Org);
    second.start = t.rfind("Energy Control").unwrap();
    second.end = second.start + "Energy Control".len();
    let ents = vec![
        named(t, "Energy Control", EntityKind::Org),
        second,
        named(t, "GC", EntityKind::Org),
    ];
    let qs = find_quotes(&Doc::new(t), &ents);
    assert_eq!(
        speaker(find(&qs, "results are sent")),
        Some("Energy Control")
    );
}

#[test]
fn capitalised_cue_word_or_joiner_inside_an_organisation_name() {
    // "State" and "to"/"on" inside a name: the name ends at the verb, not at the cue word or
    // the joiner ("of State said" gave no quote at all; "to Protect …" cut the name).
    let t = "The Department of State said that the embassy in Lagos would close on Friday.\n\n\
             The Secretary of State said that the talks would resume in May.\n\n\
             The Committee to Protect Journalists said that the reporter was detained.\n\n\
             The Council on Foreign Relations said that the war had cost too much.\n\n\
             Secretary of State Jo Marsh said that the visit was over.";
    assert_speakers(
        t,
        &[
            ("embassy in Lagos", "Department of State"),
            ("talks would resume", "Secretary of State"),
            ("reporter was detained", "Committee to Protect Journalists"),
            ("war had cost", "Council on Foreign Relations"),
            ("visit was over", "Jo Marsh"),
        ],
    );
}

#[test]
fn place_in_a_group_nouns_complement_is_no_speaker() {
    // The place closes the complement of the group noun that heads the subject.
    let t = "Representatives at several Northwind stores in Portugal said that buyers should \
             come back tomorrow.";
    let qs = quotes(t);
    let who = speaker(find(&qs, "come back tomorrow"));
    assert_ne!(who, Some("Portugal"));
    assert!(
        who.is_some_and(|w| w.starts_with("Representatives")),
        "{who:?}"
    );
}

#[test]
fn place_inside_a_described_apposition_is_no_speaker() {
    // "the largest lender in Portugal" describes the bank; its capitals are no name.
    assert_speakers(
        "The Northwind Bank, the largest lender in Portugal, has announced that it lost money \
         in the quarter.\n\n\
         Ada Moreno, 41, a nurse in Lisbon, said the wards were full.\n\n\
         Two economists, Ada Moreno and Rui Costa, found that rents rose by a third.",
        &[
            ("lost money", "Northwind Bank"),
            ("wards were full", "Ada Moreno"),
            ("rents rose", "Rui Costa"),
        ],
    );
}

#[test]
fn described_document_speaks_not_its_client() {
    // "conducted for X" describes the survey: the survey found it, not its client.
    let qs = quotes("The survey, conducted for the Lisbon Tenants Union, also found that rents rose by a third.");
    assert_ne!(
        speaker(find(&qs, "rents rose")),
        Some("Lisbon Tenants Union")
    );
}

#[test]
fn according_to_between_subject_and_verb_reports_the_clause() {
    // The aside splits the clause it reports: the whole clause is the report, not the subject
    // alone (which gave no quote). A clause of its own before the aside keeps the old reading.
    let t = "The minister, according to two of her aides, plans to resign before the summer.\n\n\
             Exports grew 5 percent, according to the customs office, driven by demand in Asia.";
    let qs = quotes(t);
    let q = find(&qs, "plans to resign");
    assert!(q.text.starts_with("The minister"), "{q:?}");
    assert_eq!(q.speaker_mention.as_deref(), Some("two of her aides"));
    let q = find(&qs, "Exports grew");
    assert!(!q.text.contains("driven"), "{q:?}");
}

#[test]
fn long_parenthetical_after_the_speaker_belongs_to_the_name() {
    // A relative clause or description in brackets between the name and the cue: the name
    // still speaks (a bracket of more than a few words gave no quote). An abbreviation's
    // full stop inside the bracket ends nothing.
    let t = "Ada Lindqvist (who was the author of the forum post above) noted that \
             the vendor had quietly forked the compiler.\n\n\
             Rep. Tom Alder (R-Fla.) said that the airport would close.";
    assert_speakers(
        t,
        &[
            ("quietly forked", "Ada Lindqvist"),
            ("airport would close", "Tom Alder"),
        ],
    );
}

#[test]
fn role_joined_to_its_complement_by_to_is_one_speaker() {
    // "to" after a role noun does not end the subject at the complement: the aides speak,
    // not the person they serve.
    let t = "Marta Quist won the primary in March.\n\n\
             Aides to Marta Quist say that the campaign will spend heavily in the fall.\n\n\
             An adviser to the mayor said that the vote would be delayed.";
    assert_speakers(
        t,
        &[
            ("spend heavily", "Aides to Marta Quist"),
            ("vote would be delayed", "adviser to the mayor"),
        ],
    );
}

#[test]
fn verbs_of_sharing_agreeing_advising_and_countering_report_a_that_clause() {
    // Cues only before a that-clause: "shared the stage" or "agrees with" report nothing.
    let t = "Ann Miller shared that the spring classes sold out in a week.\n\n\
             Tom Reed agrees that stretching has become more popular.\n\n\
             Dana Fox also advises that pregnant women avoid long fasts.\n\n\
             Tom Reed counters that several trials show no harm at all.\n\n\
             Ann Miller shared the stage with Dana Fox, and Tom Reed agrees with her.";
    let qs = quotes(t);
    assert_speakers(
        t,
        &[
            ("classes sold out", "Ann Miller"),
            ("stretching has become", "Tom Reed"),
            ("pregnant women avoid", "Dana Fox"),
            ("several trials show", "Tom Reed"),
        ],
    );
    assert!(
        !qs.iter()
            .any(|q| q.text.contains("stage") || q.text.contains("with her")),
        "{qs:#?}"
    );
}

#[test]
fn a_that_verb_with_a_determiner_object_takes_no_relative_that() {
    // "found a crack that ran …": the "that" opens a relative clause on the object, no finding.
    // With the addressee there the verb still reports ("told the court that …").
    let t = "The inspectors found a crack that ran along the north wall of the school.\n\n\
             Ann Miller told the court that the wall had been repaired twice.";
    let qs = quotes(t);
    assert!(!qs.iter().any(|q| q.text.contains("ran along")), "{qs:#?}");
    assert_speakers(t, &[("repaired twice", "Ann Miller")]);
}

#[test]
fn a_report_reads_out_its_words() {
    // "report" is also a cue word; as the text's noun before "read" it is the text that speaks.
    let t = "Ann Miller, a coach in Ohio, says the classes sold out. “People love them,” she \
             explains.\n\n\
             “This trend focuses on rest and on recovery after hard weeks,” the report read.";
    assert_speakers(t, &[("This trend focuses", "report")]);
}

#[test]
fn quotation_after_a_clause_reported_with_a_trailing_cue_continues_its_speaker() {
    // The sentence before reports a clause ("…, Tom Reed added."), not a quotation: the
    // quotation opening the next sentence of the paragraph, with no cue of its own, is his.
    let t = "Not every manager needs the details, but they should know what the tools do, \
             Tom Reed added. “Nobody can afford to ignore what is happening.”\n\n\
             Search is a task people do well, but never at this scale, Dana Fox said. \
             “That is not an example of machines taking jobs.”";
    assert_speakers(
        t,
        &[
            ("Nobody can afford", "Tom Reed"),
            ("not an example", "Dana Fox"),
        ],
    );
}

#[test]
fn the_noun_stress_is_no_cue() {
    // "stress" is a cue only with a subject that names who speaks: "can reduce stress, pain
    // and worry" reports nothing, while "she stresses" and "experts stress" still do.
    let t = "Ten minutes of yoga can reduce stress, pain and worry in older adults.\n\n\
             You cannot see or touch stress, but you can feel its effects on your body.\n\n\
             “Rest is part of the training,” Ann Miller stresses.\n\n\
             Experts stress that sleep matters more than any supplement.";
    let qs = quotes(t);
    assert!(
        !qs.iter()
            .any(|q| q.text.contains("pain and worry") || q.text.contains("feel its")),
        "{qs:#?}"
    );
    assert_speakers(t, &[("Rest is part", "Ann Miller")]);
    assert_eq!(speaker(find(&qs, "sleep matters")), Some("Experts"));
}
