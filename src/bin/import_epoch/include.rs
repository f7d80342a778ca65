//! The inclusion rules: which models go into data/models.csv, and why.

use std::collections::{BTreeMap, BTreeSet};

use scope_explorer::date::IsoDate;
use time::macros::date;

use crate::catalogue::Catalogue;
use crate::developers::Developers;
use crate::model::{Model, Source};
use crate::report::{Report, INCLUDED_REASONS, SKIPPED_REASONS};
use crate::text;

/// The output needs a publication date; a model no file dates is skipped.
fn has_date(model: &Model) -> bool {
    matches!(text::date(&model.date), Ok(Some(_)))
}

/// Training compute at or above which every model is included.
pub const COMPUTE_FLOOR_FLOP: f64 = 1e21;

/// A developer with an included model above this compute (or flagged over
/// 1e25 FLOP) is a frontier developer.
pub const FRONTIER_DEVELOPER_FLOP: f64 = 1e25;

/// Models with no compute figure from a frontier developer are included from
/// this publication date on.
pub const FRONTIER_DEVELOPER_SINCE: IsoDate = IsoDate::from_date(date!(2023 - 01 - 01));

/// The lead developer, normalised through the mapping, as a join key.
fn lead_developer(model: &Model, developers: &Developers) -> Option<String> {
    let raw = model.organizations.first()?;
    let name = developers.lookup(raw).unwrap_or(raw);
    Some(text::key(name)).filter(|k| !k.is_empty())
}

/// Empty domain, or one that lists Language or Multimodal.
fn language_or_multimodal(model: &Model) -> bool {
    let domains = text::split_list(&model.domain);
    domains.is_empty()
        || domains
            .iter()
            .any(|d| d.eq_ignore_ascii_case("language") || d.eq_ignore_ascii_case("multimodal"))
}

/// Rule for models with no compute figure: Notable marks it a frontier
/// model, or it is a recent language/multimodal model from a developer that
/// has an included model over 1e25 FLOP.
fn frontier_developer_rule(
    model: &Model,
    developers: &Developers,
    frontier_developers: &BTreeSet<String>,
) -> bool {
    if model.compute.is_some() {
        return false;
    }
    if model.frontier_model {
        return true;
    }
    let recent =
        matches!(text::date(&model.date), Ok(Some((d, _))) if d >= FRONTIER_DEVELOPER_SINCE);
    // Only models a model file lists: an unscored ECI-only name often
    // repeats a model those files list under a dated name.
    let listed = model
        .sources
        .iter()
        .any(|s| matches!(s, Source::Notable | Source::LargeScale | Source::Frontier));
    recent
        && listed
        && language_or_multimodal(model)
        && lead_developer(model, developers).is_some_and(|d| frontier_developers.contains(&d))
}

