//! Session files that never lose a workshop: a versioned RON envelope, atomic writes,
//! backups of what a save replaces, autosave off the UI thread and recovery.

pub mod atomic;
mod autosave;
pub mod format;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use autosave::{
    AutosaveStatus, Autosaver, Recovery, autosave_path, discard_autosave, find_recovery,
    untitled_autosave_path,
};
use format::{Envelope, EnvelopeRef, EnvelopeV1, FORMAT_NAME, FORMAT_VERSION, Probe, migrate_v1};

use crate::i18n::{fill, io_problem, ron_problem, words};
use crate::model::{Language, Session};

/// How many backups of a session file are kept next to it.
pub const BACKUPS_KEPT: usize = 10;

/// Why a session file could not be read or written. A file that cannot be read is left
/// untouched. Displayed in French, the interface's default; [`StoreError::message`]
/// words it in a given language, naming the file and, for a damaged file, the line and
/// column.
#[derive(Debug)]
pub enum StoreError {
    Read {
        path: PathBuf,
        source: io::Error,
    },
    Write {
        path: PathBuf,
        source: io::Error,
    },
    Empty {
        path: PathBuf,
    },
    NotASession {
        path: PathBuf,
        reason: NotASession,
    },
    /// The file is damaged or cut short: the parser stopped at `line`, `column`.
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: ron::Error,
        /// The error is on the file's last line: the file was probably cut short.
        cut_short: bool,
    },
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    AlreadyExists {
        path: PathBuf,
    },
    Encode(String),
}

/// Why a readable file is not a session file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotASession {
    /// Not UTF-8 text: the first unreadable byte.
    NotText {
        byte: usize,
    },
    /// The envelope names another format.
    OtherFormat(String),
    NoVersion,
    UnknownVersion(u32),
    /// The envelope's session id is not the session's.
    IdMismatch,
}

impl StoreError {
    /// The message in `language`, for a facilitator.
    pub fn message(&self, language: Language) -> String {
        let w = &words(language).errors;
        match self {
            StoreError::Read { path, source } => fill(
                w.read,
                &[
                    ("file", &path.display()),
                    ("problem", &io_problem(language, source)),
                ],
            ),
            StoreError::Write { path, source } => fill(
                w.write,
                &[
                    ("file", &path.display()),
                    ("problem", &io_problem(language, source)),
                ],
            ),
            StoreError::Empty { path } => fill(w.empty_session, &[("file", &path.display())]),
            StoreError::NotASession { path, reason } => {
                let reason = match reason {
                    NotASession::NotText { byte } => fill(w.reason_not_text, &[("byte", byte)]),
                    NotASession::OtherFormat(format) => {
                        fill(w.reason_other_format, &[("format", format)])
                    }
                    NotASession::NoVersion => w.reason_no_version.to_owned(),
                    NotASession::UnknownVersion(version) => {
                        fill(w.reason_unknown_version, &[("version", version)])
                    }
                    NotASession::IdMismatch => w.reason_id_mismatch.to_owned(),
                };
                fill(
                    w.not_a_session,
                    &[("file", &path.display()), ("reason", &reason)],
                )
            }
            StoreError::Parse {
                path,
                line,
                column,
                problem,
                cut_short,
            } => {
                let mut problem = ron_problem(language, problem);
                if *cut_short {
                    // A file cut short stops the parser wherever it was: say so plainly.
                    if problem == w.ron_unexpected_text {
                        w.ron_end.clone_into(&mut problem);
                    }
                    problem = fill(w.ron_cut_short, &[("problem", &problem)]);
                }
                fill(
                    w.damaged,
                    &[
                        ("file", &path.display()),
                        ("line", line),
                        ("column", column),
                        ("problem", &problem),
                    ],
                )
            }
            StoreError::NewerVersion {
                path,
                found,
                supported,
            } => fill(
                w.newer_version,
                &[
                    ("file", &path.display()),
                    ("found", found),
                    ("supported", supported),
                ],
            ),
            StoreError::AlreadyExists { path } => {
                fill(w.already_exists, &[("file", &path.display())])
            }
            StoreError::Encode(detail) => fill(w.encode, &[("detail", detail)]),
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::Fr))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Read { source, .. } | StoreError::Write { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// How deep brackets and parentheses may nest in a session file. A session nests about
/// ten deep; a hostile file of a million `[` is refused at this depth, with its line,
/// long before the parser's recursion would overflow the stack.
pub const NESTING_LIMIT: usize = 128;

/// The RON options session files are read and written with: [`NESTING_LIMIT`].
fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(NESTING_LIMIT)
}

/// What [`load`] found besides the session.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub session: Session,
    /// The file's format version before migration (equal to the current one if none).
    pub file_version: u32,
}

