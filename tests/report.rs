//! The synthesis PDF and the follow-up workbook, read back as a participant's software
//! would: the PDF's text extracted by a PDF reader, the workbook opened by a reader.

use std::path::Path;
use std::process::Command;

use calamine::{Reader, Xlsx, open_workbook};
use synergies::example::example_session;
use synergies::model::{
    Action, Attendance, Cluster, ClusterTarget, Colour, Idea, Language, Organisation, Session,
    Stats, Status, Workshop,
};
use synergies::report::{
    MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT, PAGE_WIDTH, Placed, render_pdf, write_xlsx,
};

fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("a PDF reader reads it");
    // Lines wrap anywhere: compare with runs of white space folded.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_synthesis_holds_the_key_figures_and_the_accented_names() {
    let session = example_session().expect("builds");
    let stats = Stats::of(&session);
    let report = render_pdf(&session).expect("renders");
    assert!(report.pdf.starts_with(b"%PDF-"));
    let text = text_of(&report.pdf);
    for expected in [
        format!(
            "{} + {} organisations présentes + représentées",
            stats.organisations_present, stats.organisations_represented
        ),
        format!("{} idées de synergie", stats.ideas),
        format!("{} idées retenues pour les rendez-vous B2B", stats.selected),
        format!(
            "{} / {} / {}",
            stats.abandoned, stats.imminent, stats.to_deepen
        ),
        format!("{} animateur·rices", stats.facilitators),
        "Ferme maraîchère des Coteaux".to_owned(),
        "Salle des fêtes de Sigoulès-et-Flaugeac".to_owned(),
        "Les idées sur le point de se concrétiser".to_owned(),
        "Les idées à approfondir".to_owned(),
        "Les idées abandonnées".to_owned(),
        "Toutes les idées, par regroupement".to_owned(),
        "Index par organisation".to_owned(),
        "Participants".to_owned(),
        format!("page 1 sur {}", report.pages),
        format!("page {} sur {}", report.pages, report.pages),
    ] {
        assert!(text.contains(&expected), "the PDF lacks «{expected}»");
    }
    // Every idea and every organisation is in it.
    for idea in &session.ideas {
        assert!(text.contains(&idea.title), "missing idea {}", idea.title);
    }
    for org in &session.organisations {
        assert!(
            text.contains(&org.name),
            "missing organisation {}",
            org.name
        );
    }
}

#[test]
fn french_typography_survives() {
    let mut session = Session::new("Atelier « Cœur de Bastide » — l’été");
    let mut w = Workshop::new(session.clone());
    let org = Organisation::new("Œuvre d’Économie Sociale & Solidaire");
    let org_id = org.id;
    w.apply(Action::AddOrganisation(org)).expect("added");
    let mut idea = Idea::new("Réemploi des bâches « PVC » à l’échelle…");
    idea.organisations = vec![org_id];
    idea.description = "Coût : 12 € — çà et là, où ? ÀÉÈÊËÎÏÔÙÛÜŸÇ æ œ".into();
    idea.status = Status::Imminent;
    w.apply(Action::AddIdea(idea)).expect("added");
    session = w.into_session();
    let text = text_of(&render_pdf(&session).expect("renders").pdf);
    for expected in [
        "Atelier « Cœur de Bastide » — l’été",
        "Œuvre d’Économie Sociale & Solidaire",
        "Réemploi des bâches « PVC » à l’échelle…",
        "Coût : 12 € — çà et là, où ? ÀÉÈÊËÎÏÔÙÛÜŸÇ æ œ",
    ] {
        assert!(
            text.contains(expected),
            "the PDF lacks «{expected}»: {text}"
        );
    }
}

/// A session with an idea described in 3 000 characters and an organisation with a
/// 200-character name (and one unbroken 120-character word).
fn session_with_long_texts() -> Session {
    let mut w = Workshop::new(example_session().expect("builds"));
    let long_name = format!(
        "Association intercommunale pour la valorisation des ressources et des savoir-faire du territoire des Bastides, des Coteaux et de la vallée du Dropt {}",
        "x".repeat(60)
    );
    assert!(long_name.chars().count() >= 200);
    let mut org = Organisation::new(long_name);
    org.attendance = Attendance::Represented;
    let org_id = org.id;
    w.apply(Action::AddOrganisation(org)).expect("added");
    let sentence = "La recyclerie collecte les palettes de la ferme chaque semaine, les trie et les répare avant de les revendre aux artisans. ";
    let mut description = sentence.repeat(3000 / sentence.len() + 1);
    description.truncate(
        description
            .char_indices()
            .nth(2950)
            .map_or(description.len(), |(i, _)| i),
    );
    description.push_str(&"Z".repeat(120));
    description.push_str(" FIN-DE-LA-DESCRIPTION");
    assert!(description.chars().count() >= 3000);
    let mut idea = Idea::new(format!(
        "Une idée au titre interminable qui décrit une mutualisation très complète {}",
        "entre plusieurs structures ".repeat(6)
    ));
    idea.description = description;
    idea.organisations = vec![org_id];
    idea.owner = Some(org_id);
    idea.next_step = "Réunir toutes les structures concernées ".repeat(8);
    idea.status = Status::Imminent;
    let idea_id = idea.id;
    w.apply(Action::AddIdea(idea)).expect("added");
    w.apply(Action::GroupIdeas {
        ideas: vec![idea_id],
        target: ClusterTarget::New(Cluster::new(
            "Un regroupement au nom long ".repeat(5),
            Colour::nth(3),
        )),
    })
    .expect("grouped");
    w.into_session()
}

