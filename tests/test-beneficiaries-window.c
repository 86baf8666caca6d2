/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Beneficiaries section in a real window: the intake form refuses a
 * bad ID with the message right beside the field, takes the fix, saves in
 * one transaction, and the list finds the person by another spelling;
 * drafts as one types; an ID that already has a file; the profile; a lazy
 * list of thousands of files. Run twice: SILA_TEST_LANG=ar and en. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sila-beneficiaries-page.h"
#include "sila-beneficiary-list.h"
#include "sila-display.h"
#include "sila-form.h"
#include "sila-format.h"
#include "sila-i18n.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-drafts.h"
#include "sila-test-util.h"
#include "sila-window.h"

/* The label showing @text under @widget, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean arabic;

typedef struct {
  SilaTestDir            dir;
  SilaStore             *store;
  SilaSession           *session;
  SilaWindow            *window;
  SilaBeneficiariesPage *page;
} Fixture;

static void
wait_for_draw (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  f->session = sila_session_new (f->store, sila_actor_new_owner ());
  f->window = sila_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (sila_window_show_section (f->window, "beneficiaries"));
  f->page = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (f->window, "beneficiaries"));
  g_assert_true (SILA_IS_BENEFICIARIES_PAGE (f->page));
  wait_for_draw (GTK_WIDGET (f->window));
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
  sila_test_dir_teardown (&f->dir, NULL);
}

static gint64
count_files (Fixture *f)
{
  gint64 n = -1;

  g_assert_true (sila_store_count_beneficiaries (f->store, sila_session_get_actor (f->session),
                                                 &n, NULL));
  return n;
}

static void
type (SilaIntakeForm *form,
      const char     *key,
      const char     *text)
{
  GtkWidget *field = sila_intake_form_get_field (form, key);

  g_assert_nonnull (field);
  sila_form_set_text (field, text);
}

/* The label shows @expected right under @field, in its column. */
static void
assert_error_beside (GtkWidget  *field,
                     GtkLabel   *label,
                     const char *expected)
{
  graphene_rect_t f, l;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (field));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_true (gtk_widget_compute_bounds (field, root, &f));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), root, &l));
  g_assert_cmpfloat (l.origin.y, >=, f.origin.y + f.size.height - 1);
  g_assert_cmpfloat (l.origin.y, <, f.origin.y + f.size.height + 40);
  /* In the field's column, not under the labels. */
  g_assert_cmpfloat (l.origin.x + l.size.width / 2, >, f.origin.x);
  g_assert_cmpfloat (l.origin.x + l.size.width / 2, <, f.origin.x + f.size.width);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
