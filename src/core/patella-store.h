/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "patella-clock.h"

G_BEGIN_DECLS

/* "PaTl": written to the header so that a Patella file can be told from others. */
#define PATELLA_APPLICATION_ID 0x5061546c
#define PATELLA_SCHEMA_VERSION 6

#define PATELLA_TYPE_STORE (patella_store_get_type ())

G_DECLARE_FINAL_TYPE (PatellaStore, patella_store, PATELLA, STORE, GObject)

char         *patella_store_get_default_path  (void);
PatellaStore *patella_store_open              (const char    *path,
                                               PatellaClock  *clock,
                                               GError       **error);
const char   *patella_store_get_path          (PatellaStore  *self);
PatellaClock *patella_store_get_clock         (PatellaStore  *self);
gboolean      patella_store_is_read_only      (PatellaStore  *self);
const GError *patella_store_get_read_only_reason (PatellaStore *self);
int           patella_store_get_schema_version (PatellaStore *self);
gboolean      patella_store_upgrade           (PatellaStore  *self,
                                               GError       **error);
gboolean      patella_store_check_writable    (PatellaStore  *self,
                                               GError       **error);

/* Plain SQL without results or parameters, and one number: for core and
 * for tests; views ask the models. */
gboolean      patella_store_exec              (PatellaStore  *self,
                                               const char    *sql,
                                               GError       **error);
gint64        patella_store_query_int         (PatellaStore  *self,
                                               const char    *sql,
                                               gint64         fallback);
gint64        patella_store_find_id           (PatellaStore  *self,
                                               const char    *sql,
                                               const char    *text,
                                               GError       **error);
gint64        patella_store_find_same         (PatellaStore  *self,
                                               const char    *uuid_sql,
                                               const char    *uuid,
                                               const char    *key_sql,
                                               const char    *key,
                                               gboolean      *same,
                                               GError       **error);

/* A write transaction that rolls back unless committed: declare it with
 * g_autoptr before the statements it covers, and every early return undoes
 * the work. */
typedef struct _PatellaTransaction PatellaTransaction;

PatellaTransaction *patella_store_transaction (PatellaStore        *self,
                                               GError             **error);
gboolean      patella_transaction_commit      (PatellaTransaction  *tx,
                                               GError             **error);
void          patella_transaction_free        (PatellaTransaction  *tx);

void          patella_store_emit_changed      (PatellaStore  *self,
                                               const char    *what);
void          patella_store_emit_all_changed  (PatellaStore  *self);
void          patella_store_watch             (PatellaStore  *self);
gboolean      patella_store_check_external    (PatellaStore  *self);
void          patella_store_set_busy_timeout  (PatellaStore  *self,
                                               guint          ms);
guint         patella_store_get_busy_timeout  (PatellaStore  *self);

gboolean      patella_store_move_aside        (const char    *path,
                                               PatellaClock  *clock,
                                               char         **new_path,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PatellaTransaction, patella_transaction_free)

G_END_DECLS
