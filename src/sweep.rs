//! The sensitivity curve: how many models and developers the candidate US
//! definition covers as its compute threshold moves, everything else fixed.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::evaluate::{published_by, RegimeTally, Spread};
use crate::rules::Judge;
use crate::scenario::Scenario;

/// The US definition's reach at one compute threshold.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SweepPoint {
    /// The compute threshold in FLOP.
    pub threshold_flop: f64,
    /// Models in the US definition.
    pub models_in: usize,
    /// Lead developers with at least one model in.
    pub developers_in: usize,
    /// Models whose US verdict the public data cannot decide.
    pub models_undetermined: usize,
}

/// Most points a sweep computes (a curve needs far fewer).
pub const MAX_STEPS: usize = 1001;

/// The US verdicts of every model published by `scenario.as_of`, at `steps`
/// compute thresholds evenly spaced in log scale from 10^`low_exp` to
/// 10^`high_exp` FLOP inclusive. Only the compute threshold moves: the
/// capability, cost and derivative tests stay the scenario's.
///
/// Thresholds are rounded to four significant digits, as in a shared link,
/// so the point at 10^26 uses exactly `1e26`.
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
        let j = Judge::new(catalog, &scenario);
        for &index in &published {
            let status = j.us(index).status;
            tally.add(
                catalog.models[index].developer_id,
                Spread::exact(status.test()),
            );
        }
        let counts = tally.counts();
        points.push(SweepPoint {
            threshold_flop,
            models_in: counts.models_in,
            developers_in: counts.developers_in,
            models_undetermined: counts.models_undetermined,
        });
    }
    points
}

/// 10^25.5 is 3.1622776...e25; written in a link it is 3.162e25.
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
            assert_eq!(
                point.models_undetermined,
                status_count(UsStatus::Undetermined),
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
