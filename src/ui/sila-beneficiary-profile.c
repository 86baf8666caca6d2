/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A beneficiary's profile: everything the file holds, the household, the
 * places later issues fill (requests, contacts, surveys) and the file's
 * history. Opening it is recorded in the audit trail as a view. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sila-beneficiary-history.h"
#include "sila-beneficiary-profile.h"
#include "sila-channel.h"
#include "sila-choices.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-form.h"
#include "sila-format.h"
#include "sila-money.h"
#include "sila-person-report.h"
#include "sila-phone.h"
#include "sila-profile-sections.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-person.h"
#include "sila-store-staff.h"

struct _SilaBeneficiaryProfile
{
  GtkWidget            parent_instance;

  SilaSession         *session;
  SilaBeneficiary     *file;
  GPtrArray           *segments;
  GHashTable          *staff_names;  /* user name → the staff member's name */

  /* Template widgets */
  GtkWidget           *root;
  GtkLabel            *title_label;
  GtkWidget           *edit_button;
  GtkLabel            *export_error;
  GtkFileChooserNative *chooser;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  GtkWidget           *badges;
  AdwPreferencesGroup *identity_group;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *situation_group;
  AdwPreferencesGroup *household_group;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *consent_group;
  GtkWidget           *sections_box;
  AdwPreferencesGroup *history_group;
};

G_DEFINE_FINAL_TYPE (SilaBeneficiaryProfile, sila_beneficiary_profile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  BACK,
  EDIT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
digits (gint64 n)
{
  /* A file number is a code: Western digits, left to right (sila-display.h). */
  return sila_display_file_number (n);
}

static char *
both_calendars (const GDate *date)
{
  g_autofree char *hijri = NULL;
  g_autofree char *gregorian = NULL;

  if (!g_date_valid (date))
    return NULL;
  hijri = sila_date_format (date, SILA_CALENDAR_HIJRI);
  gregorian = sila_date_format (date, SILA_CALENDAR_GREGORIAN);
  return g_strdup_printf ("%s — %s", hijri, gregorian);
}

static char *
phone_text (const char *phone)
{
  g_autofree char *shown = phone != NULL ? sila_phone_format_display (phone) : NULL;

  return phone != NULL ? sila_form_ltr (shown != NULL ? shown : phone) : NULL;
}

/* A row "label … value" on one line; nothing when there is no value. */
static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;
  GtkWidget *label;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  label = gtk_label_new (value);
  /* Short values (numbers, dates) stay on one line; long ones wrap. */
  if (g_utf8_strlen (value, -1) > 40)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "sila-value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
}

static void
add_badge (SilaBeneficiaryProfile *self,
           const char             *text,
           const char             *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "sila-badge");
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->badges), label);
}

static const char *
segment_name (SilaBeneficiaryProfile *self,
              const char             *code)
{
  for (guint i = 0; code != NULL && self->segments != NULL && i < self->segments->len; i++)
    {
      const SilaSegment *s = g_ptr_array_index (self->segments, i);

      if (g_str_equal (s->code, code))
        return sila_segment_get_display (s);
    }
  return code;
}

/* Who did something, by name: the staff member's name where the staff
 * list gives one, the user name otherwise. */
static const char *
actor_name (SilaBeneficiaryProfile *self,
            const char             *username)
{
  const char *name;

  if (g_strcmp0 (username, "owner") == 0)
    return _("the owner of this database");
  if (self->staff_names == NULL)
    {
      g_autoptr(GPtrArray) staff = NULL;

      self->staff_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      staff = sila_store_list_staff (sila_session_get_store (self->session),
                                     sila_session_get_actor (self->session), TRUE, NULL);
      for (guint i = 0; staff != NULL && i < staff->len; i++)
        {
          const SilaStaff *member = g_ptr_array_index (staff, i);

          g_hash_table_insert (self->staff_names, g_strdup (member->username),
                               g_strdup (member->display_name));
        }
    }
  name = username != NULL ? g_hash_table_lookup (self->staff_names, username) : NULL;
  return name != NULL ? name : username;
}

