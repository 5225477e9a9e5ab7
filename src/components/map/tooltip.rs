//! "Name · 3 citations" beside the hovered or focused feature.

use bilateral_core::Corpus;
use bilateral_core::lang::Lang;
use bilateral_core::map::MapData;
use bilateral_core::viewport::Viewport;
use yew::prelude::*;

use crate::i18n;

/// "Name · 3 citations" next to the hovered or focused feature.
pub fn tooltip(
    corpus: &Corpus,
    map: &MapData,
    lang: Lang,
    v: &Viewport,
    hovered: Option<usize>,
    period: bilateral_core::timeline::Period,
) -> Html {
    let Some(i) = hovered else { return html! {} };
    let Some(p) = map.marks[i].anchor() else {
        return html! {};
    };
    let f = &corpus.features[i];
    let s = v.svg_to_screen(p);
    html! {
        <Tooltip left={bilateral_core::compact::clamp(s.x, 8.0, (v.width - 8.0).max(8.0)).round() as i32} top={(s.y - 12.0).round() as i32}
            flip={s.x > v.width * 0.6} name={corpus.entry(f).name.get(lang).to_string()}
            count={match period.count(corpus, i) {
                0 if !period.is_all() => i18n::text(lang).none_in_period.to_string(),
                n => i18n::citations(lang, n),
            }} />
    }
}

#[derive(Properties, PartialEq)]
struct TooltipProps {
    left: i32,
    top: i32,
    /// Shown to the left of the point (near the right edge).
    flip: bool,
    name: String,
    count: String,
}

/// Positioned through the CSSOM (allowed by a strict CSP), not a style attribute.
#[function_component(Tooltip)]
fn tooltip_view(props: &TooltipProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(
            (props.left, props.top, props.flip),
            move |&(left, top, flip)| {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let style = el.style();
                    let _ = style.set_property("left", &format!("{left}px"));
                    let _ = style.set_property("top", &format!("{top}px"));
                    let x = if flip { "-100%" } else { "0" };
                    let _ = style.set_property("transform", &format!("translate({x},-100%)"));
                }
            },
        );
    }
    html! {
        <div ref={node} class="bm-tooltip" role="tooltip" data-testid="tooltip">
            <strong>{ &props.name }</strong>
            <span>{ &props.count }</span>
        </div>
    }
}
