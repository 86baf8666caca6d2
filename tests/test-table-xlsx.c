/* SPDX-License-Identifier: GPL-3.0-or-later */
/* XLSX files written by libxlsxwriter (here) and openpyxl
 * (tests/test_xlsx_openpyxl.py), handmade, damaged and hostile files, files
 * of other kinds, and the reader's limits. */
#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "sila-i18n.h"
#include "sila-test-tables.h"
#include "sila-test-util.h"
#include "sila-xlsx.h"

/* ---- XLSX written by libxlsxwriter -------------------------------------- */

static void
write_register (const char *path,
                gboolean    constant_memory)
{
  lxw_workbook_options options = { .constant_memory = constant_memory, .tmpdir = NULL };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "المستفيدون");
  lxw_worksheet *other = workbook_add_worksheet (wb, "Sheet2");
  lxw_format *iso_date = workbook_add_format (wb);
  lxw_format *builtin_date = workbook_add_format (wb);
  lxw_format *hijri_display = workbook_add_format (wb);
  lxw_format *date_time = workbook_add_format (wb);
  lxw_format *time_only = workbook_add_format (wb);
  lxw_format *money = workbook_add_format (wb);
  lxw_format *bold = workbook_add_format (wb);
  lxw_datetime birth = { 1985, 3, 15, 0, 0, 0 };
  lxw_datetime ramadan = { 2024, 3, 11, 0, 0, 0 };
  lxw_datetime afternoon = { 2024, 3, 11, 14, 30, 0 };
  lxw_datetime early = { 1900, 1, 15, 0, 0, 0 };
  lxw_datetime millennium = { 2000, 1, 1, 0, 0, 0 };
  lxw_rich_string_tuple first = { .format = bold, .string = "فاطمة" };
  lxw_rich_string_tuple rest = { .format = NULL, .string = " القحطاني" };
  lxw_rich_string_tuple *rich[] = { &first, &rest, NULL };
  static const char *const headers[] = {
    "رقم الهوية", "الاسم", "تاريخ الميلاد", "تاريخ التسجيل", "المبلغ", "موافقة", "ملاحظات",
    "الجوال",
  };

  format_set_num_format (iso_date, "yyyy-mm-dd");
  format_set_num_format_index (builtin_date, 14);
  format_set_num_format (hijri_display, "[$-1060000]B2dd/mm/yyyy");
  format_set_num_format (date_time, "yyyy-mm-dd hh:mm");
  format_set_num_format (time_only, "hh:mm:ss");
  format_set_num_format (money, "#,##0.00 \"ر.س\"");
  format_set_bold (bold);
  worksheet_right_to_left (ws);

  for (lxw_col_t c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (ws, 0, c, headers[c], bold);

  /* Row 2: every kind of cell; G left empty. */
  worksheet_write_number (ws, 1, 0, 1048573628, NULL);
  worksheet_write_string (ws, 1, 1, "محمد أحمد", NULL);
  worksheet_write_datetime (ws, 1, 2, &birth, iso_date);
  worksheet_write_datetime (ws, 1, 3, &ramadan, builtin_date);
  worksheet_write_number (ws, 1, 4, 1250.5, money);
  worksheet_write_boolean (ws, 1, 5, 1, NULL);
  worksheet_write_string (ws, 1, 7, "0501234567", NULL);

  /* Row 3: rich text, a Hijri display format, a date with a time. */
  worksheet_write_number (ws, 2, 0, 2437019587, NULL);
  worksheet_write_rich_string (ws, 2, 1, rich, NULL);
  worksheet_write_datetime (ws, 2, 2, &ramadan, hijri_display);
  worksheet_write_datetime (ws, 2, 3, &afternoon, date_time);
  worksheet_write_number (ws, 2, 4, 0.1 + 0.2, NULL);
  worksheet_write_boolean (ws, 2, 5, 0, NULL);
  worksheet_write_string (ws, 2, 6, "سطر أول\nسطر ثان", NULL);

  /* Row 4 left out; row 5 has holes. */
  worksheet_write_datetime (ws, 4, 2, &millennium, iso_date);
  worksheet_write_number (ws, 4, 5, 0.5, time_only);

  /* Row 6: text that looks like a formula stays text; an early date. */
  worksheet_write_string (ws, 5, 0, "=1+1", NULL);
  worksheet_write_datetime (ws, 5, 2, &early, iso_date);
  worksheet_write_number (ws, 5, 4, -75, NULL);

  worksheet_write_string (other, 0, 0, "not this sheet", NULL);

  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
}

