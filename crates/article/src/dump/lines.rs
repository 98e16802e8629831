//! Line features and the choice of the article block.
//!
//! Each non-empty line gets a score: prose lines (long, many function words, ending like a
//! sentence) score their word count; menus, buttons and other chrome score negatively. The article
//! is the contiguous run with the largest total (maximum-subarray), which is linear in the input.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Function words: prose has many, menus and link lists have few.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "not", "no", "it", "its", "this", "that", "these", "those", "he", "she", "they",
    "we", "you", "i", "his", "her", "their", "our", "your", "my", "me", "him", "them", "us", "who",
    "which", "what", "when", "where", "why", "how", "will", "would", "can", "could", "should",
    "may", "might", "must", "shall", "than", "then", "so", "such", "there", "here", "also",
    "about", "after", "before", "over", "under", "into", "out", "up", "more", "most", "some",
    "any", "all", "other", "only", "just", "very", "new", "said", "says",
];

pub fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

/// The commonest function words of the other languages news pages are most often written in
/// (French, Spanish, Portuguese, Italian, German, Dutch, Czech, Polish): prose in them is as dense in function
/// words as English prose, and menus are not.
const OTHER_STOP: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "que", "qui", "dans", "pour",
    "par", "sur", "au", "aux", "il", "elle", "ne", "pas", "se", "ce", "son", "sa", "ses", "avec",
    "plus", "ont", "été", "el", "los", "las", "del", "y", "en", "es", "por", "con", "para", "una",
    "al", "lo", "su", "sus", "como", "más", "pero", "fue", "ha", "o", "os", "da", "do", "em",
    "não", "com", "uma", "di", "che", "è", "non", "per", "della", "sono", "der", "die", "das",
    "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "zu", "von", "auf", "für", "sich",
    "auch", "im", "wird", "wurde", "het", "een", "van", "niet", "op", "voor", "zijn",
    // Czech and Polish; not their one-letter prepositions, which are units and initials in
    // English ("32 V", "it's" split at the apostrophe).
    "se", "na", "je", "že", "ve", "za", "pro", "ale", "jsou", "byl", "byla", "bylo", "po", "od",
    "už", "jak", "tak", "také", "jen", "při", "který", "která", "které", "jeho", "její", "ze",
    "podle", "mezi", "než", "nebo", "aby", "się", "nie", "jest", "przez", "dla", "są", "był",
    "była", "oraz", "czy", "tym", "który", "która", "które", "jego", "jej", "także", "już",
    "tylko",
];

pub static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").unwrap());

/// Sentence-like line ending.
pub static TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[.!?…"”’'):;。！？」』）]$"#).unwrap());

/// Short chrome lines: navigation, sharing, subscription and paywall offers, comment widgets.
pub static BOIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(cookie|subscribe|sign up|sign in|log ?in|newsletter|all rights reserved|copyright|©|share (this|on|via)|^share$|follow us|advertisement|^advert|read more|read less|read also|related|privacy|terms of (use|service)|click here|comment|repl(y|ies)\b|skip to|you may also like|recommended|trending|most (read|popular|commented|viewed)|latest (news|stories|posts)|visited \d+ times|become a patron|donate|sponsored|^tags?:|^categor(y|ies):|^filed under|^posted in|^source:|^image:|^photo:|^credit:|^next (post|article)|^previous (post|article)|^prev\b|back to top|^menu$|^search$|^home$|^close$|whatsapp|facebook|twitter|linkedin|pinterest|telegram|instagram|youtube|^email$|^print$|loading|you might also|more from|^about (the )?author|about us|contact us|free articles?|unlimited access|already (a )?subscribe|paywall|premium (stories|content|articles))",
    )
    .unwrap()
});

/// Long chrome paragraphs: consent, legal, affiliate and sign-up notices, and the appeals for
/// readers' money that close many news pages.
pub static LONGBOIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(cookies?\b.*(consent|browser|website|experience)|(consent|browser|website).*cookies?\b|all rights reserved|affiliate (link|commission)|earn (a|an affiliate) commission|this (site|website) uses|by (clicking|continuing|subscribing)|privacy policy|terms of (use|service)|unsubscribe|your inbox|sign up for|subscribe (to|now|for)|readers like you|join our community|become a (patron|supporter|member (today|now))|ways to support (us|our)|support (our|independent) journalism)",
    )
    .unwrap()
});

