//! The details' status ([`crate::details`]) as a component sees it: the
//! component renders again when they arrive or fail.

use yew::prelude::*;

use crate::details::{self, Status};

/// The details' status now, and a render again when it changes.
#[hook]
pub fn use_details() -> Status {
    let update = use_force_update();
    let status = details::status();
    let waiting = matches!(status, Status::Waiting);
    use_effect_with(waiting, move |&waiting| {
        if waiting {
            details::notify(Callback::from(move |()| update.force_update()));
        }
    });
    status
}
