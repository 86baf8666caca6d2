/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

/* The "contacts" section: the contacts log (سجل التواصل), newest first,
 * filtered by channel, status and dates; each contact answered, or
 * referred to the social researcher, in place. */
#define SILA_TYPE_CONTACTS_PAGE (sila_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaContactsPage, sila_contacts_page, SILA, CONTACTS_PAGE, GtkWidget)

/* For tests: how many contacts the list shows. */
guint sila_contacts_page_count (SilaContactsPage *self);

G_END_DECLS
