/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-choices.h"
#include "sila-validation.h"

static const SilaChoice genders[] = {
  { "male",   "ذكر",  N_("Male"),   "m|رجل|ذكور" },
  { "female", "أنثى", N_("Female"), "f|امرأة|اناث|انثي" },
};

static const SilaChoice marital_statuses[] = {
  { "single",   "أعزب",  N_("Single"),   "عزباء|غير متزوج|غير متزوجة|unmarried" },
  { "married",  "متزوج", N_("Married"),  "متزوجة" },
  { "divorced", "مطلق",  N_("Divorced"), "مطلقة" },
  { "widowed",  "أرمل",  N_("Widowed"),  "أرملة|widow|widower" },
};

/* The same statuses, in the order above, for a woman: the English is the
 * same and the context gives the Arabic catalogue its feminine forms. */
static const struct {
  const char *arabic;
  const char *english;
} marital_statuses_female[G_N_ELEMENTS (marital_statuses)] = {
  { "عزباء",  NC_("marital status of a woman", "Single") },
  { "متزوجة", NC_("marital status of a woman", "Married") },
  { "مطلقة",  NC_("marital status of a woman", "Divorced") },
  { "أرملة",  NC_("marital status of a woman", "Widowed") },
};

static const SilaChoice nationalities[] = {
  { "sa",        "سعودي",     N_("Saudi"),       "سعودية|السعودية|saudi arabia|ksa" },
  { "ye",        "يمني",      N_("Yemeni"),      "يمنية|اليمن|yemen" },
  { "eg",        "مصري",      N_("Egyptian"),    "مصرية|مصر|egypt" },
  { "sd",        "سوداني",    N_("Sudanese"),    "سودانية|السودان|sudan" },
  { "pk",        "باكستاني",  N_("Pakistani"),   "باكستانية|باكستان|pakistan" },
  { "in",        "هندي",      N_("Indian"),      "هندية|الهند|india" },
  { "bd",        "بنغلاديشي", N_("Bangladeshi"), "بنغلاديشية|بنجلاديشي|بنغلاديش|bangladesh" },
  { "id",        "إندونيسي",  N_("Indonesian"),  "إندونيسية|إندونيسيا|indonesia" },
  { "mm",        "بورمي",     N_("Burmese"),     "بورمية|ميانمار|برماوي|برماوية|myanmar|rohingya" },
  { "ng",        "نيجيري",    N_("Nigerian"),    "نيجيرية|نيجيريا|nigeria" },
  { "td",        "تشادي",     N_("Chadian"),     "تشادية|تشاد|chad" },
  { "af",        "أفغاني",    N_("Afghan"),      "أفغانية|أفغانستان|afghanistan" },
  { "sy",        "سوري",      N_("Syrian"),      "سورية|سوريا|syria" },
  { "jo",        "أردني",     N_("Jordanian"),   "أردنية|الأردن|jordan" },
  { "ps",        "فلسطيني",   N_("Palestinian"), "فلسطينية|فلسطين|palestine" },
  { "et",        "إثيوبي",    N_("Ethiopian"),   "إثيوبية|إثيوبيا|ethiopia" },
  { "er",        "إريتري",    N_("Eritrean"),    "إريترية|إريتريا|eritrea" },
  { "so",        "صومالي",    N_("Somali"),      "صومالية|الصومال|somalia" },
  { "stateless", "بدون",      N_("Stateless"),   "غير محدد الجنسية|بدون جنسية" },
  { "other",     "أخرى",      N_("Other nationality"), "اخري|other|جنسية أخرى" },
};

static const SilaChoice housing[] = {
  { "owned",     "ملك",             N_("Owned"),              "ملك خاص|مملوك" },
  { "rented",    "إيجار",           N_("Rented"),             "مستأجر|rent" },
  { "relatives", "مع الأقارب",      N_("With relatives"),     "عند الأقارب|family" },
  { "charity",   "سكن خيري أو وقف", N_("Charity or endowment housing"), "سكن خيري|وقف|endowment" },
  { "other",     "أخرى",            N_("Other housing"),      "اخري|other" },
};

