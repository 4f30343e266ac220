//! Turning spreadsheets into an [`ImportBatch`]: all rows or none.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use uuid::Uuid;

use super::read::{CsvRow, CsvTable, column_letter, parse_csv, read_csv};
use super::{BadRows, ImportError, ImportProblem};
use crate::i18n::{fill, words};
use crate::model::text::{fold, fold_header};
use crate::model::{
    Attendance, Cluster, Colour, Direction, EntityKind, Facilitator, Fiche, Idea, IdeaKind,
    ImportBatch, Language, Organisation, Session, Status, Table,
};

/// The CSV files to import; any may be absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportFiles<'a> {
    pub organisations: Option<&'a Path>,
    pub fiches: Option<&'a Path>,
    pub ideas: Option<&'a Path>,
}

/// CSV files already in memory, each as (file name, bytes); the name only serves the
/// messages. Any may be absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportBytes<'a> {
    pub organisations: Option<(&'a str, &'a [u8])>,
    pub fiches: Option<(&'a str, &'a [u8])>,
    pub ideas: Option<(&'a str, &'a [u8])>,
}

/// Where one CSV comes from.
#[derive(Debug, Clone, Copy)]
enum Source<'a> {
    File(&'a Path),
    Bytes(&'a Path, &'a [u8]),
}

impl Source<'_> {
    fn read(self, specs: &[Spec]) -> Result<CsvTable, ImportError> {
        match self {
            Source::File(path) => read_csv(path, required_headers(specs)),
            Source::Bytes(name, bytes) => parse_csv(name, bytes, required_headers(specs)),
        }
    }
}

/// What an import would add, and what was noticed on the way.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub batch: ImportBatch,
    /// One line per file: how it was read, and the columns that were ignored.
    pub notes: Vec<String>,
}

impl ImportReport {
    /// The columns of `table` (see [`Columns::map`]), with a note of what was read
    /// (`what`: its rows, encoding and ignored columns).
    fn columns_of<'t>(
        &mut self,
        table: &'t CsvTable,
        specs: &[Spec],
        what: &str,
        language: Language,
    ) -> Result<Columns<'t>, ImportError> {
        let (columns, ignored) = Columns::map(table, specs)?;
        self.notes.push(note(table, &ignored, what, language));
        Ok(columns)
    }
}

/// One column a file may have: its key, the headers that mean it (folded), and whether
/// the file must have it.
pub(super) struct Spec {
    key: &'static str,
    headers: &'static [&'static str],
    required: bool,
}

