/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The daily outreach list in the store: the queries that gather each
 * reason's candidates, dismissals, and the link between a logged contact
 * and the items it answered. What is on the list is decided in the core
 * (sila-outreach.h). */
#pragma once

#include "sila-outreach.h"
#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_AUDIT_ENTITY_OUTREACH "outreach"

/* The office's outreach settings (defaults for those never set). */
void       sila_store_get_outreach_rules (SilaStore          *self,
                                          SilaOutreachRules  *rules);

/* The list as it stands on @day (NULL: today), SilaOutreachItem, oldest
 * first; every officer's items (contact.view). */
GPtrArray *sila_store_list_outreach      (SilaStore          *self,
                                          const SilaActor    *actor,
                                          const GDate        *day,
                                          GError            **error);

/* Takes today's item of file @file_number for @reason (and the request
 * @request_number, NULL for no_contact) off the list, with @why
 * (contact.edit; audited). NOT_FOUND when no such item is on the list;
 * INVALID without a reason. */
gboolean   sila_store_dismiss_outreach   (SilaStore          *self,
                                          const SilaActor    *actor,
                                          gint64              file_number,
                                          SilaOutreachReason  reason,
                                          const char         *request_number,
                                          const char         *why,
                                          GError            **error);

/* One contact made for an item of the list, for the board's report. */
typedef struct {
  SilaOutreachReason reason;
  SilaContactOutcome outcome;
  int                days;     /* from the day the item's reason began */
} SilaReportOutreach;

/* Contacts made in the period for items of the list (report.view). */
GArray    *sila_store_report_outreach    (SilaStore          *self,
                                          const SilaActor    *actor,
                                          const GDate        *from,
                                          const GDate        *to,
                                          GError            **error);

G_END_DECLS
