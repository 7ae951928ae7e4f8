/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "patella-guidance.h"

/* The numbers the app acts on are all on the Guidance page, each with how
 * strong its evidence is and a source. */
static void
test_every_number_has_a_source (void)
{
  static const char *numbers[] = {
    "15–20 minutes", "3–4 sessions", "cloth", "0–2", "3–5", "above 5", "two weeks",
    "2–4 weeks", "4–8 weeks", "6–12 weeks", "5–8 years", "10%", "30%", "110%", "170–180",
    "5–10%", "5 minutes", "300–500 miles", "3 times a week", "6 weeks", "above 5/10",
    "at most 2/10",
  };
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) year = g_regex_new ("(19|20)[0-9][0-9]", 0, 0, NULL);
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
          g_assert_nonnull (patella_evidence_get_id (item->evidence));
          g_assert_nonnull (patella_evidence_get_label (item->evidence));
          /* A guideline or a study is named with its year. */
          if (item->evidence != PATELLA_EVIDENCE_COMMON_ADVICE)
            {
              g_test_message ("%s: %s", item->id, item->source);
              g_assert_true (g_regex_match (year, item->source, 0, NULL));
            }
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

/* What helps most first, then the pain rules, when to see a clinician,
 * icing, load, shoes, exercise and recovery time. */
static void
test_order_and_strength (void)
{
  static const char *order[] = {
    "helps", "pain", "clinician", "icing", "load", "shoes", "exercise", "recovery",
  };
  const PatellaGuidanceSection *sections;
  guint n_sections;
  GDate reviewed;

  sections = patella_guidance_get_sections (&n_sections);
  g_assert_cmpuint (n_sections, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < n_sections; i++)
    g_assert_cmpstr (sections[i].id, ==, order[i]);

  /* Exercise is named first; icing is comfort, not a treatment. */
  g_assert_cmpstr (sections[0].items[0].id, ==, "helps-exercise");
  g_assert_cmpint (sections[0].items[0].evidence, ==, PATELLA_EVIDENCE_GUIDELINE);
  g_assert_nonnull (strstr (patella_guidance_lookup ("ice-role")->title, "not a treatment"));
  g_assert_cmpint (patella_guidance_lookup ("ice-length")->evidence, ==,
                   PATELLA_EVIDENCE_COMMON_ADVICE);

  /* As strong as the source, no stronger. */
  g_assert_nonnull (strstr (patella_guidance_lookup ("load-30")->text, "may raise the risk"));
  g_assert_nonnull (strstr (patella_guidance_lookup ("load-30")->text, "not statistically conclusive"));
  g_assert_nonnull (strstr (patella_guidance_lookup ("load-single")->source, "Frandsen"));
  g_assert_nonnull (strstr (patella_guidance_lookup ("load-cadence")->source, "Heiderscheit"));
  g_assert_cmpint (patella_guidance_lookup ("shoe-range")->evidence, ==,
                   PATELLA_EVIDENCE_COMMON_ADVICE);
  g_assert_nonnull (strstr (patella_guidance_lookup ("helps-taping")->title, "uncertain"));
  g_assert_nonnull (strstr (patella_guidance_lookup ("helps-gait")->title, "may"));
  g_assert_cmpint (patella_guidance_lookup ("exercise-doses")->evidence, ==,
                   PATELLA_EVIDENCE_COMMON_ADVICE);
  g_assert_cmpint (patella_guidance_lookup ("recovery-guides")->evidence, ==,
                   PATELLA_EVIDENCE_COMMON_ADVICE);
  g_assert_nonnull (strstr (patella_guidance_lookup ("recovery-studies")->source, "Lankhorst"));

  g_date_clear (&reviewed, 1);
  g_date_set_parse (&reviewed, patella_guidance_get_last_reviewed ());
  g_assert_true (g_date_valid (&reviewed));
  g_assert_cmpint (g_date_get_year (&reviewed), >=, 2026);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guidance/every-number-has-a-source", test_every_number_has_a_source);
  g_test_add_func ("/guidance/order-and-strength", test_order_and_strength);

  return g_test_run ();
}
