//! The board ("Tableau"): ideas as cards in clusters. Drag cards onto a cluster or onto
//! another card; select with click, Shift, Ctrl, a lasso or the keyboard; group, vote,
//! filter. Only the cards in view are laid out, so 5 000 ideas stay fluid.

use std::collections::HashSet;

use egui::{Color32, Key, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};
use uuid::Uuid;

use crate::model::text::fold;
use crate::model::{Action, Cluster, ClusterTarget, Colour, Idea, Session};
use crate::ui::ViewCtx;
use crate::ui::command::Command;
use crate::ui::widgets::Named;
use crate::ui::widgets::{CardStyle, card_ui, colour32};

/// Cards being dragged.
#[derive(Clone, Debug)]
struct DraggedCards(Vec<Uuid>);

/// What the board shows.
#[derive(Default, Clone)]
pub struct Filter {
    pub text: String,
    pub organisation: Option<Uuid>,
    pub category: Option<String>,
    pub table: Option<Uuid>,
}

impl Filter {
    pub fn matches(&self, session: &Session, idea: &Idea, folded_text: &str) -> bool {
        if self
            .organisation
            .is_some_and(|o| !idea.organisations.contains(&o))
        {
            return false;
        }
        if self.category.is_some() && idea.category != self.category {
            return false;
        }
        if self.table.is_some() && idea.table != self.table {
            return false;
        }
        if folded_text.is_empty() {
            return true;
        }
        fold(&idea.title).contains(folded_text)
            || fold(&idea.description).contains(folded_text)
            || idea
                .organisations
                .iter()
                .filter_map(|o| session.organisation(*o))
                .any(|o| fold(&o.name).contains(folded_text))
    }
}

/// One cluster (or the ungrouped ideas) as laid out on the board.
struct Section {
    cluster: Option<Uuid>,
    /// Indices into `session.ideas`, in display order.
    ideas: Vec<usize>,
    /// Top of the section, in content coordinates.
    top: f32,
    height: f32,
}

/// The board's geometry for one frame.
struct Layout {
    sections: Vec<Section>,
    card: Vec2,
    gap: f32,
    header: f32,
    columns: usize,
    total_height: f32,
    style: CardStyle,
}

impl Layout {
    /// The rectangle of card `index` of `section`, in content coordinates.
    fn card_rect(&self, section: &Section, index: usize) -> Rect {
        let row = index / self.columns;
        let column = index % self.columns;
        let min = pos2(
            column as f32 * (self.card.x + self.gap),
            section.top + self.header + row as f32 * (self.card.y + self.gap),
        );
        Rect::from_min_size(min, self.card)
    }

