/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-fit"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "patella-error.h"
#include "patella-fit.h"

/* A decoder for the FIT activity files that watches write, from the
 * published description of the FIT protocol: a header, then records that
 * are either definitions (the layout of a local message type) or data laid
 * out by the last definition of their local type, then a CRC-16. Only the
 * messages Patella needs are decoded; everything else, developer fields
 * included, is skipped by its declared size. */

#define refuse(error, ...) patella_error_refuse ((error), PATELLA_ERROR_INVALID, __VA_ARGS__)

#define MESG_FILE_ID  0
#define MESG_SESSION  18
#define MESG_RECORD   20
#define MESG_ACTIVITY 34

#define FIELD_TIMESTAMP 253

#define FILE_TYPE_ACTIVITY 4

#define SPORT_GENERIC           0
#define SPORT_RUNNING           1
#define SPORT_FITNESS_EQUIPMENT 4
#define SUB_SPORT_TREADMILL     1

/* Files with more records than this are not one person's activities. */
#define MAX_RECORDS 2000000
/* A FIT time below this counts seconds since the watch was switched on (its
 * clock was not set), not seconds since 1989-12-31. */
#define RELATIVE_TIME_LIMIT 0x10000000

typedef struct
{
  guint8 number;
  guint8 size;
} FieldDef;

typedef struct
{
  gboolean  defined;
  gboolean  big_endian;
  guint16   global;
  guint8    n_fields;
  FieldDef  fields[255];
  guint     dev_size;    /* developer fields, skipped */
} Definition;

/* A value that is not there: FIT marks it with the base type's invalid
 * value, or the file does not carry the field at all. */
#define MISSING G_MININT64

typedef struct
{
  gint64 start;          /* FIT seconds */
  gint64 timestamp;
  gint64 sport;
  gint64 sub_sport;
  gint64 elapsed_ms;
  gint64 timer_ms;
  gint64 distance_cm;
  gint64 cadence;        /* strides or revolutions a minute */
  gint64 fractional_cadence;  /* 1/128 of one */
  gint64 descent_m;
} Session;

typedef struct
{
  guint32 timestamp;
  gint64  distance_cm;
  gint64  altitude;      /* 1/5 m, offset by 500 m */
  gint64  cadence;
} Record;

typedef struct
{
  Definition  defs[16];
  gint64      last_timestamp;   /* for compressed timestamps */
  gint64      file_type;
  gint64      time_created;
  gint64      activity_timestamp;
  gint64      local_timestamp;
  GArray     *sessions;
  GArray     *records;
} Decoder;

/* CRC-16 with the polynomial 0x8005, bits reflected (0xA001), initial 0, as
 * the FIT protocol specifies; computed a nibble at a time. */
static const guint16 crc_nibbles[16] = {
  0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
  0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
};

guint16
patella_fit_crc (guint16       crc,
                 const guint8 *data,
                 gsize         length)
{
  for (gsize i = 0; i < length; i++)
    {
      crc = (crc >> 4) ^ crc_nibbles[crc & 0xf] ^ crc_nibbles[data[i] & 0xf];
      crc = (crc >> 4) ^ crc_nibbles[crc & 0xf] ^ crc_nibbles[data[i] >> 4];
    }

  return crc;
}

static guint64
read_uint (const guint8 *p,
           guint         size,
           gboolean      big_endian)
{
  guint64 value = 0;

  for (guint i = 0; i < size; i++)
    {
      guint shift = big_endian ? 8 * (size - 1 - i) : 8 * i;

      value |= (guint64) p[i] << shift;
    }

  return value;
}

/* An unsigned field of 1, 2 or 4 bytes; MISSING when it holds the invalid
 * value (all bits set) or has another size. */
static gint64
field_uint (const guint8 *p,
            guint         size,
            guint         expected,
            gboolean      big_endian)
{
  guint64 value;
  guint64 invalid;

  if (size != expected)
    return MISSING;

  value = read_uint (p, size, big_endian);
  invalid = size == 4 ? G_MAXUINT32 : size == 2 ? G_MAXUINT16 : G_MAXUINT8;

  return value == invalid ? MISSING : (gint64) value;
}

