//! Preparation: the session's details, facilitators, tables, categories, and the
//! organisations (add, edit, delete, spreadsheet import).

use std::collections::HashMap;

use egui::{Key, RichText, Ui};
use uuid::Uuid;

use super::draft::{Draft, FieldSpec, date_text, field_specs};
use super::ideas::due_from_text;
use super::table::TableState;
use crate::model::{Action, Category, Facilitator, Field, Language, Session, SessionInfo, Table};
use crate::ui::command::Command;
use crate::ui::i18n::Tr;
use crate::ui::widgets::{Named, field_ui};
use crate::ui::{Intent, ViewCtx};

mod organisations;

use organisations::{ORGANISATION_FIELDS, OrganisationDraft};

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

struct InfoDraft {
    draft: Draft<SessionInfo>,
    date_text: String,
}

impl InfoDraft {
    fn invalid(&self, t: &Tr) -> Vec<(Field, &'static str)> {
        let title = (Field::SessionTitle, self.draft.edit.title.as_str());
        super::draft::title_and_date_problems(t, title, (Field::Date, &self.date_text))
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
    /// The organisations table's sort and fitted width.
    table: TableState,
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
        crate::ui::widgets::editor_panel_ui(ui, "organisation-editor", 360.0, |ui| {
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
            let edit = field_ui(ui, label, text, ("session-info", field.word(Language::En)));
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
                    let mut left = false;
                    let labels = [
                        ("category-fr", &mut draft.edit.label_fr, fr_header.id),
                        ("category-en", &mut draft.edit.label_en, en_header.id),
                    ];
                    for (salt, label, header) in labels {
                        let edit = egui::TextEdit::singleline(label)
                            .id_salt((salt, c.id))
                            .desired_width(130.0);
                        left |= ui.add(edit).labelled_by(header).lost_focus();
                    }
                    if left && let Some(action) = commit_category(draft, c) {
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
