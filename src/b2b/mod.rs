//! The B2B meetings after the vote: one meeting per idea selected for them, between all
//! of its organisations, on a grid of tables × time slots. [`plan`] makes the plan
//! (keeping the meetings locked by hand), [`PlanView`] reads a plan as people do (times,
//! tables, names, what is not placed and why), and the command line and the agendas
//! print it.

pub mod solver;

use std::collections::HashMap;

use uuid::Uuid;

use crate::i18n::{Language, fill, words};
use crate::model::b2b::{B2b, Meeting, TimeRange};
use crate::model::{Session, Status};
use solver::{Problem, Unplaced};

/// The ideas that get a meeting: those selected for the B2B meetings, in session order.
pub fn selected_ideas(session: &Session) -> impl Iterator<Item = &crate::model::Idea> {
    session
        .ideas
        .iter()
        .filter(|i| i.status == Status::Selected)
}

/// The organisations of `idea` that exist, without repeats, in its order.
fn organisations_of(session: &Session, idea: &crate::model::Idea) -> Vec<Uuid> {
    let mut out: Vec<Uuid> = Vec::new();
    for id in &idea.organisations {
        if session.organisation(*id).is_some() && !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

/// A plan made by [`plan`]: the meetings placed, and the ideas left out with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    pub meetings: Vec<Meeting>,
    pub unscheduled: Vec<(Uuid, Unplaced)>,
    /// max(most meetings of one organisation, meetings ÷ tables).
    pub lower_bound: usize,
}

impl Planned {
    /// The slots up to the last used: the rounds the day takes.
    pub fn rounds(&self) -> usize {
        self.meetings
            .iter()
            .map(|m| m.slot as usize + 1)
            .max()
            .unwrap_or(0)
    }
}

/// The solver's problem for `session`'s selected ideas under `settings`, with
/// `extra_unavailable` added to the organisations' own unavailable times; and the ideas
/// in the problem's order.
fn problem_of(
    session: &Session,
    settings: &B2b,
    extra_unavailable: &[(Uuid, TimeRange)],
) -> (Problem, Vec<Uuid>) {
    let slots = settings.slots();
    let index: HashMap<Uuid, usize> = session
        .organisations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id, i))
        .collect();
    let unavailable: Vec<Vec<usize>> = session
        .organisations
        .iter()
        .map(|o| {
            let ranges: Vec<&TimeRange> = o
                .unavailable
                .iter()
                .chain(
                    extra_unavailable
                        .iter()
                        .filter(|(id, _)| *id == o.id)
                        .map(|(_, r)| r),
                )
                .collect();
            slots
                .iter()
                .enumerate()
                .filter(|(_, slot)| ranges.iter().any(|r| r.overlaps(slot)))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let locked_at: HashMap<Uuid, (usize, usize)> = settings
        .meetings
        .iter()
        .filter(|m| m.locked)
        .filter_map(|m| {
            let table = usize::try_from(m.table).ok()?.checked_sub(1)?;
            Some((m.idea, (usize::try_from(m.slot).ok()?, table)))
        })
        .collect();
    let mut ideas = Vec::new();
    let mut meetings = Vec::new();
    let mut locked = Vec::new();
    for idea in selected_ideas(session) {
        ideas.push(idea.id);
        meetings.push(
            organisations_of(session, idea)
                .iter()
                .filter_map(|id| index.get(id).copied())
                .collect(),
        );
        locked.push(locked_at.get(&idea.id).copied());
    }
    let problem = Problem {
        organisations: session.organisations.len(),
        meetings,
        tables: usize::try_from(settings.tables).unwrap_or(0),
        slots: slots.len(),
        unavailable,
        locked,
    };
    (problem, ideas)
}

/// Plans the meetings of `session`'s selected ideas under `settings` (its tables, slot
/// length, start, breaks; the meetings locked there stay where they are).
pub fn plan(session: &Session, settings: &B2b, extra_unavailable: &[(Uuid, TimeRange)]) -> Planned {
    let (problem, ideas) = problem_of(session, settings, extra_unavailable);
    let solution = solver::solve(&problem);
    let lower_bound = solver::lower_bound(&problem);
    let mut meetings = Vec::new();
    let mut unscheduled = Vec::new();
    for ((idea, placed), locked) in ideas.iter().zip(solution.placed).zip(&problem.locked) {
        match placed {
            Ok((slot, table)) => meetings.push(Meeting {
                idea: *idea,
                table: u32::try_from(table + 1).unwrap_or(u32::MAX),
                slot: u32::try_from(slot).unwrap_or(u32::MAX),
                locked: locked.is_some(),
            }),
            Err(why) => unscheduled.push((*idea, why)),
        }
    }
    Planned {
        meetings,
        unscheduled,
        lower_bound,
    }
}

/// What keeps a meeting from a table and slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clash {
    NoSlot,
    NoTable {
        tables: u32,
    },
    /// The table is taken by the meeting of this idea.
    TableTaken {
        table: u32,
        idea: String,
    },
    /// The organisation is in the meeting of `idea` at `time`.
    OrganisationBusy {
        organisation: String,
        idea: String,
        time: crate::model::b2b::ClockTime,
    },
    /// The organisation is not available then.
    Unavailable {
        organisation: String,
        range: TimeRange,
    },
}

