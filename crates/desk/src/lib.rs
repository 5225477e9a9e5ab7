//! The editor's desk (issue 19): a local HTTP server over a project's
//! `corpus/` that lists the articles with what the engine linked in each and
//! where each stands with the editor, and saves the editor's decisions
//! (`corpus/decisions.toml`, [`bilateral_core::decisions`]).
//!
//! Safe by construction: it binds 127.0.0.1 only ([`ADDRESS`]); every
//! request must name the desk itself as `Host` (a page elsewhere that
//! resolves its own name to 127.0.0.1, DNS rebinding, is refused), and every
//! request that changes something must come with the desk's own `Origin`
//! (another site's form or script, CSRF, is refused); it writes
//! `corpus/decisions.toml` only, through a temporary file and a rename, one
//! save at a time, re-reading the file inside the lock so two tabs saving at
//! once both keep their decision; article ids are checked (letters, digits,
//! `_`, `-`; no `../`) and must name an article of the corpus; a decision is
//! checked by applying it to the corpus before the file is written.
//!
//! Routes (JSON): `GET /api/articles?q=&state=&page=` (with each article's
//! counts of links, proposals and candidates), `GET /api/articles/{id}`
//! (its text, sentences, links, proposals and candidates), `GET
//! /api/entries?q=` (the gazetteer and places an added link may name),
//! `POST /api/decisions`, `POST /api/reviewed`, `POST
//! /api/proposals/{id}/accept` (the proposal becomes a curated entry
//! appended to `corpus/gazetteer.toml`, checked by loading the gazetteer
//! before it replaces the file).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bilateral_core::Corpus;
use bilateral_core::article::Date;
use bilateral_core::basemap::Basemap;
use bilateral_core::candidates;
use bilateral_core::decisions::{Decision, Decisions, ReviewState, WrittenDecision};
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::lang::Lang;
use bilateral_core::mention::Matcher;
use bilateral_core::proposals;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Where the desk listens: loopback only.
pub const ADDRESS: &str = "127.0.0.1:8090";

/// Articles per page of the list.
pub const PER_PAGE: usize = 50;

/// The project the desk works on, and the lock its saves take turns on.
pub struct Desk {
    corpus_dir: PathBuf,
    /// The `host:port` names the desk answers to.
    hosts: Vec<String>,
    saving: Mutex<()>,
    /// The desk's pages and the widget its preview is built from, if served.
    pages: Option<Pages>,
    /// The map preview's files, by path under `/preview/` (rebuilt on save).
    preview: RwLock<Vec<(String, Vec<u8>)>>,
}

/// Where the desk's pages come from.
pub struct Pages {
    /// The desk's own Yew app, built by trunk (`crates/desk/ui`).
    pub ui: PathBuf,
    /// The built widget (`dist/bilateral-map/`, `make build`).
    pub widget: PathBuf,
    /// The `<bilateral-map>` module's template (`www/bilateral-map.js`).
    pub template: PathBuf,
}

impl Desk {
    /// A desk over `corpus_dir` (holding `articles/`, `gazetteer.toml`,
    /// `decisions.toml`), answering as `127.0.0.1:PORT` and `localhost:PORT`.
    pub fn new(corpus_dir: &Path, port: u16) -> Arc<Desk> {
        Arc::new(Desk::bare(corpus_dir, port))
    }

    fn bare(corpus_dir: &Path, port: u16) -> Desk {
        Desk {
            corpus_dir: corpus_dir.to_path_buf(),
            hosts: vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")],
            saving: Mutex::new(()),
            pages: None,
            preview: RwLock::new(Vec::new()),
        }
    }

    /// A desk that also serves its pages at `/` and the map preview at
    /// `/preview/`, built once here (an error says why it cannot be).
    pub fn with_pages(corpus_dir: &Path, port: u16, pages: Pages) -> Result<Arc<Desk>, String> {
        let desk = Desk {
            pages: Some(pages),
            ..Desk::bare(corpus_dir, port)
        };
        desk.rebuild_preview().map_err(|r| r.problem)?;
        Ok(Arc::new(desk))
    }

