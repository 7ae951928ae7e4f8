/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application on a fake clock, for end-to-end tests: it runs as
 * `patella` does (arguments included) while the test moves time forward by
 * writing "advance SECONDS" lines to its standard input; "quit" ends it.
 * PATELLA_TEST_NOW (ISO 8601) is the starting time. */
#include "config.h"

#include "patella-test-gui.h"

int
main (int    argc,
      char **argv)
{
  return patella_test_run_driven_app (argc, argv, NULL);
}
