//! The regime rules. Each rule of policy.md is applied in exactly one
//! function here, with a comment naming its source.

use serde::Serialize;

use crate::catalog::{Catalog, Model};
use crate::format;

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

    fn from_bool(value: bool) -> Test {
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
    /// No figure, but Epoch estimates it is over 1e25 FLOP (used only when
    /// the scenario switches estimates on).
    EstimatedOver1e25,
    /// No public figure.
    Undisclosed,
}

/// Epoch's over-1e25 flag means "more than 1e25 FLOP".
const EPOCH_FLAG_FLOP: f64 = 1e25;

impl ComputeFigure {
    /// The cumulative training compute of a model: Epoch's figure (already
    /// cumulative for fine-tunes, per data/README.md), else base plus
    /// fine-tune compute when both are known, else Epoch's flag if allowed.
    pub fn cumulative(model: &Model, catalog: &Catalog, use_estimates: bool) -> ComputeFigure {
        if let Some(flop) = model.compute_flop {
            return ComputeFigure::Reported(flop);
        }
        let summed = model
            .base
            .and_then(|b| catalog.models[b].compute_flop)
            .zip(model.finetune_compute_flop)
            .map(|(base, finetune)| base + finetune);
        match summed {
            Some(flop) => ComputeFigure::Reported(flop),
            None if use_estimates && model.estimated_over_1e25 => ComputeFigure::EstimatedOver1e25,
            None => ComputeFigure::Undisclosed,
        }
    }

    /// Whether the compute is *more than* `threshold`. Every compute trigger
    /// in policy.md is "more than" / "greater than": EO 14110 sec. 4.2(b),
    /// SB 53, RAISE, and AI Act Art. 51(2) ("greater than", so exactly 1e25
    /// is below). An estimate "over 1e25" passes any threshold up to 1e25
    /// and cannot decide a higher one.
    pub fn exceeds(self, threshold_flop: f64) -> Test {
        match self {
            ComputeFigure::Reported(flop) => Test::from_bool(flop > threshold_flop),
            ComputeFigure::EstimatedOver1e25 if threshold_flop <= EPOCH_FLAG_FLOP => Test::Pass,
            ComputeFigure::EstimatedOver1e25 | ComputeFigure::Undisclosed => Test::Unknown,
        }
    }

    /// "2.3 × 10^25 FLOP", "over 10^25 FLOP (Epoch estimate)" or "undisclosed".
    pub fn describe(self) -> String {
        match self {
            ComputeFigure::Reported(flop) => format::flop(flop),
            ComputeFigure::EstimatedOver1e25 => "over 1 × 10^25 FLOP (Epoch estimate)".to_string(),
            ComputeFigure::Undisclosed => "undisclosed".to_string(),
        }
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
