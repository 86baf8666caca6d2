/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The intake form. Its fields come from one table (field_specs) so that
 * filling, reading, drafts and errors all go through the same keys. Saving
 * and drafts are in sila-intake-form-save.c. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-a11y.h"
#include "sila-channel.h"
#include "sila-field-error.h"
#include "sila-form.h"
#include "sila-income-editor.h"
#include "sila-intake-form-private.h"
#include "sila-member-editor.h"
#include "sila-policy.h"
#include "sila-store-beneficiaries.h"

G_DEFINE_FINAL_TYPE (SilaIntakeForm, sila_intake_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint sila_intake_form_signals[SILA_INTAKE_N_SIGNALS];

typedef enum {
  KIND_TEXT,
  KIND_LTR,
  KIND_CHOICE,
  KIND_ID_TYPE,
  KIND_CHANNEL,
  KIND_SEGMENT,
  KIND_DATE,
  KIND_NOTES,
  KIND_CONSENT,
} FieldKind;

typedef enum {
  GROUP_IDENTITY,
  GROUP_CONTACT,
  GROUP_SITUATION,
  GROUP_HOUSEHOLD,
  GROUP_NOTES,
  GROUP_CONSENT,
  N_GROUPS
} FormGroup;

static const char *const group_titles[N_GROUPS] = {
  N_("Identity"),
  N_("Contact"),
  N_("Situation"),
  N_("Household"),
  N_("Health and notes"),
  N_("Consent to data processing"),
};

static const struct {
  SilaBeneficiaryField field;
  FormGroup            group;
  FieldKind            kind;
  int                  choices;
  const char          *label;
  const char          *placeholder;
} field_specs[] = {
  { SILA_BF_ID_TYPE, GROUP_IDENTITY, KIND_ID_TYPE, -1, N_("ID _type"), NULL },
  { SILA_BF_ID_NUMBER, GROUP_IDENTITY, KIND_LTR, -1, N_("_ID number"), "1XXXXXXXXX" },
  { SILA_BF_ID_NONE_REASON, GROUP_IDENTITY, KIND_TEXT, -1, N_("Why there is _no ID"), NULL },
  { SILA_BF_FIRST_NAME, GROUP_IDENTITY, KIND_TEXT, -1, N_("_First name"), NULL },
  { SILA_BF_FATHER_NAME, GROUP_IDENTITY, KIND_TEXT, -1, N_("F_ather's name"), NULL },
  { SILA_BF_GRANDFATHER_NAME, GROUP_IDENTITY, KIND_TEXT, -1, N_("_Grandfather's name"), NULL },
  { SILA_BF_FAMILY_NAME, GROUP_IDENTITY, KIND_TEXT, -1, N_("Fa_mily name"), NULL },
  { SILA_BF_GENDER, GROUP_IDENTITY, KIND_CHOICE, SILA_CHOICES_GENDER, N_("G_ender"), NULL },
  { SILA_BF_BIRTH_DATE, GROUP_IDENTITY, KIND_DATE, -1, N_("_Birth date"), NULL },
  { SILA_BF_NATIONALITY, GROUP_IDENTITY, KIND_CHOICE, SILA_CHOICES_NATIONALITY,
    N_("_Nationality"), NULL },
  { SILA_BF_MARITAL_STATUS, GROUP_IDENTITY, KIND_CHOICE, SILA_CHOICES_MARITAL_STATUS,
    N_("Ma_rital status"), NULL },
  { SILA_BF_MOBILE, GROUP_CONTACT, KIND_LTR, -1, N_("_Mobile"), "05XXXXXXXX" },
  { SILA_BF_ALT_PHONES, GROUP_CONTACT, KIND_LTR, -1, N_("_Other phones"),
    N_("Separate several numbers with commas") },
  { SILA_BF_DISTRICT, GROUP_CONTACT, KIND_CHOICE, SILA_CHOICES_DISTRICT, N_("_District"), NULL },
  { SILA_BF_ADDRESS, GROUP_CONTACT, KIND_TEXT, -1, N_("Add_ress"), NULL },
  { SILA_BF_PREFERRED_CHANNEL, GROUP_CONTACT, KIND_CHANNEL, -1, N_("_Preferred channel"),
    NULL },
  { SILA_BF_SEGMENT, GROUP_SITUATION, KIND_SEGMENT, -1, N_("_Segment"), NULL },
  { SILA_BF_HOUSING_TYPE, GROUP_SITUATION, KIND_CHOICE, SILA_CHOICES_HOUSING, N_("_Housing"),
    NULL },
  { SILA_BF_RENT, GROUP_SITUATION, KIND_LTR, -1, N_("Yearly _rent (SAR)"), "0.00" },
  { SILA_BF_STATUS, GROUP_SITUATION, KIND_CHOICE, SILA_CHOICES_FILE_STATUS,
    N_("Status of the _file"), NULL },
  { SILA_BF_HEALTH_NOTES, GROUP_NOTES, KIND_NOTES, -1, N_("Health _notes"), NULL },
  { SILA_BF_NOTES, GROUP_NOTES, KIND_NOTES, -1, N_("No_tes"), NULL },
  { SILA_BF_CONSENT, GROUP_CONSENT, KIND_CONSENT, -1, NULL, NULL },
};

/* Changes */

static void
field_changed_cb (SilaIntakeForm *self)
{
  if (self->loading)
    return;
  sila_intake_form_schedule_draft (self);
}

static void
update_id_none (SilaIntakeForm *self)
{
  gboolean none = g_strcmp0 (sila_form_choice_get_code (self->fields[SILA_BF_ID_TYPE]),
                             "none") == 0;
  GtkWidget *label = gtk_grid_get_child_at (self->identity_grid, 0, self->none_reason_row);

  gtk_widget_set_visible (self->fields[SILA_BF_ID_NONE_REASON], none);
  if (label != NULL)
    gtk_widget_set_visible (label, none);
  gtk_widget_set_sensitive (self->fields[SILA_BF_ID_NUMBER], !none);
  if (!none)
    sila_field_error_clear (self->fields[SILA_BF_ID_NONE_REASON],
                            self->errors[SILA_BF_ID_NONE_REASON]);
}

static void
id_type_changed_cb (SilaIntakeForm *self)
{
  update_id_none (self);
}

static void
id_number_changed_cb (SilaIntakeForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[SILA_BF_ID_NUMBER]));
  const char *type = sila_form_choice_get_code (self->fields[SILA_BF_ID_TYPE]);
  SilaIdType guess = sila_national_id_guess_type (text);

  if (self->loading)
    return;

  /* A number starting with 2 is an iqama, with 1 a national ID. */
  if ((g_strcmp0 (type, "national_id") == 0 && guess == SILA_ID_TYPE_IQAMA) ||
      (g_strcmp0 (type, "iqama") == 0 && guess == SILA_ID_TYPE_NATIONAL_ID))
    sila_form_choice_set_code (self->fields[SILA_BF_ID_TYPE], sila_id_type_to_code (guess));

  sila_intake_form_schedule_id_check (self);
}

