/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sila-chart-view.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-feedback.h"
#include "sila-format.h"
#include "sila-period-bar.h"
#include "sila-store-feedback.h"
#include "sila-store-surveys.h"
#include "sila-survey-form.h"
#include "sila-survey-results.h"
#include "sila-survey-templates-window.h"
#include "sila-surveys-page.h"
#include "sila-text.h"

/* The kiosk stands where people are received in person. */
#define KIOSK_CHANNEL "interview"
#define TEXTS_SHOWN   200

struct _SilaSurveysPage
{
  AdwBin             parent_instance;

  SilaSession       *session;
  SilaSurveyResults *results;
  SilaKioskWindow   *kiosk;
  GStrv              disabled_actions;  /* the application's, while the kiosk runs */

  /* Template widgets */
  SilaPeriodBar     *period_bar;
  GtkStack          *stack;
  GtkLabel          *responses_value;
  GtkLabel          *csat_value;
  GtkLabel          *nps_value;
  GtkLabel          *notice_label;
  GtkFlowBox        *charts_box;
  GtkWidget         *texts_group;
  GtkListBox        *texts_list;
};

G_DEFINE_FINAL_TYPE (SilaSurveysPage, sila_surveys_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* NPS reads as a signed number, not a percentage. */
static char *
format_nps (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  number = sila_format_decimal_for (g_ascii_formatd (buf, sizeof buf, "%.1f", value), 1, 1,
                                    sila_i18n_get_language ());
  return g_steal_pointer (&number);
}

static void
register_text_cb (SilaSurveysPage *self,
                  GtkButton       *button)
{
  SilaStore *store = sila_session_get_store (self->session);
  const SilaSurveyText *text = g_object_get_data (G_OBJECT (button), "survey-text");
  g_autoptr(SilaFeedbackItem) item = sila_feedback_item_new (SILA_FEEDBACK_SUGGESTION);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  item->from_survey = TRUE;
  item->anonymous = TRUE;
  item->description = g_strdup (text->text);
  item->channel = g_strdup (text->channel);
  if (!sila_date_from_iso (text->answered_on, &item->received_on))
    sila_clock_today (&item->received_on);
  sila_store_feedback_default_due (store, &item->received_on, &item->due_on);

  if (!sila_store_save_feedback (store, sila_session_get_actor (self->session), item, NULL,
                                 &error))
    message = g_strdup (error->message);
  else
    {
      /* TRANSLATORS: %s is the register's number of the new item. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, item->number);

      message = g_strdup_printf (_("Registered as suggestion No. %s."), number);
      gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
      sila_session_notify_changed (self->session, "feedback");
    }

  toast = adw_toast_new (message);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static GtkWidget *
text_row (SilaSurveysPage      *self,
          const SilaSurveyText *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *body = gtk_label_new (text->text);
  g_autofree char *caption_text = NULL;
  g_autofree char *channel = sila_survey_group_label (SILA_SURVEY_GROUP_CHANNEL, text->channel);
  GtkWidget *caption;
  GtkWidget *button;

  {
    GDate day;
    g_autofree char *date = sila_date_from_iso (text->answered_on, &day)
                              ? sila_date_format (&day, SILA_CALENDAR_GREGORIAN)
                              : g_strdup (text->answered_on);

    caption_text = sila_display_join (date, channel, NULL);
  }
  caption = gtk_label_new (caption_text);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), body);
  gtk_box_append (GTK_BOX (labels), caption);

  button = gtk_button_new_with_label (_("Register as a Suggestion"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sila_session_can (self->session, SILA_PERM_FEEDBACK_EDIT));
  g_object_set_data (G_OBJECT (button), "survey-text", (gpointer)text);
  g_signal_connect_object (button, "clicked", G_CALLBACK (register_text_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
add_chart (SilaSurveysPage *self,
           SilaChart       *chart)
{
  GtkWidget *view;

  if (chart == NULL)
    return;

  view = sila_chart_view_new (chart);
  gtk_widget_set_size_request (view, 360, 280);
  gtk_widget_add_css_class (view, "card");
  gtk_flow_box_append (self->charts_box, view);
  g_object_unref (chart);
}

static gboolean
any_hidden (GPtrArray *groups)
{
  for (guint i = 0; i < groups->len; i++)
    if (((SilaSurveyGroupResult *)g_ptr_array_index (groups, i))->hidden)
      return TRUE;

  return FALSE;
}

static void
show_results (SilaSurveysPage *self)
{
  SilaSurveyResults *r = self->results;
  g_autofree char *responses = sila_format_int (r->responses);
  g_autofree char *csat = sila_format_percent (r->csat);
  g_autofree char *nps = format_nps (r->nps);
  GtkWidget *child;

  gtk_label_set_label (self->responses_value, responses);
  gtk_label_set_label (self->csat_value, csat);
  gtk_label_set_label (self->nps_value, nps);

  if (r->responses > 0 && r->responses < SILA_SURVEY_MIN_GROUP)
    gtk_label_set_label (self->notice_label,
                         _("Fewer than 5 responses in this period: no breakdown is shown, so "
                           "that nobody’s answers can be picked out."));
  else if (any_hidden (r->by_channel) || any_hidden (r->by_request_type) ||
           any_hidden (r->by_month))
    gtk_label_set_label (self->notice_label,
                         _("Groups with fewer than 5 responses are left out of the breakdowns, "
                           "so that nobody’s answers can be picked out."));
  else
    gtk_label_set_label (self->notice_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label),
                          *gtk_label_get_label (self->notice_label) != '\0');

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box))) != NULL)
    gtk_flow_box_remove (self->charts_box, child);

  add_chart (self, sila_survey_chart_means (r));
  add_chart (self, sila_survey_chart_nps (r));
  add_chart (self, sila_survey_chart_groups (r, SILA_SURVEY_GROUP_CHANNEL));
  /* A trend needs two months at least. */
  if (r->by_month->len > 1)
    add_chart (self, sila_survey_chart_groups (r, SILA_SURVEY_GROUP_MONTH));
  if (r->by_request_type->len > 1 ||
      (r->by_request_type->len == 1 &&
       *((SilaSurveyGroupResult *)g_ptr_array_index (r->by_request_type, 0))->key != '\0'))
    add_chart (self, sila_survey_chart_groups (r, SILA_SURVEY_GROUP_REQUEST_TYPE));
  for (guint i = 0; i < r->questions->len; i++)
    {
      const SilaSurveyQuestionResult *q = g_ptr_array_index (r->questions, i);

      if ((q->question->kind == SILA_QUESTION_CHOICE || q->question->kind == SILA_QUESTION_YES_NO)
          && q->answered > 0)
        add_chart (self, sila_survey_chart_question (r, q->question->code));
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->texts_list))) != NULL)
    gtk_list_box_remove (self->texts_list, child);
  for (guint i = 0; i < r->texts->len; i++)
    gtk_list_box_append (self->texts_list, text_row (self, g_ptr_array_index (r->texts, i)));
  gtk_widget_set_visible (self->texts_group, r->texts->len > 0);
}

