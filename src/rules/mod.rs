//! The regime rules. Each rule of policy.md is applied in exactly one
//! function here, with a comment naming its source.

use serde::Serialize;

use crate::catalog::Model;
use crate::format;

mod compute;
pub mod eu;
pub(crate) mod generative;
mod judge;
mod parts;
pub mod us;

pub use compute::{BoundRange, ComputeFigure, RangeShape};
pub use judge::Judge;
use parts::parts_on;
pub use parts::{compute_parts, reads_as_estimate, uncertainty_factor, widens, ComputeParts};

/// A three-valued test result: undisclosed inputs give `Unknown`, never "fails".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// The condition holds.
    Pass,
    /// The condition does not hold.
    Fail,
    /// The data cannot tell.
    Unknown,
}

impl Test {
    /// Kleene conjunction: a failure decides, otherwise unknown spreads.
    pub fn and(self, other: Test) -> Test {
        match (self, other) {
            (Test::Fail, _) | (_, Test::Fail) => Test::Fail,
            (Test::Pass, Test::Pass) => Test::Pass,
            _ => Test::Unknown,
        }
    }

    /// Kleene disjunction: a pass decides, otherwise unknown spreads.
    pub fn or(self, other: Test) -> Test {
        match (self, other) {
            (Test::Pass, _) | (_, Test::Pass) => Test::Pass,
            (Test::Fail, Test::Fail) => Test::Fail,
            _ => Test::Unknown,
        }
    }

    /// `Pass` for true, `Fail` for false.
    pub fn from_bool(value: bool) -> Test {
        if value {
            Test::Pass
        } else {
            Test::Fail
        }
    }

    /// `Pass` for `Some(true)`, `Fail` for `Some(false)`, `Unknown` for
    /// `None` (an answer of `generative::from_fields`, or of the dataset's
    /// `generative` column).
    pub(crate) fn from_generative(value: Option<bool>) -> Test {
        value.map_or(Test::Unknown, Test::from_bool)
    }
}

/// Which end of every range a verdict reads. Counts become ranges by
/// reading every range at its low end, its centre and its high end; the
/// exact reading decides only on reported figures (and on a reported
/// figure's whole range), which tells a verdict from an estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// A range decides only when all of it is on one side; an estimate never.
    Exact,
    /// Every range at its lowest.
    Low,
    /// Every range at its centre (a bound alone decides only past its end).
    Central,
    /// Every range at its highest.
    High,
}

impl Reading {
    /// The readings a count range is made of, in order: low, central, high.
    pub const RANGE: [Reading; 3] = [Reading::Low, Reading::Central, Reading::High];
}

/// What is known of the original model when a downstream modification is
/// judged: its status decides the guidelines' fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginalTier {
    /// The original is a GPAI model with systemic risk.
    SystemicRisk,
    /// The original is a GPAI model without systemic risk.
    Gpai,
    /// Which of the two cannot be told.
    Unknown,
}

/// GPAI guidelines sec. 3.2: a different organisation that modifies a GPAI
/// model becomes the provider of a new model only when the modification
/// uses more than one third (`fraction`) of the original model's training
/// compute. Only when the original's compute cannot be known, the fallback
/// is one third of 1e25 if the original has systemic risk, or of 1e23
/// otherwise (`gpai_flop`, `systemic_flop`: the scenario's EU thresholds,
/// which a delegated act under Art. 51(3) would move). Where the original's
/// tier is itself unknown, the two fallbacks decide only when they agree.
///
/// The one implementation of the share test: the EU rule and the US
/// "substantial modification" rule (policy.md, derivatives table) both call it.
pub fn modification_makes_new_model(
    finetune_flop: Option<f64>,
    (original_flop, original_floor): (Option<f64>, Option<f64>),
    original: OriginalTier,
    fraction: f64,
    (gpai_flop, systemic_flop): (f64, f64),
) -> Test {
    let Some(f) = finetune_flop else {
        return Test::Unknown;
    };
    let more_than = |reference: f64| Test::from_bool(share_exceeds(f, reference, fraction));
    match (original_flop, original) {
        (Some(o), _) => more_than(o),
        // A known lower bound of the original's compute can show the share
        // is not more than the fraction: then nothing needs the fallback.
        (None, _) if original_floor.is_some_and(|floor| !share_exceeds(f, floor, fraction)) => {
            Test::Fail
        }
        (None, OriginalTier::SystemicRisk) => more_than(systemic_flop),
        (None, OriginalTier::Gpai) => more_than(gpai_flop),
        (None, OriginalTier::Unknown) => {
            let (low, high) = (more_than(gpai_flop), more_than(systemic_flop));
            if low == high {
                low
            } else {
                Test::Unknown
            }
        }
    }
}

