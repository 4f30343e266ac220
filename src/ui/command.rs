//! Every user command of the app: one variant each, with a payload where needed, its
//! labels in both languages, its shortcuts and whether it can run now. Menus, buttons,
//! context menus, the F1 help and the command palette are all drawn from it.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};
use uuid::Uuid;

use crate::model::{Colour, Language};
use crate::ui::View;

/// Which of the three spreadsheets of the import window a file is chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportSlot {
    Organisations,
    Fiches,
    Ideas,
}

impl ImportSlot {
    pub const ALL: [ImportSlot; 3] = [
        ImportSlot::Organisations,
        ImportSlot::Fiches,
        ImportSlot::Ideas,
    ];

    /// The slot's place in the import window, top to bottom.
    pub fn index(self) -> usize {
        match self {
            ImportSlot::Organisations => 0,
            ImportSlot::Fiches => 1,
            ImportSlot::Ideas => 2,
        }
    }
}

/// A command the user can give from the keyboard, a menu, a button, a context menu or
/// the palette. Cluster commands name their cluster, or `None` for the cluster of the
/// board's focused card.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    NewSession,
    OpenSession,
    OpenRecent(PathBuf),
    SaveSession,
    SaveSessionAs,
    ImportSpreadsheets,
    ChooseImportFile(ImportSlot),
    RunImport,
    ExportPdf,
    ExportXlsx,
    ToggleOpenAfterExport,
    PrepareTableCopies,
    ImportTableFiles,
    WatchFolder,
    ShowMergeLog,
    Quit,
    Undo,
    Redo,
    NewIdea,
    NewFiche,
    DeleteSelection,
    ShowView(View),
    TogglePresentation,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleLanguage,
    ToggleHelp,
    OpenPalette,
    Find,
    GroupSelection,
    SelectAllCards,
    VoteUp,
    VoteDown,
    ToggleHiddenTally,
    ToggleSortByVotes,
    RenameCluster(Option<Uuid>),
    RecolourCluster(Option<Uuid>, Colour),
    MergeClusterInto { from: Option<Uuid>, into: Uuid },
    DissolveCluster(Option<Uuid>),
    SelectTopN,
    TriageAbandon,
    TriageImminent,
    TriageDeepen,
    TriageReset,
    WallOverview,
    PreviousCluster,
    NextCluster,
    Spotlight,
    ToggleSelectedForB2b,
    TimerStartPause,
    TimerReset,
    TimerLonger,
    TimerShorter,
    AcceptSuggestion,
    DismissSuggestion,
    NextSuggestion,
    PreviousSuggestion,
    EditThesaurus,
    PlanB2b,
    ExportAgendas,
    ToggleMeetingLock,
}

/// What the app is doing now, as far as commands care: read once a frame.
#[derive(Clone, Debug, Default)]
pub struct CommandState {
    pub view: Option<View>,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The board has cards selected or focused (on the wall: a card in focus).
    pub board_targets: bool,
    /// The wall is shown instead of the views' editing screens.
    pub presentation: bool,
    /// The cluster of the board's focused card.
    pub current_cluster: Option<Uuid>,
    /// How many clusters the session has.
    pub clusters: usize,
    /// The Sélection view has an idea to triage in focus.
    pub triage_focus: bool,
    /// The import window is open, and with at least one file chosen.
    pub import_open: bool,
    pub import_ready: bool,
    pub exporting: bool,
    /// Sessions in the recent list.
    pub recent: usize,
    /// A have/need suggestion is in focus (in Fiches or the new-sheet entry).
    pub suggestion_focus: bool,
    /// Have/need suggestions are shown (in Fiches or the new-sheet entry).
    pub suggestions_shown: bool,
    /// A B2B meeting is in focus.
    pub meeting_focus: bool,
}

/// Shortcuts with no modifier only act when no text field has the keyboard.
const fn key(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, k)
}

const fn ctrl(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, k)
}

const fn shift(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, k)
}

const fn alt(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, k)
}

const fn ctrl_shift(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), k)
}

