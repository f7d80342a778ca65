//! import_epoch: rebuilds data/models.csv from Epoch AI's CSV exports.
//!
//! ```text
//! cargo run --release --bin import_epoch -- \
//!     [--input-dir ../shared/data] [--out data/models.csv] \
//!     [--developers data/developers.csv] [--report PATH]
//! ```
//!
//! See data/README.md for the inclusion rules and the output columns.

mod catalogue;
mod cybench;
mod developers;
mod eci;
mod include;
mod inputs;
mod model;
mod moe;
mod output;
mod report;
mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalogue::Catalogue;
use developers::Developers;
use inputs::{find_input, Table};
use model::{Model, Source};
use report::Report;

const USAGE: &str =
    "usage: import_epoch [--input-dir DIR] [--out FILE] [--developers FILE] [--report FILE]
  --input-dir DIR     folder with Epoch's CSV exports (default ../shared/data)
  --out FILE          output CSV (default data/models.csv)
  --developers FILE   alias -> developer mapping (default data/developers.csv)
  --report FILE       also write the report to FILE";

/// Columns read from the Notable, Large-Scale and Frontier files.
const EPOCH_COLUMNS: [&str; 12] = [
    "Model",
    "Organization",
    "Publication date",
    "Domain",
    "Task",
    "Training compute (FLOP)",
    "Confidence",
    "Link",
    "Country (of organization)",
    "Base model",
    "Finetune compute (FLOP)",
    "Model accessibility",
];
const FRONTIER_FLAGS: [&str; 2] = ["Estimated over 1e25 FLOP", "Maybe over 1e25 FLOP"];

struct Options {
    input_dir: PathBuf,
    out: PathBuf,
    developers: PathBuf,
    report: Option<PathBuf>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        input_dir: PathBuf::from("../shared/data"),
        out: PathBuf::from("data/models.csv"),
        developers: PathBuf::from("data/developers.csv"),
        report: None,
    };
    let mut args = args;
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--input-dir" => options.input_dir = PathBuf::from(value()?),
            "--out" => options.out = PathBuf::from(value()?),
            "--developers" => options.developers = PathBuf::from(value()?),
            "--report" => options.report = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(Some(options))
}

/// Locates and reads one input file, noting its name in the report.
fn open_input(
    dir: &Path,
    prefix: &str,
    required: &[&str],
    report: &mut Report,
) -> Result<Table, String> {
    let (path, note) = find_input(dir, prefix)?;
    let table = Table::read(&path, required)?;
    report.inputs.push(table.file_name.clone());
    report.notes.extend(note);
    Ok(table)
}

fn run(options: &Options) -> Result<Report, String> {
    let mut report = Report::default();
    let developers = Developers::load(&options.developers)?;
    let dir = &options.input_dir;
    let frontier_columns: Vec<&str> = EPOCH_COLUMNS
        .iter()
        .chain(&FRONTIER_FLAGS)
        .copied()
        .collect();
    // Read every file before doing any work, so a missing file or column is
    // reported before anything else.
    let epoch_files = [
        (
            open_input(dir, "epoch_notable_ai_models_", &EPOCH_COLUMNS, &mut report)?,
            Source::Notable,
        ),
        (
            open_input(
                dir,
                "epoch_large_scale_ai_models_",
                &EPOCH_COLUMNS,
                &mut report,
            )?,
            Source::LargeScale,
        ),
        (
            open_input(
                dir,
                "epoch_frontier_ai_models_",
                &frontier_columns,
                &mut report,
            )?,
            Source::Frontier,
        ),
    ];
    let eci_table = open_input(dir, "epoch_capabilities_index_", &eci::COLUMNS, &mut report)?;
    let cybench_table = open_input(dir, "epoch_cybench_", &cybench::COLUMNS, &mut report)?;
    for (table, _) in &epoch_files {
        for optional in [
            "Training compute cost (2023 USD)",
            "Open model weights?",
            "Parameters",
            "Parameters notes",
            "Training dataset size (total)",
        ] {
            if !table.has_column(optional) {
                report.notes.push(format!(
                    "{} has no column {optional:?}; that field comes from the other files only",
                    table.file_name
                ));
            }
        }
    }

    if !epoch_files[0].0.has_column("Frontier model") {
        report.notes.push(format!(
            "{} has no column \"Frontier model\"; only the frontier-developer part of that rule applies",
            epoch_files[0].0.file_name
        ));
    }

    let mut catalogue = Catalogue::default();
    for (table, source) in &epoch_files {
        for row in table.rows() {
            let model = Model::from_epoch_row(&row, *source, &table.file_name, &mut report);
            if model.name.is_empty() {
                report.bad_values.push(format!(
                    "{} line {}: row without a model name skipped",
                    table.file_name,
                    row.line()
                ));
                continue;
            }
            catalogue.add_or_merge(model, *source, &mut report);
        }
    }
    let (eci_versions, eci_only) = eci::join(&mut catalogue, &eci_table, &mut report);
    cybench::join(&mut catalogue, &cybench_table, &eci_versions, &mut report);

    let included = include::select(&catalogue, &eci_only, &developers, &mut report);
    let rows = output::rows(&catalogue, &included, &developers, &mut report)?;
    let bytes = output::to_csv(&rows)?;
    output::write_atomically(&options.out, &bytes)?;
    Ok(report)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(report) => {
            let text = report.render();
            print!("{text}");
            if let Some(path) = &options.report {
                if let Err(message) = output::write_atomically(path, text.as_bytes()) {
                    eprintln!("error: {message}");
                    return ExitCode::FAILURE;
                }
            }
            eprintln!(
                "wrote {} rows to {}",
                report.rows_written,
                options.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