/// [`modification_makes_new_model`] with the original's compute as a
/// figure, read at `reading`: a range is read at the same end as every
/// other range of that reading (its low end at the low reading, ...), and
/// at the exact reading decides only where both its ends agree, so a share
/// whose line falls inside the original's range is undetermined there (and
/// borderline across readings). A lower bound that is a range
/// ([`ComputeFigure::AtLeastRange`]) bounds the original from below only.
/// The fine-tuning part is a single figure (Epoch's, or the difference of
/// two central figures), the same at every reading.
pub fn modification_at(
    finetune_flop: Option<f64>,
    original: ComputeFigure,
    reading: Reading,
    tier: OriginalTier,
    fraction: f64,
    thresholds: (f64, f64),
) -> Test {
    let test = |known: (Option<f64>, Option<f64>)| {
        modification_makes_new_model(finetune_flop, known, tier, fraction, thresholds)
    };
    let at = |r: Reading| {
        let end = original.end_at(r);
        match original {
            ComputeFigure::Uncertain { .. } => (end, end),
            _ => (None, end),
        }
    };
    match (original, reading) {
        // A range read as an estimate never decides on reported figures.
        (
            ComputeFigure::Uncertain { estimate: true, .. }
            | ComputeFigure::AtLeastRange { estimate: true, .. },
            Reading::Exact,
        ) => Test::Unknown,
        (ComputeFigure::Uncertain { .. } | ComputeFigure::AtLeastRange { .. }, Reading::Exact) => {
            let (low, high) = (test(at(Reading::Low)), test(at(Reading::High)));
            if low == high {
                low
            } else {
                Test::Unknown
            }
        }
        (ComputeFigure::Uncertain { .. } | ComputeFigure::AtLeastRange { .. }, r) => test(at(r)),
        _ => test((original.reported(), original.floor())),
    }
}

/// What a share test reads besides the figures: the original's tier (for
/// the fallback), the fraction, and the EU's GPAI and systemic-risk
/// thresholds (the fallback's references).
pub type ShareRule = (OriginalTier, f64, (f64, f64));

/// A share test (the EU's one-third rule, the US substantial modification)
/// at `reading`: its outcome ([`modification_at`]) and the bound that
/// decided it, where one did ([`bound_deciding`]).
pub fn share_test(
    finetune_flop: Option<f64>,
    original: ComputeFigure,
    reading: Reading,
    rule: ShareRule,
) -> (Test, Option<DecidingBound>) {
    let (tier, fraction, thresholds) = rule;
    let outcome = modification_at(finetune_flop, original, reading, tier, fraction, thresholds);
    let bound = bound_deciding(finetune_flop, original, reading, rule, outcome);
    (outcome, bound)
}

/// A lower bound of an undisclosed original's compute that decided a
/// share test (see [`bound_deciding`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DecidingBound {
    /// The bound, in FLOP.
    pub flop: f64,
    /// Whether it is the centre of a range of bounds (the base's figure
    /// read as a range: at least that range, end for end), rather than
    /// what the data shows outright; the range's ends are read too.
    pub range_centre: bool,
}

/// The original's lower bound that decided a share test the fallback
/// alone would have decided otherwise: where the original's compute is
/// undisclosed, a bound the data gives (its base's compute, a range's end
/// at `reading`) can show the share is not more than the fraction before
/// any fallback (`modification_makes_new_model`). `None` where a figure,
/// or the fallback, decided; only a "not more" outcome is ever a bound's.
pub fn bound_deciding(
    finetune_flop: Option<f64>,
    original: ComputeFigure,
    reading: Reading,
    (tier, fraction, thresholds): ShareRule,
    outcome: Test,
) -> Option<DecidingBound> {
    let range_centre = matches!(original, ComputeFigure::AtLeastRange { .. });
    let bound = if range_centre {
        original.end_at(reading)
    } else {
        original.floor()
    };
    let fallback_alone =
        modification_makes_new_model(finetune_flop, (None, None), tier, fraction, thresholds);
    bound
        .filter(|_| {
            original.reported().is_none() && outcome == Test::Fail && fallback_alone != outcome
        })
        .map(|flop| DecidingBound { flop, range_centre })
}

