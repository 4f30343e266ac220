//! A small page-layout engine over printpdf's operations: text measured with the font's
//! own advance widths, greedy word wrap, text that flows from page to page, tables whose
//! rows break across pages with the header repeated, and a final pass for the running
//! header and "page N of M".

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfFontHandle, PdfPage, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

/// A4, in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN_LEFT: f32 = 50.0;
pub const MARGIN_RIGHT: f32 = 50.0;
/// Below the running header.
pub const MARGIN_TOP: f32 = 62.0;
/// Above the footer.
pub const MARGIN_BOTTOM: f32 = 56.0;

pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/// One of the two faces the report uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// An RGB colour, 0–255.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb8(pub u8, pub u8, pub u8);

impl Rgb8 {
    /// One of the [`crate::theme`] colours.
    pub const fn of([r, g, b]: crate::theme::Rgb) -> Self {
        Rgb8(r, g, b)
    }
}

pub const BLACK: Rgb8 = Rgb8(0x1a, 0x1a, 0x1a);
pub const GREY: Rgb8 = Rgb8(0x5f, 0x63, 0x68);
pub const LIGHT: Rgb8 = Rgb8::of(crate::theme::LIGHT);
pub const ACCENT: Rgb8 = Rgb8::of(crate::theme::ACCENT);

fn colour(c: Rgb8) -> Color {
    Color::Rgb(Rgb::new(
        f32::from(c.0) / 255.0,
        f32::from(c.1) / 255.0,
        f32::from(c.2) / 255.0,
        None,
    ))
}

/// A straight-line point at (`x`, `y`) points from the bottom-left corner.
fn line_point((x, y): (f32, f32)) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

/// A run of text as placed on a page, in points from the bottom-left corner; kept so
/// that tests can check that nothing leaves the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
}

/// The fonts, parsed once, with their ids in the document.
pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    regular_id: FontId,
    bold_id: FontId,
}

impl Fonts {
    pub fn new(regular: ParsedFont, bold: ParsedFont, regular_id: FontId, bold_id: FontId) -> Self {
        Self {
            regular,
            bold,
            regular_id,
            bold_id,
        }
    }

    fn font(&self, face: Face) -> &ParsedFont {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    fn id(&self, face: Face) -> &FontId {
        match face {
            Face::Regular => &self.regular_id,
            Face::Bold => &self.bold_id,
        }
    }

    /// The advance of `c` in `face`, in font units.
    fn advance(&self, face: Face, c: char) -> u64 {
        let font = self.font(face);
        let gid = font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        u64::from(font.get_glyph_width(gid).unwrap_or(0))
    }

    /// Points per font unit at `size` points.
    fn per_unit(&self, face: Face, size: f32) -> f32 {
        size / f32::from(self.font(face).units_per_em.max(1))
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let units: u64 = text.chars().map(|c| self.advance(face, c)).sum();
        units as f32 * self.per_unit(face, size)
    }

    /// Breaks `text` into lines no wider than `width`: at spaces, and inside words that
    /// are wider than a line on their own. Line breaks in the text are kept.
    ///
    /// Each character is measured once and each line's width kept as it grows, so a
    /// title of 100 KB wraps in time proportional to its length.
    pub fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let per_unit = self.per_unit(face, size);
        let fits = |units: u64| units as f32 * per_unit <= width;
        let space = self.advance(face, ' ');
        let mut lines = Vec::new();
        // The advance of each character of the word being placed.
        let mut advances: Vec<(usize, char, u64)> = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            let mut line_units = 0u64;
            for word in paragraph.split_whitespace() {
                advances.clear();
                advances.extend(
                    word.char_indices()
                        .map(|(i, c)| (i, c, self.advance(face, c))),
                );
                let word_units: u64 = advances.iter().map(|&(_, _, a)| a).sum();
                let candidate = if line.is_empty() {
                    word_units
                } else {
                    line_units + space + word_units
                };
                if fits(candidate) {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    line_units = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be: `start` is the
                // first character (in `advances`) of what is left, `rest_units` its width.
                let mut start = 0;
                let mut rest_units = word_units;
                while start < advances.len() && !fits(rest_units) {
                    let mut end = start;
                    let mut units = 0u64;
                    while end < advances.len() && fits(units + advances[end].2) {
                        units += advances[end].2;
                        end += 1;
                    }
                    if end == start {
                        // Not even one character fits: take it anyway.
                        end = start + 1;
                    } else if let Some(hyphen) =
                        (start + 1..end).rev().find(|&i| advances[i].1 == '-')
                    {
                        // "Lamonzie-Saint-" / "Martin" rather than "Lamonzie-Saint-Marti" / "n".
                        end = hyphen + 1;
                    }
                    let from = advances[start].0;
                    let to = advances.get(end).map_or(word.len(), |&(i, _, _)| i);
                    lines.push(word[from..to].to_owned());
                    rest_units -= advances[start..end].iter().map(|&(_, _, a)| a).sum::<u64>();
                    start = end;
                }
                let from = advances.get(start).map_or(word.len(), |&(i, _, _)| i);
                line = word[from..].to_owned();
                line_units = rest_units;
            }
            lines.push(line);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    /// `text` cut to fit `width`, with an ellipsis when cut. Measures no further than
    /// the width: a long text costs no more than a short one.
    pub fn truncate(&self, face: Face, size: f32, text: &str, width: f32) -> String {
        let per_unit = self.per_unit(face, size);
        let fits = |units: u64| units as f32 * per_unit <= width;
        let ellipsis = self.advance(face, '…');
        // `cut` ends the longest start that fits with an ellipsis after it; the text is
        // cut as soon as it is found not to fit whole.
        let mut units = 0u64;
        let mut cut = 0;
        let mut cut_found = false;
        for (i, c) in text.char_indices() {
            units += self.advance(face, c);
            if !cut_found {
                if fits(units + ellipsis) {
                    cut = i + c.len_utf8();
                } else {
                    cut_found = true;
                }
            }
            if !fits(units) {
                return format!("{}…", text[..cut].trim_end());
            }
        }
        text.to_owned()
    }
}

/// A table column: its title and its share of the content width.
pub struct Column<'a> {
    pub title: &'a str,
    pub share: f32,
}

/// Pages being written, top to bottom.
pub struct Writer<'f> {
    pub fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    /// The baseline cursor: the top of the next thing to write, in points from the bottom.
    pub y: f32,
    pub placed: Vec<Placed>,
}

