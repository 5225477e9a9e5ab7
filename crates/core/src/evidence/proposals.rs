//! Proposals: things the gazetteer lacks, read from the text, so an editor
//! can review them (`atlas check` lists them first).
//!
//! A sentence proposes a new feature where it names a *kind* of thing (a
//! gazetteer `[kind.ID]`: «солнечная электростанция», «ЖЭО», "bridge",
//! "school"…, matched like every other phrase, inflections included) and,
//! at most [`MAX_GAP`] words from it, an *anchor*: a place of Kazakhstan or
//! Kyrgyzstan the gazetteer or its places layer knows (a town, a village, a
//! lake; or its Russian adjective before a `district` word: «в Кеминском
//! районе»), as the matcher found it and kept by its guards (datelines and
//! addresses, outlet names, a region or river of the same name, a name in
//! lower case, a common word without a settlement word beside it). An anchor
//! in a place construction wins over a bare name («аэропорт Манас в Бишкеке»
//! is at Bishkek: Russian «в/во/у/около/под/близ/возле», English "in/at/near",
//! a Kazakh locative «-да/-де/-та/-те», «-дағы/-дегі…»); then the nearest; on
//! a tie, the one after the kind word («ТЭЦ Бишкека») before the one ahead of
//! it. No proposal is made:
//! - where the kind word is part of a known entry's name or alias;
//! - where the sentence already cites a curated project of the kind's
//!   category (the gazetteer knows the thing: «Камбаратинская ГЭС-1»);
//! - where the kind word describes a settlement word right after it ("resort
//!   town", «курорт қаласы»): the town is the thing;
//! - for a kind that `honours` someone, at a name outside a place
//!   construction («памятник Абаю», «музей, посвящённый Абаю» honour Abai;
//!   they are not at the village of Abay);
//! - where a place of a third country (a curated place whose `country` is
//!   neither KZ nor KG, e.g. Tashkent) stands nearer the kind word than any
//!   anchor.
//!
//! A kind word that finds no anchor in its sentence is carried to the next
//! sentence when it is the only such kind word there and the next sentence
//! refers back to it (a gazetteer `anaphor` word: «объект», «проект», «жоба»,
//! "the project"), names no event (a meeting's venue is not the thing's
//! place) and no place of a third country, and has an anchor in a place
//! construction ("…the construction of a solar plant…" then "80 ha of land
//! in the Toru-Aygyr village will be allocated for the project"); the
//! citation then holds both sentences.
//!
//! Sentences that propose the same kind at the same anchor, in one article
//! or several, are one [`Proposal`]. Its location is the anchor's point,
//! flagged approximate, with the derivation in its provenance; its name is
//! the kind's name and the anchor's, in each language ("Toru-Aygyr solar
//! power plant", «Солнечная электростанция (Тору-Айгыр)»), and its citations
//! keep the words as the text wrote them ([`Sighting::words`]).
//!
//! Confidence, in percent, is a plain score, not a probability: 50 for a
//! kind word and an anchor, +25 when they stand side by side in one sentence
//! (at most one word between), +10 when the sentence also names Kazakhstan
//! or Kyrgyzstan, +10 for each further article that proposes it; at most 100.

use std::collections::HashMap;

use crate::evidence::citation::{Citation, Feature};
use crate::evidence::corpus::Corpus;
use crate::evidence::gazetteer::{
    Category, Entry, EntryKind, Gazetteer, Origin, Precision, Status,
};
use crate::evidence::guard::{self, Grammar};
use crate::evidence::mention::{Found, Matcher, Occurrence, Role, Target};
use crate::geo::coords::{Geometry, LatLon};
use crate::text::lang::Lang;
use crate::text::names::Names;
use crate::text::span::{Span, line_of};

/// The most words between a kind word and its anchor.
pub const MAX_GAP: usize = 4;

