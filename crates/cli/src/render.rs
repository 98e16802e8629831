//! Output formats for rows (table, JSON Lines, CSV) and the human view of one analysis.

use crate::args::RowFormat;
use claimtrail_analysis::DocAnalysis;
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

/// Widest a table cell gets before it is cut with an ellipsis.
const MAX_CELL: usize = 60;

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
    if format == RowFormat::Jsonl {
        for r in rows {
            serde_json::to_writer(&mut *out, r)?;
            writeln!(out)?;
        }
        return Ok(());
    }
    let values: Vec<serde_json::Map<String, Value>> = rows
        .iter()
        .filter_map(|r| match serde_json::to_value(r) {
            Ok(Value::Object(m)) => Some(m),
            _ => None,
        })
        .collect();
    let Some(first) = values.first() else {
        if format == RowFormat::Table {
            writeln!(out, "(no rows)")?;
        }
        return Ok(());
    };
    let headers: Vec<String> = first.keys().cloned().collect();
    let cells: Vec<Vec<String>> = values
        .iter()
        .map(|m| headers.iter().map(|h| cell(m.get(h))).collect())
        .collect();
    match format {
        RowFormat::Csv => {
            writeln!(
                out,
                "{}",
                headers.iter().map(|h| csv(h)).collect::<Vec<_>>().join(",")
            )?;
            for row in &cells {
                writeln!(
                    out,
                    "{}",
                    row.iter().map(|c| csv(c)).collect::<Vec<_>>().join(",")
                )?;
            }
        }
        RowFormat::Table => {
            let cut: Vec<Vec<String>> = cells
                .iter()
                .map(|r| r.iter().map(|c| truncate(c, MAX_CELL)).collect())
                .collect();
            let widths: Vec<usize> = headers
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    cut.iter()
                        .map(|r| r[i].chars().count())
                        .chain([h.len()])
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let line = |out: &mut dyn Write, r: &[String]| -> io::Result<()> {
                let padded: Vec<String> = r
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| format!("{c:<w$}"))
                    .collect();
                writeln!(out, "{}", padded.join("  ").trim_end())
            };
            line(out, &headers)?;
            line(
                out,
                &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
            )?;
            for r in &cut {
                line(out, r)?;
            }
        }
        RowFormat::Jsonl => unreachable!("handled above"),
    }
    Ok(())
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
        opt(&d.published),
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
            "  figure  {} = {:?} {} {} ({}; {})",
            f.text,
            f.value,
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
}
