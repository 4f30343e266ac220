//! Actions, their validation, and undo/redo of each.

use synergies::example::example_session;
use synergies::model::check::check;
use synergies::model::{
    Action, ActionError, Cluster, ClusterTarget, Colour, Direction, EntityKind, Fiche, Field, Idea,
    Language, Organisation, Session, Stats, Status, UNDO_LIMIT, Workshop,
};
use uuid::Uuid;

fn workshop() -> Workshop {
    Workshop::new(example_session().expect("the example session builds"))
}

/// Applies `action`, checks it changed the session, then that undo restores it exactly
/// and redo brings the change back exactly.
fn assert_undoable(w: &mut Workshop, action: Action) -> Session {
    let before = w.session().clone();
    w.apply(action).expect("the action applies");
    let after = w.session().clone();
    assert_ne!(before, after, "the action changed nothing");
    assert!(
        check(&after)
            .iter()
            .all(|f| f.severity != synergies::model::check::Severity::Error)
    );
    w.undo().expect("something to undo");
    assert_eq!(w.session(), &before, "undo did not restore the session");
    w.redo().expect("something to redo");
    assert_eq!(w.session(), &after, "redo did not restore the change");
    after
}

fn first_ideas(w: &Workshop, n: usize) -> Vec<Uuid> {
    w.session().ideas.iter().take(n).map(|i| i.id).collect()
}

#[test]
fn every_kind_of_action_undoes_and_redoes() {
    let mut w = workshop();
    let org = Organisation::new("Scierie du Dropt");
    let org_id = org.id;
    assert_undoable(&mut w, Action::AddOrganisation(org));
    let mut renamed = w.session().organisation(org_id).cloned().expect("added");
    renamed.town = "Eymet".into();
    assert_undoable(&mut w, Action::UpdateOrganisation(renamed));

    let fiche = Fiche::new(org_id, Direction::Offer, "materials", "Sciure");
    let fiche_id = fiche.id;
    assert_undoable(&mut w, Action::AddFiche(fiche));

    let mut idea = Idea::new("Sciure pour les litières");
    idea.organisations = vec![org_id];
    idea.fiches = vec![fiche_id];
    idea.owner = Some(org_id);
    let idea_id = idea.id;
    assert_undoable(&mut w, Action::AddIdea(idea));

    let ideas = first_ideas(&w, 4);
    let after = assert_undoable(
        &mut w,
        Action::GroupIdeas {
            ideas: ideas.clone(),
            target: ClusterTarget::New(Cluster::new("Nouveau", Colour::nth(0))),
        },
    );
    let cluster = after
        .idea(ideas[0])
        .and_then(|i| i.cluster)
        .expect("grouped");
    assert!(
        ideas
            .iter()
            .all(|i| after.idea(*i).and_then(|i| i.cluster) == Some(cluster))
    );

    assert_undoable(
        &mut w,
        Action::SetVotes {
            idea: idea_id,
            votes: 7,
        },
    );
    assert_undoable(
        &mut w,
        Action::AddVotes {
            idea: idea_id,
            delta: -3,
        },
    );
    assert_undoable(
        &mut w,
        Action::SetStatus {
            ideas: vec![idea_id],
            status: Status::Imminent,
        },
    );
    assert_undoable(&mut w, Action::SelectTopVoted { n: 5 });
    let other = w.session().clusters[0].id;
    assert_undoable(
        &mut w,
        Action::MergeClusters {
            into: other,
            from: vec![cluster],
        },
    );
    assert_undoable(&mut w, Action::DissolveCluster(other));
    let ten = first_ideas(&w, 10);
    assert_undoable(&mut w, Action::UngroupIdeas(ten));
    let three = first_ideas(&w, 3);
    assert_undoable(&mut w, Action::RemoveIdeas(three));
    assert_undoable(&mut w, Action::RemoveFiche(fiche_id));
    assert_undoable(&mut w, Action::RemoveOrganisation(org_id));
    let table = w.session().tables[0].id;
    assert_undoable(&mut w, Action::RemoveTable(table));
    let facilitator = w.session().facilitators[0].id;
    assert_undoable(&mut w, Action::RemoveFacilitator(facilitator));
    let mut info = w.session().info.clone();
    info.venue = "Chai de la cave coopérative".into();
    assert_undoable(&mut w, Action::EditSessionInfo(info));
}

