//! Primitive, invertible changes to a session. Every action compiles to a list of edits;
//! applying an edit returns the edit that undoes it.

use uuid::Uuid;

use super::action::ImportBatch;
use super::entities::{
    Category, Cluster, Deletion, Entity, Facilitator, Fiche, Idea, Organisation, Session,
    SessionInfo, Table, Timestamp,
};

/// An entity kind's place in [`Record`].
pub trait InRecord: Sized {
    /// The entity, if `record` is one of this kind.
    fn from_record(record: &Record) -> Option<&Self>;
    fn into_record(self) -> Record;
}

/// The kinds of entity, listed once: [`Record`] (one entity of any kind, by value),
/// [`EntityKind`], and each kind's [`Entity`] implementation.
macro_rules! entity_kinds {
    ($($kind:ident => $field:ident),*) => {
        /// One entity of any kind, by value.
        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        pub enum Record {
            $($kind($kind),)*
        }

        /// The kinds of entity a session holds.
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        pub enum EntityKind {
            $($kind,)*
        }

        impl Record {
            pub fn id(&self) -> Uuid {
                match self {
                    $(Record::$kind(e) => e.id,)*
                }
            }

            pub fn kind(&self) -> EntityKind {
                match self {
                    $(Record::$kind(_) => EntityKind::$kind,)*
                }
            }

            /// Puts the record in its list of `session` (at `index` when given), and
            /// returns the edit that undoes it.
            fn put_into(self, session: &mut Session, index: Option<usize>) -> Edit {
                match self {
                    $(Record::$kind(e) => {
                        put(&mut session.$field, e, index, Record::$kind, EntityKind::$kind)
                    })*
                }
            }
        }

        impl Record {
            /// Dates the fields this record changes from the entity of `session` it
            /// replaces (none when it is new).
            pub(super) fn date_changes(&mut self, session: &Session, now: Timestamp, by: &str) {
                match self {
                    $(Record::$kind(e) => {
                        if let Some(before) = session.$field.iter().find(|b| b.id == e.id) {
                            super::clock::stamp_changes(before, e, now, by);
                        }
                    })*
                }
            }
        }

        impl EntityKind {
            /// Deletes the entity `id` of this kind from `session`; returns the edit
            /// that puts it back, or `None` when there was none.
            fn delete_from(self, session: &mut Session, id: Uuid) -> Option<Edit> {
                match self {
                    $(EntityKind::$kind => delete(&mut session.$field, id, Record::$kind),)*
                }
            }
        }

        $(
            impl InRecord for $kind {
                fn from_record(record: &Record) -> Option<&Self> {
                    match record {
                        Record::$kind(e) => Some(e),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
                fn into_record(self) -> Record {
                    Record::$kind(self)
                }
            }

            impl Entity for $kind {
                fn id(&self) -> Uuid {
                    self.id
                }
                fn touch(&mut self, now: Timestamp) {
                    self.modified = now;
                }
                fn created(&self) -> Timestamp {
                    self.created
                }
                fn modified(&self) -> Timestamp {
                    self.modified
                }
                fn set_created(&mut self, created: Timestamp) {
                    self.created = created;
                }
                fn set_id(&mut self, id: Uuid) {
                    self.id = id;
                }
                fn clocks(&self) -> &super::clock::FieldClocks {
                    &self.clocks
                }
                fn clocks_mut(&mut self) -> &mut super::clock::FieldClocks {
                    &mut self.clocks
                }
            }
        )*
    };
}

entity_kinds!(
    Facilitator => facilitators,
    Table => tables,
    Category => categories,
    Organisation => organisations,
    Fiche => fiches,
    Idea => ideas,
    Cluster => clusters
);

/// A primitive change.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Inserts the entity (at `index`, or at the end) or replaces the one with its id.
    Put {
        record: Box<Record>,
        index: Option<usize>,
    },
    /// Removes the entity with this id, and records its deletion at `at`; with no time,
    /// records nothing (undoing an addition: as if it never was).
    Delete {
        kind: EntityKind,
        id: Uuid,
        at: Option<Timestamp>,
    },
    /// Replaces the session's details.
    Info(SessionInfo),
    /// Replaces the record of what was deleted (a merge's).
    Tombstones(Vec<Deletion>),
    /// Replaces the list of dismissed suggestions.
    Dismissed(Vec<super::entities::Dismissal>),
    /// Replaces the B2B planner's settings and plan.
    B2b(Box<super::b2b::B2b>),
    /// Adds new entities at the end of their lists at once (an import): their ids are
    /// none of the session's, which the action checked, so nothing is searched. They are
    /// no longer recorded as deleted. Undone by [`Edit::Truncate`].
    Append(Box<ImportBatch>),
    /// Cuts each list back to its length before an [`Edit::Append`], and puts back the
    /// record of what was deleted as it was, when the append changed it. Redone by the
    /// [`Edit::Append`] of what it cut.
    Truncate {
        lengths: Lengths,
        deleted: Option<Vec<Deletion>>,
    },
}

/// The lengths of the lists an [`ImportBatch`] adds to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lengths {
    pub facilitators: usize,
    pub tables: usize,
    pub clusters: usize,
    pub organisations: usize,
    pub fiches: usize,
    pub ideas: usize,
}

