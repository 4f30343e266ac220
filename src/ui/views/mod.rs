//! One view per workshop step, plus the capture entries and small windows.

mod b2b;
mod board;
mod capture;
mod draft;
mod fiches;
mod help;
mod ideas;
mod preparation;
mod selection;
pub mod suggestions;
mod synthesis;
mod table;
pub(crate) mod wall;

pub use b2b::B2bView;
pub use board::BoardView;
pub use capture::{FicheCapture, IdeaCapture};
pub use fiches::FichesView;
pub use help::{help_ui, import_ui};
pub use ideas::IdeasView;
pub use preparation::PreparationView;
pub use selection::SelectionView;
pub use suggestions::SuggestionsPanel;
pub use synthesis::SynthesisView;
pub use wall::timer::{Timer, adjust_minutes, timer_ui};
pub use wall::{TriageWall, WallMode};

/// The workshop steps, as tabs (`Ctrl+1` … `Ctrl+7`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Preparation,
    Fiches,
    Ideas,
    Board,
    Selection,
    B2b,
    Synthesis,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Preparation,
        View::Fiches,
        View::Ideas,
        View::Board,
        View::Selection,
        View::B2b,
        View::Synthesis,
    ];
}

pub(crate) use crate::model::charts::capitalised;

/// The move the arrow keys ask for in a grid of `columns`: ±1 across, ±`columns` down.
pub(crate) fn arrow_step(ui: &egui::Ui, columns: usize) -> isize {
    let columns = columns.max(1) as isize;
    ui.input(|i| {
        if i.key_pressed(egui::Key::ArrowRight) {
            1
        } else if i.key_pressed(egui::Key::ArrowLeft) {
            -1
        } else if i.key_pressed(egui::Key::ArrowDown) {
            columns
        } else if i.key_pressed(egui::Key::ArrowUp) {
            -columns
        } else {
            0
        }
    })
}

/// `current` moved by `step` within `0..len`.
pub(crate) fn stepped(current: usize, step: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (current as isize + step).clamp(0, len as isize - 1) as usize
}
