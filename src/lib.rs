//! Who would a candidate US "covered frontier model" definition cover,
//! compared with the EU AI Act's general-purpose AI regime?
//!
//! A pure core (catalog, scenario, rules, evaluation, presets) that builds
//! and tests natively, plus a wasm32-only web layer that exposes it to the
//! browser. Every regime rule lives in exactly one function of [`rules`],
//! with a comment naming its source in the project's policy notes.
//!
//! ```
//! use scope_explorer::{catalog::Catalog, evaluate::evaluate, presets};
//!
//! let catalog = Catalog::embedded().unwrap();
//! let scenario = presets::find("eu-ai-act", presets::DEFAULT_AS_OF).unwrap().scenario;
//! let assessment = evaluate(&catalog, &scenario);
//! assert!(assessment.summary.models.both > 0);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// What the two big-number cards at the top of the page say.
pub mod cards;
/// The embedded model dataset (data/models.csv) and its typed rows.
pub mod catalog;
/// "Is our model in scope?": a model not in the catalog, judged by the same rules.
pub mod check;
/// ISO calendar dates (publication dates, the as-of date).
pub mod date;
/// The US reach under each rule for fine-tuned derivatives, side by side.
pub mod derivatives;
/// The embedded view: its own parameters, source line and static fallback.
pub mod embed;
/// Estimates of undisclosed training compute (and ECI), with methods, intervals and their backtest.
pub mod estimate;
/// Evaluation of a scenario over the catalog: verdicts and the overlap summary.
pub mod evaluate;
/// The assessment table as CSV, safe to open in a spreadsheet.
pub mod export;
/// The words of a downloaded chart: title, scenario, counts, source, file name.
pub mod figure;
/// Human-readable numbers with units ("3 × 10²⁵ FLOP", "$100M").
pub mod format;
/// The overlap as a grid that adds up: US side by EU side.
pub mod grid;
/// The developers (labs) each regime covers, by name.
pub mod labs;
/// What the page decides about an assessment: details sentence, words, sort order.
pub mod presentation;
/// Named presets: the EU AI Act and US precedents as candidate definitions.
pub mod presets;
/// A projection to 2030 of how many models pass a compute threshold each year.
pub mod projection;
/// The regime rules, each once, with its source.
pub mod rules;
/// What the user chooses: the US candidate definition, EU what-ifs, the as-of date.
pub mod scenario;
/// The columns of data/models.csv, one struct for the importer and the catalog.
pub mod schema;
/// Every setting of a scenario, once: the table the URL, the API, the CSV and the page read.
pub mod settings;
/// One stable sort for the whole crate (a smaller wasm module).
pub(crate) mod sort;
/// How many models and developers the US definition covers as its compute threshold moves.
pub mod sweep;
/// Each regime's counts quarter by quarter from 2020 to the as-of date.
pub mod timeline;
/// The scenario as a URL query string, and back, ignoring what it cannot use.
pub mod urlstate;
/// Serialisable views of an assessment for the UI and the wasm API.
pub mod view;

/// The wasm-bindgen API (only on wasm32).
#[cfg(target_arch = "wasm32")]
pub mod web;
