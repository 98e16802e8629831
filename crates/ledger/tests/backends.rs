//! One suite over both backends: each test runs on SQLite and, where a PostgreSQL server can be
//! had (see `claimtrail_ledger::postgres::testdb`), on PostgreSQL in a database of its own. The
//! equivalence tests store the same analyses in both and compare every query's rows.

#![cfg(feature = "postgres")]

use claimtrail_analysis::{analyze, DocAnalysis, DocMeta, Entity, Figure, Options, Quote};
use claimtrail_article::Article;
use claimtrail_ledger::postgres::testdb::TestDb;
use claimtrail_ledger::{
    collect, Appearance, Filter, PgStore, Result, RowSink, SqliteStore, Store, StoreError,
};
use serde::Serialize;
use std::path::Path;

/// A store under test, and the database it lives in (dropped after it).
struct Backend {
    name: &'static str,
    store: Box<dyn Store>,
    _db: Option<TestDb>,
}

/// SQLite in memory, and PostgreSQL when a server can be had.
fn backends() -> Vec<Backend> {
    let mut out = vec![Backend {
        name: "sqlite",
        store: Box::new(SqliteStore::in_memory().unwrap()),
        _db: None,
    }];
    if let Some(db) = TestDb::create() {
        out.push(Backend {
            name: "postgres",
            store: Box::new(PgStore::open(&db.url).unwrap()),
            _db: Some(db),
        });
    }
    out
}

fn doc(id: &str, published: &str, text: &str) -> Appearance {
    Appearance {
        origin: format!("/in/{id}.txt"),
        analysis: DocAnalysis {
            source: format!("{id}.txt"),
            id: id.into(),
            published: published.parse().ok(),
            text: text.into(),
            title: Some(format!("About {text}")),
            authors: vec!["Ann Author".into(), "Bo Writer".into()],
            warnings: vec!["a warning".into()],
            entities: vec![Entity {
                text: "Kirby".into(),
                kind: claimtrail_analysis::EntityKind::Person,
                start: 0,
                end: 5,
                canonical: "John Kirby".into(),
                role: Some("NSC spokesman".into()),
            }],
            quotes: vec![Quote {
                text: "We are watching".into(),
                kind: claimtrail_analysis::QuoteKind::Direct,
                speaker: Some("John Kirby".into()),
                ..Quote::default()
            }],
            figures: vec![Figure {
                text: "3,000 troops".into(),
                value: Some(3000.0),
                hedge: claimtrail_analysis::Hedge::Exact,
                counted: Some("troops".into()),
                ..Figure::default()
            }],
            ..DocAnalysis::default()
        },
    }
}

#[test]
fn storing_an_appearance_twice_changes_nothing() {
    for mut b in backends() {
        let s = &mut b.store;
        let a = doc("a", "2024-10-01", "Kirby spoke");
        assert_eq!(
            s.put_batch(std::slice::from_ref(&a)).unwrap(),
            1,
            "{}",
            b.name
        );
        assert_eq!(
            s.put_batch(&[a.clone(), a.clone()]).unwrap(),
            0,
            "{}",
            b.name
        );
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.quotes, c.figures, c.entities), (1, 1, 1, 1));
        assert!(s.contains("a", "/in/a.txt").unwrap());
        assert!(!s.contains("a", "/elsewhere/a.txt").unwrap());
    }
}

/// A long text of distinct words (a data table, a list of ids) is stored and searchable on
/// both backends. PostgreSQL refuses a full-text vector over 1 MiB ("string is too long for
/// tsvector"): the insert failed, and with it the batch, until the vector was bounded to the
/// prefix that fits (schema step 7).
#[test]
fn a_long_text_of_distinct_words_is_stored_and_found() {
    let words: Vec<String> = (0..300_000).map(|i| format!("w{i:06}x")).collect();
    let text = format!("Kirby spoke {}", words.join(" "));
    for mut b in backends() {
        let s = &mut b.store;
        let a = doc("long", "2024-10-01", &text);
        assert_eq!(s.put_batch(&[a]).unwrap(), 1, "{}", b.name);
        let found = |q: &str| {
            collect(|o| {
                s.documents(
                    &Filter {
                        text: Some(q.into()),
                        ..Filter::default()
                    },
                    o,
                )
            })
            .unwrap()
            .len()
        };
        assert_eq!(found("spoke"), 1, "{}", b.name);
        assert_eq!(found("w000001x"), 1, "{}", b.name);
        let c = s.counts().unwrap();
        assert_eq!(c.documents, 1, "{}", b.name);
    }
}

