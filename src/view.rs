//! Plain, serialisable views of an assessment: what the page and the wasm
//! API hand to JavaScript. Built in the core so native tests cover them.

use serde::Serialize;

use crate::catalog::{Catalog, Model};
use crate::evaluate::{Assessment, Likelihood, ModelVerdict, Overlap, Summary};
use crate::format;
use crate::presets;
use crate::rules::eu::{self, EuStatus};
use crate::rules::us::UsStatus;
use crate::scenario::Scenario;

/// What the data says about a model, in words with units: "3.8 × 10²⁶
/// FLOP (Likely); ECI 137.6; Cybench 17.5% solved". Where ECI scores several
/// versions of a model, the best is kept, and this says so.
pub fn model_facts(model: &Model) -> String {
    let mut facts = vec![match model.compute_flop {
        Some(flop) => format!(
            "{} ({})",
            format::flop(flop),
            model.compute_confidence.label()
        ),
        None => "compute undisclosed".to_string(),
    }];
    if let Some(eci) = model.eci {
        facts.push(match model.eci_versions {
            Some(n) if n > 1 => format!(
                "ECI {} (the best of {n} scored versions: {})",
                format::score(eci),
                model.eci_version
            ),
            _ => format!("ECI {}", format::score(eci)),
        });
    }
    if let Some(pct) = model.cybench_pct {
        facts.push(format!("Cybench {}% solved", format::score(pct)));
    }
    if let Some(cost) = model.cost_usd {
        facts.push(format!(
            "training cost {} (2023 dollars)",
            format::usd(cost)
        ));
    }
    facts.join("; ")
}

/// One row of the result table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerdictView {
    /// Model name.
    pub name: String,
    /// Lead developer.
    pub developer: String,
    /// Publication date, ISO.
    pub publication_date: String,
    /// Training compute in FLOP (cumulative for fine-tunes), if disclosed.
    pub compute_flop: Option<f64>,
    /// Base model name, for fine-tunes.
    pub base_model: Option<String>,
    /// US status.
    pub us: UsStatus,
    /// US reason in words.
    pub us_reason: String,
    /// EU status.
    pub eu: EuStatus,
    /// EU reason in words.
    pub eu_reason: String,
    /// For GPAI models: whether EU obligations apply yet, in words.
    pub eu_timing: Option<&'static str>,
    /// The comparison.
    pub overlap: Overlap,
    /// How sure the US verdict is: in, likely in, borderline, likely out, out, undetermined.
    pub us_likelihood: Likelihood,
    /// How sure the EU verdict is, for the compared tier.
    pub eu_likelihood: Likelihood,
    /// The estimate of its training compute, where it has no figure of its
    /// own and the scenario uses estimates.
    pub compute_estimate: Option<EstimateView>,
}

/// An estimate of undisclosed training compute, as the page and the API show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EstimateView {
    /// Lower end of the interval in FLOP (`None`: nothing bounds it below).
    pub low: Option<f64>,
    /// Central value in FLOP (`None` for bounds alone).
    pub central: Option<f64>,
    /// Upper end of the interval in FLOP (`None`: nothing bounds it above).
    pub high: Option<f64>,
    /// The method the estimate comes from ("capability", "parameters", ...).
    pub method: &'static str,
    /// The estimate in words: "~3 × 10²⁵ FLOP, 80% interval ... from its ECI score 146 and release date".
    pub words: String,
}

impl EstimateView {
    /// The estimate of model `index`, when the scenario uses estimates.
    pub fn of(catalog: &Catalog, index: usize, scenario: &Scenario) -> Option<EstimateView> {
        if !scenario.use_estimates {
            return None;
        }
        let estimates = catalog.estimates(scenario.estimate_level);
        let e = estimates.compute.get(index)?.as_ref()?;
        Some(EstimateView {
            low: e.low,
            central: e.central,
            high: e.high,
            method: e.method.name(),
            words: e.words.clone(),
        })
    }

