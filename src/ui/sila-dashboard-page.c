/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sila-chart-view.h"
#include "sila-clock.h"
#include "sila-dashboard-page.h"
#include "sila-dashboard-task.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-format.h"
#include "sila-outreach-task.h"
#include "sila-report-charts.h"
#include "sila-report-task.h"
#include "sila-store-contacts.h"
#include "sila-store-requests.h"

/* Rows shown in each list of today's work; the cards count them all. */
#define LIST_ROWS 6

struct _SilaDashboardPage
{
  AdwBin             parent_instance;

  SilaSession       *session;
  GCancellable      *cancellable;
  GCancellable      *outreach_cancellable;
  GCancellable      *today_cancellable;
  gboolean           today_loading;  /* today's lists are being read */
  SilaReportFigures *figures;
  gint64             counts[6];
  gboolean           loading;
  gboolean           painted;        /* drawn once: the month may be computed */
  gulong             after_paint_id;

  /* Template widgets */
  GtkLabel          *today_label;
  GtkLabel          *overdue_value;
  GtkLabel          *due_soon_value;
  GtkLabel          *committee_value;
  GtkLabel          *inquiries_value;
  GtkLabel          *outreach_value;
  GtkWidget         *attention_group;
  GtkListBox        *attention_list;
  GtkWidget         *committee_group;
  GtkListBox        *committee_list;
  GtkWidget         *inquiries_group;
  GtkListBox        *inquiries_list;
  GtkLabel          *month_label;
  GtkStack          *month_stack;
  GtkSpinner        *spinner;
  GtkLabel          *received_value;
  GtkLabel          *rate_value;
  GtkLabel          *services_value;
  GtkLabel          *csat_value;
  GtkFlowBox        *charts_box;
  GtkLabel          *month_message;
};

G_DEFINE_FINAL_TYPE (SilaDashboardPage, sila_dashboard_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COUNT_OVERDUE,
  COUNT_DUE_SOON,
  COUNT_COMMITTEE,
  COUNT_INQUIRIES,
  COUNT_RECEIVED,
  COUNT_OUTREACH,
};

static void
set_count (SilaDashboardPage *self,
           guint              which,
           GtkLabel          *label,
           gint64             count)
{
  g_autofree char *text = count >= 0 ? sila_format_int (count) : g_strdup ("—");

  self->counts[which] = count;
  gtk_label_set_label (label, text);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_empty_row (GtkListBox *list,
               const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_append (list, label);
}

static void
add_request_row (GtkListBox     *list,
                 SilaRequestRow *row,
                 const GDate    *today)
{
  GtkWidget *action = adw_action_row_new ();
  g_autofree char *title = sila_display_join (sila_request_row_get_number (row),
                                              sila_request_row_get_type_display (row), NULL);
  g_autofree char *due = sila_request_describe_due (sila_request_row_get_status (row),
                                                    sila_request_row_get_due (row), today);
  GtkWidget *suffix = gtk_label_new (due != NULL ? due : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action), sila_request_row_get_beneficiary (row));
  if (sila_request_row_is_overdue (row))
    gtk_widget_add_css_class (suffix, "sila-overdue");
  else
    gtk_widget_add_css_class (suffix, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (action), suffix);
  gtk_list_box_append (list, action);
}

/* Requests: those to answer first, and the committee's queue. */
static void
show_requests (SilaDashboardPage        *self,
               const SilaDashboardToday *today_work)
{
  GDate today;

  sila_clock_today (&today);
  clear_list (self->attention_list);
  clear_list (self->committee_list);

  if (today_work->attention_rows == NULL)
    {
      /* A role that may not see requests sees no list of them. */
      gtk_widget_set_visible (self->attention_group, FALSE);
      gtk_widget_set_visible (self->committee_group, FALSE);
      set_count (self, COUNT_OVERDUE, self->overdue_value, -1);
      set_count (self, COUNT_DUE_SOON, self->due_soon_value, -1);
      set_count (self, COUNT_COMMITTEE, self->committee_value, -1);
      return;
    }

  gtk_widget_set_visible (self->attention_group, TRUE);
  set_count (self, COUNT_OVERDUE, self->overdue_value, today_work->overdue->len);
  set_count (self, COUNT_DUE_SOON, self->due_soon_value,
             today_work->attention->len - today_work->overdue->len);
  for (guint i = 0; i < today_work->attention_rows->len; i++)
    add_request_row (self->attention_list, g_ptr_array_index (today_work->attention_rows, i),
                     &today);
  if (today_work->attention_rows->len == 0)
    add_empty_row (self->attention_list, _("Nothing is due in the next days."));

  gtk_widget_set_visible (self->committee_group, today_work->committee_rows != NULL);
  if (today_work->committee_rows == NULL)
    return;
  set_count (self, COUNT_COMMITTEE, self->committee_value, today_work->committee->len);
  for (guint i = 0; i < today_work->committee_rows->len; i++)
    add_request_row (self->committee_list, g_ptr_array_index (today_work->committee_rows, i),
                     &today);
  if (today_work->committee_rows->len == 0)
    add_empty_row (self->committee_list, _("The committee has nothing waiting."));
}