/// One sentence that proposes a feature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sighting {
    /// Index into [`Corpus::articles`].
    pub article: usize,
    /// Index into that article's sentences: the anchor's.
    pub sentence: usize,
    /// The first sentence cited: the kind word's (the one before `sentence`
    /// when the next sentence referred back to it), else `sentence`.
    pub first: usize,
    /// From the kind word to the anchor (or back), as bytes of the article.
    pub span: Span,
    /// 1-based line of the span's start in the article file.
    pub line: usize,
}

impl Sighting {
    /// The words as the article wrote them.
    pub fn words<'a>(&self, corpus: &'a Corpus) -> &'a str {
        corpus.articles[self.article].slice(self.span)
    }
}

/// A feature the engine proposes: not in the gazetteer, not yet reviewed.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// `proposed-KIND-ANCHOR`: stable while the anchor and kind are.
    pub id: String,
    /// Index into [`Gazetteer::kinds`].
    pub kind: usize,
    pub category: Category,
    /// Index into [`Gazetteer::entries`]: the place it is placed at.
    pub anchor: usize,
    pub name: Names,
    /// The anchor's point (approximate: the thing is somewhere there).
    pub location: LatLon,
    /// How the location was derived, for an editor and for `atlas export`.
    pub provenance: String,
    /// In article order, then sentence order.
    pub sightings: Vec<Sighting>,
    /// A score in percent (see the module header).
    pub confidence: u8,
}

/// Every proposal the corpus makes, most confident first (then by id);
/// `matcher` is the corpus gazetteer's (the one `atlas check`'s candidates use).
pub fn propose(corpus: &Corpus, matcher: &Matcher) -> Vec<Proposal> {
    let gazetteer = &corpus.gazetteer;
    if gazetteer.kinds.is_empty() {
        return Vec::new();
    }
    let grammar = Grammar::of(gazetteer);
    let known = known_projects(corpus);
    let country_terms = [gazetteer.term("kazakhstan"), gazetteer.term("kyrgyzstan")];
    let anaphor = gazetteer.term("anaphor");
    let mut by_id: HashMap<(usize, usize), Draft> = HashMap::new();
    for (a, article) in corpus.articles.iter().enumerate() {
        let found = matcher.scan(article);
        let mut carried = None;
        for s in 0..article.sentences.len() {
            let here = Here {
                found: &found,
                gazetteer,
                grammar: &grammar,
                s,
            };
            let kinds = here.kinds(known.get(&(a, s)), carried.zip(anaphor));
            for hit in kinds.hits {
                let bilateral = country_terms.iter().any(|&t| found.term_in(s, t).is_some());
                let draft = by_id.entry((hit.kind, hit.anchor)).or_default();
                draft.add(a, s, hit, bilateral, &found);
            }
            carried = match kinds.loose[..] {
                [one] => Some(one),
                _ => None,
            };
        }
    }
    let mut out: Vec<Proposal> = by_id
        .into_iter()
        .map(|((kind, anchor), d)| d.finish(corpus, kind, anchor))
        .collect();
    out.sort_by(|x, y| {
        y.confidence
            .cmp(&x.confidence)
            .then_with(|| x.id.cmp(&y.id))
    });
    out
}

