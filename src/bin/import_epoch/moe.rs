//! Mixture-of-experts models: whether a model is one, and how many of its
//! parameters are active per token, read from its name ("Qwen3-235B-A22B")
//! or from Epoch's "Parameters notes" ("671B total parameters with 37B
//! activated for each token").
//!
//! The architecture-based compute estimate (6 × parameters × tokens) needs
//! the active parameters of a mixture-of-experts model (policy.md,
//! "Estimating training compute"); its total parameters overstate compute.

/// A parameter count such as "22B", "14.7B", "~37B", "1.6T", "22 billion"
/// starting at `tokens[i]`; returns the count and how many tokens it took.
fn count_at(tokens: &[&str], i: usize) -> Option<(f64, usize)> {
    let token = tokens[i].trim_start_matches(['~', '(', '≈']);
    let token = token.trim_end_matches([',', ';', ')', '.', ':']);
    let digits_end = token
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(token.len());
    let number: f64 = token[..digits_end].parse().ok()?;
    let unit = &token[digits_end..];
    let scale = |word: &str| match word.to_ascii_lowercase().as_str() {
        "b" | "billion" => Some(1e9),
        "t" | "trillion" => Some(1e12),
        "m" | "million" => Some(1e6),
        _ => None,
    };
    if !unit.is_empty() {
        return scale(unit).map(|s| (number * s, 1));
    }
    let next = tokens.get(i + 1)?.trim_end_matches([',', ';', ')', '.']);
    scale(next).map(|s| (number * s, 2))
}

fn is_active_word(token: &str) -> bool {
    let t = token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    t.starts_with("activ")
}

/// Active parameters in a name written "<total>B-A<active>B"
/// ("Qwen3-235B-A22B", "Nemotron 3-Nano-30B-A3B").
pub fn active_from_name(name: &str) -> Option<f64> {
    let bytes = name.as_bytes();
    let mut search = 0;
    while let Some(found) = name[search..].find("B-A") {
        let at = search + found;
        search = at + 3;
        // A digit must come just before "B" (the total)...
        if at == 0 || !bytes[at - 1].is_ascii_digit() {
            continue;
        }
        // ...and "<digits>B" just after "-A" (the active count).
        let rest = &name[at + 3..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if end == 0 || !rest[end..].starts_with('B') {
            continue;
        }
        if let Ok(active) = rest[..end].parse::<f64>() {
            return Some(active * 1e9);
        }
    }
    None
}

/// Active parameters stated in Epoch's notes: a count followed within three
/// words by "active"/"activated" ("37B activated", "32 billion active",
/// "21B parameters activated"), or "active" followed within three words by a
/// count ("Active parameters: 10B", "active parameters 33B"). The first
/// such statement wins. A count written as the total ("total parameters
/// 424B", "230B parameters total") is never read as the active one: the
/// look-ahead stops at the word "total", at another count and at the end of
/// a clause (",", ";", ".").
pub fn active_from_notes(notes: &str) -> Option<f64> {
    let tokens: Vec<&str> = notes.split_whitespace().collect();
    let ends_clause = |t: &str| t.ends_with([',', ';', '.']);
    let says_total = |t: &str| t.to_ascii_lowercase().contains("total");
    for i in 0..tokens.len() {
        if let Some((count, used)) = count_at(&tokens, i) {
            // "total parameters - 424B" names the total; "671B total
            // parameters with 37B" does not (its "total" belongs to 671B).
            let total_before = (i.saturating_sub(3)..i).any(|k| {
                says_total(tokens[k])
                    && (k.saturating_sub(2)..k).all(|c| count_at(&tokens, c).is_none())
            });
            if !total_before && !ends_clause(tokens[i + used - 1]) {
                for t in tokens.iter().skip(i + used).take(3) {
                    if is_active_word(t) {
                        return Some(count);
                    }
                    if says_total(t) || ends_clause(t) || count_at(&[*t], 0).is_some() {
                        break;
                    }
                }
            }
        }
        if is_active_word(tokens[i]) {
            for j in i + 1..(i + 4).min(tokens.len()) {
                if let Some((count, _)) = count_at(&tokens, j) {
                    return Some(count);
                }
            }
        }
    }
    None
}

/// Whether the name or notes say the model is a mixture of experts.
pub fn is_moe(name: &str, notes: &str) -> bool {
    if active_from_name(name).is_some() {
        return true;
    }
    let lower = notes.to_ascii_lowercase();
    let mentions_moe = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word == "moe");
    mentions_moe
        || lower.contains("mixture-of-experts")
        || lower.contains("mixture of experts")
        || lower.contains("sparse")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_active_parameters() {
        assert_eq!(active_from_name("Qwen3-235B-A22B"), Some(22e9));
        assert_eq!(active_from_name("Nemotron 3-Nano-30B-A3B"), Some(3e9));
        assert_eq!(active_from_name("Qwen3.5 397B-A17B"), Some(17e9));
        assert_eq!(active_from_name("GPT-4"), None);
        assert_eq!(active_from_name("B-A2B"), None);
        assert_eq!(active_from_name("7B-Assistant"), None);
    }

    #[test]
    fn notes_give_active_parameters() {
        let cases = [
            (
                "671B total parameters with 37B activated for each token.",
                37e9,
            ),
            (
                "MoE architecture, total parameters 688B, active parameters 33B",
                33e9,
            ),
            ("2.4T total, 95B active", 95e9),
            ("104 billion active parameters", 104e9),
            ("Total: 250.3B, Active: 14.7B per token.", 14.7e9),
            (
                "Total parameters: 100B (Sparse), Active parameters: 10B per token.",
                10e9,
            ),
            (
                "Nano 30B-A3B Base contains 31.6B total parameters out of which 3.2B are activ",
                3.2e9,
            ),
            (
                "132B mixture of experts. 36B parameters active per inference",
                36e9,
            ),
            ("94B active/398B total", 94e9),
            ("a 288 billion active parameter model", 288e9),
            ("MoE: total parameters - 424B active parameters - 47B", 47e9),
            ("HF lists 229B params 10B active parameters", 10e9),
            ("Total parameters surpass 1T with 42B active", 42e9),
            (
                "MoE with 1T total parameters and 32B parameters active per forward pass",
                32e9,
            ),
            ("with 358B total, 32B active", 32e9),
            (
                "Model has 230B parameters total, with 23B active parameters",
                23e9,
            ),
            (
                "Rumored to be 1.8T parameter MoE with 280B activated",
                280e9,
            ),
        ];
        for (notes, want) in cases {
            let got = active_from_notes(notes).unwrap_or_else(|| panic!("{notes}"));
            assert!((got - want).abs() < 1e3, "{notes}: {got}");
        }
        assert_eq!(active_from_notes("a 7B dense model"), None);
        assert_eq!(active_from_notes("25% of the weights active"), None);
    }

    #[test]
    fn moe_is_read_from_names_and_notes() {
        assert!(is_moe("Qwen3-235B-A22B", ""));
        assert!(is_moe("X", "A Mixture-of-Experts (MoE) model"));
        assert!(is_moe("X", "MoE architecture"));
        assert!(!is_moe("X", "the size of the action expert is 860M"));
        assert!(!is_moe("Llama 3", "405B dense"));
    }
}
