//! The model table: every model with both verdicts and their reasons in
//! words, sortable and filterable. It is the accessible twin of the chart.

use std::cmp::Ordering;

use wasm_bindgen::{JsCast, JsError};
use web_sys::{Element, HtmlInputElement};

use super::dom::{append, attrs, document_of, js_err, listen, set_attr, set_text, Res};
use crate::catalog::Catalog;
use crate::evaluate::{Assessment, Likelihood, ModelVerdict};
use crate::presentation::capitalised;
use crate::rules::eu::{self, EuVerdict};
use crate::rules::us::{UsStatus, UsVerdict};
use crate::scenario::{EuSettings, Scenario};
use crate::urlstate::check::TableView;
use crate::view::EstimateView;
use crate::{format, presentation};

mod reveal;
mod rows;

/// Columns the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Model,
    Developer,
    Published,
    Compute,
    Us,
    Eu,
}

impl Column {
    /// The column's name in a link's `tbl_sort`.
    fn key(self) -> &'static str {
        match self {
            Column::Model => "model",
            Column::Developer => "developer",
            Column::Published => "published",
            Column::Compute => "compute",
            Column::Us => "us",
            Column::Eu => "eu",
        }
    }

    /// The column a link's `tbl_sort` names.
    fn from_key(key: &str) -> Option<Column> {
        COLUMNS.iter().map(|(c, _)| *c).find(|c| c.key() == key)
    }
}

const COLUMNS: [(Column, &str); 6] = [
    (Column::Model, "Model"),
    (Column::Developer, "Developer"),
    (Column::Published, "Published"),
    (Column::Compute, "Training compute"),
    (Column::Us, "US candidate definition"),
    (Column::Eu, "EU AI Act"),
];

/// An element whose text and class the table sets, with what they are,
/// so that an update compares in Rust instead of reading the DOM back.
struct Shown {
    element: Element,
    text: String,
    class: &'static str,
}

impl Shown {
    fn new(element: Element) -> Shown {
        Shown {
            element,
            text: String::new(),
            class: "",
        }
    }

    /// Sets the text, where it differs.
    fn text(&mut self, text: String) {
        if self.text != text {
            self.element.set_text_content(Some(&text));
            self.text = text;
        }
    }

    /// Sets the class, where it differs.
    fn class(&mut self, class: &'static str) -> Res<()> {
        if self.class != class {
            self.element.set_attribute("class", class).map_err(js_err)?;
            self.class = class;
        }
        Ok(())
    }
}

/// What a row's verdict cells are written from: both verdicts, their
/// likelihoods, and the likelihood of the base's verdict its reason names.
type Shows = (
    UsVerdict,
    EuVerdict,
    Likelihood,
    Likelihood,
    Option<Likelihood>,
);

fn shows(v: &ModelVerdict) -> Shows {
    (
        v.us,
        v.eu,
        v.us_likelihood,
        v.eu_likelihood,
        v.us_base_likelihood,
    )
}

struct Row {
    tr: Element,
    /// The compute cell of a model with no figure of its own (an estimate
    /// or "undisclosed"), and what it shows.
    estimate: Option<(Element, String)>,
    us_status: Shown,
    us_reason: Shown,
    eu_status: Shown,
    eu_reason: Shown,
    search: String,
    /// The model's developer (`Model::developer_id`), for a lab's rows.
    developer: usize,
    last: Option<Shows>,
    /// Whether the row has the `hidden` attribute.
    hidden: bool,
    /// The row may not show the last scenario yet (see [`rows`]).
    stale: bool,
    /// In or near the table's view, as last observed.
    near: bool,
    /// [`rows::Lazy::eu_generation`] when the EU cell was written.
    eu_generation: u64,
    /// [`rows::Lazy::estimate_generation`] when the estimate cell was written.
    estimate_generation: u64,
}

/// The row every model's row is copied from: its cells, roles and the
/// spans of the two verdicts, without texts. Not in the document.
fn row_template(body: &Element) -> Res<Element> {
    let tr = document_of(body)?.create_element("tr").map_err(js_err)?;
    attrs(&tr, &[("role", "row")])?;
    attrs(
        &append(&tr, "th", "")?,
        &[("scope", "row"), ("role", "rowheader")],
    )?;
    for _ in 0..3 {
        attrs(&append(&tr, "td", "")?, &[("role", "cell")])?;
    }
    for _ in 0..2 {
        let verdict = append(&tr, "td", "")?;
        attrs(&verdict, &[("role", "cell")])?;
        append(&verdict, "span", "")?;
        attrs(
            &append(&verdict, "span", ": ")?,
            &[("class", "visually-hidden")],
        )?;
        attrs(&append(&verdict, "span", "")?, &[("class", "reason")])?;
    }
    Ok(tr)
}

