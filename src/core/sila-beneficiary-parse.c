/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checks that turn the beneficiary form as typed into a file, with a
 * message for each field refused. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-beneficiary.h"
#include "sila-channel.h"
#include "sila-choices.h"
#include "sila-money.h"
#include "sila-phone.h"
#include "sila-text.h"
#include "sila-validation.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
member_is_empty (const SilaMemberInput *m)
{
  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    if (!is_blank (m->fields[i]))
      return FALSE;
  return TRUE;
}

/* Checks */

typedef struct {
  SilaFieldErrors *errors;
  char             key[64];
} Check;

static const char *
member_key (Check      *check,
            guint       row,
            const char *field)
{
  g_snprintf (check->key, sizeof check->key, "members.%u.%s", row, field);
  return check->key;
}

static const char *
income_key (Check      *check,
            guint       row,
            const char *field)
{
  g_snprintf (check->key, sizeof check->key, "incomes.%u.%s", row, field);
  return check->key;
}

/* Takes *@error and leaves NULL there: a local error is ready for the next
 * check, and can never be stored under two fields or freed twice. */
static void
refuse (Check       *check,
        const char  *field,
        GError     **error)
{
  sila_field_errors_take (check->errors, field, error);
}

static void
refuse_message (Check       *check,
                const char  *field,
                int          code,
                const char  *message)
                {
                sila_field_errors_add (check->errors, field, SILA_VALIDATION_ERROR, code, message);
}

/* Free text of several lines: as typed, trimmed; new lines and tabs are
 * allowed, other control and bidi-override characters are not. */
static char *
clean_notes (const char  *text,
             guint        max_chars,
             GError     **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL || is_blank (text))
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return NULL;
    }

  copy = g_strstrip (g_strdup (text));
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char one[8] = { 0 };

      if (c == '\n' || c == '\t')
        continue;
      g_unichar_to_utf8 (c, one);
      if (sila_text_has_hidden_controls (one))
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                               _("The text contains hidden control characters. Type it again "
                                 "without them."));
          return NULL;
        }
    }

  if (g_utf8_strlen (copy, -1) > (glong)max_chars)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   ngettext ("The text is too long: at most %u character.",
                             "The text is too long: at most %u characters.", max_chars),
                   max_chars);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static char *
clean_optional_line (Check      *check,
                     const char *field,
                     const char *text,
                     guint       max_chars)
{
  GError *error = NULL;
  char *clean;

  if (is_blank (text))
    return NULL;
  clean = sila_text_clean_line (text, max_chars, FALSE, &error);
  if (clean == NULL)
    refuse (check, field, &error);
  return clean;
}

static char *
parse_choice (Check       *check,
              const char  *field,
              SilaChoices  list,
              const char  *text,
              gboolean     required)
{
  GError *error = NULL;
  const char *code;

  if (is_blank (text) && !required)
    return NULL;
  code = sila_choices_parse (list, text, &error);
  if (code == NULL)
    refuse (check, field, &error);
  return g_strdup (code);
}

static void
parse_identity (Check                      *check,
                const SilaBeneficiaryInput *in,
                SilaBeneficiary            *b)
{
  const char *type_text = in->fields[SILA_BF_ID_TYPE];
  const char *number = in->fields[SILA_BF_ID_NUMBER];
  g_autofree char *type_code = g_strstrip (g_strdup (type_text != NULL ? type_text : ""));
  GError *error = NULL;

  /* With no type chosen, the number is a national ID or an iqama, told
   * apart by its first digit; anything else is refused with its reason,
   * never taken for a passport: another document comes in only where its
   * type is chosen. */
  if (is_blank (type_text) && !is_blank (number))
    {
      b->id_number = sila_national_id_normalize_saudi (number, &b->id_type, &error);
      if (b->id_number == NULL)
        refuse (check, "id_number", &error);
      return;
    }
  if (is_blank (type_text))
    b->id_type = SILA_ID_TYPE_NONE;
  else if (!sila_id_type_from_code (type_code, &b->id_type))
    {
      refuse_message (check, "id_type", SILA_VALIDATION_ERROR_INVALID,
                      _("Choose the type of ID document."));
      return;
    }

  if (b->id_type == SILA_ID_TYPE_NONE)
    {
      if (is_blank (number) && is_blank (type_text))
        {
          refuse_message (check, "id_number", SILA_VALIDATION_ERROR_REQUIRED,
                          _("Enter the ID number, or choose “No ID document” "
                            "and say why."));
          return;
        }
      if (!is_blank (number))
        {
          refuse_message (check, "id_number", SILA_VALIDATION_ERROR_INVALID,
                          _("No ID document is chosen, so leave the number "
                            "empty."));
          return;
        }
      if (is_blank (in->fields[SILA_BF_ID_NONE_REASON]))
        {
          refuse_message (check, "id_none_reason", SILA_VALIDATION_ERROR_REQUIRED,
                          _("Say why the beneficiary has no ID document."));
          return;
        }
      b->id_none_reason = clean_optional_line (check, "id_none_reason",
                                               in->fields[SILA_BF_ID_NONE_REASON],
                                               SILA_BENEFICIARY_TEXT_MAX);
      return;
    }

  b->id_number = sila_national_id_normalize (number, b->id_type, &error);
  if (b->id_number == NULL)
    refuse (check, "id_number", &error);
}

