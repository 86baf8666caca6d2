/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Field Work place in real windows (issue 15): at the office a kit is
 * refused without an event (the message beside the field, nothing made)
 * and made for a district; on the laptop's kit the window says which event
 * it belongs to, and the return bundle is written; back at the office the
 * bundle is checked (the summary, nothing changed yet), merged, its
 * conflict and possible duplicate listed, one settled with the field's
 * value, and the merge listed among the past ones. The kit form's staff
 * list (the accounts not chosen stay at the office, the preparer's own box
 * locked on), and on a lookup-only kit the new-file form naming the
 * office's file that has the ID typed. With
 * SILA_SCREENSHOT_DIR set, the screens are drawn there. Run with
 * SILA_TEST_LANG=ar (and en). */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sila-beneficiaries-page.h"
#include "sila-beneficiary.h"
#include "sila-display.h"
#include "sila-form.h"
#include "sila-clock.h"
#include "sila-field-page.h"
#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-field.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
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
  /* Typing in the field takes its message away. */
  g_assert_false (gtk_widget_has_css_class (sila_field_page_get_event_row (page), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (kit_error)));
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

#define STAFF_PASSWORD "field-Kit-pass-2026!"

/* The first account (an administrator) added by the owner, the others by
 * that administrator. */
static void
add_staff (SilaStore  *store,
           const char *username,
           const char *display_name,
           SilaRole    roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaStaff) admin = sila_store_authenticate (store, "sami", STAFF_PASSWORD, NULL);
  g_autoptr(SilaActor) actor = admin != NULL ? sila_staff_to_actor (admin) : NULL;
  SilaStaff *staff = sila_store_add_staff (store, actor != NULL ? actor : owner, username,
                                           display_name, roles, STAFF_PASSWORD, FALSE, &error);

  g_assert_no_error (error);
  sila_staff_free (staff);
}

static char *
kit_staff (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) kit = sila_store_open (path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaStatement) stmt = NULL;
  char *names = NULL;

  g_assert_no_error (error);
  stmt = sila_store_prepare (kit, "SELECT group_concat (username, ',') FROM "
                                  "(SELECT username FROM staff ORDER BY username)", &error);
  g_assert_true (sila_store_step_text (kit, stmt, &names, &error));
  g_assert_no_error (error);
  return names;
}

/* The kit form's staff list: all checked at first; the accounts not
 * chosen do not travel; whoever prepares the kit is on it, their box
 * checked and locked (so the list never ends up empty for them). */
