//! The table's side of the chart: a model picked in the chart is brought
//! into view and highlighted, and the filter says which models it keeps.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::super::dom::{js_err, set_text, Res};
use super::ModelTable;
use crate::catalog::Catalog;

/// The attribute of the row picked in the chart (style.css outlines it).
const PICKED: &str = "data-picked";

impl ModelTable {
    /// Brings model `i`'s row into view, highlighted, with keyboard focus
    /// on its heading: the table is completed first (rows are written
    /// lazily), and a filter that hides the row is cleared, which the
    /// table's status says. Returns whether the filter was cleared.
    pub fn reveal(&mut self, catalog: &Catalog, i: usize) -> Res<bool> {
        self.complete(catalog)?;
        if self.verdicts.get(i).copied().flatten().is_none() {
            return Ok(false);
        }
        let cleared = self.rows[i].hidden;
        if cleared {
            let was = self.filter.value();
            self.filter.set_value("");
            self.apply_filter()?;
            let status = self.shown.text_content().unwrap_or_default();
            set_text(
                &self.shown,
                &format!(
                    "Cleared the filter \u{201c}{}\u{201d} to show {}. {status}",
                    was.trim(),
                    catalog.models[i].name
                ),
            );
        }
        if let Some(old) = self
            .body
            .query_selector(&format!("[{PICKED}]"))
            .map_err(js_err)?
        {
            old.remove_attribute(PICKED).map_err(js_err)?;
        }
        let tr = &self.rows[i].tr;
        tr.set_attribute(PICKED, "").map_err(js_err)?;
        if let Some(heading) = tr
            .first_element_child()
            .and_then(|h| h.dyn_into::<HtmlElement>().ok())
        {
            heading.set_attribute("tabindex", "-1").map_err(js_err)?;
            heading.focus().map_err(js_err)?;
        }
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        tr.scroll_into_view_with_scroll_into_view_options(&options);
        Ok(cleared)
    }

    /// The filter's text and, for each catalog model, whether its row
    /// matches it; `None` when the filter is empty.
    pub fn matching(&self) -> Option<(String, Vec<bool>)> {
        let keep = self.keeper()?;
        let text = self.filter.value().trim().to_string();
        Some((text, self.rows.iter().map(|r| keep.keeps(r)).collect()))
    }
}
