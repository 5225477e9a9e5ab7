//! Phrases that look like a place or project the gazetteer lacks, so that an
//! editor sees what to add (`atlas check` lists them with file and line).
//!
//! Four shapes, each built from a gazetteer term and nothing else:
//! - a checkpoint word (`checkpoint` term) beside a quoted or capitalised name:
//!   «пункт пропуска «Бесагаш»», "Kichi-Kapka checkpoint";
//! - a hydro plant word (`hpp`) beside a capitalised name: «Ташкумырская ГЭС»,
//!   "Tash-Kumyr HPP", «Қамбар-Ата СЭС»;
//! - a reservoir word (`reservoir`) beside a capitalised name: «водохранилище
//!   Орто-Токой», "Kirov reservoir", «Киров су қоймасы»;
//! - a capitalised word in a place construction (Russian `в X`, a Kazakh
//!   locative `Xда`) that is not at the sentence's start. (English has no
//!   locative ending, and "in X" is mostly months and regions: not used.)
//!
//! A name is a candidate only if no entry or term of the gazetteer covers it.

use crate::evidence::gazetteer::Gazetteer;
use crate::evidence::mention::{Found, Matcher, Target};
use crate::text::article::Article;
use crate::text::span::{Span, line_of};

/// What a candidate looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    Checkpoint,
    HydroPlant,
    Reservoir,
    Town,
}

impl Shape {
    pub fn label(self) -> &'static str {
        match self {
            Shape::Checkpoint => "checkpoint",
            Shape::HydroPlant => "hydro plant",
            Shape::Reservoir => "reservoir",
            Shape::Town => "town",
        }
    }
}

/// One phrase an editor may want to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub shape: Shape,
    /// The name as written in the article.
    pub name: String,
    pub span: Span,
    /// 1-based line in the article file.
    pub line: usize,
}

const KAZAKH_LOCATIVE: &[&str] = &["да", "де", "та", "те", "нда", "нде"];

/// The candidates of one article, in text order, each name once.
pub fn find(matcher: &Matcher, gazetteer: &Gazetteer, article: &Article) -> Vec<Candidate> {
    let found = matcher.scan(article);
    let covered = coverage(&found);
    let mut out: Vec<Candidate> = Vec::new();
    let shapes = [
        (gazetteer.term("checkpoint"), Shape::Checkpoint),
        (gazetteer.term("hpp"), Shape::HydroPlant),
        (gazetteer.term("reservoir"), Shape::Reservoir),
    ];
    for s in 0..found.sentence_tokens.len() {
        for (term, shape) in shapes {
            let Some(o) = found.term_in(s, term) else {
                continue;
            };
            let range = found.sentence_tokens[s].clone();
            let before = o.start.checked_sub(1).filter(|&k| k > range.start);
            let after = Some(o.end()).filter(|&k| k < range.end);
            for (k, backwards) in [(after, false), (before, true)] {
                let Some(k) = k else { continue };
                if let Some(name) = named(&found, &covered, k, range.start, backwards) {
                    push(&mut out, shape, name, article);
                    break;
                }
            }
        }
        town_candidates(
            &found,
            &covered,
            gazetteer.term("admin"),
            s,
            &mut out,
            article,
        );
    }
    out.sort_by_key(|c| c.span.start);
    out
}

/// Per token: is it part of any entry's or term's occurrence?
fn coverage(found: &Found) -> Vec<bool> {
    let mut covered = vec![false; found.tokens.len()];
    for o in &found.occurrences {
        if matches!(o.target, Target::Entry(_) | Target::Term(_)) {
            for c in &mut covered[o.start..o.end()] {
                *c = true;
            }
        }
    }
    covered
}

/// A capitalised, uncovered name at token `k` (not the sentence's first
/// word), with its other hyphenated part (after it, or before it when
/// `backwards`): its span.
fn named(found: &Found, covered: &[bool], k: usize, first: usize, backwards: bool) -> Option<Span> {
    let text = &found.article.text;
    let hyphened =
        |a: usize, b: usize| text[found.tokens[a].span.end..found.tokens[b].span.start] == *"-";
    let (mut start, mut end) = (k, k);
    if backwards && k > first + 1 && hyphened(k - 1, k) && !covered[k - 1] {
        start = k - 1;
    } else if !backwards && k + 1 < found.tokens.len() && hyphened(k, k + 1) && !covered[k + 1] {
        end = k + 1;
    }
    let t = &found.tokens[start];
    let capital = text[t.span.start..].starts_with(char::is_uppercase);
    let digits = found.tokens.norm(start).chars().all(|c| c.is_ascii_digit());
    if start == first || covered[k] || !capital || digits {
        return None;
    }
    Some(Span::new(t.span.start, found.tokens[end].span.end))
}

