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

/// What a pick-or-drop area needs: the file input's change handler, the drop zone's three
/// handlers, and whether a file is being dragged over it.
pub struct FilePick {
    pub onchange: yew::Callback<yew::Event>,
    pub ondragover: yew::Callback<yew::DragEvent>,
    pub ondragleave: yew::Callback<yew::DragEvent>,
    pub ondrop: yew::Callback<yew::DragEvent>,
    pub dragging: bool,
}

/// One file, picked or dropped, goes to `open`. The input is emptied after each pick, so the
/// same file can be chosen again (after a correction, or to see a replay refused).
#[yew::hook]
pub fn use_file_pick(open: yew::Callback<web_sys::File>) -> FilePick {
    use yew::{Callback, DragEvent, Event, TargetCast};
    let dragging = yew::use_state(|| false);
    let onchange = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = first_file(&e) {
                open.emit(file);
            }
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                input.set_value("");
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = dropped_file(&e) {
                open.emit(file);
            }
        })
    };
    FilePick {
        onchange,
        ondragover,
        ondragleave,
        ondrop,
        dragging: *dragging,
    }
}
