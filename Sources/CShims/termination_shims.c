#include <pthread.h>
#include <signal.h>
#include <string.h>
#include "termination_shims.h"

static const int termination_signals[] = {SIGTERM, SIGHUP};
#define GS_TERMINATION_SIGNALS (sizeof termination_signals / sizeof termination_signals[0])

static volatile sig_atomic_t received = 0;
static struct sigaction previous_actions[GS_TERMINATION_SIGNALS];
static int handler_users = 0;
static pthread_mutex_t termination_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_termination(int signo) {
    if (received == 0) received = signo;
    raise(SIGINT);
}

void gs_termination_install_handler(void) {
    pthread_mutex_lock(&termination_lock);
    if (handler_users++ == 0) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_termination;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0; /* no SA_RESTART, as for Ctrl-C */
        for (size_t i = 0; i < GS_TERMINATION_SIGNALS; i++) {
            sigaction(termination_signals[i], &action, &previous_actions[i]);
        }
    }
    pthread_mutex_unlock(&termination_lock);
}

void gs_termination_restore_handler(void) {
    pthread_mutex_lock(&termination_lock);
    if (handler_users > 0 && --handler_users == 0) {
        for (size_t i = 0; i < GS_TERMINATION_SIGNALS; i++) {
            sigaction(termination_signals[i], &previous_actions[i], NULL);
        }
    }
    pthread_mutex_unlock(&termination_lock);
}

int gs_termination_signal(void) { return received; }
void gs_termination_reset(void) { received = 0; }
