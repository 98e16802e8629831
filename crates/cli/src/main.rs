//! `claimtrail`: the command-line interface over the flow page → article → analysis → ledger.
//! This crate owns argument parsing, output formats and progress reporting; the work itself lives
//! in the library crates.

mod analyze_cmd;
mod args;
#[cfg(feature = "collect")]
mod collect_cmd;
mod copy_cmd;
mod eval_cmd;
mod export_cmd;
mod ingest_cmd;
mod progress;
mod query_cmd;
mod render;
mod serve_cmd;
mod word_bags;
mod work_cmd;

use clap::Parser;

fn main() {
    let cli = args::Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is wrong, and nothing more to say.
        Err(e) if is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("claimtrail: error: {e:#}");
            2
        }
    };
    std::process::exit(code);
}

fn run(cli: args::Cli) -> anyhow::Result<i32> {
    use args::Command;
    match cli.command {
        Command::Analyze(a) => analyze_cmd::run(a),
        Command::Ingest(a) => ingest_cmd::run(a),
        Command::Report(r) => query_cmd::report(r),
        Command::Documents(q) => query_cmd::documents(q),
        Command::Show(s) => query_cmd::show(s),
        Command::Quotes(q) => query_cmd::quotes(q),
        Command::Figures(q) => query_cmd::figures(q),
        Command::Entities(q) => query_cmd::entities(q),
        Command::Stories(q) => query_cmd::stories(q),
        Command::Story(s) => query_cmd::story(s),
        Command::Timeline(t) => query_cmd::timeline(t),
        Command::Speakers(q) => query_cmd::speakers(q),
        Command::Copies(q) => query_cmd::copies(q),
        Command::Registry(q) => query_cmd::registry(q),
        Command::Migrate(m) => query_cmd::migrate(m),
        Command::Export(e) => export_cmd::export(e),
        Command::Import(i) => export_cmd::import(i),
        Command::Serve(a) => serve_cmd::run(a),
        Command::Copy(c) => copy_cmd::run(c),
        Command::Queue(args::QueueCommand::Add(a)) => work_cmd::queue_add(a),
        Command::Queue(args::QueueCommand::Status(s)) => work_cmd::queue_status(s),
        Command::Work(w) => work_cmd::work(w),
        #[cfg(feature = "collect")]
        Command::Collect(c) => collect_cmd::collect(c),
        #[cfg(feature = "collect")]
        Command::Watch(w) => collect_cmd::watch(w),
        Command::Eval(args::EvalCommand::Extraction(a)) => eval_cmd::extraction(a),
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