static void
fill_header (SilaBeneficiaryProfile *self)
{
  SilaBeneficiary *f = self->file;
  g_autofree char *name = sila_beneficiary_get_full_name (f);
  g_autofree char *number = digits (f->file_number);
  g_autofree char *title = g_strdup_printf (_("File %s"), number);
  g_autofree char *id = f->id_number != NULL ? sila_form_ltr (f->id_number) : NULL;
  g_autofree char *summary = NULL;

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->name_label, name);
  if (id != NULL)
    {
      g_autofree char *file_part = g_strdup_printf (_("File number %s"), number);
      g_autofree char *id_part = g_strdup_printf ("%s %s", sila_id_type_to_display (f->id_type),
                                                  id);

      summary = sila_display_join (file_part, id_part, NULL);
    }
  else
    {
      g_autofree char *file_part = g_strdup_printf (_("File number %s"), number);

      summary = sila_display_join (file_part, sila_id_type_to_display (f->id_type), NULL);
    }
  gtk_label_set_label (self->summary_label, summary);

  add_badge (self, sila_choice_to_display (SILA_CHOICES_FILE_STATUS, f->status),
             g_strcmp0 (f->status, "active") == 0 ? "success" : "dim-label");
  if (g_strcmp0 (f->consent, "given") != 0)
    add_badge (self, _("Consent pending"), "warning");
  if (f->segment != NULL)
    add_badge (self, segment_name (self, f->segment), "accent");
}

static void
fill_identity (SilaBeneficiaryProfile *self)
{
  SilaBeneficiary *f = self->file;
  g_autofree char *id = f->id_number != NULL ? sila_form_ltr (f->id_number) : NULL;
  g_autofree char *birth = both_calendars (&f->birth_date);
  AdwPreferencesGroup *g = self->identity_group;

  add_row (g, _("ID type"), sila_id_type_to_display (f->id_type));
  add_row (g, _("ID number"), id);
  add_row (g, _("Why there is no ID"), f->id_none_reason);
  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    add_row (g, sila_name_part_to_display (i), f->name[i]);
  add_row (g, _("Gender"), sila_choice_to_display (SILA_CHOICES_GENDER, f->gender));
  add_row (g, _("Birth date"), birth);
  add_row (g, _("Nationality"), sila_choice_to_display (SILA_CHOICES_NATIONALITY, f->nationality));
  add_row (g, _("Marital status"),
           sila_marital_status_to_display (f->marital_status, f->gender));
}

static void
fill_contact (SilaBeneficiaryProfile *self)
{
  SilaBeneficiary *f = self->file;
  g_autofree char *mobile = phone_text (f->mobile);
  g_autoptr(GString) others = g_string_new (NULL);
  AdwPreferencesGroup *g = self->contact_group;
  SilaChannel channel;

  for (guint i = 0; f->alt_phones[i] != NULL; i++)
    {
      g_autofree char *p = phone_text (f->alt_phones[i]);

      if (others->len > 0)
        g_string_append (others, _(", "));
      g_string_append (others, p);
    }

  add_row (g, _("Mobile"), mobile);
  add_row (g, _("Other phones"), others->str);
  add_row (g, _("District"), sila_choice_to_display (SILA_CHOICES_DISTRICT, f->district));
  add_row (g, _("Address"), f->address);
  if (f->preferred_channel != NULL && sila_channel_parse (f->preferred_channel, &channel, NULL))
    add_row (g, _("Preferred channel"), sila_channel_to_display (channel));
}

