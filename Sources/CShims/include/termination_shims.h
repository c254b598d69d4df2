#ifndef GLUESCRIPT_TERMINATION_SHIMS_H
#define GLUESCRIPT_TERMINATION_SHIMS_H

/* SIGTERM and SIGHUP while Lua code runs: the handler records the signal and raises SIGINT, so
   the script stops as on Ctrl-C (transfers cancelled, uploads aborted, temporary files removed)
   and the process can then exit with 128 + the signal. Install with the Ctrl-C handler; the
   first user installs it and the last restores the previous handlers. */
void gs_termination_install_handler(void);
void gs_termination_restore_handler(void);

/* SIGTERM or SIGHUP if one arrived since the last reset, else 0. */
int gs_termination_signal(void);
void gs_termination_reset(void);

#endif
