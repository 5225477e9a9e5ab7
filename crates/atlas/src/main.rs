//! `atlas`: the native command-line side of bilateral-map.
//!
//! `atlas check` reads the corpus the widget embeds and reports what it holds,
//! exiting non-zero with a message naming the file and problem when it cannot.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "atlas",
    version,
    about = "Check and export the bilateral-map corpus"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read and validate the corpus; print one line per article.
    Check {
        /// Folder of `*.txt` articles.
        #[arg(long, default_value = "corpus/articles")]
        articles: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Check { articles } => match bilateral_core::load_dir(&articles) {
            Ok(files) => {
                for file in &files {
                    println!("{}\t{} bytes", file.id, file.text.len());
                }
                println!("{} articles", files.len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
