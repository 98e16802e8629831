//! `claimtrail analyze`: the JSON contract on stdout, one object per input document.

use crate::args::{AnalyzeArgs, AnalyzeFormat};
use crate::progress::RunProgress;
use crate::render;
use claimtrail_analysis::DocAnalysis;
use claimtrail_pipeline::{Notice, Processed, Sink};
use std::io::{BufWriter, Write};

/// Writes each document's analysis as it comes.
struct Output<W> {
    out: W,
    format: AnalyzeFormat,
    first: bool,
    progress: RunProgress,
}

impl<W: Write> Sink for Output<W> {
    type Error = anyhow::Error;

    fn accept(&mut self, batch: Vec<Processed>) -> anyhow::Result<()> {
        let out = &mut self.out;
        self.progress.documents(batch.len());
        let progress = &self.progress;
        for Processed { result: r, .. } in batch {
            // A failed document still gets its object (empty, the error in `warnings`) so
            // that every input has one; the error also goes to stderr.
            let doc = r.unwrap_or_else(|e| {
                progress.say(&format!("claimtrail: {e}"));
                DocAnalysis {
                    source: e.source_name.clone(),
                    warnings: vec![format!("error: {}", e.reason)],
                    ..DocAnalysis::default()
                }
            });
            match self.format {
                AnalyzeFormat::Jsonl => {
                    serde_json::to_writer(&mut *out, &doc)?;
                    writeln!(out)?;
                }
                AnalyzeFormat::Json => {
                    if !self.first {
                        writeln!(out, ",")?;
                    }
                    serde_json::to_writer_pretty(&mut *out, &doc)?;
                }
                AnalyzeFormat::Table => render::doc_table(&mut *out, &doc)?,
            }
            self.first = false;
        }
        Ok(())
    }

    fn notice(&mut self, notice: &Notice) -> anyhow::Result<()> {
        self.progress.say(&format!("claimtrail: note: {notice}"));
        Ok(())
    }
}

pub fn run(args: AnalyzeArgs) -> anyhow::Result<i32> {
    let opts = args.input.run_options();
    let inputs =
        claimtrail_pipeline::inputs::inputs(&args.input.paths, opts.limits, &opts.skip_files);
    let progress = RunProgress::start(
        &args.input.paths,
        &opts.skip_files,
        inputs.bytes_read(),
        args.quiet,
    );
    let stdout = std::io::stdout();
    let mut sink = Output {
        out: BufWriter::new(stdout.lock()),
        format: args.format,
        first: true,
        progress,
    };
    if args.format == AnalyzeFormat::Json {
        writeln!(sink.out, "[")?;
    }
    let stats = claimtrail_pipeline::run_inputs(inputs, &opts, &mut sink)?;
    if args.format == AnalyzeFormat::Json {
        writeln!(sink.out, "\n]")?;
    }
    sink.out.flush()?;
    sink.progress.finish();
    // Some output is a success for a pipeline; nothing readable at all is a failure.
    Ok(if stats.ok == 0 && stats.failed > 0 {
        1
    } else {
        0
    })
}
