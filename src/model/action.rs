//! Every change to a session is one [`Action`]: the app, the command line and the tests
//! all go through [`Action::plan`], which validates it and compiles it to [`Edit`]s.

use std::collections::HashSet;

use uuid::Uuid;

use super::edit::{Edit, EntityKind, Record};
use super::entities::{
    Category, Cluster, Entity, Facilitator, Fiche, Idea, Language, Organisation, Session,
    SessionInfo, Status, Table, Timestamp,
};
use super::text::fold;
use crate::i18n::{fill, words};

/// Where [`Action::GroupIdeas`] puts the ideas.
#[derive(Clone, Debug, PartialEq)]
pub enum ClusterTarget {
    Existing(Uuid),
    New(Cluster),
}

/// New entities brought in at once by a spreadsheet import or a merge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportBatch {
    pub facilitators: Vec<Facilitator>,
    pub tables: Vec<Table>,
    pub clusters: Vec<Cluster>,
    pub organisations: Vec<Organisation>,
    pub fiches: Vec<Fiche>,
    pub ideas: Vec<Idea>,
}

impl ImportBatch {
    /// The ids of everything in the batch, in the order it is added.
    pub fn ids(&self) -> impl Iterator<Item = Uuid> + '_ {
        self.facilitators
            .iter()
            .map(|e| e.id)
            .chain(self.tables.iter().map(|e| e.id))
            .chain(self.clusters.iter().map(|e| e.id))
            .chain(self.organisations.iter().map(|e| e.id))
            .chain(self.fiches.iter().map(|e| e.id))
            .chain(self.ideas.iter().map(|e| e.id))
    }

    pub fn is_empty(&self) -> bool {
        self.facilitators.is_empty()
            && self.tables.is_empty()
            && self.clusters.is_empty()
            && self.organisations.is_empty()
            && self.fiches.is_empty()
            && self.ideas.is_empty()
    }
}

/// A change a user can make to a session; one undo step each.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    EditSessionInfo(SessionInfo),
    AddFacilitator(Facilitator),
    UpdateFacilitator(Facilitator),
    RemoveFacilitator(Uuid),
    AddTable(Table),
    UpdateTable(Table),
    RemoveTable(Uuid),
    AddCategory(Category),
    UpdateCategory(Category),
    RemoveCategory(Uuid),
    AddOrganisation(Organisation),
    UpdateOrganisation(Organisation),
    /// Removes the organisation, its resource sheets, and its mentions in ideas.
    RemoveOrganisation(Uuid),
    AddFiche(Fiche),
    UpdateFiche(Fiche),
    RemoveFiche(Uuid),
    AddIdea(Idea),
    UpdateIdea(Idea),
    RemoveIdeas(Vec<Uuid>),
    AddCluster(Cluster),
    UpdateCluster(Cluster),
    /// Removes the cluster; its ideas become ungrouped.
    DissolveCluster(Uuid),
    /// Moves the ideas of `from` into `into` and removes `from`.
    MergeClusters {
        into: Uuid,
        from: Vec<Uuid>,
    },
    GroupIdeas {
        ideas: Vec<Uuid>,
        target: ClusterTarget,
    },
    UngroupIdeas(Vec<Uuid>),
    SetVotes {
        idea: Uuid,
        votes: u32,
    },
    AddVotes {
        idea: Uuid,
        delta: i32,
    },
    SetStatus {
        ideas: Vec<Uuid>,
        status: Status,
    },
    /// Selects the `n` most voted ideas for B2B meetings (ties: earliest first); ideas
    /// it selected before, not yet triaged, that fall outside the top `n` go back to
    /// proposed. Ideas selected by hand stay selected (see [`TopVotedPlan`]).
    SelectTopVoted {
        n: usize,
    },
    Import(ImportBatch),
    /// Replaces the session's content by the result of merging `files` table files.
    Merge {
        merged: Box<Session>,
        files: usize,
    },
    /// Dismisses a have/need suggestion: the resource sheets it paired, in any order.
    DismissSuggestion {
        fiches: Vec<Uuid>,
    },
    /// Sets the B2B planner's settings (the plan stays as it is).
    SetB2bSettings {
        tables: u32,
        slot_min: u32,
        start: super::b2b::ClockTime,
        breaks: Vec<super::b2b::TimeRange>,
    },
    /// Replaces the B2B plan (what the planner made).
    PlanB2b {
        meetings: Vec<super::b2b::Meeting>,
    },
    /// Moves the meeting of `idea` to `table` (from 1) in `slot` (from 0), and locks it
    /// there; refused with the reason when it would clash.
    MoveMeeting {
        idea: Uuid,
        table: u32,
        slot: u32,
    },
    /// Locks or unlocks the meeting of `idea` where it is.
    LockMeeting {
        idea: Uuid,
        locked: bool,
    },
    /// An update (`change`) that changes only `fields` of one entity: it does what
    /// `change` does, and is named after the fields ("modifier le titre").
    EditFields {
        change: Box<Action>,
        fields: Vec<Field>,
    },
}

