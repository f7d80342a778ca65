//! The checked model's form and the projection's settings in the URL,
//! beside the scenario: `chk_*` and `proj_*` parameters. The form travels
//! as typed (a link reproduces what was typed, and the form shows each
//! field's error beside it); what the codec cannot use at all (an unknown
//! parameter, a repeated one, a chip or method it does not know, an
//! over-long value, a projection number out of range) is ignored with a
//! message, like the scenario's parameters.

use crate::check::compute::accelerator;
use crate::check::form::{parse_number, METHODS};
use crate::check::{CheckForm, Output};
use crate::projection::{ProjectionSettings, GROWTH_RANGE, RATE_RANGE};

use super::vocabulary::quoted;

/// Longest value kept for a form field, in characters.
pub const MAX_VALUE: usize = 200;

/// The check form's parameters, in the order they are written.
pub const CHECK_PARAMS: [&str; 18] = [
    "chk_name",
    "chk_method",
    "chk_flop",
    "chk_params",
    "chk_tokens",
    "chk_chip",
    "chk_chips",
    "chk_days",
    "chk_util",
    "chk_date",
    "chk_eci",
    "chk_cyb",
    "chk_cost",
    "chk_gen",
    "chk_base",
    "chk_ft",
    "chk_same",
    "chk_bio",
];

/// The projection's parameters.
pub const PROJECTION_PARAMS: [&str; 3] = ["proj_glow", "proj_ghigh", "proj_rate"];

/// The model table's view: its filter's words, a lab's rows, its sort.
pub const TABLE_PARAMS: [&str; 3] = ["tbl_q", "tbl_lab", "tbl_sort"];

/// The table's columns as `tbl_sort` names them (a leading `-`: descending).
pub const SORT_KEYS: [&str; 6] = ["model", "developer", "published", "compute", "us", "eu"];

/// The model table's view in a link: what its filter keeps and its sort.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableView {
    /// The filter's words (`tbl_q`).
    pub words: Option<String>,
    /// A lab's rows (`tbl_lab`, the developer's name as Epoch gives it).
    pub lab: Option<String>,
    /// The column ([`SORT_KEYS`]) and whether ascending (`tbl_sort`).
    pub sort: Option<(&'static str, bool)>,
}

/// The query for the table's view: what differs from a table with no
/// filter, newest first.
pub fn encode_table(view: &TableView) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(lab) = &view.lab {
        query.append_pair("tbl_lab", lab);
    } else if let Some(words) = view.words.as_ref().filter(|w| !w.trim().is_empty()) {
        query.append_pair("tbl_q", words.trim());
    }
    match view.sort {
        None | Some(("published", false)) => {}
        Some((key, true)) => {
            query.append_pair("tbl_sort", key);
        }
        Some((key, false)) => {
            query.append_pair("tbl_sort", &format!("-{key}"));
        }
    }
    query.finish()
}

/// Whether a parameter belongs to this codec (the scenario's decoder leaves it).
pub fn is_own(param: &str) -> bool {
    param.starts_with("chk_") || param.starts_with("proj_") || param.starts_with("tbl_")
}

fn text_of(f: &CheckForm, param: &str) -> String {
    match param {
        "chk_name" => f.name.clone(),
        "chk_method" => f.method().to_string(),
        "chk_flop" => f.flop.clone(),
        "chk_params" => f.parameters.clone(),
        "chk_tokens" => f.tokens.clone(),
        "chk_chip" => f.chip.clone(),
        "chk_chips" => f.chips.clone(),
        "chk_days" => f.days.clone(),
        "chk_util" => f.utilisation_pct.clone(),
        "chk_date" => f.publication_date.clone(),
        "chk_eci" => f.eci.clone(),
        "chk_cyb" => f.cybench_pct.clone(),
        "chk_cost" => f.cost_usd.clone(),
        "chk_gen" => f.generates.join(","),
        "chk_base" => f.base_model.clone(),
        "chk_ft" => f.finetune_flop.clone(),
        "chk_same" => if f.same_developer { "1" } else { "" }.to_string(),
        "chk_bio" => if f.biological { "1" } else { "" }.to_string(),
        _ => String::new(),
    }
}