/// The corpus with its proposals added after the gazetteer's entries, each as
/// an entry of status [`Status::Proposed`] (a project at its anchor's point,
/// approximate, with a location note naming the anchor) and its feature (one
/// citation per sighting, the mention from the kind word to the anchor):
/// what `atlas export` writes, and the widget shows where the corpus's
/// setting says `proposals = "shown"` ([`crate::Bundle::new`]).
pub fn adopt(mut corpus: Corpus) -> Corpus {
    let proposals = propose(&corpus, &Matcher::new(&corpus.gazetteer));
    for p in proposals {
        let anchor = &corpus.gazetteer.entries[p.anchor];
        let note = Names {
            ru: format!("Отмечено в точке «{}», названной в тексте", anchor.name.ru),
            kk: format!("Мәтінде аталған «{}» нүктесінде белгіленді", anchor.name.kk),
            en: format!("Placed at {}, the place the text names", anchor.name.en),
        };
        let citations = p
            .sightings
            .iter()
            .map(|s| Citation {
                article: s.article,
                sentence: s.sentence,
                first: s.first,
                last: s.sentence,
                mention: s.span,
                role: Role::Subject,
            })
            .collect();
        corpus.features.push(Feature {
            entry: corpus.gazetteer.entries.len(),
            citations,
        });
        corpus.gazetteer.entries.push(Entry {
            id: p.id,
            kind: EntryKind::Project,
            category: p.category,
            name: p.name,
            name_ky: None,
            aliases: Default::default(),
            geometry: Some(Geometry::Point(p.location)),
            precision: Precision::Approximate,
            provenance: p.provenance,
            location_note: Some(note),
            members: Vec::new(),
            rules: Vec::new(),
            context: Vec::new(),
            origin: Origin::Proposed,
            country: anchor.country().map(str::to_string),
            status: Status::Proposed,
            line: 0,
        });
    }
    corpus
}

/// Per (article, sentence): the categories of the curated projects it cites.
fn known_projects(corpus: &Corpus) -> HashMap<(usize, usize), Vec<Category>> {
    let mut known: HashMap<(usize, usize), Vec<Category>> = HashMap::new();
    for f in &corpus.features {
        let e = corpus.entry(f);
        if e.kind == EntryKind::Place {
            continue;
        }
        for c in &f.citations {
            for s in c.first..=c.last {
                known.entry((c.article, s)).or_default().push(e.category);
            }
        }
    }
    known
}

/// A kind word and its anchor in one sentence.
#[derive(Debug, Clone, Copy)]
struct Hit {
    kind: usize,
    anchor: usize,
    /// Tokens from the first of the two to the last, inclusive.
    first: usize,
    last: usize,
    gap: usize,
    /// Found through an anaphor: the kind word is in the sentence before.
    back: bool,
}

/// One sentence of one article, as the matcher found it.
struct Here<'a> {
    found: &'a Found<'a>,
    gazetteer: &'a Gazetteer,
    grammar: &'a Grammar,
    s: usize,
}

/// What a sentence's kind words gave.
struct Kinds {
    hits: Vec<Hit>,
    /// Kinds whose every word here found no anchor (each once).
    loose: Vec<usize>,
}

