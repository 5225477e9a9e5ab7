//! "Get the data": the features the embed shows, with their citations, as
//! GeoJSON (the shape `atlas export` prints) or CSV (one row per citation),
//! written in the browser by `bilateral_core::data` from the data already
//! loaded and saved through a `Blob` URL (revoked 40 s later): no request.

use bilateral_core::Corpus;
use bilateral_core::lang::Lang;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::corpus::Static;
use crate::details::Quotes;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct DownloadProps {
    pub corpus: Static<Corpus>,
    pub lang: Lang,
    /// Whether the quotes are here ([`crate::details`]): a file asked for
    /// before they are is saved when they arrive.
    #[prop_or(Quotes::Here)]
    pub quotes: Quotes,
}

#[function_component(Download)]
pub fn download(props: &DownloadProps) -> Html {
    let text = i18n::text(props.lang);
    let corpus = props.corpus;
    // The file asked for before the quotes were here: GeoJSON or CSV.
    let pending = use_state(|| None::<bool>);
    let here = props.quotes == Quotes::Here;
    {
        let pending = pending.clone();
        use_effect_with((corpus, here), move |&(corpus, here)| {
            if let (true, Some(geojson)) = (here, *pending) {
                pending.set(None);
                save(&corpus, geojson);
            }
        });
    }
    let click = move |geojson: bool| {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            if here {
                save(&corpus, geojson);
            } else {
                pending.set(Some(geojson));
                crate::details::request();
            }
        })
    };
    html! {
        <p class="bm-download" data-testid="download">
            { text.get_the_data }{ " " }
            <button type="button" class="bm-link-button" data-testid="download-geojson" onclick={click(true)}>{ "GeoJSON" }</button>
            { " · " }
            <button type="button" class="bm-link-button" data-testid="download-csv" onclick={click(false)}>{ "CSV" }</button>
        </p>
    }
}

/// Every feature of `corpus` with its citations, as GeoJSON or CSV.
fn save(corpus: &Corpus, geojson: bool) {
    let all: Vec<usize> = (0..corpus.features.len()).collect();
    let (body, kind, name) = if geojson {
        let body = bilateral_core::data::geojson(corpus, &all);
        (body, "application/geo+json", "bilateral-map.geojson")
    } else {
        // A byte-order mark, so spreadsheet programs read UTF-8.
        let body = format!("\u{feff}{}", bilateral_core::data::csv(corpus, &all));
        (body, "text/csv;charset=utf-8", "bilateral-map.csv")
    };
    save_file(&body, kind, name);
}

/// Offers `body` as a file named `name`.
fn save_file(body: &str, kind: &str, name: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        a.click();
    }
    // Revoked later, not at once: Firefox and Safari may not have started
    // reading the Blob when `click()` returns (FileSaver.js waits 40 s too).
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 40_000);
}
