//! The app's state and its frame pipeline: read the keys, poll the work done off the
//! frame, draw the chrome and the current view, then apply what was asked.

use std::path::PathBuf;

use egui::Ui;

use super::background::Task;
use super::chrome::Notice;
use super::dialogs::Dialogs;
use super::document::Document;
use super::files::{Job, StartOutcome, load_at_start};
use super::i18n::{Tr, tr};
use super::merging::{MergeState, PendingMerge};
use super::palette::Palette;
use super::prefs::Preferences;
use super::views::{
    B2bView, BoardView, FicheCapture, FichesView, IdeaCapture, IdeasView, PreparationView,
    SelectionView, SuggestionsPanel, SynthesisView, Timer, timer_ui,
};
use super::{Intent, View, ViewCtx, theme};
use crate::model::{Language, Session};
use crate::store::Recovery;

/// The app: the document, the preferences, and the transient state of the views and
/// the shell.
pub struct SynergiesApp {
    /// The workshop being worked on (saved to `.ron`).
    pub doc: Document,
    /// The user's preferences (kept by eframe between runs).
    pub prefs: Preferences,
    pub view: View,
    pub presentation: bool,
    pub show_help: bool,
    pub capture: IdeaCapture,
    pub fiche_capture: FicheCapture,
    pub board: BoardView,
    pub ideas: IdeasView,
    pub selection: SelectionView,
    pub b2b: B2bView,
    pub(super) preparation: PreparationView,
    pub(super) fiches: FichesView,
    pub(super) synthesis: SynthesisView,
    /// The tour-de-table countdown (`T`), shown over every view once started.
    pub timer: Timer,
    /// The command palette (`Ctrl+K`).
    pub palette: Palette,
    pub(super) dialogs: Dialogs,
    pub show_import: bool,
    pub(super) import_files: [Option<PathBuf>; 3],
    pub(super) recovery: Option<Recovery>,
    pub(super) intents: Vec<Intent>,
    pub(super) notice: Option<Notice>,
    pub(super) title_shown: String,
    pub(super) zoom_applied: Option<f32>,
    pub(super) fonts_installed: bool,
    /// Exports and other work running off the frame.
    pub(super) jobs: Vec<Job>,
    /// The session being chosen and read at start-up, off the first frame.
    pub(super) starting: Option<Task<StartOutcome>>,
    /// Table files, their summary and the folder watch.
    pub(super) merging: MergeState,
    /// The merge summary waiting for the user's word.
    pub pending_merge: Option<PendingMerge>,
    /// What the merges did, newest last.
    pub merge_log: Vec<String>,
    /// The conflicts of the merges applied, each with "keep the other value".
    pub merge_conflicts: Vec<super::merging::LoggedConflict>,
    pub show_merge_log: bool,
    /// Have/need suggestions, shared by Fiches and the new-sheet entry.
    pub suggestions: SuggestionsPanel,
}

impl SynergiesApp {
    /// Opens `file`, else the last session used, else an unsaved session's autosave,
    /// else a copy of the example. The file is chosen and read off the frame, so that
    /// the window shows at once.
    pub fn start(file: Option<PathBuf>, prefs: Preferences) -> Self {
        let recent = prefs.recent.first().cloned();
        let untitled_autosave = prefs.untitled_autosave.clone();
        let language = prefs.language;
        let mut app = Self::with_document(Document::untitled(Session::new("")), prefs);
        // The user's own thesaurus, when they made one; a broken one is said, and the
        // shipped one used meanwhile.
        let (suggestions, problem) = SuggestionsPanel::for_user();
        app.suggestions = suggestions;
        if let Some(problem) = problem {
            app.error(format!("{}{problem}", app.t().error));
        }
        app.starting = Some(Task::spawn("start", move || {
            load_at_start(file, recent, untitled_autosave, language)
        }));
        app
    }

