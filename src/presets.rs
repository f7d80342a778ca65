//! Named presets: a candidate US definition borrowed from a precedent, with
//! the EU AI Act as written. Each description names its source in policy.md.

use serde::Serialize;

use crate::date::IsoDate;
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule, EuSettings, Scenario,
    UsDefinition,
};

/// A fixed as-of date for examples and tests: the date of the Notable AI
/// Models export the dataset was built from.
pub const DEFAULT_AS_OF: &str = "2026-08-08";

/// A named scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preset {
    /// Stable identifier, used in URLs.
    pub id: &'static str,
    /// Short name for a button.
    pub name: &'static str,
    /// What it sets and where that comes from.
    pub description: &'static str,
    /// The scenario it sets.
    pub scenario: Scenario,
}

fn us(compute_threshold_flop: f64, derivatives: DerivativeRule) -> UsDefinition {
    UsDefinition {
        compute_threshold_flop,
        capability: None,
        combine: Combine::ComputeOnly,
        derivatives,
        cost_threshold_usd: None,
    }
}

fn eci(threshold: f64) -> Option<CapabilityThreshold> {
    Some(CapabilityThreshold {
        metric: CapabilityMetric::Eci,
        threshold,
    })
}

/// Every preset, evaluated at `as_of` (an ISO date; an invalid one falls
/// back to [`DEFAULT_AS_OF`]).
pub fn all(as_of: &str) -> Vec<Preset> {
    let as_of = IsoDate::parse(as_of).unwrap_or_else(|_| IsoDate::lit(DEFAULT_AS_OF));
    let scenario = |us: UsDefinition| Scenario {
        us,
        eu: EuSettings::default(),
        as_of,
        use_estimates: false,
    };
    vec![
        Preset {
            id: "eu-ai-act",
            name: "EU AI Act as written",
            description: "The US definition mirrors the EU's systemic-risk presumption: more than 1e25 FLOP (AI Act Art. 51(2)); another organisation's fine-tune counts when it used more than one third of the original's compute (GPAI guidelines sec. 3.2).",
            scenario: scenario(us(1e25, DerivativeRule::SubstantialModification { fraction: 1.0 / 3.0 })),
        },
        Preset {
            id: "eo14110",
            name: "EO 14110 style",
            description: "More than 1e26 operations (EO 14110 sec. 4.2(b), Oct 2023, rescinded Jan 2025). The order did not address derivatives; this preset assesses models trained from scratch only.",
            scenario: scenario(us(1e26, DerivativeRule::Exclude)),
        },
        Preset {
            id: "sb53",
            name: "SB 53 style",
            description: "More than 1e26 FLOP counting the original training run and later fine-tuning (California SB 53, signed 29 Sep 2025): cumulative compute for derivatives.",
            scenario: scenario(us(1e26, DerivativeRule::Cumulative)),
        },
        Preset {
            id: "raise",
            name: "RAISE style",
            description: "More than 1e26 FLOP and a compute cost over $100M (New York RAISE Act as signed, Dec 2025). The Act also covers models distilled from a frontier model; approximated here as derivatives inheriting their base's status (its $5M cost test is not modelled).",
            scenario: scenario(UsDefinition {
                cost_threshold_usd: Some(100e6),
                ..us(1e26, DerivativeRule::Inherit)
            }),
        },
        Preset {
            id: "sb1047",
            name: "SB 1047 style",
            description: "More than 1e26 FLOP and over $100M training cost; a fine-tune is covered on its own at 3e25 or more operations (California SB 1047, vetoed 2024; its $10M fine-tune cost test is not modelled).",
            scenario: scenario(UsDefinition {
                cost_threshold_usd: Some(100e6),
                ..us(1e26, DerivativeRule::OwnCompute { threshold_flop: 3e25 })
            }),
        },
        Preset {
            id: "narrow",
            name: "Narrow reading",
            description: "A handful of labs: more than 1e26 FLOP and an ECI score of at least 150, derivatives excluded. The ECI cut-off is this tool's illustration, not from any text: the order's own benchmark is classified.",
            scenario: scenario(UsDefinition {
                capability: eci(150.0),
                combine: Combine::Both,
                ..us(1e26, DerivativeRule::Exclude)
            }),
        },
        Preset {
            id: "broad",
            name: "Broad reading",
            description: "Enterprise-grade and derivative models: more than 1e25 FLOP or an ECI score of at least 140, and fine-tunes inherit their base model's status. The ECI cut-off is this tool's illustration, not from any text.",
            scenario: scenario(UsDefinition {
                capability: eci(140.0),
                combine: Combine::Either,
                ..us(1e25, DerivativeRule::Inherit)
            }),
        },
    ]
}

/// The preset with this id.
pub fn find(id: &str, as_of: &str) -> Option<Preset> {
    all(as_of).into_iter().find(|p| p.id == id)
}

/// The id of the preset whose definitions equal the scenario's (the as-of
/// date and the estimates switch are not part of a preset).
pub fn matching(scenario: &Scenario) -> Option<&'static str> {
    all(DEFAULT_AS_OF)
        .into_iter()
        .find(|p| p.scenario.us == scenario.us && p.scenario.eu == scenario.eu)
        .map(|p| p.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_each_matches_itself() {
        let presets = all(DEFAULT_AS_OF);
        for p in &presets {
            assert_eq!(matching(&p.scenario), Some(p.id));
        }
        let mut ids: Vec<_> = presets.iter().map(|p| p.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), presets.len());
    }

    #[test]
    fn a_changed_threshold_matches_no_preset() {
        let mut s = find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        s.us.compute_threshold_flop = 2e26;
        assert_eq!(matching(&s), None);
    }
}
