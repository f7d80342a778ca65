//! What each control is: one table of sliders, one of choices, one of
//! switches. Each entry knows how to read its value from a `Scenario` and
//! write it back, so an input event changes exactly the field it belongs to.

use crate::format;
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule, EuTier, Scenario, Unscored,
};

/// A range slider. Positions of FLOP sliders are base-10 exponents.
pub struct SliderSpec {
    pub id: &'static str,
    pub label: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// The slider position for a scenario, or `None` when it does not apply.
    pub get: fn(&Scenario) -> Option<f64>,
    pub set: fn(&mut Scenario, f64),
    /// The value in words with its unit, shown and announced.
    pub text: fn(f64) -> String,
}

fn flop_at(exponent: f64) -> f64 {
    10f64.powf(exponent)
}

/// The current treatment of unscored models, kept when the metric or the
/// threshold changes; a new capability test starts undetermined.
fn unscored_of(s: &Scenario) -> Unscored {
    s.us.capability
        .map_or(Unscored::Undetermined, |c| c.unscored)
}

fn flop_text(exponent: f64) -> String {
    format!("more than {}", format::flop(flop_at(exponent)))
}

/// The capability threshold when the test uses `metric`.
fn capability_threshold(s: &Scenario, metric: CapabilityMetric) -> Option<f64> {
    s.us.capability
        .filter(|c| c.metric == metric)
        .map(|c| c.threshold)
}

/// Sets the capability test to `metric` at `threshold`, keeping how
/// unscored models count.
fn set_capability_threshold(s: &mut Scenario, metric: CapabilityMetric, threshold: f64) {
    s.us.capability = Some(CapabilityThreshold {
        metric,
        threshold,
        unscored: unscored_of(s),
    });
}

/// Every slider, in page order.
pub const SLIDERS: &[SliderSpec] = &[
    SliderSpec {
        id: "us-compute",
        label: "Training compute threshold (covered above it)",
        min: 22.0,
        max: 28.0,
        step: 0.05,
        get: |s| Some(s.us.compute_threshold_flop.log10()),
        set: |s, v| s.us.compute_threshold_flop = flop_at(v),
        text: |v| format::flop(flop_at(v)),
    },
    SliderSpec {
        id: "us-eci",
        label: "ECI score at least",
        min: 80.0,
        max: 170.0,
        step: 1.0,
        get: |s| capability_threshold(s, CapabilityMetric::Eci),
        set: |s, v| set_capability_threshold(s, CapabilityMetric::Eci, v),
        text: |v| format!("{} ECI points", format::score(v)),
    },
    SliderSpec {
        id: "us-cybench",
        label: "Cybench unguided solve rate at least",
        min: 0.0,
        max: 100.0,
        step: 1.0,
        get: |s| capability_threshold(s, CapabilityMetric::Cybench),
        set: |s, v| set_capability_threshold(s, CapabilityMetric::Cybench, v),
        text: |v| format!("{}% of tasks solved", format::score(v)),
    },
    SliderSpec {
        id: "us-deriv-fraction",
        label: "Fine-tune must use more than this share of the base model's compute",
        min: 0.05,
        max: 1.0,
        step: 0.01,
        get: |s| match s.us.derivatives {
            DerivativeRule::SubstantialModification { fraction } => Some(fraction),
            _ => None,
        },
        set: |s, v| s.us.derivatives = DerivativeRule::SubstantialModification { fraction: v },
        text: |v| format!("{} of the base model's compute", format::fraction_words(v)),
    },
    SliderSpec {
        id: "us-deriv-flop",
        label: "Fine-tune's own compute at least",
        min: 22.0,
        max: 28.0,
        step: 0.05,
        get: |s| match s.us.derivatives {
            DerivativeRule::OwnCompute { threshold_flop } => Some(threshold_flop.log10()),
            _ => None,
        },
        set: |s, v| {
            s.us.derivatives = DerivativeRule::OwnCompute {
                threshold_flop: flop_at(v),
            }
        },
        text: |v| format::flop(flop_at(v)),
    },
    SliderSpec {
        id: "us-cost",
        label: "Training cost more than",
        min: 6.0,
        max: 10.0,
        step: 0.05,
        get: |s| s.us.cost_threshold_usd.map(f64::log10),
        set: |s, v| s.us.cost_threshold_usd = Some(10f64.powf(v)),
        text: |v| format!("{} (2023 US dollars)", format::usd(10f64.powf(v))),
    },
    SliderSpec {
        id: "us-bio",
        label: "Biological-sequence models: compute threshold",
        min: 20.0,
        max: 26.0,
        step: 0.05,
        get: |s| s.us.biology_threshold_flop.map(f64::log10),
        set: |s, v| s.us.biology_threshold_flop = Some(flop_at(v)),
        text: |v| format::flop(flop_at(v)),
    },
    SliderSpec {
        id: "eu-systemic",
        label: "Systemic-risk presumption (Art. 51(2); the Commission may amend it)",
        min: 23.0,
        max: 28.0,
        step: 0.05,
        get: |s| Some(s.eu.systemic_threshold_flop.log10()),
        set: |s, v| s.eu.systemic_threshold_flop = flop_at(v).max(s.eu.gpai_threshold_flop),
        text: flop_text,
    },
    SliderSpec {
        id: "eu-fraction",
        label:
            "A downstream modifier becomes a provider above this share of the original's compute",
        min: 0.05,
        max: 1.0,
        step: 0.01,
        get: |s| Some(s.eu.modifier_fraction),
        set: |s, v| s.eu.modifier_fraction = v,
        text: |v| format::fraction_words(v),
    },
    SliderSpec {
        id: "eu-designation",
        label: "Designate as systemic risk from ECI score (what-if)",
        min: 80.0,
        max: 170.0,
        step: 1.0,
        get: |s| s.eu.designation_eci,
        set: |s, v| s.eu.designation_eci = Some(v),
        text: |v| format!("ECI {} or more", format::score(v)),
    },
];

