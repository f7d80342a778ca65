//! The model dataset, derived from Epoch AI's exports (CC BY 4.0) by the
//! `import_epoch` tool and embedded in the binary at compile time.

use std::fmt;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::date::IsoDate;
use crate::estimate::{
    family, stored, CapabilityFits, ComputeEstimate, Estimator, Frontier, ScoreEstimate,
};
use crate::rules::{self, LifecycleLink};
use crate::schema::ModelRow;

mod compact;
#[cfg(all(test, feature = "full"))]
mod slim;
// They compare the slimmed rows with the verbatim ones, which only a build
// with `full` embeds.
#[cfg(all(test, feature = "full"))]
mod slim_tests;

/// The embedded dataset, `data/models.csv`.
pub const MODELS_CSV: &str = include_str!("../data/models.csv");

/// The same dataset as build.rs embeds it for [`Catalog::embedded`]:
/// split without a CSV parser (see `build.rs`).
const MODELS_COMPACT: &str = include_str!(concat!(env!("OUT_DIR"), "/models.txt"));

/// Attribution that must stay visible wherever the data is shown.
pub const ATTRIBUTION: &str =
    "Data: Epoch AI, \u{201c}Data on AI Models\u{201d} and \u{201c}AI Benchmarking Hub\u{201d} (epoch.ai), CC BY 4.0.";

/// How far Epoch thinks its compute estimate may be from the truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Epoch's "Confident".
    Confident,
    /// Epoch's "Likely".
    Likely,
    /// Epoch's "Speculative".
    Speculative,
    /// Epoch's "Unknown", or no label.
    Unknown,
    /// Not Epoch's: a figure the user entered in "Check a model", read as
    /// Confident (the tightest of Epoch's labels) wherever a label matters.
    Entered,
}

impl Confidence {
    /// Epoch's word for it ("Likely"), "no confidence label", or for an
    /// entered figure "entered".
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Confident => "Confident",
            Confidence::Likely => "Likely",
            Confidence::Speculative => "Speculative",
            Confidence::Unknown => "no confidence label",
            Confidence::Entered => "entered",
        }
    }

    fn parse(label: &str) -> Confidence {
        match label.trim().to_ascii_lowercase().as_str() {
            "confident" => Confidence::Confident,
            "likely" => Confidence::Likely,
            "speculative" => Confidence::Speculative,
            _ => Confidence::Unknown,
        }
    }
}

