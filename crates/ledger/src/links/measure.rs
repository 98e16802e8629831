//! Measure keys for figure groups: figures that measure the same thing across documents get the
//! same key. The counted phrase is normalised rather than matched as a string: the head noun is
//! singularised and mapped to a synonym class ("soldiers", "troops", "service members" → troop),
//! a nationality or other modifier is kept, and a sub-national place the figure is tied to
//! ("relocated to Kursk Oblast") makes it a different measure from the country-wide count.

/// Words that say how or when, not what is counted.
const DROP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "some",
    "already",
    "additional",
    "more",
    "new",
    "other",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "least",
    "than",
    "those",
    "these",
    "its",
    "their",
    "his",
    "her",
    "our",
    "such",
    "all",
    "total",
];

/// Head-noun synonym classes: (class, members). Singular forms.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "troop",
        &[
            "troop",
            "soldier",
            "servicemember",
            "serviceman",
            "servicemen",
            "fighter",
            "personnel",
            "member",
            "force",
            "forces",
        ],
    ),
    ("casualty", &["casualty", "loss", "losses"]),
    ("death", &["death", "dead", "fatality", "killed"]),
    ("refugee", &["refugee", "displaced", "evacuee"]),
    (
        "person",
        &["person", "people", "individual", "resident", "civilian"],
    ),
];

/// Designators of sub-national places.
const SUBNATIONAL: &[&str] = &[
    "oblast",
    "region",
    "province",
    "prefecture",
    "state",
    "county",
    "district",
    "city",
    "krai",
    "governorate",
    "canton",
    "municipality",
];

/// A normalised measure: modifiers (sorted) and head class, plus a sub-national place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureKey {
    pub head: String,
    pub modifiers: Vec<String>,
    pub place: Option<String>,
}

impl MeasureKey {
    /// A stable string form stored in the ledger ("north korean troop", "troop @kursk oblast").
    pub fn as_key(&self) -> String {
        let mut s = self.modifiers.join(" ");
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&self.head);
        if let Some(p) = &self.place {
            s.push_str(" @");
            s.push_str(p);
        }
        s
    }

    /// Whether a stored key measures this: the same head and place, and at least these
    /// modifiers ("north korean troop" is a "troop", not the reverse).
    pub fn is_covered_by(&self, stored: &str) -> bool {
        let (modifiers, head, place) = key_parts(stored);
        head == self.head
            && self
                .modifiers
                .iter()
                .all(|m| modifiers.contains(&m.as_str()))
            && place == self.place.as_deref()
    }
}

/// A stored key read back: (its modifiers, its head, its place), the inverse of
/// [`MeasureKey::as_key`].
pub fn key_parts(key: &str) -> (Vec<&str>, &str, Option<&str>) {
    let (body, place) = match key.split_once(" @") {
        Some((b, p)) => (b, Some(p)),
        None => (key, None),
    };
    let mut modifiers: Vec<&str> = body.split(' ').collect();
    let head = modifiers.pop().unwrap_or_default();
    (modifiers, head, place)
}

/// The head noun of a stored key ("troop" of "north korean troop @kursk oblast").
pub fn key_head(key: &str) -> &str {
    key_parts(key).1
}

fn head_class(head: &str) -> String {
    SYNONYMS
        .iter()
        .find(|(_, members)| members.contains(&head))
        .map_or_else(|| head.to_string(), |(class, _)| class.to_string())
}

/// The key of a counted phrase, with the words that follow the figure in its clause (for the
/// place it is tied to). `None` when nothing is counted.
pub fn measure_key(counted: &str, following: &str) -> Option<MeasureKey> {
    let mut words: Vec<String> = counted
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !DROP.contains(&w.as_str()))
        .collect();
    // "service members" is one head.
    if words.len() >= 2 && words[words.len() - 2] == "service" {
        words.pop();
        words.pop();
        words.push("servicemember".into());
    }
    let last = words.pop()?;
    let head = head_class(&claimtrail_lexicon::singular(&last));
    let mut modifiers = words;
    modifiers.sort();
    modifiers.dedup();
    Some(MeasureKey {
        head,
        modifiers,
        place: subnational_place(following),
    })
}

/// "relocated to Kursk Oblast, …" → "kursk oblast": a capitalised place after to/in/into in
/// the same clause that names a sub-national unit.
fn subnational_place(following: &str) -> Option<String> {
    let clause = following.split([',', ';', '.', '(']).next().unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| matches!(*w, "to" | "in" | "into" | "at"))?;
    let place: Vec<&str> = words[at + 1..]
        .iter()
        .skip_while(|w| **w == "the")
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || SUBNATIONAL.contains(&w.to_lowercase().as_str())
        })
        .copied()
        .collect();
    let last = place.last()?.to_lowercase();
    SUBNATIONAL
        .contains(&last.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .then(|| place.join(" ").to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_keys_read_back_into_their_parts() {
        let k = measure_key("3,000 North Korean soldiers", "relocated to Kursk Oblast").unwrap();
        let stored = k.as_key();
        let (modifiers, head, place) = key_parts(&stored);
        assert_eq!(head, k.head);
        assert_eq!(
            modifiers,
            k.modifiers.iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert_eq!(place, k.place.as_deref());
        assert_eq!(key_head("troop"), "troop");
        assert_eq!(key_head("north korean troop @kursk oblast"), "troop");
    }

    fn key(c: &str, f: &str) -> String {
        measure_key(c, f).unwrap().as_key()
    }

    #[test]
    fn synonyms_and_plurals_share_a_key() {
        assert_eq!(key("North Korean troops", ""), "korean north troop");
        assert_eq!(
            key("North Korean soldiers", " arrived in eastern Russia"),
            "korean north troop"
        );
        assert_eq!(
            key("North Korean service members", " have been deployed"),
            "korean north troop"
        );
    }

    #[test]
    fn a_subnational_destination_is_another_measure() {
        assert_eq!(
            key("troops", " already relocated to Kursk Oblast."),
            "troop @kursk oblast"
        );
        assert_eq!(
            key(
                "troops",
                " deployed by Russia, with some in the Kursk region"
            ),
            "troop"
        );
    }

    #[test]
    fn nothing_counted_has_no_key() {
        assert!(measure_key("", "").is_none());
        assert!(measure_key("the", "").is_none());
    }
}
