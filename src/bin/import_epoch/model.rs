//! The merged record for one model, before it is written out.

use std::collections::BTreeSet;

use crate::inputs::Row;
use crate::report::Report;
use crate::text;

/// The input files, in the order the `sources` column lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Notable,
    LargeScale,
    Frontier,
    Eci,
    Cybench,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Notable => "notable",
            Source::LargeScale => "large_scale",
            Source::Frontier => "frontier",
            Source::Eci => "eci",
            Source::Cybench => "cybench",
        }
    }
}

/// The best ECI score of a model and the version that achieved it.
#[derive(Clone, Debug)]
pub struct EciBest {
    pub score: f64,
    pub version: String,
}

/// One model, merged across the input files. Text fields hold Epoch's
/// strings (cleaned of stray whitespace); empty means unknown.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub name: String,
    pub organizations: Vec<String>,
    pub country: String,
    /// Publication date as Epoch writes it; [`text::date`] reads it.
    pub date: String,
    pub domain: String,
    pub task: String,
    pub compute: Option<f64>,
    pub confidence: String,
    pub compute_source: Option<Source>,
    pub bases: Vec<String>,
    pub finetune_compute: Option<f64>,
    pub open_weights: String,
    pub accessibility: String,
    pub cost_usd: Option<f64>,
    pub estimated_over_1e25: bool,
    pub maybe_over_1e25: bool,
    /// Notable's "Frontier model" column is True.
    pub frontier_model: bool,
    pub link: String,
    pub sources: BTreeSet<Source>,
    pub eci: Option<EciBest>,
    /// Every ECI version string joined to this model.
    pub eci_versions: Vec<String>,
    /// How many of `eci_versions` have an ECI score.
    pub eci_scored_versions: usize,
    /// Every scored ECI version's release date (as the ECI file writes it)
    /// and score.
    pub eci_history: Vec<(String, f64)>,
    pub cybench: Option<f64>,
    /// Epoch's "Parameters" (a count), with its "Parameters notes": they
    /// travel together when files are merged.
    pub parameters: Option<f64>,
    pub parameters_notes: String,
    /// Epoch's "Training dataset size (total)": datapoints, tokens for
    /// language models.
    pub training_tokens: Option<f64>,
}

/// Reads a number field, reporting (and ignoring) values that do not parse.
pub fn number_field(row: &Row, column: &str, file: &str, report: &mut Report) -> Option<f64> {
    let raw = row.get(column);
    text::number(raw).unwrap_or_else(|()| {
        report.bad_values.push(format!(
            "{file} line {}: {column} = {raw:?} is not a number; treated as unknown",
            row.line()
        ));
        None
    })
}

impl Model {
    /// Builds a model from a row of the Notable, Large-Scale or Frontier file
    /// (they share column names).
    pub fn from_epoch_row(row: &Row, source: Source, file: &str, report: &mut Report) -> Model {
        let compute = number_field(row, "Training compute (FLOP)", file, report);
        let flag = |column: &str| row.get(column).trim().eq_ignore_ascii_case("true");
        let mut sources = BTreeSet::new();
        sources.insert(source);
        Model {
            name: text::clean(row.get("Model")),
            organizations: text::split_list(row.get("Organization")),
            country: text::split_list(row.get("Country (of organization)"))
                .into_iter()
                .next()
                .unwrap_or_default(),
            date: text::clean(row.get("Publication date")),
            domain: text::clean(row.get("Domain")),
            task: text::clean(row.get("Task")),
            compute,
            confidence: text::clean(row.get("Confidence")),
            compute_source: compute.map(|_| source),
            bases: text::split_list(row.get("Base model")),
            finetune_compute: number_field(row, "Finetune compute (FLOP)", file, report),
            open_weights: text::clean(row.get("Open model weights?")),
            accessibility: text::clean(row.get("Model accessibility")),
            cost_usd: number_field(row, "Training compute cost (2023 USD)", file, report),
            estimated_over_1e25: flag("Estimated over 1e25 FLOP"),
            maybe_over_1e25: flag("Maybe over 1e25 FLOP"),
            frontier_model: source == Source::Notable && flag("Frontier model"),
            link: row.get("Link").to_string(),
            parameters: number_field(row, "Parameters", file, report),
            parameters_notes: text::clean(row.get("Parameters notes")),
            training_tokens: number_field(row, "Training dataset size (total)", file, report),
            sources,
            ..Model::default()
        }
    }

    /// Fills fields this model lacks from a later file's row for the same
    /// model (earlier files win). Compute and its confidence travel together.
    /// Differing compute figures are reported, not merged.
    pub fn merge_from(&mut self, other: Model, report: &mut Report) {
        fn fill(mine: &mut String, theirs: String) {
            if mine.is_empty() {
                *mine = theirs;
            }
        }
        if self.organizations.is_empty() {
            self.organizations = other.organizations;
        }
        fill(&mut self.country, other.country);
        fill(&mut self.date, other.date);
        fill(&mut self.domain, other.domain);
        fill(&mut self.task, other.task);
        match (self.compute, other.compute) {
            (None, Some(_)) => {
                self.compute = other.compute;
                self.confidence = other.confidence;
                self.compute_source = other.compute_source;
            }
            (Some(mine), Some(theirs)) if (mine - theirs).abs() > 0.01 * mine.abs() => {
                let theirs_from = other.compute_source.map_or("?", Source::label);
                report.compute_conflicts.push(format!(
                    "{}: {:e} ({}) kept, {:e} ({theirs_from}) ignored",
                    self.name,
                    mine,
                    self.compute_source.map_or("?", Source::label),
                    theirs
                ));
            }
            _ => fill(&mut self.confidence, other.confidence),
        }
        if self.bases.is_empty() {
            self.bases = other.bases;
        }
        if self.finetune_compute.is_none() {
            self.finetune_compute = other.finetune_compute;
        }
        fill(&mut self.open_weights, other.open_weights);
        fill(&mut self.accessibility, other.accessibility);
        if self.cost_usd.is_none() {
            self.cost_usd = other.cost_usd;
        }
        self.estimated_over_1e25 |= other.estimated_over_1e25;
        self.maybe_over_1e25 |= other.maybe_over_1e25;
        self.frontier_model |= other.frontier_model;
        if text::first_url(&self.link).is_none() {
            self.link = other.link;
        }
        let better_eci = match (&self.eci, &other.eci) {
            (None, Some(_)) => true,
            (Some(mine), Some(theirs)) => theirs.score > mine.score,
            _ => false,
        };
        if better_eci {
            self.eci = other.eci;
        }
        self.eci_versions.extend(other.eci_versions);
        self.eci_history.extend(other.eci_history);
        self.eci_scored_versions += other.eci_scored_versions;
        self.cybench = match (self.cybench, other.cybench) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        if self.parameters.is_none() && other.parameters.is_some() {
            self.parameters = other.parameters;
            self.parameters_notes = other.parameters_notes;
        } else {
            fill(&mut self.parameters_notes, other.parameters_notes);
        }
        if self.training_tokens.is_none() {
            self.training_tokens = other.training_tokens;
        }
        self.sources.extend(other.sources);
    }
}