/// One model of the catalog.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Model {
    /// Model name as Epoch writes it.
    pub name: String,
    /// Lead developer (first organisation listed), normalised.
    pub developer: String,
    /// Index of the lead developer in [`Catalog::developers`].
    pub developer_id: usize,
    /// All organisations listed, normalised, joined with "; ".
    pub organizations: String,
    /// Country of the lead organisation.
    pub country: String,
    /// Publication date.
    pub publication_date: IsoDate,
    /// Epoch's domain list ("Language,Vision").
    pub domain: String,
    /// Epoch's task list.
    pub task: String,
    /// Training compute in FLOP, cumulative for fine-tunes; `None` when undisclosed.
    pub compute_flop: Option<f64>,
    /// Epoch's confidence in the compute figure.
    pub compute_confidence: Confidence,
    /// Index of the base model in the catalog, for fine-tunes.
    pub base: Option<usize>,
    /// Compute of the fine-tuning alone, in FLOP, where Epoch records it.
    pub finetune_compute_flop: Option<f64>,
    /// Whether the weights are open; `None` when unknown.
    pub open_weights: Option<bool>,
    /// Training compute cost in 2023 US dollars, where known.
    pub cost_usd: Option<f64>,
    /// Best Epoch Capabilities Index score over the model's versions.
    pub eci: Option<f64>,
    /// The ECI model version that scored [`Model::eci`].
    pub eci_version: String,
    /// How many scored ECI versions the model has (the best one is kept).
    pub eci_versions: Option<u32>,
    /// Each scored ECI version's release date and score, by date.
    pub eci_history: Vec<(IsoDate, f64)>,
    /// Cybench unguided % solved (0 to 100).
    pub cybench_pct: Option<f64>,
    /// Epoch flags the model as estimated to be over 1e25 FLOP.
    pub estimated_over_1e25: bool,
    /// Epoch flags the model as maybe over 1e25 FLOP.
    pub maybe_over_1e25: bool,
    /// Epoch's accessibility label ("Open weights (unrestricted)", "API access", ...).
    pub accessibility: String,
    /// Which Epoch files list the model ("notable;large_scale;eci").
    pub sources: String,
    /// Source link.
    pub link: String,
    /// Parameter count (total, for a mixture of experts), where Epoch gives it.
    pub parameters: Option<f64>,
    /// Training dataset size in datapoints (tokens for language models),
    /// where Epoch gives it.
    pub training_tokens: Option<f64>,
    /// Parameters active per token (a count), for a mixture-of-experts model
    /// whose name or Epoch's notes state it.
    pub active_parameters: Option<f64>,
    /// The name or Epoch's parameter notes say the model is a mixture of experts.
    pub moe: bool,
    /// How this row joins an earlier model's lifecycle (the provider's own
    /// fine-tune or dated version), with that model's catalog index.
    pub lifecycle_link: Option<(usize, LifecycleLink)>,
    /// The model that starts this row's lifecycle (itself when none does):
    /// the EU counts a model together with its lifecycle.
    pub lifecycle_root: usize,
    /// Whether it generates language, images or video (the GPAI criterion's
    /// generality; see [`rules::eu::generative`]), worked out once.
    pub generative: rules::Test,
    /// The model's name family ([`crate::estimate::family::key`]), as the
    /// catalog index of the first row of that family: models of one family
    /// share it. `None` when the name has none. Worked out once (build.rs
    /// writes it into the embedded dataset); not serialised.
    #[serde(skip)]
    pub family: Option<usize>,
}

impl Model {
    /// Every organisation Epoch lists for the model, normalised.
    pub fn organisations(&self) -> impl Iterator<Item = &str> + '_ {
        self.organizations
            .split(';')
            .map(str::trim)
            .filter(|o| !o.is_empty())
    }

    /// The best ECI score of the versions released on or before `as_of`
    /// (a later version's score did not exist yet). Without dated versions,
    /// [`Model::eci`].
    pub fn eci_as_of(&self, as_of: IsoDate) -> Option<f64> {
        if self.eci_history.is_empty() {
            return self.eci;
        }
        self.eci_history
            .iter()
            .filter(|(date, _)| *date <= as_of)
            .map(|(_, score)| *score)
            .max_by(f64::total_cmp)
    }

    /// Whether the model was unreleased (Epoch's accessibility "Unreleased"):
    /// not placed on the market.
    pub fn unreleased(&self) -> bool {
        self.accessibility.trim().eq_ignore_ascii_case("unreleased")
    }
}

/// What is worked out once from a dataset row: build.rs writes it into the
/// embedded dataset (so the wasm modules need not carry the code and the
/// fields it reads), [`Catalog::from_csv`] works it out itself.
#[derive(Clone, Debug, PartialEq)]
struct Derived {
    /// The name family ([`Model::family`]).
    family: Option<usize>,
    /// The GPAI criterion's generality ([`rules::eu::generative_from_fields`]).
    generative: rules::Test,
}

/// The whole dataset, with developers indexed.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// Models sorted by publication date, then name.
    pub models: Vec<Model>,
    /// Distinct lead developers, sorted by name.
    pub developers: Vec<String>,
    /// Latest publication date in the data.
    pub latest_publication: IsoDate,
    /// For each model that starts a lifecycle, every row of that lifecycle
    /// (itself included), by publication date then name; empty for the
    /// other rows.
    pub lifecycle_members: Vec<Vec<usize>>,
    /// The estimates at the last interval level asked for.
    estimates: EstimateCache,
    /// The capability method's fits made in advance ([`stored`]): the
    /// embedded dataset's, `None` for any other catalog.
    stored_fits: Option<CapabilityFits>,
    /// How many rows (the first ones) the estimator fits on: all of a
    /// dataset, and not a model appended by [`Catalog::with_model`].
    fitted_rows: usize,
    /// The largest figures by date (of the fitted rows), for the frontier
    /// ceiling that caps a figure's range.
    frontier: Frontier,
}

