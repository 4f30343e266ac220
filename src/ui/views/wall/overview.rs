//! The wall's overview: every cluster on one screen as a tile with its name, its number
//! of ideas and its votes. Arrows move the highlight, Enter or a click opens a cluster.

use egui::{Align2, Color32, FontId, Key, Rect, Sense, StrokeKind, Ui, pos2, vec2};

use super::{WallView, arrow_step, outline, stepped};
use crate::ui::ViewCtx;
use crate::ui::theme::{WALL_TEXT_PT, rgb};
use crate::ui::widgets::colour32;

/// The smallest tile that keeps its type at [`WALL_TEXT_PT`]; more tiles than fit at
/// this size are paged.
const MIN_TILE: egui::Vec2 = vec2(240.0, 124.0);
const GAP: f32 = 12.0;

/// The grid for `n` tiles in `space`: the columns and rows that give the largest tiles.
pub(super) fn tile_grid(n: usize, space: egui::Vec2) -> (usize, usize, egui::Vec2) {
    let n = n.max(1);
    let mut best = (1, n, vec2(0.0, 0.0), 0.0_f32);
    for columns in 1..=n {
        let rows = n.div_ceil(columns);
        let size = vec2(
            (space.x - GAP * (columns as f32 - 1.0)) / columns as f32,
            (space.y - GAP * (rows as f32 - 1.0)) / rows as f32,
        );
        let scale = (size.x / MIN_TILE.x).min(size.y / MIN_TILE.y);
        if scale > best.3 {
            best = (columns, rows, size, scale);
        }
    }
    if best.3 >= 1.0 {
        return (best.0, best.1, best.2);
    }
    // Too many to fit: as many tiles of the smallest size as the screen holds.
    let columns = (((space.x + GAP) / (MIN_TILE.x + GAP)).floor() as usize).max(1);
    let rows = (((space.y + GAP) / (MIN_TILE.y + GAP)).floor() as usize).max(1);
    let size = vec2(
        (space.x - GAP * (columns as f32 - 1.0)) / columns as f32,
        MIN_TILE.y,
    );
    (columns, rows, size)
}

impl WallView {
    pub(super) fn overview_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, hidden_tally: bool) {
        let session = cx.session;
        let t = cx.t;
        let n = self.groups.len();
        // Below the banner, if any.
        let area = ui.available_rect_before_wrap();
        let space = area.size();
        let (columns, rows, tile) = tile_grid(n, space);
        self.overview_columns = columns;
        if !ui.ctx().egui_wants_keyboard_input() {
            let step = arrow_step(ui, columns);
            self.tile = stepped(self.tile, step, n);
            if ui.input(|i| i.key_pressed(Key::Enter)) {
                self.open_at(self.tile, session);
                return;
            }
        }
        let per_page = (columns * rows).max(1);
        let page = self.tile / per_page;
        let origin = area.min;
        // The type grows with the tiles, from the smallest that reads at 15 m.
        let scale = (tile.y / MIN_TILE.y).clamp(1.0, 1.8);
        let name_font = FontId::proportional(WALL_TEXT_PT * scale);
        let count_font = FontId::proportional(WALL_TEXT_PT * scale);
        let mut opened = None;
        for (slot, index) in (page * per_page..((page + 1) * per_page).min(n)).enumerate() {
            let group = &self.groups[index];
            let (row, column) = (slot / columns, slot % columns);
            let rect = Rect::from_min_size(
                origin + vec2(column as f32 * (tile.x + GAP), row as f32 * (tile.y + GAP)),
                tile,
            );
            let cluster = group.cluster.and_then(|c| session.cluster(c));
            let name = cluster.map_or(t.ungrouped, |c| c.name.as_str());
            let colour = cluster.map_or(rgb(crate::theme::UNGROUPED), |c| colour32(c.colour));
            let response = ui.interact(rect, ui.scope_id().with(("tile", index)), Sense::click());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
            if response.clicked() {
                opened = Some(index);
            }
            let painter = ui.painter();
            painter.rect_filled(rect, 10.0, colour.gamma_multiply(0.16));
            painter.rect_filled(
                Rect::from_min_size(rect.min, vec2(12.0, rect.height())),
                egui::CornerRadius {
                    nw: 10,
                    sw: 10,
                    ne: 0,
                    se: 0,
                },
                colour,
            );
            let highlighted = index == self.tile;
            painter.rect_stroke(
                rect,
                10.0,
                outline(ui, highlighted, colour),
                StrokeKind::Inside,
            );
            let inner = rect.shrink2(vec2(14.0, 10.0));
            let inner = Rect::from_min_max(inner.min + vec2(10.0, 0.0), inner.max);
            let counts_height = count_font.size * 1.3;
            let mut job = egui::text::LayoutJob::simple(
                name.to_owned(),
                name_font.clone(),
                Color32::BLACK,
                inner.width(),
            );
            job.wrap.max_rows =
                (((inner.height() - counts_height) / (name_font.size * 1.2)).floor() as usize)
                    .max(1);
            let galley = ui.painter().layout_job(job);
            painter.galley(inner.min, galley, Color32::BLACK);
            let ideas = t.counts.ideas.count(cx.language, group.ideas.len());
            let counts = if hidden_tally {
                ideas
            } else {
                format!(
                    "{ideas} · {}",
                    t.counts.votes.count(cx.language, group.votes as usize)
                )
            };
            painter.text(
                pos2(inner.min.x, inner.max.y),
                Align2::LEFT_BOTTOM,
                counts,
                count_font.clone(),
                Color32::BLACK,
            );
        }
        let pages = n.div_ceil(per_page);
        if pages > 1 {
            ui.painter().text(
                ui.max_rect().right_bottom(),
                Align2::RIGHT_BOTTOM,
                crate::i18n::fill(t.wall_page, &[("page", &(page + 1)), ("pages", &pages)]),
                FontId::proportional(WALL_TEXT_PT * 0.8),
                Color32::BLACK,
            );
        }
        ui.allocate_rect(ui.max_rect(), Sense::hover());
        if let Some(index) = opened {
            self.open_at(index, session);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forty_two_clusters_fit_on_a_1080p_screen() {
        let (columns, rows, tile) = tile_grid(42, vec2(1900.0, 1000.0));
        assert!(columns * rows >= 42);
        assert!(tile.x >= MIN_TILE.x && tile.y >= MIN_TILE.y, "{tile:?}");
    }

    #[test]
    fn a_few_clusters_get_large_tiles() {
        let (columns, rows, tile) = tile_grid(6, vec2(1900.0, 1000.0));
        assert_eq!(columns * rows, 6);
        assert!(tile.y > MIN_TILE.y * 2.0);
    }

    #[test]
    fn too_many_clusters_are_paged_at_the_smallest_size() {
        let (columns, rows, tile) = tile_grid(200, vec2(1900.0, 1000.0));
        assert!(columns * rows < 200);
        assert_eq!(tile.y, MIN_TILE.y);
    }
}
