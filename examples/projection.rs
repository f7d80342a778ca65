//! Prints the projection to 2030 beside Epoch AI's published one:
//! `cargo run --release --example projection -- [AS_OF] [US_FLOP]`
//! (defaults: 2026-11-26, 1e26). The page's default view (estimates on)
//! with the US compute threshold set to `US_FLOP`.

use scope_explorer::catalog::Catalog;
use scope_explorer::date::IsoDate;
use scope_explorer::presets;
use scope_explorer::projection::{project, ProjectionSettings};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let as_of = IsoDate::parse(&args.next().unwrap_or_else(|| "2026-11-26".into()))?;
    let threshold: f64 = args
        .next()
        .unwrap_or_else(|| "1e26".into())
        .parse()
        .map_err(|e| format!("US_FLOP: {e}"))?;
    let catalog = Catalog::embedded().map_err(|e| e.to_string())?;
    let mut scenario = presets::default_view(as_of).ok_or("no default view")?;
    scenario.us.compute_threshold_flop = threshold;
    for estimates in [true, false] {
        scenario.use_estimates = estimates;
        let p = project(&catalog, &scenario, ProjectionSettings::default());
        let now = p.observed.last().ok_or("no observed counts")?;
        println!(
            "as of {as_of}, estimates {}: {} models from scratch in the year to {} ({} with a figure); {} above {threshold:e} FLOP now, {} above {:e}",
            if estimates { "on" } else { "off" },
            p.reference_year_models,
            p.sample_end,
            p.sample,
            now.us,
            now.eu,
            p.eu_threshold_flop
        );
        for y in &p.years {
            let epoch = p
                .reference
                .iter()
                .find(|r| r.year == y.year && r.threshold_flop == threshold)
                .map_or(String::new(), |r| format!("   Epoch: {}", r.words));
            println!(
                "  end of {}: above US {:.0} ({:.0}-{:.0}), above EU {:.0} ({:.0}-{:.0}){epoch}",
                y.year, y.us.central, y.us.low, y.us.high, y.eu.central, y.eu.low, y.eu.high
            );
        }
    }
    Ok(())
}
