/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import files: CSV in the encodings and separators offices use, with its
 * limits, the header mapping and the import report. XLSX files, damaged and
 * hostile files are in test-table-xlsx.c. */
#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sila-csv.h"
#include "sila-i18n.h"
#include "sila-import-report.h"
#include "sila-table-reader.h"
#include "sila-test-tables.h"
#include "sila-test-util.h"

/* ---- helpers ------------------------------------------------------------ */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static GPtrArray *
csv_rows (const char  *text,
          gssize       len,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize)len);
  g_autoptr(SilaCsvReader) reader = sila_csv_reader_new (bytes, error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_table_row_free);
  SilaTableRow *row;

  if (reader == NULL)
    return rows;
  while ((row = sila_csv_reader_next (reader, error)) != NULL)
    g_ptr_array_add (rows, row);
  return rows;
}

/* ---- CSV ---------------------------------------------------------------- */

static void
test_csv_utf8 (void)
{
  g_autofree char *path = data_path ("beneficiaries-utf8.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SilaCsvReader) csv = NULL;
  g_autoptr(GPtrArray) raw = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize len;
  SilaTableRow *row;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new (contents, len);
  csv = sila_csv_reader_new (bytes, NULL);
  g_assert_nonnull (csv);
  g_assert_cmpstr (sila_csv_reader_get_encoding (csv), ==, "UTF-8");
  g_assert_cmpint (sila_csv_reader_get_separator (csv), ==, ',');

  /* The CSV reader itself gives blank lines too. */
  raw = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_table_row_free);
  while ((row = sila_csv_reader_next (csv, NULL)) != NULL)
    g_ptr_array_add (raw, row);
  g_assert_cmpuint (raw->len, ==, 6);
  sila_test_assert_row (raw, 4, 6, ROW (""));

  /* Through the table reader: the BOM is gone, blank lines skipped, every
   * record says the line it starts on. */
  rows = sila_test_read_file (path);
  g_assert_cmpuint (rows->len, ==, 5);
  sila_test_assert_row (rows, 0, 1,
                        ROW ("رقم الهوية", "الاسم الكامل", "الجوال", "تاريخ الميلاد", "المبلغ",
                             "ملاحظات"));
  sila_test_assert_row (rows, 1, 2,
                        ROW ("1048573628", "محمد أحمد علي الغامدي", "0501234567", "1400/05/12",
                             "1,250.50", ""));
  sila_test_assert_row (rows, 2, 3,
                        ROW ("2437019587", "فاطمة بنت سالم, القحطاني", "+966 55 123 4567",
                             "15/03/1985", "٣٠٠", "تحتاج متابعة\nبعد أسبوعين"));
  sila_test_assert_row (rows, 3, 5, ROW ("1087345292", "عبد الله \"أبو فهد\" الحربي", "٠٥٦٧٨٩٠١٢٣",
                                         "1410-01-01", "0", "قالت: \"شكرًا\""));
  sila_test_assert_row (rows, 4, 7,
                        ROW ("1120938475", "سارة خالد", "0551112222", "", "500", "آخر سطر"));
}

static void
test_csv_semicolon (void)
{
  g_autofree char *path = data_path ("beneficiaries-semicolon.csv");
  g_autoptr(GPtrArray) rows = sila_test_read_file (path);

  g_assert_cmpuint (rows->len, ==, 3);
  sila_test_assert_row (rows, 0, 1, ROW ("رقم الهوية", "الاسم", "رقم الجوال", "المبلغ", "العنوان"));
  sila_test_assert_row (rows, 1, 2, ROW ("1048573628", "محمد أحمد", "0501234567", "1250.50",
                                         "حي العزيزية; مكة"));
  sila_test_assert_row (rows, 2, 3, ROW ("2391847569", "Ahmed Ali", "+966551234567", "75",
                                         "Jeddah, Al-Rawdah"));
}