#[test]
fn removing_an_organisation_takes_its_sheets_and_mentions_and_undo_brings_them_back() {
    let mut w = workshop();
    let before = w.session().clone();
    let org = before.organisations[0].id;
    let sheets = before
        .fiches
        .iter()
        .filter(|f| f.organisation == org)
        .count();
    assert!(sheets > 0);
    w.apply(Action::RemoveOrganisation(org)).expect("removed");
    let after = w.session();
    assert!(after.fiches.iter().all(|f| f.organisation != org));
    assert!(
        after
            .ideas
            .iter()
            .all(|i| !i.organisations.contains(&org) && i.owner != Some(org))
    );
    assert_eq!(after.fiches.len(), before.fiches.len() - sheets);
    assert!(check(after).is_empty(), "{:?}", check(after));
    w.undo();
    assert_eq!(w.session(), &before);
}

#[test]
fn invalid_actions_are_refused_and_change_nothing() {
    let mut w = workshop();
    let before = w.session().clone();
    let refused = [
        (
            Action::AddIdea(Idea::new("   ")),
            ActionError::Empty(Field::Title),
        ),
        (
            Action::AddOrganisation(Organisation::new("  ferme maraîchère DES coteaux ")),
            ActionError::DuplicateOrganisation("ferme maraîchère DES coteaux".into()),
        ),
        (
            Action::AddFiche(Fiche::new(
                Uuid::new_v4(),
                Direction::Need,
                "energy",
                "Chaleur",
            )),
            ActionError::Missing {
                kind: EntityKind::Organisation,
                id: Uuid::nil(),
            },
        ),
        (
            Action::AddFiche(Fiche::new(
                before.organisations[0].id,
                Direction::Need,
                "nuclear",
                "Uranium",
            )),
            ActionError::UnknownCategory("nuclear".into()),
        ),
        (
            Action::RemoveCategory(before.categories[0].id),
            ActionError::CategoryInUse {
                category: String::new(),
                uses: 0,
            },
        ),
        (Action::RemoveIdeas(vec![]), ActionError::Nothing),
    ];
    for (action, expected) in refused {
        let error = w.apply(action.clone()).expect_err("refused");
        assert_eq!(
            std::mem::discriminant(&error),
            std::mem::discriminant(&expected),
            "{action:?} gave {error:?}"
        );
        assert!(!error.message(Language::Fr).is_empty());
        assert_eq!(w.session(), &before);
    }
    assert!(!w.can_undo());
}

#[test]
fn undo_labels_name_the_action_in_both_languages() {
    let mut w = workshop();
    let ideas = first_ideas(&w, 4);
    let cluster = w.session().clusters[1].id;
    w.apply(Action::GroupIdeas {
        ideas,
        target: ClusterTarget::Existing(cluster),
    })
    .expect("grouped");
    assert_eq!(w.undo_label(Language::Fr), Some("regrouper 4 idées"));
    assert_eq!(w.undo_label(Language::En), Some("group 4 ideas"));
    w.undo();
    assert_eq!(w.redo_label(Language::Fr), Some("regrouper 4 idées"));
}

#[test]
fn at_least_two_hundred_steps_undo_back_to_the_start() {
    let mut w = workshop();
    let start = w.session().clone();
    let idea = start.ideas[0].id;
    for i in 0..300u32 {
        w.apply(Action::SetVotes {
            idea,
            votes: i + 100,
        })
        .expect("voted");
    }
    assert!(w.undo_depth() >= 200);
    assert_eq!(w.undo_depth(), 300.min(UNDO_LIMIT));
    while w.undo().is_some() {}
    assert_eq!(w.session(), &start);
    for _ in 0..300 {
        w.redo();
    }
    assert_eq!(w.session().idea(idea).map(|i| i.votes), Some(399));
}

