/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the server's backups, restores and checks share: the connection
 * taken apart for PostgreSQL's tools (its password kept for their
 * environment), and running a tool with g_spawn, without a shell. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-pg-tools.h"
#include "sila-store.h"

#define PG_BIN_FALLBACK "/usr/lib/postgresql/15/bin"

/* The connection, for the tools */

void
sila_pg_connection_clear (SilaPgConnection *c)
{
  g_free (c->keywords);
  if (c->password != NULL)
    memset (c->password, 0, strlen (c->password));
  g_free (c->password);
  g_free (c->shown);
}


static void
append_keyword (GString    *out,
                const char *keyword,
                const char *value)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

gboolean
sila_pg_parse_connection (const char        *conninfo,
                          SilaPgConnection  *c,
                          GError           **error)
{
  g_autoptr(GString) keywords = g_string_new (NULL);
  g_autoptr(GString) shown = g_string_new (NULL);
  PQconninfoOption *options;
  char *message = NULL;

  if (!sila_pq_load (error))
    return FALSE;
  options = PQconninfoParse (conninfo, &message);
  if (options == NULL)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The server’s address cannot be read: %s"),
                   message != NULL ? g_strstrip (message) : "?");
      PQfreemem (message);
      return FALSE;
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || *o->val == '\0')
        continue;
      if (g_str_equal (o->keyword, "password"))
        {
          c->password = g_strdup (o->val);
          continue;
        }
      append_keyword (keywords, o->keyword, o->val);
      if (g_str_equal (o->keyword, "host") || g_str_equal (o->keyword, "port") ||
          g_str_equal (o->keyword, "dbname") || g_str_equal (o->keyword, "user") ||
          g_str_equal (o->keyword, "service"))
        g_string_append_printf (shown, "%s%s=%s", shown->len > 0 ? " " : "", o->keyword,
                                o->val);
    }
  PQconninfoFree (options);

  c->keywords = g_string_free (g_steal_pointer (&keywords), FALSE);
  c->shown = g_string_free (g_steal_pointer (&shown), FALSE);
  return TRUE;
}

PGconn *
sila_pg_connect_tool (const SilaPgConnection  *c,
                      GError                 **error)
{
  g_autoptr(GString) info = g_string_new (c->keywords);
  PGconn *conn;

  if (!sila_pq_load (error))
    return NULL;
  if (c->password != NULL)
    append_keyword (info, "password", c->password);
  append_keyword (info, "application_name", "sila-desk");
  conn = PQconnectdb (info->str);
  memset (info->str, 0, info->len);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *detail = g_strdup (PQerrorMessage (conn));

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The database server “%s” cannot be reached: %s"), c->shown,
                   g_strstrip (detail));
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* The tools */

char *
sila_pg_find_tool (const char *name)
{
  char *path = g_find_program_in_path (name);

  return path != NULL ? path : g_build_filename (PG_BIN_FALLBACK, name, NULL);
}

/* Runs a tool; its standard output in @out (if not NULL), its first line
 * of complaint in @complaint. FALSE only when it could not be started. */
gboolean
sila_pg_run_tool (const char * const      *argv,
                  const SilaPgConnection  *c,
          char               **out,
          char               **complaint,
          int                 *exit_status,
          GError             **error)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *err_text = NULL;
  int wait_status = 0;

  if (c != NULL && c->password != NULL)
    env = g_environ_setenv (env, "PGPASSWORD", c->password, TRUE);
  /* Messages the program parses are the tools' own English ones. */
  env = g_environ_setenv (env, "LC_MESSAGES", "C", TRUE);

  if (!g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, &err_text,
                     &wait_status, error))
    return FALSE;

  *exit_status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  if (complaint != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (err_text != NULL ? err_text : "", "\n", -1);
      const char *first = "";

      for (guint i = 0; lines[i] != NULL && *first == '\0'; i++)
        if (*g_strstrip (lines[i]) != '\0')
          first = lines[i];
      /* "pg_restore: error: …" says enough without its program's name. */
      if (g_str_has_prefix (first, "pg_dump: ") || g_str_has_prefix (first, "pg_restore: "))
        first = strchr (first, ' ') + 1;
      if (g_str_has_prefix (first, "error: "))
        first += strlen ("error: ");
      *complaint = g_strdup (first);
    }
  return TRUE;
}

