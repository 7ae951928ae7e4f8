/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes runs one transaction at a time, forever, and prints the number of
 * each one after its commit returned: test-crash kills it at random. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "patella-store-private.h"
#include "patella-store.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PatellaStore) store = NULL;
  gint64 n;

  if (argc != 3)
    return 2;

  n = g_ascii_strtoll (argv[2], NULL, 10);
  store = patella_store_open (argv[1], NULL, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (;; n++)
    {
      g_autoptr(PatellaTransaction) tx = NULL;
      g_autoptr(PatellaStmt) stmt = NULL;

      tx = patella_store_transaction (store, &error);
      if (tx == NULL)
        break;
      stmt = patella_store_prepare (store,
                                    "INSERT INTO run (day, distance_m, note, created_us)"
                                    " VALUES ('2026-03-14', 5000, 'crash test write', ?1);",
                                    &error);
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, n);
      if (!patella_store_step_done (store, stmt, &error) || !patella_transaction_commit (tx, &error))
        break;
      g_clear_pointer (&stmt, patella_stmt_release);

      printf ("%" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }

  g_printerr ("%s\n", error->message);
  return 1;
}
