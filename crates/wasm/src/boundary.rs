//! The one place where core values and errors cross into JavaScript.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use woonkans_core::Error;
use woonkans_core::bundle::WriteError;
use woonkans_core::date::Date;
use woonkans_core::region::Region;
use woonkans_core::workspace::BuildError;

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

/// `error_to_js` with more own properties on the Error object (`findings`, `missing`).
pub fn error_with(e: &Error, details: &[(&str, JsValue)]) -> JsValue {
    let err = error_to_js(e);
    for (name, value) in details {
        // Setting own properties on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&err, &(*name).into(), value);
    }
    err
}

/// A refused bundle: `LEAK_GUARD` with the guard's `findings` on the Error object, or the
/// core's error as it is.
pub fn write_error(e: WriteError) -> JsValue {
    match e {
        WriteError::Leak(report) => match to_js(&report.findings) {
            Ok(findings) => error_with(&report.to_error(), &[("findings", findings)]),
            Err(e) => e,
        },
        WriteError::Invalid(e) => error_to_js(&e),
    }
}

/// An unfinished profile: `PROFILE_INCOMPLETE` with `missing` and `findings` on the Error
/// object, or the core's error as it is.
pub fn build_error(e: BuildError) -> JsValue {
    match e {
        BuildError::Incomplete(open) => match (to_js(&open.missing), to_js(&open.findings)) {
            (Ok(missing), Ok(findings)) => error_with(
                &open.to_error(),
                &[("missing", missing), ("findings", findings)],
            ),
            (Err(e), _) | (_, Err(e)) => e,
        },
        BuildError::Invalid(e) => error_to_js(&e),
    }
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

/// `from_js` for a value that has a name (a parameter or an input object's field): a wrong
/// shape is `INPUT_INVALID` with `field` set to that name.
pub fn from_js_at<T: DeserializeOwned>(value: JsValue, what: &str, field: &str) -> JsResult<T> {
    serde_wasm_bindgen::from_value(value).map_err(|_| {
        error_to_js(
            &Error::new(
                "INPUT_INVALID",
                format!("De invoer voor {what} heeft niet de verwachte vorm."),
            )
            .at(field),
        )
    })
}

/// `from_js` for an optional argument: `undefined` and `null` are `None`.
pub fn from_js_opt<T: DeserializeOwned>(value: JsValue, what: &str) -> JsResult<Option<T>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    from_js(value, what).map(Some)
}

/// `from_js` for an argument that may be left out: `undefined` and `null` are the default.
pub fn from_js_or_default<T: DeserializeOwned + Default>(
    value: JsValue,
    what: &str,
) -> JsResult<T> {
    Ok(from_js_opt(value, what)?.unwrap_or_default())
}

/// `N` random bytes from the browser's crypto (`crypto.getRandomValues`).
pub fn random<const N: usize>() -> JsResult<[u8; N]> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|_| {
        error_to_js(&Error::new(
            "RANDOM_UNAVAILABLE",
            "Deze browser levert geen veilige willekeurige getallen; gebruik een recente browser.",
        ))
    })?;
    Ok(buf)
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

// ------------------------------------------------------------------ arguments
//
// Every exported function takes its text, byte and number parameters as `JsValue` and reads them
// here. Typed parameters would leave the check to the wasm-bindgen glue, which throws an English
// Error without a `code` for a value of the wrong type, and silently wraps or truncates numbers
// (257 arrives as a `u8` 1, 3.7 as 3). The messages name the parameter, never the value.

/// `INPUT_INVALID` for the argument `name`, with `field` set to that name.
fn bad_argument(name: &str, should: &str) -> JsValue {
    error_to_js(
        &Error::new(
            "INPUT_INVALID",
            format!("Het argument {name} moet {should} zijn."),
        )
        .at(name),
    )
}

/// A text argument: a JS string, nothing else (no number or object turned into text).
pub fn string_arg(v: &JsValue, name: &str) -> JsResult<String> {
    v.as_string().ok_or_else(|| bad_argument(name, "tekst"))
}

/// An optional text argument: `undefined` and `null` are `None`.
pub fn opt_string_arg(v: &JsValue, name: &str) -> JsResult<Option<String>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| bad_argument(name, "tekst, null of undefined"))
}

/// The largest integer a double holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A whole JS number: no fraction, not NaN or infinite, and exactly representable.
pub fn integer_arg(v: &JsValue, name: &str) -> JsResult<i64> {
    match v.as_f64() {
        Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER => {
            // Whole and within ±2^53, so the cast is exact.
            Ok(n as i64)
        }
        _ => Err(bad_argument(name, "een geheel getal")),
    }
}