/// A field of an entity: the one an action requires, or the ones an edit changes (to
/// name it: "modifier le titre").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Description,
    Kind,
    Category,
    Status,
    Cluster,
    Table,
    Facilitator,
    Votes,
    Organisations,
    NextStep,
    Owner,
    Due,
    Organisation,
    Direction,
    Resource,
    Quantity,
    Unit,
    Frequency,
    Notes,
    Name,
    Sector,
    Town,
    Contact,
    Email,
    Phone,
    Attendance,
    SessionTitle,
    Venue,
    Organiser,
    Date,
    Language,
    CategoryKey,
    LabelFr,
    LabelEn,
    Fiches,
    HandPicked,
    Colour,
    Unavailable,
    B2bTables,
    B2bSlot,
}

impl Field {
    /// The field as a message names it, with its article ("le titre", "the title").
    pub fn word(self, language: Language) -> &'static str {
        let w = &words(language).model;
        match self {
            Field::Title => w.field_title,
            Field::Description => w.field_description,
            Field::Kind => w.field_kind,
            Field::Category => w.field_category,
            Field::Status => w.field_status,
            Field::Cluster => w.field_cluster,
            Field::Table => w.field_table,
            Field::Facilitator => w.field_facilitator,
            Field::Votes => w.field_votes,
            Field::Organisations => w.field_organisations,
            Field::NextStep => w.field_next_step,
            Field::Owner => w.field_owner,
            Field::Due => w.field_due,
            Field::Organisation => w.field_organisation,
            Field::Direction => w.field_direction,
            Field::Resource => w.field_resource,
            Field::Quantity => w.field_quantity,
            Field::Unit => w.field_unit,
            Field::Frequency => w.field_frequency,
            Field::Notes => w.field_notes,
            Field::Name => w.field_name,
            Field::Sector => w.field_sector,
            Field::Town => w.field_town,
            Field::Contact => w.field_contact,
            Field::Email => w.field_email,
            Field::Phone => w.field_phone,
            Field::Attendance => w.field_attendance,
            Field::SessionTitle => w.field_session_title,
            Field::Venue => w.field_venue,
            Field::Organiser => w.field_organiser,
            Field::Date => w.field_date,
            Field::Language => w.field_language,
            Field::CategoryKey => w.field_category_key,
            Field::LabelFr => w.field_label_fr,
            Field::LabelEn => w.field_label_en,
            Field::Fiches => w.field_fiches,
            Field::HandPicked => w.field_hand_picked,
            Field::Colour => w.field_colour,
            Field::Unavailable => w.field_unavailable,
            Field::B2bTables => w.field_b2b_tables,
            Field::B2bSlot => w.field_b2b_slot,
        }
    }

    /// The field an entity's `name` (as the session file writes it) stands for.
    pub fn from_file_name(name: &str) -> Option<Field> {
        Some(match name {
            "title" => Field::Title,
            "description" => Field::Description,
            "kind" => Field::Kind,
            "category" => Field::Category,
            "status" => Field::Status,
            "cluster" => Field::Cluster,
            "table" => Field::Table,
            "facilitator" => Field::Facilitator,
            "votes" => Field::Votes,
            "organisations" => Field::Organisations,
            "next_step" => Field::NextStep,
            "owner" => Field::Owner,
            "due" => Field::Due,
            "organisation" => Field::Organisation,
            "direction" => Field::Direction,
            "resource" => Field::Resource,
            "quantity" => Field::Quantity,
            "unit" => Field::Unit,
            "frequency" => Field::Frequency,
            "notes" => Field::Notes,
            "name" => Field::Name,
            "sector" => Field::Sector,
            "town" => Field::Town,
            "contact" => Field::Contact,
            "email" => Field::Email,
            "phone" => Field::Phone,
            "attendance" => Field::Attendance,
            "key" => Field::CategoryKey,
            "label_fr" => Field::LabelFr,
            "label_en" => Field::LabelEn,
            "fiches" => Field::Fiches,
            "hand_picked" => Field::HandPicked,
            "colour" => Field::Colour,
            "unavailable" => Field::Unavailable,
            _ => return None,
        })
    }
}

/// Why an action was refused. Nothing was changed. Displayed in French, the
/// interface's default; [`ActionError::message`] words it in a given language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// A required text is empty.
    Empty(Field),
    /// The action names an entity the session does not have.
    Missing {
        kind: EntityKind,
        id: Uuid,
    },
    DuplicateOrganisation(String),
    DuplicateCategory(String),
    CategoryInUse {
        category: String,
        uses: usize,
    },
    UnknownCategory(String),
    DuplicateId(Uuid),
    /// A B2B meeting cannot go there.
    Clash(crate::b2b::Clash),
    /// A B2B setting out of its range.
    B2bSetting(Field),
    Nothing,
}

impl ActionError {
    /// The message in the user's language.
    pub fn message(&self, language: Language) -> String {
        let w = &words(language).model;
        match self {
            ActionError::Empty(field) => fill(w.error_empty, &[("field", &field.word(language))]),
            ActionError::Missing { kind, .. } => {
                fill(w.error_missing, &[("kind", &kind.word(language))])
            }
            ActionError::DuplicateOrganisation(name) => {
                fill(w.error_duplicate_organisation, &[("name", name)])
            }
            ActionError::DuplicateCategory(key) => {
                fill(w.error_duplicate_category, &[("key", key)])
            }
            ActionError::CategoryInUse { category, uses } => fill(
                crate::i18n::counts(language)
                    .error_category_in_use
                    .form(language, *uses),
                &[("category", category), ("n", uses)],
            ),
            ActionError::UnknownCategory(key) => fill(w.error_unknown_category, &[("key", key)]),
            ActionError::DuplicateId(_) => w.error_duplicate_id.to_owned(),
            ActionError::Clash(clash) => clash.text(language),
            ActionError::B2bSetting(field) => {
                fill(w.error_b2b_setting, &[("field", &field.word(language))])
            }
            ActionError::Nothing => w.error_nothing.to_owned(),
        }
    }
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::Fr))
    }
}

