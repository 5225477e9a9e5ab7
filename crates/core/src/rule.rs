//! Project rules: recognising an entry by a *type cue* and its *anchor places*,
//! not only by its literal names.
//!
//! A rule is written in `corpus/gazetteer.toml` as
//! `rules = [{ cue = "road", with = ["almaty", "issyk-kul | cholpon-ata"], unless = ["hiking"], window = 1 }]`:
//! the entry is mentioned where a word of the term `road` stands in a sentence
//! that also names (or whose neighbours in the same paragraph, up to `window`
//! sentences away, name) each `with` group — `a | b` means either — and that holds
//! no word of an `unless` term. `with` and `unless` name gazetteer entries (their
//! names and aliases, Russian adjectives included: `Ошского` anchors Osh) or
//! terms (named word lists, `[term.NAME]` tables). An entry's `context` list
//! works the same way but over the whole article: every group must be named
//! somewhere in it before any mention of the entry counts (the Kirov reservoir
//! on the Talas needs Talas or Kyrgyzstan; a Kirov reservoir in West
//! Kazakhstan does not).
//!
//! A place anchor is taken from a window only when the cue's own sentence names no other town (a
//! place of the gazetteer that is not an anchor, or a capitalised word before a
//! settlement word, «Омбы қаласы»): «…филиалы Бішкекте ашылды. Ал әл-Фараби
//! атындағы университеттің филиалдары Омбы қаласы мен Түркияда бар» cites the
//! Bishkek branch once, not twice. A windowed mention cites every sentence
//! from the first to the last it used.
//!
//! This module holds the validated data and evaluates rules over a scanned
//! article ([`crate::mention::Found`]).

use serde::{Deserialize, Serialize};

use crate::gazetteer::{Aliases, EntryKind, Gazetteer};
use crate::guard::Grammar;
use crate::mention::{Candidate, Found, Occurrence, Target};

/// A named word list: a type cue (`road`, `checkpoint`), an organisation's
/// names (`enu`), a country, an event verb. Matched like entry names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub name: String,
    pub phrases: Aliases,
}

impl Term {
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.phrases
            .ru
            .iter()
            .chain(&self.phrases.kk)
            .chain(&self.phrases.en)
            .map(String::as_str)
    }
}

/// What a rule or context group refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ref {
    /// Index into the gazetteer's entries.
    Entry(usize),
    /// Index into the gazetteer's terms.
    Term(usize),
}

/// Satisfied when any one of its references is present.
pub type AnyOf = Vec<Ref>;

/// A type cue with its anchors (see the module header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// A term: the word that says what kind of thing this is.
    pub cue: usize,
    /// Every group must be present in the cue's sentence or its window.
    pub with: Vec<AnyOf>,
    /// Terms that must not be in the cue's sentence.
    pub unless: Vec<usize>,
    /// How many neighbouring sentences of the same paragraph, each side.
    pub window: usize,
}

/// The largest window a rule may ask for: beyond two sentences a paragraph
/// usually moves on to another subject.
pub const MAX_WINDOW: usize = 2;

/// A rule as written in the file, before names are resolved.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub cue: String,
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub unless: Vec<String>,
    #[serde(default)]
    pub window: usize,
}

/// Looks names up: entry ids first, then term names.
pub struct Names<'a> {
    pub entry: &'a dyn Fn(&str) -> Option<usize>,
    pub term: &'a dyn Fn(&str) -> Option<usize>,
}

impl Names<'_> {
    fn any_of(&self, group: &str) -> Result<AnyOf, String> {
        let refs: Vec<Ref> = group
            .split('|')
            .map(str::trim)
            .map(|name| {
                (self.entry)(name)
                    .map(Ref::Entry)
                    .or_else(|| (self.term)(name).map(Ref::Term))
                    .ok_or_else(|| format!("`{name}` is neither an entry id nor a term"))
            })
            .collect::<Result<_, _>>()?;
        if refs.is_empty() {
            return Err(format!("empty group `{group}`"));
        }
        Ok(refs)
    }

    fn term_only(&self, name: &str) -> Result<usize, String> {
        (self.term)(name.trim()).ok_or_else(|| format!("`{name}` is not a term ([term.{name}])"))
    }

    /// Resolves a rule's names; the message says which one is unknown.
    pub fn rule(&self, raw: &RawRule) -> Result<Rule, String> {
        if raw.window > MAX_WINDOW {
            return Err(format!(
                "a rule's window is at most {MAX_WINDOW} sentences, this one asks for {}",
                raw.window
            ));
        }
        Ok(Rule {
            cue: self.term_only(&raw.cue)?,
            with: raw
                .with
                .iter()
                .map(|g| self.any_of(g))
                .collect::<Result<_, _>>()?,
            unless: raw
                .unless
                .iter()
                .map(|t| self.term_only(t))
                .collect::<Result<_, _>>()?,
            window: raw.window,
        })
    }

    /// Resolves an entry's `context` groups.
    pub fn context(&self, groups: &[String]) -> Result<Vec<AnyOf>, String> {
        groups.iter().map(|g| self.any_of(g)).collect()
    }
}

/// The most tokens a rule mention's highlighted span may cover; farther apart,
/// only the cue is highlighted.
const MAX_SPAN_TOKENS: usize = 12;

