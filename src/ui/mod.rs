//! The desktop app. Views emit [`Intent`]s while they draw; the app applies them at the
//! end of the frame, where each model action becomes one undo step and is autosaved.
//!
//! Three kinds of state are kept apart: the workshop document ([`document::Document`],
//! saved to `.ron`), user preferences ([`prefs::Preferences`], eframe storage), and
//! transient UI state (the views' structs).

pub mod command;
pub mod dialogs;
pub mod document;
pub mod i18n;
pub mod prefs;
mod views;
pub mod widgets;

use std::path::{Path, PathBuf};

use egui::{Color32, Key, Modifiers, RichText, Ui, ViewportCommand};

pub use command::Command;
use dialogs::{DialogPurpose, Dialogs};
use document::{Document, SaveError};
use i18n::{Tr, tr};
use prefs::Preferences;
pub use views::View;
use views::{
    BoardView, FicheCapture, FichesView, IdeaCapture, IdeasView, PreparationView, SelectionView,
    SynthesisView, help_ui, import_ui,
};

use crate::model::{Action, Language, Session};
use crate::store::{Recovery, StoreError};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Pdf,
    Xlsx,
}

/// Something a view asks for; applied at the end of the frame.
#[derive(Debug, Clone)]
pub enum Intent {
    /// A change to the session: one undo step.
    Apply(Action),
    Command(Command),
    /// A message for the status line.
    Notice(String),
    Error(String),
    SetLanguage(Language),
    OpenFile(PathBuf),
    ChooseFile(DialogPurpose),
    SetOpenAfterExport(bool),
    /// Import the spreadsheets chosen in the import window.
    Import {
        organisations: Option<PathBuf>,
        fiches: Option<PathBuf>,
        ideas: Option<PathBuf>,
    },
}

/// What a view gets to draw a frame.
pub struct ViewCtx<'a> {
    pub session: &'a Session,
    pub language: Language,
    pub t: &'static Tr,
    pub presentation: bool,
    pub intents: &'a mut Vec<Intent>,
}

impl ViewCtx<'_> {
    pub fn apply(&mut self, action: Action) {
        self.intents.push(Intent::Apply(action));
    }
}

/// A message shown in the status line for a few seconds.
struct Notice {
    text: String,
    is_error: bool,
    shown_at: f64,
}

/// The app.
pub struct SynergiesApp {
    pub doc: Document,
    pub prefs: Preferences,
    pub view: View,
    pub presentation: bool,
    pub show_help: bool,
    pub capture: IdeaCapture,
    pub fiche_capture: FicheCapture,
    pub board: BoardView,
    pub ideas: IdeasView,
    pub selection: SelectionView,
    preparation: PreparationView,
    fiches: FichesView,
    synthesis: SynthesisView,
    dialogs: Dialogs,
    pub show_import: bool,
    import_files: [Option<PathBuf>; 3],
    recovery: Option<Recovery>,
    intents: Vec<Intent>,
    notice: Option<Notice>,
    title_shown: String,
    zoom_applied: Option<f32>,
    /// A PDF or workbook being written on another thread.
    export: Option<std::sync::mpsc::Receiver<Result<PathBuf, String>>>,
    /// Table files read and merged, waiting for the user to confirm.
    pub pending_merge: Option<PendingMerge>,
    /// The folder being watched for table files.
    watch: Option<crate::merge::FolderWatch>,
    /// What the merges did, newest last.
    pub merge_log: Vec<String>,
    pub show_merge_log: bool,
}

/// A merge computed and shown to the user before it is applied.
pub struct PendingMerge {
    pub files: Vec<PathBuf>,
    pub report: Option<crate::merge::MergeReport>,
    /// Why it could not be computed (another session's file…).
    pub problem: Option<String>,
    /// The files belong to another session: merging needs the user's word.
    pub other_session: bool,
    /// The summary has been on screen: from then on Enter confirms it (never the Enter
    /// that chose the files).
    pub shown: bool,
}

/// How long a file in a watched folder must stay unchanged before it is merged.
pub const WATCH_SETTLE: std::time::Duration = std::time::Duration::from_millis(1500);

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

