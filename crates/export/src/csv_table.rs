//! CSV through the `csv` crate: a header of the column names, then one line per record. Null
//! is an empty cell, a list is its JSON array, numbers and booleans as JSON writes them.

use crate::columns::{values, Record};
use serde_json::Value;
use std::io::Write;

pub struct CsvTable<W: Write> {
    out: csv::Writer<W>,
}

impl<W: Write> CsvTable<W> {
    pub fn new<T: Record>(out: W) -> std::io::Result<Self> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(T::COLUMNS.iter().map(|c| c.name))
            .map_err(std::io::Error::other)?;
        Ok(CsvTable { out })
    }

    pub fn write<T: Record>(&mut self, row: &T) -> std::io::Result<()> {
        let cells = values(row)?;
        self.out
            .write_record(cells.iter().map(cell))
            .map_err(std::io::Error::other)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_ledger::tables::StoryRecord;

    #[test]
    fn nulls_are_empty_and_commas_are_quoted() {
        let mut t = CsvTable::new::<StoryRecord>(Vec::new()).unwrap();
        t.write(&StoryRecord {
            id: 3,
            title: Some("Troops, drones".into()),
            first_seen: "2024-10-23".parse().ok(),
            last_seen: None,
            documents: 2,
        })
        .unwrap();
        let bytes = t.out.into_inner().unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "id,title,first_seen,last_seen,documents\n3,\"Troops, drones\",2024-10-23,,2\n"
        );
    }
}
