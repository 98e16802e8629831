//! Output formats for rows (table, JSON Lines, CSV) and the human view of one analysis.

use crate::args::RowFormat;
use claimtrail_analysis::DocAnalysis;
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

/// Widest a table cell gets before it is cut with an ellipsis.
const MAX_CELL: usize = 60;

/// Rows a table holds back to size its columns before it prints them; later rows keep those
/// widths (a longer cell widens its own line only), so a table of any length streams.
const TABLE_SAMPLE: usize = 500;

/// Prints rows in the chosen format; columns are the rows' fields in declaration order.
pub fn rows<T: Serialize>(rows: &[T], format: RowFormat) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write_rows(&mut out, rows, format)?;
    out.flush()?;
    Ok(())
}

pub fn write_rows<T: Serialize>(
    out: &mut impl Write,
    rows: &[T],
    format: RowFormat,
) -> anyhow::Result<()> {
    let mut w = RowWriter::new(out, format);
    for r in rows {
        w.push(r)?;
    }
    w.finish()?;
    Ok(())
}

/// Writes rows one at a time as they arrive: JSON Lines and CSV at once, a table once its
/// first [`TABLE_SAMPLE`] rows have set the column widths.
pub struct RowWriter<W: Write> {
    out: W,
    format: RowFormat,
    headers: Option<Vec<String>>,
    /// Table rows held back until the widths are known.
    held: Vec<Vec<String>>,
    widths: Option<Vec<usize>>,
}

impl<W: Write> RowWriter<W> {
    pub fn new(out: W, format: RowFormat) -> Self {
        RowWriter {
            out,
            format,
            headers: None,
            held: Vec::new(),
            widths: None,
        }
    }

    pub fn push<T: Serialize>(&mut self, row: &T) -> io::Result<()> {
        if self.format == RowFormat::Jsonl {
            serde_json::to_writer(&mut self.out, row)?;
            return writeln!(self.out);
        }
        let Value::Object(m) = serde_json::to_value(row)? else {
            return Ok(());
        };
        let headers = self
            .headers
            .get_or_insert_with(|| m.keys().cloned().collect());
        let cells: Vec<String> = headers.iter().map(|h| cell(m.get(h))).collect();
        match self.format {
            RowFormat::Csv => {
                if self.held.is_empty() && self.widths.is_none() {
                    // The header line, once.
                    self.widths = Some(Vec::new());
                    csv_line(&mut self.out, headers)?;
                }
                csv_line(&mut self.out, &cells)
            }
            _ => {
                let cut: Vec<String> = cells.iter().map(|c| truncate(c, MAX_CELL)).collect();
                if self.widths.is_some() {
                    return self.table_line(&cut);
                }
                self.held.push(cut);
                if self.held.len() >= TABLE_SAMPLE {
                    self.release()?;
                }
                Ok(())
            }
        }
    }

