/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saudi mobile numbers.
 *
 * Stored form: "+9665XXXXXXXX" (E.164: +966, then the nine digits of the
 * national number, which for a mobile start with 5). Accepted as typed:
 *   05XXXXXXXX   5XXXXXXXX   9665XXXXXXXX   009665XXXXXXXX   +9665XXXXXXXX
 *   +966 5X XXX XXXX   (+966) 05X-XXX-XXXX   +966 (0) 5X…
 * with spaces, dashes, dots and parentheses anywhere, Arabic-Indic or
 * Eastern digits, and invisible direction marks (pasted from an RTL page). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The stored form, or NULL with a SILA_VALIDATION_ERROR in the UI
 * language: REQUIRED when empty; INVALID for letters or other characters,
 * for a landline ("…a landline; enter a mobile number…"), for a foreign
 * number, and for a wrong number of digits. */
char *sila_phone_normalize               (const char *text,
                                          GError    **error);

/* For reading: "050 123 4567" (the way Saudis write their numbers), and
 * "+966 50 123 4567" for other countries' eyes. Both take the stored form
 * (or anything sila_phone_normalize() accepts); NULL if it is not a
 * Saudi mobile number. ASCII digits: phone fields are shown left to
 * right even in Arabic. */
char *sila_phone_format_display          (const char *phone);
char *sila_phone_format_international    (const char *phone);

/* Lenient key for search as you type: the digits of any phone form (any
 * digits, any punctuation), with a leading 00, then 966, then 0 taken
 * off. "+966 55 123", "0551 23" and "٠٥٥١٢٣" all give "55123", and the
 * stored "+966551234567" gives "551234567", so a substring match of the
 * query's key in the stored number's key finds it. Never NULL. */
char *sila_phone_search_key              (const char *text);

G_END_DECLS