static void
test_csv_cp1256 (void)
{
  g_autofree char *path = data_path ("beneficiaries-cp1256.csv");
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GPtrArray) rows = NULL;

  /* The fixture really is Windows-1256, not UTF-8. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_false (g_utf8_validate (contents, (gssize)len, NULL));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (contents, len);
    g_autoptr(SilaCsvReader) csv = sila_csv_reader_new (bytes, NULL);

    g_assert_cmpstr (sila_csv_reader_get_encoding (csv), ==, "WINDOWS-1256");
  }

  rows = sila_test_read_file (path);
  g_assert_cmpuint (rows->len, ==, 4);
  sila_test_assert_row (rows, 0, 1,
                        ROW ("رقم الهوية", "الاسم الكامل", "الجوال", "الحي", "ملاحظات"));
  sila_test_assert_row (rows, 1, 2,
                        ROW ("1000000008", "عبدالرحمن سعد الدوسري", "0509876543", "الشوقية", ""));
  sila_test_assert_row (rows, 2, 3,
                        ROW ("2000000006", "نورة مؤمن الشمري", "0561234567", "العوالي، مكة",
                             "مُحمّد ابنها"));
  sila_test_assert_row (rows, 3, 4, ROW ("1048573628", "هيئة الإغاثة", "0551234567", "العزيزية",
                                         "تبرّع \"عيني\""));
}

static void
test_csv_forms (void)
{
  g_autoptr(GError) error = NULL;

  /* Old Mac line ends, and no line end at the very end. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("a,b\rc,d\r\"e\rf\",g", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
    sila_test_assert_row (rows, 0, 1, ROW ("a", "b"));
    sila_test_assert_row (rows, 1, 2, ROW ("c", "d"));
    sila_test_assert_row (rows, 2, 3, ROW ("e\nf", "g"));
  }

  /* Empty fields everywhere, a trailing separator, text after a closing
   * quote kept as Excel does. */
  {
    g_autoptr(GPtrArray) rows = csv_rows (",,\n\"ab\"c,\"\"\nx,\n", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
    sila_test_assert_row (rows, 0, 1, ROW ("", "", ""));
    sila_test_assert_row (rows, 1, 2, ROW ("abc", ""));
    sila_test_assert_row (rows, 2, 3, ROW ("x", ""));
  }

  /* Separator chosen from the header line, not from values: a comma in
   * the header's quoted text does not count. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("\"a,b\";c;d\n1,5;2;3\n", -1, &error);

    g_assert_no_error (error);
    sila_test_assert_row (rows, 0, 1, ROW ("a,b", "c", "d"));
    sila_test_assert_row (rows, 1, 2, ROW ("1,5", "2", "3"));
  }

  /* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated. */
  {
    const char *utf8 = "الاسم\tالجوال\r\nمحمد\t0501234567\r\n";
    gsize written = 0;
    g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
    g_autofree char *with_bom = g_malloc (written + 2);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(SilaCsvReader) csv = NULL;
    g_autoptr(SilaTableRow) first = NULL;
    g_autoptr(SilaTableRow) second = NULL;

    memcpy (with_bom, "\xFF\xFE", 2);
    memcpy (with_bom + 2, utf16, written);
    bytes = g_bytes_new (with_bom, written + 2);
    csv = sila_csv_reader_new (bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sila_csv_reader_get_encoding (csv), ==, "UTF-16LE");
    g_assert_cmpint (sila_csv_reader_get_separator (csv), ==, '\t');
    first = sila_csv_reader_next (csv, NULL);
    second = sila_csv_reader_next (csv, NULL);
    g_assert_cmpstr (first->cells[0], ==, "الاسم");
    g_assert_cmpstr (second->cells[1], ==, "0501234567");
    g_assert_null (sila_csv_reader_next (csv, &error));
    g_assert_no_error (error);
  }

  /* Empty, and only a BOM: no records, no error. */
  {
    g_autoptr(GPtrArray) empty = csv_rows ("", 0, &error);
    g_autoptr(GPtrArray) bom = csv_rows ("\xEF\xBB\xBF", 3, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (empty->len, ==, 0);
    g_assert_cmpuint (bom->len, ==, 0);
  }
}

static void
test_csv_errors (void)
{
  g_autoptr(GError) error = NULL;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  /* A quote never closed: the line where its record starts; the file is
   * refused before any of its rows is given. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("a,b\n1,2\n3,\"open\nstill open\n", -1, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_DAMAGED);
    g_assert_cmpstr (error->message, ==, "Line 3: a quoted value is never closed.");
    g_assert_cmpuint (rows->len, ==, 0);
    g_clear_error (&error);
  }

  /* NUL bytes: a binary file, not text. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("a,b\n\0\0\x01\x02", 8, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_FORMAT);
    g_clear_error (&error);
  }

  /* A UTF-8 BOM before bytes that are not UTF-8. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("\xEF\xBB\xBF\xE1\xE4", 5, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING);
    g_clear_error (&error);
  }

  /* A UTF-16 BOM before an odd number of bytes. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("\xFF\xFE" "a\0b", 5, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING);
    g_clear_error (&error);
  }
}

static void
test_csv_limits (void)
{
  g_autoptr(GError) error = NULL;
  SilaTableLimits limits = *sila_table_get_limits ();

  g_assert_cmpuint (limits.max_bytes, ==, 200 * 1024 * 1024);
  g_assert_cmpuint (limits.max_rows, ==, 1000000);

  limits.max_rows = 3;
  sila_table_set_limits (&limits);
  {
    g_autoptr(GPtrArray) rows = csv_rows ("h\n1\n2\n3\n", -1, &error);

    /* Refused at once, before the first row: nothing is checked in vain. */
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "The file has more than 3 rows. Split it into smaller "
                     "files.");
    g_assert_cmpuint (rows->len, ==, 0);
    g_clear_error (&error);
  }
  {
    g_autoptr(GPtrArray) rows = csv_rows ("h\n1\n2\n", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
  }
  sila_test_reset_table_limits ();

  limits = *sila_table_get_limits ();
  limits.max_columns = 4;
  sila_table_set_limits (&limits);
  {
    g_autoptr(GPtrArray) rows = csv_rows ("a,b,c,d\n1,2,3,4,5\n", -1, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "Line 2 has more than 4 columns.");
    g_clear_error (&error);
  }
  sila_test_reset_table_limits ();

  limits = *sila_table_get_limits ();
  limits.max_cell_bytes = 10;
  sila_table_set_limits (&limits);
  {
    g_autoptr(GPtrArray) rows = csv_rows ("a\n\"0123456789ABC\"\n", -1, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "Line 2: a value is too long.");
    g_clear_error (&error);
  }
  sila_test_reset_table_limits ();

  limits = *sila_table_get_limits ();
  limits.max_bytes = 16;
  sila_table_set_limits (&limits);
  {
    g_autoptr(GPtrArray) rows = csv_rows ("0123456789,0123456789\n", -1, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }
  sila_test_reset_table_limits ();
}

/* One encoding per file. Lines of ASCII only fit both; the others are
 * UTF-8 or Windows-1256, and a file with lines of both is refused, naming
 * the first line that differs from most of the others. */
static void
test_csv_mixed_encoding (void)
{
  g_autoptr(GString) text = g_string_new ("national_id,name\n");
  g_autoptr(GError) error = NULL;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "10000000%02u,فاطمة محمد الغامدي\r\n", i);
  /* Line 32: "سارة" in Windows-1256. */
  g_string_append (text, "1000000099,\xD3\xC7\xD1\xC9\r\n");
  g_string_append (text, "1000000098,plain ASCII\n");

  {
    g_autoptr(GPtrArray) rows = csv_rows (text->str, (gssize)text->len, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "most of its lines are UTF-8, but line 32 is not"));
    g_assert_cmpuint (rows->len, ==, 0);
    g_clear_error (&error);
  }

  /* Most lines Windows-1256, one UTF-8: that one is named. */
  {
    g_autoptr(GString) other = g_string_new ("national_id,name\n");
    g_autoptr(GPtrArray) rows = NULL;

    for (guint i = 0; i < 5; i++)
      g_string_append (other, "1000000008,\xD3\xC7\xD1\xC9\n");
    g_string_append (other, "1000000008,سارة\n");   /* line 7 */
    rows = csv_rows (other->str, (gssize)other->len, &error);
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "Windows-1256), but line 7 is UTF-8"));
    g_clear_error (&error);
  }

  /* A UTF-8 mark, then a line that is not UTF-8. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("\xEF\xBB\xBF" "a,b\n1,سارة\n2,\xD3\xC7\n", -1, &error);

    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "Line 3 of the file is not UTF-8"));
    g_clear_error (&error);
  }

  /* ASCII lines go with either: each of these files is read whole. */
  {
    const char *cp1256 = "a,b\r1,\xD3\xC7\xD1\xC9\r2,x\r";
    g_autoptr(GBytes) bytes = g_bytes_new_static (cp1256, strlen (cp1256));
    g_autoptr(SilaCsvReader) csv = sila_csv_reader_new (bytes, &error);
    g_autoptr(GPtrArray) rows = csv_rows ("a,b\n1,سارة\n2,x\n", -1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sila_csv_reader_get_encoding (csv), ==, "WINDOWS-1256");
    g_assert_cmpuint (rows->len, ==, 3);
  }
}

