//! Every change to a session is one [`Action`]: the app, the command line and the tests
//! all go through [`Action::plan`], which validates it and compiles it to [`Edit`]s.

use std::collections::HashSet;

use uuid::Uuid;

use super::edit::{Edit, EntityKind, Record};
use super::entities::{
    Category, Cluster, Facilitator, Fiche, Idea, Language, Organisation, Session, SessionInfo,
    Status, Table, Timestamp,
};
use super::text::fold;

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
    pub fn is_empty(&self) -> bool {
        self.facilitators.is_empty()
            && self.tables.is_empty()
            && self.clusters.is_empty()
            && self.organisations.is_empty()
            && self.fiches.is_empty()
            && self.ideas.is_empty()
    }
}

/// A field of an entity, to name an edit after it ("modifier le titre").
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
}

impl Field {
    /// The field with its article, as it follows a verb: "le titre", "the title".
    pub fn label(self, language: Language) -> &'static str {
        let (fr, en) = match self {
            Field::Title => ("le titre", "the title"),
            Field::Description => ("la description", "the description"),
            Field::Kind => ("le type", "the kind"),
            Field::Category => ("la catégorie", "the category"),
            Field::Status => ("le statut", "the status"),
            Field::Cluster => ("le regroupement", "the cluster"),
            Field::Table => ("la table", "the table"),
            Field::Facilitator => ("l'animateur·rice", "the facilitator"),
            Field::Votes => ("les votes", "the votes"),
            Field::Organisations => ("les organisations", "the organisations"),
            Field::NextStep => ("la prochaine étape", "the next step"),
            Field::Owner => ("le référent", "the owner"),
            Field::Due => ("l'échéance", "the due date"),
            Field::Organisation => ("l'organisation", "the organisation"),
            Field::Direction => ("le sens", "the direction"),
            Field::Resource => ("la ressource", "the resource"),
            Field::Quantity => ("la quantité", "the quantity"),
            Field::Unit => ("l'unité", "the unit"),
            Field::Frequency => ("la fréquence", "the frequency"),
            Field::Notes => ("les notes", "the notes"),
            Field::Name => ("le nom", "the name"),
            Field::Sector => ("le secteur", "the sector"),
            Field::Town => ("la commune", "the town"),
            Field::Contact => ("le contact", "the contact"),
            Field::Email => ("le courriel", "the email"),
            Field::Phone => ("le téléphone", "the phone"),
            Field::Attendance => ("la présence", "the attendance"),
            Field::SessionTitle => ("le titre de l'atelier", "the session title"),
            Field::Venue => ("le lieu", "the venue"),
            Field::Organiser => ("l'organisateur", "the organiser"),
            Field::Date => ("la date", "the date"),
            Field::Language => ("la langue", "the language"),
        };
        match language {
            Language::Fr => fr,
            Language::En => en,
        }
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
    /// selected but not yet triaged that fall outside the top `n` go back to proposed.
    SelectTopVoted {
        n: usize,
    },
    Import(ImportBatch),
    /// Replaces the session's content by the result of merging `files` table files.
    Merge {
        merged: Box<Session>,
        files: usize,
    },
    /// An update (`change`) that changes only `fields` of one entity: it does what
    /// `change` does, and is named after the fields ("modifier le titre").
    EditFields {
        change: Box<Action>,
        fields: Vec<Field>,
    },
}

