//! The desktop app. Views emit [`Intent`]s while they draw; the app applies them at the
//! end of the frame, where each model action becomes one undo step and is autosaved.
//!
//! Three kinds of state are kept apart: the workshop document ([`document::Document`],
//! saved to `.ron`), user preferences ([`prefs::Preferences`], eframe storage), and
//! transient UI state (the views' structs, the palette, the pending merge…).
//!
//! The shell is split by concern:
//! - [`app`]: the app's state and the frame pipeline;
//! - [`command`]: every user command, its labels, shortcuts and availability;
//! - `commands`: reading shortcuts and running commands and intents;
//! - `chrome`: the menus, the tabs, the status line and the small windows;
//! - `palette`: the command palette (`Ctrl+K`);
//! - `files`: opening, saving, importing and exporting, each failure reported once;
//! - [`merging`]: table files, the merge summary and the folder watch;
//! - [`background`]: work off the frame, whose panics are reported, not fatal;
//! - [`theme`]: fonts and visuals.

pub mod app;
pub mod background;
mod chrome;
pub mod command;
mod commands;
pub mod dialogs;
pub mod document;
mod files;
pub mod i18n;
pub mod merging;
mod palette;
pub mod prefs;
pub mod theme;
mod views;
pub mod widgets;

use std::path::{Path, PathBuf};

pub use app::SynergiesApp;
pub use command::{Command, CommandState, ImportSlot};
pub use files::ExportKind;
pub use merging::{PendingMerge, WATCH_SETTLE};
pub use views::suggestions::{Item as SuggestionItem, SuggestionsPanel};
pub use views::{View, WallMode};

use crate::model::{Action, Language, Session};
use i18n::Tr;
use prefs::Preferences;

/// Something a view asks for; applied at the end of the frame.
#[derive(Debug, Clone)]
pub enum Intent {
    /// A change to the session: one undo step.
    Apply(Box<Action>),
    /// A user command, as if chosen from a menu.
    Command(Command),
    /// A message for the status line.
    Notice(String),
    /// A failure for the status line, shown in red.
    Error(String),
}

/// What a view gets to draw a frame: built once a frame by the app.
pub struct ViewCtx<'a> {
    pub session: &'a Session,
    /// Where the session's content stands, for caches drawn from it.
    pub version: document::ContentVersion,
    /// The user's preferences (kept between runs, not in the session).
    pub prefs: &'a mut Preferences,
    pub language: Language,
    pub t: &'static Tr,
    pub presentation: bool,
    pub intents: &'a mut Vec<Intent>,
}

impl<'a> ViewCtx<'a> {
    /// The context of a frame: the session, the preferences (whose language it speaks)
    /// and where the views' intents go.
    pub fn new(
        session: &'a Session,
        version: document::ContentVersion,
        prefs: &'a mut Preferences,
        presentation: bool,
        intents: &'a mut Vec<Intent>,
    ) -> Self {
        let language = prefs.language;
        Self {
            session,
            version,
            prefs,
            language,
            t: i18n::tr(language),
            presentation,
            intents,
        }
    }

    /// A change to the session, applied at the end of the frame as one undo step.
    pub fn apply(&mut self, action: Action) {
        self.intents.push(Intent::Apply(Box::new(action)));
    }

    /// A command, run at the end of the frame.
    pub fn command(&mut self, command: Command) {
        self.intents.push(Intent::Command(command));
    }
}

/// Where the shipped example session is, if it can be found.
pub fn example_session_path() -> Option<PathBuf> {
    let candidates = [
        Some(PathBuf::from("sessions/atelier-exemple.ron")),
        std::env::current_exe().ok().and_then(|exe| {
            exe.parent()
                .and_then(Path::parent)
                .and_then(Path::parent)
                .map(|root| root.join("sessions/atelier-exemple.ron"))
        }),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/atelier-exemple.ron")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

/// The window the app opens (also the start-up benchmark's bare window, so that both
/// are measured with the same options).
pub fn native_options(title: &str) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size([1400.0, 900.0])
            .with_maximized(true)
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    }
}

/// Runs the desktop app on `file`, or on what [`SynergiesApp::start`] picks.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    // In the app, a panic in a background thread is reported by that task and the
    // window goes on: only print it (the command line's hook would end the process).
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal error, please report it: {info}");
    }));
    eframe::run_native(
        "Synergies",
        native_options("Synergies"),
        Box::new(move |cc| {
            let prefs = cc
                .storage
                .and_then(|s| eframe::get_value::<Preferences>(s, prefs::STORAGE_KEY))
                .unwrap_or_default();
            Ok(Box::new(SynergiesApp::start(file, prefs)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the app's window: {e}"))
}