static const SilaChoice income_sources[] = {
  { "salary",          "راتب",             N_("Salary"),            "أجر|عمل|wage" },
  { "social_security", "الضمان الاجتماعي", N_("Social security"),   "ضمان|الضمان" },
  { "pension",         "معاش تقاعدي",      N_("Pension"),           "تقاعد|معاش" },
  { "citizen_account", "حساب المواطن",     N_("Citizen Account"),   "citizen account program" },
  { "alimony",         "نفقة",             N_("Alimony"),           "maintenance" },
  { "charity",         "مساعدات خيرية",    N_("Charity aid"),       "مساعدات|جمعيات" },
  { "other",           "دخل آخر",          N_("Other income"),      "أخرى|other" },
};

static const SilaChoice relations[] = {
  { "spouse",      "زوج أو زوجة", N_("Spouse"),       "زوج|زوجة|wife|husband" },
  { "son",         "ابن",         N_("Son"),          NULL },
  { "daughter",    "ابنة",        N_("Daughter"),     "بنت" },
  { "father",      "أب",          N_("Father"),       "الأب|والد" },
  { "mother",      "أم",          N_("Mother"),       "الأم|والدة" },
  { "brother",     "أخ",          N_("Brother"),      NULL },
  { "sister",      "أخت",         N_("Sister"),       NULL },
  { "grandchild",  "حفيد",        N_("Grandchild"),   "حفيدة|grandson|granddaughter" },
  { "grandparent", "جد أو جدة",   N_("Grandparent"),  "جد|جدة|grandfather|grandmother" },
  { "other",       "قريب آخر",    N_("Other relative"), "أخرى|other" },
};

static const SilaChoice occupations[] = {
  { "below_school_age", "دون سن الدراسة", N_("Below school age"), "طفل|رضيع|child" },
  { "student",          "طالب",          N_("Student"),          "طالبة|يدرس|تدرس|school" },
  { "employed",         "يعمل",          N_("Working"),          "تعمل|موظف|موظفة|employed" },
  { "unemployed",       "لا يعمل",       N_("Not working"),      "لا تعمل|عاطل|عاطلة|unemployed" },
  { "retired",          "متقاعد",        N_("Retired"),          "متقاعدة" },
  { "homemaker",        "ربة منزل",      N_("Homemaker"),        "housewife" },
  { "unable",           "عاجز عن العمل", N_("Unable to work"),   "عاجزة عن العمل|disabled" },
};

/* Districts (أحياء) of Makkah, west of the Haram first, where the
 * association works; a district typed by hand is kept as typed. */