/* Both calendars, as soon as the date can be read. */
void
sila_intake_form_update_birth_hint (SilaIntakeForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[SILA_BF_BIRTH_DATE]));
  const char *code = sila_form_choice_get_code (self->fields[SILA_BF_BIRTH_CALENDAR]);
  SilaCalendar calendar = SILA_CALENDAR_HIJRI;
  GDate date;

  sila_calendar_from_code (code, &calendar);
  if (*text != '\0' && sila_date_parse (text, calendar, &date, NULL))
    {
      g_autofree char *hijri = sila_date_format (&date, SILA_CALENDAR_HIJRI);
      g_autofree char *gregorian = sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
      g_autofree char *both = g_strdup_printf ("%s — %s", hijri, gregorian);

      gtk_label_set_label (self->birth_hint, both);
      gtk_widget_set_visible (GTK_WIDGET (self->birth_hint), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->birth_hint), FALSE);
}

static const char *
marital_name (const char *code,
              gpointer    gender)
{
  return sila_marital_status_to_display (code, gender);
}

/* A woman's marital status reads in the feminine (متزوجة). */
static void
gender_changed_cb (SilaIntakeForm *self)
{
  GtkWidget *gender = self->fields[SILA_BF_GENDER];
  GtkWidget *marital = self->fields[SILA_BF_MARITAL_STATUS];

  if (gender == NULL || marital == NULL || self->relabelling)
    return;
  self->relabelling = TRUE;
  sila_form_choice_relabel (marital, marital_name,
                            (gpointer)sila_form_choice_get_code (gender));
  self->relabelling = FALSE;
}

