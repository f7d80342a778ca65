//! The developers (labs) each regime covers, by name: what the page lists
//! under each regime's count. A developer is in a regime when one of its
//! models is (at the centre of every range), as the counts have it.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::evaluate::{ModelVerdict, Spread};
use crate::rules::Test;

/// One developer a regime covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lab {
    /// The lead developer's name, as Epoch lists it.
    pub name: String,
    /// How many of its models the regime covers (the US counts rows; the
    /// EU counts a model with its versions and own fine-tunes, so a model
    /// whose lifecycle lists rows under two lead developers counts for each).
    pub models: usize,
    /// Covered whichever end of the estimates is read: on reported figures,
    /// or with a whole interval above the threshold. Otherwise it is in on a
    /// central estimate.
    pub sure: bool,
}

/// The developers one regime covers, and those it may cover.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RegimeLabs {
    /// Covered at the centre: most models first, then by name.
    pub covered: Vec<Lab>,
    /// Not covered at the centre but at the high end of the estimates (the
    /// count's upper bound): by name.
    pub possible: Vec<String>,
}

/// The developers of both regimes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Labs {
    /// The US candidate definition.
    pub us: RegimeLabs,
    /// The compared EU tier.
    pub eu: RegimeLabs,
}

/// Per developer: the best result of its rows, and the units it has in.
#[derive(Clone, Default)]
struct Tally {
    best: Option<Spread>,
    /// Distinct units (US: rows; EU: lifecycles) in at the centre.
    units: Vec<usize>,
}

fn regime_labs(catalog: &Catalog, tallies: Vec<Tally>) -> RegimeLabs {
    let mut labs = RegimeLabs::default();
    for (developer, tally) in tallies.into_iter().enumerate() {
        let Some(best) = tally.best else { continue };
        let name = catalog.developers[developer].clone();
        if best.central == Test::Pass {
            labs.covered.push(Lab {
                name,
                models: tally.units.len(),
                sure: best.in_low(),
            });
        } else if best.in_high() {
            labs.possible.push(name);
        }
    }
    crate::sort::sort_by(&mut labs.covered, |a, b| {
        b.models.cmp(&a.models).then_with(|| a.name.cmp(&b.name))
    });
    crate::sort::sort_by(&mut labs.possible, String::cmp);
    labs
}

/// The developers each regime covers among `verdicts` (one assessment's).
pub fn labs(catalog: &Catalog, verdicts: &[ModelVerdict]) -> Labs {
    let mut us = vec![Tally::default(); catalog.developers.len()];
    let mut eu = vec![Tally::default(); catalog.developers.len()];
    for v in verdicts {
        let developer = catalog.models[v.model].developer_id;
        for (tallies, spread, unit) in [
            (&mut us, v.us_spread, v.model),
            (&mut eu, v.eu_spread, v.eu.lifecycle_of.unwrap_or(v.model)),
        ] {
            let tally = &mut tallies[developer];
            tally.best = Some(tally.best.map_or(spread, |b| b.or(spread)));
            if spread.central == Test::Pass && !tally.units.contains(&unit) {
                tally.units.push(unit);
            }
        }
    }
    Labs {
        us: regime_labs(catalog, us),
        eu: regime_labs(catalog, eu),
    }
}
