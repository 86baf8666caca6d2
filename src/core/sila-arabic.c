/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <string.h>
#include <unicode/unorm2.h>

#include "sila-arabic.h"

/* Whether a character needs ICU's NFKC_Casefold: anything outside ASCII and
 * the basic Arabic block, plus the few characters of that block that the
 * normalization changes (ALM is default-ignorable; U+0675–0678 have
 * compatibility decompositions). Typical Arabic and English text never
 * leaves the fast path. */
static inline gboolean
needs_nfkc (gunichar c)
{
  if (c < 0x80)
    return FALSE;
  if (c >= 0x0600 && c <= 0x06FF)
    return c == 0x061C || (c >= 0x0675 && c <= 0x0678);
  return TRUE;
}

static inline gboolean
is_dropped_mark (gunichar c)
{
  return (c >= 0x064B && c <= 0x065F) ||  /* harakat, tanween, shadda, sukun, hamza marks */
         c == 0x0670 ||                    /* superscript alef */
         (c >= 0x06D6 && c <= 0x06ED) ||   /* Quranic annotation marks */
         c == 0x0640;                      /* tatweel */
}

static inline gunichar
fold_letter (gunichar c)
{
  switch (c)
    {
    case 0x0622: /* آ */
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0671: /* ٱ */
    case 0x0672: /* ٲ */
    case 0x0673: /* ٳ */
      return 0x0627; /* ا */
    case 0x0629: /* ة */
    case 0x06C0: /* ۀ */
    case 0x06C1: /* ہ */
    case 0x06D5: /* ە */
      return 0x0647; /* ه */
    case 0x0649: /* ى */
    case 0x0626: /* ئ */
    case 0x06CC: /* ی */
    case 0x06D0: /* ې */
      return 0x064A; /* ي */
    case 0x0624: /* ؤ */
      return 0x0648; /* و */
    case 0x06A9: /* ک */
      return 0x0643; /* ك */
    default:
      break;
    }

  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
    return '0' + (c & 0xF);
  if (c >= 'A' && c <= 'Z')
    return c + ('a' - 'A');
  return c;
}

static inline gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x80 && g_unichar_isspace (c)) || c == 0x00A0 || c == 0x202F;
}

/* NFKC_Casefold through ICU, UTF-8 in and out. */
static char *
nfkc_casefold (const char *text,
               gssize      len)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *norm = unorm2_getNFKCCasefoldInstance (&status);
  g_autofree gunichar2 *src = NULL;
  g_autofree UChar *dest = NULL;
  glong src_len = 0;
  int32_t dest_cap, dest_len;

  if (U_FAILURE (status))
    return g_strndup (text, len < 0 ? strlen (text) : (gsize)len);

  src = g_utf8_to_utf16 (text, len, NULL, &src_len, NULL);
  if (src == NULL)
    return g_strdup ("");

  /* NFKC rarely grows text; retry once with the exact size if it does. */
  dest_cap = (int32_t)src_len * 2 + 16;
  dest = g_new (UChar, dest_cap);
  dest_len = unorm2_normalize (norm, (const UChar *)src, (int32_t)src_len, dest, dest_cap, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      status = U_ZERO_ERROR;
      dest_cap = dest_len + 1;
      g_free (dest);
      dest = g_new (UChar, dest_cap);
      dest_len = unorm2_normalize (norm, (const UChar *)src, (int32_t)src_len, dest, dest_cap,
                                   &status);
    }
  if (U_FAILURE (status))
    return g_strdup ("");

  return g_utf16_to_utf8 ((const gunichar2 *)dest, dest_len, NULL, NULL, NULL);
}

/* The one pass shared by both forms: with @tokens, anything that is not a
 * letter, digit or mark separates words. */
static char *
fold (const char *text,
      gboolean    tokens)
{
  g_autofree char *nfkc = NULL;
  const char *p;
  gsize len;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return NULL;

  len = strlen (text);
  if (!g_utf8_validate_len (text, len, NULL))
    return g_strdup ("");

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((guchar)*p < 0x80)
        continue;
      if (needs_nfkc (g_utf8_get_char (p)))
        {
          nfkc = nfkc_casefold (text, (gssize)len);
          text = nfkc;
          len = strlen (text);
          break;
        }
    }

  out = g_string_sized_new (len + 1);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean separator;

      if (is_dropped_mark (c))
        continue;

      c = fold_letter (c);
      if (tokens)
        separator = !(g_unichar_isalnum (c) || g_unichar_ismark (c));
      else
        separator = is_space (c);

      if (separator)
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      if (c < 0x80)
        g_string_append_c (out, (char)c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
sila_arabic_normalize (const char *text)
{
  return fold (text, FALSE);
}

char *
sila_arabic_normalize_tokens (const char *text)
{
  return fold (text, TRUE);
}

GStrv
sila_arabic_tokenize (const char *text)
{
  g_autofree char *folded = fold (text, TRUE);

  if (folded == NULL || *folded == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (folded, " ", -1);
}

gboolean
sila_arabic_equal (const char *a,
                   const char *b)
{
  g_autofree char *na = fold (a, FALSE);
  g_autofree char *nb = fold (b, FALSE);

  return g_strcmp0 (na, nb) == 0;
}
