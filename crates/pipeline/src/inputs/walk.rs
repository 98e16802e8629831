//! PATH arguments to sources, found while they are read: a directory's entries are listed (in
//! name order, so output does not depend on the file system) when the walk reaches it, and each
//! file is handed over before the next directory is opened. A directory is entered once, known
//! by device and inode, so links back to an ancestor (a loop) or to a directory already walked
//! cost nothing and are reported; the ledger being written and its side files are passed over.

use super::{Notice, Source};
use claimtrail_page::DocError;
use std::collections::{HashMap, HashSet, VecDeque};
use std::ffi::OsString;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

/// Deepest directory nesting followed.
const MAX_DIR_DEPTH: usize = 64;

/// What the walk found next.
#[derive(Debug)]
pub enum Found {
    Source(Source),
    Notice(Notice),
    Error(DocError),
}

/// A directory's identity: device and inode where the platform has them, else its canonical
/// path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum DirKey {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

fn dir_key(meta: &Metadata, path: &Path) -> DirKey {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        DirKey::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        DirKey::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// A directory being walked: its entries not yet visited, last first.
struct Level {
    key: DirKey,
    pending: Vec<PathBuf>,
}

pub struct Walk {
    args: VecDeque<String>,
    /// Open directories, deepest last.
    stack: Vec<Level>,
    /// Every directory entered, with the path it was first entered by.
    seen: HashMap<DirKey, PathBuf>,
    skip: SkipFiles,
}

impl Walk {
    pub fn new(paths: &[String], skip_files: &[PathBuf]) -> Self {
        Walk {
            args: paths.iter().cloned().collect(),
            stack: Vec::new(),
            seen: HashMap::new(),
            skip: SkipFiles::new(skip_files),
        }
    }

    /// Enters a directory unless it was entered before; `None` when entered (its entries come
    /// next) or empty.
    fn enter(&mut self, dir: PathBuf, meta: &Metadata) -> Option<Found> {
        let key = dir_key(meta, &dir);
        if let Some(first) = self.seen.get(&key) {
            let reason = if self.stack.iter().any(|l| l.key == key) {
                format!("a loop back to {}; not walked again", first.display())
            } else {
                format!("the directory {} again; not walked twice", first.display())
            };
            return Some(Found::Notice(Notice {
                path: dir.display().to_string(),
                reason,
            }));
        }
        if self.stack.len() >= MAX_DIR_DEPTH {
            return Some(Found::Error(DocError::new(
                dir.display().to_string(),
                format!("directory nested deeper than {MAX_DIR_DEPTH} levels; not walked"),
            )));
        }
        let mut pending: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                return Some(Found::Error(DocError::new(
                    dir.display().to_string(),
                    format!("cannot read directory: {e}"),
                )))
            }
        };
        pending.sort_unstable_by(|a, b| b.cmp(a));
        self.seen.insert(key.clone(), dir);
        self.stack.push(Level { key, pending });
        None
    }

    /// A path met inside a directory.
    fn visit(&mut self, path: PathBuf) -> Option<Found> {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            return None;
        }
        // Follows links: a link to a directory is walked (once), a link to a file read.
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            // A dangling link or an entry gone since the listing: nothing to read.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                return Some(Found::Error(DocError::new(
                    path.display().to_string(),
                    format!("cannot open: {e}"),
                )))
            }
        };
        if meta.is_dir() {
            self.enter(path, &meta)
        } else if meta.is_file() {
            Some(self.file(path))
        } else {
            // Sockets, FIFOs and devices found in a tree are not documents.
            None
        }
    }

    fn file(&self, path: PathBuf) -> Found {
        if self.skip.matches(&path) {
            return Found::Notice(Notice {
                path: path.display().to_string(),
                reason: "the ledger being written (or one of its side files); not read".into(),
            });
        }
        Found::Source(Source::File(path))
    }
}

