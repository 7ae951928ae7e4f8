/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Runs the built patella-cli ($PATELLA_CLI, set by tests/meson.build), or
 * any other program, the way a user would, and keeps what it printed and
 * its exit status. */

#include <glib.h>
#include <json-glib/json-glib.h>

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

void      patella_cli_result_clear      (PatellaCliResult   *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PatellaCliResult, patella_cli_result_clear)

/* patella_cli_test_add ("/x/y", test_y): test_y on a PatellaCliFixture. */
#define patella_cli_test_add(path, func) \
  g_test_add ((path), PatellaCliFixture, NULL, patella_cli_fixture_set_up, (func), \
              patella_cli_fixture_tear_down)

void      patella_cli_fixture_set_up    (PatellaCliFixture  *fixture,
                                         gconstpointer       data);
void      patella_cli_fixture_tear_down (PatellaCliFixture  *fixture,
                                         gconstpointer       data);

void      patella_test_run_argv         (PatellaCliResult   *result,
                                         const char * const *envs,
                                         const char * const *argv);
void      patella_test_run_cli_argv     (PatellaCliResult   *result,
                                         const char         *env_db,
                                         const char * const *args);
void      patella_test_run_cli_env      (PatellaCliResult   *result,
                                         const char * const *envs,
                                         const char * const *args);

/* patella_test_run_cli (&result, env_db, "status", "--format", "json", NULL) */
#define patella_test_run_cli(result, env_db, ...) \
  patella_test_run_cli_argv ((result), (env_db), (const char *[]) { __VA_ARGS__, NULL })

/* The same with `--db DB` first, and PATELLA_DB unset. */
#define patella_test_run_cli_db(result, db, ...) \
  patella_test_run_cli_argv ((result), NULL, (const char *[]) { "--db", (db), __VA_ARGS__, NULL })

JsonNode *patella_test_parse_json       (const char         *text);
void      patella_test_assert_refused   (const PatellaCliResult *result,
                                         const char             *needle);

G_END_DECLS
