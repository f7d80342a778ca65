//! Small text helpers: name normalisation for joins, list splitting, numbers,
//! dates and links as they appear in Epoch's CSV exports.

use scope_explorer::date::IsoDate;

/// A display name: trimmed, inner whitespace (newlines, tabs, no-break
/// spaces) collapsed to single spaces.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters treated as word separators when comparing names: whitespace,
/// `-`, `_`, `.`, `/`, `:` and the Unicode dashes Epoch sometimes uses
/// (for example the non-breaking hyphen in "GPT‑5-Codex").
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_' | '.' | '/' | ':' | '\u{2010}'..='\u{2015}' | '\u{2212}'
        )
}

/// The join key of a name: case-folded, separators collapsed to one space.
/// "Llama 3.1-405B", "llama-3.1_405b " and "LLAMA 3 1 405B" share a key.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_separator(c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A looser key with the separators removed, except that a separator
/// between two digits becomes "." so version numbers stay apart:
/// "Qwen2.5-7B" and "qwen 2.5 7b" agree, "OPT-1.3B" and "OPT-13B" do not.
/// Only used as a fallback when it is unambiguous.
pub fn compact_key(s: &str) -> String {
    let mut out = String::new();
    for token in key(s).split(' ') {
        let digit_before = out.chars().last().is_some_and(|c| c.is_ascii_digit());
        let digit_after = token.chars().next().is_some_and(|c| c.is_ascii_digit());
        if digit_before && digit_after {
            out.push('.');
        }
        out.push_str(token);
    }
    out
}

/// Splits one of Epoch's comma-separated lists (organisations, countries,
/// base models), trimming items and dropping empty ones. A fragment that is
/// only a company suffix ("Ltd. (APUS)" after "Co.,") is glued back on.
pub fn split_list(s: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for part in s.split(',') {
        let part = clean(part);
        if part.is_empty() {
            continue;
        }
        let first_word = part.split(' ').next().unwrap_or("").trim_end_matches('.');
        let is_suffix = ["Ltd", "Inc", "LLC", "Co", "Corp", "GmbH"].contains(&first_word);
        match items.last_mut() {
            Some(previous) if is_suffix => {
                previous.push_str(", ");
                previous.push_str(&part);
            }
            _ => items.push(part),
        }
    }
    items
}

/// The first http(s) URL in a field that may hold several, separated by
/// newlines, spaces or commas. `None` if the field holds no URL.
pub fn first_url(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .find(|token| token.starts_with("http://") || token.starts_with("https://"))
        .map(str::to_string)
}

/// Parses a number such as "3.8e+25" or "12400000.0". Empty means unknown
/// (`Ok(None)`); anything else that does not parse is an error.
pub fn number(s: &str) -> Result<Option<f64>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

/// Parses a percentage such as "22.5%" into 22.5.
pub fn percent(s: &str) -> Result<Option<f64>, ()> {
    let s = s.trim();
    let s = s.strip_suffix('%').unwrap_or(s);
    match number(s)? {
        Some(v) if (0.0..=100.0).contains(&v) => Ok(Some(v)),
        Some(_) => Err(()),
        None => Ok(None),
    }
}

/// How precise a source date was.
#[derive(Debug, PartialEq, Eq)]
pub enum DateQuality {
    Full,
    Padded,
}

/// Reads a date. "2024" and "2024-05" are padded to the first day (and
/// flagged so the report can say so). Empty gives `Ok(None)`; a date the
/// explorer does not accept ([`IsoDate::checked`]) is an error.
pub fn date(s: &str) -> Result<Option<(IsoDate, DateQuality)>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    // Some exports carry a time of day; keep the date part.
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    let parts: Vec<&str> = s.split('-').collect();
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                Err(())
            } else {
                p.parse::<u32>().map_err(|_| ())
            }
        })
        .collect::<Result<_, _>>()?;
    let (year, month, day, quality) = match numbers.as_slice() {
        [y] => (*y, 1, 1, DateQuality::Padded),
        [y, m] => (*y, *m, 1, DateQuality::Padded),
        [y, m, d] => (*y, *m, *d, DateQuality::Full),
        _ => return Err(()),
    };
    let month_enum = time::Month::try_from(u8::try_from(month).map_err(|_| ())?).map_err(|_| ())?;
    let year = i32::try_from(year).map_err(|_| ())?;
    let day = u8::try_from(day).map_err(|_| ())?;
    let date = time::Date::from_calendar_date(year, month_enum, day).map_err(|_| ())?;
    let date = IsoDate::checked(date).map_err(|_| ())?;
    Ok(Some((date, quality)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_punctuation() {
        assert_eq!(key(" Llama 3.1-405B\n"), "llama 3 1 405b");
        assert_eq!(key("llama_3.1 405b"), key("Llama 3.1-405B"));
        assert_eq!(key("GPT\u{2011}5-Codex"), key("GPT-5-Codex"));
        assert_eq!(compact_key("Qwen2.5-7B"), compact_key("qwen 2.5 7b"));
        assert_ne!(compact_key("OPT-1.3B"), compact_key("OPT-13B"));
    }

    #[test]
    fn lists_keep_company_suffixes() {
        assert_eq!(
            split_list("Qilin Hesheng Network Technology Co., Ltd. (APUS),Inception G42"),
            vec![
                "Qilin Hesheng Network Technology Co., Ltd. (APUS)",
                "Inception G42"
            ]
        );
    }

    #[test]
    fn dates_are_padded() {
        assert_eq!(
            date("2024-05").unwrap(),
            Some((
                IsoDate::from_date(time::macros::date!(2024 - 05 - 01)),
                DateQuality::Padded
            ))
        );
        assert!(date("2024-13-01").is_err());
        assert!(date("1066-10-14").is_err(), "outside the explorer's dates");
    }
}
