//! Closed word lists the speaker rules test: organisation, group, document, outlet and team
//! nouns, determiners, quantifiers and naming verbs.

pub(crate) use claimtrail_lexicon::is_accusing_noun;

/// Verbs that give a thing its name ("a technique called …", "a firm dubbed …"); some are weak
/// speech cues too, but never before the name they give.
pub(crate) fn is_naming_verb(lower: &str) -> bool {
    matches!(
        lower,
        "called" | "named" | "dubbed" | "termed" | "titled" | "entitled" | "nicknamed"
    )
}

/// Leading words of a capitalised run that are not part of a name.
pub(super) fn is_leading_function_word(lower: &str) -> bool {
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

/// An online handle: starts with a lower-case letter, letters, digits and underscores only,
/// with at least one digit ("elmo666", "kay_1984"); no word of the language looks like that.
pub(super) fn is_handle(w: &str) -> bool {
    w.len() >= 3
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && w.chars().any(|c| c.is_ascii_digit())
}

/// Words counting the members of a group ("many analysts"): not part of its name.
pub(super) fn is_quantifier(lower: &str) -> bool {
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
pub(super) fn is_team_noun(lower: &str) -> bool {
    matches!(
        lower,
        "colleagues" | "co-authors" | "coauthors" | "collaborators" | "team" | "co-workers"
    )
}

/// Nouns for a news outlet that follow its name ("Vulture magazine", "a Baton Rouge newspaper").
pub(super) fn is_outlet_noun(lower: &str) -> bool {
    matches!(lower, "magazine" | "newspaper" | "tabloid" | "broadcaster")
}

/// Words that open a noun phrase before any name in it.
pub(super) fn is_determiner(lower: &str) -> bool {
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
            | "memorandum"
            | "filing"
            | "indictment"
            | "ruling"
            | "lawsuit"
            | "complaint"
            | "assessment"
            | "notes"
            | "census"
            | "evaluation"
            | "article"
            | "autopsy"
            | "autopsies"
            | "video"
            | "footage"
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