    /// Builds the map preview again from the corpus as it stands, decisions
    /// applied (nothing to do without pages).
    fn rebuild_preview(&self) -> Result<(), Refusal> {
        if self.pages.is_none() {
            return Ok(());
        }
        let (corpus, _) = self.corpus()?;
        self.preview_of(corpus)
    }

    /// Builds the map preview from `corpus`, linked with the decisions (a
    /// save passes the corpus it has just checked, not linking it again).
    fn preview_of(&self, corpus: Corpus) -> Result<(), Refusal> {
        let Some(pages) = &self.pages else {
            return Ok(());
        };
        let basemap =
            Basemap::load(&self.corpus_dir.join("basemap.json")).map_err(Refusal::corpus)?;
        let bundle = bilateral_core::Bundle::new(corpus, &basemap);
        let files = atlas::dist::preview(&pages.widget, &pages.template, &bundle, Lang::Ru)
            .map_err(Refusal::corpus)?;
        *self.preview.write().unwrap_or_else(|e| e.into_inner()) = files;
        Ok(())
    }

    fn decisions_path(&self) -> PathBuf {
        self.corpus_dir.join("decisions.toml")
    }

    /// The articles, parsed, and the gazetteer, not yet linked.
    fn read(&self) -> Result<(Vec<bilateral_core::article::Article>, Gazetteer), Refusal> {
        Corpus::read(
            &self.corpus_dir.join("articles"),
            &self.corpus_dir.join("gazetteer.toml"),
        )
        .map_err(Refusal::corpus)
    }

    /// The corpus as the engine links it, with the saved decisions applied.
    fn corpus(&self) -> Result<(Corpus, Decisions), Refusal> {
        let decisions = Decisions::load(&self.decisions_path()).map_err(Refusal::corpus)?;
        let (articles, gazetteer) = self.read()?;
        let corpus =
            Corpus::link_decided(articles, gazetteer, &decisions).map_err(Refusal::corpus)?;
        Ok((corpus, decisions))
    }

    /// Loads the decisions, changes them, checks the result against the
    /// corpus, and writes the file: one save at a time.
    fn save(
        &self,
        change: impl FnOnce(&mut Decisions, &[bilateral_core::article::Article]) -> Result<(), Refusal>,
    ) -> Result<(), Refusal> {
        let _turn = self.saving.lock().unwrap_or_else(|e| e.into_inner());
        let mut decisions = Decisions::load(&self.decisions_path()).map_err(Refusal::corpus)?;
        let (articles, gazetteer) = self.read()?;
        change(&mut decisions, &articles)?;
        let corpus = Corpus::link_decided(articles, gazetteer, &decisions)
            .map_err(|e| Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
        let path = self.decisions_path();
        let temp = path.with_extension("toml.saving");
        std::fs::write(&temp, decisions.render())
            .and_then(|()| std::fs::rename(&temp, &path))
            .map_err(|e| {
                Refusal::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("cannot write {}: {e}", path.display()),
                )
            })?;
        self.preview_of(corpus)
    }
}

impl Desk {
    /// Appends the curated entry of proposal `id` to the gazetteer, in the
    /// same turn-taking as the decisions; returns the new entry's id.
    fn accept(&self, id: &str, form: &AcceptForm) -> Result<String, Refusal> {
        let _turn = self.saving.lock().unwrap_or_else(|e| e.into_inner());
        let (corpus, _) = self.corpus()?;
        let matcher = Matcher::new(&corpus.gazetteer);
        let mut proposal = proposals::propose(&corpus, &matcher)
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| {
                Refusal::new(
                    StatusCode::NOT_FOUND,
                    format!("the corpus proposes no `{id}`"),
                )
            })?;
        form.edit(&mut proposal)?;
        let block = proposal.accepted_entry(&corpus.gazetteer, &form.date);
        let path = self.corpus_dir.join("gazetteer.toml");
        let old = std::fs::read_to_string(&path).map_err(Refusal::corpus)?;
        let temp = self.corpus_dir.join("gazetteer.toml.saving");
        let write = |text: &str| std::fs::write(&temp, text).map_err(Refusal::corpus);
        write(&format!("{}\n{block}", old.trim_end()))?;
        let grown = Gazetteer::load(&temp).map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
        })?;
        std::fs::rename(&temp, &path).map_err(Refusal::corpus)?;
        let id = block
            .lines()
            .find_map(|l| l.strip_prefix("id = \"")?.strip_suffix('"'))
            .unwrap_or_default();
        debug_assert!(grown.get(id).is_some());
        self.rebuild_preview()?;
        Ok(id.to_string())
    }
}

