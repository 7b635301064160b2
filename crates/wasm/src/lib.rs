//! The WebAssembly facade of Woonkans: one thin `#[wasm_bindgen]` layer over `woonkans-core`.
//!
//! Plain JS objects in and out through serde-wasm-bindgen, camelCase names, and one error shape:
//! every failure becomes a JS `Error` whose `message` is the Dutch text and whose `code` is the
//! core's stable code. The conversion lives here, in `boundary`, and nowhere else.

mod boundary;
pub mod bundle;
pub mod dossier;
pub mod envelope;
pub mod matching;
pub mod profile;
pub mod scan;

pub use boundary::JsResult;

use wasm_bindgen::prelude::*;

/// The version of this JS API (semver). Bumped on any breaking change of a function's shape.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
