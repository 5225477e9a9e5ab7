//! The editor's desk's pages (issue 19), a Yew app served by the desk
//! (`crates/desk`) at http://127.0.0.1:8090/: the article list, one article
//! with what the engine linked and proposed in it (accept, reject, add a
//! link by selecting words, mark reviewed), the "Add article" form, and the
//! real widget over the corpus with the decisions applied (`/preview/`).

mod api;
mod app;
mod article;
mod form;
mod list;
mod preview;
mod state;
mod text;
mod words;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