void
sila_surveys_page_refresh (SilaSurveysPage *self)
{
  g_autoptr(GError) error = NULL;
  const SilaPeriod *period;

  g_return_if_fail (SILA_IS_SURVEYS_PAGE (self));

  if (!sila_session_can (self->session, SILA_PERM_SURVEY_RESULTS))
    {
      gtk_stack_set_visible_child_name (self->stack, "denied");
      return;
    }

  period = sila_period_bar_get_period (self->period_bar);
  g_clear_pointer (&self->results, sila_survey_results_free);
  self->results = sila_survey_results_compute (sila_session_get_store (self->session),
                                               sila_session_get_actor (self->session),
                                               &period->start, &period->end,
                                               TEXTS_SHOWN, &error);
  if (self->results == NULL)
    {
      sila_period_bar_show_error (self->period_bar, error);
      return;
    }

  sila_period_bar_clear_error (self->period_bar);
  gtk_stack_set_visible_child_name (self->stack, "results");
  show_results (self);
}

static void
session_changed_cb (SilaSurveysPage *self,
                    const char      *what,
                    SilaSession     *session)
{
  if (what == NULL || g_str_equal (what, "survey") || g_str_equal (what, "settings"))
    sila_surveys_page_refresh (self);
}

static void
period_changed_cb (SilaSurveysPage *self)
{
  sila_surveys_page_refresh (self);
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaSurveysPage *self = SILA_SURVEYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SilaSurveyForm *form = sila_survey_form_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               self->session);

  gtk_window_present (GTK_WINDOW (form));
}

