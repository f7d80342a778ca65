//! The little statistics the estimates need: a least-squares fit with two
//! predictors, quantiles, and prediction intervals from out-of-sample
//! residuals.

/// A linear fit `y = b0 + b1 * x1 + b2 * x2` by ordinary least squares.
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
        // Centre the predictors first: ECI near 140 and years near 2024
        // would make the normal equations badly conditioned.
        let n = points.clone().count();
        if n < 4 {
            return None;
        }
        let nf = n as f64;
        let (m1, m2, my) = points.clone().fold((0.0, 0.0, 0.0), |(a, b, c), p| {
            (a + p[0] / nf, b + p[1] / nf, c + p[2] / nf)
        });
        let (mut s11, mut s12, mut s22, mut s1y, mut s2y) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for [x1, x2, y] in points {
            let (d1, d2, dy) = (x1 - m1, x2 - m2, y - my);
            s11 += d1 * d1;
            s12 += d1 * d2;
            s22 += d2 * d2;
            s1y += d1 * dy;
            s2y += d2 * dy;
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
    residuals.sort_by(f64::total_cmp);
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
