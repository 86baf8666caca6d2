/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading every screen without stumbling, in real windows, run twice
 * (SILA_TEST_LANG=ar and en): the parts of a line joined by a separator
 * that cannot be read as a digit; file numbers as codes and quantities in
 * the UI language's digits (a spin button); a woman's marital status in
 * the feminine; pages opened at their top; Preferences in the app's words
 * with names, not internal codes; the researcher's name, not a user name;
 * and the shortcuts window listing every key the app installs.
 *
 * With SILA_SHOTS_DIR set, each screen is also drawn into a PNG there, to
 * look at. */
#include "sila-config.h"

#include <adwaita.h>
#include <string.h>

#include "sila-application-private.h"
#include "sila-audit-window.h"
#include "sila-beneficiaries-page.h"
#include "sila-beneficiary-profile.h"
#include "sila-contact-window.h"
#include "sila-display.h"
#include "sila-form.h"
#include "sila-i18n.h"
#include "sila-intake-form.h"
#include "sila-library-page.h"
#include "sila-new-request-window.h"
#include "sila-preferences-window.h"
#include "sila-request-view.h"
#include "sila-requests-page.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-library.h"
#include "sila-survey-form.h"
#include "sila-test-accounts-ui.h"
#include "sila-test-requests.h"
#include "sila-test-shots.h"
#include "sila-window.h"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
  char        *file_id;
} Fixture;

static void
shoot (GtkWidget  *window,
       const char *name)
{
  const char *dir = g_getenv ("SILA_SHOTS_DIR");

  if (dir != NULL && *dir != '\0')
    sila_test_shoot (window, dir, name, sila_test_arabic ? "ar" : "en");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  f->session = sila_session_new (f->store, sila_actor_new_owner ());
  f->file_id = sila_test_add_beneficiary (f->store, sila_session_get_actor (f->session),
                                          "104857362", "نورة");
  /* A married woman. */
  g_assert_true (sila_store_get_beneficiary (f->store, sila_session_get_actor (f->session),
                                             f->file_id, &error) != NULL);
  file = sila_store_get_beneficiary (f->store, sila_session_get_actor (f->session), f->file_id,
                                     &error);
  g_assert_no_error (error);
  g_free (file->marital_status);
  file->marital_status = g_strdup ("married");
  g_assert_true (sila_store_update_beneficiary (f->store, sila_session_get_actor (f->session),
                                                file, NULL, &error));
  g_assert_no_error (error);

  f->window = sila_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  sila_test_settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->session);
  g_assert_finalize_object (f->store);
  g_free (f->file_id);
  sila_test_dir_teardown (&f->dir, NULL);
}

/* Every text a person sees under @root: labels, rows' titles and
 * subtitles, one per line. */
static void
collect_texts (GtkWidget *root,
               GString   *out)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  if (ADW_IS_PREFERENCES_ROW (root))
    g_string_append_printf (out, "%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL)
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

static char *
texts_of (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_texts (root, out);
  return g_string_free (out, FALSE);
}

/* The vertical scroll of the first scrolled window under @root that is
 * shown and taller than its view. */
static GtkAdjustment *
find_scroll (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (root))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (root));

      if (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_lower (adj) >
          gtk_adjustment_get_page_size (adj) + 100)
        return adj;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *adj = find_scroll (child);

      if (adj != NULL)
        return adj;
    }
  return NULL;
}

static void
scroll_to_bottom (GtkAdjustment *adj)
{
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) -
                                 gtk_adjustment_get_page_size (adj));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, gtk_adjustment_get_lower (adj));
}

static void
assert_at_top (GtkWidget *page)
{
  GtkAdjustment *adj = find_scroll (page);

  g_assert_nonnull (adj);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, gtk_adjustment_get_lower (adj));
}

/* The profile: "File number 2067 — National ID 10…" joined by the
 * separator, the number a code in Western digits, and a married woman
 * "متزوجة". */
