//! The organisations picker of the capture entries: type a few letters, Enter adds the
//! best match (fuzzy, accent-insensitive); chips show what is chosen.

use egui::{Key, Ui};
use uuid::Uuid;

use crate::model::Session;
use crate::ui::widgets::match_organisations;

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
