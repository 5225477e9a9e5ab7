//! Dense symbols: where point symbols would overlap at the current zoom
//! (`bilateral_core::layout::Clustering`), one cluster symbol with a count stands for
//! them. It is a focusable button; Enter or a click opens the list of its
//! features (each a button that selects it) with a button that zooms in on
//! the cluster, so keyboard and screen-reader users reach every feature.

use std::rc::Rc;

use bilateral_core::Corpus;
use bilateral_core::lang::Lang;

use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::symbol::{pinned, symbol};
use crate::corpus::Static;
use crate::hooks::dom::press_keys;
use crate::i18n;

pub use bilateral_core::layout::Clustering;

#[derive(Properties, PartialEq)]
pub struct ClustersProps {
    pub corpus: Static<Corpus>,
    pub lang: Lang,
    pub clustering: Rc<Clustering>,
    /// Carries the cluster's index in `clustering`.
    pub onopen: Callback<usize>,
    /// A cluster whose features have no citation in it is faded.
    #[prop_or_default]
    pub period: bilateral_core::timeline::Period,
}

/// The cluster symbols, drawn over the features.
#[function_component(Clusters)]
pub fn clusters(props: &ClustersProps) -> Html {
    html! {
        <g class="bm-clusters">
            { for props.clustering.clusters.iter().enumerate().map(|(k, c)| {
                let names: Vec<&str> = c.members.iter()
                    .map(|&m| props.corpus.entry(&props.corpus.features[m]).name.get(props.lang))
                    .collect();
                let label = format!("{}: {}", i18n::features_here(props.lang, c.members.len()), names.join(", "));
                let ids: Vec<&str> = c.members.iter()
                    .map(|&m| props.corpus.entry(&props.corpus.features[m]).id.as_str())
                    .collect();
                let onclick = props.onopen.reform(move |_: MouseEvent| k);
                let onkeydown = press_keys(&props.onopen, k);
                let p = props.period;
                let faded = !p.is_all() && c.members.iter().all(|&m| p.count(&props.corpus, m) == 0);
                html! {
                    <g class={classes!("bm-cluster", faded.then_some("bm-feature--faded"))} data-testid="cluster" data-members={ids.join(" ")}
                        tabindex="0" role="button" aria-haspopup="dialog" aria-label={label}
                        {onclick} {onkeydown}>
                        { pinned(c.at, html! {
                            <>
                                <circle class="bm-cluster-disc" r="11" />
                                <text class="bm-cluster-count" y="4">{ c.members.len() }</text>
                            </>
                        }) }
                    </g>
                }
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct ClusterListProps {
    pub corpus: Static<Corpus>,
    pub lang: Lang,
    pub members: Vec<usize>,
    pub onselect: Callback<usize>,
    pub onzoom: Callback<()>,
    pub onclose: Callback<()>,
}

/// The open cluster's features, over the map's corner; focus moves to its
/// first button and Escape closes it.
#[function_component(ClusterList)]
pub fn cluster_list(props: &ClusterListProps) -> Html {
    let text = i18n::text(props.lang);
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(props.members.clone(), move |_| {
            if let Some(b) = first.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let onkeydown = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                onclose.emit(());
            }
        })
    };
    let heading = i18n::features_here(props.lang, props.members.len());
    html! {
        <div class="bm-cluster-list" role="dialog" aria-label={heading.clone()} data-testid="cluster-list" {onkeydown}>
            <p class="bm-cluster-title">{ heading }</p>
            <ul>
                { for props.members.iter().enumerate().map(|(k, &m)| {
                    let entry = props.corpus.entry(&props.corpus.features[m]);
                    let onclick = props.onselect.reform(move |_: MouseEvent| m);
                    html! {
                        <li>
                            <button type="button" data-feature-id={entry.id.clone()} {onclick}
                                ref={if k == 0 { first.clone() } else { NodeRef::default() }}>
                                <svg class={classes!("bm-panel-symbol", format!("bm-cat-{}", entry.category.key()))}
                                    viewBox="-10 -10 20 20" aria-hidden="true">
                                    <path class="bm-symbol" d={symbol(entry.category)} />
                                </svg>
                                { entry.name.get(props.lang) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <div class="bm-cluster-actions">
                <button type="button" onclick={props.onzoom.reform(|_: MouseEvent| ())}>{ text.zoom_in }</button>
                <button type="button" onclick={props.onclose.reform(|_: MouseEvent| ())}>{ text.close }</button>
            </div>
        </div>
    }
}
