//! Edge markers: a button at the map's edge for each place left outside the
//! first view's frame while it is out of sight, with an arrow, its name and
//! its distance (`bilateral_core::layout::distant_places` finds them over
//! `bilateral_core::frame`, `bilateral_core::edge` lays the buttons out). Choosing one selects the
//! place's most cited feature, which opens its panel and brings it into view.

use std::rc::Rc;

use bilateral_core::Corpus;
use bilateral_core::edge::{Distant, EdgeMarker};
use bilateral_core::labels::LabelBox;
use bilateral_core::lang::Lang;
use bilateral_core::layout;
use bilateral_core::map::MapData;
use bilateral_core::ui;
use bilateral_core::viewport::Viewport;
use yew::prelude::*;

use crate::corpus::Static;

/// The places outside the frame of a map of `view`'s size (found again only
/// when the size, the corpus or the language changes), and the room their
/// buttons take in `label_view`, where the labels were placed.
#[hook]
pub fn use_edges(
    corpus: Static<Corpus>,
    map: Static<MapData>,
    lang: Lang,
    view: Viewport,
    label_view: Viewport,
) -> (Rc<Vec<Distant>>, Rc<Vec<LabelBox>>) {
    let (width, height) = (view.width, view.height);
    let places = use_memo(
        (corpus, map, lang, width as i64, height as i64),
        move |&(corpus, map, lang, _, _)| {
            layout::distant_places(&corpus, &map, lang, width, height)
        },
    );
    let avoid = use_memo((label_view, places.clone()), |(v, places)| taken(v, places));
    (places, avoid)
}

#[derive(Properties, PartialEq)]
pub struct EdgesProps {
    pub corpus: Static<Corpus>,
    pub lang: Lang,
    pub view: Viewport,
    pub places: Rc<Vec<Distant>>,
    pub onselect: Callback<usize>,
}

#[function_component(Edges)]
pub fn edges(props: &EdgesProps) -> Html {
    let markers = layout::edge_markers(&props.view, &props.places);
    if markers.is_empty() {
        return html! {};
    }
    html! {
        <div class="bm-edges">
            { for markers.into_iter().map(|m| {
                let place = &props.places[m.place];
                let first = place.features[0];
                let name = layout::place_name(&props.corpus, props.lang, &place.features);
                let members = place.features.iter()
                    .map(|&i| props.corpus.entry(&props.corpus.features[i]).id.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                html! {
                    <EdgeButton key={first} {name} {members} marker={m} lang={props.lang}
                        onclick={props.onselect.reform(move |_: MouseEvent| first)} />
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct EdgeButtonProps {
    name: String,
    /// The ids of the features at the place (`data-members`, as a cluster's).
    members: String,
    marker: EdgeMarker,
    lang: Lang,
    onclick: Callback<MouseEvent>,
}

/// Placed (a `transform`) and its arrow turned through the CSSOM (allowed
/// by a strict CSP), not a style attribute.
#[function_component(EdgeButton)]
fn edge_button(props: &EdgeButtonProps) -> Html {
    let node = use_node_ref();
    let r = props.marker.rect;
    let (left, top, width, angle) = (
        r.left.round() as i32,
        r.top.round() as i32,
        (r.right - r.left).round() as i32,
        props.marker.angle.round() as i32,
    );
    {
        let node = node.clone();
        use_effect_with(
            (left, top, width, angle),
            move |&(left, top, width, angle)| {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let style = el.style();
                    // Moved by a transform, which is no layout shift when
                    // the view changes under it (a refit as it is sized).
                    let t = format!("translate({left}px, {top}px)");
                    let _ = style.set_property("transform", &t);
                    let _ = style.set_property("width", &format!("{width}px"));
                    let _ = style.set_property("--a", &format!("{angle}deg"));
                    // Shown once placed.
                    let _ = style.set_property("visibility", "visible");
                }
            },
        );
    }
    let label = ui::away(
        props.lang,
        &props.name,
        props.marker.km,
        props.marker.compass,
    );
    html! {
        <button ref={node} type="button" class="bm-edge" data-members={props.members.clone()}
            aria-label={label.clone()} title={label}
            onclick={props.onclick.clone()}>
            <span class="bm-edge-arrow" aria-hidden="true">{ "➜" }</span>
            // One line of text, name then distance, as the name begins.
            <span class="bm-edge-text">
                { &props.name }{ " " }<span class="bm-edge-km">{ ui::km(props.lang, props.marker.km) }</span>
            </span>
        </button>
    }
}

/// The boxes the buttons take in `view`, for the labels to keep clear of.
pub fn taken(view: &Viewport, places: &[Distant]) -> Vec<LabelBox> {
    layout::edge_markers(view, places)
        .into_iter()
        .map(|m| m.rect)
        .collect()
}
