//! The EU AI Act's rules for general-purpose AI models: Regulation (EU)
//! 2024/1689 and the Commission's GPAI guidelines, C(2025) 5045 final.

use serde::Serialize;

use super::{more_than_sign, same_developer, ComputeFigure, Test};
use crate::catalog::{Catalog, Model};
use crate::date::IsoDate;
use crate::format;
use crate::rules::us::fraction_words;
use crate::scenario::{EuSettings, EuTier, Scenario};

/// A model's place in the EU regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EuStatus {
    /// Not a general-purpose AI model (too little compute, or a narrow model).
    NotGpai,
    /// A downstream modification that does not make a new model: covered
    /// only through the original provider's model (guidelines sec. 3.2).
    NotNewModel,
    /// A general-purpose AI model.
    Gpai,
    /// A general-purpose AI model with systemic risk.
    SystemicRisk,
    /// The public data cannot tell.
    Undetermined,
}

impl EuStatus {
    /// Whether this status is in scope for the tier the overlap compares with.
    pub fn in_tier(self, tier: EuTier) -> Test {
        match (self, tier) {
            (EuStatus::Undetermined, _) => Test::Unknown,
            (EuStatus::SystemicRisk, _) | (EuStatus::Gpai, EuTier::Gpai) => Test::Pass,
            _ => Test::Fail,
        }
    }

    /// A short label: "GPAI with systemic risk".
    pub fn label(self) -> &'static str {
        match self {
            EuStatus::NotGpai => "not GPAI",
            EuStatus::NotNewModel => "not a new model",
            EuStatus::Gpai => "GPAI",
            EuStatus::SystemicRisk => "GPAI with systemic risk",
            EuStatus::Undetermined => "undetermined",
        }
    }
}

/// The EU verdict for one model.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct EuVerdict {
    /// The model's status.
    pub status: EuStatus,
    /// What decided it.
    pub reason: EuReason,
    /// For a provider's own fine-tune: the model whose lifecycle it belongs to.
    pub lifecycle_of: Option<usize>,
}

/// What decided an EU verdict.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum EuReason {
    /// Classified by its own cumulative compute and whether it generates content.
    Compute {
        /// Cumulative training compute.
        figure: ComputeFigure,
        /// Whether it generates language, images or video.
        generative: bool,
    },
    /// Designated by capability (the what-if of Art. 51(1)(b)).
    Designated {
        /// Its ECI score.
        eci: f64,
    },
    /// Another organisation's fine-tune, judged by the one-third rule.
    Modified {
        /// Catalog index of the original model.
        base: usize,
        /// The modification's compute in FLOP, where known.
        finetune_flop: Option<f64>,
        /// What the modification is compared with: a share of this many FLOP.
        reference_flop: Option<f64>,
        /// Whether the reference is the guidelines' fallback (original's compute unknown).
        fallback: bool,
        /// Whether the modification made a new model.
        new_model: Test,
        /// Whether the original is itself a systemic-risk model.
        original_systemic: bool,
        /// The new model's cumulative compute.
        figure: ComputeFigure,
    },
}

/// Judges one model under the EU regime.
pub fn verdict(catalog: &Catalog, index: usize, scenario: &Scenario) -> EuVerdict {
    let model = &catalog.models[index];
    let Some(base) = model.base else {
        return own_model(catalog, model, scenario, None);
    };
    let original = &catalog.models[base];
    if same_developer(model, original) {
        // Guidelines sec. 2.2: a provider's own later fine-tunes of its model are
        // part of that model's lifecycle, not new models; Recital 111 counts
        // the fine-tuning into the model's cumulative compute.
        let root = lifecycle_root(catalog, base);
        return own_model(catalog, model, scenario, Some(root));
    }
    modified_model(catalog, model, base, scenario)
}

/// Follows same-developer fine-tunes back to the model trained from scratch.
fn lifecycle_root(catalog: &Catalog, mut index: usize) -> usize {
    while let Some(base) = catalog.models[index].base {
        if !same_developer(&catalog.models[index], &catalog.models[base]) {
            break;
        }
        index = base;
    }
    index
}

