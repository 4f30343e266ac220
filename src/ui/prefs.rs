//! User preferences, kept by eframe between runs (not in the session file).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::Language;

/// How many recent sessions the File menu lists.
pub const RECENT_KEPT: usize = 8;

/// The key under which eframe stores the preferences.
pub const STORAGE_KEY: &str = "synergies-preferences";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The language of the app.
    pub language: Language,
    /// The most recent first.
    pub recent: Vec<PathBuf>,
    /// An unsaved session's autosave, offered back at the next start.
    pub untitled_autosave: Option<PathBuf>,
    pub zoom: f32,
    /// The facilitator and table set on the capture entry (names, as they carry across
    /// sessions), kept between ideas and between runs.
    pub capture_facilitator: Option<String>,
    pub capture_table: Option<String>,
    /// Open the PDF or workbook once it is written.
    pub open_after_export: bool,
    /// How long the tour-de-table countdown runs, in minutes.
    pub timer_minutes: u32,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            language: Language::Fr,
            recent: Vec::new(),
            untitled_autosave: None,
            zoom: 1.0,
            capture_facilitator: None,
            capture_table: None,
            open_after_export: true,
            timer_minutes: 3,
        }
    }
}

impl Preferences {
    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_KEPT);
    }
}