model_has (GListModel *model,
           const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SilaBeneficiaryRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (sila_beneficiary_row_get_id (row), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_intake_bad_id_fix_save_find (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  SilaIntakeForm *form;
  GtkWidget *id_field;
  GtkLabel *id_error;
  const SilaBeneficiary *saved;
  g_autofree char *saved_id = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.new-file", NULL));
  wait_for_draw (window);
  g_assert_cmpstr (sila_beneficiaries_page_get_view (f->page), ==, "form");
  form = sila_beneficiaries_page_get_form (f->page);

  /* ID numbers are typed left to right even in Arabic. */
  id_field = sila_intake_form_get_field (form, "id_number");
  g_assert_cmpint (gtk_widget_get_direction (id_field), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (sila_intake_form_get_field (form, "first_name")),
                   ==, arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  type (form, "id_number", "1000000009");
  type (form, "first_name", "فاطِمة");
  type (form, "father_name", "محمد");
  type (form, "grandfather_name", "علي");
  type (form, "family_name", "الغامدي");
  type (form, "gender", "female");
  type (form, "birth_date", "1405-03-12");
  type (form, "mobile", "٠٥٥١٢٣٤٥٦٧");
  type (form, "district", "الزاهر");
  type (form, "consent", "given");
  sila_intake_form_add_member (form);
  type (form, "members.0.name", "سارة محمد الغامدي");
  type (form, "members.0.relation", "daughter");
  type (form, "incomes.0.source", "social_security");
  type (form, "incomes.0.amount", "1,200");

  /* Saving with the bad check digit: refused beside the field, nothing
   * saved, everything typed still there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  wait_for_draw (window);
  id_error = sila_intake_form_get_error_label (form, "id_number");
  assert_error_beside (id_field, id_error,
                       arabic ? "رقم الهوية الوطنية غير صحيح: رقمه الأخير لا يتوافق مع بقية "
                                "أرقامه. تأكّد من عدم وجود خطأ في الكتابة."
                              : "This national ID is not valid: its last digit does not match "
                                "the others. Check it for a typing mistake.");
  g_assert_true (gtk_widget_has_focus (id_field) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), id_field));
  g_assert_cmpint (count_files (f), ==, 0);
  g_assert_cmpstr (sila_beneficiaries_page_get_view (f->page), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sila_intake_form_get_field (form,
                                                                                   "family_name"))),
                   ==, "الغامدي");

  /* Fixed: saved, the error gone, the profile shown. */
  type (form, "id_number", "1000000008");
  g_assert_true (sila_intake_form_save (form, FALSE));
  wait_for_draw (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (id_error)));
  g_assert_cmpint (count_files (f), ==, 1);
  g_assert_cmpstr (sila_beneficiaries_page_get_view (f->page), ==, "profile");
  saved = sila_beneficiary_profile_get_file (sila_beneficiaries_page_get_profile (f->page));
  g_assert_nonnull (saved);
  saved_id = g_strdup (saved->id);
  /* The places later parts fill are there; surveys already offer to
   * take one with her. */
  {
    GtkWidget *profile = GTK_WIDGET (sila_beneficiaries_page_get_profile (f->page));
    const char *sections[] = { "requests", "contacts", "surveys" };

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      g_assert_nonnull (find_named (profile, sections[i]));
  }
  g_assert_cmpstr (saved->mobile, ==, "+966551234567");
  g_assert_cmpuint (saved->members->len, ==, 1);
  g_assert_cmpint (sila_beneficiary_get_total_income (saved), ==, 120000);
  g_assert_cmpstr (saved->consent, ==, "given");
  /* Saving took the draft with it. */
  {
    g_autoptr(GPtrArray) drafts = sila_store_list_drafts (f->store,
                                                          sila_session_get_actor (f->session),
                                                          SILA_DRAFT_KIND_BENEFICIARY, NULL);
    g_assert_cmpuint (drafts->len, ==, 0);
  }

  /* The list finds her by other spellings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sila_beneficiaries_page_get_profile (
                                                           f->page)), "profile.back", NULL));
  g_assert_cmpstr (sila_beneficiaries_page_get_view (f->page), ==, "list");
  sila_beneficiaries_page_set_search (f->page, "فاطمه الغامدى");
  wait_for_draw (window);
  g_assert_cmpuint (g_list_model_get_n_items (sila_beneficiaries_page_get_model (f->page)), ==, 1);
  g_assert_true (model_has (sila_beneficiaries_page_get_model (f->page), saved_id));
  sila_beneficiaries_page_set_search (f->page, "0551234567");
  g_assert_true (model_has (sila_beneficiaries_page_get_model (f->page), saved_id));
  sila_beneficiaries_page_set_search (f->page, "خالد");
  g_assert_cmpuint (g_list_model_get_n_items (sila_beneficiaries_page_get_model (f->page)), ==, 0);
}

/* A number typed as a national ID that is not one is refused beside its
 * field, for the beneficiary and for a household member alike; nothing is
 * kept as a passport unless the passport type is chosen (issue 12). */
static void
test_intake_ids_are_never_guessed (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  SilaIntakeForm *form;
  const SilaBeneficiary *saved;
  const SilaHouseholdMember *member;
  g_autofree char *nine = NULL;
  g_autofree char *letter = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "page.new-file", NULL));
  wait_for_draw (window);
  form = sila_beneficiaries_page_get_form (f->page);

  type (form, "id_number", "100000000");
  type (form, "first_name", "فاطمة");
  type (form, "family_name", "الغامدي");
  type (form, "gender", "female");
  type (form, "consent", "given");
  sila_intake_form_add_member (form);
  type (form, "members.0.name", "سارة محمد الغامدي");
  type (form, "members.0.relation", "daughter");
  type (form, "members.0.id_number", "A1234567");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  wait_for_draw (window);
  nine = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A national ID has 10 digits; this one has %u.",
                                       "A national ID has 10 digits; this one has %u.", 9), 9);
  /* Its counts in the UI language's digits (sila-display.h). */
  {
    char *shown = sila_display_digits (nine);

    g_free (nine);
    nine = shown;
  }
  assert_error_beside (sila_intake_form_get_field (form, "id_number"),
                       sila_intake_form_get_error_label (form, "id_number"), nine);
  g_assert_cmpint (count_files (f), ==, 0);

  /* The beneficiary's number fixed: the member's is still refused, with its
   * reason, beside its own field. */
  type (form, "id_number", "1000000008");
  g_assert_false (sila_intake_form_save (form, FALSE));
  wait_for_draw (window);
  letter = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "A national ID or iqama number has "
                                                        "digits only; this one has «%s»."), "A");
  assert_error_beside (sila_intake_form_get_field (form, "members.0.id_number"),
                       sila_intake_form_get_error_label (form, "members.0.id_number"), letter);
  g_assert_cmpint (count_files (f), ==, 0);

  /* A member's iqama is taken as one. */
  type (form, "members.0.id_number", "2000000006");
  g_assert_true (sila_intake_form_save (form, FALSE));
  wait_for_draw (window);
  g_assert_cmpint (count_files (f), ==, 1);
  saved = sila_beneficiary_profile_get_file (sila_beneficiaries_page_get_profile (f->page));
  g_assert_cmpint (saved->id_type, ==, SILA_ID_TYPE_NATIONAL_ID);
  member = g_ptr_array_index (saved->members, 0);
  g_assert_cmpint (member->id_type, ==, SILA_ID_TYPE_IQAMA);
  g_assert_cmpstr (member->id_number, ==, "2000000006");
}