/// What a filter keeps.
enum Keep {
    /// One developer's rows (`Model::developer_id`).
    Lab(usize),
    /// The rows whose model, developer or base model contains these
    /// (lower-case) words.
    Words(String),
}

impl Keep {
    fn keeps(&self, row: &Row) -> bool {
        match self {
            Keep::Lab(developer) => row.developer == *developer,
            Keep::Words(needle) => row.search.contains(needle.as_str()),
        }
    }
}

/// The table and its state.
pub struct ModelTable {
    pub filter: HtmlInputElement,
    pub sort_buttons: Vec<(Column, Element)>,
    body: Element,
    shown: Element,
    /// The live region that announces `shown`.
    heard: Element,
    rows: Vec<Row>,
    verdicts: Vec<Option<ModelVerdict>>,
    sort: (Column, bool),
    /// Where each catalog model's row sits in the table.
    position: Vec<usize>,
    eu_key: Option<(EuSettings, String)>,
    /// The scenario last shown, which stale rows are written from.
    scenario: Option<Scenario>,
    /// The scroll box around the table.
    wrap: Element,
    /// The lab whose name a card put in the filter, and its developer id:
    /// while the filter holds just that name, it keeps that developer's
    /// rows, not every row whose words contain it ("Meta" would also keep
    /// Saudi Aramco's "Aramco Metabrain AI").
    lab: Option<(String, usize)>,
    table: Element,
    lazy: rows::Lazy,
}

fn us_class(status: UsStatus) -> &'static str {
    match status {
        UsStatus::In => "verdict in",
        UsStatus::Out => "verdict out",
        UsStatus::Undetermined => "verdict undetermined",
    }
}

/// The first element after `section` (in the elements that follow it) that
/// takes keyboard focus.
fn first_focusable_after(section: &Element) -> Option<web_sys::HtmlElement> {
    const FOCUSABLE: &str = "summary, a[href], button, input, select, textarea, [tabindex='0']";
    let mut from = section.clone();
    loop {
        let mut next = from.next_element_sibling();
        while let Some(element) = next {
            if element.matches(FOCUSABLE).unwrap_or(false) {
                return element.dyn_into().ok();
            }
            if let Ok(Some(inner)) = element.query_selector(FOCUSABLE) {
                return inner.dyn_into().ok();
            }
            next = element.next_element_sibling();
        }
        from = from.parent_element()?;
    }
}

