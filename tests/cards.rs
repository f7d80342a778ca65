//! The big-number cards, the named labs and the overlap grids of the
//! mounted page, in headless browsers, checked against the wasm API
//! (`Explorer.summary`, `Explorer.evaluate`); and how a hand-made link is
//! described, and read.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeSet;

use js_sys::{Array, Reflect};
use scope_explorer::presets;
use scope_explorer::scenario::Scenario;
use scope_explorer::urlstate;
use scope_explorer::web::{today, Explorer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::web::mount_with;

/// The scenario the page reads from `query`.
fn scenario_of(query: &str) -> Scenario {
    let base = presets::default_view(today().unwrap()).unwrap();
    urlstate::decode(query, &base).scenario
}

fn js(scenario: &Scenario) -> JsValue {
    serde_wasm_bindgen::to_value(scenario).unwrap()
}

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn number(value: &JsValue, path: &[&str]) -> usize {
    get(value, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path:?} is a number")) as usize
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} exists"))
        .text_content()
        .unwrap()
}

fn shown(root: &Element, selector: &str) -> usize {
    let t = text(root, selector);
    t.trim()
        .parse()
        .unwrap_or_else(|_| panic!("{selector} shows a number: {t:?}"))
}

/// The lab names a card lists.
fn named(root: &Element, regime: &str) -> BTreeSet<String> {
    let labs = root
        .query_selector_all(&format!("[data-card='{regime}.named'] .lab"))
        .unwrap();
    (0..labs.length())
        .map(|i| {
            labs.get(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-lab")
                .unwrap()
        })
        .collect()
}

const QUERIES: [&str; 5] = [
    "",
    "?us_flop=1e25",
    "?preset=broad",
    "?est=0",
    "?eu_tier=gpai&us_flop=3e24",
];

#[wasm_bindgen_test]
fn the_cards_numbers_are_the_api_summary() {
    let explorer = Explorer::new().unwrap();
    for query in QUERIES {
        let root = mount_with(query);
        let summary = explorer.summary(js(&scenario_of(query))).unwrap();
        for regime in ["us", "eu"] {
            assert_eq!(
                shown(&root, &format!("[data-card='{regime}.labs']")),
                number(&summary, &[regime, "developers_in"]),
                "{query}: {regime} labs"
            );
            assert_eq!(
                shown(&root, &format!("[data-card='{regime}.models']")),
                number(&summary, &[regime, "models_in"]),
                "{query}: {regime} models"
            );
        }
        // The range, when there is one, is under the numbers.
        let low = number(&summary, &["us", "models_low"]);
        let high = number(&summary, &["us", "models_high"]);
        let detail = text(&root, ".card-us .card-detail");
        if low != high {
            assert!(
                detail.contains(&format!("{low}\u{2013}{high} models")),
                "{query}: {detail}"
            );
        }
        assert!(
            detail.contains(&format!(
                "{} model",
                number(&summary, &["us", "models_undetermined"])
            )),
            "{query}: {detail}"
        );
    }
}

#[wasm_bindgen_test]
fn the_named_labs_are_the_developers_of_the_models_covered() {
    let explorer = Explorer::new().unwrap();
    // The default view compares the systemic-risk tier.
    for query in ["", "?us_flop=1e25", "?preset=broad"] {
        let root = mount_with(query);
        let result = explorer.evaluate(js(&scenario_of(query))).unwrap();
        let models: Array = get(&result, &["models"]).dyn_into().unwrap();
        let (mut us, mut eu) = (BTreeSet::new(), BTreeSet::new());
        for model in models.iter() {
            let developer = get(&model, &["developer"]).as_string().unwrap();
            if get(&model, &["us"]).as_string().as_deref() == Some("in") {
                us.insert(developer.clone());
            }
            if get(&model, &["eu"]).as_string().as_deref() == Some("systemic_risk") {
                eu.insert(developer);
            }
        }
        assert!(!us.is_empty() && !eu.is_empty(), "{query}");
        assert_eq!(named(&root, "us"), us, "{query}: US labs");
        assert_eq!(named(&root, "eu"), eu, "{query}: EU labs");
    }
}

#[wasm_bindgen_test]
fn the_overlap_grids_add_up_to_the_cards() {
    for query in QUERIES {
        let root = mount_with(query);
        let cell = |key: &str| shown(&root, &format!("td[data-grid='{key}']"));
        let sides = ["in", "out", "undetermined"];
        for group in ["models", "developers"] {
            let mut total = 0;
            for us in sides {
                let row: usize = sides
                    .iter()
                    .map(|eu| cell(&format!("{group}.us_{us}.eu_{eu}")))
                    .sum();
                assert_eq!(row, cell(&format!("{group}.us_{us}.total")), "{query}");
                total += row;
            }
            for eu in sides {
                let column: usize = sides
                    .iter()
                    .map(|us| cell(&format!("{group}.us_{us}.eu_{eu}")))
                    .sum();
                assert_eq!(column, cell(&format!("{group}.total.eu_{eu}")), "{query}");
            }
            assert_eq!(total, cell(&format!("{group}.total.total")), "{query}");
        }
        // The US row of "covered" is the US card; the EU column of
        // "covered" is the EU card's labs, and its rows (the EU card
        // counts a model with its versions, and says how many rows).
        assert_eq!(
            cell("models.us_in.total"),
            shown(&root, "[data-card='us.models']")
        );
        assert_eq!(
            cell("developers.us_in.total"),
            shown(&root, "[data-card='us.labs']")
        );
        assert_eq!(
            cell("developers.total.eu_in"),
            shown(&root, "[data-card='eu.labs']")
        );
        let eu_rows = cell("models.total.eu_in");
        let eu_models = shown(&root, "[data-card='eu.models']");
        assert!(eu_rows >= eu_models, "{query}");
        if eu_rows != eu_models {
            let detail = text(&root, ".card-eu .card-detail");
            assert!(
                detail.contains(&format!("{eu_rows} rows")),
                "{query}: {detail}"
            );
        }
        // The undetermined cells' sum is the count of undetermined.
        let undetermined: usize = ["us_in.eu_undetermined", "us_out.eu_undetermined"]
            .iter()
            .chain(&[
                "us_undetermined.eu_in",
                "us_undetermined.eu_out",
                "us_undetermined.eu_undetermined",
            ])
            .map(|key| cell(&format!("models.{key}")))
            .sum();
        assert_eq!(
            undetermined,
            shown(&root, "[data-count='models.undetermined']")
        );
    }
}

#[wasm_bindgen_test]
fn a_lab_s_name_shows_its_rows_in_the_table() {
    let root = mount_with("?us_flop=1e25");
    let first = root
        .query_selector("[data-card='us.named'] button.lab")
        .unwrap()
        .expect("a US lab is named");
    let name = first.get_attribute("data-lab").unwrap();
    let credited: usize = {
        let words = first.text_content().unwrap();
        let inner = words.rsplit('(').next().unwrap().trim_end_matches(')');
        inner.parse().unwrap()
    };
    first.dyn_ref::<HtmlElement>().unwrap().click();
    let filter: HtmlInputElement = root
        .query_selector("#filter")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(filter.value(), name);
    let rows = root
        .query_selector_all("#models-table tbody tr:not([hidden])")
        .unwrap();
    assert!(rows.length() as usize >= credited);
    // Sorted by the US verdict, covered first: the first `credited` rows
    // are in, and every row shown is the lab's.
    for i in 0..rows.length() {
        let row: Element = rows.get(i).unwrap().dyn_into().unwrap();
        // The row heading is the model's name; the first cell its developer.
        let cells = row.query_selector_all("td").unwrap();
        let developer = cells.get(0).unwrap().text_content().unwrap();
        assert_eq!(developer, name, "row {i}");
        if (i as usize) < credited {
            // The fourth cell is the US verdict.
            let us: Element = cells.get(3).unwrap().dyn_into().unwrap();
            let status = us
                .query_selector(".verdict")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap();
            // In at the centre: in, likely in, or borderline and in at the
            // centre of its estimate (its label says so); never out or
            // undetermined.
            assert!(
                ["In", "Likely in", "Borderline: in at the central estimate"]
                    .contains(&status.as_str()),
                "row {i}: {status}"
            );
        }
    }
    // The chart highlights the lab's markers, as for a typed filter.
    let svg = root.query_selector("svg#chart").unwrap().unwrap();
    assert!(svg.has_attribute("data-filtering"));
    let matched = root
        .query_selector_all("#chart [data-match]")
        .unwrap()
        .length();
    assert!(
        matched as usize >= credited,
        "{matched} markers highlighted"
    );
    // Focus moved to the table's heading, as a link within a page does.
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.tag_name(), "H2");
}

