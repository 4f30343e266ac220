//! Several laptops, one workshop: table copies, and merging their files into the lead's
//! session.
//!
//! Entities are matched by id; organisations and clusters also by name (ignoring case,
//! accents and spacing), so that one organisation registered at two tables becomes one
//! and what referred to either follows; so are tables, facilitators (by name) and
//! categories (by key), which matters when a file of another session is merged. Of the versions of an entity, the one changed
//! last wins. Every choice depends only on the set of versions, never on the order of
//! the files, so merging is order-independent and merging a file twice changes nothing.
//! Each file records what was deleted in it, and when: a version of an entity not
//! changed since its deletion is dropped, so that re-merging a table's file never
//! brings back what the lead deleted; a version changed after the deletion brings the
//! entity back, and the summary names it.

mod changes;
mod watch;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use uuid::Uuid;

pub use changes::{Change, ChangeKind, Conflict, FieldValue, Side, ValueNames, field_word};
pub use watch::{FolderWatch, WatchEvent};

use crate::i18n::{Plural, fill, words};
use crate::model::clock::{FieldClock, FieldClocks, clock_of, field_values, is_implied, knows_of};
use crate::model::text::fold;
use crate::model::{
    Category, Cluster, Deletion, Entity, EntityKind, Facilitator, Fiche, Idea, InRecord, Language,
    Organisation, Record, Session, Table, TableCopy, Timestamp,
};

/// One session to merge, with the name it is reported under (its file name).
pub struct MergeInput {
    pub source: String,
    pub session: Session,
}

/// What a merge would do.
#[derive(Debug, Clone)]
pub struct MergeReport {
    pub merged: Session,
    /// Entities that were not in the base session, by kind.
    pub added: BTreeMap<&'static str, usize>,
    /// Entities of the base session that another file changed.
    pub updated: BTreeMap<&'static str, usize>,
    /// Entities of the base session that a file deleted.
    pub deleted: BTreeMap<&'static str, usize>,
    /// Entities deleted somewhere but changed afterwards elsewhere, so kept: their
    /// names.
    pub revived: Vec<String>,
    /// Organisations and clusters found under two ids and made one.
    pub unified_by_name: usize,
    pub conflicts: Vec<Conflict>,
    /// Each change, named, with the file it comes from.
    pub changes: Vec<Change>,
    /// The names that the changes' and conflicts' values refer to.
    pub names: ValueNames,
    /// False when the merged session is the base session as it was.
    pub changed: bool,
}

impl MergeReport {
    /// A one-paragraph summary.
    pub fn summary(&self, language: Language) -> String {
        let w = &words(language).merge;
        let list = |counts: &BTreeMap<&str, usize>| {
            if counts.is_empty() {
                return w.nothing.to_owned();
            }
            counts
                .iter()
                .map(|(key, n)| kind_count(language, key).count(language, *n))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let unified = match self.unified_by_name {
            0 => String::new(),
            n => crate::i18n::counts(language).unified.count(language, n),
        };
        let revived = if self.revived.is_empty() {
            String::new()
        } else {
            let labels: Vec<String> = self.revived.iter().map(|l| format!("« {l} »")).collect();
            fill(w.revived, &[("labels", &labels.join(", "))])
        };
        fill(
            w.summary,
            &[
                ("added", &list(&self.added)),
                ("updated", &list(&self.updated)),
                ("deleted", &list(&self.deleted)),
                ("revived", &revived),
                ("unified", &unified),
                (
                    "conflicts",
                    &crate::i18n::counts(language)
                        .conflicts
                        .count(language, self.conflicts.len()),
                ),
            ],
        )
    }

    /// True when the merge changes nothing.
    pub fn is_empty(&self) -> bool {
        !self.changed
    }

    /// Each change as one line, grouped by the file it comes from, files in order.
    pub fn changes_by_file(&self, language: Language) -> Vec<(String, Vec<String>)> {
        let mut files: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for change in &self.changes {
            files
                .entry(&change.source)
                .or_default()
                .push(change.describe(&self.names, language));
        }
        files
            .into_iter()
            .map(|(file, lines)| (file.to_owned(), lines))
            .collect()
    }

    /// The conflict as one line.
    pub fn describe(&self, conflict: &Conflict, language: Language) -> String {
        conflict.describe(&self.names, language)
    }

    /// The whole preview, as the command line prints it and the merge log keeps it:
    /// the summary, then each file's changes, then the conflicts.
    pub fn lines(&self, language: Language) -> Vec<String> {
        let w = &words(language).merge;
        let mut lines = vec![self.summary(language)];
        for (file, changes) in self.changes_by_file(language) {
            lines.push(fill(w.from_file, &[("file", &file)]));
            lines.extend(changes.into_iter().map(|c| format!("  {c}")));
        }
        lines.extend(self.conflicts.iter().map(|c| {
            fill(
                words(language).cli.conflict,
                &[("conflict", &self.describe(c, language))],
            )
        }));
        lines
    }
}

/// How the summary counts the entities of a [`Mergeable::KEY`] (or the session's
/// `details`).
fn kind_count(language: Language, key: &str) -> &'static Plural {
    let n = crate::i18n::counts(language);
    match key {
        "ideas" => &n.ideas,
        "organisations" => &n.organisations,
        "fiches" => &n.fiches,
        "clusters" => &n.clusters,
        "tables" => &n.tables,
        "facilitators" => &n.facilitators,
        "categories" => &n.categories,
        "dismissed" => &n.dismissed_suggestions,
        "b2b" => &n.b2b_plans,
        _ => &crate::i18n::counts(language).details,
    }
}