/// A site's cookie notice, opening with its own words ("We use cookies and similar technologies
/// …", "This website uses cookies to improve your experience …"): chrome at any length, where
/// [`LONGBOIL`] reads paragraphs of up to `LONGBOIL_WORDS` only. An article about cookies names
/// who uses them.
static COOKIE_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:we(?: and our (?:partners|vendors))? use cookies|this (?:web)?site uses cookies)\b")
        .unwrap()
});

/// Longest paragraph read by [`LONGBOIL`].
const LONGBOIL_WORDS: usize = 80;
/// Longest paragraph read as a [`COOKIE_NOTICE`].
const COOKIE_NOTICE_WORDS: usize = 250;

/// A short line that opens the trailing chrome (comments, related lists, author boxes).
pub static ENDMARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^((\d+\s+)?(comments|responses|replies)|\d+\s+(comment|response|reply)|leave a (reply|comment)|.*\bcancel reply|post a comment|add a comment|join the (conversation|discussion)|related( (posts?|articles?|stories|news|content|reading))?|you may also like|you might also like|more (from|stories|news|articles)|read (also|next|more)|recommended( for you)?|popular( posts)?|latest( (news|stories|posts|articles))?|most (read|popular|viewed|commented)|about the author|about (the )?authors?|share this( (article|post|story))?|tags?|also worth reading|further reading|see also|trending( now)?|what to read next|up next|newsletter|sign up.*|subscribe.*)\s*:?$",
    )
    .unwrap()
});

/// A teaser's blurb: a sentence, or one cut short, then a link on to the story ("… for OS X
/// 10.10. Mehr…", "… the actual pace ... Read more", "… a few last-minute ... [more]"). An
/// article's own paragraph never ends by sending the reader on to itself.
pub static TEASER_KICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:[.!?…]|\.\.\.)\s*[\[(]?(?:read more|more|mehr|weiterlesen|lire la suite|la suite|leer más|leia mais|leggi tutto|lees meer|czytaj (?:dalej|więcej)|číst dál|více|learn more|read now|continue reading|keep reading|full story)[\])]?\s*(?:…|\.\.\.|»|›|→|>>?)?$",
    )
    .unwrap()
});

/// A commenter's name line over a reader's comment ("Sheri says", "Karl Fleischmann says:"):
/// one to five words, the first capitalised or a handle, then "says".
static COMMENTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Lu}\w][\w.'’@&|-]*(?:\s+[\w.'’@&|\x22-]+){0,4}\s+says:?$").unwrap()
});

/// Commenters' name lines that make a comment thread.
const THREAD_COMMENTERS: usize = 3;

/// A comment's reply button as a line of its own ("Reply", "ReplyDelete", "Reply ↓", "Antworten",
/// "Répondre"): under every reader's comment, never in an article's prose.
static REPLY_BUTTON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:reply(?:delete)?(?: to (?:this )?comment)?|antworten|répondre|responder|rispondi|odpovědět|odpowiedz|beantwoorden)\s*[↓»›]?$")
        .unwrap()
});

/// Reply buttons that make a comment thread.
const THREAD_REPLIES: usize = 3;
/// Most lines between one reply button and the next in a thread: a commenter's name, the
/// time stamp and the comment, a few answers nested under it.
const REPLY_GAP: usize = 40;
/// Most lines of the first comment's own text, read back from its reply button.
const COMMENT_LINES: usize = 6;
/// Most short lines (the commenter's name, the date, the time) over the first comment.
const COMMENT_HEAD_LINES: usize = 3;
/// Longest line of a comment's head (a name, a date, a time).
const COMMENT_HEAD_WORDS: usize = 6;

