//! The open workshop document: the session with its history, where it is saved, and its
//! autosave. No egui in here.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::model::{Action, ActionError, Session, Workshop};
use crate::store::{
    self, Autosaver, Recovery, StoreError, autosave_path, discard_autosave, find_recovery,
    untitled_autosave_path,
};

/// The session being worked on in the app.
pub struct Document {
    workshop: Workshop,
    /// Where the session is saved; `None` until it is saved for the first time.
    path: Option<PathBuf>,
    /// The revision last written to `path`.
    saved_revision: u64,
    /// The revision last handed to the autosaver.
    autosave_requested: u64,
    autosaver: Autosaver,
    /// Tells this document's content apart from another's with the same revision.
    serial: u64,
}

/// Where a document's content stands: it changes whenever the session does, so that
/// the views can cache what they draw from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ContentVersion {
    serial: u64,
    revision: u64,
}

impl ContentVersion {
    /// True when both versions are of the same document (opened or restored once).
    pub fn same_document(&self, other: &ContentVersion) -> bool {
        self.serial == other.serial
    }
}

fn next_serial() -> u64 {
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Document {
    /// A new session with no file yet.
    pub fn untitled(session: Session) -> Self {
        Self::with(session, None)
    }

    /// A session read from `path`, which becomes its file.
    pub fn opened(session: Session, path: PathBuf) -> Self {
        Self::with(session, Some(path))
    }

    fn with(session: Session, path: Option<PathBuf>) -> Self {
        Self {
            workshop: Workshop::new(session),
            path,
            saved_revision: 0,
            autosave_requested: 0,
            autosaver: Autosaver::spawn(),
            serial: next_serial(),
        }
    }

    /// Opens a session file; also returns an autosave newer than it, if there is one.
    pub fn open(path: &Path) -> Result<(Self, Option<Recovery>), StoreError> {
        let loaded = store::load(path)?;
        let recovery = find_recovery(path);
        Ok((Self::with(loaded.session, Some(path.to_owned())), recovery))
    }

    /// Replaces the session by the one in the autosave `recovery` (kept as unsaved
    /// changes, so that the file is only replaced when saved).
    pub fn restore(&mut self, recovery: &Recovery) -> Result<(), StoreError> {
        let loaded = store::load(&recovery.autosave)?;
        self.workshop = Workshop::new(loaded.session);
        self.serial = next_serial();
        // Unsaved: the restored work differs from the file.
        self.saved_revision = u64::MAX;
        Ok(())
    }

    pub fn session(&self) -> &Session {
        self.workshop.session()
    }

    /// Where the content stands: equal versions mean an unchanged session.
    pub fn version(&self) -> ContentVersion {
        ContentVersion {
            serial: self.serial,
            revision: self.workshop.revision(),
        }
    }

    pub fn workshop(&self) -> &Workshop {
        &self.workshop
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when there are changes not yet written to the session file.
    pub fn is_dirty(&self) -> bool {
        self.workshop.revision() != self.saved_revision
    }

    /// Applies an action (one undo step).
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        self.workshop.apply(action)
    }

    pub fn undo(&mut self) -> Option<String> {
        self.workshop.undo()
    }

    pub fn redo(&mut self) -> Option<String> {
        self.workshop.redo()
    }

    /// Where the autosave goes: next to the file, or in the per-user data folder.
    pub fn autosave_path(&self) -> Option<PathBuf> {
        match &self.path {
            Some(path) => Some(autosave_path(path)),
            None => untitled_autosave_path(self.session().id),
        }
    }

    /// Hands the session to the autosave thread if it changed since the last time.
    /// Returns at once.
    pub fn autosave_if_changed(&mut self) {
        let revision = self.workshop.revision();
        if revision == self.autosave_requested || !self.is_dirty() {
            return;
        }
        let Some(target) = self.autosave_path() else {
            return;
        };
        self.autosaver
            .request(target, self.session().clone(), revision);
        self.autosave_requested = revision;
    }

    pub fn autosave_status(&self) -> store::AutosaveStatus {
        self.autosaver.status()
    }

    /// Saves to the session file. Fails when the session has no file yet.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError::NoPath);
        };
        self.save_as(&path)
    }

    /// Saves to `path`, which becomes the session's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        // Wait for a pending autosave so that it does not land after the discard below.
        self.autosaver.flush(Duration::from_secs(5));
        store::save(path, self.session()).map_err(SaveError::Store)?;
        if let Some(old_autosave) = self.autosave_path() {
            // Best effort: the old autosave is older than the file just written, so it
            // is never offered back even if it stays.
            std::fs::remove_file(old_autosave).ok();
        }
        discard_autosave(path);
        self.path = Some(path.to_owned());
        self.saved_revision = self.workshop.revision();
        self.autosave_requested = self.saved_revision;
        Ok(())
    }

    /// What to do before the window closes: saves a session that has a file; a session
    /// with no file keeps its autosave (offered back at the next start).
    pub fn before_close(&mut self) -> Result<(), SaveError> {
        if !self.is_dirty() {
            return Ok(());
        }
        if self.path.is_some() {
            self.save()
        } else {
            self.autosave_if_changed();
            self.autosaver.flush(Duration::from_secs(5));
            Ok(())
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the session has no file yet: choose one with \"Save as\"")]
    NoPath,
    #[error(transparent)]
    Store(StoreError),
}

impl SaveError {
    /// The failure for a facilitator, in `language`, naming the file.
    pub fn message(&self, language: crate::model::Language) -> String {
        match self {
            SaveError::NoPath => crate::i18n::words(language).save_as_first.to_owned(),
            SaveError::Store(e) => e.message(language),
        }
    }
}