impl<'f> Writer<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        let mut writer = Self {
            fonts,
            pages: Vec::new(),
            y: 0.0,
            placed: Vec::new(),
        };
        writer.new_page();
        writer
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_HEIGHT - MARGIN_TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y - height < MARGIN_BOTTOM {
            self.new_page();
        }
    }

    /// The space left on this page.
    pub fn room(&self) -> f32 {
        self.y - MARGIN_BOTTOM
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Writes one line of text with its baseline at `y`.
    pub fn text_at(&mut self, x: f32, y: f32, face: Face, size: f32, colour_: Rgb8, text: &str) {
        if text.is_empty() {
            return;
        }
        let width = self.fonts.width(face, size, text);
        let page = self.pages.len();
        self.placed.push(Placed {
            page,
            x,
            y,
            width,
            size,
            text: text.to_owned(),
        });
        let font = self.fonts.id(face).clone();
        self.ops().extend([
            Op::StartTextSection,
            Op::SetFillColor {
                col: colour(colour_),
            },
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// A filled rectangle, `y` being its top.
    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb8) {
        let points = [
            (x, y - height),
            (x + width, y - height),
            (x + width, y),
            (x, y),
        ]
        .into_iter()
        .map(line_point)
        .collect();
        self.ops().extend([
            Op::SetFillColor { col: colour(fill) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing { points }],
                    mode: printpdf::PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    /// A horizontal rule at `y`.
    pub fn rule(&mut self, x: f32, y: f32, width: f32, colour_: Rgb8) {
        let points = [(x, y), (x + width, y)]
            .into_iter()
            .map(line_point)
            .collect();
        self.ops().extend([
            Op::SetOutlineColor {
                col: colour(colour_),
            },
            Op::SetOutlineThickness { pt: Pt(0.6) },
            Op::DrawLine {
                line: Line {
                    points,
                    is_closed: false,
                },
            },
        ]);
    }

    /// A wrapped paragraph at `x`, `width` wide, flowing onto new pages as needed.
    pub fn paragraph(
        &mut self,
        x: f32,
        width: f32,
        face: Face,
        size: f32,
        colour_: Rgb8,
        text: &str,
    ) {
        let leading = size * 1.3;
        for line in self.fonts.wrap(face, size, text, width) {
            self.ensure(leading);
            self.y -= size;
            self.text_at(x, self.y, face, size, colour_, &line);
            self.y -= leading - size;
        }
    }

    /// A section title; starts a new page when fewer than `keep_with` points would follow
    /// it on this one.
    pub fn heading(&mut self, text: &str, size: f32, keep_with: f32) {
        let lines = self.fonts.wrap(Face::Bold, size, text, CONTENT_WIDTH);
        let height = lines.len() as f32 * size * 1.3 + 10.0;
        self.ensure(height + keep_with);
        self.y -= 6.0;
        self.paragraph(MARGIN_LEFT, CONTENT_WIDTH, Face::Bold, size, ACCENT, text);
        self.y -= 4.0;
    }

    pub fn space(&mut self, points: f32) {
        self.y -= points;
        if self.y < MARGIN_BOTTOM {
            self.new_page();
        }
    }

    /// A table: wrapped cells; a row that does not fit moves to the next page, or is
    /// split there if it is taller than a page; the header is repeated on each page.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>], size: f32) {
        let leading = size * 1.3;
        let padding = 3.0;
        let total_share: f32 = columns.iter().map(|c| c.share).sum::<f32>().max(0.01);
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| c.share / total_share * CONTENT_WIDTH)
            .collect();
        let header_lines: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                self.fonts
                    .wrap(Face::Bold, size, c.title, w - 2.0 * padding)
            })
            .collect();
        let header_height =
            header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + 2.0 * padding;

        let draw_header = |w: &mut Writer| {
            let top = w.y;
            w.rect(MARGIN_LEFT, top, CONTENT_WIDTH, header_height, LIGHT);
            let mut x = MARGIN_LEFT;
            for (lines, width) in header_lines.iter().zip(&widths) {
                let mut y = top - padding;
                for line in lines {
                    y -= size;
                    w.text_at(x + padding, y, Face::Bold, size, BLACK, line);
                    y -= leading - size;
                }
                x += width;
            }
            w.y = top - header_height;
        };

        // A header and at least one line must fit, or start on a new page.
        self.ensure(header_height + leading + 2.0 * padding);
        draw_header(self);
        for row in rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(text, w)| {
                    self.fonts
                        .wrap(Face::Regular, size, text, w - 2.0 * padding)
                })
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            let row_height = lines as f32 * leading + 2.0 * padding;
            // Keep a row whole when it fits on a fresh page.
            let fresh_page_room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - header_height;
            if row_height > self.room() && row_height <= fresh_page_room {
                self.new_page();
                draw_header(self);
            }
            let mut first = 0;
            while first < lines {
                let fit = ((self.room() - 2.0 * padding) / leading).floor().max(0.0) as usize;
                if fit == 0 {
                    self.new_page();
                    draw_header(self);
                    continue;
                }
                let last = (first + fit).min(lines);
                let top = self.y;
                let mut x = MARGIN_LEFT;
                for (cell, width) in cells.iter().zip(&widths) {
                    let mut y = top - padding;
                    for line in cell.iter().take(last).skip(first) {
                        y -= size;
                        self.text_at(x + padding, y, Face::Regular, size, BLACK, line);
                        y -= leading - size;
                    }
                    x += width;
                }
                self.y = top - (last - first) as f32 * leading - 2.0 * padding;
                self.rule(MARGIN_LEFT, self.y, CONTENT_WIDTH, LIGHT);
                first = last;
                if first < lines {
                    self.new_page();
                    draw_header(self);
                }
            }
        }
        self.y -= 6.0;
    }

    /// Adds the running header (`left`, `right`) and "page N of M" (from `page_label`),
    /// then gives the pages.
    pub fn finish(
        mut self,
        left: &str,
        right: &str,
        page_label: impl Fn(usize, usize) -> String,
    ) -> (Vec<PdfPage>, Vec<Placed>) {
        let total = self.pages.len();
        let fonts = self.fonts;
        let size = 8.0;
        for index in 0..total {
            let number = index + 1;
            let right_width = fonts.width(Face::Regular, size, right);
            let left = fonts.truncate(
                Face::Regular,
                size,
                left,
                CONTENT_WIDTH - right_width - 20.0,
            );
            let label = page_label(number, total);
            let label_width = fonts.width(Face::Regular, size, &label);
            let header_y = PAGE_HEIGHT - 34.0;
            let footer_y = 30.0;
            let mut extra = Writer {
                fonts,
                pages: vec![Vec::new()],
                y: 0.0,
                placed: Vec::new(),
            };
            extra.text_at(MARGIN_LEFT, header_y, Face::Regular, size, GREY, &left);
            extra.text_at(
                PAGE_WIDTH - MARGIN_RIGHT - right_width,
                header_y,
                Face::Regular,
                size,
                GREY,
                right,
            );
            extra.rule(MARGIN_LEFT, header_y - 6.0, CONTENT_WIDTH, LIGHT);
            extra.text_at(
                PAGE_WIDTH - MARGIN_RIGHT - label_width,
                footer_y,
                Face::Regular,
                size,
                GREY,
                &label,
            );
            let ops = extra.pages.pop().unwrap_or_default();
            self.pages[index].extend(ops);
            self.placed.extend(extra.placed.into_iter().map(|mut p| {
                p.page = number;
                p
            }));
        }
        let pages = self
            .pages
            .into_iter()
            .map(|ops| PdfPage::new(Mm::from(Pt(PAGE_WIDTH)), Mm::from(Pt(PAGE_HEIGHT)), ops))
            .collect();
        (pages, self.placed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        let parse = |bytes| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the shipped font parses")
        };
        Fonts::new(
            parse(crate::report::REGULAR_FONT),
            parse(crate::report::BOLD_FONT),
            FontId::new(),
            FontId::new(),
        )
    }

    /// The wrap as it was before it measured each character once: every candidate line
    /// measured whole (quadratic in a long word), kept to check the new one against.
    fn wrap_by_remeasuring(
        f: &Fonts,
        face: Face,
        size: f32,
        text: &str,
        width: f32,
    ) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if f.width(face, size, &candidate) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let mut rest = word;
                while f.width(face, size, rest) > width {
                    let mut cut = 0;
                    for (i, c) in rest.char_indices() {
                        if f.width(face, size, &rest[..i + c.len_utf8()]) > width {
                            break;
                        }
                        cut = i + c.len_utf8();
                    }
                    if cut == 0 {
                        cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
                    } else if let Some(hyphen) = rest[..cut].rfind('-').filter(|h| *h > 0) {
                        cut = hyphen + 1;
                    }
                    lines.push(rest[..cut].to_owned());
                    rest = &rest[cut..];
                }
                line = rest.to_owned();
            }
            lines.push(line);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    fn truncate_by_remeasuring(f: &Fonts, face: Face, size: f32, text: &str, width: f32) -> String {
        if f.width(face, size, text) <= width {
            return text.to_owned();
        }
        let mut out = String::new();
        for c in text.chars() {
            if f.width(face, size, &format!("{out}{c}…")) > width {
                break;
            }
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }

    #[test]
    fn wrapping_and_cutting_measure_as_before() {
        let f = fonts();
        let texts = [
            String::new(),
            "Réemploi des palettes".to_owned(),
            "Mutualisation d'un broyeur à végétaux entre la ferme, la cave et la commune de Lamonzie-Saint-Martin".to_owned(),
            "Lamonzie-Saint-Martin-de-Gurson-sur-Dordogne-et-environs-immédiats-compris".repeat(3),
            "x".repeat(2000),
            "ÀÉÈ œ æ « guillemets » — tirets\nsur deux lignes\n\n et   des   blancs ".repeat(7),
            "a-".repeat(300),
            "-".repeat(200),
            "mot ".repeat(500),
        ];
        for text in &texts {
            for (face, size, width) in [
                (Face::Regular, 9.0, CONTENT_WIDTH),
                (Face::Bold, 11.0, CONTENT_WIDTH - 12.0),
                (Face::Regular, 8.5, 40.0),
                (Face::Bold, 24.0, 3.0),
            ] {
                assert_eq!(
                    f.wrap(face, size, text, width),
                    wrap_by_remeasuring(&f, face, size, text, width),
                    "{text:?} at {width}"
                );
                assert_eq!(
                    f.truncate(face, size, text, width),
                    truncate_by_remeasuring(&f, face, size, text, width),
                    "{text:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn a_hundred_kilobyte_word_wraps_into_lines_that_fit() {
        let f = fonts();
        let title = "Synergie".repeat(100 * 1024 / 8);
        let lines = f.wrap(Face::Bold, 11.0, &title, CONTENT_WIDTH);
        assert!(lines.len() > 100);
        assert_eq!(lines.concat(), title);
        for line in &lines {
            assert!(f.width(Face::Bold, 11.0, line) <= CONTENT_WIDTH, "{line}");
        }
        let cut = f.truncate(Face::Regular, 8.0, &title, 200.0);
        assert!(cut.ends_with('…') && f.width(Face::Regular, 8.0, &cut) <= 200.0);
    }
}