static void
test_profile_reads_right (Fixture       *f,
                          gconstpointer  data)
{
  SilaBeneficiariesPage *page;
  SilaBeneficiaryProfile *profile;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *number = NULL;
  GtkLabel *summary;

  file = sila_store_get_beneficiary (f->store, sila_session_get_actor (f->session), f->file_id,
                                     NULL);
  g_assert_true (sila_window_show_section (f->window, "beneficiaries"));
  page = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (f->window, "beneficiaries"));
  sila_test_settle (GTK_WIDGET (f->window));
  shoot (GTK_WIDGET (f->window), "screens-list");
  g_assert_true (sila_beneficiaries_page_open_file (page, f->file_id));
  sila_test_settle (GTK_WIDGET (f->window));
  profile = sila_beneficiaries_page_get_profile (page);
  shoot (GTK_WIDGET (f->window), "screens-profile");

  summary = sila_test_child (profile, SILA_TYPE_BENEFICIARY_PROFILE, "summary_label");
  number = g_strdup_printf ("\u2066%" G_GINT64_FORMAT "\u2069", file->file_number);
  g_assert_nonnull (strstr (gtk_label_get_text (summary), SILA_DISPLAY_SEPARATOR));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), number));

  texts = texts_of (GTK_WIDGET (profile));
  g_assert_null (strstr (texts, "·"));
  g_assert_nonnull (strstr (texts, sila_test_arabic ? "متزوجة" : "Married"));
  g_assert_null (strstr (texts, "متزوج\n"));
}

/* The form's marital choices follow the gender chosen. */
static void
test_form_marital_choices (Fixture       *f,
                           gconstpointer  data)
{
  SilaBeneficiariesPage *page;
  SilaIntakeForm *form;
  GtkWidget *gender, *marital;
  GListModel *model;
  g_autoptr(GtkStringObject) chosen = NULL;

  g_assert_true (sila_window_show_section (f->window, "beneficiaries"));
  page = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (f->window, "beneficiaries"));
  sila_beneficiaries_page_new_file (page);
  sila_test_settle (GTK_WIDGET (f->window));
  form = sila_beneficiaries_page_get_form (page);
  gender = sila_intake_form_get_field (form, "gender");
  marital = sila_intake_form_get_field (form, "marital_status");
  sila_form_choice_set_code (marital, "widowed");
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (marital));

  sila_form_choice_set_code (gender, "female");
  g_assert_cmpstr (sila_form_choice_get_code (marital), ==, "widowed");
  chosen = g_list_model_get_item (model, gtk_drop_down_get_selected (GTK_DROP_DOWN (marital)));
  g_assert_cmpstr (gtk_string_object_get_string (chosen), ==,
                   sila_test_arabic ? "أرملة" : "Widowed");
  g_clear_object (&chosen);

  /* A long list's search entry speaks the UI language. */
  {
    GtkWidget *nationality = sila_intake_form_get_field (form, "nationality");
    GQueue queue = G_QUEUE_INIT;
    gboolean found = FALSE;

    g_queue_push_tail (&queue, nationality);
    while (!g_queue_is_empty (&queue))
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (GTK_IS_SEARCH_ENTRY (w))
          {
            g_autofree char *placeholder = NULL;

            g_object_get (w, "placeholder-text", &placeholder, NULL);
            g_assert_cmpstr (placeholder, ==, sila_test_arabic ? "ابحث…" : "Search…");
            found = TRUE;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_assert_true (found);
  }

  sila_form_choice_set_code (gender, "male");
  chosen = g_list_model_get_item (model, gtk_drop_down_get_selected (GTK_DROP_DOWN (marital)));
  g_assert_cmpstr (gtk_string_object_get_string (chosen), ==,
                   sila_test_arabic ? "أرمل" : "Widowed");
  g_assert_cmpstr (sila_form_choice_get_code (marital), ==, "widowed");
}

/* A new file's form opens at its top, however far the last one was
 * scrolled. */
static void
test_form_opens_at_top (Fixture       *f,
                        gconstpointer  data)
{
  SilaBeneficiariesPage *page;
  GtkAdjustment *adj;

  g_assert_true (sila_window_show_section (f->window, "beneficiaries"));
  page = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (f->window, "beneficiaries"));
  sila_beneficiaries_page_new_file (page);
  sila_test_settle (GTK_WIDGET (f->window));
  adj = find_scroll (GTK_WIDGET (sila_beneficiaries_page_get_form (page)));
  g_assert_nonnull (adj);
  scroll_to_bottom (adj);
  sila_test_settle (GTK_WIDGET (f->window));

  /* Back to the list, then another new file. */
  g_assert_true (sila_beneficiaries_page_open_file (page, f->file_id));
  sila_test_settle (GTK_WIDGET (f->window));
  sila_beneficiaries_page_new_file (page);
  sila_test_settle (GTK_WIDGET (f->window));
  assert_at_top (GTK_WIDGET (sila_beneficiaries_page_get_form (page)));
  shoot (GTK_WIDGET (f->window), "screens-new-file");
}

/* A request opened from the list lands at its top, not where the last
 * one was scrolled nor at its timeline; its lines read right. */
