//! The synthesis charts' series, counted once for the Synthèse view and the PDF.
//!
//! Pure data: each bar is a key (what it counts) and a count; the words and the colours
//! are the renderers' (see `crate::theme` for the colours).

use serde::Serialize;

use super::entities::{IdeaKind, Language, Session, Status};

/// One bar of a chart: what it counts and how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Bar<K> {
    pub key: K,
    pub count: usize,
}

/// What a bar of the ideas by category counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum CategoryBar {
    /// The ideas of the session's category at this index in `Session::categories`.
    Category(usize),
    /// The ideas with no category, or with a category the session no longer has.
    Uncategorised,
}

/// A step of the funnel, from idea to action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum FunnelStage {
    /// Every idea.
    Ideas,
    /// The ideas selected for the B2B meetings, whatever their triage since.
    Selected,
    /// The ideas about to happen.
    Imminent,
}

impl FunnelStage {
    /// The stages in the funnel's order.
    pub const ALL: [FunnelStage; 3] = [
        FunnelStage::Ideas,
        FunnelStage::Selected,
        FunnelStage::Imminent,
    ];
}

/// The four series the synthesis draws, in the order they are drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ChartSeries {
    /// One bar per session category, in the session's order (even when empty), then
    /// [`CategoryBar::Uncategorised`] when some idea has no known category.
    pub by_category: Vec<Bar<CategoryBar>>,
    /// One bar per kind in [`IdeaKind::ALL`]'s order (even when empty), then `None` when
    /// some idea has no kind.
    pub by_kind: Vec<Bar<Option<IdeaKind>>>,
    /// Ideas, selected, about to happen.
    pub funnel: Vec<Bar<FunnelStage>>,
    /// The selected ideas by triage: about to happen, to deepen, abandoned (even when
    /// empty), then [`Status::Selected`] ("not triaged yet") when some are left.
    pub triage: Vec<Bar<Status>>,
}

/// The order of the triage split.
const TRIAGE: [Status; 3] = [Status::Imminent, Status::ToDeepen, Status::Abandoned];

impl ChartSeries {
    /// Counts the series of `session`, in one pass over its ideas.
    pub fn of(session: &Session) -> Self {
        let mut per_category = vec![0usize; session.categories.len()];
        let mut uncategorised = 0;
        let mut per_kind = [0usize; IdeaKind::ALL.len()];
        let mut no_kind = 0;
        let mut per_status = [0usize; Status::ALL.len()];
        for idea in &session.ideas {
            let category = idea
                .category
                .as_deref()
                .and_then(|key| session.categories.iter().position(|c| c.key == key));
            match category.and_then(|i| per_category.get_mut(i)) {
                Some(count) => *count += 1,
                None => uncategorised += 1,
            }
            match idea
                .kind
                .and_then(|k| IdeaKind::ALL.iter().position(|each| *each == k))
                .and_then(|i| per_kind.get_mut(i))
            {
                Some(count) => *count += 1,
                None => no_kind += 1,
            }
            if let Some(count) = Status::ALL
                .iter()
                .position(|s| *s == idea.status)
                .and_then(|i| per_status.get_mut(i))
            {
                *count += 1;
            }
        }
        let status_count = |status: Status| {
            Status::ALL
                .iter()
                .position(|s| *s == status)
                .and_then(|i| per_status.get(i).copied())
                .unwrap_or(0)
        };

        let mut by_category: Vec<Bar<CategoryBar>> = per_category
            .iter()
            .enumerate()
            .map(|(i, &count)| Bar {
                key: CategoryBar::Category(i),
                count,
            })
            .collect();
        if uncategorised > 0 {
            by_category.push(Bar {
                key: CategoryBar::Uncategorised,
                count: uncategorised,
            });
        }

        let mut by_kind: Vec<Bar<Option<IdeaKind>>> = IdeaKind::ALL
            .iter()
            .zip(per_kind)
            .map(|(&kind, count)| Bar {
                key: Some(kind),
                count,
            })
            .collect();
        if no_kind > 0 {
            by_kind.push(Bar {
                key: None,
                count: no_kind,
            });
        }

        let selected = session
            .ideas
            .len()
            .saturating_sub(status_count(Status::Proposed));
        let funnel = FunnelStage::ALL
            .into_iter()
            .map(|stage| Bar {
                key: stage,
                count: match stage {
                    FunnelStage::Ideas => session.ideas.len(),
                    FunnelStage::Selected => selected,
                    FunnelStage::Imminent => status_count(Status::Imminent),
                },
            })
            .collect();

        let mut triage: Vec<Bar<Status>> = TRIAGE
            .into_iter()
            .map(|status| Bar {
                key: status,
                count: status_count(status),
            })
            .collect();
        let untriaged = status_count(Status::Selected);
        if untriaged > 0 {
            triage.push(Bar {
                key: Status::Selected,
                count: untriaged,
            });
        }

        ChartSeries {
            by_category,
            by_kind,
            funnel,
            triage,
        }
    }
}

/// The words of the bars the model does not name itself: what an unknown category or
/// kind is called, the funnel's three stages, and the selected ideas not triaged yet.
pub struct ChartWords<'a> {
    pub not_given: &'a str,
    pub funnel: [&'a str; 3],
    pub to_triage: &'a str,
}

/// A bar ready to draw: its label, its count and its colour from the theme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelledBar {
    pub label: String,
    pub count: usize,
    pub rgb: crate::theme::Rgb,
}

