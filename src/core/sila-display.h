/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text as the window shows it, in one place, so that a line reads the same
 * everywhere and a fix cannot be undone at one call site:
 *
 * - the separator between the parts of a line (" — "): never a dot, which
 *   Arabic readers take for the zero "٠", nor a bar, which looks like "١";
 * - Unicode isolates around runs whose direction is not the line's (a file
 *   name, a path, a user name inside Arabic text), so the bidi algorithm
 *   cannot reorder them with their neighbours;
 * - the digit rule of the Arabic interface (README, docs/interface.md):
 *   codes — request numbers, file numbers, ID numbers, phones, user names —
 *   keep Western digits and read left to right; every quantity — counts,
 *   amounts, dates, times, sizes, percentages, numbers inside messages —
 *   is written in Arabic-Indic digits. English writes Western digits.
 *
 * No GTK here: the report layer and the command line use it too. */
#pragma once

#include <glib.h>

#include "sila-i18n.h"

G_BEGIN_DECLS

#define SILA_DISPLAY_SEPARATOR " \u2014 "

/* The parts that are not NULL nor empty, joined with the separator. A line
 * of several parts whose first part starts against the interface's
 * direction (a Latin file name in Arabic, an Arabic name in English)
 * begins with the interface's mark (RIGHT-TO-LEFT or LEFT-TO-RIGHT MARK),
 * so that its parts keep their order. */
char *sila_display_join        (const char   *first,
                                ...) G_GNUC_NULL_TERMINATED;

/* @text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE; text
 * already isolated is returned as it is. NULL gives "". */
char *sila_display_isolate     (const char   *text);

/* A code as the rule shows it: digits made Western (٠-٩ and ۰-۹ too), the
 * whole left to right between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL
 * ISOLATE, so "050 123 4567" keeps its order in an Arabic line. */
char *sila_display_code        (const char   *text);
char *sila_display_file_number (gint64        number);

/* The ASCII digits of @text in the UI language's digits (with "٫" for a
 * decimal point between two digits in Arabic): for quantities written
 * into a message. Runs inside LRI … PDI (codes) are left as they are. */
char *sila_display_digits      (const char   *text);
char *sila_display_digits_for  (const char   *text,
                                SilaLanguage  language);

/* A size in bytes, in the UI language: "46.3 kB" / "٤٦٫٣ ك.ب". */
char *sila_display_size        (guint64       bytes);

G_END_DECLS

G_BEGIN_DECLS

/* Who did something, as people read it: the staff member's display name,
 * the database's owner in words ("Owner of this database") when the
 * database has no accounts, otherwise the user name. Never NULL. */
const char *sila_display_person (const char *display_name,
                                 const char *username);

G_END_DECLS

G_BEGIN_DECLS

/* A path, or only its last part, as UTF-8 for display and isolated
 * (sila_display_isolate), for messages such as "Saved as “…”". */
char *sila_display_path        (const char   *filename);
char *sila_display_basename    (const char   *filename);

G_END_DECLS

G_BEGIN_DECLS

/* Rewrites the message of *@error, if set, with its quantities in the UI
 * language's digits (sila_display_digits): for messages that hold counts
 * and ranges but no code. */
void  sila_display_error_digits (GError      **error);

G_END_DECLS
