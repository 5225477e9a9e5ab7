//! Proposals: things the gazetteer lacks, read from the text, so an editor
//! can review them (`atlas check` lists them first).
//!
//! A sentence proposes a new feature where it names a *kind* of thing (a
//! gazetteer `[kind.ID]`: «солнечная электростанция», «ЖЭО», "bridge",
//! "school"…, matched like every other phrase, inflections included) and,
//! at most [`MAX_GAP`] words from it, an *anchor*: a place of Kazakhstan or
//! Kyrgyzstan the gazetteer or its places layer knows (a town, a village, a
//! lake; or its Russian adjective before a `district` word: «в Кеминском
//! районе»; or a region, a gazetteer area: «в Чуйской области», "Zhambyl
//! region"), or a border crossing the sentence cites (a bridge between two
//! checkpoints), as the matcher found it and kept by its guards (datelines and
//! addresses, outlet names, a region or river of the same name, a name in
//! lower case, a common word without a settlement word or a kind word after
//! it: «Кант цемент зауыты»), and not part of a longer name (a bare name
//! before a capitalised word the gazetteer does not know: «Темир Сариев»,
//! «Бишкек Солар»). An anchor in a place construction wins over a bare name
//! («аэропорт Манас в Бишкеке» is at Bishkek: Russian «в/во/у/около/под/близ/
//! возле», English "in/at/near", possibly with a settlement or district word
//! between, «в городе Ош», «в районе Кемина»; a settlement word naming it,
//! "the village of Tyup", "Osh city"; a Kazakh locative «-да/-де/-та/-те»,
//! «-дағы/-дегі…»); then the nearest; on a tie, the one after the kind word
//! («ТЭЦ Бишкека») before the one ahead of it. A kind word with no anchor
//! that near is placed at the one place its sentence puts in a place
//! construction, if it names no other and no event held there (unless the
//! event is an `opening`: the thing opened is where it opens). A `linear`
//! kind (a road, a line, a pipe, a canal) is placed at a town or a region only, which
//! may also be an end it runs from, to or through («до станции "Сокулук"»),
//! and a route named by its ends at the first («трасса Тюп - Кеген»). Kind words
//! coordinated at one anchor («улицы, памятника и музея») are one proposal,
//! of the first kind. No proposal is made:
//! - where the kind word is part of a known entry's name or alias, or of a
//!   known project's mention in the sentence (the words its rule read);
//! - where the sentence already cites a curated project of the kind's
//!   category (the gazetteer knows the thing: «Камбаратинская ГЭС-1»), or an
//!   earlier sentence of its paragraph does and no place stands beside the
//!   kind word («Дорога пройдет через Кемин» after the Almaty – Cholpon-Ata
//!   road is that road);
//! - where the kind word describes a settlement word right after it ("resort
//!   town", «курорт қаласы»), or is of its anchor's own category right beside
//!   it ("the popular Issyk-Kul resort" is the lake): the place is the thing;
//! - for a kind that `honours` someone, at a name outside a place
//!   construction («памятник Абаю», «музей, посвящённый Абаю» honour Abai;
//!   they are not at the village of Abay);
//! - where a place of a third country (a curated place whose `country` is
//!   neither KZ nor KG, e.g. Tashkent) stands nearer the kind word than any
//!   anchor;
//! - where neither its sentences nor the [`NEAR`] on each side name the other
//!   side than the anchor's country (its `kazakhstan` or `kyrgyzstan` word, a
//!   place of it, or a `bilateral` word: "the two countries", «совместный»):
//!   a bridge in Taraz or a reservoir in Aktobe that nothing near ties to
//!   Kyrgyzstan is a domestic project, not a bilateral one.
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
use crate::evidence::decisions::PROPOSED;
use crate::evidence::gazetteer::{
    Category, Entry, EntryKind, Gazetteer, Kind, Origin, Precision, Status,
};
use crate::evidence::guard::{self, Grammar};
use crate::evidence::mention::{Found, Matcher, Occurrence, Role, Target};
use crate::geo::coords::{Geometry, LatLon};
use crate::text::lang::Lang;
use crate::text::names::Names;
use crate::text::span::{Span, line_of};

/// The most words between a kind word and its anchor.
pub const MAX_GAP: usize = 4;

/// How many sentences on each side of a proposal's may name the other side.
pub const NEAR: usize = 2;

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

