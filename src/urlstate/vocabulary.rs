//! The words of the query string: parameter names, the names of choices,
//! and how numbers are written.

use crate::scenario::{CapabilityMetric, Combine, DerivativeRule, EuTier, Unscored};

/// The parameters [`super::decode`] knows, in the order it applies them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Param {
    Preset,
    UsFlop,
    Cap,
    CapMin,
    CapUnscored,
    Combine,
    Deriv,
    DerivThird,
    DerivFrac,
    DerivFlop,
    CostUsd,
    UsBio,
    EuGpai,
    EuSys,
    EuFrac,
    EuDesig,
    EuTier,
    AsOf,
    Est,
    Unc,
}

pub(super) const PARAMS: [Param; 20] = [
    Param::Preset,
    Param::UsFlop,
    Param::Cap,
    Param::CapMin,
    Param::CapUnscored,
    Param::Combine,
    Param::Deriv,
    Param::DerivThird,
    Param::DerivFrac,
    Param::DerivFlop,
    Param::CostUsd,
    Param::UsBio,
    Param::EuGpai,
    Param::EuSys,
    Param::EuFrac,
    Param::EuDesig,
    Param::EuTier,
    Param::AsOf,
    Param::Est,
    Param::Unc,
];

impl Param {
    pub(super) fn name(self) -> &'static str {
        match self {
            Param::Preset => "preset",
            Param::UsFlop => "us_flop",
            Param::Cap => "cap",
            Param::CapMin => "cap_min",
            Param::CapUnscored => "cap_unscored",
            Param::Combine => "combine",
            Param::Deriv => "deriv",
            Param::DerivThird => "deriv_third",
            Param::DerivFrac => "deriv_frac",
            Param::DerivFlop => "deriv_flop",
            Param::CostUsd => "cost_usd",
            Param::UsBio => "us_bio",
            Param::EuGpai => "eu_gpai",
            Param::EuSys => "eu_sys",
            Param::EuFrac => "eu_frac",
            Param::EuDesig => "eu_desig",
            Param::EuTier => "eu_tier",
            Param::AsOf => "as_of",
            Param::Est => "est",
            Param::Unc => "unc",
        }
    }
}

/// A derivative rule without its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DerivKind {
    Exclude,
    Inherit,
    Cumulative,
    SubstantialModification,
    OwnCompute,
}

pub(super) const DERIV_KINDS: [DerivKind; 5] = [
    DerivKind::Exclude,
    DerivKind::Inherit,
    DerivKind::Cumulative,
    DerivKind::SubstantialModification,
    DerivKind::OwnCompute,
];

impl DerivKind {
    pub(super) fn of(rule: DerivativeRule) -> DerivKind {
        match rule {
            DerivativeRule::Exclude => DerivKind::Exclude,
            DerivativeRule::Inherit => DerivKind::Inherit,
            DerivativeRule::Cumulative => DerivKind::Cumulative,
            DerivativeRule::SubstantialModification { .. } => DerivKind::SubstantialModification,
            DerivativeRule::OwnCompute { .. } => DerivKind::OwnCompute,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            DerivKind::Exclude => "exclude",
            DerivKind::Inherit => "inherit",
            DerivKind::Cumulative => "cumulative",
            DerivKind::SubstantialModification => "substantial_modification",
            DerivKind::OwnCompute => "own_compute",
        }
    }

    /// The parameter holding this rule's number, if it has one.
    pub(super) fn number_param(self) -> Option<Param> {
        match self {
            DerivKind::SubstantialModification => Some(Param::DerivFrac),
            DerivKind::OwnCompute => Some(Param::DerivFlop),
            DerivKind::Exclude | DerivKind::Inherit | DerivKind::Cumulative => None,
        }
    }

    pub(super) fn with(self, number: f64) -> DerivativeRule {
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
}

pub(super) fn number_of(rule: DerivativeRule) -> Option<f64> {
    match rule {
        DerivativeRule::SubstantialModification { fraction } => Some(fraction),
        DerivativeRule::OwnCompute { threshold_flop } => Some(threshold_flop),
        DerivativeRule::Exclude | DerivativeRule::Inherit | DerivativeRule::Cumulative => None,
    }
}

pub(super) const METRICS: [(&str, Option<CapabilityMetric>); 3] = [
    ("none", None),
    ("eci", Some(CapabilityMetric::Eci)),
    ("cybench", Some(CapabilityMetric::Cybench)),
];

pub(super) fn metric_name(metric: CapabilityMetric) -> &'static str {
    match metric {
        CapabilityMetric::Eci => "eci",
        CapabilityMetric::Cybench => "cybench",
    }
}

pub(super) const UNSCORED: [(&str, Unscored); 2] = [
    ("undetermined", Unscored::Undetermined),
    ("below", Unscored::Below),
];

pub(super) fn unscored_name(unscored: Unscored) -> &'static str {
    match unscored {
        Unscored::Undetermined => "undetermined",
        Unscored::Below => "below",
    }
}

/// A switch in the URL: `1` or `0`.
pub(super) fn flag(on: bool) -> &'static str {
    if on {
        "1"
    } else {
        "0"
    }
}

pub(super) const COMBINES: [(&str, Combine); 4] = [
    ("compute_only", Combine::ComputeOnly),
    ("capability_only", Combine::CapabilityOnly),
    ("either", Combine::Either),
    ("both", Combine::Both),
];

pub(super) fn combine_name(combine: Combine) -> &'static str {
    COMBINES
        .iter()
        .find(|(_, c)| *c == combine)
        .map_or("compute_only", |(name, _)| name)
}

pub(super) const TIERS: [(&str, EuTier); 2] = [
    ("systemic_risk", EuTier::SystemicRisk),
    ("gpai", EuTier::Gpai),
];

pub(super) fn tier_name(tier: EuTier) -> &'static str {
    match tier {
        EuTier::SystemicRisk => "systemic_risk",
        EuTier::Gpai => "gpai",
    }
}

/// The names in a table, for "is not one of a, b, c".
pub(super) fn names<T>(table: &[(&str, T)]) -> String {
    let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    names.join(", ")
}

/// A value quoted for a message: escaped, and cut short if long.
pub(super) fn quoted(raw: &str) -> String {
    const MAX_CHARS: usize = 40;
    if raw.chars().count() > MAX_CHARS {
        let head: String = raw.chars().take(MAX_CHARS).collect();
        format!("{head:?}…")
    } else {
        format!("{raw:?}")
    }
}

/// A number with at most four significant digits in e-notation, without
/// trailing zeros: `1e26`, `3.162e25`.
pub(super) fn sci4(value: f64) -> String {
    let text = format!("{value:.3e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => {
            let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
            format!("{mantissa}e{exponent}")
        }
        // NaN and infinities have no exponent.
        None => text,
    }
}

/// A number with at most four significant digits in plain notation, without
/// trailing zeros: `0.3333`, `150`, `12.5`.
pub(super) fn plain4(value: f64) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.3e}");
    let (Some(exponent), Ok(rounded)) = (
        text.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok()),
        text.parse::<f64>(),
    ) else {
        return text;
    };
    // `rounded` is the double nearest a four-digit decimal, so printing it
    // with exactly the decimals that decimal has gives its digits back.
    let decimals = usize::try_from(3 - exponent).unwrap_or(0);
    let plain = format!("{rounded:.decimals$}");
    if plain.contains('.') {
        plain
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        plain
    }
}
