//! The derivative question at a glance: the US counts under each rule for
//! fine-tuned derivatives, at the current thresholds, the current rule
//! marked (computed by `crate::derivatives::compare`).

use web_sys::Element;

use super::dom::{append, attrs, js_err, set_text, Res};
use crate::derivatives::RuleReach;

/// One row's cells.
struct Row {
    row: Element,
    models: Element,
    developers: Element,
    undetermined: Element,
}

/// The comparison's elements.
pub struct DerivativePanel {
    rows: Vec<Row>,
    table: Element,
}

/// "8" or "about 8 (6–42)".
fn ranged(central: usize, low: usize, high: usize) -> String {
    if low == high {
        central.to_string()
    } else {
        format!("about {central} ({low}\u{2013}{high})")
    }
}

/// Builds the comparison into `parent`, one row per rule in `labels`.
pub fn build(parent: &Element, labels: &[&str]) -> Res<DerivativePanel> {
    let section = append(parent, "section", "")?;
    attrs(&section, &[("class", "derivatives")])?;
    append(
        &section,
        "h2",
        "Fine-tuned derivatives: the US count under each rule",
    )?;
    let wrap = append(&section, "div", "")?;
    attrs(&wrap, &[("class", "scroll")])?;
    let table = append(&wrap, "table", "")?;
    // On a phone each row stacks, each count under its column's label
    // (style.css), so no column is cut off in a sideways scroll.
    attrs(&table, &[("class", "rules stack")])?;
    let caption = append(
        &table,
        "caption",
        "At the current thresholds, how many models and developers the US definition covers under each rule for fine-tunes (ranges over the estimates' readings). The current rule is marked; the rule is chosen with \u{201c}Fine-tuned derivatives\u{201d} in the US definition.",
    )?;
    attrs(&caption, &[("class", "hint")])?;
    let head = append(&append(&table, "thead", "")?, "tr", "")?;
    for label in [
        "Rule for fine-tunes",
        "Models in",
        "Developers in",
        "Models undetermined",
    ] {
        attrs(&append(&head, "th", label)?, &[("scope", "col")])?;
    }
    let body = append(&table, "tbody", "")?;
    let rows = labels
        .iter()
        .map(|label| {
            let row = append(&body, "tr", "")?;
            attrs(&append(&row, "th", label)?, &[("scope", "row")])?;
            let cell = |label: &str| -> Res<Element> {
                let td = append(&row, "td", "")?;
                attrs(&td, &[("data-label", label)])?;
                Ok(td)
            };
            Ok(Row {
                models: cell("Models in")?,
                developers: cell("Developers in")?,
                undetermined: cell("Models undetermined")?,
                row,
            })
        })
        .collect::<Res<Vec<Row>>>()?;
    Ok(DerivativePanel { rows, table })
}

impl DerivativePanel {
    /// Marks the counts as out of date (`aria-busy`) until `show` brings
    /// them up to date, after the paint.
    pub fn busy(&self, busy: bool) -> Res<()> {
        if busy {
            self.table.set_attribute("aria-busy", "true")
        } else {
            self.table.remove_attribute("aria-busy")
        }
        .map_err(js_err)
    }

    /// Shows the counts of every rule, in the order the panel was built.
    pub fn show(&self, reach: &[RuleReach]) -> Res<()> {
        for (row, r) in self.rows.iter().zip(reach) {
            let us = &r.us;
            set_text(
                &row.models,
                &ranged(us.models_in, us.models_low, us.models_high),
            );
            set_text(
                &row.developers,
                &ranged(us.developers_in, us.developers_low, us.developers_high),
            );
            set_text(&row.undetermined, &us.models_undetermined.to_string());
            if r.current {
                attrs(
                    &row.row,
                    &[("class", "current-rule"), ("aria-current", "true")],
                )?;
            } else {
                row.row.remove_attribute("class").map_err(js_err)?;
                row.row.remove_attribute("aria-current").map_err(js_err)?;
            }
        }
        Ok(())
    }
}
