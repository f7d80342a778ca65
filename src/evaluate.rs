//! Evaluation of a scenario over the catalog: a verdict per model in each
//! regime, and how the two regimes overlap, in models and in developers.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::date::IsoDate;
use crate::grid::{OverlapGrid, Side};
use crate::rules::eu::EuVerdict;
use crate::rules::us::{UsReason, UsVerdict};
use crate::rules::{Judge, Reading, Test};
use crate::scenario::Scenario;

/// Where a model (or developer) falls when the two regimes are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Overlap {
    /// In the US definition and in the compared EU tier.
    Both,
    /// In the US definition only.
    UsOnly,
    /// In the compared EU tier only.
    EuOnly,
    /// In neither.
    Neither,
    /// At least one regime's verdict is undetermined.
    Undetermined,
}

impl Overlap {
    /// Every category, in display order.
    pub const ALL: [Overlap; 5] = [
        Overlap::Both,
        Overlap::UsOnly,
        Overlap::EuOnly,
        Overlap::Neither,
        Overlap::Undetermined,
    ];

    /// Combines the two regimes' results.
    pub fn of(us: Test, eu: Test) -> Overlap {
        match (us, eu) {
            (Test::Unknown, _) | (_, Test::Unknown) => Overlap::Undetermined,
            (Test::Pass, Test::Pass) => Overlap::Both,
            (Test::Pass, Test::Fail) => Overlap::UsOnly,
            (Test::Fail, Test::Pass) => Overlap::EuOnly,
            (Test::Fail, Test::Fail) => Overlap::Neither,
        }
    }
}

/// Counts per overlap category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OverlapCounts {
    /// In both regimes.
    pub both: usize,
    /// US only.
    pub us_only: usize,
    /// EU only.
    pub eu_only: usize,
    /// Neither.
    pub neither: usize,
    /// Undetermined.
    pub undetermined: usize,
}

impl OverlapCounts {
    fn add(&mut self, overlap: Overlap) {
        match overlap {
            Overlap::Both => self.both += 1,
            Overlap::UsOnly => self.us_only += 1,
            Overlap::EuOnly => self.eu_only += 1,
            Overlap::Neither => self.neither += 1,
            Overlap::Undetermined => self.undetermined += 1,
        }
    }

    /// All categories together.
    pub fn total(&self) -> usize {
        self.both + self.us_only + self.eu_only + self.neither + self.undetermined
    }
}

/// One regime's result for one model (or developer, or EU lifecycle) read
/// at each end of every range: low, central, high (see [`Reading`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Spread {
    /// Every range at its lowest.
    pub low: Test,
    /// Every range at its centre.
    pub central: Test,
    /// Every range at its highest.
    pub high: Test,
}

impl Spread {
    /// The same result at every reading (nothing estimated).
    pub fn exact(result: Test) -> Spread {
        Spread {
            low: result,
            central: result,
            high: result,
        }
    }

    /// In at every reading, or at any: a developer or a lifecycle is in
    /// when one of its rows is, reading by reading.
    pub fn or(self, other: Spread) -> Spread {
        Spread {
            low: self.low.or(other.low),
            central: self.central.or(other.central),
            high: self.high.or(other.high),
        }
    }

    /// Counted in the low count: in at every reading.
    pub fn in_low(self) -> bool {
        [self.low, self.central, self.high] == [Test::Pass; 3]
    }

    /// Counted in the high count: in at some reading.
    pub fn in_high(self) -> bool {
        [self.low, self.central, self.high].contains(&Test::Pass)
    }

    /// Undetermined: in at no reading, and the data cannot tell at some.
    pub fn undetermined(self) -> bool {
        !self.in_high() && [self.low, self.central, self.high].contains(&Test::Unknown)
    }
}

/// How sure a verdict is, from the exact reading and the spread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    /// In on reported figures.
    In,
    /// In at every reading of an estimate: its whole interval is above.
    LikelyIn,
    /// The interval straddles the threshold.
    Borderline,
    /// Out at every reading of an estimate: its whole interval is below.
    LikelyOut,
    /// Out on reported figures.
    Out,
    /// No figure and no estimate: the data cannot tell.
    Undetermined,
}

