//! Runs the `atlas` binary as a user would, on the seed corpus and on bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn atlas() -> Command {
    Command::cargo_bin("atlas").expect("the atlas binary is built by cargo test")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = atlas()
        .current_dir(repo_root())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The seed corpus exported as GeoJSON.
fn export() -> Value {
    let (ok, stdout, stderr) = run(&["export"]);
    assert!(ok, "{stderr}");
    serde_json::from_str(&stdout).expect("export prints JSON")
}

fn feature<'v>(collection: &'v Value, id: &str) -> &'v Value {
    collection["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["id"] == id)
        .unwrap_or_else(|| panic!("feature {id} missing from the export"))
}

/// An article file read straight from disk, not through the parser.
fn article_bytes(id: &str) -> Vec<u8> {
    std::fs::read(
        repo_root()
            .join("corpus/articles")
            .join(format!("{id}.txt")),
    )
    .unwrap()
}

mod check {
    use super::*;

    #[test]
    fn reports_every_seed_article_with_its_language_and_date() {
        let (ok, stdout, _) = run(&["check"]);
        assert!(ok);
        // Every article file in the folder (the seed's five, and any a
        // newsroom added), counted on disk.
        let files = std::fs::read_dir(repo_root().join("corpus/articles"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "txt")
            })
            .count();
        assert!(
            stdout.starts_with(&format!("articles: {files}\n")),
            "{stdout}"
        );
        for line in [
            "000_e351f906387beb49  lang ru  date 2025-08-22",
            "001_ad68650c150bda19  lang ru  date unknown",
            "002_bd4ca793529f8b37  lang kk  date 2025-08-22",
            "003_5045aca5878c5269  lang ru  date unknown",
            "004_fda6902e906f6d9b  lang ru  date 2024-02-01",
        ] {
            assert!(stdout.contains(line), "{line} missing from:\n{stdout}");
        }
        // The seed's Russian and Kazakh reports of the 2025-08-22 Supreme
        // Interstate Council (read in their texts) are one event.
        assert!(
            stdout.contains("  000_e351f906387beb49 = 002_bd4ca793529f8b37\n"),
            "{stdout}"
        );
        // No seed article has a warning.
        assert!(!stdout.contains("warning: 00"), "{stdout}");
    }

    #[test]
    fn fails_with_the_folder_named_when_it_is_missing() {
        let (ok, _, stderr) = run(&["check", "--articles", "/no/such/folder"]);
        assert!(!ok);
        assert!(
            stderr.starts_with("error: /no/such/folder: cannot read"),
            "{stderr}"
        );
    }
}

