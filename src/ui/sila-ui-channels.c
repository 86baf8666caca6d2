/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-channel.h"
#include "sila-ui-channels.h"

GListModel *
sila_ui_channel_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not recorded"));
  for (SilaChannel c = 0; c < SILA_N_CHANNELS; c++)
    gtk_string_list_append (list, sila_channel_to_display (c));

  return G_LIST_MODEL (list);
}

const char *
sila_ui_channel_code_at (guint position)
{
  if (position == 0 || position > SILA_N_CHANNELS)
    return NULL;

  return sila_channel_to_code (position - 1);
}

guint
sila_ui_channel_position (const char *code)
{
  SilaChannel channel;

  if (code == NULL || !sila_channel_parse (code, &channel, NULL))
    return 0;

  return channel + 1;
}
