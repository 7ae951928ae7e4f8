/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "patella-import-private.h"

/* Reading one member of an export's item: each checked against what
 * Patella accepts, with a message that says where it is and what is
 * accepted. */

gboolean
patella_import_refuse_member (GError            **error,
                              const ImportWhere  *where,
                              const char         *member,
                              const char         *expected)
{
  /* Translators: "In runs, item 3, “distance_m” must be a whole number from 1 to 300000" */
  return refuse (error, _("In “%s”, item %u, “%s” must be %s; nothing was imported"),
                 where->table, where->index + 1, member, expected);
}

gboolean
patella_import_get_int (JsonObject         *object,
                        const ImportWhere  *where,
                        const char         *member,
                        gboolean            optional,
                        gint64              min,
                        gint64              max,
                        gint64             *value,
                        GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *expected = NULL;

  if (optional)
    expected = g_strdup_printf (_("null or a whole number from %lld to %lld"),
                                (long long) min, (long long) max);
  else
    expected = g_strdup_printf (_("a whole number from %lld to %lld"),
                                (long long) min, (long long) max);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!optional)
        return patella_import_refuse_member (error, where, member, expected);
      *value = NONE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return patella_import_refuse_member (error, where, member, expected);

  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return patella_import_refuse_member (error, where, member, expected);

  return TRUE;
}

gboolean
patella_import_get_bool (JsonObject         *object,
                         const ImportWhere  *where,
                         const char         *member,
                         gboolean           *value,
                         GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return patella_import_refuse_member (error, where, member, _("true or false"));

  *value = json_node_get_boolean (node);
  return TRUE;
}



gboolean
patella_import_get_text (JsonObject         *object,
                         const ImportWhere  *where,
                         const char         *member,
                         gboolean            optional,
                         ImportTextKind      kind,
                         char              **value,
                         GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GError) local_error = NULL;
  const char *text;
  const char *expected;

  switch (kind)
    {
    case TEXT_NOTE:
      expected = _("a text of at most 10000 characters");
      break;
    case TEXT_NAME:
      expected = _("a name of 1 to 100 characters on one line");
      break;
    case TEXT_SHORT:
      expected = _("a text of at most 100 characters");
      break;
    case TEXT_DATE:
      expected = _("a date from 1900-01-01 to 2999-12-31 written as YYYY-MM-DD");
      break;
    case TEXT_UUID:
      expected = _("a UUID such as “0f8fad5b-d9cb-469f-a165-70867728950e”");
      break;
    case TEXT_WORD:
    default:
      expected = _("a text");
      break;
    }

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!optional)
        return patella_import_refuse_member (error, where, member, expected);
      *value = NULL;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return patella_import_refuse_member (error, where, member, expected);

  text = json_node_get_string (node);

  switch (kind)
    {
    case TEXT_NOTE:
      if (!patella_check_text (text, PATELLA_NOTE_MAX_CHARS, &local_error))
        return patella_import_refuse_member (error, where, member, expected);
      *value = g_strdup (text);
      break;

    case TEXT_NAME:
      *value = patella_parse_name (text, &local_error);
      if (*value == NULL)
        return patella_import_refuse_member (error, where, member, expected);
      break;

    case TEXT_SHORT:
      if (!patella_check_text (text, PATELLA_NAME_MAX_CHARS, &local_error))
        return patella_import_refuse_member (error, where, member, expected);
      *value = g_strdup (text);
      break;

    case TEXT_DATE:
      {
        GDate date;

        if (!patella_parse_date (text, &date, &local_error))
          return patella_import_refuse_member (error, where, member, expected);
        *value = patella_date_to_string (&date);
      }
      break;

    case TEXT_UUID:
      if (!g_uuid_string_is_valid (text))
        return patella_import_refuse_member (error, where, member, expected);
      *value = g_ascii_strdown (text, -1);
      break;

    case TEXT_WORD:
    default:
      if (!patella_check_text (text, PATELLA_NAME_MAX_CHARS, &local_error))
        return patella_import_refuse_member (error, where, member, expected);
      *value = g_strdup (text);
      break;
    }

  return TRUE;
}

/* Version 1 exports carry no identities, and an item added to a later one
 * by hand may lack it: such rows get new ones. */
gboolean
patella_import_get_uuid (JsonObject         *object,
                         const ImportWhere  *where,
                         const char         *member,
                         char              **value,
                         GError            **error)
{
  if (!where->with_uuid)
    {
      *value = NULL;
      return TRUE;
    }

  return patella_import_get_text (object, where, member, TRUE, TEXT_UUID, value, error);
}

gboolean
patella_import_is_one_of (const char         *text,
                          const char * const *words)
{
  return text != NULL && g_strv_contains (words, text);
}