impl Proposal {
    /// The curated gazetteer entry an editor's accept makes of this
    /// proposal (issue 19), as a `[[entry]]` block to append to the
    /// gazetteer: its id without `proposed-` (made unique), its names, its
    /// point, `approximate`, a provenance that says it was accepted from the
    /// proposal and how the point was derived, and a rule that finds it again
    /// where the proposal was read: the kind's type words (`kind-ID`) with
    /// the anchor in the sentence or the next (`window = 1`, as a carried
    /// type word is). The editor may then edit it like any entry.
    pub fn accepted_entry(&self, gazetteer: &Gazetteer, date: &str) -> String {
        use crate::evidence::decisions::toml_string as q;
        let base = self.id.trim_start_matches("proposed-").to_string();
        let taken = |id: &str| gazetteer.entries.iter().any(|e| e.id == id);
        let id = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|id| !taken(id))
            .expect("some suffix is free");
        let kind = &gazetteer.kinds[self.kind];
        let anchor = &gazetteer.entries[self.anchor];
        let category = self.category.key();
        let mut out = String::from("\n[[entry]]\n");
        out.push_str(&format!(
            "id = {}\nkind = \"project\"\ncategory = {}\n",
            q(&id),
            q(category)
        ));
        out.push_str(&format!(
            "name = {{ ru = {}, kk = {}, en = {} }}\n",
            q(&self.name.ru),
            q(&self.name.kk),
            q(&self.name.en)
        ));
        if let Some(country) = anchor.country() {
            out.push_str(&format!("country = {}\n", q(country)));
        }
        out.push_str(&format!(
            "point = {{ lat = {:.5}, lon = {:.5} }}\napproximate = true\n",
            self.location.lat, self.location.lon
        ));
        let provenance = format!(
            "Accepted on {date} from the engine's proposal {}: {}",
            self.id,
            self.provenance
                .trim_start_matches("Proposed from the text, not yet reviewed: ")
        );
        out.push_str(&format!("provenance = {}\n", q(&provenance)));
        out.push_str(&format!(
            "rules = [{{ cue = {}, with = [{}], window = 1 }}]\n",
            q(&format!("kind-{}", kind.id)),
            q(&anchor.id)
        ));
        out
    }
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
    let sides = Sides {
        kazakhstan: country_terms[0],
        kyrgyzstan: country_terms[1],
        both: gazetteer.term("bilateral"),
    };
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
            // A bare kind word after a sentence of its paragraph that cites a
            // known project of its category is that project again («…дорогу
            // Алматы — Чолпон-Ата. Дорога пройдет через Кемин»); a place
            // beside it names another one ("the Tyup-Kegen highway").
            let sentences = &article.sentences;
            let paragraph = sentences[s].paragraph;
            let again = |h: &Hit| {
                let category = gazetteer.kinds[h.kind].category;
                let cited = |p: usize| {
                    known
                        .get(&(a, p))
                        .is_some_and(|k| k.categories.contains(&category))
                };
                h.gap >= 2
                    && (0..s)
                        .rev()
                        .take_while(|&p| sentences[p].paragraph == paragraph)
                        .any(cited)
            };
            for hit in kinds.hits.into_iter().filter(|h| !again(h)) {
                let first = if hit.back { s - 1 } else { s };
                if !sides.meet(&found, gazetteer, &gazetteer.entries[hit.anchor], first, s) {
                    continue;
                }
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
    let rejected = |p: &Proposal, s: &Sighting| {
        corpus
            .rejected_proposals
            .iter()
            .any(|(a, at, id)| (*a, *at) == (s.article, s.sentence) && *id == p.id)
    };
    let mut out: Vec<Proposal> = by_id
        .into_iter()
        .map(|((kind, anchor), d)| d.finish(corpus, kind, anchor))
        .filter_map(|mut p| {
            let kept: Vec<Sighting> = p
                .sightings
                .iter()
                .filter(|s| !rejected(&p, s))
                .cloned()
                .collect();
            p.sightings = kept;
            (!p.sightings.is_empty()).then_some(p)
        })
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

/// What the curated projects cited in one sentence tell the proposals.
#[derive(Default)]
struct Known {
    /// Their categories.
    categories: Vec<Category>,
    /// Their mentions in it (bytes of the article): a word inside one is
    /// evidence of a known project already.
    mentions: Vec<Span>,
    /// Their entries: a crossing anchors only where the sentence cites it
    /// («Aisha bibi Street» is an address, not the Aisha-Bibi checkpoint).
    entries: Vec<usize>,
}

/// Per (article, sentence): the curated projects it cites.
fn known_projects(corpus: &Corpus) -> HashMap<(usize, usize), Known> {
    let mut known: HashMap<(usize, usize), Known> = HashMap::new();
    for f in &corpus.features {
        let e = corpus.entry(f);
        if e.kind == EntryKind::Place {
            continue;
        }
        for c in &f.citations {
            for s in c.first..=c.last {
                let k = known.entry((c.article, s)).or_default();
                k.categories.push(e.category);
                if s == c.sentence {
                    k.mentions.push(c.mention);
                    k.entries.push(f.entry);
                }
            }
        }
    }
    known
}

/// The terms that say which side of the border a sentence speaks of.
struct Sides {
    kazakhstan: Option<usize>,
    kyrgyzstan: Option<usize>,
    /// Words for both at once ("the two countries", «совместный»).
    both: Option<usize>,
}

impl Sides {
    /// Is the other side than the `anchor`'s country named in the sentences
    /// `first..=last` or the [`NEAR`] on either side of them: its country
    /// word, a place of it, or a word for both (a crossing is of both)? A
    /// bridge in Taraz that nothing near it ties to Kyrgyzstan is a domestic
    /// project, not a bilateral one.
    fn meet(
        &self,
        found: &Found,
        gazetteer: &Gazetteer,
        anchor: &Entry,
        first: usize,
        last: usize,
    ) -> bool {
        let (term, country) = match anchor.country() {
            _ if is_crossing(anchor) => return true,
            Some("KZ") => (self.kyrgyzstan, "KG"),
            Some("KG") => (self.kazakhstan, "KZ"),
            _ => return false,
        };
        let end = (last + NEAR).min(found.by_sentence.len() - 1);
        let place_of = |o: &Occurrence| match o.target {
            Target::Entry(e) => {
                let e = &gazetteer.entries[e];
                o.strict && e.kind == EntryKind::Place && e.country() == Some(country)
            }
            Target::Term(_) => false,
        };
        (first.saturating_sub(NEAR)..=end).any(|s| {
            found.term_in(s, term).is_some()
                || found.term_in(s, self.both).is_some()
                || found.by_sentence[s]
                    .iter()
                    .any(|&i| place_of(&found.occurrences[i]))
        })
    }
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
    /// The kind word's tokens (the anaphor's, for a hit found through one).
    word: (usize, usize),
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
    /// The entries named in the sentence that may anchor or stop a proposal,
    /// as (occurrence, entry, index).
    fn entries(&self, here: &[&Occurrence]) -> Vec<(Occurrence, &Entry, usize)> {
        let Here {
            found,
            gazetteer,
            grammar,
            s,
        } = *self;
        let capital = |o: &Occurrence| {
            let at = found.tokens[o.start].span.start;
            found.article.text[at..].starts_with(char::is_uppercase)
        };
        // A capitalised name inside a sentence right before a kind word names
        // the thing's town even where it is also an ordinary word («Кант цемент
        // зауыты»): the type word is the settlement word's counterpart.
        let heads_kind = |o: &Occurrence| {
            o.start > found.sentence_tokens[s].start
                && here.iter().any(|w| {
                    is_kind_word(gazetteer, w) && (o.end()..=o.end() + 1).contains(&w.start)
                })
        };
        // A name in its bare form before a capitalised word that the
        // gazetteer does not know is part of a longer name: a person's
        // («сказал Темир Сариев»), a company's («Бишкек Солар»).
        let starts = |k: usize| {
            found.by_sentence[s]
                .iter()
                .any(|&i| found.occurrences[i].start == k)
        };
        let in_a_name = |o: &Occurrence| {
            let (last, next) = (o.end() - 1, o.end());
            let bare = found.stem_end[last] >= found.tokens.norm(last).len();
            let text = &found.article.text;
            let capital_next = next < found.sentence_tokens[s].end
                && text[found.tokens[last].span.end..found.tokens[next].span.start] == *" "
                && text[found.tokens[next].span.start..].starts_with(char::is_uppercase);
            bare && capital_next && !starts(next)
        };
        found.by_sentence[s]
            .iter()
            .map(|&i| &found.occurrences[i])
            .filter(|o| !in_a_name(o))
            .filter_map(|o| match o.target {
                Target::Entry(e) => Some((*o, &gazetteer.entries[e], e)),
                Target::Term(_) => None,
            })
            // A place's adjective names the district it heads («в Тору-Айгырском
            // айыл окмоту», «в Кеминском районе»), never a region («Иссык-Кульской
            // области» is not at the lake); it is written with its capital.
            .filter(|(o, e, _)| {
                o.strict
                    || (e.kind == EntryKind::Place
                        && found.term_at(o.end(), grammar.district)
                        && capital(o))
            })
            // The matcher's checks of a name: capitals, regions, rivers, outlets,
            // and a common word only beside a settlement word (or a kind word).
            .filter(|(o, e, _)| {
                !o.strict
                    || guard::keeps_name(found, grammar, e, o)
                    || (guard::keeps_common_name(found, grammar, e, o) && heads_kind(o))
            })
            .collect()
    }

    /// The kind words of the sentence and the anchor each is placed at; with
    /// `carried` (a kind left loose by the sentence before, and the anaphor
    /// term), that kind at the anchor of this sentence if it refers back
    /// ([`referred`]) and gave no hit of its own.
    fn kinds(&self, known: Option<&Known>, carried: Option<(usize, usize)>) -> Kinds {
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
        let cited = |e: usize| known.is_some_and(|c| c.entries.contains(&e));
        let mut entries = self.entries(&here);
        entries.retain(|&(_, e, i)| !is_crossing(e) || cited(i));
        let known_kind =
            |k: usize| known.is_some_and(|c| c.categories.contains(&gazetteer.kinds[k].category));
        // The words of a known project's mention («tourist routes … to Issyk-Kul»
        // read by the hiking crossings' rule) are its evidence, not a new thing's.
        let in_known = |o: &Occurrence| {
            let at = Span::new(
                found.tokens[o.start].span.start,
                found.tokens[o.end() - 1].span.end,
            );
            known.is_some_and(|c| c.mentions.iter().any(|m| m.contains(at)))
        };
        // An event held here says where it was, not where the thing is, unless
        // it is the thing's opening.
        let elsewhere = found.term_in(s, grammar.event).is_some()
            && found.term_in(s, grammar.opening).is_none();
        let mut out = Kinds {
            hits: Vec::new(),
            loose: Vec::new(),
        };
        for (k, kind) in gazetteer.kinds.iter().enumerate() {
            if known_kind(k) {
                continue;
            }
            let words: Vec<&Occurrence> = here
                .iter()
                .filter(|o| o.target == Target::Term(kind.term))
                .filter(|word| {
                    let within = |o: &Occurrence| {
                        o.start <= word.start && word.end() <= o.end() && o != **word
                    };
                    // Part of a known name, or of a longer kind word («solar park», not «park»).
                    let inside = entries.iter().any(|(o, _, _)| within(o))
                        || here
                            .iter()
                            .any(|o| is_kind_word(gazetteer, o) && o.len > word.len && within(o));
                    // "resort town", «курорт қаласы»: the kind word describes the town.
                    !(inside || in_known(word) || found.term_at(word.end(), grammar.settlement))
                })
                .copied()
                .collect();
            // A road is at the towns it runs through (or the region it is
            // in), not at a lake or a crossing on its way.
            let towns: Vec<_>;
            let anchors = if kind.linear {
                let keep = |e: &Entry| e.is_settlement() || e.is_area() || !is_anchor(e);
                towns = entries
                    .iter()
                    .filter(|(_, e, _)| keep(e))
                    .copied()
                    .collect();
                &towns
            } else {
                &entries
            };
            let hit = words
                .iter()
                .find_map(|w| anchored(found, grammar, w, k, kind, anchors))
                .or_else(|| {
                    let far = |w: &&Occurrence| far(found, grammar, w, k, kind.linear, anchors);
                    words.iter().filter(|_| !elsewhere).find_map(far)
                })
                .map(|h| {
                    if kind.linear {
                        first_end(h, anchors)
                    } else {
                        h
                    }
                });
            match hit {
                Some(hit) => out.hits.push(hit),
                None if !words.is_empty() => out.loose.push(k),
                None => {}
            }
        }
        out.hits = coordinated(found, out.hits);
        if let Some((k, term)) = carried.filter(|&(k, _)| out.hits.is_empty() && !known_kind(k)) {
            let word = here.iter().find(|o| o.target == Target::Term(term));
            let event = found.term_in(s, grammar.event).is_some();
            if let Some(word) = word.filter(|_| !event) {
                out.hits.extend(referred(found, grammar, word, k, &entries));
            }
        }
        out
    }
}

/// A linear thing's hit at the first end of the route name its anchor ends
/// («трассу Тюп - Кеген», "the Tyup-Kegen highway": at Tyup).
fn first_end(mut hit: Hit, entries: &[(Occurrence, &Entry, usize)]) -> Hit {
    let at = |a: usize| entries.iter().find(|(_, _, i)| *i == a).map(|(o, ..)| *o);
    while let Some(o) = at(hit.anchor) {
        let before = entries
            .iter()
            .find(|(p, e, i)| p.end() == o.start && *i != hit.anchor && e.is_settlement());
        let Some(&(p, _, i)) = before else { break };
        hit.anchor = i;
        hit.first = hit.first.min(p.start);
    }
    hit
}

/// Is `o` one of the gazetteer's kind words?
fn is_kind_word(gazetteer: &Gazetteer, o: &Occurrence) -> bool {
    gazetteer
        .kinds
        .iter()
        .any(|k| o.target == Target::Term(k.term))
}

/// Conjunctions that join kind words into one list.
const AND: &[&str] = &["и", "and", "және", "мен", "бен", "пен"];

/// The hits of one sentence, with a kind word coordinated with the one before
/// it at the same anchor left out: «открытие улицы, памятника и музея» in Osh
/// is one memorial, named by its first kind.
fn coordinated(found: &Found, mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| h.word.0);
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        let joined = out.last().is_some_and(|p| {
            let between = p.word.1..h.word.0;
            p.anchor == h.anchor
                && (between.is_empty()
                    || (between.len() == 1 && AND.contains(&found.tokens.norm(between.start))))
        });
        if !joined {
            out.push(h);
        }
    }
    out
}

