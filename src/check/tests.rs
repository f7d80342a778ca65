use super::*;
use crate::date::IsoDate;
use crate::evaluate::evaluate;
use crate::rules::LifecycleLink;

fn catalog() -> Catalog {
    Catalog::embedded().unwrap()
}

fn as_of() -> IsoDate {
    IsoDate::parse("2026-11-26").unwrap()
}

#[cfg(feature = "full")]
fn scenarios() -> Vec<Scenario> {
    let mut all: Vec<Scenario> = presets::all(as_of())
        .into_iter()
        .map(|p| p.scenario)
        .collect();
    all.push(presets::default_view(as_of()).unwrap());
    all
}

/// A copy of a catalog row whose verdict cannot depend on rows that the
/// copy does not share: it starts no lifecycle of several rows (a copy
/// under another name would start its own), or joins one as a fine-tune.
fn copyable(catalog: &Catalog, i: usize) -> bool {
    let m = &catalog.models[i];
    catalog.lifecycle_members[m.lifecycle_root].len() == 1
        || matches!(m.lifecycle_link, Some((_, LifecycleLink::FineTune { .. })))
}

// A copy of a row is judged from its own fields, as a typed model is; without
// `full` the rows carry the embed's slimmed fields (no task or sources: the
// row's generality comes from build.rs), and the check is the full page's.
#[cfg(feature = "full")]
#[test]
fn a_copy_of_a_catalog_row_gets_the_rows_verdicts() {
    let catalog = catalog();
    let scenarios = scenarios();
    let assessments: Vec<_> = scenarios.iter().map(|s| evaluate(&catalog, s)).collect();
    let mut compared = 0;
    for (i, m) in catalog.models.iter().enumerate() {
        if m.publication_date > as_of() || !copyable(&catalog, i) || i % 5 != 0 {
            continue;
        }
        let mut copy = m.clone();
        copy.name = format!("{} (checked copy)", m.name);
        let extended = catalog.with_model(copy);
        let last = extended.models.len() - 1;
        for (s, assessment) in scenarios.iter().zip(&assessments) {
            let row = assessment.verdicts.iter().find(|v| v.model == i).unwrap();
            let copy = judge(&extended, last, s);
            let what = format!("{} under {:?}", m.name, s.us);
            assert_eq!(copy.us.status, row.us.status, "{what}");
            assert_eq!(copy.eu.status, row.eu.status, "{what}");
            assert_eq!(copy.us_likelihood, row.us_likelihood, "{what}");
            assert_eq!(copy.eu_likelihood, row.eu_likelihood, "{what}");
            assert_eq!(copy.overlap, row.overlap, "{what}");
        }
        compared += 1;
    }
    assert!(compared > 40, "{compared} rows compared");
}

#[test]
fn the_full_check_of_a_copy_agrees_with_evaluate() {
    let catalog = catalog();
    let scenario = presets::default_view(as_of()).unwrap();
    let assessment = evaluate(&catalog, &scenario);
    let names = ["Llama 3.1-405B", "Llama 3.1-8B", "GPT-4", "Grok-2"];
    let rows: Vec<usize> = names
        .iter()
        .filter_map(|n| catalog.find(n))
        .filter(|&i| copyable(&catalog, i))
        .collect();
    assert!(rows.len() >= 2, "{rows:?}");
    for i in rows {
        let name = &catalog.models[i].name;
        let mut copy = catalog.models[i].clone();
        copy.name = format!("{name} copy");
        let report = check_model(&catalog, copy, &scenario);
        let row = assessment.verdicts.iter().find(|v| v.model == i).unwrap();
        assert_eq!(report.current.verdict.us, row.us.status, "{name}");
        assert_eq!(report.current.verdict.eu, row.eu.status, "{name}");
        for (p, verdict) in presets::all(as_of()).iter().zip(&report.presets) {
            let expected = evaluate(&catalog, &p.scenario);
            let row = expected.verdicts.iter().find(|v| v.model == i).unwrap();
            assert_eq!(verdict.verdict.us, row.us.status, "{name} under {}", p.id);
            assert_eq!(verdict.verdict.eu, row.eu.status, "{name} under {}", p.id);
        }
    }
}