/// Capitalised words in a Russian or Kazakh place construction. Acronyms,
/// Latin words and adjectives before a region word («в Чуйской области») are
/// not towns.
fn town_candidates(
    found: &Found,
    covered: &[bool],
    admin: Option<usize>,
    s: usize,
    out: &mut Vec<Candidate>,
    article: &Article,
) {
    let range = found.sentence_tokens[s].clone();
    for k in range.start + 1..range.end {
        let norm = found.tokens.norm(k - 1);
        let preposition = matches!(norm, "в" | "во");
        let word = found.tokens.norm(k);
        let locative = article.lang == crate::text::lang::Lang::Kk
            && word.chars().any(crate::text::span::is_cyrillic)
            && KAZAKH_LOCATIVE.iter().any(|l| word.ends_with(l));
        let text = found.tokens[k].span.of(&article.text);
        let acronym = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let latin = text.chars().all(|c| c.is_ascii_alphanumeric());
        if !(preposition || locative) || acronym || latin || found.term_at(k + 1, admin) {
            continue;
        }
        if let Some(name) = named(found, covered, k, range.start, false) {
            push(out, Shape::Town, name, article);
        }
    }
}

fn push(out: &mut Vec<Candidate>, shape: Shape, span: Span, article: &Article) {
    let name = span.of(&article.text).to_string();
    if out.iter().any(|c| c.name == name && c.shape == shape) {
        return;
    }
    out.push(Candidate {
        shape,
        name,
        span,
        line: line_of(&article.text, span.start),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::article::parse_text;
    use std::path::Path;

    fn candidates(text: &str) -> Vec<(Shape, String)> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml");
        let g = Gazetteer::load(&path).expect("the shipped gazetteer is valid");
        let article = parse_text("t", Path::new("t.txt"), text).unwrap();
        find(&Matcher::new(&g), &g, &article)
            .into_iter()
            .map(|c| (c.shape, c.name))
            .collect()
    }

    #[test]
    fn a_checkpoint_the_gazetteer_lacks() {
        assert_eq!(
            candidates("Открылся пункт пропуска «Алтын-Дара» на границе."),
            [(Shape::Checkpoint, "Алтын-Дара".to_string())]
        );
        assert_eq!(
            candidates("The new Brom-Varga checkpoint opened."),
            [(Shape::Checkpoint, "Brom-Varga".to_string())]
        );
        assert!(
            candidates("Пункт пропуска «Кордай» открыт.").is_empty(),
            "known"
        );
    }

    #[test]
    fn plants_and_reservoirs() {
        assert_eq!(
            candidates("Ремонт прошла Ташкумырская ГЭС."),
            [(Shape::HydroPlant, "Ташкумырская".to_string())]
        );
        assert_eq!(
            candidates("Water was released from the Papan reservoir."),
            [(Shape::Reservoir, "Papan".to_string())]
        );
        assert_eq!(
            candidates("Бұл жолы Тасөткел су қоймасы толды."),
            [(Shape::Reservoir, "Тасөткел".to_string())]
        );
        assert!(candidates("Токтогульское водохранилище наполнено.").is_empty());
    }

    #[test]
    fn an_unknown_town_in_a_place_construction() {
        assert_eq!(
            candidates("Совещание прошло в Чамане вчера."),
            [(Shape::Town, "Чамане".to_string())]
        );
        assert!(
            candidates("Встреча прошла в Оше.").is_empty(),
            "a known town"
        );
        assert_eq!(
            candidates("Кеше Шымкенттегі жиында Алтындарада өткен кездесу талқыланды."),
            [(Shape::Town, "Алтындарада".to_string())]
        );
        assert!(
            candidates("Кеше Алматыда жиын өтті.").is_empty(),
            "a known town"
        );
    }
}
