//! The explorer page, rendered with web-sys into any element. UI events
//! become an `events::Msg`, handled in one `match`; every handler returns a
//! `Result` and shows its error on the page instead of panicking.

mod cards;
mod chart;
mod check;
mod check_results;
mod controls;
mod derivatives;
pub(crate) mod dom;
mod embed;
mod events;
mod later;
mod overlap;
mod part;
mod projection;
mod sections;
mod sensitivity;
mod share;
mod table;
mod timeline;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use self::chart::Chart;
use self::controls::Controls;
use self::derivatives::DerivativePanel;
use self::dom::{append, attrs, js_err, listen, set_hidden, Res};
use self::embed::FullLink;
use self::events::{wire, Widget};
use self::overlap::OverlapPanel;
use self::part::FullOnly;
use self::sensitivity::Sensitivity;
use self::share::Share;
use self::table::{Column, ModelTable};
use super::{default_scenario, panic, today};
use crate::catalog::{Catalog, ATTRIBUTION};
use crate::evaluate::{evaluate, evaluate_after, Assessment, Summary};
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
    /// The derivative rules side by side (the full page only).
    derivatives: FullOnly<DerivativePanel>,
    chart: Chart,
    /// The sensitivity curve (an embed shows it only on request).
    sensitivity: Option<Sensitivity>,
    /// The table of every model (the full page only).
    table: FullOnly<ModelTable>,
    /// "Share or embed this view" (the full page only).
    share: FullOnly<Share>,
    /// An embed's "open the full explorer" link.
    full_link: Option<FullLink>,
    /// Whether the view writes its state into the page's URL (the full
    /// page does; an embed leaves its host's URL alone).
    own_url: bool,
    /// Check a model, the timeline and the projection (the full page only).
    sections: FullOnly<sections::Sections>,
    /// The table waits for a slider's release (see `render`).
    table_stale: bool,
    /// What waits until after the step is painted (see `later`).
    later: later::Later,
    /// Counts commits, so only the last one of a burst is announced.
    announce_generation: u64,
    /// The control the change being measured came from (a setting's
    /// index; `usize::MAX` for a preset), and whether the change line
    /// still measures from before it (no pause since): a change of
    /// another control within the pause measures from here instead.
    last_control: Option<usize>,
    rebase_due: bool,
    /// A commit waiting for the pause after which it is announced.
    pending_announce: Option<u64>,
    root: Element,
    notice: Element,
    error_box: Element,
}

/// Renders the explorer into `root`, replacing its content. The scenario
/// comes from the page's URL query; unknown or invalid parameters are
/// ignored with a visible notice. The page's URL follows every change.
#[wasm_bindgen]
pub fn mount(root: Element) -> Result<(), JsError> {
    let window = web_sys::window().ok_or_else(|| JsError::new("mount: no window"))?;
    let query = window.location().search().map_err(js_err)?;
    mount_view(root, &query, None)
}

/// Renders a compact, embeddable view into `root`, replacing its content:
/// configured by `query` (the page's parameters, plus `controls`,
/// `sensitivity` and `note`; see `crate::embed`), with a source line and
/// a link to `full_explorer_url` (the full page) carrying the same state.
/// It leaves the host page's URL alone. With `post_height`, it posts its
/// height to the parent window after every change (an iframe's content:
/// `{type: "scope-explorer:height", height}`). With `from_attributes`
/// (`<scope-explorer>`), its notice calls what it could not use the
/// element's attributes; otherwise (an iframe's URL, or absent) the link's
/// settings. Mounting again into the same root replaces the view.
#[wasm_bindgen(js_name = mountEmbed)]
pub fn mount_embed(
    root: Element,
    query: &str,
    full_explorer_url: &str,
    post_height: bool,
    from_attributes: Option<bool>,
) -> Result<(), JsError> {
    let split = crate::embed::split(query);
    let setup = embed::Setup {
        options: split.options,
        ignored: split.ignored,
        full_url: full_explorer_url.to_string(),
        post_height,
        from_attributes: from_attributes.unwrap_or(false),
    };
    mount_view(root, &split.scenario_query, Some(setup))
}

