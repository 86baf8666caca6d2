/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Import section in a real window: an officer chooses the office's
 * register (Windows-1256 CSV with Arabic headers), sees each column and
 * the field it was read as (and the column the app does not know), runs
 * the dry run and reads its report row by row, filters it to the rejected
 * and duplicate rows, saves it, then imports: the files are in the
 * database. A workbook whose first sheet is a note offers its sheets; the
 * register's sheet is read. Stop in the middle of an import (held open by
 * the test hook) keeps nothing. Files that are not tables, or mix two
 * encodings, give their message on the page. A role without imports sees
 * a plain refusal. Run with SILA_TEST_LANG=ar (and en). */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sila-beneficiary-import.h"
#include "sila-i18n.h"
#include "sila-import-lines.h"
#include "sila-import-page.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-private.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"
#include "sila-window.h"

static gboolean arabic;

typedef struct {
  SilaTestDir     dir;
  SilaStore      *store;
  SilaSession    *session;
  SilaWindow     *window;
  SilaActor      *officer;
  SilaImportPage *page;
} Fixture;

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Until the page's thread is done (its result comes on the main loop). */
static void
wait_idle (Fixture *f)
{
  while (sila_import_page_is_busy (f->page))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (f->window));
}

static void
open_window (Fixture   *f,
             SilaActor *actor)
{
  f->session = sila_session_new (f->store, actor);
  f->window = sila_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  settle (GTK_WIDGET (f->window));
  g_assert_true (sila_window_show_section (f->window, "import"));
  f->page = SILA_IMPORT_PAGE (sila_window_get_section_page (f->window, "import"));
  g_assert_nonnull (f->page);
  settle (GTK_WIDGET (f->window));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (f->store);
  f->officer = sila_test_add_staff (f->store, "huda", SILA_ROLE_OFFICER);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  sila_import_task_set_test_pause (FALSE);
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->session);
  sila_actor_free (f->officer);
  g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static gint64
count_files (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (sila_store_count_beneficiaries (f->store, f->officer, &n, &error));
  g_assert_no_error (error);
  return n;
}

static gboolean
action_enabled (Fixture    *f,
                const char *name)
{
  gboolean enabled = FALSE;
  GtkWidget *button = sila_import_page_get_part (f->page, name);

  enabled = gtk_widget_is_sensitive (button) && gtk_widget_get_visible (button);
  return enabled;
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
}

static const char *
label_text (Fixture    *f,
            const char *part)
{
  GtkWidget *label = sila_import_page_get_part (f->page, part);

  if (!gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (label));
}

static SilaImportLine *
line_at (Fixture *f,
         guint    i)
{
  /* The list keeps no items: each get makes a new one. */
  SilaImportLine *line = g_list_model_get_item (sila_import_page_get_lines (f->page), i);

  g_assert_nonnull (line);
  return line;
}

/* The header cell's field as shown ("" when not imported), or NULL when
 * there is no such header. */
static char *
field_of (Fixture    *f,
          const char *header)
{
  g_auto(GStrv) columns = sila_import_page_dup_columns (f->page);
  g_autofree char *prefix = g_strconcat (header, "=", NULL);

  for (guint i = 0; columns[i] != NULL; i++)
    if (g_str_has_prefix (columns[i], prefix))
      return g_strdup (columns[i] + strlen (prefix));
  return NULL;
}

/* The name of a register's column in the UI language. */
static const char *
column_label (const char *key)
{
  guint n = 0;
  const SilaTableColumn *columns = sila_beneficiary_import_columns (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (columns[i].key, key))
      return _(columns[i].label);
  g_assert_not_reached ();
}

