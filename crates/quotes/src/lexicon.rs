//! Hand-written word lists for attribution. Provenance: written for this crate from general
//! knowledge of English news style (reporting verbs, titles, organisation head nouns) and common
//! given names; no list is copied from a data set. All entries are lower case.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// Verbs (and the noun "according") that introduce reported speech or a stated assessment.
const CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "state",
    "states",
    "stated",
    "stating",
    "note",
    "notes",
    "noted",
    "noting",
    "explain",
    "explains",
    "explained",
    "explaining",
    "argue",
    "argues",
    "argued",
    "arguing",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "warn",
    "warns",
    "warned",
    "warning",
    "write",
    "writes",
    "wrote",
    "writing",
    "tweet",
    "tweets",
    "tweeted",
    "declare",
    "declares",
    "declared",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "respond",
    "responds",
    "responded",
    "reply",
    "replies",
    "replied",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "stress",
    "stresses",
    "stressed",
    "stressing",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasizing",
    "emphasise",
    "emphasises",
    "emphasised",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "remark",
    "remarked",
    "recall",
    "recalls",
    "recalled",
    "announce",
    "announces",
    "announced",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "vow",
    "vows",
    "vowed",
    "promise",
    "promises",
    "promised",
    "pledge",
    "pledged",
    "predict",
    "predicts",
    "predicted",
    "estimate",
    "estimates",
    "estimated",
    "believe",
    "believes",
    "believed",
    "conclude",
    "concluded",
    "indicate",
    "indicates",
    "indicated",
    "contend",
    "contends",
    "contended",
    "maintain",
    "maintains",
    "maintained",
    "concede",
    "conceded",
    "observe",
    "observed",
    "complain",
    "complained",
    "charge",
    "charged",
    "allege",
    "alleges",
    "alleged",
    "assure",
    "assured",
    "reiterate",
    "reiterated",
    "testify",
    "testified",
    "caution",
    "cautioned",
    "counter",
    "countered",
    "quip",
    "quipped",
    "joke",
    "joked",
    "boast",
    "boasted",
    "assert",
    "asserts",
    "asserted",
    "affirm",
    "affirmed",
    "reveal",
    "revealed",
    "disclose",
    "disclosed",
    "mention",
    "mentioned",
    "report",
    "reports",
    "reported",
    "characterize",
    "characterized",
    "characterise",
    "characterised",
    "describe",
    "describes",
    "described",
    "term",
    "termed",
    "call",
    "calls",
    "called",
    "ask",
    "asks",
    "asked",
    "think",
    "thinks",
    "accuse",
    "accused",
    "accuses",
    "criticize",
    "criticized",
    "criticised",
    "according",
    "continued",
    "continues",
    "announcing",
    "declaring",
    "asserting",
    "acknowledging",
];

/// Cues that are also common in non-speech senses; they count only with a clear subject.
const WEAK_CUES: &[&str] = &[
    "call",
    "calls",
    "called",
    "term",
    "report",
    "reports",
    "reported",
    "think",
    "thinks",
    "charge",
    "charged",
    "counter",
    "state",
    "states",
    "note",
    "notes",
    "estimate",
    "estimates",
    "maintain",
    "maintains",
    "maintained",
    "observe",
    "observed",
    "ask",
    "asks",
    "asked",
    "continued",
    "continues",
    "tweet",
    "tweets",
    "claim",
    "remark",
    "reply",
    "replies",
    "promise",
    "promises",
    "pledge",
    "vow",
    "vows",
    "warning",
    "note",
    "estimate",
    "call",
    "charges",
    "joke",
    "boast",
    "counter",
];

/// Cues that take the addressee as their object before the content ("told reporters that").
pub const ADDRESSEE_CUES: &[&str] = &[
    "tell", "tells", "told", "telling", "assure", "assured", "warn", "warns", "warned", "ask",
    "asked", "asks",
];