    /// An app on `doc`, for tests and for [`SynergiesApp::start`].
    pub fn with_document(doc: Document, prefs: Preferences) -> Self {
        Self {
            doc,
            prefs,
            view: View::Board,
            presentation: false,
            show_help: false,
            capture: IdeaCapture::default(),
            fiche_capture: FicheCapture::default(),
            board: BoardView::default(),
            ideas: IdeasView::default(),
            selection: SelectionView::default(),
            b2b: B2bView::default(),
            preparation: PreparationView::default(),
            fiches: FichesView::default(),
            synthesis: SynthesisView::default(),
            timer: Timer::default(),
            palette: Palette::default(),
            dialogs: Dialogs::default(),
            show_import: false,
            import_files: [None, None, None],
            recovery: None,
            intents: Vec::new(),
            notice: None,
            title_shown: String::new(),
            zoom_applied: None,
            fonts_installed: false,
            jobs: Vec::new(),
            starting: None,
            merging: MergeState::default(),
            pending_merge: None,
            merge_log: Vec::new(),
            merge_conflicts: Vec::new(),
            show_merge_log: false,
            suggestions: SuggestionsPanel::default(),
        }
    }

    pub fn language(&self) -> Language {
        self.prefs.language
    }

    pub(super) fn t(&self) -> &'static Tr {
        tr(self.prefs.language)
    }

    /// Waits for the session being read at start-up, and takes it (tests, scripts).
    pub fn wait_until_started(&mut self) {
        if let Some(task) = self.starting.take() {
            self.started(task.wait());
        }
    }

    /// True while the session to open is still being read.
    pub fn is_starting(&self) -> bool {
        self.starting.is_some()
    }

    /// On a table's copy, the app opens on the idea list with the entry open, its table
    /// and facilitator set.
    pub fn enter_table_mode(&mut self) {
        if let Some(copy) = self.doc.session().table_copy.clone() {
            self.view = View::Ideas;
            self.capture.open_for_table(copy.table, copy.facilitator);
        }
    }

    /// The whole app, in the given `ui` (the window's, or a test harness's).
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        theme::apply_zoom(&ctx, self.prefs.zoom, &mut self.zoom_applied);
        if self.poll_start(&ctx) {
            self.starting_ui(ui);
            return;
        }
        if !self.fonts_installed {
            // After the first frame: it shows with egui's own fonts.
            theme::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        self.read_shortcuts(&ctx);
        self.poll_dialogs();
        self.poll_jobs(&ctx);
        self.poll_watch_now(&ctx);

        if !self.presentation {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        }
        egui::Panel::top("tabs").show(ui, |ui| self.tabs_ui(ui));
        timer_ui(ui, &self.timer, self.prefs.timer_minutes, self.t());
        self.views_ui(ui);

        self.windows_ui(&ctx);
        self.palette_ui(&ctx);
        self.apply_intents(&ctx);
        self.doc.autosave_if_changed();
        self.update_title(&ctx);
        self.handle_close(&ctx);
    }

    /// The capture entries and the current view, with one context for the frame.
    fn views_ui(&mut self, ui: &mut Ui) {
        self.synthesis.exporting = !self.jobs.is_empty();
        let mut cx = ViewCtx::new(
            self.doc.session(),
            self.doc.version(),
            &mut self.prefs,
            self.presentation,
            &mut self.intents,
        );
        if self.capture.open {
            egui::Panel::top("capture").show(ui, |ui| self.capture.ui(ui, &mut cx));
        }
        if self.fiche_capture.open {
            egui::Panel::top("fiche-capture").show(ui, |ui| {
                self.fiche_capture.ui(ui, &mut cx, &mut self.suggestions)
            });
        }
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Preparation => self.preparation.ui(ui, &mut cx),
            View::Fiches => self.fiches.ui(ui, &mut cx, &mut self.suggestions),
            View::Ideas => self.ideas.ui(ui, &mut cx),
            View::Board => self.board.ui(ui, &mut cx),
            View::Selection => self.selection.ui(ui, &mut cx),
            View::B2b => self.b2b.ui(ui, &mut cx),
            View::Synthesis => self.synthesis.ui(ui, &mut cx),
        });
    }

    /// Takes the session read at start-up once it is there. True while it is not.
    fn poll_start(&mut self, ctx: &egui::Context) -> bool {
        let Some(task) = &self.starting else {
            return false;
        };
        let Some(outcome) = task.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(16));
            return true;
        };
        self.starting = None;
        self.started(outcome);
        false
    }

    fn starting_ui(&mut self, ui: &mut Ui) {
        let t = self.t();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.centered_and_justified(|ui| ui.heading(t.opening));
        });
    }
}

impl eframe::App for SynergiesApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        SynergiesApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, super::prefs::STORAGE_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Err(e) = self.close_document() {
            // The window is gone: the terminal is the last place to say it.
            eprintln!(
                "error: {}",
                super::files::save_message(&e, self.prefs.language)
            );
        }
    }
}
