//! Spreadsheets in and out: CSV import of organisations, resource sheets and ideas as
//! Excel and LibreOffice export them, and CSV export in the same format.

mod export;
mod import;
pub mod read;

use std::fmt;
use std::path::{Path, PathBuf};

pub use export::{EXPORT_FILES, export_csv};
pub use import::{ImportBytes, ImportFiles, ImportReport, plan_import, plan_import_bytes};

use crate::i18n::{fill, io_problem, words};
use crate::model::Language;

/// Why an import was refused: nothing was imported. Names the file and, where it
/// applies, the line, the column and the value. Displayed in French, the interface's
/// default; [`ImportError::message`] words it in a given language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: PathBuf,
    pub line: Option<u64>,
    /// The column: its letter and header, e.g. `C (presence)`.
    pub column: Option<String>,
    pub value: Option<String>,
    pub problem: Box<ImportProblem>,
    /// The other bad rows of the same import.
    pub others: Box<OtherBadRows>,
}

/// The bad rows of an import after its first: up to [`BAD_ROWS_SHOWN`] in all are
/// listed, the rest counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OtherBadRows {
    pub listed: Vec<ImportError>,
    pub not_listed: usize,
}

/// How many bad rows an import's message lists before it only counts them.
pub const BAD_ROWS_SHOWN: usize = 20;

/// The bad rows of an import as they are found: the first [`BAD_ROWS_SHOWN`] kept, the
/// others only counted, so that a file of a million bad rows holds no million errors.
#[derive(Debug, Default)]
pub(crate) struct BadRows {
    listed: Vec<ImportError>,
    not_listed: usize,
}

impl BadRows {
    pub(crate) fn push(&mut self, error: ImportError) {
        if self.listed.len() < BAD_ROWS_SHOWN {
            self.listed.push(error);
        } else {
            self.not_listed += 1;
        }
    }

    /// The first bad row, carrying the others; `None` when there was none.
    pub(crate) fn into_error(self) -> Option<ImportError> {
        let mut errors = self.listed.into_iter();
        let mut first = errors.next()?;
        first.others = Box::new(OtherBadRows {
            listed: errors.collect(),
            not_listed: self.not_listed,
        });
        Some(first)
    }
}

/// What is wrong in an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// The file cannot be read (missing, no permission…).
    Unreadable(std::io::ErrorKind),
    Empty,
    NotCsv,
    /// A quoted field opened on this row is never closed: the rest of the file would be
    /// read as one field.
    UnterminatedQuote,
    /// A cell is longer than [`read::MAX_CELL_CHARS`], the most an Excel cell holds: a
    /// misplaced quote may have swallowed the lines after it.
    CellTooLong {
        limit: usize,
    },
    /// A row has more fields than the header has columns.
    TooManyFields {
        width: usize,
        delimiter: char,
    },
    /// None of the first rows has any of `headers` (folded names).
    NoHeader {
        headers: Vec<String>,
        rows: usize,
    },
    /// Two columns give the same field `key`.
    DuplicateColumn {
        first: String,
        second: String,
        key: String,
    },
    MissingColumn {
        key: String,
        accepted: Vec<String>,
    },
    RequiredEmpty {
        key: String,
    },
    /// The organisation is already on `line` of the same file.
    DuplicateInFile {
        line: u64,
    },
    AlreadyInSession,
    /// A table facilitator is given on a row with no table.
    FacilitatorWithoutTable,
    /// `line` gave the table another facilitator.
    OtherTableFacilitator {
        line: u64,
        table: String,
    },
    BadAttendance,
    BadDirection,
    /// The category is none of `categories` ("materials (Matières et déchets)"…).
    UnknownCategory {
        categories: Vec<String>,
    },
    BadKind,
    UnknownOrganisation {
        name: String,
    },
    BadVotes,
    BadStatus,
    BadDate,
}

impl ImportError {
    /// An error about the whole file.
    pub fn file(path: &Path, problem: ImportProblem) -> Self {
        Self {
            file: path.to_owned(),
            line: None,
            column: None,
            value: None,
            problem: Box::new(problem),
            others: Box::default(),
        }
    }

    /// The first of `errors` (the bad rows of one import, in order), carrying the next
    /// ones up to [`BAD_ROWS_SHOWN`] and the count of the rest. `None` when there are none.
    pub fn of_rows(errors: Vec<ImportError>) -> Option<ImportError> {
        let mut rows = BadRows::default();
        for error in errors {
            rows.push(error);
        }
        rows.into_error()
    }

