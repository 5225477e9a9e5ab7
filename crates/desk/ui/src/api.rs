//! The desk's API (`crates/desk/src/lib.rs`), as the pages call it: the
//! shapes of its JSON answers and one function per request. A refused
//! request comes back as the server's sentence (`{"error": …}`).

use gloo::net::http::{Request, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// One row of the article list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub lang: String,
    pub source: Option<String>,
    pub links: usize,
    pub proposals: usize,
    pub candidates: usize,
    pub state: String,
}

/// A page of the article list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Listing {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub articles: Vec<Row>,
}

/// A byte range of the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

/// A feature the engine (or an editor) links in one sentence.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Link {
    pub feature: String,
    pub name: Names,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// The sentences a rule's window rested on (both the sentence for a name).
    pub first: usize,
    pub last: usize,
    /// Added or kept by an editor's accept.
    pub by_editor: bool,
    /// Made by one of the entry's rules, not by one of its names.
    pub by_rule: bool,
    pub role: String,
}

/// A name in the three languages.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Names {
    pub ru: String,
    pub kk: String,
    pub en: String,
}

impl Names {
    pub fn in_lang(&self, lang: bilateral_core::lang::Lang) -> &str {
        use bilateral_core::lang::Lang;
        match lang {
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
            Lang::En => &self.en,
        }
    }
}

/// A feature the engine proposes from this article's words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Proposal {
    pub id: String,
    pub name: Names,
    pub category: String,
    pub confidence: f64,
    pub provenance: String,
    pub point: Point,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// A point, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

/// A name the gazetteer does not know.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Candidate {
    pub name: String,
    pub shape: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// One article with everything the engine found in it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub lang: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// The byte where the body begins (after the front matter).
    pub body: usize,
    pub sentences: Vec<Range>,
    pub links: Vec<Link>,
    pub proposals: Vec<Proposal>,
    pub candidates: Vec<Candidate>,
    pub state: String,
    /// The editors' decisions in this article.
    pub decisions: Vec<Decision>,
}

impl Article {
    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .and_then(|s| self.text.get(s.start..s.end))
            .unwrap_or_default()
    }

    /// The sentence holding bytes `start..end`, if one does.
    pub fn sentence_of(&self, start: usize, end: usize) -> Option<usize> {
        self.sentences
            .iter()
            .position(|s| s.start <= start && end <= s.end)
    }
}

/// A gazetteer entry or place an added link may name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: Names,
    pub category: String,
    pub place: bool,
}

#[derive(Deserialize)]
struct Entries {
    entries: Vec<Entry>,
}

/// A decision as the desk takes it and gives it back: the core's own
/// written form, as in `corpus/decisions.toml`.
pub use bilateral_core::decisions::{Verdict, WrittenDecision as Decision};

/// `verdict` on `feature` in `sentence` of `article`, today, without words
/// or a note.
pub fn decision(article: &str, feature: &str, sentence: &str, verdict: Verdict) -> Decision {
    Decision {
        article: article.to_string(),
        feature: feature.to_string(),
        sentence: sentence.to_string(),
        verdict,
        words: None,
        note: None,
        date: today(),
    }
}

/// The answer's JSON, or the server's reason for refusing.
async fn answer<T: for<'de> Deserialize<'de>>(response: Response) -> Result<T, String> {
    if response.ok() {
        if response.status() == 204 {
            return serde_json::from_value(Value::Null).map_err(|e| e.to_string());
        }
        return response.json().await.map_err(|e| e.to_string());
    }
    let status = response.status();
    match response.json::<Value>().await {
        Ok(v) => Err(v["error"].as_str().unwrap_or("refused").to_string()),
        Err(_) => Err(format!("HTTP {status}")),
    }
}

async fn get<T: for<'de> Deserialize<'de>>(url: &str) -> Result<T, String> {
    let response = Request::get(url).send().await.map_err(|e| e.to_string())?;
    answer(response).await
}

async fn post<T: for<'de> Deserialize<'de>>(url: &str, body: &Value) -> Result<T, String> {
    let response = Request::post(url)
        .json(body)
        .map_err(|e| e.to_string())?
        .send()
        .await
        .map_err(|e| e.to_string())?;
    answer(response).await
}

/// `s` as a query string value.
fn query(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

pub async fn articles(q: &str, state: &str, page: usize) -> Result<Listing, String> {
    let mut url = format!("/api/articles?page={page}&q={}", query(q));
    if !state.is_empty() {
        url.push_str(&format!("&state={}", query(state)));
    }
    get(&url).await
}

pub async fn article(id: &str) -> Result<Article, String> {
    get(&format!("/api/articles/{}", query(id))).await
}

pub async fn entries(q: &str) -> Result<Vec<Entry>, String> {
    let found: Entries = get(&format!("/api/entries?q={}", query(q))).await?;
    Ok(found.entries)
}

pub async fn decide(decision: &Decision) -> Result<(), String> {
    let body = serde_json::to_value(decision).map_err(|e| e.to_string())?;
    post("/api/decisions", &body).await
}

pub async fn mark_reviewed(article: &str, date: &str) -> Result<(), String> {
    post(
        "/api/reviewed",
        &json!({ "article": article, "date": date }),
    )
    .await
}

/// Accepts a proposal with the names and point the editor left or set;
/// the answer is the new gazetteer entry's id.
pub async fn accept(
    proposal: &str,
    date: &str,
    name: &Names,
    point: Point,
) -> Result<String, String> {
    let v: Value = post(
        &format!("/api/proposals/{}/accept", query(proposal)),
        &json!({ "date": date, "name": name, "point": point }),
    )
    .await?;
    Ok(v["entry"].as_str().unwrap_or_default().to_string())
}

/// Adds an article (a pasted text with its details, or a saved page's HTML);
/// the answer is its id and what could not be found.
pub async fn add(form: &Value) -> Result<(String, Vec<String>), String> {
    let v: Value = post("/api/articles", form).await?;
    let missing = v["missing"]
        .as_array()
        .map(|m| {
            m.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Ok((v["id"].as_str().unwrap_or_default().to_string(), missing))
}

/// Today, as the decisions file writes dates.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