#[test]
fn a_new_action_clears_the_redo_history() {
    let mut w = workshop();
    let idea = w.session().ideas[0].id;
    w.apply(Action::SetVotes { idea, votes: 50 })
        .expect("voted");
    w.undo();
    assert!(w.can_redo());
    w.apply(Action::SetVotes { idea, votes: 51 })
        .expect("voted");
    assert!(!w.can_redo());
}

#[test]
fn select_top_voted_picks_exactly_n_and_keeps_triage() {
    let mut w = workshop();
    let triaged_before: Vec<(Uuid, Status)> = w
        .session()
        .ideas
        .iter()
        .filter(|i| !matches!(i.status, Status::Proposed | Status::Selected))
        .map(|i| (i.id, i.status))
        .collect();
    w.apply(Action::SelectTopVoted { n: 10 }).expect("selected");
    let s = w.session();
    for (id, status) in &triaged_before {
        assert_eq!(s.idea(*id).map(|i| i.status), Some(*status));
    }
    let mut ranked: Vec<&Idea> = s.ideas.iter().collect();
    ranked.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.created.cmp(&b.created)));
    for (rank, idea) in ranked.iter().enumerate() {
        if rank < 10 {
            assert!(
                idea.status.is_selected(),
                "{} should be selected",
                idea.title
            );
        } else {
            assert_ne!(
                idea.status,
                Status::Selected,
                "{} should not be",
                idea.title
            );
        }
    }
}

#[test]
fn votes_never_go_below_zero() {
    let mut w = workshop();
    let idea = w.session().ideas[0].id;
    w.apply(Action::SetVotes { idea, votes: 2 }).expect("voted");
    w.apply(Action::AddVotes { idea, delta: -5 })
        .expect("voted");
    assert_eq!(w.session().idea(idea).map(|i| i.votes), Some(0));
}

#[test]
fn the_example_session_is_the_promised_shape() {
    let session = example_session().expect("builds");
    assert!(check(&session).is_empty(), "{:?}", check(&session));
    let stats = Stats::of(&session);
    assert!((10..=15).contains(&stats.organisations));
    assert!((35..=45).contains(&stats.fiches));
    assert!((55..=65).contains(&stats.ideas));
    for status in Status::ALL {
        assert!(
            session.ideas.iter().any(|i| i.status == status),
            "no idea is {status:?}"
        );
    }
}

#[test]
fn stats_count_what_the_reports_count() {
    let session = example_session().expect("builds");
    let stats = Stats::of(&session);
    assert_eq!(stats.offers + stats.needs, stats.fiches);
    assert_eq!(
        stats.selected,
        session
            .ideas
            .iter()
            .filter(|i| i.status != Status::Proposed)
            .count()
    );
    assert_eq!(
        stats.votes,
        session
            .ideas
            .iter()
            .map(|i| u64::from(i.votes))
            .sum::<u64>()
    );
    let lines = stats.lines(Language::Fr).join("\n");
    assert!(lines.contains("idées de synergie"), "{lines}");
    assert!(lines.contains("à approfondir"), "{lines}");
    let json = serde_json::to_value(&stats).expect("json");
    for key in [
        "organisations",
        "organisations_present",
        "organisations_represented",
        "facilitators",
        "tables",
        "fiches",
        "offers",
        "needs",
        "ideas",
        "selected",
        "abandoned",
        "imminent",
        "to_deepen",
        "clusters",
        "votes",
    ] {
        assert!(json[key].is_u64(), "{key} missing or not a whole number");
    }
}