/// FNV-1a: the cue set is asked of every token, and SipHash dominated the profile.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

static CUE_SET: LazyLock<FastSet> = LazyLock::new(|| CUES.iter().copied().collect());
static WEAK_SET: LazyLock<FastSet> = LazyLock::new(|| WEAK_CUES.iter().copied().collect());

/// Hot: asked of every token, hence the hash set (and the cheap length filter first).
pub fn is_cue(lower: &str) -> bool {
    (2..=14).contains(&lower.len())
        && lower.as_bytes()[0].is_ascii_lowercase()
        && CUE_SET.contains(lower)
}

pub fn is_weak_cue(lower: &str) -> bool {
    WEAK_SET.contains(lower)
}

/// Participles that continue the previous speaker ("…, adding that …").
pub fn is_participle(lower: &str) -> bool {
    lower.ends_with("ing") && is_cue(lower)
}

/// Words that may stand between a subject and its cue ("has also said").
pub fn is_aux_or_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "also"
            | "has"
            | "had"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "would"
            | "will"
            | "later"
            | "previously"
            | "earlier"
            | "then"
            | "further"
            | "again"
            | "repeatedly"
            | "reportedly"
            | "recently"
            | "publicly"
            | "separately"
            | "once"
            | "not"
            | "never"
            | "could"
            | "may"
            | "might"
            | "can"
            | "did"
            | "does"
            | "do"
            | "already"
            | "privately"
            | "flatly"
            | "simply"
            | "only"
            | "even"
            | "still"
            | "first"
            | "similarly"
            | "explicitly"
            | "openly"
            | "specifically"
            | "initially"
    )
}

/// Days, months and time adverbs: never a speaker, and skipped between a subject and its cue
/// ("Gowdy earlier Thursday said").
pub fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "yesterday"
            | "tonight"
            | "instead"
            | "however"
            | "meanwhile"
            | "earlier"
            | "later"
            | "last"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "recently"
            | "now"
            | "also"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// Words a subject noun phrase never runs across.
pub fn is_boundary(lower: &str) -> bool {
    matches!(
        lower,
        "that"
            | "and"
            | "but"
            | "or"
            | "which"
            | "who"
            | "whom"
            | "when"
            | "while"
            | "as"
            | "because"
            | "if"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "where"
            | "so"
            | "than"
            | "what"
            | "how"
            | "whether"
            | "to"
            | "is"
            | "was"
            | "be"
            | "been"
            | "being"
            | "are"
            | "were"
            | "however"
            | "meanwhile"
            | "also"
            | "has"
            | "had"
            | "have"
            | "not"
            | "it"
            | "this"
            | "said"
            | "says"
            | "told"
            | "with"
            | "by"
            | "would"
            | "will"
            | "can"
            | "could"
            | "should"
            | "did"
            | "does"
            | "do"
            | "yet"
            | "then"
            | "there"
            | "here"
            | "now"
            | "still"
            | "why"
            | "until"
            | "unless"
            | "whereas"
            | "nor"
            | "just"
            | "even"
            | "once"
            | "without"
            | "against"
            | "into"
            | "from"
            | "about"
            | "over"
            | "under"
            | "like"
            | "per"
            | "via"
    )
}

pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        "they" | "we" | "i" | "it" | "you" => Some(Gender::Unknown),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Titles that precede a name ("President Joe Biden", "Secretary General Mark Rutte").
pub fn is_title(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    matches!(
        w,
        "president"
            | "vice"
            | "prime"
            | "minister"
            | "secretary"
            | "general"
            | "gen"
            | "sen"
            | "senator"
            | "rep"
            | "representative"
            | "gov"
            | "governor"
            | "mayor"
            | "judge"
            | "justice"
            | "chancellor"
            | "commissioner"
            | "chief"
            | "director"
            | "ambassador"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "dr"
            | "mr"
            | "mrs"
            | "ms"
            | "miss"
            | "prof"
            | "professor"
            | "lt"
            | "col"
            | "adm"
            | "admiral"
            | "sgt"
            | "capt"
            | "captain"
            | "maj"
            | "major"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "foreign"
            | "defense"
            | "defence"
            | "deputy"
            | "attorney"
            | "speaker"
            | "leader"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "ceo"
            | "advisor"
            | "adviser"
            | "coordinator"
            | "communications"
            | "security"
            | "national"
            | "state"
            | "sir"
            | "lord"
            | "dame"
            | "colonel"
            | "lieutenant"
            | "sergeant"
            | "rabbi"
            | "reverend"
            | "rev"
            | "bishop"
            | "cardinal"
            | "sheikh"
            | "emir"
            | "sultan"
            | "premier"
            | "envoy"
            | "congressman"
            | "congresswoman"
            | "councilman"
            | "councilwoman"
            | "finance"
            | "interior"
            | "trade"
            | "economy"
            | "health"
            | "education"
            | "justice minister"
            | "supreme"
            | "field"
            | "marshal"
            | "executive"
            | "press"
            | "officer"
            | "inspector"
            | "superintendent"
            | "detective"
            | "treasurer"
            | "auditor"
            | "candidate"
            | "nominee"
            | "former"
            | "acting"
            | "first"
            | "lady"
            | "house"
            | "senate"
    )
}

/// Nouns naming a role a person holds ("the spokesperson", "the Pentagon chief").
pub fn is_role_noun(lower: &str) -> bool {
    matches!(
        lower,
        "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "official"
            | "president"
            | "secretary"
            | "minister"
            | "chief"
            | "commander"
            | "director"
            | "ambassador"
            | "adviser"
            | "advisor"
            | "senator"
            | "governor"
            | "leader"
            | "chairman"
            | "chairwoman"
            | "lawmaker"
            | "envoy"
            | "diplomat"
            | "prosecutor"
            | "general"
            | "premier"
            | "chancellor"
            | "mayor"
            | "candidate"
            | "nominee"
            | "congressman"
            | "congresswoman"
            | "head"
            | "executive"
            | "ceo"
            | "founder"
            | "analyst"
            | "professor"
            | "researcher"
            | "economist"
            | "strategist"
            | "manager"
            | "aide"
            | "representative"
            | "officer"
            | "judge"
            | "king"
            | "queen"
            | "pope"
            | "coordinator"
            | "attorney"
            | "lawyer"
            | "democrat"
            | "republican"
            | "chair"
            | "speaker"
            | "nominee's"
            | "campaign"
            | "commissioner"
            | "negotiator"
    )
}

/// Role nouns that name the same function ("spokesman" and "spokeswoman").
pub fn role_key(lower: &str) -> &str {
    match lower {
        "spokesman" | "spokeswoman" | "spokesperson" => "spokes",
        "adviser" | "advisor" => "adviser",
        "chairman" | "chairwoman" | "chair" => "chair",
        "congressman" | "congresswoman" | "lawmaker" => "lawmaker",
        other => other,
    }
}

