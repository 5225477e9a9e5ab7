//! The data behind the map as files: GeoJSON (RFC 7946), what `atlas
//! export` prints and the widget's "Get the data" downloads, and CSV
//! (RFC 4180), one row per citation.
//!
//! GeoJSON: one Feature per cited entry, `properties` = `{id, kind,
//! category, name: {ru, kk, en}, approximate, precision, status, provenance,
//! citations: [{article, sentence, first, last, role, start, end, quote}]}`,
//! where `start`/`end` are byte offsets of the mention in the article's
//! original file, `status` `curated` or `proposed` (proposed from the text
//! by the engine, not yet reviewed: [`crate::evidence::proposals`]), `first`/`last` the cited sentences (more than one where a
//! rule read a neighbouring sentence), `role` `subject`, `venue` or
//! `mentioned`, and `quote` the cited sentences verbatim. Unlocated entries
//! have `"geometry": null`, which RFC 7946 §3.2 allows. The foreign member
//! `articles` lists each cited article's metadata (`sentences` is `null`
//! where the text is not at hand, in the widget). Written by hand, not
//! through serde_json, so the widget does not carry a JSON serializer, and
//! numbers through [`crate::text::compact::decimal`] (no float formatting).

use crate::evidence::corpus::Corpus;
use crate::evidence::gazetteer::{EntryKind, Precision, Status};
use crate::evidence::mention::Role;
use crate::geo::coords::{Geometry, LatLon};
use crate::text::compact::decimal;

/// The features `shown` (indices into `corpus.features`) as a GeoJSON
/// FeatureCollection, with the articles they cite.
pub fn geojson(corpus: &Corpus, shown: &[usize]) -> String {
    let mut features = Vec::with_capacity(shown.len());
    let mut cited = vec![false; corpus.articles.len()];
    for &fi in shown {
        let f = &corpus.features[fi];
        let e = corpus.entry(f);
        let citations: Vec<String> = f
            .citations
            .iter()
            .map(|c| {
                cited[c.article] = true;
                format!(
                    "{{\"article\": {}, \"sentence\": {}, \"first\": {}, \"last\": {}, \"role\": \"{}\", \"start\": {}, \"end\": {}, \"quote\": {}}}",
                    string(&corpus.articles[c.article].id),
                    c.sentence,
                    c.first,
                    c.last,
                    role(c.role),
                    c.mention.start,
                    c.mention.end,
                    string(corpus.quote(c))
                )
            })
            .collect();
        let kind = match e.kind {
            EntryKind::Place => "place",
            EntryKind::Project => "project",
            EntryKind::Group => "group",
        };
        features.push(format!(
            "{{\"type\": \"Feature\", \"id\": {id}, \"geometry\": {}, \"properties\": {{\"id\": {id}, \"kind\": \"{kind}\", \"category\": \"{}\", \"name\": {{\"ru\": {}, \"kk\": {}, \"en\": {}}}, \"approximate\": {}, \"precision\": \"{}\", \"status\": \"{}\", \"provenance\": {}, \"citations\": [\n{}]}}}}",
            e.geometry.as_ref().map_or("null".to_string(), geometry),
            e.category.key(),
            string(&e.name.ru),
            string(&e.name.kk),
            string(&e.name.en),
            e.precision != Precision::Exact,
            precision(e.precision),
            match e.status {
                Status::Curated => "curated",
                Status::Proposed => "proposed",
            },
            string(&e.provenance),
            citations.join(",\n"),
            id = string(&e.id),
        ));
    }
    let articles: Vec<String> = corpus
        .articles
        .iter()
        .zip(&cited)
        .filter(|(_, c)| **c)
        .map(|(a, _)| {
            let opt = |v: Option<String>| v.map_or("null".to_string(), |s| string(&s));
            let sentences = if a.text.is_empty() {
                "null".to_string()
            } else {
                a.sentences.len().to_string()
            };
            format!(
                "{{\"id\": {}, \"title\": {}, \"date\": {}, \"url\": {}, \"source\": {}, \"lang\": \"{}\", \"sentences\": {sentences}}}",
                string(&a.id),
                string(&a.title),
                opt(a.date.map(|d| d.to_string())),
                opt(a.url.clone()),
                opt(a.source.clone()),
                a.lang.code(),
            )
        })
        .collect();
    format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n], \"articles\": [\n{}\n]}}\n",
        features.join(",\n"),
        articles.join(",\n")
    )
}

