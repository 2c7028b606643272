// The sample page's own words in English, Arabic and Indonesian: its header, the task choice, the
// developer panel, loading failures. The form's words are <billing-account-form>'s
// (js/element-text.js); every rule message comes from the library.

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
    created: "The billing account was created successfully: {name} ({id}).",
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
    created: "تم إنشاء حساب الفوترة بنجاح: {name} ({id}).",
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
    created: "Akun penagihan berhasil dibuat: {name} ({id}).",
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