impl Likelihood {
    /// From the exact reading (reported figures only) and the spread.
    pub fn of(exact: Test, spread: Spread) -> Likelihood {
        let all = |t: Test| [spread.low, spread.central, spread.high] == [t; 3];
        match exact {
            Test::Pass if all(Test::Pass) => Likelihood::In,
            Test::Fail if all(Test::Fail) => Likelihood::Out,
            _ if all(Test::Pass) => Likelihood::LikelyIn,
            _ if all(Test::Fail) => Likelihood::LikelyOut,
            // The same predicates as the counts: borderline is in the high
            // count only, undetermined in the undetermined count.
            _ if spread.undetermined() => Likelihood::Undetermined,
            _ => Likelihood::Borderline,
        }
    }

    /// "in", "likely in", "borderline", ...
    pub fn label(self) -> &'static str {
        match self {
            Likelihood::In => "in",
            Likelihood::LikelyIn => "likely in",
            Likelihood::Borderline => "borderline",
            Likelihood::LikelyOut => "likely out",
            Likelihood::Out => "out",
            Likelihood::Undetermined => "undetermined",
        }
    }
}

/// One regime's reach on its own, whatever the other regime says.
///
/// What a "model" is differs by regime. The US side counts rows as Epoch
/// lists them (a derivative rule decides whether a fine-tune counts). The
/// EU counts a model with its lifecycle (guidelines sec. 2.2; policy.md
/// "Counting models"): a provider's versions and own fine-tunes fold into
/// the model that starts the lifecycle, so `models_*` count lifecycles and
/// `rows_*` the rows beside them.
///
/// Every count is a range: `*_low` counts what is in at every reading of
/// the estimates (in on reported figures, or with a whole interval above),
/// `*_in` what is in at their centre, `*_high` what is in at any reading
/// (the borderline ones too). Without estimates the three are equal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RegimeCounts {
    /// Models in scope, central (for the EU: lifecycles with a row in the compared tier).
    pub models_in: usize,
    /// Models in scope at every reading.
    pub models_low: usize,
    /// Models in scope at some reading.
    pub models_high: usize,
    /// Models whose verdict is undetermined: in at no reading, and no
    /// figure or estimate decides it (for the EU: lifecycles).
    pub models_undetermined: usize,
    /// Rows in scope, central.
    pub rows_in: usize,
    /// Rows in scope at every reading.
    pub rows_low: usize,
    /// Rows in scope at some reading.
    pub rows_high: usize,
    /// Rows whose verdict is undetermined.
    pub rows_undetermined: usize,
    /// Developers with at least one model in scope, central.
    pub developers_in: usize,
    /// Developers with a model in scope at every reading.
    pub developers_low: usize,
    /// Developers with a model in scope at some reading.
    pub developers_high: usize,
}

/// Tallies one regime's reach model by model: models in, models
/// undetermined, and distinct lead developers with a model in.
#[derive(Clone, Debug)]
pub struct RegimeTally {
    developer_in: Vec<Option<Spread>>,
    counts: RegimeCounts,
}

impl RegimeTally {
    /// An empty tally for a catalog with `developers` lead developers.
    pub fn new(developers: usize) -> RegimeTally {
        RegimeTally {
            developer_in: vec![None; developers],
            counts: RegimeCounts::default(),
        }
    }

    /// Starts again from zero, keeping the allocation.
    pub fn reset(&mut self) {
        self.developer_in.fill(None);
        self.counts = RegimeCounts::default();
    }

    /// Adds one model of developer `developer_id` with result `result`,
    /// counted as a model of its own (the US way of counting).
    pub fn add(&mut self, developer_id: usize, result: Spread) {
        self.add_model(result);
        self.add_row(developer_id, result);
    }

    /// Adds one row that is not counted as a model of its own (a later
    /// version or fine-tune in an EU lifecycle; see [`RegimeCounts`]).
    pub fn add_row(&mut self, developer_id: usize, result: Spread) {
        let c = &mut self.counts;
        c.rows_low += usize::from(result.in_low());
        c.rows_in += usize::from(result.central == Test::Pass);
        c.rows_high += usize::from(result.in_high());
        c.rows_undetermined += usize::from(result.undetermined());
        if let Some(seen) = self.developer_in.get_mut(developer_id) {
            *seen = Some(seen.map_or(result, |s| s.or(result)));
        }
    }

    /// Adds one whole model (an EU lifecycle) with the best result of its rows.
    pub fn add_model(&mut self, result: Spread) {
        let c = &mut self.counts;
        c.models_low += usize::from(result.in_low());
        c.models_in += usize::from(result.central == Test::Pass);
        c.models_high += usize::from(result.in_high());
        c.models_undetermined += usize::from(result.undetermined());
    }

