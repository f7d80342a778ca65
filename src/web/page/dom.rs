//! Small DOM helpers: create, append, set attributes, listen. Text always
//! goes in through `textContent`, never as HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget};

/// Results of DOM work: a JS `Error` with a message on failure.
pub type Res<T> = Result<T, JsError>;

/// Turns a thrown JS value into a `JsError` with a message.
pub fn js_err(value: JsValue) -> JsError {
    let message = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"));
    JsError::new(&format!("DOM error: {message}"))
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The document an element belongs to.
pub fn document_of(element: &Element) -> Res<Document> {
    element
        .owner_document()
        .ok_or_else(|| JsError::new("the element has no document"))
}

/// Creates an HTML element with a text and appends it to `parent`.
pub fn append(parent: &Element, tag: &str, text: &str) -> Res<Element> {
    let e = document_of(parent)?.create_element(tag).map_err(js_err)?;
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    parent.append_child(&e).map_err(js_err)?;
    Ok(e)
}

/// Creates an SVG element and appends it to `parent`.
pub fn append_svg(parent: &Element, tag: &str) -> Res<Element> {
    let e = document_of(parent)?
        .create_element_ns(Some(SVG_NS), tag)
        .map_err(js_err)?;
    parent.append_child(&e).map_err(js_err)?;
    Ok(e)
}

/// A plot's y axis again, for phones (the chart's and the sensitivity
/// curve's): an SVG of class `class` over the left edge of `frame`, at the
/// plot's scale (`left` of its `width`-unit viewBox, `height` tall), on a
/// background up to the x axis (`bottom` from the foot), so that it stays
/// while the plot scrolls under it (style.css). Returns it, for the labels.
pub fn axis_overlay(
    frame: &Element,
    class: &str,
    left: f64,
    height: f64,
    bottom: f64,
) -> Res<Element> {
    let axis = append_svg(frame, "svg")?;
    attrs(
        &axis,
        &[
            ("class", class),
            ("viewBox", &format!("0 0 {left} {height}")),
            ("aria-hidden", "true"),
        ],
    )?;
    let back = append_svg(&axis, "rect")?;
    attrs(
        &back,
        &[
            ("width", &(left - 2.0).to_string()),
            ("height", &(height - bottom + 2.0).to_string()),
        ],
    )?;
    Ok(axis)
}

/// Appends an SVG `<text>` at (x, y) with an anchor ("start", "middle", "end").
pub fn svg_text(parent: &Element, x: f64, y: f64, anchor: &str, text: &str) -> Res<Element> {
    let label = append_svg(parent, "text")?;
    attrs(
        &label,
        &[
            ("x", &x.to_string()),
            ("y", &y.to_string()),
            ("text-anchor", anchor),
        ],
    )?;
    label.set_text_content(Some(text));
    Ok(label)
}

/// Appends a chart key entry: a 20-unit line of `class` from (x, y), and
/// `text` after it.
pub fn key_line(parent: &Element, class: &str, x: f64, y: f64, text: &str) -> Res<()> {
    let line = append_svg(parent, "line")?;
    attrs(
        &line,
        &[
            ("class", class),
            ("x1", &x.to_string()),
            ("x2", &(x + 20.0).to_string()),
            ("y1", &y.to_string()),
            ("y2", &y.to_string()),
        ],
    )?;
    svg_text(parent, x + 24.0, y + 4.0, "start", text)?;
    Ok(())
}

/// Sets attributes.
pub fn attrs(element: &Element, pairs: &[(&str, &str)]) -> Res<()> {
    for (name, value) in pairs {
        element.set_attribute(name, value).map_err(js_err)?;
    }
    Ok(())
}

/// Sets the text only when it differs, to spare the layout engine.
pub fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Sets an attribute only when it differs.
pub fn set_attr(element: &Element, name: &str, value: &str) -> Res<()> {
    if element.get_attribute(name).as_deref() != Some(value) {
        element.set_attribute(name, value).map_err(js_err)?;
    }
    Ok(())
}

/// Shows or hides an element with the `hidden` attribute.
pub fn set_hidden(element: &Element, hidden: bool) -> Res<()> {
    if hidden == element.has_attribute("hidden") {
        return Ok(());
    }
    if hidden {
        element.set_attribute("hidden", "").map_err(js_err)
    } else {
        element.remove_attribute("hidden").map_err(js_err)
    }
}

/// Adds an event listener that lives as long as the page.
pub fn listen(target: &EventTarget, event: &str, handler: impl FnMut(Event) + 'static) -> Res<()> {
    let closure = Closure::<dyn FnMut(Event)>::new(handler);
    target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .map_err(js_err)?;
    // The page never unmounts its listeners; leaking the closure keeps it alive.
    closure.forget();
    Ok(())
}

/// Reports an error that happened inside an event handler: in the page's
/// error box and the console.
pub fn report(error_box: &Element, error: JsError) {
    let value = JsValue::from(error);
    let message = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "unknown error".to_string());
    error_box.set_text_content(Some(&message));
    let _ = set_hidden(error_box, false);
    web_sys::console::error_1(&value);
}

thread_local! {
    static NEXT_SCOPE: std::cell::Cell<usize> = const { std::cell::Cell::new(1) };
}

/// The attributes that hold or name element ids.
const ID_ATTRIBUTES: [&str; 5] = [
    "id",
    "for",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
];

/// Keeps the ids of a view unique in its document (or shadow root): when
/// another view is mounted in the same tree, every id under `root`, and
/// every reference to one, gets a prefix of its own (`v2-chart`). A view
/// alone keeps the plain ids.
pub fn scope_ids(root: &Element) -> Res<()> {
    let scope = root.get_root_node();
    let others = if let Some(document) = scope.dyn_ref::<Document>() {
        document.query_selector_all(".scope-explorer")
    } else if let Some(fragment) = scope.dyn_ref::<web_sys::DocumentFragment>() {
        fragment.query_selector_all(".scope-explorer")
    } else {
        return Ok(());
    }
    .map_err(js_err)?;
    let alone = (0..others.length())
        .filter_map(|i| others.item(i))
        .all(|node| node.is_same_node(Some(root)));
    if alone {
        return Ok(());
    }
    let prefix = NEXT_SCOPE.with(|n| {
        let next = n.get() + 1;
        n.set(next);
        format!("v{next}-")
    });
    let selector = ID_ATTRIBUTES.map(|a| format!("[{a}]")).join(",");
    let found = root.query_selector_all(&selector).map_err(js_err)?;
    for i in 0..found.length() {
        let Some(element) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        for name in ID_ATTRIBUTES {
            if let Some(value) = element.get_attribute(name) {
                let scoped: Vec<String> = value
                    .split_whitespace()
                    .map(|id| format!("{prefix}{id}"))
                    .collect();
                element
                    .set_attribute(name, &scoped.join(" "))
                    .map_err(js_err)?;
            }
        }
    }
    Ok(())
}