fn input(compute: ComputeInput) -> CheckInput {
    CheckInput {
        name: None,
        compute: Some(compute),
        publication_date: IsoDate::parse("2026-09-01").unwrap(),
        eci: None,
        cybench_pct: None,
        cost_usd: None,
        generates: vec![Output::Text],
        base_model: None,
        finetune_flop: None,
        same_developer: false,
        biological: false,
    }
}

/// A fine-tune of `base` given by its own compute alone.
fn fine_tune_of(base: &str, finetune_flop: f64) -> CheckInput {
    CheckInput {
        compute: None,
        base_model: Some(base.into()),
        finetune_flop: Some(finetune_flop),
        ..input(ComputeInput::Flop { flop: 1.0 })
    }
}

#[test]
fn a_model_from_scratch_is_judged_on_its_figure_and_reaches_up_to_it() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let report = check(
        &catalog,
        &input(ComputeInput::Parameters {
            parameters: 70e9,
            tokens: 15e12,
        }),
        &scenario,
    )
    .unwrap();
    // 6.3e24 FLOP: GPAI (more than 1e23), not systemic (not more than 1e25).
    assert_eq!(report.eu_tier, "GPAI");
    assert!(report.current.verdict.us_reason.contains("10²⁴"));
    assert_eq!(report.current.verdict.us, crate::rules::us::UsStatus::Out);
    match report.reach {
        Reach::Below { flop } => assert!((flop / 6.3e24 - 1.0).abs() < 1e-9, "{flop}"),
        other => panic!("{other:?}"),
    }
    assert!(report.reach_words.contains("6.3 × 10²⁴ FLOP"));
    assert_eq!(report.presets.len(), presets::all(as_of()).len());
    assert!(report.derivative.is_none());
    assert!(!report.after_as_of);
    // Something that does not generate content is not GPAI.
    let mut narrow = input(ComputeInput::Flop { flop: 5e25 });
    narrow.generates = vec![Output::Other];
    let report = check(&catalog, &narrow, &scenario).unwrap();
    assert_eq!(report.eu_tier, "not GPAI");
    // Its reason speaks of what was entered, not of Epoch's lists.
    let reason = &report.current.verdict.eu_reason;
    assert!(
        reason.contains("a narrow model: its recorded tasks include no language"),
        "{reason}"
    );
    assert!(!reason.contains("Epoch"), "{reason}");
}

#[test]
fn the_issues_fine_tune_of_llama_405b() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let mut fine_tune = input(ComputeInput::Parameters {
        parameters: 70e9,
        tokens: 15e12,
    });
    fine_tune.base_model = Some("Llama 3.1-405B".into());
    fine_tune.finetune_flop = Some(5e24);
    // 6 × 70B × 15T = 6.3e24 as the model's total is less than its base's
    // 3.8e25: the check stops there (it once read the sum and dropped it).
    let errors = check(&catalog, &fine_tune, &scenario).unwrap_err();
    assert_eq!(errors[0].field, "compute", "{errors:?}");
    // The fine-tune's own compute alone: the rules read the sum.
    fine_tune.compute = None;
    let report = check(&catalog, &fine_tune, &scenario).unwrap();
    assert_eq!(report.cumulative_flop, Some(3.8e25 + 5e24));
    let d = report.derivative.expect("a fine-tune");
    // 5e24 of 3.8e25 is about 13%: not more than one third.
    assert_eq!(d.eu_new_model, Some(Test::Fail), "{}", d.eu_words);
    assert_eq!(
        report.current.verdict.eu,
        crate::rules::eu::EuStatus::NotNewModel
    );
    assert_eq!(d.us_rules.len(), 5);
    let status = |rule: &str| d.us_rules.iter().find(|r| r.rule == rule).unwrap().status;
    assert_eq!(status("exclude"), "out");
    // Cumulative: 3.8e25 + 5e24 = 4.3e25 > 1e25.
    assert_eq!(status("cumulative"), "in");
    // SB 1047: 5e24 of its own is below 3e25.
    assert_eq!(status("own_compute"), "out");
    assert_eq!(status("inherit"), "in");
    assert!(d.us_rules.iter().filter(|r| r.current).count() == 1);
    // Meta's own fine-tune joins the lifecycle instead.
    fine_tune.same_developer = true;
    let d = check(&catalog, &fine_tune, &scenario)
        .unwrap()
        .derivative
        .unwrap();
    assert!(d.same_provider);
    assert_eq!(d.eu_new_model, None);
    // More than one third makes a new model.
    fine_tune.same_developer = false;
    fine_tune.finetune_flop = Some(2e25);
    let d = check(&catalog, &fine_tune, &scenario)
        .unwrap()
        .derivative
        .unwrap();
    assert_eq!(d.eu_new_model, Some(Test::Pass), "{}", d.eu_words);
}