static void
templates_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SilaSurveysPage *self = SILA_SURVEYS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window;

  window = GTK_WINDOW (sila_survey_templates_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                              : NULL,
                                                         self->session));
  gtk_window_present (window);
}

/* While the kiosk runs, nothing else of the app can be reached: the main
 * window is hidden and every action of the application is off (quitting,
 * preferences, the idle lock that would close other windows, switching
 * user…), and back on, exactly those, when the PIN lets the officer out. */
static void
disable_app_actions (SilaSurveysPage *self,
                     GtkApplication  *app)
{
  g_autoptr(GStrvBuilder) disabled = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  if (app == NULL)
    return;

  names = g_action_group_list_actions (G_ACTION_GROUP (app));
  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), names[i]);

      if (G_IS_SIMPLE_ACTION (action) && g_action_get_enabled (action))
        {
          g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
          g_strv_builder_add (disabled, names[i]);
        }
    }

  g_strfreev (self->disabled_actions);
  self->disabled_actions = g_strv_builder_end (disabled);
}

static void
restore_app_actions (SilaSurveysPage *self,
                     GtkApplication  *app)
{
  for (guint i = 0; app != NULL && self->disabled_actions != NULL &&
                    self->disabled_actions[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app),
                                                    self->disabled_actions[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), TRUE);
    }

  g_clear_pointer (&self->disabled_actions, g_strfreev);
}

static void
kiosk_destroyed_cb (SilaSurveysPage *self,
                    GtkWidget       *kiosk)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  self->kiosk = NULL;
  if (GTK_IS_WINDOW (root))
    {
      restore_app_actions (self, gtk_window_get_application (GTK_WINDOW (root)));
      gtk_widget_set_visible (GTK_WIDGET (root), TRUE);
      gtk_window_present (GTK_WINDOW (root));
    }
  sila_surveys_page_refresh (self);
}

static void
no_pin_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWidget        *page)
{
  if (g_str_equal (response, "preferences"))
    gtk_widget_activate_action (page, "app.preferences", NULL);
}

