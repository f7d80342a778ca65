//! The explorer page, rendered with web-sys into any element. UI events
//! become an `events::Msg`, handled in one `match`; every handler returns a
//! `Result` and shows its error on the page instead of panicking.

mod chart;
mod controls;
mod dom;
mod events;
mod overlap;
mod sensitivity;
mod table;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use self::chart::Chart;
use self::controls::Controls;
use self::dom::{append, attrs, js_err, listen, set_hidden, Res};
use self::events::wire;
use self::overlap::OverlapPanel;
use self::sensitivity::Sensitivity;
use self::table::{Column, ModelTable};
use super::{default_scenario, today};
use crate::catalog::{Catalog, ATTRIBUTION};
use crate::evaluate::{evaluate, Assessment, Summary};
use crate::presets::{self, Preset};
use crate::scenario::Scenario;
use crate::settings;
use crate::sweep::{us_threshold_sweep, SweepPoint};
use crate::{export, presentation, urlstate, view};

struct App {
    catalog: Catalog,
    presets: Vec<Preset>,
    /// The preset the scenario last matched (or the user picked).
    base_preset: Option<usize>,
    scenario: Scenario,
    assessment: Assessment,
    /// The scenario `assessment` was evaluated for (render skips an
    /// evaluation it already has).
    evaluated: Option<Scenario>,
    baseline: Summary,
    sweep_key: Option<Scenario>,
    sweep: Vec<SweepPoint>,
    controls: Controls,
    overlap: OverlapPanel,
    chart: Chart,
    sensitivity: Sensitivity,
    table: ModelTable,
    /// The table waits for a slider's release (see `render`).
    table_stale: bool,
    /// Counts commits, so only the last one of a burst is announced.
    announce_generation: u64,
    /// A commit waiting for the pause after which it is announced.
    pending_announce: Option<u64>,
    notice: Element,
    error_box: Element,
}

/// Renders the explorer into `root`, replacing its content. The scenario
/// comes from the page's URL query; unknown or invalid parameters are
/// ignored with a visible notice.
#[wasm_bindgen]
pub fn mount(root: Element) -> Result<(), JsError> {
    let catalog =
        Catalog::embedded().map_err(|e| JsError::new(&format!("embedded dataset: {e}")))?;
    let presets = presets::all(today()?);
    let base = default_scenario()?;
    let window = web_sys::window().ok_or_else(|| JsError::new("mount: no window"))?;
    let query = window.location().search().map_err(js_err)?;
    let decoded = urlstate::decode(&query, &base);

    root.set_text_content(None);
    attrs(&root, &[("class", "scope-explorer")])?;
    let error_box = append(&root, "p", "")?;
    attrs(
        &error_box,
        &[("class", "error"), ("role", "alert"), ("hidden", "")],
    )?;
    let notice = build_notice(&root, &decoded.ignored)?;

    let grid = append(&root, "div", "")?;
    attrs(&grid, &[("class", "layout")])?;
    let form = append(&grid, "form", "")?;
    attrs(&form, &[("class", "controls"), ("aria-label", "Scenario")])?;
    listen(&form, "submit", |e: Event| e.prevent_default())?;
    let controls = controls::build(&form, &presets)?;
    let results = append(&grid, "div", "")?;
    attrs(&results, &[("class", "results")])?;
    let overlap = overlap::build(&results)?;
    let chart = chart::build(&results, &catalog)?;
    let sensitivity = sensitivity::build(&results)?;
    let table = table::build(&results, &catalog)?;
    let credit = append(&root, "p", "")?;
    attrs(&credit, &[("class", "credit")])?;
    credit.set_text_content(Some(&format!(
        "{ATTRIBUTION} {} models; latest publication {}. Compute figures are Epoch AI's estimates; \u{201c}undetermined\u{201d} means the public data cannot tell.",
        catalog.models.len(),
        catalog.latest_publication
    )));

    let ignored_any = !decoded.ignored.is_empty();
    let scenario = decoded.scenario;
    let assessment = evaluate(&catalog, &scenario);
    let baseline = assessment.summary;
    let app = Rc::new(RefCell::new(App {
        catalog,
        presets,
        base_preset: None,
        evaluated: Some(scenario.clone()),
        scenario,
        assessment,
        baseline,
        sweep_key: None,
        sweep: Vec::new(),
        controls,
        overlap,
        chart,
        sensitivity,
        table,
        table_stale: false,
        announce_generation: 0,
        pending_announce: None,
        notice,
        error_box,
    }));
    {
        let mut guard = app.borrow_mut();
        let a = &mut *guard;
        a.render(None)?;
        a.table.sort_by(&a.catalog, Column::Published)?;
        a.commit(false)?;
        if ignored_any {
            // The link keeps only what was understood, so sharing it does
            // not pass the bad parameters on.
            a.write_url()?;
        }
    }
    wire(&app)?;
    root.set_attribute("data-ready", "true").map_err(js_err)?;
    // For scripts/bench.sh: time from navigation to the first full render.
    if let Some(performance) = window.performance() {
        performance.mark("scope-explorer-ready").map_err(js_err)?;
    }
    Ok(())
}