impl ChartSeries {
    /// The four series as labelled, coloured bars, in the order they are drawn: by
    /// category, by kind, the funnel, the triage split. The screen and the PDF both
    /// draw these.
    pub fn labelled(
        &self,
        session: &Session,
        language: Language,
        words: &ChartWords,
    ) -> [Vec<LabelledBar>; 4] {
        use crate::theme;
        let bar = |label: String, count: usize, rgb| LabelledBar { label, count, rgb };
        let by_category = self
            .by_category
            .iter()
            .map(|b| {
                let label = match b.key {
                    CategoryBar::Category(i) => session
                        .categories
                        .get(i)
                        .map_or(words.not_given, |c| c.label(language)),
                    CategoryBar::Uncategorised => words.not_given,
                };
                bar(label.to_owned(), b.count, theme::category_rgb(b.key))
            })
            .collect();
        let by_kind = self
            .by_kind
            .iter()
            .map(|b| {
                let label = b.key.map_or_else(
                    || words.not_given.to_owned(),
                    |k| capitalised(k.label(language)),
                );
                bar(label, b.count, theme::kind_rgb(b.key))
            })
            .collect();
        let funnel = self
            .funnel
            .iter()
            .map(|b| {
                let label = match b.key {
                    FunnelStage::Ideas => words.funnel[0],
                    FunnelStage::Selected => words.funnel[1],
                    FunnelStage::Imminent => words.funnel[2],
                };
                bar(capitalised(label), b.count, theme::funnel_rgb(b.key))
            })
            .collect();
        let triage = self
            .triage
            .iter()
            .map(|b| {
                let label = if b.key == Status::Selected {
                    words.to_triage
                } else {
                    b.key.label(language)
                };
                bar(capitalised(label), b.count, theme::status_rgb(b.key))
            })
            .collect();
        [by_category, by_kind, funnel, triage]
    }
}

/// `text` with its first letter in upper case ("à trier" → "À trier").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Idea};

    fn idea(category: Option<&str>, kind: Option<IdeaKind>, status: Status) -> Idea {
        let mut idea = Idea::new("idée");
        idea.category = category.map(str::to_owned);
        idea.kind = kind;
        idea.status = status;
        idea
    }

    fn counts<K: Copy>(bars: &[Bar<K>]) -> Vec<(K, usize)> {
        bars.iter().map(|b| (b.key, b.count)).collect()
    }

    #[test]
    fn a_small_session_gives_the_counts_by_hand() {
        let mut session = Session::new("atelier");
        session.categories = vec![
            Category::new("water", "Eau", "Water"),
            Category::new("energy", "Énergie", "Energy"),
            Category::new("space", "Locaux", "Space"),
        ];
        use IdeaKind::{Mutualisation as M, Substitution as S};
        session.ideas = vec![
            idea(Some("energy"), Some(S), Status::Proposed),
            idea(Some("energy"), Some(M), Status::Imminent),
            idea(Some("water"), Some(S), Status::Imminent),
            idea(None, None, Status::Selected),
            // A category the session no longer has counts as uncategorised.
            idea(Some("gone"), Some(S), Status::Abandoned),
            idea(Some("water"), None, Status::ToDeepen),
            idea(Some("water"), Some(S), Status::Proposed),
        ];
        let series = ChartSeries::of(&session);
        let drawn = (
            counts(&series.by_category),
            counts(&series.by_kind),
            counts(&series.funnel),
            counts(&series.triage),
        );
        let expected = (
            vec![
                (CategoryBar::Category(0), 3),
                (CategoryBar::Category(1), 2),
                (CategoryBar::Category(2), 0),
                (CategoryBar::Uncategorised, 2),
            ],
            vec![(Some(S), 4), (Some(M), 1), (None, 2)],
            vec![
                (FunnelStage::Ideas, 7),
                (FunnelStage::Selected, 5),
                (FunnelStage::Imminent, 2),
            ],
            vec![
                (Status::Imminent, 2),
                (Status::ToDeepen, 1),
                (Status::Abandoned, 1),
                (Status::Selected, 1),
            ],
        );
        assert_eq!(drawn, expected);
    }

    #[test]
    fn the_not_given_bars_appear_only_when_something_is_not_given() {
        let mut session = Session::new("atelier");
        let water = session.categories[0].key.clone();
        session.ideas = vec![
            idea(Some(&water), Some(IdeaKind::Substitution), Status::Imminent),
            idea(
                Some(&water),
                Some(IdeaKind::Mutualisation),
                Status::Proposed,
            ),
        ];
        let series = ChartSeries::of(&session);
        // Every category and kind is listed, empty or not; nothing is "not given".
        assert_eq!(series.by_category.len(), session.categories.len());
        assert!(
            series
                .by_category
                .iter()
                .all(|b| b.key != CategoryBar::Uncategorised)
        );
        assert_eq!(counts(&series.by_kind).len(), IdeaKind::ALL.len());
        assert!(series.by_kind.iter().all(|b| b.key.is_some()));
        // Nothing is left to triage: the split has no "to triage" bar.
        assert_eq!(
            series.triage.iter().map(|b| b.key).collect::<Vec<_>>(),
            vec![Status::Imminent, Status::ToDeepen, Status::Abandoned]
        );
    }

    #[test]
    fn an_empty_session_has_empty_bars_and_no_not_given_bars() {
        let session = Session::new("atelier");
        let series = ChartSeries::of(&session);
        assert_eq!(series.by_category.len(), session.categories.len());
        assert_eq!(series.by_kind.len(), IdeaKind::ALL.len());
        assert_eq!(series.funnel.len(), FunnelStage::ALL.len());
        assert_eq!(series.triage.len(), 3);
        for bars in [
            series
                .by_category
                .iter()
                .map(|b| b.count)
                .collect::<Vec<_>>(),
            series.by_kind.iter().map(|b| b.count).collect(),
            series.funnel.iter().map(|b| b.count).collect(),
            series.triage.iter().map(|b| b.count).collect(),
        ] {
            assert!(bars.iter().all(|c| *c == 0), "{bars:?}");
        }
    }
}
