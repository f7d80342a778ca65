//! The model table: every model with both verdicts and their reasons in
//! words, sortable and filterable. It is the accessible twin of the chart.

use std::cmp::Ordering;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom::{append, attrs, js_err, set_attr, set_hidden, set_text, Res};
use crate::catalog::Catalog;
use crate::evaluate::{Assessment, Likelihood, ModelVerdict};
use crate::rules::eu::{self, EuStatus, EuVerdict};
use crate::rules::us::{UsStatus, UsVerdict};
use crate::scenario::{EuSettings, Scenario};
use crate::view::EstimateView;
use crate::{format, presentation};

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

const COLUMNS: [(Column, &str); 6] = [
    (Column::Model, "Model"),
    (Column::Developer, "Developer"),
    (Column::Published, "Published"),
    (Column::Compute, "Training compute"),
    (Column::Us, "US candidate definition"),
    (Column::Eu, "EU AI Act"),
];

struct Row {
    tr: Element,
    /// The compute cell of a model with no figure of its own (an estimate
    /// or "undisclosed"), and what it shows.
    estimate: Option<(Element, String)>,
    us_status: Element,
    us_reason: Element,
    eu_status: Element,
    eu_reason: Element,
    search: String,
    last: Option<(UsVerdict, EuVerdict, Likelihood, Likelihood)>,
}

/// The table and its state.
pub struct ModelTable {
    pub filter: HtmlInputElement,
    pub sort_buttons: Vec<(Column, Element)>,
    body: Element,
    shown: Element,
    rows: Vec<Row>,
    verdicts: Vec<Option<ModelVerdict>>,
    sort: (Column, bool),
    /// Where each catalog model's row sits in the table.
    position: Vec<usize>,
    eu_key: Option<(EuSettings, String)>,
}