/// Reads a session file, migrating older format versions.
pub fn load(path: &Path) -> Result<Loaded, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(path, &bytes)
}

/// Parses the bytes of a session file; `path` only names it in messages.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(StoreError::Empty {
            path: path.to_owned(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| StoreError::NotASession {
        path: path.to_owned(),
        reason: NotASession::NotText {
            byte: e.valid_up_to(),
        },
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parse_error = |e: ron::error::SpannedError| StoreError::Parse {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        // Nesting too deep is said as it is, wherever it stops the parser.
        cut_short: !matches!(e.code, ron::Error::ExceededRecursionLimit)
            && ends_at(text, e.span.start.line),
        problem: e.code,
    };
    let probe = match quick_probe(text) {
        Some(probe) => probe,
        None => ron_options().from_str::<Probe>(text).map_err(parse_error)?,
    };
    if !probe.format.is_empty() && probe.format != FORMAT_NAME {
        return Err(StoreError::NotASession {
            path: path.to_owned(),
            reason: NotASession::OtherFormat(probe.format),
        });
    }
    let version = probe.version;
    if version == 0 {
        return Err(StoreError::NotASession {
            path: path.to_owned(),
            reason: NotASession::NoVersion,
        });
    }
    if version > FORMAT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let envelope = match version {
        1 => migrate_v1(
            ron_options()
                .from_str::<EnvelopeV1>(text)
                .map_err(parse_error)?,
        ),
        // Version 3 only added an optional field: a version 2 file reads as it is.
        2 | FORMAT_VERSION => ron_options()
            .from_str::<Envelope>(text)
            .map_err(parse_error)?,
        other => {
            return Err(StoreError::NotASession {
                path: path.to_owned(),
                reason: NotASession::UnknownVersion(other),
            });
        }
    };
    if envelope.session_id != envelope.session.id {
        return Err(StoreError::NotASession {
            path: path.to_owned(),
            reason: NotASession::IdMismatch,
        });
    }
    Ok(Loaded {
        session: envelope.session,
        file_version: version,
    })
}

/// Reads `format` and `version` from the head of the envelope as Synergies writes it
/// (both before `session:`), without parsing the whole file. `None` when the head looks
/// different (a hand-edited file): the caller then parses the whole file for them.
fn quick_probe(text: &str) -> Option<Probe> {
    let head = &text[..text.find("session:")?];
    let value_of = |field: &str| {
        let start = head.find(&format!("{field}:"))? + field.len() + 1;
        let rest = head[start..].trim_start();
        let end = rest.find([',', '\n', ')'])?;
        Some(rest[..end].trim())
    };
    let version = value_of("version")?.parse().ok()?;
    let format = match value_of("format") {
        Some(quoted) => quoted.strip_prefix('"')?.strip_suffix('"')?.to_owned(),
        None => String::new(),
    };
    Some(Probe { format, version })
}

/// True when an error at `line` (1-based) is on the last line of `text`, trailing space
/// aside: the mark of a file cut short.
fn ends_at(text: &str, line: usize) -> bool {
    line >= text.trim_end().lines().count().max(1)
}

/// The text of a session file for `session`.
pub fn to_ron(session: &Session) -> Result<String, StoreError> {
    encode(&EnvelopeRef::new(session))
}

fn encode(envelope: &EnvelopeRef) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .escape_strings(false)
        .struct_names(false);
    let mut text = ron_options()
        .to_string_pretty(envelope, config)
        .map_err(|e| StoreError::Encode(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves the session to `path` atomically, keeping the file it replaces as a backup.
/// Returns the backup's path, if there was a file to back up.
pub fn save(path: &Path, session: &Session) -> Result<Option<PathBuf>, StoreError> {
    let text = to_ron(session)?;
    write_with_backup(path, text.as_bytes())
}

/// Writes `bytes` over `path` atomically, after backing up the current file.
pub fn write_with_backup(path: &Path, bytes: &[u8]) -> Result<Option<PathBuf>, StoreError> {
    let write_error = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    atomic::remove_stale_temporaries(atomic::folder_of(path));
    let backup = atomic::back_up(path, BACKUPS_KEPT).map_err(write_error)?;
    atomic::write_atomically(path, bytes).map_err(write_error)?;
    Ok(backup)
}

/// Saves a new session to `path`, refusing to replace an existing file.
pub fn create(path: &Path, session: &Session) -> Result<(), StoreError> {
    if path.exists() {
        return Err(StoreError::AlreadyExists {
            path: path.to_owned(),
        });
    }
    let text = to_ron(session)?;
    atomic::write_atomically(path, text.as_bytes()).map_err(|source| StoreError::Write {
        path: path.to_owned(),
        source,
    })
}
