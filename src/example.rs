//! The example workshop shipped in `sessions/`: a fictional but realistic rural workshop,
//! built through the same actions as the app, so that it is a valid session by
//! construction. `cargo run --example make_example_session` writes it.

use chrono::NaiveDate;

use crate::model::{
    Action, ActionError, Attendance, Cluster, Colour, Direction, Facilitator, Fiche, Idea,
    IdeaKind, Organisation, Session, SessionInfo, Status, Table, Workshop,
};

/// Organisations: name, sector, town, contact, table (0-based), attendance.
const ORGANISATIONS: &[(&str, &str, &str, &str, usize, Attendance)] = &[
    (
        "Ferme maraîchère des Coteaux",
        "Maraîchage biologique",
        "Sigoulès-et-Flaugeac",
        "Élodie Faure",
        0,
        Attendance::Present,
    ),
    (
        "Cave coopérative de Saussignac",
        "Viticulture",
        "Saussignac",
        "Bernard Lafon",
        0,
        Attendance::Present,
    ),
    (
        "EHPAD Les Tilleuls",
        "Médico-social",
        "Bergerac",
        "Martine Castagné",
        0,
        Attendance::Present,
    ),
    (
        "Menuiserie Lacoste & Fils",
        "Menuiserie, agencement",
        "Eymet",
        "Thierry Lacoste",
        0,
        Attendance::Present,
    ),
    (
        "Recyclerie du Bergeracois",
        "Réemploi (ESS)",
        "Bergerac",
        "Inès Moreau",
        1,
        Attendance::Present,
    ),
    (
        "Boulangerie Au Pain d'Antan",
        "Boulangerie artisanale",
        "Issigeac",
        "François Vidal",
        1,
        Attendance::Present,
    ),
    (
        "Transports Delmas",
        "Transport routier",
        "Prigonrieux",
        "Sandrine Delmas",
        1,
        Attendance::Represented,
    ),
    (
        "Collège des Bastides",
        "Éducation",
        "Eymet",
        "Karim Haddad",
        1,
        Attendance::Present,
    ),
    (
        "Garage solidaire du Périgord",
        "Insertion, mécanique",
        "Bergerac",
        "Lucas Pereira",
        2,
        Attendance::Present,
    ),
    (
        "Brasserie de la Gardonnette",
        "Brasserie artisanale",
        "Lamonzie-Saint-Martin",
        "Chloé Bonnet",
        2,
        Attendance::Present,
    ),
    (
        "Mairie de Sigoulès-et-Flaugeac",
        "Collectivité",
        "Sigoulès-et-Flaugeac",
        "Jean-Pierre Roussel",
        2,
        Attendance::Present,
    ),
    (
        "Imprimerie Vigier",
        "Imprimerie",
        "Bergerac",
        "Hélène Vigier",
        2,
        Attendance::Present,
    ),
    (
        "Chantier d'insertion Terres Vives",
        "Insertion, espaces verts",
        "Gardonne",
        "Moussa Diallo",
        0,
        Attendance::Absent,
    ),
];

