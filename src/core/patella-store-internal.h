/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The store's own parts: opening and migrating (patella-store.c),
 * statements and transactions (patella-store-sql.c), following other
 * programs and moving a damaged file aside (patella-store-watch.c). No
 * other file includes this. */

#include <gio/gio.h>
#include <sys/types.h>

#include "patella-store-private.h"

G_BEGIN_DECLS

struct _PatellaStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  PatellaClock *clock;
  GHashTable   *statements;
  GError       *read_only_reason;
  guint         depth;
  int           schema_version;
  guint         busy_timeout_ms;

  /* Watching for other programs' commits (patella_store_watch()). */
  GFileMonitor *monitor;
  guint         check_source;
  gint64        data_version;
  dev_t         device;
  ino_t         inode;
};

gboolean  patella_store_open_file         (PatellaStore  *self,
                                          GError       **error);
void      patella_store_close_database    (PatellaStore  *self);
void      patella_store_remember_file     (PatellaStore  *self);
void      patella_store_emit_reopened     (PatellaStore  *self);
gboolean  patella_store_query_int_checked (PatellaStore  *self,
                                          const char    *sql,
                                          gint64        *value,
                                          GError       **error);
gboolean  patella_store_file_was_replaced (PatellaStore  *self);
void      patella_store_reopen            (PatellaStore  *self);

G_END_DECLS