#[test]
fn a_field_edit_undoes_as_one_step_named_after_its_field() {
    let mut w = workshop();
    let mut idea = w.session().ideas[0].clone();
    idea.title = "Palettes pour la recyclerie".into();
    let after = assert_undoable(
        &mut w,
        Action::EditFields {
            change: Box::new(Action::UpdateIdea(idea.clone())),
            fields: vec![Field::Title],
        },
    );
    assert_eq!(after.ideas[0].title, "Palettes pour la recyclerie");
    assert_eq!(w.undo_label(Language::Fr), Some("modifier le titre"));
    assert_eq!(w.undo_label(Language::En), Some("edit the title"));

    idea.next_step = "Appeler la recyclerie".into();
    idea.owner = idea.organisations.first().copied();
    w.apply(Action::EditFields {
        change: Box::new(Action::UpdateIdea(idea.clone())),
        fields: vec![Field::NextStep, Field::Owner],
    })
    .expect("applies");
    assert_eq!(
        w.undo_label(Language::Fr),
        Some("modifier la prochaine étape et le référent")
    );
    // Three fields or more: the update's own name.
    w.apply(Action::EditFields {
        change: Box::new(Action::UpdateIdea(idea.clone())),
        fields: vec![Field::NextStep, Field::Owner, Field::Due],
    })
    .expect("applies");
    assert_eq!(w.undo_label(Language::Fr), Some("modifier une idée"));
}

#[test]
fn a_field_edit_is_validated_as_its_update_and_needs_a_field() {
    let mut w = workshop();
    let before = w.session().clone();
    let mut idea = before.ideas[0].clone();
    idea.title = "   ".into();
    let refused = w.apply(Action::EditFields {
        change: Box::new(Action::UpdateIdea(idea.clone())),
        fields: vec![Field::Title],
    });
    assert_eq!(refused, Err(ActionError::Empty(Field::Title)));
    idea.title = "Autre".into();
    let refused = w.apply(Action::EditFields {
        change: Box::new(Action::UpdateIdea(idea)),
        fields: vec![],
    });
    assert_eq!(refused, Err(ActionError::Nothing));
    assert_eq!(w.session(), &before);
    assert!(!w.can_undo());
}

#[test]
fn select_top_voted_never_unselects_an_idea_selected_by_hand() {
    let mut w = workshop();
    // The least voted proposed idea, selected by hand.
    let by_hand = w
        .session()
        .ideas
        .iter()
        .filter(|i| i.status == Status::Proposed)
        .min_by_key(|i| i.votes)
        .map(|i| i.id)
        .expect("a proposed idea");
    w.apply(Action::SetStatus {
        ideas: vec![by_hand],
        status: Status::Selected,
    })
    .expect("selected");
    let plan = synergies::model::TopVotedPlan::of(w.session(), 2);
    assert!(!plan.unselect.contains(&by_hand));
    assert!(plan.kept_by_hand >= 1);
    w.apply(Action::SelectTopVoted { n: 2 }).expect("selected");
    assert_eq!(
        w.session().idea(by_hand).map(|i| i.status),
        Some(Status::Selected),
        "still selected"
    );
    // What the plan said is what happened.
    for id in &plan.select {
        assert_eq!(
            w.session().idea(*id).map(|i| i.status),
            Some(Status::Selected)
        );
    }
    for id in &plan.unselect {
        assert_eq!(
            w.session().idea(*id).map(|i| i.status),
            Some(Status::Proposed)
        );
    }
    // Put back among the proposed by hand, it is the vote's again.
    w.apply(Action::SetStatus {
        ideas: vec![by_hand],
        status: Status::Proposed,
    })
    .expect("unselected");
    assert!(w.session().idea(by_hand).is_some_and(|i| !i.hand_picked));
}