impl Here<'_> {
    /// The kind words of the sentence and the anchor each is placed at; with
    /// `carried` (a kind left loose by the sentence before, and the anaphor
    /// term), that kind at the anchor of this sentence if it refers back
    /// ([`referred`]) and gave no hit of its own.
    fn kinds(&self, known: Option<&Vec<Category>>, carried: Option<(usize, usize)>) -> Kinds {
        let Here {
            found,
            gazetteer,
            grammar,
            s,
        } = *self;
        let here: Vec<&Occurrence> = found.by_sentence[s]
            .iter()
            .map(|&i| &found.occurrences[i])
            .filter(|o| o.strict)
            .collect();
        let entries: Vec<(Occurrence, &Entry, usize)> = found.by_sentence[s]
            .iter()
            .map(|&i| &found.occurrences[i])
            .filter_map(|o| match o.target {
                Target::Entry(e) => Some((*o, &gazetteer.entries[e], e)),
                Target::Term(_) => None,
            })
            // A place's adjective names the district it heads («в Тору-Айгырском
            // айыл окмоту», «в Кеминском районе»), never a region («Иссык-Кульской
            // области» is not at the lake); it is written with its capital.
            .filter(|(o, e, _)| {
                let capital = || {
                    let at = found.tokens[o.start].span.start;
                    found.article.text[at..].starts_with(char::is_uppercase)
                };
                o.strict
                    || (e.kind == EntryKind::Place
                        && found.term_at(o.end(), grammar.district)
                        && capital())
            })
            // The matcher's checks of a name: capitals, regions, rivers, outlets,
            // and a common word only beside a settlement word.
            .filter(|(o, e, _)| !o.strict || guard::keeps_name(found, grammar, e, o))
            .collect();
        let is_kind_word = |o: &Occurrence| {
            gazetteer
                .kinds
                .iter()
                .any(|k| o.target == Target::Term(k.term))
        };
        let known_kind = |k: usize| known.is_some_and(|c| c.contains(&gazetteer.kinds[k].category));
        let mut out = Kinds {
            hits: Vec::new(),
            loose: Vec::new(),
        };
        for (k, kind) in gazetteer.kinds.iter().enumerate() {
            if known_kind(k) {
                continue;
            }
            let words = here.iter().filter(|o| o.target == Target::Term(kind.term));
            let mut seen = false;
            for word in words {
                let within =
                    |o: &Occurrence| o.start <= word.start && word.end() <= o.end() && *o != **word;
                // Part of a known name, or of a longer kind word («solar park», not «park»).
                let inside = entries.iter().any(|(o, _, _)| within(o))
                    || here
                        .iter()
                        .any(|o| is_kind_word(o) && o.len > word.len && within(o));
                // "resort town", «курорт қаласы»: the kind word describes the town.
                if inside || found.term_at(word.end(), grammar.settlement) {
                    continue;
                }
                seen = true;
                if let Some(hit) = anchored(found, word, k, kind.honours, &entries) {
                    out.hits.push(hit);
                    seen = false;
                    break;
                }
            }
            if seen {
                out.loose.push(k);
            }
        }
        if let Some((k, term)) = carried.filter(|&(k, _)| out.hits.is_empty() && !known_kind(k)) {
            let word = here.iter().find(|o| o.target == Target::Term(term));
            let event = found.term_in(s, grammar.event).is_some();
            if let Some(word) = word.filter(|_| !event) {
                out.hits.extend(referred(found, word, k, &entries));
            }
        }
        out
    }
}

/// The hit of a kind carried from the sentence before, at the anchor in a
/// place construction nearest the anaphor `word`, anywhere in its sentence
/// (a sentence that refers back to the thing says where it is); none if the
/// sentence names a place of a third country.
fn referred(
    found: &Found,
    word: &Occurrence,
    kind: usize,
    entries: &[(Occurrence, &Entry, usize)],
) -> Option<Hit> {
    if entries.iter().any(|(_, e, _)| is_foreign(e)) {
        return None;
    }
    let (o, anchor) = entries
        .iter()
        .filter(|(o, e, _)| is_anchor(e) && located(found, o))
        .map(|&(o, _, i)| (o, i))
        .min_by_key(|(o, _)| gap(word, o))?;
    Some(Hit {
        kind,
        anchor,
        first: word.start.min(o.start),
        last: word.end().max(o.end()) - 1,
        gap: gap(word, &o),
        back: true,
    })
}

/// The hit of kind word `word` (of kind `kind`) at its anchor (see the
/// module header), if no place of a third country stands nearer.
fn anchored(
    found: &Found,
    word: &Occurrence,
    kind: usize,
    honours: bool,
    entries: &[(Occurrence, &Entry, usize)],
) -> Option<Hit> {
    let nearest = |keep: fn(&Entry) -> bool| {
        entries
            .iter()
            .filter(|(o, e, _)| keep(e) && (o.end() <= word.start || word.end() <= o.start))
            .map(|&(o, _, i)| {
                (
                    !located(found, &o),
                    gap(word, &o),
                    o.start < word.start,
                    o,
                    i,
                )
            })
            .filter(|&(bare, g, ..)| g <= MAX_GAP && !(honours && bare))
            .min_by_key(|&(bare, g, before, ..)| (bare, g, before))
    };
    let (_, g, _, o, anchor) = nearest(is_anchor)?;
    if nearest(is_foreign).is_some_and(|(_, fg, ..)| fg < g) {
        return None;
    }
    Some(Hit {
        kind,
        anchor,
        first: word.start.min(o.start),
        last: word.end().max(o.end()) - 1,
        gap: g,
        back: false,
    })
}

