//! The idea list ("Idées"): every idea in a sortable table, laid out only where visible,
//! and an editor for the one selected whose fields are saved as soon as they are left.

use egui::Ui;
use uuid::Uuid;

use super::capture::category_label;
use super::draft::{Draft, FieldSpec, date_text, field_specs, title_and_date_problems};
use super::table::{SortKey, TableSpec, TableState, sort_rows, sortable_table_ui};
use crate::model::text::fold;
use crate::model::{Action, Field, Idea, Language, Session, Status};
use crate::ui::command::Command;
use crate::ui::i18n::Tr;
use crate::ui::widgets::Named;
use crate::ui::{Intent, ViewCtx};

mod editor;

pub use editor::{due_from_text, follow_up_ui};

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
        let title = (Field::Title, self.draft.edit.title.as_str());
        title_and_date_problems(t, title, (Field::Due, &self.due_text))
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
    /// The table's sort and fitted width.
    table: TableState,
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
        sort_rows(&mut rows, self.table.sort, |&n, column| {
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
        crate::ui::widgets::editor_panel_ui(ui, "idea-editor", 420.0, |ui| self.editor_ui(ui, cx));

        ui.horizontal(|ui| {
            crate::ui::widgets::filter_field_ui(
                ui,
                t,
                &mut self.filter,
                240.0,
                &mut self.focus_filter,
            );
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
        let selected = self.selected;
        let clicked =
            sortable_table_ui(ui, &IDEAS_TABLE, t, &mut self.table, rows.len(), |index| {
                let idea = rows.get(index).and_then(|&n| session.ideas.get(n))?;
                let cells = vec![
                    idea.title.clone(),
                    session.organisation_names(idea).join(", "),
                    category_label(session, idea.category.as_deref(), cx.language),
                    idea.kind
                        .map_or(String::new(), |k| k.label(cx.language).to_owned()),
                    idea.votes.to_string(),
                    idea.status.label(cx.language).to_owned(),
                ];
                Some((cells, selected == Some(idea.id)))
            })
            .and_then(|index| rows.get(index).and_then(|&n| session.ideas.get(n)))
            .map(|idea| idea.id);
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
}

/// The ideas table's columns.
const IDEAS_TABLE: TableSpec = TableSpec {
    id: "ideas-table",
    headers: |t| {
        vec![
            t.idea_title,
            t.organisations,
            t.category,
            t.kind,
            t.votes,
            t.status,
        ]
    },
    columns: &[
        (0.34, 60.0),
        (0.24, 60.0),
        (0.14, 40.0),
        (0.1, 40.0),
        (0.07, 30.0),
    ],
    last_at_least: 40.0,
    row_height: ROW_HEIGHT,
};
