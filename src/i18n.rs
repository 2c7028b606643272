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
    /// A `type` error where a JSON array of bodies was expected (`validateMany`'s text).
    Array,
    /// The `unknown_field` error that counts the unknown keys not listed one by one (`more`).
    More,
    /// Arabic counts: the noun after a number depends on it (CLDR plural categories).
    ArFew,
    ArMany,
    /// A `format` error, worded for the value its path names.
    WorkspaceId,
    BillingAccountId,
    Token,
    BaseUrl,
    TimeoutMs,
}

/// Arabic's plural category of `n` for a counted noun: few (3–10), many (11–99), else other.
fn arabic_category(n: usize) -> Variant {
    match n % 100 {
        3..=10 => Variant::ArFew,
        11..=99 => Variant::ArMany,
        _ => Variant::Plain,
    }
}

/// What picks a field message's wording besides its locale and code: its path (a `format`
/// error's), `expected`'s and `max`'s values, and which of `more`, `suggestion` and `length`
/// it has.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape<'a> {
    pub path: &'a str,
    pub expected: Option<&'a str>,
    pub max: Option<usize>,
    pub more: bool,
    pub suggestion: bool,
    pub length: bool,
}

impl<'a> Shape<'a> {
    pub(crate) fn of(issue: &'a Issue) -> Shape<'a> {
        Shape {
            path: &issue.path,
            expected: match issue.param("expected") {
                Some(ParamValue::Text(t)) => Some(t),
                _ => None,
            },
            max: match issue.param("max") {
                Some(ParamValue::Num(n)) => Some(*n),
                _ => None,
            },
            more: issue.param("more").is_some(),
            suggestion: issue.param("suggestion").is_some(),
            length: issue.param("length").is_some(),
        }
    }
}

fn variant(locale: Locale, code: Code, shape: Shape<'_>) -> Variant {
    match code {
        Code::Type => match shape.expected {
            Some("object") => Variant::Object,
            Some("array") => Variant::Array,
            _ => Variant::Plain,
        },
        Code::UnknownField if shape.more => Variant::More,
        Code::Currency | Code::Country | Code::UnknownField if shape.suggestion => {
            Variant::Suggestion
        }
        // Only the client's own values (IDs, the config) get `format`: a wasm that is the
        // validation module alone has no use for their wording.
        Code::Format if !cfg!(all(target_arch = "wasm32", not(feature = "js-client"))) => {
            match shape.path {
                "workspaceId" => Variant::WorkspaceId,
                "billingAccountId" => Variant::BillingAccountId,
                "token" => Variant::Token,
                "baseUrl" => Variant::BaseUrl,
                "timeoutMs" => Variant::TimeoutMs,
                _ => Variant::Plain,
            }
        }
        Code::TooLong if locale == Locale::Ar => match shape.max {
            Some(n) => arabic_category(n),
            None => Variant::Plain,
        },
        _ => Variant::Plain,
    }
}

/// The template for a code; `{name}` is replaced by the param `name`.
///
/// `without_length`: a `too_long` the server reported, which says the limit but not the length.
fn template(locale: Locale, code: Code, v: Variant, without_length: bool) -> &'static str {
    use Code as C;
    use Variant as V;
    match locale {
        Locale::En => match (code, v) {
            (C::Required, _) => "This field is required.",
            (C::Type, V::Object) => "Must be an object.",
            (C::Type, V::Array) => "Must be JSON text holding an array of billing accounts.",
            (C::Type, _) => "Must be text.",
            (C::TooLong, _) if without_length => "At most {max} characters.",
            (C::TooLong, _) => "At most {max} characters ({length} now).",
            (C::Email, _) => "Enter a valid email address.",
            (C::Currency, V::Suggestion) => "Use \u{201c}{suggestion}\u{201d}: currency codes are lower case.",
            (C::Currency, _) => "Choose one of: {allowed}.",
            (C::Country, V::Suggestion) => "Use \u{201c}{suggestion}\u{201d}: country codes are upper case.",
            (C::Country, _) => "Choose a two-letter ISO 3166-1 country code, such as US.",
            (C::UnknownField, V::More) => "And {more} more unknown fields.",
            (C::UnknownField, V::Suggestion) => "Unknown field \u{201c}{field}\u{201d}. Did you mean \u{201c}{suggestion}\u{201d}?",
            (C::UnknownField, _) => "Unknown field \u{201c}{field}\u{201d}.",
            (C::Immutable, _) => "This cannot be changed once the billing account exists.",
            (C::Server, _) => "{message}",
            (C::Format, V::WorkspaceId) => "Enter a workspace ID: \u{201c}ws_\u{201d} followed by letters and digits, such as ws_a1b2c3d4e5f6g7h8.",
            (C::Format, V::BillingAccountId) => "Enter a billing account ID: \u{201c}cus_\u{201d} followed by letters and digits, such as cus_a1b2c3d4e5f6g7h8.",
            (C::Format, V::Token) => "The token may contain only visible ASCII characters: no spaces, line breaks or control characters.",
            (C::Format, V::BaseUrl) => "Enter an http or https address without user name, password, query or fragment, such as https://v1.api.altostrat.io.",
            (C::Format, V::TimeoutMs) => "Enter a whole number of milliseconds from 1 to 2147483647.",
            (C::Format, _) => "This value is not in the expected format.",
            (C::EmailSuggestion, _) => "Did you mean {suggestion}?",
            (C::EmailDotlessDomain, _) => "The domain has no dot: most mail is only delivered to domains like example.com.",
            (C::EmailUnusual, _) => "Valid, but quoted text, comments or IP addresses in an email address are rarely accepted elsewhere.",
        },
        Locale::Ar => match (code, v) {
            (C::Required, _) => "هذا الحقل مطلوب.",
            (C::Type, V::Object) => "يجب أن تكون القيمة كائنًا.",
            (C::Type, V::Array) => "يجب أن يكون النص بصيغة JSON ويحتوي على مصفوفة من حسابات الفوترة.",
            (C::Type, _) => "يجب أن تكون القيمة نصًا.",
            (C::TooLong, V::ArFew) if without_length => "{max} أحرف كحد أقصى.",
            (C::TooLong, V::ArMany) if without_length => "{max} حرفًا كحد أقصى.",
            (C::TooLong, _) if without_length => "{max} حرف كحد أقصى.",
            (C::TooLong, V::ArFew) => "{max} أحرف كحد أقصى (الحالي: {length}).",
            (C::TooLong, V::ArMany) => "{max} حرفًا كحد أقصى (الحالي: {length}).",
            (C::TooLong, _) => "{max} حرف كحد أقصى (الحالي: {length}).",
            (C::Email, _) => "أدخل عنوان بريد إلكتروني صالحًا.",
            (C::Currency, V::Suggestion) => "استخدم «{suggestion}»: رموز العملات بأحرف صغيرة.",
            (C::Currency, _) => "اختر إحدى العملات المتاحة: {allowed}.",
            (C::Country, V::Suggestion) => "استخدم «{suggestion}»: رموز البلدان بأحرف كبيرة.",
            (C::Country, _) => "اختر رمز بلد من حرفين وفق ISO 3166-1، مثل US.",
            (C::UnknownField, V::More) => "حقول أخرى غير معروفة: {more}.",
            (C::UnknownField, V::Suggestion) => "حقل غير معروف «{field}». هل تقصد «{suggestion}»؟",
            (C::UnknownField, _) => "حقل غير معروف «{field}».",
            (C::Immutable, _) => "لا يمكن تغيير هذا الحقل بعد إنشاء حساب الفوترة.",
            (C::Server, _) => "{message}",
            (C::Format, V::WorkspaceId) => "أدخل معرّف مساحة العمل: «ws_» متبوعًا بأحرف وأرقام، مثل ws_a1b2c3d4e5f6g7h8.",
            (C::Format, V::BillingAccountId) => "أدخل معرّف حساب الفوترة: «cus_» متبوعًا بأحرف وأرقام، مثل cus_a1b2c3d4e5f6g7h8.",
            (C::Format, V::Token) => "يجب ألا يحتوي رمز الوصول إلا على أحرف ASCII مرئية: بلا مسافات أو فواصل أسطر أو أحرف تحكم.",
            (C::Format, V::BaseUrl) => "أدخل عنوان http أو https بلا اسم مستخدم أو كلمة مرور أو استعلام أو جزء، مثل https://v1.api.altostrat.io.",
            (C::Format, V::TimeoutMs) => "أدخل عددًا صحيحًا من أجزاء الألف من الثانية بين 1 و2147483647.",
            (C::Format, _) => "القيمة ليست بالتنسيق المتوقع.",
            (C::EmailSuggestion, _) => "هل تقصد {suggestion}؟",
            (C::EmailDotlessDomain, _) => "لا يحتوي النطاق على نقطة: لا يُسلَّم البريد غالبًا إلا إلى نطاقات مثل example.com.",
            (C::EmailUnusual, _) => "العنوان صالح، لكن النص المقتبس أو التعليقات أو عناوين IP في البريد الإلكتروني نادرًا ما تقبلها الأنظمة الأخرى.",
        },
        Locale::Id => match (code, v) {
            (C::Required, _) => "Wajib diisi.",
            (C::Type, V::Object) => "Harus berupa objek.",
            (C::Type, V::Array) => "Harus berupa teks JSON berisi larik akun penagihan.",
            (C::Type, _) => "Harus berupa teks.",
            (C::TooLong, _) if without_length => "Maksimal {max} karakter.",
            (C::TooLong, _) => "Maksimal {max} karakter (sekarang {length}).",
            (C::Email, _) => "Masukkan alamat email yang valid.",
            (C::Currency, V::Suggestion) => "Gunakan \u{201c}{suggestion}\u{201d}: kode mata uang ditulis dengan huruf kecil.",
            (C::Currency, _) => "Pilih salah satu: {allowed}.",
            (C::Country, V::Suggestion) => "Gunakan \u{201c}{suggestion}\u{201d}: kode negara ditulis dengan huruf besar.",
            (C::Country, _) => "Pilih kode negara ISO 3166-1 dua huruf, misalnya US.",
            (C::UnknownField, V::More) => "Dan {more} kolom lain yang tidak dikenal.",
            (C::UnknownField, V::Suggestion) => "Kolom \u{201c}{field}\u{201d} tidak dikenal. Maksud Anda \u{201c}{suggestion}\u{201d}?",
            (C::UnknownField, _) => "Kolom \u{201c}{field}\u{201d} tidak dikenal.",
            (C::Immutable, _) => "Tidak dapat diubah setelah akun penagihan dibuat.",
            (C::Server, _) => "{message}",
            (C::Format, V::WorkspaceId) => "Masukkan ID workspace: \u{201c}ws_\u{201d} diikuti huruf dan angka, misalnya ws_a1b2c3d4e5f6g7h8.",
            (C::Format, V::BillingAccountId) => "Masukkan ID akun penagihan: \u{201c}cus_\u{201d} diikuti huruf dan angka, misalnya cus_a1b2c3d4e5f6g7h8.",
            (C::Format, V::Token) => "Token hanya boleh berisi karakter ASCII yang terlihat: tanpa spasi, baris baru, atau karakter kontrol.",
            (C::Format, V::BaseUrl) => "Masukkan alamat http atau https tanpa nama pengguna, kata sandi, kueri, atau fragmen, misalnya https://v1.api.altostrat.io.",
            (C::Format, V::TimeoutMs) => "Masukkan bilangan bulat milidetik dari 1 sampai 2147483647.",
            (C::Format, _) => "Nilai tidak sesuai format yang diharapkan.",
            (C::EmailSuggestion, _) => "Maksud Anda {suggestion}?",
            (C::EmailDotlessDomain, _) => "Domain tidak memiliki titik: email biasanya hanya terkirim ke domain seperti example.com.",
            (C::EmailUnusual, _) => "Valid, tetapi teks berkutip, komentar, atau alamat IP dalam alamat email jarang diterima sistem lain.",
        },
    }
}

