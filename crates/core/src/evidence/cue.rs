//! Mentions from project rules ([`crate::evidence::rule`]): a type cue in a sentence
//! with its anchors there or, within the rule's window, in neighbouring
//! sentences of the same paragraph, or, for a rule with `article = true`, a
//! place anchor earlier in the article.
//!
//! A place anchor is taken from a window only when the cue's own sentence
//! names no other town (a gazetteer place that is not an anchor and not the
//! venue of the sentence's event, or a capitalised word before a settlement
//! word, «Омбы қаласы»); an organisation's name (a term) may always come from
//! the window. The highlight covers the cue and the term anchors of its own
//! sentence; place anchors stay mentions of their own.

use crate::evidence::found::{Candidate, Found, Occurrence, Target};
use crate::evidence::gazetteer::{EntryKind, Gazetteer};
use crate::evidence::guard::Grammar;
use crate::evidence::role::{self, Role};
use crate::evidence::rule::{AnyOf, Ref, Rule};

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

pub(crate) fn target(r: Ref) -> Target {
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
                    .get_or_insert_with(|| !names_other_place(found, g, grammar, rule, s, false)));
        if !open {
            return None;
        }
        let near = (1..=rule.window)
            .flat_map(|d| [s.checked_sub(d), Some(s + d)])
            .flatten()
            .filter(|&t| t < sentences.len() && sentences[t].paragraph == paragraph);
        match near
            .into_iter()
            .find(|&t| present(found, t, group).is_some())
        {
            Some(t) => {
                first = first.min(t);
                last = last.max(t);
            }
            // Named earlier in the article (`article = true`), where the cue's
            // sentence names no other town at all, not even an event's venue
            // («ЕНУ откроет филиал в Таразе» is no Osh branch): the cue's
            // sentence alone is cited.
            None if rule.article
                && !only_terms
                && !names_other_place(found, g, grammar, rule, s, true)
                && (0..s).any(|t| present(found, t, group).is_some()) => {}
            None => return None,
        }
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
        by_rule: true,
    })
}

/// Does sentence `s` name a town that is none of the rule's anchors? A
/// town that is the venue of the sentence's event counts only if `venues`.
fn names_other_place(
    found: &Found,
    g: &Gazetteer,
    grammar: &Grammar,
    rule: &Rule,
    s: usize,
    venues: bool,
) -> bool {
    let anchors: Vec<Target> = rule.with.iter().flatten().map(|&r| target(r)).collect();
    let occurrences = || found.by_sentence[s].iter().map(|&i| &found.occurrences[i]);
    // A town where the sentence says something happened («В Бишкеке
    // состоялось открытие филиала…») is the event's venue, not the thing's place.
    let other_entry = occurrences().any(|o| match o.target {
        Target::Entry(e) => {
            g.entries[e].kind == EntryKind::Place
                && !g.entries[e].is_area()
                && !anchors.contains(&o.target)
                && (venues
                    || !(g.entries[e].is_settlement()
                        && role::of(found, grammar, s, o.start, o.len) == Role::Venue))
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
