//! The capability method's fits of the embedded dataset at the default
//! interval level, fitted in advance: `data/capability_fits.tsv`, written by
//! `cargo run --example estimates`.
//!
//! Those two fits are most of the time of fitting the estimates: 3 of 3.4 ms
//! natively, and far more in a browser's first pass over the wasm, where
//! every view at the default level waits for them (BENCHMARKS.md, "Stored
//! capability fits"). [`crate::catalog::Catalog::embedded`] starts with
//! them; a test fits them again and requires the file to be what the writer
//! makes of the fresh fits, byte for byte, so a change to the data or to the
//! method that leaves the file stale fails until it is written again.
//!
//! The format: a line per fit, fields separated by tabs, every number
//! written so that it parses back to the same `f64`.
//!
//! ```text
//! level    LEVEL
//! compute  ROWS  INTERCEPT  SLOPE_ECI  SLOPE_YEAR  LOW_OFFSET  HIGH_OFFSET
//! score    ROWS  INTERCEPT  SLOPE_LOG10_FLOP  SLOPE_YEAR  LOW_OFFSET  HIGH_OFFSET
//! ```
//!
//! A fit that could not be made reads `compute none`.

use std::fmt::Write;

use super::capability::Fit;
use super::stats::Plane;
use super::CapabilityFits;

/// The stored file, as embedded.
pub const CAPABILITY_FITS_TSV: &str = include_str!("../../data/capability_fits.tsv");

/// Where the file lives, for messages.
const PATH: &str = "data/capability_fits.tsv";

/// `fits` in the stored format.
pub fn write(fits: &CapabilityFits) -> String {
    let mut out = String::from(
        "# The capability method's fits of data/models.csv at the default interval\n\
         # level, fitted in advance (src/estimate/stored.rs). Written by\n\
         # `cargo run --example estimates`; never edit by hand.\n",
    );
    let _ = writeln!(out, "level\t{:?}", fits.level);
    for (name, fit) in [("compute", &fits.compute), ("score", &fits.score)] {
        match fit {
            None => {
                let _ = writeln!(out, "{name}\tnone");
            }
            Some(f) => {
                let [a, b, c] = f.plane.coef;
                let (low, high) = f.offsets;
                let _ = writeln!(
                    out,
                    "{name}\t{}\t{a:?}\t{b:?}\t{c:?}\t{low:?}\t{high:?}",
                    f.n
                );
            }
        }
    }
    out
}

/// Reads a stored file. Every problem names the line.
pub fn read(text: &str) -> Result<CapabilityFits, String> {
    let mut level = None;
    let mut compute = None;
    let mut score = None;
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |e: String| format!("{PATH} line {}: {e}", n + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["level", x] => level = Some(number(x).map_err(at)?),
            [name @ ("compute" | "score"), rest @ ..] => {
                let fit = match rest {
                    ["none"] => None,
                    [rows, a, b, c, low, high] => Some(Fit {
                        plane: Plane {
                            coef: [number(a), number(b), number(c)]
                                .into_iter()
                                .collect::<Result<Vec<_>, _>>()
                                .map_err(at)?
                                .try_into()
                                .map_err(|_| at("three coefficients".into()))?,
                        },
                        offsets: (number(low).map_err(at)?, number(high).map_err(at)?),
                        n: rows
                            .parse()
                            .map_err(|_| at(format!("bad row count {rows:?}")))?,
                    }),
                    _ => {
                        return Err(at(format!(
                            "{name} needs 6 fields or \"none\", found {}",
                            rest.len()
                        )))
                    }
                };
                let slot = if *name == "compute" {
                    &mut compute
                } else {
                    &mut score
                };
                if slot.replace(fit).is_some() {
                    return Err(at(format!("a second {name} line")));
                }
            }
            _ => {
                return Err(at(format!(
                    "unexpected line starting {:?}",
                    fields.first().copied().unwrap_or_default()
                )))
            }
        }
    }
    let missing = |what: &str| format!("{PATH}: no {what} line");
    Ok(CapabilityFits {
        level: level.ok_or_else(|| missing("level"))?,
        compute: compute.ok_or_else(|| missing("compute"))?,
        score: score.ok_or_else(|| missing("score"))?,
    })
}

fn number(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| format!("bad number {text:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::estimate::Estimator;
    use crate::settings::policy::ESTIMATE_LEVEL;

    const STALE: &str = "data/capability_fits.tsv is stale: run `cargo run --example estimates`";

    #[test]
    fn the_stored_fits_are_the_fresh_ones() {
        let catalog = Catalog::embedded().unwrap();
        let fresh = Estimator::fit(&catalog, ESTIMATE_LEVEL).capability_fits();
        assert!(
            fresh.compute.as_ref().is_some_and(|f| f.n > 50),
            "{fresh:?}"
        );
        assert!(fresh.score.as_ref().is_some_and(|f| f.n > 50), "{fresh:?}");
        assert_eq!(read(CAPABILITY_FITS_TSV), Ok(fresh.clone()), "{STALE}");
        // Byte for byte: the file is the writer's, not a hand edit that
        // happens to read the same.
        assert_eq!(write(&fresh), CAPABILITY_FITS_TSV, "{STALE}");
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
    fn it_round_trips_and_names_the_line_of_a_problem() {
        let catalog = Catalog::embedded().unwrap();
        let fits = Estimator::fit(&catalog, 0.9).capability_fits();
        assert_eq!(read(&write(&fits)), Ok(fits.clone()));
        let none = CapabilityFits {
            score: None,
            ..fits.clone()
        };
        let text = write(&none);
        assert!(text.contains("\nscore\tnone\n"), "{text}");
        assert_eq!(read(&text), Ok(none));

        let text = write(&fits);
        let line = |prefix: &str| text.lines().position(|l| l.starts_with(prefix)).unwrap() + 1;
        let compute = line("compute\t");
        let bad = text.replacen("compute\t", "compute\tx", 1);
        assert_eq!(
            read(&bad),
            Err(format!(
                "{PATH} line {compute}: bad row count \"x{}\"",
                fits.compute.as_ref().unwrap().n
            ))
        );
        let err = read(&text.replacen("\t", "\tNaN", 1)).unwrap_err();
        assert!(
            err.starts_with(&format!("{PATH} line {}: bad number", line("level"))),
            "{err}"
        );
        let err = read(&text.replace("score\t", "compute\t")).unwrap_err();
        assert!(err.contains("a second compute line"), "{err}");
        let err = read(&text.replace("score\t", "# score\t")).unwrap_err();
        assert_eq!(err, format!("{PATH}: no score line"));
        let err = read(&format!("{text}scores\t1\n")).unwrap_err();
        assert!(err.contains("unexpected line starting \"scores\""), "{err}");
        let err = read(&text.replacen("compute\t", "compute\t1\t", 1)).unwrap_err();
        assert!(err.contains("compute needs 6 fields"), "{err}");
    }
}
