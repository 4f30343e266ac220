//! Preparation: the session's details, facilitators, tables, categories, and the
//! organisations (add, edit, delete, spreadsheet import).

use egui::{Key, RichText, Sense, Ui};
use uuid::Uuid;

use crate::model::{
    Action, Attendance, Category, Facilitator, Language, Organisation, SessionInfo, Table,
};
use crate::ui::command::Command;
use crate::ui::widgets::Named;
use crate::ui::widgets::parse_user_date;
use crate::ui::{Intent, ViewCtx};

struct InfoDraft {
    info: SessionInfo,
    date_text: String,
}

#[derive(Default)]
pub struct PreparationView {
    info: Option<InfoDraft>,
    new_facilitator: String,
    new_table: String,
    new_category: (String, String, String),
    /// Labels being edited, by category.
    category_drafts: std::collections::HashMap<Uuid, (String, String)>,
    selected: Option<Uuid>,
    draft: Option<Organisation>,
}

impl PreparationView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
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
            .show(ui, |ui| self.organisation_editor_ui(ui, cx));
        self.organisations_ui(ui, cx);
    }

    fn details_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let info = &cx.session.info;
        if self
            .info
            .as_ref()
            .is_none_or(|d| d.info.modified != info.modified)
        {
            self.info = Some(InfoDraft {
                info: info.clone(),
                date_text: info
                    .date
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
            });
        }
        let Some(draft) = &mut self.info else {
            return;
        };
        ui.heading(t.session_details);
        let mut apply = false;
        egui::Grid::new("details").num_columns(2).show(ui, |ui| {
            for (label, text) in [
                (t.session_title, &mut draft.info.title),
                (t.venue, &mut draft.info.venue),
                (t.organiser, &mut draft.info.organiser),
            ] {
                let label = ui.label(label);
                let edit = ui
                    .add(egui::TextEdit::singleline(text).desired_width(240.0))
                    .labelled_by(label.id);
                apply |= edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.end_row();
            }
            let label = ui.label(t.date);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut draft.date_text)
                        .hint_text(t.due_hint)
                        .desired_width(120.0),
                )
                .labelled_by(label.id);
            apply |= edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.end_row();
            ui.label(t.language);
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.info.language, Language::Fr, "Français");
                ui.radio_value(&mut draft.info.language, Language::En, "English");
            });
            ui.end_row();
        });
        if ui.button(t.apply).clicked() {
            apply = true;
        }
        if apply {
            let date = if draft.date_text.trim().is_empty() {
                Some(None)
            } else {
                parse_user_date(&draft.date_text).map(Some)
            };
            match date {
                Some(date) => {
                    let mut info = draft.info.clone();
                    info.date = date;
                    cx.apply(Action::EditSessionInfo(info));
                }
                None => cx
                    .intents
                    .push(Intent::Error(format!("{}{}", t.error, t.bad_date))),
            }
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
                        .or_insert_with(|| (c.label_fr.clone(), c.label_en.clone()));
                    if !ui.memory(|m| m.has_focus(ui.scope_id().with(("fr", c.id))))
                        && !ui.memory(|m| m.has_focus(ui.scope_id().with(("en", c.id))))
                        && (draft.0 != c.label_fr || draft.1 != c.label_en)
                        && !ui.ctx().egui_wants_keyboard_input()
                    {
                        // Changed elsewhere (undo): show the session's labels.
                        *draft = (c.label_fr.clone(), c.label_en.clone());
                    }
                    let a = ui
                        .add(
                            egui::TextEdit::singleline(&mut draft.0)
                                .id(ui.scope_id().with(("fr", c.id)))
                                .desired_width(130.0),
                        )
                        .labelled_by(fr_header.id);
                    let b = ui
                        .add(
                            egui::TextEdit::singleline(&mut draft.1)
                                .id(ui.scope_id().with(("en", c.id)))
                                .desired_width(130.0),
                        )
                        .labelled_by(en_header.id);
                    if (a.lost_focus() || b.lost_focus())
                        && (draft.0 != c.label_fr || draft.1 != c.label_en)
                    {
                        let mut category = c.clone();
                        category.label_fr = draft.0.clone();
                        category.label_en = draft.1.clone();
                        cx.apply(Action::UpdateCategory(category));
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
        ui.horizontal(|ui| {
            ui.heading(format!(
                "{} ({})",
                t.organisations,
                session.organisations.len()
            ));
            if ui.button(format!("+ {}", t.new_organisation)).clicked() {
                self.selected = None;
                self.draft = Some(Organisation::new(""));
            }
            if ui
                .button(Command::ImportSpreadsheets.label(cx.language))
                .clicked()
            {
                cx.intents
                    .push(Intent::Command(Command::ImportSpreadsheets));
            }
        });
        let total = ui.available_width();
        egui::ScrollArea::vertical()
            .id_salt("organisations")
            .auto_shrink(false)
            .show_rows(ui, 24.0, session.organisations.len(), |ui, range| {
                for org in &session.organisations[range] {
                    let selected = self.selected == Some(org.id);
                    let table = org
                        .table
                        .and_then(|id| session.table(id))
                        .map_or("", |t| t.name.as_str());
                    let text = format!(
                        "{} — {} — {} — {} — {}",
                        org.name,
                        org.sector,
                        org.town,
                        table,
                        org.attendance.label(cx.language)
                    );
                    let response = ui.add_sized(
                        [total, 22.0],
                        egui::Button::selectable(selected, text).sense(Sense::click()),
                    );
                    if response.clicked() {
                        self.selected = Some(org.id);
                        self.draft = Some(org.clone());
                    }
                }
            });
    }

    fn organisation_editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let Some(draft) = &mut self.draft else {
            ui.label(t.select_an_organisation);
            return;
        };
        let existing = session.organisation(draft.id).is_some();
        ui.heading(if existing {
            t.edit_organisation
        } else {
            t.new_organisation
        });
        let mut apply = false;
        egui::Grid::new("organisation")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, text) in [
                    (t.name, &mut draft.name),
                    (t.sector, &mut draft.sector),
                    (t.town, &mut draft.town),
                    (t.contact, &mut draft.contact),
                    (t.email, &mut draft.email),
                    (t.phone, &mut draft.phone),
                ] {
                    let label = ui.label(label);
                    let edit = ui
                        .add(egui::TextEdit::singleline(text).desired_width(220.0))
                        .labelled_by(label.id);
                    apply |= edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    ui.end_row();
                }
                ui.label(t.table);
                egui::ComboBox::from_id_salt("org-table")
                    .selected_text(
                        draft
                            .table
                            .and_then(|id| session.table(id))
                            .map_or(t.none, |t| t.name.as_str()),
                    )
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut draft.table, None, t.none);
                        for table in &session.tables {
                            ui.selectable_value(&mut draft.table, Some(table.id), &table.name);
                        }
                    })
                    .named(t.table);
                ui.end_row();
                ui.label(t.attendance);
                egui::ComboBox::from_id_salt("org-attendance")
                    .selected_text(draft.attendance.label(cx.language))
                    .show_ui(ui, |ui| {
                        for a in Attendance::ALL {
                            ui.selectable_value(&mut draft.attendance, a, a.label(cx.language));
                        }
                    })
                    .named(t.attendance);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui.button(t.apply).clicked() {
                apply = true;
            }
            if existing && ui.button(t.delete).clicked() {
                cx.apply(Action::RemoveOrganisation(draft.id));
                self.selected = None;
            }
        });
        if apply {
            if existing {
                cx.apply(Action::UpdateOrganisation(draft.clone()));
            } else {
                cx.apply(Action::AddOrganisation(draft.clone()));
                self.selected = Some(draft.id);
            }
        }
        if self
            .selected
            .is_some_and(|id| session.organisation(id).is_none())
        {
            self.selected = None;
            self.draft = None;
        }
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
