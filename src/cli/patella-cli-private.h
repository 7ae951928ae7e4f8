/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "patella-context.h"
#include "patella-journal.h"
#include "patella-notifier.h"
#include "patella-status.h"
#include "patella-store.h"
#include "patella-units.h"

G_BEGIN_DECLS

#define PATELLA_CLI_OK      0
#define PATELLA_CLI_REFUSED 1
#define PATELLA_CLI_USAGE   2

typedef enum
{
  PATELLA_CLI_FORMAT_TEXT,
  PATELLA_CLI_FORMAT_CSV,
  PATELLA_CLI_FORMAT_JSON,
} PatellaCliFormat;

typedef struct
{
  char                *db_path;     /* from --db, or NULL for the default */
  PatellaContext      *context;     /* its store opened, its notifier made on first use */
  PatellaDistanceUnit  unit;
} PatellaCliContext;

typedef int (*PatellaCliRunFunc) (PatellaCliContext  *ctx,
                                  int                 argc,
                                  char              **argv);

typedef struct
{
  const char        *name;
  const char        *summary;   /* translatable, marked with N_() */
  PatellaCliRunFunc  run;
} PatellaCliCommand;

/* One entry per top-level command; the feature files add theirs. */
int  patella_cli_status_run  (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_journal_run (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_shoe_run    (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_run_run     (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_ice_run     (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_export_run  (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_import_run  (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_backup_run  (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_restore_run (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_insights_run (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_report_run  (PatellaCliContext *ctx, int argc, char **argv);
int  patella_cli_plan_run    (PatellaCliContext *ctx, int argc, char **argv);

PatellaStore    *patella_cli_get_store    (PatellaCliContext  *ctx,
                                           GError            **error);
PatellaNotifier *patella_cli_get_notifier (PatellaCliContext  *ctx);

int   patella_cli_fail          (GError            *error);
int   patella_cli_refuse        (const char        *format,
                                 ...) G_GNUC_PRINTF (1, 2);
int   patella_cli_usage_error   (const char        *command,
                                 const char        *format,
                                 ...) G_GNUC_PRINTF (2, 3);
int   patella_cli_parse_options (const char        *command,
                                 const char        *parameter_string,
                                 const char        *summary,
                                 GOptionEntry      *entries,
                                 int               *argc,
                                 char            ***argv);
int   patella_cli_parse_format  (const char        *command,
                                 const char        *text,
                                 gboolean           allow_csv,
                                 PatellaCliFormat  *format);
int   patella_cli_open_for_format (PatellaCliContext  *ctx,
                                   const char         *command,
                                   const char         *summary,
                                   int                *argc,
                                   char             ***argv,
                                   PatellaCliFormat   *format,
                                   PatellaStore      **store);
GOptionEntry patella_cli_date_entry (char        **date_text);
int          patella_cli_open_day   (PatellaCliContext  *ctx,
                                     const char         *date_text,
                                     char              **day,
                                     PatellaStore      **store);
void  patella_cli_print_json    (JsonNode          *node);
void  patella_cli_add_shoe_json (JsonBuilder       *builder,
                                 const PatellaShoeSummary *shoe);
char *patella_cli_csv_field     (const char        *text);
void  patella_cli_add_journal_json     (JsonBuilder         *builder,
                                        PatellaJournalEntry *entry);
char *patella_cli_format_journal_pains (PatellaJournalEntry *entry);
char *patella_cli_format_advice        (const char          *urgency,
                                        const char          *text);
const char *patella_cli_evidence_label (const char          *evidence);

G_END_DECLS
