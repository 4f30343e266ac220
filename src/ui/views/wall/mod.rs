//! The wall: what the projector shows of the board in presentation mode (F11), read
//! from the back of the hall at 1080p.
//!
//! - The **overview**: every cluster on one screen, its name, its ideas and its votes.
//!   Arrows and Enter, or a click, open one.
//! - **One cluster at a time**: its cards at a fixed, large size (titles of 32 pt, vote
//!   counts of 48 pt), paged rather than shrunk. PageUp/PageDown go to the neighbouring
//!   cluster; arrows move the focused card; `+`/`−` or typed digits and Enter vote.
//! - The **spotlight** (Space): one idea full screen for the tour de table.
//!
//! Ctrl+F filters, with a banner that says what is filtered. What the wall draws from
//! the session is cached, and rebuilt when the session or the filter changes.

mod cluster;
mod overview;
mod spotlight;
pub mod timer;
mod triage;

use egui::{RichText, Ui};
use uuid::Uuid;

use super::board::Filter;
use crate::model::text::fold;
use crate::model::{Action, Session, Status};
use crate::ui::ViewCtx;
use crate::ui::command::Command;
use crate::ui::document::ContentVersion;
use crate::ui::theme::WALL_TEXT_PT;
use crate::ui::views::{arrow_step, stepped};

pub use triage::TriageWall;

/// Which screen of the wall is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WallMode {
    #[default]
    Overview,
    Cluster,
    Spotlight,
}

/// One cluster, or the ideas in none, as the wall shows it.
pub struct WallGroup {
    /// `None` for the ideas in no cluster.
    pub cluster: Option<Uuid>,
    /// Indices into `session.ideas`: the most voted first while the tally shows.
    pub ideas: Vec<usize>,
    pub votes: u32,
}

/// What the cached groups were built from.
#[derive(Clone, PartialEq)]
struct GroupsKey {
    version: ContentVersion,
    filter: Filter,
    hidden_tally: bool,
}

/// The board's settings the wall shares: what is filtered and whether votes are hidden.
pub struct WallInputs<'a> {
    pub filter: &'a mut Filter,
    pub hidden_tally: bool,
}

/// The wall's state: what is shown and focused. The filter is the board's.
#[derive(Default)]
pub struct WallView {
    pub mode: WallMode,
    /// The highlighted tile of the overview.
    tile: usize,
    /// The open cluster (`Some(None)` for the ideas in none).
    open: Option<Option<Uuid>>,
    /// The focused card of the open cluster.
    focus: Option<Uuid>,
    /// Digits typed on the focused card: its new vote count once Enter is pressed.
    typed_votes: String,
    /// The filter's field is shown, and takes the keyboard once.
    filter_open: bool,
    focus_filter: bool,
    groups: Vec<WallGroup>,
    groups_key: Option<GroupsKey>,
    /// How many cards a page of the cluster view holds, and in how many columns, as
    /// last laid out (for the arrows).
    per_page: usize,
    columns: usize,
    /// The overview's columns, as last laid out.
    overview_columns: usize,
}

impl WallView {
    /// The idea the vote and selection commands act on: the focused card of the cluster
    /// view or the spotlight.
    pub fn focused_idea(&self) -> Option<Uuid> {
        match self.mode {
            WallMode::Overview => None,
            WallMode::Cluster | WallMode::Spotlight => self.focus,
        }
    }

    /// The open cluster's place among the groups.
    fn open_index(&self) -> Option<usize> {
        let open = self.open?;
        self.groups.iter().position(|g| g.cluster == open)
    }

    /// The open cluster's place among the groups and its ideas; back to the overview
    /// when it is gone (deleted, or filtered out).
    fn open_or_overview(&mut self) -> Option<(usize, Vec<usize>)> {
        let Some(index) = self.open_index() else {
            self.mode = WallMode::Overview;
            return None;
        };
        Some((index, self.groups[index].ideas.clone()))
    }

    /// Opens the group at `index`, its first card in focus.
    fn open_at(&mut self, index: usize, session: &Session) {
        let Some(group) = self.groups.get(index) else {
            return;
        };
        self.tile = index;
        self.open = Some(group.cluster);
        self.focus = group.ideas.first().map(|&i| session.ideas[i].id);
        self.typed_votes.clear();
        self.mode = WallMode::Cluster;
    }