#[wasm_bindgen_test]
fn a_lab_s_name_keeps_that_developer_s_rows_only() {
    // "Meta" is also in Saudi Aramco's "Aramco Metabrain AI" (2024-03-04),
    // which a search by words keeps; Meta's card keeps Meta's rows only.
    let root = mount_with("?us_flop=1e25&as_of=2025-06-01");
    let button: HtmlElement = root
        .query_selector("[data-card^='us.'] button.lab[data-lab='Meta']")
        .unwrap()
        .expect("Meta is named in the US card at 10^25 FLOP")
        .dyn_into()
        .unwrap();
    button.click();
    let developers = |root: &Element| -> Vec<String> {
        let rows = root
            .query_selector_all("#models-table tbody tr:not([hidden])")
            .unwrap();
        (0..rows.length())
            .map(|i| {
                let row: Element = rows.get(i).unwrap().dyn_into().unwrap();
                let cells = row.query_selector_all("td, th").unwrap();
                cells.get(1).unwrap().text_content().unwrap()
            })
            .collect()
    };
    let lab = developers(&root);
    assert!(!lab.is_empty());
    assert!(lab.iter().all(|d| d == "Meta"), "{lab:?}");
    let status = text(&root, "#models-shown");
    assert!(
        status.starts_with(&format!("Showing {} of ", lab.len()))
            && status.ends_with("those whose developer is \u{201c}Meta\u{201d}."),
        "{status}"
    );
    // The same name typed searches the words again: Saudi Aramco's
    // "Aramco Metabrain AI" and Google's "Meta Pseudo Labels" too.
    let filter: HtmlInputElement = root
        .query_selector("#filter")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    filter.set_value("Meta");
    filter
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    let typed = developers(&root);
    assert_eq!(typed.len(), lab.len() + 2, "{typed:?}");
    for other in ["Saudi Aramco", "Google DeepMind"] {
        assert!(typed.iter().any(|d| d == other), "{typed:?}");
    }
    // A screen reader heard the lab's count at once (one click); the
    // typed filter's count is shown at once but heard only once the
    // typing pauses (here: when the view's pending work is flushed).
    let typed_status = text(&root, "#models-shown");
    assert!(
        typed_status.starts_with(&format!("Showing {} of ", typed.len())),
        "{typed_status}"
    );
    assert_eq!(text(&root, "#models-heard"), status);
    root.dispatch_event(&web_sys::Event::new("scope-explorer-flush").unwrap())
        .unwrap();
    assert_eq!(text(&root, "#models-heard"), typed_status);
    let heard = root.query_selector("#models-heard").unwrap().unwrap();
    assert_eq!(heard.get_attribute("role").as_deref(), Some("status"));
    let shown = root.query_selector("#models-shown").unwrap().unwrap();
    assert_eq!(
        shown.get_attribute("role"),
        None,
        "one live region, not two"
    );
}