static void
kiosk_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaSurveysPage *self = SILA_SURVEYS_PAGE (widget);
  SilaStore *store = sila_session_get_store (self->session);
  const SilaActor *actor = sila_session_get_actor (self->session);
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  if (self->kiosk != NULL)
    return;

  /* Without a PIN, nobody could close it again. */
  if (!sila_store_has_kiosk_pin (store))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Set a Kiosk PIN First"),
                                                  _("The kiosk can be left only with the kiosk "
                                                    "PIN. A manager or an administrator sets it "
                                                    "in Preferences, under Surveys."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "preferences", _("Open _Preferences"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preferences",
                                                  ADW_RESPONSE_SUGGESTED);
      g_signal_connect_object (dialog, "response", G_CALLBACK (no_pin_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  tpl = sila_store_get_default_survey_template (store, actor, &error);
  if (tpl == NULL || !sila_store_audit_kiosk (store, actor, TRUE, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("The Kiosk Cannot Start"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  self->kiosk = sila_kiosk_window_new (app, self->session, tpl, KIOSK_CHANNEL);
  g_signal_connect_object (self->kiosk, "destroy", G_CALLBACK (kiosk_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  disable_app_actions (self, app);
  gtk_window_fullscreen (GTK_WINDOW (self->kiosk));
  gtk_window_present (GTK_WINDOW (self->kiosk));
  if (GTK_IS_WINDOW (root))
    gtk_widget_set_visible (GTK_WIDGET (root), FALSE);
}

static void
update_actions (SilaSurveysPage *self)
{
  gboolean writable = !sila_store_is_read_only (sila_session_get_store (self->session));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.take",
                                 writable && sila_session_can (self->session,
                                                               SILA_PERM_SURVEY_TAKE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.kiosk",
                                 writable && sila_session_can (self->session,
                                                               SILA_PERM_SURVEY_TAKE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.templates",
                                 sila_session_can (self->session, SILA_PERM_SURVEY_TEMPLATES));
}

static void
sila_surveys_page_constructed (GObject *object)
{
  SilaSurveysPage *self = (SilaSurveysPage *)object;

  G_OBJECT_CLASS (sila_surveys_page_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  /* The period bar starts on the month of today. */
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  sila_surveys_page_refresh (self);
}

static void
sila_surveys_page_dispose (GObject *object)
{
  SilaSurveysPage *self = (SilaSurveysPage *)object;

  if (self->kiosk != NULL)
    g_signal_handlers_disconnect_by_data (self->kiosk, self);
  self->kiosk = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_SURVEYS_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_surveys_page_parent_class)->dispose (object);
}

static void
sila_surveys_page_finalize (GObject *object)
{
  SilaSurveysPage *self = (SilaSurveysPage *)object;

  g_clear_pointer (&self->results, sila_survey_results_free);
  g_clear_pointer (&self->disabled_actions, g_strfreev);

  G_OBJECT_CLASS (sila_surveys_page_parent_class)->finalize (object);
}

static void
sila_surveys_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SilaSurveysPage *self = SILA_SURVEYS_PAGE (object);

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
sila_surveys_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SilaSurveysPage *self = SILA_SURVEYS_PAGE (object);

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
sila_surveys_page_class_init (SilaSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SILA_TYPE_PERIOD_BAR);

  object_class->constructed = sila_surveys_page_constructed;
  object_class->dispose = sila_surveys_page_dispose;
  object_class->finalize = sila_surveys_page_finalize;
  object_class->get_property = sila_surveys_page_get_property;
  object_class->set_property = sila_surveys_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-surveys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, period_bar);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, responses_value);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, csat_value);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, nps_value);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, texts_group);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveysPage, texts_list);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "surveys.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "surveys.kiosk", NULL, kiosk_action);
  gtk_widget_class_install_action (widget_class, "surveys.templates", NULL, templates_action);
}

static void
sila_surveys_page_init (SilaSurveysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sila_surveys_page_new (SilaSession *session)
{
  return g_object_new (SILA_TYPE_SURVEYS_PAGE, "session", session, NULL);
}

void
sila_surveys_page_set_range (SilaSurveysPage *self,
                             const GDate     *from,
                             const GDate     *to)
{
  SilaPeriod period;

  g_return_if_fail (SILA_IS_SURVEYS_PAGE (self));
  g_return_if_fail (g_date_valid (from) && g_date_valid (to));

  if (!sila_period_init_range (&period, from, to, NULL))
    return;
  /* The bar says it changed: the page refreshes. */
  sila_period_bar_set_period (self->period_bar, &period);
}

SilaKioskWindow *
sila_surveys_page_get_kiosk (SilaSurveysPage *self)
{
  g_return_val_if_fail (SILA_IS_SURVEYS_PAGE (self), NULL);

  return self->kiosk;
}

gint64
sila_surveys_page_get_responses (SilaSurveysPage *self)
{
  g_return_val_if_fail (SILA_IS_SURVEYS_PAGE (self), -1);

  return self->results != NULL ? self->results->responses : -1;
}

guint
sila_surveys_page_get_n_charts (SilaSurveysPage *self)
{
  guint n = 0;

  g_return_val_if_fail (SILA_IS_SURVEYS_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}
