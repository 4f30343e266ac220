//! Consistency checks on a loaded session: what `synergies check` reports.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::entities::Session;
use super::text::fold;
use crate::i18n::fill;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; the session works.
    Warning,
    /// The session is inconsistent (a reference to nothing, a duplicate identity).
    Error,
}

/// One thing found wrong in a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
}

fn error(message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        message,
    }
}

fn warning(message: String) -> Finding {
    Finding {
        severity: Severity::Warning,
        message,
    }
}

/// Checks references, identities and required fields, and says what it finds in the
/// session's language. An empty list means all is well.
pub fn check(session: &Session) -> Vec<Finding> {
    let language = session.info.language;
    let w = &crate::i18n::words(language).check;
    let counts = crate::i18n::counts(language);
    let mut findings = Vec::new();

    let mut ids = HashSet::new();
    let all_ids = session
        .facilitators
        .iter()
        .map(|e| e.id)
        .chain(session.tables.iter().map(|e| e.id))
        .chain(session.categories.iter().map(|e| e.id))
        .chain(session.organisations.iter().map(|e| e.id))
        .chain(session.fiches.iter().map(|e| e.id))
        .chain(session.ideas.iter().map(|e| e.id))
        .chain(session.clusters.iter().map(|e| e.id));
    for id in all_ids {
        if !ids.insert(id) {
            findings.push(error(fill(w.id_used_twice, &[("id", &id)])));
        }
    }

    if session.info.title.trim().is_empty() {
        findings.push(error(w.no_title.to_owned()));
    }

    let organisations: HashSet<Uuid> = session.organisations.iter().map(|o| o.id).collect();
    let fiches: HashSet<Uuid> = session.fiches.iter().map(|f| f.id).collect();
    let clusters: HashSet<Uuid> = session.clusters.iter().map(|c| c.id).collect();
    let tables: HashSet<Uuid> = session.tables.iter().map(|t| t.id).collect();
    let facilitators: HashSet<Uuid> = session.facilitators.iter().map(|f| f.id).collect();
    let categories: HashSet<&str> = session.categories.iter().map(|c| c.key.as_str()).collect();

    let mut names: HashMap<String, &str> = HashMap::new();
    for org in &session.organisations {
        if org.name.trim().is_empty() {
            findings.push(error(fill(w.organisation_without_name, &[("id", &org.id)])));
        }
        if let Some(first) = names.insert(fold(&org.name), &org.name) {
            let pair: [(&str, &dyn std::fmt::Display); 2] =
                [("first", &first), ("second", &org.name)];
            findings.push(warning(fill(w.same_name, &pair)));
        }
        if org.name.contains('|') {
            findings.push(warning(fill(w.bar_in_name, &[("name", &org.name)])));
        }
        if org.table.is_some_and(|t| !tables.contains(&t)) {
            findings.push(error(fill(
                w.organisation_at_missing_table,
                &[("name", &org.name)],
            )));
        }
    }

    for table in &session.tables {
        if table
            .facilitator
            .is_some_and(|f| !facilitators.contains(&f))
        {
            findings.push(error(fill(
                w.table_with_missing_facilitator,
                &[("name", &table.name)],
            )));
        }
    }

    for fiche in &session.fiches {
        let what = fill(w.the_fiche, &[("name", &fiche.resource)]);
        if fiche.resource.trim().is_empty() {
            findings.push(error(fill(w.fiche_without_resource, &[("id", &fiche.id)])));
        }
        if !organisations.contains(&fiche.organisation) {
            findings.push(error(fill(w.missing_organisation, &[("what", &what)])));
        }
        if !categories.contains(fiche.category.as_str()) {
            let values: [(&str, &dyn std::fmt::Display); 2] =
                [("what", &what), ("key", &fiche.category)];
            findings.push(error(fill(w.unknown_category, &values)));
        }
    }

    for idea in &session.ideas {
        let what = fill(w.the_idea, &[("name", &idea.title)]);
        if idea.title.trim().is_empty() {
            findings.push(error(fill(w.idea_without_title, &[("id", &idea.id)])));
        }
        let missing_orgs = idea
            .organisations
            .iter()
            .chain(idea.owner.iter())
            .filter(|o| !organisations.contains(o))
            .count();
        if missing_orgs > 0 {
            let template = counts
                .check_missing_organisations
                .form(language, missing_orgs);
            let values: [(&str, &dyn std::fmt::Display); 2] =
                [("what", &what), ("n", &missing_orgs)];
            findings.push(error(fill(template, &values)));
        }
        if idea.fiches.iter().any(|f| !fiches.contains(f)) {
            findings.push(error(fill(w.missing_fiche, &[("what", &what)])));
        }
        if idea.cluster.is_some_and(|c| !clusters.contains(&c)) {
            findings.push(error(fill(w.missing_cluster, &[("what", &what)])));
        }
        if idea.table.is_some_and(|t| !tables.contains(&t)) {
            findings.push(error(fill(w.missing_table, &[("what", &what)])));
        }
        if idea.facilitator.is_some_and(|f| !facilitators.contains(&f)) {
            findings.push(error(fill(w.missing_facilitator, &[("what", &what)])));
        }
        if let Some(key) = &idea.category
            && !categories.contains(key.as_str())
        {
            let values: [(&str, &dyn std::fmt::Display); 2] = [("what", &what), ("key", key)];
            findings.push(error(fill(w.unknown_category, &values)));
        }
    }

    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}