static void
parse_names (Check                      *check,
             const SilaBeneficiaryInput *in,
             SilaBeneficiary            *b)
{
  static const SilaBeneficiaryField parts[SILA_N_NAME_PARTS] = {
    SILA_BF_FIRST_NAME, SILA_BF_FATHER_NAME, SILA_BF_GRANDFATHER_NAME, SILA_BF_FAMILY_NAME,
  };

  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    {
      /* A family name is needed to tell people apart; the grandfather's
       * and the father's names are often missing from old registers. */
      gboolean required = i == SILA_NAME_PART_FIRST || i == SILA_NAME_PART_FAMILY;
      GError *error = NULL;
      char *part = sila_person_name_clean_part (in->fields[parts[i]], required, &error);

      if (part == NULL)
        {
          refuse (check, sila_beneficiary_field_to_key (parts[i]), &error);
          continue;
        }
      g_free (b->name[i]);
      b->name[i] = part;
    }
}

/* A mark typed with the date ("١٤٠٥/٣/١ هـ", "1985-01-01 AD") overrides the
 * calendar chosen beside the field, as sila_date_parse() does. */
static SilaCalendar
calendar_of_mark (const char   *text,
                  SilaCalendar  fallback)
{
  g_auto(GStrv) tokens = sila_arabic_tokenize (text);
  guint n = g_strv_length (tokens);
  const char *last = n > 0 ? tokens[n - 1] : "";

  if (g_str_equal (last, "ه") || g_str_equal (last, "ah"))
    return SILA_CALENDAR_HIJRI;
  if (g_str_equal (last, "م") || g_str_equal (last, "ad") || g_str_equal (last, "ce"))
    return SILA_CALENDAR_GREGORIAN;
  return fallback;
}

static void
parse_birth (Check                      *check,
             const SilaBeneficiaryInput *in,
             SilaBeneficiary            *b)
{
  const char *text = in->fields[SILA_BF_BIRTH_DATE];
  const char *calendar_text = in->fields[SILA_BF_BIRTH_CALENDAR];
  GError *error = NULL;

  if (is_blank (text))
    return;

  if (!is_blank (calendar_text))
    {
      if (!sila_calendar_from_code (calendar_text, &b->birth_calendar))
        b->birth_calendar = SILA_CALENDAR_GREGORIAN;
      if (!sila_date_parse_birth (text, b->birth_calendar, &b->birth_date, &error))
        refuse (check, "birth_date", &error);
      else
        b->birth_calendar = calendar_of_mark (text, b->birth_calendar);
      return;
    }

  if (!sila_date_parse_guess (text, &b->birth_date, &b->birth_calendar, &error) ||
      !sila_date_check_not_future (&b->birth_date, &error))
    {
      g_date_clear (&b->birth_date, 1);
      refuse (check, "birth_date", &error);
    }
}

static void
parse_phones (Check                      *check,
              const SilaBeneficiaryInput *in,
              SilaBeneficiary            *b)
{
  const char *alt = in->fields[SILA_BF_ALT_PHONES];
  GError *error = NULL;

  if (!is_blank (in->fields[SILA_BF_MOBILE]))
    {
      b->mobile = sila_phone_normalize (in->fields[SILA_BF_MOBILE], &error);
      if (b->mobile == NULL)
        refuse (check, "mobile", &error);
    }

  if (!is_blank (alt))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) pieces = g_regex_split_simple ("[,،;؛\n]+", alt, 0, 0);
      guint n = 0;

      for (guint i = 0; pieces[i] != NULL; i++)
        {
          g_autofree char *phone = NULL;

          if (is_blank (pieces[i]))
            continue;
          phone = sila_phone_normalize (pieces[i], &error);
          if (phone == NULL)
            {
              refuse (check, "alt_phones", &error);
              return;
            }
          if (++n > SILA_BENEFICIARY_MAX_PHONES)
            {
              g_set_error (&error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                           ngettext ("At most %u other phone.", "At most %u other phones.",
                                     SILA_BENEFICIARY_MAX_PHONES),
                           SILA_BENEFICIARY_MAX_PHONES);
              refuse (check, "alt_phones", &error);
              return;
            }
          g_strv_builder_add (builder, phone);
        }
      g_strfreev (b->alt_phones);
      b->alt_phones = g_strv_builder_end (builder);
    }
}

