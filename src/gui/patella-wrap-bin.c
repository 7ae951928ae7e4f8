/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A bin for a wrapping label beside other widgets in a horizontal box.
 *
 * A horizontal GtkBox allocates its children by asking each for its width at
 * the box's height, and GTK 4.8's GtkLabel answers that for a wrapping label
 * with a binary search over widths, laying its whole text out at each step
 * (gtk/gtklabel.c, get_width_for_height). It happens at every allocation:
 * before the first frame of a journal window, the text of one advice row was
 * shaped 169 times and the welcome banner's 146 times, an eighth of the
 * instructions to that frame. Everything in Patella is laid out
 * height-for-width, so this bin answers the question with the label's width
 * alone; the label still wraps to the width it is given. */
#include "config.h"

#include "patella-wrap-bin.h"

struct _PatellaWrapBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PatellaWrapBin, patella_wrap_bin, GTK_TYPE_WIDGET)

static void
patella_wrap_bin_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PatellaWrapBin *self = PATELLA_WRAP_BIN (widget);

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  /* The point of it all: a width never depends on a height. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;

  gtk_widget_measure (self->child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
patella_wrap_bin_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PatellaWrapBin *self = PATELLA_WRAP_BIN (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
patella_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
patella_wrap_bin_dispose (GObject *object)
{
  PatellaWrapBin *self = PATELLA_WRAP_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (patella_wrap_bin_parent_class)->dispose (object);
}

static void
patella_wrap_bin_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PatellaWrapBin *self = PATELLA_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_wrap_bin_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PatellaWrapBin *self = PATELLA_WRAP_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      patella_wrap_bin_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_wrap_bin_class_init (PatellaWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = patella_wrap_bin_dispose;
  object_class->get_property = patella_wrap_bin_get_property;
  object_class->set_property = patella_wrap_bin_set_property;
  widget_class->measure = patella_wrap_bin_measure;
  widget_class->size_allocate = patella_wrap_bin_size_allocate;
  widget_class->get_request_mode = patella_wrap_bin_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
patella_wrap_bin_init (PatellaWrapBin *self)
{
}

/**
 * patella_wrap_bin_new:
 * @child: (nullable): the wrapping label, or a box of them
 *
 * Returns: (transfer floating): a new #PatellaWrapBin holding @child
 */
GtkWidget *
patella_wrap_bin_new (GtkWidget *child)
{
  return g_object_new (PATELLA_TYPE_WRAP_BIN, "child", child, NULL);
}

/**
 * patella_wrap_bin_set_child:
 * @self: a wrap bin
 * @child: (nullable): the new child
 */
void
patella_wrap_bin_set_child (PatellaWrapBin *self,
                            GtkWidget      *child)
{
  g_return_if_fail (PATELLA_IS_WRAP_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
