// The page's own words in English, Arabic and Indonesian: labels, help texts, buttons, notices.
// Page chrome only. Field rules, limits and every validation or API message come from the
// library; a limit inside a help text is filled in from `limits()`.
// Help texts follow the API reference's own wording in each language (shared/seeds/).

export const LOCALES = ["en", "ar", "id"];

/** Each language named in itself, for the language picker. */
export const LOCALE_NAMES = { en: "English", ar: "العربية", id: "Bahasa Indonesia" };

export const DIRECTION = { en: "ltr", ar: "rtl", id: "ltr" };

const TEXT = {
  en: {
    title: "Billing account",
    skip: "Skip to the form",
    intro: "Create a billing account for a workspace, or edit one it already has.",
    language: "Language",
    connection: "Connection",
    baseUrl: "API base URL",
    baseUrlHelp: "Where the billing-accounts API answers.",
    token: "API token",
    tokenHelp: "Your JWT. Kept for this browser tab's session only, never with the draft.",
    workspace: "Workspace",
    workspaceHelp: "The workspace ID (ws_…).",
    timeout: "Timeout in seconds",
    timeoutHelp: "How long to wait for an answer. Empty: the library's default.",
    task: "What do you want to do?",
    create: "Create a billing account",
    edit: "Update a billing account",
    account: "Billing account",
    chooseAccount: "Choose an account…",
    refreshList: "Refresh the list",
    loadingList: "Loading the workspace's billing accounts…",
    noAccounts: "This workspace has no billing accounts yet.",
    loadingAccount: "Loading the billing account…",
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
    created: "The billing account was created successfully: {name} ({id}).",
    updated: "Changes saved: {name} ({id}).",
    noChanges: "Nothing has changed, so nothing was sent.",
    draftRestored: "Your unsent draft was restored.",
    draftDiscarded: "The draft was discarded.",
    errorPrefix: "Error:",
    warningPrefix: "Warning:",
    noClient:
      "This build of the package has no API client (createBillingAccount and the others): the form checks what you type but cannot send it.",
    unexpected: "Something unexpected went wrong. Your input is kept; try again.",
    pickFirst: "Choose a billing account to edit first.",
    bootFailed: "The billing-account form could not be loaded. Check your connection, then try again.",
    retry: "Try again",
    loading: "Loading the billing-account form…",
    developer: "Developer settings",
    developerHelp: "For trying the form against an API: the host page gives these to <billing-account-form>. They are not part of the form.",
    tokenRefused: "This token was refused by the API. Paste a valid token.",
  },
  ar: {
    title: "حساب الفوترة",
    skip: "انتقل إلى النموذج",
    intro: "أنشئ حساب فوترة لمساحة عمل، أو عدّل حسابًا موجودًا فيها.",
    language: "اللغة",
    connection: "الاتصال",
    baseUrl: "عنوان URL الأساسي لواجهة API",
    baseUrlHelp: "العنوان الذي تجيب عليه واجهة حسابات الفوترة.",
    token: "رمز الوصول",
    tokenHelp: "أدخل JWT الخاص بك. يُحفظ لجلسة علامة التبويب هذه فقط، ولا يُحفظ أبدًا مع المسودة.",
    workspace: "مساحة العمل",
    workspaceHelp: "معرّف مساحة العمل (ws_…).",
    timeout: "مهلة الانتظار بالثواني",
    timeoutHelp: "مدة انتظار الرد. اتركها فارغة لاستخدام القيمة الافتراضية للمكتبة.",
    task: "ماذا تريد أن تفعل؟",
    create: "إنشاء حساب فوترة",
    edit: "تحديث حساب فوترة",
    account: "حساب الفوترة",
    chooseAccount: "اختر حسابًا…",
    refreshList: "تحديث القائمة",
    loadingList: "جارٍ تحميل حسابات الفوترة في مساحة العمل…",
    noAccounts: "لا توجد حسابات فوترة في مساحة العمل هذه بعد.",
    loadingAccount: "جارٍ تحميل حساب الفوترة…",
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
    created: "تم إنشاء حساب الفوترة بنجاح: {name} ({id}).",
    updated: "تم حفظ التغييرات: {name} ({id}).",
    noChanges: "لم يتغير شيء، لذلك لم يُرسل أي شيء.",
    draftRestored: "تمت استعادة مسودتك غير المرسلة.",
    draftDiscarded: "تم تجاهل المسودة.",
    errorPrefix: "خطأ:",
    warningPrefix: "تنبيه:",
    noClient:
      "هذا الإصدار من الحزمة لا يتضمن عميل API (مثل createBillingAccount): يتحقق النموذج مما تكتبه لكنه لا يستطيع إرساله.",
    unexpected: "حدث خطأ غير متوقع. ما أدخلته محفوظ؛ حاول مرة أخرى.",
    pickFirst: "اختر أولًا حساب الفوترة الذي تريد تعديله.",
    bootFailed: "تعذّر تحميل نموذج حساب الفوترة. تحقّق من الاتصال، ثم حاول مرة أخرى.",
    retry: "حاول مرة أخرى",
    loading: "جارٍ تحميل نموذج حساب الفوترة…",
    developer: "إعدادات المطوّر",
    developerHelp: "لتجربة النموذج مع واجهة API: تمرّرها الصفحة المضيفة إلى <billing-account-form>. ليست جزءًا من النموذج.",
    tokenRefused: "رفضت واجهة API هذا الرمز. الصق رمزًا صالحًا.",
  },
  id: {
    title: "Akun penagihan",
    skip: "Langsung ke formulir",
    intro: "Buat akun penagihan untuk sebuah workspace, atau ubah akun yang sudah ada.",
    language: "Bahasa",
    connection: "Koneksi",
    baseUrl: "URL dasar API",
    baseUrlHelp: "Alamat tempat API akun penagihan menjawab.",
    token: "Token API",
    tokenHelp: "Masukkan JWT Anda. Hanya disimpan selama sesi tab ini, tidak pernah bersama draf.",
    workspace: "Workspace",
    workspaceHelp: "ID dari workspace (ws_…).",
    timeout: "Batas waktu dalam detik",
    timeoutHelp: "Berapa lama menunggu jawaban. Kosongkan untuk memakai bawaan pustaka.",
    task: "Apa yang ingin Anda lakukan?",
    create: "Buat akun penagihan",
    edit: "Perbarui akun penagihan",
    account: "Akun penagihan",
    chooseAccount: "Pilih akun…",
    refreshList: "Muat ulang daftar",
    loadingList: "Memuat akun penagihan workspace…",
    noAccounts: "Workspace ini belum memiliki akun penagihan.",
    loadingAccount: "Memuat akun penagihan…",
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
    created: "Akun penagihan berhasil dibuat: {name} ({id}).",
    updated: "Perubahan disimpan: {name} ({id}).",
    noChanges: "Tidak ada yang berubah, jadi tidak ada yang dikirim.",
    draftRestored: "Draf Anda yang belum terkirim telah dipulihkan.",
    draftDiscarded: "Draf telah dibuang.",
    errorPrefix: "Kesalahan:",
    warningPrefix: "Peringatan:",
    noClient:
      "Build paket ini tidak memiliki klien API (createBillingAccount dan lainnya): formulir memeriksa isian Anda tetapi tidak dapat mengirimnya.",
    unexpected: "Terjadi kesalahan tak terduga. Isian Anda tetap tersimpan; coba lagi.",
    pickFirst: "Pilih dulu akun penagihan yang ingin diubah.",
    bootFailed: "Formulir akun penagihan tidak dapat dimuat. Periksa koneksi, lalu coba lagi.",
    retry: "Coba lagi",
    loading: "Memuat formulir akun penagihan…",
    developer: "Pengaturan pengembang",
    developerHelp: "Untuk mencoba formulir dengan API: halaman induk memberikannya ke <billing-account-form>. Bukan bagian dari formulir.",
    tokenRefused: "Token ini ditolak oleh API. Tempel token yang valid.",
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
  return Object.keys(TEXT[locale] ?? {});
}

/** The page text `key` in `locale`, `{name}` placeholders filled from `params`. */
export function t(locale, key, params = {}) {
  const template = TEXT[locale]?.[key] ?? TEXT.en[key] ?? key;
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
  const what = TEXT[locale]?.["help." + path] ?? TEXT.en["help." + path];
  if (what) parts.push(what);
  if (typeof max === "number") parts.push(plural(locale, MAXIMUM[locale], max));
  return parts.join(" ");
}

/** The counter under a field: characters left, or how many too many. */
export function counterText(locale, remaining) {
  return remaining >= 0 ? plural(locale, LEFT[locale], remaining) : plural(locale, OVER[locale], -remaining);
}