/// A drop-down choice.
pub struct ChoiceSpec {
    pub id: &'static str,
    pub label: &'static str,
    pub options: &'static [(&'static str, &'static str)],
    pub get: fn(&Scenario) -> Option<&'static str>,
    pub set: fn(&mut Scenario, &str),
}

/// Every drop-down, in page order.
pub const CHOICES: &[ChoiceSpec] = &[
    ChoiceSpec {
        id: "us-capability",
        label: "Capability test (public proxies for the order's classified cyber benchmark)",
        options: &[
            ("none", "None"),
            ("eci", "Epoch Capabilities Index (general)"),
            ("cybench", "Cybench (cyber, few models scored)"),
        ],
        get: |s| {
            Some(match s.us.capability.map(|c| c.metric) {
                None => "none",
                Some(CapabilityMetric::Eci) => "eci",
                Some(CapabilityMetric::Cybench) => "cybench",
            })
        },
        set: |s, v| {
            // Starting positions only; the user moves the slider from there.
            let unscored = unscored_of(s);
            s.us.capability = match v {
                "eci" => Some(CapabilityThreshold {
                    metric: CapabilityMetric::Eci,
                    threshold: 150.0,
                    unscored,
                }),
                "cybench" => Some(CapabilityThreshold {
                    metric: CapabilityMetric::Cybench,
                    threshold: 50.0,
                    unscored,
                }),
                _ => None,
            };
            if s.us.capability.is_none() {
                s.us.combine = Combine::ComputeOnly;
            } else if s.us.combine == Combine::ComputeOnly {
                s.us.combine = Combine::Either;
            }
        },
    },
    ChoiceSpec {
        id: "us-combine",
        label: "Compute and capability combine as",
        options: &[
            ("compute_only", "Compute only"),
            ("capability_only", "Capability only"),
            ("either", "Either test"),
            ("both", "Both tests"),
        ],
        get: |s| {
            s.us.capability.map(|_| match s.us.combine {
                Combine::ComputeOnly => "compute_only",
                Combine::CapabilityOnly => "capability_only",
                Combine::Either => "either",
                Combine::Both => "both",
            })
        },
        set: |s, v| {
            s.us.combine = match v {
                "capability_only" => Combine::CapabilityOnly,
                "either" => Combine::Either,
                "both" => Combine::Both,
                _ => Combine::ComputeOnly,
            }
        },
    },
    ChoiceSpec {
        id: "us-derivatives",
        label: "Fine-tuned derivatives",
        options: &[
            ("exclude", "Excluded (only models trained from scratch)"),
            ("inherit", "Inherit the base model's status"),
            ("cumulative", "Cumulative compute (SB 53 style)"),
            (
                "substantial_modification",
                "Substantial modification (EU style)",
            ),
            ("own_compute", "Own fine-tune compute (SB 1047 style)"),
        ],
        get: |s| {
            Some(match s.us.derivatives {
                DerivativeRule::Exclude => "exclude",
                DerivativeRule::Inherit => "inherit",
                DerivativeRule::Cumulative => "cumulative",
                DerivativeRule::SubstantialModification { .. } => "substantial_modification",
                DerivativeRule::OwnCompute { .. } => "own_compute",
            })
        },
        set: |s, v| {
            s.us.derivatives = match v {
                "inherit" => DerivativeRule::Inherit,
                "cumulative" => DerivativeRule::Cumulative,
                // Policy.md's defaults: one third (EU), 3e25 (SB 1047).
                "substantial_modification" => DerivativeRule::SubstantialModification {
                    fraction: 1.0 / 3.0,
                },
                "own_compute" => DerivativeRule::OwnCompute {
                    threshold_flop: 3e25,
                },
                _ => DerivativeRule::Exclude,
            }
        },
    },
    ChoiceSpec {
        id: "eu-tier",
        label: "Compare the US definition with",
        options: &[
            ("systemic_risk", "EU GPAI models with systemic risk"),
            ("gpai", "All EU GPAI models"),
        ],
        get: |s| {
            Some(match s.eu.compare {
                EuTier::SystemicRisk => "systemic_risk",
                EuTier::Gpai => "gpai",
            })
        },
        set: |s, v| {
            s.eu.compare = if v == "gpai" {
                EuTier::Gpai
            } else {
                EuTier::SystemicRisk
            }
        },
    },
];

