//! The little statistics the estimates need: least-squares and
//! least-absolute-deviations fits with two predictors, quantiles, and
//! prediction intervals from out-of-sample residuals.

/// A linear fit `y = b0 + b1 * x1 + b2 * x2`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plane {
    /// Intercept and the two slopes.
    pub coef: [f64; 3],
}

impl Plane {
    /// The fitted value at `(x1, x2)`.
    pub fn at(&self, x1: f64, x2: f64) -> f64 {
        self.coef[0] + self.coef[1] * x1 + self.coef[2] * x2
    }

    /// Least squares through `(x1, x2, y)` points; `None` with fewer than four
    /// points or when the predictors are collinear.
    pub fn fit(points: impl Iterator<Item = [f64; 3]> + Clone) -> Option<Plane> {
        Plane::fit_weighted(points.map(|p| (p, 1.0)))
    }

    /// Weighted least squares through `((x1, x2, y), weight)` pairs (weights
    /// positive); `None` with fewer than four points or when the predictors
    /// are collinear.
    pub fn fit_weighted(points: impl Iterator<Item = ([f64; 3], f64)> + Clone) -> Option<Plane> {
        // Centre the predictors first: ECI near 140 and years near 2024
        // would make the normal equations badly conditioned.
        let (n, total) = points
            .clone()
            .fold((0usize, 0.0), |(n, t), (_, w)| (n + 1, t + w));
        if n < 4 || total.is_nan() || total <= 0.0 {
            return None;
        }
        let (m1, m2, my) = points.clone().fold((0.0, 0.0, 0.0), |(a, b, c), (p, w)| {
            let w = w / total;
            (a + w * p[0], b + w * p[1], c + w * p[2])
        });
        let (mut s11, mut s12, mut s22, mut s1y, mut s2y) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for ([x1, x2, y], w) in points {
            let (d1, d2, dy) = (x1 - m1, x2 - m2, y - my);
            s11 += w * d1 * d1;
            s12 += w * d1 * d2;
            s22 += w * d2 * d2;
            s1y += w * d1 * dy;
            s2y += w * d2 * dy;
        }
        let det = s11 * s22 - s12 * s12;
        let collinear = det.abs() <= 1e-12 * (s11 * s22).max(f64::MIN_POSITIVE);
        if collinear || det.is_nan() {
            return None;
        }
        let b1 = (s1y * s22 - s2y * s12) / det;
        let b2 = (s2y * s11 - s1y * s12) / det;
        Some(Plane {
            coef: [my - b1 * m1 - b2 * m2, b1, b2],
        })
    }

    /// Least absolute deviations: the plane that minimises the sum of
    /// |y − plane|, a fit of the conditional median rather than the mean,
    /// so a few models far from the rest (a small model trained far past
    /// its size, a record run) pull it much less than least squares does.
    /// Exact (see [`Plane::lad_from`]), started from least squares; `None`
    /// where [`Plane::fit`] gives none.
    pub fn fit_lad(points: &[[f64; 3]]) -> Option<Plane> {
        let start = Plane::fit(points.iter().copied())?;
        Plane::lad_from(points, start)
    }

