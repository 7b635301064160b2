//! The one place where core values and errors cross into JavaScript.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use woonkans_core::Error;

pub type JsResult<T> = Result<T, JsValue>;

/// A JS `Error` with the Dutch message and a `code` property (and `field` when there is one).
pub fn error_to_js(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("WoonkansError");
    let obj: &JsValue = err.as_ref();
    // Setting own properties on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(obj, &"code".into(), &e.code.into());
    if let Some(field) = &e.field {
        let _ = js_sys::Reflect::set(obj, &"field".into(), &field.as_str().into());
    }
    err.into()
}

pub fn core<T>(r: woonkans_core::Result<T>) -> JsResult<T> {
    r.map_err(|e| error_to_js(&e))
}

/// Reads a plain JS object into a core type. The serde message is not passed on: it can quote
/// the input, and the input can be personal data.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> JsResult<T> {
    serde_wasm_bindgen::from_value(value).map_err(|_| {
        error_to_js(&Error::new(
            "INPUT_INVALID",
            format!("De invoer voor {what} heeft niet de verwachte vorm."),
        ))
    })
}

/// Writes a core value as a plain JS object (maps as objects, not `Map`s).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(false);
    value.serialize(&serializer).map_err(|_| {
        error_to_js(&Error::new(
            "INTERNAL",
            "Interne fout bij het omzetten van het resultaat.",
        ))
    })
}
