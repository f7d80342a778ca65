//! The regime rules. Each rule of policy.md is applied in exactly one
//! function here, with a comment naming its source.

use serde::Serialize;

use crate::catalog::{Catalog, Confidence, Model};
use crate::format;
use crate::scenario::Scenario;

pub mod eu;
pub mod us;

/// A three-valued test result: undisclosed inputs give `Unknown`, never "fails".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// The condition holds.
    Pass,
    /// The condition does not hold.
    Fail,
    /// The data cannot tell.
    Unknown,
}

impl Test {
    /// Kleene conjunction: a failure decides, otherwise unknown spreads.
    pub fn and(self, other: Test) -> Test {
        match (self, other) {
            (Test::Fail, _) | (_, Test::Fail) => Test::Fail,
            (Test::Pass, Test::Pass) => Test::Pass,
            _ => Test::Unknown,
        }
    }

    /// Kleene disjunction: a pass decides, otherwise unknown spreads.
    pub fn or(self, other: Test) -> Test {
        match (self, other) {
            (Test::Pass, _) | (_, Test::Pass) => Test::Pass,
            (Test::Fail, Test::Fail) => Test::Fail,
            _ => Test::Unknown,
        }
    }

    /// `Pass` for true, `Fail` for false.
    pub fn from_bool(value: bool) -> Test {
        if value {
            Test::Pass
        } else {
            Test::Fail
        }
    }
}

/// What is known about a model's training compute.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "flop", rename_all = "snake_case")]
pub enum ComputeFigure {
    /// A figure in FLOP (Epoch's, with its confidence label).
    Reported(f64),
    /// A figure in FLOP that may be off by `factor` either way.
    Uncertain {
        /// Epoch's figure.
        flop: f64,
        /// The true value lies between `flop / factor` and `flop * factor`.
        factor: f64,
    },
    /// No figure of its own, but at least this many FLOP: a fine-tune's
    /// cumulative compute includes its base model's.
    AtLeast(f64),
    /// No figure, but Epoch estimates it is over 1e25 FLOP (used only when
    /// the scenario switches estimates on).
    EstimatedOver1e25,
    /// No public figure.
    Undisclosed,
}

/// Epoch's over-1e25 flag means "more than 1e25 FLOP".
const EPOCH_FLAG_FLOP: f64 = 1e25;

impl ComputeFigure {
    /// Whether the compute is *more than* `threshold`. Every compute trigger
    /// in policy.md is "more than" / "greater than": EO 14110 sec. 4.2(b),
    /// SB 53, RAISE, and AI Act Art. 51(2) ("greater than", so exactly 1e25
    /// is below). A lower bound or an estimate "over 1e25" can only show
    /// that a threshold is passed, never that it is not.
    pub fn exceeds(self, threshold_flop: f64) -> Test {
        match self {
            ComputeFigure::Reported(flop) => Test::from_bool(flop > threshold_flop),
            ComputeFigure::Uncertain { flop, factor } if flop / factor > threshold_flop => {
                Test::Pass
            }
            ComputeFigure::Uncertain { flop, factor } if flop * factor <= threshold_flop => {
                Test::Fail
            }
            ComputeFigure::AtLeast(flop) if flop > threshold_flop => Test::Pass,
            ComputeFigure::EstimatedOver1e25 if threshold_flop <= EPOCH_FLAG_FLOP => Test::Pass,
            _ => Test::Unknown,
        }
    }

    /// The figure in FLOP when one is reported.
    pub fn reported(self) -> Option<f64> {
        match self {
            ComputeFigure::Reported(flop) | ComputeFigure::Uncertain { flop, .. } => Some(flop),
            _ => None,
        }
    }