/// Why an action was refused. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    #[error("{0} is empty")]
    Empty(&'static str),
    #[error("no {kind} with id {id} in this session")]
    Missing { kind: &'static str, id: Uuid },
    #[error("an organisation named \"{0}\" is already in the session")]
    DuplicateOrganisation(String),
    #[error("a category with the key \"{0}\" already exists")]
    DuplicateCategory(String),
    #[error("the category \"{category}\" is used by {uses} resource sheets or ideas")]
    CategoryInUse { category: String, uses: usize },
    #[error("no category \"{0}\" in this session")]
    UnknownCategory(String),
    #[error("an entity with id {0} is already in the session")]
    DuplicateId(Uuid),
    #[error("nothing to do")]
    Nothing,
}

impl ActionError {
    /// The message in the user's language.
    pub fn message(&self, language: Language) -> String {
        if language == Language::En {
            return self.to_string();
        }
        match self {
            ActionError::Empty(what) => format!("{} est vide", french_field(what)),
            ActionError::Missing { kind, .. } => {
                format!("{} introuvable dans cet atelier", french_kind(kind))
            }
            ActionError::DuplicateOrganisation(name) => {
                format!("une organisation nommée « {name} » existe déjà dans l'atelier")
            }
            ActionError::DuplicateCategory(key) => {
                format!("une catégorie de clé « {key} » existe déjà")
            }
            ActionError::CategoryInUse { category, uses } => {
                format!("la catégorie « {category} » est utilisée par {uses} fiches ou idées")
            }
            ActionError::UnknownCategory(key) => {
                format!("pas de catégorie « {key} » dans cet atelier")
            }
            ActionError::DuplicateId(_) => "cet élément existe déjà dans l'atelier".into(),
            ActionError::Nothing => "rien à faire".into(),
        }
    }
}

fn french_field(what: &str) -> &'static str {
    match what {
        "the title" => "le titre",
        "the name" => "le nom",
        "the resource" => "la ressource",
        "the session title" => "le titre de l'atelier",
        "the category key" => "la clé de la catégorie",
        _ => "le champ",
    }
}

