//! Writes `src/estimate/stored_fits.rs`: the capability method's fits of
//! the embedded dataset at the default interval level, made in advance so
//! that a page need not make them before its first view
//! (src/estimate/stored.rs).
//! Run it after changing the data or the estimators:
//! `cargo run --example estimates` (a test in src/estimate/stored.rs checks
//! it was).

use std::path::Path;

use scope_explorer::catalog::Catalog;
use scope_explorer::estimate::{stored, Estimator};
use scope_explorer::settings::policy::ESTIMATE_LEVEL;

fn main() {
    let catalog = Catalog::embedded().unwrap_or_else(|e| {
        eprintln!("embedded dataset: {e}");
        std::process::exit(1);
    });
    let text = stored::write(&Estimator::fit(&catalog, ESTIMATE_LEVEL).capability_fits())
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1);
        });
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/estimate/stored_fits.rs");
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        println!("src/estimate/stored_fits.rs: unchanged");
        return;
    }
    // Through a temporary file, so that a failed write leaves the old one.
    let temporary = path.with_extension("rs.tmp");
    if let Err(e) =
        std::fs::write(&temporary, &text).and_then(|()| std::fs::rename(&temporary, &path))
    {
        eprintln!("src/estimate/stored_fits.rs: {e}");
        std::process::exit(1);
    }
    println!("src/estimate/stored_fits.rs: written");
}
