//! Feature names on the map, placed by `bilateral_core::labels`.

use bilateral_core::Corpus;
use bilateral_core::compact::{decimal, order_by_key};
use bilateral_core::labels::{self, LabelBox, LabelRequest, LabelStyle, PlacedLabel, Position};
use bilateral_core::lang::Lang;
use bilateral_core::map::{MapData, Mark};
use bilateral_core::ui::Controls;
use bilateral_core::viewport::{ScreenPoint, SvgPoint, Viewport};
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
}

/// Feature names placed where they do not collide: each label tries right,
/// left, above and below its symbol in screen space, most-cited first (the
/// selected feature before all), and is left out if every place overlaps
/// another label or symbol or runs off the map.
#[function_component(Labels)]
pub fn labels(props: &LabelsProps) -> Html {
    let placed = place_labels(props);
    html! {
        <g class="bm-labels" aria-hidden="true">
            { for placed.into_iter().map(|MapLabel { feature, at, name, label }| {
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

/// A placed label of feature `feature`, whose symbol is at `at`.
struct MapLabel<'a> {
    feature: usize,
    at: SvgPoint,
    name: &'a str,
    label: PlacedLabel,
}

fn place_labels(props: &LabelsProps) -> Vec<MapLabel<'_>> {
    let v = props.view;
    let candidates: Vec<(usize, SvgPoint)> = props
        .corpus
        .features
        .iter()
        .enumerate()
        .filter(|&(i, _)| !props.clustering.hides(i))
        .filter_map(|(i, _)| match &props.map.marks[i] {
            Mark::Points(ps) if ps.len() == 1 => Some((i, ps[0])),
            Mark::Route { anchor, .. } => Some((i, *anchor)),
            _ => None,
        })
        .collect();
    // The selected feature first, then the most cited.
    let order = order_by_key(candidates.iter().map(|&(i, _)| {
        let cited = props.corpus.features[i].citations.len() as u64;
        (u64::from(props.selected != Some(i)) << 32)
            | (u32::MAX as u64 - cited.min(u32::MAX as u64))
    }));
    let candidates: Vec<(usize, SvgPoint)> = order.into_iter().map(|k| candidates[k]).collect();
    // Every on-screen symbol's box is taken first, so labels never cover symbols.
    let on_screen = |s: ScreenPoint| {
        s.x > -50.0 && s.y > -50.0 && s.x < v.width + 50.0 && s.y < v.height + 50.0
    };
    let candidates: Vec<(usize, SvgPoint, ScreenPoint)> = candidates
        .into_iter()
        .map(|(i, p)| (i, p, v.svg_to_screen(p)))
        .filter(|&(_, _, s)| on_screen(s))
        .collect();
    // The zoom buttons' corner (their sizes are widget.css's too).
    let (left, bottom) = Controls::MAP.corner(v.width);
    let corner = LabelBox {
        left,
        top: 0.0,
        right: v.width,
        bottom,
    };
    let style = LabelStyle::WIDGET;
    let names: Vec<&str> = candidates
        .iter()
        .map(|&(i, _, _)| {
            props
                .corpus
                .entry(&props.corpus.features[i])
                .name
                .get(props.lang)
        })
        .collect();
    let requests: Vec<LabelRequest> = candidates
        .iter()
        .zip(&names)
        .map(|(&(i, _, s), name)| LabelRequest {
            id: i,
            x: s.x,
            y: s.y,
            width: style.text_width(name, props.selected == Some(i)),
        })
        .collect();
    let bounds = LabelBox {
        left: 0.0,
        top: 0.0,
        right: v.width,
        bottom: v.height,
    };
    // A group's symbols (one at each member's point) take no label of their
    // own, but no label may cover them either (as in the static fallback).
    let mut obstacles = vec![corner];
    for (i, mark) in props.map.marks.iter().enumerate() {
        if let Mark::Points(ps) = mark
            && ps.len() > 1
            && !props.clustering.hides(i)
        {
            let screen = ps
                .iter()
                .map(|&p| v.svg_to_screen(p))
                .filter(|&s| on_screen(s));
            obstacles.extend(screen.map(|s| LabelBox::around(s.x, s.y, style.symbol * style.unit)));
        }
    }
    labels::place(&requests, &obstacles, bounds, &style, &Position::ALL)
        .into_iter()
        .filter_map(|l| {
            let k = candidates.iter().position(|c| c.0 == l.id)?;
            let (feature, at, _) = candidates[k];
            Some(MapLabel {
                feature,
                at,
                name: names[k],
                label: l,
            })
        })
        .collect()
}
