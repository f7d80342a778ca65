//! The embed's slimmed dataset (`slim.rs`) gives the same verdicts,
//! reasons and texts as the full one. (Its `generative` column is checked
//! against the library's reading of the CSV in `catalog::tests`.)

use super::slim::embed_field;
use super::{compact, Catalog, MODELS_COMPACT};
use crate::date::IsoDate;
use crate::evaluate::evaluate;
use crate::{labs, presentation, presets, timeline, view};

/// The embedded catalog with every field as the embed's build writes it.
fn slimmed() -> Catalog {
    let mut rows = compact::rows(MODELS_COMPACT).unwrap();
    for (row, _) in &mut rows {
        for (column, field) in [
            ("link", &mut row.link),
            ("country", &mut row.country),
            ("accessibility", &mut row.accessibility),
            ("sources", &mut row.sources),
            ("task", &mut row.task),
        ] {
            *field = embed_field(column, field).to_string();
        }
    }
    Catalog::from_rows(rows).unwrap()
}

#[test]
fn slimming_changes_the_data_it_says_it_changes() {
    let full = Catalog::embedded().unwrap();
    let slim = slimmed();
    let changed = |f: fn(&super::Model) -> &String| {
        full.models
            .iter()
            .zip(&slim.models)
            .filter(|(a, b)| f(a) != f(b))
            .count()
    };
    assert!(changed(|m| &m.link) > 100);
    assert!(changed(|m| &m.country) > 100);
    assert!(changed(|m| &m.accessibility) > 100);
    assert!(changed(|m| &m.sources) > 100);
    assert!(changed(|m| &m.task) > 100);
    assert!(slim.models.iter().all(|m| m.link.is_empty()));
    for (a, b) in full.models.iter().zip(&slim.models) {
        assert_eq!(a.unreleased(), b.unreleased(), "{}", a.name);
        assert_eq!(a.generative, b.generative, "{}", a.name);
        assert_eq!(view::model_facts(a), view::model_facts(b));
    }
}

#[test]
fn the_embed_dataset_gives_every_verdict_reason_and_text_unchanged() {
    let full = Catalog::embedded().unwrap();
    let slim = slimmed();
    for date in ["2024-06-30", "2026-06-02"] {
        let as_of = IsoDate::parse(date).unwrap();
        for preset in presets::all(as_of) {
            for (estimates, uncertainty) in [(false, false), (true, true)] {
                let mut scenario = preset.scenario.clone();
                scenario.use_estimates = estimates;
                scenario.compute_uncertainty = uncertainty;
                let a = evaluate(&full, &scenario);
                let b = evaluate(&slim, &scenario);
                assert_eq!(a, b, "{} {date}", preset.id);
                assert_eq!(
                    view::AssessmentView::new(&full, &a, &scenario),
                    view::AssessmentView::new(&slim, &b, &scenario)
                );
                assert_eq!(
                    labs::labs(&full, &a.verdicts),
                    labs::labs(&slim, &b.verdicts)
                );
                assert_eq!(
                    timeline::timeline(&full, &scenario),
                    timeline::timeline(&slim, &scenario)
                );
                for v in &a.verdicts {
                    assert_eq!(
                        presentation::model_details(&full, &a, &scenario, v.model),
                        presentation::model_details(&slim, &b, &scenario, v.model)
                    );
                }
            }
        }
    }
}
