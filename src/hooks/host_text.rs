//! `use_host_text`: the two-way link with the host page's own article
//! (issue 12, point 7), on only where the embed says
//! `link-text="CSS selector"`.
//!
//! On mount the widget walks the text nodes of every element the selector
//! matches (a `TreeWalker` that shows text only), finds its features' names
//! in each with [`bilateral_core::host_names`] (the matcher's stems and
//! inflections), and wraps each name in
//! `<a class="bm-host-mention" href="#feature=ID" data-bm-feature="ID">` by
//! splitting the text node (`Text.splitText`): no HTML is parsed or written,
//! and nothing else of the page changes; unmounting puts the text back as it
//! was. Text inside links, buttons, form fields, scripts, code, hidden parts
//! and any `<bilateral-map>` (an embed's fallback) is left alone.
//!
//! A click on a name selects its feature in this embed only and brings the
//! map into view; the map's hover or focus on a feature lights that
//! feature's names (`bm-host-mention--lit`, styled by `bilateral-map.css`,
//! the host page's stylesheet). Each name's accessible name is its words and
//! "show on the map" in the widget's language. A selector that is not valid
//! CSS, or matches nothing, gets one console warning and nothing else.

use std::rc::Rc;

use bilateral_core::Bundle;
use bilateral_core::lang::Lang;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, Text};
use yew::prelude::*;

use crate::host::deeplink::DeepLink;
use crate::i18n;

/// Where a name sits in a text node of the page that it is not.
const LEFT_ALONE: &str = "a, button, label, select, textarea, option, script, style, noscript, \
    code, pre, kbd, samp, svg, math, bilateral-map, [contenteditable], [hidden], [aria-hidden=\"true\"]";
/// `NodeFilter.SHOW_TEXT`.
const SHOW_TEXT: u32 = 4;

/// What the widget knows of the host's text.
#[derive(Clone, PartialEq)]
pub struct HostText {
    /// Names found per feature (all 0 when `link-text` is not set).
    pub counts: Rc<Vec<u32>>,
    /// Lights the names of a feature (the one under the map's pointer or
    /// focus), or none.
    pub light: Callback<Option<usize>>,
}

/// The page's names of our features: (feature, its `<a>`), in no order.
type Links = Rc<Vec<(usize, Element)>>;

#[hook]
pub fn use_host_text(
    selector: Option<String>,
    bundle: &'static Bundle,
    lang: Lang,
    onselect: Callback<usize>,
    section: NodeRef,
) -> HostText {
    // Linked while the widget first renders (not in an effect after it), so
    // the panel's first paint already has the count: no layout shift.
    let links: Links = use_memo(selector.clone(), |selector| {
        let found = selector.as_deref().map(|s| link(s, bundle));
        match found {
            Some(Ok(found)) => found,
            Some(Err(problem)) => {
                gloo::console::warn!(format!("bilateral-map: {problem}"));
                Vec::new()
            }
            None => Vec::new(),
        }
    });
    let counts = use_memo(links.clone(), |links| {
        let mut n = vec![0u32; bundle.corpus.features.len()];
        for (fi, _) in links.iter() {
            if let Some(count) = n.get_mut(*fi) {
                *count += 1;
            }
        }
        n
    });
    {
        let links = links.clone();
        use_effect_with(selector, move |_| {
            let listeners: Vec<EventListener> = links
                .iter()
                .map(|(fi, a)| on_click(a, *fi, &onselect, &section))
                .collect();
            move || {
                drop(listeners);
                for (_, a) in links.iter() {
                    unwrap(a);
                }
            }
        });
    }
    {
        let links = links.clone();
        use_effect_with(lang, move |lang| {
            for (_, a) in links.iter() {
                let words = a.text_content().unwrap_or_default();
                let _ = a.set_attribute("aria-label", &i18n::show_on_map(*lang, &words));
            }
        });
    }
    let light = use_callback((), move |lit: Option<usize>, _| {
        for (fi, a) in links.iter() {
            let _ = a
                .class_list()
                .toggle_with_force("bm-host-mention--lit", lit == Some(*fi));
        }
    });
    HostText { counts, light }
}

