//! Finding gazetteer entries in article sentences, in Russian, Kazakh and English.
//!
//! Method:
//! 1. The text is cut into word tokens (runs of letters and digits; hyphens,
//!    quotes and dashes separate words) and each is normalised: lower case,
//!    `ё` → `е`. The normalised tokens are joined with single spaces.
//! 2. Each word of each match phrase (entry names and aliases, and the words of
//!    the gazetteer's terms) is reduced to a stem by removing one Russian
//!    nominal ending (`Астана` → `астан`, `трансграничный` → `трансграничн`);
//!    Kazakh aliases are written as stems.
//! 3. One Aho-Corasick automaton (the `aho-corasick` crate) finds every stem
//!    at the start of a token, in one pass over the whole article.
//! 4. A hit counts only if the rest of its token is an inflection: a chain of
//!    up to four Russian endings or Kazakh suffixes (`Бишкек|е`,
//!    `Алмат|ы|да`, `Қорда|й|дағы`, `Ыстықкөл|ге`) or, in Latin script, an
//!    English plural. So `Ош` finds `Оше` and `Ошта`, never `Ошибка`, and no
//!    stem is found inside another word. A Russian adjective (`Ош|ского`,
//!    `Алмат|инская`) is a *loose* hit: it can anchor a rule, never be a mention.
//! 5. A phrase is its stems on consecutive tokens of one sentence. A phrase
//!    written `A + B` also needs `B` somewhere in the same sentence (the ENU
//!    branch is "…университетінің филиалы" *and* "Ош"). Two names under one
//!    head noun are both found («Кировское и Орто-Токойское водохранилища»,
//!    "the Kirov and Orto-Tokoy reservoirs": [`Matcher::coordinated`]).
//! 6. Words that are not the place are dropped ([`crate::evidence::guard`]): datelines,
//!    outlet and domain names, a river or a region of the same name, a place
//!    name in lower case, a place that is also a common word without a
//!    settlement word beside it.
//! 7. Project rules ([`crate::evidence::rule`], applied by [`crate::evidence::cue`]) add mentions from type cues and anchors,
//!    possibly over a window of sentences; a group (all the checkpoints) is
//!    mentioned by its general words only in an article that names none of its
//!    members; an entry's `context` must be named in the article.
//! 8. Where mentions of different entries overlap, the longest wins: the city
//!    `Алматы` inside «автодорога Алматы – Иссык-Куль» cites the road only.
//! 9. A town's mention gets a role ([`crate::evidence::role`]): a meeting venue where the
//!    sentence says something happened there, else mentioned. A town from the
//!    places layer is kept only as a venue.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::text::lang::Lang;
use serde::{Deserialize, Serialize};

pub(crate) use crate::evidence::found::Candidate;
pub use crate::evidence::found::{Found, Occurrence, Target};
use crate::evidence::gazetteer::{Entry, EntryKind, Gazetteer};
use crate::evidence::guard::{self, Grammar};
use crate::evidence::places::PlaceInfo;
pub use crate::evidence::role::Role;
use crate::evidence::rule::Ref;
use crate::evidence::{cue, role};
use crate::text::article::Article;
use crate::text::span::Span;
use crate::text::words::is_latin;
pub use crate::text::words::{
    Token, Tokens, is_adjective, is_inflection, normalize, stem, tokenize,
};

/// How a phrase word is compared with a text word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum WordMode {
    /// By stem, with an inflection after it (the default).
    Stem,
    /// Written `word*`: any text word that starts with it (`состоял*` for
    /// состоялся, состоялась…), for verbs the noun endings do not cover.
    Prefix,
    /// Written `=word`: that word only (`=прошла`, not прошлом).
    Exact,
}

/// The most bare names one article's lists add ([`Matcher::coordinated`]).
const MAX_LISTED: usize = 64;

/// Words that join two names under one head noun (see [`Matcher::coordinated`]).
const COORDINATORS: &[&str] = &["и", "және", "мен", "пен", "бен", "and"];

