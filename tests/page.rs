//! The mounted explorer page in headless browsers: real input events on
//! real controls, checked against the core's own answer.
#![cfg(target_arch = "wasm32")]

use scope_explorer::catalog::Catalog;
use scope_explorer::evaluate::{evaluate, Summary};
use scope_explorer::presets;
use scope_explorer::scenario::Scenario;
use scope_explorer::settings::{Kind, Page, Setting, SETTINGS};
use scope_explorer::urlstate;
use scope_explorer::web::{today, DEFAULT_PRESET};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::web::{find, mount_with};

/// The page's URL query once every mounted view has written its state
/// (the page writes it after a pause, or at once on this event).
fn query() -> String {
    flush();
    web_sys::window().unwrap().location().search().unwrap()
}

/// Asks every mounted view to finish the work it does after the paint
/// (the URL, the derivative rules, the sections).
fn flush() {
    let document = web_sys::window().unwrap().document().unwrap();
    let views = document.query_selector_all(".scope-explorer").unwrap();
    for i in 0..views.length() {
        let view: Element = views.get(i).unwrap().dyn_into().unwrap();
        fire(&view, "scope-explorer-flush");
    }
}

fn fire(target: &Element, event: &str) {
    target.dispatch_event(&Event::new(event).unwrap()).unwrap();
}

fn shown(root: &Element, key: &str) -> usize {
    let cell: Element = find(root, &format!("[data-count='{key}']"));
    cell.text_content().unwrap().parse().unwrap()
}

fn assert_counts(root: &Element, expected: &Summary) {
    for (row, counts) in [
        ("models", expected.models),
        ("developers", expected.developers),
    ] {
        let values = [
            ("both", counts.both),
            ("us_only", counts.us_only),
            ("eu_only", counts.eu_only),
            ("neither", counts.neither),
            ("undetermined", counts.undetermined),
        ];
        for (col, value) in values {
            assert_eq!(shown(root, &format!("{row}.{col}")), value, "{row}.{col}");
        }
    }
}

/// The page's first view: the default preset, with estimates on.
fn default_scenario() -> Scenario {
    let scenario = presets::default_view(today().unwrap()).unwrap();
    assert_eq!(
        scenario.us,
        presets::find(DEFAULT_PRESET, today().unwrap())
            .unwrap()
            .scenario
            .us
    );
    scenario
}

fn visible_rows(root: &Element) -> u32 {
    root.query_selector_all("#models-table tbody tr:not([hidden])")
        .unwrap()
        .length()
}

/// Rows out of the table's view are written after the event that changed
/// them, in the background; keyboard focus entering the table writes them
/// at once, as a keyboard user would find them.
fn complete_table(root: &Element) {
    let region: Element = find(root, ".table-wrap");
    fire(&region, "focusin");
    assert!(!find::<Element>(root, "#models-table").has_attribute("aria-busy"));
}

fn us_status_of(root: &Element, model: &str) -> String {
    complete_table(root);
    let rows = root.query_selector_all("#models-table tbody tr").unwrap();
    for i in 0..rows.length() {
        let row: Element = rows.get(i).unwrap().dyn_into().unwrap();
        let name = row
            .query_selector("th")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        if name.starts_with(model) {
            let cells = row.query_selector_all("td").unwrap();
            let us: Element = cells.get(3).unwrap().dyn_into().unwrap();
            return us
                .query_selector(".verdict")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap();
        }
    }
    panic!("{model} has a row");
}

#[wasm_bindgen_test]
fn moving_the_compute_slider_updates_counts_table_and_url() {
    let root = mount_with("");
    let catalog = Catalog::embedded().unwrap();
    let start = default_scenario();
    assert_counts(&root, &evaluate(&catalog, &start).summary);
    assert_eq!(us_status_of(&root, "Llama 3.1-405B"), "Out");
    // Nothing has changed yet: the change line keeps its place, unseen.
    let delta: Element = find(&root, "#delta");
    assert_eq!(
        delta.get_attribute("class").as_deref(),
        Some("delta unchanged")
    );
    assert_eq!(delta.get_attribute("aria-hidden").as_deref(), Some("true"));

    let slider: HtmlInputElement = find(&root, "#us-compute");
    slider.set_value("25");
    fire(&slider, "input");
    fire(&slider, "change");

    let mut expected = start.clone();
    expected.us.compute_threshold_flop = 1e25;
    let summary = evaluate(&catalog, &expected).summary;
    assert_counts(&root, &summary);
    assert!(query().contains("us_flop=1e25"), "{}", query());
    // The URL restores the same scenario.
    let restored = urlstate::decode(&query(), &start).scenario;
    assert_eq!(evaluate(&catalog, &restored).summary, summary);
    // Table: one visible row per model published by the as-of date, verdicts updated.
    assert_eq!(visible_rows(&root) as usize, summary.models.total());
    assert_eq!(us_status_of(&root, "Llama 3.1-405B"), "In");
    let valuetext = slider.get_attribute("aria-valuetext").unwrap();
    assert_eq!(valuetext, "1 × 10²⁵ FLOP");
    assert_eq!(delta.get_attribute("class").as_deref(), Some("delta"));
    assert!(!delta.has_attribute("aria-hidden"));
    // The US card's models number changed, and flashes once; the EU's
    // did not move, and does not.
    let flash = |key: &str| {
        find::<Element>(&root, &format!("[data-card='{key}']")).get_attribute("data-flash")
    };
    assert_eq!(flash("us.models").as_deref(), Some("a"));
    assert_eq!(flash("eu.models"), None);
    let moved =
        summary.us.models_in as i64 - evaluate(&catalog, &start).summary.us.models_in as i64;
    assert!(
        delta
            .text_content()
            .unwrap()
            .contains(&format!("+{moved} models")),
        "{:?}",
        delta.text_content()
    );
    // Another change flashes it again (the other name restarts it).
    slider.set_value("27");
    fire(&slider, "input");
    fire(&slider, "change");
    assert_eq!(flash("us.models").as_deref(), Some("b"));
    root.remove();
}