#[test]
fn a_bad_input_names_every_bad_field() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let mut bad = input(ComputeInput::Hardware {
        chip: "abacus".into(),
        chips: 0.5,
        days: 90.0,
        utilisation_pct: 140.0,
    });
    bad.cybench_pct = Some(120.0);
    let errors = check(&catalog, &bad, &scenario).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            "compute.chip",
            "compute.chips",
            "compute.utilisation_pct",
            "cybench_pct"
        ],
        "{errors:?}"
    );
}

#[test]
fn seeded_estimates_equal_a_refit_on_the_original_rows() {
    let warm = catalog();
    warm.estimates(0.8);
    let cold = catalog();
    let i = warm.find("Llama 3.1-405B").unwrap();
    let mut fine_tune = model_of(
        &CheckInput {
            compute: None,
            base_model: Some("Llama 3.1-405B".into()),
            finetune_flop: Some(5e24),
            ..input(ComputeInput::Flop { flop: 1e24 })
        },
        &warm,
    );
    fine_tune.eci = None;
    assert_eq!(fine_tune.base, Some(i));
    let seeded = warm.with_model(fine_tune.clone()).estimates(0.8);
    let refitted = cold.with_model(fine_tune).estimates(0.8);
    assert_eq!(seeded.compute, refitted.compute);
    assert_eq!(seeded.eci, refitted.eci);
    assert_eq!(seeded.compute.len(), warm.models.len() + 1);
}

#[test]
fn an_entered_figure_is_read_as_confident_and_said_to_be_the_users() {
    let catalog = catalog();
    let mut scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    // Every figure within its label's uncertainty: an entered one within a
    // factor of 3, as Epoch's Confident.
    scenario.compute_uncertainty = true;
    let report = check(
        &catalog,
        &input(ComputeInput::Flop { flop: 5e25 }),
        &scenario,
    )
    .unwrap();
    let verdict = &report.current.verdict;
    for reason in [&verdict.us_reason, &verdict.eu_reason] {
        assert!(
            reason.contains("the figure entered, read as Epoch's Confident, within a factor of 3"),
            "{reason}"
        );
        assert!(!reason.contains("Epoch: Confident"), "{reason}");
    }
    // 5e25 / 3 is above the EU's 1e25 at every reading: in.
    assert_eq!(report.eu_tier, "GPAI with systemic risk");
    // A fine-tune's entered figure taken as it is, whose base's range
    // reaches higher, says so in its own words, not Epoch's "as published".
    let mut with_estimates = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    with_estimates.use_estimates = true;
    let base = catalog.find("Grok 4").unwrap();
    let base_flop = catalog.models[base].compute_flop.unwrap();
    let mut tune = input(ComputeInput::Flop {
        flop: base_flop * 1.01,
    });
    tune.base_model = Some("Grok 4".into());
    let report = check(&catalog, &tune, &with_estimates).unwrap();
    let reason = &report.current.verdict.us_reason;
    assert!(
        reason.contains(
            "(the figure entered, taken as it is; its base model's range reaches higher, so from "
        ),
        "{reason}"
    );
    assert!(!reason.contains("as published"), "{reason}");
    // The model the check judges carries the label, and its facts say so.
    let model = model_of(&input(ComputeInput::Flop { flop: 5e25 }), &catalog);
    assert_eq!(model.compute_confidence, Confidence::Entered);
    assert_eq!(crate::view::model_facts(&model), "5 × 10²⁵ FLOP (entered)");
}