/// Builds the table into `parent`, one row per catalog model.
pub fn build(parent: &Element, catalog: &Catalog) -> Res<ModelTable> {
    let section = append(parent, "section", "")?;
    attrs(
        &section,
        &[("class", "models"), ("aria-labelledby", "models-title")],
    )?;
    attrs(
        &append(&section, "h2", "Every model, with the reasons")?,
        &[("id", "models-title")],
    )?;
    let tools = append(&section, "div", "")?;
    attrs(&tools, &[("class", "table-tools")])?;
    let label = append(&tools, "label", "Filter by model, developer or base model")?;
    attrs(&label, &[("for", "filter")])?;
    let filter: HtmlInputElement = append(&tools, "input", "")?.unchecked_into();
    attrs(
        &filter,
        &[
            ("type", "search"),
            ("id", "filter"),
            ("autocomplete", "off"),
        ],
    )?;
    // What the filter keeps, shown at once; a screen reader hears it
    // from a region of its own, written once typing pauses
    // (`App::filter_changed`), not at every key.
    let shown = append(&tools, "p", "")?;
    attrs(&shown, &[("id", "models-shown"), ("class", "hint")])?;
    let heard = append(&tools, "p", "")?;
    attrs(
        &heard,
        &[
            ("id", "models-heard"),
            ("class", "visually-hidden"),
            ("role", "status"),
        ],
    )?;
    let download = append(&tools, "button", "Download this table (CSV)")?;
    attrs(&download, &[("type", "button"), ("id", "download-csv")])?;
    // Every estimated figure in the table takes focus (its words show
    // there), so Tab crosses the table in a couple of hundred steps: a
    // button, seen on focus, jumps past it.
    let skip = append(&tools, "button", "Skip past the table")?;
    attrs(&skip, &[("type", "button"), ("class", "skip")])?;
    let after = section.clone();
    listen(&skip, "click", move |_| {
        if let Some(next) = first_focusable_after(&after) {
            let _ = next.focus();
        }
    })?;

    let wrap = append(&section, "div", "")?;
    attrs(
        &wrap,
        &[
            ("class", "scroll table-wrap"),
            ("role", "region"),
            ("aria-label", "Model table (scrolls)"),
        ],
    )?;
    // Explicit roles: the stylesheet lays rows out as grids (so the browser
    // can skip rows out of view), and the roles keep the table's semantics.
    let table = append(&wrap, "table", "")?;
    attrs(
        &table,
        &[
            ("id", "models-table"),
            ("role", "table"),
            ("aria-labelledby", "models-title"),
        ],
    )?;
    append(
        &table,
        "caption",
        "Sort with the column buttons. Training compute is the row's own figure or estimate, as Epoch AI records it (usually cumulative for a fine-tune, not always). A fine-tune's verdicts read at least its base model's compute plus its own fine-tuning: the reasons give the figure they read.",
    )?;
    let thead = append(&table, "thead", "")?;
    attrs(&thead, &[("role", "rowgroup")])?;
    let head = append(&thead, "tr", "")?;
    attrs(&head, &[("role", "row")])?;
    let mut sort_buttons = Vec::new();
    for (column, label) in COLUMNS {
        let th = append(&head, "th", "")?;
        attrs(
            &th,
            &[
                ("scope", "col"),
                ("role", "columnheader"),
                ("aria-sort", "none"),
            ],
        )?;
        let button = append(&th, "button", label)?;
        attrs(&button, &[("type", "button"), ("class", "sort")])?;
        sort_buttons.push((column, th));
    }
    let body = append(&table, "tbody", "")?;
    attrs(&body, &[("role", "rowgroup")])?;
    // One row is built element by element; every model's row is a deep
    // copy of it with its own texts, which takes a fraction of the calls.
    let template = row_template(&body)?;
    let mut rows = Vec::with_capacity(catalog.models.len());
    for model in &catalog.models {
        let tr: Element = template
            .clone_node_with_deep(true)
            .map_err(js_err)?
            .unchecked_into();
        let mut cells = Vec::with_capacity(6);
        let mut cell = tr.first_element_child();
        while let Some(c) = cell {
            cell = c.next_element_sibling();
            cells.push(c);
        }
        let [name, developer, published, compute, us, eu] = <[Element; 6]>::try_from(cells)
            .map_err(|_| JsError::new("the table's row template has the wrong cells"))?;
        name.set_text_content(Some(&model.name));
        if let Some(base) = model.base {
            let note = append(
                &name,
                "span",
                &format!("fine-tune of {}", catalog.models[base].name),
            )?;
            attrs(&note, &[("class", "note")])?;
        }
        developer.set_text_content(Some(&model.developer));
        published.set_text_content(Some(&model.publication_date.to_string()));
        // Three significant digits, more where fewer would round onto a
        // threshold (Inflection-2's 1.001 × 10²⁵ is not 1 × 10²⁵); "just
        // over" a round figure where the data is a hair off it.
        let text = match model.compute_flop {
            Some(flop) => format!(
                "{} ({})",
                format::flop_published(flop),
                model.compute_confidence.label()
            ),
            None => "undisclosed".to_string(),
        };
        compute.set_text_content(Some(&text));
        let estimate = if model.compute_flop.is_none() {
            attrs(&compute, &[("class", "undisclosed")])?;
            Some((compute, text))
        } else {
            None
        };
        let parts = |cell: &Element| -> Res<(Shown, Shown)> {
            let status = cell.first_element_child();
            let reason = cell.last_element_child();
            match (status, reason) {
                (Some(status), Some(reason)) => Ok((Shown::new(status), Shown::new(reason))),
                _ => Err(JsError::new(
                    "the table's row template has no verdict spans",
                )),
            }
        };
        let (us_status, us_reason) = parts(&us)?;
        let (eu_status, eu_reason) = parts(&eu)?;
        body.append_child(&tr).map_err(js_err)?;
        rows.push(Row {
            tr,
            estimate,
            us_status,
            us_reason,
            eu_status,
            eu_reason,
            // A fine-tune is found by its base model's name too: "405B"
            // finds the fine-tunes of Llama 3.1-405B.
            search: format!(
                "{} {} {}",
                model.name,
                model.developer,
                model.base.map_or("", |b| catalog.models[b].name.as_str())
            )
            .to_lowercase(),
            developer: model.developer_id,
            last: None,
            hidden: false,
            stale: false,
            near: false,
            eu_generation: 0,
            estimate_generation: 0,
        });
    }
    Ok(ModelTable {
        filter,
        sort_buttons,
        body,
        shown,
        heard,
        rows,
        verdicts: vec![None; catalog.models.len()],
        position: (0..catalog.models.len()).collect(),
        // The first sort by date reverses this: newest first.
        sort: (Column::Published, true),
        eu_key: None,
        scenario: None,
        wrap,
        lab: None,
        table,
        lazy: rows::Lazy::default(),
    })
}

