//! The check's results in words and small tables: verdicts under the
//! scenario and every preset, the threshold it reaches, its EU tier, and
//! the derivative case. Every text goes in through `textContent`.

use web_sys::Element;

use super::dom::{append, attrs, Res};
use crate::check::CheckReport;
use crate::evaluate::Likelihood;
use crate::format;
use crate::view::VerdictView;

fn verdict_words(status: &str, likelihood: Likelihood) -> String {
    match likelihood {
        Likelihood::In | Likelihood::Out => status.to_string(),
        other => format!("{status} ({})", other.label()),
    }
}

fn row(body: &Element, name: &str, v: &VerdictView) -> Res<()> {
    let tr = append(body, "tr", "")?;
    attrs(&append(&tr, "th", name)?, &[("scope", "row")])?;
    let us = append(&tr, "td", &verdict_words(v.us.label(), v.us_likelihood))?;
    attrs(
        &us,
        &[
            ("data-col", "us"),
            (
                "class",
                &format!("ck-verdict v-{}", v.us.label().replace(' ', "-")),
            ),
        ],
    )?;
    append(&tr, "td", &v.us_reason)?.set_class_name("ck-reason");
    let eu = append(&tr, "td", &verdict_words(v.eu.label(), v.eu_likelihood))?;
    attrs(&eu, &[("data-col", "eu"), ("class", "ck-verdict")])?;
    let eu_reason = match v.eu_timing {
        Some(timing) => format!("{} ({timing})", v.eu_reason),
        None => v.eu_reason.clone(),
    };
    append(&tr, "td", &eu_reason)?.set_class_name("ck-reason");
    Ok(())
}

/// Replaces `results`' content with `report`.
pub(super) fn show(results: &Element, report: &CheckReport) -> Res<()> {
    results.set_text_content(None);
    append(results, "h3", &format!("{}: the verdicts", report.name))?;
    if report.after_as_of {
        append(
            results,
            "p",
            "Its publication date is after your scenario's as-of date: it is judged as if it existed then.",
        )?
        .set_class_name("hint");
    }
    if let Some(flop) = report.cumulative_flop {
        append(
            results,
            "p",
            &format!(
                "Training compute the rules read: {}{}.",
                format::flop(flop),
                if report.derivative.is_some() {
                    " (cumulative: the base model's and the fine-tune's)"
                } else {
                    ""
                }
            ),
        )?;
    }
    let reach = append(results, "p", &report.reach_words)?;
    attrs(&reach, &[("class", "check-reach")])?;
    let tier = append(
        results,
        "p",
        &format!("EU tier under your scenario: {}.", report.eu_tier),
    )?;
    attrs(&tier, &[("class", "check-tier")])?;
    let wrap = append(results, "div", "")?;
    attrs(&wrap, &[("class", "scroll")])?;
    let table = append(&wrap, "table", "")?;
    attrs(&table, &[("class", "check-verdicts")])?;
    append(
        &table,
        "caption",
        "Both regimes' verdicts, with their reasons, under your scenario and under every preset",
    )?;
    let head = append(&append(&table, "thead", "")?, "tr", "")?;
    for h in ["Scenario", "US", "Why (US)", "EU", "Why (EU)"] {
        attrs(&append(&head, "th", h)?, &[("scope", "col")])?;
    }
    let body = append(&table, "tbody", "")?;
    row(&body, &report.current.name, &report.current.verdict)?;
    for p in &report.presets {
        row(&body, &p.name, &p.verdict)?;
    }
    if let Some(d) = &report.derivative {
        append(results, "h3", &format!("As a fine-tune of {}", d.base))?;
        let eu = append(results, "p", &format!("EU: {}", d.eu_words))?;
        attrs(&eu, &[("class", "check-eu-derivative")])?;
        let wrap = append(results, "div", "")?;
        attrs(&wrap, &[("class", "scroll")])?;
        let table = append(&wrap, "table", "")?;
        attrs(&table, &[("class", "check-rules")])?;
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
                &[("data-rule", r.rule), ("class", "ck-verdict")],
            )?;
            append(&tr, "td", &r.reason)?.set_class_name("ck-reason");
        }
    }
    Ok(())
}