/// Resource sheets: organisation, offer?, category, resource, quantity, unit, frequency.
const FICHES: &[(usize, bool, &str, &str, &str, &str, &str)] = &[
    (
        0,
        true,
        "materials",
        "Cagettes et palettes bois",
        "40",
        "unités",
        "par mois",
    ),
    (
        0,
        true,
        "materials",
        "Déchets verts et invendus de légumes",
        "1,5",
        "t",
        "par mois",
    ),
    (0, false, "materials", "Compost mûr", "10", "t", "par an"),
    (
        0,
        false,
        "equipment",
        "Chambre froide",
        "20",
        "m³",
        "en saison",
    ),
    (
        1,
        true,
        "materials",
        "Marcs et lies de vin",
        "60",
        "t",
        "par an (vendanges)",
    ),
    (
        1,
        true,
        "materials",
        "Sarments de vigne",
        "200",
        "t",
        "par an",
    ),
    (
        1,
        true,
        "space",
        "Hangar inoccupé hors vendanges",
        "400",
        "m²",
        "d'octobre à juillet",
    ),
    (
        1,
        false,
        "skills",
        "Saisonniers pour les vendanges",
        "25",
        "personnes",
        "en septembre",
    ),
    (
        2,
        true,
        "materials",
        "Biodéchets de cuisine",
        "8",
        "t",
        "par an",
    ),
    (
        2,
        false,
        "materials",
        "Légumes frais locaux",
        "300",
        "kg",
        "par semaine",
    ),
    (
        2,
        false,
        "services",
        "Animations pour les résidents",
        "2",
        "séances",
        "par mois",
    ),
    (
        3,
        true,
        "materials",
        "Chutes et sciure de bois",
        "30",
        "m³",
        "par an",
    ),
    (
        3,
        true,
        "equipment",
        "Scie à format disponible le samedi",
        "1",
        "machine",
        "hebdomadaire",
    ),
    (
        3,
        false,
        "logistics",
        "Livraison de panneaux depuis Bordeaux",
        "2",
        "trajets",
        "par mois",
    ),
    (
        4,
        true,
        "materials",
        "Mobilier de réemploi",
        "",
        "",
        "en continu",
    ),
    (
        4,
        false,
        "materials",
        "Palettes et bois de récupération",
        "",
        "",
        "en continu",
    ),
    (
        4,
        false,
        "space",
        "Espace de stockage couvert",
        "100",
        "m²",
        "permanent",
    ),
    (5, true, "materials", "Pain invendu", "15", "kg", "par jour"),
    (
        5,
        true,
        "energy",
        "Chaleur perdue du four",
        "",
        "",
        "toute l'année",
    ),
    (
        5,
        false,
        "materials",
        "Farine de meunier local",
        "2",
        "t",
        "par mois",
    ),
    (
        6,
        true,
        "logistics",
        "Places libres au retour de Bordeaux",
        "3",
        "palettes",
        "par trajet",
    ),
    (
        6,
        true,
        "skills",
        "Formation à l'éco-conduite",
        "",
        "",
        "à la demande",
    ),
    (
        6,
        false,
        "space",
        "Parking pour poids lourds",
        "4",
        "places",
        "permanent",
    ),
    (
        7,
        true,
        "materials",
        "Papier et cartons de bureau",
        "2",
        "t",
        "par an",
    ),
    (
        7,
        false,
        "materials",
        "Légumes pour la cantine",
        "150",
        "kg",
        "par semaine",
    ),
    (
        7,
        false,
        "services",
        "Projets pédagogiques sur l'économie circulaire",
        "",
        "",
        "par an",
    ),
    (
        8,
        true,
        "services",
        "Réparation de véhicules à tarif solidaire",
        "",
        "",
        "en continu",
    ),
    (
        8,
        true,
        "skills",
        "Salariés en insertion à placer",
        "6",
        "personnes",
        "par an",
    ),
    (
        8,
        false,
        "materials",
        "Pièces détachées de réemploi",
        "",
        "",
        "en continu",
    ),
    (
        9,
        true,
        "materials",
        "Drêches de brasserie",
        "12",
        "t",
        "par an",
    ),
    (
        9,
        false,
        "materials",
        "Bouteilles en verre consignées",
        "5000",
        "bouteilles",
        "par an",
    ),
    (
        9,
        false,
        "equipment",
        "Chariot élévateur",
        "1",
        "machine",
        "2 jours par mois",
    ),
    (
        10,
        true,
        "space",
        "Salle des fêtes en semaine",
        "250",
        "m²",
        "du lundi au jeudi",
    ),
    (
        10,
        true,
        "equipment",
        "Broyeur de végétaux communal",
        "1",
        "machine",
        "à la demande",
    ),
    (
        10,
        false,
        "materials",
        "Paillage pour les espaces verts",
        "40",
        "m³",
        "par an",
    ),
    (
        11,
        true,
        "materials",
        "Chutes de papier et de carton",
        "4",
        "t",
        "par an",
    ),
    (
        11,
        false,
        "energy",
        "Électricité verte à prix stable",
        "90",
        "MWh",
        "par an",
    ),
    (
        11,
        false,
        "logistics",
        "Livraisons groupées vers Périgueux",
        "",
        "",
        "hebdomadaire",
    ),
    (
        12,
        true,
        "skills",
        "Équipe d'entretien des espaces verts",
        "8",
        "personnes",
        "en continu",
    ),
    (
        12,
        false,
        "materials",
        "Broyat de bois",
        "20",
        "m³",
        "par an",
    ),
];

