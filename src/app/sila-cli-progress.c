/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How far a long command is, on a terminal: one line on stderr, rewritten
 * in place, once the work has taken more than a second. Nothing at all
 * when stderr is a file or a pipe (scripts, logs, tests without a
 * terminal), and nothing for work that ends within the second. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "sila-cli-private.h"

struct _SilaCliProgress {
  char     *what;       /* "Importing", translated */
  gint64    started;
  gint64    delay_us;
  gboolean  terminal;
  gboolean  shown;
};

/* SILA_PROGRESS_AFTER_MS changes the second (tests set 0 so that a small
 * file shows progress on any machine). */
static gint64
delay_us (void)
{
  const char *env = g_getenv ("SILA_PROGRESS_AFTER_MS");
  guint64 ms = 1000;

  if (env != NULL)
    g_ascii_string_to_unsigned (env, 10, 0, 3600 * 1000, &ms, NULL);
  return (gint64)ms * 1000;
}

SilaCliProgress *
sila_cli_progress_new (const char *what)
{
  SilaCliProgress *self = g_new0 (SilaCliProgress, 1);

  self->what = g_strdup (what);
  self->started = g_get_monotonic_time ();
  self->delay_us = delay_us ();
  self->terminal = isatty (STDERR_FILENO) == 1;
  return self;
}

static void
progress_cb (double   fraction,
             guint    rows,
             gpointer user_data)
{
  SilaCliProgress *self = user_data;

  if (!self->terminal || g_get_monotonic_time () - self->started < self->delay_us)
    return;

  /* Translators: a progress line on the terminal: "Importing: 45% (12000 rows)". */
  fprintf (stderr, "\r\033[K");
  fprintf (stderr, ngettext ("%s: %d%% (%u row)", "%s: %d%% (%u rows)", rows), self->what,
           (int)(fraction * 100.0 + 0.5), rows);
  fflush (stderr);
  self->shown = TRUE;
}

void
sila_cli_progress_attach (SilaCliProgress   *self,
                          SilaImportOptions *options)
{
  g_return_if_fail (self != NULL && options != NULL);

  options->progress = progress_cb;
  options->progress_data = self;
}

void
sila_cli_progress_free (SilaCliProgress *self)
{
  if (self == NULL)
    return;
  /* The line goes, so that the summary that follows starts clean. */
  if (self->shown)
    {
      fprintf (stderr, "\r\033[K");
      fflush (stderr);
    }
  g_free (self->what);
  g_free (self);
}
