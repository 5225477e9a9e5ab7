//! The desk's server (issue 19), driven through its router as a browser
//! would: lists, an article, decisions saved, and every refusal its safety
//! rules promise.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:8090";
const ORIGIN: &str = "http://127.0.0.1:8090";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A copy of the seed corpus in a folder of its own.
fn corpus(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("desk-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    for f in ["gazetteer.toml", "places.tsv", "decisions.toml"] {
        std::fs::copy(root().join("corpus").join(f), dir.join(f)).unwrap();
    }
    for e in std::fs::read_dir(root().join("corpus/articles")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join("articles").join(p.file_name().unwrap())).unwrap();
    }
    dir
}

fn app(dir: &Path) -> axum::Router {
    desk::app(desk::Desk::new(dir, 8090))
}

async fn send(
    app: &axum::Router,
    method: &str,
    uri: &str,
    host: &str,
    origin: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("host", host);
    if let Some(o) = origin {
        req = req.header("origin", o);
    }
    let req = match body {
        Some(b) => req
            .header("content-type", "application/json")
            .body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24)
        .await
        .unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// A change sent from the desk's own page.
async fn post(app: &axum::Router, uri: &str, body: Value) -> (StatusCode, Value) {
    send(app, "POST", uri, HOST, Some(ORIGIN), Some(body)).await
}

/// A read by the desk's own page: status and body.
async fn fetch(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    send(app, "GET", uri, HOST, None, None).await
}

async fn get(app: &axum::Router, uri: &str) -> Value {
    let (status, v) = fetch(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {v}");
    v
}

fn reject_almaty() -> Value {
    json!({
        "article": "004_fda6902e906f6d9b",
        "feature": "almaty",
        "sentence": "в рамках рабочего визита в город Алматы",
        "verdict": "reject",
        "note": "a visit, not a project",
        "date": "2026-12-03"
    })
}

#[tokio::test]
async fn the_list_shows_every_article_with_its_links_and_state() {
    let dir = corpus("list");
    let app = app(&dir);
    let all = get(&app, "/api/articles").await;
    assert_eq!(all["total"], 5);
    let rows = all["articles"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["state"] == "unreviewed"));
    assert_eq!(rows[0]["date"], "2025-08-22", "newest first: {all}");
    let found = get(
        &app,
        "/api/articles?q=%D0%BA%D0%BE%D1%88%D0%B5%D1%80%D0%B1%D0%B0%D0%B5%D0%B2",
    )
    .await;
    assert_eq!(found["total"], 1, "a title search (кошербаев): {found}");
    assert_eq!(found["articles"][0]["id"], "003_5045aca5878c5269");
    assert_eq!(get(&app, "/api/articles?state=reviewed").await["total"], 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn an_article_comes_with_its_links_at_their_words() {
    let dir = corpus("one");
    let app = app(&dir);
    let a = get(&app, "/api/articles/004_fda6902e906f6d9b").await;
    let text = a["text"].as_str().unwrap();
    let almaty = a["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["feature"] == "almaty")
        .expect("almaty is linked");
    let (start, end) = (
        almaty["start"].as_u64().unwrap() as usize,
        almaty["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Алматы");
    let (status, _) = fetch(&app, "/api/articles/no_such_article").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_rejected_link_is_saved_and_gone() {
    let dir = corpus("reject");
    let app = app(&dir);
    let (status, v) = post(&app, "/api/decisions", reject_almaty()).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{v}");
    let saved = std::fs::read_to_string(dir.join("decisions.toml")).unwrap();
    assert!(
        saved.contains("[[decision]]\narticle = \"004_fda6902e906f6d9b\"\nfeature = \"almaty\"\n"),
        "{saved}"
    );
    assert!(
        saved.contains("note = \"a visit, not a project\""),
        "{saved}"
    );
    let a = get(&app, "/api/articles/004_fda6902e906f6d9b").await;
    assert!(
        a["links"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["feature"] != "almaty"),
        "{a}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_foreign_host_or_origin_is_refused_and_nothing_is_written() {
    let dir = corpus("foreign");
    let app = app(&dir);
    let before = std::fs::read_to_string(dir.join("decisions.toml")).unwrap();
    // DNS rebinding: another name pointed at 127.0.0.1.
    let (status, v) = send(
        &app,
        "GET",
        "/api/articles",
        "evil.example:8090",
        None,
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        v["error"],
        "the desk answers only to its own address (Host)"
    );
    // CSRF: another site's page posting to the desk, or a post with no Origin.
    for origin in [
        Some("https://evil.example"),
        Some("http://127.0.0.1:9999"),
        None,
    ] {
        let (status, v) = send(
            &app,
            "POST",
            "/api/decisions",
            HOST,
            origin,
            Some(reject_almaty()),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{origin:?}");
        assert_eq!(
            v["error"],
            "changes are taken only from the desk's own page (Origin)"
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("decisions.toml")).unwrap(),
        before
    );
    // localhost is the desk too.
    let (status, _) = send(&app, "GET", "/api/articles", "localhost:8090", None, None).await;
    assert_eq!(status, StatusCode::OK);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_path_in_an_article_id_is_refused() {
    let dir = corpus("traversal");
    let app = app(&dir);
    let (status, v) = fetch(&app, "/api/articles/..%2F..%2Fetc%2Fpasswd").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(v["error"], "`../../etc/passwd` is not an article id");
    let mut bad = reject_almaty();
    bad["article"] = json!("../gazetteer");
    let (status, v) = post(&app, "/api/decisions", bad).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{v}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_decision_that_names_nothing_real_is_refused_and_not_written() {
    let dir = corpus("stale");
    let app = app(&dir);
    let before = std::fs::read_to_string(dir.join("decisions.toml")).unwrap();
    let mut stale = reject_almaty();
    stale["sentence"] = json!("в город Ош");
    let (status, v) = post(&app, "/api/decisions", stale).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .contains("no sentence of `004_fda6902e906f6d9b` holds «в город Ош»"),
        "{v}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("decisions.toml")).unwrap(),
        before
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Sixteen tabs saving at once: every decision is in the file.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_saves_lose_no_decision() {
    let dir = corpus("concurrent");
    let app = app(&dir);
    let a = get(&app, "/api/articles/001_ad68650c150bda19").await;
    let text = a["text"].as_str().unwrap().to_string();
    let quotes: Vec<String> = a["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
                .to_string()
        })
        .take(16)
        .collect();
    assert_eq!(quotes.len(), 16);
    let tasks: Vec<_> = quotes
        .iter()
        .map(|q| {
            let app = app.clone();
            let body = json!({"article": "001_ad68650c150bda19", "feature": "bishkek", "sentence": q, "verdict": "reject", "date": "2026-12-03"});
            tokio::spawn(async move { post(&app, "/api/decisions", body).await.0 })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::NO_CONTENT);
    }
    let saved = bilateral_core::decisions::Decisions::load(&dir.join("decisions.toml")).unwrap();
    assert_eq!(saved.decisions.len(), 16);
    for q in &quotes {
        assert!(
            saved.decisions.iter().any(|d| &d.sentence == q),
            "lost: {q}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_reviewed_article_shows_as_changed_once_its_file_changes() {
    let dir = corpus("review");
    let app = app(&dir);
    let body = json!({"article": "004_fda6902e906f6d9b", "date": "2026-12-03"});
    let (status, _) = post(&app, "/api/reviewed", body).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        get(&app, "/api/articles/004_fda6902e906f6d9b").await["state"],
        "reviewed"
    );
    assert_eq!(get(&app, "/api/articles?state=reviewed").await["total"], 1);
    let file = dir.join("articles/004_fda6902e906f6d9b.txt");
    let edited = std::fs::read_to_string(&file).unwrap() + "\nДобавлен абзац.\n";
    std::fs::write(&file, edited).unwrap();
    assert_eq!(
        get(&app, "/api/articles/004_fda6902e906f6d9b").await["state"],
        "changed"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// An article in which the engine proposes a solar plant at Kemin.
fn kemin(dir: &Path) {
    std::fs::write(
        dir.join("articles/100_kemin.txt"),
        "---\ntitle: A plant at Kemin\ndate: 2025-10-02\nlang: en\n---\n\
         Kazakhstan will build a solar power plant near Kemin, the ministry of Kyrgyzstan said.\n",
    )
    .unwrap();
}

#[tokio::test]
async fn an_accepted_proposal_becomes_a_curated_feature() {
    let dir = corpus("accept");
    kemin(&dir);
    let app = app(&dir);
    // The point sent back as the desk shows it (5 decimals): not a move.
    let body = json!({"date": "2026-12-03", "point": {"lat": 42.78611, "lon": 75.69167}});
    let (status, v) = post(
        &app,
        "/api/proposals/proposed-solar-plant-kemin/accept",
        body.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["entry"], "solar-plant-kemin");
    let gazetteer = std::fs::read_to_string(dir.join("gazetteer.toml")).unwrap();
    assert!(
        gazetteer.contains("\n[[entry]]\nid = \"solar-plant-kemin\"\nkind = \"project\""),
        "appended"
    );
    assert!(!gazetteer.contains("The editor set the point"), "not moved");
    let a = get(&app, "/api/articles/100_kemin").await;
    assert!(
        a["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["feature"] == "solar-plant-kemin"),
        "{a}"
    );
    // Proposed no more: a second accept finds nothing to accept.
    let (status, v) = post(
        &app,
        "/api/proposals/proposed-solar-plant-kemin/accept",
        body,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{v}");
    assert!(!dir.join("gazetteer.toml.saving").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// What the engine proposes and what the gazetteer may lack, beside an
/// article and counted in the list; the gazetteer search for an added link.
#[tokio::test]
async fn proposals_and_candidates_come_with_the_article() {
    let dir = corpus("beside");
    let text = "---\ntitle: A plant at Kemin\ndate: 2025-10-02\nlang: ru\n---\n\
                Казахстан построит солнечную электростанцию в Кемине, сообщили в министерстве Кыргызстана.\n\n\
                Затем делегация прибыла в Жетыген.\n";
    std::fs::write(dir.join("articles/100_kemin.txt"), text).unwrap();
    let app = app(&dir);
    let a = get(&app, "/api/articles/100_kemin").await;
    let p = &a["proposals"][0];
    assert_eq!(p["id"], "proposed-solar-plant-kemin", "{a}");
    let words = &text[p["start"].as_u64().unwrap() as usize..p["end"].as_u64().unwrap() as usize];
    assert_eq!(words, "солнечную электростанцию в Кемине");
    let c = &a["candidates"][0];
    assert_eq!(
        (c["name"].as_str(), c["shape"].as_str()),
        (Some("Жетыген"), Some("town")),
        "{a}"
    );
    let list = get(&app, "/api/articles?q=plant").await;
    let row = &list["articles"][0];
    assert_eq!(
        (
            row["id"].as_str(),
            row["proposals"].as_u64(),
            row["candidates"].as_u64()
        ),
        (Some("100_kemin"), Some(1), Some(1)),
        "{list}"
    );
    let found = get(&app, "/api/entries?q=%D0%BA%D0%BE%D1%80%D0%B4%D0%B0%D0%B9").await;
    let ids: Vec<&str> = found["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"kordai-ak-zhol"), "кордай: {ids:?}");
    let regions = get(&app, "/api/entries?q=region").await;
    assert!(
        regions["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| !e["id"].as_str().unwrap().ends_with("-region")),
        "areas are never linked: {regions}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn the_api_alone_serves_no_pages() {
    let dir = corpus("nopages");
    let app = app(&dir);
    for uri in ["/", "/index.html", "/preview/"] {
        let (status, _) = fetch(&app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn an_added_article_is_written_checked_and_a_duplicate_refused() {
    let dir = corpus("add");
    let app = app(&dir);
    let pasted = json!({
        "title": "Бишкек и Астана обсудили дорогу",
        "date": "2026-11-30",
        "lang": "ru",
        "url": "https://example.invalid/news/road",
        "source": "Тестовое агентство",
        "text": "Министры Казахстана и Кыргызстана обсудили в Бишкеке\nстроительство дороги.\n\nВстреча прошла в среду."
    });
    let (status, v) = post(&app, "/api/articles", pasted.clone()).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let id = v["id"].as_str().unwrap().to_string();
    assert_eq!(v["missing"], json!([]));
    let file = std::fs::read_to_string(dir.join("articles").join(format!("{id}.txt"))).unwrap();
    assert!(file.ends_with("---\nМинистры Казахстана и Кыргызстана обсудили в Бишкеке строительство дороги.\n\nВстреча прошла в среду.\n"), "{file}");
    let listed = get(&app, "/api/articles").await;
    assert_eq!(listed["total"], 6);
    let one = get(&app, &format!("/api/articles/{id}")).await;
    assert!(
        one["links"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["feature"] == "bishkek"),
        "{one}"
    );

    let (status, v) = post(&app, "/api/articles", pasted).await;
    assert_eq!(status, StatusCode::CONFLICT, "the same URL again: {v}");
    assert!(v["error"].as_str().unwrap().contains(&id), "{v}");

    let page =
        std::fs::read_to_string(root().join("crates/atlas/tests/fixtures/add/portal-ru.html"))
            .unwrap();
    let (status, v) = post(&app, "/api/articles", json!({ "html": page })).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let saved = std::fs::read_to_string(
        dir.join("articles")
            .join(format!("{}.txt", v["id"].as_str().unwrap())),
    )
    .unwrap();
    assert!(saved.contains("source: \"Новости Степи\""), "{saved}");
    assert!(
        saved.contains("Правительства Казахстана и Кыргызстана договорились открыть"),
        "{saved}"
    );
    assert!(!saved.contains("Главная"), "the menu stays out: {saved}");

    for (form, problem) in [
        (json!({ "title": "x" }), "no text"),
        (
            json!({ "text": "Текст.", "date": "30.11.2026" }),
            "YYYY-MM-DD",
        ),
        (json!({ "text": "Текст.", "lang": "de" }), "ru, kk or en"),
    ] {
        let (status, v) = post(&app, "/api/articles", form).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v["error"].as_str().unwrap().contains(problem), "{v}");
    }
    let (status, _) = send(
        &app,
        "POST",
        "/api/articles",
        HOST,
        Some("http://evil.example"),
        Some(json!({ "text": "Текст." })),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(std::fs::read_dir(dir.join("articles")).unwrap().count(), 7);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A built widget's code as `make build` leaves it (stand-in bytes), the
/// desk's pages, and the real loader template.
fn pages(dir: &Path) -> desk::Pages {
    let widget = dir.join("widget");
    let ui = dir.join("ui");
    std::fs::create_dir_all(&widget).unwrap();
    std::fs::create_dir_all(&ui).unwrap();
    for (name, text) in [
        (
            "bilateral_map-0123456789abcdef.js",
            "export default function init() {}",
        ),
        ("bilateral_map-0123456789abcdef_bg.wasm", "\0asm"),
        ("widget-0123456789abcdef.css", ".bm{}"),
        ("bilateral-map.css", "bilateral-map{display:block}"),
    ] {
        std::fs::write(widget.join(name), text).unwrap();
    }
    std::fs::write(ui.join("index.html"), "<!doctype html><title>desk</title>").unwrap();
    std::fs::copy(root().join("corpus/basemap.json"), dir.join("basemap.json")).unwrap();
    desk::Pages {
        ui,
        widget,
        template: root().join("www/bilateral-map.js"),
    }
}

async fn text_of(app: &axum::Router, uri: &str) -> (StatusCode, String, String) {
    let req = Request::builder()
        .uri(uri)
        .header("host", HOST)
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let kind = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24)
        .await
        .unwrap();
    (status, kind, String::from_utf8_lossy(&bytes).into_owned())
}

/// The corpus index the preview's module names.
fn index_name(module: &str) -> String {
    let at = module.find("corpus-").expect("the module names the index");
    module[at..at + "corpus-".len() + 16 + ".bin".len()].to_string()
}

#[tokio::test]
async fn the_pages_and_a_preview_that_follows_each_decision_are_served() {
    let dir = corpus("pages");
    let pages = pages(&dir);
    let app = desk::app(desk::Desk::with_pages(&dir, 8090, pages).unwrap());
    let (status, kind, page) = text_of(&app, "/").await;
    assert_eq!(
        (status, kind.as_str()),
        (StatusCode::OK, "text/html"),
        "{page}"
    );
    assert!(page.contains("<title>desk</title>"));
    let (status, _, preview) = text_of(&app, "/preview/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        preview.contains("<bilateral-map lang=\"ru\"></bilateral-map>"),
        "{preview}"
    );
    let (_, _, english) = text_of(&app, "/preview/en.html").await;
    assert!(
        english.contains("<bilateral-map lang=\"en\"></bilateral-map>"),
        "{english}"
    );
    let (_, kind, module) = text_of(&app, "/preview/bilateral-map/bilateral-map.js").await;
    assert!(kind.starts_with("text/javascript"), "{kind}");
    assert!(
        module.contains("bilateral_map-0123456789abcdef_bg.wasm"),
        "{module}"
    );
    let before = index_name(&module);
    let (status, kind, _) = text_of(&app, &format!("/preview/bilateral-map/{before}")).await;
    assert_eq!(
        (status, kind.as_str()),
        (StatusCode::OK, "application/octet-stream")
    );
    let (_, kind, _) = text_of(
        &app,
        "/preview/bilateral-map/bilateral_map-0123456789abcdef_bg.wasm",
    )
    .await;
    assert_eq!(kind, "application/wasm");

    let (status, v) = post(&app, "/api/decisions", reject_almaty()).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{v}");
    let (_, _, module) = text_of(&app, "/preview/bilateral-map/bilateral-map.js").await;
    let after = index_name(&module);
    assert_ne!(
        before, after,
        "the preview's index is rebuilt with the decision"
    );
    assert_eq!(
        text_of(&app, &format!("/preview/bilateral-map/{before}"))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        text_of(&app, &format!("/preview/bilateral-map/{after}"))
            .await
            .0,
        StatusCode::OK
    );
    for uri in [
        "/preview/../gazetteer.toml",
        "/../gazetteer.toml",
        "/preview/%2e%2e/decisions.toml",
    ] {
        let (status, _, body) = text_of(&app, uri).await;
        assert!(
            !body.contains("[[entry]]") && !body.contains("verdict"),
            "{uri}: {body}"
        );
        assert_ne!(status, StatusCode::OK, "{uri}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_rejected_proposal_is_proposed_no_more() {
    let dir = corpus("reject-proposal");
    std::fs::write(
        dir.join("articles/900_solar.txt"),
        "---\ntitle: Solar\nlang: en\n---\nKazakhstan will build a solar power plant near Kemin, the ministry of Kyrgyzstan said.\n",
    )
    .unwrap();
    let app = app(&dir);
    let before = get(&app, "/api/articles/900_solar").await;
    assert_eq!(
        before["proposals"][0]["id"], "proposed-solar-plant-kemin",
        "{before}"
    );
    let reject = json!({
        "article": "900_solar",
        "feature": "proposed-solar-plant-kemin",
        "sentence": "Kazakhstan will build a solar power plant near Kemin",
        "verdict": "reject",
        "date": "2026-12-04"
    });
    let (status, v) = post(&app, "/api/decisions", reject).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{v}");
    let after = get(&app, "/api/articles/900_solar").await;
    assert_eq!(after["proposals"], json!([]), "{after}");
    let listed = get(&app, "/api/articles?q=solar").await;
    assert_eq!(listed["articles"][0]["proposals"], 0);
    let decisions = std::fs::read_to_string(dir.join("decisions.toml")).unwrap();
    assert!(
        decisions.contains("feature = \"proposed-solar-plant-kemin\""),
        "{decisions}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn an_accept_takes_the_names_and_point_the_editor_set() {
    let dir = corpus("accept-edited");
    kemin(&dir);
    let app = app(&dir);
    let uri = "/api/proposals/proposed-solar-plant-kemin/accept";
    let far = json!({"date": "2026-12-04", "point": {"lat": 142.0, "lon": 75.7}});
    let (status, v) = post(&app, uri, far).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let untouched = std::fs::read_to_string(root().join("corpus/gazetteer.toml")).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join("gazetteer.toml")).unwrap(),
        untouched
    );
    let edited = json!({
        "date": "2026-12-04",
        "name": {"ru": "", "kk": null, "en": "Kemin solar park"},
        "point": {"lat": 42.80, "lon": 75.70}
    });
    let (status, v) = post(&app, uri, edited).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let gazetteer = std::fs::read_to_string(dir.join("gazetteer.toml")).unwrap();
    let block = &gazetteer[gazetteer.find("id = \"solar-plant-kemin\"").unwrap()..];
    assert!(block.contains("en = \"Kemin solar park\""), "{block}");
    assert!(
        block.contains("ru = \"Солнечная электростанция (Кемин)\""),
        "an empty name stays as proposed: {block}"
    );
    assert!(
        block.contains("point = { lat = 42.80000, lon = 75.70000 }"),
        "{block}"
    );
    assert!(
        block.contains("«solar power plant near Kemin» (100_kemin.txt line 6). The editor set the point to 42.8, 75.7"),
        "{block}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_link_says_whether_a_name_a_rule_or_an_editor_made_it() {
    let dir = corpus("made");
    let app = app(&dir);
    let mut made = Vec::new();
    for row in get(&app, "/api/articles").await["articles"]
        .as_array()
        .unwrap()
    {
        let a = get(
            &app,
            &format!("/api/articles/{}", row["id"].as_str().unwrap()),
        )
        .await;
        for l in a["links"].as_array().unwrap() {
            made.push((
                l["feature"].as_str().unwrap().to_string(),
                l["by_rule"] == true,
                l["by_editor"] == true,
            ));
        }
    }
    // The branch has no name of its own in the texts: its rule reads «филиал» with ЕНУ and Ош.
    assert!(
        made.contains(&("enu-branch-osh".into(), true, false)),
        "{made:?}"
    );
    assert!(made.contains(&("almaty".into(), false, false)), "{made:?}");
    let keep = json!({
        "article": "004_fda6902e906f6d9b",
        "feature": "almaty",
        "sentence": "в рамках рабочего визита в город Алматы",
        "verdict": "accept",
        "date": "2026-12-04"
    });
    let (status, v) = post(&app, "/api/decisions", keep).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{v}");
    let a = get(&app, "/api/articles/004_fda6902e906f6d9b").await;
    assert_eq!(a["decisions"][0]["verdict"], "accept", "{a}");
    assert_eq!(a["decisions"][0]["feature"], "almaty");
    let almaty = a["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["feature"] == "almaty")
        .unwrap()
        .clone();
    assert_eq!(almaty["by_editor"], true, "{almaty}");
    std::fs::remove_dir_all(&dir).unwrap();
}
