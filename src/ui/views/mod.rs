//! One view per workshop step, plus the capture entries and small windows.

mod board;
mod capture;
mod draft;
mod fiches;
mod help;
mod ideas;
mod preparation;
mod selection;
mod synthesis;
mod table;
pub(crate) mod wall;

pub use board::BoardView;
pub use capture::{FicheCapture, IdeaCapture};
pub use fiches::FichesView;
pub use help::{help_ui, import_ui};
pub use ideas::IdeasView;
pub use preparation::PreparationView;
pub use selection::SelectionView;
pub use synthesis::SynthesisView;
pub use wall::timer::{Timer, adjust_minutes, timer_ui};
pub use wall::{TriageWall, WallMode};

/// The workshop steps, as tabs (`Ctrl+1` … `Ctrl+6`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Preparation,
    Fiches,
    Ideas,
    Board,
    Selection,
    Synthesis,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Preparation,
        View::Fiches,
        View::Ideas,
        View::Board,
        View::Selection,
        View::Synthesis,
    ];
}

/// `text` with its first letter in upper case ("à trier" → "À trier").
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
