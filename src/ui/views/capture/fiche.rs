//! The new-resource-sheet entry (`Ctrl+Shift+N`).

use egui::{Key, RichText, Ui};
use uuid::Uuid;

use crate::model::{Action, Direction, Fiche};
use crate::ui::widgets::choice_ui;
use crate::ui::{Intent, ViewCtx};

use super::*;
use crate::ui::views::suggestions::{Scope, SuggestionsPanel};

/// The new-resource-sheet entry.
#[derive(Default)]
pub struct FicheCapture {
    pub open: bool,
    org_query: String,
    organisation: Vec<Uuid>,
    direction: Option<Direction>,
    category: Option<usize>,
    resource: String,
    quantity: String,
    unit: String,
    frequency: String,
    focus_first: bool,
    /// `Esc` was pressed with text typed: the entry asks before closing.
    asking: bool,
    /// The id the sheet being typed will have once saved (so that its suggestions
    /// follow it).
    draft_id: Option<Uuid>,
    /// The sheet saved last from this entry, whose suggestions stay shown.
    last_saved: Option<Uuid>,
}

impl FicheCapture {
    pub fn open_for(&mut self, organisation: Option<Uuid>) {
        self.open = true;
        self.focus_first = true;
        if let Some(org) = organisation {
            self.organisation = vec![org];
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, suggestions: &mut SuggestionsPanel) {
        let t = cx.t;
        let session = cx.session;
        let mut submit = false;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(t.new_fiche_title);
            ui.label(RichText::new(t.capture_hint).weak());
        });
        if session.organisations.is_empty() {
            ui.label(t.no_organisation_yet);
        }
        // One organisation: the last one picked replaces the others.
        let picker = organisations_picker_ui(
            ui,
            session,
            t.organisation,
            t.org_hint,
            &mut self.org_query,
            &mut self.organisation,
        );
        if self.organisation.len() > 1 {
            let last = self.organisation.pop();
            self.organisation = last.into_iter().collect();
        }
        if self.focus_first {
            picker.response.request_focus();
            self.focus_first = false;
        }
        submit |= picker.submitted;
        ui.horizontal(|ui| {
            let directions = [
                (
                    Some(Direction::Offer),
                    Direction::Offer.label(cx.language).to_owned(),
                ),
                (
                    Some(Direction::Need),
                    Direction::Need.label(cx.language).to_owned(),
                ),
            ];
            if self.direction.is_none() {
                self.direction = Some(Direction::Offer);
            }
            submit |= choice_ui(ui, t.direction, &mut self.direction, &directions).submitted;
            ui.separator();
            let categories: Vec<(Option<usize>, String)> = session
                .categories
                .iter()
                .enumerate()
                .map(|(i, c)| (Some(i), c.label(cx.language).to_owned()))
                .collect();
            if self.category.is_none() && !categories.is_empty() {
                self.category = Some(0);
            }
            submit |= choice_ui(ui, t.category, &mut self.category, &categories).submitted;
        });
        ui.horizontal(|ui| {
            for (label, text, width) in [
                (t.resource, &mut self.resource, 320.0),
                (t.quantity, &mut self.quantity, 60.0),
                (t.unit, &mut self.unit, 60.0),
                (t.frequency, &mut self.frequency, 120.0),
            ] {
                let label = ui.label(label);
                let edit = ui
                    .add(egui::TextEdit::singleline(text).desired_width(width))
                    .labelled_by(label.id);
                if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    submit = true;
                }
            }
            if ui.button(t.add).clicked() {
                submit = true;
            }
            if ui.button(t.close).clicked() {
                self.open = false;
            }
        });
        finish_entry_ui(ui, cx, self, submit);
        // What the sheet being typed may meet; once saved, what the saved one may.
        let draft = self.draft(cx);
        let scope = match (&draft, self.last_saved) {
            (Some(draft), _) => Some(Scope::Draft(draft)),
            (None, Some(saved)) if cx.session.fiche(saved).is_some() => Some(Scope::Fiche(saved)),
            _ => None,
        };
        if let Some(scope) = scope {
            ui.separator();
            ui.allocate_ui(egui::vec2(ui.available_width(), 220.0), |ui| {
                suggestions.ui(ui, cx, scope);
            });
        }
    }

    /// The sheet being typed, as it would be saved now (`None` before a resource and an
    /// organisation are there).
    fn draft(&mut self, cx: &ViewCtx) -> Option<Fiche> {
        let organisation = self.organisation.first().copied()?;
        if self.resource.trim().is_empty() {
            return None;
        }
        let mut fiche = Fiche::new(
            organisation,
            self.direction.unwrap_or(Direction::Offer),
            self.category_key(cx),
            self.resource.trim(),
        );
        fiche.id = *self.draft_id.get_or_insert_with(Uuid::new_v4);
        Some(fiche)
    }

    fn category_key(&self, cx: &ViewCtx) -> String {
        self.category
            .and_then(|i| cx.session.categories.get(i))
            .map(|c| c.key.clone())
            .unwrap_or_default()
    }

    /// The resource typed and not yet saved.
    pub fn resource(&self) -> &str {
        &self.resource
    }
}

impl Entry for FicheCapture {
    /// True when the entry holds something typed that is not saved.
    fn has_typed(&self) -> bool {
        [&self.resource, &self.quantity, &self.unit, &self.frequency]
            .iter()
            .any(|s| !s.trim().is_empty())
    }

    fn asking(&mut self) -> &mut bool {
        &mut self.asking
    }

    fn close(&mut self) {
        self.open = false;
    }

    fn clear(&mut self) {
        self.resource.clear();
        self.quantity.clear();
        self.unit.clear();
        self.frequency.clear();
        self.focus_first = true;
    }

    fn submit(&mut self, cx: &mut ViewCtx) {
        let t = cx.t;
        let Some(organisation) = self.organisation.first().copied() else {
            cx.intents.push(Intent::Error(format!(
                "{}{} ?",
                t.error,
                t.organisation.to_lowercase()
            )));
            return;
        };
        let mut fiche = Fiche::new(
            organisation,
            self.direction.unwrap_or(Direction::Offer),
            self.category_key(cx),
            self.resource.trim(),
        );
        if let Some(id) = self.draft_id.take() {
            fiche.id = id;
        }
        fiche.quantity = self.quantity.trim().to_owned();
        fiche.unit = self.unit.trim().to_owned();
        fiche.frequency = self.frequency.trim().to_owned();
        let resource = fiche.resource.clone();
        if !resource.is_empty() {
            self.last_saved = Some(fiche.id);
        }
        cx.apply(Action::AddFiche(fiche));
        if !resource.is_empty() {
            cx.intents
                .push(Intent::Notice(format!("{}{resource}", t.fiche_added)));
            self.clear();
        }
        self.focus_first = true;
    }
}
