//! Turning included models into rows of data/models.csv, and writing files
//! atomically.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use scope_explorer::date::IsoDate;
use scope_explorer::schema::{self, ModelRow};

use crate::catalogue::Catalogue;
use crate::developers::Developers;
use crate::model::Model;
use crate::moe;
use crate::report::Report;
use crate::text::{self, DateQuality};

const CONFIDENCE_LABELS: [&str; 4] = ["Confident", "Likely", "Speculative", "Unknown"];

/// Builds the sorted output rows for the included models.
pub fn rows(
    catalogue: &Catalogue,
    included: &BTreeMap<usize, &'static str>,
    developers: &Developers,
    report: &mut Report,
) -> Result<Vec<ModelRow>, String> {
    let mut rows = included
        .keys()
        .map(|&index| row(catalogue, index, included, developers, report))
        .collect::<Result<Vec<_>, _>>()?;
    // By publication date, then name.
    rows.sort_by(|a, b| (a.publication_date, &a.name).cmp(&(b.publication_date, &b.name)));
    report.rows_written = rows.len();
    Ok(rows)
}

fn row(
    catalogue: &Catalogue,
    index: usize,
    included: &BTreeMap<usize, &'static str>,
    developers: &Developers,
    report: &mut Report,
) -> Result<ModelRow, String> {
    let model = &catalogue.models[index];
    let mut organizations: Vec<String> = Vec::new();
    for raw in &model.organizations {
        let name = match developers.lookup(raw) {
            Some(developer) => developer.to_string(),
            None => {
                *report.unmapped_developers.entry(raw.clone()).or_default() += 1;
                raw.clone()
            }
        };
        if !organizations.contains(&name) {
            organizations.push(name);
        }
    }
    let publication_date = match text::date(&model.date) {
        Ok(Some((date, quality))) => {
            if quality == DateQuality::Padded {
                report
                    .padded_dates
                    .push(format!("{}: {:?} -> {date}", model.name, model.date));
            }
            date
        }
        // include::select only passes models with a valid date.
        Ok(None) | Err(()) => {
            return Err(format!(
                "{}: included without a valid publication date ({:?})",
                model.name, model.date
            ))
        }
    };
    let eci_versions = match model.eci_scored_versions {
        0 => None,
        n => Some(u32::try_from(n).map_err(|_| format!("{}: {n} ECI versions", model.name))?),
    };
    let confidence = match model.compute {
        None => String::new(),
        Some(_) if model.confidence.is_empty() => String::new(),
        Some(_) if CONFIDENCE_LABELS.contains(&model.confidence.as_str()) => {
            model.confidence.clone()
        }
        Some(_) => {
            report.bad_values.push(format!(
                "{}: compute confidence {:?} is not one of {}; written as Unknown",
                model.name,
                model.confidence,
                CONFIDENCE_LABELS.join("/")
            ));
            "Unknown".to_string()
        }
    };
    let link = match text::first_url(&model.link) {
        Some(url) => url,
        None => {
            if !model.link.trim().is_empty() {
                report.links_without_url.push(model.name.clone());
            }
            String::new()
        }
    };
    let sources: Vec<&str> = model.sources.iter().map(|s| s.label()).collect();
    let flag = |set: bool| if set { "true" } else { "" }.to_string();
    let active_parameters = moe::active_from_name(&model.name)
        .or_else(|| moe::active_from_notes(&model.parameters_notes));
    Ok(ModelRow {
        name: model.name.clone(),
        developer: organizations.first().cloned().unwrap_or_default(),
        organizations: organizations.join("; "),
        country: model.country.clone(),
        publication_date,
        domain: model.domain.clone(),
        task: model.task.clone(),
        compute_flop: model.compute,
        compute_confidence: confidence,
        compute_source: model
            .compute_source
            .map(|s| s.label().to_string())
            .unwrap_or_default(),
        base_model: base_model(catalogue, index, included, report),
        finetune_compute_flop: model.finetune_compute,
        open_weights: open_weights(model),
        accessibility: model.accessibility.clone(),
        cost_usd: model.cost_usd.map(f64::round),
        eci: model.eci.as_ref().map(|e| e.score),
        eci_version: model
            .eci
            .as_ref()
            .map(|e| e.version.clone())
            .unwrap_or_default(),
        eci_versions,
        cybench_unguided_pct: model.cybench,
        estimated_over_1e25: flag(model.estimated_over_1e25),
        maybe_over_1e25: flag(model.maybe_over_1e25),
        sources: sources.join(";"),
        link,
        eci_history: eci_history(model, report),
        parameters: model.parameters,
        training_tokens: model.training_tokens,
        active_parameters,
        moe: flag(active_parameters.is_some() || moe::is_moe(&model.name, &model.parameters_notes)),
    })
}