/// The message for `issue` in `locale`.
///
/// Empty in a wasm that is the API client's alone, but for `format` (its own values' wording):
/// the validation module renders the client's other field errors (`src/wasm/messages.rs`), so
/// the client carries no copy of this table.
pub fn message(locale: Locale, issue: &Issue) -> String {
    if cfg!(all(target_arch = "wasm32", not(feature = "js-validation")))
        && issue.code != Code::Format
    {
        return String::new();
    }
    fill(issue_template(locale, issue), &issue.params)
}

/// The template of `issue`'s message in `locale`, its `{name}` placeholders unfilled: what
/// [`message`] fills in.
pub fn issue_template(locale: Locale, issue: &Issue) -> &'static str {
    field_template(locale, issue.code, Shape::of(issue))
}

/// The template of a field message, its `{name}` placeholders unfilled.
pub fn field_template(locale: Locale, code: Code, shape: Shape<'_>) -> &'static str {
    template(locale, code, variant(locale, code, shape), !shape.length)
}

/// Every parameter name a message reads or an issue carries, as the `'static` key an
/// [`Issue`] holds: `None` for any other name.
pub fn param_name(name: &str) -> Option<&'static str> {
    [
        "max",
        "length",
        "more",
        "allowed",
        "expected",
        "field",
        "message",
        "suggestion",
    ]
    .into_iter()
    .find(|k| *k == name)
}