#[test]
fn what_a_checked_model_generates_is_what_was_ticked_whatever_its_name() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let named = |name: &str, generates: Vec<Output>| {
        let mut model = input(ComputeInput::Flop { flop: 5e25 });
        model.name = Some(name.to_string());
        model.generates = generates;
        check(&catalog, &model, &scenario).unwrap()
    };
    // A chat model whose name says "Embed" generates text: GPAI, and over
    // 10²⁵ FLOP presumed to have systemic risk.
    let chat = named("Acme Embed Chat", vec![Output::Text]);
    assert_eq!(chat.eu_tier, "GPAI with systemic risk");
    // The same name, ticking only "other" (vectors): narrow.
    let vectors = named("Acme Embed Chat", vec![Output::Other]);
    assert_eq!(vectors.eu_tier, "not GPAI");
    // A catalog embedding model copied keeps its own reading.
    let embedding = catalog
        .models
        .iter()
        .position(|m| {
            m.name
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("embedding"))
                && m.generative == crate::rules::Test::Fail
                && m.base.is_none()
        })
        .expect("the catalog has an embedding model");
    let mut copy = catalog.models[embedding].clone();
    copy.name = format!("{} (copy)", copy.name);
    let report = check_model(&catalog, copy, &scenario);
    let row = crate::evaluate::judge(&catalog, embedding, &scenario);
    assert_eq!(report.current.verdict.eu, row.eu.status);
}

