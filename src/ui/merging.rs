//! Table files in the app: the merge summary shown before anything changes, the merge
//! log, and the folder watch that merges each table file once it has stopped changing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Key, RichText};

use super::SynergiesApp;
use super::files::file_name;
use crate::merge::{Conflict, FolderWatch, MergeInput, MergeReport, WatchEvent};
use crate::model::Action;

/// How long a file in a watched folder must stay unchanged before it is merged.
pub const WATCH_SETTLE: Duration = Duration::from_millis(1500);

/// A merge computed and shown to the user before it is applied.
pub struct PendingMerge {
    pub files: Vec<PathBuf>,
    pub report: Option<MergeReport>,
    /// Why it could not be computed (another session's file…).
    pub problem: Option<String>,
    /// The files belong to another session: merging needs the user's word.
    pub other_session: bool,
    /// The summary has been on screen: from then on Enter confirms it (never the Enter
    /// that chose the files).
    pub shown: bool,
}

/// A conflict of an applied merge, kept in the log with its "keep the other value".
pub struct LoggedConflict {
    pub line: String,
    pub conflict: Conflict,
    /// The other value was kept.
    pub settled: bool,
}

/// The folder watch, when one runs.
#[derive(Default)]
pub struct MergeState {
    watch: Option<FolderWatch>,
}

impl SynergiesApp {
    fn base_name(&self) -> String {
        self.doc
            .path()
            .map_or_else(|| self.t().untitled.to_owned(), file_name)
    }

    /// Reads table files and computes their merge into the session; the summary is shown
    /// before anything changes. Nothing is merged if any file cannot be read.
    pub fn prepare_merge(&mut self, files: Vec<PathBuf>, force: bool) {
        let mut inputs = Vec::new();
        let mut problem = None;
        for path in &files {
            match crate::store::load(path) {
                Ok(loaded) => inputs.push(MergeInput {
                    source: file_name(path),
                    session: loaded.session,
                }),
                Err(e) => {
                    problem = Some(super::files::store_message(&e, self.prefs.language));
                    break;
                }
            }
        }
        let mut pending = PendingMerge {
            files,
            report: None,
            problem,
            other_session: false,
            shown: false,
        };
        if pending.problem.is_none() {
            match crate::merge::merge(self.doc.session(), &self.base_name(), &inputs, force) {
                Ok(report) => pending.report = Some(report),
                Err(e) => {
                    pending.other_session =
                        matches!(e, crate::merge::MergeError::OtherSession { .. });
                    pending.problem = Some(e.message(self.prefs.language));
                }
            }
        }
        self.pending_merge = Some(pending);
    }

    /// Applies a computed merge as one undo step and logs it. Returns the log line, or
    /// `None` when the merge could not be applied (then said once, in the log and the
    /// status line).
    fn apply_merge(&mut self, files: &[PathBuf], report: MergeReport) -> Option<String> {
        let language = self.prefs.language;
        let t = self.t();
        let time = chrono::Local::now().format("%H:%M:%S");
        let names = files.iter().map(|p| file_name(p)).collect::<Vec<_>>();
        let names = names.join(", ");
        let summary = report.summary(language);
        // The log keeps the whole preview: each file's changes, then the conflicts.
        let mut details: Vec<String> = Vec::new();
        for (file, changes) in report.changes_by_file(language) {
            details.push(format!(
                "    {}",
                crate::i18n::fill(
                    crate::i18n::words(language).merge.from_file,
                    &[("file", &file)]
                )
            ));
            details.extend(changes.into_iter().map(|c| format!("      {c}")));
        }
        let conflicts: Vec<LoggedConflict> = report
            .conflicts
            .iter()
            .map(|c| LoggedConflict {
                line: report.describe(c, language),
                conflict: c.clone(),
                settled: false,
            })
            .collect();
        details.extend(conflicts.iter().map(|c| format!("    {}", c.line)));
        if report.changed
            && let Err(e) = self.doc.apply(Action::Merge {
                merged: Box::new(report.merged),
                files: files.len(),
            })
        {
            let line = format!("{time} — {names} : {}{}", t.error, e.message(language));
            self.merge_log.push(line.clone());
            self.error(line);
            return None;
        }
        let line = format!("{time} — {names} : {summary}");
        self.merge_log.push(line.clone());
        self.merge_log.extend(details);
        self.merge_conflicts.extend(conflicts);
        Some(line)
    }

    /// Keeps the value a merge set aside in the conflict `index` of the log: an
    /// ordinary edit, dated now, that undo takes back.
    pub fn keep_other_value(&mut self, index: usize) {
        let Some(logged) = self.merge_conflicts.get_mut(index) else {
            return;
        };
        match logged.conflict.keep_other(self.doc.session()) {
            Some(action) => {
                logged.settled = true;
                self.intents.push(super::Intent::Apply(Box::new(action)));
            }
            None => {
                let t = self.t();
                self.error(format!("{}{}", t.error, t.merge_entity_gone));
            }
        }
    }

