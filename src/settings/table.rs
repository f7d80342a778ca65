//! The table: every setting, in page order (which is also the order of the
//! URL's parameters).

use super::policy;
use super::{always, Choice, DateInput, Group, Kind, Optional, Page, Setting, Slider, Switch};
use super::{Unit, NONE};
use crate::date::IsoDate;
use crate::format;
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivKind, DerivativeRule, EuTier, Scenario,
    Unscored,
};

/// How unscored models count now; a new capability test starts undetermined.
fn unscored_of(s: &Scenario) -> Unscored {
    s.us.capability
        .map_or_else(Unscored::default, |c| c.unscored)
}

fn has_capability(s: &Scenario) -> bool {
    s.us.capability.is_some()
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

fn uses(s: &Scenario, kind: DerivKind) -> bool {
    s.us.derivatives.kind() == kind
}

/// URL words of a switch.
const OFF_ON: [&str; 2] = ["0", "1"];

/// Every setting, in page order.
pub static SETTINGS: &[Setting] = &[
    Setting {
        id: "us-compute",
        param: "us_flop",
        label: "Training compute threshold (covered above it)",
        name: "US compute threshold",
        group: Group::Us,
        source: "EO 14110 sec. 4.2(b), SB 53, SB 1047, RAISE: more than 1e26",
        field: "us.compute_threshold_flop",
        kind: Kind::Slider(Slider {
            unit: Unit::Flop,
            min: 22.0,
            max: 28.0,
            step: 0.05,
            default: policy::US_PRECEDENT_FLOP,
            optional: None,
            get: |s| Some(s.us.compute_threshold_flop),
            set: |s, v| s.us.compute_threshold_flop = v,
            text: format::flop,
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "us-capability",
        param: "cap",
        label: "Capability test (public proxies for the order's classified cyber benchmark)",
        name: "capability test",
        group: Group::Us,
        source: "Order of 2 June 2026: a classified cyber benchmark; none by default",
        field: "us.capability",
        kind: Kind::Choice(Choice {
            options: &[
                (NONE, "None"),
                (
                    CapabilityMetric::Eci.name(),
                    "Epoch Capabilities Index (general)",
                ),
                (
                    CapabilityMetric::Cybench.name(),
                    "Cybench (cyber, few models scored)",
                ),
            ],
            default: NONE,
            get: |s| s.us.capability.map_or(NONE, |c| c.metric.name()),
            set: |s, v| s.choose_capability(CapabilityMetric::parse(v)),
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "us-eci",
        param: "cap_min",
        label: "ECI score at least",
        name: "capability test",
        group: Group::Us,
        source: "This tool's illustration: the order's benchmark is classified",
        field: "us.capability.threshold",
        kind: Kind::Slider(Slider {
            unit: Unit::EciPoints,
            min: 80.0,
            max: 170.0,
            step: 1.0,
            default: policy::ILLUSTRATIVE_ECI,
            optional: None,
            get: |s| capability_threshold(s, CapabilityMetric::Eci),
            set: |s, v| set_capability_threshold(s, CapabilityMetric::Eci, v),
            text: |v| format!("{} ECI points", format::score(v)),
        }),
        applies: |s| capability_threshold(s, CapabilityMetric::Eci).is_some(),
        page: Page::Shown,
    },
    Setting {
        id: "us-cybench",
        param: "cap_min",
        label: "Cybench unguided solve rate at least",
        name: "capability test",
        group: Group::Us,
        source: "This tool's illustration: the order's benchmark is classified",
        field: "us.capability.threshold",
        kind: Kind::Slider(Slider {
            unit: Unit::Percent,
            min: 0.0,
            max: 100.0,
            step: 1.0,
            default: policy::ILLUSTRATIVE_CYBENCH_PCT,
            optional: None,
            get: |s| capability_threshold(s, CapabilityMetric::Cybench),
            set: |s, v| set_capability_threshold(s, CapabilityMetric::Cybench, v),
            text: |v| format!("{}% of tasks solved", format::score(v)),
        }),
        applies: |s| capability_threshold(s, CapabilityMetric::Cybench).is_some(),
        page: Page::Shown,
    },
    Setting {
        id: "us-unscored-below",
        param: "cap_unscored",
        label: "Treat models without a score as below the capability threshold",
        name: "capability test",
        group: Group::Us,
        source: "This tool: undisclosed is never \u{201c}out\u{201d} unless you say so",
        field: "us.capability.unscored",
        kind: Kind::Switch(Switch {
            default: false,
            words: [Unscored::Undetermined.name(), Unscored::Below.name()],
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
        }),
        applies: has_capability,
        page: Page::Shown,
    },
    Setting {
        id: "us-combine",
        param: "combine",
        label: "Compute and capability combine as",
        name: "combination of tests",
        group: Group::Us,
        source: "EO 14110, SB 53: compute only",
        field: "us.combine",
        kind: Kind::Choice(Choice {
            options: &[
                (Combine::ComputeOnly.name(), "Compute only"),
                (Combine::CapabilityOnly.name(), "Capability only"),
                (Combine::Either.name(), "Either test"),
                (Combine::Both.name(), "Both tests"),
            ],
            default: Combine::ComputeOnly.name(),
            get: |s| s.us.combine.name(),
            set: |s, v| {
                if let Some(combine) = Combine::parse(v) {
                    s.us.combine = combine;
                }
            },
        }),
        applies: always,
        // Without a capability test only "compute only" is valid.
        page: Page::ShownWhen(has_capability),
    },
    Setting {
        id: "us-derivatives",
        param: "deriv",
        label: "Fine-tuned derivatives",
        name: "fine-tune rule",
        group: Group::Us,
        source: "SB 53: cumulative compute",
        field: "us.derivatives",
        kind: Kind::Choice(Choice {
            options: &[
                (
                    DerivKind::Exclude.name(),
                    "Excluded (only models trained from scratch)",
                ),
                (DerivKind::Inherit.name(), "Inherit the base model's status"),
                (
                    DerivKind::Cumulative.name(),
                    "Cumulative compute (SB 53 style)",
                ),
                (
                    DerivKind::SubstantialModification.name(),
                    "Substantial modification (EU style)",
                ),
                (
                    DerivKind::OwnCompute.name(),
                    "Own fine-tune compute (SB 1047 style)",
                ),
            ],
            default: DerivKind::Cumulative.name(),
            get: |s| s.us.derivatives.kind().name(),
            set: |s, v| {
                if let Some(kind) = DerivKind::parse(v) {
                    s.choose_derivatives(kind);
                }
            },
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "us-deriv-fraction",
        param: "deriv_frac",
        label: "Fine-tune must use more than this share of the base model's compute",
        name: "fine-tune rule",
        group: Group::Us,
        source: "GPAI guidelines sec. 3.2: one third",
        field: "us.derivatives.fraction",
        kind: Kind::Slider(Slider {
            unit: Unit::Fraction,
            min: 0.05,
            max: 1.0,
            step: 0.01,
            default: policy::EU_MODIFIER_FRACTION,
            optional: None,
            get: |s| match s.us.derivatives {
                DerivativeRule::SubstantialModification { fraction } => Some(fraction),
                _ => None,
            },
            set: |s, v| s.us.derivatives = DerivKind::SubstantialModification.with(v),
            text: |v| format!("{} of the base model's compute", format::fraction_words(v)),
        }),
        applies: |s| uses(s, DerivKind::SubstantialModification),
        page: Page::Shown,
    },
    Setting {
        id: "us-deriv-flop",
        param: "deriv_flop",
        label: "Fine-tune's own compute at least",
        name: "fine-tune rule",
        group: Group::Us,
        source: "SB 1047: 3e25 operations or more",
        field: "us.derivatives.threshold_flop",
        kind: Kind::Slider(Slider {
            unit: Unit::Flop,
            min: 22.0,
            max: 28.0,
            step: 0.05,
            default: policy::SB1047_DERIVATIVE_FLOP,
            optional: None,
            get: |s| match s.us.derivatives {
                DerivativeRule::OwnCompute { threshold_flop } => Some(threshold_flop),
                _ => None,
            },
            set: |s, v| s.us.derivatives = DerivKind::OwnCompute.with(v),
            text: format::flop,
        }),
        applies: |s| uses(s, DerivKind::OwnCompute),
        page: Page::Shown,
    },
    Setting {
        id: "us-third-party",
        param: "deriv_third",
        label: "Count the base model's compute in another developer's fine-tune (disputed under SB 53)",
        name: "third-party fine-tune rule",
        group: Group::Us,
        source: "SB 53 counts the developer's own modifications; third parties are disputed",
        field: "us.third_party_cumulative",
        kind: Kind::Switch(Switch {
            default: true,
            words: OFF_ON,
            get: |s| s.us.third_party_cumulative,
            set: |s, on| s.us.third_party_cumulative = on,
        }),
        applies: |s| uses(s, DerivKind::Cumulative),
        page: Page::Shown,
    },
    Setting {
        id: "us-cost",
        param: "cost_usd",
        label: "Training cost more than",
        name: "cost test",
        group: Group::Us,
        source: "RAISE as signed, SB 1047: over $100M",
        field: "us.cost_threshold_usd",
        kind: Kind::Slider(Slider {
            unit: Unit::Usd,
            min: 6.0,
            max: 10.0,
            step: 0.05,
            default: policy::COST_USD,
            optional: Some(Optional {
                label: "Also require a training cost (RAISE / SB 1047 style)",
                off: "no cost test",
                clear: |s| s.us.cost_threshold_usd = None,
            }),
            get: |s| s.us.cost_threshold_usd,
            set: |s, v| s.us.cost_threshold_usd = Some(v),
            text: |v| format!("{} (2023 US dollars)", format::usd(v)),
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "us-bio",
        param: "us_bio",
        label: "Biological-sequence models: compute threshold",
        name: "biology threshold",
        group: Group::Us,
        source: "EO 14110 sec. 4.2(b): more than 1e23",
        field: "us.biology_threshold_flop",
        kind: Kind::Slider(Slider {
            unit: Unit::Flop,
            min: 20.0,
            max: 26.0,
            step: 0.05,
            default: policy::EO14110_BIOLOGY_FLOP,
            optional: Some(Optional {
                label: "Lower threshold for models trained mainly on biological sequence data (EO 14110: 10²³ FLOP)",
                off: "no biology threshold",
                clear: |s| s.us.biology_threshold_flop = None,
            }),
            get: |s| s.us.biology_threshold_flop,
            set: |s, v| s.us.biology_threshold_flop = Some(v),
            text: format::flop,
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "eu-tier",
        param: "eu_tier",
        label: "Compare the US definition with",
        name: "compared EU tier",
        group: Group::Eu,
        source: "AI Act Art. 51: the systemic-risk tier is the frontier",
        field: "eu.compare",
        kind: Kind::Choice(Choice {
            options: &[
                (
                    EuTier::SystemicRisk.name(),
                    "EU GPAI models with systemic risk",
                ),
                (EuTier::Gpai.name(), "All EU GPAI models"),
            ],
            default: EuTier::SystemicRisk.name(),
            get: |s| s.eu.compare.name(),
            set: |s, v| {
                if let Some(tier) = EuTier::parse(v) {
                    s.eu.compare = tier;
                }
            },
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "eu-gpai",
        param: "eu_gpai",
        label: "GPAI model above (indicative criterion)",
        name: "EU GPAI threshold",
        group: Group::Eu,
        source: "GPAI guidelines sec. 2.1: more than 1e23",
        field: "eu.gpai_threshold_flop",
        kind: Kind::Slider(Slider {
            unit: Unit::Flop,
            // At most the systemic-risk presumption as written.
            min: 20.0,
            max: 25.0,
            step: 0.05,
            default: policy::EU_GPAI_FLOP,
            optional: None,
            get: |s| Some(s.eu.gpai_threshold_flop),
            set: |s, v| s.eu.gpai_threshold_flop = v,
            text: format::flop,
        }),
        applies: always,
        page: Page::NoControl,
    },
    Setting {
        id: "eu-systemic",
        param: "eu_sys",
        label: "Systemic-risk presumption (Art. 51(2); the Commission may amend it)",
        name: "EU presumption",
        group: Group::Eu,
        source: "AI Act Art. 51(2): more than 1e25",
        field: "eu.systemic_threshold_flop",
        kind: Kind::Slider(Slider {
            unit: Unit::Flop,
            min: 23.0,
            max: 28.0,
            step: 0.05,
            default: policy::EU_SYSTEMIC_FLOP,
            optional: None,
            get: |s| Some(s.eu.systemic_threshold_flop),
            // Never below the GPAI threshold (Scenario::validate).
            set: |s, v| s.eu.systemic_threshold_flop = v.max(s.eu.gpai_threshold_flop),
            text: |v| format!("more than {}", format::flop(v)),
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "eu-fraction",
        param: "eu_frac",
        label: "A downstream modifier becomes a provider above this share of the original's compute",
        name: "EU modifier share",
        group: Group::Eu,
        source: "GPAI guidelines sec. 3.2: one third",
        field: "eu.modifier_fraction",
        kind: Kind::Slider(Slider {
            unit: Unit::Fraction,
            min: 0.05,
            max: 1.0,
            step: 0.01,
            default: policy::EU_MODIFIER_FRACTION,
            optional: None,
            get: |s| Some(s.eu.modifier_fraction),
            set: |s, v| s.eu.modifier_fraction = v,
            text: format::fraction_words,
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "eu-designation",
        param: "eu_desig",
        label: "Designate as systemic risk from ECI score (what-if)",
        name: "EU designation",
        group: Group::Eu,
        source: "AI Act Art. 51(1)(b), discretionary; the ECI cut-off is this tool's illustration",
        field: "eu.designation_eci",
        kind: Kind::Slider(Slider {
            unit: Unit::EciPoints,
            min: 80.0,
            max: 170.0,
            step: 1.0,
            default: policy::ILLUSTRATIVE_ECI,
            optional: Some(Optional {
                label: "Commission designates models by capability (Art. 51(1)(b), discretionary)",
                off: "no designation",
                clear: |s| s.eu.designation_eci = None,
            }),
            get: |s| s.eu.designation_eci,
            set: |s, v| s.eu.designation_eci = Some(v),
            text: |v| format!("ECI {} or more", format::score(v)),
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "as-of",
        param: "as_of",
        label: "Evaluate as of (models published later are left out)",
        name: "as-of date",
        group: Group::Evaluation,
        source: "Today",
        field: "as_of",
        kind: Kind::Date(DateInput {
            min: IsoDate::from_date(time::macros::date!(2010 - 01 - 01)),
            max: crate::date::LATEST,
            get: |s| s.as_of,
            set: |s, d| s.as_of = d,
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "estimates",
        param: "est",
        label: "Estimate undisclosed compute and missing ECI scores (from capability and date, parameters, Epoch's \u{201c}over 10²⁵ FLOP\u{201d} flag and the frontier's ceiling; data/ESTIMATES.md), and read Epoch's own Speculative figures as estimates (within a factor of 30)",
        name: "estimates",
        group: Group::Evaluation,
        source: "On in the page's default view, so a first reading has an answer; every estimate is marked as one, and so is a verdict on a Speculative figure (or one without a label), read within its label's interval. Off: an undisclosed figure stays undetermined, and every figure is taken as published",
        field: "use_estimates",
        kind: Kind::Switch(Switch {
            default: false,
            words: OFF_ON,
            get: |s| s.use_estimates,
            set: |s, on| s.use_estimates = on,
        }),
        applies: always,
        page: Page::Shown,
    },
    Setting {
        id: "estimate-level",
        param: "est_level",
        label: "Estimates' interval level (the chance an interval holds the truth)",
        name: "estimate interval level",
        group: Group::Evaluation,
        source: "80%, the project's choice; data/ESTIMATES.md reports each method's coverage",
        field: "estimate_level",
        kind: Kind::Slider(Slider {
            unit: Unit::Fraction,
            min: 0.5,
            max: 0.95,
            step: 0.05,
            default: policy::ESTIMATE_LEVEL,
            optional: None,
            get: |s| Some(s.estimate_level),
            set: |s, v| s.estimate_level = v,
            text: |v| format!("{}% intervals", format::score(v * 100.0)),
        }),
        applies: |s| s.use_estimates,
        page: Page::Shown,
    },
    Setting {
        id: "score-margin",
        param: "eci_margin",
        label: "How far an ECI score may be off, either way (a score this close to a threshold is borderline)",
        name: "ECI score margin",
        group: Group::Evaluation,
        source: "3 ECI points: this project's assumption (Epoch publishes per-model intervals but no typical width; data/ESTIMATES.md)",
        field: "score_margin_eci",
        kind: Kind::Slider(Slider {
            unit: Unit::EciPoints,
            min: 0.0,
            max: 10.0,
            step: 0.5,
            default: crate::estimate::ECI_SCORE_UNCERTAINTY_POINTS,
            optional: None,
            get: |s| Some(s.score_margin_eci),
            set: |s, v| s.score_margin_eci = v,
            text: |v| format!("{} ECI points", format::score(v)),
        }),
        applies: |s| {
            s.us
                .capability
                .is_some_and(|c| c.metric == crate::scenario::CapabilityMetric::Eci)
        },
        page: Page::Shown,
    },
    Setting {
        id: "uncertainty",
        param: "unc",
        label: "Allow for uncertain compute figures: Confident within a factor of 3, Likely 10, Speculative 30 (this tool's reading of Epoch's labels; with estimates on, Speculative figures get theirs anyway)",
        name: "compute uncertainty",
        group: Group::Evaluation,
        source: "Off: Confident and Likely figures are taken as published, and so are Speculative ones unless estimates are on (data/README.md, \u{201c}Compute uncertainty\u{201d})",
        field: "compute_uncertainty",
        kind: Kind::Switch(Switch {
            default: false,
            words: OFF_ON,
            get: |s| s.compute_uncertainty,
            set: |s, on| s.compute_uncertainty = on,
        }),
        applies: always,
        page: Page::Shown,
    },
];
