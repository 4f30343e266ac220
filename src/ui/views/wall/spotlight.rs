//! One idea full screen for the tour de table: its whole title, its organisations, its
//! kind, its category, the resource sheets it links, and its votes, which `+`/`−`, the
//! buttons or typed digits change. Left and right go to the cluster's other ideas.

use egui::{Color32, FontId, RichText, Ui, vec2};

use super::{WallView, arrow_step, stepped};
use crate::model::{Action, Direction};
use crate::ui::ViewCtx;
use crate::ui::theme::{WALL_HEADING_PT, WALL_TEXT_PT, WALL_VOTES_PT};

impl WallView {
    /// The focused idea among `ideas`, those of the open cluster.
    pub(super) fn spotlight_ui(
        &mut self,
        ui: &mut Ui,
        cx: &mut ViewCtx,
        hidden_tally: bool,
        ideas: &[usize],
    ) {
        let session = cx.session;
        let t = cx.t;
        let Some(mut index) = self
            .focus
            .and_then(|f| ideas.iter().position(|&i| session.ideas[i].id == f))
        else {
            self.mode = super::WallMode::Cluster;
            return;
        };
        if !ui.ctx().egui_wants_keyboard_input() {
            // Left and right: the previous and next idea of the cluster.
            let step = arrow_step(ui, usize::MAX).signum();
            let across = ui.input(|i| {
                i.key_pressed(egui::Key::ArrowLeft) || i.key_pressed(egui::Key::ArrowRight)
            });
            if across && step != 0 {
                index = stepped(index, step, ideas.len());
                self.typed_votes.clear();
            }
        }
        let idea = &session.ideas[ideas[index]];
        self.focus = Some(idea.id);
        if !ui.ctx().egui_wants_keyboard_input() {
            self.type_votes(ui, cx, Some(idea));
        }

        let black = Color32::BLACK;
        ui.add_space(12.0);
        ui.horizontal_top(|ui| {
            // The votes, on the left, in the largest type of the wall.
            let column = vec2(WALL_VOTES_PT * 5.0, ui.available_height());
            ui.allocate_ui_with_layout(column, egui::Layout::top_down(egui::Align::Center), |ui| {
                let votes = if !self.typed_votes.is_empty() {
                    format!("{}_", self.typed_votes)
                } else if hidden_tally {
                    "?".to_owned()
                } else {
                    idea.votes.to_string()
                };
                ui.label(
                    RichText::new(votes)
                        .size(WALL_VOTES_PT * 2.0)
                        .strong()
                        .color(black),
                );
                ui.label(RichText::new(t.votes_label).size(WALL_TEXT_PT));
                ui.horizontal(|ui| {
                    let big = |text: &str| {
                        egui::Button::new(RichText::new(text).size(WALL_HEADING_PT))
                            .min_size(vec2(WALL_HEADING_PT * 1.6, WALL_HEADING_PT * 1.4))
                    };
                    for (text, name, delta) in
                        [("−", t.vote_minus_one, -1), ("+", t.vote_plus_one, 1)]
                    {
                        let button = ui.add(big(text));
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, name)
                        });
                        if button.clicked() {
                            cx.apply(Action::AddVotes {
                                idea: idea.id,
                                delta,
                            });
                        }
                    }
                });
                ui.add_space(8.0);
                ui.label(
                    RichText::new(crate::model::text::display_order(
                        idea.status.label(cx.language),
                    ))
                    .size(WALL_TEXT_PT)
                    .color(crate::ui::theme::rgb(crate::theme::status_rgb(idea.status))),
                );
            });
            ui.separator();
            // A 3 000-character title or a long description scrolls rather than running
            // off the screen.
            egui::ScrollArea::vertical()
                .id_salt("spotlight-text")
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(crate::model::text::display_order(&idea.title))
                                .size(WALL_HEADING_PT * 1.2)
                                .strong()
                                .color(black),
                        )
                        .wrap(),
                    );
                    ui.add_space(10.0);
                    let orgs = session.organisation_names(idea).join(" · ");
                    if !orgs.is_empty() {
                        ui.add(
                            egui::Label::new(
                                RichText::new(orgs).size(WALL_TEXT_PT * 1.15).color(black),
                            )
                            .wrap(),
                        );
                    }
                    let mut facts = Vec::new();
                    if let Some(kind) = idea.kind {
                        facts.push(kind.label(cx.language).to_owned());
                    }
                    if let Some(category) = idea
                        .category
                        .as_deref()
                        .and_then(|k| session.categories.iter().find(|c| c.key == k))
                    {
                        facts.push(category.label(cx.language).to_owned());
                    }
                    if !facts.is_empty() {
                        ui.label(
                            RichText::new(facts.join(" · "))
                                .size(WALL_TEXT_PT)
                                .color(black),
                        );
                    }
                    if !idea.description.is_empty() {
                        ui.add_space(8.0);
                        ui.add(
                            egui::Label::new(
                                RichText::new(crate::model::text::display_order(&idea.description))
                                    .size(WALL_TEXT_PT * 0.9)
                                    .color(Color32::from_gray(40)),
                            )
                            .wrap(),
                        );
                    }
                    let fiches: Vec<_> = idea
                        .fiches
                        .iter()
                        .filter_map(|f| session.fiche(*f))
                        .collect();
                    if !fiches.is_empty() {
                        ui.add_space(12.0);
                        ui.label(
                            RichText::new(t.linked_fiches)
                                .size(WALL_TEXT_PT)
                                .strong()
                                .color(black),
                        );
                        for fiche in fiches {
                            let arrow = match fiche.direction {
                                Direction::Offer => t.offers_short,
                                Direction::Need => t.needs_short,
                            };
                            let owner = session
                                .organisation(fiche.organisation)
                                .map_or("", |o| o.name.as_str());
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("{arrow} {} — {owner}", fiche.resource))
                                        .font(FontId::proportional(WALL_TEXT_PT * 0.9))
                                        .color(black),
                                )
                                .wrap(),
                            );
                        }
                    }
                    ui.add_space(12.0);
                    ui.label(
                        RichText::new(crate::i18n::fill(
                            t.wall_idea_of,
                            &[("n", &(index + 1)), ("total", &ideas.len())],
                        ))
                        .size(WALL_TEXT_PT * 0.8),
                    );
                });
        });
    }
}