/// Could this head noun be shared by two names? In English only a plural
/// ("-s"); in Kazakh any form (the head may stay singular); in Russian an
/// ending that is not only singular («водохранилищ|а», «рек|и», «водохранилищ», not
/// «водохранилищ|е», «рек|у»). `ending` is what follows the phrase's stem.
fn may_be_plural(lang: Lang, ending: &str) -> bool {
    const RUSSIAN_SINGULAR: &[&str] = &["е", "у", "ю", "ом", "ем", "ой", "ей", "ою", "ею", "о"];
    match lang {
        Lang::En => matches!(ending, "s" | "es"),
        // Kazakh may keep a shared head singular («Киров және Орто-Тоқой су
        // қоймасы»), so any ending will do.
        Lang::Kk => true,
        Lang::Ru => !RUSSIAN_SINGULAR.contains(&ending),
    }
}

/// The stem and mode of phrase word `t` of `phrase` (see [`WordMode`]).
pub(crate) fn phrase_word(phrase: &str, (t, norm): (&Token, &str)) -> (String, WordMode) {
    if phrase[..t.span.start].ends_with('=') {
        (norm.to_string(), WordMode::Exact)
    } else if phrase[t.span.end..].starts_with('*') {
        (norm.to_string(), WordMode::Prefix)
    } else {
        (stem(norm), WordMode::Stem)
    }
}

/// One match phrase of a gazetteer entry or term, as stem ids.
#[derive(Debug, Clone)]
struct Phrase {
    target: Target,
    words: Vec<usize>,
    context: Vec<Vec<usize>>,
}

/// A gazetteer entry found in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
    /// Index into [`Article::sentences`]: the sentence holding [`Mention::span`].
    pub sentence: usize,
    /// The sentences the mention rests on, `first..=last` (a rule's window;
    /// otherwise both are `sentence`).
    pub first: usize,
    pub last: usize,
    /// The matched words in the article's original text.
    pub span: Span,
    pub role: Role,
    /// Made by one of the entry's rules (a cue with its anchors), not by
    /// one of its names: what the editor's desk shows beside a link.
    pub by_rule: bool,
}

/// The compiled form of a gazetteer's phrases: build once, run on every article.
pub struct Matcher<'g> {
    gazetteer: &'g Gazetteer,
    grammar: Grammar,
    automaton: AhoCorasick,
    stems: Vec<(String, WordMode)>,
    phrases: Vec<Phrase>,
    by_first_word: HashMap<usize, Vec<usize>>,
    /// Entry phrases of two words or more by their last words (the head
    /// noun, «водохранилище», «су қойма», "reservoir"): (phrase, words
    /// before the head), for coordinated names ([`Matcher::coordinated`]).
    by_head: HashMap<Vec<usize>, Vec<(usize, usize)>>,
}

