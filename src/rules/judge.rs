//! One scenario's judgements over a catalog, each worked out once: a
//! derivative's verdict reads its base's, a lifecycle's rows read each
//! other's, and a modification reads its original's, so evaluating every
//! model without a memo would judge the same rows many times over.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use super::compute::BoundRange;
use super::eu::{self, EuVerdict};
use super::us::{self, UsVerdict};
use super::{parts_on, ComputeFigure, ComputeParts, Reading};
use crate::catalog::{Catalog, Estimates};
use crate::scenario::Scenario;

/// The rules applied to one catalog under one scenario, remembering each
/// result. Build one per evaluation; the free functions
/// ([`eu::verdict`], [`us::verdict`], [`super::compute_parts`]) build one
/// per call.
pub struct Judge<'a> {
    /// The models.
    pub catalog: &'a Catalog,
    /// What the user chose.
    pub scenario: &'a Scenario,
    /// Which end of every range the verdicts read.
    pub reading: Reading,
    /// The estimates, when the scenario uses them.
    pub estimates: Option<Arc<Estimates>>,
    parts: Rc<Memo<ComputeParts>>,
    eu_rows: Rc<Memo<EuVerdict>>,
    eu: Rc<Memo<EuVerdict>>,
    us: Rc<Memo<UsVerdict>>,
    /// Whether the verdict being worked out read a range (an estimate, a
    /// figure's uncertainty, a score's margin): only such a verdict can
    /// differ between readings.
    ranged: Cell<bool>,
}

/// Results by catalog index, filled on first use, each with whether it
/// read a range. The table itself is made on first use too: a sweep asks
/// only for US verdicts.
struct Memo<T: Pooled> {
    len: usize,
    done: RefCell<Table<T>>,
    /// The central reading's memo, for another reading's: a result there
    /// that read no range is the same at every reading, and is taken as is.
    central: Option<Rc<Memo<T>>>,
}

/// A memo's results in the order they were worked out, and where each
/// model's is (`NOT_YET` for none yet). Only the small index is cleared for
/// each judge; the judges of the other readings work out only the verdicts
/// that read a range, a few of the catalog's.
struct Table<T> {
    slot: Vec<u32>,
    values: Vec<(T, bool)>,
}

impl<T> Default for Table<T> {
    fn default() -> Table<T> {
        Table {
            slot: Vec::new(),
            values: Vec::new(),
        }
    }
}

/// `Table::slot` of a result not worked out yet.
const NOT_YET: u32 = u32::MAX;

/// A memo's table is kept for the next judge when this one is done: an
/// evaluation with estimates on fills about ten of them, and allocating
/// them afresh each time (pages mapped, zeroed and given back) took half
/// of its time natively.
trait Pooled: Copy + 'static {
    fn spare() -> &'static std::thread::LocalKey<RefCell<Vec<Table<Self>>>>;
}

macro_rules! pooled {
    ($($t:ty),*) => {$(
        impl Pooled for $t {
            fn spare() -> &'static std::thread::LocalKey<RefCell<Vec<Table<Self>>>> {
                thread_local!(static SPARE: RefCell<Vec<Table<$t>>> = const { RefCell::new(Vec::new()) });
                &SPARE
            }
        }
    )*};
}
pooled!(ComputeParts, EuVerdict, UsVerdict);

/// At most this many spare tables of each kind are kept.
const SPARE_TABLES: usize = 16;

impl<T: Pooled> Drop for Memo<T> {
    fn drop(&mut self) {
        let mut table = std::mem::take(self.done.get_mut());
        if table.slot.capacity() == 0 {
            return;
        }
        table.slot.clear();
        table.values.clear();
        T::spare().with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut() {
                if spare.len() < SPARE_TABLES {
                    spare.push(table);
                }
            }
        });
    }
}

impl<T: Pooled> Memo<T> {
    fn new(len: usize) -> Rc<Memo<T>> {
        Rc::new(Memo {
            len,
            done: RefCell::new(Table::default()),
            central: None,
        })
    }

    /// A memo for another reading than `central`'s.
    fn after(central: &Rc<Memo<T>>) -> Rc<Memo<T>> {
        Rc::new(Memo {
            len: central.len,
            done: RefCell::new(Table::default()),
            central: Some(Rc::clone(central)),
        })
    }

    /// The result at `index` and whether it read a range, if worked out.
    fn done(&self, index: usize) -> Option<(T, bool)> {
        let table = self.done.borrow();
        let slot = *table.slot.get(index)?;
        table.values.get(slot as usize).copied()
    }