/// Every model's estimates at one interval level (see [`crate::estimate`]).
#[derive(Debug)]
pub struct Estimates {
    /// The interval level (0.8 for 80%).
    pub level: f64,
    /// Undisclosed training compute, by catalog index (`None` where the
    /// model has its own figure or no method applies).
    pub compute: Vec<Option<ComputeEstimate>>,
    /// A missing ECI score, by catalog index.
    pub eci: Vec<Option<ScoreEstimate>>,
}

/// The last [`Estimates`] made, kept so that a slider step does not refit
/// (fitting and estimating every model takes a few milliseconds).
#[derive(Default)]
struct EstimateCache(Mutex<Option<(Arc<Estimates>, Arc<Estimator>)>>);

impl Clone for EstimateCache {
    fn clone(&self) -> Self {
        EstimateCache::default()
    }
}

impl fmt::Debug for EstimateCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EstimateCache")
    }
}

/// A problem in a dataset file, naming the line.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogError(pub String);

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CatalogError {}

fn positive(field: &str, value: Option<f64>, line: u64) -> Result<Option<f64>, CatalogError> {
    match value {
        Some(v) if !(v.is_finite() && v >= 0.0) => Err(CatalogError(format!(
            "line {line}: {field} must be a non-negative number, got {v}"
        ))),
        other => Ok(other),
    }
}

fn finite(field: &str, value: Option<f64>, line: u64) -> Result<Option<f64>, CatalogError> {
    match value {
        Some(v) if !v.is_finite() => Err(CatalogError(format!(
            "line {line}: {field} must be a finite number, got {v}"
        ))),
        other => Ok(other),
    }
}

/// Reads "2024-12-20:140.1;2025-04-16:147.2" (see `schema::ModelRow`).
fn eci_history(text: &str, line: u64) -> Result<Vec<(IsoDate, f64)>, CatalogError> {
    text.split(';')
        .filter(|entry| !entry.trim().is_empty())
        .map(|entry| {
            let bad = |why: String| {
                CatalogError(format!("line {line}: eci_history entry {entry:?}: {why}"))
            };
            let (date, score) = entry
                .split_once(':')
                .ok_or_else(|| bad("expected date:score".into()))?;
            let date = IsoDate::parse(date.trim()).map_err(bad)?;
            let score: f64 = score.trim().parse().map_err(|e| bad(format!("{e}")))?;
            if !score.is_finite() {
                return Err(bad("not a finite score".into()));
            }
            Ok((date, score))
        })
        .collect()
}

/// Longest chain of fine-tunes accepted (the rules follow chains recursively).
pub const MAX_BASE_CHAIN: usize = 32;

/// Sets each model's lifecycle link and root ([`rules::lifecycles`]) and
/// returns each lifecycle's members, indexed by the row that starts it, by
/// publication date, then name: the same order whatever the rows'.
fn assign_lifecycles(models: &mut [Model]) -> Vec<Vec<usize>> {
    let mut lifecycle_members = vec![Vec::new(); models.len()];
    for (i, (link, root)) in rules::lifecycles(models).into_iter().enumerate() {
        models[i].lifecycle_link = link;
        models[i].lifecycle_root = root;
        lifecycle_members[root].push(i);
    }
    for members in &mut lifecycle_members {
        crate::sort::sort_by(members, |&a, &b| {
            let (a, b) = (&models[a], &models[b]);
            (a.publication_date, &a.name).cmp(&(b.publication_date, &b.name))
        });
    }
    lifecycle_members
}