static void
fill_situation (SilaBeneficiaryProfile *self)
{
  SilaBeneficiary *f = self->file;
  AdwPreferencesGroup *g = self->situation_group;

  add_row (g, _("Segment"), segment_name (self, f->segment));
  add_row (g, _("Housing"), sila_choice_to_display (SILA_CHOICES_HOUSING, f->housing_type));
  if (f->rent_halalas >= 0)
    {
      g_autofree char *rent = sila_money_format (f->rent_halalas, TRUE);
      add_row (g, _("Yearly rent"), rent);
    }
  for (guint i = 0; i < f->incomes->len; i++)
    {
      const SilaIncome *income = g_ptr_array_index (f->incomes, i);
      g_autofree char *amount = sila_money_format (income->monthly_halalas, TRUE);

      add_row (g, sila_choice_to_display (SILA_CHOICES_INCOME_SOURCE, income->source), amount);
    }
  {
    g_autofree char *total = sila_money_format (sila_beneficiary_get_total_income (f), TRUE);
    add_row (g, _("Total monthly income"), total);
  }
}

static void
fill_household (SilaBeneficiaryProfile *self)
{
  SilaBeneficiary *f = self->file;

  if (f->members->len == 0)
    {
      add_row (self->household_group, _("Members"), _("No household members are recorded."));
      return;
    }

  for (guint i = 0; i < f->members->len; i++)
    {
      const SilaHouseholdMember *m = g_ptr_array_index (f->members, i);
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *line = NULL;
      g_autofree char *birth = both_calendars (&m->birth_date);

      g_ptr_array_add (parts, g_strdup (sila_choice_to_display (SILA_CHOICES_RELATION,
                                                                m->relation)));
      if (m->id_number != NULL)
        g_ptr_array_add (parts, sila_form_ltr (m->id_number));
      if (birth != NULL)
        g_ptr_array_add (parts, g_steal_pointer (&birth));
      if (m->gender != NULL)
        g_ptr_array_add (parts, g_strdup (sila_choice_to_display (SILA_CHOICES_GENDER,
                                                                  m->gender)));
      if (m->occupation != NULL)
        g_ptr_array_add (parts, g_strdup (sila_choice_to_display (SILA_CHOICES_OCCUPATION,
                                                                  m->occupation)));
      if (m->health != NULL)
        g_ptr_array_add (parts, g_strdup (m->health));
      g_ptr_array_add (parts, NULL);
      line = g_strjoinv (SILA_DISPLAY_SEPARATOR, (char **)parts->pdata);
      add_row (self->household_group, m->name, line);
    }
}

static void
fill_notes (SilaBeneficiaryProfile *self)
{
  add_row (self->notes_group, _("Health notes"), self->file->health_notes);
  add_row (self->notes_group, _("Notes"), self->file->notes);
  if (self->file->health_notes == NULL && self->file->notes == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
}

static void
fill_consent (SilaBeneficiaryProfile *self)
{
  SilaBeneficiary *f = self->file;

  if (g_strcmp0 (f->consent, "given") == 0)
    {
      GDate date;
      g_autofree char *day = NULL;

      if (sila_date_parse (f->consent_at, SILA_CALENDAR_GREGORIAN, &date, NULL))
        day = both_calendars (&date);
      add_row (self->consent_group, _("Consent"),
               sila_choice_to_display (SILA_CHOICES_CONSENT, f->consent));
      add_row (self->consent_group, _("Recorded on"), day);
      add_row (self->consent_group, _("Recorded by"), actor_name (self, f->consent_by));
    }
  else
    add_row (self->consent_group, _("Consent"),
             sila_choice_to_display (SILA_CHOICES_CONSENT, f->consent));
}

/* The places later issues fill. */
static void
fill_sections (SilaBeneficiaryProfile *self)
{
  const SilaProfileSection *sections;
  guint n;

  sections = sila_profile_sections_get (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *child = NULL;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sections[i].title));
      gtk_widget_set_name (group, sections[i].id);
      if (sections[i].build != NULL)
        child = sections[i].build (self->session, self->file);
      if (child == NULL)
        {
          child = gtk_label_new (_(sections[i].empty_text));
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_widget_add_css_class (child, "dim-label");
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), child);
      gtk_box_append (GTK_BOX (self->sections_box), group);
    }
}

