//! The idea list ("Idées"): every idea in a table, laid out only where visible, and an
//! editor for the one selected.

use egui::{Key, RichText, Sense, Ui};
use uuid::Uuid;

use super::capture::{category_label, organisations_picker_ui};
use crate::model::text::fold;
use crate::model::{Action, Idea, IdeaKind, Session, Status};
use crate::ui::command::Command;
use crate::ui::widgets::Named;
use crate::ui::widgets::parse_user_date;
use crate::ui::{Intent, ViewCtx};

/// The editor's copy of an idea, applied with "Apply" or Enter.
struct Draft {
    idea: Idea,
    org_query: String,
    due_text: String,
}

impl Draft {
    fn of(idea: &Idea) -> Self {
        Self {
            idea: idea.clone(),
            org_query: String::new(),
            due_text: idea
                .due
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default(),
        }
    }
}

#[derive(Default)]
pub struct IdeasView {
    filter: String,
    status: Option<Status>,
    pub selected: Option<Uuid>,
    draft: Option<Draft>,
    focus_filter: bool,
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

    /// The ideas shown, in list order.
    pub fn visible(&self, session: &Session) -> Vec<usize> {
        let folded = fold(&self.filter);
        session
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
            .collect()
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        if let Some(draft) = &self.draft
            && session.idea(draft.idea.id).is_none()
        {
            self.draft = None;
            self.selected = None;
        }
        egui::Panel::right("idea-editor")
            .default_size(420.0)
            .resizable(true)
            .show(ui, |ui| self.editor_ui(ui, cx));

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
        let rows = self.visible(session);
        ui.label(t.counts.ideas_shown_count.count(cx.language, rows.len()));
        let widths = [0.34, 0.26, 0.14, 0.1, 0.08, 0.08];
        let total = ui.available_width();
        let header = [
            t.idea_title,
            t.organisations,
            t.category,
            t.kind,
            t.votes,
            t.status,
        ];
        ui.horizontal(|ui| {
            for (w, h) in widths.iter().zip(header) {
                ui.add_sized(
                    [total * w - 6.0, 20.0],
                    egui::Label::new(RichText::new(h).strong()),
                );
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("ideas-list")
            .auto_shrink(false)
            .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
                for &n in &rows[range] {
                    let idea = &session.ideas[n];
                    let selected = self.selected == Some(idea.id);
                    let (rect, response) =
                        ui.allocate_exact_size(egui::vec2(total, ROW_HEIGHT), Sense::click());
                    response.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &idea.title)
                    });
                    if selected {
                        ui.painter()
                            .rect_filled(rect, 2.0, ui.visuals().selection.bg_fill);
                    } else if response.hovered() {
                        ui.painter().rect_filled(
                            rect,
                            2.0,
                            ui.visuals().widgets.hovered.weak_bg_fill,
                        );
                    }
                    let orgs = session.organisation_names(idea);
                    let cells = [
                        idea.title.clone(),
                        orgs.join(", "),
                        category_label(session, idea.category.as_deref(), cx.language),
                        idea.kind
                            .map_or(String::new(), |k| k.label(cx.language).to_owned()),
                        idea.votes.to_string(),
                        idea.status.label(cx.language).to_owned(),
                    ];
                    let mut x = rect.min.x + 4.0;
                    for (w, cell) in widths.iter().zip(cells) {
                        let width = total * w - 6.0;
                        let mut job = egui::text::LayoutJob::simple_singleline(
                            cell,
                            egui::FontId::proportional(14.0),
                            ui.visuals().text_color(),
                        );
                        job.wrap.max_width = width;
                        job.wrap.max_rows = 1;
                        let galley = ui.painter().layout_job(job);
                        ui.painter().galley(
                            egui::pos2(x, rect.center().y - galley.size().y / 2.0),
                            galley,
                            ui.visuals().text_color(),
                        );
                        x += width + 6.0;
                    }
                    if response.clicked() {
                        self.selected = Some(idea.id);
                        self.draft = Some(Draft::of(idea));
                    }
                }
            });
    }

    fn editor_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        ui.heading(t.edit_idea);
        let Some(draft) = &mut self.draft else {
            ui.label(t.select_an_idea);
            return;
        };
        let mut apply = false;
        egui::ScrollArea::vertical()
            .id_salt("idea-editor-scroll")
            .show(ui, |ui| {
                let label = ui.label(t.idea_title);
                let title = ui
                    .add(
                        egui::TextEdit::singleline(&mut draft.idea.title)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                apply |= title.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                let label = ui.label(t.description);
                ui.add(
                    egui::TextEdit::multiline(&mut draft.idea.description)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                egui::Grid::new("idea-fields")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label(t.kind);
                        egui::ComboBox::from_id_salt("edit-kind")
                            .selected_text(draft.idea.kind.map_or(t.none, |k| k.label(cx.language)))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut draft.idea.kind, None, t.none);
                                for k in IdeaKind::ALL {
                                    ui.selectable_value(
                                        &mut draft.idea.kind,
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
                                draft.idea.category.as_deref(),
                                cx.language,
                            ))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut draft.idea.category, None, t.none);
                                for c in &session.categories {
                                    ui.selectable_value(
                                        &mut draft.idea.category,
                                        Some(c.key.clone()),
                                        c.label(cx.language),
                                    );
                                }
                            })
                            .named(t.category);
                        ui.end_row();
                        ui.label(t.status);
                        egui::ComboBox::from_id_salt("edit-status")
                            .selected_text(draft.idea.status.label(cx.language))
                            .show_ui(ui, |ui| {
                                for s in Status::ALL {
                                    ui.selectable_value(
                                        &mut draft.idea.status,
                                        s,
                                        s.label(cx.language),
                                    );
                                }
                            })
                            .named(t.status);
                        ui.end_row();
                        ui.label(t.cluster);
                        egui::ComboBox::from_id_salt("edit-cluster")
                            .selected_text(
                                draft
                                    .idea
                                    .cluster
                                    .and_then(|c| session.cluster(c))
                                    .map_or(t.none, |c| c.name.as_str()),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut draft.idea.cluster, None, t.none);
                                for c in &session.clusters {
                                    ui.selectable_value(
                                        &mut draft.idea.cluster,
                                        Some(c.id),
                                        &c.name,
                                    );
                                }
                            })
                            .named(t.cluster);
                        ui.end_row();
                        ui.label(t.table);
                        egui::ComboBox::from_id_salt("edit-table")
                            .selected_text(
                                draft
                                    .idea
                                    .table
                                    .and_then(|c| session.table(c))
                                    .map_or(t.none, |c| c.name.as_str()),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut draft.idea.table, None, t.none);
                                for c in &session.tables {
                                    ui.selectable_value(&mut draft.idea.table, Some(c.id), &c.name);
                                }
                            })
                            .named(t.table);
                        ui.end_row();
                        ui.label(t.facilitator);
                        egui::ComboBox::from_id_salt("edit-facilitator")
                            .selected_text(
                                draft
                                    .idea
                                    .facilitator
                                    .and_then(|c| session.facilitator(c))
                                    .map_or(t.none, |c| c.name.as_str()),
                            )
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut draft.idea.facilitator, None, t.none);
                                for c in &session.facilitators {
                                    ui.selectable_value(
                                        &mut draft.idea.facilitator,
                                        Some(c.id),
                                        &c.name,
                                    );
                                }
                            })
                            .named(t.facilitator);
                        ui.end_row();
                        ui.label(t.votes);
                        ui.add(egui::DragValue::new(&mut draft.idea.votes).range(0..=9999));
                        ui.end_row();
                    });
                organisations_picker_ui(
                    ui,
                    session,
                    t.organisations,
                    t.org_hint,
                    &mut draft.org_query,
                    &mut draft.idea.organisations,
                );
                ui.separator();
                apply |= follow_up_ui(ui, cx, &mut draft.idea, &mut draft.due_text);
                if !draft.idea.fiches.is_empty() {
                    ui.separator();
                    ui.label(RichText::new(t.linked_fiches).strong());
                    for f in draft.idea.fiches.iter().filter_map(|f| session.fiche(*f)) {
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
            });
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(t.apply).clicked() {
                apply = true;
            }
            if ui.button(t.delete).clicked() {
                cx.apply(Action::RemoveIdeas(vec![draft.idea.id]));
            }
        });
        if apply {
            match due_from_text(&draft.due_text) {
                Ok(due) => {
                    draft.idea.due = due;
                    cx.apply(Action::UpdateIdea(draft.idea.clone()));
                }
                Err(()) => cx
                    .intents
                    .push(Intent::Error(format!("{}{}", t.error, t.bad_date))),
            }
        }
        // Keep the draft in step with undo/redo and edits made elsewhere.
        if !apply
            && let Some(current) = session.idea(draft.idea.id)
            && current.modified != draft.idea.modified
        {
            *draft = Draft::of(current);
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

/// Next step, owner (one of the idea's organisations) and due date.
pub fn follow_up_ui(ui: &mut Ui, cx: &mut ViewCtx, idea: &mut Idea, due_text: &mut String) -> bool {
    let t = cx.t;
    let session = cx.session;
    let mut enter = false;
    let label = ui.label(t.next_step);
    let next = ui
        .add(egui::TextEdit::singleline(&mut idea.next_step).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    enter |= next.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
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
    ui.horizontal(|ui| {
        let label = ui.label(t.due);
        let due = ui
            .add(
                egui::TextEdit::singleline(due_text)
                    .hint_text(t.due_hint)
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        enter |= due.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if due_from_text(due_text).is_err() {
            ui.colored_label(ui.visuals().error_fg_color, t.bad_date);
        }
    });
    enter
}
