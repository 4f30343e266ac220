//! The app's chrome: the menu bar, the tabs, the status line and its messages, and the
//! small windows (recovery, help, import, the typed-path prompt). Every entry is drawn
//! from a [`Command`].

use egui::{Color32, RichText, Ui};

use super::command::Command;
use super::views::{help_ui, import_ui};
use super::widgets::command_item_ui;
use super::{Intent, SynergiesApp, View};
use crate::model::Language;

/// A message shown in the status line for a few seconds.
pub struct Notice {
    text: String,
    is_error: bool,
    /// When it was first drawn (NaN until then).
    shown_at: f64,
}

/// How long a message stays in the status line, in seconds.
const NOTICE_KEPT_S: f64 = 5.0;
const ERROR_KEPT_S: f64 = 12.0;

impl SynergiesApp {
    pub(super) fn notify(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: false,
            shown_at: f64::NAN,
        });
    }

    pub(super) fn error(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            is_error: true,
            shown_at: f64::NAN,
        });
    }

    /// The status line's current message, if any.
    pub fn notice_text(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// True when the status line's message is a failure.
    pub fn notice_is_error(&self) -> bool {
        self.notice.as_ref().is_some_and(|n| n.is_error)
    }

    /// Menu entries for `commands`: each with its label and shortcut, greyed out when it
    /// cannot run now.
    fn command_buttons(&mut self, ui: &mut Ui, commands: &[Command]) {
        let state = self.command_state();
        for command in commands {
            if command_item_ui(ui, command, self.prefs.language, command.available(&state)) {
                self.intents.push(Intent::Command(command.clone()));
                ui.close();
            }
        }
    }

    pub(super) fn menu_ui(&mut self, ui: &mut Ui) {
        let t = self.t();
        let language = self.prefs.language;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                self.command_buttons(
                    ui,
                    &[
                        Command::NewSession,
                        Command::OpenSession,
                        Command::SaveSession,
                        Command::SaveSessionAs,
                        Command::ImportSpreadsheets,
                        Command::ExportPdf,
                        Command::ExportXlsx,
                        Command::ExportAgendas,
                        Command::PrepareTableCopies,
                        Command::ImportTableFiles,
                        Command::WatchFolder,
                        Command::ShowMergeLog,
                    ],
                );
                ui.menu_button(t.recent, |ui| {
                    for path in self.prefs.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.intents
                                .push(Intent::Command(Command::OpenRecent(path)));
                        }
                    }
                });
                ui.separator();
                self.command_buttons(ui, &[Command::Quit]);
            });
            ui.menu_button(t.menu_edit, |ui| {
                let workshop = self.doc.workshop();
                let undo = workshop.undo_label(language).map_or_else(
                    || t.nothing_to_undo.to_owned(),
                    |l| format!("{}{l}", t.undo_prefix),
                );
                let redo = workshop.redo_label(language).map_or_else(
                    || t.nothing_to_redo.to_owned(),
                    |l| format!("{}{l}", t.redo_prefix),
                );
                for (command, text) in [(Command::Undo, undo), (Command::Redo, redo)] {
                    let available = command.available(&self.command_state());
                    let button =
                        egui::Button::new(text).shortcut_text(command.shortcut_text(ui.ctx()));
                    if ui.add_enabled(available, button).clicked() {
                        self.intents.push(Intent::Command(command));
                    }
                }
                ui.separator();
                self.command_buttons(
                    ui,
                    &[
                        Command::NewIdea,
                        Command::NewFiche,
                        Command::DeleteSelection,
                    ],
                );
                ui.separator();
                self.command_buttons(
                    ui,
                    &[
                        Command::AcceptSuggestion,
                        Command::DismissSuggestion,
                        Command::NextSuggestion,
                        Command::PreviousSuggestion,
                        Command::EditThesaurus,
                    ],
                );
                ui.separator();
                self.command_buttons(ui, &[Command::OpenPalette]);
            });
            ui.menu_button(t.menu_view, |ui| {
                self.command_buttons(
                    ui,
                    &[
                        Command::TogglePresentation,
                        Command::ZoomIn,
                        Command::ZoomOut,
                        Command::ZoomReset,
                    ],
                );
                ui.separator();
                ui.label(t.language);
                for (lang, name) in [(Language::Fr, "Français"), (Language::En, "English")] {
                    if ui.radio(language == lang, name).clicked() && language != lang {
                        self.intents.push(Intent::Command(Command::ToggleLanguage));
                    }
                }
            });
            ui.menu_button(t.menu_help, |ui| {
                self.command_buttons(ui, &[Command::ToggleHelp]);
                self.command_buttons(ui, &[Command::OpenPalette]);
            });
        });
    }

    pub(super) fn tabs_ui(&mut self, ui: &mut Ui) {
        let language = self.prefs.language;
        let t = self.t();
        ui.horizontal(|ui| {
            for view in View::ALL {
                let command = Command::ShowView(view);
                let text = RichText::new(command.label(language)).size(18.0);
                let tab = ui
                    .selectable_label(self.view == view, text)
                    .on_hover_text(command.shortcut_text(ui.ctx()));
                if tab.clicked() {
                    self.intents.push(Intent::Command(command));
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

    pub(super) fn status_ui(&mut self, ui: &mut Ui) {
        let t = self.t();
        let now = ui.input(|i| i.time);
        ui.horizontal(|ui| {
            let autosave = self.doc.autosave_status();
            let state = if let Some(error) = &autosave.error {
                let error = error.message(self.prefs.language);
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
                let keep = if notice.is_error {
                    ERROR_KEPT_S
                } else {
                    NOTICE_KEPT_S
                };
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

    pub(super) fn windows_ui(&mut self, ctx: &egui::Context) {
        let t = self.t();
        let language = self.prefs.language;
        if let Some(recovery) = self.recovery.clone() {
            egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
                ui.heading(t.recovery_title);
                ui.label(t.recovery_text);
                ui.label(recovery.autosave.display().to_string());
                ui.horizontal(|ui| {
                    if ui.button(t.restore).clicked() {
                        if let Err(e) = self.doc.restore(&recovery) {
                            let message = super::files::store_message(&e, language);
                            self.error(format!("{}{message}", t.error));
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
        }
        if let Some((purpose, paths)) = self.dialogs.typed_prompt_ui(ctx, t) {
            self.files_chosen(purpose, paths);
        }
        if self.pending_merge.is_some() {
            self.merge_summary_ui(ctx);
        }
        if self.show_merge_log {
            self.merge_log_ui(ctx);
        }
        if self.show_help {
            let mut open = true;
            let state = self.command_state();
            egui::Window::new(t.help_title)
                .open(&mut open)
                .default_width(620.0)
                .default_height(720.0)
                .show(ctx, |ui| help_ui(ui, t, language, &state));
            self.show_help = open;
        }
        if self.show_import {
            let mut open = true;
            egui::Window::new(t.import_title)
                .open(&mut open)
                .show(ctx, |ui| {
                    import_ui(ui, t, language, &mut self.import_files, &mut self.intents);
                });
            self.show_import = open;
        }
    }
}