#[test]
fn a_document_comes_back_as_it_was_stored_by_id_prefix_or_source() {
    for mut b in backends() {
        let s = &mut b.store;
        let a = doc("abcdef123456", "2024-10-01", "Kirby spoke");
        s.put_batch(std::slice::from_ref(&a)).unwrap();
        assert_eq!(
            s.document("abcdef123456").unwrap(),
            Some(a.analysis.clone()),
            "{}",
            b.name
        );
        assert!(s.document("abcdef").unwrap().is_some(), "{}", b.name);
        assert!(
            s.document("abcdef123456.txt").unwrap().is_some(),
            "{}",
            b.name
        );
        assert!(s.document("abc").unwrap().is_none(), "{}", b.name);
        assert!(s.document("abcdefg").unwrap().is_none(), "{}", b.name);
        let all = collect(|o| s.appearances(o)).unwrap();
        assert_eq!(all, vec![a], "{}", b.name);
    }
}

#[test]
fn filters_restrict_rows_alike() {
    for mut b in backends() {
        let s = &mut b.store;
        s.put_batch(&[
            doc("a", "2024-10-01", "Kirby spoke about troops"),
            doc("b", "2024-11-01", "Nothing to see"),
        ])
        .unwrap();
        let n = |f: Filter| collect(|o| s.documents(&f, o)).unwrap().len();
        assert_eq!(
            n(Filter {
                since: "2024-10-15".parse().ok(),
                ..Filter::default()
            }),
            1
        );
        assert_eq!(
            n(Filter {
                text: Some("troops".into()),
                ..Filter::default()
            }),
            1
        );
        assert_eq!(
            n(Filter {
                text: Some("tro*".into()),
                ..Filter::default()
            }),
            1
        );
        assert_eq!(
            n(Filter {
                text: Some("\"about kirby\"".into()),
                ..Filter::default()
            }),
            1
        );
        assert_eq!(
            n(Filter {
                text: Some("troops OR nothing".into()),
                ..Filter::default()
            }),
            2
        );
        assert_eq!(
            n(Filter {
                text: Some("kirby NOT troops".into()),
                ..Filter::default()
            }),
            0
        );
        assert_eq!(
            n(Filter {
                entity: Some("KIRBY".into()),
                ..Filter::default()
            }),
            2,
            "{}",
            b.name
        );
        let speaker = |p: &str| Filter {
            speaker: Some(p.into()),
            ..Filter::default()
        };
        assert_eq!(
            collect(|o| s.quotes(&speaker("kirby"), o)).unwrap().len(),
            2
        );
        for pattern in ["%", "_", "\\", "Blinken"] {
            assert!(
                collect(|o| s.quotes(&speaker(pattern), o))
                    .unwrap()
                    .is_empty(),
                "{pattern}"
            );
        }
        let err = collect(|o| s.stories(&speaker("x"), o)).unwrap_err();
        assert!(matches!(
            err,
            StoreError::FilterNotApplicable {
                filter: "speaker",
                ..
            }
        ));
        for q in ["\"unclosed", "a AND", "NEAR(a b", "x:y"] {
            let f = Filter {
                text: Some(q.into()),
                ..Filter::default()
            };
            let err = collect(|o| s.documents(&f, o)).unwrap_err();
            assert!(
                matches!(err, StoreError::TextQuery { .. }),
                "{}: {q}: {err}",
                b.name
            );
        }
        let mut seen = 0;
        let err = s
            .quotes(&Filter::default(), &mut |_| {
                seen += 1;
                Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into())
            })
            .unwrap_err();
        assert_eq!(seen, 1);
        assert!(matches!(err, StoreError::Output(_)));
    }
}

