//! Countries, lakes and rivers (their names are drawn with the labels,
//! `crate::components::map::labels`, where they give way to features').

use bilateral_core::map::MapData;
use yew::prelude::*;

use crate::corpus::Static;

#[derive(Properties, PartialEq)]
pub struct BasemapProps {
    pub map: Static<MapData>,
}

/// Countries, lakes and rivers. Re-renders only when the map changes.
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
        </g>
    }
}
