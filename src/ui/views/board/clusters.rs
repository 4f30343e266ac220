//! The board's cluster sections: their frames and headers, renaming in place, the
//! cluster menu, and the prompt that groups the selected cards.

use egui::{Key, Rect, RichText, Sense, Stroke, StrokeKind, Ui, vec2};

use super::layout::{Layout, Section};
use super::{BoardView, DraggedCards};
use crate::model::{Action, Cluster, ClusterTarget, Colour};
use crate::ui::ViewCtx;
use crate::ui::command::Command;
use crate::ui::widgets::colour32;

impl BoardView {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn section_frame_ui(
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
        let colour = cluster.map_or(crate::ui::theme::rgb(crate::theme::UNGROUPED), |c| {
            colour32(c.colour)
        });
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
                    // The name typed is kept when the field is left, unless Escape
                    // cancels it, or it is empty.
                    if edit.lost_focus() {
                        let cancelled = header_ui.input(|i| i.key_pressed(Key::Escape));
                        if !cancelled && !name.trim().is_empty() && *name != cluster.name {
                            let mut renamed = cluster.clone();
                            renamed.name = name.trim().to_owned();
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
                        format!(" · {}", t.counts.votes.count(cx.language, votes as usize))
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
                        cx.command(Command::RenameCluster(Some(cluster.id)));
                    }
                    if !cx.presentation {
                        header_ui.menu_button("...", |ui| self.cluster_menu_ui(ui, cluster, cx));
                    }
                    title.context_menu(|ui| self.cluster_menu_ui(ui, cluster, cx));
                }
            }
        }
    }

    /// The cluster's context menu: every entry is a command on this cluster.
    fn cluster_menu_ui(&mut self, ui: &mut Ui, cluster: &Cluster, cx: &mut ViewCtx) {
        let language = cx.language;
        let id = Some(cluster.id);
        let rename = Command::RenameCluster(id);
        if ui
            .add(
                egui::Button::new(rename.label(language))
                    .shortcut_text(rename.shortcut_text(ui.ctx())),
            )
            .clicked()
        {
            cx.command(rename);
            ui.close();
        }
        ui.menu_button(
            Command::RecolourCluster(id, cluster.colour).label(language),
            |ui| {
                ui.horizontal(|ui| {
                    for colour in Colour::PALETTE {
                        let (rect, response) =
                            ui.allocate_exact_size(vec2(24.0, 24.0), Sense::click());
                        ui.painter().rect_filled(rect, 4.0, colour32(colour));
                        if response.clicked() {
                            cx.command(Command::RecolourCluster(id, colour));
                            ui.close();
                        }
                    }
                });
            },
        );
        let merge_label = Command::MergeClusterInto {
            from: id,
            into: cluster.id,
        }
        .label(language);
        ui.menu_button(merge_label, |ui| {
            for other in cx.session.clusters.iter().filter(|c| c.id != cluster.id) {
                if ui.button(&other.name).clicked() {
                    cx.command(Command::MergeClusterInto {
                        from: id,
                        into: other.id,
                    });
                    ui.close();
                }
            }
        });
        let dissolve = Command::DissolveCluster(id);
        if ui
            .add(
                egui::Button::new(dissolve.label(language))
                    .shortcut_text(dissolve.shortcut_text(ui.ctx())),
            )
            .clicked()
        {
            cx.command(dissolve);
            ui.close();
        }
    }

    pub(super) fn group_prompt_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
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