impl std::error::Error for ActionError {}

impl Action {
    /// What the action does, as a short verb phrase for menus and "Undo: …".
    pub fn label(&self, language: Language) -> String {
        let w = &words(language).model;
        let text = |text: &str| text.to_owned();
        match self {
            Action::EditSessionInfo(_) => text(w.action_edit_session),
            Action::AddFacilitator(_) => text(w.action_add_facilitator),
            Action::UpdateFacilitator(_) => text(w.action_edit_facilitator),
            Action::RemoveFacilitator(_) => text(w.action_delete_facilitator),
            Action::AddTable(_) => text(w.action_add_table),
            Action::UpdateTable(_) => text(w.action_edit_table),
            Action::RemoveTable(_) => text(w.action_delete_table),
            Action::AddCategory(_) => text(w.action_add_category),
            Action::UpdateCategory(_) => text(w.action_edit_category),
            Action::RemoveCategory(_) => text(w.action_delete_category),
            Action::AddOrganisation(_) => text(w.action_add_organisation),
            Action::UpdateOrganisation(_) => text(w.action_edit_organisation),
            Action::RemoveOrganisation(_) => text(w.action_delete_organisation),
            Action::AddFiche(_) => text(w.action_add_fiche),
            Action::UpdateFiche(_) => text(w.action_edit_fiche),
            Action::RemoveFiche(_) => text(w.action_delete_fiche),
            Action::AddIdea(_) => text(w.action_add_idea),
            Action::UpdateIdea(_) => text(w.action_edit_idea),
            Action::RemoveIdeas(ids) => crate::i18n::counts(language)
                .action_delete_ideas
                .count(language, ids.len()),
            Action::AddCluster(_) => text(w.action_add_cluster),
            Action::UpdateCluster(_) => text(w.action_edit_cluster),
            Action::DissolveCluster(_) => text(w.action_dissolve_cluster),
            Action::MergeClusters { from, .. } => crate::i18n::counts(language)
                .action_merge_clusters
                .count(language, from.len() + 1),
            Action::GroupIdeas { ideas, .. } => crate::i18n::counts(language)
                .action_group_ideas
                .count(language, ideas.len()),
            Action::UngroupIdeas(ideas) => crate::i18n::counts(language)
                .action_ungroup_ideas
                .count(language, ideas.len()),
            Action::SetVotes { .. } | Action::AddVotes { .. } => text(w.action_vote),
            Action::SetStatus { ideas, status } => {
                let n = ideas.len();
                match status {
                    Status::Proposed => crate::i18n::counts(language)
                        .action_back_to_proposed
                        .count(language, n),
                    Status::Selected => crate::i18n::counts(language)
                        .action_select_for_b2b
                        .count(language, n),
                    _ => fill(
                        crate::i18n::counts(language)
                            .action_mark_status
                            .form(language, n),
                        &[("n", &n), ("status", &status.label(language))],
                    ),
                }
            }
            Action::SelectTopVoted { n } => crate::i18n::counts(language)
                .action_select_top_voted
                .count(language, *n),
            Action::Merge { files, .. } => crate::i18n::counts(language)
                .action_merge_files
                .count(language, *files),
            Action::DismissSuggestion { .. } => text(w.action_dismiss_suggestion),
            Action::SetB2bSettings { .. } => text(w.action_b2b_settings),
            Action::PlanB2b { .. } => text(w.action_plan_b2b),
            Action::MoveMeeting { .. } => text(w.action_move_meeting),
            Action::LockMeeting { locked: true, .. } => text(w.action_lock_meeting),
            Action::LockMeeting { locked: false, .. } => text(w.action_unlock_meeting),
            Action::Import(batch) => {
                let n = batch.organisations.len() + batch.fiches.len() + batch.ideas.len();
                crate::i18n::counts(language)
                    .action_import_rows
                    .count(language, n)
            }
            Action::EditFields { change, fields } => match fields.as_slice() {
                [one] => fill(w.action_edit_field, &[("field", &one.word(language))]),
                [first, second] => fill(
                    w.action_edit_two_fields,
                    &[
                        ("first", &first.word(language)),
                        ("second", &second.word(language)),
                    ],
                ),
                _ => change.label(language),
            },
        }
    }

    /// Validates the action against `session` and compiles it to edits. Refuses it,
    /// changing nothing, when it would leave the session inconsistent. Every field an
    /// edit changes is dated `now` (see [`crate::model::clock`]), whichever editor
    /// changed it; a merge's result keeps the dates it merged.
    pub fn plan(&self, session: &Session, now: Timestamp) -> Result<Vec<Edit>, ActionError> {
        let mut edits = self.plan_edits(session, now)?;
        if !matches!(self, Action::Merge { .. }) {
            let laptop = session.laptop_name();
            for edit in &mut edits {
                if let Edit::Put { record, .. } = edit {
                    record.date_changes(session, now, &laptop);
                }
            }
        }
        Ok(edits)
    }

