//! The base-model method: a fine-tune's cumulative compute is its base
//! model's plus its own fine-tuning (policy.md, "cumulative compute",
//! Recital 111), so a fine-tune of a model that reports its total is
//! estimated from that figure:
//! - with the fine-tune's own training tokens, when 6 × N × D is less than
//!   the base's figure (Epoch's tokens for a fine-tune are mostly its
//!   fine-tuning data; more than the base's whole run means they are not),
//!   the central value is the base's figure plus 6 × N × D;
//! - otherwise the central value is the base's figure times the median of
//!   what fine-tuning added to their base in the catalog's fine-tunes that
//!   report both totals.
//!
//! The interval runs from the base's figure (a cumulative figure is never
//! below it) to the base's figure times the ratios' upper order statistic
//! at the level, as the other methods' tops are (or the base's figure plus
//! 6 × N × D, where that is higher). Before this method, a fine-tune was estimated as a whole
//! pre-training run of its size, which its base's figure already gives: for
//! PaLM (540B)'s fine-tunes LMSI-Palm and PaLM-E that read ten times PaLM's
//! reported compute (data/ESTIMATES.md).

use super::capability::own_total_compute;
use super::parameters::effective_parameters;
use super::stats::{interval_offsets, median};
use crate::catalog::{Catalog, Model};

/// What fine-tuning added to the base (log10 of cumulative / base) over
/// the catalog's fine-tunes that report both totals, at one level: how
/// many, the median and the interval's top, fitted once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shares {
    n: usize,
    /// The median and the top (log10), `None` without ratios.
    fit: Option<(f64, f64)>,
}

/// What the method reads of a fine-tune.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inputs {
    /// The base model's reported total, in FLOP.
    pub base_flop: f64,
    /// 6 × N × D for the fine-tuning run, where its tokens are given and
    /// it is less than the base's figure.
    pub fine_tuning_flop: Option<f64>,
}

/// The base model's own total, where `readable` lets it be read (the
/// backtest hides some rows).
fn base_total(catalog: &Catalog, model: &Model, readable: &dyn Fn(usize) -> bool) -> Option<f64> {
    let base = model.base.filter(|b| readable(*b))?;
    own_total_compute(catalog, &catalog.models[base])
}

/// The method's inputs for `model`: `None` when it is not a fine-tune of a
/// model whose total may be read.
pub fn inputs(
    catalog: &Catalog,
    model: &Model,
    readable: &dyn Fn(usize) -> bool,
) -> Option<Inputs> {
    let base_flop = base_total(catalog, model, readable)?;
    let fine_tuning_flop = model
        .training_tokens
        .filter(|t| *t > 0.0)
        .zip(effective_parameters(catalog, model))
        .map(|(d, n)| 6.0 * n * d)
        .filter(|f| *f < base_flop);
    Some(Inputs {
        base_flop,
        fine_tuning_flop,
    })
}

impl Shares {
    /// The ratios of the fine-tunes that `keep` accepts, with their base,
    /// at `level`.
    pub fn fit(catalog: &Catalog, keep: &dyn Fn(usize) -> bool, level: f64) -> Shares {
        let mut ratios: Vec<f64> = catalog
            .models
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .filter_map(|(_, m)| {
                let own = own_total_compute(catalog, m)?;
                let base = base_total(catalog, m, keep)?;
                (m.base.is_some() && own >= base).then(|| (own / base).log10())
            })
            .collect();
        // The top is the upper order statistic of the two-sided interval at
        // `level`, as the other methods' are, so that "likely out" leaves
        // as much above it (a tenth at 80%); the low end being a hard floor,
        // the interval holds more than `level` (about 0.9 at 80%).
        // (interval_offsets sorts the ratios.)
        let fit = interval_offsets(&mut ratios, level).map(|(_, hi)| (median(&ratios), hi));
        Shares {
            n: ratios.len(),
            fit,
        }
    }

    /// How many fine-tunes the ratios come from.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the method can estimate (some fine-tune gave a ratio).
    pub fn fitted(&self) -> bool {
        self.fit.is_some()
    }

    /// The median ratio (cumulative / base), 1 without ratios.
    pub fn median_ratio(&self) -> f64 {
        self.fit.map_or(1.0, |(mid, _)| 10f64.powf(mid))
    }

    /// Low, central and high log10 compute; `None` without ratios.
    pub fn estimate(&self, input: &Inputs) -> Option<(f64, f64, f64)> {
        let (mid, hi) = self.fit?;
        let base = input.base_flop.log10();
        let central = match input.fine_tuning_flop {
            Some(f) => (input.base_flop + f).log10(),
            None => base + mid.max(0.0),
        };
        Some((base, central, (base + hi.max(0.0)).max(central)))
    }
}
