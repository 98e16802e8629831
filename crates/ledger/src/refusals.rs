//! A document whose rows the database refuses (a value past one of its limits, an index row too
//! large, a constraint) must not stop a run or take its batch with it: the batch is stored again
//! one document at a time, the others are kept, and each refused document is named. Errors about
//! the database itself (unreachable, full, locked, a lost lease) still stop the run, as before.

use crate::{Appearance, Result, StoreError};

impl StoreError {
    /// Whether the database refused the rows it was given (their values), not the work itself:
    /// the same write without those rows would succeed.
    pub fn refuses_rows(&self) -> bool {
        match self {
            StoreError::Db(rusqlite::Error::SqliteFailure(e, _)) => matches!(
                e.code,
                rusqlite::ErrorCode::ConstraintViolation
                    | rusqlite::ErrorCode::TooBig
                    | rusqlite::ErrorCode::TypeMismatch
            ),
            StoreError::Db(rusqlite::Error::ToSqlConversionFailure(_)) => true,
            // SQLSTATE classes 22 (data exception), 23 (integrity constraint) and 54 (program
            // limit exceeded: "index row size exceeds maximum", a string too long for tsvector).
            #[cfg(feature = "postgres")]
            StoreError::Postgres(e) => e
                .as_db_error()
                .is_some_and(|db| matches!(&db.code().code()[..2], "22" | "23" | "54")),
            _ => false,
        }
    }
}

/// What [`put_naming_refused`] stored.
#[derive(Debug, Default)]
pub struct Stored {
    /// Documents the store did not hold before.
    pub new: usize,
    /// Each document the store refused, by its index in the batch, with the store's reason.
    pub refused: Vec<(usize, StoreError)>,
}

/// Stores `docs` with `put` (given `cx`, the store); when the store refuses some document's rows, stores them one at a
/// time instead, so that only the refused documents are left out (each named in
/// [`Stored::refused`]). `held` tells whether a document is already stored: a write that failed
/// part-way may have committed earlier transactions of the batch, and those documents, absent
/// when the batch was analysed, count as new.
pub fn put_naming_refused<C: ?Sized>(
    docs: &[Appearance],
    cx: &mut C,
    mut put: impl FnMut(&mut C, &[Appearance]) -> Result<usize>,
    held: impl Fn(&C, &Appearance) -> Result<bool>,
) -> Result<Stored> {
    match put(cx, docs) {
        Ok(new) => {
            return Ok(Stored {
                new,
                refused: Vec::new(),
            })
        }
        Err(e) if e.refuses_rows() => {}
        Err(e) => return Err(e),
    }
    let mut out = Stored::default();
    for (i, d) in docs.iter().enumerate() {
        let stored_already = held(cx, d)?;
        match put(cx, std::slice::from_ref(d)) {
            Ok(new) => out.new += if stored_already { 1 } else { new },
            Err(e) if e.refuses_rows() => out.refused.push((i, e)),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::DocAnalysis;
    use std::cell::RefCell;

    fn doc(source: &str) -> Appearance {
        let analysis = DocAnalysis {
            source: source.into(),
            id: source.into(),
            ..Default::default()
        };
        Appearance {
            origin: source.into(),
            analysis,
        }
    }

    fn refused() -> StoreError {
        StoreError::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_TOOBIG),
            Some("string or blob too big".into()),
        ))
    }

    /// A store that commits two documents per transaction, the transactions before a refusal
    /// included, and refuses any document called "bad…", as a database with a limit would.
    struct Fake {
        committed: RefCell<Vec<String>>,
    }

    impl Fake {
        fn put(&self, docs: &[Appearance]) -> Result<usize> {
            let mut new = 0;
            for part in docs.chunks(2) {
                if part.iter().any(|d| d.origin.starts_with("bad")) {
                    return Err(refused());
                }
                let mut c = self.committed.borrow_mut();
                for d in part {
                    if !c.contains(&d.origin) {
                        c.push(d.origin.clone());
                        new += 1;
                    }
                }
            }
            Ok(new)
        }

        fn held(&self, d: &Appearance) -> Result<bool> {
            Ok(self.committed.borrow().contains(&d.origin))
        }
    }

    #[test]
    fn a_refused_document_is_named_and_the_rest_of_its_batch_is_stored() {
        let store = Fake {
            committed: RefCell::new(Vec::new()),
        };
        let docs: Vec<_> = ["a", "b", "c", "bad1", "d", "bad2", "e"].map(doc).to_vec();
        let out =
            put_naming_refused(&docs, &mut &store, |s, d| s.put(d), |s, d| s.held(d)).unwrap();
        // (a, b) committed before the refusal and count as new all the same.
        assert_eq!(out.new, 5);
        assert_eq!(*store.committed.borrow(), ["a", "b", "c", "d", "e"]);
        let named: Vec<usize> = out.refused.iter().map(|(i, _)| *i).collect();
        assert_eq!(named, vec![3, 5]);
        assert!(out.refused.iter().all(|(_, e)| e.refuses_rows()));
    }

    #[test]
    fn a_batch_the_store_takes_is_stored_once() {
        let calls = RefCell::new(0);
        let out = put_naming_refused(
            &[doc("a"), doc("b")],
            &mut (),
            |_, d| {
                *calls.borrow_mut() += 1;
                Ok(d.len())
            },
            |_, _| Ok(false),
        )
        .unwrap();
        assert_eq!((out.new, out.refused.len(), *calls.borrow()), (2, 0, 1));
    }

    #[test]
    fn an_error_about_the_database_itself_still_stops_the_run() {
        let busy = || StoreError::Busy { seconds: 5 };
        assert!(!busy().refuses_rows());
        let r = put_naming_refused(&[doc("a")], &mut (), |_, _| Err(busy()), |_, _| Ok(false));
        assert!(matches!(r, Err(StoreError::Busy { .. })));
        let full = StoreError::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        ));
        assert!(!full.refuses_rows());
        assert!(refused().refuses_rows());
    }
}