/* Inquiries and referrals waiting for an answer, the oldest first. */
static void
show_inquiries (SilaDashboardPage        *self,
                const SilaDashboardToday *today_work)
{
  GPtrArray *waiting = today_work->waiting;

  clear_list (self->inquiries_list);
  if (waiting == NULL)
    {
      gtk_widget_set_visible (self->inquiries_group, FALSE);
      set_count (self, COUNT_INQUIRIES, self->inquiries_value, -1);
      return;
    }

  gtk_widget_set_visible (self->inquiries_group, TRUE);
  set_count (self, COUNT_INQUIRIES, self->inquiries_value, waiting->len);
  for (guint i = 0; i < MIN (waiting->len, LIST_ROWS); i++)
    {
      const SilaContact *c = g_ptr_array_index (waiting, i);
      GtkWidget *row = adw_action_row_new ();
      GDate asked;
      g_autofree char *day = NULL;

      g_date_clear (&asked, 1);
      if (c->asked_at != NULL)
        {
          g_autofree char *iso = g_strndup (c->asked_at, 10);

          if (sila_date_from_iso (iso, &asked))
            day = sila_date_format (&asked, SILA_CALENDAR_GREGORIAN);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     sila_channel_to_display (c->channel));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->question);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      if (day != NULL)
        {
          GtkWidget *suffix = gtk_label_new (day);

          gtk_widget_add_css_class (suffix, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
        }
      gtk_list_box_append (self->inquiries_list, row);
    }
  if (waiting->len == 0)
    add_empty_row (self->inquiries_list, _("Every inquiry has its answer."));
}

static void
today_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SilaDashboardPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaDashboardToday) today = sila_dashboard_task_today_finish (result, &error);

  /* Cancelled: the page may be gone (dispose cancels). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->today_loading = FALSE;
  if (today == NULL)
    {
      g_debug ("Today's work: %s", error->message);
      today = g_new0 (SilaDashboardToday, 1);
    }
  show_requests (self, today);
  show_inquiries (self, today);
}

/* Today's lists, read in a thread once the page is first drawn: the first
 * frame shows the page's frame and headings, and the lists follow a moment
 * later (on 300,000 requests their queries take some 40 ms, which on two
 * busy cores would otherwise compete with the first frame). */
static void
show_today (SilaDashboardPage *self)
{
  g_cancellable_cancel (self->today_cancellable);
  g_clear_object (&self->today_cancellable);
  self->today_loading = TRUE;
  if (!self->painted)
    return;
  self->today_cancellable = g_cancellable_new ();
  sila_dashboard_task_today_async (self->session, LIST_ROWS, self->today_cancellable,
                                   today_ready_cb, self);
}

static void
outreach_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SilaDashboardPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = sila_outreach_task_list_finish (result, &error);

  /* Cancelled: the page may be gone (dispose cancels). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (items == NULL)
    g_debug ("Outreach list: %s", error->message);
  set_count (self, COUNT_OUTREACH, self->outreach_value, items != NULL ? (gint64)items->len : -1);
}

/* What is waiting on today's outreach list, everyone's. Not before the
 * page is first drawn, and in a thread: the list reads every open
 * request. */
