//! The board ("Tableau"): ideas as cards in clusters. Drag cards onto a cluster or onto
//! another card; select with click, Shift, Ctrl, a lasso or the keyboard; group, vote,
//! filter. Only the cards in view are laid out, so 5 000 ideas stay fluid.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use egui::{Color32, Key, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};
use uuid::Uuid;

use crate::model::{Action, Cluster, ClusterTarget, Colour, Session};
use crate::ui::ViewCtx;
use crate::ui::command::Command;
use crate::ui::document::ContentVersion;
use crate::ui::views::wall::{WallInputs, WallView};
use crate::ui::widgets::{card_ui, category_choices, id_names, optional_choice_ui};

mod clusters;
mod layout;

pub use layout::Filter;
use layout::Layout;

/// Cards being dragged.
#[derive(Clone, Debug)]
struct DraggedCards(Vec<Uuid>);

#[derive(Default)]
pub struct BoardView {
    pub filter: Filter,
    pub sort_by_votes: bool,
    pub hidden_tally: bool,
    pub selection: HashSet<Uuid>,
    anchor: Option<Uuid>,
    pub focus: Option<Uuid>,
    /// The name typed for a new cluster, while the group prompt is open.
    group_prompt: Option<String>,
    /// The prompt's field takes the keyboard once, when it opens.
    focus_group_prompt: bool,
    /// The cluster being renamed, the name typed, and whether its field still has to
    /// take the keyboard.
    rename: Option<(Uuid, String, bool)>,
    lasso_start: Option<Pos2>,
    focus_filter: bool,
    /// Ideas in display order, as last drawn (for keyboard moves and Shift ranges).
    order: Vec<Uuid>,
    columns: usize,
    /// What the projector shows in presentation mode.
    pub wall: WallView,
    /// The layout last drawn, and what it was built from: rebuilt when the session,
    /// the filter, the order or the width changes, not every frame.
    layout_cache: Option<(LayoutKey, Arc<Layout>)>,
    /// The clusters' names as last laid out, to see one appear or be renamed.
    known_clusters: Option<(ContentVersion, HashMap<Uuid, String>)>,
    /// A cluster to bring into view once laid out (new or renamed).
    scroll_to_cluster: Option<Uuid>,
}

/// What the board's layout is built from.
#[derive(Clone, PartialEq)]
struct LayoutKey {
    version: ContentVersion,
    filter: Filter,
    sort_by_votes: bool,
    hidden_tally: bool,
    width_bits: u32,
}

impl BoardView {
    /// The ideas an action applies to: the selection, else the focused card.
    fn targets(&self) -> Vec<Uuid> {
        if self.selection.is_empty() {
            self.focus.into_iter().collect()
        } else {
            self.order
                .iter()
                .filter(|id| self.selection.contains(id))
                .copied()
                .collect()
        }
    }

    /// True when a command would act on some card (selected or focused).
    pub fn has_targets(&self) -> bool {
        !self.selection.is_empty() || self.focus.is_some()
    }

    /// Escape on the wall: one step back (see [`WallView::back`]); false when there
    /// is none left to take.
    pub fn wall_back(&mut self) -> bool {
        self.wall.back(&mut self.filter)
    }

    /// The cluster of the focused card, which the cluster commands act on.
    pub fn current_cluster(&self, session: &Session) -> Option<Uuid> {
        self.focus
            .and_then(|id| session.idea(id))
            .and_then(|idea| idea.cluster)
    }

