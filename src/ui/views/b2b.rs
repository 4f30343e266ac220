//! The B2B meetings ("Rendez-vous B2B"), after Sélection: the settings (tables, length
//! of a meeting, start, breaks), "Planifier", and the plan as a grid of time slots ×
//! tables. A meeting dragged to another cell moves there and is locked (a clash is
//! refused, and said); re-planning keeps the locked meetings. What cannot be placed is
//! listed with the reason.

use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};
use uuid::Uuid;

use crate::b2b::solver::Unplaced;
use crate::b2b::{PlanView, clash, plan};
use crate::i18n::fill;
use crate::model::b2b::{ClockTime, MAX_TABLES, SLOT_MIN_RANGE, TimeRange};
use crate::model::{Action, Language};
use crate::ui::command::Command;
use crate::ui::document::ContentVersion;
use crate::ui::{Intent, ViewCtx};

const CELL_WIDTH: f32 = 190.0;
const CELL_HEIGHT: f32 = 58.0;
const TIME_COLUMN_WIDTH: f32 = 110.0;
const HEADER_HEIGHT: f32 = 24.0;

/// The B2B view's state between frames (none of it is saved).
#[derive(Default)]
pub struct B2bView {
    /// Why the last planning left ideas out (the session keeps the plan, not this).
    reasons: Vec<(Uuid, Unplaced)>,
    /// The plan as read for `version` and language.
    cache: Option<((ContentVersion, Language), PlanView)>,
    /// The settings' texts as typed, and whether they were read from the session.
    start_text: String,
    breaks_text: String,
    texts_from: Option<ContentVersion>,
    /// The meeting being dragged.
    dragging: Option<Uuid>,
    /// The meeting the lock command acts on.
    pub focus: Option<Uuid>,
}

impl B2bView {
    /// The plan of the session as it stands, taken from the cache when still right
    /// (put it back with [`B2bView::keep`]).
    fn take_plan_view(&mut self, cx: &ViewCtx) -> PlanView {
        let key = (cx.version, cx.language);
        match self.cache.take() {
            Some((kept, view)) if kept == key => view,
            _ => PlanView::of(cx.session, &self.reasons, cx.language),
        }
    }

    fn keep(&mut self, cx: &ViewCtx, view: PlanView) {
        self.cache = Some(((cx.version, cx.language), view));
    }

    /// Plans the meetings again (the locked ones stay): one undo step.
    pub fn plan(&mut self, cx: &mut ViewCtx) {
        let session = cx.session;
        let planned = plan(session, &session.b2b, &[]);
        self.reasons = planned.unscheduled.clone();
        self.cache = None;
        let placed = planned.meetings.len();
        cx.intents.push(Intent::Notice(fill(
            cx.t.b2b_planned,
            &[
                ("meetings", &placed),
                (
                    "rounds",
                    &planned
                        .meetings
                        .iter()
                        .map(|m| m.slot as usize + 1)
                        .max()
                        .unwrap_or(0),
                ),
                ("bound", &planned.lower_bound),
            ],
        )));
        cx.apply(Action::PlanB2b {
            meetings: planned.meetings,
        });
    }

    /// Why the last planning left ideas out.
    pub fn reasons(&self) -> &[(Uuid, Unplaced)] {
        &self.reasons
    }

    /// Acts on a B2B command.
    pub fn on_command(&mut self, command: &Command, cx: &mut ViewCtx) {
        match command {
            Command::PlanB2b => self.plan(cx),
            Command::ToggleMeetingLock => self.toggle_lock(cx),
            _ => {}
        }
    }

