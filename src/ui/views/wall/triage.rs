//! The triage wall: the Sélection et tri view in presentation mode. Four large lanes
//! (to triage, abandoned, about to happen, to deepen) with their counts, and no editing
//! chrome. Arrows move the focused idea, `1`, `2`, `3` and `0` move it between lanes,
//! a click focuses; each lane pages to keep its focused card in view.

use egui::{Align2, Color32, FontId, Rect, Sense, StrokeKind, Ui, vec2};
use uuid::Uuid;

use super::{arrow_step, outline, stepped};
use crate::model::{Idea, Session, Status};
use crate::ui::ViewCtx;
use crate::ui::document::ContentVersion;
use crate::ui::theme::{WALL_HEADING_PT, WALL_TEXT_PT, WALL_TITLE_PT};

/// The lanes, left to right.
pub const LANES: [Status; 4] = [
    Status::Selected,
    Status::Abandoned,
    Status::Imminent,
    Status::ToDeepen,
];

/// A card of the triage wall: two lines of title, one of organisations.
const CARD_HEIGHT: f32 = WALL_TITLE_PT * 2.5 + WALL_TEXT_PT * 1.2 + 24.0;
const GAP: f32 = 12.0;

/// The triage wall's state: the lanes' ideas, cached until the session changes (the
/// focus is the Sélection view's).
#[derive(Default)]
pub struct TriageWall {
    /// Indices into `session.ideas`, one list a lane.
    lanes: Vec<Vec<usize>>,
    lanes_version: Option<ContentVersion>,
}

impl TriageWall {
    /// The wall, in the central panel; `focus` is the Sélection view's focused idea.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, focus: &mut Option<Uuid>) {
        let session = cx.session;
        let t = cx.t;
        if self.lanes_version != Some(cx.version) {
            self.lanes = LANES
                .iter()
                .map(|&status| {
                    let mut lane: Vec<usize> = (0..session.ideas.len())
                        .filter(|&i| session.ideas[i].status == status)
                        .collect();
                    lane.sort_by_key(|&i| std::cmp::Reverse(session.ideas[i].votes));
                    lane
                })
                .collect();
            self.lanes_version = Some(cx.version);
        }
        let lanes = &self.lanes;
        if !ui.ctx().egui_wants_keyboard_input() {
            move_focus(ui, session, lanes, focus);
        }
        let lane_width = (ui.available_width() - GAP * 3.0) / 4.0;
        let top = ui.cursor().top();
        let bottom = ui.max_rect().bottom();
        let header_height = WALL_HEADING_PT * 1.7;
        let per_lane =
            (((bottom - top - header_height + GAP) / (CARD_HEIGHT + GAP)).floor() as usize).max(1);
        let mut clicked = None;
        for (l, (status, ideas)) in LANES.iter().zip(lanes).enumerate() {
            let left = ui.max_rect().left() + l as f32 * (lane_width + GAP);
            let lane =
                Rect::from_min_max(egui::pos2(left, top), egui::pos2(left + lane_width, bottom));
            let colour = crate::ui::theme::rgb(crate::theme::status_rgb(*status));
            ui.painter()
                .rect_filled(lane, 10.0, colour.gamma_multiply(0.14));
            let title = if *status == Status::Selected {
                t.to_triage.to_owned()
            } else {
                crate::ui::views::capitalised(status.label(cx.language))
            };
            let header = Rect::from_min_size(lane.min, vec2(lane_width, header_height));
            let count = ui.painter().layout_no_wrap(
                ideas.len().to_string(),
                FontId::proportional(WALL_HEADING_PT * 1.1),
                colour,
            );
            let mut job = egui::text::LayoutJob::simple(
                title,
                FontId::proportional(WALL_TEXT_PT),
                Color32::BLACK,
                lane_width - count.size().x - 36.0,
            );
            job.wrap.max_rows = 2;
            let name = ui.painter().layout_job(job);
            ui.painter().galley(
                header.left_center() + vec2(12.0, -name.size().y / 2.0),
                name,
                Color32::BLACK,
            );
            ui.painter().galley(
                header.right_center() - vec2(12.0 + count.size().x, count.size().y / 2.0),
                count,
                colour,
            );
            let focused_at =
                focus.and_then(|f| ideas.iter().position(|&i| session.ideas[i].id == f));
            let page = focused_at.map_or(0, |p| p / per_lane);
            let first = page * per_lane;
            for (slot, &i) in ideas.iter().enumerate().skip(first).take(per_lane) {
                let idea = &session.ideas[i];
                let y = header.bottom() + (slot - first) as f32 * (CARD_HEIGHT + GAP);
                let rect = Rect::from_min_size(
                    egui::pos2(lane.left() + 8.0, y),
                    vec2(lane_width - 16.0, CARD_HEIGHT),
                );
                let focused = Some(slot) == focused_at;
                if triage_card_ui(ui, rect, idea, session, colour, focused).clicked() {
                    clicked = Some(idea.id);
                }
            }
            let hidden = ideas.len().saturating_sub(first + per_lane) + first;
            if hidden > 0 {
                ui.painter().text(
                    lane.center_bottom() - vec2(0.0, 6.0),
                    Align2::CENTER_BOTTOM,
                    t.counts.more_ideas.count(cx.language, hidden),
                    FontId::proportional(WALL_TEXT_PT * 0.75),
                    Color32::BLACK,
                );
            }
        }
        ui.allocate_rect(ui.available_rect_before_wrap(), Sense::hover());
        if clicked.is_some() {
            *focus = clicked;
        }
    }
}

