//! The "Add article" form: a pasted text with its title, date, language,
//! address and source, or a saved page (HTML) that the desk reads as
//! `atlas add` does (Readability's article text, the page's own details;
//! what the form says wins). The desk refuses a duplicate address or text
//! and names what it could not find.

use serde_json::json;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::api;
use crate::state::{Action, Desk, Route, go};
use crate::words::words;

/// The value of the form's field `name`.
fn field(form: &web_sys::HtmlFormElement, name: &str) -> String {
    let Some(element) = form.elements().named_item(name) else {
        return String::new();
    };
    use wasm_bindgen::JsCast;
    if let Some(i) = element.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(t) = element.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = element.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

#[function_component(AddArticle)]
pub fn add_article() -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let onsubmit = {
        let desk = desk.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form: web_sys::HtmlFormElement = e.target_unchecked_into();
            let mut body = json!({
                "title": field(&form, "title"), "date": field(&form, "date"),
                "lang": field(&form, "lang"), "url": field(&form, "url"),
                "source": field(&form, "source"), "text": field(&form, "text"),
            });
            let file = form
                .elements()
                .named_item("page")
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
                .and_then(|i| i.files())
                .and_then(|files| files.get(0));
            let desk = desk.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(file) = file {
                    match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                        Ok(html) => body["html"] = json!(html.as_string().unwrap_or_default()),
                        Err(_) => {
                            return desk
                                .dispatch(Action::Failed(format!("{}: cannot read", file.name())));
                        }
                    }
                }
                match api::add(&body).await {
                    Ok((id, missing)) => {
                        let w = words(desk.lang);
                        let note = if missing.is_empty() {
                            String::new()
                        } else {
                            format!(" ({}: {})", w.not_found, missing.join(", "))
                        };
                        let route = Route::Article(id.clone());
                        desk.dispatch(Action::Go(route.clone()));
                        desk.dispatch(Action::Saved(format!("{}: {id}{note}", w.saved)));
                        go(&route);
                    }
                    Err(e) => desk.dispatch(Action::Failed(e)),
                }
            });
        })
    };
    let langs = [
        ("", w.told_from_letters),
        ("ru", "русский"),
        ("kk", "қазақша"),
        ("en", "English"),
    ]
    .map(|(code, name)| html! { <option value={code}>{ name }</option> });
    html! {
        <section class="add">
            <h2>{ w.add_article }</h2>
            <form class="add-form" {onsubmit}>
                <div class="field"><label for="add-title">{ w.title }</label><input id="add-title" name="title" type="text" /></div>
                <div class="field"><label for="add-date">{ w.date }</label><input id="add-date" name="date" type="date" /></div>
                <div class="field"><label for="add-lang">{ w.language }</label><select id="add-lang" name="lang">{ for langs }</select></div>
                <div class="field"><label for="add-url">{ w.address }</label><input id="add-url" name="url" type="url" /></div>
                <div class="field"><label for="add-source">{ w.source }</label><input id="add-source" name="source" type="text" /></div>
                <div class="field wide"><label for="add-text">{ w.paste_text }</label><textarea id="add-text" name="text" rows="14" /></div>
                <div class="field wide"><label for="add-page">{ w.or_upload }</label><input id="add-page" name="page" type="file" accept=".html,.htm,text/html" /></div>
                <button type="submit" class="primary">{ w.add }</button>
            </form>
        </section>
    }
}
