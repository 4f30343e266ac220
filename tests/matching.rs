//! Have/need suggestions: what they find, why, what a facilitator does with them, what
//! the command line prints, and how good they are on real pairings.

use std::path::Path;
use std::process::Command;

use synergies::matching::{Matcher, Reason, Thesaurus, ThesaurusError};
use synergies::merge::{MergeInput, merge};
use synergies::model::{Action, Direction, Fiche, IdeaKind, Organisation, Session, Workshop};
use synergies::store;

const BIN: &str = env!("CARGO_BIN_EXE_synergies");

const THESAURUS: &str = "\
relation;termes;vers;source
synonyme;cagettes | caisses en bois | cageots;;Pratique EIT courante
synonyme;DEEE | déchets d'équipements électriques et électroniques;;Liste européenne des déchets
substitution;drêches | drêches de brasserie;alimentation animale;Pratique EIT courante
substitution;sarments;bois de chauffage;Pratique EIT courante
";

fn matcher() -> Matcher {
    Matcher::new(Thesaurus::from_csv(THESAURUS, "test.csv").expect("reads"))
}

/// A session with one organisation per sheet: (organisation, direction, resource).
fn session_of(sheets: &[(&str, Direction, &str)]) -> Session {
    let mut session = Session::new("Atelier");
    for (name, direction, resource) in sheets {
        let id = match session.organisations.iter().find(|o| o.name == *name) {
            Some(o) => o.id,
            None => {
                let o = Organisation::new(*name);
                let id = o.id;
                session.organisations.push(o);
                id
            }
        };
        let category = session.categories[0].key.clone();
        session
            .fiches
            .push(Fiche::new(id, *direction, category, *resource));
    }
    session
}

fn fiche_id(session: &Session, resource: &str) -> uuid::Uuid {
    session
        .fiches
        .iter()
        .find(|f| f.resource == resource)
        .map(|f| f.id)
        .unwrap_or_else(|| panic!("no sheet {resource}"))
}

fn reasons_for(session: &Session, need: &str) -> Vec<(String, String)> {
    let found = matcher().suggest(session);
    let need = fiche_id(session, need);
    found
        .for_need(need)
        .map(|s| {
            (
                session.fiche(s.offer).expect("offer").resource.clone(),
                s.reason.text(synergies::model::Language::Fr),
            )
        })
        .collect()
}

#[test]
fn wording_variants_meet_ignoring_case_accents_plurals_and_small_words() {
    let session = session_of(&[
        ("Recyclerie", Direction::Need, "Palette"),
        ("Ferme", Direction::Offer, "PALETTES usagées"),
        ("Garage", Direction::Need, "déchets métalliques"),
        ("Atelier", Direction::Offer, "Dechet metallique"),
        ("Mairie", Direction::Offer, "Salle des fêtes"),
    ]);
    assert_eq!(
        reasons_for(&session, "Palette"),
        vec![(
            "PALETTES usagées".to_owned(),
            "même ressource : palette".to_owned()
        )]
    );
    assert_eq!(
        reasons_for(&session, "déchets métalliques"),
        vec![(
            "Dechet metallique".to_owned(),
            "même ressource : déchets métalliques".to_owned()
        )]
    );
}

#[test]
fn synonyms_and_substitutions_of_the_thesaurus_are_found_and_said() {
    let session = session_of(&[
        ("EHPAD", Direction::Need, "Caisses en bois pour les légumes"),
        ("Ferme", Direction::Offer, "Cagettes"),
        ("Éleveur", Direction::Need, "Alimentation animale"),
        ("Brasserie", Direction::Offer, "Drêches"),
        ("Boulangerie", Direction::Need, "Bois de chauffage"),
        ("Cave", Direction::Offer, "Sarments de vigne"),
    ]);
    assert_eq!(
        reasons_for(&session, "Caisses en bois pour les légumes"),
        vec![(
            "Cagettes".to_owned(),
            "synonyme : caisses en bois ≈ cagettes".to_owned()
        )]
    );
    assert_eq!(
        reasons_for(&session, "Alimentation animale"),
        vec![(
            "Drêches".to_owned(),
            "substitution connue : drêches → alimentation animale".to_owned()
        )]
    );
    // A substitution goes one way: firewood offered does not serve a need of sarments.
    let reasons = reasons_for(&session, "Bois de chauffage");
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert_eq!(
        reasons[0].1,
        "substitution connue : sarments → bois de chauffage"
    );
}

