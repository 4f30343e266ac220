//! Opening, saving, importing and exporting. Each failure reaches the user once, in the
//! status line, naming the file; nothing is replaced before the old work is safe.

use std::path::{Path, PathBuf};

use super::SynergiesApp;
use super::background::{Task, TaskFailure};
use super::dialogs::DialogPurpose;
use super::document::{Document, SaveError};
use super::i18n::tr;
use super::views::{BoardView, IdeasView, SelectionView};
use super::{ImportSlot, View};
use crate::model::{Action, Language, Session};
use crate::store::{Recovery, StoreError};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Pdf,
    Xlsx,
    /// The B2B agendas.
    Agendas,
}

/// What a piece of background work gives when it is done.
#[derive(Debug)]
pub enum JobDone {
    /// A file was written.
    Exported(PathBuf),
}

/// Background work: what it is, for the messages, and its task.
pub struct Job {
    pub kind: ExportKind,
    pub task: Task<Result<JobDone, String>>,
}

/// The session chosen and read at start-up.
pub enum StartOutcome {
    /// A session file (the one asked for, or the last one used).
    File {
        path: PathBuf,
        session: Box<Session>,
        recovery: Option<Recovery>,
    },
    /// An unsaved session's autosave.
    Untitled {
        autosave: PathBuf,
        session: Box<Session>,
    },
    /// A copy of the shipped example.
    Example(Box<Session>),
    /// Nothing to open: a new session.
    Empty,
    /// The file asked for could not be read.
    Failed { error: StoreError },
}

/// Chooses what to open at start-up and reads it (runs off the frame).
pub fn load_at_start(
    file: Option<PathBuf>,
    recent: Option<PathBuf>,
    untitled_autosave: Option<PathBuf>,
    _language: Language,
) -> StartOutcome {
    let read = |path: PathBuf| match crate::store::load(&path) {
        Ok(loaded) => StartOutcome::File {
            recovery: crate::store::find_recovery(&path),
            path,
            session: Box::new(loaded.session),
        },
        Err(error) => StartOutcome::Failed { error },
    };
    if let Some(path) = file {
        return read(path);
    }
    if let Some(last) = recent.filter(|p| p.is_file())
        && let outcome @ StartOutcome::File { .. } = read(last)
    {
        return outcome;
    }
    if let Some(autosave) = untitled_autosave.filter(|p| p.is_file())
        && let Ok(loaded) = crate::store::load(&autosave)
    {
        return StartOutcome::Untitled {
            autosave,
            session: Box::new(loaded.session),
        };
    }
    if let Some(example) = super::example_session_path()
        && let Ok(loaded) = crate::store::load(&example)
    {
        // A copy, so that trying the app never changes the shipped example.
        let mut session = loaded.session;
        session.id = uuid::Uuid::new_v4();
        return StartOutcome::Example(Box::new(session));
    }
    StartOutcome::Empty
}

/// A save's failure, for a facilitator.
pub fn save_message(e: &SaveError, language: Language) -> String {
    e.message(language)
}

/// A file's failure to load, for a facilitator.
pub fn store_message(e: &StoreError, language: Language) -> String {
    e.message(language)
}

impl SynergiesApp {
    /// Takes what the start-up read.
    pub(super) fn started(&mut self, outcome: Result<StartOutcome, TaskFailure>) {
        let t = self.t();
        let language = self.prefs.language;
        match outcome {
            Ok(StartOutcome::File {
                path,
                session,
                recovery,
            }) => {
                self.doc = Document::opened(*session, path.clone());
                self.recovery = recovery;
                self.prefs.remember(path.clone());
                self.enter_table_mode();
                self.notify(format!("{}{}", t.opened, path.display()));
            }
            Ok(StartOutcome::Untitled { autosave, session }) => {
                self.doc = Document::untitled(*session);
                self.notify(format!("{}{}", t.opened, autosave.display()));
            }
            Ok(StartOutcome::Example(session)) => {
                self.doc = Document::untitled(*session);
                self.notify(t.example_opened.to_owned());
            }
            Ok(StartOutcome::Empty) => self.doc = Document::untitled(new_session(language)),
            Ok(StartOutcome::Failed { error }) => {
                self.doc = Document::untitled(new_session(language));
                self.error(format!("{}{}", t.error, store_message(&error, language)));
            }
            Err(failure) => {
                self.doc = Document::untitled(new_session(language));
                self.task_failed(t.opening, &failure);
            }
        }
    }

