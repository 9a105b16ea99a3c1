//! The 3.11 location table (`co_linetable`): encoding from per-instruction locations and
//! decoding into `co_positions()`, `co_lines()` and the legacy `co_lnotab`, as CPython does.

/// A source location. Lines and columns are CPython's ints; `None` is CPython's `-1`
/// ("unknown"). `line == None` means "no location" (entry code 15).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    pub line: Option<i32>,
    pub end_line: Option<i32>,
    pub col: Option<i32>,
    pub end_col: Option<i32>,
}

impl Location {
    /// "No location" (what `MAKE_CELL`, `COPY_FREE_VARS` and handler cleanup code carry).
    pub const NONE: Location = Location { line: None, end_line: None, col: None, end_col: None };

    /// A location with all four fields known.
    pub fn new(line: i32, end_line: i32, col: i32, end_col: i32) -> Location {
        Location { line: Some(line), end_line: Some(end_line), col: Some(col), end_col: Some(end_col) }
    }
}

fn raw(v: Option<i32>) -> i32 {
    v.unwrap_or(-1)
}

fn cooked(v: i32) -> Option<i32> {
    (v != -1).then_some(v)
}

/// Entry codes (CPython's `_PyCodeLocationInfoKind`).
const CODE_SHORT0: u8 = 0;
const CODE_ONE_LINE0: u8 = 10;
const CODE_NO_COLUMNS: u8 = 13;
const CODE_LONG: u8 = 14;
const CODE_NONE: u8 = 15;

/// Builds a `co_linetable` (CPython's `assemble_emit_location`/`write_location_info_entry`).
pub struct LineTableEncoder {
    out: Vec<u8>,
    line: i32,
}

impl LineTableEncoder {
    /// Starts a table for a code object whose `co_firstlineno` is `firstlineno`.
    pub fn new(firstlineno: i32) -> LineTableEncoder {
        LineTableEncoder { out: Vec::new(), line: firstlineno }
    }

    /// Adds one instruction of `size` code units (EXTENDED_ARG prefixes + 1 + caches).
    pub fn add(&mut self, size: usize, loc: Location) {
        let mut size = size;
        while size > 8 {
            self.entry(8, loc);
            size -= 8;
        }
        if size > 0 {
            self.entry(size, loc);
        }
    }

    /// The finished table.
    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    fn first_byte(&mut self, code: u8, length: usize) {
        self.out.push(0x80 | (code << 3) | (length as u8 - 1));
    }

    fn varint(&mut self, mut v: u32) {
        while v >= 64 {
            self.out.push(0x40 | (v & 63) as u8);
            v >>= 6;
        }
        self.out.push(v as u8);
    }

    fn svarint(&mut self, v: i32) {
        let u = if v < 0 { (v.unsigned_abs() << 1) | 1 } else { (v as u32) << 1 };
        self.varint(u);
    }

    /// `write_location_info_entry` for one chunk of 1..=8 code units.
    fn entry(&mut self, len: usize, loc: Location) {
        let line = raw(loc.line);
        if line < 0 {
            self.first_byte(CODE_NONE, len);
            return;
        }
        let (end_line, col, end_col) = (raw(loc.end_line), raw(loc.col), raw(loc.end_col));
        let delta = line.wrapping_sub(self.line);
        if col < 0 || end_col < 0 {
            if end_line == line || end_line == -1 {
                self.first_byte(CODE_NO_COLUMNS, len);
                self.svarint(delta);
                self.line = line;
                return;
            }
        } else if end_line == line {
            if delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                self.first_byte(CODE_SHORT0 + (col >> 3) as u8, len);
                self.out.push((((col & 7) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&delta) && col < 128 && end_col < 128 {
                self.first_byte(CODE_ONE_LINE0 + delta as u8, len);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.line = line;
                return;
            }
        }
        self.first_byte(CODE_LONG, len);
        self.svarint(delta);
        self.varint(end_line.wrapping_sub(line) as u32);
        self.varint(col.wrapping_add(1) as u32);
        self.varint(end_col.wrapping_add(1) as u32);
        self.line = line;
    }
}

/// One decoded entry: byte offsets `start..end` of `co_code` and their location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEntry {
    pub start: usize,
    pub end: usize,
    pub loc: Location,
}

/// Reads a table; missing bytes of a truncated table read as 0 (never panics).
struct Cursor<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.table.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    fn varint(&mut self) -> u32 {
        let mut b = self.byte();
        let mut v = u32::from(b & 63);
        let mut shift = 0u32;
        while b & 64 != 0 {
            b = self.byte();
            shift += 6;
            v |= u32::from(b & 63).checked_shl(shift).unwrap_or(0);
        }
        v
    }

