/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-view"

#include "config.h"

#include "patella-view.h"

/* What every page and view of the window shares: the construct-only
 * `context` it is made with, and a call when the context's store is
 * replaced. A view reaches nothing else: not the application, not the
 * window. */
typedef struct
{
  PatellaContext *context;
} PatellaViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PatellaView, patella_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
context_store_changed_cb (PatellaView *self)
{
  PatellaViewClass *klass = PATELLA_VIEW_GET_CLASS (self);

  if (klass->store_changed != NULL)
    klass->store_changed (self);
}

static void
patella_view_constructed (GObject *object)
{
  PatellaView *self = PATELLA_VIEW (object);
  PatellaViewPrivate *priv = patella_view_get_instance_private (self);

  G_OBJECT_CLASS (patella_view_parent_class)->constructed (object);

  g_return_if_fail (PATELLA_IS_CONTEXT (priv->context));

  g_signal_connect_object (priv->context, "notify::store",
                           G_CALLBACK (context_store_changed_cb), self, G_CONNECT_SWAPPED);
  context_store_changed_cb (self);
}

static void
patella_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PatellaView *self = PATELLA_VIEW (object);
  PatellaViewPrivate *priv = patella_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PatellaView *self = PATELLA_VIEW (object);
  PatellaViewPrivate *priv = patella_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_view_dispose (GObject *object)
{
  PatellaView *self = PATELLA_VIEW (object);
  PatellaViewPrivate *priv = patella_view_get_instance_private (self);

  G_OBJECT_CLASS (patella_view_parent_class)->dispose (object);

  /* After the subclass and the children: they may still need it. */
  g_clear_object (&priv->context);
}

static void
patella_view_class_init (PatellaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = patella_view_constructed;
  object_class->dispose = patella_view_dispose;
  object_class->get_property = patella_view_get_property;
  object_class->set_property = patella_view_set_property;

  properties[PROP_CONTEXT] = patella_view_param_spec_context ();
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
patella_view_init (PatellaView *self)
{
}

/**
 * patella_view_get_context:
 *
 * Returns: (transfer none): the context the view was made with
 */
PatellaContext *
patella_view_get_context (PatellaView *self)
{
  PatellaViewPrivate *priv;

  g_return_val_if_fail (PATELLA_IS_VIEW (self), NULL);

  priv = patella_view_get_instance_private (self);

  return priv->context;
}

/**
 * patella_view_param_spec_context:
 *
 * The construct-only `context` property every view and window of the
 * program is made with; the windows, which cannot derive from #PatellaView,
 * install it from here too.
 *
 * Returns: (transfer floating): a new #GParamSpec named "context"
 */
GParamSpec *
patella_view_param_spec_context (void)
{
  return g_param_spec_object ("context", NULL, NULL, PATELLA_TYPE_CONTEXT,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                              G_PARAM_STATIC_STRINGS);
}
