//! Training text on disk, for the `train-ner` and `cluster-words` binaries: the `.txt` files under
//! a path, and the documents a bench table names, which training must leave out.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Every `.txt` file under `p` (or `p` itself), in sorted order so that training is
/// deterministic. Unreadable directories count as empty.
pub fn text_files(p: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(p, &mut out);
    out
}

fn walk(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut es: Vec<_> = std::fs::read_dir(p)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        es.sort();
        for e in es {
            walk(&e, out);
        }
    } else if p.extension().is_some_and(|e| e == "txt") {
        out.push(p.to_path_buf());
    }
}

/// The document ids in the first column of the tables named by `skip=TSV` options (lines
/// starting with `#` are comments).
pub fn skipped_ids(opts: &[&str]) -> std::io::Result<HashSet<String>> {
    let mut skip = HashSet::new();
    for o in opts {
        if let Some(f) = o.strip_prefix("skip=") {
            let t = std::fs::read_to_string(f)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{f}: {e}")))?;
            skip.extend(
                t.lines()
                    .filter(|l| !l.starts_with('#'))
                    .filter_map(|l| l.split('\t').next())
                    .map(str::to_string),
            );
        }
    }
    Ok(skip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_are_found_sorted_and_tables_skip_their_first_column() {
        let dir = std::env::temp_dir().join(format!("ct-corpus-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b")).unwrap();
        for f in ["b/2.txt", "1.txt", "note.md"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        std::fs::write(dir.join("t.tsv"), "# page\tanchor\n0004\tx\n0027\ty\n").unwrap();
        let names: Vec<_> = text_files(&dir)
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["1.txt", "b/2.txt"]);
        let t = dir.join("t.tsv");
        let opt = format!("skip={}", t.display());
        let ids = skipped_ids(&["keep=0.5", &opt]).unwrap();
        assert_eq!(ids, HashSet::from(["0004".to_string(), "0027".to_string()]));
        assert!(skipped_ids(&["skip=/nonexistent/t.tsv"]).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