/// A folder of one new article naming a solar plant at Kemin, which the
/// gazetteer lacks, a curated crossing, and one that has no published
/// coordinates, and the article's text.
fn kemin_folder(tag: &str) -> (PathBuf, &'static str) {
    let dir = std::env::temp_dir().join(format!("atlas-proposed-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let text: &'static str = "---\ntitle: A plant at Kemin\ndate: 2025-10-02\nlang: en\n---\n\
                Kazakhstan will build a solar power plant near Kemin, the ministry said.\n\n\
                Trucks waited for hours at the Kordai checkpoint.\n\n\
                The Besagash checkpoint is being rebuilt.\n";
    std::fs::write(dir.join("100_kemin.txt"), text).unwrap();
    (dir, text)
}

mod export {
    use super::*;

    #[test]
    fn lists_the_features_the_articles_support() {
        let fc = export();
        assert_eq!(fc["type"], "FeatureCollection");
        let road = feature(&fc, "almaty-issyk-kul-road");
        assert_eq!(road["geometry"]["type"], "LineString");
        assert_eq!(road["properties"]["category"], "transport");
        for id in [
            "border-crossings",
            "trade-logistics-complex",
            "khan-tengri-tourism",
        ] {
            assert!(
                !feature(&fc, id)["properties"]["citations"]
                    .as_array()
                    .unwrap()
                    .is_empty()
            );
        }
        for city in ["astana", "bishkek", "almaty"] {
            assert_eq!(
                feature(&fc, city)["properties"]["category"],
                "meeting-venue"
            );
        }
        let enu = feature(&fc, "enu-branch-osh");
        assert_eq!(
            enu["properties"]["citations"][0]["article"],
            "002_bd4ca793529f8b37"
        );
        let kk = fc["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "002_bd4ca793529f8b37")
            .unwrap();
        assert_eq!(kk["lang"], "kk");
        assert_eq!(
            enu["properties"]["name"]["kk"],
            "Л.Н. Гумилев атындағы ЕҰУ-дың Ош филиалы"
        );
    }

    #[test]
    fn every_quote_is_verbatim_and_its_span_covers_the_mention() {
        let fc = export();
        let mut checked = 0;
        for f in fc["features"].as_array().unwrap() {
            for c in f["properties"]["citations"].as_array().unwrap() {
                let bytes = article_bytes(c["article"].as_str().unwrap());
                let quote = c["quote"].as_str().unwrap().as_bytes();
                let (start, end) = (
                    c["start"].as_u64().unwrap() as usize,
                    c["end"].as_u64().unwrap() as usize,
                );
                let at = bytes
                    .windows(quote.len())
                    .position(|w| w == quote)
                    .unwrap_or_else(|| panic!("quote not in its article: {c}"));
                assert!(start < end, "{c}");
                assert!(
                    at <= start && end <= at + quote.len(),
                    "span outside its quote: {c}"
                );
                let mention =
                    std::str::from_utf8(&bytes[start..end]).expect("span on char boundaries");
                assert!(!mention.trim().is_empty(), "{c}");
                checked += 1;
            }
        }
        assert!(checked >= 10, "only {checked} citations");
    }

    #[test]
    fn a_new_article_brings_its_features_with_it() {
        let dir = std::env::temp_dir().join(format!("atlas-new-article-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(repo_root().join("corpus/articles")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        let text = "---\ntitle: Queues at the border\ndate: 2025-10-02\nlang: en\n---\n\
                    Trucks waited for hours at the Kordai checkpoint on Thursday.\n";
        std::fs::write(dir.join("100_kordai.txt"), text).unwrap();
        let (ok, stdout, stderr) = run(&["export", "--articles", dir.to_str().unwrap()]);
        assert!(ok, "{stderr}");
        let fc: Value = serde_json::from_str(&stdout).unwrap();
        let kordai = feature(&fc, "kordai-ak-zhol");
        let citation = &kordai["properties"]["citations"][0];
        assert_eq!(citation["article"], "100_kordai");
        assert_eq!(
            citation["quote"],
            "Trucks waited for hours at the Kordai checkpoint on Thursday."
        );
        let start = citation["start"].as_u64().unwrap() as usize;
        let end = citation["end"].as_u64().unwrap() as usize;
        assert_eq!(&text[start..end], "Kordai");
    }

    /// A new article naming a thing the gazetteer lacks: the export carries
    /// the proposal, marked, beside the curated features.
    #[test]
    fn proposals_are_exported_marked_proposed() {
        let (dir, text) = kemin_folder("export");
        let (ok, stdout, stderr) = run(&["export", "--articles", dir.to_str().unwrap()]);
        assert!(ok, "{stderr}");
        let fc: Value = serde_json::from_str(&stdout).unwrap();
        let plant = feature(&fc, "proposed-solar-plant-kemin");
        assert_eq!(plant["properties"]["status"], "proposed");
        assert_eq!(plant["properties"]["precision"], "approximate");
        assert_eq!(plant["properties"]["category"], "energy-water");
        assert_eq!(plant["geometry"]["type"], "Point");
        let provenance = plant["properties"]["provenance"].as_str().unwrap();
        assert!(provenance.contains("placed at Kemin"), "{provenance}");
        assert!(provenance.contains("100_kemin.txt line 6"), "{provenance}");
        let citation = &plant["properties"]["citations"][0];
        let (start, end) = (
            citation["start"].as_u64().unwrap() as usize,
            citation["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], "solar power plant near Kemin");
        assert_eq!(
            feature(&fc, "kordai-ak-zhol")["properties"]["status"],
            "curated"
        );
    }

    #[test]
    fn unlocated_features_have_null_geometry() {
        let (dir, _) = kemin_folder("unlocated");
        let (ok, stdout, stderr) = run(&["export", "--articles", dir.to_str().unwrap()]);
        assert!(ok, "{stderr}");
        let fc: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(feature(&fc, "besagash")["geometry"], Value::Null);
        assert_eq!(
            feature(&fc, "besagash")["properties"]["precision"],
            "unlocated"
        );
    }
}

mod render {
    use super::*;

    #[test]
    fn the_fallback_lists_every_exported_feature_with_its_citations() {
        let (ok, html, stderr) = run(&["render", "--lang", "kk"]);
        assert!(ok, "{stderr}");
        assert!(html.starts_with("<div class=\"bm-fallback\" lang=\"kk\">"));
        let fc = export();
        for f in fc["features"].as_array().unwrap() {
            let id = f["properties"]["id"].as_str().unwrap();
            assert!(
                html.contains(&format!("data-feature-id=\"{id}\"")),
                "{id} missing"
            );
            assert!(
                html.contains(f["properties"]["name"]["kk"].as_str().unwrap()),
                "{id} name missing"
            );
        }
        let citations = fc["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["citations"].as_array().unwrap().len())
            .sum::<usize>();
        assert_eq!(html.matches("data-testid=\"citation\"").count(), citations);
        // The branch rule highlights the cue with the university's name.
        assert!(
            html.contains("<mark>Гумилев атындағы Еуразия ұлттық университетінің филиалы</mark>")
        );
        assert!(!html.contains("style="));
    }

    /// A proposal is drawn hollow and says in the list that it is not yet reviewed.
    #[test]
    fn a_proposal_is_marked_in_the_fallback() {
        let (dir, _) = kemin_folder("render");
        let (ok, html, stderr) = run(&[
            "render",
            "--lang",
            "ru",
            "--articles",
            dir.to_str().unwrap(),
        ]);
        assert!(ok, "{stderr}");
        let item = html
            .split("<li id=\"bm-fallback-proposed-solar-plant-kemin\"")
            .nth(1)
            .expect("the proposal is listed");
        let item = &item[..item.find("</li>").unwrap()];
        assert!(
            item.contains("<p class=\"bm-proposed\">Предложено по тексту статей, редакция ещё не проверила</p>"),
            "{item}"
        );
        let kordai = html
            .split("<li id=\"bm-fallback-kordai-ak-zhol\"")
            .nth(1)
            .unwrap();
        let kordai = &kordai[..kordai.find("</li>").unwrap()];
        assert!(!kordai.contains("bm-proposed"), "{kordai}");
    }

    #[test]
    fn an_unknown_language_is_refused() {
        let (ok, _, stderr) = run(&["render", "--lang", "de"]);
        assert!(!ok);
        assert!(stderr.contains("--lang de: use ru, kk or en"), "{stderr}");
    }
}

/// The derived crossings in the gazetteer are what `atlas border-point`
/// prints for the place their provenance names: rerunning the derivation
/// after a basemap change shows where the data went stale.
/// The seed articles in `DIR/articles` and a decisions file beside them.
fn decided_folder(tag: &str, decisions: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-decided-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    for entry in std::fs::read_dir(repo_root().join("corpus/articles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("articles").join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("decisions.toml"), decisions).unwrap();
    dir
}

const REJECT_ALMATY: &str = "[[decision]]\narticle = \"004_fda6902e906f6d9b\"\nfeature = \"almaty\"\n\
    sentence = \"в рамках рабочего визита в город Алматы\"\nverdict = \"reject\"\ndate = \"2026-12-03\"\n";

/// The editor's decisions beside the articles folder apply to what atlas
/// exports and checks; a stale one stops it with its line.
mod decisions {
    use super::*;

    #[test]
    fn a_rejected_link_is_gone_from_the_export() {
        assert!(
            feature(&export(), "almaty")["properties"]["citations"]
                .as_array()
                .is_some()
        );
        let dir = decided_folder("reject", REJECT_ALMATY);
        let articles = dir.join("articles");
        let (ok, stdout, stderr) = run(&["export", "--articles", articles.to_str().unwrap()]);
        assert!(ok, "{stderr}");
        let fc: Value = serde_json::from_str(&stdout).unwrap();
        let ids: Vec<&str> = fc["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["id"].as_str().unwrap())
            .collect();
        assert!(!ids.contains(&"almaty"), "{ids:?}");
        assert!(ids.contains(&"bishkek"), "{ids:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_decision_on_a_missing_sentence_stops_check_with_its_line() {
        let stale = REJECT_ALMATY.replace("в город Алматы", "в город Ош");
        let dir = decided_folder("stale", &format!("# one\n\n{stale}"));
        let articles = dir.join("articles");
        let (ok, _, stderr) = run(&["check", "--articles", articles.to_str().unwrap()]);
        assert!(!ok);
        let file = dir.join("decisions.toml");
        assert_eq!(
            stderr.trim(),
            format!(
                "error: {}:3: no sentence of `004_fda6902e906f6d9b` holds «в рамках рабочего визита в город Ош» (the article changed, or the quote is not verbatim)",
                file.display()
            )
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn derived_border_points_match_the_command_that_derived_them() {
    let gazetteer = std::fs::read_to_string(repo_root().join("corpus/gazetteer.toml")).unwrap();
    let mut checked = 0;
    for block in gazetteer.split("[[entry]]") {
        let Some(at) = block.find("Derived with `atlas border-point --near ") else {
            continue;
        };
        let rest = &block[at + "Derived with `atlas border-point --near ".len()..];
        let near = &rest[..rest.find('`').unwrap()];
        let point = block.lines().find(|l| l.starts_with("point = ")).unwrap();
        let (ok, stdout, stderr) = run(&["border-point", "--near", near]);
        assert!(ok, "{stderr}");
        assert_eq!(stdout.lines().next(), Some(point), "near {near}");
        checked += 1;
    }
    assert_eq!(checked, 3);
}

#[test]
fn a_border_point_needs_a_place_with_a_point() {
    let (ok, _, stderr) = run(&["border-point", "--near", "besagash"]);
    assert!(!ok);
    assert!(
        stderr.contains("no entry `besagash` with a point"),
        "{stderr}"
    );
}
