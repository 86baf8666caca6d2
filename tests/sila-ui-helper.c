/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the real main window for tests that need a separate process and
 * for screenshots (data/screenshots/), and prints what it did on stdout.
 *
 *   sila-ui-helper DB type-draft      opens a new intake form, types into
 *                                     it as an officer would, waits for the
 *                                     draft to be written, prints
 *                                     "draft-saved ID", then waits to be
 *                                     killed (kill -9: nothing else runs)
 *   sila-ui-helper DB check-draft     opens the window as the app does at
 *                                     start; prints "offered SUMMARY" if it
 *                                     offers a draft, resumes it and prints
 *                                     "field KEY VALUE" lines; exits 0
 *   sila-ui-helper DB type-then-save  (DB on a server) opens a new intake
 *                                     form, types a valid file into it,
 *                                     prints "drafts-file PATH" and "typed",
 *                                     then for each line "save" on stdin
 *                                     saves the form and prints "saved" or
 *                                     "not-saved", "problem TEXT", the
 *                                     "field KEY VALUE" lines, "drafts N"
 *                                     and "done"; exits at end of input
 *   sila-ui-helper DB show VIEW [TEXT] shows VIEW (list, form-error,
 *                                     profile, profile-bottom: the first
 *                                     match of TEXT, edited once so that it
 *                                     has a history) and prints "ready",
 *                                     for a screenshot; exits after 60 s
 *   sila-ui-helper DB show section NAME shows the section NAME (dashboard,
 *                                     reports…) and prints "ready" once its
 *                                     figures have arrived; exits after 60 s
 * The language is SILA_TEST_LANG (ar by default). */
#include "sila-config.h"

#include <adwaita.h>
#include <stdio.h>

#include "sila-beneficiaries-page.h"
#include "sila-form.h"
#include "sila-i18n.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-drafts.h"
#include "sila-window.h"

static SilaWindow *window;
static const char *mode;
static const char *view;
static const char *text;

static void
wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
type_into (SilaIntakeForm *form,
           const char     *key,
           const char     *value)
{
  GtkWidget *field = sila_intake_form_get_field (form, key);

  sila_form_set_text (field, value);
}

static SilaBeneficiariesPage *
show_page (void)
{
  sila_window_show_section (window, "beneficiaries");
  return SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (window, "beneficiaries"));
}

static gboolean
draft_written_cb (gpointer data)
{
  SilaIntakeForm *form = data;

  if (sila_intake_form_get_draft_id (form) == NULL)
    return G_SOURCE_CONTINUE;
  printf ("draft-saved %s\n", sila_intake_form_get_draft_id (form));
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static void
do_type_draft (void)
{
  SilaBeneficiariesPage *page = show_page ();
  SilaIntakeForm *form;

  sila_beneficiaries_page_new_file (page);
  form = sila_beneficiaries_page_get_form (page);
  wait_for_draw (GTK_WIDGET (window));
  type_into (form, "id_number", "1000000008");
  type_into (form, "first_name", "خديجة");
  type_into (form, "father_name", "عبدالله");
  type_into (form, "family_name", "الزهراني");
  type_into (form, "mobile", "0551234567");
  type_into (form, "birth_date", "1402-07-15");
  /* Typing goes on; the draft is written once it pauses. */
  g_timeout_add (50, draft_written_cb, form);
}

static void
do_check_draft (void)
{
  SilaStore *store = sila_session_get_store (sila_window_get_session (window));
  g_autoptr(GPtrArray) drafts = NULL;
  SilaBeneficiariesPage *page;
  SilaIntakeForm *form;
  static const char *const keys[] = {
    "id_number", "first_name", "father_name", "family_name", "mobile", "birth_date",
  };

  drafts = sila_store_list_drafts (store, sila_session_get_actor (sila_window_get_session (window)),
                                   SILA_DRAFT_KIND_BENEFICIARY, NULL);
  if (drafts == NULL || drafts->len == 0)
    {
      printf ("no-draft\n");
      return;
    }

  /* What the window's toast does when "Resume" is pressed. */
  printf ("offered %s\n", ((SilaDraft *)g_ptr_array_index (drafts, 0))->summary);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.resume-draft", "s",
                                   ((SilaDraft *)g_ptr_array_index (drafts, 0))->id))
    {
      printf ("no-action\n");
      return;
    }
  page = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (window, "beneficiaries"));
  form = sila_beneficiaries_page_get_form (page);
  printf ("view %s\n", sila_beneficiaries_page_get_view (page));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    printf ("field %s %s\n", keys[i],
            gtk_editable_get_text (GTK_EDITABLE (sila_intake_form_get_field (form, keys[i]))));
}

