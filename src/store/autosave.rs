//! Autosave off the UI thread, and recovery of an autosave newer than its file.
//!
//! The autosave of `atelier.ron` is `.atelier.autosave.ron` in the same folder; a session
//! not saved yet autosaves into the per-user data folder. Saving the session for real
//! removes its autosave.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use uuid::Uuid;

use super::atomic::{folder_of, write_atomically};
use super::to_ron;
use crate::model::{Session, Timestamp};

/// The autosave file of the session file at `session_path`.
pub fn autosave_path(session_path: &Path) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".to_owned());
    folder_of(session_path).join(format!(".{stem}.autosave.ron"))
}

/// The autosave file of a session that has no file yet, in the per-user data folder.
pub fn untitled_autosave_path(session_id: Uuid) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "Synergies", "synergies")?;
    Some(
        dirs.data_dir()
            .join("autosave")
            .join(format!("untitled-{session_id}.autosave.ron")),
    )
}

/// An autosave newer than its session file, to offer back when the session is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub autosave: PathBuf,
    pub autosave_modified: SystemTime,
    /// `None` when the session file itself is missing.
    pub file_modified: Option<SystemTime>,
}

/// Finds an autosave of `session_path` that is newer than the file.
pub fn find_recovery(session_path: &Path) -> Option<Recovery> {
    let autosave = autosave_path(session_path);
    let autosave_modified = fs::metadata(&autosave).and_then(|m| m.modified()).ok()?;
    let file_modified = fs::metadata(session_path).and_then(|m| m.modified()).ok();
    if file_modified.is_some_and(|file| file >= autosave_modified) {
        return None;
    }
    Some(Recovery {
        autosave,
        autosave_modified,
        file_modified,
    })
}

/// Removes the autosave of `session_path` (after a real save, or when it is declined).
pub fn discard_autosave(session_path: &Path) {
    let _ = fs::remove_file(autosave_path(session_path));
}

/// What the autosave thread has done so far.
#[derive(Debug, Clone, Default)]
pub struct AutosaveStatus {
    /// The revision of the last autosave written.
    pub saved_revision: Option<u64>,
    pub saved_at: Option<Timestamp>,
    /// The last failure, cleared by the next success (worded by the app in its
    /// language: see [`super::StoreError::message`]).
    pub error: Option<std::sync::Arc<super::StoreError>>,
    /// The revision of the last request.
    pub requested_revision: Option<u64>,
}

struct Job {
    path: PathBuf,
    session: Session,
    revision: u64,
}

type Shared = Arc<(Mutex<AutosaveStatus>, Condvar)>;

/// Writes autosaves on a background thread, so that a frame never waits for the disk.
/// Requests made while a write is under way are coalesced: only the newest is written.
pub struct Autosaver {
    sender: Option<Sender<Job>>,
    shared: Shared,
    worker: Option<JoinHandle<()>>,
}

impl Default for Autosaver {
    fn default() -> Self {
        Self::spawn()
    }
}

impl Autosaver {
    pub fn spawn() -> Self {
        let (sender, receiver) = mpsc::channel();
        let shared: Shared = Arc::default();
        let worker_shared = Arc::clone(&shared);
        let worker = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || run(&receiver, &worker_shared))
            .ok();
        Self {
            sender: Some(sender),
            shared,
            worker,
        }
    }

    /// Asks for `session` (at `revision`) to be written to `path`. Returns at once.
    pub fn request(&self, path: PathBuf, session: Session, revision: u64) {
        if let Ok(mut status) = self.shared.0.lock() {
            status.requested_revision = Some(revision);
        }
        let job = Job {
            path,
            session,
            revision,
        };
        let unsent = match &self.sender {
            Some(sender) => sender.send(job).err().map(|e| e.0),
            None => Some(job),
        };
        // The worker thread is gone: write here rather than lose the change.
        if let Some(job) = unsent {
            write_job(job, &self.shared);
        }
    }

    pub fn status(&self) -> AutosaveStatus {
        self.shared.0.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// Waits until the last requested revision is written or `timeout` passes; true when
    /// everything requested is on disk.
    pub fn flush(&self, timeout: Duration) -> bool {
        let (lock, written) = &*self.shared;
        let Ok(status) = lock.lock() else {
            return false;
        };
        let done = |s: &mut AutosaveStatus| {
            s.requested_revision.is_none()
                || s.saved_revision >= s.requested_revision
                || s.error.is_some()
        };
        match written.wait_timeout_while(status, timeout, |s| !done(s)) {
            Ok((mut status, _)) => done(&mut status) && status.error.is_none(),
            Err(_) => false,
        }
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        // Closing the channel lets the worker finish what is queued, then stop.
        self.sender.take();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn run(receiver: &Receiver<Job>, shared: &Shared) {
    while let Ok(mut job) = receiver.recv() {
        // Only the newest request matters.
        while let Ok(newer) = receiver.try_recv() {
            job = newer;
        }
        write_job(job, shared);
    }
}

/// Writes one autosave and records the outcome.
fn write_job(job: Job, shared: &Shared) {
    let result = to_ron(&job.session).and_then(|text| {
        if let Some(folder) = job.path.parent() {
            // A folder that cannot be made makes the write below fail, and that is said.
            fs::create_dir_all(folder).ok();
        }
        write_atomically(&job.path, text.as_bytes()).map_err(|source| super::StoreError::Write {
            path: job.path.clone(),
            source,
        })
    });
    let (lock, written) = &**shared;
    if let Ok(mut status) = lock.lock() {
        match result {
            Ok(()) => {
                status.saved_revision = Some(job.revision);
                status.saved_at = Some(chrono::Utc::now());
                status.error = None;
            }
            Err(e) => status.error = Some(std::sync::Arc::new(e)),
        }
    }
    written.notify_all();
}