static void
assert_register_rows (GPtrArray *rows)
{
  g_assert_cmpuint (rows->len, ==, 5);
  sila_test_assert_row (rows, 0, 1,
                        ROW ("رقم الهوية", "الاسم", "تاريخ الميلاد", "تاريخ التسجيل", "المبلغ",
                             "موافقة", "ملاحظات", "الجوال"));
  sila_test_assert_row (rows, 1, 2,
                        ROW ("1048573628", "محمد أحمد", "1985-03-15", "2024-03-11", "1250.5",
                             "TRUE", "", "0501234567"));
  sila_test_assert_row (rows, 2, 3,
                        ROW ("2437019587", "فاطمة القحطاني", "2024-03-11", "2024-03-11", "0.3",
                             "FALSE", "سطر أول\nسطر ثان"));
  sila_test_assert_row (rows, 3, 5, ROW ("", "", "2000-01-01", "", "", "12:00:00"));
  sila_test_assert_row (rows, 4, 6, ROW ("=1+1", "", "1900-01-15", "", "-75"));
}

static void
test_xlsx_libxlsxwriter (SilaTestDir   *dir,
                         gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (dir, "register.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  write_register (path, FALSE);
  reader = sila_table_reader_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sila_table_reader_get_format (reader), ==, SILA_TABLE_FORMAT_XLSX);
  rows = sila_test_read_all (reader, &error);
  g_assert_no_error (error);
  assert_register_rows (rows);

  /* The same from bytes in memory. */
  {
    g_autofree char *contents = NULL;
    gsize len;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(SilaXlsxReader) xlsx = NULL;
    g_autoptr(GPtrArray) again =
      g_ptr_array_new_with_free_func ((GDestroyNotify)sila_table_row_free);
    SilaTableRow *row;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    bytes = g_bytes_new (contents, len);
    xlsx = sila_xlsx_reader_new_from_bytes (bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sila_xlsx_reader_get_sheet_name (xlsx), ==, "المستفيدون");
    while ((row = sila_xlsx_reader_next (xlsx, &error)) != NULL)
      g_ptr_array_add (again, row);
    g_assert_no_error (error);
    assert_register_rows (again);
  }
}

/* constant_memory mode writes inline strings instead of shared ones. */
static void
test_xlsx_inline_strings (SilaTestDir   *dir,
                          gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (dir, "inline.xlsx");
  g_autoptr(GPtrArray) rows = NULL;

  write_register (path, TRUE);
  {
    /* It really has no shared strings part with our text in it. */
    int code = 0;
    zip_t *zip = zip_open (path, ZIP_RDONLY, &code);

    g_assert_nonnull (zip);
    g_assert_cmpint (zip_name_locate (zip, "xl/sharedStrings.xml", 0), <, 0);
    zip_close (zip);
  }
  rows = sila_test_read_file (path);
  assert_register_rows (rows);
}

static void
test_xlsx_hidden_first_sheet (SilaTestDir   *dir,
                              gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (dir, "hidden.xlsx");
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *hidden = workbook_add_worksheet (wb, "lists");
  lxw_worksheet *visible = workbook_add_worksheet (wb, "data");
  g_autoptr(GPtrArray) rows = NULL;

  worksheet_write_string (hidden, 0, 0, "hidden choices", NULL);
  worksheet_write_string (visible, 0, 0, "الاسم", NULL);
  worksheet_write_string (visible, 2, 1, "ب", NULL);
  worksheet_activate (visible);
  worksheet_hide (hidden);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  rows = sila_test_read_file (path);
  g_assert_cmpuint (rows->len, ==, 2);
  sila_test_assert_row (rows, 0, 1, ROW ("الاسم"));
  sila_test_assert_row (rows, 1, 3, ROW ("", "ب"));
}

