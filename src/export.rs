//! The assessment table as CSV, one row per model, for a spreadsheet.

use crate::catalog::ATTRIBUTION;
use crate::evaluate::{Likelihood, Overlap};
use crate::format;
use crate::rules::eu::EuStatus;
use crate::rules::us::UsStatus;
use crate::scenario::Scenario;
use crate::settings::{Kind, SETTINGS};
use crate::view::{AssessmentView, VerdictView};

/// The header row.
const HEADER: [&str; 20] = [
    "model",
    "developer",
    "publication_date",
    "compute_flop",
    "compute_estimate_method",
    "compute_estimate_low_flop",
    "compute_estimate_central_flop",
    "compute_estimate_high_flop",
    "base_model",
    "us_verdict",
    "us_likelihood",
    "us_reason",
    "eu_verdict",
    "eu_likelihood",
    "eu_reason",
    "eu_timing",
    "overlap",
    "estimate_words",
    "scenario_link",
    "source",
];

/// The assessment as CSV: a header, then one row per model in the view's order.
///
/// Verdicts are written with their snake_case names (`in`, `systemic_risk`,
/// `us_only`), compute in e-notation (`3.8e26`, empty when undisclosed).
/// A text cell a spreadsheet would read as a formula gets a leading `'`.
/// The last two columns repeat on every row: `scenario_link` (the page
/// link that reproduces the scenario, `link`) and `source` (the Epoch AI
/// attribution), so that a row copied or filtered on its own keeps them,
/// and the file stays one plain table a spreadsheet reads cleanly.
pub fn assessment_csv(view: &AssessmentView, link: &str) -> String {
    let (link, source) = (text(link), text(ATTRIBUTION));
    csv_text(|writer| {
        writer.write_record(HEADER)?;
        for row in &view.models {
            writer.write_record(record(row, &link, &source))?;
        }
        Ok(())
    })
}

/// The CSV that `write` writes, as text (in memory: it cannot fail).
fn csv_text(write: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> csv::Result<()>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    write(&mut writer)
        .and_then(|()| writer.flush().map_err(csv::Error::from))
        .expect("writing CSV into memory cannot fail");
    let bytes = writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    // Every cell came from a `String` or a number, so this is UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}

fn record(row: &VerdictView, link: &str, source: &str) -> [String; 20] {
    let flop = |f: Option<f64>| f.map_or_else(String::new, |f| format!("{f:e}"));
    // An estimate is this tool's arithmetic: four significant digits, not
    // the float's noise ("3.6099999999999985e25", a policy analyst
    // tester's find). Epoch's own figures are written as Epoch gives them.
    let estimated = |f: Option<f64>| f.map_or_else(String::new, format::sci4);
    let estimate = row.compute_estimate.as_ref();
    [
        text(&row.name),
        text(&row.developer),
        row.publication_date.clone(),
        flop(row.compute_flop),
        estimate.map_or_else(String::new, |e| e.method.to_string()),
        estimated(estimate.and_then(|e| e.low)),
        estimated(estimate.and_then(|e| e.central)),
        estimated(estimate.and_then(|e| e.high)),
        row.base_model.as_deref().map_or_else(String::new, text),
        us_name(row.us).to_string(),
        likelihood_name(row.us_likelihood).to_string(),
        text(&row.us_reason),
        eu_name(row.eu).to_string(),
        likelihood_name(row.eu_likelihood).to_string(),
        text(&row.eu_reason),
        text(row.eu_timing.unwrap_or_default()),
        overlap_name(row.overlap).to_string(),
        estimate.map_or_else(String::new, |e| text(&e.words)),
        link.to_string(),
        source.to_string(),
    ]
}

/// The sensitivity curve's figures as CSV: one row per swept US compute
/// threshold (in e-notation, four significant digits), the counts at the
/// estimates' centres and their range (`_low`: in at every reading,
/// `_high`: at some), the undetermined, then on every row the link that
/// reproduces the view and the Epoch AI attribution, as the table's CSV.
/// (A policy analyst tester could not get the curve into a memo.)
pub fn sweep_csv(points: &[crate::sweep::SweepPoint], link: &str) -> String {
    let (link, source) = (text(link), text(ATTRIBUTION));
    csv_text(|writer| {
        writer.write_record([
            "us_compute_threshold_flop",
            "models_in",
            "models_low",
            "models_high",
            "developers_in",
            "developers_low",
            "developers_high",
            "models_undetermined",
            "scenario_link",
            "source",
        ])?;
        for p in points {
            writer.write_record([
                format::sci4(p.threshold_flop),
                p.models_in.to_string(),
                p.models_low.to_string(),
                p.models_high.to_string(),
                p.developers_in.to_string(),
                p.developers_low.to_string(),
                p.developers_high.to_string(),
                p.models_undetermined.to_string(),
                link.clone(),
                source.clone(),
            ])?;
        }
        Ok(())
    })
}

/// A likelihood's name, as serde writes it (`likely_in`).
fn likelihood_name(likelihood: Likelihood) -> &'static str {
    match likelihood {
        Likelihood::In => "in",
        Likelihood::LikelyIn => "likely_in",
        Likelihood::Borderline => "borderline",
        Likelihood::LikelyOut => "likely_out",
        Likelihood::Out => "out",
        Likelihood::Undetermined => "undetermined",
    }
}