/// Why files could not be merged. Nothing was merged. Displayed in French, the
/// interface's default; [`MergeError::message`] words it in a given language.
#[derive(Debug)]
pub enum MergeError {
    /// A file of another session, merged without `force`.
    OtherSession {
        file: String,
        expected: Uuid,
        found: Uuid,
    },
}

impl MergeError {
    /// The message in `language`.
    pub fn message(&self, language: Language) -> String {
        match self {
            MergeError::OtherSession {
                file,
                expected,
                found,
            } => fill(
                words(language).merge.other_session,
                &[("file", file), ("expected", expected), ("found", found)],
            ),
        }
    }
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::Fr))
    }
}

impl std::error::Error for MergeError {}

/// A version of an entity, from one source.
struct Version<T> {
    source: String,
    item: T,
    /// The entity's text, to break ties the same way every time: written when first
    /// needed (most versions never tie).
    text: std::cell::OnceCell<String>,
}

impl<T: Serialize> Version<T> {
    fn text(&self) -> &str {
        self.text
            .get_or_init(|| ron::to_string(&self.item).unwrap_or_default())
    }
}

/// Every version of the entities of one kind: in each file's list, and as each file's
/// deletions last knew them.
fn versions<T: Clone + Serialize + InRecord>(
    sources: &[(&str, &Session)],
    pick: impl Fn(&Session) -> &Vec<T>,
) -> Vec<Version<T>> {
    sources
        .iter()
        .flat_map(|(source, session)| {
            let deleted = session
                .deleted
                .iter()
                .filter_map(|d| d.last.as_deref().and_then(T::from_record));
            pick(session)
                .iter()
                .chain(deleted)
                .map(move |item| Version {
                    source: (*source).to_owned(),
                    item: item.clone(),
                    text: std::cell::OnceCell::new(),
                })
        })
        .collect()
}

/// What the merge needs to know of an entity kind.
trait Mergeable:
    Entity + InRecord + Serialize + serde::de::DeserializeOwned + Clone + PartialEq
{
    const KIND: EntityKind;
    const KEY: &'static str;
    fn label(&self) -> String;
    /// Rewrites references to entities found under another id.
    fn remap(&mut self, _aliases: &Aliases) {}
}

macro_rules! mergeable {
    ($ty:ty, $kind:expr, $key:expr, |$s:ident| $label:expr) => {
        mergeable!(
            $ty,
            $kind,
            $key,
            |$s| $label,
            remap | _entity,
            _aliases | {}
        );
    };
    ($ty:ty, $kind:expr, $key:expr, |$s:ident| $label:expr, remap |$r:ident, $a:ident| $body:block) => {
        impl Mergeable for $ty {
            const KIND: EntityKind = $kind;
            const KEY: &'static str = $key;
            fn label(&self) -> String {
                let $s = self;
                $label
            }
            fn remap(&mut self, $a: &Aliases) {
                let $r = self;
                $body
            }
        }
    };
}

