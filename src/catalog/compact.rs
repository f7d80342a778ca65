//! Reads the dataset in the compact form `build.rs` embeds: the fields of
//! `data/models.csv`, verbatim, separated by U+001F, records ended by
//! U+001E, header first. The numbers and the date parse exactly as the
//! CSV reader parses them (`str::parse`, [`IsoDate::parse`]). Two last
//! columns hold what build.rs worked out from each row (`Derived`):
//! `family`, the name family as the first row of that family (`Model::family`:
//! empty for the row itself, `-` for none, else that row's index),
//! and `generative` (`rules::generative::from_fields`: `yes`, `no`, or
//! empty for undetermined).

use super::{CatalogError, Derived};
use crate::date::IsoDate;
use crate::rules::Test;
use crate::schema::ModelRow;

const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// One record's fields, with its line in data/models.csv for errors.
struct Record<'a> {
    fields: Vec<&'a str>,
    line: usize,
}

impl<'a> Record<'a> {
    fn text(&self, column: usize) -> String {
        self.fields[column].to_string()
    }

    fn number<T: std::str::FromStr>(
        &self,
        column: usize,
        name: &str,
    ) -> Result<Option<T>, CatalogError>
    where
        T::Err: std::fmt::Display,
    {
        let text = self.fields[column];
        if text.is_empty() {
            return Ok(None);
        }
        text.parse()
            .map(Some)
            .map_err(|e| CatalogError(format!("line {}: {name}: {e} ({text:?})", self.line)))
    }
}

/// The rows of the compact dataset, in file order, each with what build.rs
/// worked out from it.
pub(super) fn rows(text: &str) -> Result<Vec<(ModelRow, Derived)>, CatalogError> {
    let mut records = text.split(RECORD);
    let header: Vec<&str> = records.next().unwrap_or_default().split(FIELD).collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| CatalogError(format!("the dataset has no column {name:?}")))
    };
    let name = column("name")?;
    let developer = column("developer")?;
    let organizations = column("organizations")?;
    let country = column("country")?;
    let publication_date = column("publication_date")?;
    let domain = column("domain")?;
    let task = column("task")?;
    let compute_flop = column("compute_flop")?;
    let compute_confidence = column("compute_confidence")?;
    let base_model = column("base_model")?;
    let finetune_compute_flop = column("finetune_compute_flop")?;
    let open_weights = column("open_weights")?;
    let accessibility = column("accessibility")?;
    let cost_usd = column("cost_usd")?;
    let eci = column("eci")?;
    let eci_version = column("eci_version")?;
    let eci_versions = column("eci_versions")?;
    let cybench = column("cybench_unguided_pct")?;
    let estimated_over_1e25 = column("estimated_over_1e25")?;
    let maybe_over_1e25 = column("maybe_over_1e25")?;
    let sources = column("sources")?;
    let link = column("link")?;
    let eci_history = column("eci_history")?;
    let parameters = column("parameters")?;
    let training_tokens = column("training_tokens")?;
    let active_parameters = column("active_parameters")?;
    let moe = column("moe")?;
    let family = column("family")?;
    let generative = column("generative")?;

    let mut rows = Vec::new();
    for (i, text) in records.enumerate() {
        if text.is_empty() {
            continue;
        }
        let r = Record {
            fields: text.split(FIELD).collect(),
            line: i + 2,
        };
        if r.fields.len() != header.len() {
            return Err(CatalogError(format!(
                "line {}: {} fields, expected {}",
                r.line,
                r.fields.len(),
                header.len()
            )));
        }
        let derived = Derived {
            family: match r.fields[family] {
                "" => Some(rows.len()),
                "-" => None,
                first => Some(first.parse().map_err(|e| {
                    CatalogError(format!("line {}: family: {e} ({first:?})", r.line))
                })?),
            },
            generative: match r.fields[generative] {
                "yes" => Test::Pass,
                "no" => Test::Fail,
                "" => Test::Unknown,
                other => {
                    return Err(CatalogError(format!(
                        "line {}: generative: {other:?} is not yes, no or empty",
                        r.line
                    )))
                }
            },
        };
        let row = ModelRow {
            name: r.text(name),
            developer: r.text(developer),
            organizations: r.text(organizations),
            country: r.text(country),
            publication_date: IsoDate::parse(r.fields[publication_date])
                .map_err(|e| CatalogError(format!("line {}: publication_date: {e}", r.line)))?,
            domain: r.text(domain),
            task: r.text(task),
            compute_flop: r.number(compute_flop, "compute_flop")?,
            compute_confidence: r.text(compute_confidence),
            compute_source: String::new(),
            base_model: r.text(base_model),
            finetune_compute_flop: r.number(finetune_compute_flop, "finetune_compute_flop")?,
            open_weights: r.text(open_weights),
            accessibility: r.text(accessibility),
            cost_usd: r.number(cost_usd, "cost_usd")?,
            eci: r.number(eci, "eci")?,
            eci_version: r.text(eci_version),
            eci_versions: r.number(eci_versions, "eci_versions")?,
            cybench_unguided_pct: r.number(cybench, "cybench_unguided_pct")?,
            estimated_over_1e25: r.text(estimated_over_1e25),
            maybe_over_1e25: r.text(maybe_over_1e25),
            sources: r.text(sources),
            link: r.text(link),
            eci_history: r.text(eci_history),
            parameters: r.number(parameters, "parameters")?,
            training_tokens: r.number(training_tokens, "training_tokens")?,
            active_parameters: r.number(active_parameters, "active_parameters")?,
            moe: r.text(moe),
        };
        rows.push((row, derived));
    }
    Ok(rows)
}