/// Returns the included models (index -> reason) and counts every reason,
/// included or skipped, in the report.
pub fn select(
    catalogue: &Catalogue,
    eci_only: &[usize],
    developers: &Developers,
    report: &mut Report,
) -> BTreeMap<usize, &'static str> {
    let mut included = BTreeMap::new();
    for (index, model) in catalogue.models.iter().enumerate() {
        if !has_date(model) {
            continue;
        }
        let reason = match model.compute {
            Some(flop) if flop >= COMPUTE_FLOOR_FLOP => Some(INCLUDED_REASONS[0]),
            Some(_) => None,
            None if model.eci.is_some() => Some(INCLUDED_REASONS[1]),
            None if model.estimated_over_1e25 || model.maybe_over_1e25 => Some(INCLUDED_REASONS[2]),
            None => None,
        };
        if let Some(reason) = reason {
            included.insert(index, reason);
        }
    }

    // Models with no compute figure from frontier developers (decided on the
    // models included so far, so the rule does not feed itself).
    let frontier_developers: BTreeSet<String> = included
        .keys()
        .map(|&i| &catalogue.models[i])
        .filter(|m| {
            m.compute.is_some_and(|flop| flop > FRONTIER_DEVELOPER_FLOP)
                || m.estimated_over_1e25
                || m.maybe_over_1e25
        })
        .filter_map(|m| lead_developer(m, developers))
        .collect();
    let mut by_rule = Vec::new();
    for (index, model) in catalogue.models.iter().enumerate() {
        if !included.contains_key(&index)
            && has_date(model)
            && frontier_developer_rule(model, developers, &frontier_developers)
        {
            let lead = model.organizations.first().map_or("", String::as_str);
            let why = if model.frontier_model {
                "Notable: Frontier model"
            } else {
                "frontier developer"
            };
            by_rule.push((
                model.date.clone(),
                format!("{} ({lead}): {why}", model.name),
            ));
            included.insert(index, INCLUDED_REASONS[3]);
        }
    }
    by_rule.sort();
    report.frontier_developer_included = by_rule
        .into_iter()
        .map(|(date, line)| format!("{date} {line}"))
        .collect();

    // Fine-tunes of included models, repeated until nothing changes (a
    // fine-tune of a fine-tune is included once its base is).
    loop {
        let mut added = Vec::new();
        for (index, model) in catalogue.models.iter().enumerate() {
            if included.contains_key(&index) || !has_date(model) {
                continue;
            }
            let base_included = model.bases.iter().any(|base| {
                catalogue
                    .find(base)
                    .is_some_and(|(b, _)| b != index && included.contains_key(&b))
            });
            if base_included {
                added.push(index);
            }
        }
        if added.is_empty() {
            break;
        }
        for index in added {
            included.insert(index, INCLUDED_REASONS[4]);
        }
    }

    for (index, model) in catalogue.models.iter().enumerate() {
        let skip_reason = match included.get(&index) {
            Some(reason) => {
                *report.included.entry(reason).or_default() += 1;
                None
            }
            None if !has_date(model) => {
                let raw = match model.date.as_str() {
                    "" => String::new(),
                    raw => format!(" (date {raw:?} not understood)"),
                };
                report.undated.push(format!("{}{raw}", model.name));
                Some(SKIPPED_REASONS[2])
            }
            None if model.compute.is_some() => Some(SKIPPED_REASONS[0]),
            None => Some(SKIPPED_REASONS[1]),
        };
        if let Some(reason) = skip_reason {
            *report.skipped.entry(reason).or_default() += 1;
        }
    }
    let mut undisclosed: Vec<(&str, &str, String)> = catalogue
        .models
        .iter()
        .enumerate()
        .filter(|(index, model)| {
            !included.contains_key(index)
                && model.compute.is_none()
                && !eci_only.contains(index)
                && has_date(model)
        })
        .map(|(_, model)| {
            let lead = model.organizations.first().map_or("", String::as_str);
            (model.date.as_str(), model.name.as_str(), lead.to_string())
        })
        .collect();
    undisclosed.sort();
    report.skipped_undisclosed = undisclosed
        .into_iter()
        .map(|(date, name, lead)| format!("{date} {name} ({lead})"))
        .collect();
    for &index in eci_only {
        let model = &catalogue.models[index];
        let versions = format!(
            "{:?} [{}]: best {}",
            model.name,
            model.eci_versions.join(", "),
            model
                .eci
                .as_ref()
                .map_or("no score".to_string(), |e| format!(
                    "{} ({})",
                    e.score, e.version
                ))
        );
        match included.get(&index) {
            Some(reason) => report
                .eci_only_included
                .push(format!("{versions}; {reason}")),
            None => {
                let why = match model.compute {
                    _ if !has_date(model) => "no publication date".to_string(),
                    Some(flop) => format!("compute {flop:e} < 1e21"),
                    None => "no score, no compute, not a frontier developer".to_string(),
                };
                report.eci_only_skipped.push(format!("{versions}; {why}"));
            }
        }
    }
    included
}