static void
birth_changed_cb (SilaIntakeForm *self)
{
  sila_intake_form_update_birth_hint (self);
}

/* Leaving a field checks it at once: the message appears beside it. */
static void
field_leave_cb (GtkEventControllerFocus *controller,
                SilaIntakeForm          *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    if (self->fields[i] == field)
      {
        sila_intake_form_check_field (self, sila_beneficiary_field_to_key (i));
        return;
      }
}

/* Building */

static GtkWidget *
new_group (SilaIntakeForm *self,
           FormGroup       group,
           GtkGrid       **grid)
{
  GtkWidget *title = gtk_label_new (_(group_titles[group]));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_set_margin_top (title, group == GROUP_IDENTITY ? 0 : 12);
  gtk_box_append (GTK_BOX (self->groups_box), title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "sila-form-card");
  gtk_box_append (GTK_BOX (self->groups_box), card);

  *grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (*grid, 4);
  gtk_grid_set_column_spacing (*grid, 16);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (*grid));
  return card;
}

static GtkWidget *
segment_choice_new (SilaIntakeForm *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, (gpointer)"—");
  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      SilaSegment *s = g_ptr_array_index (self->segments, i);

      if (s->retired)
        continue;
      g_ptr_array_add (codes, s->code);
      g_ptr_array_add (names, (gpointer)sila_segment_get_display (s));
    }
  g_ptr_array_add (names, NULL);
  return sila_form_choice_new_full ((const char * const *)codes->pdata,
                                    (const char * const *)names->pdata);
}

static GtkWidget *
channel_choice_new (void)
{
  const char *codes[SILA_N_CHANNELS + 2] = { NULL };
  const char *names[SILA_N_CHANNELS + 2] = { "—" };

  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    {
      codes[i + 1] = sila_channel_to_code (i);
      names[i + 1] = sila_channel_to_display (i);
    }
  return sila_form_choice_new_full (codes, names);
}

static GtkWidget *
id_type_choice_new (void)
{
  static const SilaIdType order[] = {
    SILA_ID_TYPE_NATIONAL_ID, SILA_ID_TYPE_IQAMA, SILA_ID_TYPE_PASSPORT,
    SILA_ID_TYPE_BORDER_NUMBER, SILA_ID_TYPE_NONE,
  };
  const char *codes[G_N_ELEMENTS (order) + 1] = { NULL };
  const char *names[G_N_ELEMENTS (order) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      codes[i] = sila_id_type_to_code (order[i]);
      names[i] = sila_id_type_to_display (order[i]);
    }
  return sila_form_choice_new_full (codes, names);
}

static GtkWidget *
make_field (SilaIntakeForm *self,
            guint           spec)
{
  switch (field_specs[spec].kind)
    {
    case KIND_TEXT:
    case KIND_LTR:
      return sila_form_entry_new (field_specs[spec].kind == KIND_LTR,
                                  field_specs[spec].placeholder != NULL &&
                                  g_ascii_isupper (field_specs[spec].placeholder[0])
                                  ? _(field_specs[spec].placeholder)
                                  : field_specs[spec].placeholder);
    case KIND_CHOICE:
      return sila_form_choice_new (field_specs[spec].choices, TRUE);
    case KIND_ID_TYPE:
      return id_type_choice_new ();
    case KIND_CHANNEL:
      return channel_choice_new ();
    case KIND_SEGMENT:
      return segment_choice_new (self);
    case KIND_DATE:
      return sila_form_entry_new (TRUE, _("YYYY-MM-DD or DD/MM/YYYY"));
    case KIND_NOTES:
      {
        GtkWidget *view = gtk_text_view_new ();

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_widget_set_size_request (view, -1, 72);
        gtk_widget_set_hexpand (view, TRUE);
        gtk_widget_add_css_class (view, "sila-notes");
        return view;
      }
    case KIND_CONSENT:
    default:
      return gtk_check_button_new_with_mnemonic (
          _("The beneficiary _agrees to the processing of their personal data by the "
            "association, as the Personal Data Protection Law requires"));
    }
}

