//! A `Scenario` is everything the user chooses. Unsettled points of policy
//! (the whole US scope, EU what-ifs) are fields here, never hidden defaults.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::IsoDate;
use crate::settings::policy;

/// Lowest compute threshold accepted anywhere, in FLOP.
pub const MIN_FLOP: f64 = 1e18;
/// Highest compute threshold accepted anywhere, in FLOP.
pub const MAX_FLOP: f64 = 1e30;

/// Gives an enum of unit variants its names, once: `ALL` (every value, in
/// the order a choice lists them), `name` (as in URLs and CSV; the serde
/// name, checked by a test) and `parse`.
macro_rules! named {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order a choice lists them.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The value's name in URLs and CSV (its serde name).
            pub const fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }

            /// The value with this name.
            pub fn parse(name: &str) -> Option<$ty> {
                Self::ALL.iter().copied().find(|v| v.name() == name)
            }
        }
    };
}

/// One candidate definition of scope plus the EU settings and the date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The candidate US "covered frontier model" definition.
    pub us: UsDefinition,
    /// The EU AI Act settings (as written by default, adjustable as what-ifs).
    pub eu: EuSettings,
    /// The date the scenario is evaluated at: models published later do not exist yet.
    pub as_of: IsoDate,
    /// Use Epoch AI's "estimated over 1e25 FLOP" flag for models whose compute is undisclosed.
    #[serde(default)]
    pub use_estimates: bool,
    /// Widen each compute figure by its confidence label (data/README.md):
    /// a threshold inside the range makes the verdict borderline.
    #[serde(default)]
    pub compute_uncertainty: bool,
    /// The level of every estimate's interval (0.8: an 80% interval).
    #[serde(default = "default_estimate_level")]
    pub estimate_level: f64,
    /// How far an ECI score may be from the model's capability, in ECI
    /// points either side: a score that close to a threshold is borderline.
    #[serde(default = "default_score_margin")]
    pub score_margin_eci: f64,
}

fn default_estimate_level() -> f64 {
    crate::settings::policy::ESTIMATE_LEVEL
}

fn default_score_margin() -> f64 {
    crate::estimate::ECI_SCORE_UNCERTAINTY_POINTS
}

/// A candidate US definition. The executive order of 2 June 2026 sets none
/// of these (policy.md, "Scope is undefined"): each is the user's choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsDefinition {
    /// A model is covered by compute when its training compute is more than this, in FLOP.
    pub compute_threshold_flop: f64,
    /// The capability test, if any.
    #[serde(default)]
    pub capability: Option<CapabilityThreshold>,
    /// How the compute and capability tests combine.
    pub combine: Combine,
    /// How fine-tuned derivatives are treated.
    pub derivatives: DerivativeRule,
    /// An extra condition, RAISE style: training compute cost more than this, in US dollars.
    #[serde(default)]
    pub cost_threshold_usd: Option<f64>,
    /// EO 14110 sec. 4.2(b): a lower compute threshold, in FLOP, for models
    /// trained primarily on biological sequence data (`None`: no such rule).
    #[serde(default)]
    pub biology_threshold_flop: Option<f64>,
    /// Under the cumulative rule, whether another developer's fine-tune
    /// counts its base model's compute. SB 53 counts the developer's own
    /// modifications; whether third-party fine-tunes count is disputed
    /// (policy.md), so this is the user's choice.
    #[serde(default = "yes")]
    pub third_party_cumulative: bool,
}

fn yes() -> bool {
    true
}

/// A public capability proxy and the score at or above which a model counts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapabilityThreshold {
    /// Which benchmark.
    pub metric: CapabilityMetric,
    /// Score at or above which the model passes (ECI points or Cybench % solved).
    pub threshold: f64,
    /// What a model without a score counts as.
    #[serde(default)]
    pub unscored: Unscored,
}

/// How the capability test treats a model that has no score on the metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unscored {
    /// The data cannot tell: the test is undetermined.
    #[default]
    Undetermined,
    /// The user assumes an unscored model is below the threshold.
    Below,
}

named!(Unscored {
    Undetermined => "undetermined",
    Below => "below",
});

/// Public proxies for the order's classified cyber benchmark (policy.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapabilityMetric {
    /// Epoch Capabilities Index: general capability, hundreds of models scored.
    Eci,
    /// Cybench unguided % solved: cyber capability, a handful of models scored.
    Cybench,
}

