//! Resource sheets ("Fiches"), per organisation: what it offers and what it needs.

use egui::{RichText, Ui};
use uuid::Uuid;

use crate::model::text::fold;
use crate::model::{Action, Direction, Fiche};
use crate::ui::ViewCtx;
use crate::ui::command::Command;
use crate::ui::widgets::Named;

#[derive(Default)]
pub struct FichesView {
    selected: Option<Uuid>,
    filter: String,
    editing: Option<Fiche>,
}

impl FichesView {
    /// The organisation whose sheets are shown, for the new-sheet entry.
    pub fn selected_organisation(&self) -> Option<Uuid> {
        self.selected
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        egui::Panel::left("fiche-organisations")
            .default_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                ui.heading(t.organisations);
                let label = ui.label(t.filter);
                ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(240.0))
                    .labelled_by(label.id);
                let folded = fold(&self.filter);
                let orgs: Vec<_> = session
                    .organisations
                    .iter()
                    .filter(|o| folded.is_empty() || fold(&o.name).contains(&folded))
                    .collect();
                egui::ScrollArea::vertical()
                    .id_salt("fiche-orgs")
                    .auto_shrink(false)
                    .show_rows(ui, 22.0, orgs.len(), |ui, range| {
                        for org in &orgs[range] {
                            let count = session
                                .fiches
                                .iter()
                                .filter(|f| f.organisation == org.id)
                                .count();
                            if ui
                                .selectable_label(
                                    self.selected == Some(org.id),
                                    format!("{} ({count})", org.name),
                                )
                                .clicked()
                            {
                                self.selected = Some(org.id);
                                self.editing = None;
                            }
                        }
                    });
            });

        if self
            .selected
            .is_none_or(|id| session.organisation(id).is_none())
        {
            self.selected = session.organisations.first().map(|o| o.id);
        }
        let Some(org) = self.selected.and_then(|id| session.organisation(id)) else {
            ui.label(t.select_an_organisation);
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(&org.name);
            if ui
                .button(format!("+ {}", Command::NewFiche.label(cx.language)))
                .on_hover_text(Command::NewFiche.shortcut_text(ui.ctx()))
                .clicked()
            {
                cx.intents
                    .push(crate::ui::Intent::Command(Command::NewFiche));
            }
        });
        ui.label(RichText::new(format!("{} · {}", org.sector, org.town)).weak());
        ui.separator();
        ui.columns(2, |columns| {
            for (column, direction, title) in [
                (0, Direction::Offer, t.offers),
                (1, Direction::Need, t.needs),
            ] {
                let ui = &mut columns[column];
                ui.heading(title);
                for fiche in session
                    .fiches
                    .iter()
                    .filter(|f| f.organisation == org.id && f.direction == direction)
                {
                    let category = session
                        .category(&fiche.category)
                        .map_or("", |c| c.label(cx.language));
                    ui.horizontal_wrapped(|ui| {
                        if ui.small_button("×").on_hover_text(t.delete).clicked() {
                            cx.apply(Action::RemoveFiche(fiche.id));
                        }
                        if ui.small_button(t.edit).clicked() {
                            self.editing = Some(fiche.clone());
                        }
                        ui.label(RichText::new(&fiche.resource).strong());
                        ui.label(
                            RichText::new(format!(
                                "{} {} {} · {category}",
                                fiche.quantity, fiche.unit, fiche.frequency
                            ))
                            .weak(),
                        );
                    });
                }
            }
        });
        if let Some(editing) = &mut self.editing {
            ui.separator();
            let mut apply = false;
            egui::Grid::new("fiche-edit").num_columns(2).show(ui, |ui| {
                for (label, text) in [
                    (t.resource, &mut editing.resource),
                    (t.quantity, &mut editing.quantity),
                    (t.unit, &mut editing.unit),
                    (t.frequency, &mut editing.frequency),
                    (t.notes, &mut editing.notes),
                ] {
                    let label = ui.label(label);
                    let edit = ui
                        .add(egui::TextEdit::singleline(text).desired_width(300.0))
                        .labelled_by(label.id);
                    apply |= edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.end_row();
                }
                ui.label(t.direction);
                ui.horizontal(|ui| {
                    for d in [Direction::Offer, Direction::Need] {
                        ui.radio_value(&mut editing.direction, d, d.label(cx.language));
                    }
                });
                ui.end_row();
                ui.label(t.category);
                egui::ComboBox::from_id_salt("fiche-category")
                    .selected_text(
                        session
                            .category(&editing.category)
                            .map_or("", |c| c.label(cx.language)),
                    )
                    .show_ui(ui, |ui| {
                        for c in &session.categories {
                            ui.selectable_value(
                                &mut editing.category,
                                c.key.clone(),
                                c.label(cx.language),
                            );
                        }
                    })
                    .named(t.category);
                ui.end_row();
            });
            ui.horizontal(|ui| {
                if ui.button(t.apply).clicked() {
                    apply = true;
                }
                if ui.button(t.close).clicked() {
                    self.editing = None;
                }
            });
            if apply && let Some(editing) = self.editing.take() {
                cx.apply(Action::UpdateFiche(editing));
            }
        }
    }
}
