//! Evaluation of a scenario over the catalog: a verdict per model in each
//! regime, and how the two regimes overlap, in models and in developers.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::date::IsoDate;
use crate::rules::eu::EuVerdict;
use crate::rules::us::{UsStatus, UsVerdict};
use crate::rules::{Judge, Test};
use crate::scenario::{EuTier, Scenario};

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

/// One regime's reach on its own, whatever the other regime says.
///
/// What a "model" is differs by regime. The US side counts rows as Epoch
/// lists them (a derivative rule decides whether a fine-tune counts). The
/// EU counts a model with its lifecycle (guidelines sec. 2.2; policy.md
/// "Counting models"): a provider's versions and own fine-tunes fold into
/// the model that starts the lifecycle, so `models_*` count lifecycles and
/// `rows_*` the rows beside them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RegimeCounts {
    /// Models in scope (for the EU: lifecycles with a row in the compared tier).
    pub models_in: usize,
    /// Models whose verdict is undetermined (for the EU: lifecycles with no
    /// row in the tier and one undetermined).
    pub models_undetermined: usize,
    /// Rows in scope.
    pub rows_in: usize,
    /// Rows whose verdict is undetermined.
    pub rows_undetermined: usize,
    /// Developers with at least one model in scope.
    pub developers_in: usize,
}

/// Tallies one regime's reach model by model: models in, models
/// undetermined, and distinct lead developers with a model in.
#[derive(Clone, Debug)]
pub struct RegimeTally {
    developer_in: Vec<bool>,
    counts: RegimeCounts,
}

impl RegimeTally {
    /// An empty tally for a catalog with `developers` lead developers.
    pub fn new(developers: usize) -> RegimeTally {
        RegimeTally {
            developer_in: vec![false; developers],
            counts: RegimeCounts::default(),
        }
    }

    /// Starts again from zero, keeping the allocation.
    pub fn reset(&mut self) {
        self.developer_in.fill(false);
        self.counts = RegimeCounts::default();
    }

    /// Adds one model of developer `developer_id` with result `result`,
    /// counted as a model of its own (the US way of counting).
    pub fn add(&mut self, developer_id: usize, result: Test) {
        match result {
            Test::Pass => self.counts.models_in += 1,
            Test::Unknown => self.counts.models_undetermined += 1,
            Test::Fail => {}
        }
        self.add_row(developer_id, result);
    }

    /// Adds one row that is not counted as a model of its own (a later
    /// version or fine-tune in an EU lifecycle; see [`RegimeCounts`]).
    pub fn add_row(&mut self, developer_id: usize, result: Test) {
        match result {
            Test::Pass => {
                self.counts.rows_in += 1;
                if let Some(seen) = self.developer_in.get_mut(developer_id) {
                    self.counts.developers_in += usize::from(!*seen);
                    *seen = true;
                }
            }
            Test::Unknown => self.counts.rows_undetermined += 1,
            Test::Fail => {}
        }
    }

    /// Adds one whole model (an EU lifecycle) with the best result of its rows.
    pub fn add_model(&mut self, result: Test) {
        match result {
            Test::Pass => self.counts.models_in += 1,
            Test::Unknown => self.counts.models_undetermined += 1,
            Test::Fail => {}
        }
    }

    /// The counts so far.
    pub fn counts(&self) -> RegimeCounts {
        self.counts
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
    /// The US verdict.
    pub us: UsVerdict,
    /// The EU verdict.
    pub eu: EuVerdict,
    /// The comparison.
    pub overlap: Overlap,
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
    judged(&Judge::new(catalog, scenario), index)
}

/// [`judge`] with a judge that remembers what it worked out.
fn judged(j: &Judge, index: usize) -> ModelVerdict {
    let us = j.us(index);
    let eu = j.eu(index);
    let overlap = Overlap::of(us_test(us.status), eu.in_tier(j.scenario.eu.compare));
    ModelVerdict {
        model: index,
        us,
        eu,
        overlap,
    }
}

/// The US status as a test result.
pub fn us_test(status: UsStatus) -> Test {
    status.test()
}

/// Evaluates a scenario over every model published on or before its as-of date.
///
/// The scenario should have passed [`Scenario::validate`]; evaluation itself
/// never fails.
pub fn evaluate(catalog: &Catalog, scenario: &Scenario) -> Assessment {
    let j = Judge::new(catalog, scenario);
    let verdicts: Vec<ModelVerdict> = published_by(catalog, scenario.as_of)
        .map(|index| judged(&j, index))
        .collect();
    let not_yet_published = catalog.models.len() - verdicts.len();
    let summary = summarise(catalog, &verdicts, scenario.eu.compare, not_yet_published);
    Assessment { verdicts, summary }
}

/// Counts models and developers per overlap category.
pub fn summarise(
    catalog: &Catalog,
    verdicts: &[ModelVerdict],
    tier: EuTier,
    not_yet_published: usize,
) -> Summary {
    let mut models = OverlapCounts::default();
    let mut us_tally = RegimeTally::new(catalog.developers.len());
    let mut eu_tally = RegimeTally::new(catalog.developers.len());
    // Per developer: the "best" result in each regime (pass over unknown over fail).
    let mut per_developer: Vec<Option<(Test, Test)>> = vec![None; catalog.developers.len()];
    // Per EU lifecycle (indexed by the row that starts it): the best result.
    let mut per_lifecycle: Vec<Option<Test>> = vec![None; catalog.models.len()];
    for v in verdicts {
        models.add(v.overlap);
        let model = &catalog.models[v.model];
        let dev = model.developer_id;
        let us = us_test(v.us.status);
        let eu = v.eu.in_tier(tier);
        us_tally.add(dev, us);
        eu_tally.add_row(dev, eu);
        let lifecycle = &mut per_lifecycle[v.eu.lifecycle_of.unwrap_or(v.model)];
        *lifecycle = Some(lifecycle.map_or(eu, |best| best.or(eu)));
        per_developer[dev] = Some(match per_developer[dev] {
            None => (us, eu),
            Some((u, e)) => (u.or(us), e.or(eu)),
        });
    }
    for best in per_lifecycle.into_iter().flatten() {
        eu_tally.add_model(best);
    }
    let mut developers = OverlapCounts::default();
    for (us, eu) in per_developer.into_iter().flatten() {
        developers.add(Overlap::of(us, eu));
    }
    Summary {
        models,
        developers,
        us: us_tally.counts(),
        eu: eu_tally.counts(),
        not_yet_published,
    }
}
