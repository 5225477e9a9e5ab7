//! `make desk`: the editor's desk on http://127.0.0.1:8090/ over `corpus/`
//! (or the folder given as the one argument). See the library's header.

use std::path::PathBuf;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let corpus = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("corpus"), PathBuf::from);
    if !corpus.join("articles").is_dir() || !corpus.join("gazetteer.toml").is_file() {
        eprintln!(
            "error: {} holds no articles/ and gazetteer.toml",
            corpus.display()
        );
        return ExitCode::FAILURE;
    }
    let port = desk::ADDRESS
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8090);
    let app = desk::app(desk::Desk::new(&corpus, port));
    let listener = match tokio::net::TcpListener::bind(desk::ADDRESS).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {}: {e}", desk::ADDRESS);
            return ExitCode::FAILURE;
        }
    };
    println!(
        "the editor's desk: http://{}/ over {}",
        desk::ADDRESS,
        corpus.display()
    );
    match axum::serve(listener, app).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
