//! The exported tables and their columns: one list that the CSV header, the Parquet schema,
//! the import and `docs/export.md` all follow. Column names and order are the serialised
//! record's (a test holds the two together), so every format has the same columns.

use claimtrail_ledger::tables::{
    CopyRecord, DocumentRecord, EntityRecord, FigureRecord, QuoteAppearanceRecord, QuoteRecord,
    RegistryRecord, StoryRecord, TimeRecord,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A column's type, as Parquet stores it; JSON Lines and CSV write the same values as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 64-bit integer: keys, positions, byte offsets, counts.
    Int,
    /// 64-bit float: figure values, similarities.
    Float,
    Text,
    /// A day, `YYYY-MM-DD` (Parquet: Date32).
    Date,
    Bool,
    /// A list of strings (CSV: a JSON array).
    TextList,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: false,
    }
}

/// A column that may be null.
const fn opt(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        nullable: true,
    }
}

/// A row type of one exported table.
pub trait Record: Serialize + DeserializeOwned {
    /// The file stem: `documents` → `documents.jsonl`.
    const TABLE: &'static str;
    const COLUMNS: &'static [Column];
}

use Kind::{Bool, Date, Float, Int, Text, TextList};

impl Record for DocumentRecord {
    const TABLE: &'static str = "documents";
    const COLUMNS: &'static [Column] = &[
        col("key", Int),
        col("id", Text),
        col("origin", Text),
        col("source", Text),
        opt("url", Text),
        opt("outlet", Text),
        opt("title", Text),
        opt("published", Date),
        opt("estimated", Date),
        col("authors", TextList),
        col("agencies", TextList),
        col("syndicated", Bool),
        opt("dateline", Text),
        opt("language", Text),
        opt("story", Int),
        col("warnings", TextList),
        col("text", Text),
    ];
}

impl Record for EntityRecord {
    const TABLE: &'static str = "entities";
    const COLUMNS: &'static [Column] = &[
        col("document_key", Int),
        col("position", Int),
        col("text", Text),
        col("type", Text),
        col("start", Int),
        col("end", Int),
        col("canonical", Text),
        opt("role", Text),
    ];
}

impl Record for QuoteRecord {
    const TABLE: &'static str = "quotes";
    const COLUMNS: &'static [Column] = &[
        col("document_key", Int),
        col("position", Int),
        col("text", Text),
        col("kind", Text),
        col("start", Int),
        col("end", Int),
        opt("speaker", Text),
        opt("speaker_mention", Text),
        opt("speaker_type", Text),
        opt("role", Text),
        opt("cue", Text),
    ];
}

impl Record for FigureRecord {
    const TABLE: &'static str = "figures";
    const COLUMNS: &'static [Column] = &[
        col("document_key", Int),
        col("position", Int),
        col("text", Text),
        col("start", Int),
        col("end", Int),
        opt("value", Float),
        opt("low", Float),
        opt("high", Float),
        col("hedge", Text),
        opt("unit", Text),
        opt("counted", Text),
        opt("source", Text),
        opt("date", Text),
        opt("measure", Text),
    ];
}

impl Record for TimeRecord {
    const TABLE: &'static str = "times";
    const COLUMNS: &'static [Column] = &[
        col("document_key", Int),
        col("position", Int),
        col("text", Text),
        col("start", Int),
        col("end", Int),
        opt("value", Text),
        col("type", Text),
    ];
}

impl Record for StoryRecord {
    const TABLE: &'static str = "stories";
    const COLUMNS: &'static [Column] = &[
        col("id", Int),
        opt("title", Text),
        opt("first_seen", Date),
        opt("last_seen", Date),
        col("documents", Int),
    ];
}

impl Record for CopyRecord {
    const TABLE: &'static str = "copies";
    const COLUMNS: &'static [Column] = &[
        col("document_key", Int),
        col("original_key", Int),
        col("similarity", Float),
    ];
}

impl Record for RegistryRecord {
    const TABLE: &'static str = "registry";
    const COLUMNS: &'static [Column] = &[
        col("id", Int),
        col("text", Text),
        opt("speaker", Text),
        col("first_document_key", Int),
        opt("first_date", Date),
    ];
}

impl Record for QuoteAppearanceRecord {
    const TABLE: &'static str = "quote_appearances";
    const COLUMNS: &'static [Column] = &[
        col("document_key", Int),
        col("position", Int),
        col("quote_id", Int),
    ];
}