fn assert_on_page_and_apart(placed: &[Placed]) {
    let tolerance = 0.5;
    for p in placed {
        assert!(
            p.x >= MARGIN_LEFT - tolerance
                && p.x + p.width <= PAGE_WIDTH - MARGIN_RIGHT + tolerance,
            "off the page sideways: {p:?}"
        );
        assert!(
            p.y >= 20.0 && p.y + p.size <= PAGE_HEIGHT - 20.0,
            "off the page vertically: {p:?}"
        );
    }
    // No two runs of text overlap.
    let mut pages: std::collections::BTreeMap<usize, Vec<&Placed>> = Default::default();
    for p in placed {
        pages.entry(p.page).or_default().push(p);
    }
    for (page, runs) in pages {
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                let vertical = a.y - 0.2 * a.size < b.y + 0.75 * b.size
                    && b.y - 0.2 * b.size < a.y + 0.75 * a.size;
                let horizontal = a.x < b.x + b.width - tolerance && b.x < a.x + a.width - tolerance;
                assert!(
                    !(vertical && horizontal),
                    "page {page}: «{}» overlaps «{}»",
                    a.text,
                    b.text
                );
            }
        }
    }
}

#[test]
fn long_descriptions_and_names_stay_on_the_page() {
    let session = session_with_long_texts();
    let report = render_pdf(&session).expect("renders");
    assert_on_page_and_apart(&report.placed);
    // Nothing was dropped: the end of the description is there.
    let text = text_of(&report.pdf);
    assert!(text.contains("FIN-DE-LA-DESCRIPTION"));
    assert!(text.contains(&"x".repeat(20)));
}

#[test]
fn the_example_report_stays_on_the_page() {
    let report = render_pdf(&example_session().expect("builds")).expect("renders");
    assert_on_page_and_apart(&report.placed);
}

#[test]
fn an_english_session_gets_an_english_synthesis() {
    let mut session = example_session().expect("builds");
    session.info.language = Language::En;
    let text = text_of(&render_pdf(&session).expect("renders").pdf);
    assert!(text.contains("Key figures"));
    assert!(text.contains("Ideas about to happen"));
    assert!(text.contains("page 1 of"));
    assert!(!text.contains("Les chiffres clés"));
}

#[test]
fn the_workbook_has_a_sheet_per_status_and_the_expected_rows() {
    let session = example_session().expect("builds");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("suivi.xlsx");
    write_xlsx(&session, &path).expect("written");
    let mut book: Xlsx<_> = open_workbook(&path).expect("opens");
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Sur le point de se concrétiser",
            "À approfondir",
            "Abandonnées",
            "Retenues à trier",
            "Proposées",
            "Organisations",
            "Fiches ressources"
        ]
    );
    for (sheet, status) in [
        ("Sur le point de se concrétiser", Status::Imminent),
        ("À approfondir", Status::ToDeepen),
        ("Abandonnées", Status::Abandoned),
        ("Retenues à trier", Status::Selected),
        ("Proposées", Status::Proposed),
    ] {
        let range = book.worksheet_range(sheet).expect("sheet");
        let expected = session.ideas.iter().filter(|i| i.status == status).count();
        assert_eq!(range.height(), expected + 1, "{sheet}");
        assert_eq!(
            range.get((0, 0)).map(ToString::to_string).as_deref(),
            Some("Idée")
        );
    }
    let organisations = book.worksheet_range("Organisations").expect("sheet");
    assert_eq!(organisations.height(), session.organisations.len() + 1);
    let fiches = book.worksheet_range("Fiches ressources").expect("sheet");
    assert_eq!(fiches.height(), session.fiches.len() + 1);
    // The most voted idea about to happen comes first, with its owner and due date.
    let imminent = book
        .worksheet_range("Sur le point de se concrétiser")
        .expect("sheet");
    assert_eq!(
        imminent.get((1, 0)).map(ToString::to_string).as_deref(),
        Some("Biodéchets de l'EHPAD compostés à la ferme")
    );
    assert_eq!(
        imminent.get((1, 2)).map(ToString::to_string).as_deref(),
        Some("Ferme maraîchère des Coteaux")
    );
}

#[test]
fn the_command_line_writes_the_report_and_the_workbook() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/atelier-exemple.ron");
    let bin = env!("CARGO_BIN_EXE_synergies");
    let pdf = dir.path().join("synthese.pdf");
    let o = Command::new(bin)
        .arg("report")
        .arg(&example)
        .arg("-o")
        .arg(&pdf)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF-"));

    let xlsx = dir.path().join("suivi.xlsx");
    let o = Command::new(bin)
        .arg("export")
        .arg(&example)
        .arg("--xlsx")
        .arg(&xlsx)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(xlsx.is_file());

    let o = Command::new(bin)
        .arg("export")
        .arg(&example)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error:"));

    let o = Command::new(bin)
        .arg("report")
        .arg(&example)
        .arg("-o")
        .arg(dir.path().join("no/such/folder/x.pdf"))
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("x.pdf"));
}