fn french_kind(kind: &str) -> &'static str {
    match kind {
        "idea" => "idée",
        "organisation" => "organisation",
        "resource sheet" => "fiche",
        "cluster" => "regroupement",
        "table" => "table",
        "facilitator" => "animateur·rice",
        _ => "élément",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl Action {
    /// What the action does, as a short verb phrase for menus and "Undo: …".
    pub fn label(&self, language: Language) -> String {
        let fr = language == Language::Fr;
        let pick = |f: &str, e: &str| if fr { f.to_owned() } else { e.to_owned() };
        match self {
            Action::EditSessionInfo(_) => pick("modifier l'atelier", "edit the session"),
            Action::AddFacilitator(_) => pick("ajouter un·e animateur·rice", "add a facilitator"),
            Action::UpdateFacilitator(_) => {
                pick("modifier un·e animateur·rice", "edit a facilitator")
            }
            Action::RemoveFacilitator(_) => {
                pick("supprimer un·e animateur·rice", "delete a facilitator")
            }
            Action::AddTable(_) => pick("ajouter une table", "add a table"),
            Action::UpdateTable(_) => pick("modifier une table", "edit a table"),
            Action::RemoveTable(_) => pick("supprimer une table", "delete a table"),
            Action::AddCategory(_) => pick("ajouter une catégorie", "add a category"),
            Action::UpdateCategory(_) => pick("modifier une catégorie", "edit a category"),
            Action::RemoveCategory(_) => pick("supprimer une catégorie", "delete a category"),
            Action::AddOrganisation(_) => pick("ajouter une organisation", "add an organisation"),
            Action::UpdateOrganisation(_) => {
                pick("modifier une organisation", "edit an organisation")
            }
            Action::RemoveOrganisation(_) => {
                pick("supprimer une organisation", "delete an organisation")
            }
            Action::AddFiche(_) => pick("ajouter une fiche", "add a resource sheet"),
            Action::UpdateFiche(_) => pick("modifier une fiche", "edit a resource sheet"),
            Action::RemoveFiche(_) => pick("supprimer une fiche", "delete a resource sheet"),
            Action::AddIdea(_) => pick("ajouter une idée", "add an idea"),
            Action::UpdateIdea(_) => pick("modifier une idée", "edit an idea"),
            Action::RemoveIdeas(ids) => {
                if fr {
                    format!("supprimer {}", plural(ids.len(), "idée", "idées"))
                } else {
                    format!("delete {}", plural(ids.len(), "idea", "ideas"))
                }
            }
            Action::AddCluster(_) => pick("créer un regroupement", "create a cluster"),
            Action::UpdateCluster(_) => pick("modifier un regroupement", "edit a cluster"),
            Action::DissolveCluster(_) => pick("dissoudre un regroupement", "dissolve a cluster"),
            Action::MergeClusters { from, .. } => {
                if fr {
                    format!(
                        "fusionner {}",
                        plural(from.len() + 1, "regroupement", "regroupements")
                    )
                } else {
                    format!("merge {}", plural(from.len() + 1, "cluster", "clusters"))
                }
            }
            Action::GroupIdeas { ideas, .. } => {
                if fr {
                    format!("regrouper {}", plural(ideas.len(), "idée", "idées"))
                } else {
                    format!("group {}", plural(ideas.len(), "idea", "ideas"))
                }
            }
            Action::UngroupIdeas(ideas) => {
                if fr {
                    format!("dégrouper {}", plural(ideas.len(), "idée", "idées"))
                } else {
                    format!("ungroup {}", plural(ideas.len(), "idea", "ideas"))
                }
            }
            Action::SetVotes { .. } | Action::AddVotes { .. } => pick("voter", "vote"),
            Action::SetStatus { ideas, status } => {
                let n = ideas.len();
                match (status, fr) {
                    (Status::Proposed, true) => {
                        format!("remettre {} en proposition", plural(n, "idée", "idées"))
                    }
                    (Status::Proposed, false) => {
                        format!("set {} back to proposed", plural(n, "idea", "ideas"))
                    }
                    (Status::Selected, true) => {
                        format!("retenir {} pour les B2B", plural(n, "idée", "idées"))
                    }
                    (Status::Selected, false) => {
                        format!("select {} for B2B", plural(n, "idea", "ideas"))
                    }
                    (_, true) => format!(
                        "classer {} « {} »",
                        plural(n, "idée", "idées"),
                        status.label(language)
                    ),
                    (_, false) => format!(
                        "mark {} \"{}\"",
                        plural(n, "idea", "ideas"),
                        status.label(language)
                    ),
                }
            }
            Action::SelectTopVoted { n } => {
                if fr {
                    format!("retenir les {n} idées les plus votées")
                } else {
                    format!("select the {n} most voted ideas")
                }
            }
            Action::Merge { files, .. } => {
                if fr {
                    format!(
                        "fusionner {}",
                        plural(*files, "fichier de table", "fichiers de table")
                    )
                } else {
                    format!("merge {}", plural(*files, "table file", "table files"))
                }
            }
            Action::Import(batch) => {
                let n = batch.organisations.len() + batch.fiches.len() + batch.ideas.len();
                if fr {
                    format!("importer {}", plural(n, "ligne", "lignes"))
                } else {
                    format!("import {}", plural(n, "row", "rows"))
                }
            }
            Action::EditFields { change, fields } => match fields.as_slice() {
                [one] => format!("{} {}", pick("modifier", "edit"), one.label(language)),
                [a, b] => format!(
                    "{} {} {} {}",
                    pick("modifier", "edit"),
                    a.label(language),
                    pick("et", "and"),
                    b.label(language)
                ),
                _ => change.label(language),
            },
        }
    }

    /// Validates the action against `session` and compiles it to edits. Refuses it,
    /// changing nothing, when it would leave the session inconsistent.
    pub fn plan(&self, session: &Session, now: Timestamp) -> Result<Vec<Edit>, ActionError> {
        let mut edits = Vec::new();
        match self {
            Action::EditSessionInfo(info) => {
                let mut info = info.clone();
                info.title = required(&info.title, "the session title")?;
                info.modified = now;
                edits.push(Edit::Info(info));
            }
            Action::AddFacilitator(f) | Action::UpdateFacilitator(f) => {
                let adding = matches!(self, Action::AddFacilitator(_));
                let mut f = f.clone();
                f.name = required(&f.name, "the name")?;
                stamp(&mut f.created, &mut f.modified, now, adding, || {
                    session.facilitator(f.id).map(|e| e.created)
                });
                check_presence(
                    adding,
                    session.facilitator(f.id).is_some(),
                    "facilitator",
                    f.id,
                )?;
                edits.push(put(Record::Facilitator(f)));
            }
            Action::RemoveFacilitator(id) => {
                let _ = exists(session.facilitator(*id), "facilitator", *id)?;
                for table in session.tables.iter().filter(|t| t.facilitator == Some(*id)) {
                    let mut table = table.clone();
                    table.facilitator = None;
                    table.modified = now;
                    edits.push(put(Record::Table(table)));
                }
                for idea in session.ideas.iter().filter(|i| i.facilitator == Some(*id)) {
                    let mut idea = idea.clone();
                    idea.facilitator = None;
                    idea.modified = now;
                    edits.push(put(Record::Idea(idea)));
                }
                edits.push(Edit::Delete {
                    kind: EntityKind::Facilitator,
                    id: *id,
                });
            }
            Action::AddTable(t) | Action::UpdateTable(t) => {
                let adding = matches!(self, Action::AddTable(_));
                let mut t = t.clone();
                t.name = required(&t.name, "the name")?;
                if let Some(f) = t.facilitator {
                    exists(session.facilitator(f), "facilitator", f)?;
                }
                stamp(&mut t.created, &mut t.modified, now, adding, || {
                    session.table(t.id).map(|e| e.created)
                });
                check_presence(adding, session.table(t.id).is_some(), "table", t.id)?;
                edits.push(put(Record::Table(t)));
            }
            Action::RemoveTable(id) => {
                exists(session.table(*id), "table", *id)?;
                for org in session
                    .organisations
                    .iter()
                    .filter(|o| o.table == Some(*id))
                {
                    let mut org = org.clone();
                    org.table = None;
                    org.modified = now;
                    edits.push(put(Record::Organisation(org)));
                }
                for idea in session.ideas.iter().filter(|i| i.table == Some(*id)) {
                    let mut idea = idea.clone();
                    idea.table = None;
                    idea.modified = now;
                    edits.push(put(Record::Idea(idea)));
                }
                edits.push(Edit::Delete {
                    kind: EntityKind::Table,
                    id: *id,
                });
            }
            Action::AddCategory(c) | Action::UpdateCategory(c) => {
                let adding = matches!(self, Action::AddCategory(_));
                let mut c = c.clone();
                c.key = required(&c.key, "the category key")?;
                c.label_fr = required(&c.label_fr, "the name")?;
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
                check_presence(adding, previous.is_some(), "category", c.id)?;
                stamp(&mut c.created, &mut c.modified, now, adding, || {
                    previous.map(|e| e.created)
                });
                // A renamed key carries its resource sheets and ideas along.
                if let Some(old) = previous.filter(|old| old.key != c.key) {
                    for fiche in session.fiches.iter().filter(|f| f.category == old.key) {
                        let mut fiche = fiche.clone();
                        fiche.category = c.key.clone();
                        fiche.modified = now;
                        edits.push(put(Record::Fiche(fiche)));
                    }
                    for idea in session
                        .ideas
                        .iter()
                        .filter(|i| i.category.as_deref() == Some(old.key.as_str()))
                    {
                        let mut idea = idea.clone();
                        idea.category = Some(c.key.clone());
                        idea.modified = now;
                        edits.push(put(Record::Idea(idea)));
                    }
                }
                edits.push(put(Record::Category(c)));
            }
            Action::RemoveCategory(id) => {
                let category = session.categories.iter().find(|c| c.id == *id).ok_or(
                    ActionError::Missing {
                        kind: "category",
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
                    kind: EntityKind::Category,
                    id: *id,
                });
            }
            Action::AddOrganisation(o) | Action::UpdateOrganisation(o) => {
                let adding = matches!(self, Action::AddOrganisation(_));
                let mut o = o.clone();
                o.name = required(&o.name, "the name")?;
                let key = fold(&o.name);
                if session
                    .organisations
                    .iter()
                    .any(|other| other.id != o.id && fold(&other.name) == key)
                {
                    return Err(ActionError::DuplicateOrganisation(o.name));
                }
                if let Some(t) = o.table {
                    exists(session.table(t), "table", t)?;
                }
                check_presence(
                    adding,
                    session.organisation(o.id).is_some(),
                    "organisation",
                    o.id,
                )?;
                stamp(&mut o.created, &mut o.modified, now, adding, || {
                    session.organisation(o.id).map(|e| e.created)
                });
                edits.push(put(Record::Organisation(o)));
            }
            Action::RemoveOrganisation(id) => {
                exists(session.organisation(*id), "organisation", *id)?;
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
                        kind: EntityKind::Fiche,
                        id: fiche.id,
                    });
                }
                edits.push(Edit::Delete {
                    kind: EntityKind::Organisation,
                    id: *id,
                });
            }
            Action::AddFiche(f) | Action::UpdateFiche(f) => {
                let adding = matches!(self, Action::AddFiche(_));
                let mut f = f.clone();
                f.resource = required(&f.resource, "the resource")?;
                exists(
                    session.organisation(f.organisation),
                    "organisation",
                    f.organisation,
                )?;
                if session.category(&f.category).is_none() {
                    return Err(ActionError::UnknownCategory(f.category));
                }
                check_presence(
                    adding,
                    session.fiche(f.id).is_some(),
                    "resource sheet",
                    f.id,
                )?;
                stamp(&mut f.created, &mut f.modified, now, adding, || {
                    session.fiche(f.id).map(|e| e.created)
                });
                edits.push(put(Record::Fiche(f)));
            }
            Action::RemoveFiche(id) => {
                exists(session.fiche(*id), "resource sheet", *id)?;
                for idea in session.ideas.iter().filter(|i| i.fiches.contains(id)) {
                    let mut idea = idea.clone();
                    idea.fiches.retain(|f| f != id);
                    idea.modified = now;
                    edits.push(put(Record::Idea(idea)));
                }
                edits.push(Edit::Delete {
                    kind: EntityKind::Fiche,
                    id: *id,
                });
            }
            Action::AddIdea(idea) | Action::UpdateIdea(idea) => {
                let adding = matches!(self, Action::AddIdea(_));
                let mut idea = idea.clone();
                validate_idea(session, &mut idea)?;
                check_presence(adding, session.idea(idea.id).is_some(), "idea", idea.id)?;
                stamp(&mut idea.created, &mut idea.modified, now, adding, || {
                    session.idea(idea.id).map(|e| e.created)
                });
                edits.push(put(Record::Idea(idea)));
            }
            Action::RemoveIdeas(ids) => {
                if ids.is_empty() {
                    return Err(ActionError::Nothing);
                }
                for id in unique(ids) {
                    exists(session.idea(id), "idea", id)?;
                    edits.push(Edit::Delete {
                        kind: EntityKind::Idea,
                        id,
                    });
                }
            }
            Action::AddCluster(c) | Action::UpdateCluster(c) => {
                let adding = matches!(self, Action::AddCluster(_));
                let mut c = c.clone();
                c.name = required(&c.name, "the name")?;
                check_presence(adding, session.cluster(c.id).is_some(), "cluster", c.id)?;
                stamp(&mut c.created, &mut c.modified, now, adding, || {
                    session.cluster(c.id).map(|e| e.created)
                });
                edits.push(put(Record::Cluster(c)));
            }
            Action::DissolveCluster(id) => {
                exists(session.cluster(*id), "cluster", *id)?;
                regroup(session, now, |i| i.cluster == Some(*id), None, &mut edits);
                edits.push(Edit::Delete {
                    kind: EntityKind::Cluster,
                    id: *id,
                });
            }
            Action::MergeClusters { into, from } => {
                exists(session.cluster(*into), "cluster", *into)?;
                let from: Vec<Uuid> = unique(from).into_iter().filter(|c| c != into).collect();
                if from.is_empty() {
                    return Err(ActionError::Nothing);
                }
                for id in &from {
                    exists(session.cluster(*id), "cluster", *id)?;
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
                    exists(session.idea(*id), "idea", *id)?;
                }
                let cluster_id = match target {
                    ClusterTarget::Existing(id) => {
                        exists(session.cluster(*id), "cluster", *id)?;
                        *id
                    }
                    ClusterTarget::New(cluster) => {
                        let mut cluster = cluster.clone();
                        cluster.name = required(&cluster.name, "the name")?;
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
                    exists(session.idea(*id), "idea", *id)?;
                }
                regroup(session, now, |i| ids.contains(&i.id), None, &mut edits);
            }
            Action::SetVotes { idea, votes } => {
                let current = exists(session.idea(*idea), "idea", *idea)?;
                edits.extend(set_votes(current, *votes, now));
            }
            Action::AddVotes { idea, delta } => {
                let current = exists(session.idea(*idea), "idea", *idea)?;
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
                    let current = exists(session.idea(id), "idea", id)?;
                    if current.status != *status {
                        let mut idea = current.clone();
                        idea.status = *status;
                        idea.modified = now;
                        edits.push(put(Record::Idea(idea)));
                    }
                }
            }
            Action::SelectTopVoted { n } => {
                let mut ranked: Vec<&Idea> = session.ideas.iter().collect();
                ranked.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.created.cmp(&b.created)));
                let top: HashSet<Uuid> = ranked.iter().take(*n).map(|i| i.id).collect();
                for idea in &session.ideas {
                    let status = match idea.status {
                        Status::Proposed if top.contains(&idea.id) => Status::Selected,
                        Status::Selected if !top.contains(&idea.id) => Status::Proposed,
                        other => other,
                    };
                    if status != idea.status {
                        let mut idea = idea.clone();
                        idea.status = status;
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
            Action::Merge { merged, .. } => {
                edits = diff(session, merged);
                if edits.is_empty() {
                    return Err(ActionError::Nothing);
                }
            }
            Action::Import(batch) => {
                if batch.is_empty() {
                    return Err(ActionError::Nothing);
                }
                let mut seen = HashSet::new();
                let records = batch
                    .facilitators
                    .iter()
                    .cloned()
                    .map(Record::Facilitator)
                    .chain(batch.tables.iter().cloned().map(Record::Table))
                    .chain(batch.clusters.iter().cloned().map(Record::Cluster))
                    .chain(
                        batch
                            .organisations
                            .iter()
                            .cloned()
                            .map(Record::Organisation),
                    )
                    .chain(batch.fiches.iter().cloned().map(Record::Fiche))
                    .chain(batch.ideas.iter().cloned().map(Record::Idea));
                for record in records {
                    let id = record.id();
                    if !seen.insert(id) || contains_id(session, record.kind(), id) {
                        return Err(ActionError::DuplicateId(id));
                    }
                    edits.push(put(record));
                }
            }
        }
        Ok(edits)
    }
}