named!(CapabilityMetric {
    Eci => "eci",
    Cybench => "cybench",
});

/// How the compute and the capability test combine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// Only training compute counts.
    ComputeOnly,
    /// Only the capability score counts.
    CapabilityOnly,
    /// Either test suffices.
    Either,
    /// Both tests must pass.
    Both,
}

named!(Combine {
    ComputeOnly => "compute_only",
    CapabilityOnly => "capability_only",
    Either => "either",
    Both => "both",
});

impl Combine {
    /// Whether the US definition reads training compute: every combination
    /// but [`Combine::CapabilityOnly`] (the US rules' `match us.combine`).
    /// Where it does not, the chart draws no US compute line.
    pub fn uses_compute(self) -> bool {
        !matches!(self, Combine::CapabilityOnly)
    }
}

/// How a fine-tuned derivative is judged (policy.md, "How derivatives can be treated").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum DerivativeRule {
    /// Never in scope: only models trained from scratch are assessed.
    Exclude,
    /// In scope when its base model is.
    Inherit,
    /// Base plus fine-tune compute passes the threshold (SB 53 style).
    Cumulative,
    /// The fine-tune used more than `fraction` of the base model's compute,
    /// and the result passes the threshold (EU style).
    SubstantialModification {
        /// Share of the base model's compute, in (0, 1]; 1/3 in the EU.
        fraction: f64,
    },
    /// The fine-tune's own compute passes a separate threshold (SB 1047 style).
    OwnCompute {
        /// Derivative threshold in FLOP (SB 1047: 3e25 or more).
        threshold_flop: f64,
    },
}

/// A derivative rule without its number: what choosing a rule picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DerivKind {
    /// [`DerivativeRule::Exclude`].
    Exclude,
    /// [`DerivativeRule::Inherit`].
    Inherit,
    /// [`DerivativeRule::Cumulative`].
    Cumulative,
    /// [`DerivativeRule::SubstantialModification`].
    SubstantialModification,
    /// [`DerivativeRule::OwnCompute`].
    OwnCompute,
}

named!(DerivKind {
    Exclude => "exclude",
    Inherit => "inherit",
    Cumulative => "cumulative",
    SubstantialModification => "substantial_modification",
    OwnCompute => "own_compute",
});

impl DerivKind {
    /// The rule of this kind with `number` (the fraction or the FLOP
    /// threshold; ignored by the rules without one).
    pub fn with(self, number: f64) -> DerivativeRule {
        match self {
            DerivKind::Exclude => DerivativeRule::Exclude,
            DerivKind::Inherit => DerivativeRule::Inherit,
            DerivKind::Cumulative => DerivativeRule::Cumulative,
            DerivKind::SubstantialModification => {
                DerivativeRule::SubstantialModification { fraction: number }
            }
            DerivKind::OwnCompute => DerivativeRule::OwnCompute {
                threshold_flop: number,
            },
        }
    }

    /// The rule a user gets on choosing this kind: the precedent's number
    /// (policy.md: one third in the EU, 3e25 in SB 1047).
    pub fn starting_rule(self) -> DerivativeRule {
        match self {
            DerivKind::SubstantialModification => self.with(policy::EU_MODIFIER_FRACTION),
            DerivKind::OwnCompute => self.with(policy::SB1047_DERIVATIVE_FLOP),
            DerivKind::Exclude | DerivKind::Inherit | DerivKind::Cumulative => self.with(0.0),
        }
    }
}

impl DerivativeRule {
    /// The rule's kind, without its number.
    pub fn kind(self) -> DerivKind {
        match self {
            DerivativeRule::Exclude => DerivKind::Exclude,
            DerivativeRule::Inherit => DerivKind::Inherit,
            DerivativeRule::Cumulative => DerivKind::Cumulative,
            DerivativeRule::SubstantialModification { .. } => DerivKind::SubstantialModification,
            DerivativeRule::OwnCompute { .. } => DerivKind::OwnCompute,
        }
    }

    /// The rule's number (fraction or FLOP threshold), if it has one.
    pub fn number(self) -> Option<f64> {
        match self {
            DerivativeRule::SubstantialModification { fraction } => Some(fraction),
            DerivativeRule::OwnCompute { threshold_flop } => Some(threshold_flop),
            DerivativeRule::Exclude | DerivativeRule::Inherit | DerivativeRule::Cumulative => None,
        }
    }
}