/// Clusters of the board.
const CLUSTERS: &[&str] = &[
    "Bois et palettes",
    "Biodéchets et compost",
    "Papier, carton, verre",
    "Transport mutualisé",
    "Locaux et équipements partagés",
    "Énergie",
    "Emploi et compétences",
    "Alimentation locale",
];

/// Facilitators: the three table facilitators, then the lead at the projector.
const FACILITATORS: &[&str] = &[
    "Camille Roux",
    "Julien Marty",
    "Sophie Delpech",
    "Nadia Benali",
];

/// An idea: title, kind (true = substitution), category, organisations, table,
/// cluster, votes, status.
type IdeaRow = (
    &'static str,
    bool,
    &'static str,
    &'static [usize],
    usize,
    usize,
    u32,
    Status,
);

const IDEAS: &[IdeaRow] = &[
    (
        "Palettes de la ferme vers la recyclerie",
        true,
        "materials",
        &[0, 4],
        0,
        0,
        9,
        Status::ToDeepen,
    ),
    (
        "Sciure de la menuiserie en litière pour les poules",
        true,
        "materials",
        &[3, 0],
        0,
        0,
        4,
        Status::Proposed,
    ),
    (
        "Chutes de bois transformées en mobilier par la recyclerie",
        true,
        "materials",
        &[3, 4],
        0,
        0,
        11,
        Status::Imminent,
    ),
    (
        "Sarments de vigne broyés en paillage communal",
        true,
        "materials",
        &[1, 10],
        0,
        0,
        7,
        Status::ToDeepen,
    ),
    (
        "Broyat de bois pour le chantier d'insertion",
        true,
        "materials",
        &[3, 12],
        0,
        0,
        3,
        Status::Proposed,
    ),
    (
        "Bois de récupération pour les bacs potagers du collège",
        true,
        "materials",
        &[4, 7],
        1,
        0,
        5,
        Status::Proposed,
    ),
    (
        "Collecte mutualisée des palettes sur la zone d'Eymet",
        false,
        "logistics",
        &[0, 3, 4, 6],
        1,
        0,
        8,
        Status::Selected,
    ),
    (
        "Biodéchets de l'EHPAD compostés à la ferme",
        true,
        "materials",
        &[2, 0],
        0,
        1,
        12,
        Status::Imminent,
    ),
    (
        "Drêches de brasserie en alimentation animale",
        true,
        "materials",
        &[9, 0],
        2,
        1,
        6,
        Status::ToDeepen,
    ),
    (
        "Marcs de raisin vers une distillerie ou un méthaniseur",
        true,
        "materials",
        &[1],
        0,
        1,
        5,
        Status::Abandoned,
    ),
    (
        "Pain invendu pour la brasserie (bière de pain)",
        true,
        "materials",
        &[5, 9],
        1,
        1,
        10,
        Status::Imminent,
    ),
    (
        "Plateforme de compostage partagée avec la commune",
        false,
        "materials",
        &[0, 2, 10, 12],
        2,
        1,
        9,
        Status::ToDeepen,
    ),
    (
        "Invendus de légumes pour la cuisine de l'EHPAD",
        true,
        "materials",
        &[0, 2],
        0,
        7,
        8,
        Status::Selected,
    ),
    (
        "Légumes de la ferme pour la cantine du collège",
        true,
        "materials",
        &[0, 7],
        1,
        7,
        13,
        Status::ToDeepen,
    ),
    (
        "Groupement d'achat de farine locale",
        false,
        "materials",
        &[5],
        1,
        7,
        2,
        Status::Proposed,
    ),
    (
        "Marché de producteurs à la salle des fêtes",
        false,
        "space",
        &[0, 5, 9, 10],
        2,
        7,
        6,
        Status::Proposed,
    ),
    (
        "Papier du collège recyclé par l'imprimerie",
        true,
        "materials",
        &[7, 11],
        1,
        2,
        4,
        Status::Proposed,
    ),
    (
        "Chutes de papier de l'imprimerie pour les ateliers du collège",
        true,
        "materials",
        &[11, 7],
        2,
        2,
        5,
        Status::Selected,
    ),
    (
        "Consigne de bouteilles entre la cave et la brasserie",
        false,
        "materials",
        &[1, 9],
        2,
        2,
        9,
        Status::ToDeepen,
    ),
    (
        "Collecte groupée des cartons des commerces d'Issigeac",
        false,
        "materials",
        &[5, 11, 4],
        1,
        2,
        3,
        Status::Proposed,
    ),
    (
        "Verre de la cave réemployé par la brasserie",
        true,
        "materials",
        &[1, 9],
        0,
        2,
        7,
        Status::Abandoned,
    ),
    (
        "Retours à vide de Transports Delmas pour les panneaux de la menuiserie",
        true,
        "logistics",
        &[6, 3],
        1,
        3,
        10,
        Status::Imminent,
    ),
    (
        "Tournée mutualisée de livraisons vers Périgueux",
        false,
        "logistics",
        &[6, 11, 9],
        2,
        3,
        6,
        Status::ToDeepen,
    ),
    (
        "Co-voiturage des saisonniers des vendanges",
        false,
        "logistics",
        &[1, 8],
        0,
        3,
        4,
        Status::Proposed,
    ),
    (
        "Livraison des légumes aux cantines par un seul transporteur",
        false,
        "logistics",
        &[0, 6, 7, 2],
        1,
        3,
        5,
        Status::Proposed,
    ),
    (
        "Formation éco-conduite pour les chauffeurs des structures",
        false,
        "skills",
        &[6, 8, 4],
        1,
        3,
        2,
        Status::Proposed,
    ),
    (
        "Hangar de la cave loué à la recyclerie hors vendanges",
        true,
        "space",
        &[1, 4],
        0,
        4,
        11,
        Status::ToDeepen,
    ),
    (
        "Chambre froide partagée entre la ferme et la boulangerie",
        false,
        "equipment",
        &[0, 5],
        0,
        4,
        6,
        Status::Selected,
    ),
    (
        "Chariot élévateur de la cave prêté à la brasserie",
        false,
        "equipment",
        &[1, 9],
        2,
        4,
        5,
        Status::Proposed,
    ),
    (
        "Scie à format ouverte aux bénévoles de la recyclerie",
        false,
        "equipment",
        &[3, 4],
        0,
        4,
        3,
        Status::Proposed,
    ),
    (
        "Broyeur communal prêté aux agriculteurs",
        false,
        "equipment",
        &[10, 0, 1],
        2,
        4,
        4,
        Status::Proposed,
    ),
    (
        "Parking poids lourds sur le terrain communal",
        true,
        "space",
        &[10, 6],
        2,
        4,
        1,
        Status::Proposed,
    ),
    (
        "Salle des fêtes comme lieu de stockage temporaire",
        true,
        "space",
        &[10, 4],
        2,
        4,
        2,
        Status::Proposed,
    ),
    (
        "Chaleur du four de la boulangerie pour chauffer l'eau",
        true,
        "energy",
        &[5],
        1,
        5,
        3,
        Status::Proposed,
    ),
    (
        "Achat groupé d'électricité verte",
        false,
        "energy",
        &[11, 9, 5, 10],
        2,
        5,
        8,
        Status::ToDeepen,
    ),
    (
        "Toitures de la cave pour une centrale solaire citoyenne",
        false,
        "energy",
        &[1, 10],
        0,
        5,
        6,
        Status::Proposed,
    ),
    (
        "Diagnostic énergie mutualisé pour les artisans",
        false,
        "energy",
        &[3, 5, 11, 9],
        2,
        5,
        4,
        Status::Proposed,
    ),
    (
        "Salariés en insertion du garage pour les vendanges",
        true,
        "skills",
        &[8, 1],
        2,
        6,
        7,
        Status::Selected,
    ),
    (
        "Groupement d'employeurs pour un poste de logisticien",
        false,
        "skills",
        &[6, 4, 9],
        1,
        6,
        5,
        Status::Proposed,
    ),
    (
        "Le chantier d'insertion entretient les abords de l'EHPAD",
        true,
        "skills",
        &[12, 2],
        0,
        6,
        4,
        Status::Proposed,
    ),
    (
        "Réparation solidaire des véhicules des salariés en insertion",
        true,
        "services",
        &[8, 12],
        2,
        6,
        6,
        Status::ToDeepen,
    ),
    (
        "Stages de collégiens dans les structures du territoire",
        false,
        "skills",
        &[7, 3, 5, 11],
        1,
        6,
        3,
        Status::Proposed,
    ),
    (
        "Animations des résidents de l'EHPAD à la ferme",
        true,
        "services",
        &[2, 0],
        0,
        6,
        2,
        Status::Proposed,
    ),
    (
        "Pièces détachées de réemploi entre garages",
        false,
        "materials",
        &[8],
        2,
        6,
        1,
        Status::Abandoned,
    ),
    (
        "Projet pédagogique du collège sur la recyclerie",
        true,
        "services",
        &[7, 4],
        1,
        6,
        4,
        Status::Proposed,
    ),
    (
        "Sacs de drêches pour le paillage du chantier d'insertion",
        true,
        "materials",
        &[9, 12],
        2,
        1,
        2,
        Status::Proposed,
    ),
    (
        "Vente des meubles de réemploi à l'EHPAD",
        true,
        "materials",
        &[4, 2],
        1,
        0,
        3,
        Status::Proposed,
    ),
    (
        "Impression des supports de l'atelier sur papier recyclé",
        true,
        "services",
        &[11, 10],
        2,
        2,
        1,
        Status::Proposed,
    ),
    (
        "Collecte des huiles de friture de la boulangerie",
        true,
        "materials",
        &[5, 8],
        1,
        1,
        2,
        Status::Proposed,
    ),
    (
        "Mutualiser un local de stockage à Bergerac",
        false,
        "space",
        &[4, 11, 8],
        2,
        4,
        3,
        Status::Proposed,
    ),
    (
        "Benne commune pour les déchets de chantier de la menuiserie",
        false,
        "materials",
        &[3, 10],
        0,
        0,
        2,
        Status::Proposed,
    ),
    (
        "Récupération des eaux de lavage de la cave pour l'arrosage",
        true,
        "water",
        &[1, 0],
        0,
        1,
        3,
        Status::Proposed,
    ),
    (
        "Récupérateurs d'eau de pluie partagés pour les jardins",
        false,
        "water",
        &[10, 12, 7],
        2,
        4,
        2,
        Status::Proposed,
    ),
    (
        "Service de repas de l'EHPAD pour le chantier d'insertion",
        true,
        "services",
        &[2, 12],
        0,
        7,
        1,
        Status::Proposed,
    ),
    (
        "Fête des synergies annuelle à Sigoulès",
        false,
        "services",
        &[10],
        2,
        7,
        0,
        Status::Proposed,
    ),
    (
        "Location partagée d'une nacelle",
        false,
        "equipment",
        &[3, 11],
        0,
        4,
        1,
        Status::Proposed,
    ),
    (
        "Échange de bières contre du pain invendu pour les banques alimentaires",
        false,
        "materials",
        &[5, 9],
        1,
        7,
        0,
        Status::Proposed,
    ),
    (
        "Tournée de ramassage des cartons par le garage solidaire",
        true,
        "logistics",
        &[8, 11, 5],
        2,
        2,
        2,
        Status::Proposed,
    ),
    (
        "Formation commune au tri pour les salariés",
        false,
        "skills",
        &[2, 7, 10],
        0,
        6,
        1,
        Status::Proposed,
    ),
    (
        "Vendangeurs logés dans la salle des fêtes",
        true,
        "space",
        &[10, 1],
        2,
        4,
        0,
        Status::Proposed,
    ),
];

