//! The board's geometry: which ideas are shown, in which sections, where each card is.

use egui::{Rect, Vec2, pos2, vec2};
use uuid::Uuid;

use super::BoardView;
use crate::model::text::fold;
use crate::model::{Idea, Session};
use crate::ui::widgets::CardStyle;

/// What the board shows.
#[derive(Default, Clone, Debug, PartialEq)]
pub struct Filter {
    pub text: String,
    pub organisation: Option<Uuid>,
    pub category: Option<String>,
    pub table: Option<Uuid>,
}

impl Filter {
    pub fn matches(&self, session: &Session, idea: &Idea, folded_text: &str) -> bool {
        if self
            .organisation
            .is_some_and(|o| !idea.organisations.contains(&o))
        {
            return false;
        }
        if self.category.is_some() && idea.category != self.category {
            return false;
        }
        if self.table.is_some() && idea.table != self.table {
            return false;
        }
        if folded_text.is_empty() {
            return true;
        }
        fold(&idea.title).contains(folded_text)
            || fold(&idea.description).contains(folded_text)
            || idea
                .organisations
                .iter()
                .filter_map(|o| session.organisation(*o))
                .any(|o| fold(&o.name).contains(folded_text))
    }
}

/// One cluster (or the ungrouped ideas) as laid out on the board.
pub(super) struct Section {
    pub(super) cluster: Option<Uuid>,
    /// Indices into `session.ideas`, in display order.
    pub(super) ideas: Vec<usize>,
    /// Top of the section, in content coordinates.
    pub(super) top: f32,
    pub(super) height: f32,
}

/// The board's geometry for one frame.
pub(super) struct Layout {
    pub(super) sections: Vec<Section>,
    pub(super) card: Vec2,
    pub(super) gap: f32,
    pub(super) header: f32,
    pub(super) columns: usize,
    pub(super) total_height: f32,
    pub(super) style: CardStyle,
}

impl Layout {
    /// The rectangle of card `index` of `section`, in content coordinates.
    pub(super) fn card_rect(&self, section: &Section, index: usize) -> Rect {
        let row = index / self.columns;
        let column = index % self.columns;
        let min = pos2(
            column as f32 * (self.card.x + self.gap),
            section.top + self.header + row as f32 * (self.card.y + self.gap),
        );
        Rect::from_min_size(min, self.card)
    }

    /// Every card in display order, with its section.
    pub(super) fn order(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.sections.iter().enumerate().flat_map(|(s, section)| {
            section
                .ideas
                .iter()
                .enumerate()
                .map(move |(i, idea)| (s, i, *idea))
        })
    }
}

impl BoardView {
    pub(super) fn layout(&self, session: &Session, width: f32) -> Layout {
        let folded = fold(&self.filter.text);
        let visible: Vec<usize> = session
            .ideas
            .iter()
            .enumerate()
            .filter(|(_, idea)| self.filter.matches(session, idea, &folded))
            .map(|(i, _)| i)
            .collect();
        let title_size = self.card_title_size(false, visible.len());
        let min_card = vec2((title_size * 13.5_f32).max(220.0), title_size * 6.4);
        let gap = 10.0;
        let header = title_size * 1.5 + 14.0;
        let columns = (((width + gap) / (min_card.x + gap)).floor() as usize).max(1);
        // The cards share the width evenly.
        let card = vec2(
            ((width - gap * (columns as f32 - 1.0)) / columns as f32).max(min_card.x),
            min_card.y,
        );

        let mut sections: Vec<Section> = std::iter::once(None)
            .chain(session.clusters.iter().map(|c| Some(c.id)))
            .map(|cluster| Section {
                cluster,
                ideas: Vec::new(),
                top: 0.0,
                height: 0.0,
            })
            .collect();
        for i in visible {
            let cluster = session.ideas[i].cluster;
            let index = match cluster {
                None => 0,
                Some(c) => session
                    .clusters
                    .iter()
                    .position(|k| k.id == c)
                    .map_or(0, |p| p + 1),
            };
            sections[index].ideas.push(i);
        }
        if self.sort_by_votes && !self.hidden_tally {
            for section in &mut sections {
                section
                    .ideas
                    .sort_by_key(|i| std::cmp::Reverse(session.ideas[*i].votes));
            }
        }
        // While filtering, only the clusters with matching ideas are shown.
        let filtering = !folded.is_empty()
            || self.filter.organisation.is_some()
            || self.filter.category.is_some()
            || self.filter.table.is_some();
        if filtering {
            sections.retain(|s| !s.ideas.is_empty());
        }
        let mut top = 0.0;
        for section in &mut sections {
            let rows = section.ideas.len().div_ceil(columns).max(1);
            let body = if section.ideas.is_empty() {
                card.y * 0.5
            } else {
                rows as f32 * (card.y + gap) - gap
            };
            section.top = top;
            section.height = header + body + gap;
            top += section.height + gap * 2.0;
        }
        Layout {
            sections,
            card,
            gap,
            header,
            columns,
            total_height: top,
            style: CardStyle {
                title_size,
                show_votes: !self.hidden_tally,
                vote_buttons: true,
            },
        }
    }
}
