//! The one place that reads a model's training compute out of the
//! catalog (see [`compute_parts`]): which figures are ranges, by their
//! confidence labels and the scenario, and how a fine-tune reads its base's.

use serde::Serialize;

use super::compute::{ComputeFigure, RangeShape, EPOCH_FLAG_FLOP};
use crate::catalog::{Catalog, Confidence, Model};
use crate::scenario::Scenario;

/// What the data says about a model's compute.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ComputeParts {
    /// Cumulative training compute: the base model's plus the fine-tune's.
    pub cumulative: ComputeFigure,
    /// For a fine-tune, the fine-tuning alone, in FLOP, where known.
    pub finetune_flop: Option<f64>,
}

/// A model's cumulative compute and, for fine-tunes, the fine-tuning part.
/// The one place that reads compute out of the catalog:
/// - Epoch's figure is cumulative for fine-tunes (data/README.md), so the
///   fine-tune's part is the difference from its base, when positive;
/// - a fine-tune row whose figure is below its base's records only the
///   fine-tuning (data/README.md): its cumulative compute is the sum;
/// - with no figure, a fine-tune has at least its base's compute plus its
///   own fine-tuning compute (a sum of lower bounds is a lower bound);
/// - Epoch's over-1e25 flag counts only when the scenario allows estimates;
/// - a figure is a range by its own confidence label (see [`widens`] and
///   [`uncertainty_factor`]), its top capped at the frontier ceiling at its
///   date (the largest figure published by then, times
///   [`crate::estimate::CEILING_FACTOR`]); a fine-tune's range is kept at
///   or above its base's at every reading, and a fine-tune built on its
///   base's figure carries the base's range.
pub fn compute_parts(model: &Model, catalog: &Catalog, scenario: &Scenario) -> ComputeParts {
    let base = model
        .base
        .map(|b| compute_parts(&catalog.models[b], catalog, scenario).cumulative);
    parts_on(
        model,
        base,
        scenario,
        catalog.ceiling(model.publication_date),
    )
}