impl SynergiesApp {
    /// Opens `file`, else the last session used, else an unsaved session's autosave,
    /// else a copy of the example.
    pub fn start(file: Option<PathBuf>, prefs: Preferences) -> Self {
        let mut app = Self::with_document(Document::untitled(Session::new("")), prefs);
        let t = tr(app.prefs.language);
        if let Some(path) = file {
            app.open(&path);
            return app;
        }
        if let Some(last) = app.prefs.recent.first().cloned().filter(|p| p.is_file()) {
            app.open(&last);
            return app;
        }
        if let Some(autosave) = app.prefs.untitled_autosave.clone().filter(|p| p.is_file())
            && let Ok(loaded) = crate::store::load(&autosave)
        {
            app.doc = Document::untitled(loaded.session);
            app.notify(format!("{}{}", t.opened, autosave.display()));
            return app;
        }
        if let Some(example) = example_session_path()
            && let Ok(loaded) = crate::store::load(&example)
        {
            // A copy, so that trying the app never changes the shipped example.
            let mut session = loaded.session;
            session.id = uuid::Uuid::new_v4();
            app.doc = Document::untitled(session);
            app.notify(t.example_opened.to_owned());
            return app;
        }
        let mut session = Session::new(t.untitled);
        session.info.language = app.prefs.language;
        app.doc = Document::untitled(session);
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
            preparation: PreparationView::default(),
            fiches: FichesView::default(),
            synthesis: SynthesisView::default(),
            dialogs: Dialogs::default(),
            show_import: false,
            import_files: [None, None, None],
            recovery: None,
            intents: Vec::new(),
            notice: None,
            title_shown: String::new(),
            zoom_applied: None,
            export: None,
            pending_merge: None,
            watch: None,
            merge_log: Vec::new(),
            show_merge_log: false,
        }
    }

    pub fn language(&self) -> Language {
        self.prefs.language
    }

    fn t(&self) -> &'static Tr {
        tr(self.prefs.language)
    }

    fn notify(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: false,
            shown_at: f64::NAN,
        });
    }

    fn error(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: true,
            shown_at: f64::NAN,
        });
    }

    /// Opens a session file; a file that cannot be read is left alone and named.
    fn open(&mut self, path: &Path) {
        match Document::open(path) {
            Ok((doc, recovery)) => {
                let _ = self.doc.before_close();
                self.doc = doc;
                self.recovery = recovery;
                self.prefs.remember(path.to_owned());
                self.board = BoardView::default();
                self.ideas = IdeasView::default();
                self.selection = SelectionView::default();
                self.enter_table_mode();
                let t = self.t();
                self.notify(format!("{}{}", t.opened, path.display()));
            }
            Err(e) => {
                let t = self.t();
                self.error(format!("{}{}", t.error, store_message(&e)));
            }
        }
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
        self.apply_zoom(&ctx);
        self.read_shortcuts(&ctx);
        self.poll_dialogs();
        self.poll_export();
        if self.watch.is_some() {
            self.poll_watch(std::time::Instant::now());
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
        self.synthesis.open_after_export = self.prefs.open_after_export;
        self.synthesis.exporting = self.export.is_some();
        if self.export.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }

        let t = self.t();
        if !self.presentation {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        }
        egui::Panel::top("tabs").show(ui, |ui| self.tabs_ui(ui));
        if self.capture.open {
            egui::Panel::top("capture").show(ui, |ui| {
                let mut cx = ViewCtx {
                    session: self.doc.session(),
                    language: self.prefs.language,
                    t,
                    presentation: self.presentation,
                    intents: &mut self.intents,
                };
                self.capture.ui(ui, &mut cx, &mut self.prefs);
            });
        }
        if self.fiche_capture.open {
            egui::Panel::top("fiche-capture").show(ui, |ui| {
                let mut cx = ViewCtx {
                    session: self.doc.session(),
                    language: self.prefs.language,
                    t,
                    presentation: self.presentation,
                    intents: &mut self.intents,
                };
                self.fiche_capture.ui(ui, &mut cx);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let mut cx = ViewCtx {
                session: self.doc.session(),
                language: self.prefs.language,
                t,
                presentation: self.presentation,
                intents: &mut self.intents,
            };
            match self.view {
                View::Preparation => self.preparation.ui(ui, &mut cx),
                View::Fiches => self.fiches.ui(ui, &mut cx),
                View::Ideas => self.ideas.ui(ui, &mut cx),
                View::Board => self.board.ui(ui, &mut cx),
                View::Selection => self.selection.ui(ui, &mut cx),
                View::Synthesis => self.synthesis.ui(ui, &mut cx),
            }
        });

        self.windows_ui(&ctx);
        self.apply_intents(&ctx);
        self.doc.autosave_if_changed();
        self.update_title(&ctx);
        self.handle_close(&ctx);
    }

    fn apply_zoom(&mut self, ctx: &egui::Context) {
        if self.zoom_applied.is_none() {
            install_fonts(ctx);
        }
        if self.zoom_applied != Some(self.prefs.zoom) {
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.set_zoom_factor(self.prefs.zoom);
            self.zoom_applied = Some(self.prefs.zoom);
        }
    }

    /// Turns key presses into commands. Commands with more modifiers are read first
    /// (Ctrl+Shift+Z before Ctrl+Z); plain keys wait while a text field is being typed in.
    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        for &command in commands_by_modifiers() {
            if typing && command.is_plain_key() {
                continue;
            }
            // Inside a text field, Ctrl+A selects its text, not the cards.
            if typing && command == Command::SelectAllCards {
                continue;
            }
            let pressed = command
                .shortcuts()
                .iter()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
            if pressed {
                self.intents.push(Intent::Command(command));
            }
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            if self.show_help {
                self.show_help = false;
            } else if self.presentation && !typing {
                self.set_presentation(ctx, false);
            }
        }
    }

    fn set_presentation(&mut self, ctx: &egui::Context, on: bool) {
        self.presentation = on;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
        if on {
            ctx.set_visuals(presentation_visuals());
        } else {
            ctx.set_visuals(egui::Visuals::default());
        }
    }

    fn poll_dialogs(&mut self) {
        let Some(outcome) = self.dialogs.poll() else {
            return;
        };
        match outcome {
            dialogs::Outcome::Chosen(purpose, paths) => self.files_chosen(purpose, paths),
            dialogs::Outcome::NoDialog => {
                let t = self.t();
                self.error(t.no_dialog.to_owned());
            }
        }
    }

    fn files_chosen(&mut self, purpose: DialogPurpose, paths: Vec<PathBuf>) {
        if purpose == DialogPurpose::ImportTableFiles {
            self.prepare_merge(paths, false);
            return;
        }
        let Some(path) = paths.into_iter().next() else {
            return;
        };
        match purpose {
            DialogPurpose::ImportTableFiles => {}
            DialogPurpose::PrepareCopies => self.prepare_copies(&path),
            DialogPurpose::WatchFolder => self.watch_folder(&path),
            DialogPurpose::Open => self.open(&path),
            DialogPurpose::SaveAs => {
                let path = if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                };
                self.save_as(&path);
            }
            DialogPurpose::ImportOrganisations => self.import_files[0] = Some(path),
            DialogPurpose::ImportFiches => self.import_files[1] = Some(path),
            DialogPurpose::ImportIdeas => self.import_files[2] = Some(path),
            DialogPurpose::ExportPdf => self.export(path, ExportKind::Pdf),
            DialogPurpose::ExportXlsx => self.export(path, ExportKind::Xlsx),
        }
    }

    /// Writes the synthesis or the workbook on another thread, so the frame never waits.
    pub fn export(&mut self, path: PathBuf, kind: ExportKind) {
        let extension = match kind {
            ExportKind::Pdf => "pdf",
            ExportKind::Xlsx => "xlsx",
        };
        let path = if path.extension().is_none() {
            path.with_extension(extension)
        } else {
            path
        };
        let session = self.doc.session().clone();
        let (send, receive) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("export".into())
            .spawn(move || {
                let result = match kind {
                    ExportKind::Pdf => crate::report::render_pdf(&session)
                        .map_err(|e| e.to_string())
                        .and_then(|report| {
                            crate::store::atomic::write_atomically(&path, &report.pdf)
                                .map_err(|e| format!("\"{}\" : {e}", path.display()))
                        }),
                    ExportKind::Xlsx => crate::report::write_xlsx(&session, &path)
                        .map_err(|e| format!("\"{}\" : {e}", path.display())),
                };
                let _ = send.send(result.map(|()| path));
            });
        match spawned {
            Ok(_) => self.export = Some(receive),
            Err(e) => {
                let t = self.t();
                self.error(format!("{}{e}", t.error));
            }
        }
    }

    /// Reads table files and computes their merge into the session; the summary is shown
    /// before anything changes. Nothing is merged if any file cannot be read.
    pub fn prepare_merge(&mut self, files: Vec<PathBuf>, force: bool) {
        let mut inputs = Vec::new();
        let mut problem = None;
        for path in &files {
            match crate::store::load(path) {
                Ok(loaded) => inputs.push(crate::merge::MergeInput {
                    source: file_name(path),
                    session: loaded.session,
                }),
                Err(e) => {
                    problem = Some(e.to_string());
                    break;
                }
            }
        }
        let base_name = self
            .doc
            .path()
            .map_or_else(|| self.t().untitled.to_owned(), file_name);
        let mut pending = PendingMerge {
            files,
            report: None,
            problem,
            other_session: false,
            shown: false,
        };
        if pending.problem.is_none() {
            match crate::merge::merge(self.doc.session(), &base_name, &inputs, force) {
                Ok(report) => pending.report = Some(report),
                Err(e) => {
                    pending.other_session =
                        matches!(e, crate::merge::MergeError::OtherSession { .. });
                    pending.problem = Some(e.to_string());
                }
            }
        }
        self.pending_merge = Some(pending);
    }

    /// Applies the merge the user confirmed: one undo step.
    pub fn apply_pending_merge(&mut self) {
        let Some(pending) = self.pending_merge.take() else {
            return;
        };
        let Some(report) = pending.report else {
            return;
        };
        let language = self.prefs.language;
        let line = format!(
            "{} — {} : {}",
            chrono::Local::now().format("%H:%M:%S"),
            pending
                .files
                .iter()
                .map(|p| file_name(p))
                .collect::<Vec<_>>()
                .join(", "),
            report.summary(language)
        );
        self.merge_log.push(line.clone());
        self.merge_log.extend(
            report
                .conflicts
                .iter()
                .map(|c| format!("    {}", c.describe(language))),
        );
        if report.changed
            && let Err(e) = self.doc.apply(Action::Merge {
                merged: Box::new(report.merged),
                files: pending.files.len(),
            })
        {
            let t = self.t();
            self.error(format!("{}{}", t.error, e.message(language)));
            return;
        }
        self.notify(line);
    }

    fn prepare_copies(&mut self, folder: &Path) {
        let t = self.t();
        let stem = self.doc.path().and_then(Path::file_stem).map_or_else(
            || "atelier".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        if self.doc.session().tables.is_empty() {
            self.error(format!("{}{}", t.error, t.no_tables));
            return;
        }
        let result = std::fs::create_dir_all(folder)
            .map_err(|e| format!("\"{}\" : {e}", folder.display()))
            .and_then(|()| {
                crate::merge::write_table_copies(self.doc.session(), &stem, folder)
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(written) => self.notify(format!(
                "{}{} ({})",
                t.copies_written,
                folder.display(),
                written.len()
            )),
            Err(e) => self.error(format!("{}{e}", t.error)),
        }
    }

    /// Starts watching `folder`: each table file that lands in it is merged once it has
    /// stopped changing.
    pub fn watch_folder(&mut self, folder: &Path) {
        let t = self.t();
        match crate::merge::FolderWatch::start(folder, self.doc.path(), WATCH_SETTLE) {
            Ok(watch) => {
                self.merge_log.push(format!(
                    "{} — {}{}",
                    chrono::Local::now().format("%H:%M:%S"),
                    t.watching,
                    folder.display()
                ));
                self.watch = Some(watch);
                self.show_merge_log = true;
            }
            Err(e) => self.error(format!("{}{e}", t.error)),
        }
    }

    /// The folder being watched.
    pub fn watched_folder(&self) -> Option<&Path> {
        self.watch.as_ref().map(crate::merge::FolderWatch::folder)
    }

    /// Merges the files of the watched folder that are ready.
    pub fn poll_watch(&mut self, now: std::time::Instant) {
        let Some(watch) = &mut self.watch else {
            return;
        };
        let ready = watch.poll(now);
        for crate::merge::WatchEvent::Ready(path) in ready {
            let language = self.prefs.language;
            let t = self.t();
            let time = chrono::Local::now().format("%H:%M:%S");
            let loaded = match crate::store::load(&path) {
                Ok(loaded) => loaded,
                Err(e) => {
                    // Perhaps still being copied: retried while it changes, given up
                    // on once it has been still for a while and still does not read.
                    let still = self
                        .watch
                        .as_ref()
                        .and_then(|w| w.still_for(&path, now))
                        .unwrap_or_default();
                    if still > WATCH_SETTLE * 6 {
                        self.merge_log.push(format!("{time} — {}{e}", t.error));
                        if let Some(w) = &mut self.watch {
                            w.handled(&path);
                        }
                    }
                    continue;
                }
            };
            let input = crate::merge::MergeInput {
                source: file_name(&path),
                session: loaded.session,
            };
            let base_name = self
                .doc
                .path()
                .map_or_else(|| t.untitled.to_owned(), file_name);
            match crate::merge::merge(self.doc.session(), &base_name, &[input], false) {
                Ok(report) => {
                    self.merge_log.push(format!(
                        "{time} — {} : {}",
                        file_name(&path),
                        report.summary(language)
                    ));
                    self.merge_log.extend(
                        report
                            .conflicts
                            .iter()
                            .map(|c| format!("    {}", c.describe(language))),
                    );
                    if report.changed {
                        let _ = self.doc.apply(Action::Merge {
                            merged: Box::new(report.merged),
                            files: 1,
                        });
                    }
                }
                Err(e) => self.merge_log.push(format!("{time} — {}{e}", t.error)),
            }
            if let Some(w) = &mut self.watch {
                w.handled(&path);
            }
        }
    }

    /// True while an export is being written.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    fn poll_export(&mut self) {
        let Some(receiver) = &self.export else {
            return;
        };
        let outcome = match receiver.try_recv() {
            Ok(outcome) => outcome,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Err("export stopped".into()),
        };
        self.export = None;
        let t = self.t();
        match outcome {
            Ok(path) => {
                self.notify(format!("{}{}", t.exported, path.display()));
                if self.prefs.open_after_export
                    && let Err(e) = open::that_detached(&path)
                {
                    self.error(format!("{}{e}", t.cannot_open));
                }
            }
            Err(e) => self.error(format!("{}{e}", t.error)),
        }
    }

    fn save(&mut self) {
        if self.doc.path().is_none() {
            self.dialogs.start(DialogPurpose::SaveAs);
            return;
        }
        let t = self.t();
        match self.doc.save() {
            Ok(()) => {
                let shown = self.doc.path().map(|p| p.display().to_string());
                self.notify(format!("{}{}", t.saved_to, shown.unwrap_or_default()));
            }
            Err(e) => self.error(format!("{}{}", t.error, save_message(&e))),
        }
    }

    fn save_as(&mut self, path: &Path) {
        let t = self.t();
        match self.doc.save_as(path) {
            Ok(()) => {
                self.prefs.remember(path.to_owned());
                self.prefs.untitled_autosave = None;
                self.notify(format!("{}{}", t.saved_to, path.display()));
            }
            Err(e) => self.error(format!("{}{}", t.error, save_message(&e))),
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        let t = self.t();
        let language = self.prefs.language;
        match command {
            Command::NewSession => {
                let _ = self.doc.before_close();
                let mut session = Session::new(t.untitled);
                session.info.language = language;
                self.doc = Document::untitled(session);
                self.view = View::Preparation;
            }
            Command::OpenSession => self.dialogs.start(DialogPurpose::Open),
            Command::SaveSession => self.save(),
            Command::SaveSessionAs => self.dialogs.start(DialogPurpose::SaveAs),
            Command::ImportSpreadsheets => self.show_import = true,
            Command::Undo => {
                let label = self.doc.workshop().undo_label(language).map(str::to_owned);
                match (self.doc.undo(), label) {
                    (Some(_), Some(label)) => self.notify(format!("{}{label}", t.undone)),
                    _ => self.notify(t.nothing_to_undo.to_owned()),
                }
            }
            Command::Redo => {
                let label = self.doc.workshop().redo_label(language).map(str::to_owned);
                match (self.doc.redo(), label) {
                    (Some(_), Some(label)) => self.notify(format!("{}{label}", t.redone)),
                    _ => self.notify(t.nothing_to_redo.to_owned()),
                }
            }
            Command::NewIdea => {
                self.fiche_capture.open = false;
                self.capture.open(&self.prefs);
            }
            Command::NewFiche => {
                self.capture.open = false;
                self.fiche_capture
                    .open_for(self.fiches.selected_organisation());
            }
            Command::ShowPreparation => self.view = View::Preparation,
            Command::ShowFiches => self.view = View::Fiches,
            Command::ShowIdeas => self.view = View::Ideas,
            Command::ShowBoard => self.view = View::Board,
            Command::ShowSelection => self.view = View::Selection,
            Command::ShowSynthesis => self.view = View::Synthesis,
            Command::TogglePresentation => self.set_presentation(ctx, !self.presentation),
            Command::ZoomIn => self.prefs.zoom = (self.prefs.zoom + 0.1).clamp(0.5, 3.0),
            Command::ZoomOut => self.prefs.zoom = (self.prefs.zoom - 0.1).clamp(0.5, 3.0),
            Command::ZoomReset => self.prefs.zoom = 1.0,
            Command::ToggleHelp => self.show_help = !self.show_help,
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::PrepareTableCopies => self.dialogs.start(DialogPurpose::PrepareCopies),
            Command::ImportTableFiles => self.dialogs.start(DialogPurpose::ImportTableFiles),
            Command::WatchFolder => self.dialogs.start(DialogPurpose::WatchFolder),
            Command::ShowMergeLog => self.show_merge_log = !self.show_merge_log,
            Command::Find
            | Command::GroupSelection
            | Command::SelectAllCards
            | Command::VoteUp
            | Command::VoteDown
            | Command::ToggleHiddenTally
            | Command::ToggleSortByVotes
            | Command::TriageAbandon
            | Command::TriageImminent
            | Command::TriageDeepen
            | Command::TriageReset
            | Command::DeleteSelection => {
                let mut intents = Vec::new();
                let mut cx = ViewCtx {
                    session: self.doc.session(),
                    language,
                    t,
                    presentation: self.presentation,
                    intents: &mut intents,
                };
                match self.view {
                    View::Board => self.board.on_command(command, &mut cx),
                    View::Ideas => self.ideas.on_command(command, &mut cx),
                    View::Selection => self.selection.on_command(command, &mut cx),
                    _ => {}
                }
                self.apply_list(ctx, intents);
            }
        }
    }

    fn apply_intents(&mut self, ctx: &egui::Context) {
        let intents = std::mem::take(&mut self.intents);
        self.apply_list(ctx, intents);
    }

    fn apply_list(&mut self, ctx: &egui::Context, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Apply(action) => {
                    if let Err(e) = self.doc.apply(action) {
                        let t = self.t();
                        self.error(format!("{}{}", t.error, e.message(self.prefs.language)));
                    }
                }
                Intent::Command(command) => self.run_command(ctx, command),
                Intent::Notice(text) => self.notify(text),
                Intent::Error(text) => self.error(text),
                Intent::SetLanguage(language) => self.prefs.language = language,
                Intent::SetOpenAfterExport(open) => self.prefs.open_after_export = open,
                Intent::OpenFile(path) => self.open(&path),
                Intent::ChooseFile(purpose) => self.dialogs.start(purpose),
                Intent::Import {
                    organisations,
                    fiches,
                    ideas,
                } => self.import(organisations, fiches, ideas),
            }
        }
    }

    fn import(
        &mut self,
        organisations: Option<PathBuf>,
        fiches: Option<PathBuf>,
        ideas: Option<PathBuf>,
    ) {
        let t = self.t();
        let files = crate::spreadsheet::ImportFiles {
            organisations: organisations.as_deref(),
            fiches: fiches.as_deref(),
            ideas: ideas.as_deref(),
        };
        match crate::spreadsheet::plan_import(self.doc.session(), &files) {
            Ok(report) => {
                let summary = format!(
                    "{}{} {}, {} {}, {} {}",
                    t.imported,
                    report.batch.organisations.len(),
                    t.organisations.to_lowercase(),
                    report.batch.fiches.len(),
                    t.import_fiches.to_lowercase(),
                    report.batch.ideas.len(),
                    t.import_ideas.to_lowercase()
                );
                match self.doc.apply(Action::Import(report.batch)) {
                    Ok(()) => {
                        self.notify(summary);
                        self.show_import = false;
                        self.import_files = [None, None, None];
                    }
                    Err(e) => self.error(format!("{}{}", t.error, e.message(self.prefs.language))),
                }
            }
            Err(e) => self.error(format!("{}{e}", t.error)),
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let t = self.t();
        let session = self.doc.session();
        let file = self.doc.path().and_then(Path::file_name).map_or_else(
            || t.untitled.to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let state = if self.doc.is_dirty() {
            t.unsaved
        } else {
            t.saved
        };
        let copy = session
            .table_copy
            .as_ref()
            .and_then(|c| session.table(c.table))
            .map(|table| format!(" ({}{})", t.table_copy_of, table.name))
            .unwrap_or_default();
        let title = format!(
            "{}{copy} — {file} — {state} — Synergies",
            session.info.title
        );
        if title != self.title_shown {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }

    /// The window's title as last set.
    pub fn window_title(&self) -> &str {
        &self.title_shown
    }

    fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if let Err(e) = self.close_document() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            let t = self.t();
            self.error(format!("{}{}", t.error, save_message(&e)));
        }
    }

    /// Saves what must be saved before the app closes. Never loses a change: a session
    /// with a file is saved to it; one without keeps its autosave for the next start.
    pub fn close_document(&mut self) -> Result<(), SaveError> {
        let untitled = self.doc.path().is_none() && self.doc.is_dirty();
        self.doc.before_close()?;
        if untitled {
            self.prefs.untitled_autosave = self.doc.autosave_path();
        }
        Ok(())
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        let t = self.t();
        let language = self.prefs.language;
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                for command in [
                    Command::NewSession,
                    Command::OpenSession,
                    Command::SaveSession,
                    Command::SaveSessionAs,
                    Command::ImportSpreadsheets,
                    Command::PrepareTableCopies,
                    Command::ImportTableFiles,
                    Command::WatchFolder,
                    Command::ShowMergeLog,
                ] {
                    self.command_button(ui, command);
                }
                ui.menu_button(t.recent, |ui| {
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.intents.push(Intent::OpenFile(path));
                        }
                    }
                });
                ui.separator();
                self.command_button(ui, Command::Quit);
            });
            ui.menu_button(t.menu_edit, |ui| {
                let undo = self.doc.workshop().undo_label(language).map_or_else(
                    || t.nothing_to_undo.to_owned(),
                    |l| format!("{}{l}", t.undo_prefix),
                );
                let redo = self.doc.workshop().redo_label(language).map_or_else(
                    || t.nothing_to_redo.to_owned(),
                    |l| format!("{}{l}", t.redo_prefix),
                );
                if ui
                    .add_enabled(
                        self.doc.workshop().can_undo(),
                        egui::Button::new(undo).shortcut_text(Command::Undo.shortcut_text(&ctx)),
                    )
                    .clicked()
                {
                    self.intents.push(Intent::Command(Command::Undo));
                }
                if ui
                    .add_enabled(
                        self.doc.workshop().can_redo(),
                        egui::Button::new(redo).shortcut_text(Command::Redo.shortcut_text(&ctx)),
                    )
                    .clicked()
                {
                    self.intents.push(Intent::Command(Command::Redo));
                }
                ui.separator();
                self.command_button(ui, Command::NewIdea);
                self.command_button(ui, Command::NewFiche);
            });
            ui.menu_button(t.menu_view, |ui| {
                for command in [
                    Command::TogglePresentation,
                    Command::ZoomIn,
                    Command::ZoomOut,
                    Command::ZoomReset,
                ] {
                    self.command_button(ui, command);
                }
                ui.separator();
                ui.label(t.language);
                for (lang, name) in [(Language::Fr, "Français"), (Language::En, "English")] {
                    if ui.radio(language == lang, name).clicked() {
                        self.intents.push(Intent::SetLanguage(lang));
                    }
                }
            });
            ui.menu_button(t.menu_help, |ui| {
                self.command_button(ui, Command::ToggleHelp)
            });
        });
    }

    fn command_button(&mut self, ui: &mut Ui, command: Command) {
        let language = self.prefs.language;
        let button = egui::Button::new(command.label(language))
            .shortcut_text(command.shortcut_text(ui.ctx()));
        if ui.add(button).clicked() {
            self.intents.push(Intent::Command(command));
            ui.close();
        }
    }

    fn tabs_ui(&mut self, ui: &mut Ui) {
        let language = self.prefs.language;
        let t = self.t();
        ui.horizontal(|ui| {
            for (view, command) in View::ALL.iter().zip([
                Command::ShowPreparation,
                Command::ShowFiches,
                Command::ShowIdeas,
                Command::ShowBoard,
                Command::ShowSelection,
                Command::ShowSynthesis,
            ]) {
                let text = RichText::new(command.label(language)).size(18.0);
                let tab = ui
                    .selectable_label(self.view == *view, text)
                    .on_hover_text(command.shortcut_text(ui.ctx()));
                if tab.clicked() {
                    self.view = *view;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let label = if self.presentation {
                    t.exit_presentation.to_owned()
                } else {
                    Command::TogglePresentation.label(language).to_owned()
                };
                if ui.button(label.as_str()).clicked() {
                    self.intents
                        .push(Intent::Command(Command::TogglePresentation));
                }
                if !self.presentation
                    && ui
                        .button(format!("+ {}", Command::NewIdea.label(language)))
                        .on_hover_text(Command::NewIdea.shortcut_text(ui.ctx()))
                        .clicked()
                {
                    self.intents.push(Intent::Command(Command::NewIdea));
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        let t = self.t();
        let now = ui.input(|i| i.time);
        ui.horizontal(|ui| {
            let autosave = self.doc.autosave_status();
            let state = if let Some(error) = &autosave.error {
                RichText::new(format!("! {} : {error}", t.autosave_failed)).color(Color32::RED)
            } else if self.doc.is_dirty() {
                let at = autosave
                    .saved_at
                    .map(|time| {
                        format!(
                            " ({} {})",
                            t.autosaved_at,
                            time.with_timezone(&chrono::Local).format("%H:%M:%S")
                        )
                    })
                    .unwrap_or_default();
                RichText::new(format!("• {}{at}", t.unsaved))
            } else {
                RichText::new(t.saved)
            };
            ui.label(state);
            ui.separator();
            if let Some(notice) = &mut self.notice {
                if notice.shown_at.is_nan() {
                    notice.shown_at = now;
                }
                let age = now - notice.shown_at;
                let keep = if notice.is_error { 12.0 } else { 5.0 };
                if age < keep {
                    let text = RichText::new(&notice.text);
                    ui.label(if notice.is_error {
                        text.color(ui.visuals().error_fg_color).strong()
                    } else {
                        text
                    });
                    ui.ctx().request_repaint_after_secs((keep - age) as f32);
                }
            }
        });
    }

    /// The status line's current message, if any.
    pub fn notice_text(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    fn windows_ui(&mut self, ctx: &egui::Context) {
        let t = self.t();
        if let Some(recovery) = self.recovery.clone() {
            let modal = egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
                ui.heading(t.recovery_title);
                ui.label(t.recovery_text);
                ui.label(recovery.autosave.display().to_string());
                ui.horizontal(|ui| {
                    if ui.button(t.restore).clicked() {
                        if let Err(e) = self.doc.restore(&recovery) {
                            self.error(format!("{}{}", t.error, store_message(&e)));
                        }
                        self.recovery = None;
                    }
                    if ui.button(t.discard).clicked() {
                        if let Some(path) = self.doc.path() {
                            crate::store::discard_autosave(path);
                        }
                        self.recovery = None;
                    }
                });
            });
            let _ = modal;
        }
        if let Some(prompt) = self.dialogs.typed_prompt_ui(ctx, t) {
            self.files_chosen(prompt.0, prompt.1);
        }
        if self.pending_merge.is_some() {
            self.merge_summary_ui(ctx);
        }
        if self.show_merge_log {
            let mut open = true;
            let title = Command::ShowMergeLog.label(self.prefs.language);
            egui::Window::new(title)
                .open(&mut open)
                .default_width(640.0)
                .show(ctx, |ui| {
                    if let Some(folder) = self.watched_folder() {
                        ui.label(format!("{}{}", t.watching, folder.display()));
                    }
                    egui::ScrollArea::vertical()
                        .id_salt("merge-log")
                        .max_height(400.0)
                        .stick_to_bottom(true)
                        .show(ui, |ui| {
                            for line in &self.merge_log {
                                ui.label(line);
                            }
                        });
                });
            self.show_merge_log = open;
        }
        if self.show_help {
            let mut open = true;
            egui::Window::new(t.help_title)
                .open(&mut open)
                .default_width(560.0)
                .default_height(720.0)
                .show(ctx, |ui| help_ui(ui, t, self.prefs.language));
            self.show_help = open;
        }
        if self.show_import {
            let mut open = true;
            egui::Window::new(t.import_title)
                .open(&mut open)
                .show(ctx, |ui| {
                    import_ui(ui, t, &mut self.import_files, &mut self.intents);
                });
            self.show_import = open;
        }
    }
}

impl SynergiesApp {
    fn merge_summary_ui(&mut self, ctx: &egui::Context) {
        let t = self.t();
        let language = self.prefs.language;
        let mut apply = false;
        let mut cancel = false;
        let mut force = false;
        if let Some(pending) = &self.pending_merge {
            egui::Modal::new(egui::Id::unique("merge-summary")).show(ctx, |ui| {
                ui.set_max_width(720.0);
                ui.heading(t.merge_title);
                for file in &pending.files {
                    ui.label(file.display().to_string());
                }
                ui.separator();
                if let Some(problem) = &pending.problem {
                    ui.colored_label(ui.visuals().error_fg_color, problem);
                }
                if let Some(report) = &pending.report {
                    ui.label(report.summary(language));
                }
                ui.horizontal(|ui| {
                    if pending.report.is_some() && ui.button(t.merge_do).clicked() {
                        apply = true;
                    }
                    if pending.other_session && ui.button(t.merge_anyway).clicked() {
                        force = true;
                    }
                    if ui.button(t.cancel).clicked() {
                        cancel = true;
                    }
                });
                if let Some(report) = &pending.report
                    && !report.conflicts.is_empty()
                {
                    ui.label(RichText::new(t.conflicts).strong());
                    egui::ScrollArea::vertical()
                        .id_salt("merge-conflicts")
                        .max_height(240.0)
                        .show(ui, |ui| {
                            for conflict in &report.conflicts {
                                ui.label(conflict.describe(language));
                            }
                        });
                }
            });
        }
        // Enter confirms, Escape cancels, as in the other prompts.
        let (enter, escape) =
            ctx.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
        let ready = self
            .pending_merge
            .as_ref()
            .is_some_and(|p| p.report.is_some() && p.shown);
        if let Some(pending) = &mut self.pending_merge {
            pending.shown = true;
        }
        apply |= enter && ready;
        cancel |= escape;
        if apply {
            self.apply_pending_merge();
        } else if force {
            if let Some(pending) = self.pending_merge.take() {
                self.prepare_merge(pending.files, true);
            }
        } else if cancel {
            self.pending_merge = None;
        }
    }
}

/// egui's fonts, with DejaVu Sans (the report's font) behind them for the characters
/// they lack (arrows, rarer Latin letters).
fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "dejavu".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(crate::report::REGULAR_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu".to_owned());
    }
    ctx.set_fonts(fonts);
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Every command, those whose shortcuts have more modifiers first (sorted once).
fn commands_by_modifiers() -> &'static [Command] {
    static ORDER: std::sync::OnceLock<Vec<Command>> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| {
        let mut commands = Command::ALL.to_vec();
        commands.sort_by_key(|c| {
            std::cmp::Reverse(
                c.shortcuts()
                    .iter()
                    .map(|s| modifier_count(s.modifiers))
                    .max()
                    .unwrap_or(0),
            )
        });
        commands
    })
}

fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.ctrl || m.command || m.mac_cmd, m.shift]
        .iter()
        .filter(|b| **b)
        .count()
}

/// A light, high-contrast theme for the projector.
pub fn presentation_visuals() -> egui::Visuals {
    let mut visuals = egui::Visuals::light();
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.override_text_color = Some(Color32::BLACK);
    visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(90);
    visuals.selection.stroke.color = Color32::from_rgb(0, 70, 200);
    visuals
}

fn store_message(e: &StoreError) -> String {
    e.to_string()
}

fn save_message(e: &SaveError) -> String {
    e.to_string()
}

impl eframe::App for SynergiesApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        SynergiesApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, prefs::STORAGE_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        let _ = self.close_document();
    }
}

/// Runs the desktop app on `file`, or on what [`SynergiesApp::start`] picks.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Synergies")
            .with_inner_size([1400.0, 900.0])
            .with_maximized(true)
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Synergies",
        options,
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
