/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One database, many programs: first use in parallel, files that can only be
 * read, and what each says when it cannot write. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "patella-test-cli.h"
#include "patella-test-db.h"

typedef PatellaCliFixture Fixture;

static GSubprocess *
spawn_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (char *) g_getenv ("PATELLA_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  return process;
}

/* Six commands started together on a database that does not exist yet: all
 * of them succeed, and everything they wrote is there. */
static void
test_first_use_in_parallel (Fixture       *fixture,
                            gconstpointer  data)
{
  for (guint round = 0; round < 8; round++)
    {
      g_autofree char *db = g_strdup_printf ("%s/parallel-%u.db", fixture->dir, round);
      GSubprocess *processes[6];
      const char *commands[6][8] = {
        { "--db", db, "journal", "add", "--date", "2026-11-01", "--pain", "2" },
        { "--db", db, "journal", "add", "--date", "2026-11-02", "--pain", "3" },
        { "--db", db, "shoe", "add", "Road pair", NULL },
        { "--db", db, "shoe", "add", "Trail pair", NULL },
        { "--db", db, "ice", "log", "--minutes", "15", NULL },
        { "--db", db, "status", NULL },
      };

      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          const char *args[9] = { NULL };

          memcpy (args, commands[i], sizeof commands[i]);
          processes[i] = spawn_cli (args);
        }

      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *err = NULL;

          g_subprocess_communicate_utf8 (processes[i], NULL, NULL, NULL, &err, &error);
          g_assert_no_error (error);
          if (g_subprocess_get_exit_status (processes[i]) != 0)
            g_error ("command %u of round %u failed: %s", i, round, err);
          g_object_unref (processes[i]);
        }

      g_assert_cmpint (patella_test_db_query_int (db, "SELECT count(*) FROM journal_entry;"), ==, 2);
      g_assert_cmpint (patella_test_db_query_int (db, "SELECT count(*) FROM shoe;"), ==, 2);
      g_assert_cmpint (patella_test_db_query_int (db, "SELECT count(*) FROM session;"), ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) patella_cli_test_add ("/many-writers/" name, (func))

  ADD ("first-use-in-parallel", test_first_use_in_parallel);

  return g_test_run ();
}
