//! The bad-input table of issue 3, row by row: each row is a real file in a
//! corpus folder, loaded the way `build.rs` and `atlas` load it.

use std::path::{Path, PathBuf};

use bilateral_core::Corpus;
use bilateral_core::lang::Lang;

/// A fresh corpus folder holding one good article plus `files`.
fn corpus_with(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bilateral-bad-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("good.txt"), "Президенты встретились в Бишкеке.").unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).unwrap();
    }
    dir
}

fn gazetteer() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml")
}

fn load(dir: &Path) -> Result<Corpus, String> {
    Corpus::load(dir, &gazetteer()).map_err(|e| e.to_string())
}

fn error_for(name: &str, file: &str, bytes: &[u8]) -> String {
    let dir = corpus_with(name, &[(file, bytes)]);
    load(&dir).expect_err("a bad file fails the corpus")
}

#[test]
fn empty_file() {
    let err = error_for("empty", "empty.txt", b"");
    assert!(err.ends_with("empty.txt:1: the file is empty"), "{err}");
}

#[test]
fn whitespace_only() {
    let err = error_for("blank", "blank.txt", b" \n\t \r\n");
    assert!(
        err.ends_with("blank.txt:1: the file holds only white space"),
        "{err}"
    );
}

#[test]
fn windows_1251_bytes() {
    // "Бишкек" in Windows-1251 on line 2.
    let err = error_for("cp1251", "cp1251.txt", b"ok\n\xC1\xE8\xF8\xEA\xE5\xEA");
    assert!(
        err.contains("cp1251.txt:2: the file is not UTF-8 text"),
        "{err}"
    );
    assert!(err.contains("Windows-1251"), "{err}");
}

#[test]
fn byte_order_mark() {
    let dir = corpus_with(
        "bom",
        &[("bom.txt", "\u{feff}Встреча прошла в Оше.".as_bytes())],
    );
    let corpus = load(&dir).unwrap();
    let a = corpus.articles.iter().find(|a| a.id == "bom").unwrap();
    assert_eq!(a.sentence_text(0), "Встреча прошла в Оше.");
    assert!(corpus.feature("osh").is_some());
}

#[test]
fn crlf_line_ends() {
    let text = " date 2025-08-22 Заголовок\r\n\r\nВстреча прошла в Астане.\r\nСтороны обсудили торговлю.\r\n";
    let dir = corpus_with("crlf", &[("crlf.txt", text.as_bytes())]);
    let corpus = load(&dir).unwrap();
    let a = corpus.articles.iter().find(|a| a.id == "crlf").unwrap();
    assert_eq!(a.title, "Заголовок");
    assert_eq!(a.sentence_text(1), "Встреча прошла в Астане.");
    assert!(!a.sentence_text(2).contains('\r'));
}

#[test]
fn a_20_mb_file() {
    let big = "Текст статьи. ".repeat(20 * 1024 * 1024 / 26);
    let err = error_for("big", "big.txt", big.as_bytes());
    assert!(err.contains("big.txt:1: the file is"), "{err}");
    assert!(
        err.contains("more than the 1048576 bytes one article may have"),
        "{err}"
    );
}

#[test]
fn html_tags_and_a_javascript_url() {
    let text = "Встреча <b>прошла</b> в Оше. <script>alert(1)</script>\n\nСсылка на новость: javascript:alert(1)\n";
    let dir = corpus_with("html", &[("html.txt", text.as_bytes())]);
    let corpus = load(&dir).unwrap();
    let a = corpus.articles.iter().find(|a| a.id == "html").unwrap();
    assert_eq!(a.url, None, "a javascript: link is never a source URL");
    assert_eq!(a.warnings.len(), 2);
    assert!(a.warnings[0].message.contains("HTML markup"));
    assert!(
        a.warnings[1]
            .message
            .contains("not an http or https address")
    );
    assert_eq!(a.lang, Lang::Ru);
}

#[test]
fn unknown_front_matter_key() {
    let err = error_for("fm", "fm.txt", b"---\ntitle: T\nauthor: A\n---\nText.");
    assert!(err.ends_with("fm.txt:3: unknown front-matter key `author` (known keys: title, date, url, lang, source)"), "{err}");
}

#[test]
fn two_files_with_the_same_id() {
    let err = error_for("dup", "GOOD.txt", "Другой текст.".as_bytes());
    assert!(
        err.contains("article id `good` is already used by"),
        "{err}"
    );
}

#[test]
fn every_bad_file_is_reported_at_once() {
    let dir = corpus_with(
        "many",
        &[
            ("a.txt", b""),
            ("b.txt", b"\xff"),
            ("c.txt", b"---\nx: 1\n---\nT."),
        ],
    );
    let err = load(&dir).unwrap_err();
    assert_eq!(err.lines().count(), 3, "{err}");
}
