//! Backtests every estimation method on the embedded catalog: leave one
//! model (with its lifecycle) out, refit, estimate it, compare.
//!
//! ```text
//! cargo run --release --example backtest [LEVEL]
//! ```

use scope_explorer::catalog::Catalog;
use scope_explorer::estimate::backtest;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let level: f64 = match std::env::args().nth(1) {
        Some(text) => text.parse()?,
        None => 0.8,
    };
    let catalog = Catalog::embedded()?;
    for line in backtest::run(&catalog, level) {
        println!("{line}");
    }
    let (n, error, coverage) = backtest::run_score(&catalog, level);
    println!(
        "score backtest eci_from_compute: n={n} median_abs_error_points={error:.1} coverage{}={coverage:.2}",
        (level * 100.0).round()
    );
    Ok(())
}
