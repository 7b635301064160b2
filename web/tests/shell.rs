#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use woonkans_web::app::App;

wasm_bindgen_test_configure!(run_in_browser);

fn root() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
async fn shell_shows_title_and_asks_for_a_vault_before_anything_else() {
    let root = root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Woonkans"));
    // Without an open vault there is nothing to choose a region for.
    assert!(!text.contains("Regio"));
    assert!(!text.contains("kies eerst uw regio"));
    // Before a vault is open, the first screen asks for one and the menu stays hidden.
    assert!(
        text.contains("Welkom bij Woonkans") || text.contains("Kluis ontgrendelen"),
        "{text}"
    );
    assert!(!text.contains("Verwerkingslog"));
}
