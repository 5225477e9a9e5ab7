//! The evidence room: from sentences to cited features. The [`gazetteer`]
//! (curated entries, terms and [`rule`]s, with the [`places`] layer merged in)
//! says what can be found; [`mention`] scans each article with one automaton
//! and decides, using what a scan [`found`], the [`guard`]s (words that look
//! like a place and are not), the [`role`] of a town (venue or mentioned) and
//! the project [`cue`]s (a type word near anchor places). [`corpus`] links
//! every entry to the sentences that cite it ([`citation`]), and groups the
//! reports of one [`event`]; [`candidates`] lists what the gazetteer may lack.
//! It reads [`crate::text`] and [`crate::geo`]'s coordinates, nothing above.

pub mod candidates;
pub mod citation;
pub mod corpus;
pub mod cue;
pub mod decisions;
pub mod event;
pub mod found;
pub mod gazetteer;
pub mod guard;
pub mod mention;
pub mod places;
pub mod proposals;
pub mod role;
pub mod rule;
