//! Resource sheets ("Fiches"): what each organisation offers and needs, in a sortable
//! table (one organisation's or all of them), and an editor for the sheet selected
//! whose fields are saved as soon as they are left.

use egui::{RichText, Ui};
use uuid::Uuid;

use super::draft::{Draft, FieldSpec, field_specs};
use super::suggestions::{Scope, SuggestionsPanel};
use super::table::{SortKey, TableSpec, TableState, sort_rows, sortable_table_ui};
use crate::model::text::fold;
use crate::model::{Action, Direction, Fiche, Field, Session};
use crate::ui::command::Command;
use crate::ui::widgets::Named;
use crate::ui::widgets::{
    editor_body_ui, editor_heading_ui, editor_panel_ui, field_ui, notes_field_ui,
};
use crate::ui::{Intent, ViewCtx};

/// The fields the sheet editor changes.
const FICHE_FIELDS: &[FieldSpec<Fiche>] = field_specs!(Fiche {
    direction => Field::Direction,
    category => Field::Category,
    resource => Field::Resource,
    quantity => Field::Quantity,
    unit => Field::Unit,
    frequency => Field::Frequency,
    notes => Field::Notes,
});

const ROW_HEIGHT: f32 = 24.0;

#[derive(Default)]
pub struct FichesView {
    /// The organisation whose sheets are listed; `None`: every organisation's.
    selected: Option<Uuid>,
    filter: String,
    /// The sheet being edited.
    editing: Option<Draft<Fiche>>,
    /// The table's sort and fitted width.
    table: TableState,
}

impl FichesView {
    /// The organisation whose sheets are shown, for the new-sheet entry.
    pub fn selected_organisation(&self) -> Option<Uuid> {
        self.selected
    }

    /// Saves what the editor holds (before the view changes, a save, a close).
    pub fn flush(&mut self, cx: &mut ViewCtx) {
        self.commit(cx);
    }

    fn commit(&mut self, cx: &mut ViewCtx) {
        let Some(draft) = &mut self.editing else {
            return;
        };
        let Some(current) = cx.session.fiche(draft.base.id) else {
            return;
        };
        let invalid = invalid_fields(&draft.edit);
        if let Some(action) = draft.commit(current, FICHE_FIELDS, &invalid, Action::UpdateFiche) {
            cx.apply(action);
        }
    }