impl Clash {
    /// The clash in words.
    pub fn text(&self, language: Language) -> String {
        let w = &words(language).b2b;
        match self {
            Clash::NoSlot => w.clash_no_slot.to_owned(),
            Clash::NoTable { tables } => fill(w.clash_no_table, &[("n", tables)]),
            Clash::TableTaken { table, idea } => {
                fill(w.clash_table, &[("n", table), ("idea", idea)])
            }
            Clash::OrganisationBusy {
                organisation,
                idea,
                time,
            } => fill(
                w.clash_organisation,
                &[
                    ("organisation", organisation),
                    ("idea", idea),
                    ("time", time),
                ],
            ),
            Clash::Unavailable {
                organisation,
                range,
            } => fill(
                w.clash_unavailable,
                &[("organisation", organisation), ("range", range)],
            ),
        }
    }
}

/// What keeps the meeting of `idea` from `table` (from 1) in `slot` (from 0) of
/// `settings`' plan, if anything; its own place does not count.
pub fn clash(
    session: &Session,
    settings: &B2b,
    idea: Uuid,
    table: u32,
    slot: u32,
) -> Option<Clash> {
    let slots = settings.slots();
    let Some(time) = usize::try_from(slot).ok().and_then(|s| slots.get(s)) else {
        return Some(Clash::NoSlot);
    };
    if table == 0 || table > settings.tables {
        return Some(Clash::NoTable {
            tables: settings.tables,
        });
    }
    let organisations = session
        .idea(idea)
        .map(|i| organisations_of(session, i))
        .unwrap_or_default();
    for other in settings
        .meetings
        .iter()
        .filter(|m| m.idea != idea && m.slot == slot)
    {
        let Some(other_idea) = session.idea(other.idea) else {
            continue;
        };
        if other.table == table {
            return Some(Clash::TableTaken {
                table,
                idea: other_idea.title.clone(),
            });
        }
        let shared = organisations_of(session, other_idea)
            .into_iter()
            .find(|o| organisations.contains(o))
            .and_then(|o| session.organisation(o));
        if let Some(shared) = shared {
            return Some(Clash::OrganisationBusy {
                organisation: shared.name.clone(),
                idea: other_idea.title.clone(),
                time: time.start,
            });
        }
    }
    for o in organisations
        .iter()
        .filter_map(|id| session.organisation(*id))
    {
        if let Some(range) = o.unavailable.iter().find(|r| r.overlaps(time)) {
            return Some(Clash::Unavailable {
                organisation: o.name.clone(),
                range: *range,
            });
        }
    }
    None
}

/// One meeting of the plan, as people read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheduled {
    pub idea: Uuid,
    pub title: String,
    /// Its organisations: id and name.
    pub organisations: Vec<(Uuid, String)>,
    /// From 1.
    pub table: u32,
    /// From 0.
    pub slot: u32,
    pub time: TimeRange,
    pub locked: bool,
}

/// A selected idea without a meeting, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct NotScheduled {
    pub idea: Uuid,
    pub title: String,
    pub reason: String,
}

/// The session's plan as people read it: the meetings by time then table, what is not
/// placed and why, the rounds used against the lower bound.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanView {
    pub meetings: Vec<Scheduled>,
    pub unscheduled: Vec<NotScheduled>,
    /// The slots up to the last used.
    pub rounds: usize,
    pub lower_bound: usize,
    pub tables: u32,
    /// Every slot of the day (the grid's rows).
    pub slots: Vec<TimeRange>,
}

