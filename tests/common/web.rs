//! Helpers for the browser tests of the mounted page (wasm32 only).

use scope_explorer::web::mount;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Sets the page's URL query (with its `?`), keeping the path.
pub fn set_query(query: &str) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")))
        .unwrap();
}

/// Mounts a fresh explorer with the given URL query, after removing every
/// view left by an earlier test (one left over would give this one
/// prefixed ids). Checks that it is ready.
pub fn mount_with(query: &str) -> Element {
    set_query(query);
    let document = web_sys::window().unwrap().document().unwrap();
    let old = document.query_selector_all(".scope-explorer").unwrap();
    for i in 0..old.length() {
        old.get(i).unwrap().dyn_into::<Element>().unwrap().remove();
    }
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    mount(root.clone()).expect("mount succeeds");
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    root
}

/// The element `selector` finds under `root`, as `T`.
pub fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} exists"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} has the expected type"))
}
