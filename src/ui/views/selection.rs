//! Selection for the B2B meetings and triage ("Sélection et tri"): the N most voted or
//! by hand, then four lanes (to triage / abandoned / about to happen / to deepen) by drag
//! or by the keys 1, 2, 3 (0 back to "to triage"), and each idea's follow-up.

use egui::{Color32, RichText, Sense, Stroke, StrokeKind, Ui, vec2};
use uuid::Uuid;

use super::ideas::{FOLLOW_UP_FIELDS, IdeaDraft, follow_up_ui};
use crate::model::{Action, Idea, Language, Status, TopVotedPlan};
use crate::ui::ViewCtx;
use crate::ui::command::Command;
use crate::ui::document::ContentVersion;
use crate::ui::views::TriageWall;

/// An idea being dragged between lanes.
#[derive(Clone, Debug)]
struct DraggedIdea(Uuid);

const LANES: [Status; 4] = [
    Status::Selected,
    Status::Abandoned,
    Status::Imminent,
    Status::ToDeepen,
];

const CARD_HEIGHT: f32 = 64.0;

pub struct SelectionView {
    pub top_n: usize,
    /// The idea the triage keys and the follow-up panel act on.
    pub focus: Option<Uuid>,
    /// Its follow-up being edited: next step, owner, due date.
    draft: Option<IdeaDraft>,
    /// The lanes as the projector shows them.
    wall: TriageWall,
    /// What "Retenir les N" would change, and for which session, N and language.
    preview: Option<((ContentVersion, usize, Language), String)>,
}

impl Default for SelectionView {
    fn default() -> Self {
        Self {
            top_n: 20,
            focus: None,
            draft: None,
            wall: TriageWall::default(),
            preview: None,
        }
    }
}

impl SelectionView {
    /// Saves the follow-up being typed (before the view changes, a save, a close).
    pub fn flush(&mut self, cx: &mut ViewCtx) {
        if let Some(draft) = &mut self.draft {
            draft.commit(cx, FOLLOW_UP_FIELDS);
        }
    }

    /// Focuses `id` once the follow-up of the focused idea is saved; a date that cannot
    /// be read keeps the focus where it is, and says why.
    fn set_focus(&mut self, id: Uuid, cx: &mut ViewCtx) {
        if self.focus == Some(id) {
            return;
        }
        if let Some(draft) = &mut self.draft
            && self.focus == Some(draft.draft.base.id)
            && cx.session.idea(draft.draft.base.id).is_some()
            && !draft.commit_before_leaving(cx, FOLLOW_UP_FIELDS)
        {
            return;
        }
        self.focus = Some(id);
    }