/// Ids found under the same name as another, each mapped to the one kept.
#[derive(Default)]
struct Aliases {
    organisations: HashMap<Uuid, Uuid>,
    clusters: HashMap<Uuid, Uuid>,
    tables: HashMap<Uuid, Uuid>,
    facilitators: HashMap<Uuid, Uuid>,
    categories: HashMap<Uuid, Uuid>,
}

impl Aliases {
    fn count(&self) -> usize {
        self.organisations.len()
            + self.clusters.len()
            + self.tables.len()
            + self.facilitators.len()
            + self.categories.len()
    }
}

fn follow(map: &HashMap<Uuid, Uuid>, id: &mut Uuid) {
    if let Some(to) = map.get(id) {
        *id = *to;
    }
}

fn follow_option(map: &HashMap<Uuid, Uuid>, id: &mut Option<Uuid>) {
    if let Some(id) = id.as_mut() {
        follow(map, id);
    }
}

mergeable!(Facilitator, EntityKind::Facilitator, "facilitators", |s| s
    .name
    .clone());
mergeable!(
    Table,
    EntityKind::Table,
    "tables",
    |s| s.name.clone(),
    remap | t,
    a | {
        follow_option(&a.facilitators, &mut t.facilitator);
    }
);
mergeable!(Category, EntityKind::Category, "categories", |s| s
    .key
    .clone());
mergeable!(Cluster, EntityKind::Cluster, "clusters", |s| s.name.clone());
mergeable!(
    Organisation,
    EntityKind::Organisation,
    "organisations",
    |s| s.name.clone(),
    remap | o,
    a | {
        follow_option(&a.tables, &mut o.table);
    }
);
mergeable!(
    Fiche,
    EntityKind::Fiche,
    "fiches",
    |s| s.resource.clone(),
    remap | f,
    a | {
        follow(&a.organisations, &mut f.organisation);
    }
);
mergeable!(
    Idea,
    EntityKind::Idea,
    "ideas",
    |s| s.title.clone(),
    remap | i,
    a | {
        let mut seen = BTreeSet::new();
        i.organisations = i
            .organisations
            .iter()
            .map(|o| *a.organisations.get(o).unwrap_or(o))
            .filter(|o| seen.insert(*o))
            .collect();
        follow_option(&a.organisations, &mut i.owner);
        follow_option(&a.clusters, &mut i.cluster);
        follow_option(&a.tables, &mut i.table);
        follow_option(&a.facilitators, &mut i.facilitator);
    }
);

/// Ids found under the same name (folded) are made one: the earliest created, then the
/// smallest id. Returns alias → canonical.
fn unify_by_name<T: Mergeable>(
    versions: &[Version<T>],
    name: impl Fn(&T) -> String,
) -> HashMap<Uuid, Uuid> {
    // The name of each id is that of its latest version.
    let mut latest: BTreeMap<Uuid, &Version<T>> = BTreeMap::new();
    for v in versions {
        let id = v.item.id();
        let newer = latest.get(&id).is_none_or(|current| {
            (v.item.modified(), v.text()) > (current.item.modified(), current.text())
        });
        if newer {
            latest.insert(id, v);
        }
    }
    let mut earliest_created: BTreeMap<Uuid, Timestamp> = BTreeMap::new();
    for v in versions {
        let entry = earliest_created
            .entry(v.item.id())
            .or_insert(v.item.created());
        *entry = (*entry).min(v.item.created());
    }
    let mut by_name: BTreeMap<String, Vec<Uuid>> = BTreeMap::new();
    for (id, v) in &latest {
        let key = fold(&name(&v.item));
        if !key.is_empty() {
            by_name.entry(key).or_default().push(*id);
        }
    }
    let mut aliases = HashMap::new();
    for ids in by_name.values().filter(|ids| ids.len() > 1) {
        let canonical = ids
            .iter()
            .min_by_key(|id| (earliest_created.get(id).copied(), **id))
            .copied();
        if let Some(canonical) = canonical {
            for id in ids.iter().filter(|id| **id != canonical) {
                aliases.insert(*id, canonical);
            }
        }
    }
    aliases
}

struct Merged<T> {
    items: Vec<T>,
    /// Entities that stay deleted, merged: what their deletion keeps of them.
    gone: Vec<T>,
    conflicts: Vec<Conflict>,
    changes: Vec<Change>,
    added: usize,
    updated: usize,
    /// Entities of the base that a deletion removed.
    deleted: usize,
    /// Names of entities deleted somewhere, changed since, and so kept.
    revived: Vec<String>,
}

