//! Named presets: a candidate US definition borrowed from a precedent, with
//! the EU AI Act as written. Each description names its source in policy.md.

use serde::Serialize;
use time::macros::date;

use crate::date::IsoDate;
use crate::scenario::{
    CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule, EuSettings, Scenario, Unscored,
    UsDefinition,
};
use crate::settings::policy::{
    COST_USD, EO14110_BIOLOGY_FLOP, EU_MODIFIER_FRACTION, EU_SYSTEMIC_FLOP, ILLUSTRATIVE_ECI,
    SB1047_DERIVATIVE_FLOP, US_PRECEDENT_FLOP,
};

/// A fixed as-of date for examples and tests: the date of the Notable AI
/// Models export the dataset was built from.
pub const DEFAULT_AS_OF: IsoDate = IsoDate::from_date(date!(2026 - 08 - 08));

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

impl Preset {
    /// `scenario` under this preset: its US definition and EU settings;
    /// the as-of date and how the data is read (estimates, ranges and
    /// their level, the ECI margin) stay the scenario's, as
    /// [`matching`] compares.
    pub fn applied_to(&self, scenario: &Scenario) -> Scenario {
        Scenario {
            us: self.scenario.us.clone(),
            eu: self.scenario.eu,
            ..scenario.clone()
        }
    }
}

fn us(compute_threshold_flop: f64, derivatives: DerivativeRule) -> UsDefinition {
    UsDefinition {
        compute_threshold_flop,
        capability: None,
        combine: Combine::ComputeOnly,
        derivatives,
        cost_threshold_usd: None,
        biology_threshold_flop: None,
        third_party_cumulative: true,
    }
}

fn eci(threshold: f64, unscored: Unscored) -> Option<CapabilityThreshold> {
    Some(CapabilityThreshold {
        metric: CapabilityMetric::Eci,
        threshold,
        unscored,
    })
}