    /// "~3 × 10²⁵ FLOP (estimated: capability)" or "at most 5 × 10²⁷ FLOP (estimated: frontier ceiling)".
    pub fn short(&self) -> String {
        let method = self.method.replace('_', " ");
        match (self.central, self.low, self.high) {
            (Some(c), _, _) => format!("~{} (estimated: {method})", format::flop(c)),
            (None, Some(low), _) => format!("over {} (estimated: {method})", format::flop(low)),
            (None, None, Some(high)) => {
                format!("at most {} (estimated: {method})", format::flop(high))
            }
            (None, None, None) => "undisclosed".to_string(),
        }
    }
}

/// An assessment as the UI shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AssessmentView {
    /// The counts.
    pub summary: Summary,
    /// The preset the scenario matches, if any.
    pub matching_preset: Option<&'static str>,
    /// One row per model published by the as-of date.
    pub models: Vec<VerdictView>,
}

impl VerdictView {
    /// Renders one verdict.
    pub fn new(catalog: &Catalog, verdict: &ModelVerdict, scenario: &Scenario) -> VerdictView {
        let model: &Model = &catalog.models[verdict.model];
        VerdictView {
            name: model.name.clone(),
            developer: model.developer.clone(),
            publication_date: model.publication_date.to_string(),
            compute_flop: model.compute_flop,
            base_model: model.base.map(|b| catalog.models[b].name.clone()),
            us: verdict.us.status,
            us_reason: verdict.us_reason(catalog),
            eu: verdict.eu.status,
            eu_reason: verdict.eu_reason(catalog, &scenario.eu),
            eu_timing: eu::timing(catalog, verdict.model, verdict.eu.status, scenario.as_of),
            overlap: verdict.overlap,
            us_likelihood: verdict.us_likelihood,
            eu_likelihood: verdict.eu_likelihood,
            compute_estimate: model
                .compute_flop
                .is_none()
                .then(|| EstimateView::of(catalog, verdict.model, scenario))
                .flatten(),
        }
    }
}

impl AssessmentView {
    /// Renders the verdicts of `models` (catalog indices), in that order;
    /// models not in the assessment (published after the as-of date) are
    /// left out.
    pub fn for_models(
        catalog: &Catalog,
        assessment: &Assessment,
        scenario: &Scenario,
        models: &[usize],
    ) -> AssessmentView {
        // Verdicts are in catalog order, so a binary search finds each one.
        let rows = models
            .iter()
            .filter_map(|m| {
                let at = assessment
                    .verdicts
                    .binary_search_by_key(m, |v| v.model)
                    .ok()?;
                Some(VerdictView::new(
                    catalog,
                    &assessment.verdicts[at],
                    scenario,
                ))
            })
            .collect();
        AssessmentView {
            summary: assessment.summary,
            matching_preset: presets::matching(scenario),
            models: rows,
        }
    }

    /// Renders a whole assessment.
    pub fn new(catalog: &Catalog, assessment: &Assessment, scenario: &Scenario) -> AssessmentView {
        AssessmentView {
            summary: assessment.summary,
            matching_preset: presets::matching(scenario),
            models: assessment
                .verdicts
                .iter()
                .map(|v| VerdictView::new(catalog, v, scenario))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};

    #[test]
    fn facts_say_when_eci_kept_the_best_of_several_versions() {
        let catalog = Catalog::embedded().unwrap();
        let opus = &catalog.models[catalog.find("Claude Opus 4.6").unwrap()];
        let facts = model_facts(opus);
        assert!(
            facts.starts_with("compute undisclosed; ECI 155.1 (the best of"),
            "{facts}"
        );
        let gpt = &catalog.models[catalog.find("GPT-4.5").unwrap()];
        assert!(
            model_facts(gpt).starts_with("3.8 × 10²⁶ FLOP (Likely); ECI"),
            "{}",
            model_facts(gpt)
        );
    }

    #[test]
    fn a_chosen_subset_keeps_its_order() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        let assessment = evaluate(&catalog, &scenario);
        let gpt = catalog.find("GPT-4.5").unwrap();
        let llama = catalog.find("Llama 3.1-405B").unwrap();
        let view = AssessmentView::for_models(&catalog, &assessment, &scenario, &[gpt, llama]);
        let names: Vec<&str> = view.models.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["GPT-4.5", "Llama 3.1-405B"]);
        let all = AssessmentView::new(&catalog, &assessment, &scenario);
        assert_eq!(all.models.len(), assessment.verdicts.len());
    }
}
