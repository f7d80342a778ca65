//! The candidate US definition. The executive order of 2 June 2026 leaves
//! "covered frontier model" undefined (policy.md, "Scope is undefined"), so
//! every threshold here comes from the user's `UsDefinition`; the presets
//! borrow them from the precedents policy.md lists.

use serde::Serialize;

use super::{
    compute_parts, modifies_more_than, more_than_sign, same_developer, ComputeFigure, Test,
};
use crate::catalog::{Catalog, Model};
use crate::format;
use crate::scenario::{
    CapabilityMetric, Combine, DerivativeRule, Scenario, Unscored, UsDefinition,
};

/// Whether a model would be a "covered frontier model".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UsStatus {
    /// Covered.
    In,
    /// Not covered.
    Out,
    /// The public data cannot tell (for example, compute undisclosed).
    Undetermined,
}

impl From<Test> for UsStatus {
    fn from(test: Test) -> UsStatus {
        match test {
            Test::Pass => UsStatus::In,
            Test::Fail => UsStatus::Out,
            Test::Unknown => UsStatus::Undetermined,
        }
    }
}

/// The US verdict for one model, with what decided it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UsVerdict {
    /// In, out or undetermined.
    pub status: UsStatus,
    /// Why.
    pub reason: UsReason,
}

/// What decided a US verdict.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum UsReason {
    /// A derivative under the "exclude" rule.
    DerivativeExcluded {
        /// Catalog index of the base model.
        base: usize,
    },
    /// A derivative under the "inherit" rule.
    Inherited {
        /// Catalog index of the base model.
        base: usize,
    },
    /// The definition's tests, each present when the definition uses it.
    Tests(UsTests),
}

/// The tests a definition applies to one model.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UsTests {
    /// The compute test (absent under "capability only").
    pub compute: Option<ComputeCheck>,
    /// The substantial-modification share test for derivatives.
    pub modification: Option<ModificationCheck>,
    /// The capability test (absent under "compute only").
    pub capability: Option<CapabilityCheck>,
    /// The training-cost test (RAISE style), when set.
    pub cost: Option<CostCheck>,
}

/// Which compute a test looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComputeBasis {
    /// A model trained from scratch: its training compute.
    Training,
    /// A derivative: base plus fine-tune compute.
    Cumulative,
    /// A derivative: the fine-tune's own compute.
    FineTuneOnly,
    /// Another developer's fine-tune, the base model's compute not counted.
    ThirdPartyOwn,
    /// The developer's own fine-tune: its model's cumulative compute.
    Lifecycle,
}

/// A compute test: figure, threshold, outcome.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ComputeCheck {
    /// Which compute.
    pub basis: ComputeBasis,
    /// What is known of it.
    pub figure: ComputeFigure,
    /// The threshold in FLOP.
    pub threshold_flop: f64,
    /// Whether the threshold is the lower one for biological-sequence models.
    pub biology: bool,
    /// The outcome.
    pub outcome: Test,
}

/// A substantial-modification share test.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ModificationCheck {
    /// Fine-tune compute in FLOP, where known.
    pub finetune_flop: Option<f64>,
    /// Base model compute in FLOP, where known.
    pub base_flop: Option<f64>,
    /// The share of the base's compute the fine-tune must exceed.
    pub fraction: f64,
    /// The outcome.
    pub outcome: Test,
}

/// A capability test.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CapabilityCheck {
    /// Which benchmark.
    pub metric: CapabilityMetric,
    /// The model's score, where it has one.
    pub score: Option<f64>,
    /// The threshold.
    pub threshold: f64,
    /// The outcome.
    pub outcome: Test,
}

/// A training-cost test.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CostCheck {
    /// Training compute cost in US dollars, where known.
    pub cost_usd: Option<f64>,
    /// The threshold in US dollars.
    pub threshold_usd: f64,
    /// The outcome.
    pub outcome: Test,
}

