//! The organisations of Préparation: their sortable table, with counts of resource
//! sheets and ideas, and the editor of the one selected (saved as each field is left).

use std::collections::HashMap;

use egui::Ui;
use uuid::Uuid;

use super::super::draft::{Draft, FieldSpec, field_specs};
use super::super::table::{SortKey, TableSpec, sort_rows, sortable_table_ui};
use crate::model::b2b::TimeRange;
use crate::model::text::fold;
use crate::model::{Action, Attendance, Field, Language, Organisation, Session};
use crate::ui::command::Command;
use crate::ui::i18n::Tr;
use crate::ui::widgets::{editor_body_ui, enum_choice_ui, field_ui, id_names, optional_choice_ui};
use crate::ui::{Intent, ViewCtx};

use super::*;

/// The organisation's fields the editor changes.
pub(super) const ORGANISATION_FIELDS: &[FieldSpec<Organisation>] = field_specs!(Organisation {
    name => Field::Name,
    sector => Field::Sector,
    town => Field::Town,
    contact => Field::Contact,
    email => Field::Email,
    phone => Field::Phone,
    table => Field::Table,
    attendance => Field::Attendance,
    unavailable => Field::Unavailable,
});

/// An organisation being edited; `new` until the session has it.
pub(super) struct OrganisationDraft {
    pub(super) draft: Draft<Organisation>,
    pub(super) new: bool,
    /// The unavailable times as typed ("12:30-13:30, 16:00-16:20"), and the value that
    /// text was last made from or read as.
    pub(super) unavailable_text: String,
    pub(super) unavailable_seen: Vec<TimeRange>,
}

impl OrganisationDraft {
    pub(super) fn new(organisation: &Organisation, new: bool) -> Self {
        Self {
            draft: Draft::new(organisation),
            new,
            unavailable_text: TimeRange::list_text(&organisation.unavailable),
            unavailable_seen: organisation.unavailable.clone(),
        }
    }

    /// The field that cannot be saved as typed, and why.
    pub(super) fn invalid(&self, session: &Session, t: &Tr) -> Option<(Field, &'static str)> {
        let name = fold(&self.draft.edit.name);
        if name.trim().is_empty() {
            Some((Field::Name, t.empty_name))
        } else if session
            .organisations
            .iter()
            .any(|o| o.id != self.draft.edit.id && fold(&o.name) == name)
        {
            Some((Field::Name, t.duplicate_name))
        } else if TimeRange::parse_list(&self.unavailable_text).is_err() {
            Some((Field::Unavailable, t.bad_unavailable))
        } else {
            None
        }
    }

    /// True when leaving would lose something typed.
    pub(super) fn holds_typing(&self) -> bool {
        if self.new {
            let o = &self.draft.edit;
            [&o.name, &o.sector, &o.town, &o.contact, &o.email, &o.phone]
                .iter()
                .any(|s| !s.trim().is_empty())
        } else {
            !self.draft.changed(ORGANISATION_FIELDS).is_empty()
        }
    }
}

/// The text of an organisation's `column` in the table.
fn organisation_cell(
    session: &Session,
    org: &Organisation,
    column: usize,
    language: Language,
) -> String {
    match column {
        0 => org.name.clone(),
        1 => org.sector.clone(),
        2 => org.town.clone(),
        3 => org
            .table
            .and_then(|id| session.table(id))
            .map_or(String::new(), |t| t.name.clone()),
        _ => org.attendance.label(language).to_owned(),
    }
}