impl Command {
    /// One of each command, as listed in the help and the palette (payloads are
    /// placeholders where the palette offers one entry per value).
    pub fn all() -> &'static [Command] {
        static ALL: std::sync::OnceLock<Vec<Command>> = std::sync::OnceLock::new();
        ALL.get_or_init(|| {
            let mut all = vec![
                Command::NewSession,
                Command::OpenSession,
                Command::OpenRecent(PathBuf::new()),
                Command::SaveSession,
                Command::SaveSessionAs,
                Command::ImportSpreadsheets,
            ];
            all.extend(ImportSlot::ALL.map(Command::ChooseImportFile));
            all.extend([
                Command::RunImport,
                Command::ExportPdf,
                Command::ExportXlsx,
                Command::ToggleOpenAfterExport,
                Command::PrepareTableCopies,
                Command::ImportTableFiles,
                Command::WatchFolder,
                Command::ShowMergeLog,
                Command::Quit,
                Command::Undo,
                Command::Redo,
                Command::NewIdea,
                Command::NewFiche,
                Command::DeleteSelection,
            ]);
            all.extend(View::ALL.map(Command::ShowView));
            all.extend([
                Command::TogglePresentation,
                Command::ZoomIn,
                Command::ZoomOut,
                Command::ZoomReset,
                Command::ToggleLanguage,
                Command::ToggleHelp,
                Command::OpenPalette,
                Command::Find,
                Command::GroupSelection,
                Command::SelectAllCards,
                Command::VoteUp,
                Command::VoteDown,
                Command::ToggleHiddenTally,
                Command::ToggleSortByVotes,
                Command::RenameCluster(None),
                Command::RecolourCluster(None, Colour::PALETTE[0]),
                Command::MergeClusterInto {
                    from: None,
                    into: Uuid::nil(),
                },
                Command::DissolveCluster(None),
                Command::SelectTopN,
                Command::TriageAbandon,
                Command::TriageImminent,
                Command::TriageDeepen,
                Command::TriageReset,
                Command::WallOverview,
                Command::PreviousCluster,
                Command::NextCluster,
                Command::Spotlight,
                Command::ToggleSelectedForB2b,
                Command::TimerStartPause,
                Command::TimerReset,
                Command::TimerLonger,
                Command::TimerShorter,
                Command::AcceptSuggestion,
                Command::DismissSuggestion,
                Command::NextSuggestion,
                Command::PreviousSuggestion,
                Command::EditThesaurus,
                Command::PlanB2b,
                Command::ExportAgendas,
                Command::ToggleMeetingLock,
            ]);
            all
        })
    }

    /// True when both are the same command, whatever their payloads.
    pub fn same_kind(&self, other: &Command) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && match (self, other) {
                (Command::ShowView(a), Command::ShowView(b)) => a == b,
                (Command::ChooseImportFile(a), Command::ChooseImportFile(b)) => a == b,
                _ => true,
            }
    }

    /// The shortcuts, the first being the one shown in menus.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        match self {
            Command::NewSession => const { &[ctrl_shift(Key::O)] },
            Command::OpenSession => const { &[ctrl(Key::O)] },
            Command::SaveSession => const { &[ctrl(Key::S)] },
            Command::SaveSessionAs => const { &[ctrl_shift(Key::S)] },
            Command::ImportSpreadsheets => const { &[ctrl(Key::I)] },
            Command::ExportPdf => const { &[ctrl(Key::P)] },
            Command::ExportXlsx => const { &[ctrl(Key::E)] },
            Command::Undo => const { &[ctrl(Key::Z)] },
            Command::Redo => const { &[ctrl_shift(Key::Z), ctrl(Key::Y)] },
            Command::NewIdea => const { &[ctrl(Key::N)] },
            Command::NewFiche => const { &[ctrl_shift(Key::N)] },
            Command::ShowView(View::Preparation) => const { &[ctrl(Key::Num1)] },
            Command::ShowView(View::Fiches) => const { &[ctrl(Key::Num2)] },
            Command::ShowView(View::Ideas) => const { &[ctrl(Key::Num3)] },
            Command::ShowView(View::Board) => const { &[ctrl(Key::Num4)] },
            Command::ShowView(View::Selection) => const { &[ctrl(Key::Num5)] },
            Command::ShowView(View::B2b) => const { &[ctrl(Key::Num6)] },
            Command::ShowView(View::Synthesis) => const { &[ctrl(Key::Num7)] },
            Command::PlanB2b => const { &[ctrl_shift(Key::B)] },
            Command::ToggleMeetingLock => const { &[key(Key::L)] },
            Command::TogglePresentation => const { &[key(Key::F11)] },
            Command::ZoomIn => const { &[ctrl(Key::Plus), ctrl(Key::Equals)] },
            Command::ZoomOut => const { &[ctrl(Key::Minus)] },
            Command::ZoomReset => const { &[ctrl(Key::Num0)] },
            Command::ToggleLanguage => const { &[ctrl_shift(Key::L)] },
            Command::ToggleHelp => const { &[key(Key::F1)] },
            Command::OpenPalette => const { &[ctrl(Key::K)] },
            Command::Find => const { &[ctrl(Key::F)] },
            Command::GroupSelection => const { &[ctrl(Key::G)] },
            Command::SelectAllCards => const { &[ctrl(Key::A)] },
            Command::VoteUp => const { &[key(Key::Plus), key(Key::Equals)] },
            Command::VoteDown => const { &[key(Key::Minus)] },
            Command::ToggleHiddenTally => const { &[ctrl(Key::H)] },
            Command::ToggleSortByVotes => const { &[ctrl(Key::T)] },
            Command::RenameCluster(_) => const { &[key(Key::F2)] },
            Command::DissolveCluster(_) => const { &[ctrl_shift(Key::G)] },
            Command::SelectTopN => const { &[ctrl(Key::R)] },
            Command::TriageAbandon => const { &[key(Key::Num1)] },
            Command::TriageImminent => const { &[key(Key::Num2)] },
            Command::TriageDeepen => const { &[key(Key::Num3)] },
            Command::TriageReset => const { &[key(Key::Num0)] },
            Command::DeleteSelection => const { &[key(Key::Delete)] },
            Command::PrepareTableCopies => const { &[ctrl_shift(Key::P)] },
            Command::ImportTableFiles => const { &[ctrl_shift(Key::I)] },
            Command::WatchFolder => const { &[ctrl_shift(Key::W)] },
            Command::ShowMergeLog => const { &[ctrl(Key::L)] },
            Command::Quit => const { &[ctrl(Key::Q)] },
            Command::WallOverview => const { &[key(Key::Home)] },
            Command::PreviousCluster => const { &[key(Key::PageUp)] },
            Command::NextCluster => const { &[key(Key::PageDown)] },
            Command::Spotlight => const { &[key(Key::Space)] },
            Command::ToggleSelectedForB2b => const { &[key(Key::S)] },
            Command::TimerStartPause => const { &[key(Key::T)] },
            Command::TimerReset => const { &[shift(Key::T)] },
            Command::TimerLonger => const { &[key(Key::CloseBracket)] },
            Command::TimerShorter => const { &[key(Key::OpenBracket)] },
            Command::AcceptSuggestion => const { &[ctrl(Key::J)] },
            Command::DismissSuggestion => const { &[ctrl(Key::D)] },
            Command::NextSuggestion => const { &[alt(Key::ArrowDown)] },
            Command::PreviousSuggestion => const { &[alt(Key::ArrowUp)] },
            Command::ExportAgendas => const { &[ctrl_shift(Key::A)] },
            Command::OpenRecent(_)
            | Command::ChooseImportFile(_)
            | Command::RunImport
            | Command::ToggleOpenAfterExport
            | Command::RecolourCluster(..)
            | Command::MergeClusterInto { .. }
            | Command::EditThesaurus => &[],
        }
    }

    /// True for commands on plain keys (Shift aside), which must not fire while the user
    /// types text.
    pub fn is_plain_key(&self) -> bool {
        !self.shortcuts().is_empty()
            && self.shortcuts().iter().all(|s| {
                !(s.modifiers.command
                    || s.modifiers.ctrl
                    || s.modifiers.alt
                    || matches!(s.logical_key, Key::F1 | Key::F11))
            })
    }

    /// Whether the command can run now.
    pub fn available(&self, state: &CommandState) -> bool {
        let on = |view: View| state.view == Some(view);
        match self {
            Command::Undo => state.can_undo,
            Command::Redo => state.can_redo,
            Command::OpenRecent(path) => {
                state.recent > 0 && (path.as_os_str().is_empty() || path.is_file())
            }
            Command::ChooseImportFile(_) => state.import_open,
            Command::RunImport => state.import_open && state.import_ready,
            Command::ExportPdf | Command::ExportXlsx | Command::ExportAgendas => !state.exporting,
            Command::PlanB2b => on(View::B2b),
            Command::ToggleMeetingLock => on(View::B2b) && state.meeting_focus,
            Command::Find => on(View::Board) || on(View::Ideas),
            Command::DeleteSelection => on(View::Board) || on(View::Ideas),
            Command::GroupSelection => {
                on(View::Board) && state.board_targets && !state.presentation
            }
            Command::VoteUp | Command::VoteDown | Command::ToggleSelectedForB2b => {
                on(View::Board) && state.board_targets
            }
            Command::WallOverview | Command::PreviousCluster | Command::NextCluster => {
                on(View::Board) && state.presentation
            }
            Command::Spotlight => on(View::Board) && state.presentation && state.board_targets,
            Command::SelectAllCards | Command::ToggleHiddenTally | Command::ToggleSortByVotes => {
                on(View::Board)
            }
            Command::RenameCluster(cluster)
            | Command::RecolourCluster(cluster, _)
            | Command::DissolveCluster(cluster) => {
                on(View::Board) && (cluster.is_some() || state.current_cluster.is_some())
            }
            Command::MergeClusterInto { from, into } => {
                on(View::Board)
                    && state.clusters > 1
                    && from.or(state.current_cluster).is_some_and(|f| f != *into)
            }
            Command::SelectTopN => on(View::Selection),
            Command::TriageAbandon
            | Command::TriageImminent
            | Command::TriageDeepen
            | Command::TriageReset => on(View::Selection) && state.triage_focus,
            Command::AcceptSuggestion | Command::DismissSuggestion => state.suggestion_focus,
            Command::NextSuggestion | Command::PreviousSuggestion => state.suggestions_shown,
            _ => true,
        }
    }

    /// The command's name, as menus and the help list it (from the catalogue).
    pub fn label(&self, language: Language) -> &'static str {
        let w = &crate::i18n::words(language).commands;
        match self {
            Command::NewSession => w.new_session,
            Command::OpenSession => w.open_session,
            Command::OpenRecent(_) => w.open_recent,
            Command::SaveSession => w.save_session,
            Command::SaveSessionAs => w.save_session_as,
            Command::ImportSpreadsheets => w.import_spreadsheets,
            Command::ChooseImportFile(ImportSlot::Organisations) => {
                w.choose_import_file_organisations
            }
            Command::ChooseImportFile(ImportSlot::Fiches) => w.choose_import_file_fiches,
            Command::ChooseImportFile(ImportSlot::Ideas) => w.choose_import_file_ideas,
            Command::RunImport => w.run_import,
            Command::ExportPdf => w.export_pdf,
            Command::ExportXlsx => w.export_xlsx,
            Command::ToggleOpenAfterExport => w.toggle_open_after_export,
            Command::Undo => w.undo,
            Command::Redo => w.redo,
            Command::NewIdea => w.new_idea,
            Command::NewFiche => w.new_fiche,
            Command::ShowView(View::Preparation) => w.show_view_preparation,
            Command::ShowView(View::Fiches) => w.show_view_fiches,
            Command::ShowView(View::Ideas) => w.show_view_ideas,
            Command::ShowView(View::Board) => w.show_view_board,
            Command::ShowView(View::Selection) => w.show_view_selection,
            Command::ShowView(View::B2b) => w.show_view_b2b,
            Command::ShowView(View::Synthesis) => w.show_view_synthesis,
            Command::TogglePresentation => w.toggle_presentation,
            Command::ZoomIn => w.zoom_in,
            Command::ZoomOut => w.zoom_out,
            Command::ZoomReset => w.zoom_reset,
            Command::ToggleLanguage => w.toggle_language,
            Command::ToggleHelp => w.toggle_help,
            Command::OpenPalette => w.open_palette,
            Command::Find => w.find,
            Command::GroupSelection => w.group_selection,
            Command::SelectAllCards => w.select_all_cards,
            Command::VoteUp => w.vote_up,
            Command::VoteDown => w.vote_down,
            Command::ToggleHiddenTally => w.toggle_hidden_tally,
            Command::ToggleSortByVotes => w.toggle_sort_by_votes,
            Command::RenameCluster(_) => w.rename_cluster,
            Command::RecolourCluster(..) => w.recolour_cluster,
            Command::MergeClusterInto { .. } => w.merge_cluster_into,
            Command::DissolveCluster(_) => w.dissolve_cluster,
            Command::SelectTopN => w.select_top_n,
            Command::TriageAbandon => w.triage_abandon,
            Command::TriageImminent => w.triage_imminent,
            Command::TriageDeepen => w.triage_deepen,
            Command::TriageReset => w.triage_reset,
            Command::DeleteSelection => w.delete_selection,
            Command::PrepareTableCopies => w.prepare_table_copies,
            Command::ImportTableFiles => w.import_table_files,
            Command::WatchFolder => w.watch_folder,
            Command::ShowMergeLog => w.show_merge_log,
            Command::Quit => w.quit,
            Command::WallOverview => w.wall_overview,
            Command::PreviousCluster => w.previous_cluster,
            Command::NextCluster => w.next_cluster,
            Command::Spotlight => w.spotlight,
            Command::ToggleSelectedForB2b => w.toggle_selected_for_b2b,
            Command::TimerStartPause => w.timer_start_pause,
            Command::TimerReset => w.timer_reset,
            Command::TimerLonger => w.timer_longer,
            Command::TimerShorter => w.timer_shorter,
            Command::AcceptSuggestion => w.accept_suggestion,
            Command::DismissSuggestion => w.dismiss_suggestion,
            Command::NextSuggestion => w.next_suggestion,
            Command::PreviousSuggestion => w.previous_suggestion,
            Command::EditThesaurus => w.edit_thesaurus,
            Command::PlanB2b => w.plan_b2b,
            Command::ExportAgendas => w.export_agendas,
            Command::ToggleMeetingLock => w.toggle_meeting_lock,
        }
    }

    /// The main shortcut as text ("Ctrl+N"), or nothing.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// Every command, those whose shortcuts have more modifiers first, so that
    /// Ctrl+Shift+Z is read before Ctrl+Z (sorted once).
    pub fn by_modifiers() -> &'static [Command] {
        static ORDER: std::sync::OnceLock<Vec<Command>> = std::sync::OnceLock::new();
        ORDER.get_or_init(|| {
            let mut commands: Vec<Command> = Command::all()
                .iter()
                .filter(|c| !c.shortcuts().is_empty())
                .cloned()
                .collect();
            commands.sort_by_key(|c| {
                std::cmp::Reverse(
                    c.shortcuts()
                        .iter()
                        .map(|s| modifier_count(s.modifiers))
                        .max()
                        .unwrap_or(0),
                )
            });
            commands
        })
    }
}

fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.ctrl || m.command || m.mac_cmd, m.shift]
        .iter()
        .filter(|b| **b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: HashMap<(Modifiers, Key), &Command> = HashMap::new();
        for command in Command::all() {
            for s in command.shortcuts() {
                if let Some(other) = seen.insert((s.modifiers, s.logical_key), command) {
                    panic!("{command:?} and {other:?} share {s:?}");
                }
            }
        }
        // Nor with what egui or a text field already does with a key.
        for taken in [ctrl(Key::C), ctrl(Key::V), ctrl(Key::X)] {
            assert!(
                !seen.contains_key(&(taken.modifiers, taken.logical_key)),
                "{taken:?} is the clipboard's"
            );
        }
    }

    #[test]
    fn every_command_has_two_labels() {
        for command in Command::all() {
            for language in [Language::Fr, Language::En] {
                assert!(!command.label(language).is_empty(), "{command:?}");
            }
            assert_ne!(
                command.label(Language::Fr),
                "",
                "{command:?} has no French label"
            );
        }
    }

    #[test]
    fn the_commands_a_facilitator_asked_for_have_a_shortcut() {
        for command in [
            Command::ExportPdf,
            Command::ExportXlsx,
            Command::SelectTopN,
            Command::ToggleLanguage,
            Command::ToggleHiddenTally,
            Command::RenameCluster(None),
            Command::DissolveCluster(None),
            Command::OpenPalette,
        ] {
            assert!(!command.shortcuts().is_empty(), "{command:?}");
        }
    }

    #[test]
    fn all_lists_every_command_once() {
        let all = Command::all();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(!a.same_kind(b), "{a:?} is listed twice");
            }
        }
        let labels: std::collections::HashSet<_> =
            all.iter().map(|c| c.label(Language::Fr)).collect();
        assert_eq!(labels.len(), all.len(), "two commands share a label");
    }

    #[test]
    fn view_commands_only_run_where_they_act() {
        let board = CommandState {
            view: Some(View::Board),
            board_targets: true,
            ..CommandState::default()
        };
        let selection = CommandState {
            view: Some(View::Selection),
            triage_focus: true,
            ..CommandState::default()
        };
        assert!(Command::VoteUp.available(&board));
        assert!(!Command::VoteUp.available(&selection));
        assert!(Command::TriageDeepen.available(&selection));
        assert!(!Command::TriageDeepen.available(&board));
        assert!(
            !Command::RenameCluster(None).available(&board),
            "no cluster in focus"
        );
        assert!(Command::RenameCluster(Some(Uuid::new_v4())).available(&board));
    }
}
