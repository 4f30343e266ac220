//! Spreadsheet import through the real command line: every encoding and delimiter
//! Excel and LibreOffice write, and the all-or-nothing rule on each kind of bad row.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_synergies");

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn new_session(dir: &Path) -> PathBuf {
    let o = run(&["new", "atelier.ron", "--title", "Atelier test"], dir);
    assert!(o.status.success(), "{}", stderr(&o));
    dir.join("atelier.ron")
}

fn stats(dir: &Path, file: &str) -> serde_json::Value {
    let o = run(&["stats", file, "--json"], dir);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("stats --json prints JSON")
}

/// How a spreadsheet program might write a CSV file.
#[derive(Clone, Copy, Debug)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
    Utf16LeBom,
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Windows1252 => {
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
            assert!(!unmappable);
            bytes.into_owned()
        }
        Encoding::Utf16LeBom => {
            let mut bytes = vec![0xFF, 0xFE];
            for unit in text.encode_utf16() {
                bytes.extend_from_slice(&unit.to_le_bytes());
            }
            bytes
        }
    }
}

/// Writes rows as CSV with the delimiter and line ending given, quoting as Excel does.
fn csv_text(rows: &[&[&str]], delimiter: char, crlf: bool) -> String {
    let newline = if crlf { "\r\n" } else { "\n" };
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|field| {
                    if field.contains([delimiter, '"', '\n', '\r']) {
                        format!("\"{}\"", field.replace('"', "\"\""))
                    } else {
                        (*field).to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(&delimiter.to_string())
        })
        .collect::<Vec<_>>()
        .join(newline)
        + newline
}

const ORGANISATIONS: &[&[&str]] = &[
    &[
        "Nom",
        "Secteur",
        "Commune",
        "Téléphone",
        "Table",
        "Présence",
    ],
    &[
        "Ferme des Coteaux",
        "Maraîchage",
        "Sigoulès",
        "05 53 00 00 01",
        "1",
        "présente",
    ],
    &[
        "Cave coopérative de Saussignac",
        "Viticulture",
        "Saussignac",
        "",
        "1",
        "Représentée",
    ],
    &["Menuiserie Lacoste; Fils", "Bois", "Eymet", "", "2", ""],
    &[
        "Cœur de Bastide « épicerie »",
        "Commerce",
        "Issigeac",
        "",
        "2",
        "absente",
    ],
];

const FICHES: &[&[&str]] = &[
    &[
        "Organisation",
        "Sens",
        "Catégorie",
        "Ressource",
        "Quantité",
        "Unité",
        "Fréquence",
        "Notes",
    ],
    &[
        "ferme des coteaux",
        "Offre",
        "Matières et déchets",
        "Cagettes",
        "40",
        "unités",
        "par mois",
        "Propres,\nempilées",
    ],
    &[
        "  FERME DES COTEAUX ",
        "besoin",
        "equipment",
        "Chambre froide",
        "20",
        "m³",
        "",
        "",
    ],
    &[
        "Cave cooperative de Saussignac",
        "offre",
        "Locaux et foncier",
        "Hangar",
        "400",
        "m²",
        "",
        "d'octobre à juillet",
    ],
];

const IDEAS: &[&[&str]] = &[
    &[
        "Titre",
        "Description",
        "Type",
        "Catégorie",
        "Organisations",
        "Table",
        "Animateur",
        "Votes",
        "Statut",
        "Regroupement",
        "Prochaine étape",
        "Référent",
        "Échéance",
    ],
    &[
        "Cagettes pour la cave",
        "Ligne 1\nLigne 2 avec \"guillemets\"",
        "substitution",
        "materials",
        "Ferme des Coteaux|Cave coopérative de Saussignac",
        "1",
        "Camille Roux",
        "4",
        "à approfondir",
        "Bois",
        "Appeler la cave",
        "Ferme des Coteaux",
        "15/01/2027",
    ],
    &[
        "Hangar partagé",
        "",
        "Mutualisation",
        "space",
        "Cave coopérative de Saussignac | menuiserie lacoste; fils",
        "2",
        "Julien Marty",
        "0",
        "retenue",
        "Locaux",
        "",
        "",
        "",
    ],
    &[
        "Épicerie et ferme",
        "",
        "",
        "",
        "coeur de bastide « EPICERIE »",
        "",
        "camille roux",
        "",
        "",
        "bois",
        "",
        "",
        "",
    ],
];