    /// Every card in display order, with its section.
    fn order(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.sections.iter().enumerate().flat_map(|(s, section)| {
            section
                .ideas
                .iter()
                .enumerate()
                .map(move |(i, idea)| (s, i, *idea))
        })
    }
}

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

    pub fn on_command(&mut self, command: Command, cx: &mut ViewCtx) {
        match command {
            Command::Find => self.focus_filter = true,
            Command::GroupSelection if !self.targets().is_empty() => {
                let n = cx.session.clusters.len() + 1;
                self.group_prompt = Some(format!("{} {n}", cx.t.cluster_default));
                self.focus_group_prompt = true;
            }
            Command::SelectAllCards => self.selection = self.order.iter().copied().collect(),
            Command::VoteUp | Command::VoteDown => {
                let delta = if command == Command::VoteUp { 1 } else { -1 };
                for idea in self.targets() {
                    cx.apply(Action::AddVotes { idea, delta });
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

    fn layout(&self, session: &Session, width: f32, presentation: bool) -> Layout {
        let folded = fold(&self.filter.text);
        let visible: Vec<usize> = session
            .ideas
            .iter()
            .enumerate()
            .filter(|(_, idea)| self.filter.matches(session, idea, &folded))
            .map(|(i, _)| i)
            .collect();
        let title_size = self.card_title_size(presentation, visible.len());
        let min_card = vec2((title_size * 13.5_f32).max(220.0), title_size * 6.4);
        let gap = 10.0;
        let header = title_size * 1.5 + 14.0;
        let columns = (((width + gap) / (min_card.x + gap)).floor() as usize).max(1);
        // The cards share the width evenly.
        let card = vec2(
            ((width - gap * (columns as f32 - 1.0)) / columns as f32).max(min_card.x),
            min_card.y,
        );

        let mut sections: Vec<Section> = std::iter::once(None)
            .chain(session.clusters.iter().map(|c| Some(c.id)))
            .map(|cluster| Section {
                cluster,
                ideas: Vec::new(),
                top: 0.0,
                height: 0.0,
            })
            .collect();
        for i in visible {
            let cluster = session.ideas[i].cluster;
            let index = match cluster {
                None => 0,
                Some(c) => session
                    .clusters
                    .iter()
                    .position(|k| k.id == c)
                    .map_or(0, |p| p + 1),
            };
            sections[index].ideas.push(i);
        }
        if self.sort_by_votes && !self.hidden_tally {
            for section in &mut sections {
                section
                    .ideas
                    .sort_by_key(|i| std::cmp::Reverse(session.ideas[*i].votes));
            }
        }
        // While filtering, only the clusters with matching ideas are shown.
        let filtering = !folded.is_empty()
            || self.filter.organisation.is_some()
            || self.filter.category.is_some()
            || self.filter.table.is_some();
        if filtering {
            sections.retain(|s| !s.ideas.is_empty());
        } else if presentation {
            // On the wall, an empty "not grouped" box is only noise.
            sections.retain(|s| s.cluster.is_some() || !s.ideas.is_empty());
        }
        let mut top = 0.0;
        for section in &mut sections {
            let rows = section.ideas.len().div_ceil(columns).max(1);
            let body = if section.ideas.is_empty() {
                card.y * 0.5
            } else {
                rows as f32 * (card.y + gap) - gap
            };
            section.top = top;
            section.height = header + body + gap;
            top += section.height + gap * 2.0;
        }
        Layout {
            sections,
            card,
            gap,
            header,
            columns,
            total_height: top,
            style: CardStyle {
                title_size,
                show_votes: !self.hidden_tally,
                vote_buttons: !presentation || title_size < 28.0,
            },
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        if !cx.presentation {
            self.toolbar_ui(ui, cx);
        } else if self.hidden_tally {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.tally_hidden).size(20.0));
                if ui.button(RichText::new(t.reveal).size(20.0)).clicked() {
                    self.hidden_tally = false;
                }
            });
        }
        self.keyboard(ui, cx);

        let width = ui.available_width() - 16.0;
        let layout = self.layout(cx.session, width, cx.presentation);
        self.columns = layout.columns;
        self.order = layout
            .order()
            .map(|(_, _, i)| cx.session.ideas[i].id)
            .collect();
        if self.focus.is_some_and(|f| !self.order.contains(&f)) {
            self.focus = None;
        }

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

    fn toolbar_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(t.filter);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.filter.text)
                        .hint_text(t.filter_hint)
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            if self.focus_filter {
                edit.request_focus();
                self.focus_filter = false;
            }
            let org_name = self
                .filter
                .organisation
                .and_then(|o| session.organisation(o))
                .map_or(t.all_organisations, |o| o.name.as_str());
            egui::ComboBox::from_id_salt("board-org")
                .selected_text(org_name)
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.organisation, None, t.all_organisations);
                    for o in &session.organisations {
                        ui.selectable_value(&mut self.filter.organisation, Some(o.id), &o.name);
                    }
                })
                .named(t.organisation);
            let category_name = self
                .filter
                .category
                .as_deref()
                .and_then(|k| session.category(k))
                .map_or(t.all_categories, |c| c.label(cx.language));
            egui::ComboBox::from_id_salt("board-category")
                .selected_text(category_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.category, None, t.all_categories);
                    for c in &session.categories {
                        ui.selectable_value(
                            &mut self.filter.category,
                            Some(c.key.clone()),
                            c.label(cx.language),
                        );
                    }
                })
                .named(t.category);
            let table_name = self
                .filter
                .table
                .and_then(|k| session.table(k))
                .map_or(t.all_tables, |c| c.name.as_str());
            egui::ComboBox::from_id_salt("board-table")
                .selected_text(table_name)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.table, None, t.all_tables);
                    for c in &session.tables {
                        ui.selectable_value(&mut self.filter.table, Some(c.id), &c.name);
                    }
                })
                .named(t.table);
            ui.separator();
            ui.toggle_value(
                &mut self.sort_by_votes,
                Command::ToggleSortByVotes.label(cx.language),
            );
            ui.toggle_value(
                &mut self.hidden_tally,
                Command::ToggleHiddenTally.label(cx.language),
            );
            ui.separator();
            let n = self.targets().len();
            if n > 0 {
                ui.label(t.selected_count.count(cx.language, n));
                if ui
                    .button(t.group)
                    .on_hover_text(Command::GroupSelection.shortcut_text(ui.ctx()))
                    .clicked()
                {
                    self.on_command(Command::GroupSelection, cx);
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
        let columns = self.columns.max(1) as isize;
        let (step, space) = ui.input(|i| {
            let step = if i.key_pressed(Key::ArrowRight) {
                1
            } else if i.key_pressed(Key::ArrowLeft) {
                -1
            } else if i.key_pressed(Key::ArrowDown) {
                columns
            } else if i.key_pressed(Key::ArrowUp) {
                -columns
            } else {
                0
            };
            (step, i.key_pressed(Key::Space))
        });
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

    #[allow(clippy::too_many_arguments)]
    fn section_frame_ui(
        &mut self,
        ui: &mut Ui,
        screen: Rect,
        cluster: Option<&Cluster>,
        section: &Section,
        layout: &Layout,
        cx: &mut ViewCtx,
        zone: &egui::Response,
    ) {
        let t = cx.t;
        let colour = cluster.map_or(Color32::GRAY, |c| colour32(c.colour));
        let hovering_drop = zone.dnd_hover_payload::<DraggedCards>().is_some();
        let fill = if hovering_drop {
            colour.gamma_multiply(0.35)
        } else {
            colour.gamma_multiply(0.10)
        };
        ui.painter().rect_filled(screen, 8.0, fill);
        ui.painter().rect_stroke(
            screen,
            8.0,
            Stroke::new(if hovering_drop { 3.0 } else { 1.0 }, colour),
            StrokeKind::Inside,
        );
        let header = Rect::from_min_size(screen.min, vec2(screen.width(), layout.header));
        let mut header_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(header.shrink2(vec2(10.0, 4.0)))
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        let size = layout.style.title_size * 1.2;
        let count = section.ideas.len();
        match cluster {
            None => {
                header_ui.label(
                    RichText::new(format!("{} ({count})", t.ungrouped))
                        .size(size)
                        .strong(),
                );
            }
            Some(cluster) => {
                if let Some((id, name, focus)) = &mut self.rename
                    && *id == cluster.id
                {
                    let edit = header_ui.add(
                        egui::TextEdit::singleline(name).font(egui::FontId::proportional(size)),
                    );
                    if std::mem::take(focus) {
                        edit.request_focus();
                    }
                    if edit.lost_focus() {
                        if header_ui.input(|i| i.key_pressed(Key::Enter)) {
                            let mut renamed = cluster.clone();
                            renamed.name = name.clone();
                            cx.apply(Action::UpdateCluster(renamed));
                        }
                        self.rename = None;
                    }
                } else {
                    let votes: u32 = section
                        .ideas
                        .iter()
                        .map(|i| cx.session.ideas[*i].votes)
                        .sum();
                    let votes = if self.hidden_tally {
                        String::new()
                    } else {
                        format!(" · {}", t.votes_count.count(cx.language, votes as usize))
                    };
                    let title = header_ui.add(
                        egui::Label::new(
                            RichText::new(format!("{} ({count}){votes}", cluster.name))
                                .size(size)
                                .strong()
                                .color(colour),
                        )
                        .sense(Sense::click()),
                    );
                    if title.double_clicked() {
                        self.rename = Some((cluster.id, cluster.name.clone(), true));
                    }
                    if !cx.presentation {
                        header_ui.menu_button("...", |ui| self.cluster_menu_ui(ui, cluster, cx));
                    }
                    title.context_menu(|ui| self.cluster_menu_ui(ui, cluster, cx));
                }
            }
        }
    }

    fn cluster_menu_ui(&mut self, ui: &mut Ui, cluster: &Cluster, cx: &mut ViewCtx) {
        let t = cx.t;
        if ui.button(t.rename).clicked() {
            self.rename = Some((cluster.id, cluster.name.clone(), true));
            ui.close();
        }
        ui.menu_button(t.colour, |ui| {
            ui.horizontal(|ui| {
                for colour in Colour::PALETTE {
                    let (rect, response) = ui.allocate_exact_size(vec2(24.0, 24.0), Sense::click());
                    ui.painter().rect_filled(rect, 4.0, colour32(colour));
                    if response.clicked() {
                        let mut recoloured = cluster.clone();
                        recoloured.colour = colour;
                        cx.apply(Action::UpdateCluster(recoloured));
                        ui.close();
                    }
                }
            });
        });
        ui.menu_button(t.merge_into, |ui| {
            for other in cx.session.clusters.iter().filter(|c| c.id != cluster.id) {
                if ui.button(&other.name).clicked() {
                    cx.apply(Action::MergeClusters {
                        into: other.id,
                        from: vec![cluster.id],
                    });
                    ui.close();
                }
            }
        });
        if ui.button(t.dissolve).clicked() {
            cx.apply(Action::DissolveCluster(cluster.id));
            ui.close();
        }
    }

    fn group_prompt_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let Some(name) = &mut self.group_prompt else {
            return;
        };
        let mut done = false;
        let mut target = None;
        egui::Modal::new(egui::Id::unique("group-prompt")).show(ui.ctx(), |ui| {
            ui.heading(format!(
                "{} ({})",
                t.group,
                self.selection.len().max(self.focus.iter().count())
            ));
            let label = ui.label(t.cluster_name);
            let edit = ui
                .add(egui::TextEdit::singleline(name).desired_width(320.0))
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_group_prompt) {
                edit.request_focus();
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                target = Some(None);
            }
            if !cx.session.clusters.is_empty() {
                ui.label(t.or_existing);
                ui.horizontal_wrapped(|ui| {
                    for cluster in &cx.session.clusters {
                        if ui.button(&cluster.name).clicked() {
                            target = Some(Some(cluster.id));
                        }
                    }
                });
            }
            ui.horizontal(|ui| {
                if ui.button(t.confirm).clicked() {
                    target = Some(None);
                }
                if ui.button(t.cancel).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                    done = true;
                }
            });
        });
        if let Some(target) = target {
            let name = name.clone();
            let ideas = self.targets();
            let target = match target {
                Some(existing) => ClusterTarget::Existing(existing),
                None => ClusterTarget::New(Cluster::new(
                    name.trim(),
                    Colour::nth(cx.session.clusters.len()),
                )),
            };
            cx.apply(Action::GroupIdeas { ideas, target });
            self.selection.clear();
            done = true;
        }
        if done {
            self.group_prompt = None;
        }
    }
}

enum DropTarget {
    Cluster(Option<Uuid>),
    Card(Uuid),
}