static char *
format_time (const char *timestamp)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  GDate date;
  g_autofree char *day = NULL;

  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  day = sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
  {
    g_autofree char *hhmm = g_date_time_format (local, "%H:%M");
    time = sila_format_digits_for (hhmm, sila_i18n_get_language ());
  }
  return g_strdup_printf ("%s %s", day, time);
}

static void
fill_history (SilaBeneficiaryProfile *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const char *arrow = sila_i18n_is_rtl () ? "←" : "→";

  entries = sila_store_list_beneficiary_history (sila_session_get_store (self->session),
                                                 sila_session_get_actor (self->session),
                                                 self->file->id, 50, &error);
  if (entries == NULL)
    {
      add_row (self->history_group, _("History"), error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const SilaAuditEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *when = format_time (e->at);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_expander_row_new ();

      if (g_strcmp0 (e->action, "create") == 0)
        title = g_strdup_printf (_("Opened by %s"), actor_name (self, e->actor_name));
      else if (g_strcmp0 (e->action, "delete") == 0)
        title = g_strdup_printf (_("Deleted by %s"), actor_name (self, e->actor_name));
      else
        title = g_strdup_printf (_("Changed by %s"), actor_name (self, e->actor_name));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);

      changes = sila_beneficiary_describe_changes (e->before_json, e->after_json,
                                                   self->segments);
      for (guint c = 0; c < changes->len; c++)
        {
          const SilaFieldChange *change = g_ptr_array_index (changes, c);
          GtkWidget *line = adw_action_row_new ();
          g_autofree char *text = NULL;
          g_autofree char *escaped = NULL;

          if (*change->before == '\0')
            text = g_strdup (change->after);
          else
            text = g_strdup_printf ("%s %s %s", change->before, arrow,
                                    *change->after != '\0' ? change->after : "—");
          escaped = g_markup_escape_text (text, -1);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line),
                                         change->label != NULL ? change->label : change->key);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), escaped);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
      adw_preferences_group_add (self->history_group, row);
    }
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaBeneficiaryProfile *self = SILA_BENEFICIARY_PROFILE (widget);

  if (self->file != NULL)
    g_signal_emit (self, signals[EDIT], 0, self->file->id);
}

/* Object */

/* PDPL, the right of access: everything held about the person, as a PDF
 * to hand over and as JSON beside it (@pdf with ".json" in place of
 * ".pdf"). Both readable by their owner only; the store audits it. */