    fn plan_edits(&self, session: &Session, now: Timestamp) -> Result<Vec<Edit>, ActionError> {
        let mut edits = Vec::new();
        match self {
            Action::EditSessionInfo(info) => {
                let mut info = info.clone();
                info.title = required(&info.title, Field::SessionTitle)?;
                info.modified = now;
                edits.push(Edit::Info(info));
            }
            Action::AddFacilitator(f) | Action::UpdateFacilitator(f) => {
                let adding = matches!(self, Action::AddFacilitator(_));
                let mut f = f.clone();
                f.name = required(&f.name, Field::Name)?;
                stamped(
                    session.facilitator(f.id),
                    &mut f,
                    adding,
                    now,
                    EntityKind::Facilitator,
                )?;
                edits.push(put(Record::Facilitator(f)));
            }
            Action::RemoveFacilitator(id) => {
                let _ = exists(session.facilitator(*id), EntityKind::Facilitator, *id)?;
                let facilitated = |f: &Option<Uuid>| *f == Some(*id);
                edits.extend(relink(&session.tables, now, Record::Table, |t| {
                    facilitated(&t.facilitator).then(|| t.facilitator = None)
                }));
                edits.extend(relink(&session.ideas, now, Record::Idea, |i| {
                    facilitated(&i.facilitator).then(|| i.facilitator = None)
                }));
                edits.push(Edit::Delete {
                    at: Some(now),
                    kind: EntityKind::Facilitator,
                    id: *id,
                });
            }
            Action::AddTable(t) | Action::UpdateTable(t) => {
                let adding = matches!(self, Action::AddTable(_));
                let mut t = t.clone();
                t.name = required(&t.name, Field::Name)?;
                if let Some(f) = t.facilitator {
                    exists(session.facilitator(f), EntityKind::Facilitator, f)?;
                }
                stamped(session.table(t.id), &mut t, adding, now, EntityKind::Table)?;
                edits.push(put(Record::Table(t)));
            }
            Action::RemoveTable(id) => {
                exists(session.table(*id), EntityKind::Table, *id)?;
                let at_table = |t: &Option<Uuid>| *t == Some(*id);
                edits.extend(relink(
                    &session.organisations,
                    now,
                    Record::Organisation,
                    |o| at_table(&o.table).then(|| o.table = None),
                ));
                edits.extend(relink(&session.ideas, now, Record::Idea, |i| {
                    at_table(&i.table).then(|| i.table = None)
                }));
                edits.push(Edit::Delete {
                    at: Some(now),
                    kind: EntityKind::Table,
                    id: *id,
                });
            }
            Action::AddCategory(c) | Action::UpdateCategory(c) => {
                let adding = matches!(self, Action::AddCategory(_));
                let mut c = c.clone();
                c.key = required(&c.key, Field::CategoryKey)?;
                c.label_fr = required(&c.label_fr, Field::Name)?;
                if c.label_en.trim().is_empty() {
                    c.label_en = c.label_fr.clone();
                }
                if session
                    .categories
                    .iter()
                    .any(|other| other.id != c.id && fold(&other.key) == fold(&c.key))
                {
                    return Err(ActionError::DuplicateCategory(c.key));
                }
                let previous = session.categories.iter().find(|e| e.id == c.id);
                stamped(previous, &mut c, adding, now, EntityKind::Category)?;
                // A renamed key carries its resource sheets and ideas along.
                if let Some(old) = previous.filter(|old| old.key != c.key) {
                    edits.extend(relink(&session.fiches, now, Record::Fiche, |f| {
                        (f.category == old.key).then(|| f.category = c.key.clone())
                    }));
                    edits.extend(relink(&session.ideas, now, Record::Idea, |i| {
                        (i.category.as_deref() == Some(old.key.as_str()))
                            .then(|| i.category = Some(c.key.clone()))
                    }));
                }
                edits.push(put(Record::Category(c)));
            }
            Action::RemoveCategory(id) => {
                let category = session.categories.iter().find(|c| c.id == *id).ok_or(
                    ActionError::Missing {
                        kind: EntityKind::Category,
                        id: *id,
                    },
                )?;
                let uses = session
                    .fiches
                    .iter()
                    .filter(|f| f.category == category.key)
                    .count()
                    + session
                        .ideas
                        .iter()
                        .filter(|i| i.category.as_deref() == Some(category.key.as_str()))
                        .count();
                if uses > 0 {
                    return Err(ActionError::CategoryInUse {
                        category: category.label_fr.clone(),
                        uses,
                    });
                }
                edits.push(Edit::Delete {
                    at: Some(now),
                    kind: EntityKind::Category,
                    id: *id,
                });
            }
            Action::AddOrganisation(o) | Action::UpdateOrganisation(o) => {
                let adding = matches!(self, Action::AddOrganisation(_));
                let mut o = o.clone();
                o.name = required(&o.name, Field::Name)?;
                let key = fold(&o.name);
                if session
                    .organisations
                    .iter()
                    .any(|other| other.id != o.id && fold(&other.name) == key)
                {
                    return Err(ActionError::DuplicateOrganisation(o.name));
                }
                if let Some(t) = o.table {
                    exists(session.table(t), EntityKind::Table, t)?;
                }
                stamped(
                    session.organisation(o.id),
                    &mut o,
                    adding,
                    now,
                    EntityKind::Organisation,
                )?;
                edits.push(put(Record::Organisation(o)));
            }
            Action::RemoveOrganisation(id) => {
                exists(session.organisation(*id), EntityKind::Organisation, *id)?;
                let removed_fiches: HashSet<Uuid> = session
                    .fiches
                    .iter()
                    .filter(|f| f.organisation == *id)
                    .map(|f| f.id)
                    .collect();
                for idea in &session.ideas {
                    let mentions = idea.organisations.contains(id)
                        || idea.owner == Some(*id)
                        || idea.fiches.iter().any(|f| removed_fiches.contains(f));
                    if mentions {
                        let mut idea = idea.clone();
                        idea.organisations.retain(|o| o != id);
                        idea.fiches.retain(|f| !removed_fiches.contains(f));
                        if idea.owner == Some(*id) {
                            idea.owner = None;
                        }
                        idea.modified = now;
                        edits.push(put(Record::Idea(idea)));
                    }
                }
                for fiche in session.fiches.iter().filter(|f| f.organisation == *id) {
                    edits.push(Edit::Delete {
                        at: Some(now),
                        kind: EntityKind::Fiche,
                        id: fiche.id,
                    });
                }
                edits.push(Edit::Delete {
                    at: Some(now),
                    kind: EntityKind::Organisation,
                    id: *id,
                });
            }
            Action::AddFiche(f) | Action::UpdateFiche(f) => {
                let adding = matches!(self, Action::AddFiche(_));
                let mut f = f.clone();
                f.resource = required(&f.resource, Field::Resource)?;
                exists(
                    session.organisation(f.organisation),
                    EntityKind::Organisation,
                    f.organisation,
                )?;
                if session.category(&f.category).is_none() {
                    return Err(ActionError::UnknownCategory(f.category));
                }
                stamped(session.fiche(f.id), &mut f, adding, now, EntityKind::Fiche)?;
                edits.push(put(Record::Fiche(f)));
            }
            Action::RemoveFiche(id) => {
                exists(session.fiche(*id), EntityKind::Fiche, *id)?;
                for idea in session.ideas.iter().filter(|i| i.fiches.contains(id)) {
                    let mut idea = idea.clone();
                    idea.fiches.retain(|f| f != id);
                    idea.modified = now;
                    edits.push(put(Record::Idea(idea)));
                }
                edits.push(Edit::Delete {
                    at: Some(now),
                    kind: EntityKind::Fiche,
                    id: *id,
                });
            }
            Action::AddIdea(idea) | Action::UpdateIdea(idea) => {
                let adding = matches!(self, Action::AddIdea(_));
                let mut idea = idea.clone();
                validate_idea(session, &mut idea)?;
                stamped(
                    session.idea(idea.id),
                    &mut idea,
                    adding,
                    now,
                    EntityKind::Idea,
                )?;
                edits.push(put(Record::Idea(idea)));
            }
            Action::RemoveIdeas(ids) => {
                if ids.is_empty() {
                    return Err(ActionError::Nothing);
                }
                for id in unique(ids) {
                    exists(session.idea(id), EntityKind::Idea, id)?;
                    edits.push(Edit::Delete {
                        at: Some(now),
                        kind: EntityKind::Idea,
                        id,
                    });
                }
            }
            Action::AddCluster(c) | Action::UpdateCluster(c) => {
                let adding = matches!(self, Action::AddCluster(_));
                let mut c = c.clone();
                c.name = required(&c.name, Field::Name)?;
                stamped(
                    session.cluster(c.id),
                    &mut c,
                    adding,
                    now,
                    EntityKind::Cluster,
                )?;
                edits.push(put(Record::Cluster(c)));
            }
            Action::DissolveCluster(id) => {
                exists(session.cluster(*id), EntityKind::Cluster, *id)?;
                regroup(session, now, |i| i.cluster == Some(*id), None, &mut edits);
                edits.push(Edit::Delete {
                    at: Some(now),
                    kind: EntityKind::Cluster,
                    id: *id,
                });
            }
            Action::MergeClusters { into, from } => {
                exists(session.cluster(*into), EntityKind::Cluster, *into)?;
                let from: Vec<Uuid> = unique(from).into_iter().filter(|c| c != into).collect();
                if from.is_empty() {
                    return Err(ActionError::Nothing);
                }
                for id in &from {
                    exists(session.cluster(*id), EntityKind::Cluster, *id)?;
                }
                regroup(
                    session,
                    now,
                    |i| i.cluster.is_some_and(|c| from.contains(&c)),
                    Some(*into),
                    &mut edits,
                );
                for id in from {
                    edits.push(Edit::Delete {
                        at: Some(now),
                        kind: EntityKind::Cluster,
                        id,
                    });
                }
            }
            Action::GroupIdeas { ideas, target } => {
                let ideas = unique(ideas);
                if ideas.is_empty() {
                    return Err(ActionError::Nothing);
                }
                for id in &ideas {
                    exists(session.idea(*id), EntityKind::Idea, *id)?;
                }
                let cluster_id = match target {
                    ClusterTarget::Existing(id) => {
                        exists(session.cluster(*id), EntityKind::Cluster, *id)?;
                        *id
                    }
                    ClusterTarget::New(cluster) => {
                        let mut cluster = cluster.clone();
                        cluster.name = required(&cluster.name, Field::Name)?;
                        if session.cluster(cluster.id).is_some() {
                            return Err(ActionError::DuplicateId(cluster.id));
                        }
                        cluster.created = now;
                        cluster.modified = now;
                        let id = cluster.id;
                        edits.push(put(Record::Cluster(cluster)));
                        id
                    }
                };
                regroup(
                    session,
                    now,
                    |i| ideas.contains(&i.id),
                    Some(cluster_id),
                    &mut edits,
                );
            }
            Action::UngroupIdeas(ids) => {
                let ids = unique(ids);
                for id in &ids {
                    exists(session.idea(*id), EntityKind::Idea, *id)?;
                }
                regroup(session, now, |i| ids.contains(&i.id), None, &mut edits);
            }
            Action::SetVotes { idea, votes } => {
                let current = exists(session.idea(*idea), EntityKind::Idea, *idea)?;
                edits.extend(set_votes(current, *votes, now));
            }
            Action::AddVotes { idea, delta } => {
                let current = exists(session.idea(*idea), EntityKind::Idea, *idea)?;
                let votes = i64::from(current.votes)
                    .saturating_add(i64::from(*delta))
                    .clamp(0, i64::from(u32::MAX));
                let votes = u32::try_from(votes).unwrap_or(0);
                edits.extend(set_votes(current, votes, now));
            }
            Action::SetStatus { ideas, status } => {
                let ideas = unique(ideas);
                if ideas.is_empty() {
                    return Err(ActionError::Nothing);
                }
                for id in ideas {
                    let current = exists(session.idea(id), EntityKind::Idea, id)?;
                    if current.status != *status {
                        let mut idea = current.clone();
                        idea.status = *status;
                        idea.hand_picked = *status != Status::Proposed;
                        idea.modified = now;
                        edits.push(put(Record::Idea(idea)));
                    }
                }
            }
            Action::SelectTopVoted { n } => {
                let plan = TopVotedPlan::of(session, *n);
                let now_status = |id: Uuid| {
                    if plan.select.contains(&id) {
                        Some(Status::Selected)
                    } else if plan.unselect.contains(&id) {
                        Some(Status::Proposed)
                    } else {
                        None
                    }
                };
                for idea in &session.ideas {
                    if let Some(status) = now_status(idea.id) {
                        let mut idea = idea.clone();
                        idea.status = status;
                        idea.hand_picked = false;
                        idea.modified = now;
                        edits.push(put(Record::Idea(idea)));
                    }
                }
            }
            Action::EditFields { change, fields } => {
                if fields.is_empty() {
                    return Err(ActionError::Nothing);
                }
                edits = change.plan(session, now)?;
            }
            Action::DismissSuggestion { fiches } => {
                let fiches = crate::matching::sorted(fiches.clone());
                if fiches.len() < 2 || session.dismissed.iter().any(|d| d.fiches == fiches) {
                    return Err(ActionError::Nothing);
                }
                let mut dismissed = session.dismissed.clone();
                dismissed.push(crate::model::Dismissal {
                    fiches,
                    at: now,
                    by: session.laptop_name(),
                });
                edits.push(Edit::Dismissed(dismissed));
            }
            Action::SetB2bSettings {
                tables,
                slot_min,
                start,
                breaks,
            } => {
                if *tables == 0 || *tables > super::b2b::MAX_TABLES {
                    return Err(ActionError::B2bSetting(Field::B2bTables));
                }
                if !super::b2b::SLOT_MIN_RANGE.contains(slot_min) {
                    return Err(ActionError::B2bSetting(Field::B2bSlot));
                }
                let mut b2b = session.b2b.clone();
                b2b.tables = *tables;
                b2b.slot_min = *slot_min;
                b2b.start = *start;
                b2b.breaks = breaks.clone();
                b2b.breaks.sort();
                b2b.breaks.dedup();
                edits.extend(b2b_edit(session, b2b, now));
            }
            Action::PlanB2b { meetings } => {
                let mut b2b = session.b2b.clone();
                b2b.meetings = meetings.clone();
                edits.extend(b2b_edit(session, b2b, now));
            }
            Action::MoveMeeting { idea, table, slot } => {
                if session.idea(*idea).is_none() {
                    return Err(ActionError::Missing {
                        kind: EntityKind::Idea,
                        id: *idea,
                    });
                }
                if let Some(clash) = crate::b2b::clash(session, &session.b2b, *idea, *table, *slot)
                {
                    return Err(ActionError::Clash(clash));
                }
                let mut b2b = session.b2b.clone();
                let moved = super::b2b::Meeting {
                    idea: *idea,
                    table: *table,
                    slot: *slot,
                    locked: true,
                };
                match b2b.meetings.iter_mut().find(|m| m.idea == *idea) {
                    Some(m) => *m = moved,
                    None => b2b.meetings.push(moved),
                }
                edits.extend(b2b_edit(session, b2b, now));
            }
            Action::LockMeeting { idea, locked } => {
                let mut b2b = session.b2b.clone();
                let Some(m) = b2b.meetings.iter_mut().find(|m| m.idea == *idea) else {
                    return Err(ActionError::Missing {
                        kind: EntityKind::Idea,
                        id: *idea,
                    });
                };
                m.locked = *locked;
                edits.extend(b2b_edit(session, b2b, now));
            }
            Action::Merge { merged, .. } => {
                edits = diff(session, merged, now);
                if edits.is_empty() {
                    return Err(ActionError::Nothing);
                }
            }
            Action::Import(batch) => {
                if batch.is_empty() {
                    return Err(ActionError::Nothing);
                }
                // Every id must be new: to the batch, and to the session's list of its
                // kind. Checked with sets, in one pass over each list: linear in the
                // sizes of both, never their product.
                let mut seen = HashSet::new();
                for id in batch.ids() {
                    if !seen.insert(id) {
                        return Err(ActionError::DuplicateId(id));
                    }
                }
                fn clash<T: Entity, U: Entity>(existing: &[T], new: &[U]) -> Option<Uuid> {
                    if new.is_empty() || existing.is_empty() {
                        return None;
                    }
                    let ids: HashSet<Uuid> = existing.iter().map(Entity::id).collect();
                    new.iter().map(Entity::id).find(|id| ids.contains(id))
                }
                let clashing = clash(&session.facilitators, &batch.facilitators)
                    .or_else(|| clash(&session.tables, &batch.tables))
                    .or_else(|| clash(&session.clusters, &batch.clusters))
                    .or_else(|| clash(&session.organisations, &batch.organisations))
                    .or_else(|| clash(&session.fiches, &batch.fiches))
                    .or_else(|| clash(&session.ideas, &batch.ideas));
                if let Some(id) = clashing {
                    return Err(ActionError::DuplicateId(id));
                }
                // One edit for the whole batch, undone by cutting the lists back.
                edits.push(Edit::Append(Box::new(batch.clone())));
            }
        }
        Ok(edits)
    }
}

