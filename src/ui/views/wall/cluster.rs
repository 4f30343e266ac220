//! One cluster at a time on the wall: its cards at a fixed, large size, paged. Arrows
//! move the focus, a click focuses, a double click or Space puts the card in the
//! spotlight, `+`/`−` vote, digits then Enter set the count.

use egui::{Align2, Color32, FontId, Key, Rect, Response, Sense, StrokeKind, Ui, vec2};

use super::{WallView, arrow_step, stepped};
use crate::model::{Action, Idea, Session, Status};
use crate::ui::ViewCtx;
use crate::ui::theme::{WALL_HEADING_PT, WALL_TEXT_PT, WALL_TITLE_PT, WALL_VOTES_PT, rgb};
use crate::ui::widgets::colour32;

/// The size of a card on the wall: three lines of title, two of organisations.
pub(super) const WALL_CARD: egui::Vec2 = vec2(450.0, 250.0);
const GAP: f32 = 16.0;

/// How a card shows on the wall.
pub(super) struct WallCard<'a> {
    pub idea: &'a Idea,
    pub focused: bool,
    pub hidden_tally: bool,
    /// Digits typed for its vote count, not yet confirmed.
    pub typed_votes: Option<&'a str>,
}

/// An idea as a large card in `rect`: its cluster's colour, its title in up to three
/// lines, its organisations, its votes in large type, and a mark once selected.
pub(super) fn wall_card_ui(
    ui: &mut Ui,
    rect: Rect,
    card: &WallCard,
    session: &Session,
    language: crate::model::Language,
) -> Response {
    let idea = card.idea;
    let response = ui.interact(
        rect,
        ui.scope_id().with(("wall-card", idea.id)),
        Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &idea.title));
    let accent = idea
        .cluster
        .and_then(|c| session.cluster(c))
        .map_or(rgb(crate::theme::UNGROUPED), |c| colour32(c.colour));
    let painter = ui.painter_at(rect.expand(6.0));
    painter.rect_filled(rect, 10.0, Color32::from_rgb(0xff, 0xfd, 0xf2));
    painter.rect_filled(
        Rect::from_min_size(rect.min, vec2(10.0, rect.height())),
        egui::CornerRadius {
            nw: 10,
            sw: 10,
            ne: 0,
            se: 0,
        },
        accent,
    );
    let border = super::outline(ui, card.focused, Color32::from_gray(90));
    painter.rect_stroke(rect, 10.0, border, StrokeKind::Outside);

    let inner = rect.shrink2(vec2(16.0, 12.0));
    let inner = Rect::from_min_max(inner.min + vec2(8.0, 0.0), inner.max);
    let votes_width = WALL_VOTES_PT * 2.2;
    // The votes, top right, in the largest type of the card.
    let votes_text = match (card.typed_votes, card.hidden_tally) {
        (Some(typed), _) => format!("{typed}_"),
        (None, true) => "?".to_owned(),
        (None, false) => idea.votes.to_string(),
    };
    let votes_rect = Rect::from_min_size(
        egui::pos2(inner.max.x - votes_width, inner.min.y),
        vec2(votes_width, WALL_VOTES_PT * 1.25),
    );
    if card.typed_votes.is_some() {
        painter.rect_filled(votes_rect, 8.0, Color32::from_rgb(0xff, 0xe8, 0x99));
    }
    painter.text(
        votes_rect.right_center() - vec2(6.0, 0.0),
        Align2::RIGHT_CENTER,
        votes_text,
        FontId::proportional(WALL_VOTES_PT),
        Color32::BLACK,
    );
    if idea.status != Status::Proposed {
        // The status as a light pill under the votes, in black: read at a distance.
        let mark = ui.painter().layout_no_wrap(
            status_mark(idea.status, language).to_owned(),
            FontId::proportional(WALL_TEXT_PT * 0.75),
            Color32::BLACK,
        );
        let pill = Rect::from_min_size(
            egui::pos2(inner.max.x - mark.size().x - 12.0, votes_rect.max.y + 4.0),
            mark.size() + vec2(12.0, 4.0),
        );
        let colour = rgb(crate::theme::status_rgb(idea.status));
        painter.rect_filled(pill, 6.0, colour.gamma_multiply(0.35));
        painter.galley(pill.min + vec2(6.0, 2.0), mark, Color32::BLACK);
    }

    // The title: up to three lines, cut with an ellipsis (whole in the spotlight).
    let orgs_height = WALL_TEXT_PT * 2.5;
    let title_width = inner.width() - votes_width - 8.0;
    let mut job = egui::text::LayoutJob::simple(
        crate::model::text::display_order(&idea.title).into_owned(),
        FontId::proportional(WALL_TITLE_PT),
        Color32::BLACK,
        title_width,
    );
    job.wrap.max_rows =
        (((inner.height() - orgs_height) / (WALL_TITLE_PT * 1.2)).floor() as usize).max(1);
    let galley = ui.painter().layout_job(job);
    painter.galley(inner.min, galley, Color32::BLACK);

    // The organisations, in full-strength type, over two lines at most.
    let orgs = session.organisation_names(idea).join(" · ");
    let mut job = egui::text::LayoutJob::simple(
        orgs,
        FontId::proportional(WALL_TEXT_PT * 0.85),
        Color32::from_gray(30),
        inner.width(),
    );
    job.wrap.max_rows = 2;
    let galley = ui.painter().layout_job(job);
    let top = inner.max.y - galley.size().y;
    painter.galley(egui::pos2(inner.min.x, top), galley, Color32::BLACK);
    response
}

