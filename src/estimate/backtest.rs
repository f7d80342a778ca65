//! Leave-one-out backtests: hide each model's reported compute in turn,
//! refit without it, estimate it, and compare.
//!
//! A model is hidden together with its lifecycle (its provider's versions
//! and own fine-tunes): they often repeat one figure, and leaving a copy in
//! would make every method look better than it is.

use std::fmt;

use super::{capability, Estimator, Method};
use crate::catalog::Catalog;

/// One backtest result, printed as one line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// "capability", "parameters", "family", "combined", "epoch_flag",
    /// "frontier_ceiling", "family_from_reported", "family_from_estimated",
    /// "base_model".
    pub method: &'static str,
    /// Models tested.
    pub n: usize,
    /// What the line measures.
    pub result: Outcome,
}

/// What a backtest line measures.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A method with a central value: its median absolute error in orders
    /// of magnitude, and the share of intervals at `level` holding the truth.
    Central {
        /// Median |log10 estimate − log10 reported|.
        median_abs_error_oom: f64,
        /// Share of intervals that held the reported figure.
        coverage: f64,
        /// The interval level tested.
        level: f64,
    },
    /// A bound: the share of models it held for.
    Bound {
        /// Share of models whose reported figure the bound held.
        holds: f64,
    },
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.result {
            Outcome::Central {
                median_abs_error_oom,
                coverage,
                level,
            } => write!(
                f,
                "backtest {}: n={} median_abs_error_oom={:.2} coverage{}={:.2}",
                self.method,
                self.n,
                median_abs_error_oom,
                (level * 100.0).round(),
                coverage
            ),
            Outcome::Bound { holds } => write!(
                f,
                "backtest {}: n={} bound_holds={:.2}",
                self.method, self.n, holds
            ),
        }
    }
}

/// Errors (log10) and hits collected for one method.
#[derive(Default)]
struct Tally {
    errors: Vec<f64>,
    hits: usize,
}

impl Tally {
    fn add(&mut self, truth: f64, (low, central, high): (f64, f64, f64)) {
        self.errors.push((central.log10() - truth.log10()).abs());
        // An end equal to the truth but for float noise (10^log10(x) is
        // not always x) holds it.
        let (low, high) = (low * (1.0 - 1e-12), high * (1.0 + 1e-12));
        if low <= truth && truth <= high {
            self.hits += 1;
        }
    }

    fn line(mut self, method: &'static str, level: f64) -> Line {
        crate::sort::sort_by(&mut self.errors, f64::total_cmp);
        let n = self.errors.len();
        Line {
            method,
            n,
            result: Outcome::Central {
                median_abs_error_oom: super::stats::median(&self.errors),
                coverage: if n == 0 {
                    f64::NAN
                } else {
                    self.hits as f64 / n as f64
                },
                level,
            },
        }
    }
}

fn bound_line(method: &'static str, held: &[bool]) -> Line {
    let holds = held.iter().filter(|h| **h).count() as f64 / held.len().max(1) as f64;
    Line {
        method,
        n: held.len(),
        result: Outcome::Bound { holds },
    }
}