/// Writes the three files in `encoding`, with `delimiter` and CRLF or LF.
fn write_files(dir: &Path, encoding: Encoding, delimiter: char, crlf: bool) {
    for (name, rows) in [
        ("orgs.csv", ORGANISATIONS),
        ("fiches.csv", FICHES),
        ("ideas.csv", IDEAS),
    ] {
        fs::write(
            dir.join(name),
            encode(&csv_text(rows, delimiter, crlf), encoding),
        )
        .expect("written");
    }
}

fn import_all(dir: &Path) -> Output {
    run(
        &[
            "import",
            "atelier.ron",
            "--organisations",
            "orgs.csv",
            "--fiches",
            "fiches.csv",
            "--ideas",
            "ideas.csv",
        ],
        dir,
    )
}

#[test]
fn imports_every_encoding_delimiter_and_line_ending() {
    for encoding in [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Windows1252,
        Encoding::Utf16LeBom,
    ] {
        for delimiter in [',', ';', '\t'] {
            for crlf in [true, false] {
                let dir = tempfile::tempdir().expect("temp dir");
                let session = new_session(dir.path());
                write_files(dir.path(), encoding, delimiter, crlf);
                let o = import_all(dir.path());
                let case = format!("{encoding:?} {delimiter:?} crlf={crlf}");
                assert!(o.status.success(), "{case}: {}", stderr(&o));
                let s = stats(dir.path(), "atelier.ron");
                assert_eq!(s["organisations"], 4, "{case}");
                assert_eq!(s["organisations_present"], 2, "{case}");
                assert_eq!(s["organisations_represented"], 1, "{case}");
                assert_eq!(s["fiches"], 3, "{case}");
                assert_eq!(s["offers"], 2, "{case}");
                assert_eq!(s["ideas"], 3, "{case}");
                assert_eq!(s["selected"], 2, "{case}");
                assert_eq!(s["to_deepen"], 1, "{case}");
                assert_eq!(s["clusters"], 2, "{case}");
                assert_eq!(s["facilitators"], 2, "{case}");
                assert_eq!(s["tables"], 2, "{case}");
                assert_eq!(s["votes"], 4, "{case}");

                let loaded = synergies::store::load(&session).expect("loads").session;
                let names: Vec<&str> = loaded
                    .organisations
                    .iter()
                    .map(|o| o.name.as_str())
                    .collect();
                assert!(
                    names.contains(&"Cœur de Bastide « épicerie »"),
                    "{case}: {names:?}"
                );
                assert!(names.contains(&"Menuiserie Lacoste; Fils"), "{case}");
                let idea = &loaded.ideas[0];
                assert_eq!(
                    idea.description, "Ligne 1\nLigne 2 avec \"guillemets\"",
                    "{case}"
                );
                assert_eq!(idea.organisations.len(), 2, "{case}");
                assert!(idea.owner.is_some(), "{case}");
                assert_eq!(
                    idea.due.map(|d| d.to_string()).as_deref(),
                    Some("2027-01-15")
                );
                assert_eq!(loaded.fiches[0].notes, "Propres,\nempilées", "{case}");
                assert_eq!(loaded.fiches[1].organisation, loaded.fiches[0].organisation);
            }
        }
    }
}

#[test]
fn headers_in_english_and_a_title_row_above_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    fs::write(
        dir.path().join("orgs.csv"),
        "Liste des inscrits au 19/11;;;\n;;;\nNAME;Sector;Town;Attendance\nFerme;Agri;Eymet;represented\n",
    )
    .expect("written");
    let o = run(
        &["import", "atelier.ron", "--organisations", "orgs.csv"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stats(dir.path(), "atelier.ron")["organisations_represented"],
        1
    );
}