static void
test_draft_and_duplicate_offer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiaryInput) in = sila_beneficiary_input_new ();
  g_autoptr(SilaBeneficiary) existing = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  SilaIntakeForm *form;
  GtkWidget *window = GTK_WIDGET (f->window);

  sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, "1048573628");
  sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, "عبدالله");
  sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, "الحربي");
  sila_beneficiary_input_set (in, SILA_BF_GENDER, "male");
  sila_beneficiary_input_set (in, SILA_BF_CONSENT, "given");
  existing = sila_beneficiary_input_parse (in, NULL, 0, NULL);
  g_assert_true (sila_store_create_beneficiary (f->store, sila_session_get_actor (f->session),
                                                existing, NULL, &error));
  g_assert_no_error (error);

  sila_beneficiaries_page_new_file (f->page);
  form = sila_beneficiaries_page_get_form (f->page);
  wait_for_draw (window);

  /* Typing is kept as a draft once it pauses. */
  type (form, "first_name", "سعد");
  type (form, "id_number", "١٠٤٨٥٧٣٦٢٨");
  wait_ms (SILA_INTAKE_DRAFT_DELAY_MS + 400);
  g_assert_nonnull (sila_intake_form_get_draft_id (form));
  drafts = sila_store_list_drafts (f->store, sila_session_get_actor (f->session),
                                   SILA_DRAFT_KIND_BENEFICIARY, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((SilaDraft *)g_ptr_array_index (drafts, 0))->summary, ==, "سعد");

  /* The ID already has a file: the form offers to open it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.open-duplicate", NULL));
  wait_for_draw (window);
  g_assert_cmpstr (sila_beneficiaries_page_get_view (f->page), ==, "profile");
  g_assert_cmpstr (sila_beneficiary_profile_get_file (sila_beneficiaries_page_get_profile (
                     f->page))->id, ==, existing->id);

  /* The draft stays, offered in the list, and resumes with what was typed. */
  sila_beneficiaries_page_set_search (f->page, "");
  g_assert_true (sila_beneficiaries_page_resume_draft (f->page,
      ((SilaDraft *)g_ptr_array_index (drafts, 0))->id));
  g_assert_cmpstr (sila_beneficiaries_page_get_view (f->page), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sila_intake_form_get_field (form,
                                                                                   "first_name"))),
                   ==, "سعد");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static guint
count_drafts (Fixture *f)
{
  g_autoptr(GPtrArray) drafts = sila_store_list_drafts (f->store,
                                                        sila_session_get_actor (f->session),
                                                        SILA_DRAFT_KIND_BENEFICIARY, NULL);

  return drafts->len;
}