#[test]
fn the_layout_check_catches_overlaps_and_overflow() {
    let run = |x: f32, y: f32, width: f32| Placed {
        page: 1,
        x,
        y,
        width,
        size: 10.0,
        text: "texte".into(),
    };
    let overlapping = vec![run(60.0, 400.0, 100.0), run(120.0, 402.0, 100.0)];
    assert!(std::panic::catch_unwind(|| assert_on_page_and_apart(&overlapping)).is_err());
    let too_wide = vec![run(60.0, 400.0, 600.0)];
    assert!(std::panic::catch_unwind(|| assert_on_page_and_apart(&too_wide)).is_err());
    let fine = vec![run(60.0, 400.0, 100.0), run(60.0, 385.0, 100.0)];
    assert_on_page_and_apart(&fine);
}

#[test]
fn the_cover_never_cuts_a_headline_figure() {
    // 510 ideas: the triage figure reads "63 / 64 / 63"; at 5 100, "638 / 638 / 637".
    for ideas in [510, 5100] {
        let scale = ideas / 510;
        let session = synergies::synthetic::synthetic_session(36 * scale, 278 * scale, ideas)
            .expect("builds");
        let stats = Stats::of(&session);
        let report = render_pdf(&session).expect("renders");
        let text = text_of(&report.pdf);
        let triage = format!(
            "{} / {} / {}",
            stats.abandoned, stats.imminent, stats.to_deepen
        );
        assert!(text.contains(&triage), "{triage} in full on the cover");
        assert_on_page_and_apart(&report.placed);
    }
}

/// A session file whose one idea (imminent, grouped, involving the one organisation)
/// has a title of `bytes` bytes with no space in it, and a description of 100 KB.
fn session_with_a_title_of(bytes: usize) -> Session {
    let mut w = Workshop::new(Session::new("Atelier de Sigoulès"));
    let org = Organisation::new("Coopérative des Coteaux");
    let org_id = org.id;
    w.apply(Action::AddOrganisation(org)).expect("added");
    let mut idea = Idea::new("Réemploi-des-palettes-".repeat(bytes / 23 + 1));
    idea.organisations = vec![org_id];
    idea.owner = Some(org_id);
    idea.status = Status::Imminent;
    idea.description = "Une description sans fin. ".repeat(100 * 1024 / 26);
    let idea_id = idea.id;
    w.apply(Action::AddIdea(idea)).expect("added");
    w.apply(Action::GroupIdeas {
        ideas: vec![idea_id],
        target: ClusterTarget::New(Cluster::new("Palettes", Colour::nth(1))),
    })
    .expect("grouped");
    w.into_session()
}

#[test]
fn a_hundred_kilobyte_title_gives_a_readable_pdf_cut_with_an_ellipsis() {
    let session = session_with_a_title_of(100 * 1024);
    let title = &session.ideas[0].title;
    assert!(title.len() >= 100 * 1024);
    let report = render_pdf(&session).expect("renders");
    assert!(report.pdf.starts_with(b"%PDF-"));
    assert_on_page_and_apart(&report.placed);
    // The title is shown up to its limit, then cut with an ellipsis, in every part.
    let shown: String = title
        .chars()
        .take(synergies::report::TITLE_CHARS_SHOWN)
        .collect();
    let runs: String = report.placed.iter().map(|p| p.text.as_str()).collect();
    assert!(runs.contains(&format!("{shown}…")));
    assert!(!runs.contains(&title[..shown.len() + 30]));
    let text = text_of(&report.pdf);
    assert!(
        text.contains("Réemploi-des-palettes-Réemploi"),
        "{}",
        &text[..200]
    );
    assert!(text.contains("Une description sans fin."));
    // A few pages more than with a short title, not a hundred.
    let short = render_pdf(&session_with_a_title_of(1024)).expect("renders");
    assert!(
        report.pages < short.pages + 8,
        "{} pages, {} with a 1 KB title",
        report.pages,
        short.pages
    );

    // The same session through the command line, and as a workbook: cells hold at
    // most what Excel holds.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("long.ron");
    synergies::store::create(&file, &session).expect("saved");
    let o = Command::new(env!("CARGO_BIN_EXE_synergies"))
        .arg("report")
        .arg(&file)
        .arg("-o")
        .arg(dir.path().join("long.pdf"))
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let xlsx = dir.path().join("long.xlsx");
    write_xlsx(&session, &xlsx).expect("written");
    let mut book: Xlsx<_> = open_workbook(&xlsx).expect("opens");
    let sheet = book.worksheet_range_at(0).expect("a sheet").expect("reads");
    let cell = sheet.get((1, 0)).expect("the title").to_string();
    assert_eq!(cell.chars().count(), 32_767);
    assert!(cell.ends_with('…'));
}
