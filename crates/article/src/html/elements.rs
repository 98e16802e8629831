//! One table of HTML elements and the roles the walks over the page give them. Each walk asks
//! its own question of a tag name (does it break a line of the formatted text, start a text
//! block, mark a visible break, end a line of the stripped text, hide its text), and the
//! answers differ from walk to walk on purpose: a `<span>` breaks the header's text so that a
//! name and a date do not run together, but it is inline in the article's text. Here each tag
//! is written once with every role it plays.

/// The roles of one element, a set of the flags below.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Roles(u16);

impl Roles {
    const NONE: Roles = Roles(0);

    /// Whether every role of `other` is one of these.
    pub const fn has(self, other: Roles) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    const fn or(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }
}

impl std::ops::BitOr for Roles {
    type Output = Roles;
    fn bitor(self, other: Roles) -> Roles {
        self.or(other)
    }
}

/// Laid out as a block in the formatted article text: a line break (`own_pick`'s text).
pub const LINE_BREAK: Roles = Roles(1);
/// Starts a text block of its own when the container is weighed (`container`).
pub const TEXT_BLOCK: Roles = Roles(1 << 1);
/// Its start is a visible break that names and dates do not run across (`header`'s text, the
/// paragraph walk, the lead's blocks).
pub const VISIBLE_BREAK: Roles = Roles(1 << 2);
/// Ends a line when the tags are stripped from the raw page (`strip::strip_tags`).
pub const STRIP_NEWLINE: Roles = Roles(1 << 3);
/// Holds no text of the article whatever it contains (`own_pick`: scripts, players, forms'
/// controls, the head).
pub const NEVER_TEXT: Roles = Roles(1 << 4);
/// Its nodes are never shown as text when the container is weighed (`container`).
pub const HIDDEN_TEXT: Roles = Roles(1 << 5);
/// Script and style content, removed before anything is scored or read (`own_pick`,
/// `header`, the paragraph walk).
pub const SCRIPTING: Roles = Roles(1 << 6);
/// Raw text skipped to its closing tag when the tags are stripped (`strip::strip_tags`).
pub const STRIP_SKIPPED: Roles = Roles(1 << 7);

const LB: Roles = LINE_BREAK;
const TB: Roles = TEXT_BLOCK;
const VB: Roles = VISIBLE_BREAK;
const SN: Roles = STRIP_NEWLINE;
const NT: Roles = NEVER_TEXT;
const HT: Roles = HIDDEN_TEXT;
const SC: Roles = SCRIPTING;
const SS: Roles = STRIP_SKIPPED;

/// The roles of the element named `name` (lower case, as the parser gives it); none for a name
/// not in the table.
pub const fn roles(name: &str) -> Roles {
    // One arm per tag: the table. A `match` on the name compiles to length-then-bytes tests,
    // cheaper than a map for the few dozen names every node of the page is asked about.
    match name.as_bytes() {
        b"p" => LB.or(TB).or(VB).or(SN),
        b"div" => LB.or(TB).or(VB).or(SN),
        b"br" => VB.or(SN),
        b"li" => LB.or(TB).or(VB).or(SN),
        b"ul" | b"ol" => LB.or(TB).or(VB),
        b"dl" => LB.or(TB),
        b"dt" | b"dd" => LB.or(TB).or(VB),
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => LB.or(TB).or(VB).or(SN),
        b"blockquote" => LB.or(TB).or(VB).or(SN),
        b"pre" => LB.or(TB),
        b"table" => LB.or(TB).or(SN),
        b"tbody" => TB,
        b"tr" | b"td" => LB.or(TB).or(VB).or(SN),
        b"th" => LB.or(TB).or(SN),
        b"section" | b"article" => LB.or(TB).or(VB).or(SN),
        b"header" | b"footer" | b"aside" => LB.or(TB).or(VB),
        b"main" => LB.or(TB),
        b"nav" => TB,
        b"figure" | b"figcaption" => LB.or(TB).or(VB),
        b"address" => LB.or(TB).or(VB),
        b"hr" => LB,
        b"form" => LB.or(TB),
        b"fieldset" | b"details" | b"summary" => LB,
        b"center" => LB.or(TB),
        b"body" => TB,
        b"time" | b"span" | b"small" | b"label" => VB,
        b"button" => VB.or(NT),
        b"script" | b"style" | b"noscript" => NT.or(HT).or(SC).or(SS),
        b"template" => NT.or(HT).or(SC),
        b"svg" | b"select" | b"head" | b"title" => NT.or(HT),
        b"iframe" | b"object" | b"embed" | b"textarea" | b"input" | b"link" | b"meta" => NT,
        _ => Roles::NONE,
    }
}

