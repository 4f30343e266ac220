//! The thesaurus of French resources: synonyms, acronyms and everyday variants, and the
//! known substitutions where one organisation's output is another's input.
//!
//! It is a `;`-separated CSV file (`assets/thesaurus.csv`, described in
//! `assets/THESAURUS.md`) that any spreadsheet or text editor opens:
//!
//! ```text
//! relation;termes;vers;source
//! synonyme;cagettes | caisses en bois | cageots;;Pratique EIT courante
//! substitution;drêches | drêches de brasserie;alimentation animale;ADEME …
//! ```
//!
//! The shipped file is built into the program; a user's edited copy replaces it.

use std::path::Path;

use crate::i18n::{Language, fill, words};
use crate::model::text::fold_header;

/// The thesaurus shipped with Synergies.
pub const SHIPPED: &str = include_str!("../../assets/thesaurus.csv");

/// What an entry says of its terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// Every term names the same resource.
    Synonym,
    /// What `terms` name, offered, can serve a need for what `to` names.
    Substitution,
}

/// One line of the thesaurus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub relation: Relation,
    /// The synonyms, or what is offered in a substitution.
    pub terms: Vec<String>,
    /// What a substitution serves (empty for synonyms).
    pub to: Vec<String>,
    /// Where the entry comes from.
    pub source: String,
    /// Its line in the file (1 is the header).
    pub line: usize,
}

/// The whole thesaurus, as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Thesaurus {
    pub entries: Vec<Entry>,
}

/// Why a thesaurus file was refused, naming the file and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThesaurusError {
    /// The file could not be read.
    Unreadable { file: String, problem: String },
    /// The header lacks a column.
    MissingColumn { file: String, column: &'static str },
    /// A line's relation is neither `synonyme` nor `substitution`.
    UnknownRelation {
        file: String,
        line: usize,
        text: String,
    },
    /// A synonym line with fewer than two terms.
    TooFewTerms { file: String, line: usize },
    /// A substitution line without what is offered or without what it serves.
    HalfSubstitution { file: String, line: usize },
}

impl ThesaurusError {
    /// The message in `language`.
    pub fn message(&self, language: Language) -> String {
        let w = &words(language).matching;
        match self {
            ThesaurusError::Unreadable { file, problem } => fill(
                w.thesaurus_unreadable,
                &[("file", file), ("problem", problem)],
            ),
            ThesaurusError::MissingColumn { file, column } => fill(
                w.thesaurus_missing_column,
                &[("file", file), ("column", column)],
            ),
            ThesaurusError::UnknownRelation { file, line, text } => fill(
                w.thesaurus_unknown_relation,
                &[("file", file), ("line", line), ("text", text)],
            ),
            ThesaurusError::TooFewTerms { file, line } => {
                fill(w.thesaurus_too_few_terms, &[("file", file), ("line", line)])
            }
            ThesaurusError::HalfSubstitution { file, line } => fill(
                w.thesaurus_half_substitution,
                &[("file", file), ("line", line)],
            ),
        }
    }
}

impl std::fmt::Display for ThesaurusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::Fr))
    }
}

impl std::error::Error for ThesaurusError {}

/// The terms of one cell: `a | b | c`, each trimmed, empty ones dropped.
fn terms_of(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Thesaurus {
    /// The thesaurus shipped with Synergies.
    pub fn shipped() -> Self {
        // The shipped file is checked by a test: it always reads.
        Self::from_csv(SHIPPED, "assets/thesaurus.csv").unwrap_or_default()
    }

    /// Reads a thesaurus file (UTF-8 or Windows-1252, `;` or `,` separated).
    pub fn load(path: &Path) -> Result<Self, ThesaurusError> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| ThesaurusError::Unreadable {
            file: file.clone(),
            problem: crate::i18n::io_problem(Language::Fr, &e),
        })?;
        let (text, _encoding) = crate::spreadsheet::read::decode(&bytes);
        Self::from_csv(&text, &file)
    }

    /// Reads a thesaurus from the text of its CSV file, named `file` in messages.
    pub fn from_csv(text: &str, file: &str) -> Result<Self, ThesaurusError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let delimiter = crate::spreadsheet::read::detect_delimiter(text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map(|h| h.iter().map(fold_header).collect())
            .unwrap_or_default();
        let column = |names: &[&str], column: &'static str| {
            headers
                .iter()
                .position(|h| names.contains(&h.as_str()))
                .ok_or_else(|| ThesaurusError::MissingColumn {
                    file: file.to_owned(),
                    column,
                })
        };
        let relation_at = column(&["relation", "type"], "relation")?;
        let terms_at = column(&["termes", "terms", "terme"], "termes")?;
        let to_at = column(&["vers", "to"], "vers")?;
        let source_at = headers.iter().position(|h| h == "source");
        let mut entries = Vec::new();
        for (index, record) in reader.records().enumerate() {
            let line = record
                .as_ref()
                .ok()
                .and_then(|r| r.position())
                .map_or(index + 2, |p| p.line() as usize);
            let Ok(record) = record else {
                return Err(ThesaurusError::Unreadable {
                    file: file.to_owned(),
                    problem: fill(
                        words(Language::Fr).matching.thesaurus_bad_line,
                        &[("line", &line)],
                    ),
                });
            };
            let cell = |at: usize| record.get(at).unwrap_or_default().trim();
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let relation = match fold_header(cell(relation_at)).as_str() {
                "synonyme" | "synonymes" | "synonym" | "synonyms" => Relation::Synonym,
                "substitution" | "substitutions" => Relation::Substitution,
                _ => {
                    return Err(ThesaurusError::UnknownRelation {
                        file: file.to_owned(),
                        line,
                        text: cell(relation_at).to_owned(),
                    });
                }
            };
            let terms = terms_of(cell(terms_at));
            let to = terms_of(cell(to_at));
            match relation {
                Relation::Synonym if terms.len() < 2 => {
                    return Err(ThesaurusError::TooFewTerms {
                        file: file.to_owned(),
                        line,
                    });
                }
                Relation::Substitution if terms.is_empty() || to.is_empty() => {
                    return Err(ThesaurusError::HalfSubstitution {
                        file: file.to_owned(),
                        line,
                    });
                }
                _ => {}
            }
            entries.push(Entry {
                relation,
                terms,
                to,
                source: source_at.map(|at| cell(at).to_owned()).unwrap_or_default(),
                line,
            });
        }
        Ok(Self { entries })
    }
}

/// Where the user's own copy of the thesaurus lives, once made: in the per-user
/// configuration folder (`~/.config/synergies/thesaurus.csv` on Linux).
pub fn user_path() -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "Synergies", "synergies")?;
    Some(dirs.config_dir().join("thesaurus.csv"))
}

/// The thesaurus to use: the user's copy when there is one, else the shipped one; with
/// the file it came from (`None` for the shipped one).
pub fn for_user() -> Result<(Thesaurus, Option<std::path::PathBuf>), ThesaurusError> {
    match user_path() {
        Some(path) if path.exists() => Ok((Thesaurus::load(&path)?, Some(path))),
        _ => Ok((Thesaurus::shipped(), None)),
    }
}

/// Makes the user's copy of the thesaurus from the shipped one, unless it exists;
/// returns its path, to open in an editor.
pub fn make_user_copy() -> std::io::Result<std::path::PathBuf> {
    let path = user_path().ok_or_else(|| std::io::Error::other("no home folder"))?;
    if !path.exists() {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        crate::store::atomic::write_atomically(&path, SHIPPED.as_bytes())?;
    }
    Ok(path)
}
