//! The countdown of a tour de table: started, paused and reset by key, shown on the
//! wall. Its clock is egui's input time, in seconds, so that tests can drive it.

use egui::{Color32, FontId, RichText, Ui};

use crate::ui::i18n::Tr;
use crate::ui::theme::WALL_VOTES_PT;

/// How long a countdown may be set to, in minutes.
const MINUTES_RANGE: std::ops::RangeInclusive<u32> = 1..=60;

/// A countdown: `duration_s` long, running since `started_at_s` (egui time) or paused
/// with `elapsed_s` already gone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timer {
    started_at_s: Option<f64>,
    elapsed_s: f64,
    /// Shown once started, until reset.
    shown: bool,
}

impl Timer {
    /// Starts the countdown, or pauses it if it runs.
    pub fn start_or_pause(&mut self, now_s: f64) {
        match self.started_at_s.take() {
            Some(started) => self.elapsed_s += (now_s - started).max(0.0),
            None => self.started_at_s = Some(now_s),
        }
        self.shown = true;
    }

    /// Back to the full duration, stopped and hidden.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    pub fn is_running(&self) -> bool {
        self.started_at_s.is_some()
    }

    /// True from the first start to the next reset.
    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// Seconds left of `duration_s` at `now_s`; negative once over.
    pub fn remaining_s(&self, duration_s: f64, now_s: f64) -> f64 {
        let running = self.started_at_s.map_or(0.0, |s| (now_s - s).max(0.0));
        duration_s - self.elapsed_s - running
    }
}

/// The countdown's duration, one minute more or less, kept in the preferences.
pub fn adjust_minutes(minutes: u32, delta: i32) -> u32 {
    minutes
        .saturating_add_signed(delta)
        .clamp(*MINUTES_RANGE.start(), *MINUTES_RANGE.end())
}

/// "2:05", or "−0:12" once the time is over.
pub fn clock_text(remaining_s: f64) -> String {
    let whole = remaining_s.abs().ceil() as u64;
    let sign = if remaining_s < -0.5 { "−" } else { "" };
    format!("{sign}{}:{:02}", whole / 60, whole % 60)
}

/// The countdown in a band at the top of the window, right-aligned, while it is shown. Repaints itself while it runs.
pub fn timer_ui(ui: &mut Ui, timer: &Timer, minutes: u32, t: &Tr) {
    if !timer.is_shown() {
        return;
    }
    let now_s = ui.input(|i| i.time);
    let duration_s = f64::from(minutes) * 60.0;
    let remaining_s = timer.remaining_s(duration_s, now_s);
    if timer.is_running() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
    let over = remaining_s <= 0.0;
    let (fill, text_colour) = if over {
        (Color32::from_rgb(0xb0, 0x10, 0x10), Color32::WHITE)
    } else if remaining_s <= 30.0 {
        (Color32::from_rgb(0xff, 0xd2, 0x4d), Color32::BLACK)
    } else {
        (Color32::from_rgb(0x1f, 0x2a, 0x44), Color32::WHITE)
    };
    let state = if over {
        t.timer_over
    } else if timer.is_running() {
        t.timer_running
    } else {
        t.timer_paused
    };
    // A band over the views, right-aligned: nothing of the wall is hidden under it.
    egui::Panel::top("wall-timer").show(ui, |ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(10.0)
                .inner_margin(egui::Margin::symmetric(18, 2))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(state).size(24.0).color(text_colour));
                        ui.label(
                            RichText::new(clock_text(remaining_s))
                                .font(FontId::monospace(WALL_VOTES_PT))
                                .strong()
                                .color(text_colour),
                        );
                    });
                });
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_runs_pauses_and_resets() {
        let mut timer = Timer::default();
        assert!(!timer.is_shown());
        assert_eq!(timer.remaining_s(180.0, 10.0), 180.0);
        timer.start_or_pause(10.0);
        assert!(timer.is_running() && timer.is_shown());
        assert_eq!(timer.remaining_s(180.0, 40.0), 150.0);
        timer.start_or_pause(40.0);
        assert!(!timer.is_running());
        // Paused: the time does not move.
        assert_eq!(timer.remaining_s(180.0, 100.0), 150.0);
        timer.start_or_pause(100.0);
        assert_eq!(timer.remaining_s(180.0, 250.0), 0.0);
        assert_eq!(timer.remaining_s(180.0, 262.0), -12.0);
        timer.reset();
        assert!(!timer.is_shown() && !timer.is_running());
        assert_eq!(timer.remaining_s(180.0, 300.0), 180.0);
    }

    #[test]
    fn the_clock_reads_minutes_and_seconds() {
        assert_eq!(clock_text(180.0), "3:00");
        assert_eq!(clock_text(125.2), "2:06");
        assert_eq!(clock_text(0.0), "0:00");
        assert_eq!(clock_text(-12.0), "−0:12");
    }

    #[test]
    fn the_duration_stays_between_one_minute_and_an_hour() {
        assert_eq!(adjust_minutes(3, 1), 4);
        assert_eq!(adjust_minutes(1, -1), 1);
        assert_eq!(adjust_minutes(60, 1), 60);
    }
}