    /// Makes sure the current work is safe before another session replaces it. False
    /// (and said) when it could not be saved: the current session then stays open.
    fn close_current(&mut self) -> bool {
        match self.close_document() {
            Ok(()) => true,
            Err(e) => {
                let t = self.t();
                let message = save_message(&e, self.prefs.language);
                self.error(format!("{}{}{message}", t.error, t.not_replaced));
                false
            }
        }
    }

    /// Opens a session file; a file that cannot be read is left alone and named.
    pub(super) fn open(&mut self, path: &Path) {
        let language = self.prefs.language;
        let t = self.t();
        match Document::open(path) {
            Ok((doc, recovery)) => {
                if !self.close_current() {
                    return;
                }
                self.doc = doc;
                self.recovery = recovery;
                self.prefs.remember(path.to_owned());
                self.board = BoardView::default();
                self.ideas = IdeasView::default();
                self.selection = SelectionView::default();
                self.enter_table_mode();
                self.notify(format!("{}{}", t.opened, path.display()));
            }
            Err(e) => self.error(format!("{}{}", t.error, store_message(&e, language))),
        }
    }

    /// Starts a new, empty session (once the current one is safe).
    pub(super) fn new_session(&mut self) {
        if !self.close_current() {
            return;
        }
        self.doc = Document::untitled(new_session(self.prefs.language));
        self.view = View::Preparation;
    }