static void
build_fields (SilaIntakeForm *self)
{
  GtkGrid *grids[N_GROUPS] = { NULL };
  int rows[N_GROUPS] = { 0 };

  for (guint g = 0; g < N_GROUPS; g++)
    new_group (self, g, &grids[g]);
  self->identity_grid = grids[GROUP_IDENTITY];

  for (guint s = 0; s < G_N_ELEMENTS (field_specs); s++)
    {
      SilaBeneficiaryField f = field_specs[s].field;
      FormGroup g = field_specs[s].group;
      GtkWidget *field = make_field (self, s);
      GtkWidget *shown = field;
      GtkLabel *hint = NULL;
      GtkEventController *focus;

      self->fields[f] = field;
      self->errors[f] = sila_form_error_label_new ();

      if (field_specs[s].kind == KIND_DATE)
        {
          static const char *const codes[] = { "hijri", "gregorian", NULL };
          const char *names[] = { _("Hijri"), _("Gregorian"), NULL };
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

          self->fields[SILA_BF_BIRTH_CALENDAR] = sila_form_choice_new_full (codes, names);
          gtk_widget_set_hexpand (self->fields[SILA_BF_BIRTH_CALENDAR], FALSE);
          sila_a11y_set_label (self->fields[SILA_BF_BIRTH_CALENDAR],
                               _("Calendar of the birth date"));
          gtk_box_append (GTK_BOX (box), field);
          gtk_box_append (GTK_BOX (box), self->fields[SILA_BF_BIRTH_CALENDAR]);
          self->birth_hint = hint = sila_form_hint_label_new ();
          shown = box;
          sila_form_connect_changed (self->fields[SILA_BF_BIRTH_CALENDAR],
                                     G_CALLBACK (field_changed_cb), self);
          sila_form_connect_changed (self->fields[SILA_BF_BIRTH_CALENDAR],
                                     G_CALLBACK (birth_changed_cb), self);
          sila_form_connect_changed (field, G_CALLBACK (birth_changed_cb), self);
        }
      else if (field_specs[s].kind == KIND_NOTES)
        {
          shown = gtk_frame_new (NULL);
          gtk_frame_set_child (GTK_FRAME (shown), field);
        }

      if (field_specs[s].kind == KIND_CONSENT)
        {
          gtk_grid_attach (grids[g], field, 0, rows[g]++, 2, 1);
          self->consent_info = sila_form_hint_label_new ();
          gtk_grid_attach (grids[g], GTK_WIDGET (self->consent_info), 0, rows[g]++, 2, 1);
          gtk_grid_attach (grids[g], GTK_WIDGET (self->errors[f]), 0, rows[g]++, 2, 1);
        }
      else
        {
          if (f == SILA_BF_ID_NONE_REASON)
            self->none_reason_row = rows[g];
          rows[g] = sila_form_grid_add (grids[g], rows[g], _(field_specs[s].label), shown, hint,
                                        self->errors[f]);
        }

      if (f == SILA_BF_ID_NUMBER)
        {
          /* An ID that already has a file offers to open it, right here. */
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open That File"));

          self->duplicate_label = GTK_LABEL (gtk_label_new (NULL));
          gtk_label_set_wrap (self->duplicate_label, TRUE);
          gtk_label_set_xalign (self->duplicate_label, 0);
          gtk_widget_set_hexpand (GTK_WIDGET (self->duplicate_label), TRUE);
          gtk_widget_add_css_class (GTK_WIDGET (self->duplicate_label), "sila-duplicate");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "form.open-duplicate");
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->duplicate_label));
          gtk_box_append (GTK_BOX (box), open);
          self->duplicate_open = open;
          self->duplicate_revealer = GTK_REVEALER (gtk_revealer_new ());
          gtk_revealer_set_child (self->duplicate_revealer, box);
          gtk_grid_attach (grids[g], GTK_WIDGET (self->duplicate_revealer), 1, rows[g]++, 1, 1);
          sila_form_connect_changed (field, G_CALLBACK (id_number_changed_cb), self);
        }
      if (f == SILA_BF_ID_TYPE)
        sila_form_connect_changed (field, G_CALLBACK (id_type_changed_cb), self);
      if (f == SILA_BF_GENDER)
        sila_form_connect_changed (field, G_CALLBACK (gender_changed_cb), self);

      sila_form_connect_changed (field, G_CALLBACK (field_changed_cb), self);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (field_leave_cb), self);
      gtk_widget_add_controller (field, focus);

      if (f == SILA_BF_RENT)
        {
          /* Monthly incomes, under the rent. */
          GtkWidget *label = gtk_label_new (_("Monthly income"));
          GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Income"));

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_set_valign (label, GTK_ALIGN_START);
          gtk_widget_add_css_class (label, "sila-form-label");
          self->incomes_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
          self->income_total = GTK_LABEL (gtk_label_new (NULL));
          gtk_label_set_xalign (self->income_total, 0);
          gtk_widget_add_css_class (GTK_WIDGET (self->income_total), "dim-label");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "form.add-income");
          gtk_widget_set_halign (add, GTK_ALIGN_START);
          gtk_grid_attach (grids[g], label, 0, rows[g], 1, 1);
          gtk_grid_attach (grids[g], self->incomes_box, 1, rows[g]++, 1, 1);
          gtk_grid_attach (grids[g], add, 1, rows[g]++, 1, 1);
          gtk_grid_attach (grids[g], GTK_WIDGET (self->income_total), 1, rows[g]++, 1, 1);
        }
    }

  /* The household: one card per member. */
  {
    GtkWidget *add = gtk_button_new_with_mnemonic (_("Add Household _Member"));

    self->members_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
    gtk_widget_set_hexpand (self->members_box, TRUE);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "form.add-member");
    gtk_widget_set_halign (add, GTK_ALIGN_START);
    gtk_grid_attach (grids[GROUP_HOUSEHOLD], self->members_box, 0, 0, 2, 1);
    gtk_grid_attach (grids[GROUP_HOUSEHOLD], add, 0, 1, 2, 1);
  }
}

