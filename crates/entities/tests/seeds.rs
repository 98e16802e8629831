//! Golden test on the article text of the five seed pages (extracted once by claimtrail-article
//! and saved in tests/fixtures): every person, organisation, country and nationality named by
//! the gold quotes and figures is found with its canonical name and, where the page gives one,
//! its role.

use claimtrail_entities::recognize;
use claimtrail_text::{Doc, Entity};

fn entities(file: &str) -> Vec<Entity> {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture");
    let doc = Doc::new(&text);
    let ents = recognize(&doc);
    for e in &ents {
        assert_eq!(&text[e.start..e.end], e.text, "offsets of {e:?}");
    }
    ents
}

/// Some mention has this type and canonical (and, if given, a role containing `role`).
fn has(ents: &[Entity], kind: &str, canonical: &str, role: Option<&str>) {
    let ok = ents.iter().any(|e| {
        e.kind.as_str() == kind
            && e.canonical == canonical
            && role.is_none_or(|r| e.role.as_deref().is_some_and(|have| have.contains(r)))
    });
    let seen: Vec<_> = ents
        .iter()
        .filter(|e| e.canonical == canonical || e.text == canonical)
        .map(|e| (&e.kind, &e.text, &e.role))
        .collect();
    assert!(
        ok,
        "{kind} {canonical} {role:?} not found; mentions: {seen:?}"
    );
}

/// Every person mention with this surname resolves to the full name.
fn surname_resolves(ents: &[Entity], surname: &str, full: &str) {
    let bare: Vec<_> = ents.iter().filter(|e| e.text == surname).collect();
    assert!(!bare.is_empty(), "no bare mention of {surname}");
    for e in bare {
        assert_eq!((e.kind.as_str(), e.canonical.as_str()), ("PERSON", full));
    }
}

#[test]
fn white_house_on_escalation() {
    let e = entities("000_20dcaab2fdce8d62.txt");
    has(
        &e,
        "PERSON",
        "Karine Jean-Pierre",
        Some("White House spokeswoman"),
    );
    surname_resolves(&e, "Jean-Pierre", "Karine Jean-Pierre");
    has(&e, "ORG", "White House", None);
    has(&e, "GPE", "Russia", None);
    has(&e, "GPE", "Ukraine", None);
    has(&e, "GPE", "United States", None);
    has(&e, "NORP", "North Korean", None);
    has(&e, "NORP", "Western", None);
    // "turning to DPRK": an alias of North Korea.
    assert!(e
        .iter()
        .any(|x| x.text == "DPRK" && x.canonical == "North Korea"));
}

#[test]
fn state_department_briefing() {
    let e = entities("001_82f03e1fbec35475.txt");
    has(&e, "PERSON", "Matthew Miller", Some("spokesperson"));
    has(&e, "PERSON", "Matthew Miller", Some("State Department"));
    surname_resolves(&e, "Miller", "Matthew Miller");
    has(&e, "GPE", "North Korea", None);
    has(&e, "GPE", "United States", None);
}

#[test]
fn pentagon_and_nato() {
    let e = entities("002_0c3089f2c773f405.txt");
    has(&e, "PERSON", "Sabrina Singh", Some("Pentagon spokesperson"));
    has(&e, "PERSON", "Mark Rutte", Some("NATO Secretary General"));
    has(&e, "PERSON", "Joe Biden", Some("US President"));
    surname_resolves(&e, "Biden", "Joe Biden");
    has(&e, "ORG", "Pentagon", None);
    has(&e, "NORP", "South Korean", None);
    has(&e, "NORP", "Ukrainian", None);
    has(&e, "NORP", "North Korean", None);
}

#[test]
fn national_security_council() {
    let e = entities("003_026a6bed20428990.txt");
    has(
        &e,
        "PERSON",
        "John Kirby",
        Some("National Security Council spokesman"),
    );
    surname_resolves(&e, "Kirby", "John Kirby");
    has(&e, "NORP", "Russian", None);
    has(&e, "NORP", "North Korean", None);
}

#[test]
fn kirby_on_g7_loans() {
    let e = entities("004_0a20a275f10aef06.txt");
    has(
        &e,
        "PERSON",
        "John Kirby",
        Some("White House National Security Communications Advisor"),
    );
    surname_resolves(&e, "Kirby", "John Kirby");
    has(&e, "ORG", "White House", None);
    has(&e, "ORG", "G7", None);
    has(&e, "GPE", "United States", None);
    has(&e, "GPE", "Ukraine", None);
    has(&e, "NORP", "North Korean", None);
}
