//! A fine-tune's compute figures read together. The training compute
//! given (in FLOP, from parameters and tokens, or from hardware) is the
//! model's total, its base model's compute included; the fine-tune's own
//! compute is the fine-tuning alone. So:
//!
//! - a total below the base model's figure, or below the base's plus the
//!   fine-tune's own (by more than [`AGREE`]), cannot be: an error beside
//!   the training compute, and nothing is judged;
//! - a total above the base's plus the fine-tune's own (by more than
//!   [`AGREE`]) is judged as given, with a note beside the field saying
//!   that the figures do not add up and which one the rules read;
//! - with no total, the rules read the base's plus the fine-tune's own.
//!
//! [`Figures::words`] says which figure the rules read and why, in every case.

use super::input::FieldError;
use crate::rules::ComputeFigure;

/// A total within this share of the base's plus the fine-tune's own
/// compute agrees with them: the catalog's figures are rounded (DeepSeek-V3's
/// 3.3e24 is two significant digits).
pub const AGREE: f64 = 0.01;

/// The figures of a check, as the rules will read them.
pub(super) struct Figures<'a> {
    /// The training compute given (the model's total), in FLOP.
    pub total: Option<f64>,
    /// The field the total was given in (`compute.flop`, or `compute` for
    /// a figure worked out from parameters or hardware).
    pub total_field: &'static str,
    /// The base model's name and its compute where the catalog has a figure.
    pub base: Option<(&'a str, Option<f64>)>,
    /// Where the base has no figure but a hard lower bound (what the data
    /// shows it used at least: its own base and fine-tuning), in FLOP. A
    /// range's ends are not one: the rules read those themselves.
    pub base_floor: Option<f64>,
    /// Where the base is known only to be at least a range: the range's
    /// centre, which the rules read a fine-tune of it at, in FLOP.
    pub base_read: Option<f64>,
    /// The fine-tune's own compute, in FLOP.
    pub finetune: Option<f64>,
}

/// A total below what its base model used: the message beside the
/// training compute (`what` says what the base used, in words).
fn below_base(name: &str, total: &str, what: &str) -> String {
    format!(
        "the training compute is the model's total, {name}'s included: {total} is less than {what}; give the total, or give the fine-tuning alone as the fine-tune's own compute and leave the training compute empty (in FLOP)"
    )
}