/// The edits that turn `from` into `to`, entity by entity.
fn diff(from: &Session, to: &Session, now: Timestamp) -> Vec<Edit> {
    // A deletion the other session records keeps its time; otherwise it is now.
    let deleted_at = |id: Uuid| to.deleted.iter().find(|d| d.id == id).map_or(now, |d| d.at);
    fn collection<T: PartialEq + crate::model::Entity>(
        from: &[T],
        to: &[T],
        wrap: fn(T) -> Record,
        kind: EntityKind,
        edits: &mut Vec<Edit>,
        deleted_at: &dyn Fn(Uuid) -> Timestamp,
    ) {
        for (index, item) in to.iter().enumerate() {
            if from.iter().find(|f| f.id() == item.id()) != Some(item) {
                edits.push(Edit::Put {
                    record: Box::new(wrap(item.clone())),
                    index: Some(index),
                });
            }
        }
        for item in from.iter().filter(|f| !to.iter().any(|t| t.id() == f.id())) {
            edits.push(Edit::Delete {
                at: Some(deleted_at(item.id())),
                kind,
                id: item.id(),
            });
        }
    }
    // What was deleted is set as `to` has it once the entities are: the deletions the
    // edits below record on their own are replaced (and restored first on undo).
    let mut edits = Vec::new();
    if from.info != to.info {
        edits.push(Edit::Info(to.info.clone()));
    }
    collection(
        &from.facilitators,
        &to.facilitators,
        Record::Facilitator,
        EntityKind::Facilitator,
        &mut edits,
        &deleted_at,
    );
    collection(
        &from.tables,
        &to.tables,
        Record::Table,
        EntityKind::Table,
        &mut edits,
        &deleted_at,
    );
    collection(
        &from.categories,
        &to.categories,
        Record::Category,
        EntityKind::Category,
        &mut edits,
        &deleted_at,
    );
    collection(
        &from.clusters,
        &to.clusters,
        Record::Cluster,
        EntityKind::Cluster,
        &mut edits,
        &deleted_at,
    );
    collection(
        &from.organisations,
        &to.organisations,
        Record::Organisation,
        EntityKind::Organisation,
        &mut edits,
        &deleted_at,
    );
    collection(
        &from.fiches,
        &to.fiches,
        Record::Fiche,
        EntityKind::Fiche,
        &mut edits,
        &deleted_at,
    );
    collection(
        &from.ideas,
        &to.ideas,
        Record::Idea,
        EntityKind::Idea,
        &mut edits,
        &deleted_at,
    );
    if from.dismissed != to.dismissed {
        edits.push(Edit::Dismissed(to.dismissed.clone()));
    }
    if from.b2b != to.b2b {
        edits.push(Edit::B2b(Box::new(to.b2b.clone())));
    }
    if edits.is_empty() && from.deleted == to.deleted {
        return edits;
    }
    edits.insert(0, Edit::Tombstones(from.deleted.clone()));
    edits.push(Edit::Tombstones(to.deleted.clone()));
    edits
}

