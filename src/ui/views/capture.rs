//! Keyboard-first capture of ideas and resource sheets: `Ctrl+N` (or `Ctrl+Shift+N`)
//! opens the entry with its first field focused; `Tab` moves on; `Enter` saves and leaves
//! the entry open and empty for the next one; `Esc` closes it.

use egui::{Key, RichText, Ui};
use uuid::Uuid;

use crate::model::text::fold;
use crate::model::{Action, Direction, Fiche, Idea, IdeaKind, Language, Session};
use crate::ui::widgets::{choice_ui, match_organisations};
use crate::ui::{Intent, ViewCtx};

/// How many organisations the picker suggests.
const SUGGESTIONS: usize = 5;

/// What the organisations picker did this frame.
pub struct PickerOutput {
    /// Enter was pressed with nothing typed: the form should be submitted.
    pub submitted: bool,
    pub response: egui::Response,
}

/// Picks organisations by typing a few letters (fuzzy, ignoring case and accents):
/// `Enter` adds the best match; `Backspace` in the empty field removes the last one;
/// `Enter` in the empty field submits the form.
pub fn organisations_picker_ui(
    ui: &mut Ui,
    session: &Session,
    label: &str,
    hint: &str,
    query: &mut String,
    chosen: &mut Vec<Uuid>,
) -> PickerOutput {
    let mut submitted = false;
    let response = ui
        .horizontal_wrapped(|ui| {
            let label = ui.label(label);
            let mut remove = None;
            for (i, id) in chosen.iter().enumerate() {
                let name = session.organisation(*id).map_or("?", |o| o.name.as_str());
                // Ids that do not shift as chips come and go, so focus stays put.
                // A chip keeps its name on one line (never a letter a line in a narrow
                // panel): a long name is cut, whole on hover.
                let removed = ui
                    .push_id(("chip", id), |ui| {
                        ui.add(
                            egui::Button::new(format!("{} ×", chip_text(name)))
                                .small()
                                .wrap_mode(egui::TextWrapMode::Extend),
                        )
                        .on_hover_text(name)
                    })
                    .inner
                    .clicked();
                if removed {
                    remove = Some(i);
                }
            }
            if let Some(i) = remove {
                chosen.remove(i);
            }
            let edit = ui
                .add(
                    egui::TextEdit::singleline(query)
                        .id_salt("organisations-picker")
                        .hint_text(hint)
                        .desired_width(220.0_f32.min(ui.available_width().max(120.0))),
                )
                .labelled_by(label.id);
            let matches = match_organisations(session, query, SUGGESTIONS);
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter {
                if query.trim().is_empty() {
                    submitted = true;
                } else {
                    if let Some(best) = matches.first()
                        && !chosen.contains(best)
                    {
                        chosen.push(*best);
                    }
                    query.clear();
                    edit.request_focus();
                }
            }
            if edit.has_focus() && query.is_empty() && ui.input(|i| i.key_pressed(Key::Backspace)) {
                chosen.pop();
            }
            let suggestions: Vec<Uuid> = matches
                .iter()
                .filter(|id| !chosen.contains(id))
                .copied()
                .collect();
            for id in &suggestions {
                let name = session.organisation(*id).map_or("", |o| o.name.as_str());
                let add = ui
                    .add(
                        egui::Button::new(format!("+ {}", chip_text(name)))
                            .small()
                            .wrap_mode(egui::TextWrapMode::Extend),
                    )
                    .on_hover_text(name);
                if add.clicked() {
                    chosen.push(*id);
                    query.clear();
                }
            }
            edit
        })
        .inner;
    PickerOutput {
        submitted,
        response,
    }
}

/// An organisation's name as a chip shows it: at most 32 characters.
fn chip_text(name: &str) -> String {
    const MAX: usize = 32;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// What the user asked of an entry this frame.
#[derive(Debug, PartialEq, Eq)]
enum EntryEnd {
    Stay,
    Submit,
    /// Close, keeping what was typed for the next opening.
    Close,
    /// Close and forget what was typed.
    Discard,
}

/// The end of an entry's frame. `Esc` on an entry holding typed text first asks (the
/// entry stays open with the question); a second `Esc` closes it and keeps the text
/// for the next opening. Nothing typed is dropped without the user's word.
fn finish_entry_ui(
    ui: &mut Ui,
    cx: &mut ViewCtx,
    asking: &mut bool,
    typed: bool,
    submit: bool,
) -> EntryEnd {
    let t = cx.t;
    let mut end = if submit {
        EntryEnd::Submit
    } else {
        EntryEnd::Stay
    };
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        if !typed || *asking {
            end = EntryEnd::Close;
        } else {
            *asking = true;
        }
    }
    if *asking && typed && end == EntryEnd::Stay {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(ui.visuals().warn_fg_color, t.unsaved_entry);
            if ui.button(t.discard_entry).clicked() {
                end = EntryEnd::Discard;
            }
        });
    }
    if end == EntryEnd::Close && typed {
        cx.intents.push(Intent::Notice(t.entry_kept.to_owned()));
    }
    if end != EntryEnd::Stay || !typed {
        *asking = false;
    }
    end
}