/// The attribute names `<scope-explorer>` reads: the page's URL parameters
/// and the embed's own, in page order.
#[wasm_bindgen(js_name = embedParams)]
pub fn embed_params() -> Vec<String> {
    let mut names = vec!["preset".to_string()];
    for setting in settings::SETTINGS {
        if !names.iter().any(|n| n == setting.param) {
            names.push(setting.param.to_string());
        }
    }
    names.extend(crate::embed::PARAMS.iter().map(|p| p.to_string()));
    names
}

fn mount_view(root: Element, query: &str, embed: Option<embed::Setup>) -> Result<(), JsError> {
    let result = build_view(root, query, embed);
    // Whatever happened, no event is being handled now.
    panic::leave();
    result
}

fn build_view(root: Element, query: &str, mut embed: Option<embed::Setup>) -> Result<(), JsError> {
    let catalog =
        Catalog::embedded().map_err(|e| JsError::new(&format!("embedded dataset: {e}")))?;
    let presets = presets::all(today()?);
    let base = default_scenario()?;
    let decoded = urlstate::decode(query, &base);
    let mut ignored = embed
        .as_ref()
        .map(|e| e.ignored.clone())
        .unwrap_or_default();
    ignored.extend(decoded.ignored);
    // A kept slider with nothing to set in this view would leave an empty box.
    if let Some(setup) = embed.as_mut() {
        let (controls, why) =
            crate::embed::usable_controls(setup.options.controls, &decoded.scenario);
        setup.options.controls = controls;
        ignored.extend(why);
    }
    // The check form and the projection's settings: the full page only.
    let mut extras = if part::FULL && embed.is_none() {
        urlstate::check::decode_extras(query)
    } else {
        urlstate::check::Extras::default()
    };
    ignored.extend(extras.ignored.iter().cloned());
    // A lab the link names must be one of the catalog's developers.
    if let Some(lab) = &extras.table.lab {
        if !catalog.developers.iter().any(|d| d == lab) {
            ignored.push(format!(
                "tbl_lab: no developer named {:?} in the catalog; the table shows every model",
                lab
            ));
            extras.table.lab = None;
        }
    }

    root.set_text_content(None);
    for name in ["data-ready", "data-stopped"] {
        root.remove_attribute(name).map_err(js_err)?;
    }
    let class = if embed.is_some() {
        "scope-explorer embed"
    } else {
        "scope-explorer"
    };
    attrs(&root, &[("class", class)])?;
    let error_box = append(&root, "p", "")?;
    attrs(
        &error_box,
        &[("class", "error"), ("role", "alert"), ("hidden", "")],
    )?;
    let widget_id = panic::register(&root, &error_box);
    let from_attributes = embed.as_ref().is_some_and(|e| e.from_attributes);
    let mut overridden = decoded.overridden;
    if from_attributes {
        ignored = ignored.iter().map(|m| embed::as_attributes(m)).collect();
        overridden = overridden.iter().map(|m| embed::as_attributes(m)).collect();
    }
    let notice = build_notice(&root, &ignored, &overridden, from_attributes)?;
    if let Some(note) = embed.as_ref().and_then(|e| e.options.note.as_deref()) {
        attrs(&append(&root, "p", note)?, &[("class", "embed-note")])?;
    }

    let grid = append(&root, "div", "")?;
    attrs(&grid, &[("class", "layout")])?;
    let form = append(&grid, "form", "")?;
    attrs(&form, &[("class", "controls"), ("aria-label", "Scenario")])?;
    listen(&form, "submit", |e: Event| e.prevent_default())?;
    let controls = controls::build(&form, &presets)?;
    if let Some(setup) = &embed {
        embed::keep_controls(&grid, &form, &controls, setup.options.controls)?;
    }
    let results = append(&grid, "div", "")?;
    attrs(&results, &[("class", "results")])?;
    let full_page = embed.is_none();
    let overlap = overlap::build(&results, &root, &grid, full_page)?;
    let derivatives = FullOnly::build(full_page, || {
        let labels: Vec<&str> = crate::derivatives::compare_labels();
        derivatives::build(&results, &labels)
    })?;
    let chart = chart::build(&results, &catalog, part::FULL && full_page)?;
    let sensitivity = match &embed {
        Some(setup) if !setup.options.sensitivity => None,
        _ => Some(sensitivity::build(&results, part::FULL && full_page)?),
    };
    let table = FullOnly::build(full_page, || table::build(&results, &catalog))?;
    let share = FullOnly::build(full_page, || share::build(&root))?;
    let sections = FullOnly::build(full_page, || {
        let area = append(&root, "div", "")?;
        attrs(&area, &[("class", "sections")])?;
        Ok(sections::Sections {
            check: check::build(&area, &catalog)?,
            timeline: timeline::build(&area)?,
            projection: projection::build(&area, extras.projection)?,
        })
    })?;
    let full_link = match &embed {
        Some(setup) => Some(embed::build_footer(&root, &setup.full_url)?),
        None => {
            let credit = append(&root, "p", "")?;
            attrs(&credit, &[("class", "credit")])?;
            credit.set_text_content(Some(&format!(
                "{ATTRIBUTION} {} models; latest publication {}. Compute figures are Epoch AI's estimates; \u{201c}undetermined\u{201d} means the public data cannot tell.",
                catalog.models.len(),
                catalog.latest_publication
            )));
            None
        }
    };

    // A link is described by what it changes in the preset it starts from:
    // the one it names, else the page's default view.
    let started_from = decoded.preset.unwrap_or(presets::DEFAULT_ID);
    let base_preset = presets.iter().position(|p| p.id == started_from);
    let scenario = decoded.scenario;
    let assessment = evaluate(&catalog, &scenario);
    let baseline = assessment.summary;
    let app = App {
        catalog,
        presets,
        base_preset,
        evaluated: Some(scenario.clone()),
        scenario,
        assessment,
        baseline,
        sweep_key: None,
        sweep: Vec::new(),
        controls,
        overlap,
        derivatives,
        chart,
        sensitivity,
        table,
        share,
        full_link,
        own_url: full_page,
        sections,
        table_stale: false,
        later: later::Later::default(),
        announce_generation: 0,
        last_control: None,
        rebase_due: false,
        pending_announce: None,
        root: root.clone(),
        notice,
        error_box,
    };
    let widget = Widget::new(app, widget_id);
    {
        let mut guard = widget.app.borrow_mut();
        let a = &mut *guard;
        a.render(None)?;
        if let Some(curve) = &a.sensitivity {
            curve.open_at(a.scenario.us.compute_threshold_flop)?;
        }
        // The first render names the labs at once: a reader, or a
        // screenshot, of the first view sees them.
        a.later.labs = false;
        a.name_labs()?;
        if let Some(table) = a.table.get_mut() {
            table.sort_by(&a.catalog, Column::Published)?;
            // The table's filter and sort from the link.
            table.restore(&a.catalog, &extras.table)?;
        }
        if extras.table != urlstate::check::TableView::default() {
            let matching = a.table.get().and_then(|t| t.matching());
            a.chart.highlight(matching)?;
        }
        if let (Some(form), Some(sections)) = (&extras.check, a.sections.get_mut()) {
            sections.check.fill(form)?;
            sections.check.run(&a.catalog, &a.scenario)?;
        }
        a.commit(false)?;
        // The address bar shows the whole state from the first render, so
        // that copying it shares exactly this view (and a link with bad
        // parameters keeps only what was understood). An embed leaves its
        // host's URL alone.
        if a.own_url {
            a.write_url()?;
        }
        // The share panel's snippets (an evaluation for their fallback)
        // follow the first paint; an embed's link to the full page is quick.
        a.later.links = a.share.is_some();
        if let Some(link) = &a.full_link {
            link.show(&urlstate::encode(&a.scenario));
        }
    }
    wire(&widget)?;
    later::wire(&widget)?;
    // Ids stay unique when several views share one document.
    dom::scope_ids(&root)?;
    if embed.as_ref().is_some_and(|e| e.post_height) {
        embed::post_height(&root)?;
    }
    root.set_attribute("data-ready", "true").map_err(js_err)?;
    // For scripts/bench.sh: time from navigation to the first full render.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        performance.mark("scope-explorer-ready").map_err(js_err)?;
    }
    Ok(())
}