/// Whether the element named `name` plays `role`.
pub fn is(name: &str, role: Roles) -> bool {
    roles(name).has(role)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each role's members as its caller listed them before the table.
    const EXPECTED: &[(Roles, &[&str])] = &[
        (
            LINE_BREAK,
            &[
                "p",
                "div",
                "li",
                "ul",
                "ol",
                "dl",
                "dt",
                "dd",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "blockquote",
                "pre",
                "table",
                "tr",
                "td",
                "th",
                "section",
                "article",
                "header",
                "footer",
                "main",
                "aside",
                "figure",
                "figcaption",
                "address",
                "hr",
                "form",
                "fieldset",
                "center",
                "details",
                "summary",
            ],
        ),
        (
            TEXT_BLOCK,
            &[
                "p",
                "div",
                "li",
                "ul",
                "ol",
                "dl",
                "dt",
                "dd",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "section",
                "article",
                "main",
                "header",
                "footer",
                "aside",
                "nav",
                "form",
                "td",
                "th",
                "tr",
                "table",
                "tbody",
                "figure",
                "figcaption",
                "blockquote",
                "pre",
                "address",
                "center",
                "body",
            ],
        ),
        (
            VISIBLE_BREAK,
            &[
                "p",
                "div",
                "br",
                "li",
                "ul",
                "ol",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "section",
                "article",
                "header",
                "footer",
                "time",
                "span",
                "td",
                "tr",
                "figure",
                "figcaption",
                "small",
                "address",
                "dt",
                "dd",
                "label",
                "button",
                "blockquote",
                "aside",
            ],
        ),
        (
            STRIP_NEWLINE,
            &[
                "p",
                "div",
                "br",
                "li",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "tr",
                "td",
                "th",
                "section",
                "article",
                "blockquote",
                "table",
            ],
        ),
        (
            NEVER_TEXT,
            &[
                "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
                "select", "textarea", "input", "button", "link", "meta", "head", "title",
            ],
        ),
        (
            HIDDEN_TEXT,
            &[
                "script", "style", "noscript", "template", "svg", "head", "title", "select",
            ],
        ),
        (SCRIPTING, &["script", "style", "noscript", "template"]),
        (STRIP_SKIPPED, &["script", "style", "noscript"]),
    ];

    /// Names no role holds: inline markup, other elements, case and near misses.
    const OTHERS: &[&str] = &[
        "", "a", "b", "i", "em", "strong", "img", "picture", "video", "audio", "html", "P", "DIV",
        "Script", "h7", "h", "pp", "divs", "tablex", "sp", "spa", "bodyx",
    ];

    #[test]
    fn each_role_holds_exactly_its_callers_members() {
        let mut names: Vec<&str> = EXPECTED
            .iter()
            .flat_map(|(_, m)| m.iter().copied())
            .collect();
        names.extend(OTHERS);
        for (role, members) in EXPECTED {
            for n in &names {
                assert_eq!(
                    is(n, *role),
                    members.contains(n),
                    "{n:?} under role {role:?}"
                );
            }
        }
        for n in OTHERS {
            assert_eq!(roles(n), Roles::NONE, "{n:?}");
        }
    }

    #[test]
    fn roles_combine_and_none_is_no_role() {
        assert!(roles("p").has(LINE_BREAK | STRIP_NEWLINE));
        assert!(!roles("pre").has(LINE_BREAK | STRIP_NEWLINE));
        assert!(!roles("p").has(Roles::NONE));
        assert!(!is("anything", LINE_BREAK));
    }
}
