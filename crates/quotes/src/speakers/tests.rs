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