static void
show_outreach (SilaDashboardPage *self)
{
  if (!self->painted)
    return;
  if (!sila_session_can (self->session, SILA_PERM_CONTACT_VIEW))
    {
      set_count (self, COUNT_OUTREACH, self->outreach_value, -1);
      return;
    }
  g_cancellable_cancel (self->outreach_cancellable);
  g_clear_object (&self->outreach_cancellable);
  self->outreach_cancellable = g_cancellable_new ();
  sila_outreach_task_list_async (self->session, self->outreach_cancellable, outreach_ready_cb,
                                 self);
}

static void
add_chart (SilaDashboardPage *self,
           SilaChart         *chart)
{
  GtkWidget *view = sila_chart_view_new (chart);

  gtk_widget_set_size_request (view, 360, 260);
  gtk_widget_add_css_class (view, "card");
  gtk_flow_box_append (self->charts_box, view);
  g_object_unref (chart);
}

static void
show_month (SilaDashboardPage *self)
{
  const SilaReportFigures *f = self->figures;
  GtkWidget *child;
  g_autofree char *received = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *value = NULL;
  g_autofree char *csat = NULL;

  received = sila_report_format_figure (SILA_FIGURE_REQUESTS_RECEIVED,
                                        &f->figures[SILA_FIGURE_REQUESTS_RECEIVED]);
  rate = sila_report_format_figure (SILA_FIGURE_ACCEPTANCE_RATE,
                                    &f->figures[SILA_FIGURE_ACCEPTANCE_RATE]);
  value = sila_report_format_figure (SILA_FIGURE_SERVICES_VALUE,
                                     &f->figures[SILA_FIGURE_SERVICES_VALUE]);
  csat = sila_report_format_figure (SILA_FIGURE_CSAT, &f->figures[SILA_FIGURE_CSAT]);
  self->counts[COUNT_RECEIVED] = f->figures[SILA_FIGURE_REQUESTS_RECEIVED].count;
  gtk_label_set_label (self->received_value, received);
  gtk_label_set_label (self->rate_value, rate);
  gtk_label_set_label (self->services_value, value);
  gtk_label_set_label (self->csat_value, csat);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box))) != NULL)
    gtk_flow_box_remove (self->charts_box, child);
  add_chart (self, sila_report_chart_comparison (f));
  add_chart (self, sila_report_chart_status (f));
  add_chart (self, sila_report_chart_channels (f));
  add_chart (self, sila_report_chart_services (f));

  gtk_stack_set_visible_child_name (self->month_stack, "figures");
}

static void
figures_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SilaDashboardPage *self = user_data;
  g_autoptr(GError) error = NULL;
  SilaReportFigures *figures = sila_report_task_run_finish (result, &error);

  /* Cancelled: the page may be gone (dispose cancels). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (figures == NULL)
    {
      gtk_label_set_label (self->month_message, error->message);
      gtk_stack_set_visible_child_name (self->month_stack, "message");
      return;
    }

  g_clear_pointer (&self->figures, sila_report_figures_free);
  self->figures = figures;
  show_month (self);
}

void
sila_dashboard_page_refresh (SilaDashboardPage *self)
{
  SilaPeriod month;
  GDate today;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (SILA_IS_DASHBOARD_PAGE (self));

  sila_clock_today (&today);
  {
    g_autofree char *day = sila_date_format (&today, SILA_CALENDAR_GREGORIAN);
    g_autofree char *hijri = sila_date_format (&today, SILA_CALENDAR_HIJRI);
    /* Translators: "Today’s work — Sunday 25 November … (Hijri date)". */
    g_autofree char *today_text = g_strdup_printf (_("Today’s work — %s (%s)"), day, hijri);

    gtk_label_set_label (self->today_label, today_text);
  }

  show_today (self);
  show_outreach (self);

  sila_period_init_containing (&month, SILA_PERIOD_MONTH, &today, NULL);
  label = sila_period_to_label (&month);
  /* Translators: %s is the month, "November 2026". */
  title = g_strdup_printf (_("This month: %s"), label);
  gtk_label_set_label (self->month_label, title);

  if (!sila_session_can (self->session, SILA_PERM_REPORT_VIEW))
    {
      gtk_label_set_label (self->month_message,
                           _("The month’s figures and charts are shown to managers. The Reports "
                             "section prepares them for the board."));
      gtk_stack_set_visible_child_name (self->month_stack, "message");
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (self->figures == NULL)
    {
      /* Spinning from the second frame on: a spinner that does not spin is
       * not drawn, and its icon (an SVG, through librsvg) is then not read
       * before the window's first frame. The figures start then anyway. */
      gtk_spinner_set_spinning (self->spinner, self->painted);
      gtk_stack_set_visible_child_name (self->month_stack, "loading");
    }
  /* Not before the page is first drawn: the month's figures would compete
   * with the window's first frame. sila_dashboard_page_map() asks again. */
  if (!self->painted)
    return;
  sila_report_task_run_async (self->session, &month, SILA_REPORT_OUTPUT_NONE, NULL, NULL, NULL,
                              self->cancellable, figures_ready_cb, self);
}

