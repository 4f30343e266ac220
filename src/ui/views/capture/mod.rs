//! Keyboard-first capture of ideas and resource sheets: `Ctrl+N` (or `Ctrl+Shift+N`)
//! opens the entry with its first field focused; `Tab` moves on; `Enter` saves and leaves
//! the entry open and empty for the next one; `Esc` closes it.

use egui::{Key, RichText, Ui};
use uuid::Uuid;

use crate::model::text::fold;
use crate::model::{Action, Idea, IdeaKind, Language, Session};
use crate::ui::widgets::choice_ui;
use crate::ui::{Intent, ViewCtx};

mod fiche;
mod picker;

pub use fiche::FicheCapture;
pub use picker::organisations_picker_ui;

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

/// The options of a choice: "none" (`none_text`) first, then `options`.
fn with_none<T>(
    none_text: &str,
    options: impl Iterator<Item = (T, String)>,
) -> Vec<(Option<T>, String)> {
    std::iter::once((None, none_text.to_owned()))
        .chain(options.map(|(value, text)| (Some(value), text)))
        .collect()
}

/// A choice of the capture entry whose option's name is remembered in `remembered`
/// (the preferences) when it changes; true when Enter submits the entry.
fn remembered_choice_ui(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<Uuid>,
    options: &[(Option<Uuid>, String)],
    remembered: &mut Option<String>,
) -> bool {
    let before = *value;
    let output = choice_ui(ui, label, value, options);
    if before != *value {
        *remembered = options
            .iter()
            .find(|(id, _)| id == value && id.is_some())
            .map(|(_, name)| name.clone());
    }
    output.submitted
}

/// The id of the one of `named` called `wanted`, ignoring case and accents.
fn id_named<'a>(
    wanted: Option<&str>,
    mut named: impl Iterator<Item = (Uuid, &'a String)>,
) -> Option<Uuid> {
    let wanted = fold(wanted?);
    named
        .find(|(_, name)| fold(name) == wanted)
        .map(|(id, _)| id)
}

/// A capture entry (a new idea, a new resource sheet), as its last lines see it.
trait Entry {
    fn has_typed(&self) -> bool;
    /// True while the entry asks whether to drop what was typed.
    fn asking(&mut self) -> &mut bool;
    fn submit(&mut self, cx: &mut ViewCtx);
    fn clear(&mut self);
    fn close(&mut self);
}

/// The end of an entry's frame: submits it when asked, closes it on `Esc`. `Esc` on an
/// entry holding typed text first asks (the entry stays open with the question); a
/// second `Esc` closes it and keeps the text for the next opening. Nothing typed is
/// dropped without the user's word.
fn finish_entry_ui(ui: &mut Ui, cx: &mut ViewCtx, entry: &mut impl Entry, submit: bool) {
    ui.add_space(4.0);
    let typed = entry.has_typed();
    match entry_end_ui(ui, cx, entry.asking(), typed, submit) {
        EntryEnd::Submit => entry.submit(cx),
        EntryEnd::Close => entry.close(),
        EntryEnd::Discard => entry.clear(),
        EntryEnd::Stay => {}
    }
}

/// What the user asked of the entry this frame, with the question drawn while asked.
fn entry_end_ui(
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
        if self.facilitator.is_none() {
            let facilitators = session.facilitators.iter().map(|f| (f.id, &f.name));
            self.facilitator = id_named(cx.prefs.capture_facilitator.as_deref(), facilitators);
        }
        if self.table.is_none() {
            let tables = session.tables.iter().map(|t| (t.id, &t.name));
            self.table = id_named(cx.prefs.capture_table.as_deref(), tables);
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
            let kinds = with_none(
                t.none,
                IdeaKind::ALL
                    .iter()
                    .map(|k| (*k, k.label(cx.language).to_owned())),
            );
            submit |= choice_ui(ui, t.kind, &mut self.kind, &kinds).submitted;
            ui.separator();
            let categories = with_none(
                t.none,
                (session.categories.iter().enumerate())
                    .map(|(i, c)| (i, c.label(cx.language).to_owned())),
            );
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
            let facilitators = session.facilitators.iter().map(|f| (f.id, f.name.clone()));
            let tables = session.tables.iter().map(|f| (f.id, f.name.clone()));
            let prefs = &mut *cx.prefs;
            let choices = [
                (
                    t.facilitator,
                    &mut self.facilitator,
                    with_none(t.none, facilitators),
                    &mut prefs.capture_facilitator,
                ),
                (
                    t.table,
                    &mut self.table,
                    with_none(t.none, tables),
                    &mut prefs.capture_table,
                ),
            ];
            for (n, (label, value, options, remembered)) in choices.into_iter().enumerate() {
                if n > 0 {
                    ui.separator();
                }
                submit |= remembered_choice_ui(ui, label, value, &options, remembered);
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
        finish_entry_ui(ui, cx, self, submit);
    }
}

impl Entry for IdeaCapture {
    fn asking(&mut self) -> &mut bool {
        &mut self.asking
    }

    fn close(&mut self) {
        self.open = false;
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

/// The label of a category key in `language`.
pub fn category_label(session: &Session, key: Option<&str>, language: Language) -> String {
    key.and_then(|k| session.category(k))
        .map(|c| c.label(language).to_owned())
        .unwrap_or_default()
}