static const SilaChoice districts[] = {
  { "العمرة",     "العمرة",     N_("Al-Umrah"),       NULL },
  { "الزاهر",     "الزاهر",     N_("Al-Zahir"),       NULL },
  { "التنعيم",    "التنعيم",    N_("Al-Taneem"),      NULL },
  { "الشهداء",    "الشهداء",    N_("Al-Shuhada"),     NULL },
  { "الهجرة",     "الهجرة",     N_("Al-Hijrah"),      NULL },
  { "الروضة",     "الروضة",     N_("Al-Rawdah"),      NULL },
  { "الرصيفة",    "الرصيفة",    N_("Al-Rusaifah"),    NULL },
  { "جرول",       "جرول",       N_("Jarwal"),         NULL },
  { "الحجون",     "الحجون",     N_("Al-Hajun"),       NULL },
  { "العتيبية",   "العتيبية",   N_("Al-Utaybiyah"),   NULL },
  { "ريع ذاخر",   "ريع ذاخر",   N_("Ray Zakhir"),     NULL },
  { "البيبان",    "البيبان",    N_("Al-Biban"),       NULL },
  { "الخالدية",   "الخالدية",   N_("Al-Khalidiyah"),  NULL },
  { "الملاوي",    "الملاوي",    N_("Al-Malawi"),      NULL },
  { "الشبيكة",    "الشبيكة",    N_("Al-Shubaikah"),   NULL },
  { "الهنداوية",  "الهنداوية",  N_("Al-Hindawiyah"),  NULL },
  { "المسفلة",    "المسفلة",    N_("Al-Misfalah"),    NULL },
  { "الكعكية",    "الكعكية",    N_("Al-Kakiyah"),     NULL },
  { "الطندباوي",  "الطندباوي",  N_("Al-Tandabawi"),   NULL },
  { "النكاسة",    "النكاسة",    N_("Al-Nakkasah"),    NULL },
  { "المنصور",    "المنصور",    N_("Al-Mansur"),      NULL },
  { "كدي",        "كدي",        N_("Kudai"),          NULL },
  { "الرصيفة الجنوبية", "الرصيفة الجنوبية", N_("South Al-Rusaifah"), NULL },
  { "أم الجود",   "أم الجود",   N_("Umm Al-Jud"),     NULL },
  { "الزايدي",    "الزايدي",    N_("Al-Zaidi"),       NULL },
  { "العزيزية",   "العزيزية",   N_("Al-Aziziyah"),    NULL },
  { "الششة",      "الششة",      N_("Al-Shisha"),      NULL },
  { "المعابدة",   "المعابدة",   N_("Al-Maabdah"),     NULL },
  { "العوالي",    "العوالي",    N_("Al-Awali"),       NULL },
  { "النسيم",     "النسيم",     N_("Al-Naseem"),      NULL },
  { "الشوقية",    "الشوقية",    N_("Al-Shawqiyah"),   NULL },
  { "الشرائع",    "الشرائع",    N_("Al-Sharaie"),     NULL },
  { "النوارية",   "النوارية",   N_("Al-Nawwariyah"),  NULL },
  { "بطحاء قريش", "بطحاء قريش", N_("Batha Quraysh"),  NULL },
  { "الحمراء",    "الحمراء",    N_("Al-Hamra"),       NULL },
  { "العدل",      "العدل",      N_("Al-Adl"),         NULL },
  { "الراشدية",   "الراشدية",   N_("Al-Rashidiyah"),  NULL },
  { "السبهاني",   "السبهاني",   N_("Al-Sabhani"),     NULL },
  { "الجامعة",    "الجامعة",    N_("Al-Jamiah"),      NULL },
  { "ولي العهد",  "ولي العهد",  N_("Wali Al-Ahd"),    NULL },
  { "العكيشية",   "العكيشية",   N_("Al-Ukayshiyah"),  NULL },
  { "الفيحاء",    "الفيحاء",    N_("Al-Fayha"),       NULL },
  { "الخضراء",    "الخضراء",    N_("Al-Khadra"),      NULL },
  { "الإسكان",    "الإسكان",    N_("Al-Iskan"),       NULL },
  { "جبل النور",  "جبل النور",  N_("Jabal Al-Nour"),  NULL },
  { "الغسالة",    "الغسالة",    N_("Al-Ghassalah"),   NULL },
  { "البحيرات",   "البحيرات",   N_("Al-Buhayrat"),    NULL },
};

static const SilaChoice file_statuses[] = {
  { "active", "نشط",  N_("Active"), "فعال|مفتوح|open" },
  { "closed", "مغلق", N_("Closed"), "مقفل" },
};

static const SilaChoice consents[] = {
  { "given",   "موافقة مسجلة", N_("Consent recorded"),
    "yes|نعم|1|true|موافق|موافقة|agreed|agree" },
  { "pending", "بانتظار التأكيد في التواصل القادم",
    N_("Pending — to be confirmed at the next contact"), "معلق|بانتظار التأكيد|pending" },
};

static const struct {
  const SilaChoice *choices;
  guint             n;
  const char       *required;  /* N_(): message when empty */
} lists[SILA_N_CHOICES] = {
#define LIST(a, msg) { a, G_N_ELEMENTS (a), msg }
  [SILA_CHOICES_GENDER]         = LIST (genders, N_("Choose male or female.")),
  [SILA_CHOICES_MARITAL_STATUS] = LIST (marital_statuses, N_("Choose the marital status.")),
  [SILA_CHOICES_NATIONALITY]    = LIST (nationalities, N_("Choose the nationality.")),
  [SILA_CHOICES_HOUSING]        = LIST (housing, N_("Choose the type of housing.")),
  [SILA_CHOICES_INCOME_SOURCE]  = LIST (income_sources, N_("Choose where the income comes from.")),
  [SILA_CHOICES_RELATION]       = LIST (relations, N_("Choose the relation to the beneficiary.")),
  [SILA_CHOICES_OCCUPATION]     = LIST (occupations, N_("Choose schooling or work.")),
  [SILA_CHOICES_DISTRICT]       = LIST (districts, N_("Choose the district.")),
  [SILA_CHOICES_FILE_STATUS]    = LIST (file_statuses, N_("Choose the status of the file.")),
  [SILA_CHOICES_CONSENT]        = LIST (consents, N_("Record the consent.")),
#undef LIST
};

