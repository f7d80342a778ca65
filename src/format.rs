/// FLOP in scientific notation with a unit: `3.8e25` becomes "3.8 × 10²⁵ FLOP".
pub fn flop(value: f64) -> String {
    format!("{} FLOP", sci(value))
}

/// A number in scientific notation with two significant digits: "3.8 × 10²⁵".
pub fn sci(value: f64) -> String {
    sci_digits(value, 2)
}

/// Two FLOP figures with as many significant digits (two or more) as it
/// takes for different values to read differently: (1.001e25, 1e25) gives
/// "1.001 × 10²⁵ FLOP" and "1 × 10²⁵ FLOP".
pub fn flop_pair(a: f64, b: f64) -> (String, String) {
    let mut digits = 2;
    loop {
        let (x, y) = (sci_digits(a, digits), sci_digits(b, digits));
        // Rounding keeps the order, so two figures that read differently
        // read in their order; seventeen digits tell any two apart (Epoch's
        // 2.700000000000001e25 against a threshold of 2.7e25).
        if x != y || a == b || digits >= 17 {
            return (format!("{x} FLOP"), format!("{y} FLOP"));
        }
        digits += 1;
    }
}

/// FLOP with at least three significant digits, and as many more as it
/// takes for the printed figure to fall on the same side of each of
/// `thresholds`, and of every round figure of one or two significant
/// digits (where the regimes' thresholds lie), as the figure itself:
/// 1.04e25 gives "1.04 × 10²⁵ FLOP" (not "1 × 10²⁵"), 9.9996e24 gives
/// "9.9996 × 10²⁴ FLOP" (not "1 × 10²⁵"). For the checked model's own
/// figures, which a reader compares with thresholds.
pub fn flop_beside(value: f64, thresholds: &[f64]) -> String {
    if !value.is_finite() || value <= 0.0 {
        return flop(value);
    }
    // A sum or a difference of figures carries float noise in its last
    // digits (1.1e21 + 9.9e21 is 1.1000000000000002e22): against the
    // round figures it is read at fourteen significant digits, more than
    // any figure typed or published. Against the thresholds it is read
    // as it is, as the rules read it.
    let denoised: f64 = format!("{value:.13e}").parse().unwrap_or(value);
    // The round figures either side of the value at two significant
    // digits, read from their decimal text as a typed threshold is
    // (10 × 10²⁴ worked out in floats is 9.999999999999999e24, not 1e25).
    let exponent = value.log10().floor() as i32 - 1;
    let leading = (value / 10f64.powi(exponent)).floor();
    let figure = |m: f64| -> f64 { format!("{m}e{exponent}").parse().unwrap_or(value) };
    let round = [figure(leading), figure(leading + 1.0)];
    let side = |x: f64, t: f64| x.partial_cmp(&t);
    let mut digits = 3;
    while digits < 17 {
        let printed: f64 = format!("{:.*e}", digits - 1, value)
            .parse()
            .unwrap_or(value);
        if thresholds
            .iter()
            .all(|&t| side(printed, t) == side(value, t))
            && round
                .iter()
                .filter(|t| !thresholds.contains(t))
                .all(|&t| side(printed, t) == side(denoised, t))
        {
            break;
        }
        digits += 1;
    }
    format!("{} FLOP", sci_digits(value, digits))
}

/// How close (relative) to a round figure a published figure must be to
/// read as "just over" or "just under" it.
const JUST: f64 = 1e-6;

/// A published figure for reading beside a model, written once whatever the
/// thresholds: as [`flop_beside`] gives it with no thresholds (Inflection-2's
/// 1.001e25 reads "1.001 × 10²⁵ FLOP"), except a figure within a millionth
/// of a round figure of one or two significant digits, which reads "just
/// over 5 × 10²⁶ FLOP" instead of all its digits. Epoch's data has such
/// figures (Grok 4: 5.0000000000001e26; Inflection-2.5: 8.000001e24), and
/// the rules read them as they are: at a threshold of exactly that round
/// figure, they are over it, however small the difference (Claude 3.5
/// Sonnet's 2.700000000000001e25 is "just over 2.7 × 10²⁵ FLOP").
pub fn flop_published(value: f64) -> String {
    if !value.is_finite() || value <= 0.0 {
        return flop(value);
    }
    let round: f64 = format!("{value:.1e}").parse().unwrap_or(value);
    if value != round && ((value - round) / round).abs() < JUST {
        let side = if value > round { "over" } else { "under" };
        return format!("just {side} {}", flop(round));
    }
    flop_beside(value, &[])
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
    format!("{mantissa} × {}", pow10(exponent.parse().unwrap_or(0)))
}