impl PreparationView {
    /// Saves the organisation's changed fields; a new one is added once it has a name.
    pub(super) fn commit_organisation(&mut self, cx: &mut ViewCtx) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        // Unavailable times typed but not yet left count, as the other fields do.
        if let Ok(ranges) = TimeRange::parse_list(&draft.unavailable_text) {
            draft.draft.edit.unavailable = ranges.clone();
            draft.unavailable_seen = ranges;
        }
        let invalid = draft.invalid(cx.session, cx.t);
        if draft.new {
            if invalid.is_none() {
                cx.apply(Action::AddOrganisation(draft.draft.edit.clone()));
                draft.new = false;
                draft.draft.base = draft.draft.edit.clone();
                self.selected = Some(draft.draft.edit.id);
            }
            return;
        }
        let Some(current) = cx.session.organisation(draft.draft.base.id) else {
            return;
        };
        let invalid: Vec<Field> = invalid.map(|(field, _)| field).into_iter().collect();
        if let Some(action) = draft.draft.commit(
            current,
            ORGANISATION_FIELDS,
            &invalid,
            Action::UpdateOrganisation,
        ) {
            cx.apply(action);
        }
    }

    /// Edits `next` (an organisation, or a new one) once the current one is saved; a
    /// name that cannot be saved keeps the editor where it is, and says why.
    pub(super) fn edit_organisation(&mut self, next: Option<Organisation>, cx: &mut ViewCtx) {
        self.commit_organisation(cx);
        if let Some(draft) = &self.draft
            && draft.holds_typing()
            && let Some((field, reason)) = draft.invalid(cx.session, cx.t)
        {
            let t = cx.t;
            cx.intents.push(Intent::Error(format!(
                "{}{}{} — {reason}",
                t.error,
                t.fix_before_leaving,
                field.word(cx.language)
            )));
            return;
        }
        let new = next
            .as_ref()
            .is_some_and(|o| cx.session.organisation(o.id).is_none());
        self.selected = next.as_ref().filter(|_| !new).map(|o| o.id);
        self.draft = next.map(|o| OrganisationDraft::new(&o, new));
    }

    pub(super) fn organisations_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let mut next: Option<Option<Organisation>> = None;
        ui.horizontal(|ui| {
            ui.heading(format!(
                "{} ({})",
                t.organisations,
                session.organisations.len()
            ));
            if ui.button(format!("+ {}", t.new_organisation)).clicked() {
                next = Some(Some(Organisation::new("")));
            }
            if ui
                .button(Command::ImportSpreadsheets.label(cx.language))
                .clicked()
            {
                cx.intents
                    .push(Intent::Command(Command::ImportSpreadsheets));
            }
        });
        // Each organisation's resource sheets and ideas, counted once a frame.
        let mut counts: HashMap<Uuid, (usize, usize)> = HashMap::new();
        for fiche in &session.fiches {
            counts.entry(fiche.organisation).or_default().0 += 1;
        }
        for idea in &session.ideas {
            for org in &idea.organisations {
                counts.entry(*org).or_default().1 += 1;
            }
        }
        let count = |id: Uuid| counts.get(&id).copied().unwrap_or_default();
        let mut rows: Vec<&Organisation> = session.organisations.iter().collect();
        sort_rows(&mut rows, self.table.sort, |o, column| match column {
            5 => SortKey::Number(count(o.id).0 as i64),
            6 => SortKey::Number(count(o.id).1 as i64),
            _ => SortKey::text(&organisation_cell(session, o, column, cx.language)),
        });
        let selected = self.selected;
        let clicked = sortable_table_ui(
            ui,
            &ORGANISATIONS_TABLE,
            t,
            &mut self.table,
            rows.len(),
            |index| {
                let org = rows.get(index).copied()?;
                let (fiches, ideas) = count(org.id);
                let cells = (0..ORGANISATIONS_TABLE.column_count())
                    .map(|column| match column {
                        5 => fiches.to_string(),
                        6 => ideas.to_string(),
                        _ => organisation_cell(session, org, column, cx.language),
                    })
                    .collect();
                Some((cells, selected == Some(org.id)))
            },
        );
        if let Some(org) = clicked.and_then(|index| rows.get(index)) {
            next = Some(Some((*org).clone()));
        }
        if let Some(next) = next
            && next.as_ref().map(|o| o.id) != self.draft.as_ref().map(|d| d.draft.edit.id)
        {
            self.edit_organisation(next, cx);
        }
    }

    pub(super) fn organisation_editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let Some(draft) = &mut self.draft else {
            ui.heading(t.edit_organisation);
            ui.label(t.select_an_organisation);
            return;
        };
        ui.heading(if draft.new {
            t.new_organisation
        } else {
            t.edit_organisation
        });
        // The unavailable times changed under the editor (an undo, a merge): shown anew.
        if draft.draft.edit.unavailable != draft.unavailable_seen {
            draft.unavailable_text = TimeRange::list_text(&draft.draft.edit.unavailable);
            draft.unavailable_seen = draft.draft.edit.unavailable.clone();
        }
        let invalid = draft.invalid(session, t);
        let before = draft.draft.edit.clone();
        let mut commit = false;
        let mut delete = false;
        editor_body_ui(ui, t, "organisation-editor-scroll", |ui| {
            let org = &mut draft.draft.edit;
            for (label, text, field) in [
                (t.name, &mut org.name, Field::Name),
                (t.sector, &mut org.sector, Field::Sector),
                (t.town, &mut org.town, Field::Town),
                (t.contact, &mut org.contact, Field::Contact),
                (t.email, &mut org.email, Field::Email),
                (t.phone, &mut org.phone, Field::Phone),
            ] {
                let edit = field_ui(
                    ui,
                    label,
                    text,
                    ("organisation-edit", field.word(Language::En)),
                );
                commit |= edit.lost_focus();
                if let Some((bad, reason)) = invalid
                    && bad == field
                {
                    ui.colored_label(ui.visuals().error_fg_color, reason);
                }
            }
            let edit = field_ui(
                ui,
                t.unavailable_times,
                &mut draft.unavailable_text,
                ("organisation-edit", Field::Unavailable.word(Language::En)),
            );
            if edit.lost_focus() {
                if let Ok(ranges) = TimeRange::parse_list(&draft.unavailable_text) {
                    org.unavailable = ranges.clone();
                    draft.unavailable_seen = ranges;
                }
                commit = true;
            }
            if let Some((Field::Unavailable, reason)) = invalid {
                ui.colored_label(ui.visuals().error_fg_color, reason);
            } else {
                ui.label(egui::RichText::new(t.unavailable_hint).weak());
            }
            ui.horizontal(|ui| {
                ui.label(t.table);
                let tables = id_names(session.tables.iter().map(|table| (table.id, &table.name)));
                optional_choice_ui(ui, "org-table", t.table, &mut org.table, t.none, &tables);
            });
            ui.horizontal(|ui| {
                ui.label(t.attendance);
                let options = Attendance::ALL.map(|a| (a, a.label(cx.language)));
                enum_choice_ui(
                    ui,
                    "org-attendance",
                    t.attendance,
                    &mut org.attendance,
                    &options,
                );
            });
            if !draft.new {
                ui.separator();
                delete = ui.button(t.delete).clicked();
            }
        });
        let org = &draft.draft.edit;
        commit |= (org.table, org.attendance) != (before.table, before.attendance);
        if delete {
            cx.apply(Action::RemoveOrganisation(draft.draft.base.id));
            self.selected = None;
            self.draft = None;
        } else if commit {
            self.commit_organisation(cx);
        }
    }
}

/// The organisations table's columns.
const ORGANISATIONS_TABLE: TableSpec = TableSpec {
    id: "organisations-table",
    headers: |t| {
        vec![
            t.name,
            t.sector,
            t.town,
            t.table,
            t.attendance,
            t.fiches_column,
            t.ideas_column,
        ]
    },
    columns: &[
        (0.26, 60.0),
        (0.18, 40.0),
        (0.14, 40.0),
        (0.1, 40.0),
        (0.12, 40.0),
        (0.08, 30.0),
    ],
    last_at_least: 30.0,
    row_height: 24.0,
};