    /// The remembered result, or `work`'s, remembered, with whether it read
    /// a range: `ranged` is the judge's flag, which this sets when the result
    /// did. The borrow is let go before `work` runs, which may ask for other rows.
    fn get(&self, index: usize, ranged: &Cell<bool>, work: impl FnOnce() -> T) -> T {
        if let Some((done, read_range)) = self.done(index) {
            ranged.set(ranged.get() || read_range);
            return done;
        }
        if let Some((done, false)) = self.central.as_ref().and_then(|c| c.done(index)) {
            return done;
        }
        let outer = ranged.replace(false);
        let done = work();
        let read_range = ranged.get();
        ranged.set(outer || read_range);
        let mut table = self.done.borrow_mut();
        if table.slot.is_empty() {
            if let Some(spare) = T::spare().with(|spare| spare.try_borrow_mut().ok()?.pop()) {
                *table = spare;
            }
            table.slot.resize(self.len, NOT_YET);
        }
        let slot = u32::try_from(table.values.len()).unwrap_or(NOT_YET);
        table.slot[index] = slot;
        table.values.push((done, read_range));
        done
    }

    /// Whether the result at `index`, once worked out, read a range.
    fn read_range(&self, index: usize) -> bool {
        self.done(index).is_some_and(|(_, read_range)| read_range)
    }
}

