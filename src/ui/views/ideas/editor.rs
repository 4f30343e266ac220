//! The editor of the selected idea, and the follow-up fields it shares with the
//! triage view. Each field is saved as soon as it is left.

use super::super::capture::organisations_picker_ui;
use crate::model::{Action, Field, Idea, IdeaKind, Status};
use crate::ui::ViewCtx;
use crate::ui::widgets::{
    Named, category_choices, editor_body_ui, editor_heading_ui, enum_choice_ui, field_ui, id_names,
    notes_field_ui, optional_choice_ui, parse_user_date,
};
use egui::{RichText, Ui};

use super::*;

impl IdeasView {
    pub(super) fn editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let Some(draft) = editor_heading_ui(ui, t.edit_idea, t.select_an_idea, &mut self.draft)
        else {
            return;
        };
        let invalid = draft.invalid(t);
        let reason = |field: Field| invalid.iter().find(|(f, _)| *f == field).map(|(_, r)| *r);
        let before = draft.draft.edit.clone();
        let mut commit = false;
        let mut delete = false;
        editor_body_ui(ui, t, "idea-editor-scroll", |ui| {
            let idea = &mut draft.draft.edit;
            let title = field_ui(ui, t.idea_title, &mut idea.title, "idea-edit-title");
            commit |= title.lost_focus();
            if let Some(reason) = reason(Field::Title) {
                ui.colored_label(ui.visuals().error_fg_color, reason);
            }
            let description = &mut idea.description;
            commit |= notes_field_ui(ui, t.description, description, "idea-edit-description")
                .lost_focus();
            egui::Grid::new("idea-fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let kinds: Vec<(IdeaKind, &str)> = IdeaKind::ALL
                        .iter()
                        .map(|&k| (k, k.label(cx.language)))
                        .collect();
                    let categories = category_choices(session, cx.language);
                    ui.label(t.kind);
                    optional_choice_ui(ui, "edit-kind", t.kind, &mut idea.kind, t.none, &kinds);
                    ui.end_row();
                    ui.label(t.category);
                    optional_choice_ui(
                        ui,
                        "edit-category",
                        t.category,
                        &mut idea.category,
                        t.none,
                        &categories,
                    );
                    ui.end_row();
                    ui.label(t.status);
                    let statuses = Status::ALL.map(|s| (s, s.label(cx.language)));
                    enum_choice_ui(ui, "edit-status", t.status, &mut idea.status, &statuses);
                    ui.end_row();
                    let clusters = id_names(session.clusters.iter().map(|c| (c.id, &c.name)));
                    let tables = id_names(session.tables.iter().map(|c| (c.id, &c.name)));
                    let facilitators =
                        id_names(session.facilitators.iter().map(|c| (c.id, &c.name)));
                    for (id, label, value, options) in [
                        ("edit-cluster", t.cluster, &mut idea.cluster, &clusters),
                        ("edit-table", t.table, &mut idea.table, &tables),
                        (
                            "edit-facilitator",
                            t.facilitator,
                            &mut idea.facilitator,
                            &facilitators,
                        ),
                    ] {
                        ui.label(label);
                        optional_choice_ui(ui, id, label, value, t.none, options);
                        ui.end_row();
                    }
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
    let next = field_ui(ui, t.next_step, &mut idea.next_step, "follow-up-next-step");
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