/// Follow-up of the triaged ideas: title, owner (organisation), next step, due date.
const FOLLOW_UP: &[(&str, usize, &str, &str)] = &[
    (
        "Palettes de la ferme vers la recyclerie",
        4,
        "Chiffrer le volume annuel et organiser une première collecte",
        "2027-01-15",
    ),
    (
        "Chutes de bois transformées en mobilier par la recyclerie",
        3,
        "Première livraison de chutes à la recyclerie",
        "2026-12-10",
    ),
    (
        "Sarments de vigne broyés en paillage communal",
        10,
        "Tester le broyeur communal sur un lot de sarments",
        "2027-02-28",
    ),
    (
        "Biodéchets de l'EHPAD compostés à la ferme",
        0,
        "Signer la convention et livrer les premiers bacs",
        "2026-12-15",
    ),
    (
        "Drêches de brasserie en alimentation animale",
        9,
        "Contacter deux éleveurs et vérifier la réglementation",
        "2027-01-31",
    ),
    (
        "Marcs de raisin vers une distillerie ou un méthaniseur",
        1,
        "Abandonnée : les marcs partent déjà à la distillerie",
        "",
    ),
    (
        "Pain invendu pour la brasserie (bière de pain)",
        9,
        "Brassin d'essai avec 50 kg de pain",
        "2026-12-20",
    ),
    (
        "Plateforme de compostage partagée avec la commune",
        10,
        "Étude de terrain avec le service technique",
        "2027-03-31",
    ),
    (
        "Légumes de la ferme pour la cantine du collège",
        0,
        "Rencontrer le gestionnaire de la cantine",
        "2027-01-20",
    ),
    (
        "Consigne de bouteilles entre la cave et la brasserie",
        9,
        "Comparer les formats de bouteilles",
        "2027-02-15",
    ),
    (
        "Verre de la cave réemployé par la brasserie",
        1,
        "Abandonnée : formats de bouteilles incompatibles",
        "",
    ),
    (
        "Retours à vide de Transports Delmas pour les panneaux de la menuiserie",
        6,
        "Premier trajet test au départ de Bordeaux",
        "2026-12-05",
    ),
    (
        "Tournée mutualisée de livraisons vers Périgueux",
        6,
        "Recenser les volumes hebdomadaires de chacun",
        "2027-01-31",
    ),
    (
        "Hangar de la cave loué à la recyclerie hors vendanges",
        1,
        "Rédiger un bail précaire et visiter le hangar",
        "2027-01-10",
    ),
    (
        "Achat groupé d'électricité verte",
        11,
        "Réunir les factures et consulter deux fournisseurs",
        "2027-03-15",
    ),
    (
        "Réparation solidaire des véhicules des salariés en insertion",
        8,
        "Présenter l'offre au chantier d'insertion",
        "2027-02-01",
    ),
    (
        "Pièces détachées de réemploi entre garages",
        8,
        "Abandonnée : pas d'autre garage présent",
        "",
    ),
];

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "Biodéchets de l'EHPAD compostés à la ferme",
        "La cuisine de l'EHPAD produit environ 8 t de biodéchets par an, aujourd'hui collectés avec les ordures ménagères. La ferme maraîchère composte déjà ses déchets verts et manque de compost mûr : elle propose de récupérer les bacs deux fois par semaine lors de ses livraisons de légumes.",
    ),
    (
        "Retours à vide de Transports Delmas pour les panneaux de la menuiserie",
        "Les camions de Transports Delmas reviennent de Bordeaux avec des places libres ; la menuiserie fait venir ses panneaux deux fois par mois par un transporteur dédié.",
    ),
    (
        "Pain invendu pour la brasserie (bière de pain)",
        "15 kg de pain invendu chaque jour peuvent remplacer une partie du malt d'un brassin.",
    ),
];