/// Runs every backtest at `level` and returns one line per method:
/// capability, parameters, family and the combined estimate (central values), then
/// Epoch's flag and the frontier ceiling (bounds), then the family method
/// split by its neighbour's figure: reported, or itself estimated.
pub fn run(catalog: &Catalog, level: f64) -> Vec<Line> {
    let full = Estimator::fit(catalog, level);
    let level = full.level();
    let full_fits = full.capability_fits();
    let (mut cap, mut par, mut combined) = (Tally::default(), Tally::default(), Tally::default());
    let (mut fam, mut fam_reported, mut fam_estimated) =
        (Tally::default(), Tally::default(), Tally::default());
    let mut base = Tally::default();
    let mut flag_held = Vec::new();
    let mut ceiling_held = Vec::new();
    for (i, model) in catalog.models.iter().enumerate() {
        let Some(truth) = model.compute_flop.filter(|c| *c > 0.0) else {
            continue;
        };
        // Hidden with it: its lifecycle, and its developer's rows that
        // repeat its very figure (often one run listed twice: Llama 3-70B
        // and Llama 3.1-70B, GLM-4.5 and GLM-4.6), which would otherwise
        // hand the figure back to the family method.
        let group = model.lifecycle_root;
        let hide = |j: usize| {
            let other = &catalog.models[j];
            other.lifecycle_root == group
                || (other.developer_id == model.developer_id && other.compute_flop == Some(truth))
        };
        // Hiding rows none of which the capability fit uses leaves it as it is.
        let shared = !catalog.models.iter().enumerate().any(|(j, m)| {
            hide(j) && m.eci.is_some() && capability::own_total_compute(catalog, m).is_some()
        });
        let hidden =
            Estimator::fit_sharing(catalog, level, &|j| !hide(j), shared.then_some(&full_fits));
        // The capability method is tested on the models it is fitted on
        // (own total compute, with a score).
        if model.eci.is_some() && capability::own_total_compute(catalog, model).is_some() {
            if let Some(e) = hidden.method_estimate(catalog, i, Method::Capability) {
                cap.add(truth, e);
            }
        }
        if let Some(e) = hidden.method_estimate(catalog, i, Method::Parameters) {
            par.add(truth, e);
        }
        // Tested on the fine-tunes that report their own total (not an
        // Epoch row giving the fine-tuning alone).
        if capability::own_total_compute(catalog, model).is_some() {
            if let Some(e) = hidden.method_estimate(catalog, i, Method::BaseModel) {
                base.add(truth, e);
            }
        }
        if let Some(e) = hidden.method_estimate(catalog, i, Method::Family) {
            fam.add(truth, e);
            match hidden.family_neighbour(catalog, i) {
                Some((_, n)) if n.reported => fam_reported.add(truth, e),
                _ => fam_estimated.add(truth, e),
            }
        }
        if let Some(e) = hidden.estimate_hidden(catalog, i) {
            if let (Some(low), Some(central), Some(high)) = (e.low, e.central, e.high) {
                combined.add(truth, (low, central, high));
            }
        }
        if let Some(bound) = hidden.flag_bound(model) {
            flag_held.push(truth > bound);
        }
        if let Some(ceiling) = hidden.ceiling(model) {
            ceiling_held.push(truth <= ceiling);
        }
    }
    vec![
        cap.line(Method::Capability.name(), level),
        par.line(Method::Parameters.name(), level),
        fam.line(Method::Family.name(), level),
        combined.line("combined", level),
        bound_line(Method::EpochFlag.name(), &flag_held),
        bound_line(Method::FrontierCeiling.name(), &ceiling_held),
        fam_reported.line("family_from_reported", level),
        fam_estimated.line("family_from_estimated", level),
        base.line(Method::BaseModel.name(), level),
    ]
}

/// The capability method under plain leave-one-out: each model with a
/// score and its own total compute is hidden alone (its lifecycle's other
/// rows stay in the fit), for comparison with figures measured that way.
/// Printed as `backtest capability_plain_loo: ...`; the lifecycle backtest
/// of [`run`] is the one the project relies on.
pub fn run_plain_loo(catalog: &Catalog, level: f64) -> Line {
    let level = Estimator::fit(catalog, level).level();
    let mut tally = Tally::default();
    for (i, model) in catalog.models.iter().enumerate() {
        let Some(truth) = model.compute_flop.filter(|c| *c > 0.0) else {
            continue;
        };
        if model.eci.is_none() || capability::own_total_compute(catalog, model).is_none() {
            continue;
        }
        let hidden = Estimator::fit_on(catalog, level, &|j| j != i);
        if let Some(e) = hidden.method_estimate(catalog, i, Method::Capability) {
            tally.add(truth, e);
        }
    }
    tally.line("capability_plain_loo", level)
}

/// The base-model method as it works on the page: each fine-tune that
/// reports its own total and whose base reports one is hidden alone (its
/// base stays readable, as it is for a fine-tune without a figure).
/// Printed as `backtest base_model_loo: ...`; [`run`]'s lifecycle backtest
/// hides a provider's own base with its fine-tune, so it tests only other
/// providers' fine-tunes.
pub fn run_base_loo(catalog: &Catalog, level: f64) -> Line {
    let level = Estimator::fit(catalog, level).level();
    let mut tally = Tally::default();
    for (i, model) in catalog.models.iter().enumerate() {
        let Some(truth) = capability::own_total_compute(catalog, model) else {
            continue;
        };
        if model.base.is_none() {
            continue;
        }
        let hidden = Estimator::fit_on(catalog, level, &|j| j != i);
        if let Some(e) = hidden.method_estimate(catalog, i, Method::BaseModel) {
            tally.add(truth, e);
        }
    }
    tally.line("base_model_loo", level)
}

/// The ECI-from-compute fit, backtested the same way: median absolute error
/// in ECI points and coverage, over models with both figures.
pub fn run_score(catalog: &Catalog, level: f64) -> (usize, f64, f64) {
    let mut errors = Vec::new();
    let mut hits = 0;
    for (i, model) in catalog.models.iter().enumerate() {
        let Some(truth) = model.eci else { continue };
        if capability::own_total_compute(catalog, model).is_none() {
            continue;
        }
        let group = model.lifecycle_root;
        let hidden = Estimator::fit_on(catalog, level, &|j| {
            catalog.models[j].lifecycle_root != group
        });
        if let Some(e) = hidden.eci_hidden(catalog, i) {
            errors.push((e.central - truth).abs());
            if e.low <= truth && truth <= e.high {
                hits += 1;
            }
        }
    }
    crate::sort::sort_by(&mut errors, f64::total_cmp);
    let n = errors.len();
    (
        n,
        super::stats::median(&errors),
        hits as f64 / n.max(1) as f64,
    )
}
