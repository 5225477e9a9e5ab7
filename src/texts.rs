//! Article texts on demand: the shard files `atlas dist` writes beside the
//! index (`bilateral_core::shard`), fetched by the element's module (the
//! same `fetchData` that fetched the index) the first time a reader opens one of their articles or a citation of one is
//! hovered or focused, decoded and checked once, and kept for the page's
//! life: every embed on the page shares one fetch per shard. A failed fetch
//! or a bad file is kept too, as the sentence the reader shows instead.

use std::cell::RefCell;
use std::rc::Rc;

use bilateral_core::shard::{ArticleText, TextShard};
use wasm_bindgen::prelude::*;
use yew::Callback;

/// An article's text as the reader sees it.
#[derive(Clone)]
pub enum Text {
    /// The shard is on its way.
    Loading,
    /// The shard, and the article's place in it.
    Ready(Rc<TextShard>, usize),
    /// Why it could not be had (naming the file).
    Failed(Rc<str>),
}

impl Text {
    pub fn article(&self) -> Option<&ArticleText> {
        match self {
            Text::Ready(shard, at) => shard.texts.get(*at),
            _ => None,
        }
    }
}

enum Slot {
    Loading(Vec<Callback<()>>),
    Ready(Rc<TextShard>),
    Failed(Rc<str>),
}

thread_local! {
    /// The element's `fetchData(name)`: a promise of `[name, bytes]`, or of
    /// the sentence saying why the file could not be had.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// By shard number; `None`: not asked for yet.
    static SLOTS: RefCell<Vec<Option<Slot>>> = const { RefCell::new(Vec::new()) };
}

/// How to fetch a data file beside the element's module.
pub fn set_loader(loader: js_sys::Function) {
    LOADER.with(|l| *l.borrow_mut() = Some(loader));
}

/// The element's `fetchData`, if the page gave one.
pub fn loader() -> Option<js_sys::Function> {
    LOADER.with(|l| l.borrow().clone())
}

/// The text of article `article` of the installed corpus, starting its
/// shard's fetch if nobody has.
pub fn status(article: usize) -> Text {
    let Some((_, shards)) = crate::corpus::texts() else {
        return Text::Failed("the corpus index is not loaded".into());
    };
    let Some((shard, at)) = shards.locate(article) else {
        return Text::Failed(format!("the index names no text file for article {article}").into());
    };
    let started = SLOTS.with(|s| {
        let mut slots = s.borrow_mut();
        if slots.len() <= shard {
            slots.resize_with(shard + 1, || None);
        }
        let known = slots[shard].is_some();
        let slot = slots[shard].get_or_insert_with(|| Slot::Loading(Vec::new()));
        let text = match slot {
            Slot::Loading(_) => Text::Loading,
            Slot::Ready(s) => Text::Ready(s.clone(), at),
            Slot::Failed(e) => Text::Failed(e.clone()),
        };
        (text, known)
    });
    if !started.1 {
        load(shard);
    }
    started.0
}

/// Calls `done` once article `article`'s shard has arrived or failed, if
/// it is still on its way. (The slot changes only in [`load`], a task of its
/// own, so a render that saw it settled cannot miss the change.)
pub fn notify(article: usize, done: Callback<()>) {
    let Some((shard, _)) = crate::corpus::texts().and_then(|(_, s)| s.locate(article)) else {
        return;
    };
    SLOTS.with(|s| {
        if let Some(Some(Slot::Loading(waiting))) = s.borrow_mut().get_mut(shard) {
            waiting.push(done);
        }
    });
}

/// Fetches (through the element's `fetchData`, see [`set_loader`]),
/// decodes and checks shard `shard`, then wakes whoever waits.
fn load(shard: usize) {
    let Some((_, shards)) = crate::corpus::texts() else {
        return;
    };
    let Some(loader) = loader() else {
        settle(
            shard,
            Err("the page gave the widget no way to fetch files".into()),
        );
        return;
    };
    let arrived = Closure::once(move |fetched: JsValue| {
        settle(shard, crate::corpus::fetched(&fetched));
    });
    let name = JsValue::from_str(&shards.names[shard]);
    match loader.call1(&JsValue::NULL, &name) {
        Ok(promise) => {
            let _ = js_sys::Promise::from(promise).then(&arrived);
            // Called once, by the promise: one small wrapper per shard per page.
            arrived.forget();
        }
        Err(_) => settle(
            shard,
            Err(format!("{} could not be requested", shards.names[shard])),
        ),
    }
}

/// Keeps what `load` got for shard `shard` and wakes whoever waits.
fn settle(shard: usize, fetched: Result<(String, Vec<u8>), String>) {
    let Some((corpus, shards)) = crate::corpus::texts() else {
        return;
    };
    let slot = match fetched {
        Err(e) => Slot::Failed(e.into()),
        Ok((name, bytes)) => match TextShard::decode(&bytes, corpus, shards, shard) {
            Ok(decoded) => Slot::Ready(Rc::new(decoded)),
            Err(e) => Slot::Failed(format!("{name} cannot be read: {e}").into()),
        },
    };
    let waiting = SLOTS.with(|s| s.borrow_mut().get_mut(shard).and_then(|s| s.replace(slot)));
    if let Some(Slot::Loading(waiting)) = waiting {
        for done in waiting {
            done.emit(());
        }
    }
}
