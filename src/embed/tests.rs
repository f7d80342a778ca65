use super::*;

#[test]
fn the_embed_parameters_are_split_from_the_scenario() {
    let split = split("us_flop=3e25&controls=none&note=Hello%20%3Cb%3E&preset=sb53");
    assert_eq!(split.options.controls, Controls::None);
    assert!(!split.options.sensitivity);
    assert_eq!(split.options.note.as_deref(), Some("Hello <b>"));
    assert_eq!(split.scenario_query, "us_flop=3e25&preset=sb53");
    assert!(split.ignored.is_empty());
}

#[test]
fn bad_embed_parameters_are_ignored_with_a_message_naming_them() {
    let split = split("controls=cap&sensitivity=yes&controls=none");
    assert_eq!(split.options, Options::default());
    assert_eq!(split.ignored.len(), 3, "{:?}", split.ignored);
    assert!(split.ignored[0].starts_with("controls: expected all, none or a slider"));
    assert!(split.ignored[0].contains("us_flop"));
    // Each allowed name once, though two settings (the capability
    // thresholds on ECI and on Cybench) share `cap_min`.
    let listed = split.ignored[0]
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(names, _)| names)
        .expect("the allowed names, in brackets");
    let names: Vec<_> = listed.split(", ").collect();
    for name in &names {
        let times = names.iter().filter(|n| *n == name).count();
        assert_eq!(times, 1, "{name} is listed {times} times: {listed}");
    }
    assert!(names.contains(&"cap_min"), "{listed}");
    assert!(split.ignored[1].starts_with("sensitivity: expected 1 or 0, got \"yes\""));
    assert!(split.ignored[2].starts_with("ignored repeated parameter \"controls\""));
    let long = "x".repeat(NOTE_MAX_CHARS + 1);
    let split = super::split(&format!("note={long}"));
    assert_eq!(split.options.note, None);
    assert!(split.ignored[0].starts_with("note:"));
}

#[test]
fn an_embed_query_round_trips_its_options() {
    for options in [
        Options::default(),
        Options {
            controls: Controls::One(slider_index("us_flop").unwrap()),
            sensitivity: true,
            note: Some("A narrow reading & more".into()),
        },
        Options {
            controls: Controls::None,
            ..Options::default()
        },
    ] {
        let text = query("us_flop=1e26&as_of=2026-08-08", &options);
        let split = split(&text);
        assert_eq!(split.options, options, "{text}");
        assert_eq!(split.scenario_query, "us_flop=1e26&as_of=2026-08-08");
    }
}

#[test]
fn every_kept_slider_is_a_slider_on_the_page() {
    let params: Vec<_> = slider_params().collect();
    assert!(params.contains(&"us_flop"));
    for param in params {
        assert!(matches!(
            split(&format!("controls={param}")).options.controls,
            Controls::One(_)
        ));
    }
}

#[test]
fn the_fallback_is_the_core_headline_escaped() {
    let catalog = Catalog::embedded().unwrap();
    let html = scenario_html(&catalog, "preset=eu-ai-act&as_of=2026-08-08").unwrap();
    // A preset keeps the view's date and estimates switch (urlstate::decode).
    let preset = presets::find("eu-ai-act", DATA_SNAPSHOT).unwrap().scenario;
    let mut scenario = presets::default_view(DATA_SNAPSHOT).unwrap();
    scenario.us = preset.us;
    scenario.eu = preset.eu;
    let summary = evaluate(&catalog, &scenario).summary;
    let headline = presentation::headline(&summary, &scenario);
    assert!(html.contains(&escape(&headline)), "{html}");
    assert!(html.contains("Counts as of 2026-08-08"));
    assert!(html.contains("Epoch AI"));
}

#[test]
fn filling_rewrites_only_the_marked_blocks() {
    let catalog = Catalog::embedded().unwrap();
    let text = "<p>before</p><!-- fallback: us_flop=1e25 -->stale<!-- /fallback --><p>after</p>";
    let filled = fill(text, &catalog).unwrap();
    assert!(filled.starts_with("<p>before</p><!-- fallback: us_flop=1e25 -->\n<p class="));
    assert!(filled.ends_with("\n<!-- /fallback --><p>after</p>"));
    assert!(!filled.contains("stale"));
    assert_eq!(
        fill(&filled, &catalog).unwrap(),
        filled,
        "filling is stable"
    );
    assert!(fill("<!-- fallback: x -->", &catalog)
        .unwrap_err()
        .contains("no <!-- /fallback -->"));
}

#[test]
fn a_kept_slider_that_does_not_apply_keeps_no_control_and_says_why() {
    let base = presets::default_view(DEFAULT_AS_OF).unwrap();
    let of = |query: &str| urlstate::decode(query, &base).scenario;
    let cap = |query: &str| usable_controls(split(query).options.controls, &of(query));
    // The default view has no capability test: no capability slider to keep.
    let (controls, why) = cap("controls=cap_min");
    assert_eq!(controls, Controls::None);
    let why = why.expect("a message");
    assert!(
        why.starts_with("controls=cap_min: this view has no capability test"),
        "{why}"
    );
    // With a capability test (either score) it is kept, without a message.
    for test in ["eci&cap_min=140", "cybench&cap_min=50"] {
        let query = format!("controls=cap_min&cap={test}");
        assert!(matches!(cap(&query), (Controls::One(_), None)), "{query}");
    }
    // The compute threshold applies in the default view; all and none are
    // kept as they are.
    assert!(matches!(cap("controls=us_flop"), (Controls::One(_), None)));
    assert_eq!(cap("controls=none"), (Controls::None, None));
    assert_eq!(cap(""), (Controls::All, None));
}