/// A batch of every kind an import brings, `n` organisations (each with a resource
/// sheet and an idea), their tables, facilitators and clusters.
fn import_batch(n: usize) -> synergies::model::ImportBatch {
    use synergies::model::{Facilitator, ImportBatch, Table};
    let mut batch = ImportBatch::default();
    for i in 0..n {
        let mut org = Organisation::new(format!("Importée {i}"));
        if i % 10 == 0 {
            let mut table = Table::new(format!("Table importée {i}"));
            let facilitator = Facilitator::new(format!("Animatrice {i}"));
            table.facilitator = Some(facilitator.id);
            batch.facilitators.push(facilitator);
            batch.tables.push(table);
            batch
                .clusters
                .push(Cluster::new(format!("Groupe {i}"), Colour::nth(i)));
        }
        org.table = batch.tables.last().map(|t| t.id);
        batch.fiches.push(Fiche::new(
            org.id,
            Direction::Offer,
            "materials",
            format!("Palettes {i}"),
        ));
        let mut idea = Idea::new(format!("Idée importée {i}"));
        idea.organisations = vec![org.id];
        idea.cluster = batch.clusters.last().map(|c| c.id);
        batch.ideas.push(idea);
        batch.organisations.push(org);
    }
    batch
}

#[test]
fn an_import_undoes_and_redoes_exactly_as_one_step() {
    let mut w = workshop();
    let before = w.session().clone();
    let batch = import_batch(1000);
    let after = assert_undoable(&mut w, Action::Import(batch.clone()));
    // Appended at the end of each list, in the file's order.
    let n = before.organisations.len();
    assert_eq!(after.organisations[n..], batch.organisations[..]);
    assert_eq!(after.ideas[before.ideas.len()..], batch.ideas[..]);
    assert_eq!(after.tables[before.tables.len()..], batch.tables[..]);
    assert_eq!(w.undo_label(Language::Fr), Some("importer 3000 lignes"));

    // Steps before and after it undo and redo through it.
    let idea = Idea::new("Après l'import");
    w.apply(Action::AddIdea(idea)).expect("added");
    let last = w.session().clone();
    for _ in 0..2 {
        w.undo().expect("undone");
    }
    assert_eq!(w.session(), &before);
    for _ in 0..2 {
        w.redo().expect("redone");
    }
    assert_eq!(w.session(), &last);
}

#[test]
fn an_import_of_an_id_already_there_is_refused_whole() {
    let mut w = workshop();
    let before = w.session().clone();
    // An id of the session's, and an id twice in the batch.
    let mut batch = import_batch(20);
    batch.ideas[7].id = before.ideas[0].id;
    assert_eq!(
        w.apply(Action::Import(batch)),
        Err(ActionError::DuplicateId(before.ideas[0].id))
    );
    let mut batch = import_batch(20);
    batch.organisations[3].id = batch.organisations[2].id;
    let twice = batch.organisations[2].id;
    assert_eq!(
        w.apply(Action::Import(batch)),
        Err(ActionError::DuplicateId(twice))
    );
    assert_eq!(
        w.apply(Action::Import(Default::default())),
        Err(ActionError::Nothing)
    );
    assert_eq!(w.session(), &before);
    assert!(!w.can_undo());
}

#[test]
fn an_import_brings_back_what_was_deleted_and_its_undo_deletes_it_again() {
    let mut w = workshop();
    let gone = w.session().ideas[0].clone();
    w.apply(Action::RemoveIdeas(vec![gone.id]))
        .expect("removed");
    assert!(w.session().deleted.iter().any(|d| d.id == gone.id));
    let before = w.session().clone();
    let mut batch = import_batch(5);
    batch.ideas.push(gone.clone());
    let after = assert_undoable(&mut w, Action::Import(batch));
    assert!(after.deleted.iter().all(|d| d.id != gone.id));
    assert!(after.ideas.iter().any(|i| i.id == gone.id));
    w.undo().expect("undone");
    // The record of the deletion is back as it was, with the time it was made.
    assert_eq!(w.session().deleted, before.deleted);
}