gboolean
sila_beneficiary_profile_export_personal_data (SilaBeneficiaryProfile  *self,
                                               GFile                   *pdf,
                                               GError                 **error)
{
  SilaStore *store;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(SilaDocument) doc = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (SILA_IS_BENEFICIARY_PROFILE (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  pdf_path = g_file_get_path (pdf);
  if (pdf_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a folder on this computer."));
      return FALSE;
    }

  store = sila_session_get_store (self->session);
  data = sila_store_collect_person_data (store, sila_session_get_actor (self->session),
                                         self->file->file_number, error);
  if (data == NULL)
    return FALSE;

  doc = sila_person_report_new (data, self->segments);
  if (!sila_document_write_pdf (doc, pdf_path, error))
    return FALSE;

  base = g_str_has_suffix (pdf_path, ".pdf") ? g_strndup (pdf_path, strlen (pdf_path) - 4)
                                             : g_strdup (pdf_path);
  json_path = g_strconcat (base, ".json", NULL);
  json = json_to_string (data, TRUE);
  return g_file_set_contents_full (json_path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                   error);
}

/* Writes the person's data into @file and says so, or shows why not beside
 * the button. */
static void
export_to (SilaBeneficiaryProfile *self,
           GFile                  *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  GtkWidget *overlay;

  if (!sila_beneficiary_profile_export_personal_data (self, file, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->export_error), self->export_error, error);
      return;
    }

  sila_field_error_clear (GTK_WIDGET (self->export_error), self->export_error);
  {
    g_autofree char *local = g_file_get_path (file);

    base = sila_display_basename (local);
  }
  /* Translators: %s is the PDF's file name, e.g. "personal-data-1009.pdf". */
  text = g_strdup_printf (_("Written: %s, and the same data as JSON beside it"), base);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
chooser_response_cb (SilaBeneficiaryProfile *self,
                     int                     response,
                     GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        export_to (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
personal_data_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SilaBeneficiaryProfile *self = SILA_BENEFICIARY_PROFILE (widget);
  g_autofree char *name = NULL;

  if (self->file == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Personal Data"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  name = g_strdup_printf ("personal-data-%" G_GINT64_FORMAT ".pdf", self->file->file_number);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
sila_beneficiary_profile_dispose (GObject *object)
{
  SilaBeneficiaryProfile *self = (SilaBeneficiaryProfile *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_BENEFICIARY_PROFILE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_beneficiary_profile_parent_class)->dispose (object);
}

static void
sila_beneficiary_profile_finalize (GObject *object)
{
  SilaBeneficiaryProfile *self = (SilaBeneficiaryProfile *)object;

  g_clear_pointer (&self->file, sila_beneficiary_free);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->staff_names, g_hash_table_unref);

  G_OBJECT_CLASS (sila_beneficiary_profile_parent_class)->finalize (object);
}

static void
sila_beneficiary_profile_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SilaBeneficiaryProfile *self = SILA_BENEFICIARY_PROFILE (object);

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
sila_beneficiary_profile_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SilaBeneficiaryProfile *self = SILA_BENEFICIARY_PROFILE (object);

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
sila_beneficiary_profile_class_init (SilaBeneficiaryProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_beneficiary_profile_dispose;
  object_class->finalize = sila_beneficiary_profile_finalize;
  object_class->get_property = sila_beneficiary_profile_get_property;
  object_class->set_property = sila_beneficiary_profile_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-beneficiary-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, root);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, title_label);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, export_error);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, name_label);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, badges);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, identity_group);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, contact_group);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, situation_group);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, household_group);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, notes_group);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, consent_group);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, sections_box);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiaryProfile, history_group);

  gtk_widget_class_install_action (widget_class, "profile.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "profile.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "profile.personal-data", NULL,
                                   personal_data_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "profile.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "profile.edit", NULL);
}

static void
sila_beneficiary_profile_init (SilaBeneficiaryProfile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaBeneficiaryProfile *
sila_beneficiary_profile_new (SilaSession *session)
{
  return g_object_new (SILA_TYPE_BENEFICIARY_PROFILE, "session", session, NULL);
}

/* Opens the file @id (recorded as a view) and shows it. A profile shows
 * one file: make a new one for another. */
gboolean
sila_beneficiary_profile_show (SilaBeneficiaryProfile  *self,
                               const char              *id,
                               GError                 **error)
{
  SilaStore *store;
  gboolean can_edit;

  g_return_val_if_fail (SILA_IS_BENEFICIARY_PROFILE (self), FALSE);
  g_return_val_if_fail (self->file == NULL, FALSE);

  store = sila_session_get_store (self->session);
  /* The staff list is read anew for each file shown. */
  g_clear_pointer (&self->staff_names, g_hash_table_unref);
  self->file = sila_store_open_beneficiary (store, sila_session_get_actor (self->session), id,
                                            error);
  if (self->file == NULL)
    return FALSE;
  self->segments = sila_store_list_segments (store, TRUE, NULL);

  can_edit = sila_session_can (self->session, SILA_PERM_BENEFICIARY_EDIT) &&
             !sila_store_is_read_only (store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.personal-data",
                                 sila_session_can (self->session,
                                                   SILA_PERM_PERSONAL_DATA_EXPORT));

  fill_header (self);
  fill_identity (self);
  fill_contact (self);
  fill_situation (self);
  fill_household (self);
  fill_notes (self);
  fill_consent (self);
  fill_sections (self);
  fill_history (self);
  return TRUE;
}

const SilaBeneficiary *
sila_beneficiary_profile_get_file (SilaBeneficiaryProfile *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_PROFILE (self), NULL);

  return self->file;
}
