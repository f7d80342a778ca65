//! What the embed's module keeps of each column of `data/models.csv`.
//!
//! The embed (built without the `full` feature: `scripts/build-web.sh`,
//! www/pkg-embed) shows no table, no CSV export and no JavaScript API, so
//! some columns are never read there. build.rs (which includes this file)
//! writes them smaller in that build only; the full build keeps every field
//! verbatim. Each rule below names the only reader of the column in the
//! embed, and `slim_tests` checks that every verdict, reason and text is
//! the same with the slimmed dataset.

/// The field of `column` as the embed's dataset stores it.
///
/// - `link`, `country`: read by nothing but the full build's API (the
///   serialised `Model`): written empty.
/// - `accessibility`: read only by `Model::unreleased` (the EU rules),
///   which asks whether it reads "Unreleased": kept when it does, else empty.
/// - `task`, `sources`: read only by the EU generality test, which build.rs
///   works out from the verbatim fields into the `generative` column:
///   written empty.
///
/// Every other column is kept verbatim.
pub fn embed_field<'a>(column: &str, field: &'a str) -> &'a str {
    match column {
        "link" | "country" | "task" | "sources" => "",
        "accessibility" if field.trim().eq_ignore_ascii_case("unreleased") => field,
        "accessibility" => "",
        _ => field,
    }
}
