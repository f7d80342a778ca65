//! Joining the Epoch Capabilities Index (one row per model version) to the
//! models, and creating rows for models only the ECI file knows.

use std::collections::BTreeMap;

use crate::catalogue::{Catalogue, Match};
use crate::inputs::Table;
use crate::model::{number_field, EciBest, Model, Source};
use crate::report::Report;
use crate::text;

pub const COLUMNS: [&str; 9] = [
    "Model version",
    "ECI Score",
    "Release date",
    "Organization",
    "Country",
    "Model accessibility",
    "Training compute (FLOP)",
    "Confidence",
    "Model name",
];

struct Version {
    version: String,
    model_name: String,
    score: Option<f64>,
    date: String,
    organizations: Vec<String>,
    country: String,
    accessibility: String,
    compute: Option<f64>,
    confidence: String,
}

/// Joins ECI versions to catalogue models (by `Model name`, then by version
/// string) and returns a map from version key to model index, for Cybench.
/// Returns the indices of models created from ECI alone.
pub fn join(
    catalogue: &mut Catalogue,
    table: &Table,
    report: &mut Report,
) -> (BTreeMap<String, usize>, Vec<usize>) {
    let mut matched: BTreeMap<usize, Vec<Version>> = BTreeMap::new();
    let mut unmatched: BTreeMap<String, Vec<Version>> = BTreeMap::new();
    for row in table.rows() {
        let score = number_field(&row, "ECI Score", &table.file_name, report);
        let version = Version {
            version: text::clean(row.get("Model version")),
            model_name: text::clean(row.get("Model name")),
            score,
            date: text::clean(row.get("Release date")),
            organizations: text::split_list(row.get("Organization")),
            country: text::split_list(row.get("Country"))
                .into_iter()
                .next()
                .unwrap_or_default(),
            accessibility: text::clean(row.get("Model accessibility")),
            compute: number_field(&row, "Training compute (FLOP)", &table.file_name, report),
            confidence: text::clean(row.get("Confidence")),
        };
        if version.version.is_empty() && version.model_name.is_empty() {
            continue;
        }
        let by_name = catalogue.find(&version.model_name);
        let found = by_name.or_else(|| {
            let hit = catalogue.find(&version.version);
            if let Some((index, _)) = hit {
                report.eci_matched_by_version.push(format!(
                    "{} (Model name {:?}) -> {:?}",
                    version.version, version.model_name, catalogue.models[index].name
                ));
            }
            hit
        });
        match found {
            Some((index, how)) => {
                if how == Match::Loose {
                    report.loose_matches.push(format!(
                        "ECI {} (Model name {:?}) -> {:?}",
                        version.version, version.model_name, catalogue.models[index].name
                    ));
                }
                matched.entry(index).or_default().push(version);
            }
            None => {
                let group = if version.model_name.is_empty() {
                    text::key(&version.version)
                } else {
                    text::key(&version.model_name)
                };
                unmatched.entry(group).or_default().push(version);
            }
        }
    }

    let mut version_index = BTreeMap::new();
    for (index, versions) in matched {
        let eci_model = model_from_versions(&versions);
        let model = &mut catalogue.models[index];
        model.merge_from(eci_model, report);
        for v in &versions {
            version_index.insert(text::key(&v.version), index);
        }
    }
    let mut eci_only = Vec::new();
    for versions in unmatched.into_values() {
        let model = model_from_versions(&versions);
        let index = catalogue.add_new(model);
        for v in &versions {
            version_index.insert(text::key(&v.version), index);
        }
        eci_only.push(index);
    }
    (version_index, eci_only)
}

/// One model from all its ECI versions: the best-scoring version supplies
/// the score and, with the others as fallback, the descriptive fields. Ties
/// (ECI usually gives every version of a model the same score) go to a
/// version not served through a third-party host ("chutes/..."), then to the
/// alphabetically first version string, ignoring case.
fn model_from_versions(versions: &[Version]) -> Model {
    let mut order: Vec<&Version> = versions.iter().collect();
    order.sort_by(|a, b| {
        let score_a = a.score.unwrap_or(f64::NEG_INFINITY);
        let score_b = b.score.unwrap_or(f64::NEG_INFINITY);
        score_b
            .total_cmp(&score_a)
            .then_with(|| a.version.contains('/').cmp(&b.version.contains('/')))
            .then_with(|| a.version.to_lowercase().cmp(&b.version.to_lowercase()))
            .then_with(|| a.version.cmp(&b.version))
    });
    let best = order[0];
    let name = if best.model_name.is_empty() {
        best.version.clone()
    } else {
        best.model_name.clone()
    };
    let first = |field: fn(&Version) -> &str| {
        order
            .iter()
            .map(|v| field(v))
            .find(|s| !s.is_empty())
            .unwrap_or_default()
            .to_string()
    };
    let with_compute = order.iter().find(|v| v.compute.is_some());
    let mut model = Model {
        name,
        organizations: order
            .iter()
            .map(|v| v.organizations.clone())
            .find(|o| !o.is_empty())
            .unwrap_or_default(),
        country: first(|v| &v.country),
        date: first(|v| &v.date),
        accessibility: first(|v| &v.accessibility),
        compute: with_compute.and_then(|v| v.compute),
        confidence: with_compute
            .map(|v| v.confidence.clone())
            .unwrap_or_default(),
        compute_source: with_compute.map(|_| Source::Eci),
        eci: best.score.map(|score| EciBest {
            score,
            version: best.version.clone(),
        }),
        eci_versions: order.iter().map(|v| v.version.clone()).collect(),
        eci_scored_versions: order.iter().filter(|v| v.score.is_some()).count(),
        eci_history: order
            .iter()
            .filter_map(|v| v.score.map(|score| (v.date.clone(), score)))
            .collect(),
        ..Model::default()
    };
    model.sources.insert(Source::Eci);
    model
}
