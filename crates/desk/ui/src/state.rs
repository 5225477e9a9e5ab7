//! The desk's one state and its reducer: which page is open (from the
//! address's `#…`, so the browser's back button and a bookmark work), the
//! interface language, how many saves there have been (the preview and the
//! open article reload on each), and the last notice.

use std::rc::Rc;

use bilateral_core::lang::Lang;
use yew::{Reducible, UseReducerHandle};

/// A page of the desk, as its address says it.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// `#/`: the article list.
    List,
    /// `#/article/ID`: one article.
    Article(String),
    /// `#/add`: the "Add article" form.
    Add,
}

impl Route {
    /// The page a location hash names (anything else is the list).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        if let Some(id) = path.strip_prefix("article/") {
            let id = String::from(js_sys::decode_uri_component(id).unwrap_or_else(|_| id.into()));
            return Route::Article(id);
        }
        if path == "add" {
            return Route::Add;
        }
        Route::List
    }

    /// The hash that opens this page.
    pub fn hash(&self) -> String {
        match self {
            Route::List => "#/".into(),
            Route::Article(id) => format!(
                "#/article/{}",
                String::from(js_sys::encode_uri_component(id))
            ),
            Route::Add => "#/add".into(),
        }
    }
}

/// A message under the header: a save that went through, or why not.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub ok: bool,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeskState {
    pub route: Route,
    pub lang: Lang,
    /// Saves so far: what the article and the preview reload on.
    pub saves: u32,
    pub notice: Option<Notice>,
}

pub enum Action {
    Go(Route),
    Lang(Lang),
    /// A decision, review, acceptance or article was saved.
    Saved(String),
    /// A request was refused: the server's reason.
    Failed(String),
}

impl Reducible for DeskState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(&action, Action::Go(route) if *route == self.route) {
            return self; // the address catching up with a page already open
        }
        let mut next = (*self).clone();
        match action {
            Action::Go(route) => {
                next.route = route;
                next.notice = None;
            }
            Action::Lang(lang) => next.lang = lang,
            Action::Saved(text) => {
                next.saves += 1;
                next.notice = Some(Notice { ok: true, text });
            }
            Action::Failed(text) => next.notice = Some(Notice { ok: false, text }),
        }
        Rc::new(next)
    }
}

/// The desk's state, as every page reads and changes it (by context).
pub type Desk = UseReducerHandle<DeskState>;

/// Opens a page by changing the address (the hashchange listener follows).
pub fn go(route: &Route) {
    let _ = gloo::utils::window().location().set_hash(&route.hash());
}