/// Russian and English words that put a place name in a place construction.
const PLACE_WORDS: &[&str] = &[
    "в",
    "во",
    "у",
    "около",
    "под",
    "близ",
    "возле",
    "in",
    "at",
    "near",
];

/// Kazakh locative endings, and the locative adjective («Оштағы мектеп»).
const KAZAKH_LOCATIVE: &[&str] = &[
    "ндағы",
    "ндегі",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
];

/// Is the place name `o` in a place construction: after a Russian or
/// English place word, or with a Kazakh locative ending after its stem?
fn located(found: &Found, o: &Occurrence) -> bool {
    let place_word = |k: usize| PLACE_WORDS.contains(&found.tokens[k].norm.as_str());
    // "in Toru-Aygyr", "in the Toru-Aygyr village".
    let after_word = o.start.checked_sub(1).is_some_and(|p| {
        place_word(p) || (found.tokens[p].norm == "the" && p.checked_sub(1).is_some_and(place_word))
    });
    let last = o.end() - 1;
    let ending = found.tokens[last]
        .norm
        .get(found.stem_end[last]..)
        .unwrap_or("");
    let kazakh =
        found.article.lang == Lang::Kk && KAZAKH_LOCATIVE.iter().any(|l| ending.ends_with(l));
    after_word || kazakh
}

/// Words strictly between two occurrences that do not overlap.
fn gap(a: &Occurrence, b: &Occurrence) -> usize {
    if a.end() <= b.start {
        b.start - a.end()
    } else {
        a.start - b.end()
    }
}

/// A located place of Kazakhstan or Kyrgyzstan.
fn is_anchor(e: &Entry) -> bool {
    e.kind == EntryKind::Place
        && matches!(e.geometry, Some(Geometry::Point(_)))
        && matches!(e.country(), Some("KZ" | "KG"))
}

/// A place the gazetteer says is in a third country.
fn is_foreign(e: &Entry) -> bool {
    e.kind == EntryKind::Place && e.country().is_some_and(|c| c != "KZ" && c != "KG")
}

/// A proposal while its sightings are gathered.
#[derive(Default)]
struct Draft {
    sightings: Vec<Sighting>,
    best: u8,
    articles: Vec<usize>,
}

impl Draft {
    fn add(&mut self, article: usize, sentence: usize, hit: Hit, bilateral: bool, found: &Found) {
        let span = Span::new(
            found.tokens[hit.first].span.start,
            found.tokens[hit.last].span.end,
        );
        let side_by_side = hit.gap <= 1 && !hit.back;
        let score = 50 + if side_by_side { 25 } else { 0 } + if bilateral { 10 } else { 0 };
        self.best = self.best.max(score);
        if !self.articles.contains(&article) {
            self.articles.push(article);
        }
        self.sightings.push(Sighting {
            article,
            sentence,
            first: if hit.back { sentence - 1 } else { sentence },
            span,
            line: line_of(&found.article.text, span.start),
        });
    }

    fn finish(self, corpus: &Corpus, kind: usize, anchor: usize) -> Proposal {
        let k = &corpus.gazetteer.kinds[kind];
        let place = &corpus.gazetteer.entries[anchor];
        let Some(Geometry::Point(location)) = place.geometry else {
            unreachable!("an anchor has a point (is_anchor)")
        };
        let first = &self.sightings[0];
        let provenance = format!(
            "Proposed from the text, not yet reviewed: placed at {} ({}), the place the text names beside the type word, «{}» ({}.txt line {}).",
            place.name.en,
            place.provenance,
            first.words(corpus),
            corpus.articles[first.article].id,
            first.line
        );
        let more = 10 * (self.articles.len() as u32 - 1);
        Proposal {
            id: format!("proposed-{}-{}", k.id, place.id),
            kind,
            category: k.category,
            anchor,
            name: name(&k.name, &place.name),
            location,
            provenance,
            sightings: self.sightings,
            confidence: (u32::from(self.best) + more).min(100) as u8,
        }
    }
}

