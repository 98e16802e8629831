//! Words about people: personal pronouns, given names and titles, with the gender they carry.

use crate::table::{data_error, flags, rows, table, Table};
use std::sync::LazyLock;

/// The gender a word gives a person, where it gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// Either, none, or not known ("they", "Jordan").
    Unknown,
}

fn gender(field: Option<&&str>, file: &str) -> Gender {
    match field.copied() {
        Some("m") => Gender::Male,
        Some("f") => Gender::Female,
        Some("u") => Gender::Unknown,
        other => {
            data_error(file, other.unwrap_or("(no gender)"));
            Gender::Unknown
        }
    }
}

/// A personal pronoun (`data/pronouns.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    /// 1, 2 or 3.
    pub person: u8,
    pub gender: Gender,
    pub singular: bool,
    pub plural: bool,
    pub subject: bool,
    pub object: bool,
    pub possessive: bool,
}

static PRONOUNS: LazyLock<Table<Pronoun>> = LazyLock::new(|| {
    let file = "pronouns.txt";
    table(include_str!("../data/pronouns.txt"), |_, f| {
        let [singular, plural, subject, object, possessive] = flags(
            f.get(2..).unwrap_or(&[]),
            ["singular", "plural", "subject", "object", "possessive"],
            file,
        );
        Pronoun {
            person: crate::table::number(f.first(), file) as u8,
            gender: gender(f.get(1), file),
            singular,
            plural,
            subject,
            object,
            possessive,
        }
    })
});

/// The personal pronoun a lower-case word is.
#[inline]
pub fn pronoun(lower: &str) -> Option<Pronoun> {
    PRONOUNS.get(lower).copied()
}

/// The gender of a subject pronoun ("he", "she"; "they", "it", "i" … give
/// [`Gender::Unknown`]); `None` for any other word.
#[inline]
pub fn subject_pronoun_gender(lower: &str) -> Option<Gender> {
    pronoun(lower).filter(|p| p.subject).map(|p| p.gender)
}

/// A given name (`data/given_names.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GivenName {
    /// As written in the list ("Jean-Pierre").
    pub name: &'static str,
    pub gender: Gender,
    /// A gazetteer feature of the NER model.
    pub ner: bool,
    /// Read by the quotes stage's speaker finder.
    pub speaker: bool,
}

/// Entries in file order, and their index by lower-cased text.
struct Listed<T> {
    entries: Vec<T>,
    index: Table<usize>,
}

impl<T> Listed<T> {
    fn load(text: &'static str, mut parse: impl FnMut(&'static str, &[&'static str]) -> T) -> Self {
        let mut entries = Vec::new();
        let mut keys = Vec::new();
        for (entry, fields) in rows(text) {
            keys.push((entry.to_lowercase().into_boxed_str(), entries.len()));
            entries.push(parse(entry, &fields));
        }
        Listed {
            entries,
            index: keys.into_iter().collect(),
        }
    }

    fn get(&self, lower: &str) -> Option<&T> {
        self.index.get(lower).map(|&i| &self.entries[i])
    }
}

static GIVEN_NAMES: LazyLock<Listed<GivenName>> = LazyLock::new(|| {
    let file = "given_names.txt";
    Listed::load(include_str!("../data/given_names.txt"), |name, f| {
        let [ner, speaker] = flags(f.get(1..).unwrap_or(&[]), ["ner", "speaker"], file);
        GivenName {
            name,
            gender: gender(f.first(), file),
            ner,
            speaker,
        }
    })
});

/// The given name a lower-case word is.
#[inline]
pub fn given_name(lower: &str) -> Option<&'static GivenName> {
    GIVEN_NAMES.get(lower)
}

/// Every given name, in list order.
pub fn given_names() -> impl Iterator<Item = &'static GivenName> {
    GIVEN_NAMES.entries.iter()
}

/// A title, honorific or role noun (`data/titles.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// As written in the list: a word or a phrase ("Secretary General", "Gen.").
    pub phrase: &'static str,
    /// Heads a person's role: a gazetteer feature of the NER model and the entities stage's
    /// role finder.
    pub ner_role: bool,
    /// Stands before a name: a gazetteer feature of the NER model.
    pub ner_honorific: bool,
    /// A word of a title before a name, for the quotes stage ("President Joe Biden").
    pub title: bool,
    /// Names a role a person holds, for the quotes stage ("the spokesperson").
    pub role: bool,
    /// The gender the word gives its holder ("spokeswoman").
    pub gender: Gender,
    /// Words naming the same function share this key ("spokes" for "spokesman",
    /// "spokeswoman" and "spokesperson"); `None` when the word is its own key.
    pub same: Option<&'static str>,
}

static TITLES: LazyLock<Listed<Title>> = LazyLock::new(|| {
    let file = "titles.txt";
    Listed::load(include_str!("../data/titles.txt"), |phrase, f| {
        let same = f.iter().find_map(|t| t.strip_prefix("same="));
        let mut gender = Gender::Unknown;
        let tags: Vec<&str> = f
            .iter()
            .copied()
            .filter(|t| !t.starts_with("same="))
            .filter(|t| match *t {
                "m" => {
                    gender = Gender::Male;
                    false
                }
                "f" => {
                    gender = Gender::Female;
                    false
                }
                _ => true,
            })
            .collect();
        let [ner_role, ner_honorific, title, role] =
            flags(&tags, ["ner_role", "ner_honorific", "title", "role"], file);
        Title {
            phrase,
            ner_role,
            ner_honorific,
            title,
            role,
            gender,
            same,
        }
    })
});

/// The title, honorific or role noun a lower-case word (or phrase) is.
#[inline]
pub fn title(lower: &str) -> Option<&'static Title> {
    TITLES.get(lower)
}

/// Every title, honorific and role noun, in list order.
pub fn titles() -> impl Iterator<Item = &'static Title> {
    TITLES.entries.iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_carry_person_gender_and_case() {
        let she = pronoun("she").unwrap();
        assert!(she.person == 3 && she.gender == Gender::Female && she.subject && she.singular);
        assert_eq!(subject_pronoun_gender("he"), Some(Gender::Male));
        assert_eq!(subject_pronoun_gender("they"), Some(Gender::Unknown));
        assert_eq!(subject_pronoun_gender("him"), None);
        assert!(pronoun("her").is_some_and(|p| p.object && p.possessive));
    }

    #[test]
    fn given_names_carry_gender_and_lists() {
        let karine = given_name("karine").unwrap();
        assert_eq!((karine.gender, karine.name), (Gender::Female, "Karine"));
        assert_eq!(given_name("john").map(|n| n.gender), Some(Gender::Male));
        assert!(given_name("jean-pierre").is_some_and(|n| n.ner && !n.speaker));
        assert!(given_name("zzyx").is_none());
        assert!(given_names().count() > 600);
    }

    #[test]
    fn titles_carry_readings_gender_and_key() {
        let t = title("spokeswoman").unwrap();
        assert!(t.ner_role && t.title && t.role && t.gender == Gender::Female);
        assert_eq!(t.same, Some("spokes"));
        assert!(title("gen.").is_some_and(|t| t.ner_honorific && !t.title));
        assert!(title("secretary general").is_some_and(|t| t.ner_role));
        assert_eq!(title("chair").and_then(|t| t.same), None);
    }
}
