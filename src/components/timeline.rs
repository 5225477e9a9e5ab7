//! The timeline under the map: citations per month as a small histogram
//! (`bilateral_core::timeline::Histogram`), two range handles over it (one
//! native `<input type="range">` each, so arrows, Page Up/Down, Home and End
//! work and a screen reader hears the month, named in the widget's
//! language), two typed date fields for an exact day (text fields in the
//! widget's own form, `ДД.ММ.ГГГГ` or `YYYY-MM-DD`, never the browser's
//! locale: [`bilateral_core::dates`]), and the count of undated articles
//! with a switch. Every change is one [`Period`] sent up; the widget keeps
//! it in its reducer and its link.

use bilateral_core::article::Date;
use bilateral_core::compact::decimal;
use bilateral_core::dates;
use bilateral_core::lang::Lang;
use bilateral_core::timeline::{Histogram, Month, Period};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub histogram: std::rc::Rc<Histogram>,
    pub period: Period,
    pub lang: Lang,
    pub onchange: Callback<Period>,
}

/// A bar's month as the handles announce it: `август 2025 г.`.
fn month_text(lang: Lang, m: Month) -> String {
    dates::month(lang, m.year(), m.month())
}

/// A typed field's day: `Some(None)` for an empty field (that end open),
/// `None` for text that is no day.
fn typed(text: &str) -> Option<Option<Date>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    dates::parse_field(text).map(Some)
}

/// The value of the input an event came from.
fn value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let h = &*props.histogram;
    let text = i18n::text(props.lang);
    let p = props.period;
    let (Some(first), Some(last)) = (
        h.month(0),
        h.counts.len().checked_sub(1).and_then(|i| h.month(i)),
    ) else {
        return html! {};
    };
    let bars = h.counts.len();
    let lo = p.since.map_or(0, |d| h.bar(d));
    let hi = p.until.map_or(bars - 1, |d| h.bar(d));
    // A handle at either end means that end is open.
    let on_lo = props.onchange.reform(move |e: InputEvent| {
        let i: usize = value(&e).parse().unwrap_or(0).min(hi);
        Period {
            since: (i > 0).then(|| Month(first.0 + i as u32).first_day()),
            ..p
        }
    });
    let on_hi = props.onchange.reform(move |e: InputEvent| {
        let i: usize = value(&e).parse().unwrap_or(bars - 1).max(lo);
        Period {
            until: (i + 1 < bars).then(|| Month(first.0 + i as u32).last_day()),
            ..p
        }
    });
    // A typed day that is no day marks its field invalid and changes nothing.
    let invalid = use_state(|| (false, false));
    let on_since = {
        let (onchange, invalid) = (props.onchange.clone(), invalid.clone());
        Callback::from(move |e: Event| {
            let Some(since) = typed(&value(&e)) else {
                return invalid.set((true, invalid.1));
            };
            invalid.set((false, invalid.1));
            let until = match (since, p.until) {
                (Some(s), Some(u)) if s > u => Some(s),
                _ => p.until,
            };
            onchange.emit(Period { since, until, ..p });
        })
    };
    let on_until = {
        let (onchange, invalid) = (props.onchange.clone(), invalid.clone());
        Callback::from(move |e: Event| {
            let Some(until) = typed(&value(&e)) else {
                return invalid.set((invalid.0, true));
            };
            invalid.set((invalid.0, false));
            let since = match (p.since, until) {
                (Some(s), Some(u)) if s > u => Some(u),
                _ => p.since,
            };
            onchange.emit(Period { since, until, ..p });
        })
    };
    let on_undated = props.onchange.reform(move |e: Event| Period {
        undated: e.target_unchecked_into::<HtmlInputElement>().checked(),
        ..p
    });
    let reset = props.onchange.reform(|_: MouseEvent| Period::ALL);
    let lang = props.lang;
    let hint = dates::field_hint(lang);
    html! {
        <div class="bm-timeline" data-testid="timeline" role="group" aria-label={text.timeline}>
            <p class="bm-timeline-title">{ text.timeline }</p>
            if bars > 1 {
                <div class="bm-hist">
                    { histogram_bars(h, lo, hi) }
                    <input type="range" class="bm-handle" data-testid="since-handle" min="0" max={(bars - 1).to_string()}
                        value={lo.to_string()} aria-label={text.since}
                        aria-valuetext={month_text(lang, Month(first.0 + lo as u32))} oninput={on_lo} />
                    <input type="range" class="bm-handle" data-testid="until-handle" min="0" max={(bars - 1).to_string()}
                        value={hi.to_string()} aria-label={text.until}
                        aria-valuetext={month_text(lang, Month(first.0 + hi as u32))} oninput={on_hi} />
                </div>
            }
            <div class="bm-timeline-row">
                <label class="bm-date">{ text.since }
                    <input type="text" inputmode="numeric" autocomplete="off" data-testid="since"
                        value={dates::field(lang, p.since.unwrap_or(first.first_day()))} placeholder={hint}
                        aria-describedby="bm-date-hint" aria-invalid={invalid.0.to_string()} onchange={on_since} />
                </label>
                <label class="bm-date">{ text.until }
                    <input type="text" inputmode="numeric" autocomplete="off" data-testid="until"
                        value={dates::field(lang, p.until.unwrap_or(last.last_day()))} placeholder={hint}
                        aria-describedby="bm-date-hint" aria-invalid={invalid.1.to_string()} onchange={on_until} />
                </label>
                <span class="bm-date-hint" id="bm-date-hint">{ hint }</span>
                if h.undated > 0 {
                    <label class="bm-undated">
                        <input type="checkbox" data-testid="undated" checked={p.undated} onchange={on_undated} />
                        { i18n::undated(props.lang, h.undated) }
                    </label>
                }
                if !p.is_all() {
                    <button type="button" class="bm-link" data-testid="whole-period" onclick={reset}>{ text.whole_period }</button>
                }
            </div>
        </div>
    }
}

/// One bar per month, its height the square root of its share of the
/// busiest month's (so a month of one citation still shows beside one of
/// hundreds); those outside `lo..=hi` dimmed.
/// Bar `i` is centred at `x = i` of a `0..bars−1` view box that CSS insets
/// by half a thumb on each side, so it stands under the handles' thumb at `i`.
fn histogram_bars(h: &Histogram, lo: usize, hi: usize) -> Html {
    let top = f64::from(h.counts.iter().copied().max().unwrap_or(1).max(1));
    let width = (h.counts.len() - 1).max(1);
    html! {
        <svg class="bm-hist-bars" viewBox={format!("0 0 {width} 20")}
            preserveAspectRatio="none" aria-hidden="true">
            { for h.counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, &n)| {
                let tall = 4.0 + 16.0 * (f64::from(n) / top).sqrt();
                let y = decimal(20.0 - tall, 2);
                html! {
                    <rect class={if (lo..=hi).contains(&i) { "bm-bar bm-bar--in" } else { "bm-bar" }}
                        x={decimal(i as f64 - 0.4, 1)} width="0.8" y={y} height={decimal(tall, 2)} />
                }
            }) }
        </svg>
    }
}