    pub fn on_command(&mut self, command: &Command, cx: &mut ViewCtx) {
        if cx.presentation
            && matches!(
                command,
                Command::Find
                    | Command::WallOverview
                    | Command::PreviousCluster
                    | Command::NextCluster
                    | Command::Spotlight
                    | Command::VoteUp
                    | Command::VoteDown
                    | Command::ToggleSelectedForB2b
            )
        {
            self.wall.on_command(command, cx);
            return;
        }
        let current = self.current_cluster(cx.session);
        match command {
            Command::Find => self.focus_filter = true,
            Command::GroupSelection if !self.targets().is_empty() => {
                let n = cx.session.clusters.len() + 1;
                self.group_prompt = Some(format!("{} {n}", cx.t.cluster_default));
                self.focus_group_prompt = true;
            }
            Command::SelectAllCards => self.selection = self.order.iter().copied().collect(),
            Command::VoteUp | Command::VoteDown => {
                let delta = if *command == Command::VoteUp { 1 } else { -1 };
                for idea in self.targets() {
                    cx.apply(Action::AddVotes { idea, delta });
                }
            }
            Command::ToggleSelectedForB2b => {
                for id in self.targets() {
                    if let Some(idea) = cx.session.idea(id) {
                        cx.apply(crate::ui::views::wall::toggle_selected(id, idea.status));
                    }
                }
            }
            Command::ToggleHiddenTally => self.hidden_tally = !self.hidden_tally,
            Command::ToggleSortByVotes => self.sort_by_votes = !self.sort_by_votes,
            Command::DeleteSelection => {
                let targets = self.targets();
                if !targets.is_empty() {
                    cx.apply(Action::RemoveIdeas(targets));
                    self.selection.clear();
                    self.focus = None;
                }
            }
            Command::RenameCluster(cluster) => {
                if let Some(cluster) = cluster.or(current).and_then(|id| cx.session.cluster(id)) {
                    self.rename = Some((cluster.id, cluster.name.clone(), true));
                }
            }
            Command::RecolourCluster(cluster, colour) => {
                if let Some(cluster) = cluster.or(current).and_then(|id| cx.session.cluster(id)) {
                    let mut recoloured = cluster.clone();
                    recoloured.colour = *colour;
                    cx.apply(Action::UpdateCluster(recoloured));
                }
            }
            Command::MergeClusterInto { from, into } => {
                if let Some(from) = from.or(current)
                    && from != *into
                {
                    cx.apply(Action::MergeClusters {
                        into: *into,
                        from: vec![from],
                    });
                }
            }
            Command::DissolveCluster(cluster) => {
                if let Some(cluster) = cluster.or(current) {
                    cx.apply(Action::DissolveCluster(cluster));
                }
            }
            _ => {}
        }
    }

