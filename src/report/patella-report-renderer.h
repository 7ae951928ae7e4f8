/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "patella-report.h"

G_BEGIN_DECLS

/* A4 and US Letter, in points. */
#define PATELLA_PAPER_A4_WIDTH      595.276
#define PATELLA_PAPER_A4_HEIGHT     841.890
#define PATELLA_PAPER_LETTER_WIDTH  612.0
#define PATELLA_PAPER_LETTER_HEIGHT 792.0

typedef struct _PatellaReportLayout PatellaReportLayout;

void                 patella_report_get_paper_size    (double                *width,
                                                       double                *height);

PatellaReportLayout *patella_report_layout_new        (const PatellaReport   *report,
                                                       cairo_t               *cr,
                                                       double                 width,
                                                       double                 height,
                                                       double                 margin);
guint                patella_report_layout_get_n_pages (PatellaReportLayout  *layout);
void                 patella_report_layout_draw_page  (PatellaReportLayout   *layout,
                                                       cairo_t               *cr,
                                                       guint                  page);
void                 patella_report_layout_free       (PatellaReportLayout   *layout);

gboolean             patella_report_write_pdf         (const PatellaReport   *report,
                                                       const char            *path,
                                                       gboolean               replace,
                                                       guint                 *n_pages,
                                                       GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaReportLayout, patella_report_layout_free)

G_END_DECLS
