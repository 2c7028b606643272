// <billing-account-form>'s own words in English, Arabic and Indonesian: labels, help texts,
// buttons, notices. Every rule message comes from the library; a limit inside a help text is
// filled in from `limits()`. Help texts follow the API reference's wording in each language.

export const LOCALES = ["en", "ar", "id"];

/** Each language named in itself, for the language picker. */
export const LOCALE_NAMES = { en: "English", ar: "العربية", id: "Bahasa Indonesia" };

export const DIRECTION = { en: "ltr", ar: "rtl", id: "ltr" };

const TEXT = {
  en: {
    create: "Create a billing account",
    edit: "Update a billing account",
    accountGroup: "Billing account",
    addressGroup: "Address",
    required: "(required)",
    "label.name": "Name",
    "label.email": "Email",
    "label.phone": "Phone",
    "label.description": "Description",
    "label.currency": "Currency",
    "label.address.country": "Country",
    "label.address.line1": "Address line 1",
    "label.address.line2": "Address line 2",
    "label.address.city": "City",
    "label.address.state": "State or region",
    "label.address.postal_code": "Postal code",
    "help.name": "The name for the new billing account.",
    "help.email": "The primary billing email address.",
    "help.phone": "The billing contact phone number.",
    "help.description": "An optional description for the billing account.",
    "help.currency":
      "The three-letter ISO currency code. If not provided, it will default based on the workspace or system settings.",
    "help.address.country": "The country of the billing address.",
    currencyDefault: "Workspace default",
    countryNone: "No country",
    submitCreate: "Create billing account",
    submitUpdate: "Save changes",
    sending: "Sending…",
    discard: "Discard the draft",
    summaryTitle: "There is a problem",
    summaryIntro: "Correct these fields, then send again:",
    updated: "Changes saved: {name} ({id}).",
    noChanges: "Nothing has changed, so nothing was sent.",
    draftRestored: "Your unsent draft was restored.",
    draftDiscarded: "The draft was discarded.",
    errorPrefix: "Error:",
    warningPrefix: "Warning:",
  },
  ar: {
    create: "إنشاء حساب فوترة",
    edit: "تحديث حساب فوترة",
    accountGroup: "حساب الفوترة",
    addressGroup: "العنوان",
    required: "(مطلوب)",
    "label.name": "الاسم",
    "label.email": "البريد الإلكتروني",
    "label.phone": "الهاتف",
    "label.description": "الوصف",
    "label.currency": "العملة",
    "label.address.country": "الدولة",
    "label.address.line1": "سطر العنوان 1",
    "label.address.line2": "سطر العنوان 2",
    "label.address.city": "المدينة",
    "label.address.state": "الولاية أو المنطقة",
    "label.address.postal_code": "الرمز البريدي",
    "help.name": "اسم حساب الفوترة الجديد.",
    "help.email": "عنوان البريد الإلكتروني الرئيسي للفوترة.",
    "help.phone": "رقم هاتف جهة اتصال الفوترة.",
    "help.description": "وصف اختياري لحساب الفوترة.",
    "help.currency":
      "رمز العملة ISO المكون من ثلاثة أحرف. إذا لم يتم توفيره، سيتم تحديده افتراضيًا بناءً على إعدادات مساحة العمل أو النظام.",
    "help.address.country": "دولة عنوان الفوترة.",
    currencyDefault: "الافتراضي لمساحة العمل",
    countryNone: "بدون دولة",
    submitCreate: "إنشاء حساب الفوترة",
    submitUpdate: "حفظ التغييرات",
    sending: "جارٍ الإرسال…",
    discard: "تجاهل المسودة",
    summaryTitle: "توجد مشكلة",
    summaryIntro: "صحّح هذه الحقول، ثم أرسل مرة أخرى:",
    updated: "تم حفظ التغييرات: {name} ({id}).",
    noChanges: "لم يتغير شيء، لذلك لم يُرسل أي شيء.",
    draftRestored: "تمت استعادة مسودتك غير المرسلة.",
    draftDiscarded: "تم تجاهل المسودة.",
    errorPrefix: "خطأ:",
    warningPrefix: "تنبيه:",
  },
  id: {
    create: "Buat akun penagihan",
    edit: "Perbarui akun penagihan",
    accountGroup: "Akun penagihan",
    addressGroup: "Alamat",
    required: "(wajib)",
    "label.name": "Nama",
    "label.email": "Email",
    "label.phone": "Telepon",
    "label.description": "Deskripsi",
    "label.currency": "Mata uang",
    "label.address.country": "Negara",
    "label.address.line1": "Alamat baris 1",
    "label.address.line2": "Alamat baris 2",
    "label.address.city": "Kota",
    "label.address.state": "Provinsi atau negara bagian",
    "label.address.postal_code": "Kode pos",
    "help.name": "Nama untuk akun penagihan baru.",
    "help.email": "Alamat email penagihan utama.",
    "help.phone": "Nomor telepon kontak penagihan.",
    "help.description": "Deskripsi opsional untuk akun penagihan.",
    "help.currency":
      "Kode mata uang ISO tiga huruf. Jika tidak disediakan, akan default berdasarkan pengaturan workspace atau sistem.",
    "help.address.country": "Negara dari alamat penagihan.",
    currencyDefault: "Bawaan workspace",
    countryNone: "Tanpa negara",
    submitCreate: "Buat akun penagihan",
    submitUpdate: "Simpan perubahan",
    sending: "Mengirim…",
    discard: "Buang draf",
    summaryTitle: "Ada masalah",
    summaryIntro: "Perbaiki kolom berikut, lalu kirim lagi:",
    updated: "Perubahan disimpan: {name} ({id}).",
    noChanges: "Tidak ada yang berubah, jadi tidak ada yang dikirim.",
    draftRestored: "Draf Anda yang belum terkirim telah dipulihkan.",
    draftDiscarded: "Draf telah dibuang.",
    errorPrefix: "Kesalahan:",
    warningPrefix: "Peringatan:",
  },
};

