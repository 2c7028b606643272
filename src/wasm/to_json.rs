//! JSON text from any `Serialize` value, for the shell's results: JavaScript turns it into plain
//! objects with one `JSON.parse`, which is smaller and faster than building them call by call.
//!
//! Numbers are written without the `fmt` machinery: integers exactly, floats only when they are
//! whole numbers below 2^53 (nothing the shell sends has a fraction). Anything else JSON cannot
//! hold (a fraction, NaN, a map key that is not text) is an [`Unrepresentable`] error.

use serde::ser::{self, Serialize};

use crate::api::json::write_string;

/// A value with no JSON form here (see the module doc).
#[derive(Debug)]
pub struct Unrepresentable;

impl core::fmt::Display for Unrepresentable {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("value has no JSON form")
    }
}

impl std::error::Error for Unrepresentable {}

impl ser::Error for Unrepresentable {
    fn custom<T: core::fmt::Display>(_: T) -> Self {
        Unrepresentable
    }
}

/// `value` as JSON text.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut out = String::with_capacity(128);
    write_json(&mut out, value)?;
    Ok(out)
}

/// Appends `value` as JSON text to `out` (which holds part of a value when this fails).
pub fn write_json<T: Serialize + ?Sized>(out: &mut String, value: &T) -> Result {
    value.serialize(Writer { out })
}

/// Appends the decimal digits of `n`, with a minus sign when negative.
fn push_int(out: &mut String, negative: bool, mut n: u64) {
    if negative {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    for &d in digits.get(at..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

type Result<T = ()> = core::result::Result<T, Unrepresentable>;

struct Writer<'a> {
    out: &'a mut String,
}

/// A container being written: `first` until its first element or member.
pub struct Compound<'a> {
    out: &'a mut String,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.comma();
        value.serialize(Writer { out: self.out })
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result {
        self.comma();
        write_string(self.out, key);
        self.out.push(':');
        value.serialize(Writer { out: self.out })
    }

    fn end(self) -> Result {
        self.out.push_str(self.close);
        Ok(())
    }
}

impl<'a> Writer<'a> {
    fn open(self, open: &'static str, close: &'static str) -> Compound<'a> {
        self.out.push_str(open);
        Compound {
            out: self.out,
            first: true,
            close,
        }
    }

    /// `{"variant":` … `}` around an enum variant's content.
    fn tagged(self, variant: &str) -> Compound<'a> {
        self.out.push('{');
        write_string(self.out, variant);
        self.out.push(':');
        Compound {
            out: self.out,
            first: true,
            close: "}}",
        }
    }

    fn raw(self, text: &str) -> Result {
        self.out.push_str(text);
        Ok(())
    }
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Unrepresentable;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.raw(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result {
        push_int(self.out, v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result {
        push_int(self.out, false, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if v.fract() != 0.0 || v.abs() >= EXACT || v.is_nan() {
            return Err(Unrepresentable);
        }
        push_int(self.out, v < 0.0, v.abs() as u64);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_str(self, v: &str) -> Result {
        write_string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut seq = self.open("[", "]");
        for b in v {
            seq.element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.raw("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.raw("null")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.raw("null")
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        let mut c = self.tagged(variant);
        c.close = "}";
        value.serialize(Writer { out: c.out })?;
        c.end()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>> {
        let mut c = self.tagged(variant);
        c.out.push('[');
        c.close = "]}";
        Ok(c)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>> {
        let c = self.tagged(variant);
        c.out.push('{');
        Ok(c)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(KeyWriter { out: self.out })?;
        self.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(Writer { out: self.out })
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// A map key: text (a string or a unit variant's name) and nothing else.
struct KeyWriter<'a> {
    out: &'a mut String,
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unrepresentable;
    type SerializeSeq = ser::Impossible<(), Unrepresentable>;
    type SerializeTuple = ser::Impossible<(), Unrepresentable>;
    type SerializeTupleStruct = ser::Impossible<(), Unrepresentable>;
    type SerializeTupleVariant = ser::Impossible<(), Unrepresentable>;
    type SerializeMap = ser::Impossible<(), Unrepresentable>;
    type SerializeStruct = ser::Impossible<(), Unrepresentable>;
    type SerializeStructVariant = ser::Impossible<(), Unrepresentable>;

    fn serialize_str(self, v: &str) -> Result {
        write_string(self.out, v);
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_i8(self, _: i8) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_i16(self, _: i16) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_i32(self, _: i32) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_i64(self, _: i64) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_u8(self, _: u8) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_u16(self, _: u16) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_u32(self, _: u32) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_u64(self, _: u64) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_f32(self, _: f32) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_f64(self, _: f64) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_char(self, v: char) -> Result {
        let mut buf = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buf))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_none(self) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_unit(self) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        Err(Unrepresentable)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(Unrepresentable)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(Unrepresentable)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Unrepresentable)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unrepresentable)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Unrepresentable)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(Unrepresentable)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unrepresentable)
    }
}
