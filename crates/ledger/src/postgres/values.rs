//! Contract fields in and out of text columns by their JSON form, as the SQLite backend stores
//! them (a kind, a hedge, a date: the text the `analyze` JSON gives it).

use crate::{Result, StoreError};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The text of a contract field stored as text; `None` for null.
pub fn text<T: Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// A contract field back from its text column.
pub fn field<T: DeserializeOwned>(v: Option<String>, column: &str) -> Result<T> {
    let json = v.map_or(serde_json::Value::Null, serde_json::Value::String);
    serde_json::from_value(json).map_err(|e| StoreError::Corrupt {
        what: format!("column {column}"),
        message: e.to_string(),
    })
}

/// A position, offset or count as a column.
pub fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A byte offset back from its column; a negative one is corrupt.
pub fn offset(n: i64, column: &str) -> Result<usize> {
    usize::try_from(n).map_err(|e| StoreError::Corrupt {
        what: format!("column {column}"),
        message: e.to_string(),
    })
}
