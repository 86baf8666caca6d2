/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the request screen shows of what happened: the research report, the
 * committee's decision, the services delivered, and the timeline of every
 * step with who took it, when, and how long it waited. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-contact-row.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-money.h"
#include "sila-request-view-private.h"

void
sila_request_view_show_record (SilaRequestView *self)
{
  const SilaRequest *r = self->request;
  gboolean any = FALSE;

  if (r->research != NULL)
    {
      g_autoptr(GString) text = g_string_new (r->research->findings);
      g_autofree char *title = g_strdup_printf (_("Research report by %s"),
                                                sila_request_view_person (r->research->researcher_name,
                                                        r->research->researcher));

      if (g_date_valid (&r->research->visit_date))
        {
          g_autofree char *visit = sila_date_format (&r->research->visit_date,
                                                     SILA_CALENDAR_GREGORIAN);

          g_string_append_printf (text, _("\nHome visit: %s"), visit);
        }
      if (r->research->recommendation != NULL)
        g_string_append_printf (text, _("\nRecommendation: %s"), r->research->recommendation);
      sila_request_view_add_row (self, self->record_group, title, text->str);
      any = TRUE;
    }

  if (r->decision != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *day = sila_date_format (&r->decision->decided_on, SILA_CALENDAR_GREGORIAN);
      g_autofree char *title = g_strdup_printf (_("The committee’s decision: %s"),
                                                sila_request_status_to_display (r->decision->decision));

      g_string_append_printf (text, _("Decided on %s"), day);
      if (r->decision->reason != NULL)
        g_string_append_printf (text, _("\nReason: %s"), r->decision->reason);
      if (r->decision->members != NULL)
        {
          g_autofree char *members = g_strdelimit (g_strdup (r->decision->members), "\n", ' ');

          g_string_append_printf (text, _("\nMembers present: %s"), members);
        }
      sila_request_view_add_row (self, self->record_group, title, text->str);
      any = TRUE;
    }

  for (guint i = 0; i < r->deliveries->len; i++)
    {
      const SilaDelivery *d = g_ptr_array_index (r->deliveries, i);
      g_autofree char *amount = sila_money_format (d->amount_halalas, TRUE);
      g_autofree char *day = sila_date_format (&d->delivered_on, SILA_CALENDAR_GREGORIAN);
      g_autofree char *title = g_strdup_printf (_("Service delivered: %s, %s"),
                                                sila_delivery_kind_to_display (d->kind), amount);
      g_autofree char *text = g_strdup_printf (_("On %s by %s"), day,
                                               sila_request_view_person (d->delivered_by_name, d->delivered_by));

      sila_request_view_add_row (self, self->record_group, title, text);
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->record_group), any);
}

void
sila_request_view_show_timeline (SilaRequestView *self)
{
  for (guint i = 0; i < self->request->events->len; i++)
    {
      const SilaRequestEvent *e = g_ptr_array_index (self->request->events, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *at = sila_format_timestamp (e->at);

      g_string_append_printf (text, "%s%s%s", sila_request_view_person (e->by_name, e->by),
                              SILA_DISPLAY_SEPARATOR, at);
      if (e->elapsed_seconds >= 0)
        {
          g_autofree char *took = sila_format_wait (e->elapsed_seconds);

          g_string_append (text, SILA_DISPLAY_SEPARATOR);
          g_string_append_printf (text, _("after %s"), took);
        }
      if (e->reason != NULL)
        g_string_append_printf (text, _("\nReason: %s"), e->reason);
      if (e->note != NULL)
        g_string_append_printf (text, "\n%s", e->note);
      sila_request_view_add_row (self, self->timeline_group, sila_request_status_to_display (e->status), text->str);
    }
}
