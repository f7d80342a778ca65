//! The figures of policy, once, each with its source in policy.md. Presets,
//! the settings' defaults and the web layer all read them from here.

use crate::scenario::CapabilityMetric;

/// EU GPAI guidelines sec. 2.1: a GPAI model has training compute greater
/// than 1e23 FLOP (indicative criterion).
pub const EU_GPAI_FLOP: f64 = 1e23;

/// AI Act Art. 51(2): systemic risk is presumed above 1e25 FLOP.
pub const EU_SYSTEMIC_FLOP: f64 = 1e25;

/// EU GPAI guidelines sec. 3.2: a downstream modifier becomes a provider
/// when its modification used more than one third of the original's compute.
pub const EU_MODIFIER_FRACTION: f64 = 1.0 / 3.0;

/// EO 14110 sec. 4.2(b), SB 53, SB 1047 and RAISE: more than 1e26 FLOP.
pub const US_PRECEDENT_FLOP: f64 = 1e26;

/// EO 14110 sec. 4.2(b): more than 1e23 operations for a model trained
/// primarily on biological sequence data.
pub const EO14110_BIOLOGY_FLOP: f64 = 1e23;

/// SB 1047 (vetoed 2024): a covered model's fine-tune is itself covered at
/// 3e25 operations or more of its own.
pub const SB1047_DERIVATIVE_FLOP: f64 = 3e25;

/// RAISE as signed (Dec 2025) and SB 1047: a training compute cost over $100M.
pub const COST_USD: f64 = 100e6;

/// An ECI cut-off for capability tests and the EU designation what-if.
/// Not from any text: the order's own benchmark is classified (policy.md),
/// so this is this tool's illustration.
pub const ILLUSTRATIVE_ECI: f64 = 150.0;

/// A Cybench cut-off (% of tasks solved, unguided): this tool's illustration.
pub const ILLUSTRATIVE_CYBENCH_PCT: f64 = 50.0;

/// The threshold a capability test starts at when its metric is chosen.
pub fn starting_capability_threshold(metric: CapabilityMetric) -> f64 {
    match metric {
        CapabilityMetric::Eci => ILLUSTRATIVE_ECI,
        CapabilityMetric::Cybench => ILLUSTRATIVE_CYBENCH_PCT,
    }
}

/// The level of every estimate's interval: 80%, the project's choice for
/// a reader (data/ESTIMATES.md reports each method's coverage at it).
pub const ESTIMATE_LEVEL: f64 = 0.8;

/// policy.md, "Dates": the GPAI obligations apply from 2 August 2025.
pub const EU_OBLIGATIONS_DATE: crate::date::IsoDate =
    crate::date::IsoDate::from_date(time::macros::date!(2025 - 08 - 02));

/// policy.md, "Dates": the Commission's enforcement powers (fines) from
/// 2 August 2026.
pub const EU_FINES_DATE: crate::date::IsoDate =
    crate::date::IsoDate::from_date(time::macros::date!(2026 - 08 - 02));

/// policy.md, "Dates": a model placed on the market before 2 August 2025
/// must comply by 2 August 2027.
pub const EU_LEGACY_DEADLINE: crate::date::IsoDate =
    crate::date::IsoDate::from_date(time::macros::date!(2027 - 08 - 02));

/// Epoch AI: frontier training compute has grown about 4-5x per year
/// (policy.md). The projection's band runs from the low to the high end.
pub const FRONTIER_GROWTH_LOW: f64 = 4.0;

/// The high end of Epoch AI's 4-5x per year (policy.md).
pub const FRONTIER_GROWTH_HIGH: f64 = 5.0;

/// Epoch AI's published projection (Cottier and Owen, 30 May 2025;
/// policy.md): models above 1e26 FLOP, as (year, count, words).
pub const EPOCH_PROJECTION_1E26: [(i32, f64, &str); 2] =
    [(2026, 10.0, "about 10"), (2030, 200.0, "over 200")];

/// The threshold of Epoch's projection, in FLOP.
pub const EPOCH_PROJECTION_FLOP: f64 = 1e26;
