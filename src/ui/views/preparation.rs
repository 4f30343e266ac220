//! Preparation: the session's details, facilitators, tables, categories, and the
//! organisations (add, edit, delete, spreadsheet import).

use std::collections::HashMap;

use egui::{Key, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use uuid::Uuid;

use super::draft::{Draft, FieldSpec, date_text, field_specs};
use super::ideas::due_from_text;
use super::table::{Sort, SortKey, cell_ui, fit_columns, sort_header_ui, sort_rows};
use crate::model::text::fold;
use crate::model::{
    Action, Attendance, Category, Facilitator, Field, Language, Organisation, Session, SessionInfo,
    Table,
};
use crate::ui::command::Command;
use crate::ui::i18n::Tr;
use crate::ui::widgets::Named;
use crate::ui::{Intent, ViewCtx};

/// The session's details the editor changes.
const INFO_FIELDS: &[FieldSpec<SessionInfo>] = field_specs!(SessionInfo {
    title => Field::SessionTitle,
    venue => Field::Venue,
    organiser => Field::Organiser,
    date => Field::Date,
    language => Field::Language,
});

/// A category's labels, as the categories' grid edits them.
const CATEGORY_FIELDS: &[FieldSpec<Category>] = field_specs!(Category {
    label_fr => Field::LabelFr,
    label_en => Field::LabelEn,
});

/// The action saving a category's changed labels (an empty French label is not saved).
fn commit_category(draft: &mut Draft<Category>, current: &Category) -> Option<Action> {
    let invalid = if draft.edit.label_fr.trim().is_empty() {
        vec![Field::LabelFr]
    } else {
        Vec::new()
    };
    draft.commit(current, CATEGORY_FIELDS, &invalid, Action::UpdateCategory)
}

/// The organisation's fields the editor changes.
const ORGANISATION_FIELDS: &[FieldSpec<Organisation>] = field_specs!(Organisation {
    name => Field::Name,
    sector => Field::Sector,
    town => Field::Town,
    contact => Field::Contact,
    email => Field::Email,
    phone => Field::Phone,
    table => Field::Table,
    attendance => Field::Attendance,
});

struct InfoDraft {
    draft: Draft<SessionInfo>,
    date_text: String,
}

impl InfoDraft {
    fn invalid(&self, t: &Tr) -> Vec<(Field, &'static str)> {
        let mut invalid = Vec::new();
        if self.draft.edit.title.trim().is_empty() {
            invalid.push((Field::SessionTitle, t.empty_title));
        }
        if due_from_text(&self.date_text).is_err() {
            invalid.push((Field::Date, t.bad_date));
        }
        invalid
    }
}

/// An organisation being edited; `new` until the session has it.
struct OrganisationDraft {
    draft: Draft<Organisation>,
    new: bool,
}

impl OrganisationDraft {
    fn invalid(&self, session: &Session, t: &Tr) -> Option<&'static str> {
        let name = fold(&self.draft.edit.name);
        if name.trim().is_empty() {
            Some(t.empty_name)
        } else if session
            .organisations
            .iter()
            .any(|o| o.id != self.draft.edit.id && fold(&o.name) == name)
        {
            Some(t.duplicate_name)
        } else {
            None
        }
    }

    /// True when leaving would lose something typed.
    fn holds_typing(&self) -> bool {
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

#[derive(Default)]
pub struct PreparationView {
    info: Option<InfoDraft>,
    new_facilitator: String,
    new_table: String,
    new_category: (String, String, String),
    /// Labels being edited, by category.
    category_drafts: HashMap<Uuid, Draft<Category>>,
    selected: Option<Uuid>,
    draft: Option<OrganisationDraft>,
    sort: Option<Sort>,
    /// The table's width last frame (see [`fit_columns`]).
    table_width: f32,
}

impl PreparationView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        self.sync(cx.session);
        egui::Panel::left("session-details")
            .default_size(380.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("prep-left")
                    .show(ui, |ui| {
                        self.details_ui(ui, cx);
                        ui.separator();
                        self.facilitators_ui(ui, cx);
                        ui.separator();
                        self.tables_ui(ui, cx);
                        ui.separator();
                        self.categories_ui(ui, cx);
                    });
            });
        egui::Panel::right("organisation-editor")
            .default_size(360.0)
            .resizable(true)
            .show(ui, |ui| {
                ui.set_min_width(ui.available_width());
                self.organisation_editor_ui(ui, cx);
            });
        self.organisations_ui(ui, cx);
    }

    /// Saves what the editors hold (before the view changes, a save, a close).
    pub fn flush(&mut self, cx: &mut ViewCtx) {
        self.commit_info(cx);
        self.commit_organisation(cx);
        for c in &cx.session.categories {
            if let Some(action) = self
                .category_drafts
                .get_mut(&c.id)
                .and_then(|draft| commit_category(draft, c))
            {
                cx.apply(action);
            }
        }
    }

    /// Keeps the drafts in step with the session (undo, a merge, an import).
    fn sync(&mut self, session: &Session) {
        let info = &session.info;
        match &mut self.info {
            None => {
                self.info = Some(InfoDraft {
                    draft: Draft::new(info),
                    date_text: date_text(info.date),
                });
            }
            Some(draft) => {
                let untouched = due_from_text(&draft.date_text) == Ok(draft.draft.base.date);
                if draft.draft.rebase(info, INFO_FIELDS) && untouched {
                    draft.date_text = date_text(draft.draft.edit.date);
                }
            }
        }
        if let Some(draft) = &mut self.draft
            && !draft.new
        {
            match session.organisation(draft.draft.base.id) {
                Some(current) => {
                    draft.draft.rebase(current, ORGANISATION_FIELDS);
                }
                None => {
                    self.draft = None;
                    self.selected = None;
                }
            }
        }
    }

    fn commit_info(&mut self, cx: &mut ViewCtx) {
        let Some(draft) = &mut self.info else {
            return;
        };
        let invalid: Vec<Field> = draft.invalid(cx.t).into_iter().map(|(f, _)| f).collect();
        if let Some(action) = draft.draft.commit(
            &cx.session.info,
            INFO_FIELDS,
            &invalid,
            Action::EditSessionInfo,
        ) {
            cx.apply(action);
        }
    }

    /// Saves the organisation's changed fields; a new one is added once it has a name.
    fn commit_organisation(&mut self, cx: &mut ViewCtx) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        let invalid = draft.invalid(cx.session, cx.t).is_some();
        if draft.new {
            if !invalid {
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
        let invalid = if invalid {
            vec![Field::Name]
        } else {
            Vec::new()
        };
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
    fn edit_organisation(&mut self, next: Option<Organisation>, cx: &mut ViewCtx) {
        self.commit_organisation(cx);
        if let Some(draft) = &self.draft
            && draft.holds_typing()
            && let Some(reason) = draft.invalid(cx.session, cx.t)
        {
            let t = cx.t;
            cx.intents.push(Intent::Error(format!(
                "{}{}{} — {reason}",
                t.error,
                t.fix_before_leaving,
                Field::Name.word(cx.language)
            )));
            return;
        }
        let new = next
            .as_ref()
            .is_some_and(|o| cx.session.organisation(o.id).is_none());
        self.selected = next.as_ref().filter(|_| !new).map(|o| o.id);
        self.draft = next.map(|o| OrganisationDraft {
            draft: Draft::new(&o),
            new,
        });
    }

    fn details_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let Some(draft) = &mut self.info else {
            return;
        };
        ui.heading(t.session_details);
        let invalid = draft.invalid(t);
        let reason = |field: Field| invalid.iter().find(|(f, _)| *f == field).map(|(_, r)| *r);
        let language_before = draft.draft.edit.language;
        let mut commit = false;
        for (label, text, field) in [
            (
                t.session_title,
                &mut draft.draft.edit.title,
                Field::SessionTitle,
            ),
            (t.venue, &mut draft.draft.edit.venue, Field::Venue),
            (
                t.organiser,
                &mut draft.draft.edit.organiser,
                Field::Organiser,
            ),
        ] {
            let label = ui.label(label);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .id_salt(("session-info", field.word(Language::En)))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            commit |= edit.lost_focus();
            if let Some(reason) = reason(field) {
                ui.colored_label(ui.visuals().error_fg_color, reason);
            }
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t.date);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.date_text)
                        .id_salt("session-info-date")
                        .hint_text(t.due_hint)
                        .desired_width(110.0),
                )
                .labelled_by(label.id);
            commit |= edit.lost_focus();
            match due_from_text(&draft.date_text) {
                Ok(date) => draft.draft.edit.date = date,
                Err(()) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!("{} ({})", t.bad_date, t.not_saved_until_fixed),
                    );
                }
            }
        });
        ui.horizontal(|ui| {
            ui.label(t.language);
            ui.radio_value(&mut draft.draft.edit.language, Language::Fr, "Français");
            ui.radio_value(&mut draft.draft.edit.language, Language::En, "English");
        });
        commit |= draft.draft.edit.language != language_before;
        if commit {
            self.commit_info(cx);
        }
    }

    fn facilitators_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let heading = ui.heading(t.facilitators);
        for f in &cx.session.facilitators {
            ui.horizontal(|ui| {
                if ui.small_button("×").on_hover_text(t.delete).clicked() {
                    cx.apply(Action::RemoveFacilitator(f.id));
                }
                ui.label(&f.name);
            });
        }
        if add_field_ui(
            ui,
            heading.id,
            t.add,
            t.new_name_hint,
            &mut self.new_facilitator,
        ) {
            cx.apply(Action::AddFacilitator(Facilitator::new(
                self.new_facilitator.trim(),
            )));
            self.new_facilitator.clear();
        }
    }

    fn tables_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let heading = ui.heading(t.tables);
        for table in &session.tables {
            ui.horizontal(|ui| {
                if ui.small_button("×").on_hover_text(t.delete).clicked() {
                    cx.apply(Action::RemoveTable(table.id));
                }
                ui.label(&table.name);
                let mut facilitator = table.facilitator;
                egui::ComboBox::from_id_salt(("table-facilitator", table.id))
                    .selected_text(
                        facilitator
                            .and_then(|f| session.facilitator(f))
                            .map_or(t.none, |f| f.name.as_str()),
                    )
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut facilitator, None, t.none);
                        for f in &session.facilitators {
                            ui.selectable_value(&mut facilitator, Some(f.id), &f.name);
                        }
                    })
                    .named(t.facilitator);
                if facilitator != table.facilitator {
                    let mut table = table.clone();
                    table.facilitator = facilitator;
                    cx.apply(Action::UpdateTable(table));
                }
            });
        }
        if !session.tables.is_empty()
            && ui
                .button(Command::PrepareTableCopies.label(cx.language))
                .clicked()
        {
            cx.intents
                .push(Intent::Command(Command::PrepareTableCopies));
        }
        if add_field_ui(ui, heading.id, t.add, t.new_name_hint, &mut self.new_table) {
            let name = self.new_table.trim();
            let name = if name.chars().all(|c| c.is_ascii_digit()) {
                format!("Table {name}")
            } else {
                name.to_owned()
            };
            cx.apply(Action::AddTable(Table::new(name)));
            self.new_table.clear();
        }
    }

    fn categories_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        ui.heading(t.categories);
        egui::Grid::new("categories")
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                let key_header = ui.label(RichText::new(t.category_key).strong());
                let fr_header = ui.label(RichText::new(t.label_fr).strong());
                let en_header = ui.label(RichText::new(t.label_en).strong());
                ui.label("");
                ui.end_row();
                for c in &cx.session.categories {
                    ui.label(&c.key);
                    let draft = self
                        .category_drafts
                        .entry(c.id)
                        .or_insert_with(|| Draft::new(c));
                    draft.rebase(c, CATEGORY_FIELDS);
                    let a = ui
                        .add(
                            egui::TextEdit::singleline(&mut draft.edit.label_fr)
                                .id_salt(("category-fr", c.id))
                                .desired_width(130.0),
                        )
                        .labelled_by(fr_header.id);
                    let b = ui
                        .add(
                            egui::TextEdit::singleline(&mut draft.edit.label_en)
                                .id_salt(("category-en", c.id))
                                .desired_width(130.0),
                        )
                        .labelled_by(en_header.id);
                    if (a.lost_focus() || b.lost_focus())
                        && let Some(action) = commit_category(draft, c)
                    {
                        cx.apply(action);
                    }
                    if ui.small_button("×").on_hover_text(t.delete).clicked() {
                        cx.apply(Action::RemoveCategory(c.id));
                    }
                    ui.end_row();
                }
                let (key, fr, en) = &mut self.new_category;
                ui.add(
                    egui::TextEdit::singleline(key)
                        .hint_text(t.category_key)
                        .desired_width(80.0),
                )
                .labelled_by(key_header.id);
                ui.add(
                    egui::TextEdit::singleline(fr)
                        .hint_text(t.label_fr)
                        .desired_width(130.0),
                )
                .labelled_by(fr_header.id);
                ui.add(
                    egui::TextEdit::singleline(en)
                        .hint_text(t.label_en)
                        .desired_width(130.0),
                )
                .labelled_by(en_header.id);
                if ui.button(t.add).clicked() {
                    cx.apply(Action::AddCategory(Category::new(
                        key.trim(),
                        fr.trim(),
                        en.trim(),
                    )));
                    self.new_category = Default::default();
                }
                ui.end_row();
            });
    }

    fn organisations_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
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
        sort_rows(&mut rows, self.sort, |o, column| match column {
            5 => SortKey::Number(count(o.id).0 as i64),
            6 => SortKey::Number(count(o.id).1 as i64),
            _ => SortKey::text(&organisation_cell(session, o, column, cx.language)),
        });
        let headers = [
            t.name,
            t.sector,
            t.town,
            t.table,
            t.attendance,
            t.fiches_column,
            t.ideas_column,
        ];
        let width = ui.available_width();
        let selected = self.selected;
        let sort = &mut self.sort;
        let builder = TableBuilder::new(ui)
            .id_salt("organisations-table")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(width * 0.26).at_least(60.0).clip(true))
            .column(Column::initial(width * 0.18).at_least(40.0).clip(true))
            .column(Column::initial(width * 0.14).at_least(40.0).clip(true))
            .column(Column::initial(width * 0.1).at_least(40.0).clip(true))
            .column(Column::initial(width * 0.12).at_least(40.0).clip(true))
            .column(Column::initial(width * 0.08).at_least(30.0).clip(true))
            .column(Column::remainder().at_least(30.0).clip(true))
            .min_scrolled_height(0.0)
            .max_scroll_height(f32::INFINITY)
            .auto_shrink([false, false]);
        fit_columns(&builder, width, &mut self.table_width);
        builder
            .header(24.0, |mut header| {
                for (column, label) in headers.iter().enumerate() {
                    header.col(|ui| {
                        sort_header_ui(ui, label, t.sort_hint, column, sort);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let Some(org) = rows.get(row.index()).copied() else {
                        return;
                    };
                    row.set_selected(selected == Some(org.id));
                    let (fiches, ideas) = count(org.id);
                    for column in 0..headers.len() {
                        let text = match column {
                            5 => fiches.to_string(),
                            6 => ideas.to_string(),
                            _ => organisation_cell(session, org, column, cx.language),
                        };
                        row.col(|ui| {
                            if cell_ui(ui, &text).clicked() {
                                next = Some(Some(org.clone()));
                            }
                        });
                    }
                    if row.response().clicked() {
                        next = Some(Some(org.clone()));
                    }
                });
            });
        if let Some(next) = next
            && next.as_ref().map(|o| o.id) != self.draft.as_ref().map(|d| d.draft.edit.id)
        {
            self.edit_organisation(next, cx);
        }
    }

    fn organisation_editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
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
        ui.label(RichText::new(t.saved_as_you_go).weak());
        let invalid = draft.invalid(session, t);
        let before = draft.draft.edit.clone();
        let mut commit = false;
        let mut delete = false;
        egui::ScrollArea::vertical()
            .id_salt("organisation-editor-scroll")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let org = &mut draft.draft.edit;
                for (label, text, field) in [
                    (t.name, &mut org.name, Field::Name),
                    (t.sector, &mut org.sector, Field::Sector),
                    (t.town, &mut org.town, Field::Town),
                    (t.contact, &mut org.contact, Field::Contact),
                    (t.email, &mut org.email, Field::Email),
                    (t.phone, &mut org.phone, Field::Phone),
                ] {
                    let label = ui.label(label);
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .id_salt(("organisation-edit", field.word(Language::En)))
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    commit |= edit.lost_focus();
                    if field == Field::Name
                        && let Some(reason) = invalid
                    {
                        ui.colored_label(ui.visuals().error_fg_color, reason);
                    }
                }
                ui.horizontal(|ui| {
                    ui.label(t.table);
                    egui::ComboBox::from_id_salt("org-table")
                        .selected_text(
                            org.table
                                .and_then(|id| session.table(id))
                                .map_or(t.none, |t| t.name.as_str()),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut org.table, None, t.none);
                            for table in &session.tables {
                                ui.selectable_value(&mut org.table, Some(table.id), &table.name);
                            }
                        })
                        .named(t.table);
                });
                ui.horizontal(|ui| {
                    ui.label(t.attendance);
                    egui::ComboBox::from_id_salt("org-attendance")
                        .selected_text(org.attendance.label(cx.language))
                        .show_ui(ui, |ui| {
                            for a in Attendance::ALL {
                                ui.selectable_value(&mut org.attendance, a, a.label(cx.language));
                            }
                        })
                        .named(t.attendance);
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

/// A text field with an "Add" button; true when the user adds (Enter or click) a
/// non-empty name.
fn add_field_ui(ui: &mut Ui, label: egui::Id, add: &str, hint: &str, text: &mut String) -> bool {
    ui.horizontal(|ui| {
        let edit = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text(hint)
                    .desired_width(200.0),
            )
            .labelled_by(label);
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let clicked = ui.button(add).clicked();
        if entered {
            edit.request_focus();
        }
        (entered || clicked) && !text.trim().is_empty()
    })
    .inner
}