    /// Applies the merge the user confirmed: one undo step.
    pub fn apply_pending_merge(&mut self) {
        let Some(pending) = self.pending_merge.take() else {
            return;
        };
        let Some(report) = pending.report else {
            return;
        };
        if let Some(line) = self.apply_merge(&pending.files, report) {
            self.notify(line);
        }
    }

    /// Starts watching `folder`: each table file that lands in it is merged once it has
    /// stopped changing.
    pub fn watch_folder(&mut self, folder: &Path) {
        let t = self.t();
        match FolderWatch::start(folder, self.doc.path(), WATCH_SETTLE, self.prefs.language) {
            Ok(watch) => {
                self.merge_log.push(format!(
                    "{} — {}{}",
                    chrono::Local::now().format("%H:%M:%S"),
                    t.watching,
                    folder.display()
                ));
                self.merging.watch = Some(watch);
                self.show_merge_log = true;
            }
            Err(e) => self.error(format!("{}« {} » : {e}", t.error, folder.display())),
        }
    }

    /// The folder being watched.
    pub fn watched_folder(&self) -> Option<&Path> {
        self.merging.watch.as_ref().map(FolderWatch::folder)
    }

    /// Polls the watch, if any, and keeps frames coming while it runs.
    pub(super) fn poll_watch_now(&mut self, ctx: &egui::Context) {
        if self.merging.watch.is_some() {
            self.poll_watch(Instant::now());
            ctx.request_repaint_after(Duration::from_millis(500));
        }
    }

    /// Merges the files of the watched folder that are ready.
    pub fn poll_watch(&mut self, now: Instant) {
        let Some(watch) = &mut self.merging.watch else {
            return;
        };
        let ready = watch.poll(now);
        for WatchEvent::Ready(path) in ready {
            let language = self.prefs.language;
            let t = self.t();
            let time = chrono::Local::now().format("%H:%M:%S");
            let loaded = match crate::store::load(&path) {
                Ok(loaded) => loaded,
                Err(e) => {
                    // Perhaps still being copied: retried while it changes, given up
                    // on once it has been still for a while and still does not read.
                    let still = self
                        .merging
                        .watch
                        .as_ref()
                        .and_then(|w| w.still_for(&path, now))
                        .unwrap_or_default();
                    if still > WATCH_SETTLE * 6 {
                        let message = super::files::store_message(&e, language);
                        let line = format!("{time} — {}{message}", t.error);
                        self.merge_log.push(line.clone());
                        self.error(line);
                        if let Some(w) = &mut self.merging.watch {
                            w.handled(&path);
                        }
                    }
                    continue;
                }
            };
            let input = MergeInput {
                source: file_name(&path),
                session: loaded.session,
            };
            let base_name = self.base_name();
            match crate::merge::merge(self.doc.session(), &base_name, &[input], false) {
                Ok(report) => {
                    self.apply_merge(std::slice::from_ref(&path), report);
                }
                Err(e) => {
                    let message = e.message(language);
                    let line = format!("{time} — {} : {}{message}", file_name(&path), t.error);
                    self.merge_log.push(line.clone());
                    self.error(line);
                }
            }
            if let Some(w) = &mut self.merging.watch {
                w.handled(&path);
            }
        }
    }

    pub(super) fn merge_log_ui(&mut self, ctx: &egui::Context) {
        let t = self.t();
        let mut open = true;
        let mut keep = None;
        let title = super::Command::ShowMergeLog.label(self.prefs.language);
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
                if !self.merge_conflicts.is_empty() {
                    ui.separator();
                    ui.label(RichText::new(t.conflicts).strong());
                    egui::ScrollArea::vertical()
                        .id_salt("merge-log-conflicts")
                        .max_height(240.0)
                        .show(ui, |ui| {
                            for (index, logged) in self.merge_conflicts.iter().enumerate() {
                                ui.horizontal_wrapped(|ui| {
                                    ui.label(&logged.line);
                                    if logged.settled {
                                        ui.weak(t.merge_other_kept);
                                    } else if ui.button(t.merge_keep_other).clicked() {
                                        keep = Some(index);
                                    }
                                });
                            }
                        });
                }
            });
        if let Some(index) = keep {
            self.keep_other_value(index);
        }
        self.show_merge_log = open;
    }

    pub(super) fn merge_summary_ui(&mut self, ctx: &egui::Context) {
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
                if let Some(report) = &pending.report {
                    merge_preview_ui(ui, report, language);
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

/// What a merge will do, named: each file's changes, then the conflicts.
fn merge_preview_ui(ui: &mut egui::Ui, report: &MergeReport, language: crate::model::Language) {
    let t = super::i18n::tr(language);
    egui::ScrollArea::vertical()
        .id_salt("merge-preview")
        .max_height(420.0)
        .show(ui, |ui| {
            for (file, changes) in report.changes_by_file(language) {
                ui.label(
                    RichText::new(crate::i18n::fill(
                        crate::i18n::words(language).merge.from_file,
                        &[("file", &file)],
                    ))
                    .strong(),
                );
                for change in changes {
                    ui.label(change);
                }
            }
            if !report.conflicts.is_empty() {
                ui.label(RichText::new(t.conflicts).strong());
                for conflict in &report.conflicts {
                    ui.label(report.describe(conflict, language));
                }
            }
        });
}