/// The edits that change every one of `items` that `change` changes (it returns
/// `Some` when it did, on a copy), each marked as modified at `now`.
fn relink<T: Entity>(
    items: &[T],
    now: Timestamp,
    wrap: fn(T) -> Record,
    change: impl Fn(&mut T) -> Option<()>,
) -> Vec<Edit> {
    items
        .iter()
        .filter_map(|item| {
            let mut item = item.clone();
            change(&mut item)?;
            item.touch(now);
            Some(put(wrap(item)))
        })
        .collect()
}

fn put(record: Record) -> Edit {
    Edit::Put {
        record: Box::new(record),
        index: None,
    }
}

/// The trimmed text, or an error naming the empty field.
fn required(text: &str, what: Field) -> Result<String, ActionError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(ActionError::Empty(what))
    } else {
        Ok(trimmed.to_owned())
    }
}

fn exists<T>(found: Option<&T>, kind: EntityKind, id: Uuid) -> Result<&T, ActionError> {
    found.ok_or(ActionError::Missing { kind, id })
}

/// Refuses to add what exists or to update what does not.
fn check_presence(
    adding: bool,
    present: bool,
    kind: EntityKind,
    id: Uuid,
) -> Result<(), ActionError> {
    match (adding, present) {
        (true, true) => Err(ActionError::DuplicateId(id)),
        (false, false) => Err(ActionError::Missing { kind, id }),
        _ => Ok(()),
    }
}

