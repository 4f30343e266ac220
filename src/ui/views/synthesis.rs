//! Synthesis: the key figures as the workshop report states them, and charts.

use egui::{Align2, FontId, RichText, Role, Sense, Ui, WidgetInfo, vec2};

use crate::model::Stats;
use crate::model::charts::{ChartSeries, ChartWords, LabelledBar};
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

                let series = ChartSeries::of(session);
                let words = ChartWords {
                    not_given: t.no_kind,
                    funnel: [t.funnel_ideas, t.funnel_selected, t.funnel_imminent],
                    to_triage: t.to_triage,
                };
                let [by_category, by_kind, funnel, triage] =
                    series.labelled(session, cx.language, &words);

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

/// Horizontal bars with their labels and values; each bar reads as a meter (its label
/// and its count) to a screen reader and to the tests.
fn bar_chart_ui(ui: &mut Ui, title: &str, bars: &[LabelledBar], size: f32) {
    ui.label(RichText::new(title).size(size * 0.9).strong());
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let row = size * 1.3;
    let width = ui.available_width();
    let label_width = width * 0.42;
    let (rect, _) = ui.allocate_exact_size(vec2(width, row * bars.len() as f32), Sense::hover());
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    for (i, bar) in bars.iter().enumerate() {
        let (label, value) = (&bar.label, bar.count);
        let y = rect.min.y + i as f32 * row;
        let bar_rect = egui::Rect::from_min_size(egui::pos2(rect.min.x, y), vec2(width, row));
        ui.interact(
            bar_rect,
            ui.make_persistent_id(("bar", title, i)),
            Sense::hover(),
        )
        .widget_info(|| WidgetInfo {
            value: Some(value as f64),
            ..WidgetInfo::labeled(Role::Meter, true, label)
        });
        painter.text(
            egui::pos2(rect.min.x + label_width - 8.0, y + row / 2.0),
            Align2::RIGHT_CENTER,
            label,
            FontId::proportional(size * 0.65),
            text,
        );
        let bar_max = width - label_width - 50.0;
        let length = value as f32 / max as f32 * bar_max;
        painter.rect_filled(
            egui::Rect::from_min_size(
                egui::pos2(rect.min.x + label_width, y + row * 0.15),
                vec2(length.max(2.0), row * 0.7),
            ),
            3.0,
            crate::ui::theme::rgb(bar.rgb),
        );
        painter.text(
            egui::pos2(rect.min.x + label_width + length + 6.0, y + row / 2.0),
            Align2::LEFT_CENTER,
            value.to_string(),
            FontId::proportional(size * 0.7),
            text,
        );
    }
}
