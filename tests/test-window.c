/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window in a real X window: direction by language, every
 * section, preferences with errors beside their fields, read-only mode, and
 * the whole application starting on a fresh database.
 * Run twice: SILA_TEST_LANG=ar and SILA_TEST_LANG=en. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sila-application.h"
#include "sila-help.h"
#include "sila-i18n.h"
#include "sila-library-page.h"
#include "sila-store-library.h"
#include "sila-preferences-window.h"
#include "sila-sections.h"
#include "sila-setup-window.h"
#include "sila-store-private.h"
#include "sila-test-util.h"
#include "sila-window.h"

static gboolean arabic;

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
} WindowFixture;

static void
wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
open_window (WindowFixture      *fixture,
             SilaStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  fixture->store = sila_store_open (fixture->dir.db_path, flags, &error);
  g_assert_no_error (error);
  fixture->session = sila_session_new (fixture->store, sila_actor_new_owner ());
  fixture->window = sila_window_new (NULL, fixture->session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
window_setup (WindowFixture *fixture,
              gconstpointer  data)
{
  sila_test_dir_setup (&fixture->dir, NULL);
  open_window (fixture, SILA_STORE_OPEN_DEFAULT);
}

static void
window_setup_read_only (WindowFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) created = NULL;

  sila_test_dir_setup (&fixture->dir, NULL);
  created = sila_store_open (fixture->dir.db_path, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&created);
  open_window (fixture, SILA_STORE_OPEN_READ_ONLY);
}

static void
window_teardown (WindowFixture *fixture,
                 gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->session);
  g_assert_finalize_object (fixture->store);
  sila_test_dir_teardown (&fixture->dir, NULL);
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
test_direction (WindowFixture *fixture,
                gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *sidebar = template_child (window, SILA_TYPE_WINDOW, "sidebar");
  GtkWidget *content = template_child (window, SILA_TYPE_WINDOW, "content");
  graphene_rect_t sidebar_bounds, content_bounds;

  g_assert_cmpint (gtk_widget_get_direction (window), ==,
                   arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  /* Right to left means the sidebar really stands on the right. */
  g_assert_true (gtk_widget_compute_bounds (sidebar, window, &sidebar_bounds));
  g_assert_true (gtk_widget_compute_bounds (content, window, &content_bounds));
  if (arabic)
    g_assert_cmpfloat (sidebar_bounds.origin.x, >, content_bounds.origin.x);
  else
    g_assert_cmpfloat (sidebar_bounds.origin.x, <, content_bounds.origin.x);
}

static const char *
find_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child))
        return gtk_label_get_label (GTK_LABEL (child));
      if ((text = find_label_text (child)) != NULL)
        return text;
    }

  return NULL;
}

static void
test_sections (WindowFixture *fixture,
               gconstpointer  data)
{
  static const char *arabic_titles[] = {
    "لوحة المتابعة", "المستفيدون", "الطلبات", "سجل التواصل", "الوصول إلى المستفيد", "الاستبيانات",
    "المقترحات والشكاوى", "التقارير", "المكتبة", "استيراد",
    "العمل الميداني",
  };
  static const char *english_titles[] = {
    "Dashboard", "Beneficiaries", "Requests", "Contacts & Inquiries", "Outreach", "Surveys",
    "Suggestions & Complaints", "Reports", "Library", "Import", "Field Work",
  };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkListBox *list = GTK_LIST_BOX (template_child (window, SILA_TYPE_WINDOW, "sidebar_list"));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (template_child (window, SILA_TYPE_WINDOW,
                                                            "content_title"));
  const SilaSection *sections;
  guint n;

  sections = sila_sections_get (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (arabic_titles));
  g_assert_cmpstr (sila_window_get_visible_section (fixture->window), ==, "dashboard");

  for (guint i = 0; i < n; i++)
    {
      const char *expected = arabic ? arabic_titles[i] : english_titles[i];
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      /* The sidebar, in order, in the UI language. */
      g_assert_cmpstr (find_label_text (GTK_WIDGET (row)), ==, expected);

      g_assert_true (gtk_widget_activate_action (window, "win.show-section", "s",
                                                 sections[i].id));
      wait_for_draw (window);
      g_assert_cmpstr (sila_window_get_visible_section (fixture->window), ==, sections[i].id);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, expected);
      g_assert_true (gtk_list_box_get_selected_row (list) == row);
      g_assert_true (gtk_widget_get_mapped (sila_window_get_section_page (fixture->window,
                                                                          sections[i].id)));
    }

  /* Rows are activated by the sidebar too. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (sila_window_get_visible_section (fixture->window), ==, "beneficiaries");

  g_assert_false (sila_window_show_section (fixture->window, "no-such-section"));
  g_assert_cmpstr (sila_window_get_visible_section (fixture->window), ==, "beneficiaries");
}

/* A window asked for a section before it shows opens there, and builds no
 * other page: the dashboard's figures are not computed for nothing. */
