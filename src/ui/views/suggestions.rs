//! Have/need suggestions, shown in Fiches (for the sheet being edited, or for every
//! sheet) and under the new-sheet entry (for the sheet being typed): each with its
//! reason, one key (`Ctrl+J`) or click from becoming an idea, one (`Ctrl+D`) from being
//! dismissed for good.

use std::path::PathBuf;
use std::time::SystemTime;

use egui::{RichText, Ui};
use uuid::Uuid;

use crate::i18n::fill;
use crate::matching::{Matcher, Suggestions, Thesaurus, describe, score_text, sorted};
use crate::model::{Action, Fiche, Session};
use crate::ui::command::Command;
use crate::ui::document::ContentVersion;
use crate::ui::{Intent, ViewCtx};

const ROW_HEIGHT: f32 = 40.0;

/// One suggestion, as the panel lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Pair {
        need: Uuid,
        offer: Uuid,
    },
    /// A mutualisation: its sheets, in its order.
    Mutualisation(Vec<Uuid>),
}

/// Which suggestions the panel lists.
#[derive(Clone, Debug)]
pub enum Scope<'a> {
    /// Those of one saved sheet.
    Fiche(Uuid),
    /// Those of a sheet being typed, not saved yet: shown, not actionable.
    Draft(&'a Fiche),
    /// Every sheet's.
    All,
}

/// The suggestions and what the panel remembers between frames.
pub struct SuggestionsPanel {
    matcher: Matcher,
    /// The user's thesaurus file, `None` for the shipped one; and when it was read.
    thesaurus_file: Option<(PathBuf, Option<SystemTime>)>,
    /// The suggestions of the session as it was at `version`.
    found: Suggestions,
    version: Option<ContentVersion>,
    /// The suggestions of the sheet being typed, and what they were computed for.
    draft: Option<(ContentVersion, Fiche, Suggestions)>,
    /// The rows listed last frame, in order, for `Alt+↓/↑`.
    shown: Vec<Item>,
    focus: Option<Item>,
}

impl Default for SuggestionsPanel {
    fn default() -> Self {
        Self::new(Thesaurus::shipped(), None)
    }
}

impl SuggestionsPanel {
    /// A panel matching with `thesaurus`, read from `file` (`None`: the shipped one).
    pub fn new(thesaurus: Thesaurus, file: Option<PathBuf>) -> Self {
        let modified = file.as_ref().and_then(|f| modified(f));
        Self {
            matcher: Matcher::new(thesaurus),
            thesaurus_file: file.map(|f| (f, modified)),
            found: Suggestions::default(),
            version: None,
            draft: None,
            shown: Vec::new(),
            focus: None,
        }
    }

    /// The panel of the user's thesaurus (or the shipped one), and what went wrong
    /// reading the user's, if anything.
    pub fn for_user() -> (Self, Option<String>) {
        match crate::matching::thesaurus::for_user() {
            Ok((thesaurus, file)) => (Self::new(thesaurus, file), None),
            Err(e) => (Self::default(), Some(e.message(crate::model::Language::Fr))),
        }
    }

    /// Uses the thesaurus of `file` from now on.
    pub fn use_thesaurus(&mut self, thesaurus: Thesaurus, file: PathBuf) {
        *self = Self {
            focus: self.focus.take(),
            ..Self::new(thesaurus, Some(file))
        };
    }

    /// Reads the user's thesaurus again when its file changed since; says what went
    /// wrong (the previous thesaurus stays in use).
    fn reload_if_changed(&mut self) -> Option<String> {
        let (file, read_at) = self.thesaurus_file.as_ref()?;
        let now = modified(file);
        if now == *read_at {
            return None;
        }
        let file = file.clone();
        match Thesaurus::load(&file) {
            Ok(thesaurus) => {
                self.use_thesaurus(thesaurus, file);
                None
            }
            Err(e) => {
                if let Some((_, read_at)) = &mut self.thesaurus_file {
                    *read_at = now;
                }
                Some(e.message(crate::model::Language::Fr))
            }
        }
    }

