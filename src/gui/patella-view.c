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

static GQuark
field_offset_quark (void)
{
  return g_quark_from_static_string ("patella-field-offset");
}

static gpointer
field_of (GObject    *object,
          GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, field_offset_quark ()));

  return G_STRUCT_MEMBER_P (object, offset);
}

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_value_set_boolean (value, *(gboolean *) field_of (object, pspec));
  else
    g_value_set_object (value, *(GObject **) field_of (object, pspec));
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    patella_view_update_boolean (object, field_of (object, pspec), value, pspec);
  else
    *(GObject **) field_of (object, pspec) = g_value_dup_object (value);
}

/**
 * patella_view_class_install_field:
 * @object_class: the class of a widget whose properties are all plain fields
 * @prop_id: the property's id, from 1 up
 * @pspec: (transfer floating): a boolean property, or a construct-only
 *   object property
 * @field_offset: where its field is in the instance, from G_STRUCT_OFFSET()
 *
 * Installs a property kept in a field: a boolean notified when it changes,
 * or an object the instance holds a reference on (which the class drops in
 * its `dispose`). Every property of the class is to be installed this way.
 */
void
patella_view_class_install_field (GObjectClass *object_class,
                                  guint         prop_id,
                                  GParamSpec   *pspec,
                                  gsize         field_offset)
{
  g_param_spec_set_qdata (pspec, field_offset_quark (), GSIZE_TO_POINTER (field_offset));
  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;
  g_object_class_install_property (object_class, prop_id, pspec);
}

/**
 * patella_view_param_spec_folded:
 *
 * The `folded` property of the panes that sit in a leaflet and show a way
 * back to the other pane when it shows one pane at a time; the page binds
 * it to the leaflet's.
 *
 * Returns: (transfer floating): a new #GParamSpec named "folded"
 */
GParamSpec *
patella_view_param_spec_folded (void)
{
  return g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

/**
 * patella_view_update_boolean:
 * @object: the object whose property is set
 * @field: the field that holds the property
 * @value: the new value
 * @pspec: the property, notified when the value changes
 *
 * Sets an explicit-notify boolean property from its `set_property`.
 */
void
patella_view_update_boolean (GObject      *object,
                             gboolean     *field,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  gboolean new_value = g_value_get_boolean (value);

  if (*field != new_value)
    {
      *field = new_value;
      g_object_notify_by_pspec (object, pspec);
    }
}