/// Checks that an entity being added (`adding`) is new, or one being updated exists
/// (`existing`), and sets its times: created now or when it was, modified now.
fn stamped<T: Entity>(
    existing: Option<&T>,
    item: &mut T,
    adding: bool,
    now: Timestamp,
    kind: EntityKind,
) -> Result<(), ActionError> {
    check_presence(adding, existing.is_some(), kind, item.id())?;
    let created = if adding {
        now
    } else {
        existing.map_or(item.created(), Entity::created)
    };
    item.set_created(created);
    item.touch(now);
    Ok(())
}

fn unique(ids: &[Uuid]) -> Vec<Uuid> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

fn set_votes(idea: &Idea, votes: u32, now: Timestamp) -> Option<Edit> {
    (idea.votes != votes).then(|| {
        let mut idea = idea.clone();
        idea.votes = votes;
        idea.modified = now;
        put(Record::Idea(idea))
    })
}

/// Moves every idea matching `which` to `cluster`.
fn regroup(
    session: &Session,
    now: Timestamp,
    which: impl Fn(&Idea) -> bool,
    cluster: Option<Uuid>,
    edits: &mut Vec<Edit>,
) {
    for idea in session
        .ideas
        .iter()
        .filter(|i| which(i) && i.cluster != cluster)
    {
        let mut idea = idea.clone();
        idea.cluster = cluster;
        idea.modified = now;
        edits.push(put(Record::Idea(idea)));
    }
}

