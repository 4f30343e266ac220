//! The command palette (`Ctrl+K`): type a few letters of any command, accents or not,
//! and press Enter to run it, as in VS Code or rerun. Drawn from [`Command::all`], with
//! one entry per value for the commands that take one (a recent file, a colour, a
//! cluster to merge into).

use egui::{Color32, Key, RichText, Sense, vec2};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::command::{Command, CommandState};
use super::widgets::colour32;
use super::{Intent, SynergiesApp};
use crate::model::text::fold;
use crate::model::{Colour, Language, Session};
use std::path::PathBuf;

/// The palette's transient state.
#[derive(Default)]
pub struct Palette {
    pub open: bool,
    pub query: String,
    /// The highlighted entry, among those shown.
    highlighted: usize,
    /// The field takes the keyboard once, when the palette opens.
    focus_pending: bool,
}

/// One line of the palette: a command with its payload, and its text.
pub struct PaletteEntry {
    pub command: Command,
    pub text: String,
    pub available: bool,
}

impl Palette {
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.query.clear();
        self.highlighted = 0;
        self.focus_pending = self.open;
    }
}

/// Every entry the palette offers now, payloads filled in.
pub fn palette_entries(
    state: &CommandState,
    session: &Session,
    recent: &[PathBuf],
    language: Language,
) -> Vec<PaletteEntry> {
    let mut entries = Vec::new();
    let mut push = |command: Command, text: String| {
        let available = command.available(state);
        entries.push(PaletteEntry {
            command,
            text,
            available,
        });
    };
    for command in Command::all() {
        let label = command.label(language);
        match command {
            Command::OpenRecent(_) => {
                for path in recent {
                    push(
                        Command::OpenRecent(path.clone()),
                        format!("{label} : {}", path.display()),
                    );
                }
            }
            Command::RecolourCluster(..) => {
                for (i, colour) in Colour::PALETTE.iter().enumerate() {
                    push(
                        Command::RecolourCluster(None, *colour),
                        format!("{label} ({})", i + 1),
                    );
                }
            }
            Command::MergeClusterInto { .. } => {
                for cluster in &session.clusters {
                    if Some(cluster.id) != state.current_cluster {
                        push(
                            Command::MergeClusterInto {
                                from: None,
                                into: cluster.id,
                            },
                            format!("{} « {} »", label.trim_end_matches('…'), cluster.name),
                        );
                    }
                }
            }
            _ => push(command.clone(), label.to_owned()),
        }
    }
    entries
}

/// The entries matching `query` (fuzzy, ignoring case and accents), best first; all of
/// them, in menu order, when the query is empty.
pub fn filter_entries(entries: Vec<PaletteEntry>, query: &str) -> Vec<PaletteEntry> {
    let query = fold(query);
    if query.is_empty() {
        return entries;
    }
    let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    let mut scored: Vec<(bool, u32, PaletteEntry)> = entries
        .into_iter()
        .filter_map(|entry| {
            let folded = fold(&entry.text);
            let starts = folded.starts_with(&query);
            let haystack = nucleo_matcher::Utf32Str::new(&folded, &mut buffer);
            pattern
                .score(haystack, &mut matcher)
                .map(|score| (starts, score, entry))
        })
        .collect();
    // Available commands first, then those that start with the query, then by score,
    // then the shortest; the sort is stable (menu order).
    scored.sort_by_key(|(starts, score, entry)| {
        (
            !entry.available,
            !*starts,
            std::cmp::Reverse(*score),
            entry.text.len(),
        )
    });
    scored.into_iter().map(|(_, _, entry)| entry).collect()
}

