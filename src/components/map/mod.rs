//! The SVG map: basemap ([`basemap`]), feature symbols ([`features`]),
//! clusters of overlapping ones ([`clusters`]), labels ([`labels`]), a
//! tooltip ([`tooltip`]), buttons at the edge for the places outside the
//! first view's frame ([`edges`]), and pan/zoom by pointer,
//! pinch, wheel, keyboard and buttons (`crate::hooks::gestures` over the view
//! reducer of `crate::hooks::viewport`).
//!
//! Geometry was projected at build time (`bilateral_core::map`); here only the
//! `viewBox` and one CSS variable change while panning and zooming. `--u` is
//! the size of one screen pixel in SVG units: symbols and labels are drawn in
//! pixels inside `transform: translate(…) scale(var(--u))`, so they keep their
//! size at every zoom and the layers holding them never re-render.

pub mod basemap;
pub mod clusters;
pub mod edges;
pub mod features;
pub mod labels;
pub mod tooltip;

use std::rc::Rc;

use bilateral_core::Corpus;
use bilateral_core::cluster::Cluster;
use bilateral_core::compact::decimal;
use bilateral_core::geo::LatLon;
use bilateral_core::lang::Lang;
use bilateral_core::map::MapData;
use yew::prelude::*;

pub use crate::components::symbol::symbol;
use crate::corpus::Static;
use crate::hooks::gestures::{Hint, use_gestures};
use crate::hooks::viewport::{ViewAction, ViewState, use_fit, use_viewport};
use crate::i18n;
use basemap::Basemap;
use clusters::{ClusterList, Clustering, Clusters};
use edges::Edges;
use features::Features;
use labels::Labels;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The host's initial view: centre and zoom relative to the fitted view.
    #[prop_or_default]
    pub view: Option<(LatLon, f64)>,
    pub corpus: Static<Corpus>,
    pub map: Static<MapData>,
    pub lang: Lang,
    pub selected: Option<usize>,
    pub onselect: Callback<usize>,
    /// The timeline's period: features without a citation in it fade.
    #[prop_or_default]
    pub period: bilateral_core::timeline::Period,
    /// Told which feature is under the pointer or focus (or none): the host
    /// page's names of it light up.
    #[prop_or_default]
    pub onlight: Callback<Option<usize>>,
}

