//! A small CSV reader for files saved from a spreadsheet or an open-data portal: the
//! separator is `;` or `,` (or a tab), chosen from the header line; a byte-order mark is
//! skipped; fields may be quoted, with `""` for a quote and line breaks inside; lines end
//! with LF or CRLF. It never fails: a quote left open runs to the end of the file.

/// One record: the line number where it starts (1 = header) and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Line of the file where the record starts, counting from 1.
    pub line: usize,
    /// Its fields, unquoted.
    pub fields: Vec<String>,
}

/// The separator used by the first line outside quotes: the most frequent of `;`, `,`
/// and tab (`;` on a tie, as French spreadsheets write).
pub fn separator(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[2] > counts[0] && counts[2] > counts[1] {
        '\t'
    } else if counts[1] > counts[0] {
        ','
    } else {
        ';'
    }
}

/// Reads every record of `text`; blank lines are skipped.
pub fn read(text: &str) -> Vec<Row> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator(text);
    let mut rows = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == sep => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                push_row(&mut rows, start_line, std::mem::take(&mut fields));
                line += 1;
                start_line = line;
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        push_row(&mut rows, start_line, fields);
    }
    rows
}

fn push_row(rows: &mut Vec<Row>, line: usize, fields: Vec<String>) {
    if fields.iter().all(|f| f.trim().is_empty()) {
        return;
    }
    rows.push(Row { line, fields });
}

/// The text of a file's bytes: UTF-8 when they are (open-data portals), otherwise
/// Windows-1252, the encoding a French spreadsheet saves "CSV" in.
pub fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// One Windows-1252 byte as a character (the five bytes it leaves undefined are kept as
/// the C1 controls Latin-1 gives them).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}
