/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The beneficiary support request form (طلب دعم مستفيد), the fourth of the
 * policy's tools: A4, right to left in Arabic, with the association's name,
 * the applicant's data, the document checklist, the declaration and its
 * signature box. Filled for one request (the signature drawn on the screen
 * printed in its box), or blank for the library, to be filled by hand. */
#pragma once

#include "sila-document.h"
#include "sila-request.h"
#include "sila-signature.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* The pad's width : height, so that a signature keeps its shape on paper. */
#define SILA_SIGNATURE_ASPECT 3.0

/* @request NULL: the blank form. Reads the association's name and the
 * office's lists from @store, and the applicant's file (beneficiary.view). */
SilaDocument *sila_request_form_new       (SilaStore          *store,
                                           const SilaActor    *actor,
                                           const SilaRequest  *request,
                                           GError            **error);
gboolean      sila_request_form_write_pdf (SilaStore          *store,
                                           const SilaActor    *actor,
                                           const SilaRequest  *request,
                                           const char         *path,
                                           GError            **error);

/* Draws @signature into the @width × @height box at the origin, keeping
 * its shape; shared with the signature pad on screen. */
void          sila_signature_render       (SilaSignature      *signature,
                                           cairo_t            *cr,
                                           double              width,
                                           double              height);

G_END_DECLS