#[function_component(MapView)]
pub fn map_view(props: &MapProps) -> Html {
    let text = i18n::text(props.lang);
    let svg_ref = use_node_ref();
    let view = use_viewport(props.map, props.view);
    use_fit(svg_ref.clone(), view.clone(), props.map, props.selected);
    let hint = use_state(|| None::<Hint>);
    let g = use_gestures(svg_ref.clone(), view.clone(), hint.clone());
    // The name and citation count of the feature under the pointer or focus.
    let hovered = use_state(|| None::<usize>);
    let onhover = {
        let hovered = hovered.clone();
        use_callback(props.onlight.clone(), move |i: Option<usize>, onlight| {
            hovered.set(i);
            onlight.emit(i);
        })
    };
    let v = view.view;
    // `--u` (SVG units per screen pixel) is set through the CSSOM, which a
    // strict CSP allows, not through a `style` attribute, which it blocks.
    {
        let (svg_ref, scale) = (svg_ref.clone(), v.scale);
        use_effect_with((scale * 1e9) as i64, move |_| {
            if let Some(el) = svg_ref.cast::<web_sys::SvgElement>() {
                let _ = el.style().set_property("--u", &decimal(1.0 / scale, 6));
            }
        });
    }
    // Labels are placed in SVG units, so they travel with the map by
    // themselves; placement is redone when the scale or the element's size
    // changes, or the view has moved by a quarter of a screen.
    let step = (v.width.min(v.height) / 4.0).max(1.0);
    let label_key = (
        (v.scale * 1e9) as i64,
        (v.center.x * v.scale / step).round() as i64,
        (v.center.y * v.scale / step).round() as i64,
        v.width as i64,
        v.height as i64,
    );
    let label_view = *use_memo(label_key, move |_| v);
    let (places, avoid) = edges::use_edges(props.corpus, props.map, props.lang, v, label_view);
    // Symbols that would overlap at this zoom, drawn as clusters; the open
    // cluster's features are listed over the map. Clustered anew only when
    // the zoom has changed by more than 40 % since the last time, not on
    // every wheel step: each change redraws the symbols that join or leave
    // a cluster (thousands of them in `make bench-ui`).
    let cluster_scale = use_mut_ref(|| v.scale);
    let at_scale = {
        let mut s = cluster_scale.borrow_mut();
        if (v.scale / *s).max(*s / v.scale) > 1.4 {
            *s = v.scale;
        }
        *s
    };
    let clustering: Rc<Clustering> = use_memo(
        (
            props.corpus,
            props.map,
            (at_scale * 1e9) as i64,
            props.selected,
        ),
        move |&(_, map, _, selected)| Clustering::at(&map, at_scale, selected),
    );
    let open = use_state(|| None::<Cluster>);
    let onopen = {
        let (open, clustering) = (open.clone(), clustering.clone());
        Callback::from(move |k: usize| open.set(clustering.clusters.get(k).cloned()))
    };
    let cluster_list = open
        .as_ref()
        .map(|c| cluster_list(props, c, &open, &view, &svg_ref));
    html! {
        <div class="bm-map" onkeydown={g.onkeydown}>
            <svg ref={svg_ref} class="bm-svg" viewBox={v.view_box()}
                role="application" aria-label={text.map_label} tabindex="0"
                aria-describedby="bm-keys"
                onpointerdown={g.onpointerdown} onpointermove={g.onpointermove}
                onpointerup={g.onpointerup.clone()} onpointercancel={g.onpointerup}>
                <Basemap map={props.map} />
                <Features corpus={props.corpus} map={props.map} lang={props.lang}
                    selected={props.selected} onselect={props.onselect.clone()} onhover={onhover}
                    clustering={clustering.clone()} period={props.period} />
                <Clusters corpus={props.corpus} lang={props.lang} clustering={clustering.clone()} onopen={onopen} period={props.period} />
                <Labels corpus={props.corpus} map={props.map} lang={props.lang} view={label_view} selected={props.selected}
                    onselect={props.onselect.clone()} clustering={clustering} avoid={avoid} />
            </svg>
            <Edges corpus={props.corpus} lang={props.lang} view={v} places={places}
                onselect={props.onselect.clone()} />
            <p id="bm-keys" class="bm-visually-hidden">{ text.keyboard_hint }</p>
            <div class="bm-controls">
                <button type="button" onclick={g.zoom_in} aria-label={text.zoom_in} title={text.zoom_in}>{ "+" }</button>
                <button type="button" onclick={g.zoom_out} aria-label={text.zoom_out} title={text.zoom_out}>{ "−" }</button>
                <button type="button" onclick={g.reset} aria-label={text.reset} title={text.reset}>{ "⤢" }</button>
            </div>
            if let Some(list) = cluster_list {
                { list }
            }
            { tooltip::tooltip(&props.corpus, &props.map, props.lang, &v, *hovered, props.period) }
            if let Some(h) = *hint {
                <div class="bm-hint" role="status">{ match h { Hint::Wheel => text.wheel_hint, Hint::Touch => text.touch_hint } }</div>
            }
        </div>
    }
}

/// The open cluster's list, with its callbacks: choosing a feature or
/// closing dismisses the list and gives the focus back to the map (the
/// list's focused button goes away with it), "Zoom in" zooms 3× around the
/// cluster's symbol.
fn cluster_list(
    props: &MapProps,
    cluster: &Cluster,
    open: &UseStateHandle<Option<Cluster>>,
    view: &UseReducerHandle<ViewState>,
    svg_ref: &NodeRef,
) -> Html {
    let dismiss = {
        let (open, svg_ref) = (open.clone(), svg_ref.clone());
        move || {
            open.set(None);
            if let Some(svg) = svg_ref.cast::<web_sys::SvgElement>() {
                let _ = svg.focus();
            }
        }
    };
    let onclose = {
        let dismiss = dismiss.clone();
        Callback::from(move |()| dismiss())
    };
    let onselect = {
        let onselect = props.onselect.clone();
        Callback::from(move |i: usize| {
            dismiss();
            onselect.emit(i);
        })
    };
    let onzoom = {
        let (open, view, at) = (open.clone(), view.clone(), cluster.at);
        Callback::from(move |()| {
            let v = view.view;
            view.dispatch(ViewAction::ZoomAt {
                anchor: v.svg_to_screen(at),
                factor: 3.0,
                width: v.width,
                height: v.height,
            });
            open.set(None);
        })
    };
    html! {
        <ClusterList corpus={props.corpus} lang={props.lang} members={cluster.members.clone()}
            {onselect} {onzoom} {onclose} />
    }
}