/// One version's value of one field, with its clock.
struct Candidate<'a> {
    source: &'a str,
    value: Option<&'a serde_json::Value>,
    /// The value as text: what orders two values set at the same time.
    text: String,
    clock: FieldClock,
    /// The value the entity was made with on its laptop, never changed since: every
    /// change replaced it, so it is no conflict and nothing to know of.
    first: bool,
}

impl Candidate<'_> {
    /// What decides between two values: the later, then the laptop, then the greater
    /// text, so that the choice never depends on the order of the files. The laptop
    /// comes before the text: a value's text can change when the merge unifies two
    /// groups or organisations of one name (its id becomes the other's), and a choice
    /// made by text in one merge would then differ from the same choice made in a later
    /// one, so that merging one file at a time would not give what merging all does.
    fn order(&self) -> (Timestamp, &str, &str) {
        (self.clock.at, &self.clock.by, &self.text)
    }
}

/// One entity merged field by field.
struct FieldMerge<T> {
    item: T,
    conflicts: Vec<Conflict>,
    /// Each field's value and the file it won from.
    winners: BTreeMap<String, (FieldValue, String)>,
}

/// Merges the versions of one entity field by field: each field takes its latest value
/// (by its clock); two values of one field set on laptops that did not know of each
/// other's change, both after the copies (`baseline`), are a conflict.
fn merge_fields<T: Mergeable>(
    group: &[Version<T>],
    baseline: Option<Timestamp>,
) -> Option<FieldMerge<T>> {
    let latest = group
        .iter()
        .max_by(|a, b| (a.item.modified(), a.text()).cmp(&(b.item.modified(), b.text())))?;
    let created = group.iter().map(|v| v.item.created()).min()?;
    let values: Vec<BTreeMap<String, serde_json::Value>> =
        group.iter().map(|v| field_values(&v.item)).collect();
    // A field the file leaves out (a flag that is off) may still have a clock.
    let fields: BTreeSet<&String> = values
        .iter()
        .flat_map(|v| v.keys())
        .chain(group.iter().flat_map(|v| v.item.clocks().keys()))
        .collect();
    let mut object = match serde_json::to_value(&latest.item) {
        Ok(serde_json::Value::Object(object)) => object,
        _ => return None,
    };
    let mut clocks = FieldClocks::new();
    let mut conflicts = Vec::new();
    let mut winners = BTreeMap::new();
    for field in fields {
        let candidates: Vec<Candidate> = group
            .iter()
            .zip(&values)
            .map(|(version, values)| {
                let value = values.get(field);
                let clock = clock_of(&version.item, field);
                Candidate {
                    source: &version.source,
                    value,
                    text: value.map(|v| v.to_string()).unwrap_or_default(),
                    first: is_implied(&clock, version.item.created()),
                    clock,
                }
            })
            .collect();
        let Some(winner) = candidates.iter().max_by(|a, b| a.order().cmp(&b.order())) else {
            continue;
        };
        let same_change = |c: &Candidate| c.order() == winner.order();
        // What the kept value already knew of, on any copy of it.
        let mut known = BTreeMap::new();
        for c in candidates.iter().filter(|c| same_change(c)) {
            for (by, at) in &c.clock.seen {
                knows_of(&mut known, by, *at);
            }
        }
        // From now on it knows of every other value.
        let mut seen = known.clone();
        for c in &candidates {
            for (by, at) in &c.clock.seen {
                knows_of(&mut seen, by, *at);
            }
            if !same_change(c) {
                knows_of(&mut seen, &c.clock.by, c.clock.at);
            }
        }
        let after_copies = |at: Timestamp| baseline.is_none_or(|b| at > b);
        // A value another laptop set without knowing of the kept one, both after the
        // copies were made. (A laptop's own earlier values are its own history.)
        let unknown = |c: &Candidate| {
            let same_laptop = !c.clock.by.is_empty() && c.clock.by == winner.clock.by;
            !same_laptop && known.get(&c.clock.by).is_none_or(|k| c.clock.at > *k)
        };
        let mut others: BTreeMap<&str, &Candidate> = BTreeMap::new();
        for c in candidates.iter().filter(|c| {
            c.text != winner.text
                && !c.first
                && unknown(c)
                && after_copies(c.clock.at)
                && after_copies(winner.clock.at)
        }) {
            let later = others
                .get(c.text.as_str())
                .is_none_or(|o| c.order() > o.order());
            if later {
                others.insert(&c.text, c);
            }
        }
        for other in others.into_values() {
            let side = |c: &Candidate| Side {
                value: c.value.cloned(),
                source: c.source.to_owned(),
                laptop: c.clock.by.clone(),
                at: c.clock.at,
            };
            conflicts.push(Conflict {
                kind: T::KIND,
                id: latest.item.id(),
                label: String::new(),
                field: field.clone(),
                kept: side(winner),
                other: side(other),
            });
        }
        match winner.value {
            Some(value) => object.insert(field.clone(), value.clone()),
            None => object.remove(field.as_str()),
        };
        winners.insert(
            field.clone(),
            (winner.value.cloned(), winner.source.to_owned()),
        );
        let clock = FieldClock {
            at: winner.clock.at,
            seen,
            by: winner.clock.by.clone(),
        };
        if !is_implied(&clock, created) {
            clocks.insert(field.clone(), clock);
        }
    }
    // The latest change of any version (a laptop whose clock was set back may have
    // dated a field earlier than its entity's last change).
    let modified = clocks
        .values()
        .map(|c| c.at)
        .chain(group.iter().map(|v| v.item.modified()))
        .fold(created, Timestamp::max);
    let mut item: T = serde_json::from_value(serde_json::Value::Object(object)).ok()?;
    item.set_created(created);
    item.touch(modified);
    *item.clocks_mut() = clocks;
    let label = item.label();
    for conflict in &mut conflicts {
        conflict.label.clone_from(&label);
    }
    Some(FieldMerge {
        item,
        conflicts,
        winners,
    })
}