/// An on/off switch.
pub struct ToggleSpec {
    pub id: &'static str,
    pub label: &'static str,
    /// Whether the switch means anything for a scenario; its row is hidden when not.
    pub applies: fn(&Scenario) -> bool,
    pub get: fn(&Scenario) -> bool,
    pub set: fn(&mut Scenario, bool),
}

fn always(_: &Scenario) -> bool {
    true
}

/// Every switch, in page order.
pub const TOGGLES: &[ToggleSpec] = &[
    ToggleSpec {
        id: "us-cost-on",
        label: "Also require a training cost (RAISE / SB 1047 style)",
        applies: always,
        get: |s| s.us.cost_threshold_usd.is_some(),
        // $100M: the figure of RAISE as signed and SB 1047 (policy.md).
        set: |s, on| s.us.cost_threshold_usd = on.then_some(100e6),
    },
    ToggleSpec {
        id: "us-bio-on",
        label: "Lower threshold for models trained mainly on biological sequence data (EO 14110: 10^23 FLOP)",
        applies: always,
        get: |s| s.us.biology_threshold_flop.is_some(),
        // EO 14110 sec. 4.2(b): 1e23 integer or floating-point operations.
        set: |s, on| s.us.biology_threshold_flop = on.then_some(1e23),
    },
    ToggleSpec {
        id: "us-third-party",
        label: "Count the base model's compute in another developer's fine-tune (disputed under SB 53)",
        applies: |s| s.us.derivatives == DerivativeRule::Cumulative,
        get: |s| s.us.third_party_cumulative,
        set: |s, on| s.us.third_party_cumulative = on,
    },
    ToggleSpec {
        id: "us-unscored-below",
        label: "Treat models without a score as below the capability threshold",
        applies: |s| s.us.capability.is_some(),
        get: |s| unscored_of(s) == Unscored::Below,
        set: |s, on| {
            if let Some(capability) = s.us.capability.as_mut() {
                capability.unscored = if on {
                    Unscored::Below
                } else {
                    Unscored::Undetermined
                };
            }
        },
    },
    ToggleSpec {
        id: "eu-designation-on",
        label: "Commission designates models by capability (Art. 51(1)(b), discretionary)",
        applies: always,
        get: |s| s.eu.designation_eci.is_some(),
        set: |s, on| s.eu.designation_eci = on.then_some(150.0),
    },
    ToggleSpec {
        id: "estimates",
        label: "Use Epoch AI's \u{201c}estimated over 10^25 FLOP\u{201d} flag where compute is undisclosed",
        applies: always,
        get: |s| s.use_estimates,
        set: |s, on| s.use_estimates = on,
    },
    ToggleSpec {
        id: "uncertainty",
        label: "Allow for uncertain compute figures: Confident within a factor of 3, Likely 10, Speculative 30 (this tool's reading of Epoch's labels)",
        applies: always,
        get: |s| s.compute_uncertainty,
        set: |s, on| s.compute_uncertainty = on,
    },
];
