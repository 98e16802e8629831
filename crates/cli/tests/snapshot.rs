//! The `analyze` output over the example pages, byte for byte against a committed snapshot
//! (`fixtures/analyze-examples.jsonl`, made by the release before the contract became typed). A
//! change of the JSON in any field, value or order fails here with the first line that differs.
//!
//! A deliberate change is blessed by writing the snapshot anew and reviewing its diff:
//! `UPDATE_SNAPSHOTS=1 cargo test -p claimtrail-cli --test snapshot`.

use std::path::Path;
use std::process::Command;

#[test]
fn analyze_over_the_examples_matches_the_snapshot_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analyze-examples.jsonl");
    // Run from the workspace root with a relative path: `source` holds the path as given.
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .current_dir(&root)
        .args(["analyze", "examples/pages"])
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&fixture, &out.stdout).expect("snapshot written");
        return;
    }
    let want = std::fs::read(&fixture).expect("snapshot fixture");
    if out.stdout != want {
        let got = String::from_utf8_lossy(&out.stdout);
        let want = String::from_utf8_lossy(&want);
        let (n, (g, w)) = got
            .lines()
            .zip(want.lines())
            .enumerate()
            .find(|(_, (g, w))| g != w)
            .map(|(n, gw)| (n + 1, gw))
            .unwrap_or((got.lines().count().min(want.lines().count()) + 1, ("", "")));
        let at = g
            .bytes()
            .zip(w.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(g.len().min(w.len()));
        let around = |s: &str| {
            let (mut from, mut to) = (at.saturating_sub(80), (at + 80).min(s.len()));
            while !s.is_char_boundary(from) {
                from -= 1;
            }
            while !s.is_char_boundary(to) {
                to += 1;
            }
            s[from..to].to_string()
        };
        panic!(
            "analyze output differs from the snapshot at line {n}, byte {at}:\n  got:  …{}…\n  want: …{}…\n\
             ({} lines against {}; bless a deliberate change with UPDATE_SNAPSHOTS=1)",
            around(g),
            around(w),
            got.lines().count(),
            want.lines().count()
        );
    }
}
