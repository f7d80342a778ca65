//! The check's results in words and small tables: verdicts under the
//! scenario and every preset, the threshold it reaches, its EU tier, and
//! the derivative case. Every text goes in through `textContent`.

use web_sys::Element;

use super::dom::{append, attrs, Res};
use crate::check::{CheckReport, ScenarioVerdict};

/// The verdicts table's columns; on a phone each cell stacks under its
/// label (`data-label`, shown by the stylesheet).
const COLUMNS: [&str; 5] = ["Scenario", "US", "Why (US)", "EU", "Why (EU)"];

/// One cell with its column's label for the stacked layout.
fn cell(tr: &Element, column: usize, text: &str, class: &str) -> Res<Element> {
    let td = append(tr, "td", text)?;
    attrs(&td, &[("class", class), ("data-label", COLUMNS[column])])?;
    Ok(td)
}

fn row(body: &Element, verdict: &ScenarioVerdict) -> Res<()> {
    let v = &verdict.verdict;
    let tr = append(body, "tr", "")?;
    attrs(&append(&tr, "th", &verdict.name)?, &[("scope", "row")])?;
    let us = cell(
        &tr,
        1,
        &verdict.us_words,
        &format!("ck-verdict v-{}", v.us.label().replace(' ', "-")),
    )?;
    attrs(&us, &[("data-col", "us")])?;
    cell(&tr, 2, &v.us_reason, "ck-reason")?;
    let eu = cell(&tr, 3, &verdict.eu_words, "ck-verdict")?;
    attrs(&eu, &[("data-col", "eu")])?;
    let eu_reason = match v.eu_timing {
        Some(timing) => format!("{} ({timing})", v.eu_reason),
        None => v.eu_reason.clone(),
    };
    cell(&tr, 4, &eu_reason, "ck-reason")?;
    Ok(())
}

/// Replaces `results`' content with `report`.
pub(super) fn show(results: &Element, report: &CheckReport) -> Res<()> {
    results.set_text_content(None);
    append(results, "h3", &format!("{}: the verdicts", report.name))?;
    // A date after the as-of date is said once, in the notes below (with
    // the date the rules read), not also in a line of its own.
    if !report.notes.is_empty() {
        let list = append(results, "ul", "")?;
        attrs(&list, &[("class", "check-notes")])?;
        for note in &report.notes {
            append(
                &list,
                "li",
                &format!(
                    "{}: {}.",
                    crate::check::text::field_label(note.field),
                    note.message
                ),
            )?;
        }
    }
    let compute = append(
        results,
        "p",
        &format!("Training compute the rules read: {}.", report.compute_words),
    )?;
    attrs(&compute, &[("class", "check-compute")])?;
    let reach = append(results, "p", &report.reach_words)?;
    attrs(&reach, &[("class", "check-reach")])?;
    let tier = append(
        results,
        "p",
        // As the first row of the table below says it ("Borderline: GPAI
        // with systemic risk"), not the bare tier.
        &format!("EU tier under your scenario: {}.", report.current.eu_words),
    )?;
    attrs(&tier, &[("class", "check-tier")])?;
    if let Some(duties) = &report.eu_duties {
        attrs(&append(results, "p", duties)?, &[("class", "check-duties")])?;
    }
    // The results as text for a memo, with the link (the click is wired
    // on the results' box: `sections::wire`).
    let copy = append(results, "p", "")?;
    attrs(&copy, &[("class", "check-copy")])?;
    attrs(
        &append(&copy, "button", "Copy these results as text")?,
        &[("type", "button"), ("data-action", "copy-results")],
    )?;
    attrs(
        &append(&copy, "span", "")?,
        &[("class", "hint copy-status"), ("role", "status")],
    )?;
    let wrap = append(results, "div", "")?;
    attrs(&wrap, &[("class", "scroll")])?;
    let table = append(&wrap, "table", "")?;
    attrs(&table, &[("class", "check-verdicts stack")])?;
    append(
        &table,
        "caption",
        "Both regimes' verdicts, with their reasons, under your scenario and under every preset",
    )?;
    let head = append(&append(&table, "thead", "")?, "tr", "")?;
    for h in COLUMNS {
        attrs(&append(&head, "th", h)?, &[("scope", "col")])?;
    }
    let body = append(&table, "tbody", "")?;
    row(&body, &report.current)?;
    for p in &report.presets {
        row(&body, p)?;
    }
    if let Some(d) = &report.derivative {
        append(results, "h3", &format!("As a fine-tune of {}", d.base))?;
        let eu = append(results, "p", &format!("EU: {}", d.eu_words))?;
        attrs(&eu, &[("class", "check-eu-derivative")])?;
        let wrap = append(results, "div", "")?;
        attrs(&wrap, &[("class", "scroll")])?;
        let table = append(&wrap, "table", "")?;
        attrs(&table, &[("class", "check-rules stack")])?;
        append(
            &table,
            "caption",
            "What each US rule for fine-tunes says (the rest of your definition as it is)",
        )?;
        let head = append(&append(&table, "thead", "")?, "tr", "")?;
        for h in ["Rule", "US", "Why"] {
            attrs(&append(&head, "th", h)?, &[("scope", "col")])?;
        }
        let body = append(&table, "tbody", "")?;
        for r in &d.us_rules {
            let tr = append(&body, "tr", "")?;
            let label = if r.current {
                format!("{} (your rule)", r.label)
            } else {
                r.label.clone()
            };
            attrs(&append(&tr, "th", &label)?, &[("scope", "row")])?;
            attrs(
                &append(&tr, "td", r.status)?,
                &[
                    ("data-rule", r.rule),
                    ("class", "ck-verdict"),
                    ("data-label", "US"),
                ],
            )?;
            attrs(
                &append(&tr, "td", &r.reason)?,
                &[("class", "ck-reason"), ("data-label", "Why")],
            )?;
        }
    }
    Ok(())
}