/// The notice listing what was not used (the link's settings, or, for
/// `<scope-explorer>` (`from_attributes`), its attributes), and what
/// overrides a preset.
fn build_notice(
    root: &Element,
    ignored: &[String],
    overridden: &[String],
    from_attributes: bool,
) -> Res<Element> {
    let notice = append(root, "div", "")?;
    attrs(
        &notice,
        &[("id", "notice"), ("class", "notice"), ("role", "status")],
    )?;
    if !ignored.is_empty() {
        append(
            &notice,
            "p",
            if from_attributes {
                "Some of the element's attributes were not understood and were ignored:"
            } else {
                "Some settings in the link were not understood and were ignored:"
            },
        )?;
        let list = append(&notice, "ul", "")?;
        for message in ignored {
            append(&list, "li", message)?;
        }
    }
    for message in overridden {
        attrs(&append(&notice, "p", message)?, &[("class", "overridden")])?;
    }
    let dismiss = append(&notice, "button", "Dismiss")?;
    attrs(&dismiss, &[("type", "button"), ("id", "notice-dismiss")])?;
    set_hidden(&notice, ignored.is_empty() && overridden.is_empty())?;
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
            self.assessment = match &self.evaluated {
                // A US step keeps the EU verdicts.
                Some(before) => {
                    evaluate_after(&self.catalog, &self.scenario, before, &self.assessment)
                }
                None => evaluate(&self.catalog, &self.scenario),
            };
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
        self.overlap
            .show(&summary, &self.baseline, &self.scenario, dragging.is_some())?;
        if dragging.is_some() {
            self.overlap.cards.hold(true)?;
        }
        self.chart
            .show(&self.catalog, &self.assessment, &self.scenario)?;
        // The sweep does not depend on the US threshold itself: redo it only
        // when something else changed.
        let mut key = self.scenario.clone();
        key.us.compute_threshold_flop = 0.0;
        if let Some(curve) = &mut self.sensitivity {
            if self.sweep_key.as_ref() != Some(&key) {
                self.sweep = us_threshold_sweep(
                    &self.catalog,
                    &self.scenario,
                    sensitivity::LOW_EXP,
                    sensitivity::HIGH_EXP,
                    sensitivity::STEPS,
                );
                curve.draw(&self.sweep)?;
                self.sweep_key = Some(key);
            }
            curve.mark(
                self.scenario.us.compute_threshold_flop,
                &summary.us,
                self.scenario.use_estimates || self.scenario.compute_uncertainty,
            )?;
        }
        // The table is long: while a slider is held it waits for the
        // release (the commit) so that every step stays quick.
        if dragging.is_none() {
            if let Some(table) = self.table.get_mut() {
                table.show(&self.catalog, &self.assessment, &self.scenario)?;
            }
            self.show_on_release()?;
        }
        self.table_stale = dragging.is_some();
        if let Some(i) = self.chart.selected {
            self.inspect(Some(i))?;
        }
        Ok(())
    }

    /// What waits for a slider's release besides the table: the why of the
    /// undetermined (its length varies, and the page must not move under a
    /// held slider) and the derivative rules side by side (four more
    /// passes, after the paint: see `later`).
    fn show_on_release(&mut self) -> Res<()> {
        self.overlap.explain(&self.assessment, &self.scenario)?;
        // The labs' names follow the paint (a lab's name is an element of
        // its own, and a key press may change dozens).
        self.later.labs = true;
        if let Some(panel) = self.derivatives.get() {
            panel.busy(true)?;
            self.later.derivatives = true;
        }
        Ok(())
    }

    /// Names the labs each card counts.
    fn name_labs(&self) -> Res<()> {
        let named = crate::labs::labs(&self.catalog, &self.assessment.verdicts);
        self.overlap
            .cards
            .name(&self.assessment.summary, &named, &self.scenario)
    }

    /// The US counts under every derivative rule; the current rule's are
    /// the assessment's own.
    fn show_derivatives(&self) -> Res<()> {
        if let Some(panel) = self.derivatives.get() {
            panel.show(&crate::derivatives::compare_reusing(
                &self.catalog,
                &self.scenario,
                &self.assessment.summary.us,
            ))?;
            panel.busy(false)?;
        }
        Ok(())
    }

    /// Ends a change: the URL records it, screen readers hear the counts,
    /// and the next change is measured from here.
    fn commit(&mut self, write_url: bool) -> Res<()> {
        let summary = self.assessment.summary;
        self.later.sections = self.sections.is_some();
        if self.table_stale {
            if let Some(table) = self.table.get_mut() {
                table.show(&self.catalog, &self.assessment, &self.scenario)?;
            }
            self.show_on_release()?;
            self.table_stale = false;
        }
        if write_url {
            self.overlap.released(&summary, &self.baseline)?;
            self.url_later()?;
            // The share panel after the paint; an embed's full link now.
            self.later.links = self.share.is_some();
            if let Some(link) = &self.full_link {
                link.show(&urlstate::encode(&self.scenario));
            }
            // Announce and re-base the change count once the user pauses
            // (see `dispatch`), not on every key press.
            self.announce_generation += 1;
            self.pending_announce = Some(self.announce_generation);
            self.rebase_due = true;
        } else {
            self.baseline = summary;
        }
        Ok(())
    }

    /// The page's full link to the current scenario.
    fn link(&self) -> Res<String> {
        let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
        let location = window.location();
        Ok(format!(
            "{}{}?{}",
            location.origin().map_err(js_err)?,
            location.pathname().map_err(js_err)?,
            urlstate::encode(&self.scenario)
        ))
    }

    /// The table's filter or sort changed: the page's URL and the share
    /// panel's link follow (no history entry).
    pub(super) fn table_view_changed(&mut self) -> Res<()> {
        self.later.links = self.share.is_some();
        self.url_later()
    }

    /// What the page's link holds beside the scenario, each part led by
    /// `&`: the table's filter and sort, the check and the projection.
    pub(super) fn view_query(&self) -> String {
        format!("{}{}", self.table_query(), self.sections_query())
    }

    /// The table's filter and sort, led by `&` (empty without either).
    pub(super) fn table_query(&self) -> String {
        self.table
            .get()
            .map(|t| urlstate::check::encode_table(&t.view()))
            .filter(|q| !q.is_empty())
            .map_or(String::new(), |q| format!("&{q}"))
    }

    /// Records the scenario in the page's URL: in a new history entry
    /// after a change that adds one (`later::Entry`) and differs from the
    /// current URL, otherwise in the current entry.
    fn write_url(&mut self) -> Res<()> {
        self.later.url = false;
        let entry = self.later.adds_entry();
        let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
        let location = window.location();
        let url = format!(
            "{}?{}{}{}",
            location.pathname().map_err(js_err)?,
            urlstate::encode(&self.scenario),
            self.view_query(),
            location.hash().map_err(js_err)?
        );
        let history = window.history().map_err(js_err)?;
        let differs = || -> Res<bool> {
            let current = format!(
                "{}{}{}",
                location.pathname().map_err(js_err)?,
                location.search().map_err(js_err)?,
                location.hash().map_err(js_err)?
            );
            Ok(url != current)
        };
        if entry && differs()? {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        }
        .map_err(js_err)?;
        Ok(())
    }

    /// Back or Forward reached another entry of the page's history: shows
    /// the scenario its URL holds (the check and the sections keep theirs).
    fn follow_history(&mut self) -> Res<()> {
        let window = web_sys::window().ok_or_else(|| JsError::new("no window"))?;
        let search = window.location().search().map_err(js_err)?;
        let decoded = urlstate::decode(&search, &crate::web::default_scenario()?);
        // A change after Back starts a new branch of the history: even a
        // slider's first move adds an entry, not replacing this one.
        self.later.url_entry = None;
        self.later.last_entry = None;
        self.controls.discard_typing()?;
        self.scenario = decoded.scenario;
        self.render(None)?;
        self.commit(true)
    }

    /// After a pause: screen readers hear the counts, and the next change
    /// is measured from here.
    fn settle(&mut self) {
        let summary = self.assessment.summary;
        self.overlap.announce(&summary, &self.scenario);
        self.baseline = summary;
        self.rebase_due = false;
    }

    /// Before a change from `control`: when the last change came from
    /// another control and no pause has re-based the change line since,
    /// the next change is measured from the counts now shown, not from
    /// before the last one (a policy analyst tester typed a threshold
    /// within the pause after moving a slider, and the line compared it
    /// with the view before the slider moved).
    fn changing(&mut self, control: usize) {
        if self.rebase_due && self.last_control != Some(control) {
            self.baseline = self.assessment.summary;
            self.rebase_due = false;
        }
        self.last_control = Some(control);
    }

    /// Shows a model's details beside the chart (silently).
    fn inspect(&mut self, index: Option<usize>) -> Res<()> {
        let text = self.details_text(index);
        self.chart.select(index, &text, false)
    }

    /// Shows a lab's rows in the table (sorted by the regime whose card
    /// named it, covered first) and brings the table into view.
    fn show_lab(&mut self, name: &str, us: bool) -> Res<()> {
        // The name comes from the DOM: only a developer of the catalog.
        if !self.catalog.developers.iter().any(|d| d == name) {
            return Err(JsError::new(&format!("no developer named {name:?}")));
        }
        let Some(table) = self.table.get_mut() else {
            return Ok(());
        };
        let column = if us { Column::Us } else { Column::Eu };
        table.complete(&self.catalog)?;
        table.show_lab(&self.catalog, name, column)?;
        // The chart highlights the lab's models, as for a typed filter.
        let matching = table.matching();
        self.chart.highlight(matching)?;
        self.table_view_changed()
    }

    /// A model's details in words.
    fn details_text(&self, index: Option<usize>) -> String {
        index.map_or_else(String::new, |i| {
            presentation::model_details(&self.catalog, &self.assessment, &self.scenario, i)
        })
    }

    fn download(&self) -> Res<()> {
        // What the table shows: its filter and its order.
        let Some(table) = self.table.get() else {
            return Ok(());
        };
        let view = view::AssessmentView::for_models(
            &self.catalog,
            &self.assessment,
            &self.scenario,
            &table.shown_models(),
        );
        let csv = export::assessment_csv(&view, &self.link()?);
        self.save_csv(&csv, &export::file_name(None, &self.scenario, "csv"))
    }

    /// Downloads the sensitivity curve's figures (`export::sweep_csv`).
    fn download_curve(&self) -> Res<()> {
        // The full page's button: the embed's module leaves the CSV out.
        if !part::FULL {
            return Ok(());
        }
        let csv = export::sweep_csv(&self.sweep, &self.link()?);
        self.save_csv(
            &csv,
            &export::file_name(Some("curve"), &self.scenario, "csv"),
        )
    }

    /// Saves `csv` as a file named `name`.
    fn save_csv(&self, csv: &str, name: &str) -> Res<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(csv));
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
        link.set_download(name);
        link.click();
        web_sys::Url::revoke_object_url(&url).map_err(js_err)?;
        Ok(())
    }
}