static void
after_first_paint_cb (GdkFrameClock     *clock,
                      SilaDashboardPage *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  self->painted = TRUE;
  sila_dashboard_page_refresh (self);
}

static void
sila_dashboard_page_map (GtkWidget *widget)
{
  SilaDashboardPage *self = SILA_DASHBOARD_PAGE (widget);

  GTK_WIDGET_CLASS (sila_dashboard_page_parent_class)->map (widget);

  if (!self->painted && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                             G_CALLBACK (after_first_paint_cb), self);
}

static void
sila_dashboard_page_unmap (GtkWidget *widget)
{
  SilaDashboardPage *self = SILA_DASHBOARD_PAGE (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (sila_dashboard_page_parent_class)->unmap (widget);
}

static void
session_changed_cb (SilaDashboardPage *self,
                    const char        *what,
                    SilaSession       *session)
{
  sila_dashboard_page_refresh (self);
}

static void
sila_dashboard_page_constructed (GObject *object)
{
  SilaDashboardPage *self = (SilaDashboardPage *)object;

  G_OBJECT_CLASS (sila_dashboard_page_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sila_dashboard_page_refresh (self);
}

static void
sila_dashboard_page_dispose (GObject *object)
{
  SilaDashboardPage *self = (SilaDashboardPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->outreach_cancellable);
  g_clear_object (&self->outreach_cancellable);
  g_cancellable_cancel (self->today_cancellable);
  g_clear_object (&self->today_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_dashboard_page_parent_class)->dispose (object);
}

static void
sila_dashboard_page_finalize (GObject *object)
{
  SilaDashboardPage *self = (SilaDashboardPage *)object;

  g_clear_pointer (&self->figures, sila_report_figures_free);

  G_OBJECT_CLASS (sila_dashboard_page_parent_class)->finalize (object);
}

static void
sila_dashboard_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SilaDashboardPage *self = SILA_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_dashboard_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SilaDashboardPage *self = SILA_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_dashboard_page_class_init (SilaDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_dashboard_page_constructed;
  object_class->dispose = sila_dashboard_page_dispose;
  object_class->finalize = sila_dashboard_page_finalize;
  object_class->get_property = sila_dashboard_page_get_property;
  object_class->set_property = sila_dashboard_page_set_property;

  widget_class->map = sila_dashboard_page_map;
  widget_class->unmap = sila_dashboard_page_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, due_soon_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, committee_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, inquiries_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, outreach_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, committee_group);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, committee_list);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, inquiries_group);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, inquiries_list);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, month_stack);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, received_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, rate_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, services_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, csat_value);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SilaDashboardPage, month_message);
}

static void
sila_dashboard_page_init (SilaDashboardPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->counts); i++)
    self->counts[i] = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sila_dashboard_page_new (SilaSession *session)
{
  return g_object_new (SILA_TYPE_DASHBOARD_PAGE, "session", session, NULL);
}

gint64
sila_dashboard_page_get_count (SilaDashboardPage *self,
                               const char        *what)
{
  static const char *names[] = { "overdue", "due-soon", "committee", "inquiries", "received",
                                 "outreach" };

  g_return_val_if_fail (SILA_IS_DASHBOARD_PAGE (self), -1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i], what))
      return self->counts[i];
  g_return_val_if_reached (-1);
}

guint
sila_dashboard_page_get_n_charts (SilaDashboardPage *self)
{
  guint n = 0;

  g_return_val_if_fail (SILA_IS_DASHBOARD_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

gboolean
sila_dashboard_page_is_loading (SilaDashboardPage *self)
{
  g_return_val_if_fail (SILA_IS_DASHBOARD_PAGE (self), FALSE);

  return self->loading || self->today_loading;
}
