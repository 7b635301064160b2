//! What the app's screens show: the Dutch rows, filters, paging and readable forms of the core's
//! values. Pure: no browser, no clock, no decision about a dossier (those are the core's); the
//! app renders these and sends intents.
//!
//! Invariant: a function here only reads core values and formats or arranges them. Anything that
//! changes a workspace, or decides what may happen, lives in `woonkans-core`.

pub mod bundles;
pub mod caselist;
pub mod caseload;
pub mod contacts;
pub mod dossier_form;
pub mod envelopes;
pub mod huur;
pub mod intake_form;
pub mod matches;
pub mod nav;
pub mod notices;
pub mod offer_admin;
pub mod outcome;
pub mod overview;
pub mod select;
pub mod sharing;
pub mod split;
pub mod talks;
pub mod timeline;
pub mod transfers;
