//! The parameters method: compute ≈ 6 × parameters × training tokens
//! (policy.md, "Estimating training compute": architecture-based; for a
//! mixture of experts, the active parameters).
//!
//! When Epoch gives the tokens, the estimate is 6 × N × D, corrected by how
//! far the reported compute of comparable models sits from their own
//! 6 × N × D. When it does not, the tokens come from the tokens-per-parameter
//! ratio of language models published around the same time that report all
//! three figures: compute = 6 × N × (r × N), and the quantity taken from
//! those models is log10(C / 6N²) = log10(r) plus that same correction.
//! The reference window is every such model published within
//! [`WINDOW_YEARS`] of the date, or the [`MIN_REFERENCE`] nearest in date
//! when the window holds fewer; its median gives the central value and its
//! order statistics the interval. A fine-tune takes the second route even
//! when Epoch gives tokens: those are often its fine-tuning data alone; a
//! fine-tune of a model that reports its total is left to the base-model
//! method.

use super::stats::{interval_offsets, median};
use crate::catalog::{Catalog, Model};

/// Half-width of the reference window, in years.
pub const WINDOW_YEARS: f64 = 1.0;
/// Fewest reference models an estimate uses.
pub const MIN_REFERENCE: usize = 12;

/// Whether the method applies to the domain: tokens per parameter are a
/// language-model quantity (Epoch's datapoints for images are images).
fn is_language(model: &Model) -> bool {
    model.domain.split(',').any(|d| d.trim() == "Language")
}

/// The parameters that do the work per token: the active ones for a mixture
/// of experts (its own statement, or its base model's for a fine-tune with
/// the same parameter count), all of them for a dense model. `None` for a
/// mixture of experts whose active parameters nobody states: its total
/// would overstate compute by the ratio of total to active parameters
/// (about 10 to 30 for recent models), more than the interval can absorb.
pub fn effective_parameters(catalog: &Catalog, model: &Model) -> Option<f64> {
    let total = model.parameters.filter(|p| *p > 0.0)?;
    let mut moe = model.moe;
    let mut active = model.active_parameters;
    let mut base = model.base;
    while let Some(b) = base {
        let parent = &catalog.models[b];
        moe |= parent.moe;
        if active.is_none() && parent.parameters == Some(total) {
            active = parent.active_parameters;
        }
        base = parent.base;
    }
    match (moe, active) {
        (_, Some(a)) if a > 0.0 && a <= total => Some(a),
        (true, _) => None,
        (false, _) => Some(total),
    }
}

/// One reference model: its date and the two log ratios.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Reference {
    year: f64,
    /// log10(C / (6 N²)): tokens per parameter as the compute implies.
    per_parameter: f64,
    /// log10(C / (6 N D)): how far reported compute is from 6 N D.
    per_token: f64,
}

/// The reference models, sorted by date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ratios {
    references: Vec<Reference>,
}

/// What the method needs of a model: its date, effective parameters and,
/// where known, tokens.
pub struct Inputs {
    /// Publication date as a year fraction.
    pub year: f64,
    /// Effective parameters ([`effective_parameters`]).
    pub parameters: f64,
    /// Training tokens, where Epoch gives them.
    pub tokens: Option<f64>,
}

/// The inputs of a model the method applies to (where the base-model
/// method does not: `Estimator::candidate`).
pub fn inputs(catalog: &Catalog, model: &Model) -> Option<Inputs> {
    if !is_language(model) {
        return None;
    }
    Some(Inputs {
        year: model.publication_date.year_fraction(),
        parameters: effective_parameters(catalog, model)?,
        // A fine-tune's token count is often its fine-tuning data alone
        // (Epoch's datapoints for the fine-tuning run), and 6 × N × that
        // misses the pre-training that dominates its total: it takes the
        // tokens-per-parameter route, like a model without tokens.
        tokens: model
            .training_tokens
            .filter(|t| *t > 0.0 && model.base.is_none()),
    })
}

impl Ratios {
    /// The reference set: language models (not fine-tunes, whose token
    /// count is often the fine-tuning data alone) with compute, effective
    /// parameters and tokens, among those `keep` accepts.
    pub fn fit(catalog: &Catalog, keep: &dyn Fn(usize) -> bool) -> Ratios {
        let mut references: Vec<Reference> = catalog
            .models
            .iter()
            .enumerate()
            .filter(|(i, m)| keep(*i) && m.base.is_none())
            .filter_map(|(_, m)| {
                let compute = m.compute_flop.filter(|c| *c > 0.0)?;
                let input = inputs(catalog, m)?;
                let tokens = input.tokens?;
                let n = input.parameters;
                Some(Reference {
                    year: input.year,
                    per_parameter: (compute / (6.0 * n * n)).log10(),
                    per_token: (compute / (6.0 * n * tokens)).log10(),
                })
            })
            .collect();
        // By year, ties by value: the same reference set whatever the
        // catalog's row order.
        crate::sort::sort_by(&mut references, |a, b| {
            a.year
                .total_cmp(&b.year)
                .then(a.per_parameter.total_cmp(&b.per_parameter))
                .then(a.per_token.total_cmp(&b.per_token))
        });
        Ratios { references }
    }

    /// The reference models used for a date: within the window, or the
    /// nearest [`MIN_REFERENCE`]. O(log n + window).
    fn window(&self, year: f64) -> &[Reference] {
        let refs = &self.references;
        let start = refs.partition_point(|r| r.year < year - WINDOW_YEARS);
        let end = refs.partition_point(|r| r.year <= year + WINDOW_YEARS);
        if end - start >= MIN_REFERENCE || refs.len() <= MIN_REFERENCE {
            return if end - start >= MIN_REFERENCE {
                &refs[start..end]
            } else {
                refs
            };
        }
        // Grow toward the nearer side until there are enough.
        let (mut lo, mut hi) = (start, end);
        while hi - lo < MIN_REFERENCE {
            let take_low = match (lo > 0, hi < refs.len()) {
                (true, true) => year - refs[lo - 1].year <= refs[hi].year - year,
                (low, _) => low,
            };
            if take_low {
                lo -= 1;
            } else {
                hi += 1;
            }
        }
        &refs[lo..hi]
    }

    /// Low, central and high log10 compute, with how many reference models
    /// were used; `None` without reference models.
    pub fn estimate(&self, input: &Inputs, level: f64) -> Option<((f64, f64, f64), usize)> {
        let window = self.window(input.year);
        if window.is_empty() {
            return None;
        }
        let (base, mut values): (f64, Vec<f64>) = match input.tokens {
            Some(tokens) => (
                (6.0 * input.parameters * tokens).log10(),
                window.iter().map(|r| r.per_token).collect(),
            ),
            None => (
                (6.0 * input.parameters * input.parameters).log10(),
                window.iter().map(|r| r.per_parameter).collect(),
            ),
        };
        let (lo, hi) = interval_offsets(&mut values, level)?;
        // interval_offsets sorted the values.
        let mid = median(&values);
        Some(((base + lo, base + mid, base + hi), window.len()))
    }
}
