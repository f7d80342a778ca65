//! Training compute from what a developer knows: the figure itself, the
//! parameters and training tokens (6 × N × D), or the hardware (chips ×
//! peak FLOP/s × seconds × utilisation). The two estimating approaches
//! are the Commission's GPAI guidelines' (architecture-based and
//! hardware-based, policy.md).

use serde::{Deserialize, Serialize};

use crate::format;

/// FLOP per parameter per training token for a dense transformer's
/// forward and backward pass: the "6 × N × D" of the GPAI guidelines'
/// architecture-based approach (policy.md).
pub const FLOP_PER_PARAMETER_TOKEN: f64 = 6.0;

/// Seconds in a day.
pub const SECONDS_PER_DAY: f64 = 86_400.0;

/// One accelerator of the hardware method, with its dense (no sparsity)
/// BF16 peak and where that figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Accelerator {
    /// Stable identifier, used in URLs and the API (`h100_sxm`).
    pub id: &'static str,
    /// The name people know it by.
    pub name: &'static str,
    /// Dense BF16 peak throughput in FLOP/s.
    pub peak_flop_per_s: f64,
    /// Where the figure comes from.
    pub source: &'static str,
}

/// Common training accelerators. Each figure is the vendor's dense BF16
/// peak (datasheets quote sparse figures twice as high for NVIDIA and AMD;
/// those are not used for training compute).
pub const ACCELERATORS: [Accelerator; 5] = [
    // NVIDIA H100 Tensor Core GPU datasheet: BF16 Tensor Core 1,979
    // TFLOPS "with sparsity" for the SXM form factor; dense is half.
    Accelerator {
        id: "h100_sxm",
        name: "NVIDIA H100 SXM",
        peak_flop_per_s: 989e12,
        source: "NVIDIA H100 datasheet: 1,979 TFLOP/s BF16 with sparsity, 989 TFLOP/s dense",
    },
    // NVIDIA A100 Tensor Core GPU datasheet: BF16 Tensor Core 312 TFLOPS
    // (624 with sparsity).
    Accelerator {
        id: "a100",
        name: "NVIDIA A100",
        peak_flop_per_s: 312e12,
        source: "NVIDIA A100 datasheet: 312 TFLOP/s BF16 dense (624 with sparsity)",
    },
    // AMD Instinct MI300X data sheet: 1,307.4 TFLOPS peak BF16 dense
    // (2,614.9 with structured sparsity).
    Accelerator {
        id: "mi300x",
        name: "AMD Instinct MI300X",
        peak_flop_per_s: 1307.4e12,
        source: "AMD Instinct MI300X data sheet: 1,307.4 TFLOP/s BF16 dense",
    },
    // Google Cloud TPU v4 documentation: 275 TFLOPS peak BF16 per chip.
    Accelerator {
        id: "tpu_v4",
        name: "Google TPU v4",
        peak_flop_per_s: 275e12,
        source: "Google Cloud TPU v4 documentation: 275 TFLOP/s BF16 per chip",
    },
    // Google Cloud TPU v5p documentation: 459 TFLOPS peak BF16 per chip.
    Accelerator {
        id: "tpu_v5p",
        name: "Google TPU v5p",
        peak_flop_per_s: 459e12,
        source: "Google Cloud TPU v5p documentation: 459 TFLOP/s BF16 per chip",
    },
];

/// The accelerator with this id.
pub fn accelerator(id: &str) -> Option<&'static Accelerator> {
    ACCELERATORS.iter().find(|a| a.id == id)
}

/// How the training compute was given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case", deny_unknown_fields)]
pub enum ComputeInput {
    /// The figure itself, in FLOP.
    Flop {
        /// Training compute in FLOP.
        flop: f64,
    },
    /// 6 × parameters × training tokens.
    Parameters {
        /// Parameters (active per token, for a mixture of experts), a count.
        parameters: f64,
        /// Training tokens, a count.
        tokens: f64,
    },
    /// Chips × dense BF16 peak FLOP/s × training days × utilisation.
    Hardware {
        /// An accelerator id from [`ACCELERATORS`].
        chip: String,
        /// How many chips, a count.
        chips: f64,
        /// Training time in days.
        days: f64,
        /// Share of the peak achieved, in percent (model FLOP utilisation).
        utilisation_pct: f64,
    },
}

