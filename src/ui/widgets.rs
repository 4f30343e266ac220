//! Small widgets shared by the views.

use egui::{
    Align2, Color32, CornerRadius, FontId, Key, Rect, Response, Role, Sense, Stroke, StrokeKind,
    Ui, Vec2, WidgetInfo,
};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use uuid::Uuid;

use crate::model::text::fold;
use crate::model::{Colour, Idea, Session};

pub fn colour32(c: Colour) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// A single-line text field with a visible label that is also its accessible name.
pub fn labelled_text_ui(ui: &mut Ui, label: &str, text: &mut String, hint: &str) -> Response {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(text)
                .hint_text(hint)
                .desired_width(ui.available_width().min(360.0)),
        )
        .labelled_by(label.id)
    })
    .inner
}

/// The organisations whose names match `query` best: fuzzy, ignoring case and accents.
pub fn match_organisations(session: &Session, query: &str, limit: usize) -> Vec<Uuid> {
    let query = fold(query);
    if query.is_empty() {
        return Vec::new();
    }
    let folded: Vec<(String, Uuid)> = session
        .organisations
        .iter()
        .map(|o| (fold(&o.name), o.id))
        .collect();
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
    let names: Vec<&str> = folded.iter().map(|(n, _)| n.as_str()).collect();
    let mut scored = pattern.match_list(names.iter().copied(), &mut matcher);
    // Names that start with the query come first, then by score.
    scored.sort_by_key(|(name, score)| (!name.starts_with(&query), std::cmp::Reverse(*score)));
    scored
        .into_iter()
        .take(limit)
        .filter_map(|(name, _)| folded.iter().find(|(n, _)| n == name).map(|(_, id)| *id))
        .collect()
}

/// What a [`choice_ui`] did this frame.
pub struct ChoiceOutput {
    pub response: Response,
    /// Enter was pressed on it: the surrounding form should be submitted.
    pub submitted: bool,
}

/// A keyboard-friendly choice: a button showing the value. When focused, arrows cycle
/// and a letter jumps to the next option starting with it; a click opens the list.
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    options: &[(T, String)],
) -> ChoiceOutput {
    let current = options.iter().position(|(v, _)| v == value).unwrap_or(0);
    let text = options.get(current).map_or("", |(_, t)| t.as_str());
    let response = ui
        .horizontal(|ui| {
            ui.label(label);
            ui.button(text)
        })
        .inner;
    let response = response.on_hover_text(label);
    response.widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, label));
    let mut submitted = false;
    if response.has_focus() {
        // The arrows are ours while focused (egui would otherwise move the focus with them).
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
    }
    if response.has_focus() && !options.is_empty() {
        let (next, prev, enter, letter) = ui.input(|i| {
            let letter = i.events.iter().find_map(|e| match e {
                egui::Event::Text(t) => t.chars().next(),
                _ => None,
            });
            (
                i.key_pressed(Key::ArrowRight) || i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowLeft) || i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::Enter),
                letter,
            )
        });
        let n = options.len();
        let mut pick = None;
        if next {
            pick = Some((current + 1) % n);
        } else if prev {
            pick = Some((current + n - 1) % n);
        } else if let Some(c) = letter.filter(|c| c.is_alphanumeric()) {
            let c = fold(&c.to_string());
            pick = (1..=n)
                .map(|k| (current + k) % n)
                .find(|&i| fold(&options[i].1).starts_with(&c));
        }
        if let Some(i) = pick {
            *value = options[i].0;
        }
        submitted = enter;
    }
    let popup_id = response.id.with("list");
    if response.clicked() && !submitted {
        egui::Popup::toggle_id(ui.ctx(), popup_id);
    }
    egui::Popup::from_response(&response)
        .kind(egui::PopupKind::Menu)
        .id(popup_id)
        .open_memory(None)
        .show(|ui| {
            for (v, t) in options {
                if ui.selectable_label(v == value, t).clicked() {
                    *value = *v;
                    ui.close();
                }
            }
        });
    ChoiceOutput {
        response,
        submitted,
    }
}

