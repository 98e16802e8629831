//! Golden test of the text-dump extractor over fixtures copied from the shared dev data: five
//! hand-annotated news seeds and six WCXB dev dumps with their true article text
//! (`*.expected.txt`, CC-BY-4.0).

use std::collections::HashMap;
use std::path::PathBuf;

use claimtrail_article::dump::extract_dump;
use regex::Regex;

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dumps")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Lowercased text with typographic quotes folded and whitespace collapsed (as the scorer does,
/// minus NFKC).
fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'");
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Bag-of-words F1 between predicted and gold text.
fn bag_f1(pred: &str, gold: &str) -> f64 {
    let re = Regex::new(r"\w+").unwrap();
    let bag = |s: &str| {
        let mut m: HashMap<String, usize> = HashMap::new();
        for w in re.find_iter(&norm(s)) {
            *m.entry(w.as_str().to_string()).or_default() += 1;
        }
        m
    };
    let (p, g) = (bag(pred), bag(gold));
    let tp: usize = p
        .iter()
        .map(|(w, n)| (*n).min(*g.get(w).unwrap_or(&0)))
        .sum();
    let (np, ng): (usize, usize) = (p.values().sum(), g.values().sum());
    if tp == 0 {
        return 0.0;
    }
    let (pr, rc) = (tp as f64 / np as f64, tp as f64 / ng as f64);
    2.0 * pr * rc / (pr + rc)
}

#[test]
fn wcxb_dumps_reach_f1() {
    for id in ["0014", "0351", "0437", "0468", "4044", "4500"] {
        let art = extract_dump(&fixture(&format!("wcxb-{id}.txt")));
        let f1 = bag_f1(&art.text, &fixture(&format!("wcxb-{id}.expected.txt")));
        assert!(f1 >= 0.9, "{id}: body F1 {f1:.3}");
    }
}

struct Seed {
    file: &'static str,
    title: Option<&'static str>,
    published: &'static [&'static str], // accepted values; empty = must be null
    agencies: &'static [&'static str],
    authors: &'static [&'static str],
    syndicated: bool,
    dateline: Option<&'static str>,
    first: &'static str,
    last: &'static str,
    exclude: &'static [&'static str],
}

const SEEDS: &[Seed] = &[
    Seed {
        file: "seed-000_20dcaab2fdce8d62.txt",
        title: Some("Russia escalating 'at every turn' in Ukraine: White House"),
        published: &["2024-11-21", "2024-11-22"],
        agencies: &["AFP"],
        authors: &[],
        syndicated: false,
        dateline: Some("WASHINGTON"),
        first: "WASHINGTON: The White House said Thursday (Nov 21) that Russia was to blame",
        last: "turning to DPRK to supply them soldiers,\" she said.",
        exclude: &[
            "Skip to main content",
            "Best News Website or Mobile Service",
            "WAN-IFRA",
            "Hamburger Menu",
            "Advertisement",
            "Also worth reading",
            "Source: AFP/fs",
        ],
    },
    Seed {
        file: "seed-001_82f03e1fbec35475.txt",
        title: None,
        published: &[],
        agencies: &[],
        authors: &[],
        syndicated: true,
        dateline: None,
        first: "The US State Department on Monday lashed out at Russia",
        last: "we're going to continue to support them,\" he said.",
        exclude: &[
            "Only the headline and picture of this report may have been reworked",
            "free articles this month",
            "Subscribe now",
            "Smart Quarterly",
            "₹900",
            "Complimentary Access to The New York Times",
            "Ad-free Reading",
            "Seamless Access Across All Devices",
        ],
    },
    Seed {
        file: "seed-002_0c3089f2c773f405.txt",
        title: Some("Biden says Ukraine should strike back if North Korean troops cross into Ukraine"),
        published: &[],
        agencies: &[],
        authors: &[],
        syndicated: false,
        dateline: None,
        first: "US President Joe Biden endorsed potential Ukrainian military action",
        last: "Foreign Minister Cho Tae-yul at the State Department for the sixth US-ROK Foreign and Defense Ministers’ Meeting.",
        exclude: &[
            "Read also:",
            "You could close this page",
            "Become a Patron",
            "Visited 1 times",
            "About The Author",
            "Related:",
            "Original Source",
        ],
    },
    Seed {
        file: "seed-003_026a6bed20428990.txt",
        title: Some("U.S. Cautiously Monitors North Korean Troop Deployment Rumors in Ukraine"),
        published: &[],
        agencies: &["Yonhap"],
        authors: &["Daniel Kim"],
        syndicated: false,
        dateline: None,
        first: "The U.S. White House has not officially confirmed South Korea’s announcement",
        last: "underscores its increasing isolation.",
        exclude: &[
            "Quick access to main page",
            "Most Commented",
            "content@viewusglobal.com",
            "Comments0",
            "[LATEST] Latest Stories",
            "NCT Dream",
            "Cheonggyecheon",
            "Hot Topics",
        ],
    },
    Seed {
        file: "seed-004_0a20a275f10aef06.txt",
        title: None,
        published: &["2024-10-24"],
        agencies: &[],
        authors: &[],
        syndicated: false,
        dateline: None,
        first: "The White House has said that at least 3000 North Korean soldiers arrived in eastern Russia",
        last: "imposed sanctions against Russia.",
        exclude: &["date 2024-10-24"],
    },
];

#[test]
fn seeds_match_gold() {
    for s in SEEDS {
        let a = extract_dump(&fixture(s.file));
        let body = norm(&a.text);
        assert!(
            body.contains(&norm(s.first)),
            "{}: body lacks first line",
            s.file
        );
        assert!(
            body.contains(&norm(s.last)),
            "{}: body lacks last line",
            s.file
        );
        for x in s.exclude {
            assert!(!body.contains(&norm(x)), "{}: body keeps {x:?}", s.file);
        }
        if let Some(t) = s.title {
            assert_eq!(a.title.as_deref(), Some(t), "{}", s.file);
        }
        match a.published.as_deref() {
            None => assert!(s.published.is_empty(), "{}: no date", s.file),
            Some(p) => assert!(s.published.contains(&p), "{}: published {p}", s.file),
        }
        assert_eq!(a.agencies, s.agencies, "{}", s.file);
        assert_eq!(a.authors, s.authors, "{}", s.file);
        assert_eq!(a.syndicated, s.syndicated, "{}", s.file);
        assert_eq!(a.dateline.as_deref(), s.dateline, "{}", s.file);
    }
}
