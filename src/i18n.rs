//! Messages for every code in English, Arabic and Indonesian, rendered from code and params.

use serde::{Deserialize, Serialize};

use crate::error::{Code, Issue, ParamValue};

/// A language the library speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Ar,
    Id,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Ar, Locale::Id];

    pub fn parse(tag: &str) -> Option<Locale> {
        match tag {
            "en" => Some(Locale::En),
            "ar" => Some(Locale::Ar),
            "id" => Some(Locale::Id),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ar => "ar",
            Locale::Id => "id",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Locale::Ar
    }
}

/// Which wording a code needs, given its params.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Plain,
    /// A suggestion param is present ("use eur").
    Suggestion,
    /// A `type` error where an object was expected.
    Object,
    /// Arabic counts: the noun after a number depends on it (CLDR plural categories).
    ArFew,
    ArMany,
}

/// Arabic's plural category of `n` for a counted noun: few (3–10), many (11–99), else other.
fn arabic_category(n: usize) -> Variant {
    match n % 100 {
        3..=10 => Variant::ArFew,
        11..=99 => Variant::ArMany,
        _ => Variant::Plain,
    }
}

fn variant(locale: Locale, issue: &Issue) -> Variant {
    match issue.code {
        Code::Type if matches!(issue.param("expected"), Some(ParamValue::Text(t)) if t == "object") => {
            Variant::Object
        }
        Code::Currency | Code::Country | Code::UnknownField
            if issue.param("suggestion").is_some() =>
        {
            Variant::Suggestion
        }
        Code::TooLong if locale == Locale::Ar => match issue.param("max") {
            Some(ParamValue::Num(n)) => arabic_category(*n),
            _ => Variant::Plain,
        },
        _ => Variant::Plain,
    }
}

/// The template for a code; `{name}` is replaced by the param `name`.
fn template(locale: Locale, code: Code, v: Variant) -> &'static str {
    use Code as C;
    use Variant as V;
    match locale {
        Locale::En => match (code, v) {
            (C::Required, _) => "This field is required.",
            (C::Type, V::Object) => "Must be an object.",
            (C::Type, _) => "Must be text.",
            (C::TooLong, _) => "At most {max} characters ({length} now).",
            (C::Email, _) => "Enter a valid email address.",
            (C::Currency, V::Suggestion) => "Use \u{201c}{suggestion}\u{201d}: currency codes are lower case.",
            (C::Currency, _) => "Choose one of: {allowed}.",
            (C::Country, V::Suggestion) => "Use \u{201c}{suggestion}\u{201d}: country codes are upper case.",
            (C::Country, _) => "Choose a two-letter ISO 3166-1 country code, such as US.",
            (C::UnknownField, V::Suggestion) => "Unknown field \u{201c}{field}\u{201d}. Did you mean \u{201c}{suggestion}\u{201d}?",
            (C::UnknownField, _) => "Unknown field \u{201c}{field}\u{201d}.",
            (C::Immutable, _) => "This cannot be changed once the billing account exists.",
            (C::Server, _) => "{message}",
            (C::EmailSuggestion, _) => "Did you mean {suggestion}?",
            (C::EmailDotlessDomain, _) => "The domain has no dot: most mail is only delivered to domains like example.com.",
            (C::EmailUnusual, _) => "Valid, but quoted text, comments or IP addresses in an email address are rarely accepted elsewhere.",
        },
        Locale::Ar => match (code, v) {
            (C::Required, _) => "هذا الحقل مطلوب.",
            (C::Type, V::Object) => "يجب أن تكون القيمة كائنًا.",
            (C::Type, _) => "يجب أن تكون القيمة نصًا.",
            (C::TooLong, V::ArFew) => "{max} أحرف كحد أقصى (الحالي: {length}).",
            (C::TooLong, V::ArMany) => "{max} حرفًا كحد أقصى (الحالي: {length}).",
            (C::TooLong, _) => "{max} حرف كحد أقصى (الحالي: {length}).",
            (C::Email, _) => "أدخل عنوان بريد إلكتروني صالحًا.",
            (C::Currency, V::Suggestion) => "استخدم «{suggestion}»: رموز العملات بأحرف صغيرة.",
            (C::Currency, _) => "اختر إحدى العملات المتاحة: {allowed}.",
            (C::Country, V::Suggestion) => "استخدم «{suggestion}»: رموز البلدان بأحرف كبيرة.",
            (C::Country, _) => "اختر رمز بلد من حرفين وفق ISO 3166-1، مثل US.",
            (C::UnknownField, V::Suggestion) => "حقل غير معروف «{field}». هل تقصد «{suggestion}»؟",
            (C::UnknownField, _) => "حقل غير معروف «{field}».",
            (C::Immutable, _) => "لا يمكن تغيير هذا الحقل بعد إنشاء حساب الفوترة.",
            (C::Server, _) => "{message}",
            (C::EmailSuggestion, _) => "هل تقصد {suggestion}؟",
            (C::EmailDotlessDomain, _) => "لا يحتوي النطاق على نقطة: لا يُسلَّم البريد غالبًا إلا إلى نطاقات مثل example.com.",
            (C::EmailUnusual, _) => "العنوان صالح، لكن النص المقتبس أو التعليقات أو عناوين IP في البريد الإلكتروني نادرًا ما تقبلها الأنظمة الأخرى.",
        },
        Locale::Id => match (code, v) {
            (C::Required, _) => "Wajib diisi.",
            (C::Type, V::Object) => "Harus berupa objek.",
            (C::Type, _) => "Harus berupa teks.",
            (C::TooLong, _) => "Maksimal {max} karakter (sekarang {length}).",
            (C::Email, _) => "Masukkan alamat email yang valid.",
            (C::Currency, V::Suggestion) => "Gunakan \u{201c}{suggestion}\u{201d}: kode mata uang ditulis dengan huruf kecil.",
            (C::Currency, _) => "Pilih salah satu: {allowed}.",
            (C::Country, V::Suggestion) => "Gunakan \u{201c}{suggestion}\u{201d}: kode negara ditulis dengan huruf besar.",
            (C::Country, _) => "Pilih kode negara ISO 3166-1 dua huruf, misalnya US.",
            (C::UnknownField, V::Suggestion) => "Kolom \u{201c}{field}\u{201d} tidak dikenal. Maksud Anda \u{201c}{suggestion}\u{201d}?",
            (C::UnknownField, _) => "Kolom \u{201c}{field}\u{201d} tidak dikenal.",
            (C::Immutable, _) => "Tidak dapat diubah setelah akun penagihan dibuat.",
            (C::Server, _) => "{message}",
            (C::EmailSuggestion, _) => "Maksud Anda {suggestion}?",
            (C::EmailDotlessDomain, _) => "Domain tidak memiliki titik: email biasanya hanya terkirim ke domain seperti example.com.",
            (C::EmailUnusual, _) => "Valid, tetapi teks berkutip, komentar, atau alamat IP dalam alamat email jarang diterima sistem lain.",
        },
    }
}