// "Maximum N characters." by the number's plural category: Arabic's noun form follows the
// number (100 حرف, 150 حرفًا, 5 أحرف), as the API reference writes it.
const MAXIMUM = {
  en: { one: "Maximum {n} character.", other: "Maximum {n} characters." },
  ar: {
    one: "حرف واحد كحد أقصى.",
    two: "حرفان كحد أقصى.",
    few: "{n} أحرف كحد أقصى.",
    many: "{n} حرفًا كحد أقصى.",
    other: "{n} حرف كحد أقصى.",
  },
  id: { other: "Maksimal {n} karakter." },
};

// A counter under a field. Arabic is worded "remaining characters: N" so no noun agrees with N.
const LEFT = {
  en: { one: "{n} character left", other: "{n} characters left" },
  ar: { other: "الأحرف المتبقية: {n}" },
  id: { other: "{n} karakter tersisa" },
};
const OVER = {
  en: { one: "{n} character too many", other: "{n} characters too many" },
  ar: { other: "أحرف زائدة: {n}" },
  id: { other: "Kelebihan {n} karakter" },
};

/** Every text key of `locale`, for the tests that check no language misses one. */
export function keys(locale) {
  return Object.keys({ ...TEXT[locale], ...MORE[locale] });
}

/** The page text `key` in `locale`, `{name}` placeholders filled from `params`. */
export function t(locale, key, params = {}) {
  const template = MORE[locale]?.[key] ?? TEXT[locale]?.[key] ?? MORE.en[key] ?? TEXT.en[key] ?? key;
  return fill(template, params);
}

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function plural(locale, forms, n) {
  const category = new Intl.PluralRules(locale).select(n);
  return fill(forms[category] ?? forms.other, { n });
}

/** A field's help text: what it is, then its limit when it has one (`max` from `limits()`). */
export function helpText(locale, path, max) {
  const parts = [];
  const what = MORE[locale]?.["help." + path] ?? TEXT[locale]?.["help." + path] ?? TEXT.en["help." + path];
  if (what) parts.push(what);
  if (typeof max === "number") parts.push(plural(locale, MAXIMUM[locale], max));
  return parts.join(" ");
}

/** The counter under a field: characters left, or how many too many. */
export function counterText(locale, remaining) {
  return remaining >= 0 ? plural(locale, LEFT[locale], remaining) : plural(locale, OVER[locale], -remaining);
}