/// What happened on a card this frame.
pub struct CardOutput {
    /// The card's body: click to select, drag to move.
    pub response: Response,
    pub vote_delta: i32,
    pub votes_typed: Option<u32>,
}

/// How cards are drawn.
#[derive(Clone, Copy)]
pub struct CardStyle {
    pub title_size: f32,
    pub show_votes: bool,
    pub vote_buttons: bool,
}

/// An idea as a sticky note in `rect`: cluster colour, title, organisations, votes.
pub fn card_ui(
    ui: &mut Ui,
    rect: Rect,
    idea: &Idea,
    session: &Session,
    style: CardStyle,
    selected: bool,
    focused: bool,
) -> CardOutput {
    let id = ui.scope_id().with(("card", idea.id));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &idea.title));
    let visuals = ui.visuals();
    let dark = visuals.dark_mode;
    let fill = if dark {
        Color32::from_gray(48)
    } else {
        Color32::from_rgb(0xff, 0xfd, 0xf2)
    };
    let text_colour = visuals.strong_text_color();
    let weak = visuals.weak_text_color();
    let accent = idea
        .cluster
        .and_then(|c| session.cluster(c))
        .map_or(crate::ui::theme::rgb(crate::theme::UNGROUPED), |c| {
            colour32(c.colour)
        });
    let painter = ui.painter_at(rect.expand(4.0));
    painter.rect_filled(rect, CornerRadius::same(6), fill);
    painter.rect_filled(
        Rect::from_min_size(rect.min, Vec2::new(6.0, rect.height())),
        CornerRadius {
            nw: 6,
            sw: 6,
            ne: 0,
            se: 0,
        },
        accent,
    );
    let border = if selected {
        Stroke::new(3.0, visuals.selection.stroke.color)
    } else if response.hovered() {
        Stroke::new(1.5, visuals.widgets.hovered.bg_stroke.color)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    painter.rect_stroke(rect, CornerRadius::same(6), border, StrokeKind::Inside);
    if focused {
        painter.rect_stroke(
            rect.expand(3.0),
            CornerRadius::same(8),
            Stroke::new(2.0, visuals.selection.stroke.color),
            StrokeKind::Outside,
        );
    }

    let pad = 6.0 + style.title_size * 0.4;
    let inner = rect.shrink2(Vec2::new(pad, pad * 0.6));
    let inner = Rect::from_min_max(inner.min + Vec2::new(4.0, 0.0), inner.max);
    let footer_height = style.title_size * 0.9 + 4.0;
    // Title: wrapped, cut with an ellipsis to what fits above the footer.
    let title_font = FontId::proportional(style.title_size);
    let max_rows =
        (((inner.height() - footer_height) / (style.title_size * 1.2)).floor() as usize).max(1);
    // Drawn in reading order: a run of Arabic inside a French title is not reversed.
    let title = crate::model::text::display_order(&idea.title).into_owned();
    let mut job = egui::text::LayoutJob::simple(title, title_font, text_colour, inner.width());
    job.wrap.max_rows = max_rows;
    job.wrap.break_anywhere = false;
    let galley = ui.painter().layout_job(job);
    painter.galley(inner.min, galley, text_colour);

    // Footer: organisations on the left, votes on the right.
    let small = FontId::proportional((style.title_size * 0.62).max(11.0));
    let orgs = session.organisation_names(idea);
    let footer = Rect::from_min_max(
        egui::pos2(inner.min.x, inner.max.y - footer_height),
        inner.max,
    );
    let votes_width = if style.vote_buttons {
        style.title_size * 5.8
    } else {
        style.title_size * 2.2
    };
    let orgs_rect = Rect::from_min_max(
        footer.min,
        egui::pos2((footer.max.x - votes_width).max(footer.min.x), footer.max.y),
    );
    let mut orgs_job =
        egui::text::LayoutJob::simple(orgs.join(" · "), small.clone(), weak, orgs_rect.width());
    orgs_job.wrap.max_rows = 1;
    let orgs_galley = ui.painter().layout_job(orgs_job);
    painter.galley(
        egui::pos2(
            orgs_rect.min.x,
            orgs_rect.center().y - orgs_galley.size().y / 2.0,
        ),
        orgs_galley,
        weak,
    );

    let mut vote_delta = 0;
    let mut votes_typed = None;
    let votes_rect = Rect::from_min_max(
        egui::pos2(footer.max.x - votes_width, footer.min.y),
        footer.max,
    );
    if !style.show_votes {
        painter.text(
            votes_rect.right_center(),
            Align2::RIGHT_CENTER,
            "•?",
            small,
            weak,
        );
    } else if style.vote_buttons {
        let mut child = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(votes_rect)
                .layout(egui::Layout::right_to_left(egui::Align::Center)),
        );
        let plus = child.small_button("+");
        plus.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("+1 {}", idea.title)));
        if plus.clicked() {
            vote_delta += 1;
        }
        let mut votes = idea.votes;
        let value = child.add(egui::DragValue::new(&mut votes).range(0..=9999).speed(0.1));
        value.widget_info(|| {
            WidgetInfo::labeled(Role::SpinButton, true, format!("votes {}", idea.title))
        });
        if votes != idea.votes {
            votes_typed = Some(votes);
        }
        let minus = child.small_button("−");
        minus.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("-1 {}", idea.title)));
        if minus.clicked() {
            vote_delta -= 1;
        }
    } else {
        painter.text(
            votes_rect.right_center(),
            Align2::RIGHT_CENTER,
            format!("• {}", idea.votes),
            FontId::proportional(style.title_size * 0.8),
            text_colour,
        );
    }
    CardOutput {
        response,
        vote_delta,
        votes_typed,
    }
}