static void
parse_contact (Check                      *check,
               const SilaBeneficiaryInput *in,
               SilaBeneficiary            *b)
{
  const char *district = in->fields[SILA_BF_DISTRICT];

  parse_phones (check, in, b);

  /* A known district is kept by its code; another one as typed. */
  if (!is_blank (district))
    {
      const char *code = sila_choices_parse (SILA_CHOICES_DISTRICT, district, NULL);

      b->district = code != NULL ? g_strdup (code)
                                 : clean_optional_line (check, "district", district, 60);
    }

  b->address = clean_optional_line (check, "address", in->fields[SILA_BF_ADDRESS],
                                    SILA_BENEFICIARY_TEXT_MAX);

  if (!is_blank (in->fields[SILA_BF_PREFERRED_CHANNEL]))
    {
      SilaChannel channel;
      GError *error = NULL;

      if (sila_channel_parse (in->fields[SILA_BF_PREFERRED_CHANNEL], &channel, &error))
        b->preferred_channel = g_strdup (sila_channel_to_code (channel));
      else
        refuse (check, "preferred_channel", &error);
    }
}

static void
parse_members (Check                      *check,
               const SilaBeneficiaryInput *in,
               SilaBeneficiary            *b)
{
  guint row = 0;

  for (guint i = 0; i < in->members->len; i++)
    {
      const SilaMemberInput *m = g_ptr_array_index (in->members, i);
      g_autoptr(GError) error = NULL;
      SilaHouseholdMember *member;
      g_auto(GStrv) parts = NULL;

      /* Rows are counted as the form shows them, empty ones included. */
      row = i;
      if (member_is_empty (m))
        continue;

      if (b->members->len >= SILA_BENEFICIARY_MAX_ROWS)
        {
          g_set_error (&error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                       _("A household has at most %u members here."), SILA_BENEFICIARY_MAX_ROWS);
          refuse (check, member_key (check, row, "name"), &error);
          return;
        }

      member = sila_household_member_new ();
      g_ptr_array_add (b->members, member);
      member->id = g_strdup (m->id);

      parts = g_new0 (char *, SILA_N_NAME_PARTS + 1);
      if (sila_person_name_split (m->fields[SILA_MEMBER_NAME], parts, &error))
        member->name = sila_person_name_join ((const char * const *)parts);
      else
        refuse (check, member_key (check, row, "name"), &error);

      member->relation = parse_choice (check, member_key (check, row, "relation"),
                                       SILA_CHOICES_RELATION, m->fields[SILA_MEMBER_RELATION],
                                       TRUE);

      if (!is_blank (m->fields[SILA_MEMBER_ID_NUMBER]))
        {
          /* A national ID or an iqama; another document only when the
           * saved file said so (members kept with a passport before). */
          if (m->id_type != NULL && sila_id_type_from_code (m->id_type, &member->id_type) &&
              (member->id_type == SILA_ID_TYPE_PASSPORT ||
               member->id_type == SILA_ID_TYPE_BORDER_NUMBER))
            member->id_number = sila_national_id_normalize (m->fields[SILA_MEMBER_ID_NUMBER],
                                                            member->id_type, &error);
          else
            member->id_number = sila_national_id_normalize_saudi (m->fields[SILA_MEMBER_ID_NUMBER],
                                                                  &member->id_type, &error);
          if (member->id_number == NULL)
            refuse (check, member_key (check, row, "id_number"), &error);
        }

      if (!is_blank (m->fields[SILA_MEMBER_BIRTH_DATE]) &&
          (!sila_date_parse_guess (m->fields[SILA_MEMBER_BIRTH_DATE], &member->birth_date, NULL,
                                   &error) ||
           !sila_date_check_not_future (&member->birth_date, &error)))
        {
          g_date_clear (&member->birth_date, 1);
          refuse (check, member_key (check, row, "birth_date"), &error);
        }

      member->gender = parse_choice (check, member_key (check, row, "gender"),
                                     SILA_CHOICES_GENDER, m->fields[SILA_MEMBER_GENDER], FALSE);
      member->occupation = parse_choice (check, member_key (check, row, "occupation"),
                                         SILA_CHOICES_OCCUPATION,
                                         m->fields[SILA_MEMBER_OCCUPATION], FALSE);
      member->health = clean_optional_line (check, member_key (check, row, "health"),
                                            m->fields[SILA_MEMBER_HEALTH],
                                            SILA_BENEFICIARY_TEXT_MAX);
    }
}