/// Merges each entity's versions (after aliasing, references rewritten) field by field
/// (see [`merge_fields`]). An entity deleted at some time (`deleted`) keeps only its
/// versions changed after it, if any. Names each change against `base_items`.
fn merge_kind<T: Mergeable>(
    versions: Vec<Version<T>>,
    own: &HashMap<Uuid, Uuid>,
    aliases: &Aliases,
    base_items: &[T],
    baseline: Option<Timestamp>,
    deleted: &HashMap<Uuid, (Timestamp, String)>,
) -> Merged<T> {
    let mut groups: BTreeMap<Uuid, Vec<Version<T>>> = BTreeMap::new();
    for mut v in versions {
        let id = v.item.id();
        let canonical = *own.get(&id).unwrap_or(&id);
        let before = v.item.clone();
        v.item.remap(aliases);
        v.item.set_id(canonical);
        if v.item != before {
            v.text = std::cell::OnceCell::new();
        }
        groups.entry(canonical).or_default().push(v);
    }
    let base_by_id: HashMap<Uuid, &T> = base_items.iter().map(|b| (b.id(), b)).collect();
    // Each deletion under the id it is merged as.
    let mut deleted_at: HashMap<Uuid, (Timestamp, String)> = HashMap::new();
    for (id, (at, source)) in deleted {
        let canonical = *own.get(id).unwrap_or(id);
        let later = deleted_at.get(&canonical).is_none_or(|(kept, _)| at > kept);
        if later {
            deleted_at.insert(canonical, (*at, source.clone()));
        }
    }
    let mut merged = Merged {
        items: Vec::new(),
        gone: Vec::new(),
        conflicts: Vec::new(),
        changes: Vec::new(),
        added: 0,
        updated: 0,
        deleted: 0,
        revived: Vec::new(),
    };
    for (id, group) in groups {
        let change = |source: &str, label: String, what: ChangeKind| Change {
            source: source.to_owned(),
            kind: T::KIND,
            id,
            label,
            what,
        };
        let base = base_by_id.get(&id).copied();
        // Versions alike in every way, dated field by field, are the merge of themselves.
        let Some(first) = group.first() else {
            continue;
        };
        let alike = group.iter().all(|v| v.item == first.item)
            && (!first.item.clocks().is_empty() || first.item.modified() == first.item.created());
        let m = if alike {
            FieldMerge {
                item: first.item.clone(),
                conflicts: Vec::new(),
                winners: BTreeMap::new(),
            }
        } else {
            let Some(m) = merge_fields(&group, baseline) else {
                continue;
            };
            m
        };
        if let Some((at, source)) = deleted_at.get(&id) {
            // A change made after the deletion brings the entity back, with the later
            // value of each field; otherwise the deletion stands.
            match group
                .iter()
                .filter(|v| v.item.modified() > *at)
                .max_by_key(|v| v.item.modified())
            {
                None => {
                    if base.is_some() {
                        merged.deleted += 1;
                        merged
                            .changes
                            .push(change(source, m.item.label(), ChangeKind::Deleted));
                    }
                    merged.gone.push(m.item);
                    continue;
                }
                Some(v) => {
                    merged.revived.push(v.item.label());
                    merged
                        .changes
                        .push(change(&v.source, v.item.label(), ChangeKind::Revived));
                }
            }
        }
        merged.conflicts.extend(m.conflicts);
        let (item, winners) = (m.item, m.winners);
        match base {
            None => {
                merged.added += 1;
                let source = group
                    .iter()
                    .max_by_key(|v| v.item.modified())
                    .map_or("", |v| v.source.as_str());
                merged
                    .changes
                    .push(change(source, item.label(), ChangeKind::Added));
            }
            Some(before) => {
                let old = field_values(before);
                let new = field_values(&item);
                let mut any = false;
                for (field, value) in new.iter().map(|(k, v)| (k, Some(v))).chain(
                    old.keys()
                        .filter(|k| !new.contains_key(*k))
                        .map(|k| (k, None)),
                ) {
                    if old.get(field) == value {
                        continue;
                    }
                    any = true;
                    let source = winners
                        .get(field)
                        .map(|(_, source)| source.as_str())
                        .or_else(|| group.first().map(|v| v.source.as_str()))
                        .unwrap_or_default();
                    merged.changes.push(change(
                        source,
                        item.label(),
                        ChangeKind::Field {
                            field: field.clone(),
                            old: old.get(field).cloned(),
                            new: value.cloned(),
                        },
                    ));
                }
                merged.updated += usize::from(any);
            }
        }
        merged.items.push(item);
    }
    merged.items.sort_by_key(|a| (a.created(), a.id()));
    merged
}

