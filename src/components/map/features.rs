//! One focusable symbol per drawn feature, in draw order. A feature with no
//! citation in the timeline's period is faded, stays focusable and says so.

use bilateral_core::compact::order_by_key;
use bilateral_core::gazetteer::{EntryKind, Precision, Status};
use bilateral_core::lang::Lang;
use bilateral_core::map::{MapData, Mark};
use bilateral_core::timeline::Period;
use bilateral_core::viewport::SvgPoint;
use bilateral_core::{Corpus, Feature};
use web_sys::PointerEvent;
use yew::prelude::*;

use crate::components::symbol::{pinned, symbol};
use crate::corpus::Static;
use crate::hooks::dom::press_keys;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct FeaturesProps {
    pub corpus: Static<Corpus>,
    pub map: Static<MapData>,
    pub lang: Lang,
    pub selected: Option<usize>,
    pub onselect: Callback<usize>,
    pub onhover: Callback<Option<usize>>,
    /// Features drawn inside a cluster symbol instead.
    pub clustering: std::rc::Rc<crate::components::map::clusters::Clustering>,
    pub period: Period,
}

/// One focusable `<g data-feature-id>` per drawn feature; each is its own
/// component, so a selection re-renders two features, not all of them.
#[function_component(Features)]
pub fn features(props: &FeaturesProps) -> Html {
    // Routes at the bottom, then places (cities, lakes), then projects on top:
    // a project drawn at a city (the ENU branch in Osh) stays clickable, and the
    // city can still be opened by its label.
    // Computed once per corpus, not on every render.
    let order = use_memo((props.corpus, props.map), |&(corpus, map)| {
        draw_order(&corpus, &map)
    });
    html! {
        <g class="bm-features">
            { for order.iter().copied().filter(|&i| !matches!(props.map.marks[i], Mark::Unlocated) && !props.clustering.hides(i)).map(|i| (i, props.period.count(&props.corpus, i))).map(|(i, shown)| html! {
                <FeatureMark key={i} corpus={props.corpus} map={props.map} lang={props.lang} index={i}
                    shown={shown} faded={!props.period.is_all() && shown == 0}
                    selected={props.selected == Some(i)} onselect={props.onselect.clone()}
                    onhover={props.onhover.clone()} />
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct FeatureMarkProps {
    corpus: Static<Corpus>,
    map: Static<MapData>,
    lang: Lang,
    index: usize,
    /// Its citations in the timeline's period.
    shown: usize,
    faded: bool,
    selected: bool,
    onselect: Callback<usize>,
    onhover: Callback<Option<usize>>,
}

#[function_component(FeatureMark)]
fn feature_mark(props: &FeatureMarkProps) -> Html {
    let index = props.index;
    let feature: &Feature = &props.corpus.features[index];
    let entry = props.corpus.entry(feature);
    let name = entry.name.get(props.lang);
    let venue = feature.hosted_meetings();
    let proposed = entry.status == Status::Proposed;
    let label = format!(
        "{name}: {}{}{}",
        if props.faded {
            i18n::text(props.lang).none_in_period.to_string()
        } else {
            i18n::citations(props.lang, props.shown)
        },
        if venue {
            format!(" · {}", i18n::text(props.lang).venue)
        } else {
            String::new()
        },
        if proposed {
            format!(" · {}", bilateral_core::ui::proposed(props.lang))
        } else {
            String::new()
        }
    );
    let select = props.onselect.reform(move |_: MouseEvent| index);
    let onkeydown = press_keys(&props.onselect, index);
    let class = classes!(
        "bm-feature",
        format!("bm-cat-{}", entry.category.key()),
        (entry.precision != Precision::Exact).then_some("bm-feature--approx"),
        props.selected.then_some("bm-feature--selected"),
        venue.then_some("bm-feature--venue"),
        proposed.then_some("bm-feature--proposed"),
        props.faded.then_some("bm-feature--faded"),
    );
    let d = symbol(entry.category);
    let symbol_at = |p: SvgPoint| {
        pinned(
            p,
            html! {
                <>
                    if venue {
                        <circle class="bm-venue-ring" r="8.5" />
                    }
                    <path class="bm-symbol-halo" d={d} />
                    <path class="bm-symbol" d={d} />
                </>
            },
        )
    };
    let body = match &props.map.marks[index] {
        Mark::Unlocated => return html! {},
        Mark::Points(points) => html! { { for points.iter().map(|p| symbol_at(*p)) } },
        Mark::Route {
            d: route, anchor, ..
        } => html! {
            <>
                <path class="bm-route-casing" d={route.clone()} />
                <path class="bm-route" d={route.clone()} />
                { symbol_at(*anchor) }
            </>
        },
    };
    let enter = props.onhover.reform(move |_: PointerEvent| Some(index));
    let leave = props.onhover.reform(|_: PointerEvent| None);
    let focus = props.onhover.reform(move |_: FocusEvent| Some(index));
    let blur = props.onhover.reform(|_: FocusEvent| None);
    html! {
        <g class={class} data-feature-id={entry.id.clone()}
            tabindex="0" role="button" aria-label={label}
            aria-pressed={props.selected.to_string()}
            onclick={select} {onkeydown} onpointerenter={enter} onpointerleave={leave}
            onfocus={focus} onblur={blur}>
            { body }
        </g>
    }
}

/// Routes at the bottom, then places (cities, lakes), then projects on top.
fn draw_order(corpus: &Corpus, map: &MapData) -> Vec<usize> {
    order_by_key((0..corpus.features.len()).map(|i| {
        let route = matches!(map.marks[i], Mark::Route { .. });
        let place = corpus.entry(&corpus.features[i]).kind == EntryKind::Place;
        u64::from(!route) * 2 + u64::from(!place)
    }))
}