    /// The counts so far.
    pub fn counts(&self) -> RegimeCounts {
        let mut counts = self.counts;
        for developer in self.developer_in.iter().flatten() {
            counts.developers_low += usize::from(developer.in_low());
            counts.developers_in += usize::from(developer.central == Test::Pass);
            counts.developers_high += usize::from(developer.in_high());
        }
        counts
    }
}

/// The models that exist at the as-of date: published on or before it.
pub fn published_by(catalog: &Catalog, as_of: IsoDate) -> impl Iterator<Item = usize> + '_ {
    catalog
        .models
        .iter()
        .enumerate()
        .filter(move |(_, m)| m.publication_date <= as_of)
        .map(|(i, _)| i)
}

/// One model's verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ModelVerdict {
    /// Catalog index of the model.
    pub model: usize,
    /// The US verdict, every range read at its centre.
    pub us: UsVerdict,
    /// The EU verdict, every range read at its centre.
    pub eu: EuVerdict,
    /// The comparison, at the centre (undetermined as the counts have it).
    pub overlap: Overlap,
    /// Whether the US definition covers it, at each reading.
    pub us_spread: Spread,
    /// Whether the compared EU tier covers it, at each reading.
    pub eu_spread: Spread,
    /// How sure the US verdict is.
    pub us_likelihood: Likelihood,
    /// How sure the EU verdict is, for the compared tier.
    pub eu_likelihood: Likelihood,
    /// How sure the base model's US verdict is, where the reason names it
    /// (the "inherit" rule, and the "own compute" rule's covered base).
    pub us_base_likelihood: Option<Likelihood>,
    /// Another row of the same model (its EU lifecycle) that decides the
    /// EU verdict at the high end of the ranges but not at their centre
    /// (a Speculative fine-tune of a model with a published figure).
    pub eu_decided_high: Option<(usize, crate::rules::eu::EuStatus)>,
}

impl ModelVerdict {
    /// The EU verdict's reason in words (see [`crate::rules::eu::EuVerdict::describe`]),
    /// naming the row of the same model that decides at the high end of the
    /// ranges where another does than at their centre.
    pub fn eu_reason(&self, catalog: &Catalog, eu: &crate::scenario::EuSettings) -> String {
        let words = self.eu.describe(catalog, eu);
        match self.eu_decided_high {
            Some((row, status)) => format!(
                "{words}; at the high end of the ranges, {}, a row of the same model (its lifecycle), decides: as one model with it, it is {}",
                catalog.models[row].name,
                status.label()
            ),
            None => words,
        }
    }

    /// The US verdict's reason in words; an inherited base's verdict reads
    /// with how sure it is ("which is likely in").
    pub fn us_reason(&self, catalog: &Catalog) -> String {
        self.us
            .describe_base_as(catalog, self.us_base_likelihood.map(Likelihood::label))
    }
}

/// The summary of an assessment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Models per overlap category.
    pub models: OverlapCounts,
    /// Developers per overlap category (a developer is "in" a regime when any
    /// of its models is; undetermined when none is in and one is undetermined).
    pub developers: OverlapCounts,
    /// The US definition on its own.
    pub us: RegimeCounts,
    /// The compared EU tier on its own.
    pub eu: RegimeCounts,
    /// Models (Epoch's rows, in both regimes) by US side and EU side, at
    /// the centre of every range: its cells add up to `us` and to `eu`'s rows.
    pub models_grid: OverlapGrid,
    /// Developers by US side and EU side (in a regime when one of their
    /// models is; undetermined when none is in and one is undetermined).
    pub developers_grid: OverlapGrid,
    /// Models in the catalog published after the as-of date, left out.
    pub not_yet_published: usize,
}

/// The result of evaluating a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// One verdict per model published on or before the as-of date, in catalog order.
    pub verdicts: Vec<ModelVerdict>,
    /// The counts.
    pub summary: Summary,
}

/// Judges one model in both regimes.
pub fn judge(catalog: &Catalog, index: usize, scenario: &Scenario) -> ModelVerdict {
    judged(&Judges::new(catalog, scenario), index)
}

/// The central judge, and one for each other reading (exact, low, high)
/// where the scenario has ranges to read.
pub(crate) struct Judges<'a> {
    central: Judge<'a>,
    others: Option<[Judge<'a>; 3]>,
}

