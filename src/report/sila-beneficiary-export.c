/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-beneficiary-export.h"
#include "sila-channel.h"
#include "sila-choices.h"
#include "sila-i18n.h"
#include "sila-phone.h"
#include "sila-policy.h"
#include "sila-store-beneficiaries.h"
#include "sila-workbook.h"

enum {
  COL_FILE_NUMBER,
  COL_NATIONAL_ID,
  COL_ID_TYPE,
  COL_NAME,
  COL_GENDER,
  COL_BIRTH,
  COL_BIRTH_HIJRI,
  COL_NATIONALITY,
  COL_MARITAL,
  COL_PHONE,
  COL_OTHER_PHONES,
  COL_DISTRICT,
  COL_ADDRESS,
  COL_SEGMENT,
  COL_HOUSEHOLD,
  COL_INCOME,
  COL_HOUSING,
  COL_RENT,
  COL_CONSENT,
  COL_CONSENT_AT,
  COL_STATUS,
  N_COLUMNS
};

static const struct {
  const char     *header;
  double          width;
  SilaColumnKind  kind;
} file_columns[N_COLUMNS] = {
  [COL_FILE_NUMBER]  = { NC_("register column", "File number"),        10, SILA_COLUMN_NUMBER },
  [COL_NATIONAL_ID]  = { NC_("register column", "National ID"),        14, SILA_COLUMN_ID },
  [COL_ID_TYPE]      = { NC_("register column", "ID type"),            14, SILA_COLUMN_TEXT },
  [COL_NAME]         = { NC_("register column", "Name"),               34, SILA_COLUMN_TEXT },
  [COL_GENDER]       = { NC_("register column", "Gender"),              8, SILA_COLUMN_TEXT },
  [COL_BIRTH]        = { NC_("register column", "Birth date"),         12, SILA_COLUMN_DATE },
  [COL_BIRTH_HIJRI]  = { NC_("register column", "Birth date (Hijri)"), 12, SILA_COLUMN_ID },
  [COL_NATIONALITY]  = { NC_("register column", "Nationality"),        12, SILA_COLUMN_TEXT },
  [COL_MARITAL]      = { NC_("register column", "Marital status"),     12, SILA_COLUMN_TEXT },
  [COL_PHONE]        = { NC_("register column", "Phone"),              15, SILA_COLUMN_ID },
  [COL_OTHER_PHONES] = { NC_("register column", "Other phones"),       18, SILA_COLUMN_ID },
  [COL_DISTRICT]     = { NC_("register column", "District"),           14, SILA_COLUMN_TEXT },
  [COL_ADDRESS]      = { NC_("register column", "Address"),            24, SILA_COLUMN_TEXT },
  [COL_SEGMENT]      = { NC_("register column", "Segment"),            18, SILA_COLUMN_TEXT },
  [COL_HOUSEHOLD]    = { NC_("register column", "Household members"),  10, SILA_COLUMN_INTEGER },
  [COL_INCOME]       = { NC_("register column", "Monthly income"),     14, SILA_COLUMN_MONEY },
  [COL_HOUSING]      = { NC_("register column", "Housing"),            14, SILA_COLUMN_TEXT },
  [COL_RENT]         = { NC_("register column", "Yearly rent"),        14, SILA_COLUMN_MONEY },
  [COL_CONSENT]      = { NC_("register column", "Consent"),            20, SILA_COLUMN_TEXT },
  [COL_CONSENT_AT]   = { NC_("register column", "Consent date"),       12, SILA_COLUMN_DATE },
  [COL_STATUS]       = { NC_("register column", "Status"),             10, SILA_COLUMN_TEXT },
};

enum {
  MEM_FILE_NUMBER,
  MEM_NAME,
  MEM_RELATION,
  MEM_ID,
  MEM_BIRTH,
  MEM_GENDER,
  MEM_OCCUPATION,
  MEM_HEALTH,
  N_MEMBER_COLUMNS
};

G_STATIC_ASSERT ((int)N_MEMBER_COLUMNS <= (int)N_COLUMNS);

static const struct {
  const char     *header;
  double          width;
  SilaColumnKind  kind;
} member_columns[N_MEMBER_COLUMNS] = {
  [MEM_FILE_NUMBER] = { NC_("register column", "File number"),       10, SILA_COLUMN_NUMBER },
  [MEM_NAME]        = { NC_("register column", "Name"),              30, SILA_COLUMN_TEXT },
  [MEM_RELATION]    = { NC_("register column", "Relation"),          14, SILA_COLUMN_TEXT },
  [MEM_ID]          = { NC_("register column", "ID number"),         14, SILA_COLUMN_ID },
  [MEM_BIRTH]       = { NC_("register column", "Birth date"),        12, SILA_COLUMN_DATE },
  [MEM_GENDER]      = { NC_("register column", "Gender"),             8, SILA_COLUMN_TEXT },
  [MEM_OCCUPATION]  = { NC_("register column", "Schooling or work"), 18, SILA_COLUMN_TEXT },
  [MEM_HEALTH]      = { NC_("register column", "Health"),            24, SILA_COLUMN_TEXT },
};