/// Merges `inputs` into `base`. Refuses, merging nothing, a file of another session
/// unless `force`.
pub fn merge(
    base: &Session,
    base_source: &str,
    inputs: &[MergeInput],
    force: bool,
) -> Result<MergeReport, MergeError> {
    if !force && let Some(other) = inputs.iter().find(|i| i.session.id != base.id) {
        return Err(MergeError::OtherSession {
            file: other.source.clone(),
            expected: base.id,
            found: other.session.id,
        });
    }
    let mut sources: Vec<(&str, &Session)> = vec![(base_source, base)];
    sources.extend(inputs.iter().map(|i| (i.source.as_str(), &i.session)));
    // Changes made after the copies were prepared are each table's own.
    let baseline = sources
        .iter()
        .filter_map(|(_, s)| s.table_copy.as_ref().map(|c| c.prepared_at))
        .min();

    // Every file's deletions, the latest of each entity's.
    let mut deletions: BTreeMap<Uuid, (Deletion, &str)> = BTreeMap::new();
    for (source, d) in sources
        .iter()
        .flat_map(|(source, s)| s.deleted.iter().map(move |d| (*source, d)))
    {
        let later = deletions.get(&d.id).is_none_or(|(kept, kept_source)| {
            (d.at, &d.by, source) > (kept.at, &kept.by, *kept_source)
        });
        if later {
            deletions.insert(d.id, (d.clone(), source));
        }
    }
    let deleted_of = |kind: EntityKind| -> HashMap<Uuid, (Timestamp, String)> {
        deletions
            .values()
            .filter(|(d, _)| d.kind == kind)
            .map(|(d, source)| (d.id, (d.at, (*source).to_owned())))
            .collect()
    };

    let organisation_versions = versions(&sources, |s| &s.organisations);
    let cluster_versions = versions(&sources, |s| &s.clusters);
    let table_versions = versions(&sources, |s| &s.tables);
    let facilitator_versions = versions(&sources, |s| &s.facilitators);
    let category_versions = versions(&sources, |s| &s.categories);
    // Organisations and clusters registered at two tables, and (for a file of another
    // session, merged on request) its tables, facilitators and categories, are one.
    let aliases = Aliases {
        organisations: unify_by_name(&organisation_versions, |o| o.name.clone()),
        clusters: unify_by_name(&cluster_versions, |c| c.name.clone()),
        tables: unify_by_name(&table_versions, |t| t.name.clone()),
        facilitators: unify_by_name(&facilitator_versions, |f| f.name.clone()),
        categories: unify_by_name(&category_versions, |c| c.key.clone()),
    };

    let mut report = MergeReport {
        merged: base.clone(),
        added: BTreeMap::new(),
        updated: BTreeMap::new(),
        deleted: BTreeMap::new(),
        revived: Vec::new(),
        unified_by_name: aliases.count(),
        conflicts: Vec::new(),
        changes: Vec::new(),
        names: ValueNames::of(sources.iter().map(|(_, s)| *s)),
        changed: false,
    };
    let mut gone: HashMap<Uuid, Record> = HashMap::new();
    macro_rules! merge_field {
        ($field:ident, $ty:ty, $versions:expr, $own:expr) => {{
            let merged: Merged<$ty> = merge_kind(
                $versions,
                $own,
                &aliases,
                &base.$field,
                baseline,
                &deleted_of(<$ty>::KIND),
            );
            if merged.added > 0 {
                report.added.insert(<$ty>::KEY, merged.added);
            }
            if merged.deleted > 0 {
                report.deleted.insert(<$ty>::KEY, merged.deleted);
            }
            report.revived.extend(merged.revived);
            if merged.updated > 0 {
                report.updated.insert(<$ty>::KEY, merged.updated);
            }
            report.conflicts.extend(merged.conflicts);
            report.changes.extend(merged.changes);
            gone.extend(
                merged
                    .gone
                    .into_iter()
                    .map(|e| (e.id(), InRecord::into_record(e))),
            );
            report.merged.$field = merged.items;
        }};
    }
    let none = HashMap::new();
    merge_field!(
        facilitators,
        Facilitator,
        facilitator_versions,
        &aliases.facilitators
    );
    merge_field!(tables, Table, table_versions, &aliases.tables);
    merge_field!(categories, Category, category_versions, &aliases.categories);
    merge_field!(clusters, Cluster, cluster_versions, &aliases.clusters);
    merge_field!(
        organisations,
        Organisation,
        organisation_versions,
        &aliases.organisations
    );
    merge_field!(fiches, Fiche, versions(&sources, |s| &s.fiches), &none);
    merge_field!(ideas, Idea, versions(&sources, |s| &s.ideas), &none);

    // The session's details: the latest change wins, like any entity.
    if let Some(info) = sources.iter().map(|(_, s)| &s.info).max_by(|a, b| {
        (a.modified, ron::to_string(a).unwrap_or_default())
            .cmp(&(b.modified, ron::to_string(b).unwrap_or_default()))
    }) {
        if info != &base.info {
            report.updated.insert("details", 1);
        }
        report.merged.info = info.clone();
    }
    // The B2B plan and its settings: the latest change wins (the lead plans them).
    if let Some(b2b) = sources.iter().map(|(_, s)| &s.b2b).max_by(|a, b| {
        (a.modified, ron::to_string(a).unwrap_or_default())
            .cmp(&(b.modified, ron::to_string(b).unwrap_or_default()))
    }) {
        if b2b != &base.b2b {
            report.updated.insert("b2b", 1);
        }
        report.merged.b2b = b2b.clone();
    }
    report.merged.created = sources
        .iter()
        .map(|(_, s)| s.created)
        .min()
        .unwrap_or(base.created);
    // The result is the lead's session: it stays a table's copy only if the base was one.
    report.merged.table_copy = base.table_copy.clone();
    // What is deleted stays recorded, unless it came back; what referred to it follows.
    report.merged.deleted = deletions
        .into_values()
        .map(|(mut d, _)| {
            d.last = gone.remove(&d.id).map(Box::new);
            d
        })
        .filter(|d| !exists(&report.merged, d.kind, d.id))
        .collect();
    // A suggestion dismissed on any laptop stays dismissed: the earliest dismissal of
    // each is kept, whatever the order of the files.
    let mut dismissed: BTreeMap<Vec<Uuid>, crate::model::Dismissal> = BTreeMap::new();
    for d in sources.iter().flat_map(|(_, s)| s.dismissed.iter()) {
        let earlier = dismissed
            .get(&d.fiches)
            .is_none_or(|kept| (d.at, &d.by) < (kept.at, &kept.by));
        if earlier {
            dismissed.insert(d.fiches.clone(), d.clone());
        }
    }
    report.merged.dismissed = dismissed.into_values().collect();
    let newly_dismissed = report
        .merged
        .dismissed
        .iter()
        .filter(|d| !base.dismissed.iter().any(|b| b.fiches == d.fiches))
        .count();
    if newly_dismissed > 0 {
        report.added.insert("dismissed", newly_dismissed);
    }
    drop_dangling_references(&mut report.merged);
    report.changed = &report.merged != base;
    if !report.changed {
        report.unified_by_name = 0;
    }
    report.conflicts.sort_by(|a, b| {
        (a.kind as u8, &a.label, &a.field, &a.other.source).cmp(&(
            b.kind as u8,
            &b.label,
            &b.field,
            &b.other.source,
        ))
    });
    report.changes.sort_by(|a, b| {
        (&a.source, a.kind as u8, &a.label).cmp(&(&b.source, b.kind as u8, &b.label))
    });
    Ok(report)
}