/// The query for a check form (without `?`): every non-empty field in
/// [`CHECK_PARAMS`] order; empty for an empty form.
pub fn encode_check(form: &CheckForm) -> String {
    if *form == CheckForm::default() {
        return String::new();
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    for param in CHECK_PARAMS {
        let text = text_of(form, param);
        if !text.trim().is_empty() {
            query.append_pair(param, text.trim());
        }
    }
    query.finish()
}

/// The query for projection settings: only what differs from the defaults.
pub fn encode_projection(settings: &ProjectionSettings) -> String {
    let defaults = ProjectionSettings::default();
    let mut query = form_urlencoded::Serializer::new(String::new());
    if settings.growth_low != defaults.growth_low {
        query.append_pair("proj_glow", &crate::format::plain4(settings.growth_low));
    }
    if settings.growth_high != defaults.growth_high {
        query.append_pair("proj_ghigh", &crate::format::plain4(settings.growth_high));
    }
    if let Some(rate) = settings.models_per_year {
        query.append_pair("proj_rate", &crate::format::plain4(rate));
    }
    query.finish()
}

/// What [`decode_extras`] made of a query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras {
    /// The check form, when the query has any `chk_` parameter.
    pub check: Option<CheckForm>,
    /// The projection's settings (the defaults where not given).
    pub projection: ProjectionSettings,
    /// The model table's filter and sort.
    pub table: TableView,
    /// One message per parameter or value not used.
    pub ignored: Vec<String>,
}

/// Reads the `chk_` and `proj_` parameters of a query (a leading `?` or
/// `#` is allowed), ignoring the rest (the scenario's decoder reads them).
pub fn decode_extras(query: &str) -> Extras {
    let query = query
        .strip_prefix('?')
        .or_else(|| query.strip_prefix('#'))
        .unwrap_or(query);
    let mut extras = Extras::default();
    let mut seen: Vec<String> = Vec::new();
    let mut form = CheckForm::default();
    let mut any_check = false;
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if !is_own(&key) {
            continue;
        }
        let ignore = |why: String| format!("ignored {key} {} ({why})", quoted(&value));
        if !CHECK_PARAMS.contains(&key.as_ref())
            && !PROJECTION_PARAMS.contains(&key.as_ref())
            && !TABLE_PARAMS.contains(&key.as_ref())
        {
            extras.ignored.push(format!(
                "ignored unknown parameter {} (value {})",
                quoted(&key),
                quoted(&value)
            ));
            continue;
        }
        if seen.contains(&key.to_string()) {
            extras.ignored.push(format!(
                "{key}: ignored repeated value {}; kept the first",
                quoted(&value)
            ));
            continue;
        }
        seen.push(key.to_string());
        if value.chars().count() > MAX_VALUE {
            extras
                .ignored
                .push(ignore(format!("longer than {MAX_VALUE} characters")));
            continue;
        }
        if key.starts_with("tbl_") {
            let text = value.trim();
            match key.as_ref() {
                "tbl_q" if !text.is_empty() => extras.table.words = Some(text.to_string()),
                "tbl_lab" if !text.is_empty() => extras.table.lab = Some(text.to_string()),
                "tbl_sort" => {
                    let (key_text, ascending) = match text.strip_prefix('-') {
                        Some(rest) => (rest, false),
                        None => (text, true),
                    };
                    match SORT_KEYS.iter().find(|k| k.eq_ignore_ascii_case(key_text)) {
                        Some(k) => extras.table.sort = Some((k, ascending)),
                        None => extras.ignored.push(ignore(format!(
                            "not one of {}, each with a leading - for descending",
                            SORT_KEYS.join(", ")
                        ))),
                    }
                }
                _ => {}
            }
            continue;
        }
        if key.starts_with("proj_") {
            if let Err(why) = set_projection(&mut extras.projection, &key, &value) {
                extras.ignored.push(ignore(why));
            }
            continue;
        }
        any_check = true;
        if let Err(why) = set_check(&mut form, &key, &value) {
            extras.ignored.push(ignore(why));
        }
    }
    if extras.projection.growth_low > extras.projection.growth_high {
        let defaults = ProjectionSettings::default();
        extras.ignored.push(format!(
            "ignored proj_glow {} and proj_ghigh {} (the low end is above the high end): kept {}× to {}× per year",
            crate::format::plain4(extras.projection.growth_low),
            crate::format::plain4(extras.projection.growth_high),
            defaults.growth_low,
            defaults.growth_high
        ));
        extras.projection.growth_low = defaults.growth_low;
        extras.projection.growth_high = defaults.growth_high;
    }
    extras.check = any_check.then_some(form);
    extras
}