/// Judges one model against the candidate US definition.
pub fn verdict(catalog: &Catalog, index: usize, scenario: &Scenario) -> UsVerdict {
    let model = &catalog.models[index];
    let us = &scenario.us;
    let parts = compute_parts(model, catalog, scenario);
    let threshold = compute_threshold(model, us);
    let Some(base) = model.base else {
        let check = compute_check(ComputeBasis::Training, parts.cumulative, threshold);
        return judge(model, scenario, check, None, true);
    };
    let original = &catalog.models[base];
    let third_party = !same_developer(model, original);
    // Derivative rules: policy.md, "How derivatives can be treated".
    match us.derivatives {
        // "exclude": never in scope; only models trained from scratch are assessed.
        DerivativeRule::Exclude => UsVerdict {
            status: UsStatus::Out,
            reason: UsReason::DerivativeExcluded { base },
        },
        // "inherit": in scope when its base model is.
        DerivativeRule::Inherit => UsVerdict {
            status: verdict(catalog, base, scenario).status,
            reason: UsReason::Inherited { base },
        },
        // "cumulative" (SB 53 style): base plus fine-tune compute passes the
        // threshold. SB 53 counts the developer's own modifications; for
        // another developer's fine-tune it is disputed (policy.md), so the
        // scenario says whether the base's compute counts.
        DerivativeRule::Cumulative if third_party && !us.third_party_cumulative => {
            let figure = parts
                .finetune_flop
                .map_or(ComputeFigure::Undisclosed, ComputeFigure::Reported);
            let check = compute_check(ComputeBasis::ThirdPartyOwn, figure, threshold);
            judge(model, scenario, check, None, true)
        }
        DerivativeRule::Cumulative => {
            let check = compute_check(ComputeBasis::Cumulative, parts.cumulative, threshold);
            judge(model, scenario, check, None, true)
        }
        // "substantial modification" (EU style): the developer's own
        // fine-tune is part of its model's lifecycle, judged on cumulative
        // compute (as GPAI guidelines sec. 2.2 do); another developer's
        // counts when it used more than `fraction` of the original's compute
        // and the result passes the threshold.
        DerivativeRule::SubstantialModification { .. } if !third_party => {
            let check = compute_check(ComputeBasis::Lifecycle, parts.cumulative, threshold);
            judge(model, scenario, check, None, true)
        }
        DerivativeRule::SubstantialModification { fraction } => {
            let base_flop = compute_parts(original, catalog, scenario)
                .cumulative
                .reported();
            let modification = ModificationCheck {
                finetune_flop: parts.finetune_flop,
                base_flop,
                fraction,
                outcome: modifies_more_than(parts.finetune_flop, base_flop, fraction),
            };
            let check = compute_check(ComputeBasis::Cumulative, parts.cumulative, threshold);
            judge(model, scenario, check, Some(modification), true)
        }
        // "own compute" (SB 1047 style): the fine-tune's own compute is at or
        // above a separate threshold ("3e25 or more operations"). SB 1047's
        // $100M cost test is for covered models, not fine-tunes (their $10M
        // test is not modelled), so the cost test does not apply here.
        DerivativeRule::OwnCompute { threshold_flop } => {
            let finetune = parts.finetune_flop;
            let check = ComputeCheck {
                basis: ComputeBasis::FineTuneOnly,
                figure: finetune.map_or(ComputeFigure::Undisclosed, ComputeFigure::Reported),
                threshold_flop,
                biology: false,
                outcome: finetune.map_or(Test::Unknown, |f| Test::from_bool(f >= threshold_flop)),
            };
            judge(model, scenario, check, None, false)
        }
    }
}

/// The compute threshold a model faces, and whether it is the biology one.
/// EO 14110 sec. 4.2(b): "more than 1e23 if trained primarily on biological
/// sequence data". Epoch's domain "Biology", alone, is this tool's proxy for
/// "trained primarily on biological sequence data".
fn compute_threshold(model: &Model, us: &UsDefinition) -> (f64, bool) {
    let biological = model.domain.trim().eq_ignore_ascii_case("biology");
    match us.biology_threshold_flop {
        Some(bio) if biological && bio < us.compute_threshold_flop => (bio, true),
        _ => (us.compute_threshold_flop, false),
    }
}

fn compute_check(
    basis: ComputeBasis,
    figure: ComputeFigure,
    (threshold_flop, biology): (f64, bool),
) -> ComputeCheck {
    ComputeCheck {
        basis,
        figure,
        threshold_flop,
        biology,
        outcome: figure.exceeds(threshold_flop),
    }
}

