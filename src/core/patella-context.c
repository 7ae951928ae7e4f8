/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "patella-context"

#include "config.h"

#include "patella-context.h"
#include "patella-reminders.h"
#include "patella-report.h"


struct _PatellaContext
{
  GObject                 parent_instance;

  PatellaClock           *clock;
  GSettings              *settings;
  PatellaNotifier        *notifier;

  PatellaStore           *store;
  GError                 *store_error;

  gboolean                run_services;
  PatellaTimer           *ice_timer;
  PatellaWalkRun         *walk_run;
  PatellaReminderService *reminders;
  PatellaCheckInService  *check_in;
  PatellaImportFolder    *import_folder;
};

G_DEFINE_FINAL_TYPE (PatellaContext, patella_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_SETTINGS,
  PROP_NOTIFIER,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SERVICES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The unit is read by core code that formats distances (notifications,
 * import summaries) without a context at hand: the context keeps the
 * process-wide preference in step with the setting. */
static void
distance_unit_changed_cb (PatellaContext *self)
{
  g_autofree char *setting = g_settings_get_string (self->settings, "distance-unit");

  patella_unit_set_preferred (patella_unit_from_setting (setting));
}

static void
stop_services (PatellaContext *self)
{
  g_clear_object (&self->reminders);
  g_clear_object (&self->check_in);
  g_clear_object (&self->import_folder);
}

/* The services that remind, check in and import in the background live as
 * long as a store they can write to. */
static void
start_services (PatellaContext *self)
{
  stop_services (self);

  if (!self->run_services || self->store == NULL || patella_store_is_read_only (self->store))
    {
      g_signal_emit (self, signals[SERVICES_CHANGED], 0);
      return;
    }

  self->import_folder = patella_import_folder_new (self->store, self->notifier, self->settings);
  self->reminders = patella_reminder_service_new (self->store, self->notifier, self->settings);
  self->check_in = patella_check_in_service_new (self->store, self->notifier, self->settings);
  g_signal_emit (self, signals[SERVICES_CHANGED], 0);
}

static void
start_timers (PatellaContext *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->ice_timer);
  g_clear_object (&self->walk_run);

  if (!self->run_services || self->store == NULL)
    return;

  self->ice_timer = patella_timer_new (self->store, self->notifier);
  patella_timer_set_auto_tick (self->ice_timer, TRUE);

  self->walk_run = patella_walk_run_new (self->store, self->notifier);
  if (!patella_walk_run_restore (self->walk_run, &error))
    g_message ("Could not restore the walk/run session: %s", error->message);
  patella_walk_run_set_auto_tick (self->walk_run, TRUE);
}