impl<'g> Matcher<'g> {
    pub fn new(gazetteer: &'g Gazetteer) -> Matcher<'g> {
        let mut stems: Vec<(String, WordMode)> = Vec::new();
        let mut stem_ids: HashMap<(String, WordMode), usize> = HashMap::new();
        let mut intern = |words: &str| -> Vec<usize> {
            tokenize(words)
                .words()
                .map(|t| {
                    let key = phrase_word(words, t);
                    *stem_ids.entry(key.clone()).or_insert_with(|| {
                        stems.push(key);
                        stems.len() - 1
                    })
                })
                .collect()
        };
        let entry_phrases = gazetteer
            .entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.phrases().map(move |p| (Target::Entry(i), p)));
        let term_phrases = gazetteer
            .terms
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.phrases().map(move |p| (Target::Term(i), p)));
        let mut phrases = Vec::new();
        for (target, text) in entry_phrases.chain(term_phrases) {
            let mut parts = text.split('+');
            let words = intern(parts.next().unwrap_or_default());
            if words.is_empty() {
                continue;
            }
            let context = parts.map(&mut intern).filter(|c| !c.is_empty()).collect();
            phrases.push(Phrase {
                target,
                words,
                context,
            });
        }
        let mut by_first_word: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut by_head: HashMap<Vec<usize>, Vec<(usize, usize)>> = HashMap::new();
        for (i, p) in phrases.iter().enumerate() {
            by_first_word.entry(p.words[0]).or_default().push(i);
            if matches!(p.target, Target::Entry(_)) && p.context.is_empty() {
                for spec in 1..p.words.len() {
                    by_head
                        .entry(p.words[spec..].to_vec())
                        .or_default()
                        .push((i, spec));
                }
            }
        }
        let patterns: Vec<String> = stems.iter().map(|(s, _)| format!(" {s}")).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("stems are short strings, well within the automaton's limits");
        Matcher {
            gazetteer,
            grammar: Grammar::of(gazetteer),
            automaton,
            stems,
            phrases,
            by_first_word,
            by_head,
        }
    }

    /// For each token, the stems it is an inflection of (strict) and those it
    /// is only a Russian adjective of (loose).
    fn token_stems(&self, tokens: &Tokens) -> (Vec<Vec<usize>>, Vec<Vec<usize>>, Vec<usize>) {
        let mut strict = vec![Vec::new(); tokens.len()];
        let mut loose = vec![Vec::new(); tokens.len()];
        let mut stem_end = vec![0; tokens.len()];
        for m in self.automaton.find_overlapping_iter(tokens.joined()) {
            let word_start = m.start() + 1;
            let Some(t) = tokens.at_norm(word_start) else {
                continue;
            };
            let stem_len = m.end() - word_start;
            let norm = tokens.norm(t);
            if stem_len > norm.len() {
                continue; // the stem ran past this token into the next
            }
            let rest = &norm[stem_len..];
            let stem_id = m.pattern().as_usize();
            let (word, mode) = &self.stems[stem_id];
            let latin = is_latin(word);
            let inflected = match mode {
                WordMode::Stem => is_inflection(rest, latin),
                WordMode::Prefix => true,
                WordMode::Exact => rest.is_empty(),
            };
            if inflected {
                strict[t].push(stem_id);
                stem_end[t] = stem_end[t].max(stem_len);
            } else if *mode == WordMode::Stem && !latin && is_adjective(rest) {
                loose[t].push(stem_id);
            }
        }
        (strict, loose, stem_end)
    }

    /// Every phrase occurrence, in token order.
    fn occurrences(&self, strict: &[Vec<usize>], loose: &[Vec<usize>]) -> Vec<Occurrence> {
        let has = |k: usize, w: usize| -> Option<bool> {
            if strict.get(k)?.contains(&w) {
                Some(true)
            } else if loose[k].contains(&w) {
                Some(false)
            } else {
                None
            }
        };
        let mut out = Vec::new();
        for at in 0..strict.len() {
            let firsts = strict[at].iter().chain(&loose[at]);
            for stem_id in firsts {
                for &p in self.by_first_word.get(stem_id).into_iter().flatten() {
                    let words = &self.phrases[p].words;
                    let found: Option<Vec<bool>> = words
                        .iter()
                        .enumerate()
                        .map(|(k, &w)| has(at + k, w))
                        .collect();
                    if let Some(kinds) = found {
                        let occurrence = Occurrence {
                            target: self.phrases[p].target,
                            start: at,
                            len: words.len(),
                            strict: kinds.iter().all(|&s| s),
                            phrase: p,
                        };
                        // Occurrences come in token order: a duplicate starts here too.
                        let here = out.iter().rev().take_while(|o: &&Occurrence| o.start == at);
                        if !here.clone().any(|o| *o == occurrence) {
                            out.push(occurrence);
                        }
                    }
                }
            }
        }
        out
    }

    /// Names coordinated under one head noun: in «Кировское и Орто-Токойское
    /// водохранилища», «Киров және Орто-Тоқой су қоймаларының», "the Kirov
    /// and Orto-Tokoy reservoirs", the second name is matched whole and the
    /// first stands bare before «и / және / мен / and» (and in a list, each
    /// name before a comma before that: «Кировскому, Орто-Токойскому и
    /// Токтогульскому водохранилищам»). Where the words
    /// before the conjunction are the words before the head of another entry
    /// phrase with the same head, that entry is found there too, on those
    /// words only. Phrases that need context words (`A + B`) are left out.
    fn coordinated(
        &self,
        article: &Article,
        tokens: &Tokens,
        (strict, loose): (&[Vec<usize>], &[Vec<usize>]),
        out: &mut Vec<Occurrence>,
    ) {
        let has = |k: usize, w: usize| strict[k].contains(&w) || loose[k].contains(&w);
        // The entries whose words before `head` end right before token `end`.
        let bare_before = |end: usize, head: &[usize], not: usize| -> Vec<Occurrence> {
            let mut found = Vec::new();
            for &(p, before) in self.by_head.get(head).into_iter().flatten() {
                let first = &self.phrases[p];
                let (Some(start), Target::Entry(e)) = (end.checked_sub(before), first.target)
                else {
                    continue;
                };
                if e != not && (0..before).all(|k| has(start + k, first.words[k])) {
                    found.push(Occurrence {
                        target: first.target,
                        start,
                        len: before,
                        strict: (0..before).all(|k| strict[start + k].contains(&first.words[k])),
                        phrase: p,
                    });
                }
            }
            found
        };
        let mut more = Vec::new();
        for o in out.iter().filter(|o| o.len >= 2 && o.start >= 2) {
            let Target::Entry(second) = o.target else {
                continue;
            };
            let and = o.start - 1;
            let words = &self.phrases[o.phrase].words;
            // The head's ending after this phrase's own stem of it.
            let last = tokens.norm(o.end() - 1);
            let stem = &self.stems[words[words.len() - 1]].0;
            let ending = last.get(stem.len()..).unwrap_or("");
            if !COORDINATORS.contains(&tokens.norm(and)) || !may_be_plural(article.lang, ending) {
                continue;
            }
            for spec in 1..words.len() {
                let head = &words[spec..];
                let mut next = bare_before(and, head, second);
                // A list: «Кировскому, Орто-Токойскому и Токтогульскому
                // водохранилищам» — each bare name after a comma before the last.
                while let Some(m) = next.pop() {
                    let comma = m.start > 0
                        && article.text[tokens[m.start - 1].span.end..tokens[m.start].span.start]
                            .contains(',');
                    if comma && more.len() < MAX_LISTED {
                        next.extend(bare_before(m.start, head, second));
                    }
                    more.push(m);
                }
            }
        }
        if more.is_empty() {
            return; // most articles: `out` stays as built, in token order
        }
        for m in more {
            if !out.contains(&m) {
                out.push(m);
            }
        }
        out.sort_by_key(|o| o.start);
    }

    /// Tokens, hits and occurrences of one article, grouped by sentence.
    pub fn scan<'a>(&self, article: &'a Article) -> Found<'a> {
        let tokens = tokenize(&article.text);
        let (strict, loose, stem_end) = self.token_stems(&tokens);
        let mut occurrences = self.occurrences(&strict, &loose);
        self.coordinated(article, &tokens, (&strict, &loose), &mut occurrences);
        let mut sentence_tokens = Vec::with_capacity(article.sentences.len());
        let mut t = 0;
        for sentence in &article.sentences {
            while t < tokens.len() && tokens[t].span.start < sentence.span.start {
                t += 1;
            }
            let first = t;
            while t < tokens.len() && tokens[t].span.end <= sentence.span.end {
                t += 1;
            }
            sentence_tokens.push(first..t);
        }
        let mut terms_at = vec![Vec::new(); tokens.len()];
        for o in occurrences.iter().filter(|o| o.strict) {
            if let Target::Term(t) = o.target {
                terms_at[o.start].push(t);
                terms_at[o.end() - 1].push(t);
            }
        }
        let mut found = Found {
            article,
            tokens,
            strict,
            stem_end,
            occurrences,
            by_sentence: vec![Vec::new(); article.sentences.len()],
            sentence_tokens,
            terms_at,
        };
        let blocked = guard::blocked(&found, self.gazetteer);
        for (i, o) in found.occurrences.iter().enumerate() {
            if (o.start..o.end()).any(|k| blocked[k]) {
                continue;
            }
            let s = found.sentence_tokens.partition_point(|r| r.end <= o.start);
            if found
                .sentence_tokens
                .get(s)
                .is_some_and(|r| r.start <= o.start && o.end() <= r.end)
            {
                found.by_sentence[s].push(i);
            }
        }
        found
    }

    /// Every mention in `article`, in sentence order.
    pub fn find(&self, article: &Article) -> Vec<Mention> {
        self.mentions(&self.scan(article))
    }

    /// Every mention in a scanned article ([`Matcher::scan`]), in sentence order.
    pub fn mentions(&self, found: &Found) -> Vec<Mention> {
        let article = found.article;
        let mut candidates = Vec::new();
        for s in 0..article.sentences.len() {
            candidates.extend(self.name_candidates(found, s));
        }
        candidates.extend(cue::candidates(found, self.gazetteer, &self.grammar));
        self.keep_in_context(found, &mut candidates);
        self.choose_among_places(found, &mut candidates);
        let mut out = Vec::new();
        for s in 0..article.sentences.len() {
            let here: Vec<Candidate> = candidates
                .iter()
                .filter(|c| c.sentence == s)
                .copied()
                .collect();
            // A town named twice in a sentence is cited where it is a venue.
            let venue = |c: &Candidate| {
                self.gazetteer.entries[c.entry].is_settlement()
                    && role::of(found, &self.grammar, s, c.start, c.len) == Role::Venue
            };
            for c in longest_first(here, venue) {
                let entry = &self.gazetteer.entries[c.entry];
                let role = if entry.is_settlement() {
                    role::of(found, &self.grammar, s, c.start, c.len)
                } else {
                    Role::Subject
                };
                if role == Role::Mentioned && entry.place_info().is_some() {
                    continue; // a town of the places layer earns a symbol as a venue only
                }
                out.push(Mention {
                    entry: c.entry,
                    sentence: s,
                    first: c.first,
                    last: c.last,
                    span: Span::new(
                        found.tokens[c.start].span.start,
                        found.tokens[c.start + c.len - 1].span.end,
                    ),
                    role,
                    by_rule: c.by_rule,
                });
            }
        }
        out
    }

    /// The entries named by their own names or aliases in sentence `s`.
    fn name_candidates(&self, found: &Found, s: usize) -> Vec<Candidate> {
        let range = found.sentence_tokens[s].clone();
        let occurs = |words: &[usize]| {
            range.clone().any(|at| {
                at + words.len() <= range.end
                    && words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| found.strict[at + k].contains(w))
            })
        };
        let entries = &self.gazetteer.entries;
        // (candidate, whether its phrase's `+ B` context was met)
        let mut named: Vec<(Candidate, bool)> = Vec::new();
        for &i in &found.by_sentence[s] {
            let o = &found.occurrences[i];
            let Target::Entry(e) = o.target else { continue };
            // An area (a region) is a proposal's anchor, never a mention.
            if entries[e].is_area()
                || !o.strict
                || !guard::keeps_name(found, &self.grammar, &entries[e], o)
            {
                continue;
            }
            let context = &self.phrases[o.phrase].context;
            let met = context.iter().all(|c| occurs(c));
            let candidate = Candidate {
                entry: e,
                sentence: s,
                first: s,
                last: s,
                start: o.start,
                len: o.len,
                by_rule: false,
            };
            named.push((candidate, met));
        }
        // A guarded name in a list with a sure name of its own kind counts:
        // «— Аухатты, Кордай, Сыпатай батыр, Сартобе, Кеген» are all crossings.
        let sure: Vec<&Entry> = named
            .iter()
            .filter(|(c, met)| *met && entries[c.entry].kind != EntryKind::Group)
            .map(|(c, _)| &entries[c.entry])
            .collect();
        named
            .iter()
            .filter(|(c, met)| {
                *met || {
                    let mine = &entries[c.entry];
                    sure.iter()
                        .any(|other| other.id != mine.id && other.category == mine.category)
                }
            })
            .map(|(c, _)| *c)
            .collect()
    }

    /// Drops mentions of entries whose `context` the article does not name,
    /// and a group's mentions where the article names one of its members.
    fn keep_in_context(&self, found: &Found, candidates: &mut Vec<Candidate>) {
        let named = |r: &Ref| {
            let target = match *r {
                Ref::Entry(e) => Target::Entry(e),
                Ref::Term(t) => Target::Term(t),
            };
            (0..found.by_sentence.len()).any(|s| found.in_sentence(s, target).is_some())
        };
        let entries = &self.gazetteer.entries;
        candidates.retain(|c| entries[c.entry].context.iter().all(|g| g.iter().any(named)));
        let cited: Vec<usize> = candidates.iter().map(|c| c.entry).collect();
        candidates.retain(|c| {
            let group = &entries[c.entry];
            group.kind != EntryKind::Group
                || !cited.iter().any(|&other| {
                    let e = &entries[other];
                    e.kind != EntryKind::Group
                        && (group.members.contains(&e.id) || e.category == group.category)
                })
        });
    }

    /// Where several towns of the places layer share the words of one
    /// mention, keeps one: the town whose country the sentence names, else the
    /// most populous.
    fn choose_among_places(&self, found: &Found, candidates: &mut Vec<Candidate>) {
        let entries = &self.gazetteer.entries;
        let info = |c: &Candidate| entries[c.entry].place_info().copied();
        let mut keep = vec![true; candidates.len()];
        for (i, c) in candidates.iter().enumerate() {
            let Some(mine) = info(c) else { continue };
            let country_named = |p: &PlaceInfo| {
                let term = match p.country() {
                    "KZ" => self.grammar.kazakhstan,
                    "KG" => self.grammar.kyrgyzstan,
                    _ => None,
                };
                found.term_in(c.sentence, term).is_some()
            };
            let score = |p: &PlaceInfo| (country_named(p), p.population, u32::MAX - p.geonames);
            let beaten = candidates.iter().any(|d| {
                d != c
                    && (d.sentence, d.start, d.len) == (c.sentence, c.start, c.len)
                    && info(d).is_some_and(|other| score(&other) > score(&mine))
            });
            keep[i] = !beaten;
        }
        let mut k = keep.into_iter();
        candidates.retain(|_| k.next().unwrap_or(true));
    }
}

