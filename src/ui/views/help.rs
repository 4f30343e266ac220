//! The help window (every command and its shortcuts) and the spreadsheet import window.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::model::Language;
use crate::ui::Intent;
use crate::ui::command::{Command, CommandState, ImportSlot};
use crate::ui::i18n::Tr;

/// Every command with its shortcuts; those that cannot run now are greyed out.
pub fn help_ui(ui: &mut Ui, t: &Tr, language: Language, state: &CommandState) {
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
                    for command in Command::all() {
                        let label = RichText::new(command.label(language));
                        ui.label(if command.available(state) {
                            label
                        } else {
                            label.weak()
                        });
                        let keys: Vec<String> = command
                            .shortcuts()
                            .iter()
                            .map(|s| ui.ctx().format_shortcut(s))
                            .collect();
                        ui.label(if keys.is_empty() {
                            t.palette_only.to_owned()
                        } else {
                            keys.join("  /  ")
                        });
                        ui.end_row();
                    }
                });
        });
}

/// Choose up to three CSV files, then import them (all or nothing).
pub fn import_ui(
    ui: &mut Ui,
    t: &Tr,
    language: Language,
    files: &mut [Option<PathBuf>; 3],
    intents: &mut Vec<Intent>,
) {
    ui.label(t.import_hint);
    ui.separator();
    egui::Grid::new("import-files")
        .num_columns(3)
        .show(ui, |ui| {
            for (label, slot) in [
                (t.import_organisations, ImportSlot::Organisations),
                (t.import_fiches, ImportSlot::Fiches),
                (t.import_ideas, ImportSlot::Ideas),
            ] {
                let label = ui.label(label);
                let file = &mut files[slot.index()];
                let mut text = file
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(360.0))
                    .labelled_by(label.id);
                if edit.changed() {
                    *file = (!text.trim().is_empty()).then(|| PathBuf::from(text.trim()));
                }
                let choose = Command::ChooseImportFile(slot);
                if ui
                    .button(t.choose_file)
                    .on_hover_text(choose.label(language))
                    .clicked()
                {
                    intents.push(Intent::Command(choose));
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
        intents.push(Intent::Command(Command::RunImport));
    }
}
