//! The hand-maintained alias -> developer mapping (data/developers.csv).

use std::collections::BTreeMap;
use std::path::Path;

use crate::inputs::Table;
use crate::text;

pub struct Developers {
    by_key: BTreeMap<String, String>,
}

impl Developers {
    /// Reads a CSV with columns `alias,developer`. Aliases are compared by
    /// join key (case and punctuation do not matter).
    pub fn load(path: &Path) -> Result<Developers, String> {
        let table = Table::read(path, &["alias", "developer"])?;
        let mut by_key = BTreeMap::new();
        for row in table.rows() {
            let alias = text::clean(row.get("alias"));
            let developer = text::clean(row.get("developer"));
            if alias.is_empty() || developer.is_empty() {
                return Err(format!(
                    "{} line {}: alias and developer must both be set",
                    table.file_name,
                    row.line()
                ));
            }
            if let Some(previous) = by_key.insert(text::key(&alias), developer.clone()) {
                if previous != developer {
                    return Err(format!(
                        "{} line {}: alias {alias:?} maps to both {previous:?} and {developer:?}",
                        table.file_name,
                        row.line()
                    ));
                }
            }
        }
        Ok(Developers { by_key })
    }

    /// The canonical developer for an organisation name, or `None` if the
    /// mapping has no entry for it.
    pub fn lookup(&self, organization: &str) -> Option<&str> {
        self.by_key
            .get(&text::key(organization))
            .map(String::as_str)
    }
}
