//! Rows written when they matter. A change of scenario rewrites at once only
//! the rows in or near the table's scroll box (an `IntersectionObserver`
//! says which); the others follow in the background, a chunk per task, so a
//! key press on a slider does not wait for 680 rows of reasons. The table
//! is `aria-busy` until every row shows the current scenario, and keyboard
//! focus entering the table completes it at once.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use super::super::dom::{js_err, Res};
use super::ModelTable;
use crate::catalog::Catalog;

/// How many rows from the top of the table count as in view before the
/// browser has said which rows are.
const FIRST_VIEW: usize = 30;

/// Rows written per background task (a few milliseconds' work).
const CHUNK: usize = 60;

/// The property of a row's element that holds its catalog index.
const ROW_KEY: &str = "scopeExplorerRow";

/// What the table knows about its stale rows.
#[derive(Default)]
pub(super) struct Lazy {
    /// Counts changes of the EU settings and the as-of date (the EU
    /// reasons depend on them).
    pub eu_generation: u64,
    /// Whether estimates are used, and their level.
    pub estimate_key: Option<(bool, u64)>,
    /// Counts changes of `estimate_key`.
    pub estimate_generation: u64,
    /// How many rows are stale.
    stale: usize,
    /// The observer has reported which rows are in view.
    observed: bool,
    /// A background task is scheduled.
    scheduled: bool,
    /// Whether the table carries `aria-busy`.
    busy: bool,
}

impl ModelTable {
    /// Marks the rows whose cells differ from the last scenario shown.
    pub(super) fn mark_stale(&mut self) {
        let (eu, estimate) = (self.lazy.eu_generation, self.lazy.estimate_generation);
        let mut stale = 0;
        for (row, verdict) in self.rows.iter_mut().zip(&self.verdicts) {
            row.stale = verdict.is_some_and(|v| {
                row.last != Some(super::shows(&v))
                    || row.eu_generation != eu
                    || (row.estimate.is_some() && row.estimate_generation != estimate)
            });
            stale += usize::from(row.stale);
        }
        self.lazy.stale = stale;
    }

    fn near(&self, i: usize) -> bool {
        if self.lazy.observed {
            self.rows[i].near
        } else {
            self.position[i] < FIRST_VIEW
        }
    }

    /// Writes row `i` if it is stale.
    fn write(&mut self, catalog: &Catalog, i: usize) -> Res<()> {
        if self.rows[i].stale {
            self.render_row(catalog, i)?;
            self.rows[i].stale = false;
            self.lazy.stale -= 1;
        }
        Ok(())
    }

    /// Writes the stale rows in or near view.
    pub(super) fn render_near(&mut self, catalog: &Catalog) -> Res<()> {
        for i in 0..self.rows.len() {
            if self.rows[i].stale && self.near(i) {
                self.write(catalog, i)?;
            }
        }
        self.show_busy()
    }

    /// The browser's report of rows entering or leaving the view: catalog
    /// index and whether it is now in or near it.
    pub fn in_view(&mut self, catalog: &Catalog, changes: &[(usize, bool)]) -> Res<()> {
        self.lazy.observed = true;
        for &(i, near) in changes {
            if let Some(row) = self.rows.get_mut(i) {
                row.near = near;
                if near {
                    self.write(catalog, i)?;
                }
            }
        }
        self.show_busy()
    }

    /// One background task: writes the next chunk of stale rows, from the
    /// top of the table down.
    pub fn catch_up(&mut self, catalog: &Catalog) -> Res<()> {
        self.lazy.scheduled = false;
        let mut order = vec![0; self.rows.len()];
        for (i, place) in self.position.iter().enumerate() {
            order[*place] = i;
        }
        let mut written = 0;
        for i in order {
            if written == CHUNK {
                break;
            }
            if self.rows[i].stale {
                self.write(catalog, i)?;
                written += 1;
            }
        }
        self.show_busy()
    }

    /// Writes every stale row now.
    pub fn complete(&mut self, catalog: &Catalog) -> Res<()> {
        for i in 0..self.rows.len() {
            self.write(catalog, i)?;
        }
        self.show_busy()
    }

    /// Whether a background task should be scheduled; notes that one is.
    pub fn wants_catch_up(&mut self) -> bool {
        let wanted = self.lazy.stale > 0 && !self.lazy.scheduled;
        self.lazy.scheduled |= wanted;
        wanted
    }

    /// The table's scroll box: focus entering it completes the table.
    pub fn region(&self) -> &Element {
        &self.wrap
    }

    fn show_busy(&mut self) -> Res<()> {
        let busy = self.lazy.stale > 0;
        if busy != self.lazy.busy {
            if busy {
                self.table.set_attribute("aria-busy", "true")
            } else {
                self.table.remove_attribute("aria-busy")
            }
            .map_err(js_err)?;
            self.lazy.busy = busy;
        }
        Ok(())
    }

    /// Calls `handler` with the rows (catalog index, in or near view) whose
    /// visibility in the scroll box changed; one screen above and below
    /// counts as near.
    pub fn watch(&self, mut handler: impl FnMut(Vec<(usize, bool)>) + 'static) -> Res<()> {
        let key = JsValue::from_str(ROW_KEY);
        let callback_key = key.clone();
        let callback = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
            let changes = entries
                .iter()
                .filter_map(|entry| {
                    let entry: IntersectionObserverEntry = entry.unchecked_into();
                    let index = Reflect::get(&entry.target(), &callback_key)
                        .ok()?
                        .as_f64()?;
                    Some((index as usize, entry.is_intersecting()))
                })
                .collect();
            handler(changes);
        });
        let options = IntersectionObserverInit::new();
        options.set_root(Some(&self.wrap));
        options.set_root_margin("100% 0px");
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .map_err(js_err)?;
        // The observer lives as long as the page, like the listeners.
        callback.forget();
        for (i, row) in self.rows.iter().enumerate() {
            Reflect::set(&row.tr, &key, &JsValue::from(i as f64)).map_err(js_err)?;
            observer.observe(&row.tr);
        }
        Ok(())
    }
}
