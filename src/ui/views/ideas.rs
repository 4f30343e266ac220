//! The idea list ("Idées"): every idea in a sortable table, laid out only where visible,
//! and an editor for the one selected whose fields are saved as soon as they are left.

use egui::{RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};
use uuid::Uuid;

use super::capture::{category_label, organisations_picker_ui};
use super::draft::{Draft, FieldSpec, date_text, field_specs};
use super::table::{Sort, SortKey, cell_ui, fit_columns, sort_header_ui, sort_rows};
use crate::model::text::fold;
use crate::model::{Action, Field, Idea, IdeaKind, Language, Session, Status};
use crate::ui::command::Command;
use crate::ui::i18n::Tr;
use crate::ui::widgets::{Named, parse_user_date};
use crate::ui::{Intent, ViewCtx};

/// The fields the idea editor changes.
const IDEA_FIELDS: &[FieldSpec<Idea>] = field_specs!(Idea {
    title => Field::Title,
    description => Field::Description,
    kind => Field::Kind,
    category => Field::Category,
    status => Field::Status,
    cluster => Field::Cluster,
    table => Field::Table,
    facilitator => Field::Facilitator,
    votes => Field::Votes,
    organisations => Field::Organisations,
    next_step => Field::NextStep,
    owner => Field::Owner,
    due => Field::Due,
});

/// The follow-up fields, as "Sélection et tri" edits them.
pub(super) const FOLLOW_UP_FIELDS: &[FieldSpec<Idea>] = field_specs!(Idea {
    next_step => Field::NextStep,
    owner => Field::Owner,
    due => Field::Due,
});

/// An idea being edited: its draft, the due date as typed, the organisation being
/// looked for.
pub(super) struct IdeaDraft {
    pub draft: Draft<Idea>,
    pub due_text: String,
    org_query: String,
}

impl IdeaDraft {
    pub fn of(idea: &Idea) -> Self {
        Self {
            draft: Draft::new(idea),
            due_text: date_text(idea.due),
            org_query: String::new(),
        }
    }

    /// The fields whose typed value cannot be saved, with the reason.
    pub fn invalid(&self, t: &Tr) -> Vec<(Field, &'static str)> {
        let mut invalid = Vec::new();
        if self.draft.edit.title.trim().is_empty() {
            invalid.push((Field::Title, t.empty_title));
        }
        if due_from_text(&self.due_text).is_err() {
            invalid.push((Field::Due, t.bad_date));
        }
        invalid
    }

    /// Follows the session's idea (undo, the board, another view).
    pub fn sync(&mut self, current: &Idea, specs: &[FieldSpec<Idea>]) {
        let due_untouched = due_from_text(&self.due_text) == Ok(self.draft.base.due);
        if self.draft.rebase(current, specs) && due_untouched {
            self.due_text = date_text(self.draft.edit.due);
        }
    }

    /// Saves the changed fields that are valid, as one undo step named after them.
    pub fn commit(&mut self, cx: &mut ViewCtx, specs: &[FieldSpec<Idea>]) {
        let Some(current) = cx.session.idea(self.draft.base.id) else {
            return;
        };
        let invalid: Vec<Field> = self.invalid(cx.t).into_iter().map(|(f, _)| f).collect();
        if let Some(action) = self
            .draft
            .commit(current, specs, &invalid, Action::UpdateIdea)
        {
            cx.apply(action);
        }
    }

    /// Saves what can be saved; an invalid field still changed is said, and makes the
    /// editor stay on this idea (false).
    pub fn commit_before_leaving(&mut self, cx: &mut ViewCtx, specs: &[FieldSpec<Idea>]) -> bool {
        self.commit(cx, specs);
        // The model never holds an empty title nor an unreadable date: an invalid field
        // is always an edit not yet saved.
        match self.invalid(cx.t).into_iter().next() {
            Some((field, reason)) => {
                let t = cx.t;
                cx.intents.push(Intent::Error(format!(
                    "{}{}{} — {reason}",
                    t.error,
                    t.fix_before_leaving,
                    field.word(cx.language)
                )));
                false
            }
            None => true,
        }
    }
}

#[derive(Default)]
pub struct IdeasView {
    filter: String,
    status: Option<Status>,
    pub selected: Option<Uuid>,
    draft: Option<IdeaDraft>,
    focus_filter: bool,
    sort: Option<Sort>,
    /// The table's width last frame (see [`fit_columns`]).
    table_width: f32,
}

/// Row height of the list, in points.
const ROW_HEIGHT: f32 = 26.0;

