/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Build tool, not installed: "sila-docs man" writes sila(1) and
 * "sila-docs bash-completion" the completion, both from the command table. */
#define G_LOG_DOMAIN "sila-docs"

#include "sila-config.h"

#include <stdio.h>
#include <string.h>

#include "sila-cli.h"

int
main (int    argc,
      char **argv)
{
  if (argc == 2 && strcmp (argv[1], "man") == 0)
    sila_cli_write_manpage (stdout);
  else if (argc == 2 && strcmp (argv[1], "bash-completion") == 0)
    sila_cli_write_completion (stdout);
  else
    {
      fprintf (stderr, "usage: sila-docs (man | bash-completion)\n");
      return 2;
    }

  return fflush (stdout) == 0 ? 0 : 1;
}
