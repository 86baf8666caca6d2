/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-idle-monitor.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_APPLICATION (sila_application_get_type ())
G_DECLARE_FINAL_TYPE (SilaApplication, sila_application, SILA, APPLICATION, AdwApplication)

SilaApplication *sila_application_new                   (const char      *database_path);
gboolean         sila_application_get_restart_requested (SilaApplication *self);
SilaIdleMonitor *sila_application_get_idle_monitor      (SilaApplication *self);
SilaSession     *sila_application_get_session           (SilaApplication *self);

G_END_DECLS
