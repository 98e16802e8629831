//! The progress line of a run over inputs (`ingest`, `analyze`): bytes read of the inputs' total
//! with an estimate of the time left once the total is known, documents so far and their rate.
//! Drawn on stderr, and only when stderr is a terminal.

use claimtrail_pipeline::inputs::total_bytes;
use claimtrail_pipeline::BytesRead;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub struct RunProgress {
    bar: ProgressBar,
    documents: u64,
    started: Instant,
}

impl RunProgress {
    /// A progress line for a run over `paths` reading through `read`; hidden when `quiet` or
    /// when stderr is not a terminal.
    pub fn start(paths: &[String], skip_files: &[PathBuf], read: BytesRead, quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(style("{spinner} {bytes} read · {msg} · {elapsed}"));
            // The total comes from a walk of its own (metadata only) so the run starts at once;
            // the same thread then keeps the position live between batches, through long
            // writes and long documents alike.
            let (bar2, paths, skip) = (bar.clone(), paths.to_vec(), skip_files.to_vec());
            std::thread::spawn(move || {
                if let Some(total) = total_bytes(&paths, &skip) {
                    bar2.set_length(total);
                    bar2.set_style(style(
                        "{spinner} [{bar:30}] {bytes}/{total_bytes} · {msg} · {elapsed}, about {eta} left",
                    ));
                }
                while !bar2.is_finished() {
                    bar2.set_position(read.get());
                    std::thread::sleep(Duration::from_millis(200));
                }
            });
            bar.set_message("starting");
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        };
        RunProgress {
            bar,
            documents: 0,
            started: Instant::now(),
        }
    }

    /// `n` more documents done.
    pub fn documents(&mut self, n: usize) {
        self.documents += n as u64;
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} documents analysed, {:.1}/s",
            self.documents,
            self.documents as f64 / secs
        ));
    }

    /// A line on stderr that does not tear the progress line.
    pub fn say(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for RunProgress {
    /// Ends the position thread whichever way the run ends.
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
        .progress_chars("=> ")
}
