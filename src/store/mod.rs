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
use format::{Envelope, EnvelopeV1, FORMAT_NAME, FORMAT_VERSION, Probe, migrate_v1};

use crate::model::Session;

/// How many backups of a session file are kept next to it.
pub const BACKUPS_KEPT: usize = 10;

/// Why a session file could not be read or written. A file that cannot be read is left
/// untouched.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read \"{path}\": {source}")]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write \"{path}\": {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("\"{path}\" is empty: it holds no session")]
    Empty { path: PathBuf },
    #[error("\"{path}\" is not a Synergies session file: {reason}")]
    NotASession { path: PathBuf, reason: String },
    #[error("\"{path}\", line {line}, column {column}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "\"{path}\" was written by a newer version of Synergies (file format {found}; this version reads formats up to {supported}): update Synergies to open it"
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("\"{path}\" already exists: choose another file name")]
    AlreadyExists { path: PathBuf },
    #[error("cannot encode the session: {0}")]
    Encode(String),
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
        reason: format!("it is not text (invalid UTF-8 at byte {})", e.valid_up_to()),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parse_error = |e: ron::error::SpannedError| {
        let mut message = e.code.to_string();
        if ends_at(text, e.span.start.line) {
            message.push_str(" (the file ends too early: it may have been cut short)");
        }
        StoreError::Parse {
            path: path.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message,
        }
    };
    let probe = match quick_probe(text) {
        Some(probe) => probe,
        None => ron::from_str::<Probe>(text).map_err(parse_error)?,
    };
    if !probe.format.is_empty() && probe.format != FORMAT_NAME {
        return Err(StoreError::NotASession {
            path: path.to_owned(),
            reason: format!("its format is \"{}\", not \"{FORMAT_NAME}\"", probe.format),
        });
    }
    let version = probe.version;
    if version == 0 {
        return Err(StoreError::NotASession {
            path: path.to_owned(),
            reason: "it has no format version".into(),
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
        1 => migrate_v1(ron::from_str::<EnvelopeV1>(text).map_err(parse_error)?),
        // Version 3 only added an optional field: a version 2 file reads as it is.
        2 | FORMAT_VERSION => ron::from_str::<Envelope>(text).map_err(parse_error)?,
        other => {
            return Err(StoreError::NotASession {
                path: path.to_owned(),
                reason: format!("format version {other} does not exist"),
            });
        }
    };
    if envelope.session_id != envelope.session.id {
        return Err(StoreError::NotASession {
            path: path.to_owned(),
            reason: "the session id of the envelope and of the session differ".into(),
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
    let envelope = Envelope::new(session.clone());
    encode(&envelope)
}

fn encode(envelope: &Envelope) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ")
        .escape_strings(false)
        .struct_names(false);
    let mut text = ron::ser::to_string_pretty(envelope, config)
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
