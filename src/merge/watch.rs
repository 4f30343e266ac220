//! Watching a folder that a USB stick, a network share or Syncthing fills with table
//! files, and handing over each new or changed file once it has stopped changing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant, SystemTime};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// How often the folder is listed anyway (network shares and some sync tools do not
/// always raise file events).
const RESCAN_EVERY: Duration = Duration::from_secs(2);

/// What the watch reports besides ready files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// A file has stopped changing and can be merged.
    Ready(PathBuf),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Stamp {
    size: u64,
    modified: Option<SystemTime>,
}

struct Candidate {
    stamp: Stamp,
    /// When the stamp was last seen to change.
    since: Instant,
    /// Not handed over again before this.
    next_try: Instant,
}

/// A folder being watched.
pub struct FolderWatch {
    folder: PathBuf,
    ignore: Option<PathBuf>,
    settle: Duration,
    _watcher: Option<RecommendedWatcher>,
    events: Option<Receiver<notify::Result<notify::Event>>>,
    candidates: HashMap<PathBuf, Candidate>,
    /// The stamp of each file when it was last handled (merged, or given up on).
    handled: HashMap<PathBuf, Stamp>,
    last_scan: Option<Instant>,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = std::fs::metadata(path).ok()?;
    metadata.is_file().then(|| Stamp {
        size: metadata.len(),
        modified: metadata.modified().ok(),
    })
}

/// Session files only: `*.ron`, not hidden (autosaves and temporary files are).
fn is_table_file(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    !name.starts_with('.') && name.ends_with(".ron")
}

impl FolderWatch {
    /// Watches `folder`; `ignore` is the lead's own session file. A file is handed over
    /// when its size and time have not changed for `settle`. Works without file events
    /// (by listing the folder) when the system cannot give them.
    /// A folder that is not one is refused, worded in `language`.
    pub fn start(
        folder: &Path,
        ignore: Option<&Path>,
        settle: Duration,
        language: crate::model::Language,
    ) -> Result<Self, String> {
        if !folder.is_dir() {
            let words = crate::i18n::words(language);
            return Err(crate::i18n::fill(
                words.merge.not_a_folder,
                &[("folder", &folder.display())],
            ));
        }
        let (send, events) = channel();
        let watcher = notify::recommended_watcher(send).and_then(|mut w| {
            w.watch(folder, RecursiveMode::NonRecursive)?;
            Ok(w)
        });
        let (watcher, events) = match watcher {
            Ok(w) => (Some(w), Some(events)),
            Err(_) => (None, None),
        };
        Ok(Self {
            folder: folder.to_owned(),
            ignore: ignore.and_then(|p| p.canonicalize().ok()),
            settle,
            _watcher: watcher,
            events,
            candidates: HashMap::new(),
            handled: HashMap::new(),
            last_scan: None,
        })
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn consider(&mut self, path: PathBuf, now: Instant) {
        if !is_table_file(&path) {
            return;
        }
        if let (Some(ignore), Ok(canonical)) = (&self.ignore, path.canonicalize())
            && &canonical == ignore
        {
            return;
        }
        let Some(current) = stamp(&path) else {
            self.candidates.remove(&path);
            return;
        };
        if self.handled.get(&path) == Some(&current) {
            self.candidates.remove(&path);
            return;
        }
        match self.candidates.get_mut(&path) {
            Some(candidate) if candidate.stamp == current => {}
            Some(candidate) => {
                candidate.stamp = current;
                candidate.since = now;
            }
            None => {
                self.candidates.insert(
                    path,
                    Candidate {
                        stamp: current,
                        since: now,
                        next_try: now,
                    },
                );
            }
        }
    }

    /// The files that are ready now: changed since they were last handled, and still
    /// for `settle`. Call [`FolderWatch::handled`] once one is merged (or given up on).
    pub fn poll(&mut self, now: Instant) -> Vec<WatchEvent> {
        let mut touched = Vec::new();
        if let Some(events) = &self.events {
            while let Ok(event) = events.try_recv() {
                if let Ok(event) = event {
                    touched.extend(event.paths);
                }
            }
        }
        let rescan = self
            .last_scan
            .is_none_or(|last| now.duration_since(last) >= RESCAN_EVERY);
        if rescan {
            self.last_scan = Some(now);
            if let Ok(entries) = std::fs::read_dir(&self.folder) {
                touched.extend(entries.flatten().map(|e| e.path()));
            }
            touched.extend(self.candidates.keys().cloned());
        }
        for path in touched {
            self.consider(path, now);
        }
        let settle = self.settle;
        let mut ready = Vec::new();
        for (path, candidate) in &mut self.candidates {
            // Checked again now: a file still being written keeps changing.
            let current = stamp(path);
            if current != Some(candidate.stamp) {
                if let Some(current) = current {
                    candidate.stamp = current;
                    candidate.since = now;
                }
                continue;
            }
            if now.duration_since(candidate.since) >= settle && now >= candidate.next_try {
                candidate.next_try = now + settle;
                ready.push(WatchEvent::Ready(path.clone()));
            }
        }
        ready.sort_by(|a, b| match (a, b) {
            (WatchEvent::Ready(a), WatchEvent::Ready(b)) => a.cmp(b),
        });
        ready
    }

    /// Marks `path`, as it is now, as merged (or as not mergeable): it is handed over
    /// again only when it changes.
    pub fn handled(&mut self, path: &Path) {
        if let Some(current) = stamp(path) {
            self.handled.insert(path.to_owned(), current);
        }
        self.candidates.remove(path);
    }

    /// How long a file has been still, if it is waiting.
    pub fn still_for(&self, path: &Path, now: Instant) -> Option<Duration> {
        self.candidates
            .get(path)
            .map(|c| now.duration_since(c.since))
    }
}