/// The fine-tuning `finetune_flop` (FLOP) as a fallback sentence prints
/// it: on the right side of the fallback line that decides for an original
/// of `tier` (both lines where the tier cannot be told), and, where it is
/// that line to within the rules' tolerance (which rounded digits cannot
/// show), saying it is exactly the fraction and so not more.
pub fn fallback_figure(
    finetune_flop: f64,
    tier: OriginalTier,
    fraction: f64,
    (gpai_flop, systemic_flop): (f64, f64),
) -> String {
    let thresholds: &[f64] = match tier {
        OriginalTier::SystemicRisk => &[systemic_flop],
        OriginalTier::Gpai => &[gpai_flop],
        OriginalTier::Unknown => &[gpai_flop, systemic_flop],
    };
    let lines: Vec<f64> = thresholds.iter().map(|t| fraction * t).collect();
    let mut words = format::flop_beside(finetune_flop, &lines);
    if let Some(t) = thresholds
        .iter()
        .find(|t| share_on_the_line(finetune_flop, **t, fraction))
    {
        words.push_str(&format!(
            " (exactly {} of {}, which is not more)",
            format::fraction_words(fraction),
            format::flop(*t)
        ));
    }
    words
}

/// "X's compute is undisclosed, but it used at least 2.1 × 10²⁵ FLOP (what
/// the data shows), so the fine-tune's 3.4 × 10²⁴ FLOP is compared with
/// that before any fallback": the words of a bound that decided a share
/// test, for the original `name` and the fine-tuning's `subject` ("the
/// fine-tune's", "its"); a range's centre is called so. Each figure is
/// printed on the right side of the other's line.
pub fn bound_words(
    name: &str,
    bound: DecidingBound,
    finetune_flop: f64,
    fraction: f64,
    subject: &str,
) -> String {
    let b = format::flop_beside(bound.flop, &[finetune_flop / fraction]);
    let mut f = format::flop_beside(finetune_flop, &[bound.flop * fraction]);
    if share_on_the_line(finetune_flop, bound.flop, fraction) {
        f.push_str(&format!(
            " (exactly {} of it, which is not more)",
            format::fraction_words(fraction)
        ));
    }
    if bound.range_centre {
        format!(
            "{name}'s compute is undisclosed; at the centre of the range its base gives it, it used at least {b}, so {subject} {f} is compared with that before any fallback (the range's ends are read too)"
        )
    } else {
        format!(
            "{name}'s compute is undisclosed, but it used at least {b} (what the data shows), so {subject} {f} is compared with that before any fallback"
        )
    }
}

/// The low and high ends of an original's figure that is a range, for the
/// words of a share test read at its centre.
pub fn range_of(figure: ComputeFigure) -> Option<(f64, f64)> {
    match figure {
        ComputeFigure::Uncertain { low, high, .. } => Some((low, high)),
        _ => None,
    }
}

/// " at its figure (0.2 × to 6 × across its range, from 10²⁴ to 3 × 10²⁵
/// FLOP)": what a share read at the centre of a range would be at its ends.
pub fn share_range_words(finetune_flop: f64, range: Option<(f64, f64)>) -> String {
    match range {
        Some((low, high)) if low > 0.0 => format!(
            " at its figure ({} to {} across its range, from {} to {})",
            format::times(finetune_flop / high),
            format::times(finetune_flop / low),
            format::sci(low),
            format::flop(high)
        ),
        _ => String::new(),
    }
}

/// Whether `part` is *more than* `fraction` of `whole`. Exactly one third
/// is not more than one third, though `(1.0 / 3.0) * 3e25` rounds below
/// 1e25: shares within a relative 1e-9 of the line count as on it.
fn share_exceeds(part: f64, whole: f64, fraction: f64) -> bool {
    part > fraction * whole * (1.0 + ON_THE_LINE)
}

/// How near (relatively) a share may be to its line and count as on it.
pub(crate) const ON_THE_LINE: f64 = 1e-9;

/// Whether `part` is `fraction` of `whole` to within [`ON_THE_LINE`]:
/// figures rounded for print cannot show it, so words must.
pub(crate) fn share_on_the_line(part: f64, whole: f64, fraction: f64) -> bool {
    (part / (fraction * whole) - 1.0).abs() <= ON_THE_LINE
}

