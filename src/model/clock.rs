//! When each field of an entity last changed: what lets a merge keep two laptops'
//! changes to different fields of one entity, and tell a real conflict (the same field
//! changed on two laptops, neither knowing of the other's change) from a later edit.
//!
//! A field's clock says when its value was set, on which laptop, and, for each laptop,
//! the latest change of that laptop the value is known to have replaced (a version
//! vector: a single time could not tell a change made elsewhere from one made on this
//! laptop later). A field with no clock has not changed since the
//! entity was made, except in files written before clocks existed: there an entity
//! changed after its creation has every field dated by its `modified` time, which is
//! how those files were merged.
//!
//! Fields are read and written through serde (the names are the session file's), so
//! that every field of every kind is covered without a list to keep up to date.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::entities::{Entity, Timestamp};

/// When one field was last set, and what that value is known to have replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldClock {
    /// When the value was set.
    pub at: Timestamp,
    /// For each table's laptop, its latest change of this field that this value
    /// replaced, on this laptop or shown as a conflict by
    /// a merge: a change made at or before it is no conflict.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub seen: BTreeMap<String, Timestamp>,
    /// The table whose laptop set it; empty for the lead's session.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
}

/// The clocks of an entity's changed fields, by field name.
pub type FieldClocks = BTreeMap<String, FieldClock>;

/// The fields of the entity that are not its identity or times.
const META_FIELDS: [&str; 4] = ["id", "created", "modified", "clocks"];

/// An entity's fields by name (those that serde writes), without its id, times and clocks.
pub fn field_values<T: Serialize>(item: &T) -> BTreeMap<String, serde_json::Value> {
    match serde_json::to_value(item) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter(|(k, _)| !META_FIELDS.contains(&k.as_str()))
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// True for an entity of a file written before field clocks: changed since it was made,
/// with no clock.
fn written_before_clocks<T: Entity>(item: &T) -> bool {
    item.clocks().is_empty() && item.modified() > item.created()
}

/// The clock of `field`, explicit or implied.
pub fn clock_of<T: Entity>(item: &T, field: &str) -> FieldClock {
    if let Some(clock) = item.clocks().get(field) {
        return clock.clone();
    }
    let at = if written_before_clocks(item) {
        item.modified()
    } else {
        item.created()
    };
    FieldClock {
        at,
        seen: BTreeMap::new(),
        by: String::new(),
    }
}

/// True when the clock says no more than "unchanged since the entity was made".
pub fn is_implied(clock: &FieldClock, created: Timestamp) -> bool {
    clock.at == created && clock.seen.is_empty() && clock.by.is_empty()
}

/// Dates the fields that `after` changes from `before` at `now`, by `by`, unless the
/// change already carries its own clock (a merge's result). `after.modified` becomes
/// `now` (or stays `before`'s if later) when a field changed, and stays `before`'s when
/// none did.
pub fn stamp_changes<T: Entity + Serialize>(before: &T, after: &mut T, now: Timestamp, by: &str) {
    let old = field_values(before);
    let new = field_values(after);
    let changed: Vec<&String> = new
        .iter()
        .filter(|(field, value)| old.get(*field) != Some(value))
        .chain(old.iter().filter(|(field, _)| !new.contains_key(*field)))
        .map(|(field, _)| field)
        .collect();
    if changed.is_empty() {
        after.touch(before.modified());
        return;
    }
    // A field whose change already carries its own clock keeps it.
    let to_date: Vec<String> = changed
        .into_iter()
        .filter(|field| after.clocks().get(field.as_str()) == before.clocks().get(field.as_str()))
        .cloned()
        .collect();
    // Dates implied by an old file's `modified` are written out before any field gets
    // its own, which would end the implication.
    if written_before_clocks(before) && after.clocks().is_empty() {
        *after.clocks_mut() = old
            .keys()
            .map(|field| (field.clone(), clock_of(before, field)))
            .collect();
    }
    for field in to_date {
        let previous = clock_of(before, &field);
        let mut seen = previous.seen.clone();
        if !is_implied(&previous, before.created()) {
            knows_of(&mut seen, &previous.by, previous.at);
        }
        after.clocks_mut().insert(
            field,
            FieldClock {
                at: now,
                seen,
                by: by.to_owned(),
            },
        );
    }
    // A laptop's clock set back does not make the entity older than its latest change.
    after.touch(now.max(before.modified()));
}

/// Records in `seen` that the change of laptop `by` at `at` is known. The lead's own
/// changes (and the values an entity was made with) are not recorded: a table never
/// receives them except in a new copy, so any value of the lead's that differs is
/// worth showing.
pub fn knows_of(seen: &mut BTreeMap<String, Timestamp>, by: &str, at: Timestamp) {
    if by.is_empty() {
        return;
    }
    let known = seen.entry(by.to_owned()).or_insert(at);
    *known = (*known).max(at);
}