static void
test_kit_staff (Fixture       *f,
                gconstpointer  data)
{
  SilaFieldPage *page = SILA_FIELD_PAGE (sila_window_get_section_page (f->window, "field"));
  SilaFieldStaff *staff;
  g_autofree char *path = g_build_filename (f->dir.dir, "staff.sila", NULL);
  g_autofree char *own_path = g_build_filename (f->dir.dir, "own.sila", NULL);
  g_autofree char *names = NULL;
  g_autoptr(SilaStaff) sami = NULL;
  g_autoptr(SilaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  SilaWindow *window;

  /* A database with no account: no list, and a kit as ever. */
  g_assert_false (gtk_widget_get_visible (sila_field_page_get_staff_row (page)));

  add_staff (f->store, "sami", "سامي العتيبي", SILA_ROLE_ADMIN | SILA_ROLE_MANAGER);
  add_staff (f->store, "huda", "هدى القحطاني", SILA_ROLE_OFFICER);
  add_staff (f->store, "amal", "أمل الشمري", SILA_ROLE_OFFICER);
  sami = sila_store_authenticate (f->store, "sami", STAFF_PASSWORD, &error);
  g_assert_no_error (error);
  session = sila_session_new (f->store, sila_staff_to_actor (sami));
  window = sila_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sila_window_show_section (window, "field"));
  settle (GTK_WIDGET (window));
  page = SILA_FIELD_PAGE (sila_window_get_section_page (window, "field"));
  staff = sila_field_page_get_staff (page);
  g_assert_true (gtk_widget_get_visible (sila_field_page_get_staff_row (page)));
  g_assert_cmpuint (sila_field_staff_get_n_rows (staff), ==, 3);

  /* Huda and Amal unchecked: Sami's own box cannot be. */
  g_assert_true (sila_field_staff_set_chosen (staff, "huda", FALSE));
  g_assert_true (sila_field_staff_set_chosen (staff, "amal", FALSE));
  g_assert_false (sila_field_staff_set_chosen (staff, "sami", FALSE));
  gtk_editable_set_text (GTK_EDITABLE (sila_field_page_get_event_row (page)), "يوم الحي");
  gtk_editable_set_text (GTK_EDITABLE (sila_field_page_get_districts_row (page)), "الروضة");
  g_assert_true (sila_field_page_prepare_kit (page, path));
  names = kit_staff (path);
  g_assert_cmpstr (names, ==, "sami");

  /* Huda chosen again: she goes, Amal stays at the office. */
  g_assert_true (sila_field_staff_set_chosen (staff, "huda", TRUE));
  gtk_editable_set_text (GTK_EDITABLE (sila_field_page_get_event_row (page)), "يوم حي النسيم");
  gtk_editable_set_text (GTK_EDITABLE (sila_field_page_get_districts_row (page)), "النسيم");
  settle (GTK_WIDGET (window));
  shoot (window, "field-kit-staff");
  g_assert_true (sila_field_page_prepare_kit (page, own_path));
  g_clear_pointer (&names, g_free);
  names = kit_staff (own_path);
  g_assert_cmpstr (names, ==, "huda,sami");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a lookup-only kit, an ID the office already has is said beside the
 * ID field, with the office's file number; that file cannot be opened
 * here. */
static void
test_office_duplicate_on_laptop (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaStore) kit = NULL;
  g_autoptr(SilaSession) session = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sara = g_strdup_printf ("100000019%c",
                                          sila_national_id_check_digit ("100000019"));
  g_autofree char *shown = NULL;
  SilaBeneficiariesPage *files;
  SilaIntakeForm *form;
  SilaWindow *window;
  const char *message = NULL;
  gboolean can_open = TRUE;
  gint64 number = 0;
  gint64 deadline;

  g_assert_true (sila_store_field_make_kit (f->store, owner, "توزيع", NULL, TRUE, f->kit_path,
                                            &error));
  g_assert_no_error (error);
  stmt = sila_store_prepare (f->store, "SELECT file_number FROM beneficiaries "
                                       "WHERE first_name = 'سارة'", &error);
  g_assert_cmpint (sila_store_step (f->store, stmt, &error), ==, SILA_STEP_ROW);
  number = sila_column_int64 (stmt, 0);
  shown = sila_display_file_number (number);

  kit = sila_store_open (f->kit_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  session = sila_session_new (kit, sila_actor_new_owner ());
  window = sila_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 860);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sila_window_show_section (window, "beneficiaries"));
  files = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (window, "beneficiaries"));
  sila_beneficiaries_page_new_file (files);
  form = sila_beneficiaries_page_get_form (files);
  settle (GTK_WIDGET (window));

  sila_form_set_text (sila_intake_form_get_field (form, "first_name"), "سارة");
  sila_form_set_text (sila_intake_form_get_field (form, "family_name"), "الحربي");
  sila_form_set_text (sila_intake_form_get_field (form, "id_number"), sara);
  /* The check runs once typing pauses: wait for it, however long. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((message = sila_intake_form_get_duplicate (form, &can_open)) == NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, shown));
  g_assert_false (can_open);
  settle (GTK_WIDGET (window));
  shoot (window, "field-office-duplicate");

  /* An ID the office does not have: nothing said. */
  sila_form_set_text (sila_intake_form_get_field (form, "id_number"), "1000000008");
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (sila_intake_form_get_duplicate (form, NULL) != NULL &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (sila_intake_form_get_duplicate (form, NULL));
  sila_intake_form_flush_draft (form);
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add ("/sila/ui/field/kit-staff", Fixture, NULL, fixture_setup, test_kit_staff,
              fixture_teardown);
  g_test_add ("/sila/ui/field/office-duplicate-on-laptop", Fixture, NULL, fixture_setup,
              test_office_duplicate_on_laptop, fixture_teardown);

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