static void
test_first_section (SilaTestDir   *dir,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (dir->db_path, SILA_STORE_OPEN_DEFAULT, &error);
  g_autoptr(SilaSession) session = NULL;
  SilaWindow *window;

  g_assert_no_error (error);
  session = sila_session_new (store, sila_actor_new_owner ());
  window = sila_window_new (NULL, session);
  g_assert_true (sila_window_show_section (window, "requests"));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (sila_window_get_visible_section (window), ==, "requests");
  g_assert_null (sila_window_get_section_page (window, "dashboard"));
  g_assert_nonnull (sila_window_get_section_page (window, "requests"));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_identity (WindowFixture *fixture,
               gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkLabel *actor = GTK_LABEL (template_child (window, SILA_TYPE_WINDOW, "actor_label"));
  GtkLabel *database = GTK_LABEL (template_child (window, SILA_TYPE_WINDOW, "database_label"));
  GtkRevealer *read_only = GTK_REVEALER (template_child (window, SILA_TYPE_WINDOW,
                                                         "read_only_revealer"));

  g_assert_cmpstr (gtk_label_get_label (actor), ==,
                   arabic ? "مالك قاعدة البيانات هذه" : "Owner of this database");
  g_assert_cmpstr (gtk_label_get_label (database), ==, "test.db");
  g_assert_false (gtk_revealer_get_reveal_child (read_only));
}

static void
test_read_only_banner (WindowFixture *fixture,
                       gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkRevealer *read_only = GTK_REVEALER (template_child (window, SILA_TYPE_WINDOW,
                                                         "read_only_revealer"));
  SilaPreferencesWindow *prefs;

  g_assert_true (gtk_revealer_get_reveal_child (read_only));

  prefs = sila_preferences_window_new (GTK_WINDOW (window), fixture->session);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_for_draw (GTK_WIDGET (prefs));
  g_assert_false (gtk_widget_get_sensitive (template_child (prefs, SILA_TYPE_PREFERENCES_WINDOW,
                                                            "association_row")));
  g_assert_true (gtk_widget_get_visible (template_child (prefs, SILA_TYPE_PREFERENCES_WINDOW,
                                                         "permission_note")));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_preferences (WindowFixture *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  SilaPreferencesWindow *prefs;
  GtkWidget *row, *spin;
  GtkLabel *message;
  GtkLabel *association_label = GTK_LABEL (template_child (window, SILA_TYPE_WINDOW,
                                                           "association_label"));
  g_autofree char *saved = NULL;

  prefs = sila_preferences_window_new (GTK_WINDOW (window), fixture->session);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_for_draw (GTK_WIDGET (prefs));

  row = template_child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "association_row");
  message = GTK_LABEL (template_child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "association_error"));
  g_assert_true (gtk_widget_get_sensitive (row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));

  /* An empty name: refused beside the field, in the UI language; nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_signal_emit_by_name (row, "apply");
  wait_for_draw (GTK_WIDGET (prefs));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_label_get_label (message), ==,
                   arabic ? "هذا الحقل مطلوب." : "This field is required.");
  g_free (saved);
  saved = sila_store_get_setting (fixture->store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (saved, ==, SILA_DEFAULT_ASSOCIATION_NAME);
  /* What was typed stays in the field. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "   ");

  /* Fixed: saved, the error gone, the window's header updated. */
  gtk_editable_set_text (GTK_EDITABLE (row), "جمعية البر بمكة");
  g_signal_emit_by_name (row, "apply");
  wait_for_draw (GTK_WIDGET (prefs));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_free (saved);
  saved = sila_store_get_setting (fixture->store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (saved, ==, "جمعية البر بمكة");
  g_assert_cmpstr (gtk_label_get_label (association_label), ==, "جمعية البر بمكة");

  /* Another desk changes it meanwhile: this window does not overwrite it. */
  {
    g_autoptr(SilaStore) other = sila_store_open (fixture->dir.db_path, 0, &error);
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();

    g_assert_true (sila_store_set_setting (other, owner, SILA_SETTING_ASSOCIATION_NAME,
                                           "جمعية البر بمكة", "جمعية أخرى", &error));
    g_assert_no_error (error);
  }
  gtk_editable_set_text (GTK_EDITABLE (row), "اسم ثالث");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_label (message), "جمعية أخرى"));
  g_free (saved);
  saved = sila_store_get_setting (fixture->store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (saved, ==, "جمعية أخرى");

  /* The answer window. */
  spin = template_child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "answer_spin");
  g_assert_cmpint (gtk_widget_get_direction (spin), ==, GTK_TEXT_DIR_LTR);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 21);
  g_assert_cmpint (sila_store_get_setting_int (fixture->store, SILA_SETTING_ANSWER_WINDOW, 0),
                   ==, 21);

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
help_cb (GtkWindow  *parent,
         const char *uri,
         gpointer    user_data)
{
  char **asked = user_data;

  g_free (*asked);
  *asked = g_strdup (uri);
}

