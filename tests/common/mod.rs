//! Helpers shared by the test suites: synthetic catalogs and lookups.
#![allow(dead_code)]

#[cfg(target_arch = "wasm32")]
pub mod web;

use scope_explorer::catalog::Catalog;
use scope_explorer::evaluate::{judge, ModelVerdict};
use scope_explorer::presets::{self, DEFAULT_AS_OF};
use scope_explorer::scenario::Scenario;

pub const HEADER: &str = "name,developer,organizations,country,publication_date,domain,task,compute_flop,compute_confidence,compute_source,base_model,finetune_compute_flop,open_weights,accessibility,cost_usd,eci,eci_version,eci_versions,cybench_unguided_pct,estimated_over_1e25,maybe_over_1e25,sources,link,parameters,training_tokens,active_parameters,moe";

/// A synthetic model row: name, developer, compute, base, fine-tune compute.
pub struct Row<'a> {
    pub name: &'a str,
    pub developer: &'a str,
    pub compute: &'a str,
    /// Epoch's confidence label of `compute` ("Speculative"; empty: none).
    pub confidence: &'a str,
    pub base: &'a str,
    pub finetune: &'a str,
    pub domain: &'a str,
    pub eci: &'a str,
    pub cost: &'a str,
    pub flag: &'a str,
    /// Every organisation listed ("A; B"); empty means the developer alone.
    pub orgs: &'a str,
    pub task: &'a str,
    pub date: &'a str,
    pub access: &'a str,
}

pub const ROW: Row<'static> = Row {
    name: "",
    developer: "Lab",
    compute: "",
    confidence: "Confident",
    base: "",
    finetune: "",
    domain: "Language",
    eci: "",
    cost: "",
    flag: "",
    orgs: "",
    task: "",
    date: "2025-01-01",
    access: "",
};

pub fn catalog(rows: &[Row]) -> Catalog {
    let mut csv = String::from(HEADER);
    for r in rows {
        csv.push_str(&format!(
            "\n{},{},{},United States of America,{},{},{},{},{},notable,{},{},no,{},{},{},,,,{},,notable,,,,,",
            r.name,
            r.developer,
            if r.orgs.is_empty() { r.developer } else { r.orgs },
            r.date,
            r.domain,
            r.task,
            r.compute,
            r.confidence,
            r.base,
            r.finetune,
            r.access,
            r.cost,
            r.eci,
            r.flag
        ));
    }
    csv.push('\n');
    Catalog::from_csv(&csv).expect("synthetic catalog parses")
}

pub fn preset(id: &str) -> Scenario {
    presets::find(id, DEFAULT_AS_OF)
        .expect("preset exists")
        .scenario
}

pub fn verdict(catalog: &Catalog, name: &str, scenario: &Scenario) -> ModelVerdict {
    let index = catalog
        .find(name)
        .unwrap_or_else(|| panic!("{name} is in the catalog"));
    judge(catalog, index, scenario)
}

/// What a figure reads at `reading`, where it reads as a number (an
/// estimate's ends and centre too).
pub fn value_at(
    figure: scope_explorer::rules::ComputeFigure,
    reading: scope_explorer::rules::Reading,
) -> Option<f64> {
    use scope_explorer::rules::{ComputeFigure, Reading};
    match figure {
        ComputeFigure::Estimated {
            central, low, high, ..
        } => match reading {
            Reading::Exact => None,
            Reading::Low => Some(low),
            Reading::Central => central,
            Reading::High => high,
        },
        other => other.end_at(reading),
    }
}
