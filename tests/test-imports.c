/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The imports' rules in the core (issue 12), without a database: a row of
 * a register or of a request log read through the core, with the report
 * lines it leaves. The store only looks up and saves; these are the
 * decisions the command line and the window share. */
#include "sila-config.h"

#include <string.h>

#include "sila-beneficiary-import.h"
#include "sila-i18n.h"
#include "sila-request-import.h"

static SilaTableReader *
reader_for (const char *csv)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  SilaTableReader *reader = sila_table_reader_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return reader;
}

static SilaTableRow *
next_row (SilaTableReader *reader)
{
  g_autoptr(GError) error = NULL;
  SilaTableRow *row = sila_table_reader_next (reader, &error);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  return row;
}

static void
test_beneficiary_ids (void)
{
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaImportReport) report = sila_import_report_new ();
  g_autoptr(SilaBeneficiaryImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  SilaImportCounts counts = { 0 };

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  reader = reader_for ("national_id,نوع الهوية,رقم الجواز,name\n"
                       "104857362,,,نورة عبدالله أحمد الحربي\n"
                       "A1234567,جواز سفر,,سارة محمد علي القرشي\n"
                       ",,c2468013,هند سعد علي الشهري\n"
                       "1048573628,,,ريم خالد صالح الغامدي\n"
                       "1048573628,,,منى فهد ناصر العتيبي\n");
  import = sila_beneficiary_import_new (reader, NULL, report, &counts, &error);
  g_assert_no_error (error);

  {
    g_autoptr(SilaTableRow) row = next_row (reader);

    g_assert_null (sila_beneficiary_import_check_row (import, row));
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SilaTableRow) row = next_row (reader);
      g_autoptr(SilaBeneficiary) file = sila_beneficiary_import_check_row (import, row);

      g_assert_nonnull (file);
      g_assert_cmpint (file->id_type, ==, SILA_ID_TYPE_PASSPORT);
      g_assert_cmpstr (file->id_number, ==, i == 0 ? "A1234567" : "C2468013");
      sila_beneficiary_import_accept (import, row->line, file);
    }
  {
    g_autoptr(SilaTableRow) row = next_row (reader);
    g_autoptr(SilaBeneficiary) file = sila_beneficiary_import_check_row (import, row);

    g_assert_cmpint (file->id_type, ==, SILA_ID_TYPE_NATIONAL_ID);
    sila_beneficiary_import_accept (import, row->line, file);
  }
  {
    g_autoptr(SilaTableRow) row = next_row (reader);

    g_assert_null (sila_beneficiary_import_check_row (import, row));
  }

  g_assert_cmpuint (counts.ok, ==, 3);
  g_assert_cmpuint (counts.rejected, ==, 1);
  g_assert_cmpuint (counts.duplicates, ==, 1);
  csv = sila_import_report_to_csv (report);
  g_assert_cmpstr (csv, ==,
                   "line,result,field,reason\n"
                   "2,rejected,national_id,A national ID or iqama number has 10 digits; this "
                   "one has 9.\n"
                   "3,ok,,\n"
                   "4,ok,,\n"
                   "5,ok,,\n"
                   "6,duplicate,national_id,This ID number is already on line 5 of this file.\n");
}

static SilaRequestHistory *
checked (SilaRequestImport *import,
         SilaTableReader   *reader)
{
  g_autoptr(SilaTableRow) row = next_row (reader);

  return sila_request_import_check_row (import, row);
}

static void
test_request_duplicates (void)
{
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaImportReport) report = sila_import_report_new ();
  g_autoptr(SilaRequestImport) import = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              sila_request_held_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  SilaImportCounts counts = { 0 };
  SilaRequestHeld *kept;
  SilaRequestHistory *h;
  char *resembles = NULL;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  reader = reader_for ("national_id,type,channel,received,status,decided,reason,delivered,"
                       "service_amount\n"
                       "1048573628,education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,300\n"
                       "1048573628,education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,450\n"
                       "1048573628,education,phone,2026-03-02,delivered,2026-03-04,,2026-03-05,300\n"
                       "1048573628,rent,phone,2026-03-02,received,,,,\n"
                       "1048573628,rent,phone,2026-03-02,received,,,,\n"
                       "1048573628,rent,phone,1900-03-02,received,,,,\n");
  import = sila_request_import_new (reader, FALSE, report, &counts, &error);
  g_assert_no_error (error);

  /* Line 2: new. */
  h = checked (import, reader);
  g_assert_false (sila_request_import_is_duplicate (import, 2, "b", "education", h, NULL,
                                                    &resembles));
  g_assert_null (resembles);
  sila_request_import_accept (import, 2, "b", "education", h, NULL, NULL);

  /* Line 3: another amount, the same day: a request of its own. */
  h = checked (import, reader);
  g_assert_false (sila_request_import_is_duplicate (import, 3, "b", "education", h, NULL,
                                                    &resembles));
  g_assert_nonnull (strstr (resembles, "line 2 of this file"));
  sila_request_import_accept (import, 3, "b", "education", h, NULL, resembles);
  g_clear_pointer (&resembles, g_free);

  /* Line 4: line 2 again. */
  h = checked (import, reader);
  g_assert_true (sila_request_import_is_duplicate (import, 4, "b", "education", h, NULL,
                                                   &resembles));
  sila_request_history_free (h);

  /* Line 5: identical to a request held; line 6: like it but other than
   * the held one's status. */
  kept = sila_request_held_new ("1447-00042");
  g_ptr_array_add (held, kept);
  h = checked (import, reader);
  kept->history->channel = h->channel;
  kept->history->status = h->status;
  kept->history->received = h->received;
  g_assert_true (sila_request_import_is_duplicate (import, 5, "b", "rent", h, held,
                                                   &resembles));
  sila_request_history_free (h);
  h = checked (import, reader);
  kept->history->status = SILA_REQUEST_IN_RESEARCH;
  g_assert_false (sila_request_import_is_duplicate (import, 6, "b", "rent", h, held,
                                                    &resembles));
  g_assert_nonnull (strstr (resembles, "1447-00042"));
  sila_request_import_accept (import, 6, "b", "rent", h, NULL, resembles);
  g_clear_pointer (&resembles, g_free);

  /* Line 7: received before the Umm al-Qura table: rejected, not fatal. */
  g_assert_null (checked (import, reader));

  g_assert_cmpuint (counts.ok, ==, 3);
  g_assert_cmpuint (counts.similar, ==, 2);
  g_assert_cmpuint (counts.duplicates, ==, 2);
  g_assert_cmpuint (counts.rejected, ==, 1);
  csv = sila_import_report_to_csv (report);
  g_assert_nonnull (strstr (csv, "\n7,rejected,received,The day received is outside the Umm "
                                 "al-Qura calendar (1924-08-01 to 2077-11-16): check its year."));
  g_assert_nonnull (strstr (csv, "\n5,duplicate,received,\"This request is recorded already, "
                                 "identical in every column, as number 1447-00042.\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sila/core/import/beneficiary-ids", test_beneficiary_ids);
  g_test_add_func ("/sila/core/import/request-duplicates", test_request_duplicates);

  return g_test_run ();
}
