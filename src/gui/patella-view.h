/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "patella-context.h"

G_BEGIN_DECLS

#define PATELLA_TYPE_VIEW (patella_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (PatellaView, patella_view, PATELLA, VIEW, AdwBin)

/**
 * PatellaViewClass:
 * @store_changed: called once when the view is constructed, then each time
 *   its context's store is replaced (opened, reopened, restored or closed)
 *
 * A subclass whose @store_changed needs widgets made from the context makes
 * them in its `constructed` before chaining up.
 */
struct _PatellaViewClass
{
  AdwBinClass parent_class;

  void (*store_changed) (PatellaView *self);

  gpointer padding[4];
};

PatellaContext *patella_view_get_context      (PatellaView *self);
GParamSpec     *patella_view_param_spec_context (void);
GParamSpec     *patella_view_param_spec_folded (void);
void            patella_view_update_boolean (GObject      *object,
                                             gboolean     *field,
                                             const GValue *value,
                                             GParamSpec   *pspec);
void            patella_view_class_install_field (GObjectClass *object_class,
                                                  guint         prop_id,
                                                  GParamSpec   *pspec,
                                                  gsize         field_offset);

G_END_DECLS