impl IdeasView {
    pub fn on_command(&mut self, command: &Command, cx: &mut ViewCtx) {
        match command {
            Command::Find => self.focus_filter = true,
            Command::DeleteSelection => {
                if let Some(id) = self.selected.take() {
                    cx.apply(Action::RemoveIdeas(vec![id]));
                    self.draft = None;
                }
            }
            _ => {}
        }
    }

    /// Saves what the editor holds (before the view changes, a save, a close).
    pub fn flush(&mut self, cx: &mut ViewCtx) {
        if let Some(draft) = &mut self.draft {
            draft.commit(cx, IDEA_FIELDS);
        }
    }

    /// The ideas shown, in list order (filtered, then sorted by the chosen column).
    pub fn visible(&self, session: &Session, language: Language) -> Vec<usize> {
        let folded = fold(&self.filter);
        let mut rows: Vec<usize> = session
            .ideas
            .iter()
            .enumerate()
            .filter(|(_, i)| self.status.is_none_or(|s| i.status == s))
            .filter(|(_, i)| {
                folded.is_empty()
                    || fold(&i.title).contains(&folded)
                    || fold(&i.description).contains(&folded)
                    || i.organisations
                        .iter()
                        .filter_map(|o| session.organisation(*o))
                        .any(|o| fold(&o.name).contains(&folded))
            })
            .map(|(n, _)| n)
            .collect();
        sort_rows(&mut rows, self.sort, |&n, column| {
            let idea = &session.ideas[n];
            match column {
                0 => SortKey::text(&idea.title),
                1 => SortKey::text(&session.organisation_names(idea).join(", ")),
                2 => SortKey::text(&category_label(session, idea.category.as_deref(), language)),
                3 => SortKey::text(idea.kind.map_or("", |k| k.label(language))),
                4 => SortKey::Number(i64::from(idea.votes)),
                _ => SortKey::Number(
                    Status::ALL
                        .iter()
                        .position(|s| *s == idea.status)
                        .map_or(0, |p| p as i64),
                ),
            }
        });
        rows
    }