/// Every mention the entries' rules make in a scanned article.
pub(crate) fn candidates(found: &Found, g: &Gazetteer, grammar: &Grammar) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (e, entry) in g.entries.iter().enumerate() {
        for rule in &entry.rules {
            for s in 0..found.by_sentence.len() {
                let Some(cue) = found.term_in(s, Some(rule.cue)) else {
                    continue;
                };
                if rule
                    .unless
                    .iter()
                    .any(|&t| found.term_in(s, Some(t)).is_some())
                {
                    continue;
                }
                if let Some(c) = apply(found, g, grammar, e, rule, s, cue) {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn target(r: Ref) -> Target {
    match r {
        Ref::Entry(e) => Target::Entry(e),
        Ref::Term(t) => Target::Term(t),
    }
}

/// An occurrence in sentence `s` of any reference of `group`.
fn present<'f>(found: &'f Found, s: usize, group: &AnyOf) -> Option<&'f Occurrence> {
    group.iter().find_map(|&r| found.in_sentence(s, target(r)))
}

/// The rule's mention for a cue in sentence `s`, if its anchors are there.
fn apply(
    found: &Found,
    g: &Gazetteer,
    grammar: &Grammar,
    entry: usize,
    rule: &Rule,
    s: usize,
    cue: &Occurrence,
) -> Option<Candidate> {
    let sentences = &found.article.sentences;
    let paragraph = sentences[s].paragraph;
    let (mut first, mut last) = (s, s);
    let (mut lo, mut hi) = (cue.start, cue.end());
    let mut window_open = None;
    for group in &rule.with {
        if let Some(o) = present(found, s, group) {
            // A term anchor (the university's name) joins the highlight; a
            // place anchor stays a mention of its own (Osh is still cited).
            if matches!(o.target, Target::Term(_)) {
                lo = lo.min(o.start);
                hi = hi.max(o.end());
            }
            continue;
        }
        // An organisation's name may come from a neighbour freely; a place
        // only if the cue's sentence names no other town.
        let only_terms = group.iter().all(|r| matches!(r, Ref::Term(_)));
        let open = rule.window > 0
            && (only_terms
                || *window_open
                    .get_or_insert_with(|| !names_other_place(found, g, grammar, rule, s)));
        if !open {
            return None;
        }
        let near = (1..=rule.window)
            .flat_map(|d| [s.checked_sub(d), Some(s + d)])
            .flatten()
            .filter(|&t| t < sentences.len() && sentences[t].paragraph == paragraph);
        let t = near
            .into_iter()
            .find(|&t| present(found, t, group).is_some())?;
        first = first.min(t);
        last = last.max(t);
    }
    let (start, len) = if hi - lo <= MAX_SPAN_TOKENS {
        (lo, hi - lo)
    } else {
        (cue.start, cue.len)
    };
    Some(Candidate {
        entry,
        sentence: s,
        first,
        last,
        start,
        len,
    })
}

/// Does sentence `s` name a town that is none of the rule's anchors?
fn names_other_place(
    found: &Found,
    g: &Gazetteer,
    grammar: &Grammar,
    rule: &Rule,
    s: usize,
) -> bool {
    let anchors: Vec<Target> = rule.with.iter().flatten().map(|&r| target(r)).collect();
    let occurrences = || found.by_sentence[s].iter().map(|&i| &found.occurrences[i]);
    // A town where the sentence says something happened («В Бишкеке
    // состоялось открытие филиала…») is the event's venue, not the thing's place.
    let other_entry = occurrences().any(|o| match o.target {
        Target::Entry(e) => {
            g.entries[e].kind == EntryKind::Place
                && !anchors.contains(&o.target)
                && !(g.entries[e].is_settlement()
                    && crate::role::of(found, grammar, s, o.start, o.len)
                        == crate::mention::Role::Venue)
        }
        Target::Term(_) => false,
    });
    let text = &found.article.text;
    let range = &found.sentence_tokens[s];
    let unknown_town = occurrences().any(|o| {
        o.strict
            && grammar.settlement
                == Some(match o.target {
                    Target::Term(t) => t,
                    Target::Entry(_) => usize::MAX,
                })
            && o.start > range.start
            && text[found.tokens[o.start - 1].span.start..].starts_with(char::is_uppercase)
            && !occurrences().any(|a| anchors.contains(&a.target) && a.end() == o.start)
    });
    other_entry || unknown_town
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> (Vec<&'static str>, Vec<&'static str>) {
        (vec!["almaty", "issyk-kul"], vec!["road", "hiking"])
    }

    fn resolve(raw: RawRule) -> Result<Rule, String> {
        let (entries, terms) = names();
        let entry = |n: &str| entries.iter().position(|e| *e == n);
        let term = |n: &str| terms.iter().position(|t| *t == n);
        Names {
            entry: &entry,
            term: &term,
        }
        .rule(&raw)
    }

    fn raw(cue: &str, with: &[&str]) -> RawRule {
        RawRule {
            cue: cue.into(),
            with: with.iter().map(|s| s.to_string()).collect(),
            unless: vec!["hiking".into()],
            window: 1,
        }
    }

    #[test]
    fn groups_resolve_to_entries_and_terms() {
        let rule = resolve(raw("road", &["almaty", "issyk-kul | hiking"])).unwrap();
        assert_eq!(rule.cue, 0);
        assert_eq!(
            rule.with,
            [vec![Ref::Entry(0)], vec![Ref::Entry(1), Ref::Term(1)]]
        );
        assert_eq!(rule.unless, [1]);
    }

    #[test]
    fn unknown_names_and_wide_windows_are_refused() {
        let err = resolve(raw("road", &["bishkek"])).unwrap_err();
        assert_eq!(err, "`bishkek` is neither an entry id nor a term");
        let err = resolve(raw("almaty", &[])).unwrap_err();
        assert!(err.contains("is not a term"), "{err}");
        let mut wide = raw("road", &[]);
        wide.window = 3;
        assert!(resolve(wide).unwrap_err().contains("at most 2"));
    }
}
