//! The sensitivity curve: how many models and developers the candidate US
//! definition covers as its compute threshold moves, everything else fixed.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::evaluate::{published_by, Judges, RegimeTally};
use crate::scenario::Scenario;

/// The US definition's reach at one compute threshold.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SweepPoint {
    /// The compute threshold in FLOP.
    pub threshold_flop: f64,
    /// Models in the US definition, at the estimates' centres.
    pub models_in: usize,
    /// Models in at every reading of the estimates (the band's lower edge).
    pub models_low: usize,
    /// Models in at some reading (the band's upper edge).
    pub models_high: usize,
    /// Lead developers with at least one model in, at the centres.
    pub developers_in: usize,
    /// Lead developers with a model in at every reading.
    pub developers_low: usize,
    /// Lead developers with a model in at some reading.
    pub developers_high: usize,
    /// Models whose US verdict the public data cannot decide.
    pub models_undetermined: usize,
}

/// Most points a sweep computes (a curve needs far fewer).
pub const MAX_STEPS: usize = 1001;

/// The US verdicts of every model published by `scenario.as_of`, read at
/// every reading of the estimates (counts as ranges, as the headline's), at `steps`
/// compute thresholds evenly spaced in log scale from 10^`low_exp` to
/// 10^`high_exp` FLOP inclusive. Only the compute threshold moves: the
/// capability, cost and derivative tests stay the scenario's.
///
/// Thresholds are rounded to four significant digits, as in a shared link,
/// so the point at 10²⁶ uses exactly `1e26`.
pub fn us_threshold_sweep(
    catalog: &Catalog,
    scenario: &Scenario,
    low_exp: f64,
    high_exp: f64,
    steps: usize,
) -> Vec<SweepPoint> {
    let mut scenario = scenario.clone();
    let published: Vec<usize> = published_by(catalog, scenario.as_of).collect();
    let mut tally = RegimeTally::new(catalog.developers.len());
    let steps = steps.min(MAX_STEPS);
    let mut points = Vec::with_capacity(steps);
    for step in 0..steps {
        let exp = if steps == 1 {
            low_exp
        } else {
            low_exp + (high_exp - low_exp) * step as f64 / (steps - 1) as f64
        };
        let threshold_flop = round_to_four_digits(10f64.powf(exp));
        scenario.us.compute_threshold_flop = threshold_flop;
        tally.reset();
        let judges = Judges::new(catalog, &scenario);
        for &index in &published {
            tally.add(catalog.models[index].developer_id, judges.us(index).1);
        }
        let counts = tally.counts();
        points.push(SweepPoint {
            threshold_flop,
            models_in: counts.models_in,
            models_low: counts.models_low,
            models_high: counts.models_high,
            developers_in: counts.developers_in,
            developers_low: counts.developers_low,
            developers_high: counts.developers_high,
            models_undetermined: counts.models_undetermined,
        });
    }
    points
}