/* Filling */

void
sila_intake_form_fill (SilaIntakeForm             *self,
                       const SilaBeneficiaryInput *input)
{
  GtkWidget *child;

  self->loading = TRUE;

  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    {
      if (self->fields[i] == NULL)
        continue;
      if (self->errors[i] != NULL)
        sila_field_error_clear (self->fields[i], self->errors[i]);
      sila_form_set_text (self->fields[i], input->fields[i]);
    }

  while ((child = gtk_widget_get_first_child (self->members_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->members_box), child);
  for (guint i = 0; i < input->members->len; i++)
    sila_intake_form_append_member (self, g_ptr_array_index (input->members, i));

  while ((child = gtk_widget_get_first_child (self->incomes_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->incomes_box), child);
  for (guint i = 0; i < input->incomes->len; i++)
    sila_intake_form_append_income (self, g_ptr_array_index (input->incomes, i));
  if (input->incomes->len == 0)
    sila_intake_form_append_income (self, NULL);

  gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->duplicate_revealer, FALSE);
  update_id_none (self);
  sila_intake_form_update_birth_hint (self);
  sila_intake_form_update_income_total (self);
  sila_intake_form_update_consent_info (self);

  self->loading = FALSE;
}

SilaBeneficiaryInput *
sila_intake_form_get_input (SilaIntakeForm *self)
{
  SilaBeneficiaryInput *input;

  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), NULL);

  input = sila_beneficiary_input_new ();
  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (self->fields[i] == NULL)
        continue;
      text = sila_form_get_text (self->fields[i]);
      sila_beneficiary_input_set (input, i, text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (self->members_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SILA_IS_MEMBER_EDITOR (child))
      sila_member_editor_get_input (SILA_MEMBER_EDITOR (child),
                                    sila_beneficiary_input_add_member (input));

  for (GtkWidget *child = gtk_widget_get_first_child (self->incomes_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SILA_IS_INCOME_EDITOR (child))
      sila_income_editor_get_input (SILA_INCOME_EDITOR (child),
                                    sila_beneficiary_input_add_income (input, NULL, NULL));

  return input;
}

/* The n-th member or income editor. */
static GtkWidget *
nth_editor (GtkWidget *box,
            guint      n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child), n--)
    if (n == 0)
      return child;
  return NULL;
}

/* "members.2.name" → the member editor and "name". */
GtkWidget *
sila_intake_form_find_row (SilaIntakeForm  *self,
                           const char      *key,
                           const char     **subkey)
{
  g_auto(GStrv) parts = g_strsplit (key, ".", 3);
  guint64 n;

  if (g_strv_length (parts) != 3 || !g_ascii_string_to_unsigned (parts[1], 10, 0, 1000, &n, NULL))
    return NULL;
  *subkey = key + strlen (parts[0]) + strlen (parts[1]) + 2;
  if (g_str_equal (parts[0], "members"))
    return nth_editor (self->members_box, (guint)n);
  if (g_str_equal (parts[0], "incomes"))
    return nth_editor (self->incomes_box, (guint)n);
  return NULL;
}

