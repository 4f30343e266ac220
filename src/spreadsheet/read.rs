//! Reading CSV files as Excel and LibreOffice write them: UTF-8 with or without BOM,
//! UTF-16 ("Unicode text"), or Windows-1252; `,`, `;` or tab delimiters; CRLF or LF;
//! quoted fields with line breaks.

use std::path::{Path, PathBuf};

use super::{ImportError, ImportProblem};
use crate::model::text::fold_header;

/// A CSV file, decoded and split into rows.
#[derive(Debug, Clone)]
pub struct CsvTable {
    pub path: PathBuf,
    /// The encoding the file was read in (`UTF-8`, `windows-1252`, `UTF-16LE`…).
    pub encoding: &'static str,
    pub delimiter: u8,
    /// The header row, as written.
    pub headers: Vec<String>,
    /// The line of the file the header row is on (1-based).
    pub header_line: u64,
    pub rows: Vec<CsvRow>,
}

/// One data row.
#[derive(Debug, Clone)]
pub struct CsvRow {
    /// The line of the file the row starts on (1-based).
    pub line: u64,
    /// The fields, trimmed; as many as the headers (missing ones are empty).
    pub fields: Vec<String>,
}

/// Decodes a spreadsheet export, returning the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((encoding, _bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        // UTF-8 with BOM, or UTF-16 LE/BE ("Unicode text" from Excel): the BOM is removed.
        let (text, _) = encoding.decode_with_bom_removal(bytes);
        return (text.into_owned(), encoding.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), "UTF-8"),
        Err(_) => {
            // Excel on Windows writes "CSV (separator: semicolon)" in the ANSI code page.
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "windows-1252")
        }
    }
}

/// Guesses the delimiter: the one a `sep=;` first line names (Excel writes and reads
/// it), else the most frequent of `;`, `,` and tab outside quotes on the first non-empty
/// line (`,` when none appears).
pub fn detect_delimiter(text: &str) -> u8 {
    if let Some(rest) = text.trim_start().strip_prefix("sep=")
        && let Some(&d) = rest.as_bytes().first()
        && matches!(d, b';' | b',' | b'\t' | b'|')
    {
        return d;
    }
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut in_quotes = false;
    let mut seen_content = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes && seen_content => break,
            _ if in_quotes => {}
            ';' => counts[0].1 += 1,
            ',' => counts[1].1 += 1,
            '\t' => counts[2].1 += 1,
            _ => {}
        }
        if !c.is_whitespace() {
            seen_content = true;
        }
    }
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

/// The most characters a cell may have: what an Excel cell holds. A longer one is
/// refused with its line and column (a 50 MB cell comes from no spreadsheet).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The first cell of `record` longer than [`MAX_CELL_CHARS`]: its index and its start.
fn too_long_cell(record: &csv::StringRecord) -> Option<(usize, String)> {
    // A cell of at most MAX_CELL_CHARS bytes has at most as many characters.
    record
        .iter()
        .enumerate()
        .find(|(_, f)| f.len() > MAX_CELL_CHARS && f.chars().count() > MAX_CELL_CHARS)
        .map(|(i, f)| (i, f.chars().take(81).collect()))
}

/// How many rows at the top may stand above the header row (a title, a date…).
const HEADER_SEARCH_ROWS: usize = 10;

/// Reads a CSV file. `required_header` (folded) locates the header row: the first row,
/// among the first few, that has it.
pub fn read_csv(path: &Path, required_headers: &[&str]) -> Result<CsvTable, ImportError> {
    let bytes = std::fs::read(path)
        .map_err(|e| ImportError::file(path, ImportProblem::Unreadable(e.kind())))?;
    parse_csv(path, &bytes, required_headers)
}