static const char *
sport_name (gint64 sport)
{
  static const char * const names[] = {
    "generic", "running", "cycling", "transition", "fitness equipment", "swimming",
    "basketball", "soccer", "tennis", "american football", "training", "walking",
    "cross country skiing", "alpine skiing", "snowboarding", "rowing", "mountaineering",
    "hiking", "multisport", "paddling",
  };

  if (sport >= 0 && sport < (gint64) G_N_ELEMENTS (names))
    return names[sport];

  return NULL;
}

static void
decode_data (Decoder          *decoder,
             const Definition *def,
             const guint8     *p,
             gint64            header_timestamp)
{
  Session session = { MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING,
                      MISSING, MISSING, MISSING };
  Record record = { 0, MISSING, MISSING, MISSING };
  gint64 timestamp = header_timestamp;
  gint64 local_timestamp = MISSING;

  for (guint i = 0; i < def->n_fields; i++)
    {
      const FieldDef *field = &def->fields[i];
      gboolean be = def->big_endian;

      if (field->number == FIELD_TIMESTAMP)
        {
          gint64 value = field_uint (p, field->size, 4, be);

          if (value != MISSING)
            {
              timestamp = value;
              decoder->last_timestamp = value;
            }
        }
      else if (def->global == MESG_FILE_ID)
        {
          if (field->number == 0)
            decoder->file_type = field_uint (p, field->size, 1, be);
          else if (field->number == 4)
            decoder->time_created = field_uint (p, field->size, 4, be);
        }
      else if (def->global == MESG_SESSION)
        {
          switch (field->number)
            {
            case 2: session.start = field_uint (p, field->size, 4, be); break;
            case 5: session.sport = field_uint (p, field->size, 1, be); break;
            case 6: session.sub_sport = field_uint (p, field->size, 1, be); break;
            case 7: session.elapsed_ms = field_uint (p, field->size, 4, be); break;
            case 8: session.timer_ms = field_uint (p, field->size, 4, be); break;
            case 9: session.distance_cm = field_uint (p, field->size, 4, be); break;
            case 18: session.cadence = field_uint (p, field->size, 1, be); break;
            case 23: session.descent_m = field_uint (p, field->size, 2, be); break;
            case 92: session.fractional_cadence = field_uint (p, field->size, 1, be); break;
            default: break;
            }
        }
      else if (def->global == MESG_RECORD)
        {
          switch (field->number)
            {
            case 2: record.altitude = field_uint (p, field->size, 2, be); break;
            case 4: record.cadence = field_uint (p, field->size, 1, be); break;
            case 5: record.distance_cm = field_uint (p, field->size, 4, be); break;
            case 78:
              /* enhanced_altitude: same scale and offset, four bytes */
              {
                gint64 value = field_uint (p, field->size, 4, be);

                if (value != MISSING)
                  record.altitude = value;
              }
              break;
            default: break;
            }
        }
      else if (def->global == MESG_ACTIVITY && field->number == 5)
        {
          local_timestamp = field_uint (p, field->size, 4, be);
        }

      p += field->size;
    }

  if (def->global == MESG_SESSION)
    {
      session.timestamp = timestamp;
      g_array_append_val (decoder->sessions, session);
    }
  else if (def->global == MESG_RECORD && timestamp != MISSING &&
           decoder->records->len < MAX_RECORDS)
    {
      record.timestamp = (guint32) timestamp;
      g_array_append_val (decoder->records, record);
    }
  else if (def->global == MESG_ACTIVITY)
    {
      decoder->activity_timestamp = timestamp;
      decoder->local_timestamp = local_timestamp;
    }
}

