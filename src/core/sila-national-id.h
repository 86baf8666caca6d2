/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saudi identity documents: the type of a beneficiary's ID and its number.
 *
 * National ID (citizens) and iqama (residents) numbers have 10 digits, the
 * first 1 for a citizen and 2 for a resident, the last a Luhn check digit
 * over all ten (see sila-national-id.c). Numbers are stored as ASCII
 * digits; people may type them with Arabic-Indic or Eastern digits and with
 * spaces or dashes between groups. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SILA_ID_TYPE_NONE,          /* "none":          no document */
  SILA_ID_TYPE_NATIONAL_ID,   /* "national_id":   هوية وطنية, citizens */
  SILA_ID_TYPE_IQAMA,         /* "iqama":         إقامة, residents */
  SILA_ID_TYPE_PASSPORT,      /* "passport":      جواز سفر */
  SILA_ID_TYPE_BORDER_NUMBER, /* "border_number": رقم الحدود, visitors */
  SILA_N_ID_TYPES
} SilaIdType;

/* Stable codes for the database and files, and back (case-insensitive). */
const char *sila_id_type_to_code         (SilaIdType   type);
gboolean    sila_id_type_from_code       (const char  *code,
                                          SilaIdType  *type);
/* A type by its code, or by its name in Arabic or English ("جواز سفر",
 * "Passport", "national id"), as registers write it. */
gboolean    sila_id_type_parse           (const char  *text,
                                          SilaIdType  *type);
/* The translated name, in the UI language ("National ID" / "هوية وطنية"). */
const char *sila_id_type_to_display      (SilaIdType   type);

/* Checks a number of the given type and returns it in its stored form:
 *   national ID, iqama  10 ASCII digits;
 *   border number       10 ASCII digits (no check digit is known to us);
 *   passport            5–20 letters A–Z and digits, upper case;
 *   none                must be empty: returns "".
 * Spaces, dashes and invisible direction marks are ignored; Arabic-Indic
 * digits become ASCII. Each problem gets its own message
 * (SILA_VALIDATION_ERROR): REQUIRED when empty; INVALID for characters other
 * than digits, for a wrong number of digits ("…has 10 digits; this one has
 * 9."), for a first digit that does not fit the type ("A Saudi national ID
 * starts with 1.", with a hint when it is an iqama number) and for a wrong
 * check digit. */
char       *sila_national_id_normalize   (const char  *text,
                                          SilaIdType   type,
                                          GError     **error);

/* A number that must be a Saudi national ID or an iqama number (a column
 * or a field that says so, with no type chosen): the type comes from its
 * first digit and is set in @type. NULL, with the reason, for characters
 * other than digits (naming the first), a number of digits other than 10,
 * a first digit other than 1 or 2, or a wrong check digit; never a guess
 * of another type of document. */
char       *sila_national_id_normalize_saudi (const char  *text,
                                              SilaIdType  *type,
                                              GError     **error);

/* TRUE when @digits is 10 ASCII digits whose Luhn sum is a multiple of 10. */
gboolean    sila_national_id_checksum_ok (const char  *digits);
/* The check digit ('0'–'9') that completes 9 ASCII digits; 0 if @digits
 * is not 9 ASCII digits. For tests and sample data. */
char        sila_national_id_check_digit (const char  *digits);

/* The type a 10-digit number's first digit suggests (national ID for 1,
 * iqama for 2), or SILA_ID_TYPE_NONE: to preselect the type as one types. */
SilaIdType  sila_national_id_guess_type  (const char  *text);

G_END_DECLS
