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
use std::sync::{Arc, Mutex};

use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use bilateral_core::Corpus;
use bilateral_core::article::Date;
use bilateral_core::candidates;
use bilateral_core::decisions::{Decision, Decisions, ReviewState, WrittenDecision};
use bilateral_core::gazetteer::Gazetteer;
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
}

impl Desk {
    /// A desk over `corpus_dir` (holding `articles/`, `gazetteer.toml`,
    /// `decisions.toml`), answering as `127.0.0.1:PORT` and `localhost:PORT`.
    pub fn new(corpus_dir: &Path, port: u16) -> Arc<Desk> {
        Arc::new(Desk {
            corpus_dir: corpus_dir.to_path_buf(),
            hosts: vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")],
            saving: Mutex::new(()),
        })
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
        Corpus::link_decided(articles, gazetteer, &decisions)
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
            })
    }
}

impl Desk {
    /// Appends the curated entry of proposal `id` to the gazetteer, in the
    /// same turn-taking as the decisions; returns the new entry's id.
    fn accept(&self, id: &str, date: &str) -> Result<String, Refusal> {
        let _turn = self.saving.lock().unwrap_or_else(|e| e.into_inner());
        let (corpus, _) = self.corpus()?;
        let matcher = Matcher::new(&corpus.gazetteer);
        let proposal = proposals::propose(&corpus, &matcher)
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| {
                Refusal::new(
                    StatusCode::NOT_FOUND,
                    format!("the corpus proposes no `{id}`"),
                )
            })?;
        let block = proposal.accepted_entry(&corpus.gazetteer, date);
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
    Router::new()
        .route("/api/articles", get(list))
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
    let mut links = Vec::new();
    for f in &corpus.features {
        let entry = corpus.entry(f);
        for c in f.citations.iter().filter(|c| c.article == index) {
            links.push(json!({
                "feature": entry.id,
                "name": entry.name,
                "sentence": c.sentence,
                "start": c.mention.start,
                "end": c.mention.end,
                "role": c.role,
            }));
        }
    }
    let matcher = Matcher::new(&corpus.gazetteer);
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
        "sentences": sentences,
        "links": links,
        "proposals": proposed,
        "candidates": candidates,
        "state": state_name(decisions.review_state(article)),
    })))
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

#[derive(Deserialize)]
struct AcceptForm {
    date: String,
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
    let entry = desk.accept(id, &form.date)?;
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