/* ---- damaged and foreign files ------------------------------------------ */

static void
write_zip (const char *path,
           const char *const *names_and_contents)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);

  g_assert_nonnull (zip);
  for (guint i = 0; names_and_contents[i] != NULL; i += 2)
    {
      const char *text = names_and_contents[i + 1];
      zip_source_t *src = zip_source_buffer (zip, text, strlen (text), 0);

      g_assert_cmpint (zip_file_add (zip, names_and_contents[i], src, ZIP_FL_OVERWRITE), >=, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);
}

static void
assert_open_fails (const char *path,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaTableReader) reader = sila_table_reader_open (path, &error);

  if (reader != NULL)
    {
      g_autoptr(GPtrArray) rows = sila_test_read_all (reader, &error);
    }
  g_assert_error (error, SILA_TABLE_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static const char content_types[] =
  "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
  "content-types\"/>";
static const char root_rels[] =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
  "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
  "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char workbook_xml[] =
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
  "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
  "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
  "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
  "relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/></Relationships>";

static void
test_xlsx_handmade (SilaTestDir   *dir,
                    gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (dir, "handmade.xlsx");

  /* Prefixed elements, cells without references, an inline rich string,
   * escapes, a phonetic run left out, an absolute relationship target. */
  write_zip (path, (const char *const[]){
    "[Content_Types].xml", content_types,
    "_rels/.rels", root_rels,
    "xl/workbook.xml", workbook_xml,
    "xl/_rels/workbook.xml.rels", workbook_rels,
    "xl/sharedStrings.xml",
    "<?xml version=\"1.0\"?><sst xmlns=\"x\"><si><t>a_x000D_b</t></si>"
    "<si><r><t>مح</t></r><r><t>مد</t></r><rPh><t>phonetic</t></rPh></si>"
    "<si><t xml:space=\"preserve\"> lead &amp; trail </t></si></sst>",
    "xl/worksheets/sheet1.xml",
    "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"x\"><x:sheetData>"
    "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1</x:v></x:c></x:row>"
    "<x:row><x:c t=\"inlineStr\"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r>"
    "</x:is></x:c><x:c t=\"s\"><x:v>2</x:v></x:c><x:c><x:v>1.0E+3</x:v></x:c>"
    "<x:c t=\"str\"><x:f>A1&amp;B1</x:f><x:v>ab</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c>"
    "</x:row>"
    "<x:row r=\"7\"><x:c r=\"C7\"/><x:c r=\"D7\" t=\"s\"/></x:row>"
    "<x:row r=\"9\"><x:c r=\"B9\"><x:v>123456789012345678</x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>",
    NULL,
  });

  {
    g_autoptr(GPtrArray) rows = sila_test_read_file (path);

    g_assert_cmpuint (rows->len, ==, 3);
    sila_test_assert_row (rows, 0, 1, ROW ("a\rb", "محمد"));
    sila_test_assert_row (rows, 1, 2, ROW ("inline", " lead & trail ", "1000", "ab", "#N/A"));
    sila_test_assert_row (rows, 2, 9, ROW ("", "1.23456789012346e+17"));
  }
}

static void
test_xlsx_damaged (SilaTestDir   *dir,
                   gconstpointer  data)
{
  g_autofree char *good = sila_test_dir_file (dir, "good.xlsx");
  g_autofree char *path = sila_test_dir_file (dir, "bad.xlsx");
  g_autofree char *contents = NULL;
  gsize len;
  const char *damaged = "The workbook is damaged and cannot be read. Open it in Excel or "
                        "LibreOffice, save it again and retry.";

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  write_register (good, FALSE);
  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));

  /* Cut in half, cut to its first bytes, or with a byte flipped in every
   * 97th place: never a crash, always a clear refusal. */
  g_assert_true (g_file_set_contents (path, contents, (gssize)len / 2, NULL));
  assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, damaged);
  g_assert_true (g_file_set_contents (path, contents, 30, NULL));
  assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, damaged);
  {
    g_autofree char *flipped = g_memdup2 (contents, len);

    for (gsize i = 200; i < len; i += 97)
      flipped[i] ^= 0x5A;
    g_assert_true (g_file_set_contents (path, flipped, (gssize)len, NULL));
    assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, damaged);
  }

  /* Broken XML in the worksheet. */
  write_zip (path, (const char *const[]){
    "_rels/.rels", root_rels, "xl/workbook.xml", workbook_xml,
    "xl/_rels/workbook.xml.rels", workbook_rels, "xl/sharedStrings.xml", "<sst/>",
    "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c><v>1</v></row></sheetData>",
    NULL,
  });
  assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, damaged);

  /* A shared string that is not there. */
  write_zip (path, (const char *const[]){
    "_rels/.rels", root_rels, "xl/workbook.xml", workbook_xml,
    "xl/_rels/workbook.xml.rels", workbook_rels, "xl/sharedStrings.xml", "<sst/>",
    "xl/worksheets/sheet1.xml",
    "<worksheet><sheetData><row><c t=\"s\"><v>5</v></c></row></sheetData></worksheet>",
    NULL,
  });
  assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, damaged);

  /* The workbook names a sheet part that is missing. */
  write_zip (path, (const char *const[]){
    "_rels/.rels", root_rels, "xl/workbook.xml", workbook_xml,
    "xl/_rels/workbook.xml.rels", workbook_rels, NULL,
  });
  assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, damaged);

  /* A workbook without sheets. */
  write_zip (path, (const char *const[]){
    "_rels/.rels", root_rels,
    "xl/workbook.xml", "<workbook><sheets/></workbook>", NULL,
  });
  assert_open_fails (path, SILA_TABLE_ERROR_EMPTY, "The workbook has no worksheet.");

  /* Not UTF-8 in the XML. */
  write_zip (path, (const char *const[]){
    "_rels/.rels", root_rels, "xl/workbook.xml", "<workbook>\xE1\xE4</workbook>", NULL,
  });
  assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, damaged);
}

