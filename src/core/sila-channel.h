/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The eight channels through which the policy (shared/seed, "القنوات
 * المستخدمة للتواصل") reaches beneficiaries. Codes are stable: they are
 * stored in the database and named by scripts. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SILA_CHANNEL_INTERVIEW,             /* interview             المقابلة */
  SILA_CHANNEL_PHONE,                 /* phone                 الاتصالات الهاتفية */
  SILA_CHANNEL_SOCIAL_MEDIA,          /* social_media          وسائل التواصل الاجتماعي */
  SILA_CHANNEL_LETTER,                /* letter                الخطابات */
  SILA_CHANNEL_ASSISTANCE_SERVICE,    /* assistance_service    خدمات طلب المساعدة */
  SILA_CHANNEL_VOLUNTEER_SERVICE,     /* volunteer_service     خدمة التطوع */
  SILA_CHANNEL_WEBSITE,               /* website               الموقع الإلكتروني */
  SILA_CHANNEL_BRANCH_REPRESENTATIVE, /* branch_representative مناديب المكاتب الفرعية */
  SILA_N_CHANNELS
} SilaChannel;

const char *sila_channel_to_code     (SilaChannel   channel);
/* The policy's Arabic name, whatever the UI language. */
const char *sila_channel_to_arabic   (SilaChannel   channel);
/* The English name ("Website"), whatever the UI language. */
const char *sila_channel_to_english  (SilaChannel   channel);
/* The name in the UI language. */
const char *sila_channel_to_display  (SilaChannel   channel);

/* Reads a channel from its code (any case), its Arabic name or its English
 * name. Names are compared after Arabic normalization (sila-arabic.h), so
 * "الموقع الالكتروني" without hamza, with tatweel or harakat, still
 * matches; the policy's longer wording "الموقع الالكتروني للجمعية" does
 * too. Otherwise FALSE with SILA_VALIDATION_ERROR_INVALID (REQUIRED when
 * empty), the message listing the valid codes. */
gboolean    sila_channel_parse       (const char   *text,
                                      SilaChannel  *channel,
                                      GError      **error);

G_END_DECLS
