//! A projection to 2030: how many models would pass a compute threshold
//! in each year, if new models keep coming at a fixed rate and their
//! training compute keeps growing as frontier compute has (Epoch AI: about
//! 4-5x per year, policy.md).
//!
//! Method. The reference sample is the models trained from scratch that
//! were published in the 12 months up to the as-of date (or up to the
//! data's last model, if that is earlier), with a compute figure: the
//! reported one, or the estimate's centre when the scenario uses
//! estimates. A new model published at time t is drawn from that sample
//! with its compute grown by `growth^(t - its date)`. So sample model i
//! passes threshold T from time `s_i = d_i + log(T / c_i) / log(growth)`
//! on, and the expected number of new models above T from the as-of date
//! t0 to t is `rate / n × Σ max(0, t - max(t0, s_i))`. The cumulative
//! count adds the models already above T at t0. This is a trend
//! extrapolation, not data: it assumes the rate of new models and the
//! shape of the distribution stay as they were.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::date::IsoDate;
use crate::rules::{ComputeFigure, Judge};
use crate::scenario::Scenario;
use crate::settings::policy;

/// The last year projected.
pub const LAST_YEAR: i32 = 2030;

/// Accepted growth, in times per year.
pub const GROWTH_RANGE: (f64, f64) = (1.01, 20.0);

/// Accepted new models a year.
pub const RATE_RANGE: (f64, f64) = (1.0, 10_000.0);

/// What the user sets.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectionSettings {
    /// The band's low end of compute growth, times per year.
    pub growth_low: f64,
    /// The band's high end of compute growth, times per year.
    pub growth_high: f64,
    /// New models a year; `None`: as many as in the reference year.
    #[serde(default)]
    pub models_per_year: Option<f64>,
}

impl Default for ProjectionSettings {
    fn default() -> Self {
        ProjectionSettings {
            growth_low: policy::FRONTIER_GROWTH_LOW,
            growth_high: policy::FRONTIER_GROWTH_HIGH,
            models_per_year: None,
        }
    }
}

impl ProjectionSettings {
    /// Every bad field, named.
    pub fn errors(&self) -> Vec<crate::check::FieldError> {
        let mut errors = Vec::new();
        let mut range = |field: &'static str, value: f64, (min, max): (f64, f64), unit: &str| {
            if !(value.is_finite() && value >= min && value <= max) {
                errors.push(crate::check::FieldError {
                    field,
                    message: format!("must be a number from {min} to {max} {unit}, got {value}"),
                });
            }
        };
        range("growth_low", self.growth_low, GROWTH_RANGE, "× per year");
        range("growth_high", self.growth_high, GROWTH_RANGE, "× per year");
        if let Some(rate) = self.models_per_year {
            range("models_per_year", rate, RATE_RANGE, "models per year");
        }
        if errors.is_empty() && self.growth_low > self.growth_high {
            errors.push(crate::check::FieldError {
                field: "growth_high",
                message: format!(
                    "must be at least the low end ({}× per year), got {}",
                    self.growth_low, self.growth_high
                ),
            });
        }
        errors
    }
}

/// Low, central and high ends of a projected count.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    /// At the low growth.
    pub low: f64,
    /// At the geometric mean of the two growths.
    pub central: f64,
    /// At the high growth.
    pub high: f64,
}

/// One year's cumulative counts, projected.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ProjectedYear {
    /// The year; counts are at its end (at the as-of date for none).
    pub year: i32,
    /// Models above the US compute threshold, cumulative.
    pub us: Band,
    /// Models above the EU systemic-risk threshold, cumulative.
    pub eu: Band,
}

/// One year's observed cumulative counts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ObservedYear {
    /// The date counted at (a year's end, or the as-of date).
    pub date: IsoDate,
    /// Models above the US compute threshold published by then.
    pub us: usize,
    /// Models above the EU threshold published by then.
    pub eu: usize,
}

/// Epoch's published projection, for comparison.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Reference {
    /// The year.
    pub year: i32,
    /// The count.
    pub count: f64,
    /// "about 10", "over 200".
    pub words: &'static str,
    /// The threshold, in FLOP.
    pub threshold_flop: f64,
}

/// The projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projection {
    /// The settings used.
    pub settings: ProjectionSettings,
    /// New models a year used (the setting, or the reference year's count).
    pub models_per_year: f64,
    /// Models trained from scratch in the reference year.
    pub reference_year_models: usize,
    /// Of those, the ones with a compute figure (the sample).
    pub sample: usize,
    /// The reference year's last day.
    pub sample_end: IsoDate,
    /// The US compute threshold, in FLOP.
    pub us_threshold_flop: f64,
    /// The EU systemic-risk threshold, in FLOP.
    pub eu_threshold_flop: f64,
    /// Counts observed at each year's end from 2020, then at the as-of date.
    pub observed: Vec<ObservedYear>,
    /// Projected counts at each year's end from the as-of year to 2030.
    pub years: Vec<ProjectedYear>,
    /// Epoch's published projection (at 1e26 FLOP).
    pub reference: Vec<Reference>,
}