/// Parses a date as a French user types it (see [`crate::model::text::parse_date`]).
pub fn parse_user_date(text: &str) -> Option<chrono::NaiveDate> {
    crate::model::text::parse_date(text)
}

/// Gives a widget without a visible label of its own (a combo box) its accessible name.
/// A combo box choosing one of `options` or none (`none_text`), named `label` for screen
/// readers. Returns true when the choice changed.
pub fn optional_choice_ui<T: PartialEq + Clone>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    value: &mut Option<T>,
    none_text: &str,
    options: &[(T, &str)],
) -> bool {
    let before = value.clone();
    let selected = value
        .as_ref()
        .and_then(|v| options.iter().find(|(o, _)| o == v))
        .map_or(none_text, |(_, text)| *text);
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none_text);
            for (option, text) in options {
                ui.selectable_value(value, Some(option.clone()), *text);
            }
        })
        .named(label);
    *value != before
}

/// `(id, name)` pairs as the choices of an [`optional_choice_ui`].
pub fn id_names<'a>(items: impl Iterator<Item = (Uuid, &'a String)>) -> Vec<(Uuid, &'a str)> {
    items.map(|(id, name)| (id, name.as_str())).collect()
}

/// The session's categories as the choices of an [`optional_choice_ui`]: their keys,
/// labelled in `language`.
pub fn category_choices(
    session: &Session,
    language: crate::model::Language,
) -> Vec<(String, &str)> {
    session
        .categories
        .iter()
        .map(|c| (c.key.clone(), c.label(language)))
        .collect()
}

/// A menu entry for `command`: its name and its shortcut, greyed out when it cannot
/// run. Returns true when it was chosen.
pub fn command_item_ui(
    ui: &mut Ui,
    command: &crate::ui::Command,
    language: crate::model::Language,
    enabled: bool,
) -> bool {
    let button =
        egui::Button::new(command.label(language)).shortcut_text(command.shortcut_text(ui.ctx()));
    ui.add_enabled(enabled, button).clicked()
}

/// A single-line field under its visible label, as wide as its editor, which is also
/// its accessible name.
pub fn field_ui(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    id_salt: impl egui::AsIdSalt,
) -> Response {
    labelled_edit_ui(ui, label, egui::TextEdit::singleline(text).id_salt(id_salt))
}

/// A field of three lines under its visible label, as wide as its editor.
pub fn notes_field_ui(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    id_salt: impl egui::AsIdSalt,
) -> Response {
    let edit = egui::TextEdit::multiline(text)
        .id_salt(id_salt)
        .desired_rows(3);
    labelled_edit_ui(ui, label, edit)
}