/// Guidelines sec. 2.1: a GPAI model can generate language (text or audio,
/// code included), text-to-image or text-to-video; narrow models above 1e23
/// (transcription, upscaling, weather, game playing) are not GPAI models.
/// Rows with no domain come only from the ECI file, which lists language
/// models (its benchmarks are text tasks), so they count as generating text.
pub fn generative(model: &Model) -> bool {
    let domain = model.domain.to_ascii_lowercase();
    let task = model.task.to_ascii_lowercase();
    let generative_domain = ["language", "multimodal", "image generation"]
        .iter()
        .any(|d| domain.split(',').any(|x| x.trim() == *d));
    let generative_task = [
        "language modeling",
        "chat",
        "code generation",
        "text-to-image",
        "text-to-video",
        "video generation",
        "image generation",
        "speech synthesis",
        "text-to-speech",
        "audio generation",
        "music generation",
    ]
    .iter()
    .any(|t| task.contains(t));
    generative_domain || generative_task || domain.trim().is_empty()
}

/// Classifies a model that its own developer trained (or fine-tuned).
fn own_model(
    catalog: &Catalog,
    model: &Model,
    scenario: &Scenario,
    lifecycle_of: Option<usize>,
) -> EuVerdict {
    let eu = &scenario.eu;
    let figure = ComputeFigure::cumulative(model, catalog, scenario.use_estimates);
    let generative = generative(model);
    let status = classify(figure, generative, eu);
    // Art. 51(1)(b) and Annex XIII: the Commission may designate a model below
    // the presumption from capability criteria. Discretionary, so a what-if.
    if let (Some(threshold), Some(eci)) = (eu.designation_eci, model.eci) {
        if generative && eci >= threshold && status != EuStatus::SystemicRisk {
            return EuVerdict {
                status: EuStatus::SystemicRisk,
                reason: EuReason::Designated { eci },
                lifecycle_of,
            };
        }
    }
    EuVerdict {
        status,
        reason: EuReason::Compute { figure, generative },
        lifecycle_of,
    }
}

/// Guidelines sec. 2.1 (GPAI: more than 1e23 FLOP and generative) and
/// Art. 51(2) (systemic risk presumed above 1e25 FLOP, "greater than").
fn classify(figure: ComputeFigure, generative: bool, eu: &EuSettings) -> EuStatus {
    let over_gpai = figure.exceeds(eu.gpai_threshold_flop);
    let over_systemic = figure.exceeds(eu.systemic_threshold_flop);
    match (generative, over_gpai, over_systemic) {
        (false, _, _) | (true, Test::Fail, _) => EuStatus::NotGpai,
        (true, _, Test::Pass) => EuStatus::SystemicRisk,
        (true, Test::Pass, Test::Fail) => EuStatus::Gpai,
        (true, _, _) => EuStatus::Undetermined,
    }
}

/// Guidelines sec. 3.2: a different organisation that modifies a GPAI model
/// becomes the provider of a new model only when the modification uses more
/// than one third of the original's training compute. When the original's
/// compute cannot be known, the reference is 1e25 if the original has
/// systemic risk, else 1e23. A modifier of a systemic-risk model is presumed
/// to provide a systemic-risk model itself.
fn modified_model(catalog: &Catalog, model: &Model, base: usize, scenario: &Scenario) -> EuVerdict {
    let eu = &scenario.eu;
    let original = verdict(catalog, base, scenario);
    let original_systemic = original.status == EuStatus::SystemicRisk;
    let finetune_flop = model.finetune_compute(catalog).map(|(f, _)| f);
    let (reference_flop, fallback) = match catalog.models[base].compute_flop {
        Some(flop) => (Some(flop), false),
        None if original_systemic => (Some(eu.systemic_threshold_flop), true),
        None if original.status == EuStatus::Undetermined => (None, true),
        None => (Some(eu.gpai_threshold_flop), true),
    };
    let new_model = match (finetune_flop, reference_flop) {
        (Some(f), Some(r)) => Test::from_bool(f > eu.modifier_fraction * r),
        _ => Test::Unknown,
    };
    let figure = ComputeFigure::cumulative(model, catalog, scenario.use_estimates);
    let status = match new_model {
        Test::Fail => EuStatus::NotNewModel,
        Test::Unknown => EuStatus::Undetermined,
        Test::Pass if original_systemic => EuStatus::SystemicRisk,
        Test::Pass => classify(figure, generative(model), eu),
    };
    EuVerdict {
        status,
        reason: EuReason::Modified {
            base,
            finetune_flop,
            reference_flop,
            fallback,
            new_model,
            original_systemic,
            figure,
        },
        lifecycle_of: None,
    }
}

