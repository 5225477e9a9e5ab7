//! The map preview: the real widget over the corpus with the desk's
//! decisions applied, as the desk's server builds it at `/preview/`.

use yew::prelude::*;

use crate::state::Desk;
use crate::words::words;

/// The real widget over the corpus as the desk's decisions leave it
/// (`/preview/`), reloaded after every save.
#[function_component(Preview)]
pub fn preview() -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let src = format!("/preview/{}.html?saves={}", desk.lang.code(), desk.saves);
    html! {
        <section class="preview" aria-label={w.preview}>
            <h2>{ w.preview }</h2>
            <iframe key={src.clone()} {src} title={w.preview}></iframe>
        </section>
    }
}
