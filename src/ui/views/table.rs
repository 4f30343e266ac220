//! What the views' tables (`egui_extras::TableBuilder`) share: headers that sort by
//! their column (click again to reverse), cells cut to their column with the full text
//! on hover.

use crate::ui::i18n::Tr;
use egui::{Label, Response, RichText, Role, Sense, Ui, WidgetInfo};
use egui_extras::{Column, TableBuilder, TableRow};

use crate::model::text::fold;

/// Which column a table is sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

/// A value to sort a row by: numbers by value, text ignoring case and accents.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Number(i64),
    Text(String),
}

impl SortKey {
    pub fn text(text: &str) -> Self {
        SortKey::Text(fold(text))
    }
}

/// A column header: a click sorts by this column, a second click reverses the order.
/// Its accessible name is `label` with the role of a column header.
pub fn sort_header_ui(
    ui: &mut Ui,
    label: &str,
    hint: &str,
    column: usize,
    sort: &mut Option<Sort>,
) -> Response {
    let arrow = match sort {
        Some(s) if s.column == column && s.descending => " ▼",
        Some(s) if s.column == column => " ▲",
        _ => "",
    };
    let response = ui
        .add(
            Label::new(RichText::new(format!("{label}{arrow}")).strong())
                .truncate()
                .sense(Sense::click()),
        )
        .on_hover_text(hint);
    response.widget_info(|| WidgetInfo::labeled(Role::ColumnHeader, true, label));
    if response.clicked() {
        *sort = Some(match *sort {
            Some(s) if s.column == column => Sort {
                column,
                descending: !s.descending,
            },
            _ => Sort {
                column,
                descending: false,
            },
        });
    }
    response
}

/// Sorts `rows` by `key` of the sorted column; equal keys keep their order. With no
/// sort, the rows stay as they are (the session's order).
pub fn sort_rows<R: Clone>(rows: &mut [R], sort: Option<Sort>, key: impl Fn(&R, usize) -> SortKey) {
    let Some(sort) = sort else {
        return;
    };
    let mut keyed: Vec<(SortKey, R)> = rows
        .iter()
        .map(|r| (key(r, sort.column), r.clone()))
        .collect();
    keyed.sort_by(|(a, _), (b, _)| {
        let order = a.cmp(b);
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
    for (slot, (_, row)) in rows.iter_mut().zip(keyed) {
        *slot = row;
    }
}

/// Starts `builder`'s columns again from their initial widths when the table's room
/// changed (a panel beside it opened or was resized), so that it always fits: egui_extras
/// keeps resized widths even when they no longer fit. `last` is the room last seen.
pub fn fit_columns(builder: &TableBuilder<'_>, width: f32, last: &mut f32) {
    if (width - *last).abs() > 0.5 {
        builder.reset();
        *last = width;
    }
}

/// A cell's text on one line, cut to the column with the full text on hover.
pub fn cell_ui(ui: &mut Ui, text: &str) -> Response {
    ui.add(Label::new(text).truncate().sense(Sense::click()))
}

/// A sortable, resizable table that fills `width`: one column per `(share of the width,
/// narrowest width)`, then a last column taking the rest (at least `last_at_least`).
/// Rows are selected by a click; cells are cut to their column.
pub fn table_builder<'a>(
    ui: &'a mut Ui,
    id: &str,
    width: f32,
    columns: &[(f32, f32)],
    last_at_least: f32,
) -> TableBuilder<'a> {
    let mut builder = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (share, at_least) in columns {
        builder = builder.column(
            Column::initial(width * share)
                .at_least(*at_least)
                .clip(true),
        );
    }
    builder
        .column(Column::remainder().at_least(last_at_least).clip(true))
        .min_scrolled_height(0.0)
        .max_scroll_height(f32::INFINITY)
        .auto_shrink([false, false])
}

/// The header row: one sorting header per label.
pub fn sort_headers_ui(
    header: &mut TableRow<'_, '_>,
    labels: &[&str],
    hint: &str,
    sort: &mut Option<Sort>,
) {
    for (column, label) in labels.iter().enumerate() {
        header.col(|ui| {
            sort_header_ui(ui, label, hint, column, sort);
        });
    }
}

/// A sortable table's columns as `(share of the width, narrowest width)`, then a last
/// column of at least `last_at_least`, its rows' height, and its headers (one a column,
/// in the catalogue's words).
pub struct TableSpec {
    pub id: &'static str,
    pub headers: fn(&'static Tr) -> Vec<&'static str>,
    pub columns: &'static [(f32, f32)],
    pub last_at_least: f32,
    pub row_height: f32,
}

impl TableSpec {
    /// How many columns the table has, the last one included.
    pub const fn column_count(&self) -> usize {
        self.columns.len() + 1
    }
}

/// What a table keeps between frames: its sort, and the width its columns were fitted
/// to (see [`fit_columns`]).
#[derive(Default)]
pub struct TableState {
    pub sort: Option<Sort>,
    width: f32,
}

/// A sortable, resizable table of `rows` rows that fills the width, one header per
/// column: `row_cells(index)` gives the texts of a row in view and whether it is
/// selected. Returns the index of the row clicked, if any.
pub fn sortable_table_ui(
    ui: &mut Ui,
    spec: &TableSpec,
    t: &'static Tr,
    state: &mut TableState,
    rows: usize,
    mut row_cells: impl FnMut(usize) -> Option<(Vec<String>, bool)>,
) -> Option<usize> {
    let width = ui.available_width();
    let builder = table_builder(ui, spec.id, width, spec.columns, spec.last_at_least);
    fit_columns(&builder, width, &mut state.width);
    let headers = (spec.headers)(t);
    let mut clicked = None;
    builder
        .header(24.0, |mut header| {
            sort_headers_ui(&mut header, &headers, t.sort_hint, &mut state.sort);
        })
        .body(|body| {
            body.rows(spec.row_height, rows, |mut row| {
                let index = row.index();
                let Some((cells, selected)) = row_cells(index) else {
                    return;
                };
                row.set_selected(selected);
                for cell in &cells {
                    row.col(|ui| {
                        if cell_ui(ui, cell).clicked() {
                            clicked = Some(index);
                        }
                    });
                }
                if row.response().clicked() {
                    clicked = Some(index);
                }
            });
        });
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sort_by_a_column_and_back() {
        let mut rows = vec!["Éolienne", "arbre", "Chaux", "banc", "abri"];
        let key = |r: &&str, _| SortKey::text(r);
        sort_rows(
            &mut rows,
            Some(Sort {
                column: 0,
                descending: false,
            }),
            key,
        );
        assert_eq!(rows, ["abri", "arbre", "banc", "Chaux", "Éolienne"]);
        sort_rows(
            &mut rows,
            Some(Sort {
                column: 0,
                descending: true,
            }),
            key,
        );
        assert_eq!(rows, ["Éolienne", "Chaux", "banc", "arbre", "abri"]);
        let mut numbers = vec![3, 1, 2, 10, 0];
        sort_rows(
            &mut numbers,
            Some(Sort {
                column: 1,
                descending: false,
            }),
            |n, _| SortKey::Number(*n),
        );
        assert_eq!(numbers, [0, 1, 2, 3, 10]);
    }
}
