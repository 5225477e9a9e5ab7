//! The widget's one reducer, in the style of Yew's `function_todomvc`: the UI
//! language, the selected feature, the open citation and the timeline's
//! period ([`AppState`]),
//! changed only by [`Action`]s. The selection lives in the URL hash
//! ([`crate::host::deeplink`]) so links reopen a view and back/forward step
//! through it. No web APIs here: the tests run natively.

use std::rc::Rc;

use bilateral_core::Corpus;
use bilateral_core::lang::Lang;
use bilateral_core::timeline::Period;
use yew::prelude::*;

use crate::corpus::Static;
use crate::host::deeplink::DeepLink;

/// What is open. Feature and citation are indices into the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// Set when the reader picked a language, so links carry it.
    pub lang_chosen: bool,
    pub selected: Option<usize>,
    /// Index into the selected feature's citations: the reader is open.
    pub cite: Option<usize>,
    /// The citations shown: the timeline's range.
    pub period: Period,
}

pub enum Action {
    SetLang(Lang),
    Select(usize),
    OpenCitation(usize),
    /// Close the reader, keep the feature.
    Back,
    /// Close the reader, or else the panel.
    Escape,
    /// Close both.
    Deselect,
    /// Take the state a URL hash describes.
    Link(DeepLink),
    /// The timeline moved.
    SetPeriod(Period),
}

impl AppState {
    pub fn from_link(corpus: &Corpus, link: &DeepLink, page: Lang) -> AppState {
        let selected = link
            .feature
            .as_deref()
            .and_then(|id| corpus.feature_index(id));
        let cite = selected
            .and(link.cite)
            .filter(|&c| selected.is_some_and(|s| c < corpus.features[s].citations.len()));
        AppState {
            lang: link.lang.unwrap_or(page),
            lang_chosen: link.lang.is_some(),
            selected,
            cite,
            period: link.period,
        }
    }

    pub fn link(&self, corpus: &Corpus) -> DeepLink {
        DeepLink {
            feature: self
                .selected
                .map(|s| corpus.entry(&corpus.features[s]).id.clone()),
            cite: self.cite,
            lang: self.lang_chosen.then_some(self.lang),
            period: self.period,
        }
    }
}

/// A reducer state bound to the corpus it indexes.
#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    pub corpus: Static<Corpus>,
    pub state: AppState,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = self.state.clone();
        match action {
            Action::SetLang(lang) => {
                s.lang = lang;
                s.lang_chosen = true;
            }
            Action::Select(i) if i < self.corpus.features.len() => {
                s.selected = Some(i);
                s.cite = None;
            }
            Action::Select(_) => return self,
            Action::OpenCitation(c) => {
                if s.selected
                    .is_some_and(|f| c < self.corpus.features[f].citations.len())
                {
                    s.cite = Some(c);
                }
            }
            Action::Back => s.cite = None,
            Action::Deselect => {
                s.cite = None;
                s.selected = None;
            }
            Action::Escape => {
                if s.cite.is_some() {
                    s.cite = None;
                } else {
                    s.selected = None;
                }
            }
            Action::SetPeriod(period) => s.period = period,
            Action::Link(link) => {
                let page_lang = s.lang;
                s = AppState::from_link(&self.corpus, &link, page_lang);
                if link.lang.is_none() && self.state.lang_chosen {
                    s.lang = self.state.lang;
                }
            }
        }
        if s == self.state {
            self
        } else {
            Rc::new(Store {
                corpus: self.corpus,
                state: s,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Rc<Store> {
        let corpus = crate::corpus::embedded().expect("the embedded bundle decodes");
        Rc::new(Store {
            corpus: Static(&corpus.corpus),
            state: AppState {
                lang: Lang::Ru,
                lang_chosen: false,
                selected: None,
                cite: None,
                period: Period::ALL,
            },
        })
    }

    fn id(store: &Store, f: usize) -> String {
        store.corpus.entry(&store.corpus.features[f]).id.clone()
    }

    #[test]
    fn select_opens_a_feature_and_closes_the_reader() {
        let s = store()
            .reduce(Action::Select(0))
            .reduce(Action::OpenCitation(0));
        assert_eq!((s.state.selected, s.state.cite), (Some(0), Some(0)));
        let s = s.reduce(Action::Select(1));
        assert_eq!((s.state.selected, s.state.cite), (Some(1), None));
    }

    #[test]
    fn impossible_actions_change_nothing() {
        let before = store();
        let n = before.corpus.features.len();
        let after = before.clone().reduce(Action::Select(n));
        assert!(Rc::ptr_eq(&before, &after), "an unknown feature");
        let after = before.clone().reduce(Action::OpenCitation(0));
        assert_eq!(after.state.cite, None, "no feature selected");
        let s = before.reduce(Action::Select(0));
        let citations = s.corpus.features[0].citations.len();
        assert_eq!(s.reduce(Action::OpenCitation(citations)).state.cite, None);
    }

    #[test]
    fn escape_closes_the_reader_then_the_panel() {
        let s = store()
            .reduce(Action::Select(0))
            .reduce(Action::OpenCitation(0));
        let s = s.reduce(Action::Escape);
        assert_eq!((s.state.selected, s.state.cite), (Some(0), None));
        let s = s.reduce(Action::Escape);
        assert_eq!(s.state.selected, None);
    }

    #[test]
    fn back_and_deselect() {
        let s = store()
            .reduce(Action::Select(0))
            .reduce(Action::OpenCitation(0));
        assert_eq!(s.clone().reduce(Action::Back).state.selected, Some(0));
        let s = s.reduce(Action::Deselect);
        assert_eq!((s.state.selected, s.state.cite), (None, None));
    }

    #[test]
    fn a_chosen_language_is_kept_and_linked() {
        let s = store().reduce(Action::SetLang(Lang::Kk));
        assert!(s.state.lang_chosen);
        assert_eq!(s.state.link(&s.corpus).lang, Some(Lang::Kk));
        // A link without a language keeps the reader's choice.
        let link = DeepLink {
            feature: Some(id(&s, 0)),
            cite: None,
            lang: None,
            period: Period::ALL,
        };
        let s = s.reduce(Action::Link(link));
        assert_eq!((s.state.lang, s.state.selected), (Lang::Kk, Some(0)));
    }

    #[test]
    fn the_period_is_kept_across_selections_and_linked() {
        let period = Period {
            since: None,
            until: bilateral_core::article::Date::parse("2024-12-31"),
            undated: false,
        };
        let s = store()
            .reduce(Action::SetPeriod(period))
            .reduce(Action::Select(0))
            .reduce(Action::Escape);
        assert_eq!(s.state.period, period);
        let link = s.state.link(&s.corpus);
        assert_eq!(link.format(), "#until=2024-12-31&undated=0");
        let s = store().reduce(Action::Link(link));
        assert_eq!(s.state.period, period);
    }

    #[test]
    fn a_link_round_trips_and_a_bad_citation_is_dropped() {
        let s = store()
            .reduce(Action::Select(0))
            .reduce(Action::OpenCitation(0));
        let link = s.state.link(&s.corpus);
        assert_eq!(AppState::from_link(&s.corpus, &link, Lang::Ru), s.state);
        let bad = DeepLink {
            feature: Some(id(&s, 0)),
            cite: Some(10_000),
            lang: Some(Lang::En),
            period: Period::ALL,
        };
        let state = AppState::from_link(&s.corpus, &bad, Lang::Ru);
        assert_eq!(
            (state.selected, state.cite, state.lang),
            (Some(0), None, Lang::En)
        );
    }
}