/* Discarding a draft asks first; "Cancel" keeps it, "Discard" deletes it. */
static void
test_draft_discard_asks (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  SilaIntakeForm *form;
  AdwMessageDialog *dialog;
  GtkWidget *discard;

  sila_beneficiaries_page_new_file (f->page);
  form = sila_beneficiaries_page_get_form (f->page);
  wait_for_draw (window);
  type (form, "first_name", "سعد");
  wait_ms (SILA_INTAKE_DRAFT_DELAY_MS + 400);
  g_assert_cmpuint (count_drafts (f), ==, 1);

  sila_beneficiaries_page_set_search (f->page, "");
  sila_beneficiaries_page_refresh_drafts (f->page);
  wait_for_draw (window);
  discard = find_button (GTK_WIDGET (f->page), _("Discard"));
  g_assert_nonnull (discard);

  g_signal_emit_by_name (discard, "clicked");
  wait_for_draw (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "سعد"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  wait_for_draw (window);
  g_assert_cmpuint (count_drafts (f), ==, 1);

  discard = find_button (GTK_WIDGET (f->page), _("Discard"));
  g_signal_emit_by_name (discard, "clicked");
  wait_for_draw (window);
  adw_message_dialog_response (find_message_dialog (), "discard");
  wait_for_draw (window);
  g_assert_cmpuint (count_drafts (f), ==, 0);
}

static void
test_lazy_list_of_many (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = sila_beneficiaries_page_get_model (f->page);
  GtkWidget *window = GTK_WIDGET (f->window);

  g_assert_true (sila_store_set_setting (f->store, sila_session_get_actor (f->session),
                                         SILA_SETTING_CONSENT_REQUIRED, NULL, "0", &error));
  /* 1,200 files written as another desk would (same process, other connection). */
  {
    g_autoptr(SilaStore) other = sila_store_open (f->dir.db_path, 0, &error);
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();

    for (guint i = 0; i < 1200; i++)
      {
        g_autoptr(SilaBeneficiaryInput) in = sila_beneficiary_input_new ();
        g_autoptr(SilaBeneficiary) b = NULL;
        g_autofree char *nine = g_strdup_printf ("1%08u", i);
        g_autofree char *id = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));

        sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, id);
        sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, i % 2 ? "نورة" : "هند");
        sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, "السلمي");
        sila_beneficiary_input_set (in, SILA_BF_GENDER, "female");
        b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
        g_assert_true (sila_store_create_beneficiary (other, owner, b, NULL, &error));
      }
  }
  sila_session_notify_changed (f->session, NULL);
  wait_for_draw (window);
  while (sila_beneficiary_list_is_loading (SILA_BENEFICIARY_LIST (model)))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1200);
  /* Only pages around what the view shows were read (the view keeps some
   * rows beyond the screen): never all 1,200. */
  g_assert_cmpuint (sila_beneficiary_list_get_n_cached_pages (SILA_BENEFICIARY_LIST (model)),
                    <=, 8);
  /* A search shows its first rows at once, and no count until its whole
   * list is known: then the right one. */
  sila_beneficiaries_page_set_search (f->page, "نوره");
  g_assert_true (sila_beneficiary_list_is_loading (SILA_BENEFICIARY_LIST (model)));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 600);
  g_assert_nonnull (find_label (GTK_WIDGET (f->page), _("Counting the files found…")));
  wait_for_draw (window);
  while (sila_beneficiary_list_is_loading (SILA_BENEFICIARY_LIST (model)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 600);
  {
    g_autofree char *n = sila_format_int (600);
    g_autofree char *counted = g_strdup_printf (ngettext ("%s file found", "%s files found",
                                                          600), n);

    g_assert_nonnull (find_label (GTK_WIDGET (f->page), counted));
    g_assert_null (find_label (GTK_WIDGET (f->page), _("Counting the files found…")));
  }
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/ui/beneficiaries/intake-bad-id-fix-save-find", test_intake_bad_id_fix_save_find);
  ADD ("/sila/ui/beneficiaries/intake-ids-are-never-guessed", test_intake_ids_are_never_guessed);
  ADD ("/sila/ui/beneficiaries/draft-and-duplicate-offer", test_draft_and_duplicate_offer);
  ADD ("/sila/ui/beneficiaries/draft-discard-asks", test_draft_discard_asks);
  ADD ("/sila/ui/beneficiaries/lazy-list", test_lazy_list_of_many);

#undef ADD

  return g_test_run ();
}