/// The preset rows read the data as the user's scenario does: a scenario
/// that matches a preset (the page's default view is SB 53 style with
/// estimates on) gets the same verdicts in that preset's row as in its own,
/// for a model from scratch and fine-tunes of bases with and without a
/// figure, with estimates and ranges on or off.
#[test]
fn a_preset_the_scenario_matches_reads_as_the_scenario() {
    let catalog = catalog();
    let mut forms = vec![input(ComputeInput::Flop { flop: 3e25 })];
    for (base, finetune) in [
        ("GPT-4o", 5e24),
        ("Llama 3.1-405B", 2e24),
        ("Mistral Large 2", 1e24),
    ] {
        let mut form = input(ComputeInput::Flop { flop: 0.0 });
        form.compute = None;
        form.base_model = Some(base.into());
        form.finetune_flop = Some(finetune);
        forms.push(form);
    }
    let mut compared = 0;
    for preset in presets::all(as_of()) {
        for (estimates, ranges) in [(true, false), (true, true), (false, true)] {
            let mut scenario = preset.scenario.clone();
            scenario.use_estimates = estimates;
            scenario.compute_uncertainty = ranges;
            for form in &forms {
                let report = check(&catalog, form, &scenario).unwrap();
                let row = report.presets.iter().find(|r| r.id == preset.id).unwrap();
                let what = format!(
                    "{:?} under {} with est={estimates} unc={ranges}",
                    form.base_model, preset.id
                );
                assert_eq!(row.us_words, report.current.us_words, "{what}");
                assert_eq!(row.eu_words, report.current.eu_words, "{what}");
                assert_eq!(
                    row.verdict.us_reason, report.current.verdict.us_reason,
                    "{what}"
                );
                assert_eq!(
                    row.verdict.eu_reason, report.current.verdict.eu_reason,
                    "{what}"
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= 60, "{compared}");
}

/// A field's message for text that is not a number gives examples of that
/// field's own values (an ECI score is not "6.3e24"), each a good value.
#[test]
fn a_fields_examples_are_its_own_good_values() {
    use super::input::*;
    for range in [
        &FLOP,
        &PARAMETERS,
        &TOKENS,
        &CHIPS,
        &DAYS,
        &UTILISATION,
        &ECI,
        &CYBENCH,
        &COST,
        &FINETUNE,
    ] {
        for example in range.example.split(" or ") {
            let value = form::parse_number(example)
                .unwrap_or_else(|| panic!("{}: {example:?} does not parse", range.field));
            assert!(
                (range.min..=range.max).contains(&value),
                "{}: {example:?} is out of its range",
                range.field
            );
        }
    }
    let form = form::CheckForm {
        flop: "3e25".into(),
        publication_date: "2026-09-01".into(),
        eci: "abc".into(),
        generates: vec!["text".into()],
        ..Default::default()
    };
    let errors = form.parse(&catalog()).unwrap_err();
    let eci = errors.iter().find(|e| e.field == "eci").unwrap();
    assert_eq!(
        eci.message,
        "must be a number (such as 150 or 142.5), got \"abc\""
    );
}

/// Testers' finds. A fine-tune of Llama 2-7B (8.4e22 FLOP on its own row),
/// a GPAI model since Meta's own Llama Guard, with 2e22 of its own (less
/// than a third): not a new model, not a GPAI model judged on its own.
#[test]
fn a_small_fine_tune_of_a_model_made_gpai_by_its_provider_is_not_a_new_model() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let fine_tune = fine_tune_of("Llama 2-7B", 2e22);
    let report = check(&catalog, &fine_tune, &scenario).unwrap();
    let d = report.derivative.expect("a fine-tune");
    assert_eq!(d.eu_new_model, Some(Test::Fail), "{}", d.eu_words);
    assert_eq!(
        report.current.verdict.eu,
        crate::rules::eu::EuStatus::NotNewModel,
        "{}",
        d.eu_words
    );
    assert!(!d.eu_words.contains("not a GPAI model"), "{}", d.eu_words);
}

#[test]
fn a_fine_tune_dated_before_its_base_says_so_beside_the_date() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let mut fine_tune = fine_tune_of("DeepSeek-V4-Pro", 5e24);
    fine_tune.publication_date = IsoDate::parse("2024-01-01").unwrap();
    let report = check(&catalog, &fine_tune, &scenario).unwrap();
    let note = report
        .notes
        .iter()
        .find(|n| n.field == "publication_date")
        .expect("a note beside the date");
    assert!(
        note.message
            .contains("before its base model: DeepSeek-V4-Pro was published on 2026-04-24, so the rules read the fine-tune as published then"),
        "{}",
        note.message
    );
    // Read at the base's date: not placed on the market before 2 Aug 2025
    // (the history a tester saw read as grandfathered to 2027).
    let timing = report.current.verdict.eu_timing.unwrap_or_default();
    assert!(!timing.contains("2027"), "{timing}");
    assert_eq!(report.current.verdict.publication_date, "2026-04-24");
    // On the base's own date there is nothing to say.
    fine_tune.publication_date = IsoDate::parse("2026-04-24").unwrap();
    let report = check(&catalog, &fine_tune, &scenario).unwrap();
    assert!(
        report.notes.iter().all(|n| n.field != "publication_date"),
        "{:?}",
        report.notes
    );
}

/// The second reader's find (D): a fine-tune dated after the as-of date is
/// read against its base as of that date, and the words give that date.
#[test]
fn a_fine_tune_after_the_as_of_date_reads_its_base_then_and_says_when() {
    let catalog = catalog();
    let mut scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    scenario.as_of = IsoDate::parse("2023-10-01").unwrap();
    let mut fine_tune = fine_tune_of("Llama 2-7B", 2e22);
    fine_tune.publication_date = IsoDate::parse("2024-06-01").unwrap();
    let report = check(&catalog, &fine_tune, &scenario).unwrap();
    let d = report.derivative.expect("a fine-tune");
    assert!(
        d.eu_words.contains(
            "Llama 2-7B was not a GPAI model on 2023-10-01 (the as-of date, before the fine-tune's)"
        ),
        "{}",
        d.eu_words
    );
}

/// The second round's find (D): where the original may or may not be a
/// GPAI model, the check's one-third words say so, as the verdict does.
#[test]
fn the_one_third_words_follow_an_undetermined_original() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let fine_tune = fine_tune_of("o3-mini", 1e22);
    let report = check(&catalog, &fine_tune, &scenario).unwrap();
    let d = report.derivative.expect("a fine-tune");
    assert_eq!(
        report.current.verdict.eu,
        crate::rules::eu::EuStatus::Undetermined,
        "{}",
        d.eu_words
    );
    assert!(
        d.eu_words
            .contains("but whether o3-mini is a GPAI model is undetermined, so whether the rule applies cannot be told"),
        "{}",
        d.eu_words
    );
}