    /// Computes the suggestions again when the session changed.
    pub fn refresh(&mut self, session: &Session, version: ContentVersion) {
        if self.version != Some(version) {
            self.found = self.matcher.suggest(session);
            self.version = Some(version);
        }
    }

    /// Every suggestion of the session as last refreshed.
    pub fn found(&self) -> &Suggestions {
        &self.found
    }

    /// The suggestion in focus, if it is still there.
    pub fn focused(&self) -> Option<&Item> {
        self.focus.as_ref().filter(|item| self.shown.contains(item))
    }

    /// True when suggestions are listed.
    pub fn any_shown(&self) -> bool {
        !self.shown.is_empty()
    }

    /// Forgets what was listed (the panel is not drawn this frame).
    pub fn hide(&mut self) {
        self.shown.clear();
    }

    /// Acts on a suggestion command.
    pub fn on_command(&mut self, command: &Command, cx: &mut ViewCtx) {
        match command {
            Command::AcceptSuggestion => {
                if let Some(item) = self.focused().cloned() {
                    self.accept(&item, cx);
                }
            }
            Command::DismissSuggestion => {
                if let Some(item) = self.focused().cloned() {
                    self.dismiss(&item, cx);
                }
            }
            Command::NextSuggestion | Command::PreviousSuggestion => {
                let step: isize = if *command == Command::NextSuggestion {
                    1
                } else {
                    -1
                };
                let at = self
                    .focused()
                    .and_then(|f| self.shown.iter().position(|i| i == f));
                let next = match at {
                    Some(at) => super::stepped(at, step, self.shown.len()),
                    None => 0,
                };
                self.focus = self.shown.get(next).cloned();
            }
            _ => {}
        }
    }

    /// Makes `item` an idea (one undo step).
    fn accept(&mut self, item: &Item, cx: &mut ViewCtx) {
        let session = cx.session;
        let idea = match item {
            Item::Pair { need, offer } => self
                .found
                .pairs
                .iter()
                .chain(self.draft.iter().flat_map(|(_, _, d)| d.pairs.iter()))
                .find(|s| s.need == *need && s.offer == *offer)
                .and_then(|s| crate::matching::idea_of(session, s)),
            Item::Mutualisation(fiches) => self
                .found
                .mutualisations
                .iter()
                .find(|m| m.fiches == *fiches)
                .and_then(|m| crate::matching::idea_of_mutualisation(session, m)),
        };
        let Some(idea) = idea else {
            return;
        };
        cx.intents.push(Intent::Notice(format!(
            "{}{}",
            cx.t.suggestion_accepted, idea.title
        )));
        cx.apply(Action::AddIdea(idea));
        self.focus_next_after(item);
    }

    fn dismiss(&mut self, item: &Item, cx: &mut ViewCtx) {
        let fiches = match item {
            Item::Pair { need, offer } => vec![*need, *offer],
            Item::Mutualisation(fiches) => fiches.clone(),
        };
        cx.apply(Action::DismissSuggestion {
            fiches: sorted(fiches),
        });
        self.focus_next_after(item);
    }

