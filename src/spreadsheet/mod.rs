//! Spreadsheets in and out: CSV import of organisations, resource sheets and ideas as
//! Excel and LibreOffice export them, and CSV export in the same format.

mod export;
mod import;
pub mod read;

use std::fmt;
use std::path::{Path, PathBuf};

pub use export::{EXPORT_FILES, export_csv};
pub use import::{ImportBytes, ImportFiles, ImportReport, plan_import, plan_import_bytes};

/// Why an import was refused: nothing was imported. Names the file and, where it
/// applies, the line, the column and the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: PathBuf,
    pub line: Option<u64>,
    /// The column: its letter and header, e.g. `C (presence)`.
    pub column: Option<String>,
    pub value: Option<String>,
    pub problem: String,
}

impl ImportError {
    /// An error about the whole file.
    pub fn file(path: &Path, problem: String) -> Self {
        Self {
            file: path.to_owned(),
            line: None,
            column: None,
            value: None,
            problem,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        if let Some(value) = &self.value {
            let shown: String = value.chars().take(80).collect();
            let ellipsis = if shown.len() < value.len() { "…" } else { "" };
            write!(f, ", value \"{shown}{ellipsis}\"")?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for ImportError {}
