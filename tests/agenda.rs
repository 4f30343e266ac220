//! The printed B2B agendas, read back page by page as a PDF reader does: one page per
//! organisation with its meetings (time, table, partners, idea), one per table for the
//! welcome desk (an empty table says so), and the meetings that could not be placed.

use synergies::b2b::{PlanView, plan};
use synergies::example::example_session;
use synergies::model::b2b::B2b;
use synergies::model::{Language, Session, Status};
use synergies::report::agenda::render_agendas;
use synergies::synthetic::{select_for_b2b, synthetic_session};

/// The pages' text, white space folded (lines wrap anywhere).
fn pages_of(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .expect("a PDF reader reads it")
        .iter()
        .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// `session` with its selected ideas planned on `tables` tables from 14:00, and the
/// plan as read.
fn planned(mut session: Session, tables: u32) -> (Session, PlanView) {
    session.b2b = B2b {
        tables,
        slot_min: 20,
        start: "14:00".parse().expect("a time"),
        ..B2b::default()
    };
    let planned = plan(&session, &session.b2b, &[]);
    session.b2b.meetings = planned.meetings;
    let view = PlanView::of(&session, &planned.unscheduled, Language::Fr);
    (session, view)
}

#[test]
fn each_organisation_gets_its_page_each_table_its_page_and_the_left_out_are_listed() {
    let mut session = example_session().expect("builds");
    // One more selected idea, of a single organisation: it cannot be a meeting.
    let lonely = session
        .ideas
        .iter_mut()
        .find(|i| i.status != Status::Selected && i.organisations.len() == 1)
        .expect("an idea of one organisation");
    lonely.status = Status::Selected;
    let lonely_title = lonely.title.clone();
    let (session, view) = planned(session, 8);
    assert!(view.meetings.len() >= 4, "{view:?}");
    let pdf = render_agendas(&session, &view).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = pages_of(&pdf);

    let with_meetings: Vec<_> = session
        .organisations
        .iter()
        .filter(|o| view.of_organisation(o.id).next().is_some())
        .collect();
    assert_eq!(pages.len(), with_meetings.len() + 8 + 1, "{pages:#?}");

    for organisation in with_meetings {
        let heading = format!("Vos rendez-vous B2B — {}", organisation.name);
        let mine: Vec<&String> = pages.iter().filter(|p| p.contains(&heading)).collect();
        assert_eq!(mine.len(), 1, "one page for {}", organisation.name);
        let page = mine[0];
        assert!(page.contains("Heure Table Avec Idée"), "{page}");
        assert!(page.contains(&session.info.title), "{page}");
        for m in view.of_organisation(organisation.id) {
            let time = format!("{}-{}", m.time.start, m.time.end);
            assert!(page.contains(&time), "{time} on {page}");
            assert!(page.contains(&m.title), "{} on {page}", m.title);
            for (id, partner) in &m.organisations {
                if *id != organisation.id {
                    assert!(page.contains(partner.as_str()), "{partner} on {page}");
                }
            }
        }
    }

    for table in 1..=8u32 {
        let heading = format!("Table {table} — rendez-vous B2B");
        let page = pages
            .iter()
            .find(|p| p.contains(&heading))
            .unwrap_or_else(|| panic!("a page for table {table}"));
        let meetings: Vec<_> = view.of_table(table).collect();
        if meetings.is_empty() {
            assert!(page.contains("Aucun rendez-vous."), "{page}");
        }
        for m in meetings {
            assert!(page.contains(&m.title), "{} on {page}", m.title);
            assert!(page.contains(&format!("{}-{}", m.time.start, m.time.end)));
            for (_, name) in &m.organisations {
                assert!(page.contains(name.as_str()), "{name} on {page}");
            }
        }
    }

    let last = pages.last().expect("pages");
    assert!(last.contains("Rendez-vous non placés"), "{last}");
    assert!(last.contains(&lonely_title), "{last}");
    assert!(
        last.contains("il faut au moins deux organisations à l'idée"),
        "{last}"
    );
}

#[test]
fn a_workshop_of_eighty_seven_meetings_prints_a_page_per_organisation_and_table() {
    let mut session = synthetic_session(36, 278, 510).expect("generates");
    select_for_b2b(&mut session, 87);
    // Names and titles as people write them: Arabic, emoji, a 3 000-character title.
    session.organisations[0].name = "تعاونية الزيتون 🫒".to_owned();
    if let Some(idea) = session
        .ideas
        .iter_mut()
        .find(|i| i.status == Status::Selected)
    {
        idea.title = "Palettes ".repeat(333);
    }
    let (session, view) = planned(session, 10);
    assert_eq!(view.meetings.len(), 87);
    let pdf = render_agendas(&session, &view).expect("renders");
    let pages = pages_of(&pdf);
    let organisations = session
        .organisations
        .iter()
        .filter(|o| view.of_organisation(o.id).next().is_some())
        .count();
    // A long title may carry a page over; every organisation and table has its own.
    assert!(pages.len() >= organisations + 10, "{} pages", pages.len());
    for table in 1..=10 {
        let heading = format!("Table {table} — rendez-vous B2B");
        assert!(pages.iter().any(|p| p.contains(&heading)), "table {table}");
    }
    assert!(
        pages.iter().all(|p| !p.contains("Rendez-vous non placés")),
        "all placed"
    );
}
