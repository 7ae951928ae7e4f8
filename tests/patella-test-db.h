/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A database file seen by another program: a connection of its own, opened
 * and closed for each call, never Patella's store. */

#include <glib.h>

G_BEGIN_DECLS

char   *patella_test_dump_db          (const char *path);
/* The file holds what patella_test_dump_db() gave @before. */
void    patella_test_assert_db_unchanged (const char *path,
                                          const char *before);
void    patella_test_db_dump_query    (const char *path,
                                       const char *sql,
                                       GString    *out);
void    patella_test_db_exec          (const char *path,
                                       const char *sql);
gint64  patella_test_db_query_int     (const char *path,
                                       const char *sql);
char   *patella_test_db_query_text    (const char *path,
                                       const char *sql,
                                       const char *arg);

G_END_DECLS