/// A downloaded file's name: `scope-explorer-{kind}-{as-of date}-us-{US
/// compute threshold}-flop.{extension}`, without the kind for the table's
/// CSV (`scope-explorer-2026-08-08-us-1.0e26-flop.csv`) and with `chart`
/// for the chart's pictures, so that views at different thresholds or
/// dates save to different files.
pub fn file_name(kind: Option<&str>, scenario: &Scenario, extension: &str) -> String {
    let kind = kind.map_or_else(String::new, |k| format!("{k}-"));
    format!(
        "scope-explorer-{kind}{}-us-{:.1e}-flop.{extension}",
        scenario.as_of, scenario.us.compute_threshold_flop
    )
}

/// The scenario as CSV, one row per setting of [`SETTINGS`] that applies:
/// its URL parameter, label, value (as the URL writes it, `none` for an
/// optional test switched off), default and source. Beside the assessment
/// it says which definition produced it.
pub fn settings_csv(scenario: &Scenario) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = || -> csv::Result<()> {
        writer.write_record(["parameter", "setting", "value", "default", "source"])?;
        for setting in SETTINGS.iter().filter(|s| (s.applies)(scenario)) {
            let value = setting
                .url_text(scenario)
                .unwrap_or_else(|| crate::settings::NONE.to_string());
            let default = match &setting.kind {
                Kind::Slider(slider) => slider.unit.in_url(slider.default),
                Kind::Choice(choice) => choice.default.to_string(),
                Kind::Switch(switch) => switch.word(switch.default).to_string(),
                Kind::Date(_) => "today".to_string(),
            };
            writer.write_record([
                setting.param,
                &text(setting.label),
                &value,
                &default,
                &text(setting.source),
            ])?;
        }
        writer.flush()?;
        Ok(())
    };
    write().expect("writing CSV into memory cannot fail");
    let bytes = writer
        .into_inner()
        .expect("flushing CSV into memory cannot fail");
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A text cell, defused: spreadsheets run a cell starting with `=`, `+`,
/// `-` or `@` as a formula (OWASP, "CSV Injection"); tab and carriage
/// return can smuggle one in too.
fn text(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn us_name(status: UsStatus) -> &'static str {
    match status {
        UsStatus::In => "in",
        UsStatus::Out => "out",
        UsStatus::Undetermined => "undetermined",
    }
}

fn eu_name(status: EuStatus) -> &'static str {
    match status {
        EuStatus::NotGpai => "not_gpai",
        EuStatus::NotNewModel => "not_new_model",
        EuStatus::Gpai => "gpai",
        EuStatus::GpaiRiskUndetermined => "gpai_risk_undetermined",
        EuStatus::SystemicRisk => "systemic_risk",
        EuStatus::Undetermined => "undetermined",
    }
}