impl Catalog {
    /// The dataset compiled into the binary (`data/models.csv`).
    pub fn embedded() -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::from_rows(compact::rows(MODELS_COMPACT)?)?;
        catalog.stored_fits = Some(stored::fits());
        Ok(catalog)
    }

    /// Parses a dataset in the `data/models.csv` format.
    pub fn from_csv(text: &str) -> Result<Catalog, CatalogError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut read = Vec::new();
        for (i, record) in reader.deserialize::<ModelRow>().enumerate() {
            let line = i as u64 + 2;
            read.push(record.map_err(|e| CatalogError(format!("line {line}: {e}")))?);
        }
        let keys: Vec<Option<String>> = read.iter().map(|row| family::key(&row.name)).collect();
        let mut rows = Vec::new();
        for (row, family) in read.into_iter().zip(family::first_rows(&keys)) {
            let derived = Derived {
                family,
                generative: rules::Test::from_generative(rules::generative::from_fields(
                    &row.name,
                    &row.domain,
                    &row.task,
                    &row.sources,
                )),
            };
            rows.push((row, derived));
        }
        Catalog::from_rows(rows)
    }

    /// The catalog of a dataset's rows, in file order (the first is line 2),
    /// each with what is worked out from it.
    fn from_rows(rows: Vec<(ModelRow, Derived)>) -> Result<Catalog, CatalogError> {
        // Each name with its row, sorted by name (a sorted list rather than
        // a `BTreeMap`, for a smaller wasm module).
        let mut index: Vec<(String, usize)> = Vec::with_capacity(rows.len());
        for (i, (row, _)) in rows.iter().enumerate() {
            match index.binary_search_by(|(name, _)| name.cmp(&row.name)) {
                Ok(_) => return Err(CatalogError(format!("model {:?} appears twice", row.name))),
                Err(at) => index.insert(at, (row.name.clone(), i)),
            }
        }
        let developers: Vec<String> = {
            // Sorted, without repeats.
            let mut names: Vec<&str> = rows.iter().map(|(r, _)| r.developer.as_str()).collect();
            crate::sort::sort_dedup(&mut names);
            names.into_iter().map(str::to_string).collect()
        };
        let mut models = Vec::with_capacity(rows.len());
        for (i, (row, derived)) in rows.into_iter().enumerate() {
            let line = i as u64 + 2;
            let base = if row.base_model.is_empty() {
                None
            } else {
                let found = index.binary_search_by(|(name, _)| name.cmp(&row.base_model));
                let b = found.map(|at| index[at].1).map_err(|_| {
                    CatalogError(format!(
                        "line {line}: base model {:?} is not in the catalog",
                        row.base_model
                    ))
                })?;
                if b == i {
                    return Err(CatalogError(format!(
                        "line {line}: {:?} is its own base model",
                        row.name
                    )));
                }
                Some(b)
            };
            let developer_id = developers.binary_search(&row.developer).unwrap_or_default();
            models.push(Model {
                compute_flop: positive("compute_flop", row.compute_flop, line)?,
                finetune_compute_flop: positive(
                    "finetune_compute_flop",
                    row.finetune_compute_flop,
                    line,
                )?,
                cost_usd: positive("cost_usd", row.cost_usd, line)?,
                eci: finite("eci", row.eci, line)?,
                eci_version: row.eci_version,
                eci_versions: row.eci_versions,
                eci_history: eci_history(&row.eci_history, line)?,
                accessibility: row.accessibility,
                sources: row.sources,
                cybench_pct: finite("cybench_unguided_pct", row.cybench_unguided_pct, line)?,
                name: row.name,
                developer: row.developer,
                developer_id,
                organizations: row.organizations,
                country: row.country,
                publication_date: row.publication_date,
                domain: row.domain,
                task: row.task,
                compute_confidence: Confidence::parse(&row.compute_confidence),
                base,
                open_weights: match row.open_weights.as_str() {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                },
                estimated_over_1e25: row.estimated_over_1e25 == "true",
                maybe_over_1e25: row.maybe_over_1e25 == "true",
                link: row.link,
                parameters: positive("parameters", row.parameters, line)?,
                training_tokens: positive("training_tokens", row.training_tokens, line)?,
                active_parameters: positive("active_parameters", row.active_parameters, line)?,
                moe: row.moe == "true",
                lifecycle_link: None,
                lifecycle_root: i,
                generative: derived.generative,
                family: derived.family,
            });
        }
        Catalog::check_acyclic(&models)?;
        let latest_publication = models
            .iter()
            .map(|m| m.publication_date)
            .max()
            .ok_or_else(|| CatalogError("the dataset has no models".into()))?;
        let lifecycle_members = assign_lifecycles(&mut models);
        let fitted_rows = models.len();
        let mut catalog = Catalog {
            models,
            developers,
            latest_publication,
            lifecycle_members,
            estimates: EstimateCache::default(),
            stored_fits: None,
            fitted_rows,
            frontier: Frontier::default(),
        };
        catalog.frontier = Frontier::fit(&catalog, &|_| true);
        Ok(catalog)
    }

    /// The frontier ceiling at `date`: the largest figure published by then
    /// times [`crate::estimate::CEILING_FACTOR`], in FLOP (`None` before the
    /// first figure). No run is read as larger (data/ESTIMATES.md).
    pub fn ceiling(&self, date: IsoDate) -> Option<f64> {
        self.frontier.ceiling(date.year_fraction())
    }

    /// This catalog with one more model appended (its index is the old
    /// length): developers and lifecycles are worked out again as for a
    /// dataset row, and so is the GPAI criterion unless the model brings
    /// its answer (`generative` not `Unknown`: a checked model's ticked
    /// outputs, a copied row's own), and the estimates are fitted on the
    /// original rows only, so the new model changes no other model's
    /// estimate. `model.base` must be an index of this catalog.
    pub fn with_model(&self, mut model: Model) -> Catalog {
        let mut models = self.models.clone();
        let mut developers = self.developers.clone();
        if let Err(at) = developers.binary_search(&model.developer) {
            developers.insert(at, model.developer.clone());
            for m in &mut models {
                if m.developer_id >= at {
                    m.developer_id += 1;
                }
            }
        }
        model.developer_id = developers
            .binary_search(&model.developer)
            .unwrap_or_default();
        model.lifecycle_link = None;
        model.lifecycle_root = models.len();
        // A checked model brings what the user ticked; anything else is read
        // from its fields as a dataset row is.
        if model.generative == rules::Test::Unknown {
            model.generative = rules::eu::generative_from_fields(&model);
        }
        // The first row of its family, or itself.
        model.family = family::key(&model.name).map(|key| {
            let same =
                |m: &Model| m.family.is_some() && family::key(&m.name).as_ref() == Some(&key);
            models.iter().position(same).unwrap_or(models.len())
        });
        models.push(model);
        let lifecycle_members = assign_lifecycles(&mut models);
        let latest_publication = self
            .latest_publication
            .max(models[models.len() - 1].publication_date);
        let catalog = Catalog {
            models,
            developers,
            latest_publication,
            lifecycle_members,
            estimates: EstimateCache::default(),
            // A new row may change which lifecycle the others belong to,
            // which the fits' intervals group by: fitted again if needed.
            stored_fits: None,
            fitted_rows: self.fitted_rows,
            frontier: self.frontier.clone(),
        };
        catalog.seed_estimates(self);
        catalog
    }

    /// Takes `original`'s estimates, when it has some, and adds this
    /// catalog's last row's with the same estimator: the fit is on the
    /// original rows either way, and a row's estimate reads only itself and
    /// its base model, so this equals refitting, without the cost.
    fn seed_estimates(&self, original: &Catalog) {
        let cached = match original.estimates.0.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        let Some((estimates, estimator)) = cached else {
            return;
        };
        let last = self.models.len() - 1;
        let mut compute = estimates.compute.clone();
        compute.push(estimator.compute(self, last));
        let mut eci = estimates.eci.clone();
        eci.push(
            (self.models[last].generative == rules::Test::Pass)
                .then(|| estimator.eci(self, last))
                .flatten(),
        );
        let seeded = Estimates {
            level: estimates.level,
            compute,
            eci,
        };
        if let Ok(mut slot) = self.estimates.0.lock() {
            *slot = Some((Arc::new(seeded), estimator));
        }
    }

    /// Base-model chains must end: a cycle would make "inherit" undefined.
    fn check_acyclic(models: &[Model]) -> Result<(), CatalogError> {
        for (i, m) in models.iter().enumerate() {
            let mut current = m.base;
            let mut steps = 0;
            while let Some(b) = current {
                steps += 1;
                if b == i || steps > models.len() {
                    return Err(CatalogError(format!(
                        "base models of {:?} form a cycle",
                        m.name
                    )));
                }
                if steps > MAX_BASE_CHAIN {
                    return Err(CatalogError(format!(
                        "{:?} sits on a chain of more than {MAX_BASE_CHAIN} fine-tunes",
                        m.name
                    )));
                }
                current = models[b].base;
            }
        }
        Ok(())
    }

    /// Every model's estimates at interval `level` (0.5 to 0.99), fitted on
    /// the first request for that level and kept until another is asked for.
    pub fn estimates(&self, level: f64) -> Arc<Estimates> {
        let mut cached = match self.estimates.0.lock() {
            Ok(guard) => guard,
            // A panic elsewhere while holding the lock left nothing half-made:
            // the value is replaced whole.
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some((estimates, _)) = cached.as_ref().filter(|(e, _)| e.level == level) {
            return Arc::clone(estimates);
        }
        let fitted = self.fitted_rows;
        let estimator =
            Estimator::fit_sharing(self, level, &|i| i < fitted, self.stored_fits.as_ref());
        let estimates = Arc::new(Estimates {
            level,
            compute: (0..self.models.len())
                .map(|i| estimator.compute(self, i))
                .collect(),
            // ECI scores language models: no estimate for a model that does
            // not generate language, images or video.
            eci: (0..self.models.len())
                .map(|i| {
                    (self.models[i].generative == rules::Test::Pass)
                        .then(|| estimator.eci(self, i))
                        .flatten()
                })
                .collect(),
        });
        *cached = Some((Arc::clone(&estimates), Arc::new(estimator)));
        estimates
    }

    /// Looks a model up by exact name, then case-insensitively.
    pub fn find(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.models.iter().position(|m| m.name == name).or_else(|| {
            self.models
                .iter()
                .position(|m| m.name.eq_ignore_ascii_case(name))
        })
    }

    /// The model at `index`.
    pub fn model(&self, index: usize) -> &Model {
        &self.models[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::write_csv;

    /// A language model by "Dev" published 2024-01-01 with 1e24 FLOP.
    fn row(name: &str, base_model: &str) -> ModelRow {
        ModelRow {
            name: name.into(),
            developer: "Dev".into(),
            organizations: "Dev".into(),
            country: "US".into(),
            publication_date: IsoDate::from_date(time::macros::date!(2024 - 01 - 01)),
            domain: "Language".into(),
            task: String::new(),
            compute_flop: Some(1e24),
            compute_confidence: "Confident".into(),
            compute_source: "notable".into(),
            base_model: base_model.into(),
            finetune_compute_flop: None,
            open_weights: "no".into(),
            accessibility: String::new(),
            cost_usd: None,
            eci: None,
            eci_version: String::new(),
            eci_versions: None,
            cybench_unguided_pct: None,
            estimated_over_1e25: String::new(),
            maybe_over_1e25: String::new(),
            sources: "notable".into(),
            link: String::new(),
            eci_history: String::new(),
            parameters: None,
            training_tokens: None,
            active_parameters: None,
            moe: String::new(),
        }
    }

    fn csv_of(rows: &[ModelRow]) -> String {
        String::from_utf8(write_csv(rows).unwrap()).unwrap()
    }

    // Without `full` the embedded rows are the embed's slimmed ones
    // (`slim.rs`), which differ from the CSV by design.
    #[cfg(feature = "full")]
    #[test]
    fn the_compact_embedding_reads_as_data_models_csv() {
        let compact = Catalog::embedded().unwrap();
        let csv = Catalog::from_csv(MODELS_CSV).unwrap();
        assert_eq!(compact.models.len(), csv.models.len());
        for (a, b) in compact.models.iter().zip(&csv.models) {
            // What build.rs works out too (`Derived`): against the
            // library's own functions.
            assert_eq!(a, b);
            assert_eq!(a.family.is_some(), family::key(&a.name).is_some());
            assert_eq!(a.generative, rules::eu::generative_from_fields(a));
        }
        assert!(compact.models.iter().filter(|m| m.family.is_some()).count() > 600);
        // Each family is the first row with the same `family::key`.
        let keys: Vec<Option<String>> = compact
            .models
            .iter()
            .map(|m| family::key(&m.name))
            .collect();
        for (i, m) in compact.models.iter().enumerate() {
            if let Some(first) = m.family {
                assert_eq!(keys[first], keys[i], "{}", m.name);
                assert_eq!(keys.iter().position(|k| *k == keys[i]), Some(first));
            }
        }
        // Some families have several rows.
        let with_family = compact.models.iter().filter(|m| m.family.is_some()).count();
        let distinct: std::collections::BTreeSet<usize> =
            compact.models.iter().filter_map(|m| m.family).collect();
        assert!(distinct.len() + 20 < with_family, "{}", distinct.len());
        assert_eq!(compact.developers, csv.developers);
        assert_eq!(compact.lifecycle_members, csv.lifecycle_members);
        assert_eq!(compact.latest_publication, csv.latest_publication);
    }

    #[test]
    fn compact_errors_name_the_line_and_field() {
        let mut records = MODELS_COMPACT.split('\u{1e}');
        let header = records.next().unwrap();
        let first = records.next().unwrap();
        let date = header
            .split('\u{1f}')
            .position(|h| h == "publication_date")
            .unwrap();
        let mut fields: Vec<&str> = first.split('\u{1f}').collect();
        fields[date] = "2024-13-01";
        let bad_date = format!("{header}\u{1e}{}\u{1e}", fields.join("\u{1f}"));
        let err = compact::rows(&bad_date).unwrap_err();
        assert!(err.0.starts_with("line 2: publication_date: "), "{err}");
        let short = format!("{header}\u{1e}{first}\u{1e}A\u{1e}");
        let err = compact::rows(&short).unwrap_err();
        assert!(err.0.starts_with("line 3: 1 fields, expected "), "{err}");
    }

    #[test]
    fn a_model_added_joins_its_name_family_or_starts_one() {
        let c = Catalog::embedded().unwrap();
        let gpt4o = c.find("GPT-4o").unwrap();
        let first = c.models[gpt4o].family.unwrap();
        assert_eq!(family::key(&c.models[first].name), family::key("GPT-4o"));
        let mut sibling = c.models[gpt4o].clone();
        sibling.name = "GPT-4o (Dec 2030)".into();
        let with = c.with_model(sibling);
        assert_eq!(with.models.last().unwrap().family, Some(first));
        let mut novel = c.models[gpt4o].clone();
        novel.name = "Zyxwv 9".into();
        let with = c.with_model(novel);
        assert_eq!(with.models.last().unwrap().family, Some(c.models.len()));
    }

    #[test]
    fn embedded_dataset_parses() {
        let c = Catalog::embedded().unwrap();
        assert!(c.models.len() > 300, "{} models", c.models.len());
        assert!(c.developers.len() > 50);
    }

    #[test]
    fn unknown_base_model_is_an_error_naming_the_line() {
        let csv = csv_of(&[row("A", "Missing")]);
        let err = Catalog::from_csv(&csv).unwrap_err();
        assert!(
            err.0.contains("line 2") && err.0.contains("Missing"),
            "{err}"
        );
    }

    #[test]
    fn bad_date_and_negative_compute_are_errors() {
        let csv = csv_of(&[row("A", "")]).replace("2024-01-01", "2024-13-01");
        let err = Catalog::from_csv(&csv).unwrap_err();
        assert!(
            err.0.starts_with("line 2: ") && err.0.contains("publication_date: "),
            "{err}"
        );
        let csv = csv_of(&[ModelRow {
            compute_flop: Some(-1e24),
            ..row("A", "")
        }]);
        assert!(Catalog::from_csv(&csv)
            .unwrap_err()
            .0
            .contains("compute_flop"));
    }

    #[test]
    fn cycles_are_rejected() {
        let csv = csv_of(&[row("A", "B"), row("B", "A")]);
        assert!(Catalog::from_csv(&csv).unwrap_err().0.contains("cycle"));
    }
}
