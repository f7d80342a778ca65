//! One scenario's judgements over a catalog, each worked out once: a
//! derivative's verdict reads its base's, a lifecycle's rows read each
//! other's, and a modification reads its original's, so evaluating every
//! model without a memo would judge the same rows many times over.

use std::cell::RefCell;

use super::eu::{self, EuVerdict};
use super::us::{self, UsVerdict};
use super::{parts_on, ComputeParts};
use crate::catalog::Catalog;
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
    parts: Memo<ComputeParts>,
    eu_rows: Memo<EuVerdict>,
    eu: Memo<EuVerdict>,
    us: Memo<UsVerdict>,
}

/// Results by catalog index, filled on first use. The table itself is
/// made on first use too: a sweep asks only for US verdicts.
struct Memo<T> {
    len: usize,
    done: RefCell<Vec<Option<T>>>,
}

impl<T: Copy> Memo<T> {
    fn new(len: usize) -> Memo<T> {
        Memo {
            len,
            done: RefCell::new(Vec::new()),
        }
    }

    /// The remembered result, or `work`'s, remembered. The borrow is let go
    /// before `work` runs, which may ask for other rows.
    fn get(&self, index: usize, work: impl FnOnce() -> T) -> T {
        if let Some(Some(done)) = self.done.borrow().get(index) {
            return *done;
        }
        let done = work();
        let mut table = self.done.borrow_mut();
        if table.is_empty() {
            table.resize(self.len, None);
        }
        table[index] = Some(done);
        done
    }
}

impl<'a> Judge<'a> {
    /// A judge with nothing worked out yet.
    pub fn new(catalog: &'a Catalog, scenario: &'a Scenario) -> Judge<'a> {
        let n = catalog.models.len();
        Judge {
            catalog,
            scenario,
            parts: Memo::new(n),
            eu_rows: Memo::new(n),
            eu: Memo::new(n),
            us: Memo::new(n),
        }
    }

    /// The compute of model `index` (see [`super::compute_parts`]).
    pub fn parts(&self, index: usize) -> ComputeParts {
        self.parts.get(index, || {
            let model = &self.catalog.models[index];
            let base = model.base.map(|b| self.parts(b).cumulative);
            parts_on(model, base, self.scenario)
        })
    }

    /// Model `index`'s EU verdict (see [`eu::verdict`]).
    pub fn eu(&self, index: usize) -> EuVerdict {
        self.eu.get(index, || eu::verdict_in(self, index))
    }

    /// Model `index`'s own EU verdict, before its lifecycle's other rows.
    pub(crate) fn eu_row(&self, index: usize) -> EuVerdict {
        self.eu_rows.get(index, || eu::row_verdict_in(self, index))
    }

    /// Model `index`'s US verdict (see [`us::verdict`]).
    pub fn us(&self, index: usize) -> UsVerdict {
        self.us.get(index, || us::verdict_in(self, index))
    }
}
