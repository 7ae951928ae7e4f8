/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-guidance.h"

/* The numbers the app acts on are all on the Guidance page, with a source. */
static void
test_every_number_has_a_source (void)
{
  static const char *numbers[] = {
    "15–20 minutes", "3–4 sessions", "cloth", "0–2", "3–5", "above 5", "two weeks",
    "2–4 weeks", "4–8 weeks", "10%", "30%", "110%", "170–180", "5 minutes",
    "300–500 miles", "3–4 times a week",
  };
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const PatellaGuidanceSection *sections;
  guint n_sections;

  sections = patella_guidance_get_sections (&n_sections);
  g_assert_cmpuint (n_sections, >=, 5);

  for (guint i = 0; i < n_sections; i++)
    {
      g_assert_cmpuint (sections[i].n_items, >, 0);
      for (guint j = 0; j < sections[i].n_items; j++)
        {
          const PatellaGuidanceItem *item = &sections[i].items[j];

          g_assert_true (g_hash_table_add (ids, (gpointer) item->id));
          g_assert_cmpuint (strlen (item->title), >, 0);
          g_assert_cmpuint (strlen (item->text), >, 0);
          g_assert_cmpuint (strlen (item->source), >, 0);
          g_assert_true (patella_guidance_lookup (item->id) == item);
          g_string_append_printf (all, "%s %s\n", item->title, item->text);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_test_message ("looking for %s", numbers[i]);
      g_assert_nonnull (strstr (all->str, numbers[i]));
    }

  g_assert_null (patella_guidance_lookup ("no-such-item"));
  g_assert_nonnull (strstr (patella_guidance_get_disclaimer (), "clinician"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guidance/every-number-has-a-source", test_every_number_has_a_source);

  return g_test_run ();
}
