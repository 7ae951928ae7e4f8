/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The activity readers: FIT, TCX and GPX files into one record. */
#include "config.h"

#include <string.h>

#include "patella-error.h"
#include "patella-fit.h"
#include "patella-gpx.h"
#include "patella-tcx.h"
#include "patella-test-fit.h"

static gint64
instant (const char *iso8601)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* A run read from a device file: where it came from, when it started and
 * what it measured (@descent_m -1: no descent recorded). */
static void
assert_run (const PatellaActivity *run,
            PatellaSource          source,
            const char            *start,
            int                    distance_m,
            int                    duration_s,
            int                    cadence_spm,
            int                    descent_m)
{
  g_assert_cmpint (run->source, ==, source);
  g_assert_true (run->is_run);
  g_assert_cmpint (run->start_us, ==, instant (start));
  g_assert_cmpint (run->distance_m, ==, distance_m);
  g_assert_cmpint (run->duration_s, ==, duration_s);
  g_assert_cmpint (run->cadence_spm, ==, cadence_spm);
  g_assert_cmpint (run->has_descent, ==, descent_m >= 0);
  if (descent_m >= 0)
    g_assert_cmpint (run->descent_m, ==, descent_m);
}

static PatellaActivity *
read_one_fit (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  activities = patella_fit_read (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  return g_ptr_array_steal_index (activities, 0);
}

/* Nothing read, and an error that says @message_part: "not found" (which a
 * folder or an archive counts as ignored) when @not_found, else refused input. */
static void
assert_refused (GPtrArray    *activities,
                const GError *error,
                gboolean      not_found,
                const char   *message_part)
{
  g_assert_null (activities);
  if (not_found)
    g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_NOT_FOUND);
  else
    g_assert_error (error, PATELLA_ERROR, PATELLA_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” not in “%s”", message_part, error->message);
}

/* Broken files are refused input; good FIT files without an activity are
 * "not found". */
static void
refuse_fit (GBytes     *bytes,
            gsize       cut,
            const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  activities = patella_fit_read (data, length - cut, &error);
  assert_refused (activities, error, strstr (message_part, "activit") != NULL, message_part);
}

static void
test_fit_crc (void)
{
  /* The check value of CRC-16/ARC, the FIT checksum. */
  g_assert_cmphex (patella_fit_crc (0, (const guint8 *) "123456789", 9), ==, 0xBB3D);
}

static void
test_fit_session (void)
{
  g_autoptr(GBytes) bytes = fit_make_run ("2026-03-10T06:30:00Z", 10012, 3000, 1, 0);
  g_autoptr(PatellaActivity) run = read_one_fit (bytes);
  g_autofree char *day = patella_activity_get_day (run);

  /* The distance the session says, not what the records add up to; timer
   * time, not the elapsed time with its 30 s pause; 85.5 strides a minute
   * are 171 steps. */
  assert_run (run, PATELLA_SOURCE_FIT, "2026-03-10T06:30:00Z", 10012, 3000, 171, 42);
  g_assert_cmpstr (run->sport, ==, "running");
  g_assert_cmpstr (day, ==, "2026-03-10");
  g_assert_cmpint (run->local_offset_s, ==, 3600);
}

static void
test_fit_big_endian (void)
{
  FitWriter *w = fit_writer_new ();
  FitSession session = { fit_time ("2026-07-01T05:00:00Z"), 1, 3, 2000000, 1800000, 600000,
                         90, 0xff, 0xffff };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PatellaActivity) run = NULL;

  fit_file_id (w, 4);
  fit_session (w, &session, TRUE);
  bytes = fit_writer_finish (w, FALSE);
  run = read_one_fit (bytes);

  g_assert_true (run->is_run);
  g_assert_cmpint (run->distance_m, ==, 6000);
  g_assert_cmpint (run->duration_s, ==, 1800);
  g_assert_cmpint (run->cadence_spm, ==, 180);
  g_assert_false (run->has_descent);
  g_assert_cmpint (run->local_offset_s, ==, G_MININT32);
}

