//! Every user command of the app: one variant each, with its labels and shortcuts.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::Language;

/// A command the user can give from the keyboard, a menu or a button.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    NewSession,
    OpenSession,
    SaveSession,
    SaveSessionAs,
    ImportSpreadsheets,
    Undo,
    Redo,
    NewIdea,
    NewFiche,
    ShowPreparation,
    ShowFiches,
    ShowIdeas,
    ShowBoard,
    ShowSelection,
    ShowSynthesis,
    TogglePresentation,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ToggleHelp,
    Find,
    GroupSelection,
    SelectAllCards,
    VoteUp,
    VoteDown,
    ToggleHiddenTally,
    ToggleSortByVotes,
    TriageAbandon,
    TriageImminent,
    TriageDeepen,
    TriageReset,
    DeleteSelection,
    PrepareTableCopies,
    ImportTableFiles,
    WatchFolder,
    ShowMergeLog,
    Quit,
}

/// Shortcuts with no modifier only act when no text field has the keyboard.
const fn key(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, k)
}

const fn ctrl(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, k)
}

const fn ctrl_shift(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), k)
}

impl Command {
    pub const ALL: [Command; 37] = [
        Command::NewSession,
        Command::OpenSession,
        Command::SaveSession,
        Command::SaveSessionAs,
        Command::ImportSpreadsheets,
        Command::Undo,
        Command::Redo,
        Command::NewIdea,
        Command::NewFiche,
        Command::ShowPreparation,
        Command::ShowFiches,
        Command::ShowIdeas,
        Command::ShowBoard,
        Command::ShowSelection,
        Command::ShowSynthesis,
        Command::TogglePresentation,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleHelp,
        Command::Find,
        Command::GroupSelection,
        Command::SelectAllCards,
        Command::VoteUp,
        Command::VoteDown,
        Command::ToggleHiddenTally,
        Command::ToggleSortByVotes,
        Command::TriageAbandon,
        Command::TriageImminent,
        Command::TriageDeepen,
        Command::TriageReset,
        Command::DeleteSelection,
        Command::PrepareTableCopies,
        Command::ImportTableFiles,
        Command::WatchFolder,
        Command::ShowMergeLog,
        Command::Quit,
    ];

