//! Native file dialogs, run off the UI thread so a frame never waits for them. Where no
//! dialog can be shown (no desktop portal, no zenity), the user types the path instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::i18n::Tr;

/// What a file is being chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    SaveAs,
    ImportOrganisations,
    ImportFiches,
    ImportIdeas,
    ExportPdf,
    ExportXlsx,
    ExportAgendas,
    /// A folder for the table copies.
    PrepareCopies,
    /// One or several table files.
    ImportTableFiles,
    /// The folder to watch.
    WatchFolder,
}

impl DialogPurpose {
    fn is_folder(self) -> bool {
        matches!(
            self,
            DialogPurpose::PrepareCopies | DialogPurpose::WatchFolder
        )
    }

    fn is_save(self) -> bool {
        matches!(
            self,
            DialogPurpose::SaveAs
                | DialogPurpose::ExportPdf
                | DialogPurpose::ExportXlsx
                | DialogPurpose::ExportAgendas
        )
    }

    /// The file-name filter and the name suggested when saving.
    fn filter(self) -> (&'static str, &'static [&'static str], &'static str) {
        match self {
            DialogPurpose::ExportPdf => ("PDF", &["pdf"], "synthese.pdf"),
            DialogPurpose::ExportXlsx => ("Excel", &["xlsx"], "suivi.xlsx"),
            DialogPurpose::ExportAgendas => ("PDF", &["pdf"], "agendas-b2b.pdf"),
            DialogPurpose::ImportOrganisations
            | DialogPurpose::ImportFiches
            | DialogPurpose::ImportIdeas => ("CSV", &["csv", "txt"], ""),
            DialogPurpose::Open
            | DialogPurpose::SaveAs
            | DialogPurpose::ImportTableFiles
            | DialogPurpose::PrepareCopies
            | DialogPurpose::WatchFolder => ("Synergies", &["ron"], "atelier.ron"),
        }
    }
}

/// What a dialog gave.
pub enum Outcome {
    /// One path, or several for [`DialogPurpose::ImportTableFiles`].
    Chosen(DialogPurpose, Vec<PathBuf>),
    /// No dialog could be shown: the typed-path prompt is open instead.
    NoDialog,
}

/// A dialog answering faster than this was never shown (rfd returns `None` at once when
/// there is no portal nor zenity); a person takes longer to cancel.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

struct Pending {
    purpose: DialogPurpose,
    started: Instant,
    answer: Receiver<Option<Vec<PathBuf>>>,
}

struct TypedPrompt {
    purpose: DialogPurpose,
    text: String,
    /// The field takes the keyboard once, when the prompt opens.
    focus: bool,
}

#[derive(Default)]
pub struct Dialogs {
    pending: Option<Pending>,
    typed: Option<TypedPrompt>,
}

impl Dialogs {
    /// Shows a native dialog on another thread.
    pub fn start(&mut self, purpose: DialogPurpose) {
        if self.pending.is_some() {
            return;
        }
        let (send, answer) = channel();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let (name, extensions, suggested) = purpose.filter();
                let dialog = rfd::FileDialog::new().add_filter(name, extensions);
                let chosen = if purpose.is_folder() {
                    dialog.pick_folder().map(|p| vec![p])
                } else if purpose == DialogPurpose::ImportTableFiles {
                    dialog.pick_files()
                } else if purpose.is_save() {
                    dialog.set_file_name(suggested).save_file().map(|p| vec![p])
                } else {
                    dialog.pick_file().map(|p| vec![p])
                };
                // The app may have closed meanwhile: nobody left to tell.
                send.send(chosen).ok();
            });
        if spawned.is_ok() {
            self.pending = Some(Pending {
                purpose,
                started: Instant::now(),
                answer,
            });
        } else {
            self.open_typed(purpose);
        }
    }

    fn open_typed(&mut self, purpose: DialogPurpose) {
        self.typed = Some(TypedPrompt {
            purpose,
            text: String::new(),
            focus: true,
        });
    }

    /// The dialog's answer, once there is one.
    pub fn poll(&mut self) -> Option<Outcome> {
        let pending = self.pending.as_ref()?;
        let answer = match pending.answer.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        let purpose = pending.purpose;
        let quick = pending.started.elapsed() < NO_DIALOG_WITHIN;
        self.pending = None;
        match answer {
            Some(paths) if !paths.is_empty() => Some(Outcome::Chosen(purpose, paths)),
            Some(_) => None,
            None if quick => {
                self.open_typed(purpose);
                Some(Outcome::NoDialog)
            }
            None => None,
        }
    }

    /// The typed-path prompt, when open; returns the path the user confirmed.
    pub fn typed_prompt_ui(
        &mut self,
        ctx: &egui::Context,
        t: &Tr,
    ) -> Option<(DialogPurpose, Vec<PathBuf>)> {
        let prompt = self.typed.as_mut()?;
        let mut result = None;
        let mut close = false;
        let title = match prompt.purpose {
            DialogPurpose::Open => t.open_title,
            DialogPurpose::SaveAs => t.save_as_title,
            DialogPurpose::ImportOrganisations
            | DialogPurpose::ImportFiches
            | DialogPurpose::ImportIdeas => t.import_title,
            DialogPurpose::ExportPdf => t.export_pdf,
            DialogPurpose::ExportXlsx => t.export_xlsx,
            DialogPurpose::ExportAgendas => t.export_agendas,
            DialogPurpose::PrepareCopies | DialogPurpose::WatchFolder => t.choose_folder,
            DialogPurpose::ImportTableFiles => t.merge_title,
        };
        egui::Modal::new(egui::Id::unique("typed-path")).show(ctx, |ui| {
            ui.heading(title);
            ui.label(t.no_dialog);
            if prompt.purpose == DialogPurpose::ImportTableFiles {
                ui.label(t.several_files);
            }
            let label = ui.label(t.path_label);
            let edit = ui
                .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(480.0))
                .labelled_by(label.id);
            if std::mem::take(&mut prompt.focus) {
                edit.request_focus();
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if (ui.button(t.confirm).clicked() || entered) && !prompt.text.trim().is_empty() {
                    // Several files may be given, separated by ';'.
                    let paths = prompt
                        .text
                        .split(';')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(PathBuf::from)
                        .collect();
                    result = Some((prompt.purpose, paths));
                    close = true;
                }
                if ui.button(t.cancel).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    close = true;
                }
            });
        });
        if close {
            self.typed = None;
        }
        result
    }
}