const fn spec(key: &'static str, headers: &'static [&'static str], required: bool) -> Spec {
    Spec {
        key,
        headers,
        required,
    }
}

/// The headers of a table's number, in the organisations' and the ideas' files. "N°
/// table" folds to "ndeg_table": deunicode reads "°" as "deg".
const TABLE_HEADERS: &[&str] = &[
    "table",
    "n_table",
    "ndeg_table",
    "ndeg_de_table",
    "no_table",
    "numero_de_table",
];

pub(super) const ORGANISATION_COLUMNS: &[Spec] = &[
    spec(
        "name",
        &[
            "name",
            "nom",
            "organisation",
            "organization",
            "structure",
            "nom_de_la_structure",
            "raison_sociale",
            "entreprise",
        ],
        true,
    ),
    spec(
        "sector",
        &["sector", "secteur", "secteur_d_activite", "activite"],
        false,
    ),
    spec("town", &["town", "commune", "ville", "city"], false),
    spec(
        "contact",
        &["contact", "interlocuteur", "nom_du_contact"],
        false,
    ),
    spec("email", &["email", "e_mail", "mail", "courriel"], false),
    spec(
        "phone",
        &[
            "phone",
            "telephone",
            "tel",
            "portable",
            "telephone_portable",
        ],
        false,
    ),
    spec("table", TABLE_HEADERS, false),
    spec(
        "table_facilitator",
        &[
            "table_facilitator",
            "facilitator",
            "animateur",
            "animatrice",
            "animateur_rice",
            "animateur_trice",
            "animateur_de_table",
        ],
        false,
    ),
    spec("attendance", &["attendance", "presence"], false),
];

pub(super) const FICHE_COLUMNS: &[Spec] = &[
    spec(
        "organisation",
        &["organisation", "organization", "structure"],
        true,
    ),
    spec("direction", &["direction", "sens", "offre_besoin"], true),
    spec("category", &["category", "categorie"], true),
    spec("resource", &["resource", "ressource"], true),
    spec("quantity", &["quantity", "quantite", "qte"], false),
    spec("unit", &["unit", "unite"], false),
    spec(
        "frequency",
        &["frequency", "frequence", "periodicite"],
        false,
    ),
    spec(
        "notes",
        &["notes", "note", "remarques", "commentaire", "commentaires"],
        false,
    ),
];

pub(super) const IDEA_COLUMNS: &[Spec] = &[
    spec("title", &["title", "titre", "intitule"], true),
    spec("description", &["description"], false),
    spec("kind", &["kind", "type", "type_de_synergie"], false),
    spec("category", &["category", "categorie"], false),
    spec(
        "organisations",
        &["organisations", "organizations", "structures"],
        false,
    ),
    spec("table", TABLE_HEADERS, false),
    spec(
        "facilitator",
        &[
            "facilitator",
            "animateur",
            "animatrice",
            "animateur_rice",
            "animateur_trice",
        ],
        false,
    ),
    spec("votes", &["votes", "vote", "gommettes"], false),
    spec("status", &["status", "statut"], false),
    spec("cluster", &["cluster", "regroupement", "groupe"], false),
    spec("next_step", &["next_step", "prochaine_etape"], false),
    spec(
        "owner",
        &["owner", "referent", "referente", "porteur"],
        false,
    ),
    spec("due_date", &["due_date", "due", "echeance"], false),
];

/// The keys of `specs`, in order: the header row the export writes, which the import
/// reads back.
pub(super) fn column_keys(specs: &[Spec]) -> Vec<&'static str> {
    specs.iter().map(|s| s.key).collect()
}

/// Where each known column is in a file.
struct Columns<'t> {
    table: &'t CsvTable,
    positions: HashMap<&'static str, usize>,
}

impl<'t> Columns<'t> {
    fn map(table: &'t CsvTable, specs: &[Spec]) -> Result<(Self, Vec<String>), ImportError> {
        let mut positions = HashMap::new();
        let mut ignored = Vec::new();
        for (index, header) in table.headers.iter().enumerate() {
            let folded = fold_header(header);
            let Some(spec) = specs.iter().find(|s| s.headers.contains(&folded.as_str())) else {
                if !header.is_empty() {
                    ignored.push(header.clone());
                }
                continue;
            };
            if let Some(first) = positions.insert(spec.key, index) {
                return Err(ImportError {
                    others: Box::default(),
                    file: table.path.clone(),
                    line: Some(table.header_line),
                    column: Some(column_letter(index)),
                    value: Some(header.clone()),
                    problem: Box::new(ImportProblem::DuplicateColumn {
                        first: column_letter(first),
                        second: column_letter(index),
                        key: spec.key.to_owned(),
                    }),
                });
            }
        }
        for spec in specs.iter().filter(|s| s.required) {
            if !positions.contains_key(spec.key) {
                return Err(ImportError {
                    others: Box::default(),
                    file: table.path.clone(),
                    line: Some(table.header_line),
                    column: None,
                    value: None,
                    problem: Box::new(ImportProblem::MissingColumn {
                        key: spec.key.to_owned(),
                        accepted: spec.headers.iter().map(|h| (*h).to_owned()).collect(),
                    }),
                });
            }
        }
        Ok((Self { table, positions }, ignored))
    }

