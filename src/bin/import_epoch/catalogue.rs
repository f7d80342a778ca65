//! All models read so far, with lookup by normalised name.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Model, Source};
use crate::report::Report;
use crate::text;

#[derive(Default)]
pub struct Catalogue {
    pub models: Vec<Model>,
    exact: BTreeMap<String, usize>,
    compact: BTreeMap<String, BTreeSet<usize>>,
}

/// How a name was found.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Exact,
    Loose,
}

impl Catalogue {
    fn insert(&mut self, model: Model) -> usize {
        let index = self.models.len();
        self.exact.insert(text::key(&model.name), index);
        self.compact
            .entry(text::compact_key(&model.name))
            .or_default()
            .insert(index);
        self.models.push(model);
        index
    }

    /// Finds a model by join key, falling back to the loose key when exactly
    /// one model has it.
    pub fn find(&self, name: &str) -> Option<(usize, Match)> {
        let key = text::key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&index) = self.exact.get(&key) {
            return Some((index, Match::Exact));
        }
        match self.compact.get(&text::compact_key(name)) {
            Some(set) if set.len() == 1 => set.first().map(|&i| (i, Match::Loose)),
            _ => None,
        }
    }

    /// Adds a model read from `file`, or merges it into the model of the same
    /// name from an earlier file (earlier files win field by field). Two rows
    /// of the same file with the same key are different models: the second
    /// gets a disambiguated name.
    pub fn add_or_merge(&mut self, mut model: Model, source: Source, report: &mut Report) -> usize {
        if let Some((index, how)) = self.find(&model.name) {
            let existing = &mut self.models[index];
            if !existing.sources.contains(&source) {
                if how == Match::Loose {
                    report.loose_matches.push(format!(
                        "{} row {:?} merged into {:?}",
                        source.label(),
                        model.name,
                        existing.name
                    ));
                }
                existing.merge_from(model, report);
                return index;
            }
            if how == Match::Exact {
                let original = model.name.clone();
                model.name = self.unused_name(&model);
                report.name_collisions.push(format!(
                    "{}: {:?} collides with {:?}; renamed {:?}",
                    source.label(),
                    original,
                    existing_name(&self.models, index),
                    model.name
                ));
            }
        }
        self.add_new(model)
    }

    /// Adds a model known not to be in the catalogue yet (after a failed
    /// `find`), disambiguating the name if needed.
    pub fn add_new(&mut self, mut model: Model) -> usize {
        if self.exact.contains_key(&text::key(&model.name)) {
            model.name = self.unused_name(&model);
        }
        self.insert(model)
    }

    /// "Name (YYYY-MM-DD)", then "Name (2)", "Name (3)"... until unused.
    fn unused_name(&self, model: &Model) -> String {
        let mut candidates = Vec::new();
        if !model.date.is_empty() {
            candidates.push(format!("{} ({})", model.name, model.date));
        }
        candidates.extend((2..).take(1000).map(|n| format!("{} ({n})", model.name)));
        candidates
            .into_iter()
            .find(|c| !self.exact.contains_key(&text::key(c)))
            .unwrap_or_else(|| model.name.clone())
    }
}

fn existing_name(models: &[Model], index: usize) -> &str {
    &models[index].name
}
