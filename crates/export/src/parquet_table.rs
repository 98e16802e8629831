//! Parquet through the Apache Arrow crates: typed columns (keys, positions and byte offsets as
//! Int64, values as Float64, days as Date32, lists of strings as List<Utf8>), zstd-compressed.
//! Rows are gathered into small Arrow batches and row groups are closed at a size bound, so
//! memory stays flat whatever the table's length.

use crate::columns::{values, Column, Kind, Record};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use serde_json::Value;
use std::io::Write;
use std::sync::Arc;

/// Rows per Arrow batch, unless the batch's strings reach [`BATCH_BYTES`] first.
const BATCH_ROWS: usize = 4096;
/// Bytes of strings per Arrow batch (article texts make rows large).
const BATCH_BYTES: usize = 8 << 20;
/// Encoded bytes after which a row group is closed.
const ROW_GROUP_BYTES: usize = 16 << 20;
/// Rows after which a row group is closed: compressed well, a row group of a large table would
/// otherwise stay under the byte bound while its buffered pages grow with the table.
const ROW_GROUP_ROWS: usize = 8192;
/// Bytes of a text value kept as a minimum or maximum in the statistics of a column chunk and
/// of a page. The writer holds every row group's statistics until it writes the footer: whole
/// article texts there would make the footer, and the memory held until it, grow with the table.
const STATISTICS_BYTES: usize = 64;

fn data_type(kind: Kind) -> DataType {
    match kind {
        Kind::Int => DataType::Int64,
        Kind::Float => DataType::Float64,
        Kind::Text => DataType::Utf8,
        Kind::Date => DataType::Date32,
        Kind::Bool => DataType::Boolean,
        Kind::TextList => DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
    }
}

/// The Arrow schema of a table.
pub fn schema(columns: &[Column]) -> SchemaRef {
    Arc::new(Schema::new(
        columns
            .iter()
            .map(|c| Field::new(c.name, data_type(c.kind), c.nullable))
            .collect::<Vec<_>>(),
    ))
}

enum Builder {
    Int(Int64Builder),
    Float(Float64Builder),
    Text(StringBuilder),
    Date(Date32Builder),
    Bool(BooleanBuilder),
    List(ListBuilder<StringBuilder>),
}

fn mismatch(column: &Column, v: &Value) -> std::io::Error {
    std::io::Error::other(format!(
        "column {} ({:?}) cannot hold the value {v}",
        column.name, column.kind
    ))
}

/// Days since 1970-01-01.
fn days(column: &Column, s: &str) -> std::io::Result<i32> {
    let d: NaiveDate = s
        .parse()
        .map_err(|_| mismatch(column, &Value::String(s.into())))?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).map_err(std::io::Error::other)
}

impl Builder {
    fn new(kind: Kind) -> Self {
        match kind {
            Kind::Int => Builder::Int(Int64Builder::new()),
            Kind::Float => Builder::Float(Float64Builder::new()),
            Kind::Text => Builder::Text(StringBuilder::new()),
            Kind::Date => Builder::Date(Date32Builder::new()),
            Kind::Bool => Builder::Bool(BooleanBuilder::new()),
            Kind::TextList => Builder::List(
                ListBuilder::new(StringBuilder::new())
                    .with_field(Field::new_list_field(DataType::Utf8, true)),
            ),
        }
    }

    /// Appends one value; returns the bytes of string data it added.
    fn append(&mut self, column: &Column, v: &Value) -> std::io::Result<usize> {
        match (self, v) {
            (Builder::Int(b), Value::Null) => b.append_null(),
            (Builder::Float(b), Value::Null) => b.append_null(),
            (Builder::Text(b), Value::Null) => b.append_null(),
            (Builder::Date(b), Value::Null) => b.append_null(),
            (Builder::Bool(b), Value::Null) => b.append_null(),
            (Builder::List(b), Value::Null) => b.append_null(),
            (Builder::Int(b), Value::Number(n)) => {
                b.append_value(n.as_i64().ok_or_else(|| mismatch(column, v))?)
            }
            (Builder::Float(b), Value::Number(n)) => {
                b.append_value(n.as_f64().ok_or_else(|| mismatch(column, v))?)
            }
            (Builder::Text(b), Value::String(s)) => {
                b.append_value(s);
                return Ok(s.len());
            }
            (Builder::Date(b), Value::String(s)) => b.append_value(days(column, s)?),
            (Builder::Bool(b), Value::Bool(x)) => b.append_value(*x),
            (Builder::List(b), Value::Array(items)) => {
                let mut bytes = 0;
                for item in items {
                    let s = item.as_str().ok_or_else(|| mismatch(column, v))?;
                    b.values().append_value(s);
                    bytes += s.len();
                }
                b.append(true);
                return Ok(bytes);
            }
            _ => return Err(mismatch(column, v)),
        }
        Ok(0)
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::List(b) => Arc::new(b.finish()),
        }
    }
}