/// Comparison sign for a "more than" test and its outcome.
pub(crate) fn more_than_sign(outcome: Test) -> &'static str {
    match outcome {
        Test::Pass => ">",
        Test::Fail => "≤",
        Test::Unknown => "vs",
    }
}

/// Why two models count as one provider's (GPAI guidelines sec. 2.2: a
/// provider's own later fine-tunes are part of its model's lifecycle).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "organisation", rename_all = "snake_case")]
pub enum SameProvider {
    /// The same lead developer (organisation names are normalised through
    /// `data/developers.csv`, so aliases of one developer match).
    LeadDeveloper,
    /// Epoch lists this organisation for both models (policy.md, "Counting
    /// models": Epoch often lists several organisations for one model).
    SharedOrganisation(String),
}

impl SameProvider {
    /// "the same developer" / "shares an organisation (Meta)".
    pub fn describe(&self) -> String {
        match self {
            SameProvider::LeadDeveloper => "the same developer".to_string(),
            SameProvider::SharedOrganisation(org) => {
                format!("Epoch's listing shares an organisation with it: {org}")
            }
        }
    }
}

/// Whether two models come from the same provider, and why: the same lead
/// developer, or an organisation that Epoch lists for both.
pub fn same_provider(a: &Model, b: &Model) -> Option<SameProvider> {
    if a.developer == b.developer {
        return Some(SameProvider::LeadDeveloper);
    }
    a.organisations()
        .find(|org| b.organisations().any(|other| other == *org))
        .map(|org| SameProvider::SharedOrganisation(org.to_string()))
}

/// How a row joins the lifecycle of an earlier model of the same provider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LifecycleLink {
    /// The provider's own fine-tune of its base model.
    FineTune {
        /// Why the two count as one provider's.
        provider: SameProvider,
    },
    /// A dated version ("GPT-4o (Aug 2024)") of a model the provider first
    /// released under the same name.
    Version,
}

/// The name of a model without a trailing date: "GPT-4o (Aug 2024)" and
/// "GLM-4 (0116)" give "GPT-4o" and "GLM-4"; "Qwen2.5-Coder (7B)" is a size,
/// not a version, and gives `None`.
pub fn version_stem(name: &str) -> Option<&str> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let (stem, rest) = name.rsplit_once(" (")?;
    let inner = rest.strip_suffix(')')?;
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    // "Aug 2024" or "October 2024": a month's name or its first three letters.
    let month_year = inner.split_once(' ').is_some_and(|(month, year)| {
        let month = month.to_ascii_lowercase();
        year.len() == 4
            && digits(year)
            && MONTHS
                .iter()
                .any(|m| *m == month || (month.len() == 3 && m.starts_with(&month)))
    });
    // "0116": a month and a day, as GLM-4's versions are named.
    let month_day = inner.len() == 4
        && digits(inner)
        && matches!(inner[..2].parse::<u8>(), Ok(1..=12))
        && matches!(inner[2..].parse::<u8>(), Ok(1..=31));
    (month_year || month_day).then_some(stem)
}