/// The new-idea entry.
#[derive(Debug, Default)]
pub struct IdeaCapture {
    pub open: bool,
    title: String,
    description: String,
    kind: Option<IdeaKind>,
    category: Option<String>,
    org_query: String,
    organisations: Vec<Uuid>,
    facilitator: Option<Uuid>,
    table: Option<Uuid>,
    focus_title: bool,
    /// `Esc` was pressed with text typed: the entry asks before closing.
    asking: bool,
}

impl IdeaCapture {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_title = true;
    }

    /// Opens the entry with the table and facilitator of a table's copy set.
    pub fn open_for_table(&mut self, table: Uuid, facilitator: Option<Uuid>) {
        self.open = true;
        self.focus_title = true;
        self.table = Some(table);
        if facilitator.is_some() {
            self.facilitator = facilitator;
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
        let t = cx.t;
        let session = cx.session;
        // The facilitator and table carry over between ideas and runs, by name.
        if self.facilitator.is_none()
            && let Some(name) = &cx.prefs.capture_facilitator
        {
            self.facilitator = session
                .facilitators
                .iter()
                .find(|f| fold(&f.name) == fold(name))
                .map(|f| f.id);
        }
        if self.table.is_none()
            && let Some(name) = &cx.prefs.capture_table
        {
            self.table = session
                .tables
                .iter()
                .find(|f| fold(&f.name) == fold(name))
                .map(|f| f.id);
        }

        let mut submit = false;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(t.new_idea_title);
            ui.label(RichText::new(t.capture_hint).weak());
        });
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(t.idea_title).strong());
            let title = ui
                .add(
                    egui::TextEdit::singleline(&mut self.title)
                        .desired_width(ui.available_width() - 8.0)
                        .font(egui::TextStyle::Heading),
                )
                .labelled_by(label.id);
            if self.focus_title {
                title.request_focus();
                self.focus_title = false;
            }
            if title.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                submit = true;
            }
        });
        ui.horizontal(|ui| {
            let kinds: Vec<(Option<IdeaKind>, String)> = std::iter::once((None, t.none.to_owned()))
                .chain(
                    IdeaKind::ALL
                        .iter()
                        .map(|k| (Some(*k), k.label(cx.language).to_owned())),
                )
                .collect();
            submit |= choice_ui(ui, t.kind, &mut self.kind, &kinds).submitted;
            ui.separator();
            let categories: Vec<(Option<usize>, String)> =
                std::iter::once((None, t.none.to_owned()))
                    .chain(
                        session
                            .categories
                            .iter()
                            .enumerate()
                            .map(|(i, c)| (Some(i), c.label(cx.language).to_owned())),
                    )
                    .collect();
            let mut index = self
                .category
                .as_ref()
                .and_then(|key| session.categories.iter().position(|c| &c.key == key));
            submit |= choice_ui(ui, t.category, &mut index, &categories).submitted;
            self.category = index
                .and_then(|i| session.categories.get(i))
                .map(|c| c.key.clone());
        });
        let picker = organisations_picker_ui(
            ui,
            session,
            t.organisations,
            t.org_hint,
            &mut self.org_query,
            &mut self.organisations,
        );
        submit |= picker.submitted;
        ui.horizontal(|ui| {
            let label = ui.label(t.description);
            let description = ui
                .add(
                    egui::TextEdit::singleline(&mut self.description)
                        .desired_width(ui.available_width() - 8.0),
                )
                .labelled_by(label.id);
            if description.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                submit = true;
            }
        });
        ui.horizontal(|ui| {
            let facilitators: Vec<(Option<Uuid>, String)> =
                std::iter::once((None, t.none.to_owned()))
                    .chain(
                        session
                            .facilitators
                            .iter()
                            .map(|f| (Some(f.id), f.name.clone())),
                    )
                    .collect();
            let before = self.facilitator;
            submit |= choice_ui(ui, t.facilitator, &mut self.facilitator, &facilitators).submitted;
            if before != self.facilitator {
                cx.prefs.capture_facilitator = self
                    .facilitator
                    .and_then(|id| session.facilitator(id))
                    .map(|f| f.name.clone());
            }
            ui.separator();
            let tables: Vec<(Option<Uuid>, String)> = std::iter::once((None, t.none.to_owned()))
                .chain(session.tables.iter().map(|f| (Some(f.id), f.name.clone())))
                .collect();
            let before = self.table;
            submit |= choice_ui(ui, t.table, &mut self.table, &tables).submitted;
            if before != self.table {
                cx.prefs.capture_table = self
                    .table
                    .and_then(|id| session.table(id))
                    .map(|f| f.name.clone());
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t.close).clicked() {
                    self.open = false;
                }
                if ui.button(t.add).clicked() {
                    submit = true;
                }
            });
        });
        ui.add_space(4.0);
        let typed = self.has_typed();
        match finish_entry_ui(ui, cx, &mut self.asking, typed, submit) {
            EntryEnd::Submit => self.submit(cx),
            EntryEnd::Close => self.open = false,
            EntryEnd::Discard => self.clear(),
            EntryEnd::Stay => {}
        }
    }

    /// True when the entry holds something typed that is not saved.
    fn has_typed(&self) -> bool {
        !self.title.trim().is_empty()
            || !self.description.trim().is_empty()
            || !self.org_query.trim().is_empty()
    }

    fn clear(&mut self) {
        self.title.clear();
        self.description.clear();
        self.kind = None;
        self.category = None;
        self.org_query.clear();
        self.organisations.clear();
        self.focus_title = true;
    }

    fn submit(&mut self, cx: &mut ViewCtx) {
        let mut idea = Idea::new(self.title.trim());
        idea.description = self.description.trim().to_owned();
        idea.kind = self.kind;
        idea.category = self.category.clone();
        idea.organisations = self.organisations.clone();
        idea.facilitator = self
            .facilitator
            .filter(|f| cx.session.facilitator(*f).is_some());
        idea.table = self.table.filter(|f| cx.session.table(*f).is_some());
        // The fiches of these organisations in this category are the idea's links.
        if let Some(category) = &idea.category {
            idea.fiches = cx
                .session
                .fiches
                .iter()
                .filter(|f| &f.category == category && idea.organisations.contains(&f.organisation))
                .map(|f| f.id)
                .collect();
        }
        let title = idea.title.clone();
        cx.apply(Action::AddIdea(idea));
        if !title.is_empty() {
            cx.intents
                .push(Intent::Notice(format!("{}{title}", cx.t.idea_added)));
            self.clear();
        }
        self.focus_title = true;
    }
}

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
}