    pub(super) fn save(&mut self) {
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
            Err(e) => self.error(format!(
                "{}{}",
                t.error,
                save_message(&e, self.prefs.language)
            )),
        }
    }

    pub(super) fn save_as(&mut self, path: &Path) {
        let t = self.t();
        let path = if path.extension().is_none() {
            path.with_extension("ron")
        } else {
            path.to_owned()
        };
        match self.doc.save_as(&path) {
            Ok(()) => {
                self.prefs.remember(path.clone());
                self.prefs.untitled_autosave = None;
                self.notify(format!("{}{}", t.saved_to, path.display()));
            }
            Err(e) => self.error(format!(
                "{}{}",
                t.error,
                save_message(&e, self.prefs.language)
            )),
        }
    }

    /// Imports the spreadsheets chosen in the import window: all or nothing.
    pub(super) fn import(&mut self) {
        let t = self.t();
        let [organisations, fiches, ideas] = &self.import_files;
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
            Err(e) => self.error(format!("{}{}", t.error, e.message(self.prefs.language))),
        }
    }

    /// Where a chosen file goes.
    pub(super) fn files_chosen(&mut self, purpose: DialogPurpose, paths: Vec<PathBuf>) {
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
            DialogPurpose::SaveAs => self.save_as(&path),
            DialogPurpose::ImportOrganisations => {
                self.import_files[ImportSlot::Organisations.index()] = Some(path);
            }
            DialogPurpose::ImportFiches => {
                self.import_files[ImportSlot::Fiches.index()] = Some(path)
            }
            DialogPurpose::ImportIdeas => self.import_files[ImportSlot::Ideas.index()] = Some(path),
            DialogPurpose::ExportPdf => self.export(path, ExportKind::Pdf),
            DialogPurpose::ExportXlsx => self.export(path, ExportKind::Xlsx),
            DialogPurpose::ExportAgendas => self.export(path, ExportKind::Agendas),
        }
    }

    /// Writes the synthesis or the workbook on another thread, so the frame never waits.
    pub fn export(&mut self, path: PathBuf, kind: ExportKind) {
        let extension = match kind {
            ExportKind::Pdf | ExportKind::Agendas => "pdf",
            ExportKind::Xlsx => "xlsx",
        };
        let path = if path.extension().is_none() {
            path.with_extension(extension)
        } else {
            path
        };
        let session = self.doc.session().clone();
        let language = self.prefs.language;
        let reasons = self.b2b.reasons().to_vec();
        let task = Task::spawn("export", move || {
            let written = match kind {
                ExportKind::Pdf => crate::report::render_pdf(&session)
                    .map_err(|e| e.message(language))
                    .and_then(|report| {
                        crate::store::atomic::write_atomically(&path, &report.pdf).map_err(|e| {
                            let problem = crate::i18n::io_problem(language, &e);
                            format!("« {} » : {problem}", path.display())
                        })
                    }),
                ExportKind::Xlsx => crate::report::write_xlsx(&session, &path)
                    .map_err(|e| crate::report::workbook_message(language, &path, &e)),
                ExportKind::Agendas => {
                    let plan = crate::b2b::PlanView::of(&session, &reasons, language);
                    crate::report::agenda::render_agendas(&session, &plan)
                        .map_err(|e| e.message(language))
                        .and_then(|pdf| {
                            crate::store::atomic::write_atomically(&path, &pdf).map_err(|e| {
                                let problem = crate::i18n::io_problem(language, &e);
                                format!("« {} » : {problem}", path.display())
                            })
                        })
                }
            };
            written.map(|()| JobDone::Exported(path))
        });
        self.jobs.push(Job { kind, task });
    }

    /// Runs `work` off the frame as an export would; its outcome (or its panic) is
    /// reported in the status line. Used by the exports, and by tests.
    pub fn spawn_job(
        &mut self,
        kind: ExportKind,
        work: impl FnOnce() -> Result<PathBuf, String> + Send + 'static,
    ) {
        let task = Task::spawn("job", move || work().map(JobDone::Exported));
        self.jobs.push(Job { kind, task });
    }

    /// True while an export is being written.
    pub fn exporting(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Reports the work that finished since the last frame.
    pub(super) fn poll_jobs(&mut self, ctx: &egui::Context) {
        if self.jobs.is_empty() {
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        let mut finished = Vec::new();
        self.jobs.retain(|job| match job.task.poll() {
            Some(outcome) => {
                finished.push((job.kind, outcome));
                false
            }
            None => true,
        });
        let t = self.t();
        for (kind, outcome) in finished {
            let what = match kind {
                ExportKind::Pdf => t.export_pdf,
                ExportKind::Xlsx => t.export_xlsx,
                ExportKind::Agendas => t.export_agendas,
            };
            match outcome {
                Ok(Ok(JobDone::Exported(path))) => {
                    self.notify(format!("{}{}", t.exported, path.display()));
                    if self.prefs.open_after_export
                        && let Err(e) = open::that_detached(&path)
                    {
                        let language = self.prefs.language;
                        self.error(crate::i18n::opener_message(language, &path, &e));
                    }
                }
                Ok(Err(e)) => self.error(format!("{}{e}", t.error)),
                Err(failure) => self.task_failed(what, &failure),
            }
        }
    }

    /// Says that background work `what` failed; the document is untouched.
    pub(super) fn task_failed(&mut self, what: &str, failure: &TaskFailure) {
        let t = self.t();
        let detail = match failure {
            TaskFailure::Panicked(message) | TaskFailure::NotStarted(message) => message,
        };
        self.error(format!("{}{what} : {}{detail}", t.error, t.task_failed));
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
            .map_err(|e| format!("« {} » : {e}", folder.display()))
            .and_then(|()| {
                crate::merge::write_table_copies(self.doc.session(), &stem, folder)
                    .map_err(|e| e.message(self.prefs.language))
            });
        match result {
            Ok(written) => self.notify(crate::i18n::fill(
                crate::i18n::counts(self.prefs.language)
                    .copies_written_count
                    .form(self.prefs.language, written.len()),
                &[("n", &written.len()), ("folder", &folder.display())],
            )),
            Err(e) => self.error(format!("{}{e}", t.error)),
        }
    }

    /// Saves what must be saved before the app closes or another session opens. Never
    /// loses a change: a session with a file is saved to it; one without keeps its
    /// autosave for the next start.
    pub fn close_document(&mut self) -> Result<(), SaveError> {
        self.flush_editors();
        let untitled = self.doc.path().is_none() && self.doc.is_dirty();
        self.doc.before_close()?;
        if untitled {
            self.prefs.untitled_autosave = self.doc.autosave_path();
        }
        Ok(())
    }

    pub(super) fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if let Err(e) = self.close_document() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            let t = self.t();
            self.error(format!(
                "{}{}",
                t.error,
                save_message(&e, self.prefs.language)
            ));
        }
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
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
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }

    /// The window's title as last set.
    pub fn window_title(&self) -> &str {
        &self.title_shown
    }
}

/// A new, empty session in `language`.
fn new_session(language: Language) -> Session {
    let mut session = Session::new(tr(language).untitled);
    session.info.language = language;
    session
}

/// A path's last part, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