/// The first line of a comment thread: the first of `THREAD_COMMENTERS` or more commenter lines
/// naming at least two people. Everything from there on is readers' comments.
fn thread_start(lines: &[&str]) -> Option<usize> {
    let found: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.len() <= 60 && COMMENTER.is_match(l))
        .map(|(i, _)| i)
        .collect();
    let names: std::collections::HashSet<&str> = found.iter().map(|&i| lines[i]).collect();
    (found.len() >= THREAD_COMMENTERS && names.len() >= 2).then(|| found[0])
}

/// The first line of a comment thread known by its reply buttons: `THREAD_REPLIES` or more
/// "Reply" lines, each within `REPLY_GAP` lines of the next. The thread opens with the first
/// comment: its text just above the first button, and the short lines over that text (the
/// commenter's name, the date). When no short line closes the comment's text within
/// `COMMENT_LINES`, the comment cannot be told from the article, and the thread opens at the
/// button.
fn reply_thread_start(lines: &[&str], words: &[usize]) -> Option<usize> {
    let buttons: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.len() <= 30 && REPLY_BUTTON.is_match(l))
        .map(|(i, _)| i)
        .collect();
    // The first run of buttons close enough to one another to be one thread.
    let mut first = None;
    let mut run = 0usize;
    for (k, &b) in buttons.iter().enumerate() {
        if k == 0 || b - buttons[k - 1] > REPLY_GAP {
            first = Some(b);
            run = 1;
        } else {
            run += 1;
        }
        if run >= THREAD_REPLIES {
            break;
        }
    }
    let button = first.filter(|_| run >= THREAD_REPLIES)?;
    // Back over the first comment's text, then over its head.
    let mut k = button;
    let mut text = 0;
    while k > 0 && words[k - 1] > COMMENT_HEAD_WORDS && text < COMMENT_LINES {
        k -= 1;
        text += 1;
    }
    let mut head = 0;
    while k > 0 && words[k - 1] <= COMMENT_HEAD_WORDS && head < COMMENT_HEAD_LINES {
        k -= 1;
        head += 1;
    }
    Some(if head > 0 { k } else { button })
}

/// Han, kana: scripts written without spaces, where `\w+` matches a whole clause.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The commonest particles and function characters of Chinese and Japanese prose ("的", "了",
/// "是"; "の", "は", "を"), and the clause punctuation that prose has and menus and headline
/// lists mostly lack: as frequent in a CJK sentence as function words in an English one.
fn is_cjk_function(c: char) -> bool {
    matches!(
        c,
        '的' | '了'
            | '是'
            | '在'
            | '和'
            | '也'
            | '有'
            | '不'
            | '这'
            | '這'
            | '我'
            | '他'
            | '们'
            | '們'
            | '就'
            | '都'
            | '而'
            | '与'
            | '與'
            | 'の'
            | 'は'
            | 'が'
            | 'を'
            | 'に'
            | 'で'
            | 'と'
            | 'た'
            | 'し'
            | '，'
            | '。'
            | '、'
            | '；'
    )
}

/// Word count and share of function words. A run of CJK characters counts one word per two
/// characters (about a word's length there) and its particles and clause punctuation as
/// function words, so CJK prose scores as prose.
pub fn features(line: &str) -> (usize, f64) {
    let mut n = 0usize;
    let mut stop = 0usize;
    let mut cjk = 0usize;
    for m in WORD.find_iter(line) {
        let w = m.as_str();
        let k = w.chars().filter(|&c| is_cjk(c)).count();
        if k > 0 {
            cjk += k;
            // Latin words and numbers inside the run ("2014年", "DeepMind表示") count as words.
            n += w.split(is_cjk).filter(|p| !p.is_empty()).count();
            continue;
        }
        n += 1;
        let w = w.to_lowercase();
        if is_stop(&w) || OTHER_STOP.contains(&w.as_str()) {
            stop += 1;
        }
    }
    if cjk > 0 {
        n += cjk.div_ceil(2);
        stop += line.chars().filter(|&c| is_cjk_function(c)).count();
    }
    let ratio = if n == 0 {
        0.0
    } else {
        (stop as f64 / n as f64).min(1.0)
    };
    (n, ratio)
}

