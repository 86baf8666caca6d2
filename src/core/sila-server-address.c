/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sila-server-address.h"
#include "sila-text.h"
#include "sila-validation.h"

/* PostgreSQL truncates identifiers at 63 bytes (NAMEDATALEN - 1). */
#define MAX_NAME_BYTES 63
#define MAX_HOST_BYTES 253

static char *
clean (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
has_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        return TRUE;
    }
  return FALSE;
}

static gboolean
host_char_ok (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-' || c == ':' || c == '_' || c == '[' ||
         c == ']';
}

static void
check_host (const char      *host,
            SilaFieldErrors *errors)
{
  const char *message = NULL;
  int code = SILA_VALIDATION_ERROR_INVALID;

  if (*host == '\0')
    {
      message = _("Enter the server’s name or address, as the office’s administrator gave it.");
      code = SILA_VALIDATION_ERROR_REQUIRED;
    }
  else if (strlen (host) > MAX_HOST_BYTES)
    {
      message = _("This server name is too long.");
      code = SILA_VALIDATION_ERROR_TOO_LONG;
    }
  else if (host[0] == '/')
    {
      /* A folder holding the server's socket, on this computer. */
      if (has_controls (host))
        message = _("The server’s folder contains hidden characters.");
    }
  else
    {
      for (const char *p = host; *p != '\0'; p++)
        if (!host_char_ok (*p))
          {
            message = _("A server name has only Latin letters, digits, dots and hyphens "
                        "(like server.office or 192.168.1.10).");
            break;
          }
    }

  if (message != NULL)
    sila_field_errors_add (errors, "host", SILA_VALIDATION_ERROR, code, message);
}

static guint
check_port (const char      *typed,
            SilaFieldErrors *errors)
{
  g_autofree char *ascii = sila_text_digits_to_ascii (typed);
  guint64 port = 0;

  if (*ascii == '\0')
    return SILA_SERVER_DEFAULT_PORT;

  if (!g_ascii_string_to_unsigned (ascii, 10, 1, 65535, &port, NULL))
    {
      sila_field_errors_add (errors, "port", SILA_VALIDATION_ERROR,
                             SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                             _("The port is a number from 1 to 65535; leave it empty for 5432."));
      return 0;
    }
  return (guint)port;
}

static void
check_name (const char      *field,
            const char      *value,
            const char      *required_message,
            SilaFieldErrors *errors)
{
  if (*value == '\0')
    sila_field_errors_add (errors, field, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           required_message);
  else if (strlen (value) > MAX_NAME_BYTES)
    sila_field_errors_add (errors, field, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                           _("The server accepts at most 63 bytes here."));
  else if (!g_utf8_validate (value, -1, NULL) || has_controls (value))
    sila_field_errors_add (errors, field, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("This contains hidden characters; type it again."));
}

SilaServerAddress *
sila_server_address_parse (const char      *host,
                           const char      *port,
                           const char      *database,
                           const char      *user,
                           SilaFieldErrors *errors)
{
  g_autoptr(SilaServerAddress) self = g_new0 (SilaServerAddress, 1);
  guint before = sila_field_errors_count (errors);
  g_autofree char *port_text = clean (port);

  self->host = clean (host);
  self->database = clean (database);
  self->user = clean (user);

  if (!g_utf8_validate (self->host, -1, NULL))
    sila_field_errors_add (errors, "host", SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("This contains hidden characters; type it again."));
  else
    check_host (self->host, errors);
  self->port = check_port (port_text, errors);
  check_name ("database", self->database,
              _("Enter the name of the office’s database on the server."), errors);
  check_name ("user", self->user, _("Enter your user name on the server."), errors);

  if (sila_field_errors_count (errors) != before)
    return NULL;
  return g_steal_pointer (&self);
}

/* libpq's keyword strings: a value in single quotes, with \ and ' escaped
 * by a backslash (PostgreSQL documentation, "Connection Strings"). */
static void
append_quoted (GString    *out,
               const char *keyword,
               const char *value)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '\'')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
sila_server_address_to_conninfo (const SilaServerAddress *self)
{
  GString *out = g_string_new (NULL);
  char port[16];

  g_return_val_if_fail (self != NULL, NULL);

  g_snprintf (port, sizeof port, "%u", self->port);
  append_quoted (out, "host", self->host);
  append_quoted (out, "port", port);
  append_quoted (out, "dbname", self->database);
  append_quoted (out, "user", self->user);
  return g_string_free (out, FALSE);
}

/* One "keyword='value'" of what _to_conninfo() wrote; FALSE otherwise. */
static gboolean
read_pair (const char **cursor,
           char       **keyword,
           char       **value)
{
  const char *p = *cursor;
  const char *start;
  GString *text;

  while (*p == ' ')
    p++;
  start = p;
  while (g_ascii_isalpha (*p))
    p++;
  if (p == start || *p != '=' || p[1] != '\'')
    return FALSE;
  *keyword = g_strndup (start, p - start);
  p += 2;
  text = g_string_new (NULL);
  while (*p != '\0' && *p != '\'')
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p++);
    }
  if (*p != '\'')
    {
      g_clear_pointer (keyword, g_free);
      g_string_free (text, TRUE);
      return FALSE;
    }
  *value = g_string_free (text, FALSE);
  *cursor = p + 1;
  return TRUE;
}

SilaServerAddress *
sila_server_address_from_conninfo (const char *conninfo)
{
  g_autoptr(SilaServerAddress) self = g_new0 (SilaServerAddress, 1);
  const char *cursor = conninfo;

  if (conninfo == NULL)
    return NULL;

  while (*cursor != '\0')
    {
      g_autofree char *keyword = NULL;
      g_autofree char *value = NULL;
      char **slot = NULL;

      if (!read_pair (&cursor, &keyword, &value))
        return NULL;
      if (g_str_equal (keyword, "host"))
        slot = &self->host;
      else if (g_str_equal (keyword, "dbname"))
        slot = &self->database;
      else if (g_str_equal (keyword, "user"))
        slot = &self->user;
      else if (g_str_equal (keyword, "port"))
        {
          guint64 port;

          if (!g_ascii_string_to_unsigned (value, 10, 1, 65535, &port, NULL))
            return NULL;
          self->port = (guint)port;
          continue;
        }
      else
        return NULL;
      g_free (*slot);
      *slot = g_steal_pointer (&value);
    }

  if (self->host == NULL || self->database == NULL || self->user == NULL || self->port == 0)
    return NULL;
  return g_steal_pointer (&self);
}

char *
sila_server_address_describe (const SilaServerAddress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->port == SILA_SERVER_DEFAULT_PORT)
    return g_strdup_printf ("%s@%s/%s", self->user, self->host, self->database);
  return g_strdup_printf ("%s@%s:%u/%s", self->user, self->host, self->port, self->database);
}

void
sila_server_address_free (SilaServerAddress *self)
{
  if (self == NULL)
    return;
  g_free (self->host);
  g_free (self->database);
  g_free (self->user);
  g_free (self);
}
