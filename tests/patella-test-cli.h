/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Runs the built patella-cli ($PATELLA_CLI, set by tests/meson.build) the way
 * a user would, and keeps what it printed and its exit status. */

#include <glib.h>
#include <json-glib/json-glib.h>
#include <sys/wait.h>

#include "patella-test-utils.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *db;
} PatellaCliFixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} PatellaCliResult;

static inline void
patella_cli_result_clear (PatellaCliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PatellaCliResult, patella_cli_result_clear)

static inline void
patella_cli_fixture_set_up (PatellaCliFixture *fixture,
                            gconstpointer      data)
{
  fixture->dir = patella_test_make_dir ();
  fixture->db = g_build_filename (fixture->dir, "patella.db", NULL);
}

static inline void
patella_cli_fixture_tear_down (PatellaCliFixture *fixture,
                               gconstpointer      data)
{
  patella_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs patella-cli with @args (NULL-terminated), PATELLA_DB set to @env_db,
 * or unset when it is %NULL. */
static inline void
patella_test_run_cli_argv (PatellaCliResult   *result,
                           const char         *env_db,
                           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("PATELLA_CLI");
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (env_db != NULL)
    envp = g_environ_setenv (envp, "PATELLA_DB", env_db, TRUE);
  else
    envp = g_environ_unsetenv (envp, "PATELLA_DB");

  patella_cli_result_clear (result);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

/* patella_test_run_cli (&result, env_db, "status", "--format", "json", NULL) */
#define patella_test_run_cli(result, env_db, ...) \
  patella_test_run_cli_argv ((result), (env_db), (const char *[]) { __VA_ARGS__, NULL })

/* The same with `--db DB` first, and PATELLA_DB unset. */
#define patella_test_run_cli_db(result, db, ...) \
  patella_test_run_cli_argv ((result), NULL, (const char *[]) { "--db", (db), __VA_ARGS__, NULL })

/* Parses what --format json printed; it must be one valid document. */
static inline JsonNode *
patella_test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

G_END_DECLS