static gboolean
decode_records (Decoder       *decoder,
                const guint8  *data,
                gsize          length,
                GError       **error)
{
  gsize pos = 0;

  while (pos < length)
    {
      guint8 header = data[pos++];
      Definition *def;
      gint64 timestamp = MISSING;
      gsize size;

      if (header & 0x80)
        {
          /* Compressed timestamp header: a 5-bit offset from the last full
           * timestamp, rolling over every 32 s. */
          guint offset = header & 0x1f;

          def = &decoder->defs[(header >> 5) & 0x3];
          if (decoder->last_timestamp == MISSING)
            return refuse (error, _("The FIT file uses a compressed timestamp before any full "
                                    "one; it is corrupt"));
          timestamp = (decoder->last_timestamp & ~(gint64) 0x1f) + offset;
          if (offset < (decoder->last_timestamp & 0x1f))
            timestamp += 0x20;
          decoder->last_timestamp = timestamp;
        }
      else if (header & 0x40)
        {
          gboolean developer = (header & 0x20) != 0;
          Definition fresh = { 0 };

          if (length - pos < 5)
            return refuse (error, _("The FIT file ends inside a definition; it is truncated"));

          fresh.defined = TRUE;
          fresh.big_endian = data[pos + 1] == 1;
          fresh.global = (guint16) read_uint (data + pos + 2, 2, fresh.big_endian);
          fresh.n_fields = data[pos + 4];
          pos += 5;

          if (length - pos < (gsize) fresh.n_fields * 3)
            return refuse (error, _("The FIT file ends inside a definition; it is truncated"));

          for (guint i = 0; i < fresh.n_fields; i++)
            {
              fresh.fields[i].number = data[pos];
              fresh.fields[i].size = data[pos + 1];
              pos += 3;
            }

          if (developer)
            {
              guint n_dev;

              if (length - pos < 1)
                return refuse (error, _("The FIT file ends inside a definition; it is truncated"));
              n_dev = data[pos++];
              if (length - pos < (gsize) n_dev * 3)
                return refuse (error, _("The FIT file ends inside a definition; it is truncated"));
              for (guint i = 0; i < n_dev; i++)
                {
                  fresh.dev_size += data[pos + 1];
                  pos += 3;
                }
            }

          decoder->defs[header & 0x0f] = fresh;
          continue;
        }
      else
        {
          def = &decoder->defs[header & 0x0f];
        }

      if (!def->defined)
        return refuse (error, _("The FIT file has a data message without a definition; it is "
                                "corrupt"));

      size = def->dev_size;
      for (guint i = 0; i < def->n_fields; i++)
        size += def->fields[i].size;

      if (length - pos < size)
        return refuse (error, _("The FIT file ends inside a message; it is truncated"));

      decode_data (decoder, def, data + pos, timestamp);
      pos += size;
    }

  return TRUE;
}

static gboolean
in_window (const Record  *record,
           const Session *session,
           gboolean       only_session)
{
  gint64 end;

  if (only_session || session->start == MISSING)
    return TRUE;

  end = session->timestamp;
  if (session->elapsed_ms != MISSING)
    end = MAX (end, session->start + (session->elapsed_ms + 999) / 1000);
  if (end == MISSING)
    return record->timestamp >= session->start;

  return record->timestamp >= session->start && record->timestamp <= end;
}