    /// Moves the focus to the row after `item`, which is about to go.
    fn focus_next_after(&mut self, item: &Item) {
        let at = self.shown.iter().position(|i| i == item);
        self.focus = at.and_then(|at| {
            self.shown
                .get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|b| self.shown.get(b)))
                .cloned()
        });
    }

    /// The items of `scope`, in order.
    fn items(&mut self, session: &Session, version: ContentVersion, scope: &Scope) -> Vec<Item> {
        let pair = |s: &crate::matching::Suggestion| Item::Pair {
            need: s.need,
            offer: s.offer,
        };
        match scope {
            Scope::All => self
                .found
                .pairs
                .iter()
                .map(pair)
                .chain(
                    self.found
                        .mutualisations
                        .iter()
                        .map(|m| Item::Mutualisation(m.fiches.clone())),
                )
                .collect(),
            Scope::Fiche(id) => self
                .found
                .for_fiche(*id)
                .map(pair)
                .chain(
                    self.found
                        .mutualisations
                        .iter()
                        .filter(|m| m.fiches.contains(id))
                        .map(|m| Item::Mutualisation(m.fiches.clone())),
                )
                .collect(),
            Scope::Draft(fiche) => {
                let stale = self.draft.as_ref().is_none_or(|(v, kept, _)| {
                    *v != version
                        || (
                            kept.id,
                            kept.organisation,
                            kept.direction,
                            &kept.category,
                            &kept.resource,
                        ) != (
                            fiche.id,
                            fiche.organisation,
                            fiche.direction,
                            &fiche.category,
                            &fiche.resource,
                        )
                });
                if stale {
                    let found = self.matcher.suggest_for_draft(session, fiche);
                    self.draft = Some((version, (*fiche).clone(), found));
                }
                self.draft
                    .as_ref()
                    .map(|(_, _, found)| found.for_fiche(fiche.id).map(pair).collect())
                    .unwrap_or_default()
            }
        }
    }

    /// Lists the suggestions of `scope`, with what to do with each.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, scope: Scope) {
        let t = cx.t;
        let session = cx.session;
        if let Some(problem) = self.reload_if_changed() {
            cx.intents
                .push(Intent::Error(format!("{}{problem}", t.error)));
        }
        self.refresh(session, cx.version);
        let items = self.items(session, cx.version, &scope);
        let actionable = !matches!(scope, Scope::Draft(_));
        ui.horizontal(|ui| {
            let heading = match &scope {
                Scope::All => t.suggestions_all.to_owned(),
                Scope::Fiche(id) => fill(
                    t.suggestions_for,
                    &[("resource", &describe(session, *id).1)],
                ),
                Scope::Draft(fiche) => fill(t.suggestions_for, &[("resource", &fiche.resource)]),
            };
            ui.strong(heading);
            let entries = self.matcher.thesaurus().entries.len();
            let thesaurus = match &self.thesaurus_file {
                Some((file, _)) => fill(
                    t.thesaurus_user,
                    &[("file", &file.display()), ("n", &entries)],
                ),
                None => fill(t.thesaurus_shipped, &[("n", &entries)]),
            };
            if ui
                .link(RichText::new(thesaurus).weak())
                .on_hover_text(Command::EditThesaurus.label(cx.language))
                .clicked()
            {
                cx.command(Command::EditThesaurus);
            }
        });
        let shortcut = |command: Command| command.shortcut_text(ui.ctx());
        let hint = fill(
            if actionable {
                t.suggestions_hint
            } else {
                t.suggestions_draft_hint
            },
            &[
                ("accept", &shortcut(Command::AcceptSuggestion)),
                ("dismiss", &shortcut(Command::DismissSuggestion)),
                ("next", &shortcut(Command::NextSuggestion)),
                ("previous", &shortcut(Command::PreviousSuggestion)),
            ],
        );
        ui.label(RichText::new(hint).weak());
        if items.is_empty() {
            ui.label(t.suggestions_none);
            self.shown.clear();
            return;
        }
        if actionable && self.focused().is_none() {
            self.focus = items.first().cloned();
        }
        let mut clicked: Option<(Item, Option<bool>)> = None;
        egui::ScrollArea::vertical()
            .id_salt("suggestions")
            .auto_shrink([false, true])
            .max_height(ui.available_height().max(ROW_HEIGHT * 2.0))
            .show_rows(ui, ROW_HEIGHT, items.len(), |ui, rows| {
                for item in &items[rows] {
                    let focused = actionable && self.focus.as_ref() == Some(item);
                    if let Some(action) = self.row_ui(ui, cx, item, focused, actionable) {
                        clicked = Some((item.clone(), action));
                    }
                }
            });
        self.shown = if actionable { items } else { Vec::new() };
        if let Some((item, action)) = clicked {
            match action {
                Some(true) => self.accept(&item, cx),
                Some(false) => self.dismiss(&item, cx),
                None => self.focus = Some(item),
            }
        }
    }

    /// One suggestion: two lines and its buttons. Returns `Some(Some(true))` to accept,
    /// `Some(Some(false))` to dismiss, `Some(None)` when the row was clicked.
    fn row_ui(
        &self,
        ui: &mut Ui,
        cx: &ViewCtx,
        item: &Item,
        focused: bool,
        actionable: bool,
    ) -> Option<Option<bool>> {
        let t = cx.t;
        let session = cx.session;
        let (line, detail) = match item {
            Item::Pair { need, offer } => {
                let found = self
                    .found
                    .pairs
                    .iter()
                    .chain(self.draft.iter().flat_map(|(_, _, d)| d.pairs.iter()))
                    .find(|s| s.need == *need && s.offer == *offer)?;
                let (need_organisation, need_text) = describe_or_draft(session, self, *need);
                let (offer_organisation, offer_text) = describe_or_draft(session, self, *offer);
                (
                    fill(
                        t.suggestion_row,
                        &[
                            ("need_organisation", &need_organisation),
                            ("need", &need_text),
                            ("offer_organisation", &offer_organisation),
                            ("offer", &offer_text),
                        ],
                    ),
                    fill(
                        t.suggestion_detail,
                        &[
                            ("reason", &found.reason.text(cx.language)),
                            ("score", &score_text(found.score, cx.language)),
                        ],
                    ),
                )
            }
            Item::Mutualisation(fiches) => {
                let m = self
                    .found
                    .mutualisations
                    .iter()
                    .find(|m| m.fiches == *fiches)?;
                let names: Vec<String> = m.fiches.iter().map(|f| describe(session, *f).0).collect();
                (
                    format!("{} — {}", t.mutualisations_title, m.reason(cx.language)),
                    names.join(", "),
                )
            }
        };
        let mut out = None;
        ui.horizontal(|ui| {
            ui.set_height(ROW_HEIGHT - 4.0);
            if actionable {
                if ui
                    .button(t.suggestion_accept)
                    .on_hover_text(Command::AcceptSuggestion.shortcut_text(ui.ctx()))
                    .clicked()
                {
                    out = Some(Some(true));
                }
                if ui
                    .button(t.suggestion_dismiss)
                    .on_hover_text(Command::DismissSuggestion.shortcut_text(ui.ctx()))
                    .clicked()
                {
                    out = Some(Some(false));
                }
            }
            ui.vertical(|ui| {
                let text = RichText::new(crate::model::text::display_order(&line).into_owned());
                let row = ui.add(
                    egui::Button::selectable(focused, text)
                        .truncate()
                        .frame_when_inactive(false),
                );
                if row.clicked() && out.is_none() {
                    out = Some(None);
                }
                ui.label(RichText::new(detail).weak());
            });
        });
        out
    }
}

/// The organisation and resource of a saved sheet, or of the sheet being typed.
fn describe_or_draft(session: &Session, panel: &SuggestionsPanel, id: Uuid) -> (String, String) {
    match &panel.draft {
        Some((_, draft, _)) if draft.id == id && session.fiche(id).is_none() => {
            let organisation = session
                .organisation(draft.organisation)
                .map(|o| o.name.clone())
                .unwrap_or_default();
            (organisation, draft.resource.clone())
        }
        _ => describe(session, id),
    }
}

fn modified(file: &std::path::Path) -> Option<SystemTime> {
    std::fs::metadata(file).and_then(|m| m.modified()).ok()
}