static void
test_request_opens_at_top (Fixture       *f,
                           gconstpointer  data)
{
  const SilaActor *actor = sila_session_get_actor (f->session);
  g_autoptr(SilaRequest) first = sila_test_open_request (f->store, actor, f->file_id, "food_basket",
                                                          NULL);
  g_autoptr(SilaRequest) second = sila_test_open_request (f->store, actor, f->file_id, "rent",
                                                           NULL);
  SilaRequestsPage *page;
  SilaRequestView *view;
  GtkAdjustment *adj;
  g_autofree char *texts = NULL;

  sila_test_walk_request (f->store, actor, first->id, SILA_REQUEST_CLOSED);
  sila_test_walk_request (f->store, actor, second->id, SILA_REQUEST_IN_RESEARCH);

  g_assert_true (sila_window_show_request (f->window, first->id));
  sila_test_settle (GTK_WIDGET (f->window));
  page = SILA_REQUESTS_PAGE (sila_window_get_section_page (f->window, "requests"));
  view = sila_requests_page_get_view (page);
  assert_at_top (GTK_WIDGET (view));
  adj = find_scroll (GTK_WIDGET (view));
  scroll_to_bottom (adj);
  sila_test_settle (GTK_WIDGET (f->window));

  sila_requests_page_show_list (page, "all");
  sila_test_settle (GTK_WIDGET (f->window));
  g_assert_true (sila_requests_page_show_request (page, second->id));
  sila_test_settle (GTK_WIDGET (f->window));
  assert_at_top (GTK_WIDGET (view));
  shoot (GTK_WIDGET (f->window), "screens-request");

  texts = texts_of (GTK_WIDGET (view));
  g_assert_null (strstr (texts, "·"));
  g_assert_nonnull (strstr (texts, SILA_DISPLAY_SEPARATOR));
  /* People by name: the owner of a database without accounts in words. */
  g_assert_null (strstr (texts, "owner"));
  g_assert_nonnull (strstr (texts, sila_test_arabic ? "مالك قاعدة البيانات هذه"
                                                    : "Owner of this database"));

  /* The researcher's choice shows the chosen name whole, under its title,
   * rather than cut at the row's end. */
  {
    g_autoptr(SilaRequest) third = sila_test_open_request (f->store, actor, f->file_id,
                                                            "medical", NULL);
    AdwComboRow *researcher;

    sila_test_walk_request (f->store, actor, third->id, SILA_REQUEST_DOCUMENTS_COMPLETE);
    g_assert_true (sila_requests_page_show_request (page, third->id));
    researcher = sila_test_child (view, SILA_TYPE_REQUEST_VIEW, "researcher_row");
    g_assert_true (adw_combo_row_get_use_subtitle (researcher));
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 1500);
    sila_test_settle (GTK_WIDGET (f->window));
    shoot (GTK_WIDGET (f->window), "screens-research-step");
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  }
}

/* The library's line: the file name isolated, its size in the UI
 * language's digits, the person who replaced it by name, the parts joined
 * by the separator. */
