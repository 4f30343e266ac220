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

mod watch;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use uuid::Uuid;

pub use watch::{FolderWatch, WatchEvent};

use crate::i18n::{Plural, fill, words};
use crate::model::text::fold;
use crate::model::{
    Category, Cluster, Deletion, Entity, EntityKind, Facilitator, Fiche, Idea, Language,
    Organisation, Session, Table, TableCopy, Timestamp,
};

/// One session to merge, with the name it is reported under (its file name).
pub struct MergeInput {
    pub source: String,
    pub session: Session,
}

/// One version of an entity that lost to a later one, though both were changed after the
/// copies were made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: EntityKind,
    /// The entity's name or title.
    pub label: String,
    pub kept_source: String,
    pub kept_modified: Timestamp,
    pub dropped_source: String,
    pub dropped_modified: Timestamp,
    /// The fields that differ: `field: dropped value → kept value`.
    pub differences: Vec<String>,
}

impl Conflict {
    /// One line for the summary and the command's output.
    pub fn describe(&self, language: Language) -> String {
        fill(
            words(language).merge.conflict,
            &[
                ("kind", &self.kind.word(language)),
                ("label", &self.label),
                ("kept", &self.kept_source),
                ("kept_at", &self.kept_modified.format("%d/%m %H:%M:%S")),
                ("dropped", &self.dropped_source),
                (
                    "dropped_at",
                    &self.dropped_modified.format("%d/%m %H:%M:%S"),
                ),
                ("differences", &self.differences.join("; ")),
            ],
        )
    }
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
    /// The entity's text, to compare versions and break ties the same way every time.
    text: String,
}

fn versions<T: Clone + Serialize>(
    sources: &[(&str, &Session)],
    pick: impl Fn(&Session) -> &Vec<T>,
) -> Vec<Version<T>> {
    sources
        .iter()
        .flat_map(|(source, session)| {
            pick(session).iter().map(move |item| Version {
                source: (*source).to_owned(),
                item: item.clone(),
                text: ron::to_string(item).unwrap_or_default(),
            })
        })
        .collect()
}

/// What the merge needs to know of an entity kind.
trait Mergeable: Entity + Serialize + Clone {
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
            (v.item.modified(), &v.text) > (current.item.modified(), &current.text)
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
    conflicts: Vec<Conflict>,
    added: usize,
    updated: usize,
    /// Entities of the base that a deletion removed.
    deleted: usize,
    /// Names of entities deleted somewhere, changed since, and so kept.
    revived: Vec<String>,
}

/// Picks the latest version of each entity (after aliasing), rewrites references, and
/// finds conflicts: two different versions both changed after `baseline`. An entity
/// deleted at some time (`deleted`) keeps only its versions changed after it, if any.
fn merge_kind<T: Mergeable>(
    versions: Vec<Version<T>>,
    own: &HashMap<Uuid, Uuid>,
    aliases: &Aliases,
    base_items: &[T],
    baseline: Option<Timestamp>,
    deleted: &HashMap<Uuid, Timestamp>,
) -> Merged<T> {
    let mut groups: BTreeMap<Uuid, Vec<Version<T>>> = BTreeMap::new();
    for mut v in versions {
        let id = v.item.id();
        let canonical = *own.get(&id).unwrap_or(&id);
        v.item.remap(aliases);
        v.item.set_id(canonical);
        v.text = ron::to_string(&v.item).unwrap_or_default();
        groups.entry(canonical).or_default().push(v);
    }
    let mut items = Vec::new();
    let mut conflicts = Vec::new();
    let mut added = 0;
    let mut updated = 0;
    let mut removed = 0;
    let mut revived = Vec::new();
    let deleted_at = |id: &Uuid| {
        deleted
            .iter()
            .filter(|(d, _)| *own.get(d).unwrap_or(d) == *id)
            .map(|(_, at)| *at)
            .max()
    };
    for (id, mut group) in groups {
        let created = group.iter().map(|v| v.item.created()).min();
        if let Some(at) = deleted_at(&id) {
            // Only what was changed after the deletion survives it.
            group.retain(|v| v.item.modified() > at);
            match group.first() {
                None => {
                    removed += usize::from(base_items.iter().any(|b| b.id() == id));
                    continue;
                }
                Some(v) => revived.push(v.item.label()),
            }
        }
        let Some(winner) = group
            .iter()
            .max_by(|a, b| (a.item.modified(), &a.text).cmp(&(b.item.modified(), &b.text)))
        else {
            continue;
        };
        let mut item = winner.item.clone();
        if let Some(created) = created {
            item.set_created(created);
        }
        // Conflicts: other versions, different from the winner, changed since the copies.
        let changed = |v: &Version<T>| baseline.is_none_or(|b| v.item.modified() > b);
        if changed(winner) {
            let mut reported = BTreeSet::new();
            for other in group.iter().filter(|v| v.text != winner.text && changed(v)) {
                if !reported.insert(other.text.clone()) {
                    continue;
                }
                // Versions that differ only in their times are the same change.
                let differences = differences(&other.item, &winner.item);
                if differences.is_empty() {
                    continue;
                }
                conflicts.push(Conflict {
                    kind: T::KIND,
                    label: item.label(),
                    kept_source: winner.source.clone(),
                    kept_modified: winner.item.modified(),
                    dropped_source: other.source.clone(),
                    dropped_modified: other.item.modified(),
                    differences,
                });
            }
        }
        match base_items.iter().find(|b| b.id() == id) {
            None => added += 1,
            Some(before) => {
                if ron::to_string(before).unwrap_or_default()
                    != ron::to_string(&item).unwrap_or_default()
                {
                    updated += 1;
                }
            }
        }
        items.push(item);
    }
    items.sort_by_key(|a| (a.created(), a.id()));
    Merged {
        items,
        conflicts,
        added,
        updated,
        deleted: removed,
        revived,
    }
}

/// The fields that differ between two versions, as `field: old → new`.
fn differences<T: Serialize>(dropped: &T, kept: &T) -> Vec<String> {
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(dropped), serde_json::to_value(kept))
    else {
        return Vec::new();
    };
    let short = |v: &serde_json::Value| {
        let text = match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let cut: String = text.chars().take(60).collect();
        if cut.len() < text.len() {
            format!("{cut}…")
        } else {
            cut
        }
    };
    a.iter()
        .filter(|(k, _)| k.as_str() != "modified" && k.as_str() != "created")
        .filter_map(|(k, va)| {
            let vb = b.get(k)?;
            (va != vb).then(|| format!("{k}: {} → {}", short(va), short(vb)))
        })
        .collect()
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
    let mut deletions: BTreeMap<Uuid, Deletion> = BTreeMap::new();
    for d in sources.iter().flat_map(|(_, s)| &s.deleted) {
        let later = deletions
            .get(&d.id)
            .is_none_or(|kept| (d.at, &d.by) > (kept.at, &kept.by));
        if later {
            deletions.insert(d.id, d.clone());
        }
    }
    let deleted_of = |kind: EntityKind| -> HashMap<Uuid, Timestamp> {
        deletions
            .values()
            .filter(|d| d.kind == kind)
            .map(|d| (d.id, d.at))
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
        changed: false,
    };
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
        .filter(|d| !exists(&report.merged, d.kind, d.id))
        .collect();
    drop_dangling_references(&mut report.merged);
    report.changed = &report.merged != base;
    if !report.changed {
        report.unified_by_name = 0;
    }
    report.conflicts.sort_by(|a, b| {
        (a.kind as u8, &a.label, &a.dropped_source).cmp(&(
            b.kind as u8,
            &b.label,
            &b.dropped_source,
        ))
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
