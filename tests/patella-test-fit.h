/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small FIT encoder for the tests: it writes the files the readers must
 * take (sessions, records, compressed timestamps, developer fields, either
 * byte order) and the ones they must refuse (bad CRC, truncated). */

#include <glib.h>

#include "patella-fit.h"

G_BEGIN_DECLS

#define FIT_UINT8   0x02
#define FIT_ENUM    0x00
#define FIT_UINT16  0x84
#define FIT_UINT32  0x86
#define FIT_SINT32  0x85

typedef struct
{
  guint8 number;
  guint8 size;
  guint8 base;
} FitField;

typedef struct
{
  GByteArray *bytes;
  gboolean    big_endian[16];
} FitWriter;

static inline void
fit_put (FitWriter *w,
         guint64    value,
         guint      size,
         gboolean   big_endian)
{
  for (guint i = 0; i < size; i++)
    {
      guint shift = big_endian ? 8 * (size - 1 - i) : 8 * i;
      guint8 byte = (guint8) (value >> shift);

      g_byte_array_append (w->bytes, &byte, 1);
    }
}

static inline FitWriter *
fit_writer_new (void)
{
  FitWriter *w = g_new0 (FitWriter, 1);
  static const guint8 header[14] = { 14, 0x20, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0 };

  w->bytes = g_byte_array_new ();
  g_byte_array_append (w->bytes, header, sizeof header);
  return w;
}

/* A definition of local type @local; @n_dev developer fields of
 * @dev_size bytes each follow the normal ones when n_dev > 0. */
static inline void
fit_define (FitWriter      *w,
            guint8          local,
            guint16         global,
            gboolean        big_endian,
            const FitField *fields,
            guint           n_fields,
            guint           n_dev,
            guint8          dev_size)
{
  guint8 header = 0x40 | local | (n_dev > 0 ? 0x20 : 0);

  fit_put (w, header, 1, FALSE);
  fit_put (w, 0, 1, FALSE);
  fit_put (w, big_endian ? 1 : 0, 1, FALSE);
  fit_put (w, global, 2, big_endian);
  fit_put (w, n_fields, 1, FALSE);
  for (guint i = 0; i < n_fields; i++)
    {
      fit_put (w, fields[i].number, 1, FALSE);
      fit_put (w, fields[i].size, 1, FALSE);
      fit_put (w, fields[i].base, 1, FALSE);
    }
  if (n_dev > 0)
    {
      fit_put (w, n_dev, 1, FALSE);
      for (guint i = 0; i < n_dev; i++)
        {
          fit_put (w, i, 1, FALSE);       /* field number */
          fit_put (w, dev_size, 1, FALSE);
          fit_put (w, 0, 1, FALSE);       /* developer data index */
        }
    }
  w->big_endian[local] = big_endian;
}

/* A data message header; the fields follow with fit_field(). A @offset of
 * 0 to 31 writes a compressed timestamp header instead (local types 0–3). */
static inline void
fit_begin_data (FitWriter *w,
                guint8     local,
                int        compressed_offset)
{
  if (compressed_offset >= 0)
    fit_put (w, 0x80 | (local << 5) | (compressed_offset & 0x1f), 1, FALSE);
  else
    fit_put (w, local, 1, FALSE);
}

static inline void
fit_field (FitWriter *w,
           guint8     local,
           guint64    value,
           guint      size)
{
  fit_put (w, value, size, w->big_endian[local]);
}

static inline void
fit_dev_bytes (FitWriter *w,
               guint      n)
{
  for (guint i = 0; i < n; i++)
    fit_put (w, 0xAB, 1, FALSE);
}

/* Fills in the header and appends the CRC, a wrong one when asked. */
static inline GBytes *
fit_writer_finish (FitWriter *w,
                   gboolean   bad_crc)
{
  guint32 data_size = w->bytes->len - 14;
  guint16 crc;
  guint8 crc_bytes[2];

  w->bytes->data[4] = data_size & 0xff;
  w->bytes->data[5] = (data_size >> 8) & 0xff;
  w->bytes->data[6] = (data_size >> 16) & 0xff;
  w->bytes->data[7] = (data_size >> 24) & 0xff;
  crc = patella_fit_crc (0, w->bytes->data, 12);
  w->bytes->data[12] = crc & 0xff;
  w->bytes->data[13] = crc >> 8;

  crc = patella_fit_crc (0, w->bytes->data, w->bytes->len);
  if (bad_crc)
    crc ^= 0x0101;
  crc_bytes[0] = crc & 0xff;
  crc_bytes[1] = crc >> 8;
  g_byte_array_append (w->bytes, crc_bytes, 2);

  {
    GBytes *bytes = g_byte_array_free_to_bytes (w->bytes);

    g_free (w);
    return bytes;
  }
}

/* FIT seconds for a UTC date and time. */
static inline guint32
fit_time (const char *iso8601)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return (guint32) (g_date_time_to_unix (time) - PATELLA_FIT_EPOCH_S);
}

static inline void
fit_file_id (FitWriter *w,
             guint8     type)
{
  static const FitField fields[] = { { 0, 1, FIT_ENUM }, { 1, 2, FIT_UINT16 } };

  fit_define (w, 0, 0, FALSE, fields, G_N_ELEMENTS (fields), 0, 0);
  fit_begin_data (w, 0, -1);
  fit_field (w, 0, type, 1);
  fit_field (w, 0, 1, 2);    /* manufacturer: any */
}