    /// Edits `id` once the sheet being edited is saved; an empty resource keeps the
    /// editor where it is, and says why.
    fn edit(&mut self, id: Option<Uuid>, cx: &mut ViewCtx) {
        if self.editing.as_ref().map(|d| d.base.id) == id {
            return;
        }
        self.commit(cx);
        if let Some(draft) = &self.editing
            && !invalid_fields(&draft.edit).is_empty()
            && cx.session.fiche(draft.base.id).is_some()
        {
            let t = cx.t;
            cx.intents.push(Intent::Error(format!(
                "{}{}{} — {}",
                t.error,
                t.fix_before_leaving,
                Field::Resource.word(cx.language),
                t.empty_resource
            )));
            return;
        }
        self.editing = id.and_then(|id| cx.session.fiche(id)).map(Draft::new);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, suggestions: &mut SuggestionsPanel) {
        let session = cx.session;
        if self
            .selected
            .is_some_and(|id| session.organisation(id).is_none())
        {
            self.selected = None;
        }
        match self.editing.as_mut().map(|d| (session.fiche(d.base.id), d)) {
            Some((Some(current), draft)) => {
                draft.rebase(current, FICHE_FIELDS);
            }
            Some((None, _)) => self.editing = None,
            None => {}
        }
        egui::Panel::left("fiche-organisations")
            .default_size(280.0)
            .resizable(true)
            .show(ui, |ui| self.organisations_ui(ui, cx));
        editor_panel_ui(ui, "fiche-editor", 360.0, |ui| self.editor_ui(ui, cx));
        // The editing sheet's suggestions, or every sheet's.
        let scope = match self.editing.as_ref().map(|d| d.base.id) {
            Some(id) => Scope::Fiche(id),
            None => Scope::All,
        };
        egui::Panel::bottom("fiche-suggestions")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| suggestions.ui(ui, cx, scope));
        // What is left: the sheets' table, clipped to it (the table's column lines
        // would otherwise run down through the suggestions).
        egui::CentralPanel::default().show(ui, |ui| self.fiches_table_ui(ui, cx));
    }

    /// The heading, then the table of the selected organisation's sheets (or of all).
    fn fiches_table_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let org = self.selected.and_then(|id| session.organisation(id));
        ui.horizontal(|ui| {
            ui.heading(org.map_or(t.all_organisations, |o| o.name.as_str()));
            if ui
                .button(format!("+ {}", Command::NewFiche.label(cx.language)))
                .on_hover_text(Command::NewFiche.shortcut_text(ui.ctx()))
                .clicked()
            {
                cx.intents.push(Intent::Command(Command::NewFiche));
            }
        });
        if let Some(org) = org {
            ui.label(RichText::new(format!("{} · {}", org.sector, org.town)).weak());
        }
        let mut rows: Vec<&Fiche> = session
            .fiches
            .iter()
            .filter(|f| self.selected.is_none_or(|o| f.organisation == o))
            .collect();
        sort_rows(&mut rows, self.table.sort, |f, column| {
            let text = cell_text(session, f, column, cx.language);
            // Quantities as numbers where they are ("2,5" before "10").
            match text.trim().replace(',', ".").parse::<f64>() {
                Ok(n) if column == 4 && n.is_finite() => SortKey::Number((n * 1000.0) as i64),
                _ => SortKey::text(&text),
            }
        });
        ui.label(t.counts.fiches.count(cx.language, rows.len()));
        ui.separator();
        let editing = self.editing.as_ref().map(|d| d.base.id);
        let clicked =
            sortable_table_ui(ui, &FICHES_TABLE, t, &mut self.table, rows.len(), |index| {
                let fiche = rows.get(index)?;
                let cells = (0..FICHES_TABLE.column_count())
                    .map(|column| cell_text(session, fiche, column, cx.language))
                    .collect();
                Some((cells, editing == Some(fiche.id)))
            })
            .and_then(|index| rows.get(index).map(|f| f.id));
        if let Some(id) = clicked {
            self.edit(Some(id), cx);
        }
    }

    fn organisations_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        ui.heading(t.organisations);
        let label = ui.label(t.filter);
        ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if ui
            .selectable_label(self.selected.is_none(), t.all_organisations)
            .clicked()
        {
            self.selected = None;
        }
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
                    let response = ui
                        .add(
                            egui::Button::selectable(
                                self.selected == Some(org.id),
                                format!("{} ({count})", org.name),
                            )
                            .truncate(),
                        )
                        .on_hover_text(&org.name);
                    if response.clicked() {
                        self.selected = Some(org.id);
                    }
                }
            });
    }

    fn editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let Some(draft) = editor_heading_ui(ui, t.edit_fiche, t.select_a_fiche, &mut self.editing)
        else {
            return;
        };
        let before = draft.edit.clone();
        let mut commit = false;
        let mut delete = false;
        let mut close = false;
        editor_body_ui(ui, t, "fiche-editor-scroll", |ui| {
            let fiche = &mut draft.edit;
            if let Some(org) = session.organisation(fiche.organisation) {
                ui.label(RichText::new(&org.name).strong());
            }
            for (label, text, field) in [
                (t.resource, &mut fiche.resource, Field::Resource),
                (t.quantity, &mut fiche.quantity, Field::Quantity),
                (t.unit, &mut fiche.unit, Field::Unit),
                (t.frequency, &mut fiche.frequency, Field::Frequency),
            ] {
                let edit = field_ui(ui, label, text, ("fiche-edit", field.word(cx.language)));
                commit |= edit.lost_focus();
                if field == Field::Resource && text.trim().is_empty() {
                    ui.colored_label(ui.visuals().error_fg_color, t.empty_resource);
                }
            }
            commit |=
                notes_field_ui(ui, t.notes, &mut fiche.notes, "fiche-edit-notes").lost_focus();
            ui.horizontal(|ui| {
                ui.label(t.direction);
                for d in [Direction::Offer, Direction::Need] {
                    ui.radio_value(&mut fiche.direction, d, d.label(cx.language));
                }
            });
            ui.horizontal(|ui| {
                ui.label(t.category);
                egui::ComboBox::from_id_salt("fiche-category")
                    .selected_text(
                        session
                            .category(&fiche.category)
                            .map_or("", |c| c.label(cx.language)),
                    )
                    .show_ui(ui, |ui| {
                        for c in &session.categories {
                            ui.selectable_value(
                                &mut fiche.category,
                                c.key.clone(),
                                c.label(cx.language),
                            );
                        }
                    })
                    .named(t.category);
            });
            ui.separator();
            ui.horizontal(|ui| {
                delete = ui.button(t.delete).clicked();
                close = ui.button(t.close).clicked();
            });
        });
        commit |=
            (draft.edit.direction, &draft.edit.category) != (before.direction, &before.category);
        if commit {
            self.commit(cx);
        }
        if delete && let Some(draft) = self.editing.take() {
            cx.apply(Action::RemoveFiche(draft.base.id));
        } else if close {
            self.edit(None, cx);
        }
    }
}

/// The sheet's empty required fields.
fn invalid_fields(fiche: &Fiche) -> Vec<Field> {
    if fiche.resource.trim().is_empty() {
        vec![Field::Resource]
    } else {
        Vec::new()
    }
}

/// The text of a sheet's `column` in the table.
fn cell_text(
    session: &Session,
    fiche: &Fiche,
    column: usize,
    language: crate::model::Language,
) -> String {
    match column {
        0 => session
            .organisation(fiche.organisation)
            .map_or(String::new(), |o| o.name.clone()),
        1 => fiche.direction.label(language).to_owned(),
        2 => fiche.resource.clone(),
        3 => session
            .category(&fiche.category)
            .map_or(fiche.category.clone(), |c| c.label(language).to_owned()),
        4 => fiche.quantity.clone(),
        5 => fiche.unit.clone(),
        _ => fiche.frequency.clone(),
    }
}

/// The resource sheets table's columns.
const FICHES_TABLE: TableSpec = TableSpec {
    id: "fiches-table",
    headers: |t| {
        vec![
            t.organisation,
            t.direction,
            t.resource,
            t.category,
            t.quantity,
            t.unit,
            t.frequency,
        ]
    },
    columns: &[
        (0.2, 60.0),
        (0.08, 40.0),
        (0.26, 60.0),
        (0.16, 40.0),
        (0.08, 30.0),
        (0.08, 30.0),
    ],
    last_at_least: 40.0,
    row_height: ROW_HEIGHT,
};
