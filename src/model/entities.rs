//! The workshop's entities: plain data, serialised as they are into session files.
//!
//! Every entity carries a UUID and its created/modified times, so that the files of
//! several laptops can be merged entity by entity.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::clock::FieldClocks;

/// A point in time, always in UTC.
pub type Timestamp = DateTime<Utc>;

/// The language the session's documents (and, by default, the app) speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Fr,
    En,
}

/// Something with an identity and a modification time (each kind is implemented with
/// the list of kinds in `super::edit`).
pub trait Entity: Clone {
    /// The stable identity, shared by every copy of the entity on every laptop.
    fn id(&self) -> Uuid;
    /// Marks the entity as changed at `now`.
    fn touch(&mut self, now: Timestamp);
    /// When it was first made.
    fn created(&self) -> Timestamp;
    /// When it last changed.
    fn modified(&self) -> Timestamp;
    fn set_created(&mut self, created: Timestamp);
    /// Gives it another identity (two copies found to be one).
    fn set_id(&mut self, id: Uuid);
    /// When each changed field was set.
    fn clocks(&self) -> &FieldClocks;
    fn clocks_mut(&mut self) -> &mut FieldClocks;
}

/// A facilitator ("animateur·rice").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facilitator {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub name: String,
    /// When each changed field was set (see [`super::clock`]).
    #[serde(default, skip_serializing_if = "FieldClocks::is_empty")]
    pub clocks: FieldClocks,
}

impl Facilitator {
    pub fn new(name: impl Into<String>) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            modified: now,
            clocks: FieldClocks::new(),
            name: name.into(),
        }
    }
}

/// A table of 5 to 8 organisations, with its table facilitator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub name: String,
    #[serde(default)]
    pub facilitator: Option<Uuid>,
    /// When each changed field was set (see [`super::clock`]).
    #[serde(default, skip_serializing_if = "FieldClocks::is_empty")]
    pub clocks: FieldClocks,
}

impl Table {
    pub fn new(name: impl Into<String>) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            modified: now,
            clocks: FieldClocks::new(),
            name: name.into(),
            facilitator: None,
        }
    }
}

/// A resource category ("Matières et déchets", "Énergie", ...), editable per session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    /// Short stable key used in spreadsheets (`materials`, `energy`, ...).
    pub key: String,
    pub label_fr: String,
    pub label_en: String,
    /// When each changed field was set (see [`super::clock`]).
    #[serde(default, skip_serializing_if = "FieldClocks::is_empty")]
    pub clocks: FieldClocks,
}

impl Category {
    pub fn new(key: &str, label_fr: &str, label_en: &str) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            modified: now,
            clocks: FieldClocks::new(),
            key: key.to_owned(),
            label_fr: label_fr.to_owned(),
            label_en: label_en.to_owned(),
        }
    }

    /// The label in the given language.
    pub fn label(&self, language: Language) -> &str {
        match language {
            Language::Fr => &self.label_fr,
            Language::En => &self.label_en,
        }
    }

    /// The eight categories of the product brief.
    pub fn defaults() -> Vec<Category> {
        [
            ("materials", "Matières et déchets", "Materials and waste"),
            ("energy", "Énergie", "Energy"),
            ("water", "Eau", "Water"),
            (
                "logistics",
                "Transport et logistique",
                "Transport and logistics",
            ),
            ("equipment", "Équipements et matériel", "Equipment"),
            ("space", "Locaux et foncier", "Space and land"),
            ("skills", "Compétences et emploi", "Skills and staff"),
            ("services", "Services", "Services"),
        ]
        .into_iter()
        .map(|(key, fr, en)| Category::new(key, fr, en))
        .collect()
    }
}

/// Whether an organisation came to the workshop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Attendance {
    #[default]
    Present,
    Represented,
    Absent,
}

impl Attendance {
    pub const ALL: [Attendance; 3] = [
        Attendance::Present,
        Attendance::Represented,
        Attendance::Absent,
    ];

    /// The spreadsheet key (`present`, `represented`, `absent`).
    pub fn key(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::Represented => "represented",
            Attendance::Absent => "absent",
        }
    }

    /// The label in the given language, from the catalogue.
    pub fn label(self, language: Language) -> &'static str {
        let w = &crate::i18n::words(language).model;
        match self {
            Attendance::Present => w.attendance_present,
            Attendance::Represented => w.attendance_represented,
            Attendance::Absent => w.attendance_absent,
        }
    }
}