/// One row per citation of the features `shown`: feature id and name (in
/// Russian), article id, title, date and URL, role, and the quote.
pub fn csv(corpus: &Corpus, shown: &[usize]) -> String {
    let mut out = String::from("feature,name,article,title,date,url,role,quote\r\n");
    for &fi in shown {
        let f = &corpus.features[fi];
        let e = corpus.entry(f);
        for c in &f.citations {
            let a = &corpus.articles[c.article];
            let fields = [
                e.id.as_str(),
                e.name.ru.as_str(),
                a.id.as_str(),
                a.title.as_str(),
                &a.date.map(|d| d.to_string()).unwrap_or_default(),
                a.url.as_deref().unwrap_or_default(),
                role(c.role),
                corpus.quote(c),
            ];
            let row: Vec<String> = fields.iter().map(|v| cell(v)).collect();
            out += &row.join(",");
            out += "\r\n";
        }
    }
    out
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Subject => "subject",
        Role::Venue => "venue",
        Role::Mentioned => "mentioned",
    }
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Exact => "exact",
        Precision::Approximate => "approximate",
        Precision::Schematic => "schematic",
        Precision::Unlocated => "unlocated",
    }
}

fn geometry(g: &Geometry) -> String {
    let pair = |p: &LatLon| format!("[{}, {}]", decimal(p.lon, 6), decimal(p.lat, 6));
    let list = |ps: &[LatLon]| ps.iter().map(pair).collect::<Vec<_>>().join(", ");
    match g {
        Geometry::Point(p) => format!("{{\"type\": \"Point\", \"coordinates\": {}}}", pair(p)),
        Geometry::Line(ps) => format!(
            "{{\"type\": \"LineString\", \"coordinates\": [{}]}}",
            list(ps)
        ),
        Geometry::MultiPoint(ps) => {
            format!(
                "{{\"type\": \"MultiPoint\", \"coordinates\": [{}]}}",
                list(ps)
            )
        }
    }
}

/// `s` as a JSON string (RFC 8259 §7): quotes, backslashes and control
/// characters escaped.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A CSV field (RFC 4180): quoted when it holds a comma, quote or line
/// break, quotes doubled.
fn cell(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::corpus::osh_corpus;

    #[test]
    fn strings_and_cells_are_escaped() {
        assert_eq!(string("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"");
    }

    #[test]
    fn one_csv_row_per_citation_and_a_feature_per_shown_entry() {
        let corpus = osh_corpus("Встреча прошла в Оше, «там».\n\nПотом в Оше ещё раз.");
        let rows = csv(&corpus, &[0]);
        let lines: Vec<&str> = rows.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + corpus.features[0].citations.len());
        assert!(lines[1].starts_with("osh,Ош,a,"), "{}", lines[1]);
        assert!(
            lines[1].ends_with(",\"Встреча прошла в Оше, «там».\""),
            "{}",
            lines[1]
        );
        assert_eq!(csv(&corpus, &[]).lines().count(), 1);
        let json = geojson(&corpus, &[0]);
        assert!(
            json.contains("\"coordinates\": [72.7985, 40.52828]"),
            "{json}"
        );
        assert!(
            json.contains("\"quote\": \"Встреча прошла в Оше, «там».\""),
            "{json}"
        );
        assert!(json.contains("\"articles\": [\n{\"id\": \"a\""), "{json}");
        assert!(geojson(&corpus, &[]).contains("\"features\": [\n\n], \"articles\": [\n\n]"));
    }
}