typedef struct
{
  guint32 start;        /* FIT seconds */
  guint8  sport;
  guint8  sub_sport;
  guint32 elapsed_ms;
  guint32 timer_ms;     /* G_MAXUINT32: not given */
  guint32 distance_cm;  /* G_MAXUINT32: not given */
  guint8  cadence;      /* strides; 0xff: not given */
  guint8  fractional;   /* 1/128 strides; 0xff: not given */
  guint16 descent_m;    /* 0xffff: not given */
} FitSession;

static inline void
fit_session (FitWriter        *w,
             const FitSession *s,
             gboolean          big_endian)
{
  static const FitField fields[] = {
    { 253, 4, FIT_UINT32 }, { 2, 4, FIT_UINT32 }, { 5, 1, FIT_ENUM }, { 6, 1, FIT_ENUM },
    { 7, 4, FIT_UINT32 }, { 8, 4, FIT_UINT32 }, { 9, 4, FIT_UINT32 }, { 18, 1, FIT_UINT8 },
    { 92, 1, FIT_UINT8 }, { 23, 2, FIT_UINT16 },
  };

  fit_define (w, 2, 18, big_endian, fields, G_N_ELEMENTS (fields), 0, 0);
  fit_begin_data (w, 2, -1);
  fit_field (w, 2, s->start + s->elapsed_ms / 1000, 4);
  fit_field (w, 2, s->start, 4);
  fit_field (w, 2, s->sport, 1);
  fit_field (w, 2, s->sub_sport, 1);
  fit_field (w, 2, s->elapsed_ms, 4);
  fit_field (w, 2, s->timer_ms, 4);
  fit_field (w, 2, s->distance_cm, 4);
  fit_field (w, 2, s->cadence, 1);
  fit_field (w, 2, s->fractional, 1);
  fit_field (w, 2, s->descent_m, 2);
}

/* Records every @step seconds from @start for @seconds, at @speed_cm_s,
 * with a stride cadence of @cadence and one developer field each; every
 * record but the first carries a compressed timestamp. */
static inline void
fit_records (FitWriter *w,
             guint32    start,
             guint      seconds,
             guint      step,
             guint      speed_cm_s,
             guint8     cadence)
{
  static const FitField full[] = {
    { 253, 4, FIT_UINT32 }, { 5, 4, FIT_UINT32 }, { 4, 1, FIT_UINT8 }, { 2, 2, FIT_UINT16 },
  };
  static const FitField compressed[] = {
    { 5, 4, FIT_UINT32 }, { 4, 1, FIT_UINT8 }, { 2, 2, FIT_UINT16 },
  };

  g_assert_cmpuint (step, <, 32);
  fit_define (w, 1, 20, FALSE, full, G_N_ELEMENTS (full), 1, 3);
  fit_define (w, 3, 20, FALSE, compressed, G_N_ELEMENTS (compressed), 1, 3);

  for (guint t = 0; t <= seconds; t += step)
    {
      guint32 timestamp = start + t;
      /* Altitude 100 m, falling 1 m each record: (100 + 500) * 5, less 5. */
      guint altitude = 3000 - 5 * (t / step);

      if (t == 0)
        {
          fit_begin_data (w, 1, -1);
          fit_field (w, 1, timestamp, 4);
        }
      else
        {
          fit_begin_data (w, 3, timestamp & 0x1f);
        }
      fit_field (w, t == 0 ? 1 : 3, (guint64) speed_cm_s * t, 4);
      /* A pause in cadence (0) is not averaged in. */
      fit_field (w, t == 0 ? 1 : 3, (t / step) % 10 == 5 ? 0 : cadence, 1);
      fit_field (w, t == 0 ? 1 : 3, altitude, 2);
      fit_dev_bytes (w, 3);
    }
}

/* activity.local_timestamp, @offset_s from @timestamp. */
static inline void
fit_activity (FitWriter *w,
              guint32    timestamp,
              int        offset_s)
{
  static const FitField fields[] = {
    { 253, 4, FIT_UINT32 }, { 1, 2, FIT_UINT16 }, { 5, 4, FIT_UINT32 },
  };

  fit_define (w, 4, 34, FALSE, fields, G_N_ELEMENTS (fields), 0, 0);
  fit_begin_data (w, 4, -1);
  fit_field (w, 4, timestamp, 4);
  fit_field (w, 4, 1, 2);
  fit_field (w, 4, timestamp + offset_s, 4);
}

/* A whole run: file_id, records, a session, an activity. */
static inline GBytes *
fit_make_run (const char *start_iso,
              guint32     distance_m,
              guint32     seconds,
              guint8      sport,
              guint8      sub_sport)
{
  FitWriter *w = fit_writer_new ();
  FitSession session = { 0 };

  session.start = fit_time (start_iso);
  session.sport = sport;
  session.sub_sport = sub_sport;
  session.elapsed_ms = seconds * 1000 + 30000;
  session.timer_ms = seconds * 1000;
  session.distance_cm = distance_m * 100;
  session.cadence = 85;
  session.fractional = 64;
  session.descent_m = 42;

  fit_file_id (w, 4);
  fit_records (w, session.start, seconds, 10, distance_m * 100 / MAX (seconds, 1), 80);
  fit_session (w, &session, FALSE);
  fit_activity (w, session.start + seconds, 3600);
  return fit_writer_finish (w, FALSE);
}

G_END_DECLS
