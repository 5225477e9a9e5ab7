//! Countries, lakes, rivers and the two countries' names.

use bilateral_core::lang::Lang;
use bilateral_core::map::MapData;
use yew::prelude::*;

use crate::components::symbol::pinned;
use crate::corpus::Static;

#[derive(Properties, PartialEq)]
pub struct BasemapProps {
    pub map: Static<MapData>,
    pub lang: Lang,
}

/// Countries, lakes, rivers and the two countries' names. Re-renders only
/// when the language changes.
#[function_component(Basemap)]
pub fn basemap(props: &BasemapProps) -> Html {
    let m = props.map;
    html! {
        <g class="bm-basemap" aria-hidden="true">
            { for m.countries.iter().map(|c| html! {
                <path class={classes!("bm-country", c.emphasis.then_some("bm-country--focus"))} d={c.d.clone()} />
            }) }
            { for m.rivers.iter().map(|r| html! { <path class="bm-river" d={r.d.clone()} /> }) }
            { for m.lakes.iter().map(|l| html! { <path class="bm-lake" d={l.d.clone()} /> }) }
            { for m.countries.iter().filter(|c| c.emphasis).map(|c| pinned(c.label, html! {
                <text class="bm-country-label" text-anchor="middle">{ c.name.get(props.lang) }</text>
            })) }
            { for m.lakes.iter().take(3).map(|l| pinned(l.label, html! {
                <text class="bm-water-label" text-anchor="middle" y="4">{ l.name.get(props.lang) }</text>
            })) }
        </g>
    }
}