#[wasm_bindgen_test]
fn a_slider_let_go_says_what_moved_in_the_ranges_too() {
    // A tester's find: one step of the threshold with derivatives excluded
    // keeps the central counts but moves the ranges, and the change line
    // read "nothing".
    let root = mount_with("?deriv=exclude");
    let catalog = Catalog::embedded().unwrap();
    let before = evaluate(
        &catalog,
        &urlstate::decode(&query(), &default_scenario()).scenario,
    )
    .summary;
    let slider: HtmlInputElement = find(&root, "#us-compute");
    let step: f64 = slider.step().parse().unwrap();
    let at: f64 = slider.value().parse().unwrap();
    slider.set_value(&format!("{}", at - step));
    fire(&slider, "input");
    fire(&slider, "change");
    let now = evaluate(
        &catalog,
        &urlstate::decode(&query(), &default_scenario()).scenario,
    )
    .summary;
    assert_eq!(now.us.models_in, before.us.models_in);
    let words = scope_explorer::presentation::change_words(&now, &before, true)
        .expect("the step moves the ranges");
    assert!(
        words.starts_with("Since the last change: same central counts; US "),
        "{words}"
    );
    let delta: Element = find(&root, "#delta");
    assert_eq!(delta.text_content().unwrap(), words);
    assert_eq!(delta.get_attribute("class").as_deref(), Some("delta"));
    root.remove();
}

#[wasm_bindgen_test]
fn a_change_of_another_control_within_the_pause_is_measured_from_the_view_shown() {
    // A policy analyst tester's find: the slider moved to its end (no US
    // model), then within the pause a rule was changed, and the change
    // line compared the rule's counts with the view before the slider.
    let root = mount_with("");
    let catalog = Catalog::embedded().unwrap();
    let current = || {
        evaluate(
            &catalog,
            &urlstate::decode(&query(), &default_scenario()).scenario,
        )
        .summary
    };
    let before = current();
    let slider: HtmlInputElement = find(&root, "#us-compute");
    slider.set_value("28");
    fire(&slider, "input");
    fire(&slider, "change");
    let after_slide = current();
    assert_ne!(after_slide.us.models_in, before.us.models_in);
    let select: HtmlSelectElement = find(&root, "#us-derivatives");
    select.set_value("exclude");
    fire(&select, "change");
    let now = current();
    let delta: Element = find(&root, "#delta");
    let expected = scope_explorer::presentation::change_words(&now, &after_slide, true)
        .unwrap_or_else(|| "Since the last change: no count and no range moved.".to_string());
    assert_eq!(delta.text_content().unwrap(), expected);
    // The same control again within the pause: measured from before its
    // first move, as a slider's steps are.
    slider.set_value("25");
    fire(&slider, "input");
    fire(&slider, "change");
    slider.set_value("24");
    fire(&slider, "input");
    fire(&slider, "change");
    let last = current();
    let expected = scope_explorer::presentation::change_words(&last, &now, true).unwrap();
    assert_eq!(delta.text_content().unwrap(), expected);
    root.remove();
}

