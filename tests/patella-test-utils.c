/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-test"

#include "config.h"

#include "patella-test-utils.h"

char *
patella_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("patella-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
patella_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        patella_test_remove_dir (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

char *
patella_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The same bytes every run: a seeded generator. */
void
patella_test_write_random_file (const char *path,
                                gsize       size)
{
  g_autofree guchar *bytes = g_malloc (size);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  for (gsize i = 0; i < size; i++)
    bytes[i] = (guchar) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  g_file_set_contents (path, (const char *) bytes, size, &error);
  g_assert_no_error (error);
}

void
patella_test_assert_enum_property (gpointer    object,
                                   const char *property,
                                   GType       enum_type,
                                   int         value,
                                   const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  int state = -1;

  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == enum_type);
  g_object_get (object, property, &state, NULL);
  g_assert_cmpint (state, ==, value);
  g_assert_cmpstr (g_enum_get_value (klass, state)->value_nick, ==, nick);
}