/// Arrows: up and down within a lane, left and right to the neighbouring lane with
/// ideas (at the same height where it can).
fn move_focus(ui: &Ui, session: &Session, lanes: &[Vec<usize>], focus: &mut Option<Uuid>) {
    let step = arrow_step(ui, usize::MAX);
    if step == 0 {
        return;
    }
    let id = |i: usize| session.ideas[i].id;
    let at = focus.and_then(|f| {
        lanes
            .iter()
            .enumerate()
            .find_map(|(l, ideas)| ideas.iter().position(|&i| id(i) == f).map(|p| (l, p)))
    });
    let Some((lane, position)) = at else {
        *focus = lanes.iter().find_map(|ideas| ideas.first()).map(|&i| id(i));
        return;
    };
    if step.abs() == 1 {
        // Across: the next lane that has ideas, in the step's direction.
        let mut next = lane as isize + step;
        while (0..lanes.len() as isize).contains(&next) {
            let ideas = &lanes[next as usize];
            if let Some(&idea) = ideas.get(position.min(ideas.len().saturating_sub(1))) {
                *focus = Some(id(idea));
                return;
            }
            next += step;
        }
    } else {
        let ideas = &lanes[lane];
        let position = stepped(position, step.signum(), ideas.len());
        *focus = ideas.get(position).map(|&i| id(i));
    }
}

/// An idea on the triage wall: its title in two lines at most, its organisations, its
/// votes.
fn triage_card_ui(
    ui: &mut Ui,
    rect: Rect,
    idea: &Idea,
    session: &Session,
    colour: Color32,
    focused: bool,
) -> egui::Response {
    let response = ui.interact(
        rect,
        ui.scope_id().with(("triage-card", idea.id)),
        Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &idea.title));
    let painter = ui.painter();
    painter.rect_filled(rect, 8.0, Color32::from_rgb(0xff, 0xfd, 0xf2));
    painter.rect_stroke(rect, 8.0, outline(ui, focused, colour), StrokeKind::Outside);
    let inner = rect.shrink2(vec2(12.0, 8.0));
    let votes_width = WALL_TITLE_PT * 2.0;
    painter.text(
        inner.right_top(),
        Align2::RIGHT_TOP,
        idea.votes.to_string(),
        FontId::proportional(WALL_TITLE_PT),
        Color32::BLACK,
    );
    let mut job = egui::text::LayoutJob::simple(
        crate::model::text::display_order(&idea.title).into_owned(),
        FontId::proportional(WALL_TITLE_PT * 0.9),
        Color32::BLACK,
        inner.width() - votes_width,
    );
    job.wrap.max_rows = 2;
    let galley = ui.painter().layout_job(job);
    painter.galley(inner.min, galley, Color32::BLACK);
    let mut job = egui::text::LayoutJob::simple(
        session.organisation_names(idea).join(" · "),
        FontId::proportional(WALL_TEXT_PT * 0.75),
        Color32::from_gray(30),
        inner.width(),
    );
    job.wrap.max_rows = 1;
    let galley = ui.painter().layout_job(job);
    painter.galley(
        egui::pos2(inner.min.x, inner.max.y - galley.size().y),
        galley,
        Color32::BLACK,
    );
    response
}
