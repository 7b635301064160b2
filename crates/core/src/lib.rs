//! Woonkans core: everything that decides, with no browser and no clock.
//!
//! Invariant: this crate has no dependency on a browser, the network, the file system or the
//! wall clock. Every date is an input; every random value (keys, ids) is passed in. That makes it
//! testable natively and identical in the browser.

pub mod assign;
pub mod base64;
pub mod bundle;
pub mod code;
pub mod coordinator;
pub mod date;
pub mod disclosure;
pub mod dossier;
pub mod envelope;
pub mod error;
pub mod explain;
pub mod fixtures;
pub mod handover;
pub mod import;
pub mod keys;
pub mod known;
pub mod leakguard;
pub mod matching;
pub mod minimise;
pub mod offer;
pub mod outcome;
pub mod parties;
pub mod prints;
pub mod priority;
pub mod profile;
pub mod region;
pub mod register;
pub mod rentlimits;
pub mod reply;
pub mod role;
pub mod routeplanner;
pub mod sample;
pub mod scan;
pub mod sharing;
pub mod split;
pub mod talks;
pub mod targetgroup;
pub mod text;
pub mod timeline;
pub mod transfer;
#[rustfmt::skip]
mod text_table;
pub mod validate;
pub mod vaultfile;
pub mod vocab;
pub mod withdrawal;
pub mod workspace;

pub use error::{Error, Result};