/// A whole number in `min..=max`.
pub fn u8_arg(v: &JsValue, name: &str, min: u8, max: u8) -> JsResult<u8> {
    integer_arg(v, name)
        .ok()
        .and_then(|n| u8::try_from(n).ok())
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            bad_argument(
                name,
                &format!("een geheel getal van {min} tot en met {max}"),
            )
        })
}

/// Bytes: a `Uint8Array` (a Node `Buffer` is one), an `ArrayBuffer`, or an array of whole
/// numbers from 0 to 255.
pub fn bytes_arg(v: &JsValue, name: &str) -> JsResult<Vec<u8>> {
    let bad = || {
        bad_argument(
            name,
            "bytes (een Uint8Array, een ArrayBuffer of een lijst van getallen van 0 tot en met 255)",
        )
    };
    if let Some(a) = v.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(a.to_vec());
    }
    if let Some(b) = v.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(b).to_vec());
    }
    // `Array.isArray`, not `instanceof`: an array from another realm (an iframe) counts too.
    if js_sys::Array::is_array(v) {
        let items: &js_sys::Array = v.unchecked_ref();
        let mut out = Vec::with_capacity(items.length() as usize);
        for item in items.iter() {
            match item.as_f64() {
                Some(n) if n.fract() == 0.0 && (0.0..=255.0).contains(&n) => {
                    // Whole and in 0..=255, so the cast is exact.
                    out.push(n as u8);
                }
                _ => return Err(bad()),
            }
        }
        return Ok(out);
    }
    Err(bad())
}

/// One field of an input object (`undefined` when it is absent). A value that is no object at
/// all is `INPUT_INVALID`, named by `what`, without a field.
pub fn field_of(input: &JsValue, key: &str, what: &str) -> JsResult<JsValue> {
    let shapeless = || {
        error_to_js(&Error::new(
            "INPUT_INVALID",
            format!("De invoer voor {what} heeft niet de verwachte vorm."),
        ))
    };
    // Arrays and functions are objects too; they simply lack the fields.
    if !input.is_object() {
        return Err(shapeless());
    }
    // A getter that throws (a Proxy) is a wrong shape as well.
    js_sys::Reflect::get(input, &key.into()).map_err(|_| shapeless())
}

/// Text or bytes: a JS string is taken as its UTF-8 bytes, anything else as `bytes_arg` reads
/// it.
pub fn text_or_bytes_arg(v: &JsValue, name: &str) -> JsResult<Vec<u8>> {
    if let Some(text) = v.as_string() {
        return Ok(text.into_bytes());
    }
    bytes_arg(v, name).map_err(|_| {
        bad_argument(
            name,
            "tekst of bytes (een Uint8Array, een ArrayBuffer of een lijst van getallen van 0 tot en met 255)",
        )
    })
}

/// A list of texts: an array whose every item is a JS string.
pub fn string_list_arg(v: &JsValue, name: &str) -> JsResult<Vec<String>> {
    let bad = || bad_argument(name, "een lijst van teksten");
    if !js_sys::Array::is_array(v) {
        return Err(bad());
    }
    let items: &js_sys::Array = v.unchecked_ref();
    items
        .iter()
        .map(|item| item.as_string().ok_or_else(bad))
        .collect()
}

/// One of a fixed set of names (a serde enum of unit variants), given as text; `should` lists
/// the names for the message.
pub fn enum_arg<T: DeserializeOwned>(v: &JsValue, name: &str, should: &str) -> JsResult<T> {
    let text = string_arg(v, name)?;
    serde_wasm_bindgen::from_value(JsValue::from(text)).map_err(|_| bad_argument(name, should))
}

/// `enum_arg` for an optional argument: `undefined` and `null` are `None`.
pub fn opt_enum_arg<T: DeserializeOwned>(
    v: &JsValue,
    name: &str,
    should: &str,
) -> JsResult<Option<T>> {
    let Some(text) = opt_string_arg(v, name)? else {
        return Ok(None);
    };
    serde_wasm_bindgen::from_value(JsValue::from(text))
        .map(Some)
        .map_err(|_| bad_argument(name, &format!("{should}, null of undefined")))
}

/// A region argument by any spelling of its name (`core::region::Region::parse`).
pub fn region_arg(v: &JsValue, name: &str) -> JsResult<Region> {
    core(Region::parse(&string_arg(v, name)?))
}

/// A date argument (`jjjj-mm-dd` or `dd-mm-jjjj`). A value that is no text is `INPUT_INVALID`
/// for `name`; text that is no date is the core's `DATE_INVALID` at `field`.
pub fn date_arg(v: &JsValue, name: &str, field: &str) -> JsResult<Date> {
    let text = string_arg(v, name)?;
    core(Date::parse(&text).map_err(|e| e.at(field)))
}