/// Longest first, then a town's venue before its passing mentions, then
/// earliest; a candidate overlapping one already taken is dropped, except
/// that equal ranges of different entries both stand; one per entry.
fn longest_first(here: Vec<Candidate>, venue: impl Fn(&Candidate) -> bool) -> Vec<Candidate> {
    // The venue test only where an entry has two candidates (rare, and the
    // role is the costly part), once each.
    let twice = |c: &Candidate| here.iter().filter(|d| d.entry == c.entry).nth(1).is_some();
    let mut keyed: Vec<(bool, Candidate)> =
        here.iter().map(|c| (twice(c) && venue(c), *c)).collect();
    keyed.sort_by(|(va, a), (vb, b)| {
        b.len
            .cmp(&a.len)
            .then(vb.cmp(va))
            .then(a.start.cmp(&b.start))
            .then(a.entry.cmp(&b.entry))
    });
    keyed.dedup_by(|(_, a), (_, b)| (a.entry, a.start, a.len) == (b.entry, b.start, b.len));
    let mut taken: Vec<Candidate> = Vec::new();
    for (_, c) in keyed {
        let overlaps = taken.iter().any(|t| {
            let same_range = t.start == c.start && t.len == c.len;
            !same_range && c.start < t.start + t.len && t.start < c.start + c.len
        });
        let same_entry = taken.iter().any(|t| t.entry == c.entry);
        if !overlaps && !same_entry {
            taken.push(c);
        }
    }
    taken.sort_by_key(|c| (c.start, c.entry));
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::article::parse_text;
    use std::path::Path;

    /// The project's own gazetteer, as the widget uses it.
    fn gazetteer() -> Gazetteer {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml");
        Gazetteer::load(&path).expect("the shipped gazetteer is valid")
    }

    /// The ids of the entries found in `sentence`, and the text each mention covers.
    fn found(sentence: &str) -> Vec<(String, String)> {
        let g = gazetteer();
        let article = parse_text("t", Path::new("t.txt"), sentence).unwrap();
        Matcher::new(&g)
            .find(&article)
            .into_iter()
            .map(|m| {
                (
                    g.entries[m.entry].id.clone(),
                    m.span.of(&article.text).to_string(),
                )
            })
            .collect()
    }

    fn ids(sentence: &str) -> Vec<String> {
        found(sentence).into_iter().map(|(id, _)| id).collect()
    }

    /// A town named twice in one sentence is cited where it is the venue,
    /// not where it is named in passing (a title: "mayor of Osh city").
    #[test]
    fn a_town_named_twice_is_cited_as_the_venue() {
        let g = gazetteer();
        let text = "Mayor of Osh city Zhenishbek Toktorbayev and the Consul General in Osh \
                    inspected the street.";
        let article = parse_text("t", Path::new("t.txt"), text).unwrap();
        let mentions = Matcher::new(&g).find(&article);
        let osh: Vec<_> = mentions
            .iter()
            .filter(|m| g.entries[m.entry].id == "osh")
            .map(|m| (m.role, m.span.start))
            .collect();
        assert_eq!(osh, [(Role::Venue, text.rfind("Osh").unwrap())]);
    }

    mod russian_cases {
        use super::*;

        #[test]
        fn prepositional_oshe() {
            assert_eq!(
                found("Филиал университета открылся в Оше в августе."),
                [("osh".to_string(), "Оше".to_string())]
            );
        }

        #[test]
        fn prepositional_bishkeke() {
            assert_eq!(
                found(
                    "В Бишкеке глава МИД РК был принят Президентом Кыргызской Республики Садыром Жапаровым."
                ),
                [("bishkek".to_string(), "Бишкеке".to_string())]
            );
        }

        #[test]
        fn prepositional_astane_and_accusative_astanu() {
            assert_eq!(
                ids(
                    "Президент, отмечая успешность прошедшего в прошлом году в Астане шестого заседания, выразил уверенность."
                ),
                ["astana"]
            );
            assert_eq!(
                ids(
                    "Соглашения достигнуты в рамках визитов Президента Кыргызской Республики в Астану и Президента Казахстана в Бишкек."
                ),
                ["astana", "bishkek"]
            );
        }

        #[test]
        fn genitive_kordaya() {
            assert_eq!(
                found("Очередь грузовиков у Кордая растянулась на несколько километров."),
                [("kordai-ak-zhol".to_string(), "Кордая".to_string())]
            );
        }

        #[test]
        fn the_road_phrase_wins_over_its_cities() {
            assert_eq!(
                found(
                    "Он отметил работу по перспективному проекту строительства автодороги «Алматы – Иссык-Куль» при поддержке Азиатского Банка Развития."
                ),
                [(
                    "almaty-issyk-kul-road".to_string(),
                    "автодороги «Алматы – Иссык-Куль".to_string()
                )]
            );
        }

        #[test]
        fn checkpoints_in_general_cite_the_group() {
            assert_eq!(
                ids(
                    "Также он отметил проводимую работу по реконструкции ряда пунктов пропуска на кыргызско-казахстанской государственной границе."
                ),
                ["border-crossings"]
            );
        }

        #[test]
        fn adjective_phrase_in_genitive() {
            assert_eq!(
                ids(
                    "Запуск совместных проектов, в том числе по созданию трансграничного индустриального торгово-логистического комплекса."
                ),
                ["trade-logistics-complex"]
            );
        }
    }

    mod kazakh_suffixes {
        use super::*;

        #[test]
        fn locative_almatyda() {
            assert_eq!(
                found("Алматыда өткен кездесуде үкімет басшылары сауда мәселелерін талқылады."),
                [("almaty".to_string(), "Алматыда".to_string())]
            );
        }

        #[test]
        fn locative_oshta() {
            assert_eq!(ids("Ошта жаңа оқу ғимараты ашылды."), ["osh"]);
        }

        #[test]
        fn locative_adjective_qordaydagy_and_the_checkpoint_group() {
            assert_eq!(
                found("Қордайдағы өткізу пункті толық жаңартылды."),
                [("kordai-ak-zhol".to_string(), "Қордайдағы".to_string())]
            );
            assert_eq!(
                found("Шекарадағы өткізу пункті толық жаңартылды."),
                [("border-crossings".to_string(), "өткізу пункті".to_string())]
            );
        }

        #[test]
        fn dative_ystyqkolge() {
            assert_eq!(
                found("Туристер Алматыдан Ыстықкөлге жаңа жолмен барады."),
                [
                    ("almaty".to_string(), "Алматыдан".to_string()),
                    ("issyk-kul".to_string(), "Ыстықкөлге".to_string()),
                    // A road cue with both anchors: the road rule.
                    ("almaty-issyk-kul-road".to_string(), "жолмен".to_string())
                ]
            );
        }

        #[test]
        fn the_road_in_kazakh() {
            assert_eq!(
                ids(
                    "Алматы – Ыстықкөл жолының құрылысы Азия даму банкінің қолдауымен жүргізіледі."
                ),
                ["almaty-issyk-kul-road"]
            );
        }

        #[test]
        fn the_enu_branch_needs_osh_in_the_sentence() {
            let with_osh = "Министрлер Ош мемлекеттік университеті базасында Л.Н.Гумилев атындағы Еуразия ұлттық университетінің филиалы ашылғанын мәлімдеді.";
            assert_eq!(ids(with_osh), ["osh", "enu-branch-osh"]);
            let without = "Л.Н.Гумилев атындағы Еуразия ұлттық университетінің филиалы Астанада жаңа бағдарлама ашты.";
            assert_eq!(ids(without), ["astana"]);
        }
    }

    mod english {
        use super::*;

        #[test]
        fn cities_and_the_road() {
            assert_eq!(
                ids("The presidents met in Bishkek and discussed the Almaty – Issyk-Kul road."),
                ["bishkek", "almaty-issyk-kul-road"]
            );
        }

        #[test]
        fn the_enu_branch_and_plural_checkpoints() {
            assert_eq!(
                ids("A branch of the Eurasian National University opened in Osh."),
                ["enu-branch-osh", "osh"]
            );
            // The group's general word gives way to the crossing it names.
            assert_eq!(
                ids("Both sides will rebuild the border checkpoints at Kordai."),
                ["kordai-ak-zhol"]
            );
            assert_eq!(
                ids("Both sides will rebuild the border checkpoints."),
                ["border-crossings"]
            );
        }
    }

    mod not_a_place {
        use super::*;

        #[test]
        fn words_that_start_with_a_place_name() {
            for sentence in [
                "Ошибка в расчётах была исправлена вовремя.",
                "Участники были ошеломлены результатами.",
                "Алматинская область граничит с Кыргызстаном.",
                "Астанинский суд рассмотрел дело.",
                "Бишкекчане вышли на субботник.",
                "Кордайский район славится садами.",
                "Ошақ басында әңгіме жалғасты.",
                "Oshkosh trucks were sold at the fair.",
                "Bishkekers celebrated the holiday.",
            ] {
                assert_eq!(ids(sentence), Vec::<String>::new(), "{sentence}");
            }
        }

        #[test]
        fn a_village_is_not_the_peak_it_starts_like() {
            // Хантау is a village of the places layer (GeoNames), not Khan Tengri.
            assert_eq!(ids("Хантау ауылында жиын өтті."), ["khantau"]);
        }

        #[test]
        fn place_names_inside_other_words() {
            for sentence in [
                "Министр Ермек Кошербаев посетил с официальным визитом Кыргызстан.",
                "Хорошо подготовленные переговоры прошли быстро.",
                "Кошелёк нашли на вокзале.",
                "Josh Bishop wrote about trade.",
                "Проект «Жасастана» запущен.",
                "Пропускная способность выросла.",
            ] {
                assert_eq!(ids(sentence), Vec::<String>::new(), "{sentence}");
            }
        }

        #[test]
        fn a_guarded_alias_needs_its_context() {
            // "Карасу" is a common name; only a checkpoint sentence cites the crossing.
            assert_eq!(
                ids("Село Карасу известно своими родниками."),
                Vec::<String>::new()
            );
            assert_eq!(
                ids("Через пункт пропуска Карасу прошли тысячи грузовиков."),
                ["karasu-ak-tilek"]
            );
        }
    }

    mod pieces {
        use super::*;

        #[test]
        fn stems() {
            assert_eq!(stem("Астана"), "астан");
            assert_eq!(stem("трансграничный"), "трансграничн");
            assert_eq!(stem("Ош"), "ош");
            assert_eq!(stem("Ыстықкөл"), "ыстықкөл");
            assert_eq!(stem("Osh"), "osh");
        }

        #[test]
        fn inflections() {
            assert!(is_inflection("дағы", false));
            assert!(is_inflection("ыда", false));
            assert!(!is_inflection("ибка", false));
            assert!(!is_inflection("кош", true));
            assert!(is_inflection("s", true));
        }

        #[test]
        fn tokens_keep_original_offsets() {
            let text = "«Алматы – Иссык-Куль»";
            let t = tokenize(text);
            let words: Vec<&str> = t.iter().map(|t| t.span.of(text)).collect();
            assert_eq!(words, ["Алматы", "Иссык", "Куль"]);
            assert_eq!(t.norm(2), "куль");
        }
    }
}