/* The help URI F1 asks for, in the window @widget. */
static char *
press_f1 (GtkWidget *widget)
{
  char *asked = NULL;

  sila_help_set_handler (help_cb, &asked);
  g_assert_true (gtk_widget_activate_action (widget, "win.help", NULL));
  sila_help_set_handler (NULL, NULL);
  return asked;
}

static void
test_help (WindowFixture *fixture,
           gconstpointer  data)
{
  static const char *expected[][2] = {
    { "dashboard", "help:sila" },
    { "beneficiaries", "help:sila/open-file" },
    { "requests", "help:sila/request-committee" },
    { "surveys", "help:sila/kiosk" },
    { "reports", "help:sila/board-report" },
    { "library", "help:sila" },
  };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  SilaPreferencesWindow *prefs;
  AdwPreferencesPage *backups;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *uri = NULL;

      g_assert_true (sila_window_show_section (fixture->window, expected[i][0]));
      wait_for_draw (window);
      uri = press_f1 (window);
      g_assert_cmpstr (uri, ==, expected[i][1]);
    }

  /* F1 is bound to the window's help action, so it works in any window
   * that shows this class (the application adds it to the menu too). */
  {
    g_autoptr(GListModel) shortcuts = gtk_widget_observe_controllers (window);
    gboolean bound = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (shortcuts, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
            g_autofree char *trigger_text = gtk_shortcut_trigger_to_string (trigger);
            g_autofree char *action_text = gtk_shortcut_action_to_string (action);

            if (g_str_equal (trigger_text, "F1") && strstr (action_text, "win.help") != NULL)
              bound = TRUE;
          }
      }
    g_assert_true (bound);
  }

  /* Preferences: the office's settings, or restoring from the Backups page. */
  prefs = sila_preferences_window_new (GTK_WINDOW (window), fixture->session);
  gtk_window_present (GTK_WINDOW (prefs));
  wait_for_draw (GTK_WIDGET (prefs));
  {
    g_autofree char *uri = press_f1 (GTK_WIDGET (prefs));

    g_assert_cmpstr (uri, ==, "help:sila/preferences");
  }
  backups = ADW_PREFERENCES_PAGE (template_child (prefs, SILA_TYPE_PREFERENCES_WINDOW,
                                                  "backup_page"));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), backups);
  wait_for_draw (GTK_WIDGET (prefs));
  {
    g_autofree char *uri = press_f1 (GTK_WIDGET (prefs));

    g_assert_cmpstr (uri, ==, "help:sila/restore-backup");
  }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_library (WindowFixture *fixture,
              gconstpointer  data)
{
  static const char pdf[] = "%PDF-1.7 bylaws of the association";
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *pdf_path = sila_test_dir_file (&fixture->dir, "اللائحة.pdf");
  g_autofree char *png_path = sila_test_dir_file (&fixture->dir, "scan.png");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *contents = NULL;
  SilaLibraryPage *page;
  GtkWidget *row;
  GtkLabel *message;
  gsize length;
  GStatBuf st;

  g_assert_true (g_file_set_contents (pdf_path, pdf, sizeof pdf - 1, NULL));
  g_assert_true (g_file_set_contents (png_path, "\x89PNG\r\n\x1a\n", 8, NULL));

  g_assert_true (sila_window_show_section (fixture->window, "library"));
  wait_for_draw (window);
  page = SILA_LIBRARY_PAGE (sila_window_get_section_page (fixture->window, "library"));
  g_assert_true (SILA_IS_LIBRARY_PAGE (page));
  row = sila_library_page_get_row (page, SILA_LIBRARY_BYLAWS);
  message = GTK_LABEL (template_child (page, SILA_TYPE_LIBRARY_PAGE, "error_label"));

  /* Nothing to open yet. */
  g_assert_null (sila_library_page_export_document (page, SILA_LIBRARY_BYLAWS, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A picture: refused beside the row, in the UI language. */
  g_assert_false (sila_library_page_replace_document (page, SILA_LIBRARY_BYLAWS, png_file));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_label_get_label (message), ==,
                   arabic ? "هذا الملف ليس PDF ولا مستند Word أو OpenDocument نصيًا."
                          : "This file is not a PDF, Word or OpenDocument text document.");

  /* The PDF is kept, the error goes, the row names the file. */
  g_assert_true (sila_library_page_replace_document (page, SILA_LIBRARY_BYLAWS, pdf_file));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "اللائحة.pdf"));

  /* Opening writes it, privately, where the system's viewer can read it. */
  exported = sila_library_page_export_document (page, SILA_LIBRARY_BYLAWS, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (exported, "/bylaws.pdf"));
  g_assert_true (g_file_get_contents (exported, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, pdf, sizeof pdf - 1);
  g_assert_cmpint (g_stat (exported, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_unlink (exported);
}

/* The application as a user starts it: a fresh database in a private
 * folder, the window in the right direction. */
typedef struct {
  char    *db_path;
  gboolean saw_setup;
  gboolean checked;
} AppCheck;

static gboolean
check_app_cb (gpointer user_data)
{
  GApplication *app = g_application_get_default ();
  AppCheck *check = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GStatBuf st;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  /* A new database starts with the first-run setup, in the UI's direction;
   * the file already private. */
  if (SILA_IS_SETUP_WINDOW (window))
    {
      static const char *fields[][2] = {
        { "display_name_row", "سامي" }, { "username_row", "sami" },
        { "password_row", "a long passphrase" }, { "confirm_row", "a long passphrase" },
      };

      if (!gtk_widget_get_visible (GTK_WIDGET (window)))
        return G_SOURCE_CONTINUE;
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                       arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      g_assert_cmpint (g_stat (check->db_path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        gtk_editable_set_text (GTK_EDITABLE (template_child (window, SILA_TYPE_SETUP_WINDOW,
                                                             fields[i][0])),
                               fields[i][1]);
      gtk_widget_activate_action (GTK_WIDGET (window), "setup.create", NULL);
      check->saw_setup = TRUE;
      return G_SOURCE_CONTINUE;
    }

  g_assert_true (check->saw_setup);
  g_assert_true (SILA_IS_WINDOW (window));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                   arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  g_assert_cmpint (g_stat (check->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A new database takes this computer's default answer window. */
  {
    SilaStore *store = sila_session_get_store (sila_window_get_session (SILA_WINDOW (window)));
    g_autofree char *days = sila_store_get_setting (store, SILA_SETTING_ANSWER_WINDOW, NULL);

    g_assert_cmpstr (days, ==, "14");
  }

  /* F1 and the menu's Help run the window's help action. */
  {
    g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "F1");

    g_assert_nonnull (actions);
    g_assert_true (g_strv_contains ((const char * const *)actions, "win.help"));
  }

  check->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_application (SilaTestDir   *fixture,
                  gconstpointer  data)
{
  g_autoptr(SilaApplication) app = NULL;
  AppCheck check = { .db_path = fixture->db_path };
  char *argv[] = { (char *)"sila", NULL };

  app = sila_application_new (fixture->db_path);
  g_timeout_add (50, check_app_cb, &check);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (check.checked);

  /* gtk_init() inside the run resets the default direction from the
   * locale; the application sets it back. */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==,
                   arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");

  /* The application's daily backup writes into a home of the test's own. */
  g_autofree char *home = g_dir_make_tmp ("sila-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_store_set_cheap_hashes_for_testing (TRUE);

  /* gtk_test_init() forced the C locale; choose the language as main() does. */
  arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

#define ADD(path, setup, func) \
  g_test_add (path, WindowFixture, NULL, setup, func, window_teardown)

  ADD ("/sila/ui/window/direction", window_setup, test_direction);
  ADD ("/sila/ui/window/sections", window_setup, test_sections);
  ADD ("/sila/ui/window/identity", window_setup, test_identity);
  ADD ("/sila/ui/window/read-only", window_setup_read_only, test_read_only_banner);
  ADD ("/sila/ui/preferences/office", window_setup, test_preferences);
  ADD ("/sila/ui/library/replace-and-open", window_setup, test_library);
  ADD ("/sila/ui/window/help", window_setup, test_help);
  g_test_add ("/sila/ui/window/first-section", SilaTestDir, NULL, sila_test_dir_setup,
              test_first_section, sila_test_dir_teardown);
  g_test_add ("/sila/ui/application/start", SilaTestDir, NULL, sila_test_dir_setup,
              test_application, sila_test_dir_teardown);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