/// True when `session` holds the entity `id` of `kind`.
fn exists(session: &Session, kind: EntityKind, id: Uuid) -> bool {
    fn has<T: Entity>(items: &[T], id: Uuid) -> bool {
        items.iter().any(|e| e.id() == id)
    }
    match kind {
        EntityKind::Facilitator => has(&session.facilitators, id),
        EntityKind::Table => has(&session.tables, id),
        EntityKind::Category => has(&session.categories, id),
        EntityKind::Organisation => has(&session.organisations, id),
        EntityKind::Fiche => has(&session.fiches, id),
        EntityKind::Idea => has(&session.ideas, id),
        EntityKind::Cluster => has(&session.clusters, id),
    }
}

/// Removes the references to entities a deletion removed: a resource sheet of a
/// deleted organisation goes with it; an idea forgets a deleted organisation, sheet,
/// cluster, table or facilitator, as deleting it in the app does.
fn drop_dangling_references(session: &mut Session) {
    let ids =
        |items: &mut dyn Iterator<Item = Uuid>| items.collect::<std::collections::HashSet<_>>();
    let organisations = ids(&mut session.organisations.iter().map(|o| o.id));
    session
        .fiches
        .retain(|f| organisations.contains(&f.organisation));
    let fiches = ids(&mut session.fiches.iter().map(|f| f.id));
    let clusters = ids(&mut session.clusters.iter().map(|c| c.id));
    let tables = ids(&mut session.tables.iter().map(|t| t.id));
    let facilitators = ids(&mut session.facilitators.iter().map(|f| f.id));
    let keep = |set: &std::collections::HashSet<Uuid>, id: &mut Option<Uuid>| {
        if id.is_some_and(|i| !set.contains(&i)) {
            *id = None;
        }
    };
    for idea in &mut session.ideas {
        idea.organisations.retain(|o| organisations.contains(o));
        idea.fiches.retain(|f| fiches.contains(f));
        keep(&organisations, &mut idea.owner);
        keep(&clusters, &mut idea.cluster);
        keep(&tables, &mut idea.table);
        keep(&facilitators, &mut idea.facilitator);
    }
    for org in &mut session.organisations {
        keep(&tables, &mut org.table);
    }
    for table in &mut session.tables {
        keep(&facilitators, &mut table.facilitator);
    }
}

/// One copy of `session` per table, each with its table and facilitator set; returns
/// the sessions with their file names (`STEM-table-1.ron`…).
pub fn table_copies(session: &Session, stem: &str, now: Timestamp) -> Vec<(String, Session)> {
    session
        .tables
        .iter()
        .map(|table| {
            let mut copy = session.clone();
            copy.table_copy = Some(TableCopy {
                table: table.id,
                facilitator: table.facilitator,
                prepared_at: now,
            });
            let name = format!(
                "{stem}-{}.ron",
                fold(&table.name).replace(|c: char| !c.is_ascii_alphanumeric(), "-")
            );
            (name, copy)
        })
        .collect()
}

/// Writes the table copies of `session` into `folder`; returns the files written.
pub fn write_table_copies(
    session: &Session,
    stem: &str,
    folder: &Path,
) -> Result<Vec<PathBuf>, crate::store::StoreError> {
    let now = chrono::Utc::now();
    let mut written = Vec::new();
    for (name, copy) in table_copies(session, stem, now) {
        let path = folder.join(name);
        crate::store::save(&path, &copy)?;
        written.push(path);
    }
    Ok(written)
}