    /// Writes what is held back (or says there were no rows) and hands back the output.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == RowFormat::Table {
            if self.headers.is_none() {
                writeln!(self.out, "(no rows)")?;
            } else if self.widths.is_none() {
                self.release()?;
            }
        }
        self.out.flush()?;
        Ok(self.out)
    }

    /// Sizes the columns on the rows held back, then writes header, rule and those rows.
    fn release(&mut self) -> io::Result<()> {
        let headers = self.headers.clone().unwrap_or_default();
        let widths: Vec<usize> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                self.held
                    .iter()
                    .map(|r| r[i].chars().count())
                    .chain([h.len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        self.widths = Some(widths);
        self.table_line(&headers)?;
        self.table_line(&rule)?;
        for r in std::mem::take(&mut self.held) {
            self.table_line(&r)?;
        }
        Ok(())
    }

    fn table_line(&mut self, r: &[String]) -> io::Result<()> {
        let widths = self.widths.as_deref().unwrap_or_default();
        let padded: Vec<String> = r
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        writeln!(self.out, "{}", padded.join("  ").trim_end())
    }
}

fn csv_line(out: &mut impl Write, cells: &[String]) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        cells.iter().map(|c| csv(c)).collect::<Vec<_>>().join(",")
    )
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.replace(['\n', '\r', '\t'], " "),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| cell(Some(x)))
            .collect::<Vec<_>>()
            .join("; "),
        // As a reader writes it: 3000 and 1.5, not 3000.0.
        Some(Value::Number(n)) => match n.as_f64() {
            Some(x) if n.is_f64() => x.to_string(),
            _ => n.to_string(),
        },
        Some(v) => v.to_string(),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn csv(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A human view of one analysis: metadata, then each layer as a short list.
pub fn doc_table(out: &mut impl Write, d: &DocAnalysis) -> io::Result<()> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".into());
    writeln!(out, "== {} ({})", d.source, d.id)?;
    writeln!(out, "title:     {}", opt(&d.title))?;
    writeln!(
        out,
        "published: {}   outlet: {}   dateline: {}",
        d.published.map_or_else(|| "-".into(), |p| p.to_string()),
        opt(&d.outlet),
        opt(&d.dateline)
    )?;
    writeln!(
        out,
        "authors:   {}   agencies: {}{}",
        d.authors.join(", "),
        d.agencies.join(", "),
        if d.syndicated { "   (syndicated)" } else { "" }
    )?;
    writeln!(
        out,
        "text:      {} bytes, {} paragraphs",
        d.text.len(),
        d.text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .count()
    )?;
    for e in &d.entities {
        writeln!(
            out,
            "  entity  {:<7} {}{}",
            e.kind,
            e.canonical,
            e.role
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default()
        )?;
    }
    for q in &d.quotes {
        writeln!(
            out,
            "  quote   {:<8} {} [{}]: {}",
            q.kind,
            opt(&q.speaker),
            opt(&q.cue),
            truncate(&q.text, 100)
        )?;
    }
    for f in &d.figures {
        writeln!(
            out,
            "  figure  {} = {} {} {} ({}; {})",
            f.text,
            f.value.map_or_else(|| "-".to_string(), |v| v.to_string()),
            f.hedge,
            opt(&f.counted),
            opt(&f.source),
            opt(&f.date)
        )?;
    }
    for t in &d.times {
        writeln!(out, "  time    {} = {} {}", t.text, opt(&t.value), t.kind)?;
    }
    for w in &d.warnings {
        writeln!(out, "  warning {w}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct R {
        name: &'static str,
        n: u32,
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        let mut buf = Vec::new();
        write_rows(
            &mut buf,
            &[R {
                name: "a, \"b\"",
                n: 1,
            }],
            RowFormat::Csv,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "name,n\n\"a, \"\"b\"\"\",1\n"
        );
    }

    #[test]
    fn table_aligns_columns() {
        let mut buf = Vec::new();
        write_rows(
            &mut buf,
            &[R { name: "x", n: 10 }, R { name: "long", n: 2 }],
            RowFormat::Table,
        )
        .unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert_eq!(s.lines().next(), Some("name  n"));
        assert_eq!(s.lines().nth(2), Some("x     10"));
    }

    /// A writer whose bytes can be read while a `RowWriter` holds it.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_long_table_streams_once_its_widths_are_set() {
        let buf = Shared::default();
        let mut w = RowWriter::new(buf.clone(), RowFormat::Table);
        for i in 0..TABLE_SAMPLE {
            w.push(&R {
                name: "x",
                n: i as u32,
            })
            .unwrap();
        }
        // Sized and written before the end of the rows.
        let written = buf.0.borrow().len();
        assert!(written > 0);
        w.push(&R {
            name: "a longer name",
            n: 7,
        })
        .unwrap();
        assert!(buf.0.borrow().len() > written, "later rows go straight out");
        w.finish().unwrap();
        let s = String::from_utf8(buf.0.borrow().clone()).unwrap();
        assert_eq!(s.lines().count(), TABLE_SAMPLE + 3);
        assert_eq!(s.lines().next(), Some("name  n"));
        assert_eq!(s.lines().last(), Some("a longer name  7"));
    }

    #[test]
    fn numbers_print_as_a_reader_writes_them() {
        #[derive(Serialize)]
        struct V {
            value: Option<f64>,
            count: i64,
        }
        let mut buf = Vec::new();
        let rows = [
            V {
                value: Some(3000.0),
                count: 2,
            },
            V {
                value: Some(1.5),
                count: 3,
            },
            V {
                value: None,
                count: 4,
            },
        ];
        write_rows(&mut buf, &rows, RowFormat::Csv).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "value,count\n3000,2\n1.5,3\n,4\n"
        );
        let mut table = Vec::new();
        let d = DocAnalysis {
            figures: vec![claimtrail_analysis::Figure {
                text: "3,000 troops".into(),
                value: Some(3000.0),
                hedge: claimtrail_analysis::Hedge::Exact,
                ..Default::default()
            }],
            ..DocAnalysis::default()
        };
        doc_table(&mut table, &d).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(
            table.contains("figure  3,000 troops = 3000 exact"),
            "{table}"
        );
    }

    #[test]
    fn an_empty_table_says_so_and_empty_csv_or_jsonl_print_nothing() {
        for (format, expected) in [
            (RowFormat::Table, "(no rows)\n"),
            (RowFormat::Csv, ""),
            (RowFormat::Jsonl, ""),
        ] {
            let mut buf = Vec::new();
            write_rows::<R>(&mut buf, &[], format).unwrap();
            assert_eq!(String::from_utf8(buf).unwrap(), expected);
        }
    }
}