/// Each model trained from scratch with a compute figure under the
/// scenario (reported, or an estimate's centre): (date as a year, FLOP).
fn figures(catalog: &Catalog, scenario: &Scenario) -> Vec<(IsoDate, Option<f64>)> {
    let judge = Judge::new(catalog, scenario);
    catalog
        .models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.base.is_none())
        .map(|(i, m)| {
            let flop = match judge.parts(i).cumulative {
                ComputeFigure::Reported { flop } | ComputeFigure::Uncertain { flop, .. } => {
                    Some(flop)
                }
                ComputeFigure::Estimated { central, .. } => central,
                _ => None,
            };
            (m.publication_date, flop.filter(|f| *f > 0.0))
        })
        .collect()
}

/// The reference sample and the count it came from.
struct Sample {
    points: Vec<(f64, f64)>,
    models: usize,
    end: IsoDate,
}

fn sample(figures: &[(IsoDate, Option<f64>)], end: IsoDate) -> Sample {
    let end_t = end.year_fraction();
    let in_year: Vec<(f64, Option<f64>)> = figures
        .iter()
        .map(|(d, f)| (d.year_fraction(), *f))
        .filter(|(t, _)| *t > end_t - 1.0 && *t <= end_t)
        .collect();
    Sample {
        points: in_year
            .iter()
            .filter_map(|(t, f)| f.map(|f| (*t, f.log10())))
            .collect(),
        models: in_year.len(),
        end,
    }
}

/// Expected cumulative count above `threshold` at time `t` (years).
fn cumulative(
    sample: &Sample,
    observed: usize,
    t0: f64,
    t: f64,
    threshold: f64,
    growth: f64,
    rate: f64,
) -> f64 {
    if sample.points.is_empty() || t <= t0 {
        return observed as f64;
    }
    let (log_t, log_g) = (threshold.log10(), growth.log10());
    let years: f64 = sample
        .points
        .iter()
        .map(|(d, log_c)| {
            let passes_from = d + (log_t - log_c) / log_g;
            (t - passes_from.max(t0)).max(0.0)
        })
        .sum();
    observed as f64 + rate / sample.points.len() as f64 * years
}

/// The projection under `scenario` (its US compute threshold, its EU
/// systemic-risk threshold, its estimates switch and its as-of date).
/// `settings` should have no [`ProjectionSettings::errors`].
pub fn project(catalog: &Catalog, scenario: &Scenario, settings: ProjectionSettings) -> Projection {
    let figures = figures(catalog, scenario);
    let as_of = scenario.as_of;
    let end = as_of.min(catalog.latest_publication);
    let sample = sample(&figures, end);
    let rate = settings
        .models_per_year
        .unwrap_or(sample.models as f64)
        .max(0.0);
    let (us_t, eu_t) = (
        scenario.us.compute_threshold_flop,
        scenario.eu.systemic_threshold_flop,
    );
    let count_at = |date: IsoDate, threshold: f64| {
        figures
            .iter()
            .filter(|(d, f)| *d <= date && f.is_some_and(|f| f > threshold))
            .count()
    };
    let mut observed: Vec<ObservedYear> = (crate::timeline::FIRST_YEAR..as_of.year())
        .filter_map(|y| IsoDate::ymd(y, 12, 31))
        .map(|date| ObservedYear {
            date,
            us: count_at(date, us_t),
            eu: count_at(date, eu_t),
        })
        .collect();
    observed.push(ObservedYear {
        date: as_of,
        us: count_at(as_of, us_t),
        eu: count_at(as_of, eu_t),
    });
    let now = observed[observed.len() - 1];
    let t0 = as_of.year_fraction();
    let central_growth = (settings.growth_low * settings.growth_high).sqrt();
    let band = |t: f64, threshold: f64, observed: usize| {
        let at = |g: f64| cumulative(&sample, observed, t0, t, threshold, g, rate);
        Band {
            low: at(settings.growth_low),
            central: at(central_growth),
            high: at(settings.growth_high),
        }
    };
    let years = (as_of.year()..=LAST_YEAR.max(as_of.year()))
        .map(|year| {
            let t = f64::from(year + 1);
            ProjectedYear {
                year,
                us: band(t, us_t, now.us),
                eu: band(t, eu_t, now.eu),
            }
        })
        .collect();
    Projection {
        settings,
        models_per_year: rate,
        reference_year_models: sample.models,
        sample: sample.points.len(),
        sample_end: sample.end,
        us_threshold_flop: us_t,
        eu_threshold_flop: eu_t,
        observed,
        years,
        reference: policy::EPOCH_PROJECTION_1E26
            .iter()
            .map(|&(year, count, words)| Reference {
                year,
                count,
                words,
                threshold_flop: policy::EPOCH_PROJECTION_FLOP,
            })
            .collect(),
    }
}

/// The cumulative US count at a time `t` (years) between the as-of date
/// and 2031, at one growth: for tests and the chart's curve.
pub fn us_count_at(
    catalog: &Catalog,
    scenario: &Scenario,
    settings: ProjectionSettings,
    t: f64,
    growth: f64,
) -> f64 {
    let figures = figures(catalog, scenario);
    let end = scenario.as_of.min(catalog.latest_publication);
    let sample = sample(&figures, end);
    let rate = settings.models_per_year.unwrap_or(sample.models as f64);
    let threshold = scenario.us.compute_threshold_flop;
    let observed = figures
        .iter()
        .filter(|(d, f)| *d <= scenario.as_of && f.is_some_and(|f| f > threshold))
        .count();
    cumulative(
        &sample,
        observed,
        scenario.as_of.year_fraction(),
        t,
        threshold,
        growth,
        rate,
    )
}

#[cfg(test)]
mod tests;