impl<'a> Judges<'a> {
    /// The judges of one scenario.
    pub(crate) fn new(catalog: &'a Catalog, scenario: &'a Scenario) -> Judges<'a> {
        let central = Judge::reading(catalog, scenario, Reading::Central);
        let others = central
            .ranged()
            .then(|| [Reading::Exact, Reading::Low, Reading::High].map(|r| central.at(r)));
        Judges { central, others }
    }

    /// The other readings' judges, when the verdict read a range. A verdict
    /// that read no range (and every verdict, where the scenario has none)
    /// reads the same at every reading.
    fn ranged(&self, read_range: bool) -> Option<&[Judge<'a>; 3]> {
        self.others.as_ref().filter(|_| read_range)
    }

    /// The US verdict at the centre, whether it passes at each reading, and
    /// whether it passes on reported figures alone.
    pub(crate) fn us(&self, index: usize) -> (UsVerdict, Spread, Test) {
        let us = self.central.us(index);
        let test = us.status.test();
        match self.ranged(self.central.us_read_range(index)) {
            Some([exact, low, high]) => (
                us,
                Spread {
                    low: low.us(index).status.test(),
                    central: test,
                    high: high.us(index).status.test(),
                },
                exact.us(index).status.test(),
            ),
            None => (us, Spread::exact(test), test),
        }
    }
}

/// The US side of a model's verdicts: the verdict, whether it passes at
/// each reading and on reported figures alone, and how sure its base's
/// verdict is where the words name it (the "inherit" rule, and the covered
/// base of the "own compute" rule).
struct UsSide {
    verdict: UsVerdict,
    spread: Spread,
    likelihood: Likelihood,
    base_likelihood: Option<Likelihood>,
}

fn us_side(judges: &Judges, index: usize) -> UsSide {
    let (verdict, spread, exact) = judges.us(index);
    // The base whose verdict the words name: an inherited base, or the
    // covered base another developer's fine-tune needs (SB 1047 style).
    let base = match verdict.reason {
        UsReason::Inherited { base, .. } => Some(base),
        UsReason::Tests(tests) => tests.covered_base.map(|b| b.base),
        _ => None,
    };
    let base_likelihood = base.map(|base| {
        let (_, spread, exact) = judges.us(base);
        Likelihood::of(exact, spread)
    });
    UsSide {
        verdict,
        spread,
        likelihood: Likelihood::of(exact, spread),
        base_likelihood,
    }
}

/// The EU side of a model's verdicts: the verdict, whether the compared
/// tier covers it at each reading, how sure that is, and the row that
/// decides at the high end (see [`ModelVerdict::eu_decided_high`]).
#[derive(Clone, Copy)]
struct EuSide {
    verdict: EuVerdict,
    spread: Spread,
    likelihood: Likelihood,
    decided_high: Option<(usize, crate::rules::eu::EuStatus)>,
}

fn eu_side(judges: &Judges, index: usize) -> EuSide {
    let central = &judges.central;
    let tier = central.scenario.eu.compare;
    let eu = central.eu(index);
    let eu_test = eu.in_tier(tier);
    let (spread, exact, decided_high) = match judges.ranged(central.eu_read_range(index)) {
        Some([exact, low, high]) => {
            let at_high = high.eu(index);
            let decided = |v: &EuVerdict| v.decided_by.map(|(row, _)| row);
            (
                Spread {
                    low: low.eu(index).in_tier(tier),
                    central: eu_test,
                    high: at_high.in_tier(tier),
                },
                exact.eu(index).in_tier(tier),
                decided(&at_high)
                    .filter(|_| at_high.in_tier(tier) != eu_test)
                    .filter(|row| decided(&eu) != Some(*row))
                    .map(|row| (row, at_high.status)),
            )
        }
        None => (Spread::exact(eu_test), eu_test, None),
    };
    EuSide {
        verdict: eu,
        spread,
        likelihood: Likelihood::of(exact, spread),
        decided_high,
    }
}

impl ModelVerdict {
    fn eu_side(&self) -> EuSide {
        EuSide {
            verdict: self.eu,
            spread: self.eu_spread,
            likelihood: self.eu_likelihood,
            decided_high: self.eu_decided_high,
        }
    }
}

/// Model `index`'s verdicts from their two sides.
fn verdict(index: usize, us: UsSide, eu: EuSide) -> ModelVerdict {
    ModelVerdict {
        model: index,
        us: us.verdict,
        eu: eu.verdict,
        // Undetermined where the counts have it undetermined (in at no
        // reading, and the data cannot tell at one), even if out at the centre.
        overlap: Overlap::of(Side::of(us.spread).test(), Side::of(eu.spread).test()),
        us_spread: us.spread,
        eu_spread: eu.spread,
        us_likelihood: us.likelihood,
        us_base_likelihood: us.base_likelihood,
        eu_likelihood: eu.likelihood,
        eu_decided_high: eu.decided_high,
    }
}