/// Every query's rows as JSON lines (entities and speakers with their lists sorted: SQLite
/// gives aliases and roles of speakers in plan order).
pub fn snapshot(s: &dyn Store) -> Vec<(String, String)> {
    fn jsonl<T: Serialize>(q: impl FnOnce(RowSink<T>) -> Result<()>) -> String {
        collect(q)
            .unwrap()
            .iter()
            .map(|r| serde_json::to_string(r).unwrap() + "\n")
            .collect()
    }
    let all = Filter::default();
    let mut out = vec![
        ("documents".into(), jsonl(|o| s.documents(&all, o))),
        ("quotes".into(), jsonl(|o| s.quotes(&all, o))),
        ("figures".into(), jsonl(|o| s.figures(&all, o))),
        ("copies".into(), jsonl(|o| s.copies(&all, o))),
        ("stories".into(), jsonl(|o| s.stories(&all, o))),
        ("registry".into(), jsonl(|o| s.registry_quotes(&all, o))),
        ("measures".into(), jsonl(|o| s.measures(&all, o))),
        (
            "summary".into(),
            serde_json::to_string(&s.summary(5).unwrap()).unwrap(),
        ),
    ];
    let mut entities = collect(|o| s.entities(&all, o)).unwrap();
    entities.iter_mut().for_each(|e| e.aliases.sort());
    out.push(("entities".into(), serde_json::to_string(&entities).unwrap()));
    let mut speakers = collect(|o| s.speakers(&all, o)).unwrap();
    speakers.iter_mut().for_each(|e| e.roles.sort());
    out.push(("speakers".into(), serde_json::to_string(&speakers).unwrap()));
    for m in collect(|o| s.measures(&all, o)).unwrap().iter().take(20) {
        out.push((
            format!("timeline {}", m.measure),
            jsonl(|o| s.timeline(&m.measure, &all, o)),
        ));
    }
    // Each registry quote by its id, with its appearances (what `serve` shows of one quote).
    for q in collect(|o| s.registry_quotes(&all, o)).unwrap() {
        out.push((
            format!("registry quote {}", q.id),
            serde_json::to_string(&s.registry_quote(q.id).unwrap()).unwrap(),
        ));
        out.push((
            format!("appearances of {}", q.id),
            jsonl(|o| s.quote_appearances(q.id, o)),
        ));
    }
    out.push((
        "registry quote that is not there".into(),
        serde_json::to_string(&s.registry_quote(i64::MAX).unwrap()).unwrap(),
    ));
    let mut docs = Vec::new();
    for d in collect(|o| s.documents(&all, o)).unwrap() {
        docs.push(s.document(&d.id).unwrap());
    }
    out.push(("show".into(), format!("{docs:?}")));
    out
}

fn analysed(source: &str, text: &str, published: Option<&str>) -> DocAnalysis {
    let article = Article {
        text: text.to_string(),
        published: published.map(str::to_string),
        title: text.lines().next().map(str::to_string),
        ..Article::default()
    };
    let meta = DocMeta {
        source: source.to_string(),
        id: format!("{:016x}", claimtrail_ledger::links::stable_hash(&[text])),
    };
    analyze(meta, article, &Options::default())
}

/// The example pages, analysed, with the same page again from another origin (a wire copy) and
/// an undated one.
fn example_appearances() -> Vec<Appearance> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/pages");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(p).unwrap();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let published = (i % 3 != 2).then(|| format!("2024-10-{:02}", 10 + i));
        out.push(Appearance {
            origin: format!("https://a.example/{name}"),
            analysis: analysed(&name, &text, published.as_deref()),
        });
    }
    let mut copy = out[0].clone();
    copy.origin = "https://b.example/copy".into();
    copy.analysis.source = "feed.jsonl#1".into();
    copy.analysis.published = "2024-10-01".parse().ok();
    out.push(copy);
    out
}