/// Wraps the names in the text under `selector`; why not, for the console.
fn link(selector: &str, bundle: &Bundle) -> Result<Vec<(usize, Element)>, String> {
    let doc = gloo::utils::document();
    let roots = doc
        .query_selector_all(selector)
        .map_err(|_| format!("link-text: `{selector}` is not a CSS selector"))?;
    if roots.length() == 0 {
        return Err(format!(
            "link-text: no element of the page matches `{selector}`"
        ));
    }
    // A root inside another is walked with it, not again.
    let roots: Vec<Element> = (0..roots.length())
        .filter_map(|i| roots.item(i)?.dyn_into::<Element>().ok())
        .collect();
    let outer = roots
        .iter()
        .filter(|r| !roots.iter().any(|o| o != *r && o.contains(Some(r))));
    // All text nodes first (each read once): the walker must not see the
    // nodes wrapping adds.
    let mut texts: Vec<(Text, String)> = Vec::new();
    for root in outer {
        let Ok(walker) = doc.create_tree_walker_with_what_to_show(root, SHOW_TEXT) else {
            continue;
        };
        while let Ok(Some(node)) = walker.next_node() {
            if let Ok(text) = node.dyn_into::<Text>() {
                let data = text.data();
                if !left_alone(&text, &data) {
                    texts.push((text, data));
                }
            }
        }
    }
    let mut found = Vec::new();
    for (text, data) in texts {
        wrap(&doc, &text, &data, bundle, &mut found);
    }
    Ok(found)
}

fn left_alone(text: &Text, data: &str) -> bool {
    data.trim().is_empty()
        || text
            .parent_element()
            .is_none_or(|p| p.closest(LEFT_ALONE).ok().flatten().is_some())
}

/// Wraps each name in `text` in a link, last first (so the earlier
/// offsets stay those of `text`).
fn wrap(
    doc: &web_sys::Document,
    text: &Text,
    data: &str,
    bundle: &Bundle,
    out: &mut Vec<(usize, Element)>,
) {
    let corpus = &bundle.corpus;
    let utf16 = |byte: usize| data[..byte].encode_utf16().count() as u32;
    for (span, fi) in bundle.host_names.find(data, corpus).into_iter().rev() {
        let id = &corpus.entry(&corpus.features[fi]).id;
        let wrapped = (|| -> Result<Element, wasm_bindgen::JsValue> {
            text.split_text(utf16(span.end))?;
            let name = text.split_text(utf16(span.start))?;
            let a = doc.create_element("a")?;
            a.set_class_name("bm-host-mention");
            let link = DeepLink {
                feature: Some(id.clone()),
                ..DeepLink::default()
            };
            a.set_attribute("href", &link.format())?;
            a.set_attribute("data-bm-feature", id)?;
            let parent = name.parent_node().ok_or("a text node without a parent")?;
            parent.insert_before(&a, Some(&name))?;
            a.append_child(&name)?;
            Ok(a)
        })();
        if let Ok(a) = wrapped {
            out.push((fi, a));
        }
    }
}

/// A click on a name: this embed selects the feature and comes into view;
/// the page's address does not change.
fn on_click(
    a: &Element,
    fi: usize,
    onselect: &Callback<usize>,
    section: &NodeRef,
) -> EventListener {
    let (onselect, section) = (onselect.clone(), section.clone());
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(a, "click", options, move |e| {
        e.prevent_default();
        onselect.emit(fi);
        if let Some(el) = section.cast::<Element>() {
            el.scroll_into_view_with_bool(false);
        }
    })
}

/// Puts a name's text back where its link was, joined with its neighbours.
fn unwrap(a: &Element) {
    let Some(parent) = a.parent_node() else {
        return;
    };
    while let Some(child) = a.first_child() {
        let _ = parent.insert_before(&child, Some(a));
    }
    let _ = parent.remove_child(a);
    parent.normalize();
}