    /// The value of column `key` in `row` ("" when the file has no such column).
    fn get<'r>(&self, row: &'r CsvRow, key: &str) -> &'r str {
        self.positions
            .get(key)
            .and_then(|&i| row.fields.get(i))
            .map_or("", String::as_str)
    }

    /// An error about column `key` of `row`.
    fn error(&self, row: &CsvRow, key: &str, problem: ImportProblem) -> ImportError {
        let position = self.positions.get(key).copied();
        ImportError {
            others: Box::default(),
            file: self.table.path.clone(),
            line: Some(row.line),
            column: position.map(|i| {
                let header = self.table.headers.get(i).map_or("", String::as_str);
                format!("{} ({header})", column_letter(i))
            }),
            value: Some(self.get(row, key).to_owned()).filter(|v| !v.is_empty()),
            problem: Box::new(problem),
        }
    }

    /// The value of a required column, or an error if it is empty.
    fn required<'r>(&self, row: &'r CsvRow, key: &str) -> Result<&'r str, ImportError> {
        let value = self.get(row, key);
        if value.is_empty() {
            Err(self.error(
                row,
                key,
                ImportProblem::RequiredEmpty {
                    key: key.to_owned(),
                },
            ))
        } else {
            Ok(value)
        }
    }
}

/// Names already known, folded, by kind of entity, for matching what a row says.
type Names = HashMap<(EntityKind, String), Uuid>;

/// Reads the files and builds what they would add to `session`, or refuses on the first
/// bad row. Organisations are read first, so resource sheets and ideas may name them.
pub fn plan_import(session: &Session, files: &ImportFiles) -> Result<ImportReport, ImportError> {
    plan(
        session,
        [files.organisations, files.fiches, files.ideas].map(|f| f.map(Source::File)),
    )
}

/// [`plan_import`] on files already in memory (as `include_bytes!` gives them).
pub fn plan_import_bytes(
    session: &Session,
    files: &ImportBytes,
) -> Result<ImportReport, ImportError> {
    plan(
        session,
        [files.organisations, files.fiches, files.ideas]
            .map(|f| f.map(|(name, bytes)| Source::Bytes(Path::new(name), bytes))),
    )
}

