//! The name family of a model ([`key`]), on its own so that build.rs can
//! include this file: build.rs writes every catalog model's family into the
//! embedded dataset (`Model::family`), so the wasm modules need not carry
//! the Unicode case tables `str::to_lowercase` brings, unless they judge a
//! model typed in (the full page's check, through `Catalog::with_model`).
//! Nothing here may use the crate.

/// Words that name a variant of a model rather than a different model:
/// the same weights served differently, or a light post-training
/// ("Grok 4 Heavy", "Qwen3-Max-Thinking", "GPT-5.1-Codex"). Size words
/// ("mini", "nano", "flash", "lite", "turbo", "instant": Claude Instant is
/// a smaller model) are kept: they name other models.
const VARIANT_WORDS: [&str; 9] = [
    "codex",
    "thinking",
    "heavy",
    "deep",
    "think",
    "preview",
    "exp",
    "experimental",
    "latest",
];

/// Whether a name token is a size ("70b", "a22b", "8x7b", "1.5t", "355m").
fn is_size(token: &str) -> bool {
    let Some(body) = token
        .strip_suffix('b')
        .or_else(|| token.strip_suffix('m'))
        .or_else(|| token.strip_suffix('t'))
    else {
        return false;
    };
    let body = body.strip_prefix('a').unwrap_or(body);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == 'x')
}

/// A version's major number: "4.7" → "4", "2.5" → "2".
fn major(version: &str) -> &str {
    version.split('.').next().unwrap_or(version)
}

/// The family of a model's name: lower case, the first version number cut
/// to its major number (a generation: "Claude Opus 4.7" and "4.6" share
/// one, "Claude Opus 5" starts another), later numbers, dates in
/// brackets and variant words dropped, sizes kept (in brackets too).
/// "Claude Opus 4.7" → "claude opus 4"; "GPT-4o (Aug 2024)" → "gpt 4o";
/// "GPT-3.5 Turbo" → "gpt 3 turbo"; "Qwen2.5-Coder (32B)" → "qwen2 coder
/// 32b"; "Gemini Nano-2" → "gemini nano 2" (a number after "nano" is a
/// size). `None` when nothing is left.
pub fn key(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let (main, bracketed) = match lower.split_once('(') {
        Some((main, rest)) => (main, rest),
        None => (lower.as_str(), ""),
    };
    let tokens = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '.'))
            .map(|t| t.trim_matches('.').to_string())
            .filter(|t| !t.is_empty())
            .collect()
    };
    let mut words: Vec<String> = Vec::new();
    let mut versioned = false;
    for token in tokens(main) {
        let numeric = token.chars().all(|c| c.is_ascii_digit() || c == '.');
        let after_nano = words.last().is_some_and(|w| w == "nano");
        if is_size(&token) || (numeric && after_nano) {
            words.push(token);
        } else if numeric {
            if !versioned {
                words.push(major(&token).to_string());
                versioned = true;
            }
        } else if token.starts_with(|c: char| c.is_ascii_digit()) {
            // "4o": a name of its own.
            words.push(token);
            versioned = true;
        } else if let Some(at) = token.find(|c: char| c.is_ascii_digit()) {
            // "qwen2.5" → "qwen2", "v3.1" → "v3", "k1.5" → "k1".
            words.push(format!("{}{}", &token[..at], major(&token[at..])));
            versioned = true;
        } else if !VARIANT_WORDS.contains(&token.as_str()) {
            words.push(token);
        }
    }
    words.extend(tokens(bracketed).into_iter().filter(|t| is_size(t)));
    (!words.is_empty()).then(|| words.join(" "))
}

/// For each of `keys` (the name families of a dataset's rows, in order),
/// the index of the first row with the same family: rows of one family
/// share it, and comparing it is comparing the families. `None` where the
/// row has no family.
pub fn first_rows(keys: &[Option<String>]) -> Vec<Option<usize>> {
    // Each family with its first row, sorted by family.
    let mut first: Vec<(&str, usize)> = Vec::new();
    keys.iter()
        .enumerate()
        .map(|(i, key)| {
            let key = key.as_deref()?;
            Some(match first.binary_search_by(|(k, _)| (*k).cmp(key)) {
                Ok(at) => first[at].1,
                Err(at) => {
                    first.insert(at, (key, i));
                    i
                }
            })
        })
        .collect()
}
