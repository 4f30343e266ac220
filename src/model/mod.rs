//! The workshop session and its entities, with no UI code: every change is an
//! [`Action`] applied through a [`Workshop`], which keeps the undo history.

mod action;
pub mod b2b;
pub mod charts;
pub mod check;
pub mod clock;
mod edit;
mod entities;
mod stats;
pub mod text;
mod workshop;

pub use action::{Action, ActionError, ClusterTarget, Field, ImportBatch, TopVotedPlan};
pub use edit::{Edit, EntityKind, InRecord, Lengths, Record};
pub use entities::{
    Attendance, Category, Cluster, Colour, Deletion, Direction, Dismissal, Entity, Facilitator,
    Fiche, Idea, IdeaKind, Language, Organisation, Session, SessionInfo, Status, Table, TableCopy,
    Timestamp,
};
pub use stats::Stats;
pub use workshop::{UNDO_LIMIT, Workshop};
