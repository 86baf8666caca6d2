/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The library: file types told by content, administrators alone replace
 * documents, every change audited without the content, nothing changed by
 * a refusal. */
#include "sila-config.h"

#include "sila-i18n.h"
#include "sila-store-library.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"
#include "sila-validation.h"

static GBytes *
bytes (const char *data,
       gsize       length)
{
  return g_bytes_new (data, length);
}

static void
test_file_types (void)
{
  static const char pdf[] = "%PDF-1.7\n1 0 obj\n";
  static const char docx[] = "PK\x03\x04....[Content_Types].xml....word/document.xml";
  static const char odt[] = "PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text";
  static const char doc[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest";
  static const char png[] = "\x89PNG\r\n\x1a\n";
  static const char xlsx[] = "PK\x03\x04....xl/workbook.xml";
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  g_autoptr(GBytes) b_pdf = bytes (pdf, sizeof pdf - 1);
  g_autoptr(GBytes) b_docx = bytes (docx, sizeof docx - 1);
  g_autoptr(GBytes) b_odt = bytes (odt, sizeof odt - 1);
  g_autoptr(GBytes) b_doc = bytes (doc, sizeof doc - 1);
  g_autoptr(GBytes) b_png = bytes (png, sizeof png - 1);
  g_autoptr(GBytes) b_xlsx = bytes (xlsx, sizeof xlsx - 1);
  g_autoptr(GBytes) b_empty = bytes ("", 0);
  g_autofree char *huge_data = g_malloc0 (SILA_LIBRARY_MAX_BYTES + 1);
  g_autoptr(GBytes) b_huge = NULL;

  a = sila_library_check_file (b_pdf, &error);
  g_assert_cmpstr (a, ==, "application/pdf");
  b = sila_library_check_file (b_docx, &error);
  g_assert_cmpstr (b, ==,
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  c = sila_library_check_file (b_odt, &error);
  g_assert_cmpstr (c, ==, "application/vnd.oasis.opendocument.text");
  d = sila_library_check_file (b_doc, &error);
  g_assert_cmpstr (d, ==, "application/msword");
  g_assert_no_error (error);

  g_assert_null (sila_library_check_file (b_png, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sila_library_check_file (b_xlsx, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sila_library_check_file (b_empty, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  memcpy (huge_data, "%PDF-", 5);
  b_huge = g_bytes_new_take (g_steal_pointer (&huge_data), SILA_LIBRARY_MAX_BYTES + 1);
  g_assert_null (sila_library_check_file (b_huge, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG);

  g_assert_cmpstr (sila_library_extension_for ("application/pdf"), ==, ".pdf");
}

static void
test_codes (void)
{
  SilaLibraryDocument d;

  for (guint i = 0; i < SILA_N_LIBRARY_DOCUMENTS; i++)
    {
      g_assert_true (sila_library_document_from_code (sila_library_document_to_code (i), &d));
      g_assert_cmpuint (d, ==, i);
      g_assert_nonnull (sila_library_document_to_display (i));
    }
  g_assert_false (sila_library_document_from_code ("bylaw", &d));
  g_assert_false (sila_library_document_from_code (NULL, &d));
}

static void
test_store (SilaTestDir   *fixture,
            gconstpointer  data)
{
  static const char pdf1[] = "%PDF-1.4 first edition";
  static const char pdf2[] = "%PDF-1.7 second edition, longer";
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) admin = sila_test_add_staff (store, "sami", SILA_ROLE_ADMIN);
  g_autoptr(SilaActor) officer = sila_test_add_staff (store, "huda", SILA_ROLE_OFFICER);
  g_autoptr(GBytes) first = g_bytes_new_static (pdf1, sizeof pdf1 - 1);
  g_autoptr(GBytes) second = g_bytes_new_static (pdf2, sizeof pdf2 - 1);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n", 6);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GBytes) got = NULL;
  g_autofree char *mime = NULL;

  entries = sila_store_library_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, SILA_N_LIBRARY_DOCUMENTS);
  for (guint i = 0; i < entries->len; i++)
    g_assert_null (((SilaLibraryEntry *)g_ptr_array_index (entries, i))->filename);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_null (sila_store_library_get (store, SILA_LIBRARY_BYLAWS, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An officer may read but not replace. */
  g_assert_false (sila_store_library_replace (store, officer, SILA_LIBRARY_BYLAWS, "x.pdf",
                                              first, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (sila_store_library_replace (store, admin, SILA_LIBRARY_BYLAWS,
                                             "/home/sami/اللائحة الأساسية.pdf", first, &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_library_replace (store, admin, SILA_LIBRARY_BYLAWS,
                                             "اللائحة 2026.pdf", second, &error));

  /* A picture is refused and the document stays as it was. */
  g_assert_false (sila_store_library_replace (store, admin, SILA_LIBRARY_BYLAWS, "scan.png", png,
                                              &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  got = sila_store_library_get (store, SILA_LIBRARY_BYLAWS, &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, second));
  g_assert_cmpstr (mime, ==, "application/pdf");

  entries = sila_store_library_list (store, &error);
  {
    SilaLibraryEntry *e = g_ptr_array_index (entries, SILA_LIBRARY_BYLAWS);

    g_assert_cmpstr (e->filename, ==, "اللائحة 2026.pdf");
    g_assert_cmpint (e->size, ==, sizeof pdf2 - 1);
    g_assert_cmpstr (e->updated_by, ==, "sami");
    g_assert_null (((SilaLibraryEntry *)g_ptr_array_index (entries, SILA_LIBRARY_RESEARCH_GUIDE))
                   ->filename);
  }

  /* Audited: a creation then an update, names and checksums, no content. */
  audit = sila_store_list_audit (store, admin, "library_documents", "bylaws", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  {
    SilaAuditEntry *update = g_ptr_array_index (audit, 0);
    SilaAuditEntry *create = g_ptr_array_index (audit, 1);

    g_assert_cmpstr (create->action, ==, "create");
    g_assert_null (create->before_json);
    g_assert_cmpstr (update->action, ==, "update");
    g_assert_nonnull (strstr (update->before_json, "اللائحة الأساسية.pdf"));
    g_assert_nonnull (strstr (update->after_json, "اللائحة 2026.pdf"));
    g_assert_null (strstr (update->after_json, "second edition"));
  }
}

static void
test_read_only (SilaTestDir   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);

  g_clear_object (&store);
  store = sila_store_open (fixture->db_path, SILA_STORE_OPEN_READ_ONLY, &error);
  g_assert_false (sila_store_library_replace (store, owner, SILA_LIBRARY_SUPPORT_POLICY, "a.pdf",
                                              pdf, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add_func ("/sila/core/library/file-types", test_file_types);
  g_test_add_func ("/sila/core/library/codes", test_codes);
  g_test_add ("/sila/store/library/replace", SilaTestDir, NULL, sila_test_dir_setup, test_store,
              sila_test_dir_teardown);
  g_test_add ("/sila/store/library/read-only", SilaTestDir, NULL, sila_test_dir_setup,
              test_read_only, sila_test_dir_teardown);

  return g_test_run ();
}