    /// "2.3 × 10^25 FLOP", "at least ...", "over 10^25 FLOP (Epoch estimate)" or "undisclosed".
    pub fn describe(self) -> String {
        match self {
            ComputeFigure::Reported(flop) => format::flop(flop),
            ComputeFigure::Uncertain { flop, factor } => format!(
                "{} (between {} and {}, allowing a factor of {factor})",
                format::flop(flop),
                format::sci(flop / factor),
                format::sci(flop * factor)
            ),
            ComputeFigure::AtLeast(flop) => format!(
                "at least {} (what its base model or its fine-tuning used)",
                format::flop(flop)
            ),
            ComputeFigure::EstimatedOver1e25 => "over 1 × 10^25 FLOP (Epoch estimate)".to_string(),
            ComputeFigure::Undisclosed => "undisclosed".to_string(),
        }
    }

    /// "x > threshold" in words, with enough digits that a pass never
    /// reads as a tie (1.001e25 against 1e25).
    pub fn compared_with(self, threshold_flop: f64) -> String {
        let sign = more_than_sign(self.exceeds(threshold_flop));
        match self {
            ComputeFigure::Reported(flop) => {
                let (a, b) = format::flop_pair(flop, threshold_flop);
                format!("{a} {sign} {b}")
            }
            _ => format!(
                "{} {sign} {}",
                self.describe(),
                format::flop(threshold_flop)
            ),
        }
    }
}

/// What the data says about a model's compute.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ComputeParts {
    /// Cumulative training compute: the base model's plus the fine-tune's.
    pub cumulative: ComputeFigure,
    /// For a fine-tune, the fine-tuning alone, in FLOP, where known.
    pub finetune_flop: Option<f64>,
}

/// A model's cumulative compute and, for fine-tunes, the fine-tuning part.
/// The one place that reads compute out of the catalog:
/// - Epoch's figure is cumulative for fine-tunes (data/README.md), so the
///   fine-tune's part is the difference from its base, when positive;
/// - a fine-tune row whose figure is below its base's records only the
///   fine-tuning (data/README.md): its cumulative compute is the sum;
/// - with no figure, a fine-tune has at least its base's compute, and at
///   least its own fine-tuning compute;
/// - Epoch's over-1e25 flag counts only when the scenario allows estimates.
/// - with compute uncertainty switched on, a figure becomes a range by its
///   confidence label (see [`uncertainty_factor`]).
pub fn compute_parts(model: &Model, catalog: &Catalog, scenario: &Scenario) -> ComputeParts {
    let parts = known_compute(model, catalog, scenario.use_estimates);
    match parts.cumulative {
        ComputeFigure::Reported(flop) if scenario.compute_uncertainty => ComputeParts {
            cumulative: ComputeFigure::Uncertain {
                flop,
                factor: uncertainty_factor(model.compute_confidence),
            },
            ..parts
        },
        _ => parts,
    }
}

/// How far a figure may be from the truth, by Epoch's confidence label:
/// this project's reading (data/README.md, "Compute uncertainty"), not Epoch's.
pub fn uncertainty_factor(confidence: Confidence) -> f64 {
    match confidence {
        Confidence::Confident => 3.0,
        Confidence::Likely => 10.0,
        Confidence::Speculative | Confidence::Unknown => 30.0,
    }
}

