//! A check's results as plain text, for a memo: what the page shows
//! under "Check a model", in the same words, then the link that restores
//! the check and the data's source (a compliance tester had nothing to
//! paste but a selection of the table).

use super::CheckReport;

/// A field's name, as the notes under the results name it.
pub fn field_label(field: &str) -> &'static str {
    match field {
        "compute" | "compute.flop" => "Training compute",
        "publication_date" => "Publication date",
        "base_model" => "Base model",
        "finetune_flop" => "Fine-tune's own compute",
        "cost_usd" => "Training cost",
        _ => "Note",
    }
}

/// `report` as plain text, with `link` (the page's link to the check and
/// its scenario) and the data's attribution at the end.
pub fn report_text(report: &CheckReport, link: &str) -> String {
    let mut lines = vec![format!("{}: the verdicts", report.name)];
    for note in &report.notes {
        lines.push(format!("{}: {}.", field_label(note.field), note.message));
    }
    lines.push(format!(
        "Training compute the rules read: {}.",
        report.compute_words
    ));
    lines.push(report.reach_words.clone());
    lines.push(format!(
        "EU tier under your scenario: {}.",
        report.current.eu_words
    ));
    if let Some(duties) = &report.eu_duties {
        lines.push(duties.clone());
    }
    lines.push(String::new());
    lines.push("Both regimes' verdicts, with their reasons:".to_string());
    for s in std::iter::once(&report.current).chain(&report.presets) {
        let v = &s.verdict;
        let eu_reason = match v.eu_timing {
            Some(timing) => format!("{} ({timing})", v.eu_reason),
            None => v.eu_reason.clone(),
        };
        lines.push(format!(
            "- {}. US: {}: {}. EU AI Act: {}: {}.",
            s.name, s.us_words, v.us_reason, s.eu_words, eu_reason
        ));
    }
    if let Some(d) = &report.derivative {
        lines.push(String::new());
        lines.push(format!("As a fine-tune of {}:", d.base));
        lines.push(format!("EU: {}", d.eu_words));
        for r in &d.us_rules {
            lines.push(format!(
                "- {}{}. US: {}: {}.",
                r.label,
                if r.current { " (your rule)" } else { "" },
                r.status,
                r.reason
            ));
        }
    }
    lines.push(String::new());
    lines.push(format!("This check: {link}"));
    lines.push(crate::embed::source_line());
    lines.join("\n") + "\n"
}