impl Lengths {
    fn of(session: &Session) -> Self {
        Self {
            facilitators: session.facilitators.len(),
            tables: session.tables.len(),
            clusters: session.clusters.len(),
            organisations: session.organisations.len(),
            fiches: session.fiches.len(),
            ideas: session.ideas.len(),
        }
    }
}

/// Adds `batch` at the end of the session's lists; returns the edit that undoes it.
fn append(session: &mut Session, batch: ImportBatch) -> Edit {
    let lengths = Lengths::of(session);
    // Entities recorded as deleted are there again (and deleted again by the undo).
    let mut deleted = None;
    if !session.deleted.is_empty() {
        let ids: std::collections::HashSet<Uuid> = batch.ids().collect();
        if session.deleted.iter().any(|d| ids.contains(&d.id)) {
            deleted = Some(session.deleted.clone());
            session.deleted.retain(|d| !ids.contains(&d.id));
        }
    }
    let ImportBatch {
        facilitators,
        tables,
        clusters,
        organisations,
        fiches,
        ideas,
    } = batch;
    session.facilitators.extend(facilitators);
    session.tables.extend(tables);
    session.clusters.extend(clusters);
    session.organisations.extend(organisations);
    session.fiches.extend(fiches);
    session.ideas.extend(ideas);
    Edit::Truncate { lengths, deleted }
}

/// Cuts the session's lists back to `lengths`; returns the edit that redoes the append.
fn truncate(session: &mut Session, lengths: Lengths, deleted: Option<Vec<Deletion>>) -> Edit {
    fn tail<T>(items: &mut Vec<T>, length: usize) -> Vec<T> {
        items.split_off(length.min(items.len()))
    }
    let batch = ImportBatch {
        facilitators: tail(&mut session.facilitators, lengths.facilitators),
        tables: tail(&mut session.tables, lengths.tables),
        clusters: tail(&mut session.clusters, lengths.clusters),
        organisations: tail(&mut session.organisations, lengths.organisations),
        fiches: tail(&mut session.fiches, lengths.fiches),
        ideas: tail(&mut session.ideas, lengths.ideas),
    };
    if let Some(deleted) = deleted {
        session.deleted = deleted;
    }
    Edit::Append(Box::new(batch))
}

/// Inserts or replaces `item`; returns the inverse edit.
fn put<T: Entity>(
    items: &mut Vec<T>,
    item: T,
    index: Option<usize>,
    wrap: fn(T) -> Record,
    kind: EntityKind,
) -> Edit {
    let id = item.id();
    if let Some(position) = items.iter().position(|e| e.id() == id) {
        let previous = std::mem::replace(&mut items[position], item);
        Edit::Put {
            record: Box::new(wrap(previous)),
            index: Some(position),
        }
    } else {
        let at = index.unwrap_or(items.len()).min(items.len());
        items.insert(at, item);
        Edit::Delete { kind, id, at: None }
    }
}

/// Removes the entity with `id`; returns the inverse edit, or `None` when it was absent.
fn delete<T: Entity>(items: &mut Vec<T>, id: Uuid, wrap: fn(T) -> Record) -> Option<Edit> {
    let position = items.iter().position(|e| e.id() == id)?;
    let previous = items.remove(position);
    Some(Edit::Put {
        record: Box::new(wrap(previous)),
        index: Some(position),
    })
}

impl Edit {
    /// Applies the edit and returns the one that undoes it (`None` if it changed nothing).
    pub fn apply(self, session: &mut Session) -> Option<Edit> {
        match self {
            Edit::Info(info) => Some(Edit::Info(std::mem::replace(&mut session.info, info))),
            Edit::Tombstones(deleted) => Some(Edit::Tombstones(std::mem::replace(
                &mut session.deleted,
                deleted,
            ))),
            Edit::Dismissed(dismissed) => Some(Edit::Dismissed(std::mem::replace(
                &mut session.dismissed,
                dismissed,
            ))),
            Edit::B2b(b2b) => Some(Edit::B2b(Box::new(std::mem::replace(
                &mut session.b2b,
                *b2b,
            )))),
            Edit::Put { record, index } => {
                // There again: no longer deleted (and deleted again by its undo).
                let id = record.id();
                let was_deleted_at = session.deleted.iter().find(|d| d.id == id).map(|d| d.at);
                session.deleted.retain(|d| d.id != id);
                let mut undo = (*record).put_into(session, index);
                if let Edit::Delete { at, .. } = &mut undo {
                    *at = was_deleted_at;
                }
                Some(undo)
            }
            Edit::Delete { kind, id, at } => {
                let undo = kind.delete_from(session, id)?;
                if let Some(at) = at {
                    let by = session.laptop_name();
                    let last = match &undo {
                        Edit::Put { record, .. } => Some(record.clone()),
                        _ => None,
                    };
                    session.deleted.retain(|d| d.id != id);
                    session.deleted.push(Deletion {
                        kind,
                        id,
                        at,
                        by,
                        last,
                    });
                }
                Some(undo)
            }
            Edit::Append(batch) => Some(append(session, *batch)),
            Edit::Truncate { lengths, deleted } => Some(truncate(session, lengths, deleted)),
        }
    }
}

/// Applies `edits` in order; returns the edits that undo them, in the order to apply them.
pub fn apply_all(session: &mut Session, edits: Vec<Edit>) -> Vec<Edit> {
    let mut inverse: Vec<Edit> = edits
        .into_iter()
        .filter_map(|edit| edit.apply(session))
        .collect();
    inverse.reverse();
    inverse
}