/// A power of ten with a superscript exponent: 26 becomes "10²⁶", -3
/// becomes "10⁻³".
pub fn pow10(exponent: i32) -> String {
    let digits: String = exponent
        .to_string()
        .chars()
        .map(|c| match c {
            '-' => '\u{207b}',
            '0' => '\u{2070}',
            '1' => '\u{00b9}',
            '2' => '\u{00b2}',
            '3' => '\u{00b3}',
            d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
        })
        .collect();
    format!("10{digits}")
}

/// US dollars, abbreviated: 366010627.6 becomes "$366M".
pub fn usd(value: f64) -> String {
    let (scale, suffix) = usd_unit(value);
    let scaled = value / scale;
    if scaled >= 100.0 || scaled.fract() == 0.0 {
        format!("${scaled:.0}{suffix}")
    } else {
        format!("${scaled:.1}{suffix}")
    }
}

/// The unit [`usd`] writes a dollar figure in: its size and suffix.
fn usd_unit(value: f64) -> (f64, &'static str) {
    if value >= 1e9 {
        (1e9, "B")
    } else if value >= 1e6 {
        (1e6, "M")
    } else if value >= 1e3 {
        (1e3, "k")
    } else {
        (1.0, "")
    }
}

/// Two dollar figures as [`usd`] writes them, unless they would read
/// alike though they differ ("$100M" beside $100.4M's threshold, "$1M"
/// beside "$1000k"): then both in the larger one's unit, with as many
/// decimals as it takes (up to twelve) to tell them apart.
pub fn usd_pair(a: f64, b: f64) -> (String, String) {
    let (x, y) = (usd(a), usd(b));
    // What a written figure reads as, in dollars.
    let read = |t: &str| -> Option<f64> {
        let t = t.strip_prefix('$')?;
        let (number, scale) = match t.chars().last()? {
            'B' => (&t[..t.len() - 1], 1e9),
            'M' => (&t[..t.len() - 1], 1e6),
            'k' => (&t[..t.len() - 1], 1e3),
            _ => (t, 1.0),
        };
        number.parse::<f64>().ok().map(|n| n * scale)
    };
    if a == b || read(&x) != read(&y) {
        return (x, y);
    }
    let (scale, suffix) = usd_unit(a.abs().max(b.abs()));
    let written = |v: f64, decimals: usize| {
        let text = format!("{:.decimals$}", v / scale);
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        format!("${text}{suffix}")
    };
    (0..=12)
        .map(|d| (written(a, d), written(b, d)))
        .find(|(x, y)| x != y)
        .unwrap_or_else(|| (written(a, 12), written(b, 12)))
}

/// A ratio as a multiple with two significant digits: 0.3 becomes
/// "0.30×", 0.0031 "0.0031×" (never "0.00×"), 12.4 "12×".
pub fn times(ratio: f64) -> String {
    if ratio >= 10.0 || ratio == 0.0 || !ratio.is_finite() {
        format!("{ratio:.0}×")
    } else {
        // Two significant digits: as many decimals as the first one needs.
        let decimals = usize::try_from(1 - ratio.log10().floor() as i32).unwrap_or(0);
        format!("{ratio:.decimals$}×")
    }
}

