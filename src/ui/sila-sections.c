/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sila-a11y.h"
#include "sila-beneficiaries-page.h"
#include "sila-contacts-page.h"
#include "sila-dashboard-page.h"
#include "sila-feedback-page.h"
#include "sila-import-page.h"
#include "sila-field-page.h"
#include "sila-library-page.h"
#include "sila-outreach-page.h"
#include "sila-reports-page.h"
#include "sila-requests-page.h"
#include "sila-sections.h"
#include "sila-surveys-page.h"

static const SilaSection sections[] = {
  { "dashboard", "view-grid-symbolic", N_("Dashboard"), NULL, sila_dashboard_page_get_type },
  { "beneficiaries", "system-users-symbolic", N_("Beneficiaries"),
    N_("Beneficiary files are not available in this version yet."),
    sila_beneficiaries_page_get_type },
  { "requests", "emblem-documents-symbolic", N_("Requests"), NULL, sila_requests_page_get_type },
  { "contacts", "call-start-symbolic", N_("Contacts & Inquiries"), NULL,
    sila_contacts_page_get_type },
  { "outreach", "call-outgoing-symbolic", N_("Outreach"), NULL, sila_outreach_page_get_type },
  { "surveys", "face-smile-symbolic", N_("Surveys"), NULL, sila_surveys_page_get_type },
  { "feedback", "mail-unread-symbolic", N_("Suggestions & Complaints"), NULL,
    sila_feedback_page_get_type },
  { "reports", "x-office-spreadsheet-symbolic", N_("Reports"), NULL,
    sila_reports_page_get_type },
  { "library", "accessories-dictionary-symbolic", N_("Library"),
    N_("The bylaws, the guides and the blank request form are not available in this version "
       "yet."),
    sila_library_page_get_type },
  { "import", "document-open-symbolic", N_("Import"), NULL, sila_import_page_get_type },
  /* Last: Ctrl+1 … Ctrl+9 keep the sections they had. */
  { "field", "network-offline-symbolic", N_("Field Work"), NULL, sila_field_page_get_type },
};

const SilaSection *
sila_sections_get (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

const SilaSection *
sila_sections_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].id, id) == 0)
      return &sections[i];

  return NULL;
}

GtkWidget *
sila_section_new_page (const SilaSection *section,
                       SilaSession       *session)
{
  GtkWidget *page;

  if (section->page_type != NULL)
    {
      page = g_object_new (section->page_type (), "session", session, NULL);
      sila_a11y_link_inner (page);
      return page;
    }

  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), section->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _(section->title));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _(section->empty_text));
  gtk_widget_add_css_class (page, "sila-empty-section");

  return page;
}
