//! Writes the embedded dataset in a compact form for the catalog:
//! `data/models.csv`'s fields, verbatim, between ASCII unit separators
//! (0x1F) and record separators (0x1E), header first, without the columns
//! the catalog does not read. The library then splits it with `str::split`
//! instead of a CSV parser and serde (smaller wasm, quicker start);
//! `catalog::tests` checks that both readings give the same catalog.
//!
//! Without the `full` feature (the embed's module), the columns the embed
//! never reads are written empty or reduced to what its rules ask of them
//! (`src/catalog/slim.rs`, which this script includes; `slim_tests` checks
//! that no output changes): about 30 KB less data in that module.
//!
//! A last column, `family`, holds each model's name family
//! (`src/estimate/family_key.rs`, which this script includes too), so the
//! library need not lower-case names with `str::to_lowercase` and carry
//! its Unicode tables; `catalog::tests` checks it against the library's.

use std::{env, fs, path::Path};

#[path = "src/catalog/slim.rs"]
mod slim;

#[path = "src/estimate/family_key.rs"]
mod family_key;

/// Columns of data/models.csv the catalog does not read.
const UNUSED: [&str; 1] = ["compute_source"];

fn main() {
    println!("cargo:rerun-if-changed=data/models.csv");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/catalog/slim.rs");
    println!("cargo:rerun-if-changed=src/estimate/family_key.rs");
    // Cargo sets CARGO_FEATURE_FULL for the build script of a build with `full`.
    let embed = env::var_os("CARGO_FEATURE_FULL").is_none();
    let text = fs::read_to_string("data/models.csv").expect("data/models.csv is readable");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("data/models.csv has a header")
        .clone();
    let keep: Vec<usize> = (0..header.len())
        .filter(|i| !UNUSED.contains(&&header[*i]))
        .collect();
    let mut out = String::with_capacity(text.len());
    let name = header
        .iter()
        .position(|h| h == "name")
        .expect("data/models.csv has a name column");
    // Every kept field, then `last` (the name family).
    let mut write = |record: &csv::StringRecord, line: usize, last: &str| {
        let fields = keep.iter().map(|i| {
            if embed && line > 1 {
                slim::embed_field(&header[*i], &record[*i])
            } else {
                &record[*i]
            }
        });
        for (n, field) in fields.chain([last]).enumerate() {
            assert!(
                !field.contains(['\u{1e}', '\u{1f}']),
                "data/models.csv line {line}: a field holds a separator character"
            );
            if n > 0 {
                out.push('\u{1f}');
            }
            out.push_str(field);
        }
        out.push('\u{1e}');
    };
    write(&header, 1, "family");
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap_or_else(|e| panic!("data/models.csv line {}: {e}", i + 2));
        let family = family_key::key(&record[name]).unwrap_or_default();
        write(&record, i + 2, &family);
    }
    let path = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("models.txt");
    fs::write(path, out).expect("the compact dataset is written");
}
