/// FLOP in scientific notation with a unit: `3.8e25` becomes "3.8 × 10^25 FLOP".
pub fn flop(value: f64) -> String {
    format!("{} FLOP", sci(value))
}

/// A number in scientific notation with two significant digits: "3.8 × 10^25".
pub fn sci(value: f64) -> String {
    sci_digits(value, 2)
}

/// Two FLOP figures with as many significant digits (2 to 4) as it takes
/// for different values to read differently: (1.001e25, 1e25) gives
/// "1.001 × 10^25 FLOP" and "1 × 10^25 FLOP".
pub fn flop_pair(a: f64, b: f64) -> (String, String) {
    let mut digits = 2;
    loop {
        let (x, y) = (sci_digits(a, digits), sci_digits(b, digits));
        if x != y || a == b || digits >= 4 {
            return (format!("{x} FLOP"), format!("{y} FLOP"));
        }
        digits += 1;
    }
}

/// Scientific notation with up to `digits` significant digits, trailing zeros dropped.
fn sci_digits(value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let text = format!("{:.*e}", digits.saturating_sub(1), value);
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    format!("{mantissa} × 10^{exponent}")
}

/// US dollars, abbreviated: 366010627.6 becomes "$366M".
pub fn usd(value: f64) -> String {
    let (scaled, suffix) = if value >= 1e9 {
        (value / 1e9, "B")
    } else if value >= 1e6 {
        (value / 1e6, "M")
    } else if value >= 1e3 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    if scaled >= 100.0 || scaled.fract() == 0.0 {
        format!("${scaled:.0}{suffix}")
    } else {
        format!("${scaled:.1}{suffix}")
    }
}

/// A ratio as a multiple: 0.3 becomes "0.30×".
pub fn times(ratio: f64) -> String {
    if ratio >= 10.0 {
        format!("{ratio:.0}×")
    } else {
        format!("{ratio:.2}×")
    }
}

/// A score with at most one decimal: 155.06 becomes "155.1".
pub fn score(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// "one third" for 1/3, otherwise "0.25 of it".
pub fn fraction_words(fraction: f64) -> String {
    if (fraction - 1.0 / 3.0).abs() < 1e-9 {
        "one third".to_string()
    } else {
        format!("{fraction:.2}")
    }
}

/// A number with at most four significant digits in e-notation, without
/// trailing zeros: `1e26`, `3.162e25`.
pub fn sci4(value: f64) -> String {
    let text = format!("{value:.3e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => {
            let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
            format!("{mantissa}e{exponent}")
        }
        // NaN and infinities have no exponent.
        None => text,
    }
}

/// A number with at most four significant digits in plain notation, without
/// trailing zeros: `0.3333`, `150`, `12.5`.
pub fn plain4(value: f64) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.3e}");
    let (Some(exponent), Ok(rounded)) = (
        text.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok()),
        text.parse::<f64>(),
    ) else {
        return text;
    };
    // `rounded` is the double nearest a four-digit decimal, so printing it
    // with exactly the decimals that decimal has gives its digits back.
    let decimals = usize::try_from(3 - exponent).unwrap_or(0);
    let plain = format!("{rounded:.decimals$}");
    if plain.contains('.') {
        plain
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flop_in_scientific_notation() {
        assert_eq!(flop(3e25), "3 × 10^25 FLOP");
        assert_eq!(flop(2.32e25), "2.3 × 10^25 FLOP");
        assert_eq!(flop(9.96e25), "1 × 10^26 FLOP");
        assert_eq!(flop(1e23), "1 × 10^23 FLOP");
        // One rounding everywhere: the table and the reasons agree.
        assert_eq!(flop(3.55e24), flop_pair(3.55e24, 1e26).0);
    }

    #[test]
    fn pairs_never_read_as_a_tie() {
        assert_eq!(flop_pair(1.04e25, 1e25).0, "1.04 × 10^25 FLOP");
        assert_eq!(
            flop_pair(3.8e25, 1e26),
            ("3.8 × 10^25 FLOP".into(), "1 × 10^26 FLOP".into())
        );
        assert_eq!(flop_pair(1e25, 1e25).0, "1 × 10^25 FLOP");
    }

    #[test]
    fn dollars_abbreviated() {
        assert_eq!(usd(100e6), "$100M");
        assert_eq!(usd(366_010_627.6), "$366M");
        assert_eq!(usd(5.5e6), "$5.5M");
    }

    #[test]
    fn ratios_and_scores() {
        assert_eq!(times(0.3), "0.30×");
        assert_eq!(score(155.06), "155.1");
        assert_eq!(score(150.0), "150");
    }
}