/// Why a request is refused: a status and a sentence for the editor.
#[derive(Debug)]
pub struct Refusal {
    status: StatusCode,
    problem: String,
}

impl Refusal {
    fn new(status: StatusCode, problem: impl Into<String>) -> Refusal {
        Refusal {
            status,
            problem: problem.into(),
        }
    }

    fn corpus(e: impl std::fmt::Display) -> Refusal {
        Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.problem }))).into_response()
    }
}

/// The desk's routes, behind its Host and Origin checks.
pub fn app(desk: Arc<Desk>) -> Router {
    let mut router = Router::new();
    if let Some(pages) = &desk.pages {
        router = router
            .route("/preview/", get(preview_file))
            .route("/preview/{*path}", get(preview_file))
            .fallback_service(tower_http::services::ServeDir::new(&pages.ui));
    }
    router
        .route("/api/articles", get(list).post(add_article))
        .route("/api/articles/{id}", get(one))
        .route("/api/decisions", post(decide))
        .route("/api/reviewed", post(reviewed))
        .route("/api/proposals/{id}/accept", post(accept_proposal))
        .route("/api/entries", get(entries))
        .layer(middleware::from_fn_with_state(desk.clone(), guard))
        .with_state(desk)
}

/// Refuses a request whose `Host` is not the desk's, and a request that
/// changes something whose `Origin` is not the desk's own page.
async fn guard(State(desk): State<Arc<Desk>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| desk.hosts.iter().any(|ok| ok == h)) {
        return Refusal::new(
            StatusCode::FORBIDDEN,
            "the desk answers only to its own address (Host)",
        )
        .into_response();
    }
    let reads = matches!(*request.method(), Method::GET | Method::HEAD);
    if !reads && !own_origin(&desk, headers) {
        return Refusal::new(
            StatusCode::FORBIDDEN,
            "changes are taken only from the desk's own page (Origin)",
        )
        .into_response();
    }
    next.run(request).await
}

fn own_origin(desk: &Desk, headers: &HeaderMap) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    origin.is_some_and(|o| desk.hosts.iter().any(|h| o == format!("http://{h}")))
}

/// An article id as the corpus makes them (its file name): no path in it.
fn checked_id(id: &str) -> Result<&str, Refusal> {
    let ok = !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(id)
    } else {
        Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            format!("`{id}` is not an article id"),
        ))
    }
}

fn state_name(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Unreviewed => "unreviewed",
        ReviewState::Reviewed => "reviewed",
        ReviewState::Changed => "changed",
    }
}

#[derive(Deserialize)]
struct ListQuery {
    q: Option<String>,
    state: Option<String>,
    page: Option<usize>,
}

#[derive(Serialize)]
struct ArticleRow {
    id: String,
    title: String,
    date: Option<String>,
    lang: String,
    source: Option<String>,
    links: usize,
    proposals: usize,
    candidates: usize,
    state: &'static str,
}

/// The articles, newest first, filtered by a title search and a review
/// state, [`PER_PAGE`] to a page.
async fn list(
    State(desk): State<Arc<Desk>>,
    Query(query): Query<ListQuery>,
) -> Result<Json<serde_json::Value>, Refusal> {
    let (corpus, decisions) = desk.corpus()?;
    let matcher = Matcher::new(&corpus.gazetteer);
    let proposals = proposals::propose(&corpus, &matcher);
    let proposed_in = |i: usize| {
        proposals
            .iter()
            .filter(|p| p.sightings.iter().any(|s| s.article == i))
            .count()
    };
    let needle = query.q.as_deref().unwrap_or("").to_lowercase();
    let mut rows: Vec<ArticleRow> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleRow {
            id: a.id.clone(),
            title: a.title.clone(),
            date: a.date.map(|d| d.to_string()),
            lang: a.lang.code().to_string(),
            source: a.source.clone(),
            links: corpus
                .features
                .iter()
                .map(|f| f.citations.iter().filter(|c| c.article == i).count())
                .sum(),
            proposals: proposed_in(i),
            candidates: candidates::find(&matcher, &corpus.gazetteer, a).len(),
            state: state_name(decisions.review_state(a)),
        })
        .filter(|r| needle.is_empty() || r.title.to_lowercase().contains(&needle))
        .filter(|r| query.state.as_deref().is_none_or(|s| s == r.state))
        .collect();
    rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let total = rows.len();
    let page = query.page.unwrap_or(1).max(1);
    let shown: Vec<ArticleRow> = rows
        .into_iter()
        .skip((page - 1) * PER_PAGE)
        .take(PER_PAGE)
        .collect();
    Ok(Json(
        json!({ "total": total, "page": page, "per_page": PER_PAGE, "articles": shown }),
    ))
}