/// The short mark of a status on a card ("✓ retenue", "à approfondir").
fn status_mark(status: Status, language: crate::model::Language) -> &'static str {
    let t = crate::i18n::words(language);
    match status {
        Status::Proposed => "",
        Status::Selected => t.mark_selected,
        Status::Abandoned => t.mark_abandoned,
        Status::Imminent => t.mark_imminent,
        Status::ToDeepen => t.mark_to_deepen,
    }
}

impl WallView {
    /// The cluster `group_index` of the groups, whose ideas are `ideas`.
    pub(super) fn cluster_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx,
        hidden_tally: bool,
        group_index: usize,
        ideas: &[usize],
    ) {
        let session = cx.session;
        let t = cx.t;
        let votes = self.groups[group_index].votes;
        let cluster = self.groups[group_index]
            .cluster
            .and_then(|c| session.cluster(c));
        let name = cluster.map_or(t.ungrouped, |c| c.name.as_str());
        let colour = cluster.map_or(rgb(crate::theme::UNGROUPED), |c| colour32(c.colour));

        let mut focus_index = self
            .focus
            .and_then(|f| ideas.iter().position(|&i| session.ideas[i].id == f))
            .unwrap_or(0);
        self.keyboard(ui, cx, ideas, &mut focus_index);
        self.focus = ideas.get(focus_index).map(|&i| session.ideas[i].id);

        // The header: the cluster's name, its counts, the page.
        let space = ui.available_size() - vec2(0.0, WALL_HEADING_PT * 1.6);
        let columns = (((space.x + GAP) / (WALL_CARD.x + GAP)).floor() as usize).max(1);
        let rows = (((space.y + GAP) / (WALL_CARD.y + GAP)).floor() as usize).max(1);
        let per_page = columns * rows;
        // The rows share the height: larger cards rather than a blank band.
        let card_height = ((space.y - 8.0 - GAP * (rows as f32 - 1.0)) / rows as f32)
            .clamp(WALL_CARD.y, WALL_CARD.y * 1.4);
        self.columns = columns;
        self.per_page = per_page;
        let page = focus_index / per_page;
        let pages = ideas.len().div_ceil(per_page).max(1);
        ui.horizontal(|ui| {
            let (bar, _) = ui.allocate_exact_size(vec2(14.0, WALL_HEADING_PT), Sense::hover());
            ui.painter().rect_filled(bar, 4.0, colour);
            ui.label(
                egui::RichText::new(name)
                    .size(WALL_HEADING_PT)
                    .strong()
                    .color(Color32::BLACK),
            );
            let mut counts = t.counts.ideas.count(cx.language, ideas.len());
            if !hidden_tally {
                counts = format!(
                    "{counts} · {}",
                    t.counts.votes.count(cx.language, votes as usize)
                );
            }
            if pages > 1 {
                counts = format!(
                    "{counts} · {}",
                    crate::i18n::fill(t.wall_page, &[("page", &(page + 1)), ("pages", &pages)])
                );
            }
            ui.label(egui::RichText::new(counts).size(WALL_TEXT_PT));
        });
        ui.add_space(8.0);

        // The cards of the page, spread over the width.
        let width = (ui.available_width() - GAP * (columns as f32 - 1.0)) / columns as f32;
        let card_size = vec2(
            width.max(WALL_CARD.x.min(ui.available_width())),
            card_height,
        );
        let origin = egui::pos2(ui.max_rect().left(), ui.cursor().top() + 4.0);
        let mut clicked = None;
        let mut spotlight = false;
        let first = page * per_page;
        for (slot, &i) in ideas.iter().enumerate().skip(first).take(per_page) {
            let offset = slot - first;
            let (row, column) = (offset / columns, offset % columns);
            let rect = egui::Rect::from_min_size(
                origin
                    + vec2(
                        column as f32 * (card_size.x + GAP),
                        row as f32 * (card_size.y + GAP),
                    ),
                card_size,
            );
            let idea = &session.ideas[i];
            let focused = slot == focus_index;
            let card = super::cluster::WallCard {
                idea,
                focused,
                hidden_tally,
                typed_votes: (focused && !self.typed_votes.is_empty())
                    .then_some(self.typed_votes.as_str()),
            };
            let response = wall_card_ui(ui, rect, &card, session, cx.language);
            if response.clicked() {
                clicked = Some(idea.id);
            }
            if response.double_clicked() {
                clicked = Some(idea.id);
                spotlight = true;
            }
        }
        ui.allocate_rect(ui.available_rect_before_wrap(), Sense::hover());
        if let Some(id) = clicked {
            if self.focus != Some(id) {
                self.typed_votes.clear();
            }
            self.focus = Some(id);
        }
        if spotlight {
            self.mode = super::WallMode::Spotlight;
        }
    }

    /// Arrows move the focus; digits then Enter set the focused card's votes.
    fn keyboard(&mut self, ui: &Ui, cx: &mut ViewCtx, ideas: &[usize], focus_index: &mut usize) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let step = arrow_step(ui, self.columns);
        if step != 0 {
            *focus_index = stepped(*focus_index, step, ideas.len());
            self.typed_votes.clear();
        }
        self.type_votes(
            ui,
            cx,
            ideas.get(*focus_index).map(|&i| &cx.session.ideas[i]),
        );
    }

    /// Digits typed while a card is in focus build its new vote count; Enter sets it,
    /// Backspace takes a digit back.
    pub(super) fn type_votes(&mut self, ui: &Ui, cx: &mut ViewCtx, idea: Option<&Idea>) {
        let Some(idea) = idea else {
            return;
        };
        let (digits, enter, backspace) = ui.input(|i| {
            let digits: String = i
                .events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Text(t) => Some(t.chars().filter(char::is_ascii_digit)),
                    _ => None,
                })
                .flatten()
                .collect();
            (
                digits,
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Backspace),
            )
        });
        if self.typed_votes.len() + digits.len() <= 4 {
            self.typed_votes.push_str(&digits);
        }
        if backspace {
            self.typed_votes.pop();
        }
        if enter && !self.typed_votes.is_empty() {
            if let Ok(votes) = self.typed_votes.parse::<u32>()
                && votes != idea.votes
            {
                cx.apply(Action::SetVotes {
                    idea: idea.id,
                    votes,
                });
            }
            self.typed_votes.clear();
        }
    }
}