static void
parse_situation (Check                      *check,
                 const SilaBeneficiaryInput *in,
                 GPtrArray                  *segments,
                 SilaBeneficiary            *b)
{
  GError *error = NULL;

  if (!is_blank (in->fields[SILA_BF_SEGMENT]))
    {
      if (segments != NULL)
        {
          const char *code = sila_segment_parse (segments, in->fields[SILA_BF_SEGMENT], &error);

          if (code == NULL)
            refuse (check, "segment", &error);
          b->segment = g_strdup (code);
        }
      else
        b->segment = g_strstrip (g_strdup (in->fields[SILA_BF_SEGMENT]));
    }

  parse_members (check, in, b);

  for (guint i = 0; i < in->incomes->len; i++)
    {
      const SilaIncomeInput *income = g_ptr_array_index (in->incomes, i);
      g_autofree char *source = NULL;
      gint64 halalas = 0;

      if (is_blank (income->amount) && is_blank (income->source))
        continue;
      source = parse_choice (check, income_key (check, i, "source"),
                             SILA_CHOICES_INCOME_SOURCE, income->source, TRUE);
      if (!sila_money_parse (income->amount, 0, &halalas, &error))
        {
          refuse (check, income_key (check, i, "amount"), &error);
          continue;
        }
      if (source != NULL && b->incomes->len < SILA_BENEFICIARY_MAX_ROWS)
        {
          SilaIncome *record = sila_income_new (source, halalas);

          record->id = g_strdup (income->id);
          g_ptr_array_add (b->incomes, record);
        }
    }

  b->housing_type = parse_choice (check, "housing_type", SILA_CHOICES_HOUSING,
                                  in->fields[SILA_BF_HOUSING_TYPE], FALSE);

  if (!is_blank (in->fields[SILA_BF_RENT]))
    {
      if (!sila_money_parse (in->fields[SILA_BF_RENT], 0, &b->rent_halalas, &error))
        {
          b->rent_halalas = -1;
          refuse (check, "rent", &error);
        }
    }

  b->health_notes = clean_notes (in->fields[SILA_BF_HEALTH_NOTES], SILA_BENEFICIARY_NOTES_MAX,
                                 &error);
  if (error != NULL)
    refuse (check, "health_notes", &error);
  b->notes = clean_notes (in->fields[SILA_BF_NOTES], SILA_BENEFICIARY_NOTES_MAX, &error);
  if (error != NULL)
    refuse (check, "notes", &error);
}

SilaBeneficiary *
sila_beneficiary_input_parse (const SilaBeneficiaryInput *self,
                              GPtrArray                  *segments,
                              SilaParseFlags              flags,
                              SilaFieldErrors            *errors)
{
  g_autoptr(SilaBeneficiary) b = sila_beneficiary_new ();
  g_autoptr(SilaFieldErrors) own_errors = NULL;
  Check check = { 0 };

  g_return_val_if_fail (self != NULL, NULL);

  if (errors == NULL)
    errors = own_errors = sila_field_errors_new ();
  check.errors = errors;

  parse_identity (&check, self, b);
  parse_names (&check, self, b);

  g_free (b->gender);
  b->gender = parse_choice (&check, "gender", SILA_CHOICES_GENDER,
                            self->fields[SILA_BF_GENDER],
                            (flags & SILA_PARSE_IMPORT) == 0);
  parse_birth (&check, self, b);
  b->nationality = parse_choice (&check, "nationality", SILA_CHOICES_NATIONALITY,
                                 self->fields[SILA_BF_NATIONALITY], FALSE);
  b->marital_status = parse_choice (&check, "marital_status", SILA_CHOICES_MARITAL_STATUS,
                                    self->fields[SILA_BF_MARITAL_STATUS], FALSE);

  parse_contact (&check, self, b);
  parse_situation (&check, self, segments, b);

  if (!is_blank (self->fields[SILA_BF_CONSENT]))
    {
      g_free (b->consent);
      b->consent = parse_choice (&check, "consent", SILA_CHOICES_CONSENT,
                                 self->fields[SILA_BF_CONSENT], TRUE);
    }
  if (!is_blank (self->fields[SILA_BF_STATUS]))
    {
      g_free (b->status);
      b->status = parse_choice (&check, "status", SILA_CHOICES_FILE_STATUS,
                                self->fields[SILA_BF_STATUS], TRUE);
    }

  if (!sila_field_errors_is_empty (errors))
    return NULL;

  return g_steal_pointer (&b);
}
