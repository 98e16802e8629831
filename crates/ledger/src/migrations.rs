//! Schema versions and the forward steps between them, the same list for every backend.
//!
//! A ledger records the version of its schema (SQLite: `user_version`) and is marked as ours
//! (SQLite: `application_id` [`APPLICATION_ID`]). Opening one for writing runs the steps above
//! its version in order, each in one transaction with the new version, so a crash leaves it at
//! one version or the next. A step is numbered for all backends and carries the SQL of each: the
//! embedded backend's today; a PostgreSQL backend adds its own text for the same steps (it has no
//! ledgers of the first release, so its first step may create the current schema at once).
//! PostgreSQL records its version in a `schema_migrations` table, one row per step run.
//! Steps are never edited once released: a change to the schema is a new step.

/// Marks a SQLite file as a claimtrail ledger ("CTrl").
pub const APPLICATION_ID: i32 = 0x4354_726c;

/// One forward step of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The version a ledger is at once this step has run (the first step brings an empty file to
    /// 1).
    pub version: u32,
    /// What the step changes, for the `migrate` command's report.
    pub summary: &'static str,
    /// The step for the embedded SQLite backend.
    pub sqlite: &'static str,
    /// The step for PostgreSQL, which has no ledgers older than step 2: `None` before it.
    pub postgres: Option<&'static str>,
}

/// Every step, in order; the last one's version is the current schema.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        summary: "the first release's schema (unversioned)",
        sqlite: include_str!("migrations/sqlite/0001_first_release.sql"),
        postgres: None,
    },
    Migration {
        version: 2,
        summary: "one row per appearance (content id and origin), the analysis stored once, \
                  authors and warnings in tables, consistent column names, views",
        sqlite: include_str!("migrations/sqlite/0002_appearances.sql"),
        postgres: Some(include_str!("migrations/postgres/0002_appearances.sql")),
    },
    Migration {
        version: 3,
        summary: "read paths kept at ingest: figure dates in timeline order, measure heads, \
                  per-speaker counts and roles",
        sqlite: include_str!("migrations/sqlite/0003_read_paths.sql"),
        postgres: Some(include_str!("migrations/postgres/0003_read_paths.sql")),
    },
    Migration {
        version: 4,
        summary: "the collector's state: pages met with their listing fingerprints, feed \
                  validators, host back-offs, WARC files' committed lengths",
        sqlite: include_str!("migrations/sqlite/0004_collect.sql"),
        postgres: Some(include_str!("migrations/postgres/0004_collect.sql")),
    },
    Migration {
        version: 5,
        summary: "per-story speaker counts and roles kept at ingest, moved when stories merge; \
                  figures and story members in listing order",
        sqlite: include_str!("migrations/sqlite/0005_story_speakers.sql"),
        postgres: Some(include_str!("migrations/postgres/0005_story_speakers.sql")),
    },
    Migration {
        version: 6,
        summary: "a story's documents, figures and registry quotes indexed per story in \
                  listing order (figures and quotes carry their story, kept by triggers)",
        sqlite: include_str!("migrations/sqlite/0006_story_columns.sql"),
        postgres: Some(include_str!("migrations/postgres/0006_story_columns.sql")),
    },
    Migration {
        version: 7,
        summary: "PostgreSQL's full-text vector of a document kept within its 1 MiB limit (a \
                  long text of distinct words is indexed up to the prefix that fits)",
        sqlite: include_str!("migrations/sqlite/0007_bounded_fts.sql"),
        postgres: Some(include_str!("migrations/postgres/0007_bounded_fts.sql")),
    },
];

/// The schema version this build writes and reads.
pub const CURRENT_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The steps that bring a ledger at `version` to the current schema.
pub fn pending(version: u32) -> &'static [Migration] {
    let first = MIGRATIONS.partition_point(|m| m.version <= version);
    &MIGRATIONS[first..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_one_by_one_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
        }
        assert_eq!(pending(0).len(), MIGRATIONS.len());
        assert_eq!(pending(1)[0].version, 2);
        assert_eq!(pending(2)[0].version, 3);
        assert_eq!(pending(3)[0].version, 4);
        assert!(pending(CURRENT_VERSION).is_empty());
        assert!(pending(CURRENT_VERSION + 5).is_empty());
    }
}