    /// The least-absolute-deviations plane, descending from `start` (a
    /// nearby plane makes it quick: a leave-one-out refit starts from the
    /// full fit). A minimum of the sum of |residuals| is a plane through
    /// three of the points (a vertex of the linear programme), and at a
    /// vertex the sum is, locally, separable along the three edges that
    /// free one of those points while keeping the other two on the plane.
    /// So: start at the vertex of the three points nearest `start`; along
    /// each edge the sum is a weighted sum of |t − breakpoint|, minimised
    /// at its weighted median, where another point joins the plane; take
    /// the edge that lowers the sum most and repeat until none does
    /// (the vertex is then optimal). `None` with fewer than three points
    /// in general position.
    pub fn lad_from(points: &[[f64; 3]], start: Plane) -> Option<Plane> {
        let n = points.len();
        if n < 3 {
            return None;
        }
        // Centred design rows [1, x1, x2] for conditioning.
        let (m1, m2) = points.iter().fold((0.0, 0.0), |(a, b), p| {
            (a + p[0] / n as f64, b + p[1] / n as f64)
        });
        let x: Vec<[f64; 3]> = points.iter().map(|p| [1.0, p[0] - m1, p[1] - m2]).collect();
        let y: Vec<f64> = points.iter().map(|p| p[2]).collect();
        let scale = x
            .iter()
            .map(|r| r[1].abs().max(r[2].abs()))
            .fold(1.0, f64::max);
        let tiny = 1e-9;
        // The starting vertex: the points nearest `start`, skipping any in
        // line with those already taken.
        let near = |i: usize| (points[i][2] - start.at(points[i][0], points[i][1])).abs();
        let mut order: Vec<(f64, usize)> = (0..n).map(|i| (near(i), i)).collect();
        order.sort_unstable_by(by_value_then_index);
        let mut basis: Vec<usize> = Vec::with_capacity(3);
        for &(_, i) in &order {
            let independent = match basis.len() {
                0 => true,
                1 => {
                    let (p, q) = (x[basis[0]], x[i]);
                    (p[1] - q[1]).abs().max((p[2] - q[2]).abs()) > tiny * scale
                }
                _ => det3([x[basis[0]], x[basis[1]], x[i]]).abs() > tiny * scale * scale,
            };
            if independent {
                basis.push(i);
                if basis.len() == 3 {
                    break;
                }
            }
        }
        let mut basis: [usize; 3] = basis.try_into().ok()?;
        let deviation = |beta: &[f64; 3], t: f64, d: &[f64; 3]| -> f64 {
            x.iter()
                .zip(&y)
                .map(|(r, yi)| (yi - dot(r, beta) - t * dot(r, d)).abs())
                .sum()
        };
        let mut beta;
        // Each break: where along the edge (t) and the row; the row's weight
        // in the slope is in `weight`.
        let mut breaks: Vec<(f64, usize)> = Vec::with_capacity(n);
        let mut weight = vec![0.0; n];
        // Each step lowers the sum strictly, so no vertex repeats; the cap
        // only guards against rounding.
        for _ in 0..(10 * n).max(100) {
            let rows = [x[basis[0]], x[basis[1]], x[basis[2]]];
            let inverse = inverse3(rows)?;
            let yb = [y[basis[0]], y[basis[1]], y[basis[2]]];
            beta = [
                dot(&inverse[0], &yb),
                dot(&inverse[1], &yb),
                dot(&inverse[2], &yb),
            ];
            let current = deviation(&beta, 0.0, &[0.0; 3]);
            let mut best: Option<(f64, usize, usize)> = None;
            for k in 0..3 {
                // Edge direction: moves basis point k's fitted value by +1,
                // keeps the other two on the plane.
                let d = [inverse[0][k], inverse[1][k], inverse[2][k]];
                breaks.clear();
                // Slopes of the sum at t = 0 going up and down the edge: if
                // neither is negative, the edge cannot lower it (no sort).
                let (mut up, mut down) = (0.0, 0.0);
                for (i, r) in x.iter().enumerate() {
                    let a = dot(r, &d);
                    if a.abs() > tiny {
                        let residual = if i == basis[k] {
                            0.0
                        } else {
                            y[i] - dot(r, &beta)
                        };
                        if residual.abs() <= 1e-12 {
                            up += a.abs();
                            down += a.abs();
                        } else {
                            up -= a * residual.signum();
                            down += a * residual.signum();
                        }
                        breaks.push((residual / a, i));
                        weight[i] = a.abs();
                    }
                }
                if up >= -1e-12 && down >= -1e-12 {
                    continue;
                }
                breaks.sort_unstable_by(by_value_then_index);
                let half = breaks.iter().map(|b| weight[b.1]).sum::<f64>() / 2.0;
                let mut cumulative = 0.0;
                let Some(&(t, j)) = breaks.iter().find(|b| {
                    cumulative += weight[b.1];
                    cumulative >= half
                }) else {
                    continue;
                };
                if j == basis[k] || basis.contains(&j) {
                    continue;
                }
                let gain = current - deviation(&beta, t, &d);
                if gain > 1e-12 * (1.0 + current) && best.map_or(true, |b| gain > b.0) {
                    best = Some((gain, k, j));
                }
            }
            match best {
                Some((_, k, j)) => basis[k] = j,
                None => {
                    return Some(Plane {
                        coef: [beta[0] - beta[1] * m1 - beta[2] * m2, beta[1], beta[2]],
                    })
                }
            }
        }
        None
    }
}