/// The scored ECI versions as "2024-12-20:140.1;2025-04-16:147.2", by date
/// then score; a version without a readable release date is reported and
/// left out (the best score stays in `eci`).
fn eci_history(model: &Model, report: &mut Report) -> String {
    let mut dated: Vec<(IsoDate, f64)> = Vec::new();
    for (date, score) in &model.eci_history {
        match text::date(date) {
            Ok(Some((date, _))) => dated.push((date, *score)),
            _ => report.bad_values.push(format!(
                "{}: ECI version dated {date:?} left out of its history",
                model.name
            )),
        }
    }
    dated.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    dated.dedup();
    dated
        .iter()
        .map(|(date, score)| format!("{date}:{score}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// "yes"/"no" from Epoch's "Open model weights?", else from accessibility.
fn open_weights(model: &Model) -> String {
    let answer = match model.open_weights.to_ascii_lowercase().as_str() {
        "yes" | "true" => Some(true),
        "no" | "false" => Some(false),
        _ => {
            let access = model.accessibility.to_ascii_lowercase();
            if access.starts_with("open weights") {
                Some(true)
            } else if ["api access", "hosted access", "unreleased"]
                .iter()
                .any(|p| access.starts_with(p))
            {
                Some(false)
            } else {
                None
            }
        }
    };
    match answer {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
    .to_string()
}

/// The base model's output name. With several listed bases, the included one
/// with the largest compute wins (ties: first listed). Unresolved bases are
/// reported.
fn base_model(
    catalogue: &Catalogue,
    index: usize,
    included: &BTreeMap<usize, &'static str>,
    report: &mut Report,
) -> String {
    let model = &catalogue.models[index];
    let compute_of = |i: usize| catalogue.models[i].compute.unwrap_or(-1.0);
    let mut best: Option<usize> = None;
    for base in &model.bases {
        match catalogue.find(base) {
            Some((b, _)) if b != index && included.contains_key(&b) => {
                if best.map_or(true, |current| compute_of(b) > compute_of(current)) {
                    best = Some(b);
                }
            }
            Some((b, _)) if b != index => {
                let compute = match catalogue.models[b].compute {
                    Some(flop) => format!("{flop:e} FLOP"),
                    None => "undisclosed".to_string(),
                };
                report
                    .bases_not_included
                    .push(format!("{}: base {base:?} (compute {compute})", model.name));
            }
            _ => report
                .bases_not_found
                .push(format!("{}: base {base:?}", model.name)),
        }
    }
    if model.bases.len() > 1 {
        report.several_bases.push(format!(
            "{}: {} -> {}",
            model.name,
            model.bases.join(", "),
            best.map_or("(none in output)", |b| catalogue.models[b].name.as_str())
        ));
    }
    let Some(b) = best else {
        return String::new();
    };
    let base = &catalogue.models[b];
    if let (Some(own), Some(of_base)) = (model.compute, base.compute) {
        if own < of_base {
            report.finetune_below_base.push(format!(
                "{}: {own:e} FLOP, base {} {of_base:e} FLOP",
                model.name, base.name
            ));
        }
    }
    base.name.clone()
}

/// The CSV file's bytes. No rows is an error: the catalog refuses an empty
/// dataset, so the old file is better kept.
pub fn to_csv(rows: &[ModelRow]) -> Result<Vec<u8>, String> {
    if rows.is_empty() {
        return Err("no model met the inclusion rules; nothing written".to_string());
    }
    schema::write_csv(rows).map_err(|e| format!("cannot encode CSV: {e}"))
}

/// Writes `bytes` to a temporary file next to `path`, then renames it over
/// `path`, so a failed run never leaves a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| format!("cannot write {}: not a file path", path.display()))?;
    let mut temp_name = file_name.to_os_string();
    temp_name.push(format!(".tmp-{}", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}