impl ModelTable {
    /// Shows an assessment. Only rows whose verdicts (or the settings their
    /// words depend on) changed are rewritten: those in or near the table's
    /// view at once, the others in the background (see [`rows`]).
    pub fn show(
        &mut self,
        catalog: &Catalog,
        assessment: &Assessment,
        scenario: &Scenario,
    ) -> Res<()> {
        let eu_key = (scenario.eu, scenario.as_of.to_string());
        if self.eu_key.as_ref() != Some(&eu_key) {
            self.eu_key = Some(eu_key);
            self.lazy.eu_generation += 1;
        }
        let estimate_key = (scenario.use_estimates, scenario.estimate_level.to_bits());
        if self.lazy.estimate_key != Some(estimate_key) {
            self.lazy.estimate_key = Some(estimate_key);
            self.lazy.estimate_generation += 1;
        }
        self.scenario = Some(scenario.clone());
        self.verdicts.iter_mut().for_each(|v| *v = None);
        for v in &assessment.verdicts {
            self.verdicts[v.model] = Some(*v);
        }
        self.mark_stale();
        self.render_near(catalog)?;
        self.apply_filter()
    }

    /// Writes row `i`'s estimate and verdict cells for the last scenario
    /// shown, where they changed since they were last written.
    fn render_row(&mut self, catalog: &Catalog, i: usize) -> Res<()> {
        let (Some(v), Some(scenario)) = (self.verdicts[i], self.scenario.as_ref()) else {
            return Ok(());
        };
        let (eu_generation, estimate_generation) =
            (self.lazy.eu_generation, self.lazy.estimate_generation);
        let row = &mut self.rows[i];
        row.stale = false;
        if let Some((cell, shown)) = &mut row.estimate {
            if row.estimate_generation != estimate_generation {
                row.estimate_generation = estimate_generation;
                let estimate = EstimateView::of(catalog, v.model, scenario);
                let text = estimate
                    .as_ref()
                    .map_or_else(|| "undisclosed".to_string(), EstimateView::short);
                if *shown != text {
                    cell.set_text_content(Some(&text));
                    match estimate {
                        // The interval in words on hover (title) and on
                        // focus: the cell takes focus and shows them below
                        // its text (style.css), and a screen reader reads them.
                        Some(e) => {
                            set_attr(cell, "title", &e.words)?;
                            set_attr(cell, "data-words", &e.words)?;
                            set_attr(cell, "tabindex", "0")?;
                            set_attr(cell, "aria-label", &format!("{text}. {}", e.words))?;
                        }
                        None => {
                            for name in ["title", "data-words", "tabindex", "aria-label"] {
                                cell.remove_attribute(name).map_err(js_err)?;
                            }
                        }
                    }
                    *shown = text;
                }
            }
        }
        let (us_same, eu_same) = match row.last {
            Some((us, eu, us_likely, eu_likely, us_base)) => (
                us == v.us && us_likely == v.us_likelihood && us_base == v.us_base_likelihood,
                eu == v.eu && eu_likely == v.eu_likelihood && row.eu_generation == eu_generation,
            ),
            None => (false, false),
        };
        if !us_same {
            row.us_status
                .text(presentation::us_status_words(v.us.status, v.us_likelihood));
            row.us_status
                .class(us_class(presentation::us_counted_status(
                    v.us.status,
                    v.us_likelihood,
                )))?;
            row.us_reason.text(v.us_reason(catalog));
        }
        if !eu_same {
            let status = match v.eu_likelihood {
                Likelihood::LikelyIn | Likelihood::LikelyOut | Likelihood::Borderline => {
                    format!(
                        "{}: {}",
                        capitalised(v.eu_likelihood.label()),
                        presentation::eu_status_words(v.eu.status, scenario.eu.compare)
                    )
                }
                _ => capitalised(presentation::eu_status_words(
                    v.eu.status,
                    scenario.eu.compare,
                )),
            };
            row.eu_status.text(status);
            row.eu_status.class(presentation::eu_status_class(
                v.eu.status,
                scenario.eu.compare,
            ))?;
            let why = v.eu_reason(catalog, &scenario.eu);
            let text = match eu::timing(catalog, v.model, v.eu.status, scenario.as_of) {
                Some(timing) => format!("{why}. {}.", capitalised(timing)),
                None => why,
            };
            row.eu_reason.text(text);
        }
        row.eu_generation = eu_generation;
        row.last = Some(shows(&v));
        Ok(())
    }