/// The message for `issue` in `locale`.
pub fn message(locale: Locale, issue: &Issue) -> String {
    fill(template(locale, issue.code, variant(locale, issue)), issue)
}

/// `template` with each `{name}` replaced by the param `name` (left as it is when there is none).
fn fill(template: &str, issue: &Issue) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from_brace.find('}') else {
            out.push_str(from_brace);
            return out;
        };
        let name = from_brace.get(1..close).unwrap_or_default();
        match issue.param(name) {
            Some(ParamValue::Num(n)) => out.push_str(&crate::num::usize_text(*n)),
            Some(ParamValue::Text(t)) => out.push_str(t),
            None => out.push_str(from_brace.get(..=close).unwrap_or_default()),
        }
        rest = from_brace.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_params() {
        let issue = Issue::new("name", Code::TooLong)
            .num("max", 100)
            .num("length", 101);
        assert_eq!(
            message(Locale::En, &issue),
            "At most 100 characters (101 now)."
        );
        assert_eq!(
            message(Locale::Id, &issue),
            "Maksimal 100 karakter (sekarang 101)."
        );
        assert_eq!(
            message(Locale::Ar, &issue),
            "100 حرف كحد أقصى (الحالي: 101)."
        );
    }

    #[test]
    fn arabic_counts_agree_with_the_reference_pages() {
        // The Arabic API reference writes "100 حرف" and "150 حرفًا", "50 حرفًا".
        let at = |max| {
            message(
                Locale::Ar,
                &Issue::new("x", Code::TooLong)
                    .num("max", max)
                    .num("length", 0),
            )
        };
        assert!(at(100).starts_with("100 حرف "));
        assert!(at(200).starts_with("200 حرف "));
        assert!(at(150).starts_with("150 حرفًا"));
        assert!(at(50).starts_with("50 حرفًا"));
        assert!(at(255).starts_with("255 حرفًا"));
        assert!(at(5).starts_with("5 أحرف"));
    }

    #[test]
    fn every_code_has_a_message_in_every_locale_with_no_placeholder_left() {
        let full = |code| {
            Issue::new("x", code)
                .num("max", 10)
                .num("length", 11)
                .text("allowed", "usd")
                .text("field", "f")
                .text("message", "m")
                .text("expected", "string")
        };
        for locale in Locale::ALL {
            for code in Code::ALL {
                for issue in [full(code), full(code).text("suggestion", "s")] {
                    let m = message(locale, &issue);
                    assert!(!m.is_empty(), "{locale:?} {code:?}");
                    assert!(
                        !m.contains('{') && !m.contains('}'),
                        "{locale:?} {code:?}: {m}"
                    );
                }
            }
        }
    }

    #[test]
    fn unknown_placeholder_and_stray_brace_are_kept() {
        let issue = Issue::new("x", Code::Server).text("message", "a {b} {c");
        assert_eq!(message(Locale::En, &issue), "a {b} {c");
        assert_eq!(fill("{nope} {", &issue), "{nope} {");
    }
}
