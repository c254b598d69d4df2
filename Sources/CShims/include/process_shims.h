#ifndef GLUESCRIPT_PROCESS_SHIMS_H
#define GLUESCRIPT_PROCESS_SHIMS_H
#include <sys/types.h>

/* Starts `argv[0]` (looked up on PATH) with `argv` and `envp` in a process group of its own,
   stdout and stderr to `log_path` (or /dev/null). Returns the pid, or -1 with errno set. */
pid_t gs_spawn_group(char *const argv[], char *const envp[], const char *log_path);

/* Makes sure the process group `pgid` (up to 16 of them) is terminated when this process exits, also through
   os.exit() or a SIGINT, SIGTERM or SIGHUP left at its default action; gs_forget_group undoes it after the
   group was stopped by other means. */
void gs_kill_group_at_exit(pid_t pgid);
void gs_forget_group(pid_t pgid);

/* SIGTERM to the group, then SIGKILL after `grace_ms` if the leader has not exited. */
void gs_stop_group(pid_t pgid, int grace_ms);

#endif
