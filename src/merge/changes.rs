//! What a merge does, named: each entity added, field changed (old → new), entity
//! deleted or brought back, and each conflict with both values, per file.

use std::collections::HashMap;

use uuid::Uuid;

use crate::i18n::{fill, words};
use crate::model::{
    Action, Attendance, Direction, EntityKind, Field, IdeaKind, Language, Session, Status,
    Timestamp,
};

/// What happens to one entity, or one of its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    /// One field: its value in the lead's session, and after the merge.
    Field {
        field: String,
        old: FieldValue,
        new: FieldValue,
    },
    Deleted,
    /// Deleted somewhere, changed afterwards elsewhere: kept.
    Revived,
}

/// One change the merge makes to the lead's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The file the change comes from.
    pub source: String,
    pub kind: EntityKind,
    pub id: Uuid,
    /// The entity's name or title.
    pub label: String,
    pub what: ChangeKind,
}

/// A field's value, as the session file writes it (`None`: not written, the default).
pub type FieldValue = Option<serde_json::Value>;

/// One side of a conflict: a value, and where and when it was set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    pub value: FieldValue,
    /// The file it came from.
    pub source: String,
    /// The table whose laptop set it; empty for the lead's session.
    pub laptop: String,
    pub at: Timestamp,
}

impl Side {
    /// "Table 2, atelier-table-2.ron" or "atelier.ron".
    pub fn origin(&self) -> String {
        if self.laptop.is_empty() || self.laptop == self.source {
            self.source.clone()
        } else {
            format!("{}, {}", self.laptop, self.source)
        }
    }
}

/// The same field of one entity changed on two laptops, neither knowing of the other's
/// change: the later value is kept, the other is one click away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: EntityKind,
    pub id: Uuid,
    /// The entity's name or title.
    pub label: String,
    /// The field, as the session file names it.
    pub field: String,
    pub kept: Side,
    pub other: Side,
}

/// Words for the values of a merge: the names of the entities that fields refer to.
#[derive(Clone, Debug, Default)]
pub struct ValueNames {
    names: HashMap<Uuid, String>,
    categories: HashMap<String, (String, String)>,
}

impl ValueNames {
    /// The names of every entity of `sessions`, the later sessions' winning.
    pub fn of<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Self {
        let mut names = HashMap::new();
        let mut categories = HashMap::new();
        for s in sessions {
            let mut add = |id: Uuid, name: &str| {
                names.insert(id, name.to_owned());
            };
            s.facilitators.iter().for_each(|e| add(e.id, &e.name));
            s.tables.iter().for_each(|e| add(e.id, &e.name));
            s.organisations.iter().for_each(|e| add(e.id, &e.name));
            s.fiches.iter().for_each(|e| add(e.id, &e.resource));
            s.ideas.iter().for_each(|e| add(e.id, &e.title));
            s.clusters.iter().for_each(|e| add(e.id, &e.name));
            for c in &s.categories {
                add(c.id, &c.key);
                categories.insert(c.key.clone(), (c.label_fr.clone(), c.label_en.clone()));
            }
        }
        Self { names, categories }
    }

    /// The value of `field` as a facilitator reads it: names rather than ids, labels
    /// rather than codes, long text cut at 80 characters.
    pub fn show(&self, field: &str, value: &FieldValue, language: Language) -> String {
        use serde_json::Value;
        let none = || words(language).merge.no_value.to_owned();
        let Some(value) = value else {
            // A flag the file leaves out is off.
            return if field == "hand_picked" {
                words(language).merge.no.to_owned()
            } else {
                none()
            };
        };
        let label = |v: &Value| -> Option<String> {
            let text = v.as_str()?;
            match field {
                "kind" => serde_json::from_value::<IdeaKind>(v.clone())
                    .ok()
                    .map(|k| k.label(language).to_owned()),
                "status" => serde_json::from_value::<Status>(v.clone())
                    .ok()
                    .map(|k| k.label(language).to_owned()),
                "attendance" => serde_json::from_value::<Attendance>(v.clone())
                    .ok()
                    .map(|k| k.label(language).to_owned()),
                "direction" => serde_json::from_value::<Direction>(v.clone())
                    .ok()
                    .map(|k| k.label(language).to_owned()),
                "category" => self.categories.get(text).map(|(fr, en)| match language {
                    Language::Fr => fr.clone(),
                    Language::En => en.clone(),
                }),
                _ => Uuid::parse_str(text)
                    .ok()
                    .and_then(|id| self.names.get(&id).cloned()),
            }
        };
        let one = |v: &Value| -> String {
            if let Some(label) = label(v) {
                return label;
            }
            match v {
                Value::Null => none(),
                Value::String(s) if s.is_empty() => none(),
                Value::String(s) => s.clone(),
                Value::Bool(true) => words(language).merge.yes.to_owned(),
                Value::Bool(false) => words(language).merge.no.to_owned(),
                other => other.to_string(),
            }
        };
        let text = match value {
            Value::Array(items) if items.is_empty() => none(),
            Value::Array(items) if items.iter().all(|i| !i.is_number()) => {
                items.iter().map(one).collect::<Vec<_>>().join(", ")
            }
            other => one(other),
        };
        const MAX_CHARS: usize = 80;
        match text.char_indices().nth(MAX_CHARS) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text,
        }
    }
}