#[wasm_bindgen_test]
fn a_hand_made_link_is_described_by_what_it_changes() {
    // No preset named: the link changes the page's default (SB 53 style),
    // and only its rule for fine-tunes differs from it.
    let root = mount_with("?us_flop=1e26&deriv=exclude");
    let words = text(&root, "#preset-match");
    assert!(words.contains("SB 53 style"), "{words}");
    assert!(words.contains("fine-tune"), "{words}");
    assert!(!words.contains("biology"), "{words}");
    // A named preset is the one changed.
    let root = mount_with("?preset=eu-ai-act&us_flop=3e25");
    let words = text(&root, "#preset-match");
    assert!(words.contains("EU AI Act"), "{words}");
    assert!(words.contains("compute threshold"), "{words}");
}

#[wasm_bindgen_test]
fn every_way_of_writing_a_power_of_ten_in_the_link_reads_the_same() {
    let explorer = Explorer::new().unwrap();
    let expected = explorer.summary(js(&scenario_of("?us_flop=1e26"))).unwrap();
    let us_models = number(&expected, &["us", "models_in"]);
    for written in [
        "1e26",
        "10^26",
        "1x10^26",
        "1%C3%9710%5E26",
        "10%C2%B2%E2%81%B6",
        "1E%2B26",
    ] {
        let query = format!("?us_flop={written}");
        let root = mount_with(&query);
        assert_eq!(
            scenario_of(&query).us.compute_threshold_flop,
            1e26,
            "{written}"
        );
        assert!(
            root.query_selector("#notice")
                .unwrap()
                .unwrap()
                .has_attribute("hidden"),
            "{written}: nothing ignored"
        );
        assert_eq!(
            shown(&root, "[data-card='us.models']"),
            us_models,
            "{written}"
        );
    }
}

#[wasm_bindgen_test]
fn the_named_labs_follow_a_moved_slider() {
    let explorer = Explorer::new().unwrap();
    let root = mount_with("?us_flop=1e26");
    let before = named(&root, "us");
    let slider: HtmlInputElement = root
        .query_selector("#us-compute")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    // log10 of the threshold: 10^25.
    slider.set_value("25");
    for kind in ["input", "change"] {
        slider
            .dispatch_event(&web_sys::Event::new(kind).unwrap())
            .unwrap();
    }
    // The names follow the paint; the flush event finishes that work now.
    root.dispatch_event(&web_sys::Event::new("scope-explorer-flush").unwrap())
        .unwrap();
    let result = explorer
        .evaluate(js(&scenario_of("?us_flop=1e25")))
        .unwrap();
    let models: Array = get(&result, &["models"]).dyn_into().unwrap();
    let expected: BTreeSet<String> = models
        .iter()
        .filter(|m| get(m, &["us"]).as_string().as_deref() == Some("in"))
        .map(|m| get(&m, &["developer"]).as_string().unwrap())
        .collect();
    assert_ne!(before, expected, "a lower threshold covers other labs");
    assert_eq!(named(&root, "us"), expected);
    assert_eq!(
        shown(&root, "[data-card='us.labs']"),
        expected.len(),
        "the number and the names agree"
    );
}