    /// Shows `id` in the editor once the current idea's edits are saved.
    fn select(&mut self, id: Uuid, cx: &mut ViewCtx) {
        if self.selected == Some(id) {
            return;
        }
        if let Some(draft) = &mut self.draft
            && !draft.commit_before_leaving(cx, IDEA_FIELDS)
        {
            return;
        }
        self.selected = Some(id);
        self.draft = cx.session.idea(id).map(IdeaDraft::of);
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        self.sync(cx);
        egui::Panel::right("idea-editor")
            .default_size(420.0)
            .resizable(true)
            .show(ui, |ui| {
                // The panel keeps its width whether an idea is selected or not.
                ui.set_min_width(ui.available_width());
                self.editor_ui(ui, cx);
            });

        ui.horizontal(|ui| {
            let label = ui.label(t.filter);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter)
                        .hint_text(t.filter_hint)
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            if self.focus_filter {
                edit.request_focus();
                self.focus_filter = false;
            }
            egui::ComboBox::from_id_salt("ideas-status")
                .selected_text(self.status.map_or(t.all_statuses, |s| s.label(cx.language)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, None, t.all_statuses);
                    for s in Status::ALL {
                        ui.selectable_value(&mut self.status, Some(s), s.label(cx.language));
                    }
                })
                .named(t.status);
        });
        let rows = self.visible(session, cx.language);
        ui.label(t.counts.ideas_shown_count.count(cx.language, rows.len()));
        let headers = [
            t.idea_title,
            t.organisations,
            t.category,
            t.kind,
            t.votes,
            t.status,
        ];
        let width = ui.available_width();
        let mut clicked = None;
        let sort = &mut self.sort;
        let selected = self.selected;
        let builder = TableBuilder::new(ui)
            .id_salt("ideas-table")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(width * 0.34).at_least(60.0).clip(true))
            .column(Column::initial(width * 0.24).at_least(60.0).clip(true))
            .column(Column::initial(width * 0.14).at_least(40.0).clip(true))
            .column(Column::initial(width * 0.1).at_least(40.0).clip(true))
            .column(Column::initial(width * 0.07).at_least(30.0).clip(true))
            .column(Column::remainder().at_least(40.0).clip(true))
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
                body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                    let Some(idea) = rows.get(row.index()).and_then(|&n| session.ideas.get(n))
                    else {
                        return;
                    };
                    row.set_selected(selected == Some(idea.id));
                    let cells = [
                        idea.title.clone(),
                        session.organisation_names(idea).join(", "),
                        category_label(session, idea.category.as_deref(), cx.language),
                        idea.kind
                            .map_or(String::new(), |k| k.label(cx.language).to_owned()),
                        idea.votes.to_string(),
                        idea.status.label(cx.language).to_owned(),
                    ];
                    for cell in &cells {
                        row.col(|ui| {
                            if cell_ui(ui, cell).clicked() {
                                clicked = Some(idea.id);
                            }
                        });
                    }
                    if row.response().clicked() {
                        clicked = Some(idea.id);
                    }
                });
            });
        if let Some(id) = clicked {
            self.select(id, cx);
        }
    }

    /// Keeps the editor on the selected idea, in step with the session.
    fn sync(&mut self, cx: &mut ViewCtx) {
        let session = cx.session;
        // Selected from outside (or deleted): save what was typed, then follow.
        if self.draft.as_ref().map(|d| d.draft.base.id) != self.selected {
            if let Some(draft) = &mut self.draft {
                draft.commit(cx, IDEA_FIELDS);
            }
            self.draft = self
                .selected
                .and_then(|id| session.idea(id))
                .map(IdeaDraft::of);
        }
        match self
            .draft
            .as_mut()
            .map(|d| (session.idea(d.draft.base.id), d))
        {
            Some((Some(current), draft)) => draft.sync(current, IDEA_FIELDS),
            Some((None, _)) => {
                self.draft = None;
                self.selected = None;
            }
            None => {}
        }
    }

    fn editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        ui.heading(t.edit_idea);
        let Some(draft) = &mut self.draft else {
            ui.label(t.select_an_idea);
            return;
        };
        ui.label(RichText::new(t.saved_as_you_go).weak());
        let invalid = draft.invalid(t);
        let reason = |field: Field| invalid.iter().find(|(f, _)| *f == field).map(|(_, r)| *r);
        let before = draft.draft.edit.clone();
        let mut commit = false;
        let mut delete = false;
        egui::ScrollArea::vertical()
            .id_salt("idea-editor-scroll")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let idea = &mut draft.draft.edit;
                let label = ui.label(t.idea_title);
                let title = ui
                    .add(
                        egui::TextEdit::singleline(&mut idea.title)
                            .id_salt("idea-edit-title")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                commit |= title.lost_focus();
                if let Some(reason) = reason(Field::Title) {
                    ui.colored_label(ui.visuals().error_fg_color, reason);
                }
                let label = ui.label(t.description);
                commit |= ui
                    .add(
                        egui::TextEdit::multiline(&mut idea.description)
                            .id_salt("idea-edit-description")
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id)
                    .lost_focus();
                egui::Grid::new("idea-fields")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label(t.kind);
                        egui::ComboBox::from_id_salt("edit-kind")
                            .selected_text(idea.kind.map_or(t.none, |k| k.label(cx.language)))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut idea.kind, None, t.none);
                                for k in IdeaKind::ALL {
                                    ui.selectable_value(
                                        &mut idea.kind,
                                        Some(k),
                                        k.label(cx.language),
                                    );
                                }
                            })
                            .named(t.kind);
                        ui.end_row();
                        ui.label(t.category);
                        egui::ComboBox::from_id_salt("edit-category")
                            .selected_text(category_label(
                                session,
                                idea.category.as_deref(),
                                cx.language,
                            ))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut idea.category, None, t.none);
                                for c in &session.categories {
                                    ui.selectable_value(
                                        &mut idea.category,
                                        Some(c.key.clone()),
                                        c.label(cx.language),
                                    );
                                }
                            })
                            .named(t.category);
                        ui.end_row();
                        ui.label(t.status);
                        egui::ComboBox::from_id_salt("edit-status")
                            .selected_text(idea.status.label(cx.language))
                            .show_ui(ui, |ui| {
                                for s in Status::ALL {
                                    ui.selectable_value(&mut idea.status, s, s.label(cx.language));
                                }
                            })
                            .named(t.status);
                        ui.end_row();
                        ui.label(t.cluster);
                        egui::ComboBox::from_id_salt("edit-cluster")
                            .selected_text(
                                idea.cluster
                                    .and_then(|c| session.cluster(c))
                                    .map_or(t.none, |c| c.name.as_str()),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut idea.cluster, None, t.none);
                                for c in &session.clusters {
                                    ui.selectable_value(&mut idea.cluster, Some(c.id), &c.name);
                                }
                            })
                            .named(t.cluster);
                        ui.end_row();
                        ui.label(t.table);
                        egui::ComboBox::from_id_salt("edit-table")
                            .selected_text(
                                idea.table
                                    .and_then(|c| session.table(c))
                                    .map_or(t.none, |c| c.name.as_str()),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut idea.table, None, t.none);
                                for c in &session.tables {
                                    ui.selectable_value(&mut idea.table, Some(c.id), &c.name);
                                }
                            })
                            .named(t.table);
                        ui.end_row();
                        ui.label(t.facilitator);
                        egui::ComboBox::from_id_salt("edit-facilitator")
                            .selected_text(
                                idea.facilitator
                                    .and_then(|c| session.facilitator(c))
                                    .map_or(t.none, |c| c.name.as_str()),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut idea.facilitator, None, t.none);
                                for c in &session.facilitators {
                                    ui.selectable_value(&mut idea.facilitator, Some(c.id), &c.name);
                                }
                            })
                            .named(t.facilitator);
                        ui.end_row();
                        let label = ui.label(t.votes);
                        let votes = ui
                            .add(egui::DragValue::new(&mut idea.votes).range(0..=9999))
                            .labelled_by(label.id);
                        commit |= votes.lost_focus()
                            || votes.drag_stopped()
                            || (votes.changed() && !votes.dragged() && !votes.has_focus());
                        ui.end_row();
                    });
                organisations_picker_ui(
                    ui,
                    session,
                    t.organisations,
                    t.org_hint,
                    &mut draft.org_query,
                    &mut draft.draft.edit.organisations,
                );
                ui.separator();
                commit |= follow_up_ui(ui, cx, &mut draft.draft.edit, &mut draft.due_text);
                if !draft.draft.edit.fiches.is_empty() {
                    ui.separator();
                    ui.label(RichText::new(t.linked_fiches).strong());
                    for f in draft
                        .draft
                        .edit
                        .fiches
                        .iter()
                        .filter_map(|f| session.fiche(*f))
                    {
                        let org = session
                            .organisation(f.organisation)
                            .map_or("", |o| o.name.as_str());
                        ui.label(format!(
                            "{} — {} ({org})",
                            f.direction.label(cx.language),
                            f.resource
                        ));
                    }
                }
                ui.separator();
                delete = ui.button(t.delete).clicked();
            });
        // A choice (kind, category, organisations…) is saved as soon as it is made.
        let idea = &draft.draft.edit;
        commit |= (&idea.kind, &idea.category, idea.status, &idea.cluster)
            != (
                &before.kind,
                &before.category,
                before.status,
                &before.cluster,
            )
            || (
                &idea.table,
                &idea.facilitator,
                &idea.organisations,
                &idea.owner,
            ) != (
                &before.table,
                &before.facilitator,
                &before.organisations,
                &before.owner,
            );
        if commit {
            draft.commit(cx, IDEA_FIELDS);
        }
        if delete {
            cx.apply(Action::RemoveIdeas(vec![draft.draft.base.id]));
        }
    }
}

