//! Contract fields in and out of columns by their JSON form. A kind, a hedge or a date is stored
//! as the text the `analyze` JSON gives it, whatever Rust type holds it, so the columns read
//! the same as the contract and rebuilding an analysis gives back the same JSON.

use rusqlite::types::{Value, ValueRef};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The column value of a contract field: JSON null, text, number or boolean.
pub fn column<T: Serialize>(v: &T) -> Value {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Value::Text(s),
        Ok(serde_json::Value::Bool(b)) => Value::Integer(i64::from(b)),
        Ok(serde_json::Value::Number(n)) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => n.as_f64().map_or(Value::Null, Value::Real),
        },
        // Contract fields stored in a column are scalars; nothing else reaches here.
        _ => Value::Null,
    }
}

/// The text of a contract field stored as text (a date, a TIMEX3 value); `None` for null.
pub fn text<T: Serialize>(v: &T) -> Option<String> {
    match column(v) {
        Value::Text(s) => Some(s),
        _ => None,
    }
}

/// A contract field back from its column.
pub fn field<T: DeserializeOwned>(row: &rusqlite::Row, i: usize) -> rusqlite::Result<T> {
    let value = row.get_ref(i)?;
    let json = match value {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Text(t) => serde_json::Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Integer(n) => serde_json::Value::from(n),
        ValueRef::Real(x) => serde_json::Value::from(x),
        ValueRef::Blob(_) => serde_json::Value::Null,
    };
    serde_json::from_value(json)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, value.data_type(), e.into()))
}

/// A position, offset or count as a column (SQLite integers are i64).
pub fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A byte offset back from its column; a negative one is corrupt.
pub fn offset(row: &rusqlite::Row, i: usize) -> rusqlite::Result<usize> {
    let n: i64 = row.get(i)?;
    usize::try_from(n).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Integer, e.into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_keep_their_json_form() {
        assert_eq!(column(&Some("exact")), Value::Text("exact".into()));
        assert_eq!(column(&None::<String>), Value::Null);
        assert_eq!(column(&true), Value::Integer(1));
        assert_eq!(column(&3000.0f64), Value::Real(3000.0));
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let (a, b): (Option<String>, String) = conn
            .query_row("SELECT NULL, 'DATE'", [], |r| {
                Ok((field(r, 0)?, field(r, 1)?))
            })
            .unwrap();
        assert_eq!((a, b.as_str()), (None, "DATE"));
    }
}
