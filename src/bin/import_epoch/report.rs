//! The import report: what was included and why, and every name that could
//! not be joined between files.

use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Default)]
pub struct Report {
    pub inputs: Vec<String>,
    pub notes: Vec<String>,
    pub rows_written: usize,
    pub included: BTreeMap<&'static str, usize>,
    pub skipped: BTreeMap<&'static str, usize>,
    pub bad_values: Vec<String>,
    pub compute_conflicts: Vec<String>,
    pub name_collisions: Vec<String>,
    pub loose_matches: Vec<String>,
    pub eci_only_included: Vec<String>,
    pub eci_only_skipped: Vec<String>,
    pub skipped_undisclosed: Vec<String>,
    pub frontier_developer_included: Vec<String>,
    pub eci_matched_by_version: Vec<String>,
    pub cybench_unmatched: Vec<String>,
    pub bases_not_found: Vec<String>,
    pub bases_not_included: Vec<String>,
    pub several_bases: Vec<String>,
    pub finetune_below_base: Vec<String>,
    pub unmapped_developers: BTreeMap<String, usize>,
    pub padded_dates: Vec<String>,
    pub undated: Vec<String>,
    pub links_without_url: Vec<String>,
}

/// Inclusion reasons, in the order the report lists them.
pub const INCLUDED_REASONS: [&str; 5] = [
    "compute >= 1e21 FLOP",
    "compute undisclosed, has an ECI score",
    "compute undisclosed, Epoch over-1e25 flag",
    "compute undisclosed, frontier developer",
    "fine-tune of an included base model",
];

/// Skip reasons, in the order the report lists them.
pub const SKIPPED_REASONS: [&str; 3] = [
    "compute < 1e21 FLOP",
    "compute undisclosed, no ECI score, flag or frontier-developer match",
    "no valid publication date in any file",
];

fn section(out: &mut String, title: &str, lines: &[String]) {
    let _ = writeln!(out, "\n## {title} ({})", lines.len());
    if lines.is_empty() {
        let _ = writeln!(out, "  (none)");
    }
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
}

impl Report {
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# import_epoch report");
        let _ = writeln!(out, "\n## Inputs");
        for line in self.inputs.iter().chain(&self.notes) {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(out, "\n## Rows written: {}", self.rows_written);
        let _ = writeln!(out, "\n## Included, by reason (first matching reason)");
        for reason in INCLUDED_REASONS {
            let n = self.included.get(reason).copied().unwrap_or(0);
            let _ = writeln!(out, "  {n:>5}  {reason}");
        }
        let _ = writeln!(
            out,
            "  (of these, {} exist only in the ECI file)",
            self.eci_only_included.len()
        );
        let _ = writeln!(out, "\n## Skipped, by reason");
        for reason in SKIPPED_REASONS {
            let n = self.skipped.get(reason).copied().unwrap_or(0);
            let _ = writeln!(out, "  {n:>5}  {reason}");
        }
        section(
            &mut out,
            "ECI model groups matching no Notable/Large-Scale/Frontier model, included as ECI-only rows",
            &self.eci_only_included,
        );
        section(
            &mut out,
            "ECI model groups matching no Notable/Large-Scale/Frontier model, skipped",
            &self.eci_only_skipped,
        );
        section(
            &mut out,
            "Included: compute undisclosed, frontier developer (Notable's \"Frontier model\", or a recent language/multimodal model of a developer with an included model over 1e25 FLOP)",
            &self.frontier_developer_included,
        );
        section(
            &mut out,
            "Skipped: Notable/Large-Scale/Frontier models with no compute figure, no ECI score, no over-1e25 flag and no frontier-developer match",
            &self.skipped_undisclosed,
        );
        section(
            &mut out,
            "ECI versions joined by version string (their Model name did not match)",
            &self.eci_matched_by_version,
        );
        section(
            &mut out,
            "Cybench versions not matched",
            &self.cybench_unmatched,
        );
        section(
            &mut out,
            "Base models not found in any file",
            &self.bases_not_found,
        );
        section(
            &mut out,
            "Base models found but not in the output (base_model left empty)",
            &self.bases_not_included,
        );
        section(
            &mut out,
            "Fine-tunes listing several base models",
            &self.several_bases,
        );
        section(
            &mut out,
            "Fine-tunes whose compute is below their base's (Epoch's figure is probably not cumulative)",
            &self.finetune_below_base,
        );
        let unmapped: Vec<String> = self
            .unmapped_developers
            .iter()
            .map(|(name, n)| format!("{name} ({n} rows)"))
            .collect();
        section(
            &mut out,
            "Organisations with no entry in the developer mapping (raw name kept)",
            &unmapped,
        );
        section(
            &mut out,
            "Joins made only by the loose key (separators removed, except between digits)",
            &self.loose_matches,
        );
        section(
            &mut out,
            "Name collisions (disambiguated)",
            &self.name_collisions,
        );
        section(
            &mut out,
            "Compute figures that differ between files",
            &self.compute_conflicts,
        );
        section(&mut out, "Dates padded to YYYY-MM-DD", &self.padded_dates);
        section(
            &mut out,
            "Skipped: no valid publication date in any file",
            &self.undated,
        );
        section(
            &mut out,
            "Link fields holding no URL",
            &self.links_without_url,
        );
        section(
            &mut out,
            "Values that could not be parsed",
            &self.bad_values,
        );
        out
    }
}