#[test]
fn extra_columns_are_ignored_and_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    fs::write(
        dir.path().join("orgs.csv"),
        "Horodatage,Nom,Remarque\n2026-11-01,Ferme,arrive en retard\n",
    )
    .expect("written");
    let o = run(
        &["import", "atelier.ron", "--organisations", "orgs.csv"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("colonnes ignorées : Horodatage, Remarque"),
        "{}",
        stdout(&o)
    );
}

/// One bad row among good ones: the import is refused, the message names the file, the
/// line, the column and the value, and the session file is byte for byte as it was.
fn assert_refused(file_flag: &str, csv: &str, line: u64, column: &str, value: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = new_session(dir.path());
    // A first import that succeeds, so that there is something to keep intact.
    write_files(dir.path(), Encoding::Utf8, ';', false);
    let o = run(
        &["import", "atelier.ron", "--organisations", "orgs.csv"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let before = fs::read(&session).expect("read");

    fs::write(dir.path().join("bad.csv"), csv).expect("written");
    let o = run(&["import", "atelier.ron", file_flag, "bad.csv"], dir.path());
    let message = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{csv}: {message}");
    assert!(message.starts_with("error: "), "{message}");
    assert_eq!(message.lines().count(), 1, "one message: {message}");
    assert!(message.contains("bad.csv"), "{message}");
    assert!(message.contains(&format!("ligne {line}")), "{message}");
    assert!(message.contains(column), "{message}");
    assert!(message.contains(value), "{message}");
    assert_eq!(
        fs::read(&session).expect("read"),
        before,
        "the session changed"
    );
}

#[test]
fn a_bad_organisation_row_imports_nothing() {
    let ok = "nom;presence\nA;présente\n";
    assert_refused(
        "--organisations",
        &format!("{ok};absente\n"),
        3,
        "A (nom)",
        "est vide",
    );
    assert_refused(
        "--organisations",
        &format!("{ok}B;peut-être\n"),
        3,
        "B (presence)",
        "peut-être",
    );
    assert_refused(
        "--organisations",
        &format!("{ok}a ;\n"),
        3,
        "A (nom)",
        "ligne 2",
    );
    assert_refused(
        "--organisations",
        &format!("{ok}Ferme des coteaux;\n"),
        3,
        "A (nom)",
        "déjà dans l'atelier",
    );
    assert_refused(
        "--organisations",
        &format!("{ok}\"C\";présente;surplus\n"),
        3,
        "C",
        "surplus",
    );
}

#[test]
fn a_bad_fiche_row_imports_nothing() {
    let head =
        "organisation,direction,category,resource\nFerme des Coteaux,offer,materials,Cagettes\n";
    assert_refused(
        "--fiches",
        &format!("{head}Inconnue SARL,offer,materials,Bois\n"),
        3,
        "A (organisation)",
        "Inconnue SARL",
    );
    assert_refused(
        "--fiches",
        &format!("{head}Ferme des Coteaux,donne,materials,Bois\n"),
        3,
        "B (direction)",
        "donne",
    );
    assert_refused(
        "--fiches",
        &format!("{head}Ferme des Coteaux,need,nucléaire,Bois\n"),
        3,
        "C (category)",
        "nucléaire",
    );
    assert_refused(
        "--fiches",
        &format!("{head}Ferme des Coteaux,need,energy,\n"),
        3,
        "D (resource)",
        "vide",
    );
}

#[test]
fn a_bad_idea_row_imports_nothing() {
    let head = "titre;type;organisations;votes;statut;referent;echeance\nBonne idée;;Ferme des Coteaux;1;;;\n";
    let cases: &[(&str, &str, &str)] = &[
        (";substitution;;;;;", "A (titre)", "vide"),
        ("X;troc;;;;;", "B (type)", "troc"),
        (
            "X;;Ferme des Coteaux|Nulle Part;;;;",
            "C (organisations)",
            "Nulle Part",
        ),
        ("X;;;-2;;;", "D (votes)", "-2"),
        ("X;;;2,5;;;", "D (votes)", "2,5"),
        ("X;;;beaucoup;;;", "D (votes)", "beaucoup"),
        ("X;;;;peut-être;;", "E (statut)", "peut-être"),
        ("X;;;;;Personne;", "F (referent)", "Personne"),
        ("X;;;;;;demain", "G (echeance)", "demain"),
    ];
    for (row, column, value) in cases {
        assert_refused("--ideas", &format!("{head}{row}\n"), 3, column, value);
    }
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused_with_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = new_session(dir.path());
    let before = fs::read(&session).expect("read");
    for (name, bytes) in [
        ("empty.csv", b"".as_slice()),
        ("binary.csv", b"\x00\x01\x02PK\x03\x04garbage"),
        ("noheader.csv", b"a;b;c\n1;2;3\n"),
    ] {
        fs::write(dir.path().join(name), bytes).expect("written");
        let o = run(&["import", "atelier.ron", "--ideas", name], dir.path());
        assert_eq!(o.status.code(), Some(1));
        let message = stderr(&o);
        assert!(
            message.starts_with("error: ") && message.contains(name),
            "{message}"
        );
        assert_eq!(fs::read(&session).expect("read"), before);
    }
    let o = run(
        &["import", "atelier.ron", "--ideas", "missing.csv"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.csv"));
}

#[test]
fn export_then_import_gives_the_same_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/atelier-exemple.ron");
    let example = example.to_string_lossy().into_owned();
    let o = run(&["export", &example, "--csv", "out"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    for name in synergies::spreadsheet::EXPORT_FILES {
        assert!(dir.path().join("out").join(name).is_file());
    }
    new_session(dir.path());
    let o = run(
        &[
            "import",
            "atelier.ron",
            "--organisations",
            "out/organisations.csv",
            "--fiches",
            "out/fiches.csv",
            "--ideas",
            "out/ideas.csv",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stats(dir.path(), "atelier.ron"),
        stats(dir.path(), &example)
    );
}

#[test]
fn importing_appends_to_what_is_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    fs::write(dir.path().join("a.csv"), "titre\nUne\n").expect("written");
    fs::write(dir.path().join("b.csv"), "titre\nDeux\nTrois\n").expect("written");
    for file in ["a.csv", "b.csv"] {
        let o = run(&["import", "atelier.ron", "--ideas", file], dir.path());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert_eq!(stats(dir.path(), "atelier.ron")["ideas"], 3);
}

#[test]
fn an_excel_sep_line_sets_the_delimiter() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    fs::write(
        dir.path().join("orgs.csv"),
        "sep=;\r\nNom;Commune\r\n\"Dupont, Fils et Cie\";Eymet\r\n",
    )
    .expect("written");
    let o = run(
        &["import", "atelier.ron", "--organisations", "orgs.csv"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let session = synergies::store::load(&dir.path().join("atelier.ron"))
        .expect("loads")
        .session;
    assert_eq!(session.organisations[0].name, "Dupont, Fils et Cie");
}

#[test]
fn an_unterminated_quote_is_refused_with_its_line_and_a_quote_inside_a_cell_is_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = new_session(dir.path());
    let before = fs::read(&session).expect("read");
    let csv = "nom;secteur;commune\nFerme A;Agriculture;Eymet\n\"Ferme B;Agriculture;Eymet\nFerme C;Bois;Sigoulès\nFerme D;Bois;Issigeac\n";
    let o = import_organisations(dir.path(), csv);
    let message = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{message}");
    assert!(message.contains("orgs.csv"), "{message}");
    assert!(message.contains("ligne 3"), "{message}");
    assert!(message.contains("guillemet"), "{message}");
    assert_eq!(
        fs::read(&session).expect("read"),
        before,
        "nothing imported"
    );

    // An inch mark inside a cell is not a quoted field.
    let csv = "nom;secteur;commune\nTuyaux 5\" PVC;Plomberie;Eymet\n\"Menuiserie \"\"Lacoste\"\"\";Bois;Sigoulès\n";
    let o = import_organisations(dir.path(), csv);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stats(dir.path(), "atelier.ron")["organisations"], 2);
}

#[test]
fn a_header_of_a_million_columns_does_not_exhaust_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    let mut csv = String::from("nom");
    csv.push_str(&";".repeat(1_000_000));
    csv.push('\n');
    for i in 0..1000 {
        csv.push_str(&format!("Structure {i}\n"));
    }
    let o = import_organisations(dir.path(), csv);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stats(dir.path(), "atelier.ron")["organisations"], 1000);
}

#[test]
fn short_and_plural_category_names_are_understood() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    fs::write(dir.path().join("orgs.csv"), "nom\nFerme A\n").expect("written");
    let fiches = "structure;sens;catégorie;ressource\nFerme A;offre;équipements;Broyeur\nFerme A;besoin;energie;Chaleur\nFerme A;offre;locaux;Hangar\nFerme A;offre;Matière;Paille\n";
    fs::write(dir.path().join("fiches.csv"), fiches).expect("written");
    let o = run(
        &[
            "import",
            "atelier.ron",
            "--organisations",
            "orgs.csv",
            "--fiches",
            "fiches.csv",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let session = synergies::store::load(&dir.path().join("atelier.ron"))
        .expect("loads")
        .session;
    let categories: Vec<&str> = session.fiches.iter().map(|f| f.category.as_str()).collect();
    assert_eq!(categories, ["equipment", "energy", "space", "materials"]);
}

/// Writes `csv` as `orgs.csv` and imports it into `atelier.ron`.
fn import_organisations(dir: &Path, csv: impl AsRef<[u8]>) -> Output {
    fs::write(dir.join("orgs.csv"), csv).expect("written");
    run(
        &["import", "atelier.ron", "--organisations", "orgs.csv"],
        dir,
    )
}

#[test]
fn every_bad_row_is_reported_in_one_message_the_first_twenty_then_a_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = new_session(dir.path());
    let before = fs::read(&session).expect("read");
    // 25 rows with an unknown attendance, among good ones.
    let mut csv = String::from("nom;présence\n");
    for i in 0..40 {
        let attendance = if i % 8 < 5 { "peut-être" } else { "présente" };
        csv.push_str(&format!("Structure {i};{attendance}\n"));
    }
    let o = import_organisations(dir.path(), csv);
    let message = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{message}");
    assert_eq!(message.lines().count(), 1, "one error line: {message}");
    // The first bad row is line 2, the twentieth line 30; five more are counted.
    assert!(message.contains("orgs.csv, ligne 2,"), "{message}");
    assert!(message.contains("; et ligne 30,"), "{message}");
    assert!(!message.contains("ligne 34,"), "{message}");
    assert!(message.contains("5 autres lignes à corriger"), "{message}");
    assert_eq!(
        fs::read(&session).expect("read"),
        before,
        "nothing imported"
    );
}

/// The session file's bytes, to check that a refused import left it as it was.
fn session_bytes(dir: &Path) -> Vec<u8> {
    fs::read(dir.join("atelier.ron")).expect("read")
}

#[test]
fn a_header_of_a_million_named_columns_is_read_and_its_note_stays_one_short_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    let mut csv = String::from("nom");
    for i in 1..1_000_000 {
        csv.push_str(&format!(";colonne {i}"));
    }
    csv.push('\n');
    for i in 0..1000 {
        csv.push_str(&format!("Structure {i};a;b\n"));
    }
    let o = import_organisations(dir.path(), csv);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stats(dir.path(), "atelier.ron")["organisations"], 1000);
    // The ignored columns are counted, and only the first few named.
    let out = stdout(&o);
    assert!(out.contains("999999 colonnes ignorées"), "{out}");
    assert!(out.contains("colonne 20, …"), "{out}");
    assert!(out.len() < 2000, "{} bytes of notes", out.len());
}

#[test]
fn a_fifty_megabyte_cell_is_refused_with_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    let before = session_bytes(dir.path());
    let huge = "Paille ".repeat(50 * 1024 * 1024 / 7);
    // Unquoted, and quoted across lines with delimiters inside (as a misplaced quote
    // would swallow the rest of a file).
    for cell in [huge.clone(), format!("\"{}\"", huge.replace(' ', ";\n"))] {
        let csv = format!("nom;secteur\nFerme A;Agriculture\nFerme B;{cell}\nFerme C;Bois\n");
        let o = import_organisations(dir.path(), csv);
        let message = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{message}");
        assert!(
            message.contains("orgs.csv, ligne 3, colonne B (secteur)"),
            "{message}"
        );
        assert!(message.contains("plus de 32767 caractères"), "{message}");
        // The value is shown by its start only.
        assert!(message.len() < 1000, "{} bytes of message", message.len());
        assert_eq!(session_bytes(dir.path()), before, "nothing imported");
    }
}