/// The edits that turn `from` into `to`, entity by entity.
fn diff(from: &Session, to: &Session) -> Vec<Edit> {
    fn collection<T: PartialEq + crate::model::Entity>(
        from: &[T],
        to: &[T],
        wrap: fn(T) -> Record,
        kind: EntityKind,
        edits: &mut Vec<Edit>,
    ) {
        for (index, item) in to.iter().enumerate() {
            if from.iter().find(|f| f.id() == item.id()) != Some(item) {
                edits.push(Edit::Put {
                    record: wrap(item.clone()),
                    index: Some(index),
                });
            }
        }
        for item in from.iter().filter(|f| !to.iter().any(|t| t.id() == f.id())) {
            edits.push(Edit::Delete {
                kind,
                id: item.id(),
            });
        }
    }
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
    );
    collection(
        &from.tables,
        &to.tables,
        Record::Table,
        EntityKind::Table,
        &mut edits,
    );
    collection(
        &from.categories,
        &to.categories,
        Record::Category,
        EntityKind::Category,
        &mut edits,
    );
    collection(
        &from.clusters,
        &to.clusters,
        Record::Cluster,
        EntityKind::Cluster,
        &mut edits,
    );
    collection(
        &from.organisations,
        &to.organisations,
        Record::Organisation,
        EntityKind::Organisation,
        &mut edits,
    );
    collection(
        &from.fiches,
        &to.fiches,
        Record::Fiche,
        EntityKind::Fiche,
        &mut edits,
    );
    collection(
        &from.ideas,
        &to.ideas,
        Record::Idea,
        EntityKind::Idea,
        &mut edits,
    );
    edits
}