/// One article: its text, its sentences, and every link with its sentence.
async fn one(
    State(desk): State<Arc<Desk>>,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<serde_json::Value>, Refusal> {
    let id = checked_id(&id)?;
    let (corpus, decisions) = desk.corpus()?;
    let (index, article) = corpus
        .articles
        .iter()
        .enumerate()
        .find(|(_, a)| a.id == id)
        .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no article `{id}`")))?;
    let sentences: Vec<_> = article
        .sentences
        .iter()
        .map(|s| json!({ "start": s.span.start, "end": s.span.end }))
        .collect();
    let matcher = Matcher::new(&corpus.gazetteer);
    let links = links_in(&corpus, &decisions, &matcher, index);
    let proposed: Vec<_> = proposals::propose(&corpus, &matcher)
        .into_iter()
        .flat_map(|p| {
            let here: Vec<_> = p
                .sightings
                .iter()
                .filter(|s| s.article == index)
                .cloned()
                .collect();
            here.into_iter().map(move |s| {
                json!({
                    "id": p.id,
                    "name": p.name,
                    "category": p.category.key(),
                    "confidence": p.confidence,
                    "provenance": p.provenance,
                    "point": { "lat": p.location.lat, "lon": p.location.lon },
                    "sentence": s.sentence,
                    "start": s.span.start,
                    "end": s.span.end,
                })
            })
        })
        .collect();
    let candidates: Vec<_> = candidates::find(&matcher, &corpus.gazetteer, article)
        .into_iter()
        .map(|c| json!({ "name": c.name, "shape": c.shape.label(), "start": c.span.start, "end": c.span.end, "line": c.line }))
        .collect();
    Ok(Json(json!({
        "id": article.id,
        "title": article.title,
        "lang": article.lang.code(),
        "date": article.date.map(|d| d.to_string()),
        "url": article.url,
        "text": article.text,
        // Where the article's body begins, after its front matter.
        "body": article.paragraphs.first().map_or(article.text.len(), |p| p.span.start),
        "sentences": sentences,
        "links": links,
        "proposals": proposed,
        "candidates": candidates,
        "state": state_name(decisions.review_state(article)),
        "decisions": decided_in(&decisions, id),
    })))
}

/// Every link of article `index`: its feature, words, the sentences it
/// rests on, and what made it (a name, a rule, an editor's accept).
fn links_in(
    corpus: &Corpus,
    decisions: &Decisions,
    matcher: &Matcher,
    index: usize,
) -> Vec<serde_json::Value> {
    let article = &corpus.articles[index];
    let id = article.id.as_str();
    let mut links = Vec::new();
    // A link an editor's accept added or kept.
    let by_editor = |feature: &str, sentence: usize| {
        decisions.decisions.iter().any(|d| {
            d.article == id
                && d.feature == feature
                && d.verdict == bilateral_core::decisions::Verdict::Accept
                && article.sentence_text(sentence).contains(d.sentence.trim())
        })
    };
    let mentions = matcher.find(article);
    let by_rule = |entry: usize, sentence: usize| {
        mentions
            .iter()
            .any(|m| m.entry == entry && m.sentence == sentence && m.by_rule)
    };
    for f in &corpus.features {
        let entry = corpus.entry(f);
        for c in f.citations.iter().filter(|c| c.article == index) {
            links.push(json!({
                "feature": entry.id,
                "name": entry.name,
                "sentence": c.sentence,
                "start": c.mention.start,
                "end": c.mention.end,
                // The sentences a rule's window rested on (one for a name).
                "first": c.first,
                "last": c.last,
                "by_editor": by_editor(&entry.id, c.sentence),
                "by_rule": by_rule(f.entry, c.sentence),
                "role": c.role,
            }));
        }
    }
    links
}

/// What the editors decided in article `id`, to read again or reverse.
fn decided_in(decisions: &Decisions, id: &str) -> Vec<serde_json::Value> {
    decisions
        .decisions
        .iter()
        .filter(|d| d.article == id)
        .map(|d| json!(d.written()))
        .collect()
}

/// Saves one decision (in place of one on the same link).
async fn decide(
    State(desk): State<Arc<Desk>>,
    Json(form): Json<WrittenDecision>,
) -> Result<StatusCode, Refusal> {
    checked_id(&form.article)?;
    let decision =
        Decision::from_written(form, 0).map_err(|p| Refusal::new(StatusCode::BAD_REQUEST, p))?;
    desk.save(|decisions, _| {
        decisions.record(decision);
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct ReviewForm {
    article: String,
    date: String,
}

/// Marks an article reviewed, as its text stands now.
async fn reviewed(
    State(desk): State<Arc<Desk>>,
    Json(form): Json<ReviewForm>,
) -> Result<StatusCode, Refusal> {
    let id = checked_id(&form.article)?.to_string();
    let date = Date::parse(&form.date).ok_or_else(|| {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            format!("date `{}` is not YYYY-MM-DD", form.date),
        )
    })?;
    desk.save(|decisions, articles| {
        let article = articles
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Refusal::new(StatusCode::NOT_FOUND, format!("no article `{id}`")))?;
        decisions.mark_reviewed(article, date);
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT)
}

/// An accept, with what the editor changed of the proposal first: its
/// names (an empty one is left as proposed) and its point.
#[derive(Deserialize)]
struct AcceptForm {
    date: String,
    name: Option<NameForm>,
    point: Option<PointForm>,
}

#[derive(Deserialize)]
struct NameForm {
    ru: Option<String>,
    kk: Option<String>,
    en: Option<String>,
}

#[derive(Deserialize)]
struct PointForm {
    lat: f64,
    lon: f64,
}

impl AcceptForm {
    fn edit(&self, p: &mut proposals::Proposal) -> Result<(), Refusal> {
        if let Some(name) = &self.name {
            for (given, kept) in [
                (&name.ru, &mut p.name.ru),
                (&name.kk, &mut p.name.kk),
                (&name.en, &mut p.name.en),
            ] {
                if let Some(given) = given.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
                    *kept = given.to_string();
                }
            }
        }
        if let Some(PointForm { lat, lon }) = self.point {
            let inside = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
            if !inside {
                return Err(Refusal::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("the point {lat}, {lon} is not a latitude and longitude"),
                ));
            }
            // A point sent back as it was shown (to 5 decimals) is not moved.
            let moved = (lat - p.location.lat).abs() > 1e-5 || (lon - p.location.lon).abs() > 1e-5;
            if moved {
                p.provenance = format!(
                    "{}. The editor set the point to {lat}, {lon}",
                    p.provenance.trim_end_matches('.')
                );
                p.location.lat = lat;
                p.location.lon = lon;
            }
        }
        Ok(())
    }
}

/// Accepts a proposal: it becomes a curated gazetteer entry.
async fn accept_proposal(
    State(desk): State<Arc<Desk>>,
    UrlPath(id): UrlPath<String>,
    Json(form): Json<AcceptForm>,
) -> Result<Json<serde_json::Value>, Refusal> {
    let id = checked_id(&id)?;
    if Date::parse(&form.date).is_none() {
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            format!("date `{}` is not YYYY-MM-DD", form.date),
        ));
    }
    let entry = desk.accept(id, &form)?;
    Ok(Json(json!({ "entry": entry })))
}