impl Iterator for Walk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if let Some(level) = self.stack.last_mut() {
                match level.pending.pop() {
                    Some(path) => {
                        if let Some(found) = self.visit(path) {
                            return Some(found);
                        }
                    }
                    None => {
                        self.stack.pop();
                    }
                }
                continue;
            }
            let arg = self.args.pop_front()?;
            if arg == "-" {
                return Some(Found::Source(Source::Stdin));
            }
            let path = PathBuf::from(&arg);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    if let Some(found) = self.enter(path, &m) {
                        return Some(found);
                    }
                }
                Ok(_) => return Some(self.file(path)),
                Err(e) => {
                    return Some(Found::Error(DocError::new(
                        arg,
                        format!("cannot open: {e}"),
                    )))
                }
            }
        }
    }
}

/// The files of a SQLite ledger at `db`: the database and the side files SQLite keeps beside it
/// while it is open (write-ahead log, shared memory, rollback journal).
pub fn ledger_files(db: &Path) -> Vec<PathBuf> {
    let mut out = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        out.push(PathBuf::from(name));
    }
    out
}

/// Files to pass over, by name first (cheap) and then by canonical location, so that a file
/// created after the walk began (a ledger's `-wal`) is still recognised.
struct SkipFiles {
    names: HashSet<OsString>,
    paths: HashSet<PathBuf>,
}

impl SkipFiles {
    fn new(files: &[PathBuf]) -> Self {
        let mut names = HashSet::new();
        let mut paths = HashSet::new();
        for f in files {
            if let Some(name) = f.file_name() {
                names.insert(name.to_owned());
                if let Some(p) = canonical_location(f) {
                    paths.insert(p);
                }
            }
        }
        SkipFiles { names, paths }
    }

    fn matches(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| self.names.contains(n))
            && canonical_location(path).is_some_and(|p| self.paths.contains(&p))
    }
}

/// The canonical directory of `path` joined with its file name: defined whether or not the file
/// itself exists.
fn canonical_location(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(walk: Walk) -> Vec<String> {
        walk.map(|f| match f {
            Found::Source(s) => s.name(),
            Found::Notice(n) => format!("NOTE {}: {}", n.path, n.reason),
            Found::Error(e) => format!("ERR {}", e.source_name),
        })
        .collect()
    }

    #[test]
    fn directories_are_walked_in_name_order_and_missing_paths_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::fs::write(dir.path().join(".hidden"), "h").unwrap();
        let root = dir.path().display().to_string();
        let got = names(Walk::new(&[root, "/no/such/file".into()], &[]));
        assert!(got[0].ends_with("a.txt"), "{got:?}");
        assert!(got[1].ends_with("sub/b.txt"), "{got:?}");
        assert_eq!(got[2], "ERR /no/such/file");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn the_first_file_comes_before_later_directories_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "a").unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        let mut walk = Walk::new(&[dir.path().display().to_string()], &[]);
        assert!(matches!(walk.next(), Some(Found::Source(_))));
        // Made after the first file was handed over, and still found: the walk reads as it goes.
        std::fs::write(dir.path().join("b/late.txt"), "late").unwrap();
        let rest = names(walk);
        assert!(rest[0].ends_with("b/late.txt"), "{rest:?}");
    }

    #[cfg(unix)]
    #[test]
    fn links_to_itself_are_reported_once_each_and_never_walked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("page.html"), "<p>x</p>").unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("x")).unwrap();
        std::os::unix::fs::symlink(".", dir.path().join("y")).unwrap();
        let got = names(Walk::new(&[dir.path().display().to_string()], &[]));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].ends_with("page.html"));
        assert!(
            got[1].starts_with("NOTE") && got[1].contains("loop"),
            "{got:?}"
        );
        assert!(
            got[2].starts_with("NOTE") && got[2].contains("loop"),
            "{got:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_reached_twice_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/page.html"), "<p>x</p>").unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        let got = names(Walk::new(&[dir.path().display().to_string()], &[]));
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("a/page.html"));
        assert!(got[1].contains("again; not walked twice"), "{got:?}");
    }

    #[test]
    fn the_ledger_and_its_side_files_are_passed_over_with_a_notice() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ledger.db");
        for f in ["ledger.db", "ledger.db-wal", "ledger.db-shm", "page.html"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let got = names(Walk::new(
            &[dir.path().display().to_string()],
            &ledger_files(&db),
        ));
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got.iter().filter(|g| g.starts_with("NOTE")).count(), 3);
        assert!(got[3].ends_with("page.html"), "{got:?}");
    }
}
