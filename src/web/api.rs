//! The wasm-bindgen API over the pure core (the full build only: the
//! embed's smaller module has no use for it). Scenarios and results cross
//! the boundary as plain JS objects through serde.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{default_scenario, today};
use crate::catalog::{Catalog, ATTRIBUTION};
use crate::date::IsoDate;
use crate::evaluate::evaluate;
use crate::presets;
use crate::scenario::Scenario;
use crate::view::AssessmentView;

/// Converts a JS value into a Rust value, naming the offending field:
/// "us.derivatives.rule: unknown variant `bogus`, expected one of ...".
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        if path == "." {
            JsError::new(&format!("{what}: {}", err.inner()))
        } else {
            JsError::new(&format!("{path}: {}", err.inner()))
        }
    })
}

/// Converts a Rust value into a plain JS object (maps as objects, `None` as null).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the result for JavaScript: {e}")))
}

/// Parses and validates a scenario given as a plain JS object.
pub(crate) fn scenario_from_js(value: JsValue) -> Result<Scenario, JsError> {
    let scenario: Scenario = from_js(value.clone(), "scenario")?;
    reject_unknown_fields(&value, &to_js(&scenario)?, "")?;
    scenario
        .validate()
        .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(scenario)
}

/// serde-wasm-bindgen reads only the fields a struct names, so a misspelt
/// field would be silently ignored. Every key of the input must also be a
/// key of the parsed value written back out.
fn reject_unknown_fields(input: &JsValue, parsed: &JsValue, path: &str) -> Result<(), JsError> {
    if !input.is_object() || !parsed.is_object() || js_sys::Array::is_array(input) {
        return Ok(());
    }
    let object: &js_sys::Object = input.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let field = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        if !js_sys::Reflect::has(parsed, &key).unwrap_or(false) {
            return Err(JsError::new(&format!("{field}: unknown field")));
        }
        let inner_input = js_sys::Reflect::get(input, &key).unwrap_or(JsValue::UNDEFINED);
        let inner_parsed = js_sys::Reflect::get(parsed, &key).unwrap_or(JsValue::UNDEFINED);
        reject_unknown_fields(&inner_input, &inner_parsed, &field)?;
    }
    Ok(())
}

/// The explorer: the embedded catalog behind one opaque handle.
#[wasm_bindgen]
pub struct Explorer {
    catalog: Catalog,
}