/// A participating organisation ("structure").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub name: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub town: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub table: Option<Uuid>,
    #[serde(default)]
    pub attendance: Attendance,
    /// When it cannot take part in B2B meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<super::b2b::TimeRange>,
    /// When each changed field was set (see [`super::clock`]).
    #[serde(default, skip_serializing_if = "FieldClocks::is_empty")]
    pub clocks: FieldClocks,
}

impl Organisation {
    /// The organisation's own words, in the order the exports write them: name, sector,
    /// town, contact, email, phone.
    pub fn identity_fields(&self) -> [&str; 6] {
        [
            &self.name,
            &self.sector,
            &self.town,
            &self.contact,
            &self.email,
            &self.phone,
        ]
    }

    pub fn new(name: impl Into<String>) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            modified: now,
            clocks: FieldClocks::new(),
            name: name.into(),
            sector: String::new(),
            town: String::new(),
            contact: String::new(),
            email: String::new(),
            phone: String::new(),
            table: None,
            attendance: Attendance::Present,
            unavailable: Vec::new(),
        }
    }
}

/// Whether a resource sheet states what an organisation offers or what it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    Offer,
    Need,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Offer => "offer",
            Direction::Need => "need",
        }
    }

    /// The label in the given language, from the catalogue.
    pub fn label(self, language: Language) -> &'static str {
        let w = &crate::i18n::words(language).model;
        match self {
            Direction::Offer => w.direction_offer,
            Direction::Need => w.direction_need,
        }
    }
}

/// A resource sheet ("fiche ressource"): one thing an organisation offers or needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fiche {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub organisation: Uuid,
    pub direction: Direction,
    /// The key of one of the session's categories.
    pub category: String,
    pub resource: String,
    /// As written on the sheet ("30", "2,5", "environ 10"): never reinterpreted.
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub frequency: String,
    #[serde(default)]
    pub notes: String,
    /// When each changed field was set (see [`super::clock`]).
    #[serde(default, skip_serializing_if = "FieldClocks::is_empty")]
    pub clocks: FieldClocks,
}

impl Fiche {
    pub fn new(
        organisation: Uuid,
        direction: Direction,
        category: impl Into<String>,
        resource: impl Into<String>,
    ) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            modified: now,
            clocks: FieldClocks::new(),
            organisation,
            direction,
            category: category.into(),
            resource: resource.into(),
            quantity: String::new(),
            unit: String::new(),
            frequency: String::new(),
            notes: String::new(),
        }
    }
}

/// The two kinds of synergy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdeaKind {
    /// One organisation's output replaces another's input.
    Substitution,
    /// Pooling: shared collection, purchasing, equipment or staff.
    Mutualisation,
}

impl IdeaKind {
    pub const ALL: [IdeaKind; 2] = [IdeaKind::Substitution, IdeaKind::Mutualisation];

    pub fn key(self) -> &'static str {
        match self {
            IdeaKind::Substitution => "substitution",
            IdeaKind::Mutualisation => "mutualisation",
        }
    }

    /// The label in the given language, from the catalogue.
    pub fn label(self, language: Language) -> &'static str {
        let w = &crate::i18n::words(language).model;
        match self {
            IdeaKind::Substitution => w.kind_substitution,
            IdeaKind::Mutualisation => w.kind_mutualisation,
        }
    }
}

/// Where an idea stands: proposed, selected for B2B meetings, then triaged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Proposed,
    /// Selected for the B2B meetings, not triaged yet.
    Selected,
    Abandoned,
    /// About to happen ("sur le point de se concrétiser").
    Imminent,
    ToDeepen,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Proposed,
        Status::Selected,
        Status::Abandoned,
        Status::Imminent,
        Status::ToDeepen,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Selected => "selected",
            Status::Abandoned => "abandoned",
            Status::Imminent => "imminent",
            Status::ToDeepen => "to_deepen",
        }
    }

    /// The label in the given language, from the catalogue.
    pub fn label(self, language: Language) -> &'static str {
        let w = &crate::i18n::words(language).model;
        match self {
            Status::Proposed => w.status_proposed,
            Status::Selected => w.status_selected,
            Status::Abandoned => w.status_abandoned,
            Status::Imminent => w.status_imminent,
            Status::ToDeepen => w.status_to_deepen,
        }
    }

    /// True once the idea has been selected for B2B meetings, whatever its triage since.
    pub fn is_selected(self) -> bool {
        self != Status::Proposed
    }
}