    /// What the filter keeps: a lab's rows while it holds the name a card
    /// put there, otherwise the rows whose words contain its text (any
    /// case); `None` when it is empty.
    fn keeper(&self) -> Option<Keep> {
        let text = self.filter.value().trim().to_string();
        match &self.lab {
            Some((name, developer)) if *name == text => Some(Keep::Lab(*developer)),
            _ if text.is_empty() => None,
            _ => Some(Keep::Words(text.to_lowercase())),
        }
    }

    /// What a link keeps of the table: its filter (a lab's rows or words)
    /// and its sort.
    pub fn view(&self) -> TableView {
        let text = self.filter.value().trim().to_string();
        let lab = self
            .lab
            .as_ref()
            .filter(|(name, _)| *name == text)
            .map(|(name, _)| name.clone());
        TableView {
            words: (lab.is_none() && !text.is_empty()).then_some(text),
            lab,
            sort: Some((self.sort.0.key(), self.sort.1)),
        }
    }

    /// Shows the view a link gives: a lab's rows (a developer of the
    /// catalog: the page checks it first) or the words, then the sort.
    pub fn restore(&mut self, catalog: &Catalog, view: &TableView) -> Res<()> {
        match (&view.lab, &view.words) {
            (Some(name), _) => {
                if let Some(developer) = catalog.developers.iter().position(|d| d == name) {
                    self.lab = Some((name.clone(), developer));
                    self.filter.set_value(name);
                }
            }
            (None, Some(words)) => self.filter.set_value(words),
            (None, None) => {}
        }
        self.apply_filter()?;
        if let Some((column, ascending)) = view
            .sort
            .and_then(|(k, a)| Column::from_key(k).map(|c| (c, a)))
        {
            self.sort_to(catalog, column, ascending)?;
        }
        Ok(())
    }

    /// The filter was typed in: it keeps rows by their words again, even
    /// when the text typed is a lab's name.
    pub fn filter_typed(&mut self) {
        self.lab = None;
    }

    /// Hides rows that do not match the filter or are not yet published,
    /// and says how many are shown (announced at once).
    pub fn apply_filter(&mut self) -> Res<()> {
        self.apply_filter_quietly()?;
        self.announce_shown();
        Ok(())
    }

    /// Announces what `apply_filter_quietly` wrote, if it is news.
    pub fn announce_shown(&self) {
        if let Some(text) = self.shown.text_content() {
            set_text(&self.heard, &text);
        }
    }

    /// [`Self::apply_filter`], not yet announced: for a filter being typed.
    pub fn apply_filter_quietly(&mut self) -> Res<()> {
        let keep = self.keeper();
        let mut shown = 0;
        let mut published = 0;
        for (row, verdict) in self.rows.iter_mut().zip(&self.verdicts) {
            let visible = verdict.is_some() && keep.as_ref().map_or(true, |k| k.keeps(row));
            published += usize::from(verdict.is_some());
            shown += usize::from(visible);
            if row.hidden == visible {
                if visible {
                    row.tr.remove_attribute("hidden").map_err(js_err)?;
                } else {
                    row.tr.set_attribute("hidden", "").map_err(js_err)?;
                }
                row.hidden = !visible;
            }
        }
        let text = self.filter.value();
        let text = text.trim();
        set_text(
            &self.shown,
            &match keep {
                Some(Keep::Lab(_)) => format!(
                    "Showing {shown} of {published} models published by the as-of date: \
                     those whose developer is \u{201c}{text}\u{201d}."
                ),
                Some(Keep::Words(_)) if shown == 0 => {
                    format!("No model, developer or base model matches \u{201c}{text}\u{201d}.")
                }
                _ => format!("Showing {shown} of {published} models published by the as-of date."),
            },
        );
        Ok(())
    }