/// The third round's find: the as-of note reads the date the rules read,
/// the base's when the fine-tune is dated before it.
#[test]
fn the_as_of_note_reads_the_date_the_rules_read() {
    let catalog = catalog();
    let mut scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    scenario.as_of = IsoDate::parse("2025-01-01").unwrap();
    let mut fine_tune = fine_tune_of("DeepSeek-V4-Pro", 5e24);
    fine_tune.publication_date = IsoDate::parse("2024-01-01").unwrap();
    let report = check(&catalog, &fine_tune, &scenario).unwrap();
    let dates: Vec<&str> = report
        .notes
        .iter()
        .filter(|n| n.field == "publication_date")
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(dates.len(), 2, "{dates:?}");
    assert!(
        dates[0].contains("after your scenario's as-of date (2025-01-01"),
        "{dates:?}"
    );
    assert!(
        dates[1].contains("read the fine-tune as published then"),
        "{dates:?}"
    );
}

/// A model trained on biological sequence data faces the EO 14110 style
/// preset's lower threshold (more than 1e23) once the box is ticked, and
/// the reason names it; unticked, the general 1e26 (a compliance tester's
/// biotech model got a silent "Out" at 5e23).
#[test]
fn a_biological_sequence_model_faces_the_lower_threshold_where_one_is_set() {
    let catalog = catalog();
    let scenario = presets::find("sb53", as_of()).unwrap().scenario;
    let eo = |input: &CheckInput| {
        check(&catalog, input, &scenario)
            .unwrap()
            .presets
            .into_iter()
            .find(|p| p.id == "eo14110")
            .unwrap()
            .verdict
    };
    let mut model = input(ComputeInput::Flop { flop: 5e23 });
    model.generates = vec![Output::Other];
    let general = eo(&model);
    assert_eq!(general.us, crate::rules::us::UsStatus::Out);
    assert!(
        !general.us_reason.contains("biological"),
        "{}",
        general.us_reason
    );
    model.biological = true;
    let biological = eo(&model);
    assert_eq!(
        biological.us,
        crate::rules::us::UsStatus::In,
        "{}",
        biological.us_reason
    );
    assert!(
        biological
            .us_reason
            .contains("threshold for biological-sequence models"),
        "{}",
        biological.us_reason
    );
    // Under that preset, no general threshold matters: the reach says why.
    let eo14110 = presets::find("eo14110", as_of()).unwrap().scenario;
    let report = check(&catalog, &model, &eo14110).unwrap();
    assert!(
        report
            .reach_words
            .contains("your definition's lower threshold for models trained primarily on biological sequence data (more than 1 × 10²³ FLOP) covers it"),
        "{}",
        report.reach_words
    );
    // A definition without the lower threshold reads it as any model.
    let report = check(&catalog, &model, &scenario).unwrap();
    assert_eq!(report.current.verdict.us, crate::rules::us::UsStatus::Out);
    // The EU reads what it generates, not the box: still not GPAI.
    assert_eq!(report.eu_tier, "not GPAI");
}