typedef struct {
  SilaSheet *files;
  SilaSheet *members;
  GPtrArray *segments;
  lxw_row_t  file_row;
  lxw_row_t  member_row;
  SilaImportTicker *ticker;  /* progress, or NULL */
} Export;

static const char *
segment_name (Export     *export,
              const char *code)
{
  for (guint i = 0; code != NULL && i < export->segments->len; i++)
    {
      const SilaSegment *s = g_ptr_array_index (export->segments, i);

      if (g_str_equal (s->code, code))
        return sila_segment_get_display (s);
    }
  return code;
}

static gboolean
write_file (const SilaBeneficiary  *file,
            gpointer                user_data,
            GError                **error)
{
  Export *export = user_data;
  SilaSheet *sheet = export->files;
  lxw_row_t r = ++export->file_row;

  if (export->ticker != NULL)
    sila_import_ticker_tick (export->ticker, NULL);
  g_autofree char *name = sila_beneficiary_get_full_name (file);
  g_autofree char *hijri = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(GString) others = g_string_new (NULL);

  sila_sheet_write_number (sheet, r, COL_FILE_NUMBER, (double)file->file_number,
                           SILA_COLUMN_NUMBER);
  sila_sheet_write_text (sheet, r, COL_NATIONAL_ID, file->id_number);
  sila_sheet_write_text (sheet, r, COL_ID_TYPE, sila_id_type_to_display (file->id_type));
  sila_sheet_write_text (sheet, r, COL_NAME, name);
  sila_sheet_write_text (sheet, r, COL_GENDER,
                         sila_choice_to_display (SILA_CHOICES_GENDER, file->gender));
  if (g_date_valid (&file->birth_date))
    {
      sila_sheet_write_date (sheet, r, COL_BIRTH, &file->birth_date);
      hijri = sila_date_format_numeric (&file->birth_date, SILA_CALENDAR_HIJRI);
      sila_sheet_write_text (sheet, r, COL_BIRTH_HIJRI, hijri);
    }
  sila_sheet_write_text (sheet, r, COL_NATIONALITY,
                         sila_choice_to_display (SILA_CHOICES_NATIONALITY, file->nationality));
  sila_sheet_write_text (sheet, r, COL_MARITAL,
                         sila_marital_status_to_display (file->marital_status, file->gender));
  if (file->mobile != NULL)
    {
      phone = sila_phone_format_display (file->mobile);
      sila_sheet_write_text (sheet, r, COL_PHONE, phone != NULL ? phone : file->mobile);
    }
  for (guint i = 0; file->alt_phones[i] != NULL; i++)
    {
      g_autofree char *shown = sila_phone_format_display (file->alt_phones[i]);

      if (others->len > 0)
        g_string_append (others, ", ");
      g_string_append (others, shown != NULL ? shown : file->alt_phones[i]);
    }
  sila_sheet_write_text (sheet, r, COL_OTHER_PHONES, others->str);
  sila_sheet_write_text (sheet, r, COL_DISTRICT,
                         sila_choice_to_display (SILA_CHOICES_DISTRICT, file->district));
  sila_sheet_write_text (sheet, r, COL_ADDRESS, file->address);
  sila_sheet_write_text (sheet, r, COL_SEGMENT, segment_name (export, file->segment));
  sila_sheet_write_number (sheet, r, COL_HOUSEHOLD, file->members->len, SILA_COLUMN_INTEGER);
  sila_sheet_write_money (sheet, r, COL_INCOME, sila_beneficiary_get_total_income (file));
  sila_sheet_write_text (sheet, r, COL_HOUSING,
                         sila_choice_to_display (SILA_CHOICES_HOUSING, file->housing_type));
  if (file->rent_halalas >= 0)
    sila_sheet_write_money (sheet, r, COL_RENT, file->rent_halalas);
  sila_sheet_write_text (sheet, r, COL_CONSENT,
                         sila_choice_to_display (SILA_CHOICES_CONSENT, file->consent));
  sila_sheet_write_cell (sheet, r, COL_CONSENT_AT, file->consent_at);
  sila_sheet_write_text (sheet, r, COL_STATUS,
                         sila_choice_to_display (SILA_CHOICES_FILE_STATUS, file->status));

  for (guint i = 0; i < file->members->len; i++)
    {
      const SilaHouseholdMember *m = g_ptr_array_index (file->members, i);
      lxw_row_t mr = ++export->member_row;

      sheet = export->members;
      sila_sheet_write_number (sheet, mr, MEM_FILE_NUMBER, (double)file->file_number,
                               SILA_COLUMN_NUMBER);
      sila_sheet_write_text (sheet, mr, MEM_NAME, m->name);
      sila_sheet_write_text (sheet, mr, MEM_RELATION,
                             sila_choice_to_display (SILA_CHOICES_RELATION, m->relation));
      sila_sheet_write_text (sheet, mr, MEM_ID, m->id_number);
      if (g_date_valid (&m->birth_date))
        sila_sheet_write_date (sheet, mr, MEM_BIRTH, &m->birth_date);
      sila_sheet_write_text (sheet, mr, MEM_GENDER,
                             sila_choice_to_display (SILA_CHOICES_GENDER, m->gender));
      sila_sheet_write_text (sheet, mr, MEM_OCCUPATION,
                             sila_choice_to_display (SILA_CHOICES_OCCUPATION, m->occupation));
      sila_sheet_write_text (sheet, mr, MEM_HEALTH, m->health);
    }

  return TRUE;
}

