//! The columns of `data/models.csv`, defined once: the `import_epoch` tool
//! writes [`ModelRow`]s and [`crate::catalog::Catalog`] reads them back.
//! data/README.md says where each column comes from.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::IsoDate;

/// One row of `data/models.csv`. The columns are these fields, in this
/// order, named as here; an empty field means unknown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelRow {
    /// Model name as Epoch writes it (disambiguated when two models share one).
    pub name: String,
    /// Lead developer (first organisation listed), normalised.
    pub developer: String,
    /// All organisations listed, normalised, joined with "; ".
    pub organizations: String,
    /// Country of the lead organisation.
    pub country: String,
    /// Publication date.
    #[serde(deserialize_with = "publication_date")]
    pub publication_date: IsoDate,
    /// Epoch's domain list ("Language,Vision").
    pub domain: String,
    /// Epoch's task list.
    pub task: String,
    /// Training compute in FLOP, written as `3.8e25`.
    #[serde(serialize_with = "exponent")]
    pub compute_flop: Option<f64>,
    /// Epoch's confidence label: "Confident", "Likely", "Speculative" or "Unknown".
    pub compute_confidence: String,
    /// The Epoch file the compute figure comes from ("notable", "eci", ...).
    pub compute_source: String,
    /// Name of the base model (another row), for fine-tunes.
    pub base_model: String,
    /// Compute of the fine-tuning alone in FLOP, written as `3.8e25`.
    #[serde(serialize_with = "exponent")]
    pub finetune_compute_flop: Option<f64>,
    /// "yes" or "no".
    pub open_weights: String,
    /// Epoch's accessibility label ("Open weights (unrestricted)", "API access", ...).
    pub accessibility: String,
    /// Training compute cost in 2023 US dollars.
    #[serde(serialize_with = "plain")]
    pub cost_usd: Option<f64>,
    /// Best Epoch Capabilities Index score over the model's versions.
    #[serde(serialize_with = "plain")]
    pub eci: Option<f64>,
    /// The ECI model version that scored [`ModelRow::eci`].
    pub eci_version: String,
    /// How many scored ECI versions the model has.
    pub eci_versions: Option<u32>,
    /// Cybench unguided % solved (0 to 100).
    #[serde(serialize_with = "plain")]
    pub cybench_unguided_pct: Option<f64>,
    /// "true" when Epoch flags the model as estimated to be over 1e25 FLOP.
    pub estimated_over_1e25: String,
    /// "true" when Epoch flags the model as maybe over 1e25 FLOP.
    pub maybe_over_1e25: String,
    /// Which Epoch files list the model ("notable;large_scale;eci").
    pub sources: String,
    /// Source link.
    pub link: String,
    /// Every scored ECI version as "release date:score", joined with ";"
    /// ("2024-12-20:140.1;2025-04-16:147.2"), so a score counts only from
    /// its version's release.
    #[serde(default)]
    pub eci_history: String,
    /// Epoch's "Parameters": the model's (total) parameter count.
    #[serde(serialize_with = "exponent")]
    pub parameters: Option<f64>,
    /// Epoch's "Training dataset size (total)": training datapoints (tokens
    /// for language models).
    #[serde(serialize_with = "exponent")]
    pub training_tokens: Option<f64>,
    /// Active parameters per token of a mixture-of-experts model, from its
    /// name ("235B-A22B") or Epoch's parameter notes.
    #[serde(serialize_with = "exponent")]
    pub active_parameters: Option<f64>,
    /// "true" when the name or Epoch's parameter notes say the model is a
    /// mixture of experts.
    pub moe: String,
}

/// An [`IsoDate`] whose error names the column (csv does not, for an error
/// raised by the type).
fn publication_date<'de, D: Deserializer<'de>>(d: D) -> Result<IsoDate, D::Error> {
    IsoDate::deserialize(d).map_err(|e| serde::de::Error::custom(format!("publication_date: {e}")))
}

/// Rust's `{:e}` notation (3.8e25), which parses back exactly.
fn exponent<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.collect_str(&format_args!("{v:e}")),
        None => s.serialize_none(),
    }
}

/// Rust's `{}` notation (22207, 143.5), which parses back exactly.
fn plain<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.collect_str(v),
        None => s.serialize_none(),
    }
}

/// The rows as `data/models.csv` is written: a header line of the field
/// names, then one line per row, with Unix newlines. No rows give no bytes
/// (the header is written with the first row).
pub fn write_csv(rows: &[ModelRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        writer.serialize(row)?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::MODELS_CSV;

    #[test]
    fn the_embedded_file_reads_and_writes_back_byte_for_byte() {
        let rows: Vec<ModelRow> = csv::Reader::from_reader(MODELS_CSV.as_bytes())
            .deserialize()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(rows.len() > 300);
        let written = String::from_utf8(write_csv(&rows).unwrap()).unwrap();
        for (i, (line, original)) in written.lines().zip(MODELS_CSV.lines()).enumerate() {
            assert_eq!(line, original, "line {}", i + 1);
        }
        assert_eq!(written.len(), MODELS_CSV.len());
    }
}