/// How much a line looks like article prose, before page-level signals.
fn content_score(line: &str, nw: usize, sr: f64) -> f64 {
    let term = TERM.is_match(line);
    if nw >= 8 && sr >= 0.12 && term {
        return nw as f64;
    }
    if nw >= 15 && sr >= 0.12 {
        // unpunctuated long lines are often link strips glued together
        return nw as f64 * if sr >= 0.25 { 1.0 } else { 0.5 };
    }
    if nw >= 5 && sr >= 0.15 && term {
        return nw as f64 * 0.5;
    }
    if nw >= 10 && term && sentence_shaped(line) {
        // Prose in a language whose function words are not listed (Latin, Turkish, Russian):
        // long, punctuated inside and at the end like a sentence.
        return nw as f64 * 0.75;
    }
    if !term && nw >= 5 {
        // A headline-shaped line: the longer, the surer it is a teaser's or a menu's, and a run
        // of them (a related list) outweighs the blurb that may follow it.
        return -(nw as f64 * HEADLINE_COST).max(2.0);
    }
    if nw <= 12 {
        -2.0
    } else {
        -1.0
    }
}

/// Chrome weight per word of a headline-shaped line (a sentence's length, no sentence end).
const HEADLINE_COST: f64 = 0.4;

/// Clause punctuation inside the line (a comma, a semicolon, a sentence break) and words of a
/// word's length, no code punctuation: what a sentence has in any alphabetic language, and a
/// strip of links, a code line or a run of numbers has not.
fn sentence_shaped(line: &str) -> bool {
    let inner = line.trim_end_matches(|c: char| !c.is_alphanumeric());
    let clause = inner.contains([',', ';', '،', '，'])
        || inner
            .match_indices(". ")
            .any(|(i, _)| inner[i + 2..].starts_with(|c: char| c.is_uppercase()));
    let (mut letters, mut words) = (0usize, 0usize);
    for w in WORD.find_iter(line) {
        let w = w.as_str();
        if w.chars().all(char::is_alphabetic) {
            words += 1;
            letters += w.chars().count();
        }
    }
    let total = WORD.find_iter(line).count();
    let code = line.contains(['{', '}', '=', '<', '>']) || line.matches('(').count() > 2;
    clause && !code && words * 10 >= total * 8 && (3..=10).contains(&(letters / words.max(1)))
}

/// A long line whose items were rendered without spaces between them ("SocietyDigital
/// educationDigital history"): a menu, a select list or a tag cloud flattened, never prose,
/// where a capital inside a word (iPhone, JavaScript) is rare.
fn run_together(line: &str, nw: usize) -> bool {
    if nw < RUN_TOGETHER_WORDS {
        return false;
    }
    let joins = line
        .as_bytes()
        .windows(2)
        .filter(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        .count();
    joins * RUN_TOGETHER_SHARE >= nw
}

/// Words a line needs before its run-together items are counted: short lines of product and
/// platform names (macOS, iOS, LinkedIn) are text.
const RUN_TOGETHER_WORDS: usize = 25;
/// One run-together join in this many words or more marks a flattened list.
const RUN_TOGETHER_SHARE: usize = 5;

/// Weight of a repeated line's score: enough to stay text inside the block, too little to
/// carry the block over the chrome after the article.
const REPEAT_WEIGHT: f64 = 0.25;

/// The page's lines with their scores; `drop` marks lines kept out of the text even inside the
/// block (repeats, chrome).
pub struct Scored<'a> {
    pub lines: Vec<&'a str>,
    pub scores: Vec<f64>,
    pub words: Vec<usize>,
    pub drop: Vec<bool>,
    pub count: HashMap<&'a str, usize>,
}

