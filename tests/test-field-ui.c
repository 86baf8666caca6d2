/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Field Work place in real windows (issue 15): at the office a kit is
 * refused without an event (the message beside the field, nothing made)
 * and made for a district; on the laptop's kit the window says which event
 * it belongs to, and the return bundle is written; back at the office the
 * bundle is checked (the summary, nothing changed yet), merged, its
 * conflict and possible duplicate listed, one settled with the field's
 * value, and the merge listed among the past ones. With
 * SILA_SCREENSHOT_DIR set, the screens are drawn there. Run with
 * SILA_TEST_LANG=ar (and en). */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sila-beneficiary.h"
#include "sila-clock.h"
#include "sila-field-page.h"
#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-field.h"
#include "sila-store-private.h"
#include "sila-test-requests.h"
#include "sila-test-shots.h"
#include "sila-test-util.h"
#include "sila-window.h"

static gboolean arabic;

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
  char        *kit_path;
  char        *bundle_path;
} Fixture;

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
add_person (SilaStore  *store,
            const char *nine,
            const char *first_name,
            const char *district)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = sila_beneficiary_new ();
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();

  file->id_type = SILA_ID_TYPE_NATIONAL_ID;
  file->id_number = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_free (file->name[0]);
  file->name[0] = g_strdup (first_name);
  g_free (file->name[3]);
  file->name[3] = g_strdup ("الحربي");
  file->gender = g_strdup ("female");
  file->district = g_strdup (district);
  g_free (file->consent);
  file->consent = g_strdup ("given");
  g_assert_true (sila_store_create_beneficiary (store, owner, file, NULL, &error));
  g_assert_no_error (error);
}

static SilaWindow *
open_window (SilaStore    *store,
             SilaSession **session)
{
  SilaWindow *window;

  *session = sila_session_new (store, sila_actor_new_owner ());
  window = sila_window_new (NULL, *session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));
  g_assert_true (sila_window_show_section (window, "field"));
  settle (GTK_WIDGET (window));
  return window;
}

static void
shoot (SilaWindow *window,
       const char *name)
{
  const char *dir = g_getenv ("SILA_SCREENSHOT_DIR");

  if (dir != NULL)
    sila_test_shoot (GTK_WIDGET (window), dir, name, arabic ? "ar" : "en");
}

/* The page scrolled to its end, where the review list is. */
static void
scroll_to_end (SilaWindow *window)
{
  GtkWidget *page = sila_window_get_section_page (window, "field");
  GtkWidget *scrolled = gtk_widget_get_first_child (page);
  GtkAdjustment *adj;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  settle (GTK_WIDGET (window));
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  settle (GTK_WIDGET (window));
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
  sila_test_set_now ("2026-12-01T07:00:00Z");
  add_person (f->store, "100000001", "نورة", "النسيم");
  add_person (f->store, "100000019", "سارة", "الروضة");
  f->kit_path = g_build_filename (f->dir.dir, "kit.sila", NULL);
  f->bundle_path = g_build_filename (f->dir.dir, "return.bundle", NULL);
  f->window = open_window (f->store, &f->session);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sila_clock_set_fixed (NULL);
  g_clear_object (&f->session);
  g_assert_finalize_object (f->store);
  g_free (f->kit_path);
  g_free (f->bundle_path);
  sila_test_dir_teardown (&f->dir, NULL);
}