    /// The message in `language`: the file, then the line, the column and the value
    /// where they are known, then the problem.
    pub fn message(&self, language: Language) -> String {
        let w = &words(language).errors;
        let mut text = self.file.display().to_string();
        text.push_str(&self.place_and_problem(language));
        // The other bad rows, on the same line, each with its place and problem (and its
        // file when it is another).
        for other in &self.others.listed {
            text.push_str(w.import_and);
            if other.file == self.file {
                let place = other.place_and_problem(language);
                text.push_str(place.trim_start_matches([',', ' ']));
            } else {
                text.push_str(&other.message(language));
            }
        }
        if self.others.not_listed > 0 {
            let more = crate::i18n::counts(language)
                .import_more_bad_rows
                .count(language, self.others.not_listed);
            text.push_str(w.import_and);
            text.push_str(&more);
        }
        text
    }

    /// The line, the column and the value where they are known, then the problem.
    fn place_and_problem(&self, language: Language) -> String {
        let w = &words(language).errors;
        let mut text = String::new();
        if let Some(line) = self.line {
            text.push_str(&fill(w.import_line, &[("line", &line)]));
        }
        if let Some(column) = &self.column {
            text.push_str(&fill(w.import_column, &[("column", column)]));
        }
        if let Some(value) = &self.value {
            let mut shown: String = value.chars().take(80).collect();
            if shown.len() < value.len() {
                shown.push('…');
            }
            text.push_str(&fill(w.import_value, &[("value", &shown)]));
        }
        let problem = self.problem.message(language);
        text.push_str(&fill(w.import_problem, &[("problem", &problem)]));
        text
    }
}

impl ImportProblem {
    /// The problem in `language`.
    pub fn message(&self, language: Language) -> String {
        let w = &words(language).errors;
        let quoted = |names: &[String]| {
            let quote = |name: &String| match language {
                Language::Fr => format!("« {name} »"),
                Language::En => format!("\"{name}\""),
            };
            names.iter().map(quote).collect::<Vec<_>>()
        };
        match self {
            ImportProblem::Unreadable(kind) => fill(
                w.import_unreadable,
                &[(
                    "problem",
                    &io_problem(language, &std::io::Error::from(*kind)),
                )],
            ),
            ImportProblem::Empty => w.import_empty.to_owned(),
            ImportProblem::NotCsv => w.import_not_csv.to_owned(),
            ImportProblem::UnterminatedQuote => w.import_unterminated_quote.to_owned(),
            ImportProblem::CellTooLong { limit } => {
                fill(w.import_cell_too_long, &[("limit", limit)])
            }
            ImportProblem::TooManyFields { width, delimiter } => {
                let delimiter = if *delimiter == '\t' {
                    w.import_tab.to_owned()
                } else {
                    delimiter.to_string()
                };
                fill(
                    w.import_too_many_fields,
                    &[("width", width), ("delimiter", &delimiter)],
                )
            }
            ImportProblem::NoHeader { headers, rows } => fill(
                w.import_no_header,
                &[
                    ("headers", &quoted(headers).join(w.import_or)),
                    ("rows", rows),
                ],
            ),
            ImportProblem::DuplicateColumn { first, second, key } => fill(
                w.import_duplicate_column,
                &[("first", first), ("second", second), ("key", key)],
            ),
            ImportProblem::MissingColumn { key, accepted } => fill(
                w.import_missing_column,
                &[("key", key), ("accepted", &accepted.join(", "))],
            ),
            ImportProblem::RequiredEmpty { key } => fill(w.import_required_empty, &[("key", key)]),
            ImportProblem::DuplicateInFile { line } => {
                fill(w.import_duplicate_in_file, &[("line", line)])
            }
            ImportProblem::AlreadyInSession => w.import_already_in_session.to_owned(),
            ImportProblem::FacilitatorWithoutTable => w.import_facilitator_without_table.to_owned(),
            ImportProblem::OtherTableFacilitator { line, table } => fill(
                w.import_other_table_facilitator,
                &[("line", line), ("table", table)],
            ),
            ImportProblem::BadAttendance => w.import_bad_attendance.to_owned(),
            ImportProblem::BadDirection => w.import_bad_direction.to_owned(),
            ImportProblem::UnknownCategory { categories } => fill(
                w.import_unknown_category,
                &[("categories", &categories.join(", "))],
            ),
            ImportProblem::BadKind => w.import_bad_kind.to_owned(),
            ImportProblem::UnknownOrganisation { name } => {
                fill(w.import_unknown_organisation, &[("name", name)])
            }
            ImportProblem::BadVotes => w.import_bad_votes.to_owned(),
            ImportProblem::BadStatus => w.import_bad_status.to_owned(),
            ImportProblem::BadDate => w.import_bad_date.to_owned(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::Fr))
    }
}

impl std::error::Error for ImportError {}