/// A model the scenario reads as GPAI with systemic risk is told what
/// follows (policy.md: Art. 52's two weeks, no open-source exemption); a
/// GPAI model below the tier is not.
#[test]
fn a_systemic_risk_verdict_says_what_follows() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    let report = check(
        &catalog,
        &input(ComputeInput::Flop { flop: 3e25 }),
        &scenario,
    )
    .unwrap();
    assert_eq!(report.eu_tier, "GPAI with systemic risk");
    let duties = report.eu_duties.expect("duties for a systemic-risk model");
    assert!(duties.contains("within two weeks"), "{duties}");
    assert!(duties.contains("Art. 52"), "{duties}");
    assert!(
        duties.contains("open-source exemption does not apply"),
        "{duties}"
    );
    let report = check(
        &catalog,
        &input(ComputeInput::Flop { flop: 3e24 }),
        &scenario,
    )
    .unwrap();
    assert_eq!(report.eu_tier, "GPAI");
    assert_eq!(report.eu_duties, None);
}

/// A training cost entered is read by the cost tests (RAISE style: over
/// $100M); without one, a model over the compute threshold is undetermined
/// there, as a catalog row with no cost is; a bad one is refused beside
/// its field.
#[test]
fn a_training_cost_entered_decides_the_cost_tests() {
    let catalog = catalog();
    let scenario = presets::find("raise", as_of()).unwrap().scenario;
    let mut model = input(ComputeInput::Flop { flop: 2e26 });
    let status = |m: &CheckInput| check(&catalog, m, &scenario).unwrap().current.verdict.us;
    use crate::rules::us::UsStatus;
    assert_eq!(status(&model), UsStatus::Undetermined);
    model.cost_usd = Some(2e8);
    assert_eq!(status(&model), UsStatus::In);
    model.cost_usd = Some(5e7);
    assert_eq!(status(&model), UsStatus::Out);
    // A fine-tune's cost is its total, its base's included, as its
    // compute is (Llama 3.1-405B: $52.9M in Epoch's data; 7e25 of its own
    // takes it over 1e26): $120M in total is over $100M, $60M is not.
    let mut tune = fine_tune_of("Llama 3.1-405B", 7e25);
    tune.cost_usd = Some(1.2e8);
    assert_eq!(status(&tune), UsStatus::In);
    tune.cost_usd = Some(6e7);
    assert_eq!(status(&tune), UsStatus::Out);
    let form = form::CheckForm {
        flop: "2e26".into(),
        publication_date: "2026-09-01".into(),
        cost_usd: "150M".into(),
        generates: vec!["text".into()],
        ..Default::default()
    };
    assert_eq!(form.parse(&catalog).unwrap().cost_usd, Some(1.5e8));
    // Dollars as people write them (a compliance tester's "$150M" was refused).
    for written in [
        "$150M",
        "US$150M",
        "USD 150M",
        "150M USD",
        "$150m",
        "150 million",
        "$150 Million",
        "150 million dollars",
        "150 million US dollars",
        "0.15 billion",
        "$150,000,000",
        "150M US dollars",
    ] {
        let form = form::CheckForm {
            cost_usd: written.into(),
            ..form.clone()
        };
        assert_eq!(
            form.parse(&catalog).unwrap().cost_usd,
            Some(1.5e8),
            "{written}"
        );
    }
    let form = form::CheckForm {
        cost_usd: "-5".into(),
        ..form
    };
    let errors = form.parse(&catalog).unwrap_err();
    let cost = errors.iter().find(|e| e.field == "cost_usd").unwrap();
    assert!(cost.message.contains("US dollars"), "{}", cost.message);
    // Refused as typed, and quoted so; nothing read from a sign alone.
    for typed in ["$-5", "5 bn bn", "million", "$", "€150"] {
        let form = form::CheckForm {
            cost_usd: typed.into(),
            ..form.clone()
        };
        let errors = form.parse(&catalog).unwrap_err();
        let cost = errors.iter().find(|e| e.field == "cost_usd").unwrap();
        assert!(cost.message.contains(typed), "{typed}: {}", cost.message);
    }
}

