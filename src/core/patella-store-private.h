/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* SQLite's types for src/core only: the models prepare, bind and step
 * through the store's statement cache. Nothing outside src/core includes
 * this header but the tests of the store itself. */

#include <sqlite3.h>

#include "patella-store.h"

G_BEGIN_DECLS

/* A prepared statement owned by the store's cache: release, never finalize. */
typedef sqlite3_stmt PatellaStmt;

PatellaStmt  *patella_store_prepare           (PatellaStore  *self,
                                               const char    *sql,
                                               GError       **error);
gboolean      patella_store_step_done         (PatellaStore  *self,
                                               PatellaStmt   *stmt,
                                               GError       **error);
int           patella_store_step              (PatellaStore  *self,
                                               PatellaStmt   *stmt,
                                               GError       **error);
sqlite3      *patella_store_get_db            (PatellaStore  *self);
gboolean      patella_store_set_error         (PatellaStore  *self,
                                               int            rc,
                                               GError       **error);

gboolean      patella_store_exec_id           (PatellaStore  *self,
                                               const char    *sql,
                                               gint64         id,
                                               GError       **error);
gboolean      patella_store_step_row          (PatellaStore  *self,
                                               PatellaStmt   *stmt,
                                               const char    *missing,
                                               GError       **error);

/* Makes one element of a list from the statement's current row. */
typedef gpointer (*PatellaRowFunc) (PatellaStmt *stmt);

GPtrArray    *patella_store_collect           (PatellaStore   *self,
                                               PatellaStmt    *stmt,
                                               PatellaRowFunc  from_row,
                                               GDestroyNotify  free_func,
                                               GError        **error);

void          patella_stmt_release            (PatellaStmt   *stmt);
char         *patella_stmt_dup_text           (PatellaStmt   *stmt,
                                               int            column);
void          patella_stmt_bind_optional      (PatellaStmt   *stmt,
                                               int            index,
                                               gint64         value,
                                               gint64         none);
void          patella_stmt_bind_optional_text (PatellaStmt   *stmt,
                                               int            index,
                                               const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaStmt, patella_stmt_release)

G_END_DECLS