/* type-then-save: the form being saved across a server going away. */
static SilaIntakeForm *saving_form;
static const char *const saving_keys[] = {
  "id_number", "first_name", "father_name", "grandfather_name", "family_name", "mobile",
  "birth_date",
};

static gboolean
save_line_cb (GIOChannel   *channel,
              GIOCondition  condition,
              gpointer      data)
{
  SilaSession *session = sila_window_get_session (window);
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  const char *problem;
  gboolean saved;

  if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
    {
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  if (!g_str_has_prefix (line, "save"))
    return G_SOURCE_CONTINUE;

  saved = sila_intake_form_save (saving_form, TRUE);
  printf ("%s\n", saved ? "saved" : "not-saved");
  problem = sila_intake_form_get_problem (saving_form);
  printf ("problem %s\n", problem != NULL ? problem : "");
  /* After a save the form is closed: its fields are read only before. */
  if (!saved)
    for (guint i = 0; i < G_N_ELEMENTS (saving_keys); i++)
      {
        GtkLabel *error = sila_intake_form_get_error_label (saving_form, saving_keys[i]);

        printf ("field %s %s\n", saving_keys[i],
                gtk_editable_get_text (GTK_EDITABLE (
                  sila_intake_form_get_field (saving_form, saving_keys[i]))));
        if (error != NULL && gtk_widget_get_visible (GTK_WIDGET (error)) &&
            *gtk_label_get_label (error) != '\0')
          printf ("error %s %s\n", saving_keys[i], gtk_label_get_label (error));
      }
  drafts = sila_store_list_drafts (sila_session_get_store (session),
                                   sila_session_get_actor (session),
                                   SILA_DRAFT_KIND_BENEFICIARY, NULL);
  printf ("drafts %d\n", drafts != NULL ? (int)drafts->len : -1);
  printf ("done\n");
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static void
do_type_then_save (void)
{
  SilaBeneficiariesPage *page = show_page ();
  SilaStore *store = sila_session_get_store (sila_window_get_session (window));
  g_autofree char *path = sila_store_local_drafts_path (store);
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (0);

  sila_beneficiaries_page_new_file (page);
  saving_form = sila_beneficiaries_page_get_form (page);
  wait_for_draw (GTK_WIDGET (window));
  type_into (saving_form, "id_number", "1000000008");
  type_into (saving_form, "first_name", "خديجة");
  type_into (saving_form, "father_name", "عبدالله");
  type_into (saving_form, "grandfather_name", "سعد");
  type_into (saving_form, "family_name", "الزهراني");
  type_into (saving_form, "gender", "female");
  type_into (saving_form, "mobile", "0551234567");
  type_into (saving_form, "birth_date", "1402-07-15");
  type_into (saving_form, "district", "الزاهر");
  type_into (saving_form, "consent", "given");
  sila_intake_form_flush_draft (saving_form);

  printf ("drafts-file %s\n", path != NULL ? path : "");
  printf ("typed\n");
  fflush (stdout);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP, save_line_cb, NULL);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A change, so that the profile has a history to show: a new mobile and
 * consent recorded. */
static void
edit_once (const char *id)
{
  SilaSession *session = sila_window_get_session (window);
  SilaStore *store = sila_session_get_store (session);
  g_autoptr(SilaBeneficiary) file = sila_store_get_beneficiary (store,
                                                                sila_session_get_actor (session),
                                                                id, NULL);

  if (file == NULL)
    return;
  g_free (file->mobile);
  file->mobile = g_strdup ("+966559876543");
  g_free (file->consent);
  file->consent = g_strdup ("given");
  g_free (file->notes);
  file->notes = g_strdup ("زارت المكتب وطلبت تحديث رقم الجوال.");
  sila_store_update_beneficiary (store, sila_session_get_actor (session), file, NULL, NULL);
}

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static gboolean
ready_cb (gpointer data)
{
  wait_for_draw (GTK_WIDGET (window));
  printf ("ready\n");
  fflush (stdout);
  g_timeout_add_seconds (60, quit_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
do_show (void)
{
  SilaBeneficiariesPage *page;

  /* Any section (dashboard, reports…): its figures are computed in a
   * thread; "ready" comes when they have had time to arrive. */
  if (g_strcmp0 (view, "section") == 0)
    {
      sila_window_show_section (window, text);
      g_timeout_add_seconds (3, ready_cb, NULL);
      return;
    }

  page = show_page ();
  if (g_strcmp0 (view, "form-error") == 0)
    {
      SilaIntakeForm *form;

      sila_beneficiaries_page_new_file (page);
      form = sila_beneficiaries_page_get_form (page);
      type_into (form, "id_number", "1000000009");
      type_into (form, "first_name", "فاطمة");
      type_into (form, "father_name", "محمد");
      type_into (form, "grandfather_name", "علي");
      type_into (form, "family_name", "الغامدي");
      type_into (form, "gender", "female");
      type_into (form, "birth_date", "1405-03-12");
      type_into (form, "mobile", "05512345");
      type_into (form, "district", "الزاهر");
      sila_intake_form_save (form, FALSE);
    }
  else if (g_str_has_prefix (view, "profile"))
    {
      GListModel *model = sila_beneficiaries_page_get_model (page);
      g_autoptr(SilaBeneficiaryRow) row = NULL;

      if (text != NULL)
        sila_beneficiaries_page_set_search (page, text);
      row = g_list_model_get_item (model, 0);
      if (row != NULL)
        {
          edit_once (sila_beneficiary_row_get_id (row));
          sila_beneficiaries_page_open_file (page, sila_beneficiary_row_get_id (row));
        }
      if (g_str_equal (view, "profile-bottom"))
        {
          GtkWidget *profile = GTK_WIDGET (sila_beneficiaries_page_get_profile (page));
          GtkWidget *scroller = find_type (profile, GTK_TYPE_SCROLLED_WINDOW);

          GtkWidget *change = find_type (profile, ADW_TYPE_EXPANDER_ROW);

          /* The latest change, opened: what it was before and after. */
          if (change != NULL)
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (change), TRUE);
          wait_for_draw (GTK_WIDGET (window));
          if (scroller != NULL)
            {
              GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (
                GTK_SCROLLED_WINDOW (scroller));

              gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
            }
        }
    }
  else if (text != NULL)
    sila_beneficiaries_page_set_search (page, text);

  wait_for_draw (GTK_WIDGET (window));
  printf ("ready\n");
  fflush (stdout);
  g_timeout_add_seconds (60, quit_cb, NULL);
}

static void
startup_cb (GApplication *app,
            gpointer      rtl)
{
  /* gtk_init() set the direction from the locale; the language decides. */
  gtk_widget_set_default_direction (GPOINTER_TO_INT (rtl) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static void
activate_cb (GtkApplication *app,
             const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (path, SILA_STORE_OPEN_DEFAULT, &error);
  g_autoptr(SilaSession) session = NULL;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_application_quit (G_APPLICATION (app));
      return;
    }
  session = sila_session_new (store, sila_actor_new_owner ());
  window = sila_window_new (app, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_maximize (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (GTK_WIDGET (window));

  if (g_str_equal (mode, "type-draft"))
    do_type_draft ();
  else if (g_str_equal (mode, "type-then-save"))
    do_type_then_save ();
  else if (g_str_equal (mode, "check-draft"))
    {
      do_check_draft ();
      fflush (stdout);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  else
    do_show ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  gboolean arabic = g_strcmp0 (g_getenv ("SILA_TEST_LANG"), "en") != 0;

  if (argc < 3)
    {
      g_printerr ("usage: %s DB type-draft|check-draft|type-then-save|show VIEW [TEXT]\n",
                  argv[0]);
      return 2;
    }
  mode = argv[2];
  view = argc > 3 ? argv[3] : NULL;
  text = argc > 4 ? argv[4] : NULL;

  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  app = adw_application_new ("sa.org.sila.TestHelper", G_APPLICATION_NON_UNIQUE);
  g_object_set (app, "resource-base-path", RESOURCE_PREFIX, NULL);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), GINT_TO_POINTER (arabic));
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), argv[1]);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
