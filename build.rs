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
//! that no output changes): about 95 KB less data in that module.
//!
//! Two last columns hold what the library would otherwise work out from
//! each row at start (`catalog::Derived`): `family`, the name family
//! (`src/estimate/family_key.rs`), and `generative`, the GPAI criterion's
//! generality (`src/rules/generative.rs`), both files included here. The
//! wasm modules then need not carry `str::to_lowercase` and its Unicode
//! tables, nor (the embed's) the task and source lists; `catalog::tests`
//! checks both columns against the library's own reading of the CSV.

use std::{env, fs, path::Path};

#[path = "src/catalog/slim.rs"]
mod slim;

#[path = "src/estimate/family_key.rs"]
mod family_key;

#[path = "src/rules/generative.rs"]
mod generative;

/// Columns of data/models.csv the catalog does not read.
const UNUSED: [&str; 1] = ["compute_source"];

fn main() {
    println!("cargo:rerun-if-changed=data/models.csv");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/catalog/slim.rs");
    println!("cargo:rerun-if-changed=src/estimate/family_key.rs");
    println!("cargo:rerun-if-changed=src/rules/generative.rs");
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
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("data/models.csv has no {name} column"))
    };
    let [name, domain, task, sources] = ["name", "domain", "task", "sources"].map(column);
    // Every kept field, then `last` (the name family and the generality).
    let mut write = |record: &csv::StringRecord, line: usize, last: [&str; 2]| {
        let fields = keep.iter().map(|i| {
            if embed && line > 1 {
                slim::embed_field(&header[*i], &record[*i])
            } else {
                &record[*i]
            }
        });
        for (n, field) in fields.chain(last).enumerate() {
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
    let records: Vec<csv::StringRecord> = reader
        .records()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("data/models.csv line {}: {e}", i + 2)))
        .collect();
    let keys: Vec<Option<String>> = records.iter().map(|r| family_key::key(&r[name])).collect();
    let families = family_key::first_rows(&keys);
    write(&header, 1, ["family", "generative"]);
    for (i, record) in records.iter().enumerate() {
        // The family's first row: empty for this row itself, `-` for none.
        let family = match families[i] {
            Some(first) if first == i => String::new(),
            Some(first) => first.to_string(),
            None => "-".to_string(),
        };
        let fields = (
            &record[name],
            &record[domain],
            &record[task],
            &record[sources],
        );
        let generative = match generative::from_fields(fields.0, fields.1, fields.2, fields.3) {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        write(record, i + 2, [&family, generative]);
    }
    let path = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("models.txt");
    fs::write(path, out).expect("the compact dataset is written");
}
