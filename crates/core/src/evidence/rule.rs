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
//! With `article = true` a place anchor that is neither in the cue's sentence
//! nor in its window may be named earlier in the article, where the cue's
//! sentence names no other town at all (not even an event's venue): an
//! institution's branch is often named without its city once the article
//! has said where it is («Филиал ЕНУ примет первых студентов в сентябре»,
//! Osh named two paragraphs up). Such a mention cites the cue's sentence only.
//!
//! This module holds the validated data; [`crate::evidence::cue`] evaluates it.

use serde::{Deserialize, Serialize};

use crate::text::names::Aliases;

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
    /// A place anchor found neither in the cue's sentence nor its window may
    /// be named earlier in the article (`article = true`; see the header).
    pub article: bool,
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
    #[serde(default)]
    pub article: bool,
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
            article: raw.article,
        })
    }

    /// Resolves an entry's `context` groups.
    pub fn context(&self, groups: &[String]) -> Result<Vec<AnyOf>, String> {
        groups.iter().map(|g| self.any_of(g)).collect()
    }
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
            article: false,
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
