//! Feature names on the map, and the basemap's where they leave room,
//! placed by `bilateral_core::layout::map_labels`.

use bilateral_core::Corpus;
use bilateral_core::compact::decimal;
use bilateral_core::labels::LabelBox;
use bilateral_core::lang::Lang;
use bilateral_core::layout;
use bilateral_core::map::MapData;
use bilateral_core::viewport::Viewport;
use yew::prelude::*;

use crate::components::symbol::pinned;
use crate::corpus::Static;

#[derive(Properties, PartialEq)]
pub struct LabelsProps {
    pub corpus: Static<Corpus>,
    pub map: Static<MapData>,
    pub lang: Lang,
    pub view: Viewport,
    pub selected: Option<usize>,
    pub onselect: Callback<usize>,
    /// Features inside a cluster symbol get no label.
    pub clustering: std::rc::Rc<crate::components::map::clusters::Clustering>,
    /// Screen boxes no label may cover (the edge buttons).
    pub avoid: std::rc::Rc<Vec<LabelBox>>,
}

/// Feature names placed where they do not collide: each label tries right,
/// left, above and below its symbol in screen space, most-cited first (the
/// selected feature before all), and is left out if every place overlaps
/// another label or symbol or runs off the map.
#[function_component(Labels)]
pub fn labels(props: &LabelsProps) -> Html {
    let layout::Labelling { features, basemap } = layout::map_labels(
        &props.corpus,
        &props.map,
        props.lang,
        &props.view,
        props.selected,
        &props.clustering,
        &props.avoid,
    );
    html! {
        <g class="bm-labels" aria-hidden="true">
            { basemap_names(&props.map, props.lang, &basemap) }
            { for features.into_iter().map(|layout::MapLabel { feature, at, label }| {
                let name = props.corpus.entry(&props.corpus.features[feature]).name.get(props.lang);
                // Labels are a second, larger target for the pointer; keyboard
                // users reach the same feature through its symbol.
                let onclick = props.onselect.reform(move |_: MouseEvent| feature);
                let selected = props.selected == Some(feature);
                pinned(at, html! {
                    <text class={classes!("bm-label", selected.then_some("bm-label--selected"))}
                        x={decimal(label.dx, 1)} y={decimal(label.dy, 1)}
                        text-anchor={label.position.text_anchor()} {onclick}>{ name }</text>
                })
            }) }
        </g>
    }
}

/// The two countries' names and the largest lakes', where `shown` (in
/// `bilateral_core::layout::basemap_labels`' order) lets them be.
fn basemap_names(map: &MapData, lang: Lang, shown: &[bool]) -> Html {
    let countries = map
        .countries
        .iter()
        .filter(|c| c.emphasis)
        .map(|c| (c.label, c.name.get(lang), "bm-country-label", "0"));
    let lakes = map
        .lakes
        .iter()
        .take(layout::NAMED_LAKES)
        .map(|l| (l.label, l.name.get(lang), "bm-water-label", "4"));
    html! {
        { for countries.chain(lakes).zip(shown).filter(|(_, s)| **s).map(|((at, name, class, y), _)| {
            pinned(at, html! { <text {class} text-anchor="middle" {y}>{ name }</text> })
        }) }
    }
}