gboolean
sila_beneficiary_export_xlsx (SilaStore        *store,
                              const SilaActor  *actor,
                              const char       *path,
                              guint            *n_files,
                              GError          **error)
{
  return sila_beneficiary_export_xlsx_full (store, actor, path, NULL, NULL, n_files, error);
}

gboolean
sila_beneficiary_export_xlsx_full (SilaStore              *store,
                                   const SilaActor        *actor,
                                   const char             *path,
                                   SilaImportProgressFunc  progress,
                                   gpointer                progress_data,
                                   guint                  *n_files,
                                   GError                **error)
{
  SilaImportOptions options = { .progress = progress, .progress_data = progress_data };
  SilaImportTicker ticker;
  gint64 total = 0;
  g_autoptr(SilaWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *association = NULL;
  const char *headers[N_COLUMNS];
  double widths[N_COLUMNS];
  SilaColumnKind kinds[N_COLUMNS];
  gboolean rtl = sila_i18n_is_rtl ();
  Export export = { 0 };

  g_return_val_if_fail (SILA_IS_STORE (store), FALSE);

  /* Refused before any file is made, also where the export could not be
   * recorded in the audit trail. */
  if (!sila_store_require (store, actor, SILA_PERM_BENEFICIARY_EXPORT, error) ||
      !sila_store_require_recordable (store, error))
    return FALSE;

  segments = sila_store_list_segments (store, TRUE, error);
  if (segments == NULL)
    return FALSE;
  association = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, "");

  workbook = sila_workbook_new (path, rtl, TRUE, error);
  if (workbook == NULL)
    return FALSE;
  sila_workbook_set_properties (workbook, _("Register of beneficiaries"),
                                _("Beneficiary files"), association, association,
                                _("Confidential: personal data of beneficiaries, protected by "
                                  "the Personal Data Protection Law. Do not share it outside "
                                  "the association."));

  export.segments = segments;
  export.files = sila_workbook_add_sheet (workbook, _("Beneficiaries"));
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      headers[i] = g_dpgettext2 (GETTEXT_PACKAGE, "register column", file_columns[i].header);
      widths[i] = file_columns[i].width;
      kinds[i] = file_columns[i].kind;
    }
  sila_sheet_set_columns (export.files, 0, N_COLUMNS, headers, widths, kinds);
  sila_sheet_set_print (export.files, association, TRUE);

  export.members = sila_workbook_add_sheet (workbook, _("Household members"));
  for (guint i = 0; i < N_MEMBER_COLUMNS; i++)
    {
      headers[i] = g_dpgettext2 (GETTEXT_PACKAGE, "register column",
                                 member_columns[i].header);
      widths[i] = member_columns[i].width;
      kinds[i] = member_columns[i].kind;
    }
  sila_sheet_set_columns (export.members, 0, N_MEMBER_COLUMNS, headers, widths, kinds);
  sila_sheet_set_print (export.members, association, TRUE);

  /* How many there are, for the fraction done; none counted is no harm. */
  if (progress != NULL && !sila_store_count_beneficiaries (store, actor, &total, NULL))
    total = 0;
  sila_import_ticker_init (&ticker, &options, NULL, (guint)CLAMP (total, 0, G_MAXUINT));
  export.ticker = progress != NULL ? &ticker : NULL;
  if (!sila_store_foreach_beneficiary (store, actor, "xlsx", write_file, &export, error))
    return FALSE;
  if (export.ticker != NULL)
    sila_import_ticker_finish (&ticker);

  sila_sheet_finish_table (export.files, MAX (export.file_row, 1));
  sila_sheet_finish_table (export.members, MAX (export.member_row, 1));

  if (!sila_workbook_close (workbook, error))
    return FALSE;
  if (n_files != NULL)
    *n_files = export.file_row;
  return TRUE;
}
