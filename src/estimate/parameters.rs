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
//! order statistics the interval. A fine-tune of a model that reports its
//! compute is that figure plus 6 × N × D for its fine-tuning run, and gets
//! no estimate without the run's tokens; a fine-tune of a model without a
//! figure takes the second route for the whole ([`inputs`]).

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
    /// Training tokens, where Epoch gives them: for a fine-tune with
    /// `base_flop`, its fine-tuning run's.
    pub tokens: Option<f64>,
    /// A fine-tune's base model's reported compute, in FLOP: the estimate
    /// is this plus 6 × N × D for the fine-tuning run.
    pub base_flop: Option<f64>,
    /// A fine-tune's base model's reported compute where the fine-tuning
    /// run's tokens are unknown, in FLOP: the central value.
    pub anchor: Option<f64>,
}

/// The inputs of a model the method applies to. `readable(j)` says whether
/// row `j`'s figure may be read (the backtest hides some).
///
/// A fine-tune's cumulative compute is its base model's plus its own
/// fine-tuning (policy.md, Recital 111). Where the base reports a figure:
/// - with tokens, Epoch's tokens for the fine-tune are its fine-tuning data
///   (6 × N × D matches Epoch's fine-tuning figure to a median of 0.0
///   orders of magnitude over the 22 fine-tunes that give both), so the
///   estimate is the base's figure plus 6 × N × D;
/// - without, the central value is the base's figure (fine-tuning adds a
///   median 16% to it over the 52 fine-tunes that report both figures,
///   data/ESTIMATES.md), and the interval is that of a model of its size
///   at its date, reaching down to the base's figure: 6 × N × (r × N)
///   alone would restate a pre-training run of its size, which the base's
///   figure already gives (for PaLM (540B)'s fine-tunes ten times PaLM's
///   reported compute).
///
/// A fine-tune of a model without a figure takes the tokens-per-parameter
/// route for the whole, its tokens being often its fine-tuning data alone.
pub fn inputs(
    catalog: &Catalog,
    model: &Model,
    readable: &dyn Fn(usize) -> bool,
) -> Option<Inputs> {
    if !is_language(model) {
        return None;
    }
    let mut input = Inputs {
        year: model.publication_date.year_fraction(),
        parameters: effective_parameters(catalog, model)?,
        tokens: model.training_tokens.filter(|t| *t > 0.0),
        base_flop: None,
        anchor: None,
    };
    let Some(base) = model.base else {
        return Some(input);
    };
    let base_flop = catalog.models[base]
        .compute_flop
        .filter(|c| *c > 0.0 && readable(base));
    match (base_flop, input.tokens) {
        (Some(_), Some(_)) => input.base_flop = base_flop,
        (Some(_), None) => input.anchor = base_flop,
        (None, _) => input.tokens = None,
    }
    Some(input)
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
                let input = inputs(catalog, m, &|_| true)?;
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
        // A fine-tune's estimate is its base's figure plus the fine-tuning.
        let total = |offset: f64| match input.base_flop {
            Some(b) => (b + 10f64.powf(base + offset)).log10(),
            None => base + offset,
        };
        let (low, central, high) = (total(lo), total(mid), total(hi));
        let estimate = match input.anchor.map(f64::log10) {
            // At the base's figure, within the interval of its size.
            Some(at) => (low.min(at), at, high.max(at)),
            None => (low, central, high),
        };
        Some((estimate, window.len()))
    }
}
