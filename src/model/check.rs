//! Consistency checks on a loaded session: what `synergies check` reports.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::entities::Session;
use super::text::fold;

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

/// Checks references, identities and required fields. An empty list means all is well.
pub fn check(session: &Session) -> Vec<Finding> {
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
            findings.push(error(format!("the id {id} is used twice")));
        }
    }

    if session.info.title.trim().is_empty() {
        findings.push(error("the session has no title".into()));
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
            findings.push(error(format!("the organisation {} has no name", org.id)));
        }
        if let Some(first) = names.insert(fold(&org.name), &org.name) {
            findings.push(warning(format!(
                "two organisations have the same name: \"{first}\" and \"{}\"",
                org.name
            )));
        }
        if org.name.contains('|') {
            findings.push(warning(format!(
                "the organisation \"{}\" has a '|' in its name, which separates names in spreadsheets",
                org.name
            )));
        }
        if org.table.is_some_and(|t| !tables.contains(&t)) {
            findings.push(error(format!(
                "the organisation \"{}\" sits at a table that does not exist",
                org.name
            )));
        }
    }

    for table in &session.tables {
        if table
            .facilitator
            .is_some_and(|f| !facilitators.contains(&f))
        {
            findings.push(error(format!(
                "the table \"{}\" has a facilitator who does not exist",
                table.name
            )));
        }
    }

    for fiche in &session.fiches {
        let what = format!("the resource sheet \"{}\"", fiche.resource);
        if fiche.resource.trim().is_empty() {
            findings.push(error(format!(
                "the resource sheet {} has no resource",
                fiche.id
            )));
        }
        if !organisations.contains(&fiche.organisation) {
            findings.push(error(format!(
                "{what} belongs to an organisation that does not exist"
            )));
        }
        if !categories.contains(fiche.category.as_str()) {
            findings.push(error(format!(
                "{what} has the unknown category \"{}\"",
                fiche.category
            )));
        }
    }

    for idea in &session.ideas {
        let what = format!("the idea \"{}\"", idea.title);
        if idea.title.trim().is_empty() {
            findings.push(error(format!("the idea {} has no title", idea.id)));
        }
        let missing_orgs = idea
            .organisations
            .iter()
            .chain(idea.owner.iter())
            .filter(|o| !organisations.contains(o))
            .count();
        if missing_orgs > 0 {
            findings.push(error(format!(
                "{what} names {missing_orgs} organisations that do not exist"
            )));
        }
        if idea.fiches.iter().any(|f| !fiches.contains(f)) {
            findings.push(error(format!(
                "{what} links a resource sheet that does not exist"
            )));
        }
        if idea.cluster.is_some_and(|c| !clusters.contains(&c)) {
            findings.push(error(format!("{what} is in a cluster that does not exist")));
        }
        if idea.table.is_some_and(|t| !tables.contains(&t)) {
            findings.push(error(format!(
                "{what} comes from a table that does not exist"
            )));
        }
        if idea.facilitator.is_some_and(|f| !facilitators.contains(&f)) {
            findings.push(error(format!(
                "{what} has a facilitator who does not exist"
            )));
        }
        if let Some(key) = &idea.category
            && !categories.contains(key.as_str())
        {
            findings.push(error(format!("{what} has the unknown category \"{key}\"")));
        }
    }

    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings
}
