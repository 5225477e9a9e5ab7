//! `make desk`: the editor's desk on http://127.0.0.1:8090/ over `corpus/`
//! (or the folder given as the first argument). See the library's header.
//!
//! `desk [CORPUS] [--ui DIR --widget DIR --template FILE]`: with `--ui` (the
//! desk's pages, built by trunk from `crates/desk/ui`) it also serves them at
//! `/` and the map preview at `/preview/`, built from the widget of `--widget`
//! (default `dist/bilateral-map`) and `--template` (default
//! `www/bilateral-map.js`); without it, the API alone.

use std::path::PathBuf;
use std::process::ExitCode;

/// The command line: the corpus folder and where the pages come from.
struct Options {
    corpus: PathBuf,
    pages: Option<desk::Pages>,
}

fn options() -> Result<Options, String> {
    let mut corpus = PathBuf::from("corpus");
    let (mut ui, mut widget, mut template) = (None, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .map(PathBuf::from)
                .ok_or_else(|| format!("{name} needs a path"))
        };
        match arg.as_str() {
            "--ui" => ui = Some(value("--ui")?),
            "--widget" => widget = Some(value("--widget")?),
            "--template" => template = Some(value("--template")?),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path => corpus = PathBuf::from(path),
        }
    }
    let pages = ui.map(|ui| desk::Pages {
        ui,
        widget: widget.unwrap_or_else(|| PathBuf::from("dist/bilateral-map")),
        template: template.unwrap_or_else(|| PathBuf::from("www/bilateral-map.js")),
    });
    Ok(Options { corpus, pages })
}

#[tokio::main]
async fn main() -> ExitCode {
    let fail = |problem: String| {
        eprintln!("error: {problem}");
        ExitCode::FAILURE
    };
    let Options { corpus, pages } = match options() {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    if !corpus.join("articles").is_dir() || !corpus.join("gazetteer.toml").is_file() {
        return fail(format!(
            "{} holds no articles/ and gazetteer.toml",
            corpus.display()
        ));
    }
    let port = desk::ADDRESS
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8090);
    let desk = match pages {
        None => desk::Desk::new(&corpus, port),
        Some(pages) => match desk::Desk::with_pages(&corpus, port, pages) {
            Ok(d) => d,
            Err(e) => return fail(format!("the map preview: {e}")),
        },
    };
    let listener = match tokio::net::TcpListener::bind(desk::ADDRESS).await {
        Ok(l) => l,
        Err(e) => return fail(format!("cannot listen on {}: {e}", desk::ADDRESS)),
    };
    println!(
        "the editor's desk: http://{}/ over {}",
        desk::ADDRESS,
        corpus.display()
    );
    match axum::serve(listener, desk::app(desk)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e.to_string()),
    }
}