static void
test_fit_clock_not_set (void)
{
  /* A Forerunner 70 whose clock was never set writes times counted from
   * when it was switched on (below 0x10000000): no day, not 1990. */
  FitWriter *w = fit_writer_new ();
  FitSession session = { 17217864, 1, 0, 3883273, 3772750, 1024867, 88, 0xff, 0xffff };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PatellaActivity) run = NULL;
  g_autofree char *day = NULL;

  fit_file_id (w, 4);
  fit_session (w, &session, FALSE);
  bytes = fit_writer_finish (w, FALSE);
  run = read_one_fit (bytes);
  day = patella_activity_get_day (run);

  g_assert_true (run->is_run);
  g_assert_cmpint (run->distance_m, ==, 10249);
  g_assert_null (day);
  g_assert_nonnull (run->problem);
  g_assert_nonnull (strstr (run->problem, "clock was not set"));
}

static void
test_fit_treadmill (void)
{
  /* Running on a treadmill, and a treadmill as fitness equipment: no
   * positions anywhere, the distance from the foot pod in the session. */
  g_autoptr(GBytes) running = fit_make_run ("2026-03-10T18:00:00Z", 5000, 1800, 1, 1);
  g_autoptr(GBytes) equipment = fit_make_run ("2026-03-11T18:00:00Z", 4000, 1500, 4, 1);
  g_autoptr(PatellaActivity) a = read_one_fit (running);
  g_autoptr(PatellaActivity) b = read_one_fit (equipment);

  g_assert_true (a->is_run);
  g_assert_cmpint (a->distance_m, ==, 5000);
  g_assert_true (b->is_run);
  g_assert_cmpint (b->distance_m, ==, 4000);
  g_assert_cmpstr (b->sport, ==, "fitness equipment");
}

static void
test_fit_cycling (void)
{
  g_autoptr(GBytes) bytes = fit_make_run ("2026-03-10T06:30:00Z", 30000, 3600, 2, 0);
  g_autoptr(PatellaActivity) ride = read_one_fit (bytes);

  g_assert_false (ride->is_run);
  g_assert_cmpstr (ride->sport, ==, "cycling");
}

static void
test_fit_records_only (void)
{
  /* A session without totals: distance, time and cadence come from the
   * records, which use compressed timestamps and carry developer fields. */
  FitWriter *w = fit_writer_new ();
  FitSession session = { fit_time ("2026-03-10T06:30:00Z"), 1, 0, G_MAXUINT32, G_MAXUINT32,
                         G_MAXUINT32, 0xff, 0xff, 0xffff };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PatellaActivity) run = NULL;

  fit_file_id (w, 4);
  /* 20 minutes at 3 m/s, a record every 5 s: 3600 m. */
  fit_records (w, session.start, 1200, 5, 300, 88);
  fit_session (w, &session, FALSE);
  bytes = fit_writer_finish (w, FALSE);
  run = read_one_fit (bytes);

  g_assert_cmpint (run->distance_m, ==, 3600);
  g_assert_cmpint (run->duration_s, ==, 1200);
  /* The zero cadence records are not averaged in. */
  g_assert_cmpint (run->cadence_spm, ==, 176);
  /* 1 m lower each record, 240 records after the first. */
  g_assert_true (run->has_descent);
  g_assert_cmpint (run->descent_m, ==, 240);
}

static void
test_fit_multisport (void)
{
  FitWriter *w = fit_writer_new ();
  FitSession ride = { fit_time ("2026-05-01T07:00:00Z"), 2, 0, 3600000, 3600000, 3000000,
                      0xff, 0xff, 0xffff };
  FitSession run = { fit_time ("2026-05-01T08:05:00Z"), 1, 0, 2400000, 2400000, 800000,
                     80, 0xff, 0xffff };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  PatellaActivity *second;
  gsize length;
  const guint8 *data;

  fit_file_id (w, 4);
  fit_session (w, &ride, FALSE);
  fit_session (w, &run, FALSE);
  bytes = fit_writer_finish (w, FALSE);
  data = g_bytes_get_data (bytes, &length);

  activities = patella_fit_read (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 2);
  g_assert_false (((PatellaActivity *) g_ptr_array_index (activities, 0))->is_run);
  second = g_ptr_array_index (activities, 1);
  g_assert_true (second->is_run);
  g_assert_cmpint (second->distance_m, ==, 8000);
  g_assert_cmpint (second->start_us, ==, instant ("2026-05-01T08:05:00Z"));
}