/// Checks an idea's title and references; trims its text.
fn validate_idea(session: &Session, idea: &mut Idea) -> Result<(), ActionError> {
    idea.title = required(&idea.title, Field::Title)?;
    for id in &idea.organisations {
        exists(session.organisation(*id), EntityKind::Organisation, *id)?;
    }
    idea.organisations = unique(&idea.organisations);
    for id in &idea.fiches {
        exists(session.fiche(*id), EntityKind::Fiche, *id)?;
    }
    idea.fiches = unique(&idea.fiches);
    if let Some(key) = &idea.category
        && session.category(key).is_none()
    {
        return Err(ActionError::UnknownCategory(key.clone()));
    }
    if let Some(t) = idea.table {
        exists(session.table(t), EntityKind::Table, t)?;
    }
    if let Some(f) = idea.facilitator {
        exists(session.facilitator(f), EntityKind::Facilitator, f)?;
    }
    if let Some(c) = idea.cluster {
        exists(session.cluster(c), EntityKind::Cluster, c)?;
    }
    if let Some(o) = idea.owner {
        exists(session.organisation(o), EntityKind::Organisation, o)?;
    }
    Ok(())
}

/// What "Retenir les N" would change: said before it is done, and what it does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopVotedPlan {
    /// Proposed ideas among the `n` most voted, to select.
    pub select: Vec<Uuid>,
    /// Ideas a previous "Retenir les N" selected, not triaged yet, now outside the top.
    pub unselect: Vec<Uuid>,
    /// Ideas outside the top, selected by hand, that stay selected.
    pub kept_by_hand: usize,
}

impl TopVotedPlan {
    /// The plan for the `n` most voted ideas (ties: the earliest first).
    pub fn of(session: &Session, n: usize) -> Self {
        let mut ranked: Vec<&Idea> = session.ideas.iter().collect();
        ranked.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.created.cmp(&b.created)));
        let top: HashSet<Uuid> = ranked.iter().take(n).map(|i| i.id).collect();
        let mut plan = Self::default();
        for idea in &session.ideas {
            match idea.status {
                Status::Proposed if top.contains(&idea.id) => plan.select.push(idea.id),
                Status::Selected if !top.contains(&idea.id) => {
                    if idea.hand_picked {
                        plan.kept_by_hand += 1;
                    } else {
                        plan.unselect.push(idea.id);
                    }
                }
                _ => {}
            }
        }
        plan
    }

    /// True when it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.select.is_empty() && self.unselect.is_empty()
    }
}

/// The edit that makes `b2b` the session's, dated `now`; none when nothing changes.
fn b2b_edit(session: &Session, mut b2b: super::b2b::B2b, now: Timestamp) -> Option<Edit> {
    let unchanged = super::b2b::B2b {
        modified: session.b2b.modified,
        ..b2b.clone()
    } == session.b2b;
    if unchanged {
        return None;
    }
    b2b.modified = Some(now);
    Some(Edit::B2b(Box::new(b2b)))
}
