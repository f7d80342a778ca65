//! The derivative case of a check: whether a fine-tuner becomes the
//! provider of a new model under the EU's one-third rule (as the EU
//! verdict decided it, through [`crate::rules::modification_makes_new_model`]),
//! and what each of the five US derivative rules says.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::format;
use crate::rules::eu::EuReason;
use crate::rules::{Judge, OriginalTier, Test};
use crate::scenario::{DerivKind, Scenario};

/// One US derivative rule's verdict on the checked fine-tune.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UsRuleVerdict {
    /// The rule's name in URLs ("cumulative").
    pub rule: &'static str,
    /// The rule in words, with its number.
    pub label: String,
    /// Whether it is the current scenario's rule.
    pub current: bool,
    /// "in", "likely in", "borderline", "likely out", "out" or
    /// "undetermined", as the verdicts say it.
    pub status: &'static str,
    /// Why, in words.
    pub reason: String,
}

/// The derivative case of a checked fine-tune.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DerivativeReport {
    /// The base model's name.
    pub base: String,
    /// Whether the fine-tuner is the base model's provider.
    pub same_provider: bool,
    /// Whether the fine-tune is a new model under the EU's one-third rule
    /// (`None` where the rule does not apply: the provider's own fine-tune,
    /// or a base that is not a GPAI model).
    pub eu_new_model: Option<Test>,
    /// The EU side in words.
    pub eu_words: String,
    /// Each US rule, in the settings' order.
    pub us_rules: Vec<UsRuleVerdict>,
}

/// The rule of `kind` as the scenario has it, or with the precedent's number.
fn rule_label(kind: DerivKind, scenario: &Scenario) -> (crate::scenario::DerivativeRule, String) {
    let rule = if scenario.us.derivatives.kind() == kind {
        scenario.us.derivatives
    } else {
        kind.starting_rule()
    };
    let label = match kind {
        DerivKind::Exclude => "Excluded (only models trained from scratch)".to_string(),
        DerivKind::Inherit => "Inherit the base model's status".to_string(),
        DerivKind::Cumulative => "Cumulative compute (SB 53 style)".to_string(),
        DerivKind::SubstantialModification => format!(
            "Substantial modification: more than {} of the base's compute (EU style)",
            format::fraction_words(rule.number().unwrap_or_default())
        ),
        DerivKind::OwnCompute => format!(
            "Own fine-tune compute of at least {} (SB 1047 style)",
            format::flop(rule.number().unwrap_or_default())
        ),
    };
    (rule, label)
}

/// The one-third rule's comparison when the original's compute is
/// undisclosed: the guidelines' fallback (sec. 3.2) is a fraction of the
/// systemic-risk threshold for an original with systemic risk, of the
/// GPAI threshold for one without, and both where its tier cannot be told.
fn fallback_words(
    finetune: f64,
    original: &str,
    tier: OriginalTier,
    new_model: Test,
    scenario: &Scenario,
) -> String {
    let fraction = format::fraction_words(scenario.eu.modifier_fraction);
    let (gpai, systemic) = (
        format::flop(scenario.eu.gpai_threshold_flop),
        format::flop(scenario.eu.systemic_threshold_flop),
    );
    // Printed on the right side of the fallback line that decides.
    let f = crate::rules::fallback_figure(
        finetune,
        tier,
        scenario.eu.modifier_fraction,
        (
            scenario.eu.gpai_threshold_flop,
            scenario.eu.systemic_threshold_flop,
        ),
    );
    match tier {
        OriginalTier::SystemicRisk => format!(
            "{original}'s compute is undisclosed and it has systemic risk, so the guidelines' fallback is {fraction} of {systemic}: {f} is compared with that"
        ),
        OriginalTier::Gpai => format!(
            "{original}'s compute is undisclosed and it is a GPAI model without systemic risk, so the guidelines' fallback is {fraction} of {gpai}: {f} is compared with that"
        ),
        OriginalTier::Unknown => format!(
            "{original}'s compute is undisclosed and whether it has systemic risk cannot be told, so {f} is compared with both of the guidelines' fallbacks, {fraction} of {gpai} (an original without systemic risk) and {fraction} of {systemic} (one with it){}",
            match new_model {
                Test::Unknown => ": they disagree",
                _ => ": both give the same answer",
            }
        ),
    }
}

