//! Reading shortcuts into commands, and running commands and intents at the end of the
//! frame. Applying a model action here is what records its undo step.

use egui::{Key, ViewportCommand};

use super::command::{Command, CommandState, ImportSlot};
use super::dialogs::{self, DialogPurpose};
use super::views::adjust_minutes;
use super::{Intent, SynergiesApp, View, ViewCtx, theme};
use crate::model::{Action, Language};

impl SynergiesApp {
    /// What the commands need to know to say whether they can run now.
    pub fn command_state(&self) -> CommandState {
        let session = self.doc.session();
        let workshop = self.doc.workshop();
        CommandState {
            view: Some(self.view),
            can_undo: workshop.can_undo(),
            can_redo: workshop.can_redo(),
            board_targets: if self.presentation {
                self.board.wall.focused_idea().is_some()
            } else {
                self.board.has_targets()
            },
            presentation: self.presentation,
            current_cluster: self.board.current_cluster(session),
            clusters: session.clusters.len(),
            triage_focus: self.selection.focus.is_some(),
            import_open: self.show_import,
            import_ready: self.import_files.iter().any(Option::is_some),
            exporting: self.exporting(),
            recent: self.prefs.recent.len(),
            suggestion_focus: self.suggestions_visible() && self.suggestions.focused().is_some(),
            suggestions_shown: self.suggestions_visible() && self.suggestions.any_shown(),
            meeting_focus: self.b2b.focus.is_some(),
        }
    }