static void
test_library_line (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  GString *pdf = g_string_new ("%PDF-1.7 bylaws of the association\n");
  SilaLibraryPage *page;
  const char *line;

  while (pdf->len < 46300)
    g_string_append_c (pdf, ' ');
  content = g_string_free_to_bytes (pdf);
  g_assert_true (sila_store_library_replace (f->store, sila_session_get_actor (f->session),
                                             SILA_LIBRARY_BYLAWS, "Bylaws-2026.pdf", content,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (sila_window_show_section (f->window, "library"));
  page = SILA_LIBRARY_PAGE (sila_window_get_section_page (f->window, "library"));
  sila_test_settle (GTK_WIDGET (f->window));
  shoot (GTK_WIDGET (f->window), "screens-library");
  line = adw_action_row_get_subtitle (ADW_ACTION_ROW (sila_library_page_get_row (
                                                        page, SILA_LIBRARY_BYLAWS)));
  /* In Arabic the line starts with a right-to-left mark: it reads from the
   * right although it starts with a Latin name. */
  if (sila_test_arabic)
    g_assert_true (g_str_has_prefix (line, "\u200f"));
  g_assert_nonnull (strstr (line, "\u2068Bylaws-2026.pdf\u2069" SILA_DISPLAY_SEPARATOR));
  g_assert_nonnull (strstr (line, sila_test_arabic ? "٤٦٫٣ ك.بايت" : "46.3 kB"));
  g_assert_nonnull (strstr (line, sila_test_arabic ? "\u2068مالك قاعدة البيانات هذه\u2069"
                                                   : "\u2068Owner of this database\u2069"));
  g_assert_null (strstr (line, "owner"));
  if (sila_test_arabic)
    g_assert_null (strpbrk (strstr (line, SILA_DISPLAY_SEPARATOR), "0123456789"));
}

/* Preferences: its title and libadwaita's words in the UI language, the
 * request types by name with their codes only labelled inside, and the
 * spin buttons in the UI language's digits. */
static void
test_preferences_words (Fixture       *f,
                        gconstpointer  data)
{
  SilaPreferencesWindow *prefs = sila_preferences_window_new (GTK_WINDOW (f->window), f->session);
  GtkWidget *spin;
  GtkWidget *row;
  const char *text;

  gtk_window_present (GTK_WINDOW (prefs));
  sila_test_settle (GTK_WIDGET (prefs));
  shoot (GTK_WIDGET (prefs), "screens-preferences");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (prefs)), ==,
                   sila_test_arabic ? "التفضيلات" : "Preferences");

  spin = sila_test_child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "answer_spin");
  text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_assert_cmpuint (strlen (text), >, 0);
  if (sila_test_arabic)
    g_assert_null (strpbrk (text, "0123456789"));
  else
    g_assert_true (g_ascii_isdigit (text[0]));
  /* What is typed in either digits is read. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "٢١");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 21);
  gtk_editable_set_text (GTK_EDITABLE (spin), "14");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 14);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==,
                   sila_test_arabic ? "١٤" : "14");

  /* The outreach thresholds, built in code, likewise. */
  spin = sila_test_find_named (prefs, GTK_TYPE_SPIN_BUTTON, "outreach_expiry_days");
  text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_assert_cmpuint (strlen (text), >, 0);
  if (sila_test_arabic)
    g_assert_null (strpbrk (text, "0123456789"));

  /* A request type's row shows its name, not "financial_aid". */
  row = sila_test_find_named (prefs, ADW_TYPE_EXPANDER_ROW, "financial_aid");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), !=, "financial_aid");
  g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "_"));

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The About window's pages in the app's words. */
static void
test_about_words (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SilaApplication) app = sila_application_new ("/nonexistent");
  GtkWidget *about;
  g_autofree char *texts = NULL;

  sila_application_add_actions (app);
  g_action_activate (g_action_map_lookup_action (G_ACTION_MAP (app), "about"), NULL);
  about = sila_test_wait_for_window (ADW_TYPE_ABOUT_WINDOW);
  sila_test_settle (about);
  shoot (about, "screens-about");
  /* Every page is built with the window, shown or not. */
  {
    GString *all = g_string_new (NULL);
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, about);
    while (!g_queue_is_empty (&queue))
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (GTK_IS_LABEL (w))
          g_string_append_printf (all, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
        if (ADW_IS_PREFERENCES_ROW (w))
          g_string_append_printf (all, "%s\n",
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
             c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    texts = g_string_free (all, FALSE);
  }
  if (sila_test_arabic)
    {
      g_assert_null (strstr (texts, "Credits\n"));
      g_assert_null (strstr (texts, "Legal\n"));
      g_assert_null (strstr (texts, "absolutely no warranty"));
      g_assert_nonnull (strstr (texts, "الترخيص"));
    }
  else
    g_assert_nonnull (strstr (texts, "Legal"));
  gtk_window_destroy (GTK_WINDOW (about));
}

/* Keys as GTK writes them, to compare one way of naming a key with another. */
static char *
accel_key (guint           keyval,
           GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval),
                               mods & gtk_accelerator_get_default_mod_mask ());
}

static void
add_widget_keys (GtkWidget  *widget,
                 GHashTable *installed)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          /* GTK's own keys (the inspector's, signal bindings of its
           * widgets) are not the app's to list. */
          if (!GTK_IS_NAMED_ACTION (action) ||
              g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                "window.toggle-debugging"))
            continue;
          if (GTK_IS_KEYVAL_TRIGGER (trigger))
            {
              GtkKeyvalTrigger *key = GTK_KEYVAL_TRIGGER (trigger);

              g_hash_table_add (installed, accel_key (gtk_keyval_trigger_get_keyval (key),
                                                      gtk_keyval_trigger_get_modifiers (key)));
            }
        }
    }
}

/* The shortcuts window lists, with its keys written out, every accelerator
 * the application sets and every key binding of the app's windows and
 * pages; and nothing that is not one of them. */