#[test]
fn the_same_input_gives_the_same_ledger_on_both_backends() {
    let docs = example_appearances();
    let mut answers: Vec<(&str, Vec<(String, String)>)> = Vec::new();
    for mut b in backends() {
        // In two batches, as an ingest of two runs.
        let (first, second) = docs.split_at(3);
        b.store.put_batch(first).unwrap();
        b.store.put_batch(second).unwrap();
        assert!(b.store.counts().unwrap().copies >= 1, "{}", b.name);
        // The copy repeats its original's quotes: the registry has quotes seen twice, so the
        // per-quote reads of the snapshot compare real appearances.
        let registry = collect(|o| b.store.registry_quotes(&Filter::default(), o)).unwrap();
        assert!(registry.iter().any(|q| q.appearances >= 2), "{}", b.name);
        answers.push((b.name, snapshot(b.store.as_ref())));
    }
    let Some((_, pg)) = answers.get(1) else {
        return;
    };
    let (_, lite) = &answers[0];
    for ((name, a), (_, b)) in lite.iter().zip(pg) {
        assert_eq!(a, b, "{name} differs between SQLite and PostgreSQL");
    }
}

#[test]
fn a_ledger_copied_between_backends_answers_the_same() {
    let Some(db) = TestDb::create() else {
        return;
    };
    // The first release's ledger, migrated, is a ledger with real stories and copies.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v0.db");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledger-v0.db"),
        &file,
    )
    .unwrap();
    let lite = SqliteStore::open(&file).unwrap();
    let mut pg = PgStore::open(&db.url).unwrap();
    let mut batch = Vec::new();
    lite.appearances(&mut |a| {
        batch.push(a);
        Ok(())
    })
    .unwrap();
    pg.put_batch(&batch).unwrap();
    // And back into a new SQLite file.
    let mut back = SqliteStore::open(&dir.path().join("back.db")).unwrap();
    let mut again = Vec::new();
    pg.appearances(&mut |a| {
        again.push(a);
        Ok(())
    })
    .unwrap();
    assert_eq!(again, batch);
    back.put_batch(&again).unwrap();
    let (a, b, c) = (snapshot(&lite), snapshot(&pg), snapshot(&back));
    for (((name, x), (_, y)), (_, z)) in a.iter().zip(&b).zip(&c) {
        assert_eq!(x, y, "{name}: SQLite and its copy in PostgreSQL differ");
        assert_eq!(x, z, "{name}: SQLite and its round trip differ");
    }
}

#[test]
fn a_database_of_someone_else_is_refused_untouched() {
    let Some(db) = TestDb::create() else {
        return;
    };
    let mut c = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    c.batch_execute("CREATE TABLE documents (x int)").unwrap();
    let err = PgStore::open(&db.url).err().unwrap();
    assert!(matches!(err, StoreError::NotALedger { .. }), "{err}");
    let tables: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1);
    // An empty database is not a ledger to read, and a reader creates nothing.
    let Some(empty) = TestDb::create() else {
        return;
    };
    assert!(matches!(
        PgStore::open_read_only(&empty.url).err().unwrap(),
        StoreError::NotALedger { .. }
    ));
    // A ledger opened for reading refuses writes at the session level.
    PgStore::open(&empty.url).unwrap();
    let mut reader = PgStore::open_read_only(&empty.url).unwrap();
    assert!(reader.put_batch(&[doc("a", "2024-10-01", "x")]).is_err());
    assert_eq!(reader.counts().unwrap().documents, 0);
}

#[test]
fn two_writers_at_once_store_each_document_once() {
    let Some(db) = TestDb::create() else {
        return;
    };
    PgStore::open(&db.url).unwrap();
    let docs: Vec<Appearance> = (0..20)
        .map(|i| {
            doc(
                &format!("d{i}"),
                "2024-10-01",
                &format!("Kirby spoke of item{i}"),
            )
        })
        .collect();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            let docs = &docs;
            let url = &db.url;
            scope.spawn(move || {
                let mut s = PgStore::open(url).unwrap();
                for chunk in docs.chunks(3) {
                    s.put_batch(chunk).unwrap();
                }
            });
        }
    });
    let s = PgStore::open_read_only(&db.url).unwrap();
    assert_eq!(s.counts().unwrap().documents, 20);
}
