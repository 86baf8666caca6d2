/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sila-beneficiary-requests.h"
#include "sila-format.h"
#include "sila-profile-sections.h"
#include "sila-store-surveys.h"
#include "sila-survey-form.h"

static void
take_survey_cb (GtkButton *button,
                gpointer   user_data)
{
  SilaSession *session = g_object_get_data (G_OBJECT (button), "sila-session");
  const char *id = g_object_get_data (G_OBJECT (button), "sila-file-id");
  const char *name = g_object_get_data (G_OBJECT (button), "sila-file-name");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  SilaSurveyForm *form;

  form = sila_survey_form_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, session);
  sila_survey_form_set_links (form, id, NULL, NULL, NULL, name);
  gtk_window_present (GTK_WINDOW (form));
}

/* The surveys taken with this beneficiary (linked ones: anonymous answers
 * stay anonymous), and a button to take one now. */
static GtkWidget *
build_surveys (SilaSession           *session,
               const SilaBeneficiary *file)
{
  g_autoptr(GPtrArray) responses = NULL;
  g_autofree char *name = sila_beneficiary_get_full_name (file);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  responses = sila_store_find_survey_responses (sila_session_get_store (session),
                                                sila_session_get_actor (session),
                                                SILA_SURVEY_LINK_BENEFICIARY, file->id, NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; responses != NULL && i < responses->len; i++)
    {
      char **r = g_ptr_array_index (responses, i);
      GtkWidget *row = adw_action_row_new ();
      GDate date;
      g_autofree char *day = NULL;

      if (sila_date_parse (r[1], SILA_CALENDAR_GREGORIAN, &date, NULL))
        day = sila_date_format (&date, SILA_CALENDAR_HIJRI);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day != NULL ? day : r[1]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r[2]);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (responses == NULL || responses->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No survey has been taken with this beneficiary yet."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
      g_object_ref_sink (list);
      g_object_unref (list);
    }
  else
    gtk_box_append (GTK_BOX (box), list);

  if (sila_session_can (session, SILA_PERM_SURVEY_TAKE))
    {
      GtkWidget *take = gtk_button_new_with_mnemonic (_("Take a _Survey With Them"));

      gtk_widget_set_halign (take, GTK_ALIGN_START);
      g_object_set_data_full (G_OBJECT (take), "sila-session", g_object_ref (session),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (take), "sila-file-id", g_strdup (file->id), g_free);
      g_object_set_data_full (G_OBJECT (take), "sila-file-name", g_steal_pointer (&name),
                              g_free);
      g_signal_connect (take, "clicked", G_CALLBACK (take_survey_cb), NULL);
      gtk_box_append (GTK_BOX (box), take);
    }

  return box;
}

/* Requests and contacts: src/ui/sila-beneficiary-requests.c. */
static const SilaProfileSection sections[] = {
  { "requests", N_("Support requests"),
    N_("Support requests are not recorded in this version yet."), sila_profile_build_requests },
  { "contacts", N_("Contacts and inquiries"),
    N_("The contacts log is not recorded in this version yet."), sila_profile_build_contacts },
  { "surveys", N_("Satisfaction surveys"),
    N_("Surveys are not recorded in this version yet."), build_surveys },
};

const SilaProfileSection *
sila_profile_sections_get (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}