impl PlanView {
    /// The plan saved in `session` (its `b2b`), read in `language`. `reasons` gives why
    /// ideas were left out by the last planning; other selected ideas without a meeting
    /// were selected since (or the plan was never made).
    pub fn of(session: &Session, reasons: &[(Uuid, Unplaced)], language: Language) -> Self {
        let settings = &session.b2b;
        let slots = settings.slots();
        let w = &words(language).b2b;
        let mut meetings: Vec<Scheduled> = settings
            .meetings
            .iter()
            .filter_map(|m| {
                let idea = session.idea(m.idea)?;
                let time = *slots.get(usize::try_from(m.slot).ok()?)?;
                Some(Scheduled {
                    idea: m.idea,
                    title: idea.title.clone(),
                    organisations: organisations_of(session, idea)
                        .into_iter()
                        .filter_map(|id| session.organisation(id).map(|o| (id, o.name.clone())))
                        .collect(),
                    table: m.table,
                    slot: m.slot,
                    time,
                    locked: m.locked,
                })
            })
            .collect();
        meetings.sort_by_key(|m| (m.slot, m.table));
        let (problem, ideas) = problem_of(session, settings, &[]);
        let unscheduled = selected_ideas(session)
            .filter(|i| !meetings.iter().any(|m| m.idea == i.id))
            .map(|i| {
                // What the session shows at once; then what the last planning said.
                let plain = ideas
                    .iter()
                    .position(|id| *id == i.id)
                    .and_then(|n| plain_reason(&problem, n));
                let known = reasons
                    .iter()
                    .find(|(id, _)| *id == i.id)
                    .map(|(_, why)| why);
                let reason = match (plain.as_ref(), known) {
                    (Some(why), _) | (None, Some(why)) => unplaced_text(why, language),
                    (None, None) if settings.meetings.is_empty() => w.not_planned_yet.to_owned(),
                    (None, None) => w.selected_since.to_owned(),
                };
                NotScheduled {
                    idea: i.id,
                    title: i.title.clone(),
                    reason,
                }
            })
            .collect();
        Self {
            rounds: meetings
                .iter()
                .map(|m| m.slot as usize + 1)
                .max()
                .unwrap_or(0),
            lower_bound: solver::lower_bound(&problem),
            tables: settings.tables,
            meetings,
            unscheduled,
            slots,
        }
    }

    /// The meetings `organisation` is in, by time.
    pub fn of_organisation(&self, organisation: Uuid) -> impl Iterator<Item = &Scheduled> {
        self.meetings
            .iter()
            .filter(move |m| m.organisations.iter().any(|(id, _)| *id == organisation))
    }

    /// The meetings at `table` (from 1), by time.
    pub fn of_table(&self, table: u32) -> impl Iterator<Item = &Scheduled> {
        self.meetings.iter().filter(move |m| m.table == table)
    }

    /// The plan as the command line's JSON.
    pub fn to_json(&self) -> serde_json::Value {
        let meetings: Vec<serde_json::Value> = self
            .meetings
            .iter()
            .map(|m| {
                serde_json::json!({
                    "idea": m.title,
                    "organisations": m.organisations.iter().map(|(_, n)| n).collect::<Vec<_>>(),
                    "table": m.table,
                    "start": m.time.start.to_string(),
                    "end": m.time.end.to_string(),
                })
            })
            .collect();
        let unscheduled: Vec<serde_json::Value> = self
            .unscheduled
            .iter()
            .map(|u| serde_json::json!({ "idea": u.title, "reason": u.reason }))
            .collect();
        serde_json::json!({
            "meetings": meetings,
            "unscheduled": unscheduled,
            "rounds": self.rounds,
            "lower_bound": self.lower_bound,
        })
    }

    /// The plan as readable lines, in `language`.
    pub fn lines(&self, language: Language) -> Vec<String> {
        let w = &words(language).b2b;
        let mut out = vec![fill(
            w.summary,
            &[
                ("meetings", &self.meetings.len()),
                ("rounds", &self.rounds),
                ("bound", &self.lower_bound),
                ("tables", &self.tables),
            ],
        )];
        let mut slot = None;
        for m in &self.meetings {
            if slot != Some(m.slot) {
                slot = Some(m.slot);
                out.push(fill(
                    w.slot_heading,
                    &[("start", &m.time.start), ("end", &m.time.end)],
                ));
            }
            let names: Vec<&str> = m.organisations.iter().map(|(_, n)| n.as_str()).collect();
            out.push(fill(
                w.meeting_line,
                &[
                    ("table", &m.table),
                    ("organisations", &names.join(", ")),
                    ("idea", &m.title),
                ],
            ));
        }
        if !self.unscheduled.is_empty() {
            out.push(w.unscheduled_heading.to_owned());
            for u in &self.unscheduled {
                out.push(fill(
                    w.unscheduled_line,
                    &[("idea", &u.title), ("reason", &u.reason)],
                ));
            }
        }
        out
    }
}

/// Why meeting `n` of `problem` can never be placed, when that shows without planning:
/// too few organisations, or never all available.
fn plain_reason(problem: &Problem, n: usize) -> Option<Unplaced> {
    let organisations = problem.meetings.get(n)?;
    if organisations.len() < 2 {
        return Some(Unplaced::TooFewOrganisations);
    }
    let busy = |o: usize, slot: usize| {
        problem
            .unavailable
            .get(o)
            .is_some_and(|slots| slots.contains(&slot))
    };
    let never = !(0..problem.slots).any(|slot| organisations.iter().all(|&o| !busy(o, slot)));
    never.then_some(Unplaced::NeverAllAvailable)
}

/// Why a meeting is not placed, in words.
pub fn unplaced_text(why: &Unplaced, language: Language) -> String {
    let w = &words(language).b2b;
    match why {
        Unplaced::TooFewOrganisations => w.too_few_organisations.to_owned(),
        Unplaced::NeverAllAvailable => w.never_all_available.to_owned(),
        Unplaced::LockedClash { .. } => w.locked_clash.to_owned(),
        Unplaced::NoRoom => w.no_room.to_owned(),
    }
}
