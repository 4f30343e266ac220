//! Generated sessions of any size, for benchmarks and scale tests (`benches/`,
//! `examples/make_synthetic_session.rs`, the SIGKILL and merge tests). Names are
//! numbered, not real: the example workshop is in `sessions/`.

use crate::model::{
    Action, ActionError, Attendance, Cluster, Colour, Direction, Facilitator, Fiche, Idea,
    IdeaKind, ImportBatch, Organisation, Session, Status, Table, Workshop,
};

/// A generated session of the given size, for benchmarks and scale tests only: names
/// are numbered ("Organisation 12", "Idée 345"), not real. Organisations, resource
/// sheets and ideas cycle through tables, categories, clusters and statuses.
pub fn synthetic_session(
    organisations: usize,
    fiches: usize,
    ideas: usize,
) -> Result<Session, ActionError> {
    let session = Session::new(format!("Atelier synthétique ({ideas} idées)"));
    let category_keys: Vec<String> = session.categories.iter().map(|c| c.key.clone()).collect();
    let mut batch = ImportBatch::default();
    batch.facilitators = (1..=12)
        .map(|i| Facilitator::new(format!("Animateur·rice {i}")))
        .collect();
    batch.tables = (1..=6)
        .map(|i| {
            let mut t = Table::new(format!("Table {i}"));
            t.facilitator = Some(batch.facilitators[i - 1].id);
            t
        })
        .collect();
    batch.clusters = (0..(ideas / 12).max(1))
        .map(|i| Cluster::new(format!("Regroupement {}", i + 1), Colour::nth(i)))
        .collect();
    batch.organisations = (0..organisations.max(1))
        .map(|i| {
            let mut o = Organisation::new(format!("Organisation {} de Saint-Émilion", i + 1));
            o.sector = "Artisanat".into();
            o.town = "Bergerac".into();
            o.table = Some(batch.tables[i % 6].id);
            o.attendance = if i % 18 == 17 {
                Attendance::Represented
            } else {
                Attendance::Present
            };
            o
        })
        .collect();
    batch.fiches = (0..fiches)
        .map(|i| {
            let direction = if i % 2 == 0 {
                Direction::Offer
            } else {
                Direction::Need
            };
            let mut f = Fiche::new(
                batch.organisations[i % batch.organisations.len()].id,
                direction,
                category_keys[i % category_keys.len()].clone(),
                format!("Ressource n° {} (palettes, cartons, chaleur…)", i + 1),
            );
            f.quantity = format!("{}", (i % 40) + 1);
            f.unit = "t".into();
            f.frequency = "par mois".into();
            f
        })
        .collect();
    let statuses = [
        Status::Proposed,
        Status::Proposed,
        Status::Proposed,
        Status::Proposed,
        Status::Selected,
        Status::Imminent,
        Status::ToDeepen,
        Status::Abandoned,
    ];
    batch.ideas = (0..ideas)
        .map(|i| {
            let mut idea = Idea::new(format!("Idée {} : mutualiser la collecte des déchets", i + 1));
            idea.description = "Une description de quelques lignes, comme celles qu'écrivent les animateurs pendant les tours de table.".into();
            idea.kind = Some(if i % 3 == 0 { IdeaKind::Mutualisation } else { IdeaKind::Substitution });
            idea.category = Some(category_keys[i % category_keys.len()].clone());
            let n = batch.organisations.len();
            idea.organisations = vec![batch.organisations[i % n].id, batch.organisations[(i * 7 + 3) % n].id];
            idea.organisations.dedup();
            // An offer and a need of its organisations' sheets, as a table links them.
            let nf = batch.fiches.len();
            if nf > 0 {
                idea.fiches = vec![batch.fiches[(i * 2) % nf].id, batch.fiches[(i * 2 + 1) % nf].id];
                idea.fiches.dedup();
            }
            idea.table = Some(batch.tables[i % 6].id);
            idea.facilitator = Some(batch.facilitators[i % 12].id);
            idea.votes = u32::try_from(i * 37 % 11).unwrap_or(0);
            idea.cluster = Some(batch.clusters[i % batch.clusters.len()].id);
            idea.status = statuses[i % statuses.len()];
            idea
        })
        .collect();
    let mut w = Workshop::new(session);
    w.apply(Action::Import(batch))?;
    Ok(w.into_session())
}

/// Makes `meetings` of `session`'s ideas selected for the B2B meetings, each between
/// two organisations (one in ten between three), spread as a workshop spreads them: a
/// few organisations in many meetings, most in a handful. The others go back to
/// proposed. Deterministic.
pub fn select_for_b2b(session: &mut Session, meetings: usize) {
    let organisations: Vec<uuid::Uuid> = session.organisations.iter().map(|o| o.id).collect();
    let n = organisations.len();
    // A small deterministic generator (xorshift), so that every run plans the same.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % bound.max(1) as u64).unwrap_or(0)
    };
    for (i, idea) in session.ideas.iter_mut().enumerate() {
        if i >= meetings || n < 3 {
            idea.status = Status::Proposed;
            continue;
        }
        idea.status = Status::Selected;
        // Skewed towards the first organisations: the busiest ones.
        let pick = |next: &mut dyn FnMut(usize) -> usize| {
            let a = next(n);
            let b = next(n);
            organisations[a.min(b)]
        };
        let size = if i % 10 == 9 { 3 } else { 2 };
        let mut chosen: Vec<uuid::Uuid> = Vec::new();
        while chosen.len() < size {
            let o = pick(&mut next);
            if !chosen.contains(&o) {
                chosen.push(o);
            }
        }
        idea.organisations = chosen;
    }
}