/* Fills what the session lacks from its records. */
static PatellaActivity *
make_activity (Decoder       *decoder,
               const Session *session,
               gboolean       only_session)
{
  g_autoptr(PatellaActivity) activity = patella_activity_new (PATELLA_SOURCE_FIT);
  gint64 first = MISSING;
  gint64 last = MISSING;
  gint64 max_distance = MISSING;
  gint64 cadence_sum = 0;
  gint64 cadence_n = 0;
  gint64 descent = 0;
  gint64 last_altitude = MISSING;
  gint64 start;
  const char *name;

  for (guint i = 0; i < decoder->records->len; i++)
    {
      const Record *record = &g_array_index (decoder->records, Record, i);

      if (!in_window (record, session, only_session))
        continue;

      if (first == MISSING)
        first = record->timestamp;
      last = record->timestamp;
      if (record->distance_cm != MISSING)
        max_distance = MAX (max_distance, record->distance_cm);
      if (record->cadence != MISSING && record->cadence > 0)
        {
          cadence_sum += record->cadence;
          cadence_n++;
        }
      if (record->altitude != MISSING)
        {
          if (last_altitude != MISSING && record->altitude < last_altitude)
            descent += last_altitude - record->altitude;
          last_altitude = record->altitude;
        }
    }

  if (session->sport == MISSING)
    {
      activity->sport = g_strdup ("running");
      activity->is_run = TRUE;
    }
  else
    {
      name = sport_name (session->sport);
      activity->sport = name != NULL ? g_strdup (name)
                                     : g_strdup_printf ("sport %" G_GINT64_FORMAT, session->sport);
      activity->is_run = session->sport == SPORT_RUNNING ||
                         ((session->sport == SPORT_FITNESS_EQUIPMENT ||
                           session->sport == SPORT_GENERIC) &&
                          session->sub_sport == SUB_SPORT_TREADMILL);
    }

  start = session->start != MISSING ? session->start
        : first != MISSING ? first
        : decoder->time_created;
  if (start != MISSING && start < RELATIVE_TIME_LIMIT)
    activity->problem = g_strdup (_("its times count from when the watch was switched on, "
                                    "not from a date (the watch’s clock was not set), so its "
                                    "day is unknown"));
  else if (start != MISSING)
    activity->start_us = (start + PATELLA_FIT_EPOCH_S) * G_USEC_PER_SEC;

  if (session->distance_cm != MISSING)
    activity->distance_m = (session->distance_cm + 50) / 100;
  else if (max_distance != MISSING)
    activity->distance_m = (max_distance + 50) / 100;

  if (session->timer_ms != MISSING && session->timer_ms > 0)
    activity->duration_s = (session->timer_ms + 500) / 1000;
  else if (session->elapsed_ms != MISSING && session->elapsed_ms > 0)
    activity->duration_s = (session->elapsed_ms + 500) / 1000;
  else if (first != MISSING && last > first)
    activity->duration_s = last - first;

  /* Running cadence in FIT counts strides: one step of each foot. */
  if (session->cadence != MISSING && session->cadence > 0)
    {
      double strides = session->cadence;

      if (session->fractional_cadence != MISSING)
        strides += session->fractional_cadence / 128.0;
      activity->cadence_spm = (int) lround (strides * 2);
    }
  else if (cadence_n > 0)
    {
      activity->cadence_spm = (int) lround (2.0 * cadence_sum / cadence_n);
    }

  if (session->descent_m != MISSING)
    {
      activity->has_descent = TRUE;
      activity->descent_m = session->descent_m;
    }
  else if (last_altitude != MISSING)
    {
      activity->has_descent = TRUE;
      activity->descent_m = (descent + 2) / 5;
    }

  if (decoder->local_timestamp != MISSING && decoder->activity_timestamp != MISSING)
    {
      gint64 offset = decoder->local_timestamp - decoder->activity_timestamp;

      if (offset >= -16 * 3600 && offset <= 16 * 3600)
        activity->local_offset_s = (int) offset;
    }

  return g_steal_pointer (&activity);
}

/* One FIT file of a possibly chained file: its header, CRC and messages.
 * Adds its activities to @activities; says how many bytes it took and
 * whether it was something else than an activity. */