fn set_check(form: &mut CheckForm, key: &str, value: &str) -> Result<(), String> {
    let text = value.trim().to_string();
    match key {
        "chk_name" => form.name = text,
        "chk_method" if METHODS.contains(&text.as_str()) => form.method = text,
        "chk_method" => return Err(format!("not one of {}", METHODS.join(", "))),
        "chk_flop" => form.flop = text,
        "chk_params" => form.parameters = text,
        "chk_tokens" => form.tokens = text,
        "chk_chip" if accelerator(&text).is_some() => form.chip = text,
        "chk_chip" => return Err("not a chip of the table".into()),
        "chk_chips" => form.chips = text,
        "chk_days" => form.days = text,
        "chk_util" => form.utilisation_pct = text,
        "chk_date" => form.publication_date = text,
        "chk_eci" => form.eci = text,
        "chk_cyb" => form.cybench_pct = text,
        "chk_cost" => form.cost_usd = text,
        "chk_gen" => {
            let names: Vec<&str> = text.split(',').map(str::trim).collect();
            if let Some(bad) = names.iter().find(|n| Output::parse(n).is_none()) {
                return Err(format!(
                    "{} is not one of text, images, video, audio, other",
                    quoted(bad)
                ));
            }
            form.generates = names.into_iter().map(str::to_string).collect();
        }
        "chk_base" => form.base_model = text,
        "chk_ft" => form.finetune_flop = text,
        "chk_same" => match text.as_str() {
            "1" => form.same_developer = true,
            "0" => form.same_developer = false,
            _ => return Err("expected 1 or 0".into()),
        },
        "chk_bio" => match text.as_str() {
            "1" => form.biological = true,
            "0" => form.biological = false,
            _ => return Err("expected 1 or 0".into()),
        },
        _ => return Err("unknown".into()),
    }
    Ok(())
}