impl Figures<'_> {
    /// After judging: an error when the rules read the model's training
    /// compute higher than the total given (`read`, raised to at least
    /// what its base is read to have used: a lower bound, or a range's
    /// centre), as the results would not be of the figure typed. Float
    /// noise is not a difference.
    pub fn raised(&self, read: Option<f64>, show: &dyn Fn(f64) -> String) -> Option<FieldError> {
        let (total, read, (name, _)) = (self.total?, read?, self.base?);
        (read > total * (1.0 + 1e-9)).then(|| FieldError {
            field: self.total_field,
            message: below_base(
                name,
                &show(total),
                &format!(
                    "the {} the rules read for a fine-tune of {name} under your scenario",
                    show(read)
                ),
            ),
        })
    }

    /// The base's figure plus the fine-tune's own, where both are known.
    fn sum(&self) -> Option<(f64, f64, f64)> {
        let (_, base) = self.base?;
        let (b, f) = (base?, self.finetune?);
        Some((b, f, b + f))
    }

    /// The contradictions that stop the check, each beside the training
    /// compute; `show` writes a figure.
    pub fn errors(&self, show: &dyn Fn(f64) -> String) -> Vec<FieldError> {
        let (Some(total), Some((name, base))) = (self.total, self.base) else {
            return Vec::new();
        };
        let total_words = format!(
            "the training compute is the model's total, {name}'s included: {} is less than",
            show(total)
        );
        // A bound under the base that the total is below (float noise in a
        // stored bound is not a difference), and its message, each figure
        // printed on its side of the other.
        let under = |bound: Option<f64>| bound.filter(|b| total < b * (1.0 - 1e-9));
        let below_bound = |bound: f64, what: &dyn Fn(String) -> String| {
            below_base(
                name,
                &crate::format::flop_beside(total, &[bound]),
                &what(crate::format::flop_beside(bound, &[total])),
            )
        };
        let message = match (base, self.finetune) {
            (Some(b), Some(f)) if total < b || total < (b + f) * (1.0 - AGREE) => format!(
                "{total_words} {name}'s {} plus the fine-tune's own {} = {}; correct one of them, or leave the training compute empty (in FLOP) to use that sum",
                show(b),
                show(f),
                show(b + f)
            ),
            (Some(b), None) if total < b => {
                below_base(name, &show(total), &format!("{name}'s {}", show(b)))
            }
            (None, _) if under(self.base_floor).is_some() => below_bound(
                self.base_floor.unwrap_or_default(),
                &|b| format!("what {name} is known to have used, at least {b}"),
            ),
            (None, _) if under(self.base_read).is_some() => below_bound(
                self.base_read.unwrap_or_default(),
                &|b| format!("the {b} the rules read for a fine-tune of {name} under your scenario"),
            ),
            (None, Some(f)) if total < f => format!(
                "{total_words} the fine-tune's own {}; correct one of them",
                show(f)
            ),
            _ => return Vec::new(),
        };
        vec![FieldError {
            field: self.total_field,
            message,
        }]
    }

    /// What does not stop the check but does not add up: a total above
    /// the base's plus the fine-tune's own, beside the training compute.
    pub fn notes(&self, show: &dyn Fn(f64) -> String) -> Vec<FieldError> {
        match (self.total, self.sum(), self.base) {
            (Some(total), Some((b, f, sum)), Some((name, _))) if total > sum * (1.0 + AGREE) => {
                vec![FieldError {
                    field: self.total_field,
                    message: format!(
                        "more than {name}'s {} plus the fine-tune's own {} = {}: the rules read your total, {}, as the model's training compute (and the fine-tune's own {} for the one-third rule); if {} is the fine-tuning alone, give it as the fine-tune's own compute and leave the training compute empty (in FLOP)",
                        show(b),
                        show(f),
                        show(sum),
                        show(total),
                        show(f),
                        show(total)
                    ),
                }]
            }
            _ => Vec::new(),
        }
    }

    /// Which training compute the rules read and why, given the figure
    /// they read (`cumulative`): "5.3 × 10²⁴ FLOP, cumulative: ...".
    pub fn words(&self, cumulative: ComputeFigure, show: &dyn Fn(f64) -> String) -> String {
        let read = cumulative
            .reported()
            .map_or_else(|| cumulative.describe(), show);
        let Some((name, base)) = self.base else {
            return format!("{read}: the training compute from your entries");
        };
        match (self.total, base, self.finetune) {
            (Some(_), Some(b), Some(f)) => {
                let sum = b + f;
                let relation = if cumulative.reported().is_some_and(|t| t > sum * (1.0 + AGREE)) {
                    "more than"
                } else {
                    "which agrees with"
                };
                format!(
                    "{read}: the total you gave, {relation} {name}'s {} plus the fine-tune's own {} ({})",
                    show(b),
                    show(f),
                    show(sum)
                )
            }
            (Some(t), Some(b), None) => format!(
                "{read}: the total you gave, {name}'s {} included (the fine-tuning is the rest, {})",
                show(b),
                show(t - b)
            ),
            (Some(_), None, Some(f)) => format!(
                "{read}: the total you gave ({name}'s own compute is undisclosed; the fine-tune's own is {})",
                show(f)
            ),
            (Some(_), None, None) => {
                format!("{read}: the total you gave ({name}'s own compute is undisclosed)")
            }
            (None, Some(b), Some(f)) => format!(
                "{read}, cumulative: {name}'s {} plus the fine-tune's own {}",
                show(b),
                show(f)
            ),
            (None, None, Some(f)) => format!(
                "{read}, cumulative: {name}'s undisclosed compute (as the rules read it) plus the fine-tune's own {}",
                show(f)
            ),
            (None, _, None) => format!("{read}: no training compute was given"),
        }
    }
}