static void
test_foreign_files (SilaTestDir   *dir,
                    gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (dir, "file");

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  /* A ZIP that is no workbook, an OpenDocument spreadsheet. */
  write_zip (path, (const char *const[]){ "readme.txt", "hello", NULL });
  assert_open_fails (path, SILA_TABLE_ERROR_FORMAT, "This ZIP file is not an Excel workbook.");
  write_zip (path, (const char *const[]){
    "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>", NULL,
  });
  assert_open_fails (path, SILA_TABLE_ERROR_FORMAT,
                     "This is an OpenDocument spreadsheet (.ods). Save it as an Excel workbook "
                     "(.xlsx) or as CSV and try again.");

  /* Old Excel, PDF, an image. */
  g_assert_true (g_file_set_contents (path, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12, NULL));
  assert_open_fails (path, SILA_TABLE_ERROR_FORMAT,
                     "This is an old Excel file (.xls) or a workbook protected by a password. "
                     "Open it in Excel or LibreOffice, save it as an Excel workbook (.xlsx) or as "
                     "CSV without a password, and try again.");
  g_assert_true (g_file_set_contents (path, "%PDF-1.4\n%\xE2\xE3", -1, NULL));
  assert_open_fails (path, SILA_TABLE_ERROR_FORMAT,
                     "This file is neither a CSV file nor an Excel workbook (.xlsx).");
  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16, NULL));
  assert_open_fails (path, SILA_TABLE_ERROR_FORMAT, NULL);

  /* "PK" and then garbage. */
  g_assert_true (g_file_set_contents (path, "PK\x03\x04garbage garbage garbage", -1, NULL));
  assert_open_fails (path, SILA_TABLE_ERROR_DAMAGED, NULL);

  /* Missing files and folders name the file. */
  {
    g_autofree char *missing = sila_test_dir_file (dir, "no-such-file.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(SilaTableReader) reader = sila_table_reader_open (missing, &error);

    g_assert_null (reader);
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "no-such-file.csv"));
  }
  assert_open_fails (dir->dir, SILA_TABLE_ERROR_IO, NULL);
}