static void
test_register_csv (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("import-register-cp1256.csv");
  g_autofree char *report_path = sila_test_dir_file (&f->dir, "report.csv");
  g_autoptr(GFile) report = g_file_new_for_path (report_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  GListModel *lines;
  g_autofree char *id_field = NULL;
  g_autofree char *unknown = NULL;

  open_window (f, sila_actor_copy (f->officer));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (sila_import_page_get_part (f->page, "stack"))), ==, "main");
  g_assert_false (action_enabled (f, "check"));

  sila_import_page_open_file (f->page, file);
  wait_idle (f);

  /* Arabic headers understood, whatever the UI language; the old file
   * number column is listed as not imported. */
  id_field = field_of (f, "رقم الهوية");
  g_assert_nonnull (id_field);
  g_assert_cmpstr (id_field, ==, column_label ("national_id"));
  unknown = field_of (f, "رقم الملف القديم");
  g_assert_cmpstr (unknown, ==, "");
  g_assert_null (label_text (f, "problem"));
  g_assert_true (action_enabled (f, "check"));
  g_assert_true (action_enabled (f, "import"));

  /* The dry run: one line per row, in plain words; nothing saved. */
  activate (f, "import.check");
  g_assert_true (sila_import_page_is_busy (f->page));
  wait_idle (f);
  lines = sila_import_page_get_lines (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 6);
  {
    g_autoptr(SilaImportLine) first = line_at (f, 0);
    g_autoptr(SilaImportLine) third = line_at (f, 2);
    g_autoptr(SilaImportLine) fourth = line_at (f, 3);

    g_assert_cmpstr (sila_import_line_get_line (first), ==, arabic ? "٢" : "2");
    g_assert_cmpstr (sila_import_line_get_result (first), ==, _("Would be imported"));
    g_assert_cmpstr (sila_import_line_get_code (third), ==, "rejected");
    g_assert_cmpstr (sila_import_line_get_result (third), ==, _("Rejected"));
    g_assert_cmpstr (sila_import_line_get_field (third), ==, id_field);
    g_assert_cmpstr (sila_import_line_get_reason (third), !=, "");
    g_assert_cmpstr (sila_import_line_get_result (fourth), ==, _("Duplicate"));
  }
  g_assert_cmpint (count_files (f), ==, 0);
  g_assert_nonnull (label_text (f, "status"));

  /* Only the rows to look at. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sila_import_page_get_part (f->page, "filter")),
                               TRUE);
  settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SilaImportLine) line = line_at (f, i);

      g_assert_cmpstr (sila_import_line_get_code (line), !=, "ok");
    }

  /* The report saved as CSV, whole. */
  g_assert_true (sila_import_page_save_report (f->page, report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (report_path, &saved, NULL, NULL));
  g_assert_true (g_str_has_prefix (saved, "line,result,field,reason\n2,ok,,\n"));
  g_assert_nonnull (strstr (saved, "\n5,duplicate,national_id,"));

  /* The import itself. */
  activate (f, "import.run");
  wait_idle (f);
  g_assert_cmpint (count_files (f), ==, 3);
  {
    g_autoptr(SilaImportLine) line = NULL;

    gtk_check_button_set_active (
      GTK_CHECK_BUTTON (sila_import_page_get_part (f->page, "filter")), FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 6);
    line = line_at (f, 0);
    g_assert_cmpstr (sila_import_line_get_result (line), ==, _("Imported"));
  }
}

static void
test_workbook_sheets (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file ("import-register.xlsx");
  AdwComboRow *sheet;
  GListModel *sheets;
  g_autofree char *name_field = NULL;

  open_window (f, sila_actor_copy (f->officer));
  sila_import_page_open_file (f->page, file);
  wait_idle (f);

  /* The first sheet is a note: the missing column is named, and the
   * sheets are offered. */
  sheet = ADW_COMBO_ROW (sila_import_page_get_part (f->page, "sheet"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheet)));
  sheets = adw_combo_row_get_model (sheet);
  g_assert_cmpuint (g_list_model_get_n_items (sheets), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (sheets), 1), ==, "السجل");
  g_assert_nonnull (label_text (f, "problem"));
  g_assert_false (action_enabled (f, "check"));

  adw_combo_row_set_selected (sheet, 1);
  wait_idle (f);
  g_assert_null (label_text (f, "problem"));
  name_field = field_of (f, "name");
  g_assert_nonnull (name_field);
  g_assert_cmpstr (name_field, !=, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sheet)));
  g_assert_cmpuint (adw_combo_row_get_selected (sheet), ==, 1);

  activate (f, "import.check");
  wait_idle (f);
  g_assert_cmpuint (g_list_model_get_n_items (sila_import_page_get_lines (f->page)), ==, 3);
  activate (f, "import.run");
  wait_idle (f);
  g_assert_cmpint (count_files (f), ==, 2);
}

