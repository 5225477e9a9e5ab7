//! GeoJSON export (RFC 7946): one Feature per cited gazetteer entry.
//!
//! `properties` = `{id, category, name: {ru, kk, en}, approximate, precision,
//! citations: [{article, sentence, first, last, role, start, end, quote}]}`,
//! where `start`/`end` are byte offsets of the mention in the article's
//! original file, `first`/`last` the cited sentences (more than one where a
//! rule read a neighbouring sentence), `role` `subject`, `venue` or
//! `mentioned`, and `quote` the cited sentences verbatim. Unlocated entries have `"geometry": null`,
//! which RFC 7946 §3.2 allows. The foreign member `articles` lists each
//! article's metadata.

use bilateral_core::Corpus;
use bilateral_core::gazetteer::Precision;
use bilateral_core::geo::Geometry;
use bilateral_core::mention::Role;
use serde_json::{Value, json};

pub fn feature_collection(corpus: &Corpus) -> String {
    let features: Vec<Value> = corpus
        .features
        .iter()
        .map(|f| {
            let e = corpus.entry(f);
            let citations: Vec<Value> = f
                .citations
                .iter()
                .map(|c| {
                    json!({
                        "article": corpus.articles[c.article].id,
                        "sentence": c.sentence,
                        "first": c.first,
                        "last": c.last,
                        "role": match c.role {
                            Role::Subject => "subject",
                            Role::Venue => "venue",
                            Role::Mentioned => "mentioned",
                        },
                        "start": c.mention.start,
                        "end": c.mention.end,
                        "quote": corpus.quote(c),
                    })
                })
                .collect();
            json!({
                "type": "Feature",
                "id": e.id,
                "geometry": e.geometry.as_ref().map(geometry),
                "properties": {
                    "id": e.id,
                    "kind": e.kind,
                    "category": e.category.key(),
                    "name": { "ru": e.name.ru, "kk": e.name.kk, "en": e.name.en },
                    "approximate": e.precision != Precision::Exact,
                    "precision": format!("{:?}", e.precision).to_lowercase(),
                    "provenance": e.provenance,
                    "citations": citations,
                }
            })
        })
        .collect();
    let articles: Vec<Value> = corpus
        .articles
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "title": a.title,
                "date": a.date.map(|d| d.to_string()),
                "url": a.url,
                "source": a.source,
                "lang": a.lang.code(),
                "sentences": a.sentences.len(),
            })
        })
        .collect();
    let collection = json!({
        "type": "FeatureCollection",
        "features": features,
        "articles": articles,
    });
    serde_json::to_string_pretty(&collection).expect("JSON values always serialise")
}

fn geometry(g: &Geometry) -> Value {
    match g {
        Geometry::Point(p) => json!({ "type": "Point", "coordinates": p.lon_lat() }),
        Geometry::Line(ps) => json!({
            "type": "LineString",
            "coordinates": ps.iter().map(|p| p.lon_lat()).collect::<Vec<_>>(),
        }),
        Geometry::MultiPoint(ps) => json!({
            "type": "MultiPoint",
            "coordinates": ps.iter().map(|p| p.lon_lat()).collect::<Vec<_>>(),
        }),
    }
}
