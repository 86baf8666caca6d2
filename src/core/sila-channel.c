/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-channel.h"
#include "sila-validation.h"

/* The Arabic names are the policy's own words and never change with the
 * UI language; the English names are translated, and po/ar.po gives them
 * back as these Arabic names (tests/test-validators.c checks it). */
static const struct {
  const char *code;
  const char *arabic;
  const char *english;
  const char *alias; /* another spelling people or the policy use, or NULL */
} channels[SILA_N_CHANNELS] = {
  [SILA_CHANNEL_INTERVIEW] =
    { "interview", "المقابلة", N_("Interview"), "مقابلة شخصية" },
  [SILA_CHANNEL_PHONE] =
    { "phone", "الاتصالات الهاتفية", N_("Phone calls"), "الهاتف" },
  [SILA_CHANNEL_SOCIAL_MEDIA] =
    { "social_media", "وسائل التواصل الاجتماعي", N_("Social media"), NULL },
  [SILA_CHANNEL_LETTER] =
    { "letter", "الخطابات", N_("Letters"), "خطاب" },
  [SILA_CHANNEL_ASSISTANCE_SERVICE] =
    { "assistance_service", "خدمات طلب المساعدة", N_("Assistance-request services"),
      "طلب المساعدة" },
  [SILA_CHANNEL_VOLUNTEER_SERVICE] =
    { "volunteer_service", "خدمة التطوع", N_("Volunteer service"), "التطوع" },
  [SILA_CHANNEL_WEBSITE] =
    { "website", "الموقع الإلكتروني", N_("Website"), "الموقع الالكتروني للجمعية" },
  [SILA_CHANNEL_BRANCH_REPRESENTATIVE] =
    { "branch_representative", "مناديب المكاتب الفرعية", N_("Branch-office representatives"),
      "مندوب المكتب الفرعي" },
};

const char *
sila_channel_to_code (SilaChannel channel)
{
  g_return_val_if_fail (channel < SILA_N_CHANNELS, NULL);
  return channels[channel].code;
}

const char *
sila_channel_to_arabic (SilaChannel channel)
{
  g_return_val_if_fail (channel < SILA_N_CHANNELS, NULL);
  return channels[channel].arabic;
}

const char *
sila_channel_to_english (SilaChannel channel)
{
  g_return_val_if_fail (channel < SILA_N_CHANNELS, NULL);
  return channels[channel].english;
}

const char *
sila_channel_to_display (SilaChannel channel)
{
  g_return_val_if_fail (channel < SILA_N_CHANNELS, NULL);
  return _(channels[channel].english);
}

gboolean
sila_channel_parse (const char   *text,
                    SilaChannel  *channel,
                    GError      **error)
{
  g_autofree char *key = NULL;
  g_autoptr(GString) codes = NULL;

  g_return_val_if_fail (channel != NULL, FALSE);

  /* Tokens, so that "Social media", "social-media" and "social_media" and
   * any spacing or punctuation compare equal. */
  key = sila_arabic_normalize_tokens (text != NULL ? text : "");
  if (key == NULL || *key == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Choose a channel."));
      return FALSE;
    }

  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    {
      const char *names[] = {
        channels[i].code, channels[i].arabic, channels[i].english, channels[i].alias,
      };

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_autofree char *candidate = NULL;

          if (names[n] == NULL)
            continue;
          candidate = sila_arabic_normalize_tokens (names[n]);
          if (strcmp (candidate, key) == 0)
            {
              *channel = (SilaChannel)i;
              return TRUE;
            }
        }
    }

  codes = g_string_new (NULL);
  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    {
      if (i > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, channels[i].code);
    }

  /* Translators: the first %s is what was typed, the second the list of
   * codes (interview, phone, …), which stay in English. */
  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("There is no channel “%s”. Use one of: %s."), text, codes->str);
  return FALSE;
}