/// [`compute_parts`] before any uncertainty is applied.
fn known_compute(model: &Model, catalog: &Catalog, use_estimates: bool) -> ComputeParts {
    let flagged = use_estimates && model.estimated_over_1e25;
    let Some(base) = model.base.map(|b| &catalog.models[b]) else {
        let cumulative = match model.compute_flop {
            Some(flop) => ComputeFigure::Reported(flop),
            None if flagged => ComputeFigure::EstimatedOver1e25,
            None => ComputeFigure::Undisclosed,
        };
        return ComputeParts {
            cumulative,
            finetune_flop: None,
        };
    };
    let base_figure = known_compute(base, catalog, use_estimates).cumulative;
    let base_flop = base_figure.reported();
    match (model.compute_flop, base_flop) {
        (Some(flop), Some(b)) if flop < b => ComputeParts {
            cumulative: ComputeFigure::Reported(b + model.finetune_compute_flop.unwrap_or(flop)),
            finetune_flop: Some(model.finetune_compute_flop.unwrap_or(flop)),
        },
        (Some(flop), _) => ComputeParts {
            cumulative: ComputeFigure::Reported(flop),
            finetune_flop: model
                .finetune_compute_flop
                .or_else(|| base_flop.map(|b| flop - b).filter(|f| *f > 0.0)),
        },
        (None, Some(b)) if model.finetune_compute_flop.is_some() => {
            let finetune = model.finetune_compute_flop.unwrap_or_default();
            ComputeParts {
                cumulative: ComputeFigure::Reported(b + finetune),
                finetune_flop: Some(finetune),
            }
        }
        (None, _) => {
            // No figure: at least the base's compute, and at least the
            // fine-tune's own; Epoch's flag (the model's or its base's) may
            // say more.
            let base_floor = match base_figure {
                ComputeFigure::Reported(b) | ComputeFigure::AtLeast(b) => Some(b),
                _ => None,
            };
            let floor = match (base_floor, model.finetune_compute_flop) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            let estimated = flagged || base_figure == ComputeFigure::EstimatedOver1e25;
            let cumulative = match floor {
                Some(f) if f > EPOCH_FLAG_FLOP || !estimated => ComputeFigure::AtLeast(f),
                _ if estimated => ComputeFigure::EstimatedOver1e25,
                _ => ComputeFigure::Undisclosed,
            };
            ComputeParts {
                cumulative,
                finetune_flop: model.finetune_compute_flop,
            }
        }
    }
}

/// The share test of a modification: more than `fraction` of the original's
/// compute (GPAI guidelines sec. 3.2, "more than one third"; the US
/// "substantial modification" rule borrows it). Unknown inputs cannot decide.
pub fn modifies_more_than(
    finetune_flop: Option<f64>,
    original_flop: Option<f64>,
    fraction: f64,
) -> Test {
    match (finetune_flop, original_flop) {
        (Some(f), Some(o)) => Test::from_bool(f > fraction * o),
        _ => Test::Unknown,
    }
}

/// Comparison sign for a "more than" test and its outcome.
pub(crate) fn more_than_sign(outcome: Test) -> &'static str {
    match outcome {
        Test::Pass => ">",
        Test::Fail => "≤",
        Test::Unknown => "vs",
    }
}

/// Whether two models share their lead developer (the "same provider" of
/// the EU guidelines sec. 2.2).
pub fn same_developer(a: &Model, b: &Model) -> bool {
    a.developer_id == b.developer_id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kleene_logic() {
        use Test::*;
        assert_eq!(Pass.and(Unknown), Unknown);
        assert_eq!(Fail.and(Unknown), Fail);
        assert_eq!(Pass.or(Unknown), Pass);
        assert_eq!(Fail.or(Unknown), Unknown);
        assert_eq!(Fail.or(Fail), Fail);
    }

    #[test]
    fn lower_bounds_only_pass() {
        assert_eq!(ComputeFigure::AtLeast(2e25).exceeds(1e25), Test::Pass);
        assert_eq!(ComputeFigure::AtLeast(2e25).exceeds(1e26), Test::Unknown);
    }

    #[test]
    fn close_figures_keep_their_digits() {
        assert_eq!(
            ComputeFigure::Reported(1.001e25).compared_with(1e25),
            "1.001 × 10^25 FLOP > 1 × 10^25 FLOP"
        );
    }

    #[test]
    fn more_than_is_strict() {
        assert_eq!(ComputeFigure::Reported(1e25).exceeds(1e25), Test::Fail);
        assert_eq!(ComputeFigure::Reported(1.0001e25).exceeds(1e25), Test::Pass);
    }

    #[test]
    fn epoch_flag_decides_only_up_to_1e25() {
        assert_eq!(ComputeFigure::EstimatedOver1e25.exceeds(1e25), Test::Pass);
        assert_eq!(
            ComputeFigure::EstimatedOver1e25.exceeds(1e26),
            Test::Unknown
        );
        assert_eq!(ComputeFigure::Undisclosed.exceeds(1e21), Test::Unknown);
    }
}
