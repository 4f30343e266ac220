//! Synthesis: the key figures as the workshop report states them, and charts.

use egui::{Align2, Color32, FontId, RichText, Sense, Ui, vec2};

use crate::model::{IdeaKind, Stats, Status};
use crate::ui::widgets::colour32;
use crate::ui::{Command, ViewCtx};

/// The synthesis view; `exporting` mirrors the app's state.
#[derive(Default)]
pub struct SynthesisView {
    pub exporting: bool,
}

impl SynthesisView {
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        let stats = Stats::of(session);
        let big = if cx.presentation { 30.0 } else { 20.0 };
        egui::ScrollArea::vertical()
            .id_salt("synthesis")
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading(RichText::new(&session.info.title).size(big * 1.2));
                if !cx.presentation {
                    ui.horizontal(|ui| {
                        for command in [Command::ExportPdf, Command::ExportXlsx] {
                            if ui
                                .add_enabled(
                                    !self.exporting,
                                    egui::Button::new(command.label(cx.language)),
                                )
                                .on_hover_text(command.shortcut_text(ui.ctx()))
                                .clicked()
                            {
                                cx.command(command);
                            }
                        }
                        let mut open = cx.prefs.open_after_export;
                        if ui.checkbox(&mut open, t.open_after_export).changed() {
                            cx.command(Command::ToggleOpenAfterExport);
                        }
                        if self.exporting {
                            ui.spinner();
                            ui.label(t.exporting);
                        }
                    });
                }
                ui.add_space(8.0);
                ui.label(RichText::new(t.key_figures).size(big).strong());
                for line in stats.lines(cx.language) {
                    ui.label(RichText::new(format!("• {line}")).size(big * 0.85));
                }
                ui.add_space(16.0);

                let by_category: Vec<(String, usize, Color32)> = session
                    .categories
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        (
                            c.label(cx.language).to_owned(),
                            session
                                .ideas
                                .iter()
                                .filter(|idea| idea.category.as_deref() == Some(c.key.as_str()))
                                .count(),
                            colour32(crate::model::Colour::nth(i)),
                        )
                    })
                    .collect();
                let mut by_kind: Vec<(String, usize, Color32)> = IdeaKind::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, k)| {
                        (
                            k.label(cx.language).to_owned(),
                            session
                                .ideas
                                .iter()
                                .filter(|idea| idea.kind == Some(*k))
                                .count(),
                            colour32(crate::model::Colour::nth(i + 4)),
                        )
                    })
                    .collect();
                by_kind.push((
                    t.no_kind.to_owned(),
                    session.ideas.iter().filter(|i| i.kind.is_none()).count(),
                    Color32::GRAY,
                ));
                let funnel = vec![
                    (
                        t.funnel_ideas.to_owned(),
                        stats.ideas,
                        Color32::from_rgb(0x5f, 0x6b, 0x7a),
                    ),
                    (
                        t.funnel_selected.to_owned(),
                        stats.selected,
                        Color32::from_rgb(0x2e, 0x86, 0xab),
                    ),
                    (
                        t.funnel_imminent.to_owned(),
                        stats.imminent,
                        Color32::from_rgb(0x2e, 0x8b, 0x57),
                    ),
                ];
                let triage: Vec<(String, usize, Color32)> = [
                    (Status::Imminent, Color32::from_rgb(0x2e, 0x8b, 0x57)),
                    (Status::ToDeepen, Color32::from_rgb(0x2e, 0x6d, 0xb0)),
                    (Status::Abandoned, Color32::from_rgb(0xb0, 0x3a, 0x2e)),
                    (Status::Selected, Color32::GRAY),
                ]
                .into_iter()
                .map(|(s, c)| {
                    let label = if s == Status::Selected {
                        t.to_triage.to_owned()
                    } else {
                        s.label(cx.language).to_owned()
                    };
                    (
                        label,
                        session.ideas.iter().filter(|i| i.status == s).count(),
                        c,
                    )
                })
                .collect();

                ui.columns(2, |columns| {
                    bar_chart_ui(&mut columns[0], t.by_category, &by_category, big);
                    bar_chart_ui(&mut columns[1], t.by_kind, &by_kind, big);
                });
                ui.add_space(16.0);
                ui.columns(2, |columns| {
                    bar_chart_ui(&mut columns[0], t.funnel, &funnel, big);
                    bar_chart_ui(&mut columns[1], t.triage_split, &triage, big);
                });
            });
    }
}

/// Horizontal bars with their labels and values.
fn bar_chart_ui(ui: &mut Ui, title: &str, bars: &[(String, usize, Color32)], size: f32) {
    ui.label(RichText::new(title).size(size * 0.9).strong());
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let row = size * 1.3;
    let width = ui.available_width();
    let label_width = width * 0.42;
    let (rect, _) = ui.allocate_exact_size(vec2(width, row * bars.len() as f32), Sense::hover());
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    for (i, (label, value, colour)) in bars.iter().enumerate() {
        let y = rect.min.y + i as f32 * row;
        painter.text(
            egui::pos2(rect.min.x + label_width - 8.0, y + row / 2.0),
            Align2::RIGHT_CENTER,
            label,
            FontId::proportional(size * 0.65),
            text,
        );
        let bar_max = width - label_width - 50.0;
        let bar = *value as f32 / max as f32 * bar_max;
        painter.rect_filled(
            egui::Rect::from_min_size(
                egui::pos2(rect.min.x + label_width, y + row * 0.15),
                vec2(bar.max(2.0), row * 0.7),
            ),
            3.0,
            *colour,
        );
        painter.text(
            egui::pos2(rect.min.x + label_width + bar + 6.0, y + row / 2.0),
            Align2::LEFT_CENTER,
            value.to_string(),
            FontId::proportional(size * 0.7),
            text,
        );
    }
}