pub struct ParquetTable<W: Write + Send> {
    columns: &'static [Column],
    schema: SchemaRef,
    builders: Vec<Builder>,
    rows: usize,
    bytes: usize,
    writer: ArrowWriter<W>,
}

impl<W: Write + Send> ParquetTable<W> {
    pub fn new<T: Record>(out: W) -> std::io::Result<Self> {
        let schema = schema(T::COLUMNS);
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_statistics_truncate_length(Some(STATISTICS_BYTES))
            .set_column_index_truncate_length(Some(STATISTICS_BYTES))
            .build();
        let writer = ArrowWriter::try_new(out, schema.clone(), Some(props))
            .map_err(std::io::Error::other)?;
        Ok(ParquetTable {
            columns: T::COLUMNS,
            schema,
            builders: T::COLUMNS.iter().map(|c| Builder::new(c.kind)).collect(),
            rows: 0,
            bytes: 0,
            writer,
        })
    }

    pub fn write<T: Record>(&mut self, row: &T) -> std::io::Result<()> {
        let cells = values(row)?;
        if cells.len() != self.columns.len() {
            return Err(std::io::Error::other(format!(
                "a {} record has {} fields for {} columns",
                T::TABLE,
                cells.len(),
                self.columns.len()
            )));
        }
        for ((b, c), v) in self.builders.iter_mut().zip(self.columns).zip(&cells) {
            self.bytes += b.append(c, v)?;
        }
        self.rows += 1;
        if self.rows >= BATCH_ROWS || self.bytes >= BATCH_BYTES {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn flush_batch(&mut self) -> std::io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch =
            RecordBatch::try_new(self.schema.clone(), arrays).map_err(std::io::Error::other)?;
        self.writer.write(&batch).map_err(std::io::Error::other)?;
        self.rows = 0;
        self.bytes = 0;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush_batch()?;
        let mut out = self.writer.into_inner().map_err(std::io::Error::other)?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use claimtrail_ledger::tables::DocumentRecord;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn doc(key: i64, published: Option<&str>) -> DocumentRecord {
        DocumentRecord {
            key,
            id: format!("c{key}"),
            origin: format!("/in/{key}"),
            source: format!("{key}.html"),
            url: None,
            outlet: Some("Wire".into()),
            title: None,
            published: published.and_then(|p| p.parse().ok()),
            estimated: None,
            authors: vec!["Ann".into(), "Bo".into()],
            agencies: vec![],
            syndicated: key % 2 == 0,
            dateline: None,
            language: Some("en".into()),
            story: Some(1),
            warnings: vec![],
            text: "x".repeat(100),
        }
    }

    #[test]
    fn written_rows_read_back_typed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("documents.parquet");
        let mut t =
            ParquetTable::new::<DocumentRecord>(std::fs::File::create(&path).unwrap()).unwrap();
        // More than one batch.
        for k in 1..=(BATCH_ROWS as i64 + 10) {
            t.write(&doc(k, (k == 1).then_some("2024-10-23"))).unwrap();
        }
        t.finish().unwrap();
        let reader =
            ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap()).unwrap();
        let meta = reader.metadata().clone();
        let columns = meta.file_metadata().schema_descr().columns().to_vec();
        assert!(meta
            .row_group(0)
            .columns()
            .iter()
            .all(|c| matches!(c.compression(), Compression::ZSTD(_))));
        assert_eq!(columns.len(), DocumentRecord::COLUMNS.len());
        // Statistics keep a bounded prefix of the 100-byte texts, not the texts.
        let text = columns.iter().position(|c| c.name() == "text").unwrap();
        let stats = meta.row_group(0).column(text).statistics().unwrap();
        assert_eq!(stats.min_bytes_opt().unwrap().len(), STATISTICS_BYTES);
        assert!(stats.max_bytes_opt().unwrap().len() <= STATISTICS_BYTES + 1);
        let mut rows = 0;
        for batch in reader.build().unwrap() {
            let batch = batch.unwrap();
            assert_eq!(batch.schema().field(7).data_type(), &DataType::Date32);
            assert_eq!(batch.schema().field(0).data_type(), &DataType::Int64);
            if rows == 0 {
                let published = batch
                    .column(7)
                    .as_any()
                    .downcast_ref::<arrow_array::Date32Array>()
                    .unwrap();
                // 2024-10-23 is day 20019 after 1970-01-01.
                assert_eq!(published.value(0), 20019);
                assert!(published.is_null(1));
            }
            rows += batch.num_rows();
        }
        assert_eq!(rows, BATCH_ROWS + 10);
    }
}