    pub fn on_command(&mut self, command: &Command, cx: &mut ViewCtx) {
        let status = match command {
            Command::SelectTopN => {
                cx.apply(Action::SelectTopVoted { n: self.top_n });
                return;
            }
            Command::TriageAbandon => Status::Abandoned,
            Command::TriageImminent => Status::Imminent,
            Command::TriageDeepen => Status::ToDeepen,
            Command::TriageReset => Status::Selected,
            _ => return,
        };
        if let Some(idea) = self.focus
            && cx
                .session
                .idea(idea)
                .is_some_and(|i| i.status.is_selected())
        {
            cx.apply(Action::SetStatus {
                ideas: vec![idea],
                status,
            });
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        if cx.presentation {
            // The wall: the follow-up being typed is saved, and no editing is shown.
            self.flush(cx);
            self.wall.ui(ui, cx, &mut self.focus);
            return;
        }
        let t = cx.t;
        let session = cx.session;
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(t.select_top_before).size(16.0));
            ui.add(egui::DragValue::new(&mut self.top_n).range(1..=10_000))
                .labelled_by(label.id);
            ui.label(RichText::new(t.select_top_after).size(16.0));
            if ui
                .button(t.apply)
                .on_hover_text(Command::SelectTopN.shortcut_text(ui.ctx()))
                .clicked()
            {
                cx.command(Command::SelectTopN);
            }
            let key = (cx.version, self.top_n, cx.language);
            if self.preview.as_ref().is_none_or(|(k, _)| *k != key) {
                self.preview = Some((key, top_n_preview(cx, self.top_n)));
            }
            if let Some((_, preview)) = &self.preview {
                ui.label(RichText::new(preview).italics());
            }
        });
        ui.label(RichText::new(t.triage_hint).weak());
        ui.separator();

        egui::Panel::left("proposed")
            .default_size(340.0)
            .max_size(720.0)
            .resizable(true)
            .show(ui, |ui| self.proposed_ui(ui, cx));
        egui::Panel::right("follow-up")
            .default_size(300.0)
            .max_size(480.0)
            .resizable(true)
            .show(ui, |ui| self.follow_up_panel_ui(ui, cx));

        let lane_width = (ui.available_width() - 12.0 * 3.0) / 4.0;
        let mut moved: Option<(Uuid, Status)> = None;
        ui.horizontal_top(|ui| {
            for status in LANES {
                let ideas = session.ideas_with_status(status);
                let title = if status == Status::Selected {
                    t.to_triage.to_owned()
                } else {
                    crate::ui::views::capitalised(status.label(cx.language))
                };
                ui.vertical(|ui| {
                    ui.set_width(lane_width);
                    ui.label(
                        RichText::new(format!("{title} ({})", ideas.len()))
                            .size(17.0)
                            .strong(),
                    );
                    let frame = egui::Frame::new()
                        .inner_margin(4.0)
                        .corner_radius(6.0)
                        .fill(lane_colour(status).gamma_multiply(0.12));
                    let (_, dropped) = ui.dnd_drop_zone::<DraggedIdea, ()>(frame, |ui| {
                        ui.set_width(lane_width - 8.0);
                        ui.set_min_height(ui.available_height().max(200.0));
                        egui::ScrollArea::vertical()
                            .id_salt(("lane", status.key()))
                            .auto_shrink(false)
                            .show_rows(ui, CARD_HEIGHT + 6.0, ideas.len(), |ui, range| {
                                for idea in &ideas[range] {
                                    self.lane_card_ui(ui, idea, status, cx);
                                }
                            });
                    });
                    if let Some(dragged) = dropped {
                        moved = Some((dragged.0, status));
                    }
                });
            }
        });
        if let Some((idea, status)) = moved {
            if cx.session.idea(idea).is_some_and(|i| i.status != status) {
                cx.apply(Action::SetStatus {
                    ideas: vec![idea],
                    status,
                });
            }
            self.set_focus(idea, cx);
        }
    }

    fn lane_card_ui(&mut self, ui: &mut Ui, idea: &Idea, status: Status, cx: &mut ViewCtx) {
        let session = cx.session;
        let width = ui.available_width();
        let id = egui::Id::unique(("lane-card", idea.id));
        let response = ui
            .dnd_drag_source(id, DraggedIdea(idea.id), |ui| {
                let (rect, _) = ui.allocate_exact_size(vec2(width, CARD_HEIGHT), Sense::hover());
                let focused = self.focus == Some(idea.id);
                ui.painter()
                    .rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
                ui.painter().rect_stroke(
                    rect,
                    6.0,
                    Stroke::new(
                        if focused { 3.0 } else { 1.0 },
                        if focused {
                            ui.visuals().selection.stroke.color
                        } else {
                            lane_colour(status)
                        },
                    ),
                    StrokeKind::Inside,
                );
                let orgs = session.organisation_names(idea);
                let mut job = egui::text::LayoutJob::simple(
                    crate::model::text::display_order(&idea.title).into_owned(),
                    egui::FontId::proportional(15.0),
                    ui.visuals().strong_text_color(),
                    rect.width() - 56.0,
                );
                job.wrap.max_rows = 2;
                let galley = ui.painter().layout_job(job);
                ui.painter()
                    .galley(rect.min + vec2(8.0, 6.0), galley, Color32::BLACK);
                let mut job = egui::text::LayoutJob::simple_singleline(
                    orgs.join(" · "),
                    egui::FontId::proportional(12.0),
                    ui.visuals().weak_text_color(),
                );
                job.wrap.max_width = rect.width() - 16.0;
                job.wrap.max_rows = 1;
                let galley = ui.painter().layout_job(job);
                ui.painter().galley(
                    egui::pos2(rect.min.x + 8.0, rect.max.y - 20.0),
                    galley,
                    Color32::BLACK,
                );
                ui.painter().text(
                    rect.right_top() + vec2(-8.0, 8.0),
                    egui::Align2::RIGHT_TOP,
                    format!("• {}", idea.votes),
                    egui::FontId::proportional(14.0),
                    ui.visuals().text_color(),
                );
            })
            .response;
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &idea.title));
        let response = ui.interact(response.rect, id.with("click"), Sense::click());
        if response.clicked() {
            self.set_focus(idea.id, cx);
        }
        ui.add_space(6.0);
    }

    fn proposed_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        ui.label(RichText::new(t.proposed_ideas).strong());
        let proposed = session.ideas_with_status(Status::Proposed);
        // Whole titles, wrapped: a facilitator reads them out to the room.
        egui::ScrollArea::vertical()
            .id_salt("proposed-list")
            .auto_shrink(false)
            .show(ui, |ui| {
                for idea in &proposed {
                    ui.horizontal_top(|ui| {
                        if ui
                            .small_button(format!("+ {}", t.select_one))
                            .on_hover_text(&idea.title)
                            .clicked()
                        {
                            cx.apply(Action::SetStatus {
                                ideas: vec![idea.id],
                                status: Status::Selected,
                            });
                        }
                        let text = format!("{} · {}", idea.votes, idea.title);
                        ui.add(egui::Label::new(text).wrap());
                    });
                    ui.add_space(2.0);
                }
            });
    }

    fn follow_up_panel_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let Some(focus) = self.focus.and_then(|f| session.idea(f)) else {
            self.flush(cx);
            self.draft = None;
            ui.label(t.select_an_idea);
            return;
        };
        if self
            .draft
            .as_ref()
            .is_none_or(|d| d.draft.base.id != focus.id)
        {
            // Focused from elsewhere: what was typed for the other idea is saved first.
            self.flush(cx);
            self.draft = Some(IdeaDraft::of(focus));
        }
        let Some(draft) = &mut self.draft else {
            return;
        };
        draft.sync(focus, FOLLOW_UP_FIELDS);
        egui::ScrollArea::vertical()
            .id_salt("follow-up-scroll")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.add(egui::Label::new(RichText::new(&focus.title).heading()).wrap());
                ui.label(focus.status.label(cx.language));
                if !focus.description.is_empty() {
                    ui.label(RichText::new(&focus.description).weak());
                }
                ui.separator();
                ui.label(RichText::new(t.saved_as_you_go).weak());
                if follow_up_ui(ui, cx, &mut draft.draft.edit, &mut draft.due_text) {
                    draft.commit(cx, FOLLOW_UP_FIELDS);
                }
                if focus.status == Status::Selected && ui.button(t.unselect_one).clicked() {
                    cx.apply(Action::SetStatus {
                        ideas: vec![focus.id],
                        status: Status::Proposed,
                    });
                }
            });
    }
}

/// What "Retenir les N" would change, in words, before it is done.
fn top_n_preview(cx: &ViewCtx, n: usize) -> String {
    let plan = TopVotedPlan::of(cx.session, n);
    if plan.is_empty() && plan.kept_by_hand == 0 {
        return cx.t.top_n_nothing.to_owned();
    }
    let counts = &cx.t.counts;
    let mut parts = Vec::new();
    if !plan.select.is_empty() {
        parts.push(counts.top_n_select.count(cx.language, plan.select.len()));
    }
    if !plan.unselect.is_empty() {
        parts.push(
            counts
                .top_n_unselect
                .count(cx.language, plan.unselect.len()),
        );
    }
    if plan.kept_by_hand > 0 {
        parts.push(counts.top_n_kept.count(cx.language, plan.kept_by_hand));
    }
    parts.join(" · ")
}

fn lane_colour(status: Status) -> Color32 {
    let [r, g, b] = crate::theme::status_rgb(status);
    Color32::from_rgb(r, g, b)
}
