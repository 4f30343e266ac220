//! The help window (every shortcut) and the spreadsheet import window.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::model::Language;
use crate::ui::Intent;
use crate::ui::command::Command;
use crate::ui::dialogs::DialogPurpose;
use crate::ui::i18n::Tr;

/// Every command with its shortcuts.
pub fn help_ui(ui: &mut Ui, t: &Tr, language: Language) {
    ui.label(t.help_intro);
    ui.separator();
    egui::ScrollArea::vertical()
        .max_height(600.0)
        .show(ui, |ui| {
            egui::Grid::new("shortcuts")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label(RichText::new(t.action).strong());
                    ui.label(RichText::new(t.shortcut).strong());
                    ui.end_row();
                    for command in Command::ALL {
                        ui.label(command.label(language));
                        let keys: Vec<String> = command
                            .shortcuts()
                            .iter()
                            .map(|s| ui.ctx().format_shortcut(s))
                            .collect();
                        ui.label(keys.join("  /  "));
                        ui.end_row();
                    }
                });
        });
}

/// Choose up to three CSV files, then import them (all or nothing).
pub fn import_ui(ui: &mut Ui, t: &Tr, files: &mut [Option<PathBuf>; 3], intents: &mut Vec<Intent>) {
    ui.label(t.import_hint);
    ui.separator();
    egui::Grid::new("import-files")
        .num_columns(3)
        .show(ui, |ui| {
            for (i, (label, purpose)) in [
                (t.import_organisations, DialogPurpose::ImportOrganisations),
                (t.import_fiches, DialogPurpose::ImportFiches),
                (t.import_ideas, DialogPurpose::ImportIdeas),
            ]
            .into_iter()
            .enumerate()
            {
                let label = ui.label(label);
                let mut text = files[i]
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(360.0))
                    .labelled_by(label.id);
                if edit.changed() {
                    files[i] = (!text.trim().is_empty()).then(|| PathBuf::from(text.trim()));
                }
                if ui.button(t.choose_file).clicked() {
                    intents.push(Intent::ChooseFile(purpose));
                }
                ui.end_row();
            }
        });
    ui.separator();
    let any = files.iter().any(Option::is_some);
    if ui
        .add_enabled(any, egui::Button::new(t.import_do))
        .clicked()
    {
        intents.push(Intent::Import {
            organisations: files[0].clone(),
            fiches: files[1].clone(),
            ideas: files[2].clone(),
        });
    }
}
