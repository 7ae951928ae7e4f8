/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-shoe-status"

#include "config.h"

#include <glib/gi18n.h>

#include "patella-shoe-status.h"

/**
 * patella_shoe_status_for:
 * @retired: whether the pair is retired
 * @distance_m: the pair's total, its initial distance included
 * @warn_m: its warn distance
 * @limit_m: its replacement limit
 *
 * A retired pair is retired whatever its distance; otherwise the pair is due
 * for replacement from its limit on, and nearing it from its warn distance on.
 */
PatellaShoeStatus
patella_shoe_status_for (gboolean retired,
                         gint64   distance_m,
                         gint64   warn_m,
                         gint64   limit_m)
{
  if (retired)
    return PATELLA_SHOE_STATUS_RETIRED;
  if (distance_m >= limit_m)
    return PATELLA_SHOE_STATUS_REPLACE;
  if (distance_m >= warn_m)
    return PATELLA_SHOE_STATUS_WARN;

  return PATELLA_SHOE_STATUS_OK;
}

/**
 * patella_shoe_status_to_string:
 *
 * Returns: the status as `shoe list --format json|csv` and `status --format
 * json` write it: "ok", "warn", "replace" or "retired"
 */
const char *
patella_shoe_status_to_string (PatellaShoeStatus status)
{
  switch (status)
    {
    case PATELLA_SHOE_STATUS_WARN:
      return "warn";
    case PATELLA_SHOE_STATUS_REPLACE:
      return "replace";
    case PATELLA_SHOE_STATUS_RETIRED:
      return "retired";
    case PATELLA_SHOE_STATUS_OK:
    default:
      return "ok";
    }
}

/**
 * patella_shoe_status_get_label:
 *
 * Returns: the status in words, for people: the same words in the Shoes
 * page's badges, in `patella-cli shoe list` and `status`, and in the
 * replacement notifications ("nearing replacement", "due for replacement")
 */
const char *
patella_shoe_status_get_label (PatellaShoeStatus status)
{
  switch (status)
    {
    case PATELLA_SHOE_STATUS_WARN:
      return _("nearing replacement");
    case PATELLA_SHOE_STATUS_REPLACE:
      return _("due for replacement");
    case PATELLA_SHOE_STATUS_RETIRED:
      return _("retired");
    case PATELLA_SHOE_STATUS_OK:
    default:
      return _("fine");
    }
}