/// The training compute and how it was worked out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComputeReport {
    /// Training compute in FLOP.
    pub flop: f64,
    /// The calculation in words, with units.
    pub how: String,
}

/// 6 × N × D, in FLOP.
pub fn from_parameters(parameters: f64, tokens: f64) -> f64 {
    FLOP_PER_PARAMETER_TOKEN * parameters * tokens
}

/// chips × peak FLOP/s × days × 86,400 s × utilisation (a fraction), in FLOP.
pub fn from_hardware(chips: f64, peak_flop_per_s: f64, days: f64, utilisation: f64) -> f64 {
    chips * peak_flop_per_s * days * SECONDS_PER_DAY * utilisation
}

impl ComputeInput {
    /// The FLOP and the calculation in words; `None` for an unknown chip
    /// (validation names it first).
    pub fn report(&self) -> Option<ComputeReport> {
        Some(match self {
            ComputeInput::Flop { flop } => ComputeReport {
                flop: *flop,
                how: "entered directly".to_string(),
            },
            ComputeInput::Parameters { parameters, tokens } => {
                let flop = from_parameters(*parameters, *tokens);
                ComputeReport {
                    flop,
                    how: format!(
                        "6 × {} parameters × {} tokens (architecture-based approach)",
                        format::sci(*parameters),
                        format::sci(*tokens),
                    ),
                }
            }
            ComputeInput::Hardware {
                chip,
                chips,
                days,
                utilisation_pct,
            } => {
                let a = accelerator(chip)?;
                let flop = from_hardware(*chips, a.peak_flop_per_s, *days, utilisation_pct / 100.0);
                ComputeReport {
                    flop,
                    how: format!(
                        "{} × {} ({} TFLOP/s dense BF16 each) × {} days × 86,400 s/day × {}% utilisation (hardware-based approach)",
                        format::count(*chips),
                        a.name,
                        format::plain4(a.peak_flop_per_s / 1e12),
                        format::plain4(*days),
                        format::plain4(*utilisation_pct),
                    ),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs()
    }

    #[test]
    fn six_n_d_by_hand() {
        // 6 × 70e9 × 15e12 = 630e21 = 6.3e24.
        assert!(close(from_parameters(70e9, 15e12), 6.3e24));
        let report = ComputeInput::Parameters {
            parameters: 70e9,
            tokens: 15e12,
        }
        .report()
        .unwrap();
        assert!(close(report.flop, 6.3e24));
        assert!(report.how.contains("architecture-based"), "{}", report.how);
        // The figure itself is written once, beside the scenario's
        // thresholds (`format::flop_beside`), not in the calculation.
        let near = ComputeInput::Flop { flop: 9.96e24 }.report().unwrap();
        assert_eq!(near.how, "entered directly");
    }

    #[test]
    fn hardware_by_hand() {
        // 10,000 × 989e12 FLOP/s = 9.89e18 FLOP/s; 90 days = 7,776,000 s;
        // 9.89e18 × 7.776e6 = 7.690464e25; × 0.4 = 3.0761856e25.
        let report = ComputeInput::Hardware {
            chip: "h100_sxm".into(),
            chips: 10_000.0,
            days: 90.0,
            utilisation_pct: 40.0,
        }
        .report()
        .unwrap();
        assert!(close(report.flop, 3.0761856e25), "{}", report.flop);
        assert!(report.how.contains("× 90 days"), "{}", report.how);
    }

    #[test]
    fn a_figure_is_itself_and_an_unknown_chip_gives_nothing() {
        let r = ComputeInput::Flop { flop: 2e25 }.report().unwrap();
        assert_eq!(r.flop, 2e25);
        let unknown = ComputeInput::Hardware {
            chip: "abacus".into(),
            chips: 1.0,
            days: 1.0,
            utilisation_pct: 50.0,
        };
        assert_eq!(unknown.report(), None);
    }

    #[test]
    fn every_accelerator_has_a_source_and_a_plausible_peak() {
        for a in ACCELERATORS {
            assert!(accelerator(a.id).is_some());
            assert!(!a.source.is_empty());
            assert!((1e14..1e16).contains(&a.peak_flop_per_s), "{}", a.name);
        }
        assert_eq!(accelerator("h100_sxm").unwrap().peak_flop_per_s, 989e12);
        assert_eq!(accelerator("a100").unwrap().peak_flop_per_s, 312e12);
    }
}
