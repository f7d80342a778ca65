//! What only an embedded view has: fewer controls (or none), a source line
//! with a link to the full explorer in the same state, and its height
//! posted to the parent window when it lives in an iframe.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement};

use super::controls::{Controls, Input};
use super::dom::{append, attrs, js_err, listen, Res};
use super::App;
use crate::embed::{self, Options};
use crate::settings::SETTINGS;

/// The type of the message an embed in an iframe posts to its parent:
/// `{type: "scope-explorer:height", height}`, the height in CSS pixels.
pub const HEIGHT_MESSAGE: &str = "scope-explorer:height";

/// How an embed was asked to look.
pub struct Setup {
    /// Its layout.
    pub options: Options,
    /// Messages about its own parameters that were ignored.
    pub ignored: Vec<String>,
    /// The full explorer's address, without a query.
    pub full_url: String,
    /// Whether to post its height to the parent window.
    pub post_height: bool,
    /// Whether its settings came from an element's attributes
    /// (`<scope-explorer>`) rather than a URL: its notice says so.
    pub from_attributes: bool,
}

/// A message about an ignored URL parameter, worded for an element's
/// attribute (the decoders word them for a link).
pub fn as_attributes(message: &str) -> String {
    message
        .replace("unknown parameter", "unknown attribute")
        .replace("repeated parameter", "repeated attribute")
        .replace("slider's parameter", "slider's attribute")
        .replace("the parameters ", "the attributes ")
}

/// The "open the full explorer" link.
pub struct FullLink {
    link: HtmlAnchorElement,
    base: String,
}

impl FullLink {
    /// Points the link at the state in `query`.
    pub(super) fn show(&self, query: &str) {
        self.link.set_href(&format!("{}?{query}", self.base));
    }
}

fn add_class(element: &Element, class: &str) -> Res<()> {
    let old = element.get_attribute("class").unwrap_or_default();
    attrs(element, &[("class", format!("{old} {class}").trim())])
}

/// Hides the controls an embed does not show: all of them, or all but one
/// slider (and its switch, for an optional test).
pub fn keep_controls(
    grid: &Element,
    form: &Element,
    controls: &Controls,
    kept: embed::Controls,
) -> Res<()> {
    match kept {
        embed::Controls::All => Ok(()),
        embed::Controls::None => {
            form.remove();
            add_class(grid, "no-controls")
        }
        embed::Controls::One(i) => {
            add_class(form, "only-one")?;
            add_class(grid, "one-control")?;
            // Settings that share a parameter (the two capability
            // thresholds) apply one at a time: keep each.
            let param = SETTINGS.get(i).map(|s| s.param);
            for (setting, input) in SETTINGS.iter().zip(&controls.inputs) {
                let Input::Slider { row, switch, .. } = input else {
                    continue;
                };
                if Some(setting.param) != param {
                    continue;
                }
                add_class(row, "kept")?;
                if let Some((_, switch_row)) = switch {
                    add_class(switch_row, "kept")?;
                }
                if let Some(fieldset) = row.parent_element() {
                    add_class(&fieldset, "keeps")?;
                }
            }
            Ok(())
        }
    }
}

/// The source line, with the link to the full explorer (in the top window).
pub fn build_footer(root: &Element, full_url: &str) -> Res<FullLink> {
    let footer = append(root, "p", "")?;
    attrs(&footer, &[("class", "source")])?;
    append(&footer, "span", &embed::source_line())?;
    footer.append_with_str_1(" ").map_err(js_err)?;
    let link: HtmlAnchorElement = append(&footer, "a", "Open the full explorer")?.unchecked_into();
    attrs(&link, &[("target", "_top"), ("class", "full-link")])?;
    Ok(FullLink {
        link,
        base: full_url
            .split(['?', '#'])
            .next()
            .unwrap_or(full_url)
            .to_string(),
    })
}

/// The type of the message a host page may send to an embed's iframe to
/// have its height posted again (`frame-height.js` sends it when it starts
/// and when a frame loads, in case the first height came before it listened).
pub const MEASURE_MESSAGE: &str = "scope-explorer:measure";

/// Posts the document's height to the parent window now, whenever `root`
/// changes size, and when the parent asks ([`MEASURE_MESSAGE`]). Measures
/// the html element's box, which is as tall as the content (the stylesheet
/// sets no height on html or body).
pub fn post_height(root: &Element) -> Res<()> {
    let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
    let Some(parent) = window.parent().map_err(js_err)? else {
        return Ok(());
    };
    if parent == window {
        return Ok(());
    }
    let html = window
        .document()
        .and_then(|d| d.document_element())
        .ok_or_else(|| JsError::new("no document element"))?;
    let last = Rc::new(Cell::new(-1.0));
    let last2 = Rc::clone(&last);
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = html.get_bounding_client_rect().height().ceil();
        if height == last.get() {
            return;
        }
        last.set(height);
        let message = js_sys::Object::new();
        let sent = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into())
            .and_then(|_| js_sys::Reflect::set(&message, &"height".into(), &height.into()))
            .and_then(|_| parent.post_message(&message, "*"));
        if let Err(e) = sent {
            web_sys::console::error_1(&e);
        }
    });
    let observer =
        web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).map_err(js_err)?;
    observer.observe(root);
    let measure: js_sys::Function = callback.as_ref().clone().unchecked_into();
    listen(&window, "message", move |event: web_sys::Event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let kind = js_sys::Reflect::get(&event.data(), &"type".into()).ok();
        if kind.and_then(|k| k.as_string()).as_deref() == Some(MEASURE_MESSAGE) {
            last2.set(-1.0);
            let _ = measure.call0(&JsValue::NULL);
        }
    })?;
    // Both live as long as the page.
    callback.forget();
    std::mem::forget(observer);
    Ok(())
}

impl App {
    /// Points the "open the full explorer" link and the "Share or embed this view"
    /// link and snippets at the current state.
    pub(super) fn show_links(&mut self) -> Res<()> {
        let query = crate::urlstate::encode(&self.scenario);
        if let Some(link) = &self.full_link {
            link.show(&query);
        }
        let view = self.view_query();
        if let Some(share) = self.share.get_mut() {
            share.show(&self.catalog, &self.scenario, &query, &view)?;
        }
        Ok(())
    }
}
