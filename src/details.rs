//! What a click needs, on first use: the details file `atlas dist` writes
//! beside the index (`bilateral_core::details`: quotes, titles, addresses,
//! search words, same-event links), fetched by the element's module (the
//! same `fetchData` as the index and the text shards) the first time a
//! reader's pointer or focus enters an embed, a feature is opened or a deep
//! link opens one, decoded and checked once, and joined to the installed
//! bundle: every embed on the page shares the one fetch and the one joined
//! bundle. A failed fetch or a bad file is kept too, as the line the panel
//! shows instead of its quotes; its detail goes to the console and to a
//! `bilateral-map:error` event.

use std::cell::RefCell;
use std::rc::Rc;

use bilateral_core::Bundle;
use bilateral_core::details::Details;
use wasm_bindgen::prelude::*;
use yew::Callback;

/// Where the details of the installed bundle are.
#[derive(Clone)]
pub enum Status {
    /// In the bundle itself (a whole bundle: the widget's tests, the
    /// benchmark page), or not needed.
    Inline,
    /// Not asked for yet, or on their way.
    Waiting,
    /// Here: the installed bundle with its details joined.
    Ready(&'static Bundle),
    /// Why they could not be had (naming the file).
    Failed(Rc<str>),
}

/// What a component that shows quotes needs to know of the details.
#[derive(Clone, Debug, PartialEq)]
pub enum Quotes {
    /// In the bundle the component was given.
    Here,
    Loading,
    Failed(Rc<str>),
}

impl Status {
    pub fn quotes(&self) -> Quotes {
        match self {
            Status::Inline | Status::Ready(_) => Quotes::Here,
            Status::Waiting => Quotes::Loading,
            Status::Failed(e) => Quotes::Failed(e.clone()),
        }
    }
}

thread_local! {
    /// `None` until someone asks; then `Waiting`, `Ready` or `Failed`.
    static SLOT: RefCell<Option<Status>> = const { RefCell::new(None) };
    /// Called once when the details arrive or fail: every mounted embed.
    static WAITING: RefCell<Vec<Callback<()>>> = const { RefCell::new(Vec::new()) };
}

/// The details' status, without asking for them.
pub fn status() -> Status {
    if crate::corpus::details_file().is_none() {
        return Status::Inline;
    }
    SLOT.with(|s| s.borrow().clone().unwrap_or(Status::Waiting))
}

/// Starts the details' fetch if nobody has.
pub fn request() {
    if crate::corpus::details_file().is_none() {
        return;
    }
    let first = SLOT.with(|s| {
        let mut s = s.borrow_mut();
        let first = s.is_none();
        s.get_or_insert(Status::Waiting);
        first
    });
    if first {
        load();
    }
}

/// Calls `done` once, when the details arrive or fail, if they are still
/// on their way. (The slot changes only in [`settle`], a task of its own.)
pub fn notify(done: Callback<()>) {
    if matches!(status(), Status::Waiting) {
        WAITING.with(|w| w.borrow_mut().push(done));
    }
}

/// Fetches, decodes and checks the details, then wakes whoever waits.
fn load() {
    let Some((_, name)) = crate::corpus::details_file() else {
        return;
    };
    let Some(loader) = crate::texts::loader() else {
        settle(Err("the page gave the widget no way to fetch files".into()));
        return;
    };
    let arrived = Closure::once(move |fetched: JsValue| settle(crate::corpus::fetched(&fetched)));
    match loader.call1(&JsValue::NULL, &JsValue::from_str(name)) {
        Ok(promise) => {
            let _ = js_sys::Promise::from(promise).then(&arrived);
            // Called once, by the promise: one small wrapper per page.
            arrived.forget();
        }
        Err(_) => settle(Err(format!("{name} could not be requested"))),
    }
}

/// Keeps what [`load`] got and wakes whoever waits.
fn settle(fetched: Result<(String, Vec<u8>), String>) {
    let Some((bundle, _)) = crate::corpus::details_file() else {
        return;
    };
    let slot = match fetched {
        Err(e) => Status::Failed(e.into()),
        Ok((name, bytes)) => match Details::decode(&bytes, &bundle.corpus) {
            Err(e) => Status::Failed(format!("{name} cannot be read: {e}").into()),
            Ok(details) => match crate::corpus::rejoin() {
                Some(whole) => Status::Ready(Box::leak(Box::new(whole.with_details(details)))),
                None => Status::Failed("the corpus index is not at hand".into()),
            },
        },
    };
    SLOT.with(|s| *s.borrow_mut() = Some(slot));
    for done in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        done.emit(());
    }
}
