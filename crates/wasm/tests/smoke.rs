use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn version_is_semver() {
    let v = woonkans_wasm::version();
    assert_eq!(v.split('.').count(), 3);
}