pub fn score_lines<'a>(lines: Vec<&'a str>) -> Scored<'a> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for l in &lines {
        *count.entry(l).or_default() += 1;
    }
    let features: Vec<(usize, f64)> = lines.iter().map(|l| features(l)).collect();
    let nw_of: HashMap<&str, usize> = lines
        .iter()
        .zip(&features)
        .map(|(l, f)| (*l, f.0))
        .collect();
    // A stretch of the page rendered twice keeps its first copy; a paragraph the article itself
    // repeats (a step, a refrain) stays.
    let again = crate::repeats::second_rendering(&lines, |l| nw_of.get(l).copied().unwrap_or(0));
    let mut scores = Vec::with_capacity(lines.len());
    let mut words = Vec::with_capacity(lines.len());
    let mut drop = vec![false; lines.len()];
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, &l) in lines.iter().enumerate() {
        let (nw, sr) = features[i];
        words.push(nw);
        let mut s = content_score(l, nw, sr);
        if count[l] > 1 && nw >= 8 && again[i] {
            s = 0.0;
            drop[i] = true;
        } else if count[l] > 1 && nw >= 8 && seen.contains(l) {
            // A repeat adds a quarter of its weight to its block: a bio or a teaser printed
            // again below the article would draw the block past its end. Inside it, it is text.
            s *= REPEAT_WEIGHT;
        } else if count[l] > 1 && nw < 8 {
            // Repeated short lines are menus and widgets.
            s = s.min(-3.0);
            drop[i] = true;
        }
        seen.insert(l);
        if run_together(l, nw) {
            s = s.min(-(nw as f64) * HEADLINE_COST);
            drop[i] = true;
        }
        if TEASER_KICKER.is_match(l) {
            s = s.min(-(nw as f64 * HEADLINE_COST).max(2.0));
            drop[i] = true;
        }
        if nw < 12 && BOIL.is_match(l) {
            s = s.min(-6.0);
            drop[i] = true;
        } else if ((12..LONGBOIL_WORDS).contains(&nw) && LONGBOIL.is_match(l))
            || (nw <= COOKIE_NOTICE_WORDS && COOKIE_NOTICE.is_match(l))
        {
            s = s.min(-(nw as f64) * 0.5);
            drop[i] = true;
        }
        scores.push(s);
    }
    // A comment thread is chrome however much prose its comments hold.
    let start = match (thread_start(&lines), reply_thread_start(&lines, &words)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if let Some(start) = start {
        for i in start..lines.len() {
            scores[i] = scores[i].min(-1.0);
            drop[i] = true;
        }
    }
    Scored {
        lines,
        scores,
        words,
        drop,
        count,
    }
}

/// Maximum-sum contiguous run (inclusive bounds); `None` for no lines.
pub fn best_block(scores: &[f64]) -> Option<(usize, usize)> {
    let mut best = f64::NEG_INFINITY;
    let (mut bs, mut be) = (0, 0);
    let (mut cur, mut cs) = (0.0f64, 0usize);
    for (i, &s) in scores.iter().enumerate() {
        if cur <= 0.0 {
            cur = s;
            cs = i;
        } else {
            cur += s;
        }
        if cur > best {
            best = cur;
            bs = cs;
            be = i;
        }
    }
    (!scores.is_empty()).then_some((bs, be))
}

/// Island text smaller than this, cut off from the block by chrome, is a teaser or a blurb.
const ISLAND: f64 = 25.0;
/// Most prose shed at one edge island by island, as a share of the prose left: beyond it the
/// islands are the article's own short sections (a feature list, an FAQ), not a teaser or two.
const SHED: f64 = 0.15;