fn param<'a>(params: &'a [(&'static str, ParamValue)], key: &str) -> Option<&'a ParamValue> {
    params.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// `template` with each `{name}` replaced by the param `name` (left as it is when there is none).
fn fill(template: &str, params: &[(&'static str, ParamValue)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // `split_once`, not `split_at`: no slicing that could panic, so no panic message in the wasm.
    while let Some((before, after_brace)) = rest.split_once('{') {
        out.push_str(before);
        let Some((name, after)) = after_brace.split_once('}') else {
            out.push('{');
            out.push_str(after_brace);
            return out;
        };
        match param(params, name) {
            Some(ParamValue::Num(n)) => out.push_str(&crate::num::usize_text(*n)),
            Some(ParamValue::Text(t)) => out.push_str(t),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Which message an API error carries: its kind, and the wording that kind needs here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiMessage {
    InvalidInput,
    Validation,
    Unauthorized,
    Forbidden,
    /// A get or update named an account the workspace does not have.
    AccountNotFound,
    /// A create or list named a workspace the token cannot see.
    WorkspaceNotFound,
    /// A create refused because the workspace's billing mode allows no more accounts.
    AccountLimit,
    Conflict,
    /// `seconds` is 0 when the server did not say how long to wait.
    RateLimited {
        seconds: u32,
    },
    Server {
        status: u16,
    },
    Network,
    Timeout,
    /// The caller cancelled the request (its `AbortSignal`).
    Aborted,
    InvalidResponse {
        status: u16,
    },
}

/// The counted noun "second" in Arabic after `n`, which depends on `n` (CLDR plural categories).
fn arabic_seconds(n: u32) -> &'static str {
    match (n, n % 100) {
        (1, _) => "حاول مرة أخرى بعد ثانية واحدة.",
        (2, _) => "حاول مرة أخرى بعد ثانيتين.",
        (_, 3..=10) => "حاول مرة أخرى بعد {seconds} ثوانٍ.",
        (_, 11..=99) => "حاول مرة أخرى بعد {seconds} ثانيةً.",
        _ => "حاول مرة أخرى بعد {seconds} ثانية.",
    }
}

fn api_template(locale: Locale, m: ApiMessage) -> (&'static str, &'static str) {
    use ApiMessage as M;
    // (message, a second sentence where one is needed: the retry hint of `rate_limited`)
    match locale {
        Locale::En => match m {
            M::InvalidInput => ("Some values need correcting before this can be sent.", ""),
            M::Validation => ("The server refused some values. Correct the marked fields and try again.", ""),
            M::Unauthorized => ("The API token was refused. Sign in again or check the token.", ""),
            M::Forbidden => ("This token is not allowed to do this in this workspace.", ""),
            M::AccountNotFound => ("The billing account was not found in this workspace.", ""),
            M::WorkspaceNotFound => ("The workspace was not found.", ""),
            M::AccountLimit => ("This workspace already has as many billing accounts as its billing mode allows.", ""),
            M::Conflict => ("The request conflicts with the billing account\u{2019}s current state. Reload it and try again.", ""),
            M::RateLimited { seconds: 0 } => ("Too many requests.", " Try again in a moment."),
            M::RateLimited { seconds: 1 } => ("Too many requests.", " Try again in 1 second."),
            M::RateLimited { .. } => ("Too many requests.", " Try again in {seconds} seconds."),
            M::Server { .. } => ("The server could not complete the request (HTTP {status}). Try again later.", ""),
            M::Network => ("The server could not be reached. Check your connection and try again.", ""),
            M::Timeout => ("The server took too long to answer. Try again.", ""),
            M::Aborted => ("The request was cancelled.", ""),
            M::InvalidResponse { .. } => ("The server sent an answer that could not be read (HTTP {status}).", ""),
        },
        Locale::Ar => match m {
            M::InvalidInput => ("بعض القيم تحتاج إلى تصحيح قبل الإرسال.", ""),
            M::Validation => ("رفض الخادم بعض القيم. صحّح الحقول المحددة وحاول مرة أخرى.", ""),
            M::Unauthorized => ("تم رفض رمز الوصول. سجّل الدخول مرة أخرى أو تحقق من الرمز.", ""),
            M::Forbidden => ("لا يملك رمز الوصول هذا صلاحية تنفيذ هذا الإجراء في مساحة العمل هذه.", ""),
            M::AccountNotFound => ("لم يتم العثور على حساب الفوترة في مساحة العمل هذه.", ""),
            M::WorkspaceNotFound => ("لم يتم العثور على مساحة العمل.", ""),
            M::AccountLimit => ("تضم مساحة العمل هذه بالفعل أقصى عدد من حسابات الفوترة يسمح به وضع الفوترة الخاص بها.", ""),
            M::Conflict => ("يتعارض الطلب مع الحالة الحالية لحساب الفوترة. أعد تحميله وحاول مرة أخرى.", ""),
            M::RateLimited { seconds: 0 } => ("طلبات كثيرة جدًا.", " حاول مرة أخرى بعد قليل."),
            M::RateLimited { seconds } => ("طلبات كثيرة جدًا. ", arabic_seconds(seconds)),
            M::Server { .. } => ("تعذّر على الخادم إكمال الطلب (HTTP {status}). حاول مرة أخرى لاحقًا.", ""),
            M::Network => ("تعذّر الوصول إلى الخادم. تحقق من اتصالك وحاول مرة أخرى.", ""),
            M::Timeout => ("استغرق الخادم وقتًا طويلًا للرد. حاول مرة أخرى.", ""),
            M::Aborted => ("تم إلغاء الطلب.", ""),
            M::InvalidResponse { .. } => ("أرسل الخادم ردًا تعذّرت قراءته (HTTP {status}).", ""),
        },
        Locale::Id => match m {
            M::InvalidInput => ("Beberapa nilai perlu diperbaiki sebelum dapat dikirim.", ""),
            M::Validation => ("Server menolak beberapa nilai. Perbaiki kolom yang ditandai lalu coba lagi.", ""),
            M::Unauthorized => ("Token API ditolak. Masuk kembali atau periksa token.", ""),
            M::Forbidden => ("Token ini tidak diizinkan melakukan tindakan ini di workspace ini.", ""),
            M::AccountNotFound => ("Akun penagihan tidak ditemukan di workspace ini.", ""),
            M::WorkspaceNotFound => ("Workspace tidak ditemukan.", ""),
            M::AccountLimit => ("Workspace ini sudah memiliki jumlah akun penagihan terbanyak yang diizinkan mode penagihannya.", ""),
            M::Conflict => ("Permintaan bertentangan dengan keadaan akun penagihan saat ini. Muat ulang lalu coba lagi.", ""),
            M::RateLimited { seconds: 0 } => ("Terlalu banyak permintaan.", " Coba lagi sebentar lagi."),
            M::RateLimited { .. } => ("Terlalu banyak permintaan.", " Coba lagi dalam {seconds} detik."),
            M::Server { .. } => ("Server tidak dapat menyelesaikan permintaan (HTTP {status}). Coba lagi nanti.", ""),
            M::Network => ("Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.", ""),
            M::Timeout => ("Server terlalu lama menjawab. Coba lagi.", ""),
            M::Aborted => ("Permintaan dibatalkan.", ""),
            M::InvalidResponse { .. } => ("Server mengirim jawaban yang tidak dapat dibaca (HTTP {status}).", ""),
        },
    }
}

/// The message of an API error in `locale`.
pub fn api_message(locale: Locale, m: ApiMessage) -> String {
    let params = match m {
        ApiMessage::RateLimited { seconds } => {
            vec![("seconds", ParamValue::Num(seconds as usize))]
        }
        ApiMessage::Server { status } | ApiMessage::InvalidResponse { status } => {
            vec![("status", ParamValue::Num(usize::from(status)))]
        }
        _ => Vec::new(),
    };
    let (first, second) = api_template(locale, m);
    let mut out = fill(first, &params);
    out.push_str(&fill(second, &params));
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
                let with_suggestion = full(code).text("suggestion", "s");
                let more = message(locale, &Issue::new("x", Code::UnknownField).num("more", 3));
                assert!(
                    more.contains('3') && !more.contains('{'),
                    "{locale:?}: {more}"
                );
                // An email suggestion always names the suggested address.
                let issues = if code == Code::EmailSuggestion {
                    vec![with_suggestion]
                } else {
                    vec![full(code), with_suggestion]
                };
                for issue in issues {
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
        assert_eq!(fill("{nope} {", &issue.params), "{nope} {");
    }

    #[test]
    fn a_limit_the_server_reported_is_worded_without_a_length() {
        let issue = Issue::new("name", Code::TooLong).num("max", 100);
        assert_eq!(message(Locale::En, &issue), "At most 100 characters.");
        assert_eq!(message(Locale::Id, &issue), "Maksimal 100 karakter.");
        assert_eq!(message(Locale::Ar, &issue), "100 حرف كحد أقصى.");
        let line = Issue::new("address.city", Code::TooLong).num("max", 255);
        assert_eq!(message(Locale::Ar, &line), "255 حرفًا كحد أقصى.");
    }

    #[test]
    fn format_errors_name_the_value_they_are_about() {
        for (path, en) in [
            ("workspaceId", "ws_a1b2c3d4e5f6g7h8"),
            ("billingAccountId", "cus_a1b2c3d4e5f6g7h8"),
            ("token", "line breaks"),
            ("baseUrl", "https://v1.api.altostrat.io"),
            ("timeoutMs", "2147483647"),
        ] {
            let issue = Issue::new(path, Code::Format);
            assert!(message(Locale::En, &issue).contains(en), "{path}");
            for locale in Locale::ALL {
                assert_ne!(
                    message(locale, &issue),
                    message(locale, &Issue::new("other", Code::Format))
                );
            }
        }
    }

    #[test]
    fn every_api_message_is_filled_in_every_locale() {
        use ApiMessage as M;
        let all = [
            M::InvalidInput,
            M::Validation,
            M::Unauthorized,
            M::Forbidden,
            M::AccountNotFound,
            M::WorkspaceNotFound,
            M::AccountLimit,
            M::Conflict,
            M::RateLimited { seconds: 0 },
            M::RateLimited { seconds: 1 },
            M::RateLimited { seconds: 2 },
            M::RateLimited { seconds: 7 },
            M::RateLimited { seconds: 30 },
            M::RateLimited { seconds: 120 },
            M::Server { status: 503 },
            M::Network,
            M::Timeout,
            M::Aborted,
            M::InvalidResponse { status: 200 },
        ];
        for locale in Locale::ALL {
            let mut seen = Vec::new();
            for m in all {
                let text = api_message(locale, m);
                assert!(!text.is_empty() && !text.contains('{'), "{locale:?} {m:?}");
                assert!(!seen.contains(&text), "{locale:?} {m:?} repeats {text}");
                seen.push(text);
            }
        }
        assert_eq!(
            api_message(Locale::En, M::RateLimited { seconds: 30 }),
            "Too many requests. Try again in 30 seconds."
        );
        assert_eq!(
            api_message(Locale::Ar, M::RateLimited { seconds: 5 }),
            "طلبات كثيرة جدًا. حاول مرة أخرى بعد 5 ثوانٍ."
        );
        assert_eq!(
            api_message(Locale::Ar, M::RateLimited { seconds: 30 }),
            "طلبات كثيرة جدًا. حاول مرة أخرى بعد 30 ثانيةً."
        );
        assert_eq!(
            api_message(Locale::Id, M::Server { status: 502 }),
            "Server tidak dapat menyelesaikan permintaan (HTTP 502). Coba lagi nanti."
        );
    }
}