/* Only a file saved on disk is read: a device or a pipe is refused at
 * once, without reading from it (a FIFO with no writer would wait for
 * ever, /dev/zero would fill the memory). The test's own timeout guards
 * against a hang. */
static void
test_open_not_regular (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sila-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  const char *devices[] = { "/dev/zero", "/dev/urandom", "/dev/null", fifo };

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(SilaTableReader) reader = sila_table_reader_open (devices[i], &error);

      g_assert_null (reader);
      g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "is not a file saved on disk"));
      g_clear_error (&error);
    }

  /* A folder keeps its own message. */
  {
    g_autoptr(SilaTableReader) reader = sila_table_reader_open (dir, &error);

    g_assert_null (reader);
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO);
    g_clear_error (&error);
  }

  g_unlink (fifo);
  g_rmdir (dir);
}

/* The size limit is enforced while reading, whatever stat() said. */
static void
test_open_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sila-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("a,b\n");
  SilaTableLimits limits = *sila_table_get_limits ();

  while (text->len < 300 * 1024)
    g_string_append (text, "1000000008,فاطمة\n");
  g_assert_true (g_file_set_contents (path, text->str, (gssize)text->len, NULL));

  limits.max_bytes = 256 * 1024;
  sila_table_set_limits (&limits);
  {
    g_autoptr(SilaTableReader) reader = sila_table_reader_open (path, &error);

    g_assert_null (reader);
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }
  sila_test_reset_table_limits ();

  g_unlink (path);
  g_rmdir (dir);
}

