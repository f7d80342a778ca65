//! How the US definition's reach moves with the rule for fine-tuned
//! derivatives: the same thresholds under each of the five rules, side by
//! side, so that the derivative question can be seen at once.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::evaluate::{published_by, Judges, RegimeCounts, RegimeTally};
use crate::scenario::{DerivKind, DerivativeRule, Scenario};
use crate::settings;

/// The US definition's reach under one derivative rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleReach {
    /// The rule's name in the URL ("cumulative").
    pub kind: &'static str,
    /// The rule as the page's choice names it.
    pub label: &'static str,
    /// The rule with its number: the scenario's own for the current kind,
    /// the precedent's for the others (one third, 3 × 10²⁵ FLOP).
    pub rule: DerivativeRule,
    /// Whether this is the scenario's rule.
    pub current: bool,
    /// The US counts under it, as ranges.
    pub us: RegimeCounts,
}

/// The US counts under every derivative rule, in the order the page's
/// choice lists them, everything else as in `scenario`. One pass over the
/// published models per rule, US side only.
pub fn compare(catalog: &Catalog, scenario: &Scenario) -> Vec<RuleReach> {
    reach(catalog, scenario, None)
}

/// [`compare`] with the counts of the scenario's own rule already known
/// (its assessment's `summary.us`): one pass fewer.
pub fn compare_reusing(
    catalog: &Catalog,
    scenario: &Scenario,
    current_us: &RegimeCounts,
) -> Vec<RuleReach> {
    reach(catalog, scenario, Some(current_us))
}

fn reach(catalog: &Catalog, scenario: &Scenario, known: Option<&RegimeCounts>) -> Vec<RuleReach> {
    let current = scenario.us.derivatives.kind();
    let published: Vec<usize> = published_by(catalog, scenario.as_of).collect();
    let mut tally = RegimeTally::new(catalog.developers.len());
    DerivKind::ALL
        .iter()
        .map(|&kind| {
            let mut s = scenario.clone();
            if kind != current {
                s.us.derivatives = kind.starting_rule();
            }
            let us = match known.filter(|_| kind == current) {
                Some(counts) => *counts,
                None => {
                    tally.reset();
                    let judges = Judges::new(catalog, &s);
                    for &index in &published {
                        tally.add(catalog.models[index].developer_id, judges.us(index).1);
                    }
                    tally.counts()
                }
            };
            RuleReach {
                kind: kind.name(),
                label: label(kind),
                rule: s.us.derivatives,
                current: kind == current,
                us,
            }
        })
        .collect()
}

/// The rules' labels, in the order [`compare`] gives them.
pub fn compare_labels() -> Vec<&'static str> {
    DerivKind::ALL.iter().map(|&k| label(k)).collect()
}

/// The derivative choice's label for `kind`, from the settings table.
fn label(kind: DerivKind) -> &'static str {
    settings::SETTINGS
        .iter()
        .find(|s| s.param == "deriv")
        .and_then(|s| match &s.kind {
            settings::Kind::Choice(choice) => choice.label(kind.name()),
            _ => None,
        })
        .unwrap_or(kind.name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::evaluate;
    use crate::presets::{self, DEFAULT_AS_OF};

    #[test]
    fn each_rule_gives_what_evaluate_gives_under_it() {
        let catalog = Catalog::embedded().unwrap();
        for scenario in [
            presets::default_view(DEFAULT_AS_OF).unwrap(),
            presets::find("eu-ai-act", DEFAULT_AS_OF).unwrap().scenario,
            presets::find("sb1047", DEFAULT_AS_OF).unwrap().scenario,
        ] {
            let rows = compare(&catalog, &scenario);
            // Reusing the scenario's own assessment gives the same rows.
            let own = evaluate(&catalog, &scenario).summary.us;
            assert_eq!(compare_reusing(&catalog, &scenario, &own), rows);
            assert_eq!(rows.len(), DerivKind::ALL.len());
            assert_eq!(rows.iter().filter(|r| r.current).count(), 1);
            for row in &rows {
                let mut s = scenario.clone();
                s.us.derivatives = row.rule;
                assert_eq!(row.us, evaluate(&catalog, &s).summary.us, "{}", row.kind);
                assert_eq!(row.rule.kind().name(), row.kind);
                assert!(!row.label.is_empty() && row.label != row.kind);
                if row.current {
                    assert_eq!(row.rule, scenario.us.derivatives);
                }
            }
            // Excluding derivatives never covers more than counting them
            // through their base's compute does.
            let by = |k: DerivKind| rows.iter().find(|r| r.kind == k.name()).unwrap();
            assert!(
                by(DerivKind::Exclude).us.models_high <= by(DerivKind::Cumulative).us.models_high
            );
        }
    }
}
