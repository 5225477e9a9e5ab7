//! The line from the element API (`selectFeature`, `setLanguage`) into a
//! mounted widget: [`Command`]s, queued until the widget listens.

use std::cell::RefCell;
use std::rc::Rc;

use bilateral_core::lang::Lang;
use yew::Callback;

/// What the host page can ask of a mounted widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select the feature with this id, or clear the selection.
    Select(Option<String>),
    SetLang(Lang),
}

/// The line from the host page into a widget. Commands sent before the widget
/// has rendered wait in a queue and run, in order, when it starts listening.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<RemoteState>>);

#[derive(Default)]
struct RemoteState {
    listener: Option<Callback<Command>>,
    queue: Vec<Command>,
}

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Remote")
    }
}

impl Remote {
    pub fn send(&self, command: Command) {
        let listener = self.0.borrow().listener.clone();
        match listener {
            Some(listener) => listener.emit(command),
            None => self.0.borrow_mut().queue.push(command),
        }
    }

    /// Called by the widget when it mounts: replays what was queued.
    pub fn listen(&self, listener: Callback<Command>) {
        let queued = {
            let mut state = self.0.borrow_mut();
            state.listener = Some(listener.clone());
            std::mem::take(&mut state.queue)
        };
        for command in queued {
            listener.emit(command);
        }
    }

    pub fn stop(&self) {
        self.0.borrow_mut().listener = None;
    }
}
