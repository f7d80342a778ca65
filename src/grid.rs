//! The overlap of the two regimes as a grid that adds up: where the US
//! definition puts a model (in, out, undetermined) against where the
//! compared EU tier puts it, at the centre of every range. Its US rows add
//! up to the US counts, its EU columns to the EU counts (in rows), so the
//! cells visibly make up the headline's numbers.

use serde::Serialize;

use crate::evaluate::Spread;
use crate::rules::Test;

/// Where one regime puts a model or a developer, at the centre of every range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Covered.
    In,
    /// Not covered.
    Out,
    /// The public data cannot tell.
    Undetermined,
}

impl Side {
    /// The three sides, in display order.
    pub const ALL: [Side; 3] = [Side::In, Side::Out, Side::Undetermined];

    /// The side a model's result, read at each end of every range, puts it
    /// on: in when in at the centre (the central count); undetermined when
    /// in at no reading and the data cannot tell at one (the undetermined
    /// count); out otherwise (a borderline model out at the centre, counted
    /// only at the high end, is out). So the grid's totals are the counts.
    pub fn of(spread: Spread) -> Side {
        if spread.central == Test::Pass {
            Side::In
        } else if spread.undetermined() {
            Side::Undetermined
        } else {
            Side::Out
        }
    }

    /// A developer's side from two of its models': in when one is in,
    /// otherwise undetermined when one is, otherwise out.
    pub fn or(self, other: Side) -> Side {
        match (self, other) {
            (Side::In, _) | (_, Side::In) => Side::In,
            (Side::Undetermined, _) | (_, Side::Undetermined) => Side::Undetermined,
            _ => Side::Out,
        }
    }

    /// The side as a three-valued result.
    pub fn test(self) -> Test {
        match self {
            Side::In => Test::Pass,
            Side::Out => Test::Fail,
            Side::Undetermined => Test::Unknown,
        }
    }

    fn index(self) -> usize {
        match self {
            Side::In => 0,
            Side::Out => 1,
            Side::Undetermined => 2,
        }
    }
}

/// One US side's row of the grid: how the compared EU tier splits it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GridRow {
    /// Also in the EU tier.
    pub eu_in: usize,
    /// Not in the EU tier.
    pub eu_out: usize,
    /// Undetermined in the EU tier.
    pub eu_undetermined: usize,
}

impl GridRow {
    fn cell(&mut self, eu: Side) -> &mut usize {
        match eu {
            Side::In => &mut self.eu_in,
            Side::Out => &mut self.eu_out,
            Side::Undetermined => &mut self.eu_undetermined,
        }
    }

    /// The row's total.
    pub fn total(&self) -> usize {
        self.eu_in + self.eu_out + self.eu_undetermined
    }
}

/// Counts by US side and EU side (models are Epoch's rows here, in both regimes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OverlapGrid {
    /// In the US definition.
    pub us_in: GridRow,
    /// Not in the US definition.
    pub us_out: GridRow,
    /// Undetermined in the US definition.
    pub us_undetermined: GridRow,
}

impl OverlapGrid {
    fn row_mut(&mut self, us: Side) -> &mut GridRow {
        match us {
            Side::In => &mut self.us_in,
            Side::Out => &mut self.us_out,
            Side::Undetermined => &mut self.us_undetermined,
        }
    }

    /// The US side's row.
    pub fn row(&self, us: Side) -> GridRow {
        match us {
            Side::In => self.us_in,
            Side::Out => self.us_out,
            Side::Undetermined => self.us_undetermined,
        }
    }

    /// Counts one model (or developer) on its two sides.
    pub fn add(&mut self, us: Side, eu: Side) {
        *self.row_mut(us).cell(eu) += 1;
    }

    /// One cell.
    pub fn get(&self, us: Side, eu: Side) -> usize {
        let row = self.row(us);
        [row.eu_in, row.eu_out, row.eu_undetermined][eu.index()]
    }

    /// A US side's total (a row of the grid).
    pub fn us_total(&self, us: Side) -> usize {
        self.row(us).total()
    }

    /// An EU side's total (a column of the grid).
    pub fn eu_total(&self, eu: Side) -> usize {
        Side::ALL.iter().map(|us| self.get(*us, eu)).sum()
    }

    /// Every cell together.
    pub fn total(&self) -> usize {
        Side::ALL.iter().map(|us| self.us_total(*us)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_add_up_by_row_and_by_column() {
        let mut grid = OverlapGrid::default();
        // Each pair (us, eu) added 3i + j + 1 times: every cell differs.
        for (i, us) in Side::ALL.iter().enumerate() {
            for (j, eu) in Side::ALL.iter().enumerate() {
                for _ in 0..(3 * i + j + 1) {
                    grid.add(*us, *eu);
                }
            }
        }
        assert_eq!(grid.get(Side::In, Side::In), 1);
        assert_eq!(grid.get(Side::In, Side::Undetermined), 3);
        assert_eq!(grid.get(Side::Undetermined, Side::Out), 8);
        assert_eq!(grid.us_in.eu_out, 2);
        assert_eq!(grid.us_total(Side::Out), 4 + 5 + 6);
        assert_eq!(grid.eu_total(Side::Undetermined), 3 + 6 + 9);
        assert_eq!(grid.total(), (1..=9).sum::<usize>());
    }

    #[test]
    fn a_side_follows_the_counts() {
        let (p, f, u) = (Test::Pass, Test::Fail, Test::Unknown);
        let side = |low, central, high| Side::of(Spread { low, central, high });
        assert_eq!(side(p, p, p), Side::In);
        // In at the centre only on an estimate: still in the central count.
        assert_eq!(side(f, p, p), Side::In);
        assert_eq!(side(f, f, f), Side::Out);
        // Borderline but out at the centre: out (counted only at the high end).
        assert_eq!(side(f, f, p), Side::Out);
        // Out at the centre, but the data cannot tell at the high end.
        assert_eq!(side(f, f, u), Side::Undetermined);
        assert_eq!(side(u, u, u), Side::Undetermined);
        // Cannot tell at the centre but in at the high end (a compute
        // figure unknown, a capability score within its margin, either
        // test enough): borderline, counted at the high end, so out.
        assert_eq!(side(u, u, p), Side::Out);
        // A developer with an undetermined model and a borderline one is
        // undetermined; with one in, in.
        assert_eq!(Side::Undetermined.or(Side::Out), Side::Undetermined);
        assert_eq!(Side::Out.or(Side::Undetermined), Side::Undetermined);
        assert_eq!(Side::Undetermined.or(Side::In), Side::In);
        assert_eq!(Side::Out.or(Side::Out), Side::Out);
    }
}