/// By value (`total_cmp`), ties by index: the one order both of
/// [`Plane::lad_from`]'s sorts use, so one sort is compiled for the two. It
/// is hot, so it keeps the standard unstable sort; with the index unique in
/// each list no two elements are equal, and unstable gives the one order.
fn by_value_then_index(p: &(f64, usize), q: &(f64, usize)) -> std::cmp::Ordering {
    p.0.total_cmp(&q.0).then(p.1.cmp(&q.1))
}

fn dot(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn det3(m: [[f64; 3]; 3]) -> f64 {
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
}

/// The inverse of a 3 × 3 matrix by cofactors; `None` when singular.
fn inverse3(m: [[f64; 3]; 3]) -> Option<[[f64; 3]; 3]> {
    let det = det3(m);
    if det.abs() < 1e-300 || !det.is_finite() {
        return None;
    }
    let c = |r: usize, k: usize| {
        let (r1, r2) = ((r + 1) % 3, (r + 2) % 3);
        let (k1, k2) = ((k + 1) % 3, (k + 2) % 3);
        m[r1][k1] * m[r2][k2] - m[r1][k2] * m[r2][k1]
    };
    // inverse[i][j] = cofactor(j, i) / det (cyclic indices carry the sign).
    let mut inv = [[0.0; 3]; 3];
    for (i, row) in inv.iter_mut().enumerate() {
        for (j, v) in row.iter_mut().enumerate() {
            *v = c(j, i) / det;
        }
    }
    Some(inv)
}

/// The `q`-quantile (0 to 1) of sorted values, interpolating linearly.
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let position = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let weight = position - below as f64;
    sorted[below] * (1.0 - weight) + sorted[above] * weight
}

/// The median of sorted values.
pub fn median(sorted: &[f64]) -> f64 {
    quantile(sorted, 0.5)
}