/// [`judge`] with judges that remember what they worked out.
fn judged(judges: &Judges, index: usize) -> ModelVerdict {
    verdict(index, us_side(judges, index), eu_side(judges, index))
}

/// Evaluates a scenario over every model published on or before its as-of date.
///
/// The scenario should have passed [`Scenario::validate`]; evaluation itself
/// never fails.
pub fn evaluate(catalog: &Catalog, scenario: &Scenario) -> Assessment {
    let judges = Judges::new(catalog, scenario);
    let verdicts: Vec<ModelVerdict> = published_by(catalog, scenario.as_of)
        .map(|index| judged(&judges, index))
        .collect();
    assessed(catalog, verdicts)
}

/// [`evaluate`] of `scenario`, given `previous`, what [`evaluate`] gave
/// for `before` on the same catalog. Where the two scenarios differ in
/// the US definition alone (a step of a US slider), each verdict's EU side
/// is `previous`'s, as nothing in the EU verdicts reads the US definition;
/// only the US side is worked out again. Otherwise it is [`evaluate`].
pub fn evaluate_after(
    catalog: &Catalog,
    scenario: &Scenario,
    before: &Scenario,
    previous: &Assessment,
) -> Assessment {
    let only_us_differs = scenario.as_of == before.as_of
        && scenario.eu == before.eu
        && scenario.use_estimates == before.use_estimates
        && scenario.compute_uncertainty == before.compute_uncertainty
        && scenario.estimate_level == before.estimate_level
        && scenario.score_margin_eci == before.score_margin_eci;
    if !only_us_differs {
        return evaluate(catalog, scenario);
    }
    let judges = Judges::new(catalog, scenario);
    let verdicts = previous
        .verdicts
        .iter()
        .map(|v| verdict(v.model, us_side(&judges, v.model), v.eu_side()))
        .collect();
    assessed(catalog, verdicts)
}

fn assessed(catalog: &Catalog, verdicts: Vec<ModelVerdict>) -> Assessment {
    let not_yet_published = catalog.models.len() - verdicts.len();
    let summary = summarise(catalog, &verdicts, not_yet_published);
    Assessment { verdicts, summary }
}

/// Counts models and developers per overlap category.
pub fn summarise(
    catalog: &Catalog,
    verdicts: &[ModelVerdict],
    not_yet_published: usize,
) -> Summary {
    let mut models = OverlapCounts::default();
    let mut models_grid = OverlapGrid::default();
    let mut us_tally = RegimeTally::new(catalog.developers.len());
    let mut eu_tally = RegimeTally::new(catalog.developers.len());
    // Per developer: its side in each regime (in when a model is in, then
    // undetermined when a model is; see `Side::or`).
    let mut per_developer: Vec<Option<(Side, Side)>> = vec![None; catalog.developers.len()];
    // Per EU lifecycle (indexed by the row that starts it): the best result.
    let mut per_lifecycle: Vec<Option<Spread>> = vec![None; catalog.models.len()];
    for v in verdicts {
        models.add(v.overlap);
        let (us, eu) = (Side::of(v.us_spread), Side::of(v.eu_spread));
        models_grid.add(us, eu);
        let model = &catalog.models[v.model];
        let dev = model.developer_id;
        us_tally.add(dev, v.us_spread);
        eu_tally.add_row(dev, v.eu_spread);
        let lifecycle = &mut per_lifecycle[v.eu.lifecycle_of.unwrap_or(v.model)];
        *lifecycle = Some(lifecycle.map_or(v.eu_spread, |best| best.or(v.eu_spread)));
        per_developer[dev] = Some(match per_developer[dev] {
            None => (us, eu),
            Some((u, e)) => (u.or(us), e.or(eu)),
        });
    }
    for best in per_lifecycle.into_iter().flatten() {
        eu_tally.add_model(best);
    }
    let mut developers = OverlapCounts::default();
    let mut developers_grid = OverlapGrid::default();
    for (us, eu) in per_developer.into_iter().flatten() {
        developers.add(Overlap::of(us.test(), eu.test()));
        developers_grid.add(us, eu);
    }
    Summary {
        models,
        developers,
        us: us_tally.counts(),
        eu: eu_tally.counts(),
        models_grid,
        developers_grid,
        not_yet_published,
    }
}