/// The import of organisations, resource sheets and ideas, in that order.
fn plan(session: &Session, sources: [Option<Source>; 3]) -> Result<ImportReport, ImportError> {
    let [organisations, fiches, ideas] = sources;
    let language = session.info.language;
    let w = words(language);
    let mut report = ImportReport::default();
    let known = (session
        .organisations
        .iter()
        .map(|o| (EntityKind::Organisation, &o.name, o.id)))
    .chain(
        session
            .tables
            .iter()
            .map(|t| (EntityKind::Table, &t.name, t.id)),
    )
    .chain(
        session
            .facilitators
            .iter()
            .map(|f| (EntityKind::Facilitator, &f.name, f.id)),
    )
    .chain(
        session
            .clusters
            .iter()
            .map(|c| (EntityKind::Cluster, &c.name, c.id)),
    );
    let mut names: Names = known
        .map(|(kind, name, id)| ((kind, fold(name)), id))
        .collect();

    // Every lookup a row makes is in a map built once: an import stays linear in its
    // rows, however many the session and the files have.
    // The session's tables, the place of each new table in the batch, the line naming
    // each new table's facilitator, and the tables of the session already noted.
    let session_tables: HashMap<Uuid, &Table> = session.tables.iter().map(|t| (t.id, t)).collect();
    let mut new_tables: HashMap<Uuid, usize> = HashMap::new();
    let mut table_facilitator_lines: HashMap<Uuid, u64> = HashMap::new();
    let mut noted_tables: HashSet<Uuid> = HashSet::new();
    let categories = Categories::of(session);
    // Every bad row is reported at once; nothing is imported while there is one.
    let mut bad_rows = BadRows::default();
    if let Some(source) = organisations {
        let table = source.read(ORGANISATION_COLUMNS)?;
        let columns = report.columns_of(
            &table,
            ORGANISATION_COLUMNS,
            w.import_organisations,
            language,
        )?;
        let mut first_line: HashMap<String, u64> = HashMap::new();
        for row in &table.rows {
            let mut read_row = || -> Result<(), ImportError> {
                let name = columns.required(row, "name")?;
                let key = fold(name);
                if let Some(line) = first_line.get(&key) {
                    return Err(columns.error(
                        row,
                        "name",
                        ImportProblem::DuplicateInFile { line: *line },
                    ));
                }
                if names.contains_key(&(EntityKind::Organisation, key.clone())) {
                    return Err(columns.error(row, "name", ImportProblem::AlreadyInSession));
                }
                first_line.insert(key.clone(), row.line);
                let mut org = Organisation::new(name);
                org.sector = columns.get(row, "sector").to_owned();
                org.town = columns.get(row, "town").to_owned();
                org.contact = columns.get(row, "contact").to_owned();
                org.email = columns.get(row, "email").to_owned();
                org.phone = columns.get(row, "phone").to_owned();
                org.attendance =
                    parse_attendance(columns.get(row, "attendance")).ok_or_else(|| {
                        columns.error(row, "attendance", ImportProblem::BadAttendance)
                    })?;
                let tables_before = report.batch.tables.len();
                org.table = table_id(columns.get(row, "table"), &mut names, &mut report.batch);
                if let Some(table) = org.table
                    && report.batch.tables.len() > tables_before
                {
                    new_tables.insert(table, tables_before);
                }
                let facilitator = columns.get(row, "table_facilitator");
                if !facilitator.is_empty() {
                    let Some(table) = org.table else {
                        return Err(columns.error(
                            row,
                            "table_facilitator",
                            ImportProblem::FacilitatorWithoutTable,
                        ));
                    };
                    let facilitator = facilitator_id(facilitator, &mut names, &mut report.batch);
                    let new = new_tables
                        .get(&table)
                        .and_then(|&i| report.batch.tables.get_mut(i));
                    if let Some(new) = new {
                        match table_facilitator_lines.get(&table) {
                            Some(line) if new.facilitator != facilitator => {
                                return Err(columns.error(
                                    row,
                                    "table_facilitator",
                                    ImportProblem::OtherTableFacilitator {
                                        line: *line,
                                        table: new.name.clone(),
                                    },
                                ));
                            }
                            Some(_) => {}
                            None => {
                                new.facilitator = facilitator;
                                table_facilitator_lines.insert(table, row.line);
                            }
                        }
                    } else if let Some(existing) = session_tables.get(&table)
                        && existing.facilitator != facilitator
                        && noted_tables.insert(table)
                    {
                        report.notes.push(fill(
                            w.errors.import_table_kept,
                            &[
                                ("file", &columns.table.path.display()),
                                ("line", &row.line),
                                ("table", &existing.name),
                            ],
                        ));
                    }
                }
                names.insert((EntityKind::Organisation, key), org.id);
                report.batch.organisations.push(org);
                Ok(())
            };
            if let Err(e) = read_row() {
                bad_rows.push(e);
            }
        }
    }

    if let Some(source) = fiches {
        let table = source.read(FICHE_COLUMNS)?;
        let columns = report.columns_of(&table, FICHE_COLUMNS, w.import_fiches, language)?;
        for row in &table.rows {
            let mut read_row = || -> Result<(), ImportError> {
                let organisation = organisation_id(&columns, row, "organisation", &names)?;
                let direction = parse_direction(columns.required(row, "direction")?)
                    .ok_or_else(|| columns.error(row, "direction", ImportProblem::BadDirection))?;
                let category = categories
                    .key(columns.required(row, "category")?)
                    .ok_or_else(|| columns.error(row, "category", categories.hint()))?;
                let resource = columns.required(row, "resource")?;
                let mut fiche = Fiche::new(organisation, direction, category, resource);
                fiche.quantity = columns.get(row, "quantity").to_owned();
                fiche.unit = columns.get(row, "unit").to_owned();
                fiche.frequency = columns.get(row, "frequency").to_owned();
                fiche.notes = columns.get(row, "notes").to_owned();
                report.batch.fiches.push(fiche);
                Ok(())
            };
            if let Err(e) = read_row() {
                bad_rows.push(e);
            }
        }
    }

    if let Some(source) = ideas {
        let table = source.read(IDEA_COLUMNS)?;
        let columns = report.columns_of(&table, IDEA_COLUMNS, w.import_ideas, language)?;
        for row in &table.rows {
            let mut read_row =
                || -> Result<(), ImportError> {
                    let mut idea = Idea::new(columns.required(row, "title")?);
                    idea.description = columns.get(row, "description").to_owned();
                    let kind = columns.get(row, "kind");
                    if !kind.is_empty() {
                        idea.kind =
                            Some(parse_kind(kind).ok_or_else(|| {
                                columns.error(row, "kind", ImportProblem::BadKind)
                            })?);
                    }
                    let category = columns.get(row, "category");
                    if !category.is_empty() {
                        idea.category =
                            Some(categories.key(category).ok_or_else(|| {
                                columns.error(row, "category", categories.hint())
                            })?);
                    }
                    let mut involved = HashSet::new();
                    for name in columns
                        .get(row, "organisations")
                        .split('|')
                        .map(str::trim)
                        .filter(|n| !n.is_empty())
                    {
                        let Some(id) = names.get(&(EntityKind::Organisation, fold(name))) else {
                            return Err(columns.error(
                                row,
                                "organisations",
                                ImportProblem::UnknownOrganisation {
                                    name: name.to_owned(),
                                },
                            ));
                        };
                        if involved.insert(*id) {
                            idea.organisations.push(*id);
                        }
                    }
                    idea.table = table_id(columns.get(row, "table"), &mut names, &mut report.batch);
                    idea.facilitator = facilitator_id(
                        columns.get(row, "facilitator"),
                        &mut names,
                        &mut report.batch,
                    );
                    idea.votes = parse_votes(columns.get(row, "votes"))
                        .ok_or_else(|| columns.error(row, "votes", ImportProblem::BadVotes))?;
                    idea.status = parse_status(columns.get(row, "status"))
                        .ok_or_else(|| columns.error(row, "status", ImportProblem::BadStatus))?;
                    idea.cluster = cluster_id(
                        columns.get(row, "cluster"),
                        session,
                        &mut names,
                        &mut report.batch,
                    );
                    idea.next_step = columns.get(row, "next_step").to_owned();
                    if !columns.get(row, "owner").is_empty() {
                        idea.owner = Some(organisation_id(&columns, row, "owner", &names)?);
                    }
                    let due = columns.get(row, "due_date");
                    if !due.is_empty() {
                        idea.due = Some(crate::model::text::parse_date(due).ok_or_else(|| {
                            columns.error(row, "due_date", ImportProblem::BadDate)
                        })?);
                    }
                    report.batch.ideas.push(idea);
                    Ok(())
                };
            if let Err(e) = read_row() {
                bad_rows.push(e);
            }
        }
    }
    match bad_rows.into_error() {
        Some(error) => Err(error),
        None => Ok(report),
    }
}

