//! The wasm API and the mounted page, in headless browsers.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use scope_explorer::catalog::Catalog;
use scope_explorer::evaluate::evaluate;
use scope_explorer::presets::{self, DEFAULT_AS_OF};
use scope_explorer::web::Explorer;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn explorer() -> Explorer {
    Explorer::new().expect("the embedded dataset loads")
}

/// A preset's scenario as the plain JS object a page would send.
fn js_scenario(id: &str) -> JsValue {
    let preset = presets::find(id, DEFAULT_AS_OF).unwrap();
    let json = serde_json_like(&preset.scenario);
    JSON::parse(&json).unwrap()
}

fn serde_json_like(scenario: &scope_explorer::scenario::Scenario) -> String {
    let value = serde_wasm_bindgen::to_value(scenario).unwrap();
    // Round-trip through JSON so the test sends a plain object, as a page would.
    JSON::stringify(&value).unwrap().into()
}

fn set(target: &JsValue, path: &[&str], value: JsValue) {
    let mut object = target.clone();
    for key in &path[..path.len() - 1] {
        object = Reflect::get(&object, &JsValue::from_str(key)).unwrap();
    }
    Reflect::set(&object, &JsValue::from_str(path[path.len() - 1]), &value).unwrap();
}

fn get(target: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(target.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err = match result {
        Ok(value) => panic!(
            "the call should throw, but returned {}",
            JSON::stringify(&value)
                .map(String::from)
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect::<String>()
        ),
        Err(err) => err,
    };
    let value: JsValue = err.into();
    let error: js_sys::Error = value.dyn_into().expect("a real JS Error");
    error.message().into()
}

#[wasm_bindgen_test]
fn evaluate_matches_the_core_for_every_preset() {
    let e = explorer();
    let catalog = Catalog::embedded().unwrap();
    for preset in presets::all(DEFAULT_AS_OF) {
        let result = e.evaluate(js_scenario(preset.id)).unwrap();
        let core = evaluate(&catalog, &preset.scenario).summary;
        let both = get(&result, &["summary", "models", "both"])
            .as_f64()
            .unwrap();
        let devs = get(&result, &["summary", "developers", "undetermined"])
            .as_f64()
            .unwrap();
        assert_eq!(both as usize, core.models.both, "{}", preset.id);
        assert_eq!(devs as usize, core.developers.undetermined, "{}", preset.id);
        assert_eq!(
            get(&result, &["matching_preset"]).as_string().as_deref(),
            Some(preset.id)
        );
        let models: js_sys::Array = get(&result, &["models"]).dyn_into().unwrap();
        assert_eq!(models.length() as usize, core.models.total());
    }
}

#[wasm_bindgen_test]
fn results_carry_reasons_in_words() {
    let result = explorer().evaluate(js_scenario("eo14110")).unwrap();
    let models: js_sys::Array = get(&result, &["models"]).dyn_into().unwrap();
    let llama = models
        .iter()
        .find(|m| get(m, &["name"]).as_string().as_deref() == Some("Llama 3.1-405B"))
        .expect("Llama 3.1-405B is listed");
    assert_eq!(get(&llama, &["us"]).as_string().as_deref(), Some("out"));
    assert_eq!(
        get(&llama, &["eu"]).as_string().as_deref(),
        Some("systemic_risk")
    );
    let reason = get(&llama, &["eu_reason"]).as_string().unwrap();
    assert!(reason.contains("presumption"), "{reason}");
}

#[wasm_bindgen_test]
fn settings_come_from_the_core_table() {
    let settings: js_sys::Array = explorer().settings().unwrap().dyn_into().unwrap();
    assert_eq!(
        settings.length() as usize,
        scope_explorer::settings::SETTINGS.len()
    );
    let first = settings.get(0);
    assert_eq!(
        get(&first, &["param"]).as_string().as_deref(),
        Some("us_flop")
    );
    assert_eq!(
        get(&first, &["kind"]).as_string().as_deref(),
        Some("slider")
    );
    assert_eq!(get(&first, &["default"]).as_f64(), Some(1e26));
}

#[wasm_bindgen_test]
fn summary_only_matches_evaluate() {
    let e = explorer();
    let full = e.evaluate(js_scenario("broad")).unwrap();
    let summary = e.summary(js_scenario("broad")).unwrap();
    assert_eq!(
        JSON::stringify(&get(&full, &["summary"])).unwrap(),
        JSON::stringify(&summary).unwrap()
    );
}

#[wasm_bindgen_test]
fn nan_threshold_names_the_field() {
    let s = js_scenario("sb53");
    set(
        &s,
        &["us", "compute_threshold_flop"],
        JsValue::from_f64(f64::NAN),
    );
    let msg = error_message(explorer().evaluate(s));
    assert!(msg.contains("us.compute_threshold_flop"), "{msg}");
}

#[wasm_bindgen_test]
fn negative_and_absurd_thresholds_name_the_field() {
    for value in [-1.0, 1e40] {
        let s = js_scenario("sb53");
        set(
            &s,
            &["eu", "systemic_threshold_flop"],
            JsValue::from_f64(value),
        );
        let msg = error_message(explorer().evaluate(s));
        assert!(msg.contains("eu.systemic_threshold_flop"), "{msg}");
    }
}

#[wasm_bindgen_test]
fn unknown_rule_and_metric_name_the_field() {
    let s = js_scenario("sb53");
    set(
        &s,
        &["us", "derivatives", "rule"],
        JsValue::from_str("bogus"),
    );
    let msg = error_message(explorer().evaluate(s));
    assert!(
        msg.contains("us.derivatives") && msg.contains("bogus"),
        "{msg}"
    );

    let s = js_scenario("narrow");
    set(&s, &["us", "capability", "metric"], JsValue::from_str("iq"));
    let msg = error_message(explorer().evaluate(s));
    assert!(
        msg.contains("us.capability.metric") && msg.contains("iq"),
        "{msg}"
    );
}

#[wasm_bindgen_test]
fn wrong_types_and_unknown_fields_name_the_field() {
    let s = js_scenario("sb53");
    set(
        &s,
        &["us", "compute_threshold_flop"],
        JsValue::from_str("1e26"),
    );
    let msg = error_message(explorer().evaluate(s));
    assert!(msg.contains("us.compute_threshold_flop"), "{msg}");

    let s = js_scenario("sb53");
    set(&s, &["as_of"], JsValue::from_str("2026-02-30"));
    let msg = error_message(explorer().evaluate(s));
    assert!(msg.contains("as_of"), "{msg}");

    let s = js_scenario("sb53");
    set(&s, &["us", "threshold"], JsValue::from_f64(1.0));
    let msg = error_message(explorer().evaluate(s));
    assert!(msg.contains("threshold"), "{msg}");

    let msg = error_message(explorer().evaluate(JsValue::from_f64(3.0)));
    assert!(msg.starts_with("scenario"), "{msg}");
    let msg = error_message(explorer().evaluate(JsValue::UNDEFINED));
    assert!(msg.starts_with("scenario"), "{msg}");
}

#[wasm_bindgen_test]
fn model_lookup() {
    let e = explorer();
    let m = e.model("gpt-4.5").unwrap();
    assert_eq!(get(&m, &["name"]).as_string().as_deref(), Some("GPT-4.5"));
    assert!(get(&m, &["compute_flop"]).as_f64().unwrap() > 1e26);
    let msg = error_message(e.model("No Such Model 9000"));
    assert!(msg.contains("No Such Model 9000"), "{msg}");
}

#[wasm_bindgen_test]
fn presets_and_default_scenario() {
    let e = explorer();
    let list: js_sys::Array = e
        .presets(Some("2026-06-02".into()))
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(list.length() as usize, presets::all(DEFAULT_AS_OF).len());
    assert_eq!(
        get(&list.get(0), &["scenario", "as_of"])
            .as_string()
            .as_deref(),
        Some("2026-06-02")
    );
    let msg = error_message(e.presets(Some("yesterday".into())));
    assert!(msg.starts_with("as_of"), "{msg}");
    // The default scenario evaluates as it is.
    e.evaluate(e.default_scenario().unwrap()).unwrap();
}

#[wasm_bindgen_test]
fn url_queries_round_trip_through_the_api() {
    let e = explorer();
    let query = e.query_from_scenario(js_scenario("raise")).unwrap();
    assert!(query.contains("cost_usd=1e8"), "{query}");
    let scenario = e.scenario_from_query(&format!("?{query}")).unwrap();
    assert_eq!(
        JSON::stringify(&e.summary(scenario).unwrap()).unwrap(),
        JSON::stringify(&e.summary(js_scenario("raise")).unwrap()).unwrap()
    );
    // Garbage never throws: it falls back to the defaults.
    e.evaluate(e.scenario_from_query("?us_flop=%%%&&=").unwrap())
        .unwrap();
}

/// The capability fits stored with the dataset (src/estimate/stored_fits.rs,
/// fitted natively by `cargo run --example estimates`) are what this build
/// fits in the browser, to the bit: a page that starts with them judges as
/// one that fitted them itself.
#[wasm_bindgen_test]
fn the_stored_capability_fits_are_what_the_browser_fits() {
    use scope_explorer::estimate::{stored, Estimator};
    use scope_explorer::settings::policy::ESTIMATE_LEVEL;
    let catalog = Catalog::embedded().unwrap();
    let fresh = Estimator::fit(&catalog, ESTIMATE_LEVEL).capability_fits();
    assert_eq!(stored::fits(), fresh);
    // And every estimate the page serves is the fresh fit's.
    let served = catalog.estimates(ESTIMATE_LEVEL);
    let estimator = Estimator::fit(&catalog, ESTIMATE_LEVEL);
    for i in 0..catalog.models.len() {
        assert_eq!(served.compute[i], estimator.compute(&catalog, i), "{i}");
        assert_eq!(
            served.eci[i],
            (catalog.models[i].generative == scope_explorer::rules::Test::Pass)
                .then(|| estimator.eci(&catalog, i))
                .flatten(),
            "{i}"
        );
    }
}