    /// One step back (Escape): digits typed are dropped, the filter's field is
    /// emptied and closed, the spotlight goes back to its cluster, the cluster to the
    /// overview. False when already on the overview.
    pub fn back(&mut self, filter: &mut Filter) -> bool {
        if !self.typed_votes.is_empty() {
            self.typed_votes.clear();
            return true;
        }
        if self.filter_open {
            filter.text.clear();
            self.filter_open = false;
            return true;
        }
        match self.mode {
            WallMode::Spotlight => self.mode = WallMode::Cluster,
            WallMode::Cluster => self.mode = WallMode::Overview,
            WallMode::Overview => return false,
        }
        self.typed_votes.clear();
        true
    }

    /// Rebuilds the groups when the session, the filter or the tally changed.
    fn refresh(&mut self, cx: &ViewCtx, inputs: &WallInputs) {
        let key = GroupsKey {
            version: cx.version,
            filter: inputs.filter.clone(),
            hidden_tally: inputs.hidden_tally,
        };
        if self.groups_key.as_ref() == Some(&key) {
            return;
        }
        self.groups = wall_groups(cx.session, inputs.filter, inputs.hidden_tally);
        self.groups_key = Some(key);
        // A cluster that is gone or filtered out: back to the overview.
        if self.mode != WallMode::Overview && self.open_index().is_none() {
            self.mode = WallMode::Overview;
        }
        self.tile = self.tile.min(self.groups.len().saturating_sub(1));
    }

    pub fn on_command(&mut self, command: &Command, cx: &mut ViewCtx) {
        let session = cx.session;
        match command {
            Command::Find => {
                self.filter_open = true;
                self.focus_filter = true;
            }
            Command::WallOverview => {
                self.mode = WallMode::Overview;
                self.typed_votes.clear();
            }
            Command::PreviousCluster | Command::NextCluster => {
                let step = if *command == Command::NextCluster {
                    1
                } else {
                    -1
                };
                let current = self.open_index().unwrap_or(self.tile) as isize;
                let last = self.groups.len() as isize - 1;
                let next = (current + step).clamp(0, last.max(0)) as usize;
                let spotlight = self.mode == WallMode::Spotlight;
                self.open_at(next, session);
                if spotlight {
                    self.mode = WallMode::Spotlight;
                }
            }
            Command::Spotlight => {
                self.mode = match self.mode {
                    WallMode::Spotlight => WallMode::Cluster,
                    WallMode::Cluster if self.focus.is_some() => WallMode::Spotlight,
                    other => other,
                }
            }
            Command::VoteUp | Command::VoteDown => {
                if let Some(idea) = self.focused_idea() {
                    let delta = if *command == Command::VoteUp { 1 } else { -1 };
                    cx.apply(Action::AddVotes { idea, delta });
                }
            }
            Command::ToggleSelectedForB2b => {
                if let Some(idea) = self.focused_idea().and_then(|id| session.idea(id)) {
                    cx.apply(toggle_selected(idea.id, idea.status));
                }
            }
            _ => {}
        }
    }

