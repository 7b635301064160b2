//! File input and drop helpers.

use wasm_bindgen::JsCast;

/// The first file of an `<input type=file>` change event.
pub fn first_file(e: &yew::Event) -> Option<web_sys::File> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
}

/// The first file of a drop event.
pub fn dropped_file(e: &yew::DragEvent) -> Option<web_sys::File> {
    e.data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
}