fn overlap_name(overlap: Overlap) -> &'static str {
    match overlap {
        Overlap::Both => "both",
        Overlap::UsOnly => "us_only",
        Overlap::EuOnly => "eu_only",
        Overlap::Neither => "neither",
        Overlap::Undetermined => "undetermined",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};

    fn view(id: &str) -> AssessmentView {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find(id, DEFAULT_AS_OF).unwrap().scenario;
        AssessmentView::new(&catalog, &evaluate(&catalog, &scenario), &scenario)
    }

    #[test]
    fn file_names_tell_thresholds_and_dates_apart() {
        let mut scenario = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        let csv = file_name(None, &scenario, "csv");
        assert_eq!(
            csv,
            format!("scope-explorer-{DEFAULT_AS_OF}-us-1.0e26-flop.csv")
        );
        let chart = file_name(Some("chart"), &scenario, "svg");
        assert_eq!(
            chart,
            format!("scope-explorer-chart-{DEFAULT_AS_OF}-us-1.0e26-flop.svg")
        );
        scenario.us.compute_threshold_flop = 3.2e25;
        assert_eq!(
            file_name(Some("chart"), &scenario, "png"),
            format!("scope-explorer-chart-{DEFAULT_AS_OF}-us-3.2e25-flop.png")
        );
        assert_ne!(file_name(None, &scenario, "csv"), csv);
    }

    /// Column `name` of `row`, by the header.
    fn cell<'a>(row: &'a csv::StringRecord, name: &str) -> &'a str {
        let at = HEADER.iter().position(|h| *h == name).expect("a column");
        &row[at]
    }

    #[test]
    fn one_row_per_model_and_known_verdicts() {
        let view = view("sb53");
        let link = "https://example.org/?us_flop=1e26&deriv=cumulative";
        let text = assessment_csv(&view, link);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().unwrap(), HEADER.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), view.models.len());
        let gpt = rows.iter().find(|r| &r[0] == "GPT-4.5").unwrap();
        assert_eq!(cell(gpt, "developer"), "OpenAI");
        assert_eq!(cell(gpt, "publication_date"), "2025-02-27");
        assert_eq!(cell(gpt, "compute_flop").parse::<f64>().unwrap(), 3.8e26);
        assert_eq!(cell(gpt, "base_model"), "");
        assert_eq!(cell(gpt, "us_verdict"), "in");
        assert_eq!(cell(gpt, "us_likelihood"), "in");
        assert!(cell(gpt, "us_reason").starts_with("training compute "));
        assert_eq!(cell(gpt, "eu_verdict"), "systemic_risk");
        assert_eq!(cell(gpt, "overlap"), "both");
        assert_eq!(cell(gpt, "compute_estimate_method"), "");
        // Every row carries the link and the attribution.
        for row in &rows {
            assert_eq!(cell(row, "scenario_link"), link);
            assert_eq!(cell(row, "source"), ATTRIBUTION);
            assert!(cell(row, "source").contains("Epoch AI"));
        }
    }

    #[test]
    fn estimates_have_their_own_columns() {
        let catalog = Catalog::embedded().unwrap();
        let mut scenario = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        scenario.use_estimates = true;
        let assessment = evaluate(&catalog, &scenario);
        let text = assessment_csv(&AssessmentView::new(&catalog, &assessment, &scenario), "");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let opus = rows.iter().find(|r| &r[0] == "Claude Opus 4.6").unwrap();
        assert_eq!(cell(opus, "compute_flop"), "");
        assert_eq!(cell(opus, "compute_estimate_method"), "capability");
        let number = |name| cell(opus, name).parse::<f64>().unwrap();
        let (low, central, high) = (
            number("compute_estimate_low_flop"),
            number("compute_estimate_central_flop"),
            number("compute_estimate_high_flop"),
        );
        assert!(low < central && central < high, "{low} {central} {high}");
        // Four significant digits at most, in every estimate cell.
        for row in &rows {
            for name in [
                "compute_estimate_low_flop",
                "compute_estimate_central_flop",
                "compute_estimate_high_flop",
            ] {
                let value = cell(row, name);
                let mantissa = value.split('e').next().unwrap();
                let digits = mantissa.chars().filter(char::is_ascii_digit).count();
                assert!(digits <= 4, "{}: {name} {value}", &row[0]);
            }
        }
        assert!(cell(opus, "estimate_words").contains("80% interval"));
        // A reported figure has no estimate.
        let gpt = rows.iter().find(|r| &r[0] == "GPT-4.5").unwrap();
        assert_eq!(cell(gpt, "compute_estimate_method"), "");
    }

    #[test]
    fn the_curve_as_csv_has_a_row_per_threshold_with_the_counts() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        let points = crate::sweep::us_threshold_sweep(&catalog, &scenario, 22.0, 28.0, 61);
        let text = sweep_csv(&points, "http://x/?us_flop=1e26");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(
            reader.headers().unwrap().iter().collect::<Vec<_>>(),
            [
                "us_compute_threshold_flop",
                "models_in",
                "models_low",
                "models_high",
                "developers_in",
                "developers_low",
                "developers_high",
                "models_undetermined",
                "scenario_link",
                "source"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 61);
        assert_eq!(&rows[0][0], "1e22");
        assert_eq!(&rows[40][0], "1e26");
        assert_eq!(&rows[60][0], "1e28");
        // At 1e26 the counts are the headline's for the same scenario.
        let summary = crate::evaluate::evaluate(&catalog, &scenario).summary;
        let number = |row: &csv::StringRecord, i: usize| row[i].parse::<usize>().unwrap();
        assert_eq!(number(&rows[40], 1), summary.us.models_in);
        assert_eq!(number(&rows[40], 2), summary.us.models_low);
        assert_eq!(number(&rows[40], 3), summary.us.models_high);
        assert_eq!(number(&rows[40], 4), summary.us.developers_in);
        assert_eq!(number(&rows[40], 7), summary.us.models_undetermined);
        assert!(rows
            .iter()
            .all(|r| &r[8] == "http://x/?us_flop=1e26" && r[9].contains("Epoch AI")));
    }

    #[test]
    fn every_verdict_name_is_the_serde_name() {
        for status in [UsStatus::In, UsStatus::Out, UsStatus::Undetermined] {
            assert_eq!(serde_name(status), us_name(status));
        }
        for status in EuStatus::ALL {
            assert_eq!(serde_name(status), eu_name(status));
        }
        for overlap in Overlap::ALL {
            assert_eq!(serde_name(overlap), overlap_name(overlap));
        }
        for likelihood in [
            Likelihood::In,
            Likelihood::LikelyIn,
            Likelihood::Borderline,
            Likelihood::LikelyOut,
            Likelihood::Out,
            Likelihood::Undetermined,
        ] {
            assert_eq!(serde_name(likelihood), likelihood_name(likelihood));
        }
    }

    /// A unit variant's serde name, through the CSV serialiser.
    fn serde_name(value: impl serde::Serialize) -> String {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        writer.serialize([value]).unwrap();
        let bytes = writer.into_inner().unwrap();
        String::from_utf8(bytes).unwrap().trim_end().to_string()
    }

    #[test]
    fn settings_csv_lists_each_setting_that_applies() {
        let scenario = presets::find("sb1047", DEFAULT_AS_OF).unwrap().scenario;
        let text = settings_csv(&scenario);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let row = |param: &str| rows.iter().find(|r| &r[0] == param).cloned();
        let flop = row("deriv_flop").unwrap();
        assert_eq!((&flop[2], &flop[3]), ("3e25", "3e25"));
        assert!(flop[4].contains("SB 1047"), "{}", &flop[4]);
        assert_eq!(&row("cost_usd").unwrap()[2], "1e8");
        assert_eq!(&row("us_bio").unwrap()[2], "none");
        assert_eq!(&row("as_of").unwrap()[3], "today");
        assert!(row("deriv_frac").is_none());
        assert!(row("cap_min").is_none());
    }

    #[test]
    fn formula_like_text_is_defused() {
        let mut view = view("sb53");
        view.models.truncate(1);
        view.models[0].name = "=HYPERLINK(\"http://x\")".into();
        view.models[0].developer = "@SUM(A1)".into();
        view.models[0].base_model = Some("-1+1".into());
        view.models[0].us_reason = "+cmd".into();
        let text = assessment_csv(&view, "");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(cell(&row, "model"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(cell(&row, "developer"), "'@SUM(A1)");
        assert_eq!(cell(&row, "base_model"), "'-1+1");
        assert_eq!(cell(&row, "us_reason"), "'+cmd");
        assert_eq!(text.lines().count(), 2);
    }
}
