//! The GPAI criterion's generality read from Epoch's fields
//! ([`from_fields`], behind `eu::generative_from_fields`), on its own so
//! that build.rs can include this file: build.rs writes every catalog
//! model's answer into the embedded dataset (`Model::generative`), so the
//! embed's module need not carry the task and source lists it reads.
//! Nothing here may use the crate.

/// Guidelines sec. 2.1, read from Epoch's fields (see
/// `eu::generative`): `Some(true)` generative, `Some(false)` not, `None`
/// undetermined.
pub fn from_fields(name: &str, domain: &str, task: &str, sources: &str) -> Option<bool> {
    let domain = domain.to_ascii_lowercase();
    let task = task.to_ascii_lowercase();
    let embedding_name = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case("embed") || word.eq_ignore_ascii_case("embedding"));
    if task.contains("embedding") || embedding_name {
        return Some(false);
    }
    if domain.trim().is_empty() {
        let from_eci = sources.split(';').any(|s| s.trim() == "eci");
        return if from_eci { Some(true) } else { None };
    }
    let generative_domain = ["language", "multimodal", "image generation"]
        .iter()
        .any(|d| domain.split(',').any(|x| x.trim() == *d));
    let generative_task = [
        "language modeling",
        "chat",
        "code generation",
        "speech synthesis",
        "text-to-speech",
        "text-to-image",
        "text-to-video",
    ]
    .iter()
    .any(|t| task.contains(t));
    Some(generative_domain || generative_task)
}
