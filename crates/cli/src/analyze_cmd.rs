//! `claimtrail analyze`: the JSON contract on stdout, one object per input document.

use crate::args::{AnalyzeArgs, AnalyzeFormat};
use crate::pipeline::{self, Processed};
use crate::render;
use claimtrail_analysis::DocAnalysis;
use std::io::{BufWriter, Write};

pub fn run(args: AnalyzeArgs) -> anyhow::Result<i32> {
    let opts = args.input.run_options();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut first = true;
    if args.format == AnalyzeFormat::Json {
        writeln!(out, "[")?;
    }
    let stats = pipeline::run(
        &args.input.paths,
        &opts,
        |_, _| false,
        |batch: Vec<Processed>| {
            for Processed { result: r, .. } in batch {
                // A failed document still gets its object (empty, the error in `warnings`) so
                // that every input has one; the error also goes to stderr.
                let doc = r.unwrap_or_else(|e| {
                    eprintln!("claimtrail: {e}");
                    DocAnalysis {
                        source: e.source_name.clone(),
                        warnings: vec![format!("error: {}", e.reason)],
                        ..DocAnalysis::default()
                    }
                });
                match args.format {
                    AnalyzeFormat::Jsonl => {
                        serde_json::to_writer(&mut out, &doc)?;
                        writeln!(out)?;
                    }
                    AnalyzeFormat::Json => {
                        if !first {
                            writeln!(out, ",")?;
                        }
                        serde_json::to_writer_pretty(&mut out, &doc)?;
                    }
                    AnalyzeFormat::Table => render::doc_table(&mut out, &doc)?,
                }
                first = false;
            }
            Ok(())
        },
    )?;
    if args.format == AnalyzeFormat::Json {
        writeln!(out, "\n]")?;
    }
    out.flush()?;
    // Some output is a success for a pipeline; nothing readable at all is a failure.
    Ok(if stats.ok == 0 && stats.failed > 0 {
        1
    } else {
        0
    })
}
