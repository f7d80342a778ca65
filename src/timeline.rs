//! How many models and developers each regime covers, quarter by quarter
//! from 2020 to the as-of date, under one scenario: the scenario evaluated
//! with [`evaluate`] at each quarter's end, so every count is the
//! headline's own, with its range.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::date::IsoDate;
use crate::evaluate::{evaluate, RegimeCounts};
use crate::scenario::Scenario;
use crate::settings::policy;

/// The first year of the timeline.
pub const FIRST_YEAR: i32 = 2020;

/// The counts at one date.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// The quarter's last day (or the as-of date, for the last point).
    pub date: IsoDate,
    /// The US definition's reach at that date, with its range.
    pub us: RegimeCounts,
    /// The compared EU tier's reach at that date, with its range.
    pub eu: RegimeCounts,
}

/// A date to mark on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Marker {
    /// The date.
    pub date: IsoDate,
    /// What happens then.
    pub label: &'static str,
}

/// The timeline of one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// One point per quarter, then the as-of date.
    pub points: Vec<TimelinePoint>,
    /// The EU dates within the timeline.
    pub markers: Vec<Marker>,
}

/// The last day of each quarter from [`FIRST_YEAR`] before `as_of`, then `as_of`.
pub fn quarter_ends(as_of: IsoDate) -> Vec<IsoDate> {
    let mut dates = Vec::new();
    for year in FIRST_YEAR..=as_of.year() {
        for (month, day) in [(3, 31), (6, 30), (9, 30), (12, 31)] {
            match IsoDate::ymd(year, month, day) {
                Some(date) if date < as_of => dates.push(date),
                _ => {}
            }
        }
    }
    dates.push(as_of);
    dates
}

/// The scenario's counts at each quarter's end from 2020 to its as-of date.
pub fn timeline(catalog: &Catalog, scenario: &Scenario) -> Timeline {
    let points = quarter_ends(scenario.as_of)
        .into_iter()
        .map(|date| {
            let mut at = scenario.clone();
            at.as_of = date;
            let summary = evaluate(catalog, &at).summary;
            TimelinePoint {
                date,
                us: summary.us,
                eu: summary.eu,
            }
        })
        .collect();
    let markers = [
        (
            policy::EU_OBLIGATIONS_DATE,
            "EU GPAI obligations apply (2 Aug 2025)",
        ),
        (policy::EU_FINES_DATE, "EU fines enforceable (2 Aug 2026)"),
    ]
    .into_iter()
    .filter(|(date, _)| *date <= scenario.as_of)
    .map(|(date, label)| Marker { date, label })
    .collect();
    Timeline { points, markers }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn quarters_run_from_2020_to_the_as_of_date() {
        let as_of = IsoDate::parse("2026-11-26").unwrap();
        let dates = quarter_ends(as_of);
        assert_eq!(dates[0].to_string(), "2020-03-31");
        // 2020 to 2025: 24 quarters; 2026: three before 26 Nov; then the date.
        assert_eq!(dates.len(), 24 + 3 + 1);
        assert_eq!(dates[dates.len() - 2].to_string(), "2026-09-30");
        assert_eq!(*dates.last().unwrap(), as_of);
        assert!(dates.windows(2).all(|w| w[0] < w[1]));
        // A quarter's end that is the as-of date appears once.
        let end = IsoDate::parse("2025-12-31").unwrap();
        assert_eq!(quarter_ends(end).iter().filter(|d| **d == end).count(), 1);
    }

    #[test]
    fn each_point_is_the_evaluation_at_its_date_and_counts_only_grow() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::default_view(IsoDate::parse("2026-11-26").unwrap()).unwrap();
        let t = timeline(&catalog, &scenario);
        let last = t.points.last().unwrap();
        assert_eq!(last.us, evaluate(&catalog, &scenario).summary.us);
        let mid = &t.points[10];
        let mut at = scenario.clone();
        at.as_of = mid.date;
        assert_eq!(mid.eu, evaluate(&catalog, &at).summary.eu);
        // Exact figures never leave: without estimates, counts only grow.
        let mut exact = scenario.clone();
        exact.use_estimates = false;
        let t = timeline(&catalog, &exact);
        assert!(t
            .points
            .windows(2)
            .all(|w| w[0].us.models_in <= w[1].us.models_in));
        assert!(last.us.models_low <= last.us.models_in);
        assert!(last.us.models_in <= last.us.models_high);
        assert_eq!(t.markers.len(), 2);
        assert!(t.points[0].us.models_in < last.us.models_high);
    }
}
