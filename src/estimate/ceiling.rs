//! The frontier ceiling: no model used much more compute than the largest
//! training run known by its publication date. The bound is that run times
//! [`CEILING_FACTOR`].

use crate::catalog::Catalog;

/// How far above the largest earlier run a new model may be. In the
/// catalog, 16 of the 492 models with an earlier figure set a new record,
/// 5 of them by more than 3 ×, the largest jumps being GPT-4 (7.7 × the
/// previous record) and Grok 3 (7.0 ×); none by 10 ×. Frontier compute grows
/// about 4 to 5 × a year (Epoch AI, policy.md), so 10 × is also about a
/// year and a half of frontier growth within a single step.
pub const CEILING_FACTOR: f64 = 10.0;

/// The running maximum of reported compute by date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frontier {
    /// Year fractions, ascending.
    years: Vec<f64>,
    /// The largest compute published on or before `years[i]`, and which
    /// model it was.
    record: Vec<(f64, usize)>,
}

impl Frontier {
    /// The frontier of the models `keep` accepts that report compute.
    pub fn fit(catalog: &Catalog, keep: &dyn Fn(usize) -> bool) -> Frontier {
        let mut runs: Vec<(f64, f64, usize)> = catalog
            .models
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .filter_map(|(i, m)| {
                let c = m.compute_flop.filter(|c| *c > 0.0)?;
                Some((m.publication_date.year_fraction(), c, i))
            })
            .collect();
        // By date, ties by compute then name: the same records whatever the
        // catalog's row order.
        crate::sort::sort_by(&mut runs, |a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then_with(|| catalog.models[a.2].name.cmp(&catalog.models[b.2].name))
        });
        let mut best: Option<(f64, usize)> = None;
        let mut record = Vec::with_capacity(runs.len());
        for &(_, c, i) in &runs {
            if best.map_or(true, |(b, _)| c > b) {
                best = Some((c, i));
            }
            record.extend(best);
        }
        Frontier {
            years: runs.iter().map(|r| r.0).collect(),
            record,
        }
    }

    /// The largest run published on or before `year`, with its model's
    /// index; `None` when there is none. O(log n).
    pub fn record_by(&self, year: f64) -> Option<(f64, usize)> {
        let count = self.years.partition_point(|y| *y <= year);
        count.checked_sub(1).map(|i| self.record[i])
    }

    /// The ceiling for a model published at `year`, in FLOP.
    pub fn ceiling(&self, year: f64) -> Option<f64> {
        self.record_by(year).map(|(c, _)| c * CEILING_FACTOR)
    }
}