/// Dates of application (policy.md, "Dates"): obligations from 2 Aug 2025;
/// enforcement and fines from 2 Aug 2026; models placed on the market
/// before 2 Aug 2025 must comply by 2 Aug 2027.
pub fn timing(published: IsoDate, as_of: IsoDate) -> &'static str {
    let obligations = IsoDate::lit("2025-08-02");
    let fines = IsoDate::lit("2026-08-02");
    let legacy_deadline = IsoDate::lit("2027-08-02");
    if as_of < obligations {
        "obligations apply only from 2 Aug 2025"
    } else if published < obligations && as_of < legacy_deadline {
        "on the market before 2 Aug 2025: must comply by 2 Aug 2027"
    } else if as_of < fines {
        "obligations apply; fines only from 2 Aug 2026"
    } else {
        "obligations apply and are enforceable with fines"
    }
}

impl EuVerdict {
    /// The reason in plain words: "GPAI with systemic risk: 3.8 × 10^25 FLOP > 1 × 10^25 FLOP presumption".
    pub fn describe(&self, catalog: &Catalog, eu: &EuSettings) -> String {
        let why = match self.reason {
            EuReason::Designated { eci } => format!(
                "designated by capability, ECI {} ≥ {} (what-if, Art. 51(1)(b))",
                format::score(eci),
                format::score(eu.designation_eci.unwrap_or(eci))
            ),
            EuReason::Compute { figure, generative } => {
                compute_words(self.status, figure, generative, eu)
            }
            EuReason::Modified {
                base,
                finetune_flop,
                reference_flop,
                fallback,
                new_model,
                original_systemic,
                figure,
            } => {
                let name = &catalog.models[base].name;
                let share = match (finetune_flop, reference_flop) {
                    (Some(f), Some(r)) if r > 0.0 && !fallback => format!(
                        "the fine-tune used {} of {name}'s compute",
                        format::times(f / r)
                    ),
                    (Some(f), Some(r)) => format!(
                        "{name}'s compute is undisclosed, so the fine-tune's {} is compared with {} of {}",
                        format::flop(f),
                        fraction_words(eu.modifier_fraction),
                        format::flop(r)
                    ),
                    (None, _) => "the fine-tune's own compute is unknown".to_string(),
                    (Some(_), None) => format!("{name}'s status is undetermined"),
                };
                match new_model {
                    Test::Fail => format!(
                        "{share} (not more than {}); covered only through {name}'s provider",
                        fraction_words(eu.modifier_fraction)
                    ),
                    Test::Unknown => format!("another organisation's fine-tune of {name}: {share}"),
                    Test::Pass if original_systemic => format!(
                        "a new model: {share} (more than {}); {name} has systemic risk, so this one is presumed to as well",
                        fraction_words(eu.modifier_fraction)
                    ),
                    Test::Pass => format!(
                        "a new model: {share} (more than {}); {}",
                        fraction_words(eu.modifier_fraction),
                        compute_words(self.status, figure, true, eu)
                    ),
                }
            }
        };
        let lifecycle = self
            .lifecycle_of
            .map(|root| {
                format!(
                    " (same developer's fine-tune: part of {}'s lifecycle)",
                    catalog.models[root].name
                )
            })
            .unwrap_or_default();
        format!("{}: {why}{lifecycle}", self.status.label())
    }
}

fn compute_words(
    status: EuStatus,
    figure: ComputeFigure,
    generative: bool,
    eu: &EuSettings,
) -> String {
    let c = figure.describe();
    match status {
        EuStatus::SystemicRisk => format!(
            "cumulative {c} > {} presumption",
            format::flop(eu.systemic_threshold_flop)
        ),
        EuStatus::Gpai => format!(
            "cumulative {c} > {} but ≤ {}",
            format::flop(eu.gpai_threshold_flop),
            format::flop(eu.systemic_threshold_flop)
        ),
        EuStatus::NotGpai if !generative => {
            "a narrow model: it does not generate language, images or video".to_string()
        }
        EuStatus::NotGpai => format!(
            "cumulative {c} {} {} GPAI criterion",
            more_than_sign(Test::Fail),
            format::flop(eu.gpai_threshold_flop)
        ),
        _ if matches!(figure, ComputeFigure::EstimatedOver1e25) => format!(
            "compute {c}, which cannot decide a {} presumption",
            format::flop(eu.systemic_threshold_flop)
        ),
        _ => "training compute undisclosed".to_string(),
    }
}
