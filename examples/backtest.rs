//! Backtests every estimation method on the embedded catalog: leave one
//! model (with its lifecycle) out, refit, estimate it, compare. Also prints
//! plain leave-one-row-out for the capability method (for comparison with
//! the issue's reference figure; data/ESTIMATES.md) and the time
//! `Estimator::fit` takes on the embedded catalog (it reruns in the browser
//! when the interval level changes).
//!
//! ```text
//! cargo run --release --example backtest [LEVEL]
//! ```

use std::time::Instant;

use scope_explorer::catalog::Catalog;
use scope_explorer::estimate::{backtest, Estimator};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let level: f64 = match std::env::args().nth(1) {
        Some(text) => text.parse()?,
        None => 0.8,
    };
    let catalog = Catalog::embedded()?;
    for line in backtest::run(&catalog, level) {
        println!("{line}");
    }
    println!("{}", backtest::run_plain_loo(&catalog, level));
    println!("{}", backtest::run_base_loo(&catalog, level));
    let (n, error, coverage) = backtest::run_score(&catalog, level);
    println!(
        "score backtest eci_from_compute: n={n} median_abs_error_points={error:.1} coverage{}={coverage:.2}",
        (level * 100.0).round()
    );
    // Median of a few runs after one warm-up.
    let _ = Estimator::fit(&catalog, level);
    let mut times: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            let estimator = Estimator::fit(&catalog, level);
            let elapsed = start.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(estimator);
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("fit: {:.1} ms", times[times.len() / 2]);
    Ok(())
}