pub fn role_gender(lower: &str) -> Gender {
    match lower {
        "spokesman" | "chairman" | "congressman" | "king" | "prince" | "mr" | "mr." | "sir"
        | "lord" | "councilman" => Gender::Male,
        "spokeswoman" | "chairwoman" | "congresswoman" | "queen" | "princess" | "mrs" | "mrs."
        | "ms" | "ms." | "miss" | "dame" | "lady" | "councilwoman" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Last words that make a capitalised run an organisation ("White House", "State Department").
pub fn is_org_head(lower: &str) -> bool {
    matches!(
        lower,
        "house"
            | "department"
            | "ministry"
            | "pentagon"
            | "kremlin"
            | "office"
            | "council"
            | "agency"
            | "committee"
            | "commission"
            | "court"
            | "party"
            | "government"
            | "army"
            | "police"
            | "military"
            | "union"
            | "bank"
            | "institute"
            | "university"
            | "foundation"
            | "organization"
            | "organisation"
            | "association"
            | "group"
            | "company"
            | "corporation"
            | "inc"
            | "inc."
            | "corp"
            | "corp."
            | "news"
            | "times"
            | "post"
            | "journal"
            | "reuters"
            | "press"
            | "administration"
            | "campaign"
            | "senate"
            | "congress"
            | "parliament"
            | "command"
            | "forces"
            | "service"
            | "services"
            | "authority"
            | "board"
            | "secretariat"
            | "embassy"
            | "network"
            | "center"
            | "centre"
            | "fund"
            | "federation"
            | "navy"
            | "bureau"
            | "staff"
            | "cabinet"
            | "tribunal"
            | "assembly"
            | "coalition"
            | "alliance"
            | "downing"
            | "whitehall"
            | "elysee"
            | "élysée"
            | "nato"
            | "ap"
            | "afp"
            | "cnn"
            | "bbc"
            | "fbi"
            | "cia"
            | "un"
            | "eu"
            | "who"
            | "imf"
            | "opec"
            | "poll"
            | "survey"
            | "team"
            | "guard"
            | "statement"
            | "spokesperson"
            | "ltd"
            | "llc"
            | "plc"
            | "tass"
            | "xinhua"
            | "yonhap"
            | "intelligence"
            | "prosecutors"
            | "officials"
    )
}

/// Calls `f` with `w` lower-cased, without allocating for short ASCII words (the hot case).
pub fn lc<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 24];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// "the", "a" or "an", in any case.
pub fn is_article(w: &str) -> bool {
    ["the", "a", "an"].iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Given names with their usual gender, for resolving "he" and "she". A small hand-written
/// list of names frequent in English-language news; unknown names stay gender-neutral.
pub fn first_name_gender(name: &str) -> Option<Gender> {
    lc(name, first_name_gender_lower)
}

fn first_name_gender_lower(l: &str) -> Option<Gender> {
    if MALE.binary_search(&l).is_ok() {
        Some(Gender::Male)
    } else if FEMALE.binary_search(&l).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

// Sorted, for binary search (a unit test checks the order).
const MALE: &[&str] = &[
    "aaron",
    "abdul",
    "abraham",
    "adam",
    "ahmed",
    "alan",
    "albert",
    "alex",
    "alexander",
    "alexei",
    "ali",
    "allen",
    "andrew",
    "andrzej",
    "angus",
    "anthony",
    "antonio",
    "antony",
    "arnold",
    "arthur",
    "ashton",
    "barack",
    "ben",
    "benjamin",
    "benny",
    "bernie",
    "bill",
    "bob",
    "boris",
    "brad",
    "brandon",
    "brett",
    "brian",
    "bruce",
    "bryan",
    "carl",
    "carlos",
    "chad",
    "charles",
    "charlie",
    "chris",
    "christian",
    "christopher",
    "chuck",
    "clarence",
    "colin",
    "craig",
    "dan",
    "daniel",
    "darren",
    "dave",
    "david",
    "dennis",
    "dick",
    "dmitry",
    "don",
    "donald",
    "doug",
    "douglas",
    "ed",
    "eddie",
    "edward",
    "elon",
    "emmanuel",
    "eric",
    "evan",
    "frank",
    "fred",
    "gary",
    "gavin",
    "george",
    "gerald",
    "greg",
    "gregory",
    "hakeem",
    "hans",
    "harold",
    "harry",
    "henry",
    "howard",
    "hunter",
    "ian",
    "igor",
    "isaac",
    "ivan",
    "jack",
    "jacob",
    "jaime",
    "jake",
    "james",
    "jamie",
    "jared",
    "jason",
    "jay",
    "jean",
    "jeb",
    "jeff",
    "jeffrey",
    "jens",
    "jeremy",
    "jerome",
    "jerry",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "keir",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "kim",
    "kirk",
    "kurt",
    "lance",
    "larry",
    "lee",
    "leon",
    "lindsey",
    "lloyd",
    "louis",
    "luis",
    "luke",
    "marco",
    "mark",
    "martin",
    "matt",
    "matthew",
    "max",
    "michael",
    "mike",
    "mikhail",
    "mitch",
    "mohammed",
    "muhammad",
    "narendra",
    "nathan",
    "ned",
    "neil",
    "nicholas",
    "nick",
    "nigel",
    "olaf",
    "oleg",
    "oliver",
    "omar",
    "oscar",
    "pat",
    "patrick",
    "paul",
    "pete",
    "peter",
    "phil",
    "philip",
    "rahm",
    "ralph",
    "rand",
    "randy",
    "raymond",
    "reince",
    "ric",
    "richard",
    "rick",
    "rob",
    "robert",
    "rod",
    "roger",
    "ron",
    "ronald",
    "ross",
    "roy",
    "rudy",
    "rupert",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scott",
    "sean",
    "sergei",
    "sergey",
    "seth",
    "shawn",
    "sherrod",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "terry",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tony",
    "viktor",
    "vladimir",
    "volodymyr",
    "walter",
    "wayne",
    "william",
    "xi",
    "yevgeny",
    "yuri",
];

const FEMALE: &[&str] = &[
    "alexandria",
    "alice",
    "amanda",
    "amy",
    "andrea",
    "angela",
    "ann",
    "anna",
    "annalena",
    "anne",
    "barbara",
    "betsy",
    "betty",
    "carly",
    "carol",
    "caroline",
    "catherine",
    "chelsea",
    "christine",
    "claire",
    "claudia",
    "dana",
    "debbie",
    "deborah",
    "diana",
    "diane",
    "donna",
    "elaine",
    "elise",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "gennifer",
    "gina",
    "giorgia",
    "hannah",
    "heather",
    "helen",
    "hillary",
    "huma",
    "ilhan",
    "irina",
    "ivanka",
    "jane",
    "janet",
    "jen",
    "jennifer",
    "jessica",
    "jill",
    "joan",
    "joni",
    "judith",
    "judy",
    "julia",
    "julie",
    "kamala",
    "karen",
    "karine",
    "kate",
    "katherine",
    "kathleen",
    "kathy",
    "kay",
    "kayleigh",
    "kellyanne",
    "kirsten",
    "kristen",
    "kristi",
    "laura",
    "lauren",
    "linda",
    "lisa",
    "liz",
    "lucy",
    "madeleine",
    "maria",
    "marie",
    "marine",
    "marsha",
    "martha",
    "mary",
    "maxine",
    "megan",
    "melania",
    "melissa",
    "michelle",
    "monica",
    "nancy",
    "natalie",
    "nicola",
    "nikki",
    "nina",
    "olena",
    "pamela",
    "patricia",
    "paula",
    "rachel",
    "rebecca",
    "rosa",
    "ruth",
    "sabrina",
    "samantha",
    "sandra",
    "sarah",
    "sharon",
    "sheila",
    "stephanie",
    "susan",
    "suzanne",
    "tammy",
    "theresa",
    "tulsi",
    "ursula",
    "valerie",
    "victoria",
    "virginia",
    "wendy",
    "yulia",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_sorted_and_disjoint() {
        assert!(MALE.windows(2).all(|w| w[0] < w[1]));
        assert!(FEMALE.windows(2).all(|w| w[0] < w[1]));
        assert!(MALE.iter().all(|m| FEMALE.binary_search(m).is_err()));
    }

    #[test]
    fn genders_and_cues() {
        assert_eq!(first_name_gender("Karine"), Some(Gender::Female));
        assert_eq!(first_name_gender("John"), Some(Gender::Male));
        assert_eq!(first_name_gender("Zzyx"), None);
        assert!(is_cue("said") && is_participle("adding") && !is_participle("said"));
    }
}