static gboolean
read_one (const guint8  *data,
          gsize          length,
          GPtrArray     *activities,
          gsize         *used,
          gboolean      *other_kind,
          GError       **error)
{
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GArray) records = NULL;
  g_autofree Decoder *decoder = NULL;
  guint header_size;
  guint32 data_size;
  guint16 crc;

  if (length < 12 || memcmp (data + 8, ".FIT", 4) != 0)
    return refuse (error, _("The file is not a FIT file (it lacks the “.FIT” header)"));

  header_size = data[0];
  if (header_size < 12 || header_size > length)
    return refuse (error, _("The FIT file has a broken header"));

  if (header_size >= 14)
    {
      guint16 stored = (guint16) read_uint (data + 12, 2, FALSE);

      if (stored != 0 && stored != patella_fit_crc (0, data, 12))
        return refuse (error, _("The FIT file’s header fails its checksum (CRC); it is corrupt"));
    }

  data_size = (guint32) read_uint (data + 4, 4, FALSE);
  if ((guint64) header_size + data_size + 2 > length)
    return refuse (error, _("The FIT file is shorter than its header says; it is truncated"));

  crc = (guint16) read_uint (data + header_size + data_size, 2, FALSE);
  if (crc != patella_fit_crc (0, data, header_size + data_size))
    return refuse (error, _("The FIT file fails its checksum (CRC); it is corrupt"));

  *used = header_size + data_size + 2;

  sessions = g_array_new (FALSE, FALSE, sizeof (Session));
  records = g_array_new (FALSE, FALSE, sizeof (Record));
  decoder = g_new0 (Decoder, 1);
  decoder->last_timestamp = MISSING;
  decoder->file_type = MISSING;
  decoder->time_created = MISSING;
  decoder->activity_timestamp = MISSING;
  decoder->local_timestamp = MISSING;
  decoder->sessions = sessions;
  decoder->records = records;

  if (!decode_records (decoder, data + header_size, data_size, error))
    return FALSE;

  if (decoder->file_type != MISSING && decoder->file_type != FILE_TYPE_ACTIVITY)
    {
      *other_kind = TRUE;
      return TRUE;
    }

  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (activities,
                     make_activity (decoder, &g_array_index (sessions, Session, i),
                                    sessions->len == 1));

  if (sessions->len == 0 && records->len > 0)
    {
      Session none = { MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, MISSING,
                       MISSING, MISSING, MISSING };

      g_ptr_array_add (activities, make_activity (decoder, &none, TRUE));
    }

  return TRUE;
}

/**
 * patella_fit_read:
 *
 * Reads the sessions of a FIT activity file: one activity per session
 * (distance, timer time, start, average cadence, total descent), with what a
 * session lacks filled from the file's records. A file without sessions
 * gives one activity from its records. Chained FIT files (several files one
 * after the other, as the protocol allows) are read one by one.
 *
 * Returns: (transfer full) (element-type PatellaActivity): the activities,
 *   or %NULL with @error set when the file is not FIT, is truncated, fails
 *   its CRC (%PATELLA_ERROR_INVALID), or holds no activity
 *   (%PATELLA_ERROR_NOT_FOUND)
 */
GPtrArray *
patella_fit_read (const guint8  *data,
                  gsize          length,
                  GError       **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  gboolean other_kind = FALSE;
  gsize offset = 0;
  guint n_files = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > PATELLA_ACTIVITY_MAX_BYTES)
    {
      refuse (error, _("The file is larger than %d MB; it cannot be imported"),
              PATELLA_ACTIVITY_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  activities = g_ptr_array_new_with_free_func ((GDestroyNotify) patella_activity_free);

  /* After the first file, only another complete FIT header continues the
   * chain: padding at the end is not an error. */
  do
    {
      gsize used = 0;

      if (!read_one (data + offset, length - offset, activities, &used, &other_kind, error))
        return NULL;
      offset += used;
      n_files++;
    }
  while (length - offset >= 12 && memcmp (data + offset + 8, ".FIT", 4) == 0 && n_files < 64);

  if (activities->len == 0 && other_kind)
    {
      patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                            _("The FIT file is not an activity (it is a course, workout or "
                              "other kind of FIT file)"));
      return NULL;
    }

  if (activities->len == 0)
    {
      patella_error_refuse (error, PATELLA_ERROR_NOT_FOUND,
                            _("The FIT file has no sessions or records; it holds no activity"));
      return NULL;
    }

  return g_steal_pointer (&activities);
}
