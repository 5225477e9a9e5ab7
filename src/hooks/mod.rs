//! The widget's custom hooks: the map's view ([`viewport`]), its gestures
//! ([`gestures`]), the DOM questions they ask ([`dom`]), the reader's article
//! text ([`texts`]) and what a click needs ([`details`]), the host page's own text linked to the map
//! ([`host_text`]), and effects that skip the first render.

pub mod details;
pub mod dom;
pub mod gestures;
pub mod host;
pub mod host_text;
pub mod texts;
pub mod viewport;

use yew::prelude::*;

/// `use_effect_with`, except on the first render: it runs only when `deps`
/// change after mounting (the reader acted, or the host sent a command).
#[hook]
pub fn use_effect_after_first<D, F>(deps: D, f: F)
where
    D: PartialEq + 'static,
    F: FnOnce(&D) + 'static,
{
    let mounted = use_mut_ref(|| false);
    use_effect_with(deps, move |deps| {
        if std::mem::replace(&mut *mounted.borrow_mut(), true) {
            f(deps);
        }
    });
}
