/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-profile-sections.h"

/* Requests (issue 4), contacts and inquiries, surveys: set .build here. */
static const SilaProfileSection sections[] = {
  { "requests", N_("Support requests"),
    N_("Support requests are not recorded in this version yet."), NULL },
  { "contacts", N_("Contacts and inquiries"),
    N_("The contacts log is not recorded in this version yet."), NULL },
  { "surveys", N_("Satisfaction surveys"),
    N_("Surveys are not recorded in this version yet."), NULL },
};

const SilaProfileSection *
sila_profile_sections_get (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}
