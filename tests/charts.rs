//! The synthesis charts: the series counted once in the model, and the Synthèse view and
//! the PDF showing the same bars, the "not given" ones included.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use synergies::example::example_session;
use synergies::model::charts::{CategoryBar, ChartSeries, FunnelStage};
use synergies::model::{IdeaKind, Language, Session, Stats, Status};
use synergies::report::render_pdf;
use synergies::store;
use synergies::ui::SynergiesApp;
use synergies::ui::document::Document;
use synergies::ui::prefs::Preferences;

fn counts<K: Copy>(bars: &[synergies::model::charts::Bar<K>]) -> Vec<usize> {
    bars.iter().map(|b| b.count).collect()
}

#[test]
fn the_example_series_count_the_example_ideas() {
    let session = example_session().expect("builds");
    let stats = Stats::of(&session);
    let series = ChartSeries::of(&session);

    // Every idea of the example has a known category and a kind: no "not given" bar.
    let keys: Vec<CategoryBar> = series.by_category.iter().map(|b| b.key).collect();
    let expected: Vec<CategoryBar> = (0..session.categories.len())
        .map(CategoryBar::Category)
        .collect();
    assert_eq!(keys, expected);
    for (bar, category) in series.by_category.iter().zip(&session.categories) {
        let by_hand = session
            .ideas
            .iter()
            .filter(|i| i.category.as_deref() == Some(category.key.as_str()))
            .count();
        assert_eq!(bar.count, by_hand, "{}", category.key);
    }
    assert_eq!(
        counts(&series.by_category).iter().sum::<usize>(),
        stats.ideas
    );
    assert!(
        series.by_category.iter().filter(|b| b.count > 0).count() >= 4,
        "the example spreads its ideas over several categories: {:?}",
        series.by_category
    );

    let kinds: Vec<Option<IdeaKind>> = series.by_kind.iter().map(|b| b.key).collect();
    assert_eq!(
        kinds,
        vec![Some(IdeaKind::Substitution), Some(IdeaKind::Mutualisation)]
    );
    for bar in &series.by_kind {
        assert!(bar.count > 0, "the example has both kinds: {bar:?}");
    }
    assert_eq!(counts(&series.by_kind).iter().sum::<usize>(), stats.ideas);

    assert_eq!(
        series.funnel.iter().map(|b| b.key).collect::<Vec<_>>(),
        FunnelStage::ALL
    );
    assert_eq!(
        counts(&series.funnel),
        vec![stats.ideas, stats.selected, stats.imminent]
    );
    assert!(stats.ideas > stats.selected && stats.selected > stats.imminent);

    // The example has ideas of every status, so the split has its four bars.
    let untriaged = session
        .ideas
        .iter()
        .filter(|i| i.status == Status::Selected)
        .count();
    assert!(untriaged > 0);
    assert_eq!(
        series.triage.iter().map(|b| b.key).collect::<Vec<_>>(),
        vec![
            Status::Imminent,
            Status::ToDeepen,
            Status::Abandoned,
            Status::Selected
        ]
    );
    assert_eq!(
        counts(&series.triage),
        vec![stats.imminent, stats.to_deepen, stats.abandoned, untriaged]
    );
    assert_eq!(counts(&series.triage).iter().sum::<usize>(), stats.selected);
}

/// The example with three ideas left without a category (one of them pointing at a
/// category the session no longer has) and two without a kind.
fn session_with_gaps() -> Session {
    let mut session = example_session().expect("builds");
    for idea in session.ideas.iter_mut().take(2) {
        idea.category = None;
    }
    if let Some(idea) = session.ideas.get_mut(2) {
        idea.category = Some("plus-là".to_owned());
    }
    for idea in session.ideas.iter_mut().skip(5).take(2) {
        idea.kind = None;
    }
    session
}