static void
test_shortcuts_window_lists_every_key (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/sa/org/sila/Desk/ui/sila-shortcuts-window.ui");
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SilaApplication) app = sila_application_new ("/nonexistent");
  g_auto(GStrv) actions = NULL;
  GSList *objects = gtk_builder_get_objects (builder);
  GHashTableIter iter;
  const char *key;
  SilaBeneficiariesPage *beneficiaries;
  GtkWidget *windows[4];

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;
      guint keyval;
      GdkModifierType mods;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action,
                    "title", &title, NULL);
      /* A shortcut given only by its action shows no key in this window. */
      g_assert_nonnull (accelerator);
      g_assert_null (action);
      g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
      g_hash_table_add (listed, accel_key (keyval, mods));
      /* Its title is translated. */
      if (sila_test_arabic)
        g_assert_false (g_ascii_isalpha (title[0]));
    }
  g_slist_free (objects);

  /* The application's accelerators. */
  sila_application_add_actions (app);
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_cmpuint (g_strv_length (actions), >=, 5);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          g_hash_table_add (installed, accel_key (keyval, mods));
        }
    }

  /* The key bindings of the window, its pages and the app's other windows. */
  add_widget_keys (GTK_WIDGET (f->window), installed);
  g_assert_true (sila_window_show_section (f->window, "beneficiaries"));
  beneficiaries = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (f->window,
                                                                         "beneficiaries"));
  add_widget_keys (GTK_WIDGET (beneficiaries), installed);
  /* The form and the profile are built when first needed. */
  sila_beneficiaries_page_new_file (beneficiaries);
  g_assert_true (sila_beneficiaries_page_open_file (beneficiaries, f->file_id));
  add_widget_keys (GTK_WIDGET (sila_beneficiaries_page_get_form (beneficiaries)), installed);
  add_widget_keys (GTK_WIDGET (sila_beneficiaries_page_get_profile (beneficiaries)), installed);
  g_assert_true (sila_window_show_section (f->window, "requests"));
  add_widget_keys (sila_window_get_section_page (f->window, "requests"), installed);
  add_widget_keys (GTK_WIDGET (sila_requests_page_get_view (
                     SILA_REQUESTS_PAGE (sila_window_get_section_page (f->window, "requests")))),
                   installed);
  g_assert_true (sila_window_show_section (f->window, "reports"));
  add_widget_keys (sila_window_get_section_page (f->window, "reports"), installed);
  windows[0] = GTK_WIDGET (sila_contact_window_new (GTK_WINDOW (f->window), f->session, NULL));
  windows[1] = GTK_WIDGET (sila_new_request_window_new (GTK_WINDOW (f->window), f->session,
                                                        f->file_id));
  windows[2] = GTK_WIDGET (sila_survey_form_new (GTK_WINDOW (f->window), f->session));
  windows[3] = GTK_WIDGET (sila_audit_window_new (GTK_WINDOW (f->window), f->session));
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      add_widget_keys (windows[i], installed);
      gtk_window_destroy (GTK_WINDOW (windows[i]));
    }
  g_assert_cmpuint (g_hash_table_size (installed), >=, 20);

  g_hash_table_iter_init (&iter, installed);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
    if (!g_hash_table_contains (listed, key))
      g_error ("the shortcuts window does not list %s", key);
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
    if (!g_hash_table_contains (installed, key))
      g_error ("the shortcuts window lists %s, which nothing installs", key);

  {
    GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

    gtk_window_set_transient_for (shortcuts, GTK_WINDOW (f->window));
    gtk_window_present (shortcuts);
    sila_test_settle (GTK_WIDGET (shortcuts));
    shoot (GTK_WIDGET (shortcuts), "screens-shortcuts");
    gtk_window_destroy (shortcuts);
  }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = sila_test_accounts_ui_init (&argc, &argv);
  int status;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/ui/screens/profile-reads-right", test_profile_reads_right);
  ADD ("/sila/ui/screens/form-marital-choices", test_form_marital_choices);
  ADD ("/sila/ui/screens/form-opens-at-top", test_form_opens_at_top);
  ADD ("/sila/ui/screens/request-opens-at-top", test_request_opens_at_top);
  ADD ("/sila/ui/screens/library-line", test_library_line);
  ADD ("/sila/ui/screens/preferences-words", test_preferences_words);
  ADD ("/sila/ui/screens/about-words", test_about_words);
  ADD ("/sila/ui/screens/shortcuts-window", test_shortcuts_window_lists_every_key);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
