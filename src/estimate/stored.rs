//! The capability method's fits of the embedded dataset at the default
//! interval level, made in advance: `stored_fits.rs` (a Rust expression),
//! written by `cargo run --example estimates`.
//!
//! Those two fits are most of the time of fitting the estimates: 3 of 3.4 ms
//! natively, and far more in a browser's first pass over the wasm, where
//! every view at the default level waits for them (BENCHMARKS.md, "Stored
//! capability fits"). [`crate::catalog::Catalog::embedded`] starts with
//! them. A test fits them again and requires the file to be what [`write`]
//! makes of the fresh fits, byte for byte, so a change to the data or to
//! the method that leaves the file stale fails until it is written again;
//! another checks that a browser's own fit gives the same bits.

use std::fmt::Write;

// Named by `stored_fits.rs`.
use super::capability::Fit;
use super::stats::Plane;
use super::CapabilityFits;

/// The stored file's text.
pub const SOURCE: &str = include_str!("stored_fits.rs");

/// The stored fits.
pub fn fits() -> CapabilityFits {
    include!("stored_fits.rs")
}

/// `fits` as the stored file's text; fails on a number that is not finite
/// (no fit makes one).
pub fn write(fits: &CapabilityFits) -> Result<String, String> {
    let mut out = String::from(
        "// The capability method's fits of data/models.csv at the default interval\n\
         // level, made in advance (src/estimate/stored.rs). Written by\n\
         // `cargo run --example estimates`; never edit by hand.\n",
    );
    let number = |x: f64| {
        if x.is_finite() {
            Ok(format!("{x:?}"))
        } else {
            Err(format!("a stored fit holds {x}"))
        }
    };
    let _ = writeln!(
        out,
        "CapabilityFits {{\n    level: {},",
        number(fits.level)?
    );
    for (name, fit) in [("compute", &fits.compute), ("score", &fits.score)] {
        match fit {
            None => {
                let _ = writeln!(out, "    {name}: None,");
            }
            Some(f) => {
                let [a, b, c] = f.plane.coef.map(number);
                let _ = writeln!(
                    out,
                    "    {name}: Some(Fit {{\n        plane: Plane {{ coef: [{}, {}, {}] }},\n        offsets: ({}, {}),\n        n: {},\n    }}),",
                    a?,
                    b?,
                    c?,
                    number(f.offsets.0)?,
                    number(f.offsets.1)?,
                    f.n
                );
            }
        }
    }
    out.push_str("}\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::estimate::Estimator;
    use crate::settings::policy::ESTIMATE_LEVEL;

    const STALE: &str = "src/estimate/stored_fits.rs is stale: run `cargo run --example estimates`";

    #[test]
    fn the_stored_fits_are_the_fresh_ones() {
        let catalog = Catalog::embedded().unwrap();
        let fresh = Estimator::fit(&catalog, ESTIMATE_LEVEL).capability_fits();
        assert!(
            fresh.compute.as_ref().is_some_and(|f| f.n > 50),
            "{fresh:?}"
        );
        assert!(fresh.score.as_ref().is_some_and(|f| f.n > 50), "{fresh:?}");
        assert_eq!(fits(), fresh, "{STALE}");
        // Byte for byte: the file is the writer's, not a hand edit that
        // happens to mean the same.
        assert_eq!(write(&fresh).unwrap(), SOURCE, "{STALE}");
    }

    #[test]
    fn the_embedded_catalog_estimates_as_a_fresh_fit_does() {
        let catalog = Catalog::embedded().unwrap();
        for level in [ESTIMATE_LEVEL, 0.9] {
            let served = catalog.estimates(level);
            let fresh = Estimator::fit(&catalog, level);
            for i in 0..catalog.models.len() {
                assert_eq!(served.compute[i], fresh.compute(&catalog, i), "{level} {i}");
            }
            assert!(served.compute.iter().flatten().count() > 100);
            assert!(served.eci.iter().flatten().count() > 100);
        }
    }

    #[test]
    fn the_writer_writes_what_it_is_given() {
        let catalog = Catalog::embedded().unwrap();
        let fits = Estimator::fit(&catalog, 0.9).capability_fits();
        let text = write(&fits).unwrap();
        assert!(text.contains("    level: 0.9,\n"), "{text}");
        let compute = fits.compute.as_ref().unwrap();
        assert!(
            text.contains(&format!("        n: {},\n", compute.n))
                && text.contains(&format!("{:?}", compute.plane.coef[1])),
            "{text}"
        );
        let none = CapabilityFits {
            score: None,
            ..fits.clone()
        };
        assert!(write(&none).unwrap().contains("\n    score: None,\n"));
        let mut bad = fits;
        bad.level = f64::NAN;
        assert_eq!(write(&bad), Err("a stored fit holds NaN".to_string()));
    }
}