static GBytes *
concat (GBytes *a,
        GBytes *b,
        gsize   padding)
{
  GByteArray *out = g_byte_array_new ();
  static const guint8 zero = 0;

  g_byte_array_append (out, g_bytes_get_data (a, NULL), g_bytes_get_size (a));
  if (b != NULL)
    g_byte_array_append (out, g_bytes_get_data (b, NULL), g_bytes_get_size (b));
  for (gsize i = 0; i < padding; i++)
    g_byte_array_append (out, &zero, 1);
  return g_byte_array_free_to_bytes (out);
}

/* FIT files may be chained: one after the other in one file. */
static void
test_fit_chained (void)
{
  g_autoptr(GBytes) first = fit_make_run ("2026-03-10T06:30:00Z", 5000, 1800, 1, 0);
  g_autoptr(GBytes) second = fit_make_run ("2026-03-11T06:30:00Z", 7000, 2400, 1, 0);
  g_autoptr(GBytes) two = concat (first, second, 0);
  g_autoptr(GBytes) padded = concat (first, NULL, 7);
  g_autoptr(GBytes) settings = NULL;
  g_autoptr(GBytes) with_settings = NULL;
  g_autoptr(GBytes) bad_second = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const guint8 *data;
  FitWriter *w;

  data = g_bytes_get_data (two, &length);
  activities = patella_fit_read (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 2);
  g_assert_cmpint (((PatellaActivity *) g_ptr_array_index (activities, 1))->distance_m, ==, 7000);

  /* Padding after the last file is not an error. */
  data = g_bytes_get_data (padded, &length);
  one = patella_fit_read (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);

  /* A settings file after the activity adds nothing. */
  w = fit_writer_new ();
  fit_file_id (w, 2);
  settings = fit_writer_finish (w, FALSE);
  with_settings = concat (first, settings, 0);
  g_clear_pointer (&one, g_ptr_array_unref);
  data = g_bytes_get_data (with_settings, &length);
  one = patella_fit_read (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);

  /* A broken part breaks the whole file. */
  w = fit_writer_new ();
  fit_file_id (w, 4);
  bad_second = fit_writer_finish (w, TRUE);
  {
    g_autoptr(GBytes) chained = concat (first, bad_second, 0);

    refuse_fit (chained, 0, "checksum (CRC)");
  }
}

static void
test_fit_refused (void)
{
  g_autoptr(GBytes) good = fit_make_run ("2026-03-10T06:30:00Z", 5000, 1800, 1, 0);
  g_autoptr(GBytes) bad_crc = NULL;
  g_autoptr(GBytes) course = NULL;
  FitWriter *w;

  w = fit_writer_new ();
  fit_file_id (w, 4);
  bad_crc = fit_writer_finish (w, TRUE);
  refuse_fit (bad_crc, 0, "checksum (CRC)");

  /* Cut short: the header promises more than there is. */
  refuse_fit (good, 100, "truncated");
  refuse_fit (good, g_bytes_get_size (good) - 5, "not a FIT file");

  w = fit_writer_new ();
  fit_file_id (w, 6);
  course = fit_writer_finish (w, FALSE);
  refuse_fit (course, 0, "not an activity");

  {
    g_autoptr(GBytes) text = g_bytes_new_static ("<?xml version=\"1.0\"?><gpx/>", 27);

    refuse_fit (text, 0, "not a FIT file");
  }
}

static void
test_fit_corrupt_inside (void)
{
  /* A data message for a local type never defined, with a good CRC. */
  FitWriter *w = fit_writer_new ();
  g_autoptr(GBytes) bytes = NULL;

  fit_file_id (w, 4);
  fit_begin_data (w, 9, -1);
  fit_put (w, 0, 4, FALSE);
  bytes = fit_writer_finish (w, FALSE);
  refuse_fit (bytes, 0, "without a definition");

  /* A compressed timestamp before any full one. */
  {
    FitWriter *v = fit_writer_new ();
    g_autoptr(GBytes) early = NULL;

    fit_file_id (v, 4);
    fit_begin_data (v, 0, 3);
    fit_field (v, 0, 4, 1);
    fit_field (v, 0, 1, 2);
    early = fit_writer_finish (v, FALSE);
    refuse_fit (early, 0, "compressed timestamp");
  }
}