/// The bars as a French synthesis labels them, chart by chart: the model's words for
/// categories, kinds and statuses, and the renderer's own `funnel` words (ideas,
/// selected, about to happen) and `to_triage` word.
fn french_bars(
    session: &Session,
    series: &ChartSeries,
    funnel: [&str; 3],
    to_triage: &str,
) -> Vec<Vec<(String, usize)>> {
    let capitalised = |text: &str| {
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    let by_category = series
        .by_category
        .iter()
        .map(|b| {
            let label = match b.key {
                CategoryBar::Category(i) => session.categories[i].label(Language::Fr).to_owned(),
                CategoryBar::Uncategorised => "Non précisé".to_owned(),
            };
            (label, b.count)
        })
        .collect();
    let by_kind = series
        .by_kind
        .iter()
        .map(|b| {
            let label = b.key.map_or("Non précisé".to_owned(), |k| {
                capitalised(k.label(Language::Fr))
            });
            (label, b.count)
        })
        .collect();
    let funnel = series
        .funnel
        .iter()
        .map(|b| {
            let label = match b.key {
                FunnelStage::Ideas => funnel[0],
                FunnelStage::Selected => funnel[1],
                FunnelStage::Imminent => funnel[2],
            };
            (label.to_owned(), b.count)
        })
        .collect();
    let triage = series
        .triage
        .iter()
        .map(|b| {
            let label = match b.key {
                Status::Selected => to_triage.to_owned(),
                s => capitalised(s.label(Language::Fr)),
            };
            (label, b.count)
        })
        .collect();
    vec![by_category, by_kind, funnel, triage]
}

#[test]
fn the_series_have_the_not_given_bars_when_the_data_has_gaps() {
    let session = session_with_gaps();
    let series = ChartSeries::of(&session);
    assert_eq!(
        series.by_category.last().map(|b| (b.key, b.count)),
        Some((CategoryBar::Uncategorised, 3))
    );
    assert_eq!(series.by_category.len(), session.categories.len() + 1);
    assert_eq!(
        series.by_kind.last().map(|b| (b.key, b.count)),
        Some((None, 2))
    );
    assert_eq!(
        counts(&series.by_category).iter().sum::<usize>(),
        session.ideas.len()
    );
}

fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("a PDF reader reads it");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_draws_the_model_series_with_the_uncategorised_bar() {
    let session = session_with_gaps();
    let series = ChartSeries::of(&session);
    let bars = french_bars(
        &session,
        &series,
        [
            "Idées de synergie",
            "Retenues pour les B2B",
            "Sur le point de se concrétiser",
        ],
        "Encore à trier",
    );
    // The chart page: each chart's title, then its bars as "label count", in order.
    let mut parts = vec!["Les idées en graphiques".to_owned()];
    for (title, bars) in [
        "Idées par catégorie de ressource",
        "Idées par type de synergie",
        "De l'idée à la concrétisation",
        "Tri des idées retenues",
    ]
    .into_iter()
    .zip(&bars)
    {
        parts.push(title.to_owned());
        parts.extend(bars.iter().map(|(label, count)| format!("{label} {count}")));
    }
    let expected = parts.join(" ");
    assert!(expected.contains("Non précisé 3"), "{expected}");
    assert!(expected.contains("Non précisé 2"), "{expected}");
    let text = text_of(&render_pdf(&session).expect("renders").pdf);
    assert!(
        text.contains(&expected),
        "the PDF's charts are not\n{expected}\nin\n{text}"
    );
}

/// The Synthèse view's bars, read as a screen reader reads them: label and count.
fn screen_bars(session: &Session) -> Vec<(String, usize)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("atelier.ron");
    store::create(&path, session).expect("saved");
    let (doc, _) = Document::open(&path).expect("opens");
    let app = SynergiesApp::with_document(doc, Preferences::default());
    let mut h = Harness::builder()
        .with_size([1600.0, 2400.0])
        .build_ui_state(|ui, app: &mut SynergiesApp| app.ui(ui), app);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num7);
    h.run();
    h.query_all_by_role(Role::Meter)
        .map(|node| {
            let node = node.accesskit_node();
            let label = node.label().unwrap_or_default();
            let value = node.numeric_value().unwrap_or(-1.0);
            (label, value as usize)
        })
        .collect()
}

#[test]
fn the_synthesis_view_draws_the_same_bars_as_the_pdf() {
    let session = session_with_gaps();
    let series = ChartSeries::of(&session);
    let expected: Vec<(String, usize)> = french_bars(
        &session,
        &series,
        ["Idées", "Retenues B2B", "Sur le point de se concrétiser"],
        "À trier",
    )
    .into_iter()
    .flatten()
    .collect();
    let shown = screen_bars(&session);
    assert_eq!(shown, expected);
    assert!(shown.contains(&("Non précisé".to_owned(), 3)), "{shown:?}");
    assert!(shown.contains(&("Non précisé".to_owned(), 2)), "{shown:?}");
}