/// A share as a multiple, as [`times`] writes it, with as many more
/// significant digits as it takes to read on the same side of `line` (the
/// one-third rule's fraction) as the share itself: 0.33332 against one
/// third is "0.33×", against 0.3333 "0.33332×" (not "0.33×", which reads
/// below it). Up to seventeen digits.
pub fn share(ratio: f64, line: f64) -> String {
    let short = times(ratio);
    // On the line to within the rules' margin (`rules::share_on_the_line`)
    // is not more than it: the short figure, and the words say "exactly".
    let on_the_line = (ratio / line - 1.0).abs() <= crate::rules::ON_THE_LINE;
    if !ratio.is_finite() || ratio <= 0.0 || !line.is_finite() || on_the_line {
        return short;
    }
    // Whether a printed share reads on the same side of the line.
    let on_its_side = |text: &str| {
        text.trim_end_matches('×')
            .parse::<f64>()
            .is_ok_and(|p| p.partial_cmp(&line) == ratio.partial_cmp(&line))
    };
    if on_its_side(&short) {
        return short;
    }
    for digits in 3..=17 {
        let decimals = usize::try_from(digits - 1 - ratio.log10().floor() as i32).unwrap_or(0);
        let text = format!("{ratio:.decimals$}");
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        };
        if on_its_side(&text) {
            return format!("{text}×");
        }
    }
    format!("{ratio}×")
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