/// A synergy idea ("idée de synergie").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Idea {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub kind: Option<IdeaKind>,
    /// The key of one of the session's categories.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub organisations: Vec<Uuid>,
    /// Linked resource sheets.
    #[serde(default)]
    pub fiches: Vec<Uuid>,
    #[serde(default)]
    pub table: Option<Uuid>,
    #[serde(default)]
    pub facilitator: Option<Uuid>,
    #[serde(default)]
    pub votes: u32,
    #[serde(default)]
    pub cluster: Option<Uuid>,
    #[serde(default)]
    pub status: Status,
    /// Selected or triaged by hand (not by "Retenir les N"): never un-selected by it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hand_picked: bool,
    #[serde(default)]
    pub next_step: String,
    /// The organisation that carries the idea forward.
    #[serde(default)]
    pub owner: Option<Uuid>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// When each changed field was set (see [`super::clock`]).
    #[serde(default, skip_serializing_if = "FieldClocks::is_empty")]
    pub clocks: FieldClocks,
}

impl Idea {
    pub fn new(title: impl Into<String>) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            modified: now,
            clocks: FieldClocks::new(),
            title: title.into(),
            description: String::new(),
            kind: None,
            category: None,
            organisations: Vec::new(),
            fiches: Vec::new(),
            table: None,
            facilitator: None,
            votes: 0,
            cluster: None,
            status: Status::Proposed,
            hand_picked: false,
            next_step: String::new(),
            owner: None,
            due: None,
        }
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Colour(pub u8, pub u8, pub u8);

impl Colour {
    /// Distinct, print-friendly colours handed out to new clusters in turn.
    pub const PALETTE: [Colour; 8] = [
        Colour(0x2e, 0x86, 0xab),
        Colour(0xe0, 0x7a, 0x1f),
        Colour(0x3b, 0x8e, 0x3a),
        Colour(0xb8, 0x3b, 0x5e),
        Colour(0x6c, 0x4f, 0xa3),
        Colour(0x8a, 0x6d, 0x3b),
        Colour(0x1f, 0x9e, 0x94),
        Colour(0x5f, 0x6b, 0x7a),
    ];

    /// The palette colour for the `index`-th cluster.
    pub fn nth(index: usize) -> Colour {
        Self::PALETTE[index % Self::PALETTE.len()]
    }
}

/// A group of ideas on the board ("regroupement").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub id: Uuid,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub name: String,
    pub colour: Colour,
    /// When each changed field was set (see [`super::clock`]).
    #[serde(default, skip_serializing_if = "FieldClocks::is_empty")]
    pub clocks: FieldClocks,
}

impl Cluster {
    pub fn new(name: impl Into<String>, colour: Colour) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            modified: now,
            clocks: FieldClocks::new(),
            name: name.into(),
            colour,
        }
    }
}

/// The session's own details (what the cover of the synthesis shows).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionInfo {
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub organiser: String,
    #[serde(default)]
    pub language: Language,
    /// When the details last changed.
    pub modified: Timestamp,
}

/// What makes a session file a table's copy, handed to a table facilitator's laptop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableCopy {
    pub table: Uuid,
    #[serde(default)]
    pub facilitator: Option<Uuid>,
    /// When the copies were made: changes after this are the table's own.
    pub prepared_at: Timestamp,
}

/// An entity deleted, kept so that merging a file that still holds it (a table's copy,
/// saved before the deletion) does not bring it back. An edit made after the deletion
/// brings it back, and the merge says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deletion {
    pub kind: super::edit::EntityKind,
    pub id: Uuid,
    /// When it was deleted.
    pub at: Timestamp,
    /// Where: the table whose copy deleted it, or empty for the lead's session.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// The entity as it was last known: what a later change, merged from another
    /// laptop, brings back along with that change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Box<super::edit::Record>>,
}