#[wasm_bindgen]
impl Explorer {
    /// Parses the embedded dataset.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Explorer, JsError> {
        let catalog =
            Catalog::embedded().map_err(|e| JsError::new(&format!("embedded dataset: {e}")))?;
        Ok(Explorer { catalog })
    }

    /// Number of models in the catalog.
    #[wasm_bindgen(getter, js_name = modelCount)]
    pub fn model_count(&self) -> usize {
        self.catalog.models.len()
    }

    /// The data attribution to show next to any result.
    #[wasm_bindgen(getter)]
    pub fn attribution(&self) -> String {
        ATTRIBUTION.to_string()
    }

    /// Every preset: `[{id, name, description, scenario}]`, evaluated at
    /// `as_of` (ISO date; today when omitted).
    pub fn presets(&self, as_of: Option<String>) -> Result<JsValue, JsError> {
        let as_of = checked_as_of(as_of)?;
        to_js(&presets::all(as_of))
    }

    /// Every setting of a scenario, from the core's one table: `[{id,
    /// param, label, group, kind, unit, min, max, options, default,
    /// optional, source, field}]`, in page order.
    pub fn settings(&self) -> Result<JsValue, JsError> {
        to_js(&crate::settings::views())
    }

    /// The scenario a fresh page starts from.
    #[wasm_bindgen(js_name = defaultScenario)]
    pub fn default_scenario(&self) -> Result<JsValue, JsError> {
        to_js(&default_scenario()?)
    }

    /// Evaluates a scenario: `{summary, matching_preset, models: [...]}`.
    /// Throws an `Error` naming the field when the scenario is invalid.
    pub fn evaluate(&self, scenario: JsValue) -> Result<JsValue, JsError> {
        let scenario = scenario_from_js(scenario)?;
        let assessment = evaluate(&self.catalog, &scenario);
        to_js(&AssessmentView::new(&self.catalog, &assessment, &scenario))
    }

    /// Only the counts of an evaluation: `{models, developers, not_yet_published}`.
    pub fn summary(&self, scenario: JsValue) -> Result<JsValue, JsError> {
        let scenario = scenario_from_js(scenario)?;
        to_js(&evaluate(&self.catalog, &scenario).summary)
    }

    /// The scenario a page URL query describes (`?us_flop=1e26&...`), read
    /// as the page reads it: from the default preset, today's date, and
    /// every valid parameter. Invalid parameters are ignored, as on the page.
    #[wasm_bindgen(js_name = scenarioFromQuery)]
    pub fn scenario_from_query(&self, query: &str) -> Result<JsValue, JsError> {
        to_js(&crate::urlstate::decode(query, &default_scenario()?).scenario)
    }

    /// The URL query (without `?`) that restores a scenario.
    #[wasm_bindgen(js_name = queryFromScenario)]
    pub fn query_from_scenario(&self, scenario: JsValue) -> Result<String, JsError> {
        Ok(crate::urlstate::encode(&scenario_from_js(scenario)?))
    }

    /// Checks a model that is not in the catalog: `input` is `{name?,
    /// compute: {method: "flop", flop} | {method: "parameters", parameters,
    /// tokens} | {method: "hardware", chip, chips, days, utilisation_pct},
    /// publication_date, eci?, cybench_pct?, generates: ["text", ...],
    /// base_model?, finetune_flop?, same_developer?}`. Returns `{name,
    /// compute: {flop, how}, cumulative_flop, current, presets, reach,
    /// reach_words, eu_tier, derivative}`. Throws an `Error` naming every
    /// bad field ("compute.tokens: ...; eci: ...").
    pub fn check(&self, input: JsValue, scenario: JsValue) -> Result<JsValue, JsError> {
        let scenario = scenario_from_js(scenario)?;
        let parsed: crate::check::CheckInput = from_js(input.clone(), "input")?;
        reject_unknown_fields(&input, &to_js(&parsed)?, "")?;
        let report = crate::check::check(&self.catalog, &parsed, &scenario)
            .map_err(|errors| JsError::new(&crate::check::input::joined(&errors)))?;
        to_js(&report)
    }

    /// The accelerators of the hardware method: `[{id, name,
    /// peak_flop_per_s, source}]` (dense BF16 peak, FLOP/s).
    pub fn accelerators(&self) -> Result<JsValue, JsError> {
        to_js(&crate::check::ACCELERATORS)
    }

    /// Each regime's counts with their ranges at every quarter's end from
    /// 2020 to the scenario's as-of date: `{points: [{date, us, eu}],
    /// markers: [{date, label}]}`.
    pub fn timeline(&self, scenario: JsValue) -> Result<JsValue, JsError> {
        let scenario = scenario_from_js(scenario)?;
        to_js(&crate::timeline::timeline(&self.catalog, &scenario))
    }

    /// The projection to 2030 under a scenario. `settings` is
    /// `{growth_low, growth_high, models_per_year?}` (times per year,
    /// models per year; omitted: 4 to 5 times and the reference year's
    /// count). Throws an `Error` naming a bad setting.
    pub fn projection(&self, scenario: JsValue, settings: JsValue) -> Result<JsValue, JsError> {
        let scenario = scenario_from_js(scenario)?;
        let settings = if settings.is_undefined() || settings.is_null() {
            crate::projection::ProjectionSettings::default()
        } else {
            let parsed: crate::projection::ProjectionSettings =
                from_js(settings.clone(), "settings")?;
            reject_unknown_fields(&settings, &to_js(&parsed)?, "")?;
            parsed
        };
        let errors = settings.errors();
        if !errors.is_empty() {
            return Err(JsError::new(&crate::check::input::joined(&errors)));
        }
        to_js(&crate::projection::project(
            &self.catalog,
            &scenario,
            settings,
        ))
    }

    /// The check form (as typed) and the projection's settings a page URL
    /// query carries: `{check: {name, method, flop, ...} | null,
    /// projection: {growth_low, growth_high, models_per_year}, ignored:
    /// [messages]}`.
    #[wasm_bindgen(js_name = extrasFromQuery)]
    pub fn extras_from_query(&self, query: &str) -> Result<JsValue, JsError> {
        let extras = crate::urlstate::check::decode_extras(query);
        to_js(&ExtrasView {
            check: extras.check,
            projection: extras.projection,
            ignored: extras.ignored,
        })
    }

    /// One model's catalog record, by name (exact, then case-insensitive).
    /// Throws when no model has that name.
    pub fn model(&self, name: &str) -> Result<JsValue, JsError> {
        let index = self.catalog.find(name).ok_or_else(|| {
            JsError::new(&format!("name: no model called {name:?} in the catalog"))
        })?;
        to_js(self.catalog.model(index))
    }
}

/// [`crate::urlstate::check::Extras`] for JavaScript.
#[derive(Serialize)]
struct ExtrasView {
    check: Option<crate::check::CheckForm>,
    projection: crate::projection::ProjectionSettings,
    ignored: Vec<String>,
}

fn checked_as_of(as_of: Option<String>) -> Result<IsoDate, JsError> {
    match as_of {
        None => today(),
        Some(text) => IsoDate::parse(&text).map_err(|e| JsError::new(&format!("as_of: {e}"))),
    }
}