    /// The wall, in the central panel.
    pub fn ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, inputs: WallInputs) {
        self.refresh(cx, &inputs);
        self.filter_banner_ui(ui, cx, inputs.filter);
        let shown: usize = self.groups.iter().map(|g| g.ideas.len()).sum();
        if shown == 0 {
            let t = cx.t;
            let text = if cx.session.ideas.is_empty() {
                t.wall_no_ideas_yet.to_owned()
            } else if inputs.filter.text.trim().is_empty() {
                t.wall_nothing_matches.to_owned()
            } else {
                crate::i18n::fill(
                    t.wall_nothing_matches_text,
                    &[("text", &inputs.filter.text.trim())],
                )
            };
            ui.centered_and_justified(|ui| {
                ui.label(RichText::new(text).size(WALL_TEXT_PT * 1.3));
            });
            return;
        }
        let hidden_tally = inputs.hidden_tally;
        if self.mode == WallMode::Overview {
            self.overview_ui(ui, cx, hidden_tally);
            return;
        }
        // A cluster gone (deleted, filtered out) sends the wall back to the overview.
        let Some((group, ideas)) = self.open_or_overview() else {
            return;
        };
        match self.mode {
            WallMode::Overview => {}
            WallMode::Cluster => self.cluster_ui(ui, cx, hidden_tally, group, &ideas),
            WallMode::Spotlight => self.spotlight_ui(ui, cx, hidden_tally, &ideas),
        }
    }

    /// What is filtered, in words, over the wall; the filter's field while Ctrl+F has it.
    fn filter_banner_ui(&mut self, ui: &mut Ui, cx: &mut ViewCtx, filter: &mut Filter) {
        let t = cx.t;
        if self.filter_open {
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(t.filter).size(WALL_TEXT_PT));
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut filter.text)
                            .font(egui::FontId::proportional(WALL_TEXT_PT))
                            .hint_text(t.filter_hint)
                            .desired_width(600.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus_filter) {
                    edit.request_focus();
                }
                // Enter keeps the filter and closes the field (Escape: see `back`).
                if edit.lost_focus() {
                    self.filter_open = false;
                }
            });
        }
        let Some(description) = describe_filter(cx, filter) else {
            return;
        };
        let shown: usize = self.groups.iter().map(|g| g.ideas.len()).sum();
        let total = cx.session.ideas.len();
        let text = crate::i18n::fill(
            t.wall_filter_banner,
            &[("what", &description), ("shown", &shown), ("total", &total)],
        );
        egui::Frame::new()
            .fill(egui::Color32::from_rgb(0xff, 0xe8, 0x99))
            .inner_margin(egui::Margin::symmetric(14, 6))
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(text)
                        .size(WALL_TEXT_PT * 0.85)
                        .color(egui::Color32::BLACK),
                );
            });
        ui.add_space(6.0);
    }
}

/// Selects an idea for the B2B meetings, or puts a selected idea back among the
/// proposed ones (a triaged idea stays as it is).
pub(crate) fn toggle_selected(idea: Uuid, status: Status) -> Action {
    let status = match status {
        Status::Proposed => Status::Selected,
        Status::Selected => Status::Proposed,
        other => other,
    };
    Action::SetStatus {
        ideas: vec![idea],
        status,
    }
}

/// The filter in words ("« bois » · Énergie"), or `None` when nothing is filtered.
fn describe_filter(cx: &ViewCtx, filter: &Filter) -> Option<String> {
    let session = cx.session;
    let mut parts = Vec::new();
    if !filter.text.trim().is_empty() {
        parts.push(format!("« {} »", filter.text.trim()));
    }
    if let Some(org) = filter.organisation.and_then(|o| session.organisation(o)) {
        parts.push(org.name.clone());
    }
    if let Some(category) = filter
        .category
        .as_deref()
        .and_then(|k| session.categories.iter().find(|c| c.key == k))
    {
        parts.push(category.label(cx.language).to_owned());
    }
    if let Some(table) = filter
        .table
        .and_then(|id| session.tables.iter().find(|t| t.id == id))
    {
        parts.push(table.name.clone());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The clusters with the ideas the filter lets through, in the session's order, then
/// the ideas in no cluster. Empty groups are left out.
pub fn wall_groups(session: &Session, filter: &Filter, hidden_tally: bool) -> Vec<WallGroup> {
    let folded = fold(&filter.text);
    let mut groups: Vec<WallGroup> = session
        .clusters
        .iter()
        .map(|c| Some(c.id))
        .chain(std::iter::once(None))
        .map(|cluster| WallGroup {
            cluster,
            ideas: Vec::new(),
            votes: 0,
        })
        .collect();
    let ungrouped = groups.len() - 1;
    let index: std::collections::HashMap<Uuid, usize> = session
        .clusters
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    for (i, idea) in session.ideas.iter().enumerate() {
        if !filter.matches(session, idea, &folded) {
            continue;
        }
        let g = idea
            .cluster
            .and_then(|c| index.get(&c).copied())
            .unwrap_or(ungrouped);
        groups[g].ideas.push(i);
        groups[g].votes += idea.votes;
    }
    groups.retain(|g| !g.ideas.is_empty());
    if !hidden_tally {
        for group in &mut groups {
            group
                .ideas
                .sort_by_key(|&i| std::cmp::Reverse(session.ideas[i].votes));
        }
    }
    groups
}

/// The outline of a tile or a card on the wall: thick in the selection colour when it
/// has the focus, thin in its own colour otherwise.
fn outline(ui: &Ui, focused: bool, colour: egui::Color32) -> egui::Stroke {
    if focused {
        egui::Stroke::new(6.0, ui.visuals().selection.stroke.color)
    } else {
        egui::Stroke::new(1.5, colour)
    }
}