/// The field as a facilitator reads it ("le titre"), or its file name.
pub fn field_word(field: &str, language: Language) -> String {
    Field::from_file_name(field).map_or_else(|| field.to_owned(), |f| f.word(language).to_owned())
}

impl Change {
    /// One line: "modifié : idée « Palettes », les votes : 3 → 5".
    pub fn describe(&self, names: &ValueNames, language: Language) -> String {
        let w = &words(language).merge;
        let kind = self.kind.word(language);
        let base: [(&str, &dyn std::fmt::Display); 2] = [("kind", &kind), ("label", &self.label)];
        match &self.what {
            ChangeKind::Added => fill(w.change_added, &base),
            ChangeKind::Deleted => fill(w.change_deleted, &base),
            ChangeKind::Revived => fill(w.change_revived, &base),
            ChangeKind::Field { field, old, new } => fill(
                w.change_field,
                &[
                    base[0],
                    base[1],
                    ("field", &field_word(field, language)),
                    ("old", &names.show(field, old, language)),
                    ("new", &names.show(field, new, language)),
                ],
            ),
        }
    }
}

impl Conflict {
    /// One line: the entity, the field, the kept value and the other, each with its
    /// laptop and time.
    pub fn describe(&self, names: &ValueNames, language: Language) -> String {
        let time = |at: &Timestamp| {
            at.with_timezone(&chrono::Local)
                .format("%d/%m %H:%M:%S")
                .to_string()
        };
        fill(
            words(language).merge.conflict,
            &[
                ("kind", &self.kind.word(language)),
                ("label", &self.label),
                ("field", &field_word(&self.field, language)),
                ("kept", &names.show(&self.field, &self.kept.value, language)),
                ("kept_by", &self.kept.origin()),
                ("kept_at", &time(&self.kept.at)),
                (
                    "other",
                    &names.show(&self.field, &self.other.value, language),
                ),
                ("other_by", &self.other.origin()),
                ("other_at", &time(&self.other.at)),
            ],
        )
    }
}

/// `item` with `field` set to `value` (removed when `None`), if it still reads.
fn with_field<T>(item: &T, field: &str, value: &FieldValue) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let Ok(serde_json::Value::Object(mut object)) = serde_json::to_value(item) else {
        return None;
    };
    match value {
        Some(value) => object.insert(field.to_owned(), value.clone()),
        None => object.remove(field),
    };
    serde_json::from_value(serde_json::Value::Object(object)).ok()
}

impl Conflict {
    /// The edit that keeps the other value: the entity as it is in `session`, with the
    /// field set to it. `None` when the entity is gone.
    pub fn keep_other(&self, session: &Session) -> Option<Action> {
        let value = &self.other.value;
        let field = self.field.as_str();
        let change = match self.kind {
            EntityKind::Facilitator => {
                Action::UpdateFacilitator(with_field(session.facilitator(self.id)?, field, value)?)
            }
            EntityKind::Table => {
                Action::UpdateTable(with_field(session.table(self.id)?, field, value)?)
            }
            EntityKind::Category => Action::UpdateCategory(with_field(
                session.categories.iter().find(|c| c.id == self.id)?,
                field,
                value,
            )?),
            EntityKind::Organisation => Action::UpdateOrganisation(with_field(
                session.organisation(self.id)?,
                field,
                value,
            )?),
            EntityKind::Fiche => {
                Action::UpdateFiche(with_field(session.fiche(self.id)?, field, value)?)
            }
            EntityKind::Idea => {
                Action::UpdateIdea(with_field(session.idea(self.id)?, field, value)?)
            }
            EntityKind::Cluster => {
                Action::UpdateCluster(with_field(session.cluster(self.id)?, field, value)?)
            }
        };
        Some(match Field::from_file_name(field) {
            Some(field) => Action::EditFields {
                change: Box::new(change),
                fields: vec![field],
            },
            None => change,
        })
    }
}