/// Every preset, evaluated at `as_of` (parse a date from input with
/// [`IsoDate::parse`], which rejects a bad one).
pub fn all(as_of: IsoDate) -> Vec<Preset> {
    let scenario = |us: UsDefinition| Scenario {
        us,
        eu: EuSettings::default(),
        as_of,
        use_estimates: false,
        compute_uncertainty: false,
        estimate_level: crate::settings::policy::ESTIMATE_LEVEL,
        score_margin_eci: crate::estimate::ECI_SCORE_UNCERTAINTY_POINTS,
    };
    vec![
        Preset {
            id: "eu-ai-act",
            name: "EU AI Act as written",
            description: "The US definition mirrors the EU's systemic-risk presumption: more than 10²⁵ FLOP (AI Act Art. 51(2)); a developer's own fine-tune is judged with its model's cumulative compute (GPAI guidelines sec. 2.2), another organisation's counts when it used more than one third of the original's compute (sec. 3.2). The two sides still differ: the US side judges each of Epoch's rows on its own, while the EU judges a model with its versions and own fine-tunes together (sec. 2.2), so an original whose later version passes is in the EU tier and out of the US definition (Llama 3.1-70B, through Llama 3.2 90B).",
            scenario: scenario(us(EU_SYSTEMIC_FLOP, DerivativeRule::SubstantialModification { fraction: EU_MODIFIER_FRACTION })),
        },
        Preset {
            id: "eo14110",
            name: "EO 14110 style",
            description: "More than 10²⁶ operations, or more than 10²³ for a model trained primarily on biological sequence data (EO 14110 sec. 4.2(b), Oct 2023, rescinded Jan 2025). The order did not address derivatives; this preset assesses models trained from scratch only. \u{201c}Primarily biological\u{201d} is read as Epoch's domain Biology alone.",
            scenario: scenario(UsDefinition {
                biology_threshold_flop: Some(EO14110_BIOLOGY_FLOP),
                ..us(US_PRECEDENT_FLOP, DerivativeRule::Exclude)
            }),
        },
        Preset {
            id: "sb53",
            name: "SB 53 style",
            description: "More than 10²⁶ FLOP counting the original training run and any later fine-tuning the developer applies (California SB 53, signed 29 Sep 2025): cumulative compute for derivatives. Whether another developer's fine-tune counts its base model's compute is disputed; this preset counts it, and a switch turns that off. SB 53's duties fall on a \u{201c}large frontier developer\u{201d} (over $500M annual revenue), which this data cannot check: every developer is counted.",
            scenario: scenario(us(US_PRECEDENT_FLOP, DerivativeRule::Cumulative)),
        },
        Preset {
            id: "raise",
            name: "RAISE style",
            description: "More than 10²⁶ FLOP and a compute cost over $100M (New York RAISE Act as signed, Dec 2025), using Epoch's cost estimates in 2023 dollars. A later amendment aligned the Act with SB 53, and whether the cost test survived is disputed: switch the cost test off to see that reading. The Act also covers models distilled from a frontier model; approximated here as derivatives inheriting their base's status (its $5M cost test is not modelled).",
            scenario: scenario(UsDefinition {
                cost_threshold_usd: Some(COST_USD),
                ..us(US_PRECEDENT_FLOP, DerivativeRule::Inherit)
            }),
        },
        Preset {
            id: "sb1047",
            name: "SB 1047 style",
            description: "More than 10²⁶ FLOP and over $100M training cost; another developer's fine-tune of a covered model is itself covered at 3 × 10²⁵ or more operations of its own, and a developer's own fine-tune is judged with its model's cumulative compute (California SB 1047, vetoed 2024; its $10M fine-tune cost test is not modelled).",
            scenario: scenario(UsDefinition {
                cost_threshold_usd: Some(COST_USD),
                ..us(US_PRECEDENT_FLOP, DerivativeRule::OwnCompute { threshold_flop: SB1047_DERIVATIVE_FLOP })
            }),
        },
        Preset {
            id: "narrow",
            name: "Narrow reading",
            description: "Capability alone, as the order points at: an ECI score of at least 150, derivatives excluded; a model without an ECI score counts as below. The ECI cut-off is this tool's illustration, not from any text: the order's own benchmark is classified.",
            scenario: scenario(UsDefinition {
                capability: eci(ILLUSTRATIVE_ECI, Unscored::Below),
                combine: Combine::CapabilityOnly,
                ..us(US_PRECEDENT_FLOP, DerivativeRule::Exclude)
            }),
        },
        Preset {
            id: "broad",
            name: "Broad reading",
            description: "Enterprise-grade and derivative models: more than 10²⁵ FLOP or an ECI score of at least 140, and a fine-tune is in when its base model is, or on its own figures; a model without an ECI score is judged on compute alone. Both cut-offs are this tool's illustration, not from any US text: 10²⁵ FLOP is borrowed from the EU AI Act's systemic-risk presumption (Art. 51(2)).",
            scenario: scenario(UsDefinition {
                capability: eci(140.0, Unscored::Below),
                combine: Combine::Either,
                ..us(1e25, DerivativeRule::Inherit)
            }),
        },
    ]
}

/// The id of the preset the page opens on (see [`default_view`]).
pub const DEFAULT_ID: &str = "sb53";

/// The page's first view: the SB 53 style preset with estimates on, so a
/// first-time reader sees an answer (every estimate marked as one).
pub fn default_view(as_of: IsoDate) -> Option<Scenario> {
    let mut scenario = find(DEFAULT_ID, as_of)?.scenario;
    scenario.use_estimates = true;
    Some(scenario)
}

/// The preset with this id.
pub fn find(id: &str, as_of: IsoDate) -> Option<Preset> {
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
        let ids: std::collections::BTreeSet<_> = presets.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), presets.len(), "a preset id repeats");
    }

    #[test]
    fn a_changed_threshold_matches_no_preset() {
        let mut s = find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        s.us.compute_threshold_flop = 2e26;
        assert_eq!(matching(&s), None);
    }
}