/// A kind word with no anchor near it, in a sentence that names one place of
/// Kazakhstan or Kyrgyzstan in a place construction and none of a third
/// country: the thing is there ("…a new highway was opened connecting the
/// village of Tyup…", «обводного канала в провальных зонах в районе Кемина»).
fn far(
    found: &Found,
    grammar: &Grammar,
    word: &Occurrence,
    k: usize,
    linear: bool,
    entries: &[(Occurrence, &Entry, usize)],
) -> Option<Hit> {
    if entries.iter().any(|(_, e, _)| is_foreign(e)) {
        return None;
    }
    let places: Vec<&(Occurrence, &Entry, usize)> = entries
        .iter()
        .filter(|(o, e, _)| {
            is_anchor(e) && (located(found, grammar, o) || (linear && an_end(found, o)))
        })
        .filter(|(o, ..)| o.end() <= word.start || word.end() <= o.start)
        .collect();
    let (o, _, anchor) = *places.first()?;
    if places.iter().any(|p| p.2 != *anchor) {
        return None;
    }
    Some(Hit {
        kind: k,
        anchor: *anchor,
        first: word.start.min(o.start),
        last: word.end().max(o.end()) - 1,
        gap: gap(word, o),
        word: (word.start, word.end()),
        back: false,
    })
}