/// `edit` under its visible label, as wide as the editor, named by the label.
fn labelled_edit_ui(ui: &mut Ui, label: &str, edit: egui::TextEdit) -> Response {
    let label = ui.label(label);
    ui.add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id)
}

/// A combo box choosing one of `options` (each with its text), named `label`.
pub fn enum_choice_ui<T: PartialEq + Copy>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    value: &mut T,
    options: &[(T, &str)],
) {
    let selected = options
        .iter()
        .find(|(o, _)| o == value)
        .map_or("", |(_, text)| *text);
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for (option, text) in options {
                ui.selectable_value(value, *option, *text);
            }
        })
        .named(label);
}

/// A view's filter field, labelled "Filtrer", that takes the keyboard once when
/// `take_focus` is set (Ctrl+F).
pub fn filter_field_ui(
    ui: &mut Ui,
    t: &crate::ui::i18n::Tr,
    text: &mut String,
    width: f32,
    take_focus: &mut bool,
) -> Response {
    let label = ui.label(t.filter);
    let edit = ui
        .add(
            egui::TextEdit::singleline(text)
                .hint_text(t.filter_hint)
                .desired_width(width),
        )
        .labelled_by(label.id);
    if std::mem::take(take_focus) {
        edit.request_focus();
    }
    edit
}

/// An editor's heading, and what it edits: `draft`, or a word (`nothing`) saying that
/// nothing is selected.
pub fn editor_heading_ui<'d, D>(
    ui: &mut Ui,
    heading: &str,
    nothing: &str,
    draft: &'d mut Option<D>,
) -> Option<&'d mut D> {
    ui.heading(heading);
    if draft.is_none() {
        ui.label(nothing);
    }
    draft.as_mut()
}

/// An editor's fields, under the note that they are saved as they are left, in a
/// scroll area of their own (`id_salt`).
pub fn editor_body_ui(
    ui: &mut Ui,
    t: &crate::ui::i18n::Tr,
    id_salt: &str,
    fields: impl FnOnce(&mut Ui),
) {
    ui.label(egui::RichText::new(t.saved_as_you_go).weak());
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, true])
        .show(ui, fields);
}

/// An editor in a resizable panel on the right of a view, `default_width` wide, which
/// keeps its width whether something is being edited or not.
pub fn editor_panel_ui(ui: &mut Ui, id: &str, default_width: f32, editor: impl FnOnce(&mut Ui)) {
    egui::Panel::right(id.to_owned())
        .default_size(default_width)
        .resizable(true)
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            editor(ui);
        });
}

pub trait Named {
    fn named(self, label: &str) -> Self;
}

impl<R> Named for egui::InnerResponse<R> {
    fn named(self, label: &str) -> Self {
        self.response
            .widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, label));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_match_fuzzily_ignoring_accents() {
        let session = crate::example::example_session().expect("builds"); // ok: test data
        let name = |id: Uuid| session.organisation(id).map(|o| o.name.clone());
        let found = match_organisations(&session, "recyc", 3);
        assert_eq!(name(found[0]).as_deref(), Some("Recyclerie du Bergeracois"));
        let found = match_organisations(&session, "ehpad", 3);
        assert_eq!(name(found[0]).as_deref(), Some("EHPAD Les Tilleuls"));
        let found = match_organisations(&session, "maraichere", 3);
        assert_eq!(
            name(found[0]).as_deref(),
            Some("Ferme maraîchère des Coteaux")
        );
        let found = match_organisations(&session, "MNSR", 3);
        assert_eq!(name(found[0]).as_deref(), Some("Menuiserie Lacoste & Fils"));
        assert!(match_organisations(&session, "", 3).is_empty());
    }

    #[test]
    fn user_dates() {
        let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 31);
        assert_eq!(parse_user_date("31/01/2027"), d);
        assert_eq!(parse_user_date(" 2027-01-31 "), d);
        assert_eq!(parse_user_date("31/1/27"), d);
        assert_eq!(parse_user_date("demain"), None);
    }
}
