//! An editor's draft of one entity: what the user typed, and what the session held when
//! the draft was taken. A commit turns the fields that differ into one action named
//! after them; a change made elsewhere (undo, another view) reaches the fields the
//! user is not editing.

use crate::model::{Action, Field};

/// How one field of `T` is compared and copied.
pub struct FieldSpec<T> {
    pub field: Field,
    pub same: fn(&T, &T) -> bool,
    pub take: fn(&mut T, &T),
}

/// The [`FieldSpec`]s of a type: `field_specs!(Idea { title => Field::Title, … })`.
macro_rules! field_specs {
    ($t:ty { $($name:ident => $field:expr),* $(,)? }) => {
        &[$(
            $crate::ui::views::draft::FieldSpec::<$t> {
                field: $field,
                same: |a, b| a.$name == b.$name,
                take: |to, from| to.$name = from.$name.clone(),
            }
        ),*]
    };
}
pub(crate) use field_specs;

/// An entity being edited.
#[derive(Clone, Debug)]
pub struct Draft<T> {
    /// The entity as the session held it when last seen.
    pub base: T,
    /// The entity as the user is editing it.
    pub edit: T,
}

impl<T: Clone> Draft<T> {
    pub fn new(entity: &T) -> Self {
        Self {
            base: entity.clone(),
            edit: entity.clone(),
        }
    }

    /// The fields the user changed.
    pub fn changed(&self, specs: &[FieldSpec<T>]) -> Vec<Field> {
        specs
            .iter()
            .filter(|s| !(s.same)(&self.edit, &self.base))
            .map(|s| s.field)
            .collect()
    }

    /// The action that commits the changed fields but those in `invalid` onto `current`
    /// (the session's entity), built by `update`; `None` when nothing is to commit.
    /// Once built, the draft counts those fields as committed.
    pub fn commit(
        &mut self,
        current: &T,
        specs: &[FieldSpec<T>],
        invalid: &[Field],
        update: fn(T) -> Action,
    ) -> Option<Action> {
        let mut merged = current.clone();
        let mut fields = Vec::new();
        for spec in specs {
            if !(spec.same)(&self.edit, &self.base) && !invalid.contains(&spec.field) {
                (spec.take)(&mut merged, &self.edit);
                fields.push(spec.field);
            }
        }
        if fields.is_empty() {
            return None;
        }
        for spec in specs {
            if fields.contains(&spec.field) {
                (spec.take)(&mut self.base, &self.edit);
            }
        }
        Some(Action::EditFields {
            change: Box::new(update(merged)),
            fields,
        })
    }

    /// Follows the session: the fields the user is not editing take `current`'s value.
    /// True when something changed elsewhere.
    pub fn rebase(&mut self, current: &T, specs: &[FieldSpec<T>]) -> bool {
        if specs.iter().all(|s| (s.same)(&self.base, current)) {
            return false;
        }
        for spec in specs {
            if (spec.same)(&self.edit, &self.base) {
                (spec.take)(&mut self.edit, current);
            }
        }
        self.base = current.clone();
        // What the user typed may now be what the session holds.
        true
    }
}

/// A date as the editors show it (`31/01/2027`).
pub fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// What keeps a title and a date from being saved, field by field: an empty title, a
/// date that cannot be read.
pub fn title_and_date_problems(
    t: &crate::ui::i18n::Tr,
    (title_field, title): (Field, &str),
    (date_field, date_text): (Field, &str),
) -> Vec<(Field, &'static str)> {
    let mut problems = Vec::new();
    if title.trim().is_empty() {
        problems.push((title_field, t.empty_title));
    }
    if crate::ui::views::ideas::due_from_text(date_text).is_err() {
        problems.push((date_field, t.bad_date));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Idea;

    const SPECS: &[FieldSpec<Idea>] = field_specs!(Idea {
        title => Field::Title,
        next_step => Field::NextStep,
        votes => Field::Votes,
    });

    #[test]
    fn a_commit_takes_only_the_changed_valid_fields_onto_the_session() {
        let idea = Idea::new("Palettes");
        let mut draft = Draft::new(&idea);
        draft.edit.title = "Palettes de bois".into();
        draft.edit.next_step = "?".into();
        // Meanwhile, the votes changed on the board.
        let mut current = idea.clone();
        current.votes = 4;
        let Some(Action::EditFields { change, fields }) =
            draft.commit(&current, SPECS, &[Field::NextStep], Action::UpdateIdea)
        else {
            panic!("a commit");
        };
        assert_eq!(fields, vec![Field::Title]);
        let Action::UpdateIdea(merged) = *change else {
            panic!("an idea update");
        };
        assert_eq!(merged.title, "Palettes de bois");
        assert_eq!(merged.votes, 4, "the board's votes are kept");
        assert_eq!(merged.next_step, "", "the invalid field is not committed");
        assert!(
            draft
                .commit(&current, SPECS, &[Field::NextStep], Action::UpdateIdea)
                .is_none(),
            "committed once"
        );
        assert_eq!(draft.changed(SPECS), vec![Field::NextStep]);
    }

    #[test]
    fn a_change_elsewhere_reaches_the_fields_not_being_edited() {
        let idea = Idea::new("Palettes");
        let mut draft = Draft::new(&idea);
        draft.edit.next_step = "Appeler".into();
        let mut current = idea.clone();
        current.title = "Palettes (undo)".into();
        current.next_step = "Autre".into();
        assert!(draft.rebase(&current, SPECS));
        assert_eq!(draft.edit.title, "Palettes (undo)");
        assert_eq!(draft.edit.next_step, "Appeler", "the user's typing is kept");
        assert!(!draft.rebase(&current, SPECS));
    }
}