fn us_class(status: UsStatus) -> &'static str {
    match status {
        UsStatus::In => "verdict in",
        UsStatus::Out => "verdict out",
        UsStatus::Undetermined => "verdict undetermined",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn eu_class(status: EuStatus) -> &'static str {
    match status {
        EuStatus::NotGpai => "verdict out",
        EuStatus::NotNewModel => "verdict out",
        EuStatus::Gpai | EuStatus::GpaiRiskUndetermined => "verdict gpai",
        EuStatus::SystemicRisk => "verdict in",
        EuStatus::Undetermined => "verdict undetermined",
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
    let label = append(&tools, "label", "Filter by model or developer")?;
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
    let shown = append(&tools, "p", "")?;
    attrs(
        &shown,
        &[
            ("id", "models-shown"),
            ("class", "hint"),
            ("role", "status"),
        ],
    )?;
    let download = append(&tools, "button", "Download this table (CSV)")?;
    attrs(&download, &[("type", "button"), ("id", "download-csv")])?;

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
        "Sort with the column buttons. Training compute is cumulative for fine-tunes, as Epoch AI records it.",
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
    let mut rows = Vec::with_capacity(catalog.models.len());
    for model in &catalog.models {
        let tr = append(&body, "tr", "")?;
        attrs(&tr, &[("role", "row")])?;
        let name = append(&tr, "th", &model.name)?;
        attrs(&name, &[("scope", "row"), ("role", "rowheader")])?;
        if let Some(base) = model.base {
            let note = append(
                &name,
                "span",
                &format!("fine-tune of {}", catalog.models[base].name),
            )?;
            attrs(&note, &[("class", "note")])?;
        }
        attrs(&append(&tr, "td", &model.developer)?, &[("role", "cell")])?;
        attrs(
            &append(&tr, "td", &model.publication_date.to_string())?,
            &[("role", "cell")],
        )?;
        let compute = match model.compute_flop {
            Some(flop) => format!(
                "{} ({})",
                format::flop(flop),
                model.compute_confidence.label()
            ),
            None => "undisclosed".to_string(),
        };
        let cell = append(&tr, "td", &compute)?;
        attrs(&cell, &[("role", "cell")])?;
        let estimate = if model.compute_flop.is_none() {
            attrs(&cell, &[("class", "undisclosed")])?;
            Some((cell, compute))
        } else {
            None
        };
        let us = append(&tr, "td", "")?;
        attrs(&us, &[("role", "cell")])?;
        let us_status = append(&us, "span", "")?;
        attrs(&append(&us, "span", ": ")?, &[("class", "visually-hidden")])?;
        let us_reason = append(&us, "span", "")?;
        attrs(&us_reason, &[("class", "reason")])?;
        let eu = append(&tr, "td", "")?;
        attrs(&eu, &[("role", "cell")])?;
        let eu_status = append(&eu, "span", "")?;
        attrs(&append(&eu, "span", ": ")?, &[("class", "visually-hidden")])?;
        let eu_reason = append(&eu, "span", "")?;
        attrs(&eu_reason, &[("class", "reason")])?;
        rows.push(Row {
            tr,
            estimate,
            us_status,
            us_reason,
            eu_status,
            eu_reason,
            search: format!("{} {}", model.name, model.developer).to_lowercase(),
            last: None,
        });
    }
    Ok(ModelTable {
        filter,
        sort_buttons,
        body,
        shown,
        rows,
        verdicts: vec![None; catalog.models.len()],
        position: (0..catalog.models.len()).collect(),
        // The first sort by date reverses this: newest first.
        sort: (Column::Published, true),
        eu_key: None,
    })
}

impl ModelTable {
    /// Shows an assessment: verdict cells change only where a verdict did.
    pub fn show(
        &mut self,
        catalog: &Catalog,
        assessment: &Assessment,
        scenario: &Scenario,
    ) -> Res<()> {
        let eu_key = (scenario.eu, scenario.as_of.to_string());
        let eu_changed = self.eu_key.as_ref() != Some(&eu_key);
        self.eu_key = Some(eu_key);
        self.verdicts.iter_mut().for_each(|v| *v = None);
        for v in &assessment.verdicts {
            self.verdicts[v.model] = Some(*v);
            let row = &mut self.rows[v.model];
            if let Some((cell, shown)) = &mut row.estimate {
                let estimate = EstimateView::of(catalog, v.model, scenario);
                let text = estimate
                    .as_ref()
                    .map_or_else(|| "undisclosed".to_string(), EstimateView::short);
                if *shown != text {
                    set_text(cell, &text);
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
            let (us_same, eu_same) = match row.last {
                Some((us, eu, us_likely, eu_likely)) => (
                    us == v.us && us_likely == v.us_likelihood,
                    eu == v.eu && eu_likely == v.eu_likelihood && !eu_changed,
                ),
                None => (false, false),
            };
            if !us_same {
                set_text(&row.us_status, &capitalised(v.us_likelihood.label()));
                set_attr(&row.us_status, "class", us_class(v.us.status))?;
                set_text(&row.us_reason, &v.us_reason(catalog));
            }
            if !eu_same {
                let status = match v.eu_likelihood {
                    Likelihood::LikelyIn | Likelihood::LikelyOut | Likelihood::Borderline => {
                        format!(
                            "{}: {}",
                            capitalised(v.eu_likelihood.label()),
                            v.eu.status.label()
                        )
                    }
                    _ => capitalised(v.eu.status.label()),
                };
                set_text(&row.eu_status, &status);
                set_attr(&row.eu_status, "class", eu_class(v.eu.status))?;
                let why = v.eu.describe(catalog, &scenario.eu);
                let text = match eu::timing(catalog, v.model, v.eu.status, scenario.as_of) {
                    Some(timing) => format!("{why}. {}.", capitalised(timing)),
                    None => why,
                };
                set_text(&row.eu_reason, &text);
            }
            row.last = Some((v.us, v.eu, v.us_likelihood, v.eu_likelihood));
        }
        self.apply_filter()
    }

    /// Hides rows that do not match the filter or are not yet published.
    pub fn apply_filter(&self) -> Res<()> {
        let needle = self.filter.value().trim().to_lowercase();
        let mut shown = 0;
        let mut published = 0;
        for (row, verdict) in self.rows.iter().zip(&self.verdicts) {
            let visible = verdict.is_some() && (needle.is_empty() || row.search.contains(&needle));
            published += usize::from(verdict.is_some());
            shown += usize::from(visible);
            set_hidden(&row.tr, !visible)?;
        }
        set_text(
            &self.shown,
            &if shown == 0 && !needle.is_empty() {
                format!(
                    "No model or developer matches \u{201c}{}\u{201d}.",
                    self.filter.value().trim()
                )
            } else {
                format!("Showing {shown} of {published} models published by the as-of date.")
            },
        );
        Ok(())
    }

    /// The catalog indices of the rows shown, in the order shown.
    pub fn shown_models(&self) -> Vec<usize> {
        let mut shown: Vec<usize> = (0..self.rows.len())
            .filter(|i| !self.rows[*i].tr.has_attribute("hidden"))
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
        self.sort = (column, ascending);
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        let key = |i: &usize, j: &usize| -> Ordering {
            let (a, b) = (&catalog.models[*i], &catalog.models[*j]);
            match column {
                Column::Model => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
                Column::Developer => a.developer.cmp(&b.developer),
                Column::Published => a.publication_date.cmp(&b.publication_date),
                Column::Compute => a
                    .compute_flop
                    .partial_cmp(&b.compute_flop)
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