/// The EU AI Act's GPAI settings. Defaults are the law as written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EuSettings {
    /// GPAI indicative criterion, more than this many FLOP (guidelines sec. 2.1: 1e23).
    pub gpai_threshold_flop: f64,
    /// Systemic-risk presumption, more than this many FLOP (Art. 51(2): 1e25).
    pub systemic_threshold_flop: f64,
    /// A downstream modifier becomes a provider above this share of the
    /// original's compute (guidelines sec. 3.2: one third).
    pub modifier_fraction: f64,
    /// What-if designation by capability (Art. 51(1)(b)): ECI at or above this.
    #[serde(default)]
    pub designation_eci: Option<f64>,
    /// Which EU tier counts as "in scope" when comparing with the US.
    #[serde(default)]
    pub compare: EuTier,
}

/// Which EU tier the overlap compares against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EuTier {
    /// GPAI models with systemic risk (the frontier tier).
    #[default]
    SystemicRisk,
    /// All GPAI models.
    Gpai,
}

named!(EuTier {
    SystemicRisk => "systemic_risk",
    Gpai => "gpai",
});

impl Default for EuSettings {
    fn default() -> Self {
        EuSettings {
            gpai_threshold_flop: policy::EU_GPAI_FLOP,
            systemic_threshold_flop: policy::EU_SYSTEMIC_FLOP,
            modifier_fraction: policy::EU_MODIFIER_FRACTION,
            designation_eci: None,
            compare: EuTier::SystemicRisk,
        }
    }
}

/// A scenario value out of range, naming the field.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    /// Dotted path of the offending field, such as `us.compute_threshold_flop`.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ScenarioError {}

fn check_range(
    field: &str,
    value: f64,
    low: f64,
    high: f64,
    unit: &str,
) -> Result<(), ScenarioError> {
    if value.is_finite() && value >= low && value <= high {
        Ok(())
    } else {
        Err(ScenarioError {
            field: field.to_string(),
            message: format!(
                "must be a number from {low:e} to {high:e} {unit}, got {}",
                // 1e25 reads as such, not as 26 digits.
                if value.abs() >= 1e6 {
                    format!("{value:e}")
                } else {
                    value.to_string()
                }
            ),
        })
    }
}

impl Scenario {
    /// Chooses the capability test's metric, or none. A new metric starts
    /// at its starting threshold (policy.md has none: the cut-offs are this
    /// tool's illustrations), keeping how unscored models count; the same
    /// metric keeps its threshold. A test needs a combination that uses
    /// it, and no test allows only compute: choosing one switches
    /// "compute only" to "either", choosing none switches back.
    pub fn choose_capability(&mut self, metric: Option<CapabilityMetric>) {
        let current = self.us.capability;
        self.us.capability = metric.map(|metric| match current {
            Some(c) if c.metric == metric => c,
            _ => CapabilityThreshold {
                metric,
                threshold: policy::starting_capability_threshold(metric),
                unscored: current.map(|c| c.unscored).unwrap_or_default(),
            },
        });
        if self.us.capability.is_none() {
            self.us.combine = Combine::ComputeOnly;
        } else if self.us.combine == Combine::ComputeOnly {
            self.us.combine = Combine::Either;
        }
    }

    /// Chooses the derivative rule; a rule with a number starts at its
    /// precedent's (see [`DerivKind::starting_rule`]), or keeps the current
    /// number when the kind does not change.
    pub fn choose_derivatives(&mut self, kind: DerivKind) {
        if self.us.derivatives.kind() != kind {
            self.us.derivatives = kind.starting_rule();
        }
    }

