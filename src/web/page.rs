//! A minimal page: a preset picker and the overlap counts. Rendered with
//! web-sys into any element; every text goes in with `textContent`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlSelectElement};

use super::{today, DEFAULT_PRESET};
use crate::catalog::{Catalog, ATTRIBUTION};
use crate::evaluate::{evaluate, OverlapCounts};
use crate::presets::{self, Preset};

struct Page {
    catalog: Catalog,
    presets: Vec<Preset>,
    select: HtmlSelectElement,
    description: Element,
    cells: Vec<Element>,
}

fn js_err(e: JsValue) -> JsError {
    JsError::new(&format!("DOM error: {e:?}"))
}

fn el(doc: &Document, tag: &str, text: &str) -> Result<Element, JsError> {
    let e = doc.create_element(tag).map_err(js_err)?;
    e.set_text_content(Some(text));
    Ok(e)
}

/// Creates an element with a text and appends it to `parent`.
fn append(parent: &Element, tag: &str, text: &str) -> Result<Element, JsError> {
    let doc = parent
        .owner_document()
        .ok_or_else(|| JsError::new("the element has no document"))?;
    let e = el(&doc, tag, text)?;
    parent.append_child(&e).map_err(js_err)?;
    Ok(e)
}

/// Renders the explorer into `root`, replacing its content.
#[wasm_bindgen]
pub fn mount(root: Element) -> Result<(), JsError> {
    let doc = root
        .owner_document()
        .ok_or_else(|| JsError::new("mount: the element has no document"))?;
    let catalog =
        Catalog::embedded().map_err(|e| JsError::new(&format!("embedded dataset: {e}")))?;
    let presets = presets::all(&today());
    root.set_text_content(None);

    let label = el(&doc, "label", "Candidate US definition ")?;
    let select: HtmlSelectElement = doc
        .create_element("select")
        .map_err(js_err)?
        .unchecked_into();
    select.set_id("preset");
    for p in &presets {
        let option = el(&doc, "option", p.name)?;
        option.set_attribute("value", p.id).map_err(js_err)?;
        select.append_child(&option).map_err(js_err)?;
    }
    select.set_value(DEFAULT_PRESET);
    label.append_child(&select).map_err(js_err)?;
    root.append_child(&label).map_err(js_err)?;
    let description = el(&doc, "p", "")?;
    root.append_child(&description).map_err(js_err)?;

    let table = el(&doc, "table", "")?;
    let caption = el(&doc, "caption", "Overlap with the EU systemic-risk tier")?;
    table.append_child(&caption).map_err(js_err)?;
    let head = el(&doc, "tr", "")?;
    for h in ["", "Both", "US only", "EU only", "Neither", "Undetermined"] {
        append(&head, "th", h)?;
    }
    table.append_child(&head).map_err(js_err)?;
    let mut cells = Vec::new();
    for (row_name, row_id) in [("Models", "models"), ("Developers", "developers")] {
        let tr = el(&doc, "tr", "")?;
        append(&tr, "th", row_name)?;
        for col in ["both", "us_only", "eu_only", "neither", "undetermined"] {
            let td = el(&doc, "td", "")?;
            td.set_attribute("data-count", &format!("{row_id}.{col}"))
                .map_err(js_err)?;
            tr.append_child(&td).map_err(js_err)?;
            cells.push(td);
        }
        table.append_child(&tr).map_err(js_err)?;
    }
    root.append_child(&table).map_err(js_err)?;
    append(&root, "p", ATTRIBUTION)?;

    let page = Rc::new(RefCell::new(Page {
        catalog,
        presets,
        select: select.clone(),
        description,
        cells,
    }));
    page.borrow().render()?;
    let on_change = Closure::<dyn FnMut()>::new({
        let page = Rc::clone(&page);
        move || {
            if let Err(e) = page.borrow().render() {
                web_sys::console::error_1(&JsValue::from(e));
            }
        }
    });
    select
        .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
        .map_err(js_err)?;
    // The listener lives as long as the page.
    on_change.forget();
    Ok(())
}

impl Page {
    fn render(&self) -> Result<(), JsError> {
        let id = self.select.value();
        let preset = self
            .presets
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| JsError::new(&format!("preset: unknown preset {id:?}")))?;
        self.description.set_text_content(Some(preset.description));
        let summary = evaluate(&self.catalog, &preset.scenario).summary;
        let counts = |c: &OverlapCounts| [c.both, c.us_only, c.eu_only, c.neither, c.undetermined];
        let values = counts(&summary.models)
            .into_iter()
            .chain(counts(&summary.developers));
        for (cell, value) in self.cells.iter().zip(values) {
            cell.set_text_content(Some(&value.to_string()));
        }
        Ok(())
    }
}