fn put(record: Record) -> Edit {
    Edit::Put {
        record,
        index: None,
    }
}

/// The trimmed text, or an error naming the empty field.
fn required(text: &str, what: &'static str) -> Result<String, ActionError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(ActionError::Empty(what))
    } else {
        Ok(trimmed.to_owned())
    }
}

fn exists<'a, T>(found: Option<&'a T>, kind: &'static str, id: Uuid) -> Result<&'a T, ActionError> {
    found.ok_or(ActionError::Missing { kind, id })
}

/// Refuses to add what exists or to update what does not.
fn check_presence(
    adding: bool,
    present: bool,
    kind: &'static str,
    id: Uuid,
) -> Result<(), ActionError> {
    match (adding, present) {
        (true, true) => Err(ActionError::DuplicateId(id)),
        (false, false) => Err(ActionError::Missing { kind, id }),
        _ => Ok(()),
    }
}

/// Sets the times of an entity being added (`adding`) or updated.
fn stamp(
    created: &mut Timestamp,
    modified: &mut Timestamp,
    now: Timestamp,
    adding: bool,
    existing_created: impl FnOnce() -> Option<Timestamp>,
) {
    if adding {
        *created = now;
    } else if let Some(existing) = existing_created() {
        *created = existing;
    }
    *modified = now;
}