/* ------------------------------------------------------------------- TCX */

#define TCX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"" \
  " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n<Activities>\n"

static const char tcx_two_laps[] =
  "\xef\xbb\xbf \n" TCX_HEAD
  /* The Id is cut to the minute, as some exports do: the lap has the start. */
  "<Activity Sport=\"Running\"><Id>2026-03-10T06:30:00Z</Id>\n"
  "<Lap StartTime=\"2026-03-10T06:30:41.250Z\"><TotalTimeSeconds>1500.4</TotalTimeSeconds>"
  "<DistanceMeters>5003.2</DistanceMeters><Track>"
  "<Trackpoint><Time>2026-03-10T06:30:41Z</Time><AltitudeMeters>50</AltitudeMeters>"
  "<DistanceMeters>0</DistanceMeters><Extensions><ns3:TPX><ns3:RunCadence>84</ns3:RunCadence>"
  "</ns3:TPX></Extensions></Trackpoint>"
  "<Trackpoint><Time>2026-03-10T06:40:41Z</Time><AltitudeMeters>44.5</AltitudeMeters>"
  "<DistanceMeters>2000</DistanceMeters><Extensions><ns3:TPX><ns3:RunCadence>0</ns3:RunCadence>"
  "</ns3:TPX></Extensions></Trackpoint>"
  "</Track></Lap>\n"
  "<Lap StartTime=\"2026-03-10T06:55:42Z\"><TotalTimeSeconds>1499.8</TotalTimeSeconds>"
  "<DistanceMeters>4996.1</DistanceMeters><Track>"
  "<Trackpoint><Time>2026-03-10T07:00:00Z</Time><AltitudeMeters>47</AltitudeMeters>"
  "<Extensions><ns3:TPX><ns3:RunCadence>86</ns3:RunCadence></ns3:TPX></Extensions>"
  "</Trackpoint></Track></Lap>\n"
  "</Activity>\n"
  "<Activity Sport=\"Biking\"><Id>2026-03-11T10:00:00Z</Id>"
  "<Lap StartTime=\"2026-03-11T10:00:00Z\"><TotalTimeSeconds>3600</TotalTimeSeconds>"
  "<DistanceMeters>30000</DistanceMeters></Lap></Activity>\n"
  "</Activities></TrainingCenterDatabase>\n";

static GPtrArray *
read_tcx (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *activities = patella_tcx_read (text, strlen (text), &error);

  g_assert_no_error (error);
  return activities;
}

static void
refuse_xml (GPtrArray  *(*read) (const char *, gsize, GError **),
            const char  *text,
            const char  *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = read (text, strlen (text), &error);

  assert_refused (activities, error, strstr (message_part, "no ") == message_part, message_part);
}

static void
test_tcx_laps (void)
{
  g_autoptr(GPtrArray) activities = read_tcx (tcx_two_laps);
  PatellaActivity *run;
  PatellaActivity *ride;

  g_assert_cmpuint (activities->len, ==, 2);
  run = g_ptr_array_index (activities, 0);
  /* Cadence: (84 + 86) / 2 strides, the 0 left out, doubled. */
  assert_run (run, PATELLA_SOURCE_TCX, "2026-03-10T06:30:41.250Z", 9999, 3000, 170, 6);

  ride = g_ptr_array_index (activities, 1);
  g_assert_false (ride->is_run);
  g_assert_cmpstr (ride->sport, ==, "Biking");
}

static void
test_tcx_lap_cadence (void)
{
  /* A lap average beats the track points; laps weigh by their time. */
  g_autoptr(GPtrArray) activities = read_tcx (
    TCX_HEAD "<Activity Sport=\"Running\"><Id>x</Id>"
    "<Lap StartTime=\"2026-03-10T06:30:00Z\"><TotalTimeSeconds>600</TotalTimeSeconds>"
    "<DistanceMeters>2000</DistanceMeters><Extensions><ns3:LX><ns3:AvgRunCadence>80"
    "</ns3:AvgRunCadence></ns3:LX></Extensions></Lap>"
    "<Lap StartTime=\"2026-03-10T06:40:00Z\"><TotalTimeSeconds>1800</TotalTimeSeconds>"
    "<DistanceMeters>6000</DistanceMeters><Extensions><ns3:LX><ns3:AvgRunCadence>88"
    "</ns3:AvgRunCadence></ns3:LX></Extensions></Lap>"
    "</Activity></Activities></TrainingCenterDatabase>");
  PatellaActivity *run = g_ptr_array_index (activities, 0);

  g_assert_cmpint (run->cadence_spm, ==, 172);
  g_assert_cmpint (run->distance_m, ==, 8000);
  g_assert_false (run->has_descent);
}