void
sila_intake_form_scroll_to_top (SilaIntakeForm *self)
{
  GtkAdjustment *adj;

  g_return_if_fail (SILA_IS_INTAKE_FORM (self));

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj));
}

GtkWidget *
sila_intake_form_get_field (SilaIntakeForm *self,
                            const char     *key)
{
  SilaBeneficiaryField field;
  const char *subkey = NULL;
  GtkWidget *row;

  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), NULL);

  if (sila_beneficiary_field_from_key (key, &field))
    return self->fields[field];

  row = sila_intake_form_find_row (self, key, &subkey);
  if (SILA_IS_MEMBER_EDITOR (row))
    return sila_member_editor_get_field (SILA_MEMBER_EDITOR (row), subkey);
  if (SILA_IS_INCOME_EDITOR (row))
    return sila_income_editor_get_field (SILA_INCOME_EDITOR (row), subkey);
  return NULL;
}

GtkLabel *
sila_intake_form_get_error_label (SilaIntakeForm *self,
                                  const char     *key)
{
  SilaBeneficiaryField field;

  const char *subkey = NULL;
  GtkWidget *row;

  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), NULL);

  if (sila_beneficiary_field_from_key (key, &field))
    return self->errors[field];
  row = sila_intake_form_find_row (self, key, &subkey);
  if (SILA_IS_MEMBER_EDITOR (row))
    return sila_member_editor_get_error_label (SILA_MEMBER_EDITOR (row), subkey);
  return NULL;
}

const char *
sila_intake_form_get_problem (SilaIntakeForm *self)
{
  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->problem_revealer))
    return NULL;
  return gtk_label_get_label (self->problem_label);
}

/* Object */

static void
sila_intake_form_constructed (GObject *object)
{
  SilaIntakeForm *self = (SilaIntakeForm *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sila_intake_form_parent_class)->constructed (object);

  self->segments = sila_store_list_segments (sila_session_get_store (self->session), TRUE,
                                             &error);
  if (self->segments == NULL)
    g_message ("Cannot read the segments: %s", error->message);

  build_fields (self);
  sila_intake_form_start_new (self);
}

static void
sila_intake_form_dispose (GObject *object)
{
  SilaIntakeForm *self = (SilaIntakeForm *)object;

  /* What was typed since the last draft is written before the form goes. */
  if (self->session != NULL)
    sila_intake_form_flush_draft (self);
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  g_clear_handle_id (&self->id_check_timeout_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_INTAKE_FORM);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_intake_form_parent_class)->dispose (object);
}

static void
sila_intake_form_finalize (GObject *object)
{
  SilaIntakeForm *self = (SilaIntakeForm *)object;

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->editing, sila_beneficiary_free);
  g_free (self->draft_id);
  g_free (self->duplicate_id);

  G_OBJECT_CLASS (sila_intake_form_parent_class)->finalize (object);
}

static void
sila_intake_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SilaIntakeForm *self = SILA_INTAKE_FORM (object);

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
sila_intake_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SilaIntakeForm *self = SILA_INTAKE_FORM (object);

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
sila_intake_form_class_init (SilaIntakeFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_intake_form_constructed;
  object_class->dispose = sila_intake_form_dispose;
  object_class->finalize = sila_intake_form_finalize;
  object_class->get_property = sila_intake_form_get_property;
  object_class->set_property = sila_intake_form_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  sila_intake_form_signals[SILA_INTAKE_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  sila_intake_form_signals[SILA_INTAKE_OPEN_FILE] =
    g_signal_new ("open-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  sila_intake_form_signals[SILA_INTAKE_CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-intake-form.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaIntakeForm, root);
  gtk_widget_class_bind_template_child (widget_class, SilaIntakeForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, SilaIntakeForm, draft_label);
  gtk_widget_class_bind_template_child (widget_class, SilaIntakeForm, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, SilaIntakeForm, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SilaIntakeForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, SilaIntakeForm, groups_box);

  sila_intake_form_install_actions (widget_class);
}

static void
sila_intake_form_init (SilaIntakeForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaIntakeForm *
sila_intake_form_new (SilaSession *session)
{
  return g_object_new (SILA_TYPE_INTAKE_FORM, "session", session, NULL);
}
