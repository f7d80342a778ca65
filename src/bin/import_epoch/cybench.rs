//! Joining Cybench results (one row per model version) to the models.

use std::collections::BTreeMap;

use crate::catalogue::{Catalogue, Match};
use crate::inputs::Table;
use crate::model::Source;
use crate::report::Report;
use crate::text;

pub const COLUMNS: [&str; 2] = ["Model version", "Unguided % Solved"];

/// Records the best unguided Cybench score per model. A version is looked up
/// first among the ECI versions (`eci_versions`: version key -> model), then
/// among model names.
pub fn join(
    catalogue: &mut Catalogue,
    table: &Table,
    eci_versions: &BTreeMap<String, usize>,
    report: &mut Report,
) {
    for row in table.rows() {
        let version = text::clean(row.get("Model version"));
        let raw = row.get("Unguided % Solved");
        let score = match text::percent(raw) {
            Ok(Some(score)) => score,
            Ok(None) => continue,
            Err(()) => {
                report.bad_values.push(format!(
                    "{} line {}: Unguided % Solved = {raw:?} is not a percentage in 0..100",
                    table.file_name,
                    row.line()
                ));
                continue;
            }
        };
        let found = match eci_versions.get(&text::key(&version)) {
            Some(&index) => Some(index),
            None => match catalogue.find(&version) {
                Some((index, how)) => {
                    if how == Match::Loose {
                        report.loose_matches.push(format!(
                            "Cybench {version} -> {:?}",
                            catalogue.models[index].name
                        ));
                    }
                    Some(index)
                }
                None => None,
            },
        };
        let Some(index) = found else {
            report
                .cybench_unmatched
                .push(format!("{version} ({score}% unguided)"));
            continue;
        };
        let model = &mut catalogue.models[index];
        model.cybench = Some(model.cybench.map_or(score, |old| old.max(score)));
        model.sources.insert(Source::Cybench);
    }
}