/// Builds the example workshop through the model's actions.
pub fn example_session() -> Result<Session, ActionError> {
    let mut session = Session::new("Atelier de détection de synergies — Bastides et Coteaux");
    let info = SessionInfo {
        title: session.info.title.clone(),
        date: NaiveDate::from_ymd_opt(2026, 11, 19),
        venue: "Salle des fêtes de Sigoulès-et-Flaugeac".into(),
        organiser: "Pôle territorial de coopération des Bastides".into(),
        language: session.info.language,
        modified: session.info.modified,
    };
    session.info = info.clone();
    let mut w = Workshop::new(session);

    let facilitators: Vec<Facilitator> =
        FACILITATORS.iter().map(|n| Facilitator::new(*n)).collect();
    for f in &facilitators {
        w.apply(Action::AddFacilitator(f.clone()))?;
    }
    let mut tables = Vec::new();
    for (i, facilitator) in facilitators.iter().take(3).enumerate() {
        let mut table = Table::new(format!("Table {}", i + 1));
        table.facilitator = Some(facilitator.id);
        w.apply(Action::AddTable(table.clone()))?;
        tables.push(table);
    }

    let mut organisations = Vec::new();
    for (i, (name, sector, town, contact, table, attendance)) in ORGANISATIONS.iter().enumerate() {
        let mut org = Organisation::new(*name);
        org.sector = (*sector).into();
        org.town = (*town).into();
        org.contact = (*contact).into();
        org.email = format!("contact{}@exemple.org", i + 1);
        org.phone = format!("05 53 00 {:02} {:02}", 10 + i, 20 + i);
        org.table = Some(tables[*table].id);
        org.attendance = *attendance;
        w.apply(Action::AddOrganisation(org.clone()))?;
        organisations.push(org);
    }

    for (org, offer, category, resource, quantity, unit, frequency) in FICHES {
        let direction = if *offer {
            Direction::Offer
        } else {
            Direction::Need
        };
        let mut fiche = Fiche::new(organisations[*org].id, direction, *category, *resource);
        fiche.quantity = (*quantity).into();
        fiche.unit = (*unit).into();
        fiche.frequency = (*frequency).into();
        w.apply(Action::AddFiche(fiche))?;
    }

    let mut clusters = Vec::new();
    for (i, name) in CLUSTERS.iter().enumerate() {
        let cluster = Cluster::new(*name, Colour::nth(i));
        w.apply(Action::AddCluster(cluster.clone()))?;
        clusters.push(cluster);
    }

    for (title, substitution, category, orgs, table, cluster, votes, status) in IDEAS {
        let mut idea = Idea::new(*title);
        idea.kind = Some(if *substitution {
            IdeaKind::Substitution
        } else {
            IdeaKind::Mutualisation
        });
        idea.category = Some((*category).into());
        idea.organisations = orgs.iter().map(|&o| organisations[o].id).collect();
        idea.table = Some(tables[*table].id);
        // Ideas written at the projector by the lead facilitator come from table 3's
        // last rows; the others from their table's facilitator.
        idea.facilitator = Some(if *votes == 0 {
            facilitators[3].id
        } else {
            facilitators[*table].id
        });
        idea.fiches = w
            .session()
            .fiches
            .iter()
            .filter(|f| idea.organisations.contains(&f.organisation) && f.category == *category)
            .map(|f| f.id)
            .take(2)
            .collect();
        if let Some((_, text)) = DESCRIPTIONS.iter().find(|(t, _)| t == title) {
            idea.description = (*text).into();
        }
        let id = idea.id;
        w.apply(Action::AddIdea(idea))?;
        w.apply(Action::GroupIdeas {
            ideas: vec![id],
            target: crate::model::ClusterTarget::Existing(clusters[*cluster].id),
        })?;
        w.apply(Action::SetVotes {
            idea: id,
            votes: *votes,
        })?;
        if *status != Status::Proposed {
            w.apply(Action::SetStatus {
                ideas: vec![id],
                status: *status,
            })?;
        }
    }

    for (title, owner, next_step, due) in FOLLOW_UP {
        let Some(idea) = w.session().ideas.iter().find(|i| i.title == *title) else {
            continue;
        };
        let mut idea = idea.clone();
        idea.owner = Some(organisations[*owner].id);
        idea.next_step = (*next_step).into();
        idea.due = NaiveDate::parse_from_str(due, "%Y-%m-%d").ok();
        w.apply(Action::UpdateIdea(idea))?;
    }
    w.apply(Action::EditSessionInfo(info))?;
    Ok(w.into_session())
}

/// A generated session of the given size, for benchmarks and scale tests only: names
/// are numbered ("Organisation 12", "Idée 345"), not real. Organisations, resource
/// sheets and ideas cycle through tables, categories, clusters and statuses.
pub fn synthetic_session(
    organisations: usize,
    fiches: usize,
    ideas: usize,
) -> Result<Session, ActionError> {
    use crate::model::ImportBatch;
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