static void
test_kit_bundle_merge_review (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SilaFieldPage *page = SILA_FIELD_PAGE (sila_window_get_section_page (f->window, "field"));
  GtkLabel *kit_error = sila_field_page_get_kit_error (page);
  g_autoptr(SilaStore) kit = NULL;
  g_autoptr(SilaSession) kit_session = NULL;
  SilaWindow *kit_window;
  SilaFieldPage *kit_page;
  const char *paths[] = { NULL, NULL };
  struct stat st;

  /* No event: refused beside the field, and no kit. */
  gtk_editable_set_text (GTK_EDITABLE (sila_field_page_get_districts_row (page)), "النسيم");
  g_assert_false (sila_field_page_prepare_kit (page, f->kit_path));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kit_error)));
  g_assert_cmpstr (gtk_label_get_label (kit_error), !=, "");
  g_assert_true (gtk_widget_has_css_class (sila_field_page_get_event_row (page), "error"));
  g_assert_false (g_file_test (f->kit_path, G_FILE_TEST_EXISTS));

  gtk_editable_set_text (GTK_EDITABLE (sila_field_page_get_event_row (page)),
                         "يوم حي النسيم");
  shoot (f->window, "field-kit");
  g_assert_true (sila_field_page_prepare_kit (page, f->kit_path));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (kit_error)));
  g_assert_cmpint (g_stat (f->kit_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The office edits Noura's address meanwhile. */
  sila_test_set_now ("2026-12-01T09:00:00Z");
  g_assert_true (sila_store_exec (f->store, "UPDATE beneficiaries SET address = 'مكتب', "
                                  "rev = rev + 1, updated_at = '2026-12-01T09:00:00.000Z' "
                                  "WHERE first_name = 'نورة'", &error));
  g_assert_no_error (error);

  /* On the laptop: the window names the event; Sara registered again (she
   * is not on this district's kit), Noura's address changed too. */
  kit = sila_store_open (f->kit_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  sila_test_set_now ("2026-12-01T10:00:00Z");
  add_person (kit, "100000019", "سارة", "النسيم");
  g_assert_true (sila_store_exec (kit, "UPDATE beneficiaries SET address = 'ميدان', "
                                  "rev = rev + 1, updated_at = '2026-12-01T10:00:00.000Z' "
                                  "WHERE first_name = 'نورة'", &error));
  kit_window = open_window (kit, &kit_session);
  kit_page = SILA_FIELD_PAGE (sila_window_get_section_page (kit_window, "field"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sila_field_page_get_kit_label (kit_page))));
  g_assert_nonnull (strstr (gtk_label_get_label (sila_field_page_get_kit_label (kit_page)),
                            "يوم حي النسيم"));
  g_assert_false (gtk_widget_get_mapped (sila_field_page_get_event_row (kit_page)));
  g_assert_true (sila_field_page_write_bundle (kit_page, f->bundle_path));
  shoot (kit_window, "field-bundle");
  g_assert_cmpint (g_stat (f->bundle_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  gtk_window_destroy (GTK_WINDOW (kit_window));
  g_clear_object (&kit_session);

  /* Back at the office: the summary first, nothing merged yet. */
  sila_test_set_now ("2026-12-02T08:00:00Z");
  paths[0] = f->bundle_path;
  g_assert_true (sila_field_page_check_bundles (page, paths));
  settle (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_visible (sila_field_page_get_summary (page)));
  g_assert_cmpuint (sila_field_page_get_n_merges (page), ==, 0);
  shoot (f->window, "field-summary");

  g_assert_true (sila_field_page_merge (page));
  settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sila_field_page_get_n_merges (page), ==, 1);
  g_assert_cmpuint (sila_field_page_get_n_conflicts (page), ==, 2);
  scroll_to_end (f->window);
  shoot (f->window, "field-review");

  /* Merged once only. */
  g_assert_false (sila_field_page_check_bundles (page, paths));

  /* The address: the field's value chosen. */
  {
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();
    g_autoptr(GPtrArray) list = sila_store_field_list_conflicts (f->store, owner, &error);
    guint address = G_MAXUINT;

    g_assert_no_error (error);
    for (guint i = 0; i < list->len; i++)
      if (g_strcmp0 (((SilaFieldConflict *)list->pdata[i])->column, "address") == 0)
        address = i;
    g_assert_cmpuint (address, !=, G_MAXUINT);
    g_assert_true (sila_field_page_resolve (page, address, TRUE));
  }
  g_assert_cmpuint (sila_field_page_get_n_conflicts (page), ==, 1);
  {
    g_autoptr(SilaStatement) stmt =
      sila_store_prepare (f->store, "SELECT address FROM beneficiaries "
                                    "WHERE first_name = 'نورة'", &error);
    g_autofree char *address = NULL;

    g_assert_true (sila_store_step_text (f->store, stmt, &address, &error));
    g_assert_cmpstr (address, ==, "ميدان");
  }
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

  g_test_add ("/sila/ui/field/kit-bundle-merge-review", Fixture, NULL, fixture_setup,
              test_kit_bundle_merge_review, fixture_teardown);

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
