//! Finding Epoch's export files in the input folder and reading them as
//! tables whose columns are looked up by header name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Finds `<prefix>*.csv` in `dir`. If several files match, the
/// lexicographically last one (the newest snapshot date) is used and a note
/// is returned for the report.
pub fn find_input(dir: &Path, prefix: &str) -> Result<(PathBuf, Option<String>), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read input folder {}: {e}", dir.display()))?;
    let mut matches: Vec<String> = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|e| format!("cannot read input folder {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(prefix) && name.ends_with(".csv") {
            matches.push(name);
        }
    }
    matches.sort();
    let Some(chosen) = matches.last() else {
        return Err(format!(
            "input file missing: no file matching {prefix}*.csv in {}",
            dir.display()
        ));
    };
    let note = (matches.len() > 1).then(|| {
        format!(
            "several files match {prefix}*.csv; using the newest, {chosen} (ignoring {})",
            matches[..matches.len() - 1].join(", ")
        )
    });
    Ok((dir.join(chosen), note))
}

/// A CSV file read into memory, with its columns indexed by header name.
pub struct Table {
    pub file_name: String,
    columns: BTreeMap<String, usize>,
    records: Vec<csv::StringRecord>,
}

impl Table {
    /// Reads a whole CSV file and checks that `required` columns exist.
    pub fn read(path: &Path, required: &[&str]) -> Result<Table, String> {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        let headers = reader
            .headers()
            .map_err(|e| format!("{file_name}: cannot read the header row: {e}"))?
            .clone();
        let mut columns = BTreeMap::new();
        for (i, header) in headers.iter().enumerate() {
            // A UTF-8 byte-order mark sometimes sticks to the first header.
            let header = header.trim_start_matches('\u{feff}').trim();
            columns.entry(header.to_string()).or_insert(i);
        }
        for column in required {
            if !columns.contains_key(*column) {
                return Err(format!(
                    "{file_name}: header column \"{column}\" is missing (file {})",
                    path.display()
                ));
            }
        }
        let mut records = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| format!("{file_name}: {e}"))?;
            records.push(record);
        }
        Ok(Table {
            file_name,
            columns,
            records,
        })
    }

    pub fn has_column(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(move |record| Row {
            table: self,
            record,
        })
    }
}

/// One data row; fields are fetched by column name.
pub struct Row<'a> {
    table: &'a Table,
    record: &'a csv::StringRecord,
}

impl<'a> Row<'a> {
    /// The raw field, or "" when the column is absent from this file or the
    /// row is short.
    pub fn get(&self, column: &str) -> &'a str {
        self.table
            .columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("")
    }

    /// Line number in the file (1-based, header is line 1), for messages.
    pub fn line(&self) -> u64 {
        self.record.position().map(|p| p.line()).unwrap_or(0)
    }
}