/// [`compute_parts`] given the base model's cumulative compute (`None` for
/// a model trained from scratch) and the frontier ceiling at its date.
pub(super) fn parts_on(
    model: &Model,
    base: Option<ComputeFigure>,
    scenario: &Scenario,
    ceiling: Option<f64>,
) -> ComputeParts {
    let own = model.compute_flop.map(|flop| {
        if widens(model.compute_confidence, scenario) {
            let factor = uncertainty_factor(model.compute_confidence);
            // No run is above the frontier's ceiling at its date, but a
            // figure stays inside its own range.
            let top = ceiling.map_or(f64::INFINITY, |c| c.max(flop));
            ComputeFigure::Uncertain {
                flop,
                low: flop / factor,
                high: (flop * factor).min(top),
                confidence: model.compute_confidence,
                estimate: reads_as_estimate(model.compute_confidence, scenario),
                shape: RangeShape::Label,
            }
        } else {
            ComputeFigure::Reported { flop }
        }
    });
    let flagged = scenario.use_estimates && model.estimated_over_1e25;
    let Some(base_figure) = base else {
        let cumulative = match own {
            Some(figure) => figure,
            None if flagged => ComputeFigure::EstimatedOver1e25,
            None => ComputeFigure::Undisclosed,
        };
        return ComputeParts {
            cumulative,
            finetune_flop: None,
        };
    };
    let base_flop = base_figure.reported();
    let finetune = model.finetune_compute_flop;
    match (model.compute_flop, own, base_flop) {
        (Some(flop), _, Some(b)) if flop < b => {
            let finetune = finetune.unwrap_or(flop);
            ComputeParts {
                cumulative: base_figure.plus(finetune),
                finetune_flop: Some(finetune),
            }
        }
        (Some(flop), Some(figure), _) => ComputeParts {
            cumulative: figure.at_least_base(base_figure, model.compute_confidence),
            finetune_flop: finetune.or_else(|| base_flop.map(|b| flop - b).filter(|f| *f > 0.0)),
        },
        (_, _, Some(_)) if finetune.is_some() => ComputeParts {
            cumulative: base_figure.plus(finetune.unwrap_or_default()),
            finetune_flop: finetune,
        },
        // No figure of its own on an estimated base: the base's estimate
        // plus what is known of the fine-tuning.
        (None, _, None) if matches!(base_figure, ComputeFigure::Estimated { .. }) => {
            let mut cumulative = base_figure.plus(finetune.unwrap_or_default());
            // Epoch's own flag on the fine-tune: more than 1e25 whatever the base.
            if let ComputeFigure::Estimated {
                central,
                low,
                low_exclusive,
                ..
            } = &mut cumulative
            {
                if flagged && *low <= EPOCH_FLAG_FLOP {
                    (*low, *low_exclusive) = (EPOCH_FLAG_FLOP, true);
                    *central = central.map(|c| c.max(EPOCH_FLAG_FLOP));
                }
            }
            ComputeParts {
                cumulative,
                finetune_flop: finetune,
            }
        }
        // No figure of its own on a base whose figure is a range: at least
        // that range, end for end, plus the fine-tuning, and Epoch's flag on
        // the fine-tune ("more than 1e25") where estimates are on; with
        // estimates on the frontier ceiling at its date bounds it above, as
        // it bounds every estimate (data/ESTIMATES.md). Where the model's
        // estimate has a centre, the judge reads that instead
        // (`Judge::parts`), each end at least the base's.
        (None, _, _)
            if matches!(
                base_figure,
                ComputeFigure::Uncertain { .. } | ComputeFigure::AtLeastRange { .. }
            ) =>
        {
            let raised = base_figure.plus(finetune.unwrap_or_default());
            let cumulative = match raised {
                ComputeFigure::Uncertain {
                    flop,
                    low,
                    high,
                    confidence,
                    estimate,
                    ..
                }
                | ComputeFigure::AtLeastRange {
                    flop,
                    low,
                    high,
                    confidence,
                    estimate,
                    ..
                } => ComputeFigure::AtLeastRange {
                    flop,
                    low,
                    high,
                    confidence,
                    estimate,
                    ceiling: ceiling
                        .filter(|_| scenario.use_estimates)
                        .map(|c| c.max(high)),
                    // The base's own Epoch flag carries over to the fine-tune.
                    flagged: flagged
                        || matches!(raised, ComputeFigure::AtLeastRange { flagged: true, .. }),
                },
                other => other,
            };
            ComputeParts {
                cumulative,
                finetune_flop: finetune,
            }
        }
        _ => {
            // No figure: at least the base's compute plus the fine-tune's
            // own; Epoch's flag (the model's or its base's) may say more.
            let floor = match (base_figure.floor(), finetune) {
                (Some(a), Some(b)) => Some(a + b),
                (a, b) => a.or(b),
            };
            let estimated = flagged || base_figure == ComputeFigure::EstimatedOver1e25;
            let cumulative = match floor {
                Some(flop) if flop > EPOCH_FLAG_FLOP || !estimated => {
                    ComputeFigure::AtLeast { flop }
                }
                _ if estimated => ComputeFigure::EstimatedOver1e25,
                _ => ComputeFigure::Undisclosed,
            };
            ComputeParts {
                cumulative,
                finetune_flop: finetune,
            }
        }
    }
}

/// Whether a figure with this confidence label is read as a range
/// ([`uncertainty_factor`]). Every figure when the scenario allows for
/// uncertain figures (`unc`); with estimates on (`est`, the default view),
/// a "Speculative" figure in any case, and one without a label (read as
/// Speculative): Epoch's own guess, not a disclosed figure (GPT-5's
/// 6.6 × 10²⁵ FLOP), so it is an estimate with an interval as the
/// project's estimates are (policy.md, "Estimating training compute").
/// "Likely" and "Confident" figures stay as published unless `unc` is on.
pub fn widens(confidence: Confidence, scenario: &Scenario) -> bool {
    scenario.compute_uncertainty
        || (scenario.use_estimates
            && matches!(confidence, Confidence::Speculative | Confidence::Unknown))
}

/// Whether a widened figure with this label is read as an estimate (its
/// verdicts marked *likely*, the exact reading never deciding): a
/// Speculative or unlabelled figure with estimates on. Under the `unc`
/// switch alone a range that lies wholly on one side of a threshold
/// decides on reported figures, as it always has.
pub fn reads_as_estimate(confidence: Confidence, scenario: &Scenario) -> bool {
    scenario.use_estimates && matches!(confidence, Confidence::Speculative | Confidence::Unknown)
}

/// How far a figure may be from the truth, by Epoch's confidence label:
/// this project's reading (data/README.md, "Compute uncertainty"), not Epoch's.
pub fn uncertainty_factor(confidence: Confidence) -> f64 {
    match confidence {
        // An entered figure reads as the tightest of Epoch's labels.
        Confidence::Confident | Confidence::Entered => 3.0,
        Confidence::Likely => 10.0,
        Confidence::Speculative | Confidence::Unknown => 30.0,
    }
}
