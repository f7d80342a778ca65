use super::*;
use crate::presets;

fn catalog() -> Catalog {
    Catalog::embedded().unwrap()
}

fn scenario(threshold: f64) -> Scenario {
    let mut s = presets::default_view(IsoDate::parse("2026-11-26").unwrap()).unwrap();
    s.us.compute_threshold_flop = threshold;
    s
}

#[test]
fn by_hand_on_one_sample_model() {
    // One model of 1e25 FLOP at 2026.0, growing 10x a year, passes 1e26
    // a year later; one new model a year from 2026.0 gives, by 2028.0,
    // one model-year above the line: 1 expected model, plus 3 observed.
    let sample = Sample {
        points: vec![(2026.0, 25.0)],
        models: 1,
        end: IsoDate::parse("2026-01-01").unwrap(),
    };
    let at = |t| cumulative(&sample, 3, 2026.0, t, 1e26, 10.0, 1.0);
    assert_eq!(at(2026.0), 3.0);
    assert_eq!(at(2027.0), 3.0);
    assert!((at(2028.0) - 4.0).abs() < 1e-12);
    // Twice the rate, twice the new models.
    assert!((cumulative(&sample, 3, 2026.0, 2028.0, 1e26, 10.0, 2.0) - 5.0).abs() < 1e-12);
}

#[test]
fn equal_to_the_observed_counts_at_the_as_of_date() {
    let catalog = catalog();
    for threshold in [1e24, 1e25, 1e26] {
        let s = scenario(threshold);
        let p = project(&catalog, &s, ProjectionSettings::default());
        let now = p.observed.last().unwrap();
        assert_eq!(now.date, s.as_of);
        let at_as_of = us_count_at(
            &catalog,
            &s,
            ProjectionSettings::default(),
            s.as_of.year_fraction(),
            4.5,
        );
        assert_eq!(at_as_of, now.us as f64, "{threshold}");
        // The first projected year starts from them.
        assert!(p.years[0].us.low >= now.us as f64);
        assert!(p.years[0].eu.low >= now.eu as f64);
    }
    // Observed counts are the models from scratch over the line by then.
    let s = scenario(1e25);
    let p = project(&catalog, &s, ProjectionSettings::default());
    assert!(p.observed.last().unwrap().us > 10);
    assert_eq!(p.years.last().unwrap().year, LAST_YEAR);
}

#[test]
fn monotone_in_growth() {
    let catalog = catalog();
    let s = scenario(1e26);
    let settings = ProjectionSettings::default();
    for t in [2027.0, 2029.0, 2031.0] {
        let counts: Vec<f64> = [1.5, 2.0, 3.0, 4.0, 5.0, 8.0]
            .iter()
            .map(|&g| us_count_at(&catalog, &s, settings, t, g))
            .collect();
        assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{t}: {counts:?}");
        assert!(counts[0] < counts[5], "{t}: {counts:?}");
    }
    let p = project(&catalog, &s, settings);
    for y in &p.years {
        assert!(
            y.us.low <= y.us.central && y.us.central <= y.us.high,
            "{y:?}"
        );
        assert!(
            y.eu.low <= y.eu.central && y.eu.central <= y.eu.high,
            "{y:?}"
        );
    }
}

#[test]
fn monotone_in_the_threshold_and_in_time() {
    let catalog = catalog();
    let settings = ProjectionSettings::default();
    let projections: Vec<Projection> = [1e24, 3e24, 1e25, 1e26, 3e26, 1e27, 1e28]
        .iter()
        .map(|&t| project(&catalog, &scenario(t), settings))
        .collect();
    for pair in projections.windows(2) {
        for (lower, higher) in pair[0].years.iter().zip(&pair[1].years) {
            assert!(lower.us.low >= higher.us.low, "{lower:?} {higher:?}");
            assert!(lower.us.high >= higher.us.high, "{lower:?} {higher:?}");
        }
        assert!(pair[0].observed.last().unwrap().us >= pair[1].observed.last().unwrap().us);
    }
    for p in &projections {
        assert!(p
            .years
            .windows(2)
            .all(|w| w[0].us.central <= w[1].us.central));
    }
}

#[test]
fn the_rate_defaults_to_the_reference_year_and_can_be_set() {
    let catalog = catalog();
    let s = scenario(1e26);
    let p = project(&catalog, &s, ProjectionSettings::default());
    assert!(p.reference_year_models > 20, "{}", p.reference_year_models);
    assert_eq!(p.models_per_year, p.reference_year_models as f64);
    assert!(p.sample <= p.reference_year_models);
    let doubled = ProjectionSettings {
        models_per_year: Some(2.0 * p.models_per_year),
        ..ProjectionSettings::default()
    };
    let q = project(&catalog, &s, doubled);
    let (a, b) = (p.years.last().unwrap().us, q.years.last().unwrap().us);
    let now = p.observed.last().unwrap().us as f64;
    assert!(((b.central - now) - 2.0 * (a.central - now)).abs() < 1e-6);
}

#[test]
fn bad_settings_name_their_field() {
    let bad = ProjectionSettings {
        growth_low: 0.5,
        growth_high: f64::NAN,
        models_per_year: Some(0.0),
    };
    let fields: Vec<&str> = bad.errors().iter().map(|e| e.field).collect();
    assert_eq!(fields, ["growth_low", "growth_high", "models_per_year"]);
    let crossed = ProjectionSettings {
        growth_low: 5.0,
        growth_high: 4.0,
        models_per_year: None,
    };
    assert_eq!(crossed.errors()[0].field, "growth_high");
    assert!(ProjectionSettings::default().errors().is_empty());
}