static void
replace_store (PatellaContext *self,
               PatellaStore   *store)
{
  stop_services (self);
  g_clear_object (&self->ice_timer);
  g_clear_object (&self->walk_run);
  g_set_object (&self->store, store);
  start_timers (self);
  start_services (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
patella_context_dispose (GObject *object)
{
  PatellaContext *self = PATELLA_CONTEXT (object);

  stop_services (self);
  g_clear_object (&self->ice_timer);
  g_clear_object (&self->walk_run);
  g_clear_object (&self->store);
  g_clear_object (&self->notifier);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (patella_context_parent_class)->dispose (object);
}

static void
patella_context_finalize (GObject *object)
{
  PatellaContext *self = PATELLA_CONTEXT (object);

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (patella_context_parent_class)->finalize (object);
}

static void
patella_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PatellaContext *self = PATELLA_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_NOTIFIER:
      g_value_set_object (value, self->notifier);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PatellaContext *self = PATELLA_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      if (self->clock == NULL)
        self->clock = g_object_ref (patella_clock_get_default ());
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      if (self->settings != NULL)
        {
          g_signal_connect_object (self->settings, "changed::distance-unit",
                                   G_CALLBACK (distance_unit_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          distance_unit_changed_cb (self);
        }
      break;

    case PROP_NOTIFIER:
      patella_context_set_notifier (self, g_value_get_object (value));
      break;

    case PROP_STORE:
      patella_context_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
patella_context_class_init (PatellaContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = patella_context_dispose;
  object_class->finalize = patella_context_finalize;
  object_class->get_property = patella_context_get_property;
  object_class->set_property = patella_context_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, PATELLA_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PatellaContext:settings: (nullable)
   *
   * Patella's settings; %NULL where the schema is not installed, and then
   * every setting has its default.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NOTIFIER] =
    g_param_spec_object ("notifier", NULL, NULL, PATELLA_TYPE_NOTIFIER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PatellaContext:store: (nullable)
   *
   * The open database; %NULL when it could not be opened. When it is
   * replaced, the timers and services are replaced with it before this
   * property notifies.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PATELLA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PatellaContext::services-changed:
   *
   * The reminder, check-in and import-folder services were replaced (a new
   * store, a new notifier) or stopped.
   */
  signals[SERVICES_CHANGED] =
    g_signal_new ("services-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
patella_context_init (PatellaContext *self)
{
}

/**
 * patella_context_new:
 * @clock: (nullable): the clock, or %NULL for the system's
 * @settings: (nullable): the settings (see patella_context_load_settings())
 * @notifier: (nullable): where notifications go
 */
PatellaContext *
patella_context_new (PatellaClock    *clock,
                     GSettings       *settings,
                     PatellaNotifier *notifier)
{
  return g_object_new (PATELLA_TYPE_CONTEXT,
                       "clock", clock,
                       "settings", settings,
                       "notifier", notifier,
                       NULL);
}

/**
 * patella_context_load_settings:
 *
 * The one place Patella's GSettings is made.
 *
 * Returns: (transfer full) (nullable): Patella's settings, or %NULL when the
 *   schema is not installed (an uninstalled patella-cli), so that callers fall
 *   back to the defaults instead of aborting
 */
GSettings *
patella_context_load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);

  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

PatellaClock *
patella_context_get_clock (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->clock;
}

/**
 * patella_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings
 */
GSettings *
patella_context_get_settings (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * patella_context_get_notifier:
 *
 * Returns: (transfer none) (nullable): where notifications go
 */
PatellaNotifier *
patella_context_get_notifier (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->notifier;
}

/* Tests hand in a recording notifier; the timers and services follow. */
void
patella_context_set_notifier (PatellaContext  *self,
                              PatellaNotifier *notifier)
{
  g_return_if_fail (PATELLA_IS_CONTEXT (self));
  g_return_if_fail (notifier == NULL || PATELLA_IS_NOTIFIER (notifier));

  if (!g_set_object (&self->notifier, notifier))
    return;

  if (self->ice_timer != NULL)
    patella_timer_set_notifier (self->ice_timer, notifier);
  if (self->walk_run != NULL)
    patella_walk_run_set_notifier (self->walk_run, notifier);
  if (self->store != NULL)
    start_services (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTIFIER]);
}

/**
 * patella_context_get_store:
 *
 * Returns: (transfer none) (nullable): the database, or %NULL when it could
 *   not be opened (see patella_context_get_store_error())
 */
PatellaStore *
patella_context_get_store (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * patella_context_get_store_error:
 *
 * Returns: (transfer none) (nullable): why the last patella_context_open_store()
 *   failed
 */
const GError *
patella_context_get_store_error (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->store_error;
}

/**
 * patella_context_open_store:
 * @path: (nullable): the database file, or %NULL for the default one
 *
 * Opens (or reopens) the database and watches it for other programs'
 * writes. On failure the context has no store, and the error is kept for
 * patella_context_get_store_error().
 */
gboolean
patella_context_open_store (PatellaContext  *self,
                            const char      *path,
                            GError         **error)
{
  g_autoptr(PatellaStore) store = NULL;

  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), FALSE);

  g_clear_error (&self->store_error);
  /* The old connection goes first: its services must not write while the
   * new one opens, and a file moved aside must be let go. */
  replace_store (self, NULL);

  store = patella_store_open (path, self->clock, &self->store_error);
  if (store == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      g_propagate_error (error, g_error_copy (self->store_error));
      return FALSE;
    }

  if (self->run_services)
    {
      patella_store_watch (store);
      /* A save refused by another program's lock is tried again by the
       * editor: a window must not freeze waiting for it. */
      patella_store_set_busy_timeout (store, 250);
    }

  replace_store (self, store);
  return TRUE;
}

/* For tests and tools that opened the store themselves. */
void
patella_context_set_store (PatellaContext *self,
                           PatellaStore   *store)
{
  g_return_if_fail (PATELLA_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || PATELLA_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_error (&self->store_error);
  replace_store (self, store);
}

/* Lets go of the database (before it is moved aside or restored). */
void
patella_context_close_store (PatellaContext *self)
{
  patella_context_set_store (self, NULL);
}

/**
 * patella_context_set_run_services:
 *
 * Whether this program runs the timers and the background services
 * (reminders, the morning check-in, the import folder) over its store, and
 * watches the store for other programs' writes: the application does,
 * patella-cli does not.
 */
void
patella_context_set_run_services (PatellaContext *self,
                                  gboolean        run_services)
{
  g_return_if_fail (PATELLA_IS_CONTEXT (self));

  if (self->run_services == !!run_services)
    return;

  self->run_services = !!run_services;
  start_timers (self);
  start_services (self);
}

/**
 * patella_context_get_ice_timer:
 *
 * Returns: (transfer none) (nullable): the icing timer, %NULL without a store
 *   or services
 */
PatellaTimer *
patella_context_get_ice_timer (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->ice_timer;
}

/**
 * patella_context_get_walk_run:
 *
 * Returns: (transfer none) (nullable): the walk/run timer
 */
PatellaWalkRun *
patella_context_get_walk_run (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->walk_run;
}

/**
 * patella_context_get_reminders:
 *
 * Returns: (transfer none) (nullable): the reminder service, %NULL when the
 *   database cannot be written
 */
PatellaReminderService *
patella_context_get_reminders (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->reminders;
}

/**
 * patella_context_get_check_in:
 *
 * Returns: (transfer none) (nullable): the morning check-in service
 */
PatellaCheckInService *
patella_context_get_check_in (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->check_in;
}

/**
 * patella_context_get_import_folder:
 *
 * Returns: (transfer none) (nullable): the import folder's watcher
 */
PatellaImportFolder *
patella_context_get_import_folder (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), NULL);

  return self->import_folder;
}

PatellaDistanceUnit
patella_context_get_unit (PatellaContext *self)
{
  g_autofree char *setting = NULL;

  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), PATELLA_UNIT_KM);

  if (self->settings != NULL)
    setting = g_settings_get_string (self->settings, "distance-unit");

  return patella_unit_from_setting (setting);
}

/* How many icing sessions a day the user aims for (3–4, GUIDANCE.md). */
guint
patella_context_get_ice_goal (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), PATELLA_ICE_GOAL_DEFAULT);

  return patella_reminders_get_ice_goal (self->settings);
}

/* How many exercise sessions a week count as the routine done. */
guint
patella_context_get_exercise_goal (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), PATELLA_REPORT_EXERCISE_GOAL);

  return PATELLA_REPORT_EXERCISE_GOAL;
}

/* How long an icing session lasts (15–20 minutes, GUIDANCE.md). */
int
patella_context_get_ice_minutes (PatellaContext *self)
{
  g_return_val_if_fail (PATELLA_IS_CONTEXT (self), PATELLA_ICE_MINUTES_DEFAULT);

  return patella_reminders_get_ice_minutes (self->settings);
}