/// Applies the capability test, the combination and the cost test.
fn judge(
    model: &Model,
    scenario: &Scenario,
    compute: ComputeCheck,
    modification: Option<ModificationCheck>,
    cost_applies: bool,
) -> UsVerdict {
    let us = &scenario.us;
    let compute_outcome = modification.map_or(compute.outcome, |m| m.outcome.and(compute.outcome));
    let capability = us.capability.map(|cap| {
        let score = match cap.metric {
            CapabilityMetric::Eci => model.eci,
            CapabilityMetric::Cybench => model.cybench_pct,
        };
        CapabilityCheck {
            metric: cap.metric,
            score,
            threshold: cap.threshold,
            // A score "at or above" the threshold passes (this tool's
            // convention: policy.md names the proxies, not a comparison).
            // Without a score the test is undetermined unless the user
            // chose to count unscored models as below.
            outcome: match (score, cap.unscored) {
                (Some(s), _) => Test::from_bool(s >= cap.threshold),
                (None, Unscored::Below) => Test::Fail,
                (None, Unscored::Undetermined) => Test::Unknown,
            },
        }
    });
    let capability_outcome = capability.map_or(Test::Unknown, |c| c.outcome);
    let (outcome, compute, capability) = match us.combine {
        Combine::ComputeOnly => (compute_outcome, Some(compute), None),
        Combine::CapabilityOnly => (capability_outcome, None, capability),
        Combine::Either => (
            compute_outcome.or(capability_outcome),
            Some(compute),
            capability,
        ),
        Combine::Both => (
            compute_outcome.and(capability_outcome),
            Some(compute),
            capability,
        ),
    };
    let modification = compute.and(modification);
    // RAISE as signed ("more than 1e26 and compute cost over $100M") and
    // SB 1047's covered model ("over $100M training cost").
    let cost = us
        .cost_threshold_usd
        .filter(|_| cost_applies)
        .map(|threshold_usd| CostCheck {
            cost_usd: model.cost_usd,
            threshold_usd,
            outcome: model
                .cost_usd
                .map_or(Test::Unknown, |c| Test::from_bool(c > threshold_usd)),
        });
    let outcome = cost.map_or(outcome, |c| outcome.and(c.outcome));
    UsVerdict {
        status: outcome.into(),
        reason: UsReason::Tests(UsTests {
            compute,
            modification,
            capability,
            cost,
        }),
    }
}

impl UsVerdict {
    /// The reason in plain words: "in: cumulative 2.3 × 10^25 FLOP > 1 × 10^25 FLOP threshold".
    pub fn describe(&self, catalog: &Catalog) -> String {
        let status = match self.status {
            UsStatus::In => "in",
            UsStatus::Out => "out",
            UsStatus::Undetermined => "undetermined",
        };
        let why = match self.reason {
            UsReason::DerivativeExcluded { base } => format!(
                "fine-tune of {}; this definition excludes derivatives",
                catalog.models[base].name
            ),
            UsReason::Inherited { base } => format!(
                "fine-tune of {}, which is {}; derivatives inherit their base model's status",
                catalog.models[base].name,
                match self.status {
                    UsStatus::In => "in",
                    UsStatus::Out => "out",
                    UsStatus::Undetermined => "undetermined",
                }
            ),
            UsReason::Tests(tests) => tests.describe(),
        };
        format!("{status}: {why}")
    }
}

impl UsTests {
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(m) = self.modification {
            parts.push(match (m.finetune_flop, m.base_flop) {
                (Some(f), Some(b)) if b > 0.0 => format!(
                    "another developer's fine-tune used {} of the base model's compute, {} {}",
                    format::times(f / b),
                    more_than_sign(m.outcome),
                    format::fraction_words(m.fraction)
                ),
                _ => format!(
                    "another developer's fine-tune: its share of the base model's compute is unknown (counts above {})",
                    format::fraction_words(m.fraction)
                ),
            });
        }
        if let Some(c) = self.compute {
            let basis = match c.basis {
                ComputeBasis::Training => "training compute",
                ComputeBasis::Cumulative => "cumulative compute",
                ComputeBasis::FineTuneOnly => "fine-tune compute",
                ComputeBasis::ThirdPartyOwn => {
                    "another developer's fine-tune, its own compute (the base model's not counted)"
                }
                ComputeBasis::Lifecycle => "the developer's own fine-tune, cumulative compute",
            };
            let threshold = if c.biology {
                "threshold for biological-sequence models"
            } else {
                "threshold"
            };
            parts.push(match (c.figure, c.basis) {
                (ComputeFigure::Undisclosed, _) => format!("{basis} undisclosed"),
                (_, ComputeBasis::FineTuneOnly) => format!(
                    "{basis} {} {} {} derivative threshold",
                    c.figure.describe(),
                    if c.outcome == Test::Pass { "≥" } else { "<" },
                    format::flop(c.threshold_flop)
                ),
                _ => format!(
                    "{basis} {} {threshold}",
                    c.figure.compared_with(c.threshold_flop)
                ),
            });
        }
        if let Some(c) = self.capability {
            let (name, unit) = match c.metric {
                CapabilityMetric::Eci => ("ECI", ""),
                CapabilityMetric::Cybench => ("Cybench", "% solved"),
            };
            parts.push(match c.score {
                None if c.outcome == Test::Fail => format!("no {name} score, counted as below"),
                None => format!("no {name} score"),
                Some(s) => format!(
                    "{name} {}{unit} {} {}{unit}",
                    format::score(s),
                    if c.outcome == Test::Pass { "≥" } else { "<" },
                    format::score(c.threshold)
                ),
            });
        }
        if let Some(c) = self.cost {
            parts.push(match c.cost_usd {
                None => "training cost unknown".to_string(),
                Some(cost) => format!(
                    "training cost {} {} {}",
                    format::usd(cost),
                    more_than_sign(c.outcome),
                    format::usd(c.threshold_usd)
                ),
            });
        }
        parts.join("; ")
    }
}