/// The hit of a kind carried from the sentence before, at the anchor in a
/// place construction nearest the anaphor `word`, anywhere in its sentence
/// (a sentence that refers back to the thing says where it is); none if the
/// sentence names a place of a third country.
fn referred(
    found: &Found,
    grammar: &Grammar,
    word: &Occurrence,
    kind: usize,
    entries: &[(Occurrence, &Entry, usize)],
) -> Option<Hit> {
    if entries.iter().any(|(_, e, _)| is_foreign(e)) {
        return None;
    }
    let (o, anchor) = entries
        .iter()
        .filter(|(o, e, _)| is_anchor(e) && located(found, grammar, o))
        .map(|&(o, _, i)| (o, i))
        .min_by_key(|(o, _)| gap(word, o))?;
    Some(Hit {
        kind,
        anchor,
        first: word.start.min(o.start),
        last: word.end().max(o.end()) - 1,
        gap: gap(word, &o),
        word: (word.start, word.end()),
        back: true,
    })
}

/// The hit of kind word `word` (of kind `kind`, index `k`) at its anchor
/// (see the module header), if no place of a third country stands nearer and
/// the word does not describe the anchor itself: a kind of the place's own
/// category right beside it ("the popular Issyk-Kul resort" is the lake).
fn anchored(
    found: &Found,
    grammar: &Grammar,
    word: &Occurrence,
    k: usize,
    kind: &Kind,
    entries: &[(Occurrence, &Entry, usize)],
) -> Option<Hit> {
    let honours = kind.honours;
    let nearest = |keep: fn(&Entry) -> bool| {
        entries
            .iter()
            .filter(|(o, e, _)| keep(e) && (o.end() <= word.start || word.end() <= o.start))
            .map(|&(o, _, i)| {
                (
                    !(located(found, grammar, &o) || (kind.linear && an_end(found, &o))),
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
    let itself = entries
        .iter()
        .any(|(_, e, i)| *i == anchor && e.category == kind.category);
    if g == 0 && itself {
        return None;
    }
    Some(Hit {
        kind: k,
        anchor,
        first: word.start.min(o.start),
        last: word.end().max(o.end()) - 1,
        gap: g,
        word: (word.start, word.end()),
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
/// English place word (a settlement or district word may stand between: «в
/// городе Ош», «в кыргызском городе Ош», «в районе Кемина», "in the city of"),
/// with a settlement word naming it ("the village of Tyup", "Osh city",
/// «Тараз қаласы»), or with a Kazakh locative ending after its stem?
fn located(found: &Found, grammar: &Grammar, o: &Occurrence) -> bool {
    let norm = |k: usize| found.tokens.norm(k);
    let place_word = |k: usize| PLACE_WORDS.contains(&norm(k));
    let settlement = |k: usize| found.term_at(k, grammar.settlement);
    let before = |k: usize| o.start.checked_sub(k);
    // "in Toru-Aygyr", "in the Toru-Aygyr village".
    let after_word = before(1).is_some_and(|p| {
        place_word(p) || (norm(p) == "the" && p.checked_sub(1).is_some_and(place_word))
    });
    let head = |k: usize| settlement(k) || found.term_at(k, grammar.admin);
    let after_head = before(1)
        .is_some_and(|p| head(p) && (1..=2).any(|d| p.checked_sub(d).is_some_and(place_word)));
    let named = before(1).is_some_and(|p| norm(p) == "of" && before(2).is_some_and(settlement))
        || settlement(o.end());
    let last = o.end() - 1;
    let ending = found
        .tokens
        .norm(last)
        .get(found.stem_end[last]..)
        .unwrap_or("");
    let kazakh =
        found.article.lang == Lang::Kk && KAZAKH_LOCATIVE.iter().any(|l| ending.ends_with(l));
    after_word || after_head || named || kazakh
}

/// Russian and English words that name a route's end or a point on it.
const END_WORDS: &[&str] = &["от", "до", "из", "через", "from", "to", "via", "through"];

/// Is the place name `o` an end of a linear thing: after an end word, or
/// after one with a lower-case word between («до станции "Сокулук"», "to the
/// border town of")?
fn an_end(found: &Found, o: &Occurrence) -> bool {
    let text = &found.article.text;
    let end_word = |k: usize| END_WORDS.contains(&found.tokens.norm(k));
    let lower = |k: usize| text[found.tokens[k].span.start..].starts_with(char::is_lowercase);
    let before = |d: usize| o.start.checked_sub(d);
    before(1).is_some_and(end_word)
        || (before(1).is_some_and(lower) && before(2).is_some_and(end_word))
}

/// Words strictly between two occurrences that do not overlap.
fn gap(a: &Occurrence, b: &Occurrence) -> usize {
    if a.end() <= b.start {
        b.start - a.end()
    } else {
        a.start - b.end()
    }
}

/// A located place of Kazakhstan or Kyrgyzstan, or a border crossing of the
/// gazetteer (a bridge between two checkpoints is at the crossing).
fn is_anchor(e: &Entry) -> bool {
    let point = matches!(e.geometry, Some(Geometry::Point(_)));
    let place = e.kind == EntryKind::Place && matches!(e.country(), Some("KZ" | "KG"));
    point && (place || is_crossing(e))
}

/// A curated border crossing: of both countries at once.
fn is_crossing(e: &Entry) -> bool {
    e.kind == EntryKind::Project && e.category == Category::BorderCrossing
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
            id: format!("{PROPOSED}{}-{}", k.id, place.id),
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
                ids(&["Қазақстан инвесторлары Кеминде күн электр станциясын салады."]),
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
                proposals(&[
                    "Модернизация ТЭЦ Бишкека на казахстанском угле завершится в этом году."
                ])[0]
                    .1,
                "ТЭЦ (Бишкек)"
            );
            assert_eq!(
                ids(&["Бішкек ЖЭО-сы қазақстандық көмірді сатып алуды тоқтатады."]),
                ["proposed-chp-bishkek"]
            );
        }

        #[test]
        fn two_articles_make_one_proposal_more_confident() {
            let one = propose_one(&["В Кемине казахстанская компания построит школу."]);
            let two = propose_one(&[
                "В Кемине казахстанская компания построит школу.",
                "Школа в Кемине, подарок Казахстана, откроется осенью.",
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
                "The agreement on the construction of a solar plant was approved by Kazakhstan. \
                 Some 80 ha of land in the Kemin village will be allocated for the project.",
            ]);
            assert_eq!(en.id, "proposed-solar-plant-kemin");
            let s = &en.sightings[0];
            assert_eq!((s.first, s.sentence), (0, 1), "both sentences cited");
            assert_eq!(
                ids(
                    &["Казахстан одобрил строительство солнечной электростанции. \
                       Объект будет находиться в Кемине."]
                ),
                ["proposed-solar-plant-kemin"]
            );
            assert_eq!(
                ids(
                    &["Қазақстан Үкіметі күн электр станциясын салуды мақұлдады. \
                       Жоба Кеминде жүзеге асырылады."]
                ),
                ["proposed-solar-plant-kemin"]
            );
        }

        #[test]
        fn a_district_named_by_its_town() {
            assert_eq!(
                ids(&[
                    "Солнечную электростанцию построят в Кеминском районе казахстанские инвесторы."
                ]),
                ["proposed-solar-plant-kemin"]
            );
            assert_eq!(
                ids(&[
                    "Казахстан подписал договор на строительство солнечной электростанции. \
                       Объект будет находиться в Тору-Айгырском айыл окмоту."
                ]),
                ["proposed-solar-plant-toru-aygyr"]
            );
        }

        #[test]
        fn far_from_the_one_place_its_sentence_puts_it_in() {
            assert_eq!(
                ids(&[
                    "A new highway was opened on Monday connecting the village of Tyup \
                       with the Kazakh border."
                ]),
                ["proposed-road-tyup"]
            );
            assert_eq!(
                ids(&[
                    "Стороны договорились о строительстве обводного канала в провальных зонах \
                       в районе Кемина, его профинансирует Казахстан."
                ]),
                ["proposed-canal-kemin"]
            );
            assert_eq!(
                ids(&[
                    "Kyrgyzstan’s Osh city is set to rename one of the streets after Kazakh \
                       poet Abai and install a monument in his honor."
                ]),
                ["proposed-monument-osh"],
                "a settlement word names the town («Osh city»)"
            );
        }

        #[test]
        fn coordinated_kind_words_are_one_thing() {
            assert_eq!(
                ids(&[
                    "В Оше открыли улицу, памятник и музей Абая при участии министра Казахстана."
                ]),
                ["proposed-monument-osh"]
            );
        }

        #[test]
        fn a_bridge_at_a_border_crossing() {
            assert_eq!(
                ids(
                    &["Kyrgyzstan and Kazakhstan will build a new bridge between \
                       Ak-Tilek-Avtodorozhny and Karasu-Avtodorozhny checkpoints."]
                ),
                ["proposed-bridge-karasu-ak-tilek"]
            );
        }

        #[test]
        fn a_town_that_is_also_a_word_before_its_kind_word() {
            // «Кант» is an ordinary Russian word too: it names the town only
            // beside a settlement word, or heading a kind word.
            assert_eq!(
                ids(&["Қырғызстаннан Қазақстанға Кант цемент зауытының өнімдері шықты."]),
                ["proposed-factory-kant"]
            );
            assert!(
                ids(&["Қырғызстаннан Қазақстанға Кант туралы кітаптар жеткізілді."]).is_empty()
            );
        }

        #[test]
        fn a_route_named_by_its_ends_is_at_the_first() {
            assert_eq!(
                ids(&[
                    "Власти планируют восстановить трассу Тюп - Кеген для поездок казахстанцев."
                ]),
                ["proposed-road-tyup"]
            );
            assert_eq!(
                ids(&[
                    "Experts believe the Tyup-Kegen highway will benefit trade with Kazakhstan."
                ]),
                ["proposed-road-tyup"]
            );
        }

        #[test]
        fn a_linear_thing_at_an_end_its_sentence_names() {
            assert_eq!(
                ids(&[
                    "Газопровод укладывали от казахско-кыргызской границы до станции \"Сокулук\"."
                ]),
                ["proposed-gas-pipeline-sokuluk"]
            );
            assert!(
                ids(&["Kazakhstan will fund a new school, the minister said on his way to Kemin."])
                    .is_empty(),
                "a destination is no place construction for a school"
            );
        }

        #[test]
        fn a_town_before_a_comma_is_no_part_of_a_name() {
            assert_eq!(
                ids(&[
                    "The shopping center of Astana, Big Shanghai, will become a distribution \
                       center for products from Kyrgyzstan."
                ]),
                ["proposed-distribution-centre-astana"]
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
        fn without_an_anchor_or_with_two_far_from_it() {
            assert!(ids(&["Казахстан построит солнечную электростанцию."]).is_empty());
            assert!(
                ids(&[
                    "Школа, о которой говорили на встрече в Бишкеке, откроется в Кемине \
                       при поддержке Казахстана."
                ])
                .is_empty(),
                "more than {MAX_GAP} words from two places"
            );
        }

        #[test]
        fn a_domestic_project() {
            assert!(
                ids(&["Президент осмотрел новый мост в Таразе. Работы завершены досрочно."])
                    .is_empty(),
                "nothing near it names Kyrgyzstan"
            );
            assert!(ids(&["Last year the Aktobe Reservoir was rebuilt."]).is_empty());
            assert_eq!(
                ids(&["Новый мост в Таразе построят вместе с Кыргызстаном."]),
                ["proposed-bridge-taraz"]
            );
            assert_eq!(
                ids(&["Мост в Таразе открыт. Работы шли два года. По нему поедут в Кыргызстан."]),
                ["proposed-bridge-taraz"],
                "the other side named {NEAR} sentences away"
            );
        }

        #[test]
        fn far_from_an_event_held_somewhere() {
            assert!(
                ids(&[
                    "At a meeting in Astana the sides agreed that Kyrgyzstan will build \
                       a new school."
                ])
                .is_empty()
            );
        }

        #[test]
        fn a_kind_word_that_is_the_place_itself() {
            assert!(
                ids(&[
                    "The new road will ease travel to the popular Issyk-Kul resort for \
                       Kazakh tourists."
                ])
                .is_empty(),
                "the lake is the resort"
            );
            assert_eq!(
                ids(&["A new resort on Issyk-Kul will be built by Kazakh investors."]),
                ["proposed-resort-issyk-kul"]
            );
        }

        #[test]
        fn a_road_at_a_lake_or_a_crossing() {
            assert!(
                ids(&["Kazakhstan will rebuild the road to Issyk-Kul."]).is_empty(),
                "a road is at the towns it runs through"
            );
            assert!(
                ids(&["“Токмок-автожол” өткізу бекеті Қазақстан азаматтарын өткізеді."]).is_empty()
            );
        }

        #[test]
        fn a_town_that_is_part_of_a_longer_name() {
            assert!(
                ids(&[
                    "«С нашей стороны дорога сделана», – сказал Темир Сариев, премьер Кыргызстана."
                ])
                .is_empty(),
                "a person's name"
            );
            assert!(
                ids(&["ОсОО «Бишкек Солар» и Казахстан подписали договор о школе."]).is_empty()
            );
        }

        #[test]
        fn the_known_project_again_later_in_its_paragraph() {
            assert!(
                ids(&[
                    "Надо строить скоростную дорогу Алматы — Чолпон-Ата вместе с Казахстаном. \
                       Дорога пройдет через Кемин и Михайловку."
                ])
                .is_empty(),
                "the second sentence is about the Almaty – Issyk-Kul road"
            );
        }

        #[test]
        fn a_word_of_a_known_projects_mention() {
            assert!(
                ids(&[
                    "The sides discussed resuming tourist routes from Almaty to Lake \
                       Issyk-Kul in Kyrgyzstan."
                ])
                .is_empty(),
                "the hiking crossings' rule reads these words"
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
