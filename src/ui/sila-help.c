/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The user guide (help/, Mallard, installed as "sila" under
 * /usr/share/help), opened at the page for where the person is. The help
 * viewer picks the language from LANGUAGE, which sila_i18n_init() set to the
 * app's own, so the guide opens in the language of the window. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-help.h"

static SilaHelpHandler help_handler;
static gpointer help_handler_data;

/* The guide's task page for each section of the main window; the others
 * open the guide's index. */
static const struct {
  const char *section;
  const char *page;
} section_pages[] = {
  { "beneficiaries", "open-file" },
  { "requests", "request-committee" },
  { "surveys", "kiosk" },
  { "reports", "board-report" },
};

const char *
sila_help_page_for_section (const char *section_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_pages); i++)
    if (g_strcmp0 (section_id, section_pages[i].section) == 0)
      return section_pages[i].page;

  return "index";
}

/* "help:sila" for the index, "help:sila/PAGE" for a page. */
char *
sila_help_uri (const char *page)
{
  if (page == NULL || g_str_equal (page, "index"))
    return g_strdup ("help:sila");

  return g_strconcat ("help:sila/", page, NULL);
}

void
sila_help_show (GtkWindow  *parent,
                const char *page)
{
  g_autofree char *uri = sila_help_uri (page);

  if (help_handler != NULL)
    {
      help_handler (parent, uri, help_handler_data);
      return;
    }

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

/* Tests see the URI instead of starting the help viewer. */
void
sila_help_set_handler (SilaHelpHandler handler,
                       gpointer        user_data)
{
  help_handler = handler;
  help_handler_data = user_data;
}