/// The proposal's name in each language: the anchor and the kind, in the
/// order the language puts a place name before a head noun.
fn name(kind: &Names, place: &Names) -> Names {
    let lower = |s: &str| {
        let mut c = s.chars();
        match c.next() {
            // An abbreviation («ТЭЦ», "HPP") keeps its capitals.
            Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
                f.to_lowercase().chain(c).collect()
            }
            _ => s.to_string(),
        }
    };
    let get = |n: &Names, l: Lang| n.get(l).to_string();
    Names {
        ru: format!("{} ({})", get(kind, Lang::Ru), get(place, Lang::Ru)),
        kk: format!("{} {}", get(place, Lang::Kk), lower(kind.get(Lang::Kk))),
        en: format!("{} {}", get(place, Lang::En), lower(kind.get(Lang::En))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::article::parse_text;
    use std::path::Path;

    fn shipped() -> Gazetteer {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml");
        Gazetteer::load(&path).expect("the shipped gazetteer is valid")
    }

    /// (id, name in the article's language, the words cited) per proposal.
    fn proposals(texts: &[&str]) -> Vec<(String, String, Vec<String>)> {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parse_text(&format!("t{i}"), Path::new("t.txt"), t).unwrap())
            .collect();
        let corpus = Corpus::link(articles, shipped());
        propose(&corpus, &Matcher::new(&corpus.gazetteer))
            .iter()
            .map(|p| {
                let lang = corpus.articles[p.sightings[0].article].lang;
                let words = p.sightings.iter().map(|s| s.words(&corpus).to_string());
                (p.id.clone(), p.name.get(lang).to_string(), words.collect())
            })
            .collect()
    }

    fn ids(texts: &[&str]) -> Vec<String> {
        proposals(texts).into_iter().map(|p| p.0).collect()
    }

    mod kinds {
        use super::*;

        #[test]
        fn a_plant_at_a_town_in_three_languages() {
            assert_eq!(
                proposals(&["Казахстан построит солнечную электростанцию в Кемине."]),
                [(
                    "proposed-solar-plant-kemin".to_string(),
                    "Солнечная электростанция (Кемин)".to_string(),
                    vec!["солнечную электростанцию в Кемине".to_string()]
                )]
            );
            assert_eq!(
                ids(&["Кеминде күн электр станциясы салынады."]),
                ["proposed-solar-plant-kemin"]
            );
            assert_eq!(
                proposals(&["A solar power plant will be built in Kemin by Kazakh investors."])[0]
                    .1,
                "Kemin solar power plant"
            );
        }

        #[test]
        fn inflected_kind_words_and_abbreviations() {
            assert_eq!(
                proposals(&["Модернизация ТЭЦ Бишкека завершится в этом году."])[0].1,
                "ТЭЦ (Бишкек)"
            );
            assert_eq!(
                ids(&["Бішкек ЖЭО-сы қазақстандық көмірді сатып алуды тоқтатады."]),
                ["proposed-chp-bishkek"]
            );
        }

        #[test]
        fn two_articles_make_one_proposal_more_confident() {
            let one = propose_one(&["В Кемине построят школу."]);
            let two = propose_one(&[
                "В Кемине построят школу.",
                "Школа в Кемине откроется осенью.",
            ]);
            assert_eq!(one.id, two.id);
            assert_eq!(two.sightings.len(), 2);
            assert!(
                two.confidence > one.confidence,
                "{} {}",
                two.confidence,
                one.confidence
            );
            let kemin = LatLon::new(42.78611, 75.69167); // GeoNames 1528606
            let off = (two.location.lat - kemin.lat).abs() + (two.location.lon - kemin.lon).abs();
            assert!(off < 1e-9, "{:?} is Kemin's point", two.location);
            assert!(two.provenance.contains("Kemin"), "{}", two.provenance);
        }

        #[test]
        fn a_kind_word_carried_to_the_sentence_that_refers_back() {
            let en = propose_one(&[
                "The agreement on the construction of a solar plant was approved. \
                 Some 80 ha of land in the Kemin village will be allocated for the project.",
            ]);
            assert_eq!(en.id, "proposed-solar-plant-kemin");
            let s = &en.sightings[0];
            assert_eq!((s.first, s.sentence), (0, 1), "both sentences cited");
            assert_eq!(
                ids(&["Власти одобрили строительство солнечной электростанции. \
                       Объект будет находиться в Кемине."]),
                ["proposed-solar-plant-kemin"]
            );
            assert_eq!(
                ids(&["Үкімет күн электр станциясын салуды мақұлдады. \
                       Жоба Кеминде жүзеге асырылады."]),
                ["proposed-solar-plant-kemin"]
            );
        }

        #[test]
        fn a_district_named_by_its_town() {
            assert_eq!(
                ids(&["Солнечную электростанцию построят в Кеминском районе."]),
                ["proposed-solar-plant-kemin"]
            );
            assert_eq!(
                ids(&[
                    "Стороны подписали договор на строительство солнечной электростанции. \
                       Объект будет находиться в Тору-Айгырском айыл окмоту."
                ]),
                ["proposed-solar-plant-toru-aygyr"]
            );
        }

        fn propose_one(texts: &[&str]) -> Proposal {
            let articles = texts
                .iter()
                .enumerate()
                .map(|(i, t)| parse_text(&format!("t{i}"), Path::new("t.txt"), t).unwrap())
                .collect();
            let corpus = Corpus::link(articles, shipped());
            let mut all = propose(&corpus, &Matcher::new(&corpus.gazetteer));
            assert_eq!(all.len(), 1, "{all:?}");
            all.remove(0)
        }
    }

    mod not_proposed {
        use super::*;

        #[test]
        fn without_an_anchor_or_too_far_from_it() {
            assert!(ids(&["Казахстан построит солнечную электростанцию."]).is_empty());
            assert!(
                ids(&["Школа, о которой долго говорили депутаты и министры, откроется в Кемине."])
                    .is_empty(),
                "more than {MAX_GAP} words apart"
            );
        }

        #[test]
        fn a_sentence_that_refers_back_but_does_not_place_it() {
            let plant = "The agreement on the construction of a solar plant was approved.";
            for next in [
                // A bare name, not a place construction.
                "Kemin officials welcomed the project.",
                // An event's venue is not the plant's place.
                "The project was signed in Kemin.",
                // No word that refers back.
                "Some 80 ha of land in the Kemin village will be allocated.",
            ] {
                assert!(ids(&[&format!("{plant} {next}")]).is_empty(), "{next}");
            }
            assert!(
                ids(&[
                    "The construction of a solar plant was approved. The weather was fine. \
                       Some 80 ha of land in the Kemin village will be allocated for the project."
                ])
                .is_empty(),
                "only the next sentence refers back"
            );
        }

        #[test]
        fn a_region_named_by_its_town() {
            assert!(
                ids(&["Солнечную электростанцию построят в Алматинской области."]).is_empty(),
                "the Almaty region is not at Almaty"
            );
        }

        #[test]
        fn what_the_gazetteer_knows() {
            assert!(
                ids(&["Строительство Камбаратинской ГЭС-1 на реке Нарын начнется весной."])
                    .is_empty(),
                "a curated project of that category in the sentence"
            );
        }

        #[test]
        fn a_place_of_a_third_country() {
            assert!(
                ids(&["ТЭЦ Ташкента и Бишкек подписали договор."]).is_empty(),
                "Tashkent stands nearer the kind word than Bishkek"
            );
        }

        #[test]
        fn a_dateline_is_no_anchor() {
            assert!(ids(&["BISHKEK, January 7. A new school will open next year."]).is_empty());
        }
    }
}