impl SynergiesApp {
    pub(super) fn palette_ui(&mut self, ctx: &egui::Context) {
        if !self.palette.open {
            return;
        }
        let language = self.prefs.language;
        let t = self.t();
        let state = self.command_state();
        let entries = filter_entries(
            palette_entries(&state, self.doc.session(), &self.prefs.recent, language),
            &self.palette.query,
        );
        let (up, down, enter, escape) = ctx.input(|i| {
            (
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::Enter),
                i.key_pressed(Key::Escape),
            )
        });
        let palette = &mut self.palette;
        let last = entries.len().saturating_sub(1);
        if down {
            palette.highlighted = (palette.highlighted + 1).min(last);
        }
        if up {
            palette.highlighted = palette.highlighted.saturating_sub(1);
        }
        palette.highlighted = palette.highlighted.min(last);
        let mut chosen = None;
        egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
            ui.set_width(640.0);
            let label = ui.label(RichText::new(t.palette_title).strong());
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut palette.query)
                        .hint_text(t.palette_hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut palette.focus_pending) {
                edit.request_focus();
            }
            if edit.changed() {
                palette.highlighted = 0;
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    if entries.is_empty() {
                        ui.label(t.palette_nothing);
                    }
                    for (i, entry) in entries.iter().enumerate() {
                        let highlighted = i == palette.highlighted;
                        let row = entry_ui(ui, entry, highlighted);
                        if highlighted && (up || down) {
                            row.scroll_to_me(None);
                        }
                        if row.clicked() && entry.available {
                            chosen = Some(entry.command.clone());
                        }
                    }
                });
        });
        if enter
            && let Some(entry) = entries.get(palette.highlighted)
            && entry.available
        {
            chosen = Some(entry.command.clone());
        }
        if escape || chosen.is_some() {
            palette.open = false;
            palette.query.clear();
        }
        if let Some(command) = chosen {
            self.intents.push(Intent::Command(command));
        }
    }
}

/// One palette line: the command's text, its shortcut on the right, greyed when it
/// cannot run now.
fn entry_ui(ui: &mut egui::Ui, entry: &PaletteEntry, highlighted: bool) -> egui::Response {
    let height = 26.0;
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    let visuals = ui.visuals();
    if highlighted || response.hovered() {
        ui.painter()
            .rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.6));
    }
    let colour = if entry.available {
        visuals.strong_text_color()
    } else {
        visuals.weak_text_color()
    };
    let font = egui::FontId::proportional(16.0);
    let mut left = rect.left() + 8.0;
    if let Command::RecolourCluster(_, swatch) = &entry.command {
        let square =
            egui::Rect::from_center_size(egui::pos2(left + 8.0, rect.center().y), vec2(16.0, 16.0));
        ui.painter().rect_filled(square, 3.0, colour32(*swatch));
        left += 24.0;
    }
    ui.painter().text(
        egui::pos2(left, rect.center().y),
        egui::Align2::LEFT_CENTER,
        &entry.text,
        font.clone(),
        colour,
    );
    let shortcut = entry.command.shortcut_text(ui.ctx());
    ui.painter().text(
        egui::pos2(rect.right() - 8.0, rect.center().y),
        egui::Align2::RIGHT_CENTER,
        shortcut,
        font,
        Color32::GRAY,
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, entry.available, &entry.text)
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(entries: &[PaletteEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.text.as_str()).collect()
    }

    #[test]
    fn a_few_letters_without_accents_find_a_command() {
        let state = CommandState::default();
        let session = Session::new("t");
        let entries = palette_entries(&state, &session, &[], Language::Fr);
        let found = filter_entries(entries, "synthese pdf");
        assert_eq!(
            found.first().map(|e| e.command.clone()),
            Some(Command::ExportPdf),
            "{:?}",
            texts(&found)
        );
    }

    #[test]
    fn every_command_is_offered() {
        let state = CommandState::default();
        let mut session = Session::new("t");
        session
            .clusters
            .push(crate::model::Cluster::new("Bois", Colour::PALETTE[0]));
        let recent = vec![PathBuf::from("/tmp/atelier.ron")];
        let entries = palette_entries(&state, &session, &recent, Language::Fr);
        for command in Command::all() {
            assert!(
                entries.iter().any(|e| e.command.same_kind(command)),
                "{command:?} is missing from the palette"
            );
        }
    }

    #[test]
    fn nonsense_finds_nothing() {
        let entries = palette_entries(
            &CommandState::default(),
            &Session::new("t"),
            &[],
            Language::Fr,
        );
        assert!(filter_entries(entries, "zzqxw").is_empty());
    }
}