/// 10²⁵.5 is 3.1622776...e25; written in a link it is 3.162e25.
fn round_to_four_digits(value: f64) -> f64 {
    format!("{value:.3e}").parse().unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};
    use crate::rules::us::UsStatus;

    fn setup(id: &str) -> (Catalog, Scenario) {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find(id, DEFAULT_AS_OF).unwrap().scenario;
        (catalog, scenario)
    }

    #[test]
    fn coverage_shrinks_as_the_threshold_rises() {
        for id in ["eu-ai-act", "sb53", "raise", "sb1047", "broad", "narrow"] {
            let (catalog, scenario) = setup(id);
            let points = us_threshold_sweep(&catalog, &scenario, 22.0, 28.0, 25);
            assert_eq!(points.len(), 25);
            assert_eq!(points[0].threshold_flop, 1e22);
            assert_eq!(points[24].threshold_flop, 1e28);
            for pair in points.windows(2) {
                assert!(pair[0].threshold_flop < pair[1].threshold_flop);
                assert!(pair[0].models_in >= pair[1].models_in, "{id}: {pair:?}");
                assert!(pair[0].developers_in >= pair[1].developers_in, "{id}");
                assert!(pair[0].developers_in <= pair[0].models_in, "{id}");
            }
        }
        let (catalog, scenario) = setup("sb53");
        let points = us_threshold_sweep(&catalog, &scenario, 22.0, 28.0, 25);
        assert!(points[0].models_in > points[24].models_in);
    }

    #[test]
    fn the_scenarios_own_threshold_matches_the_assessment() {
        for id in ["eu-ai-act", "sb53", "raise", "sb1047", "broad", "narrow"] {
            let (catalog, scenario) = setup(id);
            let exp = scenario.us.compute_threshold_flop.log10().round();
            // 23, 23.5, ... 27: the scenario's 1e25 or 1e26 is a step.
            let points = us_threshold_sweep(&catalog, &scenario, 23.0, 27.0, 9);
            let point = points
                .iter()
                .find(|p| p.threshold_flop == scenario.us.compute_threshold_flop)
                .unwrap_or_else(|| panic!("{id}: no step at 10^{exp}"));
            let assessment = evaluate(&catalog, &scenario);
            let status_count = |status: UsStatus| {
                assessment
                    .verdicts
                    .iter()
                    .filter(|v| v.us.status == status)
                    .count()
            };
            assert_eq!(point.models_in, status_count(UsStatus::In), "{id}");
            // Undetermined as the summary counts it: in at no reading, and
            // undecided at some (a preset reading Epoch's uncertainty can
            // have a centrally undetermined model in at its high end).
            assert_eq!(
                point.models_undetermined, assessment.summary.us.models_undetermined,
                "{id}"
            );
            let mut developers: Vec<usize> = assessment
                .verdicts
                .iter()
                .filter(|v| v.us.status == UsStatus::In)
                .map(|v| catalog.models[v.model].developer_id)
                .collect();
            developers.sort_unstable();
            developers.dedup();
            assert_eq!(point.developers_in, developers.len(), "{id}");
        }
    }

    #[test]
    fn with_estimates_each_point_is_the_headlines_range() {
        let catalog = Catalog::embedded().unwrap();
        let mut scenario = presets::default_view(DEFAULT_AS_OF).unwrap();
        assert!(scenario.use_estimates);
        let points = us_threshold_sweep(&catalog, &scenario, 24.0, 27.0, 7);
        let mut widened = 0;
        for point in &points {
            scenario.us.compute_threshold_flop = point.threshold_flop;
            let us = evaluate(&catalog, &scenario).summary.us;
            let t = point.threshold_flop;
            assert_eq!(point.models_low, us.models_low, "{t:e}");
            assert_eq!(point.models_in, us.models_in, "{t:e}");
            assert_eq!(point.models_high, us.models_high, "{t:e}");
            assert_eq!(point.developers_low, us.developers_low, "{t:e}");
            assert_eq!(point.developers_in, us.developers_in, "{t:e}");
            assert_eq!(point.developers_high, us.developers_high, "{t:e}");
            assert_eq!(point.models_undetermined, us.models_undetermined, "{t:e}");
            assert!(point.models_low <= point.models_in && point.models_in <= point.models_high);
            widened += usize::from(point.models_low < point.models_high);
        }
        assert!(widened > 0, "estimates on, yet no point has a band");
    }

    #[test]
    fn without_estimates_the_band_is_a_line() {
        let (catalog, scenario) = setup("sb53");
        assert!(!scenario.use_estimates && !scenario.compute_uncertainty);
        for p in us_threshold_sweep(&catalog, &scenario, 22.0, 28.0, 13) {
            assert_eq!((p.models_low, p.models_high), (p.models_in, p.models_in));
            assert_eq!(
                (p.developers_low, p.developers_high),
                (p.developers_in, p.developers_in)
            );
        }
    }

    #[test]
    fn one_step_is_the_low_end_and_no_steps_is_empty() {
        let (catalog, scenario) = setup("sb53");
        let points = us_threshold_sweep(&catalog, &scenario, 26.0, 28.0, 1);
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].threshold_flop, 1e26);
        assert!(points[0].models_in > 0);
        assert!(us_threshold_sweep(&catalog, &scenario, 22.0, 28.0, 0).is_empty());
    }

    #[test]
    fn later_models_are_left_out() {
        let (catalog, mut scenario) = setup("sb53");
        let now = us_threshold_sweep(&catalog, &scenario, 24.0, 24.0, 1)[0];
        scenario.as_of = crate::date::IsoDate::parse("2023-01-01").unwrap();
        let then = us_threshold_sweep(&catalog, &scenario, 24.0, 24.0, 1)[0];
        assert!(then.models_in < now.models_in);
    }
}