/* A register of @n good rows. */
static char *
write_register (Fixture *f,
                guint    n)
{
  static const char *const first[] = { "محمد", "أحمد", "خالد", "سعد", "فهد", "ناصر" };
  g_autoptr(GString) text = g_string_new ("national_id,name,mobile\n");
  char *path = sila_test_dir_file (&f->dir, "register.csv");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *nine = g_strdup_printf ("1%08u", 20000000 + i);

      g_string_append_printf (text, "%s%c,%s %s %s العتيبي,0551%06u\n", nine,
                              sila_national_id_check_digit (nine), first[i % 6],
                              first[(i / 6) % 6], first[(i / 36) % 6], i);
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_stop_keeps_nothing (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = write_register (f, 60);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *stop;

  open_window (f, sila_actor_copy (f->officer));
  sila_import_page_open_file (f->page, file);
  wait_idle (f);
  g_assert_null (label_text (f, "problem"));

  /* The import waits at its first row, its transaction open. */
  sila_import_task_set_test_pause (TRUE);
  activate (f, "import.run");
  while (!sila_import_task_is_paused ())
    g_main_context_iteration (NULL, FALSE);
  settle (GTK_WIDGET (f->window));
  g_assert_true (sila_import_page_is_busy (f->page));
  stop = sila_import_page_get_part (f->page, "stop");
  g_assert_true (gtk_widget_get_visible (stop));
  g_assert_true (gtk_widget_get_visible (sila_import_page_get_part (f->page, "progress")));
  g_assert_false (action_enabled (f, "import"));
  /* The window answers meanwhile: the filter can be touched. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sila_import_page_get_part (f->page, "filter")),
                               TRUE);

  g_signal_emit_by_name (stop, "clicked");
  wait_idle (f);
  g_assert_false (gtk_widget_get_visible (stop));
  g_assert_cmpint (count_files (f), ==, 0);
  g_assert_cmpstr (label_text (f, "status"), ==,
                   _("The import was stopped: nothing of the file was imported."));

  /* And it can be run again to the end. */
  activate (f, "import.run");
  wait_idle (f);
  g_assert_cmpint (count_files (f), ==, 60);
}

/* Closing the window in the middle of an import stops it: nothing kept,
 * and the answer that comes after the window is gone touches nothing. */
static void
test_close_while_importing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = write_register (f, 30);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SilaImportPage) page = NULL;

  open_window (f, sila_actor_copy (f->officer));
  sila_import_page_open_file (f->page, file);
  wait_idle (f);
  sila_import_task_set_test_pause (TRUE);
  activate (f, "import.run");
  while (!sila_import_task_is_paused ())
    g_main_context_iteration (NULL, FALSE);

  page = g_object_ref (f->page);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  f->page = NULL;
  while (sila_import_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (count_files (f), ==, 0);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = sila_test_dir_file (&f->dir, "minutes.pdf");
  g_autofree char *mixed = sila_test_dir_file (&f->dir, "mixed.csv");
  g_autofree char *missing = sila_test_dir_file (&f->dir, "nowhere.csv");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) mixed_file = g_file_new_for_path (mixed);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  /* A UTF-8 line and a Windows-1256 line ("الحي" in each). */
  static const char mixed_bytes[] =
    "national_id,name,district\n"
    "1000000008,\xd8\xb3\xd8\xb9\xd8\xaf,\xd8\xa7\xd9\x84\xd8\xad\xd9\x8a\n"
    "2000000006,\xd3\xda\xcf,\xc7\xe1\xcd\xed\n"
    "1048573628,\xd3\xda\xcf,\xc7\xe1\xcd\xed\n";

  g_assert_true (g_file_set_contents (pdf, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", -1, NULL));
  g_assert_true (g_file_set_contents (mixed, mixed_bytes, -1, NULL));

  open_window (f, sila_actor_copy (f->officer));

  sila_import_page_open_file (f->page, pdf_file);
  wait_idle (f);
  g_assert_cmpstr (label_text (f, "problem"), ==,
                   _("This file is neither a CSV file nor an Excel workbook (.xlsx)."));
  g_assert_false (action_enabled (f, "check"));
  g_assert_false (action_enabled (f, "import"));

  sila_import_page_open_file (f->page, mixed_file);
  wait_idle (f);
  g_assert_nonnull (label_text (f, "problem"));
  g_assert_false (action_enabled (f, "import"));

  sila_import_page_open_file (f->page, missing_file);
  wait_idle (f);
  g_assert_nonnull (strstr (label_text (f, "problem"), "nowhere.csv"));
  g_assert_false (action_enabled (f, "import"));
  g_assert_cmpint (count_files (f), ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SilaActor) researcher = sila_test_add_staff (f->store, "reem", SILA_ROLE_RESEARCHER);
  g_autoptr(SilaActor) manager = sila_test_add_staff (f->store, "sami", SILA_ROLE_MANAGER);
  GtkWidget *stack;

  open_window (f, sila_actor_copy (researcher));
  stack = sila_import_page_get_part (f->page, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "refused");

  /* A manager imports past requests only: the register is refused in
   * words beside the choice. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->session);
  open_window (f, sila_actor_copy (manager));
  stack = sila_import_page_get_part (f->page, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "main");
  g_assert_null (label_text (f, "refusal"));
  sila_import_page_set_kind (f->page, SILA_IMPORT_KIND_BENEFICIARIES);
  settle (GTK_WIDGET (f->window));
  g_assert_nonnull (label_text (f, "refusal"));
  g_assert_false (action_enabled (f, "choose"));
}

/* Survey responses on paper: the question's column named by its code,
 * a bad answer rejected, the good ones imported in one batch. */
static void
test_survey_responses (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (&f->dir, "surveys.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *date_field = NULL;
  g_autofree char *unknown = NULL;
  g_autoptr(SilaImportLine) rejected = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "التاريخ,القناة,overall,نوع الجهاز\n"
                                      "2026-01-05,phone,4,\n"
                                      "2026-01-06,phone,9,\n"
                                      "2026-01-07,interview,5,\n", -1, NULL));
  open_window (f, sila_actor_copy (f->officer));
  sila_import_page_set_kind (f->page, SILA_IMPORT_KIND_SURVEYS);
  sila_import_page_open_file (f->page, file);
  wait_idle (f);
  date_field = field_of (f, "التاريخ");
  g_assert_cmpstr (date_field, ==, _("Date"));
  unknown = field_of (f, "نوع الجهاز");
  g_assert_cmpstr (unknown, ==, "");

  activate (f, "import.check");
  wait_idle (f);
  g_assert_null (label_text (f, "problem"));
  /* The ignored column, then one line per row. */
  g_assert_cmpuint (g_list_model_get_n_items (sila_import_page_get_lines (f->page)), ==, 4);
  rejected = line_at (f, 2);
  g_assert_cmpstr (sila_import_line_get_code (rejected), ==, "rejected");

  activate (f, "import.run");
  wait_idle (f);
  g_assert_nonnull (label_text (f, "status"));
  g_assert_null (label_text (f, "problem"));
  /* A second import of the same file is refused, in words. */
  activate (f, "import.run");
  wait_idle (f);
  {
    g_auto(GStrv) parts = g_strsplit (_("This file was imported already, on %s. Nothing was "
                                        "imported again."), "%s", 2);

    g_assert_true (g_str_has_prefix (label_text (f, "status"), parts[0]));
    g_assert_true (g_str_has_suffix (label_text (f, "status"), parts[1]));
  }
  g_assert_false (gtk_widget_get_visible (sila_import_page_get_part (f->page, "progress")));
}

/* Ctrl+0 goes to the section, the tenth in the sidebar after Ctrl+1…9. */
static void
test_shortcut (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) controllers = NULL;
  gboolean bound = FALSE;

  open_window (f, sila_actor_copy (f->officer));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (
                                       gtk_shortcut_get_trigger (shortcut));
          GVariant *args = gtk_shortcut_get_arguments (shortcut);

          if (g_str_equal (trigger, "<Control>0") && args != NULL &&
              g_variant_is_of_type (args, G_VARIANT_TYPE_STRING) &&
              g_str_equal (g_variant_get_string (args, NULL), "import"))
            bound = TRUE;
        }
    }
  g_assert_true (bound);
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");
  g_autofree char *home = g_dir_make_tmp ("sila-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_store_set_cheap_hashes_for_testing (TRUE);

  arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_test_add ("/sila/ui/import/register-csv", Fixture, NULL, fixture_setup,
              test_register_csv, fixture_teardown);
  g_test_add ("/sila/ui/import/workbook-sheets", Fixture, NULL, fixture_setup,
              test_workbook_sheets, fixture_teardown);
  g_test_add ("/sila/ui/import/stop-keeps-nothing", Fixture, NULL, fixture_setup,
              test_stop_keeps_nothing, fixture_teardown);
  g_test_add ("/sila/ui/import/close-while-importing", Fixture, NULL, fixture_setup,
              test_close_while_importing, fixture_teardown);
  g_test_add ("/sila/ui/import/bad-files", Fixture, NULL, fixture_setup,
              test_bad_files, fixture_teardown);
  g_test_add ("/sila/ui/import/refused", Fixture, NULL, fixture_setup,
              test_refused, fixture_teardown);
  g_test_add ("/sila/ui/import/survey-responses", Fixture, NULL, fixture_setup,
              test_survey_responses, fixture_teardown);
  g_test_add ("/sila/ui/import/shortcut", Fixture, NULL, fixture_setup,
              test_shortcut, fixture_teardown);

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
