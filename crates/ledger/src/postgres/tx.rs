//! A writing transaction with the connection's prepared statements at hand: the linking code
//! runs hundreds of small statements per document, each prepared once per connection.

use crate::Result;
use postgres::types::ToSql;
use postgres::{Row, Statement, Transaction};
use std::collections::HashMap;

pub type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

pub struct Tx<'a> {
    pub tx: Transaction<'a>,
    statements: &'a mut HashMap<String, Statement>,
}

impl<'a> Tx<'a> {
    pub fn new(tx: Transaction<'a>, statements: &'a mut HashMap<String, Statement>) -> Self {
        Tx { tx, statements }
    }

    fn statement(&mut self, sql: &str) -> Result<Statement> {
        if let Some(st) = self.statements.get(sql) {
            return Ok(st.clone());
        }
        let st = self.tx.prepare(sql)?;
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }

    pub fn exec(&mut self, sql: &str, params: Params) -> Result<u64> {
        let st = self.statement(sql)?;
        Ok(self.tx.execute(&st, params)?)
    }

    pub fn rows(&mut self, sql: &str, params: Params) -> Result<Vec<Row>> {
        let st = self.statement(sql)?;
        Ok(self.tx.query(&st, params)?)
    }

    pub fn opt(&mut self, sql: &str, params: Params) -> Result<Option<Row>> {
        let st = self.statement(sql)?;
        Ok(self.tx.query_opt(&st, params)?)
    }

    pub fn one(&mut self, sql: &str, params: Params) -> Result<Row> {
        let st = self.statement(sql)?;
        Ok(self.tx.query_one(&st, params)?)
    }

    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}