/// Each model's link into an earlier model's lifecycle, and the model that
/// starts its lifecycle (guidelines sec. 2.2; policy.md "Counting models"):
/// - a fine-tune whose provider is its base's (see [`same_provider`])
///   belongs to its base's lifecycle;
/// - a dated version with no base joins the first-published model of the
///   same provider with the same name stem (see [`version_stem`]);
/// - another organisation's fine-tune starts a lifecycle of its own (it is
///   judged by the one-third rule).
///
pub fn lifecycles(models: &[Model]) -> Vec<(Option<(usize, LifecycleLink)>, usize)> {
    // Each (stem, developer) with its first model, sorted by the pair (a
    // sorted list rather than a `HashMap`: the same lookups, and a smaller
    // wasm module).
    let mut first_of_stem: Vec<((&str, &str), usize)> = Vec::new();
    let find = |list: &[((&str, &str), usize)], key: &(&str, &str)| {
        list.binary_search_by(|(k, _)| k.cmp(key))
    };
    // The first published (ties broken by name), whatever the row order.
    let first = |i: usize| (models[i].publication_date, models[i].name.as_str());
    for (i, m) in models.iter().enumerate() {
        if m.base.is_none() {
            let stem = version_stem(&m.name).unwrap_or(&m.name);
            let key = (stem, m.developer.as_str());
            match find(&first_of_stem, &key) {
                Ok(at) => {
                    if first(i) < first(first_of_stem[at].1) {
                        first_of_stem[at].1 = i;
                    }
                }
                Err(at) => first_of_stem.insert(at, (key, i)),
            }
        }
    }
    let links: Vec<Option<(usize, LifecycleLink)>> = models
        .iter()
        .enumerate()
        .map(|(i, m)| match m.base {
            Some(b) => same_provider(m, &models[b])
                .map(|provider| (b, LifecycleLink::FineTune { provider })),
            None => version_stem(&m.name)
                .and_then(|stem| find(&first_of_stem, &(stem, m.developer.as_str())).ok())
                .map(|at| first_of_stem[at].1)
                .filter(|first| *first != i)
                .map(|first| (first, LifecycleLink::Version)),
        })
        .collect();
    let root = |mut i: usize| {
        // Base chains are acyclic and versions point to earlier rows, but a
        // mix of the two could loop on inconsistent dates: stop after n steps.
        for _ in 0..models.len() {
            match &links[i] {
                Some((parent, _)) => i = *parent,
                None => break,
            }
        }
        i
    };
    (0..models.len())
        .map(|i| (links[i].clone(), root(i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kleene_logic() {
        use Test::*;
        assert_eq!(Pass.and(Unknown), Unknown);
        assert_eq!(Fail.and(Unknown), Fail);
        assert_eq!(Pass.or(Unknown), Pass);
        assert_eq!(Fail.or(Unknown), Unknown);
        assert_eq!(Fail.or(Fail), Fail);
    }

    #[test]
    fn versions_are_dated_names() {
        assert_eq!(version_stem("GPT-4o (Aug 2024)"), Some("GPT-4o"));
        assert_eq!(
            version_stem("Claude 3.5 Sonnet (October 2024)"),
            Some("Claude 3.5 Sonnet")
        );
        assert_eq!(version_stem("GLM-4 (0116)"), Some("GLM-4"));
        assert_eq!(version_stem("Qwen2.5-Coder (7B)"), None);
        assert_eq!(version_stem("Llama 4 Behemoth (preview)"), None);
        assert_eq!(version_stem("GPT-4o"), None);
        assert_eq!(version_stem("N (2025)"), None);
        assert_eq!(version_stem("X (Marathon 2024)"), None);
        assert_eq!(version_stem("X (4096)"), None);
    }

    #[test]
    fn the_fallback_decides_only_without_the_originals_compute() {
        let eu = (1e23, 1e25);
        let third = 1.0 / 3.0;
        let test = |f, o, tier| modification_makes_new_model(f, o, tier, third, eu);
        let known = |o: f64| (Some(o), Some(o));
        let none = (None, None);
        assert_eq!(
            test(Some(4e24), known(1e26), OriginalTier::SystemicRisk),
            Test::Fail
        );
        assert_eq!(
            test(Some(4e24), none, OriginalTier::SystemicRisk),
            Test::Pass
        );
        assert_eq!(test(Some(3e22), none, OriginalTier::Gpai), Test::Fail);
        assert_eq!(test(Some(4e22), none, OriginalTier::Gpai), Test::Pass);
        assert_eq!(test(Some(4e22), none, OriginalTier::Unknown), Test::Unknown);
        assert_eq!(test(Some(4e24), none, OriginalTier::Unknown), Test::Pass);
        assert_eq!(test(None, known(1e26), OriginalTier::Gpai), Test::Unknown);
        // A lower bound of the original can rule the share out before any fallback.
        let floor = (None, Some(3e25));
        assert_eq!(
            test(Some(5e24), floor, OriginalTier::SystemicRisk),
            Test::Fail
        );
        assert_eq!(
            test(Some(2e25), floor, OriginalTier::SystemicRisk),
            Test::Pass
        );
    }

    #[test]
    fn exactly_one_third_is_not_more_than_one_third() {
        let eu = (1e23, 1e25);
        let third = 1.0 / 3.0;
        let test =
            |f, o| modification_makes_new_model(Some(f), o, OriginalTier::SystemicRisk, third, eu);
        for (f, o) in [(1e25, 3e25), (1.1e24, 3.3e24), (1e24 / 3.0, 1e24)] {
            assert_eq!(test(f, (Some(o), Some(o))), Test::Fail, "{f} of {o}");
        }
        assert_eq!(test(1e25 / 3.0, (None, None)), Test::Fail);
        assert_eq!(test(1.0001e25 / 3.0, (None, None)), Test::Pass);
    }
}