fn build_notice(root: &Element, ignored: &[String]) -> Res<Element> {
    let notice = append(root, "div", "")?;
    attrs(
        &notice,
        &[("id", "notice"), ("class", "notice"), ("role", "status")],
    )?;
    append(
        &notice,
        "p",
        "Some settings in the link were not understood and were ignored:",
    )?;
    let list = append(&notice, "ul", "")?;
    for message in ignored {
        append(&list, "li", message)?;
    }
    let dismiss = append(&notice, "button", "Dismiss")?;
    attrs(&dismiss, &[("type", "button"), ("id", "notice-dismiss")])?;
    set_hidden(&notice, ignored.is_empty())?;
    Ok(notice)
}

impl App {
    /// Evaluates the scenario and updates every view. `dragging` is the
    /// slider under the pointer, left where the user holds it.
    fn render(&mut self, dragging: Option<usize>) -> Res<()> {
        self.scenario
            .validate()
            .map_err(|e| JsError::new(&format!("invalid setting: {e}")))?;
        if self.evaluated.as_ref() != Some(&self.scenario) {
            self.assessment = evaluate(&self.catalog, &self.scenario);
            self.evaluated = Some(self.scenario.clone());
        }
        let matching = presets::matching(&self.scenario)
            .and_then(|id| self.presets.iter().position(|p| p.id == id));
        if matching.is_some() {
            self.base_preset = matching;
        } else if self.base_preset.is_none() {
            // A link to a custom definition: describe it from the closest preset.
            self.base_preset = settings::closest_preset(&self.scenario, &self.presets);
        }
        self.controls.show(
            &self.scenario,
            matching.map(|i| &self.presets[i]),
            self.base_preset.map(|i| &self.presets[i]),
            dragging,
        )?;
        let summary = self.assessment.summary;
        self.overlap.show(&summary, &self.baseline, &self.scenario);
        self.overlap.explain(&self.assessment.verdicts)?;
        self.chart
            .show(&self.catalog, &self.assessment, &self.scenario)?;
        // The sweep does not depend on the US threshold itself: redo it only
        // when something else changed.
        let mut key = self.scenario.clone();
        key.us.compute_threshold_flop = 0.0;
        if self.sweep_key.as_ref() != Some(&key) {
            self.sweep = us_threshold_sweep(
                &self.catalog,
                &self.scenario,
                sensitivity::LOW_EXP,
                sensitivity::HIGH_EXP,
                sensitivity::STEPS,
            );
            self.sensitivity.draw(&self.sweep)?;
            self.sweep_key = Some(key);
        }
        self.sensitivity
            .mark(self.scenario.us.compute_threshold_flop, &summary.us)?;
        // The table is long: while a slider is held it waits for the
        // release (the commit) so that every step stays quick.
        if dragging.is_none() {
            self.table
                .show(&self.catalog, &self.assessment, &self.scenario)?;
        }
        self.table_stale = dragging.is_some();
        if let Some(i) = self.chart.selected {
            self.inspect(Some(i))?;
        }
        Ok(())
    }

    /// Ends a change: the URL records it, screen readers hear the counts,
    /// and the next change is measured from here.
    fn commit(&mut self, write_url: bool) -> Res<()> {
        let summary = self.assessment.summary;
        if self.table_stale {
            self.table
                .show(&self.catalog, &self.assessment, &self.scenario)?;
            self.table_stale = false;
        }
        if write_url {
            self.write_url()?;
            // Announce and re-base the change count once the user pauses
            // (see `dispatch`), not on every key press.
            self.announce_generation += 1;
            self.pending_announce = Some(self.announce_generation);
        } else {
            self.baseline = summary;
        }
        Ok(())
    }

    /// Records the scenario in the page's URL.
    fn write_url(&self) -> Res<()> {
        let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
        let location = window.location();
        let url = format!(
            "{}?{}{}",
            location.pathname().map_err(js_err)?,
            urlstate::encode(&self.scenario),
            location.hash().map_err(js_err)?
        );
        window
            .history()
            .map_err(js_err)?
            .replace_state_with_url(&JsValue::NULL, "", Some(&url))
            .map_err(js_err)?;
        Ok(())
    }

    /// After a pause: screen readers hear the counts, and the next change
    /// is measured from here.
    fn settle(&mut self) {
        let summary = self.assessment.summary;
        self.overlap.announce(&summary, &self.scenario);
        self.baseline = summary;
    }

    /// Shows a model's details beside the chart (silently).
    fn inspect(&mut self, index: Option<usize>) -> Res<()> {
        let text = self.details_text(index);
        self.chart.select(index, &text, false)
    }

    /// A model's details in words.
    fn details_text(&self, index: Option<usize>) -> String {
        index.map_or_else(String::new, |i| {
            presentation::model_details(&self.catalog, &self.assessment, &self.scenario, i)
        })
    }

    fn download(&self) -> Res<()> {
        // What the table shows: its filter and its order.
        let view = view::AssessmentView::for_models(
            &self.catalog,
            &self.assessment,
            &self.scenario,
            &self.table.shown_models(),
        );
        let csv = export::assessment_csv(&view);
        let parts = js_sys::Array::of1(&JsValue::from_str(&csv));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let blob =
            web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_err)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_err)?;
        let document = self
            .notice
            .owner_document()
            .ok_or_else(|| JsError::new("no document"))?;
        let link: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(js_err)?
            .unchecked_into();
        link.set_href(&url);
        link.set_download(&format!(
            "scope-explorer-{}-us-{:.1e}-flop.csv",
            self.scenario.as_of, self.scenario.us.compute_threshold_flop
        ));
        link.click();
        web_sys::Url::revoke_object_url(&url).map_err(js_err)?;
        Ok(())
    }
}
