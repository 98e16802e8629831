//! Full-text query handling: any `--text` string over a small ledger gives rows or a clean
//! error, never a panic or SQL outside the parameter.
#![no_main]

use claimtrail_analysis::DocAnalysis;
use claimtrail_ledger::{collect, Appearance, Filter, SqliteStore, Store};
use libfuzzer_sys::fuzz_target;
use std::sync::Mutex;

static STORE: Mutex<Option<SqliteStore>> = Mutex::new(None);

fn store() -> SqliteStore {
    let mut s = SqliteStore::in_memory().expect("an in-memory ledger");
    let doc = |id: &str, text: &str| Appearance {
        origin: format!("https://news.example/{id}"),
        analysis: DocAnalysis {
            id: id.into(),
            source: id.into(),
            title: Some("Budget vote".into()),
            text: text.into(),
            ..DocAnalysis::default()
        },
    };
    s.put_batch(&[
        doc(
            "a1",
            "The council approved the budget on Monday, the mayor said.",
        ),
        doc(
            "b2",
            "\"Prices will rise,\" the minister said. Flooding hit 40 homes.",
        ),
    ])
    .expect("stored");
    s
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let mut guard = STORE.lock().unwrap_or_else(|e| e.into_inner());
    let s = guard.get_or_insert_with(store);
    let f = Filter {
        text: Some(query.to_string()),
        limit: Some(5),
        ..Filter::default()
    };
    let _ = collect(|out| s.documents(&f, out));
    let _ = collect(|out| s.quotes(&f, out));
    let _ = collect(|out| s.figures(&f, out));
});