/// [`read_csv`] on bytes already read; `path` only names the file in messages.
pub fn parse_csv(
    path: &Path,
    bytes: &[u8],
    required_headers: &[&str],
) -> Result<CsvTable, ImportError> {
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(ImportError::file(path, ImportProblem::Empty));
    }
    let delimiter = detect_delimiter(&text);
    if let Some(line) = unterminated_quote_line(&text, char::from(delimiter)) {
        return Err(ImportError {
            others: Box::default(),
            file: path.to_owned(),
            line: Some(line),
            column: None,
            value: None,
            problem: Box::new(ImportProblem::UnterminatedQuote),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut header: Option<(u64, Vec<String>)> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut index = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line());
                return Err(ImportError {
                    others: Box::default(),
                    file: path.to_owned(),
                    line,
                    column: None,
                    value: None,
                    problem: Box::new(ImportProblem::NotCsv),
                });
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if let Some((index, start)) = too_long_cell(&record) {
            let header = header
                .as_ref()
                .and_then(|(_, headers)| headers.get(index))
                .filter(|h| !h.is_empty());
            let column = match header {
                Some(header) => format!("{} ({header})", column_letter(index)),
                None => column_letter(index),
            };
            return Err(ImportError {
                others: Box::default(),
                file: path.to_owned(),
                line: Some(line),
                column: Some(column),
                value: Some(start),
                problem: Box::new(ImportProblem::CellTooLong {
                    limit: MAX_CELL_CHARS,
                }),
            });
        }
        let fields: Vec<String> = record.iter().map(|f| f.trim().to_owned()).collect();
        index += 1;
        if fields.iter().all(String::is_empty) {
            continue;
        }
        match &header {
            None => {
                let folded: Vec<String> = fields.iter().map(|f| fold_header(f)).collect();
                let has_required = required_headers
                    .iter()
                    .any(|required| folded.iter().any(|h| h == required));
                if has_required {
                    header = Some((line, fields));
                } else if index >= HEADER_SEARCH_ROWS {
                    break;
                }
            }
            Some((_, headers)) => {
                let width = headers.len();
                if let Some(extra) = fields[width.min(fields.len())..]
                    .iter()
                    .position(|f| !f.is_empty())
                {
                    return Err(ImportError {
                        others: Box::default(),
                        file: path.to_owned(),
                        line: Some(line),
                        column: Some(column_letter(width + extra)),
                        value: fields.get(width + extra).cloned(),
                        problem: Box::new(ImportProblem::TooManyFields {
                            width,
                            delimiter: char::from(delimiter),
                        }),
                    });
                }
                // Short rows stay short (a missing cell reads as empty): padding each row
                // to a header of a million columns would take gigabytes.
                let mut fields = fields;
                fields.truncate(width);
                rows.push(CsvRow { line, fields });
            }
        }
    }
    let Some((header_line, headers)) = header else {
        return Err(ImportError::file(
            path,
            ImportProblem::NoHeader {
                headers: required_headers.iter().map(|h| (*h).to_owned()).collect(),
                rows: HEADER_SEARCH_ROWS,
            },
        ));
    };
    Ok(CsvTable {
        path: path.to_owned(),
        encoding,
        delimiter,
        headers,
        header_line,
        rows,
    })
}

/// The line (1-based) where a quoted field opens that is never closed, if any. As the
/// CSV format has it, a quote opens a quoted field only at the start of a cell; inside
/// one, `""` is a quote and a lone `"` closes it. A quote inside an unquoted cell
/// (`5" PVC`) is text.
fn unterminated_quote_line(text: &str, delimiter: char) -> Option<u64> {
    let mut line = 1u64;
    let mut opened_on = None;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if opened_on.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    opened_on = None;
                }
            }
        } else if c == '"' && at_cell_start {
            opened_on = Some(line);
        }
        at_cell_start = c == delimiter || c == '\n' || (at_cell_start && c == ' ');
        if c == '\n' {
            line += 1;
        }
    }
    opened_on
}

/// The spreadsheet letter of a 0-based column (0 → A, 26 → AA).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter("nom;secteur;commune\n"), b';');
        assert_eq!(detect_delimiter("name,sector\n"), b',');
        assert_eq!(detect_delimiter("name\tsector\n"), b'\t');
        assert_eq!(detect_delimiter("\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter("\n\nnom;secteur\n"), b';');
        assert_eq!(detect_delimiter("nom\n"), b',');
        assert_eq!(detect_delimiter("sep=;\nnom,secteur;commune\n"), b';');
    }

    #[test]
    fn decoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFnom").0, "nom");
        assert_eq!(
            decode("Énergie".as_bytes()),
            ("Énergie".to_owned(), "UTF-8")
        );
        assert_eq!(
            decode(b"\xC9nergie"),
            ("Énergie".to_owned(), "windows-1252")
        );
        assert_eq!(decode(b"\xFF\xFEn\x00o\x00m\x00").0, "nom");
    }
}
