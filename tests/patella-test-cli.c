/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "patella-test-cli.h"

void
patella_cli_result_clear (PatellaCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/* A folder of its own and the path of a database not yet made in it. */
void
patella_cli_fixture_set_up (PatellaCliFixture *fixture,
                            gconstpointer      data)
{
  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
}

void
patella_cli_fixture_tear_down (PatellaCliFixture *fixture,
                               gconstpointer      data)
{
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/**
 * patella_test_run_argv:
 * @envs: (nullable): name, value pairs, %NULL-terminated, set on top of
 *   the test's environment; a %NULL value unsets the name
 * @argv: the program (looked up in PATH) and its arguments
 *
 * Runs a program to its end with nothing on its standard input and
 * PATELLA_DB unset unless @envs sets it. It must exit, not be killed.
 */
void
patella_test_run_argv (PatellaCliResult   *result,
                       const char * const *envs,
                       const char * const *argv)
{
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "PATELLA_DB");
  g_autoptr(GError) error = NULL;
  int wait_status;

  for (guint i = 0; envs != NULL && envs[i] != NULL; i += 2)
    envp = envs[i + 1] != NULL ? g_environ_setenv (envp, envs[i], envs[i + 1], TRUE)
                               : g_environ_unsetenv (envp, envs[i]);

  patella_cli_result_clear (result);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL,
                NULL, NULL, &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

/* patella-cli with @args and the environment @envs (see patella_test_run_argv()). */
void
patella_test_run_cli_env (PatellaCliResult   *result,
                          const char * const *envs,
                          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("PATELLA_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  patella_test_run_argv (result, envs, (const char * const *) argv->pdata);
}

/* patella-cli with @args (%NULL-terminated), PATELLA_DB set to @env_db, or
 * unset when it is %NULL. */
void
patella_test_run_cli_argv (PatellaCliResult   *result,
                           const char         *env_db,
                           const char * const *args)
{
  const char *envs[] = { "PATELLA_DB", env_db, NULL };

  patella_test_run_cli_env (result, envs, args);
}

/* Parses what --format json printed; it must be one valid document. */
JsonNode *
patella_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* patella-cli refused: exit status 1, nothing on standard output, one line
 * of error that names the program and contains @needle (when not %NULL). */
void
patella_test_assert_refused (const PatellaCliResult *result,
                             const char             *needle)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "patella-cli: "));
  g_assert_cmpstr (strchr (result->err, '\n'), ==, "\n");
  if (needle != NULL && strstr (result->err, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, result->err);
}