#[test]
fn an_organisations_own_offers_are_not_suggested_and_ten_at_most_best_first() {
    let mut sheets = vec![
        ("Ferme", Direction::Need, "palettes"),
        ("Ferme", Direction::Offer, "palettes"),
    ];
    let names: Vec<String> = (0..15).map(|i| format!("Organisation {i}")).collect();
    let resources: Vec<String> = (0..15)
        .map(|i| {
            if i == 7 {
                "palettes".to_owned()
            } else {
                format!("palettes et lot {i} de planches diverses")
            }
        })
        .collect();
    for (name, resource) in names.iter().zip(&resources) {
        sheets.push((name, Direction::Offer, resource));
    }
    let session = session_of(&sheets);
    let found = matcher().suggest(&session);
    let need = session
        .fiches
        .iter()
        .find(|f| f.direction == Direction::Need)
        .expect("need");
    let offers: Vec<_> = found.for_need(need.id).collect();
    assert_eq!(offers.len(), 10);
    assert!(
        offers
            .iter()
            .all(|s| session.fiche(s.offer).expect("offer").organisation != need.organisation)
    );
    assert_eq!(
        session.fiche(offers[0].offer).expect("offer").resource,
        "palettes",
        "the exact match comes first"
    );
    assert!(offers.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn three_organisations_needing_the_same_thing_are_a_mutualisation() {
    let session = session_of(&[
        ("Collège", Direction::Need, "Cagettes"),
        ("EHPAD", Direction::Need, "caisses en bois"),
        ("Restaurant", Direction::Need, "cageots pour livraisons"),
        ("Ferme", Direction::Offer, "Compost"),
        ("Garage", Direction::Need, "Huile"),
    ]);
    let found = matcher().suggest(&session);
    assert_eq!(found.mutualisations.len(), 1, "{:?}", found.mutualisations);
    let m = &found.mutualisations[0];
    assert_eq!(m.direction, Direction::Need);
    assert_eq!(m.fiches.len(), 3);
    assert_eq!(
        m.reason(synergies::model::Language::Fr),
        "3 organisations ont besoin de : cagettes"
    );
}

#[test]
fn a_suggestion_becomes_an_idea_in_one_undo_step_and_is_then_no_longer_suggested() {
    let session = session_of(&[
        ("EHPAD", Direction::Need, "Cagettes"),
        ("Ferme", Direction::Offer, "Caisses en bois"),
    ]);
    let m = matcher();
    let found = m.suggest(&session);
    let suggestion = found.pairs.first().expect("one suggestion").clone();
    let idea = synergies::matching::idea_of(&session, &suggestion).expect("an idea");
    assert_eq!(idea.title, "Caisses en bois de Ferme pour EHPAD");
    assert_eq!(idea.kind, Some(IdeaKind::Substitution));
    assert_eq!(
        idea.category.as_deref(),
        Some(session.categories[0].key.as_str())
    );
    assert_eq!(idea.organisations.len(), 2);
    assert_eq!(idea.fiches.len(), 2);
    let mut w = Workshop::new(session);
    w.apply(Action::AddIdea(idea)).expect("applies");
    assert!(
        m.suggest(w.session()).pairs.is_empty(),
        "an idea links them now"
    );
    w.undo();
    assert!(w.session().ideas.is_empty());
    assert_eq!(m.suggest(w.session()).pairs.len(), 1);
}

#[test]
fn a_dismissed_suggestion_stays_dismissed_through_undo_redo_save_and_merge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = session_of(&[
        ("EHPAD", Direction::Need, "Cagettes"),
        ("Ferme", Direction::Offer, "Caisses en bois"),
        ("Recyclerie", Direction::Offer, "Cageots"),
    ]);
    let m = matcher();
    let need = fiche_id(&session, "Cagettes");
    let ferme = fiche_id(&session, "Caisses en bois");
    let mut w = Workshop::new(session.clone());
    w.apply(Action::DismissSuggestion {
        fiches: vec![ferme, need],
    })
    .expect("applies");
    let offers = |s: &Session| -> Vec<String> {
        m.suggest(s)
            .for_need(need)
            .map(|x| s.fiche(x.offer).expect("offer").resource.clone())
            .collect()
    };
    assert_eq!(offers(w.session()), vec!["Cageots"]);
    w.undo();
    assert_eq!(offers(w.session()).len(), 2);
    w.redo();
    assert_eq!(offers(w.session()), vec!["Cageots"]);

    let path = dir.path().join("atelier.ron");
    store::create(&path, w.session()).expect("saved");
    let loaded = store::load(&path).expect("loads").session;
    assert_eq!(offers(&loaded), vec!["Cageots"]);

    // Dismissed on a table's laptop, it stays dismissed once merged into the lead's.
    let report = merge(
        &session,
        "atelier.ron",
        &[MergeInput {
            source: "table-1.ron".into(),
            session: loaded.clone(),
        }],
        false,
    )
    .expect("merges");
    assert_eq!(offers(&report.merged), vec!["Cageots"]);
    assert!(
        report
            .summary(synergies::model::Language::Fr)
            .contains("1 suggestion écartée"),
        "{}",
        report.summary(synergies::model::Language::Fr)
    );
    // And merging it again changes nothing.
    let again = merge(
        &report.merged,
        "atelier.ron",
        &[MergeInput {
            source: "table-1.ron".into(),
            session: loaded,
        }],
        false,
    )
    .expect("merges");
    assert!(again.is_empty());
}

#[test]
fn a_broken_thesaurus_is_refused_naming_the_file_and_the_line() {
    let bad = "relation;termes;vers;source\nsynonyme;a | b;;x\nsynonym;c;;y\n";
    let e = Thesaurus::from_csv(bad, "mon-thesaurus.csv").expect_err("refused");
    assert_eq!(
        e,
        ThesaurusError::TooFewTerms {
            file: "mon-thesaurus.csv".into(),
            line: 3
        }
    );
    assert_eq!(
        e.to_string(),
        "thésaurus mon-thesaurus.csv, ligne 3 : un synonyme demande au moins deux termes séparés par « | »"
    );
    let e = Thesaurus::from_csv("relation;termes;vers\nlien;a;b\n", "t.csv").expect_err("refused");
    assert!(e.to_string().contains("ligne 2"), "{e}");
    assert!(e.to_string().contains("« lien »"), "{e}");
    let e = Thesaurus::from_csv("relation;termes\n", "t.csv").expect_err("refused");
    assert!(e.to_string().contains("« vers »"), "{e}");
    let e = Thesaurus::from_csv("relation;termes;vers\nsubstitution;drêches;\n", "t.csv")
        .expect_err("refused");
    assert!(e.to_string().contains("ligne 2"), "{e}");
}

#[test]
fn the_shipped_thesaurus_reads_and_every_entry_names_its_source() {
    let thesaurus = Thesaurus::from_csv(
        synergies::matching::thesaurus::SHIPPED,
        "assets/thesaurus.csv",
    )
    .expect("the shipped thesaurus reads");
    assert!(
        thesaurus.entries.len() >= 100,
        "{}",
        thesaurus.entries.len()
    );
    for entry in &thesaurus.entries {
        assert!(
            !entry.source.trim().is_empty(),
            "line {} has no source",
            entry.line
        );
    }
}

#[test]
fn the_example_workshop_has_explained_suggestions() {
    let session = synergies::example::example_session().expect("builds");
    let found = Matcher::shipped().suggest(&session);
    let need = fiche_id(&session, "Palettes et bois de récupération");
    let offers: Vec<(String, Reason)> = found
        .for_need(need)
        .map(|s| {
            (
                session.fiche(s.offer).expect("offer").resource.clone(),
                s.reason.clone(),
            )
        })
        .collect();
    assert_eq!(
        offers.first().map(|(r, _)| r.as_str()),
        Some("Cagettes et palettes bois"),
        "{offers:?}"
    );
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("HOME", dir) // no user thesaurus: the shipped one
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .expect("runs")
}

#[test]
fn the_command_line_prints_suggestions_as_json_and_as_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = session_of(&[
        ("EHPAD", Direction::Need, "Cagettes"),
        ("Ferme", Direction::Offer, "Caisses en bois"),
        ("Collège", Direction::Need, "cageots"),
        ("Mairie", Direction::Need, "caisses en bois"),
    ]);
    store::create(&dir.path().join("a.ron"), &session).expect("saved");
    std::fs::write(dir.path().join("t.csv"), THESAURUS).expect("written");

    let o = run(
        dir.path(),
        &["suggest", "a.ron", "--json", "--thesaurus", "t.csv"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let first = &json["suggestions"][0];
    assert_eq!(first["need"]["organisation"], "EHPAD");
    assert_eq!(first["need"]["resource"], "Cagettes");
    assert_eq!(first["offer"]["organisation"], "Ferme");
    assert_eq!(first["offer"]["resource"], "Caisses en bois");
    assert!(first["score"].as_f64().is_some_and(|s| s > 0.0 && s <= 1.0));
    assert_eq!(first["reason"], "synonyme : cagettes ≈ caisses en bois");
    assert_eq!(json["suggestions"].as_array().map(Vec::len), Some(3));
    let m = &json["mutualisations"][0];
    assert_eq!(m["reason"], "3 organisations ont besoin de : cagettes");
    assert_eq!(m["organisations"].as_array().map(Vec::len), Some(3));

    let o = run(dir.path(), &["suggest", "a.ron", "--thesaurus", "t.csv"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Besoin de EHPAD : Cagettes"), "{text}");
    assert!(
        text.contains("← Ferme : Caisses en bois (95 % ; synonyme : cagettes ≈ caisses en bois)"),
        "{text}"
    );
    assert!(text.contains("Mutualisations :"), "{text}");

    // A broken thesaurus: one error line naming the file and the line.
    std::fs::write(
        dir.path().join("bad.csv"),
        "relation;termes;vers\nlien;a;b\n",
    )
    .expect("w");
    let o = run(dir.path(), &["suggest", "a.ron", "--thesaurus", "bad.csv"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.starts_with("error: thésaurus bad.csv, ligne 2"),
        "{err}"
    );
}

/// Top-5 recall on the labelled set of real pairings (`tests/data/pairings.csv`), per
/// kind of pairing: each need is ranked against every offer of the set.
#[test]
fn suggestion_quality_on_real_pairings() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pairings.csv");
    let text = std::fs::read_to_string(&path).expect("the labelled set is there");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let rows: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.expect("a row");
            (r[0].to_owned(), r[1].to_owned(), r[2].to_owned())
        })
        .collect();
    assert!(rows.len() >= 45, "{} pairings", rows.len());
    let mut session = Session::new("Paires réelles");
    let category = session.categories[0].key.clone();
    let mut pairs = Vec::new();
    for (i, (_, need, offer)) in rows.iter().enumerate() {
        let a = Organisation::new(format!("Besoin {i}"));
        let b = Organisation::new(format!("Offre {i}"));
        let need_sheet = Fiche::new(a.id, Direction::Need, category.clone(), need.as_str());
        let offer_sheet = Fiche::new(b.id, Direction::Offer, category.clone(), offer.as_str());
        pairs.push((need_sheet.id, offer_sheet.offer_key()));
        session.organisations.extend([a, b]);
        session.fiches.extend([need_sheet, offer_sheet]);
    }
    let found = Matcher::shipped().suggest(&session);
    let mut by_kind: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for ((kind, _, _), (need, offer_text)) in rows.iter().zip(&pairs) {
        let top5: Vec<String> = found
            .for_need(*need)
            .take(5)
            .map(|s| session.fiche(s.offer).expect("offer").offer_key())
            .collect();
        let entry = by_kind.entry(kind.as_str()).or_default();
        entry.1 += 1;
        if top5.contains(offer_text) {
            entry.0 += 1;
        }
    }
    for (kind, (hits, total)) in &by_kind {
        println!(
            "top-5 recall, {kind}: {hits}/{total} = {:.0} %",
            100.0 * *hits as f64 / *total as f64
        );
    }
    let recall = |kind: &str| {
        by_kind
            .get(kind)
            .map_or(0.0, |(h, t)| *h as f64 / *t as f64)
    };
    // Floors a little under what was measured: a change that loses pairings fails.
    assert!(recall("variante") >= 0.9, "{by_kind:?}");
    assert!(recall("synonyme") >= 0.5, "{by_kind:?}");
    assert!(recall("substitution") >= 0.5, "{by_kind:?}");
}

/// What identifies an offer in the labelled set: its wording, folded (the same offer
/// may appear in several pairings).
trait OfferKey {
    fn offer_key(&self) -> String;
}

impl OfferKey for Fiche {
    fn offer_key(&self) -> String {
        synergies::model::text::fold(&self.resource)
    }
}

/// The fast path of the new-sheet entry gives the same suggestions as ranking the whole
/// session with the sheet in it, for needs and for offers.
#[test]
fn a_sheet_being_typed_gets_the_suggestions_it_would_get_once_saved() {
    let session = synergies::example::example_session().expect("builds");
    let matcher = Matcher::shipped();
    let organisation = session.organisations[3].id;
    let category = session.categories[0].key.clone();
    let mut compared = 0;
    for resource in [
        "Cagettes",
        "Palettes bois",
        "bois",
        "Déchets verts",
        "Compost",
        "",
        "cartons",
    ] {
        for direction in [Direction::Need, Direction::Offer] {
            let draft = Fiche::new(organisation, direction, category.clone(), resource);
            let fast = matcher.suggest_for_draft(&session, &draft);
            let whole = matcher.suggest_with(&session, Some(&draft));
            let expected: Vec<_> = whole.for_fiche(draft.id).cloned().collect();
            assert_eq!(fast.pairs, expected, "{resource} ({direction:?})");
            assert!(fast.mutualisations.is_empty());
            compared += expected.len();
        }
    }
    assert!(
        compared > 10,
        "the comparison saw only {compared} suggestions"
    );
}
