/// FLOP in scientific notation with a unit: `3.8e25` becomes "3.8 × 10^25 FLOP".
pub fn flop(value: f64) -> String {
    format!("{} FLOP", sci(value))
}

/// A number in scientific notation with two significant digits: "3.8 × 10^25".
pub fn sci(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let mut exponent = value.abs().log10().floor() as i32;
    let mut mantissa = value / 10f64.powi(exponent);
    // Rounding 9.96 to one decimal gives 10.0: carry into the exponent.
    if (mantissa.abs() * 10.0).round() >= 100.0 {
        exponent += 1;
        mantissa /= 10.0;
    }
    let rounded = (mantissa * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0} × 10^{exponent}")
    } else {
        format!("{rounded:.1} × 10^{exponent}")
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flop_in_scientific_notation() {
        assert_eq!(flop(3e25), "3 × 10^25 FLOP");
        assert_eq!(flop(2.32e25), "2.3 × 10^25 FLOP");
        assert_eq!(flop(9.96e25), "1 × 10^26 FLOP");
        assert_eq!(flop(1e23), "1 × 10^23 FLOP");
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