    /// The size of card titles, in points: on the projector, at least 28 while 40 cards
    /// or fewer are shown (readable from the back of a hall on a 1080p screen).
    pub fn card_title_size(&self, presentation: bool, cards_shown: usize) -> f32 {
        match (presentation, cards_shown <= 40) {
            (true, true) => 30.0,
            (true, false) => 20.0,
            (false, _) => 15.0,
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        if cx.presentation {
            if self.hidden_tally {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(t.tally_hidden).size(24.0));
                    if ui.button(RichText::new(t.reveal).size(24.0)).clicked() {
                        cx.command(Command::ToggleHiddenTally);
                    }
                });
            }
            let inputs = WallInputs {
                filter: &mut self.filter,
                hidden_tally: self.hidden_tally,
            };
            self.wall.ui(ui, cx, inputs);
            return;
        }
        self.toolbar_ui(ui, cx);
        self.keyboard(ui, cx);

        let width = ui.available_width() - 16.0;
        let layout = self.cached_layout(cx, width);

        egui::ScrollArea::vertical()
            .id_salt("board")
            .auto_shrink(false)
            .scroll_source(egui::scroll_area::ScrollSource {
                drag: egui::scroll_area::DragScroll::Never,
                ..Default::default()
            })
            .show_viewport(ui, |ui, viewport| {
                self.content_ui(ui, viewport, &layout, cx);
            });

        if self.group_prompt.is_some() {
            self.group_prompt_ui(ui, cx);
        }
    }

    /// The layout for this frame: the last one, unless what it is built from changed.
    fn cached_layout(&mut self, cx: &ViewCtx, width: f32) -> Arc<Layout> {
        let key = LayoutKey {
            version: cx.version,
            filter: self.filter.clone(),
            sort_by_votes: self.sort_by_votes,
            hidden_tally: self.hidden_tally,
            width_bits: width.to_bits(),
        };
        if let Some((cached_key, layout)) = &self.layout_cache
            && *cached_key == key
        {
            return Arc::clone(layout);
        }
        let layout = Arc::new(self.layout(cx.session, width));
        self.columns = layout.columns;
        self.order = layout
            .order()
            .map(|(_, _, i)| cx.session.ideas[i].id)
            .collect();
        if self.focus.is_some_and(|f| !self.order.contains(&f)) {
            self.focus = None;
        }
        self.notice_cluster_changes(cx);
        self.layout_cache = Some((key, Arc::clone(&layout)));
        layout
    }

    /// Remembers the clusters' names; one that appeared or was renamed since the last
    /// layout of the same document is brought into view.
    fn notice_cluster_changes(&mut self, cx: &ViewCtx) {
        let names: HashMap<Uuid, String> = cx
            .session
            .clusters
            .iter()
            .map(|c| (c.id, c.name.clone()))
            .collect();
        if let Some((version, known)) = &self.known_clusters
            && version.same_document(&cx.version)
        {
            let changed = cx
                .session
                .clusters
                .iter()
                .rev()
                .find(|c| known.get(&c.id) != Some(&c.name));
            if let Some(cluster) = changed {
                self.scroll_to_cluster = Some(cluster.id);
            }
        }
        self.known_clusters = Some((cx.version, names));
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        ui.horizontal_wrapped(|ui| {
            crate::ui::widgets::filter_field_ui(
                ui,
                t,
                &mut self.filter.text,
                200.0,
                &mut self.focus_filter,
            );
            let organisations = id_names(session.organisations.iter().map(|o| (o.id, &o.name)));
            let categories = category_choices(session, cx.language);
            let tables = id_names(session.tables.iter().map(|c| (c.id, &c.name)));
            let filter = &mut self.filter;
            optional_choice_ui(
                ui,
                "board-org",
                t.organisation,
                &mut filter.organisation,
                t.all_organisations,
                &organisations,
            );
            optional_choice_ui(
                ui,
                "board-category",
                t.category,
                &mut filter.category,
                t.all_categories,
                &categories,
            );
            optional_choice_ui(
                ui,
                "board-table",
                t.table,
                &mut filter.table,
                t.all_tables,
                &tables,
            );
            ui.separator();
            for (on, command) in [
                (self.sort_by_votes, Command::ToggleSortByVotes),
                (self.hidden_tally, Command::ToggleHiddenTally),
            ] {
                if ui
                    .selectable_label(on, command.label(cx.language))
                    .on_hover_text(command.shortcut_text(ui.ctx()))
                    .clicked()
                {
                    cx.command(command);
                }
            }
            ui.separator();
            let n = self.targets().len();
            if n > 0 {
                ui.label(t.counts.selected_count.count(cx.language, n));
                if ui
                    .button(t.group)
                    .on_hover_text(Command::GroupSelection.shortcut_text(ui.ctx()))
                    .clicked()
                {
                    cx.command(Command::GroupSelection);
                }
                if ui.button(t.clear_selection).clicked() {
                    self.selection.clear();
                }
            }
        });
        ui.label(RichText::new(t.board_hint).weak().small());
    }

    /// Arrows move the focused card, Space selects it (when no text field is in use).
    fn keyboard(&mut self, ui: &mut Ui, _cx: &mut ViewCtx) {
        if ui.ctx().egui_wants_keyboard_input() || self.order.is_empty() {
            return;
        }
        let step = crate::ui::views::arrow_step(ui, self.columns);
        let space = ui.input(|i| i.key_pressed(Key::Space));
        if step != 0 {
            let current = self
                .focus
                .and_then(|f| self.order.iter().position(|id| *id == f));
            let next = match current {
                None => 0,
                Some(c) => (c as isize + step).clamp(0, self.order.len() as isize - 1) as usize,
            };
            self.focus = self.order.get(next).copied();
        }
        if space && let Some(focus) = self.focus {
            if !self.selection.remove(&focus) {
                self.selection.insert(focus);
            }
            self.anchor = Some(focus);
        }
    }

    fn content_ui(&mut self, ui: &mut Ui, viewport: Rect, layout: &Layout, cx: &mut ViewCtx) {
        let session = cx.session;
        let origin = ui.max_rect().min;
        let width = layout.columns as f32 * (layout.card.x + layout.gap);
        let content = Rect::from_min_size(
            origin,
            vec2(width.max(ui.available_width()), layout.total_height),
        );
        ui.set_min_size(content.size());
        let to_screen = |r: Rect| r.translate(origin.to_vec2());

        // The background: a drag on it draws a lasso.
        let background = ui.interact(
            content,
            ui.scope_id().with("board-bg"),
            Sense::click_and_drag(),
        );
        if background.clicked() && !ui.input(|i| i.modifiers.command || i.modifiers.shift) {
            self.selection.clear();
        }
        if background.drag_started()
            && let Some(p) = background.interact_pointer_pos()
        {
            self.lasso_start = Some(p - origin.to_vec2());
        }

        // A new or renamed cluster is brought into view, wherever it is.
        if let Some(wanted) = self.scroll_to_cluster.take()
            && let Some(section) = layout.sections.iter().find(|s| s.cluster == Some(wanted))
        {
            let rect = Rect::from_min_size(
                pos2(0.0, section.top),
                vec2(width - layout.gap, section.height.min(viewport.height())),
            );
            ui.scroll_to_rect(to_screen(rect), Some(egui::Align::TOP));
        }
        self.edge_scroll(ui);

        let mut clicked: Option<(Uuid, egui::Modifiers)> = None;
        let mut drop: Option<(Vec<Uuid>, DropTarget)> = None;
        for section in &layout.sections {
            let section_rect = Rect::from_min_size(
                pos2(0.0, section.top),
                vec2(width - layout.gap, section.height),
            );
            if !section_rect.intersects(viewport) {
                continue;
            }
            let screen = to_screen(section_rect);
            let zone = ui.interact(
                screen,
                ui.scope_id().with(("section", section.cluster)),
                Sense::hover(),
            );
            let cluster = section.cluster.and_then(|c| session.cluster(c));
            self.section_frame_ui(ui, screen, cluster, section, layout, cx, &zone);

            for (index, &i) in section.ideas.iter().enumerate() {
                let rect = layout.card_rect(section, index);
                if !rect.intersects(viewport) {
                    continue;
                }
                let idea = &session.ideas[i];
                let out = card_ui(
                    ui,
                    to_screen(rect),
                    idea,
                    session,
                    layout.style,
                    self.selection.contains(&idea.id),
                    self.focus == Some(idea.id),
                );
                if out.vote_delta != 0 {
                    cx.apply(Action::AddVotes {
                        idea: idea.id,
                        delta: out.vote_delta,
                    });
                }
                if let Some(votes) = out.votes_typed {
                    cx.apply(Action::SetVotes {
                        idea: idea.id,
                        votes,
                    });
                }
                if out.response.clicked() {
                    clicked = Some((idea.id, ui.input(|i| i.modifiers)));
                }
                if out.response.drag_started() {
                    if !self.selection.contains(&idea.id) {
                        self.selection = HashSet::from([idea.id]);
                    }
                    let dragged: Vec<Uuid> = self
                        .order
                        .iter()
                        .filter(|id| self.selection.contains(id))
                        .copied()
                        .collect();
                    out.response.dnd_set_drag_payload(DraggedCards(dragged));
                }
                if let Some(payload) = out.response.dnd_release_payload::<DraggedCards>() {
                    drop = Some((payload.0.clone(), DropTarget::Card(idea.id)));
                }
            }
            if let Some(payload) = zone.dnd_release_payload::<DraggedCards>() {
                drop = Some((payload.0.clone(), DropTarget::Cluster(section.cluster)));
            }
        }

        // What is being dragged follows the pointer.
        if let (Some(payload), Some(pointer)) = (
            egui::DragAndDrop::payload::<DraggedCards>(ui.ctx()),
            ui.ctx().pointer_interact_pos(),
        ) {
            let painter = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Tooltip,
                egui::Id::unique("dragged-cards"),
            ));
            let text = format!("{}", payload.0.len());
            let rect = Rect::from_min_size(pointer + vec2(12.0, 12.0), vec2(60.0, 28.0));
            painter.rect_filled(rect, 6.0, ui.visuals().selection.bg_fill);
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional(16.0),
                Color32::WHITE,
            );
        }

        // The lasso.
        if let Some(start) = self.lasso_start {
            let current = background
                .interact_pointer_pos()
                .or(ui.ctx().pointer_latest_pos())
                .map_or(start, |p| p - origin.to_vec2());
            let lasso = Rect::from_two_pos(start, current);
            ui.painter().rect(
                to_screen(lasso),
                2.0,
                ui.visuals().selection.bg_fill.gamma_multiply(0.2),
                Stroke::new(1.5, ui.visuals().selection.stroke.color),
                StrokeKind::Inside,
            );
            if background.drag_stopped() || !ui.input(|i| i.pointer.any_down()) {
                if !ui.input(|i| i.modifiers.command || i.modifiers.shift) {
                    self.selection.clear();
                }
                for section in &layout.sections {
                    for (index, &i) in section.ideas.iter().enumerate() {
                        if layout.card_rect(section, index).intersects(lasso) {
                            self.selection.insert(session.ideas[i].id);
                        }
                    }
                }
                self.lasso_start = None;
            }
        }

        if let Some((id, modifiers)) = clicked {
            self.click(id, modifiers);
        }
        if let Some((ideas, target)) = drop {
            self.drop(ideas, target, cx);
        }
    }

    /// While cards are dragged near the top or the bottom of the board, it scrolls that
    /// way, the faster the nearer the edge.
    fn edge_scroll(&self, ui: &mut Ui) {
        let dragging = egui::DragAndDrop::has_payload_of_type::<DraggedCards>(ui.ctx());
        let Some(pointer) = ui.ctx().pointer_latest_pos().filter(|_| dragging) else {
            return;
        };
        let visible = ui.clip_rect();
        if !visible.x_range().contains(pointer.x) {
            return;
        }
        let speed = edge_scroll_speed(pointer.y - visible.top(), visible.bottom() - pointer.y);
        if speed != 0.0 {
            ui.scroll_with_delta(vec2(0.0, speed));
            ui.ctx().request_repaint();
        }
    }

    fn click(&mut self, id: Uuid, modifiers: egui::Modifiers) {
        if modifiers.command {
            if !self.selection.remove(&id) {
                self.selection.insert(id);
            }
            self.anchor = Some(id);
        } else if modifiers.shift
            && let Some(anchor) = self.anchor
        {
            let a = self.order.iter().position(|x| *x == anchor);
            let b = self.order.iter().position(|x| *x == id);
            if let (Some(a), Some(b)) = (a, b) {
                let (from, to) = (a.min(b), a.max(b));
                self.selection.extend(self.order[from..=to].iter().copied());
            }
        } else {
            self.selection = HashSet::from([id]);
            self.anchor = Some(id);
        }
        self.focus = Some(id);
    }

    fn drop(&mut self, ideas: Vec<Uuid>, target: DropTarget, cx: &mut ViewCtx) {
        let session = cx.session;
        match target {
            DropTarget::Cluster(Some(cluster)) => cx.apply(Action::GroupIdeas {
                ideas,
                target: ClusterTarget::Existing(cluster),
            }),
            DropTarget::Cluster(None) => cx.apply(Action::UngroupIdeas(ideas)),
            DropTarget::Card(card) => {
                if ideas.contains(&card) {
                    return;
                }
                let target_cluster = session.idea(card).and_then(|i| i.cluster);
                match target_cluster {
                    // Onto a card in a cluster: join that cluster.
                    Some(cluster) => cx.apply(Action::GroupIdeas {
                        ideas,
                        target: ClusterTarget::Existing(cluster),
                    }),
                    // Onto a loose card: the two make a new cluster.
                    None => {
                        let n = session.clusters.len();
                        let cluster = Cluster::new(
                            format!("{} {}", cx.t.cluster_default, n + 1),
                            Colour::nth(n),
                        );
                        let mut all = vec![card];
                        all.extend(ideas);
                        cx.apply(Action::GroupIdeas {
                            ideas: all,
                            target: ClusterTarget::New(cluster),
                        });
                    }
                }
            }
        }
        self.selection.clear();
    }
}

