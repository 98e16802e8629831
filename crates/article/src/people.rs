//! The people of a byline: what an author list may hold. An e-mail address, an online handle and
//! a desk's label ("Staff", "Staff Writer", "Our Foreign Staff", "News Desk") name no one; a wire
//! agency stands as the author only when it is the whole byline. Used by every author source of
//! the HTML path (through `names_only`) and on the finished article of every format.

use claimtrail_lexicon as lexicon;

/// Whether a byline entry is not a person's (or a publisher's) name: an e-mail address, a
/// handle, or a desk's label.
pub(crate) fn not_a_person(entry: &str) -> bool {
    let e = entry.trim();
    let letters = e.chars().filter(|c| c.is_alphabetic()).count();
    let digits = e.chars().filter(|c| c.is_ascii_digit()).count();
    letters < 2 || digits > letters || is_email(e) || is_handle(e) || is_desk_label(e)
}

/// The author list without entries that name no one ([`not_a_person`]); a wire agency beside
/// a person is the agency's credit, not an author ("Jane Roe, Reuters" is Jane Roe's), and
/// "Reuters Staff" is the agency's byline.
pub(crate) fn people_only(authors: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = authors
        .into_iter()
        .filter_map(|a| match agency_staff(&a) {
            Some(agency) => Some(agency.to_string()),
            None => (!not_a_person(&a)).then_some(a),
        })
        .collect();
    if out.iter().any(|a| !is_agency(a)) {
        out.retain(|a| !is_agency(a));
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|a| seen.insert(a.to_lowercase()));
    out
}

fn is_agency(name: &str) -> bool {
    crate::html::is_wire_agency(name)
}

/// "Reuters Staff", "AFP staff": the agency named before "Staff".
fn agency_staff(entry: &str) -> Option<&str> {
    let e = entry.trim();
    let cut = e.len().checked_sub(" staff".len())?;
    let (head, tail) = (e.get(..cut)?, e.get(cut..)?);
    (tail.eq_ignore_ascii_case(" staff") && is_agency(head)).then(|| head.trim())
}

/// One word with an `@` between a user and a host with a dot.
fn is_email(e: &str) -> bool {
    !e.contains(char::is_whitespace)
        && e.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// An online handle rather than a name: one word that is "@name", a lower-case login with a
/// separator or a digit ("q_admin", "sara.r.peter", "brandon-peaktwo", an id), or a lower-case
/// run of words of ten letters or more that is no given name ("madelinmarquardt",
/// "midwestlifeandstyle"). A capitalised word ("Kristin", "EcoFlow", "AccountingDepartment.com")
/// and a name written in lower case with its spaces ("kirstin boatto") are not handles.
fn is_handle(e: &str) -> bool {
    if e.is_empty() || e.contains(char::is_whitespace) {
        return false;
    }
    if let Some(rest) = e.strip_prefix('@') {
        return rest.chars().any(char::is_alphanumeric);
    }
    if e.chars().any(char::is_uppercase) || !e.chars().any(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let login = e.contains(['_', '.', '-']) || e.chars().any(|c| c.is_ascii_digit());
    let run = e.chars().all(|c| c.is_ascii_lowercase())
        && e.len() >= 10
        && lexicon::given_name(e).is_none();
    login || run
}

/// The label of a desk or of a publication's staff, standing where a name would: "Staff",
/// "Staff Writer", "Times Staff Writer", "Our Foreign Staff", "TMZ STAFF", "News Desk",
/// "Newsdesk", "Team".
fn is_desk_label(e: &str) -> bool {
    let lower = e.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some((&last, rest)) = words.split_last() else {
        return false;
    };
    match last {
        "staff" | "desk" | "newsdesk" | "team" if rest.is_empty() => true,
        "staff" | "desk" | "newsdesk" => true,
        "writer" | "writers" | "reporter" | "reporters" => rest.last() == Some(&"staff"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn addresses_handles_and_desk_labels_are_nobody() {
        for e in [
            "jo.roe@example.com",
            "@jroe",
            "q_admin",
            "sara.r.peter",
            "brandon-peaktwo",
            "3d23d65-ddc6-4ce5",
            "madelinmarquardt",
            "Staff",
            "Staff Writer",
            "Times Staff Writer",
            "Our Foreign Staff",
            "TMZ STAFF",
            "Podium Staff",
            "News Desk",
            "TOI Lifestyle Desk",
            "Newsdesk",
            "team",
            "262588213843476",
        ] {
            assert!(not_a_person(e), "{e}");
        }
        for e in [
            "Jo Roe",
            "Kristin",
            "kirstin boatto",
            "EcoFlow",
            "AccountingDepartment.com",
            "Z.B. Steele",
            "christopher",
            "veena",
            "The Investopedia Team",
            "Staff Clinician",
            "Reuters",
        ] {
            assert!(!not_a_person(e), "{e}");
        }
    }

    #[test]
    fn an_agency_stands_only_as_the_whole_byline() {
        assert_eq!(people_only(v(&["Reuters"])), v(&["Reuters"]));
        assert_eq!(people_only(v(&["Jo Roe", "Reuters"])), v(&["Jo Roe"]));
        assert_eq!(
            people_only(v(&["The Associated Press", "Ann Lee"])),
            v(&["Ann Lee"])
        );
        assert_eq!(people_only(v(&["Reuters Staff"])), v(&["Reuters"]));
        assert_eq!(people_only(v(&["AFP", "Staff"])), v(&["AFP"]));
    }

    #[test]
    fn only_people_are_left() {
        assert_eq!(
            people_only(v(&[
                "Ann Lee",
                "ann.lee@example.com",
                "@annlee",
                "Staff Writer"
            ])),
            v(&["Ann Lee"])
        );
        assert!(people_only(v(&["Staff"])).is_empty());
        assert!(people_only(v(&["jo@example.org"])).is_empty());
    }
}