const SilaChoice *
sila_choices_get (SilaChoices  list,
                  guint       *n_choices)
{
  g_return_val_if_fail (list < SILA_N_CHOICES, NULL);

  if (n_choices != NULL)
    *n_choices = lists[list].n;
  return lists[list].choices;
}

const SilaChoice *
sila_choices_lookup (SilaChoices  list,
                     const char  *code)
{
  g_return_val_if_fail (list < SILA_N_CHOICES, NULL);

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < lists[list].n; i++)
    if (strcmp (lists[list].choices[i].code, code) == 0)
      return &lists[list].choices[i];
  return NULL;
}

const char *
sila_choice_to_display (SilaChoices  list,
                        const char  *code)
{
  const SilaChoice *choice = sila_choices_lookup (list, code);

  return choice != NULL ? _(choice->english) : code;
}

const char *
sila_choice_to_language (SilaChoices  list,
                         const char  *code,
                         gboolean     arabic)
{
  const SilaChoice *choice = sila_choices_lookup (list, code);

  if (choice == NULL)
    return code;
  return arabic ? choice->arabic : choice->english;
}

const char *
sila_marital_status_to_display (const char *code,
                                const char *gender)
{
  if (code != NULL && g_strcmp0 (gender, SILA_GENDER_FEMALE) == 0)
    for (guint i = 0; i < G_N_ELEMENTS (marital_statuses); i++)
      if (strcmp (marital_statuses[i].code, code) == 0)
        return g_dpgettext2 (GETTEXT_PACKAGE, "marital status of a woman",
                             marital_statuses_female[i].english);
  return sila_choice_to_display (SILA_CHOICES_MARITAL_STATUS, code);
}

const char *
sila_marital_status_to_language (const char *code,
                                 const char *gender,
                                 gboolean    arabic)
{
  if (code != NULL && arabic && g_strcmp0 (gender, SILA_GENDER_FEMALE) == 0)
    for (guint i = 0; i < G_N_ELEMENTS (marital_statuses); i++)
      if (strcmp (marital_statuses[i].code, code) == 0)
        return marital_statuses_female[i].arabic;
  return sila_choice_to_language (SILA_CHOICES_MARITAL_STATUS, code, arabic);
}

static gboolean
spelling_matches (const char *spelling,
                  const char *key)
{
  g_autofree char *candidate = sila_arabic_normalize_tokens (spelling);

  return strcmp (candidate, key) == 0;
}

const char *
sila_choices_parse (SilaChoices   list,
                    const char   *text,
                    GError      **error)
{
  g_autofree char *key = NULL;
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (list < SILA_N_CHOICES, NULL);

  key = sila_arabic_normalize_tokens (text != NULL ? text : "");
  /* "حي الزاهر" is the district "الزاهر". */
  if (list == SILA_CHOICES_DISTRICT && g_str_has_prefix (key, "حي "))
    memmove (key, key + strlen ("حي "), strlen (key) - strlen ("حي ") + 1);

  if (key == NULL || *key == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _(lists[list].required));
      return NULL;
    }

  for (guint i = 0; i < lists[list].n; i++)
    {
      const SilaChoice *c = &lists[list].choices[i];

      if (spelling_matches (c->code, key) || spelling_matches (c->arabic, key) ||
          spelling_matches (c->english, key) || spelling_matches (_(c->english), key))
        return c->code;

      if (c->aliases != NULL)
        {
          g_auto(GStrv) aliases = g_strsplit (c->aliases, "|", -1);

          for (guint a = 0; aliases[a] != NULL; a++)
            if (spelling_matches (aliases[a], key))
              return c->code;
        }
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < lists[list].n && i < 12; i++)
    {
      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, _(lists[list].choices[i].english));
    }
  if (lists[list].n > 12)
    g_string_append (names, _(", …"));

  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    /* Translators: the first %s is what was typed, the second the list of
     * choices. */
    g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                 _("“%s” is not one of the choices: %s."), g_strstrip (shown), names->str);
  }
  return NULL;
}