/// A have/need suggestion a facilitator dismissed: the resource sheets it paired (a need
/// and an offer, or the sheets of a mutualisation), sorted. Merges keep every dismissal
/// of every laptop.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Dismissal {
    pub fiches: Vec<Uuid>,
    /// When it was dismissed.
    pub at: Timestamp,
    /// Where: the table whose copy dismissed it, or empty for the lead's session.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// One workshop ("atelier"): everything a session file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub id: Uuid,
    pub created: Timestamp,
    pub info: SessionInfo,
    /// Set on a table's copy of the session; `None` on the lead's session.
    #[serde(default)]
    pub table_copy: Option<TableCopy>,
    #[serde(default)]
    pub facilitators: Vec<Facilitator>,
    #[serde(default)]
    pub tables: Vec<Table>,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub fiches: Vec<Fiche>,
    #[serde(default)]
    pub ideas: Vec<Idea>,
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    /// What was deleted, so that merges do not bring it back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Deletion>,
    /// Suggestions the facilitators dismissed, so that they stay dismissed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<Dismissal>,
    /// The B2B planner's settings and plan.
    #[serde(default, skip_serializing_if = "super::b2b::B2b::is_default")]
    pub b2b: super::b2b::B2b,
}

impl Session {
    /// A new empty session with the default categories.
    pub fn new(title: impl Into<String>) -> Self {
        let now = Utc::now();
        Self {
            id: Uuid::new_v4(),
            created: now,
            info: SessionInfo {
                title: title.into(),
                date: None,
                venue: String::new(),
                organiser: String::new(),
                language: Language::Fr,
                modified: now,
            },
            table_copy: None,
            facilitators: Vec::new(),
            tables: Vec::new(),
            categories: Category::defaults(),
            organisations: Vec::new(),
            fiches: Vec::new(),
            ideas: Vec::new(),
            clusters: Vec::new(),
            deleted: Vec::new(),
            dismissed: Vec::new(),
            b2b: super::b2b::B2b::default(),
        }
    }

    pub fn organisation(&self, id: Uuid) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn idea(&self, id: Uuid) -> Option<&Idea> {
        self.ideas.iter().find(|i| i.id == id)
    }

    pub fn fiche(&self, id: Uuid) -> Option<&Fiche> {
        self.fiches.iter().find(|f| f.id == id)
    }

    pub fn cluster(&self, id: Uuid) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.id == id)
    }

    pub fn table(&self, id: Uuid) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }

    pub fn facilitator(&self, id: Uuid) -> Option<&Facilitator> {
        self.facilitators.iter().find(|f| f.id == id)
    }

    /// The names of the organisations an idea involves, in its order.
    pub fn organisation_names(&self, idea: &Idea) -> Vec<&str> {
        idea.organisations
            .iter()
            .filter_map(|o| self.organisation(*o))
            .map(|o| o.name.as_str())
            .collect()
    }

    /// The ideas with this status, most voted first.
    pub fn ideas_with_status(&self, status: Status) -> Vec<&Idea> {
        let mut ideas: Vec<&Idea> = self.ideas.iter().filter(|i| i.status == status).collect();
        ideas.sort_by_key(|i| std::cmp::Reverse(i.votes));
        ideas
    }

    /// The organisations in alphabetical order (ignoring case and accents).
    pub fn organisations_by_name(&self) -> Vec<&Organisation> {
        let mut organisations: Vec<&Organisation> = self.organisations.iter().collect();
        organisations.sort_by_key(|o| super::text::fold(&o.name));
        organisations
    }

    /// The category with this key.
    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// The laptop this session is on, as changes record it: the table of a table's
    /// copy, or empty for the lead's session.
    pub fn laptop_name(&self) -> String {
        self.table_copy
            .as_ref()
            .and_then(|copy| self.tables.iter().find(|t| t.id == copy.table))
            .map(|t| t.name.clone())
            .unwrap_or_default()
    }

    /// The newest modification time of anything in the session.
    pub fn last_modified(&self) -> Timestamp {
        let times = self
            .facilitators
            .iter()
            .map(|e| e.modified)
            .chain(self.tables.iter().map(|e| e.modified))
            .chain(self.categories.iter().map(|e| e.modified))
            .chain(self.organisations.iter().map(|e| e.modified))
            .chain(self.fiches.iter().map(|e| e.modified))
            .chain(self.ideas.iter().map(|e| e.modified))
            .chain(self.clusters.iter().map(|e| e.modified));
        times.fold(self.info.modified.max(self.created), Timestamp::max)
    }
}
