/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Open Office Server…": what an administrator types for the office's
 * database server, checked field by field, and the keyword string the store
 * opens. */
#include "sila-config.h"

#include "sila-i18n.h"
#include "sila-server-address.h"
#include "sila-validation.h"

static SilaServerAddress *
parse_ok (const char *host,
          const char *port,
          const char *database,
          const char *user)
{
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  SilaServerAddress *address = sila_server_address_parse (host, port, database, user, errors);

  g_assert_cmpuint (sila_field_errors_count (errors), ==, 0);
  g_assert_nonnull (address);
  return address;
}

static void
test_good (void)
{
  g_autoptr(SilaServerAddress) a = parse_ok ("  server.office ", "", "office", "sila");
  g_autoptr(SilaServerAddress) b = parse_ok ("192.168.1.10", "٥٤٣٣", "مكتب", "officer1");
  g_autoptr(SilaServerAddress) c = parse_ok ("/run/postgresql", "5432", "office", "o'brien\\x");
  g_autofree char *da = sila_server_address_describe (a);
  g_autofree char *db = sila_server_address_describe (b);

  g_assert_cmpstr (a->host, ==, "server.office");
  g_assert_cmpuint (a->port, ==, 5432);
  g_assert_cmpstr (da, ==, "sila@server.office/office");
  g_assert_cmpuint (b->port, ==, 5433);
  g_assert_cmpstr (db, ==, "officer1@192.168.1.10:5433/مكتب");
  g_assert_cmpstr (c->user, ==, "o'brien\\x");
}

static void
test_round_trip (void)
{
  const char *users[] = { "sila", "o'brien", "back\\slash", "مستخدم", "a b" };

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autoptr(SilaServerAddress) a = parse_ok ("db.example", "6543", "office's db", users[i]);
      g_autofree char *conninfo = sila_server_address_to_conninfo (a);
      g_autoptr(SilaServerAddress) b = sila_server_address_from_conninfo (conninfo);

      g_assert_nonnull (b);
      g_assert_cmpstr (b->host, ==, a->host);
      g_assert_cmpuint (b->port, ==, a->port);
      g_assert_cmpstr (b->database, ==, a->database);
      g_assert_cmpstr (b->user, ==, a->user);
    }

  {
    g_autoptr(SilaServerAddress) a = parse_ok ("h", NULL, "d", "it's");
    g_autofree char *conninfo = sila_server_address_to_conninfo (a);

    g_assert_cmpstr (conninfo, ==, "host='h' port='5432' dbname='d' user='it\\'s'");
  }

  /* Anything this module did not write, or with a password, is not read. */
  g_assert_null (sila_server_address_from_conninfo ("postgresql://sila@server/office"));
  g_assert_null (sila_server_address_from_conninfo ("host='h' port='5432' dbname='d' "
                                                    "user='u' password='p'"));
  g_assert_null (sila_server_address_from_conninfo ("host='h' dbname='d'"));
  g_assert_null (sila_server_address_from_conninfo ("host='h' port='0' dbname='d' user='u'"));
  g_assert_null (sila_server_address_from_conninfo ("host='unterminated"));
  g_assert_null (sila_server_address_from_conninfo (NULL));
}

static void
assert_refused (const char *host,
                const char *port,
                const char *database,
                const char *user,
                const char *field,
                int         code)
{
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaServerAddress) address = NULL;
  const GError *error;

  address = sila_server_address_parse (host, port, database, user, errors);
  g_assert_null (address);
  error = sila_field_errors_get (errors, field);
  g_assert_nonnull (error);
  g_assert_error ((GError *)error, SILA_VALIDATION_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_refused (void)
{
  assert_refused ("", "", "office", "sila", "host", SILA_VALIDATION_ERROR_REQUIRED);
  assert_refused ("server office", "", "office", "sila", "host", SILA_VALIDATION_ERROR_INVALID);
  assert_refused ("خادم", "", "office", "sila", "host", SILA_VALIDATION_ERROR_INVALID);
  assert_refused ("h;rm", "", "office", "sila", "host", SILA_VALIDATION_ERROR_INVALID);
  assert_refused ("h", "0", "office", "sila", "port", SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  assert_refused ("h", "65536", "office", "sila", "port", SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  assert_refused ("h", "54x", "office", "sila", "port", SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  assert_refused ("h", "", "  ", "sila", "database", SILA_VALIDATION_ERROR_REQUIRED);
  assert_refused ("h", "", "office", "", "user", SILA_VALIDATION_ERROR_REQUIRED);
  assert_refused ("h", "", "office", "s\u202eila", "user", SILA_VALIDATION_ERROR_INVALID);
  assert_refused ("h", "", "office", "a\nb", "user", SILA_VALIDATION_ERROR_INVALID);
  assert_refused ("h", "", "0123456789012345678901234567890123456789012345678901234567890123",
                  "sila", "database", SILA_VALIDATION_ERROR_TOO_LONG);

  /* Every field wrong at once: each refused beside itself. */
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    g_assert_null (sila_server_address_parse ("", "x", "", "", errors));
    g_assert_cmpuint (sila_field_errors_count (errors), ==, 4);
  }
}

static void
test_arabic_messages (void)
{
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  const GError *error;

  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  g_assert_null (sila_server_address_parse ("", "", "office", "sila", errors));
  error = sila_field_errors_get (errors, "host");
  g_assert_nonnull (error);
  /* Translated: the message is Arabic, not the English source. */
  g_assert_true (g_utf8_get_char (error->message) >= 0x0600 &&
                 g_utf8_get_char (error->message) <= 0x06FF);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  /* First: glibc keeps a message it translated once, whatever LANGUAGE says
   * later, and the other tests ask for the same messages in English. */
  g_test_add_func ("/sila/core/server-address/arabic-messages", test_arabic_messages);
  g_test_add_func ("/sila/core/server-address/good", test_good);
  g_test_add_func ("/sila/core/server-address/round-trip", test_round_trip);
  g_test_add_func ("/sila/core/server-address/refused", test_refused);
  return g_test_run ();
}