/// Every table, in the order they are written: name and columns.
pub const TABLES: &[(&str, &[Column])] = &[
    (DocumentRecord::TABLE, DocumentRecord::COLUMNS),
    (EntityRecord::TABLE, EntityRecord::COLUMNS),
    (QuoteRecord::TABLE, QuoteRecord::COLUMNS),
    (FigureRecord::TABLE, FigureRecord::COLUMNS),
    (TimeRecord::TABLE, TimeRecord::COLUMNS),
    (StoryRecord::TABLE, StoryRecord::COLUMNS),
    (CopyRecord::TABLE, CopyRecord::COLUMNS),
    (RegistryRecord::TABLE, RegistryRecord::COLUMNS),
    (QuoteAppearanceRecord::TABLE, QuoteAppearanceRecord::COLUMNS),
];

/// A record as its column values, in column order (its serialised fields).
pub fn values<T: Record>(row: &T) -> std::io::Result<Vec<serde_json::Value>> {
    match serde_json::to_value(row)? {
        serde_json::Value::Object(map) => Ok(map.into_iter().map(|(_, v)| v).collect()),
        other => Err(std::io::Error::other(format!(
            "a {} record serialised as {other}, not an object",
            T::TABLE
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_analysis::{EntityKind, Hedge, QuoteKind, TimexType};

    fn names<T: Record>(row: &T) -> (Vec<String>, Vec<&'static str>) {
        let serde_json::Value::Object(map) = serde_json::to_value(row).unwrap() else {
            panic!("not an object");
        };
        (
            map.keys().cloned().collect(),
            T::COLUMNS.iter().map(|c| c.name).collect(),
        )
    }

    /// The column lists say what serde writes, name for name and in order.
    #[test]
    fn columns_are_the_serialised_fields() {
        let doc = DocumentRecord {
            key: 1,
            id: "x".into(),
            origin: "o".into(),
            source: "s".into(),
            url: None,
            outlet: None,
            title: None,
            published: None,
            estimated: None,
            authors: vec![],
            agencies: vec![],
            syndicated: false,
            dateline: None,
            language: None,
            story: None,
            warnings: vec![],
            text: String::new(),
        };
        let (a, b) = names(&doc);
        assert_eq!(a, b);
        let e = EntityRecord {
            document_key: 1,
            position: 0,
            text: "t".into(),
            kind: EntityKind::Person,
            start: 0,
            end: 1,
            canonical: "c".into(),
            role: None,
        };
        let (a, b) = names(&e);
        assert_eq!(a, b);
        let q = QuoteRecord {
            document_key: 1,
            position: 0,
            text: "t".into(),
            kind: QuoteKind::Direct,
            start: 0,
            end: 1,
            speaker: None,
            speaker_mention: None,
            speaker_type: None,
            role: None,
            cue: None,
        };
        let (a, b) = names(&q);
        assert_eq!(a, b);
        let g = FigureRecord {
            document_key: 1,
            position: 0,
            text: "t".into(),
            start: 0,
            end: 1,
            value: None,
            low: None,
            high: None,
            hedge: Hedge::Exact,
            unit: None,
            counted: None,
            source: None,
            date: None,
            measure: None,
        };
        let (a, b) = names(&g);
        assert_eq!(a, b);
        let t = TimeRecord {
            document_key: 1,
            position: 0,
            text: "t".into(),
            start: 0,
            end: 1,
            value: None,
            kind: TimexType::Date,
        };
        let (a, b) = names(&t);
        assert_eq!(a, b);
        let s = StoryRecord {
            id: 1,
            title: None,
            first_seen: None,
            last_seen: None,
            documents: 1,
        };
        let (a, b) = names(&s);
        assert_eq!(a, b);
        let c = CopyRecord {
            document_key: 2,
            original_key: 1,
            similarity: 1.0,
        };
        let (a, b) = names(&c);
        assert_eq!(a, b);
        let r = RegistryRecord {
            id: 1,
            text: "t".into(),
            speaker: None,
            first_document_key: 1,
            first_date: None,
        };
        let (a, b) = names(&r);
        assert_eq!(a, b);
        let qa = QuoteAppearanceRecord {
            document_key: 1,
            position: 0,
            quote_id: 1,
        };
        let (a, b) = names(&qa);
        assert_eq!(a, b);
    }

    /// `docs/export.md` has a section per table listing every column.
    #[test]
    fn every_column_is_documented() {
        let doc = include_str!("../../../docs/export.md");
        for (table, columns) in TABLES {
            let heading = format!("### `{table}`");
            let start = doc
                .find(&heading)
                .unwrap_or_else(|| panic!("no section {heading}"));
            let section = &doc[start + heading.len()..];
            let section = &section[..section.find("\n### ").unwrap_or(section.len())];
            for c in *columns {
                assert!(
                    section.contains(&format!("| `{}` |", c.name)),
                    "{table}.{} is not documented",
                    c.name
                );
            }
        }
    }
}