impl FicheCapture {
    pub fn open_for(&mut self, organisation: Option<Uuid>) {
        self.open = true;
        self.focus_first = true;
        if let Some(org) = organisation {
            self.organisation = vec![org];
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx) {
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
        ui.add_space(4.0);
        let typed = self.has_typed();
        match finish_entry_ui(ui, cx, &mut self.asking, typed, submit) {
            EntryEnd::Submit => self.submit(cx),
            EntryEnd::Close => self.open = false,
            EntryEnd::Discard => self.clear(),
            EntryEnd::Stay => {}
        }
    }

    /// True when the entry holds something typed that is not saved.
    pub fn has_typed(&self) -> bool {
        [&self.resource, &self.quantity, &self.unit, &self.frequency]
            .iter()
            .any(|s| !s.trim().is_empty())
    }

    /// The resource typed and not yet saved.
    pub fn resource(&self) -> &str {
        &self.resource
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
        let category = self
            .category
            .and_then(|i| cx.session.categories.get(i))
            .map(|c| c.key.clone())
            .unwrap_or_default();
        let mut fiche = Fiche::new(
            organisation,
            self.direction.unwrap_or(Direction::Offer),
            category,
            self.resource.trim(),
        );
        fiche.quantity = self.quantity.trim().to_owned();
        fiche.unit = self.unit.trim().to_owned();
        fiche.frequency = self.frequency.trim().to_owned();
        let resource = fiche.resource.clone();
        cx.apply(Action::AddFiche(fiche));
        if !resource.is_empty() {
            cx.intents
                .push(Intent::Notice(format!("{}{resource}", t.fiche_added)));
            self.clear();
        }
        self.focus_first = true;
    }
}

/// The label of a category key in `language`.
pub fn category_label(session: &Session, key: Option<&str>, language: Language) -> String {
    key.and_then(|k| session.category(k))
        .map(|c| c.label(language).to_owned())
        .unwrap_or_default()
}
