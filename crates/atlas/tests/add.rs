//! `atlas add` (issue 19) on saved pages of three site layouts and on an RSS
//! and an Atom feed: fixtures written for these tests (tests/fixtures/add/),
//! not copies of third-party pages.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/add")
}

fn folder(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-add-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Runs `atlas add FIXTURES --out DIR`: (success, stdout, stderr).
fn add(files: &[&str], out: &Path) -> (bool, String, String) {
    let paths: Vec<PathBuf> = files.iter().map(|f| fixtures().join(f)).collect();
    add_paths(&paths, out)
}

/// Runs `atlas add PATHS --out DIR`: (success, stdout, stderr).
fn add_paths(paths: &[PathBuf], out: &Path) -> (bool, String, String) {
    let o = Command::cargo_bin("atlas")
        .unwrap()
        .arg("add")
        .args(paths)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

/// Every file written into `dir`, as text, by name.
fn written(dir: &Path) -> Vec<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn one_page(file: &str) -> String {
    let dir = folder(file);
    let (ok, stdout, stderr) = add(&[file], &dir);
    assert!(ok, "{stdout}{stderr}");
    let files = written(&dir);
    assert_eq!(files.len(), 1, "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
    files.into_iter().next().unwrap()
}

/// The body after the front matter.
fn body(file: &str) -> &str {
    file.splitn(3, "---\n").nth(2).unwrap()
}

#[test]
fn a_portal_page_gives_its_article_not_its_menus() {
    let f = one_page("portal-ru.html");
    assert!(f.starts_with(
        "---\ntitle: \"Казахстан и Кыргызстан откроют новый пункт пропуска\"\ndate: 2025-09-14\n\
         url: https://news-stepi.example.kz/2025/09/14/punkt-propuska\nlang: ru\nsource: \"Новости Степи\"\n---\n"
    ), "{f}");
    let text = body(&f);
    assert!(
        text.starts_with("Правительства Казахстана и Кыргызстана договорились открыть"),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with("цифровыми очередями на переходах."),
        "{text}"
    );
    assert_eq!(text.matches("\n\n").count(), 2, "three paragraphs: {text}");
    for menu in [
        "Главная",
        "Погода",
        "Популярное",
        "Поделиться",
        "Все права",
        "Курс доллара",
    ] {
        assert!(!text.contains(menu), "{menu} in {text}");
    }
}

#[test]
fn a_blog_layout_without_a_declared_language() {
    let dir = folder("blog");
    let (ok, stdout, _) = add(&["blog-en.html"], &dir);
    assert!(ok);
    assert!(
        stdout.contains("  not found: a declared language (told from the letters)"),
        "{stdout}"
    );
    let f = written(&dir).remove(0);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(f.contains("\ndate: 2025-10-02\n"), "the JSON-LD date: {f}");
    assert!(
        f.contains("\nurl: https://ca-wire.example.com/energy/solar-plant-issyk-kul\n"),
        "og:url: {f}"
    );
    assert!(f.contains("\nlang: en\n"), "{f}");
    let text = body(&f);
    assert!(
        text.starts_with("A Kazakh energy company will finance"),
        "{text}"
    );
    assert!(text.contains("near the village of Toru-Aygyr"), "{text}");
    for noise in [
        "Sign in",
        "Subscribe",
        "About us",
        "Comments",
        "Great news",
        "Cookie",
    ] {
        assert!(!text.contains(noise), "{noise} in {text}");
    }
}

#[test]
fn an_agency_layout_of_divs_in_kazakh() {
    let f = one_page("agency-kk.html");
    assert!(
        f.contains("\nlang: kk\n") && f.contains("\ndate: 2025-11-20\n"),
        "{f}"
    );
    let text = body(&f);
    assert!(
        text.starts_with("Алматы мен Бішкек арасында электр автобустарының"),
        "{text}"
    );
    assert!(text.contains("Қордай өткізу пункті арқылы"), "{text}");
    for noise in [
        "Басты бет",
        "Русский",
        "Көп оқылғандар",
        "Ауа райы",
        "құқықтар қорғалған",
        "Тегтер",
    ] {
        assert!(!text.contains(noise), "{noise} in {text}");
    }
}

#[test]
fn each_entry_of_an_rss_and_an_atom_feed_is_an_article() {
    let dir = folder("feeds");
    let (ok, stdout, stderr) = add(&["feed-rss.xml", "feed-atom.xml"], &dir);
    assert!(ok, "{stderr}");
    assert_eq!(stdout.matches("added ").count(), 4, "{stdout}");
    assert!(
        stdout.contains("  not found: the entry's full text (only its summary is in the feed)"),
        "{stdout}"
    );
    let files = written(&dir).join("\n=====\n");
    for expected in [
        "title: \"Queues ease at the Kordai checkpoint\"\ndate: 2025-08-22\nurl: https://border-desk.example.org/2025/08/kordai-queues\nlang: en\nsource: \"Border Desk\"",
        "Truck queues at the Kordai checkpoint on the Kazakh–Kyrgyz border have eased",
        "title: \"Ministers discuss the Almaty – Issyk-Kul road\"\ndate: 2025-09-08",
        "title: \"В Оше открылся филиал Евразийского университета\"\ndate: 2025-11-28\nurl: https://vesti-ala-too.example.kg/news/osh-filial\nlang: ru\nsource: \"Вести Ала-Тоо\"",
        "Первые студенты начнут занятия в феврале.",
        // No <published>: the entry's <updated> date.
        "title: \"Пограничники обсудили работу переходов\"\ndate: 2025-12-01",
    ] {
        assert!(files.contains(expected), "{expected}\nnot in\n{files}");
    }
    assert!(
        !files.contains("<p>") && !files.contains("&lt;"),
        "markup left: {files}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// What `atlas add` writes, `atlas check` reads, and links.
#[test]
fn atlas_check_accepts_what_was_added() {
    let dir = folder("check");
    let all = [
        "portal-ru.html",
        "blog-en.html",
        "agency-kk.html",
        "feed-rss.xml",
        "feed-atom.xml",
    ];
    let (ok, ..) = add(&all, &dir);
    assert!(ok);
    let o = Command::cargo_bin("atlas")
        .unwrap()
        .args(["check", "--articles"])
        .arg(&dir)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .output()
        .unwrap();
    let stdout = String::from_utf8(o.stdout).unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout.starts_with("articles: 7\n"), "{stdout}");
    assert!(stdout.contains("warnings: 0"), "{stdout}");
    for linked in ["kordai-ak-zhol", "enu-branch-osh", "almaty-issyk-kul-road"] {
        assert!(stdout.contains(linked), "{linked} not linked: {stdout}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn what_is_already_in_the_corpus_is_skipped() {
    let dir = folder("again");
    assert!(add(&["portal-ru.html", "feed-rss.xml"], &dir).0);
    let (ok, stdout, _) = add(&["feed-rss.xml"], &dir);
    assert!(ok);
    assert_eq!(stdout.matches("skipped «").count(), 2, "{stdout}");
    assert!(
        stdout.contains(
            "skipped «Queues ease at the Kordai checkpoint»: its URL is already in the corpus, as `"
        ),
        "{stdout}"
    );
    // The same text under another address.
    let moved = std::fs::read_to_string(fixtures().join("portal-ru.html"))
        .unwrap()
        .replace(
            "news-stepi.example.kz/2025/09/14/punkt-propuska",
            "mirror.example.kz/copy",
        );
    let copy = dir.with_extension("copy.html");
    std::fs::write(&copy, moved).unwrap();
    let (_, stdout, _) = add_paths(std::slice::from_ref(&copy), &dir);
    assert!(
        stdout.contains("its text is already in the corpus"),
        "{stdout}"
    );
    assert_eq!(written(&dir).len(), 3);
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_file(&copy).unwrap();
}

#[test]
fn inputs_that_hold_no_article_are_named_and_the_rest_still_go_in() {
    let dir = folder("bad");
    let menu = dir.with_extension("menu.html");
    std::fs::write(
        &menu,
        "<html><body><nav><a href=\"/\">Home</a> <a href=\"/x\">News</a></nav></body></html>",
    )
    .unwrap();
    let plain = dir.with_extension("plain.txt");
    std::fs::write(&plain, "just some words").unwrap();
    let inputs = [
        menu.clone(),
        plain.clone(),
        fixtures().join("agency-kk.html"),
    ];
    let (ok, _, stderr) = add_paths(&inputs, &dir);
    assert!(!ok);
    assert!(
        stderr.contains(&format!(
            "error: {}: no article text found in the page (Readability found «Home News»",
            menu.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "error: {}: neither an HTML page nor an RSS or Atom feed",
            plain.display()
        )),
        "{stderr}"
    );
    assert_eq!(written(&dir).len(), 1, "the good page still went in");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_file(&menu).unwrap();
    std::fs::remove_file(&plain).unwrap();
}

/// A one-page web server on 127.0.0.1 (a thread, plain HTTP/1.1): `/page`
/// is the portal fixture without an address of its own; anything else, 404.
fn serve_once(requests: usize) -> String {
    use std::io::{BufRead, BufReader, Write};
    let page = std::fs::read_to_string(fixtures().join("portal-ru.html"))
        .unwrap()
        .lines()
        .filter(|l| !l.contains("rel=\"canonical\"") && !l.contains("og:url"))
        .collect::<Vec<_>>()
        .join("\n");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let mut stream = stream.unwrap();
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut line).unwrap();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap() == 0 || header == "\r\n" {
                    break;
                }
            }
            let (status, body) = if line.starts_with("GET /page ") {
                ("200 OK", page.as_str())
            } else {
                ("404 Not Found", "no such page")
            };
            let answer = format!(
                "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(answer.as_bytes()).unwrap();
        }
    });
    address
}

#[test]
fn an_address_is_fetched_and_the_page_keeps_it_as_its_url() {
    let base = serve_once(2);
    let dir = folder("url");
    let page = format!("{base}/page");
    let missing = format!("{base}/gone");
    let (_, stdout, stderr) = add_paths(&[PathBuf::from(&page), PathBuf::from(&missing)], &dir);
    let files = written(&dir);
    assert_eq!(files.len(), 1, "{stdout}{stderr}");
    assert!(
        files[0].contains(&format!("\nurl: {page}\n")),
        "{}",
        files[0]
    );
    assert!(files[0].contains("Правительства Казахстана и Кыргызстана договорились открыть"));
    assert!(!files[0].contains("Курс доллара"), "the ticker stays out");
    assert!(
        stderr.contains(&missing) && stderr.contains("cannot fetch"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