    /// Turns key presses into commands. Commands with more modifiers are read first
    /// (Ctrl+Shift+Z before Ctrl+Z); plain keys wait while a text field is being typed in.
    pub(super) fn read_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let state = self.command_state();
        for command in Command::by_modifiers() {
            if typing && command.is_plain_key() {
                continue;
            }
            // A plain key whose command cannot run now is left to the view (Space on
            // the board selects a card; on the wall it is the spotlight). Ctrl+Z is
            // always taken: it first saves the field being typed in, then undoes it.
            if command.is_plain_key() && !command.available(&state) {
                continue;
            }
            // Inside a text field, Ctrl+A selects its text, not the cards.
            if typing && *command == Command::SelectAllCards {
                continue;
            }
            let pressed = command
                .shortcuts()
                .iter()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
            if pressed {
                self.intents.push(Intent::Command(command.clone()));
            }
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            if self.palette.open {
                // The palette closes itself.
            } else if self.show_help {
                self.show_help = false;
            } else if self.presentation && !typing {
                // On the wall, Escape goes back a step before leaving the projector.
                let stepped_back = self.view == View::Board && self.board.wall_back();
                if !stepped_back {
                    self.set_presentation(ctx, false);
                }
            }
        }
    }

    fn set_presentation(&mut self, ctx: &egui::Context, on: bool) {
        self.presentation = on;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
        ctx.set_visuals(if on {
            theme::presentation_visuals()
        } else {
            theme::standard_visuals()
        });
    }

    pub(super) fn poll_dialogs(&mut self) {
        let Some(outcome) = self.dialogs.poll() else {
            return;
        };
        match outcome {
            dialogs::Outcome::Chosen(purpose, paths) => self.files_chosen(purpose, paths),
            dialogs::Outcome::NoDialog => {
                let t = self.t();
                self.error(t.no_dialog.to_owned());
            }
        }
    }

    /// Runs `command` if it can run now (a shortcut of a command that cannot is
    /// ignored, as its greyed-out menu entry would be).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        // The editors' fields are saved before the view changes, a save, an undo or an
        // export, as if they were left (so Ctrl+Z while typing undoes the typing).
        if matches!(
            command,
            Command::ShowView(_)
                | Command::SaveSession
                | Command::SaveSessionAs
                | Command::Undo
                | Command::Redo
                | Command::ExportPdf
                | Command::ExportXlsx
                | Command::ExportAgendas
                | Command::PrepareTableCopies
        ) {
            self.flush_editors();
        }
        if !command.available(&self.command_state()) {
            return;
        }
        let t = self.t();
        let language = self.prefs.language;
        match command {
            Command::NewSession => self.new_session(),
            Command::OpenSession => self.dialogs.start(DialogPurpose::Open),
            Command::OpenRecent(path) => self.open(&path),
            Command::SaveSession => self.save(),
            Command::SaveSessionAs => self.dialogs.start(DialogPurpose::SaveAs),
            Command::ImportSpreadsheets => self.show_import = true,
            Command::ChooseImportFile(slot) => self.dialogs.start(match slot {
                ImportSlot::Organisations => DialogPurpose::ImportOrganisations,
                ImportSlot::Fiches => DialogPurpose::ImportFiches,
                ImportSlot::Ideas => DialogPurpose::ImportIdeas,
            }),
            Command::RunImport => self.import(),
            Command::ExportPdf => self.dialogs.start(DialogPurpose::ExportPdf),
            Command::ExportXlsx => self.dialogs.start(DialogPurpose::ExportXlsx),
            Command::ExportAgendas => self.dialogs.start(DialogPurpose::ExportAgendas),
            Command::ToggleOpenAfterExport => {
                self.prefs.open_after_export = !self.prefs.open_after_export;
            }
            Command::Undo => {
                let label = self.doc.workshop().undo_label(language).map(str::to_owned);
                match (self.doc.undo(), label) {
                    (Some(_), Some(label)) => self.notify(format!("{}{label}", t.undone)),
                    _ => self.notify(t.nothing_to_undo.to_owned()),
                }
            }
            Command::Redo => {
                let label = self.doc.workshop().redo_label(language).map(str::to_owned);
                match (self.doc.redo(), label) {
                    (Some(_), Some(label)) => self.notify(format!("{}{label}", t.redone)),
                    _ => self.notify(t.nothing_to_redo.to_owned()),
                }
            }
            Command::NewIdea => {
                self.fiche_capture.open = false;
                self.capture.open();
            }
            Command::NewFiche => {
                self.capture.open = false;
                self.fiche_capture
                    .open_for(self.fiches.selected_organisation());
            }
            Command::ShowView(view) => self.view = view,
            Command::TogglePresentation => self.set_presentation(ctx, !self.presentation),
            Command::ZoomIn => self.prefs.zoom = (self.prefs.zoom + 0.1).clamp(0.5, 3.0),
            Command::ZoomOut => self.prefs.zoom = (self.prefs.zoom - 0.1).clamp(0.5, 3.0),
            Command::ZoomReset => self.prefs.zoom = 1.0,
            Command::ToggleLanguage => {
                self.prefs.language = match language {
                    Language::Fr => Language::En,
                    Language::En => Language::Fr,
                };
            }
            Command::ToggleHelp => self.show_help = !self.show_help,
            Command::OpenPalette => self.palette.toggle(),
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::PrepareTableCopies => self.dialogs.start(DialogPurpose::PrepareCopies),
            Command::ImportTableFiles => self.dialogs.start(DialogPurpose::ImportTableFiles),
            Command::WatchFolder => self.dialogs.start(DialogPurpose::WatchFolder),
            Command::ShowMergeLog => self.show_merge_log = !self.show_merge_log,
            Command::TimerStartPause => self.timer.start_or_pause(ctx.input(|i| i.time)),
            Command::TimerReset => self.timer.reset(),
            Command::TimerLonger | Command::TimerShorter => {
                let delta = if command == Command::TimerLonger {
                    1
                } else {
                    -1
                };
                self.prefs.timer_minutes = adjust_minutes(self.prefs.timer_minutes, delta);
            }
            Command::Find
            | Command::GroupSelection
            | Command::SelectAllCards
            | Command::VoteUp
            | Command::VoteDown
            | Command::ToggleHiddenTally
            | Command::ToggleSortByVotes
            | Command::RenameCluster(_)
            | Command::RecolourCluster(..)
            | Command::MergeClusterInto { .. }
            | Command::DissolveCluster(_)
            | Command::SelectTopN
            | Command::TriageAbandon
            | Command::TriageImminent
            | Command::TriageDeepen
            | Command::TriageReset
            | Command::DeleteSelection
            | Command::WallOverview
            | Command::PreviousCluster
            | Command::NextCluster
            | Command::Spotlight
            | Command::ToggleSelectedForB2b
            | Command::PlanB2b
            | Command::ToggleMeetingLock => self.view_command(ctx, &command),
            Command::AcceptSuggestion
            | Command::DismissSuggestion
            | Command::NextSuggestion
            | Command::PreviousSuggestion => self.suggestion_command(ctx, &command),
            Command::EditThesaurus => self.edit_thesaurus(),
        }
    }

    /// True when the suggestions panel is on screen: in Fiches, or under the new-sheet
    /// entry.
    fn suggestions_visible(&self) -> bool {
        (self.view == View::Fiches && !self.presentation) || self.fiche_capture.open
    }

    /// A have/need suggestion command.
    fn suggestion_command(&mut self, ctx: &egui::Context, command: &Command) {
        let mut intents = Vec::new();
        let mut cx = ViewCtx::new(
            self.doc.session(),
            self.doc.version(),
            &mut self.prefs,
            self.presentation,
            &mut intents,
        );
        self.suggestions.on_command(command, &mut cx);
        self.apply_list(ctx, intents);
    }

    /// Opens the user's copy of the thesaurus (made from the shipped one the first
    /// time) in the system's editor; it is read again when saved.
    fn edit_thesaurus(&mut self) {
        let t = self.t();
        let path = match crate::matching::thesaurus::make_user_copy() {
            Ok(path) => path,
            Err(e) => {
                let problem = crate::i18n::io_problem(self.prefs.language, &e);
                self.error(format!("{}{problem}", t.error));
                return;
            }
        };
        match crate::matching::Thesaurus::load(&path) {
            Ok(thesaurus) => self.suggestions.use_thesaurus(thesaurus, path.clone()),
            Err(e) => self.error(format!("{}{}", t.error, e.message(self.prefs.language))),
        }
        match open::that_detached(&path) {
            Ok(()) => self.notify(format!("{}{}", t.thesaurus_opened, path.display())),
            Err(e) => {
                let problem = crate::i18n::io_problem(self.prefs.language, &e);
                self.error(format!("{}{} : {problem}", t.error, path.display()));
            }
        }
    }

    /// A command that acts on the current view's selection.
    fn view_command(&mut self, ctx: &egui::Context, command: &Command) {
        let intents = self.views_act(Some(command));
        self.apply_list(ctx, intents);
    }

    /// Lets the current view act on `command`, or every editor save what it holds when
    /// there is none; returns what they asked for.
    fn views_act(&mut self, command: Option<&Command>) -> Vec<Intent> {
        let mut intents = Vec::new();
        let mut cx = ViewCtx::new(
            self.doc.session(),
            self.doc.version(),
            &mut self.prefs,
            self.presentation,
            &mut intents,
        );
        match (command, self.view) {
            (Some(command), View::Board) => self.board.on_command(command, &mut cx),
            (Some(command), View::Ideas) => self.ideas.on_command(command, &mut cx),
            (Some(command), View::Selection) => self.selection.on_command(command, &mut cx),
            (Some(command), View::B2b) => self.b2b.on_command(command, &mut cx),
            (Some(_), View::Preparation | View::Fiches | View::Synthesis) => {}
            (None, _) => {
                self.ideas.flush(&mut cx);
                self.fiches.flush(&mut cx);
                self.preparation.flush(&mut cx);
                self.selection.flush(&mut cx);
                self.b2b.flush(&mut cx);
            }
        }
        intents
    }

    /// Saves what the editors hold, as if their fields were left: called before the
    /// view changes, a save, an undo, an export, and (from `close_document`) before
    /// another session opens or the app closes.
    pub(super) fn flush_editors(&mut self) {
        let intents = self.views_act(None);
        for intent in intents {
            match intent {
                Intent::Apply(action) => self.apply_action(*action),
                Intent::Notice(text) => self.notify(text),
                Intent::Error(text) => self.error(text),
                Intent::Command(_) => {}
            }
        }
    }

    pub(super) fn apply_intents(&mut self, ctx: &egui::Context) {
        let intents = std::mem::take(&mut self.intents);
        self.apply_list(ctx, intents);
    }

    fn apply_list(&mut self, ctx: &egui::Context, intents: Vec<Intent>) {
        for intent in intents {
            match intent {
                Intent::Apply(action) => self.apply_action(*action),
                Intent::Command(command) => self.run_command(ctx, command),
                Intent::Notice(text) => self.notify(text),
                Intent::Error(text) => self.error(text),
            }
        }
    }

    /// Applies a change to the session: one undo step. A refused change is said.
    fn apply_action(&mut self, action: Action) {
        if let Err(e) = self.doc.apply(action) {
            let t = self.t();
            self.error(format!("{}{}", t.error, e.message(self.prefs.language)));
        }
    }
}