/// How near the edge of the board, in points, a dragged card makes it scroll.
const EDGE_SCROLL_ZONE: f32 = 60.0;
/// The fastest the board scrolls under a dragged card, in points a frame.
const EDGE_SCROLL_MAX: f32 = 24.0;

/// How fast the board scrolls under a dragged card `from_top` and `from_bottom` points
/// from its edges: positive scrolls up (towards the top), zero away from the edges.
fn edge_scroll_speed(from_top: f32, from_bottom: f32) -> f32 {
    let pull = |distance: f32| (1.0 - distance.max(0.0) / EDGE_SCROLL_ZONE).max(0.0);
    if from_top < EDGE_SCROLL_ZONE {
        EDGE_SCROLL_MAX * pull(from_top)
    } else if from_bottom < EDGE_SCROLL_ZONE {
        -EDGE_SCROLL_MAX * pull(from_bottom)
    } else {
        0.0
    }
}

enum DropTarget {
    Cluster(Option<Uuid>),
    Card(Uuid),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_dragged_near_an_edge_scrolls_that_way_faster_nearer() {
        assert_eq!(edge_scroll_speed(300.0, 300.0), 0.0);
        assert!(edge_scroll_speed(10.0, 600.0) > edge_scroll_speed(50.0, 600.0));
        assert!(edge_scroll_speed(50.0, 600.0) > 0.0);
        assert!(edge_scroll_speed(600.0, 5.0) < edge_scroll_speed(600.0, 40.0));
        assert!(edge_scroll_speed(600.0, 40.0) < 0.0);
        assert_eq!(edge_scroll_speed(0.0, 600.0), EDGE_SCROLL_MAX);
    }
}