    /// The catalog indices of the rows shown, in the order shown.
    pub fn shown_models(&self) -> Vec<usize> {
        let mut shown: Vec<usize> = (0..self.rows.len())
            .filter(|i| !self.rows[*i].hidden)
            .collect();
        shown.sort_by_key(|i| self.position[*i]);
        shown
    }

    /// Sorts by `column`; the same column again reverses the order.
    pub fn sort_by(&mut self, catalog: &Catalog, column: Column) -> Res<()> {
        let ascending = if self.sort.0 == column {
            !self.sort.1
        } else {
            true
        };
        self.sort_to(catalog, column, ascending)
    }

    /// Shows one lab's rows: the filter holds its name, and its rows sort
    /// by `column` (a regime's verdict), covered first.
    pub fn show_lab(&mut self, catalog: &Catalog, name: &str, column: Column) -> Res<()> {
        let developer = catalog
            .developers
            .iter()
            .position(|d| d == name)
            .ok_or_else(|| JsError::new(&format!("no developer named {name:?}")))?;
        self.lab = Some((name.to_string(), developer));
        self.filter.set_value(name);
        self.apply_filter()?;
        self.sort_to(catalog, column, true)?;
        // Bring the table's heading to the top, and focus there (as a link
        // within a page does), so that Tab continues into the table.
        if let Some(title) = self
            .filter
            .closest("section")
            .map_err(js_err)?
            .and_then(|s| s.query_selector("h2").ok().flatten())
        {
            set_attr(&title, "tabindex", "-1")?;
            title.scroll_into_view();
            if let Some(title) = title.dyn_ref::<web_sys::HtmlElement>() {
                title.focus().map_err(js_err)?;
            }
        }
        Ok(())
    }

    /// Sorts by `column`, ascending or not.
    pub fn sort_to(&mut self, catalog: &Catalog, column: Column, ascending: bool) -> Res<()> {
        self.sort = (column, ascending);
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        // The figure the compute column shows: the row's own, or with
        // estimates on its estimate's central value (or a bound alone).
        let shown_compute: Vec<Option<f64>> = match (column, self.scenario.as_ref()) {
            (Column::Compute, Some(scenario)) => (0..catalog.models.len())
                .map(|i| {
                    catalog.models[i].compute_flop.or_else(|| {
                        EstimateView::of(catalog, i, scenario)
                            .and_then(|e| e.central.or(e.low).or(e.high))
                    })
                })
                .collect(),
            _ => catalog.models.iter().map(|m| m.compute_flop).collect(),
        };
        let key = |i: &usize, j: &usize| -> Ordering {
            let (a, b) = (&catalog.models[*i], &catalog.models[*j]);
            match column {
                Column::Model => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                Column::Developer => a.developer.cmp(&b.developer),
                Column::Published => a.publication_date.cmp(&b.publication_date),
                Column::Compute => shown_compute[*i]
                    .partial_cmp(&shown_compute[*j])
                    .unwrap_or(Ordering::Equal),
                // Covered first, undetermined last, in both regimes.
                Column::Us => {
                    let rank =
                        |v: &Option<ModelVerdict>| v.map(|v| presentation::us_rank(v.us.status));
                    rank(&self.verdicts[*i]).cmp(&rank(&self.verdicts[*j]))
                }
                Column::Eu => {
                    let rank =
                        |v: &Option<ModelVerdict>| v.map(|v| presentation::eu_rank(v.eu.status));
                    rank(&self.verdicts[*i]).cmp(&rank(&self.verdicts[*j]))
                }
            }
        };
        order.sort_by(|i, j| {
            // A row without any figure ("undisclosed") comes last either way.
            if column == Column::Compute {
                let none = |k: &usize| shown_compute[*k].is_none();
                if none(i) != none(j) {
                    return none(i).cmp(&none(j));
                }
            }
            let o = key(i, j).then_with(|| catalog.models[*i].name.cmp(&catalog.models[*j].name));
            if ascending {
                o
            } else {
                o.reverse()
            }
        });
        for (place, i) in order.into_iter().enumerate() {
            self.body.append_child(&self.rows[i].tr).map_err(js_err)?;
            self.position[i] = place;
        }
        // Before the browser reports the view, the top rows count as in it.
        self.render_near(catalog)?;
        for (c, th) in &self.sort_buttons {
            let value = match (*c == column, ascending) {
                (false, _) => "none",
                (true, true) => "ascending",
                (true, false) => "descending",
            };
            set_attr(th, "aria-sort", value)?;
        }
        Ok(())
    }
}
