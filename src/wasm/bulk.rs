//! `validateMany`: a JSON array of create bodies checked in one call, for imports of many accounts.
//!
//! The text (a string, or UTF-8 bytes as `fetch` and `FileReader` give them) comes into the
//! module a piece at a time, into one buffer that only a record larger than it makes grow: the
//! module never holds the whole input, nor more than one record as a value. Each record is
//! read in place (`crate::scan::sparse_item`): a clean one is accepted there, another gets the
//! errors of the members the clean check could not pass, checked as `validateCreate` checks
//! them; only a record that read does not take is read whole into a value. JavaScript gets the
//! refused records as text (`crate::results::write_refused`), a batch at a time, and fills in the accepted ones itself: a call
//! crosses the boundary once per piece and per batch, however many records there are, and the
//! module's memory stays at a few hundred kilobytes whatever the size of the import.

use tsify::Ts;
use wasm_bindgen::prelude::*;

use super::validation::options_locale;
use super::{read, types::Options};
use crate::api::json::{self, Mode};
use crate::error::{Code, Issue};
use crate::i18n::Locale;
use crate::results::write_refused;
use crate::rules::RequestKind;

/// How much text of refused records is handed to JavaScript at once.
const BATCH: usize = 32 * 1024;

/// The size of a piece: big enough that the boundary is crossed rarely, small beside any import.
const PIECE: usize = 64 * 1024;

/// The text read so far and not yet consumed: `buf[start..len]`.
struct Pieces {
    buf: Vec<u8>,
    start: usize,
    len: usize,
    end: bool,
}

impl Pieces {
    fn text(&self) -> &str {
        // Every byte up to `len` was written by `read::fill`, whole characters at a time.
        read::utf8(self.buf.get(..self.len).unwrap_or_default())
    }

    /// Reads the next piece after what is unread, moving that to the front first (or, when it
    /// fills the buffer, doubling the buffer). `false` at the end of the text.
    fn more(&mut self) -> bool {
        if self.end {
            return false;
        }
        self.buf.copy_within(self.start..self.len, 0);
        self.len -= self.start;
        self.start = 0;
        if self.buf.len() - self.len < PIECE / 2 {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let room = self.buf.len() - self.len;
        let ptr = self
            .buf
            .get_mut(self.len..)
            .map_or(core::ptr::null_mut(), |b| b.as_mut_ptr());
        let n = read::fill(ptr, u32::try_from(room).unwrap_or(u32::MAX)) as usize;
        self.len += n.min(room);
        self.end = n == 0;
        !self.end
    }

    /// The next byte that is not JSON whitespace, reading on as needed (`None` at the end).
    fn next(&mut self) -> Option<u8> {
        loop {
            let bytes = self.buf.get(self.start..self.len).unwrap_or_default();
            match bytes
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            {
                Some(i) => {
                    self.start += i;
                    return bytes.get(i).copied();
                }
                None => {
                    self.start = self.len;
                    if !self.more() {
                        return None;
                    }
                }
            }
        }
    }
}

/// Hands the refused records in `refused` to JavaScript, and empties it: a batch (`count` -1),
/// or the last, and then the result of the call.
#[inline(never)]
fn hand_over(refused: &mut String, count: i32) -> JsValue {
    let result = read::expand(count, refused);
    refused.clear();
    result
}

/// The records of the array in the text, each checked; the refused ones written to `refused`.
/// The count of records, or `None` when the text is not one JSON array.
fn check_all(pieces: &mut Pieces, locale: Locale, refused: &mut String) -> Option<usize> {
    if pieces.next()? != b'[' {
        return None;
    }
    pieces.start += 1;
    let mut count = 0;
    if pieces.next()? == b']' {
        pieces.start += 1;
    } else {
        // Whether the record now being read did not fit in the buffer: it is then read whole,
        // as the buffer grows, not first in place each time again.
        let mut large = false;
        loop {
            pieces.next()?;
            let at = pieces.start;
            let text = pieces.text();
            // A record is read only once all of it is in the buffer: one that ends where the
            // buffer does may go on in the next piece.
            let whole = |end: usize| end < text.len() || pieces.end;
            // Read in place (see `crate::scan::sparse_item`), or else whole for the exact path.
            let sparse = if large {
                None
            } else {
                crate::scan::sparse_item(text, at, RequestKind::Create)
            };
            let body = match sparse {
                Some((sparse, end)) if whole(end) => Ok((Ok(sparse), end)),
                _ => match json::read_item(text, at, Mode::Js { unsupported: false }) {
                    Ok((value, end)) if whole(end) => Ok((Err(value), end)),
                    // Not JSON, unless it only stopped for want of the rest of the record.
                    Err(stop) if stop + json::CUT_OFF < text.len() || pieces.end => return None,
                    _ => Err(()),
                },
            };
            let Ok((record, end)) = body else {
                if !pieces.more() && !pieces.end {
                    return None;
                }
                large = true;
                continue;
            };
            pieces.start = end;
            large = false;
            let errors = match record {
                Ok(sparse) => crate::validate::sparse_issues(RequestKind::Create, sparse),
                Err(value) => crate::validate::issues_of(RequestKind::Create, value),
            };
            if !errors.is_empty() {
                write_refused(refused, Some(count), &errors, locale);
                // Handed over a batch at a time: the module never holds them all.
                if refused.len() > BATCH {
                    hand_over(refused, -1);
                }
            }
            count += 1;
            match pieces.next()? {
                b',' => pieces.start += 1,
                b']' => {
                    pieces.start += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    pieces.next().is_none().then_some(count)
}

/// Validates every create body in `jsonText`, a JSON array (an import file), in one call.
///
/// Returns one `{ index, ok, errors }` per record, in order. Text that is not JSON, or JSON that
/// is not an array, gives a single record with `index: -1` and a `type` error at path `""`.
/// Throws a `TypeError` when `jsonText` is neither a string nor a `Uint8Array` (UTF-8, read
/// as `TextDecoder` reads it), or `options` is wrong.
#[wasm_bindgen(js_name = validateMany, unchecked_return_type = "BulkRecord[]")]
pub fn validate_many(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array", js_name = jsonText)]
    json_text: JsValue,
    options: Option<Ts<Options>>,
) -> Result<JsValue, JsValue> {
    read::start();
    if !read::open(&json_text) {
        return Err(read::type_error(
            "validateMany expects a string or a Uint8Array",
        ));
    }
    let locale = options_locale(options)?;
    let mut pieces = Pieces {
        buf: vec![0u8; PIECE],
        start: 0,
        len: 0,
        end: false,
    };
    let mut refused = String::new();
    // Bytes that are not UTF-8 are not JSON text: refused whole, never read with U+FFFD.
    match check_all(&mut pieces, locale, &mut refused).filter(|_| !read::malformed()) {
        Some(count) => Ok(hand_over(
            &mut refused,
            i32::try_from(count).unwrap_or(i32::MAX),
        )),
        None => {
            let error = Issue::new("", Code::Type).text("expected", "array");
            let mut record = String::new();
            write_refused(&mut record, None, core::slice::from_ref(&error), locale);
            Ok(read::expand(-2, &record))
        }
    }
}