fn required_headers(specs: &[Spec]) -> &'static [&'static str] {
    specs.iter().find(|s| s.required).map_or(&[], |s| s.headers)
}

/// What was read from one file: "ideas.csv : 14 lignes (idées), lues en UTF-8…".
fn note(table: &CsvTable, ignored: &[String], what: &str, language: Language) -> String {
    let w = &words(language).errors;
    let delimiter = match table.delimiter {
        b'\t' => w.import_tab.to_owned(),
        d => format!("'{}'", char::from(d)),
    };
    let rows = table.rows.len();
    let mut note = fill(
        crate::i18n::counts(language)
            .import_note
            .form(language, rows),
        &[
            ("file", &table.path.display()),
            ("n", &rows),
            ("what", &what),
            ("encoding", &table.encoding),
            ("delimiter", &delimiter),
        ],
    );
    if !ignored.is_empty() {
        note.push_str("; ");
        note.push_str(&fill(
            crate::i18n::counts(language)
                .import_ignored_columns
                .form(language, ignored.len()),
            &[("n", &ignored.len()), ("columns", &listed(ignored))],
        ));
    }
    note
}

/// How many ignored columns a note names before it only counts them.
const IGNORED_COLUMNS_NAMED: usize = 20;

/// The first [`IGNORED_COLUMNS_NAMED`] of `names`, then "…" when there are more: a
/// header of a million columns makes a note of one line, not of megabytes.
fn listed(names: &[String]) -> String {
    let mut text = names
        .iter()
        .take(IGNORED_COLUMNS_NAMED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > IGNORED_COLUMNS_NAMED {
        text.push_str(", …");
    }
    text
}

fn organisation_id(
    columns: &Columns,
    row: &CsvRow,
    key: &str,
    names: &Names,
) -> Result<Uuid, ImportError> {
    let name = columns.required(row, key)?;
    names
        .get(&(EntityKind::Organisation, fold(name)))
        .copied()
        .ok_or_else(|| {
            columns.error(
                row,
                key,
                ImportProblem::UnknownOrganisation {
                    name: name.to_owned(),
                },
            )
        })
}

/// The table a row names, created when new. A bare number `3` means "Table 3".
fn table_id(value: &str, names: &mut Names, batch: &mut ImportBatch) -> Option<Uuid> {
    if value.is_empty() {
        return None;
    }
    let name = if value.chars().all(|c| c.is_ascii_digit()) {
        format!("Table {value}")
    } else {
        value.to_owned()
    };
    Some(known_or_new(names, EntityKind::Table, &name, || {
        let table = Table::new(name.clone());
        let id = table.id;
        batch.tables.push(table);
        id
    }))
}

fn facilitator_id(value: &str, names: &mut Names, batch: &mut ImportBatch) -> Option<Uuid> {
    if value.is_empty() {
        return None;
    }
    Some(known_or_new(names, EntityKind::Facilitator, value, || {
        let facilitator = Facilitator::new(value);
        let id = facilitator.id;
        batch.facilitators.push(facilitator);
        id
    }))
}

fn cluster_id(
    value: &str,
    session: &Session,
    names: &mut Names,
    batch: &mut ImportBatch,
) -> Option<Uuid> {
    if value.is_empty() {
        return None;
    }
    Some(known_or_new(names, EntityKind::Cluster, value, || {
        let colour = Colour::nth(session.clusters.len() + batch.clusters.len());
        let cluster = Cluster::new(value, colour);
        let id = cluster.id;
        batch.clusters.push(cluster);
        id
    }))
}

/// The id of the `kind` named `name` (folded), else the one `create` makes.
fn known_or_new(
    names: &mut Names,
    kind: EntityKind,
    name: &str,
    create: impl FnOnce() -> Uuid,
) -> Uuid {
    *names.entry((kind, fold(name))).or_insert_with(create)
}

/// The session's categories, by every name a file may give them.
struct Categories {
    /// Each name, folded and singular, with the key of the first category it names.
    keys: HashMap<String, String>,
    /// What an unknown category's message lists.
    hint: Vec<String>,
}

impl Categories {
    /// A category is named by its key, either label, or the first word of a label
    /// ("équipements" for "Équipements et matériel"), ignoring case, accents and a
    /// plural's final s or x.
    fn of(session: &Session) -> Self {
        let language = session.info.language;
        let first_word = |label: &str| fold(label).split(' ').next().unwrap_or_default().to_owned();
        let mut keys = HashMap::new();
        for c in &session.categories {
            for name in [
                fold(&c.key),
                fold(&c.label_fr),
                fold(&c.label_en),
                first_word(&c.label_fr),
                first_word(&c.label_en),
            ] {
                keys.entry(singular(name)).or_insert_with(|| c.key.clone());
            }
        }
        let hint = session
            .categories
            .iter()
            .map(|c| format!("{} ({})", c.key, c.label(language)))
            .collect();
        Self { keys, hint }
    }

    /// The key of the category `value` names.
    fn key(&self, value: &str) -> Option<String> {
        self.keys.get(&singular(fold(value))).cloned()
    }

    /// The problem of a category none of them is.
    fn hint(&self) -> ImportProblem {
        ImportProblem::UnknownCategory {
            categories: self.hint.clone(),
        }
    }
}

/// A folded name without a plural's final s or x ("equipements" → "equipement").
fn singular(folded: String) -> String {
    match folded.strip_suffix(['s', 'x']) {
        Some(stem) if stem.len() > 2 => stem.to_owned(),
        _ => folded,
    }
}

/// A value folded to an identifier: "À approfondir" → "a_approfondir".
fn word(value: &str) -> String {
    fold_header(value)
}

fn parse_attendance(value: &str) -> Option<Attendance> {
    match word(value).as_str() {
        "" | "present" | "presente" | "presentes" | "oui" | "yes" | "x" => {
            Some(Attendance::Present)
        }
        "represented" | "representee" | "represente" => Some(Attendance::Represented),
        "absent" | "absente" | "non" | "no" => Some(Attendance::Absent),
        _ => None,
    }
}

fn parse_direction(value: &str) -> Option<Direction> {
    match word(value).as_str() {
        "offer" | "offre" | "offers" | "offres" => Some(Direction::Offer),
        "need" | "besoin" | "needs" | "besoins" => Some(Direction::Need),
        _ => None,
    }
}

fn parse_kind(value: &str) -> Option<IdeaKind> {
    match word(value).as_str() {
        "substitution" => Some(IdeaKind::Substitution),
        "mutualisation" | "mutualization" | "pooling" => Some(IdeaKind::Mutualisation),
        _ => None,
    }
}

fn parse_status(value: &str) -> Option<Status> {
    match word(value).as_str() {
        "" | "proposed" | "proposee" | "propose" => Some(Status::Proposed),
        "selected" | "retenue" | "retenu" | "selectionnee" => Some(Status::Selected),
        "abandoned" | "abandonnee" | "abandonne" => Some(Status::Abandoned),
        "imminent" | "imminente" | "about_to_happen" | "sur_le_point_de_se_concretiser" => {
            Some(Status::Imminent)
        }
        "to_deepen" | "a_approfondir" => Some(Status::ToDeepen),
        _ => None,
    }
}

/// A whole number ≥ 0; "3,0" and "3.0" (as spreadsheets sometimes write) are 3.
fn parse_votes(value: &str) -> Option<u32> {
    if value.is_empty() {
        return Some(0);
    }
    let whole = match value.split_once(['.', ',']) {
        Some((whole, fraction)) if fraction.chars().all(|c| c == '0') => whole,
        Some(_) => return None,
        None => value,
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    whole.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes() {
        assert_eq!(parse_votes(""), Some(0));
        assert_eq!(parse_votes("12"), Some(12));
        assert_eq!(parse_votes("3,0"), Some(3));
        assert_eq!(parse_votes("3.0"), Some(3));
        assert_eq!(parse_votes("2.5"), None);
        assert_eq!(parse_votes("-1"), None);
        assert_eq!(parse_votes("trois"), None);
        assert_eq!(parse_votes("99999999999"), None);
    }

    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(parse_status("À approfondir"), Some(Status::ToDeepen));
        assert_eq!(parse_status("to_deepen"), Some(Status::ToDeepen));
        assert_eq!(parse_status("Abandonnée"), Some(Status::Abandoned));
        assert_eq!(parse_status("IMMINENTE"), Some(Status::Imminent));
        assert_eq!(parse_status("retenue"), Some(Status::Selected));
        assert_eq!(parse_status("peut-être"), None);
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    fn key_of(specs: &[Spec], header: &str) -> Option<&'static str> {
        let folded = fold_header(header);
        specs
            .iter()
            .find(|s| s.headers.contains(&folded.as_str()))
            .map(|s| s.key)
    }

    #[test]
    fn every_header_the_readme_documents_is_honoured() {
        let organisations: &[(&str, &str)] = &[
            ("name", "Nom"),
            ("name", "Organisation"),
            ("name", "Structure"),
            ("name", "Raison sociale"),
            ("name", "Entreprise"),
            ("sector", "Secteur"),
            ("sector", "Activité"),
            ("town", "Commune"),
            ("town", "Ville"),
            ("contact", "Interlocuteur"),
            ("email", "E-mail"),
            ("email", "Mail"),
            ("email", "Courriel"),
            ("phone", "Téléphone"),
            ("phone", "Tel"),
            ("table", "Table"),
            ("table", "N° table"),
            ("table", "n° de table"),
            ("table_facilitator", "Animateur·rice"),
            ("table_facilitator", "table_facilitator"),
            ("attendance", "Présence"),
        ];
        let fiches: &[(&str, &str)] = &[
            ("organisation", "Structure"),
            ("direction", "Sens"),
            ("direction", "Offre/besoin"),
            ("category", "Catégorie"),
            ("resource", "Ressource"),
            ("quantity", "Quantité"),
            ("quantity", "Qté"),
            ("unit", "Unité"),
            ("frequency", "Fréquence"),
            ("frequency", "Périodicité"),
            ("notes", "Remarques"),
            ("notes", "Commentaire"),
        ];
        let ideas: &[(&str, &str)] = &[
            ("title", "Titre"),
            ("title", "Intitulé"),
            ("kind", "Type"),
            ("organisations", "Structures"),
            ("table", "N° table"),
            ("facilitator", "Animateur"),
            ("facilitator", "Animatrice"),
            ("facilitator", "Animateur·rice"),
            ("votes", "Gommettes"),
            ("status", "Statut"),
            ("cluster", "Regroupement"),
            ("cluster", "Groupe"),
            ("next_step", "Prochaine étape"),
            ("owner", "Référent"),
            ("owner", "Porteur"),
            ("due_date", "Échéance"),
        ];
        for (columns, documented) in [
            (ORGANISATION_COLUMNS, organisations),
            (FICHE_COLUMNS, fiches),
            (IDEA_COLUMNS, ideas),
        ] {
            for &(key, header) in documented {
                assert_eq!(key_of(columns, header), Some(key), "{header}");
            }
        }
    }

    fn organisations(csv: &str, session: &Session) -> Result<ImportReport, ImportError> {
        let files = ImportBytes {
            organisations: Some(("inscrits.csv", csv.as_bytes())),
            ..ImportBytes::default()
        };
        plan_import_bytes(session, &files)
    }

    #[test]
    fn a_table_takes_the_facilitator_its_rows_name() {
        let csv =
            "nom;n° table;animateur·rice\nFerme;1;Camille Roux\nCave;1;camille roux\nGarage;2;\n";
        let batch = organisations(csv, &Session::new("x"))
            .expect("imports")
            .batch;
        assert_eq!(batch.facilitators.len(), 1);
        assert_eq!(batch.tables.len(), 2);
        assert_eq!(batch.tables[0].name, "Table 1");
        assert_eq!(batch.tables[0].facilitator, Some(batch.facilitators[0].id));
        assert_eq!(batch.tables[1].facilitator, None);
        assert_eq!(batch.organisations[1].table, Some(batch.tables[0].id));
    }

    #[test]
    fn a_table_with_two_facilitators_or_none_is_refused() {
        let session = Session::new("x");
        let e = organisations(
            "nom;table;animateur\nFerme;1;Camille\nCave;1;Julien\n",
            &session,
        )
        .expect_err("refused");
        assert_eq!((e.file.to_str(), e.line), (Some("inscrits.csv"), Some(3)));
        assert_eq!(
            *e.problem,
            ImportProblem::OtherTableFacilitator {
                line: 2,
                table: "Table 1".into()
            }
        );
        let english = e.problem.message(crate::model::Language::En);
        assert!(english.contains("line 2 gives the table"), "{english}");
        let e =
            organisations("nom;table;animateur\nFerme;;Camille\n", &session).expect_err("refused");
        assert_eq!(e.line, Some(2));
        assert_eq!(*e.problem, ImportProblem::FacilitatorWithoutTable);
    }

    #[test]
    fn a_table_already_in_the_session_keeps_its_facilitator() {
        let mut session = Session::new("x");
        session.tables.push(Table::new("Table 1"));
        let report =
            organisations("nom;table;animateur\nFerme;1;Camille\n", &session).expect("imports");
        assert!(report.batch.tables.is_empty());
        assert_eq!(report.batch.facilitators.len(), 1);
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.contains("reste tel·le quel·le")),
            "{:?}",
            report.notes
        );
    }
}