#[derive(Deserialize)]
struct EntryQuery {
    q: Option<String>,
}

/// The gazetteer's entries and places whose name or id holds `q` (in any
/// language, case aside), areas left out: what an added link may name.
/// At most [`PER_PAGE`], curated before places.
async fn entries(
    State(desk): State<Arc<Desk>>,
    Query(query): Query<EntryQuery>,
) -> Result<Json<serde_json::Value>, Refusal> {
    let gazetteer =
        Gazetteer::load(&desk.corpus_dir.join("gazetteer.toml")).map_err(Refusal::corpus)?;
    let needle = query.q.as_deref().unwrap_or("").trim().to_lowercase();
    let found: Vec<_> = gazetteer
        .entries
        .iter()
        .filter(|e| !e.is_area())
        .filter(|e| {
            needle.is_empty()
                || e.id.contains(&needle)
                || [&e.name.ru, &e.name.kk, &e.name.en].iter().any(|n| n.to_lowercase().contains(&needle))
        })
        .take(PER_PAGE)
        .map(|e| json!({ "id": e.id, "name": e.name, "category": e.category.key(), "place": e.place_info().is_some() }))
        .collect();
    Ok(Json(json!({ "entries": found })))
}

/// A file of the map preview (`/preview/` is its page).
async fn preview_file(State(desk): State<Arc<Desk>>, path: Option<UrlPath<String>>) -> Response {
    let path = path.map_or_else(|| "index.html".to_string(), |UrlPath(p)| p);
    let files = desk.preview.read().unwrap_or_else(|e| e.into_inner());
    let Some((_, bytes)) = files.iter().find(|(name, _)| *name == path) else {
        return Refusal::new(StatusCode::NOT_FOUND, format!("no preview file `{path}`"))
            .into_response();
    };
    let kind = match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "no-store"),
        ],
        bytes.clone(),
    )
        .into_response()
}