    fn svarint(&mut self) -> i32 {
        let u = self.varint();
        let mag = (u >> 1) as i32;
        if u & 1 != 0 {
            -mag
        } else {
            mag
        }
    }
}

/// Decodes every entry with its full location (CPython's `advance_with_locations`).
pub fn decode(table: &[u8], firstlineno: i32) -> Vec<LineEntry> {
    let mut c = Cursor { table, pos: 0 };
    let mut line = firstlineno;
    let mut start = 0usize;
    let mut out = Vec::new();
    while c.pos < table.len() {
        let first = c.byte();
        let code = (first >> 3) & 15;
        let end = start + 2 * (usize::from(first & 7) + 1);
        let (l, el, col, ecol) = match code {
            CODE_NONE => (-1, -1, -1, -1),
            CODE_LONG => {
                line = line.wrapping_add(c.svarint());
                let el = line.wrapping_add(c.varint() as i32);
                let col = (c.varint() as i32).wrapping_sub(1);
                (line, el, col, (c.varint() as i32).wrapping_sub(1))
            }
            CODE_NO_COLUMNS => {
                line = line.wrapping_add(c.svarint());
                (line, line, -1, -1)
            }
            10..=12 => {
                line = line.wrapping_add(i32::from(code - CODE_ONE_LINE0));
                let col = i32::from(c.byte());
                (line, line, col, i32::from(c.byte()))
            }
            _ => {
                let second = i32::from(c.byte());
                let col = (i32::from(code) << 3) | (second >> 4);
                (line, line, col, col + (second & 15))
            }
        };
        let loc = Location { line: cooked(l), end_line: cooked(el), col: cooked(col), end_col: cooked(ecol) };
        out.push(LineEntry { start, end, loc });
        start = end;
    }
    out
}

/// `co_positions()`: one location per code unit covered by the table.
pub fn positions(table: &[u8], firstlineno: i32) -> Vec<Location> {
    decode(table, firstlineno)
        .iter()
        .flat_map(|e| std::iter::repeat_n(e.loc, (e.end - e.start) / 2))
        .collect()
}

/// The line delta of the entry starting at `table[pos]` (CPython's `get_line_delta`).
fn line_delta(table: &[u8], pos: usize) -> i32 {
    let code = (table[pos] >> 3) & 15;
    match code {
        CODE_NO_COLUMNS | CODE_LONG => Cursor { table, pos: pos + 1 }.svarint(),
        11 => 1,
        12 => 2,
        _ => 0,
    }
}

/// The `(start, end, computed_line, line)` ranges of `_PyLineTable_NextAddressRange`, where
/// `line` is `None` for "no location" entries and entries resync on bytes with bit 7 set.
fn address_ranges(table: &[u8], firstlineno: i32) -> Vec<(usize, usize, i32, Option<i32>)> {
    let mut out = Vec::new();
    let (mut pos, mut line, mut end) = (0usize, firstlineno, 0usize);
    while pos < table.len() {
        line = line.wrapping_add(line_delta(table, pos));
        let no_line = table[pos] >> 3 == 0x1f;
        let start = end;
        end += 2 * (usize::from(table[pos] & 7) + 1);
        out.push((start, end, line, (!no_line).then_some(line)));
        pos += 1;
        while pos < table.len() && table[pos] & 0x80 == 0 {
            pos += 1;
        }
    }
    out
}

/// `co_lines()`: `(start, end, line)` per entry, not merged; negative lines are `None`.
pub fn lines(table: &[u8], firstlineno: i32) -> Vec<(usize, usize, Option<i32>)> {
    address_ranges(table, firstlineno)
        .into_iter()
        .map(|(s, e, _, l)| (s, e, l.filter(|&l| l >= 0)))
        .collect()
}

/// `co_lnotab` as 3.11 derives it (`decode_linetable`): (byte delta, line delta) pairs.
pub fn lnotab(table: &[u8], firstlineno: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut offset, mut line) = (0usize, firstlineno);
    for (start, _, computed, _) in address_ranges(table, firstlineno) {
        if computed == line {
            continue;
        }
        let mut bdelta = start as i64 - offset as i64;
        let mut ldelta = i64::from(computed) - i64::from(line);
        while bdelta > 255 {
            out.extend_from_slice(&[255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend_from_slice(&[bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend_from_slice(&[bdelta as u8, 0x80]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend_from_slice(&[bdelta as u8, ldelta as i8 as u8]);
        offset = start;
        line = computed;
    }
    out
}