#[wasm_bindgen_test]
fn sorting_by_compute_follows_the_figures_shown_estimates_included() {
    // A tester's find: with estimates on, the estimated rows came first in
    // name order, then the published figures.
    let root = mount_with("?as_of=2026-03-01");
    let catalog = Catalog::embedded().unwrap();
    let scenario = urlstate::decode(&query(), &default_scenario()).scenario;
    assert!(scenario.use_estimates);
    let heads = root.query_selector_all("#models-table thead th").unwrap();
    let compute: Element = heads.get(3).unwrap().dyn_into().unwrap();
    assert_eq!(compute.text_content().unwrap(), "Training compute");
    let button: web_sys::HtmlElement = compute
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    assert_eq!(
        compute.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    let rows = root
        .query_selector_all("#models-table tbody tr:not([hidden])")
        .unwrap();
    let by_name = |name: &str| catalog.models.iter().position(|m| m.name == name).unwrap();
    let mut last: Option<f64> = None;
    let mut estimated = 0;
    let mut undisclosed = false;
    for k in 0..rows.length() {
        let row: Element = rows.get(k).unwrap().dyn_into().unwrap();
        let th = row.query_selector("th").unwrap().unwrap();
        let name = th.first_child().unwrap().text_content().unwrap();
        let i = by_name(&name);
        let shown = catalog.models[i].compute_flop.or_else(|| {
            scope_explorer::view::EstimateView::of(&catalog, i, &scenario)
                .and_then(|e| e.central.or(e.low).or(e.high))
        });
        estimated += usize::from(catalog.models[i].compute_flop.is_none() && shown.is_some());
        match shown {
            Some(value) => {
                assert!(!undisclosed, "{name}: a figure after an undisclosed row");
                assert!(
                    last.map_or(true, |l| l <= value),
                    "{name}: {value:e} after {last:?}"
                );
                last = Some(value);
            }
            None => undisclosed = true,
        }
    }
    assert!(estimated > 50, "{estimated} estimated rows");
    root.remove();
}

#[wasm_bindgen_test]
fn picking_a_preset_sets_every_control() {
    let root = mount_with("");
    let catalog = Catalog::embedded().unwrap();
    let select: HtmlSelectElement = find(&root, "#preset");
    select.set_value("eu-ai-act");
    fire(&select, "change");
    // A preset sets the definitions and keeps the evaluation settings.
    let mut preset = presets::find("eu-ai-act", today().unwrap()).unwrap();
    preset.scenario.use_estimates = default_scenario().use_estimates;
    assert_counts(&root, &evaluate(&catalog, &preset.scenario).summary);
    assert!(
        query().contains("deriv=substantial_modification"),
        "{}",
        query()
    );
    let matched: Element = find(&root, "#preset-match");
    assert!(matched
        .text_content()
        .unwrap()
        .contains("EU AI Act as written"));
    let derivatives: HtmlSelectElement = find(&root, "#us-derivatives");
    assert_eq!(derivatives.value(), "substantial_modification");
    let slider: HtmlInputElement = find(&root, "#us-compute");
    assert_eq!(slider.value_as_number(), 25.0);
    // Moving a slider away from the preset says so.
    slider.set_value("25.5");
    fire(&slider, "input");
    assert!(matched.text_content().unwrap().contains("Custom"));
    assert_eq!(select.value(), "");
    root.remove();
}

#[wasm_bindgen_test]
fn a_link_restores_the_view_and_bad_parameters_are_reported() {
    let catalog = Catalog::embedded().unwrap();
    let root = mount_with("?preset=broad&us_flop=abc&foo=1");
    let notice: Element = find(&root, "#notice");
    assert!(!notice.has_attribute("hidden"));
    let text = notice.text_content().unwrap();
    assert!(text.contains("us_flop") && text.contains("foo"), "{text}");
    let mut broad = presets::find("broad", today().unwrap()).unwrap().scenario;
    broad.use_estimates = default_scenario().use_estimates;
    assert_counts(&root, &evaluate(&catalog, &broad).summary);
    let dismiss: Element = find(&root, "#notice-dismiss");
    dismiss.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    assert!(notice.has_attribute("hidden"));
    root.remove();
}

#[wasm_bindgen_test]
fn the_chart_shows_details_by_keyboard() {
    let root = mount_with("");
    let chart: Element = find(&root, "#chart");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("End");
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    chart.dispatch_event(&event).unwrap();
    let details: Element = find(&root, "#chart-details");
    let catalog = Catalog::embedded().unwrap();
    let last = catalog
        .models
        .iter()
        .rev()
        .find(|m| m.publication_date <= default_scenario().as_of)
        .unwrap();
    let text = details.text_content().unwrap();
    assert!(text.starts_with(&last.name), "{text}");
    assert!(text.contains("US ") && text.contains("EU "), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
fn filtering_the_table() {
    let root = mount_with("");
    let filter: HtmlInputElement = find(&root, "#filter");
    filter.set_value("anthropic");
    fire(&filter, "input");
    let rows = root
        .query_selector_all("#models-table tbody tr:not([hidden])")
        .unwrap();
    assert!(rows.length() > 3);
    for i in 0..rows.length() {
        let text = rows.get(i).unwrap().text_content().unwrap();
        assert!(text.contains("Anthropic"), "{text}");
    }
    // A base model's name finds its fine-tunes too.
    let catalog = Catalog::embedded().unwrap();
    let base = catalog.find("Llama 3.1-405B").unwrap();
    let as_of = url_scenario().as_of;
    let expected: Vec<usize> = (0..catalog.models.len())
        .filter(|&i| catalog.models[i].publication_date <= as_of)
        .filter(|&i| {
            let m = &catalog.models[i];
            let hay = format!(
                "{} {} {}",
                m.name,
                m.developer,
                m.base.map_or("", |b| catalog.models[b].name.as_str())
            );
            hay.to_lowercase().contains("405b")
        })
        .collect();
    assert!(
        expected
            .iter()
            .any(|&i| catalog.models[i].base == Some(base)),
        "a fine-tune of Llama 3.1-405B is in the catalog"
    );
    filter.set_value("405B");
    fire(&filter, "input");
    assert_eq!(visible_rows(&root) as usize, expected.len());
    root.remove();
}

/// What the page's URL says, read back as the page reads a link.
fn url_scenario() -> Scenario {
    urlstate::decode(&query(), &default_scenario()).scenario
}

/// Fires one real event on a setting's control, and applies the same
/// change to `expected` through the table. Returns whether it did.
fn change_control(root: &Element, setting: &Setting, expected: &mut Scenario) -> bool {
    let id = setting.id;
    match &setting.kind {
        Kind::Slider(slider) => {
            let current = (slider.get)(expected);
            if slider.optional.is_some() && current.is_none() {
                let switch: HtmlInputElement = find(root, &format!("#{id}-on"));
                switch.click();
                setting.turn(expected, true);
                assert_eq!(
                    urlstate::encode(&url_scenario()),
                    urlstate::encode(expected),
                    "{id}-on"
                );
            }
            let input: HtmlInputElement = find(root, &format!("#{id}"));
            let now = (slider.get)(expected).map(|v| slider.position(v));
            let position = if now == Some(slider.min) {
                slider.max
            } else {
                slider.min
            };
            input.set_value(&position.to_string());
            fire(&input, "input");
            fire(&input, "change");
            (slider.set)(expected, slider.value_at(position));
            if slider.optional.is_some() && current.is_some() {
                assert_eq!(
                    urlstate::encode(&url_scenario()),
                    urlstate::encode(expected),
                    "{id}"
                );
                let switch: HtmlInputElement = find(root, &format!("#{id}-on"));
                switch.click();
                setting.turn(expected, false);
            }
        }
        Kind::Choice(choice) => {
            let current = (choice.get)(expected);
            let Some((other, _)) = choice.options.iter().find(|(name, _)| *name != current) else {
                return false;
            };
            let select: HtmlSelectElement = find(root, &format!("#{id}"));
            select.set_value(other);
            fire(&select, "change");
            (choice.set)(expected, other);
        }
        Kind::Switch(switch) => {
            let input: HtmlInputElement = find(root, &format!("#{id}"));
            input.click();
            (switch.set)(expected, !(switch.get)(expected));
        }
        Kind::Date(date) => {
            let day = if (date.get)(expected).to_string() == "2024-06-30" {
                "2024-07-01"
            } else {
                "2024-06-30"
            };
            let input: HtmlInputElement = find(root, &format!("#{id}"));
            input.set_value(day);
            fire(&input, "change");
            setting.set_text(expected, day);
        }
    }
    true
}

/// Every control is shown exactly when its setting says so.
fn assert_rows_shown(root: &Element, expected: &Scenario) {
    for setting in SETTINGS {
        if matches!(setting.page, Page::NoControl) {
            continue;
        }
        let mut shown = setting.shown(expected);
        if let Kind::Slider(slider) = &setting.kind {
            shown &= (slider.get)(expected).is_some();
        }
        let row: Element = find(root, &format!("[data-control='{}']", setting.id));
        assert_eq!(!row.has_attribute("hidden"), shown, "{}", setting.id);
    }
}

#[wasm_bindgen_test]
fn every_control_changes_its_own_setting() {
    // Links from which every control is shown at some point: the presets,
    // and a Cybench test (no preset has one).
    let mut links: Vec<Scenario> = presets::all(today().unwrap())
        .into_iter()
        .map(|p| p.scenario)
        .collect();
    let mut cybench = links[0].clone();
    cybench.choose_capability(Some(scope_explorer::scenario::CapabilityMetric::Cybench));
    links.push(cybench);
    let mut covered: Vec<&str> = Vec::new();
    let controls = SETTINGS
        .iter()
        .filter(|s| !matches!(s.page, Page::NoControl))
        .count();
    for link in links {
        if covered.len() == controls {
            break;
        }
        let root = mount_with(&format!("?{}", urlstate::encode(&link)));
        let mut expected = url_scenario();
        // Numbers and switches first, then the choices (which show or hide
        // other controls), then whatever the choices revealed.
        for choices in [false, true, false] {
            for setting in SETTINGS {
                let is_choice = matches!(setting.kind, Kind::Choice(_));
                if is_choice != choices
                    || covered.contains(&setting.id)
                    || matches!(setting.page, Page::NoControl)
                    || !setting.shown(&expected)
                {
                    continue;
                }
                if change_control(&root, setting, &mut expected) {
                    covered.push(setting.id);
                    assert_eq!(
                        urlstate::encode(&url_scenario()),
                        urlstate::encode(&expected),
                        "{}",
                        setting.id
                    );
                    assert_rows_shown(&root, &expected);
                }
            }
        }
        root.remove();
    }
    assert_eq!(covered.len(), controls, "{covered:?}");
}

#[wasm_bindgen_test]
fn a_cleared_date_snaps_back_to_the_last_valid_one() {
    let root = mount_with("?as_of=2025-01-01");
    let date: HtmlInputElement = find(&root, "#as-of");
    assert_eq!(date.value(), "2025-01-01");
    date.set_value("");
    fire(&date, "change");
    assert_eq!(date.value(), "2025-01-01");
    date.set_value("2024-06-30");
    fire(&date, "change");
    assert!(query().contains("as_of=2024-06-30"), "{}", query());
    root.remove();
}

/// A slider moves in steps; the field beside it takes a value between them
/// (3 × 10²⁵ FLOP), and a bad one gets its message there, kept as typed,
/// with the view unchanged.
#[wasm_bindgen_test]
fn a_threshold_can_be_typed_exactly() {
    let root = mount_with("?us_flop=1e26");
    let exact: HtmlInputElement = find(&root, "#us-compute-exact");
    let error: Element = find(&root, "#us-compute-exact-error");
    let output = || {
        find::<Element>(&root, "#us-compute-value")
            .text_content()
            .unwrap()
    };
    assert_eq!(exact.get_attribute("placeholder").as_deref(), Some("1e26"));
    exact.set_value("3e25");
    fire(&exact, "change");
    fire(&root, "scope-explorer-flush");
    assert!(query().contains("us_flop=3e25"), "{}", query());
    assert!(output().starts_with("3 \u{d7} 10"), "{}", output());
    assert_eq!(exact.value(), "", "applied: the slider shows it");
    assert!(error.has_attribute("hidden"));
    for bad in ["abc", "1e40"] {
        exact.set_value(bad);
        fire(&exact, "change");
        assert_eq!(exact.value(), bad, "kept as typed");
        assert!(!error.has_attribute("hidden"), "{bad}: a message");
        assert!(!error.text_content().unwrap().is_empty());
        assert_eq!(exact.get_attribute("aria-invalid").as_deref(), Some("true"));
        fire(&root, "scope-explorer-flush");
        assert!(query().contains("us_flop=3e25"), "{bad}: {}", query());
    }
    root.remove();
}

/// Typing a date a part at a time passes through dates that are not in
/// range (a year's first digit makes year 0002): while the field has focus
/// the page leaves its text alone and keeps the last valid date, and puts
/// it back when focus leaves with no valid date typed.
#[wasm_bindgen_test]
fn a_date_being_typed_is_left_alone_until_focus_leaves() {
    let root = mount_with("?as_of=2025-01-01");
    let date: HtmlInputElement = find(&root, "#as-of");
    let iso = || find::<Element>(&root, ".iso-date").text_content().unwrap();
    date.focus().unwrap();
    assert!(date.matches(":focus").unwrap(), "the field has focus");
    date.set_value("0002-08-01");
    fire(&date, "change");
    assert_eq!(date.value(), "0002-08-01", "the keys typed stay");
    assert!(
        iso().contains("2025-01-01") && iso().contains("kept"),
        "{}",
        iso()
    );
    date.set_value("2025-08-01");
    fire(&date, "change");
    assert_eq!(date.value(), "2025-08-01");
    assert!(iso().starts_with("2025-08-01 (ISO 8601)"), "{}", iso());
    date.set_value("0020-08-01");
    fire(&date, "change");
    date.blur().unwrap();
    assert_eq!(date.value(), "2025-08-01", "put back when focus leaves");
    assert!(!iso().contains("kept"), "{}", iso());
    root.remove();
}

#[wasm_bindgen_test]
fn estimated_models_are_hollow_on_whiskers() {
    let visible_whiskers = |root: &Element| {
        root.query_selector_all("#chart .whisker:not([visibility='hidden'])")
            .unwrap()
            .length()
    };
    let catalog = Catalog::embedded().unwrap();
    let opus = catalog.find("Claude Opus 4.6").unwrap();
    assert!(catalog.models[opus].compute_flop.is_none());
    let marker_selector = format!("#chart .markers [data-i='{opus}']");

    // The default view uses estimates.
    let root = mount_with("");
    assert!(
        presets::default_view(today().unwrap())
            .unwrap()
            .use_estimates
    );
    assert!(visible_whiskers(&root) > 0);
    let marker: Element = find(&root, &marker_selector);
    assert_eq!(
        marker.get_attribute("data-estimated").as_deref(),
        Some("true")
    );
    let class = marker.get_attribute("class").unwrap();
    assert!(class.split(' ').any(|c| c == "est"), "{class}");
    let whisker: Element = find(&root, &format!("#chart .whisker[data-i='{opus}']"));
    assert_ne!(
        whisker.get_attribute("visibility").as_deref(),
        Some("hidden")
    );
    // Hovering it gives the estimate's words with the details.
    // (A bubbling event of that type: the page reads only its target, and
    // the tests' web-sys has no MouseEvent.)
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    let hover =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("mouseover", &init).unwrap();
    marker.dispatch_event(&hover).unwrap();
    let details: Element = find(&root, "#chart-details");
    let text = details.text_content().unwrap();
    assert!(text.starts_with("Claude Opus 4.6"), "{text}");
    assert!(text.contains("Estimated compute: ~"), "{text}");
    root.remove();

    // Without estimates: no whiskers, and the model is back in the band.
    let root = mount_with("?est=0");
    assert!(!url_scenario().use_estimates);
    assert_eq!(visible_whiskers(&root), 0);
    let marker: Element = find(&root, &marker_selector);
    assert!(!marker.has_attribute("data-estimated"));
    root.remove();
}

#[wasm_bindgen_test]
fn a_speculative_figure_is_hollow_on_its_label_range_while_estimates_are_on() {
    let catalog = Catalog::embedded().unwrap();
    // Claude 3.5 Sonnet: Epoch's 2.7 × 10²⁵ FLOP, labelled Speculative.
    let sonnet = catalog.find("Claude 3.5 Sonnet").unwrap();
    let model = &catalog.models[sonnet];
    assert_eq!(
        model.compute_confidence,
        scope_explorer::catalog::Confidence::Speculative
    );
    let flop = model.compute_flop.unwrap();
    let y_of = |path: &str| -> Vec<f64> {
        path.split(|c: char| c.is_ascii_alphabetic())
            .filter_map(|p| p.split(',').nth(1)?.parse().ok())
            .collect()
    };
    let root = mount_with("");
    let marker: Element = find(&root, &format!("#chart .markers [data-i='{sonnet}']"));
    assert_eq!(
        marker.get_attribute("data-estimated").as_deref(),
        Some("true")
    );
    let whisker: Element = find(&root, &format!("#chart .whisker[data-i='{sonnet}']"));
    assert_eq!(
        whisker.get_attribute("visibility").as_deref(),
        Some("visible")
    );
    // The whisker spans the range the verdicts read (a factor of 30 either
    // way, capped at the frontier's ceiling), at the chart's scale of 7
    // powers of ten over 310 px.
    let scenario = url_scenario();
    let judge = scope_explorer::rules::Judge::new(&catalog, &scenario);
    let scope_explorer::rules::ComputeFigure::Uncertain {
        low,
        high,
        estimate,
        ..
    } = judge.parts(sonnet).cumulative
    else {
        panic!("{flop:e} FLOP, Speculative, is read as a range");
    };
    assert!(estimate);
    let ends = y_of(&whisker.get_attribute("d").unwrap());
    let span = ends.iter().copied().fold(f64::MIN, f64::max)
        - ends.iter().copied().fold(f64::MAX, f64::min);
    let expected = (high / low).log10() * 310.0 / 7.0;
    assert!(
        (span - expected).abs() < 1.0 && expected > 80.0,
        "whisker {span} px, range {low:e} to {high:e} FLOP ({expected} px)"
    );
    root.remove();
    // Without estimates it is a figure as published: solid, no whisker.
    let root = mount_with("?est=0");
    let marker: Element = find(&root, &format!("#chart .markers [data-i='{sonnet}']"));
    assert!(!marker.has_attribute("data-estimated"));
    let whiskers = root
        .query_selector_all(&format!(
            "#chart .whisker[data-i='{sonnet}']:not([visibility='hidden'])"
        ))
        .unwrap();
    assert_eq!(whiskers.length(), 0);
    root.remove();
}

#[wasm_bindgen_test]
fn an_estimate_shows_its_interval_on_focus() {
    let root = mount_with("");
    complete_table(&root);
    let cells = root
        .query_selector_all("#models-table tbody td[data-words]")
        .unwrap();
    assert!(cells.length() > 0, "estimated cells carry their words");
    let cell: web_sys::HtmlElement = cells.get(0).unwrap().dyn_into().unwrap();
    assert_eq!(cell.get_attribute("tabindex").as_deref(), Some("0"));
    let words = cell.get_attribute("data-words").unwrap();
    assert!(
        words.contains("interval") || words.contains("FLOP"),
        "{words}"
    );
    assert!(cell.get_attribute("aria-label").unwrap().contains(&words));
    root.remove();
}

/// The table writes rows out of view after a change, and once complete
/// every row shows the core's verdict for the new scenario.
#[wasm_bindgen_test]
fn every_row_shows_the_new_verdict_once_the_table_is_complete() {
    use scope_explorer::rules::us::UsStatus;
    let root = mount_with("");
    let catalog = Catalog::embedded().unwrap();
    let slider: HtmlInputElement = find(&root, "#us-compute");
    slider.set_value("24.5");
    fire(&slider, "input");
    fire(&slider, "change");
    let table: Element = find(&root, "#models-table");
    assert!(
        table.has_attribute("aria-busy"),
        "rows out of view wait for the background"
    );
    complete_table(&root);
    let mut expected = default_scenario();
    expected.us.compute_threshold_flop = 10f64.powf(24.5);
    let assessment = evaluate(&catalog, &expected);
    let rows = root
        .query_selector_all("#models-table tbody tr:not([hidden])")
        .unwrap();
    assert_eq!(rows.length() as usize, assessment.verdicts.len());
    for i in 0..rows.length() {
        let row: Element = rows.get(i).unwrap().dyn_into().unwrap();
        let th: Element = find(&row, "th");
        let name = th.first_child().unwrap().text_content().unwrap();
        let model = catalog.find(&name).unwrap();
        let verdict = assessment.verdicts.iter().find(|v| v.model == model);
        let class = match verdict.unwrap().us.status {
            UsStatus::In => "verdict in",
            UsStatus::Out => "verdict out",
            UsStatus::Undetermined => "verdict undetermined",
        };
        let status: Element = find(&row, "td:nth-of-type(4) > span");
        assert_eq!(
            status.get_attribute("class").as_deref(),
            Some(class),
            "{name}"
        );
    }
    root.remove();
}

#[wasm_bindgen_test]
fn a_link_restores_the_estimate_settings() {
    let catalog = Catalog::embedded().unwrap();
    let query = "?est=1&est_level=0.9&cap=eci&cap_min=150&combine=either&eci_margin=5";
    let root = mount_with(query);
    let notice: Element = find(&root, "#notice");
    assert!(
        notice.has_attribute("hidden"),
        "{:?}",
        notice.text_content()
    );
    let decoded = urlstate::decode(query, &default_scenario());
    assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    assert!(decoded.scenario.use_estimates);
    assert_eq!(decoded.scenario.estimate_level, 0.9);
    assert_eq!(decoded.scenario.score_margin_eci, 5.0);
    // The controls show the restored values, and the URL keeps them.
    let level: HtmlInputElement = find(&root, "#estimate-level");
    let margin: HtmlInputElement = find(&root, "#score-margin");
    for (setting, input, value) in [
        ("estimate-level", &level, 0.9),
        ("score-margin", &margin, 5.0),
    ] {
        let Kind::Slider(slider) = &SETTINGS.iter().find(|s| s.id == setting).unwrap().kind else {
            panic!("{setting} is a slider");
        };
        let position: f64 = input.value().parse().unwrap();
        assert!(
            (slider.value_at(position) - value).abs() < 1e-9,
            "{setting}: {position}"
        );
    }
    assert_counts(&root, &evaluate(&catalog, &decoded.scenario).summary);
    // A different level changes the ranges: 90% intervals are wider.
    let at_80 = {
        let mut s = decoded.scenario.clone();
        s.estimate_level = 0.8;
        evaluate(&catalog, &s).summary.us
    };
    let at_90 = evaluate(&catalog, &decoded.scenario).summary.us;
    assert!(at_90.models_low <= at_80.models_low && at_90.models_high >= at_80.models_high);
    assert!(at_90 != at_80, "the level moves the ranges");
    let headline = root
        .query_selector(".headline")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    let range = format!("{}\u{2013}{} models", at_90.models_low, at_90.models_high);
    assert!(headline.contains(&range), "{headline} lacks {range}");
    root.remove();
}

#[wasm_bindgen_test]
fn the_sensitivity_curve_draws_the_estimates_range_as_a_band() {
    let band_points = |root: &Element| {
        let band: Element = find(root, ".sensitivity .band-models");
        band.get_attribute("points").unwrap_or_default()
    };
    // Each band goes out along the high edge and back along the low one:
    // where the two edges differ, the band has an area.
    let has_area = |points: &str| {
        let ys: Vec<f64> = points
            .split(' ')
            .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        let half = ys.len() / 2;
        (0..half).any(|i| (ys[i] - ys[ys.len() - 1 - i]).abs() > 0.5)
    };
    let root = mount_with("");
    let points = band_points(&root);
    assert!(!points.is_empty());
    assert!(has_area(&points), "estimates on, yet the band is flat");
    let label: Element = find(&root, ".sensitivity .current-label");
    let text = label.text_content().unwrap();
    assert!(text.starts_with("about "), "{text}");
    let catalog = Catalog::embedded().unwrap();
    let us = evaluate(&catalog, &url_scenario()).summary.us;
    let range = format!("({}\u{2013}{})", us.models_low, us.models_high);
    assert!(text.contains(&range), "{text} lacks {range}");
    root.remove();

    let root = mount_with("?est=0");
    assert!(!has_area(&band_points(&root)), "no estimates, yet a band");
    let text = find::<Element>(&root, ".sensitivity .current-label")
        .text_content()
        .unwrap();
    assert!(!text.contains("about"), "{text}");
    root.remove();
}

#[wasm_bindgen_test]
fn the_undetermined_are_explained_under_the_headline() {
    let catalog = Catalog::embedded().unwrap();
    let root = mount_with("");
    let why: Element = find(&root, ".overlap .why");
    assert!(!why.has_attribute("hidden"));
    let scenario = url_scenario();
    let verdicts = evaluate(&catalog, &scenario).verdicts;
    let expected =
        scope_explorer::presentation::us_undetermined_words(&verdicts, &scenario).unwrap();
    assert_eq!(why.text_content().unwrap(), expected);
    root.remove();
}

#[wasm_bindgen_test]
fn the_derivative_rules_are_compared_side_by_side() {
    let catalog = Catalog::embedded().unwrap();
    let root = mount_with("?us_flop=1e25&deriv=inherit");
    let check = |root: &Element| {
        // The panel follows the paint: busy until then.
        flush();
        let table: Element = find(root, ".derivatives table");
        assert!(!table.has_attribute("aria-busy"));
        let expected = scope_explorer::derivatives::compare(&catalog, &url_scenario());
        let rows = root.query_selector_all(".derivatives tbody tr").unwrap();
        assert_eq!(rows.length() as usize, expected.len());
        for (i, reach) in expected.iter().enumerate() {
            let row: Element = rows.get(i as u32).unwrap().dyn_into().unwrap();
            let text = row.text_content().unwrap();
            assert!(text.starts_with(reach.label), "{text}");
            let cells = row.query_selector_all("td").unwrap();
            let cell = |k: u32| cells.get(k).unwrap().text_content().unwrap();
            let us = &reach.us;
            assert!(
                cell(0).starts_with(&us.models_in.to_string())
                    || cell(0).starts_with(&format!("about {}", us.models_in)),
                "{}",
                cell(0)
            );
            assert!(cell(0).contains(&us.models_high.to_string()), "{}", cell(0));
            assert_eq!(cell(2), us.models_undetermined.to_string());
            assert_eq!(
                row.get_attribute("aria-current").as_deref(),
                reach.current.then_some("true"),
                "{text}"
            );
        }
        expected
    };
    let before = check(&root);
    assert!(before.iter().any(|r| r.current && r.kind == "inherit"));
    // Choosing another rule moves the mark; the counts are the same rows.
    let select: HtmlSelectElement = find(&root, "#us-derivatives");
    select.set_value("exclude");
    fire(&select, "change");
    let after = check(&root);
    assert!(after.iter().any(|r| r.current && r.kind == "exclude"));
    root.remove();
}

#[wasm_bindgen_test]
fn models_in_neither_that_are_still_gpai_are_noted() {
    let catalog = Catalog::embedded().unwrap();
    let root = mount_with("");
    let note: Element = find(&root, ".overlap .gpai-note");
    let scenario = url_scenario();
    let expected =
        scope_explorer::presentation::neither_gpai_words(&evaluate(&catalog, &scenario), &scenario)
            .unwrap();
    assert!(!note.has_attribute("hidden"));
    assert_eq!(note.text_content().unwrap(), expected);
    root.remove();
    // Comparing all GPAI models: nothing to note.
    let root = mount_with("?eu_tier=gpai");
    let note: Element = find(&root, ".overlap .gpai-note");
    assert!(note.has_attribute("hidden"));
    root.remove();
}

/// A control whose value decides nothing in the current definition says
/// so under it, and its control points to the words; the words follow
/// the combination as it changes.
#[wasm_bindgen_test]
fn a_setting_that_decides_nothing_says_so() {
    let root = mount_with("?preset=narrow");
    let compute_idle: Element = find(&root, "#us-compute-idle");
    let eci_idle: Element = find(&root, "#us-eci-idle");
    assert!(!compute_idle.has_attribute("hidden"));
    assert!(
        compute_idle
            .text_content()
            .unwrap()
            .contains("tests capability only"),
        "{:?}",
        compute_idle.text_content()
    );
    assert!(eci_idle.has_attribute("hidden"));
    let slider: HtmlInputElement = find(&root, "#us-compute");
    assert!(slider
        .get_attribute("aria-describedby")
        .unwrap()
        .split(' ')
        .any(|id| id == "us-compute-idle"));
    // Compute only: the capability threshold is the idle one now.
    let combine: HtmlSelectElement = find(&root, "#us-combine");
    combine.set_value("compute_only");
    fire(&combine, "change");
    assert!(compute_idle.has_attribute("hidden"));
    assert!(!eci_idle.has_attribute("hidden"));
    assert!(eci_idle
        .text_content()
        .unwrap()
        .contains("tests compute only"));
    // Either test: nothing is idle.
    combine.set_value("either");
    fire(&combine, "change");
    assert_eq!(
        root.query_selector_all(".idle:not([hidden])")
            .unwrap()
            .length(),
        0
    );
    root.remove();
}
