//! A session being worked on: the session plus its undo and redo history.

use std::collections::VecDeque;

use chrono::Utc;

use super::action::{Action, ActionError};
use super::edit::{Edit, apply_all};
use super::entities::{Language, Session, Timestamp};

/// How many steps can be undone, at the least.
pub const UNDO_LIMIT: usize = 500;

/// One undoable step: what was done, and the edits to undo it (while it is done) or to
/// redo it (while it is undone); the other list is empty.
#[derive(Clone, Debug)]
struct Step {
    label_fr: String,
    label_en: String,
    redo: Vec<Edit>,
    undo: Vec<Edit>,
}

impl Step {
    fn label(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.label_fr,
            Language::En => &self.label_en,
        }
    }
}

/// The session with its history. Every change goes through [`Workshop::apply`].
#[derive(Clone, Debug)]
pub struct Workshop {
    session: Session,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// Bumped on every change, undo and redo: lets the app and the autosave notice changes.
    revision: u64,
}

impl Workshop {
    pub fn new(session: Session) -> Self {
        Self {
            session,
            undo: VecDeque::new(),
            redo: Vec::new(),
            revision: 0,
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Gives the session back, dropping the history.
    pub fn into_session(self) -> Session {
        self.session
    }

    /// A number that changes whenever the session does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies the action as one undo step, or refuses it and changes nothing.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        self.apply_at(action, Utc::now())
    }

    /// [`Workshop::apply`] with the time of the change given.
    pub fn apply_at(&mut self, action: Action, now: Timestamp) -> Result<(), ActionError> {
        let edits = action.plan(&self.session, now)?;
        let undo = apply_all(&mut self.session, edits);
        if self.undo.len() == UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.undo.push_back(Step {
            label_fr: action.label(Language::Fr),
            label_en: action.label(Language::En),
            redo: Vec::new(),
            undo,
        });
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    /// What [`Workshop::undo`] would undo.
    pub fn undo_label(&self, language: Language) -> Option<&str> {
        self.undo.back().map(|s| s.label(language))
    }

    /// What [`Workshop::redo`] would redo.
    pub fn redo_label(&self, language: Language) -> Option<&str> {
        self.redo.last().map(|s| s.label(language))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step; returns its English label, or `None` when there was nothing.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.undo.pop_back()?;
        Some(self.replay(step, true))
    }

    /// Redoes the last undone step; returns its English label.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.redo.pop()?;
        Some(self.replay(step, false))
    }

    /// Applies a step's undo (or redo) edits; their inverse, in the order to apply
    /// them, becomes its redo (or undo), and the step moves to the other stack.
    fn replay(&mut self, mut step: Step, undoing: bool) -> String {
        let (from, to) = if undoing {
            (&mut step.undo, &mut step.redo)
        } else {
            (&mut step.redo, &mut step.undo)
        };
        *to = apply_all(&mut self.session, std::mem::take(from));
        let label = step.label_en.clone();
        if undoing {
            self.redo.push(step);
        } else {
            self.undo.push_back(step);
        }
        self.revision += 1;
        label
    }

    /// How many steps can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }
}