static void
test_tcx_refused (void)
{
  refuse_xml (patella_tcx_read,
              "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n"
              "<TrainingCenterDatabase/>", "document type declaration");
  refuse_xml (patella_tcx_read, "<gpx/>", "not TCX");
  refuse_xml (patella_tcx_read, TCX_HEAD "</Activities></TrainingCenterDatabase>",
              "no activities");
  refuse_xml (patella_tcx_read, TCX_HEAD "<Activity Sport=\"Running\"><Lap StartTime=\"noon\">",
              "not a date and time");
  refuse_xml (patella_tcx_read, TCX_HEAD "<Activity Sport=\"Running\"><Lap><DistanceMeters>"
              "lots</DistanceMeters></Lap></Activity></Activities></TrainingCenterDatabase>",
              "not a number");
  refuse_xml (patella_tcx_read, TCX_HEAD "<Activity>", "not valid TCX");
  refuse_xml (patella_tcx_read, "", "empty");
}

/* ------------------------------------------------------------------- GPX */

#define GPX_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\"" \
  " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"

#define PT(lat, lon, time) "<trkpt lat=\"" lat "\" lon=\"" lon "\"><time>" time "</time></trkpt>\n"

static void
test_gpx_pauses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  PatellaActivity *run;
  /* Along the equator, 0.01° is 1111.95 m. The app wrote its pause as a
   * point at 999/999: that point and the way to it and back are not run. */
  static const char gpx[] =
    "  \n" GPX_HEAD
    "<trk><name>Pauses</name><trkseg>\n"
    PT ("0", "0", "2026-03-10T06:30:00.250Z")
    "<trkpt lat=\"0\" lon=\"0.01\"><ele>20</ele><time>2026-03-10T06:35:00.250Z</time>"
    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>80</gpxtpx:cad>"
    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
    PT ("999", "999", "2026-03-10T06:36:00Z")
    "<trkpt lat=\"0\" lon=\"0.5\"><ele>15</ele><time>2026-03-10T07:00:00Z</time>"
    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:cad>90</gpxtpx:cad>"
    "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
    PT ("0", "0.51", "2026-03-10T07:05:00.750Z")
    "</trkseg><trkseg>\n"
    PT ("0", "1", "2026-03-10T08:00:00Z")
    PT ("0", "1.01", "2026-03-10T08:05:00Z")
    "</trkseg></trk>\n"
    "<trk><type>cycling</type><trkseg>" PT ("1", "1", "2026-03-11T10:00:00Z") "</trkseg></trk>\n"
    "<trk><type>running</type><trkseg>" PT ("1", "1", "2026-03-12T10:00:00Z") "</trkseg></trk>\n"
    "</gpx>\n";

  tracks = patella_gpx_read (gpx, strlen (gpx), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 3);

  run = g_ptr_array_index (tracks, 0);
  /* Three pieces of 0.01° each, not the 1° there and back; 300 s + 300.75 s
   * + 300 s. */
  assert_run (run, PATELLA_SOURCE_GPX, "2026-03-10T06:30:00.250Z", 3336, 901, 170, 5);

  g_assert_false (((PatellaActivity *) g_ptr_array_index (tracks, 1))->is_run);
  g_assert_cmpstr (((PatellaActivity *) g_ptr_array_index (tracks, 1))->sport, ==, "cycling");
  g_assert_true (((PatellaActivity *) g_ptr_array_index (tracks, 2))->is_run);
}