fn set_projection(settings: &mut ProjectionSettings, key: &str, value: &str) -> Result<(), String> {
    let number = parse_number(value).ok_or_else(|| "not a number".to_string())?;
    let (range, unit) = if key == "proj_rate" {
        (RATE_RANGE, "models per year")
    } else {
        (GROWTH_RANGE, "× per year")
    };
    if !(range.0..=range.1).contains(&number) {
        return Err(format!(
            "outside {} to {} {unit}",
            crate::format::plain4(range.0),
            crate::format::plain4(range.1)
        ));
    }
    match key {
        "proj_glow" => settings.growth_low = number,
        "proj_ghigh" => settings.growth_high = number,
        _ => settings.models_per_year = Some(number),
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_table_s_view_travels_in_the_link() {
        let extras = decode_extras("?us_flop=1e25&tbl_q=OpenAI&tbl_sort=-Compute");
        assert!(extras.ignored.is_empty(), "{:?}", extras.ignored);
        assert_eq!(extras.table.words.as_deref(), Some("OpenAI"));
        assert_eq!(extras.table.sort, Some(("compute", false)));
        assert_eq!(
            encode_table(&extras.table),
            "tbl_q=OpenAI&tbl_sort=-compute"
        );
        // A lab's rows, ascending by the US verdict.
        let extras = decode_extras("tbl_lab=Meta&tbl_sort=us");
        assert_eq!(extras.table.lab.as_deref(), Some("Meta"));
        assert_eq!(encode_table(&extras.table), "tbl_lab=Meta&tbl_sort=us");
        // The default view (no filter, newest first) writes nothing.
        let default = TableView {
            sort: Some(("published", false)),
            ..TableView::default()
        };
        assert_eq!(encode_table(&default), "");
        // A column that is none is refused, naming the ones that are.
        let extras = decode_extras("tbl_sort=size");
        assert_eq!(extras.table.sort, None);
        assert!(
            extras.ignored[0].contains("not one of model, developer"),
            "{:?}",
            extras.ignored
        );
        // The scenario's decoder leaves them alone.
        let decoded = crate::urlstate::decode(
            "tbl_q=x&tbl_lab=Meta&tbl_sort=us",
            &crate::presets::default_view(crate::presets::DEFAULT_AS_OF).unwrap(),
        );
        assert!(decoded.ignored.is_empty(), "{:?}", decoded.ignored);
    }
    use super::*;

    fn form() -> CheckForm {
        CheckForm {
            name: "Ours & co".into(),
            method: "parameters".into(),
            parameters: "70B".into(),
            tokens: "15T".into(),
            publication_date: "2026-09-01".into(),
            generates: vec!["text".into(), "audio".into()],
            base_model: "Llama 3.1-405B".into(),
            finetune_flop: "5e24".into(),
            same_developer: true,
            biological: true,
            cost_usd: "150M".into(),
            ..CheckForm::default()
        }
    }

    #[test]
    fn a_form_round_trips_as_typed() {
        let query = encode_check(&form());
        assert!(query.starts_with("chk_name=Ours+%26+co&chk_method=parameters&chk_params=70B"));
        let extras = decode_extras(&format!("?us_flop=1e26&{query}"));
        assert_eq!(extras.ignored, Vec::<String>::new());
        assert_eq!(extras.check, Some(form()));
        assert_eq!(encode_check(&extras.check.unwrap()), query);
        // No check parameter, no form.
        assert_eq!(decode_extras("us_flop=1e26").check, None);
        assert_eq!(encode_check(&CheckForm::default()), "");
    }

    #[test]
    fn the_scenario_decoder_leaves_these_parameters_to_this_one() {
        let base = crate::presets::find("sb53", crate::presets::DEFAULT_AS_OF)
            .unwrap()
            .scenario;
        let decoded = crate::urlstate::decode("chk_eci=1&proj_glow=3&chk_foo=2&bar=1", &base);
        assert_eq!(decoded.scenario, base);
        assert_eq!(decoded.ignored.len(), 1, "{:?}", decoded.ignored);
        assert!(decoded.ignored[0].contains("\"bar\""));
    }

    #[test]
    fn a_bad_field_travels_as_typed_for_the_form_to_name() {
        let extras = decode_extras("chk_date=2026-02-30&chk_tokens=lots");
        let form = extras.check.unwrap();
        assert_eq!(form.publication_date, "2026-02-30");
        assert_eq!(form.tokens, "lots");
        assert!(extras.ignored.is_empty());
    }

    #[test]
    fn what_cannot_be_used_is_ignored_with_a_message() {
        let long = "x".repeat(MAX_VALUE + 1);
        let extras = decode_extras(&format!(
            "chk_method=guess&chk_chip=abacus&chk_gen=text,smell&chk_same=yes&chk_foo=1&chk_eci=1&chk_eci=2&chk_name={long}&proj_glow=0.5&proj_rate=many"
        ));
        let messages = extras.ignored.join("\n");
        for expected in [
            "ignored chk_method \"guess\" (not one of flop, parameters, hardware)",
            "ignored chk_chip \"abacus\" (not a chip of the table)",
            "\"smell\" is not one of",
            "ignored chk_same \"yes\" (expected 1 or 0)",
            "ignored unknown parameter \"chk_foo\"",
            "chk_eci: ignored repeated value \"2\"; kept the first",
            "longer than 200 characters",
            "ignored proj_glow \"0.5\" (outside 1.01 to 20",
            "ignored proj_rate \"many\" (not a number)",
        ] {
            assert!(messages.contains(expected), "{expected} in\n{messages}");
        }
        let form = extras.check.unwrap();
        assert_eq!(form.eci, "1");
        assert_eq!(form.method, "");
        assert!(form.generates.is_empty());
        assert_eq!(extras.projection, ProjectionSettings::default());
    }

    #[test]
    fn projection_settings_round_trip_and_stay_ordered() {
        let settings = ProjectionSettings {
            growth_low: 2.5,
            growth_high: 3.0,
            models_per_year: Some(150.0),
        };
        let query = encode_projection(&settings);
        assert_eq!(query, "proj_glow=2.5&proj_ghigh=3&proj_rate=150");
        assert_eq!(decode_extras(&query).projection, settings);
        assert_eq!(encode_projection(&ProjectionSettings::default()), "");
        let crossed = decode_extras("proj_glow=6&proj_ghigh=3");
        assert_eq!(crossed.projection, ProjectionSettings::default());
        assert!(crossed.ignored[0].contains("the low end is above the high end"));
    }
}