/* A "ZIP bomb": a tiny archive that unpacks to more than the limit, and a
 * workbook whose rows pass the row limit. */
static void
test_xlsx_limits (SilaTestDir   *dir,
                  gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (dir, "bomb.xlsx");
  g_autofree char *register_path = sila_test_dir_file (dir, "register.xlsx");
  SilaTableLimits limits = *sila_table_get_limits ();
  GString *sheet = g_string_new ("<worksheet><sheetData>");
  GStatBuf st;

  for (guint i = 0; i < 20000; i++)
    g_string_append (sheet, "<row><c><v>0</v></c></row>");
  g_string_append (sheet, "</sheetData></worksheet>");
  write_zip (path, (const char *const[]){
    "_rels/.rels", root_rels, "xl/workbook.xml", workbook_xml,
    "xl/_rels/workbook.xml.rels", workbook_rels, "xl/worksheets/sheet1.xml", sheet->str, NULL,
  });
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* It compresses to a small fraction of what it unpacks to. */
  g_assert_cmpint (st.st_size * 20, <, (goffset)sheet->len);

  limits.max_bytes = 100 * 1024;
  sila_table_set_limits (&limits);
  assert_open_fails (path, SILA_TABLE_ERROR_TOO_LARGE, NULL);
  sila_test_reset_table_limits ();

  limits = *sila_table_get_limits ();
  limits.max_rows = 19999;
  sila_table_set_limits (&limits);
  assert_open_fails (path, SILA_TABLE_ERROR_TOO_LARGE,
                     "The file has more than 19999 rows. Split it into smaller files.");
  sila_test_reset_table_limits ();

  {
    g_autoptr(GPtrArray) rows = sila_test_read_file (path);

    g_assert_cmpuint (rows->len, ==, 20000);
    g_assert_cmpuint (((SilaTableRow *)rows->pdata[19999])->line, ==, 20000);
  }

  limits = *sila_table_get_limits ();
  limits.max_columns = 5;
  sila_table_set_limits (&limits);
  write_register (register_path, FALSE);
  assert_open_fails (register_path, SILA_TABLE_ERROR_TOO_LARGE, "Line 1 has more than 5 columns.");
  sila_test_reset_table_limits ();

  g_string_free (sheet, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* See test-validators.c: GLib decides once whether to translate. */
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  (void)g_dgettext (GETTEXT_PACKAGE, "");
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add ("/sila/core/table/xlsx/libxlsxwriter", SilaTestDir, NULL,
              sila_test_dir_setup, test_xlsx_libxlsxwriter, sila_test_dir_teardown);
  g_test_add ("/sila/core/table/xlsx/inline-strings", SilaTestDir, NULL,
              sila_test_dir_setup, test_xlsx_inline_strings, sila_test_dir_teardown);
  g_test_add ("/sila/core/table/xlsx/hidden-first-sheet", SilaTestDir, NULL,
              sila_test_dir_setup, test_xlsx_hidden_first_sheet, sila_test_dir_teardown);
  g_test_add ("/sila/core/table/xlsx/handmade", SilaTestDir, NULL,
              sila_test_dir_setup, test_xlsx_handmade, sila_test_dir_teardown);
  g_test_add ("/sila/core/table/xlsx/damaged", SilaTestDir, NULL,
              sila_test_dir_setup, test_xlsx_damaged, sila_test_dir_teardown);
  g_test_add ("/sila/core/table/xlsx/limits", SilaTestDir, NULL,
              sila_test_dir_setup, test_xlsx_limits, sila_test_dir_teardown);
  g_test_add ("/sila/core/table/foreign-files", SilaTestDir, NULL,
              sila_test_dir_setup, test_foreign_files, sila_test_dir_teardown);

  return g_test_run ();
}
