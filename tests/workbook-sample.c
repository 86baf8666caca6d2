/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a sample workbook through SilaWorkbook for tests/test_workbook.py
 * to read back with openpyxl. usage: workbook-sample OUT.xlsx (ar|en) */
#include "sila-config.h"

#include "sila-workbook.h"

int
main (int argc, char **argv)
{
  static const char *headers[] = {
    "الاسم", "رقم الهوية", "المبلغ", "التاريخ", "النسبة", "العدد",
    "رقم الملف لدى الجمعية منذ أول تسجيل",
  };
  static const double widths[] = { 30, 14, 14, 12, 10, 8, 9 };
  static const SilaColumnKind kinds[] = {
    SILA_COLUMN_TEXT, SILA_COLUMN_ID, SILA_COLUMN_MONEY, SILA_COLUMN_DATE, SILA_COLUMN_PERCENT,
    SILA_COLUMN_INTEGER, SILA_COLUMN_NUMBER,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaWorkbook) wb = NULL;
  gboolean arabic = argc > 2 && g_str_equal (argv[2], "ar");
  SilaSheet *sheet;
  GDate date;

  if (argc < 3)
    return 2;

  wb = sila_workbook_new (argv[1], arabic, g_strcmp0 (argv[3], "streaming") == 0, &error);
  if (wb == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  sila_workbook_set_properties (wb, "Register", "Beneficiaries", "Manager",
                                "Sila & Co", "Confidential: personal data");

  sheet = sila_workbook_add_sheet (wb, "ملخص");
  sila_sheet_set_columns (sheet, 0, G_N_ELEMENTS (headers), headers, widths, kinds);

  sila_sheet_write_text (sheet, 1, 0, "=SUM(A1:A9)");
  sila_sheet_write_text (sheet, 1, 1, "0123456789");
  sila_sheet_write_money (sheet, 1, 2, 123456);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, 3, 2026);
  sila_sheet_write_date (sheet, 1, 3, &date);
  sila_sheet_write_number (sheet, 1, 4, 0.555, SILA_COLUMN_PERCENT);
  sila_sheet_write_cell (sheet, 1, 5, "7");
  sila_sheet_write_number (sheet, 1, 6, 2067, SILA_COLUMN_NUMBER);

  sila_sheet_write_cell (sheet, 2, 0, "محمد بن عبد الله");
  sila_sheet_write_cell (sheet, 2, 1, "2123456789");
  sila_sheet_write_cell (sheet, 2, 2, "1000.5");
  sila_sheet_write_cell (sheet, 2, 3, "2024-02-29");
  sila_sheet_write_cell (sheet, 2, 4, "not a number");
  sila_sheet_write_cell (sheet, 2, 5, "-3");
  sila_sheet_write_cell (sheet, 2, 6, "12345");
  sila_sheet_finish_table (sheet, 2);
  sila_sheet_set_print (sheet, "جمعية صلة & البر", TRUE);

  /* Names Excel would refuse, made safe; duplicates made unique. */
  sila_workbook_add_sheet (wb, "ملخص");
  sila_workbook_add_sheet (wb, "a/b:c*d?[x]");
  sila_workbook_add_sheet (wb, "");
  sila_workbook_add_sheet (wb, "'quoted'");
  sila_workbook_add_sheet (wb, "اسم طويل جدا جدا جدا يتجاوز الحد المسموح به في إكسل");

  if (!sila_workbook_close (wb, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