/// A new article from the "Add article" form: a pasted text with what the
/// editor knows of it, or a saved page (`html`) read as `atlas add` reads
/// one.
#[derive(Deserialize)]
struct NewArticle {
    html: Option<String>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

impl NewArticle {
    /// The article, with what the editor typed in place of what a page says.
    fn extracted(self) -> Result<atlas::add::Extracted, Refusal> {
        let bad = |p: String| Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, p);
        let given = |v: Option<String>| v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let date = match given(self.date) {
            None => None,
            Some(d) => {
                Some(Date::parse(&d).ok_or_else(|| bad(format!("date `{d}` is not YYYY-MM-DD")))?)
            }
        };
        let lang = given(self.lang);
        if let Some(l) = &lang {
            Lang::from_code(l).ok_or_else(|| bad(format!("language `{l}` is not ru, kk or en")))?;
        }
        let (title, url, source) = (given(self.title), given(self.url), given(self.source));
        match (given(self.html), given(self.text)) {
            (Some(html), _) => {
                let page = atlas::add::from_html(&html).map_err(bad)?;
                let declared = !page.missing.iter().any(|m| m.contains("language"));
                let lang = lang.or_else(|| declared.then(|| page.lang.code().to_string()));
                Ok(atlas::add::from_parts(
                    title.unwrap_or(page.title),
                    date.or(page.date),
                    url.or(page.url),
                    lang.as_deref(),
                    source.or(page.source),
                    &page.body,
                ))
            }
            (None, Some(text)) => Ok(atlas::add::from_parts(
                title.unwrap_or_default(),
                date,
                url,
                lang.as_deref(),
                source,
                &text,
            )),
            (None, None) => Err(bad("the article has no text".into())),
        }
    }
}

/// Adds an article to `corpus/articles` (a duplicate URL or text is refused
/// with the article it repeats).
async fn add_article(
    State(desk): State<Arc<Desk>>,
    Json(form): Json<NewArticle>,
) -> Result<Json<serde_json::Value>, Refusal> {
    let e = form.extracted()?;
    let outcome = {
        let _turn = desk.saving.lock().unwrap_or_else(|e| e.into_inner());
        atlas::add::add_one(e, &desk.corpus_dir.join("articles"))
            .map_err(|p| Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, p))?
    };
    match outcome {
        atlas::add::Outcome::Written { path, missing } => {
            desk.rebuild_preview()?;
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            Ok(Json(json!({ "id": id, "missing": missing })))
        }
        atlas::add::Outcome::Skipped { why, .. } => Err(Refusal::new(StatusCode::CONFLICT, why)),
        atlas::add::Outcome::Failed { why } => {
            Err(Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, why))
        }
    }
}