/// Empty text is no date; otherwise a date or an error.
pub fn due_from_text(text: &str) -> Result<Option<chrono::NaiveDate>, ()> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_user_date(text).map(Some).ok_or(())
    }
}

/// Next step, owner (one of the idea's organisations) and due date. A date that cannot
/// be read stays as typed, in red with the reason, and is not saved. True when a field
/// was left or a choice made: the caller saves.
pub fn follow_up_ui(ui: &mut Ui, cx: &ViewCtx, idea: &mut Idea, due_text: &mut String) -> bool {
    let t = cx.t;
    let session = cx.session;
    let mut commit = false;
    let label = ui.label(t.next_step);
    let next = ui
        .add(
            egui::TextEdit::singleline(&mut idea.next_step)
                .id_salt("follow-up-next-step")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    commit |= next.lost_focus();
    let owner_before = idea.owner;
    ui.horizontal(|ui| {
        ui.label(t.owner);
        egui::ComboBox::from_id_salt(("owner", idea.id))
            .selected_text(
                idea.owner
                    .and_then(|o| session.organisation(o))
                    .map_or(t.none, |o| o.name.as_str()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut idea.owner, None, t.none);
                for o in idea
                    .organisations
                    .iter()
                    .filter_map(|o| session.organisation(*o))
                {
                    ui.selectable_value(&mut idea.owner, Some(o.id), &o.name);
                }
            })
            .named(t.owner);
    });
    commit |= idea.owner != owner_before;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.due);
        let due = ui
            .add(
                egui::TextEdit::singleline(due_text)
                    .id_salt("follow-up-due")
                    .hint_text(t.due_hint)
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
        commit |= due.lost_focus();
        match due_from_text(due_text) {
            Ok(due) => idea.due = due,
            Err(()) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} ({})", t.bad_date, t.not_saved_until_fixed),
                );
            }
        }
    });
    commit
}