/// A prediction interval at `level` from out-of-sample residuals (true minus
/// predicted), as offsets to add to a prediction. It takes order statistics
/// the way split-conformal prediction does: the `floor((n + 1) a)`-th
/// smallest and the `ceil((n + 1) (1 - a))`-th smallest residual, with
/// `a = (1 - level) / 2`, which holds the truth at least `level` of the time
/// when the new case is like the old ones. Fewer residuals than the level
/// needs give the extreme ones (the interval is then narrower than it
/// should be, and says so by its backtest). `None` without residuals.
pub fn interval_offsets(residuals: &mut [f64], level: f64) -> Option<(f64, f64)> {
    if residuals.is_empty() {
        return None;
    }
    crate::sort::sort_by(residuals, f64::total_cmp);
    let n = residuals.len();
    let tail = (1.0 - level) / 2.0;
    // The epsilon keeps (1 - 0.8) / 2 = 0.09999... from losing a rank.
    let low_rank = (((n + 1) as f64 * tail + 1e-9).floor() as usize).clamp(1, n);
    let high_rank = (((n + 1) as f64 * (1.0 - tail) - 1e-9).ceil() as usize).clamp(1, n);
    Some((residuals[low_rank - 1], residuals[high_rank - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plane_through_exact_points_is_recovered() {
        let points: Vec<[f64; 3]> = (0..10)
            .map(|i| {
                let (x1, x2) = (100.0 + i as f64 * 3.0, 2020.0 + (i * i % 7) as f64);
                [x1, x2, 1.0 + 0.05 * x1 - 0.3 * (x2 - 2020.0)]
            })
            .collect();
        let plane = Plane::fit(points.iter().copied()).unwrap();
        assert!((plane.coef[1] - 0.05).abs() < 1e-9, "{plane:?}");
        assert!((plane.coef[2] + 0.3).abs() < 1e-9, "{plane:?}");
        assert!((plane.at(120.0, 2023.0) - (1.0 + 6.0 - 0.9)).abs() < 1e-9);
    }

    /// Sum of |y − plane| over the points.
    fn abs_deviation(plane: &Plane, points: &[[f64; 3]]) -> f64 {
        points
            .iter()
            .map(|p| (p[2] - plane.at(p[0], p[1])).abs())
            .sum()
    }

    /// Points scattered around a plane, with a deterministic spread.
    fn scattered(n: usize) -> Vec<[f64; 3]> {
        (0..n)
            .map(|i| {
                let (x1, x2) = (
                    90.0 + (i * 37 % 60) as f64,
                    2023.0 + (i * 11 % 13) as f64 / 4.0,
                );
                let noise = ((i * 7919 % 101) as f64 / 100.0 - 0.5).powi(3) * 4.0;
                [x1, x2, 17.0 + 0.05 * x1 - 0.3 * (x2 - 2024.0) + noise]
            })
            .collect()
    }

    #[test]
    fn least_absolute_deviations_ignore_gross_outliers() {
        let mut points: Vec<[f64; 3]> = (0..20)
            .map(|i| {
                let (x1, x2) = (100.0 + i as f64 * 2.0, 2022.0 + (i * i % 9) as f64 / 3.0);
                [x1, x2, 1.0 + 0.05 * x1 - 0.3 * (x2 - 2020.0)]
            })
            .collect();
        for i in [2, 9, 15] {
            points[i][2] += 3.0;
        }
        let lad = Plane::fit_lad(&points).unwrap();
        assert!((lad.coef[1] - 0.05).abs() < 1e-9, "{lad:?}");
        assert!((lad.coef[2] + 0.3).abs() < 1e-9, "{lad:?}");
        let ols = Plane::fit(points.iter().copied()).unwrap();
        assert!((ols.at(120.0, 2023.0) - lad.at(120.0, 2023.0)).abs() > 0.1);
    }

    #[test]
    fn least_absolute_deviations_reach_the_minimum() {
        for n in [4, 7, 30, 80] {
            let points = scattered(n);
            let lad = Plane::fit_lad(&points).unwrap();
            let best = abs_deviation(&lad, &points);
            let ols = Plane::fit(points.iter().copied()).unwrap();
            assert!(best <= abs_deviation(&ols, &points) + 1e-12);
            // No small move of any coefficient lowers the sum.
            for k in 0..3 {
                for step in [1e-4, -1e-4, 1e-2, -1e-2] {
                    let mut moved = lad;
                    moved.coef[k] += step / if k == 0 { 1.0 } else { 100.0 };
                    assert!(abs_deviation(&moved, &points) >= best - 1e-9, "n={n} k={k}");
                }
            }
            // The same minimum from a poor start.
            let far = Plane {
                coef: [0.0, 0.0, 0.0],
            };
            let other = Plane::lad_from(&points, far).unwrap();
            assert!(
                (abs_deviation(&other, &points) - best).abs() < 1e-9,
                "n={n}"
            );
        }
    }

    #[test]
    fn collinear_or_too_few_points_give_no_plane() {
        let line: Vec<[f64; 3]> = (0..6).map(|i| [i as f64, 2.0 * i as f64, 1.0]).collect();
        assert_eq!(Plane::fit(line.iter().copied()), None);
        assert_eq!(Plane::fit([[1.0, 2.0, 3.0]; 3].iter().copied()), None);
    }

    #[test]
    fn quantiles_interpolate() {
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), 3.0);
        assert_eq!(quantile(&[1.0, 2.0], 0.25), 1.25);
        assert_eq!(median(&[7.0]), 7.0);
    }

    #[test]
    fn interval_offsets_take_conformal_order_statistics() {
        // 19 residuals -1..=1 in steps: at 80%, ranks floor(20*0.1)=2 and ceil(20*0.9)=18.
        let mut r: Vec<f64> = (0..19).map(|i| -0.9 + 0.1 * i as f64).rev().collect();
        let (lo, hi) = interval_offsets(&mut r, 0.8).unwrap();
        assert!(
            (lo + 0.8).abs() < 1e-9 && (hi - 0.8).abs() < 1e-9,
            "{lo} {hi}"
        );
        assert_eq!(interval_offsets(&mut [], 0.8), None);
        let (lo, hi) = interval_offsets(&mut [0.5], 0.8).unwrap();
        assert_eq!((lo, hi), (0.5, 0.5));
    }
}
