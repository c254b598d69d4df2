#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <editline/readline.h>
#include "edit_shims.h"

static sigjmp_buf readline_jump;
static volatile sig_atomic_t in_readline = 0;

/* Ctrl-C at the prompt abandons the line being typed: jump back out of readline. */
static void on_sigint_at_prompt(int sig) {
    (void)sig;
    if (in_readline) {
        in_readline = 0;
        siglongjmp(readline_jump, 1);
    }
}

char *gs_readline(const char *prompt, int *interrupted) {
    struct termios saved;
    int have_termios = tcgetattr(STDIN_FILENO, &saved) == 0;
    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint_at_prompt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous);
    *interrupted = 0;
    char *line;
    if (sigsetjmp(readline_jump, 1) != 0) {
        if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        fputs("\n", stdout);
        fflush(stdout);
        *interrupted = 1;
        line = strdup("");
    } else {
        in_readline = 1;
        line = readline(prompt);
        in_readline = 0;
    }
    sigaction(SIGINT, &previous, NULL);
    return line;
}

void gs_add_history(const char *line) { add_history(line); }
int gs_read_history(const char *path) { return read_history(path); }
int gs_write_history(const char *path) { return write_history(path); }

static gs_completion_provider completion_provider = NULL;

static char **complete(const char *text, int start, int end) {
    (void)end;
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
    if (completion_provider == NULL) return NULL;
    char *before = strndup(rl_line_buffer, (size_t)start + strlen(text));
    char **matches = completion_provider(text, before);
    free(before);
    return matches;
}

void gs_set_completion_provider(gs_completion_provider provider) {
    completion_provider = provider;
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t\n\"\\'><=;+-*/%^~#&|()[]{},";
}