/// Sheds small islands of prose at either edge that chrome separates from the main run.
pub fn trim_edges(scores: &[f64], mut bs: usize, mut be: usize) -> (usize, usize) {
    let total: f64 = scores[bs..=be].iter().map(|s| s.max(0.0)).sum();
    let mut shed = 0.0;
    for _ in 0..50 {
        let mut k = bs;
        let mut pre = 0.0;
        while k <= be && scores[k] > 0.0 {
            pre += scores[k];
            k += 1;
        }
        let mut g = k;
        while g <= be && scores[g] <= 0.0 {
            g += 1;
        }
        if g <= be && g - k >= 2 && pre < ISLAND && shed + pre < SHED * (total - shed - pre) {
            shed += pre;
            bs = g;
        } else {
            break;
        }
    }
    let total: f64 = scores[bs..=be].iter().map(|s| s.max(0.0)).sum();
    let mut shed = 0.0;
    for _ in 0..50 {
        // signed indices: the scan may step one before bs
        let mut k = be as isize;
        let mut pre = 0.0;
        while k >= bs as isize && scores[k as usize] > 0.0 {
            pre += scores[k as usize];
            k -= 1;
        }
        let mut g = k;
        while g >= bs as isize && scores[g as usize] <= 0.0 {
            g -= 1;
        }
        if g >= bs as isize
            && k - g >= 2
            && pre < ISLAND
            && shed + pre < SHED * (total - shed - pre)
        {
            shed += pre;
            be = g as usize;
        } else {
            break;
        }
    }
    (bs, be)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_outscores_menu() {
        let (nw, sr) =
            features("The minister said on Monday that the talks would resume next week.");
        assert!(
            content_score(
                "The minister said on Monday that the talks would resume next week.",
                nw,
                sr
            ) > 5.0
        );
        let (nw, sr) = features("Home");
        assert!(content_score("Home", nw, sr) < 0.0);
    }

    #[test]
    fn sentence_shape_without_function_words() {
        assert!(sentence_shaped(
            "Wali kota mengatakan kepada wartawan bahwa anggaran tambahan sudah disetujui oleh dewan, sehingga pekerja dapat bekerja."
        ));
        // Link strips, code and figures have no clause punctuation or no words of a word's length.
        assert!(!sentence_shaped(
            "Home News Sport Business Culture Travel Weather Video Audio Live."
        ));
        assert!(!sentence_shaped(
            "console.log(x, y); fetch(url).then(r => r.json()).catch(e => 1);"
        ));
        assert!(!sentence_shaped(
            "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 and 15."
        ));
    }

    #[test]
    fn an_appeal_for_support_is_chrome() {
        for appeal in [
            "Our newsroom stays free to read because of the support of readers like you, who fund the reporting that we publish every day.",
            "If you value this reporting, become a member today and help our small team of journalists keep covering the city council.",
        ] {
            let scored = score_lines(vec![appeal]);
            assert!(scored.drop[0] && scored.scores[0] < 0.0, "{appeal}");
        }
        // Membership and support in the news are not appeals.
        for prose in [
            "The council said the new members would join the committee in May, after the vote on the budget.",
            "Ukraine has asked to become a member of the European Union, and the ministers will discuss its request in June.",
            "The minister listed ways to support the harbour's fishermen through the winter, including cheaper fuel.",
        ] {
            assert!(!score_lines(vec![prose]).drop[0], "{prose}");
        }
    }

    #[test]
    fn a_flattened_select_list_is_chrome() {
        let menu = "- Any -Culture & SocietyDigital educationDigital historyEnergyEnvironmentHealth - \
            Personalised medicineHistory of the harbourIndustry of the futureMaritime tradeMobilityPublic \
            transportRiver transportSports and leisureTourismUrban planningWater managementWeather and climate\
            Centre at the University of the NorthCentre at the University of the SouthCentre at the Port of the East";
        assert!(run_together(menu, features(menu).0));
        let prose = "While JavaScript added many contributors on GitHub this year, its growth has slowed, \
            and TypeScript, which compiles to JavaScript, now leads in new repositories on the platform \
            according to the report published on Tuesday.";
        assert!(!run_together(prose, features(prose).0));
        let scored = score_lines(vec![menu, prose]);
        assert!(scored.scores[0] < 0.0 && scored.drop[0]);
        assert!(scored.scores[1] > 0.0 && !scored.drop[1]);
    }

    #[test]
    fn a_thread_known_by_its_reply_buttons_is_chrome() {
        let body = "The council voted on Tuesday to approve the new budget for the city, which includes schools.";
        let last = "The budget takes effect in July, and the first schools will open their doors in the autumn.";
        let comment = "I tried this recipe in my own garden last summer and it kept the beetles away for weeks.";
        let page = vec![
            body,
            last,
            "Leave a comment",
            "Anonymous",
            "April 5, 2018",
            comment,
            comment,
            "Reply",
            "Lars",
            "April 6, 2018",
            comment,
            "reply",
            "Jo Roe",
            comment,
            "Reply",
        ];
        let scored = score_lines(page);
        assert!(!scored.drop[0] && !scored.drop[1]);
        // From the first comment's head on: its name, its date, its text.
        assert!(scored.drop[2..].iter().all(|d| *d) && scored.scores[5] < 0.0);
        // Two buttons, or buttons far apart, make no thread.
        let page = vec![body, "Reply", comment, "Reply", comment];
        assert!(!score_lines(page).drop[2]);
        let mut page = vec![body, "Reply", comment, "Reply"];
        page.extend(std::iter::repeat_n(body, 45));
        page.extend([comment, "Reply"]);
        assert!(!score_lines(page).drop[2]);
        // A comment whose text runs on with no head above it: the thread opens at its button.
        let mut page = vec![body; 8];
        page.extend(["Reply", "Lars", comment, "Reply", "Ann", comment, "Reply"]);
        let scored = score_lines(page);
        assert!(!scored.drop[7] && scored.drop[8]);
    }

    #[test]
    fn a_cookie_notice_is_chrome_at_any_length() {
        let notice = format!(
            "We use cookies and similar technologies to improve your browsing experience. {}",
            "We may share your information with our partners for these purposes. ".repeat(9)
        );
        let scored = score_lines(vec![&notice]);
        assert!(scored.drop[0] && scored.scores[0] < 0.0);
        let prose = format!(
            "Most news sites use cookies that track their readers, the study found. {}",
            "The researchers counted the trackers on each of the pages they visited. ".repeat(9)
        );
        assert!(!score_lines(vec![&prose]).drop[0]);
    }

    #[test]
    fn a_teasers_blurb_with_its_link_on_is_chrome() {
        for blurb in [
            "A systematic review of existing studies lists the many ways in which pets help. Read now",
            "Apple has shipped a bundle of security fixes with Wednesday's updates, for older systems too. Mehr…",
            "Here is how the fund approaches the questions of trade, tariffs and the ... Read more",
            "If you are spending the holidays on the couch in sweatpants, here are a few last-minute ... [more]",
        ] {
            let scored = score_lines(vec![blurb]);
            assert!(scored.drop[0] && scored.scores[0] < 0.0, "{blurb}");
        }
        for prose in [
            "The council will publish more details in the spring, the mayor said, and residents want more.",
            "Prices rose for cars, fuel, food and more.",
        ] {
            assert!(!score_lines(vec![prose]).drop[0], "{prose}");
        }
    }

    #[test]
    fn a_comment_thread_is_chrome() {
        let body = "The council voted on Tuesday to approve the new budget for the city, which includes schools.";
        let comment = "I tried this recipe in my own garden last summer and it kept the beetles away for weeks.";
        let page = vec![
            body,
            body,
            "12 thoughts",
            "Sheri says",
            comment,
            "Jill says",
            comment,
            "Mark Roe says:",
            comment,
        ];
        let scored = score_lines(page);
        assert!(!scored.drop[1]);
        assert!(scored.drop[3..].iter().all(|d| *d) && scored.scores[4] < 0.0);
        // Two name lines, or one person quoted three times, are no thread.
        let page = vec![
            body,
            "Jill says",
            comment,
            "Jill says",
            comment,
            "Jill says",
            comment,
        ];
        assert!(!score_lines(page).drop[2]);
    }

    #[test]
    fn best_block_picks_densest_run() {
        let s = [-2.0, -2.0, 10.0, -2.0, 12.0, -2.0, -2.0, -2.0, 3.0];
        assert_eq!(best_block(&s), Some((2, 4)));
        assert_eq!(best_block(&[]), None);
    }

    #[test]
    fn trims_small_island_at_start() {
        let s = [5.0, -2.0, -2.0, -2.0, 30.0, 40.0];
        assert_eq!(trim_edges(&s, 0, 5), (4, 5));
        let s = [30.0, 40.0, -2.0, -2.0, 5.0];
        assert_eq!(trim_edges(&s, 0, 4), (0, 1));
    }
}
