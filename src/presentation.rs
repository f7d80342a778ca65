//! What the page decides about an assessment, decided here so that native
//! tests cover it: a model's details sentence, the words for each overlap
//! and EU tier, and the order of statuses when a table sorts by them.

use crate::catalog::Catalog;
use crate::evaluate::{Assessment, Overlap};
use crate::rules::eu::EuStatus;
use crate::rules::us::UsStatus;
use crate::scenario::{EuTier, Scenario};
use crate::view;

/// An overlap category in words: "in both", "US only".
pub fn overlap_words(overlap: Overlap) -> &'static str {
    match overlap {
        Overlap::Both => "in both",
        Overlap::UsOnly => "US only",
        Overlap::EuOnly => "EU only",
        Overlap::Neither => "in neither",
        Overlap::Undetermined => "undetermined",
    }
}

/// The EU tier compared with, in words.
pub fn tier_words(tier: EuTier) -> &'static str {
    match tier {
        EuTier::SystemicRisk => "EU GPAI models with systemic risk",
        EuTier::Gpai => "EU GPAI models",
    }
}

/// Where a US status sorts: covered first, undetermined last.
pub fn us_rank(status: UsStatus) -> u8 {
    match status {
        UsStatus::In => 0,
        UsStatus::Out => 1,
        UsStatus::Undetermined => 2,
    }
}

/// Where an EU status sorts: the systemic-risk tier first, then GPAI,
/// the two kinds of "not covered", and undetermined last.
pub fn eu_rank(status: EuStatus) -> u8 {
    match status {
        EuStatus::SystemicRisk => 0,
        EuStatus::GpaiRiskUndetermined => 1,
        EuStatus::Gpai => 2,
        EuStatus::NotNewModel => 3,
        EuStatus::NotGpai => 4,
        EuStatus::Undetermined => 5,
    }
}

/// A model's details in one sentence: who made it and when, what the data
/// says, the overlap, and each regime's verdict with its reason. A model
/// published after the as-of date says only that. `model` is a catalog index.
pub fn model_details(
    catalog: &Catalog,
    assessment: &Assessment,
    scenario: &Scenario,
    model: usize,
) -> String {
    let Some(m) = catalog.models.get(model) else {
        return String::new();
    };
    // Verdicts are in catalog order.
    let verdict = assessment
        .verdicts
        .binary_search_by_key(&model, |v| v.model)
        .ok()
        .map(|at| &assessment.verdicts[at]);
    match verdict {
        None => format!("{}: published after the as-of date.", m.name),
        Some(v) => format!(
            "{} ({}, published {}; {}): {}. US {}: {}. EU {}: {}.",
            m.name,
            m.developer,
            m.publication_date,
            view::model_facts(m),
            overlap_words(v.overlap),
            v.us.status.label(),
            v.us.describe(catalog),
            v.eu.status.label(),
            v.eu.describe(catalog, &scenario.eu),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};
    use crate::rules::eu::EuStatus;

    #[test]
    fn details_give_facts_overlap_and_both_verdicts() {
        let catalog = Catalog::embedded().unwrap();
        let scenario = presets::find("sb53", DEFAULT_AS_OF).unwrap().scenario;
        let assessment = evaluate(&catalog, &scenario);
        let gpt = catalog.find("GPT-4.5").unwrap();
        let text = model_details(&catalog, &assessment, &scenario, gpt);
        assert!(
            text.starts_with(
                "GPT-4.5 (OpenAI, published 2025-02-27; 3.8 × 10^26 FLOP (Likely); ECI"
            ),
            "{text}"
        );
        assert!(text.contains("): in both. US in"), "{text}");
        assert!(text.contains(". EU "), "{text}");
        let mut early = scenario.clone();
        early.as_of = crate::date::IsoDate::parse("2020-01-01").unwrap();
        let assessment = evaluate(&catalog, &early);
        assert_eq!(
            model_details(&catalog, &assessment, &early, gpt),
            "GPT-4.5: published after the as-of date."
        );
        assert_eq!(model_details(&catalog, &assessment, &early, usize::MAX), "");
    }

    #[test]
    fn covered_sorts_first_and_undetermined_last() {
        let us = [UsStatus::Undetermined, UsStatus::Out, UsStatus::In];
        let mut sorted = us;
        sorted.sort_by_key(|s| us_rank(*s));
        assert_eq!(
            sorted,
            [UsStatus::In, UsStatus::Out, UsStatus::Undetermined]
        );
        let mut eu = EuStatus::ALL;
        eu.sort_by_key(|s| eu_rank(*s));
        assert_eq!(eu[0], EuStatus::SystemicRisk);
        assert_eq!(eu[5], EuStatus::Undetermined);
        let ranks: std::collections::BTreeSet<u8> = EuStatus::ALL.map(eu_rank).into();
        assert_eq!(ranks.len(), EuStatus::ALL.len());
    }
}