    /// Checks every number is finite and within a sensible range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        let us = &self.us;
        check_range(
            "us.compute_threshold_flop",
            us.compute_threshold_flop,
            MIN_FLOP,
            MAX_FLOP,
            "FLOP",
        )?;
        if let Some(cap) = us.capability {
            let high = match cap.metric {
                CapabilityMetric::Eci => 300.0,
                CapabilityMetric::Cybench => 100.0,
            };
            let unit = match cap.metric {
                CapabilityMetric::Eci => "ECI points",
                CapabilityMetric::Cybench => "% solved",
            };
            check_range("us.capability.threshold", cap.threshold, 0.0, high, unit)?;
        } else if matches!(
            us.combine,
            Combine::CapabilityOnly | Combine::Either | Combine::Both
        ) {
            return Err(ScenarioError {
                field: "us.capability".into(),
                message: "is required when combine uses capability".into(),
            });
        }
        match us.derivatives {
            DerivativeRule::SubstantialModification { fraction } => {
                if !(fraction.is_finite() && fraction > 0.0 && fraction <= 1.0) {
                    return Err(ScenarioError {
                        field: "us.derivatives.fraction".into(),
                        message: format!("must be more than 0 and at most 1, got {fraction}"),
                    });
                }
            }
            DerivativeRule::OwnCompute { threshold_flop } => {
                check_range(
                    "us.derivatives.threshold_flop",
                    threshold_flop,
                    MIN_FLOP,
                    MAX_FLOP,
                    "FLOP",
                )?;
            }
            DerivativeRule::Exclude | DerivativeRule::Inherit | DerivativeRule::Cumulative => {}
        }
        if let Some(cost) = us.cost_threshold_usd {
            check_range("us.cost_threshold_usd", cost, 0.0, 1e12, "USD")?;
        }
        if let Some(flop) = us.biology_threshold_flop {
            check_range(
                "us.biology_threshold_flop",
                flop,
                MIN_FLOP,
                MAX_FLOP,
                "FLOP",
            )?;
        }
        let eu = &self.eu;
        check_range(
            "eu.gpai_threshold_flop",
            eu.gpai_threshold_flop,
            MIN_FLOP,
            MAX_FLOP,
            "FLOP",
        )?;
        check_range(
            "eu.systemic_threshold_flop",
            eu.systemic_threshold_flop,
            eu.gpai_threshold_flop,
            MAX_FLOP,
            "FLOP (at least the GPAI threshold)",
        )?;
        if !(eu.modifier_fraction.is_finite()
            && eu.modifier_fraction > 0.0
            && eu.modifier_fraction <= 1.0)
        {
            return Err(ScenarioError {
                field: "eu.modifier_fraction".into(),
                message: format!(
                    "must be more than 0 and at most 1, got {}",
                    eu.modifier_fraction
                ),
            });
        }
        if let Some(eci) = eu.designation_eci {
            check_range("eu.designation_eci", eci, 0.0, 300.0, "ECI points")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn base() -> Scenario {
        presets::find("sb53", presets::DEFAULT_AS_OF)
            .unwrap()
            .scenario
    }

    #[test]
    fn presets_validate() {
        for p in presets::all(presets::DEFAULT_AS_OF) {
            p.scenario
                .validate()
                .unwrap_or_else(|e| panic!("{}: {e}", p.id));
        }
    }

    #[test]
    fn rejects_nan_and_absurd_thresholds_naming_the_field() {
        let mut s = base();
        s.us.compute_threshold_flop = f64::NAN;
        assert_eq!(s.validate().unwrap_err().field, "us.compute_threshold_flop");
        s.us.compute_threshold_flop = -1.0;
        assert_eq!(s.validate().unwrap_err().field, "us.compute_threshold_flop");
        s.us.compute_threshold_flop = 1e40;
        assert_eq!(s.validate().unwrap_err().field, "us.compute_threshold_flop");
    }

    #[test]
    fn rejects_bad_fraction_and_eu_thresholds() {
        let mut s = base();
        s.us.derivatives = DerivativeRule::SubstantialModification { fraction: 0.0 };
        assert_eq!(s.validate().unwrap_err().field, "us.derivatives.fraction");
        let mut s = base();
        s.eu.systemic_threshold_flop = 1e22;
        assert_eq!(
            s.validate().unwrap_err().field,
            "eu.systemic_threshold_flop"
        );
        let mut s = base();
        s.eu.modifier_fraction = f64::INFINITY;
        assert_eq!(s.validate().unwrap_err().field, "eu.modifier_fraction");
    }

    #[test]
    fn capability_combination_needs_a_capability_threshold() {
        let mut s = base();
        s.us.combine = Combine::Either;
        s.us.capability = None;
        assert_eq!(s.validate().unwrap_err().field, "us.capability");
    }
}
