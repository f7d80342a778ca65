//! Check a model, the timeline and the projection in headless browsers:
//! the form filled with real events gives the core's verdicts, a bad field
//! shows its message and keeps the others, and the API's results and errors.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use scope_explorer::catalog::Catalog;
use scope_explorer::check::{check, CheckForm};
use scope_explorer::presets;
use scope_explorer::web::{mount, today, Explorer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount_fresh() -> Element {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&path))
        .unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    mount(root.clone()).expect("mount succeeds");
    root
}

fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} exists"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} has the expected type"))
}

/// Types `text` into a field, as the browser would leave it.
fn type_into(root: &Element, field: &str, text: &str) {
    let input: HtmlInputElement = find(root, &format!(".check-form [data-field='{field}']"));
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn click(root: &Element, selector: &str) {
    let e: HtmlElement = find(root, selector);
    e.click();
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn the_form() -> CheckForm {
    CheckForm {
        method: "parameters".into(),
        parameters: "405B".into(),
        tokens: "17.7T".into(),
        publication_date: "2026-09-01".into(),
        generates: vec!["text".into()],
        base_model: "Llama 3.1-405B".into(),
        finetune_flop: "5e24".into(),
        ..CheckForm::default()
    }
}

#[wasm_bindgen_test]
fn filling_the_form_gives_the_cores_verdicts() {
    let root = mount_fresh();
    click(&root, "[data-method='parameters']");
    // 6 × 405B × 17.7T = 4.3e25: Llama 3.1-405B's 3.8e25 plus the 5e24 below.
    type_into(&root, "compute.parameters", "405B");
    type_into(&root, "compute.tokens", "17.7T");
    type_into(&root, "publication_date", "2026-09-01");
    click(&root, "[data-output='text']");
    type_into(&root, "base_model", "Llama 3.1-405B");
    type_into(&root, "finetune_flop", "5e24");
    click(&root, "[data-action='check']");

    let catalog = Catalog::embedded().unwrap();
    let scenario = presets::default_view(today().unwrap()).unwrap();
    let input = the_form().parse(&catalog).unwrap();
    let report = check(&catalog, &input, &scenario).unwrap();
    let us_shown = texts(&root, ".check-verdicts td[data-col='us']");
    let eu_shown = texts(&root, ".check-verdicts td[data-col='eu']");
    let views: Vec<_> = std::iter::once(&report.current)
        .chain(&report.presets)
        .collect();
    assert_eq!(us_shown.len(), views.len());
    for ((v, us), eu) in views.iter().zip(&us_shown).zip(&eu_shown) {
        assert_eq!(*us, v.us_words, "{}", v.name);
        assert_eq!(*eu, v.eu_words, "{}", v.name);
    }
    let derivative = report.derivative.unwrap();
    for rule in &derivative.us_rules {
        let shown: Element = find(&root, &format!("td[data-rule='{}']", rule.rule));
        assert_eq!(shown.text_content().unwrap(), rule.status, "{}", rule.rule);
    }
    // The line above the table says the EU verdict as its first row does.
    let tier: Element = find(&root, ".check-tier");
    assert_eq!(
        tier.text_content().unwrap(),
        format!("EU tier under your scenario: {}.", report.current.eu_words)
    );
    let reach: Element = find(&root, ".check-reach");
    assert_eq!(reach.text_content().unwrap(), report.reach_words);
    // The link carries the form as typed.
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("chk_params=405B"), "{search}");
    // Which compute the rules read, and why.
    let compute: Element = find(&root, ".check-compute");
    assert_eq!(
        compute.text_content().unwrap(),
        format!("Training compute the rules read: {}.", report.compute_words)
    );
    assert!(
        report.compute_words.contains("which agrees with"),
        "{}",
        report.compute_words
    );
    // On a phone each cell stacks under its column's label.
    for (selector, labels) in [
        (
            ".check-verdicts tbody tr",
            &["US", "Why (US)", "EU", "Why (EU)"][..],
        ),
        (".check-rules tbody tr", &["US", "Why"][..]),
    ] {
        let rows = root.query_selector_all(selector).unwrap();
        assert!(rows.length() > 0, "{selector}");
        for i in 0..rows.length() {
            let row: Element = rows.get(i).unwrap().dyn_into().unwrap();
            let cells = row.query_selector_all("td").unwrap();
            let shown: Vec<String> = (0..cells.length())
                .map(|c| {
                    let cell: Element = cells.get(c).unwrap().dyn_into().unwrap();
                    cell.get_attribute("data-label").unwrap_or_default()
                })
                .collect();
            assert_eq!(shown, labels, "{selector}");
        }
    }
    assert!(search.contains("chk_ft=5e24"), "{search}");
}

#[wasm_bindgen_test]
fn a_bad_field_shows_its_message_and_keeps_the_others() {
    let root = mount_fresh();
    type_into(&root, "compute.flop", "3e25");
    type_into(&root, "publication_date", "2026-02-30");
    type_into(&root, "cybench_pct", "lots");
    type_into(&root, "name", "Kept");
    click(&root, "[data-output='video']");
    click(&root, "[data-action='check']");
    let date_error: Element = find(&root, "[data-error-for='publication_date']");
    assert!(!date_error.has_attribute("hidden"));
    assert!(date_error.text_content().unwrap().contains("2026-02-30"));
    let cyb_error: Element = find(&root, "[data-error-for='cybench_pct']");
    assert!(cyb_error.text_content().unwrap().contains("\"lots\""));
    let flop_error: Element = find(&root, "[data-error-for='compute.flop']");
    assert!(flop_error.has_attribute("hidden"));
    for (field, typed) in [
        ("compute.flop", "3e25"),
        ("publication_date", "2026-02-30"),
        ("cybench_pct", "lots"),
        ("name", "Kept"),
    ] {
        let input: HtmlInputElement = find(&root, &format!(".check-form [data-field='{field}']"));
        assert_eq!(input.value(), typed, "{field}");
    }
    let video: HtmlInputElement = find(&root, "[data-output='video']");
    assert!(video.checked());
    assert!(root.query_selector(".check-verdicts").unwrap().is_none());
    // Correcting the field gives the verdicts.
    type_into(&root, "publication_date", "2026-03-01");
    type_into(&root, "cybench_pct", "");
    click(&root, "[data-action='check']");
    assert!(date_error.has_attribute("hidden"));
    assert!(root.query_selector(".check-verdicts").unwrap().is_some());
}

#[wasm_bindgen_test]
fn figures_that_do_not_add_up_are_said_beside_the_field() {
    // A total below the base's plus the fine-tune's own: an error, no verdicts.
    let root = mount_fresh();
    type_into(&root, "compute.flop", "1e24");
    type_into(&root, "publication_date", "2026-03-01");
    click(&root, "[data-output='text']");
    type_into(&root, "base_model", "DeepSeek-V3");
    type_into(&root, "finetune_flop", "2e24");
    click(&root, "[data-action='check']");
    let message: Element = find(&root, "[data-error-for='compute.flop']");
    assert!(!message.has_attribute("hidden"));
    assert_eq!(message.class_name(), "field-error");
    assert!(message.text_content().unwrap().contains("5.3 × 10²⁴ FLOP"));
    assert!(root.query_selector(".check-verdicts").unwrap().is_none());
    let input: HtmlInputElement = find(&root, ".check-form [data-field='compute.flop']");
    assert_eq!(input.value(), "1e24");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // A total above them: judged as typed, with a note (not an error) beside it.
    type_into(&root, "compute.flop", "1e30");
    type_into(&root, "base_model", "Llama 3.1 405B");
    type_into(&root, "publication_date", "2040-01-01");
    click(&root, "[data-action='check']");
    assert!(!message.has_attribute("hidden"));
    assert_eq!(message.class_name(), "field-note");
    assert!(message
        .text_content()
        .unwrap()
        .contains("the rules read your total"));
    assert_eq!(input.get_attribute("aria-invalid"), None);
    for field in ["base_model", "publication_date"] {
        let note: Element = find(&root, &format!("[data-error-for='{field}']"));
        assert!(!note.has_attribute("hidden"), "{field}");
        assert_eq!(note.class_name(), "field-note", "{field}");
    }
    let compute: Element = find(&root, ".check-compute");
    assert!(compute
        .text_content()
        .unwrap()
        .contains("1 × 10³⁰ FLOP: the total you gave, more than Llama 3.1-405B's"));
    assert_eq!(texts(&root, ".check-notes li").len(), 3);
    // A number out of range is quoted as typed.
    type_into(&root, "compute.flop", "1e40");
    click(&root, "[data-action='check']");
    assert_eq!(message.class_name(), "field-error");
    assert!(message.text_content().unwrap().ends_with("got 1e40"));
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let value: JsValue = result.expect_err("the call should throw").into();
    let error: js_sys::Error = value.dyn_into().expect("a real JS Error");
    error.message().into()
}

fn scenario_js(explorer: &Explorer) -> JsValue {
    let text = JSON::stringify(&explorer.default_scenario().unwrap()).unwrap();
    JSON::parse(&String::from(text)).unwrap()
}

#[wasm_bindgen_test]
fn the_api_checks_a_model_and_names_bad_fields() {
    let explorer = Explorer::new().unwrap();
    let input = JSON::parse(
        r#"{"compute": {"method": "hardware", "chip": "h100_sxm", "chips": 10000, "days": 90, "utilisation_pct": 40},
            "publication_date": "2026-10-01", "generates": ["text"]}"#,
    )
    .unwrap();
    let report = explorer.check(input, scenario_js(&explorer)).unwrap();
    let flop = Reflect::get(
        &Reflect::get(&report, &"compute".into()).unwrap(),
        &"flop".into(),
    )
    .unwrap()
    .as_f64()
    .unwrap();
    assert!((flop / 3.0761856e25 - 1.0).abs() < 1e-12, "{flop}");
    let presets = Reflect::get(&report, &"presets".into()).unwrap();
    assert_eq!(js_sys::Array::from(&presets).length(), 7);

    let bad = JSON::parse(
        r#"{"compute": {"method": "parameters", "parameters": 70e9, "tokens": -1},
            "publication_date": "2026-10-01", "generates": [], "eci": 999}"#,
    )
    .unwrap();
    let message = error_message(explorer.check(bad, scenario_js(&explorer)));
    assert!(message.starts_with("compute.tokens: "), "{message}");
    assert!(message.contains("eci: "), "{message}");
    assert!(message.contains("generates: "), "{message}");
    let misspelt = JSON::parse(r#"{"compute": {"method": "flop", "flop": 1e25}, "publication_date": "2026-10-01", "generates": ["text"], "ecii": 1}"#).unwrap();
    assert_eq!(
        error_message(explorer.check(misspelt, scenario_js(&explorer))),
        "ecii: unknown field"
    );
    let bad_date = JSON::parse(r#"{"compute": {"method": "flop", "flop": 1e25}, "publication_date": "someday", "generates": ["text"]}"#).unwrap();
    assert!(
        error_message(explorer.check(bad_date, scenario_js(&explorer)))
            .starts_with("publication_date: ")
    );
}

#[wasm_bindgen_test]
fn the_api_gives_the_timeline_and_the_projection() {
    let explorer = Explorer::new().unwrap();
    let timeline = explorer.timeline(scenario_js(&explorer)).unwrap();
    let points = js_sys::Array::from(&Reflect::get(&timeline, &"points".into()).unwrap());
    assert!(points.length() >= 24, "{}", points.length());
    let projection = explorer
        .projection(scenario_js(&explorer), JsValue::UNDEFINED)
        .unwrap();
    let years = js_sys::Array::from(&Reflect::get(&projection, &"years".into()).unwrap());
    let last = years.get(years.length() - 1);
    assert_eq!(
        Reflect::get(&last, &"year".into()).unwrap().as_f64(),
        Some(2030.0)
    );
    let crossed = JSON::parse(r#"{"growth_low": 5, "growth_high": 4}"#).unwrap();
    let message = error_message(explorer.projection(scenario_js(&explorer), crossed));
    assert!(message.starts_with("growth_high: "), "{message}");
    let extras = explorer
        .extras_from_query("?chk_params=70B&proj_glow=3&chk_nope=1")
        .unwrap();
    let check = Reflect::get(&extras, &"check".into()).unwrap();
    assert_eq!(
        Reflect::get(&check, &"parameters".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("70B")
    );
    let ignored = js_sys::Array::from(&Reflect::get(&extras, &"ignored".into()).unwrap());
    assert_eq!(ignored.length(), 1);
}

#[wasm_bindgen_test]
fn a_missing_choice_of_outputs_is_told_to_its_boxes_and_takes_the_focus() {
    // A tester's find: "What it generates" left empty gave a message no box
    // pointed to, and the focus stayed on the button.
    let root = mount_fresh();
    type_into(&root, "compute.flop", "3e25");
    type_into(&root, "publication_date", "2026-09-01");
    click(&root, "[data-action='check']");
    let line: Element = find(&root, "[data-error-for='generates']");
    assert!(!line.has_attribute("hidden"));
    assert!(line.text_content().unwrap().contains("choose at least one"));
    let id = line.id();
    assert!(!id.is_empty());
    let boxes = root.query_selector_all("[data-output]").unwrap();
    assert!(boxes.length() >= 4);
    for i in 0..boxes.length() {
        let b: Element = boxes.get(i).unwrap().dyn_into().unwrap();
        assert_eq!(
            b.get_attribute("aria-describedby").as_deref(),
            Some(id.as_str())
        );
        assert_eq!(b.get_attribute("aria-invalid").as_deref(), Some("true"));
    }
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.get_attribute("data-output").as_deref(), Some("text"));
    // Chosen, the boxes are valid again.
    click(&root, "[data-output='text']");
    click(&root, "[data-action='check']");
    let first: Element = find(&root, "[data-output='text']");
    assert!(!first.has_attribute("aria-invalid"));
    assert!(line.has_attribute("hidden"));
    root.remove();
}

/// The US verdict shown in the results' row named `name`.
fn us_of_row(root: &Element, name: &str) -> String {
    let rows = root.query_selector_all(".check-verdicts tbody tr").unwrap();
    (0..rows.length())
        .map(|i| rows.get(i).unwrap().dyn_into::<Element>().unwrap())
        .find(|row| {
            row.query_selector("th")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
                == name
        })
        .unwrap_or_else(|| panic!("a row named {name}"))
        .query_selector("td[data-col='us']")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

/// A compliance tester changed the fine-tune's compute after a check and
/// read the old verdicts as current: an edit says at once, above the
/// results, that they are for the form as last checked, until the form
/// is checked again or edited back.
#[wasm_bindgen_test]
fn an_edit_after_a_check_says_the_results_are_for_the_form_last_checked() {
    let root = mount_fresh();
    click(&root, "[data-method='flop']");
    type_into(&root, "compute.flop", "5e23");
    type_into(&root, "publication_date", "2026-09-01");
    click(&root, "[data-output='other']");
    click(&root, "[data-action='check']");
    assert!(root.query_selector(".check-stale").unwrap().is_none());
    // Typed as a person types: the event bubbles to the form.
    let edit = |text: &str| {
        let input: HtmlInputElement = find(&root, ".check-form [data-field='compute.flop']");
        input.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    };
    edit("5e24");
    let stale: Element = find(&root, ".check-results .check-stale, .check-stale");
    assert!(
        stale
            .text_content()
            .unwrap()
            .starts_with("These results are for the form as last checked"),
        "{:?}",
        stale.text_content()
    );
    // At the top of the results, where they are read first.
    assert!(stale.previous_element_sibling().is_none());
    // Edited back to what was checked: nothing to say.
    edit("5e23");
    assert!(root.query_selector(".check-stale").unwrap().is_none());
    // Checked again: the results are the form's.
    edit("5e24");
    assert!(root.query_selector(".check-stale").unwrap().is_some());
    click(&root, "[data-action='check']");
    assert!(root.query_selector(".check-stale").unwrap().is_none());
    root.remove();
}

/// A change of scenario re-checks the form last checked (the one the URL
/// holds), not edits made since and not yet checked: a tester ticked the
/// biological-sequence box, changed the preset, and saw verdicts the page's
/// link did not give.
#[wasm_bindgen_test]
fn a_change_of_scenario_rechecks_the_form_last_checked() {
    let root = mount_fresh();
    click(&root, "[data-method='flop']");
    type_into(&root, "compute.flop", "5e23");
    type_into(&root, "publication_date", "2026-09-01");
    click(&root, "[data-output='other']");
    click(&root, "[data-action='check']");
    assert_eq!(us_of_row(&root, "EO 14110 style"), "Out");
    // Ticked, not checked: the results stay, and so does the link.
    click(&root, "[data-field='biological']");
    let preset: web_sys::HtmlSelectElement = find(&root, "select[id$='preset']");
    preset.set_value("broad");
    preset
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    // The sections follow the paint: finish them now.
    root.dispatch_event(&web_sys::Event::new("scope-explorer-flush").unwrap())
        .unwrap();
    // The results were redone under the broad reading (10²⁵ FLOP)...
    let current = root
        .query_selector(".check-verdicts tbody tr")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(current.contains("≤ 1 × 10²⁵ FLOP threshold"), "{current}");
    // ...for the form last checked, without the box, and say so.
    let stale: Element = find(&root, ".check-stale");
    assert!(
        stale
            .text_content()
            .unwrap()
            .starts_with("These results are for the form as last checked"),
        "{:?}",
        stale.text_content()
    );
    assert_eq!(us_of_row(&root, "EO 14110 style"), "Out");
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(!search.contains("chk_bio"), "{search}");
    // Checked: now it reads the box, and the note goes.
    click(&root, "[data-action='check']");
    assert!(root.query_selector(".check-stale").unwrap().is_none());
    assert_eq!(us_of_row(&root, "EO 14110 style"), "In");
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("chk_bio=1"), "{search}");
    root.remove();
}