// The element's notices: loading, API outcomes by kind (rendered from the kind, so a language
// switch re-words them), a create whose outcome is unknown, a full workspace, drafts.
const MORE = {
  en: {
    loading: "Loading the billing-account form…",
    "help.name.edit": "The billing account's name.",
    loadFailed: "The form could not be loaded. Check your connection, then try again.",
    retry: "Try again",
    create: "Create a billing account",
    edit: "Edit billing account",
    "help.currency.create": "It cannot be changed once the account is created.",
    countryPlaceholder: "Type to search",
    useSuggestion: "Use {suggestion}",
    confirmText: "The email address {value} may have a typo: did you mean {suggestion}?",
    keepAndSend: "Keep {value} and send",
    "kind.invalid_input": "Some values need correcting before this can be sent.",
    "kind.validation": "The server refused some values. Correct the marked fields and try again.",
    "kind.unauthorized": "The API token was refused. Check the token this form was given.",
    "kind.forbidden": "This token is not allowed to do this in this workspace.",
    "kind.not_found": "The billing account or workspace was not found.",
    "kind.conflict": "This workspace already has as many billing accounts as its billing mode allows.",
    "kind.rate_limited": "Too many requests. Try again in a moment.",
    "kind.rate_limited.seconds": "Too many requests. Try again in {seconds} seconds.",
    "kind.server": "The server could not complete the request (HTTP {status}). Try again later.",
    "kind.network": "The server could not be reached. Check your connection and try again.",
    "kind.timeout": "The server took too long to answer.",
    "kind.invalid_response": "The server sent an answer that could not be read (HTTP {status}).",
    checking: "The server did not confirm the create. Checking whether the account was made…",
    found: "The server did not confirm the create, but the account was made: {name} ({id}).",
    notFound: "The server did not confirm the create, and the account is not in the workspace yet. It may still appear: check again before creating it.",
    lookupFailed: "The server did not confirm the create, and the workspace could not be checked.",
    openFound: "Open the account that was created",
    checkAgain: "Check again",
    createAnyway: "Create it anyway",
    createdEditing: "Created {name} ({id}). You are now editing this account: saving changes updates it.",
    full: "This workspace already has {count} billing accounts, as many as its billing mode allows ({limit}). Edit an existing one instead:",
    openAccount: "Edit {name} ({id})",
    draftUndo: "Undo",
    newAccount: "Create another account",
    fieldError: "{label}: {message}",
    unexpected: "Something unexpected went wrong. Your input is kept; try again.",
  },
  ar: {
    loading: "جارٍ تحميل نموذج حساب الفوترة…",
    "help.name.edit": "اسم حساب الفوترة.",
    loadFailed: "تعذّر تحميل النموذج. تحقّق من الاتصال، ثم حاول مرة أخرى.",
    retry: "حاول مرة أخرى",
    create: "إنشاء حساب فوترة",
    edit: "تعديل حساب الفوترة",
    "help.currency.create": "لا يمكن تغييرها بعد إنشاء الحساب.",
    countryPlaceholder: "اكتب للبحث",
    useSuggestion: "استخدم {suggestion}",
    confirmText: "قد يحتوي عنوان البريد الإلكتروني {value} على خطأ إملائي: هل تقصد {suggestion}؟",
    keepAndSend: "أبقِ {value} وأرسل",
    "kind.invalid_input": "بعض القيم تحتاج إلى تصحيح قبل الإرسال.",
    "kind.validation": "رفض الخادم بعض القيم. صحّح الحقول المحددة وحاول مرة أخرى.",
    "kind.unauthorized": "تم رفض رمز الوصول. تحقّق من الرمز المُعطى لهذا النموذج.",
    "kind.forbidden": "لا يملك رمز الوصول هذا صلاحية تنفيذ هذا الإجراء في مساحة العمل هذه.",
    "kind.not_found": "لم يتم العثور على حساب الفوترة أو مساحة العمل.",
    "kind.conflict": "تضم مساحة العمل هذه بالفعل أقصى عدد من حسابات الفوترة يسمح به وضع الفوترة الخاص بها.",
    "kind.rate_limited": "طلبات كثيرة جدًا. حاول مرة أخرى بعد قليل.",
    "kind.rate_limited.seconds": "طلبات كثيرة جدًا. حاول مرة أخرى بعد {seconds} ثانية.",
    "kind.server": "تعذّر على الخادم إكمال الطلب (HTTP {status}). حاول مرة أخرى لاحقًا.",
    "kind.network": "تعذّر الوصول إلى الخادم. تحقق من اتصالك وحاول مرة أخرى.",
    "kind.timeout": "استغرق الخادم وقتًا طويلًا للرد.",
    "kind.invalid_response": "أرسل الخادم ردًا تعذّرت قراءته (HTTP {status}).",
    checking: "لم يؤكد الخادم الإنشاء. جارٍ التحقق مما إذا كان الحساب قد أُنشئ…",
    found: "لم يؤكد الخادم الإنشاء، لكن الحساب أُنشئ: {name} ({id}).",
    notFound: "لم يؤكد الخادم الإنشاء، والحساب ليس في مساحة العمل بعد. قد يظهر لاحقًا: تحقّق مرة أخرى قبل إنشائه.",
    lookupFailed: "لم يؤكد الخادم الإنشاء، وتعذّر التحقق من مساحة العمل.",
    openFound: "افتح الحساب الذي أُنشئ",
    checkAgain: "تحقّق مرة أخرى",
    createAnyway: "أنشئه على أي حال",
    createdEditing: "تم إنشاء {name} ({id}). أنت تعدّل هذا الحساب الآن: حفظ التغييرات يحدّثه.",
    full: "تضم مساحة العمل هذه بالفعل {count} من حسابات الفوترة، وهو أقصى ما يسمح به وضع الفوترة ({limit}). عدّل حسابًا موجودًا بدلًا من ذلك:",
    openAccount: "تعديل {name} ({id})",
    draftUndo: "تراجع",
    newAccount: "إنشاء حساب آخر",
    fieldError: "{label}: {message}",
    unexpected: "حدث خطأ غير متوقع. ما أدخلته محفوظ؛ حاول مرة أخرى.",
  },
  id: {
    loading: "Memuat formulir akun penagihan…",
    "help.name.edit": "Nama akun penagihan.",
    loadFailed: "Formulir tidak dapat dimuat. Periksa koneksi, lalu coba lagi.",
    retry: "Coba lagi",
    create: "Buat akun penagihan",
    edit: "Ubah akun penagihan",
    "help.currency.create": "Tidak dapat diubah setelah akun dibuat.",
    countryPlaceholder: "Ketik untuk mencari",
    useSuggestion: "Gunakan {suggestion}",
    confirmText: "Alamat email {value} mungkin salah ketik: maksud Anda {suggestion}?",
    keepAndSend: "Tetap {value} dan kirim",
    "kind.invalid_input": "Beberapa nilai perlu diperbaiki sebelum dapat dikirim.",
    "kind.validation": "Server menolak beberapa nilai. Perbaiki kolom yang ditandai lalu coba lagi.",
    "kind.unauthorized": "Token API ditolak. Periksa token yang diberikan ke formulir ini.",
    "kind.forbidden": "Token ini tidak diizinkan melakukan tindakan ini di workspace ini.",
    "kind.not_found": "Akun penagihan atau workspace tidak ditemukan.",
    "kind.conflict": "Workspace ini sudah memiliki akun penagihan sebanyak yang diizinkan mode penagihannya.",
    "kind.rate_limited": "Terlalu banyak permintaan. Coba lagi sebentar lagi.",
    "kind.rate_limited.seconds": "Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.",
    "kind.server": "Server tidak dapat menyelesaikan permintaan (HTTP {status}). Coba lagi nanti.",
    "kind.network": "Server tidak dapat dihubungi. Periksa koneksi Anda lalu coba lagi.",
    "kind.timeout": "Server terlalu lama menjawab.",
    "kind.invalid_response": "Server mengirim jawaban yang tidak dapat dibaca (HTTP {status}).",
    checking: "Server tidak mengonfirmasi pembuatan. Memeriksa apakah akun sudah dibuat…",
    found: "Server tidak mengonfirmasi pembuatan, tetapi akun sudah dibuat: {name} ({id}).",
    notFound: "Server tidak mengonfirmasi pembuatan, dan akun belum ada di workspace. Akun mungkin masih muncul: periksa lagi sebelum membuatnya.",
    lookupFailed: "Server tidak mengonfirmasi pembuatan, dan workspace tidak dapat diperiksa.",
    openFound: "Buka akun yang sudah dibuat",
    checkAgain: "Periksa lagi",
    createAnyway: "Tetap buat",
    createdEditing: "{name} ({id}) dibuat. Anda sekarang mengubah akun ini: menyimpan perubahan akan memperbaruinya.",
    full: "Workspace ini sudah memiliki {count} akun penagihan, sebanyak yang diizinkan mode penagihannya ({limit}). Ubah akun yang ada:",
    openAccount: "Ubah {name} ({id})",
    draftUndo: "Urungkan",
    newAccount: "Buat akun lain",
    fieldError: "{label}: {message}",
    unexpected: "Terjadi kesalahan tak terduga. Isian Anda tetap tersimpan; coba lagi.",
  },
};