    /// Locks or unlocks the focused meeting.
    pub fn toggle_lock(&mut self, cx: &mut ViewCtx) {
        let Some(idea) = self.focus else {
            return;
        };
        let Some(meeting) = cx.session.b2b.meetings.iter().find(|m| m.idea == idea) else {
            return;
        };
        cx.apply(Action::LockMeeting {
            idea,
            locked: !meeting.locked,
        });
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        self.settings_ui(ui, cx);
        ui.separator();
        let t = cx.t;
        let view = self.take_plan_view(cx);
        ui.horizontal(|ui| {
            ui.strong(fill(
                t.b2b_summary,
                &[
                    ("meetings", &view.meetings.len()),
                    ("rounds", &view.rounds),
                    ("bound", &view.lower_bound),
                    ("tables", &view.tables),
                ],
            ));
            if !view.unscheduled.is_empty() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    t.counts
                        .not_placed
                        .count(cx.language, view.unscheduled.len()),
                );
            }
        });
        ui.label(RichText::new(t.b2b_hint).weak());
        if !view.unscheduled.is_empty() {
            egui::Panel::right("b2b-unscheduled")
                .resizable(true)
                .default_size(320.0)
                .show(ui, |ui| {
                    ui.heading(t.b2b_unscheduled);
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for u in &view.unscheduled {
                            ui.label(RichText::new(&u.title).strong());
                            ui.label(RichText::new(&u.reason).weak());
                            ui.add_space(4.0);
                        }
                    });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.grid_ui(ui, cx, &view));
        self.keep(cx, view);
    }

    /// Tables, length, start and breaks: each saved when changed or left.
    fn settings_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let b2b = &cx.session.b2b;
        if self.texts_from != Some(cx.version) {
            self.start_text = b2b.start.to_string();
            self.breaks_text = TimeRange::list_text(&b2b.breaks);
            self.texts_from = Some(cx.version);
        }
        let mut tables = b2b.tables;
        let mut slot_min = b2b.slot_min;
        let mut changed = false;
        let mut problem = None;
        ui.horizontal(|ui| {
            let label = ui.label(t.b2b_tables);
            // A number typed in counts once, when the field is left (one undo step).
            let r = ui
                .add(
                    egui::DragValue::new(&mut tables)
                        .range(1..=MAX_TABLES)
                        .update_while_editing(false),
                )
                .labelled_by(label.id);
            changed |= r.changed() && !r.dragged() || r.drag_stopped();
            ui.separator();
            let label = ui.label(t.b2b_slot_min);
            let r = ui
                .add(
                    egui::DragValue::new(&mut slot_min)
                        .range(SLOT_MIN_RANGE)
                        .suffix(" min")
                        .update_while_editing(false),
                )
                .labelled_by(label.id);
            changed |= r.changed() && !r.dragged() || r.drag_stopped();
            ui.separator();
            let label = ui.label(t.b2b_start);
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.start_text).desired_width(60.0))
                .labelled_by(label.id);
            changed |= r.lost_focus();
            ui.separator();
            let label = ui.label(t.b2b_breaks);
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.breaks_text)
                        .desired_width(220.0)
                        .hint_text("12:30-13:30"),
                )
                .labelled_by(label.id);
            changed |= r.lost_focus();
            ui.separator();
            let plan = Command::PlanB2b;
            if ui
                .button(plan.label(cx.language))
                .on_hover_text(plan.shortcut_text(ui.ctx()))
                .clicked()
            {
                cx.command(plan);
            }
            let export = Command::ExportAgendas;
            if ui
                .button(export.label(cx.language))
                .on_hover_text(export.shortcut_text(ui.ctx()))
                .clicked()
            {
                cx.command(export);
            }
        });
        let w = &crate::i18n::words(cx.language).b2b;
        let start = self.start_text.parse::<ClockTime>();
        let breaks = TimeRange::parse_list(&self.breaks_text);
        if start.is_err() {
            problem = Some(fill(w.bad_time, &[("text", &self.start_text)]));
        } else if let Err(piece) = &breaks {
            problem = Some(fill(w.bad_range, &[("text", piece)]));
        }
        if let Some(problem) = &problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        if changed {
            self.commit_settings(cx, tables, slot_min);
        }
    }

    /// Saves the start and breaks typed but not yet left, as if their fields were left:
    /// before the view changes, a save, an undo, an export or the app closes. Text that
    /// does not read as a time stays in its field, with its message.
    pub fn flush(&mut self, cx: &mut ViewCtx) {
        if self.texts_from == Some(cx.version) {
            let b2b = &cx.session.b2b;
            self.commit_settings(cx, b2b.tables, b2b.slot_min);
        }
    }

    /// Applies `tables`, `slot_min` and the typed start and breaks when they read well
    /// and differ from the session's.
    fn commit_settings(&self, cx: &mut ViewCtx, tables: u32, slot_min: u32) {
        let (Ok(start), Ok(breaks)) = (
            self.start_text.parse::<ClockTime>(),
            TimeRange::parse_list(&self.breaks_text),
        ) else {
            return;
        };
        let b2b = &cx.session.b2b;
        let unchanged = (tables, slot_min, start, &breaks)
            == (b2b.tables, b2b.slot_min, b2b.start, &b2b.breaks);
        if !unchanged {
            cx.apply(Action::SetB2bSettings {
                tables,
                slot_min,
                start,
                breaks,
            });
        }
    }

    /// The grid: a row per time slot, a column per table; only the visible cells are
    /// laid out.
    fn grid_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, view: &PlanView) {
        let t = cx.t;
        let tables = view.tables as usize;
        // The slots used, and one more to move a meeting to.
        let rows = (view.rounds + 1).min(view.slots.len());
        if rows == 0 {
            ui.label(t.b2b_no_slot);
            return;
        }
        let total = vec2(
            TIME_COLUMN_WIDTH + CELL_WIDTH * tables as f32,
            HEADER_HEIGHT + CELL_HEIGHT * rows as f32,
        );
        let mut dropped: Option<(Uuid, u32, u32)> = None;
        let mut clicked: Option<Uuid> = None;
        egui::ScrollArea::both()
            .id_salt("b2b-grid")
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                let (area, _) = ui.allocate_exact_size(total, Sense::hover());
                let origin = area.min;
                let painter = ui.painter().clone();
                let first_column = ((viewport.min.x - TIME_COLUMN_WIDTH) / CELL_WIDTH)
                    .floor()
                    .max(0.0) as usize;
                let last_column = (((viewport.max.x - TIME_COLUMN_WIDTH) / CELL_WIDTH).ceil()
                    as usize)
                    .min(tables);
                let first_row = ((viewport.min.y - HEADER_HEIGHT) / CELL_HEIGHT)
                    .floor()
                    .max(0.0) as usize;
                let last_row =
                    (((viewport.max.y - HEADER_HEIGHT) / CELL_HEIGHT).ceil() as usize).min(rows);
                let text_colour = ui.visuals().text_color();
                let weak = ui.visuals().weak_text_color();
                for column in first_column..last_column {
                    painter.text(
                        origin + vec2(TIME_COLUMN_WIDTH + CELL_WIDTH * (column as f32 + 0.5), 12.0),
                        Align2::CENTER_CENTER,
                        fill(t.b2b_table_n, &[("n", &(column + 1))]),
                        FontId::proportional(14.0),
                        text_colour,
                    );
                }
                for row in first_row..last_row {
                    let Some(time) = view.slots.get(row) else {
                        continue;
                    };
                    let y = HEADER_HEIGHT + CELL_HEIGHT * row as f32;
                    painter.text(
                        origin + vec2(8.0, y + CELL_HEIGHT / 2.0),
                        Align2::LEFT_CENTER,
                        time.to_string(),
                        FontId::proportional(14.0),
                        text_colour,
                    );
                    for column in first_column..last_column {
                        let rect = egui::Rect::from_min_size(
                            origin + vec2(TIME_COLUMN_WIDTH + CELL_WIDTH * column as f32, y),
                            vec2(CELL_WIDTH, CELL_HEIGHT),
                        )
                        .shrink(2.0);
                        let table = column as u32 + 1;
                        let slot = row as u32;
                        let meeting = view
                            .meetings
                            .iter()
                            .find(|m| m.table == table && m.slot == slot);
                        let id = ui.scope_id().with(("b2b-cell", table, slot));
                        let response = ui.interact(rect, id, Sense::click_and_drag());
                        match meeting {
                            Some(m) => {
                                let focused = self.focus == Some(m.idea);
                                painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
                                painter.rect_stroke(
                                    rect,
                                    4.0,
                                    Stroke::new(
                                        if focused { 2.5 } else { 1.0 },
                                        if focused {
                                            ui.visuals().selection.stroke.color
                                        } else {
                                            weak
                                        },
                                    ),
                                    StrokeKind::Inside,
                                );
                                let title =
                                    crate::model::text::display_order(&m.title).into_owned();
                                let names: Vec<&str> =
                                    m.organisations.iter().map(|(_, n)| n.as_str()).collect();
                                let lock = if m.locked { "🔒 " } else { "" };
                                // Two lines of title and one of names, cut with an
                                // ellipsis: the hover and the agendas say it all.
                                let title_galley = rows_galley(
                                    &painter,
                                    format!("{lock}{title}"),
                                    FontId::proportional(13.0),
                                    text_colour,
                                    rect.width() - 10.0,
                                    2,
                                );
                                let names_galley = rows_galley(
                                    &painter,
                                    names.join(" · "),
                                    FontId::proportional(11.0),
                                    weak,
                                    rect.width() - 10.0,
                                    1,
                                );
                                let clip = painter.with_clip_rect(rect.shrink(3.0));
                                clip.galley(rect.min + vec2(5.0, 3.0), title_galley, text_colour);
                                let names_top = rect.max.y - 4.0 - names_galley.size().y;
                                clip.galley(pos2(rect.min.x + 5.0, names_top), names_galley, weak);
                                let label = format!("{} — {}", m.title, names.join(", "));
                                response.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                                });
                                let response = response.on_hover_text(fill(
                                    t.b2b_meeting_hover,
                                    &[
                                        ("idea", &m.title),
                                        ("organisations", &names.join(", ")),
                                        ("time", &m.time),
                                        ("table", &m.table),
                                    ],
                                ));
                                if response.drag_started() {
                                    self.dragging = Some(m.idea);
                                }
                                if response.clicked() {
                                    clicked = Some(m.idea);
                                }
                                response.context_menu(|ui| {
                                    let text = if m.locked { t.b2b_unlock } else { t.b2b_lock };
                                    if ui.button(text).clicked() {
                                        cx.apply(Action::LockMeeting {
                                            idea: m.idea,
                                            locked: !m.locked,
                                        });
                                        ui.close();
                                    }
                                });
                            }
                            None => {
                                painter.rect_stroke(
                                    rect,
                                    4.0,
                                    Stroke::new(1.0, weak.gamma_multiply(0.3)),
                                    StrokeKind::Inside,
                                );
                                let label = fill(
                                    t.b2b_empty_cell,
                                    &[("table", &table), ("time", &time.start)],
                                );
                                response.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Cell, true, &label)
                                });
                            }
                        }
                        // The pointer over a cell while a meeting is dragged: the cell
                        // says whether it can go there.
                        if let Some(dragged) = self.dragging
                            && ui.rect_contains_pointer(rect)
                        {
                            let refused = clash(cx.session, &cx.session.b2b, dragged, table, slot);
                            let colour = if refused.is_some() {
                                ui.visuals().error_fg_color
                            } else {
                                Color32::from_rgb(60, 160, 90)
                            };
                            painter.rect_stroke(
                                rect,
                                4.0,
                                Stroke::new(3.0, colour),
                                StrokeKind::Inside,
                            );
                            if ui.input(|i| i.pointer.any_released()) {
                                dropped = Some((dragged, table, slot));
                            }
                        }
                    }
                }
            });
        if let Some(idea) = clicked {
            self.focus = Some(idea);
        }
        if ui.input(|i| i.pointer.any_released()) {
            self.dragging = None;
        }
        if let Some((idea, table, slot)) = dropped {
            let here = cx
                .session
                .b2b
                .meetings
                .iter()
                .any(|m| m.idea == idea && m.table == table && m.slot == slot);
            if !here {
                match clash(cx.session, &cx.session.b2b, idea, table, slot) {
                    Some(refused) => cx.intents.push(Intent::Error(format!(
                        "{}{}",
                        t.b2b_cannot_move,
                        refused.text(cx.language)
                    ))),
                    None => {
                        self.focus = Some(idea);
                        cx.apply(Action::MoveMeeting { idea, table, slot });
                    }
                }
            }
        }
    }
}

/// `text` laid out in at most `rows` lines of `width`, the last cut with an ellipsis.
fn rows_galley(
    painter: &egui::Painter,
    text: String,
    font: FontId,
    colour: egui::Color32,
    width: f32,
    rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple(text, font, colour, width);
    job.wrap.max_rows = rows;
    job.wrap.overflow_character = Some('…');
    painter.layout_job(job)
}