impl<'a> Judge<'a> {
    /// A judge reading every range at its centre.
    pub fn new(catalog: &'a Catalog, scenario: &'a Scenario) -> Judge<'a> {
        Judge::reading(catalog, scenario, Reading::Central)
    }

    /// A judge with nothing worked out yet, reading ranges at `reading`.
    pub fn reading(catalog: &'a Catalog, scenario: &'a Scenario, reading: Reading) -> Judge<'a> {
        let n = catalog.models.len();
        Judge {
            catalog,
            scenario,
            reading,
            estimates: scenario
                .use_estimates
                .then(|| catalog.estimates(scenario.estimate_level)),
            parts: Memo::new(n),
            eu_rows: Memo::new(n),
            eu: Memo::new(n),
            us: Memo::new(n),
            ranged: Cell::new(false),
        }
    }

    /// Notes that the verdict being worked out reads a range when `read` holds.
    pub(crate) fn note_range(&self, read: bool) {
        if read {
            self.ranged.set(true);
        }
    }

    /// Whether model `index`'s US verdict (worked out already) read a range.
    pub fn us_read_range(&self, index: usize) -> bool {
        self.us.read_range(index)
    }

    /// Whether model `index`'s EU verdict (worked out already) read a range.
    pub fn eu_read_range(&self, index: usize) -> bool {
        self.eu.read_range(index)
    }

    /// A judge of the same scenario reading ranges at `reading`, sharing
    /// what this one worked out of compute (which no reading changes).
    pub fn at(&self, reading: Reading) -> Judge<'a> {
        Judge {
            catalog: self.catalog,
            scenario: self.scenario,
            reading,
            estimates: self.estimates.clone(),
            parts: Rc::clone(&self.parts),
            eu_rows: Memo::after(&self.eu_rows),
            eu: Memo::after(&self.eu),
            us: Memo::after(&self.us),
            ranged: Cell::new(false),
        }
    }

    /// Whether any figure or score of this scenario is a range: without
    /// estimates, compute uncertainty or an ECI margin every reading agrees.
    ///
    /// The ECI margin is read for the US capability test only: the EU
    /// verdicts read no range from it, which `evaluate::evaluate_after`
    /// relies on to keep them across US steps. An EU test that read the
    /// margin would have to be compared there.
    pub fn ranged(&self) -> bool {
        let s = self.scenario;
        let eci_margin = s.score_margin_eci > 0.0
            && s.us
                .capability
                .is_some_and(|c| c.metric == crate::scenario::CapabilityMetric::Eci);
        s.use_estimates || s.compute_uncertainty || eci_margin
    }

    /// The compute of model `index` (see [`super::compute_parts`]).
    pub fn parts(&self, index: usize) -> ComputeParts {
        self.parts.get(index, &self.ranged, || {
            let model = &self.catalog.models[index];
            let base = model.base.map(|b| self.parts(b).cumulative);
            let ceiling = self.catalog.ceiling(model.publication_date);
            let parts = parts_on(model, base, self.scenario, ceiling);
            match self.compute_estimate(index, parts.cumulative) {
                Some(cumulative) => ComputeParts {
                    cumulative,
                    ..parts
                },
                None => parts,
            }
        })
    }

    /// An estimate in place of what the data alone says, for a model with
    /// no figure of its own, kept above any lower bound the data gives (a
    /// fine-tune has at least its base's compute, at every reading).
    fn compute_estimate(&self, index: usize, known: ComputeFigure) -> Option<ComputeFigure> {
        let estimate = self.estimates.as_ref()?.compute[index].as_ref()?;
        if let ComputeFigure::AtLeastRange {
            flop,
            low,
            high,
            confidence,
            estimate: base_estimate,
            flagged,
            ..
        } = known
        {
            // At least a range (a base's uncertain figure): at every reading
            // the larger of the estimate's end and the base's same end. The
            // estimate's lower end carries Epoch's flag on the fine-tune
            // ("more than 1e25"), its upper end the frontier ceiling. An
            // estimate that is only bounds (the flag, the ceiling) has no
            // centre to read: the range bound stays, with those bounds
            // (`parts_on`), undetermined between them as such estimates are.
            let central = estimate.central?;
            // The base-model method's low end is the base's figure as
            // published: under the base's range it is no floor (the range's
            // own low end is), so it does not lift the range.
            let by_base = estimate.method == crate::estimate::Method::BaseModel;
            let (est_low, low_exclusive) = match estimate.low {
                Some(l) if !by_base && (l > low || (l == low && estimate.low_exclusive)) => {
                    (l, estimate.low_exclusive)
                }
                _ => (low, false),
            };
            // Epoch's flag on a fine-tune further up the chain.
            let (est_low, low_exclusive) = if flagged && est_low <= crate::estimate::EPOCH_FLAG_FLOP
            {
                (crate::estimate::EPOCH_FLAG_FLOP, true)
            } else {
                (est_low, low_exclusive)
            };
            let high_end = estimate.high.map(|h| h.max(high).max(est_low));
            let central = central
                .max(flop)
                .max(est_low)
                .min(high_end.unwrap_or(f64::INFINITY));
            return Some(ComputeFigure::Estimated {
                central: Some(central),
                low: est_low,
                low_exclusive,
                high: high_end,
                // The base's low end is a hard floor only where the base's
                // figure is not itself read as an estimate.
                floor: (!base_estimate).then_some(low),
                // The share tests read the range as the original's bound,
                // as they read it where the model has no estimate; a range
                // that is itself an estimate (a Speculative base) is not
                // something the modifier can know, so it is left out and
                // the fallback stands (policy.md, "Downstream modifier").
                on_range: (!base_estimate).then_some(BoundRange {
                    flop,
                    low,
                    high,
                    confidence,
                }),
            });
        }
        let (floor, floor_exclusive) = match known {
            ComputeFigure::AtLeast { flop } => (flop, false),
            ComputeFigure::EstimatedOver1e25 => (crate::estimate::EPOCH_FLAG_FLOP, true),
            ComputeFigure::Undisclosed => (0.0, false),
            // A figure of its own (or built on its base's): no estimate.
            _ => return None,
        };
        let (low, low_exclusive) = match estimate.low {
            Some(low) if low > floor || (low == floor && estimate.low_exclusive) => {
                (low, estimate.low_exclusive)
            }
            _ => (floor, floor_exclusive),
        };
        let high = estimate.high.map(|h| h.max(low));
        let central = estimate
            .central
            .map(|c| c.max(low).min(high.unwrap_or(f64::INFINITY)));
        Some(ComputeFigure::Estimated {
            central,
            low,
            low_exclusive,
            high,
            floor: (floor > 0.0 && !floor_exclusive).then_some(floor),
            on_range: None,
        })
    }

    /// Model `index`'s EU verdict (see [`eu::verdict`]).
    pub fn eu(&self, index: usize) -> EuVerdict {
        self.eu
            .get(index, &self.ranged, || eu::verdict_in(self, index))
    }

    /// Model `index`'s own EU verdict, before its lifecycle's other rows.
    pub(crate) fn eu_row(&self, index: usize) -> EuVerdict {
        self.eu_rows
            .get(index, &self.ranged, || eu::row_verdict_in(self, index))
    }

    /// Model `index`'s US verdict (see [`us::verdict`]).
    pub fn us(&self, index: usize) -> UsVerdict {
        self.us
            .get(index, &self.ranged, || us::verdict_in(self, index))
    }
}