fn unique(ids: &[Uuid]) -> Vec<Uuid> {
    let mut seen = HashSet::new();
    ids.iter().copied().filter(|id| seen.insert(*id)).collect()
}

fn contains_id(session: &Session, kind: EntityKind, id: Uuid) -> bool {
    match kind {
        EntityKind::Facilitator => session.facilitator(id).is_some(),
        EntityKind::Table => session.table(id).is_some(),
        EntityKind::Category => session.categories.iter().any(|c| c.id == id),
        EntityKind::Organisation => session.organisation(id).is_some(),
        EntityKind::Fiche => session.fiche(id).is_some(),
        EntityKind::Idea => session.idea(id).is_some(),
        EntityKind::Cluster => session.cluster(id).is_some(),
    }
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
    idea.title = required(&idea.title, "the title")?;
    for id in &idea.organisations {
        exists(session.organisation(*id), "organisation", *id)?;
    }
    idea.organisations = unique(&idea.organisations);
    for id in &idea.fiches {
        exists(session.fiche(*id), "resource sheet", *id)?;
    }
    idea.fiches = unique(&idea.fiches);
    if let Some(key) = &idea.category
        && session.category(key).is_none()
    {
        return Err(ActionError::UnknownCategory(key.clone()));
    }
    if let Some(t) = idea.table {
        exists(session.table(t), "table", t)?;
    }
    if let Some(f) = idea.facilitator {
        exists(session.facilitator(f), "facilitator", f)?;
    }
    if let Some(c) = idea.cluster {
        exists(session.cluster(c), "cluster", c)?;
    }
    if let Some(o) = idea.owner {
        exists(session.organisation(o), "organisation", o)?;
    }
    Ok(())
}
