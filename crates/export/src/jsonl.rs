//! JSON Lines: one record per line, fields in column order, the `analyze` contract's values.

use crate::columns::Record;
use std::io::Write;

pub struct JsonlTable<W: Write> {
    out: W,
}

impl<W: Write> JsonlTable<W> {
    pub fn new(out: W) -> Self {
        JsonlTable { out }
    }

    pub fn write<T: Record>(&mut self, row: &T) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, row)?;
        self.out.write_all(b"\n")
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