/* ---- header mapping ----------------------------------------------------- */

static const SilaTableColumn columns[] = {
  { "national_id", N_("National ID"), "رقم الهوية|الهوية|رقم الهوية الوطنية|ID number|national id",
    TRUE },
  { "full_name", N_("Full name"), "الاسم|الاسم الكامل|اسم المستفيد|name|full name", TRUE },
  { "mobile", N_("Mobile"), "الجوال|رقم الجوال|mobile|phone", FALSE },
  { "amount", N_("Amount"), "المبلغ|amount", FALSE },
  { "birth_date", N_("Birth date"), "تاريخ الميلاد|birth date|date of birth", FALSE },
};

static void
test_header_mapping (void)
{
  g_autofree char *path = data_path ("beneficiaries-utf8.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaTableReader) reader = sila_table_reader_open (path, &error);
  g_autoptr(SilaTableHeader) header = NULL;
  g_autoptr(SilaTableRow) row = NULL;
  const char *const *unknown;

  header = sila_table_header_read (reader, columns, G_N_ELEMENTS (columns), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sila_table_header_get_line (header), ==, 1);
  g_assert_true (sila_table_header_has (header, "national_id"));
  g_assert_true (sila_table_header_has (header, "birth_date"));
  g_assert_cmpint (sila_table_header_get_index (header, "mobile"), ==, 2);
  g_assert_cmpint (sila_table_header_get_index (header, "nonexistent"), ==, -1);

  unknown = sila_table_header_get_unknown (header);
  g_assert_cmpstr (unknown[0], ==, "ملاحظات");
  g_assert_null (unknown[1]);

  row = sila_table_reader_next (reader, &error);
  g_assert_cmpstr (sila_table_header_get (header, row, "national_id"), ==, "1048573628");
  g_assert_cmpstr (sila_table_header_get (header, row, "full_name"), ==, "محمد أحمد علي الغامدي");
  g_assert_cmpstr (sila_table_header_get (header, row, "amount"), ==, "1,250.50");
  g_assert_null (sila_table_header_get (header, row, "nonexistent"));
}

static void
test_header_spellings (void)
{
  g_autoptr(GError) error = NULL;
  /* Spelling variants, case, underscores, harakat, tatweel, extra spaces,
   * and a short row. */
  g_autoptr(GPtrArray) rows = csv_rows ("  رقم الهويه ;NATIONAL_ID_X;Full-Name;الجـوال;\n"
                                        "1048573628;x;Ali\n", -1, &error);
  SilaTableRow *head = g_ptr_array_index (rows, 0);
  SilaTableRow *data = g_ptr_array_index (rows, 1);
  g_autoptr(SilaTableHeader) header = sila_table_header_new (columns, G_N_ELEMENTS (columns),
                                                             head, &error);
  const char *const *unknown;

  g_assert_no_error (error);
  g_assert_cmpint (sila_table_header_get_index (header, "national_id"), ==, 0);
  g_assert_cmpint (sila_table_header_get_index (header, "full_name"), ==, 2);
  g_assert_cmpint (sila_table_header_get_index (header, "mobile"), ==, 3);
  g_assert_cmpstr (sila_table_header_get (header, data, "full_name"), ==, "Ali");
  g_assert_cmpstr (sila_table_header_get (header, data, "mobile"), ==, "");
  unknown = sila_table_header_get_unknown (header);
  g_assert_cmpstr (unknown[0], ==, "NATIONAL_ID_X");
  g_assert_null (unknown[1]);

  /* The key itself is a spelling. */
  {
    g_autoptr(GPtrArray) r = csv_rows ("national_id,full_name\n", -1, &error);
    g_autoptr(SilaTableHeader) h = sila_table_header_new (columns, G_N_ELEMENTS (columns),
                                                          r->pdata[0], &error);

    g_assert_no_error (error);
    g_assert_cmpint (sila_table_header_get_index (h, "full_name"), ==, 1);
  }
}

static void
test_header_errors (void)
{
  g_autoptr(GError) error = NULL;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  /* Both required columns missing: one message names both. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("الجوال,المبلغ\n", -1, &error);
    SilaTableHeader *header = sila_table_header_new (columns, G_N_ELEMENTS (columns),
                                                     rows->pdata[0], &error);

    g_assert_null (header);
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_HEADER);
    g_assert_cmpstr (error->message, ==,
                     "The file has no columns for “National ID”, “Full name”. Check the header "
                     "row (line 1).");
    g_clear_error (&error);
  }

  {
    g_autoptr(GPtrArray) rows = csv_rows ("الاسم,المبلغ\n", -1, &error);
    SilaTableHeader *header = sila_table_header_new (columns, G_N_ELEMENTS (columns),
                                                     rows->pdata[0], &error);

    g_assert_null (header);
    g_assert_cmpstr (error->message, ==,
                     "The file has no column for “National ID”. Check the header row (line 1).");
    g_clear_error (&error);
  }

  /* One column twice. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("رقم الهوية,الاسم,الهوية\n", -1, &error);
    SilaTableHeader *header = sila_table_header_new (columns, G_N_ELEMENTS (columns),
                                                     rows->pdata[0], &error);

    g_assert_null (header);
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_HEADER);
    g_assert_cmpstr (error->message, ==,
                     "The columns “رقم الهوية” and “الهوية” both hold “National ID”. Keep only "
                     "one of them.");
    g_clear_error (&error);
  }

  /* An empty file, and one with blank lines only. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("\n\n  ,  \n", 7);
    g_autoptr(SilaTableReader) reader = sila_table_reader_new_from_bytes (bytes, &error);
    SilaTableHeader *header;

    g_assert_no_error (error);
    header = sila_table_header_read (reader, columns, G_N_ELEMENTS (columns), &error);
    g_assert_null (header);
    g_assert_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_EMPTY);
    g_assert_cmpstr (error->message, ==, "The file is empty: it has no header row.");
    g_clear_error (&error);
  }

  /* In Arabic. */
  {
    g_autoptr(GPtrArray) rows = csv_rows ("الاسم,المبلغ\n", -1, &error);
    SilaTableHeader *header;

    sila_i18n_init (SILA_LANGUAGE_ARABIC);
    header = sila_table_header_new (columns, G_N_ELEMENTS (columns), rows->pdata[0], &error);
    g_assert_null (header);
    g_assert_cmpstr (error->message, ==,
                     "لا يحتوي الملف على عمود «⁨هوية وطنية⁩». راجع صف العناوين (السطر 1).");
    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  }
}

/* ---- import report ------------------------------------------------------ */

static void
test_import_report (SilaTestDir   *dir,
                    gconstpointer  data)
{
  g_autoptr(SilaImportReport) report = sila_import_report_new ();
  g_autofree char *csv = NULL;
  g_autofree char *path = sila_test_dir_file (dir, "report.csv");
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  sila_import_report_add (report, 2, SILA_IMPORT_RESULT_OK, NULL, NULL);
  sila_import_report_add (report, 3, SILA_IMPORT_RESULT_REJECTED, "national_id",
                          "رقم الهوية غير صحيح: رقمه الأخير لا يتوافق، تحقّق منه.");
  sila_import_report_add (report, 5, SILA_IMPORT_RESULT_DUPLICATE, "national_id",
                          "Already in file \"F-0012\", opened 2026-01-01");
  sila_import_report_add (report, 7, "skipped", "notes", "line one\nline two");
  sila_import_report_add (report, 0, SILA_IMPORT_RESULT_REJECTED, "", " padded ");
  sila_import_report_add (report, 8, SILA_IMPORT_RESULT_REJECTED, "full_name", "=HYPERLINK(\"x\")");

  g_assert_cmpuint (sila_import_report_count (report, NULL), ==, 6);
  g_assert_cmpuint (sila_import_report_count (report, SILA_IMPORT_RESULT_REJECTED), ==, 3);
  g_assert_cmpuint (sila_import_report_count (report, SILA_IMPORT_RESULT_OK), ==, 1);
  g_assert_cmpuint (sila_import_report_count (report, "skipped"), ==, 1);

  csv = sila_import_report_to_csv (report);
  g_assert_cmpstr (csv, ==,
                   "line,result,field,reason\n"
                   "2,ok,,\n"
                   "3,rejected,national_id,رقم الهوية غير صحيح: رقمه الأخير لا يتوافق، تحقّق منه.\n"
                   "5,duplicate,national_id,\"Already in file \"\"F-0012\"\", opened 2026-01-01\"\n"
                   "7,skipped,notes,\"line one\nline two\"\n"
                   ",rejected,,\" padded \"\n"
                   "8,rejected,full_name,\"'=HYPERLINK(\"\"x\"\")\"\n");

  g_assert_true (sila_import_report_write (report, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, csv);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Our own CSV reader reads it back as written. */
  {
    g_autoptr(SilaTableReader) reader = sila_table_reader_open (path, &error);
    g_autoptr(GPtrArray) rows = sila_test_read_all (reader, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 7);
    sila_test_assert_row (rows, 0, 1, ROW ("line", "result", "field", "reason"));
    sila_test_assert_row (rows, 4, 5, ROW ("7", "skipped", "notes", "line one\nline two"));
    sila_test_assert_row (rows, 5, 7, ROW ("", "rejected", "", " padded "));
  }

  /* A folder that does not exist: a message naming the file. */
  {
    g_autofree char *bad = sila_test_dir_file (dir, "missing/report.csv");

    g_assert_false (sila_import_report_write (report, bad, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "report.csv"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* See test-validators.c: GLib decides once whether to translate. */
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  (void)g_dgettext (GETTEXT_PACKAGE, "");
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add_func ("/sila/core/table/csv/utf8", test_csv_utf8);
  g_test_add_func ("/sila/core/table/csv/semicolon", test_csv_semicolon);
  g_test_add_func ("/sila/core/table/csv/windows-1256", test_csv_cp1256);
  g_test_add_func ("/sila/core/table/csv/forms", test_csv_forms);
  g_test_add_func ("/sila/core/table/csv/errors", test_csv_errors);
  g_test_add_func ("/sila/core/table/csv/limits", test_csv_limits);
  g_test_add_func ("/sila/core/table/csv/mixed-encoding", test_csv_mixed_encoding);
  g_test_add_func ("/sila/core/table/open/not-regular", test_open_not_regular);
  g_test_add_func ("/sila/core/table/open/too-large", test_open_too_large);
  g_test_add_func ("/sila/core/table/header/mapping", test_header_mapping);
  g_test_add_func ("/sila/core/table/header/spellings", test_header_spellings);
  g_test_add_func ("/sila/core/table/header/errors", test_header_errors);
  g_test_add ("/sila/core/table/import-report", SilaTestDir, NULL,
              sila_test_dir_setup, test_import_report, sila_test_dir_teardown);

  return g_test_run ();
}
