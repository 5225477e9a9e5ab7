//! Feature symbols by category, and pixel-sized content pinned at an SVG point.

use bilateral_core::compact::decimal;
use bilateral_core::gazetteer::Category;
use bilateral_core::viewport::SvgPoint;
use yew::prelude::*;

/// `content`, drawn in screen pixels, placed at the SVG point `p`: the outer
/// `<g>`'s `transform` attribute moves it there, and the inner
/// `<g class="bm-px">` is scaled by the stylesheet (`scale(var(--u))`). No
/// `style` attributes: a strict Content-Security-Policy (`style-src 'self'`)
/// blocks them.
pub fn pinned(p: SvgPoint, content: Html) -> Html {
    let at = format!("translate({} {})", decimal(p.x, 1), decimal(p.y, 1));
    html! { <g transform={at}><g class="bm-px">{ content }</g></g> }
}

/// The symbol of a category, drawn in pixels around (0, 0).
pub fn symbol(category: Category) -> &'static str {
    match category {
        Category::Transport => "M-7 0L-3.5 -6.5H3.5L7 0L3.5 6.5H-3.5z",
        Category::BorderCrossing => "M0 -8L8 0L0 8L-8 0z",
        Category::Education => "M0 -8L8 6H-8z",
        Category::EnergyWater => "M0 -8C5 -2 6 2 6 3A6 6 0 0 1 -6 3C-6 2 -5 -2 0 -8z",
        Category::TradeLogistics => "M-7 -5h14v10h-14z",
        Category::Tourism => "M-8 6L-2 -6L1 0L3 -3L8 6z",
        Category::Culture => {
            "M0 -8L2.4 -2.5L8 -2.5L3.5 1.2L5 7L0 3.6L-5 7L-3.5 1.2L-8 -2.5L-2.4 -2.5z"
        }
        Category::MeetingVenue => "M-6 0A6 6 0 1 0 6 0A6 6 0 1 0 -6 0z",
        Category::City => "M-4 0A4 4 0 1 0 4 0A4 4 0 1 0 -4 0z",
    }
}