static void
test_gpx_out_of_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tracks = NULL;
  PatellaActivity *run;
  /* Sports Tracker writes points up to a few minutes out of order. */
  static const char gpx[] =
    GPX_HEAD "<trk><trkseg>\n"
    PT ("0", "0", "2026-03-10T06:30:03Z")
    PT ("0", "0.001", "2026-03-10T06:30:00Z")
    PT ("0", "0.002", "2026-03-10T06:40:00Z")
    PT ("0", "0.003", "2026-03-10T06:36:00Z")
    PT ("0", "0.004", "2026-03-10T06:45:00Z")
    "</trkseg></trk></gpx>\n";

  tracks = patella_gpx_read (gpx, strlen (gpx), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tracks->len, ==, 1);
  run = g_ptr_array_index (tracks, 0);
  g_assert_null (run->problem);
  g_assert_cmpint (run->start_us, ==, instant ("2026-03-10T06:30:00Z"));
  g_assert_cmpint (run->duration_s, ==, 900);
  g_assert_cmpint (run->distance_m, ==, 445);
}

static void
test_gpx_refused (void)
{
  refuse_xml (patella_gpx_read,
              "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
              "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<gpx><trk><name>&lol2;</name></trk></gpx>",
              "document type declaration");
  refuse_xml (patella_gpx_read, GPX_HEAD "<trk><name>&lol;</name></trk></gpx>", "not valid GPX");
  refuse_xml (patella_gpx_read, GPX_HEAD "<trk><trkseg><trkpt lat=\"1\" lon=\"1\"><time>"
              "yesterday</time></trkpt></trkseg></trk></gpx>", "is not a date and time");
  refuse_xml (patella_gpx_read, GPX_HEAD "</gpx>", "no tracks");
  refuse_xml (patella_gpx_read, "<html><body/></html>", "not GPX");
  refuse_xml (patella_gpx_read, "<gpx><trk><trk></trk></trk></gpx>", "inside another track");
}

static void
test_day_around_midnight (void)
{
  /* The local day in the importing time zone (the tests run in Berlin). */
  static const struct { const char *start; const char *day; } cases[] = {
    { "2026-03-10T22:59:59Z", "2026-03-10" },   /* 23:59:59 CET */
    { "2026-03-10T23:00:00Z", "2026-03-11" },   /* 00:00 CET */
    { "2026-07-10T21:59:00Z", "2026-07-10" },   /* 23:59 CEST */
    { "2026-07-10T22:00:00Z", "2026-07-11" },   /* 00:00 CEST */
    { "2026-03-10T23:30:00+01:00", "2026-03-10" },
    { "2026-03-11T00:30:00+01:00", "2026-03-11" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tcx = g_strdup_printf (TCX_HEAD "<Activity Sport=\"Running\"><Lap "
                                              "StartTime=\"%s\"><DistanceMeters>5000"
                                              "</DistanceMeters></Lap></Activity></Activities>"
                                              "</TrainingCenterDatabase>", cases[i].start);
      g_autoptr(GPtrArray) activities = read_tcx (tcx);
      g_autofree char *day = patella_activity_get_day (g_ptr_array_index (activities, 0));

      g_assert_cmpstr (day, ==, cases[i].day);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity/fit/crc", test_fit_crc);
  g_test_add_func ("/activity/fit/session", test_fit_session);
  g_test_add_func ("/activity/fit/big-endian", test_fit_big_endian);
  g_test_add_func ("/activity/fit/clock-not-set", test_fit_clock_not_set);
  g_test_add_func ("/activity/fit/treadmill", test_fit_treadmill);
  g_test_add_func ("/activity/fit/cycling", test_fit_cycling);
  g_test_add_func ("/activity/fit/records-only", test_fit_records_only);
  g_test_add_func ("/activity/fit/multisport", test_fit_multisport);
  g_test_add_func ("/activity/fit/chained", test_fit_chained);
  g_test_add_func ("/activity/fit/refused", test_fit_refused);
  g_test_add_func ("/activity/fit/corrupt-inside", test_fit_corrupt_inside);
  g_test_add_func ("/activity/tcx/laps", test_tcx_laps);
  g_test_add_func ("/activity/tcx/lap-cadence", test_tcx_lap_cadence);
  g_test_add_func ("/activity/tcx/refused", test_tcx_refused);
  g_test_add_func ("/activity/gpx/pauses", test_gpx_pauses);
  g_test_add_func ("/activity/gpx/out-of-order", test_gpx_out_of_order);
  g_test_add_func ("/activity/gpx/refused", test_gpx_refused);
  g_test_add_func ("/activity/day-around-midnight", test_day_around_midnight);

  return g_test_run ();
}