/// In the systemic-risk tier by the designation what-if, a model is not
/// told to notify "on meeting the threshold" (second reader): the
/// Commission designates it; on an estimate, the duties are a condition.
#[test]
fn a_designated_model_is_not_told_to_notify_and_an_estimate_is_a_condition() {
    let catalog = catalog();
    let mut scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    scenario.eu.designation_eci = Some(120.0);
    let mut model = input(ComputeInput::Flop { flop: 5e24 });
    model.eci = Some(150.0);
    let report = check(&catalog, &model, &scenario).unwrap();
    assert_eq!(report.eu_tier, "GPAI with systemic risk");
    let duties = report.eu_duties.unwrap();
    assert!(duties.contains("by the designation what-if"), "{duties}");
    assert!(!duties.contains("two weeks"), "{duties}");
    assert!(
        duties.contains("open-source exemption does not apply"),
        "{duties}"
    );
}

/// The reach names the biological-sequence threshold only where the
/// compute test passes on it: a fine-tune whose share is not substantial,
/// in by its ECI score, is not covered by that threshold (second reader).
#[test]
fn the_reach_names_the_biology_threshold_only_where_it_decides() {
    use crate::scenario::{
        CapabilityMetric, CapabilityThreshold, Combine, DerivativeRule, Unscored,
    };
    let catalog = catalog();
    let mut scenario = presets::find("sb53", as_of()).unwrap().scenario;
    scenario.us.compute_threshold_flop = 1e25;
    scenario.us.biology_threshold_flop = Some(1e23);
    scenario.us.capability = Some(CapabilityThreshold {
        metric: CapabilityMetric::Eci,
        threshold: 100.0,
        unscored: Unscored::Below,
    });
    scenario.us.combine = Combine::Either;
    scenario.us.derivatives = DerivativeRule::SubstantialModification {
        fraction: 1.0 / 3.0,
    };
    let mut tune = fine_tune_of("Llama 3.1-405B", 1e22);
    tune.biological = true;
    tune.eci = Some(150.0);
    let report = check(&catalog, &tune, &scenario).unwrap();
    assert_eq!(report.reach, Reach::Always);
    assert!(
        !report.reach_words.contains("biological"),
        "{}",
        report.reach_words
    );
    // A model from scratch over the lower threshold is covered by it.
    let mut model = input(ComputeInput::Flop { flop: 5e23 });
    model.biological = true;
    let report = check(&catalog, &model, &scenario).unwrap();
    assert!(
        report.reach_words.contains("biological sequence data"),
        "{}",
        report.reach_words
    );
}

/// Third reader's finds. In the tier by the presumption through a lower
/// bound (a same-developer fine-tune of GPT-4V: "cumulative at least
/// 2.1 × 10²⁵ FLOP"), the duties say notify, not designation; the reach
/// names the biological-sequence threshold for a derivative that inherits
/// and is covered on its own figures by it.
#[test]
fn duties_and_reach_follow_what_decides() {
    let catalog = catalog();
    let scenario = presets::find("eu-ai-act", as_of()).unwrap().scenario;
    assert_eq!(scenario.eu.designation_eci, None);
    let mut tune = fine_tune_of("GPT-4V", 1e22);
    tune.same_developer = true;
    let report = check(&catalog, &tune, &scenario).unwrap();
    assert_eq!(report.eu_tier, "GPAI with systemic risk");
    let duties = report.eu_duties.unwrap();
    assert!(duties.contains("two weeks"), "{duties}");
    assert!(!duties.contains("designation"), "{duties}");

    let mut eo14110 = presets::find("eo14110", as_of()).unwrap().scenario;
    eo14110.us.derivatives = crate::scenario::DerivativeRule::Inherit;
    let mut bio = fine_tune_of("Llama 3.1-405B", 1e22);
    bio.biological = true;
    let report = check(&catalog, &bio, &eo14110).unwrap();
    assert_eq!(report.reach, Reach::Always);
    assert!(
        report.reach_words.contains("biological sequence data"),
        "{}",
        report.reach_words
    );
}
