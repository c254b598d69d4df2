#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "process_shims.h"

pid_t gs_spawn_group(char *const argv[], char *const envp[], const char *log_path) {
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_t actions;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawn_file_actions_init(&actions);
    const char *target = log_path != NULL ? log_path : "/dev/null";
    posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid = -1;
    int status = posix_spawnp(&pid, argv[0], &actions, &attributes, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (status != 0) {
        errno = status;
        return -1;
    }
    return pid;
}

#define GS_MAX_GROUPS 16
static pid_t groups_to_kill[GS_MAX_GROUPS];

static void kill_groups(void) {
    for (int i = 0; i < GS_MAX_GROUPS; i++) {
        if (groups_to_kill[i] > 0) gs_stop_group(groups_to_kill[i], 1000);
        groups_to_kill[i] = 0;
    }
}

/* A signal that would end the process without atexit (Ctrl-C before a script runs, kill,
   a closed terminal) stops the groups first, then ends the process as the signal would. */
static void kill_groups_and_die(int signo) {
    kill_groups();
    signal(signo, SIG_DFL);
    raise(signo);
}

static void kill_groups_on_fatal_signals(void) {
    const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction current;
        if (sigaction(signals[i], NULL, &current) != 0 || current.sa_handler != SIG_DFL) continue;
        struct sigaction action = {0};
        action.sa_handler = kill_groups_and_die;
        sigemptyset(&action.sa_mask);
        sigaction(signals[i], &action, NULL);
    }
}

void gs_kill_group_at_exit(pid_t pgid) {
    static int registered = 0;
    if (!registered) {
        atexit(kill_groups);
        kill_groups_on_fatal_signals();
        registered = 1;
    }
    for (int i = 0; i < GS_MAX_GROUPS; i++) {
        if (groups_to_kill[i] == 0) {
            groups_to_kill[i] = pgid;
            return;
        }
    }
}

void gs_forget_group(pid_t pgid) {
    for (int i = 0; i < GS_MAX_GROUPS; i++) {
        if (groups_to_kill[i] == pgid) groups_to_kill[i] = 0;
    }
}

void gs_stop_group(pid_t pgid, int grace_ms) {
    if (pgid <= 0) return;
    kill(-pgid, SIGTERM);
    struct timespec pause = {0, 20 * 1000 * 1000};
    for (int waited = 0; waited < grace_ms; waited += 20) {
        pid_t done = waitpid(pgid, NULL, WNOHANG);
        if (done == pgid || (done < 0 && errno == ECHILD)) {
            kill(-pgid, SIGKILL);
            return;
        }
        nanosleep(&pause, NULL);
    }
    kill(-pgid, SIGKILL);
    waitpid(pgid, NULL, 0);
}