    /// The shortcuts, the first being the one shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Command::NewSession => const { &[ctrl_shift(Key::O)] },
            Command::OpenSession => const { &[ctrl(Key::O)] },
            Command::SaveSession => const { &[ctrl(Key::S)] },
            Command::SaveSessionAs => const { &[ctrl_shift(Key::S)] },
            Command::ImportSpreadsheets => const { &[ctrl(Key::I)] },
            Command::Undo => const { &[ctrl(Key::Z)] },
            Command::Redo => const { &[ctrl_shift(Key::Z), ctrl(Key::Y)] },
            Command::NewIdea => const { &[ctrl(Key::N)] },
            Command::NewFiche => const { &[ctrl_shift(Key::N)] },
            Command::ShowPreparation => const { &[ctrl(Key::Num1)] },
            Command::ShowFiches => const { &[ctrl(Key::Num2)] },
            Command::ShowIdeas => const { &[ctrl(Key::Num3)] },
            Command::ShowBoard => const { &[ctrl(Key::Num4)] },
            Command::ShowSelection => const { &[ctrl(Key::Num5)] },
            Command::ShowSynthesis => const { &[ctrl(Key::Num6)] },
            Command::TogglePresentation => const { &[key(Key::F11)] },
            Command::ZoomIn => const { &[ctrl(Key::Plus), ctrl(Key::Equals)] },
            Command::ZoomOut => const { &[ctrl(Key::Minus)] },
            Command::ZoomReset => const { &[ctrl(Key::Num0)] },
            Command::ToggleHelp => const { &[key(Key::F1)] },
            Command::Find => const { &[ctrl(Key::F)] },
            Command::GroupSelection => const { &[ctrl(Key::G)] },
            Command::SelectAllCards => const { &[ctrl(Key::A)] },
            Command::VoteUp => const { &[key(Key::Plus), key(Key::Equals)] },
            Command::VoteDown => const { &[key(Key::Minus)] },
            Command::ToggleHiddenTally => const { &[ctrl(Key::H)] },
            Command::ToggleSortByVotes => const { &[ctrl(Key::T)] },
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
        }
    }

    /// True for commands on plain keys, which must not fire while the user types text.
    pub fn is_plain_key(self) -> bool {
        self.shortcuts()
            .iter()
            .all(|s| s.modifiers == Modifiers::NONE && !matches!(s.logical_key, Key::F1 | Key::F11))
    }

    pub fn label(self, language: Language) -> &'static str {
        let (fr, en) = match self {
            Command::NewSession => ("Nouvel atelier", "New session"),
            Command::OpenSession => ("Ouvrir un atelier…", "Open session…"),
            Command::SaveSession => ("Enregistrer", "Save"),
            Command::SaveSessionAs => ("Enregistrer sous…", "Save as…"),
            Command::ImportSpreadsheets => ("Importer des tableurs…", "Import spreadsheets…"),
            Command::Undo => ("Annuler", "Undo"),
            Command::Redo => ("Rétablir", "Redo"),
            Command::NewIdea => ("Nouvelle idée", "New idea"),
            Command::NewFiche => ("Nouvelle fiche ressource", "New resource sheet"),
            Command::ShowPreparation => ("Préparation", "Preparation"),
            Command::ShowFiches => ("Fiches", "Resource sheets"),
            Command::ShowIdeas => ("Idées", "Ideas"),
            Command::ShowBoard => ("Tableau", "Board"),
            Command::ShowSelection => ("Sélection et tri", "Selection and triage"),
            Command::ShowSynthesis => ("Synthèse", "Synthesis"),
            Command::TogglePresentation => ("Mode présentation", "Presentation mode"),
            Command::ZoomIn => ("Agrandir", "Zoom in"),
            Command::ZoomOut => ("Réduire", "Zoom out"),
            Command::ZoomReset => ("Taille normale", "Actual size"),
            Command::ToggleHelp => ("Aide et raccourcis", "Help and shortcuts"),
            Command::Find => ("Filtrer", "Filter"),
            Command::GroupSelection => ("Regrouper la sélection", "Group the selection"),
            Command::SelectAllCards => ("Tout sélectionner", "Select all"),
            Command::VoteUp => ("Ajouter un vote", "Add a vote"),
            Command::VoteDown => ("Retirer un vote", "Remove a vote"),
            Command::ToggleHiddenTally => ("Masquer / révéler les votes", "Hide / reveal votes"),
            Command::ToggleSortByVotes => ("Trier par votes", "Sort by votes"),
            Command::TriageAbandon => ("Classer « abandonnée »", "Mark \"abandoned\""),
            Command::TriageImminent => (
                "Classer « sur le point de se concrétiser »",
                "Mark \"about to happen\"",
            ),
            Command::TriageDeepen => ("Classer « à approfondir »", "Mark \"to deepen\""),
            Command::TriageReset => ("Remettre « à trier »", "Back to \"to triage\""),
            Command::DeleteSelection => ("Supprimer la sélection", "Delete the selection"),
            Command::PrepareTableCopies => {
                ("Préparer les copies de table…", "Prepare the table copies…")
            }
            Command::ImportTableFiles => ("Importer des fichiers de table…", "Import table files…"),
            Command::WatchFolder => ("Surveiller un dossier…", "Watch a folder…"),
            Command::ShowMergeLog => ("Journal des fusions", "Merge log"),
            Command::Quit => ("Quitter", "Quit"),
        };
        match language {
            Language::Fr => fr,
            Language::En => en,
        }
    }

    /// The main shortcut as text ("Ctrl+N").
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen: HashMap<(Modifiers, Key), Command> = HashMap::new();
        for command in Command::ALL {
            for s in command.shortcuts() {
                if let Some(other) = seen.insert((s.modifiers, s.logical_key), command) {
                    panic!("{command:?} and {other:?} share {s:?}");
                }
            }
        }
    }

    #[test]
    fn every_command_has_a_shortcut_and_two_labels() {
        for command in Command::ALL {
            assert!(!command.shortcuts().is_empty(), "{command:?}");
            assert!(!command.label(Language::Fr).is_empty());
            assert!(!command.label(Language::En).is_empty());
        }
    }

    #[test]
    fn all_lists_every_command_once() {
        let unique: std::collections::HashSet<_> = Command::ALL.iter().collect();
        assert_eq!(unique.len(), Command::ALL.len());
    }
}