/// A count as a person writes it: a whole number with its thousands
/// grouped (`20,000`), anything else as [`plain4`].
pub fn count(value: f64) -> String {
    if value.fract() != 0.0 || !(0.0..1e15).contains(&value) {
        return plain4(value);
    }
    let digits = format!("{value:.0}");
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Reads a number as the URL or a person may write it: `1e26`, `1e+26`
/// (a `+` arrives as a space in a query), `10^26`, `1x10^26`, `1×10^26`,
/// `3.5*10^25`, `10²⁶`, `1 × 10^26`, or a plain `0.3333`. `None` for
/// anything else (a bare `^26`, `10^`, `x10^26`, text).
pub fn parse_number(text: &str) -> Option<f64> {
    if let Ok(v) = text.trim().replace(' ', "+").parse::<f64>() {
        return Some(v);
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // "10²⁶": the power is written in superscripts; "10^26": after a caret.
    let (base, power) = match compact.find(is_superscript) {
        Some(at) => (&compact[..at], unsuperscript(&compact[at..])?),
        None => {
            let (base, power) = compact.split_once('^')?;
            (base, power.to_string())
        }
    };
    let exponent: i32 = power.parse().ok()?;
    let mantissa = match base.strip_suffix("10")? {
        "" => "1",
        m => m.strip_suffix(['x', 'X', '*', '\u{00d7}'])?,
    };
    // Read as "3.5e25", not 3.5 × 10^25 computed: the nearest double to
    // the decimal, as `1e26` in a link gives.
    mantissa.parse::<f64>().ok()?;
    let value: f64 = format!("{mantissa}e{exponent}").parse().ok()?;
    value.is_finite().then_some(value)
}

fn is_superscript(c: char) -> bool {
    matches!(
        c,
        '\u{2070}' | '\u{00b9}' | '\u{00b2}' | '\u{00b3}' | '\u{2074}'
            ..='\u{2079}' | '\u{207a}' | '\u{207b}'
    )
}

/// "²⁶" as "26", "⁻³" as "-3"; `None` if anything else is mixed in.
fn unsuperscript(text: &str) -> Option<String> {
    text.chars()
        .map(|c| match c {
            '\u{2070}' => Some('0'),
            '\u{00b9}' => Some('1'),
            '\u{00b2}' => Some('2'),
            '\u{00b3}' => Some('3'),
            '\u{2074}'..='\u{2079}' => char::from_digit(c as u32 - 0x2074 + 4, 10),
            '\u{207a}' => Some('+'),
            '\u{207b}' => Some('-'),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_share_reads_on_its_side_of_the_line() {
        // A tester's pair: the same "0.33" for shares either side of 0.3333.
        let (below, above) = (1.26664e25 / 3.8e25, 1.2667e25 / 3.8e25);
        assert_eq!(share(below, 1.0 / 3.0), "0.33×");
        for (ratio, line) in [
            (below, 0.3333),
            (above, 0.3333),
            (above, 1.0 / 3.0),
            (0.3334, 1.0 / 3.0),
        ] {
            let printed: f64 = share(ratio, line).trim_end_matches('×').parse().unwrap();
            assert_eq!(
                printed.partial_cmp(&line),
                ratio.partial_cmp(&line),
                "{ratio} against {line}: {}",
                share(ratio, line)
            );
        }
        assert_ne!(share(below, 0.3333), share(above, 0.3333));
        // Within the rules' margin of the line it is on it (not more): the
        // short figure, which the words follow with "exactly" (a second
        // reader's 1.2666666673e25 of 3.8e25 printed 0.3333333335×).
        assert_eq!(share(1.2666666673e25 / 3.8e25, 1.0 / 3.0), "0.33×");
        // Far from the line, as times() writes it.
        assert_eq!(share(0.05, 1.0 / 3.0), times(0.05));
        assert_eq!(share(12.4, 1.0 / 3.0), "12×");
        // Close pairs at every scale stay on their side.
        for k in 1..2000 {
            let line = 1.0 / 3.0;
            let ratio = line * (1.0 + (k as f64 - 1000.0) * 1e-7);
            if (ratio / line - 1.0).abs() <= 1e-9 {
                continue;
            }
            let printed: f64 = share(ratio, line).trim_end_matches('×').parse().unwrap();
            assert_eq!(
                printed.partial_cmp(&line),
                ratio.partial_cmp(&line),
                "{ratio}: {}",
                share(ratio, line)
            );
        }
    }
    use super::*;

    #[test]
    fn counts_group_their_thousands() {
        assert_eq!(count(20_000.0), "20,000");
        assert_eq!(count(1_234_567.0), "1,234,567");
        assert_eq!(count(999.0), "999");
        assert_eq!(count(0.0), "0");
        // Not a whole number: as plain4.
        assert_eq!(count(12.5), "12.5");
    }

    #[test]
    fn dollar_figures_beside_a_threshold_read_apart() {
        assert_eq!(usd_pair(100.4e6, 100e6), ("$100.4M".into(), "$100M".into()));
        assert_eq!(
            usd_pair(100.0004e6, 100e6),
            ("$100.0004M".into(), "$100M".into())
        );
        assert_eq!(usd_pair(99.96e6, 100e6), ("$99.96M".into(), "$100M".into()));
        assert_eq!(usd_pair(150e6, 100e6), ("$150M".into(), "$100M".into()));
        assert_eq!(usd_pair(100e6, 100e6), ("$100M".into(), "$100M".into()));
        assert_eq!(usd_pair(5.2e6, 10e6), ("$5.2M".into(), "$10M".into()));
        // A third reader's: under a millionth of the unit, and across units.
        assert_eq!(
            usd_pair(100_000_000.4, 100e6),
            ("$100.0000004M".into(), "$100M".into())
        );
        assert_eq!(
            usd_pair(1_000_000_400.0, 1e9),
            ("$1.0000004B".into(), "$1B".into())
        );
        assert_eq!(usd_pair(1e6, 9.999e5), ("$1M".into(), "$0.9999M".into()));
    }

    #[test]
    fn a_figure_beside_thresholds_never_reads_on_the_wrong_side() {
        assert_eq!(flop_beside(1.04e25, &[1e25, 1e26]), "1.04 × 10²⁵ FLOP");
        assert_eq!(flop_beside(9.96e24, &[1e25]), "9.96 × 10²⁴ FLOP");
        assert_eq!(flop_beside(9.9996e24, &[]), "9.9996 × 10²⁴ FLOP");
        assert_eq!(flop_beside(3.0761856e25, &[]), "3.08 × 10²⁵ FLOP");
        assert_eq!(flop_beside(1e25, &[1e25]), "1 × 10²⁵ FLOP");
        // A threshold of four significant digits (a slider's 3.162e25).
        assert_eq!(flop_beside(3.16227e25, &[3.162e25]), "3.1623 × 10²⁵ FLOP");
        // Every printed figure compares with every threshold as the figure does.
        let thresholds = [1e23, 1e25, 3e25, 1e26, 3.162e25, 5e26];
        for i in 0..2000 {
            let value = 10f64.powf(22.0 + f64::from(i) * 0.0025);
            let text = flop_beside(value, &thresholds);
            let printed = parse_number(text.trim_end_matches(" FLOP")).unwrap();
            for t in thresholds {
                assert_eq!(
                    printed.partial_cmp(&t),
                    value.partial_cmp(&t),
                    "{value} {text} {t}"
                );
            }
        }
    }

    #[test]
    fn flop_in_scientific_notation() {
        assert_eq!(flop(3e25), "3 × 10²⁵ FLOP");
        assert_eq!(flop(2.32e25), "2.3 × 10²⁵ FLOP");
        assert_eq!(flop(9.96e25), "1 × 10²⁶ FLOP");
        assert_eq!(flop(1e23), "1 × 10²³ FLOP");
        // One rounding everywhere: the table and the reasons agree.
        assert_eq!(flop(3.55e24), flop_pair(3.55e24, 1e26).0);
    }

    #[test]
    fn a_figure_never_prints_as_the_round_figure_it_is_not() {
        // 10 × 10²⁴ in floats falls below 1 × 10²⁵: the round figures are
        // read from text.
        assert_eq!(flop_beside(1.001e25, &[]), "1.001 × 10²⁵ FLOP");
        assert_eq!(flop_beside(1.0004e26, &[]), "1.0004 × 10²⁶ FLOP");
        assert_eq!(flop_beside(9.9996e24, &[]), "9.9996 × 10²⁴ FLOP");
        // Every figure near a round one of two significant digits, at any
        // exponent, prints on the same side of it as it is.
        for exponent in 18..=28 {
            for leading in 10..100 {
                let round: f64 = format!("{leading}e{}", exponent - 1).parse().unwrap();
                for factor in [1.0 - 1e-4, 1.0 - 1e-3, 1.0 + 1e-4, 1.0 + 1e-3] {
                    let value = round * factor;
                    let text = flop_beside(value, &[]);
                    let printed = parse_number(text.trim_end_matches(" FLOP")).unwrap();
                    assert_eq!(
                        printed.partial_cmp(&round),
                        value.partial_cmp(&round),
                        "{value:e} printed {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_published_figure_a_hair_off_a_round_one_says_so() {
        // Figures as Epoch's data has them.
        assert_eq!(
            flop_published(5.0000000000001e26),
            "just over 5 × 10²⁶ FLOP"
        );
        assert_eq!(flop_published(8.000001e24), "just over 8 × 10²⁴ FLOP");
        assert_eq!(
            flop_published(2.90000000001e24),
            "just over 2.9 × 10²⁴ FLOP"
        );
        assert_eq!(flop_published(9.9999999e24), "just under 1 × 10²⁵ FLOP");
        // However small the difference: the rules read it as over.
        assert_eq!(
            flop_published(5.0000000000000004e22),
            "just over 5 × 10²² FLOP"
        );
        assert_eq!(
            flop_published(2.700000000000001e25),
            "just over 2.7 × 10²⁵ FLOP"
        );
        assert_eq!(flop_published(2.7e25), "2.7 × 10²⁵ FLOP");
        // Further off, the digits it takes, as before.
        assert_eq!(flop_published(1.001e25), "1.001 × 10²⁵ FLOP");
        assert_eq!(flop_published(8.40001e24), "8.40001 × 10²⁴ FLOP");
        assert_eq!(flop_published(6.620000000001e21), "6.62 × 10²¹ FLOP");
        assert_eq!(flop_published(3.8e25), "3.8 × 10²⁵ FLOP");
        assert_eq!(flop_published(1.54e24), "1.54 × 10²⁴ FLOP");
    }

    #[test]
    fn pairs_never_read_as_a_tie() {
        assert_eq!(flop_pair(1.04e25, 1e25).0, "1.04 × 10²⁵ FLOP");
        assert_eq!(
            flop_pair(3.8e25, 1e26),
            ("3.8 × 10²⁵ FLOP".into(), "1 × 10²⁶ FLOP".into())
        );
        assert_eq!(flop_pair(1e25, 1e25).0, "1 × 10²⁵ FLOP");
        // Closer than four digits: as many as it takes (Claude 3.5
        // Sonnet's figure in Epoch's data against a threshold of 2.7e25).
        assert_eq!(
            flop_pair(2.700000000000001e25, 2.7e25),
            (
                "2.700000000000001 × 10²⁵ FLOP".into(),
                "2.7 × 10²⁵ FLOP".into()
            )
        );
        assert_eq!(flop_pair(1.00001e25, 1e25).0, "1.00001 × 10²⁵ FLOP");
        // A typed threshold of five digits reads in its place too (the
        // second reader's 4.29971e25 against 4.2997e25).
        assert_eq!(
            flop_pair(4.29971e25, 4.2997e25),
            ("4.29971 × 10²⁵ FLOP".into(), "4.2997 × 10²⁵ FLOP".into())
        );
        // Every pair near each other reads in its order, both ways.
        for exponent in 18..=30 {
            for k in 1..200 {
                let b: f64 = format!("{}e{exponent}", 1.0 + f64::from(k) * 0.0437)
                    .parse()
                    .unwrap();
                for a in [
                    b * (1.0 + 1e-12),
                    b * (1.0 - 1e-7),
                    b * (1.0 + 3e-5),
                    f64::from_bits(b.to_bits() + 1),
                ] {
                    for (p, q) in [(a, b), (b, a)] {
                        let (x, y) = flop_pair(p, q);
                        let read = |t: &str| parse_number(t.trim_end_matches(" FLOP")).unwrap();
                        assert_eq!(
                            read(&x).partial_cmp(&read(&y)),
                            p.partial_cmp(&q),
                            "{p:e} {q:e}: {x} {y}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn dollars_abbreviated() {
        assert_eq!(usd(100e6), "$100M");
        assert_eq!(usd(366_010_627.6), "$366M");
        assert_eq!(usd(5.5e6), "$5.5M");
    }

    #[test]
    fn ratios_and_scores() {
        assert_eq!(flop_beside(1.1e21 + 9.9e21, &[]), "1.1 × 10²² FLOP");
        assert_eq!(flop_beside(3.81e25 - 3.8e25, &[]), "1 × 10²³ FLOP");
        assert_eq!(times(0.3), "0.30×");
        assert_eq!(times(0.0031), "0.0031×");
        assert_eq!(times(12.4), "12×");
        assert_eq!(times(1.5), "1.5×");
        assert_eq!(pow10(26), "10²⁶");
        assert_eq!(pow10(-3), "10⁻³");
        assert_eq!(score(155.06), "155.1");
        assert_eq!(score(150.0), "150");
    }

    #[test]
    fn numbers_read_in_every_notation_the_page_shows() {
        let same = |text: &str, want: f64| {
            let got = parse_number(text).unwrap_or_else(|| panic!("{text:?} does not parse"));
            assert!((got / want - 1.0).abs() < 1e-12, "{text:?}: {got:e}");
        };
        for text in [
            "1e26",
            "1e+26",
            "1e 26",
            "1E26",
            "10^26",
            "1x10^26",
            "1X10^26",
            "1*10^26",
            "1\u{00d7}10^26",
            "1 \u{00d7} 10^26",
            "10\u{00b2}\u{2076}",
            "1 \u{00d7} 10\u{00b2}\u{2076}",
            "100000000000000000000000000",
        ] {
            same(text, 1e26);
        }
        same("3.5x10^25", 3.5e25);
        same("2.5 \u{00d7} 10\u{00b2}\u{2075}", 2.5e25);
        same("10^-3", 1e-3);
        same("10\u{207b}\u{00b3}", 1e-3);
        same("0.3333", 0.3333);
        for bad in [
            "",
            "abc",
            "^26",
            "10^",
            "x10^26",
            "1x10",
            "2^26",
            "1y10^26",
            "10^2.5",
            "10\u{00b2}a",
            "1e999",
        ] {
            assert_eq!(parse_number(bad).filter(|v| v.is_finite()), None, "{bad:?}");
        }
    }
}
