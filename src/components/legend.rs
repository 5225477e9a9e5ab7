//! The legend under the map: categories, line styles, the venue ring, and the
//! features with citations but no place on the map. A category or unlocated
//! feature with no citation in the timeline's period is faded.

use bilateral_core::Corpus;
use bilateral_core::gazetteer::{Category, Status};
use bilateral_core::lang::Lang;
use bilateral_core::map::Mark;
use yew::prelude::*;

use crate::components::map::symbol;
use crate::corpus::Static;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub corpus: Static<Corpus>,
    pub lang: Lang,
    pub marks: Vec<Mark>,
    pub onselect: Callback<usize>,
    #[prop_or_default]
    pub period: bilateral_core::timeline::Period,
}

/// The categories on the map, the line styles, and the features that have
/// citations but no place on the map (listed so they can still be opened).
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let corpus = props.corpus;
    let lang = props.lang;
    let text = i18n::text(lang);
    let categories: Vec<Category> = Category::ALL
        .into_iter()
        .filter(|c| {
            corpus
                .features
                .iter()
                .any(|f| corpus.entry(f).category == *c)
        })
        .collect();
    let period = props.period;
    let quiet = |i: usize| !period.is_all() && period.count(&corpus, i) == 0;
    let quiet_category = |c: Category| {
        (0..corpus.features.len())
            .filter(|&i| corpus.entry(&corpus.features[i]).category == c)
            .all(quiet)
    };
    let unlocated: Vec<usize> = (0..corpus.features.len())
        .filter(|&i| matches!(props.marks.get(i), Some(Mark::Unlocated)))
        .collect();
    html! {
        <div class="bm-legend" aria-label={text.legend} role="group">
            <ul class="bm-legend-items">
                { for categories.into_iter().map(|c| html! {
                    <li class={classes!(format!("bm-cat-{}", c.key()), quiet_category(c).then_some("bm-legend-faded"))}>
                        <svg viewBox="-10 -10 20 20" aria-hidden="true"><path class="bm-symbol" d={symbol(c)} /></svg>
                        { i18n::category(lang, c) }
                    </li>
                }) }
                <li class="bm-legend-approx">
                    <svg viewBox="-10 -10 20 20" aria-hidden="true"><circle class="bm-symbol" r="6" /></svg>
                    { i18n::precision(lang, bilateral_core::gazetteer::Precision::Approximate) }
                </li>
                <li class="bm-legend-route">
                    <svg viewBox="0 -5 24 10" aria-hidden="true"><path d="M1 0H23" /></svg>
                    { i18n::precision(lang, bilateral_core::gazetteer::Precision::Schematic) }
                </li>
                if corpus.features.iter().any(|f| corpus.entry(f).status == Status::Proposed) {
                    <li class="bm-legend-proposed">
                        <svg viewBox="-10 -10 20 20" aria-hidden="true"><circle class="bm-symbol" r="6" /></svg>
                        { bilateral_core::ui::proposed(lang) }
                    </li>
                }
                if corpus.features.iter().any(bilateral_core::Feature::hosted_meetings) {
                    <li class="bm-legend-venue">
                        <svg viewBox="-10 -10 20 20" aria-hidden="true"><circle class="bm-venue-ring" r="8" /><circle class="bm-symbol" r="3.5" /></svg>
                        { text.venue }
                    </li>
                }
            </ul>
            if !unlocated.is_empty() {
                <p class="bm-unlocated">
                    <strong>{ bilateral_core::ui::not_on_map(lang) }{ ": " }</strong>
                    { for unlocated.into_iter().map(|i| {
                        let onclick = props.onselect.reform(move |_: MouseEvent| i);
                        let entry = corpus.entry(&corpus.features[i]);
                        html! {
                            <button type="button" class={classes!("bm-link", quiet(i).then_some("bm-legend-faded"))}
                                data-unlocated={entry.id.clone()} {onclick}>
                                { entry.name.get(lang) }
                            </button>
                        }
                    }) }
                </p>
            }
        </div>
    }
}
