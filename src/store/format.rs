//! The session file format: a versioned RON envelope around the session.
//!
//! ```text
//! (
//!   format: "synergies-session",
//!   version: 3,
//!   session_id: "…",
//!   saved_at: "2026-11-22T10:04:00Z",
//!   app_version: "0.1.0",
//!   session: ( … ),
//! )
//! ```
//!
//! Version history:
//! - 1: the pre-release draft, `(version: 1, session: (…))`, with no format name or
//!   session id in the envelope. Loaded through [`migrate_v1`].
//! - 2: the envelope with format name and session id.
//! - 3: the session may be a table's copy (`table_copy`); a version 2 file reads as is.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::model::{Session, Timestamp};

/// The `format` field of every session file.
pub const FORMAT_NAME: &str = "synergies-session";
/// The version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 3;

/// A session file, as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    pub format: String,
    pub version: u32,
    pub session_id: Uuid,
    pub saved_at: Timestamp,
    /// The version of Synergies that wrote the file.
    pub app_version: String,
    pub session: Session,
}

impl Envelope {
    pub fn new(session: Session) -> Self {
        Self {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            session_id: session.id,
            saved_at: Utc::now(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            session,
        }
    }
}

/// A session file as [`Envelope`] writes it, borrowing the session: saving a large
/// session does not copy it first.
#[derive(Debug, Serialize)]
pub struct EnvelopeRef<'a> {
    pub format: &'a str,
    pub version: u32,
    pub session_id: Uuid,
    pub saved_at: Timestamp,
    pub app_version: &'a str,
    pub session: &'a Session,
}

impl<'a> EnvelopeRef<'a> {
    pub fn new(session: &'a Session) -> Self {
        Self {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            session_id: session.id,
            saved_at: Utc::now(),
            app_version: env!("CARGO_PKG_VERSION"),
            session,
        }
    }
}

/// The envelope of format version 1.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeV1 {
    pub version: u32,
    pub session: Session,
}

/// Brings a version 1 file to the current envelope.
pub fn migrate_v1(old: EnvelopeV1) -> Envelope {
    Envelope {
        format: FORMAT_NAME.to_owned(),
        version: FORMAT_VERSION,
        session_id: old.session.id,
        saved_at: old.session.last_modified(),
        app_version: String::new(),
        session: old.session,
    }
}

/// Just enough of any envelope to know which version it is; every other field is
/// skipped. Absent fields are empty (`format`) or 0 (`version`).
#[derive(Debug, Deserialize)]
pub struct Probe {
    #[serde(default)]
    pub format: String,
    #[serde(default)]
    pub version: u32,
}