#[test]
fn a_hundred_thousand_rows_import_and_a_bad_one_at_the_end_is_found() {
    let rows = 100_000;
    let dir = tempfile::tempdir().expect("temp dir");
    new_session(dir.path());
    let mut csv = String::from("nom;n° table;animateur·rice;présence\n");
    for i in 0..rows {
        let table = i / 10 + 1;
        csv.push_str(&format!(
            "Structure {i};{table};Animateur {table};présente\n"
        ));
    }
    let before = session_bytes(dir.path());

    // One bad row after a hundred thousand good ones: refused, with its line.
    let bad = format!("{csv}Structure 5;1;Animateur 1;présente\n");
    let o = import_organisations(dir.path(), bad);
    let message = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{message}");
    assert!(
        message.contains(&format!("ligne {}", rows + 2)),
        "{message}"
    );
    assert!(message.contains("déjà à la ligne 7"), "{message}");
    assert_eq!(session_bytes(dir.path()), before, "nothing imported");

    // An unterminated quote on the last line of such a file: refused with its line.
    let unterminated = format!("{csv}\"Structure sans fin;1;;présente\n");
    let o = import_organisations(dir.path(), unterminated);
    let message = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{message}");
    assert!(
        message.contains(&format!("ligne {}", rows + 2)),
        "{message}"
    );
    assert!(message.contains("guillemet"), "{message}");
    assert_eq!(session_bytes(dir.path()), before, "nothing imported");

    // Every row bad: the first twenty are listed and the rest counted, in one line.
    let all_bad = csv.replace(";présente\n", ";peut-être\n");
    let o = import_organisations(dir.path(), all_bad);
    let message = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains(&format!("{} autres lignes à corriger", rows - 20)),
        "{message}"
    );

    // The good file imports whole.
    let o = import_organisations(dir.path(), csv);
    assert!(o.status.success(), "{}", stderr(&o));
    let figures = stats(dir.path(), "atelier.ron");
    assert_eq!(figures["organisations"], rows);
    assert_eq!(figures["tables"], rows / 10);
    assert_eq!(figures["facilitators"], rows / 10);
}

#[test]
fn a_million_rows_are_read_and_a_quote_left_open_on_the_last_is_found() {
    use synergies::spreadsheet::read::parse_csv;
    let rows = 1_000_000;
    let mut csv = String::from("nom;commune\n");
    for i in 0..rows {
        csv.push_str(&format!("Structure {i};Eymet\n"));
    }
    let table = parse_csv(Path::new("orgs.csv"), csv.as_bytes(), &["nom"]).expect("read");
    assert_eq!(table.rows.len(), rows);
    assert_eq!(table.rows[rows - 1].line, rows as u64 + 1);
    assert_eq!(table.rows[rows - 1].fields, ["Structure 999999", "Eymet"]);

    csv.push_str("\"Structure sans fin;Eymet\n");
    let error = parse_csv(Path::new("orgs.csv"), csv.as_bytes(), &["nom"]).expect_err("refused");
    assert_eq!(error.line, Some(rows as u64 + 2));
    let message = error.to_string();
    assert!(message.starts_with("orgs.csv, ligne 1000002"), "{message}");
    assert!(message.contains("guillemet"), "{message}");
}
