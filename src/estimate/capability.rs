//! The capability method: log10(training compute) regressed on the ECI
//! score and the publication date, over the models that report both; and the
//! same fit the other way round (ECI from compute and date).
//!
//! The plane is fitted by least absolute deviations ([`Plane::fit_lad`]),
//! not least squares: the estimate is read as a typical value (and judged
//! by its median error), and the residuals are heavy-tailed (Phi models far
//! below the plane, record runs far above it), which pull a least-squares
//! plane toward themselves (data/ESTIMATES.md has both backtests).
//!
//! The interval comes from out-of-sample residuals: each lifecycle (a model
//! with its provider's versions and own fine-tunes, which often repeat one
//! compute figure) is left out in turn, the plane is refitted without it,
//! and its rows' errors are collected. The plane's own standard error would
//! say how well the line is known, not how far a new model falls from it.

use super::stats::{interval_offsets, Plane};
use crate::catalog::{Catalog, Model};

/// A fitted plane with its prediction interval, as offsets in its own units.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// The least-absolute-deviations plane over every training row.
    pub plane: Plane,
    /// Offsets (negative, positive) that make the prediction interval.
    pub offsets: (f64, f64),
    /// Training rows.
    pub n: usize,
}

impl Fit {
    /// Low, central and high at `(x1, x2)`.
    pub fn predict(&self, x1: f64, x2: f64) -> (f64, f64, f64) {
        let c = self.plane.at(x1, x2);
        (c + self.offsets.0, c, c + self.offsets.1)
    }

    /// Fits `rows` of (group, [x1, x2, y]) and takes the interval from
    /// leave-one-group-out residuals.
    pub fn grouped(rows: &[(usize, [f64; 3])], level: f64) -> Option<Fit> {
        let points: Vec<[f64; 3]> = rows.iter().map(|r| r.1).collect();
        let plane = Plane::fit_lad(&points)?;
        let mut groups: Vec<usize> = rows.iter().map(|r| r.0).collect();
        crate::sort::sort_dedup(&mut groups);
        let mut residuals = Vec::with_capacity(rows.len());
        let mut rest = Vec::with_capacity(rows.len());
        for g in groups {
            rest.clear();
            rest.extend(rows.iter().filter(|r| r.0 != g).map(|r| r.1));
            // Started from the full fit, a refit takes a step or two.
            let Some(without) = Plane::lad_from(&rest, plane) else {
                continue;
            };
            for (_, [x1, x2, y]) in rows.iter().filter(|r| r.0 == g) {
                residuals.push(y - without.at(*x1, *x2));
            }
        }
        let offsets = interval_offsets(&mut residuals, level)?;
        Some(Fit {
            plane,
            offsets,
            n: rows.len(),
        })
    }
}

/// Whether the model's compute figure is its own total: not a fine-tune
/// whose figure is below its base model's (an Epoch row that gives only the
/// fine-tuning part, data/README.md "Known quirks"). A fine-tune's
/// cumulative figure is kept: it is the total the estimate is for.
pub fn own_total_compute(catalog: &Catalog, model: &Model) -> Option<f64> {
    let compute = model.compute_flop.filter(|c| *c > 0.0)?;
    match model.base.and_then(|b| catalog.models[b].compute_flop) {
        Some(base) if compute < base => None,
        _ => Some(compute),
    }
}

/// The training rows (group, [ECI, year, log10 compute]) of the models
/// `keep` accepts.
///
/// The rows come in a canonical order (by their lifecycle's first model's
/// name, then their values) and groups are numbered in that order, so the
/// fit, to the last bit, does not depend on the order of the catalog's rows.
pub fn rows(catalog: &Catalog, keep: &dyn Fn(usize) -> bool) -> Vec<(usize, [f64; 3])> {
    let mut named: Vec<(&str, [f64; 3])> = catalog
        .models
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .filter_map(|(_, m)| {
            let eci = m.eci?;
            let compute = own_total_compute(catalog, m)?;
            Some((
                catalog.models[m.lifecycle_root].name.as_str(),
                [eci, m.publication_date.year_fraction(), compute.log10()],
            ))
        })
        .collect();
    crate::sort::sort_by(&mut named, |a, b| {
        a.0.cmp(b.0).then_with(|| {
            a.1.iter()
                .zip(&b.1)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    });
    let mut group = 0;
    named
        .iter()
        .enumerate()
        .map(|(k, (root, values))| {
            if k > 0 && named[k - 1].0 != *root {
                group += 1;
            }
            (group, *values)
        })
        .collect()
}

/// Compute from ECI and date: rows as [`rows`] gives them.
pub fn fit_compute(rows: &[(usize, [f64; 3])], level: f64) -> Option<Fit> {
    Fit::grouped(rows, level)
}

/// ECI from log10 compute and date: the same rows with ECI as the answer.
pub fn fit_score(rows: &[(usize, [f64; 3])], level: f64) -> Option<Fit> {
    let swapped: Vec<(usize, [f64; 3])> = rows
        .iter()
        .map(|&(g, [eci, year, log_c])| (g, [log_c, year, eci]))
        .collect();
    Fit::grouped(&swapped, level)
}