/// The report for the model at `index` of `catalog`, when it is a fine-tune.
pub(super) fn report(
    catalog: &Catalog,
    index: usize,
    scenario: &Scenario,
) -> Option<DerivativeReport> {
    let model = &catalog.models[index];
    let base = model.base?;
    let base_name = catalog.models[base].name.clone();
    let same_provider = crate::rules::same_provider(model, &catalog.models[base]).is_some();
    let eu = Judge::new(catalog, scenario).eu(index);
    let (eu_new_model, eu_words) = match eu.reason {
        _ if same_provider => (
            None,
            format!(
                "As {base_name}'s own provider, the fine-tuner does not make a new model: the fine-tune is part of {base_name}'s lifecycle (GPAI guidelines sec. 2.2), and shares its status."
            ),
        ),
        EuReason::Modified {
            new_model,
            finetune_flop,
            original_flop,
            original_range,
            base: original,
            bound_decided,
            original_undetermined,
            ..
        } => {
            let share = match (finetune_flop, original_flop) {
                (Some(f), Some(o)) => {
                    // Each figure, and the share, on the right side of
                    // the one-third line.
                    let fraction = scenario.eu.modifier_fraction;
                    let exactly = if crate::rules::share_on_the_line(f, o, fraction) {
                        format!(" (exactly {} of it)", format::fraction_words(fraction))
                    } else {
                        String::new()
                    };
                    format!(
                        "{} of {}'s {}: {} of it{exactly}{}",
                        format::flop_beside(f, &[o * fraction]),
                        catalog.models[original].name,
                        format::flop_beside(o, &[f / fraction]),
                        format::share(f / o, fraction).trim_end_matches('×'),
                        crate::rules::share_range_words(f, original_range)
                    )
                }
                (Some(f), None) => {
                    let judge = Judge::new(catalog, scenario);
                    let tier = crate::rules::eu::original_tier(&judge, index, original);
                    let name = &catalog.models[original].name;
                    // The bound the EU verdict found decisive; read at the
                    // centre of a range of bounds when the base gives one.
                    match bound_decided {
                        Some(bound) => {
                            let (floor, centre) = (bound.flop, bound.range_centre);
                            // Each printed on the right side of the other's line.
                            let fraction = scenario.eu.modifier_fraction;
                            let (floor_words, mut f_words) = (
                                format::flop_beside(floor, &[f / fraction]),
                                format::flop_beside(f, &[floor * fraction]),
                            );
                            let words = format::fraction_words(fraction);
                            if crate::rules::share_on_the_line(f, floor, fraction) {
                                f_words.push_str(&format!(" (exactly {words} of it)"));
                            }
                            if centre {
                                format!(
                                    "{name}'s compute is undisclosed; at the centre of the range its base gives it, it used at least {floor_words}, and the fine-tune's {f_words} is not more than {words} of that: no fallback is needed there (the range's ends are read too)"
                                )
                            } else {
                                format!(
                                    "{name}'s compute is undisclosed, but it used at least {floor_words}, and the fine-tune's {f_words} is not more than {words} of that: no fallback is needed"
                                )
                            }
                        }
                        None => fallback_words(f, name, tier, new_model, scenario),
                    }
                }
                _ => "the fine-tune's own compute is not given".to_string(),
            };
            let verdict = match new_model {
                Test::Pass => "the fine-tuner becomes the provider of a new model",
                Test::Fail => "no new model: the fine-tune is covered only through the original provider's model",
                Test::Unknown => "whether it makes a new model is undetermined",
            };
            // Whether the rule applies at all when the original may or may
            // not be a GPAI model (the verdict stands only where both
            // readings agree, as the EU verdict's words say).
            let verdict = match (original_undetermined, eu.status) {
                (false, _) => verdict.to_string(),
                (true, crate::rules::eu::EuStatus::Undetermined) => format!(
                    "but whether {} is a GPAI model is undetermined, so whether the rule applies cannot be told (if it does, {verdict})",
                    catalog.models[original].name
                ),
                (true, _) => format!(
                    "whether {} is a GPAI model is undetermined, but the fine-tune falls in the same tiers whether the rule applies or not (if it does, {verdict})",
                    catalog.models[original].name
                ),
            };
            (
                Some(new_model),
                format!(
                    "One-third rule (GPAI guidelines sec. 3.2, more than {}): {share}; {verdict}.",
                    format::fraction_words(scenario.eu.modifier_fraction)
                ),
            )
        }
        EuReason::OfNonGpai { modified_on, .. } => (
            None,
            format!(
                "{base_name} was not a GPAI model on {modified_on} ({}): its provider's own versions and fine-tunes published by then did not make it one, so the one-third rule does not apply and the fine-tune is judged as a model of its own.",
                if modified_on < model.publication_date {
                    "the as-of date, before the fine-tune's"
                } else {
                    "the fine-tune's date"
                }
            ),
        ),
        _ => (None, "The one-third rule does not apply here.".to_string()),
    };
    let us_rules = DerivKind::ALL
        .iter()
        .map(|&kind| {
            let (rule, label) = rule_label(kind, scenario);
            let mut s = scenario.clone();
            s.us.derivatives = rule;
            // Read at every reading, as the verdicts above are: a rule's
            // row says "likely out" where the current verdict does.
            let verdict = crate::evaluate::judge(catalog, index, &s);
            UsRuleVerdict {
                rule: kind.name(),
                label,
                current: scenario.us.derivatives.kind() == kind,
                status: verdict.us_likelihood.label(),
                reason: verdict.us_reason(catalog),
            }
        })
        .collect();
    Some(DerivativeReport {
        base: base_name,
        same_provider,
        eu_new_model,
        eu_words,
        us_rules,
    })
}
